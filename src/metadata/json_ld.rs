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

/// Whether a JSON-LD object's type is one of [`ARTICLE_TYPES`].
pub(super) fn is_article(value: &Value) -> bool {
    match value.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
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
