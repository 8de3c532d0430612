//! Callables of the execution model: Python functions (`function`), built-in functions
//! (`builtin_function_or_method`), bound methods (`method`) and closure cells (`cell`).
//!
//! Calling a Python function builds a `Frame` (argument binding lives in `frame.rs`) and
//! runs it natively or through the interpreter; generator functions return a generator.

use super::typeobj::{drop_as, KwArgs, MethodDef, CallFn};
use super::TypeSpec;
use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::{self, none, str as pystr, types};
use pyc_frontend::bytecode::CmpOp;

// ===================== function =====================

#[repr(C)]
pub struct FunctionObj {
    pub head: ObjHeader,
    /// A `CodeObj`.
    pub code: Obj,
    pub globals: Obj,
    pub builtins: Obj,
    pub name: Obj,
    pub qualname: Obj,
    pub module: Obj,
    /// Tuple of positional defaults, or None.
    pub defaults: Option<Obj>,
    /// Dict of keyword-only defaults, or None.
    pub kwdefaults: Option<Obj>,
    /// Tuple of cells, or None.
    pub closure: Option<Obj>,
    pub doc: Obj,
    pub annotations: Option<Obj>,
}

#[inline]
pub fn as_function(o: &Obj) -> &FunctionObj {
    unsafe { o.payload::<FunctionObj>() }
}
#[inline]
#[allow(clippy::mut_from_ref)]
fn as_function_mut(o: &Obj) -> &mut FunctionObj {
    unsafe { o.payload_mut::<FunctionObj>() }
}

pub fn is_function(o: &Obj) -> bool {
    !o.is_small_int() && o.is_exact(types().function)
}

/// A new function object (`MakeFunction`). `globals` is the defining module's dict.
pub fn new_function(code: Obj, globals: Obj, defaults: Option<Obj>, kwdefaults: Option<Obj>, closure: Option<Obj>, annotations: Option<Obj>) -> Obj {
    let co = types::code::as_code(&code);
    let name = co.name.clone();
    let qualname = co.qualname.clone();
    let doc = match (&co.code.docstring, co.consts.first()) {
        (Some(_), Some(c)) if c.isinstance(types().str) => c.clone(),
        (Some(d), _) => pystr::new(d),
        _ => none::none(),
    };
    let module = types::dict::get_item_str(&globals, &pystr::intern("__name__")).unwrap_or_else(none::none);
    let builtins = crate::builtins::builtins_dict_for(&globals);
    let defaults = defaults.filter(|d| !d.is(&none::none()));
    let kwdefaults = kwdefaults.filter(|d| !d.is(&none::none()));
    let f = FunctionObj {
        head: header(),
        code,
        globals,
        builtins,
        name,
        qualname,
        module,
        defaults,
        kwdefaults,
        closure,
        doc,
        annotations,
    };
    alloc(types().function, f)
}

fn function_call(f: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    crate::frame::call_function(f, args, kw)
}

fn function_repr(f: &Obj) -> PyResult<Obj> {
    let q = pystr::as_str(&as_function(f).qualname).unwrap_or("?").to_string();
    Ok(pystr::from_string(format!("<function {} at {:#x}>", q, f.raw())))
}

fn function_descr_get(f: &Obj, inst: Option<&Obj>, _owner: &Obj) -> PyResult<Obj> {
    match inst {
        Some(i) if !i.is(&none::none()) => Ok(new_method(f.clone(), i.clone())),
        _ => Ok(f.clone()),
    }
}

fn opt_or_none(o: &Option<Obj>) -> Obj {
    o.clone().unwrap_or_else(none::none)
}

