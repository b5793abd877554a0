//! The page's address and what its links are relative to.

use super::markup::PageMeta;
use crate::url;

impl PageMeta {
    /// Sets [`PageMeta::base`]: the page's `<base href>` resolved against
    /// its address — `document_url` (where the caller got the page), else
    /// the canonical link or `og:url` — as a browser would, else that
    /// address; http(s) only.
    pub fn set_base(&mut self, document_url: Option<&str>) {
        let address = document_url
            .and_then(url::absolute_web)
            .or_else(|| self.url.as_deref().and_then(url::absolute_web));
        let from_base = self
            .base_href
            .as_deref()
            .and_then(|href| url::resolve(address.as_deref(), href))
            .and_then(|b| url::absolute_web(&b));
        self.base = from_base.or(address);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(url: Option<&str>, base_href: Option<&str>) -> PageMeta {
        PageMeta {
            url: url.map(str::to_string),
            base_href: base_href.map(str::to_string),
            ..PageMeta::default()
        }
    }

    #[test]
    fn the_base_element_is_resolved_against_the_page_address() {
        let mut m = meta(Some("https://canonical.example/a/b"), Some("/news/"));
        m.set_base(None);
        assert_eq!(m.base.as_deref(), Some("https://canonical.example/news/"));
        // The caller's address wins over the canonical link.
        m.set_base(Some("http://fetched.example/x/y.html"));
        assert_eq!(m.base.as_deref(), Some("http://fetched.example/news/"));
        // An absolute base needs no address; a relative one without any is ignored.
        let mut m = meta(None, Some("https://cdn.example/p/"));
        m.set_base(None);
        assert_eq!(m.base.as_deref(), Some("https://cdn.example/p/"));
        let mut m = meta(None, Some("/p/"));
        m.set_base(Some("not a url"));
        assert_eq!(m.base, None);
    }
}
