//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod bad_inputs;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod oracle;