fn function_getattro(f: &Obj, name: &Obj) -> PyResult<Obj> {
    let fo = as_function(f);
    match pystr::as_str(name) {
        Some("__name__") => return Ok(fo.name.clone()),
        Some("__qualname__") => return Ok(fo.qualname.clone()),
        Some("__module__") => return Ok(fo.module.clone()),
        Some("__doc__") => return Ok(fo.doc.clone()),
        Some("__code__") => return Ok(fo.code.clone()),
        Some("__globals__") => return Ok(fo.globals.clone()),
        Some("__builtins__") => return Ok(fo.builtins.clone()),
        Some("__defaults__") => return Ok(opt_or_none(&fo.defaults)),
        Some("__kwdefaults__") => return Ok(opt_or_none(&fo.kwdefaults)),
        Some("__closure__") => return Ok(opt_or_none(&fo.closure)),
        Some("__annotations__") => {
            if let Some(a) = &fo.annotations {
                return Ok(a.clone());
            }
            let d = types::dict::new();
            as_function_mut(f).annotations = Some(d.clone());
            return Ok(d);
        }
        _ => {}
    }
    types::object::generic_getattr(f, name)
}

fn function_setattro(f: &Obj, name: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let fo = as_function_mut(f);
    let n = pystr::as_str(name).unwrap_or("");
    let is_none = |v: &Obj| v.is(&none::none());
    match n {
        "__name__" | "__qualname__" => {
            let Some(v) = value.filter(|v| v.isinstance(types().str)) else {
                return Err(type_error(format!("{} must be set to a string object", n)));
            };
            if n == "__name__" { fo.name = v.clone() } else { fo.qualname = v.clone() }
            Ok(())
        }
        "__module__" => { fo.module = value.cloned().unwrap_or_else(none::none); Ok(()) }
        "__doc__" => { fo.doc = value.cloned().unwrap_or_else(none::none); Ok(()) }
        "__defaults__" => {
            match value {
                None => fo.defaults = None,
                Some(v) if is_none(v) => fo.defaults = None,
                Some(v) if types::tuple::as_slice(v).is_some() => fo.defaults = Some(v.clone()),
                Some(_) => return Err(type_error("__defaults__ must be set to a tuple object")),
            }
            Ok(())
        }
        "__kwdefaults__" => {
            match value {
                None => fo.kwdefaults = None,
                Some(v) if is_none(v) => fo.kwdefaults = None,
                Some(v) if types::dict::is_dict(v) => fo.kwdefaults = Some(v.clone()),
                Some(_) => return Err(type_error("__kwdefaults__ must be set to a dict object")),
            }
            Ok(())
        }
        "__annotations__" => {
            match value {
                None => fo.annotations = None,
                Some(v) if types::dict::is_dict(v) => fo.annotations = Some(v.clone()),
                Some(_) => return Err(type_error("__annotations__ must be set to a dict object")),
            }
            Ok(())
        }
        "__code__" => {
            match value {
                Some(v) if types::code::is_code(v) => {
                    // native code reads the closure's cells by the code's free-variable
                    // count (codegen/function.rs), so the two must agree, as CPython requires
                    let nfree = types::code::as_code(v).code.freevars.len();
                    let nclosure = fo.closure.as_ref().and_then(types::tuple::as_slice).map_or(0, |c| c.len());
                    if nfree != nclosure {
                        let name = pystr::as_str(&fo.name).unwrap_or("?");
                        return Err(value_error(format!(
                            "{name}() requires a code object with {nclosure} free vars, not {nfree}"
                        )));
                    }
                    fo.code = v.clone();
                    Ok(())
                }
                Some(_) => Err(type_error("__code__ must be set to a code object")),
                None => Err(type_error("__code__ must be set to a code object")),
            }
        }
        "__globals__" | "__closure__" | "__builtins__" => {
            Err(crate::errors::attribute_error("readonly attribute"))
        }
        _ => types::object::generic_setattr(f, name, value),
    }
}

