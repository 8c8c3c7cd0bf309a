/**
 * One small page per removal rule: the block is stripped, counted under its family, and kept when the
 * user's option for that family is off. Each page is generic (no site's markup).
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index.js';
import type { ExtractOptions } from '../../src/core/index.js';
import { articlePage, normalise, page } from './helpers/page.js';

function run(parts: Parameters<typeof articlePage>[0], options: ExtractOptions = {}) {
  const result = extractArticle(page(articlePage(parts)), { debug: true, ...options });
  return { ...result, text: normalise(result.textContent) };
}

const paragraphs = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `<p>Paragraph ${from + i} of the story explains in plain words what happened, who was involved, and why it matters to readers.</p>`).join('');

describe('ad slots and labels', () => {
  it('removes an ad slot with its label from the middle of the body', () => {
    const body = `${paragraphs(1, 4)}<div class="ad-slot ad-mpu"><span>Advertisement</span><div id="div-gpt-ad-123"></div></div>${paragraphs(5, 8)}`;
    const r = run({ body });
    expect(r.removed.ads).toBeGreaterThanOrEqual(1);
    expect(r.text).not.toContain('Advertisement');
    expect(r.text).toContain('Paragraph 8');
  });

  it('removes a lone "Anzeige" label left between paragraphs', () => {
    const body = `${paragraphs(1, 4)}<div><small>Anzeige</small></div>${paragraphs(5, 8)}`;
    const r = run({ body, lang: 'de' });
    expect(r.text).not.toContain('Anzeige');
    expect(r.removed.ads).toBeGreaterThanOrEqual(1);
  });

  it('does not treat "header", "shadow" or "download" class names as ads', () => {
    const body = `<div class="header-note shadow download-box"><p>This paragraph sits in a box whose class names merely contain the letters a and d, and it is part of the story.</p></div>${paragraphs(1, 6)}`;
    const r = run({ body });
    expect(r.text).toContain('merely contain the letters');
    expect(r.removed.ads).toBeUndefined();
  });
});

describe('event promotions', () => {
  const promo = `<div class="box"><p><strong>12-13 March 2025 | Grand Hotel Lisbon</strong></p>
    <h3>The conference for data leaders</h3><p>Meet the speakers shaping analytics and network with 300 delegates.</p>
    <p><a href="https://events.example.com/register?utm_source=news&amp;utm_campaign=spring">Register now</a></p></div>`;

  it('removes a promotion with a date line, a tracked link and a call to action', () => {
    const r = run({ body: `${paragraphs(1, 4)}${promo}${paragraphs(5, 8)}` });
    expect(r.removed.promos).toBe(1);
    expect(r.text).not.toContain('Grand Hotel Lisbon');
    expect(r.text).toContain('Paragraph 5');
  });

  it('keeps the promotion when "strip ads and promotions" is off', () => {
    const r = run({ body: `${paragraphs(1, 4)}${promo}${paragraphs(5, 8)}` }, { stripAds: false });
    expect(r.removed.promos).toBeUndefined();
    expect(r.text).toContain('Grand Hotel Lisbon');
  });

  it('keeps an article paragraph that merely mentions a conference with a tracked link', () => {
    const body = `${paragraphs(1, 4)}<p>Speaking at the <a href="https://example.com/x?utm_source=feed">annual conference</a> in Berlin, the minister said the bridge would open in 2026 and cost less than planned.</p>${paragraphs(5, 8)}`;
    const r = run({ body });
    expect(r.text).toContain('Speaking at the annual conference');
    expect(r.removed.promos).toBeUndefined();
  });
});

describe('newsletter sign-ups', () => {
  it('removes a sign-up box with its heading', () => {
    const box = `<div><h3>Our morning newsletter</h3><p>Get the news in your inbox.</p><form><input type="email" placeholder="Email"><button>Subscribe</button></form></div>`;
    const r = run({ body: `${paragraphs(1, 4)}${box}${paragraphs(5, 8)}` });
    expect(r.removed.newsletters).toBe(1);
    expect(r.text).not.toContain('morning newsletter');
  });

  it('leaves a login form alone', () => {
    const login = `<div class="account"><form><input type="email" name="email"><input type="password"><button>Log in</button></form></div>`;
    const r = run({ body: `${paragraphs(1, 8)}`, aside: login });
    expect(r.removed.newsletters).toBeUndefined();
  });
});

describe('share bars, related links and author bios', () => {
  it('removes a row of share links', () => {
    const share = `<ul><li><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a></li><li><a href="https://twitter.com/intent/tweet?url=x">Twitter</a></li><li><a href="mailto:?subject=x">Email</a></li></ul>`;
    const r = run({ beforeBody: share });
    expect(r.removed.share).toBe(1);
  });

  it('removes "Read more:" lines and related-article lists inside the body', () => {
    const body = `${paragraphs(1, 3)}<p>Read more: <a href="/other">Bridge costs rise again</a></p>${paragraphs(4, 6)}
      <div><h3>Related stories</h3><ul><li><a href="/a">First other story headline here</a></li><li><a href="/b">Second other story headline here</a></li></ul></div>${paragraphs(7, 8)}`;
    const r = run({ body });
    expect(r.text).not.toContain('Bridge costs rise again');
    expect(r.text).not.toContain('Second other story');
    expect(r.removed.related).toBe(2);
  });

  it('removes the author bio box after the article', () => {
    const bio = `<div class="author-bio"><img src="a.jpg" alt=""><p>Jane Doe has covered city hall since 2009 and writes about transport.</p></div>`;
    const r = run({ afterBody: bio });
    expect(r.removed.authorBio).toBe(1);
    expect(r.text).not.toContain('covered city hall');
  });
});

describe('comment sections', () => {
  const thread = `<section id="comments"><h2>3 Comments</h2>
    <div class="comment"><p>I drive over that bridge every day and the new design looks far better than the old one did.</p></div>
    <div class="comment"><p>Another tax increase to pay for it, no doubt, and the traffic will be terrible during the works.</p></div>
    <form id="commentform"><textarea></textarea><button>Post comment</button></form></section>`;

  it('removes the thread and its reply form', () => {
    const r = run({ afterBody: thread });
    expect(r.removed.comments).toBeGreaterThanOrEqual(1);
    expect(r.text).not.toContain('I drive over that bridge');
  });

  it('removes a thread announced only by its heading', () => {
    const bare = `<div><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked.</p></div>`;
    const r = run({ afterBody: bare });
    expect(r.text).not.toContain('Your email address will not be published');
  });

  it('never removes the article, even inside a wrapper named for comments', () => {
    const html = articlePage({}).replace('<main>', '<main class="comments-open">');
    const r = extractArticle(page(html));
    expect(r.textContent).toContain('Paragraph 8');
  });

  it('does not mistake a "commentary" article for comments', () => {
    const html = articlePage({}).replace('<div class="story">', '<div class="story commentary">');
    const r = extractArticle(page(html));
    expect(r.removed.comments).toBeUndefined();
    expect(r.textContent).toContain('Paragraph 5');
  });
});

describe('teasers and calls to action inside the body', () => {
  it('removes a "Don\'t miss" label and the list of links after it', () => {
    const list = `<p><strong>DON'T MISS</strong></p><p><a href="/a">First other story on this site</a><br><a href="/b">Second other story on this site</a><br><a href="/c">Third other story</a></p>`;
    const r = run({ body: `${paragraphs(1, 4)}${list}${paragraphs(5, 8)}` });
    expect(r.text).not.toContain('Second other story');
    expect(r.text).not.toContain("DON'T MISS");
    expect(r.text).toContain('Paragraph 5');
  });

  it('removes a list under "Most read in world news" whose links wrap images', () => {
    const item = (i: number) => `<div class="item"><a href="/s/${i}"><img src="/i/${i}.jpg" alt=""></a><h3>KICKER ${i}</h3><span>Headline of teaser number ${i}</span></div>`;
    const rail = `<div class="rail"><div class="rail-header"><h3>Most read in world news</h3></div><div class="items">${[1, 2, 3, 4].map(item).join('')}</div></div>`;
    const r = run({ body: `${paragraphs(1, 4)}${rail}${paragraphs(5, 8)}` });
    expect(r.text).not.toContain('Headline of teaser number 3');
    expect(r.removed.related).toBe(1);
  });

  it('removes a headline shouted in capitals that links to another article of the site', () => {
    const shout = '<p><strong><a href="https://news.example.org/2024/other-story">SINGER CLEARED TO PERFORM HITS AMID LABEL FEUD</a></strong></p>';
    const r = run({ body: `${paragraphs(1, 4)}${shout}${paragraphs(5, 8)}` });
    expect(r.text).not.toContain('SINGER CLEARED');
  });

  it('keeps a capitalised link to another site (a cited source)', () => {
    const cite = '<p><a href="https://www.un.org/report">UNITED NATIONS REPORT ON RIVER SAFETY</a></p>';
    const r = run({ body: `${paragraphs(1, 4)}${cite}${paragraphs(5, 8)}` });
    expect(r.text).toContain('UNITED NATIONS REPORT');
  });

  it('removes an app-download call to action', () => {
    const cta = '<p><a href="https://news.example.org/apps"><strong>CLICK HERE TO GET THE EXAMPLE NEWS APP</strong></a></p>';
    const r = run({ body: `${paragraphs(1, 4)}${cta}${paragraphs(5, 8)}` });
    expect(r.text).not.toContain('EXAMPLE NEWS APP');
    expect(r.removed.promos).toBe(1);
  });
});

describe('byline and date lines above the story', () => {
  it('drops repeats of the byline and the date line, and keeps a date inside the story', () => {
    const head = '<meta name="author" content="Jane Doe">';
    const body = `<header><p><span>JANE DOE</span></p><p><time>Nov. 20, 2019</time> Updated: Nov. 20, 2019 1:35 a.m.</p></header>${paragraphs(1, 3)}<p>On Nov. 20, 2019 the council met.</p>${paragraphs(4, 6)}`;
    const r = extractArticle(page(articlePage({ head, body })));
    expect(r.byline).toBe('Jane Doe');
    const text = normalise(r.textContent);
    expect(text).not.toContain('JANE DOE');
    expect(text).not.toContain('Updated: Nov. 20');
    expect(text).toContain('On Nov. 20, 2019 the council met.');
  });
});

describe('furniture lines inside the story', () => {
  const figure = (n: number, caption: string) =>
    `<figure><img src="/img/${n}.jpg" alt=""><figcaption>${caption}</figcaption></figure>`;

  it('removes picture credits, slide counters and widget words, and keeps the captions', () => {
    const body = `${paragraphs(1, 2)}
      ${figure(1, 'The bridge seen from the east bank at dawn. <small>Photo: Jane Doe</small>')}
      <p>Shutterstock</p><p>1 of 6</p><p>Caption</p><p>Alex Wong | Getty Images</p><p>Beitragsbild</p><p>Externer Inhalt</p><p>PDF</p>
      ${paragraphs(3, 6)}`;
    const text = normalise(run({ body }).text);
    expect(text).toContain('The bridge seen from the east bank at dawn.');
    for (const line of ['Photo: Jane Doe', 'Shutterstock', '1 of 6', 'Caption', 'Getty Images', 'Beitragsbild', 'Externer Inhalt', 'PDF']) expect(text).not.toContain(line);
    expect(text).toContain('Paragraph 6 of the story');
  });

  it('shows a caption that a gallery template repeats under every slide once', () => {
    const caption = 'Spectators on the old bridge during the opening ceremony of the festival';
    const body = `${paragraphs(1, 3)}<p><img src="/img/1.jpg"></p><p>${caption}</p><p><img src="/img/2.jpg"></p><p>${caption}</p><p><img src="/img/3.jpg"></p><p>${caption}</p>${paragraphs(4, 6)}`;
    const text = run({ body }).text;
    expect(text.split(caption).length - 1).toBe(1);
  });

  it('removes taxonomy and copyright lines, and keeps prose that merely starts like one', () => {
    const body = `${paragraphs(1, 5)}
      <p>Copyright law was the second topic of the evening, and the council spent an hour on it.</p>
      <p>Filed under: Local politics, Infrastructure</p>
      <p>This entry was posted in Local politics, Infrastructure on May 3, 2024 by Jane Doe. Bookmark the permalink. You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback from your own site.</p>
      <p>© 2024 Example News Inc. All rights reserved.</p>`;
    const text = normalise(run({ body }).text);
    expect(text).toContain('Copyright law was the second topic of the evening');
    expect(text).not.toContain('Filed under');
    expect(text).not.toContain('This entry was posted');
    expect(text).not.toContain('All rights reserved');
  });

  it('keeps repeated lines and credits inside code and tables', () => {
    const body = `${paragraphs(1, 4)}<pre><code>echo "this line is printed twice by the example"\necho "this line is printed twice by the example"</code></pre>
      <table><tr><th>Source</th><th>Share</th></tr><tr><td>Reuters</td><td>40 %</td></tr></table>${paragraphs(5, 6)}`;
    const text = run({ body }).text;
    expect(text.split('this line is printed twice').length - 1).toBe(2);
    expect(text).toContain('Reuters');
  });
});

describe('related labels with link lines, and headings left with nothing under them', () => {
  it('removes a "Schon gelesen?" label and the one-link blocks after it', () => {
    const links = '<blockquote><p><a href="/a">Luftwaffe trains pilots abroad</a></p></blockquote><blockquote><p><a href="/b">New trainer jets arrive</a></p></blockquote>';
    const text = run({ lang: 'de', body: `${paragraphs(1, 6)}<p><strong>Schon gelesen?</strong></p>${links}` }).text;
    expect(text).not.toContain('Schon gelesen');
    expect(text).not.toContain('Luftwaffe trains pilots abroad');
    expect(text).toContain('Paragraph 6 of the story');
  });

  it('removes a heading that ends the article with nothing under it, and keeps headings with text', () => {
    const body = `<h2>How it started</h2>${paragraphs(1, 4)}<h2>What comes next</h2>${paragraphs(5, 7)}<div><h2>Das könnte dich auch interessieren</h2></div>`;
    const text = run({ body }).text;
    expect(text).toContain('How it started');
    expect(text).toContain('What comes next');
    expect(text).not.toContain('Das könnte dich');
  });
});

describe('repeated paragraphs that are not captions', () => {
  it('keeps the same question put to every interviewee', () => {
    const question = 'What made you start writing about food in the first place?';
    const answer = (n: number) => `<p>Answer ${n}: it started with my grandmother's recipes and a notebook that I still keep in the kitchen drawer.</p>`;
    const body = `${paragraphs(1, 2)}${[1, 2, 3].map((n) => `<h3>Cook ${n}</h3><p><b>${question}</b></p>${answer(n)}`).join('')}${paragraphs(3, 4)}`;
    expect(run({ body }).text.split(question).length - 1).toBe(3);
  });
});

describe("the publisher's notices to the reader", () => {
  it('removes follow-us, subscriber, feedback and affiliate lines, and keeps story sentences with the same words', () => {
    const body = `${paragraphs(1, 4)}
      <p>He decided to follow us on the way home, and the app he had downloaded showed the route.</p>
      <p>Already a subscriber? Log in for immediate access to this story.</p>
      <p>Was this article helpful?</p>
      <p>Follow Example News on Twitter and Instagram @ExampleNews.</p>
      <p>This post contains affiliate links; we may earn a commission when you buy through them.</p>
      <p>Last updated on 2 May 2024 / The links are affiliate links / Pictures from the Amazon Product Advertising API</p>
      ${paragraphs(5, 6)}`;
    const text = run({ body }).text;
    expect(text).toContain('He decided to follow us on the way home');
    for (const line of ['Already a subscriber', 'Was this article helpful', 'Follow Example News', 'affiliate links', 'Product Advertising API']) expect(text).not.toContain(line);
    expect(text).toContain('Paragraph 6 of the story');
  });
});

describe('teaser cards under a related heading', () => {
  it('removes a "Latest articles" section of cards with excerpts, whose links wrap only the images', () => {
    const card = (n: number) =>
      `<div class="card"><a href="/story-${n}"><img src="/t${n}.jpg" alt=""></a><p>Kicker ${n}</p><p>Card ${n} sums up another story of the week in three sentences, long enough to read like a short paragraph of its own. The second sentence names the people in it and the place. The third one ends here.</p></div>`;
    const aside = `<section><h2>Latest articles</h2><div>${[1, 2, 3].map(card).join('')}</div></section>`;
    const text = run({ body: `${paragraphs(1, 16)}${aside}` }).text;
    expect(text).not.toContain('Card 2 sums up another story');
    expect(text).toContain('Paragraph 8 of the story');
  });
});
