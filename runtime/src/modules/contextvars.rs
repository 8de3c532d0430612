//! The native `_contextvars` module (what `contextvars.py` re-exports, and what `decimal`
//! through `_pydecimal` needs): `ContextVar`, `Token`, `Context` and `copy_context`, with
//! CPython 3.11's messages, reprs and final (not subclassable) types.
//!
//! A `Context` maps ContextVars to values; its mapping must behave as persistent (a copy
//! taken before a `set` never sees it). CPython uses a HAMT; we keep a plain dict that is
//! never mutated once shared: `copy()` shares it, and `set`/`reset` write to the context's
//! own dict when nothing else holds it, else to a fresh copy (copy-on-write of small dicts).
//! Iteration order is the dict's (CPython's is its HAMT's hash order, so programs cannot
//! depend on it either); `keys()`/`values()`/`items()` return lists rather than CPython's
//! view objects.
//!
//! The current context is per thread (`CURRENT`, an owned reference held as a raw word so
//! the thread-local has no destructor): empty until first used, each thread starts with
//! its own empty context (threads do not inherit it in 3.11), and `Context.run` swaps it
//! for the call's duration. A thread drops its context when it finishes
//! (`thread::finish_thread`), the main thread at exit in leak-check mode.

use std::cell::{Cell, RefCell};

use super::itertools::{class_getitem, module_type, LazyType};
use crate::errors::{key_error, runtime_error, type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::protocol;
use crate::types::exceptions::{exc, new_exception};
use crate::types::function::new_builtin_in;
use crate::types::list::{hash_not_implemented, no_kwargs, none_attr};
use crate::types::typeobj::{as_type, drop_as, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, dict, list, module, none, str as pystr, tuple, TypeSpec};
use pyc_frontend::bytecode::CmpOp;

// ===================== per-thread current context =====================

thread_local! {
    /// This thread's current Context: an owned reference as a raw word, 0 when none yet.
    static CURRENT: Cell<u64> = const { Cell::new(0) };
}

/// Replaces this thread's current context, returning the previous one.
fn swap_current(new: Option<Obj>) -> Option<Obj> {
    let raw = new.map_or(0, Obj::into_raw);
    // SAFETY: `CURRENT` holds either 0 or an owned reference put there by this function.
    unsafe { Obj::from_raw_opt(CURRENT.with(|c| c.replace(raw))) }
}

/// This thread's current context, created empty on first use (CPython's `context_get`).
fn current() -> Obj {
    let cur = swap_current(None).unwrap_or_else(new_context);
    drop(swap_current(Some(cur.clone())));
    cur
}

/// Drops the calling thread's context (GIL held): when a thread finishes, and for the
/// main thread at exit in leak-check mode.
pub fn clear_thread() {
    drop(swap_current(None));
}

// ===================== ContextVar =====================

#[repr(C)]
struct ContextVar {
    head: ObjHeader,
    name: Obj,
    default: Option<Obj>,
}

static CONTEXTVAR: LazyType = LazyType::new();

fn contextvar_type() -> &'static TypeObject {
    CONTEXTVAR.get(|| module_type("_contextvars", contextvar_spec()))
}

fn var(o: &Obj) -> &ContextVar {
    // SAFETY: called only on objects checked (or bound by a method descriptor) to be
    // ContextVars, whose type is final.
    unsafe { o.payload::<ContextVar>() }
}

fn is_var(o: &Obj) -> bool {
    !o.is_small_int() && std::ptr::eq(o.ty(), contextvar_type())
}

fn contextvar_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let default = bind_new_args(args, kw)?;
    let name = args[0].clone();
    if !pystr::is_str(&name) {
        return Err(type_error("context variable name must be a str"));
    }
    Ok(alloc(as_type(cls), ContextVar { head: header(), name, default }))
}

/// `ContextVar(name, /, *, default)` with CPython's messages (its argument parser checks
/// the total count, then the positional one, then the keyword names). Returns `default`.
fn bind_new_args(args: &[Obj], kw: &KwArgs) -> PyResult<Option<Obj>> {
    let total = args.len() + kw.names.len();
    if total > 2 {
        let keyword = if args.is_empty() { "keyword " } else { "" };
        return Err(type_error(format!("ContextVar() takes at most 2 {keyword}arguments ({total} given)")));
    }
    if args.len() != 1 {
        let how = if args.is_empty() { "exactly" } else { "at most" };
        return Err(type_error(format!("ContextVar() takes {how} 1 positional argument ({} given)", args.len())));
    }
    let mut default = None;
    for (k, v) in kw.iter() {
        match pystr::as_str(k) {
            Some("default") => default = Some(v.clone()),
            _ => return Err(type_error(format!("'{}' is an invalid keyword argument for ContextVar()", protocol::str_string(k)?))),
        }
    }
    Ok(default)
}

