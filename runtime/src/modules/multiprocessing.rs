//! The native `_multiprocessing` module that CPython's `multiprocessing.synchronize`
//! builds on: `SemLock` (a lock, recursive lock or counting semaphore shared between
//! processes, over a POSIX named semaphore: `sem_open`, unlinked at once for the fork
//! start method, re-opened by name in spawned children), `sem_unlink` and `flags`.
//! Blocking waits release the GIL; in the main thread they wake up periodically so
//! signal handlers run (a handler that raises ends the wait, as in CPython).

use std::cell::Cell;
use std::ffi::CString;
use std::time::{Duration, Instant};

use crate::errors::{new_error, type_error, value_error};
use crate::gil::{self, GilCell};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::types::exceptions::exc;
use crate::types::function::new_builtin_in;
use crate::types::int::bind_args;
use crate::types::typeobj::{downcast_type, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, dict, float, int, module, none, str as pystr, TypeSpec};

const RECURSIVE_MUTEX: i64 = 0;
const SEMAPHORE: i64 = 1;
/// `SemLock.SEM_VALUE_MAX` (Linux: INT_MAX).
const SEM_VALUE_MAX: i64 = i32::MAX as i64;
/// How long a main-thread wait blocks before it looks for signals.
const SIGNAL_POLL: Duration = Duration::from_millis(20);

#[repr(C)]
struct SemLockObj {
    head: ObjHeader,
    /// The `sem_t *` from `sem_open` (valid in a forked child: the mapping is inherited).
    handle: usize,
    kind: i64,
    maxvalue: i64,
    /// None once unlinked (fork start method).
    name: Option<String>,
    /// Acquisitions by `last_tid` not yet released (recursion depth for RLock).
    count: Cell<i64>,
    last_tid: Cell<u64>,
}

unsafe fn drop_semlock(h: *mut ObjHeader) {
    let s = &mut *(h as *mut SemLockObj);
    if s.handle != 0 {
        // SAFETY: the handle came from sem_open and is closed once, here.
        libc::sem_close(s.handle as *mut libc::sem_t);
    }
    std::ptr::drop_in_place(s as *mut SemLockObj);
}

static SEMLOCK_TYPE: GilCell<Cell<Option<&'static TypeObject>>> = GilCell::new(Cell::new(None));

fn semlock_type() -> &'static TypeObject {
    SEMLOCK_TYPE.with(|c| {
        c.get().unwrap_or_else(|| {
            let t = super::make_type(semlock_spec());
            *t.module.borrow_mut() = "_multiprocessing".to_string();
            c.set(Some(t));
            t
        })
    })
}

fn sem(o: &Obj) -> PyResult<&SemLockObj> {
    o.downcast::<SemLockObj>(semlock_type())
        .ok_or_else(|| type_error(format!("descriptor requires a '_multiprocessing.SemLock' object but received a '{}'", o.type_name())))
}

