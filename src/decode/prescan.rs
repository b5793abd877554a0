//! What a document declares about its encoding: the WHATWG `<meta>`
//! prescan and the XML declaration.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

/// How many bytes the `<meta>` prescan looks at, as the WHATWG spec says.
const PRESCAN_LIMIT: usize = 1024;

/// An encoding named in the document, with the label as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    /// The encoding the label maps to (after the WHATWG UTF-16 → UTF-8 rule).
    pub encoding: &'static Encoding,
    /// The label as written, lower-cased.
    pub label: String,
}

/// The WHATWG encoding for a label found in a document, with the rule that
/// a declared UTF-16 means UTF-8 (the bytes were ASCII-compatible to be read).
pub(crate) fn declared(label: &[u8]) -> Option<Declared> {
    let encoding = Encoding::for_label(label)?;
    let encoding = if encoding == UTF_16BE || encoding == UTF_16LE {
        UTF_8
    } else if encoding == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        encoding
    };
    Some(Declared {
        encoding,
        label: String::from_utf8_lossy(label).trim().to_ascii_lowercase(),
    })
}

/// The encoding of an XML declaration at the start: `<?xml version="1.0" encoding="…"?>`.
pub fn xml_declaration(bytes: &[u8]) -> Option<Declared> {
    let head = bytes.get(..PRESCAN_LIMIT).unwrap_or(bytes);
    let head = head.strip_prefix(b"<?xml")?;
    let end = memchr::memmem::find(head, b"?>")?;
    let decl = head.get(..end)?;
    let at = find_ascii_ci(decl, b"encoding")?;
    let rest = trim_start(decl.get(at + 8..)?);
    let rest = trim_start(rest.strip_prefix(b"=")?);
    let (&quote, rest) = rest.split_first()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let close = memchr::memchr(quote, rest)?;
    declared(rest.get(..close)?)
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|&&b| is_space(b)).count();
    s.get(n..).unwrap_or_default()
}

fn find_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The WHATWG "prescan a byte stream to determine its encoding" algorithm
/// over the first 1024 bytes.
pub fn prescan_meta(bytes: &[u8]) -> Option<Declared> {
    let mut scan = Prescan {
        bytes: bytes.get(..PRESCAN_LIMIT).unwrap_or(bytes),
        pos: 0,
    };
    scan.run()
}

struct Prescan<'a> {
    bytes: &'a [u8],
    pos: usize,
}

struct Attribute {
    name: Vec<u8>,
    value: Vec<u8>,
}

impl Prescan<'_> {
    fn at(&self, offset: usize) -> Option<u8> {
        self.bytes.get(self.pos + offset).copied()
    }

    fn rest(&self) -> &[u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }

    fn run(&mut self) -> Option<Declared> {
        while self.pos < self.bytes.len() {
            let rest = self.rest();
            if rest.starts_with(b"<!--") {
                // The "-->" may share its dashes with "<!--" ("<!-->").
                let from = self.pos + 2;
                let tail = self.bytes.get(from..)?;
                self.pos = from + memchr::memmem::find(tail, b"-->")? + 3;
                continue;
            }
            if rest.len() >= 6
                && rest
                    .get(..5)
                    .is_some_and(|s| s.eq_ignore_ascii_case(b"<meta"))
                && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
            {
                self.pos += 6;
                if let Some(found) = self.meta()? {
                    return Some(found);
                }
            } else if rest.first() == Some(&b'<')
                && (rest.get(1).is_some_and(u8::is_ascii_alphabetic)
                    || (rest.get(1) == Some(&b'/')
                        && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
            {
                while self.at(0).is_some_and(|b| !is_space(b) && b != b'>') {
                    self.pos += 1;
                }
                while self.attribute()?.is_some() {}
            } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?")
            {
                self.pos += memchr::memchr(b'>', rest)?;
            }
            self.pos += 1;
        }
        None
    }

    /// The attributes of one `<meta>`: `Some(None)` when it declares nothing usable.
    fn meta(&mut self) -> Option<Option<Declared>> {
        let mut seen: Vec<Vec<u8>> = Vec::new();
        let mut got_pragma = false;
        let mut need_pragma: Option<bool> = None;
        let mut charset: Option<Option<Declared>> = None;
        while let Some(attr) = self.attribute()? {
            if seen.contains(&attr.name) {
                continue;
            }
            match attr.name.as_slice() {
                b"http-equiv" => got_pragma |= attr.value == b"content-type",
                b"content" if charset.is_none() => {
                    if let Some(label) = charset_from_content(&attr.value) {
                        charset = Some(declared(label));
                        need_pragma = Some(true);
                    }
                }
                b"charset" => {
                    charset = Some(declared(&attr.value));
                    need_pragma = Some(false);
                }
                _ => {}
            }
            seen.push(attr.name);
        }
        Some(match need_pragma {
            None => None,
            Some(true) if !got_pragma => None,
            _ => charset.flatten(),
        })
    }

    /// "Get an attribute": `Some(None)` at the end of the tag, `None` at the end of input.
    fn attribute(&mut self) -> Option<Option<Attribute>> {
        while self.at(0).is_some_and(|b| is_space(b) || b == b'/') {
            self.pos += 1;
        }
        let mut attr = Attribute {
            name: Vec::new(),
            value: Vec::new(),
        };
        match self.at(0)? {
            b'>' => return Some(None),
            _ => loop {
                let b = self.at(0)?;
                if b == b'=' && !attr.name.is_empty() {
                    self.pos += 1;
                    return self.attribute_value(attr).map(Some);
                }
                if is_space(b) {
                    break;
                }
                if b == b'/' || b == b'>' {
                    return Some(Some(attr));
                }
                attr.name.push(b.to_ascii_lowercase());
                self.pos += 1;
            },
        }
        while self.at(0).is_some_and(is_space) {
            self.pos += 1;
        }
        if self.at(0)? != b'=' {
            return Some(Some(attr));
        }
        self.pos += 1;
        self.attribute_value(attr).map(Some)
    }

    fn attribute_value(&mut self, mut attr: Attribute) -> Option<Attribute> {
        while self.at(0).is_some_and(is_space) {
            self.pos += 1;
        }
        let b = self.at(0)?;
        if b == b'"' || b == b'\'' {
            loop {
                self.pos += 1;
                let c = self.at(0)?;
                if c == b {
                    self.pos += 1;
                    return Some(attr);
                }
                attr.value.push(c.to_ascii_lowercase());
            }
        }
        if b == b'>' {
            return Some(attr);
        }
        loop {
            let c = self.at(0)?;
            if is_space(c) || c == b'>' {
                return Some(attr);
            }
            attr.value.push(c.to_ascii_lowercase());
            self.pos += 1;
        }
    }
}

/// "Extracting a character encoding from a meta element" (the `content` attribute).
pub(super) fn charset_from_content(content: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    loop {
        let at = pos + find_ascii_ci(content.get(pos..)?, b"charset")?;
        pos = at + 7;
        let rest = trim_start(content.get(pos..)?);
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = trim_start(rest);
        return match rest.first() {
            Some(&q) if q == b'"' || q == b'\'' => {
                let inner = rest.get(1..)?;
                inner.get(..memchr::memchr(q, inner)?)
            }
            Some(_) => {
                let end = rest
                    .iter()
                    .position(|&b| is_space(b) || b == b';')
                    .unwrap_or(rest.len());
                rest.get(..end)
            }
            None => None,
        };
    }
}
