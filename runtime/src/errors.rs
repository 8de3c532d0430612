//! Raising errors from Rust: constructors for the common built-in exceptions with
//! CPython's wording left to the caller, the thread state that holds the current
//! (propagating) exception for the C ABI, and the stack of handled exceptions
//! (`sys.exc_info()`, implicit `__context__`).

use crate::object::{Obj, PyErr, PyResult};
use crate::types::exceptions::{exc, new_exception_msg, new_exception};
use crate::types::typeobj::TypeObject;

/// The thread's propagating exception (C-ABI returns of 0) and handled exception
/// (innermost `except` block: `sys.exc_info()`, implicit chaining), in the thread state.
/// Every access below is a short read or replace that runs no Python code while the
/// reference into the record is held; values replaced out are dropped afterwards.
fn current_slot() -> &'static mut Option<Obj> {
    // SAFETY: the thread state is this thread's own, and callers hold the reference only
    // for one read or replace (see above), so no two references to the slot overlap.
    unsafe { &mut (*crate::tstate::ts()).current_exc }
}

fn handled_slot() -> &'static mut Option<Obj> {
    // SAFETY: as in `current_slot`.
    unsafe { &mut (*crate::tstate::ts()).handled_exc }
}

/// Aborts the process with a message (unrecoverable runtime states only).
pub fn fatal(msg: &str) -> ! {
    eprintln!("Fatal Python error: {}", msg);
    std::process::abort()
}

/// An error of type `ty` with a message (`ty(msg)`).
pub fn new_error(ty: &TypeObject, msg: impl Into<String>) -> PyErr {
    PyErr(new_exception_msg(ty, &msg.into()))
}

pub fn type_error(msg: impl Into<String>) -> PyErr { new_error(exc().type_error, msg) }
pub fn value_error(msg: impl Into<String>) -> PyErr { new_error(exc().value_error, msg) }
pub fn index_error(msg: impl Into<String>) -> PyErr { new_error(exc().index_error, msg) }
pub fn attribute_error(msg: impl Into<String>) -> PyErr { new_error(exc().attribute_error, msg) }
pub fn name_error(msg: impl Into<String>) -> PyErr { new_error(exc().name_error, msg) }
pub fn zero_division_error(msg: impl Into<String>) -> PyErr { new_error(exc().zero_division_error, msg) }
pub fn overflow_error(msg: impl Into<String>) -> PyErr { new_error(exc().overflow_error, msg) }
pub fn runtime_error(msg: impl Into<String>) -> PyErr { new_error(exc().runtime_error, msg) }
pub fn recursion_error(msg: impl Into<String>) -> PyErr { new_error(exc().recursion_error, msg) }
pub fn not_implemented_error(msg: impl Into<String>) -> PyErr { new_error(exc().not_implemented_error, msg) }
pub fn unbound_local_error(msg: impl Into<String>) -> PyErr { new_error(exc().unbound_local_error, msg) }
pub fn import_error(msg: impl Into<String>) -> PyErr { new_error(exc().import_error, msg) }
pub fn memory_error() -> PyErr { PyErr(new_exception(exc().memory_error, vec![])) }

/// An empty String with room for `bytes`: sizes computed from Python values (repeat
/// counts, widths) may be huge, and failing to allocate raises MemoryError instead of
/// aborting the process.
pub fn alloc_string(bytes: usize) -> PyResult<String> {
    let mut s = String::new();
    s.try_reserve_exact(bytes).map_err(|_| memory_error())?;
    Ok(s)
}

/// A Vec with room for `n` items (MemoryError when that many cannot be allocated).
pub fn alloc_vec<T>(n: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| memory_error())?;
    Ok(v)
}

