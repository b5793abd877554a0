//! Decode round trips: text encoded with encoding_rs in every legacy encoding
//! a news page uses decodes back to itself, with the right encoding and rule.
//! Every case also runs at shifted offsets (1–3 leading spaces), so multi-byte
//! sequences land on every alignment.

use encoding_rs::Encoding;
use newsdecode::article::{EncodingSource, WarningKind};
use newsdecode::decode::{decode_bytes, Decoded};
use newsdecode::{extract, Error, Input, Options};

const SEED: &str = include_str!("pages/seed-chinanews-sichuan-wuhou/input.txt");

const ENGLISH: &str = "The café on Rue Saint-Honoré reopened on Monday — its owners, naïve \
about the costs, had spent €40,000 on repairs. « C'est la vie », said Zoë Müller, who \
manages the façade works. Prices rose 5½% in a year; crème brûlée now costs £7.";

const JAPANESE: &str = "東京都は十六日、新型の感染症対策として、都内の医療機関に対する支援策を発表した。\
小池知事は記者会見で「医療体制の維持が最優先だ」と述べ、病床の確保や検査体制の拡充を進める考えを示した。\
また、都民に対してはマスクの着用や手洗いの徹底を呼びかけた。";

const KOREAN: &str = "서울시는 16일 새로운 교통 정책을 발표했다. 시장은 기자회견에서 대중교통 이용을 \
늘리기 위해 버스 노선을 확대하고 지하철 운행 시간을 연장하겠다고 밝혔다. 시민들은 대체로 환영하는 분위기다.";

const SIMPLIFIED: &str = "武侯区产业园区高质量发展大会15日召开。成都市副市长、武侯区委书记许兴国强调，\
要坚定落实全市产业园区高质量发展大会精神，进一步树牢“抓经济必须抓园区”的意识，深入开展“立园满园”行动。";

fn encode(text: &str, encoding: &'static Encoding) -> Option<Vec<u8>> {
    match encoding.name() {
        "UTF-16LE" => Some(text.encode_utf16().flat_map(u16::to_le_bytes).collect()),
        "UTF-16BE" => Some(text.encode_utf16().flat_map(u16::to_be_bytes).collect()),
        _ => {
            let (bytes, _, unmappable) = encoding.encode(text);
            (!unmappable).then(|| bytes.into_owned())
        }
    }
}

fn decode(bytes: &[u8]) -> Decoded {
    decode_bytes(bytes, None, usize::MAX).unwrap_or_else(|e| panic!("decode failed: {e}"))
}

fn enc(label: &str) -> &'static Encoding {
    Encoding::for_label(label.as_bytes()).unwrap()
}

/// Plain text without any label decodes by detection (or BOM) to itself.
fn assert_round_trip(text: &str, label: &str, source: EncodingSource) {
    let encoding = enc(label);
    for shift in 0..4 {
        let shifted = format!("{}{text}", " ".repeat(shift));
        let bytes = encode(&shifted, encoding)
            .unwrap_or_else(|| panic!("{label} cannot encode the sample"));
        let d = decode(&bytes);
        // GB18030 text without four-byte sequences is byte for byte GBK.
        let expected = match encoding.name() {
            "gb18030" if encode(&shifted, enc("gbk")).as_ref() == Some(&bytes) => "GBK",
            name => name,
        };
        assert_eq!(d.report.encoding, expected, "{label} shift {shift}");
        assert_eq!(d.report.source, source, "{label} shift {shift}");
        assert_eq!(d.report.replacements, 0, "{label} shift {shift}");
        assert_eq!(d.text, shifted, "{label} shift {shift}");
    }
}

#[test]
fn seed_in_every_encoding_that_can_hold_it() {
    assert_round_trip(SEED, "utf-8", EncodingSource::Detected);
    assert_round_trip(SEED, "gbk", EncodingSource::Detected);
    assert_round_trip(SEED, "gb18030", EncodingSource::Detected);
    assert_round_trip(SEED, "utf-16le", EncodingSource::Detected);
    assert_round_trip(SEED, "utf-16be", EncodingSource::Detected);
}

