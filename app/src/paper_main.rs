//! The paper's module (issue 27): the written application and the complaint, their form and their
//! print, as a wasm of its own. The app's first visit does not carry it: a press on the result's
//! "Prepare the application" or "Prepare the complaint" (a button with `data-paper`) is heard by the
//! page's loader or the widget's module, which fetches it then and calls `open` (`paper_ui`). It decides again from what the
//! app's result was decided from (the answers, the moment, the day asked for), with the same engine
//! and rules, so the paper is written from the same decision.
//!
//! The pure parts are the app's own files (`answers`, `flow`, `share`, `offer`, `start_view`) and
//! the paper's (`iin`, `paper`); they build and test natively. The form is compiled for wasm32 only.

// The app's modules are shared, and this module uses only a part of them.
#![allow(dead_code)]

mod answers;
mod flow;
/// The IIN as people type it on the paper's form.
mod iin;
mod offer;
/// The written application and the complaint, as structured text, HTML and plain text.
mod paper;
mod share;
mod start_view;

// The form needs the paper's part of the texts (`phc/paper`): xtask builds the module with
// `--features paper`; without it (the app's wasm tests build every binary) there is no form.
#[cfg(all(target_arch = "wasm32", feature = "paper"))]
mod paper_ui;
/// The app's own: a file offered for download; the message files loaded from the build's folder.
#[cfg(all(target_arch = "wasm32", feature = "paper"))]
#[path = "ui/download.rs"]
mod download;
#[cfg(all(target_arch = "wasm32", feature = "paper"))]
#[path = "ui/languages.rs"]
mod languages;

/// As in the app (`main.rs`): smaller and faster than the default allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Nothing runs until `open` is called.
fn main() {}
