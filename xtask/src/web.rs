//! The web app: build `dist/` with trunk, move trunk's inline loader into a file (the CSP allows no
//! inline script but the page's own, by hash), run nginx over `dist/`, and report what a first visit
//! transfers.

use crate::steps::{cargo, output, root, run, Cmd};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `node_modules/.bin` (binaryen's wasm-opt, so trunk never tries to download it) first on PATH.
pub fn path_with_node_bin() -> String {
    let bin = root().join("node_modules/.bin");
    format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default())
}

/// The WebAssembly features of what rustc and wasm-bindgen make, given to wasm-opt where xtask runs it
/// itself: on the paper's wasm, and on `sizes`'s copy of the app's.
pub const WASM_OPT_FEATURES: &[&str] = &["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];

/// What wasm-opt is given beside `-Oz`, for the app's wasm (index.html's `data-wasm-opt-params`, which
/// trunk passes on; `build` checks that they agree) and the paper's. Each is safe for what rustc and
/// wasm-bindgen make: the memory is the module's own, so zero-filled at the start; the stack is first
/// in memory and grows down from 1 MiB towards 0, so the first 1 KiB is never used unless the stack
/// has already overflowed; the two custom sections are of no use to a browser. Together they take
/// 1.1 KB off the app's wasm (brotli), more than the paper's button costs it (issue 27).
pub const WASM_OPT_PARAMS: &[&str] = &["--converge", "--low-memory-unused", "--zero-filled-memory", "--strip-producers", "--strip-target-features"];

pub fn build() -> Result<(), String> {
    crate::setup::npm(".")?;
    let index = std::fs::read_to_string(root().join("index.html")).map_err(|e| e.to_string())?;
    if !index.contains(&format!("data-wasm-opt-params=\"{}\"", WASM_OPT_PARAMS.join(" "))) {
        return Err(format!("index.html: the rust link's data-wasm-opt-params must be \"{}\" (xtask/src/web.rs WASM_OPT_PARAMS)", WASM_OPT_PARAMS.join(" ")));
    }
    run(cargo().args(["fetch"]))?;
    run(Cmd::new("trunk").args(["build", "--release", "--offline", "--skip-version-check"]).env("PATH", path_with_node_bin()))?;
    let paper = paper_module(&root().join("dist"))?;
    let boot = external_loader(&root().join("dist"), &paper)?;
    // Named by its content before it is minified: the name still changes whenever the content does.
    minify_file(&root().join("dist").join(boot), true)?;
    message_files(&root().join("dist"))?;
    run(Cmd::new("node").arg(root().join("xtask/minify.mjs")).arg(root().join("dist")))?;
    widget_module(&root().join("dist"), &paper)?;
    minify_file(&root().join("dist/phc-widget.js"), true)?;
    crate::prerender::write(&root().join("dist"))?;
    service_worker(&root().join("dist"))?;
    minify_file(&root().join("dist/sw.js"), false)?;
    precompress(&root().join("dist"))?;
    Ok(())
}

/// A file written after `minify.mjs`'s step, minified in place by it (terser; a module keeps the
/// names it exports).
fn minify_file(file: &Path, module: bool) -> Result<(), String> {
    let mut cmd = Cmd::new("node");
    cmd.arg(root().join("xtask/minify.mjs")).arg("--file").arg(file);
    if module {
        cmd.arg("--module");
    }
    run(&mut cmd)
}

/// FNV-1a, for a content hash in a file name.
fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// The paper's module (issue 27): the `phc-paper` binary for wasm32 with the paper's part of the texts
/// (`--features paper`), bound by wasm-bindgen for the web and optimised by wasm-opt as trunk does the
/// app's, written to dist/ as `phc-paper-<hash>.js` and `phc-paper-<hash>_bg.wasm` (the module loads
/// the wasm beside it by that name). Not part of a first visit: the result's button asks for it.
/// Returns the module's name.
fn paper_module(dist: &Path) -> Result<String, String> {
    run(cargo().args(["build", "--offline", "--package", "phc-app", "--bin", "phc-paper", "--features", "paper", "--target", "wasm32-unknown-unknown", "--profile", "wasm-release"]))?;
    let out = root().join("target/paper-module");
    let _ = std::fs::remove_dir_all(&out);
    run(Cmd::new("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--out-name", "phc-paper", "--out-dir"])
        .arg(&out)
        .arg(root().join("target/wasm32-unknown-unknown/wasm-release/phc-paper.wasm")))?;
    let opt = out.join("opt.wasm");
    run(Cmd::new("wasm-opt").env("PATH", path_with_node_bin()).arg("-Oz").args(WASM_OPT_FEATURES).args(WASM_OPT_PARAMS).arg(out.join("phc-paper_bg.wasm")).arg("-o").arg(&opt))?;
    let wasm = std::fs::read(&opt).map_err(|e| e.to_string())?;
    let js = std::fs::read_to_string(out.join("phc-paper.js")).map_err(|e| e.to_string())?;
    let name = format!("phc-paper-{}", hash(&[wasm.as_slice(), js.as_bytes()].concat()));
    if !js.contains("'phc-paper_bg.wasm'") {
        return Err("wasm-bindgen's phc-paper.js: its wasm's name not found".into());
    }
    // The module starts its wasm as it is imported (a top-level await), so a loader only imports it,
    // and tells it where it is: the app's other files are beside it.
    let js = format!("{}\nawait __wbg_init();\nset_base(new URL('.', import.meta.url).href);\n", js.replace("'phc-paper_bg.wasm'", &format!("'{name}_bg.wasm'")));
    if !js.contains("__wbg_init as default") {
        return Err("wasm-bindgen's phc-paper.js: no `__wbg_init` to start it with".into());
    }
    std::fs::write(dist.join(format!("{name}_bg.wasm")), wasm).map_err(|e| e.to_string())?;
    std::fs::write(dist.join(format!("{name}.js")), js).map_err(|e| e.to_string())?;
    minify_file(&dist.join(format!("{name}.js")), true)?;
    Ok(format!("{name}.js"))
}