#[test]
fn chinese_in_legacy_encodings() {
    assert_round_trip(SIMPLIFIED, "gbk", EncodingSource::Detected);
    assert_round_trip(SIMPLIFIED, "gb18030", EncodingSource::Detected);
    // Characters outside GBK take GB18030's four-byte form.
    let extended = format!("{SIMPLIFIED}€ ḿ 𠀀 ❤");
    assert_round_trip(&extended, "gb18030", EncodingSource::Detected);
    let traditional =
        "臺灣各地今日天氣晴朗，氣象局表示，週末將有鋒面通過，北部地區可能出現短暫陣雨，\
民眾外出請攜帶雨具。中央氣象署也提醒，山區午後容易有雷陣雨，登山活動應注意安全。";
    assert_round_trip(traditional, "big5", EncodingSource::Detected);
}

#[test]
fn japanese_in_legacy_encodings() {
    assert_round_trip(JAPANESE, "shift_jis", EncodingSource::Detected);
    assert_round_trip(JAPANESE, "euc-jp", EncodingSource::Detected);
}

#[test]
fn korean_and_western() {
    assert_round_trip(KOREAN, "euc-kr", EncodingSource::Detected);
    assert_round_trip(ENGLISH, "windows-1252", EncodingSource::Detected);
    assert_round_trip(ENGLISH, "utf-8", EncodingSource::Detected);
}

#[test]
fn ascii_is_utf8_by_default() {
    assert_round_trip(
        "Plain ASCII news, nothing more.",
        "utf-8",
        EncodingSource::Default,
    );
}

#[test]
fn byte_order_marks_decide() {
    for (label, bom) in [
        ("utf-8", &b"\xEF\xBB\xBF"[..]),
        ("utf-16le", b"\xFF\xFE"),
        ("utf-16be", b"\xFE\xFF"),
    ] {
        for text in [SEED, ENGLISH, JAPANESE] {
            let mut bytes = bom.to_vec();
            bytes.extend(encode(text, enc(label)).unwrap());
            let d = decode(&bytes);
            assert_eq!(d.report.encoding, enc(label).name());
            assert_eq!(d.report.source, EncodingSource::Bom);
            assert_eq!(d.report.confidence, 1.0);
            assert_eq!(d.text, text);
        }
    }
}

#[test]
fn bom_wins_over_user_and_meta() {
    let mut bytes = b"\xEF\xBB\xBF<meta charset=gbk>".to_vec();
    bytes.extend("<p>中文</p>".as_bytes());
    let d = decode_bytes(&bytes, Some("big5"), usize::MAX).unwrap();
    assert_eq!(
        (d.report.encoding.as_str(), d.report.source),
        ("UTF-8", EncodingSource::Bom)
    );
}

fn html(label: Option<&str>, body: &str) -> String {
    let meta = label.map_or(String::new(), |l| format!("<meta charset=\"{l}\">"));
    format!(
        "<!DOCTYPE html><html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"
    )
}

#[test]
fn html_with_the_right_label() {
    for (label, text, name) in [
        ("gb2312", SIMPLIFIED, "GBK"),
        ("gb18030", SEED, "gb18030"),
        ("big5", "臺灣新聞", "Big5"),
        ("shift_jis", JAPANESE, "Shift_JIS"),
        ("euc-jp", JAPANESE, "EUC-JP"),
        ("euc-kr", KOREAN, "EUC-KR"),
        ("iso-8859-1", ENGLISH, "windows-1252"),
        (
            "koi8-r",
            "Новости дня: правительство утвердило бюджет.",
            "KOI8-R",
        ),
        (
            "windows-1251",
            "Новости дня: правительство утвердило бюджет.",
            "windows-1251",
        ),
        ("utf-8", SEED, "UTF-8"),
    ] {
        let page = html(Some(label), text);
        let d = decode(&encode(&page, enc(label)).unwrap());
        assert_eq!(d.report.encoding, name, "{label}");
        assert_eq!(d.report.source, EncodingSource::Meta, "{label}");
        assert!(
            d.report.warnings.is_empty(),
            "{label}: {:?}",
            d.report.warnings
        );
        assert_eq!(d.text, page, "{label}");
    }
}

