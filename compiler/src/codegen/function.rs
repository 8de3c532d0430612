//! Lowering of one code object to its native entry `i64 @pyc_code_N(i8* %frame)`.
//!
//! Model: every operand-stack slot (its index is the static stack depth) and every
//! `localsplus` entry is an `alloca i64`; SROA/mem2reg turn them into SSA values. Each
//! jump target and handler target starts a basic block. Each instruction that can fail
//! branches to a shared error block keyed by (live stack depth, handler), see
//! `exceptions.rs`.
//!
//! Code with a plain positional signature (`register_arity`) is lowered into a body
//! `i64 @pyc_code_N.body(i8* %frame, i64 %arg0, ..., i64 %cell0, ...)` with two entries:
//! the native entry (moves the arguments and cells out of the frame the runtime bound)
//! and the register-argument entry `i64 @pyc_code_N.reg(i64 %func, i64 %arg0, ...)` that
//! direct call sites call (codegen/calls.rs): it builds a minimal frame on its own stack
//! (`pyrt_frame_enter`, `pyrt_frame_leave`), creates the cells of cell variables and
//! passes the free-variable cells borrowed from the function's closure tuple. Every
//! native entry called with a null frame returns the address of its register-argument
//! entry, or 0 (`frame::register_entry` in the runtime). A body that may return an
//! unboxed number (unboxed.rs `return_unboxed`) gets a third entry, `.regf`: the
//! register-argument entry without the boxing the other two do, for inlined call sites.
//!
//! While a frame runs, callees may inspect it (`sys._getframe`, logging, tracebacks): the
//! body stores the pc into `Frame::lasti` before each runtime call that may run Python
//! code (`Lower::call`) and each direct call, and function code mirrors its locals into
//! `Frame::native_locals` for `f_locals`.

use std::collections::HashMap;

use inkwell::basic_block::BasicBlock;
use inkwell::builder::{Builder, BuilderError};
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::types::BasicMetadataTypeEnum;
use inkwell::values::{BasicMetadataValueEnum, FunctionValue, IntValue, PhiValue, PointerValue};
use inkwell::AddressSpace;

use super::fastpath::Helpers;
use super::runtime_decls::runtime_fn;
use crate::fe::{code_flags, CodeObject, Instr};

/// Why a code object could not be lowered (it then runs in the interpreter).
#[derive(Debug, Clone)]
pub struct LowerError(pub String);

impl From<BuilderError> for LowerError {
    fn from(e: BuilderError) -> Self {
        LowerError(format!("LLVM builder error: {e:?}"))
    }
}

pub type R<T> = Result<T, LowerError>;

pub fn unsupported<T>(msg: impl Into<String>) -> R<T> {
    Err(LowerError(msg.into()))
}

/// Per-function lowering state.
pub struct Lower<'a, 'ctx> {
    pub ctx: &'ctx Context,
    pub module: &'a Module<'ctx>,
    pub b: Builder<'ctx>,
    /// Positioned at the end of the entry block (its final branch is added last), for
    /// values that must dominate everything (singletons).
    pub entry_b: Builder<'ctx>,
    pub code: &'a CodeObject,
    pub depths: Vec<Option<u32>>,
    pub func: FunctionValue<'ctx>,
    pub frame: PointerValue<'ctx>,
    pub slots: Vec<PointerValue<'ctx>>,
    pub locals: Vec<PointerValue<'ctx>>,
    /// Scratch array (i64*) for call arguments and out-parameters.
    pub scratch: PointerValue<'ctx>,
    pub scratch_len: u32,
    /// Leader blocks, indexed by pc.
    pub blocks: Vec<Option<BasicBlock<'ctx>>>,
    pub helpers: &'a Helpers<'ctx>,
    pub fast: bool,
    /// (live depth, handler index) -> block adding the traceback entry (phi = pc)
    pub tb_blocks: HashMap<(u32, Option<usize>, bool), (BasicBlock<'ctx>, PhiValue<'ctx>)>,
    /// (live depth, handler index) -> block unwinding to the handler / returning 0 (phi = pc)
    pub unwind_blocks: HashMap<(u32, Option<usize>), (BasicBlock<'ctx>, PhiValue<'ctx>)>,
    pub singletons: HashMap<&'static str, IntValue<'ctx>>,
    /// Per pc: true when the `LoadFast` there may find its local unbound (needs a check).
    pub maybe_unbound: Vec<bool>,
    pub nvarnames: u32,
    /// Generators/coroutines: `[i64 x 3]` where the resume dispatch keeps the exchange
    /// pointers for the yields (codegen/generators.rs).
    pub genbuf: Option<PointerValue<'ctx>>,
    /// The frame keeps its own copy of every local (write-through on store/delete), for
    /// code that reads them back at run time (`needs_frame_locals`).
    pub sync_locals: bool,
    /// Function name, used to name per-function globals (constant caches).
    pub fname: String,
    /// The array `Frame::native_locals` points at while the locals are valid (a borrowed
    /// copy of every local, written on each store), for function code that keeps its
    /// locals only in registers.
    pub mirror: Option<PointerValue<'ctx>>,
    /// A generator body that keeps the locals mirror the runtime allocates for it on its
    /// first run (`generators.rs`, `gen_mirror_base`): one that may run other Python code
    /// while it runs (`runs_code_while_running`).
    pub gen_mirror: bool,
    /// The instruction being lowered (stored into `Frame::lasti` before runtime calls).
    pub pc_now: usize,
    /// Which values stay unboxed floats (`unboxed.rs`), when any do.
    pub plan: Option<super::unboxed::FloatPlan>,
    /// The f64 companion of each stack slot (with a plan).
    pub fslots: Vec<PointerValue<'ctx>>,
    /// The homes of shadowed locals (`[nhomes x double]`).
    pub fhomes: Option<PointerValue<'ctx>>,
    /// The owned result of a borrowed `LoadAttr`'s miss (0 after a hit), released by its
    /// test (attrs.rs `lower_load_attr`, unboxed.rs `mark_borrowed_attrs`).
    pub attr_pending: Option<PointerValue<'ctx>>,
    /// Method calls on locals of a known built-in type (`known.rs`).
    pub direct: super::known::DirectCalls,
    /// Locals from this index on are borrowed, never released: the free-variable cells of
    /// a register-entry body (its entries own them: the closure or the runtime's frame).
    pub borrowed_from: u32,
    /// Per pc: this `LoadDeref` pushes the cell's value borrowed (`borrowed_derefs`).
    pub deref_borrow: Vec<bool>,
    /// Live callee slots that may hold the running function borrowed (selfcall.rs).
    pub self_callees: Vec<super::selfcall::SelfCallee<'ctx>>,
}

/// Runtime functions that never run Python code or read the frame's position: no
/// `Frame::lasti` store before calling them.
const NO_LASTI: &[&str] = &[
    "pyrt_incref", "pyrt_decref", "pyrt_xdecref", "pyrt_dealloc", "pyrt_none", "pyrt_true", "pyrt_false",
    "pyrt_frame_take_local", "pyrt_frame_peek_local", "pyrt_frame_set_local", "pyrt_frame_set_lasti",
    "pyrt_load_const", "pyrt_traceback_add", "pyrt_traceback_exit", "pyrt_fetch_exception", "pyrt_float_new", "pyrt_float_type",
    "pyrt_cell_new", "pyrt_frame_enter", "pyrt_frame_leave",
    "pyrt_raise_unbound_local", "pyrt_raise_unbound_deref", "pyrt_build_tuple", "pyrt_build_slice",
    "pyrt_list_iter_new", "pyrt_list_mark_floats",
];

/// Frame fields native code writes inline (runtime frame.rs asserts the same numbers).
const FRAME_LASTI_OFFSET: u64 = 164;
pub(super) const FRAME_NATIVE_LOCALS_OFFSET: u64 = 184;
/// Bytes a register-argument entry reserves for its frame (`frame::NATIVE_FRAME_BYTES`).
const NATIVE_FRAME_WORDS: u32 = 192 / 8;
/// `Frame::prev` (the caller's frame while this one runs).
const FRAME_PREV_OFFSET: u64 = 168;
/// The frame words a register-argument entry zeroes (an empty frame has zero there):
/// `locals`, `localsplus.len`, `pc` with `lasti`, `generator` and `native_locals`. The
/// rest of a native frame is left unwritten: the four borrowed words and `prev` are
/// stored separately, and nothing reads `localsplus`'s inline slots or heap vector (its
/// length is 0) or the interpreter's operand `stack` of a native non-generator frame
/// (runtime frame.rs asserts the offsets and states the same).
const FRAME_ZERO_WORDS: [u64; 5] = [32, 40, 160, 176, 184];
/// `FunctionObj::code`, `globals`, `builtins`: copied into a register entry's frame
/// together with the function itself (`Frame::code`, `func`, `globals`, `builtins` are
/// the first four words of a frame).
const FUNCTION_CODE_OFFSET: u64 = 16;
/// `FunctionObj::closure` (a tuple of cells, or 0) and `TupleObj::items` (pointer to the
/// first item), asserted in runtime frame.rs and types/tuple.rs.
const FUNCTION_CLOSURE_OFFSET: u64 = 80;
const TUPLE_ITEMS_OFFSET: u64 = 24;
/// `tstate::ThreadState` words: the innermost frame, the stack floor (the depth is the
/// first `i32`).
const TSTATE_FRAME_WORD: u64 = 1;
const TSTATE_STACK_FLOOR_WORD: u64 = 2;
/// Words of `tstate::ThreadState` (depth, frame, floor, two exception slots).
const TSTATE_WORDS: u32 = 5;
/// Most parameters a register-argument entry takes.
const MAX_REGISTER_ARGS: u32 = 16;

