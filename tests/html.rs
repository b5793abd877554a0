//! HTML pages: each metadata layer, a Chinese CMS page, a body split by a
//! figure, comments and related links, ruby, hidden content, a Big5 page
//! (those two are golden pages, `tests/pages/`), and the whole 181-page
//! benchmark with a floor on body F1.

use newsdecode::article::{BlockKind, BoilerplateKind};
use newsdecode::{extract, Article, Input, Options};
use std::collections::HashMap;
use std::io::Read;

fn html(page: &str) -> Article {
    extract(Input::Text(page), &Options::default()).unwrap()
}

const PARAGRAPHS: &str = "<p>The city council voted on Tuesday to expand the bus network, adding twelve routes that will serve neighbourhoods on the eastern edge of the city, officials said.</p>\
<p>The plan, which costs about $40 million over five years, was approved by a vote of eight to three after a debate that lasted more than four hours.</p>\
<p>Supporters said the new routes would cut commuting times for thousands of workers, while opponents questioned whether ridership would justify the cost.</p>";

fn page(head: &str, body_top: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"en\"><head>{head}</head><body><nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>\
<main><article>{body_top}<h1>Council expands bus network</h1>{PARAGRAPHS}</article></main>\
<footer>© 2024 Example Media. All rights reserved.</footer></body></html>")
}

#[test]
fn json_ld_comes_first() {
    let head = r#"<title>Council expands bus network | The Daily Example</title>
<meta property="og:title" content="OG title loses">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"The Daily Example"},
 {"@type":"NewsArticle","headline":"Council expands bus network","datePublished":"2024-11-16T14:11:00-05:00",
  "dateModified":"2024-11-17T09:00:00Z","author":[{"@type":"Person","name":"Jane Smith"},{"@type":"Person","name":"John Doe"}],
  "publisher":{"@type":"Organization","name":"The Daily Example"}}]}</script>"#;
    let a = html(&page(head, ""));
    assert_eq!(a.title.as_deref(), Some("Council expands bus network"));
    assert_eq!(a.published.as_deref(), Some("2024-11-16T14:11:00-05:00"));
    assert_eq!(a.modified.as_deref(), Some("2024-11-17T09:00:00Z"));
    assert_eq!(a.authors, ["Jane Smith", "John Doe"]);
    assert_eq!(a.site_name.as_deref(), Some("The Daily Example"));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(a.text.split("\n\n").count(), 3, "{}", a.text);
    assert!(a.text.starts_with("The city council voted"));
    assert!(!a.text.contains("All rights reserved"));
    assert!(a
        .boilerplate
        .iter()
        .any(|b| b.kind == BoilerplateKind::Navigation && b.text.contains("Sport")));
    assert!(a
        .boilerplate
        .iter()
        .any(|b| b.kind == BoilerplateKind::Footer && b.text.contains("© 2024")));
}

#[test]
fn open_graph_and_meta_tags() {
    let head = r#"<title>Council expands bus network - The Daily Example</title>
<meta property="og:title" content="Council expands bus network">
<meta property="og:site_name" content="Daily Example">
<meta property="article:published_time" content="2024-11-16T19:11:00Z">
<meta name="author" content="Jane Smith">"#;
    let a = html(&page(head, ""));
    assert_eq!(a.title.as_deref(), Some("Council expands bus network"));
    assert_eq!(a.site_name.as_deref(), Some("Daily Example"));
    assert_eq!(a.published.as_deref(), Some("2024-11-16T19:11:00Z"));
    assert_eq!(a.authors, ["Jane Smith"]);
}

#[test]
fn a_json_ld_page_objects_date_is_the_last_resort() {
    // Yoast's graph: the post's dates on its WebPage, no article object.
    let graph = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Example"},
 {"@type":"WebPage","name":"Council expands bus network",
  "datePublished":"2024-03-17T19:47:39+00:00","dateModified":"2024-05-03T10:57:58+00:00"}]}</script>"#;
    let a = html(&page(graph, ""));
    assert_eq!(a.published.as_deref(), Some("2024-03-17T19:47:39Z"));
    assert_eq!(a.modified.as_deref(), Some("2024-05-03T10:57:58Z"));
    // A date the page shows comes first.
    let a = html(&page(graph, "<p class=\"date\">April 19, 2025</p>"));
    assert_eq!(a.published.as_deref().map(|d| &d[..10]), Some("2025-04-19"));
    // A page that states only when it was modified is dated by that.
    let modified = r#"<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">"#;
    let a = html(&page(modified, ""));
    assert_eq!(a.published.as_deref(), Some("2023-06-12T10:39:42Z"));
    assert_eq!(a.modified, a.published);
}

