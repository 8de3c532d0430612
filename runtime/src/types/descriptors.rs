//! Descriptors: `bind` (the `__get__` step of attribute look-up), the descriptor objects
//! built-in types put in their dicts — `method_descriptor` (`list.append`),
//! `classmethod_descriptor` (`dict.fromkeys`), `wrapper_descriptor` (slot wrappers such
//! as `int.__add__`, `object.__init__`), their bound forms (`builtin_function_or_method`,
//! `method-wrapper`), `getset_descriptor`, `member_descriptor` (`__slots__` members and
//! exception fields) — and the Python-level `property`, `classmethod` and `staticmethod`.

use pyc_frontend::bytecode::CmpOp;

use crate::errors::{attribute_error, type_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::typeobj::{as_type, drop_as, BinaryFn, CallFn, KwArgs, MethodDef, SetterFn, TypeObject, UnaryFn};
use crate::types::{bool as pybool, dict, function, int, none, str as pystr, types, TypeSpec};

/// `descr.__get__(instance, owner)` if `descr`'s type is a descriptor, else `descr`.
pub fn bind(descr: &Obj, instance: Option<&Obj>, owner: &Obj) -> PyResult<Obj> {
    match descr.ty().slots().descr_get {
        Some(f) => f(descr, instance, owner),
        None => Ok(descr.clone()),
    }
}

/// Is `o` a plain function-like object that binds by prepending self (a Python function
/// or a built-in method/slot descriptor)? Such objects can be called unbound with self
/// as the first argument instead of creating a bound method (the `LoadMethod` fast path).
pub fn is_unbound_method(o: &Obj) -> bool {
    if o.is_small_int() {
        return false;
    }
    let t = types();
    o.is_exact(t.function) || o.is_exact(t.method_descriptor) || o.is_exact(t.wrapper_descriptor)
}

/// Calls attribute `m` found on `type(self)` as a method of `self` (binding only when
/// needed).
pub fn call_unbound(m: &Obj, self_: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if crate::types::function::is_function(m) {
        // a method written in Python: bound in place, no argument vector
        if kw.is_empty() {
            if let Some(r) = crate::frame::try_call_direct_with_self(m, self_, args) {
                return r;
            }
        }
        crate::recursion::enter()?;
        let r = crate::frame::call_function_with_self(m, self_, args, kw);
        crate::recursion::leave();
        return r;
    }
    if is_unbound_method(m) {
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(self_.clone());
        v.extend_from_slice(args);
        protocol::call_kw(m, &v, kw)
    } else {
        let b = bind(m, Some(self_), &self_.type_obj())?;
        protocol::call_kw(&b, args, kw)
    }
}

// ===================== method / slot descriptors =====================

/// What a slot wrapper (`int.__add__`...) calls.
#[derive(Clone, Copy)]
pub enum SlotWrapper {
    Unary(UnaryFn),
    Hash(fn(&Obj) -> PyResult<i64>),
    RichCmp(fn(&Obj, &Obj, CmpOp) -> PyResult<Obj>, CmpOp),
    Next(fn(&Obj) -> PyResult<Option<Obj>>),
    Len(fn(&Obj) -> PyResult<usize>),
    GetItem(BinaryFn),
    SetItem(fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>),
    DelItem(fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>),
    Contains(fn(&Obj, &Obj) -> PyResult<bool>),
    Bool(fn(&Obj) -> PyResult<bool>),
    Call(CallFn),
    GetAttr(fn(&Obj, &Obj) -> PyResult<Obj>),
    SetAttr(fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>),
    DelAttr(fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>),
    DescrGet(fn(&Obj, Option<&Obj>, &Obj) -> PyResult<Obj>),
    DescrSet(fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>),
    DescrDelete(fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>),
    /// `a.__add__(b)` → `f(a, b)`
    Binary(BinaryFn),
    /// `a.__radd__(b)` → `f(b, a)`
    BinaryR(BinaryFn),
    Init(CallFn),
}

impl SlotWrapper {
    /// The wrapped function as an address (to compare with a type's slot).
    pub fn addr(&self) -> usize {
        use SlotWrapper::*;
        match *self {
            Unary(f) => f as usize,
            Hash(f) => f as usize,
            RichCmp(f, _) => f as usize,
            Next(f) => f as usize,
            Len(f) => f as usize,
            GetItem(f) => f as usize,
            SetItem(f) | DelItem(f) => f as usize,
            Contains(f) => f as usize,
            Bool(f) => f as usize,
            Call(f) | Init(f) => f as usize,
            GetAttr(f) => f as usize,
            SetAttr(f) | DelAttr(f) => f as usize,
            DescrGet(f) => f as usize,
            DescrSet(f) | DescrDelete(f) => f as usize,
            Binary(f) | BinaryR(f) => f as usize,
        }
    }
}

#[derive(Clone, Copy)]
pub enum DescrKind {
    Method { func: fn(&[Obj]) -> PyResult<Obj>, min: usize, max: usize },
    MethodKw(CallFn),
    ClassMethod(CallFn),
    Slot(SlotWrapper),
}

/// Payload of `method_descriptor`, `classmethod_descriptor` and `wrapper_descriptor`.
#[repr(C)]
pub struct MethodDescrObj {
    pub head: ObjHeader,
    pub name: &'static str,
    pub owner: &'static TypeObject,
    pub kind: DescrKind,
    /// A call from Python code counts a recursion level (`counts_level`).
    pub counts_level: bool,
}

/// Whether CPython 3.11 counts a recursion level (" while calling a Python object") for a
/// call of method `name` of `owner` from bytecode: its specialized calls of METH_O and
/// METH_NOARGS methods do (fixed arity, at most one argument), of METH_FASTCALL ones
/// (the others) do not, and METH_VARARGS ones go through the generic call, which does.
/// `list.append` as a statement (its usual form) is specialized to count nothing.
fn method_counts_level(name: &str, owner: &'static TypeObject, kind: &DescrKind) -> bool {
    let t = types();
    let is = |o: &'static TypeObject| std::ptr::eq(owner, o);
    let varargs = match name {
        "count" | "find" | "index" | "rfind" | "rindex" | "startswith" | "endswith" => is(t.str) || is(t.bytes) || is(t.bytearray),
        "format" => is(t.str),
        "update" => is(t.dict) || is(t.set),
        "union" | "intersection" | "difference" => is(t.set) || is(t.frozenset),
        "intersection_update" | "difference_update" => is(t.set),
        _ => false,
    };
    match kind {
        _ if varargs => true,
        DescrKind::Method { .. } if name == "append" && is(t.list) => false,
        DescrKind::Method { min, max, .. } => min == max && *max <= 2,
        _ => false,
    }
}

/// A descriptor for a built-in method / classmethod / slot wrapper of `owner`.
pub fn new_method_descriptor(name: &'static str, owner: &'static TypeObject, kind: DescrKind) -> Obj {
    let t = types();
    let ty = match kind {
        DescrKind::Method { .. } | DescrKind::MethodKw(_) => t.method_descriptor,
        DescrKind::ClassMethod(_) => t.classmethod_descriptor,
        DescrKind::Slot(_) => t.wrapper_descriptor,
    };
    let counts_level = method_counts_level(name, owner, &kind);
    alloc(ty, MethodDescrObj { head: header(), name, owner, kind, counts_level })
}

/// The Rust function behind `descr(self, *args)` when `callable` is a positional-only
/// method descriptor, the receiver's type is exactly its owner and the arity is in range:
/// then the call needs none of `descr_call`'s checks nor a copy of the arguments (they
/// already start with the receiver). `None` sends the call down the generic path, which
/// raises the errors.
#[inline]
pub fn direct_method(callable: &Obj, args: &[Obj]) -> Option<fn(&[Obj]) -> PyResult<Obj>> {
    if !callable.is_exact(types().method_descriptor) {
        return None;
    }
    let d = unsafe { callable.payload::<MethodDescrObj>() };
    match d.kind {
        DescrKind::Method { func, min, max } if !args.is_empty() && (min..=max).contains(&args.len()) && args[0].is_exact(d.owner) => Some(func),
        _ => None,
    }
}

/// The `__init__` slot function behind `wrapper(self, *args)` when `callable` is an
/// `__init__` slot wrapper (`Exception.__init__(self, code)` in a subclass's `__init__`)
/// and the receiver is an instance of its owner: what `descr_call` would reach after its
/// checks, without the generic call's dispatch. `None` leaves the call to the generic
/// path, which raises the errors.
#[inline]
pub fn direct_init(callable: &Obj, args: &[Obj]) -> Option<CallFn> {
    if !callable.is_exact(types().wrapper_descriptor) {
        return None;
    }
    // SAFETY: wrapper descriptors have a `MethodDescrObj` payload.
    let d = unsafe { callable.payload::<MethodDescrObj>() };
    match d.kind {
        DescrKind::Slot(SlotWrapper::Init(f)) if args.first().is_some_and(|s| s.isinstance(d.owner)) => Some(f),
        _ => None,
    }
}

/// The descriptor payload if `o` is one of the three descriptor types.
pub fn as_method_descr(o: &Obj) -> Option<&MethodDescrObj> {
    if o.is_small_int() {
        return None;
    }
    let t = types();
    if o.is_exact(t.method_descriptor) || o.is_exact(t.wrapper_descriptor) || o.is_exact(t.classmethod_descriptor) {
        Some(unsafe { o.payload::<MethodDescrObj>() })
    } else {
        None
    }
}

/// If `o` is a slot wrapper, the wrapper.
pub fn as_slot_wrapper(o: &Obj) -> Option<SlotWrapper> {
    match as_method_descr(o) {
        Some(MethodDescrObj { kind: DescrKind::Slot(w), .. }) => Some(*w),
        _ => None,
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn check_args(n: usize, expected: usize) -> PyResult<()> {
    if n != expected {
        return Err(type_error(format!("expected {} argument{}, got {}", expected, plural(expected), n)));
    }
    Ok(())
}

fn call_slot_wrapper(name: &str, w: SlotWrapper, s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    use SlotWrapper::*;
    if !kw.is_empty() && !matches!(w, Call(_) | Init(_)) {
        return Err(type_error(format!("wrapper {}() takes no keyword arguments", name)));
    }
    match w {
        Unary(f) => {
            check_args(a.len(), 0)?;
            f(s)
        }
        Hash(f) => {
            check_args(a.len(), 0)?;
            Ok(int::from_i64(f(s)?))
        }
        RichCmp(f, op) => {
            check_args(a.len(), 1)?;
            f(s, &a[0], op)
        }
        Next(f) => {
            check_args(a.len(), 0)?;
            match f(s)? {
                Some(v) => Ok(v),
                None => Err(crate::errors::stop_iteration(None)),
            }
        }
        Len(f) => {
            check_args(a.len(), 0)?;
            Ok(int::from_i64(f(s)? as i64))
        }
        GetItem(f) => {
            check_args(a.len(), 1)?;
            f(s, &a[0])
        }
        SetItem(f) => {
            check_args(a.len(), 2)?;
            f(s, &a[0], Some(&a[1]))?;
            Ok(none::none())
        }
        DelItem(f) => {
            check_args(a.len(), 1)?;
            f(s, &a[0], None)?;
            Ok(none::none())
        }
        Contains(f) => {
            check_args(a.len(), 1)?;
            Ok(pybool::from_bool(f(s, &a[0])?))
        }
        Bool(f) => {
            check_args(a.len(), 0)?;
            Ok(pybool::from_bool(f(s)?))
        }
        Call(f) | Init(f) => f(s, a, kw),
        GetAttr(f) => {
            check_args(a.len(), 1)?;
            check_attr_name(&a[0])?;
            f(s, &a[0])
        }
        SetAttr(f) => {
            check_args(a.len(), 2)?;
            check_attr_name(&a[0])?;
            f(s, &a[0], Some(&a[1]))?;
            Ok(none::none())
        }
        DelAttr(f) => {
            check_args(a.len(), 1)?;
            check_attr_name(&a[0])?;
            f(s, &a[0], None)?;
            Ok(none::none())
        }
        DescrGet(f) => {
            if a.is_empty() || a.len() > 2 {
                return Err(type_error(format!(
                    "expected {} argument{}, got {}",
                    if a.is_empty() { "at least 1" } else { "at most 2" },
                    if a.is_empty() { "" } else { "s" },
                    a.len()
                )));
            }
            let inst = if none::is_none(&a[0]) { None } else { Some(&a[0]) };
            let owner = match a.get(1) {
                Some(o) if !none::is_none(o) => o.clone(),
                _ => match inst {
                    Some(i) => i.type_obj(),
                    None => return Err(type_error("__get__(None, None) is invalid")),
                },
            };
            f(s, inst, &owner)
        }
        DescrSet(f) => {
            check_args(a.len(), 2)?;
            f(s, &a[0], Some(&a[1]))?;
            Ok(none::none())
        }
        DescrDelete(f) => {
            check_args(a.len(), 1)?;
            f(s, &a[0], None)?;
            Ok(none::none())
        }
        Binary(f) => {
            check_args(a.len(), 1)?;
            f(s, &a[0])
        }
        BinaryR(f) => {
            check_args(a.len(), 1)?;
            f(&a[0], s)
        }
    }
}

fn check_attr_name(n: &Obj) -> PyResult<()> {
    if !n.isinstance(types().str) {
        return Err(type_error(format!("attribute name must be string, not '{}'", n.type_name())));
    }
    Ok(())
}

/// Calls a method descriptor with its receiver already separated.
pub fn call_descr_bound(d: &MethodDescrObj, s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    match d.kind {
        DescrKind::Method { func, min, max } => {
            if !kw.is_empty() {
                return Err(type_error(format!("{}.{}() takes no keyword arguments", d.owner.name(), d.name)));
            }
            let n = a.len() + 1;
            if n < min || n > max {
                let given = a.len();
                let msg = if min == 1 && max == 1 {
                    format!("{}.{}() takes no arguments ({} given)", d.owner.name(), d.name, given)
                } else if min == 2 && max == 2 {
                    format!("{}.{}() takes exactly one argument ({} given)", d.owner.name(), d.name, given)
                } else if n < min {
                    let k = min - 1;
                    format!("{} expected {}{} argument{}, got {}", d.name, if min == max { "" } else { "at least " }, k, plural(k), given)
                } else {
                    let k = max - 1;
                    format!("{} expected {}{} argument{}, got {}", d.name, if min == max { "" } else { "at most " }, k, plural(k), given)
                };
                return Err(type_error(msg));
            }
            call_with_receiver(func, s, a)
        }
        DescrKind::MethodKw(f) | DescrKind::ClassMethod(f) => f(s, a, kw),
        DescrKind::Slot(w) => call_slot_wrapper(d.name, w, s, a, kw),
    }
}

/// Calls `func` on `[s, a..]`. Up to a few arguments the slice is built on the stack
/// from bitwise copies of the borrowed references: nothing is allocated or counted,
/// and the copies cannot be dropped through the shared slice; the caller keeps the
/// originals alive for the call.
fn call_with_receiver(func: fn(&[Obj]) -> PyResult<Obj>, s: &Obj, a: &[Obj]) -> PyResult<Obj> {
    const MAX: usize = 6;
    if a.len() >= MAX {
        let mut v = Vec::with_capacity(a.len() + 1);
        v.push(s.clone());
        v.extend_from_slice(a);
        return func(&v);
    }
    let mut words = [0u64; MAX];
    words[0] = s.raw();
    for (w, x) in words[1..].iter_mut().zip(a) {
        *w = x.raw();
    }
    // SAFETY: `Obj` is a `repr(transparent)` non-zero word and the first `a.len() + 1`
    // words are live references borrowed from `s` and `a` for the duration of the call.
    let objs = unsafe { std::slice::from_raw_parts(words.as_ptr() as *const Obj, a.len() + 1) };
    func(objs)
}

fn descr_call(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let d = unsafe { o.payload::<MethodDescrObj>() };
    match d.kind {
        DescrKind::Slot(_) => {
            if a.is_empty() {
                return Err(type_error(format!("descriptor '{}' of '{}' object needs an argument", d.name, d.owner.name())));
            }
            if !a[0].isinstance(d.owner) {
                return Err(type_error(format!(
                    "descriptor '{}' requires a '{}' object but received a '{}'",
                    d.name,
                    d.owner.name(),
                    a[0].type_name()
                )));
            }
        }
        DescrKind::ClassMethod(_) => {
            if a.is_empty() {
                return Err(type_error(format!("descriptor '{}' of '{}' object needs an argument", d.name, d.owner.name())));
            }
            match crate::types::typeobj::downcast_type(&a[0]) {
                Some(t) if t.is_subtype(d.owner) => {}
                Some(t) => {
                    return Err(type_error(format!(
                        "descriptor '{}' requires a subtype of '{}' but received '{}'",
                        d.name,
                        d.owner.name(),
                        t.name()
                    )))
                }
                None => {
                    return Err(type_error(format!(
                        "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2",
                        d.name,
                        d.owner.name(),
                        a[0].type_name()
                    )))
                }
            }
        }
        _ => {
            if a.is_empty() {
                return Err(type_error(format!("unbound method {}.{}() needs an argument", d.owner.name(), d.name)));
            }
            if !a[0].isinstance(d.owner) {
                return Err(type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    d.name,
                    d.owner.name(),
                    a[0].type_name()
                )));
            }
        }
    }
    call_descr_bound(d, &a[0], &a[1..], kw)
}

fn descr_get(o: &Obj, inst: Option<&Obj>, owner: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.payload::<MethodDescrObj>() };
    if let DescrKind::ClassMethod(_) = d.kind {
        let cls = match inst {
            Some(i) => i.type_obj(),
            None => owner.clone(),
        };
        return Ok(new_bound(o.clone(), cls));
    }
    let Some(inst) = inst else { return Ok(o.clone()) };
    if !inst.isinstance(d.owner) {
        return Err(type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.name,
            d.owner.name(),
            inst.type_name()
        )));
    }
    Ok(new_bound(o.clone(), inst.clone()))
}

