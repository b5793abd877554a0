//! Nothing a browser shows is lost: markup whose tree the standard builds
//! in a way a naive builder would not (content in the head, omitted
//! `<head>`/`<body>`, foreign content, foster parenting) comes out in the
//! body or in labelled boilerplate. `tests/tree_oracle.rs` checks the trees
//! themselves against html5ever; these check the articles.

use newsdecode::article::BoilerplateKind;
use newsdecode::{extract, Article, Input, Options};

fn html(page: &str) -> Article {
    extract(Input::Text(page), &Options::default()).unwrap()
}

const P1: &str = "The city council voted on Tuesday to expand the bus network, adding twelve routes that will serve neighbourhoods on the eastern edge of the city, officials said.";
const P2: &str = "The plan, which costs about $40 million over five years, was approved by a vote of eight to three after a debate that lasted more than four hours.";
const P3: &str = "Supporters said the new routes would cut commuting times for thousands of workers, while opponents questioned whether ridership would justify the cost.";

#[test]
fn a_banner_written_in_the_head_is_labelled_boilerplate_not_the_article() {
    let page = format!(
        "<html><head><title>Bus network</title>\
         <div class=bulletin><div>Important update: our offices are open as usual, and we are ready to serve you, whatever you read elsewhere this week.</div>\
         <div>Important update: our offices are open as usual, and we are ready to serve you, whatever you read elsewhere this week.</div></div>\
         </head><body class=page><div class=content><p>{P1}</p><p>{P2}</p></div></body></html>"
    );
    let a = html(&page);
    assert!(a.text.contains(P1) && a.text.contains(P2), "{}", a.text);
    assert!(!a.text.contains("Important update"), "{}", a.text);
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.kind == BoilerplateKind::Other && b.text.contains("Important update")),
        "{:?}",
        a.boilerplate
    );
}

#[test]
fn a_stray_wrapper_opened_in_the_head_does_not_hide_the_article_parts() {
    // The wrapper opens in the head and a stray end tag closes it after the
    // first part: the parts after it are still the article's siblings.
    let page = format!(
        "<html><head><title>Bus network</title><div class=\"white-bg\"></head><body>\
         <div class=intro><h1>Bus network</h1><p>{P1}</p><p>{P2}</p></div></div>\
         <div class=more><p>{P3}</p><p>{P1}</p></div></body></html>"
    );
    let a = html(&page);
    for p in [P1, P2, P3] {
        assert!(a.text.contains(p), "{p} missing from {}", a.text);
    }
}

#[test]
fn a_page_without_head_and_body_tags_has_its_article() {
    let a = html(&format!("<title>Bus network</title><p>{P1}</p><p>{P2}</p>"));
    assert!(a.text.contains(P1) && a.text.contains(P2), "{}", a.text);
    let a = html(&format!(
        "<html><head><title>Bus network</title><meta charset=utf-8><p>{P1}</p><p>{P2}</p>"
    ));
    assert!(a.text.contains(P1) && a.text.contains(P2), "{}", a.text);
}

#[test]
fn svg_and_math_do_not_swallow_what_follows() {
    let a = html(&format!(
        "<body><p>Icon <svg class=\"icon\"/> and more: {P1}</p><p>{P2}</p></body>"
    ));
    assert!(
        a.text.contains(&format!("Icon and more: {P1}")),
        "{}",
        a.text
    );
    assert!(a.text.contains(P2), "{}", a.text);
    // An unclosed svg: the next paragraph breaks out of it.
    let a = html(&format!(
        "<body><p>{P1} <svg><path d=x></p><p>{P2}</p><p>{P3}</p></body>"
    ));
    assert!(a.text.contains(P2) && a.text.contains(P3), "{}", a.text);
}

#[test]
fn text_inside_a_table_but_outside_its_cells_comes_before_the_table() {
    let a = html(&format!(
        "<body><div><p>{P1}</p><table><tr><td>Route</td><td>Stops</td></tr>\
         <p>{P2}</p><tr><td>12</td><td>30</td></tr></table><p>{P3}</p></div></body>"
    ));
    let (one, two, three) = (
        a.text.find(P1).expect("P1"),
        a.text.find(P2).expect("P2"),
        a.text.find(P3).expect("P3"),
    );
    assert!(one < two && two < three, "{}", a.text);
    // The table itself stays where it was, between the fostered text and
    // what follows it.
    let blocks = format!("{:?}", a.blocks);
    let (two, route, three) = (
        blocks.find(&P2[..20]).expect("P2 block"),
        blocks.find("Route").expect("table block"),
        blocks.find(&P3[..20]).expect("P3 block"),
    );
    assert!(two < route && route < three, "{blocks}");
}