fn lookup_error(v: &Obj) -> PyErr {
    PyErr(new_exception(exc().lookup_error, vec![v.clone()]))
}

fn var_get(a: &[Obj]) -> PyResult<Obj> {
    let v = &a[0];
    if let Some(x) = dict::get_item(&vars_of(&current()), v)? {
        return Ok(x);
    }
    a.get(1).or(var(v).default.as_ref()).cloned().ok_or_else(|| lookup_error(v))
}

fn var_set(a: &[Obj]) -> PyResult<Obj> {
    let (v, value) = (&a[0], &a[1]);
    let ctx = current();
    let old = dict::get_item(&vars_of(&ctx), v)?;
    store(&ctx, v, Some(value.clone()))?;
    Ok(alloc(token_type(), Token { head: header(), ctx, var: v.clone(), old, used: Cell::new(false) }))
}

fn var_reset(a: &[Obj]) -> PyResult<Obj> {
    let (v, t) = (&a[0], &a[1]);
    if t.is_small_int() || !std::ptr::eq(t.ty(), token_type()) {
        return Err(type_error(format!("expected an instance of Token, got {}", protocol::repr_string(t)?)));
    }
    let tok = token(t);
    if tok.used.get() {
        return Err(runtime_error(format!("{} has already been used once", protocol::repr_string(t)?)));
    }
    if !tok.var.is(v) {
        return Err(value_error(format!("{} was created by a different ContextVar", protocol::repr_string(t)?)));
    }
    let ctx = current();
    if !tok.ctx.is(&ctx) {
        return Err(value_error(format!("{} was created in a different Context", protocol::repr_string(t)?)));
    }
    tok.used.set(true);
    store(&ctx, v, tok.old.clone())?;
    Ok(none::none())
}

fn var_repr(o: &Obj) -> PyResult<Obj> {
    let v = var(o);
    let mut s = format!("<ContextVar name={}", protocol::repr_string(&v.name)?);
    if let Some(d) = &v.default {
        s += &format!(" default={}", protocol::repr_string(d)?);
    }
    Ok(pystr::from_string(format!("{s} at {:#x}>", o.raw())))
}

fn var_name(o: &Obj) -> PyResult<Obj> {
    Ok(var(o).name.clone())
}

fn var_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let v = var(o);
    visit(&v.name);
    if let Some(d) = &v.default {
        visit(d);
    }
}

fn contextvar_spec() -> TypeSpec {
    let mut s = TypeSpec::new("ContextVar", std::mem::size_of::<ContextVar>(), drop_as::<ContextVar>);
    s.final_ = true;
    s.slots.new = Some(contextvar_new);
    s.slots.repr = Some(var_repr);
    s.slots.traverse = Some(var_traverse);
    s.methods = vec![
        MethodDef::Method { name: "get", func: var_get, min: 1, max: 2 },
        MethodDef::Method { name: "set", func: var_set, min: 2, max: 2 },
        MethodDef::Method { name: "reset", func: var_reset, min: 2, max: 2 },
        MethodDef::ClassMethod { name: "__class_getitem__", func: class_getitem },
        // a read-only member in CPython ("readonly attribute")
        MethodDef::GetSet { name: "name", get: var_name, set: crate::types::complex::readonly },
    ];
    s
}

// ===================== Token =====================

#[repr(C)]
struct Token {
    head: ObjHeader,
    ctx: Obj,
    var: Obj,
    /// The value before the `set`; None when the variable was unset (`Token.MISSING`).
    old: Option<Obj>,
    used: Cell<bool>,
}

static TOKEN: LazyType = LazyType::new();
static MISSING: LazyType = LazyType::new();

fn token_type() -> &'static TypeObject {
    TOKEN.get(|| module_type("_contextvars", token_spec()))
}

fn token(o: &Obj) -> &Token {
    // SAFETY: called only on objects of the (final) Token type.
    unsafe { o.payload::<Token>() }
}

/// `Token.MISSING`: the one instance of a type of its own, created with the type.
fn missing() -> Obj {
    static VALUE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let raw = *VALUE.get_or_init(|| {
        let o = alloc(missing_type(), header());
        o.make_immortal();
        o.into_raw()
    });
    // SAFETY: the object is immortal, so this word is a valid reference for good.
    unsafe { Obj::from_raw(raw) }
}

