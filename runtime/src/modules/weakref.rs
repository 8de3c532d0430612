//! Weak references: the `_weakref` module (ref with callbacks, proxy, getweakrefcount,
//! getweakrefs) and the `weakref` module (the same plus WeakValueDictionary,
//! WeakKeyDictionary, WeakSet and finalize, written in Python in `WEAKREF_PY` and run in
//! the module's namespace at import).
//!
//! A weak reference stores its referent as a raw address. A side table maps each referent
//! to its weak references (oldest first); the referent's GC header carries a flag saying
//! it has some, so deallocation (`gc::before_dealloc`) and the collector
//! (`gc::collect_generation`) clear them and run the callbacks, newest first, as CPython
//! does. Only containers (objects with a GC header) and immortal objects can be weakly
//! referenced.

use std::cell::RefCell;
use std::collections::HashMap;

use pyc_frontend::bytecode::CmpOp;

use crate::errors::{new_error, type_error};
use crate::gc;
use crate::object::{alloc, header, Obj, ObjHeader, PyResult, IMMORTAL};
use crate::protocol;
use crate::types::exceptions::exc;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, dict, list, module, none, str as pystr, types, TypeSpec};

const KIND_REF: u8 = 0;
const KIND_PROXY: u8 = 1;
const KIND_CALLABLE_PROXY: u8 = 2;

#[repr(C)]
pub struct WeakRefObj {
    pub head: ObjHeader,
    /// The referent's address; 0 once it is dead.
    referent: u64,
    callback: Option<Obj>,
    /// Cached hash (`None` until first hashed).
    hash: Option<i64>,
    kind: u8,
}

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static TABLE: crate::gil::GilCell<std::sync::LazyLock<RefCell<HashMap<u64, Vec<u64>>>>> = crate::gil::GilCell::new(std::sync::LazyLock::new(|| RefCell::new(HashMap::new())));
static TYPES: crate::gil::GilCell<RefCell<Option<[&'static TypeObject; 3]>>> = crate::gil::GilCell::new(RefCell::new(None));

fn wr_types() -> [&'static TypeObject; 3] {
    if let Some(t) = TYPES.with(|t| *t.borrow()) {
        return t;
    }
    let r = super::make_type(ref_spec());
    let p = super::make_type(proxy_spec("ProxyType"));
    let c = super::make_type(proxy_spec("CallableProxyType"));
    for t in [r, p, c] {
        *t.module.borrow_mut() = "weakref".to_string();
    }
    let ts = [r, p, c];
    TYPES.with(|t| *t.borrow_mut() = Some(ts));
    ts
}

fn wr(o: &Obj) -> &mut WeakRefObj {
    unsafe { o.payload_mut::<WeakRefObj>() }
}

fn is_weakref_any(o: &Obj) -> bool {
    !o.is_small_int() && wr_types().iter().any(|t| o.ty().is_subtype(t))
}

/// The referent, or None when dead.
pub fn referent(o: &Obj) -> Option<Obj> {
    let r = wr(o).referent;
    if r == 0 {
        None
    } else {
        Some(unsafe { Obj::from_borrowed(r) })
    }
}

fn check_weakrefable(o: &Obj) -> PyResult<()> {
    let ok_type = || {
        let t = types();
        let ty = o.ty();
        ty.is_heap_type()
            || [t.function, t.set, t.frozenset, t.generator, t.method, t.type_, t.builtin_function, t.code, t.module]
                .iter()
                .any(|x| std::ptr::eq(ty, *x))
            || wr_types().iter().any(|x| std::ptr::eq(ty, *x))
    };
    let usable = !o.is_small_int() && (gc::weakrefable(o) || o.refcount() >= IMMORTAL);
    if !usable || !ok_type() {
        return Err(type_error(format!("cannot create weak reference to '{}' object", o.type_name())));
    }
    Ok(())
}

/// A plain `weakref.ref(o)` made from Rust (interpreter shutdown tracks modules so).
pub fn new_ref(o: &Obj) -> PyResult<Obj> {
    new_weak(wr_types()[0], o, None, KIND_REF)
}

fn new_weak(ty: &'static TypeObject, o: &Obj, cb: Option<Obj>, kind: u8) -> PyResult<Obj> {
    check_weakrefable(o)?;
    let cb = cb.filter(|c| !none::is_none(c));
    let immortal = o.refcount() >= IMMORTAL;
    // A plain reference without callback is shared.
    if cb.is_none() && !immortal {
        let existing = TABLE.with(|t| {
            t.borrow().get(&o.raw()).and_then(|v| {
                v.iter().copied().find(|&w| unsafe {
                    let w = &*(w as *const WeakRefObj);
                    std::ptr::eq(w.head.ty, ty) && w.callback.is_none()
                })
            })
        });
        if let Some(w) = existing {
            return Ok(unsafe { Obj::from_borrowed(w) });
        }
    }
    let w = alloc(ty, WeakRefObj { head: header(), referent: o.raw(), callback: cb, hash: None, kind });
    if !immortal {
        TABLE.with(|t| t.borrow_mut().entry(o.raw()).or_default().push(w.raw()));
        unsafe { gc::set_has_weakrefs(o.header_ptr(), true) };
    }
    Ok(w)
}

unsafe fn wr_drop(h: *mut ObjHeader) {
    let w = &mut *(h as *mut WeakRefObj);
    if w.referent != 0 {
        let r = w.referent;
        let empty = TABLE.with(|t| {
            let mut t = t.borrow_mut();
            if let Some(v) = t.get_mut(&r) {
                v.retain(|&x| x != h as u64);
                if v.is_empty() {
                    t.remove(&r);
                    return true;
                }
            }
            false
        });
        if empty && (*(r as *const ObjHeader)).refcnt < IMMORTAL {
            gc::set_has_weakrefs(r as *mut ObjHeader, false);
        }
    }
    std::ptr::drop_in_place(h as *mut WeakRefObj);
}

/// Clears every weak reference to `h`, returning them (strong references) newest first.
fn take_refs(h: *mut ObjHeader) -> Vec<Obj> {
    let v = TABLE.with(|t| t.borrow_mut().remove(&(h as u64))).unwrap_or_default();
    let mut out = Vec::with_capacity(v.len());
    for &w in v.iter().rev() {
        unsafe {
            (*(w as *mut WeakRefObj)).referent = 0;
            out.push(Obj::from_borrowed(w));
        }
    }
    out
}

/// The referent `h` is being freed: clear its weak references and run their callbacks.
pub fn clear_on_dealloc(h: *mut ObjHeader) {
    let refs = take_refs(h);
    let saved = crate::errors::take_current();
    for w in refs {
        run_callback_inner(&w);
    }
    if let Some(s) = saved {
        crate::errors::set_current(s);
    }
}

/// The collector found `h` to be garbage: clear its weak references, returning those that
/// have a callback (run later with `run_callback`).
pub fn clear_for_gc(h: *mut ObjHeader) -> Vec<Obj> {
    take_refs(h).into_iter().filter(|w| wr(w).callback.is_some()).collect()
}

/// Runs (and drops) the callback of a dead weak reference.
pub fn run_callback(w: &Obj) {
    let saved = crate::errors::take_current();
    run_callback_inner(w);
    if let Some(s) = saved {
        crate::errors::set_current(s);
    }
}

fn run_callback_inner(w: &Obj) {
    let cb = wr(w).callback.take();
    if let Some(cb) = cb {
        if let Err(e) = protocol::call(&cb, &[w.clone()]) {
            gc::report_unraisable(&cb, &e.0);
        }
    }
}

fn wr_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(c) = &wr(o).callback {
        visit(c);
    }
}

