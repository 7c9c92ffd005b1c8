//! The prerendered start page (issue 18, item 1): `dist/index.html` as trunk and `minify.mjs` left it
//! is the template of one page per language, `dist/kk/index.html`, `dist/ru/index.html`,
//! `dist/en/index.html`, and `dist/index.html` itself in Kazakh (the state language: what `/` is when
//! the server does not fit it to the browser, deploy/nginx.conf). Each holds the start page as the app
//! renders it, written from the same description (`app/src/start_view.rs`, included here by its path)
//! and the same messages, element for element, so that the app takes it over without a visible change;
//! `tests/e2e/prerender.test.mjs` compares the two in each language.

#[path = "../../app/src/start_view.rs"]
mod start_view;

use phc::i18n::Messages;
use phc::Lang;
use start_view::{Block, BLOCKS, BRAND, LANGS, LANG_LABEL};
use std::path::Path;

/// The languages' folders, and the page `/` is without a better fit.
pub const DEFAULT: Lang = Lang::Kk;

fn text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

fn t(lang: Lang, key: &str) -> String {
    Messages::get(lang).text(key, &[])
}

/// The app's root element on its start page, as `ui/mod.rs` (`App`), `ui/platform.rs`
/// (`lang_switch`) and `ui/start.rs` render it on the standalone page: no whitespace between
/// elements, as Yew writes none.
pub fn start_page(lang: Lang) -> String {
    let mut out = format!(r#"<div class="phc" lang="{}" data-screen="start">"#, lang.as_str());
    out += r#"<header class="phc-header" part="header">"#;
    out += &format!(r#"<p class="phc-brand">{}</p>"#, text(&t(lang, BRAND)));
    out += &format!(r#"<nav class="phc-lang" aria-label="{}"><ul>"#, attr(&t(lang, LANG_LABEL)));
    for (l, name) in LANGS {
        let pressed = if l == lang { "true" } else { "false" };
        out += &format!(r#"<li><button type="button" lang="{}" aria-pressed="{pressed}">{}</button></li>"#, l.as_str(), text(name));
    }
    out += "</ul></nav></header>";
    out += r#"<main class="phc-main" id="phc-main"><div class="phc-start">"#;
    for b in BLOCKS {
        out += &match *b {
            Block::Title(k) => format!(r#"<h1 class="phc-title" tabindex="-1">{}</h1>"#, text(&t(lang, k))),
            Block::Lead(k) => format!(r#"<p class="phc-lead">{}</p>"#, text(&t(lang, k))),
            Block::Para(k) => format!("<p>{}</p>", text(&t(lang, k))),
            Block::List(keys) => {
                let items: String = keys.iter().map(|k| format!("<li>{}</li>", text(&t(lang, k)))).collect();
                format!(r#"<ul class="phc-list">{items}</ul>"#)
            }
            Block::Privacy(k) => format!(r#"<p class="phc-privacy">{}</p>"#, text(&t(lang, k))),
            Block::Start(k) => format!(r#"<button type="button" class="phc-button phc-button-start" part="button">{}</button>"#, text(&t(lang, k))),
        };
    }
    out += "</div></main></div>";
    out
}

/// The widget's start view before its wasm (issue 26, the facade): for each language, the texts of the
/// start page in `BLOCKS`' order, each with its kind, and the header's. `static/phc-widget.js` builds
/// the view from them inside the element's shadow root as the app renders it there (`ui/mod.rs` with
/// `embedded`: a `section` named by the brand, the title at the widget's heading level), element for
/// element: `tests/e2e/facade.test.mjs` compares the two. Written into the module by `cargo xtask`
/// (about 1.5 KB brotli for the three languages: one file, no request before the view shows).
pub fn widget_views() -> String {
    use phc::json::Value;
    let view = |lang: Lang| {
        let blocks: Vec<Value> = BLOCKS
            .iter()
            .map(|b| {
                let (kind, content) = match *b {
                    Block::Title(k) => ("title", Value::from(t(lang, k))),
                    Block::Lead(k) => ("lead", Value::from(t(lang, k))),
                    Block::Para(k) => ("para", Value::from(t(lang, k))),
                    Block::List(keys) => ("list", Value::from(keys.iter().map(|k| t(lang, k)).collect::<Vec<_>>())),
                    Block::Privacy(k) => ("privacy", Value::from(t(lang, k))),
                    Block::Start(k) => ("start", Value::from(t(lang, k))),
                };
                Value::from(vec![Value::from(kind), content])
            })
            .collect();
        Value::object([
            ("brand", Value::from(t(lang, BRAND))),
            ("brand_home_visit", Value::from(t(lang, "ui.title_home_visit"))),
            ("lang_label", Value::from(t(lang, LANG_LABEL))),
            ("blocks", Value::from(blocks)),
        ])
    };
    let langs = Value::from(LANGS.iter().map(|(l, name)| Value::from(vec![Value::from(l.as_str()), Value::from(*name)])).collect::<Vec<_>>());
    let views = Lang::ALL.iter().map(|l| (l.as_str(), view(*l)));
    Value::object([("langs", langs), ("views", Value::object(views))]).to_string()
}

/// The page's title as the app sets it on its start page (`ui/effects.rs`): the heading, then the
/// checker's name.
pub fn title(lang: Lang) -> String {
    let heading = BLOCKS.iter().find_map(|b| if let Block::Title(k) = b { Some(*k) } else { None }).expect("the start page has a title");
    format!("{} – {}", t(lang, heading), t(lang, BRAND))
}

/// Replaces the one `from`…`to` span of `html` that starts with `from` (both included).
fn replace_span(html: &str, from: &str, to: &str, with: &str, what: &str) -> Result<String, String> {
    let start = html.find(from).ok_or(format!("dist/index.html: no {what} ({from}…)"))?;
    let end = html[start..].find(to).ok_or(format!("dist/index.html: unterminated {what}"))? + start + to.len();
    if html[end..].contains(from) {
        return Err(format!("dist/index.html: more than one {what}"));
    }
    Ok(format!("{}{with}{}", &html[..start], &html[end..]))
}

/// One language's page from the template (trunk's `index.html` after `minify.mjs`).
pub fn page(template: &str, lang: Lang) -> Result<String, String> {
    let html = replace_span(template, "<html lang=\"", ">", &format!("<html lang=\"{}\">", lang.as_str()), "<html lang>")?;
    let html = replace_span(&html, "<title>", "</title>", &format!("<title>{}</title>", text(&title(lang))), "<title>")?;
    let lead = BLOCKS.iter().find_map(|b| if let Block::Lead(k) = b { Some(*k) } else { None }).expect("the start page has a lead");
    let html = replace_span(&html, "<meta name=\"description\"", ">", &format!("<meta name=\"description\" content=\"{}\">", attr(&t(lang, lead))), "description")?;
    // The page's texts for the app, fetched beside the wasm rather than after it has started; the
    // app's `fetch` (cors mode, same-origin credentials) uses this very response.
    let preload = format!(r#"<link rel="preload" href="/{}" as="fetch" crossorigin="anonymous">"#, phc::i18n::file_name(lang));
    let html = html.replacen("</head>", &format!("{preload}</head>"), 1);
    let html = replace_span(&html, "<p class=\"phc-loading\"", "</p>", &start_page(lang), "loading line")?;
    Ok(noscript_in(&html, lang))
}

/// The `<noscript>` message in the page's language only (the template has it in all three, each a
/// `<p lang="…">` line): a page without JavaScript still says the page's language.
fn noscript_in(html: &str, lang: Lang) -> String {
    let mine = format!("<p lang=\"{}\">", lang.as_str());
    let mut inside = false;
    let mut out: Vec<&str> = Vec::new();
    for line in html.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("<noscript>") {
            inside = true;
        } else if t.starts_with("</noscript>") {
            inside = false;
        } else if inside && t.starts_with("<p lang=") && !t.starts_with(&mine) {
            continue;
        }
        out.push(line);
    }
    out.concat()
}

/// Writes the four pages into `dist`.
pub fn write(dist: &Path) -> Result<(), String> {
    let index = dist.join("index.html");
    let template = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    for lang in Lang::ALL {
        let dir = dist.join(lang.as_str());
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        std::fs::write(dir.join("index.html"), page(&template, *lang)?).map_err(|e| e.to_string())?;
    }
    std::fs::write(&index, page(&template, DEFAULT)?).map_err(|e| e.to_string())
}

/// The folders of the language pages, as `/kk/` and so on.
pub fn paths() -> Vec<String> {
    Lang::ALL.iter().map(|l| format!("/{}/", l.as_str())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<!doctype html><html lang=\"kk\"><head><title>a · b</title><meta name=\"description\" content=\"x\"></head><body><div id=\"phc-app\" class=\"phc-boot\">\n<noscript>\n<p lang=\"kk\">k</p>\n<p lang=\"ru\">r</p>\n<p lang=\"en\">e</p>\n</noscript>\n<p class=\"phc-loading\" role=\"status\"><span>…</span></p></div></body></html>";

    #[test]
    fn each_page_says_its_language_and_holds_the_start_page_in_it() {
        for lang in Lang::ALL {
            let p = page(TEMPLATE, *lang).unwrap();
            assert!(p.contains(&format!("<html lang=\"{}\">", lang.as_str())), "{p}");
            assert!(p.contains(&format!("<title>{}</title>", text(&title(*lang)))));
            assert!(p.contains(&start_page(*lang)));
            assert!(p.contains(&format!("href=\"/{}\" as=\"fetch\" crossorigin", phc::i18n::file_name(*lang))));
            assert!(!p.contains("phc-loading"));
            let other: Vec<_> = Lang::ALL.iter().filter(|l| *l != lang).map(|l| format!("<p lang=\"{}\">", l.as_str())).collect();
            assert!(p.contains(&format!("<noscript>\n<p lang=\"{}\">", lang.as_str())), "the no-script message in the page's language: {p}");
            assert!(other.iter().all(|o| !p.contains(o.as_str())), "and in no other");
            for key in start_view::keys() {
                assert!(p.contains(&text(&t(*lang, key))) || p.contains(&attr(&t(*lang, key))), "{key} in {lang}");
            }
        }
    }

    #[test]
    fn the_widget_views_hold_every_text_of_the_start_page_in_every_language() {
        use phc::json::Value;
        fn strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
            match v {
                Value::String(s) => out.push(s),
                Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
                Value::Object(o) => o.iter().for_each(|(_, v)| strings(v, out)),
                _ => {}
            }
        }
        let views = phc::json::parse(&widget_views()).expect("JSON");
        for lang in Lang::ALL {
            let view = views.as_object().and_then(|o| o.get("views")).and_then(|v| v.as_object()).and_then(|o| o.get(lang.as_str())).expect("each language");
            let blocks = view.as_object().and_then(|o| o.get("blocks")).and_then(|b| b.as_array()).expect("blocks");
            assert_eq!(blocks.len(), BLOCKS.len(), "one per block, in order");
            let mut texts = Vec::new();
            strings(view, &mut texts);
            for key in start_view::keys() {
                assert!(texts.contains(&t(*lang, key).as_str()), "{key} in {lang}");
            }
        }
    }

    #[test]
    fn texts_are_escaped_and_elements_have_no_whitespace_between_them() {
        assert_eq!(text("a < b & \"c\""), "a &lt; b &amp; \"c\"");
        assert_eq!(attr("\"c\""), "&quot;c&quot;");
        let html = start_page(Lang::En);
        assert!(!html.contains(">\n") && !html.contains("> <"), "{html}");
        assert_eq!(html.matches("<button").count(), 4, "three languages and Start");
        assert_eq!(html.matches("aria-pressed=\"true\"").count(), 1);
    }
}