fn handle(s: &SemLockObj) -> *mut libc::sem_t {
    s.handle as *mut libc::sem_t
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn is_mine(s: &SemLockObj) -> bool {
    s.count.get() > 0 && s.last_tid.get() == gil::ident()
}

fn c_name(name: &str) -> PyResult<CString> {
    CString::new(name).map_err(|_| value_error("embedded null character"))
}

fn new_obj(cls: &'static TypeObject, handle: usize, kind: i64, maxvalue: i64, name: Option<String>) -> Obj {
    alloc(cls, SemLockObj { head: header(), handle, kind, maxvalue, name, count: Cell::new(0), last_tid: Cell::new(0) })
}

fn int_of(o: &Option<Obj>) -> PyResult<i64> {
    let v = o.as_ref().ok_or_else(|| type_error("an integer is required"))?;
    if float::is_float(v) {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    crate::protocol::index_i64(v)
}

fn str_of(o: &Option<Obj>, what: &str) -> PyResult<Option<String>> {
    match o {
        Some(v) if none::is_none(v) => Ok(None),
        Some(v) => pystr::as_str(v)
            .map(|s| Some(s.to_string()))
            .ok_or_else(|| type_error(format!("{what}() argument 'name' must be str, not {}", v.type_name()))),
        None => Ok(None),
    }
}

/// `SemLock(kind, value, maxvalue, name, unlink)`.
fn semlock_new(cls: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("SemLock", a, kw, &["kind", "value", "maxvalue", "name", "unlink"], 0, 5, 5)?;
    let kind = int_of(&b[0])?;
    let value = int_of(&b[1])?;
    let maxvalue = int_of(&b[2])?;
    let name = str_of(&b[3], "SemLock")?.ok_or_else(|| type_error("SemLock() argument 'name' must be str, not None"))?;
    let unlink = crate::protocol::is_true(b[4].as_ref().unwrap())?;
    if kind != RECURSIVE_MUTEX && kind != SEMAPHORE {
        return Err(value_error("unrecognized kind"));
    }
    let cname = c_name(&name)?;
    // SAFETY: sem_open with a valid C string; SEM_FAILED is checked.
    let h = unsafe { libc::sem_open(cname.as_ptr(), libc::O_CREAT | libc::O_EXCL, 0o600 as libc::c_uint, value as libc::c_uint) };
    if h == libc::SEM_FAILED {
        return Err(super::posix::last_error(None));
    }
    if unlink {
        // SAFETY: as above.
        if unsafe { libc::sem_unlink(cname.as_ptr()) } < 0 {
            let e = super::posix::last_error(None);
            unsafe { libc::sem_close(h) };
            return Err(e);
        }
    }
    let cls = downcast_type(cls).ok_or_else(|| type_error("expected a type"))?;
    Ok(new_obj(cls, h as usize, kind, maxvalue, if unlink { None } else { Some(name) }))
}

/// `SemLock._rebuild(handle, kind, maxvalue, name)`: the object a child unpickles. A
/// named semaphore is re-opened by name; otherwise the inherited handle is used.
fn semlock_rebuild(cls: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("_rebuild", a, kw, &["handle", "kind", "maxvalue", "name"], 4, 4, 4)?;
    let mut h = int_of(&b[0])? as usize;
    let kind = int_of(&b[1])?;
    let maxvalue = int_of(&b[2])?;
    let name = str_of(&b[3], "_rebuild")?;
    if let Some(n) = &name {
        let cname = c_name(n)?;
        // SAFETY: sem_open of an existing semaphore; SEM_FAILED is checked.
        let p = unsafe { libc::sem_open(cname.as_ptr(), 0) };
        if p == libc::SEM_FAILED {
            return Err(super::posix::last_error(None));
        }
        h = p as usize;
    }
    let cls = downcast_type(cls).ok_or_else(|| type_error("expected a type"))?;
    Ok(new_obj(cls, h, kind, maxvalue, name))
}

/// A timeout in seconds (int or float); negative means zero, as in CPython.
fn timeout_secs(o: &Obj) -> PyResult<f64> {
    let t = match float::as_f64(o) {
        Some(f) => f,
        None if int::is_int(o) => int::int_to_f64(o)?,
        None => return Err(type_error(format!("must be real number, not {}", o.type_name()))),
    };
    Ok(if t.is_nan() || t < 0.0 { 0.0 } else { t })
}

enum Waited {
    Acquired,
    TimedOut,
    /// A signal arrived (EINTR, or the main thread's poll slice ended).
    Interrupted,
}

/// One blocking wait without the GIL, until `until` (None: forever).
fn wait_once(h: usize, until: Option<Instant>) -> Waited {
    let p = h as *mut libc::sem_t;
    let r = match until {
        None => unsafe { libc::sem_wait(p) },
        Some(t) => {
            let left = t.saturating_duration_since(Instant::now());
            let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
            // SAFETY: clock_gettime writes into our timespec; sem_timedwait reads it.
            unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut ts) };
            let ns = ts.tv_nsec as u128 + left.as_nanos();
            ts.tv_sec += (ns / 1_000_000_000) as libc::time_t;
            ts.tv_nsec = (ns % 1_000_000_000) as libc::c_long;
            unsafe { libc::sem_timedwait(p, &ts) }
        }
    };
    if r == 0 {
        return Waited::Acquired;
    }
    match errno() {
        libc::ETIMEDOUT => Waited::TimedOut,
        _ => Waited::Interrupted,
    }
}

