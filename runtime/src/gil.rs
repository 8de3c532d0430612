//! The global interpreter lock (docs/architecture.md, "Threads and the GIL"): the lock
//! and its hand-over (CPython 3.11's scheme with forced switching), the eval breaker
//! native code polls at loop back-edges (`pyrt_eval_breaker`,
//! `pyrt_handle_eval_breaker`), `allow_threads` for blocking calls, the per-thread
//! state (ident, native id, main-thread flag), `GilCell` for per-interpreter state, and
//! the switch interval (`sys.setswitchinterval`).

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crate::errors::type_error;
use crate::object::{Obj, PyResult};
use crate::types::typeobj::KwArgs;
use crate::types::{float, int, none};

/// Per-interpreter state shared by all threads.
///
/// Invariant: a `GilCell` is only touched by a thread that holds the GIL. That is what
/// makes the `unsafe impl Sync` sound: the GIL serialises every access, so the inner
/// `RefCell`/`Cell` is never used by two threads at once. `with` mirrors
/// `LocalKey::with` so a former `thread_local!` changes only its declaration.
pub struct GilCell<T>(T);

// SAFETY: see the invariant above — all accesses happen under the GIL.
unsafe impl<T> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    pub const fn new(v: T) -> GilCell<T> {
        GilCell(v)
    }
    // always: the float free list's push stayed a call in `object::dealloc` (~20
    // instructions per freed float)
    #[inline(always)]
    pub fn with<R>(&'static self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0)
    }
}

// ===================== eval breaker =====================

/// Non-zero when the running thread must stop at its next check point (bits below).
/// Exported for native code: a relaxed load at each loop back-edge.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static pyrt_eval_breaker: AtomicU32 = AtomicU32::new(0);

/// Another thread waits for the GIL longer than the switch interval.
pub const DROP_REQUEST: u32 = 1;
/// A signal arrived; its Python handler runs in the main thread.
pub const SIGNALS: u32 = 2;
/// An allocation asked for a cycle collection.
pub const GC: u32 = 4;

/// Sets `bit` in the eval breaker (and closes the call gate compiled code tests,
/// `recursion::pyrt_call_gate`). Async-signal-safe: atomics only.
#[inline]
pub fn request(bit: u32) {
    pyrt_eval_breaker.fetch_or(bit, Ordering::SeqCst);
    crate::recursion::refresh_gate();
}

/// Clears `bit` in the eval breaker (reopening the call gate when nothing is left).
pub fn clear_request(bit: u32) {
    pyrt_eval_breaker.fetch_and(!bit, Ordering::SeqCst);
    crate::recursion::refresh_gate();
}

/// A check point (interpreter back-edges, every Python-level call): cheap when nothing
/// is pending.
#[inline]
pub fn check_point() -> PyResult<()> {
    if pyrt_eval_breaker.load(Ordering::Relaxed) != 0 {
        return handle_eval_breaker();
    }
    Ok(())
}

/// Serves every pending request: a collection, the main thread's signal handlers (which
/// may raise), a GIL drop request.
pub fn handle_eval_breaker() -> PyResult<()> {
    let bits = pyrt_eval_breaker.load(Ordering::Relaxed);
    if bits & GC != 0 {
        clear_request(GC);
        crate::gc::safe_point();
    }
    if bits & DROP_REQUEST != 0 {
        yield_gil();
    }
    if bits & SIGNALS != 0 && is_main_thread() {
        crate::modules::signal::run_pending_handlers()?;
    }
    Ok(())
}

/// Called by native code when `pyrt_eval_breaker` is non-zero; 0 ok, -1 error set.
#[no_mangle]
pub extern "C" fn pyrt_handle_eval_breaker() -> i32 {
    crate::errors::to_status(handle_eval_breaker())
}

// ===================== the lock =====================

struct GilState {
    locked: bool,
    /// Incremented by every acquisition: a waiter that sees it unchanged after a whole
    /// interval knows the holder did not let anyone in.
    switch_number: u64,
    /// Threads blocked in `acquire`.
    waiters: u32,
}

struct Gil {
    state: Mutex<GilState>,
    /// Signalled when the GIL is released.
    cond: Condvar,
    /// Signalled when a thread took the GIL (forced switching waits for it).
    switch_cond: Condvar,
}

static GIL: Gil = Gil {
    state: Mutex::new(GilState { locked: false, switch_number: 0, waiters: 0 }),
    cond: Condvar::new(),
    switch_cond: Condvar::new(),
};

