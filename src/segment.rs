//! Stage 4, segment: plain-text lines → header, breadcrumbs, title, meta
//! lines, body paragraphs, figure captions, end mark and boilerplate.
//!
//! Each line gets named [`Features`]; each class gets a score from them
//! ([`scores`]); a single pass then reads the page top to bottom with the
//! scores and a few ordering rules (the title comes before the body, the
//! boilerplate tail after it). The features and weights are documented in
//! `docs/ARCHITECTURE.md`; nothing here names a site.

pub mod html;
pub mod html_meta;

use crate::article::BoilerplateKind;
use crate::metadata::find_date;

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Site header, menus.
    Navigation,
    /// A breadcrumb trail.
    Breadcrumbs,
    /// The headline.
    Title,
    /// Date, source, editor, author lines.
    Meta,
    /// Running text.
    Paragraph,
    /// A subheading inside the body.
    Heading,
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
    /// Credit keywords: `来源` `编辑` `作者` `记者` `By` `Updated` `配信` ….
    pub meta_keys: usize,
    /// Contains a full date.
    pub date: bool,
    /// Ends with a photo credit (`供图` `摄` `Photo:` …) or starts with `图为`.
    pub credit: bool,
    /// Is an end mark (`（完）` `-- END --` `【责任编辑：…】`).
    pub end_mark: bool,
    /// Boilerplate keywords, strongest kind first.
    pub boilerplate: Option<(BoilerplateKind, usize)>,
    /// Starts with an enumeration (`①` `1.` `1、`).
    pub enumerated: bool,
    /// Navigation words (`首页` `正文` `Home` `登录` …).
    pub nav_words: usize,
}

const META_KEYS: &[&str] = &[
    "来源",
    "來源",
    "编辑",
    "編輯",
    "责编",
    "責編",
    "作者",
    "记者",
    "記者",
    "通讯员",
    "通訊員",
    "摄影",
    "攝影",
    "撰文",
    "撰稿",
    "发布时间",
    "發布時間",
    "发布于",
    "配信",
    "更新",
    "By ",
    "Updated",
    "Published",
    "Posted",
    "Source:",
];

const NAV_WORDS: &[&str] = &[
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

const CREDIT_SUFFIXES: &[&str] = &[
    "供图", "供圖", "摄", "攝", "摄影", "攝影", "图", "圖", "提供",
];

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

/// Keywords of each boilerplate kind, Simplified, Traditional, English, Japanese.
const BOILERPLATE: &[(BoilerplateKind, &[&str])] = &[
    (
        BoilerplateKind::Disclaimer,
        &[
            "版权",
            "版權",
            "免责",
            "免責",
            "声明",
            "聲明",
            "Copyright",
            "copyright",
            "©",
            "All rights reserved",
            "转载",
            "轉載",
            "未经",
            "未經",
            "授权",
            "授權",
            "法律责任",
            "法律責任",
            "联系方式",
            "聯系方式",
            "聯繫方式",
            "电话",
            "電話",
            "邮箱",
            "郵箱",
            "無断転載",
            "著作権",
        ],
    ),
    (
        BoilerplateKind::Share,
        &[
            "分享到",
            "分享",
            "微信",
            "微博",
            "扫一扫",
            "掃一掃",
            "二维码",
            "二維碼",
            "Share",
            "Tweet",
            "Facebook",
            "Follow us",
            "Follow @",
            "Subscribe",
            "newsletter",
            "Sign up",
        ],
    ),
    (
        BoilerplateKind::Related,
        &[
            "相关新闻",
            "相關新聞",
            "相关阅读",
            "相關閱讀",
            "推荐阅读",
            "推薦閱讀",
            "延伸阅读",
            "点击进入",
            "點擊進入",
            "专题",
            "專題",
            "Related",
            "Read more",
            "More from",
            "関連記事",
            "Top stories",
            "Most read",
            "Most popular",
            "You may also like",
            "Recommended",
            "More stories",
            "Also read",
            "猜你喜欢",
            "热点新闻",
            "熱點新聞",
            "Tags",
            "标签",
            "標籤",
        ],
    ),
    (
        BoilerplateKind::Comments,
        &[
            "发表评论",
            "發表評論",
            "评论",
            "評論",
            "留言",
            "Comments",
            "comment",
            "コメント",
            "Join the conversation",
            "what YOU think",
            "what you think",
            "Leave a comment",
            "Leave a Reply",
        ],
    ),
    (
        BoilerplateKind::Ads,
        &[
            "广告",
            "廣告",
            "Advertisement",
            "Sponsored",
            "推广",
            "推廣",
            "Advert",
        ],
    ),
    (
        BoilerplateKind::Footer,
        &[
            "关于我们",
            "關於我們",
            "About us",
            "网站地图",
            "網站地圖",
            "Sitemap",
            "ICP备",
            "ICP證",
            "Privacy Policy",
            "Terms of",
        ],
    ),
];

fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['”', '」', '』', '"', '\'', '’', '）', ')']);
    trimmed.ends_with(['。', '！', '？', '.', '!', '?', '…', '；'])
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
            .all(|i| !i.is_empty() && i.chars().count() <= 16);
        if items.len() >= 3 && short && !ends_sentence(text) {
            return items.iter().map(|i| i.to_string()).collect();
        }
    }
    Vec::new()
}

