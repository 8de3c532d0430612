//! Adapter over `ruff_python_parser`: parses source text for the three compile modes
//! and turns ruff's parse errors into `CompileError`s worded like CPython 3.11.
//! Also owns `LineIndex` (byte offset → line/column).

use crate::{CompileError, ErrorOrigin};
use ruff_python_ast::token::TokenKind;
use ruff_python_ast::{ModExpression, ModModule, PythonVersion};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, Mode as RMode, ParseError, ParseErrorType, ParseOptions,
};
use ruff_text_size::{Ranged, TextRange};

/// Maps byte offsets to 1-based lines and 0-based columns.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(src: &str) -> Self {
        let mut starts = vec![0];
        let b = src.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if i + 1 < b.len() && b[i + 1] == b'\n' {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }
    /// (1-based line, 0-based byte column)
    pub fn line_col(&self, off: usize) -> (u32, u32) {
        let line = match self.starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        ((line + 1) as u32, (off - self.starts[line]) as u32)
    }
    /// (1-based line, 0-based character column)
    pub fn line_char_col(&self, src: &str, off: usize) -> (u32, u32) {
        let (line, col) = self.line_col(off);
        let start = self.starts[line as usize - 1];
        let text = src.get(start..off).map(|s| s.chars().count()).unwrap_or(col as usize);
        (line, text as u32)
    }
    pub fn line_start(&self, line: u32) -> usize {
        self.starts.get(line.saturating_sub(1) as usize).copied().unwrap_or(0)
    }
    pub fn num_lines(&self) -> usize {
        self.starts.len()
    }
}

fn options(mode: RMode) -> ParseOptions {
    ParseOptions::from(mode).with_target_version(PythonVersion::PY311)
}

/// Parses a module (file input).
pub fn parse_module(source: &str) -> Result<ModModule, CompileError> {
    crate::limits::token_limits(source, RMode::Module)?;
    let parsed = ruff_python_parser::parse_unchecked(source, options(RMode::Module));
    check_errors(source, &parsed)?;
    match parsed.into_syntax() {
        ruff_python_ast::Mod::Module(mut m) => {
            crate::surrogates::literals::restore_in_module(&mut m, source);
            Ok(m)
        }
        ruff_python_ast::Mod::Expression(_) => Err(CompileError::new("SyntaxError", "invalid syntax", source, 0..0)),
    }
}

/// Parses a single expression (eval input).
pub fn parse_expression(source: &str) -> Result<ModExpression, CompileError> {
    // CPython strips leading spaces/tabs for eval input.
    crate::limits::token_limits(source, RMode::Expression)?;
    let parsed = ruff_python_parser::parse_unchecked(source, options(RMode::Expression));
    check_errors(source, &parsed)?;
    match parsed.into_syntax() {
        ruff_python_ast::Mod::Expression(mut e) => {
            crate::surrogates::literals::restore_in_expression(&mut e, source);
            Ok(e)
        }
        ruff_python_ast::Mod::Module(_) => Err(CompileError::new("SyntaxError", "invalid syntax", source, 0..0)),
    }
}

fn check_errors<T>(source: &str, parsed: &ruff_python_parser::Parsed<T>) -> Result<(), CompileError> {
    let idx = LineIndex::new(source);
    if let Some(t) = tab_error(source, &idx, parsed.tokens()) {
        return Err(t);
    }
    if let Some(first) = parsed.errors().iter().min_by_key(|e| e.location.start()) {
        return Err(convert_error(source, &idx, parsed.tokens(), parsed.errors(), first));
    }
    if let Some(e) = parsed.unsupported_syntax_errors().first() {
        let r = e.range();
        return Err(CompileError::with_index(
            "SyntaxError",
            format!("{e}"),
            source,
            &idx,
            r.start().to_usize()..r.end().to_usize(),
        ));
    }
    Ok(())
}

/// The offset of the end of `off`'s line (before its newline), following backslash
/// continuations (CPython's "detected at line N" counts them).
fn line_end(source: &str, off: usize) -> usize {
    let mut off = off.min(source.len());
    loop {
        let end = source[off..].find('\n').map_or(source.len(), |i| off + i);
        let end = source[..end].strip_suffix('\r').map_or(end, str::len);
        if !source[..end].ends_with('\\') || end >= source.len() {
            return end;
        }
        off = source[end..].find('\n').map_or(source.len(), |i| end + i + 1);
    }
}

/// Where CPython's tokenizer stops in a bad number literal whose bad part starts at
/// `off`: a letter is only peeked at, so the error points at the digit before it.
fn last_consumed(source: &str, off: usize) -> usize {
    let letter = source.get(off..).is_some_and(|t| t.starts_with(|c: char| c.is_ascii_alphabetic()));
    let after_digit = off > 0 && source.as_bytes()[off - 1].is_ascii_digit();
    if letter && after_digit { off - 1 } else { off }
}

/// Comparison and boolean operators (which join `bitwise_or`s into a disjunction).
fn in_disjunction(k: TokenKind) -> bool {
    use TokenKind::*;
    matches!(k, EqEqual | NotEqual | Less | Greater | LessEqual | GreaterEqual | In | Is | Not | And | Or)
}

