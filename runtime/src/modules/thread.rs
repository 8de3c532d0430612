//! The native `_thread` module, which CPython's `threading.py` builds on: OS threads
//! (`start_new_thread`, each taking the GIL to run), `lock` and `RLock` (waits release
//! the GIL; in the main thread a signal interrupts them so its handler can run),
//! `_local` (per-thread attribute dicts), `_set_sentinel` (a lock the thread acquires and
//! `Thread.join` waits on; the runtime releases it when the thread's state is torn down), `_excepthook`/`_ExceptHookArgs`,
//! `interrupt_main`, `stack_size`, `get_ident`, `get_native_id`, `_count`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::errors::{new_error, runtime_error, type_error, value_error};
use crate::gil::{self, GilCell};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::exceptions::exc;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{as_type, drop_as, CallFn, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, dict, float, int, module, none, str as pystr, tuple, types, TypeSpec};

/// `_thread.TIMEOUT_MAX` (CPython's value on Linux).
const TIMEOUT_MAX: f64 = 9223372036.0;
/// Default C stack of a new thread: deep enough for the recursion limit's worth of
/// native and interpreted frames (the main thread has more, `abi::pyrt_main`); only the
/// touched part is committed. `recursion::enter` guards the rest.
pub const THREAD_STACK_BYTES: usize = 256 << 20;

/// `stack_size()` (0 = the default above).
static STACK_SIZE: AtomicUsize = AtomicUsize::new(0);
/// Threads started by `start_new_thread` and still running (`_count()`).
static RUNNING: AtomicUsize = AtomicUsize::new(0);
/// How long a main-thread wait sleeps before looking for signals.
const SIGNAL_POLL: Duration = Duration::from_millis(5);

// ===================== the native lock =====================

/// A binary semaphore that any thread may release (Python's `Lock` semantics).
pub struct RawLock {
    locked: Mutex<bool>,
    cv: Condvar,
}

enum Wait {
    Acquired,
    TimedOut,
    Interrupted,
}

impl RawLock {
    const fn new() -> RawLock {
        RawLock { locked: Mutex::new(false), cv: Condvar::new() }
    }
    fn try_acquire(&self) -> bool {
        let mut l = self.locked.lock().unwrap_or_else(PoisonError::into_inner);
        !std::mem::replace(&mut *l, true)
    }
    fn is_locked(&self) -> bool {
        *self.locked.lock().unwrap_or_else(PoisonError::into_inner)
    }
    /// Clears the lock; false if it was not held.
    fn release(&self) -> bool {
        let mut l = self.locked.lock().unwrap_or_else(PoisonError::into_inner);
        let was = std::mem::replace(&mut *l, false);
        self.cv.notify_one();
        was
    }
    /// Blocks (without the GIL) until acquired, past `deadline`, or — in the main thread
    /// (`poll`) — until a signal is pending.
    fn wait(&self, deadline: Option<Instant>, poll: bool) -> Wait {
        let mut l = self.locked.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if !*l {
                *l = true;
                return Wait::Acquired;
            }
            if poll && crate::modules::signal::main_thread_interrupted() {
                return Wait::Interrupted;
            }
            let now = Instant::now();
            let mut slice = match deadline {
                Some(d) if d <= now => return Wait::TimedOut,
                Some(d) => d - now,
                None => Duration::from_secs(3600),
            };
            if poll {
                slice = slice.min(SIGNAL_POLL);
            }
            l = self.cv.wait_timeout(l, slice).unwrap_or_else(PoisonError::into_inner).0;
        }
    }
    /// Python-level acquire: releases the GIL while waiting; a signal handler that
    /// raises (main thread) ends the wait with its exception.
    fn acquire(&self, deadline: Option<Option<Instant>>) -> PyResult<bool> {
        if self.try_acquire() {
            return Ok(true);
        }
        let Some(deadline) = deadline else { return Ok(false) };
        let poll = gil::is_main_thread();
        loop {
            match gil::allow_threads(|| self.wait(deadline, poll)) {
                Wait::Acquired => return Ok(true),
                Wait::TimedOut => return Ok(false),
                Wait::Interrupted => crate::modules::signal::check_signals()?,
            }
        }
    }
}

