//! Call sites: `Call(n)` without keywords, with a per-site direct-call cache.
//!
//! Each positional call site owns an internal global `[6 x i64]` cache: [type of the
//! callee (the function type), its code object, the total positional count, the code's
//! native entry, its register-argument entry or 0, unused], zero until the first call.
//! (A site that constructs a plain class holds the runtime's `class::construct_at_site`
//! record instead, whose odd first word no type's address equals.) The
//! generic path (`pyrt_call_fill`) calls as `pyrt_call` does and fills the cache when the
//! callee is an exact function whose compiled code binds exactly that many positional
//! arguments one-to-one and is no generator (`frame::direct_target`). Later calls whose
//! callee passes the guard — a heap object of that type, holding that code object, called
//! with that count — call the register-argument entry with the arguments as parameters
//! (codegen/function.rs: it builds a minimal frame itself), or, for code without one,
//! `pyrt_call_direct`, which builds the callee's frame without counting references and
//! runs the native entry. Either way the arguments' references move into the callee.
//!
//! The guard checks the code object, not the function's identity: rebinding a global to
//! another function, assigning `__code__`, or a method of another class at the same site
//! fails it and takes the generic path (which refills the cache); a different function
//! object with the same code (closures made by one `def`) passes it, and the frame then
//! uses that function's own globals, defaults and closure.

use inkwell::values::{BasicMetadataValueEnum, CallableValue, IntValue};
use inkwell::{AddressSpace, IntPredicate};

use super::function::{Lower, R};

