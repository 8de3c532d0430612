//! `int`: 63-bit tagged small ints (never allocated, see `object.rs`) and heap big ints
//! (`IntObj` holding a `num_bigint::BigInt`). Every int operator slot with a small-int fast
//! path (checked arithmetic spilling into BigInt), CPython's numeric hash (modulus
//! 2^61-1), the `int(x)` / `int(s, base)` constructor with CPython's string grammar and the
//! 4300-digit str<->int limit, the int methods (bit_length, to_bytes, from_bytes, ...), and
//! correctly rounded int -> float conversion and int / int true division.
//!
//! Invariant: an *exact* int whose value fits 63 bits is always tagged (`from_bigint`
//! normalizes). Instances of int subclasses (and bool) are always heap `IntObj`s.
//!
//! Also home of `bind_args`, the small keyword-argument binder the number and text types
//! use for their methods.

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};
use pyc_frontend::bytecode::{BinOp, CmpOp};

use super::none::{none, not_implemented};
use super::typeobj::{drop_as, flags, KwArgs, MethodDef};
use super::{types, TypeSpec};
use crate::errors::{overflow_error, type_error, value_error, zero_division_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult, SMALL_INT_MAX, SMALL_INT_MIN};

/// Payload of heap ints (big exact ints, bools, instances of int subclasses).
#[repr(C)]
pub struct IntObj {
    pub head: ObjHeader,
    pub value: BigInt,
}

/// `sys.get_int_max_str_digits()` (0 = no limit).
static MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(4300);

pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.load(Ordering::Relaxed)
}
/// `sys.set_int_max_str_digits(n)`; the caller validates n (0 or >= 640).
pub fn set_max_str_digits(n: usize) {
    MAX_STR_DIGITS.store(n, Ordering::Relaxed)
}

/// CPython's modulus for numeric hashes (2^61 - 1).
pub const HASH_MODULUS: u64 = (1u64 << 61) - 1;

// ----- construction and access -----

/// An exact int from an i64 (tagged when it fits 63 bits).
#[inline]
pub fn from_i64(i: i64) -> Obj {
    if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
        Obj::from_small(i)
    } else {
        alloc(types().int, IntObj { head: header(), value: BigInt::from(i) })
    }
}

pub fn from_usize(u: usize) -> Obj {
    if u <= SMALL_INT_MAX as usize {
        Obj::from_small(u as i64)
    } else {
        from_bigint(BigInt::from(u))
    }
}

pub fn from_u64(u: u64) -> Obj {
    from_usize(u as usize)
}

/// An exact int from a BigInt (normalized: tagged when it fits).
pub fn from_bigint(b: BigInt) -> Obj {
    if let Some(i) = b.to_i64() {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            return Obj::from_small(i);
        }
    }
    alloc(types().int, IntObj { head: header(), value: b })
}

/// An instance of `cls` (int or a subclass of it) with value `b`.
pub fn new_of_type(cls: &super::typeobj::TypeObject, b: BigInt) -> Obj {
    if std::ptr::eq(cls, types().int) {
        from_bigint(b)
    } else {
        alloc(cls, IntObj { head: header(), value: b })
    }
}

/// Is `o` an int (int, bool, or an int subclass instance)?
#[inline]
pub fn is_int(o: &Obj) -> bool {
    o.is_small_int() || o.ty().has_flag(flags::INT_SUBCLASS) || o.isinstance(types().int)
}

/// The BigInt of a heap int (bool, big int, subclass instance).
#[inline]
pub fn big_ref(o: &Obj) -> Option<&BigInt> {
    if o.is_small_int() || !is_int(o) {
        None
    } else {
        Some(unsafe { &o.payload::<IntObj>().value })
    }
}

/// The value of any int as a BigInt.
pub fn to_bigint(o: &Obj) -> Option<BigInt> {
    match o.small_int() {
        Some(i) => Some(BigInt::from(i)),
        None => big_ref(o).cloned(),
    }
}

/// The value of any int, borrowed when possible.
pub fn to_big_cow(o: &Obj) -> Option<Cow<'_, BigInt>> {
    match o.small_int() {
        Some(i) => Some(Cow::Owned(BigInt::from(i))),
        None => big_ref(o).map(Cow::Borrowed),
    }
}

/// The value of any int when it fits an i64.
#[inline]
pub fn to_i64(o: &Obj) -> Option<i64> {
    match o.small_int() {
        Some(i) => Some(i),
        None => big_ref(o).and_then(|b| b.to_i64()),
    }
}

/// An exact int with the value of `o` (an int or int-subclass instance).
pub fn exact_int(o: &Obj) -> Obj {
    if o.is_small_int() || o.is_exact(types().int) {
        return o.clone();
    }
    match big_ref(o) {
        Some(b) => from_bigint(b.clone()),
        None => o.clone(),
    }
}

