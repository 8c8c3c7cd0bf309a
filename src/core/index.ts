/** The extraction core's public surface: pure functions, Document in, plain data out. */
export { extractArticle } from './extract.js';
export { detectArticle } from './detect.js';
export { DEFAULT_BUDGET } from './budget.js';
export { EXTRACT_STEPS } from './types.js';
export type {
  ArticleResult, BudgetExceeded, BudgetLimits, CommentsResult, DetectionResult, ExtractOptions, ExtractStep, KeepRule, MetadataSource, RemovalRecord, RuleFamily, StrippedBlock,
} from './types.js';
