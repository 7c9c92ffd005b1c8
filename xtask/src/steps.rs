//! The steps of `test`, `serve` and `bench`, and small helpers to run commands.

use crate::engines::{self, Engine};
use crate::setup;
use crate::web;
use std::path::PathBuf;
use std::process::Command;

pub type Cmd = Command;

/// The repository root (the parent of this crate).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the repository").to_path_buf()
}

pub fn have(bin: &str) -> bool {
    Command::new("sh").args(["-c", &format!("command -v {bin}")]).output().map(|o| o.status.success()).unwrap_or(false)
}

/// Runs a command in the repository root (unless it set its own), failing on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    if cmd.get_current_dir().is_none() {
        cmd.current_dir(root());
    }
    let shown = format!("{cmd:?}");
    println!("xtask: {shown}");
    let status = cmd.status().map_err(|e| format!("cannot run {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

pub fn output(cmd: &mut Command) -> Result<String, String> {
    let o = cmd.output().map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if !o.status.success() {
        return Err(format!("{cmd:?} failed: {}", String::from_utf8_lossy(&o.stderr)));
    }
    Ok(String::from_utf8_lossy(&o.stdout).into_owned())
}

/// Cargo as the one running xtask (`CARGO`), so every step uses the same toolchain.
pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

pub fn test() -> Result<(), String> {
    setup::all()?;
    // 1. The rules crate, the engine, the calendar, the command line: unit, golden, property, CLI and
    // schema tests.
    run(cargo().args(["test", "--package", "phc-rules", "--package", "phc"]))?;
    // The calendar against the `holidays` dataset (pinned release): every disagreement explained.
    calendar_check(Some(setup::HOLIDAYS))?;
    // The automation's own pure parts (the wasm reader of `sizes`).
    run(cargo().args(["test", "--package", "xtask"]))?;
    // 2. The engine compiles to wasm32 with no web dependency, and the native build has no web in it.
    engine_is_web_free()?;
    // 3. The app's pure parts natively; its components (wasm-bindgen-test) in each browser engine:
    // headless Chromium, headless Firefox ESR, WebKitGTK's MiniBrowser (issue 17).
    run(cargo().args(["test", "--package", "phc-app"]))?;
    // The calendar files those tests wrote, read back by an independent parser.
    run(Cmd::new("python3").arg(root().join("tests/ics_roundtrip.py")).arg(root().join("target/ics-samples")))?;
    let mut rows: Vec<engines::Row> = Engine::ALL.iter().map(|e| (*e, vec![("components", engines::components(*e))])).collect();
    if rows.iter().any(|(_, runs)| runs.iter().any(|(_, r)| r.is_err())) {
        return engines::report(&rows);
    }
    // 4. dist/ built as `serve` builds it; the browsers it runs in (the support matrix of README.md and
    // docs/widget.md, from the wasm's features and the modules' syntax); served by nginx under the
    // strict CSP and driven end to end: every test of tests/e2e in Chromium, then the cross-engine set
    // (tests/e2e/journeys.mjs) in Chromium, Firefox and WebKit.
    web::build()?;
    engines::support(false)?;
    let server = web::nginx(web::free_port()?)?;
    let url = format!("http://127.0.0.1:{}", server.port);
    let e2e = engines::counted(Cmd::new("node")
        .args(["--test", "--test-concurrency=1", "--test-reporter=tap"])
        .arg(root().join("tests/e2e"))
        .env("PHC_URL", &url)
        .env("PHC_CHECK", root().join("target/debug/phc-check")));
    rows[0].1.push(("end to end", e2e));
    for (engine, runs) in rows.iter_mut() {
        runs.push(("cross-engine set", engines::end_to_end(*engine, &url)));
    }
    drop(server);
    // 5. What a first visit costs, against the budget (issue 6); then what ran in each engine.
    let first_visit = web::size_report()?;
    let gate = crate::perf::size_gate(first_visit);
    engines::report(&rows)?;
    gate
}

/// The native dependency tree of the engine holds no web crate, and the engine builds for wasm32.
fn engine_is_web_free() -> Result<(), String> {
    let tree = output(cargo().current_dir(root()).args(["tree", "--package", "phc", "--edges", "normal", "--prefix", "none"]))?;
    for web in ["yew", "web-sys", "js-sys", "wasm-bindgen", "gloo"] {
        if tree.lines().any(|l| l.split_whitespace().next() == Some(web)) {
            return Err(format!("the engine's native dependencies include {web}:\n{tree}"));
        }
    }
    run(cargo().args(["build", "--package", "phc", "--lib", "--release", "--target", "wasm32-unknown-unknown"]))?;
    println!("xtask: engine is web-free natively and builds for wasm32");
    Ok(())
}

pub fn serve(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, p] if flag == "--port" => p.parse().map_err(|_| format!("--port: not a port: {p}"))?,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    setup::all()?;
    web::build()?;
    web::size_report()?;
    let mut server = web::nginx(port)?;
    println!("\nxtask: serving dist/ on http://127.0.0.1:{port}/ ; Ctrl-C stops");
    server.wait()
}

/// Our calendar (`examples/calendar_dump.rs`) compared day by day, 2015-2035, with the PyPI
/// `holidays` dataset by `tests/calendar_audit.py`. `Some(version)`: the pinned release, failing on
/// any disagreement `rules/calendar.toml` does not explain (the test command). `None`: the newest
/// release, printed as a report that never fails (`cargo xtask calendar-audit`).
pub fn calendar_check(version: Option<&str>) -> Result<(), String> {
    let dir = setup::python_holidays(version)?;
    let dump = root().join("target/calendar-dump.json");
    run(cargo().args(["run", "--quiet", "--package", "phc", "--example", "calendar_dump", "--"]).arg(&dump))?;
    let mut audit = Cmd::new("python3");
    audit.arg(root().join("tests/calendar_audit.py")).arg(&dump).args(["--years", "2015-2035"]).env("PYTHONPATH", &dir);
    if let Some(v) = version {
        audit.args(["--strict", "--expect-version", v]);
    }
    run(&mut audit)
}

pub fn bench() -> Result<(), String> {
    run(cargo().args(["bench", "--package", "phc", "--bench", "decisions"]))
}

/// `cargo xtask engines [names]`: the cross-engine end-to-end set alone, against a fresh build.
pub fn engines(names: &[String]) -> Result<(), String> {
    let chosen: Vec<Engine> = if names.is_empty() {
        Engine::ALL.to_vec()
    } else {
        names
            .iter()
            .map(|n| Engine::ALL.into_iter().find(|e| e.name() == n).ok_or(format!("unknown engine {n}: chromium, firefox or webkit")))
            .collect::<Result<_, _>>()?
    };
    setup::all()?;
    run(cargo().args(["build", "--package", "phc", "--bin", "phc-check"]))?;
    web::build()?;
    let server = web::nginx(web::free_port()?)?;
    let url = format!("http://127.0.0.1:{}", server.port);
    let rows: Vec<engines::Row> = chosen.iter().map(|e| (*e, vec![("cross-engine set", engines::end_to_end(*e, &url))])).collect();
    drop(server);
    engines::report(&rows)
}
