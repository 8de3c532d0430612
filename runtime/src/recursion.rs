//! Recursion depth accounting (`sys.getrecursionlimit`, RecursionError). One level per
//! call made through `protocol::call_kw` (every Python-level call, native or interpreted),
//! per generator resumption, and for `__main__`'s frame, so a plain recursive function
//! fails at the same depth as in CPython 3.11.
use crate::object::PyResult;
use std::cell::Cell;
thread_local! { static DEPTH: Cell<u32> = const { Cell::new(0) }; }
/// `sys.setrecursionlimit` is per interpreter (the depth above is per thread).
static LIMIT: crate::gil::GilCell<Cell<u32>> = crate::gil::GilCell::new(Cell::new(1000));
/// Enters one level; RecursionError past the limit.
#[inline(always)]
pub fn enter() -> PyResult<()> {
    crate::gc::safe_point();
    crate::gil::check_point()?;
    let d = DEPTH.with(|d| { let v = d.get() + 1; d.set(v); v });
    if d > LIMIT.with(|l| l.get()) || stack_is_low() {
        DEPTH.with(|d| d.set(d.get() - 1));
        return Err(crate::errors::recursion_error("maximum recursion depth exceeded"));
    }
    Ok(())
}

/// Bytes of C stack kept free below the deepest Python call: enough for the runtime
/// work one level does (argument binding, error formatting, a traceback print).
const STACK_RESERVE: usize = 256 * 1024;

thread_local! {
    /// Lowest stack address a new Python-level call may start from (0 = not computed yet).
    static STACK_FLOOR: Cell<usize> = const { Cell::new(0) };
}

/// The current thread's stack floor plus the reserve, from the thread's stack bounds.
fn stack_floor() -> usize {
    let cached = STACK_FLOOR.with(|f| f.get());
    if cached != 0 {
        return cached;
    }
    // SAFETY: pthread_getattr_np fills `attr` for the calling thread; we only read the
    // stack bounds from it and destroy it afterwards.
    let floor = unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
            libc::pthread_attr_destroy(&mut attr);
        }
        if addr.is_null() { 1 } else { addr as usize + STACK_RESERVE }
    };
    STACK_FLOOR.with(|f| f.set(floor));
    floor
}

/// Would one more Python-level call risk overflowing the C stack? Deep recursion then
/// raises RecursionError (as CPython does at its own C-stack guard) instead of crashing.
#[inline]
fn stack_is_low() -> bool {
    let marker = 0u8;
    (&marker as *const u8 as usize) < stack_floor()
}
#[inline]
pub fn leave() { DEPTH.with(|d| d.set(d.get() - 1)); }
pub fn limit() -> u32 { LIMIT.with(|l| l.get()) }
pub fn set_limit(n: u32) { LIMIT.with(|l| l.set(n)) }
pub fn depth() -> u32 { DEPTH.with(|d| d.get()) }
