/** Cleaning of author strings into names: prefixes, roles, dates, handles and URLs removed. */

/** "By", "Von", "Par", "Por", "Di", "Door", "Av", "Af" and their longer forms ("Written by", "Autor:"). */
const PREFIX =
  /^(?:(?:written|posted|published|reported|text|words|story|photos?)\s+by|by|von|vom|par|por|di|da|door|av|af|przez|autor(?:in)?|auteur|author|autore|escrito por|texto|text)\s*[:\-–—]?\s+/i;

/** A role after the name: ", Staff Writer", "| Senior Reporter", " - Technology Editor". */
const ROLE =
  /\s*(?:[,|–—-]|\bis\b)\s*(?:(?:senior|chief|staff|contributing|special|political|business|tech(?:nology)?|science|foreign|news|deputy|associate|managing|executive|guest|freelance|digital|sports?|health|data|investigative|national|international)\s+)*(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|analyst|producer|critic|photographer|intern|redakteur(?:in)?|korrespondent(?:in)?|journaliste|rédact(?:eur|rice)|periodista|redactor(?:a)?|giornalista|redattore|verslaggever|redacteur|jornalista|repórter)\b.*$/i;

/** Anything from a date, a time or a "Published/Updated" label on is not part of the name. */
const TRAILING_NOISE =
  /\s*(?:[|•·,–—-]\s*)?(?:(?:published|updated|posted|last updated|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|atualizado)\b.*|\b(?:on\s+|am\s+|le\s+|el\s+|il\s+|op\s+|em\s+)?(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}{3,}\.?\s+\d{4}|\p{L}{3,}\.?\s+\d{1,2},?\s+\d{4}|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b).*)$/iu;

const HANDLE_OR_EMAIL = /\s*(?:\(?@\w+\)?|\S+@\S+\.\w+)/g;

/** Names are short: more words than this is a sentence, not a byline. */
const MAX_BYLINE_WORDS = 12;
const MAX_BYLINE_CHARS = 100;

export function looksLikeUrl(value: string): boolean {
  return /^(?:https?:)?\/\/|^www\.|\.(?:com|org|net)\/|^\/[\w-]+\//i.test(value.trim());
}

export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = raw.replace(/\s+/g, ' ').trim();
  if (!text || looksLikeUrl(text)) return null;
  text = text.replace(HANDLE_OR_EMAIL, '');
  for (let i = 0; i < 2; i++) text = text.replace(PREFIX, '');
  text = text.replace(TRAILING_NOISE, '').replace(ROLE, '');
  text = text.replace(/^[\s|•·,:;–—-]+|[\s|•·,:;–—-]+$/g, '').trim();
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