pub fn function_spec() -> TypeSpec {
    let mut s = TypeSpec::new("function", std::mem::size_of::<FunctionObj>(), drop_as::<FunctionObj>);
    s.slots.traverse = Some(function_traverse);
    s.slots.clear = Some(function_clear);
    s.final_ = true;
    s.has_dict = true;
    s.slots.call = Some(function_call);
    s.slots.repr = Some(function_repr);
    s.slots.descr_get = Some(function_descr_get);
    s.slots.getattro = Some(function_getattro);
    s.slots.setattro = Some(function_setattro);
    s.slots.hash = Some(identity_hash);
    // Class-level descriptors (`FunctionType.__code__`, `FunctionType.__globals__`): the
    // types module derives GetSetDescriptorType/MemberDescriptorType from them. Instance
    // access goes through `function_getattro` first.
    s.methods = vec![
        MethodDef::Getter { name: "__code__", get: |f| Ok(as_function(f).code.clone()) },
        MethodDef::Getter { name: "__defaults__", get: |f| Ok(opt_or_none(&as_function(f).defaults)) },
        MethodDef::Getter { name: "__kwdefaults__", get: |f| Ok(opt_or_none(&as_function(f).kwdefaults)) },
        MethodDef::Attr { name: "__globals__", value: || function_member("__globals__", std::mem::offset_of!(FunctionObj, globals)) },
        MethodDef::Attr { name: "__closure__", value: || function_member("__closure__", std::mem::offset_of!(FunctionObj, closure)) },
    ];
    s
}

/// A read-only member descriptor over an `Option<Obj>`-layout field of `FunctionObj`.
fn function_member(name: &str, offset: usize) -> Obj {
    types::descriptors::new_member(name, types().function, types::descriptors::MemberKind::Slot(offset))
}

