//! `complex`: `ComplexObj` (two f64), arithmetic with int/float/complex operands
//! (`+ - * / **` with CPython's algorithms so results agree bit for bit: Smith-style
//! division, repeated squaring for small integral exponents, polar form otherwise),
//! `==`/`!=` only (ordering raises TypeError), abs, hash (`hash(re) + 1000003*hash(im)`),
//! CPython's repr (`1j`, `(1+2j)`, `(-0-0j)`, `(nan+infj)`), format specs, and the
//! `complex(real, imag)` / `complex(str)` constructor.

use pyc_frontend::bytecode::{BinOp, CmpOp};

use super::float;
use super::int;
use super::none::not_implemented;
use super::typeobj::{drop_nothing, KwArgs, MethodDef, TypeObject};
use super::{types, TypeSpec};
use crate::errors::{overflow_error, type_error, value_error, zero_division_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};

#[repr(C)]
pub struct ComplexObj {
    pub head: ObjHeader,
    pub re: f64,
    pub im: f64,
}

/// A new complex object.
pub fn new(re: f64, im: f64) -> Obj {
    alloc(types().complex, ComplexObj { head: header(), re, im })
}

fn new_of_type(ty: &TypeObject, re: f64, im: f64) -> Obj {
    alloc(ty, ComplexObj { head: header(), re, im })
}

/// The value of a complex instance (complex or subclass).
pub fn as_complex(o: &Obj) -> Option<(f64, f64)> {
    o.downcast::<ComplexObj>(types().complex).map(|c| (c.re, c.im))
}

/// Is `o` a complex (or subclass instance)?
pub fn is_complex(o: &Obj) -> bool {
    !o.is_small_int() && o.isinstance(types().complex)
}

fn val(o: &Obj) -> (f64, f64) {
    as_complex(o).unwrap_or((0.0, 0.0))
}

/// A binary operand as a complex value: complex, float or int; `None` otherwise.
fn operand(o: &Obj) -> Option<PyResult<(f64, f64)>> {
    if let Some(i) = o.small_int() {
        return Some(Ok((i as f64, 0.0)));
    }
    if let Some(c) = as_complex(o) {
        return Some(Ok(c));
    }
    if let Some(f) = float::as_f64(o) {
        return Some(Ok((f, 0.0)));
    }
    if int::is_int(o) {
        return Some(int::int_to_f64(o).map(|f| (f, 0.0)));
    }
    None
}

// ----- arithmetic on pairs -----

type C = (f64, f64);

fn c_prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// Division; `None` when the divisor is zero.
fn c_quot(a: C, b: C) -> Option<C> {
    let abs_br = b.0.abs();
    let abs_bi = b.1.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// Errors of the power algorithms.
enum PowErr {
    Domain,
}

fn c_powu(x: C, n: i64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

fn c_powi(x: C, n: i64) -> Result<C, PowErr> {
    if n > 0 {
        Ok(c_powu(x, n))
    } else {
        c_quot((1.0, 0.0), c_powu(x, -n)).ok_or(PowErr::Domain)
    }
}

fn c_pow(a: C, b: C) -> Result<C, PowErr> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PowErr::Domain);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `a ** b` on complex values with CPython's errors.
pub fn pow_values(a: C, b: C) -> PyResult<C> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        c_powi(a, b.0 as i64)
    } else {
        c_pow(a, b)
    };
    match r {
        Err(PowErr::Domain) => Err(zero_division_error("0.0 to a negative or complex power")),
        Ok(p) => {
            if p.0.is_infinite() || p.1.is_infinite() {
                Err(overflow_error("complex exponentiation"))
            } else {
                Ok(p)
            }
        }
    }
}

fn binop(a: &Obj, b: &Obj, op: BinOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (operand(a), operand(b)) else {
        return Ok(not_implemented());
    };
    let (x, y) = (x?, y?);
    let r = match op {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mul => c_prod(x, y),
        BinOp::TrueDiv => c_quot(x, y).ok_or_else(|| zero_division_error("complex division by zero"))?,
        BinOp::Pow => pow_values(x, y)?,
        _ => return Ok(not_implemented()),
    };
    Ok(new(r.0, r.1))
}