/// Whether a generator body may run other Python code while it runs (calls, `yield from`
/// and `await` delegations), code that may read its frame's locals (`sys._getframe(1)`,
/// `gi_frame`): only such bodies pay for a locals mirror. (Suspended, the frame's
/// `localsplus` shows them anyway.)
fn runs_code_while_running(code: &CodeObject) -> bool {
    code.instrs.iter().any(|i| matches!(i, Instr::Call(_) | Instr::CallKw(_) | Instr::CallEx(_) | Instr::Send(_)))
}

/// The parameter count of `code`'s register-argument entry, if it gets one: function code
/// (no generator or coroutine) whose parameters are all positional, so that a call with
/// that many positional arguments binds them one-to-one (what `frame::direct_target`
/// checks before a call site uses the entry), whose locals need not live in the frame.
/// Cell variables and free variables are allowed: the register entry creates the cells
/// and borrows the free-variable cells from the function's closure (`build_register_entry`).
pub fn register_arity(code: &CodeObject) -> Option<u32> {
    let plain = code.flags & code_flags::OPTIMIZED != 0
        && !code.is_generator()
        && code.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) == 0
        && code.kwonlyargcount == 0
        && needs_frame_locals(code).is_none()
        && code.argcount <= MAX_REGISTER_ARGS;
    plain.then_some(code.argcount)
}

/// Number of parameters (bound by the caller before the native code runs).
pub fn param_count(code: &CodeObject) -> u32 {
    let mut n = code.argcount + code.kwonlyargcount;
    if code.flags & code_flags::VARARGS != 0 {
        n += 1;
    }
    if code.flags & code_flags::VARKEYWORDS != 0 {
        n += 1;
    }
    n
}

/// The jump target of a branching instruction.
pub fn jump_target(i: &Instr) -> Option<u32> {
    use Instr::*;
    match *i {
        Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t)
        | PopJumpIfNone(t) | PopJumpIfNotNone(t) | ForIter(t) | Send(t) => Some(t),
        _ => None,
    }
}

/// Scratch-array elements an instruction needs.
fn scratch_need(i: &Instr) -> u32 {
    use Instr::*;
    match *i {
        // + 1: a direct call's argument pointer may point one past `Call(0)`'s operands
        Call(n) => n + 3,
        CallKw(n) => n + 2,
        BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) | BuildConstKeyMap(n) | UnpackSequence(n) => n,
        BuildMap(n) => 2 * n,
        UnpackEx(op) => (op & 0xff) + (op >> 8) + 1,
        LoadMethod(_) => 2,
        MakeFunction(_) => 4,
        CheckEgMatch => 2,
        _ => 1,
    }
}

/// Lowers `code` into a new function named `name`. On failure the partial function is
/// deleted and the reason returned.
pub fn lower_function<'a, 'ctx>(
    ctx: &'ctx Context,
    module: &'a Module<'ctx>,
    helpers: &'a Helpers<'ctx>,
    code: &'a CodeObject,
    depths: Vec<Option<u32>>,
    name: &str,
    fast: bool,
) -> R<FunctionValue<'ctx>> {
    if depths.len() != code.instrs.len() {
        return unsupported("stack depth table does not match the instructions");
    }
    if code.instrs.is_empty() {
        return unsupported("empty code object");
    }
    let i8p = ctx.i8_type().ptr_type(AddressSpace::default());
    let i64t = ctx.i64_type();
    let fnty = i64t.fn_type(&[i8p.into()], false);
    let func = module.add_function(name, fnty, Some(Linkage::Internal));
    let Some(k) = register_arity(code) else {
        return match lower_into(ctx, module, helpers, code, depths, func, fast, true) {
            Ok(_) => Ok(func),
            Err(e) => {
                unsafe { func.delete() };
                Err(e)
            }
        };
    };
    // the frame, the arguments, then one cell per cell variable and free variable
    let ncells = (code.cellvars.len() + code.freevars.len()) as u32;
    let mut body_params = vec![i8p.into()];
    body_params.extend((0..k + ncells).map(|_| BasicMetadataTypeEnum::from(i64t)));
    let body = module.add_function(&format!("{name}.body"), i64t.fn_type(&body_params, false), Some(Linkage::Internal));
    let reg_params: Vec<BasicMetadataTypeEnum> = (0..=k).map(|_| i64t.into()).collect();
    let reg = module.add_function(&format!("{name}.reg"), i64t.fn_type(&reg_params, false), Some(Linkage::Internal));
    // a body returning unboxed numbers also gets `.regf`, which hands them on unboxed
    // (`unboxed::box_returned`; only inlined call sites call it, `calls::known_entry`)
    let mut regf = None;
    let built = lower_into(ctx, module, helpers, code, depths, body, fast, false).and_then(|unboxed| {
        let boxed = unboxed.then_some(BoxReturned);
        if ncells == 0 {
            build_frame_entry_via_reg(ctx, module, helpers, code, func, reg, k)?;
        } else {
            build_frame_entry(ctx, module, helpers, code, func, body, reg, k, boxed)?;
        }
        build_register_entry(ctx, module, helpers, code, reg, body, k, ncells == 0, boxed)?;
        if unboxed {
            let f = module.add_function(&format!("{name}.regf"), i64t.fn_type(&reg_params, false), Some(Linkage::Internal));
            regf = Some(f);
            build_register_entry(ctx, module, helpers, code, f, body, k, ncells == 0, None)?;
        }
        Ok(())
    });
    match built {
        Ok(()) => Ok(func),
        Err(e) => {
            for f in [func, body, reg].into_iter().chain(regf) {
                unsafe { f.delete() };
            }
            Err(e)
        }
    }
}

/// A wrapper's builder, positioned in a new block of `f` (with `f`'s debug location at
/// the code's first instruction under `-g`: calls of the body need one).
fn wrapper_builder<'ctx>(ctx: &'ctx Context, helpers: &Helpers<'ctx>, code: &CodeObject, f: FunctionValue<'ctx>, block: &str) -> Builder<'ctx> {
    let b = ctx.create_builder();
    b.position_at_end(ctx.append_basic_block(f, block));
    if let Some(dbg) = &helpers.debug {
        dbg.at_instruction(&b, f, code, 0);
    }
    b
}

fn rt<'ctx>(ctx: &'ctx Context, module: &Module<'ctx>, name: &str) -> R<FunctionValue<'ctx>> {
    runtime_fn(ctx, module, name).ok_or_else(|| LowerError(format!("unknown runtime function {name}")))
}

fn ret_value<'ctx>(cs: inkwell::values::CallSiteValue<'ctx>) -> R<IntValue<'ctx>> {
    Ok(cs.try_as_basic_value().basic().ok_or_else(|| LowerError("call returned void".into()))?.into_int_value())
}

/// An entry boxes the unboxed number its body may return (`unboxed::box_returned`).
#[derive(Clone, Copy)]
struct BoxReturned;

/// The body's result `r` as the entry returns it: boxed when `boxed` says so.
fn entry_result<'ctx>(ctx: &'ctx Context, module: &Module<'ctx>, b: &Builder<'ctx>, r: IntValue<'ctx>, boxed: Option<BoxReturned>) -> R<IntValue<'ctx>> {
    match boxed {
        Some(BoxReturned) => super::unboxed::box_returned(ctx, module, b, r),
        None => Ok(r),
    }
}

/// The start of a native entry of code with a register-argument entry: a builder in
/// `func` past the null-frame probe (which answers with `reg`), and the frame parameter.
fn frame_entry_prologue<'ctx>(
    ctx: &'ctx Context,
    helpers: &Helpers<'ctx>,
    code: &CodeObject,
    func: FunctionValue<'ctx>,
    reg: FunctionValue<'ctx>,
) -> R<(Builder<'ctx>, PointerValue<'ctx>)> {
    let b = wrapper_builder(ctx, helpers, code, func, "entry");
    let frame = func.get_first_param().ok_or_else(|| LowerError("missing frame parameter".into()))?.into_pointer_value();
    let probe = ctx.append_basic_block(func, "probe");
    let run = ctx.append_basic_block(func, "run");
    b.build_conditional_branch(b.build_is_null(frame, "")?, probe, run)?;
    b.position_at_end(probe);
    b.build_return(Some(&b.build_ptr_to_int(reg.as_global_value().as_pointer_value(), ctx.i64_type(), "")?))?;
    b.position_at_end(run);
    Ok((b, frame))
}

