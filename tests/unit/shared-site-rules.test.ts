/** Site rules: host normalisation, the most specific rule wins, and the auto-open decision. */
import { describe, expect, it } from 'vitest';
import { decideAutoOpen, normalizeHost, ruleFor, type AutoOpenInput } from '../../src/shared/site-rules.js';

describe('normalizeHost', () => {
  it.each([
    ['https://www.Example.com/news/today?x=1', 'example.com'],
    ['example.com', 'example.com'],
    ['*.news.example.org', 'news.example.org'],
    ['  Paper.Example.  ', 'paper.example'],
    ['http://127.0.0.1:4173/story.html', '127.0.0.1'],
    ['bücher.example', 'xn--bcher-kva.example'],
  ])('%s -> %s', (input, host) => expect(normalizeHost(input)).toBe(host));

  it.each(['', 'not a host', 'file:///home/me/page.html', 'https://', '-bad-.example', 'a..b'])('rejects %j', (input) => {
    expect(normalizeHost(input)).toBeNull();
  });
});

describe('ruleFor', () => {
  const rules = { 'example.com': 'always', 'blog.example.com': 'never', 'paper.example': 'never' } as const;

  it('applies a site rule to the site and its subdomains, the most specific first', () => {
    expect(ruleFor('example.com', rules)).toEqual({ host: 'example.com', rule: 'always' });
    expect(ruleFor('www.example.com', rules)).toEqual({ host: 'example.com', rule: 'always' });
    expect(ruleFor('news.example.com', rules)).toEqual({ host: 'example.com', rule: 'always' });
    expect(ruleFor('blog.example.com', rules)).toEqual({ host: 'blog.example.com', rule: 'never' });
    expect(ruleFor('a.blog.example.com', rules)).toEqual({ host: 'blog.example.com', rule: 'never' });
  });

  it('matches whole labels only, and no inherited object keys', () => {
    expect(ruleFor('myexample.com', rules)).toBeNull();
    expect(ruleFor('example.com.evil.example', rules)).toBeNull();
    expect(ruleFor('constructor', rules)).toBeNull();
    expect(ruleFor('toString.example', { example: 'always' })).toEqual({ host: 'example', rule: 'always' });
  });
});

describe('decideAutoOpen', () => {
  const article: AutoOpenInput = { mode: 'news', rule: null, isNewsArticle: true, isArticle: true, navigation: 'navigate', dismissed: false };

  it('opens a news article in news mode on a plain navigation', () => {
    expect(decideAutoOpen(article)).toEqual({ open: true, reason: 'news-article' });
  });

  it('does nothing while auto mode is off, unless the site is set to always', () => {
    expect(decideAutoOpen({ ...article, mode: 'off' })).toEqual({ open: false, reason: 'off' });
    expect(decideAutoOpen({ ...article, mode: 'off', rule: 'always', isNewsArticle: false })).toEqual({ open: true, reason: 'rule-always' });
  });

  it('never opens on a site set to never, whatever the mode and the page', () => {
    expect(decideAutoOpen({ ...article, rule: 'never' })).toEqual({ open: false, reason: 'rule-never' });
  });

  it('stays closed on pages that are no (news) article, even on an "always" site', () => {
    expect(decideAutoOpen({ ...article, isNewsArticle: false })).toEqual({ open: false, reason: 'not-news-article' });
    expect(decideAutoOpen({ ...article, rule: 'always', isArticle: false, isNewsArticle: false })).toEqual({ open: false, reason: 'not-article' });
  });

  it('does not reopen on back/forward or where the user closed the reader', () => {
    expect(decideAutoOpen({ ...article, navigation: 'back_forward' })).toEqual({ open: false, reason: 'back-forward' });
    expect(decideAutoOpen({ ...article, navigation: 'reload', dismissed: true })).toEqual({ open: false, reason: 'dismissed' });
    expect(decideAutoOpen({ ...article, navigation: 'reload' })).toEqual({ open: true, reason: 'news-article' });
  });
});