/// Parses `acquire(blocking=True, timeout=-1)`: `None` = non-blocking, `Some(None)` =
/// wait forever, `Some(Some(t))` = wait until `t`.
fn acquire_args(a: &[Obj], kw: &KwArgs) -> PyResult<Option<Option<Instant>>> {
    if a.len() > 2 {
        return Err(type_error(format!("acquire() takes at most 2 arguments ({} given)", a.len())));
    }
    let mut blocking = a.first().cloned();
    let mut timeout = a.get(1).cloned();
    for (k, v) in kw.iter() {
        match pystr::as_str(k).unwrap_or("") {
            "blocking" if blocking.is_none() => blocking = Some(v.clone()),
            "timeout" if timeout.is_none() => timeout = Some(v.clone()),
            n @ ("blocking" | "timeout") => {
                return Err(type_error(format!("argument for acquire() given by name ('{n}') and position")))
            }
            n => return Err(type_error(format!("'{n}' is an invalid keyword argument for acquire()"))),
        }
    }
    let blocking = match &blocking {
        Some(b) => protocol::is_true(b)?,
        None => true,
    };
    let timeout = match &timeout {
        Some(t) => seconds(t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(value_error("timeout value must be positive"));
    }
    if !blocking {
        return Ok(None);
    }
    if timeout == -1.0 {
        return Ok(Some(None));
    }
    if timeout > TIMEOUT_MAX {
        return Err(crate::errors::overflow_error("timeout value is too large"));
    }
    Ok(Some(Some(Instant::now() + Duration::from_secs_f64(timeout))))
}

/// A number of seconds (int or float).
fn seconds(o: &Obj) -> PyResult<f64> {
    if let Some(f) = float::as_f64(o) {
        return Ok(f);
    }
    if int::is_int(o) {
        return int::int_to_f64(o);
    }
    Err(type_error(format!("'{}' object cannot be interpreted as an integer or float", o.type_name())))
}

// ===================== _thread.lock =====================

#[repr(C)]
pub struct LockObj {
    head: ObjHeader,
    lock: RawLock,
}

static LOCK_TYPE: GilCell<Cell<Option<&'static TypeObject>>> = GilCell::new(Cell::new(None));
static RLOCK_TYPE: GilCell<Cell<Option<&'static TypeObject>>> = GilCell::new(Cell::new(None));
static LOCAL_TYPE: GilCell<Cell<Option<&'static TypeObject>>> = GilCell::new(Cell::new(None));

fn cached_type(cell: &'static GilCell<Cell<Option<&'static TypeObject>>>, spec: fn() -> TypeSpec) -> &'static TypeObject {
    cell.with(|c| {
        c.get().unwrap_or_else(|| {
            let t = super::make_type(spec());
            *t.module.borrow_mut() = "_thread".to_string();
            c.set(Some(t));
            t
        })
    })
}

fn lock_type() -> &'static TypeObject {
    cached_type(&LOCK_TYPE, lock_spec)
}
fn rlock_type() -> &'static TypeObject {
    cached_type(&RLOCK_TYPE, rlock_spec)
}
fn local_type() -> &'static TypeObject {
    cached_type(&LOCAL_TYPE, local_spec)
}

/// A new unlocked `_thread.lock`.
pub fn new_lock() -> Obj {
    alloc(lock_type(), LockObj { head: header(), lock: RawLock::new() })
}

fn raw_lock(o: &Obj) -> PyResult<&RawLock> {
    if o.isinstance(lock_type()) {
        return Ok(unsafe { &o.payload::<LockObj>().lock });
    }
    Err(type_error(format!("descriptor requires a '_thread.lock' object but received '{}'", o.type_name())))
}

fn lock_acquire(s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let deadline = acquire_args(a, kw)?;
    Ok(pybool::from_bool(raw_lock(s)?.acquire(deadline)?))
}

fn lock_release(a: &[Obj]) -> PyResult<Obj> {
    if !raw_lock(&a[0])?.release() {
        return Err(runtime_error("release unlocked lock"));
    }
    Ok(none::none())
}

fn lock_locked(a: &[Obj]) -> PyResult<Obj> {
    Ok(pybool::from_bool(raw_lock(&a[0])?.is_locked()))
}

fn lock_enter(s: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(pybool::from_bool(raw_lock(s)?.acquire(Some(None))?))
}

fn lock_at_fork_reinit(a: &[Obj]) -> PyResult<Obj> {
    raw_lock(&a[0])?.release();
    Ok(none::none())
}

