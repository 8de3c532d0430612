//! `generator`: generator objects. A generator owns its heap `Frame`; `resume` (in the
//! common cases `send_quick`/`gen_next`) runs it until the next `YieldValue` or the end,
//! through the interpreter or through the code object's native resume function
//! (`native_resume`; the native body takes its locals and saved operand stack out of the
//! frame at entry and puts them back at each yield, through the pointers of
//! `NativeExchange`, so both paths share the frame layout: `pc` = resume point, `stack` =
//! saved operand stack). Implements `__next__`/`send`/`throw`/`close`, `gi_running`
//! ("generator already executing"), return value → `StopIteration(value)`, PEP 479
//! (`StopIteration` escaping the body becomes `RuntimeError`), `yield from` delegation of
//! `send`/`throw`/`close`, and close-on-finalization (`GeneratorExit`).

use pyc_frontend::bytecode::Instr;

use super::typeobj::MethodDef;
use super::TypeSpec;
use crate::errors::{self, type_error, value_error};
use crate::frame::{self, Frame};
use crate::interp::{self, Exit, SendResult};
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::protocol;
use crate::types::exceptions::{self as excs, exc};
use crate::types::code::as_code;
use crate::types::function::as_function;
use crate::types::{none, str as pystr, types};

#[repr(C)]
pub struct GeneratorObj {
    pub head: ObjHeader,
    /// Set before each run of a native body, which reads and writes it in IR.
    pub exchange: NativeExchange,
    /// None once the generator has finished (returned, raised or been closed).
    pub frame: Option<Box<Frame>>,
    pub running: bool,
    pub started: bool,
    pub name: Obj,
    pub qualname: Obj,
    pub code: Obj,
    /// The exception being handled inside the generator while it is suspended.
    pub exc_state: Option<Obj>,
    /// The code's native resume function, unless the interpreter runs it (no native
    /// entry, or `PYC_INTERP`): looked up once, at creation.
    pub native: Option<crate::types::code::NativeFn>,
}

/// What a native generator body (codegen/generators.rs, `GEN_EXCHANGE_*`) finds at fixed
/// offsets in its generator object (reached through `Frame::generator`): the runtime
/// fills it right before calling the body, so entering and suspending cost the body a
/// few loads and stores instead of runtime calls.
#[repr(C)]
pub struct NativeExchange {
    /// The frame's `localsplus` as words (0 = unbound). The body moves them into its
    /// registers at entry (copies them when it keeps frame-synchronised locals) and back
    /// at each yield.
    pub locals: *mut u64,
    /// The frame's saved operand stack, as words, with room for `max_stack + 2`. At entry
    /// it holds what the frame saved; the frame's length is 0 while the body runs (the
    /// body owns those references). At a yield the body writes the slots below the
    /// yielded value here.
    pub stack: *mut u64,
    /// In: `(resume pc << 1) | throwing`. Out, at a yield: how many words the body left
    /// in `stack`, with `GEN_STATE_DELEGATING` at the yield of a `yield from` (kept
    /// until the next run: `send_quick` reads it).
    pub state: u64,
    /// The value sent in (a reference the body takes), the top of the operand stack at
    /// the resume point; 0 on the first run and when an exception is thrown in.
    pub sent: u64,
}

/// The flag the body sets in `NativeExchange::state` when it yields from inside a
/// `yield from` (codegen/generators.rs, same value): suspended there, the generator can
/// delegate a `send` straight to its sub-iterator (`send_quick`).
const GEN_STATE_DELEGATING: u64 = 1 << 32;

// The layout the codegen relies on (codegen/generators.rs): a frame's `Option<Obj>` slots
// are plain words, the exchange record follows the object header, `Frame::pc` and
// `Frame::generator` sit where the body reads and writes them.
const _: () = assert!(std::mem::size_of::<Option<Obj>>() == 8);
const _: () = assert!(std::mem::offset_of!(GeneratorObj, exchange) == 16);
const _: () = assert!(std::mem::offset_of!(NativeExchange, stack) == 8 && std::mem::offset_of!(NativeExchange, state) == 16);
const _: () = assert!(std::mem::offset_of!(NativeExchange, sent) == 24);
const _: () = assert!(std::mem::offset_of!(Frame, pc) == 160 && std::mem::offset_of!(Frame, generator) == 176);

#[inline]
#[allow(clippy::mut_from_ref)]
pub(crate) fn gen_mut(g: &Obj) -> &mut GeneratorObj {
    unsafe { g.payload_mut::<GeneratorObj>() }
}

pub fn is_generator(o: &Obj) -> bool {
    !o.is_small_int() && (o.is_exact(types().generator) || o.is_exact(types().coroutine))
}

/// "generator", "coroutine" or "async generator" (for error messages).
fn kind(g: &Obj) -> &'static str {
    if g.is_exact(types().coroutine) {
        "coroutine"
    } else if g.is_exact(types().async_generator) {
        "async generator"
    } else {
        "generator"
    }
}

