//! Text formatting: `format(x, spec)` dispatch (`format_obj`), the format-spec
//! mini-language for int, float and str (`format_int_obj`, `format_float_obj`,
//! `format_str_obj`) with CPython's error messages, the `str.format` engine
//! (`str_format`) and printf-style `%` formatting (`percent_format`).
//!
//! Float digits come from Rust's exact formatting (`{:.N}`, `{:.Ne}`, shortest `{:e}`),
//! which rounds the exact binary value half-to-even like CPython's dtoa.

use crate::errors::{index_error, overflow_error, type_error, value_error};
use crate::object::{Obj, PyResult};
use crate::protocol;
use crate::types::float as pyfloat;
use crate::types::int as pyint;
use crate::types::str as pystr;
use crate::types::types;

// ----- the spec mini-language -----

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

fn too_many_digits() -> crate::object::PyErr {
    value_error("Too many decimal digits in format string")
}

/// Parses a format spec; `tyname` is used in the "Invalid format specifier" message.
pub fn parse_spec(spec: &str, tyname: &str) -> PyResult<Spec> {
    let c: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |ch: char| matches!(ch, '<' | '>' | '=' | '^');
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        s.z = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let read_num = |i: &mut usize| -> PyResult<Option<usize>> {
        let st = *i;
        let mut v: usize = 0;
        while *i < c.len() && c[*i].is_ascii_digit() {
            v = v
                .checked_mul(10)
                .and_then(|v| v.checked_add(c[*i] as usize - '0' as usize))
                .filter(|v| *v <= isize::MAX as usize)
                .ok_or_else(too_many_digits)?;
            *i += 1;
        }
        Ok(if *i > st { Some(v) } else { None })
    };
    if let Some(w) = read_num(&mut i)? {
        s.width = w;
    }
    if i < c.len() && (c[i] == ',' || c[i] == '_') {
        s.grouping = Some(c[i]);
        i += 1;
        if i < c.len() && (c[i] == ',' || c[i] == '_') {
            if c[i] == s.grouping.unwrap() {
                return Err(value_error(format!("Cannot specify '{}' with '{}'.", c[i], c[i])));
            }
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        match read_num(&mut i)? {
            Some(p) => s.precision = Some(p),
            None => return Err(value_error("Format specifier missing precision")),
        }
    }
    if c.len() - i > 1 {
        return Err(value_error(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec, tyname
        )));
    }
    if i < c.len() {
        s.ty = Some(c[i]);
    }
    if let (Some(g), Some(t)) = (s.grouping, s.ty) {
        let ok = matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F')
            || (g == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'));
        if !ok {
            return Err(value_error(format!("Cannot specify '{}' with '{}'.", g, t)));
        }
    }
    if s.zero && s.fill.is_none() {
        // Numbers also default to '=' alignment then (see `finish_number`).
        s.fill = Some('0');
    }
    Ok(s)
}

fn unknown_code(ty: char, tyname: &str) -> crate::object::PyErr {
    value_error(format!("Unknown format code '{}' for object of type '{}'", ty, tyname))
}

/// Inserts `sep` every `every` digits from the right of an ASCII digit string.
fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// Pads `body` (with a sign/prefix `head` kept in front for '=' alignment) to the width.
/// The width comes from the program: a padded text that cannot be allocated raises
/// MemoryError, as in CPython.
fn pad(head: &str, body: &str, spec: &Spec, default_align: char) -> PyResult<String> {
    let fill = spec.fill.unwrap_or(' ');
    let align = spec.align.unwrap_or(default_align);
    let len = head.chars().count() + body.chars().count();
    if spec.width <= len {
        let mut s = String::with_capacity(head.len() + body.len());
        s.push_str(head);
        s.push_str(body);
        return Ok(s);
    }
    let total = spec.width - len;
    let (l, r) = match align {
        '<' => (0, total),
        '^' => (total / 2, total - total / 2),
        _ => (total, 0),
    };
    let bytes = total.checked_mul(fill.len_utf8()).and_then(|n| n.checked_add(head.len() + body.len()));
    let mut s = crate::errors::alloc_string(bytes.unwrap_or(usize::MAX))?;
    if align == '=' {
        s.push_str(head);
        s.extend(std::iter::repeat(fill).take(total));
        s.push_str(body);
    } else {
        s.extend(std::iter::repeat(fill).take(l));
        s.push_str(head);
        s.push_str(body);
        s.extend(std::iter::repeat(fill).take(r));
    }
    Ok(s)
}

/// Lays out a number: sign, prefix, integer digits (grouped), the rest (fraction,
/// exponent, suffix), with zero-padding through the grouping like CPython.
fn finish_number(neg: bool, prefix: &str, intpart: &str, rest: &str, spec: &Spec, every: usize) -> PyResult<String> {
    let sign = if neg {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let head = format!("{}{}", sign, prefix);
    let eff;
    let spec = if spec.zero && spec.align.is_none() {
        eff = Spec { align: Some('='), ..spec.clone() };
        &eff
    } else {
        spec
    };
    let grouped = |d: &str| match spec.grouping {
        Some(g) => group_digits(d, g, every),
        None => d.to_string(),
    };
    let mut digits = grouped(intpart);
    let zero_fill = spec.fill == Some('0') && spec.align.unwrap_or('>') == '=';
    if zero_fill && spec.grouping.is_some() {
        let need = spec.width.saturating_sub(head.chars().count() + rest.chars().count());
        // Each digit group adds a separator: the zero-padded digits need about
        // need * every / (every + 1) zeros; reserve them first (MemoryError when huge).
        crate::errors::alloc_string(need)?;
        let mut raw = intpart.to_string();
        while digits.chars().count() < need {
            raw.insert(0, '0');
            digits = grouped(&raw);
        }
    }
    let body = format!("{}{}", digits, rest);
    pad(&head, &body, spec, '>')
}

// ----- int -----

/// `format(int, spec)`.
pub fn format_int_obj(o: &Obj, spec: &str) -> PyResult<Obj> {
    if spec.is_empty() {
        if let Some(i) = o.small_int() {
            return Ok(pystr::decimal(i));
        }
        return protocol::str(o);
    }
    let tyname = o.type_name();
    let s = parse_spec(spec, tyname)?;
    let ty = s.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let v = pyint::int_to_f64(o)?;
            return Ok(pystr::from_string(format_float(v, &s, "int")?));
        }
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        _ => return Err(unknown_code(ty, tyname)),
    }
    if s.precision.is_some() {
        return Err(value_error("Precision not allowed in integer format specifier"));
    }
    if s.z {
        return Err(value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if let Some(g) = s.grouping {
        if ty == 'n' || (g == ',' && ty != 'd') {
            return Err(value_error(format!("Cannot specify '{}' with '{}'.", g, ty)));
        }
    }
    let v = pyint::to_bigint(o).unwrap_or_default();
    let neg = v.sign() == num_bigint::Sign::Minus;
    let mag = v.magnitude();
    if ty == 'c' {
        if s.sign.is_some() {
            return Err(value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if s.alt {
            return Err(value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let cp = num_traits::ToPrimitive::to_u32(&v).filter(|c| *c < 0x110000);
        let Some(ch) = cp.and_then(pystr::char_of) else {
            return Err(overflow_error("%c arg not in range(0x110000)"));
        };
        return Ok(pystr::from_string(pad("", &ch.to_string(), &s, '<')?));
    }
    let (digits, prefix, every) = match ty {
        'b' => (mag.to_str_radix(2), "0b", 4),
        'o' => (mag.to_str_radix(8), "0o", 4),
        'x' => (mag.to_str_radix(16), "0x", 4),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X", 4),
        _ => (pyint::bigint_to_decimal(&num_bigint::BigInt::from(mag.clone()))?, "", 3),
    };
    let prefix = if s.alt { prefix } else { "" };
    Ok(pystr::from_string(finish_number(neg, prefix, &digits, "", &s, every)?))
}

// ----- float -----

/// Splits Rust's `{:.Ne}` output into (mantissa, exponent).
fn split_exp(s: &str) -> (&str, i32) {
    let (m, e) = s.split_once('e').unwrap_or((s, "0"));
    (m, e.parse().unwrap_or(0))
}

fn exp_suffix(e: i32, upper: bool) -> String {
    format!("{}{}{:02}", if upper { 'E' } else { 'e' }, if e < 0 { '-' } else { '+' }, e.abs())
}

/// A double's exact decimal expansion has at most 1074 fraction digits and 767
/// significant digits: past those every digit is 0. Rust's formatter takes precisions
/// up to 65535 only, so larger ones are formatted at the bound and zero-extended.
const EXACT_FRACTION: usize = 1100;
const EXACT_SIGNIFICANT: usize = 800;

/// `format!("{:.p$}", x)` for any precision.
fn fixed_digits(x: f64, p: usize) -> String {
    let mut s = format!("{:.*}", p.min(EXACT_FRACTION), x);
    s.extend(std::iter::repeat('0').take(p.saturating_sub(EXACT_FRACTION)));
    s
}

/// `format!("{:.p$e}", x)` for any precision.
fn exp_digits(x: f64, p: usize) -> String {
    let s = format!("{:.*e}", p.min(EXACT_SIGNIFICANT), x);
    if p <= EXACT_SIGNIFICANT {
        return s;
    }
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    format!("{}{}e{}", m, "0".repeat(p - EXACT_SIGNIFICANT), e)
}

/// Formats |x| (finite) per type `ty`; returns the digits text without sign.
fn float_body(x: f64, ty: char, prec: Option<usize>, alt: bool) -> String {
    let upper = matches!(ty, 'E' | 'F' | 'G');
    match ty {
        'f' | 'F' | '%' => {
            let p = prec.unwrap_or(6);
            let mut s = fixed_digits(x, p);
            if alt && p == 0 {
                s.push('.');
            }
            s
        }
        'e' | 'E' => {
            let p = prec.unwrap_or(6);
            let s = exp_digits(x, p);
            let (m, e) = split_exp(&s);
            let mut out = m.to_string();
            if alt && p == 0 {
                out.push('.');
            }
            out.push_str(&exp_suffix(e, upper));
            out
        }
        'r' => {
            // repr style (no type, no precision)
            let (digits, decpt) = pyfloat::shortest_digits(x);
            let mut out = String::new();
            if !(-4 < decpt && decpt <= 16) {
                pyfloat::layout_exp(&digits, decpt, &mut out);
            } else {
                pyfloat::layout_fixed(&digits, decpt, true, &mut out);
            }
            out
        }
        _ => {
            // 'g', 'G', 'n' and None-with-precision ('N' here: adds ".0").
            let p = match prec {
                Some(0) => 1,
                Some(p) => p,
                None => 6,
            };
            let s = exp_digits(x, p - 1);
            let (m, e) = split_exp(&s);
            let digits: String = m.chars().filter(|c| *c != '.').collect();
            let mut digits = digits;
            if !alt {
                while digits.len() > 1 && digits.ends_with('0') {
                    digits.pop();
                }
            }
            let decpt = e + 1;
            let mut out = String::new();
            let add_dot_0 = ty == 'N';
            // With ".0" added (no type, precision given) CPython switches to exponent
            // notation one digit earlier.
            let limit = if add_dot_0 { p as i32 - 1 } else { p as i32 };
            if -4 <= e && e < limit {
                if alt {
                    // keep exactly p significant digits, always a decimal point
                    let mut d = digits.clone();
                    while d.len() < p {
                        d.push('0');
                    }
                    pyfloat::layout_fixed(&d, decpt, false, &mut out);
                    if !out.contains('.') {
                        out.push('.');
                    }
                } else {
                    pyfloat::layout_fixed(&digits, decpt, add_dot_0, &mut out);
                }
            } else {
                let mut d = digits.clone();
                if alt {
                    while d.len() < p {
                        d.push('0');
                    }
                }
                out.push_str(&d[..1]);
                if d.len() > 1 || alt {
                    out.push('.');
                    out.push_str(&d[1..]);
                }
                out.push_str(&exp_suffix(e, upper));
            }
            out
        }
    }
}

/// `format(float, spec)` on a parsed spec (also used by int for float types).
pub fn format_float(x: f64, s: &Spec, tyname: &str) -> PyResult<String> {
    if s.precision.map_or(false, |p| p > i32::MAX as usize) {
        return Err(value_error("precision too big"));
    }
    let ty = match s.ty {
        None => {
            if s.precision.is_some() {
                'N'
            } else {
                'r'
            }
        }
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) => t,
        Some(t) => return Err(unknown_code(t, tyname)),
    };
    let ty = if ty == 'n' { 'g' } else { ty };
    let mut neg = x.is_sign_negative() && !x.is_nan();
    let upper = matches!(ty, 'E' | 'F' | 'G');
    if !x.is_finite() {
        let mut t = if x.is_nan() { "nan".to_string() } else { "inf".to_string() };
        if upper {
            t = t.to_uppercase();
        }
        if ty == '%' {
            t.push('%');
        }
        return finish_number(neg, "", "", &t, s, 3);
    }
    let v = if ty == '%' { x.abs() * 100.0 } else { x.abs() };
    let mut body = float_body(v, ty, s.precision, s.alt);
    if ty == '%' {
        body.push('%');
    }
    if neg && s.z {
        // Negative zero coercion: the result rounds to zero.
        let mant = body.split(['e', 'E']).next().unwrap_or("");
        if mant.chars().all(|c| c == '0' || c == '.' || c == '%') {
            neg = false;
        }
    }
    // Split integer digits from the rest for grouping.
    let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    let (ip, rest) = body.split_at(split);
    finish_number(neg, "", ip, rest, s, 3)
}

/// `format(float, spec)`.
pub fn format_float_obj(o: &Obj, spec: &str) -> PyResult<Obj> {
    if spec.is_empty() {
        return protocol::str(o);
    }
    let s = parse_spec(spec, o.type_name())?;
    let x = pyfloat::as_f64(o).unwrap_or(0.0);
    Ok(pystr::from_string(format_float(x, &s, o.type_name())?))
}

// ----- str -----

/// Applies a spec to text (`format(str, spec)`).
pub fn format_text(text: &str, s: &Spec, tyname: &str) -> PyResult<String> {
    if let Some(t) = s.ty {
        if t != 's' {
            return Err(unknown_code(t, tyname));
        }
    }
    if s.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if s.z {
        return Err(value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if s.alt {
        return Err(value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if s.align == Some('=') {
        return Err(value_error("'=' alignment not allowed in string format specifier"));
    }
    if let Some(g) = s.grouping {
        return Err(value_error(format!("Cannot specify '{}' with 's'.", g)));
    }
    let t: &str = match s.precision {
        Some(p) => match text.char_indices().nth(p) {
            Some((b, _)) => &text[..b],
            None => text,
        },
        None => text,
    };
    pad("", t, s, '<')
}

/// `format(str, spec)`.
pub fn format_str_obj(o: &Obj, spec: &str) -> PyResult<Obj> {
    let text = pystr::as_str(o).unwrap_or("");
    if spec.is_empty() {
        return Ok(if o.is_exact(types().str) { o.clone() } else { pystr::new(text) });
    }
    let s = parse_spec(spec, o.type_name())?;
    Ok(pystr::from_string(format_text(text, &s, o.type_name())?))
}

// ----- generic dispatch -----

/// `format(o, spec)`: the type's `__format__`, with fast paths for the built-in types.
pub fn format_obj(o: &Obj, spec: &str) -> PyResult<Obj> {
    let t = types();
    if o.is_small_int() || o.is_exact(t.int) || o.is_exact(t.bool_) {
        return format_int_obj(o, spec);
    }
    if o.is_exact(t.float) {
        return format_float_obj(o, spec);
    }
    if o.is_exact(t.str) {
        return format_str_obj(o, spec);
    }
    if let Some(m) = o.ty().lookup_str("__format__") {
        let bound = crate::types::descriptors::bind(&m, Some(o), &o.type_obj())?;
        let r = protocol::call(&bound, &[pystr::new(spec)])?;
        if !pystr::is_str(&r) {
            return Err(type_error(format!("__format__ must return a str, not {}", r.type_name())));
        }
        return Ok(r);
    }
    object_format(o, spec)
}

/// `object.__format__`: empty spec means `str(o)`.
pub fn object_format(o: &Obj, spec: &str) -> PyResult<Obj> {
    if !spec.is_empty() {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            o.type_name()
        )));
    }
    protocol::str(o)
}

/// Applies a `!r`/`!s`/`!a` conversion.
pub fn convert(o: &Obj, conv: char) -> PyResult<Obj> {
    match conv {
        'r' => protocol::repr(o),
        's' => protocol::str(o),
        'a' => {
            let r = protocol::repr_string(o)?;
            Ok(pystr::from_string(pystr::ascii_escape(&r)))
        }
        c => Err(value_error(format!("Unknown conversion specifier {}", c))),
    }
}

// ----- str.format -----

struct FmtState<'a> {
    args: &'a [Obj],
    lookup: &'a dyn Fn(&str) -> PyResult<Obj>,
    auto: Option<usize>,
    manual: bool,
}

/// `fmt.format(*args, **kw)`: `lookup(name)` resolves keyword fields (KeyError if absent).
pub fn str_format(fmt: &str, args: &[Obj], lookup: &dyn Fn(&str) -> PyResult<Obj>) -> PyResult<String> {
    let mut st = FmtState { args, lookup, auto: None, manual: false };
    format_rec(fmt, &mut st, 2)
}

fn format_rec(fmt: &str, st: &mut FmtState, depth: i32) -> PyResult<String> {
    if depth <= 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' || c == '}' {
            let at_end = i + 1 >= chars.len();
            if c == '}' && (at_end || chars[i + 1] != '}') {
                return Err(value_error("Single '}' encountered in format string"));
            }
            if at_end {
                return Err(value_error("Single '{' encountered in format string"));
            }
            if chars[i + 1] == c {
                out.push(c);
                i += 2;
                continue;
            }
            i += 1;
            let (name, conv, spec) = parse_field(&chars, &mut i)?;
            out.push_str(&render_field(&name, conv, spec, st, depth)?);
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

/// Parses one replacement field starting just after its `{`, leaving `*i` just after
/// its closing `}`: (field name, conversion, format spec), with CPython's
/// (`parse_field`) error messages and order of checks.
pub fn parse_field(chars: &[char], i: &mut usize) -> PyResult<(String, Option<char>, String)> {
    let name_start = *i;
    let mut c = '\0';
    while *i < chars.len() {
        c = chars[*i];
        *i += 1;
        match c {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                while *i < chars.len() && chars[*i] != ']' {
                    *i += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let name: String = chars[name_start..(*i).saturating_sub(1).max(name_start)].iter().collect();
    if c != '!' && c != ':' {
        if c != '}' {
            return Err(value_error("expected '}' before end of string"));
        }
        return Ok((name, None, String::new()));
    }
    let mut conv = None;
    if c == '!' {
        if *i >= chars.len() {
            return Err(value_error("end of string while looking for conversion specifier"));
        }
        conv = Some(chars[*i]);
        *i += 1;
        if *i < chars.len() {
            let d = chars[*i];
            *i += 1;
            if d == '}' {
                return Ok((name, conv, String::new()));
            }
            if d != ':' {
                return Err(value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *i;
    let mut count = 1;
    while *i < chars.len() {
        let d = chars[*i];
        *i += 1;
        match d {
            '{' => count += 1,
            '}' => {
                count -= 1;
                if count == 0 {
                    return Ok((name, conv, chars[spec_start..*i - 1].iter().collect()));
                }
            }
            _ => {}
        }
    }
    Err(value_error("unmatched '{' in format spec"))
}

fn render_field(name: &str, conv: Option<char>, spec: String, st: &mut FmtState, depth: i32) -> PyResult<String> {
    let mut obj = resolve_field(name, st)?;
    if let Some(c) = conv {
        obj = convert(&obj, c)?;
    }
    let spec = if spec.contains('{') { format_rec(&spec, st, depth - 1)? } else { spec };
    let r = format_obj(&obj, &spec)?;
    Ok(pystr::as_str(&r).unwrap_or("").to_string())
}

fn resolve_field(name: &str, st: &mut FmtState) -> PyResult<Obj> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut obj = if first.is_empty() {
        if st.manual {
            return Err(value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let n = st.auto.map(|n| n + 1).unwrap_or(0);
        st.auto = Some(n);
        positional(st, n)?
    } else if first.chars().all(|c| c.is_ascii_digit()) {
        if st.auto.is_some() {
            return Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        st.manual = true;
        let n: usize = first.parse().map_err(|_| too_many_digits())?;
        positional(st, n)?
    } else {
        (st.lookup)(first)?
    };
    let rest: Vec<char> = name[first_end..].chars().collect();
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            '.' => {
                let mut j = i + 1;
                while j < rest.len() && rest[j] != '.' && rest[j] != '[' {
                    j += 1;
                }
                let attr: String = rest[i + 1..j].iter().collect();
                if attr.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                obj = protocol::getattr(&obj, &pystr::new(&attr))?;
                i = j;
            }
            '[' => {
                let mut j = i + 1;
                while j < rest.len() && rest[j] != ']' {
                    j += 1;
                }
                if j >= rest.len() {
                    return Err(value_error("Missing ']' in format string"));
                }
                let key: String = rest[i + 1..j].iter().collect();
                if key.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                let k = if key.chars().all(|c| c.is_ascii_digit()) {
                    pyint::from_i64(key.parse::<i64>().unwrap_or(0))
                } else {
                    pystr::new(&key)
                };
                obj = protocol::getitem(&obj, &k)?;
                i = j + 1;
                if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
                }
            }
            _ => return Err(value_error("Only '.' or '[' may follow ']' in format field specifier")),
        }
    }
    Ok(obj)
}

fn positional(st: &FmtState, n: usize) -> PyResult<Obj> {
    st.args.get(n).cloned().ok_or_else(|| {
        index_error(format!("Replacement index {} out of range for positional args tuple", n))
    })
}

// ----- printf-style formatting -----

/// The `%` formatter, once enabled. Only programs that may format with `%` link it (16 KB):
/// the generated `main` calls `pyrt_enable_percent_format` when the program has a `%` or
/// `%=` operator anywhere or spells `__mod__`, `__rmod__` or `operator`'s `mod`
/// (codegen/mod.rs `start_up_enablers`); `pyrt_enable_all_methods` enables it too.
type PercentFormatter = fn(Vec<char>, &Obj, bool) -> PyResult<String>;
static PERCENT: std::sync::OnceLock<PercentFormatter> = std::sync::OnceLock::new();

#[no_mangle]
pub extern "C" fn pyrt_enable_percent_format() {
    PERCENT.get_or_init(|| percent_impl);
}

fn percent(fmt: Vec<char>, args: &Obj, bytes: bool) -> PyResult<String> {
    match PERCENT.get() {
        Some(format) => format(fmt, args, bytes),
        // unreachable by the enabling rule; a bug there must not crash the program
        None => Err(crate::errors::new_error(crate::types::exceptions::exc().system_error, "printf-style formatting was not linked into this executable")),
    }
}

/// `fmt % args` for str.
pub fn percent_format(fmt: &str, args: &Obj) -> PyResult<String> {
    percent(fmt.chars().collect(), args, false)
}

/// `bytes % args` (also bytearray): the format and the result are bytes.
pub fn percent_format_bytes(fmt: &[u8], args: &Obj) -> PyResult<Vec<u8>> {
    // Bytes travel as the chars U+0000..U+00FF; every piece is built that way too.
    let out = percent(fmt.iter().map(|b| *b as char).collect(), args, true)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|c| *c as char).collect()
}

fn percent_impl(chars: Vec<char>, args: &Obj, bytes_mode: bool) -> PyResult<String> {
    let (items, is_tuple): (Vec<Obj>, bool) = match crate::types::tuple::as_slice(args) {
        Some(s) => (s.to_vec(), true),
        None => (vec![args.clone()], false),
    };
    let is_text = if bytes_mode {
        crate::types::bytes::as_bytes_any(args).is_some() && !crate::types::memoryview::is_memoryview(args)
    } else {
        pystr::is_str(args)
    };
    let mapping = if !is_tuple && !is_text && args.ty().slots().getitem.is_some() {
        Some(args.clone())
    } else {
        None
    };
    let what = if bytes_mode { "bytes" } else { "string" };
    let mut out = String::with_capacity(chars.len() + 16);
    let mut argi = 0usize;
    let mut used_mapping = false;
    let next_arg = |argi: &mut usize| -> PyResult<Obj> {
        if *argi < items.len() {
            *argi += 1;
            Ok(items[*argi - 1].clone())
        } else {
            Err(type_error("not enough arguments for format string"))
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= chars.len() {
            return Err(value_error("incomplete format"));
        }
        // %(key)
        let mut keyed: Option<Obj> = None;
        if chars[i] == '(' {
            let Some(m) = &mapping else {
                return Err(type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() {
                if chars[j] == '(' {
                    depth += 1;
                } else if chars[j] == ')' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(value_error("incomplete format key"));
            }
            let key: String = chars[i + 1..j].iter().collect();
            let key = if bytes_mode {
                crate::types::bytes::new(key.chars().map(|c| c as u32 as u8).collect())
            } else {
                pystr::new(&key)
            };
            keyed = Some(protocol::getitem(m, &key)?);
            used_mapping = true;
            i = j + 1;
        }
        let mut spec = Spec::default();
        let mut left = false;
        while i < chars.len() {
            match chars[i] {
                '-' => left = true,
                '+' => spec.sign = Some('+'),
                ' ' => {
                    if spec.sign != Some('+') {
                        spec.sign = Some(' ')
                    }
                }
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        // width
        if i < chars.len() && chars[i] == '*' {
            let w = next_arg(&mut argi)?;
            let wv = pyint::to_i64(&w).ok_or_else(|| type_error("* wants int"))?;
            if wv < 0 {
                left = true;
            }
            spec.width = wv.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < chars.len() && chars[i].is_ascii_digit() {
                spec.width = spec.width.saturating_mul(10).saturating_add(chars[i] as usize - '0' as usize);
                i += 1;
            }
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let mut p = 0usize;
            if i < chars.len() && chars[i] == '*' {
                let w = next_arg(&mut argi)?;
                p = pyint::to_i64(&w).ok_or_else(|| type_error("* wants int"))?.max(0) as usize;
                i += 1;
            } else {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    p = p.saturating_mul(10).saturating_add(chars[i] as usize - '0' as usize);
                    i += 1;
                }
            }
            spec.precision = Some(p);
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(value_error("incomplete format"));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let arg = match &keyed {
            Some(v) => v.clone(),
            None => next_arg(&mut argi)?,
        };
        if left {
            spec.align = Some('<');
            spec.fill = Some(' ');
        } else if spec.zero && matches!(conv, 'd' | 'i' | 'u' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G') {
            spec.fill = Some('0');
            spec.align = Some('=');
        } else {
            spec.align = Some('>');
        }
        let piece = match conv {
            's' | 'b' if bytes_mode => {
                let data = match crate::types::bytes::buffer_data(&arg) {
                    Some(d) => d,
                    None => match protocol::call_special(&arg, "__bytes__", &[])? {
                        Some(r) if crate::types::bytes::as_bytes(&r).is_some() => {
                            crate::types::bytes::as_bytes(&r).unwrap_or(&[]).to_vec()
                        }
                        Some(r) => {
                            return Err(type_error(format!(
                                "__bytes__ returned non-bytes (type {})",
                                r.type_name()
                            )))
                        }
                        None => {
                            return Err(type_error(format!(
                                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                                arg.type_name()
                            )))
                        }
                    },
                };
                let mut text = latin1(&data);
                if let Some(p) = spec.precision {
                    text = text.chars().take(p).collect();
                }
                let mut sp = spec.clone();
                sp.sign = None;
                sp.alt = false;
                sp.fill = Some(' ');
                if sp.align == Some('=') {
                    sp.align = Some('>');
                }
                pad("", &text, &sp, '>')?
            }
            'r' | 'a' if bytes_mode => {
                let r = protocol::repr_string(&arg)?;
                let mut text = pystr::ascii_escape(&r);
                if let Some(p) = spec.precision {
                    text = text.chars().take(p).collect();
                }
                let mut sp = spec.clone();
                sp.sign = None;
                sp.fill = Some(' ');
                if sp.align == Some('=') {
                    sp.align = Some('>');
                }
                pad("", &text, &sp, '>')?
            }
            'c' if bytes_mode => {
                let ch = if let Some(b) = crate::types::bytes::as_bytes_any(&arg).filter(|_| !pyint::is_int(&arg)) {
                    if b.len() != 1 {
                        return Err(type_error("%c requires an integer in range(256) or a single byte"));
                    }
                    b[0] as char
                } else if pyint::is_int(&arg) || arg.ty().slots().index.is_some() {
                    let v = protocol::index(&arg)?;
                    match pyint::to_i64(&v).filter(|v| (0..256).contains(v)) {
                        Some(v) => v as u8 as char,
                        None => return Err(overflow_error("%c arg not in range(256)")),
                    }
                } else {
                    return Err(type_error("%c requires an integer in range(256) or a single byte"));
                };
                let mut sp = spec.clone();
                sp.fill = Some(' ');
                if sp.align == Some('=') {
                    sp.align = Some('>');
                }
                pad("", &ch.to_string(), &sp, '>')?
            }
            's' | 'r' | 'a' => {
                let o = convert(&arg, conv)?;
                let text = pystr::as_str(&o).unwrap_or("");
                let mut sp = spec.clone();
                sp.sign = None;
                sp.alt = false;
                sp.fill = Some(' ');
                if sp.align == Some('=') {
                    sp.align = Some('>');
                }
                format_text(text, &sp, "str")?
            }
            'd' | 'i' | 'u' => {
                let v = percent_int(&arg, conv)?;
                let b = pyint::to_bigint(&v).unwrap_or_default();
                let mut digits = pyint::bigint_to_decimal(&num_bigint::BigInt::from(b.magnitude().clone()))?;
                if let Some(p) = spec.precision {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                finish_number(b.sign() == num_bigint::Sign::Minus, "", &digits, "", &spec, 3)?
            }
            'o' | 'x' | 'X' => {
                if !pyint::is_int(&arg) && arg.ty().slots().index.is_none() {
                    return Err(type_error(format!(
                        "%{} format: an integer is required, not {}",
                        conv,
                        arg.type_name()
                    )));
                }
                let v = protocol::index(&arg)?;
                let b = pyint::to_bigint(&v).unwrap_or_default();
                let mag = b.magnitude();
                let (mut digits, prefix) = match conv {
                    'o' => (mag.to_str_radix(8), "0o"),
                    'x' => (mag.to_str_radix(16), "0x"),
                    _ => (mag.to_str_radix(16).to_uppercase(), "0X"),
                };
                if let Some(p) = spec.precision {
                    while digits.len() < p {
                        digits.insert(0, '0');
                    }
                }
                let prefix = if spec.alt { prefix } else { "" };
                finish_number(b.sign() == num_bigint::Sign::Minus, prefix, &digits, "", &spec, 3)?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = pyfloat::to_f64(&arg)?;
                let mut sp = spec.clone();
                sp.ty = Some(conv);
                if sp.precision.is_none() {
                    sp.precision = Some(6);
                }
                format_float(x, &sp, "float")?
            }
            'c' => {
                let ch = if let Some(s) = pystr::as_str(&arg) {
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => c,
                        _ => return Err(type_error("%c requires int or char")),
                    }
                } else if pyint::is_int(&arg) {
                    let v = pyint::to_i64(&arg).unwrap_or(-1);
                    match u32::try_from(v).ok().filter(|v| *v < 0x110000) {
                        Some(v) => pystr::char_of(v).unwrap_or('\u{fffd}'),
                        None => return Err(overflow_error("%c arg not in range(0x110000)")),
                    }
                } else {
                    return Err(type_error("%c requires int or char"));
                };
                let mut sp = spec.clone();
                sp.fill = Some(' ');
                if sp.align == Some('=') {
                    sp.align = Some('>');
                }
                pad("", &ch.to_string(), &sp, '>')?
            }
            other => {
                let idx = chars[..i - 1].iter().collect::<String>().chars().count();
                let _ = start;
                return Err(value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    other, other as u32, idx
                )));
            }
        };
        out.push_str(&piece);
    }
    if argi < items.len() && !used_mapping && mapping.is_none() {
        return Err(type_error(format!("not all arguments converted during {} formatting", what)));
    }
    if argi < items.len() && is_tuple {
        return Err(type_error(format!("not all arguments converted during {} formatting", what)));
    }
    Ok(out)
}

fn percent_int(arg: &Obj, conv: char) -> PyResult<Obj> {
    if pyint::is_int(arg) {
        return Ok(pyint::exact_int(arg));
    }
    if let Some(f) = pyfloat::as_f64(arg) {
        return pyint::from_f64_trunc(f);
    }
    let sl = arg.ty().slots();
    if sl.index.is_some() {
        return protocol::index(arg);
    }
    if let Some(f) = sl.int {
        return f(arg);
    }
    if sl.float.is_some() {
        return pyint::from_f64_trunc(pyfloat::to_f64(arg)?);
    }
    Err(type_error(format!("%{} format: a real number is required, not {}", conv, arg.type_name())))
}