/// Makes room for `extra` more items in `v` (MemoryError when impossible).
pub fn reserve<T>(v: &mut Vec<T>, extra: usize) -> PyResult<()> {
    v.try_reserve(extra).map_err(|_| memory_error())
}
pub fn os_error(msg: impl Into<String>) -> PyErr { new_error(exc().os_error, msg) }
/// `AttributeError` for a missing attribute, with CPython's wording for instances
/// ("'Foo' object has no attribute 'x'") and classes ("type object 'Foo' has no
/// attribute 'x'"), and its `name`/`obj` fields set (used for "Did you mean" hints).
pub fn attribute_error_for(o: &Obj, name: &Obj) -> PyErr {
    let n = crate::types::str::as_str(name).unwrap_or("");
    let msg = match crate::types::typeobj::downcast_type(o) {
        Some(t) => format!("type object '{}' has no attribute '{}'", t.name(), n),
        None => format!("'{}' object has no attribute '{}'", o.type_name(), n),
    };
    attribute_error_with(msg, name, o)
}

/// `AttributeError(msg)` with `name` and `obj` set.
pub fn attribute_error_with(msg: impl Into<String>, name: &Obj, o: &Obj) -> PyErr {
    let e = new_exception_msg(exc().attribute_error, &msg.into());
    crate::types::exceptions::set_field(&e, 0, Some(name.clone()));
    crate::types::exceptions::set_field(&e, 1, Some(o.clone()));
    PyErr(e)
}

/// `NameError(msg)` with `name` set.
pub fn name_error_with(msg: impl Into<String>, name: &Obj) -> PyErr {
    let e = new_exception_msg(exc().name_error, &msg.into());
    crate::types::exceptions::set_field(&e, 0, Some(name.clone()));
    PyErr(e)
}

/// `KeyError(key)`: the key object itself is the argument (its repr is the message).
pub fn key_error(key: Obj) -> PyErr { PyErr(new_exception(exc().key_error, vec![key])) }
/// `StopIteration(value)` (or no argument when `value` is None).
pub fn stop_iteration(value: Option<Obj>) -> PyErr {
    PyErr(new_exception(exc().stop_iteration, value.into_iter().collect()))
}

impl PyErr {
    /// Is this error an instance of `ty` (or a subclass)?
    pub fn matches(&self, ty: &TypeObject) -> bool {
        self.0.ty().is_subtype(ty)
    }
    /// The exception instance.
    pub fn value(&self) -> &Obj {
        &self.0
    }
}

// ----- thread state for the C ABI -----

/// Moves an error into the thread state (the C ABI's "return 0" convention).
pub fn set_current(e: PyErr) {
    let old = std::mem::replace(current_slot(), Some(e.0));
    drop(old);
}

/// Takes the current error out of the thread state.
pub fn take_current() -> Option<PyErr> {
    current_slot().take().map(PyErr)
}

/// Is an error set?
pub fn occurred() -> bool {
    current_slot().is_some()
}

/// A new reference to the current error, if one is set.
pub fn current_exception() -> Option<Obj> {
    current_slot().clone()
}


/// The exception currently being handled (`sys.exc_info()[1]`), if any.
pub fn handled() -> Option<Obj> {
    handled_slot().clone()
}

/// Is no exception being handled? (Cheaper than `handled().is_none()`: no reference.)
pub fn no_handled() -> bool {
    handled_slot().is_none()
}

/// Replaces the handled exception, returning the previous one.
pub fn set_handled(e: Option<Obj>) -> Option<Obj> {
    std::mem::replace(handled_slot(), e)
}

/// Converts a `PyResult` to the C ABI: the raw value, or 0 with the error stored.
#[inline]
pub fn to_abi(r: crate::object::PyResult<Obj>) -> u64 {
    match r {
        Ok(o) => o.into_raw(),
        Err(e) => {
            set_current(e);
            0
        }
    }
}

/// Converts a unit `PyResult` to the C ABI status convention (0 ok, -1 error).
#[inline]
pub fn to_status(r: crate::object::PyResult<()>) -> i32 {
    match r {
        Ok(()) => 0,
        Err(e) => {
            set_current(e);
            -1
        }
    }
}

/// Takes the error stored by a failed C-ABI call back into Rust.
pub fn fetch() -> PyErr {
    take_current().unwrap_or_else(|| PyErr(new_exception_msg(exc().system_error, "error return without exception set")))
}
