import { isProbablyReaderable } from '@mozilla/readability';
import type { DetectionResult } from './types.js';

/** Placeholder detector (replaced by the signal-based one). */
export function detectArticle(doc: Document): DetectionResult {
  const ok = isProbablyReaderable(doc);
  return { isArticle: ok, confidence: ok ? 0.5 : 0, signals: ok ? ['readerable'] : [] };
}
