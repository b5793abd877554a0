//! Resolving the page's links and image sources against its address:
//! RFC 3986 §5.2 reference resolution, with the WHATWG URL standard's
//! clean-ups where browsers differ from the RFC (tabs and newlines removed,
//! `\` read as `/` and a same-scheme `http:path` read as relative for
//! http(s), characters a browser percent-encodes encoded, scheme and host
//! lowercased, the default port dropped). `tests/url_oracle.rs` checks it
//! against the `url` crate.
//!
//! Hand-written rather than the `url` crate: that crate, with its IDNA
//! tables, is about 80 KiB of gzipped wasm (`wasm-opt -Oz` + `gzip -9` of a
//! module calling only `Url::join`), an eighth of the whole module, for what
//! is here a few hundred lines. Hosts are not IDNA-mapped: a non-ASCII host
//! is kept as written, which browsers accept in an `href`.

/// The schemes a link of the article may point to: anything else
/// (`javascript:`, `data:`, `file:`) is not a link a reader follows.
pub const LIVE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// A reference split into its five components (RFC 3986 appendix B).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn split(s: &str) -> Parts<'_> {
    let (rest, fragment) = match s.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (s, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, Some(q)),
        None => (rest, None),
    };
    let (scheme, rest) = match rest.split_once(':') {
        Some((scheme, r)) if is_scheme(scheme) => (Some(scheme), r),
        _ => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(r) => {
            let end = r.find('/').unwrap_or(r.len());
            (Some(&r[..end]), &r[end..])
        }
        None => (None, rest),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    }
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn is_special(scheme: &str) -> bool {
    scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
}

/// What browsers strip before parsing: leading and trailing C0 controls
/// and spaces, and every tab and newline inside.
fn clean(s: &str) -> String {
    s.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// `reference` resolved against `base` (an absolute URL), or `None` when
/// it cannot be: a relative reference without a hierarchical base, a
/// malformed authority.
pub fn resolve(base: Option<&str>, reference: &str) -> Option<String> {
    let reference = clean(reference);
    let mut r = reference.as_str();
    let backslashed;
    let scheme_of_r = split(r).scheme;
    // For http(s) (and a relative reference under an http(s) base) a
    // backslash is a slash, in the part before the query.
    let base_special = base.and_then(|b| split(b).scheme).is_some_and(is_special);
    if scheme_of_r.map_or(base_special, is_special) {
        let end = r.find(['?', '#']).unwrap_or(r.len());
        if r[..end].contains('\\') {
            backslashed = format!("{}{}", r[..end].replace('\\', "/"), &r[end..]);
            r = &backslashed;
        }
    }
    let mut parts = split(r);
    if let (Some(s), Some(b)) = (parts.scheme, base.map(split)) {
        // `http:path` under an http base is relative (WHATWG), unlike the RFC.
        if is_special(s)
            && b.scheme.is_some_and(|bs| bs.eq_ignore_ascii_case(s))
            && parts.authority.is_none()
        {
            parts.scheme = None;
        }
    }
    // A special scheme with no `//` (`https:host/x`) still names a host.
    let slashed;
    if parts.scheme.is_some_and(is_special) && parts.authority.is_none() {
        let (scheme, rest) = r.split_once(':')?;
        slashed = format!("{scheme}://{}", rest.trim_start_matches('/'));
        parts = split(&slashed);
    }
    let target = match parts.scheme {
        Some(_) => parts,
        None => {
            let b = split(base?);
            b.scheme?;
            if parts.authority.is_some() {
                Parts {
                    scheme: b.scheme,
                    ..parts
                }
            } else if parts.path.is_empty() {
                Parts {
                    scheme: b.scheme,
                    authority: b.authority,
                    path: b.path,
                    query: parts.query.or(b.query),
                    fragment: parts.fragment,
                }
            } else {
                Parts {
                    scheme: b.scheme,
                    authority: b.authority,
                    query: parts.query,
                    fragment: parts.fragment,
                    path: parts.path,
                }
            }
        }
    };
    // The path: absolute ones as given, relative ones merged with the
    // base's directory (RFC 3986 §5.2.3), then dot segments removed.
    let merged;
    let path = if parts.scheme.is_none() && parts.authority.is_none() && !parts.path.is_empty() {
        let b = split(base?);
        if parts.path.starts_with('/') {
            parts.path
        } else if b.authority.is_some() && b.path.is_empty() {
            merged = format!("/{}", parts.path);
            &merged
        } else if b.authority.is_none() && !b.path.starts_with('/') {
            // An opaque base (`mailto:…`) has no directory to be relative to.
            return None;
        } else {
            let dir = &b.path[..b.path.rfind('/').map_or(0, |i| i + 1)];
            merged = format!("{dir}{}", parts.path);
            &merged
        }
    } else {
        target.path
    };
    compose(target, path)
}

/// The resolved parts written out, normalised as a browser writes them.
fn compose(t: Parts<'_>, path: &str) -> Option<String> {
    let scheme = t.scheme?.to_ascii_lowercase();
    let special = is_special(&scheme);
    let mut out = String::with_capacity(path.len() + 32);
    out.push_str(&scheme);
    out.push(':');
    if let Some(authority) = t.authority {
        out.push_str("//");
        out.push_str(&authority_of(authority, &scheme)?);
    } else if special {
        return None;
    }
    let hierarchical = t.authority.is_some() || path.starts_with('/');
    if hierarchical {
        let path = remove_dot_segments(path);
        if path.is_empty() && special {
            out.push('/');
        }
        encode_into(&mut out, &path, Component::Path);
    } else {
        encode_into(&mut out, path, Component::Opaque);
    }
    if let Some(q) = t.query {
        out.push('?');
        encode_into(
            &mut out,
            q,
            if special {
                Component::SpecialQuery
            } else {
                Component::Query
            },
        );
    }
    if let Some(f) = t.fragment {
        out.push('#');
        encode_into(&mut out, f, Component::Fragment);
    }
    Some(out)
}

/// `userinfo@host:port` with the host lowercased and a default port
/// dropped; `None` when an http(s) host is empty or the port is not a
/// number.
fn authority_of(authority: &str, scheme: &str) -> Option<String> {
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, authority),
    };
    // The port follows the last colon outside an IPv6 literal's brackets.
    let (host, port) = match hostport.rfind(':') {
        Some(i) if !hostport[i..].contains(']') => (&hostport[..i], Some(&hostport[i + 1..])),
        _ => (hostport, None),
    };
    if host.is_empty() && is_special(scheme) {
        return None;
    }
    let port = match port {
        Some("") | None => None,
        Some(p) if p.bytes().all(|b| b.is_ascii_digit()) => {
            let n: u32 = p.trim_start_matches('0').parse().unwrap_or(0);
            if n > u32::from(u16::MAX) {
                return None;
            }
            let default = match scheme {
                "http" => Some(80),
                "https" => Some(443),
                _ => None,
            };
            (default != Some(n)).then(|| n.to_string())
        }
        Some(_) => return None,
    };
    let mut out = String::with_capacity(authority.len());
    if let Some(u) = userinfo {
        encode_into(&mut out, u, Component::Userinfo);
        out.push('@');
    }
    out.push_str(&host.to_ascii_lowercase());
    if let Some(p) = port {
        out.push(':');
        out.push_str(&p);
    }
    Some(out)
}

