//! The C ABI native code calls (docs/architecture.md, "C ABI of the runtime"), plus
//! `pyrt_main`, the process entry. Every function is a thin wrapper around the same Rust
//! operation the interpreter uses (`interp::op_*`, `protocol`), so native and
//! interpreted execution cannot diverge. Values are raw words; operands are borrowed
//! unless the architecture table says "steals".

use pyc_frontend::bytecode::{BinOp, Program};

use crate::errors::{self, set_current, to_abi, to_status};
use crate::frame::Frame;
use crate::interp;
use crate::object::{Obj, PyErr};
use crate::protocol;
use crate::types::code::{as_code, NativeFn};
use crate::types::exceptions::{self as excs, exc};
use crate::types::function;
use crate::types::{self, dict, list, none, str as pystr, tuple, types};

#[inline]
unsafe fn b<'a>(v: &'a u64) -> &'a Obj {
    Obj::borrow_raw(v)
}

#[inline]
unsafe fn fr<'a>(f: *mut Frame) -> &'a mut Frame {
    &mut *f
}

unsafe fn take_items(items: *const u64, n: usize) -> Vec<Obj> {
    (0..n).map(|i| Obj::from_raw(*items.add(i))).collect()
}

// ----- refcounting and singletons -----

#[no_mangle]
pub unsafe extern "C" fn pyrt_incref(v: u64) {
    b(&v).incref();
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_decref(v: u64) {
    drop(Obj::from_raw(v));
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_xdecref(v: u64) {
    if v != 0 {
        drop(Obj::from_raw(v));
    }
}

/// Frees an object whose refcount the inlined decref just dropped to zero. Exact floats
/// and list iterators go straight to their free lists (`object::recycle_kept`): they are
/// most of what compiled code frees (floats replaced in attributes and list items, the
/// iterators of `for` loops), and the generic destructor cost ~45 instructions each.
#[no_mangle]
pub unsafe extern "C" fn pyrt_dealloc(v: u64) {
    if v == 0 || v & 1 == 1 {
        return;
    }
    let h = v as *mut crate::object::ObjHeader;
    if crate::object::recycle_kept(h) {
        return;
    }
    (*h).refcnt = 1;
    drop(Obj::from_raw(v));
}

#[no_mangle]
pub extern "C" fn pyrt_none() -> u64 {
    none::none().into_raw()
}
#[no_mangle]
pub extern "C" fn pyrt_true() -> u64 {
    types::bool::from_bool(true).into_raw()
}
#[no_mangle]
pub extern "C" fn pyrt_false() -> u64 {
    types::bool::from_bool(false).into_raw()
}

// ----- locals, constants, cells, names -----

#[no_mangle]
pub unsafe extern "C" fn pyrt_frame_take_local(f: *mut Frame, i: u32) -> u64 {
    match fr(f).localsplus.get_mut(i as usize).and_then(|s| s.take()) {
        Some(v) => v.into_raw(),
        None => 0,
    }
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_load_const(f: *mut Frame, i: u32) -> u64 {
    fr(f).code_obj().consts[i as usize].clone().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_raise_unbound_local(f: *mut Frame, i: u32) -> u64 {
    set_current(interp::unbound_local(fr(f).code_obj(), i));
    0
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_raise_unbound_deref(f: *mut Frame, i: u32) -> u64 {
    set_current(interp::unbound_deref(fr(f), i));
    0
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_cell_new(v: u64) -> u64 {
    function::new_cell(Obj::from_raw_opt(v)).into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_cell_get(f: *mut Frame, cell: u64, i: u32) -> u64 {
    match function::cell_get(b(&cell)) {
        Some(v) => v.into_raw(),
        None => {
            set_current(interp::unbound_deref(fr(f), i));
            0
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_cell_set(cell: u64, v: u64) {
    let val = if v == 0 { None } else { Some(Obj::from_borrowed(v)) };
    function::cell_set(b(&cell), val);
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_load_class_deref(f: *mut Frame, cell: u64, name_idx: u32) -> u64 {
    let f = fr(f);
    let name = &f.code_obj().names[name_idx as usize];
    if let Some(l) = &f.locals {
        let r = if l.is_exact(types().dict) {
            Ok(dict::get_item_str(l, name))
        } else {
            match protocol::getitem(l, name) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.matches(exc().key_error) => Ok(None),
                Err(e) => Err(e),
            }
        };
        match r {
            Ok(Some(v)) => return v.into_raw(),
            Ok(None) => {}
            Err(e) => {
                set_current(e);
                return 0;
            }
        }
    }
    match function::cell_get(b(&cell)) {
        Some(v) => v.into_raw(),
        None => {
            let ncell = f.co().cellvars.len();
            let idx = f.co().freevars.iter().position(|n| pystr::as_str(name) == Some(n.as_str())).map(|p| p + ncell);
            set_current(interp::unbound_deref(f, idx.unwrap_or(0) as u32));
            0
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_load_global(f: *mut Frame, i: u32) -> u64 {
    to_abi(interp::load_global_cached(fr(f), i))
}

/// Byte offset of a dict's version tag, for the global caches native code checks inline
/// (codegen/calls.rs).
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static pyrt_dict_tag_offset: u64 = dict::TAG_OFFSET as u64;

/// Set in the name index of a global's fill by a site that checks the globals dict's
/// tag only (codegen/globals.rs `GLOBALS_ONLY`, a name the module binds): such a site
/// may cache only a value that the globals dict holds.
pub const GLOBALS_ONLY: u32 = 1 << 31;

/// A fill's name index without the `GLOBALS_ONLY` flag, and the flag.
pub fn split_global_index(i: u32) -> (u32, bool) {
    (i & !GLOBALS_ONLY, i & GLOBALS_ONLY != 0)
}

/// Whether `v`, which global name `i` of `f`'s code resolved to, is the value of that
/// name in `f`'s globals dict (not a builtin).
pub fn held_by_globals(f: &Frame, i: u32, v: &Obj) -> bool {
    dict::get_item_str(&f.globals, &f.code_obj().names[i as usize]).is_some_and(|g| g.is(v))
}

/// `pyrt_load_global` at a site with an inline cache `cache` = [globals tag, builtins
/// tag, value]: refills it when globals and builtins are exact dicts that the look-up
/// left unchanged. The value is borrowed: equal tags mean the globals or builtins dict
/// still holds it.
#[no_mangle]
pub unsafe extern "C" fn pyrt_load_global_fill(f: *mut Frame, i: u32, cache: *mut u64) -> u64 {
    let f = fr(f);
    let (i, globals_only) = split_global_index(i);
    let dt = types().dict;
    let exact = f.globals.is_exact(dt) && f.builtins.is_exact(dt);
    let before = exact.then(|| (dict::version_tag(&f.globals), dict::version_tag(&f.builtins)));
    let r = interp::load_global_cached(f, i);
    if let (Some(tags), Ok(v)) = (before, &r) {
        let cacheable = !globals_only || held_by_globals(f, i, v);
        if cacheable && tags == (dict::version_tag(&f.globals), dict::version_tag(&f.builtins)) {
            *cache = tags.0;
            *cache.add(1) = tags.1;
            *cache.add(2) = v.raw();
        }
    }
    to_abi(r)
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_load_name(f: *mut Frame, i: u32) -> u64 {
    let f = fr(f);
    to_abi(interp::op_load_name(f, &f.code_obj().names[i as usize]))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_store_global(f: *mut Frame, i: u32, v: u64) -> i32 {
    let f = fr(f);
    to_status(dict::set_item(&f.globals, f.code_obj().names[i as usize].clone(), b(&v).clone()))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_store_name(f: *mut Frame, i: u32, v: u64) -> i32 {
    let f = fr(f);
    to_status(interp::op_store_name(f, &f.code_obj().names[i as usize], b(&v).clone()))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_delete_global(f: *mut Frame, i: u32) -> i32 {
    let f = fr(f);
    to_status(interp::op_delete_global(f, &f.code_obj().names[i as usize]))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_delete_name(f: *mut Frame, i: u32) -> i32 {
    let f = fr(f);
    to_status(interp::op_delete_name(f, &f.code_obj().names[i as usize]))
}

// ----- attributes and items -----

#[no_mangle]
pub unsafe extern "C" fn pyrt_load_attr(f: *mut Frame, o: u64, i: u32) -> u64 {
    to_abi(protocol::getattr(b(&o), &fr(f).code_obj().names[i as usize]))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_store_attr(f: *mut Frame, o: u64, i: u32, v: u64) -> i32 {
    to_status(protocol::setattr(b(&o), &fr(f).code_obj().names[i as usize], b(&v)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_delete_attr(f: *mut Frame, o: u64, i: u32) -> i32 {
    to_status(protocol::delattr(b(&o), &fr(f).code_obj().names[i as usize]))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_load_method(f: *mut Frame, o: u64, i: u32, out: *mut u64) -> i32 {
    match interp::op_load_method(b(&o), &fr(f).code_obj().names[i as usize]) {
        Ok((m, s)) => {
            *out = m.map_or(0, |m| m.into_raw());
            *out.add(1) = s.into_raw();
            0
        }
        Err(e) => {
            set_current(e);
            -1
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_subscr(o: u64, k: u64) -> u64 {
    if let Some(slot) = seq_slot(o, k, true) {
        return (*slot).clone().into_raw();
    }
    to_abi(protocol::getitem(b(&o), b(&k)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_store_subscr(o: u64, k: u64, v: u64) -> i32 {
    if let Some(slot) = seq_slot(o, k, false) {
        // a slot to write is an exact list's
        list::note_store(b(&o), b(&v));
        let old = std::mem::replace(&mut *slot, b(&v).clone());
        drop(old);
        return 0;
    }
    to_status(protocol::setitem(b(&o), b(&k), b(&v)))
}

/// The item `o[k]` refers to when `o` is an exact list (or, for reads, an exact tuple)
/// and `k` a small int in range: indexing then skips the protocol dispatch (a third of
/// a list-heavy loop). Anything else, including out-of-range indexes (whose errors the
/// type's own slot raises), is `None`.
#[inline]
unsafe fn seq_slot(o: u64, k: u64, read: bool) -> Option<*mut Obj> {
    if k & 1 == 0 || o & 1 == 1 {
        return None;
    }
    let obj = b(&o);
    let t = types();
    let items: &mut [Obj] = if obj.is_exact(t.list) {
        &mut obj.payload_mut::<list::ListObj>().items
    } else if read && obj.is_exact(t.tuple) {
        obj.payload_mut::<tuple::TupleObj>().items_mut()
    } else {
        return None;
    };
    let n = items.len() as i64;
    let i = (k as i64) >> 1;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return None;
    }
    Some(&mut items[j as usize] as *mut Obj)
}

/// [list type, byte offset of the items pointer, byte offset of the length] in a list
/// object, for native code's inline list indexing (codegen/subscr.rs); all zero (inline
/// path never taken) until `init_inline_layouts` runs at start-up.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut pyrt_list_layout: [u64; 3] = [0; 3];

/// The built-in functions of `INLINE_MATH_FUNCS`, in that order (immortal; 0 until
/// `math` is first imported), which native code computes inline when a call site's
/// callee is one of them (codegen/unboxed.rs `lower_math_call`).
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut pyrt_math_funcs: [u64; pyc_frontend::bytecode::INLINE_MATH_FUNCS.len()] = [0; pyc_frontend::bytecode::INLINE_MATH_FUNCS.len()];

/// The `range_iterator` type, for native code's inline `for i in range(...)` step
/// (codegen/loops.rs reads `RangeIterObj` fields at the offsets asserted below); 0 until
/// start-up.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut pyrt_range_iter_type: u64 = 0;

/// The `range` type, for native code's `for i in range(a, b)` that builds its iterator in
/// its own stack memory (codegen/known.rs `lower_range_loop_call`); 0 until start-up.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut pyrt_range_type: u64 = 0;

const _: () = {
    use crate::types::range::RangeIterObj;
    use std::mem::offset_of;
    assert!(offset_of!(RangeIterObj, next) == 16 && offset_of!(RangeIterObj, step) == 24);
    assert!(offset_of!(RangeIterObj, remaining) == 32 && offset_of!(RangeIterObj, big) == 40);
};

/// The `tuple` type, for native code's inline `a, b = t` (codegen/subscr.rs reads the
/// length and items pointer at the offsets asserted in types/tuple.rs); 0 until start-up.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut pyrt_tuple_type: u64 = 0;

/// The `str` type, and the built-in `len` function (borrowed from `builtins`, set by
/// `builtins::init`), for native code's inline `len(x)` (codegen/known.rs reads
/// `StrObj.nchars` at the offset asserted in types/str.rs); 0 until start-up.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut pyrt_str_type: u64 = 0;
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut pyrt_len_builtin: u64 = 0;

/// The `list_iterator` type once the list layout is known (`init_inline_layouts`), else
/// 0: codegen/loops.rs advances list iterators inline (fields asserted below).
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut pyrt_list_iter_type: u64 = 0;

const _: () = {
    use crate::types::list::ListIterObj;
    use std::mem::offset_of;
    assert!(offset_of!(ListIterObj, seq) == 16 && offset_of!(ListIterObj, index) == 24);
    assert!(std::mem::size_of::<Option<Obj>>() == 8);
};

/// None, True, False and the `float` type (immortal), in the order of codegen's
/// `PUBLISHED_SINGLETONS`: native code loads them from here, with no first-use check.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut pyrt_singleton_words: [u64; 4] = [0; 4];

/// Publishes `pyrt_singleton_words` and `pyrt_range_iter_type`, and finds where a list's `Vec` keeps its pointer and
/// length (Rust does not fix the field order of `Vec`) by looking at a probe list whose
/// pointer, capacity and length differ.
fn init_inline_layouts() {
    // SAFETY: written once at start-up, before any native code runs.
    unsafe {
        *std::ptr::addr_of_mut!(pyrt_singleton_words) = [pyrt_none(), pyrt_true(), pyrt_false(), pyrt_float_type()];
        *std::ptr::addr_of_mut!(pyrt_range_iter_type) = types().range_iterator.ptr() as u64;
        *std::ptr::addr_of_mut!(pyrt_range_type) = types().range.ptr() as u64;
        *std::ptr::addr_of_mut!(pyrt_tuple_type) = types().tuple.ptr() as u64;
        *std::ptr::addr_of_mut!(pyrt_str_type) = types().str.ptr() as u64;
    }
    let probe = list::new({
        let mut v = Vec::with_capacity(7);
        v.extend([none::none(), none::none()]);
        v
    });
    let base = probe.raw();
    // SAFETY: `probe` is a live list; we read the three words of its `Vec` field.
    unsafe {
        let items = &probe.payload::<list::ListObj>().items;
        let vec_at = items as *const Vec<Obj> as u64;
        let word = |k: u64| *((vec_at + 8 * k) as *const u64);
        let find = |want: u64| (0..3u64).find(|&k| word(k) == want).map(|k| vec_at - base + 8 * k);
        if std::mem::size_of::<Vec<Obj>>() != 24 || items.capacity() == items.len() {
            return;
        }
        if let (Some(p), Some(n)) = (find(items.as_ptr() as u64), find(items.len() as u64)) {
            *std::ptr::addr_of_mut!(pyrt_list_layout) = [types().list.ptr() as u64, p, n];
            *std::ptr::addr_of_mut!(pyrt_list_iter_type) = types().list_iterator.ptr() as u64;
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_delete_subscr(o: u64, k: u64) -> i32 {
    to_status(protocol::delitem(b(&o), b(&k)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_build_slice(start: u64, stop: u64, step: u64) -> u64 {
    let step = if step == 0 { none::none() } else { b(&step).clone() };
    types::slice::new(b(&start).clone(), b(&stop).clone(), step).into_raw()
}

/// `o[start:stop:step]` (BinarySlice; `step` 0 when absent): `types::slice::get_slice`.
#[no_mangle]
pub unsafe extern "C" fn pyrt_binary_slice(o: u64, start: u64, stop: u64, step: u64) -> u64 {
    let step = if step == 0 { None } else { Some(b(&step)) };
    to_abi(types::slice::get_slice(b(&o), b(&start), b(&stop), step))
}

/// `o[start:stop:step] = v` (StoreSlice; `step` 0 when absent): `types::slice::set_slice`.
#[no_mangle]
pub unsafe extern "C" fn pyrt_store_slice(o: u64, start: u64, stop: u64, step: u64, v: u64) -> i32 {
    let step = if step == 0 { None } else { Some(b(&step)) };
    to_status(types::slice::set_slice(b(&o), b(&start), b(&stop), step, b(&v)))
}

// ----- operators -----

#[no_mangle]
pub unsafe extern "C" fn pyrt_binary_op(a: u64, bb: u64, op: u32) -> u64 {
    to_abi(interp::op_binary(b(&a), b(&bb), op))
}

/// The `float` type object (immortal), for the codegen's inline float fast paths.
#[no_mangle]
pub extern "C" fn pyrt_float_type() -> u64 {
    types::types().float as *const types::typeobj::TypeObject as u64
}

/// A new float object (the inline fast paths box their results with it). Never fails.
#[no_mangle]
pub extern "C" fn pyrt_float_new(v: f64) -> u64 {
    types::float::new(v).into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_inplace_op(a: u64, bb: u64, op: u32) -> u64 {
    to_abi(protocol::inplace_op(b(&a), b(&bb), BinOp::from_u32(op)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_unary_op(a: u64, op: u32) -> u64 {
    to_abi(interp::op_unary(b(&a), op))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_compare_op(a: u64, bb: u64, op: u32) -> u64 {
    to_abi(interp::op_compare(b(&a), b(&bb), op))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_contains_op(a: u64, bb: u64, invert: u32) -> u64 {
    to_abi(protocol::contains(b(&bb), b(&a)).map(|r| types::bool::from_bool(r != (invert != 0))))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_is_true(v: u64) -> i32 {
    match protocol::is_true(b(&v)) {
        Ok(t) => t as i32,
        Err(e) => {
            set_current(e);
            -1
        }
    }
}

// ----- containers -----

#[no_mangle]
pub unsafe extern "C" fn pyrt_build_tuple(items: *const u64, n: u32) -> u64 {
    tuple::new(take_items(items, n as usize)).into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_build_list(items: *const u64, n: u32) -> u64 {
    list::new(take_items(items, n as usize)).into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_build_set(items: *const u64, n: u32) -> u64 {
    to_abi(types::set::new_set(take_items(items, n as usize)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_build_string(items: *const u64, n: u32) -> u64 {
    interp::op_build_string(&take_items(items, n as usize)).into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_build_map(items: *const u64, n: u32) -> u64 {
    to_abi(interp::op_build_map(take_items(items, 2 * n as usize)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_build_const_key_map(values: *const u64, n: u32, keys: u64) -> u64 {
    let vals = take_items(values, n as usize);
    let keys = Obj::from_raw(keys);
    to_abi(interp::op_build_const_key_map(vals, &keys))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_list_append(l: u64, v: u64) -> i32 {
    list::append(b(&l), b(&v).clone());
    0
}

/// `lst.append(x)` on a local known to hold an exact list (codegen/known.rs): `x`'s
/// reference moves into the list. No recursion level, as CPython's specialized
/// `LIST_APPEND` form of the call counts none.
#[no_mangle]
pub unsafe extern "C" fn pyrt_list_append_owned(l: u64, x: u64) -> u64 {
    list::append(b(&l), Obj::from_raw(x));
    none::none().into_raw()
}

/// `sep.join(items)` where `sep` is a str constant (codegen/known.rs): str's methods
/// cannot be replaced, so there is nothing to look up; the call counts the recursion level
/// CPython counts for the METH_O `str.join`. The operands are borrowed.
#[no_mangle]
pub unsafe extern "C" fn pyrt_str_join(sep: u64, items: u64) -> u64 {
    to_abi(interp::counted_call(|| pystr::join(b(&sep), b(&items))))
}

/// `d.get(k)` (`dflt` 0) or `d.get(k, dflt)` on a local known to hold an exact dict
/// (codegen/known.rs); the operands are borrowed.
#[no_mangle]
pub unsafe extern "C" fn pyrt_dict_get_or(d: u64, k: u64, dflt: u64) -> u64 {
    match dict::get_item(b(&d), b(&k)) {
        Ok(Some(v)) => v.into_raw(),
        Ok(None) if dflt == 0 => none::none().into_raw(),
        Ok(None) => b(&dflt).clone().into_raw(),
        Err(e) => {
            set_current(e);
            0
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_set_add(s: u64, v: u64) -> i32 {
    to_status(types::set::add(b(&s), b(&v).clone()))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_map_add(d: u64, k: u64, v: u64) -> i32 {
    to_status(dict::set_item(b(&d), b(&k).clone(), b(&v).clone()))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_list_extend(l: u64, it: u64) -> i32 {
    to_status(interp::op_list_extend(b(&l), b(&it)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_set_update(s: u64, it: u64) -> i32 {
    to_status(interp::op_set_update(b(&s), b(&it)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_dict_update(d: u64, m: u64) -> i32 {
    to_status(interp::op_dict_update(b(&d), b(&m)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_dict_merge(func: u64, d: u64, m: u64) -> i32 {
    let func = if func == 0 { none::none() } else { b(&func).clone() };
    to_status(interp::op_dict_merge(&func, b(&d), b(&m)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_list_to_tuple(l: u64) -> u64 {
    tuple::from_slice(list::as_slice_opt(b(&l)).unwrap_or_default()).into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_format_value(v: u64, spec: u64, conv: u32) -> u64 {
    let spec = if spec == 0 { None } else { Some(b(&spec)) };
    to_abi(interp::op_format_value(b(&v), spec, conv & pyc_frontend::bytecode::format_flags::CONV_MASK))
}

// ----- unpacking and iteration -----

#[no_mangle]
pub unsafe extern "C" fn pyrt_unpack_sequence(seq: u64, n: u32, out: *mut u64) -> i32 {
    let s = b(&seq);
    // an exact tuple or list of the right length (CPython's fast path too): no iterator,
    // no temporary vector
    let exact = if s.is_exact(types().tuple) {
        tuple::as_slice(s)
    } else if s.is_exact(types().list) {
        list::as_slice_opt(s)
    } else {
        None
    };
    if let Some(items) = exact.filter(|items| items.len() == n as usize) {
        for (i, v) in items.iter().enumerate() {
            *out.add(i) = v.clone().into_raw();
        }
        return 0;
    }
    match interp::op_unpack_sequence(s, n as usize) {
        Ok(items) => {
            for (i, v) in items.into_iter().enumerate() {
                *out.add(i) = v.into_raw();
            }
            0
        }
        Err(e) => {
            set_current(e);
            -1
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_unpack_ex(seq: u64, before: u32, after: u32, out: *mut u64) -> i32 {
    match interp::op_unpack_ex(b(&seq), before as usize, after as usize) {
        Ok(items) => {
            for (i, v) in items.into_iter().enumerate() {
                *out.add(i) = v.into_raw();
            }
            0
        }
        Err(e) => {
            set_current(e);
            -1
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_get_iter(v: u64) -> u64 {
    to_abi(protocol::iter(b(&v)))
}

/// `iter(list)` for an exact list (the caller checked): its list iterator, without the
/// `iter()` protocol's dispatch.
#[no_mangle]
pub unsafe extern "C" fn pyrt_list_iter_new(list: u64) -> u64 {
    crate::types::list::new_iter(b(&list)).into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_for_iter(it: u64, out: *mut u64) -> i32 {
    let it = b(&it);
    // `for x in gen`: straight to the generator's resumption, no slot dispatch
    let r = if it.is_exact(types().generator) { crate::types::generator::gen_next(it) } else { protocol::next(it) };
    match r {
        Ok(Some(v)) => {
            *out = v.into_raw();
            1
        }
        Ok(None) => 0,
        Err(e) if e.matches(exc().stop_iteration) => 0,
        Err(e) => {
            set_current(e);
            -1
        }
    }
}

// ----- calls and functions -----

#[no_mangle]
pub unsafe extern "C" fn pyrt_call(base: *const u64, nargs: u32, kwnames: u64) -> u64 {
    if kwnames == 0 {
        let r = if *base != 0 {
            interp::call_positional(b(&*base), Obj::borrow_slice(base.add(1), nargs as usize + 1))
        } else {
            interp::call_positional(b(&*base.add(1)), Obj::borrow_slice(base.add(2), nargs as usize))
        };
        return to_abi(r);
    }
    let kw = if kwnames == 0 { None } else { Some(b(&kwnames)) };
    let r = if *base != 0 {
        let callable = b(&*base);
        let args = Obj::borrow_slice(base.add(1), nargs as usize + 1);
        interp::call_with_kwnames(callable, args, kw)
    } else {
        let callable = b(&*base.add(1));
        let args = Obj::borrow_slice(base.add(2), nargs as usize);
        interp::call_with_kwnames(callable, args, kw)
    };
    to_abi(r)
}

/// Words of one entry of a call site's cache, and entries per site (codegen/calls.rs).
pub const CALL_ENTRY_WORDS: usize = 6;
pub const CALL_ENTRIES: usize = 4;
type CallSite = [[u64; CALL_ENTRY_WORDS]; CALL_ENTRIES];

/// `pyrt_call` without keywords at a call site with a direct-call cache (codegen/calls.rs):
/// `cache` = `CALL_ENTRIES` entries of [function type, code, total positional count,
/// native entry, register entry or 0, unused], which native code checks inline. One
/// is filled here when the callee can be called directly next time
/// (`frame::direct_target`, `frame::register_entry`), or when it is a built-in or a
/// generator function (`register_trampoline` as the register entry): `fill_call_entry`.
/// A site that constructs a class keeps a `class::construct_at_site` record in its first
/// entry instead (its first word is odd, so no inline guard, which wants a type's
/// address there, passes).
#[no_mangle]
pub unsafe extern "C" fn pyrt_call_fill(base: *const u64, nargs: u32, cache: *mut u64) -> u64 {
    let (callable, args) = call_operands(base, nargs);
    // SAFETY: the codegen passes a `[i64 x CALL_ENTRY_WORDS * CALL_ENTRIES]` site cache.
    let site = &mut *cache.cast::<CallSite>();
    let class_site = is_class_record(&site[0]);
    if class_site || callable.is_exact(types().type_) {
        if let Some(r) = crate::types::class::construct_at_site(&mut site[0], callable, args) {
            return to_abi(r);
        }
    }
    if let Some((code, entry)) = crate::frame::direct_target(callable, args.len()) {
        let e = [types().function.ptr() as u64, code, args.len() as u64, entry as usize as u64, crate::frame::register_entry(entry), 0];
        fill_call_entry(site, e);
        // a site that sees more functions than it has entries misses often: call this
        // one directly too rather than through a heap frame
        if let Some(r) = crate::frame::call_entry(callable, entry, None, args) {
            return to_abi(r);
        }
        return to_abi(interp::call_positional(callable, args));
    }
    // a generator function: later calls make the generator through a trampoline, without
    // coming back here
    if let Some(code) = crate::types::generator::creation_target(callable) {
        if let Some(entry) = register_trampoline::<GeneratorCall>(args.len()) {
            fill_call_entry(site, [types().function.ptr() as u64, code, args.len() as u64, 0, entry, 0]);
        }
        return to_abi(interp::call_positional(callable, args));
    }
    // a built-in is dispatched once here; anything else goes to `call_positional` without
    // asking `call_builtin` first (which `call_positional` would ask again)
    let t = types();
    let builtin = callable.is_exact(t.builtin_function) || callable.is_exact(t.method_descriptor) || callable.is_exact(t.wrapper_descriptor);
    if let Some(r) = builtin.then(|| interp::call_builtin(callable, args)).flatten() {
        if let Some(entry) = register_trampoline::<BuiltinCall>(args.len()) {
            // the inline guard compares the word codegen reads as a function's code: for a
            // built-in, its name (the entry dispatches on the callee itself, so a guard that
            // passes for another built-in of the same name and type is still right)
            let name = *(callable.raw() as *const u64).add(2);
            fill_call_entry(site, [callable.ty().ptr() as u64, name, args.len() as u64, 0, entry, 0]);
        }
        return to_abi(r);
    }
    to_abi(interp::call_positional(callable, args))
}

/// Whether a call site's first entry is a `class::construct_at_site` record (odd first
/// word) rather than a callee's entry.
fn is_class_record(e: &[u64; CALL_ENTRY_WORDS]) -> bool {
    e[0] & 1 != 0
}

/// Records entry `e` at a call site. Native code tests the later entries only for a
/// callee of the first entry's type (codegen/calls.rs), so an entry of another type
/// (or one replacing a class record) becomes the first, the others moving down; one of
/// the same type takes the first empty entry, else the second (the first, the site's
/// first callee, stays). Every entry stays exact on its own (its guard checks the
/// callee's code), so which one goes only matters for speed.
fn fill_call_entry(site: &mut CallSite, e: [u64; CALL_ENTRY_WORDS]) {
    if is_class_record(&site[0]) {
        *site = [[0; CALL_ENTRY_WORDS]; CALL_ENTRIES];
    }
    let from = match site[0][0] {
        0 => 0,
        t if t == e[0] => 1,
        _ => {
            site.copy_within(0..CALL_ENTRIES - 1, 1);
            site[0] = e;
            return;
        }
    };
    match site[from..].iter().position(|w| w[0] == 0) {
        Some(k) => site[from + k] = e,
        None => {
            site.copy_within(from..CALL_ENTRIES - 1, from + 1);
            site[from] = e;
        }
    }
}

#[cfg(test)]
mod call_site_tests {
    use super::*;

    fn entry(ty: u64, code: u64) -> [u64; CALL_ENTRY_WORDS] {
        [ty, code, 1, 0, 0, 0]
    }

    #[test]
    fn fills_empty_entries_then_replaces_after_the_first() {
        let mut site: CallSite = [[0; CALL_ENTRY_WORDS]; CALL_ENTRIES];
        for code in 1..=4 {
            fill_call_entry(&mut site, entry(8, code));
        }
        assert_eq!(site.map(|e| e[1]), [1, 2, 3, 4]);
        fill_call_entry(&mut site, entry(8, 5));
        assert_eq!(site.map(|e| e[1]), [1, 5, 2, 3]);
    }

    #[test]
    fn another_type_or_a_class_record_goes_first() {
        let mut site: CallSite = [[0; CALL_ENTRY_WORDS]; CALL_ENTRIES];
        fill_call_entry(&mut site, entry(8, 1));
        fill_call_entry(&mut site, entry(16, 2));
        assert_eq!(site.map(|e| e[0]), [16, 8, 0, 0]);
        site[0] = [3, 0, 0, 0, 0, 0]; // a class record (odd first word)
        fill_call_entry(&mut site, entry(8, 7));
        assert_eq!(site.map(|e| e[1]), [7, 0, 0, 0]);
    }
}

/// How a runtime register-argument entry (`register_trampoline`) makes its call.
trait TrampolineCall {
    fn call(callee: &Obj, args: &[Obj]) -> crate::object::PyResult<Obj>;
}

/// A built-in function or method descriptor a call site has seen.
struct BuiltinCall;
impl TrampolineCall for BuiltinCall {
    fn call(callee: &Obj, args: &[Obj]) -> crate::object::PyResult<Obj> {
        match interp::call_builtin(callee, args) {
            Some(r) => r,
            None => interp::call_positional(callee, args),
        }
    }
}

/// A generator (or coroutine) function: the call makes the generator object
/// (`types::generator::creation_target`).
struct GeneratorCall;
impl TrampolineCall for GeneratorCall {
    fn call(callee: &Obj, args: &[Obj]) -> crate::object::PyResult<Obj> {
        crate::frame::call_function_positional(callee, args)
    }
}

/// The register-argument entry through which a call site with `n` positional arguments
/// calls a callee that has no compiled register entry of its own, as `C` says (a
/// built-in, a generator function): it gets the callee (borrowed) and the arguments'
/// references (owned, dropped after the call), as a compiled function's register entry
/// does (codegen/calls.rs).
fn register_trampoline<C: TrampolineCall>(n: usize) -> Option<u64> {
    unsafe fn call<C: TrampolineCall>(callee: u64, words: &[u64]) -> u64 {
        let r = C::call(b(&callee), Obj::borrow_slice(words.as_ptr(), words.len()));
        for &w in words {
            drop(Obj::from_raw(w));
        }
        to_abi(r)
    }
    macro_rules! entry {
        ($($a:ident),*) => {{
            unsafe extern "C" fn f<C: TrampolineCall>(callee: u64 $(, $a: u64)*) -> u64 {
                call::<C>(callee, &[$($a),*])
            }
            f::<C> as *const () as usize as u64
        }};
    }
    Some(match n {
        0 => entry!(),
        1 => entry!(a),
        2 => entry!(a, b1),
        3 => entry!(a, b1, c),
        4 => entry!(a, b1, c, d),
        _ => return None,
    })
}

/// `pyrt_call_fill` for a call whose result goes straight to `GetIter` (codegen checks
/// that the next instruction is one): `range(...)` over small ints returns the range
/// iterator itself, which `GetIter` passes on, so the range object is never made.
#[no_mangle]
pub unsafe extern "C" fn pyrt_call_fill_iter(base: *const u64, nargs: u32, cache: *mut u64) -> u64 {
    let (callable, args) = call_operands(base, nargs);
    if callable.raw() == types().range.ptr() as u64 {
        // the range object is skipped, not its recursion check (`interp::range_call`)
        if let Err(e) = crate::recursion::check_for(" in comparison") {
            set_current(e);
            return 0;
        }
        if let Some(it) = crate::types::range::iter_of_small_bounds(args) {
            return it.into_raw();
        }
    }
    pyrt_call_fill(base, nargs, cache)
}

/// The callable and arguments of a call's operand block [method or 0, callable or self,
/// arguments...] (see `pyrt_call`), borrowed for the call.
unsafe fn call_operands<'a>(base: *const u64, nargs: u32) -> (&'a Obj, &'a [Obj]) {
    if *base != 0 {
        (b(&*base), Obj::borrow_slice(base.add(1), nargs as usize + 1))
    } else {
        (b(&*base.add(1)), Obj::borrow_slice(base.add(2), nargs as usize))
    }
}

/// A direct call through a filled call-site cache: `func` passed the cache's guard,
/// `args` (`nargs` owned references) are moved into the callee's frame.
#[no_mangle]
pub unsafe extern "C" fn pyrt_call_direct(func: u64, args: *const u64, nargs: u32, entry: NativeFn) -> u64 {
    crate::frame::call_direct(func, args, nargs as usize, entry)
}

/// Prologue of a register-argument entry (`frame::enter_native`): 0, or -1 with
/// RecursionError set.
#[no_mangle]
pub unsafe extern "C" fn pyrt_frame_enter(f: *mut Frame, func: u64) -> i32 {
    if crate::frame::enter_native(f, func) { 0 } else { -1 }
}

/// Epilogue of a register-argument entry (`frame::leave_native`).
#[no_mangle]
pub unsafe extern "C" fn pyrt_frame_leave(f: *mut Frame) {
    crate::frame::leave_native(f)
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_call_ex(func: u64, args: u64, kwargs: u64) -> u64 {
    let kw = if kwargs == 0 { None } else { Some(b(&kwargs)) };
    to_abi(interp::op_call_ex(b(&func), b(&args), kw))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_make_function(f: *mut Frame, code_const: u32, flags: u32, extras: *const u64) -> u64 {
    use pyc_frontend::bytecode::make_function_flags as mf;
    let f = fr(f);
    let code = f.code_obj().consts[code_const as usize].clone();
    let mut k = 0usize;
    let mut next = |present: bool| -> Option<Obj> {
        if present {
            let v = Obj::from_raw(*extras.add(k));
            k += 1;
            Some(v)
        } else {
            None
        }
    };
    let defs = next(flags & mf::DEFAULTS != 0);
    let kwd = next(flags & mf::KWDEFAULTS != 0);
    let ann = next(flags & mf::ANNOTATIONS != 0).filter(dict::is_dict);
    let closure = next(flags & mf::CLOSURE != 0);
    function::new_function(code, f.globals.clone(), defs, kwd, closure, ann).into_raw()
}

#[no_mangle]
pub extern "C" fn pyrt_load_build_class() -> u64 {
    let d = crate::builtins::builtins_dict();
    match dict::get_item_str(&d, &pystr::intern("__build_class__")) {
        Some(v) => v.into_raw(),
        None => {
            set_current(errors::name_error("__build_class__ not found"));
            0
        }
    }
}

// ----- exceptions -----

#[no_mangle]
pub unsafe extern "C" fn pyrt_raise(_f: *mut Frame, e: u64, cause: u64) -> u64 {
    let e = if e == 0 { None } else { Some(b(&e).clone()) };
    let cause = if cause == 0 { None } else { Some(b(&cause).clone()) };
    set_current(interp::op_raise(e, cause));
    0
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_reraise(e: u64) -> u64 {
    set_current(PyErr(b(&e).clone()));
    0
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_traceback_add(f: *mut Frame, pc: u32) {
    crate::types::traceback::traceback_here(fr(f), pc);
}

/// Native code's exit from function frame `f` by a re-raise that no handler of `f` takes
/// (`traceback::keep_exit_locals`).
#[no_mangle]
pub unsafe extern "C" fn pyrt_traceback_exit(f: *mut Frame) {
    if let Some(e) = crate::errors::current_exception() {
        crate::types::traceback::keep_exit_locals(&e, fr(f));
    }
}

#[no_mangle]
pub extern "C" fn pyrt_fetch_exception() -> u64 {
    errors::fetch().0.into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_push_exc_info(e: u64) -> u64 {
    errors::set_handled(Some(b(&e).clone())).unwrap_or_else(none::none).into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_pop_except(prev: u64) {
    interp::op_pop_except(b(&prev).clone());
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_check_exc_match(e: u64, t: u64) -> i32 {
    let (e, t) = (b(&e), b(&t));
    // `except NotFound:`, a class whose metaclass is `type`: one flag test and the MRO
    if !t.is_small_int() && t.is_exact(types().type_) {
        let tt = crate::types::typeobj::as_type(t);
        if tt.has_flag(crate::types::typeobj::flags::BASE_EXC_SUBCLASS) {
            return e.ty().is_subtype(tt) as i32;
        }
    }
    match interp::op_check_exc_match(e, t) {
        Ok(m) => m as i32,
        Err(err) => {
            set_current(err);
            -1
        }
    }
}

#[no_mangle]
pub extern "C" fn pyrt_load_assertion_error() -> u64 {
    exc().assertion_error.as_obj().into_raw()
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_before_with(mgr: u64, out_exit: *mut u64) -> u64 {
    match interp::op_before_with(b(&mgr)) {
        Ok((exit, res)) => {
            *out_exit = exit.into_raw();
            res.into_raw()
        }
        Err(e) => {
            set_current(e);
            0
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_with_except_start(exit: u64, e: u64) -> u64 {
    to_abi(interp::op_with_except_start(b(&exit), b(&e)))
}

// ----- imports and misc -----

#[no_mangle]
pub unsafe extern "C" fn pyrt_import_name(f: *mut Frame, name_idx: u32, fromlist: u64, level: u64) -> u64 {
    let f = fr(f);
    to_abi(interp::op_import_name(f, &f.code_obj().names[name_idx as usize], b(&fromlist), b(&level)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_import_from(f: *mut Frame, m: u64, name_idx: u32) -> u64 {
    to_abi(interp::op_import_from(b(&m), &fr(f).code_obj().names[name_idx as usize]))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_import_star(f: *mut Frame, m: u64) -> i32 {
    to_status(interp::op_import_star(fr(f), b(&m)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_load_locals(f: *mut Frame) -> u64 {
    match &fr(f).locals {
        Some(l) => l.clone().into_raw(),
        None => {
            set_current(errors::new_error(exc().system_error, "no locals found"));
            0
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_setup_annotations(f: *mut Frame) -> i32 {
    to_status(interp::op_setup_annotations(fr(f)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_print_expr(v: u64) -> i32 {
    to_status(interp::op_print_expr(b(&v)))
}

#[no_mangle]
pub extern "C" fn pyrt_check_interrupts() -> i32 {
    crate::gc::safe_point();
    crate::errors::to_status(crate::gil::check_point())
}

// ===================== program start =====================

/// Initializes the runtime (types, builtins, sys) once.
pub fn init_runtime(argv: Vec<String>) {
    static DONE: crate::gil::GilCell<std::cell::Cell<bool>> = crate::gil::GilCell::new(std::cell::Cell::new(false));
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    crate::gil::init_main_thread();
    crate::modules::gc::init_leak_check();
    types::init();
    init_inline_layouts();
    crate::tstate::init_for_compiled_code();
    crate::builtins::init();
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    crate::modules::sys::init(argv, &exe);
    let modules = crate::modules::sys::modules_dict();
    dict::set_item_str(&modules, "builtins", crate::builtins::builtins_module());
    crate::modules::signal::init();
}

/// Runs a deserialized program: registers its modules, runs `__main__`, and turns the
/// outcome into the process exit status (printing an uncaught exception's traceback).
pub fn run_program(program: Program, natives: &[Option<NativeFn>]) -> i32 {
    let program: &'static Program = Box::leak(Box::new(program));
    let mut ctx = crate::types::code::BuildCtx { source: None, next_index: 0, natives, runtime: false };
    let mut main_code = None;
    for (i, m) in program.modules.iter().enumerate() {
        let src: &'static str = m.source.as_str();
        ctx.source = Some(src);
        let c = crate::types::code::build(&m.code, &mut ctx);
        if i == 0 {
            main_code = Some(c);
        } else {
            crate::builtins::register_program_module(&m.name, c, m.is_package);
        }
    }
    let Some(code) = main_code else { return 0 };
    let status = run_main(code);
    crate::modules::sys::flush_stdout();
    status
}

/// Runs `__main__` and returns the exit status.
fn run_main(code: Obj) -> i32 {
    let m = crate::types::module::new("__main__");
    let d = crate::types::module::dict(&m);
    // the names and order CPython's `__main__` has when it runs a script
    dict::set_item_str(&d, "__annotations__", dict::new());
    dict::set_item_str(&d, "__builtins__", crate::builtins::builtins_module());
    dict::set_item_str(&d, "__file__", pystr::new(&as_code(&code).code.filename));
    dict::set_item_str(&d, "__cached__", crate::types::none::none());
    dict::set_item_str(&crate::modules::sys::modules_dict(), "__main__", m.clone());
    crate::modules::gc::leak_baseline();
    let r = match crate::mp_child::start_hook() {
        Some(start) => {
            let argv: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
            start(&argv, &m, &d, code, run_module_code)
        }
        None => run_module_code(code, &d),
    };
    let status = match r {
        Ok(_) => 0,
        Err(e) => {
            crate::modules::sys::flush_io_before_traceback();
            handle_uncaught(e)
        }
    };
    shutdown_threads();
    crate::modules::atexit::run_exitfuncs();
    crate::gil::begin_finalizing();
    // CPython's Py_FinalizeEx fails when the standard streams cannot be flushed, and
    // Py_RunMain then exits with 120 whatever the program's own status was.
    let status = if crate::modules::sys::flush_std_files_at_exit() { status } else { 120 };
    // `__main__` is torn down from `sys.modules` like any module: let go of it here
    drop((m, d));
    crate::modules::gc::finalize_modules();
    crate::modules::gc::leak_check_at_exit();
    status
}

/// Runs a module's code object with `d` as its globals and locals.
fn run_module_code(code: Obj, d: &Obj) -> crate::object::PyResult<Obj> {
    let mut f = Frame::new(code, d.clone(), Some(d.clone()), None);
    crate::recursion::enter()?;
    let r = crate::frame::run_frame(&mut f);
    crate::recursion::leave();
    r
}

/// Joins the non-daemon threads as CPython does at exit: `threading._shutdown()` when
/// `threading` was imported. The main thread keeps the GIL from then on, so daemon
/// threads stay stopped while the process finishes.
fn shutdown_threads() {
    let Some(t) = dict::get_item_str(&crate::modules::sys::modules_dict(), &pystr::new("threading")) else { return };
    if let Err(e) = protocol::call_method(&t, "_shutdown", &[]) {
        let what = protocol::repr_string(&t).unwrap_or_default();
        crate::types::traceback::print_unraisable(&format!("Exception ignored in: {}", what), &e.0);
    }
}

/// SystemExit → its code; anything else → traceback on stderr and 1 (an uncaught
/// KeyboardInterrupt makes the process exit by SIGINT afterwards).
pub fn handle_uncaught(e: PyErr) -> i32 {
    if e.matches(exc().system_exit) {
        let code = excs::field(&e.0, 0);
        let code = if none::is_none(&code) {
            // SystemExit(): args empty → code None
            let args = excs::args(&e.0);
            match tuple::as_slice(&args) {
                Some([one]) => one.clone(),
                _ => none::none(),
            }
        } else {
            code
        };
        if none::is_none(&code) {
            return 0;
        }
        if let Some(i) = types::int::to_i64(&code) {
            return i as i32;
        }
        let s = protocol::str_string(&code).unwrap_or_default();
        crate::modules::sys::write_stderr(&format!("{}\n", s));
        return 1;
    }
    if e.matches(exc().keyboard_interrupt) {
        crate::modules::signal::note_uncaught_keyboard_interrupt();
    }
    // sys.excepthook if the program replaced it.
    if let Some(hook) = crate::modules::sys::get_attr("excepthook") {
        let default = crate::modules::sys::get_attr("__excepthook__");
        if default.map_or(true, |d| !d.is(&hook)) {
            let tb = excs::traceback(&e.0).unwrap_or_else(none::none);
            if protocol::call(&hook, &[e.0.type_obj(), e.0.clone(), tb]).is_ok() {
                return 1;
            }
        }
    }
    crate::types::traceback::print_exception(&e.0);
    1
}

/// The process entry called by the generated `main`.
#[no_mangle]
pub unsafe extern "C" fn pyrt_main(argc: i32, argv: *const *const u8, prog: *const u8, len: u64, table: *const Option<NativeFn>, n: u64) -> i32 {
    let mut args = Vec::new();
    for i in 0..argc.max(0) as usize {
        let p = *argv.add(i);
        if p.is_null() {
            continue;
        }
        let c = std::ffi::CStr::from_ptr(p as *const libc::c_char);
        args.push(crate::modules::posix::fs_decode(c.to_bytes()));
    }
    let bytes = std::slice::from_raw_parts(prog, len as usize);
    let program = match Program::deserialize(bytes) {
        Ok(p) => p,
        Err(e) => errors::fatal(&format!("corrupt embedded program: {}", e)),
    };
    // The program runs on a thread with a large stack: Python code recurses on the C
    // stack (native frames and the interpreter alike), and CPython programs may raise the
    // recursion limit far beyond what the default 8 MB main stack holds. The memory is
    // reserved, not committed, until used. `recursion::enter` still raises
    // RecursionError before the stack runs out.
    let table_addr = table as usize;
    let run = move || {
        let natives: &[Option<NativeFn>] =
            if table_addr == 0 || n == 0 { &[] } else { std::slice::from_raw_parts(table_addr as *const Option<NativeFn>, n as usize) };
        init_runtime(args);
        let status = run_program(program, natives);
        if crate::gil::is_forked_child() {
            // A child of os.fork() has no other thread to return to: exit from here.
            std::process::exit(crate::modules::signal::exit_status(status));
        }
        status
    };
    const MAIN_STACK_BYTES: usize = 512 << 20;
    match std::thread::Builder::new().name("MainThread".into()).stack_size(MAIN_STACK_BYTES).spawn(run) {
        Ok(handle) => {
            crate::modules::signal::block_async_signals();
            crate::modules::signal::exit_status(handle.join().unwrap_or(1))
        }
        Err(e) => errors::fatal(&format!("cannot start the main thread: {}", e)),
    }
}

#[cfg(feature = "compiler")]
/// Test helper: compiles `src` with the frontend and runs it through the interpreter,
/// returning the exit status (output goes to the process's stdout/stderr).
pub fn run_source(src: &str, filename: &str) -> i32 {
    crate::modules::pyrt_enable_all_native_modules();
    crate::types::pyrt_enable_all_methods();
    crate::interp::pyrt_enable_interp();
    init_runtime(vec![filename.to_string()]);
    match pyc_frontend::compile_module(src, filename, "__main__") {
        Ok(m) => run_program(Program { modules: vec![m] }, &[]),
        Err(e) => {
            crate::modules::sys::write_stderr(&format!("{}\n", e));
            1
        }
    }
}

// ----- structural pattern matching -----

/// `MatchMapping` / `MatchSequence`: 1 or 0 (never fails).
#[no_mangle]
pub unsafe extern "C" fn pyrt_match_mapping(s: u64) -> i32 {
    interp::op_match_mapping(b(&s)) as i32
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_match_sequence(s: u64) -> i32 {
    interp::op_match_sequence(b(&s)) as i32
}

/// `MatchKeys`: values tuple, None (no match), or 0 on error.
#[no_mangle]
pub unsafe extern "C" fn pyrt_match_keys(s: u64, keys: u64) -> u64 {
    to_abi(interp::op_match_keys(b(&s), b(&keys)).map(|v| v.unwrap_or_else(crate::types::none::none)))
}

/// `MatchClass(nargs)`: attributes tuple, None (no match), or 0 on error.
#[no_mangle]
pub unsafe extern "C" fn pyrt_match_class(s: u64, cls: u64, nargs: u32, names: u64) -> u64 {
    to_abi(interp::op_match_class(b(&s), b(&cls), nargs, b(&names)).map(|v| v.unwrap_or_else(crate::types::none::none)))
}

/// `GetLen`: `len(o)` as an int object.
#[no_mangle]
pub unsafe extern "C" fn pyrt_get_len(o: u64) -> u64 {
    to_abi(interp::op_get_len(b(&o)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_copy_dict_without_keys(s: u64, keys: u64) -> u64 {
    to_abi(interp::op_copy_dict_without_keys(b(&s), b(&keys)))
}

// ----- except* -----

/// `CheckEgMatch`: writes rest to `out[0]` and match to `out[1]` (new references).
#[no_mangle]
pub unsafe extern "C" fn pyrt_check_eg_match(e: u64, t: u64, out: *mut u64) -> i32 {
    match interp::op_check_eg_match(b(&e), b(&t)) {
        Ok((rest, m)) => {
            *out = rest.into_raw();
            *out.add(1) = m.into_raw();
            0
        }
        Err(err) => {
            set_current(err);
            -1
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_prep_reraise_star(orig: u64, list: u64) -> u64 {
    to_abi(interp::op_prep_reraise_star(b(&orig), b(&list)))
}

// ----- async -----

#[no_mangle]
pub unsafe extern "C" fn pyrt_get_awaitable(o: u64, where_: u32) -> u64 {
    to_abi(crate::types::coroutine::op_get_awaitable(b(&o), where_))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_get_aiter(o: u64) -> u64 {
    to_abi(crate::types::coroutine::op_get_aiter(b(&o)))
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_get_anext(aiter: u64) -> u64 {
    to_abi(crate::types::coroutine::op_get_anext(b(&aiter)))
}

/// `BeforeAsyncWith`: returns the awaitable of `__aenter__()`, writes the bound `__aexit__`.
#[no_mangle]
pub unsafe extern "C" fn pyrt_before_async_with(mgr: u64, out_exit: *mut u64) -> u64 {
    match crate::types::coroutine::op_before_async_with(b(&mgr)) {
        Ok((exit, res)) => {
            *out_exit = exit.into_raw();
            res.into_raw()
        }
        Err(e) => {
            set_current(e);
            0
        }
    }
}

/// `EndAsyncFor`: 0 when `exc` is a StopAsyncIteration (the loop ends), else -1 with
/// `exc` set as the current error (re-raise, no new traceback entry).
#[no_mangle]
pub unsafe extern "C" fn pyrt_end_async_for(e: u64) -> i32 {
    let exc = b(&e);
    if exc.isinstance(crate::types::exceptions::exc().stop_async_iteration) {
        0
    } else {
        set_current(crate::object::PyErr(exc.clone()));
        -1
    }
}

#[no_mangle]
pub unsafe extern "C" fn pyrt_async_gen_wrap(v: u64) -> u64 {
    crate::types::coroutine::async_gen_wrap(b(&v).clone()).into_raw()
}

// ----- native generators and frame-synchronised locals -----

/// `Frame::pc` of a native generator body while it runs (set by
/// `generator::native_resume`); at a yield the body stores its resume pc there, so the
/// runtime tells a `return` (still this value) from a `yield` after the body returns.
pub const GEN_RUNNING_PC: u32 = u32::MAX;

/// `Send`: resumes sub-iterator `recv` with `sent` (borrowed). 1: it yielded `*out`;
/// 0: it returned `*out`; -1: error.
#[no_mangle]
pub unsafe extern "C" fn pyrt_send(recv: u64, sent: u64, out: *mut u64) -> i32 {
    let recv = b(&recv);
    let sent = b(&sent).clone();
    match crate::types::generator::send_to_sub(recv, sent) {
        Ok(interp::SendResult::Yield(v)) => {
            *out = v.into_raw();
            1
        }
        Ok(interp::SendResult::Return(v)) => {
            *out = v.into_raw();
            0
        }
        Err(e) => {
            set_current(e);
            -1
        }
    }
}

/// `GetYieldFromIter` of the running generator (the current frame):
/// `coroutine::yield_from_iter`.
#[no_mangle]
pub unsafe extern "C" fn pyrt_get_yield_from_iter(v: u64) -> u64 {
    let o = b(&v);
    if o.is_exact(types().generator) {
        return o.clone().into_raw();
    }
    let f = crate::frame::current();
    // SAFETY: native code runs `yield from` inside its own (current) frame.
    let flags = if f.is_null() { 0 } else { (*f).code_obj().code.flags };
    to_abi(crate::types::coroutine::yield_from_iter(o.clone(), flags))
}

/// A new reference to `localsplus[i]`, which the frame keeps (0 when unbound).
#[no_mangle]
pub unsafe extern "C" fn pyrt_frame_peek_local(f: *mut Frame, i: u32) -> u64 {
    match fr(f).localsplus.get(i as usize) {
        Some(Some(v)) => v.clone().into_raw(),
        _ => 0,
    }
}

/// Write-through of a local: `localsplus[i] = v` (borrowed; 0 unbinds).
#[no_mangle]
pub unsafe extern "C" fn pyrt_frame_set_local(f: *mut Frame, i: u32, v: u64) {
    if let Some(slot) = fr(f).localsplus.get_mut(i as usize) {
        *slot = if v == 0 { None } else { Some(b(&v).clone()) };
    }
}

/// Records `pc` as the frame's current instruction (for line numbers reported while an
/// instruction runs, e.g. the "coroutine ... was never awaited" warning of `await`).
#[no_mangle]
pub unsafe extern "C" fn pyrt_frame_set_lasti(f: *mut Frame, pc: u32) {
    fr(f).lasti = pc;
}
