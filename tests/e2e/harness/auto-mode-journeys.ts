/**
 * The auto-mode journeys both browsers run (auto-mode-chromium.test.ts, auto-mode-firefox.test.ts), defined once.
 * Call inside a `describe` whose beforeAll starts the browser and the test server; the tests run in order and the
 * second one turns auto mode on as a user does (the later ones turn it on themselves when run alone).
 */
import { expect, it } from 'vitest';
import { expectItwireReader, ITWIRE_ARTICLE, ITWIRE_HOME, itwire } from './assertions.js';
import {
  AUTO_OPEN_TIMEOUT_MS,
  type AutoModeRun,
  detectorRegistration,
  expectStaysClosed,
  hasAllSitesAccess,
  hasPageMark,
  pageBehindReader,
  readerText,
  readSyncStorage,
  searchUrl,
  setPageMark,
  setStripAds,
  SPA,
  spaUrl,
  waitForAutoOpen,
  waitForDetector,
  waitForReaderText,
  writeSyncStorage,
} from './auto-mode.js';
import { OptionsView } from './options.js';
import { artifactPath } from './paths.js';
import type { TestServer } from './server.js';

export interface JourneyContext {
  /** Names the screenshot files. */
  browserName: 'chromium' | 'firefox';
  run(): AutoModeRun;
  origin(): TestServer;
}