fn lock_repr(o: &Obj) -> PyResult<Obj> {
    let state = if raw_lock(o)?.is_locked() { "locked" } else { "unlocked" };
    Ok(pystr::from_string(format!("<{} {} object at {:#x}>", state, o.ty().full_name(), o.raw())))
}

fn no_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Err(type_error(format!("cannot create '{}' instances", as_type(cls).full_name())))
}

fn lock_methods(acquire: fn(&Obj, &[Obj], &KwArgs) -> PyResult<Obj>, release: fn(&[Obj]) -> PyResult<Obj>, enter: CallFn) -> Vec<MethodDef> {
    vec![
        MethodDef::MethodKw { name: "acquire", func: acquire },
        MethodDef::MethodKw { name: "acquire_lock", func: acquire },
        MethodDef::Method { name: "release", func: release, min: 1, max: 1 },
        MethodDef::Method { name: "release_lock", func: release, min: 1, max: 1 },
        MethodDef::MethodKw { name: "__enter__", func: enter },
        MethodDef::Method { name: "__exit__", func: release, min: 1, max: 4 },
    ]
}

fn lock_spec() -> TypeSpec {
    let mut s = TypeSpec::new("lock", std::mem::size_of::<LockObj>(), drop_as::<LockObj>);
    s.final_ = true;
    s.slots.new = Some(no_new);
    s.slots.repr = Some(lock_repr);
    s.methods = lock_methods(lock_acquire, lock_release, lock_enter);
    s.methods.extend([
        MethodDef::Method { name: "locked", func: lock_locked, min: 1, max: 1 },
        MethodDef::Method { name: "locked_lock", func: lock_locked, min: 1, max: 1 },
        MethodDef::Method { name: "_at_fork_reinit", func: lock_at_fork_reinit, min: 1, max: 1 },
    ]);
    s
}

// ===================== _thread.RLock =====================

#[repr(C)]
pub struct RLockObj {
    head: ObjHeader,
    lock: RawLock,
    /// Owner's ident (0 = none) and recursion count: only changed by the owner, under
    /// the GIL.
    owner: Cell<u64>,
    count: Cell<u64>,
}

fn rlock(o: &Obj) -> PyResult<&RLockObj> {
    if o.isinstance(rlock_type()) {
        return Ok(unsafe { o.payload::<RLockObj>() });
    }
    Err(type_error(format!("descriptor requires a '_thread.RLock' object but received '{}'", o.type_name())))
}

fn rlock_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let r = RLockObj { head: header(), lock: RawLock::new(), owner: Cell::new(0), count: Cell::new(0) };
    Ok(alloc(as_type(cls), r))
}

fn rlock_take(r: &RLockObj, deadline: Option<Option<Instant>>) -> PyResult<bool> {
    let me = gil::ident();
    if r.count.get() > 0 && r.owner.get() == me {
        r.count.set(r.count.get() + 1);
        return Ok(true);
    }
    if !r.lock.acquire(deadline)? {
        return Ok(false);
    }
    r.owner.set(me);
    r.count.set(1);
    Ok(true)
}

fn rlock_acquire(s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let deadline = acquire_args(a, kw)?;
    Ok(pybool::from_bool(rlock_take(rlock(s)?, deadline)?))
}

fn rlock_enter(s: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(pybool::from_bool(rlock_take(rlock(s)?, Some(None))?))
}

fn owned_by_me(r: &RLockObj) -> bool {
    r.count.get() > 0 && r.owner.get() == gil::ident()
}

fn rlock_release(a: &[Obj]) -> PyResult<Obj> {
    let r = rlock(&a[0])?;
    if !owned_by_me(r) {
        return Err(runtime_error("cannot release un-acquired lock"));
    }
    r.count.set(r.count.get() - 1);
    if r.count.get() == 0 {
        r.owner.set(0);
        r.lock.release();
    }
    Ok(none::none())
}

fn rlock_is_owned(a: &[Obj]) -> PyResult<Obj> {
    Ok(pybool::from_bool(owned_by_me(rlock(&a[0])?)))
}

fn rlock_recursion_count(a: &[Obj]) -> PyResult<Obj> {
    let r = rlock(&a[0])?;
    Ok(int::from_i64(if owned_by_me(r) { r.count.get() as i64 } else { 0 }))
}

