//! Every message pyc prints about a build goes through `emit`: source excerpts rendered by
//! codespan-reporting (colour only when stderr is a terminal), or with
//! `--error-format json` one JSON object per line (severity, code, message, file, line,
//! column, end_line, end_column, label, notes; lines and columns 1-based, columns in
//! characters).

use std::io::{IsTerminal, Write};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};
use codespan_reporting::term::{self, Config};

use crate::fe::CompileDiag;

static JSON: AtomicBool = AtomicBool::new(false);

/// Selects the output format of every later diagnostic (`--error-format`).
pub fn set_json(json: bool) {
    JSON.store(json, Ordering::Relaxed);
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One diagnostic. `code` names its kind for tools: the Python exception of a compile
/// error (`SyntaxError`, `IndentationError`, ...), `unresolved-import`,
/// `unsupported-module`, `undefined-name`, `io-error` or `build-error`.
#[derive(Clone, Debug)]
pub struct Diag<'a> {
    pub severity: Severity,
    pub code: &'a str,
    pub message: String,
    /// The file, its text and the byte range the diagnostic points at.
    pub at: Option<(&'a str, &'a str, Range<usize>)>,
    /// The (line, column) to report instead of the range's start (CPython's own position
    /// of a syntax error).
    pub line_col: Option<(u32, u32)>,
    pub label: Option<String>,
    pub notes: Vec<String>,
}

impl<'a> Diag<'a> {
    pub fn new(severity: Severity, code: &'a str, message: impl Into<String>) -> Self {
        Diag { severity, code, message: message.into(), at: None, line_col: None, label: None, notes: Vec::new() }
    }
}

fn stderr_stream() -> StandardStream {
    let choice = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
    StandardStream::stderr(choice)
}

/// Clamps `r` to char boundaries of `source`; an empty range is widened to one character
/// where possible.
fn clamp_span(r: &Range<usize>, source: &str) -> Range<usize> {
    let mut s = r.start.min(source.len());
    while s > 0 && !source.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = r.end.max(s).min(source.len());
    while e < source.len() && !source.is_char_boundary(e) {
        e += 1;
    }
    if e == s && s < source.len() {
        let c = source[s..].chars().next().unwrap_or(' ');
        if c != '\n' {
            e = s + c.len_utf8();
        }
    }
    s..e
}

