//! The output schema: [`Article`] and its parts (`"schema": 1`).
//!
//! Documented field by field in `docs/schema.md` and as JSON Schema in
//! `docs/article.schema.json`; a test validates real outputs against the latter.

use serde::{Deserialize, Serialize};

/// The version of the output schema written into every [`Article`].
pub const SCHEMA_VERSION: u32 = 1;

/// A structured article: what every stage of the pipeline contributes to.
///
/// Fields that no stage could fill are `null` or empty, never invented.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Schema version, always [`SCHEMA_VERSION`].
    pub schema: u32,
    /// The headline.
    pub title: Option<String>,
    /// The article's address: the `url` option (where the caller got the
    /// page), else the page's canonical link or `og:url`.
    pub url: Option<String>,
    /// Publication time, RFC 3339 (with offset when known).
    pub published: Option<String>,
    /// Last modification time, RFC 3339.
    pub modified: Option<String>,
    /// Who the article credits as its source (`来源`), e.g. an agency.
    pub source: Option<String>,
    /// The publishing site or outlet.
    pub site_name: Option<String>,
    /// Authors, in page order.
    pub authors: Vec<String>,
    /// Editors, in page order.
    pub editors: Vec<String>,
    /// The dateline opening the body, e.g. `BEIJING, March 1 (Reuters) -`.
    pub dateline: Option<String>,
    /// Breadcrumb trail, outermost first.
    pub breadcrumbs: Vec<String>,
    /// BCP 47 language tag, e.g. `zh-Hans`, `en`, `ja`.
    pub language: Option<String>,
    /// The standfirst/summary when the page has one apart from the body.
    pub lead: Option<String>,
    /// The body as structured blocks, in reading order.
    pub blocks: Vec<Block>,
    /// The body as plain text: paragraphs separated by a blank line.
    pub text: String,
    /// The end mark closing the body, e.g. `（完）`.
    pub end_mark: Option<String>,
    /// Visible text that is not the article, labelled rather than dropped.
    pub boilerplate: Vec<Boilerplate>,
    /// How the input was decoded and repaired.
    pub decode: DecodeReport,
    /// What the input was.
    pub input: InputInfo,
}

impl Article {
    /// An article with every extracted field empty, for the given decode report and input.
    pub fn empty(decode: DecodeReport, input: InputInfo) -> Self {
        Article {
            schema: SCHEMA_VERSION,
            title: None,
            url: None,
            published: None,
            modified: None,
            source: None,
            site_name: None,
            authors: Vec::new(),
            editors: Vec::new(),
            dateline: None,
            breadcrumbs: Vec::new(),
            language: None,
            lead: None,
            blocks: Vec::new(),
            text: String::new(),
            end_mark: None,
            boilerplate: Vec::new(),
            decode,
            input,
        }
    }
}

/// What kind of body block a [`Block`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A paragraph of running text.
    Paragraph,
    /// A heading inside the body (`level` 1–6).
    Heading,
    /// An image or other figure, with `caption`, `credit`, `src`, `alt`.
    Figure,
    /// A block quotation.
    Quote,
    /// A list (`items`).
    List,
    /// A table, flattened to text (one row a line, cells separated by tabs).
    Table,
    /// Preformatted text or code.
    Code,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The block's text (for a figure: its caption, or empty).
    pub text: String,
    /// Heading level, 1–6.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// Figure caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Figure credit (photographer, agency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// Figure source URL, as written in the page (never fetched by the library).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    /// Figure alternative text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// List items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<String>>,
    /// The links in `text`, in order (schema 1.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// A link inside a block's text: the characters `start..end` of `text`
/// (Unicode scalar values, as [`Warning`] offsets) lead to `href`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The first character of the link's text.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// The target: absolute, `http`, `https` or `mailto` only, resolved
    /// against the page's address.
    pub href: String,
}

impl Block {
    /// A paragraph block with the given text.
    pub fn paragraph(text: String) -> Self {
        Block {
            kind: BlockKind::Paragraph,
            text,
            level: None,
            caption: None,
            credit: None,
            src: None,
            alt: None,
            items: None,
            links: Vec::new(),
        }
    }
}

/// What kind of non-article text a [`Boilerplate`] entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// Site header, menus, breadcrumbs.
    Navigation,
    /// Copyright and legal notices.
    Disclaimer,
    /// Links to other articles.
    Related,
    /// Share bars and social buttons.
    Share,
    /// Comments and comment prompts.
    Comments,
    /// Page footer.
    Footer,
    /// Advertising.
    Ads,
    /// Anything else that is visible but not the article.
    Other,
}

