//! Authors' names in Latin script as bylines leave them: the name without
//! what sits beside it in the same element (`Chris McNamara ⋅ Founder`,
//! `Workzone Team• 4 mins read`, `Erin Spain 4 Comments`, `Rachel MacDonald
//! Writer`, `By Arlene Marturano`), and role words alone (`Astrologer`,
//! `Lead Reviewer`) dropped. CJK names are cleaned in `names.rs`.

use super::dates::find_date_start;
use crate::text::is_cjk_letter;

/// What separates a name from a role, a date or a count in one element.
const SEPARATORS: [&str; 7] = ["•", "⋅", " | ", " – ", " — ", " - ", "·"];

/// Words that name a role, not a person: a name ending in one is cut to
/// the name before (`Matt Check Head Winemaker`).
pub(super) const ROLE_WORDS: &[&str] = &[
    "writer",
    "editor",
    "founder",
    "co-founder",
    "cofounder",
    "reviewer",
    "analyst",
    "coordinator",
    "expert",
    "manager",
    "director",
    "contributor",
    "correspondent",
    "reporter",
    "winemaker",
    "gardener",
    "astrologer",
    "author",
    "journalist",
    "columnist",
    "strategist",
    "specialist",
    "consultant",
    "ceo",
    "cto",
    "president",
    "officer",
    "lead",
    "producer",
];

/// Words of controls and labels that author markup may hold instead of a
/// name (`View more posts`, `Sign In`, `Written By` before an empty link).
pub(super) const UI_WORDS: &[&str] = &[
    "sign",
    "in",
    "log",
    "login",
    "register",
    "subscribe",
    "menu",
    "search",
    "share",
    "follow",
    "view",
    "more",
    "all",
    "posts",
    "profile",
    "home",
    "contact",
    "about",
    "author",
    "authors",
    "editor",
    "staff",
    "team",
    // (`Our Team` in a menu, `Our Foreign Staff` for no one named.)
    "our",
    "written",
    "posted",
    "by",
];

/// Lower-case words (not particles such as `van`, `de`) in a name, at most:
/// more and it is a sentence (`posting to this forum you agree…` after a
/// `By`), though a name may be written in lower case (`jeff kaufman`).
const LOWER_CASE_WORDS_MAX: usize = 2;

/// Lower-case words inside names.
pub(super) const NAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "dos", "bin", "al", "y",
    "the", "and",
];

/// Words that open a control (a link or button read with a byline's
/// line), never a name's.
const CONTROL_WORDS: &[&str] = &["view", "share", "follow", "subscribe", "print", "email"];

/// Words of a name before a control's words that end it, at least (a
/// lone `Sign In` is no name cut short).
const NAME_WORDS_BEFORE_CONTROL: usize = 2;

/// Words of a name before a role phrase, at most: bylines give a first
/// name and a surname (`Meghan Neville Content Marketing Coordinator`).
const NAME_WORDS_BEFORE_ROLE_PHRASE: usize = 2;

/// Words a byline writes between the name and the date (`by Jane Doe on
/// Jan 22, 2025`, `Jane Doe | Updated March 3`).
const DATE_LEAD_WORDS: &[&str] = &["on", "at", "updated", "published", "posted"];

/// A name cut before its date without the word that led to the date
/// ([`DATE_LEAD_WORDS`]).
pub(super) fn without_date_lead(name: &str) -> &str {
    match name.trim_end().rsplit_once(' ') {
        Some((head, last)) if DATE_LEAD_WORDS.iter().any(|w| w.eq_ignore_ascii_case(last)) => {
            head.trim_end()
        }
        _ => name.trim_end(),
    }
}

/// The name alone, or `None` when nothing of a name is left.
pub fn clean_author(name: &str) -> Option<String> {
    if name.chars().any(is_cjk_letter) {
        return Some(name.to_string());
    }
    let mut name = name.trim();
    if let Some(rest) = name
        .get(..3)
        .filter(|by| by.eq_ignore_ascii_case("by "))
        .and_then(|_| name.get(3..))
    {
        name = rest.trim_start();
    }
    for sep in SEPARATORS {
        if let Some((head, _)) = name.split_once(sep) {
            name = head.trim();
        }
    }
    // A count or a date after the name (`4 Comments`, `February 16`).
    let date = find_date_start(name).filter(|&at| at > 0);
    // (A word that starts with a digit: `ggailey777` is a user name.)
    let count = name
        .char_indices()
        .find(|&(i, c)| {
            c.is_ascii_digit() && i > 0 && name.get(..i).is_some_and(|h| h.ends_with(' '))
        })
        .map(|(i, _)| i);
    if let Some(at) = [date, count].into_iter().flatten().min() {
        name = name.get(..at).unwrap_or(name).trim();
        if date == Some(at) {
            name = without_date_lead(name);
        }
    }
    // `, USA TODAY`, `, The Commercial Appeal`: the outlet after a comma.
    if let Some((head, tail)) = name.rsplit_once(", ") {
        let tail = tail.trim();
        // (Not a credential: `Dylan Bailey, MS, RD` keeps its letters.)
        let outlet = tail.starts_with("The ")
            || (tail.split_whitespace().count() >= 2 && tail.chars().all(|c| !c.is_lowercase()));
        if outlet {
            name = head.trim();
        }
    }
    let name = name.trim_matches(|c: char| c == ',' || c == '-' || c.is_whitespace());
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_role = |w: &&str| ROLE_WORDS.contains(&w.to_lowercase().trim_matches('-'));
    let role_at = words.iter().position(&is_role);
    let name = match role_at {
        // Role words only: no name.
        Some(0) => return None,
        // One word, then the role: a team's account named for its role
        // (`SFist Contributor`, `Community Editor`), whole; not a title's
        // abbreviation (`Ph.D. Director`).
        Some(1)
            if words
                .first()
                .is_some_and(|w| w.chars().all(char::is_alphanumeric)) =>
        {
            name.to_string()
        }
        // A name, then a role phrase (`Content Marketing Coordinator`): the
        // phrase may open before its role word, so a name of more words
        // than a name usually has is cut to that many.
        Some(at) if words.last().is_some_and(is_role) => words
            .get(..at.min(NAME_WORDS_BEFORE_ROLE_PHRASE))
            .unwrap_or_default()
            .join(" "),
        _ => name.to_string(),
    };
    let name = name.trim_matches(|c: char| c == ',' || c.is_whitespace());
    let name = before_control(name);
    let name = name.as_str();
    (!name.is_empty() && !is_not_a_name(name)).then(|| name.to_string())
}

