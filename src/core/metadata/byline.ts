/** Cleaning of author strings into names: prefixes, roles, dates, handles and URLs removed. */

/**
 * "By", "Von", "Par", "Por", "Di", "Door", "Av", "Af" and their longer forms ("Written by", "Erstellt von",
 * "Post author", "Autor:"), with or without a space after a colon ("Von:Jane").
 */
const PREFIX =
  /^(?:(?:(?:written|posted|published|reported|submitted|text|words|story|photos?|erstellt|geschrieben|verfasst|artikel|beitrag|ein beitrag|gespeichert|eingestellt|publié|écrit|rédigé|escrito|publicado|scritto|pubblicato|geschreven|geplaatst)\s+(?:by|von|par|por|da|di|door))|by|von|vom|par|por|di|da|door|av|af|przez|(?:(?:view|see|read|show)\s+(?:all\s+|more\s+)?(?:posts|articles|stories)\s+(?:by|of|from))|(?:alle\s+(?:beiträge|artikel)|mehr)\s+von|(?:post\s+)?author|redaktion(?=\s*:)|autor(?:in)?|auteur|autore|escrito por|texto|text)(?:\s*[:\-–—]\s*|\s+|$)/i;

/** A role after the name: ", Staff Writer", "| Senior Reporter", " - Technology Editor". */
const ROLE =
  /\s*(?:[,|–—-]|\bis\b)\s*(?:(?:senior|chief|staff|contributing|special|political|business|tech(?:nology)?|science|foreign|news|deputy|associate|managing|executive|guest|freelance|digital|sports?|health|data|investigative|national|international)\s+)*(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|analyst|producer|critic|photographer|intern|redakteur(?:in)?|korrespondent(?:in)?|journaliste|rédact(?:eur|rice)|periodista|redactor(?:a)?|giornalista|redattore|verslaggever|redacteur|jornalista|repórter)\b.*$/i;

/** Anything from a date, a time or a "Published/Updated" label on is not part of the name. */
const TRAILING_NOISE =
  /\s*(?:[|•·,–—-]\s*)?(?:(?:published|updated|posted|last updated|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|atualizado)\b.*|\b(?:on\s+|am\s+|le\s+|el\s+|il\s+|op\s+|em\s+)?(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}{3,}\.?\s+\d{4}|\p{L}{3,}\.?\s+\d{1,2},?\s+\d{4}|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:am\s+)?(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|stand:|\d+\s+(?:reviews?|posts?|articles?|comments?|beiträge|artikel|bewertungen)\b).*)$/iu;

/**
 * A news agency or broadcaster after a single person's name: "Rob Picheta, CNN", "David Hutzler, dpa" (an
 * all-capital or all-lower-case code of two to four letters), "Peter Maahn/SP-X" (all capitals after a slash;
 * lower-case initials after a slash are a desk code the byline keeps); the person is the author. Degrees are kept.
 */
const AGENCY_AFTER_NAME = /^([^,/]+\s[^,/]+?)(?:,\s*(?!(?:MD|DO|RN|MA|MS|BA|BS|JR|SR|II|III|IV)$)(?:\p{Lu}{2,4}|\p{Ll}{2,4})|\s*\/\s*\p{Lu}[\p{Lu}-]{1,4})$/u;

/** The team after the names: "Nathan Parker and Kiran C Nair - Chrome Safe Browsing team" (up to five words). */
const TEAM_AFTER_NAMES = /\s+[-–—]\s+(?:\S+\s+){0,4}(?:team|desk|staff)$/i;
/** Invisible characters inside names: soft hyphens ("Mat\u00adthi\u00adas"), zero-width spaces and joiners. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

const HANDLE_OR_EMAIL = /\s*(?:\(?@\w+\)?|\S+@\S+\.\w+)/g;

/** Names are short: more words than this is a sentence, not a byline. */
const MAX_BYLINE_WORDS = 12;
const MAX_BYLINE_CHARS = 100;

export function looksLikeUrl(value: string): boolean {
  return /^(?:https?:)?\/\/|^www\.|\.(?:com|org|net)\/|^\/[\w-]+\//i.test(value.trim());
}

/**
 * A description after the last comma is not a name: ", Projektleiterin der HSS in Tunesien." (five words and
 * more, or a sentence of three words and more with a lower-case word in it).
 */
