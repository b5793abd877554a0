//! Lines of plain text: their named [`Features`], the vocabularies they are
//! read with, each class's score from them ([`scores`]), and the splitters
//! for captions and end marks that the HTML path shares.
//!
//! Weights and features are documented in `docs/ARCHITECTURE.md`; nothing
//! here names a site.

use super::keywords::BOILERPLATE;
use super::tunables::{
    CAPTION_MAX_CHARS, CLOSING_CREDIT_MAX_CHARS, CRUMB_ITEM_MAX_CHARS, CRUMB_MIN_ITEMS,
    LONG_LINE_CHARS, META_LINE_MAX_CHARS, SHORT_LINE_CHARS,
};
use crate::article::BoilerplateKind;
use crate::metadata::byline::CREDIT_WORDS;
use crate::metadata::dates::find_date;
use crate::repair::garbled::marker_index;
use crate::text::at_most_chars;

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Site header, menus.
    Navigation,
    /// A breadcrumb trail.
    Breadcrumbs,
    /// Date, source, editor, author lines.
    Meta,
    /// Running text.
    Paragraph,
    /// A figure caption (with its credit).
    Caption,
    /// The end mark alone on its line.
    EndMark,
    /// Text that is not the article.
    Boilerplate(BoilerplateKind),
}

/// The named features of one line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Length in characters (trimmed).
    pub chars: usize,
    /// Starts with an indent (two spaces, a full-width space, a tab).
    pub indented: bool,
    /// Ends like a sentence (`。！？.!?…` or a closing quote after one).
    pub sentence_end: bool,
    /// Number of sentence-ending marks inside.
    pub sentences: usize,
    /// Items of a breadcrumb trail (`>` `›` `»` `/` `|` chains of short items), 0 if not one.
    pub crumbs: usize,
    /// Credit words (`来源` `编辑` `作者` `记者` `By` `Updated` `配信` …) that
    /// mark a credit line: [`CREDIT_WORDS`] with `marks_line`.
    pub meta_keys: usize,
    /// Contains a full date.
    pub date: bool,
    /// Ends with a photo credit (`供图` `摄` `Photo:` …) or starts with `图为`.
    pub photo_credit: bool,
    /// Is an end mark (`（完）` `-- END --` `【责任编辑：…】`).
    pub end_mark: bool,
    /// Boilerplate keywords, strongest kind first.
    pub boilerplate: Option<(BoilerplateKind, usize)>,
    /// Starts with an enumeration (`①` `1.` `1、`).
    pub enumerated: bool,
    /// Navigation words (`首页` `正文` `Home` `登录` …).
    pub nav_words: usize,
}

/// Navigation words of site headers and menus; also the labels trimmed off
/// a header line to leave the site name (`…分社正文`).
pub const NAV_WORDS: &[&str] = &[
    "正文",
    "首页",
    "首頁",
    "返回",
    "登录",
    "登錄",
    "注册",
    "註冊",
    "导航",
    "導航",
    "Home",
    "Menu",
    "Sign in",
    "Log in",
    "ホーム",
    "トップ",
];

/// Endings of a photo credit (`…供图`, `记者 张三 摄`).
pub const PHOTO_CREDIT_SUFFIXES: &[&str] = &[
    "供图",
    "供圖",
    "摄",
    "攝",
    "摄影",
    "攝影",
    "图",
    "圖",
    "提供",
    "撮影",
    "＝共同",
    "＝時事",
    "＝ロイター",
];

/// How a Japanese photo caption opens (`写真・記者会見する知事`,
/// `【写真】…`): the marker, taken off the caption.
pub const PHOTO_CAPTION_PREFIXES: &[&str] = &[
    "【写真】",
    "［写真］",
    "[写真]",
    "（写真）",
    "写真・",
    "写真：",
    "写真:",
    "写真＝",
    "写真は",
];

