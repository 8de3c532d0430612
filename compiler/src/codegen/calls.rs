//! Call sites: `Call(n)` without keywords, with a per-site direct-call cache.
//!
//! Each positional call site owns an internal global `[24 x i64]` cache: four entries of
//! six words — [type of the callee (the function type), its code object, the total
//! positional count, the code's native entry, its register-argument entry or 0, unused]
//! — all zero until filled. (A site that constructs a plain class holds the runtime's
//! `class::construct_at_site` record in its first entry instead, whose odd first word no
//! type's address equals; construct.rs completes such constructions itself.) The generic path (`pyrt_call_fill`) calls as `pyrt_call` does
//! and fills an entry when the callee is an exact function whose compiled code binds
//! exactly that many positional arguments one-to-one and is no generator
//! (`frame::direct_target`), and for built-ins and generator functions with a runtime
//! trampoline as the register entry (abi.rs `register_trampoline`). Later calls whose callee passes an entry's guard — a heap
//! object of that type, holding that code object, called with that count — call the
//! register-argument entry with the arguments as parameters (codegen/function.rs: it
//! builds a minimal frame itself), or, for code without one, `pyrt_call_direct`, which
//! builds the callee's frame without counting references and runs the native entry.
//! Either way the arguments' references move into the callee. Only the paths through
//! the runtime (generic, framed) copy the operands to the scratch array they read.
//!
//! Several entries serve a polymorphic site: `self.run(pkt)` in a base-class method
//! that each subclass overrides gets one entry per override, so the call stays direct
//! for up to four of them (the `LoadMethod` before it has its own four entries,
//! attrs.rs). The entries are tested in order, the first exactly as a one-entry site
//! would, so a monomorphic site pays nothing more on a hit, and a callee of another
//! type than the first entry's (a class at a site that constructs one) misses at once.
//!
//! The guard checks the code object, not the function's identity nor the receiver's
//! class: whatever the attribute look-up produced is the callee, and an entry only
//! promises how to call a function with that code. So no class version or epoch is
//! needed here: monkeypatching a method, assigning `__class__`, an instance attribute
//! shadowing a method, or a subclass override all change the callee the look-up yields,
//! whose code then matches another entry or none (generic path, which refills). A
//! different function object with the same code (closures made by one `def`) passes the
//! guard, and the frame then uses that function's own globals, defaults and closure.
//!
//! A known module function (`known_entry`) is called by name and inlined; when it may
//! return an unboxed number and the call's consumer takes an f64, the
//! site calls its `.regf` entry and pushes the number without a float object.

use inkwell::basic_block::BasicBlock;
use inkwell::module::Module;
use inkwell::values::{BasicMetadataValueEnum, CallableValue, FloatValue, FunctionValue, IntValue, PointerValue};
use inkwell::{AddressSpace, IntPredicate};

use super::fastpath::Helpers;
use super::function::{Lower, R};

