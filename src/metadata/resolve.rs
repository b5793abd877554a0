//! The whole metadata precedence in one place: what the markup states
//! ([`PageMeta`]), what the visible credit lines, dateline and end mark say,
//! and the text's language, resolved into one set of fields.
//!
//! - language: detected from the body (else from the whole text), else `<html lang>`;
//! - published: markup → the credit lines near the headline (else those
//!   opening the body) → a date an element shows → the dateline (the first
//!   found in that order wins; a day-only markup date yields to a timed
//!   visible one of the same day), else a JSON-LD page object's date,
//!   else the modified time (the version the reader has); modified: markup
//!   only; a time without an
//!   offset takes the language's region offset ([`default_offset`]);
//! - source and editors: the credit lines near the headline and opening the
//!   body, then the dateline's reporter credit and agency, then the lines
//!   just after the body, the end mark (`【责任编辑：…】`) and the body's
//!   closing lines and brackets; else the element whose class names the
//!   source; the first source wins; a surnamed name as the only source is
//!   the author (`来源: 尹娟`);
//! - authors: markup (less organisations and a CJK portal's own name), else
//!   the visible bylines (the body's opening credit replacing those around
//!   it), else a closing credit (`（常书香 马丹阳）` ending the body); on
//!   Chinese and Japanese pages the text's credit wins over markup; a
//!   Chinese page with none takes the name under its headline or an
//!   official notice's signatory;
//! - site name: markup, else the first header line of a pasted page;
//! - title: markup, else the headline line the segmenter found;
//! - lead: the markup's description unless the body already starts with it.

use super::byline::is_agency;
use super::byline::{byline, dateline_agency, Byline};
use super::closing::{
    closing_bracket, closing_credit, credit_line, is_date_line, is_surnamed_name, signatory,
};
use super::dateline::dateline;
use super::dates::{default_offset, find_date, page_year};
use super::language::detect_language;
use super::latin_names::clean_author;
use super::markup::PageMeta;
use super::organisations::is_organisation;
use super::title::cleaned_title;
use crate::text::is_cjk_letter;
use crate::text::letters_lower;

/// A closing credit is looked for in this many last paragraphs.
const CLOSING_PARAGRAPHS: usize = 3;

/// Characters of the description that must not open the body for it to be a lead.
const LEAD_PROBE_CHARS: usize = 40;
/// Paragraphs opening the body read for credit lines a page left there
/// (a repeated title, a kicker, a subtitle may come first: six covered
/// every layout of the Chinese set; credit lines are strict enough that a
/// sentence is never one).
const OPENING_PARAGRAPHS: usize = 6;
/// A line opening the body this short, with no sentence end, is a
/// headline the body repeats.
const HEADLINE_MAX_CHARS: usize = 40;

/// What the text of a page says about its metadata, beside its markup.
#[derive(Debug, Default)]
pub struct Evidence<'a> {
    /// Credit lines near the headline (`2024年11月16日 来源：…`, `By … | Updated …`).
    pub meta_lines: &'a [String],
    /// The first body paragraph (it may open with a dateline).
    pub first_paragraph: Option<&'a str>,
    /// The end mark closing the body (`【责任编辑：…】`).
    pub end_mark: Option<&'a str>,
    /// Credit lines just after the body: editors and source only.
    pub closing_lines: &'a [String],
    /// The site name a pasted page's header line gives.
    pub header_site_name: Option<String>,
    /// The headline line the segmenter found.
    pub title_line: Option<String>,
    /// The body as plain text.
    pub body_text: &'a str,
    /// The whole text the segments came from (the body text for a page
    /// read from its markup).
    pub whole: &'a str,
}

/// The resolved metadata fields of an article.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    /// BCP 47 language tag.
    pub language: Option<String>,
    /// Publication time, RFC 3339.
    pub published: Option<String>,
    /// Modification time, RFC 3339.
    pub modified: Option<String>,
    /// The dateline opening the body.
    pub dateline: Option<String>,
    /// Who the article credits as its source.
    pub source: Option<String>,
    /// Authors, in page order.
    pub authors: Vec<String>,
    /// Editors, in page order.
    pub editors: Vec<String>,
    /// The publishing site.
    pub site_name: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The standfirst, when the page has one apart from the body.
    pub lead: Option<String>,
    /// The page's own address (canonical, `og:url`).
    pub url: Option<String>,
}