/// End marks closing a body.
const END_MARKS: &[&str] = &[
    "（完）",
    "(完)",
    "【完】",
    "-完-",
    "－完－",
    "-- END --",
    "--END--",
    "—END—",
    "(END)",
    "###",
    "（全文完）",
    "(全文完)",
];

fn ends_sentence(text: &str) -> bool {
    const ENDS: [char; 8] = ['。', '！', '？', '.', '!', '?', '…', '；'];
    let trimmed = text.trim_end_matches(['”', '」', '』', '"', '\'', '’', '）', ')']);
    // A line of sentences whose last character was lost (U+FFFD, or a
    // garbled span's marker) most likely ended like the others.
    let lost = |c: char| c == '\u{FFFD}' || marker_index(c).is_some();
    trimmed.ends_with(ENDS)
        || (trimmed.ends_with(lost) && trimmed.trim_end_matches(lost).contains(ENDS))
}

fn count_any(text: &str, words: &[&str]) -> usize {
    words.iter().filter(|w| text.contains(*w)).count()
}

/// Breadcrumb items when the line is a trail of at least two separators
/// between short items, e.g. `首页 > 新闻 > 国内`; 0 otherwise.
pub fn crumb_items(text: &str) -> Vec<String> {
    for sep in [">", "›", "»", "/", "|", "＞", "→"] {
        let items: Vec<&str> = text.split(sep).map(str::trim).collect();
        let short = items
            .iter()
            .all(|i| !i.is_empty() && i.chars().count() <= CRUMB_ITEM_MAX_CHARS);
        if items.len() >= CRUMB_MIN_ITEMS && short && !ends_sentence(text) {
            return items.iter().map(|i| i.to_string()).collect();
        }
    }
    Vec::new()
}

/// How an English closing credit opens (Reuters' `(Reporting by …;
/// Editing by …)`), lower-cased, brackets aside…
const CLOSING_CREDIT_OPENINGS: &[&str] = &[
    "reporting by",
    "additional reporting by",
    "writing by",
    "editing by",
    "compiled by",
];

/// …or what it says after the names (AP's and the Times's `… contributed
/// to this report.`, `… contributed reporting from Hong Kong.`).
const CLOSING_CREDIT_PHRASES: &[&str] = &[
    " contributed reporting",
    " contributed to this report",
    " contributed to this story",
    " contributed to this article",
];

/// Whether a whole line is an English closing credit: who reported, wrote
/// or edited the text, a credit like `【责任编辑：…】` rather than text.
fn is_closing_credit(line: &str) -> bool {
    let inner = line.trim().trim_matches(['(', ')']).trim();
    if !at_most_chars(inner, CLOSING_CREDIT_MAX_CHARS) {
        return false;
    }
    let lower = inner.to_lowercase();
    CLOSING_CREDIT_OPENINGS.iter().any(|o| lower.starts_with(o))
        || CLOSING_CREDIT_PHRASES.iter().any(|p| lower.contains(p))
}

/// Splits the end mark off a line: `(…动力。, （完）)`; an English closing
/// credit ([`is_closing_credit`]) is one whole.
pub fn split_end_mark(text: &str) -> Option<(&str, &str)> {
    let trimmed = text.trim_end();
    if is_closing_credit(trimmed) {
        return Some(("", trimmed.trim_start()));
    }
    for mark in END_MARKS {
        if let Some(rest) = trimmed.strip_suffix(mark) {
            return Some((rest.trim_end(), trimmed.get(rest.len()..)?));
        }
    }
    // 【责任编辑：张三】 / （责任编辑：张三）
    for (open, close) in [('【', '】'), ('（', '）'), ('[', ']'), ('(', ')')] {
        if trimmed.ends_with(close) {
            let start = trimmed.rfind(open)?;
            let inside = trimmed.get(start + open.len_utf8()..)?;
            if inside.starts_with("责任编辑")
                || inside.starts_with("責任編輯")
                || inside.starts_with("编辑")
                || inside.starts_with("編輯")
            {
                return Some((trimmed.get(..start)?.trim_end(), trimmed.get(start..)?));
            }
        }
    }
    None
}

