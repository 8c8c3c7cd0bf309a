/** The extraction core's public surface: pure functions, Document in, plain data out. */
export { extractArticle } from './extract.js';
export { detectArticle } from './detect.js';
export type {
  ArticleResult, CommentsResult, DetectionResult, ExtractOptions, KeepRule, MetadataSource, RemovalRecord, RuleFamily, StrippedBlock,
} from './types.js';
