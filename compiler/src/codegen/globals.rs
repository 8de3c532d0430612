//! Inline name loads. `LoadDeref` reads the cell's value word directly (the runtime is
//! called only to raise for an empty cell), without a reference of its own when it loads
//! the container of a subscript right after (function.rs `borrowed_derefs`).
//! `LoadGlobal` has an inline cache: each site owns an internal global `[3 x i64]` =
//! [globals dict version tag, builtins dict version tag, value], zero until filled by
//! `pyrt_load_global_fill`. A dict's version tag changes on every mutation and is never
//! shared by two dicts, so when the frame's globals and builtins still carry the cached
//! tags the cached value (held by one of them) is the answer: an incref, no call.

use inkwell::values::{IntValue, PointerValue};
use inkwell::{AddressSpace, IntPredicate};

use super::function::{Lower, R};

/// Byte offsets of `Frame.globals` and `Frame.builtins` (runtime frame.rs, `repr(C)`;
/// asserted there).
const FRAME_GLOBALS_OFFSET: u64 = 16;
const FRAME_BUILTINS_OFFSET: u64 = 24;
/// Byte offset of `CellObj.value` (0 = empty; types/function.rs, `repr(C)`).
const CELL_VALUE_OFFSET: u64 = 16;

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// The word at byte offset `off` from pointer-sized integer `base`.
    pub fn load_word_at(&self, base: IntValue<'ctx>, off: IntValue<'ctx>, name: &str) -> R<IntValue<'ctx>> {
        let i64p = self.ctx.i64_type().ptr_type(AddressSpace::default());
        let addr = self.b.build_int_add(base, off, "")?;
        let p = self.b.build_int_to_ptr(addr, i64p, "")?;
        Ok(self.b.build_load(p, name)?.into_int_value())
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

    /// `LoadGlobal(i)` at `pc`, stack depth `d`: a new reference in slot `d`.
    pub fn lower_load_global(&mut self, pc: usize, d: u32, i: u32) -> R<()> {
        if !self.fast {
            let v = self.call_v("pyrt_load_global", &[self.frame.into(), self.i32c(i as u64).into()])?;
            self.check_null(v, pc, d)?;
            return self.store_slot(d, v);
        }
        let i64t = self.ctx.i64_type();
        // one cache per name and function: every site of a name sees the same dicts
        let cache = self.site_cache(&format!("glob{i}"), 3);
        let tag_off = match self.module.get_global("pyrt_dict_tag_offset") {
            Some(g) => g,
            None => self.module.add_global(i64t, None, "pyrt_dict_tag_offset"),
        };
        let frame = self.b.build_ptr_to_int(self.frame, i64t, "")?;
        let globals = self.load_word_at(frame, self.i64c(FRAME_GLOBALS_OFFSET), "globals")?;
        let builtins = self.load_word_at(frame, self.i64c(FRAME_BUILTINS_OFFSET), "builtins")?;
        let off = self.load_startup_word(tag_off.as_pointer_value(), "tagoff")?;
        let gtag = self.load_word_at(globals, off, "gtag")?;
        let btag = self.load_word_at(builtins, off, "btag")?;
        let want_g = self.b.build_load(self.global_word(cache, 0)?, "cg")?.into_int_value();
        let want_b = self.b.build_load(self.global_word(cache, 1)?, "cb")?.into_int_value();
        let same_g = self.b.build_int_compare(IntPredicate::EQ, gtag, want_g, "")?;
        let same_b = self.b.build_int_compare(IntPredicate::EQ, btag, want_b, "")?;
        let hit = self.b.build_and(same_g, same_b, "ghit")?;
        let hitbb = self.new_block("glob_hit");
        let missbb = self.new_block("glob_miss");
        let join = self.new_block("glob_join");
        self.b.build_conditional_branch(hit, hitbb, missbb)?;

        self.b.position_at_end(hitbb);
        let cached = self.b.build_load(self.global_word(cache, 2)?, "gv")?.into_int_value();
        self.incref(cached)?;
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(missbb);
        let i64p = i64t.ptr_type(AddressSpace::default());
        let cache_p = self.b.build_pointer_cast(self.global_word(cache, 0)?, i64p, "")?;
        let v = self.call_v("pyrt_load_global_fill", &[self.frame.into(), self.i32c(i as u64).into(), cache_p.into()])?;
        self.check_null(v, pc, d)?;
        let miss_end = self.b.get_insert_block().expect("positioned");
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(join);
        let phi = self.b.build_phi(i64t, "glob")?;
        phi.add_incoming(&[(&cached, hitbb), (&v, miss_end)]);
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