macro_rules! complex_slot {
    ($name:ident, $op:expr) => {
        fn $name(a: &Obj, b: &Obj) -> PyResult<Obj> {
            binop(a, b, $op)
        }
    };
}
complex_slot!(complex_add, BinOp::Add);
complex_slot!(complex_sub, BinOp::Sub);
complex_slot!(complex_mul, BinOp::Mul);
complex_slot!(complex_truediv, BinOp::TrueDiv);
complex_slot!(complex_pow, BinOp::Pow);

fn complex_neg(a: &Obj) -> PyResult<Obj> {
    let (re, im) = val(a);
    Ok(new(-re, -im))
}
fn complex_pos(a: &Obj) -> PyResult<Obj> {
    if a.is_exact(types().complex) {
        return Ok(a.clone());
    }
    let (re, im) = val(a);
    Ok(new(re, im))
}

/// `abs(z)` with C99's rules for infinities and NaNs.
pub fn abs_values(re: f64, im: f64) -> PyResult<f64> {
    if !re.is_finite() || !im.is_finite() {
        if re.is_infinite() || im.is_infinite() {
            return Ok(f64::INFINITY);
        }
        return Ok(f64::NAN);
    }
    let r = re.hypot(im);
    if !r.is_finite() {
        return Err(overflow_error("absolute value too large"));
    }
    Ok(r)
}

fn complex_abs(a: &Obj) -> PyResult<Obj> {
    let (re, im) = val(a);
    Ok(float::new(abs_values(re, im)?))
}
fn complex_bool(a: &Obj) -> PyResult<bool> {
    let (re, im) = val(a);
    Ok(re != 0.0 || im != 0.0)
}

fn complex_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if op != CmpOp::Eq && op != CmpOp::Ne {
        return Ok(not_implemented());
    }
    let Some((re, im)) = as_complex(a) else { return Ok(not_implemented()) };
    let eq = if int::is_int(b) {
        im == 0.0 && int::compare_int_float(b, re) == Some(std::cmp::Ordering::Equal)
    } else if let Some(f) = float::as_f64(b) {
        re == f && im == 0.0
    } else if let Some((re2, im2)) = as_complex(b) {
        re == re2 && im == im2
    } else {
        return Ok(not_implemented());
    };
    Ok(super::bool::from_bool(if op == CmpOp::Eq { eq } else { !eq }))
}