#[test]
fn a_byline_below_a_headline_inside_the_container_is_read() {
    // A layout cell holds the headline, its byline and the story; the
    // byline is deeper than the cell's first children.
    let page = format!(
        "<html><body><table><tr><td><a href=/>Home</a></td></tr><tr><td>\
         <center><h1><center>Council expands bus network</center></h1>\
         <p>by Jon Foster - 2025-09-13<br>Updated: 2025-09-13</p></center>\
         {PARAGRAPHS}</td></tr></table></body></html>"
    );
    let a = html(&page);
    assert_eq!(a.authors, ["Jon Foster"]);
    assert_eq!(a.published.as_deref(), Some("2025-09-13"));
}

#[test]
fn a_scholarly_pages_citation_authors_are_its_authors() {
    let head = r#"<meta name="author" content="Example Journal">
<meta name="citation_author" content="Kaufman, Jeff T.">
<meta name="citation_author" content="Md Najmul Hossain">"#;
    let a = html(&page(head, ""));
    assert_eq!(a.authors, ["Kaufman, Jeff T.", "Md Najmul Hossain"]);
}

#[test]
fn title_suffix_dublin_core_microdata_and_time() {
    let head = r#"<title>Council expands bus network | Daily Example</title>
<meta name="DC.date.issued" content="2024-11-16"><meta name="DC.creator" content="Jane Smith">"#;
    let a = html(&page(head, ""));
    assert_eq!(a.title.as_deref(), Some("Council expands bus network"));
    assert_eq!(a.site_name.as_deref(), Some("Daily Example"));
    assert_eq!(a.published.as_deref(), Some("2024-11-16"));
    assert_eq!(a.authors, ["Jane Smith"]);

    let a = html(&page(
        "<title>Council expands bus network</title>",
        r#"<span itemprop="datePublished" content="2024-11-15T08:00:00+01:00"></span>"#,
    ));
    assert_eq!(a.published.as_deref(), Some("2024-11-15T08:00:00+01:00"));
    let a = html(&page(
        "<title>Council expands bus network</title>",
        r#"<time datetime="2024-11-14T10:30:00+09:00">14 Nov</time>"#,
    ));
    assert_eq!(a.published.as_deref(), Some("2024-11-14T10:30:00+09:00"));
    // A `datetime` that reads as no date is passed over for the next one.
    let a = html(&page(
        "<title>Council expands bus network</title>",
        r#"<time datetime="03-04-2024">03-04-2024</time><time datetime="2024-11-14">14 Nov</time>"#,
    ));
    assert_eq!(a.published.as_deref(), Some("2024-11-14"));
}

#[test]
fn markup_naming_no_person_gives_way_to_the_byline() {
    // A broken template left ", EXAMPLE TODAY" as the JSON-LD author; the
    // byline element names the writer.
    let head = r#"<title>Council expands bus network</title><script type="application/ld+json">
{"@type":"NewsArticle","headline":"Council expands bus network","author":{"@type":"Person","name":", EXAMPLE TODAY"}}</script>"#;
    let a = html(&page(
        head,
        r#"<span class=author><a href=/staff/jane-smith>Jane Smith</a></span>"#,
    ));
    assert_eq!(a.authors, ["Jane Smith"]);
}

#[test]
fn a_group_signing_as_one_is_the_author_and_a_heading_of_people_is_not() {
    for (byline, authors) in [
        ("<p class=authorName>Podium Staff</p>", vec!["Podium Staff"]),
        (
            "<div class=author-name>Team SimplyThrilled</div>",
            vec!["Team SimplyThrilled"],
        ),
        (
            "<div>By</div><div>The Meetingnotes Team</div>",
            vec!["The Meetingnotes Team"],
        ),
        ("<p class=author-name>Our Foreign Staff</p>", vec![]),
        ("<p class=author-name>Staff Writer</p>", vec![]),
        ("<p class=author-name>Team</p>", vec![]),
    ] {
        let a = html(&page("<title>Council expands bus network</title>", byline));
        assert_eq!(a.authors, authors, "{byline}");
    }
}

