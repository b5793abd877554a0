//! Every threshold of the segment stage, with the reason for its value (like
//! Readability's `DEFAULT_*` block or trafilatura's `settings.py`).
//!
//! Lengths called *weighted* are measured by `html::page::measure`: a
//! Han/kana/Hangul character counts 2, anything else 1, so one threshold
//! serves Chinese, Japanese and English. Lengths in *chars* are plain
//! character counts of one line. Change a value only with the golden pages
//! (`tests/pages/`) and `./scripts/eval` before and after.

// ---- Plain text: line classes -------------------------------------------

/// A line this long (chars) or longer reads as running text.
pub const LONG_LINE_CHARS: usize = 40;
/// A line this short (chars) or shorter may be a menu item or a label.
pub const SHORT_LINE_CHARS: usize = 24;
/// A credit line is short: past this many chars a date inside is a sentence's.
pub const META_LINE_MAX_CHARS: usize = 120;
/// Captions are short: past this many chars a credit word is the text's.
pub const CAPTION_MAX_CHARS: usize = 160;
/// Items of a breadcrumb trail are short labels (chars).
pub const CRUMB_ITEM_MAX_CHARS: usize = 16;
/// A trail has at least this many items (two separators).
pub const CRUMB_MIN_ITEMS: usize = 3;

// ---- Plain text: reading order ------------------------------------------

/// The body starts at the first paragraph line scoring at least this…
pub const BODY_START_SCORE: i32 = 4;
/// …and at least this long (chars): shorter "paragraphs" are stand-firsts
/// and labels.
pub const BODY_START_CHARS: usize = 30;
/// A headline candidate needs at least this title score.
pub const TITLE_MIN_SCORE: i32 = 3;
/// Headlines are this long (chars), inclusive.
pub const TITLE_CHARS: std::ops::RangeInclusive<usize> = 6..=90;
/// Past this many chars a headline candidate is penalised as sentence-like.
pub const TITLE_LONG_CHARS: usize = 60;
/// A subheading inside a pasted body is at most this long (chars).
pub const SUBHEADING_MAX_CHARS: usize = 40;
/// A boilerplate line ends a pasted body only with at least this score.
pub const TAIL_MIN_SCORE: i32 = 2;
/// A dated line that ends like a sentence is prose, not a credit line, from
/// this many words (`On March 3, 2024 the plant closed.`: 7; `November 16,
/// 2024.`: 3)…
pub const DATED_SENTENCE_MIN_WORDS: usize = 6;
/// …or this many CJK letters (`2024年11月16日。` has 3).
pub const DATED_SENTENCE_MIN_CJK: usize = 12;
/// How many body lines decide whether the body is indented.
pub const INDENT_SAMPLE_LINES: usize = 4;

// ---- HTML: measuring ----------------------------------------------------

/// Weight of a Han/kana/Hangul character: CJK text says as much in about
/// half the characters of Latin text.
pub const CJK_CHAR_WEIGHT: f32 = 2.0;
/// A `<p>` (or a text run straight in a container) at least this long
/// (weighted) is article prose, not a label: it counts as paragraph *mass*.
pub const PARAGRAPH_MASS_MIN: f32 = 80.0;
/// A region holding more than this share of the page's paragraph mass is
/// the article's wrapper whatever its class says (`page-ad-margins`).
pub const WRAPPER_MASS_SHARE: f32 = 0.3;
/// A "widget" with at least this much paragraph mass holds paragraphs of
/// prose, not a blurb or a list of links…
pub const WIDGET_PROSE_MIN: f32 = 600.0;
/// …and a series of this many with the same class is the article's
/// (product reviews, a list's entries): on WCXB the single ones were an
/// author's bio, a letter to readers, a product page's review box (600–1,800
/// of mass, as much as one entry of a series).
pub const WIDGET_SERIES_MIN: usize = 3;

// ---- HTML: choosing the container (Readability's method) ----------------

