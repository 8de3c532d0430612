//! The `cmath` module: complex exp/log/sqrt, the trigonometric and hyperbolic functions
//! and their inverses, `phase`/`polar`/`rect`, the classification functions, `isclose`
//! and the constants. Finite inputs follow CPython's algorithms (scaling near overflow
//! and underflow, the same branch cuts and signed zeros); infinite and NaN inputs take
//! their results from the tables in cmath_tables.rs. Domain errors raise
//! `ValueError("math domain error")`, overflows `OverflowError("math range error")`.

use crate::errors::{overflow_error, type_error, value_error};
use crate::object::{Obj, PyErr, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::int::bind_args;
use crate::types::typeobj::{CallFn, KwArgs};
use crate::types::{bool as pybool, complex, dict, float, int, module, tuple};

use super::cmath_tables as tables;

/// One entry of a special-value table.
#[derive(Clone, Copy)]
pub enum Special {
    /// Both parts finite: computed normally.
    F,
    /// A fixed result.
    V(f64, f64),
    /// A domain error.
    Edom,
    /// Depends on the finite operand (computed by the function itself).
    Var,
}

type C = (f64, f64);

enum Fail {
    Domain,
    Range,
}

type CResult = Result<C, Fail>;

fn to_err(f: Fail) -> PyErr {
    match f {
        Fail::Domain => value_error("math domain error"),
        Fail::Range => overflow_error("math range error"),
    }
}

const LARGE: f64 = f64::MAX / 4.0;
const SQRT_LARGE: f64 = 6.703903964971299e+153; // sqrt(LARGE)
const LOG_LARGE: f64 = 708.3964185322641; // log(LARGE)
const SQRT_DBL_MIN: f64 = 1.4916681462400413e-154; // sqrt(f64::MIN_POSITIVE)
const LN2: f64 = std::f64::consts::LN_2;
const MANT_DIG: i32 = 53;

fn class(x: f64) -> usize {
    match x {
        _ if x.is_nan() => 6,
        _ if x == f64::NEG_INFINITY => 0,
        _ if x == f64::INFINITY => 5,
        _ if x == 0.0 => if x.is_sign_negative() { 2 } else { 3 },
        _ => if x < 0.0 { 1 } else { 4 },
    }
}

/// The table's answer for a non-finite input, `None` when it must be computed.
fn special(table: &[[Special; 7]; 7], z: C) -> Option<CResult> {
    if z.0.is_finite() && z.1.is_finite() {
        return None;
    }
    match table[class(z.0)][class(z.1)] {
        Special::V(a, b) => Some(Ok((a, b))),
        Special::Edom => Some(Err(Fail::Domain)),
        Special::F | Special::Var => None,
    }
}

extern "C" {
    /// The C library's asinh (CPython's results; Rust's own formula differs in the last bit).
    #[link_name = "asinh"]
    fn libm_asinh(x: f64) -> f64;
}

fn asinh(x: f64) -> f64 {
    // SAFETY: a pure libm function.
    unsafe { libm_asinh(x) }
}

fn ldexp(x: f64, e: i32) -> f64 {
    crate::types::int::ldexp(x, e as i64)
}

fn check_range(r: C) -> CResult {
    if r.0.is_infinite() || r.1.is_infinite() { Err(Fail::Range) } else { Ok(r) }
}

fn c_sqrt(z: C) -> CResult {
    if let Some(r) = special(&tables::SQRT, z) {
        return r;
    }
    let (x, y) = z;
    if x == 0.0 && y == 0.0 {
        return Ok((0.0, y));
    }
    let (ax, ay) = (x.abs(), y.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        let ax = ldexp(ax, MANT_DIG);
        ldexp((ax + ax.hypot(ldexp(ay, MANT_DIG))).sqrt(), -(MANT_DIG + 1) / 2)
    } else {
        let ax = ax / 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    Ok(if x >= 0.0 { (s, d.copysign(y)) } else { (d, s.copysign(y)) })
}

fn c_exp(z: C) -> CResult {
    let (x, y) = z;
    if !x.is_finite() || !y.is_finite() {
        if x.is_infinite() && y.is_finite() && y != 0.0 {
            return Ok(if x > 0.0 {
                (f64::INFINITY.copysign(y.cos()), f64::INFINITY.copysign(y.sin()))
            } else {
                (0f64.copysign(y.cos()), 0f64.copysign(y.sin()))
            });
        }
        return special(&tables::EXP, z).unwrap_or(Ok((f64::NAN, f64::NAN)));
    }
    let r = if x > LOG_LARGE {
        let l = (x - 1.0).exp();
        (l * y.cos() * std::f64::consts::E, l * y.sin() * std::f64::consts::E)
    } else {
        let l = x.exp();
        (l * y.cos(), l * y.sin())
    };
    check_range(r)
}

fn c_log(z: C) -> CResult {
    if let Some(r) = special(&tables::LOG, z) {
        return r;
    }
    let (x, y) = z;
    let (ax, ay) = (x.abs(), y.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, MANT_DIG).hypot(ldexp(ay, MANT_DIG)).ln() - MANT_DIG as f64 * LN2
        } else {
            return Err(Fail::Domain);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok((re, y.atan2(x)))
}

fn c_acos(z: C) -> CResult {
    if let Some(r) = special(&tables::ACOS, z) {
        return r;
    }
    let (x, y) = z;
    if x.abs() > LARGE || y.abs() > LARGE {
        let l = (x / 2.0).hypot(y / 2.0).ln() + LN2 * 2.0;
        let im = if x < 0.0 { -l.copysign(y) } else { l.copysign(-y) };
        return Ok((y.abs().atan2(x), im));
    }
    let s1 = c_sqrt((1.0 - x, -y))?;
    let s2 = c_sqrt((1.0 + x, y))?;
    Ok((2.0 * s1.0.atan2(s2.0), asinh(s2.0 * s1.1 - s2.1 * s1.0)))
}

fn c_acosh(z: C) -> CResult {
    if let Some(r) = special(&tables::ACOSH, z) {
        return r;
    }
    let (x, y) = z;
    if x.abs() > LARGE || y.abs() > LARGE {
        return Ok(((x / 2.0).hypot(y / 2.0).ln() + LN2 * 2.0, y.atan2(x)));
    }
    let s1 = c_sqrt((x - 1.0, y))?;
    let s2 = c_sqrt((x + 1.0, y))?;
    Ok((asinh(s1.0 * s2.0 + s1.1 * s2.1), 2.0 * s1.1.atan2(s2.0)))
}

fn c_asinh(z: C) -> CResult {
    if let Some(r) = special(&tables::ASINH, z) {
        return r;
    }
    let (x, y) = z;
    if x.abs() > LARGE || y.abs() > LARGE {
        let l = (x / 2.0).hypot(y / 2.0).ln() + LN2 * 2.0;
        let re = if y >= 0.0 { l.copysign(x) } else { -l.copysign(-x) };
        return Ok((re, y.atan2(x.abs())));
    }
    let s1 = c_sqrt((1.0 + y, -x))?;
    let s2 = c_sqrt((1.0 - y, x))?;
    Ok((asinh(s1.0 * s2.1 - s2.0 * s1.1), y.atan2(s1.0 * s2.0 - s1.1 * s2.1)))
}

fn c_asin(z: C) -> CResult {
    let s = c_asinh((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

fn c_atanh(z: C) -> CResult {
    if let Some(r) = special(&tables::ATANH, z) {
        return r;
    }
    let (x, y) = z;
    if x < 0.0 {
        let r = c_atanh((-x, -y))?;
        return Ok((-r.0, -r.1));
    }
    let ay = y.abs();
    if x > SQRT_LARGE || ay > SQRT_LARGE {
        let h = (x / 2.0).hypot(y / 2.0);
        return Ok((x / 4.0 / h / h, -(std::f64::consts::FRAC_PI_2).copysign(-y)));
    }
    if x == 1.0 && ay < SQRT_DBL_MIN {
        if ay == 0.0 {
            return Err(Fail::Domain);
        }
        return Ok((-(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(), (2f64.atan2(-ay) / 2.0).copysign(y)));
    }
    let re = (4.0 * x / ((1.0 - x) * (1.0 - x) + ay * ay)).ln_1p() / 4.0;
    let im = -(-2.0 * y).atan2((1.0 - x) * (1.0 + x) - ay * ay) / 2.0;
    Ok((re, im))
}

fn c_atan(z: C) -> CResult {
    let s = c_atanh((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

/// cosh and sinh: `sinh` swaps the roles of cosh(x) and sinh(x) in the formulas.
fn c_cosh_sinh(z: C, sinh: bool) -> CResult {
    let (x, y) = z;
    if !x.is_finite() || !y.is_finite() {
        if x.is_infinite() && y.is_finite() && y != 0.0 {
            let (a, b) = (f64::INFINITY.copysign(y.cos()), f64::INFINITY.copysign(y.sin()));
            let sx = 1f64.copysign(x);
            return Ok(if sinh { (a * sx, b) } else { (a, b * sx) });
        }
        let t = if sinh { &tables::SINH } else { &tables::COSH };
        return special(t, z).unwrap_or(Ok((f64::NAN, f64::NAN)));
    }
    let (c, s, k) = if x.abs() > LOG_LARGE {
        let xm1 = x - 1f64.copysign(x);
        (xm1.cosh(), xm1.sinh(), std::f64::consts::E)
    } else {
        (x.cosh(), x.sinh(), 1.0)
    };
    let r = if sinh { (y.cos() * s * k, y.sin() * c * k) } else { (y.cos() * c * k, y.sin() * s * k) };
    check_range(r)
}

fn c_cosh(z: C) -> CResult {
    c_cosh_sinh(z, false)
}

fn c_sinh(z: C) -> CResult {
    c_cosh_sinh(z, true)
}

fn c_tanh(z: C) -> CResult {
    let (x, y) = z;
    if !x.is_finite() || !y.is_finite() {
        if x.is_infinite() && y.is_finite() && y != 0.0 {
            return Ok((1f64.copysign(x), 0f64.copysign(2.0 * y.sin() * y.cos())));
        }
        return special(&tables::TANH, z).unwrap_or(Ok((f64::NAN, f64::NAN)));
    }
    if x.abs() > LOG_LARGE {
        return Ok((1f64.copysign(x), 4.0 * y.sin() * y.cos() * (-2.0 * x.abs()).exp()));
    }
    let (tx, ty, cx) = (x.tanh(), y.tan(), 1.0 / x.cosh());
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    Ok((tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

fn c_cos(z: C) -> CResult {
    c_cosh((-z.1, z.0))
}

fn c_sin(z: C) -> CResult {
    let s = c_sinh((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

fn c_tan(z: C) -> CResult {
    let s = c_tanh((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

fn c_log10(z: C) -> CResult {
    let r = c_log(z)?;
    Ok((r.0 / std::f64::consts::LN_10, r.1 / std::f64::consts::LN_10))
}

// ----- arguments -----

/// A complex argument: complex, `__complex__`, or anything float() accepts as a number.
fn complex_arg(o: &Obj) -> PyResult<C> {
    if let Some(c) = complex::as_complex(o) {
        return Ok(c);
    }
    if let Some(r) = protocol::call_special(o, "__complex__", &[])? {
        return complex::as_complex(&r).ok_or_else(|| type_error(format!("__complex__ returned non-complex (type {})", r.type_name())));
    }
    Ok((real_arg(o)?, 0.0))
}

fn real_arg(o: &Obj) -> PyResult<f64> {
    if let Some(f) = float::as_f64(o) {
        return Ok(f);
    }
    if int::is_int(o) {
        return int::int_to_f64(o);
    }
    if let Some(r) = protocol::call_special(o, "__float__", &[])? {
        return float::as_f64(&r).ok_or_else(|| type_error(format!("{}.__float__ returned non-float (type {})", o.type_name(), r.type_name())));
    }
    if protocol::call_special(o, "__index__", &[])?.is_some() {
        return int::int_to_f64(&protocol::index(o)?);
    }
    Err(type_error(format!("must be real number, not {}", o.type_name())))
}

fn one_arg<'a>(name: &str, a: &'a [Obj], kw: &KwArgs) -> PyResult<&'a Obj> {
    if !kw.is_empty() {
        return Err(type_error(format!("cmath.{name}() takes no keyword arguments")));
    }
    match a {
        [x] => Ok(x),
        _ => Err(type_error(format!("cmath.{name}() takes exactly one argument ({} given)", a.len()))),
    }
}

macro_rules! unary {
    ($($f:ident, $name:literal, $c:path;)*) => {$(
        fn $f(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
            let z = complex_arg(one_arg($name, a, kw)?)?;
            let (re, im) = $c(z).map_err(to_err)?;
            Ok(complex::new(re, im))
        }
    )*};
}

unary! {
    m_exp, "exp", c_exp;
    m_sqrt, "sqrt", c_sqrt;
    m_log10, "log10", c_log10;
    m_acos, "acos", c_acos;
    m_asin, "asin", c_asin;
    m_atan, "atan", c_atan;
    m_acosh, "acosh", c_acosh;
    m_asinh, "asinh", c_asinh;
    m_atanh, "atanh", c_atanh;
    m_cos, "cos", c_cos;
    m_sin, "sin", c_sin;
    m_tan, "tan", c_tan;
    m_cosh, "cosh", c_cosh;
    m_sinh, "sinh", c_sinh;
    m_tanh, "tanh", c_tanh;
}

/// CPython's complex division (`_Py_c_quot`), used by `log(z, base)`.
fn c_quot(a: C, b: C) -> CResult {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(Fail::Domain);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Ok(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Ok(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Ok((f64::NAN, f64::NAN))
    }
}

fn m_log(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("log", a, kw, &["", ""], 2, 2, 1)?;
    let z = complex_arg(b[0].as_ref().unwrap())?;
    let mut r = c_log(z);
    if let Some(base) = &b[1] {
        // As in CPython, only the base's logarithm and the division report errors: log(0)
        // is -inf there.
        let x = r.unwrap_or((f64::NEG_INFINITY, z.1.atan2(z.0)));
        r = c_log(complex_arg(base)?).and_then(|y| c_quot(x, y));
    }
    let (re, im) = r.map_err(to_err)?;
    Ok(complex::new(re, im))
}

fn m_phase(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (x, y) = complex_arg(one_arg("phase", a, kw)?)?;
    Ok(float::new(y.atan2(x)))
}

fn m_polar(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (x, y) = complex_arg(one_arg("polar", a, kw)?)?;
    let r = complex::abs_values(x, y)?;
    Ok(tuple::pair(float::new(r), float::new(y.atan2(x))))
}

fn c_rect(r: f64, phi: f64) -> CResult {
    if !r.is_finite() || !phi.is_finite() {
        if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (a, b) = (f64::INFINITY.copysign(phi.cos()), f64::INFINITY.copysign(phi.sin()));
            return Ok(if r > 0.0 { (a, b) } else { (-a, -b) });
        }
        return special(&tables::RECT, (r, phi)).unwrap_or(Ok((f64::NAN, f64::NAN)));
    }
    if phi == 0.0 {
        return Ok((r, r * phi));
    }
    Ok((r * phi.cos(), r * phi.sin()))
}

fn m_rect(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("rect", a, kw, &["", ""], 2, 2, 2)?;
    let (r, phi) = (real_arg(b[0].as_ref().unwrap())?, real_arg(b[1].as_ref().unwrap())?);
    let (re, im) = c_rect(r, phi).map_err(to_err)?;
    Ok(complex::new(re, im))
}

macro_rules! predicate {
    ($($f:ident, $name:literal, $test:expr;)*) => {$(
        fn $f(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
            let z = complex_arg(one_arg($name, a, kw)?)?;
            let test: fn(C) -> bool = $test;
            Ok(pybool::from_bool(test(z)))
        }
    )*};
}

predicate! {
    m_isfinite, "isfinite", |z| z.0.is_finite() && z.1.is_finite();
    m_isnan, "isnan", |z| z.0.is_nan() || z.1.is_nan();
    m_isinf, "isinf", |z| z.0.is_infinite() || z.1.is_infinite();
}

fn m_isclose(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("isclose", a, kw, &["a", "b", "rel_tol", "abs_tol"], 0, 2, 2)?;
    let x = complex_arg(b[0].as_ref().unwrap())?;
    let y = complex_arg(b[1].as_ref().unwrap())?;
    let rel = b[2].as_ref().map_or(Ok(1e-9), real_arg)?;
    let abs_tol = b[3].as_ref().map_or(Ok(0.0), real_arg)?;
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(pybool::from_bool(true));
    }
    if x.0.is_infinite() || x.1.is_infinite() || y.0.is_infinite() || y.1.is_infinite() {
        return Ok(pybool::from_bool(false));
    }
    let diff = complex::abs_values(x.0 - y.0, x.1 - y.1)?;
    let (ax, ay) = (complex::abs_values(x.0, x.1)?, complex::abs_values(y.0, y.1)?);
    Ok(pybool::from_bool(diff <= rel * ay || diff <= rel * ax || diff <= abs_tol))
}

/// Creates the `cmath` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("cmath");
    let d = module::dict(&m);
    let fns: &[(&'static str, CallFn)] = &[
        ("exp", m_exp), ("log", m_log), ("log10", m_log10), ("sqrt", m_sqrt), ("acos", m_acos),
        ("asin", m_asin), ("atan", m_atan), ("acosh", m_acosh), ("asinh", m_asinh), ("atanh", m_atanh),
        ("cos", m_cos), ("sin", m_sin), ("tan", m_tan), ("cosh", m_cosh), ("sinh", m_sinh), ("tanh", m_tanh),
        ("phase", m_phase), ("polar", m_polar), ("rect", m_rect), ("isfinite", m_isfinite),
        ("isnan", m_isnan), ("isinf", m_isinf), ("isclose", m_isclose),
    ];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("cmath", name, *func));
    }
    let pi = std::f64::consts::PI;
    for (name, v) in [("pi", pi), ("e", std::f64::consts::E), ("tau", 2.0 * pi), ("inf", f64::INFINITY), ("nan", f64::NAN)] {
        dict::set_item_str(&d, name, float::new(v));
    }
    dict::set_item_str(&d, "infj", complex::new(0.0, f64::INFINITY));
    dict::set_item_str(&d, "nanj", complex::new(0.0, f64::NAN));
    Ok(m)
}