/// Computes the features of one line (`raw` keeps its indentation).
pub fn features(raw: &str) -> Features {
    let text = raw.trim();
    let boilerplate = BOILERPLATE
        .iter()
        .map(|(kind, words)| (*kind, count_any(text, words)))
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n);
    Features {
        chars: text.chars().count(),
        indented: raw.starts_with("  ") || raw.starts_with('\u{3000}') || raw.starts_with('\t'),
        sentence_end: ends_sentence(text),
        sentences: text.matches(['。', '！', '？']).count() + latin_sentence_ends(text),
        crumbs: crumb_items(text).len(),
        meta_keys: CREDIT_WORDS
            .iter()
            .filter(|w| w.marks_line && text.contains(w.word))
            .count()
            + usize::from(["By ", "BY ", "by "].iter().any(|b| text.starts_with(b))),
        date: find_date(text, None).is_some(),
        photo_credit: PHOTO_CREDIT_SUFFIXES.iter().any(|s| text.ends_with(s))
            || PHOTO_CAPTION_PREFIXES.iter().any(|p| text.starts_with(p))
            || japanese_credit(text).is_some()
            || text.starts_with("图为")
            || text.starts_with("圖為")
            || text.starts_with("Photo:")
            || text.ends_with("(Reuters)")
            || text.contains("Photo: ")
            || text.contains("Credit:"),
        end_mark: split_end_mark(text).is_some_and(|(rest, _)| rest.is_empty()),
        boilerplate,
        enumerated: text.starts_with(['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'])
            || text.split_once(['.', '、']).is_some_and(|(n, _)| {
                !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit())
            }),
        nav_words: count_any(text, NAV_WORDS),
    }
}

/// Full stops ending a Latin sentence (`. `): not an initial's (`A. J.
/// Neal`, a single capital before it).
fn latin_sentence_ends(text: &str) -> usize {
    text.match_indices(". ")
        .filter(|&(at, _)| {
            let before = text.get(..at).unwrap_or_default();
            let mut rev = before.chars().rev();
            let initial = rev.next().is_some_and(char::is_uppercase)
                && rev.next().is_none_or(|c| !c.is_alphanumeric());
            !initial
        })
        .count()
}

/// Scores of a line for each class (higher is likelier); see `docs/ARCHITECTURE.md`.
pub fn scores(f: &Features) -> [(LineKind, i32); 7] {
    let n = |b: bool| i32::from(b);
    let long = f.chars >= LONG_LINE_CHARS;
    let short = f.chars <= SHORT_LINE_CHARS;
    let boiler = f.boilerplate.map_or(0, |(_, k)| k.min(3) as i32);
    let boilerplate_as_sentence = matches!(
        f.boilerplate,
        Some((BoilerplateKind::Disclaimer | BoilerplateKind::Footer, _))
    );
    [
        (
            LineKind::Navigation,
            2 * n(short && !f.sentence_end) + 2 * f.nav_words.min(2) as i32 - 3 * n(f.sentence_end),
        ),
        (LineKind::Breadcrumbs, 5 * n(f.crumbs >= CRUMB_MIN_ITEMS)),
        (
            LineKind::Meta,
            3 * n(f.date) + 2 * f.meta_keys.min(3) as i32
                - 2 * n(f.chars > META_LINE_MAX_CHARS)
                - 3 * n(f.sentences >= 2),
        ),
        (
            LineKind::Paragraph,
            2 * n(long) + 2 * n(f.sentence_end) + n(f.indented) + n(f.sentences >= 2),
        ),
        (
            LineKind::Caption,
            3 * n(f.photo_credit && f.chars <= CAPTION_MAX_CHARS)
                - 2 * n(f.indented)
                - n(f.sentences >= 3),
        ),
        (LineKind::EndMark, 6 * n(f.end_mark)),
        (
            LineKind::Boilerplate(f.boilerplate.map_or(BoilerplateKind::Other, |(k, _)| k)),
            // One ad, share, related or comment word in a line that ends like
            // a sentence is prose (`该技术已在全国推广。`, `他分享了经验。`), not a
            // label; a copyright or footer line is boilerplate as a sentence too.
            2 * boiler + 2 * n(f.enumerated)
                - n(f.indented)
                - 2 * n(f.sentence_end && boiler == 1 && !boilerplate_as_sentence),
        ),
    ]
}

