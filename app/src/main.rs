//! The citizen app and the portal widget. The pure parts (`answers`, `flow`) build and test
//! natively; the Yew UI is compiled for wasm32 only.

mod answers;
mod flow;
mod ics;
mod share;

#[cfg(target_arch = "wasm32")]
mod ui;
#[cfg(target_arch = "wasm32")]
mod widget;

fn main() {
    #[cfg(target_arch = "wasm32")]
    ui::start();
}