/// 1-based (line, column in characters) of byte offset `off`.
fn line_col(source: &str, off: usize) -> (usize, usize) {
    let before = &source[..off];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// Renders `d` in the human format into `w`.
pub fn render(w: &mut dyn WriteColor, d: &Diag) -> std::io::Result<()> {
    let diag = match d.severity {
        Severity::Error => Diagnostic::error(),
        Severity::Warning => Diagnostic::warning(),
    };
    let mut diag = diag.with_message(&d.message).with_notes(d.notes.clone());
    let (name, source) = match &d.at {
        Some((file, source, range)) => {
            let label = Label::primary((), clamp_span(range, source));
            diag = diag.with_labels(vec![match &d.label {
                Some(l) => label.with_message(l),
                None => label,
            }]);
            (*file, *source)
        }
        None => ("", ""),
    };
    let file = SimpleFile::new(name, source);
    term::emit(w, &Config::default(), &file, &diag).map_err(|e| std::io::Error::new(std::io::ErrorKind::Other, e.to_string()))
}

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `d` as one line of JSON.
pub fn to_json(d: &Diag) -> String {
    let opt = |s: Option<&str>| s.map_or("null".to_string(), json_str);
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = format!("{{\"severity\":\"{severity}\",\"code\":{},\"message\":{}", json_str(d.code), json_str(&d.message));
    match &d.at {
        Some((file, source, range)) => {
            let span = clamp_span(range, source);
            let (mut line, mut col) = line_col(source, span.start);
            if let Some((l, c)) = d.line_col.filter(|&(l, _)| l > 0) {
                (line, col) = (l as usize, c.max(1) as usize);
            }
            let (end_line, end_col) = line_col(source, span.end);
            out.push_str(&format!(
                ",\"file\":{},\"line\":{line},\"column\":{col},\"end_line\":{end_line},\"end_column\":{end_col}",
                json_str(file)
            ));
        }
        None => out.push_str(",\"file\":null,\"line\":null,\"column\":null,\"end_line\":null,\"end_column\":null"),
    }
    out.push_str(&format!(",\"label\":{},\"notes\":[", opt(d.label.as_deref())));
    out.push_str(&d.notes.iter().map(|n| json_str(n)).collect::<Vec<_>>().join(","));
    out.push_str("]}");
    out
}

/// Prints a diagnostic on stderr in the selected format.
pub fn emit(d: &Diag) {
    if JSON.load(Ordering::Relaxed) {
        let mut e = std::io::stderr().lock();
        let _ = writeln!(e, "{}", to_json(d));
        return;
    }
    let s = stderr_stream();
    let mut w = s.lock();
    if render(&mut w, d).is_err() {
        eprintln!("{}: {}", if d.severity == Severity::Error { "error" } else { "warning" }, d.message);
    }
}

/// Prints a compile error (syntax error and friends) of `filename`.
pub fn report_compile_error(filename: &str, source: &str, d: &CompileDiag) {
    let mut diag = Diag::new(Severity::Error, &d.kind, format!("{}: {}", d.kind, d.message));
    if d.line > 0 {
        diag.at = Some((filename, source, d.range.clone()));
        diag.line_col = Some((d.line, d.col));
        diag.label = Some(d.message.clone());
    } else {
        diag.notes.push(format!("in {filename}"));
    }
    emit(&diag);
}

/// The OS error text without Rust's " (os error N)" suffix.
pub fn io_error_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.rfind(" (os error ") {
        Some(i) if s.ends_with(')') => s[..i].to_string(),
        _ => s,
    }
}

/// Prints an error without a source location (`error: <msg>`).
pub fn report_error(msg: &str) {
    emit(&Diag::new(Severity::Error, "build-error", msg));
}

/// `error: cannot read 'x.py': No such file or directory`
pub fn report_io_error(action: &str, path: &std::path::Path, e: &std::io::Error) {
    emit(&Diag::new(Severity::Error, "io-error", format!("cannot {action} '{}': {}", path.display(), io_error_text(e))));
}

#[cfg(test)]
mod tests {
    use super::*;
    use codespan_reporting::term::termcolor::NoColor;

    fn human(d: &Diag) -> String {
        let mut buf = NoColor::new(Vec::new());
        render(&mut buf, d).unwrap();
        String::from_utf8(buf.into_inner()).unwrap()
    }

    #[test]
    fn renders_span() {
        let src = "x = 1\ny = (\n";
        let mut d = Diag::new(Severity::Error, "SyntaxError", "SyntaxError: '(' was never closed");
        d.at = Some(("t.py", src, 10..11));
        let out = human(&d);
        assert!(out.contains("error: SyntaxError: '(' was never closed"), "{out}");
        assert!(out.contains("t.py:2:5"), "{out}");
        assert!(out.contains("y = ("), "{out}");
    }

    #[test]
    fn json_positions_and_escapes() {
        let src = "é = 1\nimport jsn\n";
        let mut d = Diag::new(Severity::Error, "unresolved-import", "No module named 'jsn'");
        d.at = Some(("a \"b\".py", src, 14..17));
        d.notes.push("did you mean 'json'?".into());
        let j = to_json(&d);
        assert_eq!(
            j,
            "{\"severity\":\"error\",\"code\":\"unresolved-import\",\"message\":\"No module named 'jsn'\",\"file\":\"a \\\"b\\\".py\",\"line\":2,\"column\":8,\"end_line\":2,\"end_column\":11,\"label\":null,\"notes\":[\"did you mean 'json'?\"]}"
        );
        assert!(to_json(&Diag::new(Severity::Warning, "io-error", "x\ny")).contains("\"message\":\"x\\ny\",\"file\":null"));
    }

    #[test]
    fn io_text() {
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(io_error_text(&e), "No such file or directory");
    }
}
