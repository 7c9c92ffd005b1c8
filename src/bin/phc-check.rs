//! `phc-check`: the engine on the command line, for integrators, auditors and tests.
//!
//! Contract (../shared/contract.md): `phc-check [FILE]` reads one request (FILE or standard input)
//! and prints one decision; `--ndjson` reads one request per line and prints one decision per line,
//! in order; `--lang kk|ru|en` adds human text. Invalid input: exit code 2, a message naming the
//! field on standard error and nothing on standard output (with `--ndjson`, an `{"error": …}` line for
//! that request while the others go on). Input is read in bounded memory: a request larger than
//! `MAX_REQUEST` bytes is refused without being held whole. Output that cannot be written ends the
//! program with exit code 1: with a message (a full disk), or quietly when the reader has gone
//! (`phc-check … | head`); arguments need not be UTF-8 (a file name is a file name), and what the
//! program says on standard error never carries a control character of the input to the terminal.

use phc::codes::{ErrorKind, Field};
use phc::{check_json, InputError, Lang, Rules};
use phc::json::Value;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

/// No honest request comes near this; anything larger is refused before it is parsed.
const MAX_REQUEST: usize = 64 * 1024;

const USAGE: &str = "usage: phc-check [--ndjson] [--lang kk|ru|en] [--pretty] [FILE]
  Reads a check request (contract version 1) from FILE or standard input and prints the decision.
  --ndjson      one request per line in, one decision per line out
  --lang L      add the human text in Kazakh (kk), Russian (ru) or English (en)
  --pretty      indent the decision (not with --ndjson)
  --help        this text;  --version  the program and rules versions
Exit codes: 0 decided, 2 invalid input (the message names the field), 1 cannot read the input
or write the output.";

struct Options {
    ndjson: bool,
    pretty: bool,
    lang: Option<Lang>,
    /// As given: a file name need not be UTF-8.
    file: Option<std::path::PathBuf>,
}

/// What the command line asks for: a check, or a text to print (`--help`, `--version`).
enum Args {
    Check(Options),
    Print(String),
}

fn parse_args() -> Result<Args, String> {
    let mut o = Options { ndjson: false, pretty: false, lang: None, file: None };
    let lang = |v: &str| Lang::parse(v).ok_or_else(|| format!("--lang: unknown language \"{v}\"; expected one of {}", Lang::expected()));
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        // Options are words; anything not UTF-8 is shown with U+FFFD, and a file name is kept as given.
        match &*a.to_string_lossy() {
            "--help" | "-h" => return Ok(Args::Print(USAGE.to_string())),
            "--version" | "-V" => return Ok(Args::Print(format!("phc-check {} (rules: {})", env!("CARGO_PKG_VERSION"), rules_versions()))),
            "--ndjson" => o.ndjson = true,
            "--pretty" => o.pretty = true,
            "--lang" => {
                let v = args.next().ok_or("--lang needs a value: kk, ru or en")?;
                o.lang = Some(lang(&v.to_string_lossy())?);
            }
            s if s.starts_with("--lang=") => o.lang = Some(lang(&s[7..])?),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            _ if o.file.is_some() => return Err("only one FILE may be given".into()),
            _ => o.file = Some(a.into()),
        }
    }
    if o.ndjson && o.pretty {
        return Err("--pretty cannot be used with --ndjson (one decision per line)".into());
    }
    Ok(Args::Check(o))
}

/// Says `message` on standard error, each control character but the line ends written as an escape
/// (`\u{1b}`): a request's bad value is echoed in its error, and must not drive the terminal. A
/// standard error that cannot be written is no reason to panic.
fn say(message: &str) {
    let mut text = String::with_capacity(message.len() + 1);
    for c in message.chars() {
        if c.is_control() && c != '\n' {
            text.extend(c.escape_unicode());
        } else {
            text.push(c);
        }
    }
    text.push('\n');
    let _ = io::stderr().write_all(text.as_bytes());
}

/// How a failed write to standard output ends the program: quietly when the reader has gone (`| head`,
/// as other command-line tools do), else (a full disk) with the error; exit code 1 either way.
fn write_failed(e: &io::Error) -> ExitCode {
    if e.kind() != io::ErrorKind::BrokenPipe {
        say(&format!("phc-check: cannot write the output: {e}"));
    }
    ExitCode::from(1)
}

/// Writes `text` and a newline to standard output, flushed (a write error shows here, not at exit).
fn print(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => write_failed(&e),
    }
}

