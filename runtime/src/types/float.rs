//! `float`: `FloatObj` (an f64), arithmetic with float/int operands (exact int handling,
//! CPython's sign rules for `//` and `%`, CPython's `**` special cases), exact comparisons
//! with ints, CPython's numeric hash (so `hash(1.0) == hash(1)`), the shortest round-trip
//! `repr`, the `float(x)` constructor with Python's literal grammar, and the float
//! methods (`is_integer`, `as_integer_ratio`, `__round__` with correct rounding, `hex`,
//! `fromhex`, ...).

use num_bigint::BigInt;
use num_traits::{One, Pow, Signed, Zero};
use pyc_frontend::bytecode::{BinOp, CmpOp};

use super::int;
use super::none::not_implemented;
use super::typeobj::{drop_nothing, KwArgs, MethodDef};
use super::{types, TypeSpec};
use crate::errors::{overflow_error, type_error, value_error, zero_division_error};
use crate::gil::GilCell;
use crate::object_alloc::FreeBlocks;
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};

#[repr(C)]
pub struct FloatObj {
    pub head: ObjHeader,
    pub value: f64,
}

/// A new float object (from the free list when it has one).
#[inline]
pub fn new(v: f64) -> Obj {
    match FREE.with(|f| f.pop()) {
        // SAFETY: a kept block is a float's (refcount 1, type float); the value is set.
        Some(h) => unsafe {
            (*(h as *mut FloatObj)).value = v;
            crate::gc::on_alloc(h as *mut ObjHeader);
            Obj::from_raw(h as u64)
        },
        None => new_block(v),
    }
}

/// A float in a fresh block, straight from the pools: `object::alloc`'s generic path
/// (GC header, dict slot, inline values, heap type reference) has nothing to do for the
/// exact float type, a static non-container type without a dict, and cost ~60
/// instructions more per float (float_objects.py keeps hundreds of thousands alive, so
/// most of its floats miss the free list).
#[inline(never)]
fn new_block(v: f64) -> Obj {
    let ty = types().float;
    debug_assert!(ty.dict_offset == 0 && ty.basicsize == std::mem::size_of::<FloatObj>() && !ty.is_heap_type());
    // SAFETY: the block is big enough for a `FloatObj` and fully written before use;
    // `object::dealloc` returns a non-container's block, which starts at its header, to
    // the pools (`free_block`), as `recycle` does.
    unsafe {
        let h = crate::object_alloc::alloc_block(std::mem::size_of::<FloatObj>()) as *mut FloatObj;
        h.write(FloatObj { head: ObjHeader { refcnt: 1, ty: ty as *const _ }, value: v });
        crate::gc::on_alloc(h as *mut ObjHeader);
        Obj::from_raw(h as u64)
    }
}

/// Freed exact floats kept for reuse (CPython keeps one too): float-heavy loops allocate
/// and free one object per operation, and malloc/free were a third of their time.
static FREE: GilCell<FreeBlocks> = GilCell::new(FreeBlocks::new(256));

/// Called by the deallocators (`object::dealloc`, `pyrt_dealloc`) for an object whose
/// last reference was just dropped: a dead exact float goes on the free list, or its
/// block straight back to the pools when the list is full (none of the generic
/// destructor's steps applies to an exact float). False, with nothing done, for
/// anything else.
///
/// # Safety
/// `h` must be a heap object whose last reference the caller just dropped (its
/// refcount word is not read).
// always: out of line, every float freed paid a call (float_objects +2.5 %)
#[inline(always)]
pub unsafe fn recycle_dead(h: *mut ObjHeader) -> bool {
    if !std::ptr::eq((*h).ty, types().float) {
        return false;
    }
    crate::gc::on_dealloc(h);
    FREE.with(|f| f.push(h as *mut u8));
    true
}

/// An instance of `cls` (float or a subclass) with value `v`.
pub fn new_of_type(cls: &super::typeobj::TypeObject, v: f64) -> Obj {
    alloc(cls, FloatObj { head: header(), value: v })
}

