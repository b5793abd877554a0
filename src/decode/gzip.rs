//! Gzip-compressed input (`.html.gz` saves, data sets, WARC payloads):
//! inflated before decoding, every member in turn, never past `max_bytes`.
//!
//! miniz_oxide (pure Rust) inflates; the gzip wrapper (RFC 1952: a header,
//! the deflate stream, CRC-32 and size) is read here. flate2 over the same
//! inflater brought crc32fast's 16 KiB of tables into the wasm module,
//! where a 1 KiB table built at compile time checks the CRC instead
//! (`scripts/build`, 2026-12-01: flate2 and the tables out, 19 KiB off the
//! gzipped core).

use crate::error::Error;
use miniz_oxide::inflate::stream::{inflate, InflateState};
use miniz_oxide::{DataFormat, MZFlush, MZStatus};

/// Bytes inflated from gzip data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inflated {
    /// The inflated bytes of every member, in order.
    pub bytes: Vec<u8>,
    /// How many bytes after the last member were not another member and
    /// were ignored (padding, a truncated copy), as `gzip -d` does.
    pub ignored: usize,
}

/// Whether `bytes` start with the gzip signature.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x1f\x8b")
}

/// Inflates every gzip member of `bytes`, reading at most `max_bytes + 1`
/// bytes of output so a gzip bomb stops at the limit ([`Error::Exceeds`]).
/// Data that does not inflate, or whose CRC or size does not match, is
/// [`Error::Binary`].
pub fn gunzip(bytes: &[u8], max_bytes: usize) -> Result<Inflated, Error> {
    let limit = max_bytes.saturating_add(1);
    let mut inflated = Vec::new();
    let mut rest = bytes;
    while is_gzip(rest) && inflated.len() < limit {
        let used = member(rest, &mut inflated, limit).ok_or(Error::Binary {
            what: "gzip data that does not inflate",
        })?;
        rest = rest.get(used..).unwrap_or_default();
    }
    if inflated.len() > max_bytes {
        return Err(Error::Exceeds {
            what: "inflates to",
            limit: max_bytes,
        });
    }
    Ok(Inflated {
        bytes: inflated,
        ignored: rest.len(),
    })
}

/// The header's flags (RFC 1952, 2.3.1).
const FHCRC: u8 = 2;
const FEXTRA: u8 = 4;
const FNAME: u8 = 8;
const FCOMMENT: u8 = 16;

/// Output is inflated this many bytes at a time (the limit is checked
/// between chunks).
const CHUNK: usize = 32 * 1024;

/// Inflates the member at the start of `bytes` onto `out`, stopping once
/// `out` holds `limit` bytes; returns how many bytes the member took, or
/// `None` for a broken one.
fn member(bytes: &[u8], out: &mut Vec<u8>, limit: usize) -> Option<usize> {
    let start = out.len();
    let mut input = bytes.get(header_length(bytes)?..)?;
    let mut state = InflateState::new_boxed(DataFormat::Raw);
    let mut chunk = vec![0u8; CHUNK];
    loop {
        let result = inflate(&mut state, input, &mut chunk, MZFlush::None);
        input = input.get(result.bytes_consumed..)?;
        out.extend_from_slice(chunk.get(..result.bytes_written)?);
        match result.status {
            Ok(MZStatus::StreamEnd) => break,
            // (A bomb: the caller reports the limit.)
            Ok(_) if out.len() >= limit => {
                out.truncate(limit);
                return Some(bytes.len());
            }
            Ok(_) if result.bytes_consumed > 0 || result.bytes_written > 0 => {}
            _ => return None,
        }
    }
    let trailer = input.get(..8)?;
    let word = |at: usize| {
        Some(u32::from_le_bytes(
            trailer.get(at..at + 4)?.try_into().ok()?,
        ))
    };
    let data = out.get(start..)?;
    // (The size is stored modulo 2^32.)
    let intact = word(0)? == crc32(data) && word(4)? == data.len() as u32;
    if out.len() > limit {
        out.truncate(limit);
    }
    intact.then_some(bytes.len() - input.len() + 8)
}

/// The length of a member's header, `None` when it is not one (RFC 1952).
fn header_length(bytes: &[u8]) -> Option<usize> {
    // ID1 ID2 CM=8 (deflate) FLG MTIME(4) XFL OS.
    let &[0x1f, 0x8b, 8, flags] = bytes.get(..4)? else {
        return None;
    };
    let mut at = 10;
    if flags & FEXTRA != 0 {
        let length = u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?);
        at += 2 + usize::from(length);
    }
    for field in [FNAME, FCOMMENT] {
        if flags & field != 0 {
            at += bytes.get(at..)?.iter().position(|&b| b == 0)? + 1;
        }
    }
    if flags & FHCRC != 0 {
        at += 2;
    }
    (at <= bytes.len()).then_some(at)
}

