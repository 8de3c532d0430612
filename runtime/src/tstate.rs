//! The per-thread state that native code reads and writes inline (codegen/function.rs,
//! the register-argument entry): the Python call depth, the innermost running frame and
//! the stack floor, in one `#[repr(C)]` record so that one address (thread pointer + `pyrt_tstate_tls_offset`) gives
//! compiled code all three. `recursion.rs` and `frame.rs` own the meaning of the fields;
//! this module only owns their storage. Also here: the image of an empty native frame
//! that compiled code copies before filling in the borrowed fields.
use std::cell::UnsafeCell;
use std::mem::ManuallyDrop;

use crate::object::Obj;

use crate::frame::Frame;

/// Field offsets are shared with codegen/function.rs (`TSTATE_*`): change both together.
#[repr(C)]
pub struct ThreadState {
    /// Python-level calls in progress on this thread (recursion.rs).
    pub depth: u32,
    _pad: u32,
    /// The innermost running frame, null when none (frame.rs).
    pub frame: *mut Frame,
    /// Lowest stack address a new Python-level call may start from; 0 until computed
    /// (recursion.rs computes it on the first call through the runtime).
    pub stack_floor: usize,
    /// The exception propagating through C-ABI returns (errors.rs). `ManuallyDrop`
    /// keeps the record free of drop glue, so that reaching it is a plain thread-local
    /// address (no destructor registration check); both are empty when a thread ends.
    pub current_exc: ManuallyDrop<Option<Obj>>,
    /// The exception being handled, `sys.exc_info()` (errors.rs).
    pub handled_exc: ManuallyDrop<Option<Obj>>,
}

const _: () = assert!(std::mem::offset_of!(ThreadState, depth) == 0);
const _: () = assert!(std::mem::offset_of!(ThreadState, frame) == 8);
const _: () = assert!(std::mem::offset_of!(ThreadState, stack_floor) == 16);

thread_local! {
    static TS: UnsafeCell<ThreadState> =
        const { UnsafeCell::new(ThreadState {
            depth: 0,
            _pad: 0,
            frame: std::ptr::null_mut(),
            stack_floor: 0,
            current_exc: ManuallyDrop::new(None),
            handled_exc: ManuallyDrop::new(None),
        }) };
}

/// This thread's state. The pointer stays valid for the thread's lifetime; only the
/// owning thread touches it (no other thread ever receives it). (Computing it as compiled
/// code does, thread pointer + offset, measured slower here: the offset load is repeated
/// at every use, where this access is folded into one per function.)
#[inline(always)]
pub fn ts() -> *mut ThreadState {
    TS.with(|t| t.get())
}

/// `ts()` minus the thread pointer (`%fs:0`): the same for every thread, because the
/// runtime is linked into the executable, whose thread-local block sits at a fixed offset
/// from each thread's pointer (the local-exec/initial-exec TLS models). Compiled code
/// computes its thread state as `%fs:0 + pyrt_tstate_tls_offset` without a call; set by
/// `init_tls_offset` at start-up, before any compiled code runs.
#[no_mangle]
pub static pyrt_tstate_tls_offset: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);

/// The thread pointer (`%fs:0` holds its own address on x86-64 Linux).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn thread_pointer() -> usize {
    let tp: usize;
    // SAFETY: reads the TCB self-pointer; no memory is written.
    unsafe { std::arch::asm!("mov {}, qword ptr fs:[0]", out(reg) tp, options(nostack, readonly, preserves_flags)) };
    tp
}

/// Sets `pyrt_tstate_tls_offset` (runtime start-up).
#[cfg(target_arch = "x86_64")]
pub fn init_tls_offset() {
    let off = ts() as i64 - thread_pointer() as i64;
    pyrt_tstate_tls_offset.store(off, std::sync::atomic::Ordering::Relaxed);
}

/// Runtime start-up work for compiled code's inline access to the thread state.
pub fn init_for_compiled_code() {
    #[cfg(target_arch = "x86_64")]
    init_tls_offset();
}
