//! `type` and classes: the `type` type (`type(x)`, `type(name, bases, dict)`,
//! `type.__call__`, attribute look-up and assignment on classes), class creation
//! (`new_class`: metaclass resolution, C3 MRO, instance layout from the solid base,
//! `__slots__`, `__classcell__`, `__set_name__`, `__init_subclass__`), the slot machinery
//! (`inherit_slots` for built-ins, `fill_builtin_dict` turning `MethodDef`s and slots into
//! descriptors and slot wrappers, and for user classes trampolines that call the Python
//! dunders, recomputed when a dunder is assigned), and `super`.

use std::cell::Cell;

use pyc_frontend::bytecode::{BinOp, CmpOp};

use crate::errors::{attribute_error, attribute_error_for, runtime_error, type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::descriptors::{self, call_unbound, SlotWrapper};
use crate::types::exceptions::exc;
use crate::types::typeobj::{as_type, downcast_type, drop_as, flags, KwArgs, MethodDef, Slots, TypeObject, UnaryFn};
use crate::types::{bool as pybool, dict, function, int, list, none, str as pystr, tuple, types, TypeSpec};

// ===================== hooks set by the interpreter =====================

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static ZERO_ARG_SUPER: crate::gil::GilCell<Cell<Option<fn() -> PyResult<(Obj, Obj)>>>> = crate::gil::GilCell::new(Cell::new(None));
static CALLER_MODULE: crate::gil::GilCell<Cell<Option<fn() -> Option<Obj>>>> = crate::gil::GilCell::new(Cell::new(None));

/// The interpreter registers how `super()` without arguments finds `(__class__, self)`
/// of the calling frame.
pub fn set_zero_arg_super_hook(f: fn() -> PyResult<(Obj, Obj)>) {
    ZERO_ARG_SUPER.with(|c| c.set(Some(f)));
}

/// The interpreter registers how to read the calling frame's `__name__` global (the
/// default `__module__` of `type(name, bases, dict)`).
pub fn set_caller_module_hook(f: fn() -> Option<Obj>) {
    CALLER_MODULE.with(|c| c.set(Some(f)));
}

// ===================== the `type` type =====================

pub fn type_spec() -> TypeSpec {
    let mut s = TypeSpec::new("type", std::mem::size_of::<TypeObject>(), drop_type);
    s.slots.traverse = Some(type_traverse);
    s.slots.clear = Some(type_clear);
    s.flags = flags::TYPE_SUBCLASS;
    s.slots.repr = Some(type_repr);
    s.slots.number[pyc_frontend::bytecode::BinOp::Or as usize] = Some(crate::types::union::type_or);
    s.slots.call = Some(type_call);
    s.slots.getattro = Some(type_getattro);
    s.slots.setattro = Some(type_setattro);
    s.slots.new = Some(type_new);
    s.slots.init = Some(type_init);
    s.methods = vec![
        MethodDef::Method { name: "mro", func: type_mro_method, min: 1, max: 1 },
        MethodDef::Method { name: "__subclasses__", func: type_subclasses, min: 1, max: 1 },
        MethodDef::Method { name: "__instancecheck__", func: type_instancecheck, min: 2, max: 2 },
        MethodDef::Method { name: "__subclasscheck__", func: type_subclasscheck, min: 2, max: 2 },
        MethodDef::Method { name: "__dir__", func: type_dir, min: 1, max: 1 },
        MethodDef::Method { name: "__sizeof__", func: type_sizeof, min: 1, max: 1 },
        MethodDef::ClassMethod { name: "__prepare__", func: type_prepare },
        MethodDef::GetSet { name: "__name__", get: type_get_name, set: type_set_name },
        MethodDef::GetSet { name: "__qualname__", get: type_get_qualname, set: type_set_qualname },
        MethodDef::GetSet { name: "__module__", get: type_get_module, set: type_set_module },
        MethodDef::GetSet { name: "__bases__", get: type_get_bases, set: type_set_bases },
        MethodDef::Getter { name: "__base__", get: type_get_base },
        MethodDef::Getter { name: "__mro__", get: type_get_mro },
        MethodDef::Getter { name: "__dict__", get: type_get_dict },
        MethodDef::GetSet { name: "__doc__", get: type_get_doc, set: type_set_doc },
        MethodDef::GetSet { name: "__abstractmethods__", get: type_get_abstract, set: type_set_abstract },
        MethodDef::Getter { name: "__flags__", get: type_get_flags },
    ];
    s
}

unsafe fn drop_type(h: *mut ObjHeader) {
    let t = &*(h as *const TypeObject);
    // (the namespace may outlive the type, held by a mappingproxy)
    if let Some(d) = t.dict_as_is().borrow().as_ref() {
        dict::unmark_class_dict(d);
    }
    for b in t.bases.borrow().iter() {
        if let Some(bt) = downcast_type(b) {
            bt.subclasses.borrow_mut().retain(|p| !std::ptr::eq(*p, t));
        }
    }
    drop_as::<TypeObject>(h);
}

fn type_repr(o: &Obj) -> PyResult<Obj> {
    let t = as_type(o);
    Ok(pystr::from_string(format!("<class '{}'>", t.full_name())))
}

/// `type.__call__`: `cls.__new__(cls, ...)`, then `__init__` when the result is an
/// instance of `cls`.
pub fn type_call(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let t = as_type(cls);
    if std::ptr::eq(t, types().type_) && args.len() == 1 && kw.is_empty() {
        return Ok(args[0].type_obj());
    }
    let Some(new) = t.slots().new else {
        return Err(type_error(format!("cannot create '{}' instances", t.full_name())));
    };
    let obj = new(cls, args, kw)?;
    if !obj.ty().is_subtype(t) {
        return Ok(obj);
    }
    if let Some(init) = obj.ty().slots().init {
        init(&obj, args, kw)?;
    }
    Ok(obj)
}

fn type_new(meta: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let is_type_exact = meta.is(&types().type_.as_obj());
    if is_type_exact && args.len() == 1 && kw.is_empty() {
        return Ok(args[0].type_obj());
    }
    if args.len() != 3 {
        if is_type_exact {
            return Err(type_error("type() takes 1 or 3 arguments"));
        }
        return Err(type_error(format!("type.__new__() takes exactly 3 arguments ({} given)", args.len())));
    }
    if !args[0].isinstance(types().str) {
        return Err(type_error(format!("type.__new__() argument 1 must be str, not {}", args[0].type_name())));
    }
    if !args[1].isinstance(types().tuple) {
        return Err(type_error(format!("type.__new__() argument 2 must be tuple, not {}", args[1].type_name())));
    }
    if !dict::is_dict(&args[2]) {
        return Err(type_error(format!("type.__new__() argument 3 must be dict, not {}", args[2].type_name())));
    }
    new_class(meta, &args[0], &args[1], &args[2], kw)
}

fn type_init(_cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if args.len() == 1 && !kw.is_empty() {
        return Err(type_error("type.__init__() takes no keyword arguments"));
    }
    if args.len() != 1 && args.len() != 3 {
        return Err(type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(none::none())
}

/// Attribute look-up on a class (`type_getattro`): data descriptors of the metaclass,
/// then the class's MRO (descriptors bound with no instance), then other metaclass
/// attributes.
pub fn type_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    match type_getattr_opt(o, name)? {
        Some(v) => Ok(v),
        None => Err(attribute_error_for(o, name)),
    }
}

/// `type_getattro` returning `Ok(None)` when the attribute is missing.
pub fn type_getattr_opt(o: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
    if !name.isinstance(types().str) {
        return Err(type_error(format!("attribute name must be string, not '{}'", name.type_name())));
    }
    let t = as_type(o);
    let meta = o.ty();
    let meta_attr = meta.lookup(name);
    let mut meta_get = None;
    if let Some(ma) = &meta_attr {
        let s = ma.ty().slots();
        meta_get = s.descr_get;
        if let (Some(g), Some(_)) = (meta_get, s.descr_set) {
            return g(ma, Some(o), &meta.as_obj()).map(Some);
        }
    }
    if let Some(a) = t.lookup(name) {
        if let Some(g) = a.ty().slots().descr_get {
            return g(&a, None, o).map(Some);
        }
        return Ok(Some(a));
    }
    if let Some(ma) = meta_attr {
        if let Some(g) = meta_get {
            return g(&ma, Some(o), &meta.as_obj()).map(Some);
        }
        return Ok(Some(ma));
    }
    Ok(None)
}

fn is_dunder(n: &str) -> bool {
    n.len() > 4 && n.starts_with("__") && n.ends_with("__")
}

/// Attribute assignment on a class: updates the class dict, bumps the version and
/// recomputes the slots of the class and its subclasses for a dunder.
pub fn type_setattro(o: &Obj, name: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let Some(n) = pystr::as_str(name) else {
        return Err(type_error(format!("attribute name must be string, not '{}'", name.type_name())));
    };
    let t = as_type(o);
    if !t.is_heap_type() {
        return Err(type_error(format!(
            "cannot {} '{}' attribute of immutable type '{}'",
            if value.is_some() { "set" } else { "delete" },
            n,
            t.name()
        )));
    }
    let meta = o.ty();
    if let Some(d) = meta.lookup(name) {
        if let Some(f) = d.ty().slots().descr_set {
            f(&d, o, value)?;
            t.modified();
            return Ok(());
        }
    }
    let d = type_dict(t);
    let key = pystr::intern_obj(name);
    match value {
        Some(v) => dict::set_item(&d, key, v.clone())?,
        None => {
            if !dict::del_item(&d, name)? {
                return Err(attribute_error_for(o, name));
            }
        }
    }
    if is_dunder(n) {
        update_slots_recursive(t);
    }
    t.modified();
    Ok(())
}

/// The class's own dict (created if missing).
pub fn type_dict(t: &TypeObject) -> Obj {
    let mut d = t.dict().borrow_mut();
    d.get_or_insert_with(|| {
        let d = dict::new();
        dict::mark_class_dict(&d, t);
        d
    })
    .clone()
}

fn type_mro_method(a: &[Obj]) -> PyResult<Obj> {
    Ok(list::new(as_type(&a[0]).mro()))
}

fn type_subclasses(a: &[Obj]) -> PyResult<Obj> {
    let t = as_type(&a[0]);
    let subs: Vec<Obj> = t.subclasses.borrow().iter().map(|p| unsafe { (**p).as_obj() }).collect();
    Ok(list::new(subs))
}

fn type_instancecheck(a: &[Obj]) -> PyResult<Obj> {
    let t = as_type(&a[0]);
    if a[1].ty().is_subtype(t) {
        return Ok(none::true_());
    }
    if let Some(c) = protocol::getattr_opt(&a[1], &pystr::intern("__class__"))? {
        if let Some(ct) = downcast_type(&c) {
            return Ok(pybool::from_bool(ct.is_subtype(t)));
        }
    }
    Ok(none::false_())
}

fn type_subclasscheck(a: &[Obj]) -> PyResult<Obj> {
    let t = as_type(&a[0]);
    match downcast_type(&a[1]) {
        Some(s) => Ok(pybool::from_bool(s.is_subtype(t))),
        None => Err(type_error("issubclass() arg 1 must be a class")),
    }
}

fn type_dir(a: &[Obj]) -> PyResult<Obj> {
    let result = dict::new();
    for t in as_type(&a[0]).mro() {
        if let Some(d) = as_type(&t).dict().borrow().clone() {
            for (k, _) in dict::items(&d) {
                dict::set_item(&result, k, none::none())?;
            }
        }
    }
    Ok(list::new(dict::keys(&result)))
}

fn type_sizeof(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_i64(as_type(&a[0]).basicsize as i64))
}

fn type_prepare(_cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(dict::new())
}

fn type_get_name(o: &Obj) -> PyResult<Obj> {
    // A built-in type's name may carry its module (`re.Pattern`), as CPython's tp_name.
    let t = as_type(o);
    let n = t.name();
    Ok(pystr::new(if t.is_heap_type() { n } else { n.rsplit('.').next().unwrap_or(n) }))
}
fn check_heap_set(o: &Obj, attr: &str, v: Option<&Obj>) -> PyResult<Obj> {
    let t = as_type(o);
    if !t.is_heap_type() {
        return Err(type_error(format!("cannot set '{}' attribute of immutable type '{}'", attr, t.name())));
    }
    let Some(v) = v else { return Err(type_error(format!("cannot delete '{}' attribute of immutable type '{}'", attr, t.name()))) };
    Ok(v.clone())
}
fn type_set_name(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = check_heap_set(o, "__name__", v)?;
    let t = as_type(o);
    let Some(s) = pystr::as_str(&v) else {
        return Err(type_error(format!("can only assign string to {}.__name__, not '{}'", t.name(), v.type_name())));
    };
    if s.contains('\0') {
        return Err(value_error("type name must not contain null characters"));
    }
    *t.name.borrow_mut() = s.to_string();
    Ok(())
}
fn type_get_qualname(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::from_string(as_type(o).qualname.borrow().clone()))
}
fn type_set_qualname(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = check_heap_set(o, "__qualname__", v)?;
    let t = as_type(o);
    let Some(s) = pystr::as_str(&v) else {
        return Err(type_error(format!("can only assign string to {}.__qualname__, not '{}'", t.name(), v.type_name())));
    };
    *t.qualname.borrow_mut() = s.to_string();
    Ok(())
}
fn type_get_module(o: &Obj) -> PyResult<Obj> {
    let t = as_type(o);
    if t.is_heap_type() {
        if let Some(m) = dict::get_item_str(&type_dict(t), &pystr::intern("__module__")) {
            return Ok(m);
        }
        return Err(attribute_error("__module__"));
    }
    Ok(pystr::from_string(t.module.borrow().clone()))
}
fn type_set_module(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = check_heap_set(o, "__module__", v)?;
    let t = as_type(o);
    dict::set_item_str(&type_dict(t), "__module__", v.clone());
    if let Some(s) = pystr::as_str(&v) {
        *t.module.borrow_mut() = s.to_string();
    }
    t.modified();
    Ok(())
}
fn type_get_bases(o: &Obj) -> PyResult<Obj> {
    Ok(tuple::new(as_type(o).bases.borrow().clone()))
}
fn type_set_bases(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = check_heap_set(o, "__bases__", v)?;
    // Re-assigning the same bases (typing.NamedTuple does) changes nothing.
    let same = tuple::as_slice(&v).map_or(false, |new| {
        let cur = as_type(o).bases.borrow();
        new.len() == cur.len() && new.iter().zip(cur.iter()).all(|(a, b)| a.is(b))
    });
    if same {
        return Ok(());
    }
    Err(type_error("__bases__ assignment is not supported"))
}
fn type_get_base(o: &Obj) -> PyResult<Obj> {
    Ok(as_type(o).base.clone().unwrap_or_else(none::none))
}
fn type_get_mro(o: &Obj) -> PyResult<Obj> {
    Ok(tuple::new(as_type(o).mro()))
}
fn type_get_dict(o: &Obj) -> PyResult<Obj> {
    Ok(descriptors::new_mappingproxy(type_dict(as_type(o))))
}
fn type_get_doc(o: &Obj) -> PyResult<Obj> {
    let t = as_type(o);
    match dict::get_item_str(&type_dict(t), &pystr::intern("__doc__")) {
        Some(d) => {
            if t.is_heap_type() {
                descriptors::bind(&d, None, o)
            } else {
                Ok(d)
            }
        }
        None => Ok(none::none()),
    }
}
fn type_set_doc(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let v = check_heap_set(o, "__doc__", v)?;
    dict::set_item_str(&type_dict(as_type(o)), "__doc__", v);
    Ok(())
}
fn type_get_abstract(o: &Obj) -> PyResult<Obj> {
    let t = as_type(o);
    if !std::ptr::eq(t, types().type_) {
        if let Some(v) = dict::get_item_str(&type_dict(t), &pystr::intern("__abstractmethods__")) {
            return Ok(v);
        }
    }
    Err(crate::errors::attribute_error_with("__abstractmethods__", &pystr::intern("__abstractmethods__"), o))
}
fn type_set_abstract(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let t = as_type(o);
    let d = type_dict(t);
    let is_abstract = match v {
        Some(v) => {
            let b = protocol::is_true(v)?;
            dict::set_item_str(&d, "__abstractmethods__", v.clone());
            b
        }
        None => {
            if !dict::del_item(&d, &pystr::intern("__abstractmethods__"))? {
                return Err(attribute_error("__abstractmethods__"));
            }
            false
        }
    };
    let f = t.flags.get();
    t.flags.set(if is_abstract { f | flags::IS_ABSTRACT } else { f & !flags::IS_ABSTRACT });
    t.modified();
    Ok(())
}
fn type_get_flags(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(as_type(o).flags.get() as i64))
}