fn complex_hash(o: &Obj) -> PyResult<i64> {
    let (re, im) = val(o);
    let nan_hash = |_: f64| {
        let r = o.raw();
        (r >> 4 | r << 60) as i64
    };
    let hr = if re.is_nan() { nan_hash(re) } else { float::hash_f64(re) };
    let hi = if im.is_nan() { nan_hash(im) } else { float::hash_f64(im) };
    let h = (hr as u64).wrapping_add((hi as u64).wrapping_mul(1000003)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

// ----- repr and format -----

/// One part in repr style: shortest round-trip digits, no ".0" added.
fn repr_part(x: f64, force_sign: bool) -> String {
    let mut out = String::new();
    if x.is_nan() {
        if force_sign {
            out.push('+');
        }
        out.push_str("nan");
        return out;
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if force_sign {
        out.push('+');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let (digits, decpt) = float::shortest_digits(x);
    if !(-4 < decpt && decpt <= 16) {
        float::layout_exp(&digits, decpt, &mut out);
    } else {
        float::layout_fixed(&digits, decpt, false, &mut out);
    }
    out
}

/// CPython's `repr(complex)`.
pub fn repr_values(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", repr_part(im, false))
    } else {
        format!("({}{}j)", repr_part(re, false), repr_part(im, true))
    }
}

fn complex_repr(o: &Obj) -> PyResult<Obj> {
    let (re, im) = val(o);
    Ok(super::str::from_string(repr_values(re, im)))
}

/// `format(complex, spec)`.
pub fn format_complex(o: &Obj, spec: &str) -> PyResult<Obj> {
    if spec.is_empty() {
        return crate::protocol::str(o);
    }
    let tyname = o.type_name();
    let s = crate::format::parse_spec(spec, tyname)?;
    let (re, im) = val(o);
    if s.fill == Some('0') {
        return Err(value_error("Zero padding is not allowed in complex format specifier"));
    }
    if s.align == Some('=') {
        return Err(value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    match s.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => {
            return Err(value_error(format!(
                "Unknown format code '{}' for object of type '{}'",
                t, tyname
            )))
        }
    }
    let mut skip_re = false;
    let mut parens = false;
    let repr_style = s.ty.is_none() && s.precision.is_none();
    if s.ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    let part = |x: f64, sign: Option<char>| -> PyResult<String> {
        let sub = crate::format::Spec {
            fill: None,
            align: None,
            sign,
            z: s.z,
            alt: s.alt,
            zero: false,
            width: 0,
            grouping: s.grouping,
            precision: s.precision,
            ty: Some(s.ty.unwrap_or('g')),
        };
        if repr_style {
            let mut t = repr_part(x, sign == Some('+'));
            if sign == Some(' ') && !t.starts_with('-') {
                t.insert(0, ' ');
            }
            if s.z && t.starts_with('-') && x == 0.0 {
                t.remove(0);
            }
            return Ok(t);
        }
        crate::format::format_float(x, &sub, tyname)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(re, s.sign)?);
    }
    let im_sign = if skip_re { s.sign } else { Some('+') };
    body.push_str(&part(im, im_sign)?);
    body.push('j');
    if parens {
        body.push(')');
    }
    let n = body.chars().count();
    if s.width <= n {
        return Ok(super::str::from_string(body));
    }
    let fill = s.fill.unwrap_or(' ');
    let total = s.width - n;
    let (l, r) = match s.align.unwrap_or('>') {
        '<' => (0, total),
        '^' => (total / 2, total - total / 2),
        _ => (total, 0),
    };
    let mut out = String::new();
    out.extend(std::iter::repeat(fill).take(l));
    out.push_str(&body);
    out.extend(std::iter::repeat(fill).take(r));
    Ok(super::str::from_string(out))
}

// ----- constructor -----

fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// The longest float literal at the start of `b` (optional sign, digits with single
/// underscores between them, fraction, exponent, or inf/infinity/nan).
fn float_prefix(b: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let neg = match b.first() {
        Some(b'+') => {
            i = 1;
            false
        }
        Some(b'-') => {
            i = 1;
            true
        }
        _ => false,
    };
    let rest = &b[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(|c| c.to_ascii_lowercase()).collect();
    let sgn = |v: f64| if neg { -v } else { v };
    if lower.starts_with(b"infinity") {
        return Some((sgn(f64::INFINITY), i + 8));
    }
    if lower.starts_with(b"inf") {
        return Some((sgn(f64::INFINITY), i + 3));
    }
    if lower.starts_with(b"nan") {
        return Some((sgn(f64::NAN), i + 3));
    }
    let mut text = String::new();
    // digits with underscores between digits
    let digits = |i: &mut usize, text: &mut String| -> Option<usize> {
        let st = *i;
        let mut n = 0;
        while *i < b.len() {
            let c = b[*i];
            if c.is_ascii_digit() {
                text.push(c as char);
                n += 1;
                *i += 1;
            } else if c == b'_' && *i > st && b[*i - 1].is_ascii_digit() && *i + 1 < b.len() && b[*i + 1].is_ascii_digit() {
                *i += 1;
            } else {
                break;
            }
        }
        if *i > st && b[*i - 1] == b'_' {
            return None;
        }
        Some(n)
    };
    let nint = digits(&mut i, &mut text)?;
    let mut nfrac = 0;
    if i < b.len() && b[i] == b'.' {
        text.push('.');
        i += 1;
        if i < b.len() && b[i] == b'_' {
            return None;
        }
        nfrac = digits(&mut i, &mut text)?;
    }
    if nint + nfrac == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        let mut et = String::from("e");
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            et.push(b[j] as char);
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            let n = digits(&mut j, &mut et)?;
            if n > 0 {
                text.push_str(&et);
                i = j;
            }
        }
    }
    let v: f64 = text.parse().ok()?;
    Some((sgn(v), i))
}

/// Parses `complex(str)` text; `Err(true)` for misplaced underscores, `Err(false)` if
/// otherwise malformed.
pub fn parse_complex_text(s: &str) -> Result<(f64, f64), bool> {
    // Non-ASCII decimal digits and spaces count as their ASCII forms.
    let mut t = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            t.push(c);
        } else if py_isspace(c) {
            t.push(' ');
        } else if let Some(d) = int::unicode_decimal(c) {
            t.push(std::char::from_digit(d, 10).ok_or(false)?);
        } else {
            return Err(false);
        }
    }
    if t.contains('_') {
        // Underscores only between digits; then they are dropped.
        let mut prev = '\0';
        let mut clean = String::with_capacity(t.len());
        for c in t.chars() {
            if c == '_' {
                if !prev.is_ascii_digit() {
                    return Err(true);
                }
            } else {
                if prev == '_' && !c.is_ascii_digit() {
                    return Err(true);
                }
                clean.push(c);
            }
            prev = c;
        }
        if prev == '_' {
            return Err(true);
        }
        t = clean;
    }
    let mut b = t.trim_matches(py_isspace).as_bytes();
    if b.first() == Some(&b'(') {
        if b.last() != Some(&b')') || b.len() < 2 {
            return Err(false);
        }
        b = &b[1..b.len() - 1];
        let inner = std::str::from_utf8(b).map_err(|_| false)?.trim_matches(py_isspace);
        b = inner.as_bytes();
    }
    if b.is_empty() {
        return Err(false);
    }
    let is_j = |c: u8| c == b'j' || c == b'J';
    if let Some((x, n)) = float_prefix(b) {
        if n == b.len() {
            return Ok((x, 0.0));
        }
        let c = b[n];
        if is_j(c) {
            return if n + 1 == b.len() { Ok((0.0, x)) } else { Err(false) };
        }
        if c == b'+' || c == b'-' {
            let rest = &b[n..];
            if let Some((y, m)) = float_prefix(rest) {
                if m + 1 == rest.len() && is_j(rest[m]) {
                    return Ok((x, y));
                }
                return Err(false);
            }
            if rest.len() == 2 && is_j(rest[1]) {
                return Ok((x, if c == b'-' { -1.0 } else { 1.0 }));
            }
        }
        return Err(false);
    }
    // "[+-]j"
    let (sign, rest) = match b[0] {
        b'+' => (1.0, &b[1..]),
        b'-' => (-1.0, &b[1..]),
        _ => (1.0, b),
    };
    if rest.len() == 1 && is_j(rest[0]) {
        return Ok((0.0, sign));
    }
    Err(false)
}