/// Switch interval in microseconds (`sys.setswitchinterval`).
static INTERVAL_US: AtomicU64 = AtomicU64::new(5000);

/// Set once a second thread exists: before that, releasing the GIL around a blocking
/// call is pointless (only the GIL holder can start a thread).
static THREADS_STARTED: AtomicBool = AtomicBool::new(false);

fn lock_state() -> MutexGuard<'static, GilState> {
    GIL.state.lock().unwrap_or_else(PoisonError::into_inner)
}

fn interval() -> Duration {
    Duration::from_micros(INTERVAL_US.load(Ordering::Relaxed).max(1))
}

thread_local! {
    /// Does this thread hold the GIL? (`object_alloc::RuntimeAllocator` asks on every
    /// allocation: a constant-initialised flag without destructor, one TLS load.)
    static HOLDS_GIL: Cell<bool> = const { Cell::new(false) };
}

/// Does the calling thread hold the GIL?
#[inline]
pub fn holds_gil() -> bool {
    HOLDS_GIL.with(Cell::get)
}

/// Takes the GIL, asking the holder to drop it after each interval without a switch.
pub fn acquire() {
    take_lock();
    HOLDS_GIL.with(|h| h.set(true));
    crate::object_alloc::drain_remote_frees();
}

fn take_lock() {
    let mut st = lock_state();
    if st.locked {
        st.waiters += 1;
        while st.locked {
            let seen = st.switch_number;
            let (g, res) = GIL.cond.wait_timeout(st, interval()).unwrap_or_else(PoisonError::into_inner);
            st = g;
            if finalizing() && !is_main_thread() {
                st.waiters -= 1;
                drop(st);
                park_forever();
            }
            if res.timed_out() && st.locked && st.switch_number == seen {
                request(DROP_REQUEST);
            }
        }
        st.waiters -= 1;
    }
    if finalizing() && !is_main_thread() {
        drop(st);
        park_forever();
    }
    st.locked = true;
    st.switch_number = st.switch_number.wrapping_add(1);
    clear_request(DROP_REQUEST);
    GIL.switch_cond.notify_all();
}