/// `_release_save()`: fully releases the lock, returning `(count, owner)`.
fn rlock_release_save(a: &[Obj]) -> PyResult<Obj> {
    let r = rlock(&a[0])?;
    if r.count.get() == 0 {
        return Err(runtime_error("cannot release un-acquired lock"));
    }
    let state = tuple::new(vec![int::from_i64(r.count.get() as i64), int::from_u64(r.owner.get())]);
    r.count.set(0);
    r.owner.set(0);
    r.lock.release();
    Ok(state)
}

/// `_acquire_restore((count, owner))`.
fn rlock_acquire_restore(a: &[Obj]) -> PyResult<Obj> {
    let r = rlock(&a[0])?;
    let items = tuple::as_slice(&a[1]).filter(|t| t.len() == 2).ok_or_else(|| type_error("_acquire_restore() argument 1 must be a 2-tuple"))?;
    let count = protocol::index_i64(&items[0])? as u64;
    let owner = int::to_bigint(&items[1]).and_then(|b| u64::try_from(b).ok()).unwrap_or(0);
    r.lock.acquire(Some(None))?;
    r.owner.set(owner);
    r.count.set(count);
    Ok(none::none())
}

fn rlock_repr(o: &Obj) -> PyResult<Obj> {
    let r = rlock(o)?;
    let state = if r.count.get() > 0 { "locked" } else { "unlocked" };
    Ok(pystr::from_string(format!(
        "<{} {} object owner={} count={} at {:#x}>",
        state,
        o.ty().full_name(),
        r.owner.get(),
        r.count.get(),
        o.raw()
    )))
}

fn rlock_spec() -> TypeSpec {
    let mut s = TypeSpec::new("RLock", std::mem::size_of::<RLockObj>(), drop_as::<RLockObj>);
    s.slots.new = Some(rlock_new);
    s.slots.repr = Some(rlock_repr);
    s.methods = lock_methods(rlock_acquire, rlock_release, rlock_enter);
    s.methods.extend([
        MethodDef::Method { name: "_is_owned", func: rlock_is_owned, min: 1, max: 1 },
        MethodDef::Method { name: "_recursion_count", func: rlock_recursion_count, min: 1, max: 1 },
        MethodDef::Method { name: "_release_save", func: rlock_release_save, min: 1, max: 1 },
        MethodDef::Method { name: "_acquire_restore", func: rlock_acquire_restore, min: 2, max: 2 },
        MethodDef::Method { name: "_at_fork_reinit", func: rlock_at_fork_reinit, min: 1, max: 1 },
    ]);
    s
}

fn rlock_at_fork_reinit(a: &[Obj]) -> PyResult<Obj> {
    let r = rlock(&a[0])?;
    r.lock.release();
    r.owner.set(0);
    r.count.set(0);
    Ok(none::none())
}

// ===================== threads =====================

/// What a new thread needs; moved to the OS thread and only used once it holds the GIL.
struct Start {
    func: Obj,
    args: Obj,
    kwargs: Option<Obj>,
}

// SAFETY: the objects are only touched by the new thread after it took the GIL (and
// dropped before it releases it for the last time).
unsafe impl Send for Start {}

thread_local! {
    /// `_set_sentinel()` locks of this thread, released when it finishes.
    static SENTINELS: RefCell<Vec<Obj>> = const { RefCell::new(Vec::new()) };
}

fn start_new_thread(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("start_new_thread() takes no keyword arguments"));
    }
    if a.len() < 2 || a.len() > 3 {
        return Err(type_error(format!("start_new_thread expected at least 2 arguments, got {}", a.len())));
    }
    if a[0].ty().slots().call.is_none() {
        return Err(type_error("first arg must be callable"));
    }
    if !a[1].isinstance(types().tuple) {
        return Err(type_error("2nd arg must be a tuple"));
    }
    let kwargs = match a.get(2) {
        Some(k) if !k.isinstance(types().dict) => return Err(type_error("optional 3rd arg must be a dictionary")),
        k => k.cloned(),
    };
    let start = Start { func: a[0].clone(), args: a[1].clone(), kwargs };
    let size = match STACK_SIZE.load(Ordering::Relaxed) {
        0 => THREAD_STACK_BYTES,
        n => n,
    };
    gil::note_thread_started();
    RUNNING.fetch_add(1, Ordering::SeqCst);
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = crate::modules::signal::spawn_blocked(|| {
        std::thread::Builder::new().stack_size(size).spawn(move || {
            let _ = tx.send(gil::ident());
            thread_main(start)
        })
    });
    match spawned {
        Ok(_) => {
            let ident = gil::allow_threads(|| rx.recv().unwrap_or(0));
            Ok(int::from_u64(ident))
        }
        Err(_) => {
            RUNNING.fetch_sub(1, Ordering::SeqCst);
            Err(runtime_error("can't start new thread"))
        }
    }
}

