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

const TYPE_OFFSET: u64 = 8;
/// `TupleObj.len` and `TupleObj.items` (runtime types/tuple.rs, asserted in abi.rs).
const TUPLE_LEN_OFFSET: u64 = 16;
const TUPLE_ITEMS_OFFSET: u64 = 24;
/// `FloatObj.value` (runtime types/float.rs).
const FLOAT_VALUE_OFFSET: u64 = 16;

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
        let fast_v = if self.fast {
            let p = self.list_item_ptr(obj, key, slow)?;
            let v = self.b.build_load(p, "item")?.into_int_value();
            self.incref(v)?;
            // the key is a tagged int: nothing to release
            if !self.deref_container_borrowed(pc) {
                self.release(pc, 1, obj)?;
            }
            let end = self.b.get_insert_block().expect("positioned");
            self.b.build_unconditional_branch(join)?;
            Some((v, end))
        } else {
            self.b.build_unconditional_branch(slow)?;
            None
        };
        self.b.position_at_end(slow);
        self.protect_deref(pc, obj)?;
        let v = self.call_v(if self.fast { "pyrt_get_item" } else { "pyrt_subscr" }, &[obj.into(), key.into()])?;
        self.release(pc, 1, obj)?;
        self.release(pc, 0, key)?;
        self.check_null(v, pc, d - 2)?;
        let slow_end = self.b.get_insert_block().expect("positioned");
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        let phi = self.b.build_phi(self.ctx.i64_type(), "subscr")?;
        phi.add_incoming(&[(&v, slow_end)]);
        if let Some((fv, end)) = fast_v {
            phi.add_incoming(&[(&fv, end)]);
        }
        self.store_slot(d - 2, phi.as_basic_value().into_int_value())
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
        let low = self.b.build_and(old, self.i64c(3), "")?;
        let heap = self.b.build_int_compare(IntPredicate::EQ, low, self.i64c(0), "")?;
        let check = self.new_block("store_oldty");
        self.b.build_conditional_branch(heap, check, box_it)?;
        self.b.position_at_end(check);
        let float_ty = self.singleton("pyrt_float_type")?;
        let ty = self.load_word_at(old, self.i64c(TYPE_OFFSET), "oldty")?;
        let refcnt = self.load_word_at(old, self.i64c(0), "oldrc")?;
        let same_ty = self.b.build_int_compare(IntPredicate::EQ, ty, float_ty, "")?;
        let sole = self.b.build_int_compare(IntPredicate::EQ, refcnt, self.i64c(1), "")?;
        let reuse = self.new_block("store_reuse");
        self.b.build_conditional_branch(self.b.build_and(same_ty, sole, "")?, reuse, box_it)?;
        self.b.position_at_end(reuse);
        let fp = self.b.build_int_to_ptr(
            self.b.build_int_add(old, self.i64c(FLOAT_VALUE_OFFSET), "")?,
            self.ctx.f64_type().ptr_type(AddressSpace::default()),
            "",
        )?;
        self.b.build_store(fp, f)?;
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
                phi.as_basic_value().into_int_value()
            }
            _ => self.materialize(value.v, value.f)?,
        };
        self.lower_store_subscr_object(pc, d, v, obj, key, join)
    }

    /// `StoreSubscr` of object `v` (owned) into `obj[key]`, ending in `join`.
    fn lower_store_subscr_object(&mut self, pc: usize, d: u32, v: IntValue<'ctx>, obj: IntValue<'ctx>, key: IntValue<'ctx>, join: BasicBlock<'ctx>) -> R<()> {
        let slow = self.new_block("store_slow");
        if self.fast {
            let p = self.list_item_ptr(obj, key, slow)?;
            // the stack's reference to v moves into the list; the old item is released
            // after the store, as list_ass_item does (its __del__ sees the new item)
            let old = self.b.build_load(p, "old")?.into_int_value();
            self.b.build_store(p, v)?;
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
}
