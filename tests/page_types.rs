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

#[test]
fn an_article_found_outside_the_main_landmark_gives_way_to_it() {
    // A product page: its landmark is short lines (a name, a price, two
    // points), and the only prose is a newsletter box in the footer.
    let page = "<html><body><header><a href=/>Shop</a></header>\
         <main><h1>K2 Wireless Keyboard</h1><ul><li>75% layout with wireless connectivity</li>\
         <li>Magnetic switches for gaming</li></ul><p>$139.99</p><p>Color: Black</p>\
         <p>Out of stock</p><p>14-Day Returns</p>\
         <p>Hall effect switches</p><p>Ships within 24-48 hours from New Jersey</p></main>\
         <footer><div class=signup><p>Join our club!</p><p>Sign up to our weekly newsletter for \
         exclusive offers, early access and updates on our latest products, every Friday.</p>\
         </div></footer></body></html>";
    let a = html(page);
    assert!(
        a.text.contains("Magnetic switches for gaming"),
        "{}",
        a.text
    );
    assert!(a.text.contains("$139.99"), "{}", a.text);
    assert!(!a.text.contains("newsletter"), "{}", a.text);
}

#[test]
fn a_thread_is_read_post_by_post() {
    // No landmark; each post's text is short, one post is the longest and
    // wins the scoring, and the series of posts is the content.
    let replies = [
        "What do you look at first when you buy web hosting? Is the location of the servers important to you, or do you only compare the prices and the support?",
        "Phone support, every time.",
        "Confidence that the host will give good service, with little downtime and real support after the sale; the location of the servers comes a close second for me.",
        "Price matters, of course, but uptime and a company that answers the phone when something breaks at night matter a great deal more in the long run.",
        "I order a month first, build a small site on it to see how the panel and the support behave, and only then commit to a year or more with them.",
    ];
    let posts: String = replies
        .iter()
        .enumerate()
        .map(|(i, text)| {
            format!(
                "<li class=\"postbit old\" id=post_{i}><div class=postdetails><a href=/u/{i}>user{i}</a></div>\
                 <div class=postbody><div class=content><div class=postcontent>{text}</div></div></div></li>"
            )
        })
        .collect();
    let page = format!(
        "<html><body><div id=header><a href=/>Forum</a> <a href=/new>New posts</a></div>\
         <div id=postlist><ol id=posts>{posts}</ol></div><div id=footer>All times are GMT.</div></body></html>"
    );
    let a = html(&page);
    for text in replies {
        assert!(a.text.contains(text), "{text:?} missing: {}", a.text);
    }
    assert!(!a.text.contains("All times are GMT"), "{}", a.text);
}

/// Posts marked as schema.org comments, as forum engines write them.
fn comment_posts(texts: &[&str]) -> String {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            format!(
                "<li class=post itemprop=comment itemscope><a href=/user/{i}>user{i}</a>\
                 <div class=content><p>{text}</p></div></li>"
            )
        })
        .collect()
}

const REPLY: &str = "I started with a second-hand table saw and a book from the library, \
    built a bookcase that still stands in the hall, and learned the rest from the mistakes.";

#[test]
fn a_thread_whose_posts_are_marked_as_comments_is_read() {
    let posts = comment_posts(&[REPLY; 8]);
    let page = format!(
        "<html><body><h1>How did you get started?</h1>\
         <div class=intro><p>A forum for people who build furniture, boxes and everything else \
         out of wood, from their first cut onwards.</p></div>\
         <ul class=posts>{posts}</ul></body></html>"
    );
    let a = html(&page);
    assert_eq!(
        a.text.matches("second-hand table saw").count(),
        8,
        "{}",
        a.text
    );
}

/// A story of `paragraphs` paragraphs (about 28 words each) under which 60
/// reader comments follow.
fn story_with_comments(paragraphs: usize) -> Article {
    let story = "The council approved the plan after a long debate, and the mayor said the \
                 new routes would start running in the spring, once drivers have been hired.";
    let paragraphs: String = (0..paragraphs).map(|_| format!("<p>{story}</p>")).collect();
    let posts = comment_posts(&[REPLY; 60]);
    html(&format!(
        "<html><body><article><h1>Council expands bus network</h1>{paragraphs}</article>\
         <section id=comments><ul class=posts>{posts}</ul></section></body></html>"
    ))
}