fn missing_type() -> &'static TypeObject {
    MISSING.get(|| {
        let mut s = TypeSpec::new("Token.MISSING", std::mem::size_of::<ObjHeader>(), drop_as::<ObjHeader>);
        s.final_ = true;
        s.slots.repr = Some(|_| Ok(pystr::new("<Token.MISSING>")));
        s.slots.new = Some(|cls, _, _| Err(type_error(format!("cannot create '{}' instances", as_type(cls).tp_name()))));
        super::make_type(s)
    })
}

fn token_new(_cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Err(runtime_error("Tokens can only be created by ContextVars"))
}

fn token_repr(o: &Obj) -> PyResult<Obj> {
    let t = token(o);
    let used = if t.used.get() { " used" } else { "" };
    Ok(pystr::from_string(format!("<Token{used} var={} at {:#x}>", protocol::repr_string(&t.var)?, o.raw())))
}

fn token_var(o: &Obj) -> PyResult<Obj> {
    Ok(token(o).var.clone())
}

fn token_old_value(o: &Obj) -> PyResult<Obj> {
    Ok(token(o).old.clone().unwrap_or_else(missing))
}

fn token_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let t = token(o);
    visit(&t.ctx);
    visit(&t.var);
    if let Some(x) = &t.old {
        visit(x);
    }
}

fn token_spec() -> TypeSpec {
    let mut s = TypeSpec::new("Token", std::mem::size_of::<Token>(), drop_as::<Token>);
    s.final_ = true;
    s.slots.new = Some(token_new);
    s.slots.repr = Some(token_repr);
    s.slots.hash = Some(hash_not_implemented);
    s.slots.traverse = Some(token_traverse);
    s.methods = vec![
        MethodDef::ClassMethod { name: "__class_getitem__", func: class_getitem },
        MethodDef::Getter { name: "var", get: token_var },
        MethodDef::Getter { name: "old_value", get: token_old_value },
        MethodDef::Attr { name: "MISSING", value: missing },
        MethodDef::Attr { name: "__hash__", value: none_attr },
    ];
    s
}

// ===================== Context =====================

#[repr(C)]
struct Context {
    head: ObjHeader,
    /// ContextVar -> value; never mutated while another context shares it.
    vars: RefCell<Obj>,
    /// Inside `run` (a context can be entered once at a time).
    entered: Cell<bool>,
}

static CONTEXT: LazyType = LazyType::new();

fn context_type() -> &'static TypeObject {
    CONTEXT.get(|| module_type("_contextvars", context_spec()))
}

fn ctx(o: &Obj) -> &Context {
    // SAFETY: called only on objects of the (final) Context type.
    unsafe { o.payload::<Context>() }
}

fn context_with(vars: Obj) -> Obj {
    alloc(context_type(), Context { head: header(), vars: RefCell::new(vars), entered: Cell::new(false) })
}

fn new_context() -> Obj {
    context_with(dict::new())
}

fn vars_of(c: &Obj) -> Obj {
    ctx(c).vars.borrow().clone()
}

/// Sets (`Some`) or deletes (`None`) `v` in context `c`, copying its dict first when
/// another context shares it. Deleting an unset variable is CPython's LookupError.
fn store(c: &Obj, v: &Obj, value: Option<Obj>) -> PyResult<()> {
    let cur = vars_of(c);
    // Two references: the context's and `cur`.
    let d = if cur.refcount() <= 2 { cur } else { dict::copy(&cur) };
    match value {
        Some(x) => dict::set_item(&d, v.clone(), x)?,
        None => {
            if !dict::del_item(&d, v)? {
                return Err(lookup_error(v));
            }
        }
    }
    // The old dict (and a value it alone held, whose `__del__` may read the context)
    // goes only once the new mapping is in place, as in CPython.
    drop(ctx(c).vars.replace(d));
    Ok(())
}

fn context_new(_cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !args.is_empty() || !kw.is_empty() {
        return Err(type_error("Context() does not accept any arguments"));
    }
    Ok(new_context())
}

fn check_key(k: &Obj) -> PyResult<()> {
    if is_var(k) {
        Ok(())
    } else {
        Err(type_error(format!("a ContextVar key was expected, got {}", protocol::repr_string(k)?)))
    }
}

