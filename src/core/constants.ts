/**
 * Every threshold, pattern and word list the core uses, named, with the reason it exists.
 * Patterns are generic (class-name conventions, ad-tech vocabulary, labels readers see); none names a site.
 */

// ---------------------------------------------------------------------------------------------------------
// Guards: what the stripping rules may never remove
// ---------------------------------------------------------------------------------------------------------

/**
 * A non-comment rule may not remove a block holding more than this share of the page's paragraph text:
 * wrappers often carry classes like "has-ads" or "promo-enabled", and the article must survive them.
 */
export const MAX_REMOVED_PARAGRAPH_SHARE = 0.35;

/** Paragraphs shorter than this do not count as article text in the share guard (menus, captions, labels). */
export const MIN_ARTICLE_PARAGRAPH_CHARS = 60;

// ---------------------------------------------------------------------------------------------------------
// Ads
// ---------------------------------------------------------------------------------------------------------

/** Class/id tokens that ad servers and CMS ad plugins use for slots (whole tokens: "ad" but not "header"). */
export const AD_TOKEN =
  /(?:^|[\s_-])(?:ad|ads|adv|advert|adverts|advertisement|advertisements|advertising|adslot|adunit|adbox|adzone|adwrap|adwrapper|adcontainer|adholder|adsense|adsbygoogle|dfp|gpt|doubleclick|banner-?ad|ad-?slot|ad-?unit|ad-?container|ad-?wrapper|ad-?placeholder|ad-?label|taboola|outbrain|plista|teads)(?=$|[\s_\d-])/;

/** Ad slots hold almost no text; a block with more than this is content that happens to carry an ad class. */
export const AD_MAX_TEXT_CHARS = 400;

/** The label readers see above or inside an ad slot, in the languages we support. Whole text only. */
export const AD_LABEL =
  /^(?:advertisement|advertisements|advertising|advert|ad|ads|sponsored|sponsored content|paid content|paid post|promoted|promoted content|partner content|anzeige|werbung|gesponsert|publicité|publicite|annonce|publicidad|anuncio|patrocinado|pubblicità|pubblicita|sponsorizzato|advertentie|reclame|gesponsord|publicidade|reklame|reklama|annons)(?:\s*[-:·|]?\s*)$/i;

/** Attributes that only ad slots carry (AdSense, Google Publisher Tag, common ad plugins). */
export const AD_ATTRIBUTES = ['data-ad-slot', 'data-ad-unit', 'data-ad-client', 'data-google-query-id', 'data-ad', 'data-adunit'];

// ---------------------------------------------------------------------------------------------------------
// Promotions (events, webinars, conferences, sponsored blocks)
// ---------------------------------------------------------------------------------------------------------

/** Class/id words for promotional blocks (substring match: they appear inside compound class names). */
export const PROMO_TOKEN = /promo(?!t(?:e|ing)\b)|promotion|sponsor|native-?ad|paid-?(?:post|content)|partner-?content|brand-?(?:ed|studio)|campaign|marketing|(?:^|[\s_-])cta(?=$|[\s_-])/;

/** Calls to action on links and buttons of promotions ("Download the Agenda to find out more"). */
export const CTA_TEXT =
  /\b(?:register(?: now| today| here)?|book (?:now|your (?:seat|place|ticket)s?)|(?:buy|get|grab) (?:your )?tickets?|download (?:the|our|your|a|free) |download now|find out more|learn more|sign up|save (?:your|a) (?:seat|spot|place)|reserve (?:your|a) |claim (?:your|a) |join us|shop now|order now|start (?:your )?free trial|try (?:it )?(?:for )?free|request a demo|get started|jetzt (?:anmelden|registrieren|buchen)|mehr erfahren|inscrivez-vous|en savoir plus|réservez|inscr[ií]bete|reg[ií]strate|m[aá]s informaci[oó]n|iscriviti|scopri di pi[uù]|meld (?:je|u) aan|inscreva-se|saiba mais)\b/i;

/** Words that make a block read as an event promotion (at least two must appear). */
export const EVENT_WORDS =
  /\b(?:conference|summit|webinar|webcast|expo|exhibition|workshop|masterclass|event|agenda|speakers?|delegates|attendees|tickets?|venue|keynote|networking|network with|register|registration|early[- ]bird|konferenz|veranstaltung|tagung|kongress|conférence|événement|salon|congreso|evento|jornada|congresso|convegno|conferentie|evenement|congres)\b/gi;