/// A name without a control read with the byline's line after it (`By A.
/// J. Neal View In Digital Edition`): it ends before the control's word,
/// after two capitalised words or more.
fn before_control(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let control_at = words
        .iter()
        .position(|w| CONTROL_WORDS.contains(&w.to_lowercase().as_str()))
        .filter(|&at| at >= NAME_WORDS_BEFORE_CONTROL)
        // (Capitalised words before it: a name, not `providing my Email`.)
        .filter(|&at| {
            words.get(..at).unwrap_or_default().iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(w)
            })
        });
    match control_at {
        Some(at) => words.get(..at).unwrap_or_default().join(" "),
        None => name.to_string(),
    }
}

/// What author markup holds that names nobody: controls and labels alone
/// (`View more posts`, `Written By`), a template's key left unfilled
/// (`page.head.extra.author`), a sentence.
fn is_not_a_name(name: &str) -> bool {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    // (One word alone may be a name or a label's value: `team`.)
    let controls = words.len() > 1 && words.iter().all(|w| UI_WORDS.contains(&w.as_str()));
    // (`sara.r.peter` is a user name: the key names the field it fills.)
    let key = words.len() == 1
        && name.matches('.').count() >= 2
        && name
            .rsplit('.')
            .next()
            .is_some_and(|field| matches!(field, "author" | "authors" | "name" | "byline"));
    let lower = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .filter(|w| !NAME_PARTICLES.contains(w))
        .count();
    controls || key || lower > LOWER_CASE_WORDS_MAX
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_roles_dates_and_counts() {
        for (byline, name) in [
            ("Chris McNamara ⋅ Founder and", Some("Chris McNamara")),
            (
                "Genaveve Bradshaw ⋅ Senior Review Analyst ⋅",
                Some("Genaveve Bradshaw"),
            ),
            ("Workzone Team• 4 mins read", Some("Workzone Team")),
            ("the Lavazza Team 2–3 minutes", Some("the Lavazza Team")),
            ("Erin Spain 4 Comments", Some("Erin Spain")),
            ("By Arlene Marturano", Some("Arlene Marturano")),
            ("A. J. Neal View In Digital Edition", Some("A. J. Neal")),
            ("Jane Doe Follow", Some("Jane Doe")),
            ("Rachel MacDonald Writer", Some("Rachel MacDonald")),
            (
                "Meghan Neville Content Marketing Coordinator",
                Some("Meghan Neville"),
            ),
            ("Matt Check Head Winemaker", Some("Matt Check")),
            ("SFist Contributor", Some("SFist Contributor")),
            ("Community Editor", Some("Community Editor")),
            ("Editor", None),
            (
                "Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal",
                Some("Manoj Jain and Jagpreet Chhatwal"),
            ),
            (", USA TODAY", None),
            ("Astrologer", None),
            ("Lead Reviewer", None),
            ("View more posts", None),
            ("Written By", None),
            ("page.head.extra.author", None),
            ("sara.r.peter", Some("sara.r.peter")),
            ("team", Some("team")),
            ("the Lavazza Team", Some("the Lavazza Team")),
            ("jeff kaufman", Some("jeff kaufman")),
            (
                "posting to this forum you agree to abide by the rules.",
                None,
            ),
            ("Home-", Some("Home")),
            ("Jean-Luc Picard", Some("Jean-Luc Picard")),
            ("Kev", Some("Kev")),
            ("98 Buck Social", Some("98 Buck Social")),
            ("ggailey777", Some("ggailey777")),
            ("Dylan Bailey, MS, RD", Some("Dylan Bailey, MS, RD")),
            ("Sarah Smith, President", Some("Sarah Smith")),
            ("张三", Some("张三")),
        ] {
            assert_eq!(clean_author(byline).as_deref(), name, "{byline}");
        }
    }
}
