//! The steps of `test`, `serve` and `bench`, and small helpers to run commands.

use crate::setup;
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

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

pub fn test() -> Result<(), String> {
    setup::all()?;
    // 1. The engine, the calendar, the command line: unit, golden, property, CLI and schema tests.
    run(cargo().args(["test", "--package", "phc"]))?;
    // 2. The engine compiles to wasm32 with no web dependency, and the native build has no web in it.
    engine_is_web_free()?;
    Ok(())
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

pub fn serve(_args: &[String]) -> Result<(), String> {
    Err("the web app is not built yet: see issue 3".into())
}

pub fn bench() -> Result<(), String> {
    run(cargo().args(["bench", "--package", "phc", "--bench", "decisions"]))
}
