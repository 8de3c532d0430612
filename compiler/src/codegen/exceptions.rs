//! Error paths and handler dispatch.
//!
//! When the instruction at `pc` fails with `depth` live stack slots (the operands it
//! popped are already released), control goes to
//! * `tb(depth, handler)`: `pyrt_traceback_add(frame, pc)` (skipped for `Reraise` and a
//!   bare `raise`; such a re-raise that leaves a function instead calls
//!   `pyrt_traceback_exit(frame)`, which gives this frame's entry its locals), then
//! * `unwind(depth, handler)`: with a handler, release the slots above the handler's depth,
//!   push `pc` if the entry says `lasti`, push `pyrt_fetch_exception()` and jump to the
//!   handler; without one, release every slot and local and return 0.
//!
//! Both blocks are shared by all failing instructions with the same key; a phi carries `pc`.

use inkwell::basic_block::BasicBlock;
use inkwell::values::{IntValue, PhiValue};
use inkwell::IntPredicate;

use super::function::{unsupported, LowerError, Lower, R};

impl<'a, 'ctx> Lower<'a, 'ctx> {
    fn handler_index(&self, pc: usize) -> Option<usize> {
        let pc = pc as u32;
        self.code.exception_table.iter().position(|e| e.start <= pc && pc < e.end)
    }

    fn unwind_block(&mut self, depth: u32, h: Option<usize>) -> R<(BasicBlock<'ctx>, PhiValue<'ctx>)> {
        if let Some(x) = self.unwind_blocks.get(&(depth, h)) {
            return Ok(*x);
        }
        let saved = self.b.get_insert_block();
        let bb = self.new_block(&format!("unwind_d{depth}_h{}", h.map(|x| x as i64).unwrap_or(-1)));
        self.b.position_at_end(bb);
        let phi = self.b.build_phi(self.ctx.i32_type(), "errpc")?;
        match h {
            Some(hi) => {
                let e = self.code.exception_table[hi];
                if depth < e.depth {
                    return unsupported(format!(
                        "handler depth {} above the live stack depth {depth}",
                        e.depth
                    ));
                }
                let expect = e.depth + e.lasti as u32 + 1;
                if self.depths.get(e.target as usize).copied().flatten() != Some(expect) {
                    return unsupported("handler target stack depth mismatch");
                }
                self.xdecref_slots(e.depth, depth)?;
                let mut k = e.depth;
                if e.lasti {
                    let pc64 = self.b.build_int_z_extend(phi.as_basic_value().into_int_value(), self.ctx.i64_type(), "")?;
                    let sh = self.b.build_left_shift(pc64, self.i64c(1), "")?;
                    let tagged = self.b.build_or(sh, self.i64c(1), "lasti")?;
                    self.store_slot(k, tagged)?;
                    k += 1;
                }
                let exc = self.call_v("pyrt_fetch_exception", &[])?;
                self.store_slot(k, exc)?;
                let target = self.block_at(e.target)?;
                self.b.build_unconditional_branch(target)?;
            }
            None => {
                self.xdecref_slots(0, depth)?;
                self.xdecref_locals()?;
                self.b.build_return(Some(&self.i64c(0)))?;
            }
        }
        if let Some(s) = saved {
            self.b.position_at_end(s);
        }
        self.unwind_blocks.insert((depth, h), (bb, phi));
        Ok((bb, phi))
    }

    /// The block that tells the runtime about the exception at this frame, then unwinds:
    /// with `traceback`, `pyrt_traceback_add(frame, pc)`; else (a re-raise leaving the
    /// function) `pyrt_traceback_exit(frame)`.
    fn tb_block(&mut self, depth: u32, h: Option<usize>, traceback: bool) -> R<(BasicBlock<'ctx>, PhiValue<'ctx>)> {
        if let Some(x) = self.tb_blocks.get(&(depth, h, traceback)) {
            return Ok(*x);
        }
        let (ub, uphi) = self.unwind_block(depth, h)?;
        let saved = self.b.get_insert_block();
        let bb = self.new_block(&format!("tb_d{depth}"));
        self.b.position_at_end(bb);
        let phi = self.b.build_phi(self.ctx.i32_type(), "tbpc")?;
        let pcv = phi.as_basic_value().into_int_value();
        if traceback {
            self.call("pyrt_traceback_add", &[self.frame.into(), pcv.into()])?;
        } else {
            self.call("pyrt_traceback_exit", &[self.frame.into()])?;
        }
        self.b.build_unconditional_branch(ub)?;
        uphi.add_incoming(&[(&pcv, bb)]);
        if let Some(s) = saved {
            self.b.position_at_end(s);
        }
        self.tb_blocks.insert((depth, h, traceback), (bb, phi));
        Ok((bb, phi))
    }

    /// Whether a re-raise leaving this code must give the traceback its locals: a
    /// function (not a generator: the runtime keeps no locals of those) with a handler
    /// that an exception could pass before the re-raise.
    fn keeps_exit_locals(&self) -> bool {
        use pyc_frontend::bytecode::code_flags::OPTIMIZED;
        self.code.flags & OPTIMIZED != 0 && !self.code.is_generator() && !self.code.exception_table.is_empty()
    }

    /// The error block for instruction `pc` failing with `depth` live slots; registers the
    /// current block as a predecessor (the caller must then branch there).
    fn error_target(&mut self, pc: usize, depth: u32, traceback: bool) -> R<BasicBlock<'ctx>> {
        let h = self.handler_index(pc);
        let (bb, phi) = if traceback || (h.is_none() && self.keeps_exit_locals()) {
            self.tb_block(depth, h, traceback)?
        } else {
            self.unwind_block(depth, h)?
        };
        let cur = self
            .b
            .get_insert_block()
            .ok_or_else(|| LowerError("builder not positioned".into()))?;
        if let Some((first, last)) = self.compensate_borrowed(depth, bb)? {
            phi.add_incoming(&[(&self.i32c(pc as u64), last)]);
            return Ok(first);
        }
        phi.add_incoming(&[(&self.i32c(pc as u64), cur)]);
        Ok(bb)
    }

    /// Branches to the error path when `cond` is true; continues in a new block otherwise.
    pub fn branch_error_if(&mut self, cond: IntValue<'ctx>, pc: usize, depth: u32, traceback: bool) -> R<()> {
        let target = self.error_target(pc, depth, traceback)?;
        let cont = self.new_block(&format!("ok{pc}"));
        self.b.build_conditional_branch(cond, target, cont)?;
        self.b.position_at_end(cont);
        Ok(())
    }

    /// Unconditional branch to the error path (`raise`).
    pub fn error_jump(&mut self, pc: usize, depth: u32, traceback: bool) -> R<()> {
        let target = self.error_target(pc, depth, traceback)?;
        self.b.build_unconditional_branch(target)?;
        Ok(())
    }

    /// Error when a value result is 0.
    pub fn check_null(&mut self, v: IntValue<'ctx>, pc: usize, depth: u32) -> R<()> {
        let cond = self.b.build_int_compare(IntPredicate::EQ, v, self.i64c(0), "isnull")?;
        self.branch_error_if(cond, pc, depth, true)
    }

    /// Error when an i32 status is negative.
    pub fn check_status(&mut self, st: IntValue<'ctx>, pc: usize, depth: u32, traceback: bool) -> R<()> {
        let cond = self
            .b
            .build_int_compare(IntPredicate::SLT, st, self.i32c(0), "iserr")?;
        self.branch_error_if(cond, pc, depth, traceback)
    }
}
