//! How a str holds a lone surrogate (U+D800..U+DFFF), shared by the frontend (string
//! literals such as `'\udc80'`) and the runtime (`chr`, `ord`, codecs, repr).
//!
//! Text is UTF-8, which cannot encode a surrogate, so surrogate `0xD800 + k` is stored as
//! the stand-in scalar `0x10D800 + k` (plane 16 private use, which programs do not
//! use in practice). Every str operation works on valid UTF-8; the mapping is applied
//! where code points enter or leave a str. A real U+10D800..U+10DFFF character is
//! indistinguishable from the surrogate it stands for (an accepted limit).

/// Distance from a surrogate code point to its stand-in scalar.
pub const STANDIN_OFFSET: u32 = 0x10_0000;

/// Whether `cp` is a surrogate code point.
#[inline]
pub fn is_surrogate(cp: u32) -> bool {
    (0xD800..0xE000).contains(&cp)
}

/// Whether `c` is the stand-in of a lone surrogate.
#[inline]
pub fn is_standin(c: char) -> bool {
    is_surrogate((c as u32).wrapping_sub(STANDIN_OFFSET))
}

/// The Python code point `c` represents (`ord`).
#[inline]
pub fn code_point(c: char) -> u32 {
    if is_standin(c) {
        c as u32 - STANDIN_OFFSET
    } else {
        c as u32
    }
}

/// The char that represents code point `cp` in a str (`chr`), surrogates included;
/// None beyond U+10FFFF.
#[inline]
pub fn char_of(cp: u32) -> Option<char> {
    if is_surrogate(cp) {
        char::from_u32(cp + STANDIN_OFFSET)
    } else {
        char::from_u32(cp)
    }
}

/// Whether `s` holds any stand-in (cheap: stand-ins are the only chars whose UTF-8
/// starts with `F4 8D A0..BF`, and most texts have no `F4` byte at all).
pub fn has_standin(s: &str) -> bool {
    let b = s.as_bytes();
    if !b.contains(&0xF4) {
        return false;
    }
    b.windows(3).any(|w| w[0] == 0xF4 && w[1] == 0x8D && w[2] >= 0xA0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for cp in [0xD800, 0xDC80, 0xDFFF] {
            let c = char_of(cp).unwrap();
            assert!(is_standin(c));
            assert_eq!(code_point(c), cp);
            assert!(has_standin(&c.to_string()));
        }
        assert_eq!(code_point('a'), 97);
        assert!(!has_standin("\u{10D7FF}\u{10E000}abc"));
        assert_eq!(char_of(0x110000), None);
    }
}

/// String literals with `\uXXXX`/`\UXXXXXXXX` escapes of surrogates: ruff's parser
/// decodes those to U+FFFD; CPython keeps the lone surrogate, so the literal's source
/// is scanned again and each such U+FFFD becomes the surrogate's stand-in.
#[cfg(feature = "parser")]
pub mod literals {
    use ruff_python_ast::visitor::transformer::{walk_expr, walk_interpolated_string_element, Transformer};
    use ruff_python_ast::{self as ast, Expr, StringFlags};
    use ruff_text_size::{Ranged, TextRange};

    /// Restores the surrogates of every string literal of a parsed module or expression
    /// (`source` is the text it was parsed from).
    pub fn restore_in_module(m: &mut ast::ModModule, source: &str) {
        if may_have_surrogate_escape(source) {
            Fixer { source }.visit_body(&mut m.body);
        }
    }

    pub fn restore_in_expression(e: &mut ast::ModExpression, source: &str) {
        if may_have_surrogate_escape(source) {
            Fixer { source }.visit_expr(&mut e.body);
        }
    }

    fn may_have_surrogate_escape(source: &str) -> bool {
        source.contains("\\u") || source.contains("\\U")
    }