/// Body of every thread `start_new_thread` creates.
fn thread_main(start: Start) {
    gil::acquire();
    let r = match crate::recursion::enter() {
        Ok(()) => {
            let r = call_with(&start);
            crate::recursion::leave();
            r
        }
        Err(e) => Err(e),
    };
    if let Err(e) = r {
        if !e.matches(exc().system_exit) {
            let what = protocol::repr_string(&start.func).unwrap_or_default();
            crate::types::traceback::print_unraisable(&format!("Exception ignored in thread started by: {}", what), &e.0);
        }
    }
    drop(start);
    finish_thread();
}

fn call_with(s: &Start) -> PyResult<Obj> {
    let args = tuple::as_slice(&s.args).unwrap_or(&[]);
    match &s.kwargs {
        Some(k) if dict::len(k) > 0 => {
            let (names, values): (Vec<Obj>, Vec<Obj>) = dict::items(k).into_iter().unzip();
            protocol::call_kw(&s.func, args, &KwArgs { names: &names, values: &values })
        }
        _ => protocol::call(&s.func, args),
    }
}

/// Tears down the calling thread's Python state (GIL held), then releases the GIL for good.
fn finish_thread() {
    let me = gil::ident();
    drop_local_dicts(me);
    crate::modules::contextvars::clear_thread();
    release_sentinels();
    gil::clear_thread_state();
    RUNNING.fetch_sub(1, Ordering::SeqCst);
    gil::release(false);
}

/// Releases and drops this thread's `_set_sentinel()` locks: when it finishes, and for
/// the main thread at exit in leak-check mode (threading's `_MainThread` holds one).
pub fn release_sentinels() {
    for l in SENTINELS.with(|s| std::mem::take(&mut *s.borrow_mut())) {
        if let Ok(r) = raw_lock(&l) {
            r.release();
        }
    }
}

fn t_set_sentinel(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    no_args("_set_sentinel", a)?;
    let l = new_lock();
    SENTINELS.with(|s| s.borrow_mut().push(l.clone()));
    Ok(l)
}

fn no_args(name: &str, a: &[Obj]) -> PyResult<()> {
    if !a.is_empty() {
        return Err(type_error(format!("{name}() takes no arguments ({} given)", a.len())));
    }
    Ok(())
}

fn t_get_ident(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    no_args("get_ident", a)?;
    Ok(int::from_u64(gil::ident()))
}

fn t_get_native_id(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    no_args("get_native_id", a)?;
    Ok(int::from_u64(gil::native_id()))
}

fn t_count(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    no_args("_count", a)?;
    Ok(int::from_i64(RUNNING.load(Ordering::SeqCst) as i64))
}

fn t_allocate_lock(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    no_args("allocate_lock", a)?;
    Ok(new_lock())
}

fn t_exit(_s: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Err(crate::object::PyErr(crate::types::exceptions::new_exception(exc().system_exit, vec![])))
}

fn t_stack_size(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    if a.len() > 1 {
        return Err(type_error(format!("stack_size expected at most 1 argument, got {}", a.len())));
    }
    let old = STACK_SIZE.load(Ordering::Relaxed);
    if let Some(n) = a.first() {
        let n = protocol::index_i64(n)?;
        if n < 0 {
            return Err(value_error("size must be 0 or a positive value"));
        }
        if n != 0 && n < 32768 {
            return Err(value_error(format!("size not valid: {} bytes", n)));
        }
        STACK_SIZE.store(n.max(0) as usize, Ordering::Relaxed);
    }
    Ok(int::from_i64(old as i64))
}