/// Blocks shorter than this (weighted) give their containers no score.
pub const SCORED_BLOCK_MIN: f32 = 50.0;
/// One score point per this much text (weighted; Readability: 100 chars)…
pub const LENGTH_POINT: f32 = 200.0;
/// …up to this many points.
pub const LENGTH_POINTS_MAX: f32 = 3.0;
/// A paragraph scores this many ancestors: parent (full), grandparent
/// (half), great-grandparent (a third of `ANCESTOR_DIVIDER_STEP`× less).
pub const SCORED_ANCESTORS: usize = 3;
/// Divider step for ancestors above the grandparent (Readability's 3).
pub const ANCESTOR_DIVIDER_STEP: f32 = 3.0;
/// Class/id weight of a positive or negative word (Readability's 25).
pub const CLASS_WEIGHT: f32 = 25.0;
/// Widening looks this many levels above the container for more prose;
/// a wrapper around the same text is not a level (page builders nest four
/// or five around each section). One: the sections of an article are
/// siblings under one ancestor; two or three reached author bios, teaser
/// lists and page headers (WCXB dev +0.027 at one, +0.029 at two, but
/// ScrapingHub exact 0.425 → 0.409 at two).
pub const WIDEN_LEVELS: usize = 1;
/// An ancestor is taken when it holds this many times the container's
/// paragraph mass (plus one): wrappers around the same text are passed.
pub const WIDEN_GAIN: f32 = 1.25;
/// …and when under this share of its text is links: a page's frame (menus,
/// tag clouds, link lists) around a short article holds a stray paragraph
/// or two, not more of the article.
pub const WIDEN_LINK_DENSITY: f32 = 0.3;
/// A sibling joins the article when at least this share of its length…
pub const SIBLING_SHARE: f32 = 0.2;
/// …or this much text (weighted), whichever is more…
pub const SIBLING_MIN_LENGTH: f32 = 200.0;
/// …with a link density under this.
pub const SIBLING_LINK_DENSITY: f32 = 0.3;
/// A sibling `<p>` of prose joins with a link density under this.
pub const SIBLING_PARAGRAPH_LINK_DENSITY: f32 = 0.25;

/// How many levels above the best container a series of items (posts,
/// stories) is looked for.
pub const REPEAT_LEVELS: usize = 6;
/// Fewest items of one kind that make a series.
pub const REPEAT_MIN_ITEMS: usize = 3;
/// Non-link text (weighted) an item needs to count.
pub const REPEAT_ITEM_MIN: f32 = 50.0;

/// A page with no container but `<body>` has its body for the article's
/// container when at least this many scored blocks stand straight in it
/// (an RFC's pages as `<pre>` blocks); fewer (one `<p>` of `<br>` lines) is
/// read like a paste, which finds a lone byline line under the title.
pub const BODY_CONTAINER_MIN_BLOCKS: usize = 3;

/// A `visibility:hidden` wrapper is a loading veil, lifted, when the page
/// shows less than this share of its text and the wrapper holds at least
/// this share (a hidden menu or dialog holds a small part).
pub const VEIL_SHARE: f32 = 0.5;

/// A `display:none` wrapper holding most of the page's text is a loading
/// veil only when the page shows less than this share of its text: the
/// same style hides closed dialogs and tabs (a "republish this article"
/// dialog holding a copy of the article beside it), so a page that shows
/// a good part of its text is read as shown.
pub const DISPLAY_VEIL_SHOWN: f32 = 0.25;
/// On a page showing less than [`DISPLAY_VEIL_SHOWN`] of its text, each
/// veil holding at least this share of it is lifted: scripts reveal such a
/// page part by part (a product's details in one deferred wrapper, its
/// reviews in another), while a closed menu holds a few per cent.
pub const VEILED_PART_SHARE: f32 = 0.2;

/// When the article found outside comment regions is shorter than
/// `THREAD_BODY_MAX` (weighted, about 400 words) and holds less than
/// `THREAD_SHARE` of their text, the page is a thread whose posts are
/// marked as comments (`itemprop=comment`), and it is read with them as
/// content. A longer story with a long comment section stays a story.
/// Tuned on WCXB half A (2,000–2,500 and 0.5 best), checked on half B.
pub const THREAD_SHARE: f32 = 0.5;
/// See [`THREAD_SHARE`].
pub const THREAD_BODY_MAX: f32 = 2500.0;