/// Byte offsets in a heap object: `ObjHeader.ty` and `FunctionObj.code` (runtime
/// object.rs / types/function.rs, both `repr(C)`).
const TYPE_OFFSET: u64 = 8;
pub(super) const FUNC_CODE_OFFSET: u64 = 16;
/// Words of one entry of a call-site cache, entries per site, and the site's words
/// (runtime abi.rs `CALL_ENTRY_WORDS`, `CALL_ENTRIES`).
pub(super) const ENTRY_WORDS: u32 = 6;
const ENTRIES: u32 = 4;
pub(super) const CACHE_WORDS: u32 = ENTRY_WORDS * ENTRIES;

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// `Call(n)` without keywords at `pc`, stack depth `d` (slots `d-n-2..d`: method or
    /// NULL, callable or self, arguments). Leaves the result in slot `d-n-2`.
    pub fn lower_call_positional(&mut self, pc: usize, d: u32, n: u32) -> R<()> {
        let base = d - n - 2;
        if !self.fast {
            self.slots_to_scratch(base, n + 2)?;
            let v = self.call_v("pyrt_call", &[self.scratch.into(), self.i32c(n as u64).into(), self.i64c(0).into()])?;
            self.release_call_operands(base, n)?;
            self.check_null(v, pc, base)?;
            return self.store_slot(base, v);
        }
        let i64t = self.ctx.i64_type();
        let cache = self.site_cache(&format!("call{pc}"), CACHE_WORDS);
        let self_call = self.lower_self_call(pc, base, n)?;

        let m = self.load_slot(base)?;
        let c1 = self.load_slot(base + 1)?;
        let is_meth = self.b.build_int_compare(IntPredicate::NE, m, self.i64c(0), "ismeth")?;
        let callable = self.b.build_select(is_meth, m, c1, "callee")?.into_int_value();
        let ntot = self.b.build_int_add(self.b.build_int_z_extend(is_meth, i64t, "")?, self.i64c(n as u64), "ntot")?;

        let check_ty = self.new_block("dc_type");
        let generic = self.new_block("dc_generic");
        let join = self.new_block("dc_join");
        if let Some((_, direct_end)) = self_call {
            let here = self.b.get_insert_block().expect("positioned");
            self.b.position_at_end(direct_end);
            self.b.build_unconditional_branch(join)?;
            self.b.position_at_end(here);
        }
        let tag = self.b.build_and(callable, self.i64c(1), "")?;
        let heap = self.b.build_int_compare(IntPredicate::EQ, tag, self.i64c(0), "")?;
        self.b.build_conditional_branch(heap, check_ty, generic)?;

        self.b.position_at_end(check_ty);
        let ty = self.load_word_at(callable, self.i64c(TYPE_OFFSET), "ty")?;
        let hits = self.scan_call_entries(cache, callable, ty, ntot, generic)?;

        // each entry's hit loads its words from fixed addresses (no index on the hit path)
        // and joins the register call, or, for code without a register entry, the framed one
        let sel = self.new_block("dc_reg_sel");
        let framed = self.new_block("dc_framed");
        let mut regs = Vec::new();
        let mut entries = Vec::new();
        for (hit, w) in hits {
            self.b.position_at_end(hit);
            let reg = self.b.build_load(self.global_word(cache, w + 4)?, "reg")?.into_int_value();
            let has_reg = self.b.build_int_compare(IntPredicate::NE, reg, self.i64c(0), "")?;
            let no_reg = self.new_block("dc_no_reg");
            self.b.build_conditional_branch(has_reg, sel, no_reg)?;
            regs.push((reg, hit));
            self.b.position_at_end(no_reg);
            let entry = self.b.build_load(self.global_word(cache, w + 3)?, "entry")?.into_int_value();
            self.b.build_unconditional_branch(framed)?;
            entries.push((entry, no_reg));
        }
        let phi_of = |name: &str, incoming: &[(IntValue<'ctx>, BasicBlock<'ctx>)]| -> R<IntValue<'ctx>> {
            let phi = self.b.build_phi(i64t, name)?;
            for (v, bb) in incoming {
                phi.add_incoming(&[(v, *bb)]);
            }
            Ok(phi.as_basic_value().into_int_value())
        };

        self.b.position_at_end(sel);
        let reg = phi_of("reg", &regs)?;
        let reg_meth = self.new_block("dc_reg_meth");
        let reg_plain = self.new_block("dc_reg");
        self.b.build_conditional_branch(is_meth, reg_meth, reg_plain)?;
        let mut incoming: Vec<_> = self_call.into_iter().collect();
        let known = self.known_register_entry(pc);
        let known_method = known_method_entry(self.module, self.helpers, self.code, &self.depths, &self.fname, pc);
        // the known callee's `.regf` when the consumer takes an f64 (`known_entry`)
        let float_known = match self.leaves_unboxed(pc) {
            true => known_entry(self.module, self.helpers, self.code, &self.depths, &self.fname, pc, "regf"),
            false => None,
        };
        let mut fincoming = Vec::new();
        for (bb, first, count) in [(reg_meth, base, n + 1), (reg_plain, base + 1, n)] {
            // the callee, then its arguments (self first for a method)
            self.b.position_at_end(bb);
            let vals = (first..first + count + 1).map(|k| self.load_slot(k)).collect::<R<Vec<_>>>()?;
            // a plain call may go to a known module function, a method call to a known method
            let known_here = if bb == reg_plain { known } else { known_method };
            let r = match (known_here, float_known) {
                (Some(_), Some(f)) if bb == reg_plain => {
                    let (r, num) = self.call_register_entry_known(reg, f, &vals, true)?;
                    fincoming.push((num, self.b.get_insert_block().expect("positioned")));
                    r
                }
                (Some(f), _) => self.call_register_entry_known(reg, f, &vals, false)?.0,
                _ => self.call_register_entry(reg, &vals)?,
            };
            incoming.push((r, self.b.get_insert_block().expect("positioned")));
            self.b.build_unconditional_branch(join)?;
        }

        self.b.position_at_end(framed);
        let entry = phi_of("entry", &entries)?;
        // the operands go through memory only off the register path
        self.slots_to_scratch(base, n + 2)?;
        let argp = self.b.build_select(is_meth, self.scratch_at(1)?, self.scratch_at(2)?, "argp")?.into_pointer_value();
        let n32 = self.b.build_int_truncate(ntot, self.ctx.i32_type(), "")?;
        let rd = self.call_v("pyrt_call_direct", &[callable.into(), argp.into(), n32.into(), entry.into()])?;
        // the arguments moved into the callee's frame; only the callable is ours
        self.decref(callable)?;
        incoming.push((rd, self.b.get_insert_block().expect("positioned")));
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(generic);
        if self.site_constructs(n) {
            let fill = self.new_block("dc_fill");
            let built = self.lower_site_construction(cache, base, n, m, callable, fill)?;
            incoming.push((built, self.b.get_insert_block().expect("positioned")));
            self.b.build_unconditional_branch(join)?;
            self.b.position_at_end(fill);
        }
        self.slots_to_scratch(base, n + 2)?;
        let i64p = i64t.ptr_type(AddressSpace::default());
        let cache_p = self.b.build_pointer_cast(self.global_word(cache, 0)?, i64p, "")?;
        // `for i in range(n)`: the runtime may hand `GetIter` the range iterator directly
        let feeds_iter = matches!(self.code.instrs.get(pc + 1), Some(crate::fe::Instr::GetIter));
        let fill = if feeds_iter { "pyrt_call_fill_iter" } else { "pyrt_call_fill" };
        let rg = self.call_v(fill, &[self.scratch.into(), self.i32c(n as u64).into(), cache_p.into()])?;
        self.release_call_operands(base, n)?;
        let generic_end = self.b.get_insert_block().expect("positioned");
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(join);
        let phi = self.b.build_phi(i64t, "callv")?;
        incoming.push((rg, generic_end));
        for (v, bb) in &incoming {
            phi.add_incoming(&[(v, *bb)]);
        }
        let v = phi.as_basic_value().into_int_value();
        if let (false, Some(p)) = (fincoming.is_empty(), self.fslot(base)) {
            // the number `.regf` returned with `STACK_TAG`; the other paths bring objects
            let f64t = self.ctx.f64_type();
            let fphi = self.b.build_phi(f64t, "callf")?;
            let undef = f64t.get_undef();
            for (_, bb) in &incoming {
                match fincoming.iter().find(|(_, fb)| fb == bb) {
                    Some((num, _)) => fphi.add_incoming(&[(num, *bb)]),
                    None => fphi.add_incoming(&[(&undef, *bb)]),
                }
            }
            self.b.build_store(p, fphi.as_basic_value().into_float_value())?;
        }
        self.check_null(v, pc, base)?;
        self.store_slot(base, v)
    }

    /// The guards of the entries of call-site cache `cache`, in order, for `callable` (a
    /// heap object of type `ty`) called with `ntot` positional arguments: branches to
    /// `miss` when none matches. The builder is positioned in the block that tests the
    /// first entry. Returns each entry's hit block (empty, for the caller to fill) and
    /// the index of its first word.
    ///
    /// A callee whose type is not the first entry's goes straight to `miss` (the runtime
    /// keeps the entries of other types out of reach: `fill_call_entry`), so a site that
    /// constructs a class, whose first word never equals a type, pays one compare as
    /// before. The callable's code word is read once its type matched the first entry's
    /// (a function's or a built-in's, both with a word there).
    fn scan_call_entries(
        &self,
        cache: PointerValue<'ctx>,
        callable: IntValue<'ctx>,
        ty: IntValue<'ctx>,
        ntot: IntValue<'ctx>,
        miss: BasicBlock<'ctx>,
    ) -> R<Vec<(BasicBlock<'ctx>, u32)>> {
        let word = |w: u32, name: &str| -> R<IntValue<'ctx>> { Ok(self.b.build_load(self.global_word(cache, w)?, name)?.into_int_value()) };
        let eq = |a: IntValue<'ctx>, b: IntValue<'ctx>| self.b.build_int_compare(IntPredicate::EQ, a, b, "");
        let check_code = self.new_block("dc_code");
        self.likely_branch(eq(ty, word(0, "cty")?)?, check_code, miss)?;
        self.b.position_at_end(check_code);
        let code = self.load_word_at(callable, self.i64c(FUNC_CODE_OFFSET), "code")?;
        let mut hits = Vec::new();
        for k in 0..ENTRIES {
            let w = k * ENTRY_WORDS;
            let hit = self.new_block("dc_hit");
            let next = if k + 1 == ENTRIES { miss } else { self.new_block("dc_next") };
            let mut ok = self.b.build_and(eq(code, word(w + 1, "ccode")?)?, eq(ntot, word(w + 2, "cn")?)?, "hit")?;
            if k > 0 {
                ok = self.b.build_and(ok, eq(ty, word(w, "cty")?)?, "")?;
            }
            if k == 0 {
                self.likely_branch(ok, hit, next)?;
            } else {
                self.b.build_conditional_branch(ok, hit, next)?;
            }
            hits.push((hit, w));
            if next != miss {
                self.b.position_at_end(next);
            }
        }
        Ok(hits)
    }

    /// Branches on `cond`, marked as almost always true: the first entry's hit, so that
    /// LLVM lays the other entries' tests out of the way and spills for them, not for
    /// the monomorphic hit.
    fn likely_branch(&self, cond: IntValue<'ctx>, then: BasicBlock<'ctx>, other: BasicBlock<'ctx>) -> R<()> {
        let br = self.b.build_conditional_branch(cond, then, other)?;
        let i32t = self.ctx.i32_type();
        let weights = [self.ctx.metadata_string("branch_weights").into(), i32t.const_int(2000, false).into(), i32t.const_int(1, false).into()];
        let prof = self.ctx.metadata_node(&weights);
        br.set_metadata(prof, self.ctx.get_kind_id("prof")).map_err(|e| super::function::LowerError(e.to_string()))
    }

    /// Calls register-argument entry `reg` (a word) with `vals` = [callee, arguments...]:
    /// the arguments' references move into the callee; the callee's is dropped here.
    fn call_register_entry(&self, reg: IntValue<'ctx>, vals: &[IntValue<'ctx>]) -> R<IntValue<'ctx>> {
        let callee = self.register_callee(reg, vals.len())?;
        self.store_lasti(self.pc_now)?;
        let r = self.emit_register_call(callee, vals)?;
        self.decref(vals[0])?;
        Ok(r)
    }

    /// Register entry `reg` (a word) as a callee taking `nvals` words (the function, then
    /// its arguments) and returning one.
    pub(super) fn register_callee(&self, reg: IntValue<'ctx>, nvals: usize) -> R<CallableValue<'ctx>> {
        let i64t = self.ctx.i64_type();
        let params: Vec<_> = (0..nvals).map(|_| i64t.into()).collect();
        let fty = i64t.fn_type(&params, false);
        let fp = self.b.build_int_to_ptr(reg, fty.ptr_type(AddressSpace::default()), "regfn")?;
        CallableValue::try_from(fp).map_err(|()| super::function::LowerError("register entry is not callable".into()))
    }

    /// `call_register_entry` where the callee is probably module function `known` (whose
    /// register entry this module defines): when the entry the site's cache found is
    /// `known`'s, the call names it directly, so that LLVM may inline a small callee
    /// (its frame, traceback entry and checks come with it: nothing observable changes);
    /// any other entry is called through its address as before.
    ///
    /// With `unboxed`, `known` is the callee's `.regf`, whose result may be `STACK_TAG`
    /// with the number in `unboxed::returned_f64` (it is compared with the `.reg` the
    /// cache holds); returns the number too (undefined for an object).
    fn call_register_entry_known(
        &self,
        reg: IntValue<'ctx>,
        known: FunctionValue<'ctx>,
        vals: &[IntValue<'ctx>],
        unboxed: bool,
    ) -> R<(IntValue<'ctx>, FloatValue<'ctx>)> {
        let guard = match unboxed {
            true => {
                let name = known.get_name().to_string_lossy().trim_end_matches('f').to_string();
                self.module.get_function(&name).ok_or_else(|| super::function::LowerError("no .reg beside .regf".into()))?
            }
            false => known,
        };
        let addr = self.b.build_ptr_to_int(guard.as_global_value().as_pointer_value(), self.ctx.i64_type(), "known")?;
        let same = self.b.build_int_compare(IntPredicate::EQ, reg, addr, "")?;
        let direct = self.new_block("dc_known");
        let other = self.new_block("dc_other");
        let join = self.new_block("dc_known_join");
        self.b.build_conditional_branch(same, direct, other)?;
        self.store_lasti_in(direct)?;
        let rk = self.emit_register_call(CallableValue::from(known), vals)?;
        self.mark_always_inline(rk)?;
        let f64t = self.ctx.f64_type();
        let fk = match unboxed {
            true => self.b.build_load(super::unboxed::returned_f64(self.ctx, self.module), "retf")?.into_float_value(),
            false => f64t.get_undef(),
        };
        let direct_end = self.b.get_insert_block().expect("positioned");
        self.b.build_unconditional_branch(join)?;
        self.store_lasti_in(other)?;
        let ro = self.emit_register_call(self.register_callee(reg, vals.len())?, vals)?;
        let other_end = self.b.get_insert_block().expect("positioned");
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        let phi = self.b.build_phi(self.ctx.i64_type(), "regv")?;
        phi.add_incoming(&[(&rk, direct_end), (&ro, other_end)]);
        let fphi = self.b.build_phi(f64t, "regf")?;
        fphi.add_incoming(&[(&fk, direct_end), (&f64t.get_undef(), other_end)]);
        self.decref(vals[0])?;
        Ok((phi.as_basic_value().into_int_value(), fphi.as_basic_value().into_float_value()))
    }

    /// Asks LLVM to inline the register entry called by `call` (the callee passed
    /// `known_register_entry`'s size limit): its own inlining heuristics see the whole
    /// entry, error paths included, and decline even the smallest body.
    fn mark_always_inline(&self, call: IntValue<'ctx>) -> R<()> {
        let cs = call
            .as_instruction()
            .and_then(|i| inkwell::values::CallSiteValue::try_from(i).ok())
            .ok_or_else(|| super::function::LowerError("register call is no call".into()))?;
        let kind = inkwell::attributes::Attribute::get_named_enum_kind_id("alwaysinline");
        cs.add_attribute(inkwell::attributes::AttributeLoc::Function, self.ctx.create_enum_attribute(kind, 0));
        Ok(())
    }

    /// Positions the builder at the end of `bb` and stores the call's pc into the frame.
    fn store_lasti_in(&self, bb: BasicBlock<'ctx>) -> R<()> {
        self.b.position_at_end(bb);
        self.store_lasti(self.pc_now)
    }

    /// The call instruction of a register entry with `vals` as its parameters.
    pub(super) fn emit_register_call(&self, callee: CallableValue<'ctx>, vals: &[IntValue<'ctx>]) -> R<IntValue<'ctx>> {
        let args: Vec<BasicMetadataValueEnum> = vals.iter().map(|v| (*v).into()).collect();
        Ok(self
            .b
            .build_call(callee, &args, "regv")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| super::function::LowerError("register entry returns void".into()))?
            .into_int_value())
    }

    /// The register entry of the module function the plain call at `pc` probably calls
    /// (`known_entry`).
    fn known_register_entry(&self, pc: usize) -> Option<FunctionValue<'ctx>> {
        known_entry(self.module, self.helpers, self.code, &self.depths, &self.fname, pc, "reg")
    }

    /// Releases the operands of a call (slots `base..base+n+2`; the first may be NULL).
    pub fn release_call_operands(&self, base: u32, n: u32) -> R<()> {
        let m = self.load_slot(base)?;
        self.xdecref(m)?;
        for k in 1..n + 2 {
            let a = self.load_slot(base + k)?;
            self.decref(a)?;
        }
        Ok(())
    }
}

