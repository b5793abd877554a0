//! Credits where a Chinese article closes: the reporters' names in brackets
//! ending the last paragraph (`（常书香 马丹阳）`), a last reporter line
//! (`新京报记者 彭冲 山东冠县报道`), and closing credit lines
//! (`责任编辑：王小明 审核：李四`). Read when the body is known, after the
//! credit lines above it.

use super::byline::{byline, split_names, Byline, Role, CREDIT_WORDS};
use crate::text::is_cjk_letter;

/// A closing paragraph that is a credit line (`责任编辑：王小明 审核：李四`,
/// `来源：人民网`): it starts with a credit word and is short.
pub fn closing_credit_line(paragraph: &str) -> Option<Byline> {
    let line = paragraph
        .trim()
        .trim_start_matches(['【', '[', '（', '('])
        .trim_end_matches(['】', ']', '）', ')']);
    let starts = CREDIT_WORDS.iter().any(|w| {
        matches!(w.reads, Some(Role::Source | Role::Author | Role::Editor))
            && line.starts_with(w.word)
    });
    (starts && line.chars().count() <= CLOSING_LINE_MAX_CHARS * 2).then(|| byline(line))
}

/// Authors credited where the body closes: names in brackets ending the
/// last paragraph (`……新春佳节。（常书香 马丹阳）`, `（记者 张三）`), or a
/// last line `新京报记者 彭冲 山东冠县报道` (the reporter, then where from).
pub fn closing_credit(last: &str) -> Vec<String> {
    let text = last.trim();
    if let Some(inner) = text
        .strip_suffix(['）', ')'])
        .and_then(|t| t.rfind(['（', '(']).map(|at| &t[at..]))
        .map(|t| t.trim_start_matches(['（', '(']))
    {
        let inner = inner.trim();
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

/// Whether a credit's word says where it was filed from (`上海报道`).
fn is_report_place(word: &str) -> bool {
    ["报道", "報導", "报导"].iter().any(|w| word.ends_with(w))
}

/// Most names a closing credit holds.
const CLOSING_NAMES_MAX: usize = 6;
/// A closing reporter line is at most this long.
const CLOSING_LINE_MAX_CHARS: usize = 40;

/// Words in closing brackets that are notes, not names (`（组图）`).
const NOT_NAMES: &[&str] = &[
    "组图", "組圖", "图文", "圖文", "待续", "待續", "未完", "原创", "原創", "转载", "轉載", "全文",
    "附图", "附圖", "视频", "視頻", "完",
];

/// A Chinese personal name: two to four Han characters, not a note word.
fn is_chinese_name(word: &str) -> bool {
    (2..=4).contains(&word.chars().count())
        && word.chars().all(is_cjk_letter)
        && !NOT_NAMES.contains(&word)
}

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
            ("据新华社报道", &[][..]),
        ] {
            assert_eq!(closing_credit(last), names, "{last}");
        }
    }

    #[test]
    fn closing_credit_lines() {
        assert_eq!(
            closing_credit_line("责任编辑：王小明 审核：李四").map(|b| b.editors),
            Some(vec!["王小明".to_string(), "李四".to_string()])
        );
        assert_eq!(
            closing_credit_line("会议指出，武侯区将进一步优化产业布局。"),
            None
        );
    }
}
