//! Idempotent installation of the tools the build and the tests need. Each step checks first and
//! installs only what is missing or of the wrong version.

use crate::steps::{have, output, root, run, Cmd};

/// Versions fixed by `../shared/toolchain.md`: the CLI must match the `wasm-bindgen` crate exactly.
pub const WASM_BINDGEN: &str = "0.2.130";
pub const TRUNK: &str = "0.21.14";
/// The release of the PyPI `holidays` dataset the test command cross-checks the calendar with: the
/// explanations in `rules/calendar.toml` (`[[audit_explained]]`) are written against it.
pub const HOLIDAYS: &str = "0.108";

pub fn all() -> Result<(), String> {
    wasm_target()?;
    cargo_tool("wasm-bindgen", "wasm-bindgen-cli", WASM_BINDGEN, false)?;
    cargo_tool("trunk", "trunk", TRUNK, true)?;
    // Firefox's classic WebDriver, for the component tests in Firefox (issue 17).
    cargo_tool("geckodriver", "geckodriver", crate::engines::GECKODRIVER, true)?;
    debian_packages()?;
    python_icalendar()?;
    python_holidays(Some(HOLIDAYS))?;
    Ok(())
}

/// The PyPI `holidays` dataset in a folder of its own under `target/python/` (one per release, so the
/// pinned one of the tests and the newest one of `calendar-audit` never replace each other), for
/// `PYTHONPATH`. `Some(version)`: that release, installed once. `None`: the newest release, asked of
/// PyPI on every call.
///
/// `pip install --target` installs into a folder, not into the Python environment, so a system
/// Python that refuses installs (Debian, PEP 668: "externally managed") accepts it; where it still
/// refuses, `--break-system-packages` (which only lifts that check, the folder being ours); where
/// Python has no pip at all, Debian's `python3-pip` first.
pub fn python_holidays(version: Option<&str>) -> Result<std::path::PathBuf, String> {
    let dir = root().join("target/python").join(format!("holidays-{}", version.unwrap_or("latest")));
    let imported = || {
        output(Cmd::new("python3").args(["-c", "import holidays; print(holidays.__version__)"]).env("PYTHONPATH", &dir))
            .map(|v| v.trim().to_string())
    };
    if let Some(v) = version {
        if imported().is_ok_and(|got| got == v) {
            return Ok(dir);
        }
    }
    if output(Cmd::new("python3").args(["-m", "pip", "--version"])).is_err() {
        println!("xtask: python3 has no pip; installing Debian's python3-pip");
        apt_install(&["python3-pip"])?;
    }
    let spec = version.map_or("holidays".to_string(), |v| format!("holidays=={v}"));
    let pip = |extra: &[&str]| {
        let mut c = Cmd::new("python3");
        c.args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--upgrade", "--target"])
            .arg(&dir)
            .args(extra)
            .arg(&spec)
            .env("PIP_ROOT_USER_ACTION", "ignore");
        run(&mut c)
    };
    if pip(&[]).is_err() {
        println!("xtask: pip refused; trying again with --break-system-packages (PEP 668; the target folder is ours)");
        pip(&["--break-system-packages"])?;
    }
    let got = imported().map_err(|e| format!("python3 cannot import holidays from {}: {e}", dir.display()))?;
    if version.is_some_and(|v| v != got) {
        return Err(format!("{} holds holidays {got}, not {}", dir.display(), version.unwrap_or_default()));
    }
    Ok(dir)
}

/// Python's `icalendar` (PyPI), the independent parser the calendar files are checked with.
fn python_icalendar() -> Result<(), String> {
    if output(Cmd::new("python3").args(["-c", "import icalendar"])).is_ok() {
        return Ok(());
    }
    // pip where Python is the user's own (pyenv, a venv); Debian's own package where the system
    // Python refuses pip installs (PEP 668) or has no pip at all.
    if run(Cmd::new("python3").args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "icalendar"])).is_ok() {
        return Ok(());
    }
    println!("xtask: pip could not install icalendar; trying Debian's python3-icalendar");
    apt_install(&["python3-icalendar"])?;
    output(Cmd::new("python3").args(["-c", "import icalendar"]))
        .map(|_| ())
        .map_err(|e| format!("python3 cannot import icalendar after installing it: {e}"))
}

pub fn wasm_target() -> Result<(), String> {
    let installed = output(Cmd::new("rustup").args(["target", "list", "--installed"]))?;
    if !installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        run(Cmd::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

/// `cargo install` of a pinned version, skipped when `bin --version` already reports it.
pub fn cargo_tool(bin: &str, krate: &str, version: &str, locked: bool) -> Result<(), String> {
    if have(bin) {
        if let Ok(v) = output(Cmd::new(bin).arg("--version")) {
            if v.split_whitespace().any(|w| w == version) {
                return Ok(());
            }
        }
    }
    println!("xtask: installing {krate} {version} (once; several minutes)");
    let mut cmd = Cmd::new("cargo");
    cmd.args(["install", krate, "--version", version]);
    if locked {
        cmd.arg("--locked");
    }
    run(&mut cmd)
}

/// Chromium with its matching ChromeDriver, nginx with its brotli_static module, and brotli, from
/// Debian's packages; and the other engines (issue 17): Firefox ESR, WebKitGTK's WebDriver with its
/// MiniBrowser, Xvfb (MiniBrowser's display) and faketime (WebKit's clock in the end-to-end tests).
fn debian_packages() -> Result<(), String> {
    let wanted = [("chromium", "/usr/bin/chromium"), ("chromium-driver", "/usr/bin/chromedriver"), ("nginx", "/usr/sbin/nginx"), ("brotli", "/usr/bin/brotli"),
        ("libnginx-mod-http-brotli-static", "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"),
        ("firefox-esr", "/usr/bin/firefox-esr"), ("webkit2gtk-driver", "/usr/bin/WebKitWebDriver"), ("xvfb", "/usr/bin/Xvfb"), ("faketime", "/usr/bin/faketime")];
    let missing: Vec<&str> = wanted.iter().filter(|(_, path)| !std::path::Path::new(path).exists()).map(|(p, _)| *p).collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("xtask: installing Debian packages {missing:?}");
    apt_install(&missing)
}

/// `apt-get update` then `apt-get install` (through sudo when not root).
fn apt_install(packages: &[&str]) -> Result<(), String> {
    let sudo = !output(Cmd::new("id").arg("-u")).map(|u| u.trim() == "0").unwrap_or(false);
    let apt = |args: &[&str]| {
        let mut c = if sudo { Cmd::new("sudo") } else { Cmd::new("apt-get") };
        if sudo {
            c.arg("apt-get");
        }
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut c)
    };
    apt(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend(packages.iter());
    apt(&args)
}

/// `npm ci` (or `npm install` without a lock file) in a folder, skipped when up to date.
pub fn npm(dir: &str) -> Result<(), String> {
    let dir = root().join(dir);
    let stamp = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
        (Ok(s), Ok(l)) => s.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    let mut c = Cmd::new("npm");
    c.current_dir(&dir).args(if lock.exists() { vec!["ci", "--no-audit", "--no-fund"] } else { vec!["install", "--no-audit", "--no-fund"] });
    run(&mut c)
}