/// CPython's pointer hash (`_Py_HashPointer`): the address rotated by 4 bits.
pub fn identity_hash(o: &Obj) -> PyResult<i64> {
    let p = o.raw();
    let h = ((p >> 4) | (p << 60)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

// ===================== builtin function =====================

#[repr(C)]
pub struct BuiltinFunctionObj {
    pub head: ObjHeader,
    pub name: &'static str,
    pub func: CallFn,
    /// `__self__`: the module for module functions, the instance for bound built-in methods.
    pub self_: Option<Obj>,
    /// `__module__` (e.g. "builtins", "math")
    pub module: Option<&'static str>,
    pub doc: Option<&'static str>,
    /// A call from Python code counts a recursion level (" while calling a Python
    /// object"), as CPython 3.11 does for all but its METH_FASTCALL functions
    /// (`counts_level`).
    pub counts_level: bool,
}

/// Built-in functions that CPython 3.11 implements as METH_FASTCALL (or specializes:
/// `len`, `isinstance`): its specialized calls from bytecode reach them without
/// `_Py_EnterRecursiveCall`, so a call of one counts no recursion level (`round` counts
/// only the `__round__` call it makes). The others (METH_O, METH_VARARGS, or calling
/// back into a method: `sorted`, `format`) count one.
const FASTCALL_BUILTINS: &[&str] = &[
    "len", "isinstance", "issubclass", "getattr", "setattr", "delattr", "hasattr", "iter", "next",
    "sum", "divmod", "pow", "aiter", "anext", "exec", "eval", "compile", "__build_class__", "breakpoint",
    "round",
];

/// Whether a call of built-in function `name` of module `module` counts a recursion level.
fn counts_level(module: Option<&str>, name: &str) -> bool {
    !(module == Some("builtins") && FASTCALL_BUILTINS.contains(&name))
}

fn builtin_obj(name: &'static str, func: CallFn, self_: Option<Obj>, module: Option<&'static str>) -> Obj {
    let counts_level = counts_level(module, name);
    alloc(types().builtin_function, BuiltinFunctionObj { head: header(), name, func, self_, module, doc: None, counts_level })
}

/// A built-in function object; calling it calls `func(the_function_object, args, kw)`.
pub fn new_builtin(name: &'static str, func: CallFn) -> Obj {
    builtin_obj(name, func, None, None)
}

/// A built-in function of module `module` (repr `<built-in function name>`).
pub fn new_builtin_in(module: &'static str, name: &'static str, func: CallFn) -> Obj {
    builtin_obj(name, func, None, Some(module))
}

/// A built-in method bound to `self_`; `func` is called with `self_` as receiver.
pub fn new_builtin_method(name: &'static str, func: CallFn, self_: Obj) -> Obj {
    builtin_obj(name, func, Some(self_), None)
}

pub fn as_builtin(o: &Obj) -> Option<&BuiltinFunctionObj> {
    o.downcast::<BuiltinFunctionObj>(types().builtin_function)
}

/// Whether a call of built-in function `f` from Python code counts a recursion level.
#[inline]
pub fn builtin_counts_level(f: &Obj) -> bool {
    // SAFETY: callers pass an exact `builtin_function_or_method`.
    unsafe { f.payload::<BuiltinFunctionObj>() }.counts_level
}

pub fn builtin_call(f: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = unsafe { f.payload::<BuiltinFunctionObj>() };
    match &b.self_ {
        Some(s) => (b.func)(s, args, kw),
        None => (b.func)(f, args, kw),
    }
}

fn builtin_repr(f: &Obj) -> PyResult<Obj> {
    let b = unsafe { f.payload::<BuiltinFunctionObj>() };
    let s = match &b.self_ {
        Some(s) if !s.isinstance(types().module) => {
            format!("<built-in method {} of {} object at {:#x}>", b.name, s.type_name(), s.raw())
        }
        _ => format!("<built-in function {}>", b.name),
    };
    Ok(pystr::from_string(s))
}

fn builtin_getattro(f: &Obj, name: &Obj) -> PyResult<Obj> {
    let b = unsafe { f.payload::<BuiltinFunctionObj>() };
    match pystr::as_str(name) {
        Some("__name__") => return Ok(pystr::intern(b.name)),
        Some("__qualname__") => {
            return Ok(match &b.self_ {
                Some(s) if !s.isinstance(types().module) => pystr::from_string(format!("{}.{}", s.type_name(), b.name)),
                _ => pystr::intern(b.name),
            })
        }
        Some("__module__") => return Ok(b.module.map(pystr::intern).unwrap_or_else(none::none)),
        Some("__self__") => return Ok(b.self_.clone().unwrap_or_else(none::none)),
        Some("__doc__") => return Ok(b.doc.map(pystr::new).unwrap_or_else(none::none)),
        Some("__text_signature__") => return Ok(none::none()),
        _ => {}
    }
    types::object::generic_getattr(f, name)
}

fn builtin_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || !b.isinstance(types().builtin_function) {
        return Ok(none::not_implemented());
    }
    let (x, y) = unsafe { (a.payload::<BuiltinFunctionObj>(), b.payload::<BuiltinFunctionObj>()) };
    let same_self = match (&x.self_, &y.self_) {
        (None, None) => true,
        (Some(p), Some(q)) => p.is(q),
        _ => false,
    };
    let eq = a.is(b) || (x.func as usize == y.func as usize && x.name == y.name && same_self);
    Ok(types::bool::from_bool(eq == (op == CmpOp::Eq)))
}

fn builtin_hash(f: &Obj) -> PyResult<i64> {
    let b = unsafe { f.payload::<BuiltinFunctionObj>() };
    let x = match &b.self_ {
        Some(s) => identity_hash(s)?,
        None => 0,
    };
    let h = x ^ (b.func as usize as i64 >> 4) ^ (b.name.as_ptr() as i64);
    Ok(if h == -1 { -2 } else { h })
}

pub fn builtin_function_spec() -> TypeSpec {
    let mut s = TypeSpec::new("builtin_function_or_method", std::mem::size_of::<BuiltinFunctionObj>(), drop_as::<BuiltinFunctionObj>);
    s.final_ = true;
    s.slots.call = Some(builtin_call);
    s.slots.repr = Some(builtin_repr);
    s.slots.getattro = Some(builtin_getattro);
    s.slots.richcompare = Some(builtin_richcompare);
    s.slots.hash = Some(builtin_hash);
    s
}

// ===================== bound method =====================

#[repr(C)]
pub struct MethodObj {
    pub head: ObjHeader,
    pub func: Obj,
    pub self_: Obj,
}

/// A bound method: calling it calls `func(self_, *args)`.
pub fn new_method(func: Obj, self_: Obj) -> Obj {
    alloc(types().method, MethodObj { head: header(), func, self_ })
}

pub fn as_method(o: &Obj) -> Option<&MethodObj> {
    if !o.is_small_int() && o.is_exact(types().method) {
        Some(unsafe { o.payload::<MethodObj>() })
    } else {
        None
    }
}

fn method_call(m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let mo = unsafe { m.payload::<MethodObj>() };
    // Python functions: bind directly (avoids a second recursion level and, for calls
    // that bind one-to-one, the argument vector).
    if is_function(&mo.func) {
        return crate::frame::call_function_with_self(&mo.func, &mo.self_, args, kw);
    }
    let mut v = Vec::with_capacity(args.len() + 1);
    v.push(mo.self_.clone());
    v.extend_from_slice(args);
    protocol::call_kw(&mo.func, &v, kw)
}

fn method_repr(m: &Obj) -> PyResult<Obj> {
    let mo = unsafe { m.payload::<MethodObj>() };
    let name = match protocol::getattr_opt(&mo.func, &pystr::intern("__qualname__"))? {
        Some(n) => Some(n),
        None => protocol::getattr_opt(&mo.func, &pystr::intern("__name__"))?,
    };
    let name = match name {
        Some(n) if n.isinstance(types().str) => pystr::as_str(&n).unwrap_or("?").to_string(),
        _ => "?".to_string(),
    };
    let r = protocol::repr_string(&mo.self_)?;
    Ok(pystr::from_string(format!("<bound method {} of {}>", name, r)))
}

fn method_getattro(m: &Obj, name: &Obj) -> PyResult<Obj> {
    let mo = unsafe { m.payload::<MethodObj>() };
    match pystr::as_str(name) {
        Some("__func__") => return Ok(mo.func.clone()),
        Some("__self__") => return Ok(mo.self_.clone()),
        Some("__class__") => return Ok(m.type_obj()),
        Some("__doc__") => return protocol::getattr(&mo.func, name),
        _ => {}
    }
    // Other attributes come from the type, then from the function.
    if let Some(v) = m.ty().lookup(name) {
        return types::descriptors::bind(&v, Some(m), &m.type_obj());
    }
    protocol::getattr(&mo.func, name)
}

fn method_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || as_method(b).is_none() {
        return Ok(none::not_implemented());
    }
    let (x, y) = (as_method(a).unwrap(), as_method(b).unwrap());
    let eq = x.self_.is(&y.self_) && protocol::eq(&x.func, &y.func)?;
    Ok(types::bool::from_bool(eq == (op == CmpOp::Eq)))
}

