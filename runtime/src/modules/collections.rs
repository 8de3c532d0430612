//! The native `_collections` module: `deque` (a ring buffer over `VecDeque`, optional
//! `maxlen`, its forward and reverse iterators that detect mutation), `defaultdict` (a
//! `dict` subclass whose payload adds `default_factory`), `_count_elements` (Counter's
//! counting loop) and `_tuplegetter` (namedtuple's field descriptor). `OrderedDict` stays
//! the pure-Python one of collections/__init__.py.
//!
//! As in list.rs, no borrow of a deque's items is held across a call into Python
//! (`==`, `repr`, iteration of an argument): items are cloned out and indexes re-checked,
//! and a `state` counter bumped by every mutation lets loops notice concurrent changes.

use std::collections::VecDeque;

use pyc_frontend::bytecode::{BinOp, CmpOp};

use super::itertools::{class_getitem, module_type, LazyType};
use crate::errors::{index_error, key_error, runtime_error, type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::dict::{self, DictObj};
use crate::types::function::new_builtin_in;
use crate::types::int::bind_args;
use crate::types::list::{
    cant_multiply, hash_not_implemented, is_index, none_attr, reflected_repeat_error, repeat_count, seq_richcompare, try_other_slot,
    ReprGuard,
};
use crate::types::typeobj::{as_type, drop_as, KwArgs, MethodDef, TypeObject};
use crate::types::{int, module, none, str as pystr, tuple, types, TypeSpec};

// ===================== deque =====================

#[repr(C)]
pub struct Deque {
    head: ObjHeader,
    items: VecDeque<Obj>,
    maxlen: Option<usize>,
    /// Bumped by every mutation (iterators and comparison loops check it).
    state: u64,
}

static DEQUE: LazyType = LazyType::new();
static DEQUE_ITER: LazyType = LazyType::new();
static DEQUE_REVITER: LazyType = LazyType::new();

fn deque_type() -> &'static TypeObject {
    DEQUE.get(|| module_type("collections", deque_spec()))
}

fn is_deque(o: &Obj) -> bool {
    !o.is_small_int() && o.isinstance(deque_type())
}

#[allow(clippy::mut_from_ref)]
fn dq(o: &Obj) -> &mut Deque {
    unsafe { o.payload_mut::<Deque>() }
}

fn new_deque(ty: &TypeObject, items: VecDeque<Obj>, maxlen: Option<usize>) -> Obj {
    alloc(ty, Deque { head: header(), items, maxlen, state: 0 })
}

/// Appends on the right (or left), dropping from the other end past `maxlen`.
fn push(o: &Obj, x: Obj, left: bool) {
    let d = dq(o);
    if d.maxlen == Some(0) {
        return;
    }
    d.state += 1;
    let dropped = if left {
        d.items.push_front(x);
        if d.maxlen.is_some_and(|m| d.items.len() > m) { d.items.pop_back() } else { None }
    } else {
        d.items.push_back(x);
        if d.maxlen.is_some_and(|m| d.items.len() > m) { d.items.pop_front() } else { None }
    };
    drop(dropped);
}

fn extend(o: &Obj, iterable: &Obj, left: bool) -> PyResult<()> {
    // Extending by itself iterates over a snapshot.
    let snapshot;
    let src = if iterable.is(o) {
        snapshot = crate::types::list::new(dq(o).items.iter().cloned().collect());
        &snapshot
    } else {
        iterable
    };
    let it = protocol::iter(src)?;
    while let Some(x) = protocol::next(&it)? {
        push(o, x, left);
    }
    Ok(())
}

fn maxlen_arg(m: Option<&Obj>) -> PyResult<Option<usize>> {
    match m {
        None => Ok(None),
        Some(m) if none::is_none(m) => Ok(None),
        Some(m) if !int::is_int(m) => Err(type_error("an integer is required")),
        Some(m) => {
            let v = protocol::index_i64(m)?;
            if v < 0 {
                return Err(value_error("maxlen must be non-negative"));
            }
            Ok(Some(v as usize))
        }
    }
}

fn deque_new(cls: &Obj, _args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(new_deque(as_type(cls), VecDeque::new(), None))
}

fn deque_init(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("deque", args, kw, &["iterable", "maxlen"], 0, 2, 0)?;
    let maxlen = maxlen_arg(a[1].as_ref())?;
    let d = dq(o);
    d.maxlen = maxlen;
    if !d.items.is_empty() {
        d.state += 1;
        let old = std::mem::take(&mut d.items);
        drop(old);
    }
    if let Some(it) = &a[0] {
        extend(o, it, false)?;
    }
    Ok(none::none())
}

