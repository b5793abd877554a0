//! Writing the chosen roots as body items, one handler per element kind:
//! heading (with its level), figure and image, caption block, list, quote,
//! table, preformatted text; everything else flows into paragraphs.

use super::super::items::{BodyItem, Link, Run};
use super::super::lines::split_caption;
use super::super::tunables::{
    CENTRED_CAPTION_MAX_LENGTH, LINK_BLOCK_DENSITY, LINK_BLOCK_MAX_LENGTH, LINK_ITEM_DENSITY,
    PHOTO_TABLE_MAX_LENGTH,
};
use super::classes::is_caption_like;
use super::media::{holds_media, image};
use super::page::Page;
use super::visible::{TextBuf, TextLink};
use crate::parse::elements::{is_block, subtree_text};
use crate::parse::tree::{Element, NodeData, NodeId};
use crate::text::is_cjk_letter;

/// The level of an `h1`–`h6` tag name (2 for anything else).
fn heading_level(name: &str) -> u8 {
    name.strip_prefix('h')
        .and_then(|d| d.parse().ok())
        .filter(|l| (1..=6).contains(l))
        .unwrap_or(2)
}

/// Text of a subtree, inline (whitespace collapsed, `<br>` kept).
pub fn inline_text(page: &Page, id: NodeId) -> String {
    let mut buf = TextBuf::default();
    collect_inline(page, id, &mut buf, false);
    buf.take()
}

/// Text of a subtree, inline, and the links in it.
fn inline_text_links(page: &Page, id: NodeId) -> (String, Vec<TextLink>) {
    let mut buf = TextBuf::default();
    collect_inline(page, id, &mut buf, true);
    buf.take_linked()
}

fn collect_inline(page: &Page, root: NodeId, buf: &mut TextBuf, links: bool) {
    // Iterative walk bounded by the tree's own depth limit; `Close` ends
    // a link's text.
    enum Step<'e> {
        Open(NodeId),
        Close((usize, usize), &'e str),
    }
    let mut stack = vec![Step::Open(root)];
    while let Some(step) = stack.pop() {
        let id = match step {
            Step::Open(id) => id,
            Step::Close(mark, href) => {
                buf.link(mark, href);
                continue;
            }
        };
        let Some(node) = page.doc.node(id) else {
            continue;
        };
        if !page.stat(id).visible {
            continue;
        }
        match &node.data {
            NodeData::Text(t) => buf.push(t),
            NodeData::Element(e) => {
                if &*e.name == "br" {
                    buf.line_break();
                    continue;
                }
                if is_block(&e.name) {
                    buf.push(" ");
                }
                if let Some(href) = link_target(e).filter(|_| links) {
                    stack.push(Step::Close(buf.mark(), href));
                }
                let children: Vec<NodeId> = page.children(id).collect();
                stack.extend(children.into_iter().rev().map(Step::Open));
            }
            NodeData::Document => {}
        }
    }
}

/// The `href` of a link element (`<a href>`), as written.
fn link_target(e: &Element) -> Option<&str> {
    (&*e.name == "a")
        .then(|| e.attr("href"))
        .flatten()
        .filter(|h| !h.trim().is_empty())
}

/// The links written and the runs of text they are in.
#[derive(Default)]
pub struct Links {
    /// The links, in reading order.
    pub links: Vec<Link>,
    /// The runs of text they were written in.
    pub runs: Vec<Run>,
}

impl Links {
    /// Notes the links `found` in `text`, one run of text.
    fn note(&mut self, text: &str, found: Vec<TextLink>) {
        if found.is_empty() {
            return;
        }
        let run = self.runs.len();
        self.runs.push(Run::of(text));
        for (start, end, href) in found {
            if let Some(anchor) = text.get(start..end) {
                self.links.push(Link {
                    anchor: anchor.to_string(),
                    href,
                    run,
                    at: start,
                });
            }
        }
    }

    /// Appends `other`'s links after these.
    pub fn append(&mut self, other: Links) {
        let offset = self.runs.len();
        self.runs.extend(other.runs);
        self.links.extend(other.links.into_iter().map(|l| Link {
            run: l.run + offset,
            ..l
        }));
    }
}

/// What [`Writer::finish`] returns.
pub struct Written {
    /// The body items, in reading order.
    pub items: Vec<BodyItem>,
    /// Subtrees of the article left out (to the boilerplate).
    pub skipped: Vec<NodeId>,
    /// The links in the items' text.
    pub links: Links,
}

