//! `list`, `list_iterator` and `list_reverseiterator`, plus small helpers the other
//! container files share (repr recursion guard, argument checks, index conversion,
//! sequence-operator fallbacks, the "unhashable" hash slot).
//!
//! A list owns a `Vec<Obj>`. Comparisons, `__eq__`, `__repr__`, `__del__` of items can
//! run arbitrary Python code that mutates the list, so no borrow of the Vec is ever held
//! across a call into Python: items are cloned out first, indexes re-checked after.

use std::cell::RefCell;

use pyc_frontend::bytecode::{BinOp, CmpOp};

use super::typeobj::{drop_as, BinaryFn, KwArgs, MethodDef};
use super::{none, types, TypeSpec};
use crate::errors::{index_error, type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::protocol;
use crate::types::{bool as pybool, int, str as pystr};

// ===================== shared helpers (used by tuple, dict, set, range, ...) =====================

thread_local! {
    static REPR_STACK: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// CPython's `Py_ReprEnter`/`Py_ReprLeave`: `ReprGuard::enter(o)` is `None` when `o` is
/// already being repr'd on this thread (the caller then prints `[...]` or similar).
pub struct ReprGuard(u64);

impl ReprGuard {
    pub fn enter(o: &Obj) -> Option<ReprGuard> {
        let id = o.raw();
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if s.contains(&id) {
                None
            } else {
                s.push(id);
                Some(ReprGuard(id))
            }
        })
    }
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(p) = s.iter().rposition(|&x| x == self.0) {
                s.remove(p);
            }
        });
    }
}

/// The hash slot of unhashable built-in containers (`__hash__ = None`).
pub fn hash_not_implemented(o: &Obj) -> PyResult<i64> {
    Err(type_error(format!("unhashable type: '{}'", o.type_name())))
}

/// `__hash__ = None` class attribute value.
pub fn none_attr() -> Obj {
    none::none()
}

/// "X() takes no keyword arguments".
pub fn no_kwargs(name: &str, kw: &KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{}() takes no keyword arguments", name)))
    }
}

/// "X expected at most N argument(s), got M".
pub fn check_max_args(name: &str, args: &[Obj], max: usize) -> PyResult<()> {
    if args.len() > max {
        Err(type_error(format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            if max == 1 { "" } else { "s" },
            args.len()
        )))
    } else {
        Ok(())
    }
}

/// "X expected at least N argument(s), got M".
pub fn check_min_args(name: &str, args: &[Obj], min: usize) -> PyResult<()> {
    if args.len() < min {
        Err(type_error(format!(
            "{} expected at least {} argument{}, got {}",
            name,
            min,
            if min == 1 { "" } else { "s" },
            args.len()
        )))
    } else {
        Ok(())
    }
}

/// Does `o` support `__index__` (int, bool, int subclasses, `__index__` slot)?
#[inline]
pub fn is_index(o: &Obj) -> bool {
    o.is_small_int() || o.isinstance(types().int) || o.ty().slots().index.is_some()
}

/// `PyNumber_AsSsize_t(o, NULL)`: `__index__`, clamping big values to the isize range.
pub fn index_clamped(o: &Obj) -> PyResult<i64> {
    if let Some(i) = o.small_int() {
        return Ok(i);
    }
    let v = protocol::index(o)?;
    if let Some(i) = int::to_i64(&v) {
        return Ok(i);
    }
    match int::to_bigint(&v) {
        Some(b) if b.sign() == num_bigint::Sign::Minus => Ok(i64::MIN),
        _ => Ok(i64::MAX),
    }
}

/// `_PyEval_SliceIndexNotNone`: the start/stop arguments of `index()` methods.
pub fn slice_index_arg(o: &Obj) -> PyResult<i64> {
    if !is_index(o) {
        return Err(type_error("slice indices must be integers or have an __index__ method"));
    }
    index_clamped(o)
}

/// Resolves the optional start/stop of `seq.index(x, start, stop)` against `len`.
pub fn start_stop(args: &[Obj], len: usize) -> PyResult<(usize, usize)> {
    let len = len as i64;
    let fix = |v: i64| -> usize {
        if v < 0 {
            (v + len).max(0) as usize
        } else {
            v.min(len) as usize
        }
    };
    let start = match args.first() { Some(a) => fix(slice_index_arg(a)?), None => 0 };
    let stop = match args.get(1) { Some(a) => fix(slice_index_arg(a)?), None => len as usize };
    Ok((start, stop))
}

/// Converts an index key to a position in `0..len` (negative indexes count from the end);
/// `None` when out of range.
#[inline]
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j >= 0 && (j as u64) < len as u64 {
        Some(j as usize)
    } else {
        None
    }
}

/// An integer key for `seq[key]` (`__index__`; IndexError when it does not fit).
pub fn index_key(key: &Obj) -> PyResult<i64> {
    protocol::index_i64(key)
}

/// CPython tries the right operand's reflected slot before a sequence's `sq_concat` /
/// `sq_repeat`; our sequences implement those inside their number slot, so they give the
/// other operand's slot its chance here. `Ok(None)`: it declined (or has none).
pub fn try_other_slot(a: &Obj, b: &Obj, op: BinOp, own: BinaryFn) -> PyResult<Option<Obj>> {
    if let Some(f) = b.ty().slots().number[op as usize] {
        if f as usize != own as usize {
            let r = f(a, b)?;
            if !none::is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

/// The repeat count of `seq * n` (negative counts are 0); TypeError for non-ints.
pub fn repeat_count(n: &Obj) -> PyResult<usize> {
    let c = protocol::index_i64(n).map_err(|e| {
        if e.matches(crate::types::exceptions::exc().index_error) {
            crate::errors::overflow_error(format!("cannot fit '{}' into an index-sized integer", n.type_name()))
        } else {
            e
        }
    })?;
    Ok(if c < 0 { 0 } else { c as usize })
}

/// The error of `a * seq` when `a` is not an int: CPython tries `a`'s own `sq_repeat`
/// first, so when `a` is itself a built-in sequence the message names `seq`'s type.
pub fn reflected_repeat_error(a: &Obj, seq: &Obj) -> PyErr {
    let t = types();
    let a_is_seq = !a.is_small_int() && [t.str, t.bytes, t.bytearray, t.tuple, t.list].iter().any(|s| a.ty().is_subtype(s));
    cant_multiply(if a_is_seq { seq } else { a })
}

/// "can't multiply sequence by non-int of type 'X'".
pub fn cant_multiply(n: &Obj) -> PyErr {
    type_error(format!("can't multiply sequence by non-int of type '{}'", n.type_name()))
}

/// Total length of a repeat, MemoryError when it overflows.
pub fn repeat_len(len: usize, n: usize) -> PyResult<usize> {
    match len.checked_mul(n) {
        Some(t) if t <= (isize::MAX as usize) / 8 => Ok(t),
        _ => Err(crate::errors::memory_error()),
    }
}

/// Lexicographic comparison of two item sequences (lists or tuples). `get` fetches item
/// `i` of side 0/1 fresh each time (`None` when past the end), since `__eq__` can mutate.
pub fn seq_richcompare(
    get: &dyn Fn(usize, usize) -> Option<Obj>,
    lens: &dyn Fn() -> (usize, usize),
    op: CmpOp,
) -> PyResult<Obj> {
    let (la, lb) = lens();
    if la != lb && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(pybool::from_bool(op == CmpOp::Ne));
    }
    let mut i = 0;
    loop {
        let (Some(x), Some(y)) = (get(0, i), get(1, i)) else { break };
        if !protocol::eq(&x, &y)? {
            return match op {
                CmpOp::Eq => Ok(none::false_()),
                CmpOp::Ne => Ok(none::true_()),
                _ => protocol::richcompare(&x, &y, op),
            };
        }
        i += 1;
    }
    let (la, lb) = lens();
    let r = match op {
        CmpOp::Lt => la < lb,
        CmpOp::Le => la <= lb,
        CmpOp::Eq => la == lb,
        CmpOp::Ne => la != lb,
        CmpOp::Gt => la > lb,
        CmpOp::Ge => la >= lb,
    };
    Ok(pybool::from_bool(r))
}

/// Joins the reprs of `items` with ", ".
pub fn join_reprs(items: &[Obj]) -> PyResult<String> {
    let mut s = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&protocol::repr_string(x)?);
    }
    Ok(s)
}