fn len_of(o: &Obj) -> usize {
    dq(o).items.len()
}

fn get(o: &Obj, i: usize) -> Option<Obj> {
    dq(o).items.get(i).cloned()
}

fn deque_len(o: &Obj) -> PyResult<usize> {
    Ok(len_of(o))
}

fn deque_bool(o: &Obj) -> PyResult<bool> {
    Ok(len_of(o) != 0)
}

fn deque_repr(o: &Obj) -> PyResult<Obj> {
    let Some(_g) = ReprGuard::enter(o) else { return Ok(pystr::new("[...]")) };
    let items: Vec<Obj> = dq(o).items.iter().cloned().collect();
    let body = crate::types::list::join_reprs(&items)?;
    let name = o.ty().name();
    Ok(pystr::from_string(match dq(o).maxlen {
        Some(m) => format!("{name}([{body}], maxlen={m})"),
        None => format!("{name}([{body}])"),
    }))
}

fn deque_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_deque(a) || !is_deque(b) {
        return Ok(none::not_implemented());
    }
    let get2 = |side: usize, i: usize| if side == 0 { get(a, i) } else { get(b, i) };
    let lens = || (len_of(a), len_of(b));
    seq_richcompare(&get2, &lens, op)
}

/// A sequence index into the deque ("deque index out of range").
fn norm_index(o: &Obj, key: &Obj) -> PyResult<usize> {
    if !is_index(key) {
        return Err(type_error(format!("sequence index must be integer, not '{}'", key.type_name())));
    }
    let i = protocol::index_i64(key)?;
    crate::types::list::norm_index(i, len_of(o)).ok_or_else(|| index_error("deque index out of range"))
}

fn deque_getitem(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let i = norm_index(o, key)?;
    Ok(dq(o).items[i].clone())
}

fn deque_setitem(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let i = norm_index(o, key)?;
    let d = dq(o);
    let old = match value {
        Some(v) => std::mem::replace(&mut d.items[i], v.clone()),
        None => {
            d.state += 1;
            d.items.remove(i).unwrap()
        }
    };
    drop(old);
    Ok(())
}