// ===================== slots of built-in types =====================

/// Every empty slot of `own` takes the base's (CPython's `inherit_slots`; `hash` and
/// `richcompare` are inherited together, only when both are empty).
pub fn inherit_slots(own: Slots, base: &Slots) -> Slots {
    let mut s = own;
    macro_rules! inh {
        ($($f:ident),*) => { $( if s.$f.is_none() { s.$f = base.$f; } )* };
    }
    inh!(repr, str, iter, next, len, getitem, setitem, contains, bool, call, getattro, setattro, descr_get, descr_set,
         neg, pos, invert, abs, int, float, index, new, init, traverse, clear);
    if s.hash.is_none() && s.richcompare.is_none() {
        s.hash = base.hash;
        s.richcompare = base.richcompare;
    }
    for i in 0..13 {
        if s.number[i].is_none() {
            s.number[i] = base.number[i];
        }
        if s.inplace[i].is_none() {
            s.inplace[i] = base.inplace[i];
        }
    }
    s
}

const CMP_OPS: [CmpOp; 6] = [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge];

/// The slot wrappers (`__add__`, `__repr__`...) for every non-empty slot.
pub fn slot_wrappers(s: &Slots) -> Vec<(&'static str, SlotWrapper)> {
    use SlotWrapper as W;
    let mut v: Vec<(&'static str, SlotWrapper)> = Vec::new();
    if let Some(f) = s.repr {
        v.push(("__repr__", W::Unary(f)));
    }
    if let Some(f) = s.str {
        v.push(("__str__", W::Unary(f)));
    }
    if let Some(f) = s.hash {
        v.push(("__hash__", W::Hash(f)));
    }
    if let Some(f) = s.richcompare {
        for op in CMP_OPS {
            v.push((op.dunders().0, W::RichCmp(f, op)));
        }
    }
    if let Some(f) = s.iter {
        v.push(("__iter__", W::Unary(f)));
    }
    if let Some(f) = s.next {
        v.push(("__next__", W::Next(f)));
    }
    if let Some(f) = s.len {
        v.push(("__len__", W::Len(f)));
    }
    if let Some(f) = s.getitem {
        v.push(("__getitem__", W::GetItem(f)));
    }
    if let Some(f) = s.setitem {
        v.push(("__setitem__", W::SetItem(f)));
        v.push(("__delitem__", W::DelItem(f)));
    }
    if let Some(f) = s.contains {
        v.push(("__contains__", W::Contains(f)));
    }
    if let Some(f) = s.bool {
        v.push(("__bool__", W::Bool(f)));
    }
    if let Some(f) = s.call {
        v.push(("__call__", W::Call(f)));
    }
    if let Some(f) = s.getattro {
        v.push(("__getattribute__", W::GetAttr(f)));
    }
    if let Some(f) = s.setattro {
        v.push(("__setattr__", W::SetAttr(f)));
        v.push(("__delattr__", W::DelAttr(f)));
    }
    if let Some(f) = s.descr_get {
        v.push(("__get__", W::DescrGet(f)));
    }
    if let Some(f) = s.descr_set {
        v.push(("__set__", W::DescrSet(f)));
        v.push(("__delete__", W::DescrDelete(f)));
    }
    for op in BinOp::ALL {
        let (n, r, i) = op.dunders();
        if let Some(f) = s.number[op as usize] {
            v.push((n, W::Binary(f)));
            v.push((r, W::BinaryR(f)));
        }
        if let Some(f) = s.inplace[op as usize] {
            v.push((i, W::Binary(f)));
        }
    }
    for (n, f) in [
        ("__neg__", s.neg),
        ("__pos__", s.pos),
        ("__invert__", s.invert),
        ("__abs__", s.abs),
        ("__int__", s.int),
        ("__float__", s.float),
        ("__index__", s.index),
    ] {
        if let Some(f) = f {
            v.push((n, W::Unary(f)));
        }
    }
    if let Some(f) = s.init {
        v.push(("__init__", W::Init(f)));
    }
    v
}

/// `T.__new__` of a built-in type: `T.__new__(S, ...)` checks S and calls T's new slot.
fn tp_new_wrapper(owner: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let t = as_type(owner);
    let Some(first) = args.first() else {
        return Err(type_error(format!("{}.__new__(): not enough arguments", t.name())));
    };
    let Some(sub) = downcast_type(first) else {
        return Err(type_error(format!("{}.__new__(X): X is not a type object ({})", t.name(), first.type_name())));
    };
    if !sub.is_subtype(t) {
        return Err(type_error(format!("{}.__new__({}): {} is not a subtype of {}", t.name(), sub.name(), sub.name(), t.name())));
    }
    // The most derived built-in base must use this very __new__ ("is not safe").
    let mut staticbase = sub;
    while staticbase.is_heap_type() {
        match &staticbase.base {
            Some(b) => staticbase = as_type(b),
            None => break,
        }
    }
    let new = t.slots().new;
    if let (Some(sn), Some(tn)) = (staticbase.slots().new, new) {
        if sn as usize != tn as usize {
            return Err(type_error(format!(
                "{}.__new__({}) is not safe, use {}.__new__()",
                t.name(),
                sub.name(),
                staticbase.name()
            )));
        }
    }
    match new {
        Some(f) => f(first, &args[1..], kw),
        None => Err(type_error(format!("cannot create '{}' instances", t.name()))),
    }
}

fn is_new_wrapper(v: &Obj) -> Option<&'static TypeObject> {
    let b = function::as_builtin(v)?;
    if b.func as usize != tp_new_wrapper as *const () as usize {
        return None;
    }
    b.self_.as_ref().and_then(downcast_type)
}