function dropTrailingDescription(text: string): string {
  const comma = text.lastIndexOf(',');
  if (comma < 0) return text;
  const words = text.slice(comma + 1).trim().split(/\s+/);
  const sentence = words.length >= 3 && /\.$/.test(text) && words.some((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w));
  return words.length >= 7 || sentence ? text.slice(0, comma).trim() : text;
}

export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // No space before a comma: element boundaries in printed bylines add one ("Ana Lima , Bo Chen").
  let text = raw.replace(INVISIBLE, '').replace(/\s+/g, ' ').replace(/ ([,;])/g, '$1').trim();
  if (!text || looksLikeUrl(text)) return null;
  text = text.replace(HANDLE_OR_EMAIL, '');
  for (let i = 0; i < 2; i++) text = text.replace(PREFIX, '');
  text = text.replace(TRAILING_NOISE, '').replace(ROLE, '');
  if (/\s/.test(text.replace(TEAM_AFTER_NAMES, ''))) text = text.replace(TEAM_AFTER_NAMES, '');
  // Leading symbols and punctuation ("~ Jane", "» Jane"); trailing ones except the dot of "Jr." or "Joe S.".
  text = text.replace(/^[\s\p{P}\p{S}]+|[\s|•·,:;~»«–—-]+$/gu, '').trim();
  if (!text.includes('(')) text = text.replace(/\)+$/, '').trim();
  text = dropTrailingDescription(text).replace(AGENCY_AFTER_NAME, '$1');
  // A role in parentheses after a full name: "Jane Doe (Pressesprecherin)".
  text = text.replace(/^(\S+\s+\S+.*?)\s*\([^()]*\)$/u, '$1');
  if (text.length < 2 || text.length > MAX_BYLINE_CHARS) return null;
  if (text.split(/\s+/).length > MAX_BYLINE_WORDS) return null;
  if (!/\p{L}/u.test(text) || /^\d/.test(text)) return null;
  return text;
}

/** Several author names as one byline ("Jane Doe, John Roe"), duplicates dropped. */
export function joinAuthors(names: readonly string[]): string | null {
  const cleaned: string[] = [];
  for (const name of names) {
    const clean = cleanByline(name);
    if (clean && !cleaned.some((c) => c.toLowerCase() === clean.toLowerCase())) cleaned.push(clean);
  }
  return cleaned.length ? cleaned.join(', ') : null;
}

/** Account names that are no one's name: CMS defaults and shared editorial logins. */
const GENERIC_ACCOUNT = /^(?:admin|administrator|wordpressadmin|webmaster|editor|redaktion|redaction|redacción|user|guest|root|staff|team)$/i;
/** Words that name an organisation, not a person ("e.V.", "GmbH", "Redaktion", "Magazin", "Online"). */
const ORGANISATION_WORD =
  /(?:^|[\s(])(?:e\.\s?v\.|gmbh|ag|inc\.?|ltd\.?|llc|verlag|redaktion|redaction|newsroom|magazin|magazine|online|news|media|press|presse|zeitung|tv|radio|fernsehen|stiftung|verband|verbände|verein|forum|institut|institute|association|society|group|gruppe|agentur|agency|company|corporation|club|team)(?=$|[\s),.])/i;
/** A web address as a name: "jungle.world", "mdr.de", "finanztreff.de". */
const DOMAIN_NAME = /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$/i;

