//! Signals: the native `_signal` module (signal, getsignal, default_int_handler, alarm,
//! raise_signal, pthread_kill, strsignal, valid_signals, set_wakeup_fd, the SIG*
//! constants) and the machinery behind it: the C-level handler that only records a
//! signal, the wake-up pipe that interrupts the main thread's sleeps, running Python
//! handlers in the main thread at check points, the start-up dispositions (SIGINT →
//! KeyboardInterrupt, SIGPIPE ignored) and the exit by SIGINT after an uncaught
//! KeyboardInterrupt (docs/architecture.md, "Threads and the GIL").

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use crate::errors::{type_error, value_error};
use crate::gil::{self, GilCell};
use crate::object::{Obj, PyResult};
use crate::protocol;
use crate::types::exceptions::exc;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{CallFn, KwArgs};
use crate::types::{dict, float, int, module, none, set, str as pystr, tuple};

/// Signal numbers are 1..NSIG.
const NSIG: usize = 65;

/// Signals received and not yet handled (set by the C handler).
static TRIPPED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
/// The internal wake-up pipe (read end, write end); -1 before start-up.
static WAKEUP: [AtomicI32; 2] = [AtomicI32::new(-1), AtomicI32::new(-1)];
/// `signal.set_wakeup_fd()`'s descriptor (-1 = none).
static USER_WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);
/// Set when `__main__` ended with an uncaught KeyboardInterrupt.
static EXIT_BY_SIGINT: AtomicBool = AtomicBool::new(false);

/// Python-level handler per signal: an int (SIG_DFL 0 / SIG_IGN 1), a callable, or
/// `None` (installed outside Python).
static HANDLERS: GilCell<RefCell<Vec<Option<Obj>>>> = GilCell::new(RefCell::new(Vec::new()));
static DEFAULT_INT_HANDLER: GilCell<RefCell<Option<Obj>>> = GilCell::new(RefCell::new(None));

/// The C handler: async-signal-safe (atomics and `write` only).
extern "C" fn on_signal(sig: libc::c_int) {
    // SAFETY: errno is thread-local; we restore it so the interrupted code sees its own.
    let saved = unsafe { *libc::__errno_location() };
    if let Some(t) = TRIPPED.get(sig as usize) {
        t.store(true, Ordering::SeqCst);
    }
    gil::request(gil::SIGNALS);
    let byte = sig as u8;
    for fd in [WAKEUP[1].load(Ordering::Relaxed), USER_WAKEUP_FD.load(Ordering::Relaxed)] {
        if fd >= 0 {
            // SAFETY: write(2) is async-signal-safe; a full pipe just drops the byte.
            unsafe { libc::write(fd, &byte as *const u8 as *const libc::c_void, 1) };
        }
    }
    unsafe { *libc::__errno_location() = saved };
}

/// Installs `action` (SIG_DFL, SIG_IGN or our C handler) for `sig`; false on error.
fn set_os_action(sig: usize, action: libc::sighandler_t) -> bool {
    // SAFETY: sigaction with a zeroed, then filled struct; the handler is async-signal-safe.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = action;
        sa.sa_flags = libc::SA_ONSTACK;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(sig as libc::c_int, &sa, std::ptr::null_mut()) == 0
    }
}

/// The disposition the process inherited for `sig`.
fn os_action(sig: usize) -> libc::sighandler_t {
    // SAFETY: sigaction with a null new action only reads the current one.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig as libc::c_int, std::ptr::null(), &mut old) != 0 {
            return libc::SIG_DFL;
        }
        old.sa_sigaction
    }
}

fn c_handler() -> libc::sighandler_t {
    on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t
}

/// Start-up (main thread, GIL held): the wake-up pipe, the handler table from the
/// inherited dispositions, SIGINT → default_int_handler, SIGPIPE/SIGXFSZ ignored.
pub fn init() {
    let mut fds = [-1; 2];
    // SAFETY: pipe2 fills two descriptors we own for the life of the process.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) } == 0 {
        WAKEUP[0].store(fds[0], Ordering::Relaxed);
        WAKEUP[1].store(fds[1], Ordering::Relaxed);
    }
    let dih = new_builtin_in("_signal", "default_int_handler", default_int_handler);
    DEFAULT_INT_HANDLER.with(|d| *d.borrow_mut() = Some(dih.clone()));
    let table: Vec<Option<Obj>> = (0..NSIG)
        .map(|sig| match os_action(sig) {
            _ if sig == 0 => None,
            libc::SIG_DFL => Some(int::from_i64(0)),
            libc::SIG_IGN => Some(int::from_i64(1)),
            _ => None,
        })
        .collect();
    HANDLERS.with(|h| *h.borrow_mut() = table);
    if os_action(libc::SIGINT as usize) == libc::SIG_DFL && set_os_action(libc::SIGINT as usize, c_handler()) {
        set_handler(libc::SIGINT as usize, dih);
    }
    for sig in [libc::SIGPIPE, libc::SIGXFSZ] {
        if set_os_action(sig as usize, libc::SIG_IGN) {
            set_handler(sig as usize, int::from_i64(1));
        }
    }
}