/// Splits the end mark off a line: `(…动力。, （完）)`.
pub fn split_end_mark(text: &str) -> Option<(&str, &str)> {
    let trimmed = text.trim_end();
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
        sentences: text.matches(['。', '！', '？']).count() + text.matches(". ").count(),
        crumbs: crumb_items(text).len(),
        meta_keys: count_any(text, META_KEYS)
            + usize::from(text.starts_with("By ") || text.starts_with("BY ")),
        date: find_date(text, None).is_some(),
        credit: CREDIT_SUFFIXES.iter().any(|s| text.ends_with(s))
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

/// Scores of a line for each class (higher is likelier); see `docs/ARCHITECTURE.md`.
pub fn scores(f: &Features) -> [(LineKind, i32); 7] {
    let n = |b: bool| i32::from(b);
    let long = f.chars >= 40;
    let short = f.chars <= 24;
    let boiler = f.boilerplate.map_or(0, |(_, k)| k.min(3) as i32);
    [
        (
            LineKind::Navigation,
            2 * n(short && !f.sentence_end) + 2 * f.nav_words.min(2) as i32 - 3 * n(f.sentence_end),
        ),
        (LineKind::Breadcrumbs, 5 * n(f.crumbs >= 3)),
        (
            LineKind::Meta,
            3 * n(f.date) + 2 * f.meta_keys.min(3) as i32
                - 2 * n(f.chars > 120)
                - 3 * n(f.sentences >= 2),
        ),
        (
            LineKind::Paragraph,
            2 * n(long) + 2 * n(f.sentence_end) + n(f.indented) + n(f.sentences >= 2),
        ),
        (
            LineKind::Caption,
            3 * n(f.credit && f.chars <= 160) - 2 * n(f.indented) - n(f.sentences >= 3),
        ),
        (LineKind::EndMark, 6 * n(f.end_mark)),
        (
            LineKind::Boilerplate(f.boilerplate.map_or(BoilerplateKind::Other, |(k, _)| k)),
            2 * boiler + 2 * n(f.enumerated) - n(f.indented),
        ),
    ]
}

/// A body item in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyItem {
    /// A paragraph.
    Paragraph(String),
    /// A subheading.
    Heading(String),
    /// A list's items.
    List(Vec<String>),
    /// A block quotation.
    Quote(String),
    /// Preformatted text.
    Code(String),
    /// A data table: one row a line, cells separated by tabs.
    Table(String),
    /// A figure: caption, credit, and the image when the page has one.
    Figure {
        /// What the picture shows.
        caption: String,
        /// Who took or supplied it.
        credit: Option<String>,
        /// The image URL as written.
        src: Option<String>,
        /// The image's alternative text.
        alt: Option<String>,
    },
}

/// The page read into its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    /// Header lines before the title (site name, menus).
    pub header: Vec<String>,
    /// The breadcrumb line and its items.
    pub breadcrumbs: Option<(String, Vec<String>)>,
    /// The headline.
    pub title: Option<String>,
    /// Meta lines (date, source, editors).
    pub meta: Vec<String>,
    /// The body.
    pub body: Vec<BodyItem>,
    /// The end mark.
    pub end_mark: Option<String>,
    /// Boilerplate after (and around) the body, consecutive lines of a kind merged.
    pub boilerplate: Vec<(BoilerplateKind, String)>,
}

fn best(f: &Features) -> (LineKind, i32) {
    scores(f)
        .into_iter()
        .max_by_key(|&(_, s)| s)
        .unwrap_or((LineKind::Paragraph, 0))
}

