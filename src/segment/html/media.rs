//! Pictures and media in the article: an `<img>` as a figure, and whether
//! an element holds media (a figure's or a caption's test).

use super::super::items::BodyItem;
use super::super::tunables::INLINE_IMAGE_MIN;
use super::page::Page;
use crate::parse::tree::{Element, NodeId};

/// A picture as a figure without caption: its source (a real address,
/// else an inline image big enough to be a picture) and alt text.
pub fn image(e: &Element) -> Option<BodyItem> {
    const ATTRS: [&str; 4] = ["src", "data-src", "data-original", "data-lazy-src"];
    // A real address wins; an inline `data:` image counts only when it is
    // big enough to be a picture rather than a lazy-loading placeholder.
    let src = ATTRS
        .iter()
        .filter_map(|a| e.attr(a))
        .find(|s| !s.is_empty() && !s.starts_with("data:"))
        .or_else(|| {
            e.attr("src")
                .filter(|s| s.starts_with("data:image/") && s.len() >= INLINE_IMAGE_MIN)
        })?;
    let alt = e.attr("alt").map(str::trim).filter(|a| !a.is_empty());
    Some(BodyItem::Figure {
        caption: String::new(),
        credit: None,
        src: Some(src.to_string()),
        alt: alt.map(str::to_string),
    })
}

/// Whether a figure holds an image or media (a video player's titles
/// are not article text), lazy-loaded ones included (a `data-src`
/// placeholder, an `<img>` in `<noscript>`); else its content is
/// ordinary text.
pub fn holds_media(page: &Page, id: NodeId) -> bool {
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        let lazy = page
            .doc
            .element(n)
            .is_some_and(|e| e.attr("data-src").is_some() || e.attr("data-srcset").is_some());
        if lazy
            || matches!(
                page.name(n),
                "img"
                    | "picture"
                    | "video"
                    | "audio"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "canvas"
                    | "svg"
                    | "noscript"
            )
        {
            return true;
        }
        stack.extend(page.children(n));
    }
    false
}
