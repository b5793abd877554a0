//! Gzip-compressed input (`.html.gz` saves, data sets, WARC payloads):
//! inflated before decoding, every member in turn, never past `max_bytes`.
//!
//! flate2 over miniz_oxide (pure Rust) rather than a hand-written inflater:
//! it adds 13 KiB gzipped to the wasm module (measured with `scripts/build`).

use crate::error::Error;
use std::io::Read;

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
/// Data that does not inflate is [`Error::Binary`].
pub fn gunzip(bytes: &[u8], max_bytes: usize) -> Result<Inflated, Error> {
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut inflated = Vec::new();
    let mut rest = bytes;
    while is_gzip(rest) && (inflated.len() as u64) < limit {
        let mut member = flate2::bufread::GzDecoder::new(rest);
        let room = limit - inflated.len() as u64;
        member
            .by_ref()
            .take(room)
            .read_to_end(&mut inflated)
            .map_err(|_| Error::Binary {
                what: "gzip data that does not inflate",
            })?;
        rest = member.into_inner();
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
    fn corrupt_data_is_binary() {
        let mut data = gz(b"<p>hello there</p>");
        let len = data.len();
        data.truncate(len - 12);
        data.extend(b"\xff\xff\xff\xff");
        assert!(matches!(gunzip(&data, 1000), Err(Error::Binary { .. })));
    }
}
