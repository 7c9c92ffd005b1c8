//! The citizen app and the portal widget. The pure parts (`answers`, `draft`, `flow`, `state` with
//! its reducer, `share`, `ics`, `start_view`) build and test natively; the Yew UI is compiled for
//! wasm32 only.

// Natively only the pure parts build (for their tests): what only the UI uses is dead code there.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod answers;
mod draft;
mod flow;
mod ics;
/// Whether a result offers a paper (issue 27); the paper itself is the module `paper_main.rs` builds.
mod offer;
mod share;
mod state;
/// The start page as data, shared with xtask's prerender (which includes the file by its path).
mod start_view;

#[cfg(target_arch = "wasm32")]
mod ui;
#[cfg(target_arch = "wasm32")]
mod widget;

/// Talc instead of the default dlmalloc: less code in the download and faster allocation. The app is
/// single-threaded (no `atomics`), which is what this allocator requires.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    ui::start();
}