/// Position of the first item equal to `x` in `[start, stop)`; RuntimeError when the
/// deque changes while `==` runs.
fn find(o: &Obj, x: &Obj, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let state = dq(o).state;
    let mut i = start;
    while i < stop.min(len_of(o)) {
        let Some(item) = get(o, i) else { break };
        let eq = protocol::eq(&item, x)?;
        if dq(o).state != state {
            return Err(runtime_error("deque mutated during iteration"));
        }
        if eq {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn deque_contains(o: &Obj, x: &Obj) -> PyResult<bool> {
    Ok(find(o, x, 0, usize::MAX)?.is_some())
}

fn m_append(a: &[Obj]) -> PyResult<Obj> {
    push(&a[0], a[1].clone(), false);
    Ok(none::none())
}

fn m_appendleft(a: &[Obj]) -> PyResult<Obj> {
    push(&a[0], a[1].clone(), true);
    Ok(none::none())
}

fn pop_end(o: &Obj, left: bool) -> PyResult<Obj> {
    let d = dq(o);
    let v = if left { d.items.pop_front() } else { d.items.pop_back() };
    d.state += 1;
    v.ok_or_else(|| index_error("pop from an empty deque"))
}

fn m_pop(a: &[Obj]) -> PyResult<Obj> {
    pop_end(&a[0], false)
}

fn m_popleft(a: &[Obj]) -> PyResult<Obj> {
    pop_end(&a[0], true)
}

fn m_extend(a: &[Obj]) -> PyResult<Obj> {
    extend(&a[0], &a[1], false)?;
    Ok(none::none())
}

fn m_extendleft(a: &[Obj]) -> PyResult<Obj> {
    extend(&a[0], &a[1], true)?;
    Ok(none::none())
}

fn m_clear(a: &[Obj]) -> PyResult<Obj> {
    let d = dq(&a[0]);
    d.state += 1;
    let old = std::mem::take(&mut d.items);
    drop(old);
    Ok(none::none())
}

fn copy_of(o: &Obj) -> PyResult<Obj> {
    let d = dq(o);
    if o.is_exact(deque_type()) {
        return Ok(new_deque(deque_type(), d.items.clone(), d.maxlen));
    }
    let items = crate::types::list::new(d.items.iter().cloned().collect());
    match d.maxlen {
        Some(m) => protocol::call(&o.type_obj(), &[items, int::from_usize(m)]),
        None => protocol::call(&o.type_obj(), &[items]),
    }
}

fn m_copy(a: &[Obj]) -> PyResult<Obj> {
    copy_of(&a[0])
}

fn m_count(a: &[Obj]) -> PyResult<Obj> {
    let (o, x) = (&a[0], &a[1]);
    let state = dq(o).state;
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = get(o, i) {
        if protocol::eq(&item, x)? {
            n += 1;
        }
        if dq(o).state != state {
            return Err(runtime_error("deque mutated during iteration"));
        }
        i += 1;
    }
    Ok(int::from_usize(n))
}

fn m_index(a: &[Obj]) -> PyResult<Obj> {
    let (start, stop) = crate::types::list::start_stop(&a[2..], len_of(&a[0]))?;
    match find(&a[0], &a[1], start, stop)? {
        Some(i) => Ok(int::from_usize(i)),
        None => Err(value_error(format!("{} is not in deque", protocol::repr_string(&a[1])?))),
    }
}

fn m_insert(a: &[Obj]) -> PyResult<Obj> {
    let i = protocol::index_i64(&a[1])?;
    let d = dq(&a[0]);
    if d.maxlen == Some(d.items.len()) {
        return Err(index_error("deque already at its maximum size"));
    }
    let n = d.items.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) };
    d.state += 1;
    d.items.insert(pos as usize, a[2].clone());
    Ok(none::none())
}

fn m_remove(a: &[Obj]) -> PyResult<Obj> {
    match find(&a[0], &a[1], 0, usize::MAX)? {
        Some(i) => {
            let d = dq(&a[0]);
            d.state += 1;
            let v = d.items.remove(i);
            drop(v);
            Ok(none::none())
        }
        None => Err(value_error(format!("{} is not in deque", protocol::repr_string(&a[1])?))),
    }
}

fn m_reverse(a: &[Obj]) -> PyResult<Obj> {
    let d = dq(&a[0]);
    d.state += 1;
    d.items.make_contiguous().reverse();
    Ok(none::none())
}

fn m_rotate(a: &[Obj]) -> PyResult<Obj> {
    let n = match a.get(1) {
        Some(n) => protocol::index_i64(n)?,
        None => 1,
    };
    let d = dq(&a[0]);
    let len = d.items.len() as i64;
    if len > 1 {
        d.state += 1;
        let k = n.rem_euclid(len) as usize;
        d.items.rotate_right(k);
    }
    Ok(none::none())
}

fn g_maxlen(o: &Obj) -> PyResult<Obj> {
    Ok(dq(o).maxlen.map_or_else(none::none, int::from_usize))
}

fn deque_add(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_deque(a) {
        return Ok(none::not_implemented());
    }
    if !is_deque(b) {
        if let Some(r) = try_other_slot(a, b, BinOp::Add, deque_add)? {
            return Ok(r);
        }
        return Err(type_error(format!("can only concatenate deque (not \"{}\") to deque", b.type_name())));
    }
    let r = copy_of(a)?;
    extend(&r, b, false)?;
    Ok(r)
}

/// Replaces the items by themselves repeated `n` times, keeping the last `maxlen`.
fn repeat_into(o: &Obj, n: usize) -> PyResult<()> {
    let d = dq(o);
    let base: Vec<Obj> = d.items.iter().cloned().collect();
    let total = crate::types::list::repeat_len(base.len(), n)?;
    let keep = d.maxlen.map_or(total, |m| m.min(total));
    let new: VecDeque<Obj> = (total - keep..total).map(|i| base[i % base.len()].clone()).collect();
    d.state += 1;
    let old = std::mem::replace(&mut d.items, new);
    drop(old);
    Ok(())
}

fn deque_mul(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (seq, n) = if is_deque(a) {
        if !is_index(b) {
            // Only a user class's reflected method gets a chance (built-in sequences
            // have no numeric multiply in CPython).
            if b.ty().is_heap_type() {
                if let Some(r) = try_other_slot(a, b, BinOp::Mul, deque_mul)? {
                    return Ok(r);
                }
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
    let r = copy_of(seq)?;
    repeat_into(&r, n)?;
    Ok(r)
}

fn deque_iadd(a: &Obj, b: &Obj) -> PyResult<Obj> {
    extend(a, b, false)?;
    Ok(a.clone())
}

fn deque_imul(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_index(b) {
        return Err(cant_multiply(b));
    }
    repeat_into(a, repeat_count(b)?)?;
    Ok(a.clone())
}

fn deque_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    for x in dq(o).items.iter() {
        visit(x);
    }
}

fn deque_clear_refs(o: &Obj) {
    let old = std::mem::take(&mut dq(o).items);
    drop(old);
}

fn deque_iter(o: &Obj) -> PyResult<Obj> {
    Ok(new_iter(o, false))
}

fn m_reversed(a: &[Obj]) -> PyResult<Obj> {
    Ok(new_iter(&a[0], true))
}

fn deque_spec() -> TypeSpec {
    let mut s = TypeSpec::new("deque", std::mem::size_of::<Deque>(), drop_as::<Deque>);
    let sl = &mut s.slots;
    sl.new = Some(deque_new);
    sl.init = Some(deque_init);
    sl.repr = Some(deque_repr);
    sl.hash = Some(hash_not_implemented);
    sl.richcompare = Some(deque_richcompare);
    sl.iter = Some(deque_iter);
    sl.len = Some(deque_len);
    sl.bool = Some(deque_bool);
    sl.getitem = Some(deque_getitem);
    sl.setitem = Some(deque_setitem);
    sl.contains = Some(deque_contains);
    sl.number[BinOp::Add as usize] = Some(deque_add);
    sl.number[BinOp::Mul as usize] = Some(deque_mul);
    sl.inplace[BinOp::Add as usize] = Some(deque_iadd);
    sl.inplace[BinOp::Mul as usize] = Some(deque_imul);
    sl.traverse = Some(deque_traverse);
    sl.clear = Some(deque_clear_refs);
    let m = |name, func, min, max| MethodDef::Method { name, func, min, max };
    s.methods = vec![
        m("append", m_append, 2, 2),
        m("appendleft", m_appendleft, 2, 2),
        m("pop", m_pop, 1, 1),
        m("popleft", m_popleft, 1, 1),
        m("extend", m_extend, 2, 2),
        m("extendleft", m_extendleft, 2, 2),
        m("clear", m_clear, 1, 1),
        m("copy", m_copy, 1, 1),
        m("__copy__", m_copy, 1, 1),
        m("count", m_count, 2, 2),
        m("index", m_index, 2, 4),
        m("insert", m_insert, 3, 3),
        m("remove", m_remove, 2, 2),
        m("reverse", m_reverse, 1, 1),
        m("rotate", m_rotate, 1, 2),
        m("__reversed__", m_reversed, 1, 1),
        MethodDef::Getter { name: "maxlen", get: g_maxlen },
        MethodDef::ClassMethod { name: "__class_getitem__", func: class_getitem },
        MethodDef::Attr { name: "__hash__", value: none_attr },
    ];
    s
}

// ----- deque iterators -----

#[repr(C)]
struct DequeIter {
    head: ObjHeader,
    deque: Obj,
    /// Items still to produce.
    remaining: usize,
    /// Next position (from the left, or from the right when reversed).
    pos: usize,
    state: u64,
}

fn new_iter(o: &Obj, reverse: bool) -> Obj {
    let ty = if reverse { DEQUE_REVITER.get(|| deque_iter_type("_deque_reverse_iterator")) } else { DEQUE_ITER.get(|| deque_iter_type("_deque_iterator")) };
    let d = dq(o);
    alloc(ty, DequeIter { head: header(), deque: o.clone(), remaining: d.items.len(), pos: 0, state: d.state })
}

fn deque_iter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let it = unsafe { o.payload_mut::<DequeIter>() };
    let d = dq(&it.deque);
    if d.state != it.state || d.items.len() < it.remaining + it.pos {
        it.remaining = 0;
        return Err(runtime_error("deque mutated during iteration"));
    }
    if it.remaining == 0 {
        return Ok(None);
    }
    let reverse = o.is_exact(DEQUE_REVITER.get(|| deque_iter_type("_deque_reverse_iterator")));
    let i = if reverse { d.items.len() - 1 - it.pos } else { it.pos };
    it.pos += 1;
    it.remaining -= 1;
    Ok(Some(d.items[i].clone()))
}

fn deque_iter_length_hint(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_usize(unsafe { a[0].payload::<DequeIter>() }.remaining))
}

fn deque_iter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&unsafe { o.payload::<DequeIter>() }.deque);
}