/// Moves the frame's locals `slots` out of it (`pyrt_frame_take_local`), in order.
fn take_frame_locals<'ctx>(
    ctx: &'ctx Context,
    module: &Module<'ctx>,
    b: &Builder<'ctx>,
    frame: PointerValue<'ctx>,
    slots: impl Iterator<Item = u32>,
) -> R<Vec<IntValue<'ctx>>> {
    let take = rt(ctx, module, "pyrt_frame_take_local")?;
    slots
        .map(|i| ret_value(b.build_call(take, &[frame.into(), ctx.i32_type().const_int(i as u64, false).into()], "")?))
        .collect()
}

/// The native entry of code with a register-argument entry and cells: moves the `k`
/// arguments and the cells (made by the runtime's `Frame::init_cells`) out of the frame
/// and runs the body. The body borrows the free-variable cells, so they are released
/// here after it returns.
#[allow(clippy::too_many_arguments)]
fn build_frame_entry<'ctx>(
    ctx: &'ctx Context,
    module: &Module<'ctx>,
    helpers: &Helpers<'ctx>,
    code: &CodeObject,
    func: FunctionValue<'ctx>,
    body: FunctionValue<'ctx>,
    reg: FunctionValue<'ctx>,
    k: u32,
    boxed: Option<BoxReturned>,
) -> R<()> {
    let (b, frame) = frame_entry_prologue(ctx, helpers, code, func, reg)?;
    let nvar = code.varnames.len() as u32;
    let cells = nvar..nvar + (code.cellvars.len() + code.freevars.len()) as u32;
    let taken = take_frame_locals(ctx, module, &b, frame, (0..k).chain(cells))?;
    let mut args: Vec<BasicMetadataValueEnum> = vec![frame.into()];
    args.extend(taken.iter().map(|v| BasicMetadataValueEnum::from(*v)));
    let r = ret_value(b.build_call(body, &args, "r")?)?;
    let r = entry_result(ctx, module, &b, r, boxed)?;
    let xdecref = rt(ctx, module, "pyrt_xdecref")?;
    let first_free = (k + code.cellvars.len() as u32) as usize;
    for c in &taken[first_free..] {
        b.build_call(xdecref, &[(*c).into()], "")?;
    }
    b.build_return(Some(&r))?;
    Ok(())
}

/// The native entry of code with a register-argument entry and no cells: moves the `k`
/// arguments out of the frame (which the runtime made, bound and linked) and runs them
/// through `reg` with the frame's address plus 1 in place of the function
/// (`build_register_entry`'s given-frame mode). The body then has a single caller, `reg`,
/// into which LLVM inlines it: a call from compiled code pays for one native function
/// instead of two.
fn build_frame_entry_via_reg<'ctx>(
    ctx: &'ctx Context,
    module: &Module<'ctx>,
    helpers: &Helpers<'ctx>,
    code: &CodeObject,
    func: FunctionValue<'ctx>,
    reg: FunctionValue<'ctx>,
    k: u32,
) -> R<()> {
    let i64t = ctx.i64_type();
    let (b, frame) = frame_entry_prologue(ctx, helpers, code, func, reg)?;
    let tagged = b.build_or(b.build_ptr_to_int(frame, i64t, "")?, i64t.const_int(1, false), "given")?;
    let mut args: Vec<BasicMetadataValueEnum> = vec![tagged.into()];
    args.extend(take_frame_locals(ctx, module, &b, frame, 0..k)?.into_iter().map(BasicMetadataValueEnum::from));
    let r = ret_value(b.build_call(reg, &args, "r")?)?;
    b.build_return(Some(&r))?;
    Ok(())
}

/// The register-argument entry: `(func, arg0..)` with the arguments' references owned
/// (moved in by the caller). Builds the frame on its own stack around the body; past the
/// recursion limit it drops the arguments and fails before any frame exists (as
/// `frame::call_direct` does).
///
/// Entering is inline when nothing is pending: the thread state (`thread_state`), then the depth
/// bump, the limit, eval-breaker and stack-floor checks, the frame's empty fields zeroed
/// (`FRAME_ZERO_WORDS`) and the four borrowed fields stored, and the link into
/// the thread's frame chain (what `frame::enter_native` does). Any failed check takes
/// `pyrt_frame_enter`, which serves the breaker or raises RecursionError.
///
/// With `given_mode` (code without cells, `build_frame_entry_via_reg`) the first
/// parameter may instead be the address of a frame plus 1 (function objects and frames
/// are 8-aligned, so bit 0 tells them apart): the runtime built, bound, counted and
/// linked that frame, and the body runs in it as is, with no checks, link or unlink.
#[allow(clippy::too_many_arguments)]
fn build_register_entry<'ctx>(
    ctx: &'ctx Context,
    module: &Module<'ctx>,
    helpers: &Helpers<'ctx>,
    code: &CodeObject,
    reg: FunctionValue<'ctx>,
    body: FunctionValue<'ctx>,
    k: u32,
    given_mode: bool,
    boxed: Option<BoxReturned>,
) -> R<()> {
    let i8p = ctx.i8_type().ptr_type(AddressSpace::default());
    let b = wrapper_builder(ctx, helpers, code, reg, "entry");
    let words = b.build_alloca(ctx.i64_type().array_type(NATIVE_FRAME_WORDS), "framemem")?;
    let own_frame = b.build_pointer_cast(words, i8p, "frame")?;
    let params = reg.get_params();
    let func = params[0].into_int_value();
    let ts = thread_state(ctx, module, &b)?;
    let run = ctx.append_basic_block(reg, "run");
    let given = if given_mode { Some(emit_given_frame_test(ctx, &b, reg, func, run)?) } else { None };
    let (fast, slow) = emit_enter_own_frame(ctx, module, &b, reg, ts, own_frame, &params, run)?;
    let frame = match given {
        Some((gframe, given_bb)) => {
            let phi = b.build_phi(i8p, "frame")?;
            phi.add_incoming(&[(&gframe, given_bb), (&own_frame, fast), (&own_frame, slow)]);
            phi.as_basic_value().into_pointer_value()
        }
        None => own_frame,
    };
    let mut args: Vec<BasicMetadataValueEnum> = vec![frame.into()];
    args.extend(params[1..].iter().map(|a| BasicMetadataValueEnum::from(*a)));
    args.extend(new_cells(ctx, module, &b, code, &params[1..])?.into_iter().map(BasicMetadataValueEnum::from));
    args.extend(closure_cells(ctx, &b, code, func)?.into_iter().map(BasicMetadataValueEnum::from));
    let r = ret_value(b.build_call(body, &args, "r")?)?;
    let r = entry_result(ctx, module, &b, r, boxed)?;
    let ts = match given {
        Some(_) => {
            // The runtime unlinks the frame it gave. Which frame ran is read from the
            // frame pointer (live through the body anyway) and the thread state is
            // found again: nothing else stays live across the body.
            let own = b.build_int_compare(inkwell::IntPredicate::EQ, frame, own_frame, "own")?;
            let done = ctx.append_basic_block(reg, "given_done");
            let unlink = ctx.append_basic_block(reg, "unlink");
            b.build_conditional_branch(own, unlink, done)?;
            b.position_at_end(done);
            b.build_return(Some(&r))?;
            b.position_at_end(unlink);
            thread_state(ctx, module, &b)?
        }
        None => ts,
    };
    emit_unlink_frame(ctx, &b, ts, own_frame)?;
    b.build_return(Some(&r))?;
    debug_assert_eq!(params.len() as u32, k + 1);
    Ok(())
}

/// Given-frame mode's test: when bit 0 of `func` is set it is a frame's address plus 1,
/// and the code branches to `run` with that frame; the builder is left in the block for
/// the other case. Returns the frame and the block it comes from.
fn emit_given_frame_test<'ctx>(
    ctx: &'ctx Context,
    b: &Builder<'ctx>,
    reg: FunctionValue<'ctx>,
    func: IntValue<'ctx>,
    run: BasicBlock<'ctx>,
) -> R<(PointerValue<'ctx>, BasicBlock<'ctx>)> {
    let i64t = ctx.i64_type();
    let tag = b.build_and(func, i64t.const_int(1, false), "")?;
    let is_given = b.build_int_compare(inkwell::IntPredicate::NE, tag, i64t.const_zero(), "is_given")?;
    let given_bb = ctx.append_basic_block(reg, "given");
    let own_bb = ctx.append_basic_block(reg, "own");
    b.build_conditional_branch(is_given, given_bb, own_bb)?;
    b.position_at_end(given_bb);
    let i8p = ctx.i8_type().ptr_type(AddressSpace::default());
    let gframe = b.build_int_to_ptr(b.build_xor(func, i64t.const_int(1, false), "")?, i8p, "gframe")?;
    b.build_unconditional_branch(run)?;
    b.position_at_end(own_bb);
    Ok((gframe, given_bb))
}

