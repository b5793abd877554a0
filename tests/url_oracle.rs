//! `src/url.rs` against the `url` crate (the WHATWG URL standard) on every
//! combination of a set of page addresses and references: where both
//! resolve to an http(s) URL, they agree. Non-ASCII hosts are left out
//! (the library keeps them as written; the standard maps them with IDNA).
#![cfg(not(target_arch = "wasm32"))]

use newsdecode::internals::resolve_url;

const BASES: &[&str] = &[
    "http://a/b/c/d;p?q",
    "https://example.com/",
    "https://example.com",
    "https://Example.COM:443/news/2024/a.html?x=1#top",
    "http://example.com:8080/dir/",
    "https://user:pw@example.com/a/b",
    "https://example.com/a/b/",
    "https://example.com/%E5%8C%97/x",
];

const REFERENCES: &[&str] = &[
    "",
    "g",
    "./g",
    "g/",
    "/g",
    "//g",
    "//g/x?y#z",
    "?y",
    "g?y",
    "#s",
    "g#s",
    ";x",
    ".",
    "./",
    "..",
    "../g",
    "../..",
    "../../g",
    "../../../g",
    "/./g",
    "/../g",
    "g.",
    "..g",
    "./../g",
    "g/./h",
    "g/../h",
    "g;x=1/../y",
    "g?y/./x",
    "g#s/../x",
    "http:g",
    "http:/g",
    "https:g",
    "http://other.org",
    "HTTPS://Other.ORG/Path",
    "http://other.org:80/x",
    "https://other.org:0443/x",
    "//img.example.com/pic.jpg",
    "/wiki/North_(disambiguation)",
    "a b.html",
    "/a\"b<c>d`e{f}g",
    "?q=a b&c=\"d\"&e='f'",
    "#frag ment`x",
    "/北京/新闻.html?城=京#段",
    "  /trim  ",
    "/a\tb\nc",
    "\\back\\slash",
    "/x/%2e%2e/y",
    "/x/%2E/y",
    "mailto:desk@example.com",
    "mailto:desk@example.com?subject=Hi there",
    "/a/b/../../../..",
    "a/b/c/../../d/./e/",
];

#[test]
fn resolution_agrees_with_the_url_standard() {
    let mut compared = 0;
    let mut differ = Vec::new();
    for base in BASES {
        let standard_base = url::Url::parse(base).expect("a valid base");
        for reference in REFERENCES {
            let ours = resolve_url(Some(base), reference);
            let standard = standard_base.join(reference).ok();
            let Some(standard) =
                standard.filter(|u| matches!(u.scheme(), "http" | "https" | "mailto"))
            else {
                continue;
            };
            if ours.as_deref() != Some(standard.as_str()) {
                differ.push(format!(
                    "base {base:?}, reference {reference:?}: {ours:?}, standard {:?}",
                    standard.as_str()
                ));
            }
            compared += 1;
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    assert!(compared > 300, "only {compared} pairs compared");
}
