//! The abstract object protocol: what `repr(x)`, `hash(x)`, `x == y`, `x + y`, `x[k]`,
//! `iter(x)`, `x(...)`, `x.attr` mean for any object. Each function dispatches through
//! the type's slots (`types/typeobj.rs`), with CPython's fallbacks and error messages.
//! Everything else in the runtime (interpreter, ABI, builtins, types) calls these.

use pyc_frontend::bytecode::{BinOp, CmpOp, UnOp};

use crate::errors::{type_error, value_error};
use crate::object::{Obj, PyResult};
use crate::types::typeobj::KwArgs;
use crate::types::{self, none, str as pystr, types};

// ----- string conversion -----

/// `repr(o)` as a str object.
pub fn repr(o: &Obj) -> PyResult<Obj> {
    crate::recursion::enter_for(" while getting the repr of an object")?;
    let r = repr_slot(o);
    crate::recursion::leave();
    let r = r?;
    if !r.isinstance(types().str) {
        return Err(type_error(format!("__repr__ returned non-string (type {})", r.type_name())));
    }
    Ok(r)
}

/// `repr(o)` as a Rust String.
pub fn repr_string(o: &Obj) -> PyResult<String> {
    Ok(pystr::as_str(&repr(o)?).unwrap_or_default().to_string())
}

/// The type's repr slot, without the level `repr` counts (`object.__str__` calls it so).
pub fn repr_slot(o: &Obj) -> PyResult<Obj> {
    match o.ty().slots().repr {
        Some(f) => f(o),
        None => types::object::object_repr(o),
    }
}

/// `str(o)` as a str object. As in CPython, one level is counted around the conversion;
/// a type without a str slot of its own converts by its repr slot (`object.__str__`).
pub fn str(o: &Obj) -> PyResult<Obj> {
    if o.is_exact(types().str) {
        return Ok(o.clone());
    }
    crate::recursion::enter_for(" while getting the str of an object")?;
    let r = match o.ty().slots().str {
        Some(f) => f(o),
        None => repr_slot(o),
    };
    crate::recursion::leave();
    let r = r?;
    if !r.isinstance(types().str) {
        return Err(type_error(format!("__str__ returned non-string (type {})", r.type_name())));
    }
    Ok(r)
}

/// `str(o)` as a Rust String.
pub fn str_string(o: &Obj) -> PyResult<String> {
    Ok(pystr::as_str(&str(o)?).unwrap_or_default().to_string())
}

// ----- hashing and comparison -----

/// `hash(o)`.
pub fn hash(o: &Obj) -> PyResult<i64> {
    if let Some(i) = o.small_int() {
        return Ok(types::int::hash_i64(i));
    }
    // the common dict key: no slot look-up (an exact str cannot override __hash__)
    if o.is_exact(types::types().str) {
        return Ok(types::str::str_hash_of(o));
    }
    match o.ty().slots().hash {
        Some(f) => f(o),
        None => Err(type_error(format!("unhashable type: '{}'", o.type_name()))),
    }
}

/// Rich comparison with CPython's reflected-operand rules; returns the result object.
/// This is the comparison runtime code makes (CPython's `PyObject_RichCompare`, used by
/// `max`, `operator.lt`, list comparison...), which counts a recursion level even between
/// two small ints; the bytecode's comparison (`interp::op_compare`) does not, as CPython's
/// specialized `COMPARE_OP` does not.
pub fn richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if a.is_small_int() && b.is_small_int() {
        crate::recursion::check_for(" in comparison")?;
    }
    crate::ops::richcompare(a, b, op)
}

/// `a == b` as a Rust bool (identity implies equality, as in CPython's containers).
pub fn eq(a: &Obj, b: &Obj) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if a.is_small_int() && b.is_small_int() {
        return Ok(false);
    }
    is_true(&richcompare(a, b, CmpOp::Eq)?)
}

/// `a < b` as a Rust bool.
pub fn lt(a: &Obj, b: &Obj) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.small_int(), b.small_int()) {
        return Ok(x < y);
    }
    // Sort keys are often tuples: exact ones compare item-wise without the dispatch
    // (their items' comparisons still count recursion levels).
    let t = types().tuple;
    if !a.is_small_int() && !b.is_small_int() && a.is_exact(t) && b.is_exact(t) {
        return types::tuple::lt(a, b);
    }
    is_true(&richcompare(a, b, CmpOp::Lt)?)
}

// ----- truth -----

