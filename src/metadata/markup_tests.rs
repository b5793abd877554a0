//! Tests of the markup reader (`markup.rs`).

use super::super::title::split_site_suffix;
use super::*;

fn read_page(html: &str) -> PageMeta {
    read(&Document::parse(html))
}

#[test]
fn the_visible_headline_wins_when_the_markup_title_names_it() {
    let page = |og: &str, h1: &str| {
        read_page(&format!(
            "<html><head><meta property=og:title content=\"{og}\"></head><body><h1>{h1}</h1></body></html>"
        ))
        .title
    };
    // More around it, or other words for a small part of it.
    for (og, h1) in [
        (
            "Galaxy S25 Ultra | Features & Highlights",
            "Galaxy S25 Ultra",
        ),
        (
            "Headphone - Sweep, Loft, and Extrude",
            "Tutorial: Sweep, Loft, and Extrude",
        ),
        ("新闻标题全文 - 网站", "新闻标题全文"),
    ] {
        assert_eq!(page(og, h1).as_deref(), Some(h1), "{og}");
    }
    // Another wording, or a heading that is only a word of it.
    for (og, h1) in [
        (
            "MathJax v3 with MathML input and HTML output",
            "MathJax v3 beta: MathML input, HTML output test",
        ),
        (
            "The council expands the bus network across the city",
            "Network",
        ),
    ] {
        assert_eq!(page(og, h1).as_deref(), Some(og), "{og}");
    }
}

#[test]
fn an_account_id_in_an_author_meta_is_not_a_name() {
    let page = "<html><head><meta property=article:author content=262588213843476></head>\
                <body><span class=byline>By Dana Ruiz</span></body></html>";
    assert_eq!(read_page(page).authors, ["Dana Ruiz"]);
}

#[test]
fn markup_naming_the_site_gives_way_to_a_person() {
    let page = |head: &str, body: &str| {
        read_page(&format!(
            "<html><head><meta property=og:site_name content=GlossGenius>{head}</head>\
             <body>{body}</body></html>"
        ))
        .authors
    };
    let site_author = "<meta name=author content=GlossGenius>";
    assert_eq!(
        page(site_author, "<div class=text__author>Shauna Mitchell</div>"),
        ["Shauna Mitchell"]
    );
    // No person named: the company's post is the company's.
    assert_eq!(page(site_author, "<p>Text.</p>"), ["GlossGenius"]);
    // A fact checker's name in an author-classed hover card is not the
    // author's; the same link written twice names one author.
    assert_eq!(
        page(
            site_author,
            "<div><span>Fact checked by</span> <div><a href=/y>Yarilet Perez</a>\
             <div class=author-tooltip><span class=author-tooltip__name>Yarilet Perez</span></div></div></div>"
        ),
        ["GlossGenius"]
    );
    assert_eq!(
        page(
            "",
            "<a rel=author href=/m>MixmasterFred</a><a rel=author href=/m>More About MixmasterFred »</a>"
        ),
        ["MixmasterFred"]
    );
}

#[test]
fn an_author_element_names_the_author_when_no_markup_does() {
    let authors = |body: &str| read_page(&format!("<html><body>{body}</body></html>")).authors;
    assert_eq!(
        authors("<div class=author-box><img alt=x><div class=blog__authorname>Michelle Lee</div><p class=author-bio>Michelle writes about freelancing, pricing and clients for the blog.</p></div>"),
        ["Michelle Lee"]
    );
    assert_eq!(
        authors("<span class=byline>By: Ann Lee and Bo Chan</span>"),
        ["Ann Lee", "Bo Chan"]
    );
    assert_eq!(
        authors("<div itemprop=author itemscope><span itemprop=name>Dana Ruiz</span></div>"),
        ["Dana Ruiz"]
    );
    // A written label and the name in one element's text, a sentence's
    // stop after it; a bare `By` opens sentences and stays text.
    assert_eq!(
        authors("<p>Text.</p><div><p>Written by John Crenshaw</p></div>"),
        ["John Crenshaw"]
    );
    assert_eq!(authors("<p>Posted by Alon Zakai.</p>"), ["Alon Zakai"]);
    assert!(authors("<p>By Monday the council had voted.</p>").is_empty());
    // A forum's user name, where the markup says it is the author.
    assert_eq!(
        authors("<div itemprop=author itemscope><span itemprop=name>sean_g</span></div>"),
        ["sean_g"]
    );
    assert_eq!(
        authors("<li><span>Thread starter</span> <a href=/members/1>ridwan123</a></li>"),
        ["ridwan123"]
    );
    // A comment's author, a long bio, a date or a lower-case label are not.
    for body in [
        "<span class=comment-author>Zed</span>",
        "<div class=post-author>Written by a team of twelve editors who check every fact, every figure and every quote we print.</div>",
        "<span class=byline>Posted 12 May 2024</span>",
        "<span class=author>admin</span>",
    ] {
        assert!(authors(body).is_empty(), "{body}");
    }
    // A link to the author's page; not when links name several people
    // or the link is a category of the author's posts.
    assert_eq!(
        authors("<p><a href='/author/jane-doe/'>Jane Doe</a></p><p><a href='/author/jane-doe/'>Jane Doe</a></p>"),
        ["Jane Doe"]
    );
    assert_eq!(
        authors("<a href='http://blog.example.cn/?author=102' title='[太小心]的博客'><font><u>太小心</u></font></a>"),
        ["太小心"]
    );
    for body in [
        "<a href='/author/ann-lee/'>Ann Lee</a><a href='/author/bo-chan/'>Bo Chan</a>",
        "<a href='/?pc=85&amp;author=102'>未归类</a>",
    ] {
        assert!(authors(body).is_empty(), "{body}");
    }
}

