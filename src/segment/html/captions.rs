//! Captions set apart from their picture: the block after an image that
//! is a caption (a centred or caption-classed paragraph, read as a figure
//! without image by the writer), or a paragraph ending in a photo credit
//! (`修复后的江滩公园。记者 刘佳摄`, `…候车。图/视觉中国`). Each joins the
//! picture before it, which had none.

use super::super::items::BodyItem;
use super::super::lines::{features, split_caption};
use super::super::tunables::CAPTION_MAX_CHARS;
use crate::text::at_most_chars;

/// How a credit after a caption's last sentence may start, naming who
/// supplied the picture (`图/视觉中国`, `圖／中央社`).
const CREDIT_PREFIXES: &[&str] = &["图/", "图／", "圖/", "圖／", "图：", "圖：", "图片来源"];

/// Whether a paragraph is a caption by its text: short, and credited
/// (`…。记者 刘佳摄`, `…。受访者供图`, `…。图/视觉中国`).
fn is_credited_caption(p: &str) -> bool {
    if !at_most_chars(p, CAPTION_MAX_CHARS) {
        return false;
    }
    let after_sentence = p
        .rfind(['。', '！', '？'])
        .and_then(|at| p.get(at + '。'.len_utf8()..))
        .unwrap_or(p)
        .trim();
    features(p).photo_credit
        || CREDIT_PREFIXES
            .iter()
            .any(|c| after_sentence.starts_with(c))
}

/// Joins each picture without a caption with the caption right after it.
pub fn join_captions(items: &mut Vec<BodyItem>) {
    let mut i = 0;
    while i + 1 < items.len() {
        let bare = matches!(
            items.get(i),
            Some(BodyItem::Figure { src: Some(_), caption, .. }) if caption.is_empty()
        );
        let next = match items.get(i + 1) {
            Some(BodyItem::Figure {
                src: None,
                caption,
                credit,
                ..
            }) if bare && !caption.is_empty() => Some((caption.clone(), credit.clone())),
            Some(BodyItem::Paragraph(p)) if bare && is_credited_caption(p) => {
                let (caption, credit) = split_caption(p);
                Some((caption, credit))
            }
            _ => None,
        };
        if let Some((text, by)) = next {
            if let Some(BodyItem::Figure {
                caption,
                credit,
                alt,
                ..
            }) = items.get_mut(i)
            {
                // (An alt that repeats the caption is not kept twice.)
                if alt.as_deref().is_some_and(|a| a.trim() == text.trim()) {
                    *alt = None;
                }
                *caption = text;
                *credit = by;
            }
            items.remove(i + 1);
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image() -> BodyItem {
        BodyItem::Figure {
            caption: String::new(),
            credit: None,
            src: Some("a.jpg".into()),
            alt: None,
        }
    }

    #[test]
    fn a_credited_paragraph_after_a_picture_is_its_caption() {
        for (p, caption, credit) in [
            (
                "修复后的江滩公园。记者 刘佳摄",
                "修复后的江滩公园。",
                "记者 刘佳摄",
            ),
            (
                "旅客在车站候车。图/视觉中国",
                "旅客在车站候车。",
                "图/视觉中国",
            ),
            (
                "孩子们在操场上训练。受访者供图",
                "孩子们在操场上训练。",
                "受访者供图",
            ),
        ] {
            let mut items = vec![image(), BodyItem::Paragraph(p.into())];
            join_captions(&mut items);
            assert_eq!(items.len(), 1, "{p}");
            assert!(
                matches!(&items[0], BodyItem::Figure { caption: c, credit: Some(by), .. }
                if c == caption && by == credit),
                "{p}"
            );
        }
        // Text after a picture that is no caption stays text.
        let mut items = vec![
            image(),
            BodyItem::Paragraph(
                "记者从湖北省生态环境厅获悉，今年以来岸线整治修复四百余公里。".into(),
            ),
        ];
        join_captions(&mut items);
        assert_eq!(items.len(), 2);
    }
}