fn descr_repr(o: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.payload::<MethodDescrObj>() };
    let s = match d.kind {
        DescrKind::Slot(_) => format!("<slot wrapper '{}' of '{}' objects>", d.name, d.owner.name()),
        _ => format!("<method '{}' of '{}' objects>", d.name, d.owner.name()),
    };
    Ok(pystr::from_string(s))
}

fn descr_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    let d = unsafe { o.payload::<MethodDescrObj>() };
    match pystr::as_str(name) {
        Some("__name__") => return Ok(pystr::intern(d.name)),
        Some("__qualname__") => return Ok(pystr::from_string(format!("{}.{}", d.owner.name(), d.name))),
        Some("__objclass__") => return Ok(d.owner.as_obj()),
        Some("__doc__") | Some("__text_signature__") => return Ok(none::none()),
        _ => {}
    }
    crate::types::object::generic_getattr(o, name)
}

fn descr_spec(name: &'static str) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<MethodDescrObj>(), drop_as::<MethodDescrObj>);
    s.final_ = true;
    s.slots.call = Some(descr_call);
    s.slots.descr_get = Some(descr_get);
    s.slots.repr = Some(descr_repr);
    s.slots.getattro = Some(descr_getattro);
    s
}

pub fn method_descriptor_spec() -> TypeSpec {
    descr_spec("method_descriptor")
}
pub fn classmethod_descriptor_spec() -> TypeSpec {
    descr_spec("classmethod_descriptor")
}
pub fn wrapper_descriptor_spec() -> TypeSpec {
    descr_spec("wrapper_descriptor")
}

