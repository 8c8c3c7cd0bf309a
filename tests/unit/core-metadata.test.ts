/** Byline and date evidence, in order of trust, in several languages, never from teasers or comments. */
import { describe, expect, it } from 'vitest';
import { cleanByline } from '../../src/core/metadata/byline.js';
import { normaliseMachineDate, parseDateText } from '../../src/core/metadata/dates.js';
import { readMetadata } from '../../src/core/metadata/index.js';
import { articlePage, page } from './helpers/page.js';

const meta = (parts: Parameters<typeof articlePage>[0], url?: string) => {
  const doc = page(articlePage(parts), url);
  return readMetadata(doc, doc.URL);
};

describe('JSON-LD', () => {
  it('reads author and dates of the Article inside @graph, resolving @id references', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': '#site', name: 'Example News' },
        { '@type': 'Person', '@id': '#jane', name: 'Jane Doe' },
        { '@type': 'NewsArticle', headline: 'Council approves the new river bridge', author: { '@id': '#jane' }, datePublished: '2024-05-03T08:15:00+02:00', dateModified: '2024-05-04T10:00:00+02:00' },
      ],
    };
    const m = meta({ head: `<script type="application/ld+json">${JSON.stringify(ld)}</script>` });
    expect(m.byline).toBe('Jane Doe');
    expect(m.sources.byline).toBe('json-ld');
    expect(m.published).toBe('2024-05-03T08:15:00+02:00');
    expect(m.modified).toBe('2024-05-04T10:00:00+02:00');
  });

  it('joins several authors and skips author URLs', () => {
    const ld = { '@type': 'BlogPosting', author: [{ '@type': 'Person', name: 'Ana Lima' }, { '@type': 'Person', name: 'Bo Chen' }, 'https://example.org/author/x'] };
    expect(meta({ head: `<script type="application/ld+json">${JSON.stringify(ld)}</script>` }).byline).toBe('Ana Lima, Bo Chen');
  });

  it('survives broken JSON-LD and falls back to meta tags', () => {
    const m = meta({ head: `<script type="application/ld+json">{ "@type": "Article", </script><meta name="author" content="By Sam Lee"><meta property="article:published_time" content="2021-03-03T09:00:00Z">` });
    expect(m.byline).toBe('Sam Lee');
    expect(m.published).toBe('2021-03-03T09:00:00Z');
    expect(m.sources).toMatchObject({ byline: 'meta', published: 'meta' });
  });
});

