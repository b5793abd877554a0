//! Placing the body's links on the blocks that hold their text: each link's
//! anchor text is found in the assembled blocks, in reading order, after
//! the previous link's — the text has been cleaned up, repaired and split
//! into blocks since it was written, so offsets taken while writing would
//! no longer hold. A link whose text a repair changed, or that went to the
//! boilerplate, is not found and not placed; its text stays either way.

use crate::article::{Block, BlockKind, Link as Span};
use crate::segment::items::{Link, Run};
use crate::url::{is_live, resolve};

/// Bytes of text after the previous link searched for a link's text
/// (about 5,000 English words or 10,000 Chinese characters, more than lies
/// between two links of an article): a link whose text left the body (a
/// pass moved its paragraph to the boilerplate) is given up there instead
/// of being matched far below, out of place.
const LINK_LOOKAHEAD_BYTES: usize = 32 * 1024;

/// Bytes of text searched for all links together, per byte of the body's
/// text: links are found right after one another, so a search that scans
/// past that is looking for text that is gone; the budget keeps a page
/// whose links are all gone linear instead of links × text.
const LINK_SCAN_PER_TEXT_BYTE: usize = 4;

/// Bytes every page may scan whatever its text's length.
const LINK_SCAN_MIN: usize = 64 * 1024;

/// Whether a block's text can hold links (code is kept as written; its
/// links are not read).
fn holds_links(kind: BlockKind) -> bool {
    kind != BlockKind::Code
}

/// Where the previous link's text ended: block, byte and character.
#[derive(Clone, Copy, Default)]
struct Cursor {
    block: usize,
    byte: usize,
    chars: usize,
}

/// Finds `needle` after `cursor`, within [`LINK_LOOKAHEAD_BYTES`] and the
/// scan `budget`: the block, and the byte and character where it starts.
fn find(blocks: &[Block], cursor: Cursor, needle: &str, budget: &mut usize) -> Option<Cursor> {
    let mut window = LINK_LOOKAHEAD_BYTES;
    for (b, block) in blocks.iter().enumerate().skip(cursor.block) {
        if *budget == 0 || window == 0 {
            return None;
        }
        if !holds_links(block.kind) {
            continue;
        }
        let (from, from_chars) = if b == cursor.block {
            (cursor.byte, cursor.chars)
        } else {
            (0, 0)
        };
        let Some(hay) = block.text.get(from..) else {
            continue;
        };
        // The window, widened to a character boundary and to the needle's length.
        let mut stop = hay.len().min(window.saturating_add(needle.len()));
        while !hay.is_char_boundary(stop) {
            stop += 1;
        }
        let before = hay
            .get(..stop)
            .and_then(|h| h.find(needle))
            .and_then(|at| hay.get(..at));
        match before {
            Some(before) => {
                *budget = budget.saturating_sub(before.len() + needle.len());
                return Some(Cursor {
                    block: b,
                    byte: from + before.len(),
                    chars: from_chars + before.chars().count(),
                });
            }
            None => {
                *budget = budget.saturating_sub(stop);
                window = window.saturating_sub(hay.len());
            }
        }
    }
    None
}

