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
mod latin_runs;
mod lost_bytes;
pub mod mojibake;
pub mod pinyin;
pub mod punctuation;
pub mod script;

use crate::article::{Repair, RepairKind};
use crate::options::Script;
pub use garbled::{marker_index, Garbled};
use std::borrow::Cow;

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

/// Replaces `text` by a step's output when the step changed it; a step
/// that changed nothing borrows its input and nothing is copied.
fn apply<T>(text: &mut String, step: impl FnOnce(&str) -> (Cow<'_, str>, T)) -> T {
    let (out, found) = step(text);
    if let Cow::Owned(changed) = out {
        *text = changed;
    }
    found
}

/// Runs every repair on `text`, taking it so that a step that changes
/// nothing costs no copy and a changed text replaces the old one at once
/// (a 50 MB page once held six copies).
pub fn repair_text(text: String, script_option: Script) -> Repaired {
    let mut repairs = Vec::new();
    let mut text = text;

    let mojibake = apply(&mut text, mojibake::repair);
    repairs.extend(mojibake_repairs(mojibake));

    let glosses = apply(&mut text, pinyin::remove_glosses);
    if glosses > 0 {
        repairs.push(repair(
            RepairKind::PinyinGlossesRemoved,
            glosses,
            format!("removed {glosses} pinyin readings glued after characters, as in 頁(yè)"),
        ));
    }

    let garbled = apply(&mut text, garbled::mark);

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

    let marks = apply(&mut text, punctuation::normalize);
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