/// The `suffix` entry (`reg`; or `regf`, whose body may return an unboxed number that
/// the call hands to a consumer taking an f64) of the module function the plain call at
/// `pc` probably calls: its callee was pushed by a `LoadGlobal` of a name the module body
/// binds to a `def` (`module_functions`) whose code is already lowered in this module
/// with the call's argument count, and is not the function `own` (lowered now: a
/// recursive call cannot be inlined). Only a guess: `call_register_entry_known`
/// compares it with the entry the cache found.
pub fn known_entry<'ctx>(
    module: &Module<'ctx>,
    helpers: &Helpers<'ctx>,
    code: &crate::fe::CodeObject,
    depths: &[Option<u32>],
    own: &str,
    pc: usize,
    suffix: &str,
) -> Option<FunctionValue<'ctx>> {
    let crate::fe::Instr::Call(n) = *code.instrs.get(pc)? else { return None };
    let crate::fe::Instr::LoadGlobal(i) = code.instrs[callee_pusher(code, depths, pc)?] else { return None };
    let known = helpers.module_functions.get(code.names.get(i as usize)?)?;
    inlinable_entry(module, known, suffix, own, n + 1)
}

/// `known`'s `suffix` entry when it may be inlined at a call passing `nvals` words (the
/// function, then the arguments): small enough, lowered already, taking that many, and
/// not the function `own` being lowered.
fn inlinable_entry<'ctx>(module: &Module<'ctx>, known: &ModuleFunction, suffix: &str, own: &str, nvals: u32) -> Option<FunctionValue<'ctx>> {
    if known.size > INLINE_MAX_INSTRS {
        return None;
    }
    let f = module.get_function(&format!("{}.{suffix}", known.symbol))?;
    let own = own.trim_end_matches(".body");
    (f.count_params() == nvals && own != known.symbol).then_some(f)
}

