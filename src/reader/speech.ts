/**
 * The Web Speech API (speech synthesis), typed once: where to find it and which voices suit a language.
 * Read aloud (read-aloud.ts) gets it from the page's window; where it is missing there is no read aloud.
 */

export interface Speech {
  synth: SpeechSynthesis;
  Utterance: typeof SpeechSynthesisUtterance;
}

/** The window's speech synthesis and utterance constructor, or null where either is missing. */
export function speechOf(win: Window | null): Speech | null {
  // Both are optional in practice (jsdom, some Linux builds without speech-dispatcher expose neither).
  const w = win as (Window & { speechSynthesis?: SpeechSynthesis; SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance }) | null;
  if (!w?.speechSynthesis || typeof w.SpeechSynthesisUtterance !== 'function') return null;
  return { synth: w.speechSynthesis, Utterance: w.SpeechSynthesisUtterance };
}

/** The primary language subtag, lower-cased: `en-GB` and `en_US` (Android spells it so) are both `en`. */
export function primarySubtag(lang: string | null | undefined): string {
  return (lang ?? '').trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/**
 * The voices for `lang` (matched on the primary subtag, so an `en-GB` article may be read by an `en-US` voice);
 * all voices when none match or the language is unknown, so there is always something to choose from.
 */
export function voicesForLang(voices: readonly SpeechSynthesisVoice[], lang: string | null | undefined): SpeechSynthesisVoice[] {
  const wanted = primarySubtag(lang);
  const matching = wanted ? voices.filter((voice) => primarySubtag(voice.lang) === wanted) : [];
  return matching.length ? matching : [...voices];
}