// ----- bound built-in methods -----

/// Payload of a method descriptor bound to its receiver.
#[repr(C)]
pub struct BoundObj {
    pub head: ObjHeader,
    pub descr: Obj,
    pub self_: Obj,
}

fn new_bound(descr: Obj, self_: Obj) -> Obj {
    let ty = match unsafe { descr.payload::<MethodDescrObj>() }.kind {
        DescrKind::Slot(_) => types().method_wrapper,
        _ => types().builtin_method,
    };
    alloc(ty, BoundObj { head: header(), descr, self_ })
}

/// `(descriptor, self)` if `o` is a bound built-in method or method-wrapper.
pub fn as_bound(o: &Obj) -> Option<(&MethodDescrObj, &Obj)> {
    if o.is_small_int() || !(o.is_exact(types().builtin_method) || o.is_exact(types().method_wrapper)) {
        return None;
    }
    let b = unsafe { o.payload::<BoundObj>() };
    Some((unsafe { b.descr.payload::<MethodDescrObj>() }, &b.self_))
}

fn bound_call(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = unsafe { o.payload::<BoundObj>() };
    let d = unsafe { b.descr.payload::<MethodDescrObj>() };
    call_descr_bound(d, &b.self_, a, kw)
}

fn bound_repr(o: &Obj) -> PyResult<Obj> {
    let b = unsafe { o.payload::<BoundObj>() };
    let d = unsafe { b.descr.payload::<MethodDescrObj>() };
    let s = match d.kind {
        DescrKind::Slot(_) => {
            format!("<method-wrapper '{}' of {} object at {:#x}>", d.name, b.self_.type_name(), b.self_.raw())
        }
        _ => format!("<built-in method {} of {} object at {:#x}>", d.name, b.self_.type_name(), b.self_.raw()),
    };
    Ok(pystr::from_string(s))
}

