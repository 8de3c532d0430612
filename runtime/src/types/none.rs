//! `NoneType`, `NotImplementedType` and `ellipsis`: their type specs and the immortal
//! singletons `None`, `NotImplemented`, `Ellipsis`, plus `True`/`False` (created here at
//! start-up, their type lives in `bool.rs`).
//!
//! The singletons are allocated once by `init_singletons` (called from `types::init`) and
//! made immortal, so handing out references needs no refcount traffic.

use super::typeobj::{drop_nothing, KwArgs};
use super::{types, TypeSpec};
use crate::errors::type_error;
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};

/// Payload of the payload-less singletons.
#[repr(C)]
pub struct SingletonObj {
    pub head: ObjHeader,
}

static mut RAW: [u64; 5] = [0; 5];

const NONE: usize = 0;
const NOT_IMPL: usize = 1;
const ELLIPSIS: usize = 2;
const TRUE: usize = 3;
const FALSE: usize = 4;

#[inline]
fn get(i: usize) -> Obj {
    // SAFETY: RAW is written once by `init_singletons` before any use; the objects are
    // immortal, so a reference "owned" by the returned Obj needs no incref.
    unsafe {
        let v = (*std::ptr::addr_of!(RAW))[i];
        debug_assert!(v != 0, "singletons not initialised");
        Obj::from_raw(v)
    }
}

pub fn none() -> Obj {
    get(NONE)
}
pub fn true_() -> Obj {
    get(TRUE)
}
pub fn false_() -> Obj {
    get(FALSE)
}
pub fn not_implemented() -> Obj {
    get(NOT_IMPL)
}
pub fn ellipsis() -> Obj {
    get(ELLIPSIS)
}

/// Is `o` the `None` singleton?
#[inline]
pub fn is_none(o: &Obj) -> bool {
    unsafe { o.raw() == (*std::ptr::addr_of!(RAW))[NONE] }
}

/// Is `o` the `NotImplemented` singleton?
#[inline]
pub fn is_not_implemented(o: &Obj) -> bool {
    unsafe { o.raw() == (*std::ptr::addr_of!(RAW))[NOT_IMPL] }
}

/// Creates the singletons. Needs the types (`types::init` calls it).
pub fn init_singletons() {
    let t = types();
    let mk = |ty| {
        let o = alloc(ty, SingletonObj { head: header() });
        o.make_immortal();
        o.into_raw()
    };
    let tr = super::bool::make_bool_object(true);
    let fa = super::bool::make_bool_object(false);
    tr.make_immortal();
    fa.make_immortal();
    let raw = [mk(t.none), mk(t.not_implemented), mk(t.ellipsis), tr.into_raw(), fa.into_raw()];
    unsafe {
        *std::ptr::addr_of_mut!(RAW) = raw;
    }
}

fn none_repr(_o: &Obj) -> PyResult<Obj> {
    Ok(super::str::intern("None"))
}
fn not_impl_repr(_o: &Obj) -> PyResult<Obj> {
    Ok(super::str::intern("NotImplemented"))
}
fn ellipsis_repr(_o: &Obj) -> PyResult<Obj> {
    Ok(super::str::intern("Ellipsis"))
}
fn none_bool(_o: &Obj) -> PyResult<bool> {
    Ok(false)
}
fn true_bool(_o: &Obj) -> PyResult<bool> {
    Ok(true)
}
fn identity_hash(o: &Obj) -> PyResult<i64> {
    // CPython hashes these by address (rotated by 4 bits).
    let v = o.raw();
    let h = (v >> 4 | v << 60) as i64;
    Ok(if h == -1 { -2 } else { h })
}

fn no_args(name: &str, args: &[Obj], kw: &KwArgs) -> PyResult<()> {
    if !args.is_empty() || !kw.is_empty() {
        return Err(type_error(format!("{} takes no arguments", name)));
    }
    Ok(())
}

fn none_new(_cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_args("NoneType", args, kw)?;
    Ok(none())
}
fn not_impl_new(_cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_args("NotImplementedType", args, kw)?;
    Ok(not_implemented())
}
fn ellipsis_new(_cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_args("ellipsis", args, kw)?;
    Ok(ellipsis())
}

fn singleton_spec(name: &'static str) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<SingletonObj>(), drop_nothing);
    s.final_ = true;
    s.slots.hash = Some(identity_hash);
    s
}

pub fn none_spec() -> TypeSpec {
    let mut s = singleton_spec("NoneType");
    s.slots.repr = Some(none_repr);
    s.slots.bool = Some(none_bool);
    s.slots.new = Some(none_new);
    s
}

pub fn not_implemented_spec() -> TypeSpec {
    let mut s = singleton_spec("NotImplementedType");
    s.slots.repr = Some(not_impl_repr);
    s.slots.bool = Some(true_bool);
    s.slots.new = Some(not_impl_new);
    s
}

pub fn ellipsis_spec() -> TypeSpec {
    let mut s = singleton_spec("ellipsis");
    s.slots.repr = Some(ellipsis_repr);
    s.slots.new = Some(ellipsis_new);
    s
}
