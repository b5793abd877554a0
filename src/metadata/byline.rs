//! Bylines and credit lines (`来源：` `编辑：` `By …`) to source, authors and
//! editors; the dateline opening a first paragraph.
//!
//! "Byline" here always means who wrote, sent or edited the article; a
//! photo's credit is a figure's (`segment::lines::split_caption`).

use super::dates::find_date_start;
use super::latin_names::without_date_lead;
use super::names::{
    before_label, bracketed_name, could_be_a_name, distributor, poster, split_names, unspaced_pair,
    without_staff_code,
};

/// Who a byline or credit line names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Byline {
    /// `来源：…` / `Source: …`.
    pub source: Option<String>,
    /// `作者` `记者` `通讯员` `By …`.
    pub authors: Vec<String>,
    /// `编辑` `责任编辑` `Editor`.
    pub editors: Vec<String>,
}

impl Byline {
    /// Adds what `more` names; the first source found stays.
    pub fn merge(&mut self, more: Byline) {
        if self.source.is_none() {
            self.source = more.source;
        }
        self.authors.extend(more.authors);
        self.editors.extend(more.editors);
    }
}

/// What the value after a credit word is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The outlet or agency the article comes from.
    Source,
    /// A writer or reporter.
    Author,
    /// An editor.
    Editor,
    /// Photographers, times and other credits with no field of their own:
    /// they still end the value before them.
    Other,
}

/// One word of the credit vocabulary.
pub struct CreditWord {
    /// The word as written.
    pub word: &'static str,
    /// The role of the value after it when a byline is read; `None`: the
    /// word marks a credit line but does not delimit values in it.
    pub reads: Option<Role>,
    /// Whether it marks a line as a credit line (the segmenter's
    /// `meta_keys` feature).
    pub marks_line: bool,
}

const fn word(word: &'static str, reads: Option<Role>, marks_line: bool) -> CreditWord {
    CreditWord {
        word,
        reads,
        marks_line,
    }
}

/// The one credit vocabulary, Simplified, Traditional, Japanese, English.
/// Longest first where one contains another, so `责任编辑` wins over `编辑`
/// when a byline is read.
pub const CREDIT_WORDS: &[CreditWord] = &[
    word("责任编辑", Some(Role::Editor), false),
    word("責任編輯", Some(Role::Editor), false),
    word("图片编辑", Some(Role::Editor), true),
    word("圖片編輯", Some(Role::Editor), true),
    word("来源", Some(Role::Source), true),
    word("來源", Some(Role::Source), true),
    word("稿源", Some(Role::Source), true),
    word("出处", Some(Role::Source), true),
    word("出處", Some(Role::Source), true),
    word("出典", Some(Role::Source), false),
    word("Source", Some(Role::Source), false),
    word("责编", Some(Role::Editor), true),
    word("責編", Some(Role::Editor), true),
    word("编辑", Some(Role::Editor), true),
    word("編輯", Some(Role::Editor), true),
    word("編集", Some(Role::Editor), false),
    word("Editor", Some(Role::Editor), false),
    word("审核", Some(Role::Editor), true),
    word("審核", Some(Role::Editor), true),
    word("校对", Some(Role::Editor), true),
    word("校對", Some(Role::Editor), true),
    word("监制", Some(Role::Editor), true),
    word("監製", Some(Role::Editor), true),
    word("作者", Some(Role::Author), true),
    word("执笔人", Some(Role::Author), true),
    word("執筆人", Some(Role::Author), true),
    word("执笔", Some(Role::Author), true),
    word("執筆", Some(Role::Author), true),
    word("实习生", Some(Role::Author), true),
    word("實習生", Some(Role::Author), true),
    word("撰文", Some(Role::Author), true),
    word("撰稿", Some(Role::Author), true),
    word("通讯员", Some(Role::Author), true),
    word("通訊員", Some(Role::Author), true),
    word("记者", Some(Role::Author), true),
    word("記者", Some(Role::Author), true),
    word("文/", Some(Role::Author), true),
    word("文／", Some(Role::Author), true),
    word("图/", Some(Role::Other), true),
    word("圖/", Some(Role::Other), true),
    word("图／", Some(Role::Other), true),
    word("圖／", Some(Role::Other), true),
    // (Before `By `, which they hold.)
    word("Written by", Some(Role::Author), true),
    word("Written By", Some(Role::Author), true),
    word("WRITTEN BY", Some(Role::Author), true),
    word("Text by", Some(Role::Author), true),
    // A wire story's closing credit (`(Reporting by …; Editing by …)`),
    // read in the end mark; it marks no line ("reporting by" is prose).
    word("Reporting by", Some(Role::Author), false),
    word("reporting by", Some(Role::Author), false),
    word("Editing by", Some(Role::Editor), false),
    word("editing by", Some(Role::Editor), false),
    word("By ", Some(Role::Author), true),
    word("BY ", Some(Role::Author), false),
    word("摄影", Some(Role::Other), true),
    word("攝影", Some(Role::Other), true),
    word("发布时间", Some(Role::Other), true),
    word("发布日期", Some(Role::Other), true),
    word("發布日期", Some(Role::Other), true),
    word("發布時間", Some(Role::Other), true),
    word("Updated", Some(Role::Other), true),
    word("Published", Some(Role::Other), true),
    word("最后更新", Some(Role::Other), true),
    word("最後更新", Some(Role::Other), true),
    word("发布于", None, true),
    word("发表于", None, true),
    word("發表於", None, true),
    word("配信", None, true),
    word("更新", None, true),
    word("Posted", None, true),
    word("Source:", None, true),
];

