//! Recursion depth accounting (`sys.getrecursionlimit`, RecursionError). One level per
//! call made through `protocol::call_kw` (every Python-level call, native or interpreted),
//! per generator resumption, and for `__main__`'s frame, so a plain recursive function
//! fails at the same depth as in CPython 3.11. The depth and the stack floor live in the
//! thread state (tstate.rs) because compiled register-argument entries update them
//! inline (codegen/function.rs), falling back to `enter` when any check fails; they read
//! the limit and the eval breaker as one word (`pyrt_call_gate`).
use crate::object::PyResult;
use crate::tstate;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};

/// `sys.setrecursionlimit` is per interpreter (the depth is per thread). Compiled code
/// reads it inline.
#[no_mangle]
pub static pyrt_recursion_limit: AtomicU32 = AtomicU32::new(1000);

/// The limit while the eval breaker is clear, 0 while a request is pending: the call
/// prologue of compiled register-argument entries (codegen/function.rs) tests both with
/// one compare of the new depth against it, and takes the runtime path (`enter`, which
/// serves the breaker and checks the real limit) when the depth is above it. Kept by
/// `refresh_gate` whenever the limit or the breaker changes.
#[no_mangle]
pub static pyrt_call_gate: AtomicU32 = AtomicU32::new(1000);

/// Recomputes `pyrt_call_gate` after a change of the limit or of the eval breaker. Safe
/// against a request arriving meanwhile (another thread, a signal handler: `gil::request`
/// stores the breaker, then calls this): the last step to run sees the breaker set and
/// closes the gate; the gate may stay closed a little longer than needed, which only
/// sends calls through `enter`.
pub fn refresh_gate() {
    use std::sync::atomic::Ordering::SeqCst;
    pyrt_call_gate.store(pyrt_recursion_limit.load(SeqCst), SeqCst);
    if crate::gil::pyrt_eval_breaker.load(SeqCst) != 0 {
        pyrt_call_gate.store(0, SeqCst);
    }
}

/// Enters one level; RecursionError past the limit.
#[inline(always)]
pub fn enter() -> PyResult<()> {
    enter_for("")
}

/// Enters one level for work that CPython guards with `_Py_EnterRecursiveCall(what)`
/// (" in comparison", ...): past the limit, the RecursionError's message ends in `what`.
#[inline(always)]
pub fn enter_for(what: &'static str) -> PyResult<()> {
    enter_for_served(what).map(|_| ())
}

/// `enter_for`, also saying whether its check point served a request (then Python code
/// may have run: a collection's finalizers, signal handlers, other threads). A request
/// arriving after the test waits for the next check point.
#[inline(always)]
pub fn enter_for_served(what: &'static str) -> PyResult<bool> {
    // A due collection is requested through the eval breaker (gc.rs), served here.
    let served = crate::gil::pyrt_eval_breaker.load(std::sync::atomic::Ordering::Relaxed) != 0;
    if served {
        crate::gil::handle_eval_breaker()?;
    }
    let d = tstate::depth() + 1;
    if d > limit() || stack_is_low() {
        return Err(exceeded(what));
    }
    tstate::set_depth(d);
    Ok(served)
}

/// One more level right after this thread's `enter` succeeded, with no Python code run
/// and no native stack grown since (`generator::send_chain` entering the generators of a
/// `yield from` chain in a loop): the eval breaker was served and the stack checked by
/// that `enter`, so only the limit is left to check.
#[inline(always)]
pub fn enter_again() -> PyResult<()> {
    if tstate::depth() >= limit() {
        return Err(exceeded(""));
    }
    tstate::inc_depth();
    Ok(())
}

/// The check of `enter_for(what)` without entering, for work that cannot recurse but that
/// CPython counts as a level all the same (a comparison of two small ints made by C code:
/// `max`, `operator.lt`, list comparison), so the limit is hit where CPython hits it.
#[inline]
pub fn check_for(what: &'static str) -> PyResult<()> {
    if depth() >= limit() {
        return Err(exceeded(what));
    }
    Ok(())
}

#[cold]
fn exceeded(what: &'static str) -> crate::object::PyErr {
    crate::errors::recursion_error(format!("maximum recursion depth exceeded{what}"))
}

/// Bytes of C stack kept free below the deepest Python call: enough for the runtime
/// work one level does (argument binding, error formatting, a traceback print).
const STACK_RESERVE: usize = 256 * 1024;

/// The current thread's stack floor plus the reserve, from the thread's stack bounds.
#[cold]
fn compute_stack_floor() -> usize {
    // SAFETY: pthread_getattr_np fills `attr` for the calling thread; we only read the
    // stack bounds from it and destroy it afterwards.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
            libc::pthread_attr_destroy(&mut attr);
        }
        if addr.is_null() { 1 } else { addr as usize + STACK_RESERVE }
    }
}

/// Computes this thread's stack floor now (runtime start-up, `tstate::init_for_compiled_code`).
pub fn init_stack_floor() {
    tstate::set_stack_floor(compute_stack_floor());
}

/// Would one more Python-level call risk overflowing the C stack? Deep recursion then
/// raises RecursionError (as CPython does at its own C-stack guard) instead of crashing.
#[inline]
fn stack_is_low() -> bool {
    let mut floor = tstate::stack_floor();
    if floor == 0 {
        floor = compute_stack_floor();
        tstate::set_stack_floor(floor);
    }
    let marker = 0u8;
    (&marker as *const u8 as usize) < floor
}

#[inline]
pub fn leave() {
    tstate::dec_depth()
}
pub fn limit() -> u32 { pyrt_recursion_limit.load(Relaxed) }
pub fn set_limit(n: u32) {
    pyrt_recursion_limit.store(n, std::sync::atomic::Ordering::SeqCst);
    refresh_gate();
}
pub fn depth() -> u32 {
    tstate::depth()
}
