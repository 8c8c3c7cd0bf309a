/** `<meta>` tags by property, name or itemprop, read once per document (case-insensitive keys). */

export type MetaTags = ReadonlyMap<string, readonly string[]>;

export function readMetaTags(doc: Document): MetaTags {
  const tags = new Map<string, string[]>();
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv'))
      ?.trim()
      .toLowerCase();
    const content = meta.getAttribute('content')?.trim();
    if (!key || !content) continue;
    const list = tags.get(key);
    if (list) list.push(content);
    else tags.set(key, [content]);
  }
  return tags;
}

/** The first value among `keys`, in the order given (most trusted first). */
export function firstMeta(tags: MetaTags, keys: readonly string[]): { key: string; value: string } | null {
  for (const key of keys) {
    const value = tags.get(key)?.[0];
    if (value) return { key, value };
  }
  return null;
}

/** Author tags, most specific first. `article:author` is often a profile URL; the caller rejects URLs. */
export const AUTHOR_META_KEYS = [
  'article:author',
  'author',
  'byl',
  'dc.creator',
  'dcterms.creator',
  'dc.creator.name',
  'parsely-author',
  'sailthru.author',
  'citation_author',
  'article.author',
  'cxenseparse:author',
  'og:article:author',
  'twitter:data1',
] as const;

/** Publication-date tags, most specific first. Never a modified or "last updated" tag. */
export const PUBLISHED_META_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published-date',
  'article.published',
  'article_date_original',
  'original-publish-date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'dc.date',
  'dcterms.date',
  'citation_publication_date',
  'citation_date',
  'cxenseparse:recs:publishtime',
  'shareaholic:article_published_time',
  'date',
  'og:published_time',
  'release_date',
] as const;

/**
 * Dublin Core's bare "date" is any date in the page's life (CMSs often fill it with the last edit), unlike the
 * publication-specific keys above: a date printed next to the headline wins over it.
 */
export const GENERIC_DATE_META_KEYS: ReadonlySet<string> = new Set(['date', 'dc.date', 'dcterms.date']);

export const MODIFIED_META_KEYS = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'dcterms.modified',
  'dc.date.modified',
  'last-modified',
  'lastmod',
] as const;
