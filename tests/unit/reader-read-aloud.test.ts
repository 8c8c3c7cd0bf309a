// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://news.example.org/2024/05/03/bridge.html"}
/**
 * Read aloud against a stubbed Web Speech API: the fake records speak/cancel/pause/resume and, like Chrome, fires
 * `error` on utterances a cancel() drops; a test ends the utterance being spoken with `finishCurrent()`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleResult } from '../../src/core/index.js';
import { READ_ALOUD_RATES, SPEAKING_CLASS, textOf } from '../../src/reader/read-aloud.js';
import { primarySubtag, voicesForLang } from '../../src/reader/speech.js';
import { openReaderView, type ReaderView } from '../../src/reader/view.js';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.js';
import { articleResult } from './helpers/article.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const URL_ = 'https://news.example.org/2024/05/03/bridge.html';
const TITLE = 'Council approves the new river bridge';
const BODY = `<p>The council voted on Tuesday.</p>
  <h2>What it costs</h2>
  <ul><li>Twelve million for the deck.</li><li>Two million for the ramps.</li></ul>
  <blockquote><p>It is about time,</p><p>said a resident.</p></blockquote>
  <p>   </p>
  <p>Work starts in <a href="https://news.example.org/spring">spring</a>.</p>`;
/** What BODY reads as, one utterance per block (the title first, the empty paragraph skipped, the quote whole). */
const SPOKEN = [TITLE, 'The council voted on Tuesday.', 'What it costs', 'Twelve million for the deck.',
  'Two million for the ramps.', 'It is about time, said a resident.', 'Work starts in spring.'];

interface FakeVoice { name: string; lang: string; voiceURI: string; default: boolean; localService: boolean }
const voice = (name: string, lang: string, isDefault = false): FakeVoice =>
  ({ name, lang, voiceURI: `urn:${name}`, default: isDefault, localService: true });

class FakeUtterance {
  rate = 1;
  voice: FakeVoice | null = null;
  lang = '';
  onend: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(public text = '') {}
}

class FakeSynth extends EventTarget {
  calls: string[] = [];
  spoken: FakeUtterance[] = [];
  queue: FakeUtterance[] = [];
  paused = false;
  constructor(public voices: FakeVoice[] = []) {
    super();
  }
  getVoices(): FakeVoice[] {
    return this.voices;
  }
  speak(u: FakeUtterance): void {
    this.calls.push('speak');
    this.spoken.push(u);
    this.queue.push(u);
  }
  cancel(): void {
    this.calls.push('cancel');
    const dropped = this.queue;
    this.queue = [];
    for (const u of dropped) u.onerror?.(new Event('error'));
  }
  pause(): void {
    this.calls.push('pause');
    this.paused = true;
  }
  resume(): void {
    this.calls.push('resume');
    this.paused = false;
  }
  /** The utterance being spoken comes to its end. */
  finishCurrent(): void {
    const u = this.queue.shift();
    if (!u) throw new Error('nothing is being spoken');
    u.onend?.(new Event('end'));
  }
  get last(): FakeUtterance | undefined {
    return this.spoken[this.spoken.length - 1];
  }
}

function article(overrides: Partial<ArticleResult> = {}): ArticleResult {
  return articleResult({ title: TITLE, contentHtml: BODY, ...overrides });
}

let view: ReaderView | null = null;
let controller = new AbortController();
let synth = new FakeSynth();

function install(voices: FakeVoice[] = []): FakeSynth {
  synth = new FakeSynth(voices);
  Object.assign(window, { speechSynthesis: synth, SpeechSynthesisUtterance: FakeUtterance });
  return synth;
}

interface Controls {
  root: ShadowRoot;
  toggle: HTMLButtonElement;
  panel: HTMLElement;
  play: HTMLButtonElement;
  previous: HTMLButtonElement;
  next: HTMLButtonElement;
  rate: HTMLSelectElement;
  voice: HTMLSelectElement;
}

function open(content = article()): Controls {
  view = openReaderView(document, { article: content, url: URL_ }, {
    appearance: DEFAULT_SETTINGS.appearance, signal: controller.signal, onRequestClose: vi.fn(),
  });
  const root = view.host.shadowRoot;
  if (!root) throw new Error('no open shadow root');
  const q = <T extends Element>(selector: string): T => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  };
  return {
    root,
    toggle: q('button[data-cp="read-aloud-toggle"]'),
    panel: q('[data-cp="read-aloud"]'),
    play: q('button[data-cp="read-aloud-play"]'),
    previous: q('button[data-cp="read-aloud-previous"]'),
    next: q('button[data-cp="read-aloud-next"]'),
    rate: q('select[data-cp="read-aloud-rate"]'),
    voice: q('select[data-cp="read-aloud-voice"]'),
  };
}

function speaking(root: ShadowRoot): string[] {
  return Array.from(root.querySelectorAll(`.${SPEAKING_CLASS}`), textOf);
}