fn bound_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    let b = unsafe { o.payload::<BoundObj>() };
    let d = unsafe { b.descr.payload::<MethodDescrObj>() };
    match pystr::as_str(name) {
        Some("__self__") => return Ok(b.self_.clone()),
        Some("__name__") => return Ok(pystr::intern(d.name)),
        Some("__qualname__") => return Ok(pystr::from_string(format!("{}.{}", d.owner.name(), d.name))),
        Some("__doc__") | Some("__text_signature__") => return Ok(none::none()),
        Some("__module__") => return Ok(none::none()),
        _ => {}
    }
    crate::types::object::generic_getattr(o, name)
}

fn bound_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || !b.is_exact(a.ty()) {
        return Ok(none::not_implemented());
    }
    let (x, y) = unsafe { (a.payload::<BoundObj>(), b.payload::<BoundObj>()) };
    let eq = x.descr.is(&y.descr) && x.self_.is(&y.self_);
    Ok(pybool::from_bool(eq == (op == CmpOp::Eq)))
}

fn bound_hash(o: &Obj) -> PyResult<i64> {
    let b = unsafe { o.payload::<BoundObj>() };
    let h = (b.descr.raw() >> 4) as i64 ^ (b.self_.raw() >> 4) as i64;
    Ok(if h == -1 { -2 } else { h })
}

fn bound_spec(name: &'static str) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<BoundObj>(), drop_as::<BoundObj>);
    s.final_ = true;
    s.slots.call = Some(bound_call);
    s.slots.repr = Some(bound_repr);
    s.slots.getattro = Some(bound_getattro);
    s.slots.richcompare = Some(bound_richcompare);
    s.slots.hash = Some(bound_hash);
    s.slots.traverse = Some(bound_traverse);
    s
}

/// A bound built-in method owns its `__self__` (`obj.m = obj.__init__` is a cycle); no
/// clear slot, as in CPython: clearing the other members of such a cycle breaks it.
fn bound_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let b = unsafe { o.payload::<BoundObj>() };
    visit(&b.descr);
    visit(&b.self_);
}

pub fn builtin_method_spec() -> TypeSpec {
    bound_spec("builtin_function_or_method")
}
pub fn method_wrapper_spec() -> TypeSpec {
    bound_spec("method-wrapper")
}

// ===================== getset_descriptor =====================

#[repr(C)]
pub struct GetSetObj {
    pub head: ObjHeader,
    pub name: &'static str,
    pub owner: Obj,
    pub get: Option<UnaryFn>,
    pub set: Option<SetterFn>,
}

/// A computed attribute of the instances of `owner`.
pub fn new_getset(name: &'static str, owner: &TypeObject, get: Option<UnaryFn>, set: Option<SetterFn>) -> Obj {
    alloc(types().getset_descriptor, GetSetObj { head: header(), name, owner: owner.as_obj(), get, set })
}

fn doesnt_apply(name: &str, owner: &TypeObject, inst: &Obj) -> crate::object::PyErr {
    type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        name,
        owner.name(),
        inst.type_name()
    ))
}