/// Fills a built-in type's dict: descriptors for its `MethodDef`s, slot wrappers for the
/// slots it defines (not those it inherits), `__new__`, `__hash__ = None` when
/// unhashable, `__dict__` when its instances have one.
pub fn fill_builtin_dict(ty: &TypeObject, methods: Vec<MethodDef>) {
    // SAFETY: built-in types are immortal (allocated once, never freed).
    let ty: &'static TypeObject = unsafe { &*(ty as *const TypeObject) };
    let d = type_dict(ty);
    let slots = ty.slots();
    let base_slots = ty.base.as_ref().map(|b| as_type(b).slots());
    let base_wrappers = base_slots.map(slot_wrappers).unwrap_or_default();
    for (name, w) in slot_wrappers(&slots) {
        let inherited = base_wrappers.iter().any(|(n, bw)| *n == name && bw.addr() == w.addr());
        if inherited {
            continue;
        }
        // CPython's containers have no `__bool__` (truth comes from `__len__`, so a subclass
        // overriding `__len__` is honoured); their native bool slot is only a fast path.
        if name == "__bool__" && matches!(ty.name(), "list" | "dict" | "set" | "frozenset" | "tuple") {
            continue;
        }
        dict::set_item_str(&d, name, descriptors::new_method_descriptor(name, ty, descriptors::DescrKind::Slot(w)));
    }
    if let Some(f) = slots.new {
        let inherited = base_slots.as_ref().and_then(|b| b.new).map_or(false, |bf| bf as usize == f as usize);
        if !inherited {
            dict::set_item_str(&d, "__new__", function::new_builtin_method("__new__", tp_new_wrapper, ty.as_obj()));
        }
    }
    if slots.hash.is_none() {
        dict::set_item_str(&d, "__hash__", none::none());
    }
    let base_dict = ty.base.as_ref().map_or(0, |b| as_type(b).dict_offset);
    if ty.dict_offset != 0 && base_dict == 0 {
        dict::set_item_str(
            &d,
            "__dict__",
            descriptors::new_getset("__dict__", ty, Some(crate::types::object::get_dict_attr), Some(crate::types::object::set_dict_attr)),
        );
    }
    // Every built-in type has its own `__doc__` (None when undocumented), so an instance's
    // `__doc__` never falls through to `object`'s.
    if dict::get_item_str(&d, &crate::types::str::intern("__doc__")).is_none() {
        dict::set_item_str(&d, "__doc__", none::none());
    }
    add_method_defs(ty, &d, methods);
    crate::gc::immortalize_graph(&d);
    ty.modified();
}

/// Adds `methods` to the dict of an already filled built-in type.
pub fn add_builtin_methods(ty: &TypeObject, methods: Vec<MethodDef>) {
    // SAFETY: built-in types are immortal (allocated once, never freed).
    let ty: &'static TypeObject = unsafe { &*(ty as *const TypeObject) };
    let d = type_dict(ty);
    add_method_defs(ty, &d, methods);
    crate::gc::immortalize_graph(&d);
    ty.modified();
}

/// Turns `MethodDef`s into descriptors in the built-in type's dict `d`.
fn add_method_defs(ty: &'static TypeObject, d: &Obj, methods: Vec<MethodDef>) {
    for m in methods {
        let (name, v) = match m {
            MethodDef::Method { name, func, min, max } => {
                (name, descriptors::new_method_descriptor(name, ty, descriptors::DescrKind::Method { func, min, max }))
            }
            MethodDef::MethodKw { name, func } => (name, descriptors::new_method_descriptor(name, ty, descriptors::DescrKind::MethodKw(func))),
            MethodDef::ClassMethod { name, func } => {
                (name, descriptors::new_method_descriptor(name, ty, descriptors::DescrKind::ClassMethod(func)))
            }
            MethodDef::StaticMethod { name, func } => (name, descriptors::new_staticmethod(function::new_builtin(name, func))),
            MethodDef::Getter { name, get } => (name, descriptors::new_getset(name, ty, Some(get), None)),
            MethodDef::GetSet { name, get, set } => (name, descriptors::new_getset(name, ty, Some(get), Some(set))),
            MethodDef::Attr { name, value } => (name, value()),
        };
        dict::set_item_str(d, name, v);
    }
}

// ===================== slots of user classes =====================

enum Res {
    Absent,
    NoneValue,
    Native(Vec<SlotWrapper>),
    Tramp,
}

/// How a slot computation looks a dunder up: through the class's MRO, or through a
/// built-in base's (`builtin_base_slots`).
type Lookup<'a> = &'a dyn Fn(&str) -> Option<Obj>;

fn resolve(look: Lookup, names: &[&str]) -> Res {
    let mut wrappers = Vec::new();
    let mut none_seen = false;
    for n in names {
        match look(n) {
            None => {}
            Some(v) => {
                if let Some(w) = descriptors::as_slot_wrapper(&v) {
                    wrappers.push(w);
                } else if none::is_none(&v) {
                    none_seen = true;
                } else {
                    return Res::Tramp;
                }
            }
        }
    }
    if !wrappers.is_empty() {
        if none_seen || wrappers.iter().any(|w| w.addr() != wrappers[0].addr()) {
            return Res::Tramp;
        }
        return Res::Native(wrappers);
    }
    if none_seen {
        Res::NoneValue
    } else {
        Res::Absent
    }
}

/// Picks a slot value: the native function when every dunder resolves to the same
/// built-in slot wrapper, the trampoline when Python code is involved, None otherwise.
fn pick<F: Copy>(look: Lookup, names: &[&str], extract: impl Fn(&SlotWrapper) -> Option<F>, tramp: F) -> Option<F> {
    match resolve(look, names) {
        Res::Absent | Res::NoneValue => None,
        Res::Tramp => Some(tramp),
        Res::Native(ws) => Some(extract(&ws[0]).unwrap_or(tramp)),
    }
}

/// Like `pick`, but a dunder explicitly set to None installs the trampoline, which raises
/// CPython's error (`__iter__ = None`: "not iterable", `__contains__ = None`: "not a container")
/// instead of falling back to `__getitem__` iteration.
fn pick_none_blocks<F: Copy>(look: Lookup, names: &[&str], extract: impl Fn(&SlotWrapper) -> Option<F>, tramp: F) -> Option<F> {
    match resolve(look, names) {
        Res::NoneValue => Some(tramp),
        _ => pick(look, names, extract, tramp),
    }
}

/// The slots of heap type `t`. A slot depends only on how its dunders resolve, so when
/// `t`'s MRO is `t` then its base's MRO, every slot none of whose dunders is in `t`'s own
/// dict is the base's (a class defining `__init__` and `__repr__` looks up those two
/// groups, not all ~75 dunders through its MRO: class creation at import time).
fn compute_slots(t: &TypeObject) -> Slots {
    let look = |n: &str| t.lookup_str(n);
    let Some(mut s) = base_slots(t) else {
        let mut s = Slots::default();
        fill_slots(&mut s, &look, &|_| true);
        return s;
    };
    let Some(own) = t.dict().borrow().clone() else { return s };
    let own_dunders: Vec<String> =
        dict::keys(&own).iter().filter_map(|k| pystr::as_str(k).filter(|k| is_dunder(k)).map(str::to_string)).collect();
    fill_slots(&mut s, &look, &|names| names.iter().any(|n| own_dunders.iter().any(|d| d == n)));
    s
}

/// The slots `t` takes from its first base where its own dict is silent: that base's,
/// when `t`'s MRO is exactly `t` followed by the base's MRO (else None).
fn base_slots(t: &TypeObject) -> Option<Slots> {
    let rest = t.mro_rest.borrow();
    let base = as_type(rest.first()?);
    let base_rest = base.mro_rest.borrow();
    if rest.len() != base_rest.len() + 1 || !rest[1..].iter().zip(base_rest.iter()).all(|(a, b)| a.is(b)) {
        return None;
    }
    // A heap type's slots are `compute_slots`' (kept current by `update_slots_recursive`,
    // which updates a class before its subclasses); a built-in's are its own, so a
    // subclass gets what `fill_slots` makes of the built-in's look-ups.
    Some(if base.is_heap_type() { *base.slots() } else { builtin_base_slots(base) })
}

/// `fill_slots` over built-in type `b`'s look-ups, once per built-in (their dicts never
/// change).
fn builtin_base_slots(b: &TypeObject) -> Slots {
    static MEMO: crate::gil::GilCell<std::cell::RefCell<Vec<(usize, Slots)>>> = crate::gil::GilCell::new(std::cell::RefCell::new(Vec::new()));
    let key = b as *const TypeObject as usize;
    if let Some(s) = MEMO.with(|m| m.borrow().iter().find(|(k, _)| *k == key).map(|(_, s)| *s)) {
        return s;
    }
    let mut s = Slots::default();
    fill_slots(&mut s, &|n: &str| b.lookup_str(n), &|_| true);
    MEMO.with(|m| m.borrow_mut().push((key, s)));
    s
}

