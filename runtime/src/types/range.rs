//! `range` and `range_iterator`. Ranges hold i64 start/stop/step (arguments beyond i64
//! raise OverflowError: big-int ranges are not supported yet); len, indexing and slicing
//! (slices give ranges), O(1) `in` for ints, count/index, `==` by value, CPython's hash
//! (the hash of `(len, start, step)` with CPython's None substitutions), reversed.

use pyc_frontend::bytecode::CmpOp;

use super::list::{is_index, no_kwargs};
use super::typeobj::{drop_as, KwArgs, MethodDef};
use super::{none, types, TypeSpec};
use crate::errors::{index_error, overflow_error, type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::{int, str as pystr};

#[repr(C)]
pub struct RangeObj {
    pub head: ObjHeader,
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    /// Number of elements (may exceed i64 only in theory: i128 arithmetic clamps it).
    pub len: u64,
}

fn compute_len(start: i64, stop: i64, step: i64) -> u64 {
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
    Ok(alloc(types().range, RangeObj { head: header(), start, stop, step, len: compute_len(start, stop, step) }))
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

fn arg_i64(o: &Obj) -> PyResult<i64> {
    if let Some(i) = o.small_int() {
        return Ok(i);
    }
    let v = protocol::index(o)?;
    int::to_i64(&v).ok_or_else(|| overflow_error("Python int too large to convert to C long"))
}

fn range_new(_cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kwargs("range", kw)?;
    match args.len() {
        0 => Err(type_error("range expected at least 1 argument, got 0")),
        1 => new(0, arg_i64(&args[0])?, 1),
        2 => new(arg_i64(&args[0])?, arg_i64(&args[1])?, 1),
        3 => new(arg_i64(&args[0])?, arg_i64(&args[1])?, arg_i64(&args[2])?),
        n => Err(type_error(format!("range expected at most 3 arguments, got {}", n))),
    }
}

fn range_len(o: &Obj) -> PyResult<usize> {
    let l = get(o).len;
    if l > i64::MAX as u64 {
        return Err(overflow_error("Python int too large to convert to C ssize_t"));
    }
    Ok(l as usize)
}

fn range_bool(o: &Obj) -> PyResult<bool> {
    Ok(get(o).len != 0)
}

fn item(r: &RangeObj, i: u64) -> i64 {
    (r.start as i128 + i as i128 * r.step as i128) as i64
}

fn range_repr(o: &Obj) -> PyResult<Obj> {
    let r = get(o);
    Ok(pystr::from_string(if r.step == 1 {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }))
}

fn range_getitem(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let r = get(o);
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
        let conv = |x: i128| -> PyResult<i64> {
            i64::try_from(x).map_err(|_| overflow_error("Python int too large to convert to C long"))
        };
        let nstart = conv(r.start as i128 + s as i128 * r.step as i128)?;
        let nstop = conv(r.start as i128 + e as i128 * r.step as i128)?;
        let nstep = conv(r.step as i128 * st as i128)?;
        return new(nstart, nstop, nstep);
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

fn range_contains(o: &Obj, x: &Obj) -> PyResult<bool> {
    let r = get(o);
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
    Ok(new_iter(r.start, r.step, r.len))
}

/// A `range_iterator` yielding `len` values `start, start+step, ...`.
pub fn new_iter(start: i64, step: i64, len: u64) -> Obj {
    alloc(types().range_iterator, RangeIterObj { head: header(), next: start, step, remaining: len })
}

fn m_reversed(a: &[Obj]) -> PyResult<Obj> {
    let r = get(&a[0]);
    if r.len == 0 {
        return Ok(new_iter(r.start, -r.step, 0));
    }
    let last = item(r, r.len - 1);
    Ok(new_iter(last, r.step.checked_neg().unwrap_or(i64::MAX), r.len))
}

fn m_count(a: &[Obj]) -> PyResult<Obj> {
    let r = get(&a[0]);
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
    Ok(int::from_i64(get(o).start))
}
fn g_stop(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(get(o).stop))
}
fn g_step(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(get(o).step))
}

fn m_reduce(a: &[Obj]) -> PyResult<Obj> {
    let r = get(&a[0]);
    Ok(super::tuple::new(vec![
        types().range.as_obj(),
        super::tuple::new(vec![int::from_i64(r.start), int::from_i64(r.stop), int::from_i64(r.step)]),
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
        MethodDef::Method { name: "count", func: m_count, min: 2, max: 2 },
        MethodDef::Method { name: "index", func: m_index, min: 2, max: 2 },
        MethodDef::Method { name: "__reversed__", func: m_reversed, min: 1, max: 1 },
        MethodDef::Method { name: "__reduce__", func: m_reduce, min: 1, max: 1 },
        MethodDef::Getter { name: "start", get: g_start },
        MethodDef::Getter { name: "stop", get: g_stop },
        MethodDef::Getter { name: "step", get: g_step },
    ];
    s
}

// ===================== range_iterator =====================

#[repr(C)]
pub struct RangeIterObj {
    pub head: ObjHeader,
    pub next: i64,
    pub step: i64,
    pub remaining: u64,
}

fn self_iter(o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}

/// The next value of a range iterator (the interpreter may call this directly).
#[inline]
pub fn iter_next_i64(o: &Obj) -> Option<i64> {
    let it = unsafe { o.payload_mut::<RangeIterObj>() };
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

fn range_iter_next(o: &Obj) -> PyResult<Option<Obj>> {
    Ok(iter_next_i64(o).map(int::from_i64))
}

fn range_iter_length_hint(a: &[Obj]) -> PyResult<Obj> {
    let it = unsafe { a[0].payload::<RangeIterObj>() };
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