#[test]
fn an_inline_element_with_a_boilerplate_class_stays_in_its_sentence() {
    let a = html(&format!(
        "<body><article><p>{P1}</p><p>I am a rather <a class=\"popup\" href=\"/x\">elderly</a> man, \
         said the <span class=\"share-name\">mayor</span> of the city, who voted for the plan.</p>\
         <p>{P2}</p><div class=\"share\"><a href=/s>Share</a></div></article></body>"
    ));
    assert!(
        a.text
            .contains("I am a rather elderly man, said the mayor of the city"),
        "{}",
        a.text
    );
    // A block with the same kind of class is still boilerplate.
    assert!(!a.text.contains("Share"), "{}", a.text);
}

/// Whether `needle` is anywhere in the article a reader gets: the body, a
/// boilerplate block, or a metadata field.
fn shown(a: &Article, needle: &str) -> bool {
    serde_json::to_string(a).unwrap().contains(needle)
}

#[test]
fn text_inside_the_article_that_is_not_prose_is_kept_somewhere() {
    let cases = [
        (
            "a figure without an image",
            "<figure><pre>let answer = 42;</pre><figcaption>Listing one</figcaption></figure>",
            vec!["let answer = 42;", "Listing one"],
        ),
        (
            "a pull quote in a figure",
            "<figure><blockquote>Buses are the backbone</blockquote></figure>",
            vec!["Buses are the backbone"],
        ),
        (
            "a table caption",
            "<table><caption>Routes by district</caption><tr><td>North</td><td>4</td></tr></table>",
            vec!["Routes by district", "North"],
        ),
        (
            "a stand-first in a header",
            "<header><p>The plan adds twelve routes in the east.</p></header>",
            vec!["The plan adds twelve routes in the east."],
        ),
        (
            "a paragraph that is one link",
            "<p><a href=/x>Read the full council report here</a></p>",
            vec!["Read the full council report here"],
        ),
        (
            "a link list",
            "<ul><li><a href=/a>Route map</a></li><li><a href=/b>Timetables</a></li></ul>",
            vec!["Route map", "Timetables"],
        ),
    ];
    let mut missing = Vec::new();
    for (name, markup, needles) in cases {
        let a = html(&format!(
            "<body><article><h1>Bus network</h1><p>{P1}</p>{markup}<p>{P2}</p><p>{P3}</p></article></body>"
        ));
        for needle in needles {
            if !shown(&a, needle) {
                missing.push(format!("{name}: {needle:?}"));
            }
        }
    }
    assert!(missing.is_empty(), "lost: {missing:#?}");
}

#[test]
fn a_figure_with_a_lazy_loaded_image_keeps_its_caption_out_of_the_text() {
    for image in [
        "<div class=lazy data-src=/photo.jpg></div>",
        "<noscript><img src=/photo.jpg alt=\"A photo\"></noscript>",
    ] {
        let a = html(&format!(
            "<body><article><p>{P1}</p><figure>{image}<figcaption>Buses at the depot</figcaption></figure><p>{P2}</p></article></body>"
        ));
        assert!(
            !a.text.contains("Buses at the depot"),
            "{image}: {}",
            a.text
        );
        assert!(shown(&a, "Buses at the depot"), "{image}: caption lost");
    }
}

/// Whether `needle` is in some boilerplate item.
fn in_boilerplate(a: &Article, needle: &str) -> bool {
    a.boilerplate.iter().any(|b| b.text.contains(needle))
}