/// The register entry of the method the method call at `pc` probably calls, to be
/// inlined as `known_entry`'s: the call's callee was pushed by a `LoadMethod` of a name
/// that exactly one module-level class defines with a plain `def` (`module_methods`),
/// small enough, lowered already, taking the call's arguments after `self`, and not the
/// function `own`. Only a guess, compared with the entry the cache found.
pub fn known_method_entry<'ctx>(
    module: &Module<'ctx>,
    helpers: &Helpers<'ctx>,
    code: &crate::fe::CodeObject,
    depths: &[Option<u32>],
    own: &str,
    pc: usize,
) -> Option<FunctionValue<'ctx>> {
    let crate::fe::Instr::Call(n) = *code.instrs.get(pc)? else { return None };
    let crate::fe::Instr::LoadMethod(i) = code.instrs[callee_pusher(code, depths, pc)?] else { return None };
    let [known] = helpers.module_methods.get(code.names.get(i as usize)?)?.as_slice() else { return None };
    inlinable_entry(module, known, "reg", own, n + 2)
}

/// The instruction that pushed the callee of the `Call(n)` at `pc`: the last one before
/// the call that starts at the callee's depth (the arguments never take the stack below
/// it).
pub(super) fn callee_pusher(code: &crate::fe::CodeObject, depths: &[Option<u32>], pc: usize) -> Option<usize> {
    let crate::fe::Instr::Call(n) = *code.instrs.get(pc)? else { return None };
    let base = depths.get(pc).copied().flatten()?.checked_sub(n + 2)?;
    (0..pc).rev().find(|&q| depths.get(q).copied().flatten() == Some(base + 1))
}

