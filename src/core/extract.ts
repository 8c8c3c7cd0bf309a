import { Readability } from '@mozilla/readability';
import { detectArticle } from './detect.js';
import { sanitizeHtml } from './sanitize.js';
import type { ArticleResult, ExtractOptions } from './types.js';

/** Placeholder pipeline (replaced step by step): clone -> Readability -> sanitize. */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ArticleResult {
  const detection = detectArticle(doc);
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability(clone).parse();
  const contentHtml = parsed?.content ? sanitizeHtml(parsed.content, doc) : '';
  const textContent = parsed?.textContent?.trim() ?? '';
  const wordCount = textContent ? textContent.split(/\s+/).length : 0;
  void options;
  return {
    isArticle: detection.isArticle && Boolean(parsed),
    title: parsed?.title ?? doc.title,
    byline: parsed?.byline ?? null,
    published: parsed?.publishedTime ?? null,
    modified: null,
    sources: {},
    siteName: parsed?.siteName ?? null,
    lang: parsed?.lang ?? null,
    dir: parsed?.dir === 'rtl' ? 'rtl' : parsed?.dir === 'ltr' ? 'ltr' : null,
    excerpt: parsed?.excerpt ?? null,
    leadImage: null,
    contentHtml,
    textContent,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / 230)),
    removed: {},
  };
}
