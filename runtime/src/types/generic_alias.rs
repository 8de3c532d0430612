//! `types.GenericAlias`: the parameterized generics `list[int]`, `dict[str, int]`,
//! `tuple[int, ...]`, `type[int]` (PEP 585). Owns the alias object (`__origin__`,
//! `__args__`, `__parameters__`, repr, equality/hash, calling the origin, attribute
//! forwarding to the origin, the isinstance/issubclass refusal, `__mro_entries__`) and
//! the `__class_getitem__` classmethod installed on the built-in generic classes.

use pyc_frontend::bytecode::CmpOp;

use crate::errors::type_error;
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::exceptions::exc;
use crate::types::typeobj::{downcast_type, drop_as, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, none, str as pystr, tuple, types, TypeSpec};

#[repr(C)]
pub struct GenericAliasObj {
    pub head: ObjHeader,
    pub origin: Obj,
    /// Always a tuple.
    pub args: Obj,
}

fn payload(o: &Obj) -> &GenericAliasObj {
    unsafe { o.payload::<GenericAliasObj>() }
}

pub fn is_generic_alias(o: &Obj) -> bool {
    o.isinstance(types().generic_alias)
}

/// `origin[item]`: the args are `item` itself when it is a tuple, else `(item,)`.
pub fn new(origin: &Obj, item: &Obj) -> Obj {
    let args = if item.is_exact(types().tuple) { item.clone() } else { tuple::new(vec![item.clone()]) };
    alloc(types().generic_alias, GenericAliasObj { head: header(), origin: origin.clone(), args })
}

/// `__class_getitem__` of the built-in generic classes (a classmethod).
fn class_getitem(cls: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("__class_getitem__() takes no keyword arguments"));
    }
    if a.len() != 1 {
        return Err(type_error(format!("__class_getitem__() takes exactly one argument ({} given)", a.len())));
    }
    Ok(new(cls, &a[0]))
}

/// Installs `__class_getitem__` on the built-in classes CPython 3.11 makes generic
/// (`type[...]` is handled by `protocol::getitem`). Called once at start-up.
pub fn install() {
    let t = types();
    *t.generic_alias.module.borrow_mut() = "types".to_string();
    let e = exc();
    for ty in [t.list, t.dict, t.set, t.frozenset, t.tuple, t.enumerate, e.base_exception_group, e.exception_group] {
        ty.add_builtin_method(MethodDef::ClassMethod { name: "__class_getitem__", func: class_getitem });
    }
}

/// One item of the repr: `...`, a nested alias, a class by qualified name (no module
/// for builtins), anything else by repr.
pub fn repr_item(o: &Obj) -> PyResult<String> {
    if o.is(&none::ellipsis()) {
        return Ok("...".to_string());
    }
    if is_generic_alias(o) {
        return Ok(pystr::as_str(&protocol::repr(o)?).unwrap_or("").to_string());
    }
    if let Some(t) = downcast_type(o) {
        return Ok(type_name(t));
    }
    Ok(pystr::as_str(&protocol::repr(o)?).unwrap_or("").to_string())
}

fn type_name(t: &TypeObject) -> String {
    let module = t.module.borrow().clone();
    let qual = t.qualname.borrow().clone();
    let qual = if qual.is_empty() { t.name().to_string() } else { qual };
    if module == "builtins" {
        qual
    } else {
        format!("{}.{}", module, qual)
    }
}

fn ga_repr(o: &Obj) -> PyResult<Obj> {
    let p = payload(o);
    let mut s = repr_item(&p.origin)?;
    s.push('[');
    let args = tuple::as_slice(&p.args).unwrap_or(&[]).to_vec();
    if args.is_empty() {
        s.push_str("()");
    }
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&repr_item(a)?);
    }
    s.push(']');
    Ok(pystr::from_string(s))
}