/// Resolves the markup's metadata and the text's evidence into fields.
pub fn resolve(page: PageMeta, evidence: Evidence<'_>) -> Resolved {
    let text = if evidence.body_text.is_empty() {
        evidence.whole
    } else {
        evidence.body_text
    };
    let language = detect_language(text).or_else(|| page.language.clone());
    let offset = default_offset(language.as_deref());
    let mut dates = Dates::new(evidence.whole, offset);

    let meta = evidence.meta_lines.join("\n");
    let (mut found, opening) = credits_above(&meta, evidence.body_text);
    let mut published = None;
    let mut dateline_text = None;
    if let Some((line, reporter)) = evidence.first_paragraph.and_then(dateline) {
        if let Some(reporter) = reporter {
            found.merge(byline(&reporter));
        }
        // (After the lines near the headline: a page's own `来源` wins.)
        if let Some(agency) = dateline_agency(&line) {
            found.source.get_or_insert_with(|| agency.to_string());
        }
        published = dates.rfc3339(&line);
        dateline_text = Some(line);
    }
    let published = published_of(
        published,
        [
            page.shown_date.as_deref(),
            Some(meta.as_str()),
            Some(&opening.join("\n")),
        ],
        page.published.as_deref(),
        &mut dates,
    )
    .or_else(|| page.page_published.and_then(|p| dates.rfc3339(&p)));
    let modified = page.modified.as_deref().and_then(|m| dates.rfc3339(m));
    // A page that states only when it was modified is dated by that: it is
    // the version the reader has (htmldate's choice too).
    let published = published.or_else(|| modified.clone());
    found.merge(credits_below(evidence.closing_lines, evidence.end_mark));
    let Byline {
        source,
        authors,
        editors,
    } = with_closing_credits(found, evidence.body_text);
    let chinese = language.as_deref().is_some_and(|l| l.starts_with("zh"));
    let japanese = language.as_deref() == Some("ja");
    let (source, authors) = person_as_source(source.or(page.shown_source), authors, chinese);
    let site_name = page.site_name.or(evidence.header_site_name);
    let markup_authors = not_the_site(page.authors, site_name.as_deref());
    let title = page.title.or(evidence.title_line).map(cleaned_title);
    let url = page.url;
    let lead = lead(page.description, title.as_deref(), evidence.body_text);
    Resolved {
        language,
        published,
        modified,
        dateline: dateline_text,
        source,
        authors: authors_of(markup_authors, authors, chinese || japanese, || {
            chinese
                .then(|| {
                    name_under_title(evidence.body_text, title.as_deref())
                        .or_else(|| signatory(evidence.body_text))
                })
                .flatten()
        }),
        editors,
        site_name,
        title,
        lead,
        url,
    }
}

/// Author markup less a CJK portal's own name (`网易` on 网易新闻): the
/// site, not a person. (A name the text credits as editor stays: labelled
/// pages count a CMS's author field as the author whatever the text calls
/// the person.)
fn not_the_site(mut markup: Vec<String>, site_name: Option<&str>) -> Vec<String> {
    markup.retain(|name| {
        // (Chinese and Japanese portals only: an English page whose author
        // markup names the company is the company's post, `Swoogo` on
        // Swoogo's blog.)
        !site_name.is_some_and(|s| {
            name.chars().count() >= 2
                && name.chars().all(is_cjk_letter)
                && s.contains(name.as_str())
        })
    });
    markup
}

/// The credits after the body: the lines just below it (editors and
/// source only: comments below name others) and the end mark
/// (`【责任编辑：…】`).
fn credits_below(closing_lines: &[String], end_mark: Option<&str>) -> Byline {
    let mut found = Byline::default();
    for line in closing_lines {
        found.merge(Byline {
            authors: Vec::new(),
            ..byline(line)
        });
    }
    if let Some(mark) = end_mark {
        // (`(Reporting by …, editing by Martin Howell.)`: the stop is the
        // sentence's, not the name's.)
        found.merge(byline(
            mark.trim_matches(['【', '】', '[', ']', '（', '）', '(', ')'])
                .trim_end_matches('.'),
        ));
    }
    found
}