fn wr_clear(o: &Obj) {
    let c = wr(o).callback.take();
    drop(c);
}

// ----- ref -----

fn ref_new(cls: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if a.is_empty() || a.len() > 2 {
        return Err(type_error(format!("__new__ expected at most 2 arguments, got {}", a.len())));
    }
    let _ = kw;
    let ty = crate::types::typeobj::as_type(cls);
    new_weak(ty, &a[0], a.get(1).cloned(), KIND_REF)
}

fn ref_init(_o: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(none::none())
}

fn ref_call(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !a.is_empty() {
        return Err(type_error(format!("weakref() takes exactly 0 arguments ({} given)", a.len())));
    }
    if !kw.is_empty() {
        return Err(type_error("weakref() takes no keyword arguments"));
    }
    Ok(referent(o).unwrap_or_else(none::none))
}

fn ref_hash(o: &Obj) -> PyResult<i64> {
    if let Some(h) = wr(o).hash {
        return Ok(h);
    }
    let Some(r) = referent(o) else {
        return Err(type_error("weak object has gone away"));
    };
    let h = protocol::hash(&r)?;
    wr(o).hash = Some(h);
    Ok(h)
}

fn ref_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || !is_weakref_any(b) || wr(b).kind != KIND_REF {
        return Ok(none::not_implemented());
    }
    match (referent(a), referent(b)) {
        (Some(x), Some(y)) => protocol::richcompare(&x, &y, op),
        _ => {
            let same = a.is(b);
            Ok(pybool::from_bool(if op == CmpOp::Eq { same } else { !same }))
        }
    }
}