/// News agencies that follow a byline as the source: `By John Smith, Reuters`.
pub(super) const AGENCIES: &[&str] = &[
    "Associated Press",
    "AP",
    "Reuters",
    "AFP",
    "Bloomberg",
    "Xinhua",
    "Kyodo",
    "共同",
    "共同通信",
    "時事",
    "時事通信",
    "ロイター",
    "新华社",
    "新華社",
    "中新社",
    "中央社",
];

/// Whether a credited name is a news agency (the article's source, not
/// its author): `By John Smith, Reuters`, `（共同）` closing a Japanese report.
pub fn is_agency(name: &str) -> bool {
    AGENCIES.contains(&name)
}

/// The agency a dateline opens with (`新华社北京11月16日电`,
/// `中央社記者黃志明澎湖16日電`): the report's source.
pub fn dateline_agency(line: &str) -> Option<&'static str> {
    AGENCIES
        .iter()
        .find(|a| !a.is_ascii() && line.starts_with(*a))
        .copied()
}

/// Reads `来源：中新网四川 编辑：曹惠君`, `By John Smith and Jane Doe | Updated …`.
pub fn byline(line: &str) -> Byline {
    let opened = opening_by(line);
    let line = opened.as_ref();
    // (byte position, key length, role), non-overlapping, in order.
    let mut keys: Vec<(usize, usize, Role)> = Vec::new();
    for (key, role) in CREDIT_WORDS.iter().filter_map(|w| Some((w.word, w.reads?))) {
        for (at, _) in line.match_indices(key) {
            // Latin words and `文/` `图/` start a credit only at a word's
            // start (`中文/英文` credits nobody).
            let bounded = key.is_ascii() || key.ends_with(['/', '／']);
            let boundary = !bounded
                || at == 0
                || line
                    .get(..at)
                    .is_some_and(|b| b.ends_with([' ', '|', '\n', '·', '\u{3000}', '（', '(']));
            let overlaps = keys
                .iter()
                .any(|&(p, l, _)| at < p + l && p < at + key.len());
            if boundary && !overlaps {
                keys.push((at, key.len(), role));
            }
        }
    }
    keys.sort_by_key(|&(p, _, _)| p);
    let mut out = Byline::default();
    for (n, &(at, len, role)) in keys.iter().enumerate() {
        let end = keys.get(n + 1).map_or(line.len(), |&(p, _, _)| p);
        let Some(value) = credit_value(line.get(at + len..end).unwrap_or_default(), role) else {
            continue;
        };
        let value = value.as_str();
        match role {
            // (Markup a broken template left in the line is no source.)
            Role::Source if !value.contains(['=', '"', '<', '>']) => {
                if let Some(source) = clean_source(value) {
                    out.source.get_or_insert(source);
                }
            }
            Role::Source => {}
            Role::Editor => out.editors.extend(
                split_names(value)
                    .iter()
                    .map(|n| without_staff_code(n))
                    .filter(|n| could_be_a_name(n)),
            ),
            // (`作者：本报记者 陈晨`: the outlet before `记者` is no name.)
            Role::Author
                if keys.get(n + 1).is_some_and(|k| k.2 == Role::Author)
                    && is_outlet_prefix(value) => {}
            Role::Author => {
                for name in split_names(value)
                    .iter()
                    .map(|n| without_staff_code(n))
                    .filter(|n| could_be_a_name(n))
                {
                    if is_agency(&name) {
                        out.source.get_or_insert(name);
                    } else {
                        out.authors.push(name);
                    }
                }
            }
            Role::Other => {}
        }
    }
    if out.authors.is_empty() && out.source.is_some() {
        out.authors = bracketed_name(line).into_iter().collect();
    }
    if out.authors.is_empty() {
        out.authors = poster(line).into_iter().collect();
    }
    if out.source.is_none() {
        out.source = line.lines().find_map(distributor);
    }
    out
}

