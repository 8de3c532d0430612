//! `range` and `range_iterator`. Ranges hold i64 start/stop/step/len on the fast path and
//! switch to a boxed big-int form (`BigRange`) when a bound or the length does not fit;
//! len, indexing and slicing (slices give ranges), O(1) `in` for ints, count/index, `==` by value, CPython's hash
//! (the hash of `(len, start, step)` with CPython's None substitutions), reversed.

use pyc_frontend::bytecode::CmpOp;

use super::list::{is_index, no_kwargs};
use super::typeobj::{drop_as, KwArgs, MethodDef};
use super::{none, types, TypeSpec};
use crate::errors::{index_error, overflow_error, type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::{int, str as pystr};
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

#[repr(C)]
pub struct RangeObj {
    pub head: ObjHeader,
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    /// Number of elements.
    pub len: u64,
    /// Set when a bound or the length does not fit the i64 fields (which are then unused).
    pub big: Option<Box<BigRange>>,
}

/// The arbitrary-precision form of a range.
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let zero = BigInt::zero();
    if step > &zero {
        if start < stop { (stop - start - 1u8) / step + 1u8 } else { zero }
    } else if start > stop {
        (start - stop - 1u8) / (-step) + 1u8
    } else {
        zero
    }
}

/// A range from arbitrary-precision bounds (uses the i64 form when everything fits).
pub fn new_big(start: BigInt, stop: BigInt, step: BigInt) -> PyResult<Obj> {
    if step.is_zero() {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    let len = big_len(&start, &stop, &step);
    if let (Some(a), Some(b), Some(c), Some(_)) = (start.to_i64(), stop.to_i64(), step.to_i64(), len.to_i64()) {
        return new(a, b, c);
    }
    let big = Some(Box::new(BigRange { start, stop, step, len }));
    Ok(alloc(types().range, RangeObj { head: header(), start: 0, stop: 0, step: 1, len: 0, big }))
}

/// The range as big ints (start, stop, step, len).
fn as_big(r: &RangeObj) -> (BigInt, BigInt, BigInt, BigInt) {
    match &r.big {
        Some(b) => (b.start.clone(), b.stop.clone(), b.step.clone(), b.len.clone()),
        None => (BigInt::from(r.start), BigInt::from(r.stop), BigInt::from(r.step), BigInt::from(r.len)),
    }
}

fn big_obj(b: BigInt) -> Obj {
    int::from_bigint(b)
}

fn compute_len(start: i64, stop: i64, step: i64) -> u64 {
    // `range(n)` / `range(a, b)`: no division (a 128-bit one costs ~60 instructions,
    // paid by every `for i in range(...)` loop entry).
    if step == 1 {
        return if start < stop { stop.abs_diff(start) } else { 0 };
    }
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 {
        if start < stop { (stop - start - 1) / step + 1 } else { 0 }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    n as u64
}

/// `range(start, stop, step)`; ValueError when step is 0.
pub fn new(start: i64, stop: i64, step: i64) -> PyResult<Obj> {
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    let len = compute_len(start, stop, step);
    if len > i64::MAX as u64 {
        return new_big(BigInt::from(start), BigInt::from(stop), BigInt::from(step));
    }
    Ok(alloc(types().range, RangeObj { head: header(), start, stop, step, len, big: None }))
}

#[inline]
fn get(o: &Obj) -> &RangeObj {
    unsafe { o.payload::<RangeObj>() }
}

#[inline]
pub fn is_range(o: &Obj) -> bool {
    !o.is_small_int() && o.is_exact(types().range)
}

/// (start, stop, step, len) of a range object.
pub fn parts(o: &Obj) -> (i64, i64, i64, u64) {
    let r = get(o);
    (r.start, r.stop, r.step, r.len)
}

fn arg_big(o: &Obj) -> PyResult<BigInt> {
    if let Some(i) = o.small_int() {
        return Ok(BigInt::from(i));
    }
    let v = protocol::index(o)?;
    Ok(int::to_bigint(&v).unwrap_or_default())
}

pub fn range_new(_cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kwargs("range", kw)?;
    if let Some((start, stop, step)) = small_bounds(args) {
        return new(start, stop, step);
    }
    match args.len() {
        0 => Err(type_error("range expected at least 1 argument, got 0")),
        1 => new_big(BigInt::zero(), arg_big(&args[0])?, BigInt::one()),
        2 => new_big(arg_big(&args[0])?, arg_big(&args[1])?, BigInt::one()),
        3 => new_big(arg_big(&args[0])?, arg_big(&args[1])?, arg_big(&args[2])?),
        n => Err(type_error(format!("range expected at most 3 arguments, got {}", n))),
    }
}

/// (start, stop, step) of `range(*args)` when every argument is a small int.
fn small_bounds(args: &[Obj]) -> Option<(i64, i64, i64)> {
    let small = |i: usize| args[i].small_int();
    match args.len() {
        1 => small(0).map(|stop| (0, stop, 1)),
        2 => small(0).zip(small(1)).map(|(a, b)| (a, b, 1)),
        3 => small(0).zip(small(1)).zip(small(2)).map(|((a, b), c)| (a, b, c)),
        _ => None,
    }
}

/// `iter(range(*args))` made at once when the bounds are small ints and the step is not
/// zero (`for i in range(n)` never sees the range object); `None` otherwise.
pub fn iter_of_small_bounds(args: &[Obj]) -> Option<Obj> {
    let (start, stop, step) = small_bounds(args)?;
    if step == 0 {
        return None;
    }
    let len = compute_len(start, stop, step);
    (len <= i64::MAX as u64).then(|| new_iter(start, step, len))
}

fn range_len(o: &Obj) -> PyResult<usize> {
    if let Some(b) = &get(o).big {
        return b.len.to_usize().filter(|&n| n <= isize::MAX as usize).ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"));
    }
    let l = get(o).len;
    if l > i64::MAX as u64 {
        return Err(overflow_error("Python int too large to convert to C ssize_t"));
    }
    Ok(l as usize)
}

fn range_bool(o: &Obj) -> PyResult<bool> {
    Ok(get(o).len != 0 || get(o).big.as_ref().is_some_and(|b| !b.len.is_zero()))
}

fn item(r: &RangeObj, i: u64) -> i64 {
    (r.start as i128 + i as i128 * r.step as i128) as i64
}

fn range_repr(o: &Obj) -> PyResult<Obj> {
    // CPython formats the bounds with `%R`: a level for their repr
    crate::recursion::check_for(" while getting the repr of an object")?;
    let r = get(o);
    if let Some(b) = &r.big {
        return Ok(pystr::from_string(if b.step.is_one() {
            format!("range({}, {})", b.start, b.stop)
        } else {
            format!("range({}, {}, {})", b.start, b.stop, b.step)
        }));
    }
    Ok(pystr::from_string(if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }))
}

/// Slice bounds with big-int semantics (`_PySlice_GetLongIndices`).
fn big_slice(key: &Obj, len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let sl = unsafe { key.payload::<super::slice::SliceObj>() };
    let bound = |v: &Obj| {
        if is_index(v) {
            arg_big(v)
        } else {
            Err(type_error("slice indices must be integers or None or have an __index__ method"))
        }
    };
    let step = if none::is_none(&sl.step) { BigInt::one() } else { bound(&sl.step)? };
    if step.is_zero() {
        return Err(value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg { (BigInt::from(-1), len - 1u8) } else { (BigInt::zero(), len.clone()) };
    let fix = |v: &Obj, dflt: &BigInt| -> PyResult<BigInt> {
        if none::is_none(v) {
            return Ok(dflt.clone());
        }
        let mut x = bound(v)?;
        if x.is_negative() {
            x += len;
            if x < lower {
                x = lower.clone();
            }
        } else if x > upper {
            x = upper.clone();
        }
        Ok(x)
    };
    let start = fix(&sl.start, if neg { &upper } else { &lower })?;
    let stop = fix(&sl.stop, if neg { &lower } else { &upper })?;
    Ok((start, stop, step))
}

fn big_getitem(r: &RangeObj, key: &Obj) -> PyResult<Obj> {
    let (start, _stop, step, len) = as_big(r);
    if is_index(key) {
        let mut i = arg_big(key)?;
        if i.is_negative() {
            i += &len;
        }
        if i.is_negative() || i >= len {
            return Err(index_error("range object index out of range"));
        }
        return Ok(big_obj(start + i * step));
    }
    if super::slice::is_slice(key) {
        let (s, e, st) = big_slice(key, &len)?;
        return new_big(&start + s * &step, &start + e * &step, step * st);
    }
    Err(type_error(format!("range indices must be integers or slices, not {}", key.type_name())))
}

fn range_getitem(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let r = get(o);
    let big_slice = super::slice::is_slice(key) && !super::slice::has_small_bounds(key);
    if r.big.is_some() || big_slice || (!key.is_small_int() && is_index(key) && protocol::index_i64(key).is_err()) {
        return big_getitem(r, key);
    }
    if is_index(key) {
        let i = match key.small_int() {
            Some(i) => i,
            None => protocol::index_i64(key).map_err(|_| index_error("range object index out of range"))?,
        };
        let j = if i < 0 { i as i128 + r.len as i128 } else { i as i128 };
        if j < 0 || j >= r.len as i128 {
            return Err(index_error("range object index out of range"));
        }
        return Ok(int::from_i64(item(r, j as u64)));
    }
    if super::slice::is_slice(key) {
        let (mut s, mut e, st) = super::slice::unpack(key)?;
        let len = r.len.min(i64::MAX as u64) as i64;
        super::slice::adjust(len, &mut s, &mut e, st);
        let nstart = r.start as i128 + s as i128 * r.step as i128;
        let nstop = r.start as i128 + e as i128 * r.step as i128;
        let nstep = r.step as i128 * st as i128;
        return new_big(BigInt::from(nstart), BigInt::from(nstop), BigInt::from(nstep));
    }
    Err(type_error(format!("range indices must be integers or slices, not {}", key.type_name())))
}

/// Position of int `v` in the range, if present.
fn position(r: &RangeObj, v: i64) -> Option<u64> {
    let (v, start, step) = (v as i128, r.start as i128, r.step as i128);
    let inside = if step > 0 { v >= start && v < r.stop as i128 } else { v <= start && v > r.stop as i128 };
    if !inside {
        return None;
    }
    let d = v - start;
    if d % step != 0 {
        return None;
    }
    Some((d / step) as u64)
}

fn exact_int_value(x: &Obj) -> Option<Option<i64>> {
    // Some(Some(i)): an int (or bool) fitting i64; Some(None): a big int (never inside);
    // None: not an int.
    if let Some(i) = x.small_int() {
        return Some(Some(i));
    }
    if x.is_exact(types().int) || x.is_exact(types().bool_) {
        return Some(int::to_i64(x));
    }
    None
}

/// Position of an int in a range, with big ints.
fn big_position(r: &RangeObj, x: &Obj) -> Option<BigInt> {
    let v = int::to_bigint(x)?;
    let (start, stop, step, _) = as_big(r);
    let inside = if step.is_positive() { v >= start && v < stop } else { v <= start && v > stop };
    if !inside {
        return None;
    }
    let d = v - start;
    if !(&d % &step).is_zero() {
        return None;
    }
    Some(d / step)
}

fn is_exact_int(x: &Obj) -> bool {
    x.is_small_int() || x.is_exact(types().int) || x.is_exact(types().bool_)
}

fn range_contains(o: &Obj, x: &Obj) -> PyResult<bool> {
    let r = get(o);
    if r.big.is_some() && is_exact_int(x) {
        return Ok(big_position(r, x).is_some());
    }
    match exact_int_value(x) {
        Some(Some(v)) => Ok(position(r, v).is_some()),
        Some(None) => Ok(false),
        None => {
            let mut i = 0;
            while i < r.len {
                if protocol::eq(&int::from_i64(item(r, i)), x)? {
                    return Ok(true);
                }
                i += 1;
            }
            Ok(false)
        }
    }
}

fn range_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_range(a) || !is_range(b) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(none::not_implemented());
    }
    let (x, y) = (get(a), get(b));
    if x.big.is_some() || y.big.is_some() {
        let (xs, _, xst, xl) = as_big(x);
        let (ys, _, yst, yl) = as_big(y);
        let eq = a.is(b) || (xl == yl && (xl.is_zero() || (xs == ys && (xl.is_one() || xst == yst))));
        return Ok(none_bool(if op == CmpOp::Eq { eq } else { !eq }));
    }
    let eq = if a.is(b) {
        true
    } else if x.len != y.len {
        false
    } else if x.len == 0 {
        true
    } else if x.start != y.start {
        false
    } else if x.len == 1 {
        true
    } else {
        x.step == y.step
    };
    Ok(none_bool(if op == CmpOp::Eq { eq } else { !eq }))
}

fn none_bool(b: bool) -> Obj {
    if b { none::true_() } else { none::false_() }
}

fn range_hash(o: &Obj) -> PyResult<i64> {
    let r = get(o);
    if let Some(b) = &r.big {
        let hs = vec![int::hash_bigint(&b.len), int::hash_bigint(&b.start), int::hash_bigint(&b.step)];
        return Ok(super::tuple::hash_of_hashes(hs.into_iter()));
    }
    let len_hash = int::hash_i64(r.len.min(i64::MAX as u64) as i64);
    let none_hash = protocol::hash(&none::none())?;
    let hs: Vec<i64> = if r.len == 0 {
        vec![len_hash, none_hash, none_hash]
    } else if r.len == 1 {
        vec![len_hash, int::hash_i64(r.start), none_hash]
    } else {
        vec![len_hash, int::hash_i64(r.start), int::hash_i64(r.step)]
    };
    Ok(super::tuple::hash_of_hashes(hs.into_iter()))
}

fn range_iter(o: &Obj) -> PyResult<Obj> {
    let r = get(o);
    if let Some(b) = &r.big {
        return Ok(new_big_iter(b.start.clone(), b.step.clone(), b.len.clone()));
    }
    Ok(new_iter(r.start, r.step, r.len))
}

fn new_big_iter(start: BigInt, step: BigInt, len: BigInt) -> Obj {
    let big = Some(Box::new((start, step, len)));
    alloc(types().range_iterator, RangeIterObj { head: header(), next: 0, step: 0, remaining: 0, big })
}

/// A `range_iterator` yielding `len` values `start, start+step, ...`.
pub fn new_iter(start: i64, step: i64, len: u64) -> Obj {
    alloc(types().range_iterator, RangeIterObj { head: header(), next: start, step, remaining: len, big: None })
}

fn m_reversed(a: &[Obj]) -> PyResult<Obj> {
    let r = get(&a[0]);
    if let Some(b) = &r.big {
        let last = &b.start + (&b.len - 1u8) * &b.step;
        return Ok(new_big_iter(last, -b.step.clone(), b.len.clone()));
    }
    if r.len == 0 {
        return Ok(new_iter(r.start, -r.step, 0));
    }
    let last = item(r, r.len - 1);
    Ok(new_iter(last, r.step.checked_neg().unwrap_or(i64::MAX), r.len))
}

fn m_count(a: &[Obj]) -> PyResult<Obj> {
    let r = get(&a[0]);
    if r.big.is_some() && is_exact_int(&a[1]) {
        return Ok(int::from_i64(big_position(r, &a[1]).is_some() as i64));
    }
    match exact_int_value(&a[1]) {
        Some(Some(v)) => Ok(int::from_i64(position(r, v).is_some() as i64)),
        Some(None) => Ok(int::from_i64(0)),
        None => {
            let mut n = 0;
            for i in 0..r.len {
                if protocol::eq(&int::from_i64(item(r, i)), &a[1])? {
                    n += 1;
                }
            }
            Ok(int::from_i64(n))
        }
    }
}

fn m_index(a: &[Obj]) -> PyResult<Obj> {
    let r = get(&a[0]);
    if (r.big.is_some() || exact_int_value(&a[1]) == Some(None)) && is_exact_int(&a[1]) {
        return match big_position(r, &a[1]) {
            Some(p) => Ok(big_obj(p)),
            None => Err(value_error(format!("{} is not in range", protocol::repr_string(&a[1])?))),
        };
    }
    match exact_int_value(&a[1]) {
        Some(v) => match v.and_then(|v| position(r, v)) {
            Some(p) => Ok(int::from_i64(p as i64)),
            None => Err(value_error(format!("{} is not in range", protocol::repr_string(&a[1])?))),
        },
        None => {
            for i in 0..r.len {
                if protocol::eq(&int::from_i64(item(r, i)), &a[1])? {
                    return Ok(int::from_i64(i as i64));
                }
            }
            Err(value_error("sequence.index(x): x not in sequence"))
        }
    }
}

fn g_start(o: &Obj) -> PyResult<Obj> {
    Ok(big_obj(as_big(get(o)).0))
}
fn g_stop(o: &Obj) -> PyResult<Obj> {
    Ok(big_obj(as_big(get(o)).1))
}
fn g_step(o: &Obj) -> PyResult<Obj> {
    Ok(big_obj(as_big(get(o)).2))
}

fn m_reduce(a: &[Obj]) -> PyResult<Obj> {
    let r = get(&a[0]);
    Ok(super::tuple::new(vec![
        types().range.as_obj(),
        {
            let (a, b, c, _) = as_big(r);
            super::tuple::new(vec![big_obj(a), big_obj(b), big_obj(c)])
        },
    ]))
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("range", std::mem::size_of::<RangeObj>(), drop_as::<RangeObj>);
    s.final_ = true;
    let sl = &mut s.slots;
    sl.repr = Some(range_repr);
    sl.hash = Some(range_hash);
    sl.richcompare = Some(range_richcompare);
    sl.iter = Some(range_iter);
    sl.len = Some(range_len);
    sl.bool = Some(range_bool);
    sl.getitem = Some(range_getitem);
    sl.contains = Some(range_contains);
    sl.new = Some(range_new);
    s.methods = vec![
        MethodDef::Method { name: "__reversed__", func: m_reversed, min: 1, max: 1 },
        MethodDef::Method { name: "__reduce__", func: m_reduce, min: 1, max: 1 },
        MethodDef::Getter { name: "start", get: g_start },
        MethodDef::Getter { name: "stop", get: g_stop },
        MethodDef::Getter { name: "step", get: g_step },
    ];
    EXTRA.extend(&mut s.methods);
    s
}

super::method_extension! {
    /// Enables range's extension table (called by the program's `main`; types/mod.rs
    /// `MethodExtension`).
    pyrt_methods_range: EXTRA(MethodDef) => extra_methods
}

pub(super) fn extra_methods() -> Vec<MethodDef> {
    vec![
        MethodDef::Method { name: "count", func: m_count, min: 2, max: 2 },
        MethodDef::Method { name: "index", func: m_index, min: 2, max: 2 },
    ]
}

// ===================== range_iterator =====================

#[repr(C)]
pub struct RangeIterObj {
    pub head: ObjHeader,
    pub next: i64,
    pub step: i64,
    pub remaining: u64,
    /// (next, step, remaining) for ranges beyond i64 (the fields above are then unused).
    pub big: Option<Box<(BigInt, BigInt, BigInt)>>,
}

fn self_iter(o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}

/// The next value of a range iterator (the interpreter may call this directly);
/// `None` when exhausted. Only for iterators where `is_big_iter` is false.
#[inline]
pub fn iter_next_i64(o: &Obj) -> Option<i64> {
    let it = unsafe { o.payload_mut::<RangeIterObj>() };
    debug_assert!(it.big.is_none());
    if it.remaining == 0 {
        return None;
    }
    let v = it.next;
    it.remaining -= 1;
    if it.remaining > 0 {
        it.next = v.wrapping_add(it.step);
    }
    Some(v)
}

/// Does this range iterator use the big-int form?
pub fn is_big_iter(o: &Obj) -> bool {
    unsafe { o.payload::<RangeIterObj>().big.is_some() }
}

fn range_iter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let it = unsafe { o.payload_mut::<RangeIterObj>() };
    if let Some(b) = &mut it.big {
        if b.2.is_zero() {
            return Ok(None);
        }
        let v = b.0.clone();
        b.0 += &b.1;
        b.2 -= 1u8;
        return Ok(Some(big_obj(v)));
    }
    Ok(iter_next_i64(o).map(int::from_i64))
}

fn range_iter_length_hint(a: &[Obj]) -> PyResult<Obj> {
    let it = unsafe { a[0].payload::<RangeIterObj>() };
    if let Some(b) = &it.big {
        return Ok(big_obj(b.2.clone()));
    }
    Ok(int::from_i64(it.remaining.min(i64::MAX as u64) as i64))
}

pub fn iter_spec() -> TypeSpec {
    let mut s = TypeSpec::new("range_iterator", std::mem::size_of::<RangeIterObj>(), drop_as::<RangeIterObj>);
    s.final_ = true;
    s.slots.iter = Some(self_iter);
    s.slots.next = Some(range_iter_next);
    s.methods = vec![MethodDef::Method { name: "__length_hint__", func: range_iter_length_hint, min: 1, max: 1 }];
    s
}
