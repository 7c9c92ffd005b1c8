//! Every browser engine citizens use (issue 17): Firefox ESR and WebKitGTK tested beside Chromium, and
//! the support matrix.
//!
//! - Set-up: Debian's `firefox-esr`, `webkit2gtk-driver` (WebKitWebDriver and MiniBrowser), `xvfb`
//!   (a display for MiniBrowser) and `faketime` (WebKit's clock in the end-to-end tests), with the
//!   other Debian packages (`setup::debian_packages`); geckodriver with `cargo install`.
//! - The component tests (wasm-bindgen-test) in each engine: the runner picks the driver from
//!   `CHROMEDRIVER`, `GECKODRIVER` or `SAFARIDRIVER` (WebKitWebDriver speaks the same protocol).
//! - The cross-engine end-to-end set (`tests/e2e/journeys.mjs`, run by `tests/e2e/engines/suite.mjs`)
//!   in each engine, against the nginx of the test command.
//! - The support matrix: the WebAssembly features the built wasm uses, checked against an explicit set
//!   ([`WASM_FEATURES`]), and the JavaScript syntax of the modules, turned into the oldest browser
//!   versions by `xtask/support.mjs` with MDN's browser-compat-data; README.md and docs/widget.md must
//!   say what it computes.

use crate::steps::{cargo, root, Cmd};
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use wasmparser::{ExternalKind, Parser, Payload, TypeRef, ValType, Validator, WasmFeatures as F};

pub const GECKODRIVER: &str = "0.37.1";

/// The WebAssembly features beyond the 1.0 core (MVP) that the built wasm needs: exactly these. The
/// test command fails when the wasm needs one more (name it here, and the matrix follows) or no longer
/// needs one of them (then older browsers can run it: take it out). Names as `xtask/support.mjs` maps
/// them to browser-compat-data.
pub const WASM_FEATURES: &[&str] = &["sign-extension", "non-trapping-float-to-int", "multi-value", "bulk-memory", "reference-types"];

/// Every post-MVP feature a wasm could need, with the validator's flags for it.
const CANDIDATES: &[(&str, F)] = &[
    ("mutable-globals", F::MUTABLE_GLOBAL),
    ("sign-extension", F::SIGN_EXTENSION),
    ("non-trapping-float-to-int", F::SATURATING_FLOAT_TO_INT),
    ("multi-value", F::MULTI_VALUE),
    ("bulk-memory", F::BULK_MEMORY),
    ("reference-types", F::REFERENCE_TYPES),
    ("simd", F::SIMD),
    ("relaxed-simd", F::RELAXED_SIMD),
    ("threads", F::THREADS),
    ("tail-call", F::TAIL_CALL),
    ("legacy-exceptions", F::LEGACY_EXCEPTIONS),
    ("exceptions", F::EXCEPTIONS),
    ("extended-const", F::EXTENDED_CONST),
    ("function-references", F::FUNCTION_REFERENCES),
    ("gc", F::GC),
    ("multi-memory", F::MULTI_MEMORY),
    ("memory64", F::MEMORY64),
    ("wide-arithmetic", F::WIDE_ARITHMETIC),
];

fn flags(names: &[&str]) -> Result<F, String> {
    let mut f = F::MVP;
    for n in names {
        let (_, flag) = CANDIDATES.iter().find(|(c, _)| c == n).ok_or(format!("unknown wasm feature {n}"))?;
        f |= *flag;
    }
    Ok(f)
}

fn validates(bytes: &[u8], features: F) -> Result<(), String> {
    Validator::new_with_features(features).validate_all(bytes).map(|_| ()).map_err(|e| e.to_string())
}