/// The end of the token starting at `off` (or `off`).
fn token_end_at(tokens: &ruff_python_ast::token::Tokens, off: usize) -> usize {
    tokens.iter().find(|t| t.range().start().to_usize() == off).map_or(off, |t| t.range().end().to_usize())
}

/// `a if b` missing its `else` (the error found at `err`): the span of `a if b`.
fn conditional_span(tokens: &ruff_python_ast::token::Tokens, err: usize) -> Option<std::ops::Range<usize>> {
    let toks = significant(tokens);
    let stop = toks.iter().position(|t| starts(t) >= err).unwrap_or(toks.len());
    let if_at = (0..stop).rev().find(|&i| toks[i].kind() == TokenKind::If)?;
    let mut i = if_at;
    let mut depth = 0i32;
    while i > 0 {
        let k = toks[i - 1].kind();
        match bracket_char(k) {
            Some((false, _)) => depth += 1,
            Some((true, _)) if depth == 0 => break,
            Some((true, _)) => depth -= 1,
            None if depth == 0 && !(in_bitwise_or(k) || in_disjunction(k)) => break,
            None => {}
        }
        i -= 1;
    }
    (i < if_at && stop > if_at + 1).then(|| starts(toks[i])..ends(toks[stop - 1]))
}

fn rng(r: TextRange) -> std::ops::Range<usize> {
    r.start().to_usize()..r.end().to_usize()
}

fn bracket_char(k: TokenKind) -> Option<(bool, char)> {
    Some(match k {
        TokenKind::Lpar => (true, '('),
        TokenKind::Lsqb => (true, '['),
        TokenKind::Lbrace => (true, '{'),
        TokenKind::Rpar => (false, ')'),
        TokenKind::Rsqb => (false, ']'),
        TokenKind::Rbrace => (false, '}'),
        _ => return None,
    })
}

