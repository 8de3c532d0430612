//! `slice` objects: `slice(stop)`, `slice(start, stop[, step])`, their repr, comparison,
//! `start`/`stop`/`step` attributes, `indices(len)`, and the `indices(&Obj, len)` helper
//! every sequence uses (CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`), and the
//! BinarySlice/StoreSlice entry points (`get_slice`/`set_slice`), which slice the
//! built-in sequences without a slice object when the bounds are None or small ints.
//! Slices are unhashable in 3.11.

use pyc_frontend::bytecode::CmpOp;

use super::list::{hash_not_implemented, is_index, index_clamped, no_kwargs, none_attr};
use super::typeobj::{drop_as, KwArgs, MethodDef};
use super::{none, types, TypeSpec};
use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::{bytes, int, list, str as pystr, tuple};

#[repr(C)]
pub struct SliceObj {
    pub head: ObjHeader,
    pub start: Obj,
    pub stop: Obj,
    pub step: Obj,
}

/// A new slice object.
pub fn new(start: Obj, stop: Obj, step: Obj) -> Obj {
    alloc(types().slice, SliceObj { head: header(), start, stop, step })
}

#[inline]
pub fn is_slice(o: &Obj) -> bool {
    !o.is_small_int() && o.is_exact(types().slice)
}

#[inline]
fn get(o: &Obj) -> &SliceObj {
    unsafe { o.payload::<SliceObj>() }
}

/// `_PyEval_SliceIndex`: None or an `__index__` value, clamped to the isize range.
fn slice_index(o: &Obj) -> PyResult<i64> {
    if let Some(i) = o.small_int() {
        return Ok(i);
    }
    if !is_index(o) {
        return Err(type_error("slice indices must be integers or None or have an __index__ method"));
    }
    index_clamped(o)
}

/// `PySlice_Unpack`: (start, stop, step) before adjusting to a length.
pub fn unpack(s: &Obj) -> PyResult<(i64, i64, i64)> {
    let sl = get(s);
    let step = if none::is_none(&sl.step) {
        1
    } else {
        let st = slice_index(&sl.step)?;
        if st == 0 {
            return Err(value_error("slice step cannot be zero"));
        }
        st.max(-i64::MAX)
    };
    let start = if none::is_none(&sl.start) {
        if step < 0 { i64::MAX } else { 0 }
    } else {
        slice_index(&sl.start)?
    };
    let stop = if none::is_none(&sl.stop) {
        if step < 0 { i64::MIN } else { i64::MAX }
    } else {
        slice_index(&sl.stop)?
    };
    Ok((start, stop, step))
}

/// `PySlice_AdjustIndices`: clamps (start, stop) to `len`, returns the slice length.
pub fn adjust(len: i64, start: &mut i64, stop: &mut i64, step: i64) -> i64 {
    for v in [&mut *start, &mut *stop] {
        if *v < 0 {
            *v += len;
            if *v < 0 {
                *v = if step < 0 { -1 } else { 0 };
            }
        } else if *v >= len {
            *v = if step < 0 { len - 1 } else { len };
        }
    }
    if step < 0 {
        if *stop < *start {
            return (*start - *stop - 1) / (-step) + 1;
        }
    } else if *start < *stop {
        return (*stop - *start - 1) / step + 1;
    }
    0
}

/// (start, stop, step, slicelength) of slice `s` applied to a sequence of length `len`.
pub fn indices(s: &Obj, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    indices_after(s, || len)
}

/// `indices` for a mutable sequence: the bounds' `__index__` runs first (it may resize
/// the sequence), then they are adjusted to the length `len` reads afterwards.
pub fn indices_after(s: &Obj, len: impl FnOnce() -> usize) -> PyResult<(isize, isize, isize, usize)> {
    let (mut start, mut stop, step) = unpack(s)?;
    let n = adjust(len() as i64, &mut start, &mut stop, step);
    Ok((start as isize, stop as isize, step as isize, n as usize))
}

/// Are the slice's start, stop and step each None or a small int?
pub fn has_small_bounds(s: &Obj) -> bool {
    let sl = get(s);
    [&sl.start, &sl.stop, &sl.step].iter().all(|b| b.is_small_int() || none::is_none(b))
}

/// The adjusted (start, step, length) of `[start:stop:step]` over `len` items when each
/// bound is None or a small int and the step is not 0 (what `unpack` + `adjust` give
/// for such a slice). None sends the caller to the generic path with a real slice
/// object (`__index__` bounds, big ints, bad types, a zero step).
#[inline]
fn small_bounds(start: &Obj, stop: &Obj, step: Option<&Obj>, len: usize) -> Option<(isize, isize, usize)> {
    let step = match step {
        Some(s) if !none::is_none(s) => s.small_int().filter(|&k| k != 0)?,
        _ => 1,
    };
    let bound = |o: &Obj, absent: i64| if none::is_none(o) { Some(absent) } else { o.small_int() };
    let mut a = bound(start, if step < 0 { i64::MAX } else { 0 })?;
    let mut b = bound(stop, if step < 0 { i64::MIN } else { i64::MAX })?;
    let n = adjust(len as i64, &mut a, &mut b, step);
    Some((a as isize, step as isize, n as usize))
}

/// A sequence type whose slices the BinarySlice fast path builds directly: its
/// length, and the builder of `n` items from `start` by `step`.
type RangeFn = fn(&Obj, isize, isize, usize) -> Obj;