/// Sets each group of slots of `s` that `wanted` names (by the group's dunders) from
/// look-ups through `look`; the other groups keep their value. Never inlined: its two
/// callers would each carry a copy of this large body (~11 KB of every executable).
#[inline(never)]
fn fill_slots(s: &mut Slots, look: Lookup, wanted: &dyn Fn(&[&str]) -> bool) {
    use SlotWrapper as W;
    macro_rules! group {
        ($field:expr, $names:expr, $how:ident, $extract:expr, $tramp:expr) => {{
            let names: &[&str] = &$names;
            if wanted(names) {
                $field = $how(look, names, $extract, $tramp);
            }
        }};
    }
    let unary = |w: &SlotWrapper| if let W::Unary(f) = w { Some(*f) } else { None };
    group!(s.repr, ["__repr__"], pick, unary, slot_repr as UnaryFn);
    group!(s.str, ["__str__"], pick, unary, slot_str as UnaryFn);
    group!(s.hash, ["__hash__"], pick, |w| if let W::Hash(f) = w { Some(*f) } else { None }, slot_hash as fn(&Obj) -> PyResult<i64>);
    group!(
        s.richcompare,
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"],
        pick,
        |w| if let W::RichCmp(f, _) = w { Some(*f) } else { None },
        slot_richcompare as fn(&Obj, &Obj, CmpOp) -> PyResult<Obj>
    );
    group!(s.iter, ["__iter__"], pick_none_blocks, unary, slot_iter as UnaryFn);
    group!(s.next, ["__next__"], pick, |w| if let W::Next(f) = w { Some(*f) } else { None }, slot_next as fn(&Obj) -> PyResult<Option<Obj>>);
    group!(s.len, ["__len__"], pick, |w| if let W::Len(f) = w { Some(*f) } else { None }, slot_len as fn(&Obj) -> PyResult<usize>);
    group!(s.getitem, ["__getitem__"], pick, |w| if let W::GetItem(f) = w { Some(*f) } else { None }, slot_getitem as fn(&Obj, &Obj) -> PyResult<Obj>);
    group!(
        s.setitem,
        ["__setitem__", "__delitem__"],
        pick,
        |w| match w {
            W::SetItem(f) | W::DelItem(f) => Some(*f),
            _ => None,
        },
        slot_setitem as fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>
    );
    group!(s.contains, ["__contains__"], pick_none_blocks, |w| if let W::Contains(f) = w { Some(*f) } else { None }, slot_contains as fn(&Obj, &Obj) -> PyResult<bool>);
    group!(s.bool, ["__bool__"], pick, |w| if let W::Bool(f) = w { Some(*f) } else { None }, slot_bool as fn(&Obj) -> PyResult<bool>);
    group!(s.call, ["__call__"], pick, |w| if let W::Call(f) = w { Some(*f) } else { None }, slot_call as crate::types::typeobj::CallFn);
    group!(
        s.getattro,
        ["__getattribute__", "__getattr__"],
        pick,
        |w| if let W::GetAttr(f) = w { Some(*f) } else { None },
        slot_getattro as fn(&Obj, &Obj) -> PyResult<Obj>
    );
    group!(
        s.setattro,
        ["__setattr__", "__delattr__"],
        pick,
        |w| match w {
            W::SetAttr(f) | W::DelAttr(f) => Some(*f),
            _ => None,
        },
        slot_setattro as fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>
    );
    group!(s.descr_get, ["__get__"], pick, |w| if let W::DescrGet(f) = w { Some(*f) } else { None }, slot_descr_get as fn(&Obj, Option<&Obj>, &Obj) -> PyResult<Obj>);
    group!(
        s.descr_set,
        ["__set__", "__delete__"],
        pick,
        |w| match w {
            W::DescrSet(f) | W::DescrDelete(f) => Some(*f),
            _ => None,
        },
        slot_descr_set as fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>
    );
    group!(s.neg, ["__neg__"], pick, unary, slot_neg as UnaryFn);
    group!(s.pos, ["__pos__"], pick, unary, slot_pos as UnaryFn);
    group!(s.invert, ["__invert__"], pick, unary, slot_invert as UnaryFn);
    group!(s.abs, ["__abs__"], pick, unary, slot_abs as UnaryFn);
    group!(s.int, ["__int__"], pick, unary, slot_int as UnaryFn);
    group!(s.float, ["__float__"], pick, unary, slot_float as UnaryFn);
    group!(s.index, ["__index__"], pick, unary, slot_index as UnaryFn);
    group!(s.init, ["__init__"], pick, |w| if let W::Init(f) = w { Some(*f) } else { None }, slot_init as crate::types::typeobj::CallFn);
    // Heap types are traversed by `gc::traverse_object` (type, dict, built-in base).
    s.traverse = None;
    s.clear = None;
    if wanted(&["__del__"]) {
        s.finalize = look("__del__").map(|_| crate::gc::call_del as fn(&Obj));
    }
    let bin = |w: &SlotWrapper| match w {
        W::Binary(f) | W::BinaryR(f) => Some(*f),
        _ => None,
    };
    for op in BinOp::ALL {
        let (n, r, i) = op.dunders();
        let k = op as usize;
        group!(s.number[k], [n, r], pick, bin, NUMBER_TRAMPOLINES[k]);
        group!(s.inplace[k], [i], pick, bin, INPLACE_TRAMPOLINES[k]);
    }
    if wanted(&["__new__"]) {
        s.new = match look("__new__") {
            None => None,
            Some(v) => match is_new_wrapper(&v) {
                Some(owner) => owner.slots().new,
                None => Some(slot_new),
            },
        };
    }
}

/// Recomputes the slots of a heap type from its MRO.
pub fn update_slots(t: &TypeObject) {
    if !t.is_heap_type() {
        return;
    }
    let s = compute_slots(t);
    *t.slots.borrow_mut() = s;
}

fn update_slots_recursive(t: &TypeObject) {
    update_slots(t);
    let subs: Vec<*const TypeObject> = t.subclasses.borrow().clone();
    for s in subs {
        update_slots_recursive(unsafe { &*s });
    }
}

// ----- trampolines -----

fn lookup(o: &Obj, name: &str) -> Option<Obj> {
    o.ty().lookup_str(name)
}

/// Calls `type(o).name(o, *args)`; `Ok(None)` when the class has no such attribute.
fn call_dunder(o: &Obj, name: &str, args: &[Obj]) -> PyResult<Option<Obj>> {
    match lookup(o, name) {
        Some(m) => call_unbound(&m, o, args, &KwArgs::EMPTY).map(Some),
        None => Ok(None),
    }
}

/// Like `call_dunder` but a missing method is `AttributeError(name)` (vectorcall_method).
fn call_dunder_req(o: &Obj, name: &str, args: &[Obj]) -> PyResult<Obj> {
    match call_dunder(o, name, args)? {
        Some(v) => Ok(v),
        None => Err(attribute_error(name)),
    }
}

fn slot_repr(o: &Obj) -> PyResult<Obj> {
    match call_dunder(o, "__repr__", &[])? {
        Some(v) => Ok(v),
        None => crate::types::object::object_repr(o),
    }
}

fn slot_str(o: &Obj) -> PyResult<Obj> {
    match call_dunder(o, "__str__", &[])? {
        Some(v) => Ok(v),
        None => protocol::repr(o),
    }
}

fn slot_hash(o: &Obj) -> PyResult<i64> {
    let m = lookup(o, "__hash__");
    let Some(m) = m.filter(|m| !none::is_none(m)) else {
        return Err(type_error(format!("unhashable type: '{}'", o.type_name())));
    };
    let r = call_unbound(&m, o, &[], &KwArgs::EMPTY)?;
    if !r.is_small_int() && !r.isinstance(types().int) {
        return Err(type_error("__hash__ method should return an integer"));
    }
    // CPython keeps a result that fits a hash as it is, so that `__hash__` returning
    // `hash(y)` hashes like `y` (str hashes use all 64 bits); only bigger ints are hashed.
    let h = match int::to_i64(&r) {
        Some(h) => h,
        None => protocol::hash(&int::exact_int(&r))?,
    };
    Ok(if h == -1 { -2 } else { h })
}

fn slot_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    match call_dunder(a, op.dunders().0, &[b.clone()])? {
        Some(v) => Ok(v),
        None => Ok(none::not_implemented()),
    }
}

fn slot_iter(o: &Obj) -> PyResult<Obj> {
    match lookup(o, "__iter__") {
        Some(m) if !none::is_none(&m) => call_unbound(&m, o, &[], &KwArgs::EMPTY),
        _ => Err(type_error(format!("'{}' object is not iterable", o.type_name()))),
    }
}

/// `next(o)` as the `next()` builtin sees it: like the `next` slot, except that a
/// StopIteration raised by a Python-level `__next__` stays an `Err` (keeping its value)
/// instead of becoming plain exhaustion.
pub fn next_keep_stop(o: &Obj) -> PyResult<Option<Obj>> {
    match o.ty().slots().next {
        Some(f) if f as usize == slot_next as fn(&Obj) -> PyResult<Option<Obj>> as usize => {
            call_dunder_req(o, "__next__", &[]).map(Some)
        }
        Some(f) => f(o),
        None => Err(type_error(format!("'{}' object is not an iterator", o.type_name()))),
    }
}

/// Calls `f` on every `__slots__` cell of the object at `h` (cells of each heap type in its
/// base chain: the last `8 * slot_names.len()` bytes of that type's `basicsize`).
/// Used by deallocation and by the cycle collector (traverse / clear).
/// Safety: `h` must be a live object (or one being deallocated) of its recorded type.
#[inline]
pub unsafe fn for_each_member_cell(h: *mut ObjHeader, f: &mut dyn FnMut(&mut Option<Obj>)) {
    let mut t: &TypeObject = &*(*h).ty;
    // most classes have none: no walk of the base chain per deallocation
    if t.flags.get() & flags::MEMBER_CELLS == 0 {
        return;
    }
    loop {
        if t.is_heap_type() {
            let n = t.slot_names.try_borrow().map_or(0, |v| v.len());
            if n > 0 && t.basicsize >= 8 * n {
                let start = t.basicsize - 8 * n;
                for i in 0..n {
                    f(&mut *((h as *mut u8).add(start + 8 * i) as *mut Option<Obj>));
                }
            }
        }
        match &t.base {
            Some(b) => t = as_type(b),
            None => break,
        }
    }
}

fn slot_next(o: &Obj) -> PyResult<Option<Obj>> {
    match call_dunder_req(o, "__next__", &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(exc().stop_iteration) => Ok(None),
        Err(e) => Err(e),
    }
}

fn slot_len(o: &Obj) -> PyResult<usize> {
    let r = call_dunder_req(o, "__len__", &[])?;
    let i = protocol::index(&r)?;
    match int::to_i64(&i) {
        Some(n) if n < 0 => Err(value_error("__len__() should return >= 0")),
        Some(n) => Ok(n as usize),
        None => {
            if protocol::lt(&i, &int::from_i64(0))? {
                Err(value_error("__len__() should return >= 0"))
            } else {
                Err(crate::errors::overflow_error(format!("cannot fit '{}' into an index-sized integer", i.type_name())))
            }
        }
    }
}