fn getset_get(o: &Obj, inst: Option<&Obj>, _owner: &Obj) -> PyResult<Obj> {
    let g = unsafe { o.payload::<GetSetObj>() };
    let Some(inst) = inst else { return Ok(o.clone()) };
    let owner = as_type(&g.owner);
    if !inst.isinstance(owner) {
        return Err(doesnt_apply(g.name, owner, inst));
    }
    match g.get {
        Some(f) => f(inst),
        None => Err(attribute_error(format!("attribute '{}' of '{}' objects is not readable", g.name, owner.name()))),
    }
}

fn getset_set(o: &Obj, inst: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let g = unsafe { o.payload::<GetSetObj>() };
    let owner = as_type(&g.owner);
    if !inst.isinstance(owner) {
        return Err(doesnt_apply(g.name, owner, inst));
    }
    match g.set {
        Some(f) => f(inst, v),
        None => Err(attribute_error(format!("attribute '{}' of '{}' objects is not writable", g.name, owner.tp_name()))),
    }
}

fn getset_repr(o: &Obj) -> PyResult<Obj> {
    let g = unsafe { o.payload::<GetSetObj>() };
    Ok(pystr::from_string(format!("<attribute '{}' of '{}' objects>", g.name, as_type(&g.owner).name())))
}

fn getset_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    let g = unsafe { o.payload::<GetSetObj>() };
    match pystr::as_str(name) {
        Some("__name__") => return Ok(pystr::intern(g.name)),
        Some("__qualname__") => return Ok(pystr::from_string(format!("{}.{}", as_type(&g.owner).name(), g.name))),
        Some("__objclass__") => return Ok(g.owner.clone()),
        Some("__doc__") => return Ok(none::none()),
        _ => {}
    }
    crate::types::object::generic_getattr(o, name)
}

pub fn getset_descriptor_spec() -> TypeSpec {
    let mut s = TypeSpec::new("getset_descriptor", std::mem::size_of::<GetSetObj>(), drop_as::<GetSetObj>);
    s.slots.traverse = Some(getset_traverse);
    s.final_ = true;
    s.slots.descr_get = Some(getset_get);
    s.slots.descr_set = Some(getset_set);
    s.slots.repr = Some(getset_repr);
    s.slots.getattro = Some(getset_getattro);
    s
}

// ===================== member_descriptor =====================

#[derive(Clone, Copy)]
pub enum MemberKind {
    /// A `__slots__` entry: an `Option<Obj>` cell at this byte offset of the instance
    /// (see `class::for_each_member_cell`).
    Slot(usize),
    /// Field `i` of `ExceptionObj::extra`.
    ExcField(usize),
}

#[repr(C)]
pub struct MemberObj {
    pub head: ObjHeader,
    pub name: Obj,
    pub owner: Obj,
    pub kind: MemberKind,
}

pub fn new_member(name: &str, owner: &TypeObject, kind: MemberKind) -> Obj {
    alloc(types().member_descriptor, MemberObj { head: header(), name: pystr::intern(name), owner: owner.as_obj(), kind })
}

fn member_get(o: &Obj, inst: Option<&Obj>, _owner: &Obj) -> PyResult<Obj> {
    let m = unsafe { o.payload::<MemberObj>() };
    let Some(inst) = inst else { return Ok(o.clone()) };
    let owner = as_type(&m.owner);
    let name = pystr::as_str(&m.name).unwrap_or("");
    if !inst.isinstance(owner) {
        return Err(doesnt_apply(name, owner, inst));
    }
    match m.kind {
        MemberKind::ExcField(i) => Ok(crate::types::exceptions::field(inst, i)),
        MemberKind::Slot(off) => {
            let v = unsafe { member_cell(inst, off) }.clone();
            v.ok_or_else(|| crate::errors::attribute_error_for(inst, &m.name))
        }
    }
}

fn member_set(o: &Obj, inst: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let m = unsafe { o.payload::<MemberObj>() };
    let owner = as_type(&m.owner);
    let name = pystr::as_str(&m.name).unwrap_or("");
    if !inst.isinstance(owner) {
        return Err(doesnt_apply(name, owner, inst));
    }
    // The function type's members (`__globals__`, `__closure__`) are read-only views.
    if std::ptr::eq(owner, types().function) {
        return Err(crate::errors::attribute_error("readonly attribute"));
    }
    match m.kind {
        MemberKind::ExcField(i) => {
            crate::types::exceptions::set_field(inst, i, v.cloned());
            Ok(())
        }
        MemberKind::Slot(off) => {
            let cell = unsafe { member_cell(inst, off) };
            match v {
                Some(v) => {
                    let old = cell.replace(v.clone());
                    drop(old);
                }
                None => {
                    let Some(old) = cell.take() else {
                        return Err(crate::errors::attribute_error(name));
                    };
                    drop(old);
                }
            }
            Ok(())
        }
    }
}

/// The `__slots__` cell at byte offset `off` of `inst`.
/// Safety: `inst`'s real type must be a subtype of the member's owner (whose layout puts
/// an `Option<Obj>` at `off`).
unsafe fn member_cell(inst: &Obj, off: usize) -> &mut Option<Obj> {
    &mut *((inst.raw() as *mut u8).add(off) as *mut Option<Obj>)
}

fn member_repr(o: &Obj) -> PyResult<Obj> {
    let m = unsafe { o.payload::<MemberObj>() };
    Ok(pystr::from_string(format!(
        "<member '{}' of '{}' objects>",
        pystr::as_str(&m.name).unwrap_or(""),
        as_type(&m.owner).name()
    )))
}

fn member_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    let m = unsafe { o.payload::<MemberObj>() };
    match pystr::as_str(name) {
        Some("__name__") => return Ok(m.name.clone()),
        Some("__objclass__") => return Ok(m.owner.clone()),
        Some("__doc__") => return Ok(none::none()),
        _ => {}
    }
    crate::types::object::generic_getattr(o, name)
}

pub fn member_descriptor_spec() -> TypeSpec {
    let mut s = TypeSpec::new("member_descriptor", std::mem::size_of::<MemberObj>(), drop_as::<MemberObj>);
    s.slots.traverse = Some(member_traverse);
    s.final_ = true;
    s.slots.descr_get = Some(member_get);
    s.slots.descr_set = Some(member_set);
    s.slots.repr = Some(member_repr);
    s.slots.getattro = Some(member_getattro);
    s
}

// ===================== property =====================

