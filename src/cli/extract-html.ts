/**
 * The CLI's extraction path, shared with the benchmark: HTML string -> jsdom Document -> the core.
 * Timings cover the core only, not HTML parsing.
 */
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { detectArticle, extractArticle } from '../core/index.js';
import type { ArticleResult, DetectionResult, ExtractOptions } from '../core/index.js';

/** Placeholder address for files given without --url: relative links stay relative to it. */
export const DEFAULT_PAGE_URL = 'http://localhost/';

export interface TimedExtraction {
  detection: DetectionResult;
  result: ArticleResult;
  ms: { detect: number; extract: number };
}

/** Parses HTML the way the CLI does: no scripts, no subresources, console noise swallowed. */
export function parseHtml(html: string, url: string = DEFAULT_PAGE_URL): Document {
  const virtualConsole = new VirtualConsole();
  try {
    return new JSDOM(html, { url, virtualConsole }).window.document;
  } catch (error) {
    // jsdom's CSS parser throws on some real-world stylesheets (cssstyle: "Cannot create property … on
    // string"). Styles carry no article text: parse again without <style> blocks rather than lose the page.
    if (!(error instanceof TypeError)) throw error;
    return new JSDOM(html.replace(STYLE_BLOCK, ''), { url, virtualConsole }).window.document;
  }
}

const STYLE_BLOCK = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

/** Runs detection and extraction on an already parsed document and times each. */
export function extractDocument(doc: Document, options: ExtractOptions = {}): TimedExtraction {
  const t0 = performance.now();
  const detection = detectArticle(doc);
  const t1 = performance.now();
  const result = extractArticle(doc, options);
  const t2 = performance.now();
  return { detection, result, ms: { detect: round(t1 - t0), extract: round(t2 - t1) } };
}

export function extractHtml(html: string, options: ExtractOptions = {}): TimedExtraction {
  return extractDocument(parseHtml(html, options.url), options);
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