/// The value of a float instance (float or subclass).
#[inline]
pub fn as_f64(o: &Obj) -> Option<f64> {
    o.downcast::<FloatObj>(types().float).map(|f| f.value)
}

/// Is `o` a float (or subclass instance)?
#[inline]
pub fn is_float(o: &Obj) -> bool {
    !o.is_small_int() && o.isinstance(types().float)
}

/// `PyFloat_AsDouble`: float, int, `__float__`, `__index__`; TypeError otherwise.
pub fn to_f64(o: &Obj) -> PyResult<f64> {
    if let Some(i) = o.small_int() {
        return Ok(i as f64);
    }
    if let Some(v) = as_f64(o) {
        return Ok(v);
    }
    if int::is_int(o) {
        return int::int_to_f64(o);
    }
    let s = o.ty().slots();
    if let Some(f) = s.float {
        let r = f(o)?;
        return match as_f64(&r) {
            Some(v) => Ok(v),
            None => Err(type_error(format!(
                "{}.__float__ returned non-float (type {})",
                o.type_name(),
                r.type_name()
            ))),
        };
    }
    if s.index.is_some() {
        let i = crate::protocol::index(o)?;
        return int::int_to_f64(&i);
    }
    Err(type_error(format!("must be real number, not {}", o.type_name())))
}

// ----- repr -----

/// The shortest round-trip decimal digits of a finite nonzero-or-zero `x` (sign ignored)
/// and the decimal point position: `x = 0.DIGITS * 10^decpt`.
pub fn shortest_digits(x: f64) -> (String, i32) {
    let a = x.abs();
    let s = format!("{:e}", a);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut digits: String = mant.chars().filter(|c| *c != '.').collect();
    let mut e: i32 = exp.parse().unwrap_or(0);
    let n = digits.len();
    if n >= 15 {
        // Rust's shortest mode breaks exact ties upward; CPython picks the correctly
        // rounded (half-even) candidate. The exact-precision mode is half-even.
        let s2 = format!("{:.*e}", n - 1, a);
        if s2.parse::<f64>().ok() == Some(a) {
            let (m2, e2) = s2.split_once('e').unwrap_or((&s2, "0"));
            digits = m2.chars().filter(|c| *c != '.').collect();
            e = e2.parse().unwrap_or(0);
        }
    }
    (digits, e + 1)
}

/// Lays out `digits` with decimal point position `decpt` in exponent notation
/// (`d.ddde+XX`, at least 2 exponent digits).
pub fn layout_exp(digits: &str, decpt: i32, out: &mut String) {
    out.push_str(&digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        out.push_str(&digits[1..]);
    }
    let e = decpt - 1;
    out.push('e');
    out.push(if e < 0 { '-' } else { '+' });
    out.push_str(&format!("{:02}", e.abs()));
}