#[test]
fn controls_graphics_and_aria_hidden_blocks_are_boilerplate_not_nowhere() {
    let page = format!(
        "<html><body><article><p>{P1}</p>\
         <button>Listen to this article</button>\
         <select><option>Sort by date</option><option>Sort by votes</option></select>\
         <svg><title>icon</title><desc>Comment bubble</desc><text>Chart label</text></svg>\
         <p>The fare is <math><mi>x</mi><mo>=</mo><mn>42</mn><annotation encoding=\"application/x-tex\">x=42</annotation></math> cents.</p>\
         <div aria-hidden=true>Decorative pull quote</div>\
         <dialog open>Subscribe to our newsletter</dialog><dialog>Closed dialog text</dialog>\
         <p>{P2}</p></article></body></html>"
    );
    let a = html(&page);
    assert!(a.text.contains(P1) && a.text.contains(P2), "{}", a.text);
    for shown in [
        "Listen to this article",
        "Sort by date",
        "Sort by votes",
        "Chart label",
        "Decorative pull quote",
        "Subscribe to our newsletter",
    ] {
        assert!(!a.text.contains(shown), "{shown} in the body: {}", a.text);
        assert!(
            in_boilerplate(&a, shown),
            "{shown} lost: {:?}",
            a.boilerplate
        );
    }
    // A formula is read in its sentence, without its TeX annotation.
    assert!(a.text.contains("The fare is x=42 cents."), "{}", a.text);
    // Never rendered: a closed dialog, an SVG's title and description.
    for hidden in ["Closed dialog text", "icon", "Comment bubble"] {
        assert!(
            !a.text.contains(hidden) && !in_boilerplate(&a, hidden),
            "{hidden} shown: {:?}",
            a.boilerplate
        );
    }
}

#[test]
fn an_inline_aria_hidden_element_stays_in_its_line() {
    // List numbers and glyphs hidden from screen readers are still seen.
    let page = format!(
        "<html><body><article><p>{P1}</p><p><span aria-hidden=\"true\">Step 1.</span> Buy a ticket \
         at the station before you board, then keep it until the end of the trip.</p><p>{P2}</p></article></body></html>"
    );
    let a = html(&page);
    assert!(a.text.contains("Step 1. Buy a ticket"), "{}", a.text);
}

#[test]
fn list_items_and_figure_text_left_out_of_the_body_are_boilerplate() {
    let page = format!(
        "<html><body><article><p>{P1}</p>\
         <ul><li>First point of the plan, in words.</li><li><a href=/a>A link that is a whole item</a></li></ul>\
         <figure><img src=/bus.jpg><span class=credit>Photo agency</span><figcaption>A bus on route 7.</figcaption></figure>\
         <p>{P2}</p></article></body></html>"
    );
    let a = html(&page);
    assert!(a.text.contains("First point of the plan"), "{}", a.text);
    assert!(
        a.text.contains("A link that is a whole item")
            || in_boilerplate(&a, "A link that is a whole item"),
        "{:?}",
        a.boilerplate
    );
    let caption = a
        .blocks
        .iter()
        .find_map(|b| b.caption.as_deref())
        .unwrap_or_default();
    assert_eq!(caption, "A bus on route 7.");
    assert!(in_boilerplate(&a, "Photo agency"), "{:?}", a.boilerplate);
}

#[test]
fn a_one_letter_region_is_kept_and_a_lone_glyph_is_not() {
    let page = format!(
        "<html><body><article><p>{P1}</p><p>{P2}</p></article>\
         <div class=share><a href=/x>X</a></div><div class=share>×</div></body></html>"
    );
    let a = html(&page);
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.kind == BoilerplateKind::Share && b.text == "X"),
        "{:?}",
        a.boilerplate
    );
    assert!(!in_boilerplate(&a, "×"), "{:?}", a.boilerplate);
}

#[test]
fn a_heading_that_only_starts_like_the_title_is_kept() {
    // The markup's title abbreviates the headline: the headline's words
    // stay in the article (beside the body).
    let page = format!(
        "<html><head><meta property=og:title content=\"Council expands bus network\"></head><body><article>\
         <h1>Council expands bus network: twelve new routes</h1><p>{P1}</p><p>{P2}</p></article></body></html>"
    );
    let a = html(&page);
    let all: Vec<&str> = a
        .boilerplate
        .iter()
        .map(|b| b.text.as_str())
        .chain(a.title.as_deref())
        .chain(Some(a.text.as_str()))
        .collect();
    assert!(
        all.iter().any(|t| t.contains("twelve new routes")),
        "{all:?}"
    );
}

#[test]
fn a_page_read_like_a_paste_keeps_its_buttons_apart_and_its_title_line() {
    // No article container: the page is read as text. Its buttons are
    // boilerplate, and its headline-like line stays when the markup names
    // another title.
    let page = "<html><head><title>Shop | Example</title></head><body>\
                <div>Global – English</div><div>Mini trio</div><div>€26</div>\
                <button>Add to bag</button><div>Hand cream</div><div>€20</div></body></html>";
    let a = html(page);
    assert!(!a.text.contains("Add to bag"), "{}", a.text);
    assert!(in_boilerplate(&a, "Add to bag"), "{:?}", a.boilerplate);
    let all = format!("{:?} {:?} {}", a.title, a.boilerplate, a.text);
    for line in ["Global – English", "Mini trio", "Hand cream"] {
        assert!(all.contains(line), "{line} lost: {all}");
    }
}