/// Enters the register entry's own `frame` for the function `params[0]`: inline checks
/// and link (block `fast`), else `pyrt_frame_enter` (block `slow`), both going on to
/// `run`; past the recursion limit the arguments are dropped and the entry returns 0.
/// Returns the two blocks that reach `run`.
#[allow(clippy::too_many_arguments)]
fn emit_enter_own_frame<'ctx>(
    ctx: &'ctx Context,
    module: &Module<'ctx>,
    b: &Builder<'ctx>,
    reg: FunctionValue<'ctx>,
    ts: PointerValue<'ctx>,
    frame: PointerValue<'ctx>,
    params: &[inkwell::values::BasicValueEnum<'ctx>],
    run: BasicBlock<'ctx>,
) -> R<(BasicBlock<'ctx>, BasicBlock<'ctx>)> {
    let func = params[0].into_int_value();
    let fast = ctx.append_basic_block(reg, "enter_fast");
    let slow = ctx.append_basic_block(reg, "enter_slow");
    let fail = ctx.append_basic_block(reg, "recursion");
    let depth1 = emit_enter_checks(ctx, module, b, ts, frame, fast, slow)?;
    b.position_at_end(fast);
    emit_link_frame(ctx, b, ts, frame, func, depth1)?;
    b.build_unconditional_branch(run)?;
    b.position_at_end(slow);
    let st = b.build_call(rt(ctx, module, "pyrt_frame_enter")?, &[frame.into(), func.into()], "st")?;
    let failed = b.build_int_compare(inkwell::IntPredicate::NE, ret_value(st)?, ctx.i32_type().const_zero(), "")?;
    b.build_conditional_branch(failed, fail, run)?;
    b.position_at_end(fail);
    let decref = rt(ctx, module, "pyrt_decref")?;
    for a in &params[1..] {
        b.build_call(decref, &[(*a).into()], "")?;
    }
    b.build_return(Some(&ctx.i64_type().const_zero()))?;
    b.position_at_end(run);
    Ok((fast, slow))
}

/// The cells of `code`'s cell variables for a register-argument call with arguments
/// `args` (owned references): new cells, holding their argument's value for a parameter
/// that is also a cell variable (`cell2arg`, as `frame::Frame::init_cells` does).
fn new_cells<'ctx>(
    ctx: &'ctx Context,
    module: &Module<'ctx>,
    b: &Builder<'ctx>,
    code: &CodeObject,
    args: &[inkwell::values::BasicValueEnum<'ctx>],
) -> R<Vec<IntValue<'ctx>>> {
    let mut cells = Vec::with_capacity(code.cellvars.len());
    for i in 0..code.cellvars.len() {
        let init = match code.cell2arg.get(i).and_then(|&a| usize::try_from(a).ok()).and_then(|a| args.get(a)) {
            Some(a) => {
                // the cell gets its own reference; the argument stays a local too
                b.build_call(rt(ctx, module, "pyrt_incref")?, &[(*a).into()], "")?;
                a.into_int_value()
            }
            None => ctx.i64_type().const_zero(),
        };
        cells.push(ret_value(b.build_call(rt(ctx, module, "pyrt_cell_new")?, &[init.into()], "cell")?)?);
    }
    Ok(cells)
}

/// The free-variable cells of function `func` running `code`, borrowed from its closure
/// tuple: the caller holds `func` for the whole call, `func` holds the tuple (read-only
/// `__closure__`), and the tuple has exactly one cell per free variable of its code (the
/// runtime's `function_setattro` rejects a `__code__` with another count).
fn closure_cells<'ctx>(ctx: &'ctx Context, b: &Builder<'ctx>, code: &CodeObject, func: IntValue<'ctx>) -> R<Vec<IntValue<'ctx>>> {
    if code.freevars.is_empty() {
        return Ok(Vec::new());
    }
    let i64t = ctx.i64_type();
    let i64p = i64t.ptr_type(AddressSpace::default());
    let word = |base: IntValue<'ctx>, off: u64, name: &str| -> R<IntValue<'ctx>> {
        let p = b.build_int_to_ptr(b.build_int_add(base, i64t.const_int(off, false), "")?, i64p, "")?;
        Ok(b.build_load(p, name)?.into_int_value())
    };
    let tuple = word(func, FUNCTION_CLOSURE_OFFSET, "closure")?;
    let items = word(tuple, TUPLE_ITEMS_OFFSET, "cells")?;
    (0..code.freevars.len() as u64).map(|j| word(items, 8 * j, "freecell")).collect()
}

/// This thread's `tstate::ThreadState`: the runtime's thread-local `pyrt_ts`, declared
/// local-exec (the runtime is linked into the executable), so that each field access is
/// one `%fs`-relative instruction.
pub(super) fn thread_state<'ctx>(ctx: &'ctx Context, module: &Module<'ctx>, b: &Builder<'ctx>) -> R<PointerValue<'ctx>> {
    let i8p = ctx.i8_type().ptr_type(AddressSpace::default());
    let g = match module.get_global("pyrt_ts") {
        Some(g) => g,
        None => {
            let g = module.add_global(ctx.i64_type().array_type(TSTATE_WORDS), None, "pyrt_ts");
            g.set_visibility(inkwell::GlobalVisibility::Hidden);
            g.set_thread_local_mode(Some(inkwell::ThreadLocalMode::LocalExecTLSModel));
            g
        }
    };
    Ok(b.build_pointer_cast(g.as_pointer_value(), i8p, "ts")?)
}

/// An external runtime global of type `ty` (declared on first use). Hidden, but for
/// `GOT_GLOBALS`: the runtime is linked into the executable, so the global is addressed
/// directly instead of through the GOT (one instruction less at each use: call
/// prologues, loop back-edges, the published singletons).
fn runtime_global<'ctx>(module: &Module<'ctx>, ty: impl inkwell::types::BasicType<'ctx>, name: &str) -> PointerValue<'ctx> {
    let g = module.get_global(name).unwrap_or_else(|| module.add_global(ty, None, name));
    if !GOT_GLOBALS.contains(&name) {
        g.set_visibility(inkwell::GlobalVisibility::Hidden);
    }
    g.as_pointer_value()
}

/// Runtime globals still reached through the GOT: `pyrt_recursion_limit`, read only by
/// the inline built-in calls' guard (known.rs), measured 3.5% more instructions in
/// nbody when hidden (its loop's register allocation changes: a 64-bit constant is
/// rematerialized at each refcount test) for nothing saved elsewhere.
const GOT_GLOBALS: &[&str] = &["pyrt_recursion_limit"];

/// A relaxed (monotonic) atomic load of the runtime's `i32` global `name`.
pub(super) fn load_runtime_flag<'ctx>(ctx: &'ctx Context, module: &Module<'ctx>, b: &Builder<'ctx>, name: &str) -> R<IntValue<'ctx>> {
    let g = runtime_global(module, ctx.i32_type(), name);
    let v = b.build_load(g, name)?;
    if let Some(inst) = inkwell::values::BasicValue::as_instruction_value(&v) {
        inst.set_alignment(4).map_err(|e| LowerError(e.to_string()))?;
        inst.set_atomic_ordering(inkwell::AtomicOrdering::Monotonic).map_err(|e| LowerError(e.to_string()))?;
    }
    Ok(v.into_int_value())
}

/// Word `i` of the thread state `ts`.
fn tstate_word<'ctx>(ctx: &'ctx Context, b: &Builder<'ctx>, ts: PointerValue<'ctx>, i: u64) -> R<PointerValue<'ctx>> {
    let words = b.build_pointer_cast(ts, ctx.i64_type().ptr_type(AddressSpace::default()), "")?;
    Ok(unsafe { b.build_gep(words, &[ctx.i64_type().const_int(i, false)], "")? })
}

pub(super) fn tstate_depth<'ctx>(ctx: &'ctx Context, b: &Builder<'ctx>, ts: PointerValue<'ctx>) -> R<PointerValue<'ctx>> {
    Ok(b.build_pointer_cast(ts, ctx.i32_type().ptr_type(AddressSpace::default()), "depthp")?)
}

/// Branches to `fast` when one more call level is allowed without the runtime (depth + 1
/// within `pyrt_call_gate`, which is the recursion limit while no eval-breaker request
/// is pending and 0 otherwise: one compare for both; the frame above the stack floor),
/// else to `slow`. Returns depth + 1.
fn emit_enter_checks<'ctx>(
    ctx: &'ctx Context,
    module: &Module<'ctx>,
    b: &Builder<'ctx>,
    ts: PointerValue<'ctx>,
    frame: PointerValue<'ctx>,
    fast: inkwell::basic_block::BasicBlock<'ctx>,
    slow: inkwell::basic_block::BasicBlock<'ctx>,
) -> R<IntValue<'ctx>> {
    use inkwell::IntPredicate::{UGT, ULT};
    let depth = b.build_load(tstate_depth(ctx, b, ts)?, "depth")?.into_int_value();
    let depth1 = b.build_int_add(depth, ctx.i32_type().const_int(1, false), "depth1")?;
    let gate = load_runtime_flag(ctx, module, b, "pyrt_call_gate")?;
    let closed = b.build_int_compare(UGT, depth1, gate, "")?;
    let floor = b.build_load(tstate_word(ctx, b, ts, TSTATE_STACK_FLOOR_WORD)?, "floor")?.into_int_value();
    let sp = b.build_ptr_to_int(frame, ctx.i64_type(), "sp")?;
    let low = b.build_int_compare(ULT, sp, floor, "")?;
    let any = b.build_or(closed, low, "slow")?;
    b.build_conditional_branch(any, slow, fast)?;
    Ok(depth1)
}