/// Leak check at exit: drops the Python handlers the program installed (CPython
/// clears its handler table at finalization); a signal arriving afterwards is ignored.
pub fn clear_at_exit() {
    let dih = DEFAULT_INT_HANDLER.with(|d| d.borrow().clone());
    let installed: Vec<Obj> = HANDLERS.with(|t| {
        let mut t = t.borrow_mut();
        let user = |h: &Obj| h.ty().slots().call.is_some() && !dih.as_ref().is_some_and(|d| d.is(h));
        t.iter_mut().filter(|slot| slot.as_ref().is_some_and(user)).filter_map(Option::take).collect()
    });
    drop(installed);
}

fn handler(sig: usize) -> Option<Obj> {
    HANDLERS.with(|h| h.borrow().get(sig).cloned().flatten())
}

fn set_handler(sig: usize, h: Obj) -> Option<Obj> {
    HANDLERS.with(|t| t.borrow_mut().get_mut(sig).and_then(|slot| slot.replace(h)))
}

/// Runs the Python handlers of the signals received since the last call (main thread,
/// GIL held). A handler's exception stops the run; the rest stay pending.
pub fn run_pending_handlers() -> PyResult<()> {
    gil::clear_request(gil::SIGNALS);
    for sig in 1..NSIG {
        if !TRIPPED[sig].swap(false, Ordering::SeqCst) {
            continue;
        }
        let Some(h) = handler(sig) else { continue };
        if h.ty().slots().call.is_none() {
            continue;
        }
        if let Err(e) = protocol::call(&h, &[int::from_i64(sig as i64), none::none()]) {
            if TRIPPED.iter().any(|t| t.load(Ordering::SeqCst)) {
                gil::request(gil::SIGNALS);
            }
            return Err(e);
        }
    }
    Ok(())
}

/// Runs pending handlers now if the caller is the main thread (CPython's
/// `PyErr_CheckSignals`).
pub fn check_signals() -> PyResult<()> {
    if gil::is_main_thread() && TRIPPED.iter().any(|t| t.load(Ordering::SeqCst)) {
        return run_pending_handlers();
    }
    Ok(())
}

/// Marks `sig` as received, as if it had arrived (`_thread.interrupt_main`).
pub fn trip(sig: i64) -> PyResult<()> {
    if sig < 1 || sig >= NSIG as i64 {
        return Err(value_error("signal number out of range"));
    }
    TRIPPED[sig as usize].store(true, Ordering::SeqCst);
    gil::request(gil::SIGNALS);
    let fd = WAKEUP[1].load(Ordering::Relaxed);
    if fd >= 0 {
        // SAFETY: a one-byte write to our non-blocking pipe.
        unsafe { libc::write(fd, b"\0".as_ptr() as *const libc::c_void, 1) };
    }
    Ok(())
}

/// Has the main thread a signal to handle? (Blocking waits in the main thread poll it.)
pub fn main_thread_interrupted() -> bool {
    gil::is_main_thread() && gil::pyrt_eval_breaker.load(Ordering::Relaxed) & gil::SIGNALS != 0
}

/// `time.sleep(secs)`: releases the GIL; in the main thread a signal wakes it up, its
/// handler runs (an exception ends the sleep), then the sleep goes on for the rest.
pub fn sleep(secs: f64) -> PyResult<()> {
    let deadline = now_ns() + (secs * 1e9) as i128;
    loop {
        let left = deadline - now_ns();
        if gil::is_main_thread() {
            let fd = WAKEUP[0].load(Ordering::Relaxed);
            gil::allow_threads(|| wait_readable(fd, left.max(0)));
            drain_wakeup();
            check_signals()?;
        } else {
            gil::allow_threads(|| nanosleep(left.max(0)));
        }
        if now_ns() >= deadline {
            return Ok(());
        }
    }
}