/// CPython's hash of an int that fits an i64.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    // (the division only for magnitudes of 2**61 - 1 and more: small ints skip it)
    let u = i.unsigned_abs();
    let m = if u < HASH_MODULUS { u } else { u % HASH_MODULUS };
    let h = if i < 0 { -(m as i64) } else { m as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's hash of any int.
pub fn hash_bigint(b: &BigInt) -> i64 {
    if let Some(i) = b.to_i64() {
        return hash_i64(i);
    }
    let mut acc: u64 = 0;
    // 2^64 == 8 (mod 2^61 - 1)
    for d in b.magnitude().to_u64_digits().iter().rev() {
        acc = ((acc as u128 * 8 + *d as u128) % HASH_MODULUS as u128) as u64;
    }
    let h = if b.is_negative() { -(acc as i64) } else { acc as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

// ----- keyword argument binding (shared by the number and text types) -----

/// Binds `args`/`kw` to the parameter `names` of builtin `fname`: the first `posonly`
/// names are positional-only, names from `kwonly` on are keyword-only, the first
/// `required` are required. Returns one slot per name.
pub fn bind_args(
    fname: &str,
    args: &[Obj],
    kw: &KwArgs,
    names: &[&str],
    posonly: usize,
    kwonly: usize,
    required: usize,
) -> PyResult<Vec<Option<Obj>>> {
    let mut out: Vec<Option<Obj>> = vec![None; names.len()];
    if args.len() > kwonly {
        if kwonly < names.len() {
            return Err(type_error(format!(
                "{}() takes at most {} positional argument{} ({} given)",
                fname,
                kwonly,
                if kwonly == 1 { "" } else { "s" },
                args.len()
            )));
        }
        if kwonly == 0 {
            return Err(type_error(format!("{}() takes no arguments ({} given)", fname, args.len())));
        }
        return Err(type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            fname,
            kwonly,
            if kwonly == 1 { "" } else { "s" },
            args.len()
        )));
    }
    for (i, a) in args.iter().enumerate() {
        out[i] = Some(a.clone());
    }
    for (k, v) in kw.iter() {
        let ks = super::str::as_str(k).unwrap_or("");
        match names.iter().position(|n| *n == ks) {
            Some(i) if i >= posonly => {
                if out[i].is_some() {
                    return Err(type_error(format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        fname,
                        ks,
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            _ => {
                return Err(type_error(format!("'{}' is an invalid keyword argument for {}()", ks, fname)));
            }
        }
    }
    for i in 0..required {
        if out[i].is_none() {
            if i < posonly || names[i].is_empty() {
                return Err(type_error(format!(
                    "{}() takes at least {} positional argument{} ({} given)",
                    fname,
                    required,
                    if required == 1 { "" } else { "s" },
                    args.len()
                )));
            }
            return Err(type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                fname,
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

// ----- float conversion -----

/// `x * 2^e` without intermediate overflow/underflow for exact scalings.
pub fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e as i32)
}

/// `a / b` correctly rounded (round-half-even) for b != 0; `None` on overflow.
pub fn ratio_to_f64(a: &BigInt, b: &BigInt) -> Option<f64> {
    debug_assert!(!b.is_zero());
    if a.is_zero() {
        return Some(if b.is_negative() { -0.0 } else { 0.0 });
    }
    let neg = a.is_negative() != b.is_negative();
    let (a, b) = (a.magnitude(), b.magnitude());
    let k = a.bits() as i64 - b.bits() as i64;
    // Aim for a quotient of 55..57 bits, then round to 53 (fewer for subnormals).
    let e = k - 55;
    let (q, r) = if e >= 0 {
        (a / (b << e as usize), a % (b << e as usize))
    } else {
        let sa = a << (-e) as usize;
        (&sa / b, &sa % b)
    };
    let sticky = !r.is_zero();
    let nb = q.bits() as i64;
    let mut shift = nb - 53;
    let mut e2 = e + shift;
    if e2 < -1074 {
        shift += -1074 - e2;
        e2 = -1074;
    }
    let mut qv: u64;
    if shift > 0 {
        if shift as u64 > nb as u64 {
            // Everything is below half the smallest subnormal.
            qv = 0;
        } else {
            let low_mask = (num_bigint::BigUint::one() << shift as usize) - 1u32;
            let low = &q & &low_mask;
            qv = (&q >> shift as usize).to_u64().unwrap_or(u64::MAX);
            let half = num_bigint::BigUint::one() << (shift as usize - 1);
            if low > half || (low == half && (sticky || qv & 1 == 1)) {
                qv += 1;
            }
        }
    } else {
        qv = (&q << (-shift) as usize).to_u64().unwrap_or(u64::MAX);
    }
    let v = ldexp(qv as f64, e2);
    if v.is_infinite() {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// A BigInt as a correctly rounded f64; `None` when too large.
pub fn bigint_to_f64(b: &BigInt) -> Option<f64> {
    if let Some(i) = b.to_i64() {
        return Some(i as f64);
    }
    ratio_to_f64(b, &BigInt::one())
}

fn too_large_float() -> crate::object::PyErr {
    overflow_error("int too large to convert to float")
}

/// `float(o)` for an int `o`.
pub fn int_to_f64(o: &Obj) -> PyResult<f64> {
    if let Some(i) = o.small_int() {
        return Ok(i as f64);
    }
    match big_ref(o) {
        Some(b) => bigint_to_f64(b).ok_or_else(too_large_float),
        None => Err(type_error("an integer is required")),
    }
}

// ----- string conversion -----

fn limit_error_to_str() -> crate::object::PyErr {
    value_error(format!(
        "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        max_str_digits()
    ))
}

/// Decimal text of a BigInt, enforcing the str-digits limit.
pub fn bigint_to_decimal(b: &BigInt) -> PyResult<String> {
    if let Some(i) = b.to_i64() {
        return Ok(i.to_string());
    }
    let lim = max_str_digits();
    if lim > 0 {
        // bits * log10(2) is a lower bound on digits - 1.
        let bits = b.bits() as f64;
        if (bits - 1.0) * std::f64::consts::LOG10_2 >= lim as f64 + 1.0 {
            return Err(limit_error_to_str());
        }
    }
    let s = b.to_string();
    if lim > 0 {
        let digits = s.len() - if b.is_negative() { 1 } else { 0 };
        if digits > lim {
            return Err(limit_error_to_str());
        }
    }
    Ok(s)
}

/// Decimal text of an int object (`str(i)`), enforcing the str-digits limit.
pub fn to_decimal_string(o: &Obj) -> PyResult<String> {
    if let Some(i) = o.small_int() {
        return Ok(i.to_string());
    }
    match big_ref(o) {
        Some(b) => bigint_to_decimal(b),
        None => Err(type_error("an integer is required")),
    }
}

fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Parses Python int literal text (`int(s, base)` grammar). `Ok(None)` = invalid literal.
pub fn parse_int_str(s: &str, base: u32) -> PyResult<Option<BigInt>> {
    let t = s.trim_matches(py_isspace);
    let (neg, mut t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut base = base;
    let lower2 = t.get(..2).map(|p| p.to_ascii_lowercase());
    let mut after_prefix = false;
    let prefix_base = match lower2.as_deref() {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 0,
    };
    if prefix_base != 0 && (base == 0 || base == prefix_base) {
        base = prefix_base;
        t = &t[2..];
        after_prefix = true;
    } else if base == 0 {
        base = 10;
        // Base 0 forbids leading zeros in non-zero decimals.
        if t.starts_with('0') && !t.chars().all(|c| c == '0' || c == '_') {
            return Ok(None);
        }
    }
    // Validate digits and underscores; collect plain digits.
    let mut digits = String::with_capacity(t.len());
    let mut prev_us = false;
    let mut seen_digit = false;
    let mut allow_leading_us = after_prefix; // `0x_1f` is valid
    for c in t.chars() {
        if c == '_' {
            if prev_us || (!seen_digit && !allow_leading_us) {
                return Ok(None);
            }
            prev_us = true;
            allow_leading_us = false;
            continue;
        }
        let d = match c.to_digit(36) {
            Some(d) => d,
            None => match unicode_decimal(c) {
                Some(d) => d,
                None => return Ok(None),
            },
        };
        if d >= base {
            return Ok(None);
        }
        digits.push(std::char::from_digit(d, 36).unwrap());
        prev_us = false;
        seen_digit = true;
    }
    if !seen_digit || prev_us {
        return Ok(None);
    }
    if !base.is_power_of_two() {
        let lim = max_str_digits();
        if lim > 0 && digits.len() > lim {
            return Err(value_error(format!(
                "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                lim,
                digits.len()
            )));
        }
    }
    let v = if digits.len() <= 18 && base <= 10 || digits.len() <= 12 {
        BigInt::from(i64::from_str_radix(&digits, base).unwrap_or(0))
    } else {
        match BigInt::parse_bytes(digits.as_bytes(), base) {
            Some(v) => v,
            None => return Ok(None),
        }
    };
    Ok(Some(if neg { -v } else { v }))
}

/// The value of a non-ASCII Unicode decimal digit (category Nd).
pub fn unicode_decimal(c: char) -> Option<u32> {
    let cp = c as u32;
    if cp < 0x80 {
        return None;
    }
    let zeros = &super::unicode_db::DECIMAL_ZEROS;
    let i = zeros.partition_point(|z| *z <= cp);
    if i == 0 {
        return None;
    }
    let z = zeros[i - 1];
    if cp < z + 10 && super::str::uflags(c) & super::unicode_db::DECIMAL != 0 {
        Some(cp - z)
    } else {
        None
    }
}

// ----- constructor -----

fn int_from_object(x: &Obj) -> PyResult<Obj> {
    if x.is_small_int() || x.is_exact(types().int) {
        return Ok(x.clone());
    }
    let s = x.ty().slots();
    if let Some(f) = s.int {
        let r = f(x)?;
        if !is_int(&r) {
            return Err(type_error(format!("__int__ returned non-int (type {})", r.type_name())));
        }
        return Ok(exact_int(&r));
    }
    if is_int(x) {
        return Ok(exact_int(x));
    }
    if let Some(f) = s.index {
        let r = f(x)?;
        if !is_int(&r) {
            return Err(type_error(format!("__index__ returned non-int (type {})", r.type_name())));
        }
        return Ok(exact_int(&r));
    }
    if let Some(t) = crate::protocol::call_special(x, "__trunc__", &[])? {
        if is_int(&t) {
            return Ok(exact_int(&t));
        }
        return crate::protocol::index(&t).map_err(|_| {
            type_error(format!("__trunc__ returned non-Integral (type {})", t.type_name()))
        });
    }
    if let Some(st) = super::str::as_str(x) {
        return parse_for_int(st, 10, x);
    }
    if let Some(b) = super::bytes::as_bytes_any(x) {
        let st = String::from_utf8_lossy(b).into_owned();
        return parse_for_int(&st, 10, x);
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.type_name()
    )))
}

fn parse_for_int(s: &str, base: u32, orig: &Obj) -> PyResult<Obj> {
    match parse_int_str(s, base)? {
        Some(v) => Ok(from_bigint(v)),
        None => {
            let mut r = crate::protocol::repr_string(orig)?;
            if r.chars().count() > 200 {
                r = r.chars().take(200).collect();
            }
            Err(value_error(format!("invalid literal for int() with base {}: {}", base, r)))
        }
    }
}

fn int_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if args.len() > 2 {
        return Err(type_error(format!("int() takes at most 2 arguments ({} given)", args.len())));
    }
    let a = bind_args("int", args, kw, &["x", "base"], 1, 2, 0)?;
    let v = match (&a[0], &a[1]) {
        (None, None) => Obj::from_small(0),
        (None, Some(_)) => return Err(type_error("int() missing string argument")),
        (Some(x), None) => int_from_object(x)?,
        (Some(x), Some(b)) => {
            let base = crate::protocol::index_i64(b).unwrap_or(-1);
            if base != 0 && !(2..=36).contains(&base) {
                return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            if let Some(st) = super::str::as_str(x) {
                parse_for_int(st, base as u32, x)?
            } else if let Some(bs) = super::bytes::as_bytes_any(x) {
                let st = String::from_utf8_lossy(bs).into_owned();
                parse_for_int(&st, base as u32, x)?
            } else {
                return Err(type_error("int() can't convert non-string with explicit base"));
            }
        }
    };
    let ty = super::typeobj::as_type(cls);
    if std::ptr::eq(ty, types().int) {
        Ok(v)
    } else {
        Ok(new_of_type(ty, to_bigint(&v).unwrap_or_default()))
    }
}

// ----- arithmetic -----

/// The value of an int as i64 when cheap (tagged, or a heap int that fits).
#[inline]
fn small_of(o: &Obj) -> Option<i64> {
    match o.small_int() {
        Some(i) => Some(i),
        None => big_ref(o).and_then(|b| b.to_i64()),
    }
}

fn div_zero() -> crate::object::PyErr {
    zero_division_error("integer division or modulo by zero")
}
fn mod_zero() -> crate::object::PyErr {
    zero_division_error("integer modulo by zero")
}

/// `a op b` for two ints (both must be ints), for every BinOp except TrueDiv, Pow, MatMul.
pub fn int_binop(a: &Obj, b: &Obj, op: BinOp) -> PyResult<Obj> {
    if let (Some(x), Some(y)) = (small_of(a), small_of(b)) {
        let r: Option<i64> = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(div_zero());
                }
                x.checked_div(y).map(|q| if (x % y != 0) && ((x < 0) != (y < 0)) { q - 1 } else { q })
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(mod_zero());
                }
                x.checked_rem(y).map(|r| if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r })
            }
            BinOp::LShift => {
                if y < 0 {
                    return Err(value_error("negative shift count"));
                }
                if x == 0 {
                    Some(0)
                } else if y < 63 && (x << y) >> y == x {
                    Some(x << y)
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(value_error("negative shift count"));
                }
                Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y })
            }
            BinOp::And => Some(x & y),
            BinOp::Or => Some(x | y),
            BinOp::Xor => Some(x ^ y),
            BinOp::TrueDiv => return int_truediv(a, b),
            BinOp::Pow => return int_pow(a, b),
            BinOp::MatMul => return Ok(not_implemented()),
        };
        if let Some(r) = r {
            return Ok(from_i64(r));
        }
    }
    let (Some(x), Some(y)) = (to_big_cow(a), to_big_cow(b)) else {
        return Ok(not_implemented());
    };
    let (x, y): (&BigInt, &BigInt) = (&x, &y);
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(div_zero());
            }
            x.div_floor(y)
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(mod_zero());
            }
            x.mod_floor(y)
        }
        BinOp::LShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            if x.is_zero() {
                BigInt::zero()
            } else {
                match y.to_u64() {
                    Some(n) if n <= (1u64 << 35) => x << (n as usize),
                    // CPython cannot allocate the result either.
                    _ => return Err(crate::errors::memory_error()),
                }
            }
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            match y.to_u64() {
                Some(n) if n <= x.bits() => x >> (n as usize),
                _ => {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::TrueDiv => return int_truediv(a, b),
        BinOp::Pow => return int_pow(a, b),
        BinOp::MatMul => return Ok(not_implemented()),
    };
    Ok(from_bigint(r))
}

