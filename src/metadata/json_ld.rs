//! JSON-LD: which objects describe the article, and every object of a
//! document, wherever the page nests it.

use serde_json::Value;

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "TechArticle",
    "Report",
    // A forum thread's opening post (`QAPage`'s `mainEntity` is its
    // question): its author and date are the thread's.
    "DiscussionForumPosting",
    "SocialMediaPosting",
    "Question",
];

/// JSON-LD types of a page as a whole: their dates are the page's when no
/// article object gives any (Yoast writes a post's dates on its `WebPage`).
const PAGE_TYPES: &[&str] = &[
    "WebPage",
    "ItemPage",
    "AboutPage",
    "FAQPage",
    "CollectionPage",
    "MedicalWebPage",
];

/// Whether a JSON-LD object's type is one of [`ARTICLE_TYPES`].
pub(super) fn is_article(value: &Value) -> bool {
    has_type(value, ARTICLE_TYPES)
}

/// Whether a JSON-LD object's type is one of [`PAGE_TYPES`].
pub(super) fn is_web_page(value: &Value) -> bool {
    has_type(value, PAGE_TYPES)
}

fn has_type(value: &Value, types: &[&str]) -> bool {
    match value.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

/// Every object in a JSON-LD document (top level, arrays, `@graph`, a
/// `mainEntity`), iteratively.
pub(super) fn objects(value: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                out.push(v);
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
                // (A page's main entity: a QAPage's question.)
                if let Some(main) = map.get("mainEntity").filter(|m| m.is_object()) {
                    stack.push(main);
                }
            }
            _ => {}
        }
    }
    out
}