#[test]
fn a_short_story_with_a_long_thread_keeps_the_story_first() {
    // A story of 300 words: a short one, shorter than its comments.
    let a = story_with_comments(12);
    // Read as a thread (it is one, to a reader), the story still comes first.
    assert!(a.text.starts_with("The council approved"), "{}", a.text);
    assert_eq!(
        a.text.matches("The council approved").count(),
        12,
        "{}",
        a.text
    );
}

#[test]
fn a_story_with_a_long_comment_section_stays_the_story() {
    // About 500 words: a story, whatever the length of its comments.
    let a = story_with_comments(18);
    assert!(a.text.starts_with("The council approved"), "{}", a.text);
    assert!(!a.text.contains("second-hand table saw"), "{}", a.text);
}

#[test]
fn a_listing_without_a_landmark_is_read_from_its_body() {
    // Forty cards straight in the body, one intro paragraph: the page
    // names no main region, and the article found is a sliver of it.
    let cards: String = (1..=40).map(card).collect();
    let page = format!(
        "<html><body><div class=top><a href=/>Home</a></div>\
         <div class=intro><p>The latest stories from our newsroom, updated through the day by our editors.</p></div>\
         <div class=grid>{cards}</div><footer>© 2025 Example Media</footer></body></html>"
    );
    let a = html(&page);
    for i in [1, 20, 40] {
        assert!(
            a.text.contains(&format!("A teaser of story {i},")),
            "teaser {i}: {}",
            a.text
        );
    }
    assert!(!a.text.contains("© 2025"), "{}", a.text);
}

#[test]
fn a_consent_managers_dialog_is_never_the_content() {
    // A short question in a `<form>` (as Invision Community writes its
    // threads) and a consent manager's dialog with many times its text: the
    // dialog is boilerplate, and the form is not mistaken for one beside it.
    let purpose = "These cookies may be set through our site by our advertising partners, \
                   and they may be used to build a profile of your interests and show you ads.";
    let purposes: String = (0..12)
        .map(|i| format!("<h3>Purpose {i}</h3><p>{purpose}</p>"))
        .collect();
    let page = format!(
        "<html class=cookie-banner-visible><body><main><div id=comments><form>\
         <article class=post><p>Does anyone know what these two holes in the case are for? \
         The manual says nothing about them, but they look intentional.</p></article>\
         </form></div></main>\
         <div id=onetrust-consent-sdk><div role=dialog><h2>About Your Privacy</h2>{purposes}</div></div>\
         </body></html>"
    );
    let a = html(&page);
    assert!(a.text.starts_with("Does anyone know"), "{}", a.text);
    assert!(!a.text.contains("advertising partners"), "{}", a.text);
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.text.contains("advertising partners")),
        "the dialog is kept apart, not dropped"
    );
}

#[test]
fn a_page_saved_with_its_consent_dialog_open_is_read_behind_it() {
    // The consent manager's scripts hid the page from screen readers while
    // the dialog was open: the page is read, the dialog kept apart.
    let page = "<html><body><div aria-hidden=true><header><a href=/>Shop</a></header>\
         <h1>Clutch kit for vans</h1><p>A clutch kit with a pressure plate, a disc and a \
         release bearing, for vans built from 2011 to 2014.</p><p>Price: 355 euros.</p></div>\
         <section id=gdpr-banner class=page-notice role=region><p>We use cookies and other \
         technologies that are essential to provide you our services, and with your consent \
         we also allow third-party companies to store cookies on your device.</p></section>\
         </body></html>";
    let a = html(page);
    assert!(
        a.text.contains("A clutch kit with a pressure plate"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("We use cookies"), "{}", a.text);
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.text.contains("We use cookies")),
        "the dialog is kept apart, not dropped"
    );
}