describe('visible evidence near the headline', () => {
  it('reads a German byline and date line under the headline', () => {
    const m = meta({ lang: 'de', beforeBody: '<div class="meta"><span class="byline">Von Erika Mustermann</span> <span class="date">15. Mai 2018, 09:19 Uhr</span></div>' });
    expect(m.byline).toBe('Erika Mustermann');
    expect(m.published).toBe('2018-05-15');
    expect(m.sources.published).toBe('page-text');
  });

  it('prefers the <time> element near the headline over one in a comment far below', () => {
    const m = meta({
      beforeBody: '<p class="byline">By Jane Doe</p><time datetime="2020-02-02T10:00:00+01:00">2 February 2020</time>',
      afterBody: '<div class="comments"><div class="comment"><time datetime="2020-03-09">9 March 2020</time></div></div>',
    });
    expect(m.published).toBe('2020-02-02T10:00:00+01:00');
    expect(m.sources.published).toBe('time-element');
  });

  it('never takes an "updated" date as the published one', () => {
    const m = meta({ beforeBody: '<p class="date-updated">Updated 4 June 2022</p><p class="date-published">Published 1 June 2022</p>' });
    expect(m.published).toBe('2022-06-01');
    expect(m.modified).toBe('2022-06-04');
  });

  it('ignores dates of teasers in a related box', () => {
    const m = meta({ aside: '<aside class="related"><time datetime="2019-01-01">1 Jan 2019</time><a href="/x">Other story</a></aside>' });
    expect(m.published).toBeNull();
  });

  it('reads the date in the article\'s own meta box even when a wrapper or an <aside> is named like a sidebar', () => {
    const html = articlePage({ beforeBody: '<aside class="meta"><time datetime="2022-01-21">21.01.2022 - 13:30</time></aside><p class="byline">By Jane Doe</p>' }).replace(
      '<body>',
      '<body class="single-post right-sidebar">',
    );
    const doc = page(html);
    const m = readMetadata(doc, doc.URL);
    expect(m.published).toBe('2022-01-21');
    expect(m.byline).toBe('Jane Doe');
  });

  it('reads a bare date line and a labelled one next to the headline', () => {
    expect(meta({ beforeBody: '<div class="listing"><span>April 19, 2019</span></div>' }).published).toBe('2019-04-19');
    expect(meta({ lang: 'de', beforeBody: '<div class="col"><small>Erstellt am: 30.01.2022 18:36</small></div>' }).published).toBe('2022-01-30');
  });

  it('takes a date classed only "updated" (hAtom) as published when the page shows no other date', () => {
    const single = meta({ beforeBody: '<p><span class="entry-meta-date updated"><a href="/2021/11">5. November 2021</a></span></p>' });
    expect(single.published).toBe('2021-11-05');
    const pair = meta({ beforeBody: '<p><time class="entry-date published" datetime="2021-11-05">5 Nov</time><time class="updated" datetime="2021-12-01">1 Dec</time></p>' });
    expect(pair.published).toBe('2021-11-05');
    expect(pair.modified).toBe('2021-12-01');
  });

  it('prefers a near bare date over a <time> of a teaser further down', () => {
    const teasers = Array.from({ length: 30 }, (_, i) => `<li><a href="/s${i}">Story ${i}</a> <span>more</span></li>`).join('');
    const m = meta({ beforeBody: '<div><span>3 March 2021</span></div>', afterBody: `<ul>${teasers}<li><time datetime="2020-01-01">1 Jan</time></li></ul>` });
    expect(m.published).toBe('2021-03-03');
  });

  it('reads the name from an author link or a named part, not the labels and dates around it', () => {
    expect(meta({ lang: 'de', beforeBody: '<div class="article-head"><p>VON <a href="/autoren/gathmann-moritz">MORITZ GATHMANN</a> am 21. April 2020</p></div>' }).byline).toBe(
      'MORITZ GATHMANN',
    );
    const m = meta({
      beforeBody: '<div class="entry-meta pf-author"><span class="author vcard"><a class="author url fn" href="/author/heiko-sauer/">Heiko Sauer</a></span><span class="byline"><time datetime="2020-04-09">Do 9 Apr 2020</time></span></div>',
    });
    expect(m.byline).toBe('Heiko Sauer');
    expect(meta({ beforeBody: '<p><a href="/user/register">Register</a></p><p class="x">Text</p>' }).byline).toBeNull();
    expect(meta({ beforeBody: '<p>I was a member of <a href="/about/staff-and-board">the Board of Directors</a>.</p>' }).byline).toBeNull();
  });

  it('prefers the printed byline over a metadata author that is the site, an organisation or a login handle', () => {
    for (const author of ['news.example.org', 'Example News', 'jane.doe', 'admin']) {
      const m = meta({ head: `<meta name="author" content="${author}"><meta property="og:site_name" content="Example News">`, beforeBody: '<p class="byline">By Jane Doe</p>' });
      expect(m.byline).toBe('Jane Doe');
      expect(m.sources.byline).toBe('page-text');
    }
    // Without a printed byline the metadata value stays.
    expect(meta({ head: '<meta name="author" content="Example News">' }).byline).toBe('Example News');
  });

  it('reads "Posted by" and "Written by:" lines and a by-word inside a meta line', () => {
    expect(meta({ beforeBody: '<div class="postdata"><span class="category">Posted by Konstantin</span> 21.10.2019</div>' }).byline).toBe('Konstantin');
    expect(meta({ beforeBody: '<p><em>Written by: <a href="https://elsewhere.example.com/story">Julie Mollins</a></em></p>' }).byline).toBe('Julie Mollins');
    const line = '<div class="meta-info"><span class="trending">yas!</span> <span class="sr">| By </span> <span>Cara Stiles</span> | <time>April 13, 2020</time><span></span><span></span><span></span></div>';
    expect(meta({ beforeBody: line }).byline).toBe('Cara Stiles');
    expect(meta({ lang: 'de', beforeBody: '<h2><span>Stars</span> <span>06.11.2023 13:30 von Olga</span></h2>' }).byline).toBe('Olga');
    expect(meta({ lang: 'de', beforeBody: '<div class="meta"><span>05.02.2020 - Redaktion: Eberhard Fuhr</span></div>' }).byline).toBe('Eberhard Fuhr');
    const labels = '<div class="col"><h5>Datum:</h5>03.11.2021 <h5>Autor:</h5>Peter Maahn <h5>Lesezeit:</h5>5 min</div>';
    expect(meta({ lang: 'de', beforeBody: labels }).byline).toBe('Peter Maahn');
  });

  it('takes no name from a by-word alone or from a lower-case word after one', () => {
    const bare = '<div class="entry-meta"><span class="meta-prep meta-prep-author">By </span> <span class="author vcard"><a class="url fn n" href="/author/daniel">Daniel</a></span></div>';
    expect(meta({ beforeBody: bare }).byline).toBe('Daniel');
    expect(meta({ lang: 'es', beforeBody: '<p>Por ende, las “ventajas” de esta gestión en realidad se convierten en una desventaja.</p>' }).byline).toBeNull();
  });

  it('looks past a printed site name for the printed author', () => {
    const m = meta({ head: '<meta property="og:site_name" content="Example News">', beforeBody: '<p class="byline">Example News</p><p>Written by: Julie Mollins</p>' });
    expect(m.byline).toBe('Julie Mollins');
  });

  it('keeps a site name printed near the headline over a name merely linked further down', () => {
    const m = meta({ head: '<meta property="og:site_name" content="Example News">', beforeBody: '<p class="byline">Example News</p><p>Today <a href="/profile/players/alexander-zverev/">Alexander Zverev</a> won.</p>' });
    expect(m.byline).toBe('Example News');
  });

  it('gives several linked authors as the byline writes them', () => {
    const line = '<div class="content-author">von <a href="/profil/fischer-lars">Lars Fischer</a> und <a href="/profil/schadwinkel-alina">Alina Schadwinkel</a></div>';
    expect(meta({ lang: 'de', beforeBody: line }).byline).toBe('Lars Fischer und Alina Schadwinkel');
    const withDate = '<div class="content-author">von <a href="/profil/fischer-lars">Lars Fischer</a> und <a href="/profil/schadwinkel-alina">Alina Schadwinkel</a>, Ressort Wissen</div>';
    expect(meta({ lang: 'de', beforeBody: withDate }).byline).toBe('Lars Fischer, Alina Schadwinkel');
  });

  it('takes the printed byline when it names the metadata authors and more, or writes them its own way', () => {
    const ld = (author: object) => `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Council approves the new river bridge', author })}</script>`;
    const both = '<div class="byline"><a href="/author/ana-lima">Ana Lima</a>, <a href="/author/bo-chen">Bo Chen</a></div>';
    expect(meta({ head: ld({ '@type': 'Person', name: 'Ana Lima' }), beforeBody: both }).byline).toBe('Ana Lima, Bo Chen');
    const und = '<p class="byline">Von <span class="author-name">Ana Lima</span> und <span class="author-name">Bo Chen</span></p>';
    expect(meta({ lang: 'de', head: ld([{ '@type': 'Person', name: 'Ana Lima' }, { '@type': 'Person', name: 'Bo Chen' }]), beforeBody: und }).byline).toBe('Ana Lima und Bo Chen');
    const degrees = '<div class="authors"><span class="author-name">Ana Lima, PhD</span>; <span class="author-name">Bo Chen, MD</span></div>';
    expect(meta({ head: '<meta name="citation_author" content="Ana Lima"><meta name="citation_author" content="Bo Chen">', beforeBody: degrees }).byline).toBe('Ana Lima, PhD; Bo Chen, MD');
    // A desk name beside the author is no co-author.
    const desk = '<p class="byline">Ana Lima, Online-Redaktion</p>';
    expect(meta({ head: ld({ '@type': 'Person', name: 'Ana Lima' }), beforeBody: desk }).byline).toBe('Ana Lima');
  });

  it('completes a first-name-only metadata author from the full name printed by the headline', () => {
    expect(meta({ head: '<meta name="author" content="Nils">', beforeBody: '<p><strong>Eine Kolumne von Nils Pickert</strong></p>', lang: 'de' }).byline).toBe('Nils Pickert');
    // The same first name far down in the story is not the author.
    const far = Array.from({ length: 40 }, (_, i) => `<p>Line ${i}</p>`).join('') + '<p>Todd Smith said so.</p>';
    expect(meta({ head: '<meta name="author" content="Todd">', beforeBody: far }).byline).toBe('Todd');
  });

  it('drops the site name beside the person in a metadata author', () => {
    expect(meta({ head: '<meta name="author" content="Example News - Alberto Ávila"><meta property="og:site_name" content="Example News">' }).byline).toBe('Alberto Ávila');
  });

  it('reads the meta line right under the headline even when its class says teaser', () => {
    const doc = page(
      '<html><head><title>Council approves the new river bridge</title></head><body><main><article><h1>Council approves the new river bridge</h1><div class="teaser-small__metadata"><p class="byline__author">VON <a href="/autoren/doe-jane">JANE DOE</a> am 21. April 2020</p></div><p>Story text that goes on.</p></article></main></body></html>',
    );
    expect(readMetadata(doc, doc.URL).byline).toBe('JANE DOE');
  });

  it('takes a by-word line neither from a block holding the headline nor around a marked-up byline', () => {
    const header = '<header>Veröffentlicht am 9. Februar 2019 von Heiko<h1>Laufen im Winter: Von Bäh zu Yeah</h1></header>';
    const doc = page(`<html><head><title>Laufen im Winter: Von Bäh zu Yeah</title></head><body><article>${header}<p>Story.</p></article></body></html>`);
    expect(readMetadata(doc, doc.URL).byline).toBeNull();
    const line = '<div class="entry-meta"><span class="posted-on">am 23. Januar 2020</span> von <span class="author vcard"><a class="url fn n" href="/author/cs/">Christian Spließ</a></span> <span class="cat-links">in <a href="/category/allgemeines/" rel="category tag">Allgemeines</a></span></div>';
    expect(meta({ lang: 'de', beforeBody: line }).byline).toBe('Christian Spließ');
  });

  it('decodes character references a CMS left in JSON-LD names', () => {
    const ld = { '@type': 'NewsArticle', headline: 'Council approves the new river bridge', author: { '@type': 'Person', name: 'Redacci&oacute;n Diario' } };
    expect(meta({ head: `<script type="application/ld+json">${JSON.stringify(ld)}</script>` }).byline).toBe('Redacción Diario');
  });

  it('rejects printed text that is no name', () => {
    expect(meta({ lang: 'de', beforeBody: '<p class="author-info">Zuletzt geändert am</p>' }).byline).toBeNull();
  });

  it('does not take the site name in a logo heading linking home for the headline', () => {
    const doc = page(
      '<html><head><title>Time for talks » Blog » Cinemas go digital at last</title></head><body><h1><a href="https://news.example.org/">Time for talks</a></h1><h2>Cinemas go digital at last</h2><p class="meta">Posted on August 7, 2013 by <a href="/author/rr/" rel="author">R. R.</a></p><p>Story text.</p></body></html>',
    );
    const m = readMetadata(doc, doc.URL);
    expect(m.title).toBe('Cinemas go digital at last');
    expect(m.byline).toBe('R. R.');
  });

  it('reads the labelled author box after a long article when nothing by the headline names the author', () => {
    const long = Array.from({ length: 140 }, (_, i) => `<p>Paragraph ${i} of a long guide, in plain words.</p>`).join('');
    const box = '<div class="author-description"><h2 class="author-title">Autor: Petra Ruland</h2><p>Petra näht seit 2007.</p></div>';
    expect(meta({ lang: 'de', body: long, afterBody: box }).byline).toBe('Petra Ruland');
    // The same label in a comment is a commenter's.
    expect(meta({ lang: 'de', body: long, aside: `<div class="comments">${box}</div>` }).byline).toBeNull();
  });

  it('takes the copyright holder of a personal site as the author when the page names no one else', () => {
    const withLine = (line: string) => meta({ aside: `<div class="site-info">${line}</div>` }).byline;
    expect(withLine('<p>Copyright (c) 2012- Jane Doe. All rights reserved.</p>')).toBe('Jane Doe');
    expect(withLine('<p>(c) Jane Doe • Weitere Rechte siehe Impressum</p>')).toBe('Jane Doe');
    // A theme vendor's credit, a company, the site's own name, a picture credit, a holder with neither year nor rights clause.
    expect(withLine('<p>Copyright © 2016 <a href="https://templates.example.com/">Free Blogger Templates</a></p>')).toBeNull();
    expect(withLine('<p>© 2023 Riverside Media GmbH</p>')).toBeNull();
    expect(withLine('<p>© 2023 Example News. All rights reserved.</p>')).toBeNull();
    expect(withLine('<figure><img src="a.jpg" alt=""><figcaption>© 2019 Jens Miller</figcaption></figure>')).toBeNull();
    expect(withLine('<p>© Jens Miller</p>')).toBeNull();
    // A byline by the headline wins over the copyright line.
    expect(meta({ beforeBody: '<p class="byline">By Sam Lee</p>', aside: '<p>© 2020 Jane Doe</p>' }).byline).toBe('Sam Lee');
  });

  it('finds the headline even when it is an h2 matching og:title', () => {
    const doc = page('<html><head><meta property="og:title" content="A headline in an h2 element"><title>A headline in an h2 element | Site</title></head><body><h1>Site</h1><h2>A headline in an h2 element</h2><p>text</p></body></html>');
    expect(readMetadata(doc, doc.URL).title).toBe('A headline in an h2 element');
  });
});