/// A generator running `frame` (already bound by `Frame::for_call`).
pub fn new_generator(mut frame: Box<Frame>) -> Obj {
    let (name, qualname) = match &frame.func {
        Some(f) => (as_function(f).name.clone(), as_function(f).qualname.clone()),
        None => (frame.code_obj().name.clone(), frame.code_obj().qualname.clone()),
    };
    let code = frame.code.clone();
    frame.pc = 0;
    let flags = frame.code_obj().code.flags;
    let ty = if flags & pyc_frontend::bytecode::code_flags::COROUTINE != 0 {
        types().coroutine
    } else if flags & pyc_frontend::bytecode::code_flags::ASYNC_GENERATOR != 0 {
        types().async_generator
    } else {
        types().generator
    };
    let native = as_code(&frame.code).native.filter(|_| !frame::force_interp());
    if native.is_some() {
        // the body's saved stack, at its largest (`native_resume`), and after it the room
        // of the locals mirror that a body which runs other code makes on its first run
        // (codegen/generators.rs `gen_mirror_setup`, which writes there without a check:
        // the buffer never moves afterwards, so every native generator needs the room;
        // the mirror then shows the generator's locals for the rest of its life, to
        // `gi_frame` and a callee's `sys._getframe(1)`, as borrowed words). One
        // allocation (`with_capacity` on the frame's empty vector: a plain allocation,
        // not `reserve`'s growth path; a recycled frame's vector has its own capacity).
        let need = frame.co().max_stack as usize + 2 + frame.localsplus.len();
        if frame.stack.capacity() == 0 {
            frame.stack = Vec::with_capacity(need);
        } else {
            frame.stack.reserve(need);
        }
    }
    // The exchange record points at the boxed frame's buffers from the start (they do not
    // move: see `native_resume`), so that the first run may take the quick path too.
    let (locals, stack) = (frame.localsplus.as_mut_ptr().cast(), frame.stack.as_mut_ptr().cast());
    let g = alloc(
        ty,
        GeneratorObj {
            head: header(),
            exchange: NativeExchange { locals, stack, state: 0, sent: 0 },
            frame: None,
            running: false,
            started: false,
            name,
            qualname,
            code,
            exc_state: None,
            native,
        },
    );
    frame.generator = g.raw();
    gen_mut(&g).frame = Some(frame);
    g
}

/// The code word a call site's entry guards on (codegen/calls.rs) when `func` is a
/// generator, coroutine or async generator function (an exact `function`): calling it
/// only makes the generator object, whatever its code, so the site may call any function
/// with that code through `abi`'s generator trampoline (`call_function_positional`,
/// which binds the arguments, counts the recursion level and builds the object).
pub fn creation_target(func: &Obj) -> Option<u64> {
    if !crate::types::function::is_function(func) {
        return None;
    }
    let code = &as_function(func).code;
    as_code(code).info.is_generator.then(|| code.raw())
}

/// Resumes the generator: `sent` is pushed as the value of the pending `yield` (not on the
/// first run), or `throw` is raised at the suspension point.
pub(crate) fn resume(g: &Obj, sent: Obj, throw: Option<PyErr>) -> PyResult<SendResult> {
    let gm = gen_mut(g);
    if gm.running {
        return Err(value_error(format!("{} already executing", kind(g))));
    }
    let Some(mut fr) = gm.frame.take() else {
        return match throw {
            Some(e) => Err(e),
            None if kind(g) == "coroutine" => Err(errors::runtime_error("cannot reuse already awaited coroutine")),
            None => Ok(SendResult::Return(none::none())),
        };
    };
    // the value the pending `yield` evaluates to (none on the first run or when throwing)
    let sent = if !gm.started {
        if throw.is_none() && !none::is_none(&sent) {
            gm.frame = Some(fr);
            return Err(type_error(format!("can't send non-None value to a just-started {}", kind(g))));
        }
        gm.started = true;
        None
    } else {
        throw.is_none().then_some(sent)
    };
    gm.running = true;
    if let Err(e) = crate::recursion::enter() {
        gm.running = false;
        gm.frame = Some(fr);
        return Err(e);
    }
    let handled = HandledSwap::enter(gm.exc_state.take());
    frame::push(&mut fr);
    let r = match gm.native {
        Some(entry) => native_resume(std::ptr::addr_of_mut!(gm.exchange), &mut fr, entry, sent, throw),
        None => {
            if let Some(v) = sent {
                fr.stack.push(Some(v));
            }
            interp::eval(&mut fr, throw)
        }
    };
    frame::pop(&mut fr);
    crate::recursion::leave();
    let gm = gen_mut(g);
    gm.running = false;
    match &r {
        Ok(Exit::Yield(_)) => gm.exc_state = handled.suspend(),
        _ => handled.finish(),
    }
    finish_run(g, fr, r)
}

/// The end of one run of generator `g`'s body (`fr`, its frame): a suspended frame goes
/// back to the generator, a finished one is dropped; `StopIteration` escaping the body
/// becomes `RuntimeError` (PEP 479).
#[inline(always)]
fn finish_run(g: &Obj, fr: Box<Frame>, r: PyResult<Exit>) -> PyResult<SendResult> {
    match r {
        Ok(Exit::Yield(v)) => {
            let slot = &mut gen_mut(g).frame;
            debug_assert!(slot.is_none());
            // SAFETY: the generator's frame slot is empty while its body runs (`resume`
            // and `send_quick` took the frame out): nothing to drop.
            unsafe { std::ptr::write(slot, Some(fr)) };
            Ok(SendResult::Yield(v))
        }
        Ok(Exit::Return(v)) => finish_ended(g, fr, Ok(v)),
        Err(e) => finish_ended(g, fr, Err(e)),
    }
}

