//! The pieces of an f-string as CPython 3.11 sees them: adjacent literal text (including
//! implicitly concatenated plain strings and the `x=` text of `{x=}`) merged into one
//! literal, interpolations kept in order. Shared by the bytecode compiler and the
//! runtime's `_ast` converter, so both agree on the shape of a `JoinedStr`.

use ruff_python_ast as ast;

/// One piece of an f-string (or of a format spec).
pub enum Piece<'a> {
    Lit(String),
    Interp(&'a ast::InterpolatedElement),
}

/// The pieces of a whole (possibly implicitly concatenated) f-string expression.
pub fn fstring_pieces(f: &ast::ExprFString) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    for part in f.value.iter() {
        match part {
            ast::FStringPart::Literal(s) => push_lit(&mut pieces, &s.value),
            ast::FStringPart::FString(fs) => collect_pieces(&mut pieces, &fs.elements),
        }
    }
    pieces
}

/// The pieces of a format spec (`{x:>{width}}`).
pub fn spec_pieces(spec: &ast::InterpolatedStringFormatSpec) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    collect_pieces(&mut pieces, &spec.elements);
    pieces
}

fn push_lit(pieces: &mut Vec<Piece<'_>>, s: &str) {
    if let Some(Piece::Lit(last)) = pieces.last_mut() {
        last.push_str(s);
    } else {
        pieces.push(Piece::Lit(s.to_string()));
    }
}

fn collect_pieces<'a>(pieces: &mut Vec<Piece<'a>>, els: &'a ast::InterpolatedStringElements) {
    for el in els.iter() {
        match el {
            ast::InterpolatedStringElement::Literal(l) => push_lit(pieces, &l.value),
            ast::InterpolatedStringElement::Interpolation(i) => {
                if let Some(d) = &i.debug_text {
                    push_lit(pieces, d.as_str());
                }
                pieces.push(Piece::Interp(i));
            }
        }
    }
}
