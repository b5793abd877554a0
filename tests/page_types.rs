//! Pages that are not one article: a listing read from its main landmark,
//! and an article whose landmark also holds teasers (the article alone is
//! kept).

use newsdecode::{extract, Article, Input, Options};

fn html(page: &str) -> Article {
    extract(Input::Text(page), &Options::default()).unwrap()
}

/// A card of a listing: a linked title and a linked teaser in the card's
/// `<header>`, as many news rivers and catalogues write them.
fn card(i: usize) -> String {
    format!(
        "<article class=card><header><h2><a href=/story-{i}>Story number {i} of the river</a></h2>\
         <p><a href=/story-{i}>A teaser of story {i}, one sentence that says what the story \
         is about, with enough words to read like one.</a></p></header></article>"
    )
}

#[test]
fn a_listing_is_read_whole_from_its_main_landmark() {
    let cards: String = (1..=12).map(card).collect();
    let page = format!(
        "<html><head><title>Headphones news</title></head><body>\
         <header><nav><a href=/>Home</a> <a href=/mac>Mac</a></nav></header>\
         <main><h1>Headphones</h1><p>All our stories about headphones, newest first, with reviews and guides.</p>\
         {cards}<a href=/more>Load more</a></main>\
         <footer>© 2025 Example Media</footer></body></html>"
    );
    let a = html(&page);
    for i in 1..=12 {
        assert!(
            a.text.contains(&format!("Story number {i} of the river")),
            "card {i}: {}",
            a.text
        );
        assert!(
            a.text.contains(&format!("A teaser of story {i},")),
            "teaser {i}: {}",
            a.text
        );
    }
    // The page's own menu and footer stay out.
    assert!(!a.text.contains("Home"), "{}", a.text);
    assert!(!a.text.contains("© 2025"), "{}", a.text);
}

#[test]
fn an_article_in_a_landmark_with_teasers_stays_the_article() {
    let prose = "The council approved the plan after a long debate, and the mayor said the new \
                 routes would start running in the spring, once drivers have been hired.";
    let paragraphs: String = (0..6).map(|_| format!("<p>{prose}</p>")).collect();
    let cards: String = (1..=4).map(card).collect();
    let page = format!(
        "<html><body><main><article><h1>Council expands bus network</h1>{paragraphs}</article>\
         <section><h2>More stories</h2>{cards}</section></main></body></html>"
    );
    let a = html(&page);
    assert!(a.text.starts_with("The council approved"), "{}", a.text);
    assert!(!a.text.contains("Story number"), "{}", a.text);
}
