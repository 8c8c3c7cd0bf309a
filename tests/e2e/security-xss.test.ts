/**
 * The XSS corpus (tests/fixtures/xss/) through the real reader in headless Chromium: each corpus page opened the way
 * a user does (toolbar click, "Open reader view"), then nothing may run, nothing may be fetched from the payload
 * host, nothing dangerous may sit in the reader's shadow DOM, and hostile titles and bylines show as text.
 *
 * The pages carry their payloads live, so the page itself runs some of them (an `<img onerror>` fires without any
 * reader). Only what the READER adds is measured: the page settles first, then the tripwire is replaced by a
 * recorder and the network log is read from that point on.
 */
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SLOT_KIND, TEXT_SLOTS, type XssPage, xssPages } from '../fixtures/xss/page.js';
import { PAYLOAD_HOST, VECTORS } from '../fixtures/xss/vectors.js';
import { READER_HOST } from './harness/reader.js';
import { chromiumReaderSuite } from './harness/reader-suite.js';

/**
 * How long the page may take to fire its own payloads (late image errors, animation events, CSS fetches) before
 * the reader opens, and how long the reader gets afterwards. Waiting for "nothing happens" has no condition to
 * wait on: a fixed time is the only way to give a payload its chance.
 */
const SETTLE_MS = 500;

const PAGES = xssPages();
const normalise = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();
/** The text a piece of markup shows (what a reader must print when the markup arrives as a title). */
const textOfMarkup = (html: string): string => JSDOM.fragment(html).textContent ?? '';
/** The character references the corpus uses. Metadata readers decode them once (a meta value may be escaped). */
const NAMED_REFS: Record<string, string> = { Tab: '\t', colon: ':', quot: '"', lt: '<', gt: '>', amp: '&' };
const decodeRefs = (s: string): string =>
  s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (ref, hex?: string, dec?: string, name?: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (NAMED_REFS[name ?? ''] ?? ref));
/** What a vector may show as when it arrives as text: itself, or itself with its character references decoded. */
const shownAs = (html: string): string[] => [normalise(html), normalise(decodeRefs(html))];
/** A payload's self-naming mark (base64 payloads are decoded first). */
const markOf = (html: string, id: number): boolean => {
  const decoded = html.replace(/base64,([A-Za-z0-9+/=]+)/g, (_, b64: string) => Buffer.from(b64, 'base64').toString());
  return new RegExp(`(?:__xss=|${PAYLOAD_HOST}/|msgbox\\()${id}\\b`).test(decoded);
};

declare global {
  interface Window {
    __xss?: unknown;
  }
}

/** Everything in the reader's shadow root that could run script, load a document, or restyle the page. */
interface ShadowAudit {
  offences: string[];
  title: { text: string; elements: number } | null;
  byline: { text: string; elements: number } | null;
  captions: string[];
  content: string;
}

function auditShadow(page: Page): Promise<ShadowAudit> {
  return page.evaluate((hostSelector) => {
    const root = document.querySelector(hostSelector)?.shadowRoot;
    if (!root) throw new Error('no reader shadow root');
    const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'base', 'form', 'style', 'link', 'meta']);
    const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'ping', 'cite', 'to', 'from', 'values']);
    // javascript:, vbscript:, and data: for anything but an image (an image cannot run script).
    const DANGEROUS_URL = /^(?:javascript|vbscript):|^data:(?!image\/)/i;
    const offences: string[] = [];
    const describe = (el: Element): string => `<${el.localName}> ${el.outerHTML.slice(0, 120)}`;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (FORBIDDEN_TAGS.has(el.localName)) offences.push(`forbidden element ${describe(el)}`);
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        // URL parsers drop ASCII whitespace and control characters, so "jav\tascript:" is javascript:.
        const compact = attr.value.replace(/[\u0000-\u0020]/g, '');
        if (name.startsWith('on')) offences.push(`event handler ${name} on ${describe(el)}`);
        if (name === 'srcdoc') offences.push(`srcdoc on ${describe(el)}`);
        if (URL_ATTRS.has(name) && DANGEROUS_URL.test(compact)) offences.push(`${name}=${attr.value} on ${describe(el)}`);
        if (name === 'srcset' && compact.split(',').some((c) => DANGEROUS_URL.test(c))) offences.push(`srcset on ${describe(el)}`);
        // The reader's own progress bar sizes its fill with a transform (src/reader/progress.ts); nothing else
        // in the reader, and nothing from the page, carries inline style.
        if (name === 'style' && !el.closest('[data-cp="progress"]')) offences.push(`style attribute on ${describe(el)}`);
      }
    }
    const norm = (s: string | null | undefined): string => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
    const part = (selector: string): { text: string; elements: number } | null => {
      const el = root.querySelector(selector);
      return el ? { text: norm(el.textContent), elements: el.querySelectorAll('*').length } : null;
    };
    return {
      offences,
      title: part('[data-cp="title"]'),
      byline: part('[data-cp="byline"]'),
      captions: Array.from(root.querySelectorAll('[data-cp="content"] figcaption'), (c) => norm(c.textContent)),
      content: norm(root.querySelector('[data-cp="content"]')?.textContent),
    };
  }, READER_HOST);
}