/// A module-level `def` (`Helpers::module_functions`).
pub struct ModuleFunction {
    /// The symbol of its code object's native entry (`code_symbol`).
    pub symbol: String,
    /// Its bytecode instructions.
    pub size: usize,
    /// Its code, when small enough to inline (typed loop copies, versioned.rs).
    pub code: Option<crate::fe::CodeObject>,
}

/// Module functions of at most this many bytecode instructions are inlined at the call
/// sites that call them directly (`call_register_entry_known`): `a(i, j)` of
/// spectral_norm has 15; a larger body gains little from losing the call and is copied
/// into every caller.
const INLINE_MAX_INSTRS: usize = 24;

/// The functions a code object binds to names by plain `def`s (`LoadConst <code>;
/// MakeFunction; StoreName/StoreGlobal name`; a decorated `def` has a call between), as
/// (name, `ModuleFunction`) pairs in order; `codes` are the module's code objects.
fn defs_in(body: &crate::fe::CodeObject, codes: &[&crate::fe::CodeObject], module: &str) -> Vec<(String, ModuleFunction)> {
    use crate::fe::{Constant, Instr};
    let mut out = Vec::new();
    for w in body.instrs.windows(3) {
        let (Instr::LoadConst(c), Instr::MakeFunction(_), Instr::StoreName(x) | Instr::StoreGlobal(x)) = (w[0], w[1], w[2]) else { continue };
        let Some(Constant::Code(child)) = body.consts.get(c as usize) else { continue };
        let (Some(k), Some(name)) = (codes.iter().position(|k| std::ptr::eq(*k, &**child)), body.names.get(x as usize)) else { continue };
        let size = child.instrs.len();
        let code = (size <= INLINE_MAX_INSTRS).then(|| (**child).clone());
        out.push((name.clone(), ModuleFunction { symbol: super::code_symbol(module, k), size, code }));
    }
    out
}

