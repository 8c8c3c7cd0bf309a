/**
 * Transparency: the reader says what it stripped and lets the user see it and overrule it.
 *   - Chips under the header, one per family ("1 promotion · 3 ads · comments (12)").
 *   - A chip toggles that family's stripped blocks, shown greyed where they stood, each with "Keep this"
 *     (stores a keep rule for the site: from then on extraction leaves the block in) and "Remove again".
 *   - The comments chip opens the comments drawer (comments-drawer.ts) at the end of the article.
 * Keep rules live in storage.local (shared/keep-rules.ts); the content script re-extracts when they change
 * and the view renders again, so this feature keeps its state (open families, hidden blocks) across renders.
 */
import type { ArticleResult, StrippedBlock } from '../core/index.js';
import { sanitizeToFragment } from '../core/sanitize.js';
import { t } from '../shared/browser.js';
import { addKeepRule, keepRuleSite, removeKeepRule } from '../shared/keep-rules.js';
import { buildCommentsDrawer, COMMENTS_CSS, COMMENTS_DRAWER_ID } from './comments-drawer.js';
import { el } from './dom.js';
import type { FeatureFactory, ReaderContext } from './features.js';
import type { ReaderContent } from './view.js';

type BlockFamily = StrippedBlock['family'];

/** The order the chips name the families: what users recognise as clutter first. */
const CHIP_ORDER: readonly BlockFamily[] = ['promos', 'ads', 'newsletters', 'share', 'related', 'authorBio'];

/** Leading text of an anchor paragraph, as the core cuts it (repair/keep-in-place.ts). */
const ANCHOR_CHARS = 80;

export const TRANSPARENCY_CSS = `
.cp-chips { display: flex; flex-wrap: wrap; gap: 6.4px; margin: -1.25em 0 2em; font: 13px/1.4 system-ui, sans-serif; }
.cp-chip {
  display: inline-flex; align-items: center; gap: 0.3em;
  border: 1px solid var(--cp-rule); border-radius: 999px; padding: 3.2px 11.2px;
  background: var(--cp-bg); color: var(--cp-muted); font: inherit;
}
button.cp-chip { cursor: pointer; color: var(--cp-fg); background: var(--cp-button-bg); }
button.cp-chip:hover { background: var(--cp-button-hover); }
button.cp-chip[aria-pressed="true"] { border-color: var(--cp-focus); box-shadow: inset 0 0 0 1px var(--cp-focus); }
.cp-revealed, .cp-kept-shown {
  margin: 1.25em 0; padding: 0.75em 1em; border: 1px dashed var(--cp-muted); border-radius: 6px;
}
.cp-revealed:not(.cp-is-kept) .cp-revealed-body { color: var(--cp-muted); }
.cp-revealed:not(.cp-is-kept) .cp-revealed-body a { color: var(--cp-muted); }
.cp-revealed:not(.cp-is-kept) .cp-revealed-body :is(img, video, picture, svg) { opacity: 0.55; filter: grayscale(1); }
.cp-revealed-label { margin: 0 0 0.5em !important; font: 600 12px/1.4 system-ui, sans-serif; color: var(--cp-muted); text-transform: uppercase; letter-spacing: 0.04em; }
.cp-revealed-actions { display: flex; gap: 8px; margin-top: 0.5em; font: 13px/1.4 system-ui, sans-serif; }
.cp-revealed-actions button {
  font: inherit; cursor: pointer; border: 1px solid var(--cp-rule); border-radius: 4px; padding: 3.2px 9.6px;
  background: var(--cp-button-bg); color: var(--cp-fg);
}
.cp-revealed-actions button:hover { background: var(--cp-button-hover); }
.cp-revealed-error { color: var(--cp-fg); font-weight: 600; }
${COMMENTS_CSS}`;

function chipText(family: BlockFamily, count: number): string {
  const n = String(count);
  const one = count === 1;
  switch (family) {
    case 'promos': return one ? t('chipPromo') : t('chipPromos', n);
    case 'ads': return one ? t('chipAd') : t('chipAds', n);
    case 'newsletters': return one ? t('chipNewsletter') : t('chipNewsletters', n);
    case 'share': return one ? t('chipShareBar') : t('chipShareBars', n);
    case 'related': return one ? t('chipRelatedList') : t('chipRelatedLists', n);
    case 'authorBio': return one ? t('chipAuthorBio') : t('chipAuthorBios', n);
  }
}

function familyName(family: BlockFamily): string {
  switch (family) {
    case 'promos': return t('familyPromos');
    case 'ads': return t('familyAds');
    case 'newsletters': return t('familyNewsletters');
    case 'share': return t('familyShare');
    case 'related': return t('familyRelated');
    case 'authorBio': return t('familyAuthorBio');
  }
}

/** A block across renders: ids are per extraction, selector and fingerprint are not. */
const blockKey = (block: Pick<StrippedBlock, 'selector' | 'fingerprint'>): string => `${block.selector}\n${block.fingerprint}`;