fn now_ns() -> i128 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

fn timespec(ns: i128) -> libc::timespec {
    libc::timespec { tv_sec: (ns / 1_000_000_000) as libc::time_t, tv_nsec: (ns % 1_000_000_000) as libc::c_long }
}

/// Waits up to `ns` for `fd` to become readable (or a signal to interrupt the wait).
fn wait_readable(fd: i32, ns: i128) {
    let ts = timespec(ns);
    let mut p = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    // SAFETY: ppoll on one pollfd we own; a negative fd is ignored by the kernel.
    unsafe { libc::ppoll(&mut p, 1, &ts, std::ptr::null()) };
}

fn nanosleep(ns: i128) {
    let ts = timespec(ns);
    // SAFETY: nanosleep reads the timespec we own; EINTR just ends this slice.
    unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) };
}

fn drain_wakeup() {
    let fd = WAKEUP[0].load(Ordering::Relaxed);
    let mut buf = [0u8; 64];
    // SAFETY: non-blocking reads into a buffer we own.
    while fd >= 0 && unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) } > 0 {}
}

// ===================== which thread receives signals =====================

/// The asynchronous signals (everything but the synchronous faults) as a set.
fn async_signal_set() -> libc::sigset_t {
    // SAFETY: sigfillset/sigdelset fill a sigset we own.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for s in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL, libc::SIGTRAP, libc::SIGABRT, libc::SIGSYS] {
            libc::sigdelset(&mut set, s);
        }
        set
    }
}

/// Blocks asynchronous signals in the calling thread, for good. Every thread but the one
/// running `__main__` does this, so the kernel delivers process-directed signals to the
/// main thread (in CPython that thread is the process's first one, which the kernel
/// prefers), and its blocking waits are the ones interrupted.
pub fn block_async_signals() {
    let set = async_signal_set();
    // SAFETY: changes only the calling thread's mask.
    unsafe { libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) };
}

/// Unblocks what `block_async_signals` blocked (a forked child whose only thread may
/// have been a worker thread).
pub fn unblock_async_signals() {
    let set = async_signal_set();
    // SAFETY: changes only the calling thread's mask.
    unsafe { libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut()) };
}

/// Runs `f` (which spawns a thread) with asynchronous signals blocked, so the new thread
/// starts with them blocked; the caller's mask is restored afterwards.
pub fn spawn_blocked<R>(f: impl FnOnce() -> R) -> R {
    let set = async_signal_set();
    // SAFETY: `old` receives the caller's mask, restored below.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::pthread_sigmask(libc::SIG_BLOCK, &set, &mut old) };
    let r = f();
    unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, &old, std::ptr::null_mut()) };
    r
}

// ===================== exit by SIGINT =====================

/// `__main__` ended with an uncaught KeyboardInterrupt: the process will exit by SIGINT.
pub fn note_uncaught_keyboard_interrupt() {
    EXIT_BY_SIGINT.store(true, Ordering::Relaxed);
}

/// After everything is flushed: dies by SIGINT with the default action (as CPython
/// does, so a shell sees 130); returns `status` if the signal did not kill us.
pub fn exit_status(status: i32) -> i32 {
    if !EXIT_BY_SIGINT.load(Ordering::Relaxed) {
        return status;
    }
    set_os_action(libc::SIGINT as usize, libc::SIG_DFL);
    // SAFETY: unblock and send SIGINT to ourselves; the default action terminates.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::kill(libc::getpid(), libc::SIGINT);
    }
    130
}

// ===================== the _signal module =====================

fn default_int_handler(_s: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Err(crate::object::PyErr(crate::types::exceptions::new_exception(exc().keyboard_interrupt, vec![])))
}

fn signum_arg(o: &Obj) -> PyResult<usize> {
    let n = protocol::index_i64(o)?;
    if n < 1 || n >= NSIG as i64 {
        return Err(value_error("signal number out of range"));
    }
    Ok(n as usize)
}

fn args_n<'a>(name: &str, a: &'a [Obj], kw: &KwArgs, min: usize, max: usize) -> PyResult<&'a [Obj]> {
    if !kw.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    if a.len() < min || a.len() > max {
        let what = if min == max { format!("exactly {min}") } else if a.len() < min { format!("at least {min}") } else { format!("at most {max}") };
        let s = if (if a.len() < min { min } else { max }) == 1 { "" } else { "s" };
        return Err(type_error(format!("{name} expected {what} argument{s}, got {}", a.len())));
    }
    Ok(a)
}

