//! Constructing a plain class at a call site (`Node(left, right)`) without the runtime's
//! call dispatch.
//!
//! A call site that constructs a class keeps the runtime's construction record in the
//! first entry of its cache (runtime class.rs `construct_at_site`, `SITE_MARK`): [mark,
//! the class, its version, the class epoch, its `__init__`, that `__init__`'s
//! register-argument entry]. The record's mark says how the instance is made and how
//! many arguments the site passes; with the `REGISTER` bit, its last word is a register
//! entry. When the site's callee is that class, still at that version (a change of any
//! namespace along its MRO gives it a new one, so its `__init__` is still the one the
//! record borrows; the epoch is for the runtime's checks), the compiled code makes the
//! instance (`pyrt_construct_begin`: the class call's recursion level, a check point
//! after which it tests the record again, then a bare instance), calls the `__init__`
//! register entry itself with the instance and the arguments, holding a reference to
//! the `__init__` for the call, and lets `pyrt_construct_done` check the result and
//! leave the level —
//! what `construct_at_site` does, without `pyrt_call_fill`'s dispatch, the record's
//! checks in Rust and the register trampoline between them. Anything else (another
//! class, a changed class, a record of another kind) takes the generic path, which
//! refills the record.
//!
//! Only sites whose callee is a module-level class without foreign bases get this code
//! (`module_classes`): an `Exception` subclass's record has another kind, and on the
//! many sites that call functions the test would only add code to the miss path.

use inkwell::basic_block::BasicBlock;
use inkwell::values::{IntValue, PointerValue};
use inkwell::{AddressSpace, IntPredicate};

use super::function::{Lower, R};

/// The runtime's record mark (class.rs `site_mark`, `REGISTER`) of an `object.__new__`
/// construction passing `nargs` arguments to an `__init__` with a register entry.
fn register_record_mark(nargs: u32) -> u64 {
    1 | (nargs as u64) << 2 | 1 << 40
}

/// Byte offset of a type object's version word (runtime typeobj.rs `TypeObject`).
const TYPE_VERSION_OFFSET: u64 = 16;
/// The runtime's limit on register-entry arguments (frame.rs `MAX_REGISTER_ARGS`): a
/// record has `REGISTER` only for fewer arguments than that (the instance is one more).
const MAX_REGISTER_ARGS: u32 = 6;

