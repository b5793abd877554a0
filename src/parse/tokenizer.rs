//! A single-pass HTML tokenizer over decoded text.
//!
//! It follows the WHATWG tokenizer where it matters for extracting text
//! (comments, `<!DOCTYPE>`, raw-text and RCDATA elements, quoted attributes,
//! character references through `entities`) and skips what does not (doctype
//! details, parse-error reporting). It never recurses and never panics:
//! every index comes from a search in the same string and is read with `get`.

use super::entities::{self, Context};
use crate::text::{has_stray_control, remove_stray_controls};
use std::borrow::Cow;

/// Attributes kept per tag; later ones are parsed (to find the tag's end) and
/// dropped. Keeps the duplicate-name check bounded: without it a tag with
/// 100 000 attributes took quadratic time (2.4 s for 250 KB, 32 s for 1 MB).
pub const MAX_ATTRIBUTES: usize = 64;

/// One attribute of a start tag, name lower-cased, value unescaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// Lower-cased name.
    pub name: Box<str>,
    /// Value with character references resolved.
    pub value: String,
}

/// What the tokenizer reports to its sink.
#[derive(Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// A start tag with lower-cased name.
    Start {
        /// Lower-cased tag name.
        name: String,
        /// Attributes, first occurrence of each name wins.
        attrs: Vec<Attribute>,
        /// Written as `<x/>`.
        self_closing: bool,
        /// Attributes past [`MAX_ATTRIBUTES`] that were dropped.
        dropped_attributes: usize,
        /// Control characters spelled by character references in the
        /// values (`&#27;`), removed.
        controls_removed: usize,
    },
    /// An end tag with lower-cased name.
    End {
        /// Lower-cased tag name.
        name: String,
    },
    /// Character data with references resolved.
    Text(Cow<'a, str>),
}

/// Elements whose content is raw text up to their end tag.
fn raw_text_kind(name: &str) -> Option<RawKind> {
    match name {
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            Some(RawKind::Raw)
        }
        "title" | "textarea" => Some(RawKind::Escapable),
        "plaintext" => Some(RawKind::ToEnd),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum RawKind {
    Raw,
    Escapable,
    ToEnd,
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn unescape(text: &str, context: Context) -> Cow<'_, str> {
    if text.contains('&') {
        entities::resolve(text, context)
    } else {
        Cow::Borrowed(text)
    }
}

/// Character references in `text` resolved, as in element text: for
/// strings a page escaped twice (`&amp;#8217;` in a `content` attribute or
/// JSON-LD reads `&#8217;` once parsed).
pub fn decode_references(text: &str) -> Cow<'_, str> {
    unescape(text, Context::General)
}

/// Tokenizes `input`, handing every token to `sink` in document order.
pub fn tokenize<'a>(input: &'a str, mut sink: impl FnMut(Token<'a>)) {
    tokenize_for_tree(input, |token| {
        sink(token);
        true
    });
}

