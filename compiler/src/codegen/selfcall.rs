//! Self-recursive calls: `fib(n - 1)` inside `fib`, where the global the call pushes is
//! the very function object that is running.
//!
//! A running function is kept alive by whoever called it (the caller's stack slot, the
//! runtime's frame, a bound method, a `map` object...) until it returns, so while it
//! runs, a reference to it needs no count. The `LoadGlobal` of such a site (a name the
//! module binds to this code with `def`, followed by straight-line argument code and
//! the `Call` that consumes it) compares the cached value with the frame's function:
//! when they are the same object it pushes it borrowed (no incref) and says so in an
//! i1 flag. The `Call` then checks that the function still holds this code (a
//! `__code__` assignment in between is seen) and calls this code's own register entry
//! directly: no cache guard, no indirect call, no decref of the callee. Any other case
//! makes the reference owned first and takes the ordinary path; an error between the
//! two instructions counts the reference before the shared unwind block releases the
//! slot (`compensate_borrowed`).

use inkwell::basic_block::BasicBlock;
use inkwell::values::{CallableValue, FunctionValue, IntValue};
use inkwell::IntPredicate;

use super::calls::FUNC_CODE_OFFSET;
use super::function::{Lower, R};
use crate::fe::Instr;

/// Byte offsets of `Frame.code` and `Frame.func` (runtime frame.rs asserts them).
const FRAME_CODE_OFFSET: u64 = 0;
const FRAME_FUNC_OFFSET: u64 = 8;