/// Visible text that is not part of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Boilerplate {
    /// What it is.
    pub kind: BoilerplateKind,
    /// Its text.
    pub text: String,
}

/// Which rule decided the encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EncodingSource {
    /// A byte order mark.
    Bom,
    /// The caller's override.
    User,
    /// The caller's charset hint (a transport's label, e.g. the HTTP
    /// `Content-Type` charset of a WARC record).
    Hint,
    /// A `<meta charset>` or `<meta http-equiv>` found by the WHATWG prescan.
    Meta,
    /// An XML declaration's `encoding`.
    Xml,
    /// Statistical detection (or a declared label overruled by the bytes).
    Detected,
    /// Nothing to decide: empty or pure-ASCII input, read as UTF-8.
    Default,
    /// The input was already text (a pasted string); nothing was decoded.
    Text,
}

/// How the input was decoded, and what was repaired or could not be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecodeReport {
    /// The WHATWG name of the encoding used, e.g. `UTF-8`, `GBK`, `Big5`, `UTF-16LE`.
    pub encoding: String,
    /// Which rule chose it.
    pub source: EncodingSource,
    /// How sure the choice is, 0–1 (see `docs/schema.md` for the scale).
    pub confidence: f64,
    /// Number of U+FFFD replacement characters in the decoded text.
    pub replacements: usize,
    /// Repairs applied to the text, with counts.
    pub repairs: Vec<Repair>,
    /// Problems found and not (fully) repaired.
    pub warnings: Vec<Warning>,
    /// Whether the Chinese tables (script conversion, pinyin readings) were
    /// used: the browser fetches them for the first page that needs them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tables_used: bool,
}

/// What kind of repair a [`Repair`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairKind {
    /// Lines of UTF-8 that had been misread as a legacy encoding, re-decoded.
    Mojibake,
    /// Pinyin readings glued after converted characters (`頁(yè)`), removed.
    PinyinGlossesRemoved,
    /// Traditional characters converted (or restored) to Simplified.
    TraditionalToSimplified,
    /// Simplified characters converted to Traditional.
    SimplifiedToTraditional,
    /// ASCII punctuation between CJK characters made full-width.
    PunctuationNormalized,
    /// NUL and other stray C0 control characters removed at decoding.
    ControlCharactersRemoved,
}

/// One kind of repair applied to the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Repair {
    /// What was repaired.
    pub kind: RepairKind,
    /// How many times it was applied.
    pub count: usize,
    /// Human-readable description.
    pub message: String,
}

/// What kind of problem a [`Warning`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// The declared encoding was wrong; the bytes were decoded as something else.
    MislabeledEncoding,
    /// Decoding produced replacement characters.
    DecodeErrors,
    /// A span of text is damaged beyond repair and is kept marked.
    GarbledText,
    /// The input reached one of the parser's bounds (nesting depth, node
    /// count, attributes per tag) and was simplified; no text was dropped.
    LimitReached,
    /// The repairs of a page read from its markup could not be mapped back
    /// onto its parts; the text is kept as extracted, unrepaired.
    RepairNotApplied,
    /// The page shows no text of its own (scripts build it, or it is an
    /// empty shell): the article has its metadata and no body (schema 1.3).
    NoText,
}

/// A problem found in the input and not (fully) repaired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// Human-readable description.
    pub message: String,
    /// Start offset in `text`, in characters, when the problem has a place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// End offset (exclusive) in `text`, in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// The raw characters of the damaged span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
}

impl Warning {
    /// A warning without a place in the text.
    pub fn new(kind: WarningKind, message: String) -> Self {
        Warning {
            kind,
            message,
            start: None,
            end: None,
            raw: None,
        }
    }
}

/// Whether the input was an HTML document or plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// Markup: a page, a fragment, a `text/html` paste.
    Html,
    /// Plain text, e.g. a `text/plain` paste.
    Text,
}

/// What the input was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputInfo {
    /// HTML or plain text, as sniffed.
    pub kind: InputKind,
    /// Size of the input in bytes (UTF-8 bytes for a string input; after
    /// inflating, for gzip input).
    pub bytes: usize,
    /// The input's name, set by the shells (the path as given to the CLI,
    /// `-` for standard input, a file's name in the browser); absent when
    /// the caller gave none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The WARC file a record came from (the CLI's `--warc`), as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warc: Option<String>,
    /// Where the record starts in that file (its gzip member's offset for
    /// `.warc.gz`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// The record's `WARC-Target-URI`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}