/// [`tokenize`] for a tree builder: after a start tag, `sink` answers
/// whether it opened an HTML element, for only those make their content
/// raw text (`<svg><style>` holds markup; the standard's tokenizer asks
/// the tree builder the same).
pub fn tokenize_for_tree<'a>(input: &'a str, mut sink: impl FnMut(Token<'a>) -> bool) {
    let bytes = input.as_bytes();
    let mut pos = 0;
    let mut text_start = 0;
    let flush = |sink: &mut dyn FnMut(Token<'a>) -> bool, from: usize, to: usize| {
        if let Some(text) = input.get(from..to).filter(|t| !t.is_empty()) {
            sink(Token::Text(unescape(text, Context::General)));
        }
    };
    while let Some(offset) = bytes.get(pos..).and_then(|rest| memchr::memchr(b'<', rest)) {
        let lt = pos + offset;
        let next = bytes.get(lt + 1).copied();
        match next {
            Some(b'!') => {
                flush(&mut sink, text_start, lt);
                pos = skip_markup_declaration(bytes, lt);
                text_start = pos;
            }
            Some(b'?') => {
                flush(&mut sink, text_start, lt);
                pos = skip_to_gt(bytes, lt);
                text_start = pos;
            }
            Some(b'/') => match bytes.get(lt + 2).copied() {
                Some(c) if c.is_ascii_alphabetic() => {
                    flush(&mut sink, text_start, lt);
                    let (name, end) = tag_name(input, lt + 2);
                    // End tags may carry attributes; they are parsed and dropped.
                    let after = attributes(input, end).after;
                    pos = after;
                    text_start = pos;
                    sink(Token::End { name });
                }
                Some(b'>') => {
                    flush(&mut sink, text_start, lt);
                    pos = lt + 3;
                    text_start = pos;
                }
                Some(_) => {
                    flush(&mut sink, text_start, lt);
                    pos = skip_to_gt(bytes, lt);
                    text_start = pos;
                }
                None => pos = lt + 1,
            },
            Some(c) if c.is_ascii_alphabetic() => {
                flush(&mut sink, text_start, lt);
                let (name, end) = tag_name(input, lt + 1);
                let Attributes {
                    mut attrs,
                    self_closing,
                    dropped,
                    controls_removed,
                    after,
                } = attributes(input, end);
                if after > bytes.len() {
                    // EOF inside a tag: the tag is dropped, as browsers do.
                    return;
                }
                pos = after;
                text_start = pos;
                // The element keeps its attributes as long as the tree lives:
                // a `Vec` grows to four at its first push (160 bytes for one
                // `class`, 4 × the tag's size on a page of small elements).
                attrs.shrink_to_fit();
                let raw = raw_text_kind(&name);
                let raw_name = raw.map(|_| name.clone());
                let html = sink(Token::Start {
                    name,
                    attrs,
                    self_closing,
                    dropped_attributes: dropped,
                    controls_removed,
                });
                if let (Some(kind), Some(raw_name), true) = (raw, raw_name, html) {
                    let end = match kind {
                        RawKind::ToEnd => bytes.len(),
                        _ if raw_name == "script" => find_script_end(bytes, pos),
                        _ => find_end_tag(bytes, pos, &raw_name).unwrap_or(bytes.len()),
                    };
                    if let Some(text) = input.get(pos..end).filter(|t| !t.is_empty()) {
                        sink(Token::Text(match kind {
                            RawKind::Escapable => unescape(text, Context::General),
                            _ => Cow::Borrowed(text),
                        }));
                    }
                    pos = end;
                    text_start = end;
                }
            }
            _ => pos = lt + 1,
        }
    }
    flush(&mut sink, text_start, bytes.len());
}

/// Skips `<!-- … -->`, `<!DOCTYPE …>` or a bogus comment starting at `lt`.
fn skip_markup_declaration(bytes: &[u8], lt: usize) -> usize {
    let rest = bytes.get(lt..).unwrap_or_default();
    if rest.starts_with(b"<!--") {
        let body = lt + 4;
        let after = bytes.get(body..).unwrap_or_default();
        // "<!-->" and "<!--->" are complete, empty comments.
        if after.starts_with(b">") {
            return body + 1;
        }
        if after.starts_with(b"->") {
            return body + 2;
        }
        // `--!>` also closes a comment; look for it only before the first
        // `-->` (searching the whole rest for every comment was quadratic).
        let close = memchr::memmem::find(after, b"-->");
        let bang_scope = after.get(..close.unwrap_or(after.len())).unwrap_or(after);
        return match (memchr::memmem::find(bang_scope, b"--!>"), close) {
            (Some(b), _) => body + b + 4,
            (None, Some(a)) => body + a + 3,
            (None, None) => bytes.len(),
        };
    }
    skip_to_gt(bytes, lt)
}

fn skip_to_gt(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| memchr::memchr(b'>', rest))
        .map_or(bytes.len(), |i| from + i + 1)
}

/// Reads a tag name starting at `start`; returns it lower-cased and where it ends.
fn tag_name(input: &str, start: usize) -> (String, usize) {
    let bytes = input.as_bytes();
    let len = bytes
        .get(start..)
        .unwrap_or_default()
        .iter()
        .position(|&b| is_space(b) || b == b'/' || b == b'>')
        .unwrap_or(bytes.len().saturating_sub(start));
    let name = input.get(start..start + len).unwrap_or_default();
    (name.to_ascii_lowercase(), start + len)
}