// ===================== list =====================

#[repr(C)]
pub struct ListObj {
    pub head: ObjHeader,
    pub items: Vec<Obj>,
    /// When true, every item is an exact float, so native code reads an item's number
    /// without testing its type (codegen subscr.rs). Sound only if every write of
    /// `items` keeps it true or clears it: `items_mut` clears it, `append` and
    /// `replace_item` keep it when the new item is an exact float, `new` sets it by
    /// scanning (an empty list is marked) and `pyrt_list_mark_floats` by a rescan. False
    /// is always safe.
    pub all_floats: bool,
}

// native code reads and writes the mark at this fixed offset (codegen subscr.rs
// `LIST_FLOATS_OFFSET`): the header, then the `Vec`'s three words
const _: () = assert!(std::mem::offset_of!(ListObj, all_floats) == 40);

/// Is `x` an exact float (the items `ListObj::all_floats` promises)?
#[inline]
fn exact_float(x: &Obj) -> bool {
    !x.is_small_int() && x.is_exact(types().float)
}

/// Releases the items last to first, as CPython's list_dealloc does (the order
/// `__del__` methods observe).
unsafe fn drop_list(h: *mut ObjHeader) {
    let l = &mut *(h as *mut ListObj);
    while let Some(x) = l.items.pop() {
        drop(x);
    }
    drop_as::<ListObj>(h);
}

/// A new list owning `items`.
pub fn new(items: Vec<Obj>) -> Obj {
    let all_floats = all_exact_floats(&items);
    alloc(types().list, ListObj { head: header(), items, all_floats })
}

/// Are all `items` exact floats (the scan `new` and `pyrt_list_mark_floats` make)? Out of
/// line: `new` is inlined into many callers, and the scan is the same for all.
#[inline(never)]
fn all_exact_floats(items: &[Obj]) -> bool {
    items.iter().all(exact_float)
}

/// Is `o` a list (or subclass instance)?
#[inline]
pub fn is_list(o: &Obj) -> bool {
    !o.is_small_int() && o.ty().is_subtype(types().list)
}

/// The items of a list (or subclass); `None` for anything else.
#[inline]
pub fn as_slice_opt(o: &Obj) -> Option<&[Obj]> {
    if is_list(o) {
        Some(unsafe { &o.payload::<ListObj>().items })
    } else {
        None
    }
}

/// The item vector of a list, for a change of any kind (the all-floats mark is
/// dropped). The caller guarantees `o` is a list and keeps the borrow short (no calls
/// into Python while holding it).
#[inline]
#[allow(clippy::mut_from_ref)]
pub fn items_mut(o: &Obj) -> &mut Vec<Obj> {
    debug_assert!(is_list(o));
    let l = unsafe { o.payload_mut::<ListObj>() };
    l.all_floats = false;
    &mut l.items
}

/// `o[j] = v` for list `o` and `j` in range, keeping the all-floats mark when `v` is an
/// exact float; returns the old item (for the caller to release after the store, as
/// `list_ass_item` does).
pub fn replace_item(o: &Obj, j: usize, v: Obj) -> Obj {
    note_store(o, &v);
    std::mem::replace(&mut unsafe { o.payload_mut::<ListObj>() }.items[j], v)
}

/// Marks exact list `o` all-floats when every item is an exact float, for native code
/// that found it unmarked (a typed loop copy, codegen versioned/lower.rs: a mutation
/// through `items_mut` drops the mark even when the items stay floats). Returns 1 when
/// the list is marked, else 0.
///
/// # Safety
/// `o` is a borrowed exact list.
#[no_mangle]
pub unsafe extern "C" fn pyrt_list_mark_floats(o: u64) -> i32 {
    let l = Obj::borrow_raw(&o).payload_mut::<ListObj>();
    l.all_floats = all_exact_floats(&l.items);
    l.all_floats as i32
}

/// Keeps list `o`'s all-floats mark only if `v`, an item being stored into it in
/// place of another, is an exact float.
#[inline]
pub fn note_store(o: &Obj, v: &Obj) {
    debug_assert!(is_list(o));
    unsafe { o.payload_mut::<ListObj>() }.all_floats &= exact_float(v);
}

#[inline]
fn items(o: &Obj) -> &[Obj] {
    unsafe { &o.payload::<ListObj>().items }
}

#[inline]
fn list_len_of(o: &Obj) -> usize {
    items(o).len()
}

#[inline]
fn get_at(o: &Obj, i: usize) -> Option<Obj> {
    items(o).get(i).cloned()
}

/// `list.append(x)`.
pub fn append(o: &Obj, x: Obj) {
    debug_assert!(is_list(o));
    let l = unsafe { o.payload_mut::<ListObj>() };
    // (a new empty list is marked: appending floats to it keeps the mark)
    if l.all_floats {
        l.all_floats = exact_float(&x);
    }
    if l.items.capacity() == 0 {
        first_room(&mut l.items);
    }
    l.items.push(x);
}

/// Room for the first items of an empty list (4, as CPython's first growth), allocated
/// directly: `Vec`'s amortized growth path costs about twice as much, and every
/// `parts = []; parts.append(...)` pays it.
#[cold]
#[inline(never)]
fn first_room(v: &mut Vec<Obj>) {
    *v = Vec::with_capacity(4);
}

/// Replaces the whole content, dropping the old items after the borrow ends.
fn replace_all(o: &Obj, v: Vec<Obj>) {
    let old = std::mem::replace(items_mut(o), v);
    drop(old);
}

/// `list.extend(iterable)`.
pub fn extend(o: &Obj, iterable: &Obj) -> PyResult<()> {
    if iterable.is(o) {
        let copy = items(o).to_vec();
        items_mut(o).extend(copy);
        return Ok(());
    }
    if let Some(src) = exact_items(iterable) {
        let copy = src.to_vec();
        items_mut(o).extend(copy);
        return Ok(());
    }
    if iterable.is_exact(types().range) {
        // CPython presizes from the length: a huge range fails at once with
        // MemoryError instead of filling memory.
        let n = protocol::len(iterable)?;
        crate::errors::reserve(items_mut(o), n)?;
    }
    let it = protocol::iter(iterable)?;
    while let Some(x) = protocol::next(&it)? {
        items_mut(o).push(x);
    }
    Ok(())
}

