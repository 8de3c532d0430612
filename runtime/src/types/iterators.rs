//! The generic iterator types: `iterator` (iteration through `__getitem__` until
//! IndexError), `callable_iterator` (`iter(f, sentinel)`), and the builtins that are
//! types: `enumerate`, `zip` (with `strict=`), `map`, `filter`, `reversed`. Each has
//! `__iter__` returning itself and `__next__`; the builtins are constructed through their
//! `new` slot with CPython's argument errors.

use super::list::{self as pylist, no_kwargs};
use super::typeobj::{as_type, drop_as, KwArgs, MethodDef};
use super::{none, types, TypeSpec};
use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult, SMALL_INT_MAX};
use crate::protocol;
use crate::types::{exceptions::exc, int, tuple};
use pyc_frontend::bytecode::BinOp;

fn self_iter(o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}

/// Is this error IndexError or StopIteration (the end of a `__getitem__` sequence)?
fn ends_sequence(e: &crate::object::PyErr) -> bool {
    e.matches(exc().index_error) || e.matches(exc().stop_iteration)
}

// ===================== iterator (sequence iterator) =====================

#[repr(C)]
pub struct SeqIterObj {
    pub head: ObjHeader,
    pub seq: Option<Obj>,
    pub index: i64,
}

/// `iter(seq)` for objects with only `__getitem__`.
pub fn new_seq_iter(seq: Obj) -> Obj {
    alloc(types().seq_iterator, SeqIterObj { head: header(), seq: Some(seq), index: 0 })
}

