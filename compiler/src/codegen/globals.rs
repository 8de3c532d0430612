//! Inline name loads. `LoadDeref` reads the cell's value word directly (the runtime is
//! called only to raise for an empty cell), without a reference of its own when it loads
//! the container of a subscript right after (function.rs `borrowed_derefs`).
//! `LoadGlobal` has an inline cache: each site owns an internal global `[3 x i64]` =
//! [globals dict version tag, builtins dict version tag, value], zero until filled by
//! `pyrt_load_global_fill`. A dict's version tag changes on every mutation and is never
//! shared by two dicts, so when the frame's globals and builtins still carry the cached
//! tags the cached value (held by one of them) is the answer: an incref, no call.
//!
//! A name the module itself binds (`module_globals`: a `def`, `class`, `import` or
//! assignment at module level, or a `global` store) is checked against the globals tag
//! only: its fill (told by `GLOBALS_ONLY` in the name index) caches a value only when
//! the globals dict holds it, and then the unchanged globals still shadow any builtin
//! of that name. Other names (builtins: `len`, `range`) keep both tags.
//!
//! `LoadGlobal m; LoadMethod f` (`math.sin(x)`, `mod.func(...)`) is one site with a
//! two-level cache `[globals tag, builtins tag, address of the module's dict word, that
//! dict's tag, value, failed fills]`, filled by `pyrt_module_attr_fill` when the global
//! is an exact module holding the name in its dict (runtime attr_cache.rs). Unchanged
//! globals and builtins mean the same module object (one of them holds it); its dict
//! word's current dict carrying the cached tag means that dict, unchanged, holds the
//! value. So rebinding the global, or setting or deleting the module attribute, is seen
//! at once. A hit pushes [NULL, value] without touching the module's refcount; a miss
//! runs the two instructions' own inline caches, then refills.

use inkwell::basic_block::BasicBlock;
use inkwell::values::{IntValue, PointerValue};
use inkwell::{AddressSpace, IntPredicate};

use super::function::{Lower, R};

/// Byte offsets of `Frame.globals` and `Frame.builtins` (runtime frame.rs, `repr(C)`;
/// asserted there).
const FRAME_GLOBALS_OFFSET: u64 = 16;
const FRAME_BUILTINS_OFFSET: u64 = 24;
/// Byte offset of `CellObj.value` (0 = empty; types/function.rs, `repr(C)`).
pub(super) const CELL_VALUE_OFFSET: u64 = 16;
/// Set in the name index passed to a global's fill (runtime abi.rs
/// `pyrt_load_global_fill`, attr_cache.rs `pyrt_module_attr_fill`): the site checks the
/// globals tag only, so the fill may cache only a value the globals dict holds.
const GLOBALS_ONLY: u64 = 1 << 31;