/// Blocks until the semaphore is taken or `deadline` passes, running signal handlers
/// between waits in the main thread.
fn blocking_acquire(s: &SemLockObj, deadline: Option<Instant>) -> PyResult<bool> {
    let main = gil::is_main_thread();
    let h = s.handle;
    loop {
        let slice = if main { Some(Instant::now() + SIGNAL_POLL) } else { None };
        let until = match (deadline, slice) {
            (Some(d), Some(sl)) => Some(d.min(sl)),
            (d, sl) => d.or(sl),
        };
        match gil::allow_threads(|| wait_once(h, until)) {
            Waited::Acquired => return Ok(true),
            Waited::TimedOut if deadline.map_or(false, |d| Instant::now() >= d) => return Ok(false),
            Waited::TimedOut | Waited::Interrupted => crate::modules::signal::check_signals()?,
        }
    }
}

/// `acquire(block=True, timeout=None)`.
fn semlock_acquire(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("acquire", a, kw, &["block", "timeout"], 0, 2, 0)?;
    let s = sem(o)?;
    let block = match &b[0] {
        Some(v) => crate::protocol::is_true(v)?,
        None => true,
    };
    if s.kind == RECURSIVE_MUTEX && is_mine(s) {
        s.count.set(s.count.get() + 1);
        return Ok(pybool::from_bool(true));
    }
    let deadline = match &b[1] {
        Some(t) if block && !none::is_none(t) => Some(Instant::now() + Duration::from_secs_f64(timeout_secs(t)?.min(1e9))),
        _ => None,
    };
    let got = loop {
        // SAFETY: the handle is a live semaphore.
        if unsafe { libc::sem_trywait(handle(s)) } == 0 {
            break true;
        }
        match errno() {
            libc::EINTR => crate::modules::signal::check_signals()?,
            libc::EAGAIN if !block => break false,
            libc::EAGAIN => break blocking_acquire(s, deadline)?,
            _ => return Err(super::posix::last_error(None)),
        }
    };
    if got {
        s.count.set(s.count.get() + 1);
        s.last_tid.set(gil::ident());
    }
    Ok(pybool::from_bool(got))
}

fn get_value(s: &SemLockObj) -> PyResult<i64> {
    let mut v: libc::c_int = 0;
    // SAFETY: the handle is a live semaphore; v is ours.
    if unsafe { libc::sem_getvalue(handle(s), &mut v) } < 0 {
        return Err(super::posix::last_error(None));
    }
    // Some systems report minus the number of waiters; CPython clamps to 0.
    Ok(v.max(0) as i64)
}

/// `release()`.
fn semlock_release(a: &[Obj]) -> PyResult<Obj> {
    let s = sem(&a[0])?;
    if s.kind == RECURSIVE_MUTEX {
        if !is_mine(s) {
            return Err(new_error(exc().assertion_error, "attempt to release recursive lock not owned by thread"));
        }
        if s.count.get() > 1 {
            s.count.set(s.count.get() - 1);
            return Ok(none::none());
        }
    } else if get_value(s)? >= s.maxvalue {
        return Err(value_error("semaphore or lock released too many times"));
    }
    // SAFETY: the handle is a live semaphore.
    if unsafe { libc::sem_post(handle(s)) } < 0 {
        return Err(super::posix::last_error(None));
    }
    s.count.set(s.count.get() - 1);
    Ok(none::none())
}

fn semlock_enter(o: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    semlock_acquire(o, &[], &KwArgs::EMPTY)
}