/// The attributes of one tag, as [`attributes`] read them.
struct Attributes {
    /// The first [`MAX_ATTRIBUTES`], first occurrence of each name.
    attrs: Vec<Attribute>,
    /// Written as `<x/>`.
    self_closing: bool,
    /// How many attributes past the limit were dropped.
    dropped: usize,
    /// Control characters that character references in the values spelled,
    /// removed.
    controls_removed: usize,
    /// The offset after `>`, or `len + 1` when the input ended inside the tag.
    after: usize,
}

/// Parses attributes from `pos` to the closing `>`.
fn attributes(input: &str, mut pos: usize) -> Attributes {
    let bytes = input.as_bytes();
    let mut result = Attributes {
        attrs: Vec::new(),
        self_closing: false,
        dropped: 0,
        controls_removed: 0,
        after: bytes.len() + 1,
    };
    loop {
        while let Some(&b) = bytes.get(pos) {
            if b == b'/' {
                result.self_closing = true;
            } else if !is_space(b) {
                break;
            }
            pos += 1;
        }
        match bytes.get(pos) {
            None => return result,
            Some(b'>') => {
                result.after = pos + 1;
                return result;
            }
            Some(_) => result.self_closing = false,
        }
        // The first character may be '='; after it, '=' ends the name.
        let name_start = pos;
        pos += 1;
        while let Some(&b) = bytes.get(pos) {
            if is_space(b) || b == b'/' || b == b'>' || b == b'=' {
                break;
            }
            pos += 1;
        }
        let name = input.get(name_start..pos).unwrap_or_default();
        while bytes.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        let mut raw = "";
        if bytes.get(pos) == Some(&b'=') {
            pos += 1;
            while bytes.get(pos).is_some_and(|&b| is_space(b)) {
                pos += 1;
            }
            match bytes.get(pos).copied() {
                Some(q @ (b'"' | b'\'')) => {
                    let start = pos + 1;
                    let Some(len) = bytes.get(start..).and_then(|r| memchr::memchr(q, r)) else {
                        return result;
                    };
                    raw = input.get(start..start + len).unwrap_or_default();
                    pos = start + len + 1;
                }
                Some(_) => {
                    let start = pos;
                    while bytes.get(pos).is_some_and(|&b| !is_space(b) && b != b'>') {
                        pos += 1;
                    }
                    raw = input.get(start..pos).unwrap_or_default();
                }
                None => return result,
            }
        }
        if result.attrs.len() == MAX_ATTRIBUTES {
            result.dropped += 1;
            continue;
        }
        // Unescaped only when kept: dropped attributes cost no allocation.
        let mut value = unescape(raw, Context::Attribute);
        // Only a value with character references can hold one: the decoder
        // removed those written as they are.
        if matches!(value, Cow::Owned(_)) && has_stray_control(&value) {
            result.controls_removed += remove_stray_controls(value.to_mut());
        }
        let name = name.to_ascii_lowercase();
        if !result.attrs.iter().any(|a| *a.name == *name) {
            result.attrs.push(Attribute {
                name: name.into_boxed_str(),
                value: value.into_owned(),
            });
        }
    }
}