/// Names the module (`codes[0]` its body, the rest its functions and classes) stores in
/// its globals: module-level stores (`def`, `class`, `import`, assignments) and `global`
/// stores in functions. A name it also deletes is left out: its loads may well be
/// served by the builtins.
pub fn module_globals(codes: &[&crate::fe::CodeObject]) -> std::collections::HashSet<String> {
    use crate::fe::Instr;
    let mut stored = std::collections::HashSet::new();
    let mut deleted = std::collections::HashSet::new();
    for (k, code) in codes.iter().enumerate() {
        for ins in &code.instrs {
            let (set, x) = match *ins {
                Instr::StoreName(x) if k == 0 => (&mut stored, x),
                Instr::StoreGlobal(x) => (&mut stored, x),
                Instr::DeleteName(x) if k == 0 => (&mut deleted, x),
                Instr::DeleteGlobal(x) => (&mut deleted, x),
                _ => continue,
            };
            if let Some(n) = code.names.get(x as usize) {
                set.insert(n.clone());
            }
        }
    }
    stored.retain(|n| !deleted.contains(n));
    stored
}

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// The word at byte offset `off` from pointer-sized integer `base`.
    pub fn load_word_at(&self, base: IntValue<'ctx>, off: IntValue<'ctx>, name: &str) -> R<IntValue<'ctx>> {
        let i64p = self.ctx.i64_type().ptr_type(AddressSpace::default());
        let addr = self.b.build_int_add(base, off, "")?;
        let p = self.b.build_int_to_ptr(addr, i64p, "")?;
        Ok(self.b.build_load(p, name)?.into_int_value())
    }

    /// The word at byte offset `off` of the running frame (`Frame`, runtime frame.rs).
    pub fn frame_word(&self, off: u64, name: &str) -> R<IntValue<'ctx>> {
        let frame = self.b.build_ptr_to_int(self.frame, self.ctx.i64_type(), "")?;
        self.load_word_at(frame, self.i64c(off), name)
    }

    /// A word of the runtime's that is written once at start-up, before any native code
    /// runs (layouts, type pointers, offsets): loaded with `!invariant.load`, so LLVM
    /// may keep one load across the calls and stores of a function.
    pub fn load_startup_word(&self, p: PointerValue<'ctx>, name: &str) -> R<IntValue<'ctx>> {
        let v = self.b.build_load(p, name)?;
        if let Some(inst) = inkwell::values::BasicValue::as_instruction_value(&v) {
            let empty = self.ctx.metadata_node(&[]);
            inst.set_metadata(empty, self.ctx.get_kind_id("invariant.load"))
                .map_err(|e| super::function::LowerError(e.to_string()))?;
        }
        Ok(v.into_int_value())
    }

    /// The runtime's start-up `i64` global `name` (a type pointer), declared on first use.
    pub fn startup_global(&self, name: &str) -> R<IntValue<'ctx>> {
        let g = self.module.get_global(name).unwrap_or_else(|| self.module.add_global(self.ctx.i64_type(), None, name));
        self.load_startup_word(g.as_pointer_value(), name)
    }

    /// Word `i` of `pyrt_list_layout` (runtime abi.rs: the list type, then the byte
    /// offsets of a list's items pointer and of its length).
    pub fn list_layout_word(&self, i: u32) -> R<IntValue<'ctx>> {
        let i64t = self.ctx.i64_type();
        let g = self.module.get_global("pyrt_list_layout").unwrap_or_else(|| self.module.add_global(i64t.array_type(3), None, "pyrt_list_layout"));
        self.load_startup_word(self.global_word(g.as_pointer_value(), i)?, ["listty", "ptroff", "lenoff"][i as usize])
    }

    /// Element `i` of an internal `[n x i64]` global.
    pub fn global_word(&self, g: PointerValue<'ctx>, i: u32) -> R<PointerValue<'ctx>> {
        let z = self.ctx.i32_type().const_zero();
        Ok(unsafe { self.b.build_gep(g, &[z, self.ctx.i32_type().const_int(i as u64, false)], "gw")? })
    }

    /// A zero-initialised internal `[n x i64]` global named after this function.
    pub fn site_cache(&self, what: &str, n: u32) -> PointerValue<'ctx> {
        let name = format!("{}_{}", self.fname, what);
        if let Some(g) = self.module.get_global(&name) {
            return g.as_pointer_value();
        }
        let ty = self.ctx.i64_type().array_type(n);
        let g = self.module.add_global(ty, None, &name);
        g.set_linkage(inkwell::module::Linkage::Internal);
        g.set_initializer(&ty.const_zero());
        g.as_pointer_value()
    }

    /// `LoadGlobal(i)` at `pc`, stack depth `d`: a new reference in slot `d`. Returns how
    /// many following instructions it lowered too (1: a fused `LoadMethod`).
    pub fn lower_load_global(&mut self, pc: usize, d: u32, i: u32) -> R<u32> {
        if let Some(j) = self.module_method_after(pc, d) {
            self.lower_module_method(pc, d, i, j)?;
            return Ok(1);
        }
        self.lower_load_global_plain(pc, d, i)?;
        Ok(0)
    }

    /// The name index of a `LoadMethod` right after the `LoadGlobal` at `pc` that can be
    /// lowered with it: not a jump target, not a known direct method.
    fn module_method_after(&self, pc: usize, d: u32) -> Option<u32> {
        let next = pc + 1;
        let j = match self.code.instrs.get(next) {
            Some(pyc_frontend::bytecode::Instr::LoadMethod(j)) => *j,
            _ => return None,
        };
        let plain = self.fast
            && self.blocks.get(next).is_some_and(|b| b.is_none())
            && self.depths.get(next).copied().flatten() == Some(d + 1)
            && !self.direct.load_method_at(next);
        plain.then_some(j)
    }

    /// Whether global name `i` is one the module binds (`module_globals`).
    fn module_bound(&self, i: u32) -> bool {
        self.code.names.get(i as usize).is_some_and(|n| self.helpers.module_globals.contains(n))
    }

    /// The name index a fill of global `i` is passed (`GLOBALS_ONLY`).
    fn fill_index(&self, i: u32) -> IntValue<'ctx> {
        self.i32c(i as u64 | if self.module_bound(i) { GLOBALS_ONLY } else { 0 })
    }

    /// i1: the frame's globals dict, and its builtins dict unless name `i` is
    /// `module_bound`, carry the version tags in words 0 and 1 of `cache`.
    fn same_global_tags(&self, i: u32, cache: PointerValue<'ctx>) -> R<IntValue<'ctx>> {
        let off = self.dict_tag_offset()?;
        let same = |l: &Self, word: u32, frame_off: u64, name: &str| -> R<IntValue<'ctx>> {
            let dict = l.frame_word(frame_off, name)?;
            let tag = l.load_word_at(dict, off, "tag")?;
            let want = l.b.build_load(l.global_word(cache, word)?, "want")?.into_int_value();
            Ok(l.b.build_int_compare(IntPredicate::EQ, tag, want, "")?)
        };
        let same_g = same(self, 0, FRAME_GLOBALS_OFFSET, "globals")?;
        if self.module_bound(i) {
            return Ok(same_g);
        }
        let same_b = same(self, 1, FRAME_BUILTINS_OFFSET, "builtins")?;
        Ok(self.b.build_and(same_g, same_b, "")?)
    }

    /// `pyrt_dict_tag_offset` (set once at start-up).
    fn dict_tag_offset(&self) -> R<IntValue<'ctx>> {
        let g = self.runtime_global("pyrt_dict_tag_offset");
        self.load_startup_word(g.as_pointer_value(), "tagoff")
    }

    /// `LoadGlobal(i)` at `pc` and `LoadMethod(j)` at `pc + 1` (module doc): slots `d`
    /// and `d + 1` get [method or NULL, self or the attribute].
    fn lower_module_method(&mut self, pc: usize, d: u32, i: u32, j: u32) -> R<()> {
        let cache = self.site_cache(&format!("modattr{pc}"), 6);
        let miss = self.new_block("mod_miss");
        let join = self.new_block("mod_join");
        let v = self.module_attr_cached(pc, miss)?;
        self.incref(v)?;
        self.store_slot(d, self.i64c(0))?;
        self.store_slot(d + 1, v)?;
        self.b.build_unconditional_branch(join)?;

        // the two instructions' own caches, then a refill (given up after a few fills
        // that found nothing to cache: not a module, a module subclass, a missing name)
        self.b.position_at_end(miss);
        self.lower_load_global_plain(pc, d, i)?;
        self.pc_now = pc + 1;
        self.lower_load_method(pc + 1, d + 1, j)?;
        let failed = self.b.build_load(self.global_word(cache, 5)?, "mfail")?.into_int_value();
        let retry = self.b.build_int_compare(IntPredicate::ULT, failed, self.i64c(4), "")?;
        let fill = self.new_block("mod_fill");
        self.b.build_conditional_branch(retry, fill, join)?;
        self.b.position_at_end(fill);
        let i64p = self.ctx.i64_type().ptr_type(AddressSpace::default());
        let cache_p = self.b.build_pointer_cast(self.global_word(cache, 0)?, i64p, "")?;
        self.call("pyrt_module_attr_fill", &[self.frame.into(), self.fill_index(i).into(), self.i32c(j as u64).into(), cache_p.into()])?;
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        Ok(())
    }

    /// The attribute the module attribute site at `pc` (`LoadGlobal m; LoadMethod f`) has
    /// cached (borrowed), when its cache is valid: the frame's dicts still carry the
    /// cached tags (so `m` is the cached module) and the module's dict its cached tag.
    /// Branches to `miss` otherwise; the builder is left where it is valid.
    pub(super) fn module_attr_cached(&mut self, pc: usize, miss: BasicBlock<'ctx>) -> R<IntValue<'ctx>> {
        let cache = self.site_cache(&format!("modattr{pc}"), 6);
        let i = match self.code.instrs[pc] {
            crate::fe::Instr::LoadGlobal(i) => i,
            _ => u32::MAX,
        };
        let same = self.same_global_tags(i, cache)?;
        let dicts = self.new_block("mod_dicts");
        let hit = self.new_block("mod_hit");
        self.b.build_conditional_branch(same, dicts, miss)?;

        // the module is the one cached: is its dict the cached one, unchanged?
        self.b.position_at_end(dicts);
        let word = self.b.build_load(self.global_word(cache, 2)?, "mdw")?.into_int_value();
        let mdict = self.load_word_at(word, self.i64c(0), "mdict")?;
        let set = self.b.build_int_compare(IntPredicate::NE, mdict, self.i64c(0), "")?;
        let tagbb = self.new_block("mod_tag");
        self.b.build_conditional_branch(set, tagbb, miss)?;
        self.b.position_at_end(tagbb);
        let mtag = self.load_word_at(mdict, self.dict_tag_offset()?, "mtag")?;
        let want = self.b.build_load(self.global_word(cache, 3)?, "mt")?.into_int_value();
        let same = self.b.build_int_compare(IntPredicate::EQ, mtag, want, "")?;
        self.b.build_conditional_branch(same, hit, miss)?;

        self.b.position_at_end(hit);
        Ok(self.b.build_load(self.global_word(cache, 4)?, "mv")?.into_int_value())
    }

    /// The value `LoadGlobal(i)`'s cache holds (borrowed) and an i1 saying whether it is
    /// valid (the frame's dicts still carry the cached tags), with no fill on a miss: for
    /// the typed loop copies (versioned.rs), which leave for the generic code then.
    pub(super) fn cached_global(&self, i: u32) -> R<(IntValue<'ctx>, IntValue<'ctx>)> {
        let cache = self.site_cache(&format!("glob{i}"), 3);
        let hit = self.same_global_tags(i, cache)?;
        let value = self.b.build_load(self.global_word(cache, 2)?, "gv")?.into_int_value();
        Ok((hit, value))
    }

    /// `LoadGlobal(i)` through its own cache.
    fn lower_load_global_plain(&mut self, pc: usize, d: u32, i: u32) -> R<()> {
        if !self.fast {
            let v = self.call_v("pyrt_load_global", &[self.frame.into(), self.i32c(i as u64).into()])?;
            self.check_null(v, pc, d)?;
            return self.store_slot(d, v);
        }
        let i64t = self.ctx.i64_type();
        // one cache per name and function: every site of a name sees the same dicts
        let cache = self.site_cache(&format!("glob{i}"), 3);
        let (hit, cached) = self.cached_global(i)?;
        let hitbb = self.new_block("glob_hit");
        let missbb = self.new_block("glob_miss");
        let join = self.new_block("glob_join");
        self.b.build_conditional_branch(hit, hitbb, missbb)?;

        self.b.position_at_end(hitbb);
        let self_call = self.self_call_site(pc, d, i);
        let hits = match self_call {
            Some(_) => self.self_callee_hit(cached, join)?.to_vec(),
            None => {
                self.incref(cached)?;
                self.b.build_unconditional_branch(join)?;
                vec![(self.ctx.bool_type().const_zero(), hitbb)]
            }
        };

        self.b.position_at_end(missbb);
        let i64p = i64t.ptr_type(AddressSpace::default());
        let cache_p = self.b.build_pointer_cast(self.global_word(cache, 0)?, i64p, "")?;
        let v = self.call_v("pyrt_load_global_fill", &[self.frame.into(), self.fill_index(i).into(), cache_p.into()])?;
        self.check_null(v, pc, d)?;
        let miss_end = self.b.get_insert_block().expect("positioned");
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(join);
        let phi = self.b.build_phi(i64t, "glob")?;
        for (_, bb) in &hits {
            phi.add_incoming(&[(&cached, *bb)]);
        }
        phi.add_incoming(&[(&v, miss_end)]);
        if let Some(site) = self_call {
            let flag = self.b.build_phi(self.ctx.bool_type(), "borrowed")?;
            for (f, bb) in &hits {
                flag.add_incoming(&[(f, *bb)]);
            }
            flag.add_incoming(&[(&self.ctx.bool_type().const_zero(), miss_end)]);
            self.push_self_callee(d, site, flag.as_basic_value().into_int_value());
        }
        self.store_slot(d, phi.as_basic_value().into_int_value())
    }

    /// `LoadDeref(i)` at `pc`, stack depth `d`: the value of cell `i` (a new reference).
    pub fn lower_load_deref(&mut self, pc: usize, d: u32, i: u32) -> R<()> {
        let cell = self.load_local(self.nvarnames + i)?;
        if !self.fast {
            let v = self.call_v("pyrt_cell_get", &[self.frame.into(), cell.into(), self.i32c(i as u64).into()])?;
            self.check_null(v, pc, d)?;
            return self.store_slot(d, v);
        }
        let read = self.new_block("deref_read");
        let full = self.new_block("deref_full");
        let empty = self.new_block("deref_empty");
        let join = self.new_block("deref_join");
        let has_cell = self.b.build_int_compare(IntPredicate::NE, cell, self.i64c(0), "")?;
        self.b.build_conditional_branch(has_cell, read, empty)?;
        self.b.position_at_end(read);
        let v = self.load_word_at(cell, self.i64c(CELL_VALUE_OFFSET), "cellv")?;
        let is_set = self.b.build_int_compare(IntPredicate::NE, v, self.i64c(0), "")?;
        self.b.build_conditional_branch(is_set, full, empty)?;
        self.b.position_at_end(full);
        let borrowed = self.deref_borrow.get(pc).copied().unwrap_or(false);
        if !borrowed {
            self.incref(v)?;
        }
        self.b.build_unconditional_branch(join)?;
        // raises NameError/UnboundLocalError (or, had the cell changed, returns its value)
        self.b.position_at_end(empty);
        let slow = self.call_v("pyrt_cell_get", &[self.frame.into(), cell.into(), self.i32c(i as u64).into()])?;
        self.check_null(slow, pc, d)?;
        if borrowed {
            // the cell holds the value (`function.rs` `borrowed_derefs`)
            self.decref(slow)?;
        }
        let slow_end = self.b.get_insert_block().expect("positioned");
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        let phi = self.b.build_phi(self.ctx.i64_type(), "deref")?;
        phi.add_incoming(&[(&v, full), (&slow, slow_end)]);
        self.store_slot(d, phi.as_basic_value().into_int_value())
    }
}