/// `finish_run` of a body that returned `Ok(value)` or raised (out of the resumption's
/// inlined path).
#[inline(never)]
fn finish_ended(g: &Obj, fr: Box<Frame>, r: PyResult<Obj>) -> PyResult<SendResult> {
    match r {
        Ok(v) => {
            frame::recycle_generator_frame(fr);
            Ok(SendResult::Return(v))
        }
        Err(e) => {
            frame::recycle_generator_frame(fr);
            let agen_stop = kind(g) == "async generator" && e.matches(exc().stop_async_iteration);
            if e.matches(exc().stop_iteration) || agen_stop {
                let what = if agen_stop { "StopAsyncIteration" } else { "StopIteration" };
                let re = errors::runtime_error(format!("{} raised {}", kind(g), what));
                excs::set_cause(&re.0, Some(e.0.clone()));
                excs::set_context(&re.0, Some(e.0));
                return Err(re);
            }
            Err(e)
        }
    }
}

/// `send(sent)` to a started native generator, the common case of `next(gen)`, `for`
/// loops, `sum(gen)` and `yield from`: when nothing is handled on either side (no
/// exception state to swap), no error is pending and no throw is asked, the body runs
/// with only the bookkeeping it needs (running flag, recursion level, frame link).
/// Suspended inside a `yield from` of another generator, the generator delegates
/// straight to it (`delegate`) without running its own body. Anything else: `resume`.
#[inline(always)]
pub(crate) fn send_quick(g: &Obj, sent: Obj) -> PyResult<SendResult> {
    let gm = gen_mut(g);
    let Some((entry, mut fr, first)) = quick_enter(gm, none::is_none(&sent))? else {
        return resume(g, sent, None);
    };
    let ex = std::ptr::addr_of_mut!(gm.exchange);
    let r = match quick_sub(gm, &fr) {
        Some((sub, true)) => return send_chain(g.raw(), entry, fr, sub, sent),
        Some((sub, false)) => delegate(ex, &mut fr, entry, sub, sent),
        None => native_step(ex, &mut fr, entry, (!first).then_some(sent), false),
    };
    quick_leave(g, fr, r)
}

/// The sub-iterator of `gm` (entered by `quick_enter`, its frame `fr`) when it is
/// suspended in a `yield from`. The flag is only set at a `yield from`'s yield and every
/// run rewrites the state word (`finish_delegation`, which moves a suspended frame past
/// its `Send`, clears it): set, the sub-iterator is on top of the saved stack. Returns
/// it raw (the saved stack keeps it alive until the frame's body runs again) and
/// whether it is a generator.
#[inline(always)]
fn quick_sub(gm: &GeneratorObj, fr: &Frame) -> Option<(u64, bool)> {
    if gm.exchange.state & GEN_STATE_DELEGATING == 0 {
        return None;
    }
    fr.stack.last().and_then(Option::as_ref).map(|s| (s.raw(), is_generator(s)))
}

/// One generator of a `yield from` chain that `send_chain` has entered (`quick_enter`):
/// the generator (a raw reference, kept alive by the level above's saved stack, or by
/// the caller for the first), its native resume function and its frame.
struct ChainLevel {
    g: u64,
    entry: crate::types::code::NativeFn,
    fr: Box<Frame>,
}

/// Levels `send_chain` walks in one loop; a deeper chain recurses (`delegate`) past them.
const CHAIN_LEVELS: usize = 24;

/// `send_quick` of generator `g` (entered: `entry`, `fr`) suspended in `yield from` of
/// generator `sub`: what the recursion `delegate` → `send_to_sub` → `send_quick` does,
/// level by level, in two loops instead. Down the chain each generator that delegates to
/// another is entered (recursion level, then its frame taken, marked running and
/// linked, as `quick_enter` does); the last one runs (its own body, or its step into a
/// non-generator sub-iterator, or `resume` when it cannot take the quick path); then,
/// back up, each level takes its sub-generator's result as its `Send` would
/// (`after_sub`) and is left (`quick_leave`); once a level yields a value, it goes up
/// through the rest in one cheaper loop (`pass_value_up`).
#[inline(never)]
fn send_chain(g: u64, entry: crate::types::code::NativeFn, fr: Box<Frame>, sub: u64, sent: Obj) -> PyResult<SendResult> {
    let mut levels: [std::mem::MaybeUninit<ChainLevel>; CHAIN_LEVELS] = [const { std::mem::MaybeUninit::uninit() }; CHAIN_LEVELS];
    levels[0].write(ChainLevel { g, entry, fr });
    let mut n = 1;
    let mut cur = sub;
    let mut r = loop {
        // SAFETY: `cur` is alive: the saved stack of level `n - 1` holds it, and nothing
        // else touches a running generator's frame.
        let c = unsafe { Obj::borrow_raw(&cur) };
        let gm = gen_mut(c);
        // Nothing ran since `send_quick` entered level 0 (`quick_enter`): the thread has
        // still nothing handled and no error pending, the eval breaker was served and
        // the stack checked; what is left is this generator's state and the depth.
        let Some(entry) = quick_entry(gm, false) else { break resume(c, sent, None) };
        if let Err(e) = crate::recursion::enter_again() {
            break Err(e);
        }
        let mut fr = take_running_frame(gm);
        let ex = std::ptr::addr_of_mut!(gm.exchange);
        let step = match quick_sub(gm, &fr) {
            Some((next, true)) if n < CHAIN_LEVELS => {
                levels[n].write(ChainLevel { g: cur, entry, fr });
                n += 1;
                cur = next;
                continue;
            }
            Some((s, _)) => delegate(ex, &mut fr, entry, s, sent),
            None => native_step(ex, &mut fr, entry, Some(sent), false),
        };
        break quick_leave(c, fr, step);
    };
    while n > 0 {
        if matches!(r, Ok(SendResult::Yield(_))) {
            pass_value_up(&mut levels[..n]);
            return r;
        }
        n -= 1;
        // SAFETY: levels `..n + 1` were written above and each is read once, here.
        let ChainLevel { g, entry, mut fr } = unsafe { levels[n].assume_init_read() };
        // SAFETY: as for `cur` above (level 0: the caller holds it).
        let go = unsafe { Obj::borrow_raw(&g) };
        let ex = std::ptr::addr_of_mut!(gen_mut(go).exchange);
        let step = after_sub(ex, &mut fr, entry, r);
        r = quick_leave(go, fr, step);
    }
    r
}

