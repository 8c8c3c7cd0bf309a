/**
 * Read aloud with the Web Speech API: the title, then the article paragraph by paragraph (one utterance each, so
 * previous/next, the highlight and a rate change work per paragraph). A "Read aloud" toolbar button shows a small
 * control bar: play/pause, previous/next paragraph, speed and voice (voices of the article's language first).
 * Speech stops when the bar is hidden, when the article is re-rendered and when the reader closes.
 * Without speech synthesis in the browser there is no button at all.
 */
import { t } from '../shared/browser.js';
import { el } from './dom.js';
import type { ReaderContext, ReaderFeature } from './features.js';
import { scrollHostTo, topInHost } from './progress.js';
import { type Speech, speechOf, voicesForLang } from './speech.js';

/** The speeds offered; 1 is the voice's normal speed. Below 0.75 most voices slur, above 2 few keep up. */
export const READ_ALOUD_RATES: readonly number[] = [0.75, 1, 1.25, 1.5, 1.75, 2];
const DEFAULT_RATE = 1;

/** What is read, one utterance each: block-level text of the body (an element inside another is read with it). */
const SPOKEN = 'p, li, h2, h3, h4, blockquote';

/** The paragraph being read is scrolled to this share of the viewport height from the top when it is off screen. */
const SPEAKING_VIEWPORT_OFFSET = 0.3;

export const SPEAKING_CLASS = 'cp-speaking';

export const READ_ALOUD_CSS = `
.cp-read-aloud {
  position: fixed; left: 50%; bottom: 16px; z-index: 3;
  transform: translateX(-50%);
  max-width: calc(100vw - 32px);
  display: flex; flex-wrap: wrap; align-items: center; justify-content: center; gap: 8px 12px;
  padding: 8px 14px;
  background: var(--cp-bg); color: var(--cp-fg);
  border: 1px solid var(--cp-rule); border-radius: 12px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  font: 14px/1.2 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
}
.cp-read-aloud[hidden] { display: none; }
.cp-read-aloud-buttons { display: flex; gap: 4px; }
.cp-read-aloud button {
  width: 36px; height: 36px;
  display: inline-flex; align-items: center; justify-content: center;
  border: 0; border-radius: 50%;
  background: var(--cp-button-bg); color: var(--cp-fg);
  cursor: pointer;
}
.cp-read-aloud button:hover { background: var(--cp-button-hover); }
.cp-read-aloud button:focus-visible { border-radius: 50%; }
.cp-read-aloud svg { width: 16px; height: 16px; }
.cp-read-aloud label { display: inline-flex; align-items: center; gap: 6px; }
.cp-read-aloud select {
  font: inherit; color: var(--cp-fg); background: var(--cp-button-bg);
  border: 1px solid var(--cp-rule); border-radius: 4px; padding: 4px 6px;
  max-width: 224px;
}
.${SPEAKING_CLASS} {
  background: var(--cp-code-bg);
  box-shadow: 0 0 0 0.3em var(--cp-code-bg);
  border-radius: 2px;
}
@media print { .cp-read-aloud { display: none !important; } .${SPEAKING_CLASS} { background: none; box-shadow: none; } }
`;

/** The title, then the body's spoken blocks that are not inside another spoken block, leaving out empty ones. */
export function spokenBlocks(article: HTMLElement): HTMLElement[] {
  const blocks: HTMLElement[] = [];
  const title = article.querySelector<HTMLElement>('.cp-title');
  if (title && textOf(title)) blocks.push(title);
  const content = article.querySelector('.cp-content');
  if (!content) return blocks;
  for (const block of Array.from(content.querySelectorAll<HTMLElement>(SPOKEN))) {
    const outer = block.parentElement?.closest(SPOKEN);
    if (outer && content.contains(outer)) continue;
    if (textOf(block)) blocks.push(block);
  }
  return blocks;
}

/** Elements whose text is a separate run: without a space between them, "time,</p><p>said" reads "time,said". */
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'figure', 'figcaption', 'pre', 'table', 'tr', 'td', 'th']);

