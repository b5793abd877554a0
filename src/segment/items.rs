//! What segmenting yields: the body items in reading order and the page's
//! other parts.

use crate::article::BoilerplateKind;

/// A body item in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyItem {
    /// A paragraph.
    Paragraph(String),
    /// A subheading and its level, 1–6 (2 when the source does not say).
    Heading(u8, String),
    /// A list's items.
    List(Vec<String>),
    /// A block quotation.
    Quote(String),
    /// Preformatted text.
    Code(String),
    /// A data table: one row a line, cells separated by tabs.
    Table(String),
    /// A figure: caption, credit, and the image when the page has one.
    Figure {
        /// What the picture shows.
        caption: String,
        /// Who took or supplied it.
        credit: Option<String>,
        /// The image URL as written.
        src: Option<String>,
        /// The image's alternative text.
        alt: Option<String>,
    },
}

impl BodyItem {
    /// The item's text: a list's items one a line, a figure's caption.
    /// Borrowed but for lists, so the body text of a huge page is built
    /// without a copy of each item first.
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            BodyItem::Paragraph(t)
            | BodyItem::Heading(_, t)
            | BodyItem::Quote(t)
            | BodyItem::Code(t)
            | BodyItem::Table(t) => t.as_str().into(),
            BodyItem::List(items) => items.join("\n").into(),
            BodyItem::Figure { caption, .. } => caption.as_str().into(),
        }
    }
}

/// A link in the body's markup: where its text was written, and its
/// `href` as written (resolved when the article is assembled).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link's text.
    pub anchor: String,
    /// Its target, as written.
    pub href: String,
    /// The run of text it was written in (a paragraph, a list item, a
    /// cell): an index into [`Segments::link_runs`].
    pub run: usize,
    /// Where its text starts in the run, in bytes.
    pub at: usize,
}

/// Bytes of a run's text kept to find it again: enough to be found in its
/// place nearly always (the hash confirms it).
const RUN_HEAD_BYTES: usize = 64;

/// A run of text links were written in, as much as placing them needs: its
/// first bytes, its length and a hash of the whole. (The whole text would
/// be a second copy of every linked paragraph: a 53 MB page of links held
/// 47 MB more at its peak.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The run's first bytes (up to [`RUN_HEAD_BYTES`], at a character
    /// boundary).
    pub head: String,
    /// Its length in bytes.
    pub len: usize,
    /// A hash of its text.
    pub hash: u64,
}

impl Run {
    /// The run of `text`.
    pub fn of(text: &str) -> Run {
        let mut end = text.len().min(RUN_HEAD_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Run {
            head: text.get(..end).unwrap_or_default().to_string(),
            len: text.len(),
            hash: hash(text),
        }
    }

    /// Whether `text` is this run's text.
    pub fn is(&self, text: &str) -> bool {
        text.len() == self.len && text.starts_with(&self.head) && hash(text) == self.hash
    }
}

fn hash(text: &str) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// The page read into its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    /// Header lines before the title (site name, menus).
    pub header: Vec<String>,
    /// The breadcrumb line and its items.
    pub breadcrumbs: Option<(String, Vec<String>)>,
    /// The headline.
    pub title: Option<String>,
    /// Meta lines (date, source, editors).
    pub meta: Vec<String>,
    /// Credit lines just after the body (`责任编辑：…`, `[ 责编：刘方 ]`):
    /// read for editors and source only (comments below name others).
    pub closing: Vec<String>,
    /// The body.
    pub body: Vec<BodyItem>,
    /// The end mark.
    pub end_mark: Option<String>,
    /// Boilerplate after (and around) the body, consecutive lines of a kind merged.
    pub boilerplate: Vec<(BoilerplateKind, String)>,
    /// Lines of a paste past the line budget, read as one paragraph.
    pub merged_lines: usize,
    /// The links of the body's markup, in reading order (a page only).
    pub links: Vec<Link>,
    /// The texts the links were written in, as written.
    pub link_runs: Vec<Run>,
}