/// `bool(o)`: `__bool__`, then `__len__`, else true.
pub fn is_true(o: &Obj) -> PyResult<bool> {
    if let Some(i) = o.small_int() {
        return Ok(i != 0);
    }
    let t = types();
    if o.is_exact(t.bool_) {
        return Ok(o.is(&none::true_()));
    }
    if o.is_exact(t.none) {
        return Ok(false);
    }
    if o.is_exact(t.str) {
        // `if prev:` on a str: its length, without the slot call
        return Ok(crate::types::str::char_len(o) != 0);
    }
    let s = o.ty().slots();
    if let Some(f) = s.bool {
        return f(o);
    }
    if let Some(f) = s.len {
        return Ok(f(o)? != 0);
    }
    Ok(true)
}

// ----- containers -----

/// `len(o)`.
pub fn len(o: &Obj) -> PyResult<usize> {
    match o.ty().slots().len {
        Some(f) => f(o),
        None => Err(type_error(format!("object of type '{}' has no len()", o.type_name()))),
    }
}

/// `o[key]`.
pub fn getitem(o: &Obj, key: &Obj) -> PyResult<Obj> {
    if let Some(f) = o.ty().slots().getitem {
        return f(o, key);
    }
    // `C[...]` on a class: `__class_getitem__`.
    if let Some(t) = types::typeobj::downcast_type(o) {
        if let Some(cg) = t.lookup_str("__class_getitem__") {
            let bound = crate::types::descriptors::bind(&cg, None, o)?;
            return call(&bound, &[key.clone()]);
        }
        if o.is(&types().type_.as_obj()) {
            return Ok(types::generic_alias::new(o, key));
        }
        return Err(type_error(format!("type '{}' is not subscriptable", t.tp_name())));
    }
    Err(type_error(format!("'{}' object is not subscriptable", o.type_name())))
}

/// `o[key] = value`.
pub fn setitem(o: &Obj, key: &Obj, value: &Obj) -> PyResult<()> {
    match o.ty().slots().setitem {
        Some(f) => f(o, key, Some(value)),
        None => Err(type_error(format!("'{}' object does not support item assignment", o.type_name()))),
    }
}

/// `del o[key]`.
pub fn delitem(o: &Obj, key: &Obj) -> PyResult<()> {
    match o.ty().slots().setitem {
        Some(f) => f(o, key, None),
        None => {
            // CPython: an index key on a type with sequence methods goes through the
            // sequence protocol ("doesn't"); anything else gets "does not".
            let sl = o.ty().slots();
            let seq = o.ty().is_heap_type() || sl.getitem.is_some() || sl.contains.is_some() || sl.len.is_some();
            let index_key = key.is_small_int() || key.ty().slots().index.is_some();
            let verb = if seq && index_key { "doesn't" } else { "does not" };
            Err(type_error(format!("'{}' object {} support item deletion", o.type_name(), verb)))
        }
    }
}