#[test]
fn html_without_a_label_is_detected() {
    for (label, text) in [
        ("gbk", SIMPLIFIED),
        ("shift_jis", JAPANESE),
        (
            "big5",
            "臺灣各地今日天氣晴朗，氣象局表示，週末將有鋒面通過，北部地區可能出現短暫陣雨。",
        ),
        ("utf-8", SEED),
    ] {
        let page = html(None, text);
        let d = decode(&encode(&page, enc(label)).unwrap());
        assert_eq!(d.report.encoding, enc(label).name(), "{label}");
        assert_eq!(d.report.source, EncodingSource::Detected, "{label}");
        assert_eq!(d.text, page, "{label}");
    }
}

#[test]
fn html_with_a_wrong_label_is_overruled() {
    // (declared, actual, text)
    for (declared, actual, text) in [
        ("gb2312", "utf-8", SIMPLIFIED),
        ("iso-8859-1", "utf-8", ENGLISH),
        ("windows-1252", "gbk", SIMPLIFIED),
        ("big5", "gbk", SEED),
        ("shift_jis", "euc-jp", JAPANESE),
        ("utf-8", "gbk", SIMPLIFIED),
    ] {
        let page = html(Some(declared), text);
        let d = decode(&encode(&page, enc(actual)).unwrap());
        assert_eq!(d.report.encoding, enc(actual).name(), "declared {declared}");
        assert_eq!(
            d.report.source,
            EncodingSource::Detected,
            "declared {declared}"
        );
        assert_eq!(d.text, page, "declared {declared}");
        let warning = &d.report.warnings[0];
        assert_eq!(warning.kind, WarningKind::MislabeledEncoding);
        assert_eq!(
            warning.message,
            format!(
                "declared {declared:?} but the bytes are {}",
                enc(actual).name()
            )
        );
    }
}

#[test]
fn xml_declaration_decides_when_there_is_no_meta() {
    let page = format!(
        "<?xml version=\"1.0\" encoding=\"EUC-JP\"?><html><body><p>{JAPANESE}</p></body></html>"
    );
    let d = decode(&encode(&page, enc("euc-jp")).unwrap());
    assert_eq!(
        (d.report.encoding.as_str(), d.report.source),
        ("EUC-JP", EncodingSource::Xml)
    );
    assert_eq!(d.text, page);
}

#[test]
fn user_override_wins_over_meta_and_detection() {
    let page = html(Some("utf-8"), "Новости дня");
    let bytes = encode(&page, enc("koi8-r")).unwrap();
    let d = decode_bytes(&bytes, Some("koi8-r"), usize::MAX).unwrap();
    assert_eq!(
        (d.report.encoding.as_str(), d.report.source),
        ("KOI8-R", EncodingSource::User)
    );
    assert_eq!(d.text, page);
}

#[test]
fn truncated_utf8_keeps_what_is_there_and_counts_the_damage() {
    let bytes = SIMPLIFIED.as_bytes();
    for cut in 1..4 {
        let truncated = &bytes[..bytes.len() - cut];
        let d = decode(truncated);
        if std::str::from_utf8(truncated).is_ok() {
            continue;
        }
        assert_eq!(d.report.encoding, "UTF-8");
        assert_eq!(d.report.replacements, 1);
        assert!(d.text.ends_with('\u{FFFD}'));
    }
}