/// What a Japanese credit closing a caption may name at most (characters):
/// an agency or a photographer (`＝共同`, `（撮影・佐藤花子）`).
const JAPANESE_CREDIT_MAX_CHARS: usize = 12;

/// The credit closing a Japanese caption and the caption before it: a
/// trailing `（撮影・…）` / `（写真・…）`, or `＝` and an agency or name
/// (`記者会見する総裁（24日、日銀本店で）＝共同`).
fn japanese_credit(text: &str) -> Option<(&str, &str)> {
    let parenthesis = text.rfind('（').and_then(|start| {
        let inside = text.get(start..)?.strip_prefix('（')?.strip_suffix('）')?;
        let credit = ["撮影", "写真"].iter().any(|w| inside.starts_with(w))
            && inside.chars().count() <= JAPANESE_CREDIT_MAX_CHARS;
        credit.then(|| (text.get(..start).unwrap_or_default(), inside))
    });
    if parenthesis.is_some() {
        return parenthesis;
    }
    let (caption, credit) = text.rsplit_once('＝')?;
    let short = |s: &str| (1..=JAPANESE_CREDIT_MAX_CHARS).contains(&s.chars().count());
    if short(credit) && !caption.is_empty() && !credit.contains(['。', '、', '（']) {
        return Some((caption, credit));
    }
    // `…参院本会議＝12月17日午後、国会内、佐藤花子撮影`: when and where stay
    // in the caption, the photographer is the credit.
    let (before, last) = text.rsplit_once('、')?;
    let photographer = ["撮影", "提供"].iter().any(|w| last.ends_with(w));
    (photographer && short(last) && before.contains('＝')).then_some((before, last))
}

