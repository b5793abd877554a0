//! Finding an encoding no label names: `chardetng`'s guess (refined for
//! GB18030), UTF-8 and UTF-16 evidence, and the binary-file sniff that
//! refuses images and archives before any decoding.

use crate::error::Error;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GB18030, GBK, UTF_16BE, UTF_16LE};

/// How many bytes `chardetng` sees. 64 KiB is far more than it needs to
/// converge on real pages and keeps detection cost flat on huge inputs.
pub const DETECT_PREFIX: usize = 64 * 1024;
/// How many bytes the binary and UTF-16 sniffers look at.
const SNIFF_PREFIX: usize = 8 * 1024;

/// `chardetng`'s guess over the first [`DETECT_PREFIX`] bytes.
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    let prefix = bytes.get(..DETECT_PREFIX).unwrap_or(bytes);
    detector.feed(prefix, prefix.len() == bytes.len());
    detector.guess(None, Utf8Detection::Allow)
}

/// True when the bytes are UTF-8 with at least one multi-byte sequence; an
/// input cut inside its last character still counts.
pub fn utf8_evidence(bytes: &[u8]) -> bool {
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
pub fn mostly_utf8(bytes: &[u8]) -> Option<usize> {
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

/// A double-byte pair both of whose bytes are in `0xA1..=0xFE`: the rows of
/// GB2312's Hanzi (and Big5's common characters).
fn is_hanzi_byte(b: u8) -> bool {
    (0xA1..=0xFE).contains(&b)
}

/// Pairs of Hanzi bytes needed before a few stray bytes are called damage.
const HANZI_PAIRS_MIN: usize = 16;
/// At most one stray non-ASCII byte per this many Hanzi pairs.
const HANZI_PAIRS_PER_STRAY: usize = 16;

/// `Some(stray bytes)` when the bytes are Chinese double-byte text but for
/// a few stray bytes (a page cut and joined, a truncated character): at
/// least [`HANZI_PAIRS_MIN`] pairs of bytes in `0xA1..=0xFE` and at most one
/// other non-ASCII byte per [`HANZI_PAIRS_PER_STRAY`] of them (in the first
/// [`DETECT_PREFIX`] bytes). `chardetng` rules an encoding out at its first
/// invalid sequence, and a single-byte guess then garbles every character;
/// Latin text in a single-byte encoding almost never has two accented
/// letters in a row, let alone mostly.
pub fn mostly_hanzi(bytes: &[u8]) -> Option<usize> {
    let sample = bytes.get(..DETECT_PREFIX).unwrap_or(bytes);
    let (mut pairs, mut stray, mut i) = (0usize, 0usize, 0usize);
    while let Some(&b) = sample.get(i) {
        if b < 0x80 {
            i += 1;
        } else if is_hanzi_byte(b) && sample.get(i + 1).copied().is_some_and(is_hanzi_byte) {
            pairs += 1;
            i += 2;
        } else {
            stray += 1;
            i += 1;
        }
    }
    (pairs >= HANZI_PAIRS_MIN && stray * HANZI_PAIRS_PER_STRAY <= pairs).then_some(stray)
}

/// GBK and GB18030 share one decoder; report GB18030 when the bytes use its
/// four-byte sequences, which GBK does not have.
pub fn refine_gbk(guess: &'static Encoding, bytes: &[u8]) -> &'static Encoding {
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

pub fn is_cjk_multibyte(encoding: &'static Encoding) -> bool {
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
pub fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
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
///
/// `utf16`: the caller said the bytes are UTF-16, whose ASCII characters and
/// some CJK ones (`一` is `00 4E`) hold NUL bytes: only file signatures count.
pub fn sniff_binary(bytes: &[u8], utf16: bool) -> Result<(), Error> {
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
    if !utf16 && nuls * 32 > sample.len() && sniff_utf16(bytes).is_none() {
        return Err(Error::Binary { what: "NUL bytes" });
    }
    Ok(())
}