describe('published date: more evidence', () => {
  const plainUrl = 'https://news.example.org/story.html';

  it('reads a date written as the own text of a meta line with many parts', () => {
    const line = '<div class="post_meta"><span class="dot">·</span> November 22, 2011 <span class="dot">·</span> <img src="/i.png" alt=""> <a href="/c">3 comments</a> <a href="/t">Travel</a></div>';
    expect(meta({ beforeBody: line }, plainUrl).published).toBe('2011-11-22');
    const labelled = '<p class="footer">Letzte Änderung: 31.10.2023<br>Erschienen am: 01.11.2023<br>Lesungen: 61<br><a href="/x">Impressum</a></p>';
    const m = meta({ lang: 'de', afterBody: labelled }, plainUrl);
    expect(m.published).toBe('2023-11-01');
    expect(m.modified).toBe('2023-10-31');
  });

  it('prefers the date printed next to the headline over a bare Dublin Core "date" meta tag', () => {
    const m = meta({ lang: 'de', head: '<meta name="date" content="2020-02-12">', beforeBody: '<div class="news-timedata">05.02.2020 - Redaktion</div>' }, plainUrl);
    expect(m.published).toBe('2020-02-05');
    // A publication-specific tag keeps its day against a printed date further apart.
    const strong = meta({ head: '<meta property="article:published_time" content="2020-02-12T10:00:00+01:00">', beforeBody: '<div class="date">05.02.2020</div>' }, plainUrl);
    expect(strong.published).toBe('2020-02-12T10:00:00+01:00');
  });

  it('takes the printed local day when a structured UTC time falls on the adjacent day', () => {
    const ld = { '@type': 'NewsArticle', headline: 'Council approves the new river bridge', datePublished: '2019-10-18T22:04:00Z' };
    const m = meta({ lang: 'de', head: `<script type="application/ld+json">${JSON.stringify(ld)}</script>`, beforeBody: '<p class="infoline"><span>Von Claudia Riedler</span> <span class="datum">19. Oktober 2019 00:04 Uhr</span></p>' }, plainUrl);
    expect(m.published).toBe('2019-10-19');
    expect(m.sources.published).toBe('page-text');
  });

  it('reads the publication day of a dated permalink', () => {
    expect(meta({}, 'https://blog.example.org/2014/05/18/all-new/').published).toBe('2014-05-18');
    expect(meta({}, 'https://example.ch/2016-04-15/what-is-new/').published).toBe('2016-04-15');
    const m = meta({ head: '<meta property="article:published_time" content="2019-06-17T18:28:00+02:00">' }, 'https://example.de/home/2017/7/12/montauk');
    expect(m.published).toBe('2017-07-12');
    expect(m.sources.published).toBe('url');
    // No day in the path: no date.
    expect(meta({}, 'https://example.org/2020/01/story.html').published).toBeNull();
  });

  it('keeps a structured date against the date of an embedded tweet', () => {
    const tweet = '<blockquote class="twitter-tweet"><p>Highlights from our win</p>— West Ham (@WestHam) <a href="https://twitter.com/x">October 31, 2021</a></blockquote>';
    const m = meta({ head: '<meta property="article:published_time" content="2021-11-01T10:52:50+01:00">', beforeBody: `<p class="lead">Intro.</p>${tweet}` }, plainUrl);
    expect(m.published).toBe('2021-11-01T10:52:50+01:00');
  });

  it('reads a dateline opening the first paragraph', () => {
    const body = '<p>29.11.2022 – Mehrfach und vehement hatte die Branche die Nachteile des vorgeschlagenen Gesetzes beklagt, und nun folgt die Antwort der Regierung in langen Worten.</p>';
    expect(meta({ lang: 'de', beforeBody: body }, plainUrl).published).toBe('2022-11-29');
  });

  it('reads the meta line right beside the headline even when its class says teaser', () => {
    const html = articlePage({}).replace('<h1>', '<h3 class="bb-teaser-meta">02.01.2022</h3><h1>');
    const doc = page(html);
    expect(readMetadata(doc, doc.URL).published).toBe('2022-01-02');
    // A teaser further away stays out.
    expect(meta({ afterBody: '<p>More.</p><div class="teaser"><span class="date">02.01.2022</span><a href="/x">Other story</a></div>' }, plainUrl).published).toBeNull();
  });

  it('reads the hAtom <abbr title> date and more publication meta tags', () => {
    const abbr = meta({ beforeBody: '<p><abbr class="published" itemprop="datePublished" title="2017-09-09T10:52:00+02:00">10:52</abbr></p>' }, plainUrl);
    expect(abbr.published).toBe('2017-09-09T10:52:00+02:00');
    const share = meta({ head: '<meta name="shareaholic:article_published_time" content="2014-03-17T01:44:37+01:00">' }, plainUrl);
    expect(share.published).toBe('2014-03-17T01:44:37+01:00');
  });

  it('does not read a date out of a sentence among other parts', () => {
    const sentence = '<p>The next meeting takes place on 5 February 2020 at the <a href="/c">cafe</a>, <b>bring</b> <i>friends</i> <a href="/x">here</a>.</p>';
    expect(meta({ beforeBody: sentence }, plainUrl).published).toBeNull();
  });
});