fn slot_getitem(o: &Obj, k: &Obj) -> PyResult<Obj> {
    call_dunder_req(o, "__getitem__", &[k.clone()])
}

fn slot_setitem(o: &Obj, k: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) => call_dunder_req(o, "__setitem__", &[k.clone(), v.clone()]),
        None => call_dunder_req(o, "__delitem__", &[k.clone()]),
    }
    .map(|_| ())
}

fn slot_contains(o: &Obj, v: &Obj) -> PyResult<bool> {
    match lookup(o, "__contains__") {
        Some(m) if none::is_none(&m) => Err(type_error(format!("'{}' object is not a container", o.type_name()))),
        Some(m) => protocol::is_true(&call_unbound(&m, o, &[v.clone()], &KwArgs::EMPTY)?),
        None => {
            let it = protocol::iter(o)?;
            while let Some(x) = protocol::next(&it)? {
                if protocol::eq(&x, v)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn slot_bool(o: &Obj) -> PyResult<bool> {
    match lookup(o, "__bool__") {
        Some(m) => {
            let r = call_unbound(&m, o, &[], &KwArgs::EMPTY)?;
            if !r.is_small_int() && r.is_exact(types().bool_) {
                return Ok(r.is(&none::true_()));
            }
            Err(type_error(format!("__bool__ should return bool, returned {}", r.type_name())))
        }
        None => match o.ty().slots().len {
            Some(f) => Ok(f(o)? != 0),
            None => Ok(true),
        },
    }
}

fn slot_call(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    match lookup(o, "__call__") {
        Some(m) => call_unbound(&m, o, args, kw),
        None => Err(type_error(format!("'{}' object is not callable", o.type_name()))),
    }
}

fn slot_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    let ga = lookup(o, "__getattribute__");
    let r = match &ga {
        Some(m) => match descriptors::as_slot_wrapper(m) {
            Some(SlotWrapper::GetAttr(f)) => f(o, name),
            _ => call_unbound(m, o, &[name.clone()], &KwArgs::EMPTY),
        },
        None => crate::types::object::generic_getattr(o, name),
    };
    match r {
        Err(e) if e.matches(exc().attribute_error) => match lookup(o, "__getattr__") {
            Some(g) => call_unbound(&g, o, &[name.clone()], &KwArgs::EMPTY),
            None => Err(e),
        },
        r => r,
    }
}

fn slot_setattro(o: &Obj, name: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) => call_dunder_req(o, "__setattr__", &[name.clone(), v.clone()]),
        None => call_dunder_req(o, "__delattr__", &[name.clone()]),
    }
    .map(|_| ())
}

fn slot_descr_get(d: &Obj, inst: Option<&Obj>, owner: &Obj) -> PyResult<Obj> {
    let inst = inst.cloned().unwrap_or_else(none::none);
    match lookup(d, "__get__") {
        Some(m) => call_unbound(&m, d, &[inst, owner.clone()], &KwArgs::EMPTY),
        None => Ok(d.clone()),
    }
}

fn slot_descr_set(d: &Obj, inst: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) => call_dunder_req(d, "__set__", &[inst.clone(), v.clone()]),
        None => call_dunder_req(d, "__delete__", &[inst.clone()]),
    }
    .map(|_| ())
}

fn unary_tramp(o: &Obj, name: &str) -> PyResult<Obj> {
    call_dunder_req(o, name, &[])
}
fn slot_neg(o: &Obj) -> PyResult<Obj> {
    unary_tramp(o, "__neg__")
}
fn slot_pos(o: &Obj) -> PyResult<Obj> {
    unary_tramp(o, "__pos__")
}
fn slot_invert(o: &Obj) -> PyResult<Obj> {
    unary_tramp(o, "__invert__")
}
fn slot_abs(o: &Obj) -> PyResult<Obj> {
    unary_tramp(o, "__abs__")
}
fn slot_int(o: &Obj) -> PyResult<Obj> {
    let r = unary_tramp(o, "__int__")?;
    if !r.is_small_int() && !r.isinstance(types().int) {
        return Err(type_error(format!("__int__ returned non-int (type {})", r.type_name())));
    }
    Ok(r)
}
fn slot_float(o: &Obj) -> PyResult<Obj> {
    let r = unary_tramp(o, "__float__")?;
    if r.is_small_int() || !r.isinstance(types().float) {
        return Err(type_error(format!("{}.__float__ returned non-float (type {})", o.type_name(), r.type_name())));
    }
    Ok(r)
}
fn slot_index(o: &Obj) -> PyResult<Obj> {
    let r = unary_tramp(o, "__index__")?;
    if !r.is_small_int() && !r.isinstance(types().int) {
        return Err(type_error(format!("__index__ returned non-int (type {})", r.type_name())));
    }
    Ok(r)
}

fn slot_init(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let Some(m) = o.ty().lookup(&crate::static_name!("__init__")) else { return Ok(none::none()) };
    init_result(call_unbound(&m, o, args, kw)?)
}

#[inline]
fn init_result(r: Obj) -> PyResult<Obj> {
    if !none::is_none(&r) {
        return Err(init_returned(&r));
    }
    Ok(r)
}

#[cold]
fn init_returned(r: &Obj) -> crate::object::PyErr {
    type_error(format!("__init__() should return None, not '{}'", r.type_name()))
}

/// The `__init__` of class `cls` (an exact `type` instance) when `cls(*args)` needs
/// nothing but a bare instance and that call: `__new__` is `object.__new__`, `__init__`
/// comes from a class namespace (the `slot_init` slot; any callable, bound by
/// `call_unbound`), the class is not abstract.
pub fn plain_init(cls: &Obj) -> Option<Obj> {
    let t = as_type(cls);
    let s = t.slots();
    let object_new = crate::types::object::object_new as *const () as usize;
    if s.new? as usize != object_new || s.init? as usize != slot_init as *const () as usize || t.has_flag(flags::IS_ABSTRACT) {
        return None;
    }
    t.lookup(&crate::static_name!("__init__"))
}

/// `cls(*args)` for a class `plain_init` accepted, `init` being what it returned: what
/// `type_call` does in that case (`object.__new__` then `__init__`), without going through
/// the slots.
pub fn construct_plain(cls: &Obj, init: &Obj, args: &[Obj]) -> PyResult<Obj> {
    let obj = crate::types::object::new_instance(as_type(cls));
    init_result(call_unbound(init, &obj, args, &KwArgs::EMPTY)?)?;
    Ok(obj)
}

/// How CPython words the RecursionError of calling a class (heap types have no
/// vectorcall in 3.11: `_PyObject_MakeTpCall` counts the level). Builtin calls keep the
/// plain wording: CPython counts no level for most of them (METH_FASTCALL), so the
/// RecursionError a chain through them meets is usually a Python frame's.
const CALLING: &str = " while calling a Python object";

/// `construct_plain` as a call of the class: one recursion level, whose RecursionError
/// says what CPython's says for a class call.
pub fn call_plain(cls: &Obj, init: &Obj, args: &[Obj]) -> PyResult<Obj> {
    crate::recursion::enter_for(CALLING)?;
    let r = construct_plain(cls, init, args);
    crate::recursion::leave();
    r
}

/// A call site's cache (abi.rs `pyrt_call_fill`) holding a class's construction:
/// [`site_mark(kind, ntot)` (plus `REGISTER`), the class, its version, the class epoch,
/// its `__init__` or 0, the `__init__`'s native entry for `ntot + 1` arguments
/// (`frame::direct_target`) or 0; with `REGISTER`, that entry's register-argument entry
/// instead (`frame::register_entry`, asked once here rather than on every call)].
/// The `__init__` is borrowed: while the class keeps that version and no class namespace
/// has changed (the epoch), a namespace along its MRO still holds it — the rule of the
/// type attribute cache (typeobj.rs `lookup_cache`). Versions are never reused, so a new
/// class at a freed class's address cannot pass the guard.
const SITE_MARK: u64 = 1;
/// Marks a plain-class site whose last word is the `__init__`'s register-argument entry.
const REGISTER: u64 = 1 << 40;
/// The first word of a site that saw a class `site_plan` rejects (same other words, but
/// no `__init__`): the call takes the generic path without asking again.
const NOT_PLAIN: u64 = u64::MAX;

/// How a cached construction makes the instance its `__init__` gets (`site_plan`).
#[derive(Clone, Copy, PartialEq)]
enum NewKind {
    /// `object.__new__`: a bare instance (a plain class, `plain_init`).
    Object = 0,
    /// `BaseException.__new__`: an exception holding the call's arguments (`raise
    /// NotFound(i)`, `ValueError("bad value")`).
    Exception = 1,
}

/// The first word of a construction record: odd (no callee entry has an odd first word),
/// the kind and the number of arguments the site passes.
fn site_mark(kind: NewKind, nargs: usize) -> u64 {
    SITE_MARK | (kind as u64) << 1 | (nargs as u64) << 2
}

/// What a call site may cache for `cls(*args)` (`cls` an exact `type` instance): how the
/// instance is made and the `__init__` to call then (None: nothing to call). A plain
/// class (`plain_init`), or an exception class made by `BaseException.__new__` whose
/// `__init__` is a class namespace's (`slot_init`) or `BaseException.__init__` (which
/// finds the arguments `__new__` stored and does nothing: not called). Other classes:
/// None, the generic `type_call`.
fn site_plan(cls: &Obj) -> Option<(NewKind, Option<Obj>)> {
    if let Some(init) = plain_init(cls) {
        return Some((NewKind::Object, Some(init)));
    }
    let t = as_type(cls);
    if t.has_flag(flags::IS_ABSTRACT) {
        return None;
    }
    match crate::types::exceptions::base_new_and_init(t) {
        (true, true) => Some((NewKind::Exception, None)),
        (true, false) if t.slots().init.is_some_and(|f| f as usize == slot_init as *const () as usize) => {
            t.lookup(&crate::static_name!("__init__")).map(|init| (NewKind::Exception, Some(init)))
        }
        _ => None,
    }
}

