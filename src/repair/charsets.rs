//! Which characters the legacy CJK encodings hold: GBK's two-byte
//! characters, GB2312's rows within them, and Big5 proper. One bit per
//! character of the Basic Multilingual Plane, in `charsets.bin` (24 KiB),
//! generated from encoding_rs by `scripts/gen-charset-tables` (DO NOT EDIT
//! the .bin; a test fails when it no longer matches encoding_rs).
//!
//! Why not ask encoding_rs's encoders, as this code did before: they search
//! their tables linearly (they are built for size), so asking about each
//! character of a short Chinese text was 54 % of its instructions
//! (callgrind, release CLI), and in the browser V8 then re-compiled that
//! encoder with its optimising tier during start-up (≈ 100 ms of CPU on a
//! background thread). A lookup here is one bit. Building the sets at run
//! time instead (decoding every pair) cost 15 M instructions per process.

/// Three bitsets of 8 KiB: GBK two-byte, GB2312, Big5 proper.
static TABLE: &[u8] = include_bytes!("charsets.bin");

/// Each set's bytes: one bit per code point U+0000–U+FFFF.
const SET_BYTES: usize = 0x10000 / 8;

/// GBK's two-byte set: only the tests ask it now (the script check counts
/// Han ideographs outside GB2312, see `script::has_han_outside_gb2312`).
#[cfg(test)]
const GBK_TWO_BYTE: usize = 0;
const GB2312: usize = 1;
const BIG5_PROPER: usize = 2;

/// Whether set number `set` of [`TABLE`] holds `c`.
fn contains(set: usize, c: char) -> bool {
    let code = u32::from(c) as usize;
    code < 0x10000
        && TABLE
            .get(set * SET_BYTES + code / 8)
            .is_some_and(|byte| byte >> (code % 8) & 1 == 1)
}

/// Whether GBK encodes `c` as two bytes (not ASCII, not `€`'s one byte, not
/// a character GBK lacks).
#[cfg(test)]
pub fn in_gbk_two_byte(c: char) -> bool {
    contains(GBK_TWO_BYTE, c)
}

/// Whether GBK encodes `c` within GB2312 (rows A1–A9 and B0–F7).
pub fn in_gb2312(c: char) -> bool {
    contains(GB2312, c)
}

/// Whether `c` is an ideograph (U+4E00–U+9FFF) in GB2312's hanzi rows
/// (B0–F7): a Simplified or shared common character. GB2312's symbol rows
/// hold no such ideograph (the test checks), so the set answers.
pub fn in_gb2312_hanzi(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) && in_gb2312(c)
}

/// Whether Big5 encodes `c` in Big5 proper (A440–C67E, C940–F9D5: the
/// frequent and less frequent hanzi; encoding_rs's Big5 also holds HKSCS
/// additions, among them Simplified forms).
pub fn in_big5_proper(c: char) -> bool {
    contains(BIG5_PROPER, c)
}

#[cfg(test)]
mod generate {
    //! The generator of `charsets.bin` (run by `scripts/gen-charset-tables`).
    use super::*;
    use encoding_rs::{Encoding, BIG5, GBK};

    /// GB2312 within GBK: the symbol rows A1–A9 and the hanzi rows B0–F7, with
    /// trail bytes from A1.
    pub(super) fn is_gb2312_pair(lead: u8, trail: u8) -> bool {
        matches!(lead, 0xA1..=0xA9 | 0xB0..=0xF7) && trail >= 0xA1
    }

    /// Big5 proper: A440–C67E and C940–F9D5.
    pub(super) fn is_big5_proper_pair(lead: u8, trail: u8) -> bool {
        let code = u16::from(lead) << 8 | u16::from(trail);
        (0xA440..=0xC67E).contains(&code) || (0xC940..=0xF9D5).contains(&code)
    }

    /// A set of characters of the Basic Multilingual Plane, one bit each.
    struct BmpSet {
        bytes: Vec<u8>,
    }