/// `send_chain`'s way back up the remaining `levels` once a level below yielded a value:
/// each level's `Send` would pass it on unchanged (`after_sub`), so each is left as
/// `quick_leave` leaves a yield, innermost first: its frame unlinked, marked not
/// running, its frame back in its generator; the recursion levels are left together.
/// Nothing ran since the level below was left, which took any handled exception as its
/// own (`quick_leave`, `resume`): the thread has nothing handled for these levels to keep.
#[inline(always)]
fn pass_value_up(levels: &mut [std::mem::MaybeUninit<ChainLevel>]) {
    for level in levels.iter_mut().rev() {
        // SAFETY: `send_chain` wrote these levels and reads none of them again.
        let ChainLevel { g, mut fr, .. } = unsafe { level.assume_init_read() };
        frame::pop(&mut fr);
        // SAFETY: as for `cur` in `send_chain` (level 0: the caller holds it).
        let gm = gen_mut(unsafe { Obj::borrow_raw(&g) });
        gm.running = false;
        // SAFETY: the generator's frame slot is empty while it runs (`take_running_frame`).
        unsafe { std::ptr::write(&mut gm.frame, Some(fr)) };
    }
    crate::tstate::set_depth(crate::tstate::depth() - levels.len() as u32);
}

/// The start of a quick run (`send_quick`, `gen_next`) of `gm`: when it is a native
/// generator, suspended (or not started yet, when `sending_none`: its first run), with
/// no exception state of its own, and the thread has nothing handled and no error
/// pending, enters one recursion level, takes its frame, links it as the current one and
/// marks the generator running (and started). `None` (nothing changed) when the quick
/// path does not apply. The flag says whether this is the first run, which takes no sent
/// value (the exchange record already points at the frame: `new_generator`).
#[inline(always)]
fn quick_enter(gm: &mut GeneratorObj, sending_none: bool) -> PyResult<Option<(crate::types::code::NativeFn, Box<Frame>, bool)>> {
    let Some(entry) = quick_entry(gm, sending_none) else { return Ok(None) };
    if !nothing_handled() || error_pending() {
        return Ok(None);
    }
    crate::recursion::enter()?;
    let first = !gm.started;
    gm.started = true;
    Ok(Some((entry, take_running_frame(gm), first)))
}

/// The native resume function of `gm` when the quick path applies to it: a native
/// generator, started (or not, if `first_ok`), suspended, with no exception state of its
/// own.
#[inline(always)]
fn quick_entry(gm: &GeneratorObj, first_ok: bool) -> Option<crate::types::code::NativeFn> {
    match gm.native {
        Some(e) if (gm.started || first_ok) && !gm.running && gm.exc_state.is_none() && gm.frame.is_some() => Some(e),
        _ => None,
    }
}

/// Takes the frame of `gm` (`quick_entry` applies), links it as the current one and
/// marks the generator running.
#[inline(always)]
fn take_running_frame(gm: &mut GeneratorObj) -> Box<Frame> {
    // SAFETY: `quick_entry` checked `gm.frame.is_some()`.
    let mut fr = unsafe { gm.frame.take().unwrap_unchecked() };
    gm.running = true;
    frame::push(&mut fr);
    fr
}

/// The end of a quick run (`quick_enter`): unlinks the frame, leaves the recursion level
/// and hands the result to `finish_run`.
#[inline(always)]
fn quick_leave(g: &Obj, mut fr: Box<Frame>, r: PyResult<Exit>) -> PyResult<SendResult> {
    frame::pop(&mut fr);
    crate::recursion::leave();
    let gm = gen_mut(g);
    gm.running = false;
    // The body entered an `except` block and yielded or left inside it: what it handles
    // is its own (kept while suspended), the caller had nothing handled.
    if !nothing_handled() {
        let own = errors::set_handled(None);
        if matches!(r, Ok(Exit::Yield(_))) {
            gm.exc_state = own;
        }
    }
    finish_run(g, fr, r)
}

/// One step of a generator suspended in `yield from sub`, as its body's `Send` would
/// take it (`send_to_sub`, as `abi::pyrt_send` does): `sent` goes to `sub`; a value `sub` yields is
/// the generator's own, its frame untouched; when `sub` returns (is exhausted), the body
/// resumes at the `Send` target with the returned value (as `finish_delegation`); when
/// it raises, the error is thrown in at the `yield` (the body unwinds from there, as
/// from the `Send`, which is on the same line). The generator is running and its frame
/// current meanwhile, as while its `Send` runs.
///
/// `sub` is the raw reference on the top of `fr`'s saved stack, which keeps it alive
/// until this pops it (after the step: nothing else touches a running generator's frame).
#[inline(never)]
fn delegate(ex: *mut NativeExchange, fr: &mut Frame, entry: crate::types::code::NativeFn, sub: u64, sent: Obj) -> PyResult<Exit> {
    // SAFETY: `sub` is alive (see above) and not 0.
    let sub = unsafe { Obj::borrow_raw(&sub) };
    after_sub(ex, fr, entry, send_to_sub(sub, sent))
}