fn deque_iter_type(name: &'static str) -> &'static TypeObject {
    let mut s = TypeSpec::new(name, std::mem::size_of::<DequeIter>(), drop_as::<DequeIter>);
    s.final_ = true;
    s.slots.iter = Some(|o| Ok(o.clone()));
    s.slots.next = Some(deque_iter_next);
    s.slots.traverse = Some(deque_iter_traverse);
    s.methods = vec![MethodDef::Method { name: "__length_hint__", func: deque_iter_length_hint, min: 1, max: 1 }];
    module_type("_collections", s)
}

// ===================== defaultdict =====================

/// A dict whose payload continues with the default factory.
#[repr(C)]
struct DefaultDict {
    dict: DictObj,
    factory: Option<Obj>,
}

static DEFAULTDICT: LazyType = LazyType::new();

fn defaultdict_type() -> &'static TypeObject {
    DEFAULTDICT.get(|| {
        let t = crate::types::create_type(defaultdict_spec(), types().dict);
        *t.module.borrow_mut() = "collections".to_string();
        t
    })
}

#[allow(clippy::mut_from_ref)]
fn dd(o: &Obj) -> &mut DefaultDict {
    unsafe { o.payload_mut::<DefaultDict>() }
}

fn is_callable(o: &Obj) -> bool {
    o.ty().slots().call.is_some()
}