/// A line opening with a lower-case `by` or a `By:` (`by Jon Foster -
/// 2025-09-13`, `by: Ziyi Xu, Dec 17, 2025`) reads as `By`; inside a line
/// it stays a preposition (`photo by …`).
fn opening_by(line: &str) -> std::borrow::Cow<'_, str> {
    // (`By:` only opening the line: `Sort By: Best Selling` credits nobody.)
    let opened = ["by ", "by:", "By:", "BY:"]
        .iter()
        .find_map(|by| line.strip_prefix(by));
    match opened {
        Some(rest) => format!("By {}", rest.trim_start()).into(),
        None => line.into(),
    }
}

/// The value after a credit word, up to where it ends; `None` when the
/// word was no credit.
fn credit_value(value: &str, role: Role) -> Option<String> {
    // A credit word used as a noun in a sentence (`尊重作者的劳动`,
    // `给出作者姓名和引用地址。`) credits nobody.
    if value.starts_with('的') {
        return None;
    }
    let value = value.trim_start_matches([':', '：', ' ', '\u{3000}']);
    let spaced = unspaced_pair(value);
    let value = spaced.as_deref().unwrap_or(value);
    // The value ends at a line break, a wide gap, a bar, or a date.
    let value = value
        .split(['|', '｜', '\u{3000}', '\n'])
        .next()
        .unwrap_or_default();
    if value.contains('。') {
        return None;
    }
    let value = value.split("  ").next().unwrap_or_default();
    let value = match find_date_start(value) {
        Some(cut) => without_date_lead(value.get(..cut).unwrap_or_default()),
        None => value,
    };
    // (A dash before the cut date separated it: `Jon Foster - 2025-09-13`.)
    let value = value
        .trim()
        .trim_end_matches([',', '，', ';', '-', '–', '—', '·'])
        .trim();
    // (`新京报记者 何青 摄` under a picture credits its photographer.)
    if role == Role::Author
        && ["摄", "攝", "供图", "供圖"]
            .iter()
            .any(|w| value.ends_with(w))
    {
        return None;
    }
    // (`【责任编辑:孙立 】`: the bracket closes the line, not the name.)
    let value = value.trim_end_matches(['】', ']', '）', ')']).trim_end();
    // A source ends where a bracketed control group starts
    // (`新华社　【字体：大 中 小】打印`).
    let value = match role {
        Role::Source => match value.char_indices().skip(1).find(|&(_, c)| c == '【') {
            Some((at, _)) => value.get(..at).unwrap_or(value).trim_end(),
            None => value,
        },
        _ => value,
    };
    // A name ends at a full-width colon: what follows is where the
    // person works (`作者：赵  培：北京物资学院，北京`) or another
    // label's value (`作者： 流泉 访问统计：…`).
    let value = match role {
        Role::Author | Role::Editor => before_label(value),
        _ => value,
    };
    (!value.is_empty()).then(|| value.to_string())
}

/// Whether `value` is an outlet's name set before a reporter's credit
/// (`本报`, `新京报`, `新华网黑龙江频道`), not a name.
fn is_outlet_prefix(value: &str) -> bool {
    ["本报", "本報", "本台", "本网", "本網", "本刊"].contains(&value)
        || (value.chars().count() >= 3
            && ["报", "報", "网", "網", "台", "社", "频道", "頻道"]
                .iter()
                .any(|e| value.ends_with(e)))
}

/// Words a CMS prints after the source on the same line: controls
/// (`举报` report, `纠错` correct, `打印` print…), not the source.
const SOURCE_UI_WORDS: &[&str] = &[
    "举报",
    "舉報",
    "纠错",
    "糾錯",
    "打印",
    "关闭",
    "關閉",
    "收藏",
    "分享到",
    "分享",
    "发表评论",
    "發表評論",
    "评论",
    "評論",
    "字号",
    "字號",
    "大",
    "中",
    "小",
];

