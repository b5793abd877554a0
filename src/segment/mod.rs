//! Stage 4, segment: plain-text lines → header, breadcrumbs, title, meta
//! lines, body paragraphs, figure captions, end mark and boilerplate.
//!
//! Two segmenters yield the same [`items::Segments`]: [`plain`] reads a paste
//! line by line with the named line features and scores of [`lines`];
//! [`html`] finds the article in a parsed page by content scoring.
//! [`repairs`] runs the repair stage over every string of the segments at
//! once. Nothing here names a site.

pub mod html;
pub mod items;
pub mod keywords;
pub mod lines;
pub mod plain;
pub mod repairs;
pub mod tunables;