/// Stores the new depth, fills the frame (`FRAME_ZERO_WORDS`, then code/func/globals/
/// builtins borrowed from `func`) and makes it the thread's innermost frame.
fn emit_link_frame<'ctx>(
    ctx: &'ctx Context,
    b: &Builder<'ctx>,
    ts: PointerValue<'ctx>,
    frame: PointerValue<'ctx>,
    func: IntValue<'ctx>,
    depth1: IntValue<'ctx>,
) -> R<()> {
    let i64t = ctx.i64_type();
    b.build_store(tstate_depth(ctx, b, ts)?, depth1)?;
    for field in FRAME_ZERO_WORDS {
        b.build_store(frame_field(b, ctx, frame, field)?, i64t.const_zero())?;
    }
    let i64p = i64t.ptr_type(AddressSpace::default());
    let fptr = b.build_int_to_ptr(func, i64p, "funcp")?;
    for (field, word) in [(0u64, Some(FUNCTION_CODE_OFFSET / 8)), (8, None), (16, Some(FUNCTION_CODE_OFFSET / 8 + 1)), (24, Some(FUNCTION_CODE_OFFSET / 8 + 2))] {
        let v = match word {
            Some(w) => b.build_load(unsafe { b.build_gep(fptr, &[i64t.const_int(w, false)], "")? }, "")?.into_int_value(),
            None => func,
        };
        b.build_store(frame_field(b, ctx, frame, field)?, v)?;
    }
    let cur = tstate_word(ctx, b, ts, TSTATE_FRAME_WORD)?;
    let prev = b.build_load(cur, "prev")?;
    b.build_store(frame_field(b, ctx, frame, FRAME_PREV_OFFSET)?, prev)?;
    b.build_store(cur, b.build_ptr_to_int(frame, i64t, "")?)?;
    Ok(())
}

/// Unlinks the frame and drops one level (`frame::leave_native`).
fn emit_unlink_frame<'ctx>(ctx: &'ctx Context, b: &Builder<'ctx>, ts: PointerValue<'ctx>, frame: PointerValue<'ctx>) -> R<()> {
    let prev = b.build_load(frame_field(b, ctx, frame, FRAME_PREV_OFFSET)?, "prev")?;
    b.build_store(tstate_word(ctx, b, ts, TSTATE_FRAME_WORD)?, prev)?;
    let dp = tstate_depth(ctx, b, ts)?;
    let d = b.build_load(dp, "depth")?.into_int_value();
    b.build_store(dp, b.build_int_sub(d, ctx.i32_type().const_int(1, false), "")?)?;
    Ok(())
}

/// Lowers `code` into `func`: the native entry itself (`is_entry`: it answers the
/// null-frame probe with 0 and takes every parameter from the frame) or the body of a
/// code with a register-argument entry (parameters after the frame are the arguments).
#[allow(clippy::too_many_arguments)]
fn lower_into<'a, 'ctx>(
    ctx: &'ctx Context,
    module: &'a Module<'ctx>,
    helpers: &'a Helpers<'ctx>,
    code: &'a CodeObject,
    depths: Vec<Option<u32>>,
    func: FunctionValue<'ctx>,
    fast: bool,
    is_entry: bool,
) -> R<bool> {
    let n = code.instrs.len();
    let i64t = ctx.i64_type();
    let frame = func
        .get_first_param()
        .ok_or_else(|| LowerError("missing frame parameter".into()))?
        .into_pointer_value();
    frame.set_name("frame");

    // ---- sizes ----
    let mut max_depth = code.max_stack;
    let mut scratch_len = 2u32;
    for (pc, ins) in code.instrs.iter().enumerate() {
        if let Some(d) = depths[pc] {
            max_depth = max_depth.max(d + 3);
        }
        scratch_len = scratch_len.max(scratch_need(ins));
    }
    for h in &code.exception_table {
        max_depth = max_depth.max(h.depth + 3);
    }
    if max_depth > 100_000 || scratch_len > 100_000 {
        return unsupported("stack too deep");
    }

    // ---- leaders ----
    let mut leader = vec![false; n];
    leader[0] = true;
    for (pc, ins) in code.instrs.iter().enumerate() {
        if let Some(t) = jump_target(ins) {
            if t as usize >= n {
                return unsupported(format!("jump target {t} out of range"));
            }
            leader[t as usize] = true;
            if pc + 1 < n {
                leader[pc + 1] = true;
            }
        }
        if matches!(ins, Instr::ReturnValue | Instr::RaiseVarargs(_) | Instr::Reraise(_) | Instr::YieldValue) && pc + 1 < n {
            leader[pc + 1] = true;
        }
    }
    for h in &code.exception_table {
        if h.target as usize >= n {
            return unsupported("handler target out of range");
        }
        leader[h.target as usize] = true;
    }
    // ---- entry block: allocas + moving the locals out of the frame ----
    let entry = ctx.append_basic_block(func, "entry");
    let b = ctx.create_builder();
    b.position_at_end(entry);
    let nlocals = code.nlocalsplus();
    let mut locals = Vec::with_capacity(nlocals);
    for i in 0..nlocals {
        locals.push(b.build_alloca(i64t, &format!("local{i}"))?);
    }
    let mut slots = Vec::with_capacity(max_depth as usize);
    for k in 0..max_depth {
        slots.push(b.build_alloca(i64t, &format!("s{k}"))?);
    }
    let scratch_arr = b.build_alloca(i64t.array_type(scratch_len), "scratch")?;
    let zero = ctx.i32_type().const_zero();
    let scratch = unsafe { b.build_gep(scratch_arr, &[zero, zero], "scratch0")? };
    let sync_locals = needs_frame_locals(code).is_some();
    let is_gen = code.is_generator();
    let genbuf = if is_gen {
        let arr = b.build_alloca(i64t.array_type(4), "genbuf")?;
        Some(unsafe { b.build_gep(arr, &[zero, zero], "genbuf0")? })
    } else {
        None
    };
    let keeps_mirror = code.flags & code_flags::OPTIMIZED != 0 && !sync_locals && nlocals > 0;
    let mirror = if keeps_mirror && !is_gen {
        let arr = b.build_alloca(i64t.array_type(nlocals as u32), "mirror")?;
        Some(unsafe { b.build_gep(arr, &[zero, zero], "mirror0")? })
    } else {
        None
    };
    let gen_mirror = keeps_mirror && is_gen && runs_code_while_running(code);
    // unboxed floats (unboxed.rs): only where the runtime sees the locals via the mirror
    let maybe_unbound = maybe_unbound_loads(code, &depths);
    let float_calls: Vec<bool> = if fast {
        let own = func.get_name().to_string_lossy().into_owned();
        (0..n).map(|pc| super::calls::known_entry(module, helpers, code, &depths, &own, pc, "regf").is_some()).collect()
    } else {
        Vec::new()
    };
    let cx = super::unboxed::PlanContext { float_return: !is_entry, float_calls: &float_calls };
    let mut plan = (fast && mirror.is_some())
        .then(|| super::unboxed::FloatPlan::compute(code, &depths, &leader, &maybe_unbound, cx))
        .filter(|p| !p.is_empty());
    // typed loop copies (versioned.rs): their statement starts become leaders, which
    // must leave the plan's homes as they were
    let mut copies = if fast && mirror.is_some() {
        super::versioned::LoopCopies::find(code, &depths, &leader, plan.as_ref(), &|name| {
            let f = helpers.module_functions.get(name)?;
            module.get_function(&format!("{}.reg", f.symbol)).and(f.code.as_ref())
        })
    } else {
        Default::default()
    };
    if !copies.loops.is_empty() {
        for pc in copies.restart_pcs(&depths) {
            leader[pc] = true;
        }
        if let Some(p) = &plan {
            let again = super::unboxed::FloatPlan::compute(code, &depths, &leader, &maybe_unbound, cx);
            if p.home != again.home {
                copies = Default::default();
            }
            plan = Some(again);
        }
    }
    let returns_unboxed = plan.as_ref().map_or(false, |p| p.returns_unboxed);
    let mut fslots = Vec::new();
    let mut fhomes = None;
    let mut attr_pending = None;
    if let Some(p) = &plan {
        if p.borrowed_attr.iter().any(|b| *b) {
            attr_pending = Some(b.build_alloca(ctx.i64_type(), "attr_pending")?);
        }
        let f64t = ctx.f64_type();
        for k in 0..max_depth {
            fslots.push(b.build_alloca(f64t, &format!("f{k}"))?);
        }
        if p.nhomes > 0 {
            let arr = b.build_alloca(f64t.array_type(p.nhomes), "homes")?;
            fhomes = Some(unsafe { b.build_gep(arr, &[zero, zero], "homes0")? });
        }
    }
    let mut entry = entry;
    if is_entry {
        // the null-frame probe (`frame::register_entry`): no register-argument entry;
        // the allocas above stay in the entry block (mem2reg only promotes those)
        let probe = ctx.append_basic_block(func, "probe");
        let run = ctx.append_basic_block(func, "run");
        b.build_conditional_branch(b.build_is_null(frame, "")?, probe, run)?;
        b.position_at_end(probe);
        b.build_return(Some(&i64t.const_zero()))?;
        b.position_at_end(run);
        entry = run;
    }
    let take_name = if sync_locals { "pyrt_frame_peek_local" } else { "pyrt_frame_take_local" };
    let take = runtime_fn(ctx, module, take_name).ok_or_else(|| LowerError("decl".into()))?;
    let nparams = param_count(code) as usize;
    let nvar = code.varnames.len();
    let mut inits = Vec::with_capacity(locals.len());
    for i in 0..locals.len() {
        if is_gen {
            // loaded from the heap frame by the resume dispatch (`gen_dispatch`)
            break;
        }
        let v = if i >= nparams && i < nvar {
            // plain locals are unbound on entry (the caller only binds the parameters)
            i64t.const_zero()
        } else if !is_entry {
            // a body's parameters: the frame, the arguments, the cells (see `lower_function`)
            let p = if i < nparams { i + 1 } else { nparams + 1 + (i - nvar) };
            func.get_nth_param(p as u32)
                .ok_or_else(|| LowerError("register entry parameter missing".into()))?
                .into_int_value()
        } else {
            b.build_call(take, &[frame.into(), ctx.i32_type().const_int(i as u64, false).into()], "")?
                .try_as_basic_value()
                .basic()
                .ok_or_else(|| LowerError("take_local returned void".into()))?
                .into_int_value()
        };
        b.build_store(locals[i], v)?;
        inits.push(v);
    }
    if let Some(m) = mirror {
        for (i, v) in inits.iter().enumerate() {
            let p = unsafe { b.build_gep(m, &[i64t.const_int(i as u64, false)], "")? };
            b.build_store(p, *v)?;
        }
        let field = frame_field(&b, ctx, frame, FRAME_NATIVE_LOCALS_OFFSET)?;
        b.build_store(field, b.build_ptr_to_int(m, i64t, "")?)?;
    }
    let entry_b = ctx.create_builder();
    entry_b.position_at_end(entry);

    let mut blocks = vec![None; n];
    for pc in 0..n {
        if leader[pc] {
            blocks[pc] = Some(ctx.append_basic_block(func, &format!("pc{pc}")));
        }
    }

    let deref_borrow = if fast { borrowed_derefs(code, &leader, &maybe_unbound) } else { Vec::new() };
    let direct = if fast { super::known::DirectCalls::compute(code, &depths, &leader, param_count(code)) } else { Default::default() };
    // ---- possibly-unbound locals ----
    let mut l = Lower {
        ctx,
        module,
        b: ctx.create_builder(),
        entry_b,
        code,
        depths,
        func,
        frame,
        slots,
        locals,
        scratch,
        scratch_len,
        blocks,
        helpers,
        fast,
        tb_blocks: HashMap::new(),
        unwind_blocks: HashMap::new(),
        singletons: HashMap::new(),
        maybe_unbound,
        nvarnames: code.varnames.len() as u32,
        genbuf,
        sync_locals,
        deref_borrow,
        self_callees: Vec::new(),
        borrowed_from: if is_entry { nlocals } else { nlocals - code.freevars.len() } as u32,
        fname: func.get_name().to_string_lossy().into_owned(),
        mirror,
        gen_mirror,
        pc_now: 0,
        plan,
        fslots,
        fhomes,
        attr_pending,
        direct,
    };

    // ---- instructions ----
    let first = l.blocks[0].unwrap();
    l.b.position_at_end(first);
    // block 0 is a leader: entering it below must not add a branch
    let mut terminated = true;
    let mut pc = 0usize;
    let track_lines = code.flags & (code_flags::COROUTINE | code_flags::ASYNC_GENERATOR) != 0;
    let mut stored_line = None;
    while pc < n {
        if let Some(bb) = l.blocks[pc] {
            if !terminated {
                l.b.build_unconditional_branch(bb)?;
            }
            l.b.position_at_end(bb);
            if let Some(copy) = copies.at_head(pc) {
                l.lower_loop_copy(copy)?;
            }
        } else if terminated {
            pc += 1;
            continue;
        }
        let Some(d) = l.depths[pc] else {
            // unreachable code
            l.b.build_unreachable()?;
            terminated = true;
            pc += 1;
            continue;
        };
        l.pc_now = pc;
        let line = code.lines.get(pc).copied();
        if track_lines && (l.blocks[pc].is_some() || stored_line != line) {
            // coroutine bodies keep the frame's current line up to date, for the
            // "coroutine ... was never awaited" warning of a coroutine dropped there
            l.store_lasti(pc)?;
            stored_line = line;
        }
        if let Some(dbg) = &l.helpers.debug {
            dbg.at_instruction(&l.b, func, code, pc);
        }
        let step = l.lower_instr(pc, d)?;
        terminated = l.current_terminated();
        pc += 1 + step as usize;
    }
    if !terminated {
        l.b.build_unreachable()?;
    }
    let start = if is_gen { l.gen_dispatch()? } else { first };
    l.entry_b.build_unconditional_branch(start)?;
    Ok(returns_unboxed)
}

