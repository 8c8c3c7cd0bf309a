/**
 * Metadata from the live (unmodified) document, best evidence first:
 * JSON-LD > microdata > meta tags > `<time>` near the headline > visible text near the headline > Readability.
 */
import { textOf } from '../dom.js';
import type { ArticleResult, MetadataSource } from '../types.js';
import { cleanByline, isWeakAuthor, joinAuthors, looksLikeUrl, printedNamesMore, withoutSiteName } from './byline.js';
import { dateInUrl, daysBetween, normaliseMachineDate } from './dates.js';
import { readJsonLd, type JsonLdInfo } from './jsonld.js';
import { AUTHOR_META_KEYS, GENERIC_DATE_META_KEYS, MODIFIED_META_KEYS, PUBLISHED_META_KEYS, firstMeta, readMetaTags, type MetaTags } from './meta-tags.js';
import { NEAR_HEADLINE_ELEMENTS, bylineNearHeadline, datesNearHeadline, findHeadline, fullNameNearHeadline, indexDocument, signedName, titleCandidates, type PageIndex } from './page-text.js';

/** The metadata fields of the result, as read from the page, plus what the extraction steps reuse. */
export type MetadataFields = Pick<ArticleResult, 'byline' | 'published' | 'modified' | 'sources' | 'siteName' | 'lang' | 'dir' | 'excerpt' | 'leadImage'>;

export interface PageMetadata extends MetadataFields {
  title: string | null;
  headline: Element | null;
  jsonLd: JsonLdInfo;
  meta: MetaTags;
}

/** One capitalised word: a first name, as some CMSs give the author ("Todd", "Nils"). */
const GIVEN_NAME_ONLY = /^\p{Lu}\p{Ll}{1,14}$/u;

/** Languages written right to left (ISO 639-1 and -3 codes in common use on the web). */
const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ha', 'he', 'iw', 'khw', 'ks', 'ku', 'ps', 'sd', 'ur', 'yi']);

/** US English writes 05/06/2018 month first; everyone else day first. */
function monthFirstFor(lang: string | null, fullLang: string | null): boolean {
  return lang === 'en' && /^en-us$/i.test(fullLang ?? '');
}

/** A printed date overrules structured data only when it clearly belongs to the headline: half the search window. */
const PRINTED_OVERRIDE_DISTANCE = NEAR_HEADLINE_ELEMENTS / 2;

/**
 * The date printed next to the headline wins over a structured one that is only a bare Dublin Core "date" (any date
 * in the page's life), or that names the adjacent day: the printed day is the publisher's local one, while
 * structured values are often written in UTC or the server's zone.
 */
function printedDateWins(structured: string, printed: string, genericDate: boolean): boolean {
  const days = daysBetween(structured, printed);
  return days !== null && days !== 0 && (genericDate || Math.abs(days) === 1);
}

function microdata(doc: Document, prop: string): Element | null {
  // Only the article's own microdata: not comments' or teasers' (their itemscope is a Comment or a list item).
  for (const el of Array.from(doc.querySelectorAll(`[itemprop~="${prop}"]`))) {
    const scope = el.parentElement?.closest('[itemscope]');
    const type = scope?.getAttribute('itemtype') ?? '';
    if (/Comment|ListItem|ItemList|Review/i.test(type)) continue;
    return el;
  }
  return null;
}

function microdataValue(el: Element | null): string | null {
  if (!el) return null;
  // hAtom's <abbr title="2017-09-09T10:52:00+02:00">10:52</abbr> keeps the full value in its title.
  const title = el.localName === 'abbr' ? el.getAttribute('title') : null;
  return el.getAttribute('content') ?? el.getAttribute('datetime') ?? title ?? (textOf(el) || null);
}

function microdataAuthor(doc: Document): string | null {
  const el = microdata(doc, 'author');
  if (!el) return null;
  const name = el.querySelector('[itemprop~="name"]');
  return cleanByline(microdataValue(name) ?? microdataValue(el));
}

function resolveUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  try {
    return new URL(value, base).href;
  } catch {
    return null;
  }
}

