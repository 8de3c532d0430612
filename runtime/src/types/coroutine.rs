//! `coroutine` objects (the result of calling an `async def` function; they share the
//! generator's layout and resume machinery in `generator.rs`), `coroutine_wrapper` (what
//! `coro.__await__()` returns), the "coroutine ... was never awaited" RuntimeWarning, and
//! the async-protocol helpers behind the interpreter's `GetAwaitable`, `GetAIter`,
//! `GetANext` and `BeforeAsyncWith` instructions.

use std::cell::RefCell;
use std::collections::HashSet;

use super::generator::{self, gen_mut, GeneratorObj};
use super::typeobj::MethodDef;
use super::TypeSpec;
use crate::errors::{self, type_error};
use crate::interp::SendResult;
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::types::{bool as pybool, none, str as pystr, types};

// ----- coroutine -----

fn result_to_value(r: SendResult) -> PyResult<Obj> {
    match r {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(errors::stop_iteration(if none::is_none(&v) { None } else { Some(v) })),
    }
}

fn coro_send(c: &Obj, v: Obj) -> PyResult<Obj> {
    result_to_value(generator::resume(c, v, None)?)
}

fn coro_throw(c: &Obj, args: &[Obj]) -> PyResult<Obj> {
    let e = generator::make_throw_exc(&args[0], args.get(1), args.get(2))?;
    result_to_value(generator::throw_exc(c, e)?)
}

fn m_send(a: &[Obj]) -> PyResult<Obj> {
    coro_send(&a[0], a[1].clone())
}
fn m_throw(a: &[Obj]) -> PyResult<Obj> {
    coro_throw(&a[0], &a[1..])
}
fn m_close(a: &[Obj]) -> PyResult<Obj> {
    generator::close(&a[0])
}
fn m_await(a: &[Obj]) -> PyResult<Obj> {
    Ok(alloc(types().coroutine_wrapper, WrapperObj { head: header(), coro: a[0].clone() }))
}

fn c_running(c: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(gen_mut(c).running))
}
fn c_code(c: &Obj) -> PyResult<Obj> {
    Ok(gen_mut(c).code.clone())
}
fn c_frame(_c: &Obj) -> PyResult<Obj> {
    Ok(none::none())
}
fn c_await(c: &Obj) -> PyResult<Obj> {
    Ok(generator::yield_from_target(c).unwrap_or_else(none::none))
}
fn c_suspended(c: &Obj) -> PyResult<Obj> {
    let g = gen_mut(c);
    Ok(pybool::from_bool(g.started && g.frame.is_some() && !g.running))
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("coroutine", std::mem::size_of::<GeneratorObj>(), generator::gen_drop);
    s.final_ = true;
    s.slots.traverse = Some(generator::gen_traverse);
    s.slots.clear = Some(generator::gen_clear);
    s.slots.repr = Some(generator::gen_repr);
    s.slots.getattro = Some(generator::gen_getattro);
    s.slots.setattro = Some(generator::gen_setattro);
    s.methods = vec![
        MethodDef::Method { name: "send", func: m_send, min: 2, max: 2 },
        MethodDef::Method { name: "throw", func: m_throw, min: 2, max: 4 },
        MethodDef::Method { name: "close", func: m_close, min: 1, max: 1 },
        MethodDef::Method { name: "__await__", func: m_await, min: 1, max: 1 },
        MethodDef::Getter { name: "cr_running", get: c_running },
        MethodDef::Getter { name: "cr_code", get: c_code },
        MethodDef::Getter { name: "cr_frame", get: c_frame },
        MethodDef::Getter { name: "cr_await", get: c_await },
        MethodDef::Getter { name: "cr_suspended", get: c_suspended },
    ];
    s
}

pub fn is_coroutine(o: &Obj) -> bool {
    !o.is_small_int() && o.is_exact(types().coroutine)
}

/// A generator-based coroutine: a generator whose code has `CO_ITERABLE_COROUTINE`
/// (set by `types.coroutine`), which `await` accepts as it is.
pub fn is_iterable_coroutine(o: &Obj) -> bool {
    use pyc_frontend::bytecode::code_flags::ITERABLE_COROUTINE;
    !o.is_small_int()
        && o.is_exact(types().generator)
        && crate::types::code::as_code(&generator::gen_mut(o).code).code.flags & ITERABLE_COROUTINE != 0
}