describe('XSS corpus in the reader (Chromium)', () => {
  const suite = chromiumReaderSuite((server) => {
    for (const p of PAGES) server.define(p.path, p.html);
  });

  it('the corpus: 60+ vectors, each live in a page and as text in a title, byline or metadata slot', () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(VECTORS.map((v) => v.id)).size, 'vector ids are unique').toBe(VECTORS.length);
    const live = PAGES.flatMap((p) => p.live.map((v) => v.id));
    expect(live.toSorted((a, b) => a - b), 'every vector is live in exactly one page').toEqual(VECTORS.map((v) => v.id));
    const slotted = new Set(PAGES.flatMap((p) => TEXT_SLOTS.map((slot) => p.slots[slot].id)));
    expect(VECTORS.filter((v) => !slotted.has(v.id)).map((v) => v.name), 'vectors in no text slot').toEqual([]);
    const kinds = new Set([...PAGES.flatMap((p) => p.live.map((v) => v.live)), ...TEXT_SLOTS.map((s) => SLOT_KIND[s])]);
    expect([...kinds].sort()).toEqual(['body', 'byline', 'caption', 'metadata', 'title']);
    // Every payload names itself, so a failure points at its vector.
    expect(VECTORS.filter((v) => !markOf(v.html, v.id)).map((v) => v.name), 'vectors whose payload does not name them').toEqual([]);
  });

  /** Per page, what the page itself ran or requested before the reader opened (the corpus is live). */
  const pagePhase: Array<{ tripwire: unknown; requests: number }> = [];

  for (const corpusPage of PAGES) {
    const ids = corpusPage.live.map((v) => v.id).join(', ');
    it(`${corpusPage.path} (live vectors ${ids}): the reader runs nothing, fetches nothing, shows text as text`, async () => {
      await checkPage(corpusPage);
    });
  }

  it('the corpus is live: the pages themselves ran or requested payloads (so silence in the reader means something)', () => {
    expect(pagePhase.length, 'pages checked').toBe(PAGES.length);
    expect(pagePhase.filter((p) => p.tripwire !== undefined).length, 'pages whose own markup set the tripwire').toBeGreaterThan(PAGES.length / 2);
    expect(pagePhase.reduce((sum, p) => sum + p.requests, 0), 'payload requests the pages made themselves').toBeGreaterThan(0);
  });

  async function checkPage(corpusPage: XssPage): Promise<void> {
    const network = suite.browser().network;
    const startPage = network.blocked.length;
    const page = await suite.open(suite.origin().url(corpusPage.path));
    await page.waitForTimeout(SETTLE_MS);
    pagePhase.push({
      tripwire: await page.evaluate(() => window.__xss),
      requests: network.blocked.slice(startPage).filter((u) => new URL(u).hostname === PAYLOAD_HOST).length,
    });

    // From here on, every write to the tripwire is recorded (a payload that fires twice is seen twice).
    await page.evaluate(() => {
      const writes: unknown[] = [];
      Object.defineProperty(window, '__xss', {
        configurable: true,
        get: () => (writes.length ? writes : undefined),
        set: (value: unknown) => { writes.push(value); },
      });
    });
    const start = network.blocked.length;

    await suite.openReader(page); // asserts the popup saw an article
    await page.waitForTimeout(SETTLE_MS);

    // (a) nothing ran in the page's main world, where inline handlers and javascript: URLs would run.
    expect(await page.evaluate(() => window.__xss), 'tripwire writes after the reader opened').toBeUndefined();
    // (b) nothing was requested from the payload host.
    const payloadRequests = network.blocked.slice(start).filter((u) => new URL(u).hostname === PAYLOAD_HOST);
    expect(payloadRequests, 'payload requests after the reader opened').toEqual([]);

    const audit = await auditShadow(page);
    expect(audit.offences, 'dangerous markup in the reader shadow root').toEqual([]);

    // The vectors really went through extraction: the story's paragraphs and each vector's update paragraph.
    expect(audit.content).toContain(normalise('The regional water authority confirmed on Tuesday'));
    const bodyVectors = corpusPage.live.filter((v) => v.live === 'body').length;
    expect(audit.content.match(/from the newsroom:/g)?.length ?? 0, 'vector paragraphs in the reader').toBe(bodyVectors);

    // (c) hostile titles and bylines are printed as the characters they are, never as elements.
    const titles = (['title-tag', 'og-title', 'jsonld-headline', 'h1'] as const).flatMap((s) => shownAs(corpusPage.slots[s].html));
    expect(audit.title?.elements, 'elements inside the reader title').toBe(0);
    expect(titles, 'the reader title is one of the page titles, as text').toContain(audit.title?.text);
    expect(audit.title?.text, 'the reader title shows markup characters').toMatch(/[<>]/);
    // Bylines are cleaned (a leading "<" or an "@handle" may go), so the check is: no elements, markup characters
    // shown literally, and the payload's own mark (its number) printed as text.
    const authors = (['byline', 'meta-author', 'jsonld-author'] as const).map((s) => corpusPage.slots[s]);
    expect(audit.byline, 'the reader shows a byline').not.toBeNull();
    if (audit.byline) {
      expect(audit.byline.elements, 'elements inside the reader byline').toBe(0);
      expect(audit.byline.text, 'the reader byline shows markup characters').toMatch(/[<>]/);
      const shown = audit.byline.text;
      expect(authors.some((v) => markOf(shown, v.id)), `byline "${shown}" shows an author payload as text`).toBe(true);
    }
    for (const v of corpusPage.live.filter((c) => c.live === 'caption' && c.html.startsWith('&lt;'))) {
      expect(audit.captions.join(' '), `caption text of "${v.name}"`).toContain(normalise(textOfMarkup(v.html)));
    }
  }
});