fn ref_repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&match referent(o) {
        None => format!("<weakref at {:#x}; dead>", o.raw()),
        Some(r) => format!("<weakref at {:#x}; to '{}' at {:#x}>", o.raw(), r.ty().full_name(), r.raw()),
    }))
}

fn ref_get_callback(o: &Obj) -> PyResult<Obj> {
    Ok(wr(o).callback.clone().unwrap_or_else(none::none))
}

fn ref_spec() -> TypeSpec {
    let mut s = TypeSpec::new("ReferenceType", std::mem::size_of::<WeakRefObj>(), wr_drop);
    s.slots.new = Some(ref_new);
    s.slots.init = Some(ref_init);
    s.slots.call = Some(ref_call);
    s.slots.hash = Some(ref_hash);
    s.slots.richcompare = Some(ref_richcompare);
    s.slots.repr = Some(ref_repr);
    s.slots.traverse = Some(wr_traverse);
    s.slots.clear = Some(wr_clear);
    s.methods = vec![MethodDef::Getter { name: "__callback__", get: ref_get_callback }];
    s
}

// ----- proxy -----

fn live(o: &Obj) -> PyResult<Obj> {
    referent(o).ok_or_else(|| new_error(exc().reference_error, "weakly-referenced object no longer exists"))
}

fn px_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    protocol::getattr(&live(o)?, name)
}
fn px_setattro(o: &Obj, name: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let r = live(o)?;
    match v {
        Some(v) => protocol::setattr(&r, name, v),
        None => protocol::delattr(&r, name),
    }
}
fn px_str(o: &Obj) -> PyResult<Obj> {
    protocol::str(&live(o)?)
}
fn px_repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&match referent(o) {
        None => format!("<weakproxy at {:#x}; dead>", o.raw()),
        Some(r) => format!("<weakproxy at {:#x}; to '{}' at {:#x}>", o.raw(), r.ty().full_name(), r.raw()),
    }))
}
fn px_call(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    protocol::call_kw(&live(o)?, a, kw)
}
fn px_len(o: &Obj) -> PyResult<usize> {
    protocol::len(&live(o)?)
}
fn px_getitem(o: &Obj, k: &Obj) -> PyResult<Obj> {
    protocol::getitem(&live(o)?, k)
}
fn px_setitem(o: &Obj, k: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let r = live(o)?;
    match v {
        Some(v) => protocol::setitem(&r, k, v),
        None => protocol::delitem(&r, k),
    }
}
fn px_contains(o: &Obj, k: &Obj) -> PyResult<bool> {
    protocol::contains(&live(o)?, k)
}
fn px_bool(o: &Obj) -> PyResult<bool> {
    protocol::is_true(&live(o)?)
}
fn px_iter(o: &Obj) -> PyResult<Obj> {
    protocol::iter(&live(o)?)
}
fn px_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    let x = live(a)?;
    let y = if is_weakref_any(b) && wr(b).kind != KIND_REF { live(b)? } else { b.clone() };
    protocol::richcompare(&x, &y, op)
}
fn px_hash(o: &Obj) -> PyResult<i64> {
    Err(type_error(format!("unhashable type: '{}'", o.ty().full_name())))
}

fn proxy_spec(name: &'static str) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<WeakRefObj>(), wr_drop);
    s.final_ = true;
    s.slots.getattro = Some(px_getattro);
    s.slots.setattro = Some(px_setattro);
    s.slots.str = Some(px_str);
    s.slots.repr = Some(px_repr);
    if name == "CallableProxyType" {
        s.slots.call = Some(px_call);
    }
    s.slots.len = Some(px_len);
    s.slots.getitem = Some(px_getitem);
    s.slots.setitem = Some(px_setitem);
    s.slots.contains = Some(px_contains);
    s.slots.bool = Some(px_bool);
    s.slots.iter = Some(px_iter);
    s.slots.richcompare = Some(px_richcompare);
    s.slots.hash = Some(px_hash);
    s.slots.traverse = Some(wr_traverse);
    s.slots.clear = Some(wr_clear);
    s
}

// ----- module functions -----