/// A source value cleaned: trailing control words out, and an agency
/// quoted as `据新华社报道` / `据新华社消息` read as `新华社`.
fn clean_source(value: &str) -> Option<String> {
    let mut words: Vec<&str> = value.split_whitespace().collect();
    while words.len() > 1 && words.last().is_some_and(|w| SOURCE_UI_WORDS.contains(w)) {
        words.pop();
    }
    let joined = words.join(" ");
    let mut source = joined.as_str();
    for prefix in ["据", "據"] {
        source = source.strip_prefix(prefix).unwrap_or(source);
    }
    for suffix in ["报道", "報導", "消息", "电", "電"] {
        if let Some(rest) = source
            .strip_suffix(suffix)
            .filter(|r| r.chars().count() >= 2)
        {
            if joined.starts_with(['据', '據']) {
                source = rest;
            }
        }
    }
    // (`来源：[ 国际金融报 ]`: the brackets frame the value; an icon font's
    // private-use glyph may follow them.)
    let icon = |c: char| c.is_whitespace() || ('\u{E000}'..='\u{F8FF}').contains(&c);
    let source = source
        .trim_matches(icon)
        .trim_start_matches(['[', '【', '〔'])
        .trim_end_matches([']', '】', '〕'])
        .trim();
    (!source.is_empty()).then(|| source.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_holding_a_credit_word_names_nobody() {
        let b = byline("这是一个测试，记者在现场观察到许多变化，民众也表达了他们的看法。");
        assert!(b.authors.is_empty(), "{:?}", b.authors);
        let b = byline("来源：联合报 编辑：张小明\n这是一个测试，国际新闻报导的内容");
        assert_eq!(b.editors, ["张小明"]);
        assert_eq!(byline("新华社记者 张三 李四").authors, ["张三", "李四"]);
    }

    #[test]
    fn chinese_cms_credit_lines() {
        let b = byline("责任编辑：王小明 PN080");
        assert_eq!(b.editors, ["王小明"]);
        assert_eq!(byline("责任编辑：王小明_NB12345").editors, ["王小明"]);
        assert_eq!(
            byline("责任编辑：王小明 审核：李四 校对：赵五").editors,
            ["王小明", "李四", "赵五"]
        );
        assert_eq!(
            byline("来源：人民网-人民日报 举报").source.as_deref(),
            Some("人民网-人民日报")
        );
        assert_eq!(
            byline("来源：据新华社报道 最后更新: 2024-11-16")
                .source
                .as_deref(),
            Some("新华社")
        );
        assert_eq!(byline("稿源：中新网").source.as_deref(), Some("中新网"));
        // Brackets and an icon glyph around the source, a comment prompt after it.
        assert_eq!(
            byline("[ 黄宇 ]\u{e5c2} 来源：[ 国际金融报 ]\u{e5c2}")
                .source
                .as_deref(),
            Some("国际金融报")
        );
        assert_eq!(
            byline("来源：千龙新闻网 发表评论").source.as_deref(),
            Some("千龙新闻网")
        );
        let b = byline("文/张三 图/李四");
        assert_eq!((b.authors, b.editors), (vec!["张三".to_string()], vec![]));
        assert!(byline("中文/英文版本同时发布").authors.is_empty());
        // A Latin name keeps its parts.
        assert_eq!(byline("By John Smith").authors, ["John Smith"]);
        assert_eq!(byline("by: Ziyi Xu, Dec 17, 2025").authors, ["Ziyi Xu"]);
        assert_eq!(byline("By: Ziyi Xu").authors, ["Ziyi Xu"]);
        assert!(byline("Sort By: Best Selling").authors.is_empty());
    }

    #[test]
    fn a_source_of_template_debris_is_none() {
        let b = byline("来源：size=\"20\" 发布日期： 7/5/2005 9:23:57 PM");
        assert_eq!(b.source, None);
        assert_eq!(
            byline("来源：新华网 发布日期：2005-05-07")
                .source
                .as_deref(),
            Some("新华网")
        );
    }

    #[test]
    fn template_debris_after_a_credit_word_is_no_name() {
        for line in [
            "作者： size=\"20\" 来源： 新华网",
            "作者：L_104485",
            "作者： 能力值:545803",
        ] {
            assert!(byline(line).authors.is_empty(), "{line}");
        }
        assert_eq!(byline("By 3i Global").authors, ["3i Global"]);
        assert_eq!(byline("作者：张三").authors, ["张三"]);
    }

    #[test]
    fn names_split() {
        assert_eq!(split_names("张三、李四和王五"), ["张三", "李四", "王五"]);
        assert_eq!(split_names("张三 李四"), ["张三", "李四"]);
        assert_eq!(
            split_names("John Smith and Jane Doe"),
            ["John Smith", "Jane Doe"]
        );
        assert_eq!(split_names("曹惠君"), ["曹惠君"]);
        // A two-character name spaced out to align with longer ones.
        assert_eq!(split_names("赵  培"), ["赵培"]);
        assert_eq!(split_names("王　伟 李小明"), ["王伟", "李小明"]);
        assert_eq!(byline("作者: 赵 培：北京物资学院，北京").authors, ["赵培"]);
        assert_eq!(byline("作者：赵  培  2018-08-23").authors, ["赵培"]);
        assert_eq!(byline("编辑：王　伟").editors, ["王伟"]);
        assert_eq!(byline("【责任编辑:孙立 】").editors, ["孙立"]);
        assert_eq!(byline("作者：本报记者 陈晨").authors, ["陈晨"]);
        assert!(byline("老街夜市人流如织。新京报记者 何青 摄")
            .authors
            .is_empty());
        assert_eq!(
            byline("2024-11-16 15:10 聯合報 / 記者林怡君／台北即時報導").authors,
            ["林怡君"]
        );
        let b = byline("责任编辑：沈文 图片编辑：金鑫");
        assert_eq!(b.editors, ["沈文", "金鑫"]);
        assert_eq!(
            byline("2024-11-16 17:00　来源：新华社　【字体：大 中 小】打印")
                .source
                .as_deref(),
            Some("新华社")
        );
        assert_eq!(byline("- 作者： 流泉 访问统计：").authors, ["流泉"]);
        assert_eq!(
            byline("2004年7月16日08:19 [ 黄宇 ]  来源：[ 国际金融报 ]").authors,
            ["黄宇"]
        );
        assert_eq!(
            byline("[湖湘文化]陈天华《警世钟》 ggjjzhzz 发表于 2005-9-15 11:46:00").authors,
            ["ggjjzhzz"]
        );
        assert!(byline(
            "为了尊重作者的劳动，文中会尽量给出作者姓名和引用地址。如有版权争议，请联系站长"
        )
        .authors
        .is_empty());
        // Without a source beside it, a bracketed word is no credit.
        assert!(byline("[ 黄宇 ] 2004年7月16日").authors.is_empty());
        assert_eq!(byline("作者：张 三 李四").authors, ["张三", "李四"]);
    }

    #[test]
    fn credit_lines() {
        let c = byline("2024年11月16日 14:11 来源：中新网四川 编辑：曹惠君");
        assert_eq!(c.source.as_deref(), Some("中新网四川"));
        assert_eq!(c.editors, ["曹惠君"]);
        let c = byline("来源：新华网 作者：张三、李四 责任编辑：王五");
        assert_eq!(
            (c.source.as_deref(), c.authors.len(), c.editors.as_slice()),
            (Some("新华网"), 2, &["王五".to_string()][..])
        );
        let c =
            byline("By John Smith and Jane Doe, Reuters | Updated 2:11 PM EST, November 16, 2024");
        assert_eq!(c.authors, ["John Smith", "Jane Doe"]);
        assert_eq!(c.source.as_deref(), Some("Reuters"));
        let c = byline("2024年11月16日 14時11分 配信 記者 山田太郎");
        assert_eq!(c.authors, ["山田太郎"]);
        assert_eq!(byline("本网讯 会议召开"), Byline::default());
    }

    #[test]
    fn written_by_credits_the_author() {
        for line in [
            "Written by: Elise Nass",
            "Written By Elise Nass | Updated: December 31, 2024",
            "WRITTEN BY Elise Nass",
            "Text by Elise Nass",
            "by Elise Nass - 2025-09-13",
        ] {
            assert_eq!(byline(line).authors, ["Elise Nass"], "{line}");
        }
        // A lower-case `by` inside a line is a preposition.
        assert!(byline("Photo taken by Elise Nass").authors.is_empty());
    }

    #[test]
    fn a_portals_distribution_line_names_its_outlet() {
        let source = |line: &str| byline(line).source;
        assert_eq!(
            source("毎日新聞 11/29（金） 10:05 配信").as_deref(),
            Some("毎日新聞")
        );
        assert_eq!(
            source("TBS NEWS DIG Powered by JNN 2024/11/29 10:05配信").as_deref(),
            Some("TBS NEWS DIG Powered by JNN")
        );
        assert_eq!(
            source("共同通信\u{3000}11/29(金) 10:05配信").as_deref(),
            Some("共同通信")
        );
        // (No outlet before the date, or no date: nothing to read.)
        assert_eq!(source("11/29（金） 10:05 配信"), None);
        assert_eq!(source("ニュースを毎日配信"), None);
        assert_eq!(source("最新ニュースを配信"), None);
    }
}