/// `a / b` for two ints.
pub fn int_truediv(a: &Obj, b: &Obj) -> PyResult<Obj> {
    const EXACT: i64 = 1 << 53;
    if let (Some(x), Some(y)) = (small_of(a), small_of(b)) {
        if y == 0 {
            return Err(zero_division_error("division by zero"));
        }
        if x.abs() <= EXACT && y.abs() <= EXACT {
            return Ok(super::float::new(x as f64 / y as f64));
        }
    }
    let (Some(x), Some(y)) = (to_big_cow(a), to_big_cow(b)) else {
        return Ok(not_implemented());
    };
    if y.is_zero() {
        return Err(zero_division_error("division by zero"));
    }
    match ratio_to_f64(&x, &y) {
        Some(v) => Ok(super::float::new(v)),
        None => Err(overflow_error("integer division result too large for a float")),
    }
}

/// `a ** b` for two ints (negative exponents give floats).
pub fn int_pow(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (to_big_cow(a), to_big_cow(b)) else {
        return Ok(not_implemented());
    };
    if y.is_negative() {
        if x.is_zero() {
            return Err(zero_division_error("0.0 cannot be raised to a negative power"));
        }
        let xf = int_to_f64(a)?;
        let yf = int_to_f64(b)?;
        return super::float::pow_f64(xf, yf).map(super::float::new);
    }
    if let (Some(xs), Some(ys)) = (x.to_i64(), y.to_u32()) {
        if let Some(r) = xs.checked_pow(ys) {
            return Ok(from_i64(r));
        }
    }
    if x.is_zero() || x.is_one() {
        return Ok(from_bigint(x.into_owned()));
    }
    if *x == BigInt::from(-1) {
        return Ok(from_i64(if y.is_even() { 1 } else { -1 }));
    }
    match y.to_u32() {
        Some(e) if (x.bits() as u128) * (e as u128) < (1u128 << 36) => Ok(from_bigint(Pow::pow(x.as_ref(), e))),
        _ => Err(crate::errors::memory_error()),
    }
}

