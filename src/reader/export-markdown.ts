/**
 * Reader feature: "Export" in the toolbar opens a small menu with "Copy as Markdown" and "Save as Markdown".
 * The Markdown is made from the reader's own sanitized body (`.cp-content`), never from the page's HTML
 * (src/reader/markdown.ts). A status ("Copied", "Saved") is announced through a live region.
 *
 * Keyboard: Enter/Space on "Export" opens the menu and focuses its first item; Up/Down/Home/End move between
 * items; Esc closes the menu (and only the menu: the reader stays open) and gives focus back to "Export".
 */
import { t } from '../shared/browser.js';
import { el } from './dom.js';
import type { FeatureFactory, ReaderContext } from './features.js';
import { articleToMarkdown, slugify } from './markdown.js';
import type { ReaderContent } from './view.js';

/** How long the status stays on screen; long enough to read, short enough not to linger over the article. */
const STATUS_MS = 4_000;
/**
 * The object URL of a saved file is revoked after this long, not at once: Firefox starts the download after the
 * click handler returns, and a URL revoked before that fails the download.
 */
const REVOKE_MS = 10_000;
const MENU_ID = 'cp-export-menu';

const UI_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif";

const EXPORT_CSS = `
/* The toolbar is a zero-height row (it floats over the article); align to its top as the close button does. */
.cp-export { position: relative; display: inline-flex; align-self: flex-start; }
.cp-export-toggle {
  height: 40px; padding: 0 16px;
  border: 0; border-radius: 20px;
  background: var(--cp-button-bg); color: var(--cp-fg);
  font: 600 14px/1 ${UI_FONT};
  cursor: pointer;
}
.cp-export-toggle:hover, .cp-export-toggle[aria-expanded="true"] { background: var(--cp-button-hover); }
.cp-export-toggle:focus-visible { border-radius: 20px; }
.cp-export-menu {
  position: absolute; top: calc(100% + 6px); right: 0; z-index: 2;
  min-width: 208px; padding: 6px;
  display: flex; flex-direction: column; gap: 2px;
  background: var(--cp-bg); color: var(--cp-fg);
  border: 1px solid var(--cp-rule); border-radius: 8px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
}
.cp-export-menu[hidden] { display: none; }
.cp-export-menu button {
  padding: 8.8px 12px;
  border: 0; border-radius: 5px;
  background: none; color: inherit; text-align: start;
  font: 15px/1.3 ${UI_FONT};
  cursor: pointer;
}
.cp-export-menu button:hover { background: var(--cp-button-hover); }
.cp-export-status {
  position: absolute; top: calc(100% + 6px); right: 0;
  white-space: nowrap; pointer-events: none;
  padding: 4.8px 9.6px; border-radius: 4px;
  background: var(--cp-fg); color: var(--cp-bg);
  font: 600 13px/1.2 ${UI_FONT};
}
.cp-export-status:empty { padding: 0; }
.cp-export-scratch { position: fixed; top: 0; left: -9999px; width: 1px; height: 1px; opacity: 0; }
`;

/** Adds this feature's styles to the reader's shadow root: a constructable sheet where it can, else a <style>. */
function addStyles(ctx: ReaderContext, parent: HTMLElement): void {
  const win = ctx.doc.defaultView;
  try {
    if (!win || typeof win.CSSStyleSheet !== 'function') throw new Error('no constructable stylesheets');
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(EXPORT_CSS);
    ctx.root.adoptedStyleSheets = [...ctx.root.adoptedStyleSheets, sheet];
    if (!ctx.root.adoptedStyleSheets.includes(sheet)) throw new Error('adoptedStyleSheets not applied');
  } catch {
    // The same fallback as the view's own styles (Firefox content scripts, jsdom).
    parent.prepend(el(ctx.doc, 'style', {}, [EXPORT_CSS]));
  }
}