/// Names the module body `codes[0]` binds to a class statement whose bases are only
/// such classes of the module (none: `class Node:`), in statement order: `LoadBuildClass;
/// LoadConst <body named N>; MakeFunction; LoadConst "N"; Load* base...; Call` and, later,
/// a store of `N`. A decorated or rebound name may hold something else at run time; the
/// site's guard then fails, which is all a wrong guess costs.
pub fn module_classes(codes: &[&crate::fe::CodeObject]) -> std::collections::HashSet<String> {
    use crate::fe::{Constant, Instr};
    let mut out = std::collections::HashSet::new();
    let Some(body) = codes.first() else { return out };
    let name_of = |i: u32| body.names.get(i as usize).map(String::as_str);
    let stored = |n: &str| body.instrs.iter().any(|i| matches!(i, Instr::StoreName(x) | Instr::StoreGlobal(x) if name_of(*x) == Some(n)));
    for (i, ins) in body.instrs.iter().enumerate() {
        if !matches!(ins, Instr::LoadBuildClass) {
            continue;
        }
        let Some(Instr::LoadConst(c)) = body.instrs.get(i + 1) else { continue };
        let Some(Constant::Code(class_body)) = body.consts.get(*c as usize) else { continue };
        let bases_known = body.instrs.get(i + 4..).unwrap_or(&[]).iter().take_while(|b| !matches!(b, Instr::Call(_))).all(|b| match b {
            Instr::LoadName(x) | Instr::LoadGlobal(x) => name_of(*x).is_some_and(|n| out.contains(n)),
            _ => false,
        });
        if bases_known && stored(&class_body.name) {
            out.insert(class_body.name.clone());
        }
    }
    out
}

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// Whether the call at `pc` probably constructs one of the `module_classes`: its
    /// callee was pushed by a `LoadGlobal` or `LoadName` of such a name.
    pub(super) fn constructs_module_class(&self, pc: usize) -> bool {
        use crate::fe::Instr;
        match super::calls::callee_pusher(self.code, &self.depths, pc).map(|q| &self.code.instrs[q]) {
            Some(Instr::LoadGlobal(x) | Instr::LoadName(x)) => {
                self.code.names.get(*x as usize).is_some_and(|n| self.helpers.module_classes.contains(n))
            }
            _ => false,
        }
    }

    /// Whether the running call (`Call(n)`) gets `lower_site_construction`: it probably
    /// constructs a module class, with few enough arguments for a register record.
    pub(super) fn site_constructs(&self, n: u32) -> bool {
        n < MAX_REGISTER_ARGS && self.constructs_module_class(self.pc_now)
    }

    /// The construction of the class `callable` (the call's callee; `meth` is the NULL or
    /// method slot below it) with the `n` arguments in slots `base+2..`, when the site's
    /// cache `cache` holds a register record for it; else branches to `miss`. The builder
    /// is positioned where the test goes. Returns the result (0: an exception is set)
    /// with the builder at the end of the block that has it; the arguments' and the
    /// class's references are consumed on both outcomes.
    pub(super) fn lower_site_construction(
        &self,
        cache: PointerValue<'ctx>,
        base: u32,
        n: u32,
        meth: IntValue<'ctx>,
        callable: IntValue<'ctx>,
        miss: BasicBlock<'ctx>,
    ) -> R<IntValue<'ctx>> {
        let word = |w: u32, name: &str| -> R<IntValue<'ctx>> { Ok(self.b.build_load(self.global_word(cache, w)?, name)?.into_int_value()) };
        let eq = |a: IntValue<'ctx>, b: IntValue<'ctx>| self.b.build_int_compare(IntPredicate::EQ, a, b, "");
        let mark = self.i64c(register_record_mark(n));
        let plain = eq(meth, self.i64c(0))?;
        let marked = eq(word(0, "rmark")?, mark)?;
        let same_class = eq(word(1, "rclass")?, callable)?;
        let record = self.b.build_and(self.b.build_and(plain, marked, "")?, same_class, "record")?;
        let current = self.new_block("ctor_current");
        self.b.build_conditional_branch(record, current, miss)?;

        self.b.position_at_end(current);
        // (any change of a namespace along the class's MRO gives it a new version:
        // runtime typeobj.rs `class_dict_changed`; the epoch word is the runtime's)
        let version = self.load_word_at(callable, self.i64c(TYPE_VERSION_OFFSET), "cver")?;
        let valid = eq(version, word(2, "rver")?)?;
        let make = self.new_block("ctor_make");
        self.b.build_conditional_branch(valid, make, miss)?;

        // 0: RecursionError; 1: the check point changed the class or the record
        self.b.position_at_end(make);
        let i64p = self.ctx.i64_type().ptr_type(AddressSpace::default());
        let record = self.b.build_pointer_cast(self.global_word(cache, 0)?, i64p, "record")?;
        let obj = self.call_v("pyrt_construct_begin", &[callable.into(), record.into(), mark.into()])?;
        let init = self.new_block("ctor_init");
        let failed = self.new_block("ctor_failed");
        let done = self.new_block("ctor_done");
        self.b.build_switch(obj, init, &[(self.i64c(0), failed), (self.i64c(1), miss)])?;

        // no instance: nothing was called, the operands are still ours
        self.b.position_at_end(failed);
        self.release_call_operands(base, n)?;
        let failed_end = self.b.get_insert_block().expect("positioned");
        self.b.build_unconditional_branch(done)?;

        // `__init__(instance, *args)`: the call takes one reference to the instance and
        // the arguments'; the `__init__` the record names (alive: the record held after
        // the check point, and nothing ran since) is held for the call, which may
        // replace it in the class
        self.b.position_at_end(init);
        self.incref(obj)?;
        let init_fn = word(4, "rinit")?;
        self.incref(init_fn)?;
        let mut vals = vec![init_fn, obj];
        for k in 0..n {
            vals.push(self.load_slot(base + 2 + k)?);
        }
        let entry = word(5, "rentry")?;
        let callee = self.register_callee(entry, vals.len())?;
        self.store_lasti(self.pc_now)?;
        let r = self.emit_register_call(callee, &vals)?;
        let built = self.call_v("pyrt_construct_done", &[obj.into(), r.into()])?;
        self.decref(init_fn)?;
        self.decref(callable)?;
        let init_end = self.b.get_insert_block().expect("positioned");
        self.b.build_unconditional_branch(done)?;

        self.b.position_at_end(done);
        let phi = self.b.build_phi(self.ctx.i64_type(), "ctorv")?;
        phi.add_incoming(&[(&self.i64c(0), failed_end), (&built, init_end)]);
        Ok(phi.as_basic_value().into_int_value())
    }
}
