//! Stage 1, decode: bytes (or a pasted string) to text, choosing the encoding
//! by BOM → user override → `<meta>`/XML declaration → detection, and
//! overruling declared labels that the bytes contradict.

use crate::article::{DecodeReport, EncodingSource, Repair, Warning, WarningKind};
use crate::error::Error;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{
    Encoding, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED,
};

/// How many bytes the `<meta>` prescan looks at, as the WHATWG spec says.
const PRESCAN_LIMIT: usize = 1024;
/// How many bytes `chardetng` sees. 64 KiB is far more than it needs to
/// converge on real pages and keeps detection cost flat on huge inputs.
pub const DETECT_PREFIX: usize = 64 * 1024;
/// How many bytes the binary and UTF-16 sniffers look at.
const SNIFF_PREFIX: usize = 8 * 1024;

/// Decoded text and the report of how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, without BOM.
    pub text: String,
    /// How it was decoded.
    pub report: DecodeReport,
}

/// Checks the limits every input shares: not empty, not over `max_bytes`.
pub fn check_size(len: usize, max_bytes: usize) -> Result<(), Error> {
    if len == 0 {
        return Err(Error::EmptyInput);
    }
    if len > max_bytes {
        return Err(Error::TooLarge {
            size: len,
            limit: max_bytes,
        });
    }
    Ok(())
}

/// Resolves a WHATWG encoding label (`"gb2312"` → GBK), or names it in the error.
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding, Error> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| Error::UnknownEncoding {
        label: label.to_string(),
    })
}

/// Takes a string that is already text (a paste): strips a leading BOM character.
pub fn decode_str(text: &str, max_bytes: usize) -> Result<Decoded, Error> {
    check_size(text.len(), max_bytes)?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut decoded = Decoded {
        report: report(UTF_8, EncodingSource::Text, 1.0, count_replacements(text)),
        text: text.to_string(),
    };
    remove_controls(&mut decoded);
    if decoded.text.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    Ok(decoded)
}

/// Decodes bytes, choosing the encoding as described in the module docs.
///
/// `user_label` is the caller's override (any WHATWG label).
pub fn decode_bytes(
    bytes: &[u8],
    user_label: Option<&str>,
    max_bytes: usize,
) -> Result<Decoded, Error> {
    check_size(bytes.len(), max_bytes)?;
    // Resolve the label first so a typo is reported even for a BOM'd input.
    let user = user_label
        .filter(|l| !l.trim().is_empty())
        .map(encoding_for_label)
        .transpose()?;

    let mut decoded = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        decode_with(body, encoding, EncodingSource::Bom, 1.0)
    } else {
        sniff_binary(bytes)?;
        if let Some(encoding) = user {
            let mut d = decode_with(bytes, encoding, EncodingSource::User, 1.0);
            if d.report.replacements > 0 {
                d.report.warnings.push(Warning::new(
                    WarningKind::DecodeErrors,
                    format!(
                        "the chosen encoding {} produced {} replacement characters",
                        encoding.name(),
                        d.report.replacements
                    ),
                ));
            }
            d
        } else if let Some(declared) = prescan_meta(bytes)
            .map(|d| (d, EncodingSource::Meta))
            .or_else(|| xml_declaration(bytes).map(|d| (d, EncodingSource::Xml)))
        {
            decode_declared(bytes, declared.0, declared.1)
        } else {
            decode_undeclared(bytes)
        }
    };
    remove_controls(&mut decoded);
    if decoded.text.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    let reported = |w: &Warning| w.kind == WarningKind::DecodeErrors;
    if decoded.report.replacements > 0 && !decoded.report.warnings.iter().any(reported) {
        // A BOM'd input with broken sequences (a lone UTF-16 surrogate).
        decoded.report.warnings.push(Warning::new(
            WarningKind::DecodeErrors,
            format!(
                "{} byte sequences are not valid {} and became U+FFFD",
                decoded.report.replacements, decoded.report.encoding
            ),
        ));
    }
    Ok(decoded)
}

/// Whether `b` is a C0 control character that text never carries (NUL and
/// the like; tab, line feed, form feed and carriage return are layout).
fn is_stray_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0C | b'\r')
}

/// Removes stray control characters (a NUL inside a page's text), as the
/// HTML tree builder does, and reports how many.
fn remove_controls(decoded: &mut Decoded) {
    if !decoded.text.bytes().any(is_stray_control) {
        return;
    }
    let before = decoded.text.len();
    decoded
        .text
        .retain(|c| !(c.is_ascii() && is_stray_control(c as u8)));
    let count = before - decoded.text.len();
    decoded.report.repairs.push(Repair {
        kind: "control_characters_removed".to_string(),
        count,
        message: format!("{count} control characters (NUL and the like) were removed"),
    });
}