/// `GetYieldFromIter` (`yield from v`) run by code with flags `code_flags`: a generator
/// as it is; a coroutine as it is in coroutine code (`async def`, or a generator that
/// `types.coroutine` marked CO_ITERABLE_COROUTINE), else CPython's TypeError; anything
/// else `iter(v)`.
pub fn yield_from_iter(v: Obj, code_flags: u32) -> PyResult<Obj> {
    use pyc_frontend::bytecode::code_flags::{COROUTINE, ITERABLE_COROUTINE};
    if is_coroutine(&v) {
        if code_flags & (COROUTINE | ITERABLE_COROUTINE) == 0 {
            return Err(type_error("cannot 'yield from' a coroutine object in a non-coroutine generator"));
        }
        return Ok(v);
    }
    if !v.is_small_int() && v.is_exact(types().generator) {
        return Ok(v);
    }
    crate::protocol::iter(&v)
}

// ----- coroutine_wrapper -----

#[repr(C)]
pub struct WrapperObj {
    pub head: ObjHeader,
    pub coro: Obj,
}

fn coro_of(w: &Obj) -> Obj {
    unsafe { w.payload::<WrapperObj>() }.coro.clone()
}

fn w_iter(w: &Obj) -> PyResult<Obj> {
    Ok(w.clone())
}
fn w_next(w: &Obj) -> PyResult<Option<Obj>> {
    match generator::resume(&coro_of(w), none::none(), None)? {
        SendResult::Yield(v) => Ok(Some(v)),
        SendResult::Return(v) if none::is_none(&v) => Ok(None),
        SendResult::Return(v) => Err(errors::stop_iteration(Some(v))),
    }
}
fn w_send(a: &[Obj]) -> PyResult<Obj> {
    coro_send(&coro_of(&a[0]), a[1].clone())
}
fn w_throw(a: &[Obj]) -> PyResult<Obj> {
    coro_throw(&coro_of(&a[0]), &a[1..])
}
fn w_close(a: &[Obj]) -> PyResult<Obj> {
    generator::close(&coro_of(&a[0]))
}
unsafe fn w_drop(h: *mut ObjHeader) {
    std::ptr::drop_in_place(h as *mut WrapperObj);
}

pub fn wrapper_spec() -> TypeSpec {
    let mut s = TypeSpec::new("coroutine_wrapper", std::mem::size_of::<WrapperObj>(), w_drop);
    s.final_ = true;
    s.slots.iter = Some(w_iter);
    s.slots.next = Some(w_next);
    s.methods = vec![
        MethodDef::Method { name: "send", func: w_send, min: 2, max: 2 },
        MethodDef::Method { name: "throw", func: w_throw, min: 2, max: 4 },
        MethodDef::Method { name: "close", func: w_close, min: 1, max: 1 },
    ];
    s
}

// ----- "never awaited" -----

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
/// (location, message) pairs already reported: the "default" warnings action shows a
/// warning once per location.
static WARNED: crate::gil::GilCell<std::sync::LazyLock<RefCell<HashSet<(String, u32, String)>>>> = crate::gil::GilCell::new(std::sync::LazyLock::new(|| RefCell::new(HashSet::new())));