describe('language and direction', () => {
  it('reduces the page language to its primary subtag and derives direction', () => {
    expect(meta({ lang: 'en-GB' }).lang).toBe('en');
    const rtl = meta({ lang: 'ar' });
    expect(rtl.lang).toBe('ar');
    expect(rtl.dir).toBe('rtl');
  });
});

describe('date parsing', () => {
  it.each([
    ['Tuesday, 15 May 2018 09:19', '2018-05-15'],
    ['May 15, 2018', '2018-05-15'],
    ['15. Mai 2018', '2018-05-15'],
    ['le 3 mars 2021', '2021-03-03'],
    ['3 de marzo de 2021', '2021-03-03'],
    ['3 marzo 2021', '2021-03-03'],
    ['3 maart 2021', '2021-03-03'],
    ['3 de março de 2021', '2021-03-03'],
    ['Posted 2021-03-03', '2021-03-03'],
    ['03.04.2021', '2021-04-03'],
    ['15 августа 2016, 13:43', '2016-08-15'],
    ['3 września 2021', '2021-09-03'],
    ['3. května 2021', '2021-05-03'],
    ['3. elokuuta 2021', '2021-08-03'],
    ['no date here', null],
    // No year, no date: a day and month alone may be any year's.
    ['15 May', null],
    ['May 15', null],
    ['15.05.', null],
    ['2018/05/15', '2018-05-15'],
  ])('%s -> %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it('reads 04/03/2021 month first only for US English', () => {
    expect(parseDateText('04/03/2021', true)).toBe('2021-04-03');
    expect(parseDateText('04/03/2021', false)).toBe('2021-03-04');
  });

  it('keeps the offset of machine dates and drops times without one', () => {
    expect(normaliseMachineDate('2018-05-15T09:19:00+1000')).toBe('2018-05-15T09:19:00+10:00');
    expect(normaliseMachineDate('2018-05-15T09:19:00')).toBe('2018-05-15');
    expect(normaliseMachineDate('Tue, 15 May 2018 09:19:00 GMT')).toBe('2018-05-15T09:19:00+00:00');
    expect(normaliseMachineDate('2018-02-30')).toBeNull();
  });
});

