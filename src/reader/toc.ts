/**
 * Table of contents: for an article with at least TOC_MIN_HEADINGS section headings (h2/h3 in `.cp-content`),
 * a "Contents" toolbar button opens a list of links (h3 nested under the h2 before it). Following a link
 * scrolls the reader's host (the window never moves) so the heading is at the top and moves focus to it.
 * While reading, the link of the section on screen carries `aria-current="true"`.
 */
import { t } from '../shared/browser.js';
import { el } from './dom.js';
import type { ReaderContext, ReaderFeature } from './features.js';
import { frameThrottle, scrollHostTo, topInHost } from './progress.js';

/** Fewer headings than this and a table of contents is no help: the article is one or two screens of sections. */
export const TOC_MIN_HEADINGS = 3;

/** Our own id prefix: the sanitizer drops every page id, and these never collide with anything of the page. */
export const SECTION_ID_PREFIX = 'cp-section-';

/**
 * A heading counts as the current section once its top is within this share of the viewport height from the
 * top (capped by CURRENT_SECTION_MAX_PX): a section starts being "current" a little before it reaches the top.
 */
const CURRENT_SECTION_VIEWPORT_SHARE = 0.25;
const CURRENT_SECTION_MAX_PX = 160;

export const TOC_CSS = `
.cp-toc {
  position: fixed; top: 60px; right: 16px; z-index: 3;
  width: min(352px, calc(100vw - 32px)); max-height: calc(100vh - 80px); overflow: auto;
  margin: 0; padding: 8px 0;
  background: var(--cp-bg); color: var(--cp-fg);
  border: 1px solid var(--cp-rule); border-radius: 8px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  font: 15px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
}
.cp-toc[hidden] { display: none; }
.cp-toc ol { list-style: none; margin: 0; padding: 0; }
.cp-toc ol ol { padding-inline-start: 16px; }
.cp-toc a {
  display: block; padding: 5.6px 16px;
  color: var(--cp-fg); text-decoration: none;
  border-inline-start: 3px solid transparent;
}
.cp-toc a:hover { background: var(--cp-button-hover); }
.cp-toc a[aria-current="true"] { border-inline-start-color: var(--cp-link); color: var(--cp-link); font-weight: 600; }
.cp-toc a:focus-visible { outline-offset: -2px; }
@media print { .cp-toc { display: none !important; } }
`;

interface Section {
  heading: HTMLElement;
  link: HTMLAnchorElement;
}

/** The section headings of the body, in document order; empty ones (an icon, a spacer) are left out. */
export function sectionHeadings(article: HTMLElement): HTMLElement[] {
  const content = article.querySelector('.cp-content');
  if (!content) return [];
  return Array.from(content.querySelectorAll<HTMLElement>('h2, h3')).filter((h) => headingText(h) !== '');
}

