//! `phc-check` as a user runs it: files, standard input, `--ndjson`, `--lang`, and every kind of bad
//! input, which must give exit code 2, a message naming the field, and nothing on standard output.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const VALID: &str = r#"{"service":"attachment","at":"2026-03-10T15:30:00+05:00","person":{"residency":"citizen","consents_to_data_access":true},"reason":"relocation","relocation":{"moved_on":"2026-02-01","leaves_unit":false},"target_unit":"same"}"#;

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    spawn(&args, stdin, Stdio::piped())
}

/// The program with these arguments, its input written to it and its standard output sent to
/// `stdout`; its whole output.
fn spawn(args: &[&std::ffi::OsStr], stdin: &[u8], stdout: Stdio) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_phc-check"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    // Write from another thread: the program may stop reading early (bounded input).
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit 2, nothing on stdout, a message naming `field` (and `hint`) on stderr.
fn assert_invalid(input: &[u8], field: &str, hint: &str) {
    let o = run(&[], input);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "exit code for {:?}: {err}", String::from_utf8_lossy(&input[..input.len().min(80)]));
    assert!(o.stdout.is_empty(), "stdout must be empty, got {}", String::from_utf8_lossy(&o.stdout));
    assert!(err.contains(&format!("{field}:")), "stderr should name {field}: {err}");
    assert!(err.contains(hint), "stderr should say {hint:?}: {err}");
    assert!(err.lines().count() <= 2 && err.len() < 600, "a short message, not a dump: {err}");
}

#[test]
fn decides_from_stdin_and_from_a_file() {
    let o = run(&[], VALID.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(d["verdict"], "eligible");
    assert!(d.get("text").is_none(), "no text without --lang");

    let path = std::env::temp_dir().join(format!("phc-cli-{}.json", std::process::id()));
    std::fs::write(&path, VALID).unwrap();
    let o = run(&["--lang", "ru", path.to_str().unwrap()], b"");
    std::fs::remove_file(&path).unwrap();
    assert_eq!(o.status.code(), Some(0));
    let d: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(d["text"]["lang"], "ru");
    assert_eq!(d["text"]["verdict"], "Вы можете прикрепиться к выбранной поликлинике.");
    for r in d["reasons"].as_array().unwrap() {
        assert!(r["text"].is_string(), "every reason has its text: {r}");
    }
    for doc in d["documents"].as_array().unwrap() {
        assert!(doc["text"].is_string());
    }
}

#[test]
fn ndjson_keeps_order_and_reports_bad_lines_in_place() {
    let bad_date = VALID.replace("2026-02-01", "2026-02-31");
    let input = format!("{VALID}\n{{not json\n\n{bad_date}\n{}\n", VALID.replace("attachment", "home_visit"));
    let o = run(&["--ndjson", "--lang", "kk"], input.as_bytes());
    assert_eq!(o.status.code(), Some(2), "some lines were invalid");
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4, "blank lines are skipped, every other line answered");
    assert_eq!(lines[0]["verdict"], "eligible");
    assert_eq!(lines[1]["error"]["field"], "request");
    assert_eq!(lines[1]["error"]["line"], 2);
    assert_eq!(lines[1]["error"]["kind"], "syntax");
    assert_eq!(lines[2]["error"]["field"], "relocation.moved_on");
    assert_eq!(lines[2]["error"]["kind"], "bad_date");
    assert!(lines[2]["error"]["message"].as_str().unwrap().contains("February 2026 has 28 days"));
    assert_eq!(lines[3]["service"], "home_visit");
    let err = stderr(&o);
    assert!(err.contains("line 2") && err.contains("line 4"), "{err}");

    let o = run(&["--ndjson"], format!("{VALID}\n{VALID}").as_bytes());
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8(o.stdout).unwrap().lines().count(), 2, "a last line without a newline counts");
}