fn defaultdict_init(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let factory = match args.first() {
        Some(f) if none::is_none(f) => None,
        Some(f) if !is_callable(f) => return Err(type_error("first argument must be callable or None")),
        f => f.cloned(),
    };
    let old = std::mem::replace(&mut dd(o).factory, factory);
    drop(old);
    let rest = if args.is_empty() { args } else { &args[1..] };
    let init = types().dict.slots().init.unwrap();
    init(o, rest, kw)
}

fn m_missing(a: &[Obj]) -> PyResult<Obj> {
    let (o, key) = (&a[0], &a[1]);
    let Some(f) = dd(o).factory.clone() else { return Err(key_error(key.clone())) };
    let v = protocol::call(&f, &[])?;
    protocol::setitem(o, key, &v)?;
    Ok(v)
}

fn factory_repr(o: &Obj) -> PyResult<String> {
    match dd(o).factory.clone() {
        None => Ok("None".to_string()),
        Some(f) => match ReprGuard::enter(&f) {
            None => Ok("...".to_string()),
            Some(_g) => protocol::repr_string(&f),
        },
    }
}

fn defaultdict_repr(o: &Obj) -> PyResult<Obj> {
    let f = factory_repr(o)?;
    let dict_repr = types().dict.slots().repr.unwrap();
    let body = dict_repr(o)?;
    Ok(pystr::from_string(format!("{}({}, {})", o.ty().name(), f, pystr::as_str(&body).unwrap_or(""))))
}

fn factory_or_none(o: &Obj) -> Obj {
    dd(o).factory.clone().unwrap_or_else(none::none)
}

fn dd_copy(o: &Obj) -> PyResult<Obj> {
    protocol::call(&o.type_obj(), &[factory_or_none(o), o.clone()])
}

fn m_dd_copy(a: &[Obj]) -> PyResult<Obj> {
    dd_copy(&a[0])
}

fn defaultdict_or(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let is_dd = |o: &Obj| !o.is_small_int() && o.isinstance(defaultdict_type());
    let (self_, other, left) = if is_dd(a) { (a, b, true) } else { (b, a, false) };
    if !dict::is_dict(other) {
        return Ok(none::not_implemented());
    }
    let r = if left { dd_copy(self_)? } else { protocol::call(&self_.type_obj(), &[factory_or_none(self_), other.clone()])? };
    dict::update(&r, if left { other } else { self_ })?;
    Ok(r)
}

fn g_factory(o: &Obj) -> PyResult<Obj> {
    Ok(factory_or_none(o))
}

fn s_factory(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let new = v.filter(|v| !none::is_none(v)).cloned();
    let old = std::mem::replace(&mut dd(o).factory, new);
    drop(old);
    Ok(())
}

fn defaultdict_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(t) = types().dict.slots().traverse {
        t(o, visit);
    }
    if let Some(f) = &dd(o).factory {
        visit(f);
    }
}

fn defaultdict_clear_refs(o: &Obj) {
    if let Some(c) = types().dict.slots().clear {
        c(o);
    }
    let old = dd(o).factory.take();
    drop(old);
}