#[test]
fn a_series_of_widgets_holding_prose_is_the_article() {
    // A buying guide whose reviews are "product widgets", and one widget
    // beside them with as much prose: an author's bio, not the article.
    let prose = |what: &str| {
        format!(
            "<p>The {what} cleaned every load we gave it, from baked-on lasagne to \
             coffee mugs, and it stayed quiet enough to talk over in the kitchen.</p>\
             <p>Its racks fold flat for tall pots, the controls are plain to read, and \
             the cycle times matched what the manual promised in all our tests.</p>\
             <p>It costs more than most, but the warranty is long and parts are easy to \
             find, so we expect it to last well past the usual eight years.</p>"
        )
    };
    let reviews: String = ["Bosch 800", "Miele G5", "LG QuadWash"]
        .iter()
        .map(|m| {
            let text = prose(m);
            format!("<div class=\"c-product-widget\"><h2>Best: {m}</h2>{text}{text}</div>")
        })
        .collect();
    let page = format!(
        "<html><body><main><article><h1>The best dishwashers of the year</h1>\
         <p>We tested forty dishwashers over six months to find the ones worth buying.</p>\
         {reviews}</article>\
         <div class=\"author-widget\"><h3>About the author</h3>{bio}{bio}</div></main></body></html>",
        bio = prose("author's own machine")
    );
    let a = html(&page);
    for m in ["Bosch 800", "Miele G5", "LG QuadWash"] {
        assert!(
            a.text.contains(&format!("The {m} cleaned")),
            "{m}: {}",
            a.text
        );
    }
    assert!(!a.text.contains("author's own machine"), "{}", a.text);
}

#[test]
fn sections_named_skip_items_are_read_and_skip_links_are_not() {
    let section = |n: usize| {
        format!(
            "<div id=topic{n} class=skip-item><h2>Part {n}</h2><p>Part {n} of the guide explains \
             how the satellites of a mesh system share one network name, so a phone moves \
             between them without dropping the call.</p></div>"
        )
    };
    let sections: String = (1..=4).map(section).collect();
    let page = format!(
        "<html><body><a class=skip-link href=#main>Skip to content</a>\
         <div class=blog-single-content><h1>What is mesh WiFi?</h1>{sections}</div>\
         <div class=intro-card><p>Unlock seamless connectivity with our mesh systems, which \
         bring reliable coverage, faster speeds and an effortless setup to every room of a \
         large home, from the cellar to the attic, with one app to run them all.</p></div>\
         </body></html>"
    );
    let a = html(&page);
    for n in 1..=4 {
        assert!(
            a.text.contains(&format!("Part {n} of the guide")),
            "{n}: {}",
            a.text
        );
    }
    assert!(!a.text.contains("Skip to content"), "{}", a.text);
}

#[test]
fn a_thread_behind_a_script_shell_gives_its_poster() {
    // A forum app's shell; the thread is in `<noscript>` (its crawler view),
    // with the poster as a schema.org Person there only.
    let post = |who: &str, text: &str| {
        format!(
            "<div class=crawler-post><span class=creator itemprop=author itemscope \
             itemtype=http://schema.org/Person><a itemprop=url href=/u/{who}>\
             <span itemprop=name>{who}</span></a></span><div class=post itemprop=text>\
             <p>{text}</p></div></div>"
        )
    };
    let page = format!(
        "<html><head><title>My take on valuation</title></head><body>\
         <div id=app>Loading…</div><noscript><div id=main-outlet><h1>My take on valuation</h1>{}{}</div>\
         </noscript></body></html>",
        post(
            "PaulWBryant",
            "Valuation is a guess about the future, and the more careful the guess, \
             the less it matters which model you use to make it."
        ),
        post(
            "ryshab",
            "I agree with most of this, but a margin of safety matters more than \
             the model, whatever the model says."
        )
    );
    let a = html(&page);
    assert!(a.text.contains("Valuation is a guess"), "{}", a.text);
    assert_eq!(a.authors, ["PaulWBryant"]);
}