/// The rest of `delegate`'s step once the sub-iterator answered `r`.
#[inline(always)]
fn after_sub(ex: *mut NativeExchange, fr: &mut Frame, entry: crate::types::code::NativeFn, r: PyResult<SendResult>) -> PyResult<Exit> {
    match r {
        Ok(SendResult::Yield(v)) => Ok(Exit::Yield(v)),
        Ok(SendResult::Return(v)) => {
            let send_pc = fr.pc as usize - 2;
            if let Instr::Send(t) = fr.co().instrs[send_pc] {
                fr.stack.pop();
                fr.pc = t;
            }
            native_step(ex, fr, entry, Some(v), false)
        }
        Err(e) => native_resume(ex, fr, entry, None, Some(e)),
    }
}

/// `Send` (`interp::op_send`, `abi::pyrt_send`, `delegate`): resumes `yield from`'s
/// sub-iterator `sub` with `sent`. A generator or coroutine is resumed directly; another
/// iterator gets `next` when `sent` is None (a list, a tuple, a user class: the value of
/// a `StopIteration` its `__next__` raises is the result), else its `send` method.
#[inline(always)]
pub(crate) fn send_to_sub(sub: &Obj, sent: Obj) -> PyResult<SendResult> {
    if is_generator(sub) {
        return send_quick(sub, sent);
    }
    let r = if none::is_none(&sent) && sub.ty().slots().next.is_some() {
        crate::types::class::next_keep_stop(sub)
    } else {
        protocol::call_method(sub, "send", &[sent]).map(Some)
    };
    match r {
        Ok(Some(v)) => Ok(SendResult::Yield(v)),
        Ok(None) => Ok(SendResult::Return(none::none())),
        Err(e) if e.matches(exc().stop_iteration) => Ok(SendResult::Return(excs::field(&e.0, 0))),
        Err(e) => Err(e),
    }
}

/// The thread's handled exception (`sys.exc_info()`) around one run of a generator body:
/// the generator's own saved one (if it was suspended inside an `except` block) is
/// installed for the run, and whatever the body is handling when it yields is saved
/// back, the caller's being restored. The common case — nothing handled on either side —
/// touches no references.
enum HandledSwap {
    /// Nothing was handled at entry and the generator had nothing saved.
    Clear,
    /// The caller's handled exception, to restore after the run.
    Saved(Option<Obj>),
}

impl HandledSwap {
    fn enter(own: Option<Obj>) -> HandledSwap {
        if own.is_none() && nothing_handled() {
            return HandledSwap::Clear;
        }
        let saved = errors::handled();
        if own.is_some() {
            errors::set_handled(own);
        }
        HandledSwap::Saved(saved)
    }

    /// At a yield: restores the caller's exception, returning the generator's to keep.
    fn suspend(self) -> Option<Obj> {
        match self {
            HandledSwap::Clear if nothing_handled() => None,
            HandledSwap::Clear => errors::set_handled(None),
            HandledSwap::Saved(saved) => match (errors::set_handled(saved.clone()), &saved) {
                (Some(c), Some(s)) if c.is(s) => None,
                (c, _) => c,
            },
        }
    }

    /// At the end of the body: restores the caller's exception.
    fn finish(self) {
        match self {
            HandledSwap::Clear if nothing_handled() => {}
            HandledSwap::Clear => {
                errors::set_handled(None);
            }
            HandledSwap::Saved(saved) => {
                errors::set_handled(saved);
            }
        }
    }
}

/// `errors::no_handled()`, read in place: the thread-state accessors of errors.rs are not
/// inlined across modules, and a resumption asks twice.
#[inline(always)]
fn nothing_handled() -> bool {
    crate::tstate::nothing_handled()
}

/// `errors::occurred()`, read in place (as `nothing_handled`).
#[inline(always)]
fn error_pending() -> bool {
    crate::tstate::exception_pending()
}

/// Runs a native generator body (`pyc_code_N`, a resume function: see
/// `NativeExchange`) until it yields, returns or raises. A thrown exception gets the
/// suspension point's traceback entry (as `interp::eval` gives it) and is left as the
/// current error for the body to unwind from the yield. The body tells a yield from a
/// return by writing the resume pc into `Frame::pc` (`abi::GEN_RUNNING_PC` while it runs).
fn native_resume(
    ex: *mut NativeExchange,
    fr: &mut Frame,
    entry: crate::types::code::NativeFn,
    sent: Option<Obj>,
    throw: Option<PyErr>,
) -> PyResult<Exit> {
    // An error may be pending in the thread state when this runs (a native frame
    // unwinding drops a suspended generator, which closes it): keep it aside, so the body
    // neither sees it as a thrown exception nor clobbers it.
    let outer = if error_pending() { errors::take_current() } else { None };
    let throwing = throw.is_some();
    if let Some(e) = throw {
        crate::types::traceback::add_traceback_entry_pc(&e.0, &fr.code, fr.lasti);
        errors::set_current(e);
    }
    // reserved at creation (`new_generator`); checked again because the body writes
    // there. (Never true: a mirror may lie past it, which must not move.)
    let need = fr.co().max_stack as usize + 2;
    if fr.stack.capacity() < need {
        fr.stack.reserve(need.saturating_sub(fr.stack.len()));
    }
    // SAFETY: `ex` is the exchange record of the generator owning `fr`. The buffers stay
    // where they are from here on (`native_step`): the frame is boxed, its saved stack
    // is not reallocated again.
    unsafe {
        (*ex).locals = fr.localsplus.as_mut_ptr().cast();
        (*ex).stack = fr.stack.as_mut_ptr().cast();
    }
    let r = native_step(ex, fr, entry, sent, throwing);
    if let Some(o) = outer {
        errors::set_current(o);
    }
    r
}