fn matching(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

/// CPython's tokenizer-level bracket errors, which take precedence over parser errors.
fn bracket_error(
    source: &str,
    idx: &LineIndex,
    tokens: &ruff_python_ast::token::Tokens,
    err_start: usize,
) -> Option<CompileError> {
    let mut stack: Vec<(char, TextRange)> = Vec::new();
    let mut fdepth = 0;
    for t in tokens.iter() {
        match t.kind() {
            TokenKind::FStringStart => fdepth += 1,
            TokenKind::FStringEnd => fdepth -= 1,
            _ => {}
        }
        if fdepth > 0 {
            continue;
        }
        let Some((open, ch)) = bracket_char(t.kind()) else { continue };
        if open {
            stack.push((ch, t.range()));
        } else {
            match stack.pop() {
                None => {
                    if t.range().start().to_usize() <= err_start {
                        let at = t.range().start().to_usize();
                        return Some(
                            CompileError::with_index("SyntaxError", format!("unmatched '{ch}'"), source, idx, at..at)
                                .from_origin(ErrorOrigin::Tokenizer),
                        );
                    }
                    return None;
                }
                Some((o, orange)) => {
                    if matching(o) != ch {
                        if t.range().start().to_usize() > err_start {
                            return None;
                        }
                        let (ol, _) = idx.line_col(orange.start().to_usize());
                        let (cl, _) = idx.line_col(t.range().start().to_usize());
                        let msg = if ol != cl {
                            format!("closing parenthesis '{ch}' does not match opening parenthesis '{o}' on line {ol}")
                        } else {
                            format!("closing parenthesis '{ch}' does not match opening parenthesis '{o}'")
                        };
                        let at = t.range().start().to_usize();
                        return Some(CompileError::with_index("SyntaxError", msg, source, idx, at..at).from_origin(ErrorOrigin::Tokenizer));
                    }
                }
            }
        }
    }
    if let Some((o, r)) = stack.last() {
        // Only when the parser ran into the end of the input, or failed on a later
        // line than the bracket (CPython then reports the bracket).
        let at_eof = err_start >= source.trim_end().len();
        let later_line = err_start != usize::MAX
            && err_start <= source.len()
            && idx.line_col(err_start.min(source.len())).0 > idx.line_col(r.start().to_usize()).0;
        if r.start().to_usize() <= err_start && (at_eof || later_line || err_start == usize::MAX) {
            return Some(
                CompileError::with_index("SyntaxError", format!("'{o}' was never closed"), source, idx, rng(*r))
                    .from_origin(ErrorOrigin::NoEnd(0)),
            );
        }
    }
    None
}

fn stmt_keyword_before(source: &str, idx: &LineIndex, off: usize) -> Option<(String, u32)> {
    // Find the compound statement header that ends right before `off` (the line
    // ending with ':'), for "expected an indented block after ..." messages.
    let (line, _) = idx.line_col(off);
    let mut l = line;
    while l > 1 {
        l -= 1;
        let start = idx.line_start(l);
        let end = idx.line_start(l + 1);
        let text = source.get(start..end).unwrap_or("").trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let word: String = text.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let kind = match word.as_str() {
            "if" => "'if' statement",
            "elif" => "'elif' statement",
            "else" => "'else' statement",
            "while" => "'while' statement",
            "for" => "'for' statement",
            "try" => "'try' statement",
            "except" => "'except' statement",
            "finally" => "'finally' statement",
            "with" => "'with' statement",
            "def" => "function definition",
            "class" => "class definition",
            "async" => {
                if text.contains("def") {
                    "function definition"
                } else if text.starts_with("async for") {
                    "'for' statement"
                } else {
                    "'with' statement"
                }
            }
            "match" => "'match' statement",
            "case" => "'case' statement",
            _ => return None,
        };
        let msg = if kind == "function definition" {
            // CPython: "expected an indented block after function definition on line N"
            kind.to_string()
        } else if kind == "class definition" {
            kind.to_string()
        } else {
            kind.to_string()
        };
        return Some((msg, l));
    }
    None
}

fn is_expr_end(k: TokenKind) -> bool {
    matches!(
        k,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringEnd
            | TokenKind::Rpar
            | TokenKind::Rsqb
            | TokenKind::Rbrace
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Ellipsis
    )
}

fn is_expr_start(k: TokenKind) -> bool {
    matches!(
        k,
        TokenKind::Name
            | TokenKind::Int
            | TokenKind::Float
            | TokenKind::Complex
            | TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::Lpar
            | TokenKind::Lsqb
            | TokenKind::Lbrace
            | TokenKind::None
            | TokenKind::True
            | TokenKind::False
            | TokenKind::Ellipsis
    )
}

/// Converts the first ruff parse error into a CPython-worded `CompileError`.
fn convert_error(
    source: &str,
    idx: &LineIndex,
    tokens: &ruff_python_ast::token::Tokens,
    _all: &[ParseError],
    e: &ParseError,
) -> CompileError {
    let start = e.location.start().to_usize();
    let syn = |msg: &str, r: std::ops::Range<usize>| CompileError::with_index("SyntaxError", msg, source, idx, r);
    // CPython's tokenizer reports a point (and its line without the newline as `text`).
    let tok_err = |msg: &str, at: usize| syn(msg, at..at).from_origin(ErrorOrigin::Tokenizer);
    // Lexical errors first.
    if let ParseErrorType::Lexical(lex) = &e.error {
        match lex {
            LexicalErrorType::IndentationError => {
                let end = line_end(source, start);
                return CompileError::with_index(
                    "IndentationError",
                    "unindent does not match any outer indentation level",
                    source,
                    idx,
                    end..end,
                )
                .from_origin(ErrorOrigin::NoEnd(-1));
            }
            LexicalErrorType::UnclosedStringError | LexicalErrorType::FStringError(InterpolatedStringErrorType::UnterminatedString) => {
                let text = source.get(start..).unwrap_or("");
                let body = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
                if body.starts_with("\"\"\"") || body.starts_with("'''") {
                    let (line, _) = idx.line_col(source.len().saturating_sub(1));
                    return tok_err(&format!("unterminated triple-quoted string literal (detected at line {line})"), start);
                }
                let (line, _) = idx.line_col(line_end(source, start));
                return tok_err(&format!("unterminated string literal (detected at line {line})"), start);
            }
            LexicalErrorType::FStringError(InterpolatedStringErrorType::UnterminatedTripleQuotedString) => {
                let (line, _) = idx.line_col(source.len());
                return tok_err(&format!("unterminated triple-quoted string literal (detected at line {line})"), start);
            }
            LexicalErrorType::LineContinuationError => {
                let after = start + 1;
                return syn("unexpected character after line continuation character", after..after).from_origin(ErrorOrigin::NoEnd(0));
            }
            LexicalErrorType::UnrecognizedToken { tok } => {
                if let Some(b) = bracket_error(source, idx, tokens, start) {
                    return b;
                }
                let msg = if *tok == '$' || *tok == '?' || *tok == '`' || *tok == '!' {
                    "invalid syntax".to_string()
                } else if tok.is_whitespace() || (*tok as u32) > 127 {
                    format!("invalid non-printable character U+{:04X}", *tok as u32)
                } else {
                    "invalid syntax".to_string()
                };
                let msg = if (*tok as u32) > 127 && !tok.is_whitespace() {
                    format!("invalid character '{}' (U+{:04X})", tok, *tok as u32)
                } else {
                    msg
                };
                if msg == "invalid syntax" {
                    return syn(&msg, rng(e.location));
                }
                return tok_err(&msg, start);
            }
            LexicalErrorType::Eof => {
                if let Some(b) = bracket_error(source, idx, tokens, usize::MAX) {
                    return b;
                }
                let at = source.trim_end().len();
                return syn("unexpected EOF while parsing", at..at).from_origin(ErrorOrigin::NoEnd(-1));
            }
            LexicalErrorType::FStringError(fe) => {
                let msg = match fe {
                    InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed",
                    InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'",
                    InterpolatedStringErrorType::InvalidConversionFlag => {
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'"
                    }
                    InterpolatedStringErrorType::LambdaWithoutParentheses => "f-string: lambda expressions are not allowed without parentheses",
                    _ => "f-string: invalid syntax",
                };
                return syn(msg, rng(e.location));
            }
            LexicalErrorType::OtherError(m) if m.contains("decimal") => {
                let text = source.get(rng(e.location)).unwrap_or("");
                if text.starts_with('0') && text.chars().all(|c| c.is_ascii_digit() || c == '_') {
                    return syn(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        start..start + 1,
                    )
                    .from_origin(ErrorOrigin::Tokenizer);
                }
                return tok_err("invalid decimal literal", last_consumed(source, start));
            }
            LexicalErrorType::InvalidByteLiteral => {
                return syn("bytes can only contain ASCII literal characters", rng(e.location));
            }
            _ => {}
        }
    }
    if let Some(b) = bracket_error(source, idx, tokens, start) {
        return b;
    }
    match &e.error {
        ParseErrorType::UnexpectedIndentation => {
            let end = e.location.end().to_usize();
            return CompileError::with_index("IndentationError", "unexpected indent", source, idx, end.saturating_sub(1)..end)
                .from_origin(ErrorOrigin::NoEnd(-1));
        }
        ParseErrorType::ExpectedToken { expected, found } => {
            if *expected == TokenKind::Indent {
                if let Some((what, line)) = stmt_keyword_before(source, idx, start) {
                    return CompileError::with_index(
                        "IndentationError",
                        format!("expected an indented block after {what} on line {line}"),
                        source,
                        idx,
                        rng(e.location),
                    );
                }
                return CompileError::with_index(
                    "IndentationError",
                    "expected an indented block",
                    source,
                    idx,
                    rng(e.location),
                );
            }
            if *expected == TokenKind::Colon && *found == TokenKind::Equal {
                // `if x = 1:` (a named expression); `for x in y = 1:` is plain invalid syntax
                if let Some(hint) = named_expression_hint(source, idx, tokens, start) {
                    return hint;
                }
                return syn("invalid syntax", rng(e.location));
            }
            if *expected == TokenKind::Colon && innermost_bracket(tokens, start) == Some('{') {
                let s = prev_token_start(tokens, start);
                return syn("':' expected after dictionary key", s..start);
            }
            if *expected == TokenKind::Colon {
                return syn("expected ':'", rng(e.location));
            }
            if *expected == TokenKind::Else {
                return syn("expected 'else' after 'if' expression", conditional_span(tokens, start).unwrap_or(rng(e.location)));
            }
            if *found == TokenKind::Dedent || *found == TokenKind::Indent {
                return CompileError::with_index(
                    "IndentationError",
                    if *found == TokenKind::Indent { "unexpected indent" } else { "unindent does not match any outer indentation level" },
                    source,
                    idx,
                    rng(e.location),
                );
            }
            if *expected == TokenKind::Equal && *found == TokenKind::EqEqual {
                return syn("invalid syntax", rng(e.location));
            }
            if is_augassign(*found) {
                // `a, b += 1`: the unparenthesized tuple before the operator
                let toks = significant(tokens);
                if let Some(op) = toks.iter().position(|t| starts(t) == start) {
                    if let Some(first) = element_list_start(&toks, op, false).filter(|&f| f < op) {
                        if has_top_level(&toks[first..op], &[TokenKind::Comma]) {
                            return syn("'tuple' is an illegal expression for augmented assignment", starts(toks[first])..ends(toks[op - 1]));
                        }
                    }
                }
            }
        }
        ParseErrorType::TStringError(_) => {
            return syn("invalid syntax", rng(e.location));
        }
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget => {
            let text = source.get(rng(e.location)).unwrap_or("");
            let what = describe_expr(tokens, rng(e.location), text);
            if matches!(e.error, ParseErrorType::InvalidAssignmentTarget) {
                if let Some(hint) = named_expression_hint(source, idx, tokens, start) {
                    return hint;
                }
            }
            if text.trim_start().starts_with("yield") && !matches!(e.error, ParseErrorType::InvalidDeleteTarget) {
                return syn("assignment to yield expression not possible", rng(e.location));
            }
            if matches!(what, "None" | "True" | "False" | "__debug__") {
                let verb = if matches!(e.error, ParseErrorType::InvalidDeleteTarget) { "delete" } else { "assign to" };
                return syn(&format!("cannot {verb} {what}"), rng(e.location));
            }
            let msg = match &e.error {
                ParseErrorType::InvalidDeleteTarget => format!("cannot delete {what}"),
                ParseErrorType::InvalidAugmentedAssignmentTarget => {
                    let what = display_name(tokens, rng(e.location)).unwrap_or(what);
                    format!("'{what}' is an illegal expression for augmented assignment")
                }
                ParseErrorType::InvalidAnnotatedAssignmentTarget => {
                    format!("illegal target for annotation")
                }
                ParseErrorType::InvalidNamedAssignmentTarget => format!("cannot use assignment expressions with {what}"),
                _ => format!("cannot assign to {what}"),
            };
            return syn(&msg, rng(e.location));
        }
        ParseErrorType::PositionalAfterKeywordArgument => {
            return syn("positional argument follows keyword argument", rng(e.location));
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            return syn("positional argument follows keyword argument unpacking", rng(e.location));
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            return syn("iterable argument unpacking follows keyword argument unpacking", rng(e.location));
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            return syn("non-default argument follows default argument", rng(e.location));
        }
        ParseErrorType::ParamAfterVarKeywordParam => {
            return syn("arguments cannot follow var-keyword argument", rng(e.location));
        }
        ParseErrorType::VarParameterWithDefault => {
            return syn("var-positional argument cannot have default value", rng(e.location));
        }
        ParseErrorType::ExpectedKeywordParam => {
            return syn("named arguments must follow bare *", rng(e.location));
        }
        ParseErrorType::IterableUnpackingInComprehension => {
            return syn("iterable unpacking cannot be used in comprehension", rng(e.location));
        }
        ParseErrorType::EmptySlice | ParseErrorType::EmptyGlobalNames | ParseErrorType::EmptyNonlocalNames
        | ParseErrorType::EmptyDeleteTargets | ParseErrorType::EmptyImportNames => {
            return syn("invalid syntax", rng(e.location));
        }
        ParseErrorType::OtherError(m) if m.starts_with("Expected an indented block after") => {
            let mut s = start;
            if source.as_bytes().get(s) == Some(&b'\n') {
                s += 1;
            }
            let what = if m.contains("function definition") {
                "function definition".to_string()
            } else if m.contains("class definition") {
                "class definition".to_string()
            } else {
                let kw = m.split('`').nth(1).unwrap_or("if");
                format!("'{kw}' statement")
            };
            let header = stmt_keyword_before(source, idx, s).map(|(_, l)| l).unwrap_or(1);
            return CompileError::with_index(
                "IndentationError",
                format!("expected an indented block after {what} on line {header}"),
                source,
                idx,
                s..token_end_at(tokens, s),
            );
        }
        ParseErrorType::OtherError(m) if m.starts_with("Expected `except` or `finally`") => {
            let msg = "expected 'except' or 'finally' block";
            if !e.location.is_empty() {
                return syn(msg, rng(e.location));
            }
            let s = source[..start.min(source.len())].trim_end().len();
            return syn(msg, s..s).from_origin(ErrorOrigin::NoEnd(-1));
        }
        ParseErrorType::FStringError(fe) => {
            let msg = match fe {
                InterpolatedStringErrorType::InvalidConversionFlag => {
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'"
                }
                InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed",
                InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'",
                _ => "f-string: invalid syntax",
            };
            return syn(msg, rng(e.location));
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            if let Some(prev) = tokens.iter().take_while(|t| t.range().end().to_usize() <= start).last() {
                let ptext = source.get(rng(prev.range())).unwrap_or("");
                let (pl, pc) = idx.line_col(prev.range().start().to_usize());
                let line_prefix = source.get(idx.line_start(pl)..prev.range().start().to_usize()).unwrap_or("x");
                if (ptext == "print" || ptext == "exec") && line_prefix.trim().is_empty() {
                    let _ = pc;
                    let end = source[..idx.line_start(pl + 1).min(source.len())].trim_end().len();
                    return syn(
                        &format!("Missing parentheses in call to '{ptext}'. Did you mean {ptext}(...)?"),
                        prev.range().start().to_usize()..end,
                    );
                }
                if matches!(prev.kind(), TokenKind::Int | TokenKind::Float) && prev.range().end().to_usize() == start {
                    return tok_err("invalid decimal literal", last_consumed(source, start));
                }
            }
        }
        ParseErrorType::OtherError(m) if m == "Expected a parameter name" => {
            // `f(a.b = 1)`: a keyword argument whose name is an expression
            let toks = significant(tokens);
            let end = e.location.end().to_usize();
            if let Some(eq) = toks.iter().find(|t| starts(t) >= end).filter(|t| t.kind() == TokenKind::Equal) {
                return syn("expression cannot contain assignment, perhaps you meant \"==\"?", start..ends(eq));
            }
        }
        ParseErrorType::OtherError(m) if m.contains("default 'except:' must be last") => {
            return syn("default 'except:' must be last", rng(e.location));
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            return syn("Generator expression must be parenthesized", rng(e.location));
        }
        _ => {}
    }
    // "Perhaps you forgot a comma?": two expressions side by side inside brackets.
    if let Some(prev) = tokens.iter().take_while(|t| t.range().end().to_usize() <= start).last() {
        let cur = tokens.iter().find(|t| t.range().start().to_usize() >= start);
        if let Some(cur) = cur {
            if is_expr_end(prev.kind()) && is_expr_start(cur.kind()) && is_in_brackets(tokens, start) {
                // CPython spans from the start of the previous expression to the end of the next.
                let s = expr_start_before(tokens, prev);
                return syn("invalid syntax. Perhaps you forgot a comma?", s..cur.range().end().to_usize());
            }
        }
    }
    // Generic: "invalid syntax" at the offending token.
    let tok_range = tokens
        .iter()
        .find(|t| t.range().start().to_usize() >= start && !matches!(t.kind(), TokenKind::NonLogicalNewline | TokenKind::Comment))
        .map(|t| if t.kind() == TokenKind::Newline { t.range().start().to_usize()..t.range().start().to_usize() } else { rng(t.range()) })
        .unwrap_or_else(|| rng(e.location));
    syn("invalid syntax", tok_range)
}

fn expr_start_before(tokens: &ruff_python_ast::token::Tokens, prev: &ruff_python_ast::token::Token) -> usize {
    // Walk back over a simple primary (names, dots, calls) to find the expression start.
    let list: Vec<_> = tokens.iter().collect();
    let mut i = list.iter().position(|t| t.range() == prev.range()).unwrap_or(0);
    let mut depth = 0i32;
    loop {
        let k = list[i].kind();
        match k {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                depth -= 1;
                if depth < 0 {
                    return list[i + 1].range().start().to_usize();
                }
            }
            _ => {}
        }
        if depth == 0 {
            // continue over `.name` and call/subscript chains
            if i > 0 {
                let pk = list[i - 1].kind();
                if pk == TokenKind::Dot || (matches!(k, TokenKind::Lpar | TokenKind::Lsqb) && is_expr_end(pk)) {
                    i -= 1;
                    continue;
                }
                if k == TokenKind::Dot {
                    i -= 1;
                    continue;
                }
            }
            return list[i].range().start().to_usize();
        }
        if i == 0 {
            return list[0].range().start().to_usize();
        }
        i -= 1;
    }
}