/// Whether a function the JavaScript side calls or is called by takes or returns an i64: those cross
/// as `BigInt` (the "BigInt-to-i64 integration" of the JS API, a browser feature of its own).
fn i64_at_the_boundary(bytes: &[u8]) -> Result<bool, String> {
    let (mut types, mut imported, mut defined, mut exported) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(|e| e.to_string())? {
            Payload::TypeSection(r) => {
                for t in r.into_iter_err_on_gc_types() {
                    types.push(t.map_err(|e| e.to_string())?);
                }
            }
            Payload::ImportSection(r) => {
                for i in r.into_imports() {
                    if let TypeRef::Func(t) = i.map_err(|e| e.to_string())?.ty {
                        imported.push(t);
                    }
                }
            }
            Payload::FunctionSection(r) => {
                for t in r {
                    defined.push(t.map_err(|e| e.to_string())?);
                }
            }
            Payload::ExportSection(r) => {
                for e in r {
                    let e = e.map_err(|e| e.to_string())?;
                    if e.kind == ExternalKind::Func {
                        exported.push(e.index);
                    }
                }
            }
            _ => {}
        }
    }
    let type_of = |func: u32| -> Option<u32> {
        let i = func as usize;
        if i < imported.len() { Some(imported[i]) } else { defined.get(i - imported.len()).copied() }
    };
    let boundary = imported.iter().copied().chain(exported.iter().filter_map(|f| type_of(*f)));
    Ok(boundary.filter_map(|t| types.get(t as usize)).any(|ty| ty.params().iter().chain(ty.results()).any(|v| *v == ValType::I64)))
}

/// The features the built wasm needs, checked against [`WASM_FEATURES`]: it validates with exactly
/// that set above the MVP, and fails without any one of them. Returns them (and `bigint-i64` when i64
/// values cross to JavaScript).
pub fn wasm_features() -> Result<Vec<String>, String> {
    let dist = root().join("dist");
    let wasms: Vec<_> = crate::web::files(&dist)?.into_iter().filter(|f| f.file_name().is_some_and(|n| n.to_string_lossy().ends_with("_bg.wasm"))).collect();
    let wasm = wasms.iter().find(|f| f.file_name().is_some_and(|n| n.to_string_lossy().starts_with("phc-app-"))).ok_or("dist/: no wasm (cargo xtask build)")?.clone();
    let bytes = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let claimed = flags(WASM_FEATURES)?;
    // The paper's module (issue 27) runs where the app runs: it needs no feature the app does not.
    for other in wasms.iter().filter(|f| **f != wasm) {
        let bytes = std::fs::read(other).map_err(|e| format!("{}: {e}", other.display()))?;
        if let Err(e) = validates(&bytes, claimed) {
            return Err(format!("{} needs WebAssembly features beyond the app's ({WASM_FEATURES:?}): {e}", other.display()));
        }
    }
    if let Err(e) = validates(&bytes, claimed) {
        let all = CANDIDATES.iter().fold(F::MVP, |f, (_, c)| f | *c);
        if validates(&bytes, all).is_err() {
            return Err(format!("{}: not valid WebAssembly even with every feature: {e}", wasm.display()));
        }
        let more: Vec<&str> = CANDIDATES.iter().filter(|(n, c)| !WASM_FEATURES.contains(n) && validates(&bytes, claimed | *c).is_ok()).map(|(n, _)| *n).collect();
        return Err(format!(
            "{} needs WebAssembly features beyond xtask/src/engines.rs WASM_FEATURES {WASM_FEATURES:?} ({e}); \
             with one more it validates: {more:?}. Add it there: the support matrix follows (cargo xtask support --write)",
            wasm.display()
        ));
    }
    for (name, flag) in CANDIDATES.iter().filter(|(n, _)| WASM_FEATURES.contains(n)) {
        if validates(&bytes, claimed - *flag).is_ok() {
            return Err(format!(
                "{} no longer needs the WebAssembly feature {name}: take it out of WASM_FEATURES in xtask/src/engines.rs \
                 (older browsers can run the app; cargo xtask support --write updates the matrix)",
                wasm.display()
            ));
        }
    }
    let mut used: Vec<String> = WASM_FEATURES.iter().map(|s| s.to_string()).collect();
    if i64_at_the_boundary(&bytes)? {
        used.push("bigint-i64".into());
    }
    println!(
        "xtask: {} validates with the MVP and exactly {} (each needed){}",
        wasm.file_name().unwrap().to_string_lossy(),
        WASM_FEATURES.join(", "),
        if used.len() > WASM_FEATURES.len() { "; i64 values cross to JavaScript as BigInt" } else { "" }
    );
    Ok(used)
}