/// Lays out `digits` with decimal point position `decpt` in fixed notation; adds ".0"
/// when there is no fractional part and `add_dot_0`.
pub fn layout_fixed(digits: &str, decpt: i32, add_dot_0: bool, out: &mut String) {
    let n = digits.len() as i32;
    if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..(-decpt) {
            out.push('0');
        }
        out.push_str(digits);
    } else if decpt >= n {
        out.push_str(digits);
        for _ in 0..(decpt - n) {
            out.push('0');
        }
        if add_dot_0 {
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
}

/// CPython's `repr(float)`: shortest round-trip digits, exponent notation when the
/// decimal exponent is < -4 or >= 16.
pub fn repr_f64(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let mut out = String::with_capacity(24);
    if x.is_sign_negative() {
        out.push('-');
    }
    let (digits, decpt) = shortest_digits(x);
    if !(-4 < decpt && decpt <= 16) {
        layout_exp(&digits, decpt, &mut out);
    } else {
        layout_fixed(&digits, decpt, true, &mut out);
    }
    out
}

fn float_repr(o: &Obj) -> PyResult<Obj> {
    Ok(super::str::from_string(repr_f64(as_f64(o).unwrap_or(0.0))))
}

// ----- hash -----

/// CPython's hash of a float (NaN hashes to 0 here; the slot uses identity for NaN).
pub fn hash_f64(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x == x.trunc() && x.abs() < 9.0e18 {
        return int::hash_i64(x as i64);
    }
    let bits = x.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let (mant, exp) = if raw_exp == 0 {
        (bits & ((1u64 << 52) - 1), -1074i64)
    } else {
        ((bits & ((1u64 << 52) - 1)) | (1u64 << 52), raw_exp - 1075)
    };
    // value = mant * 2^exp; 2^61 == 1 (mod P), so multiplying by 2^exp is a rotation.
    let p = int::HASH_MODULUS;
    let mut h = mant % p;
    let e = exp.rem_euclid(61) as u32;
    if e != 0 {
        h = ((h << e) & p) | (h >> (61 - e));
    }
    let h = if x < 0.0 { -(h as i64) } else { h as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn float_hash(o: &Obj) -> PyResult<i64> {
    let v = as_f64(o).unwrap_or(0.0);
    if v.is_nan() {
        let r = o.raw();
        let h = (r >> 4 | r << 60) as i64;
        return Ok(if h == -1 { -2 } else { h });
    }
    Ok(hash_f64(v))
}

// ----- arithmetic -----

/// The f64 of a float or int operand; `None` for other types.
fn operand(o: &Obj) -> Option<PyResult<f64>> {
    if let Some(i) = o.small_int() {
        return Some(Ok(i as f64));
    }
    if let Some(v) = as_f64(o) {
        return Some(Ok(v));
    }
    if int::is_int(o) {
        return Some(int::int_to_f64(o));
    }
    None
}

/// CPython's float `**` with its special cases.
pub fn pow_f64(iv: f64, iw: f64) -> PyResult<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    // Floats of magnitude >= 2^53 are all even integers.
    let iw_is_odd = iw.abs() < 9.007_199_254_740_992e15 && iw == iw.trunc() && (iw as i64) % 2 != 0;
    if iv.is_infinite() {
        return Ok(if iw > 0.0 {
            if iw_is_odd {
                iv
            } else {
                iv.abs()
            }
        } else if iw_is_odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(if iw_is_odd { iv } else { 0.0 });
    }
    if iv < 0.0 && iw != iw.trunc() {
        // The float `**` operator returns a complex here (see `binop`); this path is
        // only reached by callers that want a real result.
        return Err(value_error("negative number cannot be raised to a fractional power"));
    }
    if iv == 1.0 {
        return Ok(1.0);
    }
    let r = iv.powf(iw);
    if r.is_infinite() {
        return Err(overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(r)
}

/// CPython's float `%`.
pub fn mod_f64(vx: f64, wx: f64) -> PyResult<f64> {
    if wx == 0.0 {
        return Err(zero_division_error("float modulo"));
    }
    Ok(mod_nz(vx, wx))
}

fn mod_nz(vx: f64, wx: f64) -> f64 {
    let m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m + wx
        } else {
            m
        }
    } else {
        0.0f64.copysign(wx)
    }
}

/// CPython's float divmod (caller checks wx != 0).
pub fn divmod_f64(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            return (fix_div((vx - m) / wx, vx, wx), m);
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    (fix_div(div, vx, wx), m)
}

fn fix_div(div: f64, vx: f64, wx: f64) -> f64 {
    if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    }
}

/// `a op b` on two f64 values.
pub fn float_binop_f64(x: f64, y: f64, op: BinOp) -> PyResult<f64> {
    Ok(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(zero_division_error("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(zero_division_error("float floor division by zero"));
            }
            divmod_f64(x, y).0
        }
        BinOp::Mod => mod_f64(x, y)?,
        BinOp::Pow => pow_f64(x, y)?,
        _ => unreachable!(),
    })
}

fn binop(a: &Obj, b: &Obj, op: BinOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (operand(a), operand(b)) else {
        return Ok(not_implemented());
    };
    let (x, y) = (x?, y?);
    if op == BinOp::Pow && x < 0.0 && x.is_finite() && y.is_finite() && y != y.floor() {
        // A negative number to a fractional power is complex, as in CPython.
        let (re, im) = super::complex::pow_values((x, 0.0), (y, 0.0))?;
        return Ok(super::complex::new(re, im));
    }
    Ok(new(float_binop_f64(x, y, op)?))
}

macro_rules! float_slot {
    ($name:ident, $op:expr) => {
        fn $name(a: &Obj, b: &Obj) -> PyResult<Obj> {
            binop(a, b, $op)
        }
    };
}
float_slot!(float_add, BinOp::Add);
float_slot!(float_sub, BinOp::Sub);
float_slot!(float_mul, BinOp::Mul);
float_slot!(float_truediv, BinOp::TrueDiv);
float_slot!(float_floordiv, BinOp::FloorDiv);
float_slot!(float_mod, BinOp::Mod);
float_slot!(float_pow, BinOp::Pow);

fn val(o: &Obj) -> f64 {
    as_f64(o).unwrap_or(0.0)
}

fn float_neg(a: &Obj) -> PyResult<Obj> {
    Ok(new(-val(a)))
}
fn float_pos(a: &Obj) -> PyResult<Obj> {
    if a.is_exact(types().float) {
        return Ok(a.clone());
    }
    Ok(new(val(a)))
}
fn float_abs(a: &Obj) -> PyResult<Obj> {
    Ok(new(val(a).abs()))
}
fn float_bool(a: &Obj) -> PyResult<bool> {
    Ok(val(a) != 0.0)
}
fn float_int(a: &Obj) -> PyResult<Obj> {
    int::from_f64_trunc(val(a))
}

fn float_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    let Some(x) = as_f64(a) else { return Ok(not_implemented()) };
    let ord = if let Some(y) = as_f64(b) {
        x.partial_cmp(&y)
    } else if int::is_int(b) {
        int::compare_int_float(b, x).map(|o| o.reverse())
    } else {
        return Ok(not_implemented());
    };
    let r = match ord {
        Some(o) => int::cmp_result(o, op),
        None => op == CmpOp::Ne,
    };
    Ok(super::bool::from_bool(r))
}

