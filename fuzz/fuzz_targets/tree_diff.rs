//! Differential: our tree builder against html5ever's (the HTML standard's
//! tree construction) on the same text. Any difference in visible text
//! (`tests/common/oracle.rs`) is a crash unless `explained` names the
//! rule we leave out on purpose.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/oracle.rs"]
mod oracle;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    if oracle::explained(&html) {
        return;
    }
    if let Some(d) = oracle::differences(&html) {
        panic!(
            "visible text differs at {}\n  ours:   {}\n  theirs: {}",
            d.at, d.ours, d.theirs
        );
    }
});