/** Names the site goes by: og:site_name and the like, the publisher, the host name with and without its suffix. */
function siteNamesOf(doc: Document, meta: MetaTags, publisher: string | null, baseUrl: string): string[] {
  const names = [firstMeta(meta, ['og:site_name', 'application-name', 'apple-mobile-web-app-title'])?.value, publisher];
  let host = '';
  try {
    host = new URL(doc.URL || baseUrl).hostname.replace(/^www\./, '');
  } catch {
    // No usable address: names from the page only.
  }
  if (host && host !== 'localhost') names.push(host, host.replace(/\.[a-z]{2,}$/i, ''));
  return names.filter((n): n is string => Boolean(n && n.trim()));
}

/** Title separators between the headline and the site's name ("Headline | Example News", "Headline – Example"). */
const TITLE_SEPARATOR = /\s+[|–—-]\s+|\s+::\s+/;

/**
 * The names the site declares for itself: og:site_name and the like, the publisher, and each part of the document
 * title around a separator. Unlike `siteNamesOf`, not the host name: a personal site is named after its owner.
 */
function declaredSiteNames(doc: Document, meta: MetaTags, publisher: string | null): string[] {
  const names = [firstMeta(meta, ['og:site_name', 'application-name', 'apple-mobile-web-app-title'])?.value, publisher];
  const parts = doc.title.split(TITLE_SEPARATOR);
  if (parts.length > 1) names.push(...parts);
  return names.map((n) => n?.trim() ?? '').filter(Boolean);
}