#[test]
fn an_author_element_holding_more_than_the_name_gives_its_first_line() {
    let teaser = "The board lists the openings of the week across the region. ".repeat(20);
    for (byline, authors) in [
        (
            "<div class=byline><span>Luke Kim</span><small>December 17, 2025</small></div>".to_string(),
            vec!["Luke Kim"],
        ),
        (
            "<div class=author-text><div>Lauren Vetter</div><p>Lauren Vetter is a marketing \
             professional who writes about clinics.</p></div>"
                .to_string(),
            vec!["Lauren Vetter"],
        ),
        (
            "<p class=byline>Last Updated: <time>December 17, 2025</time></p>".to_string(),
            vec![],
        ),
        (
            format!("<div class=\"entry author-jane-doe\"><h2>Live Jobs Board</h2><p>{teaser}</p></div>"),
            vec![],
        ),
    ] {
        let a = html(&page("<title>Council expands bus network</title>", &byline));
        assert_eq!(a.authors, authors, "{byline}");
    }
}

/// A Chinese CMS page (chinanews layout) saved in GBK: a golden page.
const CMS: &[u8] = include_bytes!("pages/cms-chinanews-gbk/input.html");

#[test]
fn a_chinese_cms_page_in_gbk() {
    let a = extract(Input::Bytes(CMS), &Options::default()).unwrap();
    assert_eq!(a.decode.encoding, "GBK");
    assert_eq!(a.title.as_deref(), Some("武侯区产业园区高质量发展大会召开"));
    assert_eq!(a.site_name.as_deref(), Some("中新网"));
    assert_eq!(a.published.as_deref(), Some("2024-11-16T14:11:00+08:00"));
    assert_eq!(a.source.as_deref(), Some("中新网四川"));
    assert_eq!(a.editors, ["曹惠君"]);
    assert_eq!(a.dateline.as_deref(), Some("中新网四川新闻11月16日电"));
    assert_eq!(a.end_mark.as_deref(), Some("（完）"));
    assert_eq!(a.language.as_deref(), Some("zh-Hans"));
    let paragraphs: Vec<&str> = a.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 3);
    assert!(paragraphs[2].ends_with("主阵地主引擎。"));
    assert!(!a.text.contains("分享到") && !a.text.contains("相关新闻"));
    assert!(a
        .boilerplate
        .iter()
        .any(|b| b.kind == BoilerplateKind::Share));
    assert!(a
        .boilerplate
        .iter()
        .any(|b| b.kind == BoilerplateKind::Related && b.text.contains("成都发布产业新政策")));
}

#[test]
fn a_body_split_by_a_figure_keeps_its_order_and_the_caption_out_of_text() {
    let body = "<article><h1>Storm hits coast</h1>\
<p>A powerful storm hit the coast on Monday, knocking out power to more than 200,000 homes and flooding dozens of streets in the old town.</p>\
<figure><img src=\"https://img.example/storm.jpg\" alt=\"Flooded street\"><figcaption>Residents wade through a flooded street. Photo: Reuters/Jane Roe</figcaption></figure>\
<p>Emergency crews worked through the night to clear fallen trees, and officials said most roads would reopen by Wednesday morning.</p></article>";
    let a = html(&format!("<html><body>{body}</body></html>"));
    let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Paragraph,
            BlockKind::Figure,
            BlockKind::Paragraph
        ]
    );
    let figure = &a.blocks[1];
    assert_eq!(figure.src.as_deref(), Some("https://img.example/storm.jpg"));
    assert_eq!(figure.alt.as_deref(), Some("Flooded street"));
    assert_eq!(
        figure.caption.as_deref(),
        Some("Residents wade through a flooded street.")
    );
    assert_eq!(figure.credit.as_deref(), Some("Reuters/Jane Roe"));
    assert!(!a.text.contains("Residents wade"));
    assert_eq!(a.text.split("\n\n").count(), 2);
}

#[test]
fn comments_and_related_links_are_labelled_not_body() {
    let extra = "<section id=\"comments\"><h3>12 Comments</h3><p>I think this is a terrible idea and the council should be ashamed of wasting our money on buses.</p></section>\
<ul class=\"related-links\"><li><a href=/a>Council approves budget</a></li><li><a href=/b>New bike lanes open downtown</a></li></ul>";
    let a = html(&format!(
        "<html><body><article><h1>Council expands bus network</h1>{PARAGRAPHS}</article>{extra}</body></html>"
    ));
    assert!(!a.text.contains("terrible idea"));
    assert!(!a.text.contains("bike lanes"));
    assert!(a
        .boilerplate
        .iter()
        .any(|b| b.kind == BoilerplateKind::Comments && b.text.contains("terrible idea")));
    assert!(a
        .boilerplate
        .iter()
        .any(|b| b.kind == BoilerplateKind::Related && b.text.contains("bike lanes")));
}