/// What the page's loader and the widget's module do with a press on the result's "Prepare the
/// application" (a button with `data-paper`, `app/src/ui/result.rs`): fetch the paper's module
/// (`url`, relative to the loading module; it starts its wasm itself) and open the form from that
/// button with what the attribute says. Should it not come, the words the app gave for that (the
/// attribute's last line) are said in the browser's own alert, which every screen reader announces.
/// Every byte of this is on the app's first visit: hence a click listener here and no code in the
/// wasm.
pub fn paper_listener(url: &str) -> String {
    format!("(e) => {{ const b = e.target.closest?.('[data-paper]'), d = b?.dataset.paper; d && import('{url}').then((m) => m.open(b, d)).catch(() => alert(d.split('\\n').pop())); }}")
}

/// Replaces trunk's inline `<script type="module">…</script>` by `<script type="module" src=…>`, and
/// adds the listener that opens the paper's module (`paper_listener`).
/// Returns the loader's file name.
fn external_loader(dist: &Path, paper: &str) -> Result<String, String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let open = "<script type=\"module\">";
    let Some(start) = html.find(open) else {
        // Already moved (a build run again over the same dist/): its name.
        let tag = "<script type=\"module\" src=\"/";
        return html.split_once(tag).and_then(|(_, rest)| rest.split_once('"')).map(|(name, _)| name.to_string()).ok_or("dist/index.html: trunk's loader not found".into());
    };
    let end = html[start..].find("</script>").ok_or("dist/index.html: unterminated loader")? + start;
    let body = html[start + open.len()..end].trim();
    // The loader must not leave globals on a host page, and nothing listens for trunk's event.
    let body = body.replace("window.wasmBindings = bindings;", "");
    let body = body.replace("dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));", "");
    let body = mark_failure(&body)?;
    let body = format!("{body}\naddEventListener('click', {});", paper_listener(&format!("/{paper}")));
    let name = format!("boot-{}.js", hash(body.as_bytes()));
    std::fs::write(dist.join(&name), format!("{body}\n")).map_err(|e| e.to_string())?;
    let tag = format!("<script type=\"module\" src=\"/{name}\"></script>");
    let html = format!("{}{}{}", &html[..start], tag, &html[end + "</script>".len()..]);
    std::fs::write(&index, html).map_err(|e| e.to_string())?;
    Ok(name)
}

