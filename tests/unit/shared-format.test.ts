/** Dates on the publisher's calendar, reading time, and the "what was stripped" summary. */
import { describe, expect, it, vi } from 'vitest';
import { formatPublished, formatReadingTime, summarizeRemoved } from '../../src/shared/format.js';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser.js')).fakeBrowser }));

describe('formatPublished', () => {
  it('keeps the publisher\'s date, whatever the local time zone', () => {
    // 09:19 in Sydney is 23:19 the day before in UTC: the page says 15 May, so do we.
    const date = formatPublished('2018-05-15T09:19:00+10:00', 'en-GB');
    expect(date).toEqual({
      datetime: '2018-05-15T09:19:00+10:00',
      text: '15 May 2018',
      title: expect.stringMatching(/^Tuesday,? 15 May 2018.*09:19.*\(UTC\+10:00\)$/),
    });
  });

  it('formats for the locale it is given', () => {
    expect(formatPublished('2018-05-15T09:19:00+10:00', 'en-US')?.text).toBe('May 15, 2018');
    expect(formatPublished('2018-05-15', 'de-DE')?.text).toBe('15. Mai 2018');
  });

  it('handles a date without time, and UTC', () => {
    // ICU versions differ on the comma after the weekday.
    expect(formatPublished('2021-03-03', 'en-GB')).toEqual({
      datetime: '2021-03-03', text: '3 March 2021', title: expect.stringMatching(/^Wednesday,? 3 March 2021$/),
    });
    expect(formatPublished('2021-03-03T23:30:00Z', 'en-GB')?.title).toMatch(/23:30 \(UTC\)$/);
    expect(formatPublished('2021-03-03T23:30:00-0530', 'en-GB')?.title).toMatch(/\(UTC-05:30\)$/);
  });

  it('returns null for what is not a date', () => {
    expect(formatPublished('yesterday', 'en-GB')).toBeNull();
    expect(formatPublished('', 'en-GB')).toBeNull();
  });
});

describe('formatReadingTime', () => {
  it('says minutes, at least one', () => {
    expect(formatReadingTime(5)).toBe('5 min read');
    expect(formatReadingTime(0)).toBe('1 min read');
  });
});

describe('summarizeRemoved', () => {
  it('names promotions, ads and comments', () => {
    expect(summarizeRemoved({ promos: 1, comments: 2 })).toBe('1 promotion · comments removed');
    expect(summarizeRemoved({ promos: 1, ads: 3, comments: 4, share: 1, authorBio: 1 })).toBe('1 promotion · 3 ads · comments removed');
    expect(summarizeRemoved({ ads: 1 })).toBe('1 ad removed');
  });

  it('names everything in the full form', () => {
    expect(summarizeRemoved({ promos: 2, ads: 3, newsletters: 1, share: 1, related: 2, authorBio: 1, comments: 4 }, true))
      .toBe('2 promotions · 3 ads · newsletter sign-up · share buttons · related links · author bio · comments removed');
  });

  it('falls back to the other families, then to nothing', () => {
    expect(summarizeRemoved({ share: 1, related: 2 })).toBe('share buttons · related links removed');
    expect(summarizeRemoved({ ads: 0 })).toBe('Nothing to strip on this page');
    expect(summarizeRemoved({})).toBe('Nothing to strip on this page');
  });
});
