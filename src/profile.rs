//! Time spent per pipeline stage, for the benchmarks (issue 20: the browser
//! path profiled stage by stage). Off unless [`profile`] runs the pipeline
//! with a clock: then each stage, as it ends, adds the time since the last
//! mark to its total. The clock is a plain `fn` so the wasm shell can pass
//! `performance.now` and native benches `Instant`.

use std::cell::RefCell;

/// The stages in pipeline order; [`StageTimes`] holds one total per stage,
/// at the stage's discriminant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Input copied in, gunzipped, charset found, decoded to text.
    Decode,
    /// Mojibake undone and the text parsed into a tree.
    Parse,
    /// The markup's metadata read (meta, JSON-LD, microdata, bylines).
    Metadata,
    /// The article found and cut into blocks (or a paste's lines).
    Segment,
    /// Text repairs on the blocks and fields.
    Repair,
    /// The article assembled: credits, dates, figures, boilerplate.
    Assemble,
    /// Whatever the shell does after: conversion for JS, rendering.
    Output,
}

impl Stage {
    /// Every stage, in the order of [`StageTimes::ms`].
    pub const ALL: [Stage; 7] = [
        Stage::Decode,
        Stage::Parse,
        Stage::Metadata,
        Stage::Segment,
        Stage::Repair,
        Stage::Assemble,
        Stage::Output,
    ];

    /// The stage's name in bench output.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Decode => "decode",
            Stage::Parse => "parse",
            Stage::Metadata => "metadata",
            Stage::Segment => "segment",
            Stage::Repair => "repair",
            Stage::Assemble => "assemble",
            Stage::Output => "output",
        }
    }
}

/// Milliseconds per stage, indexed as [`Stage::ALL`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes {
    /// The totals, in the clock's unit (milliseconds for both shells).
    pub ms: [f64; Stage::ALL.len()],
}

struct Timer {
    now: fn() -> f64,
    last: f64,
    spent: StageTimes,
}

thread_local! {
    static TIMER: RefCell<Option<Timer>> = const { RefCell::new(None) };
}

/// Ends `stage`: the time since the last mark is its. Without a clock (every
/// ordinary extraction) this reads a thread-local and returns.
pub(crate) fn done(stage: Stage) {
    TIMER.with(|timer| {
        if let Some(t) = timer.borrow_mut().as_mut() {
            let now = (t.now)();
            if let Some(total) = t.spent.ms.get_mut(stage as usize) {
                *total += now - t.last;
            }
            t.last = now;
        }
    });
}

/// Runs `run` (an extraction, and what the shell does with it) with `now` as
/// the clock; returns its result and the time of each stage. Time after the
/// last mark inside the pipeline counts as [`Stage::Output`]. Nested calls
/// time the innermost only.
pub fn profile<T>(now: fn() -> f64, run: impl FnOnce() -> T) -> (T, StageTimes) {
    let outer = TIMER.with(|timer| {
        timer.replace(Some(Timer {
            now,
            last: now(),
            spent: StageTimes::default(),
        }))
    });
    let result = run();
    done(Stage::Output);
    let spent = TIMER.with(|timer| timer.replace(outer)).map(|t| t.spent);
    (result, spent.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        static FAKE: Cell<f64> = const { Cell::new(0.0) };
    }

    fn fake_now() -> f64 {
        FAKE.with(Cell::get)
    }

    fn advance(ms: f64) {
        FAKE.with(|c| c.set(c.get() + ms));
    }

    #[test]
    fn each_stage_gets_the_time_since_the_last_mark() {
        let ((), times) = profile(fake_now, || {
            advance(2.0);
            done(Stage::Decode);
            advance(3.0);
            done(Stage::Parse);
            advance(1.0);
            done(Stage::Segment);
            advance(0.5);
            done(Stage::Segment);
            advance(4.0);
        });
        assert_eq!(times.ms, [2.0, 3.0, 0.0, 1.5, 0.0, 0.0, 4.0]);
    }

    #[test]
    fn marks_without_a_clock_do_nothing_and_nesting_restores_the_outer_timer() {
        done(Stage::Decode);
        let (inner, outer) = profile(fake_now, || {
            advance(1.0);
            done(Stage::Decode);
            let ((), inner) = profile(fake_now, || {
                advance(5.0);
                done(Stage::Parse);
            });
            advance(2.0);
            done(Stage::Parse);
            inner
        });
        assert_eq!(inner.ms, [0.0, 5.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        // The outer timer's last mark was before the inner run: its Parse
        // holds the inner run's time too (the wall time is accounted for).
        assert_eq!(outer.ms, [1.0, 7.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn a_real_extraction_is_timed_stage_by_stage() {
        fn clock() -> f64 {
            use std::sync::OnceLock;
            use std::time::Instant;
            static START: OnceLock<Instant> = OnceLock::new();
            START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1e3
        }
        let page = format!(
            "<html><head><title>T</title><meta property=\"og:title\" content=\"A title\"></head><body><article><h1>A title</h1>{}</article></body></html>",
            "<p>A paragraph of the article, long enough to be read as body text here.</p>".repeat(400)
        );
        let (article, times) = profile(clock, || {
            crate::extract(crate::Input::Text(&page), &crate::Options::default())
        });
        assert!(article.is_ok());
        for stage in [
            Stage::Decode,
            Stage::Parse,
            Stage::Metadata,
            Stage::Segment,
            Stage::Assemble,
        ] {
            assert!(
                times.ms[stage as usize] > 0.0,
                "{} took no time: {:?}",
                stage.name(),
                times
            );
        }
    }
}
