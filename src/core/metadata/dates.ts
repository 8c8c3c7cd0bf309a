/**
 * Dates: machine-readable values (ISO 8601, RFC 2822, epoch) and dates written for people in English,
 * German, French, Spanish, Italian, Dutch and Portuguese (and, day first, Russian, Ukrainian, Polish, Czech,
 * Finnish and the Scandinavian languages), normalised to the core's output format:
 * `YYYY-MM-DDTHH:mm:ss±hh:mm` when the source gives a time with an offset, else `YYYY-MM-DD`.
 */

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  // en, de, fr, es, it, nl, pt (full names and common abbreviations)
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'januari', 'janeiro'],
  ['february', 'feb', 'febr', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'febbraio', 'februari', 'fevereiro', 'fev'],
  ['march', 'mar', 'märz', 'maerz', 'mär', 'mars', 'marzo', 'maart', 'mrt', 'março', 'marco'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei', 'maio'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'set', 'setembro'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro'],
];
/** Day-first languages whose month names are inflected: ru, uk, pl, cs, fi, and sv/da/no forms not above. */
const MORE_MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ['января', 'январь', 'янв', 'січня', 'stycznia', 'ledna', 'tammikuuta'],
  ['февраля', 'февраль', 'фев', 'лютого', 'lutego', 'února', 'helmikuuta'],
  ['марта', 'март', 'березня', 'marca', 'března', 'maaliskuuta', 'marts'],
  ['апреля', 'апрель', 'апр', 'квітня', 'kwietnia', 'dubna', 'huhtikuuta'],
  ['мая', 'май', 'травня', 'maja', 'května', 'toukokuuta', 'maj'],
  ['июня', 'июнь', 'червня', 'czerwca', 'června', 'kesäkuuta'],
  ['июля', 'июль', 'липня', 'lipca', 'července', 'heinäkuuta'],
  ['августа', 'август', 'авг', 'серпня', 'sierpnia', 'srpna', 'elokuuta', 'augusti'],
  ['сентября', 'сентябрь', 'сент', 'вересня', 'września', 'září', 'syyskuuta'],
  ['октября', 'октябрь', 'окт', 'жовтня', 'października', 'října', 'lokakuuta'],
  ['ноября', 'ноябрь', 'листопада', 'listopada', 'listopadu', 'marraskuuta'],
  ['декабря', 'декабрь', 'дек', 'грудня', 'grudnia', 'prosince', 'joulukuuta', 'desember'],
];
[...MONTH_NAMES, ...MORE_MONTH_NAMES].forEach((names, index) => names.forEach((name) => (MONTHS[name] = (index % 12) + 1)));

// Longest names first so "sept" wins over "sep" and "march" over "mar".
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const TIME = String.raw`(?:[,\s]+(?:at|um|à|a las|alle|om|às|-|–|\|)?\s*(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?)?`;
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?/;
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?\s*(?:de\s+|-\s*)?(${MONTH_ALT})\.?,?\s*(?:de\s+|-\s*)?(\d{4})\b` + TIME, 'iu');
const MONTH_DAY_YEAR = new RegExp(String.raw`\b(${MONTH_ALT})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b` + TIME, 'iu');
const NUMERIC = new RegExp(String.raw`\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b` + TIME, 'u');
const YEAR_FIRST = new RegExp(String.raw`\b(\d{4})([./])(\d{1,2})\2(\d{1,2})\b` + TIME, 'u');

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function formatDate(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

function normaliseOffset(offset: string): string {
  if (offset === 'Z') return 'Z';
  const sign = offset[0];
  const digits = offset.slice(1).replace(':', '');
  return `${sign}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

/**
 * A machine-readable date (meta tags, JSON-LD, `<time datetime>`) in output format, or null.
 * A time without an offset is local to an unknown zone, so only its date is kept.
 */
export function normaliseMachineDate(value: string | null | undefined): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  const iso = ISO_DATE.exec(raw);
  if (iso) {
    const [, ys, ms, ds, hh, mm, ss, offset] = iso;
    const y = Number(ys), m = Number(ms), d = Number(ds);
    if (!validDate(y, m, d)) return null;
    if (hh !== undefined && mm !== undefined && offset) {
      return `${formatDate(y, m, d)}T${hh}:${mm}:${ss ?? '00'}${normaliseOffset(offset)}`;
    }
    return formatDate(y, m, d);
  }
  // Compact ISO (20180515) and epoch seconds/milliseconds.
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T?\d{4,6})?$/.exec(raw);
  if (compact) {
    const y = Number(compact[1]), m = Number(compact[2]), d = Number(compact[3]);
    return validDate(y, m, d) ? formatDate(y, m, d) : null;
  }
  if (/^\d{10}(?:\d{3})?$/.test(raw)) {
    const date = new Date(raw.length === 10 ? Number(raw) * 1000 : Number(raw));
    return `${date.toISOString().slice(0, 19)}Z`;
  }
  // RFC 2822 and other forms Date.parse understands with an explicit zone ("Tue, 15 May 2018 09:19:00 +1000").
  const rfc = /^(?:\w{3},\s*)?(\d{1,2})\s+(\w{3})\w*\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z|[+-]\d{4})/i.exec(raw);
  if (rfc) {
    const month = MONTHS[rfc[2]!.toLowerCase()];
    const y = Number(rfc[3]), d = Number(rfc[1]);
    if (month && validDate(y, month, d)) {
      const zone = /^(GMT|UTC|Z)$/i.test(rfc[7]!) ? '+00:00' : normaliseOffset(rfc[7]!);
      return `${formatDate(y, month, d)}T${rfc[4]}:${rfc[5]}:${rfc[6] ?? '00'}${zone}`;
    }
  }
  return parseDateText(raw);
}

