//! Generators and coroutines as native resume functions.
//!
//! A generator (or coroutine, or async generator) code object is lowered to the same
//! `i64 @pyc_code_N(i8* %frame)` as a plain function, but its state lives in the heap
//! frame between runs: locals and stack slots are still allocas while the body runs, and
//! are exchanged with the frame in IR, through the words the runtime leaves in the
//! generator object (`generator::NativeExchange`, reached through `Frame::generator`):
//!
//! * entry (`gen_dispatch`): the locals are moved out of the frame's `localsplus`
//!   (copied when the frame keeps its own, `sync_locals`), then a switch on
//!   `(resume pc << 1) | throwing` goes to one block per suspension point, which loads
//!   the saved stack slots live there (the value sent in on top) and jumps to the
//!   instruction after the `yield` (or to a `Send` target after the runtime finished a
//!   `yield from` delegation, see `generator::finish_delegation`). When an exception is thrown in (`throw()`,
//!   `close()`), the block loads the slots live at the `yield` and takes the `yield`'s
//!   error path (no new traceback entry: the runtime added it, as the interpreter does).
//! * `YieldValue` at `pc`: the locals go back into `localsplus`, the slots below the
//!   yielded value into the saved stack (their count into the exchange record, with
//!   `GEN_STATE_DELEGATING` when the yield is a `yield from`'s), `pc + 1`
//!   into `Frame::pc`, and the value is returned; the runtime tells a yield from a return
//!   by the frame's `pc` (`abi::GEN_RUNNING_PC` while running).
//!
//! No runtime call on either side: a step of `for x in gen` costs the body a few loads
//! and stores per live local. A body that may run other code while it runs keeps a locals
//! mirror in the generator's frame (`gen_mirror_setup`), so callees reading its frame
//! (`sys._getframe(1).f_locals`, `gi_frame`) see its locals.
//!
//! Also here: `Send`, `GetYieldFromIter` and the async instructions.

use inkwell::values::{IntValue, PointerValue};
use inkwell::{AddressSpace, IntPredicate};

use super::function::{Lower, LowerError, R};
use crate::fe::Instr;

/// `Frame::pc` (i32) and `Frame::generator` (the owning generator object, 0 for a frame
/// run without one); runtime types/generator.rs asserts both.
const FRAME_PC_OFFSET: u64 = 160;
const FRAME_GENERATOR_OFFSET: u64 = 176;
/// `GeneratorObj::exchange` fields (`NativeExchange`): locals pointer, saved-stack
/// pointer, state word, value sent in.
const GEN_EXCHANGE_LOCALS: u64 = 16;
const GEN_EXCHANGE_STACK: u64 = 24;
const GEN_EXCHANGE_STATE: u64 = 32;
const GEN_EXCHANGE_SENT: u64 = 40;
/// Set in the state word at the `yield` of a `yield from` (after its `Send`), where
/// the runtime may delegate without entering the body (`generator::GEN_STATE_DELEGATING`).
const GEN_STATE_DELEGATING: u64 = 1 << 32;
/// What `gen_dispatch` keeps in the `genbuf` allocas for the yields: the locals pointer,
/// the saved-stack pointer, the generator object (and the mirror for the local stores).
const GENBUF_LOCALS: u32 = 0;
const GENBUF_STACK: u32 = 1;
const GENBUF_GEN: u32 = 2;
/// The locals mirror's address, for bodies that keep one (`Lower::gen_mirror`).
const GENBUF_MIRROR: u32 = 3;