const collapse = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** How many blocks of each family the rules found: the ones removed plus the ones a keep rule kept. */
export function familyCounts(article: ArticleResult): Map<BlockFamily, number> {
  const counts = new Map<BlockFamily, number>();
  for (const family of CHIP_ORDER) {
    const kept = article.stripped.filter((block) => block.family === family && block.kept).length;
    const count = (article.removed[family] ?? 0) + kept;
    if (count > 0) counts.set(family, count);
  }
  return counts;
}

/** The direct child of `content` holding `node`. */
function topLevel(content: Element, node: Element): Element {
  let top = node;
  while (top.parentElement && top.parentElement !== content) top = top.parentElement;
  return top;
}

/** Puts `node` where the block stood: after the paragraph it followed, else at the top ('' anchor) or the end. */
function placeBlock(content: Element, block: StrippedBlock, node: Element): void {
  if (!block.after) {
    content.prepend(node);
    return;
  }
  const anchor = Array.from(content.querySelectorAll('p')).find((p) => collapse(p.textContent).slice(0, ANCHOR_CHARS) === block.after)
    ?? Array.from(content.querySelectorAll('p')).find((p) => collapse(p.textContent).startsWith(block.after));
  if (anchor) topLevel(content, anchor).after(node);
  else content.append(node);
}