#[repr(C)]
pub struct PropertyObj {
    pub head: ObjHeader,
    pub fget: Option<Obj>,
    pub fset: Option<Obj>,
    pub fdel: Option<Obj>,
    pub doc: Option<Obj>,
    pub name: Option<Obj>,
}

fn prop(o: &Obj) -> &mut PropertyObj {
    unsafe { o.payload_mut::<PropertyObj>() }
}

fn not_none(o: Option<&Obj>) -> Option<Obj> {
    o.filter(|x| !none::is_none(x)).cloned()
}

fn property_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(alloc(as_type(cls), PropertyObj { head: header(), fget: None, fset: None, fdel: None, doc: None, name: None }))
}

/// Parses `(a, b, c, d)` positional-or-keyword arguments with the given names.
fn parse_args<'a>(fname: &str, a: &'a [Obj], kw: &KwArgs<'a>, names: &[&str]) -> PyResult<Vec<Option<&'a Obj>>> {
    if a.len() > names.len() {
        return Err(type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            fname,
            names.len(),
            plural(names.len()),
            a.len() + kw.len()
        )));
    }
    let mut out: Vec<Option<&Obj>> = vec![None; names.len()];
    for (i, v) in a.iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in kw.iter() {
        let ks = pystr::as_str(k).unwrap_or("");
        match names.iter().position(|n| *n == ks) {
            Some(i) => {
                if out[i].is_some() {
                    return Err(type_error(format!("argument for {}() given by name ('{}') and position ({})", fname, ks, i + 1)));
                }
                out[i] = Some(v);
            }
            None => return Err(type_error(format!("{}() got an unexpected keyword argument '{}'", fname, ks))),
        }
    }
    Ok(out)
}

fn property_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let args = parse_args("property", a, kw, &["fget", "fset", "fdel", "doc"])?;
    let p = prop(o);
    p.fget = not_none(args[0]);
    p.fset = not_none(args[1]);
    p.fdel = not_none(args[2]);
    p.doc = not_none(args[3]);
    if p.doc.is_none() {
        if let Some(g) = p.fget.clone() {
            if let Ok(Some(d)) = protocol::getattr_opt(&g, &pystr::intern("__doc__")) {
                if !none::is_none(&d) {
                    if o.is_exact(types().property) {
                        prop(o).doc = Some(d);
                    } else {
                        // Subclasses keep the doc in their instance dict (CPython does too).
                        let _ = protocol::setattr(o, &pystr::intern("__doc__"), &d);
                    }
                }
            }
        }
    }
    Ok(none::none())
}

fn prop_err(o: &Obj, inst: &Obj, what: &str) -> crate::object::PyErr {
    let p = prop(o);
    let tn = inst.ty().qualname.borrow().clone();
    match &p.name {
        Some(n) => attribute_error(format!(
            "property {} of '{}' object has no {}",
            protocol::repr_string(n).unwrap_or_default(),
            tn,
            what
        )),
        None => attribute_error(format!("property of '{}' object has no {}", tn, what)),
    }
}

fn property_get(o: &Obj, inst: Option<&Obj>, _owner: &Obj) -> PyResult<Obj> {
    let Some(inst) = inst else { return Ok(o.clone()) };
    match prop(o).fget.clone() {
        Some(f) => protocol::call(&f, &[inst.clone()]),
        None => Err(prop_err(o, inst, "getter")),
    }
}

fn property_set(o: &Obj, inst: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match v {
        Some(v) => match prop(o).fset.clone() {
            Some(f) => protocol::call(&f, &[inst.clone(), v.clone()]).map(|_| ()),
            None => Err(prop_err(o, inst, "setter")),
        },
        None => match prop(o).fdel.clone() {
            Some(f) => protocol::call(&f, &[inst.clone()]).map(|_| ()),
            None => Err(prop_err(o, inst, "deleter")),
        },
    }
}

fn opt(o: &Option<Obj>) -> Obj {
    o.clone().unwrap_or_else(none::none)
}

fn property_copy(o: &Obj, fget: Option<Obj>, fset: Option<Obj>, fdel: Option<Obj>) -> PyResult<Obj> {
    let p = prop(o);
    let doc = p.doc.clone();
    let name = p.name.clone();
    let new = protocol::call(&o.type_obj(), &[opt(&fget), opt(&fset), opt(&fdel), opt(&doc)])?;
    if new.isinstance(types().property) {
        prop(&new).name = name;
    }
    Ok(new)
}

fn property_getter(a: &[Obj]) -> PyResult<Obj> {
    let p = prop(&a[0]);
    let (s, d) = (p.fset.clone(), p.fdel.clone());
    property_copy(&a[0], not_none(Some(&a[1])), s, d)
}
fn property_setter(a: &[Obj]) -> PyResult<Obj> {
    let p = prop(&a[0]);
    let (g, d) = (p.fget.clone(), p.fdel.clone());
    property_copy(&a[0], g, not_none(Some(&a[1])), d)
}
fn property_deleter(a: &[Obj]) -> PyResult<Obj> {
    let p = prop(&a[0]);
    let (g, s) = (p.fget.clone(), p.fset.clone());
    property_copy(&a[0], g, s, not_none(Some(&a[1])))
}
fn property_set_name(a: &[Obj]) -> PyResult<Obj> {
    prop(&a[0]).name = Some(a[2].clone());
    Ok(none::none())
}
fn property_fget(o: &Obj) -> PyResult<Obj> {
    Ok(opt(&prop(o).fget))
}
fn property_fset(o: &Obj) -> PyResult<Obj> {
    Ok(opt(&prop(o).fset))
}
fn property_fdel(o: &Obj) -> PyResult<Obj> {
    Ok(opt(&prop(o).fdel))
}
fn property_doc(o: &Obj) -> PyResult<Obj> {
    Ok(opt(&prop(o).doc))
}
fn property_set_doc(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    prop(o).doc = v.cloned();
    Ok(())
}
fn is_abstract(f: &Option<Obj>) -> PyResult<bool> {
    match f {
        Some(f) => match protocol::getattr_opt(f, &pystr::intern("__isabstractmethod__"))? {
            Some(v) => protocol::is_true(&v),
            None => Ok(false),
        },
        None => Ok(false),
    }
}
fn property_isabstract(o: &Obj) -> PyResult<Obj> {
    let p = prop(o);
    let (g, s, d) = (p.fget.clone(), p.fset.clone(), p.fdel.clone());
    Ok(pybool::from_bool(is_abstract(&g)? || is_abstract(&s)? || is_abstract(&d)?))
}

