//! `tuple` and `tuple_iterator`: immutable sequences with CPython's xxHash-based tuple
//! hash (so `hash((1, 2))` matches CPython), lexicographic comparison, slicing,
//! concatenation and repetition. One shared empty tuple (`empty()`).

use std::sync::atomic::{AtomicU64, Ordering};

use pyc_frontend::bytecode::{BinOp, CmpOp};

use super::list::{
    cant_multiply, check_max_args, reflected_repeat_error, is_index, join_reprs, no_kwargs, norm_index, repeat_count, repeat_len,
    start_stop, try_other_slot, ReprGuard,
};
use super::typeobj::{drop_as, KwArgs, MethodDef, TypeObject};
use super::{none, types, TypeSpec};
use crate::errors::{index_error, type_error, value_error};
use crate::object::{alloc, alloc_with_tail, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::{int, str as pystr};

/// A tuple keeps its items in its own memory block, after the payload (and after any
/// dict slot, `__slots__` cells and inline values of a subclass): one allocation per
/// tuple, as in CPython.
#[repr(C)]
pub struct TupleObj {
    pub head: ObjHeader,
    len: usize,
    /// The first of `len` owned items in the block's tail (dangling when `len` is 0).
    items: *mut Obj,
}

// Native code reads these inline (compiler codegen/subscr.rs `lower_unpack_sequence`).
const _: () = assert!(std::mem::offset_of!(TupleObj, len) == 16 && std::mem::offset_of!(TupleObj, items) == 24);

impl TupleObj {
    /// A payload (or the prefix of one, see `alloc_tuple_like`) with no items yet.
    pub fn empty() -> TupleObj {
        TupleObj { head: header(), len: 0, items: std::ptr::NonNull::dangling().as_ptr() }
    }

    #[inline]
    pub fn items(&self) -> &[Obj] {
        // SAFETY: `items` points to `len` initialized items owned by this tuple
        // (`alloc_tuple`), or is dangling and aligned with `len` 0.
        unsafe { std::slice::from_raw_parts(self.items, self.len) }
    }

    #[inline]
    pub fn items_mut(&mut self) -> &mut [Obj] {
        // SAFETY: as in `items`; `&mut self` is the only access.
        unsafe { std::slice::from_raw_parts_mut(self.items, self.len) }
    }
}

/// A new instance of `ty` (tuple or a subclass) holding `items`, written into the tail
/// of its block. The iterator must not run Python code (the tuple is already visible
/// to the cycle collector, as an empty tuple, while it is filled).
fn alloc_tuple(ty: &TypeObject, items: impl ExactSizeIterator<Item = Obj>) -> Obj {
    // SAFETY: the payload is a `TupleObj`.
    unsafe { alloc_tuple_like(ty, TupleObj::empty(), items) }
}

/// `alloc_tuple` for a payload `P` that extends the tuple layout (struct sequences keep
/// their hidden fields after it): the items go to the block's tail as for a tuple.
///
/// # Safety
/// `P` is `#[repr(C)]` and starts with a `TupleObj` from `TupleObj::empty()`; its drop
/// function releases the items with `drop_items`.
pub unsafe fn alloc_tuple_like<P>(ty: &TypeObject, payload: P, items: impl ExactSizeIterator<Item = Obj>) -> Obj {
    let n = items.len();
    let (o, tail) = alloc_with_tail(ty, payload, n * std::mem::size_of::<Obj>());
    let base = tail as *mut Obj;
    debug_assert!(base as usize % std::mem::align_of::<Obj>() == 0);
    let mut len = 0;
    for x in items.take(n) {
        // SAFETY: the tail has room for `n` items and `len < n` here.
        unsafe { base.add(len).write(x) };
        len += 1;
    }
    // SAFETY: `o` was just allocated with a `TupleObj` payload and is ours alone.
    let t = unsafe { o.payload_mut::<TupleObj>() };
    if len > 0 {
        t.items = base;
        t.len = len;
    }
    o
}

unsafe fn drop_tuple(h: *mut ObjHeader) {
    drop_items(h);
    drop_as::<TupleObj>(h);
}

/// Releases the items of the tuple layout at `h` last to first, as CPython's
/// tupledealloc does (the order `__del__` methods observe).
///
/// # Safety
/// `h` is an object with the tuple layout being deallocated.
pub unsafe fn drop_items(h: *mut ObjHeader) {
    let t = &mut *(h as *mut TupleObj);
    let (base, n) = (t.items, t.len);
    t.len = 0; // a collection run by a `__del__` below sees an empty tuple
    for i in (0..n).rev() {
        std::ptr::drop_in_place(base.add(i));
    }
}

static EMPTY: AtomicU64 = AtomicU64::new(0);

/// The shared, immortal empty tuple.
pub fn empty() -> Obj {
    let v = EMPTY.load(Ordering::Relaxed);
    if v != 0 {
        return unsafe { Obj::from_borrowed(v) };
    }
    let o = alloc_tuple(types().tuple, std::iter::empty());
    o.make_immortal();
    EMPTY.store(o.raw(), Ordering::Relaxed);
    o
}

/// A new tuple owning `items`.
pub fn new(items: Vec<Obj>) -> Obj {
    if items.is_empty() {
        return empty();
    }
    alloc_tuple(types().tuple, items.into_iter())
}

/// A new tuple from a slice of borrowed items.
pub fn from_slice(items: &[Obj]) -> Obj {
    if items.is_empty() {
        return empty();
    }
    alloc_tuple(types().tuple, items.iter().cloned())
}

/// A 2-tuple.
pub fn pair(a: Obj, b: Obj) -> Obj {
    alloc_tuple(types().tuple, [a, b].into_iter())
}

#[inline]
pub fn is_tuple(o: &Obj) -> bool {
    !o.is_small_int() && o.ty().is_subtype(types().tuple)
}

/// The items of a tuple (or subclass instance).
#[inline]
pub fn as_slice(o: &Obj) -> Option<&[Obj]> {
    if is_tuple(o) {
        Some(unsafe { o.payload::<TupleObj>().items() })
    } else {
        None
    }
}

#[inline]
fn items(o: &Obj) -> &[Obj] {
    unsafe { o.payload::<TupleObj>().items() }
}

fn tuple_len(o: &Obj) -> PyResult<usize> {
    Ok(items(o).len())
}

fn tuple_bool(o: &Obj) -> PyResult<bool> {
    Ok(!items(o).is_empty())
}

fn tuple_repr(o: &Obj) -> PyResult<Obj> {
    let it = items(o);
    if it.is_empty() {
        return Ok(pystr::new("()"));
    }
    let Some(_g) = ReprGuard::enter(o) else { return Ok(pystr::new("(...)")) };
    let mut s = String::from("(");
    s.push_str(&join_reprs(it)?);
    if it.len() == 1 {
        s.push(',');
    }
    s.push(')');
    Ok(pystr::from_string(s))
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython's tuple hash over already-computed item hashes.
pub fn hash_of_hashes(hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    let len = hashes.len() as u64;
    let mut acc = XXPRIME_5;
    for h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// `hash(tuple)` for a slice of items.
pub fn hash_items(it: &[Obj]) -> PyResult<i64> {
    let mut hs = Vec::with_capacity(it.len());
    for x in it {
        hs.push(protocol::hash(x)?);
    }
    Ok(hash_of_hashes(hs.into_iter()))
}

fn tuple_hash(o: &Obj) -> PyResult<i64> {
    hash_items(items(o))
}

fn tuple_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_tuple(a) || !is_tuple(b) {
        return Ok(none::not_implemented());
    }
    compare(items(a), items(b), op)
}

/// Lexicographic comparison of two tuples' items, as CPython's `tuplerichcompare`: the
/// first pair that is not equal (identity counts as equal) decides, else the lengths.
/// Unlike lists there is no early answer for `==` between different lengths, so every
/// common prefix item's `__eq__` runs; the deciding pair's own comparison result is
/// returned as it is (it need not be a bool). The items can be read in place: a tuple
/// never changes and the caller's references keep both alive while `__eq__` runs. Small
/// ints and exact strs (sort keys, dict items) are ordered without the protocol's dispatch.
pub fn compare(x: &[Obj], y: &[Obj], op: CmpOp) -> PyResult<Obj> {
    let done = |ord: std::cmp::Ordering| Ok(super::bool::from_bool(int::cmp_result(ord, op)));
    for (p, q) in x.iter().zip(y) {
        if p.is(q) {
            continue;
        }
        let ord = match quick_order(p, q) {
            Some(std::cmp::Ordering::Equal) => continue,
            Some(ord) => ord,
            None if protocol::eq(p, q)? => continue,
            None => {
                return match op {
                    CmpOp::Eq => Ok(none::false_()),
                    CmpOp::Ne => Ok(none::true_()),
                    _ => protocol::richcompare(p, q, op),
                };
            }
        };
        return done(ord);
    }
    done(x.len().cmp(&y.len()))
}

/// `a < b` for two tuples (`protocol::lt`'s fast path for sort keys).
pub fn lt(a: &Obj, b: &Obj) -> PyResult<bool> {
    protocol::is_true(&compare(items(a), items(b), CmpOp::Lt)?)
}

/// The order of two values whose comparison runs no Python code (small ints, exact
/// strs), else `None`.
#[inline]
fn quick_order(p: &Obj, q: &Obj) -> Option<std::cmp::Ordering> {
    if let (Some(i), Some(j)) = (p.small_int(), q.small_int()) {
        return Some(i.cmp(&j));
    }
    let st = types().str;
    if p.is_small_int() || q.is_small_int() || !p.is_exact(st) || !q.is_exact(st) {
        return None;
    }
    Some(pystr::compare(pystr::as_str(p)?, pystr::as_str(q)?))
}

fn tuple_getitem(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let it = items(o);
    if is_index(key) {
        let i = protocol::index_i64(key)?;
        return match norm_index(i, it.len()) {
            Some(j) => Ok(it[j].clone()),
            None => Err(index_error("tuple index out of range")),
        };
    }
    if super::slice::is_slice(key) {
        let (start, _stop, step, n) = super::slice::indices(key, it.len())?;
        return Ok(slice_range(o, start, step, n));
    }
    Err(type_error(format!("tuple indices must be integers or slices, not {}", key.type_name())))
}

/// The `n` items of tuple `o` from `start` by `step` (bounds already adjusted by
/// `slice::adjust`); also the BinarySlice fast path (`slice::get_slice`).
pub fn slice_range(o: &Obj, start: isize, step: isize, n: usize) -> Obj {
    let it = items(o);
    if step == 1 && n == it.len() && o.is_exact(types().tuple) {
        return o.clone();
    }
    new(super::list::range_items(it, start, step, n))
}

fn tuple_contains(o: &Obj, x: &Obj) -> PyResult<bool> {
    for y in items(o).iter() {
        if protocol::eq(y, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_iter(o: &Obj) -> PyResult<Obj> {
    Ok(alloc(types().tuple_iterator, TupleIterObj { head: header(), seq: Some(o.clone()), index: 0 }))
}

fn tuple_add(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_tuple(a) {
        return Ok(none::not_implemented());
    }
    if !is_tuple(b) {
        if let Some(r) = try_other_slot(a, b, BinOp::Add, tuple_add)? {
            return Ok(r);
        }
        return Err(type_error(format!("can only concatenate tuple (not \"{}\") to tuple", b.type_name())));
    }
    if items(b).is_empty() && a.is_exact(types().tuple) {
        return Ok(a.clone());
    }
    if items(a).is_empty() && b.is_exact(types().tuple) {
        return Ok(b.clone());
    }
    let mut v = Vec::with_capacity(items(a).len() + items(b).len());
    v.extend_from_slice(items(a));
    v.extend_from_slice(items(b));
    Ok(new(v))
}

fn tuple_mul(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (seq, n) = if is_tuple(a) {
        if !is_index(b) {
            if let Some(r) = try_other_slot(a, b, BinOp::Mul, tuple_mul)? {
                return Ok(r);
            }
            return Err(cant_multiply(b));
        }
        (a, b)
    } else {
        if !is_index(a) {
            return Err(reflected_repeat_error(a, b));
        }
        (b, a)
    };
    let n = repeat_count(n)?;
    let src = items(seq);
    if n == 1 && seq.is_exact(types().tuple) {
        return Ok(seq.clone());
    }
    let total = repeat_len(src.len(), n)?;
    let mut v = crate::errors::alloc_vec(total)?;
    for _ in 0..n {
        v.extend_from_slice(src);
    }
    Ok(new(v))
}

fn tuple_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let t = super::typeobj::as_type(cls);
    if std::ptr::eq(t, types().tuple) {
        no_kwargs("tuple", kw)?;
    }
    check_max_args("tuple", args, 1)?;
    let v = match args.first() {
        None => Vec::new(),
        Some(a) => {
            if std::ptr::eq(t, types().tuple) && a.is_exact(types().tuple) {
                return Ok(a.clone());
            }
            if a.is_exact(types().range) {
                // Presized from the length, as CPython does: a huge range is a MemoryError.
                let mut v = crate::errors::alloc_vec(protocol::len(a)?)?;
                let it = protocol::iter(a)?;
                while let Some(x) = protocol::next(&it)? {
                    v.push(x);
                }
                v
            } else {
                protocol::collect(a)?
            }
        }
    };
    if std::ptr::eq(t, types().tuple) {
        Ok(new(v))
    } else {
        Ok(alloc_tuple(t, v.into_iter()))
    }
}

fn m_count(a: &[Obj]) -> PyResult<Obj> {
    let mut n = 0;
    for y in items(&a[0]).iter() {
        if protocol::eq(y, &a[1])? {
            n += 1;
        }
    }
    Ok(int::from_i64(n))
}

fn m_index(a: &[Obj]) -> PyResult<Obj> {
    let it = items(&a[0]);
    let (start, stop) = start_stop(&a[2..], it.len())?;
    for (i, y) in it.iter().enumerate().take(stop).skip(start) {
        if protocol::eq(y, &a[1])? {
            return Ok(int::from_i64(i as i64));
        }
    }
    Err(value_error("tuple.index(x): x not in tuple"))
}

fn m_getnewargs(a: &[Obj]) -> PyResult<Obj> {
    Ok(new(vec![new(items(&a[0]).to_vec())]))
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("tuple", std::mem::size_of::<TupleObj>(), drop_tuple);
    s.slots.traverse = Some(tuple_traverse);
    s.flags = super::typeobj::flags::TUPLE_SUBCLASS;
    let sl = &mut s.slots;
    sl.repr = Some(tuple_repr);
    sl.hash = Some(tuple_hash);
    sl.richcompare = Some(tuple_richcompare);
    sl.iter = Some(tuple_iter);
    sl.len = Some(tuple_len);
    sl.bool = Some(tuple_bool);
    sl.getitem = Some(tuple_getitem);
    sl.contains = Some(tuple_contains);
    sl.number[BinOp::Add as usize] = Some(tuple_add);
    sl.number[BinOp::Mul as usize] = Some(tuple_mul);
    sl.new = Some(tuple_new);
    s.methods = vec![
        MethodDef::Method { name: "__getnewargs__", func: m_getnewargs, min: 1, max: 1 },
    ];
    EXTRA.extend(&mut s.methods);
    s
}

super::method_extension! {
    /// Enables tuple's extension table (called by the program's `main`; types/mod.rs
    /// `MethodExtension`).
    pyrt_methods_tuple: EXTRA(MethodDef) => extra_methods
}

pub(super) fn extra_methods() -> Vec<MethodDef> {
    vec![
        MethodDef::Method { name: "count", func: m_count, min: 2, max: 2 },
        MethodDef::Method { name: "index", func: m_index, min: 2, max: 4 },
    ]
}

// ===================== tuple_iterator =====================

#[repr(C)]
pub struct TupleIterObj {
    pub head: ObjHeader,
    pub seq: Option<Obj>,
    pub index: usize,
}

fn self_iter(o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}

fn tuple_iter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let it = unsafe { o.payload_mut::<TupleIterObj>() };
    if let Some(seq) = &it.seq {
        if let Some(x) = items(seq).get(it.index) {
            it.index += 1;
            return Ok(Some(x.clone()));
        }
        let s = it.seq.take();
        drop(s);
    }
    Ok(None)
}

fn tuple_iter_length_hint(a: &[Obj]) -> PyResult<Obj> {
    let it = unsafe { a[0].payload::<TupleIterObj>() };
    let n = match &it.seq {
        Some(s) => items(s).len().saturating_sub(it.index),
        None => 0,
    };
    Ok(int::from_i64(n as i64))
}

pub fn iter_spec() -> TypeSpec {
    let mut s = TypeSpec::new("tuple_iterator", std::mem::size_of::<TupleIterObj>(), drop_as::<TupleIterObj>);
    s.final_ = true;
    s.slots.iter = Some(self_iter);
    s.slots.next = Some(tuple_iter_next);
    s.methods = vec![MethodDef::Method { name: "__length_hint__", func: tuple_iter_length_hint, min: 1, max: 1 }];
    s
}

#[cfg(test)]
mod tests {
    use super::hash_of_hashes;
    #[test]
    fn tuple_hash_matches_cpython() {
        // hash((1, 2)) and hash(()) in CPython 3.11 (64-bit).
        assert_eq!(hash_of_hashes([1i64, 2].into_iter()), -3550055125485641917);
        assert_eq!(hash_of_hashes(std::iter::empty::<i64>().collect::<Vec<_>>().into_iter()), 5740354900026072187);
    }
}

// ----- cycle collector (gc.rs): traverse / clear -----

fn tuple_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    for x in unsafe { o.payload::<TupleObj>() }.items().iter().rev() {
        visit(x);
    }
}