/// `__complex__` of an object that is not a complex, if it defines one.
fn try_complex_special(o: &Obj) -> PyResult<Option<Obj>> {
    if is_complex(o) {
        return Ok(None);
    }
    match crate::protocol::call_special(o, "__complex__", &[])? {
        None => Ok(None),
        Some(r) => {
            if !is_complex(&r) {
                return Err(type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    r.type_name()
                )));
            }
            Ok(Some(r))
        }
    }
}

fn is_number(o: &Obj) -> bool {
    if o.is_small_int() || is_complex(o) || int::is_int(o) || float::is_float(o) {
        return true;
    }
    let s = o.ty().slots();
    s.float.is_some() || s.index.is_some()
}

fn complex_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let ty = super::typeobj::as_type(cls);
    let exact = std::ptr::eq(ty, types().complex);
    let bound = int::bind_args("complex", args, kw, &["real", "imag"], 0, 2, 0)?;
    let r = bound[0].clone();
    let i = bound[1].clone();
    let r = r.unwrap_or_else(|| Obj::from_small(0));
    if exact && i.is_none() && r.is_exact(types().complex) {
        return Ok(r);
    }
    if let Some(s) = super::str::as_str(&r) {
        if i.is_some() {
            return Err(type_error("complex() can't take second arg if first is a string"));
        }
        let (re, im) = parse_complex_text(s).map_err(|underscore| {
            if underscore {
                value_error(format!("could not convert string to complex: {}", super::str::repr_str(s)))
            } else {
                value_error("complex() arg is a malformed string")
            }
        })?;
        return Ok(new_of_type(ty, re, im));
    }
    if let Some(iv) = &i {
        if super::str::is_str(iv) {
            return Err(type_error("complex() second arg can't be a string"));
        }
    }
    let r = match try_complex_special(&r)? {
        Some(t) => t,
        None => r,
    };
    if !is_number(&r) {
        return Err(type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            r.type_name()
        )));
    }
    if let Some(iv) = &i {
        if !is_number(iv) {
            return Err(type_error(format!(
                "complex() second argument must be a number, not '{}'",
                iv.type_name()
            )));
        }
    }
    let (mut cr, cr_is_complex) = match as_complex(&r) {
        Some(c) => (c, true),
        None => ((float::to_f64(&r)?, 0.0), false),
    };
    let mut ci: C = (0.0, 0.0);
    let mut ci_is_complex = false;
    match &i {
        None => ci.0 = cr.1,
        Some(iv) => match as_complex(iv) {
            Some(c) => {
                ci = c;
                ci_is_complex = true;
            }
            None => ci.0 = float::to_f64(iv)?,
        },
    }
    if ci_is_complex {
        cr.0 -= ci.1;
    }
    if cr_is_complex && i.is_some() {
        ci.0 += cr.1;
    }
    Ok(new_of_type(ty, cr.0, ci.0))
}