/// `pow(a, b, m)` for ints (the 3-argument builtin).
pub fn pow_mod(a: &Obj, b: &Obj, m: &Obj) -> PyResult<Obj> {
    let (Some(x), Some(y), Some(md)) = (to_bigint(a), to_bigint(b), to_bigint(m)) else {
        return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    };
    if md.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let (mut base, mut exp) = (x, y);
    if exp.is_negative() {
        let mabs = md.abs();
        let g = base.mod_floor(&mabs).extended_gcd(&mabs);
        if !g.gcd.is_one() {
            return Err(value_error("base is not invertible for the given modulus"));
        }
        base = g.x.mod_floor(&mabs);
        exp = -exp;
    }
    if md.abs().is_one() {
        return Ok(Obj::from_small(0));
    }
    Ok(from_bigint(base.modpow(&exp, &md)))
}

macro_rules! int_slot {
    ($name:ident, $op:expr) => {
        fn $name(a: &Obj, b: &Obj) -> PyResult<Obj> {
            if !is_int(a) || !is_int(b) {
                return Ok(not_implemented());
            }
            int_binop(a, b, $op)
        }
    };
}
int_slot!(int_add, BinOp::Add);
int_slot!(int_sub, BinOp::Sub);
int_slot!(int_mul, BinOp::Mul);
int_slot!(int_floordiv, BinOp::FloorDiv);
int_slot!(int_mod, BinOp::Mod);
int_slot!(int_lshift, BinOp::LShift);
int_slot!(int_rshift, BinOp::RShift);
int_slot!(int_and, BinOp::And);
int_slot!(int_or, BinOp::Or);
int_slot!(int_xor, BinOp::Xor);