fn sliceable(o: &Obj) -> Option<(usize, RangeFn)> {
    if o.is_small_int() {
        return None;
    }
    let t = types();
    let ty = o.ty();
    if std::ptr::eq(ty, t.list) {
        Some((list::as_slice_opt(o)?.len(), list::slice_range))
    } else if std::ptr::eq(ty, t.str) {
        Some((pystr::char_len(o), pystr::slice_range))
    } else if std::ptr::eq(ty, t.tuple) {
        Some((tuple::as_slice(o)?.len(), tuple::slice_range))
    } else if std::ptr::eq(ty, t.bytes) || std::ptr::eq(ty, t.bytearray) {
        Some((bytes::as_bytes_any(o)?.len(), bytes::slice_range))
    } else {
        None
    }
}

/// A slice object for the generic path (`step` None when absent).
fn make(start: &Obj, stop: &Obj, step: Option<&Obj>) -> Obj {
    new(start.clone(), stop.clone(), step.cloned().unwrap_or_else(none::none))
}

/// `o[start:stop:step]` (the BinarySlice instruction; `step` None when the display has
/// none): exact list, tuple, str, bytes and bytearray with None/small-int bounds are
/// sliced directly; anything else gets a real slice object and `__getitem__`.
pub fn get_slice(o: &Obj, start: &Obj, stop: &Obj, step: Option<&Obj>) -> PyResult<Obj> {
    if let Some((len, range)) = sliceable(o) {
        if let Some((a, st, n)) = small_bounds(start, stop, step, len) {
            return Ok(range(o, a, st, n));
        }
    }
    protocol::getitem(o, &make(start, stop, step))
}

/// `o[start:stop:step] = v` (the StoreSlice instruction): an exact list receiving a list
/// or tuple with None/small-int bounds is updated directly; anything else gets a real
/// slice object and `__setitem__`.
pub fn set_slice(o: &Obj, start: &Obj, stop: &Obj, step: Option<&Obj>, v: &Obj) -> PyResult<()> {
    if o.is_exact(types().list) && (v.is_exact(types().list) || v.is_exact(types().tuple)) {
        if let Some((a, st, n)) = small_bounds(start, stop, step, list::as_slice_opt(o).map_or(0, |s| s.len())) {
            return list::assign_seq(o, a, st, n, v);
        }
    }
    protocol::setitem(o, &make(start, stop, step), v)
}

fn slice_repr(o: &Obj) -> PyResult<Obj> {
    let s = get(o);
    Ok(pystr::from_string(format!(
        "slice({}, {}, {})",
        protocol::repr_string(&s.start)?,
        protocol::repr_string(&s.stop)?,
        protocol::repr_string(&s.step)?
    )))
}

fn as_tuple(o: &Obj) -> Obj {
    let s = get(o);
    tuple::new(vec![s.start.clone(), s.stop.clone(), s.step.clone()])
}

fn slice_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_slice(a) || !is_slice(b) {
        return Ok(none::not_implemented());
    }
    if a.is(b) {
        match op {
            CmpOp::Eq | CmpOp::Le | CmpOp::Ge => return Ok(none::true_()),
            CmpOp::Ne | CmpOp::Lt | CmpOp::Gt => return Ok(none::false_()),
        }
    }
    protocol::richcompare(&as_tuple(a), &as_tuple(b), op)
}

fn slice_new(_cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kwargs("slice", kw)?;
    super::list::check_min_args("slice", args, 1)?;
    super::list::check_max_args("slice", args, 3)?;
    Ok(match args.len() {
        1 => new(none::none(), args[0].clone(), none::none()),
        2 => new(args[0].clone(), args[1].clone(), none::none()),
        _ => new(args[0].clone(), args[1].clone(), args[2].clone()),
    })
}

fn m_indices(a: &[Obj]) -> PyResult<Obj> {
    let len = protocol::index(&a[1])?;
    let len = match int::to_i64(&len) {
        Some(l) => l,
        None => return Err(crate::errors::overflow_error("Python int too large to convert to C ssize_t")),
    };
    if len < 0 {
        return Err(value_error("length should not be negative"));
    }
    let (mut start, mut stop, step) = unpack(&a[0])?;
    adjust(len, &mut start, &mut stop, step);
    Ok(tuple::new(vec![int::from_i64(start), int::from_i64(stop), int::from_i64(step)]))
}

fn g_start(o: &Obj) -> PyResult<Obj> {
    Ok(get(o).start.clone())
}
fn g_stop(o: &Obj) -> PyResult<Obj> {
    Ok(get(o).stop.clone())
}
fn g_step(o: &Obj) -> PyResult<Obj> {
    Ok(get(o).step.clone())
}

fn m_reduce(a: &[Obj]) -> PyResult<Obj> {
    Ok(tuple::new(vec![types().slice.as_obj(), as_tuple(&a[0])]))
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("slice", std::mem::size_of::<SliceObj>(), drop_as::<SliceObj>);
    s.final_ = true;
    s.slots.repr = Some(slice_repr);
    s.slots.hash = Some(hash_not_implemented);
    s.slots.richcompare = Some(slice_richcompare);
    s.slots.new = Some(slice_new);
    s.methods = vec![
        MethodDef::Method { name: "indices", func: m_indices, min: 2, max: 2 },
        MethodDef::Method { name: "__reduce__", func: m_reduce, min: 1, max: 1 },
        MethodDef::Getter { name: "start", get: g_start },
        MethodDef::Getter { name: "stop", get: g_stop },
        MethodDef::Getter { name: "step", get: g_step },
        MethodDef::Attr { name: "__hash__", value: none_attr },
    ];
    s
}