/// Byte offsets in a heap object: `ObjHeader.ty` and `FunctionObj.code` (runtime
/// object.rs / types/function.rs, both `repr(C)`).
const TYPE_OFFSET: u64 = 8;
const FUNC_CODE_OFFSET: u64 = 16;
/// Words of a call-site cache.
const CACHE_WORDS: u32 = 6;

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// `Call(n)` without keywords at `pc`, stack depth `d` (slots `d-n-2..d`: method or
    /// NULL, callable or self, arguments). Leaves the result in slot `d-n-2`.
    pub fn lower_call_positional(&mut self, pc: usize, d: u32, n: u32) -> R<()> {
        let base = d - n - 2;
        self.slots_to_scratch(base, n + 2)?;
        if !self.fast {
            let v = self.call_v("pyrt_call", &[self.scratch.into(), self.i32c(n as u64).into(), self.i64c(0).into()])?;
            self.release_call_operands(base, n)?;
            self.check_null(v, pc, base)?;
            return self.store_slot(base, v);
        }
        let i64t = self.ctx.i64_type();
        let cache = self.site_cache(&format!("call{pc}"), CACHE_WORDS);

        let m = self.load_slot(base)?;
        let c1 = self.load_slot(base + 1)?;
        let is_meth = self.b.build_int_compare(IntPredicate::NE, m, self.i64c(0), "ismeth")?;
        let callable = self.b.build_select(is_meth, m, c1, "callee")?.into_int_value();
        let ntot = self.b.build_int_add(self.b.build_int_z_extend(is_meth, i64t, "")?, self.i64c(n as u64), "ntot")?;
        let args1 = self.scratch_at(1)?;
        let args2 = self.scratch_at(2)?;
        let argp = self.b.build_select(is_meth, args1, args2, "argp")?.into_pointer_value();

        let check_ty = self.new_block("dc_type");
        let check_code = self.new_block("dc_code");
        let direct = self.new_block("dc_direct");
        let generic = self.new_block("dc_generic");
        let join = self.new_block("dc_join");
        let tag = self.b.build_and(callable, self.i64c(1), "")?;
        let heap = self.b.build_int_compare(IntPredicate::EQ, tag, self.i64c(0), "")?;
        self.b.build_conditional_branch(heap, check_ty, generic)?;

        self.b.position_at_end(check_ty);
        let ty = self.load_word_at(callable, self.i64c(TYPE_OFFSET), "ty")?;
        let want_ty = self.b.build_load(self.global_word(cache, 0)?, "cty")?.into_int_value();
        let same_ty = self.b.build_int_compare(IntPredicate::EQ, ty, want_ty, "")?;
        self.b.build_conditional_branch(same_ty, check_code, generic)?;

        self.b.position_at_end(check_code);
        let code = self.load_word_at(callable, self.i64c(FUNC_CODE_OFFSET), "code")?;
        let want_code = self.b.build_load(self.global_word(cache, 1)?, "ccode")?.into_int_value();
        let want_n = self.b.build_load(self.global_word(cache, 2)?, "cn")?.into_int_value();
        let same_code = self.b.build_int_compare(IntPredicate::EQ, code, want_code, "")?;
        let same_n = self.b.build_int_compare(IntPredicate::EQ, ntot, want_n, "")?;
        let hit = self.b.build_and(same_code, same_n, "hit")?;
        self.b.build_conditional_branch(hit, direct, generic)?;

        self.b.position_at_end(direct);
        let reg = self.b.build_load(self.global_word(cache, 4)?, "reg")?.into_int_value();
        let has_reg = self.b.build_int_compare(IntPredicate::NE, reg, self.i64c(0), "")?;
        let reg_meth = self.new_block("dc_reg_meth");
        let reg_plain = self.new_block("dc_reg");
        let framed = self.new_block("dc_framed");
        let sel = self.new_block("dc_reg_sel");
        self.b.build_conditional_branch(has_reg, sel, framed)?;
        self.b.position_at_end(sel);
        self.b.build_conditional_branch(is_meth, reg_meth, reg_plain)?;
        let mut incoming = Vec::new();
        for (bb, first, count) in [(reg_meth, base, n + 1), (reg_plain, base + 1, n)] {
            // the callee, then its arguments (self first for a method)
            self.b.position_at_end(bb);
            let vals = (first..first + count + 1).map(|k| self.load_slot(k)).collect::<R<Vec<_>>>()?;
            let r = self.call_register_entry(reg, &vals)?;
            incoming.push((r, self.b.get_insert_block().expect("positioned")));
            self.b.build_unconditional_branch(join)?;
        }

        self.b.position_at_end(framed);
        let entry = self.b.build_load(self.global_word(cache, 3)?, "entry")?.into_int_value();
        let n32 = self.b.build_int_truncate(ntot, self.ctx.i32_type(), "")?;
        let rd = self.call_v("pyrt_call_direct", &[callable.into(), argp.into(), n32.into(), entry.into()])?;
        // the arguments moved into the callee's frame; only the callable is ours
        self.decref(callable)?;
        incoming.push((rd, self.b.get_insert_block().expect("positioned")));
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(generic);
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
        self.check_null(v, pc, base)?;
        self.store_slot(base, v)
    }

    /// Calls register-argument entry `reg` (a word) with `vals` = [callee, arguments...]:
    /// the arguments' references move into the callee; the callee's is dropped here.
    fn call_register_entry(&self, reg: IntValue<'ctx>, vals: &[IntValue<'ctx>]) -> R<IntValue<'ctx>> {
        let i64t = self.ctx.i64_type();
        let params: Vec<_> = vals.iter().map(|_| i64t.into()).collect();
        let fty = i64t.fn_type(&params, false);
        let fp = self.b.build_int_to_ptr(reg, fty.ptr_type(AddressSpace::default()), "regfn")?;
        let callee = CallableValue::try_from(fp).map_err(|()| super::function::LowerError("register entry is not callable".into()))?;
        let args: Vec<BasicMetadataValueEnum> = vals.iter().map(|v| (*v).into()).collect();
        self.store_lasti(self.pc_now)?;
        let r = self
            .b
            .build_call(callee, &args, "regv")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| super::function::LowerError("register entry returns void".into()))?
            .into_int_value();
        self.decref(vals[0])?;
        Ok(r)
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