describe('byline cleaning', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['Von Erika Mustermann', 'Erika Mustermann'],
    ['Par Jean Dupont', 'Jean Dupont'],
    ['Jane Doe, Staff Writer', 'Jane Doe'],
    ['By Jane Doe | May 3, 2021', 'Jane Doe'],
    ['Jane Doe @janedoe', 'Jane Doe'],
    ['Von:Moritz Pieczewski-Freimuth', 'Moritz Pieczewski-Freimuth'],
    ['Post author By Helge Fahrnberger', 'Helge Fahrnberger'],
    ['Erstellt von Andri Bryner', 'Andri Bryner'],
    ['View all posts by Daniel Lemire', 'Daniel Lemire'],
    ['~ Cem Basman', 'Cem Basman'],
    ['Isabella.DiBiase am Samstag', 'Isabella.DiBiase'],
    ['Redaktion: Eberhard Fuhr (Pressesprecher des EJW)', 'Eberhard Fuhr'],
    ['Uta Staschewski, Projektleiterin der HSS in Tunesien.', 'Uta Staschewski'],
    ['Rob Picheta, CNN', 'Rob Picheta'],
    ['David Hutzler, dpa', 'David Hutzler'],
    ['Jane Doe, MD', 'Jane Doe, MD'],
    ['Peter Maahn/SP-X', 'Peter Maahn'],
    ['Posted by Nathan Parker, Varun Khaneja, Eric Mill and Kiran C Nair - Chrome Safe Browsing team', 'Nathan Parker, Varun Khaneja, Eric Mill and Kiran C Nair'],
    ['PETA-Team', 'PETA-Team'],
    ['Von Mat\u00adthi\u00adas Lauerer', 'Matthias Lauerer'],
    ['det/dpa', 'det/dpa'],
    ['Ursula von der Leyen', 'Ursula von der Leyen'],
    ['https://example.org/author/jane-doe', null],
    ['', null],
  ])('%s -> %s', (raw, clean) => {
    expect(cleanByline(raw)).toBe(clean);
  });
});