/** A promotion needs at least this score (class word 2, tracked external link 1, call to action 1, event text 1). */
export const PROMO_MIN_SCORE = 3;

/** Promotions are compact; blocks longer than this are articles about events, not adverts for them. */
export const PROMO_MAX_TEXT_CHARS = 2500;

/** How many ancestors above a tracked link or call to action may form the promotion's container. */
export const PROMO_MAX_CLIMB = 4;

/** Query parameters that mark campaign-tracked links (Google Analytics UTM and common equivalents). */
export const TRACKING_PARAM = /[?&](?:utm_(?:source|medium|campaign|content|term)|mc_cid|cmpid|campaign_id)=/i;

// ---------------------------------------------------------------------------------------------------------
// Newsletter sign-ups
// ---------------------------------------------------------------------------------------------------------

export const NEWSLETTER_TOKEN = /newsletter|subscri(?:be|ption)|sign-?up|signup|mailchimp|mc-embedded|mc_embed|opt-?in|email-?capture|e-?mail-?signup|mailing-?list|inbox/;

export const NEWSLETTER_TEXT = /newsletter|subscribe|sign up|sign-up|inbox|mailing list|abonnieren|abonnez|suscr[ií]b|iscriviti|abonneer|assine|inscreva/i;

/** A sign-up box is a heading, a sentence and a form: containers with more text are pages, not boxes. */
export const NEWSLETTER_MAX_TEXT_CHARS = 600;

// ---------------------------------------------------------------------------------------------------------
// Share bars
// ---------------------------------------------------------------------------------------------------------

export const SHARE_TOKEN = /(?:^|[\s_-])(?:share|shares|sharing|sharebar|share-?buttons?|share-?tools|share-?links|social-?share|social-?sharing|social-?buttons|social-?links|social-?icons|social-?media|addthis|sharethis|shariff|sociable)(?=$|[\s_\d-])/;

/** Links that post the page to a social network or mail it: the buttons of a share bar. */
export const SHARE_LINK =
  /(?:facebook\.com\/(?:sharer|share\.php|dialog\/share)|(?:twitter|x)\.com\/(?:intent\/|share)|linkedin\.com\/(?:share|cws\/share)|pinterest\.[a-z.]+\/pin\/create|reddit\.com\/submit|(?:api\.)?whatsapp\.com\/send|wa\.me\/|t\.me\/share|telegram\.me\/share|xing\.com\/spi\/shares|vk\.com\/share|tumblr\.com\/share|getpocket\.com\/(?:edit|save)|mailto:\?|^mailto:[^@]*\?(?:subject|body)=)/i;

/** Share bars are icons and a word or two each. */
export const SHARE_MAX_TEXT_CHARS = 200;

// ---------------------------------------------------------------------------------------------------------
// Related and recommended links
// ---------------------------------------------------------------------------------------------------------

export const RELATED_TOKEN =
  /related|recommend|more-?(?:stories|articles|news|from|on|in)|read-?(?:more|next|also)|also-?read|further-?reading|trending|most-?(?:read|popular|viewed|shared)|popular-?(?:posts|stories|articles)|latest-?(?:news|posts|stories|articles)|you-?may-?(?:also-?)?like|next-?(?:post|article|story)|previous-?post|post-?navigation|taboola|outbrain/;

/** Headings that introduce link lists to other articles ("Related stories", "Most read in world news"). */
export const RELATED_HEADING =
  /^(?:related(?: (?:articles?|stories|story|posts?|news|content|coverage|reading|links))?|read (?:more|next|also)|more (?:from|on|in|stories|articles|news|like this)|you (?:may|might) (?:also )?(?:like|enjoy)|recommended(?: for you| reading| stories)?|(?:the )?most (?:read|popular|viewed|shared|commented)|popular(?: (?:posts|stories|now|articles))?|latest(?: (?:news|stories|posts|articles|headlines))?|top stories|trending(?: now| stories)?|further reading|see also|don'?t miss|editor'?s picks|(?:weitere|verwandte|ähnliche|neueste|passende) (?:artikel|themen|nachrichten|beiträge|news)|mehr zum thema|mehr (?:aus|zu)\b|empfehlungen\b|(?:vorschau auf )?(?:den |die )?(?:nächsten?|vorherigen?) (?:artikel|beitrag|beiträge)|(?:next|previous) (?:article|post|story)|das könnte (?:sie|dich|euch) (?:auch )?interessieren|lesen sie auch|auch lesen|schon gelesen|zum weiterlesen|weiterführende (?:links?|artikel|informationen)|passend zum thema|meistgelesen|am meisten gelesen|à lire aussi|lire aussi|sur le même sujet|les plus lus|articles? (?:liés|similaires)|(?:te|le) puede interesar|vea también|mira también|lo más leído|noticias relacionadas|ver también|leggi anche|potrebbe interessarti|articoli correlati|i più letti|lees ook|meest gelezen|gerelateerde artikelen|leia também|veja também|mais lidas|notícias relacionadas)\b.{0,40}$/i;