/// Places `links` (written in `runs`; hrefs resolved against `base`, only
/// live schemes kept) on `blocks`. The links of one run are placed at
/// their exact offsets where the run's text is found whole (a paragraph, a
/// list item, a cell); else each by its own text.
pub fn place(blocks: &mut [Block], links: &[Link], runs: &[Run], base: Option<&str>) {
    let total: usize = blocks.iter().map(|b| b.text.len()).sum();
    let mut budget = total
        .saturating_mul(LINK_SCAN_PER_TEXT_BYTE)
        .max(LINK_SCAN_MIN);
    let mut cursor = Cursor::default();
    let mut rest = links;
    while let Some(first) = rest.first() {
        let count = rest.iter().take_while(|l| l.run == first.run).count();
        let (group, after) = rest.split_at(count);
        rest = after;
        // The run's whole text where it is found (its head, confirmed).
        let whole = runs
            .get(first.run)
            .filter(|run| !run.head.is_empty())
            .and_then(|run| {
                let at = find(blocks, cursor, &run.head, &mut budget)?;
                let text = blocks.get(at.block)?.text.get(at.byte..at.byte + run.len)?;
                run.is(text).then_some(at)
            });
        let len = runs.get(first.run).map_or(0, |r| r.len);
        for link in group {
            let Some(href) = resolve(base, &link.href).filter(|h| is_live(h)) else {
                continue;
            };
            let at = match whole {
                // The link's text where the writer wrote it in the run.
                Some(w) => blocks
                    .get(w.block)
                    .and_then(|b| b.text.get(w.byte..w.byte + link.at))
                    .map(|before| Cursor {
                        byte: w.byte + link.at,
                        chars: w.chars + before.chars().count(),
                        ..w
                    }),
                None => find(blocks, cursor, &link.anchor, &mut budget),
            };
            let Some(at) = at else {
                continue;
            };
            let Some(block) = blocks.get_mut(at.block) else {
                continue;
            };
            let end = at.chars + link.anchor.chars().count();
            block.links.push(Span {
                start: at.chars,
                end,
                href,
            });
            cursor = Cursor {
                byte: at.byte + link.anchor.len(),
                chars: end,
                ..at
            };
        }
        if let Some(w) = whole {
            let chars = blocks
                .get(w.block)
                .and_then(|b| b.text.get(w.byte..w.byte + len))
                .map_or(0, |run| run.chars().count());
            cursor = Cursor {
                byte: w.byte + len,
                chars: w.chars + chars,
                ..w
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A link written in a run of its own (found by its text).
    fn link(anchor: &str, href: &str) -> Link {
        Link {
            anchor: anchor.into(),
            href: href.into(),
            run: usize::MAX,
            at: 0,
        }
    }

    fn spans(block: &Block) -> Vec<(&str, &str)> {
        block
            .links
            .iter()
            .map(|l| {
                let start = block.text.char_indices().nth(l.start).map_or(0, |(i, _)| i);
                let end = block
                    .text
                    .char_indices()
                    .nth(l.end)
                    .map_or(block.text.len(), |(i, _)| i);
                (&block.text[start..end], l.href.as_str())
            })
            .collect()
    }

    #[test]
    fn links_land_on_their_text_in_order() {
        let mut blocks = vec![
            Block::paragraph("北京 is the capital; see Beijing and Beijing again.".into()),
            Block::paragraph("Nothing here.".into()),
            Block::paragraph("More on Beijing.".into()),
        ];
        let links = [
            link("Beijing", "/wiki/Beijing"),
            link("Beijing", "#second"),
            link("javascript", "javascript:alert(1)"),
            link("Beijing", "https://other.org/b"),
        ];
        place(
            &mut blocks,
            &links,
            &[],
            Some("https://en.example.org/wiki/China"),
        );
        assert_eq!(
            spans(&blocks[0]),
            [
                ("Beijing", "https://en.example.org/wiki/Beijing"),
                ("Beijing", "https://en.example.org/wiki/China#second"),
            ]
        );
        // Offsets count characters (23), not bytes (27).
        assert_eq!(blocks[0].links[0].start, 23);
        assert!(blocks[1].links.is_empty());
        assert_eq!(spans(&blocks[2]), [("Beijing", "https://other.org/b")]);
    }

    #[test]
    fn a_link_whose_text_is_gone_is_not_placed_far_below() {
        let mut blocks: Vec<Block> = (0..8)
            .map(|i| Block::paragraph(format!("Paragraph {i} text.")))
            .collect();
        blocks[2]
            .text
            .push_str(&" filler".repeat(LINK_LOOKAHEAD_BYTES / 7));
        blocks[7].text.push_str(" Gone");
        let links = [
            link("Gone", "https://a.org/"),
            link("Paragraph 1", "https://b.org/"),
        ];
        place(&mut blocks, &links, &[], None);
        assert!(blocks[7].links.is_empty());
        assert_eq!(spans(&blocks[1]), [("Paragraph 1", "https://b.org/")]);
    }

    #[test]
    fn relative_links_need_an_address() {
        let mut blocks = vec![Block::paragraph("See the notes.".into())];
        place(&mut blocks, &[link("notes", "notes.html")], &[], None);
        assert!(blocks[0].links.is_empty());
        place(
            &mut blocks,
            &[link("notes", "mailto:desk@a.org")],
            &[],
            None,
        );
        assert_eq!(spans(&blocks[0]), [("notes", "mailto:desk@a.org")]);
    }

    #[test]
    fn a_link_lands_where_it_was_written_not_on_an_earlier_copy_of_its_text() {
        let run = "A tidal bore is a tidal phenomenon.";
        let mut blocks = vec![
            Block::paragraph("Intro with tidal in it.".into()),
            Block::paragraph(run.into()),
        ];
        let links = [Link {
            anchor: "tidal".into(),
            href: "https://a.org/tide".into(),
            run: 0,
            at: 18,
        }];
        place(&mut blocks, &links, &[Run::of(run)], None);
        assert!(blocks[0].links.is_empty());
        assert_eq!(blocks[1].links[0].start, 18);
        // A run whose text changed since: found by the link's own text.
        let mut blocks = vec![Block::paragraph("A tidal bore, a tidal wave.".into())];
        place(&mut blocks, &links, &[Run::of(run)], None);
        assert_eq!(blocks[0].links[0].start, 2);
    }
}
