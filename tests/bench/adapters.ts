/**
 * The extractors under comparison, each behind one interface. Every call parses its own jsdom Document
 * (untimed, with the CLI's parseHtml) so no adapter sees another's mutations, forces a GC, then times the
 * extraction alone.
 */
import { performance } from 'node:perf_hooks';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { DefuddleClass } from 'defuddle/node';
import { extractDocument, parseHtml } from '../../src/cli/extract-html.js';
import type { ExtractOptions } from '../../src/core/index.js';

import type { AdapterName } from './names.js';

export interface Extraction {
  contentHtml: string;
  title: string | null;
  byline: string | null;
  published: string | null;
  siteName: string | null;
  lang: string | null;
  /** The adapter's "is this an article" verdict; undefined when it has none (Defuddle). */
  isArticle?: boolean;
  /** Blocks stripped per rule family; undefined when the adapter does not report it. */
  removed?: Partial<Record<string, number>>;
  /** Extraction time, ms; null when the call threw before timing it. */
  ms: number | null;
  /** Detection time, ms (Clearpage's detectArticle, Readability's isProbablyReaderable); null when none. */
  detectMs: number | null;
  /** The message of an exception; the page then counts as empty output. */
  error?: string;
}

export interface Adapter {
  name: AdapterName;
  run(html: string, url: string): Extraction;
}

let gcWarned = false;

/** Full GC so one adapter's garbage is not collected on another's clock. Needs node --expose-gc. */
export function forceGc(): void {
  if (typeof globalThis.gc === 'function') globalThis.gc();
  else if (!gcWarned) {
    gcWarned = true;
    process.stderr.write('bench: gc() is not exposed (run node with --expose-gc); timings are noisier\n');
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** The CLI's parse; a page jsdom cannot parse is an error of every adapter alike (empty output). */
function parseDocument(html: string, url: string): Document {
  try {
    return parseHtml(html, url);
  } catch (error) {
    throw new Error(`jsdom could not parse the page: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function closeDocument(doc: Document): void {
  doc.defaultView?.close();
}

function failed(error: unknown): Extraction {
  return {
    contentHtml: '',
    title: null,
    byline: null,
    published: null,
    siteName: null,
    lang: null,
    ms: null,
    detectMs: null,
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}

/** Clearpage through the CLI's own path; time = ms.extract (extractArticle alone), detect = ms.detect. */
export function clearpageAdapter(options: ExtractOptions): Adapter {
  return {
    name: 'clearpage',
    run(html, url) {
      let doc: Document | undefined;
      try {
        doc = parseDocument(html, url);
        forceGc();
        const { result, ms } = extractDocument(doc, { ...options, url });
        return {
          contentHtml: result.contentHtml,
          title: result.title,
          byline: result.byline,
          published: result.published,
          siteName: result.siteName,
          lang: result.lang,
          isArticle: result.isArticle,
          removed: result.removed,
          ms: ms.extract,
          detectMs: ms.detect,
        };
      } catch (error) {
        return failed(error);
      } finally {
        if (doc) closeDocument(doc);
      }
    },
  };
}

/** Plain @mozilla/readability: time = clone + parse (our core clones too); detect = isProbablyReaderable. */
export function readabilityAdapter(): Adapter {
  return {
    name: 'readability',
    run(html, url) {
      let doc: Document | undefined;
      try {
        doc = parseDocument(html, url);
        forceGc();
        const d0 = performance.now();
        const readerable = isProbablyReaderable(doc);
        const d1 = performance.now();
        forceGc();
        const t0 = performance.now();
        const article = new Readability(doc.cloneNode(true) as Document).parse();
        const t1 = performance.now();
        return {
          contentHtml: article?.content ?? '',
          title: article?.title ?? null,
          byline: article?.byline ?? null,
          published: article?.publishedTime ?? null,
          siteName: article?.siteName ?? null,
          lang: article?.lang ?? null,
          isArticle: readerable,
          ms: round(t1 - t0),
          detectMs: round(d1 - d0),
        };
      } catch (error) {
        return failed(error);
      } finally {
        if (doc) closeDocument(doc);
      }
    },
  };
}

/**
 * Defuddle's core class on a jsdom Document, synchronous parse(). The `defuddle/node` function would call
 * parseAsync(), whose site extractors may fetch from the network (transcripts, APIs): the bench has none.
 */
export function defuddleAdapter(): Adapter {
  return {
    name: 'defuddle',
    run(html, url) {
      let doc: Document | undefined;
      try {
        doc = parseDocument(html, url);
        forceGc();
        const t0 = performance.now();
        const result = new DefuddleClass(doc, { url }).parse();
        const t1 = performance.now();
        return {
          contentHtml: result.content ?? '',
          title: result.title || null,
          byline: result.author || null,
          published: result.published || null,
          siteName: result.site || null,
          lang: result.language || null,
          ms: round(t1 - t0),
          detectMs: null,
        };
      } catch (error) {
        return failed(error);
      } finally {
        if (doc) closeDocument(doc);
      }
    },
  };
}

export function makeAdapter(name: AdapterName, options: ExtractOptions): Adapter {
  switch (name) {
    case 'clearpage':
      return clearpageAdapter(options);
    case 'readability':
      return readabilityAdapter();
    case 'defuddle':
      return defuddleAdapter();
  }
}