fn int_truediv_slot(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_int(a) || !is_int(b) {
        return Ok(not_implemented());
    }
    int_truediv(a, b)
}
fn int_pow_slot(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_int(a) || !is_int(b) {
        return Ok(not_implemented());
    }
    int_pow(a, b)
}

fn int_neg(a: &Obj) -> PyResult<Obj> {
    if let Some(x) = small_of(a) {
        if let Some(r) = x.checked_neg() {
            return Ok(from_i64(r));
        }
    }
    Ok(from_bigint(-to_bigint(a).unwrap_or_default()))
}
fn int_pos(a: &Obj) -> PyResult<Obj> {
    Ok(exact_int(a))
}
fn int_abs(a: &Obj) -> PyResult<Obj> {
    if let Some(x) = small_of(a) {
        if let Some(r) = x.checked_abs() {
            return Ok(from_i64(r));
        }
    }
    Ok(from_bigint(to_bigint(a).unwrap_or_default().abs()))
}
fn int_invert(a: &Obj) -> PyResult<Obj> {
    if let Some(x) = small_of(a) {
        return Ok(from_i64(!x));
    }
    Ok(from_bigint(!to_bigint(a).unwrap_or_default()))
}
fn int_bool(a: &Obj) -> PyResult<bool> {
    Ok(match a.small_int() {
        Some(i) => i != 0,
        None => big_ref(a).map(|b| !b.is_zero()).unwrap_or(true),
    })
}
fn int_float(a: &Obj) -> PyResult<Obj> {
    Ok(super::float::new(int_to_f64(a)?))
}
fn int_hash(a: &Obj) -> PyResult<i64> {
    Ok(match a.small_int() {
        Some(i) => hash_i64(i),
        None => big_ref(a).map(hash_bigint).unwrap_or(0),
    })
}
fn int_repr(a: &Obj) -> PyResult<Obj> {
    Ok(super::str::from_string(to_decimal_string(a)?))
}

