//! The lowering of a typed loop copy (the module doc of `versioned` says what a copy
//! is, when it is entered and how it leaves): the entry test at the loop head, the
//! invariants checked once on entering, the copy's blocks on raw `f64`s and tagged
//! words, its guards, and the write-back of its state when it leaves.

use std::collections::HashMap;

use inkwell::basic_block::BasicBlock;
use inkwell::values::{FloatValue, IntValue, PointerValue};
use inkwell::IntPredicate;

use super::super::calls::{CACHE_WORDS, FUNC_CODE_OFFSET};
use super::super::floatpath::FLOAT_VALUE_OFFSET;
use super::super::function::{Lower, LowerError, R};
use super::super::loops::{BIG_OFFSET, LIST_ITER_INDEX_OFFSET, LIST_ITER_SEQ_OFFSET, NEXT_OFFSET, REMAINING_OFFSET, STEP_OFFSET, TYPE_OFFSET};
use super::super::subscr::{TUPLE_ITEMS_OFFSET, TUPLE_LEN_OFFSET};
use super::super::tbaa::Word;
use super::*;
use crate::fe::{BinOp, CmpOp, CodeObject, Constant, Instr};

/// A value on the typed copy's stack.
#[derive(Clone, Copy)]
enum SVal<'ctx> {
    Int(IntValue<'ctx>),
    Float(FloatValue<'ctx>),
    Bool(IntValue<'ctx>),
    /// A borrowed object word (a list the loop reads, a function it inlines) or NULL.
    Word(IntValue<'ctx>),
}

/// What the copy reads of a list: its items pointer, its length and its all-floats mark
/// (i1; none of them changes while the copy runs: its only stores are in-place float
/// updates and ints over ints, which keep all three), and how many items it was guarded
/// to have where the copy took it (constant indexes below need no test).
#[derive(Clone, Copy)]
struct ListParts<'ctx> {
    items: IntValue<'ctx>,
    len: IntValue<'ctx>,
    all_floats: IntValue<'ctx>,
    guarded_len: u64,
}

/// Lowering state of one typed copy.
struct CopyState<'ctx> {
    /// The f64 variables of `Float` locals (allocas, promoted by mem2reg).
    fvars: HashMap<u32, PointerValue<'ctx>>,
    /// The homes of the `Float` locals.
    homes: HashMap<u32, PointerValue<'ctx>>,
    /// A range head's iterator, and the variables of its `next` and `remaining` words.
    range: Option<(IntValue<'ctx>, PointerValue<'ctx>, PointerValue<'ctx>, IntValue<'ctx>)>,
    /// A list head's iterator, its list and the variable of its index.
    list_iter: Option<(IntValue<'ctx>, IntValue<'ctx>, PointerValue<'ctx>)>,
    /// The contents of the cells the loop reads (`LoopCopy::derefs`), read on entering.
    derefs: HashMap<u32, SVal<'ctx>>,
    /// The values of the number locals (`LoopCopy::nums`), read on entering.
    nums: HashMap<u32, FloatValue<'ctx>>,
    /// The variables of the list locals the loop binds (`LoopCopy::bound_lists`).
    bound: HashMap<u32, PointerValue<'ctx>>,
    /// In the head's item block: the item (borrowed), for a failing guard to push back.
    item: Option<IntValue<'ctx>>,
    /// The write-back continuing at the item block's generic code, with the item pushed.
    item_leave: Option<BasicBlock<'ctx>>,
    /// Shared write-back blocks, by the generic pc they continue at.
    leave: HashMap<usize, BasicBlock<'ctx>>,
    /// The generic code past the entry test.
    resume_head: BasicBlock<'ctx>,
    /// The copy's blocks, by pc.
    blocks: HashMap<usize, BasicBlock<'ctx>>,
    /// The statement being lowered (where a failing guard resumes).
    stmt: usize,
    /// Values that cannot change while the copy runs (it runs no other code), computed
    /// and guarded once on entering: each global's value, by the pc loading it...
    globals: HashMap<usize, SVal<'ctx>>,
    /// ... and each list local's items pointer and length.
    lists: HashMap<u32, ListParts<'ctx>>,
}

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// At the head of loop `l` (the builder at the start of its generic block): the entry
    /// test and the typed copy. Leaves the builder in the generic block that lowers the
    /// head's instruction.
    pub fn lower_loop_copy(&mut self, l: &LoopCopy) -> R<()> {
        let resume_head = self.new_block(&format!("generic{}", l.head));
        let enter = self.new_block(&format!("copy_enter{}", l.head));
        let mut ok = self.ctx.bool_type().const_int(1, false);
        let mut homes = HashMap::new();
        for &(i, t) in &l.locals {
            if l.bound_lists.contains(&i) || l.nums.contains(&i) {
                // checked in `copy_invariants`
                continue;
            }
            let w = self.load_local(i)?;
            let c = match t {
                Ty::Float => {
                    let (home, tag) = self.home(i)?.ok_or_else(|| LowerError("float local without a home".into()))?;
                    homes.insert(i, home);
                    self.b.build_int_compare(IntPredicate::EQ, w, tag, "")?
                }
                // a bound object (not a tagged int or an unboxed number)
                Ty::Obj => {
                    let heap = self.b.build_int_compare(IntPredicate::EQ, self.b.build_and(w, self.i64c(3), "")?, self.i64c(0), "")?;
                    let bound = self.b.build_int_compare(IntPredicate::NE, w, self.i64c(0), "")?;
                    self.b.build_and(heap, bound, "")?
                }
                _ => self.is_tagged(w)?,
            };
            ok = self.b.build_and(ok, c, "typed")?;
        }
        if !l.inlined.is_empty() {
            // the inlined calls would not raise RecursionError
            ok = self.b.build_and(ok, self.below_recursion_limit()?, "")?;
        }
        let mut iter = None;
        if l.kind != Head::While {
            let it = self.load_slot(l.base - 1)?;
            let heap = self.b.build_not(self.is_tagged(it)?, "")?;
            let test_iter = self.new_block("copy_iter");
            self.b.build_conditional_branch(self.b.build_and(ok, heap, "")?, test_iter, resume_head)?;
            self.b.position_at_end(test_iter);
            ok = if l.kind == Head::Range {
                let is_range = self.is_range_iter(it)?;
                let big = self.load_word_at(it, self.i64c(BIG_OFFSET), "big")?;
                let small = self.b.build_int_compare(IntPredicate::EQ, big, self.i64c(0), "")?;
                self.b.build_and(is_range, small, "")?
            } else {
                let want = self.startup_global("pyrt_list_iter_type")?;
                let ty = self.load_word_of(it, self.i64c(TYPE_OFFSET), "ty", Word::Type)?;
                let test_seq = self.new_block("copy_seq");
                self.b.build_conditional_branch(self.b.build_int_compare(IntPredicate::EQ, ty, want, "")?, test_seq, resume_head)?;
                self.b.position_at_end(test_seq);
                // an exhausted iterator has let its list go
                let seq = self.load_word_at(it, self.i64c(LIST_ITER_SEQ_OFFSET), "seq")?;
                self.b.build_int_compare(IntPredicate::NE, seq, self.i64c(0), "")?
            };
            iter = Some(it);
        }
        self.b.build_conditional_branch(ok, enter, resume_head)?;

        self.b.position_at_end(enter);
        let mut fvars = HashMap::new();
        for &(i, _) in &l.locals {
            let Some(&home) = homes.get(&i) else { continue };
            let var = self.entry_b.build_alloca(self.ctx.f64_type(), &format!("copy_f{i}"))?;
            self.b.build_store(var, self.b.build_load(home, "")?)?;
            fvars.insert(i, var);
        }
        let mut bound = HashMap::new();
        for &i in &l.bound_lists {
            let var = self.entry_b.build_alloca(self.ctx.i64_type(), &format!("copy_o{i}"))?;
            self.b.build_store(var, self.load_local(i)?)?;
            bound.insert(i, var);
        }
        let (mut range, mut list_iter) = (None, None);
        match (l.kind, iter) {
            (Head::Range, Some(it)) => {
                let next = self.entry_b.build_alloca(self.ctx.i64_type(), "copy_next")?;
                let rem = self.entry_b.build_alloca(self.ctx.i64_type(), "copy_rem")?;
                self.b.build_store(next, self.load_word_at(it, self.i64c(NEXT_OFFSET), "next")?)?;
                self.b.build_store(rem, self.load_word_at(it, self.i64c(REMAINING_OFFSET), "rem")?)?;
                let step = self.load_word_at(it, self.i64c(STEP_OFFSET), "step")?;
                range = Some((it, next, rem, step));
            }
            (Head::List, Some(it)) => {
                let index = self.entry_b.build_alloca(self.ctx.i64_type(), "copy_index")?;
                self.b.build_store(index, self.load_word_at(it, self.i64c(LIST_ITER_INDEX_OFFSET), "index")?)?;
                let seq = self.load_word_at(it, self.i64c(LIST_ITER_SEQ_OFFSET), "seq")?;
                list_iter = Some((it, seq, index));
            }
            _ => {}
        }
        let mut blocks = HashMap::new();
        for pc in l.head..=l.back {
            if pc == l.head || self.blocks[pc].is_some() {
                blocks.insert(pc, self.new_block(&format!("copy{pc}")));
            }
        }
        let mut cp = CopyState { fvars, homes, range, list_iter, bound, derefs: HashMap::new(), nums: HashMap::new(), item: None, item_leave: None, leave: HashMap::new(), resume_head, blocks, stmt: l.head, globals: HashMap::new(), lists: HashMap::new() };
        self.copy_invariants(l, &mut cp)?;
        self.b.build_unconditional_branch(cp.blocks[&l.head])?;
        self.lower_copy_body(l, &mut cp)?;
        self.b.position_at_end(resume_head);
        Ok(())
    }

    /// On entering the copy: the globals it loads (guarded: still cached, a small int or
    /// the function an inlined call expects), and the lists it subscripts.
    fn copy_invariants(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>) -> R<()> {
        for pc in l.head..=l.back {
            let Instr::LoadGlobal(i) = self.code.instrs[pc] else { continue };
            if let Some(&Ty::Math(k)) = l.types.get(&pc) {
                // `math.f` (the module attribute site of `LoadGlobal m; LoadMethod f`)
                let miss = self.leave_to(l, cp, cp.stmt)?;
                let f = self.module_attr_cached(pc, miss)?;
                let want = self.math_func(k)?;
                self.guard(l, cp, self.b.build_int_compare(IntPredicate::EQ, f, want, "")?)?;
                continue;
            }
            let (hit, v) = self.cached_global(i)?;
            self.guard(l, cp, hit)?;
            let func = l.types.get(&pc) == Some(&Ty::Func);
            if !func {
                let tagged = self.is_tagged(v)?;
                self.guard(l, cp, tagged)?;
            }
            cp.globals.insert(pc, if func { SVal::Word(v) } else { SVal::Int(v) });
        }
        let mut calls: Vec<(&usize, &(String, usize))> = l.inlined.iter().collect();
        calls.sort();
        for (&pc, (name, gpc)) in calls {
            let Some(SVal::Word(f)) = cp.globals.get(gpc).copied() else { return Err(LowerError("typed copy: callee global".into())) };
            self.copy_callee_guard(l, cp, pc, name, f)?;
        }
        for &(i, t) in &l.derefs {
            let cell = self.load_local(self.nvarnames + i)?;
            self.guard(l, cp, self.b.build_int_compare(IntPredicate::NE, cell, self.i64c(0), "")?)?;
            let v = self.load_word_at(cell, self.i64c(super::super::globals::CELL_VALUE_OFFSET), "cellv")?;
            // (an empty cell raises NameError in the generic code)
            self.guard(l, cp, self.b.build_int_compare(IntPredicate::NE, v, self.i64c(0), "")?)?;
            if t == Ty::Obj {
                let is_list = self.copy_has_type(v, self.list_layout_word(0)?)?;
                self.guard(l, cp, is_list)?;
                let parts = self.copy_list_parts(l, cp, DEREF + i, v)?;
                cp.lists.insert(DEREF + i, parts);
                cp.derefs.insert(i, SVal::Word(v));
            } else {
                self.guard(l, cp, self.is_tagged(v)?)?;
                cp.derefs.insert(i, SVal::Int(v));
            }
        }
        for &i in &l.nums {
            let w = self.load_local(i)?;
            let int_bb = self.new_block("copy_numint");
            let obj_bb = self.new_block("copy_numobj");
            let join = self.new_block("copy_num");
            self.b.build_conditional_branch(self.is_tagged(w)?, int_bb, obj_bb)?;
            self.b.position_at_end(int_bb);
            let converted = self.copy_f64(SVal::Int(w))?;
            self.b.build_unconditional_branch(join)?;
            self.b.position_at_end(obj_bb);
            let f = self.copy_float_of(l, cp, w)?;
            let obj_end = self.b.get_insert_block().expect("positioned");
            self.b.build_unconditional_branch(join)?;
            self.b.position_at_end(join);
            let phi = self.b.build_phi(self.ctx.f64_type(), "num")?;
            phi.add_incoming(&[(&converted, int_bb), (&f, obj_end)]);
            cp.nums.insert(i, phi.as_basic_value().into_float_value());
        }
        for &i in &l.bound_lists {
            // the value a bound list local had is released on leaving: it must not die
            // there (nothing the copy does releases anything)
            let w = self.load_local(i)?;
            let low = self.b.build_and(w, self.i64c(3), "")?;
            let heap = self.b.build_and(self.b.build_int_compare(IntPredicate::EQ, low, self.i64c(0), "")?, self.b.build_int_compare(IntPredicate::NE, w, self.i64c(0), "")?, "")?;
            let check = self.new_block("copy_oldrc");
            let next = self.new_block("copy_oldok");
            self.b.build_conditional_branch(heap, check, next)?;
            self.b.position_at_end(check);
            let rc = self.load_word_of(w, self.i64c(0), "rc", Word::Refcount)?;
            self.guard(l, cp, self.b.build_int_compare(IntPredicate::SGE, rc, self.i64c(2), "")?)?;
            self.b.build_unconditional_branch(next)?;
            self.b.position_at_end(next);
        }
        for &(i, t) in &l.locals {
            if t != Ty::Obj || l.bound_lists.contains(&i) {
                continue;
            }
            let seq = self.load_local(i)?;
            let list_ty = self.list_layout_word(0)?;
            let ty = self.load_word_of(seq, self.i64c(TYPE_OFFSET), "ty", Word::Type)?;
            self.guard(l, cp, self.b.build_int_compare(IntPredicate::EQ, ty, list_ty, "")?)?;
            let parts = self.copy_list_parts(l, cp, i, seq)?;
            cp.lists.insert(i, parts);
        }
        Ok(())
    }

    fn lower_copy_body(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>) -> R<()> {
        let mut stack: Vec<SVal<'ctx>> = Vec::new();
        let mut terminated = true;
        for pc in l.head..=l.back {
            if let Some(&bb) = cp.blocks.get(&pc) {
                if !terminated {
                    self.b.build_unconditional_branch(bb)?;
                }
                self.b.position_at_end(bb);
            } else if terminated {
                continue;
            }
            terminated = false;
            if stack.is_empty() {
                cp.stmt = pc;
                cp.item = None;
            }
            if let Some(dbg) = &self.helpers.debug {
                dbg.at_instruction(&self.b, self.func, self.code, pc);
            }
            match self.code.instrs[pc] {
                Instr::ForIter(_) => {
                    let item = if l.kind == Head::Range { SVal::Int(self.copy_range_next(l, cp)?) } else { SVal::Word(self.copy_list_next(l, cp)?) };
                    let (SVal::Int(w) | SVal::Word(w)) = item else { unreachable!() };
                    cp.item = Some(w);
                    stack.push(item);
                }
                Instr::LoadFast(i) if cp.nums.contains_key(&i) => stack.push(SVal::Float(cp.nums[&i])),
                Instr::LoadFast(i) => stack.push(match (cp.fvars.get(&i), cp.bound.get(&i)) {
                    (Some(&var), _) => SVal::Float(self.b.build_load(var, "cf")?.into_float_value()),
                    (_, Some(&var)) => SVal::Word(self.b.build_load(var, "co")?.into_int_value()),
                    _ if l.locals.contains(&(i, Ty::Obj)) => SVal::Word(self.load_local(i)?),
                    _ => SVal::Int(self.load_local(i)?),
                }),
                Instr::StoreFast(i) => {
                    let v = pop(&mut stack)?;
                    self.copy_store(l, cp, i, v)?;
                }
                Instr::LoadDeref(i) => stack.push(*cp.derefs.get(&i).ok_or_else(|| LowerError("typed copy: cell".into()))?),
                Instr::UnpackSequence(n) => {
                    let SVal::Word(seq) = pop(&mut stack)? else { return Err(LowerError("typed copy: unpack".into())) };
                    let items = self.copy_tuple_items(l, cp, seq, n)?;
                    // item 0 ends on top
                    for k in (0..n).rev() {
                        stack.push(SVal::Word(self.load_word_of(items, self.i64c(8 * k as u64), "item", Word::TupleField)?));
                    }
                }
                Instr::Copy(n) => stack.push(stack[stack.len() - n as usize]),
                Instr::Swap(n) => {
                    let top = stack.len() - 1;
                    stack.swap(top + 1 - n as usize, top);
                }
                Instr::PushNull => stack.push(SVal::Word(self.i64c(0))),
                Instr::LoadConst(c) if matches!(self.code.consts.get(c as usize), Some(Constant::None)) => stack.push(SVal::Word(self.i64c(0))),
                Instr::BinarySlice(_) => {
                    let (_, _, start) = (pop(&mut stack)?, pop(&mut stack)?, pop(&mut stack)?);
                    stack.truncate(stack.len() - 1);
                    stack.push(start);
                }
                Instr::StoreSlice(_) => {
                    let (stop, _, _, start) = (pop(&mut stack)?, pop(&mut stack)?, pop(&mut stack)?, pop(&mut stack)?);
                    let list = self.copy_list(l, cp, pc)?;
                    let (SVal::Int(k), SVal::Int(m)) = (start, stop) else { return Err(LowerError("typed copy: slice".into())) };
                    self.copy_reverse_prefix(l, cp, list, k, m)?;
                }
                Instr::LoadGlobal(_) if matches!(l.types.get(&pc), Some(Ty::Math(_))) => stack.push(SVal::Word(self.i64c(0))),
                Instr::LoadMethod(_) => {
                    // `math.f`, guarded on entering: the call computes it
                    pop(&mut stack)?;
                    stack.extend([SVal::Word(self.i64c(0)); 2]);
                }
                Instr::LoadGlobal(_) => stack.push(*cp.globals.get(&pc).ok_or_else(|| LowerError("typed copy: global".into()))?),
                Instr::Call(1) if l.math_calls.contains_key(&pc) => {
                    let x = pop(&mut stack)?;
                    stack.truncate(stack.len() - 2);
                    let x = self.copy_f64(x)?;
                    let (r, finite) = self.math_inline(l.math_calls[&pc], x)?;
                    self.guard(l, cp, finite)?;
                    stack.push(SVal::Float(r));
                }
                Instr::StoreSubscr => {
                    let (index, _, value) = (pop(&mut stack)?, pop(&mut stack)?, pop(&mut stack)?);
                    let list = self.copy_list(l, cp, pc)?;
                    let SVal::Int(index) = index else { return Err(LowerError("typed copy: subscript".into())) };
                    self.copy_store_item(l, cp, list, index, value)?;
                }
                Instr::Call(n) => {
                    let (name, _) = l.inlined.get(&pc).ok_or_else(|| LowerError("typed copy: call".into()))?;
                    let args = stack.split_off(stack.len() - n as usize);
                    stack.truncate(stack.len() - 2);
                    let r = self.copy_inline_call(l, cp, name, args)?;
                    stack.push(r);
                }
                Instr::BinarySubscr => {
                    let (index, _) = (pop(&mut stack)?, pop(&mut stack)?);
                    let list = self.copy_list(l, cp, pc)?;
                    let SVal::Int(index) = index else { return Err(LowerError("typed copy: subscript".into())) };
                    let v = self.copy_list_item(l, cp, list, index, l.types.get(&pc).copied().unwrap_or(Ty::Int))?;
                    stack.push(v);
                }
                Instr::Jump(t) if pc == l.back => {
                    // the eval breaker: leave for the generic back-edge, which handles it
                    let set = super::super::function::load_runtime_flag(self.ctx, self.module, &self.b, "pyrt_eval_breaker")?;
                    let clear = self.b.build_int_compare(IntPredicate::EQ, set, self.i32c(0), "")?;
                    let generic = self.leave_to(l, cp, pc)?;
                    self.b.build_conditional_branch(clear, cp.blocks[&(t as usize)], generic)?;
                    terminated = true;
                }
                Instr::Jump(t) => {
                    let target = self.copy_target(l, cp, t as usize)?;
                    self.b.build_unconditional_branch(target)?;
                    terminated = true;
                }
                Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                    let c = match pop(&mut stack)? {
                        SVal::Word(w) => self.copy_item_truth(l, cp, w)?,
                        v => self.copy_truth(v)?,
                    };
                    let jump = self.copy_target(l, cp, t as usize)?;
                    let next = self.copy_target(l, cp, pc + 1)?;
                    if matches!(self.code.instrs[pc], Instr::PopJumpIfFalse(_)) {
                        self.b.build_conditional_branch(c, next, jump)?;
                    } else {
                        self.b.build_conditional_branch(c, jump, next)?;
                    }
                    terminated = true;
                }
                ins => self.copy_pure(l, cp, self.code, ins, &mut stack)?,
            }
        }
        Ok(())
    }

    /// The instructions a loop and an inlined callee share: constants, arithmetic,
    /// comparisons (`code` is the one `ins` belongs to).
    fn copy_pure(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, code: &CodeObject, ins: Instr, stack: &mut Vec<SVal<'ctx>>) -> R<()> {
        match ins {
            Instr::Nop => {}
            Instr::LoadConst(c) => stack.push(match code.consts.get(c as usize) {
                Some(Constant::Int(x)) => SVal::Int(self.i64s((x << 1) | 1)),
                Some(Constant::Float(f)) => SVal::Float(self.ctx.f64_type().const_float(*f)),
                _ => return Err(LowerError("typed copy: constant".into())),
            }),
            Instr::BinaryOp(op) | Instr::InplaceOp(op) => {
                let (b, a) = (pop(stack)?, pop(stack)?);
                let r = self.copy_arith(l, cp, BinOp::ALL[op as usize], a, b)?;
                stack.push(r);
            }
            Instr::CompareOp(op) => {
                let (b, a) = (pop(stack)?, pop(stack)?);
                let c = match (a, b) {
                    (SVal::Int(x), SVal::Int(y)) => self.b.build_int_compare(Self::cmp_pred(CmpOp::from_u32(op)), x, y, "icmp")?,
                    (SVal::Float(x), SVal::Float(y)) => self.b.build_float_compare(Self::float_pred(op), x, y, "fcmp")?,
                    _ => return Err(LowerError("typed copy: comparison".into())),
                };
                stack.push(SVal::Bool(c));
            }
            _ => return Err(LowerError(format!("typed copy: instruction {ins:?}"))),
        }
        Ok(())
    }

    /// `StoreFast i` of the copy: a value of the local's type, or an item checked to have
    /// it (a list for a bound list local, a tagged int, an exact float).
    fn copy_store(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, i: u32, v: SVal<'ctx>) -> R<()> {
        if let (SVal::Word(w), Some(&var)) = (v, cp.bound.get(&i)) {
            let is_list = self.copy_has_type(w, self.list_layout_word(0)?)?;
            self.guard(l, cp, is_list)?;
            self.guard_bound_list(l, cp, i, w)?;
            self.b.build_store(var, w)?;
            return Ok(());
        }
        let v = match (v, cp.fvars.contains_key(&i)) {
            (SVal::Word(w), false) => {
                self.guard(l, cp, self.is_tagged(w)?)?;
                SVal::Int(w)
            }
            (SVal::Word(w), true) => SVal::Float(self.copy_float_of(l, cp, w)?),
            _ => v,
        };
        match (v, cp.fvars.get(&i)) {
            (SVal::Float(f), Some(&var)) => {
                self.b.build_store(var, f)?;
            }
            (SVal::Int(w), None) => {
                // the generic local's word, without the mirror (written on leaving)
                self.b.build_store(self.local(i)?, w)?;
            }
            _ => return Err(LowerError("typed copy: store of the wrong type".into())),
        }
        Ok(())
    }

    /// i1: word `w` is a heap object of type `ty`.
    fn copy_has_type(&mut self, w: IntValue<'ctx>, ty: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        // (a word that is not an object cannot be read: the type test waits for the tag's)
        let low = self.b.build_and(w, self.i64c(3), "")?;
        let heap = self.b.build_int_compare(IntPredicate::EQ, low, self.i64c(0), "")?;
        self.short_circuit(heap, false, "copy_ty", |this| {
            let t = this.load_word_of(w, this.i64c(TYPE_OFFSET), "oty", Word::Type)?;
            Ok(this.b.build_int_compare(IntPredicate::EQ, t, ty, "")?)
        })
    }

    /// The number of `w`, which must be an exact float (else the copy leaves).
    fn copy_float_of(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, w: IntValue<'ctx>) -> R<FloatValue<'ctx>> {
        let float_ty = self.singleton("pyrt_float_type")?;
        let is_float = self.copy_has_type(w, float_ty)?;
        self.guard(l, cp, is_float)?;
        self.float_number(w)
    }

    /// The number of exact float `w`.
    fn float_number(&self, w: IntValue<'ctx>) -> R<FloatValue<'ctx>> {
        let bits = self.load_word_of(w, self.i64c(FLOAT_VALUE_OFFSET), "fbits", Word::FloatValue)?;
        Ok(self.b.build_bit_cast(bits, self.ctx.f64_type(), "fv")?.into_float_value())
    }

    /// i1: `item` of `list` is an exact float: known when the list is marked all-floats,
    /// else tested.
    fn copy_item_is_float(&mut self, list: ListParts<'ctx>, item: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        self.short_circuit(list.all_floats, true, "copy_isfloat", |this| {
            let float_ty = this.singleton("pyrt_float_type")?;
            this.copy_has_type(item, float_ty)
        })
    }

    /// The items pointer of `seq`, which must be an exact tuple of `n` items.
    fn copy_tuple_items(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, seq: IntValue<'ctx>, n: u32) -> R<IntValue<'ctx>> {
        let tuple_ty = self.startup_global("pyrt_tuple_type")?;
        let is_tuple = self.copy_has_type(seq, tuple_ty)?;
        self.guard(l, cp, is_tuple)?;
        let len = self.load_word_of(seq, self.i64c(TUPLE_LEN_OFFSET), "tlen", Word::TupleField)?;
        self.guard(l, cp, self.b.build_int_compare(IntPredicate::EQ, len, self.i64c(n as u64), "")?)?;
        self.load_word_of(seq, self.i64c(TUPLE_ITEMS_OFFSET), "titems", Word::TupleField)
    }

    /// The items pointer and length of the list the subscript at `pc` reads or writes:
    /// read on entering for a list local the loop does not bind, else from the list its
    /// variable holds (a list, checked when bound).
    fn copy_list(&mut self, l: &LoopCopy, cp: &CopyState<'ctx>, pc: usize) -> R<ListParts<'ctx>> {
        let i = *l.containers.get(&pc).ok_or_else(|| LowerError("typed copy: container".into()))?;
        if let Some(&list) = cp.lists.get(&i) {
            return Ok(list);
        }
        let var = *cp.bound.get(&i).ok_or_else(|| LowerError("typed copy: list local".into()))?;
        let seq = self.b.build_load(var, "co")?.into_int_value();
        // (guarded when bound: `guard_bound_list`)
        self.list_parts(seq, float_only_list(l, i), self.const_index_extent(l, i))
    }

    /// What the copy reads of exact list `seq`; `marked`: known to be marked all-floats;
    /// `guarded_len`: known to have that many items.
    fn list_parts(&self, seq: IntValue<'ctx>, marked: bool, guarded_len: u64) -> R<ListParts<'ctx>> {
        Ok(ListParts {
            items: self.load_word_of(seq, self.list_layout_word(1)?, "items", Word::ListFields)?,
            len: self.load_word_of(seq, self.list_layout_word(2)?, "len", Word::ListFields)?,
            all_floats: if marked { self.ctx.bool_type().const_all_ones() } else { self.list_all_floats(seq)? },
            guarded_len,
        })
    }

    /// What the copy reads of exact list `seq`, local `i`, read on entering: a list the
    /// loop reads only as floats is guarded marked all-floats first. (Its constant
    /// indexes keep their tests: a guard of the length on each entering costs more than
    /// it saves where the loop runs few iterations per entry, as fannkuch's flips.)
    fn copy_list_parts(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, i: u32, seq: IntValue<'ctx>) -> R<ListParts<'ctx>> {
        let marked = float_only_list(l, i);
        if marked {
            self.guard_all_floats(l, cp, seq)?;
        }
        self.list_parts(seq, marked, 0)
    }

    /// Where the copy binds exact list `seq` to local `i` (each iteration): guards what
    /// makes its item accesses test nothing: a list the loop reads only as floats is
    /// marked all-floats (`guard_all_floats`), and it holds every item the loop's
    /// constant indexes name (`const_index_extent`; a shorter list runs the generic code,
    /// which raises the IndexError where the access is).
    fn guard_bound_list(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, i: u32, seq: IntValue<'ctx>) -> R<()> {
        if float_only_list(l, i) {
            self.guard_all_floats(l, cp, seq)?;
        }
        let extent = self.const_index_extent(l, i);
        if extent > 0 {
            let len = self.load_word_of(seq, self.list_layout_word(2)?, "len", Word::ListFields)?;
            self.guard(l, cp, self.b.build_int_compare(IntPredicate::UGE, len, self.i64c(extent), "")?)?;
        }
        Ok(())
    }

    /// One past the largest constant index (`LoadConst k` right before the subscript, or
    /// before the `Copy 2; Copy 2` of `seq[k] op= v`) with which the loop reads list local
    /// `i`; 0 when it reads none.
    fn const_index_extent(&self, l: &LoopCopy, i: u32) -> u64 {
        let instrs = &self.code.instrs;
        let const_index = |pc: usize| -> Option<u64> {
            let at = match instrs.get(pc.checked_sub(1)?)? {
                Instr::Copy(2) if pc >= 3 && instrs[pc - 2] == Instr::Copy(2) => pc - 3,
                _ => pc - 1,
            };
            match instrs[at] {
                Instr::LoadConst(c) => match self.code.consts.get(c as usize)? {
                    Constant::Int(k) if *k >= 0 => Some(*k as u64),
                    _ => None,
                },
                _ => None,
            }
        };
        l.containers
            .iter()
            .filter(|&(&pc, &c)| c == i && instrs[pc] == Instr::BinarySubscr)
            .filter_map(|(&pc, _)| const_index(pc))
            .map(|k| k + 1)
            .max()
            .unwrap_or(0)
    }

    /// Guards that exact list `seq` is marked all-floats, marking it first when every
    /// item is an exact float (a mutation through the runtime's `items_mut` drops the
    /// mark even when the items stay floats). Its item reads then test nothing.
    fn guard_all_floats(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, seq: IntValue<'ctx>) -> R<()> {
        let marked = self.list_all_floats(seq)?;
        let marked = self.short_circuit(marked, true, "copy_marked", |this| {
            let status = this.call_v("pyrt_list_mark_floats", &[seq.into()])?;
            Ok(this.b.build_int_compare(IntPredicate::NE, status, status.get_type().const_zero(), "")?)
        })?;
        self.guard(l, cp, marked)
    }

    /// `list[index] = value` (the statement's last instruction), when the item it replaces
    /// can take the value without releasing anything: a tagged int over a tagged int, an
    /// f64 into an exact float nothing else references (its number overwritten, as the
    /// generic `StoreSubscr` does). Else the copy leaves before the statement.
    fn copy_store_item(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, list: ListParts<'ctx>, index: IntValue<'ctx>, value: SVal<'ctx>) -> R<()> {
        let p = self.copy_item_ptr(l, cp, list, index)?;
        let old = self.load_classified(p, "old", Word::ListItem)?;
        match value {
            SVal::Int(w) => {
                self.guard(l, cp, self.is_tagged(old)?)?;
                self.set_alias_class(self.b.build_store(p, w)?, Word::ListItem)?;
            }
            SVal::Float(f) => {
                let is_float = self.copy_item_is_float(list, old)?;
                self.guard(l, cp, is_float)?;
                let rc = self.load_word_of(old, self.i64c(0), "oldrc", Word::Refcount)?;
                self.guard(l, cp, self.b.build_int_compare(IntPredicate::EQ, rc, self.i64c(1), "")?)?;
                let fp = self.b.build_int_to_ptr(self.b.build_int_add(old, self.i64c(FLOAT_VALUE_OFFSET), "")?, self.ctx.f64_type().ptr_type(inkwell::AddressSpace::default()), "")?;
                self.set_alias_class(self.b.build_store(fp, f)?, Word::FloatValue)?;
            }
            _ => return Err(LowerError("typed copy: stored item".into())),
        }
        Ok(())
    }

    /// `seq[:m] = seq[k::-1]` (tagged `k`, `m`) for `0 <= k < len(seq)` and `m == k + 1`:
    /// the first k+1 items reversed in place (the same references, moved); anything else
    /// leaves.
    fn copy_reverse_prefix(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, list: ListParts<'ctx>, k: IntValue<'ctx>, m: IntValue<'ctx>) -> R<()> {
        let ListParts { items, len, .. } = list;
        let last = self.b.build_right_shift(k, self.i64c(1), true, "last")?;
        let within = self.b.build_int_compare(IntPredicate::ULT, last, len, "")?;
        let count = self.b.build_right_shift(m, self.i64c(1), true, "")?;
        let same = self.b.build_int_compare(IntPredicate::EQ, count, self.b.build_int_add(last, self.i64c(1), "")?, "")?;
        self.guard(l, cp, self.b.build_and(within, same, "")?)?;
        self.reverse_items(items, last)
    }

    /// The address of item `index` (tagged) of a list with `(items, len)`; an index out
    /// of `0..len` leaves.
    fn copy_item_ptr(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, list: ListParts<'ctx>, index: IntValue<'ctx>) -> R<PointerValue<'ctx>> {
        let ListParts { items, len, guarded_len, .. } = list;
        let i = self.b.build_right_shift(index, self.i64c(1), true, "idx")?;
        // a constant index below the guarded length is in range
        let known = i.get_zero_extended_constant().is_some_and(|k| k < guarded_len);
        if !known {
            let within = self.b.build_int_compare(IntPredicate::ULT, i, len, "")?;
            self.guard(l, cp, within)?;
        }
        let addr = self.b.build_int_add(items, self.b.build_left_shift(i, self.i64c(3), "")?, "")?;
        Ok(self.b.build_int_to_ptr(addr, self.ctx.i64_type().ptr_type(inkwell::AddressSpace::default()), "itemp")?)
    }

    /// The list head's next item (borrowed from the list), advancing the copy's index; an
    /// exhausted list leaves for the generic `ForIter`.
    fn copy_list_next(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>) -> R<IntValue<'ctx>> {
        let (_, seq, index_p) = cp.list_iter.ok_or_else(|| LowerError("typed copy: no list iterator".into()))?;
        let index = self.b.build_load(index_p, "index")?.into_int_value();
        let len = self.load_word_of(seq, self.list_layout_word(2)?, "len", Word::ListFields)?;
        let more = self.b.build_int_compare(IntPredicate::ULT, index, len, "")?;
        let generic = self.leave_to(l, cp, l.head)?;
        let cont = self.new_block("copy_item");
        self.b.build_conditional_branch(more, cont, generic)?;
        self.b.position_at_end(cont);
        let items = self.load_word_of(seq, self.list_layout_word(1)?, "items", Word::ListFields)?;
        let item = self.load_word_of(items, self.b.build_left_shift(index, self.i64c(3), "")?, "item", Word::ListItem)?;
        self.b.build_store(index_p, self.b.build_int_add(index, self.i64c(1), "")?)?;
        Ok(item)
    }

    /// The range head's next value (a tagged word), advancing the copy's counters; an
    /// exhausted iterator or a value beyond the tagged range leaves for the generic
    /// `ForIter`.
    fn copy_range_next(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>) -> R<IntValue<'ctx>> {
        let (_, next_p, rem_p, step) = cp.range.ok_or_else(|| LowerError("typed copy: no range".into()))?;
        let rem = self.b.build_load(rem_p, "rem")?.into_int_value();
        let next = self.b.build_load(next_p, "next")?.into_int_value();
        let more = self.b.build_int_compare(IntPredicate::NE, rem, self.i64c(0), "")?;
        let ok = self.b.build_and(more, self.fits_small_int(next)?, "")?;
        let generic = self.leave_to(l, cp, l.head)?;
        let cont = self.new_block("copy_item");
        self.b.build_conditional_branch(ok, cont, generic)?;
        self.b.position_at_end(cont);
        let (left, new_next) = self.range_advance(next, rem, step)?;
        self.b.build_store(rem_p, left)?;
        self.b.build_store(next_p, new_next)?;
        self.tag_small_int(next)
    }

    /// i1: `w` is a tagged small int (its low bit set).
    fn is_tagged(&self, w: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        Ok(self.b.build_int_compare(IntPredicate::NE, self.b.build_and(w, self.i64c(1), "")?, self.i64c(0), "tagged")?)
    }

    /// `seq[index]` for a list `seq` and an index within it, whose item is a float (the
    /// number) for `ty` `Float`, a small int for `Int` (anything else leaves), the item
    /// itself (borrowed) for `Any`.
    fn copy_list_item(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, list: ListParts<'ctx>, index: IntValue<'ctx>, ty: Ty) -> R<SVal<'ctx>> {
        let p = self.copy_item_ptr(l, cp, list, index)?;
        let item = self.load_classified(p, "item", Word::ListItem)?;
        match ty {
            Ty::Float => {
                let is_float = self.copy_item_is_float(list, item)?;
                self.guard(l, cp, is_float)?;
                Ok(SVal::Float(self.float_number(item)?))
            }
            Ty::Any => Ok(SVal::Word(item)),
            _ => {
                self.guard(l, cp, self.is_tagged(item)?)?;
                Ok(SVal::Int(item))
            }
        }
    }

    /// The truth of item `w` (i1) when it is a bool or a small int; anything else leaves.
    fn copy_item_truth(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, w: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        let (t, f) = (self.singleton("pyrt_true")?, self.singleton("pyrt_false")?);
        let is_true = self.b.build_int_compare(IntPredicate::EQ, w, t, "")?;
        let is_false = self.b.build_int_compare(IntPredicate::EQ, w, f, "")?;
        let tagged = self.is_tagged(w)?;
        let known = self.b.build_or(self.b.build_or(is_true, is_false, "")?, tagged, "")?;
        self.guard(l, cp, known)?;
        let nonzero = self.b.build_and(tagged, self.copy_truth(SVal::Int(w))?, "")?;
        Ok(self.b.build_or(is_true, nonzero, "truth")?)
    }

    /// The code of module function `name`, which the copy inlines, and its symbol.
    fn inlined_code(&self, name: &str) -> R<(&'a CodeObject, &'a str)> {
        let helpers: &'a super::super::fastpath::Helpers<'ctx> = self.helpers;
        let known = helpers.module_functions.get(name).ok_or_else(|| LowerError("typed copy: callee unknown".into()))?;
        let code = known.code.as_ref().ok_or_else(|| LowerError("typed copy: callee code".into()))?;
        Ok((code, &known.symbol))
    }

    /// Guards the inlined call at `pc` of module function `name` (the word `f`): the call
    /// site's cache (filled by the generic code) names `f`'s type and code, the argument
    /// count and the known function's register entry.
    fn copy_callee_guard(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, pc: usize, name: &str, f: IntValue<'ctx>) -> R<()> {
        let (code, symbol) = self.inlined_code(name)?;
        let nargs = code.argcount as u64;
        let reg = self.module.get_function(&format!("{symbol}.reg")).ok_or_else(|| LowerError("typed copy: callee not lowered".into()))?;
        let heap = self.b.build_not(self.is_tagged(f)?, "")?;
        self.guard(l, cp, heap)?;
        let cache = self.site_cache(&format!("call{pc}"), CACHE_WORDS);
        let word = |w: u32| -> R<IntValue<'ctx>> { Ok(self.b.build_load(self.global_word(cache, w)?, "cw")?.into_int_value()) };
        let eq = |a: IntValue<'ctx>, b: IntValue<'ctx>| self.b.build_int_compare(IntPredicate::EQ, a, b, "");
        let ty = self.load_word_at(f, self.i64c(TYPE_OFFSET), "fty")?;
        let fcode = self.load_word_at(f, self.i64c(FUNC_CODE_OFFSET), "fcode")?;
        let reg_addr = self.b.build_ptr_to_int(reg.as_global_value().as_pointer_value(), self.ctx.i64_type(), "")?;
        let mut ok = self.b.build_and(eq(ty, word(0)?)?, eq(fcode, word(1)?)?, "")?;
        ok = self.b.build_and(ok, eq(word(2)?, self.i64c(nargs))?, "")?;
        ok = self.b.build_and(ok, eq(word(4)?, reg_addr)?, "")?;
        self.guard(l, cp, ok)
    }

    /// The inlined call of module function `name` (guarded on entering the copy): its
    /// instructions run on `args`.
    fn copy_inline_call(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, name: &str, args: Vec<SVal<'ctx>>) -> R<SVal<'ctx>> {
        let (code, _) = self.inlined_code(name)?;
        let mut locals: HashMap<u32, SVal<'ctx>> = args.into_iter().enumerate().map(|(i, v)| (i as u32, v)).collect();
        let mut stack = Vec::new();
        for &ins in &code.instrs {
            match ins {
                Instr::LoadFast(i) => stack.push(*locals.get(&i).ok_or_else(|| LowerError("typed copy: callee local".into()))?),
                Instr::StoreFast(i) => {
                    let v = pop(&mut stack)?;
                    locals.insert(i, v);
                }
                Instr::ReturnValue => return pop(&mut stack),
                ins => self.copy_pure(l, cp, code, ins, &mut stack)?,
            }
        }
        Err(LowerError("typed copy: callee without return".into()))
    }

    /// The block a jump of the copy to `pc` goes to: the copy's own block inside the loop,
    /// else a write-back into the generic code.
    fn copy_target(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, pc: usize) -> R<BasicBlock<'ctx>> {
        if (l.head..=l.back).contains(&pc) && pc != l.head {
            if let Some(&bb) = cp.blocks.get(&pc) {
                return Ok(bb);
            }
        }
        self.leave_to(l, cp, pc)
    }

    /// A block writing the copy's state back and continuing at generic `pc`.
    fn leave_to(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, pc: usize) -> R<BasicBlock<'ctx>> {
        if let Some(&bb) = cp.leave.get(&pc) {
            return Ok(bb);
        }
        let target = if pc == l.head { cp.resume_head } else { self.block_at(pc as u32)? };
        let bb = self.leave_block(l, cp, pc, None, target)?;
        cp.leave.insert(pc, bb);
        Ok(bb)
    }

    /// In the head's item block: a block writing the state back and continuing at the
    /// generic item block with the item pushed (its `ForIter` has taken it).
    fn leave_with_item(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, item: IntValue<'ctx>) -> R<BasicBlock<'ctx>> {
        if let Some(bb) = cp.item_leave {
            return Ok(bb);
        }
        let target = self.block_at(l.head as u32 + 1)?;
        let bb = self.leave_block(l, cp, l.head + 1, Some(item), target)?;
        cp.item_leave = Some(bb);
        Ok(bb)
    }

    /// The write-back block: locals into the frame (an `Int` local's word into the
    /// mirror, a `Float` local's number into its home, a bound list local's list bound
    /// anew), the iterator's counters, then `item` (a new reference) into the item's stack
    /// slot; then on to `target`.
    fn leave_block(&mut self, l: &LoopCopy, cp: &CopyState<'ctx>, pc: usize, item: Option<IntValue<'ctx>>, target: BasicBlock<'ctx>) -> R<BasicBlock<'ctx>> {
        let saved = self.b.get_insert_block();
        let bb = self.new_block(&format!("copy_leave{pc}"));
        self.b.position_at_end(bb);
        for &(i, t) in &l.locals {
            match (t, cp.fvars.get(&i), cp.bound.get(&i)) {
                (_, Some(&var), _) => {
                    let f = self.b.build_load(var, "")?;
                    self.b.build_store(cp.homes[&i], f)?;
                }
                (_, _, Some(&var)) => {
                    // (the old value does not die: `copy_invariants`)
                    let new = self.b.build_load(var, "")?.into_int_value();
                    let old = self.load_local(i)?;
                    self.xincref(new)?;
                    self.store_local(i, new)?;
                    self.xdecref(old)?;
                }
                (Ty::Int, None, None) => {
                    let w = self.load_local(i)?;
                    self.store_local(i, w)?;
                }
                _ => {}
            }
        }
        let i64p = self.ctx.i64_type().ptr_type(inkwell::AddressSpace::default());
        let mut counters = Vec::new();
        if let Some((it, next, rem, _)) = cp.range {
            counters.extend([(it, next, NEXT_OFFSET), (it, rem, REMAINING_OFFSET)]);
        }
        if let Some((it, _, index)) = cp.list_iter {
            counters.push((it, index, LIST_ITER_INDEX_OFFSET));
        }
        for (it, var, off) in counters {
            let v = self.b.build_load(var, "")?;
            let p = self.b.build_int_to_ptr(self.b.build_int_add(it, self.i64c(off), "")?, i64p, "")?;
            self.b.build_store(p, v)?;
        }
        if let Some(item) = item {
            self.incref(item)?;
            self.store_slot(l.base, item)?;
        }
        self.b.build_unconditional_branch(target)?;
        if let Some(s) = saved {
            self.b.position_at_end(s);
        }
        Ok(bb)
    }

    /// Continues when `ok` holds; else leaves for the generic code at the statement's
    /// start (in the item block: at the item block, with the item pushed).
    fn guard(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, ok: IntValue<'ctx>) -> R<()> {
        let fail = match cp.item {
            Some(item) if cp.stmt == l.head => self.leave_with_item(l, cp, item)?,
            _ => self.leave_to(l, cp, cp.stmt)?,
        };
        let cont = self.new_block("copy_ok");
        self.b.build_conditional_branch(ok, cont, fail)?;
        self.b.position_at_end(cont);
        Ok(())
    }

    fn copy_arith(&mut self, l: &LoopCopy, cp: &mut CopyState<'ctx>, op: BinOp, a: SVal<'ctx>, b: SVal<'ctx>) -> R<SVal<'ctx>> {
        if let (SVal::Int(x), SVal::Int(y)) = (a, b) {
            let (v, ok) = self.int_binop_fast(op, x, y)?.ok_or_else(|| LowerError("typed copy: int operator".into()))?;
            self.guard(l, cp, ok)?;
            return Ok(SVal::Int(v));
        }
        let x = self.copy_f64(a)?;
        let y = self.copy_f64(b)?;
        let bl = &self.b;
        Ok(SVal::Float(match op {
            BinOp::Add => bl.build_float_add(x, y, "cadd")?,
            BinOp::Sub => bl.build_float_sub(x, y, "csub")?,
            BinOp::Mul => bl.build_float_mul(x, y, "cmul")?,
            BinOp::TrueDiv => {
                let nonzero = bl.build_float_compare(inkwell::FloatPredicate::UNE, y, self.ctx.f64_type().const_zero(), "")?;
                self.guard(l, cp, nonzero)?;
                self.b.build_float_div(x, y, "cdiv")?
            }
            _ => return Err(LowerError("typed copy: float operator".into())),
        }))
    }

    /// A number of the copy as an f64. A tagged int converts exactly below 2**53 and
    /// rounds to nearest beyond, as CPython's int-to-float conversion does.
    fn copy_f64(&self, v: SVal<'ctx>) -> R<FloatValue<'ctx>> {
        match v {
            SVal::Float(f) => Ok(f),
            SVal::Int(w) => {
                let x = self.b.build_right_shift(w, self.i64c(1), true, "")?;
                Ok(self.b.build_signed_int_to_float(x, self.ctx.f64_type(), "itof")?)
            }
            _ => Err(LowerError("typed copy: operand".into())),
        }
    }

    /// The truth of a copy value (i1).
    fn copy_truth(&self, v: SVal<'ctx>) -> R<IntValue<'ctx>> {
        Ok(match v {
            SVal::Bool(c) => c,
            // a tagged 0 is the word 1
            SVal::Int(w) => self.b.build_int_compare(IntPredicate::NE, w, self.i64c(1), "")?,
            SVal::Float(f) => self.b.build_float_compare(inkwell::FloatPredicate::UNE, f, self.ctx.f64_type().const_zero(), "")?,
            SVal::Word(_) => return Err(LowerError("typed copy: truth of an object".into())),
        })
    }
}

/// Does the loop read list local `i` only as floats (each of its subscripts, at least
/// one, reads an item the plan types `Float`)? Such a list is guarded marked all-floats
/// where the copy takes it, instead of each item read testing its item.
fn float_only_list(l: &LoopCopy, i: u32) -> bool {
    let mut reads = l.containers.iter().filter(|&(pc, &c)| c == i && l.types.contains_key(pc)).peekable();
    reads.peek().is_some() && reads.all(|(pc, _)| l.types[pc] == Ty::Float)
}

fn pop<'ctx>(stack: &mut Vec<SVal<'ctx>>) -> R<SVal<'ctx>> {
    stack.pop().ok_or_else(|| LowerError("typed copy: stack underflow".into()))
}