fn list_len(o: &Obj) -> PyResult<usize> {
    Ok(list_len_of(o))
}

fn list_bool(o: &Obj) -> PyResult<bool> {
    Ok(list_len_of(o) != 0)
}

fn list_repr(o: &Obj) -> PyResult<Obj> {
    if list_len_of(o) == 0 {
        return Ok(pystr::new("[]"));
    }
    let Some(_g) = ReprGuard::enter(o) else { return Ok(pystr::new("[...]")) };
    let mut s = String::from("[");
    let mut i = 0;
    while let Some(x) = get_at(o, i) {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&protocol::repr_string(&x)?);
        i += 1;
    }
    s.push(']');
    Ok(pystr::from_string(s))
}

fn list_getitem(o: &Obj, key: &Obj) -> PyResult<Obj> {
    if let Some(i) = key.small_int() {
        return match norm_index(i, list_len_of(o)) {
            Some(j) => Ok(items(o)[j].clone()),
            None => Err(index_error("list index out of range")),
        };
    }
    if is_index(key) {
        let i = index_key(key)?;
        return match norm_index(i, list_len_of(o)) {
            Some(j) => Ok(items(o)[j].clone()),
            None => Err(index_error("list index out of range")),
        };
    }
    if super::slice::is_slice(key) {
        let (start, _stop, step, n) = super::slice::indices_after(key, || list_len_of(o))?;
        return Ok(slice_range(o, start, step, n));
    }
    Err(type_error(format!("list indices must be integers or slices, not {}", key.type_name())))
}

/// New references to the `n` items of `src` from `start` by `step` (bounds already
/// adjusted by `slice::adjust`), in a vector of exactly that capacity.
pub fn range_items(src: &[Obj], start: isize, step: isize, n: usize) -> Vec<Obj> {
    match step {
        _ if n == 0 => Vec::new(),
        1 => src[start as usize..start as usize + n].to_vec(),
        // a reversed prefix (`p[k::-1]`): one pass over a contiguous run
        -1 => src[start as usize + 1 - n..=start as usize].iter().rev().cloned().collect(),
        _ => (0..n).map(|k| src[(start + k as isize * step) as usize].clone()).collect(),
    }
}

/// A new list of the `n` items of list `o` from `start` by `step` (adjusted bounds);
/// also the BinarySlice fast path (`slice::get_slice`).
pub fn slice_range(o: &Obj, start: isize, step: isize, n: usize) -> Obj {
    new(range_items(items(o), start, step, n))
}

fn list_setitem(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    if is_index(key) {
        let i = index_key(key)?;
        let Some(j) = norm_index(i, list_len_of(o)) else {
            return Err(index_error("list assignment index out of range"));
        };
        match value {
            Some(v) => {
                let old = replace_item(o, j, v.clone());
                drop(old);
            }
            None => {
                let old = items_mut(o).remove(j);
                drop(old);
            }
        }
        return Ok(());
    }
    if super::slice::is_slice(key) {
        return assign_slice(o, key, value);
    }
    Err(type_error(format!("list indices must be integers or slices, not {}", key.type_name())))
}

/// Releases the items a step-1 slice assignment removed, last first, as CPython does:
/// the order finalizers run in is observable.
fn drop_last_first(mut removed: Vec<Obj>) {
    while let Some(x) = removed.pop() {
        drop(x);
    }
}

/// `o[start:stop:step] = v` (adjusted bounds) for a list `o` and an exact list or tuple
/// `v` (StoreSlice's fast path, `slice::set_slice`): no Python code runs before the store,
/// so the bounds computed first stay valid. A temporary list (exact, and the caller's
/// reference is its only one, as in `p[:k] = p[k::-1]`) hands its items over instead of
/// being copied.
pub fn assign_seq(o: &Obj, start: isize, step: isize, n: usize, v: &Obj) -> PyResult<()> {
    let nv = if v.is_exact(types().list) && v.refcount() == 1 && !v.is(o) {
        std::mem::take(items_mut(v))
    } else {
        exact_items(v).unwrap_or(&[]).to_vec()
    };
    store_range(o, start, step, n, Some(nv))
}

/// The items of an exact list or tuple: what `PySequence_Fast` reads directly (it
/// iterates anything else, subclasses included, whose `__iter__` may be overridden).
fn exact_items(v: &Obj) -> Option<&[Obj]> {
    let t = types();
    if v.is_exact(t.list) || v.is_exact(t.tuple) {
        super::tuple::as_slice(v).or_else(|| as_slice_opt(v))
    } else {
        None
    }
}

fn assign_slice(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    // As CPython: the bounds' `__index__` first, then the new items (iterating may run
    // Python code that resizes the list), then the bounds are adjusted to the length
    // the list has by then.
    let (mut start, mut stop, step) = super::slice::unpack(key)?;
    let new_items: Option<Vec<Obj>> = match value {
        None => None,
        Some(v) => {
            if v.is(o) {
                Some(items(o).to_vec())
            } else if let Some(s) = exact_items(v) {
                Some(s.to_vec())
            } else {
                match protocol::iter(v) {
                    Ok(it) => {
                        let mut out = Vec::new();
                        while let Some(x) = protocol::next(&it)? {
                            out.push(x);
                        }
                        Some(out)
                    }
                    Err(e) if e.matches(crate::types::exceptions::exc().type_error) => {
                        return Err(type_error(if step == 1 {
                            "can only assign an iterable"
                        } else {
                            "must assign iterable to extended slice"
                        }));
                    }
                    Err(e) => return Err(e),
                }
            }
        }
    };
    let n = super::slice::adjust(list_len_of(o) as i64, &mut start, &mut stop, step);
    store_range(o, start as isize, step as isize, n as usize, new_items)
}

/// Replaces (or, for None, deletes) the `n` items of list `o` from `start` by `step`
/// (adjusted bounds) with `new_items`.
fn store_range(o: &Obj, start: isize, step: isize, n: usize, new_items: Option<Vec<Obj>>) -> PyResult<()> {
    match new_items {
        Some(mut nv) => {
            if step == 1 {
                let start = start as usize;
                let stop = start + n;
                let v = items_mut(o);
                let removed: Vec<Obj> = if nv.len() == stop - start {
                    // Same length (`p[:k] = p[k-1::-1]`): exchange in place, no reshaping.
                    v[start..stop].swap_with_slice(&mut nv);
                    nv
                } else {
                    v.splice(start..stop, nv.drain(..)).collect()
                };
                drop_last_first(removed);
            } else {
                if nv.len() != n {
                    return Err(value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        nv.len(),
                        n
                    )));
                }
                // exchange item by item: `nv` then holds the old items, released first
                // to last as CPython does
                let v = items_mut(o);
                for (k, x) in nv.iter_mut().enumerate() {
                    std::mem::swap(&mut v[(start + k as isize * step) as usize], x);
                }
                drop(nv);
            }
        }
        None => {
            if n == 0 {
                return Ok(());
            }
            if step == 1 {
                let removed: Vec<Obj> = items_mut(o).drain(start as usize..(start as usize + n)).collect();
                drop_last_first(removed);
            } else {
                // Normalize to an increasing walk, then compact.
                let (lo, st) = if step < 0 { (start + step * (n as isize - 1), -step) } else { (start, step) };
                let mut removed = Vec::with_capacity(n);
                {
                    let v = items_mut(o);
                    let old = std::mem::take(v);
                    let mut next_del = lo as usize;
                    let mut left = n;
                    for (idx, x) in old.into_iter().enumerate() {
                        if left > 0 && idx == next_del {
                            removed.push(x);
                            left -= 1;
                            next_del += st as usize;
                        } else {
                            v.push(x);
                        }
                    }
                }
                drop(removed);
            }
        }
    }
    Ok(())
}