#[test]
fn every_kind_of_bad_input_is_named() {
    assert_invalid(b"{\"service\": \"attachment\",", "request", "expected one JSON object");
    assert_invalid(b"[1,2,3]", "request", "expected a JSON object");
    assert_invalid(b"", "request", "empty input");
    assert_invalid(b"\xff\xfe{}", "request", "not UTF-8");
    assert_invalid(b"{\"at\":\"2026-03-10T10:00:00Z\"}", "service", "missing");
    assert_invalid(b"{\"service\":\"attachment\"}", "at", "missing");
    assert_invalid(br#"{"service":"teleport","at":"2026-03-10T10:00:00Z"}"#, "service", "expected one of attachment, home_visit, complaint");
    assert_invalid(br#"{"service":"attachment","at":"2026-03-10T10:00:00Z","reason":"boredom"}"#, "reason", "expected one of relocation");
    assert_invalid(br#"{"service":"attachment","at":"2026-03-10T10:00:00Z","person":{"residency":"martian"}}"#, "person.residency", "unknown value");
    assert_invalid(br#"{"service":"attachment","at":"2026-03-10T10:00:00Z","person":{"categories":["pensioner","king"]}}"#, "person.categories[1]", "unknown value");
    assert_invalid(br#"{"service":"attachment","at":"2026-03-10T10:00:00Z","persn":{}}"#, "persn", "unknown field");
    // Found by fuzzing: a field with an empty name.
    assert_invalid(br#"{"":true,"at_tareannel":"portal","person":{"eds":false}}"#, "\"\"", "unknown field");
    assert_invalid(br#"{"service":"attachment","at":"2026-03-10T10:00:00Z","person":{"":1}}"#, "person.\"\"", "unknown field");
    assert_invalid(br#"{"service":"attachment","at":"2026-02-31T10:00:00Z"}"#, "at", "February 2026 has 28 days");
    assert_invalid(br#"{"service":"attachment","at":"0000-01-01T10:00:00Z"}"#, "at", "year 0");
    assert_invalid(br#"{"service":"attachment","at":"2014-06-01T10:00:00Z"}"#, "at", "before 2015-04-28");
    assert_invalid(br#"{"service":"attachment","at":"2015-04-27T23:59:00+06:00"}"#, "at", "before 2015-04-28");
    assert_invalid(br#"{"service":"attachment","at":"2040-06-01T10:00:00Z"}"#, "at", "last year");
    assert_invalid(br#"{"service":"attachment","at":"2026-03-10"}"#, "at", "a date without a time");
    assert_invalid(br#"{"service":"attachment","at":20260310}"#, "at", "expected a string");
    assert_invalid(br#"{"service":"attachment","at":"2026-03-10T10:00:00Z","person":{"eds":"yes"}}"#, "person.eds", "expected true or false");
    assert_invalid(br#"{"service":"attachment","at":"2026-03-10T10:00:00Z","current_attachment":{"free_changes_this_year":-1}}"#, "current_attachment.free_changes_this_year", "whole number");
    assert_invalid(br#"{"service":"attachment","at":"2026-03-10T10:00:00Z","current_attachment":{"free_changes_this_year":"1"}}"#, "current_attachment.free_changes_this_year", "whole number");
    assert_invalid(br#"{"service":"attachment","at":"2026-03-10T10:00:00Z","person":{"birth_date":"2027-01-01"}}"#, "person.birth_date", "after the date of the check");
    assert_invalid(br#"{"service":"complaint","at":"2026-03-10T10:00:00Z","refusal_received_on":"2026-03-11"}"#, "refusal_received_on", "after the date of the complaint");
    assert_invalid(br#"{"service":"attachment","at":"2026-03-10T10:00:00Z","person":"citizen"}"#, "person", "expected a JSON object");
    assert_invalid(br#"{"service":"attachment","at":"2026-03-10T10:00:00Z","version":2}"#, "version", "expected 1");
}

/// A batch with a bad line: exit code 2, and the output lines (decisions and errors).
fn ndjson_failing(input: &[u8]) -> Vec<String> {
    let o = run(&["--ndjson"], input);
    assert_eq!(o.status.code(), Some(2));
    String::from_utf8(o.stdout).unwrap().lines().map(str::to_string).collect()
}

#[test]
fn hostile_sizes_and_shapes_are_refused_in_bounded_memory() {
    // Deeply nested JSON, under the 64 KiB limit so that the parser itself meets the nesting: an
    // array 30,000 deep, and an object 10,000 deep inside a field of the request.
    let deep = format!("{}{}", "[".repeat(30_000), "]".repeat(30_000));
    assert!(deep.len() < 64 * 1024);
    assert_invalid(deep.as_bytes(), "request", "recursion limit");
    let deep_object = format!(
        r#"{{"service":"attachment","at":"2026-03-10T10:00:00Z","person":{}1{}}}"#,
        r#"{"a":"#.repeat(10_000),
        "}".repeat(10_000)
    );
    assert!(deep_object.len() < 64 * 1024);
    assert_invalid(deep_object.as_bytes(), "request", "recursion limit");
    // Longer than the limit: refused for its size before any parsing.
    let deeper = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_invalid(deeper.as_bytes(), "request", "larger than");
    // 100 MB on stdin: refused after reading at most a bounded prefix.
    let huge = vec![b' '; 100 * 1024 * 1024];
    assert_invalid(&huge, "request", "larger than");
    // A 10 MB line in --ndjson: that line is refused, the next one answered.
    let mut input = vec![b'x'; 10 * 1024 * 1024];
    input.push(b'\n');
    input.extend_from_slice(VALID.as_bytes());
    let lines = ndjson_failing(&input);
    assert_eq!(lines.len(), 2);
    assert!(lines[0].contains("longer than"), "{}", lines[0]);
    assert!(lines[1].contains("\"verdict\":\"eligible\""));
    // Invalid UTF-8 on one line of a batch: that line gets its error, the others their decisions.
    let mut input = VALID.as_bytes().to_vec();
    input.extend_from_slice(b"\n\xff\xfe{\"x\":1}\n");
    input.extend_from_slice(VALID.as_bytes());
    let lines = ndjson_failing(&input);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].contains("\"verdict\":\"eligible\""));
    assert!(lines[1].contains("\"line\":2") && lines[1].contains("not UTF-8"), "{}", lines[1]);
    assert!(lines[2].contains("\"verdict\":\"eligible\""));
}

#[test]
fn options_and_files() {
    let o = run(&["--help"], b"");
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("usage: phc-check"));
    let o = run(&["--version"], b"");
    assert!(String::from_utf8_lossy(&o.stdout).contains("order-194-2020-amended-2025"));
    let o = run(&["--lang", "de"], VALID.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("expected one of kk, ru, en"));
    let o = run(&["--frobnicate"], VALID.as_bytes());
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["/nonexistent/request.json"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read /nonexistent/request.json"));
    assert!(o.stdout.is_empty());
}

/// Issue 25: a year typed wrong is refused at the field it was typed in, never at `at` (the engine's
/// working-day arithmetic ran past the calendar from the date of the move).
#[test]
fn a_date_far_ahead_is_refused_at_its_own_field() {
    let slip = VALID.replace(r#""moved_on":"2026-02-01""#, r#""moved_on":"2062-03-10""#);
    assert_invalid(slip.as_bytes(), "relocation.moved_on", "2062-03-10");
    let o = run(&["--ndjson"], slip.as_bytes());
    let line: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(line["error"]["field"], "relocation.moved_on", "{line}");
    assert_eq!(line["error"]["kind"], "beyond_calendar", "{line}");
    // A move long ago, or within the calendar ahead, is still answered.
    for moved in ["1990-05-01", "2035-12-31"] {
        let o = run(&[], VALID.replace("2026-02-01", moved).as_bytes());
        assert_eq!(o.status.code(), Some(0), "{moved}: {}", stderr(&o));
    }
}

/// Runs the program with its standard output sent to `stdout` and the input written to it; the
/// status and standard error.
fn run_to(args: &[&std::ffi::OsStr], stdin: &[u8], stdout: Stdio) -> (Option<i32>, String) {
    let out = spawn(args, stdin, stdout);
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn os(args: &[&str]) -> Vec<std::ffi::OsString> {
    args.iter().map(Into::into).collect()
}

/// Issue 25: `phc-check … | head` and `> /dev/full` end without a panic (exit 101): a full disk is a
/// write error with a message (exit 1), a reader that went away ends the program quietly.
#[test]
fn a_closed_pipe_or_a_full_disk_ends_cleanly() {
    let many = format!("{VALID}\n").repeat(5_000);
    for (args, input) in [(os(&[]), VALID.to_string()), (os(&["--pretty", "--lang", "kk"]), VALID.to_string()), (os(&["--ndjson"]), many.clone()), (os(&["--help"]), String::new()), (os(&["--version"]), String::new())] {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        // A full disk.
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let (code, err) = run_to(&args, input.as_bytes(), Stdio::from(full));
        assert_eq!(code, Some(1), "{args:?} > /dev/full: {err}");
        assert!(!err.contains("panicked"), "{args:?} > /dev/full: {err}");
        assert!(err.contains("phc-check: cannot write the output") && err.contains("No space left"), "{args:?} > /dev/full: {err}");
        // A reader that has gone (`| head -c0`): the pipe's read end closed before anything is written.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let (code, err) = run_to(&args, input.as_bytes(), Stdio::from(writer));
        assert_ne!(code, Some(101), "{args:?} | closed: {err}");
        assert!(err.is_empty(), "{args:?} | closed: quietly, got {err}");
    }
    // `| head -1`: the reader takes one line of a long batch and goes.
    let mut child = Command::new(env!("CARGO_BIN_EXE_phc-check"))
        .arg("--ndjson")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(many.repeat(4).as_bytes());
    });
    let mut first = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut first).unwrap();
    assert!(first.contains("\"verdict\""));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_ne!(out.status.code(), Some(101), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "quietly: {}", String::from_utf8_lossy(&out.stderr));
}

/// Issue 25: a file name or a `--lang` that is not UTF-8 is no panic: the file is read, the language
/// refused with the usual message.
#[test]
fn arguments_that_are_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("phc-cli-os-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(std::ffi::OsStr::from_bytes(b"r\xe9quest.json"));
    std::fs::write(&path, VALID).unwrap();
    let (code, err) = run_to(&[path.as_os_str()], b"", Stdio::null());
    assert_eq!(code, Some(0), "{err}");
    let missing = dir.join(std::ffi::OsStr::from_bytes(b"missing\xff.json"));
    let (code, err) = run_to(&[missing.as_os_str()], b"", Stdio::null());
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("cannot read") && err.contains("missing\u{fffd}.json"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
    for lang in [&[std::ffi::OsStr::new("--lang"), std::ffi::OsStr::from_bytes(b"k\xffk")][..], &[std::ffi::OsStr::from_bytes(b"--lang=\xff")]] {
        let (code, err) = run_to(lang, VALID.as_bytes(), Stdio::null());
        assert_eq!(code, Some(2), "{lang:?}: {err}");
        assert!(err.contains("--lang: unknown language") && err.contains("expected one of kk, ru, en"), "{lang:?}: {err}");
    }
    let (code, err) = run_to(&[std::ffi::OsStr::from_bytes(b"--fr\xffb")], VALID.as_bytes(), Stdio::null());
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("unknown option --fr\u{fffd}b"), "{err}");
}

/// Issue 25: a bad value's control characters are not sent to the terminal as they are (an escape
/// sequence could rewrite the screen), and a UTF-8 byte order mark is named.
#[test]
fn control_characters_and_a_byte_order_mark_are_named() {
    let o = run(&[], br#"{"service":"\u001b[2J\u001b]0;owned\u0007","at":"2026-03-10T10:00:00Z"}"#);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(!err.chars().any(|c| c.is_control() && c != '\n'), "raw control characters: {err:?}");
    assert!(err.contains(r"\u{1b}[2J"), "{err}");
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(VALID.as_bytes());
    assert_invalid(&bom, "request", "byte order mark");
}