/// If the wasm cannot be fetched, compiled or started, the loader marks `#phc-app` with
/// `data-phc-failed` (and says so with a `phc-boot-failed` event) before it fails. An attribute, not
/// only an event, for a script that looks later (static/page.js, which shows the message, listens for
/// the event from the start).
fn mark_failure(loader: &str) -> Result<String, String> {
    let call = "await init(";
    let start = loader.find(call).ok_or("dist/index.html: trunk's loader has no `await init(`")?;
    let end = loader[start..].find(");").ok_or("dist/index.html: trunk's loader: unterminated init call")? + start + 1;
    let on_failure = ".catch((e) => { document.getElementById('phc-app')?.setAttribute('data-phc-failed', ''); dispatchEvent(new Event('phc-boot-failed')); throw e; })";
    Ok(format!("{}{on_failure}{}", &loader[..end], &loader[end..]))
}

/// One file per language, beside the wasm: the app loads the page's language before it renders, and
/// another when the citizen switches (issue 18: a first visit transfers one language, not three).
/// Each in two parts (issue 26): the screens' texts, and the result's, loaded once Start is pressed.
/// Written from the engine's built-in tables, so they are the texts `build.rs` checked.
fn message_files(dist: &Path) -> Result<(), String> {
    for f in files(dist)? {
        if f.file_name().is_some_and(|n| n.to_string_lossy().starts_with("messages-")) {
            std::fs::remove_file(&f).map_err(|e| e.to_string())?;
        }
    }
    for lang in phc::Lang::ALL {
        for &part in phc::i18n::PARTS_ALL {
            std::fs::write(dist.join(phc::i18n::part_file_name(*lang, part)), phc::i18n::export(*lang, part)).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// `dist/phc-widget.js`: the custom element's module, with the hashed names of this build.
fn widget_module(dist: &Path, paper: &str) -> Result<(), String> {
    let names: Vec<String> = files(dist)?.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect();
    let find = |pred: &dyn Fn(&str) -> bool, what: &str| names.iter().find(|n| pred(n)).cloned().ok_or(format!("dist/: no {what}"));
    let js = find(&|n| n.starts_with("phc-app-") && n.ends_with(".js"), "bindings module")?;
    let wasm = find(&|n| n.starts_with("phc-app-") && n.ends_with("_bg.wasm"), "wasm")?;
    let css = find(&|n| n.starts_with("app-") && n.ends_with(".css"), "stylesheet")?;
    let template = std::fs::read_to_string(root().join("static/phc-widget.js")).map_err(|e| e.to_string())?;
    let module = template
        .replace("__BINDGEN_JS__", &js)
        .replace("__WASM__", &wasm)
        .replace("__CSS__", &css)
        .replace("__START_VIEWS__", &crate::prerender::widget_views())
        .replace("__PAPER_LISTENER__", &paper_listener(&format!("./{paper}")));
    std::fs::write(dist.join("phc-widget.js"), module).map_err(|e| e.to_string())
}

/// `dist/sw.js` with this build's files (the demo host page and the widget's entry module are not
/// part of the offline app), the language pages, and a version that changes whenever a file does.
fn service_worker(dist: &Path) -> Result<(), String> {
    let mut cached = vec!["/".to_string()];
    let mut all = Vec::new();
    for path in crate::prerender::paths() {
        all.extend(std::fs::read(dist.join(path.trim_matches('/')).join("index.html")).map_err(|e| e.to_string())?);
        cached.push(path);
    }
    for f in files(dist)? {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        // Nor the paper's module and texts (issue 27): over 100 KB that most never ask for, fetched
        // when asked for, online.
        if !of_the_app_page(&name) || name == "sw.js" || of_the_paper(&name) {
            continue;
        }
        all.extend(std::fs::read(&f).map_err(|e| e.to_string())?);
        cached.push(format!("/{name}"));
    }
    let template = std::fs::read_to_string(root().join("static/sw.js")).map_err(|e| e.to_string())?;
    let list = format!("[{}]", cached.iter().map(|f| format!("'{f}'")).collect::<Vec<_>>().join(", "));
    let sw = template.replace("__VERSION__", &hash(&all)).replace("__FILES__", &list);
    std::fs::write(dist.join("sw.js"), sw).map_err(|e| e.to_string())
}

/// Whether the app's own page (and its offline copy) loads this file of dist/: not the demo host
/// page, the widget's module or its stylesheet (the page has the stylesheet inline), nor the server's
/// configuration of the page's hashes.
fn of_the_app_page(name: &str) -> bool {
    let widgets_stylesheet = name.starts_with("app-") && name.ends_with(".css");
    !(name.starts_with("demo.") || name == "phc-widget.js" || widgets_stylesheet || name == "page-csp.conf")
}

/// The paper's module, its texts and its stylesheets (issue 27): fetched only when a citizen asks for
/// a paper on a result (the offline copy keeps them too).
fn of_the_paper(name: &str) -> bool {
    name.starts_with("phc-paper-") || name.starts_with("paper") || (name.starts_with("messages-") && name.ends_with("-paper.txt"))
}

fn compressible(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("html" | "js" | "mjs" | "wasm" | "css" | "svg" | "json" | "webmanifest" | "txt"))
}

/// `name.gz` and `name.br` beside each text file, served by nginx's `gzip_static` (and measured):
/// the files of `dist/` and the language pages in its folders.
fn precompress(dist: &Path) -> Result<(), String> {
    let pages = crate::prerender::paths().into_iter().map(|p| dist.join(p.trim_matches('/')).join("index.html"));
    for f in files(dist)?.into_iter().chain(pages) {
        if compressible(&f) {
            run(Cmd::new("gzip").args(["-9", "-k", "-f", "-n"]).arg(&f))?;
            run(Cmd::new("brotli").args(["-q", "11", "-f", "-k"]).arg(&f))?;
        }
    }
    Ok(())
}

pub fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && !matches!(p.extension().and_then(|e| e.to_str()), Some("gz" | "br")))
        .collect();
    out.sort();
    Ok(out)
}

