/** The extraction core's public surface: pure functions, Document in, plain data out. */
export { extractArticle } from './extract.js';
export { detectArticle } from './detect.js';
export type { ArticleResult, DetectionResult, ExtractOptions, MetadataSource, RemovalRecord, RuleFamily } from './types.js';