function headingText(heading: Element): string {
  return (heading.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function mountToc(ctx: ReaderContext): ReaderFeature {
  const { doc, host, root, page, tools, article, signal } = ctx;
  const toggle = el(doc, 'button', {
    type: 'button', class: 'cp-tool-button', 'data-cp': 'toc-toggle',
    'aria-expanded': 'false', 'aria-controls': 'cp-toc', hidden: '', disabled: '',
  }, [t('readerContents')]);
  tools.append(toggle);
  const nav = el(doc, 'nav', {
    id: 'cp-toc', class: 'cp-toc', 'data-cp': 'toc', 'aria-label': t('readerContentsLabel'), hidden: '',
  });
  page.insertBefore(nav, article);

  let sections: Section[] = [];
  let current: Section | null = null;

  const isOpen = (): boolean => !nav.hidden;

  const open = (): void => {
    nav.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    (current ?? sections[0])?.link.focus();
  };
  const close = (returnFocus: boolean): void => {
    if (!isOpen()) return;
    nav.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    if (returnFocus) toggle.focus();
  };

  const markCurrent = (): void => {
    if (!sections.length) return;
    const hostTop = host.getBoundingClientRect().top;
    const reach = Math.min(host.clientHeight * CURRENT_SECTION_VIEWPORT_SHARE, CURRENT_SECTION_MAX_PX);
    let next: Section | null = null;
    for (const section of sections) {
      if (section.heading.getBoundingClientRect().top - hostTop <= reach) next = section;
      else break;
    }
    if (next === current) return;
    current?.link.removeAttribute('aria-current');
    next?.link.setAttribute('aria-current', 'true');
    current = next;
  };
  const scheduleMark = frameThrottle(doc.defaultView, markCurrent);

  const goTo = (section: Section): void => {
    close(false);
    scrollHostTo(host, topInHost(host, section.heading));
    section.heading.focus({ preventScroll: true });
    markCurrent();
  };

  toggle.addEventListener('click', () => (isOpen() ? close(false) : open()), { signal });

  nav.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    const section = sections.find((s) => s.link === link);
    if (!section) return;
    // The href is only there to make it a real link; following it would change the page's own URL.
    event.preventDefault();
    goTo(section);
  }, { signal });

  // Arrow keys, Home and End move between the entries, as in any list of choices.
  nav.addEventListener('keydown', (event) => {
    const links = sections.map((s) => s.link);
    const at = links.indexOf(event.target as HTMLAnchorElement);
    if (at < 0) return;
    const to = event.key === 'ArrowDown' ? Math.min(at + 1, links.length - 1)
      : event.key === 'ArrowUp' ? Math.max(at - 1, 0)
        : event.key === 'Home' ? 0
          : event.key === 'End' ? links.length - 1 : -1;
    if (to < 0) return;
    event.preventDefault();
    links[to]?.focus();
  }, { signal });

  // Esc closes the list before it can close the reader. The view listens for Esc on the window in the capture
  // phase, so this listener must be there too; it is added first (features mount before the view's listener),
  // so it runs first, and the view leaves an event alone once it is defaultPrevented.
  doc.defaultView?.addEventListener('keydown', (event) => {
    if (!isOpen() || event.key !== 'Escape' || event.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    close(true);
  }, { capture: true, signal });

  // A click anywhere else in the reader closes the list.
  root.addEventListener('pointerdown', (event) => {
    if (!isOpen()) return;
    const target = event.target;
    if (target instanceof Node && (nav.contains(target) || toggle.contains(target))) return;
    close(false);
  }, { signal });

  host.addEventListener('scroll', scheduleMark, { passive: true, signal });

  const render = (): void => {
    close(false);
    current = null;
    const headings = sectionHeadings(article);
    if (headings.length < TOC_MIN_HEADINGS) {
      sections = [];
      nav.replaceChildren();
      toggle.hidden = true;
      toggle.disabled = true;
      return;
    }
    const top = el(doc, 'ol');
    let sub: HTMLOListElement | null = null;
    let n = 0;
    sections = headings.map((heading) => {
      let id: string;
      do id = `${SECTION_ID_PREFIX}${++n}`; while (root.getElementById(id) && root.getElementById(id) !== heading);
      heading.id = id;
      heading.tabIndex = -1;
      const link = el(doc, 'a', { href: `#${id}` }, [headingText(heading)]);
      const item = el(doc, 'li', {}, [link]);
      if (heading.localName === 'h2') {
        top.append(item);
        sub = el(doc, 'ol');
        item.append(sub);
      } else {
        (sub ?? top).append(item);
      }
      return { heading, link };
    });
    // A section without subsections keeps no empty list (screen readers would announce it).
    for (const list of Array.from(top.querySelectorAll('ol'))) if (!list.childElementCount) list.remove();
    nav.replaceChildren(top);
    toggle.hidden = false;
    toggle.disabled = false;
    scheduleMark();
  };

  return { render };
}