fn size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

/// Every file of dist/ raw, gzip and brotli; the total of the first visit in brotli. Returns it.
pub fn size_report() -> Result<u64, String> {
    let dist = root().join("dist");
    let mut total = (0, 0, 0);
    let mut first = (0, 0, 0);
    // A first visit loads one language's texts and one page (`/` or a language's own, each with the
    // start page prerendered in its language): the largest of each is counted.
    let mut language = (0, 0, 0);
    let mut page = (0, 0, 0);
    println!("\nsize of dist/ (bytes)          raw       gzip     brotli");
    let pages = crate::prerender::paths().into_iter().map(|p| dist.join(p.trim_matches('/')).join("index.html"));
    for f in files(&dist)?.into_iter().chain(pages) {
        let name = f.strip_prefix(&dist).unwrap_or(&f).to_string_lossy().into_owned();
        let file = f.file_name().unwrap().to_string_lossy().into_owned();
        let raw = size(&f);
        let (gz, br) = if compressible(&f) {
            (size(&f.with_file_name(format!("{file}.gz"))), size(&f.with_file_name(format!("{file}.br"))))
        } else {
            (raw, raw)
        };
        println!("  {name:<28} {raw:>9} {gz:>10} {br:>10}");
        total = (total.0 + raw, total.1 + gz, total.2 + br);
        // What opening the app transfers: not the widget's files, nor the install icons.
        if file.starts_with("messages-") && file.ends_with("-result.txt") {
            // Loaded once the citizen presses Start (issue 26): not part of a first visit.
        } else if of_the_paper(&file) {
            // Loaded when a citizen asks for a paper (issue 27).
        } else if file.starts_with("messages-") {
            if br > language.2 {
                language = (raw, gz, br);
            }
        } else if file == "index.html" {
            if br > page.2 {
                page = (raw, gz, br);
            }
        } else if of_the_app_page(&file) && !file.starts_with("icon-") {
            first = (first.0 + raw, first.1 + gz, first.2 + br);
        }
    }
    let first = (first.0 + language.0 + page.0, first.1 + language.1 + page.1, first.2 + language.2 + page.2);
    println!("  {:<28} {:>9} {:>10} {:>10}", "all files", total.0, total.1, total.2);
    println!("  {:<28} {:>9} {:>10} {:>10}", "first visit of the app", first.0, first.1, first.2);
    println!("  (the first visit counts one page and the screens' part of one language's messages, the largest of each;");
    println!("   the result's part is loaded once Start is pressed, the paper's module and texts when a paper is asked for,");
    println!("   the offline copy by the service worker after the first screen)");
    Ok(first.2)
}