// ----- constructor -----

fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Parses Python float text (`float(s)` grammar); `None` if invalid.
pub fn parse_float_str(s: &str) -> Option<f64> {
    let t = s.trim_matches(py_isspace);
    if t.is_empty() {
        return None;
    }
    let (neg, body) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            // Underscores only between digits.
            let b = body.as_bytes();
            let mut clean = String::with_capacity(b.len());
            for (i, &c) in b.iter().enumerate() {
                if c == b'_' {
                    let prev_ok = i > 0 && b[i - 1].is_ascii_digit();
                    let next_ok = i + 1 < b.len() && b[i + 1].is_ascii_digit();
                    if !prev_ok || !next_ok {
                        return None;
                    }
                    continue;
                }
                let ch = c as char;
                if ch.is_ascii_digit() || matches!(ch, '.' | 'e' | 'E' | '+' | '-') {
                    clean.push(ch);
                } else if c >= 0x80 {
                    // Non-ASCII decimal digits are accepted by Python.
                    return parse_float_unicode(body).map(|v| if neg { -v } else { v });
                } else {
                    return None;
                }
            }
            // Rust accepts forms Python rejects ("1e", "e5" are rejected by both).
            if clean.starts_with(['+', '-']) {
                return None;
            }
            clean.parse::<f64>().ok()?
        }
    };
    Some(if neg { -v } else { v })
}

fn parse_float_unicode(body: &str) -> Option<f64> {
    let mut s = String::new();
    for c in body.chars() {
        if let Some(d) = int::unicode_decimal(c) {
            s.push(std::char::from_digit(d, 10)?);
        } else if c.is_ascii() {
            s.push(c);
        } else {
            return None;
        }
    }
    parse_float_str(&s)
}