    struct Fixer<'a> {
        source: &'a str,
    }

    impl Fixer<'_> {
        fn fix(&self, value: &mut Box<str>, body: TextRange, fstring: bool) {
            if !value.contains('\u{fffd}') {
                return;
            }
            let Some(text) = self.source.get(body.start().to_usize()..body.end().to_usize()) else { return };
            let marks = surrogate_escapes(text, fstring);
            if marks.len() != value.chars().count() {
                return; // the scan disagrees with the parser: keep its value
            }
            let fixed: String = value
                .chars()
                .zip(marks)
                .map(|(c, m)| match m {
                    Some(cp) if c == '\u{fffd}' => super::char_of(cp).unwrap_or(c),
                    _ => c,
                })
                .collect();
            *value = fixed.into_boxed_str();
        }

        fn fix_elements(&self, elements: &mut ast::InterpolatedStringElements, raw: bool) {
            for el in elements.iter_mut() {
                match el {
                    ast::InterpolatedStringElement::Literal(l) if !raw => {
                        let r = l.range();
                        self.fix(&mut l.value, r, true);
                    }
                    ast::InterpolatedStringElement::Literal(_) => {}
                    ast::InterpolatedStringElement::Interpolation(i) => {
                        self.visit_expr(&mut i.expression);
                        if let Some(spec) = &mut i.format_spec {
                            self.fix_elements(&mut spec.elements, raw);
                        }
                    }
                }
            }
        }
    }

    impl Transformer for Fixer<'_> {
        fn visit_expr(&self, expr: &mut Expr) {
            walk_expr(self, expr);
        }

        fn visit_string_literal(&self, s: &mut ast::StringLiteral) {
            if s.flags.prefix().is_raw() {
                return;
            }
            let r = s.range();
            let body = TextRange::new(r.start() + s.flags.opener_len(), r.end() - s.flags.closer_len());
            self.fix(&mut s.value, body, false);
        }

        fn visit_f_string(&self, f: &mut ast::FString) {
            let raw = f.flags.prefix().is_raw();
            self.fix_elements(&mut f.elements, raw);
        }

        fn visit_interpolated_string_element(&self, el: &mut ast::InterpolatedStringElement) {
            walk_interpolated_string_element(self, el);
        }
    }

    /// For each char the non-raw literal `body` decodes to: the surrogate it encodes when
    /// it comes from a `\u`/`\U` escape of one.
    fn surrogate_escapes(body: &str, fstring: bool) -> Vec<Option<u32>> {
        let b = body.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        let mut i = 0;
        let hex_run = |from: usize, n: usize| -> Option<u32> {
            let d = b.get(from..from + n)?;
            u32::from_str_radix(std::str::from_utf8(d).ok()?, 16).ok()
        };
        while i < b.len() {
            let c = b[i];
            if fstring && (c == b'{' || c == b'}') && b.get(i + 1) == Some(&c) {
                out.push(None);
                i += 2;
                continue;
            }
            if c != b'\\' {
                out.push(None);
                i += body[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let Some(&n) = b.get(i + 1) else {
                out.push(None);
                break;
            };
            i += 2;
            match n {
                b'\n' => {}
                b'\r' => i += usize::from(b.get(i) == Some(&b'\n')),
                b'0'..=b'7' => {
                    i += b[i..].iter().take(2).take_while(|d| (b'0'..=b'7').contains(d)).count();
                    out.push(None);
                }
                b'x' => {
                    i += 2;
                    out.push(None);
                }
                b'u' | b'U' => {
                    let len = if n == b'u' { 4 } else { 8 };
                    let v = hex_run(i, len);
                    i += len;
                    out.push(v.filter(|&v| super::is_surrogate(v)));
                }
                b'N' => {
                    i += b[i..].iter().position(|&x| x == b'}').map_or(b.len() - i, |p| p + 1);
                    out.push(None);
                }
                b'\\' | b'\'' | b'"' | b'a' | b'b' | b'f' | b'n' | b'r' | b't' | b'v' => out.push(None),
                _ => {
                    // unknown escape: the backslash stays, then the char itself
                    out.push(None);
                    i -= 1;
                }
            }
        }
        out
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn marks() {
            let m = super::surrogate_escapes(r"a\udc80\x41\q\U0000d800\N{BULLET}\
b", false);
            assert_eq!(m, vec![None, Some(0xdc80), None, None, None, Some(0xd800), None, None]);
        }
    }
}
