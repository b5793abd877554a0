//! A run of body items written twice in a row: a responsive page's copy of
//! its description for narrow screens next to the one for wide screens
//! (`hidden-md-down` / `hidden-md-up`), a stylesheet's choice we do not
//! read. A reader sees one copy; the second goes to the boilerplate, not
//! nowhere.

use super::super::items::BodyItem;
use super::super::tunables::{DOUBLED_RUN_MAX_ITEMS, DOUBLED_RUN_MIN_CHARS, DOUBLED_RUN_MIN_ITEMS};
use super::passes::Tail;
use crate::article::BoilerplateKind;

/// Moves the second copy of every description repeated at once (see
/// [`is_description`]), of at most [`DOUBLED_RUN_MAX_ITEMS`] items, to the
/// boilerplate (kind `other`); the shortest run first, so a run written
/// three times keeps one copy.
pub fn move_repeated_runs(items: &mut Vec<BodyItem>, tail: &mut Tail) {
    let mut i = 0;
    while i < items.len() {
        let longest = ((items.len() - i) / 2).min(DOUBLED_RUN_MAX_ITEMS);
        // (The first items compared alone first: most starts repeat nothing.)
        let run = (DOUBLED_RUN_MIN_ITEMS..=longest).find(|&k| {
            items.get(i) == items.get(i + k)
                && items.get(i..i + k) == items.get(i + k..i + 2 * k)
                && items.get(i..i + k).is_some_and(is_description)
        });
        match run {
            Some(k) => {
                let copy: Vec<String> = items
                    .drain(i + k..i + 2 * k)
                    .map(|item| item.text().into_owned())
                    .filter(|text| !text.is_empty())
                    .collect();
                tail.push((BoilerplateKind::Other, copy.join("\n")));
            }
            None => i += 1,
        }
    }
}

/// Whether a run repeated at once is a copy of a description: its items
/// not all the same (one paragraph said again and again is the
/// text's, like a test page's lorem ipsum), with [`DOUBLED_RUN_MIN_CHARS`] of
/// text.
fn is_description(run: &[BodyItem]) -> bool {
    run.iter().skip(1).any(|item| Some(item) != run.first())
        && run
            .iter()
            .map(|item| item.text().chars().count())
            .sum::<usize>()
            >= DOUBLED_RUN_MIN_CHARS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> BodyItem {
        BodyItem::Paragraph(text.to_string())
    }

    const LONG: &str = "Join me each week for a live, virtual Monday night meditation class. \
                        Membership fee auto-renews each month. Cancel any time.";

    #[test]
    fn a_description_written_twice_is_read_once() {
        let mut items = vec![
            BodyItem::Heading(1, "Monday Night Meditation".into()),
            p("$39.00 every month"),
            p(LONG),
            p("Membership includes:"),
            BodyItem::List(vec!["Live classes".into(), "Q&A time".into()]),
            p(LONG),
            p("Membership includes:"),
            BodyItem::List(vec!["Live classes".into(), "Q&A time".into()]),
            p("Questions? Write to us."),
        ];
        let mut tail = Tail::new();
        move_repeated_runs(&mut items, &mut tail);
        assert_eq!(items.len(), 6);
        assert_eq!(items[5], p("Questions? Write to us."));
        assert_eq!(
            tail,
            vec![(
                BoilerplateKind::Other,
                format!("{LONG}\nMembership includes:\nLive classes\nQ&A time")
            )]
        );
    }

    #[test]
    fn three_copies_keep_one() {
        let run = [
            p(LONG),
            p("Handmade stoneware, wheel thrown in our studio."),
        ];
        let mut items = [&run[..], &run[..], &run[..], &[p("End.")]].concat();
        let mut tail = Tail::new();
        move_repeated_runs(&mut items, &mut tail);
        assert_eq!(items, [&run[..], &[p("End.")]].concat());
        assert_eq!(tail.len(), 2);
    }

    #[test]
    fn short_repeats_and_distant_copies_stay() {
        // A refrain or a pair of labels is too short to be a copy of a
        // description, one paragraph said four times is the text's, and the
        // same text further on is a quotation.
        let mut items = vec![
            p("Let it be."),
            p("Whisper words of wisdom."),
            p("Let it be."),
            p("Whisper words of wisdom."),
            p(LONG),
            p(LONG),
            p(LONG),
            p(LONG),
            p("Something else in between."),
            p(LONG),
        ];
        let before = items.clone();
        let mut tail = Tail::new();
        move_repeated_runs(&mut items, &mut tail);
        assert_eq!(items, before);
        assert!(tail.is_empty());
    }
}