fn seqiter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let it = unsafe { o.payload_mut::<SeqIterObj>() };
    let Some(seq) = it.seq.clone() else { return Ok(None) };
    let idx = it.index;
    match protocol::getitem(&seq, &int::from_i64(idx)) {
        Ok(v) => {
            let it = unsafe { o.payload_mut::<SeqIterObj>() };
            it.index = idx + 1;
            Ok(Some(v))
        }
        Err(e) if ends_sequence(&e) => {
            let it = unsafe { o.payload_mut::<SeqIterObj>() };
            let s = it.seq.take();
            drop(s);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn seqiter_length_hint(a: &[Obj]) -> PyResult<Obj> {
    let it = unsafe { a[0].payload::<SeqIterObj>() };
    let Some(seq) = it.seq.clone() else { return Ok(int::from_i64(0)) };
    if seq.ty().slots().len.is_none() {
        return Ok(none::not_implemented());
    }
    let n = protocol::len(&seq)? as i64;
    Ok(int::from_i64((n - it.index).max(0)))
}

pub fn seq_iter_spec() -> TypeSpec {
    let mut s = TypeSpec::new("iterator", std::mem::size_of::<SeqIterObj>(), drop_as::<SeqIterObj>);
    s.final_ = true;
    s.slots.iter = Some(self_iter);
    s.slots.next = Some(seqiter_next);
    s.methods = vec![MethodDef::Method { name: "__length_hint__", func: seqiter_length_hint, min: 1, max: 1 }];
    s
}

// ===================== callable_iterator =====================

#[repr(C)]
pub struct CallableIterObj {
    pub head: ObjHeader,
    pub callable: Option<Obj>,
    pub sentinel: Option<Obj>,
}

/// `iter(callable, sentinel)` (the caller checked that `callable` is callable).
pub fn new_callable_iter(callable: Obj, sentinel: Obj) -> Obj {
    alloc(types().callable_iterator, CallableIterObj { head: header(), callable: Some(callable), sentinel: Some(sentinel) })
}

fn calliter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let it = unsafe { o.payload::<CallableIterObj>() };
    let (Some(f), Some(sentinel)) = (it.callable.clone(), it.sentinel.clone()) else { return Ok(None) };
    let finish = || {
        let it = unsafe { o.payload_mut::<CallableIterObj>() };
        let (a, b) = (it.callable.take(), it.sentinel.take());
        drop((a, b));
    };
    match protocol::call(&f, &[]) {
        Ok(v) => {
            if protocol::eq(&v, &sentinel)? {
                finish();
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
        Err(e) if e.matches(exc().stop_iteration) => {
            finish();
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

pub fn callable_iter_spec() -> TypeSpec {
    let mut s = TypeSpec::new("callable_iterator", std::mem::size_of::<CallableIterObj>(), drop_as::<CallableIterObj>);
    s.final_ = true;
    s.slots.iter = Some(self_iter);
    s.slots.next = Some(calliter_next);
    s
}

// ===================== enumerate =====================

#[repr(C)]
pub struct EnumerateObj {
    pub head: ObjHeader,
    pub iter: Obj,
    pub count: Obj,
}

fn enumerate_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let mut iterable: Option<Obj> = args.first().cloned();
    let mut start: Option<Obj> = args.get(1).cloned();
    let total = args.len() + kw.len();
    if total > 2 {
        return Err(type_error(format!("enumerate() takes at most 2 arguments ({} given)", total)));
    }
    for (n, v) in kw.iter() {
        match crate::types::str::as_str(n) {
            Some("iterable") if iterable.is_none() => iterable = Some(v.clone()),
            Some("start") if start.is_none() => start = Some(v.clone()),
            Some(name @ ("iterable" | "start")) => {
                let pos = if name == "iterable" { 1 } else { 2 };
                return Err(type_error(format!(
                    "argument for enumerate() given by name ('{}') and position ({})",
                    name, pos
                )));
            }
            Some(other) => {
                return Err(type_error(format!("'{}' is an invalid keyword argument for enumerate()", other)))
            }
            None => return Err(type_error("keywords must be strings")),
        }
    }
    let Some(iterable) = iterable else {
        return Err(type_error("enumerate() missing required argument 'iterable'"));
    };
    let count = match start {
        Some(s) => protocol::index(&s)?,
        None => int::from_i64(0),
    };
    let it = protocol::iter(&iterable)?;
    Ok(alloc(as_type(cls), EnumerateObj { head: header(), iter: it, count }))
}

fn enumerate_next(o: &Obj) -> PyResult<Option<Obj>> {
    let (it, count) = {
        let e = unsafe { o.payload::<EnumerateObj>() };
        (e.iter.clone(), e.count.clone())
    };
    let Some(item) = protocol::next(&it)? else { return Ok(None) };
    let next_count = match count.small_int() {
        Some(i) if i < SMALL_INT_MAX => Obj::from_small(i + 1),
        _ => protocol::binary_op(&count, &int::from_i64(1), BinOp::Add)?,
    };
    let old = std::mem::replace(unsafe { &mut o.payload_mut::<EnumerateObj>().count }, next_count);
    Ok(Some(tuple::pair(old, item)))
}

pub fn enumerate_spec() -> TypeSpec {
    let mut s = TypeSpec::new("enumerate", std::mem::size_of::<EnumerateObj>(), drop_as::<EnumerateObj>);
    s.slots.iter = Some(self_iter);
    s.slots.next = Some(enumerate_next);
    s.slots.new = Some(enumerate_new);
    s
}

// ===================== zip =====================

#[repr(C)]
pub struct ZipObj {
    pub head: ObjHeader,
    pub iters: Vec<Obj>,
    pub strict: bool,
}

fn zip_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let mut strict = false;
    for (n, v) in kw.iter() {
        match crate::types::str::as_str(n) {
            Some("strict") => strict = protocol::is_true(v)?,
            Some(other) => return Err(type_error(format!("'{}' is an invalid keyword argument for zip()", other))),
            None => return Err(type_error("keywords must be strings")),
        }
    }
    let mut iters = Vec::with_capacity(args.len());
    for a in args {
        iters.push(protocol::iter(a)?);
    }
    Ok(alloc(as_type(cls), ZipObj { head: header(), iters, strict }))
}

fn plural(i: usize) -> String {
    if i == 1 {
        " 1".to_string()
    } else {
        format!("s 1-{}", i)
    }
}

fn zip_next(o: &Obj) -> PyResult<Option<Obj>> {
    // The iterator vector is never mutated after construction and `o` is kept alive by
    // the caller, so borrowing it across calls into Python is sound.
    let z = unsafe { o.payload::<ZipObj>() };
    let (iters, strict) = (&z.iters, z.strict);
    if iters.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        match protocol::next(it)? {
            Some(v) => out.push(v),
            None => {
                if !strict {
                    return Ok(None);
                }
                if i > 0 {
                    return Err(value_error(format!("zip() argument {} is shorter than argument{}", i + 1, plural(i))));
                }
                for (j, it2) in iters.iter().enumerate().skip(1) {
                    if protocol::next(it2)?.is_some() {
                        return Err(value_error(format!(
                            "zip() argument {} is longer than argument{}",
                            j + 1,
                            plural(j)
                        )));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(tuple::new(out)))
}

pub fn zip_spec() -> TypeSpec {
    let mut s = TypeSpec::new("zip", std::mem::size_of::<ZipObj>(), drop_as::<ZipObj>);
    s.slots.iter = Some(self_iter);
    s.slots.next = Some(zip_next);
    s.slots.new = Some(zip_new);
    s
}

// ===================== map =====================

#[repr(C)]
pub struct MapObj {
    pub head: ObjHeader,
    pub func: Obj,
    pub iters: Vec<Obj>,
}

fn map_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let t = as_type(cls);
    if std::ptr::eq(t, types().map) {
        no_kwargs("map", kw)?;
    }
    if args.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        iters.push(protocol::iter(a)?);
    }
    Ok(alloc(t, MapObj { head: header(), func: args[0].clone(), iters }))
}

fn map_next(o: &Obj) -> PyResult<Option<Obj>> {
    // Never mutated after construction (see `zip_next`).
    let m = unsafe { o.payload::<MapObj>() };
    let (f, iters) = (&m.func, &m.iters);
    let mut argv = Vec::with_capacity(iters.len());
    for it in iters {
        match protocol::next(it)? {
            Some(v) => argv.push(v),
            None => return Ok(None),
        }
    }
    protocol::call(f, &argv).map(Some)
}

pub fn map_spec() -> TypeSpec {
    let mut s = TypeSpec::new("map", std::mem::size_of::<MapObj>(), drop_as::<MapObj>);
    s.slots.iter = Some(self_iter);
    s.slots.next = Some(map_next);
    s.slots.new = Some(map_new);
    s
}

// ===================== filter =====================

#[repr(C)]
pub struct FilterObj {
    pub head: ObjHeader,
    pub func: Obj,
    pub iter: Obj,
}

fn filter_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let t = as_type(cls);
    if std::ptr::eq(t, types().filter) {
        no_kwargs("filter", kw)?;
    }
    if args.len() != 2 {
        return Err(type_error(format!("filter expected 2 arguments, got {}", args.len())));
    }
    let it = protocol::iter(&args[1])?;
    Ok(alloc(t, FilterObj { head: header(), func: args[0].clone(), iter: it }))
}

fn filter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let (f, it) = {
        let fo = unsafe { o.payload::<FilterObj>() };
        (fo.func.clone(), fo.iter.clone())
    };
    let plain = none::is_none(&f) || f.is(&types().bool_.as_obj());
    while let Some(item) = protocol::next(&it)? {
        let ok = if plain {
            protocol::is_true(&item)?
        } else {
            protocol::is_true(&protocol::call(&f, std::slice::from_ref(&item))?)?
        };
        if ok {
            return Ok(Some(item));
        }
    }
    Ok(None)
}

pub fn filter_spec() -> TypeSpec {
    let mut s = TypeSpec::new("filter", std::mem::size_of::<FilterObj>(), drop_as::<FilterObj>);
    s.slots.iter = Some(self_iter);
    s.slots.next = Some(filter_next);
    s.slots.new = Some(filter_new);
    s
}

// ===================== reversed =====================

#[repr(C)]
pub struct ReversedObj {
    pub head: ObjHeader,
    pub seq: Option<Obj>,
    pub index: i64,
}

fn not_reversible(o: &Obj) -> crate::object::PyErr {
    type_error(format!("'{}' object is not reversible", o.type_name()))
}

fn reversed_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let t = as_type(cls);
    if std::ptr::eq(t, types().reversed) {
        no_kwargs("reversed", kw)?;
    }
    if args.len() != 1 {
        return Err(type_error(format!("reversed expected 1 argument, got {}", args.len())));
    }
    let seq = &args[0];
    let exact = std::ptr::eq(t, types().reversed);
    if exact && !seq.is_small_int() && seq.is_exact(types().list) {
        return Ok(pylist::new_reverse_iter(seq));
    }
    if let Some(m) = seq.ty().lookup_str("__reversed__") {
        if none::is_none(&m) {
            return Err(not_reversible(seq));
        }
        let bound = crate::types::descriptors::bind(&m, Some(seq), &seq.type_obj())?;
        return protocol::call(&bound, &[]);
    }
    let s = seq.ty().slots();
    if s.getitem.is_none() || seq.isinstance(types().dict) {
        return Err(not_reversible(seq));
    }
    let n = protocol::len(seq)? as i64;
    Ok(alloc(t, ReversedObj { head: header(), seq: Some(seq.clone()), index: n - 1 }))
}

fn reversed_next(o: &Obj) -> PyResult<Option<Obj>> {
    let (seq, idx) = {
        let r = unsafe { o.payload::<ReversedObj>() };
        (r.seq.clone(), r.index)
    };
    let finish = || {
        let r = unsafe { o.payload_mut::<ReversedObj>() };
        r.index = -1;
        let s = r.seq.take();
        drop(s);
    };
    let Some(seq) = seq else { return Ok(None) };
    if idx < 0 {
        finish();
        return Ok(None);
    }
    match protocol::getitem(&seq, &int::from_i64(idx)) {
        Ok(v) => {
            unsafe { o.payload_mut::<ReversedObj>().index = idx - 1 };
            Ok(Some(v))
        }
        Err(e) if ends_sequence(&e) => {
            finish();
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn reversed_length_hint(a: &[Obj]) -> PyResult<Obj> {
    let r = unsafe { a[0].payload::<ReversedObj>() };
    let Some(seq) = r.seq.clone() else { return Ok(int::from_i64(0)) };
    let n = protocol::len(&seq)? as i64;
    Ok(int::from_i64(if r.index < n { r.index + 1 } else { 0 }))
}

pub fn reversed_spec() -> TypeSpec {
    let mut s = TypeSpec::new("reversed", std::mem::size_of::<ReversedObj>(), drop_as::<ReversedObj>);
    s.slots.iter = Some(self_iter);
    s.slots.next = Some(reversed_next);
    s.slots.new = Some(reversed_new);
    s.methods = vec![MethodDef::Method { name: "__length_hint__", func: reversed_length_hint, min: 1, max: 1 }];
    s
}
