//! `ForIter` over a range iterator, inline: the iterator's `next`/`step`/`remaining`
//! words are read and advanced in IR and the value is produced as a tagged int, with no
//! call and no allocation. A list iterator with an item left gives it inline too (index,
//! length and items read in place). Other iterators, exhausted ones, big-int ranges, and
//! values beyond the tagged range take `pyrt_for_iter` (before anything is advanced).

use inkwell::basic_block::BasicBlock;
use inkwell::values::IntValue;
use inkwell::{AddressSpace, IntPredicate};

use super::fastpath::{SMALL_INT_MAX, SMALL_INT_MIN};
use super::function::{Lower, R};

/// Byte offsets in a `RangeIterObj` (runtime types/range.rs, `repr(C)`, asserted in abi.rs).
pub(super) const TYPE_OFFSET: u64 = 8;
pub(super) const NEXT_OFFSET: u64 = 16;
pub(super) const STEP_OFFSET: u64 = 24;
pub(super) const REMAINING_OFFSET: u64 = 32;
pub(super) const BIG_OFFSET: u64 = 40;
/// Byte offsets in a `ListIterObj` (runtime types/list.rs, `repr(C)`, asserted in abi.rs):
/// its list (0 once exhausted) and the next index.
pub(super) const LIST_ITER_SEQ_OFFSET: u64 = 16;
pub(super) const LIST_ITER_INDEX_OFFSET: u64 = 24;

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// Whether heap object `o` is a range iterator.
    pub(super) fn is_range_iter(&mut self, o: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        let want = self.startup_global("pyrt_range_iter_type")?;
        let ty = self.load_word_at(o, self.i64c(TYPE_OFFSET), "ty")?;
        Ok(self.b.build_int_compare(IntPredicate::EQ, ty, want, "")?)
    }

    /// i1: `v` is within the tagged small-int range.
    pub(super) fn fits_small_int(&self, v: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        let lo = self.b.build_int_compare(IntPredicate::SGE, v, self.i64s(SMALL_INT_MIN), "")?;
        let hi = self.b.build_int_compare(IntPredicate::SLE, v, self.i64s(SMALL_INT_MAX), "")?;
        Ok(self.b.build_and(lo, hi, "fits")?)
    }

    /// The tagged word of small int `v`.
    pub(super) fn tag_small_int(&self, v: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        let shifted = self.b.build_left_shift(v, self.i64c(1), "")?;
        Ok(self.b.build_or(shifted, self.i64c(1), "i")?)
    }

    /// A range iterator's `remaining` and `next` words after it gave `next` with `rem`
    /// items left (`rem` > 0): as `range::iter_next_i64`, `next` advances only while
    /// items remain.
    pub(super) fn range_advance(&self, next: IntValue<'ctx>, rem: IntValue<'ctx>, step: IntValue<'ctx>) -> R<(IntValue<'ctx>, IntValue<'ctx>)> {
        let left = self.b.build_int_sub(rem, self.i64c(1), "left")?;
        let more = self.b.build_int_compare(IntPredicate::NE, left, self.i64c(0), "")?;
        let advanced = self.b.build_int_add(next, step, "")?;
        Ok((left, self.b.build_select(more, advanced, next, "")?.into_int_value()))
    }

    /// `GetIter` at `pc`, stack depth `d`: a range iterator (what `range(...)` gives a
    /// call that feeds `GetIter`, calls.rs) is its own iterator, passed on without a call.
    pub fn lower_get_iter(&mut self, pc: usize, d: u32) -> R<()> {
        let v = self.load_slot(d - 1)?;
        if !self.fast {
            return self.get_iter_call(pc, d, v);
        }
        let check_ty = self.new_block("iter_range");
        let call = self.new_block("iter_call");
        let done = self.new_block("iter_done");
        let tag = self.b.build_and(v, self.i64c(1), "")?;
        let heap = self.b.build_int_compare(IntPredicate::EQ, tag, self.i64c(0), "")?;
        self.b.build_conditional_branch(heap, check_ty, call)?;
        self.b.position_at_end(check_ty);
        let is_range = self.is_range_iter(v)?;
        let check_list = self.new_block("iter_list");
        self.b.build_conditional_branch(is_range, done, check_list)?;
        // an exact list: its iterator, without `iter()`'s dispatch
        self.b.position_at_end(check_list);
        let ty = self.load_word_at(v, self.i64c(TYPE_OFFSET), "ty")?;
        let list_iter = self.new_block("iter_of_list");
        self.b.build_conditional_branch(self.b.build_int_compare(IntPredicate::EQ, ty, self.list_layout_word(0)?, "")?, list_iter, call)?;
        self.b.position_at_end(list_iter);
        let it = self.call_v("pyrt_list_iter_new", &[v.into()])?;
        self.decref(v)?;
        self.store_slot(d - 1, it)?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(call);
        self.get_iter_call(pc, d, v)?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        Ok(())
    }

    /// `iter(v)` by the runtime, replacing `v` in slot `d-1`.
    fn get_iter_call(&mut self, pc: usize, d: u32, v: IntValue<'ctx>) -> R<()> {
        let it = self.call_v("pyrt_get_iter", &[v.into()])?;
        self.decref(v)?;
        self.check_null(it, pc, d - 1)?;
        self.store_slot(d - 1, it)
    }

    /// The next item of `it` (a new reference) when it is a list iterator with an item
    /// left, advancing it; at the end of its list, the iterator lets the list go and
    /// branches to `done`; anything else (another iterator, a finished one) branches to
    /// `slow`.
    fn list_iter_next(&mut self, it: IntValue<'ctx>, slow: BasicBlock<'ctx>, done: BasicBlock<'ctx>) -> R<IntValue<'ctx>> {
        let i64t = self.ctx.i64_type();
        let want = self.startup_global("pyrt_list_iter_type")?;
        let ty = self.load_word_at(it, self.i64c(TYPE_OFFSET), "ty")?;
        let is_list_iter = self.b.build_int_compare(IntPredicate::EQ, ty, want, "")?;
        let has_seq = self.new_block("li_seq");
        let in_range = self.new_block("li_item");
        self.b.build_conditional_branch(is_list_iter, has_seq, slow)?;

        self.b.position_at_end(has_seq);
        let seq = self.load_word_at(it, self.i64c(LIST_ITER_SEQ_OFFSET), "seq")?;
        let index = self.load_word_at(it, self.i64c(LIST_ITER_INDEX_OFFSET), "index")?;
        // a finished iterator has no list (0): its length word is not read
        let live = self.b.build_int_compare(IntPredicate::NE, seq, self.i64c(0), "")?;
        let read_len = self.new_block("li_len");
        self.b.build_conditional_branch(live, read_len, slow)?;
        self.b.position_at_end(read_len);
        let len_off = self.list_layout_word(2)?;
        let len = self.load_word_at(seq, len_off, "len")?;
        let more = self.b.build_int_compare(IntPredicate::ULT, index, len, "")?;
        let end = self.new_block("li_end");
        self.b.build_conditional_branch(more, in_range, end)?;

        // as `list_iter_next`: the list is released once, when the end is reached
        self.b.position_at_end(end);
        let seq_p = self.b.build_int_to_ptr(self.b.build_int_add(it, self.i64c(LIST_ITER_SEQ_OFFSET), "")?, i64t.ptr_type(AddressSpace::default()), "")?;
        self.b.build_store(seq_p, self.i64c(0))?;
        self.decref(seq)?;
        self.b.build_unconditional_branch(done)?;

        self.b.position_at_end(in_range);
        let ptr_off = self.list_layout_word(1)?;
        let items = self.load_word_at(seq, ptr_off, "items")?;
        let addr = self.b.build_int_add(items, self.b.build_left_shift(index, self.i64c(3), "")?, "")?;
        let item = self.b.build_load(self.b.build_int_to_ptr(addr, i64t.ptr_type(AddressSpace::default()), "")?, "item")?.into_int_value();
        self.incref(item)?;
        let index_p = self.b.build_int_to_ptr(self.b.build_int_add(it, self.i64c(LIST_ITER_INDEX_OFFSET), "")?, i64t.ptr_type(AddressSpace::default()), "")?;
        self.b.build_store(index_p, self.b.build_int_add(index, self.i64c(1), "")?)?;
        Ok(item)
    }

    /// `ForIter(t)` at `pc`, stack depth `d` (iterator in slot `d-1`).
    pub fn lower_for_iter(&mut self, pc: usize, d: u32, t: u32) -> R<()> {
        let it = self.load_slot(d - 1)?;
        let got = self.new_block("for_next");
        let done = self.new_block("for_done");
        let slow = self.new_block("for_slow");
        let i64t = self.ctx.i64_type();
        let mut fast_in = None;
        if self.fast {
            let check_ty = self.new_block("for_range");
            let check_small = self.new_block("for_small");
            let has_next = self.new_block("for_has");
            let step_bb = self.new_block("for_step");
            let tag = self.b.build_and(it, self.i64c(1), "")?;
            let heap = self.b.build_int_compare(IntPredicate::EQ, tag, self.i64c(0), "")?;
            self.b.build_conditional_branch(heap, check_ty, slow)?;

            self.b.position_at_end(check_ty);
            let is_range = self.is_range_iter(it)?;
            let big = self.load_word_at(it, self.i64c(BIG_OFFSET), "big")?;
            let small_form = self.b.build_int_compare(IntPredicate::EQ, big, self.i64c(0), "")?;
            let ok = self.b.build_and(is_range, small_form, "")?;
            let check_list = self.new_block("for_list");
            self.b.build_conditional_branch(ok, check_small, check_list)?;

            self.b.position_at_end(check_list);
            let list_item = self.list_iter_next(it, slow, done)?;
            let list_end = self.b.get_insert_block().expect("positioned");
            self.b.build_unconditional_branch(got)?;

            self.b.position_at_end(check_small);
            let rem = self.load_word_at(it, self.i64c(REMAINING_OFFSET), "remaining")?;
            let empty = self.b.build_int_compare(IntPredicate::EQ, rem, self.i64c(0), "")?;
            self.b.build_conditional_branch(empty, done, has_next)?;

            self.b.position_at_end(has_next);
            let next = self.load_word_at(it, self.i64c(NEXT_OFFSET), "next")?;
            let fits = self.fits_small_int(next)?;
            self.b.build_conditional_branch(fits, step_bb, slow)?;

            self.b.position_at_end(step_bb);
            let i64p = i64t.ptr_type(AddressSpace::default());
            let step = self.load_word_at(it, self.i64c(STEP_OFFSET), "step")?;
            let (left, new_next) = self.range_advance(next, rem, step)?;
            let rem_p = self.b.build_int_to_ptr(self.b.build_int_add(it, self.i64c(REMAINING_OFFSET), "")?, i64p, "")?;
            self.b.build_store(rem_p, left)?;
            let next_p = self.b.build_int_to_ptr(self.b.build_int_add(it, self.i64c(NEXT_OFFSET), "")?, i64p, "")?;
            self.b.build_store(next_p, new_next)?;
            let v = self.tag_small_int(next)?;
            self.b.build_unconditional_branch(got)?;
            fast_in = Some([(v, step_bb), (list_item, list_end)]);
        } else {
            self.b.build_unconditional_branch(slow)?;
        }

        self.b.position_at_end(slow);
        let r = self.call_v("pyrt_for_iter", &[it.into(), self.scratch.into()])?;
        self.check_status(r, pc, d, true)?;
        let has = self.b.build_int_compare(IntPredicate::EQ, r, self.i32c(1), "")?;
        let slow_v = self.b.build_load(self.scratch_at(0)?, "out")?.into_int_value();
        let slow_end = self.b.get_insert_block().expect("positioned");
        self.b.build_conditional_branch(has, got, done)?;

        self.b.position_at_end(done);
        self.decref(it)?;
        let tb = self.edge_to(pc, t)?;
        self.b.build_unconditional_branch(tb)?;

        self.b.position_at_end(got);
        let phi = self.b.build_phi(i64t, "item")?;
        phi.add_incoming(&[(&slow_v, slow_end)]);
        for (v, bb) in fast_in.into_iter().flatten() {
            phi.add_incoming(&[(&v, bb)]);
        }
        self.store_slot(d, phi.as_basic_value().into_int_value())
    }
}