fn float_from_object(x: &Obj) -> PyResult<f64> {
    if let Some(v) = as_f64(x) {
        return Ok(v);
    }
    if let Some(s) = super::str::as_str(x) {
        return parse_float_str(s).ok_or_else(|| {
            value_error(format!(
                "could not convert string to float: {}",
                super::str::repr_str(s)
            ))
        });
    }
    if let Some(b) = super::bytes::as_bytes_any(x) {
        let s = String::from_utf8_lossy(b).into_owned();
        return match parse_float_str(&s) {
            Some(v) => Ok(v),
            None => Err(value_error(format!(
                "could not convert string to float: {}",
                crate::protocol::repr_string(x)?
            ))),
        };
    }
    let sl = x.ty().slots();
    if sl.float.is_some() || sl.index.is_some() || int::is_int(x) {
        return to_f64(x);
    }
    Err(type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        x.type_name()
    )))
}

fn float_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("float() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(type_error(format!("float expected at most 1 argument, got {}", args.len())));
    }
    let ty = super::typeobj::as_type(cls);
    let exact = std::ptr::eq(ty, types().float);
    let v = match args.first() {
        None => 0.0,
        Some(x) => {
            if exact && x.is_exact(types().float) {
                return Ok(x.clone());
            }
            float_from_object(x)?
        }
    };
    if exact {
        Ok(new(v))
    } else {
        Ok(new_of_type(ty, v))
    }
}

// ----- rounding -----

/// `x` as an exact ratio `(numerator, denominator)` (finite x).
pub fn exact_ratio(x: f64) -> (BigInt, BigInt) {
    if x == 0.0 {
        return (BigInt::zero(), BigInt::one());
    }
    let bits = x.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let (mut mant, mut exp) = if raw_exp == 0 {
        (bits & ((1u64 << 52) - 1), -1074i64)
    } else {
        ((bits & ((1u64 << 52) - 1)) | (1u64 << 52), raw_exp - 1075)
    };
    while mant & 1 == 0 && exp < 0 {
        mant >>= 1;
        exp += 1;
    }
    let m = BigInt::from(mant);
    let m = if x < 0.0 { -m } else { m };
    if exp >= 0 {
        (m << exp as usize, BigInt::one())
    } else {
        (m, BigInt::one() << (-exp) as usize)
    }
}

/// Rounds num/den to the nearest integer, ties to even.
fn round_half_even(num: &BigInt, den: &BigInt) -> BigInt {
    use num_integer::Integer;
    let (mut q, r) = num.div_mod_floor(den);
    let twice = &r * 2;
    if twice > *den || (twice == *den && q.is_odd()) {
        q += 1;
    }
    q
}

/// `round(x, ndigits)` with correct rounding of the exact binary value.
pub fn round_f64(x: f64, nd: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if nd > 323 {
        return Ok(x);
    }
    if nd < -308 {
        return Ok(0.0f64.copysign(x));
    }
    let (n, d) = exact_ratio(x);
    let p: BigInt = Pow::pow(BigInt::from(10), nd.unsigned_abs() as u32);
    let r = if nd >= 0 {
        let q = round_half_even(&(n * &p), &d);
        int::ratio_to_f64(&q, &p)
    } else {
        let q = round_half_even(&n, &(d * &p));
        int::bigint_to_f64(&(q * p))
    };
    match r {
        Some(v) => Ok(if v == 0.0 { 0.0f64.copysign(x) } else { v }),
        None => Err(overflow_error("rounded value too large to represent")),
    }
}

fn m_round(args: &[Obj]) -> PyResult<Obj> {
    let x = val(&args[0]);
    match args.get(1) {
        Some(n) if !super::none::is_none(n) => {
            let nd = crate::protocol::index(n)?;
            let nd = match int::to_i64(&nd) {
                Some(v) => v,
                None => {
                    if int::to_bigint(&nd).map(|b| b.is_negative()).unwrap_or(false) {
                        -10000
                    } else {
                        10000
                    }
                }
            };
            Ok(new(round_f64(x, nd)?))
        }
        _ => {
            int::from_f64_trunc(x.round_ties_even())
        }
    }
}

fn m_is_integer(args: &[Obj]) -> PyResult<Obj> {
    let x = val(&args[0]);
    Ok(super::bool::from_bool(x.is_finite() && x == x.trunc()))
}