fn is_in_brackets(tokens: &ruff_python_ast::token::Tokens, off: usize) -> bool {
    let mut depth = 0i32;
    for t in tokens.iter() {
        if t.range().start().to_usize() >= off {
            break;
        }
        match bracket_char(t.kind()) {
            Some((true, _)) => depth += 1,
            Some((false, _)) => depth -= 1,
            None => {}
        }
    }
    depth > 0
}

fn is_augassign(k: TokenKind) -> bool {
    use TokenKind::*;
    matches!(
        k,
        PlusEqual | MinusEqual | StarEqual | SlashEqual | DoubleSlashEqual | PercentEqual | AtEqual | AmperEqual | VbarEqual
            | CircumflexEqual | LeftShiftEqual | RightShiftEqual | DoubleStarEqual
    )
}

/// CPython's name for a display expression spanning `r` ("tuple", "list", ...), None for
/// other expressions.
fn display_name(tokens: &ruff_python_ast::token::Tokens, r: std::ops::Range<usize>) -> Option<&'static str> {
    let toks: Vec<_> = significant(tokens).into_iter().filter(|t| starts(t) >= r.start && ends(t) <= r.end).collect();
    let first = toks.first()?;
    let whole = closing_index(&toks, 0) == Some(toks.len() - 1);
    let inside = if whole && toks.len() >= 2 { &toks[1..toks.len() - 1] } else { &toks[..0] };
    let comp = has_top_level(inside, &[TokenKind::For, TokenKind::Async]);
    match first.kind() {
        TokenKind::Lpar if whole && comp => Some("generator expression"),
        TokenKind::Lpar if whole && (inside.is_empty() || has_top_level(inside, &[TokenKind::Comma])) => Some("tuple"),
        TokenKind::Lsqb if whole => Some(if comp { "list comprehension" } else { "list" }),
        _ if has_top_level(&toks, &[TokenKind::Comma]) => Some("tuple"),
        _ => None,
    }
}