    impl BmpSet {
        fn new() -> Self {
            BmpSet {
                bytes: vec![0; SET_BYTES],
            }
        }

        fn insert(&mut self, c: char) {
            let code = u32::from(c) as usize;
            if let Some(byte) = self.bytes.get_mut(code / 8) {
                *byte |= 1 << (code % 8);
            }
        }

        fn contains(&self, c: char) -> bool {
            let code = u32::from(c) as usize;
            self.bytes
                .get(code / 8)
                .is_some_and(|byte| byte >> (code % 8) & 1 == 1)
        }
    }

    /// The table's bytes, built from encoding_rs's decoders: every two-byte
    /// sequence decoded, each character taken with the sequence the encoder
    /// would choose.
    pub(super) fn build() -> Vec<u8> {
        let mut gbk = BmpSet::new();
        let mut gb2312 = BmpSet::new();
        for_each_encoded_pair(
            GBK,
            0x81,
            &[0x40..=0x7E, 0x80..=0xFE],
            &[],
            |c, lead, trail| {
                // A2E3 decodes to `€`, but GBK encodes `€` as the one byte 0x80.
                if c != '€' {
                    gbk.insert(c);
                    if is_gb2312_pair(lead, trail) {
                        gb2312.insert(c);
                    }
                }
            },
        );
        // GB18030-2022 gave these pairs standard characters; the encoder still
        // maps the private-use characters they decoded to before (A6D9–A6F3
        // in GB2312's rows, FE59–FEA0 outside).
        for c in '\u{E78D}'..='\u{E796}' {
            gbk.insert(c);
            gb2312.insert(c);
        }
        for c in [
            '\u{E81E}', '\u{E826}', '\u{E82B}', '\u{E82C}', '\u{E832}', '\u{E843}', '\u{E854}',
            '\u{E864}',
        ] {
            gbk.insert(c);
        }
        let mut big5_proper = BmpSet::new();
        // The encoder never uses pointers below lead A1 (HKSCS duplicates),
        // and takes the last pointer for six characters (WHATWG Encoding).
        let last = [
            '\u{2550}', '\u{255E}', '\u{2561}', '\u{256A}', '\u{5341}', '\u{5345}',
        ];
        for_each_encoded_pair(
            BIG5,
            0xA1,
            &[0x40..=0x7E, 0xA1..=0xFE],
            &last,
            |c, lead, trail| {
                if is_big5_proper_pair(lead, trail) {
                    big5_proper.insert(c);
                }
            },
        );
        [gbk, gb2312, big5_proper]
            .into_iter()
            .flat_map(|set| set.bytes)
            .collect()
    }

    /// Calls `f(c, lead, trail)` for each character of the Basic Multilingual
    /// Plane that a two-byte sequence from lead byte `first_lead` on decodes to,
    /// with the sequence the WHATWG encoder chooses when there are several: the
    /// lowest pointer (the first pair in lead-then-trail order), or the highest
    /// for the characters in `last`.
    fn for_each_encoded_pair(
        encoding: &'static Encoding,
        first_lead: u8,
        trails: &[std::ops::RangeInclusive<u8>],
        last: &[char],
        mut f: impl FnMut(char, u8, u8),
    ) {
        let mut seen = BmpSet::new();
        let mut last_pairs: Vec<(char, u8, u8)> = Vec::new();
        for lead in first_lead..=0xFE {
            for trail in trails.iter().cloned().flatten() {
                let Some(c) = decode_pair(encoding, lead, trail) else {
                    continue;
                };
                if last.contains(&c) {
                    last_pairs.retain(|&(other, _, _)| other != c);
                    last_pairs.push((c, lead, trail));
                } else if !seen.contains(c) && u32::from(c) < 0x10000 {
                    seen.insert(c);
                    f(c, lead, trail);
                }
            }
        }
        for (c, lead, trail) in last_pairs {
            f(c, lead, trail);
        }
    }

