/**
 * The message receivers against hostile input: wrong types, extra and inherited fields, huge strings, prototype
 * keys, and senders that are not this extension (another extension, a web page, a context whose extension id is
 * gone). Complements tests/unit/shared-messages.test.ts, which covers the declared shapes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { isFromThisExtension, parseToBackground, parseToContent } from '../../src/shared/messages.js';
import { EXTENSION_ID, fakeBrowser } from './fake-browser.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

// Senders carry only the fields the checks read; the rest of a real MessageSender does not matter here.
const sender = (fields: { id?: string; tab?: { id: number }; url?: string }): Runtime.MessageSender => fields as Runtime.MessageSender;
const fromPopup = sender({ id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` });
const fromTab = sender({ id: EXTENSION_ID, tab: { id: 7 }, url: 'https://news.example/a' });
const readerChanged = { type: 'reader-changed', open: true, url: 'https://news.example/a', byUser: true };
const autoCheck = { type: 'auto-check', url: 'https://news.example/a', navigation: 'navigate', isArticle: true, isNewsArticle: true };

/** A message as it arrives through structured clone of JSON: `__proto__` is an own key there, not the prototype. */
const fromJson = (json: string): unknown => JSON.parse(json);

afterEach(() => {
  fakeBrowser.runtime.id = EXTENSION_ID;
});

describe('parseToContent: hostile shapes', () => {
  it.each([
    ['a numeric type', { type: 1 }],
    ['a boxed string type', { type: new String('analyze') }],
    ['a type with trailing space', { type: 'analyze ' }],
    ['a type in another case', { type: 'Analyze' }],
    ['an Object.prototype name as type', { type: 'constructor' }],
    ['__proto__ as type', { type: '__proto__' }],
    ['a huge type', { type: `analyze${'a'.repeat(1_000_000)}` }],
    ['a type inherited from the prototype', Object.create({ type: 'analyze' }) as unknown],
    ['an own __proto__ key beside the type', fromJson('{"type":"analyze","__proto__":{"polluted":true}}')],
    ['a constructor key beside the type', fromJson('{"type":"open-reader","constructor":{"prototype":{"polluted":true}}}')],
    ['a function', () => 'analyze'],
    ['a number', 42],
    ['undefined', undefined],
  ])('rejects %s', (_name, message) => {
    expect(parseToContent(message, fromPopup)).toBeNull();
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype untouched').toBeUndefined();
  });

  it('returns a fresh plain object, not the message it was given', () => {
    const message = { type: 'close-reader' };
    const parsed = parseToContent(message, fromPopup);
    expect(parsed).toEqual(message);
    expect(parsed).not.toBe(message);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it.each([
    ['another extension', { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' }],
    ['a web page (no extension id)', { url: 'https://evil.example/', tab: { id: 3 } }],
    ['a sender with an empty id', { id: '' }],
    ['a sender with no fields', {}],
  ])('ignores a message from %s', (_name, fields) => {
    expect(parseToContent({ type: 'open-reader' }, sender(fields))).toBeNull();
  });

  it('ignores a message with no sender at all (a receiver cannot skip the check by leaving it out)', () => {
    expect(parseToContent({ type: 'open-reader' }, undefined)).toBeNull();
  });
});

describe('parseToBackground: hostile shapes', () => {
  it.each([
    ['open as a number', { ...readerChanged, open: 1 }],
    ['open as null', { ...readerChanged, open: null }],
    ['byUser as a string', { ...readerChanged, byUser: 'true' }],
    ['url as a URL object', { ...readerChanged, url: new URL('https://news.example/a') }],
    ['url as an array', { ...readerChanged, url: ['https://news.example/a'] }],
    ['a data: url', { ...readerChanged, url: 'data:text/html,<script>alert(1)</script>' }],
    ['a chrome: url', { ...readerChanged, url: 'chrome://settings' }],
    ['a url one character over the limit', { ...readerChanged, url: `https://news.example/${'a'.repeat(8192)}` }],
    ['a huge url', { ...readerChanged, url: `https://news.example/${'a'.repeat(5_000_000)}` }],
    ['navigation as an Object.prototype name', { ...autoCheck, navigation: 'constructor' }],
    ['navigation as __proto__', { ...autoCheck, navigation: '__proto__' }],
    ['isNewsArticle as a number', { ...autoCheck, isNewsArticle: 0 }],
    ['an extra field', { ...autoCheck, tabId: 99 }],
    ['an own __proto__ key', fromJson(`{"type":"reader-changed","open":true,"url":"https://news.example/a","byUser":true,"__proto__":{"polluted":true}}`)],
    ['fields inherited from the prototype', Object.assign(Object.create({ byUser: true }) as object, { type: 'reader-changed', open: true, url: 'https://news.example/a' })],
    ['a message to content scripts', { type: 'open-reader' }],
  ])('rejects %s', (_name, message) => {
    expect(parseToBackground(message, fromTab)).toBeNull();
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype untouched').toBeUndefined();
  });

  it('accepts a url exactly at the limit, and returns fresh plain objects', () => {
    const url = `https://news.example/${'a'.repeat(8192 - 'https://news.example/'.length)}`;
    const message = { ...readerChanged, url };
    const parsed = parseToBackground(message, fromTab);
    expect(parsed).toEqual({ message, tabId: 7 });
    expect(parsed?.message).not.toBe(message);
    expect(Object.getPrototypeOf(parsed?.message)).toBe(Object.prototype);
  });

  it.each([
    ['another extension in a tab', { id: 'other-extension', tab: { id: 7 }, url: 'https://news.example/a' }],
    ['a web page (no extension id)', { tab: { id: 7 }, url: 'https://evil.example/' }],
    ['an extension page without a tab', { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/options.html` }],
    ['a sender with an empty id', { id: '', tab: { id: 7 } }],
  ])('ignores a valid message from %s', (_name, fields) => {
    expect(parseToBackground(readerChanged, sender(fields))).toBeNull();
    expect(parseToBackground(autoCheck, sender(fields))).toBeNull();
  });

  it('ignores a tab id that is not a number', () => {
    const bad = { id: EXTENSION_ID, tab: { id: '7' } } as unknown as Runtime.MessageSender;
    expect(parseToBackground(readerChanged, bad)).toBeNull();
  });
});

describe('isFromThisExtension', () => {
  it('is true only for this extension id', () => {
    expect(isFromThisExtension(sender({ id: EXTENSION_ID }))).toBe(true);
    expect(isFromThisExtension(sender({ id: `${EXTENSION_ID}x` }))).toBe(false);
    expect(isFromThisExtension(undefined)).toBe(false);
  });

  // A content script whose extension was reloaded or removed sees runtime.id as undefined (Chrome): a sender with
  // no id (a web page) must not match that missing id.
  it('is false when this context has lost its extension id and the sender has none either', () => {
    (fakeBrowser.runtime as { id: string | undefined }).id = undefined;
    expect(isFromThisExtension(sender({ url: 'https://evil.example/' }))).toBe(false);
    expect(parseToContent({ type: 'open-reader' }, sender({ url: 'https://evil.example/' }))).toBeNull();
    expect(parseToBackground(readerChanged, sender({ tab: { id: 7 }, url: 'https://evil.example/' }))).toBeNull();
  });
});