fn drop_property(h: *mut ObjHeader) {
    unsafe { drop_as::<PropertyObj>(h) }
}
unsafe fn drop_property_unsafe(h: *mut ObjHeader) {
    drop_property(h)
}

pub fn property_spec() -> TypeSpec {
    use crate::types::typeobj::MethodDef as M;
    let mut s = TypeSpec::new("property", std::mem::size_of::<PropertyObj>(), drop_property_unsafe);
    s.slots.new = Some(property_new);
    s.slots.init = Some(property_init);
    s.slots.traverse = Some(property_traverse);
    s.slots.clear = Some(property_clear);
    s.slots.descr_get = Some(property_get);
    s.slots.descr_set = Some(property_set);
    s.methods = vec![
        M::Method { name: "getter", func: property_getter, min: 2, max: 2 },
        M::Method { name: "setter", func: property_setter, min: 2, max: 2 },
        M::Method { name: "deleter", func: property_deleter, min: 2, max: 2 },
        M::Method { name: "__set_name__", func: property_set_name, min: 3, max: 3 },
        M::Getter { name: "fget", get: property_fget },
        M::Getter { name: "fset", get: property_fset },
        M::Getter { name: "fdel", get: property_fdel },
        M::GetSet { name: "__doc__", get: property_doc, set: property_set_doc },
        M::Getter { name: "__isabstractmethod__", get: property_isabstract },
    ];
    s
}

// ===================== classmethod / staticmethod =====================

#[repr(C)]
pub struct FuncWrapperObj {
    pub head: ObjHeader,
    pub func: Option<Obj>,
}

fn wrapped(o: &Obj) -> Obj {
    unsafe { o.payload::<FuncWrapperObj>() }.func.clone().unwrap_or_else(none::none)
}

fn fw_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(alloc(as_type(cls), FuncWrapperObj { head: header(), func: None }))
}

fn fw_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let name = if o.isinstance(types().classmethod) { "classmethod" } else { "staticmethod" };
    if !kw.is_empty() {
        return Err(type_error(format!("{}() takes no keyword arguments", name)));
    }
    if a.len() != 1 {
        return Err(type_error(format!("{} expected 1 argument, got {}", name, a.len())));
    }
    unsafe { o.payload_mut::<FuncWrapperObj>() }.func = Some(a[0].clone());
    // functools.wraps-like copy of the wrapped function's attributes (3.10+).
    if let Some(slot) = crate::object::dict_slot(o) {
        let d = slot.get_or_insert_with(dict::new).clone();
        for attr in ["__module__", "__name__", "__qualname__", "__doc__"] {
            if let Ok(Some(v)) = protocol::getattr_opt(&a[0], &pystr::intern(attr)) {
                dict::set_item_str(&d, attr, v);
            }
        }
        dict::set_item_str(&d, "__wrapped__", a[0].clone());
    }
    Ok(none::none())
}

/// `classmethod(func)`.
pub fn new_classmethod(func: Obj) -> Obj {
    let o = alloc(types().classmethod, FuncWrapperObj { head: header(), func: None });
    let _ = fw_init(&o, &[func], &KwArgs::EMPTY);
    o
}

/// `staticmethod(func)`.
pub fn new_staticmethod(func: Obj) -> Obj {
    let o = alloc(types().staticmethod, FuncWrapperObj { head: header(), func: None });
    let _ = fw_init(&o, &[func], &KwArgs::EMPTY);
    o
}

/// The function wrapped by a classmethod/staticmethod.
pub fn wrapped_func(o: &Obj) -> Option<Obj> {
    if o.isinstance(types().classmethod) || o.isinstance(types().staticmethod) {
        unsafe { o.payload::<FuncWrapperObj>() }.func.clone()
    } else {
        None
    }
}

fn classmethod_get(o: &Obj, inst: Option<&Obj>, owner: &Obj) -> PyResult<Obj> {
    let f = unsafe { o.payload::<FuncWrapperObj>() }.func.clone();
    let Some(f) = f else { return Err(crate::errors::runtime_error("uninitialized classmethod object")) };
    let cls = match inst {
        Some(i) if none::is_none(owner) => i.type_obj(),
        _ => owner.clone(),
    };
    Ok(function::new_method(f, cls))
}

fn staticmethod_get(o: &Obj, _inst: Option<&Obj>, _owner: &Obj) -> PyResult<Obj> {
    match unsafe { o.payload::<FuncWrapperObj>() }.func.clone() {
        Some(f) => Ok(f),
        None => Err(crate::errors::runtime_error("uninitialized staticmethod object")),
    }
}

fn staticmethod_call(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    protocol::call_kw(&wrapped(o), a, kw)
}

fn fw_repr(o: &Obj) -> PyResult<Obj> {
    let name = if o.isinstance(types().classmethod) { "classmethod" } else { "staticmethod" };
    Ok(pystr::from_string(format!("<{}({})>", name, protocol::repr_string(&wrapped(o))?)))
}

fn fw_func(o: &Obj) -> PyResult<Obj> {
    Ok(wrapped(o))
}

fn fw_isabstract(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(is_abstract(&Some(wrapped(o)))?))
}

fn fw_spec(name: &'static str) -> TypeSpec {
    use crate::types::typeobj::MethodDef as M;
    let mut s = TypeSpec::new(name, std::mem::size_of::<FuncWrapperObj>(), drop_as::<FuncWrapperObj>);
    s.has_dict = true;
    s.slots.new = Some(fw_new);
    s.slots.init = Some(fw_init);
    s.slots.traverse = Some(fw_traverse);
    s.slots.clear = Some(fw_clear);
    s.slots.repr = Some(fw_repr);
    s.methods = vec![
        M::Getter { name: "__func__", get: fw_func },
        M::Getter { name: "__isabstractmethod__", get: fw_isabstract },
    ];
    s
}

pub fn classmethod_spec() -> TypeSpec {
    let mut s = fw_spec("classmethod");
    s.slots.descr_get = Some(classmethod_get);
    s
}