/// An encoding named in the document, with the label as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    /// The encoding the label maps to (after the WHATWG UTF-16 → UTF-8 rule).
    pub encoding: &'static Encoding,
    /// The label as written, lower-cased.
    pub label: String,
}

fn report(
    encoding: &'static Encoding,
    source: EncodingSource,
    confidence: f64,
    replacements: usize,
) -> DecodeReport {
    DecodeReport {
        encoding: encoding.name().to_string(),
        source,
        confidence,
        replacements,
        repairs: Vec::new(),
        warnings: Vec::new(),
    }
}

fn count_replacements(text: &str) -> usize {
    text.chars().filter(|&c| c == '\u{FFFD}').count()
}

/// Decodes `bytes` (no BOM) with `encoding`.
fn decode_with(
    bytes: &[u8],
    encoding: &'static Encoding,
    source: EncodingSource,
    confidence: f64,
) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let replacements = if had_errors {
        count_replacements(&text)
    } else {
        0
    };
    Decoded {
        text: text.into_owned(),
        report: report(encoding, source, confidence, replacements),
    }
}

/// Decodes with a label the document declared, unless the bytes say otherwise.
fn decode_declared(bytes: &[u8], declared: Declared, source: EncodingSource) -> Decoded {
    let first = decode_with(bytes, declared.encoding, source, 0.9);
    let overrule = |mut better: Decoded| {
        better.report.source = EncodingSource::Detected;
        better.report.warnings.push(Warning::new(
            WarningKind::MislabeledEncoding,
            format!(
                "declared {:?} but the bytes are {}",
                declared.label, better.report.encoding
            ),
        ));
        better
    };
    if declared.encoding == UTF_8 {
        if first.report.replacements == 0 {
            return first;
        }
    } else if utf8_evidence(bytes) {
        // Valid multi-byte UTF-8 is vanishingly unlikely in a legacy encoding.
        return overrule(decode_with(bytes, UTF_8, EncodingSource::Detected, 0.95));
    }
    let guess = detect(bytes);
    if guess == declared.encoding {
        return first;
    }
    // A label that decodes with errors, or a single-byte label over bytes that
    // decode cleanly as a CJK multi-byte encoding, is overruled by a clean guess.
    let suspicious = first.report.replacements > 0
        || (declared.encoding.is_single_byte() && is_cjk_multibyte(guess));
    if suspicious {
        let alternative = decode_with(bytes, guess, EncodingSource::Detected, 0.8);
        if alternative.report.replacements == 0 {
            return overrule(alternative);
        }
    }
    let mut first = first;
    if first.report.replacements > 0 {
        first.report.confidence = 0.3;
        first.report.warnings.push(Warning::new(
            WarningKind::DecodeErrors,
            format!(
                "declared {:?} produced {} replacement characters and no other encoding decodes cleanly",
                declared.label, first.report.replacements
            ),
        ));
    }
    first
}

/// Decodes bytes that name no encoding: UTF-16 and UTF-8 sniffing, then `chardetng`.
fn decode_undeclared(bytes: &[u8]) -> Decoded {
    if let Some(encoding) = sniff_utf16(bytes) {
        return decode_with(bytes, encoding, EncodingSource::Detected, 0.9);
    }
    let non_ascii = bytes.iter().any(|&b| b >= 0x80 || b == 0x1B);
    if !non_ascii {
        return decode_with(bytes, UTF_8, EncodingSource::Default, 1.0);
    }
    if utf8_evidence(bytes) {
        return decode_with(bytes, UTF_8, EncodingSource::Detected, 0.99);
    }
    if let Some(errors) = mostly_utf8(bytes) {
        // UTF-8 with a few broken bytes (a cut-and-joined page) is far more
        // likely than a legacy text that happens to hold many valid UTF-8
        // sequences; a legacy guess would garble every character instead.
        let mut decoded = decode_with(bytes, UTF_8, EncodingSource::Detected, 0.7);
        decoded.report.warnings.push(Warning::new(
            WarningKind::DecodeErrors,
            format!(
                "the bytes are UTF-8 except for {errors} invalid sequences, which became U+FFFD"
            ),
        ));
        return decoded;
    }
    let guess = refine_gbk(detect(bytes), bytes);
    let mut decoded = decode_with(bytes, guess, EncodingSource::Detected, 0.0);
    decoded.report.confidence = detection_confidence(bytes, decoded.report.replacements);
    if decoded.report.replacements > 0 {
        decoded.report.warnings.push(Warning::new(
            WarningKind::DecodeErrors,
            format!(
                "detected {} but {} byte sequences could not be decoded",
                guess.name(),
                decoded.report.replacements
            ),
        ));
    }
    decoded
}