/// Significant tokens (no comments or non-logical newlines).
fn significant(tokens: &ruff_python_ast::token::Tokens) -> Vec<&ruff_python_ast::token::Token> {
    tokens.iter().filter(|t| !matches!(t.kind(), TokenKind::NonLogicalNewline | TokenKind::Comment)).collect()
}

fn starts(t: &ruff_python_ast::token::Token) -> usize {
    t.range().start().to_usize()
}

fn ends(t: &ruff_python_ast::token::Token) -> usize {
    t.range().end().to_usize()
}

/// Can `k` continue a `bitwise_or` expression (CPython's grammar level below comparisons)?
fn in_bitwise_or(k: TokenKind) -> bool {
    use TokenKind::*;
    is_expr_start(k)
        || k.is_soft_keyword()
        || matches!(
            k,
            FStringMiddle | FStringEnd | Rpar | Rsqb | Rbrace | Dot | Plus | Minus | Star | Slash | DoubleSlash | Percent | At
                | DoubleStar | LeftShift | RightShift | Amper | Vbar | CircumFlex | Tilde | Await
        )
}

/// The index of the first token at bracket depth 0 from `i` on that is not part of a
/// `bitwise_or` (brackets count as one term).
fn skip_bitwise_or(toks: &[&ruff_python_ast::token::Token], mut i: usize) -> usize {
    let mut depth = 0i32;
    while let Some(t) = toks.get(i) {
        match bracket_char(t.kind()) {
            Some((true, _)) => depth += 1,
            Some((false, _)) if depth == 0 => return i,
            Some((false, _)) => depth -= 1,
            None if depth == 0 && !in_bitwise_or(t.kind()) => return i,
            None => {}
        }
        i += 1;
    }
    i
}