fn m_as_integer_ratio(args: &[Obj]) -> PyResult<Obj> {
    let x = val(&args[0]);
    if x.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    let (n, d) = exact_ratio(x);
    Ok(super::tuple::new(vec![int::from_bigint(n), int::from_bigint(d)]))
}

fn m_conjugate(args: &[Obj]) -> PyResult<Obj> {
    Ok(new(val(&args[0])))
}
fn m_trunc(args: &[Obj]) -> PyResult<Obj> {
    int::from_f64_trunc(val(&args[0]))
}
fn m_floor(args: &[Obj]) -> PyResult<Obj> {
    int::from_f64_trunc(val(&args[0]).floor())
}
fn m_ceil(args: &[Obj]) -> PyResult<Obj> {
    int::from_f64_trunc(val(&args[0]).ceil())
}
fn m_format(args: &[Obj]) -> PyResult<Obj> {
    let spec = super::str::as_str(&args[1]).ok_or_else(|| {
        type_error(format!("format() argument 2 must be str, not {}", args[1].type_name()))
    })?;
    crate::format::format_float_obj(&args[0], spec)
}

/// `divmod(a, b)` with at least one float operand; NotImplemented for other types.
pub fn divmod_pair(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (operand(a), operand(b)) else {
        return Ok(not_implemented());
    };
    let (x, y) = (x?, y?);
    if y == 0.0 {
        return Err(zero_division_error("float divmod()"));
    }
    let (q, r) = divmod_f64(x, y);
    Ok(super::tuple::new(vec![new(q), new(r)]))
}
fn m_divmod(args: &[Obj]) -> PyResult<Obj> {
    divmod_pair(&args[0], &args[1])
}
fn m_rdivmod(args: &[Obj]) -> PyResult<Obj> {
    divmod_pair(&args[1], &args[0])
}
fn m_getnewargs(args: &[Obj]) -> PyResult<Obj> {
    Ok(super::tuple::new(vec![new(val(&args[0]))]))
}

/// `float.hex()`.
pub fn hex_f64(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = x.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if raw_exp == 0 { (0, -1022) } else { (1, raw_exp - 1023) };
    let digits = format!("{:013x}", frac);
    format!("{}0x{}.{}p{}{}", sign, lead, digits, if exp < 0 { "-" } else { "+" }, exp.abs())
}

fn m_hex(args: &[Obj]) -> PyResult<Obj> {
    Ok(super::str::from_string(hex_f64(val(&args[0]))))
}