/// Confidence of a statistical guess: grows with the non-ASCII evidence seen,
/// and drops when the guess still decodes with errors.
fn detection_confidence(bytes: &[u8], replacements: usize) -> f64 {
    let sample = bytes.get(..DETECT_PREFIX).unwrap_or(bytes);
    let evidence = sample.iter().filter(|&&b| b >= 0x80).count() as f64;
    let base = 0.5 + 0.4 * (evidence / 200.0).min(1.0);
    if replacements > 0 {
        base * 0.5
    } else {
        base
    }
}

/// `chardetng`'s guess over the first [`DETECT_PREFIX`] bytes.
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    let prefix = bytes.get(..DETECT_PREFIX).unwrap_or(bytes);
    detector.feed(prefix, prefix.len() == bytes.len());
    detector.guess(None, Utf8Detection::Allow)
}

/// True when the bytes are UTF-8 with at least one multi-byte sequence; an
/// input cut inside its last character still counts.
fn utf8_evidence(bytes: &[u8]) -> bool {
    let valid = match std::str::from_utf8(bytes) {
        Ok(_) => bytes.len(),
        // error_len() == None: the input ends inside a sequence (truncated).
        Err(e) if e.error_len().is_none() => e.valid_up_to(),
        Err(_) => return false,
    };
    bytes
        .get(..valid)
        .unwrap_or_default()
        .iter()
        .any(|&b| b >= 0x80)
}

/// `Some(invalid sequences)` when the bytes are UTF-8 but for a few broken
/// sequences: at least 4 valid multi-byte characters and at most one invalid
/// sequence per 8 of them (in the first [`DETECT_PREFIX`] bytes).
fn mostly_utf8(bytes: &[u8]) -> Option<usize> {
    let mut rest = bytes.get(..DETECT_PREFIX).unwrap_or(bytes);
    let (mut multibyte, mut errors) = (0usize, 0usize);
    loop {
        let (valid, skip) = match std::str::from_utf8(rest) {
            Ok(text) => (text, None),
            Err(e) => (
                std::str::from_utf8(rest.get(..e.valid_up_to()).unwrap_or_default())
                    .unwrap_or_default(),
                e.error_len(),
            ),
        };
        multibyte += valid.chars().filter(|c| !c.is_ascii()).count();
        match skip {
            Some(len) => {
                errors += 1;
                rest = rest.get(valid.len() + len..).unwrap_or_default();
            }
            // Valid to the end, or cut inside the last character.
            None => break,
        }
    }
    (multibyte >= 4 && errors * 8 <= multibyte).then_some(errors)
}