/// A running nginx over dist/ on a loopback port; stopped when dropped, and when xtask ends in any
/// other way (see `nginx`).
pub struct Nginx {
    child: std::process::Child,
    pub port: u16,
}

impl Nginx {
    /// Runs until nginx stops: Ctrl-C, or any signal that ends xtask.
    pub fn wait(&mut self) -> Result<(), String> {
        self.child.wait().map(|_| ()).map_err(|e| e.to_string())
    }
}

impl Drop for Nginx {
    /// SIGTERM to the master, which stops its workers too (SIGKILL would orphan them).
    fn drop(&mut self) {
        let _ = Cmd::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        let _ = self.child.wait();
    }
}

/// nginx stops when xtask ends, however it ends: Ctrl-C, SIGTERM (a process manager, `kill`), SIGHUP
/// (a closed terminal), even SIGKILL, which no handler could catch. The kernel sends nginx SIGTERM
/// when the thread that started it ends (Linux's parent-death signal), and `Drop` is then not needed.
/// nginx gets a process group of its own, so a terminal's signals reach xtask only: nginx would take a
/// SIGHUP for "reload the configuration" and go on serving.
fn stop_with_this_process(cmd: &mut Cmd) {
    use std::os::unix::process::CommandExt;
    cmd.process_group(0);
    #[cfg(target_os = "linux")]
    {
        let parent = std::process::id() as libc::pid_t;
        // SAFETY: between fork and exec the closure makes two system calls and allocates nothing.
        unsafe {
            cmd.pre_exec(move || {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                // xtask may have ended before the call: then no signal would ever come.
                if libc::getppid() != parent {
                    return Err(std::io::Error::other("xtask ended while starting nginx"));
                }
                Ok(())
            });
        }
    }
}

pub fn free_port() -> Result<u16, String> {
    let l = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(l.local_addr().map_err(|e| e.to_string())?.port())
}

