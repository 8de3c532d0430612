//! Lints over the compiled program (warnings only; `pyc check` and `pyc build` run them on
//! the user's own modules): a global name that is read but that nothing in its module
//! ever binds and that is not a builtin. Conservative by design, since a false warning is
//! worse than none: a module using `from x import *`, `globals()`, `vars()`, `exec`,
//! `setattr`, `__dict__`, `sys.modules` or `builtins` is skipped, and so is a read covered
//! by an exception handler (code that expects a `NameError`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diagnostics::{emit, Diag, Severity};
use crate::fe::{CodeObject, Instr, ModuleCode, Program};

/// The names of CPython 3.11's `builtins` module, and the globals every module has.
const PREDEFINED: &[&str] = &[
    "__name__", "__doc__", "__package__", "__loader__", "__spec__", "__file__", "__cached__", "__builtins__",
    "__annotations__", "__build_class__", "__import__", "__debug__", "abs", "aiter", "all", "anext", "any",
    "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile",
    "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit",
    "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id",
    "input", "int", "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map", "max",
    "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range",
    "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super",
    "tuple", "type", "vars", "zip", "None", "Ellipsis", "NotImplemented", "False", "True",
    "BaseException", "BaseExceptionGroup", "Exception", "ExceptionGroup", "GeneratorExit", "KeyboardInterrupt",
    "SystemExit", "ArithmeticError", "AssertionError", "AttributeError", "BufferError", "EOFError", "ImportError",
    "LookupError", "MemoryError", "NameError", "OSError", "ReferenceError", "RuntimeError", "StopAsyncIteration",
    "StopIteration", "SyntaxError", "SystemError", "TypeError", "ValueError", "Warning", "FloatingPointError",
    "OverflowError", "ZeroDivisionError", "BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning",
    "ImportWarning", "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning",
    "UnicodeWarning", "UserWarning", "BlockingIOError", "ChildProcessError", "ConnectionError", "FileExistsError",
    "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError",
    "ProcessLookupError", "TimeoutError", "IndentationError", "IndexError", "KeyError", "ModuleNotFoundError",
    "NotImplementedError", "RecursionError", "UnboundLocalError", "UnicodeError", "BrokenPipeError",
    "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError", "TabError", "UnicodeDecodeError",
    "UnicodeEncodeError", "UnicodeTranslateError", "EnvironmentError", "IOError",
];

/// Names whose use means a module may bind globals the bytecode does not show.
const DYNAMIC: &[&str] = &["globals", "vars", "locals", "exec", "eval", "setattr", "__dict__", "modules", "builtins", "__builtins__", "__import__", "import_module"];

fn codes(m: &ModuleCode) -> Vec<&CodeObject> {
    let mut out = Vec::new();
    m.code.walk(&mut |c| out.push(c));
    out
}

/// Names stored by `code` with the given instruction kinds.
fn stored(code: &CodeObject, globals_only: bool) -> impl Iterator<Item = &str> {
    code.instrs.iter().filter_map(move |i| match *i {
        Instr::StoreGlobal(n) | Instr::DeleteGlobal(n) => code.names.get(n as usize),
        Instr::StoreName(n) | Instr::DeleteName(n) if !globals_only => code.names.get(n as usize),
        _ => None,
    })
    .map(String::as_str)
}

/// Byte range of instruction `pc`'s expression in `source`.
fn span(source: &str, code: &CodeObject, pc: usize) -> std::ops::Range<usize> {
    let line = code.lines.get(pc).copied().unwrap_or(0).max(1) as usize;
    let start = source.split_inclusive('\n').take(line - 1).map(str::len).sum::<usize>();
    let (end_line, col, end_col) = code.positions.get(pc).copied().unwrap_or((line as u32, 0, 0));
    let s = (start + col as usize).min(source.len());
    let e = if end_line as usize == line { (start + end_col as usize).min(source.len()).max(s) } else { s };
    s..e
}

/// Every global name of `m` read but never bound: (name, its code object, pc, a near
/// bound name), the first read of each name only.
fn undefined_reads(m: &ModuleCode) -> Vec<(&str, &CodeObject, usize, Option<String>)> {
    let all = codes(m);
    if all.iter().any(|c| c.instrs.iter().any(|i| matches!(i, Instr::ImportStar)) || c.names.iter().any(|n| DYNAMIC.contains(&n.as_str()))) {
        return Vec::new();
    }
    let mut bound: HashSet<&str> = PREDEFINED.iter().copied().collect();
    bound.extend(stored(&m.code, false));
    for c in &all {
        bound.extend(stored(c, true));
    }
    let mut out = Vec::new();
    let mut reported = HashSet::new();
    for c in all {
        // a class body's own names (`LoadName` there sees them; functions do not)
        let own: HashSet<&str> = if std::ptr::eq(c, &m.code) { HashSet::new() } else { stored(c, false).collect() };
        for (pc, i) in c.instrs.iter().enumerate() {
            let (Instr::LoadGlobal(n) | Instr::LoadName(n)) = *i else { continue };
            let Some(name) = c.names.get(n as usize).map(String::as_str) else { continue };
            let own_hit = matches!(i, Instr::LoadName(_)) && own.contains(name);
            if bound.contains(name) || own_hit || c.handler_for(pc as u32).is_some() || !reported.insert(name) {
                continue;
            }
            out.push((name, c, pc, crate::suggest::closest(name, bound.iter().copied())));
        }
    }
    out
}

/// Warns about every global name of `m` that is read but never bound.
fn check_module(m: &ModuleCode) {
    for (name, c, pc, near) in undefined_reads(m) {
        let mut d = Diag::new(Severity::Warning, "undefined-name", format!("name '{name}' is never defined"));
        d.at = Some((&c.filename, &m.source, span(&m.source, c, pc)));
        d.label = Some("NameError when this runs".into());
        if let Some(s) = near {
            d.notes.push(format!("help: did you mean '{s}'?"));
        }
        emit(&d);
    }
}

/// Runs the lint over the modules whose files live in `user_dirs`.
pub fn warn_undefined_names(program: &Program, user_dirs: &[PathBuf]) {
    for m in &program.modules {
        if user_dirs.iter().any(|d| Path::new(&m.code.filename).starts_with(d)) {
            check_module(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_read_but_unbound(src: &str) -> Vec<String> {
        let m = crate::fe::compile_module(src, "/t/m.py", "__main__").unwrap();
        undefined_reads(&m).into_iter().map(|(n, ..)| n.to_string()).collect()
    }

    #[test]
    fn bound_names() {
        let src = "import os\nfrom sys import argv\nx = 1\ndef f():\n    global y\n    y = 2\n    return x + y + len(argv) + z\nclass C:\n    a = 1\n    b = a\n    def m(self):\n        return a\nfor i in range(3): pass\ntry:\n    w\nexcept NameError:\n    pass\n";
        assert_eq!(names_read_but_unbound(src), vec!["z".to_string(), "a".to_string()]);
        assert!(names_read_but_unbound("from os import *\nprint(q)\n").is_empty());
        assert!(names_read_but_unbound("globals()['q'] = 1\nprint(q)\n").is_empty());
    }

    #[test]
    fn spans_point_at_the_name() {
        let src = "x = 1\nprint(undefined_thing)\n";
        let m = crate::fe::compile_module(src, "/t/m.py", "__main__").unwrap();
        let pc = m.code.instrs.iter().position(|i| matches!(i, Instr::LoadName(n) if m.code.names[*n as usize] == "undefined_thing")).unwrap();
        assert_eq!(&src[span(src, &m.code, pc)], "undefined_thing");
    }
}