    /// The one character `[lead, trail]` decodes to, if it is valid and decodes
    /// to exactly one character.
    fn decode_pair(encoding: &'static Encoding, lead: u8, trail: u8) -> Option<char> {
        let mut out = [0u8; 8];
        let (result, read, written) = encoding
            .new_decoder_without_bom_handling()
            .decode_to_utf8_without_replacement(&[lead, trail], &mut out, true);
        if result != encoding_rs::DecoderResult::InputEmpty || read != 2 {
            return None;
        }
        let text = std::str::from_utf8(out.get(..written)?).ok()?;
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::generate::{is_big5_proper_pair, is_gb2312_pair};
    use super::*;
    use encoding_rs::{Encoding, BIG5, GBK};

    /// `charsets.bin` is what encoding_rs gives today; with
    /// `NEWSDECODE_WRITE_TABLES=1` (`scripts/gen-charset-tables`) it is rewritten.
    #[test]
    fn table_is_current() {
        let built = generate::build();
        if std::env::var_os("NEWSDECODE_WRITE_TABLES").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/repair/charsets.bin");
            std::fs::write(path, &built).expect("write charsets.bin");
            return;
        }
        assert!(
            built == TABLE,
            "charsets.bin is stale: run scripts/gen-charset-tables"
        );
    }

    /// The encoder's two bytes for `c`, the way the code before this module asked.
    fn encoded_pair(encoding: &'static Encoding, c: char) -> Option<[u8; 2]> {
        let mut out = [0u8; 8];
        let (result, _, written) = encoding.new_encoder().encode_from_utf8_without_replacement(
            c.encode_utf8(&mut [0; 4]),
            &mut out,
            true,
        );
        match (result, out.get(..written)) {
            (encoding_rs::EncoderResult::InputEmpty, Some(&[lead, trail])) => Some([lead, trail]),
            _ => None,
        }
    }

    /// Every non-ASCII character of the Basic Multilingual Plane (and one
    /// beyond): the sets answer as the encoders do.
    #[test]
    fn sets_agree_with_the_encoders() {
        let mut checked = 0;
        for c in ('\u{80}'..='\u{FFFF}').chain(['\u{20000}', '😀']) {
            let gbk = encoded_pair(GBK, c);
            assert_eq!(
                in_gbk_two_byte(c),
                gbk.is_some(),
                "GBK {c:?} U+{:04X}",
                u32::from(c)
            );
            let gb2312 = gbk.is_some_and(|[lead, trail]| is_gb2312_pair(lead, trail));
            assert_eq!(in_gb2312(c), gb2312, "GB2312 {c:?} U+{:04X}", u32::from(c));
            let hanzi = ('\u{4E00}'..='\u{9FFF}').contains(&c)
                && matches!(gbk, Some([0xB0..=0xF7, 0xA1..=0xFE]));
            assert_eq!(in_gb2312_hanzi(c), hanzi, "GB2312 hanzi {c:?}");
            let big5 =
                encoded_pair(BIG5, c).is_some_and(|[lead, trail]| is_big5_proper_pair(lead, trail));
            assert_eq!(in_big5_proper(c), big5, "Big5 {c:?} U+{:04X}", u32::from(c));
            checked += 1;
        }
        assert_eq!(checked, 0xFFFF - 0x80 + 1 - 0x800 + 2);
    }

    #[test]
    fn examples() {
        assert!(in_gb2312('中') && in_gb2312_hanzi('中') && in_gbk_two_byte('中'));
        assert!(in_gb2312('，') && !in_gb2312_hanzi('，'));
        assert!(!in_gb2312('國') && in_gbk_two_byte('國') && in_big5_proper('國'));
        assert!(!in_big5_proper('区') && in_gb2312_hanzi('区'));
        assert!(!in_gbk_two_byte('a') && !in_gbk_two_byte('😀'));
    }
}
