//! pyc-frontend: Python 3.11 source → pyc bytecode.
//!
//! Owns the public API of the frontend: parsing (`parse.rs`, over ruff's parser), scope
//! analysis (`symtable.rs`), the bytecode compiler (`compile.rs`), the stack-depth
//! analysis shared by the compiler, codegen and runtime (`analysis.rs`), and the
//! disassembler (`disasm.rs`). The bytecode itself is defined in `bytecode.rs`.

pub mod analysis;
pub mod bytecode;
#[cfg(feature = "parser")]
mod compile;
pub mod disasm;
#[cfg(feature = "parser")]
pub mod fstring;
#[cfg(feature = "parser")]
mod limits;
pub mod method_tables;
pub mod native_modules;
#[cfg(feature = "parser")]
pub mod parse;
#[cfg(feature = "parser")]
pub mod symtable;
pub mod suggest;
pub mod surrogates;

#[cfg(feature = "parser")]
use bytecode::{CodeObject, ModuleCode};

pub use analysis::{stack_depths, verify_stack};
pub use disasm::disassemble;

/// A compile-time error, shaped like CPython's `SyntaxError` attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// "SyntaxError" | "IndentationError" | "TabError"
    pub kind: String,
    /// CPython 3.11's message text where feasible.
    pub msg: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters (CPython's `offset`).
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    /// Byte range in the source (for codespan diagnostics).
    pub range: std::ops::Range<usize>,
    /// Which part of CPython raises it, which shapes `text` and `end_offset`.
    pub origin: ErrorOrigin,
}

/// Where CPython 3.11 raises a syntax error from: that decides the exception's `text`
/// and `end_offset` (see `CompileError::text`, `CompileError::end_offset`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorOrigin {
    /// The parser: `text` is the whole line with its newline; the end is the span's.
    #[default]
    Parser,
    /// The tokenizer: `text` is the line without its newline.
    Tokenizer,
    /// The parser, with no end position: `end_offset` is this value (-1 or 0) on `line`.
    NoEnd(i32),
    /// The compiler or symbol table, which read `text` back from the file: None for
    /// `compile()` of a string.
    Compiler,
}

impl CompileError {
    /// CPython's `SyntaxError.text` for this error in `source`.
    pub fn text(&self, source: &str) -> Option<String> {
        if self.origin == ErrorOrigin::Compiler {
            return None;
        }
        let line = source.lines().nth(self.line.checked_sub(1)? as usize)?;
        Some(if self.origin == ErrorOrigin::Tokenizer { line.to_string() } else { format!("{line}\n") })
    }

    /// CPython's `(end_lineno, end_offset)`.
    pub fn end_position(&self) -> (u32, i64) {
        match self.origin {
            ErrorOrigin::NoEnd(v) => (self.line, v as i64),
            _ => (self.end_line, self.end_col as i64),
        }
    }

    /// An error of the compiler stage: most are the compiler's in CPython too, but a few
    /// that CPython's parser raises are found by ours after parsing.
    pub fn from_compiler(self) -> Self {
        const PARSER: [&str; 5] = ["cannot assign", "cannot delete", "invalid syntax", "illegal", "expected one or more"];
        if PARSER.iter().any(|p| self.msg.starts_with(p)) || self.msg.contains("illegal expression") {
            self
        } else {
            self.from_origin(ErrorOrigin::Compiler)
        }
    }

    /// The same error as raised by another part of CPython.
    pub fn from_origin(mut self, origin: ErrorOrigin) -> Self {
        self.origin = origin;
        self
    }
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} (line {}, column {})", self.kind, self.msg, self.line, self.col)
    }
}

impl std::error::Error for CompileError {}

#[cfg(feature = "parser")]
impl CompileError {
    /// Builds an error for the byte range `range` of `source`.
    pub fn new(kind: &str, msg: impl Into<String>, source: &str, range: std::ops::Range<usize>) -> Self {
        let idx = parse::LineIndex::new(source);
        Self::with_index(kind, msg, source, &idx, range)
    }

    pub(crate) fn with_index(
        kind: &str,
        msg: impl Into<String>,
        source: &str,
        idx: &parse::LineIndex,
        range: std::ops::Range<usize>,
    ) -> Self {
        let start = range.start.min(source.len());
        let end = range.end.max(start).min(source.len());
        let (line, col) = idx.line_char_col(source, start);
        let (end_line, end_col) = idx.line_char_col(source, end);
        CompileError {
            kind: kind.to_string(),
            msg: msg.into(),
            line,
            col: col + 1,
            end_line,
            end_col: end_col + 1,
            range: start..end,
            origin: ErrorOrigin::Parser,
        }
    }
}

/// Compilation mode of the built-in `compile()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// Compiles the source of a module (a file) into its module code object.
#[cfg(feature = "parser")]
pub fn compile_module(source: &str, filename: &str, module_name: &str) -> Result<ModuleCode, CompileError> {
    let code = compile(source, filename, Mode::Exec)?;
    Ok(ModuleCode {
        name: module_name.to_string(),
        code,
        source: source.to_string(),
        is_package: false,
        from_stdlib: false,
    })
}

/// Compiles source for the runtime's `eval`/`exec`/`compile`.
#[cfg(feature = "parser")]
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeObject, CompileError> {
    compile::compile_source(source, filename, mode)
}