/// `cls(*args)` at a call site with cache `site`: through the cached construction when
/// the site has seen this class, else fills the site when `site_plan` accepts `cls`.
/// `None`: the caller takes the generic path.
pub fn construct_at_site(site: &mut [u64; 6], cls: &Obj, args: &[Obj]) -> Option<PyResult<Obj>> {
    if site[1] == cls.raw() {
        let t = as_type(cls);
        if site[2] == t.version.get() && site[3] == crate::types::typeobj::class_epoch() {
            if site[0] & !REGISTER == site_mark(NewKind::Object, args.len()) {
                // SAFETY: the guard above keeps the cached `__init__` alive (see
                // SITE_MARK) until Python code runs; a non-zero entry word is the native
                // entry `direct_target` gave for it, or with `REGISTER` that entry's
                // register-argument entry. The call holds its own reference: the
                // recursion check point (a collection's finalizers, a signal handler,
                // another thread) and `__init__` itself may replace it in the class.
                let init = &unsafe { Obj::borrow_raw(&site[4]) }.clone();
                if site[5] == 0 {
                    return Some(call_plain(cls, init, args));
                }
                let target = if site[0] & REGISTER != 0 {
                    Target::Register(site[5])
                } else {
                    Target::Frame(unsafe { std::mem::transmute::<usize, crate::types::code::NativeFn>(site[5] as usize) })
                };
                return Some(construct_direct(t, init, target, args));
            }
            if site[0] == site_mark(NewKind::Exception, args.len()) {
                // (the `__init__` held for the call, as above)
                let init = (site[4] != 0).then(|| unsafe { Obj::borrow_raw(&site[4]) }.clone());
                return Some(construct_cached(t, NewKind::Exception, init.as_ref().map_or(0, Obj::raw), site[5], args));
            }
            if site[0] == NOT_PLAIN {
                return None;
            }
        }
    }
    if !cls.is_exact(types().type_) {
        return None;
    }
    let epoch = crate::types::typeobj::class_epoch();
    let (version, raw) = (as_type(cls).version.get(), cls.raw());
    let Some((kind, init)) = site_plan(cls) else {
        *site = [NOT_PLAIN, raw, version, epoch, 0, 0];
        return None;
    };
    let mark = site_mark(kind, args.len());
    let direct = init.as_ref().and_then(|i| crate::frame::direct_target(i, args.len() + 1));
    let (mark, entry) = match direct {
        None => (mark, 0),
        Some((_, e)) => match crate::frame::register_entry(e) {
            reg if reg != 0 && kind == NewKind::Object && args.len() < crate::frame::MAX_REGISTER_ARGS => (mark | REGISTER, reg),
            _ => (mark, e as usize as u64),
        },
    };
    *site = [mark, raw, version, epoch, init.as_ref().map_or(0, Obj::raw), entry];
    match init {
        Some(init) if kind == NewKind::Object => Some(call_plain(cls, &init, args)),
        _ => Some(construct_cached(as_type(cls), kind, site[4], site[5], args)),
    }
}

/// How a site calls a plain class's `__init__`: its native entry (`direct_target`), or
/// that entry's register-argument entry.
enum Target {
    Frame(crate::types::code::NativeFn),
    Register(u64),
}

/// `call_plain` for an `__init__` with native entry `target`: the plain-class hit of
/// `construct_at_site`, kept apart from `construct_cached` so that its code stays what
/// `Node(left, right)` sites need.
fn construct_direct(t: &TypeObject, init: &Obj, target: Target, args: &[Obj]) -> PyResult<Obj> {
    crate::recursion::enter_for(CALLING)?;
    let obj = crate::types::object::new_instance(t);
    let called = match target {
        Target::Frame(entry) => crate::frame::call_entry(init, entry, Some(&obj), args),
        Target::Register(reg) => crate::frame::call_register_with_self(init, reg, &obj, args),
    };
    let r = match called {
        Some(r) => r,
        None => call_unbound(init, &obj, args, &KwArgs::EMPTY),
    };
    crate::recursion::leave();
    init_result(r?)?;
    Ok(obj)
}

/// The instance for a plain-class construction that compiled code completes itself
/// (codegen/construct.rs, after the guard of the site's record, whose first word was
/// `mark`, passed): enters the class call's recursion level and returns a new instance
/// of `cls` (a new reference), or 0 with RecursionError set. Entering is a check point
/// where Python code may run (finalizers, signal handlers, other threads) and change
/// the class or the record: when the record no longer holds for `cls`, the level is
/// left again and 1 says so (the caller takes the generic path). `pyrt_construct_done`
/// ends a construction begun.
///
/// # Safety
/// `cls` is a live type object (the call's callee, held by the caller); `site` is the
/// call site's record (six words).
#[no_mangle]
pub unsafe extern "C" fn pyrt_construct_begin(cls: u64, site: *const u64, mark: u64) -> u64 {
    let served = match crate::recursion::enter_for_served(CALLING) {
        Ok(served) => served,
        Err(e) => {
            crate::errors::set_current(e);
            return 0;
        }
    };
    let t = as_type(Obj::borrow_raw(&cls));
    if served && std::slice::from_raw_parts(site, 4) != [mark, cls, t.version.get(), crate::types::typeobj::class_epoch()] {
        crate::recursion::leave();
        return 1;
    }
    crate::types::object::new_instance(t).into_raw()
}

/// Ends a construction `pyrt_construct_begin` began, whose `__init__` returned `r` (a
/// new reference, 0: an exception is set): leaves the recursion level and returns
/// `obj` (the caller's reference), or drops it and returns 0 with the error set (also
/// when `__init__` returned anything but None).
///
/// # Safety
/// `obj` is an owned reference the caller gives up; `r` is 0 or an owned reference.
#[no_mangle]
pub unsafe extern "C" fn pyrt_construct_done(obj: u64, r: u64) -> u64 {
    crate::recursion::leave();
    let obj = Obj::from_raw(obj);
    if r == 0 {
        return 0;
    }
    crate::errors::to_abi(init_result(Obj::from_raw(r)).map(|_| obj))
}

/// A construction `construct_at_site` cached: one recursion level (CPython counts one for
/// calling a class), the instance (`kind`), then `init` (a borrowed reference, 0: none)
/// through its native entry `entry` when there is one (`direct_target`).
fn construct_cached(t: &TypeObject, kind: NewKind, init: u64, entry: u64, args: &[Obj]) -> PyResult<Obj> {
    crate::recursion::enter_for(CALLING)?;
    let obj = match kind {
        NewKind::Object => crate::types::object::new_instance(t),
        NewKind::Exception => crate::types::exceptions::with_args(t, args),
    };
    let r = if init == 0 {
        Ok(none::none())
    } else {
        // SAFETY: `init` is the reference the caller holds (`construct_at_site`); a
        // non-zero entry word is the native entry `direct_target` gave for it.
        let init = unsafe { Obj::borrow_raw(&init) };
        let direct = (entry != 0).then(|| {
            let entry: crate::types::code::NativeFn = unsafe { std::mem::transmute(entry as usize) };
            crate::frame::call_entry(init, entry, Some(&obj), args)
        });
        match direct.flatten() {
            Some(r) => r,
            None => call_unbound(init, &obj, args, &KwArgs::EMPTY),
        }
    };
    crate::recursion::leave();
    init_result(r?)?;
    Ok(obj)
}

fn slot_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let t = as_type(cls);
    let Some(m) = t.lookup_str("__new__") else {
        return Err(type_error(format!("cannot create '{}' instances", t.name())));
    };
    let f = descriptors::bind(&m, None, cls)?;
    let mut v = Vec::with_capacity(args.len() + 1);
    v.push(cls.clone());
    v.extend_from_slice(args);
    protocol::call_kw(&f, &v, kw)
}

/// `a op b` for a user class (CPython's SLOT1BINFULL): the reflected method of a
/// subclass right operand first, then the left's forward method, then the right's
/// reflected one.
fn slot_number<const I: usize>(a: &Obj, b: &Obj) -> PyResult<Obj> {
    binary_dunder(I, slot_number::<I> as *const () as usize, a, b)
}

/// The body of every `slot_number::<I>`, shared so that the 13 trampolines stay a few
/// bytes each; `me` is the trampoline's address, which marks the types whose slot it is.
#[inline(never)]
fn binary_dunder(op_index: usize, me: usize, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (name, rname, _) = BinOp::ALL[op_index].dunders();
    let (ta, tb) = (a.ty(), b.ty());
    let a_is = ta.slots().number[op_index].map_or(false, |f| f as usize == me);
    let b_is = tb.slots().number[op_index].map_or(false, |f| f as usize == me);
    let mut do_other = !std::ptr::eq(ta, tb) && b_is && tb.lookup_str(rname).is_some();
    if a_is {
        if do_other && tb.is_subtype(ta) && method_is_overloaded(ta, tb, rname) {
            let r = call_dunder(b, rname, &[a.clone()])?.unwrap_or_else(none::not_implemented);
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
            do_other = false;
        }
        let r = call_dunder(a, name, &[b.clone()])?.unwrap_or_else(none::not_implemented);
        if !none::is_not_implemented(&r) || std::ptr::eq(ta, tb) {
            return Ok(r);
        }
    }
    if do_other {
        return Ok(call_dunder(b, rname, &[a.clone()])?.unwrap_or_else(none::not_implemented));
    }
    Ok(none::not_implemented())
}

/// Does `right` define `name` differently from `left`?
fn method_is_overloaded(left: &TypeObject, right: &TypeObject, name: &str) -> bool {
    let b = right.lookup_str(name);
    let a = left.lookup_str(name);
    match (a, b) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(a), Some(b)) => !a.is(&b),
    }
}

fn slot_inplace<const I: usize>(a: &Obj, b: &Obj) -> PyResult<Obj> {
    inplace_dunder(I, a, b)
}

#[inline(never)]
fn inplace_dunder(op_index: usize, a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (_, _, iname) = BinOp::ALL[op_index].dunders();
    Ok(call_dunder(a, iname, &[b.clone()])?.unwrap_or_else(none::not_implemented))
}

type BinFn = fn(&Obj, &Obj) -> PyResult<Obj>;
const NUMBER_TRAMPOLINES: [BinFn; 13] = [
    slot_number::<0>,
    slot_number::<1>,
    slot_number::<2>,
    slot_number::<3>,
    slot_number::<4>,
    slot_number::<5>,
    slot_number::<6>,
    slot_number::<7>,
    slot_number::<8>,
    slot_number::<9>,
    slot_number::<10>,
    slot_number::<11>,
    slot_number::<12>,
];
const INPLACE_TRAMPOLINES: [BinFn; 13] = [
    slot_inplace::<0>,
    slot_inplace::<1>,
    slot_inplace::<2>,
    slot_inplace::<3>,
    slot_inplace::<4>,
    slot_inplace::<5>,
    slot_inplace::<6>,
    slot_inplace::<7>,
    slot_inplace::<8>,
    slot_inplace::<9>,
    slot_inplace::<10>,
    slot_inplace::<11>,
    slot_inplace::<12>,
];

// ===================== class creation =====================

