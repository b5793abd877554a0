//! Stage 1, decode: bytes (or a pasted string) to text, choosing the encoding
//! by BOM → user override → `<meta>`/XML declaration → detection, and
//! overruling declared labels that the bytes contradict.

use crate::article::{DecodeReport, EncodingSource, Repair, RepairKind, Warning, WarningKind};
use crate::error::Error;
use crate::text::{has_stray_control, remove_stray_controls};
use encoding_rs::{Encoding, BIG5, GBK, UTF_16BE, UTF_16LE, UTF_8};

mod confidence;
mod detect;
mod gzip;
mod prescan;

use confidence::{
    CERTAIN, DECLARED, DECLARED_WITH_ERRORS, GUESS_FLOOR, GUESS_FULL_EVIDENCE, GUESS_GAIN,
    GUESS_OVER_LABEL, GUESS_WITH_ERRORS_FACTOR, MOSTLY_UTF8, UTF16_SNIFFED, UTF8_EVIDENCE,
    UTF8_OVER_LABEL,
};
pub use detect::DETECT_PREFIX;
use detect::{
    detect, is_cjk_multibyte, mostly_hanzi, mostly_utf8, refine_gbk, sniff_binary, sniff_utf16,
    utf8_evidence,
};
pub use gzip::{gunzip, is_gzip, Inflated};
pub use prescan::Declared;
use prescan::{prescan_meta, xml_declaration};

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
        report: report(
            UTF_8,
            EncodingSource::Text,
            CERTAIN,
            count_replacements(text),
        ),
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
    decode_bytes_hinted(bytes, user_label, None, max_bytes)
}

