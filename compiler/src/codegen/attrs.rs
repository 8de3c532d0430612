//! Attribute sites with inline caches: `LoadAttr`, `StoreAttr`, `LoadMethod`.
//!
//! Each site owns an internal `[28 x i64]` global: four entries of 7 words, zero until
//! the runtime fills them (`pyrt_load_attr_fill`, `pyrt_store_attr_fill`,
//! `pyrt_load_method_fill`). runtime/src/attr_cache.rs defines an entry — [type, type
//! version, class epoch, kind, offset, index, value] — and why each kind is exact under
//! its guard. The IR first tries the site's *fast kind* in the first entry (`SLOT_FIT`
//! for loads and stores, `CLASS` for methods): that entry's type word equals the
//! object's type only for an entry of that kind (other kinds tag bit 0), so one compare
//! picks the kind and the hit goes on to the version and per-object checks with no kind
//! switch (`fast_entry`). Otherwise it scans the entries for the object's type (a site
//! sees a few classes when a base class's method runs on several subclasses; there is at
//! most one entry per type), checks that type's version against the entry (a change of
//! any namespace along its MRO gives the type a new version; the entry's class epoch is
//! checked only by the runtime), then switches on the kind to its per-object condition;
//! on any failure it calls the fill function, which does the generic operation and
//! refills. A hit costs a few loads and compares: no call, no hashing, no bound method.
//! A hit whose value is tested or compared right away, on a borrowed local, pushes it
//! without a reference (unboxed.rs `mark_borrowed_attrs`).

use inkwell::basic_block::BasicBlock;
use inkwell::values::{IntValue, PointerValue};
use inkwell::{AddressSpace, IntPredicate};

use super::function::{Lower, R};

/// Byte offsets: `ObjHeader.ty`; `TypeObject.version` (asserted in runtime
/// types/typeobj.rs); the header of a compact instance's values block (asserted in
/// runtime types/instance_attrs.rs).
const TYPE_OFFSET: u64 = 8;
const VERSION_OFFSET: u64 = 16;
const VALUES_HEADER: u64 = 8;
/// Byte offset of a values block's `u16` `end` (`instance_attrs::VALUES_END_OFFSET`).
const VALUES_END_OFFSET: u64 = 6;

/// Entry layout and kinds (runtime attr_cache.rs, checked by its unit test). A site
/// holds `ENTRIES` entries.
const WORDS: u32 = 7;
const ENTRIES: u32 = 4;
const W_VERSION: u32 = 1;
const W_KIND: u32 = 3;
const W_OFFSET: u32 = 4;
const W_INDEX: u32 = 5;
const W_VALUE: u32 = 6;
const SLOT: u64 = 1;
const MEMBER: u64 = 2;
const CLASS: u64 = 3;
const MODULE: u64 = 4;
/// A `SLOT` whose index lies inside every values block of the type: no capacity check.
const SLOT_FIT: u64 = 6;

/// A site: its cache global, and (after `attr_guard`) the entry that matched.
#[derive(Clone, Copy)]
struct Site<'ctx> {
    cache: PointerValue<'ctx>,
    /// `i64*` to the matched entry's first word.
    entry: PointerValue<'ctx>,
}

