/** The message protocol: receivers accept exactly the declared shapes, from this extension only. */
import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { parseToBackground, parseToContent } from '../../src/shared/messages.js';
import { EXTENSION_ID } from './fake-browser.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

// Senders carry only the fields the checks read; the rest of a real MessageSender does not matter here.
const sender = (fields: { id?: string; tab?: { id: number }; url?: string }): Runtime.MessageSender => fields as Runtime.MessageSender;
const fromUs = sender({ id: EXTENSION_ID });
const fromTab = sender({ id: EXTENSION_ID, tab: { id: 7 } });

describe('parseToContent', () => {
  it.each(['analyze', 'open-reader', 'close-reader', 'reader-state', 'toggle-reader', 'auto-open', 'auto-close'])('accepts %s', (type) => {
    expect(parseToContent({ type }, fromUs)).toEqual({ type });
  });

  it.each([
    ['an unknown type', { type: 'eval' }],
    ['extra fields', { type: 'analyze', html: '<img onerror=alert(1)>' }],
    ['no type', { kind: 'analyze' }],
    ['a string', 'analyze'],
    ['null', null],
    ['an array', [{ type: 'analyze' }]],
  ])('rejects %s', (_name, message) => {
    expect(parseToContent(message, fromUs)).toBeNull();
  });

  it('rejects messages from another extension', () => {
    expect(parseToContent({ type: 'analyze' }, sender({ id: 'someone-else' }))).toBeNull();
  });
});

describe('parseToBackground', () => {
  it('accepts reader-changed from our content script in a tab', () => {
    for (const byUser of [true, false]) {
      const message = { type: 'reader-changed', open: false, url: 'https://news.example/a', byUser };
      expect(parseToBackground(message, fromTab)).toEqual({ message, tabId: 7 });
    }
  });

  it('accepts a detector report with exactly its fields', () => {
    const report = { type: 'auto-check', url: 'https://news.example/a', navigation: 'reload', isArticle: true, isNewsArticle: false };
    expect(parseToBackground(report, fromTab)).toEqual({ message: report, tabId: 7 });
  });

  it.each([
    ['another extension', { id: 'other', tab: { id: 7 } }],
    ['a web page (no extension id)', { tab: { id: 7 }, url: 'https://evil.example/' }],
    ['no tab', { id: EXTENSION_ID }],
  ])('ignores a sender that is %s', (_name, fields) => {
    expect(parseToBackground({ type: 'reader-changed', open: true, url: 'https://news.example/a', byUser: true }, sender(fields))).toBeNull();
  });

  it.each([
    { type: 'reader-changed', open: 'yes' },
    { type: 'reader-changed' },
    { type: 'reader-changed', open: true },
    { type: 'reader-changed', open: true, url: 'https://news.example/a' },
    { type: 'reader-changed', open: true, url: 'https://news.example/a', byUser: 'yes' },
    { type: 'reader-changed', open: true, url: 'https://news.example/a', byUser: true, extra: 1 },
    { type: 'reader-changed', open: true, url: 'javascript:alert(1)', byUser: true },
    { type: 'reader-changed', open: true, url: `https://news.example/${'a'.repeat(9000)}`, byUser: true },
    { type: 'auto-check', url: 'https://news.example/a', navigation: 'teleport', isArticle: true, isNewsArticle: true },
    { type: 'auto-check', url: 'https://news.example/a', navigation: 'navigate', isArticle: 'yes', isNewsArticle: true },
    { type: 'auto-check', url: 'https://news.example/a', navigation: 'navigate', isArticle: true },
    { type: 'toggle-reader' },
  ])('rejects the shape %j', (message) => {
    expect(parseToBackground(message, fromTab)).toBeNull();
  });
});