fn method_hash(m: &Obj) -> PyResult<i64> {
    let mo = unsafe { m.payload::<MethodObj>() };
    let h = identity_hash(&mo.self_)? ^ protocol::hash(&mo.func)?;
    Ok(if h == -1 { -2 } else { h })
}

fn method_descr_get(m: &Obj, _inst: Option<&Obj>, _owner: &Obj) -> PyResult<Obj> {
    Ok(m.clone())
}

pub fn method_spec() -> TypeSpec {
    let mut s = TypeSpec::new("method", std::mem::size_of::<MethodObj>(), drop_as::<MethodObj>);
    s.slots.traverse = Some(method_traverse);
    s.final_ = true;
    s.slots.call = Some(method_call);
    s.slots.repr = Some(method_repr);
    s.slots.getattro = Some(method_getattro);
    s.slots.richcompare = Some(method_richcompare);
    s.slots.hash = Some(method_hash);
    s.slots.descr_get = Some(method_descr_get);
    s
}

// ===================== cell =====================

#[repr(C)]
pub struct CellObj {
    pub head: ObjHeader,
    pub value: Option<Obj>,
}

pub fn new_cell(v: Option<Obj>) -> Obj {
    alloc(types().cell, CellObj { head: header(), value: v })
}

/// The cell's contents (None when empty). Caller guarantees `c` is a cell.
#[inline]
pub fn cell_get(c: &Obj) -> Option<Obj> {
    unsafe { c.payload::<CellObj>().value.clone() }
}