/// GBK and GB18030 share one decoder; report GB18030 when the bytes use its
/// four-byte sequences, which GBK does not have.
fn refine_gbk(guess: &'static Encoding, bytes: &[u8]) -> &'static Encoding {
    if guess != GBK {
        return guess;
    }
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if (0x81..=0xFE).contains(&b) {
            if bytes.get(i + 1).is_some_and(|n| n.is_ascii_digit()) {
                return GB18030;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    GBK
}

fn is_cjk_multibyte(encoding: &'static Encoding) -> bool {
    [
        "GBK",
        "gb18030",
        "Big5",
        "Shift_JIS",
        "EUC-JP",
        "EUC-KR",
        "ISO-2022-JP",
    ]
    .contains(&encoding.name())
}

/// Recognises UTF-16 without a BOM from the NUL bytes of its ASCII characters.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..SNIFF_PREFIX).unwrap_or(bytes);
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if let [a, b] = pair {
            even += usize::from(*a == 0);
            odd += usize::from(*b == 0);
        }
    }
    // ASCII-heavy UTF-16: one byte of most pairs is NUL, the other almost never.
    let mostly = |n: usize| n * 10 >= pairs * 3;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd) && rarely(even) {
        Some(UTF_16LE)
    } else if mostly(even) && rarely(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// File signatures of formats people drop by mistake.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "ELF executable"),
    (b"\0asm", "WebAssembly module"),
    (b"\xFD7zXZ\0", "xz-compressed data"),
    (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"SQLite format 3\0", "SQLite database"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "OLE2 (legacy Office) document",
    ),
    (b"OggS", "Ogg media"),
    (b"\x1A\x45\xDF\xA3", "Matroska/WebM media"),
    (b"II*\0", "TIFF image"),
    (b"MM\0*", "TIFF image"),
    (b"\x28\xB5\x2F\xFD", "Zstandard-compressed data"),
];

/// Rejects inputs that are not text: known signatures, or too many NUL bytes.
pub fn sniff_binary(bytes: &[u8]) -> Result<(), Error> {
    if let Some((_, what)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Err(Error::Binary { what });
    }
    if bytes.get(..4) == Some(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        return Err(Error::Binary { what: "WebP image" });
    }
    if bytes.get(4..8) == Some(b"ftyp") {
        return Err(Error::Binary {
            what: "MP4/QuickTime media",
        });
    }
    let sample = bytes.get(..SNIFF_PREFIX).unwrap_or(bytes);
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    // More than one NUL in 32 bytes is not text, unless it is UTF-16's pattern.
    if nuls * 32 > sample.len() && sniff_utf16(bytes).is_none() {
        return Err(Error::Binary { what: "NUL bytes" });
    }
    Ok(())
}

/// The WHATWG encoding for a label found in a document, with the rule that
/// a declared UTF-16 means UTF-8 (the bytes were ASCII-compatible to be read).
fn declared(label: &[u8]) -> Option<Declared> {
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
fn charset_from_content(content: &[u8]) -> Option<&[u8]> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn prescan(s: &str) -> Option<&'static str> {
        prescan_meta(s.as_bytes()).map(|d| d.encoding.name())
    }

    #[test]
    fn prescan_follows_the_whatwg_rules() {
        assert_eq!(prescan("<meta charset=gb2312>"), Some("GBK"));
        assert_eq!(prescan("<META CHARSET='Big5'>"), Some("Big5"));
        assert_eq!(
            prescan(r#"<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">"#),
            Some("Shift_JIS")
        );
        // content without http-equiv is ignored
        assert_eq!(prescan(r#"<meta content="text/html; charset=gbk">"#), None);
        // inside a comment
        assert_eq!(
            prescan("<!-- <meta charset=gbk> --><meta charset=big5>"),
            Some("Big5")
        );
        // "<!-->" closes the comment at once
        assert_eq!(prescan("<!--><meta charset=gbk>"), Some("GBK"));
        // an attribute value of another tag does not count
        assert_eq!(
            prescan(r#"<div title="<meta charset=gbk>"><meta charset=euc-kr>"#),
            Some("EUC-KR")
        );
        // UTF-16 labels mean UTF-8
        assert_eq!(prescan("<meta charset=utf-16le>"), Some("UTF-8"));
        // unknown labels are skipped
        assert_eq!(
            prescan("<meta charset=klingon><meta charset=koi8-r>"),
            Some("KOI8-R")
        );
        // past the first 1024 bytes
        let late = format!("{}<meta charset=gbk>", " ".repeat(1100));
        assert_eq!(prescan(&late), None);
    }

    #[test]
    fn xml_declaration_is_read() {
        let d = xml_declaration(b"<?xml version='1.0' encoding=\"EUC-JP\"?><html>");
        assert_eq!(d.map(|d| d.encoding.name()), Some("EUC-JP"));
        assert_eq!(xml_declaration(b"<?xml version='1.0'?>"), None);
    }

    #[test]
    fn content_charset_forms() {
        assert_eq!(
            charset_from_content(b"text/html; charset=gbk"),
            Some(&b"gbk"[..])
        );
        assert_eq!(
            charset_from_content(b"text/html;charset = \"big5\""),
            Some(&b"big5"[..])
        );
        assert_eq!(
            charset_from_content(b"charsetx; charset=utf-8;"),
            Some(&b"utf-8"[..])
        );
        assert_eq!(charset_from_content(b"text/html"), None);
        assert_eq!(charset_from_content(b"charset='unterminated"), None);
    }

    #[test]
    fn utf16_without_bom_is_sniffed() {
        // encoding_rs's encoders output UTF-8 for UTF-16 (Encoding Standard): build by hand.
        let le: Vec<u8> = "hello world, plain text"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "hello world, plain text"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(sniff_utf16(&le), Some(UTF_16LE));
        assert_eq!(sniff_utf16(&be), Some(UTF_16BE));
        assert_eq!(sniff_utf16(b"plain ascii text"), None);
    }
}
