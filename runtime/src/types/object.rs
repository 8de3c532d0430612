//! `object`: the root of every class. Its `__new__`/`__init__` (with CPython's
//! excess-argument rules), default `repr`/`str`/`hash`/`==`/`!=`, `__format__`,
//! `__dir__`, `__class__`, `__init_subclass__`, `__subclasshook__`, and the generic
//! attribute protocol (`generic_getattr` / `generic_setattr`: PyObject_GenericGetAttr and
//! PyObject_GenericSetAttr — data descriptors on the type win over the instance
//! `__dict__`, which wins over non-data descriptors and plain class attributes).

use pyc_frontend::bytecode::CmpOp;

use crate::errors::{attribute_error, attribute_error_for, type_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::typeobj::{as_type, downcast_type, drop_nothing, flags, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, dict, instance_attrs, list, none, str as pystr, types, TypeSpec};

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("object", std::mem::size_of::<ObjHeader>(), drop_nothing);
    s.slots.repr = Some(object_repr);
    s.slots.str = Some(object_str);
    s.slots.hash = Some(object_hash);
    s.slots.richcompare = Some(object_richcompare);
    s.slots.getattro = Some(generic_getattr);
    s.slots.setattro = Some(generic_setattr);
    s.slots.new = Some(object_new);
    s.slots.init = Some(object_init);
    s.methods = vec![
        MethodDef::GetSet { name: "__class__", get: get_class, set: set_class },
        MethodDef::Method { name: "__dir__", func: object_dir, min: 1, max: 1 },
        MethodDef::Method { name: "__format__", func: object_format, min: 2, max: 2 },
        MethodDef::Method { name: "__sizeof__", func: object_sizeof, min: 1, max: 1 },
        MethodDef::Method { name: "__reduce_ex__", func: object_reduce_ex, min: 2, max: 2 },
        MethodDef::Method { name: "__reduce__", func: object_reduce, min: 1, max: 1 },
        MethodDef::Method { name: "__getstate__", func: object_getstate, min: 1, max: 1 },
        MethodDef::ClassMethod { name: "__init_subclass__", func: object_init_subclass },
        MethodDef::ClassMethod { name: "__subclasshook__", func: object_subclasshook },
        MethodDef::Attr { name: "__doc__", value: || pystr::new("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n") },
    ];
    s
}

// ----- creation -----

fn excess_args(args: &[Obj], kw: &KwArgs) -> bool {
    !args.is_empty() || !kw.is_empty()
}

/// `object.__new__(cls, ...)`.
pub fn object_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let t = as_type(cls);
    if excess_args(args, kw) {
        let s = t.slots();
        if s.new.map_or(0, |f| f as usize) != object_new as *const () as usize {
            return Err(type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if s.init.map_or(0, |f| f as usize) == object_init as *const () as usize {
            return Err(type_error(format!("{}() takes no arguments", t.name())));
        }
    }
    if t.has_flag(flags::IS_ABSTRACT) {
        return Err(abstract_error(t));
    }
    Ok(new_instance(t))
}

/// A bare instance of `t` (whose layout is `object`'s plus an optional dict slot).
pub fn new_instance(t: &TypeObject) -> Obj {
    alloc(t, header())
}

fn abstract_error(t: &TypeObject) -> crate::object::PyErr {
    let mut names: Vec<String> = Vec::new();
    if let Some(am) = t.lookup_str("__abstractmethods__") {
        if let Ok(items) = protocol::collect(&am) {
            for i in items {
                names.push(pystr::as_str(&i).unwrap_or("").to_string());
            }
        }
    }
    names.sort();
    type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        t.name(),
        if names.len() == 1 { "" } else { "s" },
        names.join(", ")
    ))
}