fn ga_call(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let p = payload(o);
    let r = protocol::call_kw(&p.origin, a, kw)?;
    // Record the alias on the instance when possible (CPython ignores failures).
    if let Err(e) = protocol::setattr(&r, &pystr::intern("__orig_class__"), o) {
        if !(e.matches(exc().attribute_error) || e.matches(exc().type_error)) {
            return Err(e);
        }
    }
    Ok(r)
}

/// Attributes the alias answers itself; every other attribute comes from the origin.
const OWN_ATTRS: &[&str] = &[
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
];

fn ga_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    let own = pystr::as_str(name).map_or(true, |n| OWN_ATTRS.contains(&n));
    if own {
        return crate::types::object::generic_getattr(o, name);
    }
    protocol::getattr(&payload(o).origin, name)
}

fn ga_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_generic_alias(b) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(none::not_implemented());
    }
    let (pa, pb) = (payload(a), payload(b));
    let eq = protocol::eq(&pa.origin, &pb.origin)? && protocol::eq(&pa.args, &pb.args)?;
    Ok(pybool::from_bool(if matches!(op, CmpOp::Eq) { eq } else { !eq }))
}

fn ga_hash(o: &Obj) -> PyResult<i64> {
    let p = payload(o);
    let h = protocol::hash(&p.origin)? ^ protocol::hash(&p.args)?;
    Ok(if h == -1 { -2 } else { h })
}

fn ga_getitem(o: &Obj, _key: &Obj) -> PyResult<Obj> {
    let r = ga_repr(o)?;
    Err(type_error(format!("{} is not a generic class", pystr::as_str(&r).unwrap_or(""))))
}

fn ga_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let p = payload(o);
    visit(&p.origin);
    visit(&p.args);
}

fn get_origin(o: &Obj) -> PyResult<Obj> {
    Ok(payload(o).origin.clone())
}
fn get_args(o: &Obj) -> PyResult<Obj> {
    Ok(payload(o).args.clone())
}
fn get_parameters(_o: &Obj) -> PyResult<Obj> {
    Ok(tuple::new(Vec::new()))
}
fn get_unpacked(_o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(false))
}

fn m_mro_entries(a: &[Obj]) -> PyResult<Obj> {
    Ok(tuple::new(vec![payload(&a[0]).origin.clone()]))
}
fn m_instancecheck(_a: &[Obj]) -> PyResult<Obj> {
    Err(type_error("isinstance() argument 2 cannot be a parameterized generic"))
}
fn m_subclasscheck(_a: &[Obj]) -> PyResult<Obj> {
    Err(type_error("issubclass() argument 2 cannot be a parameterized generic"))
}
fn m_dir(a: &[Obj]) -> PyResult<Obj> {
    protocol::call_method(&payload(&a[0]).origin, "__dir__", &[])
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("GenericAlias", std::mem::size_of::<GenericAliasObj>(), drop_as::<GenericAliasObj>);
    s.slots.traverse = Some(ga_traverse);
    s.slots.repr = Some(ga_repr);
    s.slots.call = Some(ga_call);
    s.slots.getattro = Some(ga_getattro);
    s.slots.richcompare = Some(ga_richcompare);
    s.slots.hash = Some(ga_hash);
    s.slots.getitem = Some(ga_getitem);
    s.slots.number[pyc_frontend::bytecode::BinOp::Or as usize] = Some(crate::types::union::type_or);
    s.methods = vec![
        MethodDef::Getter { name: "__origin__", get: get_origin },
        MethodDef::Getter { name: "__args__", get: get_args },
        MethodDef::Getter { name: "__parameters__", get: get_parameters },
        MethodDef::Getter { name: "__unpacked__", get: get_unpacked },
        MethodDef::Method { name: "__mro_entries__", func: m_mro_entries, min: 2, max: 2 },
        MethodDef::Method { name: "__instancecheck__", func: m_instancecheck, min: 2, max: 2 },
        MethodDef::Method { name: "__subclasscheck__", func: m_subclasscheck, min: 2, max: 2 },
        MethodDef::Method { name: "__dir__", func: m_dir, min: 1, max: 1 },
    ];
    s
}