#[test]
fn a_title_escaped_twice_is_decoded() {
    let meta = read_page(
        "<html><head><meta property=og:title content=\"Actuary&amp;#8217;s Choice &amp;#038; More\"></head></html>",
    );
    assert_eq!(
        meta.title.as_deref(),
        Some("Actuary\u{2019}s Choice & More")
    );
}

#[test]
fn site_suffixes_split() {
    assert_eq!(
        split_site_suffix("武侯区产业园区高质量发展大会召开-中新网"),
        (
            "武侯区产业园区高质量发展大会召开".to_string(),
            Some("中新网".to_string())
        )
    );
    assert_eq!(
        split_site_suffix("多数夫妻生活有名无实 日本无性婚姻问题严重(图)--雅虎新闻"),
        (
            "多数夫妻生活有名无实 日本无性婚姻问题严重(图)".to_string(),
            Some("雅虎新闻".to_string())
        )
    );
    assert_eq!(
        split_site_suffix("Re-opening of e-mail services"),
        ("Re-opening of e-mail services".to_string(), None)
    );
    assert_eq!(
        split_site_suffix("China's factories expand | Reuters"),
        (
            "China's factories expand".to_string(),
            Some("Reuters".to_string())
        )
    );
    assert_eq!(
        split_site_suffix("武侯区产业园区高质量发展大会召开_中新网"),
        (
            "武侯区产业园区高质量发展大会召开".to_string(),
            Some("中新网".to_string())
        )
    );
    // Found by the XSS fixture: `__` inside code split the title.
    assert_eq!(
        split_site_suffix("Council <img src=x onerror=window.__xss=1> approves"),
        (
            "Council <img src=x onerror=window.__xss=1> approves".to_string(),
            None
        )
    );
    assert_eq!(
        split_site_suffix("The snake_case naming guide"),
        ("The snake_case naming guide".to_string(), None)
    );
}

#[test]
fn a_forum_threads_opening_post_gives_author_and_date() {
    let page = read_page(
        r#"<html><head><script type="application/ld+json">{"@type":"QAPage","mainEntity":
        {"@type":"Question","name":"Update broken","datePublished":"2024-09-05T23:15:57Z",
        "author":{"@type":"Person","name":"DaleJack"}}}</script></head><body></body></html>"#,
    );
    assert_eq!(page.authors, ["DaleJack"]);
    assert_eq!(page.published.as_deref(), Some("2024-09-05T23:15:57Z"));
}

#[test]
fn a_vendors_publication_meta_dates_the_page() {
    for meta in [
        "<meta name=w-published-date content=2025-05-27T06:03:43.274Z>",
        "<meta name=cXenseParse:publishtime content=2025-05-27T06:03:43Z>",
        "<meta class=swiftype name=published_at content=2025-05-27>",
    ] {
        let page = read_page(&format!(
            "<html><head>{meta}</head><body><p>Text.</p></body></html>"
        ));
        assert!(
            page.published.is_some_and(|p| p.starts_with("2025-05-27")),
            "{meta}"
        );
    }
    // The known keys first; a key that only looks like one, or a value
    // without a year, dates nothing.
    let page = read_page(
        "<html><head><meta name=publishedtype content=2024-01-01><meta name=og:publish_date content=soon>\
         <meta property=article:published_time content=2023-03-03></head></html>",
    );
    assert_eq!(page.published.as_deref(), Some("2023-03-03"));
    let page = read_page("<html><head><meta name=og:publish_date content=soon></head></html>");
    assert_eq!(page.published, None);
}