/// Turns the chosen containers into body items.
pub struct Writer<'p, 'a> {
    page: &'p Page<'a>,
    items: Vec<BodyItem>,
    buf: TextBuf,
    /// Subtrees of the article left out (forms, menus, link lists): their
    /// text goes to the boilerplate, not nowhere.
    skipped: Vec<NodeId>,
    /// Keeps link lists and teasers: a listing's items are its content.
    keep_links: bool,
    /// The links written.
    links: Links,
    /// The links open in the running text: element, where its text starts.
    open_links: Vec<(NodeId, (usize, usize))>,
}

impl<'p, 'a> Writer<'p, 'a> {
    /// A writer over `page` with no items yet.
    pub fn new(page: &'p Page<'a>) -> Self {
        Writer {
            page,
            items: Vec::new(),
            buf: TextBuf::default(),
            skipped: Vec::new(),
            keep_links: false,
            links: Links::default(),
            open_links: Vec::new(),
        }
    }

    /// A writer that keeps link lists and teasers: for a page read whole
    /// from its main landmark (a listing, a catalogue).
    pub fn keeping_links(page: &'p Page<'a>) -> Self {
        Writer {
            keep_links: true,
            ..Writer::new(page)
        }
    }

    /// The items written, the subtrees left out and the links.
    pub fn finish(self) -> Written {
        Written {
            items: self.items,
            skipped: self.skipped,
            links: self.links,
        }
    }

    fn flush(&mut self) {
        let (text, links) = self.buf.take_linked();
        self.links.note(&text, links);
        if !text.is_empty() {
            self.items.push(BodyItem::Paragraph(text));
        }
    }

    /// The inline text of `id`; its links join the writer's.
    fn inline_text(&mut self, id: NodeId) -> String {
        let (text, links) = inline_text_links(self.page, id);
        self.links.note(&text, links);
        text
    }

    fn skip(&self, id: NodeId) -> bool {
        let s = self.page.stat(id);
        if !s.visible {
            return true;
        }
        let Some(e) = self.page.doc.element(id) else {
            return false;
        };
        if self
            .page
            .negative
            .get(id as usize)
            .copied()
            .flatten()
            .is_some()
        {
            return true;
        }
        // Inside a main landmark read whole, a <header> heads a card or a
        // section (the page's banner is outside it).
        if matches!(&*e.name, "form" | "nav" | "aside" | "footer")
            || (&*e.name == "header" && !self.keep_links)
        {
            return true;
        }
        if self.keep_links {
            return false;
        }
        // Link lists and teasers: mostly links.
        let density = self.page.link_density(id);
        (is_block(&e.name) && density > LINK_BLOCK_DENSITY && s.length < LINK_BLOCK_MAX_LENGTH)
            || (matches!(&*e.name, "p" | "li" | "h2" | "h3" | "h4") && density > LINK_ITEM_DENSITY)
    }

    /// Writes the body items of one article root.
    pub fn write(&mut self, root: NodeId) {
        // (node, entering) pairs: an explicit stack instead of recursion.
        let mut stack = vec![(root, true)];
        while let Some((id, entering)) = stack.pop() {
            let Some(node) = self.page.doc.node(id) else {
                continue;
            };
            if !entering {
                if let Some(&(open, mark)) = self.open_links.last() {
                    if open == id {
                        self.open_links.pop();
                        if let Some(href) = self.page.doc.element(id).and_then(link_target) {
                            self.buf.link(mark, href);
                        }
                    }
                }
                if self.page.doc.element(id).is_some_and(|e| is_block(&e.name)) {
                    self.flush();
                }
                continue;
            }
            match &node.data {
                NodeData::Text(t) => self.buf.push(t),
                NodeData::Document => {}
                NodeData::Element(e) => {
                    if id != root && self.skip(id) {
                        self.skipped.push(id);
                        continue;
                    }
                    if self.element(id, e) {
                        if link_target(e).is_some() {
                            self.open_links.push((id, self.buf.mark()));
                        }
                        stack.push((id, false));
                        let children: Vec<NodeId> = self.page.children(id).collect();
                        stack.extend(children.into_iter().rev().map(|c| (c, true)));
                    }
                }
            }
        }
        self.flush();
    }