/// Per pc: whether the `LoadDeref` there may push the cell's value without a reference of
/// its own, because it is the container of the subscript two instructions on
/// (`cells[i]`, `cells[i] = v`) with only a load that cannot fail or run code in between
/// (a bound local or a constant) and no jump into the sequence. Nothing can rebind the
/// cell before the subscript uses the container; the subscript's inline path never runs
/// Python code, and its runtime path takes a reference first (`Lower::protect_deref`),
/// since that code could rebind the cell and free the container under it.
fn borrowed_derefs(code: &CodeObject, leader: &[bool], maybe_unbound: &[bool]) -> Vec<bool> {
    let n = code.instrs.len();
    let mut out = vec![false; n];
    for pc in 0..n.saturating_sub(2) {
        let quiet_key = match code.instrs[pc + 1] {
            Instr::LoadFast(_) => !maybe_unbound.get(pc + 1).copied().unwrap_or(true),
            Instr::LoadConst(_) => true,
            _ => false,
        };
        out[pc] = matches!(code.instrs[pc], Instr::LoadDeref(_))
            && quiet_key
            && matches!(code.instrs[pc + 2], Instr::BinarySubscr | Instr::StoreSubscr)
            && !leader[pc + 1]
            && !leader[pc + 2];
    }
    out
}

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// Whether the container operand of the subscript at `pc` is a borrowed cell value
    /// (`borrowed_derefs`): never released; `protect_deref` before its runtime path.
    pub fn deref_container_borrowed(&self, pc: usize) -> bool {
        pc >= 2 && self.deref_borrow.get(pc - 2).copied().unwrap_or(false)
    }

    /// Before the runtime path of the subscript at `pc`: takes a reference to a borrowed
    /// container (that path releases it as an owned operand).
    pub fn protect_deref(&self, pc: usize, obj: IntValue<'ctx>) -> R<()> {
        if self.deref_container_borrowed(pc) {
            self.incref(obj)?;
        }
        Ok(())
    }

    pub fn current_terminated(&self) -> bool {
        self.b
            .get_insert_block()
            .map(|bb| bb.get_terminator().is_some())
            .unwrap_or(true)
    }

    pub fn i32c(&self, v: u64) -> IntValue<'ctx> {
        self.ctx.i32_type().const_int(v, false)
    }
    pub fn i64c(&self, v: u64) -> IntValue<'ctx> {
        self.ctx.i64_type().const_int(v, false)
    }
    pub fn i64s(&self, v: i64) -> IntValue<'ctx> {
        self.ctx.i64_type().const_int(v as u64, true)
    }

    pub fn slot(&self, k: u32) -> R<PointerValue<'ctx>> {
        self.slots
            .get(k as usize)
            .copied()
            .ok_or_else(|| LowerError(format!("stack slot {k} out of range")))
    }
    pub fn local(&self, i: u32) -> R<PointerValue<'ctx>> {
        self.locals
            .get(i as usize)
            .copied()
            .ok_or_else(|| LowerError(format!("local {i} out of range")))
    }
    pub fn load_slot(&self, k: u32) -> R<IntValue<'ctx>> {
        Ok(self.b.build_load(self.slot(k)?, &format!("s{k}v"))?.into_int_value())
    }
    pub fn store_slot(&self, k: u32, v: IntValue<'ctx>) -> R<()> {
        self.b.build_store(self.slot(k)?, v)?;
        Ok(())
    }
    pub fn load_local(&self, i: u32) -> R<IntValue<'ctx>> {
        Ok(self.b.build_load(self.local(i)?, &format!("l{i}v"))?.into_int_value())
    }
    pub fn store_local(&self, i: u32, v: IntValue<'ctx>) -> R<()> {
        self.b.build_store(self.local(i)?, v)?;
        let m = if self.gen_mirror { Some(self.gen_mirror_base()?) } else { self.mirror };
        if let Some(m) = m {
            // before the caller drops the old value (whose finalizer may look)
            let p = unsafe { self.b.build_gep(m, &[self.i64c(i as u64)], "")? };
            self.b.build_store(p, v)?;
        }
        Ok(())
    }
    /// `frame.lasti = pc`.
    pub fn store_lasti(&self, pc: usize) -> R<()> {
        let p = frame_field(&self.b, self.ctx, self.frame, FRAME_LASTI_OFFSET)?;
        let p = self.b.build_pointer_cast(p, self.ctx.i32_type().ptr_type(AddressSpace::default()), "")?;
        self.b.build_store(p, self.i32c(pc as u64))?;
        Ok(())
    }
    /// Pointer to scratch element `i`.
    pub fn scratch_at(&self, i: u32) -> R<PointerValue<'ctx>> {
        if i >= self.scratch_len {
            return unsupported("scratch array too small");
        }
        Ok(unsafe { self.b.build_gep(self.scratch, &[self.i64c(i as u64)], "sc")? })
    }

    /// Calls runtime function `name`; returns its result (None for void functions).
    pub fn call(&self, name: &str, args: &[BasicMetadataValueEnum<'ctx>]) -> R<Option<IntValue<'ctx>>> {
        let f = runtime_fn(self.ctx, self.module, name)
            .ok_or_else(|| LowerError(format!("unknown runtime function {name}")))?;
        if !NO_LASTI.contains(&name) {
            // callees see the running line (`f_lineno` of callers, logging, warnings);
            // inline fast paths carry no store, only the calls of their slow paths
            self.store_lasti(self.pc_now)?;
        }
        let cs = self.b.build_call(f, args, "")?;
        Ok(cs.try_as_basic_value().basic().map(|v| v.into_int_value()))
    }
    /// i1 `first && rest` (`or` false) or `first || rest` (`or` true), short-circuit:
    /// `rest` is built in a block of its own (`<name>_more`), reached only when `first`
    /// does not decide, so it may read what `first` guards (the type word of a word once
    /// it is known to be an object).
    pub fn short_circuit(&mut self, first: IntValue<'ctx>, or: bool, name: &str, rest: impl FnOnce(&mut Self) -> R<IntValue<'ctx>>) -> R<IntValue<'ctx>> {
        let bool_t = self.ctx.bool_type();
        let from = self.b.get_insert_block().expect("positioned");
        let more = self.new_block(&format!("{name}_more"));
        let done = self.new_block(&format!("{name}_done"));
        if or {
            self.b.build_conditional_branch(first, done, more)?;
        } else {
            self.b.build_conditional_branch(first, more, done)?;
        }
        self.b.position_at_end(more);
        let rest = rest(self)?;
        let more_end = self.b.get_insert_block().expect("positioned");
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        let phi = self.b.build_phi(bool_t, name)?;
        phi.add_incoming(&[(&bool_t.const_int(or as u64, false), from), (&rest, more_end)]);
        Ok(phi.as_basic_value().into_int_value())
    }

    /// Calls a runtime function returning a value word or status.
    pub fn call_v(&self, name: &str, args: &[BasicMetadataValueEnum<'ctx>]) -> R<IntValue<'ctx>> {
        self.call(name, args)?
            .ok_or_else(|| LowerError(format!("{name} returns void")))
    }

    /// A singleton (`pyrt_none`/`pyrt_true`/`pyrt_false`), fetched once in the entry block
    /// (through a module-level cache, see `singleton_getter`).
    pub fn singleton(&mut self, name: &'static str) -> R<IntValue<'ctx>> {
        if let Some(v) = self.singletons.get(name) {
            return Ok(*v);
        }
        let label = name.trim_start_matches("pyrt_");
        let v = match PUBLISHED_SINGLETONS.iter().position(|n| *n == name) {
            // published before any native code runs: one load, no first-use check
            Some(i) if self.fast => {
                let i64t = self.ctx.i64_type();
                let words = runtime_global(self.module, i64t.array_type(PUBLISHED_SINGLETONS.len() as u32), "pyrt_singleton_words");
                let z = self.ctx.i32_type().const_zero();
                let at = unsafe { self.entry_b.build_gep(words, &[z, self.ctx.i32_type().const_int(i as u64, false)], "")? };
                let v = self.entry_b.build_load(at, label)?;
                if let Some(inst) = inkwell::values::BasicValue::as_instruction_value(&v) {
                    inst.set_metadata(self.ctx.metadata_node(&[]), self.ctx.get_kind_id("invariant.load")).map_err(|e| LowerError(e.to_string()))?;
                }
                v.into_int_value()
            }
            _ => {
                let f = singleton_getter(self.ctx, self.module, name)?;
                self.entry_b
                    .build_call(f, &[], label)?
                    .try_as_basic_value()
                    .basic()
                    .ok_or_else(|| LowerError("singleton getter returns void".into()))?
                    .into_int_value()
            }
        };
        self.singletons.insert(name, v);
        Ok(v)
    }

    /// `consts[i]` as a new reference. With the fast paths on, the object is fetched from
    /// the runtime once and cached in an internal global (which keeps one reference for
    /// the life of the process; constants are immutable and owned by the code object).
    pub fn load_const_obj(&mut self, i: u32) -> R<IntValue<'ctx>> {
        if !self.fast {
            return self.call_v("pyrt_load_const", &[self.frame.into(), self.i32c(i as u64).into()]);
        }
        let i64t = self.ctx.i64_type();
        let gname = format!("{}_const{}", self.fname, i);
        let g = match self.module.get_global(&gname) {
            Some(g) => g,
            None => {
                let g = self.module.add_global(i64t, None, &gname);
                g.set_linkage(Linkage::Internal);
                g.set_initializer(&i64t.const_zero());
                g
            }
        };
        let cached = self.b.build_load(g.as_pointer_value(), "const")?.into_int_value();
        let miss = self.new_block("const_miss");
        let hit = self.new_block("const_hit");
        let join = self.new_block("const_join");
        let z = self.b.build_int_compare(inkwell::IntPredicate::EQ, cached, self.i64c(0), "")?;
        self.b.build_conditional_branch(z, miss, hit)?;
        self.b.position_at_end(hit);
        self.incref(cached)?;
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(miss);
        let v = self.call_v("pyrt_load_const", &[self.frame.into(), self.i32c(i as u64).into()])?;
        // one reference for the cache, one for the stack
        self.incref(v)?;
        self.b.build_store(g.as_pointer_value(), v)?;
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        let phi = self.b.build_phi(i64t, "constv")?;
        phi.add_incoming(&[(&cached, hit), (&v, miss)]);
        Ok(phi.as_basic_value().into_int_value())
    }

    /// Block of the leader at `pc`.
    pub fn block_at(&self, pc: u32) -> R<BasicBlock<'ctx>> {
        self.blocks
            .get(pc as usize)
            .copied()
            .flatten()
            .ok_or_else(|| LowerError(format!("no block at pc {pc}")))
    }

    pub fn new_block(&self, name: &str) -> BasicBlock<'ctx> {
        self.ctx.append_basic_block(self.func, name)
    }

    /// The block to branch to for a jump from `from` to `target`: a back-edge (target at
    /// or before `from`) goes through a block that loads the eval breaker and calls
    /// `pyrt_handle_eval_breaker` only when it is set (GIL hand-over, signals, GC).
    pub fn edge_to(&mut self, from: usize, target: u32) -> R<BasicBlock<'ctx>> {
        let tb = self.block_at(target)?;
        if target as usize > from {
            return Ok(tb);
        }
        let depth = self.depths[target as usize]
            .ok_or_else(|| LowerError("back-edge to unreachable code".into()))?;
        let saved = self.b.get_insert_block();
        let bb = self.new_block(&format!("backedge{from}"));
        self.b.position_at_end(bb);
        let set = self.eval_breaker_set()?;
        let slow = self.new_block(&format!("breaker{from}"));
        self.b.build_conditional_branch(set, slow, tb)?;
        self.b.position_at_end(slow);
        let st = self.call_v("pyrt_handle_eval_breaker", &[])?;
        self.check_status(st, from, depth, true)?;
        self.b.build_unconditional_branch(tb)?;
        if let Some(s) = saved {
            self.b.position_at_end(s);
        }
        Ok(bb)
    }

    /// `pyrt_eval_breaker != 0` (a relaxed atomic load of the runtime's flag word).
    fn eval_breaker_set(&self) -> R<IntValue<'ctx>> {
        let v = load_runtime_flag(self.ctx, self.module, &self.b, "pyrt_eval_breaker")?;
        Ok(self.b.build_int_compare(inkwell::IntPredicate::NE, v, self.i32c(0), "breaker_set")?)
    }

    /// Decrefs the stack slots `lo..hi` (slots may hold NULL).
    pub fn xdecref_slots(&self, lo: u32, hi: u32) -> R<()> {
        for k in lo..hi {
            let v = self.load_slot(k)?;
            self.xdecref(v)?;
        }
        Ok(())
    }
    /// Clears `Frame::native_locals`: the runtime reads the frame's `localsplus` again.
    pub fn hide_mirror(&self) -> R<()> {
        let field = frame_field(&self.b, self.ctx, self.frame, FRAME_NATIVE_LOCALS_OFFSET)?;
        self.b.build_store(field, self.i64c(0))?;
        Ok(())
    }
    /// Decrefs every local (they may be unbound = 0), once the frame no longer shows them.
    pub fn xdecref_locals(&self) -> R<()> {
        if self.mirror.is_some() || self.gen_mirror {
            self.hide_mirror()?;
        }
        for i in 0..self.borrowed_from {
            let v = self.load_local(i)?;
            self.xdecref(v)?;
        }
        Ok(())
    }
}