export const exportMarkdown: FeatureFactory = (ctx) => {
  const { doc, signal } = ctx;
  let content: ReaderContent | null = null;
  let statusTimer: ReturnType<typeof setTimeout> | undefined;

  const toggle = el(doc, 'button', {
    type: 'button', class: 'cp-export-toggle', 'data-cp': 'export',
    'aria-expanded': 'false', 'aria-controls': MENU_ID,
  }, [t('readerExport')]);
  const copyItem = el(doc, 'button', { type: 'button', 'data-cp': 'export-copy' }, [t('readerExportCopy')]);
  const saveItem = el(doc, 'button', { type: 'button', 'data-cp': 'export-save' }, [t('readerExportSave')]);
  const menu = el(doc, 'div', {
    id: MENU_ID, class: 'cp-export-menu', role: 'group', 'aria-label': t('readerExportMenu'), hidden: '',
  }, [copyItem, saveItem]);
  const status = el(doc, 'span', { class: 'cp-export-status', role: 'status', 'aria-live': 'polite', 'data-cp': 'export-status' });
  const wrapper = el(doc, 'div', { class: 'cp-export' }, [toggle, menu, status]);
  addStyles(ctx, wrapper);
  ctx.tools.append(wrapper);

  const items = [copyItem, saveItem];
  const isOpen = (): boolean => !menu.hidden;

  function open(): void {
    setStatus('');
    menu.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    copyItem.focus();
  }
  function close(refocus: boolean): void {
    if (!isOpen()) return;
    menu.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    if (refocus) toggle.focus();
  }
  function setStatus(text: string): void {
    clearTimeout(statusTimer);
    status.textContent = text;
    if (text) statusTimer = setTimeout(() => { status.textContent = ''; }, STATUS_MS);
  }

  function markdown(): { text: string; title: string } | null {
    if (!content) return null;
    const body = ctx.article.querySelector('.cp-content');
    if (!body) return null;
    const { article, url } = content;
    const title = article.title || doc.title;
    const text = articleToMarkdown(
      { title, byline: article.byline, published: article.published, url, content: body },
      { source: t('readerExportSource') },
    );
    return { text, title };
  }

  /** The old way to copy, for pages that are not a secure context: select a hidden textarea and copy. */
  function copyWithTextarea(text: string): boolean {
    const scratch = el(doc, 'textarea', { class: 'cp-export-scratch', 'aria-hidden': 'true', tabindex: '-1', readonly: '' });
    scratch.value = text;
    wrapper.append(scratch);
    try {
      // execCommand('copy') copies the focused selection: focus first, then select all of the text.
      scratch.focus({ preventScroll: true });
      scratch.select();
      return doc.execCommand('copy');
    } catch {
      return false;
    } finally {
      scratch.remove();
    }
  }

  async function copy(): Promise<void> {
    const md = markdown();
    close(true);
    if (!md) return;
    const clipboard = doc.defaultView?.isSecureContext ? doc.defaultView.navigator.clipboard : undefined;
    let copied = false;
    if (typeof clipboard?.writeText === 'function') {
      try {
        await clipboard.writeText(md.text);
        copied = true;
      } catch {
        // Refused (no permission, document not focused): the textarea route below may still work.
      }
    }
    if (!copied) {
      copied = copyWithTextarea(md.text);
      toggle.focus();
    }
    if (!signal.aborted) setStatus(t(copied ? 'readerExportCopied' : 'readerExportCopyFailed'));
  }

  function save(): void {
    const md = markdown();
    close(true);
    if (!md) return;
    const blob = new Blob([md.text], { type: 'text/markdown;charset=utf-8' });
    const href = URL.createObjectURL(blob);
    const link = el(doc, 'a', { href, download: `${slugify(md.title)}.md`, hidden: '' });
    wrapper.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(href), REVOKE_MS);
    setStatus(t('readerExportSaved'));
  }

  toggle.addEventListener('click', () => (isOpen() ? close(true) : open()), { signal });
  copyItem.addEventListener('click', () => void copy(), { signal });
  saveItem.addEventListener('click', save, { signal });

  menu.addEventListener('keydown', (event) => {
    const index = items.indexOf(ctx.root.activeElement as HTMLButtonElement);
    const next =
      event.key === 'ArrowDown' ? items[(index + 1) % items.length]
      : event.key === 'ArrowUp' ? items[(index - 1 + items.length) % items.length]
      : event.key === 'Home' ? items[0]
      : event.key === 'End' ? items[items.length - 1]
      : undefined;
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }, { signal });

  // Esc closes the menu first. The view closes the reader from a keydown listener on the window in the capture
  // phase, which runs before anything inside the shadow root could; this listener is on the same target and phase,
  // and added earlier (features mount before the view adds its own), so it runs first and marks the event handled.
  doc.defaultView?.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.isComposing || !isOpen()) return;
    event.preventDefault();
    event.stopPropagation();
    close(true);
  }, { capture: true, signal });

  // A click elsewhere in the reader, or focus moving out of the export controls, closes the menu.
  ctx.root.addEventListener('click', (event) => {
    if (isOpen() && !event.composedPath().includes(wrapper)) close(false);
  }, { signal });
  wrapper.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (isOpen() && next instanceof Node && !wrapper.contains(next)) close(false);
  }, { signal });

  return {
    render(next) {
      content = next;
    },
    destroy() {
      clearTimeout(statusTimer);
    },
  };
};