/** A teaser list: at least this many links to distinct pages ... */
export const RELATED_MIN_LINKS = 2;
/** ... with no more text per link than a headline and a kicker (lists whose links wrap images have little link text). */
export const RELATED_MAX_CHARS_PER_LINK = 160;

/** "Read more: <link>" lines inside the article body. */
export const INLINE_RELATED_PREFIX =
  /^(?:read (?:more|also|next)|related(?: (?:article|story|coverage))?|see (?:also|more)|also (?:read|see)|must read|don'?t miss|recommended|more|watch|listen|related posts?|you (?:may|might) (?:also )?like|lesen sie auch|auch lesen|schon gelesen|mehr zum thema|auch interessant|lire aussi|à lire aussi|voir aussi|lee también|leer más|ver también|vea también|mira|mire|(?:te|le) puede interesar|leggi anche|lees ook|leia também|veja também)\s*[:»>|–-]/i;

/** One-line calls to action inside articles: app downloads, social follows, subscriptions. */
export const CTA_LINE =
  /^(?:click|tap) here\b|\b(?:get|download) (?:the|our) [\w\s&'’.-]{0,40}\bapp\b|^follow (?:us|@\w+)|^like us on\b|^join (?:us|our)\b|^subscribe\b|^sign up\b|^(?:become|support) (?:a )?(?:member|subscriber)|\bsubscribe (?:now|today|here)\b|^(?:jetzt )?(?:abonnieren|folgen sie uns)|^suivez-nous|^abonnez-vous|^s[ií]guenos|^suscr[ií]bete|^seguici|^volg ons|^siga-nos|^assine\b/i;

/** Call-to-action lines are one short sentence. */
export const CTA_LINE_MAX_CHARS = 140;

/** Inline "Read more" lines are one short sentence. */
export const INLINE_RELATED_MAX_CHARS = 220;

/** A related block is mostly links. */
export const RELATED_MIN_LINK_DENSITY = 0.45;

// ---------------------------------------------------------------------------------------------------------
// Author bios
// ---------------------------------------------------------------------------------------------------------

/** Compound class names of author boxes ("author-bio", "about-the-author", "itemAuthorBlock"). */
export const AUTHOR_BIO_TOKEN =
  /author-?(?:bio|box|block|info|details|description|about|profile|card|footer|signature|meta-?box)|about-?(?:the-?)?author|(?:bio|profile)-?(?:box|block|card)|contributor-?(?:bio|box)|writer-?(?:bio|box)/;

/** Bios are a few sentences; longer blocks are not bios. */
export const AUTHOR_BIO_MAX_TEXT_CHARS = 1500;

// ---------------------------------------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------------------------------------

/** Class/id words of comment sections and widgets ("comments", "disqus_thread", "dsq-widget", "respond"). */
export const COMMENT_TOKEN =
  /comment(?!ary|ator)|disqus|(?:^|[\s_-])dsq-|(?:^|[\s_-])respond(?=$|[\s_-])|reply-?form|replies|discussion|talkback|livefyre|coral-?(?:talk|embed)|fb-comments|spot-?im|openweb|reader-?(?:comments|reactions|responses)|user-?comments|leserkommentar|kommentar|commentaire|comentario|commento|reactie/;

/** schema.org types of reader comments (ids like #comments, #disqus_thread, #respond match COMMENT_TOKEN). */
export const COMMENT_ITEMTYPE = /schema\.org\/(?:Comment|UserComments)\b/i;

/** Headings that open a comment section. */
export const COMMENT_HEADING =
  /^(?:\d+\s+)?(?:comments?|responses?|replies|reader comments|recent comments|latest comments|top comments|discussion|join the (?:discussion|conversation)|leave a (?:reply|comment)|post a comment|add a comment|write a comment|have your say|\d+ thoughts on\b.*|kommentare?|leserkommentare|diskussion|commentaires?|laisser un commentaire|comentarios?|deja un comentario|commenti|lascia un commento|reacties?|laat een reactie achter|comentários?|deixe um comentário)(?:\s*\(\d+\))?\s*[:.!]?$/i;

// ---------------------------------------------------------------------------------------------------------
// Repairs after Readability
// ---------------------------------------------------------------------------------------------------------

/**
 * Readability keeps the text block and often drops the lead image and caption that sit in a sibling
 * container just above it. A captioned image counts as the article's lead figure when no more than this
 * much text separates it from the first paragraph Readability kept (room for a byline and a date).
 */
export const LEAD_FIGURE_MAX_GAP_CHARS = 300;

/** Class words of image captions. */
export const CAPTION_TOKEN = /caption|credit|legend|cutline|figcaption|image-?text|img-?text|photo-?text|bildunterschrift|legende/;

/** A caption is a sentence or two. */
export const CAPTION_MAX_CHARS = 400;

// ---------------------------------------------------------------------------------------------------------
// Furniture lines left in the extracted body (repair/furniture-lines.ts)
// ---------------------------------------------------------------------------------------------------------

/**
 * A caption whose text repeats an earlier caption word for word is template repetition (gallery captions
 * printed under every slide, a caption printed for two image sizes), shown once. Shorter lines may repeat
 * on purpose (a refrain, "Yes."), so only blocks at least this long count.
 */
export const REPEATED_BLOCK_MIN_CHARS = 40;

/** Credit lines, gallery counters and widget words are short; a longer line is prose. */
export const FURNITURE_LINE_MAX_CHARS = 90;

/**
 * A line that only credits a picture: "Photo: Jane Doe", "Foto: dpa", "Image copyright Getty Images",
 * "Courtesy Google", "Credit...Anna Moneymaker", "(Image: © NASA)", "© Amazon".
 */
export const PHOTO_CREDIT_LINE =
  /^[([]?\s*(?:(?:photo|foto|bild|image|picture|graphic|grafik|illustration|abbildung|imagen|immagine)s?(?:\s*(?:credit|quelle|source|nachweis|courtesy))?\s*(?::|\||\/|…|\.{2,})|(?:photo|image|picture|foto|bild)s?\s+(?:by|courtesy|copyright|credit|via|von)\b|photograph(?:ed)?\s+by\b|courtesy(?:\s+of)?\s|credits?\s*(?::|…|\.{2,})|cr[ée]dit(?:o|s)?\s*:|bildquelle|fotoquelle|beitragsbild|titelbild|headerbild|bild via\b|©|ⓒ|\(c\)\s)/i;

/** A line naming only a picture agency, alone or after a photographer: "Shutterstock", "Alex Wong | Getty Images". */
export const PICTURE_AGENCY_LINE =
  /^(?:.{0,50}?[|/,]\s*)?(?:getty(?:\s*images)?|shutterstock|istock(?:photo)?(?:\.com)?|thinkstock|clipdealer|imago(?:\s*images)?|picture[- ]alliance|unsplash|pixabay|adobe\s*stock|fotolia|dpa|afp|ap|reuters|epa)(?:\s*[|/,]\s*.{0,50})?$/i;

/** Slide counters and picture widget words: "1 of 6", "Image 1 of 4", "Caption", "Close", "Enlarge". */
export const GALLERY_WIDGET_LINE =
  /^(?:(?:image|photo|picture|slide|bild|foto)\s*)?\d+\s*(?:of|\/|von|de|di|sur)\s*\/?\s*\d*$|^(?:caption|close|expand|enlarge|zoom|full ?screen|vollbild|schlie(?:ß|ss)en|click to enlarge|view (?:larger|full)(?: image| size)?|open gallery|externer inhalt|external content|print(?: this)?(?: article| page)?|drucken|artikel drucken|drukuj|imprimir|imprimer|pdf|zum vergrö(?:ß|ss)ern.{0,40}|bild vergrö(?:ß|ss)ern|read more|weiterlesen|lire la suite|leer más|leia mais|continua a leggere)$/i;

/**
 * Post taxonomy and filing lines that blog and CMS templates print around the story: "Filed under: X",
 * "Category: News", "Tags: a, b", "This entry was posted in X", "Der Beitrag wurde am … veröffentlicht".
 */
export const TAXONOMY_LINE =
  /^(?:filed (?:under|in)|posted in|this entry was posted|(?:der|dieser) (?:beitrag|eintrag|artikel) wurde (?:am|unter|in)\b|publicado en|archiviato in|geplaatst in)\b|^(?:categor(?:y|ies)|kategorien?|rubriken?|tags?|schlagw(?:ö|o)rter|stichw(?:ö|o)rter|cat(?:é|e)gories?|(?:é|e)tiquettes|etiquetas|categor(?:í|i)as?|categorie|tag)\s*:/i;

/** A copyright or reprint notice: "© 2020 CBS Interactive Inc. All Rights Reserved.", "Copyright 2019 The New Arab". */
export const COPYRIGHT_LINE = /^(?:©|ⓒ|\(c\)\s|copyright\s*(?:©|ⓒ|\(c\)|@|\d{4}))|\ball rights reserved\b|\balle rechte vorbehalten\b|\btous droits réservés\b|\btodos los derechos reservados\b/i;

/**
 * The publisher speaking to the reader about the site rather than the story: follow-us and app lines,
 * paywall and subscriber notices, "Was this article helpful?" and share prompts, affiliate disclosures.
 */
export const READER_NOTICE_LINE = new RegExp(
  [
    String.raw`^follow (?:us|@?[\w.]+(?: [\w.]+){0,3}) on (?:twitter|facebook|instagram|x|linkedin|youtube|tiktok|telegram|whatsapp)\b`,
    String.raw`\b(?:download|get|install) (?:the|our) [\w\s.&'’-]{0,40}\bapps?\b`,
    String.raw`^to (?:view|read|continue reading|access) (?:the |this )?(?:full|whole|rest|entire|story|article)`,
    String.raw`\balready a (?:subscriber|member)\b`,
    String.raw`^(?:first-time |new )?subscribers? (?:also )?(?:get|receive|enjoy)\b`,
    String.raw`^subscribe (?:now|today|to (?:our|the)\b)`,
    String.raw`\b(?:was|is) this (?:article|post|page|story) (?:helpful|useful)\b`,
    String.raw`^(?:if you )?(?:enjoyed|liked) (?:reading )?this (?:post|article|story)\b`,
    String.raw`^we want to hear what you think\b`,
    String.raw`^this (?:post|article|page) (?:contains|may contain|includes) (?:affiliate|references to products|sponsored)`,
    String.raw`\b(?:may|might|will|could) (?:earn|receive) (?:an? )?(?:small )?(?:affiliate )?commission\b`,
    String.raw`\baffiliate[- ]?links?\b|\bproduct advertising api\b`,
    String.raw`^war (?:der|dieser) (?:artikel|beitrag|text) (?:nützlich|hilfreich)`,
    String.raw`^(?:möchten sie|willst du) (?:den|diesen) (?:artikel|beitrag) teilen`,
    String.raw`^gefällt (?:dir|ihnen|euch) (?:unser|dieser|der|das)\b`,
    String.raw`^(?:bei den|die mit \*? ?(?:gekennzeichneten )?) ?(?:verlinkungen|links) (?:handelt es sich um|sind)`,
    String.raw`^(?:hazte|hágase) (?:miembro|socio)|^s[ií]guenos en\b|^[¿¡]?(?:ya sabías que|únete)\b.{0,80}\b(?:canal|telegram|whatsapp)`,
    String.raw`^suivez-nous sur\b|^abonnez-vous\b`,
  ].join('|'),
  'i',
);

/** Taxonomy and copyright lines are one or two short sentences. */
export const META_LINE_MAX_CHARS = 220;

/** Blog footers that file the post ("This entry was posted in A, B on <date> by C. Bookmark the permalink.") run longer. */
export const FILING_LINE_MAX_CHARS = 400;

// ---------------------------------------------------------------------------------------------------------
// Reading time
// ---------------------------------------------------------------------------------------------------------

/** Average silent reading speed of adults for non-fiction (Brysbaert 2019: 238 wpm); rounded down for news. */
export const WORDS_PER_MINUTE = 230;