/// Finds `</name` (any case) followed by a space, `/` or `>` at or after `from`.
/// Where a script ends, with the standard's escaping: after `<!--`, a
/// `<script>` inside the comment-like run ("double escaped") hides the next
/// `</script>`, as in `<!-- document.write('<script></script>') -->`.
fn find_script_end(bytes: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let tag_at = |at: usize, tag: &[u8]| {
        bytes
            .get(at..at + tag.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(tag))
            && bytes
                .get(at + tag.len())
                .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
    };
    let mut state = State::Data;
    let mut pos = from;
    while let Some(offset) = bytes
        .get(pos..)
        .and_then(|b| memchr::memchr2(b'<', b'-', b))
    {
        pos += offset;
        let rest = bytes.get(pos..).unwrap_or_default();
        if rest.starts_with(b"-->") && state != State::Data {
            state = State::Data;
            pos += 3;
        } else if rest.starts_with(b"<!--") && state == State::Data {
            state = State::Escaped;
            pos += 4;
        } else if tag_at(pos, b"</script") {
            if state != State::DoubleEscaped {
                return pos;
            }
            state = State::Escaped;
            pos += 8;
        } else if state == State::Escaped && tag_at(pos, b"<script") {
            state = State::DoubleEscaped;
            pos += 7;
        } else {
            pos += 1;
        }
    }
    // Unterminated: the script runs to the end, as in the standard.
    bytes.len()
}

fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut pos = from;
    loop {
        let lt = pos + memchr::memmem::find(bytes.get(pos..)?, b"</")?;
        let name_end = lt + 2 + name.len();
        let matches = bytes
            .get(lt + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let terminated = bytes
            .get(name_end)
            .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>');
        if matches && terminated {
            return Some(lt);
        }
        pos = lt + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(input: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(input, |t| {
            out.push(match t {
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                    ..
                } => {
                    let attrs: Vec<String> = attrs
                        .iter()
                        .map(|a| format!("{}={}", a.name, a.value))
                        .collect();
                    format!(
                        "<{name} {}{}>",
                        attrs.join(" "),
                        if self_closing { "/" } else { "" }
                    )
                }
                Token::End { name } => format!("</{name}>"),
                Token::Text(t) => format!("{t:?}"),
            })
        });
        out
    }

    #[test]
    fn tags_attributes_and_references() {
        assert_eq!(
            tokens(r#"<P Class="a&amp;b" id=x data-v='1>2'>Tom &amp; Jerry&nbsp;&#x4E2D;</p>"#),
            [
                "<p class=a&b id=x data-v=1>2>",
                "\"Tom & Jerry\\u{a0}中\"",
                "</p>"
            ]
        );
    }

    #[test]
    fn comments_doctype_and_bogus_markup_are_skipped() {
        assert_eq!(
            tokens("<!DOCTYPE html><!-- <p>no</p> -->a<!-->b<?php x ?>c</ >d"),
            ["\"a\"", "\"b\"", "\"c\"", "\"d\""]
        );
        assert_eq!(tokens("a<!-- never closed <p>x"), ["\"a\""]);
    }

    #[test]
    fn script_comments_hide_a_written_script_end_tag() {
        let html =
            "<script><!-- document.write('<script src=x></script>'); var a; --></script>after";
        let t = tokens(html);
        assert_eq!(t.last().map(String::as_str), Some("\"after\""), "{t:?}");
        assert!(t.iter().any(|x| x.contains("var a")), "{t:?}");
        // A double-escaped run with no way out runs to the end.
        let t = tokens("<script><!-- <script>a</p><p>b");
        assert_eq!(t.len(), 2, "{t:?}");
        // Without `<!--` the first end tag ends the script.
        let t = tokens("<script>a('<script></script>b</script>");
        assert_eq!(t.get(2).map(String::as_str), Some("</script>"), "{t:?}");
    }

    #[test]
    fn raw_text_elements_keep_markup_as_text() {
        assert_eq!(
            tokens("<script>if (a < b) { x = '</p>'; }</SCRIPT >after"),
            [
                "<script >",
                "\"if (a < b) { x = '</p>'; }\"",
                "</script>",
                "\"after\""
            ]
        );
        assert_eq!(
            tokens("<title>A &amp; B <b></title>"),
            ["<title >", "\"A & B <b>\"", "</title>"]
        );
    }

    #[test]
    fn stray_less_than_is_text_and_eof_in_tag_drops_it() {
        assert_eq!(tokens("1 < 2 <3"), ["\"1 < 2 <3\""]);
        assert_eq!(tokens("text<div class=\"unterminated"), ["\"text\""]);
        assert_eq!(tokens("<br/><img src=a />"), ["<br />", "<img src=a/>"]);
    }
}