#[test]
fn errors_are_typed() {
    let opts = Options::default();
    let err = |bytes: &[u8]| extract(Input::Bytes(bytes), &opts).unwrap_err();
    assert_eq!(err(b""), Error::EmptyInput);
    assert_eq!(err(b" \n\t "), Error::EmptyInput);
    assert_eq!(
        extract(Input::Text(""), &opts).unwrap_err(),
        Error::EmptyInput
    );
    for (bytes, what) in [
        (&b"%PDF-1.7\n%\xE2\xE3"[..], "PDF document"),
        (b"PK\x03\x04\x14\0\0\0", "ZIP archive"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image"),
        (b"\xFF\xD8\xFF\xE0\0\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\0\x01\0", "GIF image"),
        (b"\x1f\x8b\x08\0\0\0\0\0", "gzip data that does not inflate"),
        (b"\x7fELF\x02\x01\x01", "ELF executable"),
        (b"RIFF\x24\0\0\0WEBPVP8 ", "WebP image"),
        (b"text\0\0\0\0with\0\0\0\0nuls\0\0\0\0", "NUL bytes"),
    ] {
        let e = err(bytes);
        assert_eq!(e, Error::Binary { what }, "{what}");
        assert_eq!(e.code(), "binary_input");
        assert!(e.to_string().contains(what));
    }
    let big = Options {
        max_bytes: 10,
        ..Options::default()
    };
    let e = extract(Input::Bytes(b"0123456789ab"), &big).unwrap_err();
    assert_eq!(
        e,
        Error::TooLarge {
            size: 12,
            limit: 10
        }
    );
    assert_eq!(e.code(), "too_large");
    let klingon = Options {
        encoding: Some("klingon".into()),
        ..Options::default()
    };
    let e = extract(Input::Bytes(b"<p>x</p>"), &klingon).unwrap_err();
    assert_eq!(e.code(), "unknown_encoding");
    assert_eq!(e.to_string(), "unknown encoding label \"klingon\"");
}

/// UTF-16 without a BOM holds NUL bytes (ASCII, and CJK such as `一` =
/// `00 4E`): when the caller names UTF-16 it is decoded, not refused as
/// binary; without the label the same bytes are still refused.
#[test]
fn utf16_without_bom_is_read_when_the_caller_names_it() {
    let text = "第一章 一切 Chapter one. 一年一度 text 一一\n".repeat(20);
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let d = decode_bytes(&le, Some("utf-16le"), 1 << 20).unwrap();
    assert_eq!(d.text, text);
    assert_eq!(d.report.encoding, "UTF-16LE");
    assert!(matches!(
        decode_bytes(&le, None, 1 << 20),
        Err(Error::Binary { .. })
    ));
    // A PNG stays a PNG whatever the label.
    assert!(matches!(
        decode_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Some("utf-16le"), 1 << 20),
        Err(Error::Binary { .. })
    ));
}

/// Chinese double-byte text with a few broken bytes stays Chinese: the
/// damage is local (`decode_errors`, U+FFFD where the bytes were), not a
/// windows-1252 reading of the whole page — with a declared `gb2312` label
/// and without any, at every alignment. (Big5, whose trail bytes include
/// ASCII letters, is not recognised this way yet: its pairs look like a
/// Latin accent before a letter.)
#[test]
fn a_gbk_page_with_a_few_broken_bytes_stays_gbk() {
    let source = SIMPLIFIED.repeat(3);
    let clean = encode(&source, enc("gbk")).unwrap();
    for shift in 0..4 {
        // A lead byte cut from its trail (a page cut and joined) twice.
        let mut bytes = b" ".repeat(shift);
        let half = clean.len() / 2 / 2 * 2;
        bytes.extend_from_slice(&clean[..half]);
        bytes.extend_from_slice(b"\xB0 ");
        bytes.extend_from_slice(&clean[half..]);
        bytes.extend_from_slice(b"\xC8\x0A");
        let undeclared = decode(&bytes);
        assert_eq!(undeclared.report.encoding, "GBK", "shift {shift}");
        assert!(undeclared.text.contains(&source[..30]), "shift {shift}");
        assert_eq!(undeclared.report.replacements, 2, "shift {shift}");
        assert!(undeclared
            .report
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::DecodeErrors));
        let mut page = b"<html><head><meta charset=gb2312></head><body><p>".to_vec();
        page.extend_from_slice(&bytes);
        let declared = decode(&page);
        assert_eq!(declared.report.encoding, "GBK", "shift {shift}");
        assert_eq!(
            declared.report.source,
            EncodingSource::Meta,
            "shift {shift}"
        );
        assert!(declared.text.contains(&source[..30]), "shift {shift}");
    }
    // Latin text in windows-1252 is not taken for Hanzi.
    let latin = encode(&ENGLISH.repeat(4), enc("windows-1252")).unwrap();
    assert_eq!(decode(&latin).report.encoding, "windows-1252");
}