/// The support matrix: computed from the wasm's features and the modules' syntax (xtask/support.mjs);
/// `write`: README.md and docs/widget.md are rewritten with it, else they must already say it.
pub fn support(write: bool) -> Result<(), String> {
    let features = wasm_features()?;
    let mut c = Cmd::new("node");
    c.arg(root().join("xtask/support.mjs")).arg(root().join("dist")).arg("--wasm").arg(features.join(","));
    if write {
        c.arg("--write");
    }
    crate::steps::run(&mut c)
}

/// A browser engine of the test command.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// What is tested, with its version.
    pub fn browser(self) -> String {
        let first_line = |c: &mut Cmd| crate::steps::output(c).ok().and_then(|o| o.lines().next().map(|l| l.trim().to_string()));
        match self {
            Engine::Chromium => first_line(Cmd::new("/usr/bin/chromium").arg("--version")),
            Engine::Firefox => first_line(Cmd::new("/usr/bin/firefox-esr").arg("--version")),
            Engine::WebKit => first_line(Cmd::new("dpkg-query").args(["-W", "-f", "WebKitGTK ${Version} (MiniBrowser, WebKitWebDriver)", "webkit2gtk-driver"])),
        }
        .unwrap_or_else(|| self.name().to_string())
    }
}

/// Passed and failed tests of one run, and how long it took.
#[derive(Default, Clone, Copy)]
pub struct Count {
    pub passed: u32,
    pub failed: u32,
    pub seconds: f64,
}

impl std::ops::AddAssign for Count {
    fn add_assign(&mut self, o: Count) {
        self.passed += o.passed;
        self.failed += o.failed;
        self.seconds += o.seconds;
    }
}