/// One run of a native body (`native_resume` without its setup): the frame's saved
/// stack must have room for `max_stack + 2` words (`new_generator` reserved it for
/// every generator with a native body; a `Vec` never shrinks), the exchange record must
/// point at the frame's buffers (set by `new_generator`, and again by `native_resume`;
/// they never move), and no error is pending unless `throwing` (the thrown exception is
/// the current error).
#[inline(always)]
fn native_step(
    ex: *mut NativeExchange,
    fr: &mut Frame,
    entry: crate::types::code::NativeFn,
    sent: Option<Obj>,
    throwing: bool,
) -> PyResult<Exit> {
    // SAFETY: `ex` is the exchange record of the generator owning `fr` (alive: the
    // caller holds it). The saved references now belong to the body, which reads them
    // through `stack` (the buffer is not reallocated while the body runs: nothing else
    // touches a running generator's frame, which its generator does not even hold).
    unsafe {
        debug_assert!((*ex).locals == fr.localsplus.as_mut_ptr().cast() && (*ex).stack == fr.stack.as_mut_ptr().cast());
        (*ex).state = ((fr.pc as u64) << 1) | throwing as u64;
        (*ex).sent = sent.map_or(0, Obj::into_raw);
        fr.stack.set_len(0);
    }
    fr.pc = crate::abi::GEN_RUNNING_PC;
    let v = unsafe { entry(fr as *mut Frame) };
    if v == 0 {
        return Err(errors::fetch());
    }
    let v = unsafe { Obj::from_raw(v) };
    if fr.pc == crate::abi::GEN_RUNNING_PC {
        return Ok(Exit::Return(v));
    }
    // SAFETY: at a yield the body wrote `state` (at most `max_stack + 1`, checked by the
    // codegen) references into the buffer, which has that capacity.
    unsafe { fr.stack.set_len(((*ex).state as u32 as usize).min(fr.stack.capacity())) };
    fr.lasti = fr.pc.saturating_sub(1);
    Ok(Exit::Yield(v))
}

fn result_to_value(r: SendResult) -> PyResult<Obj> {
    match r {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(v) => Err(errors::stop_iteration(if none::is_none(&v) { None } else { Some(v) })),
    }
}

/// `next(gen)` with the return value kept (`StopIteration(value)`).
pub fn next_value(g: &Obj) -> PyResult<Obj> {
    result_to_value(send_quick(g, none::none())?)
}

/// `next(g)` (the `next` slot; also called directly by `for` loops over an exact
/// generator, `abi::pyrt_for_iter`, and by `sum`): `None` when exhausted, no
/// StopIteration built. The steady state of a `for` loop over a generator suspended at
/// a plain `yield` (not delegating) runs its body right here, inlined into the callers;
/// the rest goes through `send_quick`.
#[inline(always)]
pub(crate) fn gen_next(g: &Obj) -> PyResult<Option<Obj>> {
    let gm = gen_mut(g);
    let quick = if gm.exchange.state & GEN_STATE_DELEGATING == 0 { quick_enter(gm, true)? } else { None };
    let r = match quick {
        Some((entry, mut fr, first)) => {
            let r = native_step(std::ptr::addr_of_mut!(gm.exchange), &mut fr, entry, (!first).then(none::none), false);
            quick_leave(g, fr, r)
        }
        None => send_quick_cold(g),
    };
    match r? {
        SendResult::Yield(v) => Ok(Some(v)),
        SendResult::Return(_) => Ok(None),
    }
}

/// `gen_next` off its inlined path (delegating, first run, exception state, ...).
#[inline(never)]
fn send_quick_cold(g: &Obj) -> PyResult<SendResult> {
    send_quick(g, none::none())
}

fn gen_iter(g: &Obj) -> PyResult<Obj> {
    Ok(g.clone())
}

/// The sub-iterator a suspended generator delegates to (`yield from`), if any.
pub(crate) fn yield_from_target(g: &Obj) -> Option<Obj> {
    let gm = gen_mut(g);
    let fr = gm.frame.as_ref()?;
    if !gm.started {
        return None;
    }
    delegating_to(fr).cloned()
}

/// The sub-iterator of a started generator's suspended frame `fr` when it is suspended
/// in a `yield from` (the `YieldValue` after a `Send`, the sub-iterator under the
/// yielded value on the saved stack).
#[inline(always)]
fn delegating_to(fr: &Frame) -> Option<&Obj> {
    let top = fr.stack.last()?.as_ref()?;
    let pc = fr.pc as usize;
    if pc < 2 {
        return None;
    }
    let instrs = &fr.co().instrs;
    if matches!(instrs.get(pc - 1), Some(Instr::YieldValue)) && matches!(instrs.get(pc - 2), Some(Instr::Send(_))) {
        return Some(top);
    }
    None
}

/// Closes a sub-iterator (`gen_close_iter`).
fn close_iter(it: &Obj) -> PyResult<()> {
    if is_generator(it) {
        return close(it).map(|_| ());
    }
    if let Some(m) = protocol::getattr_opt(it, &pystr::intern("close"))? {
        protocol::call(&m, &[])?;
    }
    Ok(())
}