    /// Handles one element by its kind; returns whether its children are to
    /// be written as running text.
    fn element(&mut self, id: NodeId, e: &Element) -> bool {
        match &*e.name {
            "br" => self.buf.line_break(),
            name @ ("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => {
                let level = heading_level(name);
                self.push_inline(id, |text| BodyItem::Heading(level, text));
            }
            "figure" if holds_media(self.page, id) => {
                self.flush();
                self.figure(id);
            }
            // A figure without an image or media (a code listing, a pull
            // quote, a table) is read like any block; its caption becomes a
            // figure item.
            "figure" => {
                self.flush();
                return true;
            }
            _ if is_block(&e.name) && (is_caption_like(e) || self.centred_caption(id, e)) => {
                self.caption_block(id)
            }
            "img" => {
                if let Some(item) = image(e) {
                    self.flush();
                    self.items.push(item);
                }
            }
            "ul" | "ol" if !self.has_blocks_inside(id) => self.list(id),
            "blockquote" if !self.has_blocks_inside(id) => {
                self.push_inline(id, BodyItem::Quote);
            }
            "table" if !self.has_blocks_inside_table(id) => {
                self.flush();
                let text = self.table_text(id);
                match self.photo_table_image(id) {
                    // A picture and its caption laid out in a table.
                    Some(img) => self.push_figure(Some(img), &text.replace(['\t', '\n'], " ")),
                    None if !text.is_empty() => self.items.push(BodyItem::Table(text)),
                    None => {}
                }
            }
            "pre" => {
                self.flush();
                let text = subtree_text(self.page.doc, id, false);
                if !text.trim().is_empty() {
                    self.items.push(BodyItem::Code(text.trim_end().to_string()));
                }
            }
            name => {
                if is_block(name) {
                    self.flush();
                }
                return true;
            }
        }
        false
    }

    /// Whether a block is the caption a Chinese or Japanese CMS centres
    /// under a centred picture (`<p style="text-align: center">修复后的江滩
    /// 公园。</p>`): centred, short, CJK, holding no picture, right after a
    /// picture without caption.
    fn centred_caption(&mut self, id: NodeId, e: &Element) -> bool {
        let centred = e
            .attr("align")
            .is_some_and(|a| a.eq_ignore_ascii_case("center"))
            || e.attr("style").is_some_and(|s| {
                s.to_ascii_lowercase()
                    .replace(' ', "")
                    .contains("text-align:center")
            });
        let stat = self.page.stat(id);
        if !centred
            || stat.length <= 0.0
            || stat.length > CENTRED_CAPTION_MAX_LENGTH
            || stat.has_block_child
            || holds_media(self.page, id)
        {
            return false;
        }
        // (Chinese and Japanese CMSs: centred text under an English page's
        // icon is often a feature's blurb, not a caption.)
        if !self::inline_text(self.page, id).chars().any(is_cjk_letter) {
            return false;
        }
        self.flush();
        matches!(
            self.items.last(),
            Some(BodyItem::Figure { src: Some(_), caption, .. }) if caption.is_empty()
        )
    }

    /// A caption or credit block outside `<figure>`: a figure without image.
    fn caption_block(&mut self, id: NodeId) {
        self.push_inline(id, |text| {
            let (caption, credit) = split_caption(&text);
            BodyItem::Figure {
                caption,
                credit,
                src: None,
                alt: None,
            }
        });
    }

    /// A list of inline items; items that are link lists are left out (to
    /// the boilerplate).
    fn list(&mut self, id: NodeId) {
        self.flush();
        let (kept, left_out): (Vec<NodeId>, Vec<NodeId>) =
            self.page.children(id).partition(|&c| !self.skip(c));
        self.skipped.extend(left_out);
        let items: Vec<String> = kept
            .into_iter()
            .map(|c| self.inline_text(c))
            .filter(|t| !t.is_empty())
            .collect();
        if !items.is_empty() {
            self.items.push(BodyItem::List(items));
        }
    }

    /// Layout tables hold paragraphs or other blocks in their cells.
    fn has_blocks_inside_table(&self, table: NodeId) -> bool {
        let mut stack = vec![table];
        while let Some(id) = stack.pop() {
            for c in self.page.children(id) {
                match self.page.name(c) {
                    "p" | "div" | "table" | "ul" | "ol" | "h1" | "h2" | "h3" | "blockquote"
                        if c != table =>
                    {
                        return true
                    }
                    _ => stack.push(c),
                }
            }
        }
        false
    }

