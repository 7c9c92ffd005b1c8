//! The citizen app and the portal widget. The pure parts (`answers`, `flow`, `start_view`) build and
//! test natively; the Yew UI is compiled for wasm32 only.

mod answers;
mod flow;
mod ics;
mod share;
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