/**
 * The first date written for people in `text`, as `YYYY-MM-DD`, or null. `monthFirst` reads 05/06/2018 as
 * May 6 (US usage); otherwise day first, as in the rest of the world. Unambiguous values decide by themselves.
 */
export function parseDateText(text: string, monthFirst = false): string | null {
  return findDateText(text, monthFirst)?.value ?? null;
}

/** Every date form above has a four-digit year: text without one is no date, and most text is refused here cheaply. */
const FOUR_DIGITS = /\d{4}/;

/** False when `text` holds no date findDateText could find (no four-digit year), also in any part of it. */
export function mayHoldDate(text: string): boolean {
  return FOUR_DIGITS.test(text);
}

/** The first date written for people in `text` and where it starts, or null (see `parseDateText`). */
export function findDateText(text: string, monthFirst = false): { value: string; index: number } | null {
  if (!FOUR_DIGITS.test(text)) return null;
  const candidates: Array<{ index: number; value: string }> = [];
  const iso = ISO_DATE.exec(text);
  if (iso && validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))) {
    candidates.push({ index: iso.index, value: formatDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) });
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const d = Number(dmy[1]), m = MONTHS[dmy[2]!.toLowerCase()] ?? 0, y = Number(dmy[3]);
    if (validDate(y, m, d)) candidates.push({ index: dmy.index, value: formatDate(y, m, d) });
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) {
    const m = MONTHS[mdy[1]!.toLowerCase()] ?? 0, d = Number(mdy[2]), y = Number(mdy[3]);
    if (validDate(y, m, d)) candidates.push({ index: mdy.index, value: formatDate(y, m, d) });
  }
  const num = NUMERIC.exec(text);
  if (num) {
    const a = Number(num[1]), b = Number(num[3]), y = Number(num[4]);
    // A dot separator is European usage (day first) whatever the page language.
    const first = num[2] === '.' ? false : a > 12 ? false : b > 12 ? true : monthFirst;
    const [m, d] = first ? [a, b] : [b, a];
    if (validDate(y, m, d)) candidates.push({ index: num.index, value: formatDate(y, m, d) });
  }
  const ymd = YEAR_FIRST.exec(text);
  if (ymd) {
    const y = Number(ymd[1]), m = Number(ymd[3]), d = Number(ymd[4]);
    if (validDate(y, m, d)) candidates.push({ index: ymd.index, value: formatDate(y, m, d) });
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]!;
}

/** True if `text` contains a date (or a day range) written for people: "26-27 February 2020", "May 3, 2021". */
export function hasDateText(text: string): boolean {
  return parseDateText(text) !== null || new RegExp(String.raw`\b\d{1,2}\s*[-–]\s*\d{1,2}\s+(?:${MONTH_ALT})\b`, 'iu').test(text);
}

/**
 * A full date in the page address's path (/2020/01/29/slug, /2016-04-15/slug), as `YYYY-MM-DD`, or null. Blogs and
 * news sites put the publication day into the permalink when the article is first published, and keep it.
 */
const URL_PATH_DATE = /\/(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?=[/_.-]|$)/;

export function dateInUrl(url: string | null | undefined): string | null {
  let path: string;
  try {
    path = new URL(url ?? '').pathname;
  } catch {
    return null;
  }
  const match = URL_PATH_DATE.exec(path);
  if (!match) return null;
  const y = Number(match[1]), m = Number(match[3]), d = Number(match[4]);
  return validDate(y, m, d) ? formatDate(y, m, d) : null;
}

/** Whole days from the calendar day of `a` to that of `b` (each as written, `YYYY-MM-DD…`), or null. */
export function daysBetween(a: string, b: string): number | null {
  const day = (v: string) => (/^\d{4}-\d{2}-\d{2}/.test(v) ? Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)) - 1, Number(v.slice(8, 10))) : NaN);
  const diff = (day(b) - day(a)) / 86_400_000;
  return Number.isFinite(diff) ? diff : null;
}