/// Applies a comparison operator to an `Ordering`.
pub fn cmp_result(ord: std::cmp::Ordering, op: CmpOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => ord == Less,
        CmpOp::Le => ord != Greater,
        CmpOp::Eq => ord == Equal,
        CmpOp::Ne => ord != Equal,
        CmpOp::Gt => ord == Greater,
        CmpOp::Ge => ord != Less,
    }
}

fn int_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_int(a) || !is_int(b) {
        return Ok(not_implemented());
    }
    let ord = match (small_of(a), small_of(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => {
            let (x, y) = (to_big_cow(a).unwrap(), to_big_cow(b).unwrap());
            x.as_ref().cmp(y.as_ref())
        }
    };
    Ok(super::bool::from_bool(cmp_result(ord, op)))
}

/// Compares an int with a float exactly (CPython semantics; NaN compares unequal).
pub fn compare_int_float(i: &Obj, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let Some(x) = small_of(i) {
        if x.abs() <= (1 << 53) {
            return (x as f64).partial_cmp(&f);
        }
    }
    let x = to_bigint(i)?;
    let fl = f.floor();
    let flb = BigInt::from(num_traits::FromPrimitive::from_f64(fl).unwrap_or(0i64));
    let flb = if fl.abs() >= 9.0e18 { float_to_bigint(fl) } else { flb };
    match x.cmp(&flb) {
        Ordering::Less => Some(Ordering::Less),
        Ordering::Greater => Some(Ordering::Greater),
        Ordering::Equal => Some(if fl == f { Ordering::Equal } else { Ordering::Less }),
    }
}

/// The integer value of a finite float, truncated toward zero.
pub fn float_to_bigint(f: f64) -> BigInt {
    let f = f.trunc();
    if f.abs() < 9.0e18 {
        return BigInt::from(f as i64);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let m = BigInt::from(mant);
    let v = if exp >= 0 { m << exp as usize } else { m >> (-exp) as usize };
    if f < 0.0 {
        -v
    } else {
        v
    }
}

/// `int(f)` for a float: OverflowError/ValueError for inf/nan.
pub fn from_f64_trunc(f: f64) -> PyResult<Obj> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 4.0e18 {
        return Ok(from_i64(f as i64));
    }
    Ok(from_bigint(float_to_bigint(f)))
}

// ----- methods -----

fn arg_self(args: &[Obj]) -> BigInt {
    to_bigint(&args[0]).unwrap_or_default()
}