/// Prints CPython's `RuntimeWarning: coroutine '<qualname>' was never awaited`, attributed to
/// the running frame's line (or `sys:1` when no frame runs, e.g. at shutdown).
pub fn warn_never_awaited(qualname: &Obj) {
    let q = pystr::as_str(qualname).unwrap_or("?").to_string();
    let msg = format!("coroutine '{}' was never awaited", q);
    let fp = crate::frame::current();
    let (file, line, src) = if fp.is_null() {
        ("sys".to_string(), 1, None)
    } else {
        let f = unsafe { &*fp };
        let line = f.line();
        let c = crate::types::code::as_code(&f.code);
        (c.code.filename.clone(), line, c.source_line(line).map(|s| s.trim().to_string()))
    };
    let fresh = WARNED.with(|w| w.borrow_mut().insert((file.clone(), line, msg.clone())));
    if !fresh {
        return;
    }
    let mut out = format!("{}:{}: RuntimeWarning: {}\n", file, line, msg);
    if let Some(s) = src.filter(|s| !s.is_empty()) {
        out.push_str(&format!("  {}\n", s));
    }
    if !fp.is_null() {
        out.push_str("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    }
    crate::modules::sys::write_stderr(&out);
}

// ----- async protocol helpers -----

/// Calls special method `m` (found on `o`'s type) bound to `o`.
fn call_special(m: &Obj, o: &Obj) -> PyResult<Obj> {
    let b = super::descriptors::bind(m, Some(o), &o.type_obj())?;
    crate::protocol::call(&b, &[])
}

/// `GetAwaitable(where)`: the iterator `await o` delegates to.
pub fn op_get_awaitable(o: &Obj, w: u32) -> PyResult<Obj> {
    if is_coroutine(o) {
        if generator::yield_from_target(o).is_some() {
            return Err(errors::runtime_error("coroutine is being awaited already"));
        }
        return Ok(o.clone());
    }
    if is_iterable_coroutine(o) {
        return Ok(o.clone());
    }
    let Some(m) = o.ty().lookup_str("__await__") else {
        let tn = o.type_name();
        return Err(type_error(match w {
            1 => format!("'async with' received an object from __aenter__ that does not implement __await__: {}", tn),
            2 => format!("'async with' received an object from __aexit__ that does not implement __await__: {}", tn),
            _ => format!("object {} can't be used in 'await' expression", tn),
        }));
    };
    let it = call_special(&m, o)?;
    if is_coroutine(&it) || is_iterable_coroutine(&it) {
        return Err(type_error("__await__() returned a coroutine"));
    }
    if it.is_small_int() || it.ty().slots().next.is_none() {
        return Err(type_error(format!("__await__() returned non-iterator of type '{}'", it.type_name())));
    }
    Ok(it)
}

/// `GetAIter`: `o.__aiter__()`.
pub fn op_get_aiter(o: &Obj) -> PyResult<Obj> {
    let Some(m) = o.ty().lookup_str("__aiter__") else {
        return Err(type_error(format!("'async for' requires an object with __aiter__ method, got {}", o.type_name())));
    };
    let it = call_special(&m, o)?;
    if it.ty().lookup_str("__anext__").is_none() {
        return Err(type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            it.type_name()
        )));
    }
    Ok(it)
}

/// `GetANext`: the awaitable iterator of `aiter.__anext__()`.
pub fn op_get_anext(aiter: &Obj) -> PyResult<Obj> {
    let Some(m) = aiter.ty().lookup_str("__anext__") else {
        return Err(type_error(format!("'async for' requires an iterator with __anext__ method, got {}", aiter.type_name())));
    };
    let aw = call_special(&m, aiter)?;
    if !is_coroutine(&aw) && aw.ty().lookup_str("__await__").is_none() {
        return Err(type_error(format!(
            "'async for' received an invalid object from __anext__: {}",
            aw.type_name()
        )));
    }
    op_get_awaitable(&aw, 0)
}

/// `BeforeAsyncWith`: (bound `__aexit__`, result of `__aenter__()`).
pub fn op_before_async_with(mgr: &Obj) -> PyResult<(Obj, Obj)> {
    let t = mgr.ty();
    let Some(enter) = t.lookup_str("__aenter__") else {
        return Err(type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol",
            mgr.type_name()
        )));
    };
    let Some(exit) = t.lookup_str("__aexit__") else {
        return Err(type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
            mgr.type_name()
        )));
    };
    let owner = mgr.type_obj();
    let bound = super::descriptors::bind(&exit, Some(mgr), &owner)?;
    let res = call_special(&enter, mgr)?;
    Ok((bound, res))
}

/// `AsyncGenWrap`: marks a value yielded by an async generator body.
pub fn async_gen_wrap(v: Obj) -> Obj {
    alloc(types().async_generator_wrapped_value, WrappedObj { head: header(), value: v })
}

// ----- async generators -----

/// The marker `AsyncGenWrap` puts around values an async generator body yields, so that
/// they can be told apart from values yielded by the objects it awaits.
#[repr(C)]
pub struct WrappedObj {
    pub head: ObjHeader,
    pub value: Obj,
}

unsafe fn wrapped_drop(h: *mut ObjHeader) {
    std::ptr::drop_in_place(h as *mut WrappedObj);
}

pub fn wrapped_spec() -> TypeSpec {
    let mut s = TypeSpec::new("async_generator_wrapped_value", std::mem::size_of::<WrappedObj>(), wrapped_drop);
    s.final_ = true;
    s
}

fn unwrap_value(v: &Obj) -> Option<Obj> {
    if !v.is_small_int() && v.is_exact(types().async_generator_wrapped_value) {
        Some(unsafe { v.payload::<WrappedObj>() }.value.clone())
    } else {
        None
    }
}

pub fn is_async_generator(o: &Obj) -> bool {
    !o.is_small_int() && o.is_exact(types().async_generator)
}