fn m_proxy(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("proxy() takes no keyword arguments"));
    }
    if a.is_empty() || a.len() > 2 {
        return Err(type_error(format!("proxy expected at most 2 arguments, got {}", a.len())));
    }
    let t = wr_types();
    let callable = a[0].ty().slots().call.is_some();
    let (ty, kind) = if callable { (t[2], KIND_CALLABLE_PROXY) } else { (t[1], KIND_PROXY) };
    new_weak(ty, &a[0], a.get(1).cloned(), kind)
}

fn refs_of(o: &Obj) -> Vec<Obj> {
    if o.is_small_int() {
        return Vec::new();
    }
    TABLE.with(|t| {
        t.borrow()
            .get(&o.raw())
            .map(|v| v.iter().map(|&w| unsafe { Obj::from_borrowed(w) }).collect())
            .unwrap_or_default()
    })
}

fn m_getweakrefcount(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() || a.len() != 1 {
        return Err(type_error(format!("getweakrefcount() takes exactly one argument ({} given)", a.len())));
    }
    Ok(Obj::from_small(refs_of(&a[0]).len() as i64))
}

fn m_getweakrefs(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() || a.len() != 1 {
        return Err(type_error(format!("getweakrefs() takes exactly one argument ({} given)", a.len())));
    }
    let mut v = refs_of(&a[0]);
    v.reverse();
    Ok(list::new(v))
}

fn m_remove_dead(_f: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    // _remove_dead_weakref(dict, key): delete dict[key] if it is a dead weakref.
    if a.len() == 2 && dict::is_dict(&a[0]) {
        if let Some(v) = dict::get_item(&a[0], &a[1])? {
            if is_weakref_any(&v) && wr(&v).referent == 0 {
                dict::del_item(&a[0], &a[1])?;
            }
        }
    }
    Ok(none::none())
}

fn fill(d: &Obj, modname: &'static str) {
    let t = wr_types();
    dict::set_item_str(d, "ref", t[0].as_obj());
    dict::set_item_str(d, "ReferenceType", t[0].as_obj());
    dict::set_item_str(d, "ProxyType", t[1].as_obj());
    dict::set_item_str(d, "CallableProxyType", t[2].as_obj());
    let fns: &[(&'static str, crate::types::typeobj::CallFn)] = &[
        ("proxy", m_proxy),
        ("getweakrefcount", m_getweakrefcount),
        ("getweakrefs", m_getweakrefs),
        ("_remove_dead_weakref", m_remove_dead),
    ];
    for (name, f) in fns {
        dict::set_item_str(d, name, new_builtin_in(modname, name, *f));
    }
}

/// Creates `_weakref`.
pub fn create_underscore() -> Obj {
    let m = module::new("_weakref");
    fill(&module::dict(&m), "_weakref");
    m
}

/// Creates `weakref`: the native part plus the Python classes in `WEAKREF_PY`.
pub fn create() -> PyResult<Obj> {
    let m = module::new("weakref");
    let d = module::dict(&m);
    fill(&d, "weakref");
    let b = crate::builtins::builtins_module();
    let exec = protocol::getattr(&b, &pystr::intern("exec"))?;
    protocol::call(&exec, &[pystr::new(WEAKREF_PY), d.clone()])?;
    Ok(m)
}

/// The Python half of `weakref` (our own code; behaviour follows CPython 3.11's module).
const WEAKREF_PY: &str = r#"
ProxyTypes = (ProxyType, CallableProxyType)

class KeyedRef(ref):
    __slots__ = ('key',)
    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        pass

class WeakValueDictionary:
    def __init__(self, other=(), /, **kw):
        selfref = ref(self)
        def remove(wr, selfref=selfref):
            self = selfref()
            if self is not None:
                _remove_dead_weakref(self.data, wr.key)
        self._remove = remove
        self.data = {}
        self.update(other, **kw)
    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o
    def __delitem__(self, key):
        del self.data[key]
    def __len__(self):
        return sum(1 for w in list(self.data.values()) if w() is not None)
    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None
    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))
    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)
    def copy(self):
        new = WeakValueDictionary()
        for key, wr in list(self.data.items()):
            o = wr()
            if o is not None:
                new[key] = o
        return new
    __copy__ = copy
    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o
    def items(self):
        for k, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                yield k, v
    def keys(self):
        for k, wr in list(self.data.items()):
            if wr() is not None:
                yield k
    __iter__ = keys
    def itervaluerefs(self):
        yield from list(self.data.values())
    def valuerefs(self):
        return list(self.data.values())
    def values(self):
        for wr in list(self.data.values()):
            o = wr()
            if o is not None:
                yield o
    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o
    _missing = object()
    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o
    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        return o
    def update(self, other=None, /, **kwargs):
        d = self.data
        if other is not None:
            if not hasattr(other, "keys"):
                other = dict(other)
            for key in other.keys():
                d[key] = KeyedRef(other[key], self._remove, key)
        for key, o in kwargs.items():
            d[key] = KeyedRef(o, self._remove, key)