/// The published date by precedence: the dateline's (`dateline`), below a
/// date an element shows, below the credit lines near the headline, else
/// those opening the body (the `shown` texts, lowest first; the two credit
/// texts are one rank: the first that holds a date). Markup states the
/// time more precisely than visible text, unless it states the day alone
/// that the text gives with its time (`publishdate=2024-11-16` over
/// `2024年11月16日08:12`).
fn published_of(
    dateline: Option<String>,
    [element, meta, opening]: [Option<&str>; 3],
    markup: Option<&str>,
    dates: &mut Dates<'_>,
) -> Option<String> {
    let mut published = dateline;
    if let Some(date) = element.and_then(|d| dates.rfc3339(d)) {
        published = Some(date);
    }
    if let Some(date) = meta
        .and_then(|m| dates.rfc3339(m))
        .or_else(|| opening.and_then(|o| dates.rfc3339(o)))
    {
        published = Some(date);
    }
    if let Some(date) = markup.and_then(|p| dates.rfc3339(p)) {
        let timed_same_day = published
            .as_deref()
            .is_some_and(|shown| !date.contains('T') && shown.starts_with(&format!("{date}T")));
        if !timed_same_day {
            published = Some(date);
        }
    }
    published
}

/// A Chinese CMS whose source field was filled with the writer's name
/// (`来源: 尹娟`) credits an author, not an outlet: a two- or
/// three-character name with a common surname, when nothing else names an
/// author. (Outlets' names end in 网, 报, 社…; four characters are as often
/// an outlet as a name.)
fn person_as_source(
    source: Option<String>,
    authors: Vec<String>,
    chinese: bool,
) -> (Option<String>, Vec<String>) {
    match source {
        Some(name)
            if chinese
                && authors.is_empty()
                && name.chars().count() <= SOURCE_NAME_MAX_CHARS
                && is_surnamed_name(&name)
                && !is_organisation(&name) =>
        {
            (None, vec![name])
        }
        source => (source, authors),
    }
}

/// A person's name in a source field is at most this long (see
/// [`person_as_source`]).
const SOURCE_NAME_MAX_CHARS: usize = 3;

/// Characters of the body's opening a description is compared with: a
/// description that copies the body copies its opening paragraphs.
const LEAD_BODY_CHARS: usize = 4000;

/// The markup's description as the lead, unless it says nothing new: the
/// title again, or a copy of the body's text: its first
/// [`LEAD_PROBE_CHARS`] characters anywhere in the body, or its first as many
/// letters (whatever the quotes, spaces and ellipses) in the body's first
/// [`LEAD_BODY_CHARS`]. Entities a page escaped twice (`&amp;quot;`) are
/// decoded.
fn lead(description: Option<String>, title: Option<&str>, body_text: &str) -> Option<String> {
    let description = description?;
    let description = if description.contains('&') {
        crate::parse::tokenizer::decode_references(&description).into_owned()
    } else {
        description
    };
    let key = letters_lower(&description);
    if key.is_empty() || title.is_some_and(|t| letters_lower(t) == key) {
        return None;
    }
    let opening = letters_lower(&body_text.chars().take(LEAD_BODY_CHARS).collect::<String>());
    // A CMS that cut the description from the text may have started at a
    // picture's caption, which the body holds apart (`图为马素湘……近影。
    // 出国前后关注点大不同……`): what follows its first sentence counts too.
    let after_first = description
        .split_once(['。', '！', '？'])
        .map(|(_, rest)| letters_lower(rest))
        .filter(|rest| rest.chars().count() >= LEAD_PROBE_CHARS);
    let copied = [Some(key), after_first].into_iter().flatten().any(|k| {
        let probe: String = k.chars().take(LEAD_PROBE_CHARS).collect();
        opening.contains(&probe)
    });
    // Anywhere in the body, as written (no copy of a huge body is made).
    let start: String = description.chars().take(LEAD_PROBE_CHARS).collect();
    (!copied && !body_text.contains(&start)).then_some(description)
}

