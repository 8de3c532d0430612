//! Recursion depth accounting (`sys.getrecursionlimit`, RecursionError). One level per
//! call made through `protocol::call_kw` (every Python-level call, native or interpreted),
//! per generator resumption, and for `__main__`'s frame, so a plain recursive function
//! fails at the same depth as in CPython 3.11.
use crate::object::PyResult;
use std::cell::Cell;
thread_local! { static DEPTH: Cell<u32> = const { Cell::new(0) }; static LIMIT: Cell<u32> = const { Cell::new(1000) }; }
/// Enters one level; RecursionError past the limit.
#[inline]
pub fn enter() -> PyResult<()> {
    crate::gc::safe_point();
    let d = DEPTH.with(|d| { let v = d.get() + 1; d.set(v); v });
    if d > LIMIT.with(|l| l.get()) {
        DEPTH.with(|d| d.set(d.get() - 1));
        return Err(crate::errors::recursion_error("maximum recursion depth exceeded"));
    }
    Ok(())
}
#[inline]
pub fn leave() { DEPTH.with(|d| d.set(d.get() - 1)); }
pub fn limit() -> u32 { LIMIT.with(|l| l.get()) }
pub fn set_limit(n: u32) { LIMIT.with(|l| l.set(n)) }
pub fn depth() -> u32 { DEPTH.with(|d| d.get()) }