fn m_bit_length(args: &[Obj]) -> PyResult<Obj> {
    if let Some(x) = small_of(&args[0]) {
        return Ok(from_i64(64 - x.unsigned_abs().leading_zeros() as i64));
    }
    Ok(from_u64(arg_self(args).bits()))
}
fn m_bit_count(args: &[Obj]) -> PyResult<Obj> {
    if let Some(x) = small_of(&args[0]) {
        return Ok(from_i64(x.unsigned_abs().count_ones() as i64));
    }
    let b = arg_self(args);
    let n: u64 = b.magnitude().to_u64_digits().iter().map(|d| d.count_ones() as u64).sum();
    Ok(from_u64(n))
}
fn m_conjugate(args: &[Obj]) -> PyResult<Obj> {
    Ok(exact_int(&args[0]))
}
fn m_as_integer_ratio(args: &[Obj]) -> PyResult<Obj> {
    Ok(super::tuple::new(vec![exact_int(&args[0]), Obj::from_small(1)]))
}
fn m_trunc(args: &[Obj]) -> PyResult<Obj> {
    Ok(exact_int(&args[0]))
}
fn m_divmod(args: &[Obj]) -> PyResult<Obj> {
    divmod_pair(&args[0], &args[1])
}
fn m_rdivmod(args: &[Obj]) -> PyResult<Obj> {
    divmod_pair(&args[1], &args[0])
}

/// `divmod(a, b)` for ints (NotImplemented if either is not an int).
pub fn divmod_pair(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_int(a) || !is_int(b) {
        return Ok(not_implemented());
    }
    if let (Some(x), Some(y)) = (small_of(a), small_of(b)) {
        if y == 0 {
            return Err(div_zero());
        }
        if !(x == i64::MIN && y == -1) {
            let (q, r) = (Integer::div_floor(&x, &y), Integer::mod_floor(&x, &y));
            return Ok(super::tuple::new(vec![from_i64(q), from_i64(r)]));
        }
    }
    let (x, y) = (to_bigint(a).unwrap(), to_bigint(b).unwrap());
    if y.is_zero() {
        return Err(div_zero());
    }
    let (q, r) = x.div_mod_floor(&y);
    Ok(super::tuple::new(vec![from_bigint(q), from_bigint(r)]))
}

fn m_round(args: &[Obj]) -> PyResult<Obj> {
    let nd = match args.get(1) {
        None => return Ok(exact_int(&args[0])),
        Some(n) if super::none::is_none(n) => return Ok(exact_int(&args[0])),
        Some(n) => crate::protocol::index(n)?,
    };
    let ndb = to_bigint(&nd).unwrap_or_default();
    if !ndb.is_negative() {
        return Ok(exact_int(&args[0]));
    }
    let x = arg_self(args);
    let k = match (-ndb).to_u32() {
        Some(k) if k < 100_000 => k,
        _ => return Ok(Obj::from_small(0)),
    };
    let p: BigInt = Pow::pow(BigInt::from(10), k);
    let (mut q, r) = x.div_mod_floor(&p);
    let twice = &r * 2;
    if twice > p || (twice == p && q.is_odd()) {
        q += 1;
    }
    Ok(from_bigint(q * p))
}

fn m_format(args: &[Obj]) -> PyResult<Obj> {
    let spec = super::str::as_str(&args[1]).ok_or_else(|| {
        type_error(format!("format() argument 2 must be str, not {}", args[1].type_name()))
    })?;
    crate::format::format_int_obj(&args[0], spec)
}

fn byteorder_arg(o: Option<&Obj>) -> PyResult<bool> {
    // true = little
    match o {
        None => Ok(false),
        Some(b) => match super::str::as_str(b) {
            Some("little") => Ok(true),
            Some("big") => Ok(false),
            Some(_) => Err(value_error("byteorder must be either 'little' or 'big'")),
            None => Err(type_error(format!(
                "to_bytes() argument 'byteorder' must be str, not {}",
                b.type_name()
            ))),
        },
    }
}

fn m_to_bytes(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("to_bytes", args, kw, &["length", "byteorder", "signed"], 0, 2, 0)?;
    let length = match &a[0] {
        Some(l) => crate::protocol::index_i64(l)?,
        None => 1,
    };
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    let little = byteorder_arg(a[1].as_ref())?;
    let signed = match &a[2] {
        Some(x) => crate::protocol::is_true(x)?,
        None => false,
    };
    let v = to_bigint(s).unwrap_or_default();
    if v.is_negative() && !signed {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { v.to_signed_bytes_le() } else { v.magnitude().to_bytes_le() };
    if v.is_zero() {
        bytes.clear();
    }
    let length = length as usize;
    if bytes.len() > length {
        // to_signed_bytes_le may include a needed sign byte; either way it's too big.
        return Err(overflow_error("int too big to convert"));
    }
    let fill = if signed && v.is_negative() { 0xffu8 } else { 0 };
    let extra = length - bytes.len();
    crate::errors::reserve(&mut bytes, extra)?;
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(super::bytes::new(bytes))
}

fn m_from_bytes(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("from_bytes", args, kw, &["bytes", "byteorder", "signed"], 0, 2, 1)?;
    let src = a[0].as_ref().unwrap();
    let data: Vec<u8> = match super::bytes::as_bytes_any(src) {
        Some(b) => b.to_vec(),
        None => super::bytes::bytes_from_object(src)?,
    };
    let little = byteorder_arg(a[1].as_ref())?;
    let signed = match &a[2] {
        Some(x) => crate::protocol::is_true(x)?,
        None => false,
    };
    let v = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(&data),
        (false, true) => BigInt::from_signed_bytes_be(&data),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &data),
    };
    let r = from_bigint(v);
    if cls.is(&types().int.as_obj()) {
        Ok(r)
    } else {
        crate::protocol::call(cls, &[r])
    }
}