/// The credits read above the body with those closing it: closing credit
/// lines (`责任编辑：王小明 审核：李四`) added, and the reporters named in
/// brackets at the end when nothing else names an author; names once each.
fn with_closing_credits(mut found: Byline, body_text: &str) -> Byline {
    let last = || body_text.rsplit("\n\n").take(CLOSING_PARAGRAPHS);
    // Authors credited above the body stay: a closing line naming another
    // is the reposter's (`- 作者： 流泉 访问统计：` under a blog's copy).
    let credited = !found.authors.is_empty();
    // (`……方便多了。（編輯：陳怡如）1131116`: the editor in brackets closing
    // the text.)
    let bracketed = last()
        .next()
        .and_then(closing_bracket)
        .and_then(credit_line)
        .map(|credit| Byline {
            editors: credit.editors,
            ..Byline::default()
        });
    for paragraph in last() {
        if let Some(mut credit) = credit_line(paragraph) {
            if credited {
                credit.authors.clear();
            }
            found.merge(credit);
        }
    }
    if let Some(credit) = bracketed {
        found.merge(credit);
    }
    // (A line may be read both as a credit line and as the body's close.)
    dedup_in_order(&mut found.authors);
    dedup_in_order(&mut found.editors);
    if found.authors.is_empty() {
        // (An editor's line or a share prompt may follow the credit.)
        found.authors = last()
            .map(closing_credit)
            .find(|names| !names.is_empty())
            .unwrap_or_default();
        // `（共同）` closing a Japanese report: the agency is the source.
        if let Some(at) = found.authors.iter().position(|n| is_agency(n)) {
            let agency = found.authors.remove(at);
            found.source.get_or_insert(agency);
        }
    }
    found
}

/// The authors: the markup's persons (organisations, sites and account
/// numbers in author markup are none), else those credited in the text. On a
/// Chinese or Japanese page the text's credit (`记者 王燕平`, `【ワシントン＝
/// 田中一郎】`) wins: CMSs fill author markup with the site, a desk or a
/// user account.
/// `cjk`: a Chinese or Japanese page, where the text's credit wins;
/// `under_title`: the name under its headline, the author when nothing else
/// credits one.
fn authors_of(
    mut markup: Vec<String>,
    mut text: Vec<String>,
    cjk: bool,
    under_title: impl FnOnce() -> Option<String>,
) -> Vec<String> {
    markup.retain(|a| !is_organisation(a));
    // (`赵  培`: a CJK name spaced out to align with longer ones.)
    for name in &mut markup {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() > 1
            && words
                .iter()
                .all(|w| w.chars().count() == 1 && w.chars().all(is_cjk_letter))
        {
            *name = words.concat();
        }
    }
    if text.is_empty() {
        text.extend(under_title());
    }
    let mut chosen = if markup.is_empty() || (cjk && !text.is_empty()) {
        text
    } else {
        markup
    };
    chosen = chosen.iter().filter_map(|a| clean_author(a)).collect();
    chosen.dedup();
    chosen
}

/// The credits of the lines near the headline and of those opening the
/// body, with the opening lines (for their date). The body's own credit
/// names who wrote its text: a page that reposts an article credits the
/// reposter around it (`作者：流泉` under a blog post opening `本报记者
/// 王燕平`).
fn credits_above<'t>(meta: &str, body_text: &'t str) -> (Byline, Vec<&'t str>) {
    let mut found = byline(meta);
    let mut in_body = Byline::default();
    let opening = opening_credits(body_text, &mut in_body);
    if !in_body.authors.is_empty() {
        found.authors.clear();
    }
    found.merge(in_body);
    (found, opening)
}

/// Credit and date lines the page left at the body's start (`本报记者
/// 王燕平`, `2005-04-27 14:32更新 来源：…`, `2003-7-24 钱江晚报`): their
/// credits join `found` (read after the page's own); the lines are
/// returned for their date.
fn opening_credits<'t>(body_text: &'t str, found: &mut Byline) -> Vec<&'t str> {
    body_text
        .split("\n\n")
        .take(OPENING_PARAGRAPHS)
        .filter(|p| match credit_line(p) {
            Some(credit) => {
                found.merge(credit);
                true
            }
            None => is_date_line(p),
        })
        .collect()
}

/// A lone name opening the body, or right after the headline repeated
/// there (`胡平` under `犬儒病（上）`): essays and columns credit their
/// author so, with no credit word.
fn name_under_title(body_text: &str, title: Option<&str>) -> Option<String> {
    let mut paragraphs = body_text.split("\n\n").map(str::trim);
    let first = paragraphs.next()?;
    // The headline the body repeats: the page's title, or a short line
    // that is no sentence (the title the markup gives may be wrong).
    let headline = title.is_some_and(|t| first == t.trim())
        || (first.chars().count() <= HEADLINE_MAX_CHARS && !first.contains('。'));
    let line = if is_surnamed_name(first) {
        first
    } else if headline {
        paragraphs.next()?
    } else {
        return None;
    };
    // (A pen name has no common surname, but a title `茉莉：我是怎样…`
    // names its writer before the colon.)
    let named_by_title = title.is_some_and(|t| {
        t.strip_prefix(line)
            .is_some_and(|rest| rest.starts_with(['：', ':']))
    });
    (is_surnamed_name(line) || (named_by_title && line.chars().count() <= PEN_NAME_MAX_CHARS))
        .then(|| line.to_string())
}