// ----- methods -----

fn m_conjugate(a: &[Obj]) -> PyResult<Obj> {
    let (re, im) = val(&a[0]);
    Ok(new(re, -im))
}
fn m_complex(a: &[Obj]) -> PyResult<Obj> {
    if a[0].is_exact(types().complex) {
        return Ok(a[0].clone());
    }
    let (re, im) = val(&a[0]);
    Ok(new(re, im))
}
fn m_getnewargs(a: &[Obj]) -> PyResult<Obj> {
    let (re, im) = val(&a[0]);
    Ok(super::tuple::new(vec![float::new(re), float::new(im)]))
}
fn m_format(a: &[Obj]) -> PyResult<Obj> {
    let spec = super::str::as_str(&a[1]).ok_or_else(|| {
        type_error(format!("format() argument 2 must be str, not {}", a[1].type_name()))
    })?;
    format_complex(&a[0], spec)
}
fn g_real(o: &Obj) -> PyResult<Obj> {
    Ok(float::new(val(o).0))
}
fn g_imag(o: &Obj) -> PyResult<Obj> {
    Ok(float::new(val(o).1))
}

/// `real`/`imag` are read-only members in CPython.
pub fn readonly(_o: &Obj, _v: Option<&Obj>) -> PyResult<()> {
    Err(crate::errors::attribute_error("readonly attribute"))
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("complex", std::mem::size_of::<ComplexObj>(), drop_nothing);
    let sl = &mut s.slots;
    sl.repr = Some(complex_repr);
    sl.hash = Some(complex_hash);
    sl.richcompare = Some(complex_richcompare);
    sl.bool = Some(complex_bool);
    sl.number[BinOp::Add as usize] = Some(complex_add);
    sl.number[BinOp::Sub as usize] = Some(complex_sub);
    sl.number[BinOp::Mul as usize] = Some(complex_mul);
    sl.number[BinOp::TrueDiv as usize] = Some(complex_truediv);
    sl.number[BinOp::Pow as usize] = Some(complex_pow);
    sl.neg = Some(complex_neg);
    sl.pos = Some(complex_pos);
    sl.abs = Some(complex_abs);
    sl.new = Some(complex_new);
    s.methods = vec![
        MethodDef::Method { name: "conjugate", func: m_conjugate, min: 1, max: 1 },
        MethodDef::Method { name: "__complex__", func: m_complex, min: 1, max: 1 },
        MethodDef::Method { name: "__getnewargs__", func: m_getnewargs, min: 1, max: 1 },
        MethodDef::Method { name: "__format__", func: m_format, min: 2, max: 2 },
        MethodDef::GetSet { name: "real", get: g_real, set: readonly },
        MethodDef::GetSet { name: "imag", get: g_imag, set: readonly },
    ];
    s
}
