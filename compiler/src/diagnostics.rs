//! Rendering of compile errors and I/O errors on stderr (codespan-reporting).

use std::io::IsTerminal;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream, WriteColor};
use codespan_reporting::term::{self, Config};

use crate::fe::CompileDiag;

fn stderr_stream() -> StandardStream {
    let choice = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
    StandardStream::stderr(choice)
}

/// The span (byte range) of a diagnostic in `source`, clamped to char boundaries; an
/// empty range is widened to one character where possible.
pub fn span_of(d: &CompileDiag, source: &str) -> std::ops::Range<usize> {
    let mut s = d.range.start.min(source.len());
    while s > 0 && !source.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = d.range.end.max(s).min(source.len());
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

/// Renders a compile error into `w`.
pub fn render_compile_error(w: &mut dyn WriteColor, filename: &str, source: &str, d: &CompileDiag) -> std::io::Result<()> {
    let file = SimpleFile::new(filename, source);
    let mut diag = Diagnostic::error().with_message(format!("{}: {}", d.kind, d.message));
    if d.line > 0 {
        diag = diag.with_labels(vec![Label::primary((), span_of(d, source)).with_message(d.message.clone())]);
    } else {
        diag = diag.with_notes(vec![format!("in {filename}")]);
    }
    term::emit(w, &Config::default(), &file, &diag).map_err(|e| std::io::Error::new(std::io::ErrorKind::Other, e.to_string()))
}

/// Prints a compile error on stderr.
pub fn report_compile_error(filename: &str, source: &str, d: &CompileDiag) {
    let s = stderr_stream();
    let mut w = s.lock();
    if render_compile_error(&mut w, filename, source, d).is_err() {
        eprintln!("{filename}:{}:{}: {}: {}", d.line, d.col, d.kind, d.message);
    }
}

/// The OS error text without Rust's " (os error N)" suffix.
pub fn io_error_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.rfind(" (os error ") {
        Some(i) if s.ends_with(')') => s[..i].to_string(),
        _ => s,
    }
}

/// Prints a plain error line: `error: <msg>` ("error" in bold red on a terminal).
pub fn report_error(msg: &str) {
    use codespan_reporting::term::termcolor::{Color, ColorSpec};
    use std::io::Write;
    let s = stderr_stream();
    let mut w = s.lock();
    let _ = w.set_color(ColorSpec::new().set_fg(Some(Color::Red)).set_bold(true));
    let _ = write!(w, "error");
    let _ = w.reset();
    let _ = writeln!(w, ": {msg}");
}

/// `error: cannot read 'x.py': No such file or directory`
pub fn report_io_error(action: &str, path: &std::path::Path, e: &std::io::Error) {
    report_error(&format!("cannot {action} '{}': {}", path.display(), io_error_text(e)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use codespan_reporting::term::termcolor::NoColor;

    #[test]
    fn renders_span() {
        let src = "x = 1\ny = (\n";
        let d = CompileDiag { kind: "SyntaxError".into(), message: "'(' was never closed".into(), line: 2, col: 5, range: 10..11 };
        let mut buf = NoColor::new(Vec::new());
        render_compile_error(&mut buf, "t.py", src, &d).unwrap();
        let out = String::from_utf8(buf.into_inner()).unwrap();
        assert!(out.contains("error: SyntaxError: '(' was never closed"), "{out}");
        assert!(out.contains("t.py:2:5"), "{out}");
        assert!(out.contains("y = ("), "{out}");
    }

    #[test]
    fn io_text() {
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(io_error_text(&e), "No such file or directory");
    }
}