impl<'a, 'ctx> Lower<'a, 'ctx> {
    fn genbuf_at(&self, i: u32) -> R<PointerValue<'ctx>> {
        let buf = self.genbuf.ok_or_else(|| LowerError("yield outside a generator".into()))?;
        Ok(unsafe { self.b.build_gep(buf, &[self.i64c(i as u64)], "gb")? })
    }

    /// `i64*` to word `i` of the array whose address is the integer `base`.
    fn word_ptr(&self, base: IntValue<'ctx>, i: u32) -> R<PointerValue<'ctx>> {
        let addr = self.b.build_int_add(base, self.i64c(8 * i as u64), "")?;
        Ok(self.b.build_int_to_ptr(addr, self.ctx.i64_type().ptr_type(AddressSpace::default()), "")?)
    }

    /// `i64*` to the frame's byte `offset`.
    fn frame_ptr_at(&self, offset: u64) -> R<PointerValue<'ctx>> {
        let f = self.b.build_ptr_to_int(self.frame, self.ctx.i64_type(), "")?;
        let addr = self.b.build_int_add(f, self.i64c(offset), "")?;
        Ok(self.b.build_int_to_ptr(addr, self.ctx.i64_type().ptr_type(AddressSpace::default()), "")?)
    }

    /// Loads stack slots `0..n` from the frame's saved stack.
    fn load_slots_from_saved(&self, n: u32) -> R<()> {
        let sp = self.b.build_load(self.genbuf_at(GENBUF_STACK)?, "saved")?.into_int_value();
        for k in 0..n {
            let v = self.b.build_load(self.word_ptr(sp, k)?, "")?.into_int_value();
            self.store_slot(k, v)?;
        }
        Ok(())
    }

    /// Loads the `n` slots live at a resume point (`n` ≥ 1): the saved ones, then the
    /// value sent in on top.
    fn load_slots_with_sent(&self, n: u32) -> R<()> {
        self.load_slots_from_saved(n - 1)?;
        let g = self.b.build_load(self.genbuf_at(GENBUF_GEN)?, "gen")?.into_int_value();
        let v = self.load_word_at(g, self.i64c(GEN_EXCHANGE_SENT), "sent")?;
        self.store_slot(n - 1, v)
    }

    /// The saved stack holds `max_stack + 2` words (`generator::native_resume`).
    fn check_saved_depth(&self, n: u32) -> R<()> {
        if n > self.code.max_stack + 2 {
            return Err(LowerError("generator stack deeper than max_stack".into()));
        }
        Ok(())
    }

    /// The resume dispatch (see the module doc); returns its first block.
    pub fn gen_dispatch(&mut self) -> R<inkwell::basic_block::BasicBlock<'ctx>> {
        let start = self.new_block("gen_dispatch");
        let run = self.new_block("gen_run");
        let no_gen = self.new_block("gen_missing");
        self.b.position_at_end(start);
        let g = self.b.build_load(self.frame_ptr_at(FRAME_GENERATOR_OFFSET)?, "gen")?.into_int_value();
        let missing = self.b.build_int_compare(IntPredicate::EQ, g, self.i64c(0), "")?;
        self.b.build_conditional_branch(missing, no_gen, run)?;
        // generator code run as a plain frame (exec of its code object): nothing to resume;
        // the runtime reports the error return without an exception as a SystemError
        self.b.position_at_end(no_gen);
        self.b.build_return(Some(&self.i64c(0)))?;

        self.b.position_at_end(run);
        if self.gen_mirror {
            self.gen_mirror_setup(g)?;
        }
        let lp = self.load_word_at(g, self.i64c(GEN_EXCHANGE_LOCALS), "locals")?;
        let sp = self.load_word_at(g, self.i64c(GEN_EXCHANGE_STACK), "stack")?;
        let state = self.load_word_at(g, self.i64c(GEN_EXCHANGE_STATE), "state")?;
        self.b.build_store(self.genbuf_at(GENBUF_LOCALS)?, lp)?;
        self.b.build_store(self.genbuf_at(GENBUF_STACK)?, sp)?;
        self.b.build_store(self.genbuf_at(GENBUF_GEN)?, g)?;
        for i in 0..self.locals.len() as u32 {
            let p = self.word_ptr(lp, i)?;
            let v = self.b.build_load(p, "")?.into_int_value();
            // (the mirror already shows `v`: it did when the generator was suspended)
            self.b.build_store(self.local(i)?, v)?;
            if self.sync_locals {
                self.xincref(v)?;
            } else {
                self.b.build_store(p, self.i64c(0))?;
            }
        }
        let r = self.b.build_int_truncate(state, self.ctx.i32_type(), "resume")?;
        let dispatch_bb = self.b.get_insert_block().ok_or_else(|| LowerError("builder not positioned".into()))?;
        let mut cases = Vec::new();
        // first run
        cases.push((self.i32c(0), self.block_at(0)?));
        let t0 = self.new_block("throw_at_start");
        self.b.position_at_end(t0);
        self.error_jump(0, 0, false)?;
        cases.push((self.i32c(1), t0));
        let mut seen = vec![false; self.code.instrs.len() + 1];
        seen[0] = true;
        for pc in 0..self.code.instrs.len() {
            let Some(d) = self.depths[pc] else { continue };
            match self.code.instrs[pc] {
                Instr::YieldValue => {
                    let p = pc + 1;
                    if p >= self.code.instrs.len() || seen[p] || self.depths[p] != Some(d) || d == 0 {
                        continue;
                    }
                    self.check_saved_depth(d)?;
                    seen[p] = true;
                    let nb = self.new_block(&format!("resume{p}"));
                    self.b.position_at_end(nb);
                    self.load_slots_with_sent(d)?;
                    self.b.build_unconditional_branch(self.block_at(p as u32)?)?;
                    cases.push((self.i32c((p as u64) << 1), nb));
                    let tb = self.new_block(&format!("throw{p}"));
                    self.b.position_at_end(tb);
                    self.load_slots_from_saved(d - 1)?;
                    self.error_jump(pc, d - 1, false)?;
                    cases.push((self.i32c(((p as u64) << 1) | 1), tb));
                }
                Instr::Send(t) => {
                    let t = t as usize;
                    let Some(dt) = self.depths.get(t).copied().flatten() else { continue };
                    if seen[t] || dt == 0 {
                        continue;
                    }
                    self.check_saved_depth(dt)?;
                    seen[t] = true;
                    let nb = self.new_block(&format!("resume{t}"));
                    self.b.position_at_end(nb);
                    self.load_slots_with_sent(dt)?;
                    self.b.build_unconditional_branch(self.block_at(t as u32)?)?;
                    cases.push((self.i32c((t as u64) << 1), nb));
                }
                _ => {}
            }
        }
        // an unknown resume point cannot happen; fail cleanly (SystemError) if it does
        let bad = self.new_block("bad_resume");
        self.b.position_at_end(bad);
        self.xdecref_locals()?;
        self.b.build_return(Some(&self.i64c(0)))?;
        self.b.position_at_end(dispatch_bb);
        self.b.build_switch(r, bad, &cases)?;
        Ok(start)
    }

    /// `Frame::native_locals` into `genbuf`: the generator's locals mirror, made on the
    /// body's first run (from the `localsplus` not yet moved out) and kept for the
    /// generator's life; the body's local stores keep it up to date, so it shows the
    /// locals running or suspended. It lies right past the saved stack's `max_stack + 2`
    /// words, in the buffer the runtime reserved for both when it made generator `g`
    /// (`generator::new_generator`), whose address the exchange record holds.
    fn gen_mirror_setup(&mut self, g: IntValue<'ctx>) -> R<()> {
        let field = self.frame_ptr_at(super::function::FRAME_NATIVE_LOCALS_OFFSET)?;
        let cur = self.b.build_load(field, "mirror")?.into_int_value();
        let from = self.b.get_insert_block().ok_or_else(|| LowerError("builder not positioned".into()))?;
        let make = self.new_block("mirror_make");
        let have = self.new_block("mirror_have");
        let missing = self.b.build_int_compare(IntPredicate::EQ, cur, self.i64c(0), "")?;
        self.b.build_conditional_branch(missing, make, have)?;
        self.b.position_at_end(make);
        let lp = self.load_word_at(g, self.i64c(GEN_EXCHANGE_LOCALS), "locals")?;
        let sp = self.load_word_at(g, self.i64c(GEN_EXCHANGE_STACK), "stack")?;
        let made = self.b.build_int_add(sp, self.i64c(8 * (self.code.max_stack as u64 + 2)), "mirror_new")?;
        for i in 0..self.locals.len() as u32 {
            let v = self.b.build_load(self.word_ptr(lp, i)?, "")?.into_int_value();
            self.b.build_store(self.word_ptr(made, i)?, v)?;
        }
        self.b.build_store(field, made)?;
        let made_bb = self.b.get_insert_block().ok_or_else(|| LowerError("builder not positioned".into()))?;
        self.b.build_unconditional_branch(have)?;
        self.b.position_at_end(have);
        let phi = self.b.build_phi(self.ctx.i64_type(), "mirror_addr")?;
        phi.add_incoming(&[(&cur, from), (&made, made_bb)]);
        self.b.build_store(self.genbuf_at(GENBUF_MIRROR)?, phi.as_basic_value().into_int_value())?;
        Ok(())
    }

    /// The mirror's address (`gen_mirror_setup`), for a local store.
    pub fn gen_mirror_base(&self) -> R<PointerValue<'ctx>> {
        let a = self.b.build_load(self.genbuf_at(GENBUF_MIRROR)?, "mirror")?.into_int_value();
        Ok(self.b.build_int_to_ptr(a, self.ctx.i64_type().ptr_type(AddressSpace::default()), "")?)
    }

    /// `YieldValue` at `pc` with `d` live slots (the yielded value on top).
    pub fn lower_yield(&mut self, pc: usize, d: u32) -> R<()> {
        if d == 0 {
            return Err(LowerError("YieldValue on an empty stack".into()));
        }
        self.check_saved_depth(d)?;
        let v = self.load_slot(d - 1)?;
        let lp = self.b.build_load(self.genbuf_at(GENBUF_LOCALS)?, "locals")?.into_int_value();
        for i in 0..self.locals.len() as u32 {
            let p = self.word_ptr(lp, i)?;
            let x = self.load_local(i)?;
            if self.sync_locals {
                // the frame's own copy (the same object, kept by write-through) goes
                let old = self.b.build_load(p, "")?.into_int_value();
                self.b.build_store(p, x)?;
                self.xdecref(old)?;
            } else {
                self.b.build_store(p, x)?;
            }
        }
        let sp = self.b.build_load(self.genbuf_at(GENBUF_STACK)?, "saved")?.into_int_value();
        for k in 0..d - 1 {
            let x = self.load_slot(k)?;
            self.b.build_store(self.word_ptr(sp, k)?, x)?;
        }
        let g = self.b.build_load(self.genbuf_at(GENBUF_GEN)?, "gen")?.into_int_value();
        let count = self.word_ptr(g, (GEN_EXCHANGE_STATE / 8) as u32)?;
        let delegating = pc > 0 && matches!(self.code.instrs[pc - 1], Instr::Send(_));
        let flag = if delegating { GEN_STATE_DELEGATING } else { 0 };
        self.b.build_store(count, self.i64c((d - 1) as u64 | flag))?;
        let pc_field = self.b.build_pointer_cast(
            self.frame_ptr_at(FRAME_PC_OFFSET)?,
            self.ctx.i32_type().ptr_type(AddressSpace::default()),
            "",
        )?;
        self.b.build_store(pc_field, self.i32c(pc as u64 + 1))?;
        self.b.build_return(Some(&v))?;
        Ok(())
    }

    /// `Send(target)` at `pc`: `[recv, sent]` → `[recv, yielded]` (falls through to the
    /// `YieldValue`) or `[returned]` at `target`.
    pub fn lower_send(&mut self, pc: usize, d: u32, target: u32) -> R<()> {
        if d < 2 {
            return Err(LowerError("Send on a short stack".into()));
        }
        let recv = self.load_slot(d - 2)?;
        let sent = self.load_slot(d - 1)?;
        let out = self.scratch_at(0)?;
        let r = self.call_v("pyrt_send", &[recv.into(), sent.into(), out.into()])?;
        self.decref(sent)?;
        self.check_status(r, pc, d - 1, true)?;
        let v = self.b.build_load(out, "sent_out")?.into_int_value();
        let yielded = self.new_block("send_yield");
        let returned = self.new_block("send_return");
        let is_yield = self.b.build_int_compare(IntPredicate::EQ, r, self.i32c(1), "")?;
        self.b.build_conditional_branch(is_yield, yielded, returned)?;
        self.b.position_at_end(returned);
        self.decref(recv)?;
        self.store_slot(d - 2, v)?;
        let tb = self.edge_to(pc, target)?;
        self.b.build_unconditional_branch(tb)?;
        self.b.position_at_end(yielded);
        self.store_slot(d - 1, v)?;
        Ok(())
    }

    /// `GetYieldFromIter`, `AsyncGenWrap`, `GetAwaitable`, `GetAIter`: replace TOS.
    pub fn lower_replace_tos(&mut self, pc: usize, d: u32, f: &str, extra: Option<u32>) -> R<()> {
        if d < 1 {
            return Err(LowerError("stack underflow".into()));
        }
        let o = self.load_slot(d - 1)?;
        let v = match extra {
            Some(w) => self.call_v(f, &[o.into(), self.i32c(w as u64).into()])?,
            None => self.call_v(f, &[o.into()])?,
        };
        self.decref(o)?;
        self.check_null(v, pc, d - 1)?;
        self.store_slot(d - 1, v)?;
        Ok(())
    }

    /// `GetANext`: pushes the awaitable of `TOS.__anext__()`.
    pub fn lower_get_anext(&mut self, pc: usize, d: u32) -> R<()> {
        if d < 1 {
            return Err(LowerError("stack underflow".into()));
        }
        let ait = self.load_slot(d - 1)?;
        let v = self.call_v("pyrt_get_anext", &[ait.into()])?;
        self.check_null(v, pc, d)?;
        self.store_slot(d, v)?;
        Ok(())
    }

    /// `BeforeAsyncWith`: `[mgr]` → `[__aexit__, awaitable of __aenter__()]`.
    pub fn lower_before_async_with(&mut self, pc: usize, d: u32) -> R<()> {
        if d < 1 {
            return Err(LowerError("stack underflow".into()));
        }
        let mgr = self.load_slot(d - 1)?;
        let out = self.scratch_at(0)?;
        self.b.build_store(out, self.i64c(0))?;
        let v = self.call_v("pyrt_before_async_with", &[mgr.into(), out.into()])?;
        self.decref(mgr)?;
        self.check_null(v, pc, d - 1)?;
        let exit = self.b.build_load(out, "aexit")?.into_int_value();
        self.store_slot(d - 1, exit)?;
        self.store_slot(d, v)?;
        Ok(())
    }

    /// `EndAsyncFor`: `[aiter, exc]` → `[]` for StopAsyncIteration, else re-raise `exc`
    /// (no new traceback entry) with `aiter` still live.
    pub fn lower_end_async_for(&mut self, pc: usize, d: u32) -> R<()> {
        if d < 2 {
            return Err(LowerError("stack underflow".into()));
        }
        let e = self.load_slot(d - 1)?;
        let st = self.call_v("pyrt_end_async_for", &[e.into()])?;
        self.decref(e)?;
        self.check_status(st, pc, d - 1, false)?;
        let ait = self.load_slot(d - 2)?;
        self.decref(ait)?;
        Ok(())
    }
}