fn semlock_exit(a: &[Obj]) -> PyResult<Obj> {
    semlock_release(&a[..1])
}

fn semlock_count(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_i64(sem(&a[0])?.count.get()))
}

fn semlock_is_mine(a: &[Obj]) -> PyResult<Obj> {
    Ok(pybool::from_bool(is_mine(sem(&a[0])?)))
}

fn semlock_get_value(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_i64(get_value(sem(&a[0])?)?))
}

fn semlock_is_zero(a: &[Obj]) -> PyResult<Obj> {
    Ok(pybool::from_bool(get_value(sem(&a[0])?)? == 0))
}

/// `_after_fork()`: the child owns none of the parent's acquisitions.
fn semlock_after_fork(a: &[Obj]) -> PyResult<Obj> {
    sem(&a[0])?.count.set(0);
    Ok(none::none())
}

fn get_handle(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(sem(o)?.handle as i64))
}
fn get_kind(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(sem(o)?.kind))
}
fn get_maxvalue(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(sem(o)?.maxvalue))
}
fn get_name(o: &Obj) -> PyResult<Obj> {
    Ok(sem(o)?.name.as_deref().map(pystr::new).unwrap_or_else(none::none))
}

fn semlock_spec() -> TypeSpec {
    let mut s = TypeSpec::new("SemLock", std::mem::size_of::<SemLockObj>(), drop_semlock);
    s.slots.new = Some(semlock_new);
    s.methods = vec![
        MethodDef::MethodKw { name: "acquire", func: semlock_acquire },
        MethodDef::Method { name: "release", func: semlock_release, min: 1, max: 1 },
        MethodDef::MethodKw { name: "__enter__", func: semlock_enter },
        MethodDef::Method { name: "__exit__", func: semlock_exit, min: 1, max: 4 },
        MethodDef::Method { name: "_count", func: semlock_count, min: 1, max: 1 },
        MethodDef::Method { name: "_is_mine", func: semlock_is_mine, min: 1, max: 1 },
        MethodDef::Method { name: "_get_value", func: semlock_get_value, min: 1, max: 1 },
        MethodDef::Method { name: "_is_zero", func: semlock_is_zero, min: 1, max: 1 },
        MethodDef::Method { name: "_after_fork", func: semlock_after_fork, min: 1, max: 1 },
        MethodDef::ClassMethod { name: "_rebuild", func: semlock_rebuild },
        MethodDef::Getter { name: "handle", get: get_handle },
        MethodDef::Getter { name: "kind", get: get_kind },
        MethodDef::Getter { name: "maxvalue", get: get_maxvalue },
        MethodDef::Getter { name: "name", get: get_name },
        MethodDef::Attr { name: "SEM_VALUE_MAX", value: || int::from_i64(SEM_VALUE_MAX) },
    ];
    s
}

/// `sem_unlink(name)`.
fn m_sem_unlink(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("sem_unlink", a, kw, &["name"], 1, 1, 1)?;
    let name = str_of(&b[0], "sem_unlink")?.ok_or_else(|| type_error("sem_unlink() argument must be str, not None"))?;
    let cname = c_name(&name)?;
    // SAFETY: sem_unlink with a valid C string.
    if unsafe { libc::sem_unlink(cname.as_ptr()) } < 0 {
        return Err(super::posix::last_error(None));
    }
    Ok(none::none())
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_multiprocessing");
    let d = module::dict(&m);
    dict::set_item_str(&d, "SemLock", semlock_type().as_obj());
    dict::set_item_str(&d, "sem_unlink", new_builtin_in("_multiprocessing", "sem_unlink", m_sem_unlink));
    let flags = dict::new();
    dict::set_item_str(&flags, "HAVE_SEM_OPEN", int::from_i64(1));
    dict::set_item_str(&flags, "HAVE_SEM_TIMEDWAIT", int::from_i64(1));
    dict::set_item_str(&d, "flags", flags);
    Ok(m)
}
