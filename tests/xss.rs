//! No input markup ever runs (issue 7): XSS vectors from the OWASP XSS
//! filter evasion cheat sheet, written here as data, placed where a page
//! carries markup (title, meta, body text, links, images, captions, raw
//! HTML) and run through the CLI's `--format html`. The output may contain
//! only the renderer's own elements and attributes; the vectors come out as
//! text or not at all.

use newsdecode::internals::{tokenize, Token};
use std::process::Command;

/// Vectors from the OWASP XSS filter evasion cheat sheet (a selection that
/// covers its techniques: plain and broken tags, event handlers, URL schemes
/// with case, entities, whitespace and NULs, SVG/MathML, CSS, meta refresh,
/// base, frames, objects, data URIs, comments and CDATA, quote breaking).
const VECTORS: &[&str] = &[
    "<SCRIPT SRC=https://cdn.example/xss.js></SCRIPT>",
    "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC= onmouseover=\"alert('xxs')\">",
    "<IMG onmouseover=\"alert('xxs')\">",
    "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
    "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<SCRIPT/XSS SRC=\"http://xss.example/xss.js\"></SCRIPT>",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
    "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
    "<SCRIPT SRC=http://xss.example/xss.js?< B >",
    "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
    "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
    "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<svg/onload=alert('XSS')>",
    "<BODY ONLOAD=alert('XSS')>",
    "<BGSOUND SRC=\"javascript:alert('XSS');\">",
    "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<IFRAME SRC=# onmouseover=\"alert(document.cookie)\"></IFRAME>",
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\"><TD BACKGROUND=\"javascript:alert('XSS')\">cell",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">div</DIV>",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">div</DIV>",
    "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.example/scriptlet.html\"></OBJECT>",
    "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
    "<XML ID=\"xss\"><I><B><IMG SRC=\"javas<!-- -->cript:alert('XSS')\"></B></I></XML>",
    "<HTML><BODY><?xml:namespace prefix=\"t\" ns=\"urn:schemas-microsoft-com:time\"><?import namespace=\"t\" implementation=\"#default#time2\"><t:set attributeName=\"innerHTML\" to=\"XSS<SCRIPT DEFER>alert(&quot;XSS&quot;)</SCRIPT>\"></BODY></HTML>",
    "<A HREF=\"http://0x42.0x0000066.0x7.0x93/\">XSS</A>",
    "<A HREF=\"javascript:document.location='http://www.example.com/'\">XSS</A>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<![CDATA[<script>alert(1)</script>]]>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "<scr\0ipt>alert(1)</scr\0ipt>",
    "<details open ontoggle=alert(1)>",
    "<a href=\"&#1;javascript:alert(1)\">x</a>",
];

/// Elements and attributes the html renderer writes itself.
const OWN_ELEMENTS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "article",
    "header",
    "footer",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "div",
    "br",
    "mark",
    "span",
    "time",
    "small",
    "section",
    "aside",
    "details",
    "summary",
    // The article's own links (schema 1.1), checked below.
    "a",
];
const OWN_ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "http-equiv",
    "content",
    "name",
    "class",
    "datetime",
    "title",
    "href",
    "rel",
];

/// A page carrying `vector` everywhere a news page carries markup.
fn page(vector: &str) -> String {
    let attr = vector.replace('"', "&quot;");
    format!(
        "<!DOCTYPE html><html><head><title>Budget {vector} passed</title>\
         <meta property=\"og:title\" content=\"Budget {attr} passed\">\
         <meta name=\"author\" content=\"{attr}\"><meta name=\"description\" content=\"{attr}\"></head>\
         <body><nav><a href=\"/\">Home</a> {vector}</nav><article><h1>Budget {vector} passed</h1>\
         <p>The city council approved the budget on Tuesday after a long debate, members said. {vector}</p>\
         <p>Read the <a href=\"{attr}\">full report</a>; the vote was close, and the mayor thanked the members.</p>\
         <figure><img src=\"{attr}\" alt=\"{attr}\"><figcaption>The council {vector} chamber</figcaption></figure>\
         <p>The budget takes effect in January, the council's clerk said in a statement.</p>\
         </article><footer>{vector}</footer></body></html>"
    )
}

fn html_output(input: &str) -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("newsdecode-xss-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("page-{n}.html"));
    std::fs::write(&file, input).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_newsdecode"))
        .args(["--format", "html"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every element and attribute of `html` is the renderer's own.
fn assert_only_own_markup(html: &str, vector: &str) {
    let mut styles = 0;
    tokenize(html, |token| {
        if let Token::Start { name, attrs, .. } = token {
            assert!(
                OWN_ELEMENTS.contains(&name.as_str()),
                "<{name}> from {vector:?}\n{html}"
            );
            styles += usize::from(name == "style");
            for a in &attrs {
                assert!(
                    OWN_ATTRIBUTES.contains(&&*a.name),
                    "attribute {} from {vector:?}\n{html}",
                    a.name
                );
                let value = a.value.to_ascii_lowercase();
                assert!(
                    !value.contains("javascript:") && !value.contains("data:"),
                    "{value} from {vector:?}"
                );
                // A link is the renderer's: absolute, web or mail, never followed blindly.
                if name == "a" && &*a.name == "href" {
                    assert!(
                        ["http://", "https://", "mailto:"]
                            .iter()
                            .any(|s| value.starts_with(s))
                            && !value.contains(['"', '<', '>', ' ']),
                        "href {value} from {vector:?}"
                    );
                }
                if &*a.name == "rel" {
                    assert_eq!(&*a.value, "noopener noreferrer nofollow");
                }
            }
        }
    });
    assert_eq!(styles, 1, "only the renderer's own style sheet\n{html}");
}

#[test]
fn owasp_vectors_never_reach_the_html_output_as_markup() {
    for vector in VECTORS {
        let html = html_output(&page(vector));
        assert_only_own_markup(&html, vector);
        // An unclosed <script> swallows the rest of the page, as in a
        // browser; otherwise the article's text comes through.
        let lower = vector.to_ascii_lowercase();
        if lower.matches("<script").count() <= lower.matches("</script").count() {
            assert!(
                html.contains("approved the budget on Tuesday"),
                "{vector:?}\n{html}"
            );
        }
        // The renderer's own policy: nothing may load.
        assert!(html.contains("default-src 'none'"));
    }
}

#[test]
fn the_xss_fixture_comes_out_as_text() {
    let fixture = include_str!("pages/xss-vectors/input.html");
    let html = html_output(fixture);
    assert_only_own_markup(&html, "pages/xss-vectors/input.html");
    // Markup written as text in the page stays visible text, escaped.
    assert!(
        html.contains("text &lt;img src=x onerror=window.__xss=13&gt; written as text"),
        "{html}"
    );
}