fn parse_hex_float(s: &str) -> Option<f64> {
    let t = s.trim_matches(py_isspace);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let l = t.to_ascii_lowercase();
    if l == "inf" || l == "infinity" {
        return Some(if neg { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if l == "nan" {
        return Some(f64::NAN);
    }
    let l = l.strip_prefix("0x").unwrap_or(&l);
    let (mant, exp) = match l.split_once('p') {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (l, 0),
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    if ip.is_empty() && fp.is_empty() {
        return None;
    }
    let mut num = BigInt::zero();
    for c in ip.chars().chain(fp.chars()) {
        num = num * 16 + c.to_digit(16)?;
    }
    let e2 = exp - 4 * fp.len() as i64;
    let v = if num.is_zero() {
        0.0
    } else if e2 >= 0 {
        if e2 > 2000 {
            f64::INFINITY
        } else {
            int::bigint_to_f64(&(num << e2 as usize)).unwrap_or(f64::INFINITY)
        }
    } else if e2 < -3000 {
        0.0
    } else {
        int::ratio_to_f64(&num, &(BigInt::one() << (-e2) as usize)).unwrap_or(f64::INFINITY)
    };
    Some(if neg { -v } else { v })
}

fn m_fromhex(cls: &Obj, args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let s = args.first().and_then(super::str::as_str).ok_or_else(|| {
        type_error("fromhex() argument must be str")
    })?;
    let v = parse_hex_float(s).ok_or_else(|| value_error("invalid hexadecimal floating-point string"))?;
    if v.is_infinite() && !s.to_ascii_lowercase().contains("inf") {
        return Err(overflow_error("hexadecimal value too large to represent as a float"));
    }
    let r = new(v);
    if cls.is(&types().float.as_obj()) {
        Ok(r)
    } else {
        crate::protocol::call(cls, &[r])
    }
}

fn m_getformat(_cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("float.__getformat__() takes no keyword arguments"));
    }
    if args.len() != 1 {
        return Err(type_error(format!("float.__getformat__() takes exactly one argument ({} given)", args.len())));
    }
    let Some(t) = super::str::as_str(&args[0]) else {
        return Err(type_error(format!(
            "__getformat__() argument must be str, not {}",
            args[0].type_name()
        )));
    };
    match t {
        "double" | "float" => Ok(super::str::new("IEEE, little-endian")),
        _ => Err(value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}

fn g_real(o: &Obj) -> PyResult<Obj> {
    Ok(new(val(o)))
}
fn g_imag(_o: &Obj) -> PyResult<Obj> {
    Ok(new(0.0))
}

fn float_float(a: &Obj) -> PyResult<Obj> {
    float_pos(a)
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("float", std::mem::size_of::<FloatObj>(), drop_nothing);
    let sl = &mut s.slots;
    sl.repr = Some(float_repr);
    sl.hash = Some(float_hash);
    sl.richcompare = Some(float_richcompare);
    sl.bool = Some(float_bool);
    sl.number[BinOp::Add as usize] = Some(float_add);
    sl.number[BinOp::Sub as usize] = Some(float_sub);
    sl.number[BinOp::Mul as usize] = Some(float_mul);
    sl.number[BinOp::TrueDiv as usize] = Some(float_truediv);
    sl.number[BinOp::FloorDiv as usize] = Some(float_floordiv);
    sl.number[BinOp::Mod as usize] = Some(float_mod);
    sl.number[BinOp::Pow as usize] = Some(float_pow);
    sl.neg = Some(float_neg);
    sl.pos = Some(float_pos);
    sl.abs = Some(float_abs);
    sl.int = Some(float_int);
    sl.float = Some(float_float);
    sl.new = Some(float_new);
    s.methods = vec![
        MethodDef::Method { name: "__trunc__", func: m_trunc, min: 1, max: 1 },
        MethodDef::Method { name: "__floor__", func: m_floor, min: 1, max: 1 },
        MethodDef::Method { name: "__ceil__", func: m_ceil, min: 1, max: 1 },
        MethodDef::Method { name: "__round__", func: m_round, min: 1, max: 2 },
        MethodDef::Method { name: "__format__", func: m_format, min: 2, max: 2 },
        MethodDef::Method { name: "__divmod__", func: m_divmod, min: 2, max: 2 },
        MethodDef::Method { name: "__rdivmod__", func: m_rdivmod, min: 2, max: 2 },
        MethodDef::Method { name: "__getnewargs__", func: m_getnewargs, min: 1, max: 1 },
        MethodDef::ClassMethod { name: "__getformat__", func: m_getformat },
        MethodDef::Getter { name: "real", get: g_real },
        MethodDef::Getter { name: "imag", get: g_imag },
    ];
    EXTRA.extend(&mut s.methods);
    s
}

super::method_extension! {
    /// Enables float's extension table (called by the program's `main`; types/mod.rs
    /// `MethodExtension`).
    pyrt_methods_float: EXTRA(MethodDef) => extra_methods
}

pub(super) fn extra_methods() -> Vec<MethodDef> {
    vec![
        MethodDef::Method { name: "is_integer", func: m_is_integer, min: 1, max: 1 },
        MethodDef::Method { name: "as_integer_ratio", func: m_as_integer_ratio, min: 1, max: 1 },
        MethodDef::Method { name: "conjugate", func: m_conjugate, min: 1, max: 1 },
        MethodDef::Method { name: "hex", func: m_hex, min: 1, max: 1 },
        MethodDef::ClassMethod { name: "fromhex", func: m_fromhex },
    ]
}