/// `object.__init__(self, ...)`.
pub fn object_init(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if excess_args(args, kw) {
        let t = o.ty();
        let s = t.slots();
        if s.init.map_or(0, |f| f as usize) != object_init as *const () as usize {
            return Err(type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if s.new.map_or(0, |f| f as usize) == object_new as *const () as usize {
            return Err(type_error(format!("{}() takes no arguments", t.name())));
        }
    }
    Ok(none::none())
}

// ----- repr / str / hash / compare -----

/// `<module.Qualname object at 0x...>`
pub fn object_repr(o: &Obj) -> PyResult<Obj> {
    let t = o.ty();
    let m = t.module_name();
    let q = t.qualname.borrow().clone();
    let s = if m == "builtins" {
        format!("<{} object at {:#x}>", q, o.raw())
    } else {
        format!("<{}.{} object at {:#x}>", m, q, o.raw())
    };
    Ok(pystr::from_string(s))
}

/// `object.__str__`: the type's repr slot, called directly (no level of its own: `str()`
/// counted one).
fn object_str(o: &Obj) -> PyResult<Obj> {
    protocol::repr_slot(o)
}

/// Identity hash (CPython's `_Py_HashPointer`: the address rotated by 4 bits).
pub fn object_hash(o: &Obj) -> PyResult<i64> {
    let p = o.raw();
    let h = p.rotate_right(4) as i64;
    Ok(if h == -1 { -2 } else { h })
}

/// `object.__eq__` (identity) and `object.__ne__` (inverts `__eq__` of the type).
pub fn object_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    match op {
        CmpOp::Eq => Ok(if a.is(b) { none::true_() } else { none::not_implemented() }),
        CmpOp::Ne => {
            let eq = match a.ty().slots().richcompare {
                Some(f) => f(a, b, CmpOp::Eq)?,
                None => return Ok(none::not_implemented()),
            };
            if none::is_not_implemented(&eq) {
                return Ok(eq);
            }
            Ok(pybool::from_bool(!protocol::is_true(&eq)?))
        }
        _ => Ok(none::not_implemented()),
    }
}

// ----- methods -----

fn get_class(o: &Obj) -> PyResult<Obj> {
    Ok(o.type_obj())
}

fn set_class(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let Some(v) = v else { return Err(type_error("can't delete __class__ attribute")) };
    let Some(new) = downcast_type(v) else {
        return Err(type_error(format!("__class__ must be set to a class, not '{}' object", v.type_name())));
    };
    let old = o.ty();
    if o.is_small_int() || !old.is_heap_type() || !new.is_heap_type() {
        if !(old.is_subtype(types().module) && new.is_subtype(types().module)) {
            return Err(type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
        }
    }
    let compatible = old.basicsize == new.basicsize
        && old.dict_offset == new.dict_offset
        && old.drop_payload as usize == new.drop_payload as usize
        && instance_attrs::is_compact(old) == instance_attrs::is_compact(new);
    if !compatible {
        return Err(type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    instance_attrs::before_class_change(o, new);
    unsafe {
        let h = o.header_ptr();
        let new_obj = v.clone();
        if new.is_heap_type() {
            let _ = new_obj.into_raw(); // the instance now owns a reference to its new type
        }
        let old_ptr = (*h).ty;
        // the leak checker's live counts are per type: move this object's
        crate::modules::gc::count_dealloc(h);
        (*h).ty = new as *const TypeObject;
        crate::modules::gc::count_alloc(h);
        if (*old_ptr).is_heap_type() {
            drop(Obj::from_raw(old_ptr as u64));
        }
    }
    Ok(())
}

/// `object.__dir__()`: instance dict keys plus every attribute along the class's MRO.
fn object_dir(a: &[Obj]) -> PyResult<Obj> {
    let o = &a[0];
    let result = dict::new();
    if !o.ty().has_flag(flags::SLOTS_ONLY) {
        for (k, v) in instance_attrs::items(o) {
            dict::set_item(&result, k, v)?;
        }
    }
    for t in o.ty().mro() {
        if let Some(d) = as_type(&t).dict().borrow().clone() {
            for (k, _) in dict::items(&d) {
                dict::set_item(&result, k, none::none())?;
            }
        }
    }
    Ok(list::new(dict::items(&result).into_iter().map(|(k, _)| k).collect()))
}

fn object_format(a: &[Obj]) -> PyResult<Obj> {
    let Some(spec) = pystr::as_str(&a[1]) else {
        return Err(type_error(format!("__format__() argument must be str, not {}", a[1].type_name())));
    };
    if !spec.is_empty() {
        return Err(type_error(format!("unsupported format string passed to {}.__format__", a[0].type_name())));
    }
    protocol::str(&a[0])
}

fn object_sizeof(a: &[Obj]) -> PyResult<Obj> {
    let n = if a[0].is_small_int() { 28 } else { a[0].ty().basicsize };
    Ok(crate::types::int::from_i64(n as i64))
}

// ----- the copy/pickle protocol (what `copy.copy`/`copy.deepcopy` call) -----

/// `object.__getstate__()`: the instance dict (None when empty), plus a dict of the
/// `__slots__` values when the class has slots.
fn object_getstate(a: &[Obj]) -> PyResult<Obj> {
    let o = &a[0];
    let state = match instance_dict(o) {
        Some(d) if dict::len(&d) > 0 && !o.ty().has_flag(flags::SLOTS_ONLY) => dict::copy(&d),
        Some(_) => crate::types::none::none(),
        // compact instance in values mode: a fresh dict, leaving the instance compact
        None => {
            let items = if o.ty().has_flag(flags::SLOTS_ONLY) { Vec::new() } else { instance_attrs::items(o) };
            if items.is_empty() {
                crate::types::none::none()
            } else {
                let d = dict::new();
                for (k, v) in items {
                    dict::set_item(&d, k, v)?;
                }
                d
            }
        }
    };
    let names: Vec<String> = o.ty().mro().iter().flat_map(|t| as_type(t).slot_names.borrow().clone()).collect();
    if names.is_empty() {
        return Ok(state);
    }
    let slots = dict::new();
    for n in names {
        if let Some(v) = crate::protocol::getattr_opt(o, &pystr::new(&n))? {
            dict::set_item(&slots, pystr::new(&n), v)?;
        }
    }
    Ok(crate::types::tuple::pair(state, slots))
}

fn copyreg_attr(name: &str) -> PyResult<Obj> {
    let m = crate::builtins::import_module_level(&pystr::new("copyreg"), &crate::types::none::none(), &crate::types::none::none(), 0)?;
    crate::protocol::getattr_str(&m, name)
}

/// `object.__reduce__()`: `copyreg._reduce_ex(self, 0)`.
fn object_reduce(a: &[Obj]) -> PyResult<Obj> {
    crate::protocol::call(&copyreg_attr("_reduce_ex")?, &[a[0].clone(), crate::types::int::from_i64(0)])
}

/// `object.__reduce_ex__(protocol)`: an overridden `__reduce__` wins; protocol >= 2
/// gives `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`.
fn object_reduce_ex(a: &[Obj]) -> PyResult<Obj> {
    let (o, proto) = (&a[0], crate::protocol::index_i64(&a[1])?);
    let own = crate::protocol::getattr_str(&o.type_obj(), "__reduce__")?;
    let base = crate::protocol::getattr_str(&types().object.as_obj(), "__reduce__")?;
    if !own.is(&base) {
        return crate::protocol::call_method(o, "__reduce__", &[]);
    }
    if proto < 2 {
        return crate::protocol::call(&copyreg_attr("_reduce_ex")?, &[o.clone(), a[1].clone()]);
    }
    let mut args = vec![o.type_obj()];
    if let Some(f) = crate::protocol::getattr_opt(o, &pystr::new("__getnewargs__"))? {
        args.extend(crate::protocol::collect(&crate::protocol::call(&f, &[])?)?);
    }
    let state = crate::protocol::call_method(o, "__getstate__", &[])?;
    let listitems = if o.isinstance(types().list) { crate::protocol::iter(o)? } else { crate::types::none::none() };
    let dictitems = if o.isinstance(types().dict) {
        crate::protocol::iter(&crate::protocol::call_method(o, "items", &[])?)?
    } else {
        crate::types::none::none()
    };
    let newobj = copyreg_attr("__newobj__")?;
    Ok(crate::types::tuple::new(vec![newobj, crate::types::tuple::new(args), state, listitems, dictitems]))
}

fn object_init_subclass(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error(format!("{}.__init_subclass__() takes no keyword arguments", as_type(cls).name())));
    }
    if !args.is_empty() {
        return Err(type_error(format!(
            "{}.__init_subclass__() takes no arguments ({} given)",
            as_type(cls).name(),
            args.len()
        )));
    }
    Ok(none::none())
}

fn object_subclasshook(_cls: &Obj, _args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(none::not_implemented())
}

// ----- generic attribute access -----

/// The instance dict of `o` if one exists already (compact instances in values mode have
/// none: see `instance_attrs`).
pub fn instance_dict(o: &Obj) -> Option<Obj> {
    if o.ty().has_flag(flags::SLOTS_ONLY) {
        return None;
    }
    instance_attrs::existing_dict(o)
}

/// The instance dict of `o`, created or materialized when missing (None if `o` has no
/// `__dict__`).
pub fn instance_dict_or_create(o: &Obj) -> Option<Obj> {
    if o.ty().has_flag(flags::SLOTS_ONLY) {
        return None;
    }
    instance_attrs::materialize(o)
}

/// Does `o` keep instance attributes (a `__dict__`, possibly compact)?
fn has_attr_storage(o: &Obj) -> bool {
    !o.is_small_int() && o.ty().dict_offset != 0 && !o.ty().has_flag(flags::SLOTS_ONLY)
}

/// PyObject_GenericGetAttr.
pub fn generic_getattr(o: &Obj, name: &Obj) -> PyResult<Obj> {
    match generic_getattr_opt(o, name)? {
        Some(v) => Ok(v),
        None => Err(attribute_error_for(o, name)),
    }
}

/// `generic_getattr` returning `Ok(None)` instead of raising the AttributeError of a
/// missing attribute (descriptors may still raise AttributeError themselves).
pub fn generic_getattr_opt(o: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
    if !name.is_exact(types().str) && !name.isinstance(types().str) {
        return Err(type_error(format!("attribute name must be string, not '{}'", name.type_name())));
    }
    let ty = o.ty();
    let descr = ty.lookup(name);
    let mut get = None;
    if let Some(d) = &descr {
        let s = d.ty().slots();
        get = s.descr_get;
        if let (Some(g), Some(_)) = (get, s.descr_set) {
            return g(d, Some(o), &ty.as_obj()).map(Some);
        }
    }
    // the str look-up never runs Python code
    if has_attr_storage(o) {
        if let Some(v) = instance_attrs::get(o, name) {
            return Ok(Some(v));
        }
    }
    if let Some(d) = descr {
        if let Some(g) = get {
            return g(&d, Some(o), &ty.as_obj()).map(Some);
        }
        return Ok(Some(d));
    }
    Ok(None)
}

/// PyObject_GenericSetAttr (`value = None` deletes).
pub fn generic_setattr(o: &Obj, name: &Obj, value: Option<&Obj>) -> PyResult<()> {
    if !name.isinstance(types().str) {
        return Err(type_error(format!("attribute name must be string, not '{}'", name.type_name())));
    }
    let ty = o.ty();
    let descr = ty.lookup(name);
    if let Some(d) = &descr {
        if let Some(f) = d.ty().slots().descr_set {
            return f(d, o, value);
        }
    }
    if has_attr_storage(o) {
        return match value {
            Some(v) => instance_attrs::set(o, name, v.clone()),
            None if instance_attrs::delete(o, name)? => Ok(()),
            None => Err(attribute_error_for(o, name)),
        };
    }
    if descr.is_some() {
        return Err(attribute_error(format!(
            "'{}' object attribute '{}' is read-only",
            ty.name(),
            pystr::as_str(name).unwrap_or("")
        )));
    }
    Err(attribute_error_for(o, name))
}

/// `__dict__` getter for instances of classes with a dict slot.
pub fn get_dict_attr(o: &Obj) -> PyResult<Obj> {
    match instance_dict_or_create(o) {
        Some(d) => Ok(d),
        None => Err(attribute_error_for(o, &pystr::intern("__dict__"))),
    }
}

/// `__dict__` setter.
pub fn set_dict_attr(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let Some(v) = v else {
        // the dict slot a class statement added may be emptied; built-in ones may not
        if has_attr_storage(o) && instance_attrs::is_compact(o.ty()) {
            instance_attrs::clear(o);
            return Ok(());
        }
        return Err(type_error("cannot delete __dict__"));
    };
    if !dict::is_dict(v) {
        return Err(type_error(format!("__dict__ must be set to a dictionary, not a '{}'", v.type_name())));
    }
    if instance_attrs::replace_dict(o, v) {
        Ok(())
    } else {
        Err(attribute_error_for(o, &pystr::intern("__dict__")))
    }
}
