//! Credits where a Chinese article closes: the reporters' names in brackets
//! ending the last paragraph (`（常书香 马丹阳）`), a last reporter line
//! (`新京报记者 彭冲 山东冠县报道`), and closing credit lines
//! (`责任编辑：王小明 审核：李四`). Read when the body is known, after the
//! credit lines above it.

use super::byline::{byline, Byline, Role, CREDIT_WORDS};
use super::dates::find_date_start;
pub use super::names::is_surnamed_name;
use super::names::{is_chinese_name, is_report_place, split_names};
use crate::text::is_cjk_letter;

/// Bullets a CMS sets before a credit line (`□ 本报记者 葛灵丹`).
const CREDIT_BULLETS: &[char] = &[
    '□', '■', '●', '◆', '◇', '▲', '★', '☆', '•', '·', '-', '—', ' ', '\u{3000}',
];

/// How an outlet's name ends before its reporter's credit (`本报记者`,
/// `新京报记者`, `新华网黑龙江频道 记者`).
const OUTLET_ENDS: &[&str] = &[
    "本报", "本報", "本刊", "本台", "本网", "本網", "报", "報", "网", "網", "台", "社", "刊",
    "频道", "頻道",
];

/// An outlet's name before a reporter's credit is at most this long.
const OUTLET_MAX_CHARS: usize = 12;

/// `line` from its first author credit word when only an outlet's name
/// comes before it (`本报记者 王燕平` → `记者 王燕平`); else `line`.
fn after_outlet(line: &str) -> &str {
    let authors = CREDIT_WORDS
        .iter()
        .filter(|w| w.reads == Some(Role::Author) && !w.word.is_ascii());
    for w in authors {
        let Some(at) = line.find(w.word) else {
            continue;
        };
        let prefix = line.get(..at).unwrap_or_default().trim_end();
        let outlet = !prefix.is_empty()
            && prefix.chars().count() <= OUTLET_MAX_CHARS
            && prefix.chars().all(|c| is_cjk_letter(c) || c == ' ')
            && OUTLET_ENDS.iter().any(|e| prefix.ends_with(e));
        if outlet {
            return line.get(at..).unwrap_or(line);
        }
    }
    line
}

/// What may follow the date on a date line: an outlet's name.
const DATE_LINE_REST_MAX_CHARS: usize = 20;
/// A date line is at most this long in bytes: a date with its time (about
/// 20 characters) and an outlet's name, at four bytes a character at most.
const DATE_LINE_MAX_BYTES: usize = 4 * (20 + DATE_LINE_REST_MAX_CHARS);

/// A paragraph of the body that is a date, alone or with an outlet's name
/// (`2003-7-24 钱江晚报`): where a page left the article's date.
pub fn is_date_line(paragraph: &str) -> bool {
    let line = paragraph.trim();
    // (Length first: the date scanner copies the text it is given, and a
    // paragraph may be a whole page.)
    if line.len() > DATE_LINE_MAX_BYTES || line.contains(['，', '。']) {
        return false;
    }
    // The comma of `April 13, 2023` is the date's; any other is a sentence's.
    let line = without_year_commas(line);
    let Some(start) = find_date_start(&line).filter(|_| !line.contains(',')) else {
        return false;
    };
    // A short label may come first (`Posted on`, `Published:`): words only.
    let label = line.get(..start).unwrap_or_default().trim();
    if label.chars().count() > DATE_LABEL_MAX_CHARS
        || !label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == ':')
    {
        return false;
    }
    // The date's own characters: digits, separators, date and time words.
    let rest = line
        .get(start..)
        .unwrap_or_default()
        .trim_start_matches(|c: char| c.is_ascii_digit() || " -/.:年月日时分秒時".contains(c));
    rest.chars().count() <= DATE_LINE_REST_MAX_CHARS
}

/// A label before a date line's date is at most this long (`Last updated:`).
const DATE_LABEL_MAX_CHARS: usize = 16;