/// Pointer (i64*) to the 8-byte frame field at byte `offset`.
fn frame_field<'ctx>(b: &Builder<'ctx>, ctx: &'ctx Context, frame: PointerValue<'ctx>, offset: u64) -> R<PointerValue<'ctx>> {
    let p = unsafe { b.build_gep(frame, &[ctx.i64_type().const_int(offset, false)], "")? };
    Ok(b.build_pointer_cast(p, ctx.i64_type().ptr_type(AddressSpace::default()), "")?)
}

/// The singletons the runtime publishes in `pyrt_singleton_words` at start-up, in that
/// order (runtime abi.rs `init_inline_layouts`).
pub const PUBLISHED_SINGLETONS: [&str; 4] = ["pyrt_none", "pyrt_true", "pyrt_false", "pyrt_float_type"];

/// `i64 pyc_get_<name>()`: returns the singleton, calling the runtime only the first time
/// (the value is cached in an internal global; singletons are immortal and never move).
/// With the fast paths off it is a plain call of the runtime getter.
pub fn singleton_getter<'ctx>(ctx: &'ctx Context, module: &Module<'ctx>, name: &str) -> R<FunctionValue<'ctx>> {
    let rt = runtime_fn(ctx, module, name).ok_or_else(|| LowerError(format!("unknown runtime function {name}")))?;
    let gname = format!("pyc_get_{}", name.trim_start_matches("pyrt_"));
    if let Some(f) = module.get_function(&gname) {
        return Ok(f);
    }
    let i64t = ctx.i64_type();
    let cache = module.add_global(i64t, None, &format!("pyc_cache_{}", name.trim_start_matches("pyrt_")));
    cache.set_linkage(Linkage::Internal);
    cache.set_initializer(&i64t.const_zero());
    let f = module.add_function(&gname, i64t.fn_type(&[], false), Some(Linkage::Internal));
    for a in ["alwaysinline", "nounwind"] {
        f.add_attribute(
            inkwell::attributes::AttributeLoc::Function,
            ctx.create_enum_attribute(inkwell::attributes::Attribute::get_named_enum_kind_id(a), 0),
        );
    }
    let b = ctx.create_builder();
    let entry = ctx.append_basic_block(f, "entry");
    let miss = ctx.append_basic_block(f, "miss");
    let hit = ctx.append_basic_block(f, "hit");
    b.position_at_end(entry);
    let v = b.build_load(cache.as_pointer_value(), "cached")?.into_int_value();
    let z = b.build_int_compare(inkwell::IntPredicate::EQ, v, i64t.const_zero(), "")?;
    b.build_conditional_branch(z, miss, hit)?;
    b.position_at_end(hit);
    b.build_return(Some(&v))?;
    b.position_at_end(miss);
    let r = b
        .build_call(rt, &[], "")?
        .try_as_basic_value()
        .basic()
        .ok_or_else(|| LowerError("singleton getter returns void".into()))?;
    b.build_store(cache.as_pointer_value(), r)?;
    b.build_return(Some(&r))?;
    Ok(f)
}

