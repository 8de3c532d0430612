//! `obj[i]` and `obj[i] = v` inline for an exact list and a tagged small int index in
//! range (negative indexes count from the end); anything else, including the IndexError
//! of an index out of range, goes to the runtime (`pyrt_subscr`/`pyrt_store_subscr`).
//! Where a list keeps its items pointer and length is read at run time from
//! `pyrt_list_layout` (Rust does not fix the layout of `Vec`), along with the list type.
//! `a, b = t` takes the items of an exact tuple of the right length inline too.
//! The slow paths call `pyrt_get_item`/`pyrt_store_item` (and ops.rs's `ContainsOp`
//! `pyrt_contains_item`), which serve an exact dict directly and pass anything else to
//! the generic entries: the type test is in the runtime, not inline, because extra
//! blocks on these cold paths cost hot list loops registers (fannkuch +0.3 %).

use inkwell::basic_block::BasicBlock;
use inkwell::values::{FloatValue, IntValue, PointerValue};
use inkwell::{AddressSpace, IntPredicate};

use super::function::{Lower, R};
use super::tbaa::Word;

const TYPE_OFFSET: u64 = 8;
/// `TupleObj.len` and `TupleObj.items` (runtime types/tuple.rs, asserted in abi.rs).
pub(super) const TUPLE_LEN_OFFSET: u64 = 16;
pub(super) const TUPLE_ITEMS_OFFSET: u64 = 24;
/// `ListObj.all_floats`, a byte (runtime types/list.rs, asserted there).
const LIST_FLOATS_OFFSET: u64 = 40;

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// When `obj` is an exact list and `key` a tagged int indexing it, branches on to a
    /// new block (returned with the address of the item) and else to `slow`.
    fn list_item_ptr(&mut self, obj: IntValue<'ctx>, key: IntValue<'ctx>, slow: BasicBlock<'ctx>) -> R<PointerValue<'ctx>> {
        let i64t = self.ctx.i64_type();
        let tags = self.b.build_and(self.b.build_xor(obj, self.i64c(1), "")?, key, "")?;
        let tagged = self.b.build_and(tags, self.i64c(1), "")?;
        // obj is a heap object (low bit 0) and key a tagged int (low bit 1)
        let shapes = self.b.build_int_compare(IntPredicate::NE, tagged, self.i64c(0), "")?;
        let check_ty = self.new_block("li_type");
        let check_idx = self.new_block("li_index");
        let ok = self.new_block("li_ok");
        self.b.build_conditional_branch(shapes, check_ty, slow)?;

        self.b.position_at_end(check_ty);
        let ty = self.load_word_at(obj, self.i64c(TYPE_OFFSET), "ty")?;
        let list_ty = self.list_layout_word(0)?;
        let is_list = self.b.build_int_compare(IntPredicate::EQ, ty, list_ty, "islist")?;
        self.b.build_conditional_branch(is_list, check_idx, slow)?;

        self.b.position_at_end(check_idx);
        let len_off = self.list_layout_word(2)?;
        let len = self.load_word_at(obj, len_off, "len")?;
        let i = self.b.build_right_shift(key, self.i64c(1), true, "idx")?;
        let neg = self.b.build_int_compare(IntPredicate::SLT, i, self.i64c(0), "")?;
        let from_end = self.b.build_int_add(i, len, "")?;
        let j = self.b.build_select(neg, from_end, i, "j")?.into_int_value();
        // unsigned: a still negative j is out of range too
        let in_range = self.b.build_int_compare(IntPredicate::ULT, j, len, "inrange")?;
        self.b.build_conditional_branch(in_range, ok, slow)?;

        self.b.position_at_end(ok);
        let ptr_off = self.list_layout_word(1)?;
        let items = self.load_word_at(obj, ptr_off, "items")?;
        let byte = self.b.build_left_shift(j, self.i64c(3), "")?;
        let addr = self.b.build_int_add(items, byte, "")?;
        Ok(self.b.build_int_to_ptr(addr, i64t.ptr_type(AddressSpace::default()), "itemp")?)
    }

    /// `BinarySubscr` at `pc`, stack depth `d`.
    pub fn lower_binary_subscr(&mut self, pc: usize, d: u32) -> R<()> {
        let obj = self.load_slot(d - 2)?;
        let key = self.load_slot(d - 1)?;
        let slow = self.new_block("subscr_slow");
        let join = self.new_block("subscr_join");
        let unboxed = self.fast && self.leaves_unboxed(pc);
        let mut fast_in = Vec::new();
        if self.fast {
            let p = self.list_item_ptr(obj, key, slow)?;
            let v = self.b.build_load(p, "item")?.into_int_value();
            if unboxed {
                // an exact float item is read as its number (no reference: the number
                // is taken before anything else runs); a list marked all-floats needs
                // no test of the item
                let num = self.new_block("subscr_fitem");
                let objbb = self.new_block("subscr_oitem");
                let test = self.new_block("subscr_ftest");
                self.b.build_conditional_branch(self.list_all_floats(obj)?, num, test)?;
                self.b.position_at_end(test);
                let isf = self.is_exact_float(v)?;
                self.b.build_conditional_branch(isf, num, objbb)?;
                self.b.position_at_end(num);
                let f = self.float_value(v)?;
                self.release_container(pc, obj)?;
                fast_in.push((self.i64c(super::unboxed::STACK_TAG), Some(f), self.b.get_insert_block().expect("positioned")));
                self.b.build_unconditional_branch(join)?;
                self.b.position_at_end(objbb);
            }
            self.incref(v)?;
            self.release_container(pc, obj)?;
            fast_in.push((v, None, self.b.get_insert_block().expect("positioned")));
            self.b.build_unconditional_branch(join)?;
        } else {
            self.b.build_unconditional_branch(slow)?;
        }
        self.b.position_at_end(slow);
        self.protect_deref(pc, obj)?;
        let v = self.call_v(if self.fast { "pyrt_get_item" } else { "pyrt_subscr" }, &[obj.into(), key.into()])?;
        if !self.aug_container_copy(pc) {
            self.release(pc, 1, obj)?;
        }
        self.release(pc, 0, key)?;
        self.check_null(v, pc, d - 2)?;
        let slow_end = self.b.get_insert_block().expect("positioned");
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        let phi = self.b.build_phi(self.ctx.i64_type(), "subscr")?;
        phi.add_incoming(&[(&v, slow_end)]);
        for (fv, _, end) in &fast_in {
            phi.add_incoming(&[(fv, *end)]);
        }
        if let (true, Some(fp)) = (unboxed, self.fslot(d - 2)) {
            let undef = self.ctx.f64_type().get_undef();
            let fphi = self.b.build_phi(self.ctx.f64_type(), "subscrf")?;
            fphi.add_incoming(&[(&undef, slow_end)]);
            for (_, f, end) in &fast_in {
                fphi.add_incoming(&[(&f.unwrap_or(undef), *end)]);
            }
            self.b.build_store(fp, fphi.as_basic_value().into_float_value())?;
        }
        self.store_slot(d - 2, phi.as_basic_value().into_int_value())
    }

    /// Releases the container operand of the `BinarySubscr` at `pc` after its inline
    /// read (nothing when it is borrowed).
    fn release_container(&mut self, pc: usize, obj: IntValue<'ctx>) -> R<()> {
        // the key is a tagged int: nothing to release
        if !self.deref_container_borrowed(pc) && !self.aug_container_copy(pc) {
            self.release(pc, 1, obj)?;
        }
        Ok(())
    }

    /// Is the container operand of the `BinarySubscr` at `pc` the copy that `Copy 2;
    /// Copy 2` right before made of it (`a[k] op= v`)? The original stays on the stack
    /// below until the `StoreSubscr` (an error unwinds it with the other slots), so the
    /// copy takes no reference (`Copy` lowering) and the subscript releases none, on
    /// either path.
    pub fn aug_container_copy(&self, pc: usize) -> bool {
        use pyc_frontend::bytecode::Instr;
        let at = |p: usize| self.code.instrs.get(p).copied();
        self.fast
            && pc >= 2
            && at(pc - 2) == Some(Instr::Copy(2))
            && at(pc - 1) == Some(Instr::Copy(2))
            && at(pc) == Some(Instr::BinarySubscr)
            && self.blocks.get(pc - 1).is_some_and(|b| b.is_none())
            && self.blocks.get(pc).is_some_and(|b| b.is_none())
    }

    /// i1: word `v` is an exact float object.
    fn is_exact_float(&mut self, v: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        let low = self.b.build_and(v, self.i64c(3), "")?;
        let heap = self.b.build_int_compare(IntPredicate::EQ, low, self.i64c(0), "")?;
        self.short_circuit(heap, false, "isfloat", |this| {
            let float_ty = this.singleton("pyrt_float_type")?;
            let ty = this.load_word_at(v, this.i64c(TYPE_OFFSET), "ty")?;
            Ok(this.b.build_int_compare(IntPredicate::EQ, ty, float_ty, "")?)
        })
    }

    /// The number of exact float object `v`.
    fn float_value(&self, v: IntValue<'ctx>) -> R<FloatValue<'ctx>> {
        let f = self.b.build_load(self.float_value_ptr(v)?, "item_f")?;
        if let Some(inst) = inkwell::values::BasicValue::as_instruction_value(&f) {
            self.set_alias_class(inst, Word::FloatValue)?;
        }
        Ok(f.into_float_value())
    }

    /// i1: exact list `obj` is marked all-floats (runtime `ListObj::all_floats`): each
    /// item is an exact float. Its own alias class lets LLVM keep one read across the
    /// in-place float stores of a loop body.
    pub(super) fn list_all_floats(&self, obj: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        let addr = self.b.build_int_add(obj, self.i64c(LIST_FLOATS_OFFSET), "")?;
        let p = self.b.build_int_to_ptr(addr, self.ctx.i8_type().ptr_type(AddressSpace::default()), "")?;
        let mark = self.load_classified(p, "allfloats", Word::ListFloats)?;
        Ok(self.b.build_int_compare(IntPredicate::NE, mark, self.ctx.i8_type().const_zero(), "")?)
    }

    /// Clears exact list `obj`'s all-floats mark unless `keep` (i1: the item just stored
    /// is an exact float; `None`: unknown).
    fn note_list_store(&self, obj: IntValue<'ctx>, keep: Option<IntValue<'ctx>>) -> R<()> {
        let i8t = self.ctx.i8_type();
        let addr = self.b.build_int_add(obj, self.i64c(LIST_FLOATS_OFFSET), "")?;
        let p = self.b.build_int_to_ptr(addr, i8t.ptr_type(AddressSpace::default()), "")?;
        let mark = match keep {
            None => i8t.const_zero(),
            Some(k) => {
                let old = self.load_classified(p, "allfloats", Word::ListFloats)?;
                self.b.build_and(old, self.b.build_int_z_extend(k, i8t, "")?, "")?
            }
        };
        self.set_alias_class(self.b.build_store(p, mark)?, Word::ListFloats)
    }

    /// `UnpackSequence(n)` at `pc`, stack depth `d`: the sequence on top is replaced by
    /// its `n` items, the first on top.
    pub fn lower_unpack_sequence(&mut self, pc: usize, d: u32, n: u32) -> R<()> {
        let seq = self.load_slot(d - 1)?;
        let slow = self.new_block("unpack_slow");
        let join = self.new_block("unpack_join");
        if self.fast {
            let tuple_ty = self.startup_global("pyrt_tuple_type")?;
            let tag = self.b.build_and(seq, self.i64c(1), "")?;
            let heap = self.b.build_int_compare(IntPredicate::EQ, tag, self.i64c(0), "")?;
            let check = self.new_block("unpack_tuple");
            let fast = self.new_block("unpack_fast");
            self.b.build_conditional_branch(heap, check, slow)?;
            self.b.position_at_end(check);
            let ty = self.load_word_at(seq, self.i64c(TYPE_OFFSET), "ty")?;
            let len = self.load_word_at(seq, self.i64c(TUPLE_LEN_OFFSET), "len")?;
            let is_tuple = self.b.build_int_compare(IntPredicate::EQ, ty, tuple_ty, "")?;
            let fits = self.b.build_int_compare(IntPredicate::EQ, len, self.i64c(n as u64), "")?;
            self.b.build_conditional_branch(self.b.build_and(is_tuple, fits, "")?, fast, slow)?;
            self.b.position_at_end(fast);
            let items = self.load_word_at(seq, self.i64c(TUPLE_ITEMS_OFFSET), "items")?;
            for k in 0..n {
                let v = self.load_word_at(items, self.i64c(8 * k as u64), "item")?;
                self.incref(v)?;
                // item 0 ends on top
                self.store_slot(d - 1 + n - 1 - k, v)?;
            }
            self.decref(seq)?;
            self.b.build_unconditional_branch(join)?;
        } else {
            self.b.build_unconditional_branch(slow)?;
        }
        self.b.position_at_end(slow);
        let st = self.call_v("pyrt_unpack_sequence", &[seq.into(), self.i32c(n as u64).into(), self.scratch.into()])?;
        self.decref(seq)?;
        self.check_status(st, pc, d - 1, true)?;
        for k in 0..n {
            let v = self.load_scratch(n - 1 - k)?;
            self.store_slot(d - 1 + k, v)?;
        }
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        Ok(())
    }

    /// `StoreSubscr` of an unboxed float `f` into `obj[key]`: when the list item it
    /// replaces is an exact float that nothing else references, its number is
    /// overwritten in place (`a[3] -= dx * bm` allocates and frees nothing); otherwise
    /// the number is boxed and the store continues in `boxed` with the new float, the
    /// value returned.
    fn store_float_item(&mut self, obj: IntValue<'ctx>, key: IntValue<'ctx>, f: FloatValue<'ctx>, join: BasicBlock<'ctx>, boxed: BasicBlock<'ctx>) -> R<IntValue<'ctx>> {
        let box_it = self.new_block("store_box");
        let p = self.list_item_ptr(obj, key, box_it)?;
        let old = self.b.build_load(p, "old")?.into_int_value();
        // in a list marked all-floats the old item is a float: only its count is tested
        let check = self.new_block("store_oldty");
        let sole_test = self.new_block("store_oldrc");
        let reuse = self.new_block("store_reuse");
        self.b.build_conditional_branch(self.list_all_floats(obj)?, sole_test, check)?;
        self.b.position_at_end(check);
        let low = self.b.build_and(old, self.i64c(3), "")?;
        let heap = self.b.build_int_compare(IntPredicate::EQ, low, self.i64c(0), "")?;
        let type_test = self.new_block("store_oldtyw");
        self.b.build_conditional_branch(heap, type_test, box_it)?;
        self.b.position_at_end(type_test);
        let float_ty = self.singleton("pyrt_float_type")?;
        let ty = self.load_word_at(old, self.i64c(TYPE_OFFSET), "oldty")?;
        let same_ty = self.b.build_int_compare(IntPredicate::EQ, ty, float_ty, "")?;
        self.b.build_conditional_branch(same_ty, sole_test, box_it)?;
        self.b.position_at_end(sole_test);
        let refcnt = self.load_word_of(old, self.i64c(0), "oldrc", Word::Refcount)?;
        let sole = self.b.build_int_compare(IntPredicate::EQ, refcnt, self.i64c(1), "")?;
        self.b.build_conditional_branch(sole, reuse, box_it)?;
        self.b.position_at_end(reuse);
        self.set_alias_class(self.b.build_store(self.float_value_ptr(old)?, f)?, Word::FloatValue)?;
        if !self.deref_container_borrowed(self.pc_now) {
            self.decref(obj)?;
        }
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(box_it);
        let o = self.call_v("pyrt_float_new", &[f.into()])?;
        self.b.build_unconditional_branch(boxed)?;
        Ok(o)
    }

    /// `StoreSubscr` at `pc`, stack depth `d` (`v`, `obj`, `key` from the bottom).
    pub fn lower_store_subscr(&mut self, pc: usize, d: u32) -> R<()> {
        let obj = self.load_slot(d - 2)?;
        let key = self.load_slot(d - 1)?;
        let join = self.new_block("store_join");
        let value = self.operand(pc, d - 3, 2)?;
        let v = match value.f {
            Some(f) if self.fast => {
                let unboxed = self.new_block("store_unboxed");
                let boxed = self.new_block("store_boxed");
                let from = self.b.get_insert_block().expect("positioned");
                self.b.build_conditional_branch(self.is_unboxed(value.v)?, unboxed, boxed)?;
                self.b.position_at_end(unboxed);
                let o = self.store_float_item(obj, key, f, join, boxed)?;
                let box_end = self.b.get_insert_block().expect("positioned");
                self.b.position_at_end(boxed);
                let phi = self.b.build_phi(self.ctx.i64_type(), "sv")?;
                phi.add_incoming(&[(&value.v, from), (&o, box_end)]);
                let bool_t = self.ctx.bool_type();
                let is_float = self.b.build_phi(bool_t, "svfloat")?;
                is_float.add_incoming(&[(&bool_t.const_zero(), from), (&bool_t.const_all_ones(), box_end)]);
                (phi.as_basic_value().into_int_value(), Some(is_float.as_basic_value().into_int_value()))
            }
            _ => (self.materialize(value.v, value.f)?, None),
        };
        self.lower_store_subscr_object(pc, d, v, obj, key, join)
    }

    /// `StoreSubscr` of object `v` (owned) into `obj[key]`, ending in `join`; `v.1` is
    /// i1 true when the value is known to be an exact float (see `note_list_store`).
    fn lower_store_subscr_object(&mut self, pc: usize, d: u32, v: (IntValue<'ctx>, Option<IntValue<'ctx>>), obj: IntValue<'ctx>, key: IntValue<'ctx>, join: BasicBlock<'ctx>) -> R<()> {
        let (v, is_float) = v;
        let slow = self.new_block("store_slow");
        if self.fast {
            let p = self.list_item_ptr(obj, key, slow)?;
            // the stack's reference to v moves into the list; the old item is released
            // after the store, as list_ass_item does (its __del__ sees the new item)
            let old = self.b.build_load(p, "old")?.into_int_value();
            self.b.build_store(p, v)?;
            self.note_list_store(obj, is_float)?;
            if !self.deref_container_borrowed(pc) {
                self.decref(obj)?;
            }
            self.decref(old)?;
            self.b.build_unconditional_branch(join)?;
        } else {
            self.b.build_unconditional_branch(slow)?;
        }
        self.b.position_at_end(slow);
        self.protect_deref(pc, obj)?;
        let st = self.call_v(if self.fast { "pyrt_store_item" } else { "pyrt_store_subscr" }, &[obj.into(), key.into(), v.into()])?;
        self.decref(v)?;
        self.decref(obj)?;
        self.decref(key)?;
        self.check_status(st, pc, d - 3, true)?;
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        Ok(())
    }

    /// Is the `BinarySlice(3)` at `pc` the read of `p[:k + 1] = p[k::-1]` (fannkuch's
    /// flip), the whole statement being `LoadFast p; LoadFast k; LoadConst None;
    /// LoadConst -1; BinarySlice 3; LoadFast p; LoadConst None; LoadFast k; LoadConst 1;
    /// BinaryOp +; StoreSlice 2` with no jump into it?
    pub fn reverse_prefix_at(&self, pc: usize) -> bool {
        use pyc_frontend::bytecode::{Constant, Instr};
        if !self.fast || pc < 4 {
            return false;
        }
        let at = |p: usize| self.code.instrs.get(p).copied();
        let konst = |p: usize, want: &Constant| match at(p) {
            Some(Instr::LoadConst(i)) => self.code.consts.get(i as usize) == Some(want),
            _ => false,
        };
        let (Some(Instr::LoadFast(list)), Some(Instr::LoadFast(k))) = (at(pc - 4), at(pc - 3)) else { return false };
        konst(pc - 2, &Constant::None)
            && konst(pc - 1, &Constant::Int(-1))
            && at(pc + 1) == Some(Instr::LoadFast(list))
            && konst(pc + 2, &Constant::None)
            && at(pc + 3) == Some(Instr::LoadFast(k))
            && konst(pc + 4, &Constant::Int(1))
            && at(pc + 5) == Some(Instr::BinaryOp(crate::fe::BinOp::Add as u32))
            && at(pc + 6) == Some(Instr::StoreSlice(2))
            && (pc - 3..=pc + 6).all(|p| self.blocks.get(p).is_some_and(|b| b.is_none()) && self.depths.get(p).is_some_and(|d| d.is_some()))
    }

    /// `p[:k + 1] = p[k::-1]` from its `BinarySlice` at `pc` (stack depth `d`: `p, k,
    /// None, -1` on top) to its `StoreSlice`: for an exact list and a tagged int
    /// `0 <= k < len(p)` the two slices have the same length, so the statement reverses
    /// the first `k + 1` items in place (no list is built, no reference moves); anything
    /// else runs the seven instructions as they are. Nothing can rebind `p` or `k` between
    /// their loads, so the values on the stack are the ones the store would load again.
    /// Returns the number of following instructions lowered (6).
    pub fn lower_reverse_prefix(&mut self, pc: usize, d: u32) -> R<u32> {
        let obj = self.load_slot(d - 4)?;
        let key = self.load_slot(d - 3)?;
        let slow = self.new_block("revp_slow");
        let join = self.new_block("revp_join");
        let check_ty = self.new_block("revp_type");
        let check_len = self.new_block("revp_len");
        let head = self.new_block("revp_head");
        let tags = self.b.build_and(self.b.build_xor(obj, self.i64c(1), "")?, key, "")?;
        let shapes = self.b.build_int_compare(IntPredicate::NE, self.b.build_and(tags, self.i64c(1), "")?, self.i64c(0), "")?;
        self.b.build_conditional_branch(shapes, check_ty, slow)?;
        self.b.position_at_end(check_ty);
        let ty = self.load_word_at(obj, self.i64c(TYPE_OFFSET), "ty")?;
        let is_list = self.b.build_int_compare(IntPredicate::EQ, ty, self.list_layout_word(0)?, "")?;
        self.b.build_conditional_branch(is_list, check_len, slow)?;
        self.b.position_at_end(check_len);
        let len = self.load_word_at(obj, self.list_layout_word(2)?, "len")?;
        let k = self.b.build_right_shift(key, self.i64c(1), true, "k")?;
        // unsigned: a negative k is out of range too (`p[-1::-1]` is another statement)
        let in_range = self.b.build_int_compare(IntPredicate::ULT, k, len, "")?;
        self.b.build_conditional_branch(in_range, head, slow)?;

        self.b.position_at_end(head);
        let items = self.load_word_at(obj, self.list_layout_word(1)?, "items")?;
        self.reverse_items(items, k)?;
        // the bounds are a tagged int, None and -1: only the list was counted
        self.release(pc, 3, obj)?;
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(slow);
        self.lower_slice(pc, d, 3, false)?;
        for step in 1..=6 {
            let p = pc + step;
            let dp = self.depths.get(p).copied().flatten().ok_or_else(|| super::function::LowerError("reverse_prefix depth".into()))?;
            self.pc_now = p;
            self.lower_instr(p, dp)?;
        }
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        Ok(6)
    }

    /// Reverses the words `items[0..=last]` in place (swapping `items[i]` and `items[j]`
    /// for i < j, i from 0 up and j from `last` down), from the current block; the builder
    /// ends after the loop.
    pub(super) fn reverse_items(&mut self, items: IntValue<'ctx>, last: IntValue<'ctx>) -> R<()> {
        let i64t = self.ctx.i64_type();
        let entry = self.b.get_insert_block().expect("positioned");
        let body = self.new_block("revp_body");
        let swap = self.new_block("revp_swap");
        let done = self.new_block("revp_done");
        self.b.build_unconditional_branch(body)?;
        self.b.position_at_end(body);
        let i = self.b.build_phi(i64t, "i")?;
        let j = self.b.build_phi(i64t, "j")?;
        let (iv, jv) = (i.as_basic_value().into_int_value(), j.as_basic_value().into_int_value());
        let more = self.b.build_int_compare(IntPredicate::SLT, iv, jv, "")?;
        self.b.build_conditional_branch(more, swap, done)?;
        self.b.position_at_end(swap);
        let ptr = |l: &Self, x: IntValue<'ctx>| -> R<PointerValue<'ctx>> {
            let addr = l.b.build_int_add(items, l.b.build_left_shift(x, l.i64c(3), "")?, "")?;
            Ok(l.b.build_int_to_ptr(addr, i64t.ptr_type(AddressSpace::default()), "")?)
        };
        let (pi, pj) = (ptr(self, iv)?, ptr(self, jv)?);
        let (x, y) = (self.b.build_load(pi, "")?, self.b.build_load(pj, "")?);
        self.b.build_store(pi, y)?;
        self.b.build_store(pj, x)?;
        let i1 = self.b.build_int_add(iv, self.i64c(1), "")?;
        let j1 = self.b.build_int_sub(jv, self.i64c(1), "")?;
        self.b.build_unconditional_branch(body)?;
        i.add_incoming(&[(&self.i64c(0), entry), (&i1, swap)]);
        j.add_incoming(&[(&last, entry), (&j1, swap)]);
        self.b.position_at_end(done);
        Ok(())
    }

    /// Is the `BinarySlice(2)` at `pc` the copy in `dst = src[:]` (`LoadFast src;
    /// LoadConst None; LoadConst None; BinarySlice 2; StoreFast dst`, no jump into it,
    /// `dst` another plain local)?
    pub fn copy_into_at(&self, pc: usize) -> bool {
        use pyc_frontend::bytecode::{Constant, Instr};
        if !self.fast || self.sync_locals || pc < 3 {
            return false;
        }
        let at = |p: usize| self.code.instrs.get(p).copied();
        let none = |p: usize| matches!(at(p), Some(Instr::LoadConst(i)) if self.code.consts.get(i as usize) == Some(&Constant::None));
        let (Some(Instr::LoadFast(src)), Some(Instr::StoreFast(dst))) = (at(pc - 3), at(pc + 1)) else { return false };
        let plain = self.plan.as_ref().map_or(true, |p| p.home.get(dst as usize).copied().flatten().is_none());
        src != dst
            && plain
            && none(pc - 2)
            && none(pc - 1)
            && (pc - 2..=pc + 1).all(|p| self.blocks.get(p).is_some_and(|b| b.is_none()) && self.depths.get(p).is_some_and(|d| d.is_some()))
    }

    /// `dst = src[:]` from its `BinarySlice` at `pc` (stack depth `d`: `src, None, None`
    /// on top) through its `StoreFast`: when `dst` holds an exact list that only it
    /// references, of the same length as the exact list `src`, and holding only tagged
    /// ints (fannkuch's `perm = perm1[:]`), that list takes new references to `src`'s
    /// items in place: nothing is built or freed, and the old items need no release, so
    /// no code runs. Nothing can observe the difference: a list has no weak references,
    /// and the old one was unreachable but for `dst`. Anything else runs the two
    /// instructions as they are. Returns the number of following instructions lowered (1).
    pub fn lower_copy_into(&mut self, pc: usize, d: u32) -> R<u32> {
        use pyc_frontend::bytecode::Instr;
        let Some(Instr::StoreFast(dst)) = self.code.instrs.get(pc + 1).copied() else {
            return Err(super::function::LowerError("copy_into pattern".into()));
        };
        let i64t = self.ctx.i64_type();
        let src = self.load_slot(d - 3)?;
        let old = self.load_local(dst)?;
        let slow = self.new_block("cpy_slow");
        let join = self.new_block("cpy_join");
        let types = self.new_block("cpy_types");
        let sizes = self.new_block("cpy_sizes");
        // both heap objects (an unbound dst is 0: low bits clear, caught by the type load
        // only after the null test)
        let low = self.b.build_and(self.b.build_or(src, old, "")?, self.i64c(3), "")?;
        let heap = self.b.build_int_compare(IntPredicate::EQ, low, self.i64c(0), "")?;
        let bound = self.b.build_int_compare(IntPredicate::NE, old, self.i64c(0), "")?;
        self.b.build_conditional_branch(self.b.build_and(heap, bound, "")?, types, slow)?;
        self.b.position_at_end(types);
        let list_ty = self.list_layout_word(0)?;
        let src_list = self.b.build_int_compare(IntPredicate::EQ, self.load_word_at(src, self.i64c(TYPE_OFFSET), "")?, list_ty, "")?;
        let old_list = self.b.build_int_compare(IntPredicate::EQ, self.load_word_at(old, self.i64c(TYPE_OFFSET), "")?, list_ty, "")?;
        let sole = self.b.build_int_compare(IntPredicate::EQ, self.load_word_at(old, self.i64c(0), "rc")?, self.i64c(1), "")?;
        let ok = self.b.build_and(self.b.build_and(src_list, old_list, "")?, sole, "")?;
        self.b.build_conditional_branch(ok, sizes, slow)?;
        self.b.position_at_end(sizes);
        let len_off = self.list_layout_word(2)?;
        let n = self.load_word_at(src, len_off, "n")?;
        let same = self.b.build_int_compare(IntPredicate::EQ, n, self.load_word_at(old, len_off, "")?, "")?;
        let scan = self.new_block("cpy_scan");
        self.b.build_conditional_branch(same, scan, slow)?;
        self.b.position_at_end(scan);
        let ptr_off = self.list_layout_word(1)?;
        let from = self.load_word_at(src, ptr_off, "from")?;
        let to = self.load_word_at(old, ptr_off, "to")?;
        let item = |l: &Self, base: IntValue<'ctx>, i: IntValue<'ctx>| -> R<PointerValue<'ctx>> {
            let addr = l.b.build_int_add(base, l.b.build_left_shift(i, l.i64c(3), "")?, "")?;
            Ok(l.b.build_int_to_ptr(addr, i64t.ptr_type(AddressSpace::default()), "")?)
        };
        // every old item a tagged int (else the slow path, nothing changed yet)
        let copy = self.new_block("cpy_copy");
        self.counted_loop(n, copy, |l, i, next| {
            let x = l.b.build_load(item(l, to, i)?, "")?.into_int_value();
            let int = l.b.build_int_compare(IntPredicate::NE, l.b.build_and(x, l.i64c(1), "")?, l.i64c(0), "")?;
            l.b.build_conditional_branch(int, next, slow)?;
            Ok(())
        })?;
        self.b.position_at_end(copy);
        let done = self.new_block("cpy_done");
        self.counted_loop(n, done, |l, i, next| {
            let v = l.b.build_load(item(l, from, i)?, "")?.into_int_value();
            l.incref(v)?;
            l.b.build_store(item(l, to, i)?, v)?;
            l.b.build_unconditional_branch(next)?;
            Ok(())
        })?;
        self.b.position_at_end(done);
        // the bounds are None: only src was counted
        self.release(pc, 2, src)?;
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(slow);
        self.lower_slice(pc, d, 2, false)?;
        self.pc_now = pc + 1;
        self.lower_instr(pc + 1, d - 2)?;
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        Ok(1)
    }

    /// Emits `for i in 0..n { body(i) }` from the current block; `body` ends its block
    /// with a branch to the `next` block it is given (or leaves the loop elsewhere), and
    /// control goes to `exit` after the last iteration.
    fn counted_loop(&mut self, n: IntValue<'ctx>, exit: BasicBlock<'ctx>, body: impl Fn(&Self, IntValue<'ctx>, BasicBlock<'ctx>) -> R<()>) -> R<()> {
        let i64t = self.ctx.i64_type();
        let entry = self.b.get_insert_block().expect("positioned");
        let head = self.new_block("loop_head");
        let work = self.new_block("loop_body");
        let next = self.new_block("loop_next");
        self.b.build_unconditional_branch(head)?;
        self.b.position_at_end(head);
        let i = self.b.build_phi(i64t, "i")?;
        let iv = i.as_basic_value().into_int_value();
        let more = self.b.build_int_compare(IntPredicate::SLT, iv, n, "")?;
        self.b.build_conditional_branch(more, work, exit)?;
        self.b.position_at_end(work);
        body(self, iv, next)?;
        self.b.position_at_end(next);
        let i1 = self.b.build_int_add(iv, self.i64c(1), "")?;
        self.b.build_unconditional_branch(head)?;
        i.add_incoming(&[(&self.i64c(0), entry), (&i1, next)]);
        Ok(())
    }
}
