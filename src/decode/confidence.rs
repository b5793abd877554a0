//! The confidence ladder of the decode report (`docs/schema.md`): how sure
//! each rule that chose an encoding is, from 0 to 1.

/// A BOM, the caller's override, pure ASCII, or a string that was never bytes.
pub const CERTAIN: f64 = 1.0;
/// Valid multi-byte UTF-8 with no label: other encodings almost never produce it.
pub const UTF8_EVIDENCE: f64 = 0.99;
/// Valid multi-byte UTF-8 under a legacy label: the label is wrong.
pub const UTF8_OVER_LABEL: f64 = 0.95;
/// A label the document declares and the bytes do not contradict.
pub const DECLARED: f64 = 0.9;
/// UTF-16 without BOM, from the pattern of zero bytes.
pub const UTF16_SNIFFED: f64 = 0.9;
/// A detected encoding that decodes cleanly where the declared label did not.
pub const GUESS_OVER_LABEL: f64 = 0.8;
/// UTF-8 with a few broken sequences (a cut-and-joined page).
pub const MOSTLY_UTF8: f64 = 0.7;
/// A declared label that decodes with errors and no better encoding found.
pub const DECLARED_WITH_ERRORS: f64 = 0.3;
/// A statistical guess starts here…
pub const GUESS_FLOOR: f64 = 0.5;
/// …and gains up to this much…
pub const GUESS_GAIN: f64 = 0.4;
/// …as the non-ASCII bytes seen reach this many (enough for `chardetng` to
/// tell the CJK encodings apart)…
pub const GUESS_FULL_EVIDENCE: f64 = 200.0;
/// …and is halved when the guess still decodes with errors.
pub const GUESS_WITH_ERRORS_FACTOR: f64 = 0.5;
