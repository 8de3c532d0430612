//! `obj[i]` and `obj[i] = v` inline for an exact list and a tagged small int index in
//! range (negative indexes count from the end); anything else, including the IndexError
//! of an index out of range, goes to the runtime (`pyrt_subscr`/`pyrt_store_subscr`).
//! Where a list keeps its items pointer and length is read at run time from
//! `pyrt_list_layout` (Rust does not fix the layout of `Vec`), along with the list type.

use inkwell::basic_block::BasicBlock;
use inkwell::values::{IntValue, PointerValue};
use inkwell::{AddressSpace, IntPredicate};

use super::function::{Lower, R};

const TYPE_OFFSET: u64 = 8;

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// When `obj` is an exact list and `key` a tagged int indexing it, branches on to a
    /// new block (returned with the address of the item) and else to `slow`.
    fn list_item_ptr(&mut self, obj: IntValue<'ctx>, key: IntValue<'ctx>, slow: BasicBlock<'ctx>) -> R<PointerValue<'ctx>> {
        let i64t = self.ctx.i64_type();
        let layout = match self.module.get_global("pyrt_list_layout") {
            Some(g) => g,
            None => self.module.add_global(i64t.array_type(3), None, "pyrt_list_layout"),
        };
        let layout = layout.as_pointer_value();
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
        let list_ty = self.b.build_load(self.global_word(layout, 0)?, "listty")?.into_int_value();
        let is_list = self.b.build_int_compare(IntPredicate::EQ, ty, list_ty, "islist")?;
        self.b.build_conditional_branch(is_list, check_idx, slow)?;

        self.b.position_at_end(check_idx);
        let len_off = self.b.build_load(self.global_word(layout, 2)?, "lenoff")?.into_int_value();
        let len = self.load_word_at(obj, len_off, "len")?;
        let i = self.b.build_right_shift(key, self.i64c(1), true, "idx")?;
        let neg = self.b.build_int_compare(IntPredicate::SLT, i, self.i64c(0), "")?;
        let from_end = self.b.build_int_add(i, len, "")?;
        let j = self.b.build_select(neg, from_end, i, "j")?.into_int_value();
        // unsigned: a still negative j is out of range too
        let in_range = self.b.build_int_compare(IntPredicate::ULT, j, len, "inrange")?;
        self.b.build_conditional_branch(in_range, ok, slow)?;

        self.b.position_at_end(ok);
        let ptr_off = self.b.build_load(self.global_word(layout, 1)?, "ptroff")?.into_int_value();
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
            self.release(pc, 1, obj)?;
            let end = self.b.get_insert_block().expect("positioned");
            self.b.build_unconditional_branch(join)?;
            Some((v, end))
        } else {
            self.b.build_unconditional_branch(slow)?;
            None
        };
        self.b.position_at_end(slow);
        let v = self.call_v("pyrt_subscr", &[obj.into(), key.into()])?;
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

    /// `StoreSubscr` at `pc`, stack depth `d` (`v`, `obj`, `key` from the bottom).
    pub fn lower_store_subscr(&mut self, pc: usize, d: u32) -> R<()> {
        let v = self.load_slot(d - 3)?;
        let obj = self.load_slot(d - 2)?;
        let key = self.load_slot(d - 1)?;
        let slow = self.new_block("store_slow");
        let join = self.new_block("store_join");
        if self.fast {
            let p = self.list_item_ptr(obj, key, slow)?;
            // the stack's reference to v moves into the list; the old item is released
            // after the store, as list_ass_item does (its __del__ sees the new item)
            let old = self.b.build_load(p, "old")?.into_int_value();
            self.b.build_store(p, v)?;
            self.decref(obj)?;
            self.decref(old)?;
            self.b.build_unconditional_branch(join)?;
        } else {
            self.b.build_unconditional_branch(slow)?;
        }
        self.b.position_at_end(slow);
        let st = self.call_v("pyrt_store_subscr", &[obj.into(), key.into(), v.into()])?;
        self.decref(v)?;
        self.decref(obj)?;
        self.decref(key)?;
        self.check_status(st, pc, d - 3, true)?;
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        Ok(())
    }
}