fn t_interrupt_main(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let sig = match a.first().or_else(|| kw.get("signum")) {
        Some(s) => protocol::index_i64(s)?,
        None => libc::SIGINT as i64,
    };
    crate::modules::signal::trip(sig)?;
    Ok(none::none())
}

// ===================== excepthook =====================

const HOOK_FIELDS: &[&str] = &["exc_type", "exc_value", "exc_traceback", "thread"];

/// `_ExceptHookArgs(seq)`: a struct sequence of the four fields.
fn t_excepthook_args(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let items = match a.first() {
        Some(seq) => protocol::collect(seq)?,
        None => return Err(type_error("_ExceptHookArgs() missing required argument 'sequence' (pos 1)")),
    };
    if items.len() != HOOK_FIELDS.len() {
        return Err(type_error(format!("_thread._ExceptHookArgs() takes a 4-sequence ({}-sequence given)", items.len())));
    }
    Ok(crate::modules::sys::struct_seq("_thread._ExceptHookArgs", HOOK_FIELDS, items))
}

/// `_excepthook(args)`: "Exception in thread NAME:" and the traceback on stderr
/// (SystemExit is silent).
fn t_excepthook(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let Some(args) = a.first() else { return Err(type_error("excepthook() missing required argument 'args'")) };
    let field = |n: &str| protocol::getattr(args, &pystr::intern(n));
    let (exc_type, value, thread) = (field("exc_type")?, field("exc_value")?, field("thread")?);
    if exc_type.is(&exc().system_exit.as_obj()) {
        return Ok(none::none());
    }
    let name = if none::is_none(&thread) {
        gil::ident().to_string()
    } else {
        protocol::str_string(&protocol::getattr(&thread, &pystr::intern("name"))?)?
    };
    crate::modules::sys::flush_stdout();
    if none::is_none(&value) {
        crate::modules::sys::write_stderr(&format!("Exception in thread {}:\n{}\n", name, protocol::str_string(&exc_type)?));
    } else {
        crate::types::traceback::print_unraisable(&format!("Exception in thread {}:", name), &value);
    }
    Ok(none::none())
}

// ===================== _local =====================

#[repr(C)]
pub struct LocalObj {
    head: ObjHeader,
    /// Each thread's attribute dict, by thread ident.
    dicts: RefCell<HashMap<u64, Obj>>,
    /// Constructor arguments, replayed to `__init__` in each new thread.
    args: Obj,
    kwargs: Option<Obj>,
}

/// Addresses of the live `_local` objects (a finishing thread drops its dicts).
static LOCALS: GilCell<RefCell<Vec<u64>>> = GilCell::new(RefCell::new(Vec::new()));

fn local(o: &Obj) -> &LocalObj {
    unsafe { o.payload::<LocalObj>() }
}

fn local_new(cls: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let ty = as_type(cls);
    if (!a.is_empty() || !kw.is_empty()) && ty.lookup_str("__init__").map_or(true, |i| i.is(&types().object.lookup_str("__init__").unwrap_or_else(none::none))) {
        return Err(type_error("Initialization arguments are not supported"));
    }
    let kwargs = if kw.is_empty() {
        None
    } else {
        let d = dict::new();
        for (k, v) in kw.iter() {
            dict::set_item(&d, k.clone(), v.clone())?;
        }
        Some(d)
    };
    let o = alloc(ty, LocalObj { head: header(), dicts: RefCell::new(HashMap::new()), args: tuple::from_slice(a), kwargs });
    local(&o).dicts.borrow_mut().insert(gil::ident(), dict::new());
    install_dict(&o, gil::ident());
    LOCALS.with(|l| l.borrow_mut().push(o.raw()));
    Ok(o)
}

/// Makes the calling thread's dict the object's `__dict__`, creating it (and running
/// `__init__` with the original arguments) on the thread's first access.
fn enter_local(o: &Obj) -> PyResult<()> {
    let me = gil::ident();
    let fresh = !local(o).dicts.borrow().contains_key(&me);
    if fresh {
        local(o).dicts.borrow_mut().insert(me, dict::new());
    }
    install_dict(o, me);
    if fresh && !std::ptr::eq(o.ty(), local_type()) {
        let l = local(o);
        let names_values: Vec<(Obj, Obj)> = l.kwargs.as_ref().map(dict::items).unwrap_or_default();
        let (names, values): (Vec<Obj>, Vec<Obj>) = names_values.into_iter().unzip();
        let mut args = vec![o.clone()];
        args.extend(tuple::as_slice(&l.args).unwrap_or(&[]).iter().cloned());
        let init = protocol::getattr(&o.ty().as_obj(), &pystr::intern("__init__"))?;
        protocol::call_kw(&init, &args, &KwArgs { names: &names, values: &values })?;
    }
    Ok(())
}