/// When the chosen article holds less than this share of the text of the
/// page's main landmark (`<main>`, `role=main`), the page is not one
/// article but a listing, a catalogue, a forum thread or a service page,
/// and the landmark is read whole. Tuned on WCXB half A (0.2–0.5 all gain;
/// 0.3 best), checked on half B.
pub const LANDMARK_SHARE: f32 = 0.5;
/// The same for a page without a main landmark, read from its `<body>`:
/// the page does not say where its content is, so the article must be a
/// much smaller share (news pages with unlabelled sidebars and teasers are
/// at 0.16–0.46 on ScrapingHub; listings and landing pages mostly under
/// 0.15). Tuned on WCXB half A (0.15–0.3 alike there; 0.15 leaves every
/// ScrapingHub page alone), checked on half B.
pub const BODY_SHARE: f32 = 0.15;

// ---- HTML: writing the body ---------------------------------------------

/// Blocks with more link text than this share are link lists…
pub const LINK_BLOCK_DENSITY: f32 = 0.5;
/// …when shorter than this (weighted); longer ones are prose with links.
pub const LINK_BLOCK_MAX_LENGTH: f32 = 400.0;
/// Paragraphs, list items and subheadings with more link text than this
/// share are teasers.
pub const LINK_ITEM_DENSITY: f32 = 0.6;
/// A layout table with one picture is a photo with its caption when its
/// text is at most this long (weighted: a caption and credit of about 150
/// Chinese characters); longer, it is a table that also holds a picture.
pub const PHOTO_TABLE_MAX_LENGTH: f32 = 300.0;
/// Shortest `data:image/…` source taken as a picture: lazy-loading
/// placeholders (1×1 GIFs and the like) are under 200 bytes.
pub const INLINE_IMAGE_MIN: usize = 256;

// ---- HTML: clean-up passes over the body --------------------------------

/// Only the first items may repeat the title or the site name…
pub const TITLE_REPEAT_WINDOW: usize = 3;
/// …and only when they are headline-sized (chars).
pub const TITLE_REPEAT_MAX_CHARS: usize = 200;
/// A heading ("Related Articles") starting the tail is at most this long (chars).
pub const TAIL_HEADING_MAX_CHARS: usize = 40;
/// An unpunctuated label ("Top stories") starting the tail, at most (chars).
pub const TAIL_LABEL_MAX_CHARS: usize = 25;
/// The tail starts only after this many paragraphs of body.
pub const TAIL_MIN_PARAGRAPHS_BEFORE: usize = 2;
/// A paragraph this short (chars) is no prose when the tail weighs the text
/// before and after a heading: cards' prices, dates and labels ("Regular
/// Price:$89.99", "Sold out") under "Related items" are many but say nothing.
pub const TAIL_FRAGMENT_MAX_CHARS: usize = 40;
/// A run of items written twice in a row is a responsive page's second
/// copy (one per screen size) when its text is this long at least (chars):
/// a refrain or a label said twice is not…
pub const DOUBLED_RUN_MIN_CHARS: usize = 150;
/// …and when it is at most this many items (a description's paragraphs
/// and lists; the bound keeps the search linear in the body's length)…
pub const DOUBLED_RUN_MAX_ITEMS: usize = 40;
/// …and at least this many: one paragraph said twice is as often the
/// text's own (a refrain, a test page's lorem ipsum).
pub const DOUBLED_RUN_MIN_ITEMS: usize = 2;
/// An English closing credit (`(Reporting by …; Editing by …)`) is at most
/// this long (chars): a wire story's list of contributors fits, a paragraph
/// that mentions reporting does not.
pub const CLOSING_CREDIT_MAX_CHARS: usize = 300;
/// A credit line opening the container is at most this long (chars)…
pub const LEADING_CREDIT_MAX_CHARS: usize = 80;
/// …and is dropped only while this many items remain.
pub const LEADING_CREDIT_MIN_ITEMS: usize = 3;
/// A share or comment prompt closing the body is at most this long (chars)…
pub const PROMPT_MAX_CHARS: usize = 60;
/// …and is moved out only while this many items remain.
pub const PROMPT_MIN_ITEMS: usize = 2;
/// An ad label ("Advertisement", "广告") is at most this long (chars).
pub const AD_LABEL_MAX_CHARS: usize = 20;
/// A wire caption names its photo within this many chars ("In this … photo").
pub const WIRE_CAPTION_PROBE_CHARS: usize = 80;
/// Wire captions are at most this long (chars).
pub const WIRE_CAPTION_MAX_CHARS: usize = 400;
/// A pager line (`第1页/共1页 << 上一页 | 下一页 >>`) is at most this long;
/// longer, the words are in a sentence.
pub const PAGER_MAX_CHARS: usize = 60;
/// A centred block right after a picture is its caption up to this long
/// (weighted: 60 CJK characters, 120 Latin ones); longer, it is centred
/// text (a poem, a notice).
pub const CENTRED_CAPTION_MAX_LENGTH: f32 = 120.0;
/// A paragraph ending in a photo credit is a caption up to this long (chars).
pub const CREDITED_CAPTION_MAX_CHARS: usize = 300;

