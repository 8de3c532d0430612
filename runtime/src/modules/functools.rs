//! The native `_functools` module: `reduce` and the `partial` type (func/args/keywords,
//! CPython's repr, flattening of nested partials, an instance `__dict__`, subclassable).
//! `cmp_to_key` and `_lru_cache_wrapper` are left to functools.py's pure-Python versions,
//! which it keeps when the native names are missing.

use super::itertools::{class_getitem, module_type, LazyType};
use crate::errors::type_error;
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::list::ReprGuard;
use crate::types::typeobj::{as_type, drop_as, KwArgs, MethodDef, TypeObject};
use crate::types::{dict, module, str as pystr, tuple, TypeSpec};

// ===================== reduce =====================

fn f_reduce(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    crate::types::list::no_kwargs("reduce", kw)?;
    crate::types::list::check_min_args("reduce", args, 2)?;
    crate::types::list::check_max_args("reduce", args, 3)?;
    let func = &args[0];
    let it = protocol::iter(&args[1])?;
    let mut acc = args.get(2).cloned();
    while let Some(x) = protocol::next(&it)? {
        acc = Some(match acc {
            None => x,
            Some(a) => protocol::call(func, &[a, x])?,
        });
    }
    acc.ok_or_else(|| type_error("reduce() of empty iterable with no initial value"))
}

// ===================== partial =====================

#[repr(C)]
struct Partial {
    head: ObjHeader,
    func: Obj,
    /// A tuple.
    args: Obj,
    /// A dict.
    kw: Obj,
}

static PARTIAL: LazyType = LazyType::new();

fn partial_type() -> &'static TypeObject {
    PARTIAL.get(|| module_type("functools", partial_spec()))
}

fn pp(o: &Obj) -> &Partial {
    unsafe { o.payload::<Partial>() }
}

fn partial_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let Some(first) = args.first() else {
        return Err(type_error("type 'partial' takes at least one argument"));
    };
    if first.ty().slots().call.is_none() {
        return Err(type_error("the first argument must be callable"));
    }
    let (mut func, mut pargs, kwd) = (first.clone(), Vec::new(), dict::new());
    // A partial of a partial (one that still calls like a partial) is flattened.
    if !first.is_small_int() && first.isinstance(partial_type()) && first.ty().slots().call.map(|f| f as usize) == Some(partial_call as crate::types::typeobj::CallFn as usize) {
        let inner = pp(first);
        func = inner.func.clone();
        pargs.extend_from_slice(tuple::as_slice(&inner.args).unwrap_or(&[]));
        dict::merge(&kwd, &inner.kw, true)?;
    }
    pargs.extend_from_slice(&args[1..]);
    for (k, v) in kw.iter() {
        dict::set_item(&kwd, k.clone(), v.clone())?;
    }
    Ok(alloc(as_type(cls), Partial { head: header(), func, args: tuple::new(pargs), kw: kwd }))
}

fn partial_call(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let p = pp(o);
    let (func, pargs, pkw) = (p.func.clone(), p.args.clone(), p.kw.clone());
    let mut all: Vec<Obj> = tuple::as_slice(&pargs).unwrap_or(&[]).to_vec();
    all.extend_from_slice(args);
    if dict::len(&pkw) == 0 {
        return protocol::call_kw(&func, &all, kw);
    }
    let merged = dict::copy(&pkw);
    for (k, v) in kw.iter() {
        dict::set_item(&merged, k.clone(), v.clone())?;
    }
    let (names, values): (Vec<Obj>, Vec<Obj>) = dict::items(&merged).into_iter().unzip();
    protocol::call_kw(&func, &all, &KwArgs { names: &names, values: &values })
}

fn partial_repr(o: &Obj) -> PyResult<Obj> {
    let ty = o.ty();
    let name = format!("{}.{}", ty.module.borrow(), ty.qualname.borrow());
    let Some(_g) = ReprGuard::enter(o) else { return Ok(pystr::new("...")) };
    let p = pp(o);
    let (func, pargs, pkw) = (p.func.clone(), p.args.clone(), p.kw.clone());
    let mut parts = vec![protocol::repr_string(&func)?];
    for a in tuple::as_slice(&pargs).unwrap_or(&[]) {
        parts.push(protocol::repr_string(a)?);
    }
    for (k, v) in dict::items(&pkw) {
        parts.push(format!("{}={}", protocol::str_string(&k)?, protocol::repr_string(&v)?));
    }
    Ok(pystr::from_string(format!("{}({})", name, parts.join(", "))))
}

fn g_func(o: &Obj) -> PyResult<Obj> {
    Ok(pp(o).func.clone())
}
fn g_args(o: &Obj) -> PyResult<Obj> {
    Ok(pp(o).args.clone())
}
fn g_keywords(o: &Obj) -> PyResult<Obj> {
    Ok(pp(o).kw.clone())
}

fn partial_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let p = pp(o);
    visit(&p.func);
    visit(&p.args);
    visit(&p.kw);
}

fn partial_spec() -> TypeSpec {
    let mut s = TypeSpec::new("partial", std::mem::size_of::<Partial>(), drop_as::<Partial>);
    s.has_dict = true;
    s.slots.new = Some(partial_new);
    s.slots.call = Some(partial_call);
    s.slots.repr = Some(partial_repr);
    s.slots.traverse = Some(partial_traverse);
    s.methods = vec![
        MethodDef::Getter { name: "func", get: g_func },
        MethodDef::Getter { name: "args", get: g_args },
        MethodDef::Getter { name: "keywords", get: g_keywords },
        MethodDef::ClassMethod { name: "__class_getitem__", func: class_getitem },
    ];
    s
}

/// Creates the `_functools` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_functools");
    let d = module::dict(&m);
    dict::set_item_str(&d, "reduce", new_builtin_in("_functools", "reduce", f_reduce));
    dict::set_item_str(&d, "partial", partial_type().as_obj());
    Ok(m)
}