/// Throws exception instance `e` into the generator.
pub fn throw_exc(g: &Obj, e: PyErr) -> PyResult<SendResult> {
    if let Some(yf) = yield_from_target(g) {
        if e.matches(exc().generator_exit) {
            gen_mut(g).running = true;
            let r = close_iter(&yf);
            gen_mut(g).running = false;
            if let Err(err) = r {
                return resume(g, none::none(), Some(err));
            }
            return resume(g, none::none(), Some(e));
        }
        gen_mut(g).running = true;
        let r: PyResult<Option<SendResult>> = if is_generator(&yf) {
            throw_exc(&yf, e.clone()).map(Some)
        } else {
            match protocol::getattr_opt(&yf, &pystr::intern("throw")) {
                Ok(Some(m)) => {
                    let tb = excs::traceback(&e.0).unwrap_or_else(none::none);
                    protocol::call(&m, &[e.0.type_obj(), e.0.clone(), tb]).map(|v| Some(SendResult::Yield(v)))
                }
                Ok(None) => Ok(None),
                Err(err) => Err(err),
            }
        };
        gen_mut(g).running = false;
        match r {
            Ok(None) => return resume(g, none::none(), Some(e)),
            Ok(Some(SendResult::Yield(v))) => return Ok(SendResult::Yield(v)),
            Ok(Some(SendResult::Return(v))) => return finish_delegation(g, v),
            Err(err) if err.matches(exc().stop_iteration) => {
                let v = excs::field(&err.0, 0);
                return finish_delegation(g, v);
            }
            Err(err) => return resume(g, none::none(), Some(err)),
        }
    }
    resume(g, none::none(), Some(e))
}

/// The sub-iterator finished during `throw`: pop it, jump past the `Send` loop and
/// resume with its value.
fn finish_delegation(g: &Obj, v: Obj) -> PyResult<SendResult> {
    let gm = gen_mut(g);
    gm.exchange.state &= !GEN_STATE_DELEGATING;
    if let Some(fr) = gm.frame.as_mut() {
        fr.stack.pop();
        let send_pc = fr.pc as usize - 2;
        if let Instr::Send(t) = fr.co().instrs[send_pc] {
            fr.pc = t;
        }
    }
    resume(g, v, None)
}

/// Normalizes `throw(type[, value[, tb]])` arguments into an exception instance.
pub(crate) fn make_throw_exc(typ: &Obj, val: Option<&Obj>, tb: Option<&Obj>) -> PyResult<PyErr> {
    let val = val.filter(|v| !none::is_none(v));
    let e = if excs::is_exception_type(typ) {
        match val {
            Some(v) if v.ty().is_subtype(crate::types::typeobj::as_type(typ)) => v.clone(),
            Some(v) => {
                let args = match crate::types::tuple::as_slice(v) {
                    Some(items) => items.to_vec(),
                    None => vec![v.clone()],
                };
                protocol::call(typ, &args)?
            }
            None => protocol::call(typ, &[])?,
        }
    } else if excs::is_exception(typ) {
        if val.is_some() {
            return Err(type_error("instance exception may not have a separate value"));
        }
        typ.clone()
    } else {
        return Err(type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            typ.type_name()
        )));
    };
    if let Some(tb) = tb.filter(|t| !none::is_none(t)) {
        if !tb.is_exact(types().traceback) {
            return Err(type_error("throw() third argument must be a traceback object"));
        }
        excs::set_traceback(&e, Some(tb.clone()));
    }
    Ok(PyErr(e))
}

/// `gen.close()`.
pub fn close(g: &Obj) -> PyResult<Obj> {
    let gm = gen_mut(g);
    if gm.frame.is_none() {
        return Ok(none::none());
    }
    if !gm.started {
        gm.frame = None;
        return Ok(none::none());
    }
    let ge = PyErr(excs::new_exception(exc().generator_exit, vec![]));
    match throw_exc(g, ge) {
        Ok(SendResult::Yield(_)) => Err(errors::runtime_error(format!("{} ignored GeneratorExit", kind(g)))),
        Ok(SendResult::Return(_)) => Ok(none::none()),
        Err(e) if e.matches(exc().generator_exit) || e.matches(exc().stop_iteration) => Ok(none::none()),
        Err(e) => Err(e),
    }
}

// ----- methods -----

fn m_send(args: &[Obj]) -> PyResult<Obj> {
    result_to_value(send_quick(&args[0], args[1].clone())?)
}

fn m_throw(args: &[Obj]) -> PyResult<Obj> {
    let e = make_throw_exc(&args[1], args.get(2), args.get(3))?;
    result_to_value(throw_exc(&args[0], e)?)
}

fn m_close(args: &[Obj]) -> PyResult<Obj> {
    close(&args[0])
}

pub(crate) fn gen_repr(g: &Obj) -> PyResult<Obj> {
    let q = pystr::as_str(&gen_mut(g).qualname).unwrap_or("?").to_string();
    Ok(pystr::from_string(format!("<{} object {} at {:#x}>", g.type_name(), q, g.raw())))
}