pub fn staticmethod_spec() -> TypeSpec {
    let mut s = fw_spec("staticmethod");
    s.slots.descr_get = Some(staticmethod_get);
    s.slots.call = Some(staticmethod_call);
    s
}

// ----- cycle collector (gc.rs): traverse (a class's descriptors own the class) -----

fn property_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let p = prop(o);
    for f in [&p.fget, &p.fset, &p.fdel, &p.doc, &p.name].into_iter().flatten() {
        visit(f);
    }
}

fn property_clear(o: &Obj) {
    let p = prop(o);
    let dropped = [p.fget.take(), p.fset.take(), p.fdel.take(), p.doc.take(), p.name.take()];
    drop(dropped);
}

/// classmethod/staticmethod own their function and their `__dict__`.
fn fw_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if let Some(f) = &unsafe { o.payload::<FuncWrapperObj>() }.func {
        visit(f);
    }
    if let Some(Some(d)) = crate::object::dict_slot(o) {
        visit(d);
    }
}

fn fw_clear(o: &Obj) {
    let func = unsafe { o.payload_mut::<FuncWrapperObj>() }.func.take();
    let dict = crate::object::dict_slot(o).and_then(|d| d.take());
    drop((func, dict));
}

fn getset_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&unsafe { o.payload::<GetSetObj>() }.owner);
}

fn member_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let m = unsafe { o.payload::<MemberObj>() };
    visit(&m.name);
    visit(&m.owner);
}

// ===================== mappingproxy =====================

/// `mappingproxy`: a read-only view of a mapping (a class's `__dict__`). Reads delegate
/// to the mapping; there is no item assignment.
#[repr(C)]
pub struct MappingProxyObj {
    pub head: ObjHeader,
    pub mapping: Obj,
}

/// A read-only view of `mapping`.
pub fn new_mappingproxy(mapping: Obj) -> Obj {
    alloc(types().mappingproxy, MappingProxyObj { head: header(), mapping })
}

fn proxied(o: &Obj) -> &Obj {
    &unsafe { o.payload::<MappingProxyObj>() }.mapping
}

fn mp_getitem(o: &Obj, key: &Obj) -> PyResult<Obj> {
    protocol::getitem(proxied(o), key)
}

fn mp_len(o: &Obj) -> PyResult<usize> {
    protocol::len(proxied(o))
}

fn mp_contains(o: &Obj, key: &Obj) -> PyResult<bool> {
    protocol::contains(proxied(o), key)
}

fn mp_iter(o: &Obj) -> PyResult<Obj> {
    protocol::iter(proxied(o))
}

fn mp_repr(o: &Obj) -> PyResult<Obj> {
    let r = protocol::repr(proxied(o))?;
    Ok(pystr::from_string(format!("mappingproxy({})", pystr::as_str(&r).unwrap_or(""))))
}

fn mp_str(o: &Obj) -> PyResult<Obj> {
    let r = protocol::str(proxied(o))?;
    Ok(r)
}

fn mp_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    protocol::richcompare(proxied(a), b, op)
}

fn mp_hash(o: &Obj) -> PyResult<i64> {
    Err(type_error(format!("unhashable type: '{}'", o.type_name())))
}

fn mp_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(proxied(o));
}

fn mp_keys(a: &[Obj]) -> PyResult<Obj> {
    protocol::call_method(proxied(&a[0]), "keys", &[])
}
fn mp_values(a: &[Obj]) -> PyResult<Obj> {
    protocol::call_method(proxied(&a[0]), "values", &[])
}
fn mp_items(a: &[Obj]) -> PyResult<Obj> {
    protocol::call_method(proxied(&a[0]), "items", &[])
}
fn mp_copy(a: &[Obj]) -> PyResult<Obj> {
    protocol::call_method(proxied(&a[0]), "copy", &[])
}
fn mp_get(a: &[Obj]) -> PyResult<Obj> {
    protocol::call_method(proxied(&a[0]), "get", &a[1..])
}
fn mp_reversed(a: &[Obj]) -> PyResult<Obj> {
    protocol::call_method(proxied(&a[0]), "__reversed__", &[])
}

/// `mappingproxy(mapping)`: any mapping except lists and tuples (CPython's rule).
fn mp_new(_cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let mapping = match (args, kw.get("mapping")) {
        ([m], None) | ([], Some(m)) if kw.len() <= 1 => m.clone(),
        ([], None) => return Err(type_error("mappingproxy() missing required argument 'mapping' (pos 1)")),
        _ => return Err(type_error(format!("mappingproxy() takes at most 1 argument ({} given)", args.len() + kw.len()))),
    };
    let is_sequence = crate::types::list::as_slice_opt(&mapping).is_some() || crate::types::tuple::as_slice(&mapping).is_some();
    if is_sequence || protocol::getattr_opt(&mapping.ty().as_obj(), &pystr::intern("__getitem__"))?.is_none() {
        return Err(type_error(format!("mappingproxy() argument must be a mapping, not {}", mapping.type_name())));
    }
    Ok(new_mappingproxy(mapping))
}

pub fn mappingproxy_spec() -> TypeSpec {
    let mut s = TypeSpec::new("mappingproxy", std::mem::size_of::<MappingProxyObj>(), drop_as::<MappingProxyObj>);
    s.final_ = true;
    s.slots.traverse = Some(mp_traverse);
    s.slots.getitem = Some(mp_getitem);
    s.slots.len = Some(mp_len);
    s.slots.contains = Some(mp_contains);
    s.slots.iter = Some(mp_iter);
    s.slots.repr = Some(mp_repr);
    s.slots.str = Some(mp_str);
    s.slots.richcompare = Some(mp_richcompare);
    s.slots.hash = Some(mp_hash);
    s.slots.new = Some(mp_new);
    s.methods = vec![
        MethodDef::Method { name: "keys", func: mp_keys, min: 1, max: 1 },
        MethodDef::Method { name: "values", func: mp_values, min: 1, max: 1 },
        MethodDef::Method { name: "items", func: mp_items, min: 1, max: 1 },
        MethodDef::Method { name: "copy", func: mp_copy, min: 1, max: 1 },
        MethodDef::Method { name: "get", func: mp_get, min: 2, max: 3 },
        MethodDef::Method { name: "__reversed__", func: mp_reversed, min: 1, max: 1 },
    ];
    s
}
