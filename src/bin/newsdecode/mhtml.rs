//! Saved web archives (`.mht`/`.mhtml`): the page's HTML part, its
//! transfer encoding undone. The web app does the same in `www/mhtml.js`.

/// Whether `bytes` start like a MIME message (a saved web archive without
/// its `.mht` name): `MIME-Version:` or `From:` among the first headers.
pub fn starts_like_mime(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(bytes.get(..512).unwrap_or(bytes)).to_ascii_lowercase();
    head.starts_with("mime-version:")
        || (head.starts_with("from:") && head.contains("content-type: multipart/"))
}

/// The bytes of the first `text/html` part of an MHTML message (the saved
/// page), its transfer encoding undone; `None` if there is none. Bytes in,
/// bytes out: the page's own charset is then found like any other page's.
/// (The web app does the same in `www/mhtml.js`.)
pub fn html_from_mhtml(bytes: &[u8]) -> Option<Vec<u8>> {
    use base64::Engine as _;
    let (headers, rest) = split_headers(bytes)?;
    let boundary = header_param(&headers, "boundary")?;
    let delimiter = format!("--{boundary}");
    for part in split_on(rest, delimiter.as_bytes()) {
        let Some((part_headers, body)) = split_headers(part) else {
            continue;
        };
        let lower = part_headers.to_ascii_lowercase();
        if !lower.contains("content-type: text/html") && !lower.contains("content-type:text/html") {
            continue;
        }
        let encoding = lower
            .split("content-transfer-encoding:")
            .nth(1)
            .and_then(|v| v.split_whitespace().next())
            .unwrap_or("8bit")
            .trim_end_matches(';')
            .to_string();
        let body = body
            .strip_suffix(b"\r\n")
            .or_else(|| body.strip_suffix(b"\n"))
            .unwrap_or(body);
        return match encoding.as_str() {
            "quoted-printable" => {
                quoted_printable::decode(body, quoted_printable::ParseMode::Robust).ok()
            }
            "base64" => {
                let clean: Vec<u8> = body
                    .iter()
                    .copied()
                    .filter(|b| !b.is_ascii_whitespace())
                    .collect();
                base64::engine::general_purpose::STANDARD.decode(clean).ok()
            }
            _ => Some(body.to_vec()),
        };
    }
    None
}

/// Splits a header block from its body at the first blank line; headers
/// unfolded (continuation lines joined) and read as Latin-1.
fn split_headers(bytes: &[u8]) -> Option<(String, &[u8])> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let bytes = bytes.get(start..)?;
    let (end, skip) = [(&b"\r\n\r\n"[..], 4), (&b"\n\n"[..], 2)]
        .iter()
        .filter_map(|(sep, len)| find(bytes, sep).map(|at| (at, *len)))
        .min()?;
    let headers: String = bytes.get(..end)?.iter().map(|&b| b as char).collect();
    let headers = headers
        .replace("\r\n", "\n")
        .replace("\n ", " ")
        .replace("\n\t", " ");
    Some((headers, bytes.get(end + skip..)?))
}

/// The value of parameter `name` (`boundary="…"`) in a header block.
fn header_param(headers: &str, name: &str) -> Option<String> {
    let lower = headers.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let value = headers.get(at..)?;
    let value = match value.strip_prefix('"') {
        Some(quoted) => quoted.split('"').next()?,
        None => value
            .split(|c: char| c == ';' || c.is_whitespace())
            .next()?,
    };
    (!value.is_empty()).then(|| value.to_string())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// The pieces of `bytes` between occurrences of `delimiter`.
fn split_on<'a>(mut bytes: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(at) = find(bytes, delimiter) {
        out.push(bytes.get(..at).unwrap_or_default());
        bytes = bytes.get(at + delimiter.len()..).unwrap_or_default();
    }
    out.push(bytes);
    out
}
