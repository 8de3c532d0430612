//! Nesting limits of the frontend, so no input can exhaust the stack of pyc or of a
//! program calling `compile`/`eval`/`exec`: CPython's tokenizer limits (200 nested
//! brackets, 100 indentation levels, checked in parse.rs) and its compiler's recursion
//! limit ("maximum recursion depth exceeded during compilation" past about 3000 nested
//! expressions or statements), enforced by the symbol-table builder and the compiler.
//! Each nesting level also makes sure enough stack is left, switching to a fresh stack
//! segment when it is not (ruff's parser does the same).
use crate::parse::LineIndex;
use crate::CompileError;
use ruff_text_size::{Ranged, TextRange};

/// CPython 3.11: recursion limit (1000) × COMPILER_STACK_FRAME_SCALE (3), less the
/// levels already in use when `compile()` runs.
pub const MAX_NESTING: u32 = 2990;
/// CPython's tokenizer: MAXLEVEL (nested brackets) and MAXINDENT.
pub const MAX_BRACKETS: usize = 200;
pub const MAX_INDENT: usize = 100;

/// Stack that must remain before a pass descends one more level, and the size of the
/// segment allocated when less remains.
const RED_ZONE: usize = 256 * 1024;
const SEGMENT: usize = 4 << 20;

/// A recursive pass over the AST that counts its nesting.
pub trait Nesting {
    fn depth(&mut self) -> &mut u32;
    fn index(&self) -> (&str, &LineIndex);
}

/// Runs `f` one nesting level deeper; past `MAX_NESTING` it fails the way CPython does.
pub fn nested<S: Nesting, T>(s: &mut S, at: TextRange, f: impl FnOnce(&mut S) -> Result<T, CompileError>) -> Result<T, CompileError> {
    *s.depth() += 1;
    let r = if *s.depth() > MAX_NESTING {
        let (source, idx) = s.index();
        Err(CompileError::with_index(
            "RecursionError",
            "maximum recursion depth exceeded during compilation",
            source,
            idx,
            at.start().to_usize()..at.end().to_usize(),
        ))
    } else {
        stacker::maybe_grow(RED_ZONE, SEGMENT, || f(s))
    };
    *s.depth() -= 1;
    r
}

/// Runs a whole compilation on a stack deep enough to drop any AST the parser can
/// build from `source` (dropping nests one level per node, and each nesting level
/// takes at least one byte of source).
pub fn with_stack_for<T>(source: &str, f: impl FnOnce() -> T) -> T {
    let need = RED_ZONE + source.len().saturating_mul(256);
    stacker::maybe_grow(need, need, f)
}

/// CPython's tokenizer limits over ruff's tokens: the 201st nested bracket is a
/// SyntaxError, the 100th indentation level an IndentationError. Brackets inside
/// f-strings do not count (3.11 tokenizes an f-string as one string token).
pub fn token_limits(source: &str, idx: &LineIndex, tokens: &ruff_python_ast::token::Tokens) -> Option<CompileError> {
    use ruff_python_ast::token::TokenKind as T;
    let (mut brackets, mut indent, mut fstring) = (0usize, 0usize, 0usize);
    for t in tokens.iter() {
        let start = t.range().start().to_usize();
        match t.kind() {
            T::FStringStart => fstring += 1,
            T::FStringEnd => fstring = fstring.saturating_sub(1),
            T::Lpar | T::Lsqb | T::Lbrace if fstring == 0 => {
                brackets += 1;
                if brackets > MAX_BRACKETS {
                    return Some(CompileError::with_index("SyntaxError", "too many nested parentheses", source, idx, start..start + 1));
                }
            }
            T::Rpar | T::Rsqb | T::Rbrace if fstring == 0 => brackets = brackets.saturating_sub(1),
            T::Indent => {
                indent += 1;
                if indent >= MAX_INDENT {
                    let line = idx.line_start(idx.line_col(start).0);
                    return Some(CompileError::with_index("IndentationError", "too many levels of indentation", source, idx, line..line));
                }
            }
            T::Dedent => indent = indent.saturating_sub(1),
            _ => {}
        }
    }
    None
}
