import { expect } from 'vitest';
import { type ExpectedArticle, loadExpected, normalise } from './expected.js';
import type { PopupCard } from './popup.js';
import type { PageState, ReaderSnapshot } from './reader.js';

export const ITWIRE_ARTICLE = 'itwire-kaspersky-sanctions';
export const ITWIRE_HOME = 'itwire-home';

export const itwire: ExpectedArticle & Required<Pick<ExpectedArticle, 'title' | 'byline' | 'published'>> = (() => {
  const e = loadExpected(ITWIRE_ARTICLE);
  if (!e.title || !e.byline || !e.published) throw new Error(`${ITWIRE_ARTICLE}.expected.json lacks title/byline/published`);
  return { ...e, title: e.title, byline: e.byline, published: e.published };
})();

/** The popup card for the iTWire story: state is checked by the caller. */
export function expectItwireCard(card: PopupCard, opts: { promotionStripped: boolean } = { promotionStripped: true }): void {
  expect.soft(card.site, 'card site').toBe(itwire.siteName);
  expect.soft(card.title, 'card title').toBe(itwire.title);
  expect(card.byline, 'card byline').toBe(itwire.byline);
  expect(card.published, 'card time[data-cp=published] is shown').not.toBeNull();
  expect(card.published?.datetime, 'card time[datetime]').toBe(itwire.published);
  expect(card.published?.text, 'card date text is a locale date').toContain('2018');
  expect(card.published?.tooltip ?? '', 'card date tooltip has the full timestamp').toMatch(/2018.*\d{1,2}[:.]\d{2}|\d{1,2}[:.]\d{2}.*2018/);
  expect(card.readingTime ?? '', 'card reading time').toMatch(/\d+\s*min/i);
  const removed = card.removed ?? '';
  if (opts.promotionStripped) expect(removed, 'card removed line').toMatch(/promotion/i);
  else expect(removed, 'card removed line with ads kept').not.toMatch(/promotion/i);
  expect(removed, 'card removed line').toMatch(/comment/i);
  expect(card.openReaderVisible, 'button#open-reader is visible').toBe(true);
}

/** The reader overlay for the iTWire story, opened on `pageUrl`. */
export function expectItwireReader(r: ReaderSnapshot, pageUrl: string): void {
  expect(r.hostOnDocumentElement, 'reader host is a child of <html>').toBe(true);
  expect(r.shadowMode, 'reader shadow root mode').toBe('open');
  expect(r.theme, 'reader host data-theme').toBeTruthy();
  expect(r.titleTag, 'reader title element').toBe('h1');
  expect(r.title, 'reader title').toBe(itwire.title);
  expect(r.byline ?? '', 'reader byline').toContain(itwire.byline);
  expect(r.published?.datetime, 'reader time[datetime]').toBe(itwire.published);
  expect(r.siteTag, 'reader site element').toBe('a');
  expect(r.siteHref, 'reader site link points at the page').toBe(pageUrl);
  expect.soft(r.siteText, 'reader site name').toBe(itwire.siteName);
  expect(r.readingTime ?? '', 'reader reading time').toMatch(/\d+\s*min/i);
  expect(r.hasCloseButton, 'reader close button').toBe(true);
  const content = r.contentText ?? '';
  expectAllMustContain(content);
  for (const s of itwire.mustNotContain ?? []) {
    expect(r.shadowText, 'reader shadow root mustNotContain').not.toContain(normalise(s));
  }
}

export function expectAllMustContain(content: string): void {
  const missing = (itwire.mustContain ?? []).map(normalise).filter((s) => !content.includes(s));
  expect(missing, 'mustContain strings missing from [data-cp=content]').toEqual([]);
}

/** Closing the reader gave the page back exactly. */
export function expectRestored(after: PageState, before: PageState): void {
  expect(after.values, 'form input values').toEqual(before.values);
  expect({ x: after.scrollX, y: after.scrollY }, 'scroll position').toEqual({ x: before.scrollX, y: before.scrollY });
  expect(after.focus, 'focused element').toBe(before.focus);
  expect(firstDifference(before.html, after.html), 'document.documentElement.outerHTML is unchanged').toBeNull();
}

/** Null when equal, else a short excerpt of both strings around the first differing character. */
export function firstDifference(a: string, b: string): { at: number; before: string; after: string } | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  return { at: i, before: a.slice(from, i + 160), after: b.slice(from, i + 160) };
}