/** The text to speak for a block: its text with a space between inner blocks, whitespace collapsed. */
export function textOf(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    else if (n.nodeType === 1) {
      const block = BLOCK_TAGS.has((n as Element).localName);
      if (block) parts.push(' ');
      n.childNodes.forEach(walk);
      if (block) parts.push(' ');
    }
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const ICONS = {
  play: 'M4.5 2.5v11l9-5.5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  previous: 'M3 3h2v10H3zM13 3v10L6 8z',
  next: 'M11 3h2v10h-2zM3 3v10l7-5z',
} as const;

/** A decorative 16x16 icon: the button around it carries the name. */
function icon(doc: Document, name: keyof typeof ICONS): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICONS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

type PlayState = 'stopped' | 'playing' | 'paused';

export function mountReadAloud(ctx: ReaderContext): ReaderFeature {
  const speech = speechOf(ctx.doc.defaultView);
  if (!speech) return {};
  return readAloud(ctx, speech);
}

function readAloud(ctx: ReaderContext, { synth, Utterance }: Speech): ReaderFeature {
  const { doc, host, page, tools, article, signal } = ctx;

  const toggle = el(doc, 'button', {
    type: 'button', class: 'cp-tool-button', 'data-cp': 'read-aloud-toggle',
    'aria-expanded': 'false', 'aria-controls': 'cp-read-aloud',
  }, [t('readerReadAloud')]);
  tools.append(toggle);

  const previousButton = el(doc, 'button', {
    type: 'button', 'data-cp': 'read-aloud-previous', 'aria-label': t('readerReadAloudPrevious'), title: t('readerReadAloudPrevious'),
  }, [icon(doc, 'previous')]);
  const playButton = el(doc, 'button', { type: 'button', 'data-cp': 'read-aloud-play' });
  const nextButton = el(doc, 'button', {
    type: 'button', 'data-cp': 'read-aloud-next', 'aria-label': t('readerReadAloudNext'), title: t('readerReadAloudNext'),
  }, [icon(doc, 'next')]);
  // The browser's own locale, as for the rest of the reader's interface (the page's language is the article's).
  const format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
  const rateSelect = el(doc, 'select', { 'data-cp': 'read-aloud-rate' }, READ_ALOUD_RATES.map((rate) =>
    el(doc, 'option', { value: String(rate), selected: rate === DEFAULT_RATE ? '' : undefined }, [`${format.format(rate)}×`])));
  const voiceSelect = el(doc, 'select', { 'data-cp': 'read-aloud-voice' });
  const panel = el(doc, 'div', {
    id: 'cp-read-aloud', class: 'cp-read-aloud', 'data-cp': 'read-aloud', role: 'group',
    'aria-label': t('readerReadAloud'), hidden: '',
  }, [
    el(doc, 'div', { class: 'cp-read-aloud-buttons' }, [previousButton, playButton, nextButton]),
    el(doc, 'label', {}, [t('readerReadAloudRate'), rateSelect]),
    el(doc, 'label', {}, [t('readerReadAloudVoice'), voiceSelect]),
  ]);
  page.insertBefore(panel, article);

  let blocks: HTMLElement[] = [];
  let index = 0;
  let state: PlayState = 'stopped';
  /** The utterance we are waiting on; events of any other (cancelled) one are ignored. */
  let current: SpeechSynthesisUtterance | null = null;
  let highlighted: HTMLElement | null = null;
  let lang = '';
  let voices: SpeechSynthesisVoice[] = [];
  let rate = DEFAULT_RATE;

  const showState = (): void => {
    const playing = state === 'playing';
    const label = t(playing ? 'readerReadAloudPause' : 'readerReadAloudPlay');
    playButton.setAttribute('aria-label', label);
    playButton.title = label;
    playButton.replaceChildren(icon(doc, playing ? 'pause' : 'play'));
    // Previous and next stay enabled at the ends (they do nothing there): a button that disables itself under
    // the keyboard focus drops the focus to the page.
    playButton.disabled = blocks.length === 0;
  };

  const highlight = (block: HTMLElement | null): void => {
    if (highlighted === block) return;
    highlighted?.classList.remove(SPEAKING_CLASS);
    highlighted = block;
    if (!block) return;
    block.classList.add(SPEAKING_CLASS);
    const hostTop = host.getBoundingClientRect().top;
    const rect = block.getBoundingClientRect();
    if (rect.top < hostTop || rect.bottom > hostTop + host.clientHeight) {
      scrollHostTo(host, topInHost(host, block) - host.clientHeight * SPEAKING_VIEWPORT_OFFSET);
    }
  };

  const chosenVoice = (): SpeechSynthesisVoice | null => voices[Number(voiceSelect.value)] ?? null;

  /** Stops speaking; the position is kept, so Play continues from the paragraph that was being read. */
  const stop = (): void => {
    const wasActive = state !== 'stopped' || current !== null;
    current = null;
    state = 'stopped';
    if (wasActive) synth.cancel();
    highlight(null);
    showState();
  };

  const finish = (): void => {
    stop();
    index = 0;
    showState();
  };

  const speakAt = (at: number): void => {
    const block = blocks[at];
    if (!block) return;
    index = at;
    // Forget the current utterance before cancelling it: a browser may fire its end event synchronously.
    current = null;
    synth.cancel();
    // A synthesizer paused before the cancel stays paused and would hold the new utterance.
    if (synth.paused) synth.resume();
    const utterance = new Utterance(textOf(block));
    utterance.rate = rate;
    const voice = chosenVoice();
    if (voice) {
      utterance.voice = voice;
      utterance.lang = voice.lang;
    } else if (lang) {
      utterance.lang = lang;
    }
    utterance.onend = () => {
      if (current !== utterance) return;
      if (index + 1 < blocks.length) speakAt(index + 1);
      else finish();
    };
    utterance.onerror = () => {
      if (current === utterance) stop();
    };
    current = utterance;
    state = 'playing';
    highlight(block);
    showState();
    synth.speak(utterance);
  };

  const play = (): void => {
    if (state === 'paused') {
      synth.resume();
      state = 'playing';
      showState();
    } else if (state === 'stopped') {
      speakAt(index);
    }
  };

  const pause = (): void => {
    if (state !== 'playing') return;
    synth.pause();
    state = 'paused';
    showState();
  };

  const refreshVoices = (): void => {
    const previous = chosenVoice();
    voices = voicesForLang(synth.getVoices(), lang);
    if (!voices.length) {
      voiceSelect.replaceChildren(el(doc, 'option', { value: '' }, [t('readerReadAloudDefaultVoice')]));
      return;
    }
    const keep = previous ? voices.findIndex((v) => v.voiceURI === previous.voiceURI) : -1;
    const chosen = keep >= 0 ? keep : Math.max(voices.findIndex((v) => v.default), 0);
    voiceSelect.replaceChildren(...voices.map((voice, i) =>
      el(doc, 'option', { value: String(i), selected: i === chosen ? '' : undefined }, [`${voice.name} (${voice.lang})`])));
    voiceSelect.value = String(chosen);
  };

  /** A new rate or voice applies from the paragraph being read: it starts again with them. */
  const restartIfPlaying = (): void => {
    if (state === 'playing') speakAt(index);
  };

  toggle.addEventListener('click', () => {
    const show = panel.hidden;
    panel.hidden = !show;
    toggle.setAttribute('aria-expanded', String(show));
    if (show) playButton.focus();
    else stop();
  }, { signal });
  playButton.addEventListener('click', () => (state === 'playing' ? pause() : play()), { signal });
  previousButton.addEventListener('click', () => speakAt(Math.max(index - 1, 0)), { signal });
  nextButton.addEventListener('click', () => speakAt(Math.min(index + 1, blocks.length - 1)), { signal });
  rateSelect.addEventListener('change', () => {
    const chosen = Number(rateSelect.value);
    rate = READ_ALOUD_RATES.includes(chosen) ? chosen : DEFAULT_RATE;
    restartIfPlaying();
  }, { signal });
  voiceSelect.addEventListener('change', restartIfPlaying, { signal });
  // Chrome loads its voices after the first getVoices() call and says so with this event.
  if (typeof synth.addEventListener === 'function') synth.addEventListener('voiceschanged', refreshVoices, { signal });

  showState();

  return {
    render(content) {
      stop();
      index = 0;
      blocks = spokenBlocks(article);
      lang = content.article.lang || doc.documentElement.lang || '';
      refreshVoices();
      showState();
    },
    destroy: stop,
  };
}