fn install_dict(o: &Obj, me: u64) {
    let d = local(o).dicts.borrow().get(&me).cloned();
    if let Some(slot) = crate::object::dict_slot(o) {
        *slot = d;
    }
}

fn local_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    enter_local(o)?;
    if let Some(v) = crate::types::object::generic_getattr_opt(o, name)? {
        return Ok(v);
    }
    // CPython names the exact type by its full name, '_thread._local'.
    let ty = if std::ptr::eq(o.ty(), local_type()) { "_thread._local" } else { o.type_name() };
    let msg = format!("'{}' object has no attribute '{}'", ty, pystr::as_str(name).unwrap_or("?"));
    Err(crate::errors::attribute_error_with(msg, name, o))
}

fn local_setattro(o: &Obj, name: &Obj, v: Option<&Obj>) -> PyResult<()> {
    if pystr::as_str(name) == Some("__dict__") {
        return Err(new_error(exc().attribute_error, format!("'{}' object attribute '__dict__' is read-only", o.type_name())));
    }
    enter_local(o)?;
    crate::types::object::generic_setattr(o, name, v)
}

fn local_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let l = local(o);
    for d in l.dicts.borrow().values() {
        visit(d);
    }
    visit(&l.args);
    if let Some(k) = &l.kwargs {
        visit(k);
    }
}

fn local_clear(o: &Obj) {
    let dicts = std::mem::take(&mut *local(o).dicts.borrow_mut());
    if let Some(slot) = crate::object::dict_slot(o) {
        slot.take();
    }
    drop(dicts);
}

unsafe fn local_drop(h: *mut ObjHeader) {
    let addr = h as u64;
    LOCALS.with(|l| l.borrow_mut().retain(|a| *a != addr));
    drop_as::<LocalObj>(h);
}

/// A finishing thread drops its dict from every `_local`.
fn drop_local_dicts(me: u64) {
    let addrs = LOCALS.with(|l| l.borrow().clone());
    for a in addrs {
        // SAFETY: addresses in LOCALS are live `_local` objects (removed on dealloc).
        let o = unsafe { Obj::borrow_raw(&a) }.clone();
        let d = local(&o).dicts.borrow_mut().remove(&me);
        drop(d);
    }
}

fn local_spec() -> TypeSpec {
    let mut s = TypeSpec::new("_local", std::mem::size_of::<LocalObj>(), local_drop);
    s.has_dict = true;
    s.slots.new = Some(local_new);
    s.slots.getattro = Some(local_getattro);
    s.slots.setattro = Some(local_setattro);
    s.slots.traverse = Some(local_traverse);
    s.slots.clear = Some(local_clear);
    s
}

// ===================== the module =====================

/// Creates the `_thread` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_thread");
    let d = module::dict(&m);
    let fns: &[(&'static str, CallFn)] = &[
        ("start_new_thread", start_new_thread), ("start_new", start_new_thread),
        ("allocate_lock", t_allocate_lock), ("allocate", t_allocate_lock),
        ("get_ident", t_get_ident), ("get_native_id", t_get_native_id), ("_count", t_count),
        ("_set_sentinel", t_set_sentinel), ("stack_size", t_stack_size), ("interrupt_main", t_interrupt_main),
        ("exit", t_exit), ("exit_thread", t_exit), ("_excepthook", t_excepthook), ("_ExceptHookArgs", t_excepthook_args),
    ];
    for (name, f) in fns {
        dict::set_item_str(&d, name, new_builtin_in("_thread", name, *f));
    }
    dict::set_item_str(&d, "LockType", lock_type().as_obj());
    dict::set_item_str(&d, "RLock", rlock_type().as_obj());
    dict::set_item_str(&d, "_local", local_type().as_obj());
    dict::set_item_str(&d, "error", exc().runtime_error.as_obj());
    dict::set_item_str(&d, "TIMEOUT_MAX", float::new(TIMEOUT_MAX));
    Ok(m)
}