#[test]
fn gzip_bytes_are_inflated_by_the_library_within_the_limit() {
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;
    let page = "<meta charset=gbk><title>壓縮</title><p>壓縮的頁面，正文一段。</p>";
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(&encoding_rs::GBK.encode(page).0).unwrap();
    let mut data = gz.finish().unwrap();
    let inflated_len = encoding_rs::GBK.encode(page).0.len();
    let article = extract(Input::Bytes(&data), &Options::default()).unwrap();
    assert_eq!(article.text, "壓縮的頁面，正文一段。");
    assert_eq!(article.decode.encoding, "GBK");
    assert_eq!(article.input.bytes, inflated_len);
    assert!(article.decode.warnings.is_empty());
    data.extend([0u8; 9]);
    let article = extract(Input::Bytes(&data), &Options::default()).unwrap();
    let messages: Vec<&str> = article
        .decode
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(messages, ["9 bytes after the gzip data were ignored"]);
    let small = Options {
        max_bytes: 20,
        ..Options::default()
    };
    assert_eq!(
        extract(Input::Bytes(&data), &small).unwrap_err().code(),
        "too_large"
    );
}

#[test]
fn a_charset_hint_is_weighed_like_a_meta_label() {
    use newsdecode::decode::decode_bytes_hinted;
    let hinted = |bytes: &[u8], user: Option<&str>, hint: &str| {
        decode_bytes_hinted(bytes, user, Some(hint), usize::MAX).unwrap()
    };
    let story = "<p>武侯区产业园区高质量发展大会15日召开，进一步树牢抓经济必须抓园区的意识。</p>";
    let gbk = encoding_rs::GBK.encode(story).0.into_owned();

    // No label in the page: the hint decides, and is reported as such.
    let d = hinted(&gbk, None, "gb2312");
    assert_eq!(
        (d.report.encoding.as_str(), d.report.source),
        ("GBK", EncodingSource::Hint)
    );
    assert_eq!(d.text, story);

    // A server default against the page's own label that the bytes agree
    // with: the page's label wins, the hint is named in a warning.
    let mut page = b"<meta charset=gbk>".to_vec();
    page.extend(&gbk);
    let d = hinted(&page, None, "iso-8859-1");
    assert_eq!(
        (d.report.encoding.as_str(), d.report.source),
        ("GBK", EncodingSource::Meta)
    );
    assert!(
        d.report
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::MislabeledEncoding
                && w.message.contains("\"iso-8859-1\""))
    );

    // A hint the bytes contradict is overruled like a <meta> label.
    let d = hinted(&gbk, None, "utf-8");
    assert_eq!(
        (d.report.encoding.as_str(), d.report.source),
        ("GBK", EncodingSource::Detected)
    );

    // Over a page label the bytes do not side with, the hint wins (HTTP
    // before <meta>, as in browsers).
    let cyrillic = encoding_rs::WINDOWS_1251
        .encode("<p>Новости дня: в городе открыли новый парк.</p>")
        .0;
    let mut page = b"<meta charset=koi8-r>".to_vec();
    page.extend(cyrillic.iter());
    let d = hinted(&page, None, "windows-1251");
    assert_eq!(d.report.source, EncodingSource::Hint);
    assert!(d.text.contains("Новости дня"), "{}", d.text);

    // The user's override beats the hint; a hint that is no label is ignored.
    let d = hinted(&gbk, Some("big5"), "gbk");
    assert_eq!(d.report.source, EncodingSource::User);
    let d = hinted(&gbk, None, "none");
    assert_eq!(d.report.source, EncodingSource::Detected);

    // Through extract, the option.
    let options = Options {
        charset_hint: Some("GB2312".into()),
        ..Options::default()
    };
    let article = extract(Input::Bytes(&gbk), &options).unwrap();
    assert_eq!(article.decode.source, EncodingSource::Hint);
}