/// `Helpers::module_methods`: method name -> the plain `def`s of that name in the bodies
/// of the module's top-level classes (`LoadBuildClass; LoadConst <body>` in the module
/// body).
pub fn module_methods(codes: &[&crate::fe::CodeObject], module: &str) -> std::collections::HashMap<String, Vec<ModuleFunction>> {
    use crate::fe::{Constant, Instr};
    let mut out: std::collections::HashMap<String, Vec<ModuleFunction>> = std::collections::HashMap::new();
    let Some(body) = codes.first() else { return out };
    for w in body.instrs.windows(2) {
        let (Instr::LoadBuildClass, Instr::LoadConst(c)) = (w[0], w[1]) else { continue };
        let Some(Constant::Code(class_body)) = body.consts.get(c as usize) else { continue };
        for (name, f) in defs_in(class_body, codes, module) {
            out.entry(name).or_default().push(f);
        }
    }
    out
}

/// `Helpers::module_functions` for a module whose code objects are `codes` (walk order,
/// the module body first): each name the body binds straight to a new function
/// (`LoadConst <code>; MakeFunction; StoreName/StoreGlobal name`, as `def` compiles)
/// maps to that code's symbol. A name bound twice keeps the last `def`; rebinding at run
/// time is harmless (the call site compares entries, `call_register_entry_known`).
pub fn module_functions(codes: &[&crate::fe::CodeObject], module: &str) -> std::collections::HashMap<String, ModuleFunction> {
    codes.first().map_or_else(Default::default, |body| defs_in(body, codes, module).into_iter().collect())
}