/// Splits a caption line into caption and credit: the credit is the part
/// after the last sentence end (`…召开。武侯区委宣传部供图`), or a trailing
/// parenthesis (`（记者 张三 摄）`), or what follows `Photo:`.
pub fn split_caption(text: &str) -> (String, Option<String>) {
    let text = PHOTO_CAPTION_PREFIXES
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .unwrap_or(text);
    if let Some((caption, credit)) = text
        .split_once("Photo: ")
        .or_else(|| text.split_once("Credit: "))
        .or_else(|| japanese_credit(text))
    {
        return (caption.trim().to_string(), Some(credit.trim().to_string()));
    }
    if let Some(start) = text.rfind(['（', '(']) {
        let inside = text.get(start..).unwrap_or_default();
        if inside.ends_with(['）', ')'])
            && PHOTO_CREDIT_SUFFIXES
                .iter()
                .any(|s| inside.trim_end_matches(['）', ')']).ends_with(s))
        {
            let credit = inside
                .trim_start_matches(['（', '('])
                .trim_end_matches(['）', ')'])
                .trim();
            return (
                text.get(..start).unwrap_or_default().trim().to_string(),
                Some(credit.to_string()),
            );
        }
    }
    if let Some(end) = text.rfind(['。', '！', '？']) {
        let cut = end + '。'.len_utf8();
        let credit = text.get(cut..).unwrap_or_default().trim();
        if !credit.is_empty() {
            return (
                text.get(..cut).unwrap_or_default().to_string(),
                Some(credit.to_string()),
            );
        }
    }
    (text.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_named_and_measured() {
        let f = features("2024年11月16日 14:11 来源：中新网四川 编辑：曹惠君");
        assert!(f.date && f.meta_keys == 2 && !f.sentence_end);
        let f = features("首页 > cdxw > 中新网四川");
        assert_eq!(f.crumbs, 3);
        let f = features("  中新网四川新闻11月16日电 武侯区产业园区高质量发展大会15日召开。成都市副市长强调，要坚定落实。");
        assert!(f.indented && f.sentence_end && f.sentences == 2);
        // (An initial's full stop ends no sentence.)
        assert_eq!(features("By A. J. Neal").sentences, 0);
        assert_eq!(features("Dr. Smith came. He left.").sentences, 2);
        assert!(features("武侯区产业园区高质量发展大会15日召开。武侯区委宣传部供图").photo_credit);
        assert!(features("（完）").end_mark);
    }

    #[test]
    fn japanese_captions_and_credits() {
        assert!(features("記者会見する植田総裁（24日、日銀本店で）＝共同").photo_credit);
        assert_eq!(
            split_caption("記者会見する植田総裁（24日、日銀本店で）＝共同"),
            (
                "記者会見する植田総裁（24日、日銀本店で）".to_string(),
                Some("共同".to_string())
            )
        );
        assert_eq!(
            split_caption("会見場の様子（撮影・佐藤花子）"),
            (
                "会見場の様子".to_string(),
                Some("撮影・佐藤花子".to_string())
            )
        );
        assert_eq!(
            split_caption("写真・記者会見する知事（16日、都庁で）"),
            ("記者会見する知事（16日、都庁で）".to_string(), None)
        );
        assert_eq!(
            split_caption("成立した参院本会議＝１７日午後、国会内、佐藤花子撮影"),
            (
                "成立した参院本会議＝１７日午後、国会内".to_string(),
                Some("佐藤花子撮影".to_string())
            )
        );
        // A sentence with an equals sign is no caption.
        assert!(
            !features("計算式はA＝B＋Cとなり、結果は明らかだ。これは重要な点である。").photo_credit
        );
    }

    #[test]
    fn captions_split_into_caption_and_credit() {
        assert_eq!(
            split_caption("武侯区产业园区高质量发展大会15日召开。武侯区委宣传部供图"),
            (
                "武侯区产业园区高质量发展大会15日召开。".to_string(),
                Some("武侯区委宣传部供图".to_string())
            )
        );
        assert_eq!(
            split_caption("图为会议现场。（记者 张三 摄）"),
            (
                "图为会议现场。".to_string(),
                Some("记者 张三 摄".to_string())
            )
        );
        assert_eq!(
            split_caption("Rescuers search the rubble. Photo: Reuters/John Smith"),
            (
                "Rescuers search the rubble.".to_string(),
                Some("Reuters/John Smith".to_string())
            )
        );
    }

    #[test]
    fn end_marks_split_off() {
        assert_eq!(
            split_end_mark("注入动力。（完）"),
            Some(("注入动力。", "（完）"))
        );
        assert_eq!(
            split_end_mark("……。【责任编辑：张三】"),
            Some(("……。", "【责任编辑：张三】"))
        );
        assert_eq!(
            split_end_mark("The end. -- END --"),
            Some(("The end.", "-- END --"))
        );
        assert_eq!(split_end_mark("他完成了(完)"), Some(("他完成了", "(完)")));
        assert_eq!(split_end_mark("no mark here"), None);
    }

    #[test]
    fn an_english_closing_credit_is_an_end_mark_whole() {
        for credit in [
            "(Reporting by Will Dunham; Editing by Tom Brown)",
            "Additional reporting by Joseph Hudak",
            "Keith Bradsher contributed reporting from Hong Kong.",
            "Fox News’ Jessica Napoli contributed to this report.",
        ] {
            assert_eq!(split_end_mark(credit), Some(("", credit)), "{credit}");
        }
        // Prose that mentions reporting is text.
        for text in [
            "The reporting by local papers was thin.",
            &format!("{} contributed to this report.", "Many people ".repeat(30)),
        ] {
            assert_eq!(split_end_mark(text), None, "{text}");
        }
    }
}
