/** Test helper: an extraction result as the reader receives it, with plain defaults and the test's own values. */
import type { ArticleResult } from '../../../src/core/index.js';

export function articleResult(overrides: Partial<ArticleResult> = {}): ArticleResult {
  return {
    isArticle: true, title: 'Council approves the new river bridge', byline: null,
    published: null, modified: null, sources: {}, siteName: 'Example News',
    lang: 'en', dir: 'ltr', excerpt: null, leadImage: null,
    contentHtml: '<p>First paragraph.</p>', textContent: '', wordCount: 600, readingMinutes: 3,
    removed: {}, stripped: [], comments: null,
    ...overrides,
  };
}
