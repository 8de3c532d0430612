//! Recursion depth accounting (`sys.getrecursionlimit`, RecursionError).
use crate::object::PyResult;
use std::cell::Cell;
thread_local! { static DEPTH: Cell<u32> = const { Cell::new(0) }; static LIMIT: Cell<u32> = const { Cell::new(1000) }; }
/// Enters one level; RecursionError past the limit.
#[inline]
pub fn enter() -> PyResult<()> {
    let d = DEPTH.with(|d| { let v = d.get() + 1; d.set(v); v });
    if d > LIMIT.with(|l| l.get()) + 50 {
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
