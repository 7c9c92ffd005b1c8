//! Project automation, run as `cargo xtask <command>` (see `.cargo/config.toml`).
//!
//! Every command first installs what it needs, idempotently, so that the README's two commands
//! (`cargo xtask serve`, `cargo xtask test`) work on a fresh machine: the wasm target, the pinned
//! wasm-bindgen and trunk, Debian's Chromium, ChromeDriver and nginx, and the npm packages of the
//! browser tests. Nothing is downloaded from outside the package registries.

mod engines;
mod perf;
mod prerender;
mod setup;
mod steps;
mod wasm_cost;
mod web;

use std::process::ExitCode;

const HELP: &str = "cargo xtask <command>
  test      install what is needed, then run every test (native, wasm, browser) and the size report
  serve     install what is needed, build the app and serve it on http://127.0.0.1:8080
  build     install what is needed and build dist/ (no server)
  setup     only install what is needed
  support [--write]  the browsers the built app runs in (from the wasm's features and the modules'
                    syntax): README.md and docs/widget.md must say it; --write rewrites their matrix
  engines [chromium|firefox|webkit]  build, serve, and run the cross-engine end-to-end set
                    (tests/e2e/journeys.mjs) in those engines (all three by default)
  bench     engine benchmark (decisions per second)
  sizes     what costs in the wasm: the largest functions and the total per crate (twiggy)
  loadbench [runs]  load benchmark under slow mobile conditions beside a bare Yew app; check() speed
  lighthouse        Lighthouse (mobile) on the start page and a result page
  calendar-audit [--pinned]  our working-day calendar against the newest PyPI `holidays` release,
                    2015-2035: every day they disagree (a report). --pinned: the test command's check,
                    on the pinned release, failing on a disagreement rules/calendar.toml does not explain
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => steps::test(),
        Some("serve") => steps::serve(&args[1..]),
        Some("setup") => setup::all(),
        Some("build") => setup::all().and_then(|_| web::build()).and_then(|_| web::size_report()).and_then(perf::size_gate),
        Some("support") => match &args[1..] {
            [] => setup::all().and_then(|_| web::build()).and_then(|_| engines::support(false)),
            [w] if w == "--write" => setup::all().and_then(|_| web::build()).and_then(|_| engines::support(true)),
            _ => Err("usage: cargo xtask support [--write]".into()),
        },
        Some("engines") => steps::engines(&args[1..]),
        Some("bench") => steps::bench(),
        Some("sizes") => perf::sizes(),
        Some("loadbench") => perf::loadbench(&args[1..]),
        Some("lighthouse") => perf::lighthouse(),
        Some("calendar-audit") => match &args[1..] {
            [] => steps::calendar_check(None),
            [p] if p == "--pinned" => steps::calendar_check(Some(setup::HOLIDAYS)),
            _ => Err("usage: cargo xtask calendar-audit [--pinned]".into()),
        },
        Some("-h" | "--help" | "help") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other}\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
