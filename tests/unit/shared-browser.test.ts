/** canScriptUrl and explainInjectionError: pages no extension may script get a reason, not an error. */
import { describe, expect, it, vi } from 'vitest';
import { canScriptUrl, explainInjectionError } from '../../src/shared/browser.js';
import { fakeBrowser } from './fake-browser.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

const reason = (key: string): string => fakeBrowser.i18n.getMessage(key);

describe('canScriptUrl', () => {
  it.each([
    'https://www.itwire.com/security/82961-us-govt.html',
    'http://127.0.0.1:8080/article.html',
    'https://example.org/',
    'https://addons.mozilla.org.example.com/',
    'https://example.org/docs/report.pdf.html',
  ])('allows %s', (url) => {
    expect(canScriptUrl(url)).toEqual({ ok: true });
  });

  it.each([
    ['chrome://extensions/', 'unsupportedBrowserPage'],
    ['chrome://newtab/', 'unsupportedBrowserPage'],
    ['edge://settings', 'unsupportedBrowserPage'],
    ['about:addons', 'unsupportedBrowserPage'],
    ['about:blank', 'unsupportedBrowserPage'],
    ['moz-extension://1234/popup.html', 'unsupportedExtensionPage'],
    ['chrome-extension://abcdef/options.html', 'unsupportedExtensionPage'],
    ['view-source:https://example.org/', 'unsupportedViewSource'],
    ['https://chromewebstore.google.com/detail/x/abc', 'unsupportedStore'],
    ['https://chrome.google.com/webstore/detail/abc', 'unsupportedStore'],
    ['https://addons.mozilla.org/en-US/firefox/addon/x/', 'unsupportedStore'],
    ['https://example.org/files/annual-report.PDF', 'unsupportedPdf'],
    ['file:///home/me/paper.pdf', 'unsupportedPdf'],
    ['data:text/html,<h1>hi</h1>', 'unsupportedDataUrl'],
    ['ftp://example.org/file.txt', 'unsupportedUnknown'],
    ['not a url', 'unsupportedUnknown'],
  ])('refuses %s with a reason', (url, key) => {
    const verdict = canScriptUrl(url);
    expect(verdict).toEqual({ ok: false, reason: reason(key) });
    if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(20);
  });

  it('decides file:// pages by the file access the user gave', () => {
    expect(canScriptUrl('file:///home/me/page.html', { fileAccess: true })).toEqual({ ok: true });
    expect(canScriptUrl('file:///home/me/page.html')).toEqual({ ok: true });
    expect(canScriptUrl('file:///home/me/page.html', { fileAccess: false })).toEqual({ ok: false, reason: reason('unsupportedFile') });
  });
});

describe('explainInjectionError', () => {
  it('explains by URL when the URL is known', () => {
    expect(explainInjectionError(new Error('whatever'), 'chrome://settings')).toBe(reason('unsupportedBrowserPage'));
    expect(explainInjectionError(new Error('Cannot access'), 'file:///tmp/a.html')).toBe(reason('unsupportedFile'));
  });

  it.each([
    ['The extensions gallery cannot be scripted.', 'unsupportedStore'],
    ['Cannot access a chrome:// URL', 'unsupportedBrowserPage'],
    ['Cannot access contents of the page. Extension manifest must request permission to access the respective host.', 'unsupportedNoAccess'],
    ['Missing host permission for the tab', 'unsupportedNoAccess'],
  ])('maps the browser message "%s"', (message, key) => {
    expect(explainInjectionError(new Error(message))).toBe(reason(key));
  });

  it('never returns the raw message', () => {
    expect(explainInjectionError('Error: Frame with ID 0 was removed.')).toBe(reason('unsupportedNoAccess'));
  });
});
