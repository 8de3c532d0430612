//! `module` objects: a name and a dict (the module's globals, kept in the instance dict
//! slot so generic attribute access reads and writes it), attribute look-up through the
//! dict with the module-level `__getattr__` hook (PEP 562) and CPython's error
//! "module 'm' has no attribute 'x'", and the repr `<module 'sys' (built-in)>` /
//! `<module 'm' from '/path/m.py'>`.

use crate::errors::type_error;
use crate::object::{alloc, dict_slot, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::typeobj::{as_type, drop_nothing, KwArgs, MethodDef};
use crate::types::{dict, list, none, str as pystr, types, TypeSpec};

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("module", std::mem::size_of::<ObjHeader>(), drop_nothing);
    s.has_dict = true;
    s.slots.repr = Some(module_repr);
    s.slots.getattro = Some(module_getattro);
    s.slots.new = Some(module_new);
    s.slots.init = Some(module_init);
    s.slots.traverse = Some(module_traverse);
    s.slots.clear = Some(module_clear);
    s.methods = vec![
        MethodDef::GetSet { name: "__dict__", get: crate::types::object::get_dict_attr, set: no_set_dict },
        MethodDef::Method { name: "__dir__", func: module_dir, min: 1, max: 1 },
    ];
    s
}

/// The namespace, so that modules kept only by dead namespaces are collected (at exit
/// above all). A heap subclass's dict is visited by `gc::traverse_object` instead.
fn module_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if !o.ty().is_heap_type() {
        if let Some(Some(d)) = dict_slot(o) {
            visit(d);
        }
    }
}

fn module_clear(o: &Obj) {
    if !o.ty().is_heap_type() {
        drop(dict_slot(o).and_then(|d| d.take()));
    }
}

fn no_set_dict(_o: &Obj, _v: Option<&Obj>) -> PyResult<()> {
    Err(crate::errors::attribute_error("readonly attribute"))
}

/// A new module named `name` with the standard dunder entries.
pub fn new(name: &str) -> Obj {
    let m = alloc(types().module, header());
    init_dict(&m, pystr::new(name), none::none());
    m
}

fn init_dict(m: &Obj, name: Obj, doc: Obj) {
    let slot = dict_slot(m).expect("module dict slot");
    let d = slot.get_or_insert_with(dict::new).clone();
    dict::set_item_str(&d, "__name__", name);
    dict::set_item_str(&d, "__doc__", doc);
    dict::set_item_str(&d, "__package__", none::none());
    dict::set_item_str(&d, "__loader__", none::none());
    dict::set_item_str(&d, "__spec__", none::none());
}

/// The module's dict (its globals).
pub fn dict(m: &Obj) -> Obj {
    let slot = dict_slot(m).expect("module dict slot");
    slot.get_or_insert_with(dict::new).clone()
}

/// Is `o` a module (or a module subclass instance)?
pub fn is_module(o: &Obj) -> bool {
    o.isinstance(types().module)
}

/// The module's `__name__` (None if it is not a str).
pub fn name(m: &Obj) -> Option<String> {
    dict::get_item_str(&dict(m), &pystr::intern("__name__")).and_then(|n| pystr::as_str(&n).map(|s| s.to_string()))
}

fn module_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let m = alloc(as_type(cls), header());
    let _ = dict(&m);
    Ok(m)
}

fn module_init(m: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let mut name = a.first().cloned();
    let mut doc = a.get(1).cloned();
    if a.len() > 2 {
        return Err(type_error(format!("module() takes at most 2 arguments ({} given)", a.len())));
    }
    for (k, v) in kw.iter() {
        match pystr::as_str(k) {
            Some("name") if name.is_none() => name = Some(v.clone()),
            Some("doc") if doc.is_none() => doc = Some(v.clone()),
            Some(k) => return Err(type_error(format!("module() got an unexpected keyword argument '{}'", k))),
            None => return Err(type_error("keywords must be strings")),
        }
    }
    let Some(name) = name else {
        return Err(type_error("module() missing required argument 'name' (pos 1)"));
    };
    if !name.isinstance(types().str) {
        return Err(type_error(format!("module() argument 'name' must be str, not {}", name.type_name())));
    }
    init_dict(m, name, doc.unwrap_or_else(none::none));
    Ok(none::none())
}

fn module_getattro(m: &Obj, name: &Obj) -> PyResult<Obj> {
    if let Some(v) = crate::types::object::generic_getattr_opt(m, name)? {
        return Ok(v);
    }
    let d = dict(m);
    if let Some(g) = dict::get_item_str(&d, &pystr::intern("__getattr__")) {
        return protocol::call(&g, &[name.clone()]);
    }
    let n = pystr::as_str(name).unwrap_or("");
    let msg = match dict::get_item_str(&d, &pystr::intern("__name__")).and_then(|x| pystr::as_str(&x).map(|s| s.to_string())) {
        Some(mn) => format!("module '{}' has no attribute '{}'", mn, n),
        None => format!("module has no attribute '{}'", n),
    };
    Err(crate::errors::attribute_error_with(msg, name, m))
}

fn module_repr(m: &Obj) -> PyResult<Obj> {
    let d = dict(m);
    let name = match dict::get_item_str(&d, &pystr::intern("__name__")) {
        Some(n) => protocol::str_string(&n)?,
        None => "?".to_string(),
    };
    let s = match dict::get_item_str(&d, &pystr::intern("__file__")) {
        Some(f) if f.isinstance(types().str) => format!("<module '{}' from '{}'>", name, pystr::as_str(&f).unwrap_or("")),
        _ => format!("<module '{}' (built-in)>", name),
    };
    Ok(pystr::from_string(s))
}

fn module_dir(a: &[Obj]) -> PyResult<Obj> {
    let d = dict(&a[0]);
    if let Some(f) = dict::get_item_str(&d, &pystr::intern("__dir__")) {
        return protocol::call(&f, &[]);
    }
    Ok(list::new(dict::items(&d).into_iter().map(|(k, _)| k).collect()))
}