fn list_contains(o: &Obj, x: &Obj) -> PyResult<bool> {
    let mut i = 0;
    while let Some(y) = get_at(o, i) {
        if protocol::eq(&y, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_iter(o: &Obj) -> PyResult<Obj> {
    Ok(new_iter(o))
}

/// A list iterator over list `o`, in a kept dead iterator's block when there is one:
/// `for x in a_list` makes and frees one per loop (nbody.py two per step), and
/// `object::alloc` plus the generic destructor cost ~175 instructions per iterator.
pub fn new_iter(o: &Obj) -> Obj {
    match FREE_ITERS.with(|f| f.pop()) {
        // SAFETY: a kept block is a dead list iterator's (refcount 1, type word kept),
        // whose stale payload is overwritten without being dropped.
        Some(h) => unsafe {
            let it = h as *mut ListIterObj;
            std::ptr::write(std::ptr::addr_of_mut!((*it).seq), Some(o.clone()));
            (*it).index = 0;
            crate::gc::on_alloc(h as *mut ObjHeader);
            Obj::from_raw(h as u64)
        },
        None => alloc(types().list_iterator, ListIterObj { head: header(), seq: Some(o.clone()), index: 0 }),
    }
}

static FREE_ITERS: crate::gil::GilCell<crate::object_alloc::FreeBlocks> = crate::gil::GilCell::new(crate::object_alloc::FreeBlocks::new(32));

/// Keeps dead object `h` for `new_iter` when it is a list iterator (its list released),
/// as `float::recycle_dead` does for floats; false, with nothing done, otherwise.
///
/// # Safety
/// As `float::recycle_dead`.
#[inline(always)]
pub unsafe fn recycle_dead_iter(h: *mut ObjHeader) -> bool {
    if !std::ptr::eq((*h).ty, types().list_iterator) {
        return false;
    }
    crate::gc::on_dealloc(h);
    let seq = std::ptr::read(std::ptr::addr_of!((*(h as *mut ListIterObj)).seq));
    FREE_ITERS.with(|f| f.push(h as *mut u8));
    // released last: the list's items' finalizers may run Python code (which may make
    // and free iterators: the block is already kept)
    drop(seq);
    true
}

fn list_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_list(a) || !is_list(b) {
        return Ok(none::not_implemented());
    }
    let get = |side: usize, i: usize| if side == 0 { get_at(a, i) } else { get_at(b, i) };
    let lens = || (list_len_of(a), list_len_of(b));
    seq_richcompare(&get, &lens, op)
}

fn list_add(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_list(a) {
        return Ok(none::not_implemented());
    }
    if !is_list(b) {
        if let Some(r) = try_other_slot(a, b, BinOp::Add, list_add)? {
            return Ok(r);
        }
        return Err(type_error(format!("can only concatenate list (not \"{}\") to list", b.type_name())));
    }
    let mut v = Vec::with_capacity(list_len_of(a) + list_len_of(b));
    v.extend_from_slice(items(a));
    v.extend_from_slice(items(b));
    Ok(new(v))
}

fn repeat_vec(src: &[Obj], n: usize) -> PyResult<Vec<Obj>> {
    let total = repeat_len(src.len(), n)?;
    let mut v = crate::errors::alloc_vec(total)?;
    for _ in 0..n {
        v.extend_from_slice(src);
    }
    Ok(v)
}

fn list_mul(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (seq, n) = if is_list(a) {
        if !is_index(b) {
            if let Some(r) = try_other_slot(a, b, BinOp::Mul, list_mul)? {
                return Ok(r);
            }
            return Err(cant_multiply(b));
        }
        (a, b)
    } else {
        // Reflected: `n * list`.
        if !is_index(a) {
            return Err(reflected_repeat_error(a, b));
        }
        (b, a)
    };
    let n = repeat_count(n)?;
    Ok(new(repeat_vec(items(seq), n)?))
}

fn list_iadd(a: &Obj, b: &Obj) -> PyResult<Obj> {
    extend(a, b)?;
    Ok(a.clone())
}

fn list_imul(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_index(b) {
        return Err(cant_multiply(b));
    }
    let n = repeat_count(b)?;
    if n == 0 {
        replace_all(a, Vec::new());
    } else if n > 1 {
        let v = repeat_vec(items(a), n)?;
        replace_all(a, v);
    }
    Ok(a.clone())
}

fn list_new(cls: &Obj, _args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let t = super::typeobj::as_type(cls);
    Ok(alloc(t, ListObj { head: header(), items: Vec::new(), all_floats: true }))
}

fn list_init(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kwargs("list", kw)?;
    check_max_args("list", args, 1)?;
    replace_all(o, Vec::new());
    if let Some(it) = args.first() {
        extend(o, it)?;
    }
    Ok(none::none())
}

// ----- methods -----

fn m_append(a: &[Obj]) -> PyResult<Obj> {
    append(&a[0], a[1].clone());
    Ok(none::none())
}

fn m_extend(a: &[Obj]) -> PyResult<Obj> {
    extend(&a[0], &a[1])?;
    Ok(none::none())
}

fn m_insert(a: &[Obj]) -> PyResult<Obj> {
    let i = index_clamped(&a[1])?;
    let len = list_len_of(&a[0]) as i64;
    let pos = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    items_mut(&a[0]).insert(pos, a[2].clone());
    Ok(none::none())
}

fn m_pop(a: &[Obj]) -> PyResult<Obj> {
    let o = &a[0];
    let i = match a.get(1) {
        Some(x) => index_clamped(x)?,
        None => -1,
    };
    let len = list_len_of(o);
    if len == 0 {
        return Err(index_error("pop from empty list"));
    }
    match norm_index(i, len) {
        Some(j) => Ok(items_mut(o).remove(j)),
        None => Err(index_error("pop index out of range")),
    }
}

fn m_remove(a: &[Obj]) -> PyResult<Obj> {
    let o = &a[0];
    let mut i = 0;
    while let Some(y) = get_at(o, i) {
        if protocol::eq(&y, &a[1])? {
            if i < list_len_of(o) {
                let old = items_mut(o).remove(i);
                drop(old);
            }
            return Ok(none::none());
        }
        i += 1;
    }
    Err(value_error("list.remove(x): x not in list"))
}

fn m_index(a: &[Obj]) -> PyResult<Obj> {
    let o = &a[0];
    let (start, stop) = start_stop(&a[2..], list_len_of(o))?;
    let mut i = start;
    while i < stop {
        let Some(y) = get_at(o, i) else { break };
        if protocol::eq(&y, &a[1])? {
            return Ok(int::from_i64(i as i64));
        }
        i += 1;
    }
    Err(value_error(format!("{} is not in list", protocol::repr_string(&a[1])?)))
}

fn m_count(a: &[Obj]) -> PyResult<Obj> {
    let mut n = 0i64;
    let mut i = 0;
    while let Some(y) = get_at(&a[0], i) {
        if protocol::eq(&y, &a[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(int::from_i64(n))
}

fn m_clear(a: &[Obj]) -> PyResult<Obj> {
    replace_all(&a[0], Vec::new());
    Ok(none::none())
}

fn m_copy(a: &[Obj]) -> PyResult<Obj> {
    Ok(new(items(&a[0]).to_vec()))
}

fn m_reverse(a: &[Obj]) -> PyResult<Obj> {
    items_mut(&a[0]).reverse();
    Ok(none::none())
}

fn m_reversed(a: &[Obj]) -> PyResult<Obj> {
    Ok(new_reverse_iter(&a[0]))
}

/// A `list_reverseiterator` over `o`.
pub fn new_reverse_iter(o: &Obj) -> Obj {
    let n = list_len_of(o) as isize;
    alloc(types().list_reverseiterator, ListRevIterObj { head: header(), seq: Some(o.clone()), index: n - 1 })
}

/// `list.sort(*, key=None, reverse=False)`; `sorted()` passes its keywords on here.
pub(crate) fn m_sort(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !args.is_empty() {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let mut key: Option<Obj> = None;
    let mut reverse = false;
    for (n, v) in kw.iter() {
        match pystr::as_str(n) {
            Some("key") => {
                if !none::is_none(v) {
                    key = Some(v.clone());
                }
            }
            Some("reverse") => {
                // `reverse: bool(accept={int})`: converted as a C int, not by truth.
                let i = protocol::index(v)?;
                reverse = match super::int::to_i64(&i) {
                    Some(x) if i32::try_from(x).is_ok() => x != 0,
                    _ => return Err(crate::errors::overflow_error("Python int too large to convert to C int")),
                };
            }
            Some(other) => {
                return Err(type_error(format!("'{}' is an invalid keyword argument for sort()", other)));
            }
            None => return Err(type_error("keywords must be strings")),
        }
    }
    sort(o, key.as_ref(), reverse)?;
    Ok(none::none())
}

/// `list.sort(key=key, reverse=reverse)`: CPython's stable timsort (see `TimSort`), so a
/// user `__lt__` sees exactly CPython's comparison sequence. Keys are computed in the
/// original order; a reverse sort reverses, sorts forward and reverses back. The list
/// appears empty while it is being sorted; if it was modified meanwhile, ValueError
/// "list modified during sort". On an exception the partially sorted items are kept.
pub fn sort(o: &Obj, key: Option<&Obj>, reverse: bool) -> PyResult<()> {
    let mut vals = std::mem::take(items_mut(o));
    if vals.len() < 2 {
        *items_mut(o) = vals;
        return Ok(());
    }
    let result = sort_values(&mut vals, key, reverse);
    let modified = !items(o).is_empty() || items_mut(o).capacity() != 0;
    let old = std::mem::replace(items_mut(o), vals);
    drop(old);
    result?;
    if modified {
        return Err(value_error("list modified during sort"));
    }
    Ok(())
}

fn sort_values(vals: &mut Vec<Obj>, key: Option<&Obj>, reverse: bool) -> PyResult<()> {
    let mut keys: Vec<Obj> = match key {
        Some(f) => {
            let mut k = Vec::with_capacity(vals.len());
            for v in vals.iter() {
                k.push(call_key(f, v)?);
            }
            k
        }
        None => Vec::new(),
    };
    if reverse {
        vals.reverse();
        keys.reverse();
    }
    let result = sort_forward(vals, if key.is_some() { Some(&keys) } else { None });
    if reverse {
        vals.reverse();
    }
    result
}

/// `f(v)` for a sort key: a compiled function runs through its native entry as a
/// compiled call site would call it (`frame::call_entry`: register arguments, no heap
/// frame), anything else through the generic call. The target is looked up per call,
/// since the key function may rebind its own `__code__`.
fn call_key(f: &Obj, v: &Obj) -> PyResult<Obj> {
    if let Some((_, entry)) = crate::frame::direct_target(f, 1) {
        if let Some(r) = crate::frame::call_entry(f, entry, None, std::slice::from_ref(v)) {
            return r;
        }
    }
    protocol::call(f, std::slice::from_ref(v))
}

/// What the items at one position of tuple sort keys are, when they compare without
/// Python code.
#[derive(Clone, Copy, PartialEq)]
enum ItemKind {
    SmallInt,
    ExactStr,
}

/// An exact str holding a surrogate stand-in does not sort in UTF-8 byte order
/// (`pystr::compare`); such keys take the general path, so that the order of every key
/// the fast path sorts is its byte order, which `sort_prefix` relies on.
fn item_kind(o: &Obj) -> Option<ItemKind> {
    if o.is_small_int() {
        Some(ItemKind::SmallInt)
    } else if o.is_exact(types().str) {
        // SAFETY: an exact str.
        let p = unsafe { o.payload::<pystr::StrObj>() };
        (p.ascii() || !pystr::has_standin(&p.data)).then_some(ItemKind::ExactStr)
    } else {
        None
    }
}

/// A word whose order agrees with the order of first items (`tuple_key_order`) wherever
/// two words differ: a small int biased to unsigned, a str's first 8 bytes big-endian
/// (zero-padded: where only one text has ended, it is a prefix of the other and sorts
/// first), 0 for an empty tuple. Equal words say nothing: the full comparison decides.
fn sort_prefix(items: &[Obj]) -> u64 {
    let Some(first) = items.first() else { return 0 };
    if let Some(i) = first.small_int() {
        return (i as u64) ^ (1 << 63);
    }
    // SAFETY: `quick_tuple_keys` accepted the key: an item that is no small int is an
    // exact str whose byte order is its order.
    let b = unsafe { first.payload::<pystr::StrObj>() }.data.as_bytes();
    let mut w = [0u8; 8];
    let n = b.len().min(8);
    w[..n].copy_from_slice(&b[..n]);
    u64::from_be_bytes(w)
}

/// The items of every key when all keys are exact tuples whose items at each position
/// are all small ints or all exact strs: then comparing two keys runs no Python code,
/// cannot fail, and is a total order (`tuple_key_order`), so a plain stable sort gives
/// timsort's result. `None` otherwise.
fn quick_tuple_keys(ks: &[Obj]) -> Option<Vec<&[Obj]>> {
    let tt = types().tuple;
    let mut kinds: Vec<ItemKind> = Vec::new();
    let mut out = Vec::with_capacity(ks.len());
    for k in ks {
        if k.is_small_int() || !k.is_exact(tt) {
            return None;
        }
        let items = super::tuple::as_slice(k)?;
        for (i, it) in items.iter().enumerate() {
            let kind = item_kind(it)?;
            match kinds.get(i) {
                Some(&seen) if seen != kind => return None,
                Some(_) => {}
                None => kinds.push(kind),
            }
        }
        out.push(items);
    }
    Some(out)
}

/// The order of two keys' items as `quick_tuple_keys` accepted them: tuple comparison
/// (the first position whose items differ decides, else the lengths).
fn tuple_key_order(x: &[Obj], y: &[Obj]) -> std::cmp::Ordering {
    for (p, q) in x.iter().zip(y) {
        if p.is(q) {
            continue;
        }
        let ord = match (p.small_int(), q.small_int()) {
            (Some(i), Some(j)) => i.cmp(&j),
            // SAFETY: items at one position are all small ints or all exact strs.
            _ => unsafe { pystr::compare(&p.payload::<pystr::StrObj>().data, &q.payload::<pystr::StrObj>().data) },
        };
        if ord != std::cmp::Ordering::Equal {
            return ord;
        }
    }
    x.len().cmp(&y.len())
}

fn sort_forward(vals: &mut Vec<Obj>, keys: Option<&Vec<Obj>>) -> PyResult<()> {
    let ks: &[Obj] = match keys {
        Some(k) => k,
        None => vals,
    };
    // Fast paths needing no Python calls (invisible to user code; stable like timsort).
    if ks.iter().all(|k| k.is_small_int()) {
        let mut perm: Vec<usize> = (0..ks.len()).collect();
        perm.sort_by_key(|&i| ks[i].small_int().unwrap());
        apply_perm(vals, &perm);
        return Ok(());
    }
    let strt = types().str;
    if ks.iter().all(|k| !k.is_small_int() && k.is_exact(strt)) {
        let mut perm: Vec<usize> = (0..ks.len()).collect();
        perm.sort_by(|&a, &b| pystr::compare(pystr::as_str(&ks[a]).unwrap_or(""), pystr::as_str(&ks[b]).unwrap_or("")));
        apply_perm(vals, &perm);
        return Ok(());
    }
    if let Some(items) = quick_tuple_keys(ks) {
        let mut order: Vec<(u64, usize)> = items.iter().enumerate().map(|(i, it)| (sort_prefix(it), i)).collect();
        order.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| tuple_key_order(items[a.1], items[b.1])));
        let perm: Vec<usize> = order.iter().map(|e| e.1).collect();
        apply_perm(vals, &perm);
        return Ok(());
    }
    let ks: Vec<Obj> = ks.to_vec();
    let mut lt = |a: usize, b: usize| protocol::lt(&ks[a], &ks[b]);
    let mut ts = TimSort::new(ks.len(), &mut lt);
    let result = ts.run();
    let perm = std::mem::take(&mut ts.a);
    apply_perm(vals, &perm);
    result
}

fn apply_perm(vals: &mut Vec<Obj>, perm: &[usize]) {
    let mut old: Vec<Option<Obj>> = std::mem::take(vals).into_iter().map(Some).collect();
    vals.extend(perm.iter().map(|&i| old[i].take().unwrap()));
}

/// Initial threshold for entering galloping mode in a merge.
const MIN_GALLOP: usize = 7;

/// One pending run on the merge stack: `a[base..base + len]`, with its powersort power.
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

/// CPython 3.11's list sort, re-implemented from its published description
/// (Objects/listsort.txt): natural runs found by `count_run` (strictly descending runs are
/// reversed), short runs extended to `minrun` by binary insertion, runs merged under the
/// powersort policy, merges trimmed by galloping and switching to galloping mode adaptively.
/// It permutes the index vector `a` by the fallible `lt`; on an error `a` stays a
/// permutation (the partially sorted state).
struct TimSort<'a> {
    a: Vec<usize>,
    lt: &'a mut dyn FnMut(usize, usize) -> PyResult<bool>,
    min_gallop: usize,
    pending: Vec<Run>,
    tmp: Vec<usize>,
}

impl<'a> TimSort<'a> {
    fn new(n: usize, lt: &'a mut dyn FnMut(usize, usize) -> PyResult<bool>) -> Self {
        TimSort { a: (0..n).collect(), lt, min_gallop: MIN_GALLOP, pending: Vec::new(), tmp: Vec::new() }
    }

    fn lt(&mut self, x: usize, y: usize) -> PyResult<bool> {
        (self.lt)(x, y)
    }

    fn run(&mut self) -> PyResult<()> {
        let total = self.a.len();
        if total < 2 {
            return Ok(());
        }
        let minrun = compute_minrun(total);
        let mut lo = 0;
        let mut remaining = total;
        while remaining > 0 {
            let (mut n, descending) = self.count_run(lo, lo + remaining)?;
            if descending {
                self.a[lo..lo + n].reverse();
            }
            if n < minrun {
                let force = remaining.min(minrun);
                self.binary_sort(lo, lo + force, lo + n)?;
                n = force;
            }
            self.found_new_run(n, total)?;
            self.pending.push(Run { base: lo, len: n, power: 0 });
            lo += n;
            remaining -= n;
        }
        // Force-collapse the remaining runs.
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(n)?;
        }
        Ok(())
    }

    /// Length of the run starting at `lo` (non-descending, or strictly descending).
    fn count_run(&mut self, lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        if lo + 1 == hi {
            return Ok((1, false));
        }
        let mut n = 2;
        let mut i = lo + 2;
        if self.lt(self.a[lo + 1], self.a[lo])? {
            while i < hi {
                if !self.lt(self.a[i], self.a[i - 1])? {
                    break;
                }
                i += 1;
                n += 1;
            }
            Ok((n, true))
        } else {
            while i < hi {
                if self.lt(self.a[i], self.a[i - 1])? {
                    break;
                }
                i += 1;
                n += 1;
            }
            Ok((n, false))
        }
    }

    /// Binary insertion sort of `a[lo..hi]`, where `a[lo..start]` is already sorted.
    fn binary_sort(&mut self, lo: usize, hi: usize, mut start: usize) -> PyResult<()> {
        if lo == start {
            start += 1;
        }
        while start < hi {
            let pivot = self.a[start];
            let (mut l, mut r) = (lo, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot, self.a[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            self.a.copy_within(l..start, l + 1);
            self.a[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// Powersort merge policy: merge pending runs whose power exceeds the new boundary's.
    fn found_new_run(&mut self, n2: usize, total: usize) -> PyResult<()> {
        if let Some(last) = self.pending.last().copied() {
            let power = node_power(last.base, last.len, n2, total);
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
                let i = self.pending.len() - 2;
                self.merge_at(i)?;
            }
            let k = self.pending.len() - 1;
            self.pending[k].power = power;
        }
        Ok(())
    }

    /// Merge pending runs `i` and `i + 1`.
    fn merge_at(&mut self, i: usize) -> PyResult<()> {
        let Run { base: mut base_a, len: mut na, .. } = self.pending[i];
        let Run { base: base_b, len: nb, .. } = self.pending[i + 1];
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);
        // Where does b start in a? Elements of a before that are already in place.
        let k = self.gallop_right(self.a[base_b], base_a, na, 0)?;
        base_a += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        // Where does a end in b? Elements of b after that are already in place.
        let nb = self.gallop_left(self.a[base_a + na - 1], base_b, nb, nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(base_a, na, base_b, nb)
        } else {
            self.merge_hi(base_a, na, base_b, nb)
        }
    }

    /// Leftmost position in sorted `a[base..base+n]` where `key` belongs (`hint` is the
    /// starting guess).
    fn gallop_left(&mut self, key: usize, base: usize, n: usize, hint: usize) -> PyResult<usize> {
        gallop_left(&mut *self.lt, key, &self.a[base..base + n], hint)
    }

    fn gallop_right(&mut self, key: usize, base: usize, n: usize, hint: usize) -> PyResult<usize> {
        gallop_right(&mut *self.lt, key, &self.a[base..base + n], hint)
    }

    /// Merge adjacent runs `a[pa..pa+na]` and `a[pb..pb+nb]` (na <= nb) left to right,
    /// with `a`'s run copied aside. Precondition: a[pb] belongs first, a[pa+na-1] last.
    fn merge_lo(&mut self, pa: usize, na: usize, pb: usize, nb: usize) -> PyResult<()> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&self.a[pa..pa + na]);
        let mut tmp = std::mem::take(&mut self.tmp);
        let r = self.merge_lo_inner(&mut tmp, pa, na, pb, nb);
        self.tmp = tmp;
        r
    }

    fn merge_lo_inner(&mut self, ta: &mut [usize], pa: usize, mut na: usize, mut pb: usize, mut nb: usize) -> PyResult<()> {
        let mut dest = pa;
        let mut ia = 0usize; // index into ta
        let mut min_gallop = self.min_gallop;
        self.a[dest] = self.a[pb];
        dest += 1;
        pb += 1;
        nb -= 1;
        // Outcome: 0 = done (copy rest of ta), 1 = copy b then the last a.
        let outcome: PyResult<u8> = (|| {
            if nb == 0 {
                return Ok(0);
            }
            if na == 1 {
                return Ok(1);
            }
            loop {
                let mut acount = 0usize;
                let mut bcount = 0usize;
                loop {
                    if self.lt(self.a[pb], ta[ia])? {
                        self.a[dest] = self.a[pb];
                        dest += 1;
                        pb += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            return Ok(0);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        self.a[dest] = ta[ia];
                        dest += 1;
                        ia += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            return Ok(1);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = gallop_right(&mut *self.lt, self.a[pb], &ta[ia..ia + na], 0)?;
                    acount = k;
                    if k > 0 {
                        self.a[dest..dest + k].copy_from_slice(&ta[ia..ia + k]);
                        dest += k;
                        ia += k;
                        na -= k;
                        if na == 1 {
                            return Ok(1);
                        }
                        if na == 0 {
                            return Ok(0);
                        }
                    }
                    self.a[dest] = self.a[pb];
                    dest += 1;
                    pb += 1;
                    nb -= 1;
                    if nb == 0 {
                        return Ok(0);
                    }
                    let k = self.gallop_left(ta[ia], pb, nb, 0)?;
                    bcount = k;
                    if k > 0 {
                        self.a.copy_within(pb..pb + k, dest);
                        dest += k;
                        pb += k;
                        nb -= k;
                        if nb == 0 {
                            return Ok(0);
                        }
                    }
                    self.a[dest] = ta[ia];
                    dest += 1;
                    ia += 1;
                    na -= 1;
                    if na == 1 {
                        return Ok(1);
                    }
                    if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match outcome {
            Ok(1) => {
                self.a.copy_within(pb..pb + nb, dest);
                self.a[dest + nb] = ta[ia];
                Ok(())
            }
            Ok(_) => {
                self.a[dest..dest + na].copy_from_slice(&ta[ia..ia + na]);
                Ok(())
            }
            Err(e) => {
                self.a[dest..dest + na].copy_from_slice(&ta[ia..ia + na]);
                Err(e)
            }
        }
    }

    /// Merge right to left (na > nb), with `b`'s run copied aside.
    fn merge_hi(&mut self, pa: usize, na: usize, pb: usize, nb: usize) -> PyResult<()> {
        self.tmp.clear();
        self.tmp.extend_from_slice(&self.a[pb..pb + nb]);
        let mut tmp = std::mem::take(&mut self.tmp);
        let r = self.merge_hi_inner(&mut tmp, pa, na, pb, nb);
        self.tmp = tmp;
        r
    }

    fn merge_hi_inner(&mut self, tb: &mut [usize], pa: usize, mut na: usize, pb: usize, mut nb: usize) -> PyResult<()> {
        // Positions are "one past" the current element to stay in usize.
        let mut dest = pb + nb; // next write goes to dest - 1
        let mut ea = pa + na; // current a element is a[ea - 1]
        let mut eb = nb; // current b element is tb[eb - 1]
        let mut min_gallop = self.min_gallop;
        self.a[dest - 1] = self.a[ea - 1];
        dest -= 1;
        ea -= 1;
        na -= 1;
        // Outcome: 0 = done (copy rest of tb), 1 = copy a then the first b.
        let outcome: PyResult<u8> = (|| {
            if na == 0 {
                return Ok(0);
            }
            if nb == 1 {
                return Ok(1);
            }
            loop {
                let mut acount = 0usize;
                let mut bcount = 0usize;
                loop {
                    if self.lt(tb[eb - 1], self.a[ea - 1])? {
                        self.a[dest - 1] = self.a[ea - 1];
                        dest -= 1;
                        ea -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            return Ok(0);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        self.a[dest - 1] = tb[eb - 1];
                        dest -= 1;
                        eb -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            return Ok(1);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = self.gallop_right(tb[eb - 1], pa, na, na - 1)?;
                    let k = na - k;
                    acount = k;
                    if k > 0 {
                        self.a.copy_within(ea - k..ea, dest - k);
                        dest -= k;
                        ea -= k;
                        na -= k;
                        if na == 0 {
                            return Ok(0);
                        }
                    }
                    self.a[dest - 1] = tb[eb - 1];
                    dest -= 1;
                    eb -= 1;
                    nb -= 1;
                    if nb == 1 {
                        return Ok(1);
                    }
                    let k = gallop_left(&mut *self.lt, self.a[ea - 1], &tb[..nb], nb - 1)?;
                    let k = nb - k;
                    bcount = k;
                    if k > 0 {
                        self.a[dest - k..dest].copy_from_slice(&tb[eb - k..eb]);
                        dest -= k;
                        eb -= k;
                        nb -= k;
                        if nb == 1 {
                            return Ok(1);
                        }
                        if nb == 0 {
                            return Ok(0);
                        }
                    }
                    self.a[dest - 1] = self.a[ea - 1];
                    dest -= 1;
                    ea -= 1;
                    na -= 1;
                    if na == 0 {
                        return Ok(0);
                    }
                    if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match outcome {
            Ok(1) => {
                self.a.copy_within(ea - na..ea, dest - na);
                self.a[dest - na - 1] = tb[eb - 1];
                Ok(())
            }
            Ok(_) => {
                self.a[dest - nb..dest].copy_from_slice(&tb[..nb]);
                Ok(())
            }
            Err(e) => {
                self.a[dest - nb..dest].copy_from_slice(&tb[..nb]);
                Err(e)
            }
        }
    }
}

/// Leftmost position in sorted `s` where `key` belongs (`hint` is the starting guess).
fn gallop_left(lt: &mut dyn FnMut(usize, usize) -> PyResult<bool>, key: usize, s: &[usize], hint: usize) -> PyResult<usize> {
    let (mut lastofs, mut ofs);
    lastofs = 0usize;
    ofs = 1usize;
    if lt(s[hint], key)? {
        let maxofs = s.len() - hint;
        while ofs < maxofs {
            if lt(s[hint + ofs], key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        lastofs += hint + 1;
        ofs += hint;
    } else {
        let maxofs = hint + 1;
        while ofs < maxofs {
            if lt(s[hint - ofs], key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        // lastofs = hint - ofs (may be -1), then +1.
        lastofs = hint + 1 - ofs;
        ofs = hint - k;
    }
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(s[m], key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs)
}

/// Rightmost position in sorted `s` where `key` belongs.
fn gallop_right(lt: &mut dyn FnMut(usize, usize) -> PyResult<bool>, key: usize, s: &[usize], hint: usize) -> PyResult<usize> {
    let (mut lastofs, mut ofs);
    lastofs = 0usize;
    ofs = 1usize;
    if lt(key, s[hint])? {
        let maxofs = hint + 1;
        while ofs < maxofs {
            if lt(key, s[hint - ofs])? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        ofs = ofs.min(maxofs);
        let k = lastofs;
        lastofs = hint + 1 - ofs;
        ofs = hint - k;
    } else {
        let maxofs = s.len() - hint;
        while ofs < maxofs {
            if lt(key, s[hint + ofs])? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        ofs = ofs.min(maxofs);
        lastofs += hint + 1;
        ofs += hint;
    }
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(key, s[m])? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs)
}


/// Minimum run length: `n` itself when below 64, else a value in 32..=64 such that
/// `n / minrun` is (close to) a power of two.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Powersort node power of the boundary between run `s1..s1+n1` and the next run of
/// length `n2`, in a list of length `n`: the first bit position where the binary
/// expansions of the two runs' midpoints (as fractions of `n`) differ.
fn node_power(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("list", std::mem::size_of::<ListObj>(), drop_list);
    s.slots.traverse = Some(list_traverse);
    s.slots.clear = Some(list_clear);
    s.flags = super::typeobj::flags::LIST_SUBCLASS;
    let sl = &mut s.slots;
    sl.repr = Some(list_repr);
    sl.hash = Some(hash_not_implemented);
    sl.richcompare = Some(list_richcompare);
    sl.iter = Some(list_iter);
    sl.len = Some(list_len);
    sl.bool = Some(list_bool);
    sl.getitem = Some(list_getitem);
    sl.setitem = Some(list_setitem);
    sl.contains = Some(list_contains);
    sl.number[BinOp::Add as usize] = Some(list_add);
    sl.number[BinOp::Mul as usize] = Some(list_mul);
    sl.inplace[BinOp::Add as usize] = Some(list_iadd);
    sl.inplace[BinOp::Mul as usize] = Some(list_imul);
    sl.new = Some(list_new);
    sl.init = Some(list_init);
    s.methods = vec![
        MethodDef::Method { name: "insert", func: m_insert, min: 3, max: 3 },
        MethodDef::Method { name: "__reversed__", func: m_reversed, min: 1, max: 1 },
        MethodDef::Attr { name: "__hash__", value: none_attr },
    ];
    EXTRA.extend(&mut s.methods);
    s
}

super::method_extension! {
    /// Enables list's extension table (called by the program's `main`; types/mod.rs
    /// `MethodExtension`).
    pyrt_methods_list: EXTRA(MethodDef) => extra_methods
}

pub(super) fn extra_methods() -> Vec<MethodDef> {
    vec![
        MethodDef::Method { name: "append", func: m_append, min: 2, max: 2 },
        MethodDef::Method { name: "extend", func: m_extend, min: 2, max: 2 },
        MethodDef::Method { name: "pop", func: m_pop, min: 1, max: 2 },
        MethodDef::Method { name: "remove", func: m_remove, min: 2, max: 2 },
        MethodDef::Method { name: "index", func: m_index, min: 2, max: 4 },
        MethodDef::Method { name: "count", func: m_count, min: 2, max: 2 },
        MethodDef::Method { name: "clear", func: m_clear, min: 1, max: 1 },
        MethodDef::Method { name: "copy", func: m_copy, min: 1, max: 1 },
        MethodDef::Method { name: "reverse", func: m_reverse, min: 1, max: 1 },
        MethodDef::MethodKw { name: "sort", func: m_sort },
    ]
}

// ===================== iterators =====================

#[repr(C)]
pub struct ListIterObj {
    pub head: ObjHeader,
    pub seq: Option<Obj>,
    pub index: usize,
}

fn self_iter(o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}

fn list_iter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let it = unsafe { o.payload_mut::<ListIterObj>() };
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

fn list_iter_length_hint(a: &[Obj]) -> PyResult<Obj> {
    let it = unsafe { a[0].payload::<ListIterObj>() };
    let n = match &it.seq {
        Some(s) => list_len_of(s).saturating_sub(it.index),
        None => 0,
    };
    Ok(int::from_i64(n as i64))
}

pub fn iter_spec() -> TypeSpec {
    let mut s = TypeSpec::new("list_iterator", std::mem::size_of::<ListIterObj>(), drop_as::<ListIterObj>);
    s.final_ = true;
    s.slots.iter = Some(self_iter);
    s.slots.next = Some(list_iter_next);
    s.methods = vec![MethodDef::Method { name: "__length_hint__", func: list_iter_length_hint, min: 1, max: 1 }];
    s
}

#[repr(C)]
pub struct ListRevIterObj {
    pub head: ObjHeader,
    pub seq: Option<Obj>,
    pub index: isize,
}

fn list_reviter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let it = unsafe { o.payload_mut::<ListRevIterObj>() };
    if let Some(seq) = &it.seq {
        if it.index >= 0 {
            if let Some(x) = items(seq).get(it.index as usize) {
                it.index -= 1;
                return Ok(Some(x.clone()));
            }
        }
        it.index = -1;
        let s = it.seq.take();
        drop(s);
    }
    Ok(None)
}

fn list_reviter_length_hint(a: &[Obj]) -> PyResult<Obj> {
    let it = unsafe { a[0].payload::<ListRevIterObj>() };
    let n = match &it.seq {
        Some(s) if it.index >= 0 && (it.index as usize) < list_len_of(s) => it.index + 1,
        _ => 0,
    };
    Ok(int::from_i64(n as i64))
}

pub fn reverse_iter_spec() -> TypeSpec {
    let mut s = TypeSpec::new("list_reverseiterator", std::mem::size_of::<ListRevIterObj>(), drop_as::<ListRevIterObj>);
    s.final_ = true;
    s.slots.iter = Some(self_iter);
    s.slots.next = Some(list_reviter_next);
    s.methods = vec![MethodDef::Method { name: "__length_hint__", func: list_reviter_length_hint, min: 1, max: 1 }];
    s
}

// ----- cycle collector (gc.rs): traverse / clear -----

fn list_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    for x in unsafe { o.payload::<ListObj>() }.items.iter().rev() {
        visit(x);
    }
}

fn list_clear(o: &Obj) {
    let old = std::mem::take(unsafe { &mut o.payload_mut::<ListObj>().items });
    drop(old);
}