fn ag_aiter(a: &[Obj]) -> PyResult<Obj> {
    Ok(a[0].clone())
}
fn ag_anext(a: &[Obj]) -> PyResult<Obj> {
    Ok(new_asend(&a[0], none::none()))
}
fn ag_asend(a: &[Obj]) -> PyResult<Obj> {
    Ok(new_asend(&a[0], a[1].clone()))
}
fn ag_athrow(a: &[Obj]) -> PyResult<Obj> {
    Ok(new_athrow(&a[0], Some(a[1..].to_vec())))
}
fn ag_aclose(a: &[Obj]) -> PyResult<Obj> {
    Ok(new_athrow(&a[0], None))
}

pub fn async_gen_spec() -> TypeSpec {
    let mut s = TypeSpec::new("async_generator", std::mem::size_of::<GeneratorObj>(), generator::gen_drop);
    s.final_ = true;
    s.slots.traverse = Some(generator::gen_traverse);
    s.slots.clear = Some(generator::gen_clear);
    s.slots.repr = Some(generator::gen_repr);
    s.slots.getattro = Some(generator::gen_getattro);
    s.slots.setattro = Some(generator::gen_setattro);
    s.methods = vec![
        MethodDef::Method { name: "__aiter__", func: ag_aiter, min: 1, max: 1 },
        MethodDef::Method { name: "__anext__", func: ag_anext, min: 1, max: 1 },
        MethodDef::Method { name: "asend", func: ag_asend, min: 2, max: 2 },
        MethodDef::Method { name: "athrow", func: ag_athrow, min: 2, max: 4 },
        MethodDef::Method { name: "aclose", func: ag_aclose, min: 1, max: 1 },
        MethodDef::Getter { name: "ag_running", get: c_running },
        MethodDef::Getter { name: "ag_code", get: c_code },
        MethodDef::Getter { name: "ag_frame", get: c_frame },
        MethodDef::Getter { name: "ag_await", get: c_await },
    ];
    s
}

const INIT: u8 = 0;
const ITER: u8 = 1;
const CLOSED: u8 = 2;

/// `agen.asend(v)` / `agen.__anext__()` awaitable, and `agen.athrow(...)` / `agen.aclose()`
/// (`throw` holds the athrow arguments; `aclose` when `is_close`).
#[repr(C)]
pub struct AgOpObj {
    pub head: ObjHeader,
    pub gen: Obj,
    pub value: Option<Obj>,
    pub throw: Option<Vec<Obj>>,
    pub is_close: bool,
    pub state: u8,
}

fn new_asend(g: &Obj, v: Obj) -> Obj {
    alloc(
        types().async_generator_asend,
        AgOpObj { head: header(), gen: g.clone(), value: Some(v), throw: None, is_close: false, state: INIT },
    )
}

fn new_athrow(g: &Obj, args: Option<Vec<Obj>>) -> Obj {
    let is_close = args.is_none();
    alloc(
        types().async_generator_athrow,
        AgOpObj { head: header(), gen: g.clone(), value: None, throw: args, is_close, state: INIT },
    )
}

#[allow(clippy::mut_from_ref)]
fn op_mut(o: &Obj) -> &mut AgOpObj {
    unsafe { o.payload_mut::<AgOpObj>() }
}

/// Turns one resumption of the async generator into the awaitable's step: a wrapped value
/// completes the operation (`StopIteration(value)`), a plain value is passed up to the
/// awaiting code, the generator's end is `StopAsyncIteration`.
fn ag_step(op: &Obj, r: PyResult<SendResult>) -> PyResult<Obj> {
    let o = op_mut(op);
    let is_close = o.is_close;
    match r {
        Ok(SendResult::Yield(v)) => match unwrap_value(&v) {
            Some(inner) => {
                o.state = CLOSED;
                if is_close {
                    return Err(errors::runtime_error("async generator ignored GeneratorExit"));
                }
                Err(errors::stop_iteration(if none::is_none(&inner) { None } else { Some(inner) }))
            }
            None => Ok(v),
        },
        Ok(SendResult::Return(_)) => {
            o.state = CLOSED;
            if is_close {
                return Err(errors::stop_iteration(None));
            }
            Err(PyErr(crate::types::exceptions::new_exception(crate::types::exceptions::exc().stop_async_iteration, vec![])))
        }
        Err(e) => {
            o.state = CLOSED;
            let ex = crate::types::exceptions::exc();
            if is_close && (e.matches(ex.generator_exit) || e.matches(ex.stop_async_iteration)) {
                return Err(errors::stop_iteration(None));
            }
            Err(e)
        }
    }
}