/// A pen name the title repeats before a colon is at most this long.
const PEN_NAME_MAX_CHARS: usize = 8;

/// Drops repeated names, keeping each at its first place.
fn dedup_in_order(names: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.clone()));
}

/// Reads dates in RFC 3339 at the page's default offset. The page's year
/// serves only month-day dates (`11月16日`); finding it scans the whole
/// page, so only texts with `月` pay for it, once.
struct Dates<'a> {
    whole: &'a str,
    offset: Option<i32>,
    year: Option<Option<i32>>,
}

impl<'a> Dates<'a> {
    fn new(whole: &'a str, offset: Option<i32>) -> Self {
        Dates {
            whole,
            offset,
            year: None,
        }
    }

    fn rfc3339(&mut self, text: &str) -> Option<String> {
        let year = if text.contains('月') {
            let whole = self.whole;
            *self.year.get_or_insert_with(|| page_year(whole))
        } else {
            None
        };
        find_date(text, year).map(|d| d.to_rfc3339(self.offset))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wire_storys_closing_credit_names_reporters_and_editors() {
        let found = credits_below(
            &[],
            Some("(Reporting by Will Dunham; Editing by Tom Brown and Dan Grebler.)"),
        );
        assert_eq!(found.authors, ["Will Dunham"]);
        assert_eq!(found.editors, ["Tom Brown", "Dan Grebler"]);
    }

    #[test]
    fn markup_wins_over_visible_lines_and_the_dateline_fills_in() {
        let lines = ["2024年11月16日 14:11 来源：中新网四川 编辑：曹惠君".to_string()];
        let body = "中新网四川新闻11月16日电（记者 张三）武侯区产业园区高质量发展大会召开。";
        let evidence = Evidence {
            meta_lines: &lines,
            first_paragraph: Some(body),
            end_mark: Some("【责任编辑：李四】"),
            body_text: body,
            whole: body,
            ..Evidence::default()
        };
        let r = resolve(PageMeta::default(), evidence);
        assert_eq!(r.published.as_deref(), Some("2024-11-16T14:11:00+08:00"));
        assert_eq!(r.source.as_deref(), Some("中新网四川"));
        assert_eq!(r.authors, ["张三"]);
        assert_eq!(r.editors, ["曹惠君", "李四"]);
        assert_eq!(r.dateline.as_deref(), Some("中新网四川新闻11月16日电"));
        let page = PageMeta {
            published: Some("2024-11-15T08:00:00+08:00".into()),
            authors: vec!["王五".into()],
            ..PageMeta::default()
        };
        let evidence = Evidence {
            meta_lines: &lines,
            body_text: body,
            whole: body,
            ..Evidence::default()
        };
        let r = resolve(page, evidence);
        assert_eq!(r.published.as_deref(), Some("2024-11-15T08:00:00+08:00"));
        assert_eq!(r.authors, ["王五"]);
    }

    #[test]
    fn a_description_that_opens_the_body_is_no_lead() {
        let body = "The council approved the budget on Monday after a long debate.";
        let page = |d: &str| PageMeta {
            description: Some(d.to_string()),
            ..PageMeta::default()
        };
        let evidence = || Evidence {
            body_text: body,
            whole: body,
            ..Evidence::default()
        };
        assert_eq!(resolve(page(body), evidence()).lead, None);
        // A truncated copy with other quotes and spaces is the body too.
        let truncated = "The  council approved the budget on Monday after a…";
        assert_eq!(resolve(page(truncated), evidence()).lead, None);
        // The title again is no lead; entities escaped twice are decoded.
        let titled = PageMeta {
            title: Some("Budget approved".into()),
            description: Some("Budget Approved.".into()),
            ..PageMeta::default()
        };
        assert_eq!(resolve(titled, evidence()).lead, None);
        assert_eq!(
            resolve(page("A &quot;budget&quot; at last &amp; more."), evidence())
                .lead
                .as_deref(),
            Some("A \"budget\" at last & more.")
        );
        assert_eq!(
            resolve(page("A budget at last."), evidence())
                .lead
                .as_deref(),
            Some("A budget at last.")
        );
    }
}
