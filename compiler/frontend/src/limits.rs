//! Nesting limits of the frontend, so no input can exhaust the stack of pyc or of a
//! program calling `compile`/`eval`/`exec`: CPython's tokenizer limits (200 nested
//! brackets, 100 indentation levels, checked in parse.rs) and its compiler's recursion
//! limit ("maximum recursion depth exceeded during compilation" past about 3000 nested
//! expressions or statements), enforced by the symbol-table builder and the compiler.
//! Each nesting level also makes sure enough stack is left, switching to a fresh stack
//! segment when it is not (ruff's parser does the same).
use crate::parse::LineIndex;
use crate::CompileError;
use ruff_text_size::TextRange;

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

/// CPython's tokenizer limits, checked by lexing before parsing (deep nesting makes
/// ruff's parser slow, quadratic in nested f-strings): the 201st nested bracket is a
/// SyntaxError, the 100th indentation level an IndentationError. Brackets inside
/// f-string replacement fields count too (3.11 rejects such nesting anyway).
pub fn token_limits(source: &str, mode: ruff_python_parser::Mode) -> Result<(), CompileError> {
    use ruff_python_ast::token::TokenKind as T;
    let mut lexer = ruff_python_parser::lexer::lex(source, mode);
    let (mut brackets, mut indent) = (0usize, 0usize);
    loop {
        match lexer.next_token() {
            T::EndOfFile => return Ok(()),
            T::Lpar | T::Lsqb | T::Lbrace => {
                brackets += 1;
                if brackets > MAX_BRACKETS {
                    let at = nth_nested_bracket(source).unwrap_or(0);
                    return Err(CompileError::new("SyntaxError", "too many nested parentheses", source, at..at + 1));
                }
            }
            T::Rpar | T::Rsqb | T::Rbrace => brackets = brackets.saturating_sub(1),
            T::Indent => {
                indent += 1;
                if indent >= MAX_INDENT {
                    let at = deep_indented_line(source).unwrap_or(0);
                    return Err(CompileError::new("IndentationError", "too many levels of indentation", source, at..at));
                }
            }
            T::Dedent => indent = indent.saturating_sub(1),
            _ => {}
        }
    }
}

/// Where the bracket nesting first exceeds the limit, by a byte scan that skips
/// comments and one-line string literals (the lexer does not expose positions).
fn nth_nested_bracket(source: &str) -> Option<usize> {
    let (mut depth, mut quote, mut comment) = (0usize, None, false);
    for (i, b) in source.bytes().enumerate() {
        match (quote, b) {
            (_, b'\n') => (quote, comment) = (None, false),
            _ if comment => {}
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'#') => comment = true,
            (None, b'\'' | b'"') => quote = Some(b),
            (None, b'(' | b'[' | b'{') => {
                depth += 1;
                if depth > MAX_BRACKETS {
                    return Some(i);
                }
            }
            (None, b')' | b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The start of the first line indented `MAX_INDENT` levels deep (levels are the
/// distinct increasing indentation widths of non-blank lines).
fn deep_indented_line(source: &str) -> Option<usize> {
    let mut widths: Vec<usize> = vec![0];
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        let body = line.trim_start_matches([' ', '\t', '\x0c']);
        let w = line.len() - body.len();
        if !body.trim().is_empty() && !body.starts_with('#') {
            while widths.last().map_or(false, |&top| w < top) {
                widths.pop();
            }
            if widths.last().map_or(true, |&top| w > top) {
                widths.push(w);
            }
            if widths.len() > MAX_INDENT {
                return Some(start);
            }
        }
        start += line.len();
    }
    None
}