// ---- HTML: regions beside the body --------------------------------------

/// Blocks inside the container looked at for credit lines (bylines sit first).
pub const META_BLOCKS_INSIDE: usize = 4;
/// Credit blocks are short (weighted)…
pub const META_BLOCK_MAX_LENGTH: f32 = 300.0;
/// …but not empty (weighted).
pub const META_BLOCK_MIN_LENGTH: f32 = 4.0;
/// Leaf blocks after the body looked at for its closing credit lines: the
/// editor's block follows the text at once, or after a share bar and a
/// correction link.
pub const CLOSING_BLOCKS_AFTER: usize = 6;
/// Leaf blocks right below a headline inside the container looked at for
/// a credit line (`<h1>…</h1><p>by Jon Foster - 2025-09-13</p>` in a
/// layout cell): the byline and a date line, not the story's paragraphs.
pub const META_BLOCKS_BELOW_HEADLINE: usize = 2;
/// An `<h1>` inside the container is its headline when fewer leaf blocks
/// with text come before it: a kicker and a date line may (`Blog · Dec 4`),
/// the story's paragraphs may not (an `<h1>` after them heads a section).
pub const HEADLINE_OPENING_BLOCKS: usize = 3;
/// …each a line, not a paragraph (weighted: 40 CJK characters).
pub const HEADLINE_OPENING_LINE_MAX_LENGTH: f32 = 80.0;
/// Leaf blocks right above the headline looked at for a credit line when
/// those below it leave room: a kicker or a date block.
pub const META_BLOCKS_ABOVE_HEADLINE: usize = 2;
/// At most this many credit lines are kept.
pub const META_LINES_MAX: usize = 3;
/// A block of this many links or more with at most
/// [`NAV_ROW_MAX_PLAIN_SHARE`] of its text outside them is a row of
/// navigation (`首页｜新华社记者看东北｜人物专访`), not a credit line, whatever
/// words its links hold. A byline links one or two names.
pub const NAV_ROW_MIN_LINKS: usize = 3;
/// See [`NAV_ROW_MIN_LINKS`]: separators between the links, no more.
pub const NAV_ROW_MAX_PLAIN_SHARE: f32 = 0.2;

/// A paste is read as at most this many lines, or one per
/// [`LINE_BUDGET_BYTES`] of text if that is more; the lines past the budget
/// are read as one paragraph (line breaks kept) with a `limit_reached`
/// warning. Each line read costs about 250 bytes (its features, its body
/// block), so millions of one-character lines peaked at 127 × the input.
/// Real text has lines of a few hundred bytes and never reaches it.
pub const LINE_BUDGET_MIN: usize = 10_000;
/// See [`LINE_BUDGET_MIN`]: one line per this many bytes of text is read.
pub const LINE_BUDGET_BYTES: usize = 256;
