//! Generators and coroutines as native resume functions.
//!
//! A generator (or coroutine, or async generator) code object is lowered to the same
//! `i64 @pyc_code_N(i8* %frame)` as a plain function, but its state lives in the heap
//! frame between runs: locals and stack slots are still allocas while the body runs, and
//! are exchanged with the frame through one buffer (`Lower::genbuf`):
//!
//! * entry (`gen_dispatch`): `pyrt_gen_resume` moves the frame's locals and saved operand
//!   stack into the buffer and returns `(resume pc << 1) | throwing`; the locals are
//!   loaded, then a switch goes to one block per suspension point, which loads the stack
//!   slots live there and jumps to the instruction after the `yield` (or to a `Send`
//!   target after the runtime finished a `yield from` delegation, see
//!   `generator::finish_delegation`). When an exception is thrown in (`throw()`,
//!   `close()`), the block loads the slots live at the `yield` and takes the `yield`'s
//!   error path (no new traceback entry: the runtime added it, as the interpreter does).
//! * `YieldValue` at `pc`: the locals and the slots below the yielded value go back into
//!   the frame (`pyrt_gen_suspend(frame, pc + 1, ...)`) and the value is returned; the
//!   runtime tells a yield from a return by the frame's `pc` (`abi::GEN_RUNNING_PC`).
//!
//! Also here: `Send`, `GetYieldFromIter` and the async instructions.

use inkwell::IntPredicate;

use super::function::{Lower, LowerError, R};
use crate::fe::Instr;

impl<'a, 'ctx> Lower<'a, 'ctx> {
    fn genbuf_at(&self, i: u32) -> R<inkwell::values::PointerValue<'ctx>> {
        let buf = self.genbuf.ok_or_else(|| LowerError("yield outside a generator".into()))?;
        Ok(unsafe { self.b.build_gep(buf, &[self.i64c(i as u64)], "gb")? })
    }

    /// Loads stack slots `0..n` from the buffer (after the locals).
    fn load_slots_from_genbuf(&self, n: u32) -> R<()> {
        let nl = self.locals.len() as u32;
        for k in 0..n {
            let v = self.b.build_load(self.genbuf_at(nl + k)?, "")?.into_int_value();
            self.store_slot(k, v)?;
        }
        Ok(())
    }

    /// The resume dispatch (see the module doc); returns its first block.
    pub fn gen_dispatch(&mut self) -> R<inkwell::basic_block::BasicBlock<'ctx>> {
        let buf = self.genbuf.ok_or_else(|| LowerError("generator without a frame buffer".into()))?;
        let start = self.new_block("gen_dispatch");
        self.b.position_at_end(start);
        let keep = self.i32c(self.sync_locals as u64);
        let r = self.call_v("pyrt_gen_resume", &[self.frame.into(), buf.into(), keep.into()])?;
        for i in 0..self.locals.len() as u32 {
            let v = self.b.build_load(self.genbuf_at(i)?, "")?.into_int_value();
            self.store_local(i, v)?;
        }
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
                    seen[p] = true;
                    let nb = self.new_block(&format!("resume{p}"));
                    self.b.position_at_end(nb);
                    self.load_slots_from_genbuf(d)?;
                    self.b.build_unconditional_branch(self.block_at(p as u32)?)?;
                    cases.push((self.i32c((p as u64) << 1), nb));
                    let tb = self.new_block(&format!("throw{p}"));
                    self.b.position_at_end(tb);
                    self.load_slots_from_genbuf(d - 1)?;
                    self.error_jump(pc, d - 1, false)?;
                    cases.push((self.i32c(((p as u64) << 1) | 1), tb));
                }
                Instr::Send(t) => {
                    let t = t as usize;
                    let Some(dt) = self.depths.get(t).copied().flatten() else { continue };
                    if seen[t] {
                        continue;
                    }
                    seen[t] = true;
                    let nb = self.new_block(&format!("resume{t}"));
                    self.b.position_at_end(nb);
                    self.load_slots_from_genbuf(dt)?;
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

    /// `YieldValue` at `pc` with `d` live slots (the yielded value on top).
    pub fn lower_yield(&mut self, pc: usize, d: u32) -> R<()> {
        if d == 0 {
            return Err(LowerError("YieldValue on an empty stack".into()));
        }
        let buf = self.genbuf.ok_or_else(|| LowerError("yield outside a generator".into()))?;
        let v = self.load_slot(d - 1)?;
        let nl = self.locals.len() as u32;
        for i in 0..nl {
            let x = self.load_local(i)?;
            self.b.build_store(self.genbuf_at(i)?, x)?;
        }
        for k in 0..d - 1 {
            let x = self.load_slot(k)?;
            self.b.build_store(self.genbuf_at(nl + k)?, x)?;
        }
        self.call(
            "pyrt_gen_suspend",
            &[self.frame.into(), self.i32c(pc as u64 + 1).into(), buf.into(), self.i32c((d - 1) as u64).into()],
        )?;
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