/// Whether a line reads like a headline: a phrase, not a sentence or a label.
fn title_score(f: &Features, next: Option<&Features>) -> i32 {
    let n = |b: bool| i32::from(b);
    3 * n((6..=90).contains(&f.chars)) - 3 * n(f.sentence_end && f.sentences > 1)
        + 3 * n(next.is_some_and(|x| x.date || x.meta_keys > 0))
        - 4 * n(f.date || f.meta_keys > 0)
        - 4 * n(f.crumbs >= 3)
        - 2 * n(f.nav_words > 0)
        - 2 * n(f.chars > 60)
}

/// Splits a caption line into caption and credit: the credit is the part
/// after the last sentence end (`…召开。武侯区委宣传部供图`), or a trailing
/// parenthesis (`（记者 张三 摄）`), or what follows `Photo:`.
pub fn split_caption(text: &str) -> (String, Option<String>) {
    if let Some((caption, credit)) = text
        .split_once("Photo: ")
        .or_else(|| text.split_once("Credit: "))
    {
        return (caption.trim().to_string(), Some(credit.trim().to_string()));
    }
    if let Some(start) = text.rfind(['（', '(']) {
        let inside = text.get(start..).unwrap_or_default();
        if inside.ends_with(['）', ')'])
            && CREDIT_SUFFIXES
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

/// Reads plain text into [`Segments`].
pub fn segment(text: &str) -> Segments {
    let lines: Vec<(&str, Features)> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| (l, features(l)))
        .collect();
    let mut out = Segments::default();
    let kinds: Vec<(LineKind, i32)> = lines.iter().map(|(_, f)| best(f)).collect();

    // The body starts at the first line that is clearly running text.
    let first_paragraph = kinds
        .iter()
        .zip(&lines)
        .position(|((k, s), (_, f))| *k == LineKind::Paragraph && *s >= 4 && f.chars >= 30)
        .unwrap_or(0);

    // Title: the most headline-like line before the body.
    let title_at = (0..first_paragraph)
        .map(|i| {
            let f = lines.get(i).map(|(_, f)| f);
            let next = lines.get(i + 1).map(|(_, f)| f);
            (i, f.map_or(i32::MIN, |f| title_score(f, next)))
        })
        .filter(|&(_, s)| s >= 3)
        .max_by_key(|&(i, s)| (s, std::cmp::Reverse(i)))
        .map(|(i, _)| i);

    for (i, ((raw, f), (kind, _))) in lines.iter().zip(&kinds).enumerate().take(first_paragraph) {
        let line = raw.trim().to_string();
        if Some(i) == title_at {
            out.title = Some(line);
        } else if title_at.is_some_and(|t| i > t) || f.date || f.meta_keys > 0 {
            if f.date || f.meta_keys > 0 {
                out.meta.push(line);
            } else {
                out.header.push(line);
            }
        } else if f.crumbs >= 3 && out.breadcrumbs.is_none() {
            out.breadcrumbs = Some((line.clone(), crumb_items(&line)));
        } else if let LineKind::Boilerplate(k) = kind {
            out.boilerplate.push((*k, line));
        } else {
            out.header.push(line);
        }
    }

    // Body until the tail: an end mark, or boilerplate after the body.
    let mut in_tail = false;
    let body_indented = lines
        .get(first_paragraph..)
        .unwrap_or_default()
        .iter()
        .filter(|(_, f)| f.chars >= 30)
        .filter(|(_, f)| f.indented)
        .count()
        * 2
        > lines.len().saturating_sub(first_paragraph).min(4);
    for (i, ((raw, f), (kind, score))) in lines.iter().zip(&kinds).enumerate().skip(first_paragraph)
    {
        let next_is_paragraph = lines
            .get(i + 1)
            .is_some_and(|(_, next)| next.chars >= 30 && next.sentence_end);
        let line = raw.trim();
        if in_tail {
            let k = match kind {
                LineKind::Boilerplate(k) => *k,
                _ => f.boilerplate.map_or(BoilerplateKind::Other, |(k, _)| k),
            };
            push_boilerplate(&mut out.boilerplate, k, line);
            continue;
        }
        match kind {
            LineKind::EndMark => {
                out.end_mark = Some(line.to_string());
                in_tail = true;
            }
            LineKind::Boilerplate(k) if *score >= 2 && !out.body.is_empty() => {
                push_boilerplate(&mut out.boilerplate, *k, line);
                in_tail = true;
            }
            LineKind::Caption if !(body_indented && f.indented) => {
                let (caption, credit) = split_caption(line);
                out.body.push(BodyItem::Figure {
                    caption,
                    credit,
                    src: None,
                    alt: None,
                });
            }
            _ if f.chars <= 40
                && !f.sentence_end
                && f.sentences == 0
                && f.crumbs < 3
                && next_is_paragraph
                && out.body.iter().any(|b| matches!(b, BodyItem::Paragraph(_))) =>
            {
                out.body.push(BodyItem::Heading(line.to_string()));
            }
            _ => {
                if let Some((rest, mark)) = split_end_mark(line) {
                    if !rest.is_empty() {
                        out.body.push(BodyItem::Paragraph(rest.to_string()));
                    }
                    out.end_mark = Some(mark.to_string());
                    in_tail = true;
                } else {
                    out.body.push(BodyItem::Paragraph(line.to_string()));
                }
            }
        }
    }
    out
}

fn push_boilerplate(list: &mut Vec<(BoilerplateKind, String)>, kind: BoilerplateKind, line: &str) {
    match list.last_mut() {
        Some((k, text)) if *k == kind => {
            text.push('\n');
            text.push_str(line);
        }
        _ => list.push((kind, line.to_string())),
    }
}

/// The dateline opening a first paragraph, with any reporter credit after it:
/// `中新网四川新闻11月16日电`, `新华社北京3月1日电（记者 张三）`,
/// `BEIJING, March 1 (Reuters) -`, `WASHINGTON (AP) —`.
pub fn dateline(paragraph: &str) -> Option<(String, Option<String>)> {
    let head: String = paragraph.chars().take(60).collect();
    // Chinese: …M月D日电 / …讯
    for (i, c) in head.char_indices() {
        if (c == '电' || c == '電' || c == '讯' || c == '訊') && i > 0 {
            let before = head.get(..i)?;
            let by_date = before.ends_with('日');
            let bureau = before.ends_with("本报") || before.ends_with("本報");
            if by_date || bureau {
                let line = head.get(..i + c.len_utf8())?.trim().to_string();
                let rest = paragraph.get(line.len()..).unwrap_or_default().trim_start();
                let reporter = rest
                    .strip_prefix('（')
                    .or_else(|| rest.strip_prefix('('))
                    .and_then(|r| r.split_once(['）', ')']))
                    .map(|(inside, _)| inside.to_string())
                    .filter(|inside| {
                        inside.starts_with("记者")
                            || inside.starts_with("記者")
                            || inside.starts_with("通讯员")
                    });
                return Some((line, reporter));
            }
            break;
        }
    }
    // English wire: an upper-case place, optional date and agency, then a dash.
    for dash in [" - ", " — ", " – ", " -- "] {
        if let Some(at) = head.find(dash) {
            let before = head.get(..at)?;
            let first = before.split([',', ' ', '(']).next().unwrap_or_default();
            let place = first.chars().count() >= 3
                && first.chars().all(|c| c.is_ascii_uppercase() || c == '.');
            if place && before.chars().count() <= 50 {
                return Some((head.get(..at + dash.len())?.trim().to_string(), None));
            }
        }
    }
    None
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
        assert!(features("武侯区产业园区高质量发展大会15日召开。武侯区委宣传部供图").credit);
        assert!(features("（完）").end_mark);
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
    fn datelines() {
        assert_eq!(
            dateline("中新网四川新闻11月16日电 武侯区产业园区高质量发展大会15日召开。"),
            Some(("中新网四川新闻11月16日电".to_string(), None))
        );
        assert_eq!(
            dateline("新华社北京3月1日电（记者 张三、李四）国务院……"),
            Some((
                "新华社北京3月1日电".to_string(),
                Some("记者 张三、李四".to_string())
            ))
        );
        assert_eq!(
            dateline("BEIJING, March 1 (Reuters) - China's factory activity grew."),
            Some(("BEIJING, March 1 (Reuters) -".to_string(), None))
        );
        assert_eq!(
            dateline("WASHINGTON (AP) — The Senate voted on Tuesday."),
            Some(("WASHINGTON (AP) —".to_string(), None))
        );
        assert_eq!(dateline("The Senate voted - narrowly - on Tuesday."), None);
        assert_eq!(dateline("会议强调，要在发电领域加力。"), None);
    }
}