fn g_running(g: &Obj) -> PyResult<Obj> {
    Ok(crate::types::bool::from_bool(gen_mut(g).running))
}
fn g_code(g: &Obj) -> PyResult<Obj> {
    Ok(gen_mut(g).code.clone())
}
/// A snapshot of the suspended generator's frame (code, current line, globals, the
/// locals `f_locals` shows), or of its running frame; None once it has finished, as in
/// CPython.
fn g_frame(g: &Obj) -> PyResult<Obj> {
    let gm = gen_mut(g);
    // (`running` with the frame still held: a `yield from` delegating a throw or close)
    if gm.running && gm.frame.is_none() {
        return Ok(match running_frame(g) {
            Some(f) => crate::types::traceback::snapshot(f, f.line(), None),
            // running on another thread's stack, which this thread cannot walk
            None => none::none(),
        });
    }
    Ok(match &gm.frame {
        None => none::none(),
        Some(f) => {
            let line = if gm.started { f.line() } else { crate::types::code::as_code(&gm.code).code.first_line };
            let fo = crate::types::traceback::new_frame_obj(gm.code.clone(), line, Some(f.globals.clone()));
            // SAFETY: `fo` is a frame object just made, referenced nowhere else yet.
            let payload = unsafe { fo.payload_mut::<crate::types::traceback::FrameObj>() };
            payload.locals = Some(frame::raw_locals(f));
            fo
        }
    })
}
/// The frame of running generator `g` on this thread's frame stack: while it runs, its
/// generator does not hold it (`resume` has it), but the frame names its generator.
fn running_frame(g: &Obj) -> Option<&'static Frame> {
    let mut cur = frame::current() as *const Frame;
    while !cur.is_null() {
        // SAFETY: frames on the current thread's stack are alive until they are popped,
        // which is after this getter returns.
        let f = unsafe { &*cur };
        if f.generator == g.raw() {
            return Some(f);
        }
        cur = f.prev;
    }
    None
}
fn g_yieldfrom(g: &Obj) -> PyResult<Obj> {
    Ok(yield_from_target(g).unwrap_or_else(none::none))
}
fn g_suspended(g: &Obj) -> PyResult<Obj> {
    let gm = gen_mut(g);
    Ok(crate::types::bool::from_bool(gm.started && gm.frame.is_some() && !gm.running))
}

pub(crate) fn gen_getattro(g: &Obj, name: &Obj) -> PyResult<Obj> {
    match pystr::as_str(name) {
        Some("__name__") => return Ok(gen_mut(g).name.clone()),
        Some("__qualname__") => return Ok(gen_mut(g).qualname.clone()),
        _ => {}
    }
    crate::types::object::generic_getattr(g, name)
}

pub(crate) fn gen_setattro(g: &Obj, name: &Obj, v: Option<&Obj>) -> PyResult<()> {
    match pystr::as_str(name) {
        Some(n @ ("__name__" | "__qualname__")) => {
            let Some(v) = v.filter(|v| v.isinstance(types().str)) else {
                return Err(type_error(format!("{} must be set to a string object", n)));
            };
            if n == "__name__" {
                gen_mut(g).name = v.clone();
            } else {
                gen_mut(g).qualname = v.clone();
            }
            Ok(())
        }
        _ => crate::types::object::generic_setattr(g, name, v),
    }
}

/// Finalization: an unfinished, started generator is closed (its `finally` blocks run);
/// errors are reported as unraisable, as CPython does.
pub(crate) unsafe fn gen_drop(h: *mut ObjHeader) {
    let g = &mut *(h as *mut GeneratorObj);
    if g.frame.is_some() && !g.started && (*h).ty == types().coroutine as *const _ {
        crate::types::coroutine::warn_never_awaited(&g.qualname);
    }
    if g.frame.is_some() && g.started && !g.running {
        // Temporarily resurrect to run close().
        (*h).refcnt = 1;
        let obj = Obj::from_raw(h as u64);
        let r = close(&obj);
        if let Err(e) = r {
            let repr = gen_repr(&obj).ok().and_then(|r| pystr::as_str(&r).map(|s| s.to_string())).unwrap_or_default();
            crate::types::traceback::print_unraisable(&format!("Exception ignored in: {}", repr), &e.0);
        }
        std::mem::forget(obj);
        (*h).refcnt = 0;
    }
    std::ptr::drop_in_place(h as *mut GeneratorObj);
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("generator", std::mem::size_of::<GeneratorObj>(), gen_drop);
    s.slots.traverse = Some(gen_traverse);
    s.slots.clear = Some(gen_clear);
    s.final_ = true;
    s.slots.iter = Some(gen_iter);
    s.slots.next = Some(gen_next);
    s.slots.repr = Some(gen_repr);
    s.slots.getattro = Some(gen_getattro);
    s.slots.setattro = Some(gen_setattro);
    s.methods = vec![
        MethodDef::Method { name: "send", func: m_send, min: 2, max: 2 },
        MethodDef::Method { name: "throw", func: m_throw, min: 2, max: 4 },
        MethodDef::Method { name: "close", func: m_close, min: 1, max: 1 },
        MethodDef::Getter { name: "gi_running", get: g_running },
        MethodDef::Getter { name: "gi_code", get: g_code },
        MethodDef::Getter { name: "gi_frame", get: g_frame },
        MethodDef::Getter { name: "gi_yieldfrom", get: g_yieldfrom },
        MethodDef::Getter { name: "gi_suspended", get: g_suspended },
    ];
    s
}

// ----- cycle collector (gc.rs): traverse / clear -----

pub(crate) fn gen_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let g = unsafe { o.payload::<GeneratorObj>() };
    for x in [&g.name, &g.qualname, &g.code] {
        visit(x);
    }
    if let Some(e) = &g.exc_state {
        visit(e);
    }
    // A running generator's frame is in use by the interpreter: its references count as
    // external (never under-counted).
    if g.running {
        return;
    }
    if let Some(f) = &g.frame {
        visit(&f.code);
        visit(&f.globals);
        visit(&f.builtins);
        for x in [&f.func, &f.locals].into_iter().flatten() {
            visit(x);
        }
        for x in f.localsplus.iter().chain(f.stack.iter()).flatten() {
            visit(x);
        }
    }
}

pub(crate) fn gen_clear(o: &Obj) {
    let g = unsafe { o.payload_mut::<GeneratorObj>() };
    if g.running {
        return;
    }
    let old = (g.frame.take(), g.exc_state.take());
    drop(old);
}