export const mountTransparency: FeatureFactory = (ctx: ReaderContext) => {
  const { doc, signal } = ctx;
  /** Families whose blocks are shown (kept across renders). */
  const open = new Set<BlockFamily>();
  /** Blocks the user removed again while the reader is open: not shown again in this session. */
  const hidden = new Set<string>();
  /** The block whose "Remove again" gets focus after the next render (the user just kept it). */
  let focusAfterRender: string | null = null;
  /** The chip that gets focus after the next render (the user removed a kept block: the content script re-renders). */
  let chipAfterRender: BlockFamily | null = null;
  let current: ReaderContent | null = null;

  const site = (): string | null => (current ? keepRuleSite(current.url) : null);
  const content = (): HTMLElement | null => ctx.article.querySelector<HTMLElement>('.cp-content');

  function actions(buttons: HTMLButtonElement[]): HTMLElement {
    return el(doc, 'div', { class: 'cp-revealed-actions' }, buttons);
  }

  function button(text: string, action: string, onClick: (button: HTMLButtonElement) => void): HTMLButtonElement {
    const node = el(doc, 'button', { type: 'button', 'data-cp-action': action }, [text]);
    node.addEventListener('click', () => onClick(node), { signal });
    return node;
  }

  function showError(box: Element): void {
    if (box.querySelector('.cp-revealed-error')) return;
    box.append(el(doc, 'p', { class: 'cp-revealed-error', role: 'alert' }, [t('keepFailed')]));
  }

  /** A removed block shown again, greyed, with "Keep this" and "Remove again". */
  function revealedBox(block: StrippedBlock): HTMLElement {
    const label = el(doc, 'p', { class: 'cp-revealed-label' }, [t('revealedRemoved', familyName(block.family))]);
    const body = el(doc, 'div', { class: 'cp-revealed-body' });
    body.append(sanitizeToFragment(block.html, doc));
    const box = el(doc, 'div', { class: 'cp-revealed', 'data-cp-revealed': block.id, 'data-cp-family': block.family }, [label, body]);
    const keep = button(t('keepThis'), 'keep', () => {
      const where = site();
      if (!where) return;
      focusAfterRender = blockKey(block);
      addKeepRule(where, { selector: block.selector, fingerprint: block.fingerprint }).then(() => {
        // Un-grey at once; the content script re-extracts with the new rule and the next render shows it kept.
        box.classList.add('cp-is-kept');
        label.textContent = t('revealedKept', familyName(block.family));
        keep.remove();
        remove.focus();
      }, () => {
        focusAfterRender = null;
        showError(box);
      });
    });
    const remove = button(t('removeAgain'), 'remove', () => {
      const wasKept = box.classList.contains('cp-is-kept');
      hideBlock(block, box);
      if (wasKept) {
        chipAfterRender = block.family;
        void forget(block, box);
      }
    });
    box.append(actions([keep, remove]));
    return box;
  }

  /** A kept block (in the article, marked data-cp-kept) while its chip is on: outlined, with "Remove again". */
  function markKept(block: StrippedBlock, node: Element): void {
    node.classList.add('cp-kept-shown');
    const bar = el(doc, 'div', { class: 'cp-revealed cp-is-kept', 'data-cp-kept-bar': block.id, 'data-cp-family': block.family }, [
      el(doc, 'p', { class: 'cp-revealed-label' }, [t('revealedKept', familyName(block.family))]),
    ]);
    const remove = button(t('removeAgain'), 'remove', () => {
      hideBlock(block, bar);
      node.setAttribute('hidden', '');
      chipAfterRender = block.family;
      void forget(block, bar, node);
    });
    bar.append(actions([remove]));
    // The bar goes before the block: a kept block may be a paragraph, which cannot hold a <div>.
    node.before(bar);
  }

  /** Deletes the block's keep rule; on failure shows the block (and `also`, the kept block itself) again with an error. */
  async function forget(block: StrippedBlock, box: Element, also?: Element): Promise<void> {
    const where = site();
    if (!where) return;
    try {
      await removeKeepRule(where, { selector: block.selector, fingerprint: block.fingerprint });
    } catch {
      chipAfterRender = null;
      box.removeAttribute('hidden');
      also?.removeAttribute('hidden');
      showError(box);
    }
  }

  function hideBlock(block: StrippedBlock, box: Element): void {
    hidden.add(blockKey(block));
    // Focus would fall to <body> with the box gone: give it to the family's chip.
    const chip = ctx.article.querySelector<HTMLElement>(`.cp-chip[data-cp-family="${block.family}"]`);
    box.setAttribute('hidden', '');
    chip?.focus();
  }

  function showFamily(family: BlockFamily): void {
    const body = content();
    if (!body || !current) return;
    for (const block of current.article.stripped) {
      if (block.family !== family || hidden.has(blockKey(block))) continue;
      if (block.kept) {
        const node = body.querySelector(`[data-cp-kept="${block.id}"]`);
        if (node) markKept(block, node);
      } else {
        placeBlock(body, block, revealedBox(block));
      }
    }
  }

  function hideFamily(family: BlockFamily): void {
    const body = content();
    if (!body) return;
    for (const node of Array.from(body.querySelectorAll(`[data-cp-family="${family}"]`))) {
      if (node.hasAttribute('data-cp-kept-bar')) body.querySelector(`[data-cp-kept="${node.getAttribute('data-cp-kept-bar')}"]`)?.classList.remove('cp-kept-shown');
      node.remove();
    }
  }

  function chips(article: ArticleResult): HTMLElement | null {
    const group = el(doc, 'div', { class: 'cp-chips', role: 'group', 'aria-label': t('chipsLabel'), 'data-cp': 'chips' });
    for (const [family, count] of familyCounts(article)) {
      const text = chipText(family, count);
      const revealable = article.stripped.some((block) => block.family === family);
      if (!revealable) {
        group.append(el(doc, 'span', { class: 'cp-chip', 'data-cp-family': family }, [text]));
        continue;
      }
      const chip = el(doc, 'button', {
        type: 'button', class: 'cp-chip', 'data-cp-family': family, 'aria-pressed': String(open.has(family)),
      }, [text]);
      chip.addEventListener('click', () => {
        const on = !open.has(family);
        if (on) open.add(family);
        else open.delete(family);
        chip.setAttribute('aria-pressed', String(on));
        if (on) showFamily(family);
        else hideFamily(family);
      }, { signal });
      group.append(chip);
    }
    if (article.comments) {
      const chip = el(doc, 'button', {
        type: 'button', class: 'cp-chip', 'data-cp-family': 'comments', 'aria-controls': COMMENTS_DRAWER_ID,
      }, [t('chipComments', String(article.comments.count))]);
      chip.addEventListener('click', () => {
        const drawer = ctx.article.querySelector<HTMLDetailsElement>(`#${COMMENTS_DRAWER_ID}`);
        if (!drawer) return;
        drawer.open = true;
        // jsdom (unit tests) has no scrollIntoView.
        if (typeof drawer.scrollIntoView === 'function') drawer.scrollIntoView({ block: 'start' });
        drawer.querySelector<HTMLElement>('summary')?.focus({ preventScroll: true });
      }, { signal });
      group.append(chip);
    }
    return group.childElementCount ? group : null;
  }

  return {
    render(next) {
      current = next;
      const { article } = next;
      const header = ctx.article.querySelector('.cp-header');
      const group = chips(article);
      if (group && header) header.after(group);
      if (article.comments) {
        const drawer = buildCommentsDrawer(doc, article.comments);
        const footer = ctx.article.querySelector('.cp-footer');
        if (footer) footer.before(drawer);
        else ctx.article.append(drawer);
      }
      for (const family of open) showFamily(family);
      if (chipAfterRender) {
        ctx.article.querySelector<HTMLElement>(`.cp-chip[data-cp-family="${chipAfterRender}"]`)?.focus();
        chipAfterRender = null;
      }
      if (focusAfterRender) {
        const key = focusAfterRender;
        focusAfterRender = null;
        const block = article.stripped.find((b) => blockKey(b) === key);
        const target = block && ctx.article.querySelector<HTMLElement>(
          `[data-cp-kept-bar="${block.id}"] button, [data-cp-revealed="${block.id}"] button[data-cp-action="remove"]`);
        target?.focus();
      }
    },
  };
};