#[test]
fn a_cloaked_dialog_of_the_template_is_boilerplate_not_the_article() {
    // A shop's collection: a short description, and the site's privacy
    // policy in a closed Vue modal (`v-cloak`, shown by `v-show` once the
    // reader asks), many times longer.
    let policy: String = (0..40)
        .map(|i| format!("<p>Section {i} of the policy says how personal information is collected, used and shared with partners.</p>"))
        .collect();
    let page = format!(
        "<html><body><main><h1>Men's Sneakers</h1>\
         <p>Lightweight, supportive and wildly comfortable, our sneakers make any outing feel effortless.</p>\
         <p>What in the world is an everyday shoe? One you are content to wear every day, whatever the day holds.</p>\
         </main><footer><a aria-controls=modal-privacy role=button>Privacy policy</a>\
         <div id=modal-privacy role=dialog aria-modal=true v-cloak v-show=\"isModalOpen('privacy')\">{policy}</div>\
         </footer></body></html>"
    );
    let a = html(&page);
    assert!(a.text.contains("everyday shoe"), "{}", a.text);
    assert!(!a.text.contains("policy says"), "{}", a.text);
    assert!(
        a.boilerplate
            .iter()
            .any(|b| b.text.contains("Section 39 of the policy")),
        "{:?}",
        a.boilerplate
    );
}

#[test]
fn preformatted_pages_written_straight_into_the_body_are_the_article() {
    // An RFC as a tool renders it: a line of links, then the document's
    // pages as <pre> blocks straight in <body>, each opening with the
    // running header and closing with the page number, one of them holding
    // the copyright notice.
    let page_block = |n: usize, body: &str| {
        format!(
            "<pre class=newpage><span class=grey>Internet-Draft      remoteStorage      December 2014</span>\n\n\
             {body}\n\n<span class=grey>de Jong                                  [Page {n}]</span>\n</pre>"
        )
    };
    let section = |n: usize| {
        format!(
            "{n}. Section {n}\n\n   Requests to the server in section {n} SHOULD carry a bearer token,\n   \
             and the server MUST answer each of them with the status code that\n   \
             this section names for the case, so that clients can tell them apart."
        )
    };
    let pages: String = std::iter::once(page_block(
        1,
        "Copyright Notice\n\n   Copyright (c) 2014 IETF Trust and the persons identified as the\n   \
         document authors. All rights reserved.",
    ))
    .chain((2..=6).map(|n| page_block(n, &section(n))))
    .collect();
    let html_page = format!(
        "<html><head><title>draft-dejong-remotestorage-04</title></head><body>\
         <span class=\"pre noprint docinfo\">[<a href=/>Docs</a>] [<a href=/t>txt</a>]</span><br>\n{pages}\
         <span class=noprint><small>Html markup produced by rfcmarkup</small></span></body></html>"
    );
    let a = html(&html_page);
    for n in 2..=6 {
        assert!(
            a.text
                .contains(&format!("Requests to the server in section {n}")),
            "section {n}: {}",
            a.text
        );
    }
    assert!(a.text.contains("IETF Trust"), "{}", a.text);
}

#[test]
fn one_paragraph_of_lines_straight_in_the_body_keeps_its_byline() {
    // A forum's old article page: the title, then one <p> of <br> lines
    // whose first line is the author's name.
    let lines: String = (1..=12)
        .map(|i| format!("&nbsp;&nbsp;第{i}段，人心不会熄灭，但它可能蒙上灰烬而不再燃烧，灰烬本来是燃烧的产物。<br>\n"))
        .collect();
    let page = format!(
        "<html><head><title>显示</title></head><body>\
         <p align=center><font color=darkblue><strong>犬儒病(上)</strong></font></p><hr>\
         <p> 胡平<br><br>{lines}</p></body></html>"
    );
    let a = html(&page);
    assert_eq!(a.authors, vec!["胡平".to_string()]);
    assert!(a.text.contains("第12段"), "{}", a.text);
}

#[test]
fn every_tab_of_a_code_sample_is_read() {
    // A quickstart's code in one tab per language: the first shown, the
    // others `hidden` until their tab is clicked.
    let tab =
        |lang: &str, code: &str, shown: bool| {
            format!(
            "<div role=tabpanel aria-labelledby=tab-{lang}{}><pre><code>{code}</code></pre></div>",
            if shown { "" } else { " hidden style=\"display:none\"" }
        )
        };
    let page = format!(
        "<html><body><main><h1>Send an SMS</h1>\
         <p>In this quickstart you build your first application that sends a text message with the API.</p>\
         <div role=tablist><button role=tab id=tab-py>Python</button><button role=tab id=tab-js>Node.js</button></div>\
         {}{}\
         <p>Run the script, and the message arrives on the phone number you chose a moment later.</p>\
         </main></body></html>",
        tab("py", "pip install flask twilio", true),
        tab("js", "npm install express twilio", false)
    );
    let a = html(&page);
    assert!(a.text.contains("pip install flask twilio"), "{}", a.text);
    assert!(a.text.contains("npm install express twilio"), "{}", a.text);
}

