//! Stage 5, metadata: what a page says about itself and how the fields are
//! resolved.
//!
//! - `address`: the page's address, what its links are relative to;
//! - [`markup`]: the readers of the page's own markup (JSON-LD, OpenGraph,
//!   `<meta>`, microdata, `<time>`, `<title>`, `lang`) into a `PageMeta`;
//!   `markup_authors`, the precedence of its author sources;
//! - [`dates`]: dates as pages write them to RFC 3339, from `date_parts`
//!   (figures, times, offsets, month names);
//! - [`byline`]: credit lines and bylines; the one credit vocabulary;
//! - `dateline`: the dateline opening a first paragraph and its reporter;
//! - `closing`: the credits closing a Chinese body (`（常书香 马丹阳）`,
//!   `责任编辑：王小明 审核：李四`);
//! - `names`: names in credits (split, joined, cleaned; Chinese surnames);
//! - [`language`]: the text's language;
//! - `organisations`: author markup that names no person;
//! - [`resolve`]: the whole precedence between all of them.
//!
//! A new markup source goes into `markup.rs`; a new date form into
//! `dates.rs`; a new credit word into `byline::CREDIT_WORDS`; a change of
//! precedence only into `resolve.rs`.

mod address;
mod author_elements;
mod author_labels;
mod author_text;
pub mod byline;
mod card_author;
mod closing;
mod date_elements;
mod date_offset;
mod date_parts;
mod dateline;
pub mod dates;
mod headline;
mod json_ld;
pub mod language;
mod latin_names;
pub mod markup;
mod markup_authors;
mod names;
mod organisations;
pub mod resolve;
mod source_elements;
mod title;