    /// The picture of a layout table holding one picture and its caption
    /// in the next row (the chinanews layout): a figure, not a data table.
    /// One `<img>`, and a caption's text (none: an icon in a layout cell,
    /// left as before).
    fn photo_table_image(&self, table: NodeId) -> Option<&'a Element> {
        let length = self.page.stat(table).length;
        if length <= 0.0 || length > PHOTO_TABLE_MAX_LENGTH {
            return None;
        }
        let mut images = Vec::new();
        let mut stack = vec![table];
        while let Some(id) = stack.pop() {
            match self.page.doc.element(id) {
                Some(e) if &*e.name == "img" => images.push(e),
                _ => stack.extend(self.page.children(id)),
            }
        }
        match images.as_slice() {
            [img] => Some(img),
            _ => None,
        }
    }

    /// Pushes a figure: `img`'s picture, when it has a usable source, with
    /// `caption` (its credit split off); an `alt` that repeats the caption
    /// is not kept twice. Nothing when there is neither picture nor caption.
    fn push_figure(&mut self, img: Option<&Element>, caption: &str) {
        let (caption, credit) = split_caption(caption.trim());
        let (src, alt) = match img.and_then(image) {
            Some(BodyItem::Figure { src, alt, .. }) => (src, alt),
            _ => (None, None),
        };
        if src.is_none() && caption.is_empty() {
            return;
        }
        let alt = alt.filter(|a| a.trim() != caption.trim());
        self.items.push(BodyItem::Figure {
            caption,
            credit,
            src,
            alt,
        });
    }

    /// A data table as text: one row a line, cells separated by tabs.
    /// Its links join the writer's in row order.
    fn table_text(&mut self, table: NodeId) -> String {
        let page = self.page;
        let mut rows = Vec::new();
        let mut stack = vec![table];
        while let Some(id) = stack.pop() {
            if page.name(id) == "caption" {
                let caption = inline_text_links(page, id);
                if !caption.0.is_empty() {
                    rows.push((id, vec![caption]));
                }
                continue;
            }
            if page.name(id) == "tr" {
                let cells: Vec<(String, Vec<TextLink>)> = page
                    .children(id)
                    .filter(|&c| matches!(page.name(c), "td" | "th"))
                    .map(|c| inline_text_links(page, c))
                    .collect();
                if cells.iter().any(|c| !c.0.is_empty()) {
                    rows.push((id, cells));
                }
                continue;
            }
            if page.stat(id).visible {
                stack.extend(page.children(id));
            }
        }
        rows.sort_unstable_by_key(|(id, _)| *id);
        let mut text = Vec::with_capacity(rows.len());
        for (_, cells) in rows {
            let mut row = Vec::with_capacity(cells.len());
            for (cell, links) in cells {
                self.links.note(&cell, links);
                row.push(cell);
            }
            text.push(row.join("\t"));
        }
        text.join("\n")
    }

    /// Flushes, then adds the inline text of `id` as one item, if any.
    fn push_inline(&mut self, id: NodeId, make: impl FnOnce(String) -> BodyItem) {
        self.flush();
        let text = self.inline_text(id);
        if !text.is_empty() {
            self.items.push(make(text));
        }
    }

    fn has_blocks_inside(&self, id: NodeId) -> bool {
        self.page.children(id).any(|c| {
            self.page.children(c).any(|g| {
                matches!(
                    self.page.name(g),
                    "p" | "div" | "table" | "ul" | "ol" | "figure"
                )
            })
        }) || self
            .page
            .children(id)
            .any(|c| matches!(self.page.name(c), "p" | "div"))
    }

    fn figure(&mut self, id: NodeId) {
        let mut img = None;
        let mut caption = None;
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            match self.page.doc.node(n).map(|node| &node.data) {
                Some(NodeData::Element(e)) if &*e.name == "img" && img.is_none() => img = Some(e),
                Some(NodeData::Element(e)) if &*e.name == "figcaption" && caption.is_none() => {
                    caption = Some(self.inline_text(n))
                }
                // Text beside the image and caption (a credit line, a second
                // caption): not the figure's, kept as boilerplate.
                Some(NodeData::Text(t)) if !t.trim().is_empty() => self.skipped.push(n),
                _ => stack.extend(self.page.children(n)),
            }
        }
        self.push_figure(img, caption.as_deref().unwrap_or_default());
    }
}