/// The most derived metaclass of `meta` and the bases' metaclasses ("metaclass conflict").
pub fn calculate_metaclass(meta: &Obj, bases: &[Obj]) -> PyResult<Obj> {
    let mut winner = meta.clone();
    for b in bases {
        let tb = b.type_obj();
        let (w, t) = match (downcast_type(&winner), downcast_type(&tb)) {
            (Some(w), Some(t)) => (w, t),
            _ => continue,
        };
        if w.is_subtype(t) {
            continue;
        }
        if t.is_subtype(w) {
            winner = tb;
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// The "solid base": the nearest ancestor that changes the instance layout.
fn solid_base(t: &'static TypeObject) -> &'static TypeObject {
    let key = |t: &TypeObject| (t.drop_payload as usize, if t.dict_offset != 0 { t.dict_offset } else { t.basicsize });
    let mut cur = t;
    loop {
        let Some(b) = &cur.base else { return cur };
        let b = as_type(b);
        if cur.is_heap_type() && !cur.slot_names.borrow().is_empty() {
            return cur;
        }
        if cur.is_heap_type() || key(cur) == key(b) {
            cur = b;
        } else {
            return cur;
        }
    }
}

fn best_base(bases: &[Obj]) -> PyResult<&'static TypeObject> {
    let mut best: Option<(&'static TypeObject, &'static TypeObject)> = None;
    for b in bases {
        let bt = as_type(b);
        let s = solid_base(bt);
        match best {
            None => best = Some((bt, s)),
            Some((_, bs)) => {
                // As CPython: keep the earlier base on ties (its solid base is already at
                // least as derived); switch only to a strictly more derived layout.
                if !bs.is_subtype(s) {
                    if !s.is_subtype(bs) {
                        return Err(type_error("multiple bases have instance lay-out conflict"));
                    }
                    best = Some((bt, s));
                }
            }
        }
    }
    Ok(best.map(|b| b.0).unwrap_or(types().object))
}

/// C3 linearization of `bases` (the new class itself excluded).
fn c3_mro(bases: &[Obj]) -> PyResult<Vec<Obj>> {
    let mut seqs: Vec<Vec<Obj>> = bases.iter().map(|b| as_type(b).mro()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Obj> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut cand = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs.iter().any(|t| t[1..].iter().any(|x| x.is(head)));
            if !in_tail {
                cand = Some(head.clone());
                break;
            }
        }
        let Some(c) = cand else {
            let mut names: Vec<String> = Vec::new();
            let mut seen: Vec<Obj> = Vec::new();
            for s in &seqs {
                if !seen.iter().any(|x| x.is(&s[0])) {
                    seen.push(s[0].clone());
                    names.push(as_type(&s[0]).name().to_string());
                }
            }
            return Err(type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// Copies any mapping into a new dict.
fn copy_namespace(ns: &Obj) -> PyResult<Obj> {
    let d = dict::new();
    if dict::is_dict(ns) {
        for (k, v) in dict::items(ns) {
            dict::set_item(&d, k, v)?;
        }
        return Ok(d);
    }
    let keys = protocol::call_method(ns, "keys", &[])?;
    for k in protocol::collect(&keys)? {
        let v = protocol::getitem(ns, &k)?;
        dict::set_item(&d, k, v)?;
    }
    Ok(d)
}

fn dict_get(d: &Obj, k: &str) -> Option<Obj> {
    dict::get_item_str(d, &pystr::intern(k))
}

fn dict_del(d: &Obj, k: &str) {
    let _ = dict::del_item(d, &pystr::intern(k));
}

/// `type.__new__(meta, name, bases, namespace, **kw)`: creates a class.
pub fn new_class(meta: &Obj, name: &Obj, bases: &Obj, namespace: &Obj, kw: &KwArgs) -> PyResult<Obj> {
    let name_s = pystr::as_str(name).ok_or_else(|| type_error("type.__new__() argument 1 must be str"))?.to_string();
    let mut base_list: Vec<Obj> = protocol::collect(bases)?;
    // Metaclass: the most derived one; defer to it if it has its own __new__.
    let winner = calculate_metaclass(meta, &base_list)?;
    if !winner.is(meta) {
        let wt = as_type(&winner);
        if let Some(n) = wt.slots().new {
            if n as usize != type_new as *const () as usize {
                return n(&winner, &[name.clone(), bases.clone(), namespace.clone()], kw);
            }
        }
    }
    let meta_t = as_type(&winner);
    if base_list.is_empty() {
        base_list.push(types().object.as_obj());
    }
    for (i, b) in base_list.iter().enumerate() {
        let Some(bt) = downcast_type(b) else {
            return Err(type_error("bases must be types"));
        };
        if !bt.has_flag(flags::BASETYPE) {
            return Err(type_error(format!("type '{}' is not an acceptable base type", bt.tp_name())));
        }
        if base_list[..i].iter().any(|x| x.is(b)) {
            return Err(type_error(format!("duplicate base class {}", bt.name())));
        }
    }
    let base = best_base(&base_list)?;
    let d = copy_namespace(namespace)?;

    // __qualname__ / __module__ / __doc__
    let qualname = match dict_get(&d, "__qualname__") {
        Some(q) => {
            let Some(qs) = pystr::as_str(&q) else {
                return Err(type_error(format!("type __qualname__ must be a str, not {}", q.type_name())));
            };
            let qs = qs.to_string();
            dict_del(&d, "__qualname__");
            qs
        }
        None => name_s.clone(),
    };
    if dict_get(&d, "__module__").is_none() {
        if let Some(m) = CALLER_MODULE.with(|c| c.get()).unwrap_or(caller_module_from_frame)() {
            dict::set_item_str(&d, "__module__", m);
        }
    }
    let module = dict_get(&d, "__module__").and_then(|m| pystr::as_str(&m).map(|s| s.to_string())).unwrap_or_else(|| "builtins".to_string());
    // The implicit `__doc__ = None` does not conflict with a `__doc__` slot (typing's
    // `_SpecialForm`): CPython adds it only after creating the slot descriptors.
    let implicit_doc = dict_get(&d, "__doc__").is_none();
    if implicit_doc {
        dict::set_item_str(&d, "__doc__", none::none());
    }
    // Implicit staticmethod / classmethod.
    if let Some(f) = dict_get(&d, "__new__") {
        if f.isinstance(types().function) {
            dict::set_item_str(&d, "__new__", descriptors::new_staticmethod(f));
        }
    }
    for n in ["__init_subclass__", "__class_getitem__"] {
        if let Some(f) = dict_get(&d, n) {
            if f.isinstance(types().function) {
                dict::set_item_str(&d, n, descriptors::new_classmethod(f));
            }
        }
    }
    // Defining __eq__ without __hash__ makes instances unhashable.
    if dict_get(&d, "__eq__").is_some() && dict_get(&d, "__hash__").is_none() {
        dict::set_item_str(&d, "__hash__", none::none());
    }

    // __slots__
    let mut slot_names: Vec<String> = Vec::new();
    let mut has_slots = false;
    let mut slots_want_dict = false;
    if let Some(sl) = dict_get(&d, "__slots__") {
        has_slots = true;
        let items = if sl.isinstance(types().str) { vec![sl.clone()] } else { protocol::collect(&sl)? };
        for it in items {
            let Some(s) = pystr::as_str(&it) else {
                return Err(type_error(format!("__slots__ items must be strings, not '{}'", it.type_name())));
            };
            if !crate::types::str::is_identifier(s) {
                return Err(type_error("__slots__ must be identifiers"));
            }
            if s == "__dict__" {
                if slots_want_dict || base.dict_offset != 0 && !base.has_flag(flags::SLOTS_ONLY) {
                    return Err(type_error("__dict__ slot disallowed: we already got one"));
                }
                slots_want_dict = true;
                continue;
            }
            if s == "__weakref__" {
                continue;
            }
            let mangled = if s.starts_with("__") && !s.ends_with("__") {
                format!("_{}{}", name_s.trim_start_matches('_'), s)
            } else {
                s.to_string()
            };
            if dict_get(&d, &mangled).is_some() && !(implicit_doc && mangled == "__doc__") {
                return Err(value_error(format!("'{}' in __slots__ conflicts with class variable", mangled)));
            }
            if slot_names.contains(&mangled) {
                continue;
            }
            slot_names.push(mangled);
        }
        if !slot_names.is_empty() {
            let sb = solid_base(base);
            let t = types();
            for v in [t.int, t.tuple, t.bytes, t.str, t.type_] {
                if sb.is_subtype(v) && !std::ptr::eq(v, t.object) {
                    return Err(type_error(format!("nonempty __slots__ not supported for subtype of '{}'", base.name())));
                }
            }
        }
    }

    // Layout: [base layout][__dict__ cell if added here][one Option<Obj> cell per slot].
    // The slot cells are always the last `8 * slot_names.len()` bytes of `basicsize`
    // (see `for_each_member_cell`).
    let mut basicsize = base.basicsize;
    let mut dict_offset = base.dict_offset;
    let is_meta = base.has_flag(flags::TYPE_SUBCLASS);
    let mut added_dict = false;
    if (!has_slots || slots_want_dict) && dict_offset == 0 && !is_meta {
        dict_offset = basicsize;
        basicsize += 8;
        added_dict = true;
    }
    let slots_start = basicsize;
    basicsize += 8 * slot_names.len();
    let inherit = base.flags.get() & !(flags::BASETYPE | flags::HEAPTYPE | flags::SLOTS_ONLY | flags::IS_ABSTRACT);
    // A dict slot added by a heap type holds compact attribute storage (instance_attrs),
    // and so does the dict slot of a built-in exception base: the exception code reaches
    // that slot only through instance_attrs (traverse, clear, `__reduce__`), so a raised
    // subclass instance gets its attributes without a dict and through the site caches.
    let exception_dict = !base.is_heap_type() && base.dict_offset != 0 && base.is_subtype(crate::types::exceptions::exc().base_exception);
    let compact = if added_dict || exception_dict { flags::INLINE_VALUES } else { 0 };
    let cells = if slot_names.is_empty() { 0 } else { flags::MEMBER_CELLS };
    let fl = flags::HEAPTYPE | flags::BASETYPE | inherit | compact | cells;
    let mro_rest = c3_mro(&base_list)?;

    let mut tobj = TypeObject::builtin(&name_s, Some(&base.as_obj()), basicsize, base.drop_payload);
    *tobj.qualname.borrow_mut() = qualname;
    *tobj.module.borrow_mut() = module;
    tobj.flags.set(fl);
    *tobj.bases.borrow_mut() = base_list.clone();
    *tobj.mro_rest.borrow_mut() = mro_rest;
    *tobj.dict().borrow_mut() = Some(d.clone());
    tobj.dict_offset = dict_offset;
    tobj.version.set(crate::types::next_type_version());
    *tobj.slot_names.borrow_mut() = slot_names.clone();
    let new_obj = alloc(meta_t, tobj);
    let t = as_type(&new_obj);
    // (marked once the type has its address: nothing could cache it before)
    dict::mark_class_dict(&d, t);

    for b in &base_list {
        as_type(b).subclasses.borrow_mut().push(t as *const TypeObject);
    }
    if added_dict {
        dict::set_item_str(
            &d,
            "__dict__",
            descriptors::new_getset("__dict__", t, Some(crate::types::object::get_dict_attr), Some(crate::types::object::set_dict_attr)),
        );
        dict::set_item_str(&d, "__weakref__", descriptors::new_getset("__weakref__", t, Some(get_weakref), None));
    }
    for (i, s) in slot_names.iter().enumerate() {
        let off = slots_start + 8 * i;
        dict::set_item_str(&d, s, descriptors::new_member(s, t, descriptors::MemberKind::Slot(off)));
    }
    update_slots(t);

    // __classcell__
    if let Some(cell) = dict_get(&d, "__classcell__") {
        if !function::is_cell(&cell) {
            return Err(type_error(format!(
                "__classcell__ must be a nonlocal cell, not {}",
                protocol::repr_string(&cell.type_obj())?
            )));
        }
        function::cell_set(&cell, Some(new_obj.clone()));
        dict_del(&d, "__classcell__");
    }

    // __set_name__
    for (k, v) in dict::items(&d) {
        if let Some(m) = v.ty().lookup_str("__set_name__") {
            if let Err(e) = call_unbound(&m, &v, &[new_obj.clone(), k.clone()], &KwArgs::EMPTY) {
                let msg = format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    v.type_name(),
                    protocol::repr_string(&k)?,
                    name_s
                );
                let err = runtime_error(msg);
                crate::types::exceptions::set_cause(&err.0, Some(e.0));
                return Err(err);
            }
        }
    }

    // super(type, type).__init_subclass__(**kw)
    let mro = t.mro();
    let isc = pystr::intern("__init_subclass__");
    for c in &mro[1..] {
        if let Some(dd) = as_type(c).dict().borrow().clone() {
            if let Some(f) = dict::get_item_str(&dd, &isc) {
                let bound = descriptors::bind(&f, None, &new_obj)?;
                protocol::call_kw(&bound, &[], kw)?;
                break;
            }
        }
    }
    Ok(new_obj)
}

/// The default caller-module look-up: `__name__` in the current frame's globals.
fn caller_module_from_frame() -> Option<Obj> {
    let f = crate::frame::current();
    if f.is_null() {
        return None;
    }
    // SAFETY: the current frame is live while it runs this call.
    let g = unsafe { &(*f).globals };
    if !dict::is_dict(g) {
        return None;
    }
    dict::get_item_str(g, &pystr::intern("__name__"))
}

fn get_weakref(_o: &Obj) -> PyResult<Obj> {
    Ok(none::none())
}

// ===================== super =====================

#[repr(C)]
pub struct SuperObj {
    pub head: ObjHeader,
    pub type_: Option<Obj>,
    pub obj: Option<Obj>,
    pub obj_type: Option<Obj>,
}

pub fn super_spec() -> TypeSpec {
    let mut s = TypeSpec::new("super", std::mem::size_of::<SuperObj>(), drop_as::<SuperObj>);
    s.slots.new = Some(super_tp_new);
    s.slots.init = Some(super_tp_init);
    s.slots.getattro = Some(super_getattro);
    s.slots.descr_get = Some(super_descr_get);
    s.slots.repr = Some(super_repr);
    s.methods = vec![
        MethodDef::Getter { name: "__thisclass__", get: |o| Ok(sup(o).type_.clone().unwrap_or_else(none::none)) },
        MethodDef::Getter { name: "__self__", get: |o| Ok(sup(o).obj.clone().unwrap_or_else(none::none)) },
        MethodDef::Getter { name: "__self_class__", get: |o| Ok(sup(o).obj_type.clone().unwrap_or_else(none::none)) },
    ];
    s
}

fn sup(o: &Obj) -> &mut SuperObj {
    unsafe { o.payload_mut::<SuperObj>() }
}

fn super_check(type_: &TypeObject, obj: &Obj) -> PyResult<Obj> {
    if let Some(ot) = downcast_type(obj) {
        if ot.is_subtype(type_) {
            return Ok(obj.clone());
        }
    }
    if obj.ty().is_subtype(type_) {
        return Ok(obj.type_obj());
    }
    if let Ok(Some(c)) = protocol::getattr_opt(obj, &pystr::intern("__class__")) {
        if let Some(ct) = downcast_type(&c) {
            if !std::ptr::eq(ct, obj.ty()) && ct.is_subtype(type_) {
                return Ok(c);
            }
        }
    }
    Err(type_error("super(type, obj): obj must be an instance or subtype of type"))
}

/// `super(type_, obj)` (also the zero-argument form once the interpreter found
/// `__class__` and the first argument).
pub fn super_new(type_: Obj, obj: Obj) -> PyResult<Obj> {
    let s = alloc(types().super_, SuperObj { head: header(), type_: None, obj: None, obj_type: None });
    super_fill(&s, type_, Some(obj))?;
    Ok(s)
}

fn super_fill(s: &Obj, type_: Obj, obj: Option<Obj>) -> PyResult<()> {
    let Some(t) = downcast_type(&type_) else {
        return Err(type_error(format!("super() argument 1 must be a type, not {}", type_.type_name())));
    };
    let obj = obj.filter(|o| !none::is_none(o));
    let obj_type = match &obj {
        Some(o) => Some(super_check(t, o)?),
        None => None,
    };
    let p = sup(s);
    p.type_ = Some(type_);
    p.obj = obj;
    p.obj_type = obj_type;
    Ok(())
}

fn super_tp_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(alloc(as_type(cls), SuperObj { head: header(), type_: None, obj: None, obj_type: None }))
}

fn super_tp_init(s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("super() takes no keyword arguments"));
    }
    match a.len() {
        0 => {
            let hook = ZERO_ARG_SUPER.with(|c| c.get()).unwrap_or(zero_arg_super_from_frame);
            let (t, o) = hook()?;
            super_fill(s, t, Some(o))?;
        }
        1 => super_fill(s, a[0].clone(), None)?,
        2 => super_fill(s, a[0].clone(), Some(a[1].clone()))?,
        n => return Err(type_error(format!("super() expected at most 2 arguments, got {}", n))),
    }
    Ok(none::none())
}

/// The default zero-argument `super()`: the calling (interpreted) frame's first argument
/// and its `__class__` cell.
fn zero_arg_super_from_frame() -> PyResult<(Obj, Obj)> {
    let f = crate::frame::current();
    if f.is_null() {
        return Err(runtime_error("super(): no current frame"));
    }
    // SAFETY: the current frame outlives this call (it is the caller's frame).
    let f = unsafe { &*f };
    let co = f.co();
    if co.argcount == 0 {
        return Err(runtime_error("super(): no arguments"));
    }
    let nv = co.varnames.len();
    let mut first = f.localsplus.first().cloned().flatten();
    for (i, &a) in co.cell2arg.iter().enumerate() {
        if a == 0 {
            if let Some(Some(c)) = f.localsplus.get(nv + i) {
                first = function::cell_get(c);
            }
        }
    }
    let Some(first) = first else {
        return Err(runtime_error("super(): arg[0] deleted"));
    };
    let Some(idx) = co.freevars.iter().position(|n| n == "__class__") else {
        return Err(runtime_error("super(): __class__ cell not found"));
    };
    let cell = f.localsplus.get(nv + co.cellvars.len() + idx).cloned().flatten();
    let Some(cls) = cell.and_then(|c| function::cell_get(&c)) else {
        return Err(runtime_error("super(): empty __class__ cell"));
    };
    if downcast_type(&cls).is_none() {
        return Err(runtime_error(format!("super(): __class__ is not a type ({})", cls.type_name())));
    }
    Ok((cls, first))
}

fn super_getattro(s: &Obj, name: &Obj) -> PyResult<Obj> {
    let p = sup(s);
    if let (Some(st), Some(ty)) = (p.obj_type.clone(), p.type_.clone()) {
        if pystr::as_str(name) != Some("__class__") {
            let mro = as_type(&st).mro();
            if let Some(i) = mro.iter().position(|c| c.is(&ty)) {
                for c in &mro[i + 1..] {
                    let Some(d) = as_type(c).dict().borrow().clone() else { continue };
                    if let Some(res) = dict::get_item_str(&d, name) {
                        if let Some(g) = res.ty().slots().descr_get {
                            let inst = match &p.obj {
                                Some(o) if !o.is(&st) => Some(o.clone()),
                                _ => None,
                            };
                            return g(&res, inst.as_ref(), &st);
                        }
                        return Ok(res);
                    }
                }
            }
        }
    }
    crate::types::object::generic_getattr(s, name)
}

fn super_descr_get(s: &Obj, inst: Option<&Obj>, _owner: &Obj) -> PyResult<Obj> {
    let p = sup(s);
    match (inst, &p.obj) {
        (Some(i), None) if !none::is_none(i) => {
            let t = p.type_.clone().unwrap_or_else(none::none);
            let n = protocol::call(&s.type_obj(), &[t, i.clone()])?;
            Ok(n)
        }
        _ => Ok(s.clone()),
    }
}

fn super_repr(s: &Obj) -> PyResult<Obj> {
    let p = sup(s);
    let t = match &p.type_ {
        Some(t) => format!("<class '{}'>", as_type(t).name()),
        None => "NULL".to_string(),
    };
    let r = match &p.obj_type {
        Some(ot) => format!("<super: {}, <{} object>>", t, as_type(ot).name()),
        None => format!("<super: {}, NULL>", t),
    };
    Ok(pystr::from_string(r))
}

// ----- cycle collector (gc.rs): traverse / clear -----

fn type_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let t = as_type(o);
    if let Ok(d) = t.dict_as_is().try_borrow() {
        if let Some(d) = d.as_ref() {
            visit(d);
        }
    }
    if let Some(b) = &t.base {
        visit(b);
    }
    if let Ok(v) = t.bases.try_borrow() {
        for b in v.iter() {
            visit(b);
        }
    }
    if let Ok(v) = t.mro_rest.try_borrow() {
        for b in v.iter() {
            visit(b);
        }
    }
}

/// Empties the class dict (the mro and bases only reference other classes).
fn type_clear(o: &Obj) {
    let t = as_type(o);
    let d = t.dict_as_is().try_borrow().ok().and_then(|d| d.clone());
    if let Some(d) = d {
        t.modified();
        dict::clear(&d);
    }
}