/// A callee slot that may hold the running function borrowed, until `call_pc`.
#[derive(Clone, Copy)]
pub struct SelfCallee<'ctx> {
    slot: u32,
    call_pc: usize,
    /// i1: the slot's reference is borrowed.
    borrowed: IntValue<'ctx>,
    /// This code's register entry, which the call names.
    reg: FunctionValue<'ctx>,
}

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// The `Call` at which the function `LoadGlobal(i)` at `pc` (depth `d`) pushes would
    /// be this code calling itself, and this code's register entry, when the site
    /// qualifies (module doc): a plain function's code, a name the module binds to it,
    /// a `PushNull` below, only loads and operators up to the call, which the generic
    /// call lowering serves with as many arguments as the entry takes.
    pub(super) fn self_call_site(&self, pc: usize, d: u32, i: u32) -> Option<(usize, FunctionValue<'ctx>)> {
        use crate::fe::code_flags::OPTIMIZED;
        if !self.fast || self.code.is_generator() || self.code.flags & OPTIMIZED == 0 || d == 0 {
            return None;
        }
        let own = self.fname.trim_end_matches(".body");
        let known = self.helpers.module_functions.get(self.code.names.get(i as usize)?)?;
        if known.symbol != own || !matches!(self.code.instrs.get(pc.checked_sub(1)?), Some(Instr::PushNull)) {
            return None;
        }
        for q in pc + 1..self.code.instrs.len() {
            if self.blocks.get(q).copied().flatten().is_some() {
                return None;
            }
            match self.code.instrs[q] {
                Instr::Call(n) if self.depths.get(q).copied().flatten()? == d + 1 + n => {
                    let plain = self.direct.call_at(q).is_none()
                        && self.direct.builtin_call_at(q).is_none()
                        && self.plan.as_ref().and_then(|p| p.math_call.get(q).copied().flatten()).is_none();
                    let reg = self.module.get_function(&format!("{own}.reg"))?;
                    return (plain && reg.count_params() == n + 1).then_some((q, reg));
                }
                Instr::LoadConst(_)
                | Instr::LoadFast(_)
                | Instr::LoadDeref(_)
                | Instr::LoadGlobal(_)
                | Instr::LoadAttr(_)
                | Instr::LoadMethod(_)
                | Instr::PushNull
                | Instr::BinarySubscr
                | Instr::BinaryOp(_)
                | Instr::UnaryOp(_)
                | Instr::CompareOp(_)
                | Instr::IsOp(_)
                | Instr::Call(_) => {}
                _ => return None,
            }
        }
        None
    }

    /// The hit of a self-call site's `LoadGlobal` (`self_call_site`), positioned in the
    /// hit block with the cached value: counts the reference unless it is the running
    /// function, ends the block towards `join` and returns the flag and the block that
    /// reaches `join` (both blocks carry the value).
    pub(super) fn self_callee_hit(&mut self, cached: IntValue<'ctx>, join: BasicBlock<'ctx>) -> R<[(IntValue<'ctx>, BasicBlock<'ctx>); 2]> {
        let running = self.frame_word(FRAME_FUNC_OFFSET, "running")?;
        let is_self = self.b.build_int_compare(IntPredicate::EQ, cached, running, "isself")?;
        let same = self.b.get_insert_block().expect("positioned");
        let counted = self.new_block("glob_counted");
        self.b.build_conditional_branch(is_self, join, counted)?;
        self.b.position_at_end(counted);
        self.incref(cached)?;
        self.b.build_unconditional_branch(join)?;
        let t = self.ctx.bool_type();
        Ok([(t.const_int(1, false), same), (t.const_zero(), counted)])
    }

    /// Records that slot `slot` holds a reference that is borrowed when `borrowed` holds,
    /// until the `Call` at `call_pc`, which calls `reg` (`self_call_site`'s answer).
    pub(super) fn push_self_callee(&mut self, slot: u32, (call_pc, reg): (usize, FunctionValue<'ctx>), borrowed: IntValue<'ctx>) {
        self.self_callees.push(SelfCallee { slot, call_pc, borrowed, reg });
    }

    /// At the `Call` at `pc` whose callee is in slot `base + 1` (`n` arguments): when a
    /// self-call site pushed it, branches to the direct call of its entry when the callee is
    /// borrowed and still holds this code, and returns its result and block (which the
    /// caller joins); the builder is left on the ordinary path, with the callee's
    /// reference owned.
    pub(super) fn lower_self_call(&mut self, pc: usize, base: u32, n: u32) -> R<Option<(IntValue<'ctx>, BasicBlock<'ctx>)>> {
        let Some(k) = self.self_callees.iter().rposition(|s| s.slot == base + 1 && s.call_pc == pc) else { return Ok(None) };
        let SelfCallee { borrowed, reg, .. } = self.self_callees.remove(k);
        let callee = self.load_slot(base + 1)?;
        let running_code = self.frame_word(FRAME_CODE_OFFSET, "runcode")?;
        let direct = self.new_block("self_call");
        let check = self.new_block("self_code");
        let ordinary = self.new_block("self_other");
        let own_ref = self.new_block("self_own");
        self.b.build_conditional_branch(borrowed, check, ordinary)?;
        self.b.position_at_end(check);
        let code = self.load_word_at(callee, self.i64c(FUNC_CODE_OFFSET), "code")?;
        let same_code = self.b.build_int_compare(IntPredicate::EQ, code, running_code, "")?;
        self.b.build_conditional_branch(same_code, direct, own_ref)?;

        self.b.position_at_end(direct);
        let vals = (base + 1..base + n + 2).map(|k| self.load_slot(k)).collect::<R<Vec<_>>>()?;
        self.store_lasti(pc)?;
        let r = self.emit_register_call(CallableValue::from(reg), &vals)?;
        let direct_end = self.b.get_insert_block().expect("positioned");

        // borrowed, but the function's code changed since: count the reference
        self.b.position_at_end(own_ref);
        self.incref(callee)?;
        self.b.build_unconditional_branch(ordinary)?;
        self.b.position_at_end(ordinary);
        Ok(Some((r, direct_end)))
    }

    /// The block an error at depth `depth` should branch to instead of `target` while a
    /// live slot may hold a borrowed running function: it counts that reference (the
    /// unwind block releases every live slot) and goes on to `target`. `None` when no
    /// such slot is live; else the block to branch to and the one that reaches `target`.
    /// The builder stays where it was.
    pub(super) fn compensate_borrowed(&mut self, depth: u32, target: BasicBlock<'ctx>) -> R<Option<(BasicBlock<'ctx>, BasicBlock<'ctx>)>> {
        let live: Vec<SelfCallee<'ctx>> = self.self_callees.iter().copied().filter(|s| s.slot < depth).collect();
        if live.is_empty() {
            return Ok(None);
        }
        let saved = self.b.get_insert_block().expect("positioned");
        let first = self.new_block("err_count_self");
        self.b.position_at_end(first);
        for s in live {
            let count = self.new_block("err_incref_self");
            let next = self.new_block("err_counted");
            self.b.build_conditional_branch(s.borrowed, count, next)?;
            self.b.position_at_end(count);
            self.incref(self.load_slot(s.slot)?)?;
            self.b.build_unconditional_branch(next)?;
            self.b.position_at_end(next);
        }
        self.b.build_unconditional_branch(target)?;
        let last = self.b.get_insert_block().expect("positioned");
        self.b.position_at_end(saved);
        Ok(Some((first, last)))
    }
}