/** Lower-case letters and digits only, accents dropped, for comparing names with site names. */
function squash(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * True when an author value from metadata is probably not the person who wrote the article: the site or its
 * publisher (its name, its domain), an organisation, a login handle ("jane.doe", "sarah-indra", "admin").
 * Such a value is kept only when the page prints no byline of its own.
 */
export function isWeakAuthor(name: string, siteNames: readonly string[]): boolean {
  const trimmed = name.trim();
  if (GENERIC_ACCOUNT.test(trimmed) || DOMAIN_NAME.test(trimmed) || ORGANISATION_WORD.test(trimmed)) return true;
  // A handle: one token, lower case, joined by . _ - or run together (a person's name has a space or capitals).
  if (!/\s/.test(trimmed) && /^[\p{Ll}\d._-]+$/u.test(trimmed) && /[._-]|\d|^.{12,}$/u.test(trimmed)) return true;
  const n = squash(trimmed);
  if (n.length < 2) return false;
  return siteNames.some((site) => {
    const s = squash(site);
    return s.length >= 2 && (s === n || (n.length >= 4 && s.includes(n)) || (s.length >= 4 && n.includes(s)));
  });
}

/** Lower-case words that belong in names and bylines: particles ("von der", "de la") and joiners ("und", "and"). */
const NAME_PARTICLES = new Set(
  'von vom zu zum der den van de del della di da das dos du la le les lo y e et and und en of the bin ibn al el ter ten'.split(' '),
);

/**
 * True when printed text reads as a name or a list of names: its words are capitalised (or particles), or it
 * is one or two lower-case words (a handle, "marc"). "Zuletzt geändert am" or a teaser sentence is not.
 */
export function looksLikeName(text: string): boolean {
  const words = text.split(/[\s,;&|/]+/).filter(Boolean);
  if (words.length <= 2 && words.every((w) => !/^\p{Lu}/u.test(w))) return true;
  // Short lower-case words pass too: agency and desk codes ("red", "dpa", "apa").
  return words.every((w) => /^[\p{Lu}\p{Lt}\d(«"'„“]/u.test(w) || w.length <= 3 || NAME_PARTICLES.has(w.toLowerCase().replace(/[.:]$/, '')));
}

/** Between names in a byline: separators and "and" in the languages the by-words cover. */
const NAME_SPLIT = /\s*(?:[,;&|/]|\b(?:and|und|et|y)\b)\s*/i;
/** A person's name as a byline adds it: two words and more, each capitalised or a particle ("Online-Redaktion" is none). */
const PERSON_NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|von|van|de|der|den|del|da|di|du|la|le|zu))+$/u;

/** Academic degrees a printed byline adds after each name ("Jane Doe, PhD"); the names with them are fuller. */
const DEGREE = /^(?:Ph\.?\s?D\.?|M\.?D\.?|MSc|MPH|MBA|MA|MS|BSc|DPhil|RN|JD)$/;

/**
 * True when a printed byline names every author of a metadata byline, and more people or the same people
 * written differently ("A und B" for "A, B"): the page shows the complete byline as the reader sees it.
 */
/** German (and Dutch) organisation names are compounds ending in these words: "Handballbund", "Ärztekammer". */
const ORGANISATION_SUFFIX = /\p{L}(?:bund|verband|verein|gesellschaft|kammer|akademie|institut|zentrum|genossenschaft|werk)(?=$|\s)/iu;

/**
 * True for a person's full name: two to four words, each capitalised or a name particle ("Jane van Doe"), in
 * mixed case ("SA LA NACION" is a company's style), with no organisation word.
 */
export function isPersonName(text: string): boolean {
  return (
    PERSON_NAME.test(text) &&
    text.split(/\s+/).length <= 4 &&
    /\p{Ll}/u.test(text) &&
    !ORGANISATION_WORD.test(text) &&
    !ORGANISATION_SUFFIX.test(text)
  );
}

export function printedNamesMore(printed: string, metadata: string): boolean {
  const names = (text: string) => text.split(NAME_SPLIT).map((n) => n.trim()).filter(Boolean);
  const got = names(printed);
  const keys = new Set(got.map(squash));
  const wanted = names(metadata).map(squash);
  if (!wanted.length || !wanted.every((n) => keys.has(n))) return false;
  const extra = got.filter((n) => !wanted.includes(squash(n)));
  if (!extra.length) return got.length === wanted.length && got.length >= 2 && printed !== metadata;
  return extra.every((n) => PERSON_NAME.test(n) || DEGREE.test(n));
}

/** Parts of an author value around a dash or bar: "unocero - Alberto Ávila", "Jane Doe | Example News". */
const AUTHOR_PART_SEPARATOR = /\s+[-–—|]\s+/;

/** An author value without the site's name beside the person ("unocero - Alberto Ávila" -> "Alberto Ávila"). */
export function withoutSiteName(name: string, siteNames: readonly string[]): string {
  const parts = name.split(AUTHOR_PART_SEPARATOR);
  if (parts.length < 2) return name;
  const kept = parts.filter((part) => !isWeakAuthor(part, siteNames));
  return kept.length && kept.length < parts.length ? kept.join(' - ') : name;
}