fn os_error_from_errno() -> crate::object::PyErr {
    let e = std::io::Error::last_os_error();
    let code = e.raw_os_error().unwrap_or(0);
    let msg = e.to_string();
    let msg = msg.split(" (os error").next().unwrap_or("").to_string();
    match protocol::call(&exc().os_error.as_obj(), &[int::from_i64(code as i64), pystr::new(&msg)]) {
        Ok(o) => crate::object::PyErr(o),
        Err(e) => e,
    }
}

fn s_signal(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = args_n("signal", a, kw, 2, 2)?;
    let sig = signum_arg(&a[0])?;
    let h = &a[1];
    let action = match int::to_i64(h) {
        Some(0) => Some(libc::SIG_DFL),
        Some(1) => Some(libc::SIG_IGN),
        _ => None,
    };
    let action = match action {
        Some(act) => act,
        None if h.ty().slots().call.is_some() => c_handler(),
        None => return Err(type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")),
    };
    if !gil::is_main_thread() {
        return Err(value_error("signal only works in main thread of the main interpreter"));
    }
    if !set_os_action(sig, action) {
        return Err(os_error_from_errno());
    }
    Ok(set_handler(sig, h.clone()).unwrap_or_else(none::none))
}

fn s_getsignal(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = args_n("getsignal", a, kw, 1, 1)?;
    Ok(handler(signum_arg(&a[0])?).unwrap_or_else(none::none))
}

fn s_raise_signal(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = args_n("raise_signal", a, kw, 1, 1)?;
    // No range check: raise(3) itself rejects bad numbers (EINVAL), and 0 is valid.
    let sig = protocol::index_i64(&a[0])?.clamp(i32::MIN as i64, i32::MAX as i64);
    // SAFETY: raise(3) delivers the signal to the calling thread.
    if unsafe { libc::raise(sig as libc::c_int) } != 0 {
        return Err(os_error_from_errno());
    }
    check_signals()?;
    Ok(none::none())
}

fn s_alarm(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = args_n("alarm", a, kw, 1, 1)?;
    let secs = protocol::index_i64(&a[0])?;
    // SAFETY: alarm(2) has no memory effects.
    Ok(int::from_i64(unsafe { libc::alarm(secs.clamp(0, u32::MAX as i64) as libc::c_uint) } as i64))
}

fn timeval_secs(tv: libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6
}

fn secs_timeval(secs: f64) -> libc::timeval {
    let whole = secs.trunc();
    let mut usec = ((secs - whole) * 1e6).round() as i64;
    // A positive delay below one microsecond must still arm the timer.
    if whole == 0.0 && usec == 0 && secs > 0.0 {
        usec = 1;
    }
    libc::timeval { tv_sec: whole as libc::time_t, tv_usec: usec as libc::suseconds_t }
}

fn itimer_tuple(v: &libc::itimerval) -> Obj {
    tuple::new(vec![float::new(timeval_secs(v.it_value)), float::new(timeval_secs(v.it_interval))])
}

fn s_setitimer(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = args_n("setitimer", a, kw, 2, 3)?;
    let which = protocol::index_i64(&a[0])? as libc::c_int;
    let value = float::to_f64(&a[1])?;
    let interval = match a.get(2) { Some(o) => float::to_f64(o)?, None => 0.0 };
    let new = libc::itimerval { it_value: secs_timeval(value), it_interval: secs_timeval(interval) };
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are to live, properly laid out itimerval structs.
    if unsafe { libc::setitimer(which, &new, &mut old) } != 0 {
        return Err(os_error_from_errno());
    }
    Ok(itimer_tuple(&old))
}

fn s_getitimer(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = args_n("getitimer", a, kw, 1, 1)?;
    let which = protocol::index_i64(&a[0])? as libc::c_int;
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: the pointer is to a live itimerval.
    if unsafe { libc::getitimer(which, &mut cur) } != 0 {
        return Err(os_error_from_errno());
    }
    Ok(itimer_tuple(&cur))
}

fn s_pthread_kill(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = args_n("pthread_kill", a, kw, 2, 2)?;
    let tid = protocol::index_i64(&a[0])?;
    let sig = protocol::index_i64(&a[1])?;
    // SAFETY: pthread_kill with an ident from threading.get_ident(); an unknown one
    // fails with ESRCH.
    let err = unsafe { libc::pthread_kill(tid as libc::pthread_t, sig as libc::c_int) };
    if err != 0 {
        // SAFETY: setting errno for os_error_from_errno.
        unsafe { *libc::__errno_location() = err };
        return Err(os_error_from_errno());
    }
    check_signals()?;
    Ok(none::none())
}

fn s_strsignal(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = args_n("strsignal", a, kw, 1, 1)?;
    let sig = signum_arg(&a[0])?;
    // SAFETY: strsignal returns a static or thread-local string we copy at once.
    let p = unsafe { libc::strsignal(sig as libc::c_int) };
    if p.is_null() {
        return Ok(none::none());
    }
    let s = unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned();
    if s.starts_with("Unknown signal") || s.starts_with("Real-time signal") {
        return Ok(none::none());
    }
    Ok(pystr::new(&s))
}

fn s_valid_signals(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    args_n("valid_signals", a, kw, 0, 0)?;
    // glibc reserves 32 and 33 for its threads implementation.
    set::new_set((1..NSIG as i64).filter(|s| *s != 32 && *s != 33).map(int::from_i64).collect())
}

fn s_set_wakeup_fd(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if a.len() != 1 {
        return Err(type_error(format!("set_wakeup_fd() takes exactly 1 positional argument ({} given)", a.len())));
    }
    let _ = kw;
    let fd = protocol::index_i64(&a[0])?;
    if !gil::is_main_thread() {
        return Err(value_error("set_wakeup_fd only works in main thread of the main interpreter"));
    }
    Ok(int::from_i64(USER_WAKEUP_FD.swap(fd as i32, Ordering::Relaxed) as i64))
}

fn s_siginterrupt(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = args_n("siginterrupt", a, kw, 2, 2)?;
    signum_arg(&a[0])?;
    Ok(none::none())
}

const SIGNAL_NAMES: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP), ("SIGINT", libc::SIGINT), ("SIGQUIT", libc::SIGQUIT), ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP), ("SIGABRT", libc::SIGABRT), ("SIGIOT", libc::SIGIOT), ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE), ("SIGKILL", libc::SIGKILL), ("SIGUSR1", libc::SIGUSR1), ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2), ("SIGPIPE", libc::SIGPIPE), ("SIGALRM", libc::SIGALRM), ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT), ("SIGCHLD", libc::SIGCHLD), ("SIGCLD", libc::SIGCHLD), ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP), ("SIGTSTP", libc::SIGTSTP), ("SIGTTIN", libc::SIGTTIN), ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG), ("SIGXCPU", libc::SIGXCPU), ("SIGXFSZ", libc::SIGXFSZ), ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF), ("SIGWINCH", libc::SIGWINCH), ("SIGIO", libc::SIGIO), ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR), ("SIGSYS", libc::SIGSYS), ("SIGRTMIN", 34), ("SIGRTMAX", 64),
    ("NSIG", NSIG as i32), ("SIG_DFL", 0), ("SIG_IGN", 1),
    ("SIG_BLOCK", libc::SIG_BLOCK), ("SIG_UNBLOCK", libc::SIG_UNBLOCK), ("SIG_SETMASK", libc::SIG_SETMASK),
    ("ITIMER_REAL", libc::ITIMER_REAL), ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL), ("ITIMER_PROF", libc::ITIMER_PROF),
];

/// Creates the `_signal` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_signal");
    let d = module::dict(&m);
    for (name, v) in SIGNAL_NAMES {
        dict::set_item_str(&d, name, int::from_i64(*v as i64));
    }
    let fns: &[(&'static str, CallFn)] = &[
        ("signal", s_signal), ("getsignal", s_getsignal), ("raise_signal", s_raise_signal), ("alarm", s_alarm),
        ("setitimer", s_setitimer), ("getitimer", s_getitimer), ("pthread_kill", s_pthread_kill), ("strsignal", s_strsignal), ("valid_signals", s_valid_signals),
        ("set_wakeup_fd", s_set_wakeup_fd), ("siginterrupt", s_siginterrupt),
    ];
    for (name, f) in fns {
        dict::set_item_str(&d, name, new_builtin_in("_signal", name, *f));
    }
    let dih = DEFAULT_INT_HANDLER.with(|h| h.borrow().clone()).unwrap_or_else(none::none);
    dict::set_item_str(&d, "default_int_handler", dih);
    Ok(m)
}