fn ag_op_send(op: &Obj, sent: Obj) -> PyResult<Obj> {
    let o = op_mut(op);
    let g = o.gen.clone();
    if o.state == CLOSED {
        return Err(errors::runtime_error(if o.throw.is_none() && !o.is_close {
            "cannot reuse already awaited __anext__()/asend()"
        } else {
            "cannot reuse already awaited aclose()/athrow()"
        }));
    }
    if o.state == INIT {
        o.state = ITER;
        if o.is_close || o.throw.is_some() {
            let gm = gen_mut(&g);
            if gm.frame.is_none() || (o.is_close && !gm.started) {
                gm.frame = None;
                o.state = CLOSED;
                if o.is_close {
                    return Err(errors::stop_iteration(None));
                }
                return Err(PyErr(crate::types::exceptions::new_exception(
                    crate::types::exceptions::exc().stop_async_iteration,
                    vec![],
                )));
            }
            let e = if o.is_close {
                PyErr(crate::types::exceptions::new_exception(crate::types::exceptions::exc().generator_exit, vec![]))
            } else {
                let a = o.throw.clone().unwrap_or_default();
                match generator::make_throw_exc(&a[0], a.get(1), a.get(2)) {
                    Ok(e) => e,
                    Err(e) => {
                        o.state = CLOSED;
                        return Err(e);
                    }
                }
            };
            let r = generator::throw_exc(&g, e);
            return ag_step(op, r);
        }
        let v = o.value.take().unwrap_or_else(none::none);
        let sent = if none::is_none(&sent) { v } else { sent };
        let r = generator::resume(&g, sent, None);
        return ag_step(op, r);
    }
    let r = generator::resume(&g, sent, None);
    ag_step(op, r)
}

fn ag_op_next(op: &Obj) -> PyResult<Option<Obj>> {
    ag_op_send(op, none::none()).map(Some)
}
fn ag_op_iter(op: &Obj) -> PyResult<Obj> {
    Ok(op.clone())
}
fn ag_op_m_send(a: &[Obj]) -> PyResult<Obj> {
    ag_op_send(&a[0], a[1].clone())
}
fn ag_op_m_throw(a: &[Obj]) -> PyResult<Obj> {
    let o = op_mut(&a[0]);
    if o.state == CLOSED {
        return Err(errors::runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    o.state = ITER;
    let g = o.gen.clone();
    let e = generator::make_throw_exc(&a[1], a.get(2), a.get(3))?;
    let r = generator::throw_exc(&g, e);
    ag_step(&a[0], r)
}
fn ag_op_m_close(a: &[Obj]) -> PyResult<Obj> {
    op_mut(&a[0]).state = CLOSED;
    Ok(none::none())
}
fn ag_op_await(a: &[Obj]) -> PyResult<Obj> {
    Ok(a[0].clone())
}
unsafe fn ag_op_drop(h: *mut ObjHeader) {
    std::ptr::drop_in_place(h as *mut AgOpObj);
}

/// The collector's view: an awaitable holds its generator and the value or exception it
/// will send or throw (a traceback holding the awaitable through a frame's locals while
/// the awaitable holds the exception is a cycle).
fn ag_op_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    // SAFETY: the collector traverses only objects of this type's instances.
    let op = unsafe { o.payload::<AgOpObj>() };
    visit(&op.gen);
    op.value.iter().chain(op.throw.iter().flatten()).for_each(|v| visit(v));
}

fn ag_op_clear(o: &Obj) {
    let op = op_mut(o);
    let dropped = (op.value.take(), op.throw.take());
    drop(dropped);
}

fn ag_op_spec(name: &'static str) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<AgOpObj>(), ag_op_drop);
    s.final_ = true;
    s.slots.traverse = Some(ag_op_traverse);
    s.slots.clear = Some(ag_op_clear);
    s.slots.iter = Some(ag_op_iter);
    s.slots.next = Some(ag_op_next);
    s.methods = vec![
        MethodDef::Method { name: "send", func: ag_op_m_send, min: 2, max: 2 },
        MethodDef::Method { name: "throw", func: ag_op_m_throw, min: 2, max: 4 },
        MethodDef::Method { name: "close", func: ag_op_m_close, min: 1, max: 1 },
        MethodDef::Method { name: "__await__", func: ag_op_await, min: 1, max: 1 },
    ];
    s
}

pub fn asend_spec() -> TypeSpec {
    ag_op_spec("async_generator_asend")
}
pub fn athrow_spec() -> TypeSpec {
    ag_op_spec("async_generator_athrow")
}