pub fn nginx(port: u16) -> Result<Nginx, String> {
    let prefix = root().join("target/nginx").join(port.to_string());
    std::fs::create_dir_all(&prefix).map_err(|e| e.to_string())?;
    let mut conf = std::fs::read_to_string(root().join("deploy/nginx.conf")).map_err(|e| e.to_string())?;
    // Before the first build (xtask's own tests of the server run on a fresh clone) there are no
    // pages, so no hashes of theirs to allow: the two variables are defined empty instead.
    const INCLUDE: &str = "include @ROOT@/page-csp.conf;";
    if !conf.contains(INCLUDE) {
        return Err(format!("deploy/nginx.conf: no `{INCLUDE}`"));
    }
    if !root().join("dist/page-csp.conf").exists() {
        conf = conf.replace(INCLUDE, r#"map $uri $phc_page_script { default ""; } map $uri $phc_page_style { default ""; }"#);
    }
    let conf = conf
        .replace("@PREFIX@", &prefix.display().to_string())
        .replace("@ROOT@", &root().join("dist").display().to_string())
        .replace("@PORT@", &port.to_string());
    let conf_path = prefix.join("nginx.conf");
    std::fs::File::create(&conf_path).and_then(|mut f| f.write_all(conf.as_bytes())).map_err(|e| e.to_string())?;
    output(Cmd::new("/usr/sbin/nginx").arg("-t").arg("-p").arg(&prefix).arg("-c").arg(&conf_path))?;
    // nginx's own output goes to its log files: it never holds the caller's pipes.
    let mut cmd = Cmd::new("/usr/sbin/nginx");
    cmd.arg("-p")
        .arg(&prefix)
        .arg("-c")
        .arg(&conf_path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    stop_with_this_process(&mut cmd);
    let child = cmd.spawn().map_err(|e| format!("nginx: {e}"))?;
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Ok(Nginx { child, port });
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Err(format!("nginx did not start on port {port}; see {}", prefix.join("error.log").display()))
}

#[cfg(test)]
mod tests {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    const PARENT: &str = "PHC_XTASK_NGINX_PARENT_PORT";

    /// Not a test on its own: `nginx_stops_when_xtask_is_ended_by_a_signal` runs it in a process of
    /// its own (this test binary, with `PARENT` set), as `serve` runs: it starts nginx, says its
    /// process id, and waits to be ended by a signal.
    #[test]
    fn serving_process() {
        let Ok(port) = std::env::var(PARENT) else { return };
        let server = super::nginx(port.parse().unwrap()).unwrap();
        println!("nginx-pid {}", server.child.id());
        std::thread::sleep(Duration::from_secs(60));
        panic!("not ended by the signal");
    }

    /// Gone or a zombie (ended, and not yet reaped by whoever adopted it).
    fn ended(pid: u32) -> bool {
        std::fs::read_to_string(format!("/proc/{pid}/stat")).map_or(true, |s| s.rsplit(')').next().is_some_and(|r| r.trim_start().starts_with('Z')))
    }

    /// `serve` ended by SIGTERM, SIGHUP or SIGKILL (not Ctrl-C, which a terminal sends to every
    /// process of the group) leaves no nginx behind.
    #[test]
    fn nginx_stops_when_xtask_is_ended_by_a_signal() {
        if !std::path::Path::new("/usr/sbin/nginx").exists() {
            eprintln!("skipped: no /usr/sbin/nginx (`cargo xtask setup` installs it)");
            return;
        }
        // nginx, orphaned, is adopted by this process rather than by init (which may never reap it,
        // in a container), and reaped below.
        // SAFETY: a system call on this process's own attributes.
        assert_eq!(unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1) }, 0);
        for signal in ["TERM", "HUP", "KILL"] {
            let port = super::free_port().unwrap();
            let mut parent = Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "web::tests::serving_process", "--nocapture", "--test-threads=1"])
                .env(PARENT, port.to_string())
                .stdout(Stdio::piped())
                .spawn()
                .unwrap();
            let lines = BufReader::new(parent.stdout.take().unwrap()).lines();
            let nginx: u32 = lines
                .map_while(Result::ok)
                // The harness may print the test's name on the same line.
                .find_map(|l| l.split("nginx-pid ").nth(1).map(|p| p.trim().parse().unwrap()))
                .expect("the serving process starts nginx");
            assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_ok(), "nginx serves on {port}");
            assert!(Command::new("kill").args([&format!("-{signal}"), &parent.id().to_string()]).status().unwrap().success());
            parent.wait().unwrap();
            let start = Instant::now();
            while !ended(nginx) && start.elapsed() < Duration::from_secs(10) {
                std::thread::sleep(Duration::from_millis(50));
            }
            assert!(ended(nginx), "SIG{signal} to xtask left nginx ({nginx}) running");
            // SAFETY: waits for a process this one adopted; no memory is passed.
            unsafe { libc::waitpid(nginx as libc::pid_t, std::ptr::null_mut(), 0) };
            let start = Instant::now();
            while std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() && start.elapsed() < Duration::from_secs(10) {
                std::thread::sleep(Duration::from_millis(50));
            }
            assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err(), "after SIG{signal} to xtask, port {port} still answers");
        }
    }
}