fn rules_versions() -> String {
    match Rules::embedded() {
        Ok(r) => r.editions.iter().map(|e| &*e.id).collect::<Vec<_>>().join(", "),
        Err(e) => format!("broken: {e}"),
    }
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(Args::Check(o)) => o,
        Ok(Args::Print(text)) => return print(&text),
        Err(e) => {
            say(&format!("phc-check: {e}\n{USAGE}"));
            return ExitCode::from(2);
        }
    };
    let rules = match Rules::embedded() {
        Ok(r) => r,
        Err(e) => {
            say(&format!("phc-check: the built-in rule data is broken: {e}"));
            return ExitCode::from(1);
        }
    };
    let input: Box<dyn Read> = match opts.file.as_deref() {
        None => Box::new(io::stdin().lock()),
        Some(path) if path.as_os_str() == "-" => Box::new(io::stdin().lock()),
        Some(path) => match std::fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                say(&format!("phc-check: cannot read {}: {e}", path.display()));
                return ExitCode::from(1);
            }
        },
    };
    let mut input = io::BufReader::with_capacity(64 * 1024, input);
    if opts.ndjson {
        ndjson(&mut input, &rules, &opts)
    } else {
        single(&mut input, &rules, &opts)
    }
}

fn single(input: &mut impl Read, rules: &Rules, opts: &Options) -> ExitCode {
    let mut buf = Vec::new();
    if let Err(e) = input.take(MAX_REQUEST as u64 + 1).read_to_end(&mut buf) {
        say(&format!("phc-check: cannot read the input: {e}"));
        return ExitCode::from(1);
    }
    let result = if buf.len() > MAX_REQUEST {
        Err(InputError::new(Field::Request, ErrorKind::Syntax, format!("larger than {} KiB; expected one request of contract version 1", MAX_REQUEST / 1024)))
    } else {
        decide_bytes(&buf, rules, opts.lang)
    };
    match result {
        Ok(json) => {
            let json = if opts.pretty { pretty(&json) } else { json };
            print(&json)
        }
        Err(e) => {
            say(&format!("phc-check: invalid request: {e}"));
            ExitCode::from(2)
        }
    }
}

fn decide_bytes(bytes: &[u8], rules: &Rules, lang: Option<Lang>) -> Result<String, InputError> {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        // An editor's "UTF-8 with BOM": named, where the parser would only say it expected a value.
        return Err(InputError::new(Field::Request, ErrorKind::Syntax, "starts with a UTF-8 byte order mark (BOM, bytes EF BB BF); expected JSON in UTF-8 without it"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        InputError::new(Field::Request, ErrorKind::Syntax, format!("not UTF-8 text (invalid byte at offset {}); expected JSON in UTF-8", e.valid_up_to()))
    })?;
    if text.trim().is_empty() {
        return Err(InputError::new(Field::Request, ErrorKind::Syntax, "empty input; expected one JSON object as in contract version 1"));
    }
    check_json(text, rules, lang, None)
}

fn pretty(json: &str) -> String {
    phc::json::to_string_pretty(&phc::json::parse(json).expect("our own output parses"))
}

/// One line at a time; a line longer than `MAX_REQUEST` is skipped to its end without being kept.
fn ndjson(input: &mut impl BufRead, rules: &Rules, opts: &Options) -> ExitCode {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut line = Vec::with_capacity(1024);
    let mut number = 0usize;
    let mut failed = false;
    loop {
        line.clear();
        let len = match read_line_bounded(input, &mut line, MAX_REQUEST) {
            Ok(Some(len)) => len,
            Ok(None) => break,
            Err(e) => {
                say(&format!("phc-check: cannot read the input: {e}"));
                return match out.flush() {
                    Ok(()) => ExitCode::from(1),
                    Err(e) => write_failed(&e),
                };
            }
        };
        number += 1;
        let result = if len > MAX_REQUEST {
            Err(InputError::new(Field::Request, ErrorKind::Syntax, format!("line longer than {} KiB; expected one request per line", MAX_REQUEST / 1024)))
        } else if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        } else {
            decide_bytes(&line, rules, opts.lang)
        };
        let written = match result {
            Ok(json) => writeln!(out, "{json}"),
            Err(e) => {
                failed = true;
                say(&format!("phc-check: line {number}: invalid request: {e}"));
                let error = Value::object([("line", Value::from(number)), ("field", e.path().into()), ("kind", e.kind.as_str().into()), ("message", e.message.into())]);
                let err = Value::object([("error", error)]);
                writeln!(out, "{err}")
            }
        };
        if let Err(e) = written {
            return write_failed(&e);
        }
    }
    if let Err(e) = out.flush() {
        return write_failed(&e);
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads up to the next newline (or the end of input). Keeps at most `max + 1` bytes and returns the
/// line's full length, which may exceed what was kept; `None` at the end of input.
fn read_line_bounded(input: &mut impl BufRead, line: &mut Vec<u8>, max: usize) -> io::Result<Option<usize>> {
    let mut total = 0usize;
    let mut read_any = false;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(read_any.then_some(total));
        }
        read_any = true;
        let (chunk, found) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], true),
            None => (buf, false),
        };
        let room = (max + 1).saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        total += chunk.len();
        let used = chunk.len() + usize::from(found);
        input.consume(used);
        if found {
            return Ok(Some(total));
        }
    }
}