class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        selfref = ref(self)
        def remove(k, selfref=selfref):
            self = selfref()
            if self is not None:
                try:
                    del self.data[k]
                except KeyError:
                    pass
        self._remove = remove
        if dict is not None:
            self.update(dict)
    def __delitem__(self, key):
        del self.data[ref(key)]
    def __getitem__(self, key):
        return self.data[ref(key)]
    def __len__(self):
        return sum(1 for k in list(self.data) if k() is not None)
    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))
    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value
    def copy(self):
        new = WeakKeyDictionary()
        for key, value in list(self.data.items()):
            o = key()
            if o is not None:
                new[o] = value
        return new
    __copy__ = copy
    def get(self, key, default=None):
        return self.data.get(ref(key), default)
    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data
    def items(self):
        for wr, value in list(self.data.items()):
            key = wr()
            if key is not None:
                yield key, value
    def keys(self):
        for wr in list(self.data):
            o = wr()
            if o is not None:
                yield o
    __iter__ = keys
    def values(self):
        for wr, value in list(self.data.items()):
            if wr() is not None:
                yield value
    def keyrefs(self):
        return list(self.data)
    def clear(self):
        self.data.clear()
    def popitem(self):
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value
    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)
    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)
    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                d[ref(key, self._remove)] = value
        if len(kwargs):
            self.update(kwargs)

class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        selfref = ref(self)
        def remove(item, selfref=selfref):
            self = selfref()
            if self is not None:
                self.data.discard(item)
        self._remove = remove
        if data is not None:
            self.update(data)
    def __iter__(self):
        for itemref in list(self.data):
            item = itemref()
            if item is not None:
                yield item
    def __len__(self):
        return sum(1 for r in list(self.data) if r() is not None)
    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data
    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))
    def add(self, item):
        self.data.add(ref(item, self._remove))
    def clear(self):
        self.data.clear()
    def copy(self):
        return self.__class__(self)
    def pop(self):
        while True:
            itemref = self.data.pop()
            item = itemref()
            if item is not None:
                return item
    def remove(self, item):
        self.data.remove(ref(item))
    def discard(self, item):
        self.data.discard(ref(item))
    def update(self, other):
        for element in other:
            self.add(element)
    def __ior__(self, other):
        self.update(other)
        return self
    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return set(self) == set(other)

class WeakMethod(ref):
    """A weak reference to a bound method: dead as soon as its object or its function is."""
    __slots__ = ("_func_ref", "_alive")

    def __new__(cls, meth, callback=None):
        try:
            obj, func = meth.__self__, meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        def on_death(_, cb=callback):
            me = self_ref()
            if me is not None and me._alive:
                me._alive = False
                if cb is not None:
                    cb(me)
        self = ref.__new__(cls, obj, on_death)
        self._func_ref = ref(func, on_death)
        self._alive = True
        self_ref = ref(self)
        return self

    def __init__(self, meth, callback=None):
        pass

    def __call__(self):
        obj, func = ref.__call__(self), self._func_ref()
        if obj is None or func is None:
            return None
        return func.__get__(obj, type(obj))

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not (self._alive and other._alive):
            return self is other
        return ref.__eq__(self, other) and self._func_ref == other._func_ref

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    __hash__ = ref.__hash__

class finalize:
    __slots__ = ()
    _registry = {}
    _shutdown = False
    _index_iter = None
    _registered_with_atexit = False
    _counter = [0]

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    def __init__(self, obj, func, /, *args, **kwargs):
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        finalize._counter[0] += 1
        info.index = finalize._counter[0]
        self._registry[self] = info
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True

    @classmethod
    def _exitfunc(cls):
        # At exit the finalizers still pending (with atexit true) run newest first; after
        # that none runs any more (their referents dying during shutdown call nothing).
        try:
            while True:
                pending = [(i.index, f) for f, i in cls._registry.items() if i.atexit]
                if not pending:
                    break
                max(pending, key=lambda p: p[0])[1]()
        finally:
            cls._shutdown = True

    def __call__(self, _=None):
        info = self._registry.pop(self, None)
        if info and not self._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in self._registry

    @property
    def atexit(self):
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (type(self).__name__, id(self), type(obj).__name__, id(obj))
"#;