#[test]
fn a_declarative_shadow_root_is_read_and_a_plain_template_is_not() {
    let page = format!(
        "<html><body><article><p>{P1}</p><div><template shadowrootmode=\"open\"><p>{P3}</p></template></div>\
         <template><p>Template text never shown.</p></template><p>{P2}</p></article></body></html>"
    );
    let a = html(&page);
    assert!(a.text.contains(P3), "{}", a.text);
    assert!(
        !a.text.contains("never shown") && !in_boilerplate(&a, "never shown"),
        "{a:?}"
    );
}

#[test]
fn a_page_built_by_scripts_is_read_from_its_noscript_content() {
    // A forum thread as script-built pages serve it: the body shows a
    // loading splash, the thread is in `<noscript>` for browsers without
    // scripts (raw text to a browser with them, and to the parser).
    let page = format!(
        "<html><head><title>Bus network - Forum</title>\
         <noscript><style>html{{overflow:auto}}</style></noscript></head>\
         <body><section id=splash><div class=dots></div><span>Loading…</span>\
         <noscript><style>#splash{{display:none}}</style></noscript></section>\
         <noscript data-path=\"/t/bus-network/1\"><header><a href=\"/\">Forum</a></header>\
         <div id=main-outlet><h1>Bus network</h1>\
         <div class=post><p>{P1}</p><p>{P2}</p></div>\
         <div class=post><p>{P3}</p></div></div></noscript></body></html>"
    );
    let a = html(&page);
    for p in [P1, P2, P3] {
        assert!(a.text.contains(p), "{}", a.text);
    }
    assert!(!a.text.contains("Loading"), "{}", a.text);
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.kind == BoilerplateKind::Other && b.text.contains("Loading")),
        "{:?}",
        a.boilerplate
    );
}

#[test]
fn a_noscript_note_beside_the_article_is_not_read_as_the_page() {
    // The page shows its text with scripts; its `<noscript>` only asks for
    // them: the note stays unread (a browser with scripts does not show it).
    let page = format!(
        "<html><body><div id=app><div><p>{P1}</p><p>{P2}</p></div></div>\
         <noscript><div class=warning><p>Please enable JavaScript to read the comments.</p></div></noscript></body></html>"
    );
    let a = html(&page);
    assert!(a.text.contains(P1) && a.text.contains(P2), "{}", a.text);
    assert!(!a.text.contains("enable JavaScript"), "{}", a.text);
}

#[test]
fn a_part_streamed_by_react_is_read_where_its_script_would_show_it() {
    // React's streamed rendering: a placeholder, then the content sent late
    // in `<div hidden id="S:0">`, which `$RC` moves into place and shows.
    let page = format!(
        "<html><body><div id=app><header>Site</header><template id=\"B:0\"></template></div>\
         <div hidden id=\"S:0\"><article><h1>Bus network</h1><p>{P1}</p><p>{P2}</p></article></div>\
         <script>$RC(\"B:0\",\"S:0\")</script>\
         <div hidden id=\"S:x\"><p>{P3}</p></div><div hidden><p>Hidden draft text.</p></div></body></html>"
    );
    let a = html(&page);
    assert!(a.text.contains(P1) && a.text.contains(P2), "{}", a.text);
    // Other hidden elements stay hidden.
    assert!(
        !a.text.contains(P3) && !a.text.contains("draft"),
        "{}",
        a.text
    );
}

#[test]
fn a_page_veiled_until_its_scripts_run_is_read() {
    // Next.js-style anti-flicker wrapper: hidden until hydration shows it.
    let page = format!(
        "<html><body><div id=__next><div style=\"visibility:hidden;min-height:100vh\">\
         <nav><a href=/>Home</a></nav><main><h1>Bus network</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></main>\
         <div style=\"visibility:hidden\">Cookie settings</div></div></div></body></html>"
    );
    let a = html(&page);
    assert!(a.text.starts_with(P1), "{}", a.text);
    assert!(a.text.ends_with(P3), "{}", a.text);
}
