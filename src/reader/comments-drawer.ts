/**
 * The comments drawer: the article's comment thread (as extraction gave it, already without forms and
 * buttons) in a collapsed <details> at the end of the article, for readers who want it. The HTML goes in
 * through sanitizeToFragment like the article body.
 */
import type { CommentsResult } from '../core/index.js';
import { sanitizeToFragment } from '../core/sanitize.js';
import { t } from '../shared/browser.js';
import { el } from './dom.js';

export const COMMENTS_DRAWER_ID = 'cp-comments';

export const COMMENTS_CSS = `
.cp-comments {
  margin: 40px 0 0; border-top: 1px solid var(--cp-rule); padding-top: 16px;
}
.cp-comments > summary {
  cursor: pointer; font-family: var(--cp-ui-font, system-ui, sans-serif); font-size: 15.2px; font-weight: 600;
  color: var(--cp-fg); padding: 4px 0; border-radius: 4px;
}
.cp-comments-body { font-size: 0.9em; color: var(--cp-fg); }
.cp-comments-body ol, .cp-comments-body ul { padding-left: 20px; }
.cp-comments-body li { margin: 12px 0; }
`;

/** The drawer, collapsed, labelled "Comments (n)". */
export function buildCommentsDrawer(doc: Document, comments: CommentsResult): HTMLDetailsElement {
  const body = el(doc, 'div', { class: 'cp-comments-body' });
  body.append(sanitizeToFragment(comments.html, doc));
  // The page's own names for things inside the thread ("Reply" links to anchors on the page) lead nowhere here.
  for (const link of Array.from(body.querySelectorAll('a[href^="#"]'))) link.removeAttribute('href');
  return el(doc, 'details', { class: 'cp-comments', id: COMMENTS_DRAWER_ID, 'data-cp': 'comments' }, [
    el(doc, 'summary', {}, [t('commentsDrawer', String(comments.count))]),
    body,
  ]);
}