/// CRC-32 (IEEE 802.3, reflected), one byte at a time.
// Evaluated at compile time: a bad index fails the build, never the program.
#[allow(clippy::indexing_slicing)]
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// CRC-32 of a member's data: crc32fast natively (SIMD; byte by byte cost
/// 1 ms a page over WCXB's pages, a seventh of the CLI's time), the small
/// table in the wasm module, which meets gzip only in a dropped file.
#[cfg(not(target_arch = "wasm32"))]
fn crc32(data: &[u8]) -> u32 {
    crc32fast::hash(data)
}

#[cfg(target_arch = "wasm32")]
fn crc32(data: &[u8]) -> u32 {
    table_crc32(data)
}

/// [`crc32`] with [`CRC_TABLE`].
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn table_crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &b| {
        let index = usize::from((c as u8) ^ b);
        CRC_TABLE.get(index).copied().unwrap_or(0) ^ (c >> 8)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn members_are_joined_and_trailing_bytes_counted() {
        let mut data = gz(b"<p>one ");
        data.extend(gz(b"two</p>"));
        data.extend(b"\0\0\0junk");
        let out = gunzip(&data, 1000).unwrap();
        assert_eq!(out.bytes, b"<p>one two</p>");
        assert_eq!(out.ignored, 7);
    }

    #[test]
    fn a_bomb_stops_at_the_limit() {
        let data = gz(&vec![b'a'; 100_000]);
        assert_eq!(
            gunzip(&data, 1000),
            Err(Error::Exceeds {
                what: "inflates to",
                limit: 1000
            })
        );
        assert_eq!(gunzip(&data, 100_000).unwrap().bytes.len(), 100_000);
    }

    #[test]
    fn optional_header_fields_are_skipped() {
        // gzip(1) writes the file's name; others an extra field, a comment
        // and a header CRC.
        let mut e = flate2::GzBuilder::new()
            .filename("page.html")
            .comment("saved")
            .extra(vec![1, 2, 3])
            .write(Vec::new(), flate2::Compression::default());
        e.write_all(b"<p>named</p>").unwrap();
        let mut data = e.finish().unwrap();
        assert_eq!(gunzip(&data, 1000).unwrap().bytes, b"<p>named</p>");
        // FHCRC: two more bytes before the deflate stream.
        let fields = header_length(&data).unwrap();
        data[3] |= FHCRC;
        data.splice(fields..fields, [0xAB, 0xCD]);
        assert_eq!(gunzip(&data, 1000).unwrap().bytes, b"<p>named</p>");
    }

    #[test]
    fn a_wrong_crc_or_size_or_a_cut_member_is_binary() {
        let good = gz(b"<p>hello there</p>");
        let len = good.len();
        for at in [len - 8, len - 4] {
            let mut data = good.clone();
            data[at] ^= 1;
            assert!(
                matches!(gunzip(&data, 1000), Err(Error::Binary { .. })),
                "{at}"
            );
        }
        for cut in [3, 10, len / 2, len - 1] {
            assert!(
                matches!(gunzip(&good[..cut], 1000), Err(Error::Binary { .. })),
                "{cut}"
            );
        }
        // (Not deflate: compression method 7.)
        let mut data = good.clone();
        data[2] = 7;
        assert!(matches!(gunzip(&data, 1000), Err(Error::Binary { .. })));
    }

    #[test]
    fn the_crc_is_ieee() {
        for crc in [crc32, table_crc32] {
            assert_eq!(crc(b"123456789"), 0xCBF4_3926);
            assert_eq!(crc(b""), 0);
        }
        let page: Vec<u8> = (0..70_000u32).map(|i| (i * 7 % 256) as u8).collect();
        assert_eq!(crc32(&page), table_crc32(&page));
    }

    #[test]
    fn large_members_inflate_in_chunks() {
        let page: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        assert_eq!(gunzip(&gz(&page), 1 << 20).unwrap().bytes, page);
    }

    #[test]
    fn corrupt_data_is_binary() {
        let mut data = gz(b"<p>hello there</p>");
        let len = data.len();
        data.truncate(len - 12);
        data.extend(b"\xff\xff\xff\xff");
        assert!(matches!(gunzip(&data, 1000), Err(Error::Binary { .. })));
    }
}