#[test]
fn ruby_readings_and_hidden_content_stay_out() {
    let a = html("<html><body><article><h1><ruby>首<rp>(</rp><rt>shǒu</rt><rp>)</rp></ruby><ruby>頁<rt>yè</rt></ruby>新聞</h1>\
<p><ruby>東京<rt>とうきょう</rt></ruby>都は十六日、新型の感染症対策として、都内の医療機関に対する支援策を発表しました。小池知事は記者会見で述べました。</p>\
<p hidden>hidden text</p><p aria-hidden=\"true\">aria hidden text</p><p style=\"display: none\">display none text</p>\
<template><p>template text</p></template><noscript><p>noscript text</p></noscript>\
<p>また、都民に対してはマスクの着用や手洗いの徹底を呼びかけました。都は来週にも専門家会議を開きます。</p></article></body></html>");
    assert!(a.text.starts_with("東京都は十六日、"), "{}", a.text);
    for gone in [
        "とうきょう",
        "hidden text",
        "template text",
        "noscript text",
        "display none",
    ] {
        assert!(!a.text.contains(gone), "{gone} in {}", a.text);
    }
    assert_eq!(a.language.as_deref(), Some("ja"));
}

#[test]
fn a_big5_page_comes_out_right() {
    let page = include_bytes!("pages/big5-weather/input.html");
    let a = extract(Input::Bytes(page), &Options::default()).unwrap();
    assert_eq!(a.decode.encoding, "Big5");
    assert_eq!(a.language.as_deref(), Some("zh-Hant"));
    assert!(a.text.starts_with("臺灣各地今日天氣晴朗"));
    // Genuine Traditional is kept as it is.
    assert!(a
        .decode
        .repairs
        .iter()
        .all(|r| serde_json::to_value(r.kind).unwrap() != "traditional_to_simplified"));
}

#[test]
fn latin_mojibake_in_part_of_a_page_is_repaired_where_it_is() {
    // A title with ISO-8859-1's C1 controls (one character misread), and
    // a paragraph whose misread comes late, entity-escaped, beside a real
    // em dash; the rest of the page is right.
    let title = "A DIY Investor\u{e2}\u{80}\u{99}s Guide to Retirement Calculators";
    let late = "The digital marketing landscape has undergone a seismic transformation: \
        intelligence isn&acirc;&euro;&trade;t just changing how we work \u{2014} it is the work.";
    let page = format!(
        "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\
         <p>{late}</p>{PARAGRAPHS}<p>Quoted on its own, \"Ã¤\" is what a reader saw.</p>\
         </article></body></html>"
    );
    let a = html(&page);
    assert_eq!(
        a.title.as_deref(),
        Some("A DIY Investor’s Guide to Retirement Calculators")
    );
    assert!(
        a.text
            .contains("intelligence isn’t just changing how we work — it is"),
        "{}",
        a.text
    );
    // A misread quoted alone is a text about mojibake: kept.
    assert!(a.text.contains("\"Ã¤\" is what a reader saw"), "{}", a.text);
    assert!(a
        .decode
        .repairs
        .iter()
        .any(|r| serde_json::to_value(r.kind).unwrap() == "mojibake"));
}

/// body_f1.py's measure: 4-gram shingles of tokens (each CJK character a token).
fn tokens(text: &str) -> Vec<String> {
    let cjk = |c: char| newsdecode::internals::is_cjk_letter(c);
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if cjk(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn shingles(text: &str) -> HashMap<Vec<String>, f64> {
    let t = tokens(text);
    let mut m = HashMap::new();
    let n = 4.min(t.len());
    if n == 0 {
        return m;
    }
    for w in t.windows(if t.len() < 4 { t.len() } else { 4 }) {
        *m.entry(w.to_vec()).or_insert(0.0) += 1.0;
    }
    m
}

/// Mean precision and recall per document, F1 from the means (as the benchmark reports).
fn body_f1(truth: &str, pred: &str) -> (f64, f64) {
    let (a, b) = (shingles(truth), shingles(pred));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for k in a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))) {
        let (x, y) = (
            a.get(k).copied().unwrap_or(0.0),
            b.get(k).copied().unwrap_or(0.0),
        );
        tp += x.min(y);
        fp += (y - x).max(0.0);
        fn_ += (x - y).max(0.0);
    }
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    (p, r)
}