/// A reply of a forum thread as XenForo marks it up: the poster a
/// schema.org Person `itemprop=author`.
fn reply(poster: &str, text: &str) -> String {
    format!(
        "<article class=message><section class=message-user itemprop=author itemscope \
         itemtype=https://schema.org/Person><h4 class=message-name><a href=/members/{poster}.1/ \
         class=username><span itemprop=name>{poster}</span></a></h4></section>\
         <div class=message-content><div itemprop=text><p>{text}</p></div></div></article>"
    )
}

#[test]
fn a_thread_starter_named_so_is_the_author_whatever_the_posts_say() {
    let posts: String = [
        (
            "Ralston18",
            "Which power supply do you have now, and how old is it? Post its model and rating.",
        ),
        (
            "aeacus",
            "Check the cables first: a loose one makes the same noise as a failing fan does.",
        ),
    ]
    .iter()
    .map(|(poster, text)| reply(poster, text))
    .collect();
    // XenForo 2: a `Thread starter` label before the starter's link, the
    // page's first post a reply (a later page, or the solution shown first).
    let xenforo2 = format!(
        "<html><body><main><h1>PC restarts under load</h1><ul class=listInline>\
         <li><i class=fa-user></i><span class=u-srOnly>Thread starter</span> \
         <a href=/members/samuelmiz.3/ class=\"username u-concealed\">SamuelMIz</a></li></ul>{posts}</main></body></html>"
    );
    assert_eq!(html(&xenforo2).authors, vec!["SamuelMIz".to_string()]);
    // XenForo 1: the same in a line of text.
    let xenforo1 = format!(
        "<html><body><main><div class=titleBar><h1>PC restarts under load</h1>\
         <p id=pageDescription>Discussion in '<a href=/forums/hardware/>Hardware</a>' started by \
         <a href=/members/pelex.1/ class=username>pelex</a>, <span class=DateTime>Mar 7, 2025</span></p></div>{posts}</main></body></html>"
    );
    assert_eq!(html(&xenforo1).authors, vec!["pelex".to_string()]);
    // SMF: the starter and the date in one line under the subject.
    let smf = format!(
        "<html><body><main><h2 class=display_title>PC restarts under load</h2>\
         <p>Started by Biology Forums, June 04, 2024, 11:23:55 AM</p>{posts}</main></body></html>"
    );
    assert_eq!(html(&smf).authors, vec!["Biology Forums".to_string()]);
}

#[test]
fn a_thread_without_author_markup_gives_its_first_poster() {
    // vBulletin 3: the poster's name a `bigusername` link in the post's
    // side cell; Flarum: a `PostUser-name` heading over each post.
    let vbulletin = "<html><body><table><tr valign=top><td class=alt2><div id=postmenu_1>\
        <a class=bigusername href=member.php?u=224387>microfast</a></div><div>Junior Member</div></td>\
        <td class=alt1><div id=post_message_1>My router drops the connection every evening at nine, \
        and the log shows nothing at all. Has anyone seen this with the same firmware?</div></td></tr>\
        <tr><td class=alt2><a class=bigusername href=member.php?u=1>helper</a></td>\
        <td class=alt1><div id=post_message_2>Try the previous firmware first, it fixed the same drops for me.</div></td></tr>\
        </table></body></html>";
    assert_eq!(html(vbulletin).authors, vec!["microfast".to_string()]);
    let flarum = "<html><body><main><h1>Types of threads</h1><article><div class=PostUser>\
        <h3 class=PostUser-name>antonjw</h3></div><div class=Post-body><p>Could the forum show \
        a question thread differently from a discussion thread, with its answer marked?</p></div></article>\
        <article><div class=PostUser><h3 class=PostUser-name>luceos</h3></div><div class=Post-body>\
        <p>An extension does that already: it marks the best answer and moves it up.</p></div></article></main></body></html>";
    assert_eq!(html(flarum).authors, vec!["antonjw".to_string()]);
}