/// `item in container`.
pub fn contains(container: &Obj, item: &Obj) -> PyResult<bool> {
    if let Some(f) = container.ty().slots().contains {
        return f(container, item);
    }
    // Fall back to iteration, as CPython's `PySequence_Contains`.
    let it = match iter(container) {
        Ok(it) => it,
        Err(e) if e.matches(crate::types::exceptions::exc().type_error) => {
            return Err(type_error(format!("argument of type '{}' is not iterable", container.type_name())))
        }
        Err(e) => return Err(e),
    };
    while let Some(x) = next(&it)? {
        if eq(&x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

// ----- iteration -----

/// `iter(o)`.
pub fn iter(o: &Obj) -> PyResult<Obj> {
    let s = o.ty().slots();
    if let Some(f) = s.iter {
        let it = f(o)?;
        if it.ty().slots().next.is_none() {
            return Err(type_error(format!("iter() returned non-iterator of type '{}'", it.type_name())));
        }
        return Ok(it);
    }
    if s.getitem.is_some() && !o.isinstance(types().dict) {
        return Ok(types::iterators::new_seq_iter(o.clone()));
    }
    Err(type_error(format!("'{}' object is not iterable", o.type_name())))
}

/// `next(it)`: `Ok(None)` when exhausted.
pub fn next(it: &Obj) -> PyResult<Option<Obj>> {
    match it.ty().slots().next {
        Some(f) => f(it),
        None => Err(type_error(format!("'{}' object is not an iterator", it.type_name()))),
    }
}

/// `next(it)` for the `next()` builtin: `Ok(None)` when exhausted without an exception,
/// `Err(StopIteration(...))` when a user `__next__` raised one (its value must survive).
pub fn next_keep_stop(it: &Obj) -> PyResult<Option<Obj>> {
    types::class::next_keep_stop(it)
}

/// Collects an iterable into a Vec.
pub fn collect(o: &Obj) -> PyResult<Vec<Obj>> {
    if let Some(items) = types::tuple::as_slice(o).or_else(|| types::list::as_slice_opt(o)) {
        return Ok(items.to_vec());
    }
    let it = iter(o)?;
    let mut v = Vec::new();
    while let Some(x) = next(&it)? {
        v.push(x);
    }
    Ok(v)
}

// ----- calls -----

/// `f(*args)`.
pub fn call(f: &Obj, args: &[Obj]) -> PyResult<Obj> {
    call_kw(f, args, &KwArgs::EMPTY)
}

/// `f(*args, **kwargs)`.
pub fn call_kw(f: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    match f.ty().slots().call {
        Some(c) => {
            crate::recursion::enter()?;
            let r = c(f, args, kw);
            crate::recursion::leave();
            r
        }
        None => Err(type_error(format!("'{}' object is not callable", f.type_name()))),
    }
}

/// `o.name(*args)`.
pub fn call_method(o: &Obj, name: &str, args: &[Obj]) -> PyResult<Obj> {
    let m = getattr(o, &pystr::intern(name))?;
    call(&m, args)
}

/// Looks a special method up on the type (not the instance) and calls it bound to `o`.
/// `Ok(None)` when the type has no such method.
pub fn call_special(o: &Obj, name: &str, args: &[Obj]) -> PyResult<Option<Obj>> {
    let Some(m) = o.ty().lookup_str(name) else { return Ok(None) };
    let bound = crate::types::descriptors::bind(&m, Some(o), &o.type_obj())?;
    call(&bound, args).map(Some)
}

// ----- attributes -----

/// `getattr(o, name)`; `name` is a str object.
pub fn getattr(o: &Obj, name: &Obj) -> PyResult<Obj> {
    match o.ty().slots().getattro {
        Some(f) => f(o, name),
        None => types::object::generic_getattr(o, name),
    }
}

/// `getattr(o, "name")`.
pub fn getattr_str(o: &Obj, name: &str) -> PyResult<Obj> {
    getattr(o, &pystr::intern(name))
}

/// `getattr(o, name, None)`-like: `Ok(None)` on AttributeError.
pub fn getattr_opt(o: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
    match getattr(o, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(crate::types::exceptions::exc().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `setattr(o, name, value)`.
pub fn setattr(o: &Obj, name: &Obj, value: &Obj) -> PyResult<()> {
    match o.ty().slots().setattro {
        Some(f) => f(o, name, Some(value)),
        None => types::object::generic_setattr(o, name, Some(value)),
    }
}

/// `delattr(o, name)`.
pub fn delattr(o: &Obj, name: &Obj) -> PyResult<()> {
    match o.ty().slots().setattro {
        Some(f) => f(o, name, None),
        None => types::object::generic_setattr(o, name, None),
    }
}

// ----- numbers -----

/// `a op b` (binary operator with reflected fallback).
pub fn binary_op(a: &Obj, b: &Obj, op: BinOp) -> PyResult<Obj> {
    crate::ops::binary_op(a, b, op)
}

/// `a op= b`.
pub fn inplace_op(a: &Obj, b: &Obj, op: BinOp) -> PyResult<Obj> {
    crate::ops::inplace_op(a, b, op)
}

/// `op a` (`-a`, `+a`, `~a`, `not a`).
pub fn unary_op(a: &Obj, op: UnOp) -> PyResult<Obj> {
    crate::ops::unary_op(a, op)
}

/// `operator.index(o)` as an i64 (`OverflowError`/`TypeError` as CPython).
pub fn index_i64(o: &Obj) -> PyResult<i64> {
    if let Some(i) = o.small_int() {
        return Ok(i);
    }
    let idx = index(o)?;
    types::int::to_i64(&idx).ok_or_else(|| {
        crate::errors::index_error(format!("cannot fit '{}' into an index-sized integer", o.type_name()))
    })
}

/// `operator.index(o)`: an int object.
pub fn index(o: &Obj) -> PyResult<Obj> {
    if o.is_small_int() || o.isinstance(types().int) {
        return Ok(types::int::exact_int(o));
    }
    match o.ty().slots().index {
        Some(f) => f(o),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            o.type_name()
        ))),
    }
}

/// `format(o, spec)`.
pub fn format(o: &Obj, spec: &str) -> PyResult<Obj> {
    crate::format::format_obj(o, spec)
}

/// Value error helper used by several protocols.
pub fn not_enough_values(expected: usize, got: usize) -> crate::object::PyErr {
    value_error(format!("not enough values to unpack (expected {}, got {})", expected, got))
}