/// Every page of the benchmark extracts without error, and the mean body F1
/// stays above the floor (raised as the extractor improves; `scripts/eval`
/// gives the exact figure with the reference scorer).
#[test]
fn the_benchmark_pages_extract_above_the_floor() {
    const FLOOR: f64 = 0.97;
    let root = std::env::var("NEWSDECODE_DATA").unwrap_or_else(|_| "../shared/datasets".into());
    let bench = std::path::Path::new(&root).join("article-extraction-benchmark");
    let Ok(truth) = std::fs::read_to_string(bench.join("ground-truth.json")) else {
        // Under CI a missing data set is an error: a green run must have scored the pages.
        assert!(
            !std::env::var("CI").is_ok_and(|v| v == "true" || v == "1"),
            "no data set at {} (NEWSDECODE_DATA)",
            bench.display()
        );
        eprintln!("skipped: no data set at {}", bench.display());
        return;
    };
    let truth: serde_json::Value = serde_json::from_str(&truth).unwrap();
    let truth = truth.as_object().unwrap();
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    for (id, doc) in truth {
        let path = bench.join("html").join(format!("{id}.html.gz"));
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
            .read_to_end(&mut bytes)
            .unwrap();
        let article = extract(Input::Bytes(&bytes), &Options::default())
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        let (p, r) = body_f1(
            doc["articleBody"].as_str().unwrap_or_default(),
            &article.text,
        );
        ps.push(p);
        rs.push(r);
    }
    assert_eq!(ps.len(), 181);
    let (p, r) = (
        ps.iter().sum::<f64>() / 181.0,
        rs.iter().sum::<f64>() / 181.0,
    );
    let f1 = 2.0 * p * r / (p + r);
    eprintln!("benchmark: precision {p:.3} recall {r:.3} F1 {f1:.3}");
    assert!(f1 >= FLOOR, "F1 {f1:.3} fell below {FLOOR}");
}

#[test]
fn data_tables_become_table_blocks_and_nothing_visible_is_dropped() {
    let a = html(&format!(
        "<html><body><div class=\"weather-box\">Weather: sunny, 21°C</div><article><h1>Council expands bus network</h1>{PARAGRAPHS}\
<table><tr><th>Route</th><th>Stops</th></tr><tr><td>12</td><td>31</td></tr><tr><td>14</td><td>27</td></tr></table></article></body></html>"
    ));
    let table = a
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Table)
        .expect("a table block");
    assert_eq!(table.text, "Route\tStops\n12\t31\n14\t27");
    assert!(a.text.ends_with("Route\tStops\n12\t31\n14\t27"));
    // Text outside the article and outside any labelled region is kept as "other".
    assert!(a
        .boilerplate
        .iter()
        .any(|b| b.kind == BoilerplateKind::Other && b.text.contains("Weather: sunny, 21°C")));
}

#[test]
fn inline_data_images_are_figures_but_lazy_placeholders_are_not() {
    let picture = format!("data:image/png;base64,{}", "iVBORw0KGgo".repeat(30));
    let placeholder =
        "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
    let body = format!(
        "<article><h1>Saved page</h1>\
<p>A page saved with its pictures inlined as data URLs keeps them as figures in the article.</p>\
<figure><img src=\"{picture}\" alt=\"Inline\"><figcaption>Inlined.</figcaption></figure>\
<figure><img src=\"{placeholder}\" data-src=\"https://img.example/lazy.jpg\" alt=\"Lazy\"></figure>\
<figure><img src=\"{placeholder}\" alt=\"Pixel\"></figure>\
<p>The second paragraph of the saved page, long enough to belong to the body.</p></article>"
    );
    let a = html(&format!("<html><body>{body}</body></html>"));
    let figures: Vec<_> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Figure)
        .map(|b| (b.alt.as_deref(), b.src.as_deref()))
        .collect();
    assert_eq!(
        figures,
        [
            (Some("Inline"), Some(picture.as_str())),
            (Some("Lazy"), Some("https://img.example/lazy.jpg")),
        ]
    );
}