/// A test run: its count, or its count so far and why it failed.
pub type Outcome = Result<Count, (Count, String)>;
/// What ran in one engine: each run, named.
pub type Row = (Engine, Vec<(&'static str, Outcome)>);

/// Runs a test command with its output passed through, counting what its runner reports: libtest's
/// `test result: ok. N passed; M failed` (cargo test, wasm-bindgen-test-runner) or node's TAP
/// `# pass N` / `# fail N`. Err when it fails, with the count so far in the message.
pub fn counted(cmd: &mut Cmd) -> Outcome {
    if cmd.get_current_dir().is_none() {
        cmd.current_dir(root());
    }
    let shown = format!("{cmd:?}");
    println!("xtask: {shown}");
    let started = std::time::Instant::now();
    let mut child = cmd.stdout(Stdio::piped()).spawn().map_err(|e| (Count::default(), format!("cannot run {shown}: {e}")))?;
    let mut count = Count::default();
    let number = |s: &str| s.trim().split(|c: char| !c.is_ascii_digit()).next().and_then(|n| n.parse::<u32>().ok()).unwrap_or(0);
    for line in BufReader::new(child.stdout.take().expect("piped")).lines() {
        let Ok(line) = line else { break };
        println!("{line}");
        if let Some(rest) = line.strip_prefix("test result: ") {
            for part in rest.split(';') {
                let part = part.trim().trim_start_matches("ok. ").trim_start_matches("FAILED. ");
                if part.ends_with(" passed") {
                    count.passed += number(part);
                } else if part.ends_with(" failed") {
                    count.failed += number(part);
                }
            }
        } else if let Some(n) = line.strip_prefix("# pass ") {
            count.passed += number(n);
        } else if let Some(n) = line.strip_prefix("# fail ") {
            count.failed += number(n);
        }
    }
    let status = child.wait().map_err(|e| (count, e.to_string()))?;
    count.seconds = started.elapsed().as_secs_f64();
    if status.success() && count.failed == 0 {
        Ok(count)
    } else {
        Err((count, format!("{shown} failed ({status})")))
    }
}

/// An Xvfb on a display it picks (`-displayfd`), for MiniBrowser; stopped when dropped.
pub struct Display {
    child: std::process::Child,
    pub name: String,
}

impl Display {
    pub fn start() -> Result<Display, String> {
        let mut child = Cmd::new("Xvfb")
            .args(["-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("Xvfb: {e}"))?;
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped")).read_line(&mut line).map_err(|e| format!("Xvfb: {e}"))?;
        let n = line.trim();
        if n.is_empty() {
            let _ = child.kill();
            return Err("Xvfb gave no display number".into());
        }
        Ok(Display { name: format!(":{n}"), child })
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = Cmd::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        let _ = self.child.wait();
    }
}

/// The app's component tests (wasm-bindgen-test) in one engine.
pub fn components(engine: Engine) -> Outcome {
    let mut c = cargo();
    c.args(["test", "--package", "phc-app", "--target", "wasm32-unknown-unknown"]).env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    // The runner takes the first of these it finds set: only this engine's.
    for var in ["GECKODRIVER", "SAFARIDRIVER", "CHROMEDRIVER", "MSEDGEDRIVER"] {
        c.env_remove(var).env_remove(format!("{var}_REMOTE"));
    }
    let _display;
    match engine {
        Engine::Chromium => {
            c.env("CHROMEDRIVER", "/usr/bin/chromedriver");
        }
        Engine::Firefox => {
            let gecko = crate::steps::output(Cmd::new("sh").args(["-c", "command -v geckodriver"])).map_err(|e| (Count::default(), e))?;
            c.env("GECKODRIVER", gecko.trim());
        }
        Engine::WebKit => {
            let d = Display::start().map_err(|e| (Count::default(), e))?;
            c.env("SAFARIDRIVER", "/usr/bin/WebKitWebDriver").env("DISPLAY", &d.name);
            _display = d;
        }
    }
    counted(&mut c)
}

/// The cross-engine end-to-end set in one engine, against the app served at `url`.
pub fn end_to_end(engine: Engine, url: &str) -> Outcome {
    counted(
        Cmd::new("node")
            .args(["--test", "--test-concurrency=1", "--test-reporter=tap"])
            .arg(root().join("tests/e2e/engines/suite.mjs"))
            .env("PHC_ENGINE", engine.name())
            .env("PHC_URL", url)
            .env("PHC_CHECK", root().join("target/debug/phc-check")),
    )
}

/// One line per engine: what ran in it, then `name: N passed, M failed`. Err if any failed.
pub fn report(rows: &[Row]) -> Result<(), String> {
    println!("\nxtask: tests in each browser engine");
    let mut failures = Vec::new();
    for (engine, runs) in rows {
        let mut total = Count::default();
        let parts: Vec<String> = runs
            .iter()
            .map(|(what, r)| {
                let c = match r {
                    Ok(c) => *c,
                    Err((c, e)) => {
                        failures.push(format!("{} {what}: {e}", engine.name()));
                        *c
                    }
                };
                total += c;
                format!("{what} {}/{} ({:.0} s)", c.passed, c.passed + c.failed, c.seconds)
            })
            .collect();
        println!("  {} — {}", engine.browser(), parts.join(", "));
        println!("{}: {} passed, {} failed", engine.name(), total.passed, total.failed);
    }
    if failures.is_empty() { Ok(()) } else { Err(failures.join("\n")) }
}