/// Definite-assignment analysis over `varnames`: for each instruction, whether a
/// `LoadFast` there may see an unbound local. Parameters start bound; `StoreFast` binds,
/// `DeleteFast` unbinds, a successful `LoadFast`/`DeleteFast` check proves boundness. A
/// handler sees the intersection of the states of the instructions it covers.
pub fn maybe_unbound_loads(code: &CodeObject, depths: &[Option<u32>]) -> Vec<bool> {
    let n = code.instrs.len();
    let nv = code.varnames.len();
    let words = nv.div_ceil(64).max(1);
    let full = |bs: &mut Vec<u64>| {
        for w in bs.iter_mut() {
            *w = !0;
        }
    };
    let get = |bs: &[u64], i: usize| bs[i / 64] >> (i % 64) & 1 == 1;
    let set = |bs: &mut [u64], i: usize, v: bool| {
        if v {
            bs[i / 64] |= 1 << (i % 64)
        } else {
            bs[i / 64] &= !(1 << (i % 64))
        }
    };
    // state[pc] = locals definitely bound on entry to pc (None = not reached yet)
    let mut state: Vec<Option<Vec<u64>>> = vec![None; n];
    let mut entry = vec![0u64; words];
    for i in 0..(param_count(code) as usize).min(nv) {
        set(&mut entry, i, true);
    }
    let mut work = vec![0usize];
    state[0] = Some(entry);
    let mut handler_in: Vec<Vec<u64>> = code.exception_table.iter().map(|_| {
        let mut v = vec![0u64; words];
        full(&mut v);
        v
    }).collect();
    let merge = |state: &mut Vec<Option<Vec<u64>>>, work: &mut Vec<usize>, pc: usize, bs: &[u64]| {
        if pc >= state.len() {
            return;
        }
        match &mut state[pc] {
            None => {
                state[pc] = Some(bs.to_vec());
                work.push(pc);
            }
            Some(cur) => {
                let mut changed = false;
                for (c, b) in cur.iter_mut().zip(bs) {
                    let nw = *c & *b;
                    if nw != *c {
                        *c = nw;
                        changed = true;
                    }
                }
                if changed {
                    work.push(pc);
                }
            }
        }
    };
    while let Some(pc) = work.pop() {
        let Some(inb) = state[pc].clone() else { continue };
        if depths.get(pc).copied().flatten().is_none() {
            continue;
        }
        // exceptions raised here reach the handler with the entry state
        if let Some(hi) = code.exception_table.iter().position(|e| e.start as usize <= pc && pc < e.end as usize) {
            let mut changed = false;
            for (h, b) in handler_in[hi].iter_mut().zip(&inb) {
                let nw = *h & *b;
                if nw != *h {
                    *h = nw;
                    changed = true;
                }
            }
            let t = code.exception_table[hi].target as usize;
            if changed || state.get(t).map(|s| s.is_none()).unwrap_or(false) {
                let hb = handler_in[hi].clone();
                merge(&mut state, &mut work, t, &hb);
            }
        }
        let ins = code.instrs[pc];
        let mut out = inb.clone();
        match ins {
            Instr::StoreFast(i) | Instr::LoadFast(i) if (i as usize) < nv => set(&mut out, i as usize, true),
            Instr::DeleteFast(i) if (i as usize) < nv => set(&mut out, i as usize, false),
            _ => {}
        }
        if let Some(t) = jump_target(&ins) {
            merge(&mut state, &mut work, t as usize, &out);
        }
        if !ins.is_terminator() {
            merge(&mut state, &mut work, pc + 1, &out);
        }
    }
    (0..n)
        .map(|pc| match (code.instrs[pc], &state[pc]) {
            (Instr::LoadFast(i), Some(bs)) if (i as usize) < nv => !get(bs, i as usize),
            _ => true,
        })
        .collect()
}

/// Native code moves the frame's locals into its own slots, so code that reads them back
/// from the frame at run time is lowered with `sync_locals`: the frame keeps a copy of
/// every local (`pyrt_frame_peek_local` at entry, `pyrt_frame_set_local` on each store
/// and delete). Returns why, or None when the locals can move.
pub fn needs_frame_locals(code: &CodeObject) -> Option<String> {
    if code.freevars.iter().any(|n| n == "__class__") {
        return Some("zero-argument super()/__class__ reads the arguments from the frame".into());
    }
    // the name-based check only matters in function scopes (module and class bodies keep
    // their variables in the namespace mapping, which native code does not move)
    if code.flags & code_flags::OPTIMIZED != 0 {
        for n in ["locals", "vars", "dir", "eval", "exec", "_getframe"] {
            if code.names.iter().any(|x| x == n) {
                return Some(format!("uses `{n}`, which reads the frame's locals"));
            }
        }
    }
    None
}