/// Releases the GIL. With `forced` (a drop request), waits until another thread took it,
/// so the requester really runs before this thread queues again.
pub fn release(forced: bool) {
    HOLDS_GIL.with(|h| h.set(false));
    let mut st = lock_state();
    st.locked = false;
    GIL.cond.notify_one();
    if forced {
        let seen = st.switch_number;
        while st.waiters > 0 && st.switch_number == seen {
            st = GIL.switch_cond.wait(st).unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// Lets a waiting thread run: drop and re-take the GIL (a drop request was seen). Not
/// once the process finalizes: no other thread runs Python code again.
fn yield_gil() {
    if finalizing() {
        clear_request(DROP_REQUEST);
        return;
    }
    release(true);
    acquire();
}

/// Set by the main thread once the program is over (non-daemon threads joined, `atexit`
/// callbacks run) and it starts tearing modules down: from then on no other thread takes
/// the GIL again (CPython's daemon threads stop the same way), so a daemon thread cannot
/// wake up into modules whose globals are already None.
static FINALIZING: AtomicBool = AtomicBool::new(false);

/// Marks the process as finalizing (`FINALIZING`); called by the main thread holding the GIL.
pub fn begin_finalizing() {
    FINALIZING.store(true, Ordering::SeqCst);
}

fn finalizing() -> bool {
    FINALIZING.load(Ordering::Relaxed)
}

/// Where a thread other than the main one ends up when it asks for the GIL during
/// finalization: it never runs again, and the process exits around it.
fn park_forever() -> ! {
    loop {
        std::thread::park();
    }
}

/// Runs `f` (a blocking call that touches no Python object) without the GIL.
pub fn allow_threads<R>(f: impl FnOnce() -> R) -> R {
    if !THREADS_STARTED.load(Ordering::Relaxed) {
        return f();
    }
    release(false);
    let r = f();
    acquire();
    r
}

/// Records that a second thread exists (called before it is spawned).
pub fn note_thread_started() {
    THREADS_STARTED.store(true, Ordering::Relaxed);
}

/// `sys.getswitchinterval()` in seconds.
pub fn switch_interval() -> f64 {
    INTERVAL_US.load(Ordering::Relaxed) as f64 * 1e-6
}

/// `sys.setswitchinterval(s)`: ValueError unless positive.
pub fn set_switch_interval(secs: f64) -> PyResult<()> {
    if !(secs > 0.0) {
        return Err(crate::errors::value_error("switch interval must be strictly positive"));
    }
    INTERVAL_US.store(((secs * 1e6) as u64).max(1), Ordering::Relaxed);
    Ok(())
}

/// `sys.getswitchinterval()`.
pub fn sys_getswitchinterval(_f: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    if !a.is_empty() {
        return Err(type_error(format!("sys.getswitchinterval() takes no arguments ({} given)", a.len())));
    }
    Ok(float::new(switch_interval()))
}

/// `sys.setswitchinterval(interval)`.
pub fn sys_setswitchinterval(_f: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let [x] = a else {
        return Err(type_error(format!("sys.setswitchinterval() takes exactly one argument ({} given)", a.len())));
    };
    let secs = match float::as_f64(x) {
        Some(f) => f,
        None if int::is_int(x) => int::int_to_f64(x)?,
        None => return Err(type_error(format!("must be real number, not {}", x.type_name()))),
    };
    set_switch_interval(secs)?;
    Ok(none::none())
}

// ===================== thread state =====================

/// What the runtime knows about the calling OS thread.
#[derive(Clone, Copy)]
struct ThreadState {
    /// `threading.get_ident()`: pthread_self(), as CPython returns it.
    ident: u64,
    native_id: u64,
    is_main: bool,
}

thread_local! {
    static TSTATE: Cell<Option<ThreadState>> = const { Cell::new(None) };
}

fn tstate() -> ThreadState {
    TSTATE.with(|t| {
        t.get().unwrap_or_else(|| {
            let s = ThreadState { ident: os_ident(), native_id: os_native_id(), is_main: false };
            t.set(Some(s));
            s
        })
    })
}

fn os_ident() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}

fn os_native_id() -> u64 {
    // SAFETY: gettid has no preconditions.
    unsafe { libc::syscall(libc::SYS_gettid) as u64 }
}

/// The main thread's ident (0 before start-up).
static MAIN_IDENT: AtomicU64 = AtomicU64::new(0);

/// Start-up on the Python main thread: marks it as main and takes the GIL.
pub fn init_main_thread() {
    let s = ThreadState { ident: os_ident(), native_id: os_native_id(), is_main: true };
    TSTATE.with(|t| t.set(Some(s)));
    MAIN_IDENT.store(s.ident, Ordering::Relaxed);
    acquire();
}

/// `_thread.get_ident()`.
pub fn ident() -> u64 {
    tstate().ident
}

/// `_thread.get_native_id()`.
pub fn native_id() -> u64 {
    tstate().native_id
}

/// `threading.main_thread().ident`.
pub fn main_ident() -> u64 {
    MAIN_IDENT.load(Ordering::Relaxed)
}

/// Is the caller the thread that runs `__main__` (the only one that runs signal handlers)?
pub fn is_main_thread() -> bool {
    tstate().is_main
}

/// Clears the calling thread's Python state (current and handled exception) before it
/// drops the GIL for the last time, so no thread-local destructor runs without the GIL.
pub fn clear_thread_state() {
    drop(crate::errors::take_current());
    drop(crate::errors::set_handled(None));
}

// ===================== fork =====================

/// Set in a child created by `os.fork()`: its only thread is the one that forked.
static FORKED_CHILD: AtomicBool = AtomicBool::new(false);

/// Runs `fork` (the caller holds the GIL) with the GIL's state mutex held, so no other
/// thread owns that mutex at the moment of the fork. In the child the forking thread
/// becomes the main thread (CPython's `PyOS_AfterFork_Child`), the other threads'
/// waits on the GIL are forgotten and async signals are unblocked (they were blocked
/// if the fork happened in a non-main thread). Returns fork's result.
pub fn fork_holding_gil(fork: impl FnOnce() -> libc::pid_t) -> libc::pid_t {
    let was_main = is_main_thread();
    let mut st = lock_state();
    let pid = fork();
    if pid == 0 {
        st.waiters = 0;
        FORKED_CHILD.store(true, Ordering::Relaxed);
        clear_request(DROP_REQUEST);
        let s = ThreadState { ident: os_ident(), native_id: os_native_id(), is_main: true };
        TSTATE.with(|t| t.set(Some(s)));
        MAIN_IDENT.store(s.ident, Ordering::Relaxed);
        if !was_main {
            crate::modules::signal::unblock_async_signals();
        }
    }
    drop(st);
    pid
}

/// Is this process a child made by `os.fork()`? (Its Python main thread is its only
/// thread, so the process must exit from it.)
pub fn is_forked_child() -> bool {
    FORKED_CHILD.load(Ordering::Relaxed)
}
