//! Stage 3, repair: undoes the damage text picks up on its way to the user,
//! in an order where each step sees real characters:
//!
//! 1. mojibake (UTF-8 misread as a legacy encoding) — first, because every
//!    later step needs the real characters;
//! 2. pinyin glosses glued after converted characters (`首頁(yè)`);
//! 3. garbled spans marked (kept, reported, never guessed);
//! 4. script: Traditional → Simplified when the text shows machine
//!    conversion (or as the caller asks);
//! 5. ASCII punctuation in CJK context → full-width.
//!
//! Every step that changes something is reported as a [`Repair`] with a count.

pub mod charsets;
pub mod garbled;
mod lost_bytes;
pub mod mojibake;
pub mod pinyin;
pub mod punctuation;
pub mod script;

use crate::article::{Repair, RepairKind};
use crate::options::Script;
pub use garbled::{marker_index, Garbled};

/// The repair records of the lines [`mojibake::repair`] re-decoded, per
/// encoding they had been misread as.
pub fn mojibake_repairs(counts: Vec<(&'static encoding_rs::Encoding, usize)>) -> Vec<Repair> {
    counts
        .into_iter()
        .map(|(encoding, lines)| {
            repair(
                RepairKind::Mojibake,
                lines,
                format!(
                    "{lines} line(s) were UTF-8 misread as {}; re-decoded",
                    encoding.name()
                ),
            )
        })
        .collect()
}

/// Repaired text and what was done to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Repaired {
    /// The text, with garbled spans replaced by markers ([`garbled::marker`]).
    pub text: String,
    /// What was repaired, with counts.
    pub repairs: Vec<Repair>,
    /// Garbled spans; the k-th is marked by `garbled::marker(k)`.
    pub garbled: Vec<Garbled>,
    /// Whether the text was converted to Simplified because it showed machine conversion.
    pub restored_simplified: bool,
}

fn repair(kind: RepairKind, count: usize, message: String) -> Repair {
    Repair {
        kind,
        count,
        message,
    }
}

/// Runs every repair on `text`.
pub fn repair_text(text: &str, script_option: Script) -> Repaired {
    let mut repairs = Vec::new();

    // Each step's input is dropped as soon as its output exists (`text` is
    // reassigned, not shadowed): a shadowed binding lives to the end of the
    // function, and a 50 MB page then held six copies at once.
    let (mut text, mojibake) = mojibake::repair(text);
    repairs.extend(mojibake_repairs(mojibake));

    let glosses;
    (text, glosses) = pinyin::remove_glosses(&text);
    if glosses > 0 {
        repairs.push(repair(
            RepairKind::PinyinGlossesRemoved,
            glosses,
            format!("removed {glosses} pinyin readings glued after characters, as in 頁(yè)"),
        ));
    }

    let garbled;
    (text, garbled) = garbled::mark(&text);

    let target = match script_option {
        Script::Auto if script::machine_converted(&text, glosses) => Some(true),
        Script::Auto | Script::Keep => None,
        Script::Hans => Some(true),
        Script::Hant => Some(false),
    };
    let restored_simplified = target == Some(true) && script_option == Script::Auto;
    if let Some(to_simplified) = target {
        let (converted, changed) = script::convert(&text, to_simplified);
        if changed > 0 {
            let (kind, message) = if to_simplified && restored_simplified {
                (
                    RepairKind::TraditionalToSimplified,
                    format!("restored Simplified Chinese: {changed} characters had been machine-converted to Traditional"),
                )
            } else if to_simplified {
                (
                    RepairKind::TraditionalToSimplified,
                    format!("converted {changed} characters to Simplified Chinese"),
                )
            } else {
                (
                    RepairKind::SimplifiedToTraditional,
                    format!("converted {changed} characters to Traditional Chinese"),
                )
            };
            repairs.push(repair(kind, changed, message));
        }
        text = converted;
    }

    let marks;
    (text, marks) = punctuation::normalize(&text);
    if marks > 0 {
        repairs.push(repair(
            RepairKind::PunctuationNormalized,
            marks,
            format!("{marks} ASCII punctuation marks between CJK characters made full-width"),
        ));
    }

    Repaired {
        text,
        repairs,
        garbled,
        restored_simplified,
    }
}