fn context_getitem(o: &Obj, k: &Obj) -> PyResult<Obj> {
    check_key(k)?;
    dict::get_item(&vars_of(o), k)?.ok_or_else(|| key_error(k.clone()))
}

fn context_contains(o: &Obj, k: &Obj) -> PyResult<bool> {
    check_key(k)?;
    dict::contains(&vars_of(o), k)
}

fn context_len(o: &Obj) -> PyResult<usize> {
    Ok(dict::len(&vars_of(o)))
}

fn context_iter(o: &Obj) -> PyResult<Obj> {
    protocol::iter(&list::new(dict::keys(&vars_of(o))))
}

fn context_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    let same_type = !b.is_small_int() && std::ptr::eq(b.ty(), context_type());
    if !same_type || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(none::not_implemented());
    }
    let eq = protocol::eq(&vars_of(a), &vars_of(b))?;
    Ok(pybool::from_bool(eq == matches!(op, CmpOp::Eq)))
}

fn context_get(a: &[Obj]) -> PyResult<Obj> {
    check_key(&a[1])?;
    Ok(dict::get_item(&vars_of(&a[0]), &a[1])?.or_else(|| a.get(2).cloned()).unwrap_or_else(none::none))
}

fn context_keys(a: &[Obj]) -> PyResult<Obj> {
    Ok(list::new(dict::keys(&vars_of(&a[0]))))
}

fn context_values(a: &[Obj]) -> PyResult<Obj> {
    Ok(list::new(dict::values(&vars_of(&a[0]))))
}

fn context_items(a: &[Obj]) -> PyResult<Obj> {
    let items = dict::items(&vars_of(&a[0]));
    Ok(list::new(items.into_iter().map(|(k, v)| tuple::new(vec![k, v])).collect()))
}

fn context_copy(a: &[Obj]) -> PyResult<Obj> {
    Ok(context_with(vars_of(&a[0])))
}

/// `Context.run(callable, *args, **kwargs)`: the call runs with this context current; the
/// previous one is current again afterwards, whether the call returned or raised.
fn context_run(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let Some(func) = args.first() else {
        return Err(type_error("run() missing 1 required positional argument"));
    };
    let c = ctx(o);
    if c.entered.get() {
        return Err(runtime_error(format!("cannot enter context: {} is already entered", protocol::repr_string(o)?)));
    }
    c.entered.set(true);
    let prev = swap_current(Some(o.clone()));
    let r = protocol::call_kw(func, &args[1..], kw);
    drop(swap_current(prev));
    c.entered.set(false);
    r
}

fn context_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&ctx(o).vars.borrow());
}

fn context_spec() -> TypeSpec {
    let mut s = TypeSpec::new("Context", std::mem::size_of::<Context>(), drop_as::<Context>);
    s.final_ = true;
    s.slots.new = Some(context_new);
    s.slots.hash = Some(hash_not_implemented);
    s.slots.richcompare = Some(context_richcompare);
    s.slots.getitem = Some(context_getitem);
    s.slots.contains = Some(context_contains);
    s.slots.len = Some(context_len);
    s.slots.iter = Some(context_iter);
    s.slots.traverse = Some(context_traverse);
    s.methods = vec![
        MethodDef::Method { name: "get", func: context_get, min: 2, max: 3 },
        MethodDef::Method { name: "keys", func: context_keys, min: 1, max: 1 },
        MethodDef::Method { name: "values", func: context_values, min: 1, max: 1 },
        MethodDef::Method { name: "items", func: context_items, min: 1, max: 1 },
        MethodDef::Method { name: "copy", func: context_copy, min: 1, max: 1 },
        MethodDef::MethodKw { name: "run", func: context_run },
        MethodDef::Attr { name: "__hash__", value: none_attr },
    ];
    s
}

// ===================== module =====================

fn f_copy_context(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kwargs("copy_context", kw)?;
    if !args.is_empty() {
        return Err(type_error(format!("_contextvars.copy_context() takes no arguments ({} given)", args.len())));
    }
    Ok(context_with(vars_of(&current())))
}

/// Creates the `_contextvars` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_contextvars");
    let d = module::dict(&m);
    dict::set_item_str(&d, "ContextVar", contextvar_type().as_obj());
    dict::set_item_str(&d, "Token", token_type().as_obj());
    dict::set_item_str(&d, "Context", context_type().as_obj());
    dict::set_item_str(&d, "copy_context", new_builtin_in("_contextvars", "copy_context", f_copy_context));
    Ok(m)
}