/// Where the comma-separated expressions holding token `ti` begin: after the innermost
/// open bracket when `in_bracket` (None inside a call or a brace display, which CPython
/// reports by other rules), else at the statement's start (after a compound statement's
/// header, or after the keyword of an `if`/`elif`/`while` condition).
fn element_list_start(toks: &[&ruff_python_ast::token::Token], ti: usize, in_bracket: bool) -> Option<usize> {
    let mut depth = 0i32;
    let mut i = ti;
    while i > 0 {
        let k = toks[i - 1].kind();
        match bracket_char(k) {
            Some((false, _)) => depth += 1,
            Some((true, _)) if depth > 0 => depth -= 1,
            Some((true, c)) if in_bracket => {
                let call = c == '(' && i >= 2 && is_expr_end(toks[i - 2].kind());
                return (c != '{' && !call).then_some(i);
            }
            Some((true, _)) => {} // the statement holds the bracket
            None if depth == 0 && matches!(k, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::Semi) => break,
            None => {}
        }
        i -= 1;
    }
    if in_bracket {
        return None;
    }
    let k = toks[i].kind();
    let header = {
        use TokenKind::*;
        matches!(k, If | Elif | Else | While | For | With | Try | Except | Finally | Def | Class | Async | Match | Case)
    };
    if !header {
        return Some(i);
    }
    match (i..ti).find(|&j| toks[j].kind() == TokenKind::Colon) {
        Some(colon) => Some(colon + 1),
        None if matches!(k, TokenKind::If | TokenKind::Elif | TokenKind::While) => Some(i + 1),
        None => None,
    }
}