/// Sets (Some) or empties (None) the cell.
#[inline]
pub fn cell_set(c: &Obj, v: Option<Obj>) {
    let old = unsafe { std::mem::replace(&mut c.payload_mut::<CellObj>().value, v) };
    drop(old);
}

pub fn is_cell(o: &Obj) -> bool {
    !o.is_small_int() && o.is_exact(types().cell)
}

fn cell_repr(c: &Obj) -> PyResult<Obj> {
    Ok(pystr::from_string(match cell_get(c) {
        None => format!("<cell at {:#x}: empty>", c.raw()),
        Some(v) => format!("<cell at {:#x}: {} object at {:#x}>", c.raw(), v.type_name(), v.raw()),
    }))
}

fn cell_contents(c: &Obj) -> PyResult<Obj> {
    cell_get(c).ok_or_else(|| value_error("Cell is empty"))
}

fn cell_getattro(c: &Obj, name: &Obj) -> PyResult<Obj> {
    if pystr::as_str(name) == Some("cell_contents") {
        return cell_contents(c);
    }
    types::object::generic_getattr(c, name)
}

fn cell_setattro(c: &Obj, name: &Obj, value: Option<&Obj>) -> PyResult<()> {
    if pystr::as_str(name) == Some("cell_contents") {
        cell_set(c, value.cloned());
        return Ok(());
    }
    types::object::generic_setattr(c, name, value)
}

fn cell_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_cell(b) {
        return Ok(none::not_implemented());
    }
    match (cell_get(a), cell_get(b)) {
        (Some(x), Some(y)) => protocol::richcompare(&x, &y, op),
        (x, y) => {
            let (l, r) = (x.is_some() as i32, y.is_some() as i32);
            let res = match op {
                CmpOp::Lt => l < r,
                CmpOp::Le => l <= r,
                CmpOp::Eq => l == r,
                CmpOp::Ne => l != r,
                CmpOp::Gt => l > r,
                CmpOp::Ge => l >= r,
            };
            Ok(types::bool::from_bool(res))
        }
    }
}

pub fn cell_spec() -> TypeSpec {
    let mut s = TypeSpec::new("cell", std::mem::size_of::<CellObj>(), drop_as::<CellObj>);
    s.slots.traverse = Some(cell_traverse);
    s.slots.clear = Some(cell_clear);
    s.final_ = true;
    s.slots.repr = Some(cell_repr);
    s.slots.getattro = Some(cell_getattro);
    s.slots.setattro = Some(cell_setattro);
    s.slots.richcompare = Some(cell_richcompare);
    s.methods = vec![MethodDef::Getter { name: "cell_contents", get: cell_contents }];
    s
}

// ----- cycle collector (gc.rs): traverse / clear -----

fn function_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let f = unsafe { o.payload::<FunctionObj>() };
    for x in [&f.code, &f.globals, &f.builtins, &f.name, &f.qualname, &f.module, &f.doc] {
        visit(x);
    }
    for x in [&f.defaults, &f.kwdefaults, &f.closure, &f.annotations].into_iter().flatten() {
        visit(x);
    }
    if let Some(Some(d)) = crate::object::dict_slot(o) {
        visit(d);
    }
}

fn function_clear(o: &Obj) {
    let f = unsafe { o.payload_mut::<FunctionObj>() };
    let old = (f.defaults.take(), f.kwdefaults.take(), f.closure.take(), f.annotations.take());
    let d = crate::object::dict_slot(o).and_then(|s| s.take());
    drop(old);
    drop(d);
}

fn method_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let m = unsafe { o.payload::<MethodObj>() };
    visit(&m.func);
    visit(&m.self_);
}

fn cell_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(v) = &unsafe { o.payload::<CellObj>() }.value {
        visit(v);
    }
}

fn cell_clear(o: &Obj) {
    let old = unsafe { o.payload_mut::<CellObj>() }.value.take();
    drop(old);
}