/** BCP 47 tag to its primary language subtag ("en-GB" -> "en"), lower-case. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

export function readMetadata(doc: Document, baseUrl: string, index: PageIndex | null = null): PageMetadata {
  const meta = readMetaTags(doc);
  const ogTitle = firstMeta(meta, ['og:title', 'twitter:title'])?.value ?? null;
  const jsonLd = readJsonLd(doc, ogTitle ?? doc.title);
  const article = jsonLd.article;
  const titles = titleCandidates(doc, [article?.headline, ogTitle]);
  const headline = doc.body ? findHeadline(doc.body, titles) : null;
  const sources: PageMetadata['sources'] = {};

  const fullLang =
    doc.documentElement.getAttribute('lang') ??
    doc.documentElement.getAttribute('xml:lang') ??
    firstMeta(meta, ['content-language', 'og:locale', 'language', 'dc.language'])?.value ??
    article?.inLanguage ??
    null;
  const lang = primaryLanguage(fullLang);

  let pageIndex = index;
  const near = (): PageIndex => (pageIndex ??= indexDocument(doc.body ?? doc.documentElement));

  // Byline: people named by JSON-LD, then microdata, then meta tags, then the printed byline. A metadata author that
  // is the site itself, an organisation or a login handle yields to a printed byline when there is one.
  const siteNames = siteNamesOf(doc, meta, article?.publisher ?? null, baseUrl);
  // Each read only when the ones before it named nobody (microdata is a query over the whole page).
  const candidates: Array<[() => string | null, MetadataSource]> = [];
  if (article && article.authors.length && !article.authorIsOrganization) candidates.push([() => joinAuthors(article.authors), 'json-ld']);
  candidates.push([() => microdataAuthor(doc), 'microdata']);
  for (const key of AUTHOR_META_KEYS) candidates.push([() => joinAuthors(meta.get(key)?.filter((v) => !looksLikeUrl(v)) ?? []), 'meta']);
  let byline: string | null = null;
  let weak: { name: string; source: MetadataSource } | null = null;
  for (const [read, source] of candidates) {
    const value = read();
    const name = value && withoutSiteName(value, siteNames);
    if (!name) continue;
    if (!isWeakAuthor(name, siteNames)) {
      byline = name;
      sources.byline = source;
      break;
    }
    weak ??= { name, source };
  }
  if (doc.body) {
    const printed = bylineNearHeadline(near(), headline, (name) => isWeakAuthor(name, siteNames));
    if (!byline && printed && !(weak && isWeakAuthor(printed, siteNames))) {
      byline = printed;
      sources.byline = 'page-text';
    } else if (byline && printed && printedNamesMore(printed, byline)) {
      // The printed byline names the same people and more (a co-author the metadata left out), or writes them its way.
      byline = printed;
      sources.byline = 'page-text';
    }
  }
  // A first name alone ("Todd") is completed from the full name printed by the headline ("Todd Bates").
  if (byline && sources.byline !== 'page-text' && doc.body && GIVEN_NAME_ONLY.test(byline)) {
    const full = fullNameNearHeadline(near(), headline, byline);
    if (full) byline = full;
  }
  if (!byline && weak) {
    byline = weak.name;
    sources.byline = weak.source;
  }
  if (!byline && article?.authorIsOrganization) {
    byline = joinAuthors(article.authors);
    if (byline) sources.byline = 'json-ld';
  }
  // Nothing names an author by the headline: an author box after the article, or the copyright holder of a
  // personal site, signs it.
  if (!byline && doc.body) {
    byline = signedName(
      near(),
      headline,
      (name) => isWeakAuthor(name, siteNames),
      (name) => declaredSiteNames(doc, meta, article?.publisher ?? null).some((site) => site.toLowerCase() === name.toLowerCase()),
    );
    if (byline) sources.byline = 'page-text';
  }

  // Dates: the same order of trust; a modified date is never taken as the published one.
  let published = normaliseMachineDate(article?.datePublished);
  if (published) sources.published = 'json-ld';
  if (!published) {
    published = normaliseMachineDate(microdataValue(microdata(doc, 'datePublished')));
    if (published) sources.published = 'microdata';
  }
  let genericDate = false;
  if (!published) {
    for (const key of PUBLISHED_META_KEYS) {
      published = normaliseMachineDate(meta.get(key)?.[0]);
      if (published) {
        sources.published = 'meta';
        genericDate = GENERIC_DATE_META_KEYS.has(key);
        break;
      }
    }
  }
  let modified = normaliseMachineDate(article?.dateModified);
  if (modified) sources.modified = 'json-ld';
  if (!modified) {
    const value = firstMeta(meta, MODIFIED_META_KEYS)?.value ?? microdataValue(microdata(doc, 'dateModified'));
    modified = normaliseMachineDate(value);
    if (modified) sources.modified = 'meta';
  }
  if (doc.body) {
    const dates = datesNearHeadline(near(), headline, monthFirstFor(lang, fullLang));
    if (!published && dates.published && dates.publishedSource) {
      published = dates.published;
      sources.published = dates.publishedSource;
    } else if (
      published &&
      dates.publishedPrinted &&
      dates.publishedSource &&
      dates.publishedDistance <= PRINTED_OVERRIDE_DISTANCE &&
      printedDateWins(published, dates.publishedPrinted, genericDate)
    ) {
      published = dates.publishedPrinted;
      sources.published = dates.publishedSource;
    }
    if (!modified && dates.modified) {
      modified = dates.modified;
      sources.modified = 'page-text';
    }
  }
  // A dated permalink (/2020/01/29/slug) records the day the article was first published.
  const urlDay = dateInUrl(doc.URL || baseUrl);
  if (urlDay && daysBetween(urlDay, published ?? '') !== 0) {
    published = urlDay;
    sources.published = 'url';
  }

  const siteName =
    firstMeta(meta, ['og:site_name', 'application-name', 'apple-mobile-web-app-title'])?.value ??
    article?.publisher ??
    null;
  const dirAttr = (doc.documentElement.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? '').toLowerCase();
  const dir = dirAttr === 'rtl' || dirAttr === 'ltr' ? dirAttr : lang ? (RTL_LANGS.has(lang) ? 'rtl' : 'ltr') : null;
  const excerpt = firstMeta(meta, ['og:description', 'description', 'twitter:description'])?.value ?? article?.description ?? null;
  const leadImage = resolveUrl(firstMeta(meta, ['og:image', 'og:image:url', 'twitter:image', 'image'])?.value ?? article?.image, baseUrl);
  const headlineText = headline ? textOf(headline) : null;

  return {
    title: headlineText || article?.headline || ogTitle || null,
    headline,
    byline,
    published,
    modified,
    sources,
    siteName,
    lang,
    dir,
    excerpt,
    leadImage,
    jsonLd,
    meta,
  };
}