fn g_real(o: &Obj) -> PyResult<Obj> {
    Ok(exact_int(o))
}
fn g_imag(_o: &Obj) -> PyResult<Obj> {
    Ok(Obj::from_small(0))
}
fn g_denominator(_o: &Obj) -> PyResult<Obj> {
    Ok(Obj::from_small(1))
}

fn m_getnewargs(args: &[Obj]) -> PyResult<Obj> {
    Ok(super::tuple::new(vec![exact_int(&args[0])]))
}

fn m_sizeof(args: &[Obj]) -> PyResult<Obj> {
    let b = arg_self(args);
    let digits = (b.bits() + 29) / 30;
    Ok(from_u64(24 + 4 * digits.max(1)))
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("int", std::mem::size_of::<IntObj>(), drop_as::<IntObj>);
    s.flags = flags::INT_SUBCLASS;
    let sl = &mut s.slots;
    sl.repr = Some(int_repr);
    sl.hash = Some(int_hash);
    sl.richcompare = Some(int_richcompare);
    sl.bool = Some(int_bool);
    sl.number[BinOp::Add as usize] = Some(int_add);
    sl.number[BinOp::Sub as usize] = Some(int_sub);
    sl.number[BinOp::Mul as usize] = Some(int_mul);
    sl.number[BinOp::TrueDiv as usize] = Some(int_truediv_slot);
    sl.number[BinOp::FloorDiv as usize] = Some(int_floordiv);
    sl.number[BinOp::Mod as usize] = Some(int_mod);
    sl.number[BinOp::Pow as usize] = Some(int_pow_slot);
    sl.number[BinOp::LShift as usize] = Some(int_lshift);
    sl.number[BinOp::RShift as usize] = Some(int_rshift);
    sl.number[BinOp::And as usize] = Some(int_and);
    sl.number[BinOp::Or as usize] = Some(int_or);
    sl.number[BinOp::Xor as usize] = Some(int_xor);
    sl.neg = Some(int_neg);
    sl.pos = Some(int_pos);
    sl.abs = Some(int_abs);
    sl.invert = Some(int_invert);
    sl.int = Some(int_pos);
    sl.index = Some(int_pos);
    sl.float = Some(int_float);
    sl.new = Some(int_new);
    s.methods = vec![
        MethodDef::Method { name: "__trunc__", func: m_trunc, min: 1, max: 1 },
        MethodDef::Method { name: "__floor__", func: m_trunc, min: 1, max: 1 },
        MethodDef::Method { name: "__ceil__", func: m_trunc, min: 1, max: 1 },
        MethodDef::Method { name: "__round__", func: m_round, min: 1, max: 2 },
        MethodDef::Method { name: "__format__", func: m_format, min: 2, max: 2 },
        MethodDef::Method { name: "__divmod__", func: m_divmod, min: 2, max: 2 },
        MethodDef::Method { name: "__rdivmod__", func: m_rdivmod, min: 2, max: 2 },
        MethodDef::Method { name: "__getnewargs__", func: m_getnewargs, min: 1, max: 1 },
        MethodDef::Method { name: "__sizeof__", func: m_sizeof, min: 1, max: 1 },
        MethodDef::Getter { name: "real", get: g_real },
        MethodDef::Getter { name: "imag", get: g_imag },
        MethodDef::Getter { name: "numerator", get: g_real },
        MethodDef::Getter { name: "denominator", get: g_denominator },
    ];
    EXTRA.extend(&mut s.methods);
    let _ = none;
    s
}

super::method_extension! {
    /// Enables int's extension table (called by the program's `main`; types/mod.rs
    /// `MethodExtension`).
    pyrt_methods_int: EXTRA(MethodDef) => extra_methods
}

pub(super) fn extra_methods() -> Vec<MethodDef> {
    vec![
        MethodDef::Method { name: "bit_length", func: m_bit_length, min: 1, max: 1 },
        MethodDef::Method { name: "bit_count", func: m_bit_count, min: 1, max: 1 },
        MethodDef::Method { name: "conjugate", func: m_conjugate, min: 1, max: 1 },
        MethodDef::Method { name: "as_integer_ratio", func: m_as_integer_ratio, min: 1, max: 1 },
        MethodDef::MethodKw { name: "to_bytes", func: m_to_bytes },
        MethodDef::ClassMethod { name: "from_bytes", func: m_from_bytes },
    ]
}