/// RFC 3986 §5.2.4, segment by segment (`%2e` counts as a dot, as in
/// browsers).
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        let lower = seg.to_ascii_lowercase();
        match lower.as_str() {
            "." | "%2e" => {
                if i == last {
                    out.push("");
                }
            }
            ".." | ".%2e" | "%2e." | "%2e%2e" => {
                // Never above the root: the first (empty) segment stays.
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            _ => out.push(seg),
        }
    }
    out.join("/")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Component {
    Userinfo,
    Path,
    Opaque,
    Query,
    SpecialQuery,
    Fragment,
}

/// Appends `s`, percent-encoding what a browser encodes in `component`:
/// controls, space, non-ASCII (as UTF-8) and the component's own set.
fn encode_into(out: &mut String, s: &str, component: Component) {
    for c in s.chars() {
        let encode = match c {
            c if !c.is_ascii() => true,
            c if c <= ' ' || c == '\u{7f}' => component != Component::Opaque || c < ' ',
            '"' | '<' | '>' => component != Component::Opaque,
            '`' => matches!(component, Component::Path | Component::Fragment),
            '{' | '}' => component == Component::Path,
            '\'' => component == Component::SpecialQuery,
            '/' | ';' | '=' | '@' | '[' | '\\' | ']' | '^' | '|' => {
                component == Component::Userinfo
            }
            _ => false,
        };
        if encode {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
}

/// Whether a resolved URL is one a reader may follow ([`LIVE_SCHEMES`]).
pub fn is_live(url: &str) -> bool {
    url.split_once(':')
        .is_some_and(|(scheme, _)| LIVE_SCHEMES.contains(&scheme))
}

/// An absolute http(s) URL, normalised; `None` for anything else (a page
/// address to resolve against, from the caller or the page's markup).
pub fn absolute_web(url: &str) -> Option<String> {
    let parts = split(url.trim());
    if !parts.scheme.is_some_and(is_special) || parts.authority.is_none() {
        return None;
    }
    resolve(None, url)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 3986 §5.4's examples, normal and abnormal.
    #[test]
    fn the_rfc_examples() {
        let base = Some("http://a/b/c/d;p?q");
        for (r, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g/"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            (";x", "http://a/b/c/;x"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
            ("http:g", "http://a/b/c/g"),
        ] {
            assert_eq!(resolve(base, r).as_deref(), Some(want), "{r:?}");
        }
    }

    #[test]
    fn browser_clean_ups() {
        let base = Some("https://Example.COM:443/news/a.html");
        for (r, want) in [
            ("//img.example.com/x.jpg", "https://img.example.com/x.jpg"),
            ("  /a\tb\nc  ", "https://example.com/abc"),
            ("\\x\\y.html?a\\b", "https://example.com/x/y.html?a\\b"),
            ("b c.html#x y", "https://example.com/news/b%20c.html#x%20y"),
            ("/wiki/北京", "https://example.com/wiki/%E5%8C%97%E4%BA%AC"),
            ("HTTP://Other.org:80", "http://other.org/"),
            ("mailto:Desk@Example.com", "mailto:Desk@Example.com"),
            ("javascript:void(0)", "javascript:void(0)"),
        ] {
            assert_eq!(resolve(base, r).as_deref(), Some(want), "{r:?}");
        }
        assert_eq!(resolve(None, "/relative"), None);
        assert_eq!(resolve(Some("mailto:x@y"), "z"), None);
        assert_eq!(resolve(base, "http://"), None);
        assert_eq!(resolve(base, "http://x:99999/"), None);
    }

    #[test]
    fn live_schemes_and_page_addresses() {
        assert!(is_live("https://a/"));
        assert!(is_live("mailto:a@b"));
        assert!(!is_live("javascript:alert(1)"));
        assert!(!is_live("data:text/html,x"));
        assert_eq!(
            absolute_web("HTTPS://A.org/x").as_deref(),
            Some("https://a.org/x")
        );
        assert_eq!(absolute_web("/x"), None);
        assert_eq!(absolute_web("ftp://a/x"), None);
    }
}
