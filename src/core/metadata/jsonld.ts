/**
 * schema.org JSON-LD: the most trusted metadata a page gives. Finds the page's main Article-like entity
 * (Article, NewsArticle, BlogPosting, … including inside `@graph`), resolving `@id` references.
 */
import { decodeCharacterReferences } from '../sanitize.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** schema.org types whose instances are articles (CreativeWork subtypes used by news sites and blogs). */
const ARTICLE_TYPE =
  /^(?:Article|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|TechArticle|ScholarlyArticle|MedicalScholarlyArticle|Report|SatiricalArticle|AdvertiserContentArticle|DiscussionForumPosting|Review|Recipe|HowTo)$/i;

/** Types that describe a whole listing or site rather than one article. */
const LISTING_TYPE = /^(?:CollectionPage|SearchResultsPage|ItemList|WebSite|ProfilePage|Store|Product|FAQPage|QAPage)$/i;

export interface JsonLdArticle {
  type: string;
  headline: string | null;
  authors: string[];
  /** True when an author is an Organization rather than a Person. */
  authorIsOrganization: boolean;
  datePublished: string | null;
  dateModified: string | null;
  publisher: string | null;
  inLanguage: string | null;
  image: string | null;
  description: string | null;
}

export interface JsonLdInfo {
  article: JsonLdArticle | null;
  /** Every @type found, for the detector. */
  types: string[];
  hasListingType: boolean;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//i, ''));
}

/** Pages wrap JSON-LD in comments or CDATA and leave control characters in strings; tolerate both. */
function parseScript(text: string): Json | undefined {
  const cleaned = text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .replace(/[\u0000-\u0019]+/g, ' ');
  try {
    return JSON.parse(cleaned) as Json;
  } catch {
    return undefined;
  }
}

function collectNodes(value: Json | undefined, out: JsonObject[], depth = 0): void {
  if (depth > 6 || value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  out.push(value);
  if (value['@graph']) collectNodes(value['@graph'], out, depth + 1);
  // mainEntity / mainEntityOfPage often nest the article inside a WebPage.
  for (const key of ['mainEntity', 'mainEntityOfPage', 'itemListElement']) {
    const nested = value[key];
    if (isObject(nested) || Array.isArray(nested)) collectNodes(nested, out, depth + 1);
  }
}

function stringOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return stringOf(value[0]);
  if (isObject(value)) return stringOf(value['@value'] ?? value['name'] ?? value['url']);
  return null;
}

function looksLikeUrl(value: string): boolean {
  return /^(?:https?:)?\/\//i.test(value) || /^www\./i.test(value);
}

function resolveRef(value: Json, byId: Map<string, JsonObject>): Json {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return byId.get(value['@id']) ?? value;
  }
  return value;
}

function authorsOf(node: JsonObject, byId: Map<string, JsonObject>): { names: string[]; organization: boolean } {
  const raw = node['author'] ?? node['creator'];
  if (raw === undefined || raw === null) return { names: [], organization: false };
  const list = Array.isArray(raw) ? raw : [raw];
  const names: string[] = [];
  let organization = false;
  for (const item of list) {
    const author = resolveRef(item, byId);
    let name: string | null = null;
    if (typeof author === 'string') name = author;
    else if (isObject(author)) {
      if (typesOf(author).some((t) => /Organization|Corporation|NewsMediaOrganization/i.test(t))) organization = true;
      name = stringOf(author['name']);
    }
    if (name && !looksLikeUrl(name)) names.push(name.trim());
  }
  return { names, organization };
}

/** A character reference left in a JSON string ("Redacci&oacute;n"): CMSs escape HTML before writing the JSON. */
const CHARACTER_REFERENCE = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/** The text a string with character references stands for. */
function decodeEntities(doc: Document, value: string): string {
  return CHARACTER_REFERENCE.test(value) ? decodeCharacterReferences(value, doc) : value;
}

function imageOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return imageOf(value[0]);
  if (isObject(value)) return stringOf(value['url'] ?? value['contentUrl']);
  return null;
}

export function readJsonLd(doc: Document, pageTitle: string): JsonLdInfo {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    collectNodes(parseScript(script.textContent ?? ''), nodes);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);

  const types = nodes.flatMap(typesOf);
  const articles = nodes.filter((node) => typesOf(node).some((t) => ARTICLE_TYPE.test(t)));
  // Several articles (a live blog, teasers): prefer the one whose headline matches the page title.
  const title = pageTitle.toLowerCase();
  const main =
    articles.find((node) => {
      const headline = stringOf(node['headline'] ?? node['name'])?.toLowerCase();
      return headline !== undefined && headline !== null && headline.length > 0 && title.includes(headline.slice(0, 40));
    }) ?? articles[0];

  let article: JsonLdArticle | null = null;
  if (main) {
    const { names: rawNames, organization } = authorsOf(main, byId);
    const names = rawNames.map((name) => decodeEntities(doc, name));
    const publisher = main['publisher'] === undefined ? undefined : resolveRef(main['publisher'], byId);
    article = {
      type: typesOf(main)[0] ?? 'Article',
      headline: stringOf(main['headline'] ?? main['name']),
      authors: names,
      authorIsOrganization: organization && names.length > 0,
      datePublished: stringOf(main['datePublished'] ?? main['dateCreated']),
      dateModified: stringOf(main['dateModified']),
      publisher: isObject(publisher) ? stringOf(publisher['name']) : stringOf(publisher),
      inLanguage: stringOf(main['inLanguage']),
      image: imageOf(main['image'] ?? main['thumbnailUrl']),
      description: stringOf(main['description']),
    };
  }
  return { article, types, hasListingType: types.some((t) => LISTING_TYPE.test(t)) };
}