/// CPython's `invalid_named_expression` rule, which its parser tries (on the elements
/// that start a statement or a bracket) before reporting an invalid assignment target:
/// `NAME = bitwise_or` or `bitwise_or = bitwise_or` not followed by `=` or `:=` gets
/// "Maybe you meant '=='". `err_start` is the invalid target ruff reported.
fn named_expression_hint(
    source: &str,
    idx: &LineIndex,
    tokens: &ruff_python_ast::token::Tokens,
    err_start: usize,
) -> Option<CompileError> {
    let toks = significant(tokens);
    let ti = toks.iter().position(|t| starts(t) >= err_start)?;
    // an enclosing bracket is parsed, and checked, before the statement it is part of
    [true, false].into_iter().find_map(|in_bracket| {
        let first = element_list_start(&toks, ti, in_bracket)?;
        first_element_hint(source, idx, &toks, first)
    })
}

/// The check of `named_expression_hint` on the elements from token `elem` on.
fn first_element_hint(source: &str, idx: &LineIndex, toks: &[&ruff_python_ast::token::Token], mut elem: usize) -> Option<CompileError> {
    loop {
        let end = skip_bitwise_or(&toks, elem);
        match toks.get(end)?.kind() {
            TokenKind::Comma => elem = end + 1,
            TokenKind::Equal if end > elem => {
                let value_end = skip_bitwise_or(&toks, end + 1);
                if value_end == end + 1 || matches!(toks.get(value_end)?.kind(), TokenKind::Equal | TokenKind::ColonEqual) {
                    return None;
                }
                let value_stop = ends(toks[value_end - 1]);
                return element_hint(source, idx, &toks[elem..end], value_stop);
            }
            _ => return None,
        }
    }
}