fn defaultdict_spec() -> TypeSpec {
    let mut s = TypeSpec::new("defaultdict", std::mem::size_of::<DefaultDict>(), drop_as::<DefaultDict>);
    s.slots.init = Some(defaultdict_init);
    s.slots.repr = Some(defaultdict_repr);
    s.slots.number[BinOp::Or as usize] = Some(defaultdict_or);
    s.slots.traverse = Some(defaultdict_traverse);
    s.slots.clear = Some(defaultdict_clear_refs);
    s.methods = vec![
        MethodDef::Method { name: "__missing__", func: m_missing, min: 2, max: 2 },
        MethodDef::Method { name: "copy", func: m_dd_copy, min: 1, max: 1 },
        MethodDef::Method { name: "__copy__", func: m_dd_copy, min: 1, max: 1 },
        MethodDef::GetSet { name: "default_factory", get: g_factory, set: s_factory },
    ];
    s
}

// ===================== _count_elements / _tuplegetter =====================

fn f_count_elements(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    super::itertools::exact_args("_count_elements", args, kw, 2)?;
    let (mapping, it) = (&args[0], protocol::iter(&args[1])?);
    let one = int::from_i64(1);
    let exact = !mapping.is_small_int() && mapping.is_exact(types().dict);
    while let Some(x) = protocol::next(&it)? {
        if exact {
            let n = match dict::get_item(mapping, &x)? {
                Some(c) => protocol::binary_op(&c, &one, BinOp::Add)?,
                None => one.clone(),
            };
            dict::set_item(mapping, x, n)?;
        } else {
            let c = protocol::call_method(mapping, "get", &[x.clone(), int::from_i64(0)])?;
            protocol::setitem(mapping, &x, &protocol::binary_op(&c, &one, BinOp::Add)?)?;
        }
    }
    Ok(none::none())
}

#[repr(C)]
struct TupleGetter {
    head: ObjHeader,
    index: usize,
    doc: Obj,
}

fn tuplegetter_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    super::itertools::exact_args("_tuplegetter", args, kw, 2)?;
    let index = protocol::index_i64(&args[0])?.max(0) as usize;
    Ok(alloc(as_type(cls), TupleGetter { head: header(), index, doc: args[1].clone() }))
}

fn tuplegetter_get(d: &Obj, inst: Option<&Obj>, _owner: &Obj) -> PyResult<Obj> {
    let Some(inst) = inst.filter(|i| !none::is_none(i)) else { return Ok(d.clone()) };
    let g = unsafe { d.payload::<TupleGetter>() };
    let Some(items) = tuple::as_slice(inst) else {
        return Err(type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            g.index,
            inst.type_name()
        )));
    };
    items.get(g.index).cloned().ok_or_else(|| index_error("tuple index out of range"))
}

fn tuplegetter_set(_d: &Obj, _inst: &Obj, v: Option<&Obj>) -> PyResult<()> {
    Err(crate::errors::attribute_error(if v.is_some() { "can't set attribute" } else { "can't delete attribute" }))
}

fn g_doc(o: &Obj) -> PyResult<Obj> {
    Ok(unsafe { o.payload::<TupleGetter>() }.doc.clone())
}

fn s_doc(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let g = unsafe { o.payload_mut::<TupleGetter>() };
    let old = std::mem::replace(&mut g.doc, v.cloned().unwrap_or_else(none::none));
    drop(old);
    Ok(())
}

fn tuplegetter_type() -> &'static TypeObject {
    let mut s = TypeSpec::new("_tuplegetter", std::mem::size_of::<TupleGetter>(), drop_as::<TupleGetter>);
    s.slots.new = Some(tuplegetter_new);
    s.slots.descr_get = Some(tuplegetter_get);
    s.slots.descr_set = Some(tuplegetter_set);
    s.methods = vec![MethodDef::GetSet { name: "__doc__", get: g_doc, set: s_doc }];
    module_type("_collections", s)
}

static TUPLEGETTER: LazyType = LazyType::new();

/// Creates the `_collections` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_collections");
    let d = module::dict(&m);
    let set = |k: &str, v: Obj| dict::set_item_str(&d, k, v);
    set("deque", deque_type().as_obj());
    set("defaultdict", defaultdict_type().as_obj());
    set("_deque_iterator", DEQUE_ITER.get(|| deque_iter_type("_deque_iterator")).as_obj());
    set("_deque_reverse_iterator", DEQUE_REVITER.get(|| deque_iter_type("_deque_reverse_iterator")).as_obj());
    set("_tuplegetter", TUPLEGETTER.get(tuplegetter_type).as_obj());
    set("_count_elements", new_builtin_in("_collections", "_count_elements", f_count_elements));
    Ok(m)
}
