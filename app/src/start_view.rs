//! The start page as data (issue 18, item 1): what it says, in which order, with which message keys.
//! Both renderers read this one description: `ui/start.rs` (Yew, in the wasm) and xtask's prerender
//! (`xtask/src/prerender.rs`, natively, which includes this file by its path), so the page served
//! before the wasm arrives and the page the app renders when it takes over are one view in the same
//! messages. `tests/e2e/prerender.test.mjs` compares the two DOMs in each language.
//!
//! Yew-free: the native build (xtask, the app's unit tests) compiles it without any web crate.

use phc::Lang;

/// One element of the start page, in order. Each kind is one element with fixed classes (class names
/// are literals in the app: see ARCHITECTURE.md), written the same by both renderers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// The screen's title (`h1.phc-title` on the page).
    Title(&'static str),
    /// `p.phc-lead`
    Lead(&'static str),
    /// `p`
    Para(&'static str),
    /// `ul.phc-list`, one `li` per key.
    List(&'static [&'static str]),
    /// `p.phc-privacy`
    Privacy(&'static str),
    /// `button.phc-button.phc-button-start`
    Start(&'static str),
}

/// The start page, top to bottom (inside `div.phc-start`; a share link that could not be read puts
/// its message above it, which only the app does).
pub const BLOCKS: &[Block] = &[
    Block::Title("ui.start.heading"),
    Block::Lead("ui.start.lead"),
    Block::Para("ui.start.you_get"),
    Block::List(&["ui.start.get_verdict", "ui.start.get_documents", "ui.start.get_channel", "ui.start.get_dates"]),
    Block::Para("ui.start.need"),
    Block::Para("ui.start.time"),
    Block::Privacy("ui.start.privacy"),
    Block::Start("ui.start.start"),
];

/// The header's brand on the start page of the standalone app (no service chosen yet; the app's header
/// in `ui/mod.rs` names the key itself, as it also shows another on a home visit's screens).
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub const BRAND: &str = "ui.title";
/// The language switch's accessible name.
pub const LANG_LABEL: &str = "ui.lang_label";
/// The language switch: each language named in itself, in this order.
pub const LANGS: [(Lang, &str); 3] = [(Lang::Kk, "Қазақша"), (Lang::Ru, "Русский"), (Lang::En, "English")];

/// Every message key the start page shows, header first (for the tests, here and in xtask).
#[allow(dead_code)]
pub fn keys() -> Vec<&'static str> {
    let mut out = vec![BRAND, LANG_LABEL];
    for b in BLOCKS {
        match *b {
            Block::Title(k) | Block::Lead(k) | Block::Para(k) | Block::Privacy(k) | Block::Start(k) => out.push(k),
            Block::List(ks) => out.extend_from_slice(ks),
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use phc::i18n::Messages;

    #[test]
    fn every_text_of_the_start_page_is_in_every_language() {
        for lang in Lang::ALL {
            for key in keys() {
                let text = Messages::get(*lang).raw(key);
                assert!(text.is_some_and(|t| !t.trim().is_empty()), "{key} in {lang}");
                assert!(!text.unwrap().contains('{'), "{key} in {lang}: the start page has no placeholders");
            }
        }
    }

    #[test]
    fn the_switch_names_every_language_once() {
        let mut langs: Vec<Lang> = LANGS.iter().map(|(l, _)| *l).collect();
        langs.sort();
        let mut all = Lang::ALL.to_vec();
        all.sort();
        assert_eq!(langs, all);
    }
}