/// The message for element `elem` (tokens before an `=`) whose value ends at `value_stop`.
fn element_hint(source: &str, idx: &LineIndex, elem: &[&ruff_python_ast::token::Token], value_stop: usize) -> Option<CompileError> {
    let (first, last) = (elem.first()?, elem.last()?);
    let syn = |msg: String, r: std::ops::Range<usize>| Some(CompileError::with_index("SyntaxError", msg, source, idx, r));
    if elem.len() == 1 && first.kind() == TokenKind::Name {
        return syn("invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into(), starts(first)..value_stop);
    }
    if !is_expr_start(first.kind()) && !matches!(first.kind(), TokenKind::Minus | TokenKind::Plus | TokenKind::Tilde | TokenKind::Await) {
        return None;
    }
    // CPython excludes elements that start with a list, tuple or generator expression
    // (or True/None/False); a parenthesized expression counts as what it encloses.
    let mut inner = (starts(first), ends(last));
    match first.kind() {
        TokenKind::True | TokenKind::None | TokenKind::False | TokenKind::Lsqb => return None,
        TokenKind::Lpar => {
            let close = closing_index(elem, 0)?;
            let inside = &elem[1..close];
            if inside.is_empty() || has_top_level(inside, &[TokenKind::Comma, TokenKind::For, TokenKind::Async]) {
                return None;
            }
            if close == elem.len() - 1 {
                inner = (starts(inside[0]), ends(inside[inside.len() - 1]));
            }
        }
        _ => {}
    }
    let what = describe_target(source.get(inner.0..inner.1).unwrap_or(""));
    let what = if source[inner.0..].starts_with("yield") { "yield expression" } else { what };
    syn(format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"), inner.0..inner.1)
}

/// The index of the bracket closing the one at `open`.
fn closing_index(toks: &[&ruff_python_ast::token::Token], open: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (i, t) in toks.iter().enumerate().skip(open) {
        match bracket_char(t.kind()) {
            Some((true, _)) => depth += 1,
            Some((false, _)) => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            None => {}
        }
    }
    None
}

fn has_top_level(toks: &[&ruff_python_ast::token::Token], kinds: &[TokenKind]) -> bool {
    let mut depth = 0i32;
    toks.iter().any(|t| {
        match bracket_char(t.kind()) {
            Some((true, _)) => depth += 1,
            Some((false, _)) => depth -= 1,
            None => {}
        }
        depth == 0 && kinds.contains(&t.kind())
    })
}

/// `describe_target`, with operators at the top level of the expression at `r` first.
fn describe_expr(tokens: &ruff_python_ast::token::Tokens, r: std::ops::Range<usize>, text: &str) -> &'static str {
    use TokenKind::*;
    let toks: Vec<_> = significant(tokens).into_iter().filter(|t| starts(t) >= r.start && ends(t) <= r.end).collect();
    if toks.first().is_some_and(|t| t.kind() == Lambda) {
        "lambda"
    } else if has_top_level(&toks, &[If]) {
        "conditional expression"
    } else if has_top_level(&toks, &[And, Or]) || toks.first().is_some_and(|t| t.kind() == Not) {
        "expression"
    } else if has_top_level(&toks, &[EqEqual, NotEqual, Less, Greater, LessEqual, GreaterEqual, In, Is, Not]) {
        "comparison"
    } else {
        describe_target(text)
    }
}

fn describe_target(text: &str) -> &'static str {
    let t = text.trim();
    if t.ends_with(')') && !t.starts_with('(') {
        "function call"
    } else if t.starts_with('"') || t.starts_with('\'') || t.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        "literal"
    } else if t == "None" || t == "True" || t == "False" || t == "..." {
        if t == "..." { "ellipsis" } else { match t { "None" => "None", "True" => "True", _ => "False" } }
    } else if t.starts_with("lambda") {
        "lambda"
    } else if t.starts_with('{') {
        "dict literal"
    } else if t.starts_with("f\"") || t.starts_with("f'") {
        "f-string expression"
    } else if t.contains(" if ") {
        "conditional expression"
    } else if t.contains("==") || t.contains('<') || t.contains('>') || t.contains("!=") || t.contains(" in ") || t.contains(" is ") {
        "comparison"
    } else {
        "expression"
    }
}

fn prev_token_start(tokens: &ruff_python_ast::token::Tokens, off: usize) -> usize {
    tokens
        .iter()
        .take_while(|t| t.range().end().to_usize() <= off)
        .filter(|t| !matches!(t.kind(), TokenKind::NonLogicalNewline | TokenKind::Comment))
        .last()
        .map(|t| t.range().start().to_usize())
        .unwrap_or(off)
}

fn innermost_bracket(tokens: &ruff_python_ast::token::Tokens, off: usize) -> Option<char> {
    let mut stack = Vec::new();
    for t in tokens.iter() {
        if t.range().start().to_usize() >= off {
            break;
        }
        match bracket_char(t.kind()) {
            Some((true, c)) => stack.push(c),
            Some((false, _)) => {
                stack.pop();
            }
            None => {}
        }
    }
    stack.last().copied()
}

/// CPython's TabError: indentation that compares differently with tab size 8 and 1.
fn tab_error(source: &str, idx: &LineIndex, tokens: &ruff_python_ast::token::Tokens) -> Option<CompileError> {
    if !source.contains('\t') {
        return None;
    }
    let mut stack: Vec<(u32, u32)> = vec![(0, 0)];
    let mut at_line_start = true;
    for t in tokens.iter() {
        match t.kind() {
            TokenKind::Newline => {
                at_line_start = true;
                continue;
            }
            TokenKind::NonLogicalNewline | TokenKind::Comment | TokenKind::Indent | TokenKind::Dedent => continue,
            _ => {}
        }
        if !at_line_start {
            continue;
        }
        at_line_start = false;
        let (line, _) = idx.line_col(t.range().start().to_usize());
        let ls = idx.line_start(line);
        let prefix = &source[ls..t.range().start().to_usize()];
        let (mut col, mut alt) = (0u32, 0u32);
        for ch in prefix.chars() {
            match ch {
                ' ' => {
                    col += 1;
                    alt += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                '\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => {}
            }
        }
        let bad = || {
            Some(
                CompileError::with_index("TabError", "inconsistent use of tabs and spaces in indentation", source, idx, ls..ls)
                    .from_origin(ErrorOrigin::NoEnd(0)),
            )
        };
        let top = *stack.last().unwrap();
        if col == top.0 {
            if alt != top.1 {
                return bad();
            }
        } else if col > top.0 {
            if alt <= top.1 {
                return bad();
            }
            stack.push((col, alt));
        } else {
            while stack.len() > 1 && col < stack.last().unwrap().0 {
                stack.pop();
            }
            let top = *stack.last().unwrap();
            if col == top.0 && alt != top.1 {
                return bad();
            }
        }
    }
    None
}