beforeEach(() => {
  document.documentElement.replaceChildren(document.createElement('head'), document.createElement('body'));
  controller = new AbortController();
  install();
});

afterEach(() => {
  controller.abort();
  view?.destroy();
  view = null;
  Reflect.deleteProperty(window, 'speechSynthesis');
  Reflect.deleteProperty(window, 'SpeechSynthesisUtterance');
});

describe('read aloud', () => {
  it('has no button where the browser has no speech synthesis', () => {
    Reflect.deleteProperty(window, 'speechSynthesis');
    view = openReaderView(document, { article: article(), url: URL_ }, {
      appearance: DEFAULT_SETTINGS.appearance, signal: controller.signal, onRequestClose: vi.fn(),
    });
    expect(view.host.shadowRoot?.querySelector('[data-cp="read-aloud-toggle"]')).toBeNull();
    expect(view.host.shadowRoot?.querySelector('[data-cp="read-aloud"]')).toBeNull();
  });

  it('shows its controls from the toolbar, each with an accessible name', () => {
    const c = open();
    expect(c.toggle.textContent).toBe('Read aloud');
    expect(c.toggle.getAttribute('aria-controls')).toBe(c.panel.id);
    expect(c.toggle.getAttribute('aria-expanded')).toBe('false');
    expect(c.panel.hidden).toBe(true);
    c.toggle.click();
    expect(c.toggle.getAttribute('aria-expanded')).toBe('true');
    expect(c.panel.hidden).toBe(false);
    expect(c.root.activeElement).toBe(c.play);
    expect(c.play.getAttribute('aria-label')).toBe('Play');
    expect(c.previous.getAttribute('aria-label')).toBe('Previous paragraph');
    expect(c.next.getAttribute('aria-label')).toBe('Next paragraph');
    expect(c.rate.closest('label')?.textContent).toMatch(/^Speed/);
    expect(c.voice.closest('label')?.textContent).toMatch(/^Voice/);
    expect(Array.from(c.rate.options, (o) => Number(o.value))).toEqual(READ_ALOUD_RATES);
    expect(Math.min(...READ_ALOUD_RATES)).toBe(0.75);
    expect(Math.max(...READ_ALOUD_RATES)).toBe(2);
    expect(c.rate.value).toBe('1');
    expect(synth.calls, 'nothing is spoken before Play').toEqual([]);
  });

  it('reads the title, then the paragraphs in order, highlighting each, and stops at the end', () => {
    const c = open();
    c.toggle.click();
    c.play.click();
    expect(c.play.getAttribute('aria-label')).toBe('Pause');
    for (let i = 0; i < SPOKEN.length; i++) {
      expect(synth.last?.text).toBe(SPOKEN[i]);
      expect(speaking(c.root), `highlight on block ${i}`).toEqual([SPOKEN[i]]);
      synth.finishCurrent();
    }
    expect(synth.spoken.map((u) => u.text)).toEqual(SPOKEN);
    expect(speaking(c.root), 'no highlight after the last block').toEqual([]);
    expect(c.play.getAttribute('aria-label')).toBe('Play');
  });

  it('next and previous move by one paragraph and keep reading from there', () => {
    const c = open();
    c.toggle.click();
    c.play.click();
    c.next.click();
    c.next.click();
    expect(synth.last?.text).toBe(SPOKEN[2]);
    expect(speaking(c.root)).toEqual([SPOKEN[2]]);
    c.previous.click();
    expect(synth.last?.text).toBe(SPOKEN[1]);
    expect(speaking(c.root)).toEqual([SPOKEN[1]]);
    // Each move cancelled what was being read; the cancelled utterances' error events changed nothing.
    expect(synth.calls.filter((call) => call === 'cancel').length).toBeGreaterThanOrEqual(3);
    expect(synth.queue).toHaveLength(1);
    synth.finishCurrent();
    expect(synth.last?.text).toBe(SPOKEN[2]);
    c.previous.click();
    c.previous.click();
    c.previous.click();
    expect(synth.last?.text, 'previous stops at the title').toBe(SPOKEN[0]);
  });

  it('pauses and resumes the utterance instead of starting again', () => {
    const c = open();
    c.toggle.click();
    c.play.click();
    const spokenBefore = synth.spoken.length;
    c.play.click();
    expect(synth.calls.at(-1)).toBe('pause');
    expect(c.play.getAttribute('aria-label')).toBe('Play');
    expect(speaking(c.root), 'the paragraph stays marked while paused').toEqual([SPOKEN[0]]);
    c.play.click();
    expect(synth.calls.at(-1)).toBe('resume');
    expect(c.play.getAttribute('aria-label')).toBe('Pause');
    expect(synth.spoken.length).toBe(spokenBefore);
    // Next while paused: the synthesizer is resumed so the new paragraph is heard.
    c.play.click();
    c.next.click();
    expect(synth.paused).toBe(false);
    expect(synth.last?.text).toBe(SPOKEN[1]);
  });

  it('applies the chosen rate to the paragraph being read and the ones after it', () => {
    const c = open();
    c.toggle.click();
    c.play.click();
    expect(synth.last?.rate).toBe(1);
    c.rate.value = '1.5';
    c.rate.dispatchEvent(new Event('change'));
    expect(synth.last?.text, 'the paragraph starts again').toBe(SPOKEN[0]);
    expect(synth.last?.rate).toBe(1.5);
    synth.finishCurrent();
    expect(synth.last?.text).toBe(SPOKEN[1]);
    expect(synth.last?.rate).toBe(1.5);
  });

  it("offers the voices of the article's language, falling back to all voices", () => {
    const voices = [voice('Alex', 'en-US'), voice('Kate', 'en_GB', true), voice('Anna', 'de-DE'), voice('Amélie', 'fr-CA')];
    install(voices);
    const german = open(article({ lang: 'de-AT' }));
    expect(Array.from(german.voice.options, (o) => o.textContent)).toEqual(['Anna (de-DE)']);
    german.toggle.click();
    german.play.click();
    expect(synth.last?.voice?.name).toBe('Anna');
    expect(synth.last?.lang).toBe('de-DE');
    view?.destroy();

    const english = open(article({ lang: 'en' }));
    expect(Array.from(english.voice.options, (o) => o.textContent)).toEqual(['Alex (en-US)', 'Kate (en_GB)']);
    expect(english.voice.selectedOptions[0]?.textContent, "the browser's default voice first").toBe('Kate (en_GB)');
    english.voice.value = english.voice.options[0]?.value ?? '';
    english.voice.dispatchEvent(new Event('change'));
    english.toggle.click();
    english.play.click();
    expect(synth.last?.voice?.name).toBe('Alex');
    view?.destroy();

    const japanese = open(article({ lang: 'ja' }));
    expect(japanese.voice.options).toHaveLength(voices.length);
  });

  it('fills the voice list when the browser loads its voices late', () => {
    const c = open(article({ lang: 'fr' }));
    expect(Array.from(c.voice.options, (o) => o.textContent)).toEqual(['Default voice']);
    synth.voices = [voice('Thomas', 'fr-FR'), voice('Alex', 'en-US')];
    synth.dispatchEvent(new Event('voiceschanged'));
    expect(Array.from(c.voice.options, (o) => o.textContent)).toEqual(['Thomas (fr-FR)']);
  });

  it('scrolls the paragraph being read into view inside the host', () => {
    const c = open();
    const host = view?.host as HTMLElement;
    let top = 0;
    Object.defineProperty(host, 'scrollTop', { configurable: true, get: () => top, set: (v: number) => { top = v; } });
    Object.defineProperty(host, 'clientHeight', { configurable: true, get: () => 1000 });
    const rect = (y: number, height: number) => () => ({ top: y, bottom: y + height, left: 0, right: 0, width: 0, height, x: 0, y, toJSON: () => ({}) });
    host.getBoundingClientRect = rect(0, 1000);
    const paragraphs = c.root.querySelectorAll<HTMLElement>('.cp-content > p');
    (c.root.querySelector('.cp-title') as HTMLElement).getBoundingClientRect = rect(50, 40);
    (paragraphs[0] as HTMLElement).getBoundingClientRect = rect(1500, 60);
    c.toggle.click();
    c.play.click();
    expect(top, 'the title is on screen: no scroll').toBe(0);
    synth.finishCurrent();
    // Off screen below: scrolled so it sits 30 % down the viewport.
    expect(top).toBe(1500 - 300);
  });

  it('stops speaking when the controls are hidden, on a new article, and when the reader closes', () => {
    const c = open();
    c.toggle.click();
    c.play.click();
    c.toggle.click();
    expect(synth.calls.at(-1)).toBe('cancel');
    expect(speaking(c.root)).toEqual([]);

    c.toggle.click();
    c.play.click();
    view?.update({ article: article({ title: 'Another story' }), url: URL_ });
    expect(synth.calls.at(-1)).toBe('cancel');
    c.play.click();
    expect(synth.last?.text).toBe('Another story');

    const callsBefore = synth.calls.length;
    view?.destroy();
    view = null;
    expect(synth.calls.slice(callsBefore)).toEqual(['cancel']);
  });
});

describe('voicesForLang', () => {
  it('matches on the primary subtag, whatever the separator and case', () => {
    expect(primarySubtag('en-GB')).toBe('en');
    expect(primarySubtag('EN_us')).toBe('en');
    expect(primarySubtag('')).toBe('');
    const voices = [voice('A', 'en-US'), voice('B', 'de-DE')] as unknown as SpeechSynthesisVoice[];
    expect(voicesForLang(voices, 'en-GB').map((v) => v.name)).toEqual(['A']);
    expect(voicesForLang(voices, null).map((v) => v.name)).toEqual(['A', 'B']);
  });
});