/// Character references that spell control characters are removed after
/// decoding (and counted), so they can neither reach a field as a terminal
/// escape nor forge the separator the repair stage uses between strings.
#[test]
fn controls_spelled_as_references_are_removed_and_cannot_disable_repairs() {
    let page = "<html><head><title>&#27;]0;Owned&#7;Council news</title>\
<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"Jane\\u001b[31m Doe\"}}</script></head>\
<body><article><p>会议召开,代表们发言.<br>&#1;<br>第二段:大家讨论了预算,并表决通过.</p>\
<p>The council met on Monday&#x1b; it approved the budget after a long debate, officials said.</p></article></body></html>";
    let a = html(page);
    let fields = format!("{:?} {:?} {}", a.title, a.authors, a.text);
    assert!(
        !fields.contains(|c: char| c.is_control() && c != '\n'),
        "{fields}"
    );
    assert_eq!(a.authors, ["Jane[31m Doe"]);
    assert!(a.text.contains("会议召开，代表们发言"), "{}", a.text);
    let kinds: Vec<String> = a
        .decode
        .repairs
        .iter()
        .map(|r| {
            serde_json::to_value(r.kind)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(
        kinds.contains(&"punctuation_normalized".to_string()),
        "{kinds:?}"
    );
    let controls = a
        .decode
        .repairs
        .iter()
        .find(|r| serde_json::to_value(r.kind).unwrap() == "control_characters_removed")
        .expect("controls reported");
    assert_eq!(controls.count, 4);
    assert!(a.decode.warnings.is_empty(), "{:?}", a.decode.warnings);
}

#[test]
fn a_json_ld_catalogue_over_the_bound_is_not_read_and_says_so() {
    let item = r#"{"@type":"Product","name":"A product"},"#;
    let head = format!(
        "<script type=\"application/ld+json\">[{}{{\"@type\":\"NewsArticle\",\"headline\":\"Hidden headline\"}}]</script>",
        item.repeat(1024 * 1024 / item.len() + 1)
    );
    let a = html(&page(&head, ""));
    assert!(a.text.contains("bus network"), "{}", a.text);
    assert_ne!(a.title.as_deref(), Some("Hidden headline"));
    assert!(
        a.decode
            .warnings
            .iter()
            .any(|w| w.kind == newsdecode::article::WarningKind::LimitReached
                && w.message.contains("JSON-LD")),
        "{:?}",
        a.decode.warnings
    );
}

#[test]
fn a_date_shown_by_an_element_is_the_published_date() {
    // No date in the metadata; the page shows it in a classed element.
    let page = format!(
        "<html><body><article><h1>Council expands bus network</h1>{PARAGRAPHS}</article>\
         <div class=info><div class=publish-date>Published 11:11 PM EST Nov 19, 2019</div>\
         <div>Filed under Transport</div><div>Share this story</div><div>Print</div></div></body></html>"
    );
    let a = html(&page);
    assert_eq!(a.published.as_deref(), Some("2019-11-19T23:11:00-05:00"));
    // A modification date alone is not a publication date.
    let page = format!(
        "<html><body><article><h1>Council expands bus network</h1>{PARAGRAPHS}</article>\
         <div class=info><span class=updated-date>Nov 20, 2019</span>\
         <div>Filed under Transport</div><div>Share this story</div><div>Print</div></div></body></html>"
    );
    assert_eq!(html(&page).published, None);
}

#[test]
fn a_scholarly_pages_citation_date_and_a_date_element_are_read() {
    let page = format!(
        "<html><head><meta name=citation_publication_date content=\"2023 Jan 7\"></head>\
         <body><article><h1>Council expands bus network</h1>{PARAGRAPHS}</article></body></html>"
    );
    assert_eq!(html(&page).published.as_deref(), Some("2023-01-07"));
    let page = format!(
        "<html><body><article><h1>Council expands bus network</h1>{PARAGRAPHS}</article>\
         <div class=info><date>December 19th, 2025</date>\
         <div>Filed under Transport</div><div>Share this story</div><div>Print</div></div></body></html>"
    );
    assert_eq!(html(&page).published.as_deref(), Some("2025-12-19"));
}

#[test]
fn an_author_after_a_label_element_is_read() {
    let page = format!(
        "<html><body><article><h1>Council expands bus network</h1>\
         <div class=meta><p class=small>Written by</p><p class=name>Edzel Tabing</p></div>{PARAGRAPHS}\
         <aside><h3>By</h3><p>Recent Posts</p></aside></article></body></html>"
    );
    assert_eq!(html(&page).authors, ["Edzel Tabing"]);
    // A label followed by something that is not a name gives no author.
    let page = format!(
        "<html><body><article><h1>Council expands bus network</h1>\
         <div class=meta><p>Written by</p><p>our newsroom, 4 min read</p></div>{PARAGRAPHS}</article></body></html>"
    );
    assert!(html(&page).authors.is_empty());
}

#[test]
fn the_script_option_reaches_source_editors_and_every_field() {
    let page = "<html><head><title>國際新聞報導 - 聯合新聞網</title></head><body><h1>國際新聞報導</h1>\
        <div class=info>2024年11月16日 來源：聯合報 編輯：張小明</div><div class=content>\
        <p>這是一個測試，國際新聞報導的內容，記者在現場觀察到許多變化，民眾也表達了他們的看法。</p>\
        <p>專家表示，這樣的發展將會對經濟產生重要的影響，政府應該採取相應的措施來應對。</p></div></body></html>";
    let options = Options {
        script: newsdecode::Script::Hans,
        ..Options::default()
    };
    let a = extract(Input::Text(page), &options).unwrap();
    assert_eq!(a.source.as_deref(), Some("联合报"));
    assert_eq!(a.editors, ["张小明"]);
    // "记者" inside a sentence of the body credits nobody.
    assert!(a.authors.is_empty(), "{:?}", a.authors);
    assert_eq!(a.title.as_deref(), Some("国际新闻报导"));
    assert!(a.text.starts_with("这是一个测试"), "{}", a.text);
}

#[test]
fn an_alt_repeating_the_caption_is_not_kept_twice() {
    let page = format!(
        "<html><body><article><h1>Council expands bus network</h1>{PARAGRAPHS}\
         <figure><img src=/bus.jpg alt=\"A new bus on route 12.\"><figcaption>A new bus on route 12.</figcaption></figure>\
         <figure><img src=/map.jpg alt=\"Map of the routes\"><figcaption>The twelve new routes.</figcaption></figure>\
         </article></body></html>"
    );
    let a = html(&page);
    let figures: Vec<_> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Figure)
        .collect();
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[0].alt, None);
    assert_eq!(figures[1].alt.as_deref(), Some("Map of the routes"));
}

#[test]
fn the_url_is_the_option_else_the_canonical_link_else_og_url() {
    let page = |head: &str| {
        format!(
            "<html><head>{head}</head><body><article><p>The council met on Monday and approved the budget.</p></article></body></html>"
        )
    };
    let url = |html: &str, option: Option<&str>| {
        let options = Options {
            url: option.map(str::to_string),
            ..Options::default()
        };
        extract(Input::Text(html), &options).unwrap().url
    };
    let both = page(
        r#"<meta property="og:url" content="https://a.example/og"><link rel="Canonical" href="https://a.example/canonical">"#,
    );
    assert_eq!(
        url(&both, None).as_deref(),
        Some("https://a.example/canonical")
    );
    assert_eq!(
        url(&both, Some(" https://a.example/fetched ")).as_deref(),
        Some("https://a.example/fetched")
    );
    let og_only = page(r#"<meta property="og:url" content="https://a.example/og">"#);
    assert_eq!(url(&og_only, None).as_deref(), Some("https://a.example/og"));
    // A relative or non-web address says nothing on its own.
    let relative = page(
        r#"<link rel="canonical" href="/story"><meta property="og:url" content="javascript:x">"#,
    );
    assert_eq!(url(&relative, None), None);
}

#[test]
fn a_page_built_by_scripts_says_it_shows_no_text() {
    use newsdecode::article::WarningKind;
    // A forum's app shell: title, description and date in the head, a
    // loading spinner and a hidden login form in the body.
    let shell = html(
        "<html><head><title>First telescope? - Astronomy</title>\
         <meta property=og:title content=\"First telescope?\">\
         <meta name=description content=\"I am new to astronomy and would love advice.\">\
         <meta property=article:published_time content=\"2025-02-20T14:19:26+00:00\"></head>\
         <body><section id=d-splash><div class=dots></div></section><section id=main></section>\
         <form style=\"display:none\"><input name=username></form></body></html>",
    );
    assert_eq!(shell.title.as_deref(), Some("First telescope?"));
    assert!(shell.text.is_empty() && shell.blocks.is_empty());
    assert_eq!(
        shell.lead.as_deref(),
        Some("I am new to astronomy and would love advice.")
    );
    let kinds: Vec<WarningKind> = shell.decode.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(kinds, [WarningKind::NoText]);
    // A page with a body has no such warning.
    let article = html(&page("", "<article><p>The council met on Monday and approved the budget after a long debate.</p></article>"));
    assert!(article
        .decode
        .warnings
        .iter()
        .all(|w| w.kind != WarningKind::NoText));
}

#[test]
fn a_misread_page_without_an_article_has_its_title_repaired_too() {
    // UTF-8 misread as windows-1252 and saved: `—` as `â€”` (here with the
    // C1 characters ISO-8859-1 leaves), the permalink anchor `¶` as `Â¶`.
    // The page has no article container: its visible text is read like a
    // paste, and the markup's title is repaired all the same.
    let page = "<html><body><h1>itertools \u{e2}\u{80}\u{94} Functions creating iterators for efficient looping<a class=headerlink href=#x>\u{c2}\u{b6}</a></h1></body></html>";
    let article = html(page);
    assert_eq!(
        article.title.as_deref(),
        Some("itertools — Functions creating iterators for efficient looping")
    );
    assert_eq!(
        article.text,
        "itertools — Functions creating iterators for efficient looping¶"
    );
}

#[test]
fn a_phpbb_threads_first_poster_is_its_author() {
    let post = |user: u32, name: &str, text: &str| {
        format!(
            "<div class=post><dl class=postprofile><dt><a href=\"./memberlist.php?mode=viewprofile&amp;u={user}\" class=avatar><img src=a.png alt=\"\"></a>\
             <a href=\"./memberlist.php?mode=viewprofile&amp;u={user}\" class=username>{name}</a></dt></dl>\
             <div class=postbody><div class=content>{text}</div></div></div>"
        )
    };
    let page = format!(
        "<html><head><title>Which mirror mount? - Forum</title></head><body><h2 class=topic-title>Which mirror mount?</h2>{}{}</body></html>",
        post(421190, "b.scherer", "I am choosing a mirror mount for a small telescope and would like advice on which one holds collimation best over a night."),
        post(133522, "jahboater", "The one with three springs holds it best in my experience, and it is cheaper than the others as well."),
    );
    assert_eq!(html(&page).authors, ["b.scherer"]);
}

#[test]
fn a_byline_s_word_before_the_date_and_a_screen_reader_copy_are_no_part_of_the_name() {
    let body = "<div class=rte><p>Building a home gym is easier than ever, and a few pieces cover most of what a gym offers.</p>\
        <p>A rack, a bench and the weights that go with them fit a small room, and cost less than a year of fees.</p></div>";
    let page = format!(
        "<html><body><main><h1>The best home gym setups</h1>\
         <div class=m-article__meta> by <span>Jane Doe</span> on <span>Jan 22, 2025</span> </div>{body}</main></body></html>"
    );
    let a = html(&page);
    assert_eq!(a.authors, vec!["Jane Doe".to_string()]);
    assert_eq!(a.published.as_deref().map(|d| &d[..10]), Some("2025-01-22"));
    // An author box whose link holds a screen reader's copy of the name.
    let page = format!(
        "<html><body><main><h1>The best home gym setups</h1>{body}\
         <div class=author_intro><a href=/author/yucy/><p class=sr-only>Yucy Smith</p><div class=avatar></div></a>\
         <a href=/author/yucy/><p class=name>Yucy Smith</p></a></div></main></body></html>"
    );
    assert_eq!(html(&page).authors, vec!["Yucy Smith".to_string()]);
}

#[test]
fn a_byline_of_initials_is_a_byline_and_ends_before_a_control() {
    let page = "<html><body><main><h1>Tips for selecting DC motors</h1>\
        <p>By <a href=/contributor/a._j._neal>A. J. Neal</a> &nbsp;&nbsp; \
        <a href=/digital class=\"btn btn-primary\">View In Digital Edition</a></p>\
        <div><p>When building a mobile robot, selecting the drive motors is one of the most important decisions you will make.</p>\
        <p>It is a point that many builders overlook until the robot is too heavy for the motors they bought first.</p></div>\
        </main></body></html>";
    assert_eq!(html(page).authors, vec!["A. J. Neal".to_string()]);
}

#[test]
fn names_after_a_label_in_the_same_line_are_the_authors() {
    let body = "<div><p>Drugs seized at the border are valued by what they would fetch on the street, not at the border.</p>\
        <p>The figures the statement used came from a report that counted the street value of every seizure.</p></div>";
    // A byline whose names are links after a `By`, a date beside them.
    let page = format!(
        "<html><body><main><h1>What is the value of drugs?</h1><p class=article__meta> By \
         <a href=/staff/matthew-digby/>Matthew Digby</a> , <a href=/staff/minh-do/>Minh Do</a> \
         <span class=article__meta>on Monday, November 18th, 2019</span></p>{body}</main></body></html>"
    );
    assert_eq!(
        html(&page).authors,
        vec!["Matthew Digby".to_string(), "Minh Do".to_string()]
    );
    // An essay's attribution after its text; a reader's comment is not one.
    let page = format!(
        "<html><body><main><h1>Coffee and the port of Mokha</h1>{body}\
         <div class=attribution>Text by <a href=/contributor/hunter-dukes/>Hunter Dukes</a></div>\
         <span class=comments-post>Posted by: <a href=mailto:x@example.com>John</a></span></main></body></html>"
    );
    assert_eq!(html(&page).authors, vec!["Hunter Dukes".to_string()]);
}
