//! The per-thread state that native code reads and writes inline (codegen/function.rs,
//! the register-argument entry): the Python call depth, the innermost running frame and
//! the stack floor, in one `#[repr(C)]` record at a fixed thread-local symbol (`pyrt_ts`)
//! that compiled code addresses directly. `recursion.rs` and `frame.rs` own the meaning
//! of the fields; this module only owns their storage.
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
    /// (recursion.rs: at start-up for the main thread, else on the thread's first call
    /// through the runtime).
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
// codegen/function.rs `TSTATE_WORDS` declares `pyrt_ts` with this many 8-byte words.
const _: () = assert!(std::mem::size_of::<ThreadState>() == 5 * 8);

// The record lives in the thread-local block under the fixed name `pyrt_ts`, defined here
// in assembly because Rust names its own thread-locals privately: compiled code declares
// it `thread_local(localexec)` and reads each field with one `%fs:pyrt_ts@tpoff`-relative
// instruction (no thread-pointer load, no offset global). Local-exec is valid because the
// runtime is only ever linked into executables. `.tbss` starts zeroed in every thread,
// which is the empty state: depth 0, no frame, floor not computed, no exceptions (`None`
// of `Option<Obj>` is the null word).
#[cfg(target_arch = "x86_64")]
std::arch::global_asm!(
    ".pushsection .tbss,\"awT\",@nobits",
    ".globl pyrt_ts",
    ".hidden pyrt_ts",
    ".type pyrt_ts,@object",
    ".p2align 3",
    "pyrt_ts:",
    ".zero {size}",
    ".size pyrt_ts, {size}",
    ".popsection",
    size = const std::mem::size_of::<ThreadState>(),
);

const _: () = assert!(std::mem::align_of::<ThreadState>() <= 8);
const _: () = assert!(std::mem::size_of::<Option<Obj>>() == 8);

/// This thread's state: the thread pointer (`%fs:0` holds its own address on x86-64
/// Linux) plus the link-time offset of `pyrt_ts`. `pure`/`nomem` lets LLVM compute it
/// once per function: the self-pointer it reads never changes while the thread runs. The
/// pointer stays valid for the thread's lifetime; only the owning thread touches it (no
/// other thread ever receives it).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub fn ts() -> *mut ThreadState {
    let p: *mut ThreadState;
    // SAFETY: computes an address only (no memory access beyond the thread's own TCB
    // self-pointer, which never changes while the thread runs).
    unsafe {
        std::arch::asm!(
            "movq %fs:0, {0}",
            "leaq pyrt_ts@tpoff({0}), {0}",
            out(reg) p,
            options(att_syntax, pure, nomem, nostack, preserves_flags)
        )
    };
    p
}

/// Word at byte `OFF` of this thread's `pyrt_ts`, read with one `%fs`-relative load (as
/// compiled code and Rust's own thread-locals do; `ts()` costs two instructions more per
/// function): the accessors below are what the hot paths (calls, frame links, generator
/// resumption) use.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn load_word<const OFF: usize>() -> u64 {
    let v: u64;
    // SAFETY: reads this thread's own record (`OFF` is a field offset asserted above).
    unsafe {
        std::arch::asm!(
            "movq %fs:pyrt_ts@tpoff+{off}, {v}",
            off = const OFF,
            v = out(reg) v,
            options(att_syntax, pure, readonly, nostack, preserves_flags)
        )
    };
    v
}

/// Stores `v` at byte `OFF` of this thread's `pyrt_ts` (one `%fs`-relative store).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn store_word<const OFF: usize>(v: u64) {
    // SAFETY: writes this thread's own record; no reference into the word is live across
    // it (the accessors below hand out values, never references).
    unsafe {
        std::arch::asm!(
            "movq {v}, %fs:pyrt_ts@tpoff+{off}",
            off = const OFF,
            v = in(reg) v,
            options(att_syntax, nostack, preserves_flags)
        )
    };
}

/// `ThreadState::depth` (the `u32` in the low half of word 0; the high half is padding).
#[inline(always)]
pub fn depth() -> u32 {
    load_word::<0>() as u32
}
#[inline(always)]
pub fn set_depth(d: u32) {
    store_word::<0>(d as u64)
}
/// `ThreadState::depth` plus 1, in place (one instruction; calls and resumptions).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub fn inc_depth() {
    // SAFETY: as in `store_word`.
    unsafe { std::arch::asm!("incl %fs:pyrt_ts@tpoff", options(att_syntax, nostack)) };
}
/// `ThreadState::depth` minus 1, in place.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub fn dec_depth() {
    // SAFETY: as in `store_word`.
    unsafe { std::arch::asm!("decl %fs:pyrt_ts@tpoff", options(att_syntax, nostack)) };
}
/// `ThreadState::frame`.
#[inline(always)]
pub fn frame() -> *mut Frame {
    load_word::<8>() as *mut Frame
}
#[inline(always)]
pub fn set_frame(f: *mut Frame) {
    store_word::<8>(f as u64)
}
/// `ThreadState::stack_floor`.
#[inline(always)]
pub fn stack_floor() -> usize {
    load_word::<16>() as usize
}
#[inline(always)]
pub fn set_stack_floor(v: usize) {
    store_word::<16>(v as u64)
}
/// Is an exception propagating (`ThreadState::current_exc` set)?
#[inline(always)]
pub fn exception_pending() -> bool {
    load_word::<24>() != 0
}
/// Is no exception being handled (`ThreadState::handled_exc` empty)?
#[inline(always)]
pub fn nothing_handled() -> bool {
    load_word::<32>() == 0
}
const _: () = assert!(std::mem::offset_of!(ThreadState, current_exc) == 24 && std::mem::offset_of!(ThreadState, handled_exc) == 32);

/// Runtime start-up work for compiled code's inline access to the thread state: the main
/// thread's stack floor, so that the inline stack check of register-argument entries
/// (codegen/function.rs) is armed before the first Python-level call.
pub fn init_for_compiled_code() {
    crate::recursion::init_stack_floor();
}