/// [`decode_bytes`] with a charset hint: the label a transport gave (the
/// HTTP `Content-Type` charset of a WARC record), weighed like the page's
/// own `<meta>` label and, as in browsers, before it — unless the two
/// disagree and detection sides with the page's (servers often send a
/// default such as `iso-8859-1`). The bytes can overrule it as they can a
/// `<meta>` label. A hint that is not a WHATWG label is ignored.
pub fn decode_bytes_hinted(
    bytes: &[u8],
    user_label: Option<&str>,
    hint: Option<&str>,
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
        decode_with(body, encoding, EncodingSource::Bom, CERTAIN)
    } else {
        sniff_binary(bytes, user.is_some_and(|e| e == UTF_16LE || e == UTF_16BE))?;
        if let Some(encoding) = user {
            let mut d = decode_with(bytes, encoding, EncodingSource::User, CERTAIN);
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
        } else {
            let hint = hint.and_then(|label| prescan::declared(label.trim().as_bytes()));
            let in_page = prescan_meta(bytes)
                .map(|d| (d, EncodingSource::Meta))
                .or_else(|| xml_declaration(bytes).map(|d| (d, EncodingSource::Xml)));
            match (hint, in_page) {
                (Some(hint), Some((page, source)))
                    if hint.encoding != page.encoding && detect(bytes) == page.encoding =>
                {
                    let mut d = decode_declared(bytes, page, source);
                    d.report.warnings.push(Warning::new(
                        WarningKind::MislabeledEncoding,
                        format!(
                            "the charset hint {:?} was overruled by the page's own label, which its bytes agree with",
                            hint.label
                        ),
                    ));
                    d
                }
                (Some(hint), _) => decode_declared(bytes, hint, EncodingSource::Hint),
                (None, Some((page, source))) => decode_declared(bytes, page, source),
                (None, None) => decode_undeclared(bytes),
            }
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

/// Removes stray control characters (a NUL inside a page's text), as the
/// HTML tree builder does, and reports how many.
fn remove_controls(decoded: &mut Decoded) {
    if !has_stray_control(&decoded.text) {
        return;
    }
    let removed = remove_stray_controls(&mut decoded.text);
    report_controls_removed(&mut decoded.report, removed);
}

/// Adds `count` removed control characters to the report's one
/// `control_characters_removed` repair (the decoder's, and later the HTML
/// parser's for those that character references produced).
pub(crate) fn report_controls_removed(report: &mut DecodeReport, count: usize) {
    if count == 0 {
        return;
    }
    let message = |count| format!("{count} control characters (NUL and the like) were removed");
    match report
        .repairs
        .iter_mut()
        .find(|r| r.kind == RepairKind::ControlCharactersRemoved)
    {
        Some(repair) => {
            repair.count += count;
            repair.message = message(repair.count);
        }
        None => report.repairs.push(Repair {
            kind: RepairKind::ControlCharactersRemoved,
            count,
            message: message(count),
        }),
    }
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
        tables_used: false,
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
    let first = decode_with(bytes, declared.encoding, source, DECLARED);
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
        return overrule(decode_with(
            bytes,
            UTF_8,
            EncodingSource::Detected,
            UTF8_OVER_LABEL,
        ));
    }
    let guess = detect(bytes);
    if guess == declared.encoding {
        return first;
    }
    // A label that decodes with errors, or a single-byte label over bytes that
    // decode cleanly as a CJK multi-byte encoding, is overruled by a clean guess.
    // A single-byte guess always decodes "cleanly": over a declared CJK
    // label whose bytes are Hanzi but for a few strays it is no evidence.
    let damaged_cjk = is_cjk_multibyte(declared.encoding)
        && guess.is_single_byte()
        && mostly_hanzi(bytes).is_some();
    let suspicious = (first.report.replacements > 0 && !damaged_cjk)
        || (declared.encoding.is_single_byte() && is_cjk_multibyte(guess));
    if suspicious {
        let alternative = decode_with(bytes, guess, EncodingSource::Detected, GUESS_OVER_LABEL);
        if alternative.report.replacements == 0 {
            return overrule(alternative);
        }
    }
    let mut first = first;
    if first.report.replacements > 0 {
        first.report.confidence = DECLARED_WITH_ERRORS;
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
        return decode_with(bytes, encoding, EncodingSource::Detected, UTF16_SNIFFED);
    }
    let non_ascii = bytes.iter().any(|&b| b >= 0x80 || b == 0x1B);
    if !non_ascii {
        return decode_with(bytes, UTF_8, EncodingSource::Default, CERTAIN);
    }
    if utf8_evidence(bytes) {
        return decode_with(bytes, UTF_8, EncodingSource::Detected, UTF8_EVIDENCE);
    }
    if let Some(errors) = mostly_utf8(bytes) {
        // UTF-8 with a few broken bytes (a cut-and-joined page) is far more
        // likely than a legacy text that happens to hold many valid UTF-8
        // sequences; a legacy guess would garble every character instead.
        let mut decoded = decode_with(bytes, UTF_8, EncodingSource::Detected, MOSTLY_UTF8);
        decoded.report.warnings.push(Warning::new(
            WarningKind::DecodeErrors,
            format!(
                "the bytes are UTF-8 except for {errors} invalid sequences, which became U+FFFD"
            ),
        ));
        return decoded;
    }
    let mut guess = refine_gbk(detect(bytes), bytes);
    if guess.is_single_byte() && mostly_hanzi(bytes).is_some() {
        // Chinese double-byte text with a few broken bytes: the one of GBK
        // and Big5 that decodes with fewer errors (GBK on a tie).
        let prefix = bytes.get(..DETECT_PREFIX).unwrap_or(bytes);
        let errors = |e: &'static Encoding| {
            let (text, _) = e.decode_without_bom_handling(prefix);
            text.matches('\u{FFFD}').count()
        };
        guess = if errors(BIG5) < errors(GBK) {
            BIG5
        } else {
            refine_gbk(GBK, bytes)
        };
    }
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
    let base = GUESS_FLOOR + GUESS_GAIN * (evidence / GUESS_FULL_EVIDENCE).min(1.0);
    if replacements > 0 {
        base * GUESS_WITH_ERRORS_FACTOR
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::detect::sniff_utf16;
    use super::prescan::{charset_from_content, prescan_meta, xml_declaration};
    use encoding_rs::{UTF_16BE, UTF_16LE};

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