/// `line` without the commas that stand before a year (`April 13, 2023`).
fn without_year_commas(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find(", ") {
        let after = rest.get(at + 2..).unwrap_or_default();
        let year = after.len() >= 4
            && after.bytes().take(4).all(|b| b.is_ascii_digit())
            && !after.as_bytes().get(4).is_some_and(u8::is_ascii_digit);
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(if year { " " } else { ", " });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A paragraph of the body that is a credit line, where CMSs leave them at
/// its start or close (`责任编辑：王小明 审核：李四`, `来源：人民网`,
/// `□ 本报记者 葛灵丹`, `2005-04-27 14:32更新 来源：千龙新闻网`): short,
/// no sentence, and it starts with a credit word (after bullets, brackets,
/// an outlet's name or a date). Only names are taken as authors (a
/// sentence opening `记者了解到` credits nobody).
pub fn credit_line(paragraph: &str) -> Option<Byline> {
    let line = paragraph
        .trim()
        .trim_start_matches(CREDIT_BULLETS)
        .trim_start_matches(['【', '[', '（', '('])
        .trim_end_matches(['】', ']', '）', ')']);
    // (Bytes first: a paragraph may be a whole page.)
    if line.len() > 4 * CLOSING_LINE_MAX_CHARS * 2
        || line.contains('。')
        || line.chars().count() > CLOSING_LINE_MAX_CHARS * 2
    {
        return None;
    }
    let is_credit_word = |w: &&super::byline::CreditWord| {
        matches!(w.reads, Some(Role::Source | Role::Author | Role::Editor))
    };
    let from_outlet = after_outlet(line);
    let starts = CREDIT_WORDS
        .iter()
        .filter(is_credit_word)
        .any(|w| from_outlet.starts_with(w.word));
    // A date, then the credits (`2005-02-06 13:26更新 来源：…`).
    let dated = find_date_start(line) == Some(0)
        && CREDIT_WORDS
            .iter()
            .filter(is_credit_word)
            .any(|w| line.contains(w.word));
    if !starts && !dated {
        return None;
    }
    let mut found = byline(if starts { from_outlet } else { line });
    found
        .authors
        .retain(|n| is_chinese_name(n) || !n.chars().any(is_cjk_letter));
    (found != Byline::default()).then_some(found)
}

/// Authors credited where the body closes: names in brackets ending the
/// last paragraph (`……新春佳节。（常书香 马丹阳）`, `（记者 张三）`), or a
/// last line `新京报记者 彭冲 山东冠县报道` (the reporter, then where from).
pub fn closing_credit(last: &str) -> Vec<String> {
    let text = last.trim();
    if let Some(inner) = closing_bracket(text) {
        // (`（信报记者 蔡雪婧）`: an outlet's name may lead the credit.)
        let inner = after_outlet(inner.trim());
        let inner = ["记者", "記者", "通讯员", "通訊員"]
            .iter()
            .find_map(|w| inner.strip_prefix(w))
            .unwrap_or(inner)
            .trim();
        // (`（姚峰 上海报道）`: where the reporter filed from is no name.)
        let mut names = split_names(inner);
        if names.last().is_some_and(|w| is_report_place(w)) {
            names.pop();
        }
        if (1..=CLOSING_NAMES_MAX).contains(&names.len())
            && names.iter().all(|n| is_chinese_name(n))
        {
            return names;
        }
        return Vec::new();
    }
    if is_report_place(text) && text.chars().count() <= CLOSING_LINE_MAX_CHARS {
        if let Some((_, after)) = text
            .rsplit_once("记者")
            .or_else(|| text.rsplit_once("記者"))
        {
            return after
                .split_whitespace()
                .take_while(|w| is_chinese_name(w))
                .map(str::to_string)
                .collect();
        }
    }
    Vec::new()
}

/// How the name of a body that issues official documents ends: governments,
/// their offices and committees, courts, companies.
const ISSUER_ENDS: &[&str] = &[
    "政府",
    "委员会",
    "委員會",
    "办公厅",
    "辦公廳",
    "办公室",
    "辦公室",
    "局",
    "厅",
    "廳",
    "部",
    "院",
    "委",
    "公司",
    "协会",
    "協會",
    "中心",
];

/// A signatory is at most this long (`中华人民共和国国家发展和改革委员会`).
const SIGNATORY_MAX_CHARS: usize = 24;

/// Who signs an official document the body holds (a notice, 通告, closing
/// `特此通告。` / `吉林省人民政府` / `2022年1月27日`): the issuing body on the
/// line before the closing date, its author.
pub fn signatory(body_text: &str) -> Option<String> {
    let mut last = body_text.rsplit("\n\n").map(str::trim);
    let date = last.next()?;
    let name = last.next()?;
    // (The date's own characters only: `2022年1月27日`.)
    let date_only = date
        .chars()
        .all(|c| c.is_ascii_digit() || "-/.年月日 ".contains(c));
    let issuer = name.chars().count() <= SIGNATORY_MAX_CHARS
        && name.chars().all(is_cjk_letter)
        && ISSUER_ENDS.iter().any(|e| name.ends_with(e));
    (date_only && is_date_line(date) && issuer).then(|| name.to_string())
}

/// The text in the brackets closing a paragraph: `（常书香 马丹阳）`,
/// `【山田花子】` (a Japanese report closes so), `（編輯：陳怡如）1131116`
/// (a wire's filing code of figures may follow).
pub fn closing_bracket(text: &str) -> Option<&str> {
    let text = text
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    let bracket = text
        .strip_suffix(['）', ')'])
        .and_then(|t| t.rfind(['（', '(']).and_then(|at| t.get(at..)))
        .or_else(|| {
            let t = text.strip_suffix('】')?;
            t.rfind('【').and_then(|at| t.get(at..))
        })?;
    Some(bracket.trim_start_matches(['（', '(', '【']))
}

/// Most names a closing credit holds.
const CLOSING_NAMES_MAX: usize = 6;
/// A closing reporter line is at most this long.
const CLOSING_LINE_MAX_CHARS: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_credits() {
        for (last, names) in [
            (
                "过一个平安、祥和、温馨、廉洁的新春佳节。（常书香 马丹阳 ）",
                &["常书香", "马丹阳"][..],
            ),
            (
                "……记者了解到，项目将于年底完工。（记者 张三）",
                &["张三"][..],
            ),
            ("新京报记者 彭冲 山东冠县报道", &["彭冲"][..]),
            ("“……利益再分配的过程吗？”（姚峰 上海报道）", &["姚峰"][..]),
            // Notes and other brackets are no credit.
            ("图为现场。（组图）", &[][..]),
            ("他说（见下文）还有更多。", &[][..]),
            ("全文完。（完）", &[][..]),
            ("【山田花子】", &["山田花子"][..]),
            ("【责任编辑：张三】", &[][..]),
            ("据新华社报道", &[][..]),
            (
                "……免费加入，定期获得信息交流。(信报记者 蔡雪婧)",
                &["蔡雪婧"][..],
            ),
        ] {
            assert_eq!(closing_credit(last), names, "{last}");
        }
    }

    #[test]
    fn closing_credit_lines() {
        assert_eq!(
            credit_line("责任编辑：王小明 审核：李四").map(|b| b.editors),
            Some(vec!["王小明".to_string(), "李四".to_string()])
        );
        assert_eq!(credit_line("会议指出，武侯区将进一步优化产业布局。"), None);
        let authors = |line| credit_line(line).map(|b| b.authors);
        assert_eq!(
            authors("□ 本报记者 葛灵丹"),
            Some(vec!["葛灵丹".to_string()])
        );
        assert_eq!(
            authors("本报记者 王燕平 方云凤 柏建斌").map(|a| a.len()),
            Some(3)
        );
        assert_eq!(
            authors("新华网黑龙江频道 记者 伊琳 李清芬"),
            Some(vec!["伊琳".to_string(), "李清芬".to_string()])
        );
        assert_eq!(
            authors("执笔人：闵乐夫 赵兰波 刘韬"),
            Some(vec!["闵乐夫".into(), "赵兰波".into(), "刘韬".into()])
        );
        assert_eq!(
            credit_line("2005-04-27 14:32更新 来源：千龙新闻网").and_then(|b| b.source),
            Some("千龙新闻网".to_string())
        );
        assert!(is_surnamed_name("胡平") && is_surnamed_name("欧阳修"));
        assert_eq!(
            signatory("……严格执行。\n\n特此通告。\n\n吉林省人民政府\n\n2022年1月27日").as_deref(),
            Some("吉林省人民政府")
        );
        // A closing place and date is no signature.
        assert_eq!(signatory("……完工。\n\n北京\n\n2022年1月27日"), None);
        assert!(is_date_line("2003-7-24 钱江晚报") && is_date_line("2024年11月16日 14:11"));
        assert!(!is_date_line(
            "2003年7月24日，钱江晚报记者来到现场调查了解情况。"
        ));
        // English: the date's own comma, a short label before it.
        for line in [
            "April 13, 2023",
            "Posted on April 13, 2023",
            "Published: Dec. 2, 2025",
        ] {
            assert!(is_date_line(line), "{line}");
        }
        for line in [
            "On April 13, 2023, the council met.",
            "Tuesday, the vote; April 13, 2023",
        ] {
            assert!(!is_date_line(line), "{line}");
        }
        assert!(!is_surnamed_name("摘要") && !is_surnamed_name("人物画像"));
        // Sentences that open with a credit word credit nobody.
        assert_eq!(authors("记者了解到，项目将于年底完工。"), None);
        assert_eq!(authors("记者从市交通局获悉"), None);
        // An outlet is a short name before the word, not any text.
        assert_eq!(authors("他对本报记者说"), None);
    }
}