impl<'a, 'ctx> Lower<'a, 'ctx> {
    fn attr_site(&self, pc: usize) -> R<Site<'ctx>> {
        let cache = self.site_cache(&format!("attr{pc}"), WORDS * ENTRIES);
        let i64p = self.ctx.i64_type().ptr_type(AddressSpace::default());
        let entry = self.b.build_pointer_cast(self.global_word(cache, 0)?, i64p, "")?;
        Ok(Site { cache, entry })
    }

    fn entry_word(&self, s: Site<'ctx>, w: u32) -> R<IntValue<'ctx>> {
        let p = unsafe { self.b.build_gep(s.entry, &[self.i64c(w as u64)], "")? };
        Ok(self.b.build_load(p, "cw")?.into_int_value())
    }

    /// The whole site (all entries), as the fill functions take it.
    fn entry_ptr(&self, s: Site<'ctx>) -> R<PointerValue<'ctx>> {
        let i64p = self.ctx.i64_type().ptr_type(AddressSpace::default());
        Ok(self.b.build_pointer_cast(self.global_word(s.cache, 0)?, i64p, "")?)
    }

    /// Continues in a new block when `cond` holds, else goes to `miss`.
    fn require(&self, cond: IntValue<'ctx>, miss: BasicBlock<'ctx>, name: &str) -> R<()> {
        let next = self.new_block(name);
        self.b.build_conditional_branch(cond, next, miss)?;
        self.b.position_at_end(next);
        Ok(())
    }

    fn word_at(&self, base: IntValue<'ctx>, off: IntValue<'ctx>) -> R<PointerValue<'ctx>> {
        let i64p = self.ctx.i64_type().ptr_type(AddressSpace::default());
        let addr = self.b.build_int_add(base, off, "")?;
        Ok(self.b.build_int_to_ptr(addr, i64p, "")?)
    }

    /// The type of `obj` when it is a heap object, else `miss`.
    fn heap_type(&self, obj: IntValue<'ctx>, miss: BasicBlock<'ctx>) -> R<IntValue<'ctx>> {
        let tag = self.b.build_and(obj, self.i64c(1), "")?;
        let heap = self.b.build_int_compare(IntPredicate::EQ, tag, self.i64c(0), "")?;
        self.require(heap, miss, "ac_heap")?;
        self.load_word_at(obj, self.i64c(TYPE_OFFSET), "ty")
    }

    /// Continues (in a new block) when the site's first entry is a current entry of the
    /// site's fast kind for type `ty`, else goes to `other`. One compare: the type's
    /// version with the entry's version word, which is the version itself only in an
    /// entry of the fast kind (runtime attr_cache.rs `version_word`); versions are even,
    /// never reused and never shared by two types, so an equal word also means this very
    /// type, unchanged.
    fn fast_entry(&self, ty: IntValue<'ctx>, s: Site<'ctx>, other: BasicBlock<'ctx>) -> R<()> {
        let version = self.load_word_at(ty, self.i64c(VERSION_OFFSET), "tver")?;
        let current = self.b.build_int_compare(IntPredicate::EQ, version, self.entry_word(s, W_VERSION)?, "")?;
        self.require(current, other, "ac_fast")
    }

    /// Continues (in a new block) positioned on the later entry (past the first) that is
    /// an entry of the site's fast kind for type `ty` (its type word equals `ty`), else
    /// goes to `none`: a site that sees several classes (a base-class method run on each
    /// subclass) reaches their entries with a compare each, no kind switch.
    fn later_fast_entry(&self, ty: IntValue<'ctx>, s: Site<'ctx>, none: BasicBlock<'ctx>) -> R<Site<'ctx>> {
        let found = self.new_block("ac_fast_later");
        let mut incoming = Vec::new();
        for k in 1..ENTRIES {
            let entry = unsafe { self.b.build_gep(s.entry, &[self.i64c((k * WORDS) as u64)], "entry")? };
            let word = self.b.build_load(entry, "ety")?.into_int_value();
            let same_ty = self.b.build_int_compare(IntPredicate::EQ, ty, word, "")?;
            let next = if k + 1 == ENTRIES { none } else { self.new_block("ac_fast_next") };
            self.b.build_conditional_branch(same_ty, found, next)?;
            incoming.push((entry, self.b.get_insert_block().expect("positioned")));
            if next != none {
                self.b.position_at_end(next);
            }
        }
        self.b.position_at_end(found);
        let phi = self.b.build_phi(s.entry.get_type(), "fentry")?;
        for (e, bb) in &incoming {
            phi.add_incoming(&[(e, *bb)]);
        }
        Ok(Site { cache: s.cache, entry: phi.as_basic_value().into_pointer_value() })
    }

    /// Continues when the entry `s` (for type `ty`) still holds: same type version (any
    /// change of a namespace along the type's MRO gives it a new one: runtime
    /// typeobj.rs `class_dict_changed`; the entry's epoch word is for the runtime's own
    /// checks); else `miss`.
    fn require_current(&self, ty: IntValue<'ctx>, s: Site<'ctx>, miss: BasicBlock<'ctx>) -> R<()> {
        let version = self.load_word_at(ty, self.i64c(VERSION_OFFSET), "tver")?;
        // (the entry's copy is tagged in bit 0 unless it is of the fast kind)
        let entry_version = self.b.build_and(self.entry_word(s, W_VERSION)?, self.i64c(!1), "")?;
        let valid = self.b.build_int_compare(IntPredicate::EQ, version, entry_version, "")?;
        self.require(valid, miss, "ac_valid")
    }

    /// Finds the site's entry for type `ty` (at most one per type; its type word may be
    /// tagged) and checks its guard; returns the site positioned on that entry and the
    /// entry's kind.
    fn attr_guard(&self, ty: IntValue<'ctx>, s: Site<'ctx>, miss: BasicBlock<'ctx>) -> R<(Site<'ctx>, IntValue<'ctx>)> {
        let i64t = self.ctx.i64_type();
        let tagged = self.b.build_or(ty, self.i64c(1), "")?;
        let pre = self.b.get_insert_block().expect("positioned");
        let scan = self.new_block("ac_scan");
        let next = self.new_block("ac_next");
        let found = self.new_block("ac_found");
        self.b.build_unconditional_branch(scan)?;

        self.b.position_at_end(scan);
        let k = self.b.build_phi(i64t, "k")?;
        k.add_incoming(&[(&self.i64c(0), pre)]);
        let kv = k.as_basic_value().into_int_value();
        let first = self.b.build_int_mul(kv, self.i64c(WORDS as u64), "")?;
        let entry = unsafe { self.b.build_gep(s.entry, &[first], "entry")? };
        let ety = self.b.build_load(entry, "ety")?.into_int_value();
        let ety = self.b.build_or(ety, self.i64c(1), "")?;
        let same_ty = self.b.build_int_compare(IntPredicate::EQ, tagged, ety, "")?;
        self.b.build_conditional_branch(same_ty, found, next)?;

        self.b.position_at_end(next);
        let k1 = self.b.build_int_add(kv, self.i64c(1), "")?;
        k.add_incoming(&[(&k1, next)]);
        let more = self.b.build_int_compare(IntPredicate::ULT, k1, self.i64c(ENTRIES as u64), "")?;
        self.b.build_conditional_branch(more, scan, miss)?;

        self.b.position_at_end(found);
        let s = Site { cache: s.cache, entry };
        self.require_current(ty, s, miss)?;
        Ok((s, self.entry_word(s, W_KIND)?))
    }

    /// An external `i64` global of the runtime. Hidden: the runtime is linked into the
    /// executable, so the word is addressed directly rather than through the GOT (one
    /// load less per use).
    pub fn runtime_global(&self, name: &str) -> inkwell::values::GlobalValue<'ctx> {
        let g = self.module.get_global(name).unwrap_or_else(|| self.module.add_global(self.ctx.i64_type(), None, name));
        g.set_visibility(inkwell::GlobalVisibility::Hidden);
        g
    }

    /// Branches on the entry's kind to one new block per listed kind (others miss). The
    /// first kind is marked as the likely one, so that LLVM tests it with one compare
    /// before any jump table (an instance attribute for loads and stores, a class
    /// attribute for methods).
    fn kind_blocks(&self, kind: IntValue<'ctx>, kinds: &[u64], miss: BasicBlock<'ctx>) -> R<Vec<BasicBlock<'ctx>>> {
        let blocks: Vec<BasicBlock<'ctx>> = kinds.iter().map(|k| self.new_block(&format!("ac_kind{k}"))).collect();
        let cases: Vec<(IntValue<'ctx>, BasicBlock<'ctx>)> = kinds.iter().zip(&blocks).map(|(k, bb)| (self.i64c(*k), *bb)).collect();
        let switch = self.b.build_switch(kind, miss, &cases)?;
        let i32t = self.ctx.i32_type();
        let mut weights: Vec<inkwell::values::BasicMetadataValueEnum> = vec![self.ctx.metadata_string("branch_weights").into(), i32t.const_int(1, false).into()];
        weights.extend((0..kinds.len()).map(|i| inkwell::values::BasicMetadataValueEnum::from(i32t.const_int(if i == 0 { 2000 } else { 1 }, false))));
        let prof = self.ctx.metadata_node(&weights);
        switch.set_metadata(prof, self.ctx.get_kind_id("prof")).map_err(|e| super::function::LowerError(e.to_string()))?;
        Ok(blocks)
    }

    /// The guards of a site for `obj`: the fast kind `kinds[0]` in the first entry
    /// (`fast_entry`), else the scan and the switch over `kinds`. `hit(kind, entry)` runs
    /// positioned where the entry of `kind` holds for the type, once per path, and ends
    /// its own blocks; any failed guard goes to `miss`.
    fn dispatch(
        &self,
        obj: IntValue<'ctx>,
        s: Site<'ctx>,
        kinds: &[u64],
        miss: BasicBlock<'ctx>,
        mut hit: impl FnMut(u64, Site<'ctx>) -> R<()>,
    ) -> R<()> {
        let ty = self.heap_type(obj, miss)?;
        let other = self.new_block("ac_other");
        self.fast_entry(ty, s, other)?;
        hit(kinds[0], s)?;
        self.b.position_at_end(other);
        let scan = self.new_block("ac_scan_kinds");
        let later = self.later_fast_entry(ty, s, scan)?;
        self.require_current(ty, later, miss)?;
        hit(kinds[0], later)?;
        self.b.position_at_end(scan);
        let (s, kind) = self.attr_guard(ty, s, miss)?;
        let blocks = self.kind_blocks(kind, kinds, miss)?;
        for (k, bb) in kinds.iter().zip(blocks) {
            self.b.position_at_end(bb);
            hit(*k, s)?;
        }
        Ok(())
    }

    /// `SLOT`/`SLOT_FIT` (`kind`): pointer to the instance's value slot (values mode,
    /// index below the block's capacity), else `miss`.
    fn values_slot(&self, kind: u64, obj: IntValue<'ctx>, s: Site<'ctx>, miss: BasicBlock<'ctx>) -> R<PointerValue<'ctx>> {
        Ok(self.values_block_slot(kind, obj, s, miss)?.1)
    }

    /// Stores `v` into the empty slot `p` (key `index` of values block `block`) when the
    /// index is at or above the block's `end` (runtime instance_attrs.rs), raising `end`
    /// past it; else `miss`.
    fn add_values_slot(&self, block: IntValue<'ctx>, index: IntValue<'ctx>, p: PointerValue<'ctx>, v: IntValue<'ctx>, miss: BasicBlock<'ctx>) -> R<()> {
        let i16t = self.ctx.i16_type();
        let end_p = self.b.build_int_to_ptr(
            self.b.build_int_add(block, self.i64c(VALUES_END_OFFSET), "")?,
            i16t.ptr_type(AddressSpace::default()),
            "endp",
        )?;
        let end = self.b.build_load(end_p, "end")?.into_int_value();
        let end = self.b.build_int_z_extend(end, self.ctx.i64_type(), "")?;
        let in_order = self.b.build_int_compare(IntPredicate::UGE, index, end, "")?;
        self.require(in_order, miss, "ac_in_order")?;
        self.b.build_store(p, v)?;
        let new_end = self.b.build_int_add(index, self.i64c(1), "")?;
        self.b.build_store(end_p, self.b.build_int_truncate(new_end, i16t, "")?)?;
        Ok(())
    }

    /// `SLOT`/`SLOT_FIT` (`kind`): the instance's values block and the pointer to the
    /// entry's slot in it. Only `SLOT` compares the index with the block's capacity
    /// (runtime attr_cache.rs: a `SLOT_FIT` index fits every block of the type).
    fn values_block_slot(&self, kind: u64, obj: IntValue<'ctx>, s: Site<'ctx>, miss: BasicBlock<'ctx>) -> R<(IntValue<'ctx>, PointerValue<'ctx>)> {
        let word = self.b.build_load(self.word_at(obj, self.entry_word(s, W_OFFSET)?)?, "store")?.into_int_value();
        let values = self.b.build_and(word, self.i64c(1), "")?;
        let is_values = self.b.build_int_compare(IntPredicate::NE, values, self.i64c(0), "")?;
        self.require(is_values, miss, "ac_values")?;
        let block = self.b.build_int_sub(word, self.i64c(1), "vblock")?;
        let index = self.entry_word(s, W_INDEX)?;
        if kind == SLOT {
            let fits = self.b.build_int_compare(IntPredicate::ULT, index, self.values_cap(block)?, "")?;
            self.require(fits, miss, "ac_fits")?;
        }
        Ok((block, self.values_slot_at(block, index)?))
    }

    /// Capacity (`u32` at offset 0) of a values block.
    fn values_cap(&self, block: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        let i32p = self.ctx.i32_type().ptr_type(AddressSpace::default());
        let p = self.b.build_int_to_ptr(block, i32p, "")?;
        let cap = self.b.build_load(p, "cap")?.into_int_value();
        Ok(self.b.build_int_z_extend(cap, self.ctx.i64_type(), "")?)
    }

    fn values_slot_at(&self, block: IntValue<'ctx>, index: IntValue<'ctx>) -> R<PointerValue<'ctx>> {
        let byte = self.b.build_int_mul(index, self.i64c(8), "")?;
        let off = self.b.build_int_add(byte, self.i64c(VALUES_HEADER), "")?;
        self.word_at(block, off)
    }

    /// Continues when `v` is not NULL, else `miss`.
    fn require_set(&self, v: IntValue<'ctx>, miss: BasicBlock<'ctx>) -> R<()> {
        let set = self.b.build_int_compare(IntPredicate::NE, v, self.i64c(0), "")?;
        self.require(set, miss, "ac_set")
    }

    /// `CLASS`: continues (in a new block) when the instance cannot shadow the class
    /// attribute, else `miss`.
    fn require_not_shadowed(&self, obj: IntValue<'ctx>, s: Site<'ctx>, miss: BasicBlock<'ctx>) -> R<()> {
        let ok = self.new_block("ac_unshadowed");
        let off = self.entry_word(s, W_OFFSET)?;
        let no_storage = self.b.build_int_compare(IntPredicate::EQ, off, self.i64c(0), "")?;
        let read = self.new_block("ac_storage");
        self.b.build_conditional_branch(no_storage, ok, read)?;
        self.b.position_at_end(read);
        let word = self.b.build_load(self.word_at(obj, off)?, "store")?.into_int_value();
        let empty = self.b.build_int_compare(IntPredicate::EQ, word, self.i64c(0), "")?;
        let nonempty = self.new_block("ac_nonempty");
        self.b.build_conditional_branch(empty, ok, nonempty)?;
        self.b.position_at_end(nonempty);
        let values = self.b.build_and(word, self.i64c(1), "")?;
        let is_values = self.b.build_int_compare(IntPredicate::NE, values, self.i64c(0), "")?;
        self.require(is_values, miss, "ac_values")?;
        let block = self.b.build_int_sub(word, self.i64c(1), "vblock")?;
        let index = self.entry_word(s, W_INDEX)?;
        let beyond = self.b.build_int_compare(IntPredicate::UGE, index, self.values_cap(block)?, "")?;
        let inside = self.new_block("ac_inside");
        self.b.build_conditional_branch(beyond, ok, inside)?;
        self.b.position_at_end(inside);
        let v = self.b.build_load(self.values_slot_at(block, index)?, "own")?.into_int_value();
        let unset = self.b.build_int_compare(IntPredicate::EQ, v, self.i64c(0), "")?;
        self.b.build_conditional_branch(unset, ok, miss)?;
        self.b.position_at_end(ok);
        Ok(())
    }

    /// `MODULE`: continues when the module's dict still carries the entry's version tag.
    fn require_module_unchanged(&self, obj: IntValue<'ctx>, s: Site<'ctx>, miss: BasicBlock<'ctx>) -> R<()> {
        let d = self.b.build_load(self.word_at(obj, self.entry_word(s, W_OFFSET)?)?, "mdict")?.into_int_value();
        self.require_set(d, miss)?;
        let tag_off = self.load_startup_word(self.runtime_global("pyrt_dict_tag_offset").as_pointer_value(), "tagoff")?;
        let tag = self.load_word_at(d, tag_off, "mtag")?;
        let same = self.b.build_int_compare(IntPredicate::EQ, tag, self.entry_word(s, W_INDEX)?, "")?;
        self.require(same, miss, "ac_mod")
    }

    /// The value a load hit yields for `kind` (borrowed), ending in the current block.
    fn load_hit_value(&self, kind: u64, obj: IntValue<'ctx>, s: Site<'ctx>, miss: BasicBlock<'ctx>) -> R<IntValue<'ctx>> {
        match kind {
            SLOT | SLOT_FIT => {
                let p = self.values_slot(kind, obj, s, miss)?;
                let v = self.b.build_load(p, "attr")?.into_int_value();
                self.require_set(v, miss)?;
                Ok(v)
            }
            MEMBER => {
                let v = self.b.build_load(self.word_at(obj, self.entry_word(s, W_OFFSET)?)?, "member")?.into_int_value();
                self.require_set(v, miss)?;
                Ok(v)
            }
            CLASS => {
                self.require_not_shadowed(obj, s, miss)?;
                self.entry_word(s, W_VALUE)
            }
            _ => {
                self.require_module_unchanged(obj, s, miss)?;
                self.entry_word(s, W_VALUE)
            }
        }
    }

    /// `LoadAttr(i)` at `pc`, stack depth `d`: replaces TOS with the attribute.
    pub fn lower_load_attr(&mut self, pc: usize, d: u32, i: u32) -> R<()> {
        let obj = self.load_slot(d - 1)?;
        if !self.fast {
            let v = self.call_v("pyrt_load_attr", &[self.frame.into(), obj.into(), self.i32c(i as u64).into()])?;
            self.decref(obj)?;
            self.check_null(v, pc, d - 1)?;
            return self.store_slot(d - 1, v);
        }
        let s = self.attr_site(pc)?;
        let miss = self.new_block("attr_miss");
        let hit = self.new_block("attr_hit");
        let join = self.new_block("attr_join");
        let mut found = Vec::new();
        self.dispatch(obj, s, &[SLOT_FIT, SLOT, MEMBER, CLASS, MODULE], miss, |k, s| {
            let v = self.load_hit_value(k, obj, s, miss)?;
            found.push((v, self.b.get_insert_block().expect("positioned")));
            self.b.build_unconditional_branch(hit)?;
            Ok(())
        })?;
        self.b.position_at_end(hit);
        let phi = self.b.build_phi(self.ctx.i64_type(), "hitv")?;
        for (v, bb) in &found {
            phi.add_incoming(&[(v, *bb)]);
        }
        let hv = phi.as_basic_value().into_int_value();
        let pending = self.attr_pending.filter(|_| self.attr_borrowed(pc));
        match pending {
            // the test right after reads the value while the object still holds it
            Some(p) => {
                self.b.build_store(p, self.i64c(0))?;
            }
            None => self.incref(hv)?,
        }
        self.release(pc, 0, obj)?;
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(miss);
        let v = self.call_v("pyrt_load_attr_fill", &[self.frame.into(), obj.into(), self.i32c(i as u64).into(), self.entry_ptr(s)?.into()])?;
        self.release(pc, 0, obj)?;
        self.check_null(v, pc, d - 1)?;
        if let Some(p) = pending {
            // the reference the test releases (`release_attr_pending`)
            self.b.build_store(p, v)?;
        }
        let miss_end = self.b.get_insert_block().expect("positioned");
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(join);
        let r = self.b.build_phi(self.ctx.i64_type(), "attr")?;
        r.add_incoming(&[(&hv, hit), (&v, miss_end)]);
        self.store_slot(d - 1, r.as_basic_value().into_int_value())
    }

    /// `LoadMethod(i)` at `pc`, stack depth `d`: replaces TOS with [method or NULL, self
    /// or the attribute].
    pub fn lower_load_method(&mut self, pc: usize, d: u32, i: u32) -> R<()> {
        let obj = self.load_slot(d - 1)?;
        let out = self.scratch_at(0)?;
        if !self.fast {
            let st = self.call_v("pyrt_load_method", &[self.frame.into(), obj.into(), self.i32c(i as u64).into(), out.into()])?;
            self.decref(obj)?;
            self.check_status(st, pc, d - 1, true)?;
            return self.store_method_pair(d);
        }
        let s = self.attr_site(pc)?;
        let miss = self.new_block("meth_miss");
        let join = self.new_block("meth_join");
        let zero = self.i64c(0);
        let mut pairs = Vec::new();
        self.dispatch(obj, s, &[CLASS, SLOT_FIT, SLOT, MEMBER, MODULE], miss, |k, s| {
            let v = self.load_hit_value(k, obj, s, miss)?;
            self.incref(v)?;
            let pair = if k == CLASS {
                // the unbound method, with TOS's reference moving to `self`
                (v, obj)
            } else {
                self.decref(obj)?;
                (zero, v)
            };
            pairs.push((pair, self.b.get_insert_block().expect("positioned")));
            self.b.build_unconditional_branch(join)?;
            Ok(())
        })?;

        self.b.position_at_end(miss);
        let st = self.call_v(
            "pyrt_load_method_fill",
            &[self.frame.into(), obj.into(), self.i32c(i as u64).into(), out.into(), self.entry_ptr(s)?.into()],
        )?;
        self.decref(obj)?;
        self.check_status(st, pc, d - 1, true)?;
        let m = self.b.build_load(self.scratch_at(0)?, "m")?.into_int_value();
        let sv = self.b.build_load(self.scratch_at(1)?, "s")?.into_int_value();
        pairs.push(((m, sv), self.b.get_insert_block().expect("positioned")));
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(join);
        let pm = self.b.build_phi(self.ctx.i64_type(), "meth")?;
        let ps = self.b.build_phi(self.ctx.i64_type(), "self")?;
        for ((m, sv), bb) in &pairs {
            pm.add_incoming(&[(m, *bb)]);
            ps.add_incoming(&[(sv, *bb)]);
        }
        self.store_slot(d - 1, pm.as_basic_value().into_int_value())?;
        self.store_slot(d, ps.as_basic_value().into_int_value())
    }

    /// After the test or comparison at `pc` of a borrowed attribute value: releases the
    /// reference a miss of the load parked (a no-op after a hit).
    pub fn release_attr_pending(&self, pc: usize) -> R<()> {
        if let Some(p) = self.attr_pending.filter(|_| self.attr_operand(pc).is_some()) {
            let v = self.b.build_load(p, "pending")?.into_int_value();
            self.xdecref(v)?;
        }
        Ok(())
    }

    /// Makes the borrowed attribute value `v` tested at `pc` owned, before a runtime
    /// truth test or comparison (`__bool__`, `__len__`, `__eq__`... may rebind the
    /// attribute): after a miss the parked reference moves over (nothing is left to
    /// `release_attr_pending`); after a hit a new one is taken.
    pub fn own_attr_operand(&self, pc: usize, v: IntValue<'ctx>) -> R<()> {
        let Some(p) = self.attr_pending.filter(|_| self.attr_operand(pc).is_some()) else { return Ok(()) };
        let parked = self.b.build_load(p, "pending")?.into_int_value();
        let hit = self.b.build_int_compare(IntPredicate::EQ, parked, self.i64c(0), "")?;
        let take = self.new_block("attr_own");
        let done = self.new_block("attr_owned");
        self.b.build_conditional_branch(hit, take, done)?;
        self.b.position_at_end(take);
        self.incref(v)?;
        self.b.build_unconditional_branch(done)?;
        self.b.position_at_end(done);
        self.b.build_store(p, self.i64c(0))?;
        Ok(())
    }

    /// Operand `j` (from the top) of the comparison at `pc`, owned (`own_attr_operand`)
    /// when it is a borrowed attribute value, for the runtime path that releases it.
    pub fn own_attr_opnd(&self, pc: usize, j: u32, o: super::floatpath::Opnd<'ctx>) -> R<super::floatpath::Opnd<'ctx>> {
        if self.attr_operand(pc) != Some(j) {
            return Ok(o);
        }
        self.own_attr_operand(pc, o.v)?;
        Ok(super::floatpath::Opnd { owned: true, ..o })
    }

    /// Moves the pair `pyrt_load_method` wrote to the scratch array onto the stack.
    fn store_method_pair(&self, d: u32) -> R<()> {
        let m = self.b.build_load(self.scratch_at(0)?, "m")?.into_int_value();
        let s = self.b.build_load(self.scratch_at(1)?, "s")?.into_int_value();
        self.store_slot(d - 1, m)?;
        self.store_slot(d, s)
    }

    /// The store hit of a values slot (`kind` `SLOT` or `SLOT_FIT`), then `stored`: the
    /// stack's reference moves in; a filled slot's old value goes, an empty one is filled
    /// when that keeps the insertion order (index >= `end`), else `miss`.
    fn store_values_slot(&self, kind: u64, obj: IntValue<'ctx>, v: IntValue<'ctx>, s: Site<'ctx>, stored: BasicBlock<'ctx>, miss: BasicBlock<'ctx>) -> R<()> {
        let (block, p) = self.values_block_slot(kind, obj, s, miss)?;
        let old = self.b.build_load(p, "old")?.into_int_value();
        let replace = self.new_block("sattr_replace");
        let add = self.new_block("sattr_add");
        let is_set = self.b.build_int_compare(IntPredicate::NE, old, self.i64c(0), "")?;
        self.b.build_conditional_branch(is_set, replace, add)?;
        self.b.position_at_end(replace);
        self.b.build_store(p, v)?;
        self.decref(old)?;
        self.b.build_unconditional_branch(stored)?;
        self.b.position_at_end(add);
        self.add_values_slot(block, self.entry_word(s, W_INDEX)?, p, v, miss)?;
        self.b.build_unconditional_branch(stored)?;
        Ok(())
    }

    /// `StoreAttr(i)` at `pc`, stack depth `d`: `TOS.name = TOS1`, both popped.
    pub fn lower_store_attr(&mut self, pc: usize, d: u32, i: u32) -> R<()> {
        let obj = self.load_slot(d - 1)?;
        let v = self.load_slot(d - 2)?;
        if !self.fast {
            let st = self.call_v("pyrt_store_attr", &[self.frame.into(), obj.into(), self.i32c(i as u64).into(), v.into()])?;
            self.decref(obj)?;
            self.decref(v)?;
            return self.check_status(st, pc, d - 2, true);
        }
        let s = self.attr_site(pc)?;
        let miss = self.new_block("sattr_miss");
        let stored = self.new_block("sattr_stored");
        let join = self.new_block("sattr_join");
        self.dispatch(obj, s, &[SLOT_FIT, SLOT, MEMBER], miss, |k, s| {
            if k != MEMBER {
                return self.store_values_slot(k, obj, v, s, stored, miss);
            }
            // a `__slots__` cell, set or not
            let p = self.word_at(obj, self.entry_word(s, W_OFFSET)?)?;
            let old = self.b.build_load(p, "old")?.into_int_value();
            self.b.build_store(p, v)?;
            self.xdecref(old)?;
            self.b.build_unconditional_branch(stored)?;
            Ok(())
        })?;

        self.b.position_at_end(stored);
        self.release(pc, 0, obj)?;
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(miss);
        let st = self.call_v(
            "pyrt_store_attr_fill",
            &[self.frame.into(), obj.into(), self.i32c(i as u64).into(), v.into(), self.entry_ptr(s)?.into()],
        )?;
        self.release(pc, 0, obj)?;
        self.decref(v)?;
        self.check_status(st, pc, d - 2, true)?;
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        Ok(())
    }
}