export function autoModeJourneys({ browserName, run, origin }: JourneyContext): void {
  it('before auto mode is on: no detector is registered and a news story does not open by itself', async () => {
    const ext = (await run().extensionPage()).surface;
    expect(await readSyncStorage(ext), 'stored autoMode').not.toHaveProperty('autoMode', 'news');
    expect(await hasAllSitesAccess(ext), 'access to all sites').toBe(false);
    expect(await detectorRegistration(ext), 'detector registration').toBeNull();
    expect(await new OptionsView(ext).autoMode(), 'the options page\'s auto mode choice').toBe('off');

    const { tab } = await run().openTab(origin().url(`/${ITWIRE_ARTICLE}.html`), 'article, auto mode off');
    await expectStaysClosed(tab, 'iTWire story with auto mode off');
    run().expectNoLeaks();
  });

  it('turning auto mode on: access to all sites granted, setting stored, detector registered on web pages', async () => {
    expect(await run().turnOnAutoMode(), 'detector registration').toEqual({
      js: ['detector.js'],
      matches: ['http://*/*', 'https://*/*'],
      excludeMatches: [],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  });

  it('a news story opens in the reader by itself, showing the story', async () => {
    await run().ensureAutoMode();
    const url = origin().url(`/${ITWIRE_ARTICLE}.html`);
    const tab = await run().expectAutoOpen(url, 'iTWire story');
    expectItwireReader(await tab.reader.snapshot(), url);
    expect((await readerText(tab.surface)).content, 'reader content').toContain(
      'Moves to impose more sanctions on Kaspersky Lab by the US',
    );
    await tab.front();
    await tab.screenshot(artifactPath(`${browserName}-auto-open.png`));
    run().expectNoLeaks();
  });

  it('a front page and a search results page do not open by themselves', async () => {
    await run().ensureAutoMode();
    const home = await run().openTab(origin().url(`/${ITWIRE_HOME}.html`), 'iTWire front page');
    await expectStaysClosed(home.tab, 'iTWire front page');
    const search = await run().openTab(searchUrl(origin()), 'search results');
    await expectStaysClosed(search.tab, 'search results page (?q=)');
    run().expectNoLeaks();
  });

  it('a site on the "never" list does not open; without the rule it opens again', async () => {
    await run().ensureAutoMode();
    const ext = (await run().extensionPage()).surface;
    await writeSyncStorage(ext, { siteRules: { '127.0.0.1': 'never' } });
    try {
      const registration = await waitForDetector(
        ext,
        (r) => r?.excludeMatches.includes('*://127.0.0.1/*') ?? false,
        'the detector to exclude 127.0.0.1',
      );
      expect(registration?.matches, 'detector still on all web pages').toEqual(['http://*/*', 'https://*/*']);
      const { tab } = await run().openTab(origin().url(`/${ITWIRE_ARTICLE}.html`), 'article on a "never" site');
      await expectStaysClosed(tab, 'iTWire story on a "never" site');
    } finally {
      await writeSyncStorage(ext, { siteRules: {} });
    }
    await waitForDetector(ext, (r) => r !== null && r.excludeMatches.length === 0, 'the detector to exclude nothing');
    await run().expectAutoOpen(origin().url(`/${ITWIRE_ARTICLE}.html`), 'iTWire story, rule removed');
    run().expectNoLeaks();
  });

  it('closed by the user: not again on back, nor on reload in that tab; a new tab opens it again', async () => {
    await run().ensureAutoMode();
    const articleUrl = origin().url(`/${ITWIRE_ARTICLE}.html`);
    const tab = await run().expectAutoOpen(articleUrl, 'article, to be closed');
    const behind = await pageBehindReader(tab.surface);
    await tab.front();
    await tab.reader.closeWithEscape();
    expect(await pageBehindReader(tab.surface), 'the page after Esc is the page that was under the reader').toEqual(behind);

    await tab.goto(origin().url(`/${ITWIRE_HOME}.html`));
    await expectStaysClosed(tab, 'front page after the closed article');
    await tab.back();
    expect(await tab.surface.evaluate(() => location.href, undefined), 'back at the article').toBe(articleUrl);
    await expectStaysClosed(tab, 'the article again, through Back');
    await tab.reload();
    await expectStaysClosed(tab, 'the article reloaded in the tab where the reader was closed');

    const fresh = await run().expectAutoOpen(articleUrl, 'same article, new tab');
    expect((await readerText(fresh.surface)).title, 'reader title in the new tab').toBe(itwire.title);
    // Control: a reload where the user did NOT close the reader opens it again (it was the closing that counted).
    await fresh.reload();
    await waitForAutoOpen(fresh, Date.now());
    run().expectNoLeaks();
  });

  it('"Strip ads and promotions" off while an auto-opened reader is showing: the promotion appears without reload', async () => {
    await run().ensureAutoMode();
    const ext = await run().extensionPage();
    const tab = await run().expectAutoOpen(origin().url(`/${ITWIRE_ARTICLE}.html`), 'iTWire story, strip ads toggled');
    expect((await readerText(tab.surface)).content, 'promotion stripped by default').not.toContain('Hilton Brisbane');
    await setPageMark(tab.surface);

    await ext.front();
    try {
      await setStripAds(ext.surface, false);
      await waitForReaderText(tab.surface, { contains: 'Hilton Brisbane' }, 'the promotion to appear in the open reader');
    } finally {
      await ext.front();
      await setStripAds(ext.surface, true);
    }
    await waitForReaderText(tab.surface, { lacks: 'Hilton Brisbane' }, 'the promotion to go again');
    expect((await readerText(tab.surface)).title, 'still the same story').toBe(itwire.title);
    expect(await hasPageMark(tab.surface), 'the page was not reloaded').toBe(true);
    run().expectNoLeaks();
  });

  it('a single-page site: the open reader follows to a second article, closes on Back, and opens again on the link', async () => {
    await run().ensureAutoMode();
    const url = spaUrl(origin());
    const tab = await run().expectAutoOpen(url, 'single-page site, first article');
    const first = await readerText(tab.surface);
    expect(first.title, 'reader title').toBe(SPA.first.title);
    expect(first.content, 'reader content').toContain(SPA.first.sentence);
    await setPageMark(tab.surface);

    // The reader covers the page, so the page's own "Next story" link is followed by calling its handler.
    await tab.surface.evaluate(() => (window as unknown as { __goToSecond(): void }).__goToSecond(), undefined);
    await waitForReaderText(tab.surface, { title: SPA.second.title }, 'the reader to show the second article');
    const second = await readerText(tab.surface);
    expect(second.content, 'second article text').toContain(SPA.second.sentence);
    expect(second.content, 'first article text is gone').not.toContain(SPA.first.sentence);
    const secondUrl = await tab.surface.evaluate(() => location.href, undefined);
    expect(secondUrl, 'the page moved with history.pushState').not.toBe(url);
    expect(second.siteHref, 'the reader links to the new address').toBe(secondUrl);

    // Back inside the single-page site: auto mode never opens on Back, and an open reader must not go on showing
    // the second article over the first one.
    await tab.surface.evaluate(() => history.back(), undefined);
    await tab.reader.waitClosed();
    expect(await tab.surface.evaluate(() => location.href, undefined), 'back at the first address').toBe(url);
    await expectStaysClosed(tab, 'the first article again, through Back inside the site');

    // The user did not close the second article's reader (the page moved on): following the link again opens it.
    await tab.surface.evaluate(() => (window as unknown as { __goToSecond(): void }).__goToSecond(), undefined);
    await tab.reader.waitOpen(AUTO_OPEN_TIMEOUT_MS);
    await waitForReaderText(tab.surface, { title: SPA.second.title }, 'the reader to show the second article again');
    expect(await hasPageMark(tab.surface), 'all in one document (no page load)').toBe(true);
    run().expectNoLeaks();
  });
}
