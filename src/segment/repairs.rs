//! The repair stage over a page read from its markup: every string of the
//! segments and of the markup's metadata is repaired as one text, so one
//! script decision and one garbled-span numbering cover the page.

use super::items::{BodyItem, Segments};
use crate::article::{DecodeReport, Warning, WarningKind};
use crate::metadata::markup::PageMeta;
use crate::options::Script;
use crate::repair::{repair_text, Garbled};

/// Separates the strings of a page while they are repaired as one text.
const UNIT: &str = "\n\u{1}\n";

/// Repairs every string of the segments and metadata in one pass; the
/// repairs go into `decode`. When a repair changed the separators, so that
/// its result cannot be mapped back onto the strings, the text is kept as
/// extracted and a warning says so.
pub fn repair_segments(
    seg: &mut Segments,
    meta: &mut PageMeta,
    script: Script,
    decode: &mut DecodeReport,
) -> Vec<Garbled> {
    let mut slots = slots(seg, meta);
    let joined = slots
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(UNIT);
    let repaired = repair_text(joined, script);
    let parts: Vec<&str> = repaired.text.split(UNIT).collect();
    if parts.len() != slots.len() {
        decode.warnings.push(Warning::new(
            WarningKind::RepairNotApplied,
            format!(
                "the page's repairs could not be mapped back onto its {} parts; \
                 the text is kept as extracted, unrepaired",
                slots.len()
            ),
        ));
        return Vec::new();
    }
    for (slot, part) in slots.iter_mut().zip(parts) {
        **slot = part.to_string();
    }
    decode.repairs.extend(repaired.repairs);
    repaired.garbled
}

/// Every repairable string, in a fixed order.
fn slots<'a>(seg: &'a mut Segments, meta: &'a mut PageMeta) -> Vec<&'a mut String> {
    let mut slots: Vec<&mut String> = Vec::new();
    for field in [
        &mut meta.title,
        &mut meta.document_title,
        &mut meta.site_name,
        &mut meta.description,
        &mut seg.title,
        &mut seg.end_mark,
    ]
    .into_iter()
    .flatten()
    {
        slots.push(field);
    }
    slots.extend(meta.authors.iter_mut());
    // The credit lines the source, authors and editors are read from.
    slots.extend(seg.header.iter_mut());
    slots.extend(seg.meta.iter_mut());
    if let Some((line, items)) = &mut seg.breadcrumbs {
        slots.push(line);
        slots.extend(items.iter_mut());
    }
    for item in &mut seg.body {
        match item {
            BodyItem::Paragraph(t)
            | BodyItem::Heading(_, t)
            | BodyItem::Quote(t)
            | BodyItem::Table(t) => slots.push(t),
            BodyItem::List(items) => slots.extend(items.iter_mut()),
            BodyItem::Figure {
                caption,
                credit,
                alt,
                ..
            } => {
                slots.push(caption);
                slots.extend(credit.iter_mut());
                slots.extend(alt.iter_mut());
            }
            // Code is kept exactly as written.
            BodyItem::Code(_) => {}
        }
    }
    slots.extend(seg.boilerplate.iter_mut().map(|(_, t)| t));
    slots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::EncodingSource;

    fn report() -> DecodeReport {
        DecodeReport {
            encoding: "UTF-8".into(),
            source: EncodingSource::Detected,
            confidence: 1.0,
            replacements: 0,
            repairs: Vec::new(),
            warnings: Vec::new(),
            tables_used: false,
        }
    }

    #[test]
    fn every_string_is_repaired_in_place() {
        let mut seg = Segments {
            body: vec![BodyItem::Paragraph("会议召开,代表发言.".into())],
            ..Segments::default()
        };
        let mut meta = PageMeta {
            title: Some("标题:会议".into()),
            ..PageMeta::default()
        };
        let mut decode = report();
        repair_segments(&mut seg, &mut meta, Script::Auto, &mut decode);
        assert_eq!(meta.title.as_deref(), Some("标题：会议"));
        assert_eq!(
            seg.body,
            [BodyItem::Paragraph("会议召开，代表发言.".into())]
        );
        assert!(decode.warnings.is_empty());
    }

    #[test]
    fn the_script_reaches_credit_lines_and_every_field() {
        let mut seg = Segments {
            meta: vec!["來源：聯合報 編輯：張三".into()],
            end_mark: Some("【責任編輯：李四】".into()),
            breadcrumbs: Some(("首頁 > 國際".into(), vec!["首頁".into(), "國際".into()])),
            body: vec![BodyItem::Paragraph("這是一個測試，國際新聞報導。".into())],
            ..Segments::default()
        };
        let mut meta = PageMeta {
            document_title: Some("國際新聞".into()),
            ..PageMeta::default()
        };
        let mut decode = report();
        repair_segments(&mut seg, &mut meta, Script::Hans, &mut decode);
        assert_eq!(seg.meta, ["来源：联合报 编辑：张三"]);
        assert_eq!(seg.end_mark.as_deref(), Some("【责任编辑：李四】"));
        assert_eq!(
            seg.breadcrumbs.as_ref().map(|b| &b.1[..]),
            Some(&["首页".to_string(), "国际".to_string()][..])
        );
        assert_eq!(meta.document_title.as_deref(), Some("国际新闻"));
    }

    #[test]
    fn a_separator_inside_a_string_is_reported_not_silently_dropped() {
        // A string holding the separator itself cannot be mapped back.
        let mut seg = Segments {
            body: vec![BodyItem::Paragraph(format!("a{UNIT}b"))],
            ..Segments::default()
        };
        let mut decode = report();
        repair_segments(
            &mut seg,
            &mut PageMeta::default(),
            Script::Auto,
            &mut decode,
        );
        assert_eq!(decode.warnings.len(), 1);
        assert_eq!(decode.warnings[0].kind, WarningKind::RepairNotApplied);
        assert_eq!(seg.body, [BodyItem::Paragraph(format!("a{UNIT}b"))]);
    }
}
