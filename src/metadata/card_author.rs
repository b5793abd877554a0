//! The author a Twitter card's label/data pair names: Yoast SEO, a
//! WordPress plugin on many sites, writes `twitter:label1` = `Written by`
//! (in the site's language) and `twitter:data1` = the post's author. Read
//! by `markup` after the author metas, before the authors elements name.

/// The author the card names, from the page's metas (`meta(name)` gives a
/// meta's content by its lower-case name or property).
pub(super) fn card_author(meta: impl Fn(&str) -> Option<String>) -> Option<String> {
    (1..=CARD_PAIRS).find_map(|n| {
        let label = meta(&format!("twitter:label{n}"))?;
        let label = label.trim().to_lowercase();
        CARD_AUTHOR_LABELS
            .contains(&label.as_str())
            .then(|| meta(&format!("twitter:data{n}")))
            .flatten()
            .filter(|name| !name.trim().is_empty())
    })
}

/// Label/data pairs a Twitter card holds (Yoast writes two: the author and
/// the reading time).
const CARD_PAIRS: usize = 2;

/// `twitter:labelN` values that say `twitter:dataN` is the author.
const CARD_AUTHOR_LABELS: &[&str] = &[
    "written by",
    "geschrieben von",
    "verfasst von",
    "écrit par",
    "escrito por",
    "scritto da",
    "geschreven door",
    "skrevet af",
    "skrevet av",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn card(pairs: &[(&str, &str)]) -> Option<String> {
        card_author(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn a_written_by_pair_names_the_author() {
        let written = [
            ("twitter:label1", "Written by"),
            ("twitter:data1", "Tyler Brown"),
        ];
        assert_eq!(card(&written).as_deref(), Some("Tyler Brown"));
        let german = [
            ("twitter:label1", "Geschrieben von"),
            ("twitter:data1", "Anna Weber"),
        ];
        assert_eq!(card(&german).as_deref(), Some("Anna Weber"));
        // Second pair, after the reading time.
        let second = [
            ("twitter:label1", "Est. reading time"),
            ("twitter:data1", "4 minutes"),
            ("twitter:label2", "Written by"),
            ("twitter:data2", "Kev"),
        ];
        assert_eq!(card(&second).as_deref(), Some("Kev"));
        // The reading time alone, or an empty name: none.
        assert_eq!(card(&second[..2]), None);
        assert_eq!(
            card(&[("twitter:label1", "Written by"), ("twitter:data1", " ")]),
            None
        );
    }
}
