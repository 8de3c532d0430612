//! Instruction lowering. `d` is the static stack depth before the instruction; stack slot
//! `k` holds the k-th item from the bottom, so TOS is slot `d - 1`.
//!
//! Ownership follows the ABI: operands popped by an instruction are released after the
//! runtime call, on success and error alike, before the error check; functions that steal
//! (`pyrt_build_*`, `pyrt_make_function` extras, `pyrt_cell_new`) are not followed by a
//! release.

use inkwell::values::IntValue;
use inkwell::IntPredicate;

use super::fastpath::{SMALL_INT_MAX, SMALL_INT_MIN};
use super::function::{unsupported, LowerError, Lower, R};
use crate::fe::{format_flags, Constant, Instr};

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// `BinarySlice(n)` / `StoreSlice(n)` (`store`) at `pc`, stack depth `d`: one call
    /// to `pyrt_binary_slice` / `pyrt_store_slice` (the step word is 0 when absent). The
    /// object and bounds may be borrowed (`unboxed::accepts_borrowed`); a stored value
    /// never is (the runtime takes the items of a list only the stack refers to).
    pub(super) fn lower_slice(&mut self, pc: usize, d: u32, n: u32, store: bool) -> R<()> {
        let base = d - n - 1 - store as u32;
        let v = if store { Some(self.load_slot(base)?) } else { None };
        let obj_at = base + store as u32;
        let mut args = Vec::with_capacity(5);
        for k in 0..=n {
            args.push(self.load_slot(obj_at + k)?);
        }
        if n == 2 {
            args.push(self.i64c(0));
        }
        args.extend(v);
        let argv: Vec<_> = args.iter().map(|a| (*a).into()).collect();
        let r = self.call_v(if store { "pyrt_store_slice" } else { "pyrt_binary_slice" }, &argv)?;
        // released as the interpreter drops them: the value, the object, then the bounds
        if let Some(v) = v {
            self.decref(v)?;
        }
        for k in 0..=n {
            // operand j from the top: the step (or stop) is j = 0, the object j = n
            self.release(pc, n - k, args[k as usize])?;
        }
        if store {
            return self.check_status(r, pc, base, true);
        }
        self.check_null(r, pc, base)?;
        self.store_slot(base, r)
    }

    fn is_leader(&self, pc: usize) -> bool {
        self.blocks.get(pc).map(|b| b.is_some()).unwrap_or(false)
    }

    /// Copies slots `lo..lo+n` into the scratch array (ownership stays with the caller).
    pub(super) fn slots_to_scratch(&self, lo: u32, n: u32) -> R<()> {
        for k in 0..n {
            let v = self.load_slot(lo + k)?;
            self.b.build_store(self.scratch_at(k)?, v)?;
        }
        Ok(())
    }
    pub(super) fn load_scratch(&self, i: u32) -> R<IntValue<'ctx>> {
        Ok(self.b.build_load(self.scratch_at(i)?, "out")?.into_int_value())
    }
    fn need(&self, d: u32, n: u32) -> R<()> {
        if d < n {
            return unsupported(format!("stack underflow ({d} < {n})"));
        }
        Ok(())
    }
    /// Cell (or free var) `i` of this frame.
    fn cell(&self, i: u32) -> R<IntValue<'ctx>> {
        self.load_local(self.nvarnames + i)
    }
    fn bool_obj(&mut self, c: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        let t = self.singleton("pyrt_true")?;
        let f = self.singleton("pyrt_false")?;
        Ok(self.b.build_select(c, t, f, "bool")?.into_int_value())
    }

    /// Whether the instruction at `pc` is a `LoadConst` of None, True or False (immortal
    /// objects, whose counts nothing needs to touch).
    fn pushes_immortal_const(&self, pc: usize) -> bool {
        pushes_immortal_const(self.code, pc)
    }

    /// The `PopJumpIfFalse`/`PopJumpIfTrue` right after the test at `pc` that can take
    /// the test's condition instead of a bool object: reached only from `pc`, at depth
    /// `d_after` (the test's result on top).
    fn fusable_jump(&self, pc: usize, d_after: u32) -> Option<Instr> {
        let next = self.code.instrs.get(pc + 1).copied()?;
        let fusable = self.fast && !self.is_leader(pc + 1) && self.depths.get(pc + 1).copied().flatten() == Some(d_after);
        (fusable && matches!(next, Instr::PopJumpIfFalse(_) | Instr::PopJumpIfTrue(_))).then_some(next)
    }

    /// Lowers `fusable_jump`'s `jump` on condition `c` of the test at `pc`; returns the
    /// count of instructions consumed beyond the test (the jump).
    fn fused_jump(&mut self, pc: usize, jump: Instr, c: IntValue<'ctx>) -> R<u32> {
        let (c, t) = match jump {
            Instr::PopJumpIfFalse(t) => (self.b.build_not(c, "")?, t),
            Instr::PopJumpIfTrue(t) => (c, t),
            _ => return Err(LowerError("fused jump is no conditional jump".into())),
        };
        self.cond_jump(pc + 1, c, t, pc + 2)?;
        Ok(1)
    }

    /// Conditional jump to `target` when `cond`, else fall through to `pc + 1 + skip`.
    fn cond_jump(&mut self, pc: usize, cond: IntValue<'ctx>, target: u32, fallthrough: usize) -> R<()> {
        let tb = self.edge_to(pc, target)?;
        let next = self
            .blocks
            .get(fallthrough)
            .copied()
            .flatten()
            .ok_or_else(|| LowerError("conditional branch without a fall-through block".into()))?;
        self.b.build_conditional_branch(cond, tb, next)?;
        Ok(())
    }

    /// Lowers the instruction at `pc`; returns how many following instructions it consumed.
    pub fn lower_instr(&mut self, pc: usize, d: u32) -> R<u32> {
        use Instr::*;
        let ins = self.code.instrs[pc];
        let frame = self.frame;
        match ins {
            Nop => {}
            Pop => {
                self.need(d, 1)?;
                let v = self.load_slot(d - 1)?;
                self.xdecref(v)?;
            }
            Copy(n) => {
                self.need(d, n)?;
                if n == 0 {
                    return unsupported("Copy(0)");
                }
                let v = self.load_slot(d - n)?;
                // the container copied for `a[k] op= v` is lent to the subscript
                if !(n == 2 && self.aug_container_copy(pc + 2)) {
                    self.xincref(v)?;
                }
                self.store_slot(d, v)?;
            }
            Swap(n) => {
                self.need(d, n)?;
                if n < 2 {
                    return unsupported("Swap(<2)");
                }
                let a = self.load_slot(d - 1)?;
                let b = self.load_slot(d - n)?;
                self.store_slot(d - 1, b)?;
                self.store_slot(d - n, a)?;
                // an unboxed value's number moves with it (unboxed.rs `move_values`)
                if let (Some(fa), Some(fb)) = (self.fslot(d - 1), self.fslot(d - n)) {
                    let (x, y) = (self.b.build_load(fa, "")?, self.b.build_load(fb, "")?);
                    self.b.build_store(fa, y)?;
                    self.b.build_store(fb, x)?;
                }
            }
            PushNull => self.store_slot(d, self.i64c(0))?,
            LoadConst(i) => {
                let c = self
                    .code
                    .consts
                    .get(i as usize)
                    .ok_or_else(|| LowerError("constant index out of range".into()))?;
                let v = match c {
                    Constant::Int(x) if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(x) => self.i64s((x << 1) | 1),
                    Constant::None => self.singleton("pyrt_none")?,
                    Constant::Bool(true) => self.singleton("pyrt_true")?,
                    Constant::Bool(false) => self.singleton("pyrt_false")?,
                    Constant::Code(_)
                        if matches!(self.code.instrs.get(pc + 1), Some(MakeFunction(_))) && !self.is_leader(pc + 1) =>
                    {
                        // MakeFunction takes the constant's index, not the object
                        self.i64c(0)
                    }
                    Constant::Float(x) if self.leaves_unboxed(pc) => {
                        let x = self.ctx.f64_type().const_float(*x);
                        return self.store_unboxed_slot(d, x).map(|_| 0);
                    }
                    _ => self.load_const_obj(i)?,
                };
                self.store_slot(d, v)?;
            }
            LoadFast(i) => {
                let v = self.load_local(i)?;
                if self.maybe_unbound.get(pc).copied().unwrap_or(true) {
                    let unbound = self.new_block("unbound");
                    let ok = self.new_block("bound");
                    let isnull = self.b.build_int_compare(IntPredicate::EQ, v, self.i64c(0), "")?;
                    self.b.build_conditional_branch(isnull, unbound, ok)?;
                    self.b.position_at_end(unbound);
                    self.call("pyrt_raise_unbound_local", &[frame.into(), self.i32c(i as u64).into()])?;
                    self.error_jump(pc, d, true)?;
                    self.b.position_at_end(ok);
                }
                if let Some((home, _)) = self.home(i)? {
                    self.load_shadowed(pc, d, i, v, home)?;
                } else {
                    if !self.pushes_borrowed(pc) {
                        self.incref(v)?;
                    }
                    self.store_slot(d, v)?;
                }
            }
            StoreFast(i) if self.plan.is_some() && self.home(i)?.is_some() => {
                self.need(d, 1)?;
                let (home, tag) = self.home(i)?.unwrap();
                self.store_shadowed(d, i, home, tag)?;
            }
            StoreFast(i) => {
                self.need(d, 1)?;
                let v = self.load_slot(d - 1)?;
                let old = self.load_local(i)?;
                self.store_local(i, v)?;
                if self.sync_locals {
                    self.call("pyrt_frame_set_local", &[frame.into(), self.i32c(i as u64).into(), v.into()])?;
                }
                self.xdecref(old)?;
            }
            DeleteFast(i) => {
                let old = self.load_local(i)?;
                let unbound = self.new_block("unbound");
                let ok = self.new_block("bound");
                let isnull = self.b.build_int_compare(IntPredicate::EQ, old, self.i64c(0), "")?;
                self.b.build_conditional_branch(isnull, unbound, ok)?;
                self.b.position_at_end(unbound);
                self.call("pyrt_raise_unbound_local", &[frame.into(), self.i32c(i as u64).into()])?;
                self.error_jump(pc, d, true)?;
                self.b.position_at_end(ok);
                self.store_local(i, self.i64c(0))?;
                if self.sync_locals {
                    self.call("pyrt_frame_set_local", &[frame.into(), self.i32c(i as u64).into(), self.i64c(0).into()])?;
                }
                self.decref(old)?;
            }
            LoadDeref(i) => self.lower_load_deref(pc, d, i)?,
            StoreDeref(i) => {
                self.need(d, 1)?;
                let v = self.load_slot(d - 1)?;
                let cell = self.cell(i)?;
                self.call("pyrt_cell_set", &[cell.into(), v.into()])?;
                self.decref(v)?;
            }
            DeleteDeref(i) => {
                let cell = self.cell(i)?;
                let v = self.call_v("pyrt_cell_get", &[frame.into(), cell.into(), self.i32c(i as u64).into()])?;
                self.check_null(v, pc, d)?;
                self.decref(v)?;
                self.call("pyrt_cell_set", &[cell.into(), self.i64c(0).into()])?;
            }
            LoadClosure(i) => {
                let cell = self.cell(i)?;
                self.xincref(cell)?;
                self.store_slot(d, cell)?;
            }
            LoadClassDeref(op) => {
                let cell = self.cell(op >> 16)?;
                let v = self.call_v(
                    "pyrt_load_class_deref",
                    &[frame.into(), cell.into(), self.i32c((op & 0xffff) as u64).into()],
                )?;
                self.check_null(v, pc, d)?;
                self.store_slot(d, v)?;
            }
            LoadGlobal(i) => return self.lower_load_global(pc, d, i),
            LoadName(i) => {
                let v = self.call_v("pyrt_load_name", &[frame.into(), self.i32c(i as u64).into()])?;
                self.check_null(v, pc, d)?;
                self.store_slot(d, v)?;
            }
            StoreGlobal(i) | StoreName(i) => {
                self.need(d, 1)?;
                let f = if matches!(ins, StoreGlobal(_)) { "pyrt_store_global" } else { "pyrt_store_name" };
                let v = self.load_slot(d - 1)?;
                let st = self.call_v(f, &[frame.into(), self.i32c(i as u64).into(), v.into()])?;
                self.decref(v)?;
                self.check_status(st, pc, d - 1, true)?;
            }
            DeleteGlobal(i) | DeleteName(i) => {
                let f = if matches!(ins, DeleteGlobal(_)) { "pyrt_delete_global" } else { "pyrt_delete_name" };
                let st = self.call_v(f, &[frame.into(), self.i32c(i as u64).into()])?;
                self.check_status(st, pc, d, true)?;
            }
            LoadAttr(i) => {
                self.need(d, 1)?;
                self.lower_load_attr(pc, d, i)?;
            }
            StoreAttr(i) => {
                self.need(d, 2)?;
                self.lower_store_attr(pc, d, i)?;
            }
            DeleteAttr(i) => {
                self.need(d, 1)?;
                let obj = self.load_slot(d - 1)?;
                let st = self.call_v("pyrt_delete_attr", &[frame.into(), obj.into(), self.i32c(i as u64).into()])?;
                self.decref(obj)?;
                self.check_status(st, pc, d - 1, true)?;
            }
            LoadMethod(i) => {
                self.need(d, 1)?;
                if self.direct.load_method_at(pc) {
                    self.lower_direct_load_method(d)?;
                } else {
                    self.lower_load_method(pc, d, i)?;
                }
            }
            BinarySubscr => {
                self.need(d, 2)?;
                self.lower_binary_subscr(pc, d)?;
            }
            StoreSubscr => {
                self.need(d, 3)?;
                self.lower_store_subscr(pc, d)?;
            }
            DeleteSubscr => {
                self.need(d, 2)?;
                let obj = self.load_slot(d - 2)?;
                let key = self.load_slot(d - 1)?;
                let st = self.call_v("pyrt_delete_subscr", &[obj.into(), key.into()])?;
                self.decref(obj)?;
                self.decref(key)?;
                self.check_status(st, pc, d - 2, true)?;
            }
            BuildSlice(n) => {
                if n != 2 && n != 3 {
                    return unsupported("BuildSlice operand");
                }
                self.need(d, n)?;
                let base = d - n;
                let start = self.load_slot(base)?;
                let stop = self.load_slot(base + 1)?;
                let step = if n == 3 { self.load_slot(base + 2)? } else { self.i64c(0) };
                let v = self.call_v("pyrt_build_slice", &[start.into(), stop.into(), step.into()])?;
                self.decref(start)?;
                self.decref(stop)?;
                if n == 3 {
                    self.decref(step)?;
                }
                self.check_null(v, pc, base)?;
                self.store_slot(base, v)?;
            }
            BinarySlice(2) if self.copy_into_at(pc) => {
                self.need(d, 3)?;
                return self.lower_copy_into(pc, d);
            }
            BinarySlice(3) if self.reverse_prefix_at(pc) => {
                self.need(d, 4)?;
                return self.lower_reverse_prefix(pc, d);
            }
            BinarySlice(n) | StoreSlice(n) => {
                if n != 2 && n != 3 {
                    return unsupported("slice operand");
                }
                let store = matches!(ins, StoreSlice(_));
                self.need(d, n + 1 + store as u32)?;
                self.lower_slice(pc, d, n, store)?;
            }
            BinaryOp(op) | InplaceOp(op) => {
                self.need(d, 2)?;
                let a = self.operand(pc, d - 2, 1)?;
                let b = self.operand(pc, d - 1, 0)?;
                let unboxed = self.leaves_unboxed(pc);
                let (v, f) = self.binop(op, matches!(ins, InplaceOp(_)), a, b, unboxed, (pc, d - 2))?;
                self.store_slot(d - 2, v)?;
                if let (Some(f), Some(p)) = (f, self.fslot(d - 2)) {
                    self.b.build_store(p, f)?;
                }
            }
            UnaryOp(op) if op == crate::fe::UnOp::Neg as u32 && self.fast => {
                self.need(d, 1)?;
                let a = self.operand(pc, d - 1, 0)?;
                let (v, f) = self.negate(a, self.leaves_unboxed(pc))?;
                self.check_null(v, pc, d - 1)?;
                self.store_slot(d - 1, v)?;
                if let (Some(f), Some(p)) = (f, self.fslot(d - 1)) {
                    self.b.build_store(p, f)?;
                }
            }
            UnaryOp(op) if op == crate::fe::UnOp::Not as u32 => {
                // `not x` is the negated truth value: inline for bools, None and small ints
                self.need(d, 1)?;
                let a = self.load_slot(d - 1)?;
                let c = if self.borrowed(pc, 0) { self.truth_borrowed(a, pc, d - 1)? } else { self.truth_consume(a, pc, d - 1)? };
                let t = self.singleton("pyrt_true")?;
                let f = self.singleton("pyrt_false")?;
                let v = self.b.build_select(c, f, t, "not")?.into_int_value();
                self.store_slot(d - 1, v)?;
            }
            UnaryOp(op) => {
                self.need(d, 1)?;
                let a = self.load_slot(d - 1)?;
                let v = self.call_v("pyrt_unary_op", &[a.into(), self.i32c(op as u64).into()])?;
                self.decref(a)?;
                self.check_null(v, pc, d - 1)?;
                self.store_slot(d - 1, v)?;
            }
            CompareOp(op) => {
                self.need(d, 2)?;
                let a = self.operand(pc, d - 2, 1)?;
                let b = self.operand(pc, d - 1, 0)?;
                // fuse with a following conditional jump
                if let Some(jump) = self.fusable_jump(pc, d - 1).filter(|_| op <= 5) {
                    let c = self.compare_cond(pc, d - 2, op, a, b)?;
                    self.release_attr_pending(pc)?;
                    return self.fused_jump(pc, jump, c);
                }
                let v = self.compare(pc, op, a, b)?;
                self.release_attr_pending(pc)?;
                self.check_null(v, pc, d - 2)?;
                self.store_slot(d - 2, v)?;
            }
            IsOp(inv) => {
                self.need(d, 2)?;
                let a = self.load_slot(d - 2)?;
                let b = self.load_slot(d - 1)?;
                let pred = if inv != 0 { IntPredicate::NE } else { IntPredicate::EQ };
                let c = self.b.build_int_compare(pred, a, b, "is")?;
                // a local or `x.attr` may be borrowed (unboxed.rs `accepts_borrowed`,
                // `mark_borrowed_attrs`); a None, True or False constant is immortal
                self.release(pc, 1, a)?;
                self.release_attr_pending(pc)?;
                if !self.pushes_immortal_const(pc.wrapping_sub(1)) || self.is_leader(pc) {
                    self.release(pc, 0, b)?;
                }
                // fuse with a following conditional jump: no bool object, no truth test
                if let Some(jump) = self.fusable_jump(pc, d - 1) {
                    return self.fused_jump(pc, jump, c);
                }
                let v = self.bool_obj(c)?;
                self.store_slot(d - 2, v)?;
            }
            ContainsOp(inv) => {
                self.need(d, 2)?;
                let a = self.load_slot(d - 2)?;
                let b = self.load_slot(d - 1)?;
                let f = if self.fast { "pyrt_contains_item" } else { "pyrt_contains_op" };
                let v = self.call_v(f, &[a.into(), b.into(), self.i32c(inv as u64).into()])?;
                self.decref(a)?;
                self.decref(b)?;
                self.check_null(v, pc, d - 2)?;
                self.store_slot(d - 2, v)?;
            }
            BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) | BuildMap(n) => {
                let (f, count) = match ins {
                    BuildTuple(_) => ("pyrt_build_tuple", n),
                    BuildList(_) => ("pyrt_build_list", n),
                    BuildSet(_) => ("pyrt_build_set", n),
                    BuildString(_) => ("pyrt_build_string", n),
                    _ => ("pyrt_build_map", 2 * n),
                };
                self.need(d, count)?;
                let base = d - count;
                self.slots_to_scratch(base, count)?;
                let v = self.call_v(f, &[self.scratch.into(), self.i32c(n as u64).into()])?;
                self.check_null(v, pc, base)?;
                self.store_slot(base, v)?;
            }
            BuildConstKeyMap(n) => {
                self.need(d, n + 1)?;
                let base = d - n - 1;
                self.slots_to_scratch(base, n)?;
                let keys = self.load_slot(d - 1)?;
                let v = self.call_v(
                    "pyrt_build_const_key_map",
                    &[self.scratch.into(), self.i32c(n as u64).into(), keys.into()],
                )?;
                self.check_null(v, pc, base)?;
                self.store_slot(base, v)?;
            }
            ListAppend(i) | SetAdd(i) | ListExtend(i) | SetUpdate(i) | DictUpdate(i) => {
                let f = match ins {
                    ListAppend(_) => "pyrt_list_append",
                    SetAdd(_) => "pyrt_set_add",
                    ListExtend(_) => "pyrt_list_extend",
                    SetUpdate(_) => "pyrt_set_update",
                    _ => "pyrt_dict_update",
                };
                self.need(d, i + 1)?;
                let v = self.load_slot(d - 1)?;
                let container = self.load_slot(d - 1 - i)?;
                let st = self.call_v(f, &[container.into(), v.into()])?;
                self.decref(v)?;
                self.check_status(st, pc, d - 1, true)?;
            }
            DictMerge(i) => {
                self.need(d, i + 1)?;
                let m = self.load_slot(d - 1)?;
                let dict = self.load_slot(d - 1 - i)?;
                let func = if d >= i + 3 { self.load_slot(d - 3 - i)? } else { self.i64c(0) };
                let st = self.call_v("pyrt_dict_merge", &[func.into(), dict.into(), m.into()])?;
                self.decref(m)?;
                self.check_status(st, pc, d - 1, true)?;
            }
            MapAdd(i) => {
                self.need(d, i + 2)?;
                let v = self.load_slot(d - 1)?;
                let k = self.load_slot(d - 2)?;
                let dict = self.load_slot(d - 2 - i)?;
                let st = self.call_v("pyrt_map_add", &[dict.into(), k.into(), v.into()])?;
                self.decref(k)?;
                self.decref(v)?;
                self.check_status(st, pc, d - 2, true)?;
            }
            ListToTuple => {
                self.need(d, 1)?;
                let l = self.load_slot(d - 1)?;
                let v = self.call_v("pyrt_list_to_tuple", &[l.into()])?;
                self.decref(l)?;
                self.check_null(v, pc, d - 1)?;
                self.store_slot(d - 1, v)?;
            }
            FormatValue(flags) => {
                let has_spec = flags & format_flags::HAVE_SPEC != 0;
                let n = if has_spec { 2 } else { 1 };
                self.need(d, n)?;
                let base = d - n;
                let value = self.load_slot(base)?;
                let spec = if has_spec { self.load_slot(base + 1)? } else { self.i64c(0) };
                let v = self.call_v(
                    "pyrt_format_value",
                    &[value.into(), spec.into(), self.i32c((flags & format_flags::CONV_MASK) as u64).into()],
                )?;
                self.decref(value)?;
                if has_spec {
                    self.decref(spec)?;
                }
                self.check_null(v, pc, base)?;
                self.store_slot(base, v)?;
            }
            UnpackSequence(n) => {
                self.need(d, 1)?;
                self.lower_unpack_sequence(pc, d, n)?;
            }
            UnpackEx(op) => {
                self.need(d, 1)?;
                let before = op & 0xff;
                let after = op >> 8;
                let total = before + 1 + after;
                let seq = self.load_slot(d - 1)?;
                let st = self.call_v(
                    "pyrt_unpack_ex",
                    &[
                        seq.into(),
                        self.i32c(before as u64).into(),
                        self.i32c(after as u64).into(),
                        self.scratch.into(),
                    ],
                )?;
                self.decref(seq)?;
                self.check_status(st, pc, d - 1, true)?;
                for k in 0..total {
                    let v = self.load_scratch(total - 1 - k)?;
                    self.store_slot(d - 1 + k, v)?;
                }
            }
            Jump(t) => {
                let bb = self.edge_to(pc, t)?;
                self.b.build_unconditional_branch(bb)?;
            }
            PopJumpIfFalse(t) | PopJumpIfTrue(t) => {
                self.need(d, 1)?;
                let v = self.load_slot(d - 1)?;
                let c = if self.borrowed(pc, 0) { self.truth_borrowed(v, pc, d - 1)? } else { self.truth_consume(v, pc, d - 1)? };
                let c = if matches!(ins, PopJumpIfFalse(_)) { self.b.build_not(c, "")? } else { c };
                self.cond_jump(pc, c, t, pc + 1)?;
            }
            JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) => {
                self.need(d, 1)?;
                let v = self.load_slot(d - 1)?;
                let c = self.truth(v, pc, d)?;
                let c = if matches!(ins, JumpIfFalseOrPop(_)) { self.b.build_not(c, "")? } else { c };
                let tb = self.edge_to(pc, t)?;
                let pop = self.new_block("orpop");
                self.b.build_conditional_branch(c, tb, pop)?;
                self.b.position_at_end(pop);
                self.decref(v)?;
                let next = self.block_at(pc as u32 + 1)?;
                self.b.build_unconditional_branch(next)?;
            }
            PopJumpIfNone(t) | PopJumpIfNotNone(t) => {
                self.need(d, 1)?;
                let v = self.load_slot(d - 1)?;
                let none = self.singleton("pyrt_none")?;
                let pred = if matches!(ins, PopJumpIfNone(_)) { IntPredicate::EQ } else { IntPredicate::NE };
                let c = self.b.build_int_compare(pred, v, none, "")?;
                if self.borrowed(pc, 0) {
                    self.release_attr_pending(pc)?;
                } else {
                    self.decref(v)?;
                }
                self.cond_jump(pc, c, t, pc + 1)?;
            }
            GetIter => {
                self.need(d, 1)?;
                self.lower_get_iter(pc, d)?;
            }
            ForIter(t) => {
                self.need(d, 1)?;
                self.lower_for_iter(pc, d, t)?;
            }
            Call(n) => {
                self.need(d, n + 2)?;
                if let Some(m) = self.direct.call_at(pc) {
                    self.lower_direct_method(pc, d, n, m)?;
                } else if let Some(k) = self.direct.builtin_call_at(pc) {
                    match k {
                        super::known::BuiltinCall::Len => self.lower_len_call(pc, d)?,
                        super::known::BuiltinCall::Ord => self.lower_ord_call(pc, d)?,
                        super::known::BuiltinCall::RangeLoop => self.lower_range_loop_call(pc, d, n)?,
                    }
                } else {
                    match self.plan.as_ref().and_then(|p| p.math_call.get(pc).copied().flatten()) {
                        Some(k) => self.lower_math_call(pc, d, k)?,
                        None => self.lower_call_positional(pc, d, n)?,
                    }
                }
            }
            CallKw(n) => {
                self.need(d, n + 3)?;
                let base = d - 1 - n - 2;
                self.slots_to_scratch(base, n + 2)?;
                let kwnames = self.load_slot(d - 1)?;
                let v = self.call_v("pyrt_call", &[self.scratch.into(), self.i32c(n as u64).into(), kwnames.into()])?;
                self.release_call_operands(base, n)?;
                self.decref(kwnames)?;
                self.check_null(v, pc, base)?;
                self.store_slot(base, v)?;
            }
            CallEx(flag) => {
                let n = if flag & 1 != 0 { 4 } else { 3 };
                self.need(d, n)?;
                let base = d - n;
                let nul = self.load_slot(base)?;
                let f = self.load_slot(base + 1)?;
                let args = self.load_slot(base + 2)?;
                let kwargs = if n == 4 { self.load_slot(base + 3)? } else { self.i64c(0) };
                let v = self.call_v("pyrt_call_ex", &[f.into(), args.into(), kwargs.into()])?;
                self.xdecref(nul)?;
                self.decref(f)?;
                self.decref(args)?;
                if n == 4 {
                    self.xdecref(kwargs)?;
                }
                self.check_null(v, pc, base)?;
                self.store_slot(base, v)?;
            }
            MakeFunction(flags) => {
                let Some(LoadConst(k)) = pc.checked_sub(1).and_then(|p| self.code.instrs.get(p)).copied() else {
                    return unsupported("MakeFunction not preceded by LoadConst of a code object");
                };
                if !matches!(self.code.consts.get(k as usize), Some(Constant::Code(_))) || self.is_leader(pc) {
                    return unsupported("MakeFunction operand is not a code constant");
                }
                let nextra = (flags & 0xf).count_ones();
                self.need(d, nextra + 1)?;
                let base = d - 1 - nextra;
                let code_slot = self.load_slot(d - 1)?;
                self.xdecref(code_slot)?;
                self.slots_to_scratch(base, nextra)?;
                let v = self.call_v(
                    "pyrt_make_function",
                    &[frame.into(), self.i32c(k as u64).into(), self.i32c(flags as u64).into(), self.scratch.into()],
                )?;
                self.check_null(v, pc, base)?;
                self.store_slot(base, v)?;
            }
            ReturnValue => {
                self.need(d, 1)?;
                let value = self.operand(pc, d - 1, 0)?;
                self.xdecref_slots(0, d - 1)?;
                self.xdecref_locals()?;
                let v = match value.f {
                    Some(f) => self.return_unboxed(value.v, f)?,
                    None => value.v,
                };
                self.b.build_return(Some(&v))?;
            }
            LoadBuildClass => {
                let v = self.call_v("pyrt_load_build_class", &[])?;
                self.check_null(v, pc, d)?;
                self.store_slot(d, v)?;
            }
            RaiseVarargs(n) => match n {
                0 => {
                    self.call("pyrt_raise", &[frame.into(), self.i64c(0).into(), self.i64c(0).into()])?;
                    self.error_jump(pc, d, false)?;
                }
                1 | 2 => {
                    self.need(d, n)?;
                    let base = d - n;
                    let exc = self.load_slot(base)?;
                    let cause = if n == 2 { self.load_slot(base + 1)? } else { self.i64c(0) };
                    self.call("pyrt_raise", &[frame.into(), exc.into(), cause.into()])?;
                    self.decref(exc)?;
                    if n == 2 {
                        self.decref(cause)?;
                    }
                    self.error_jump(pc, base, true)?;
                }
                _ => return unsupported("RaiseVarargs operand"),
            },
            Reraise(_) => {
                self.need(d, 1)?;
                let exc = self.load_slot(d - 1)?;
                self.call("pyrt_reraise", &[exc.into()])?;
                self.decref(exc)?;
                self.error_jump(pc, d - 1, false)?;
            }
            PushExcInfo => {
                self.need(d, 1)?;
                let exc = self.load_slot(d - 1)?;
                let prev = self.call_v("pyrt_push_exc_info", &[exc.into()])?;
                self.store_slot(d - 1, prev)?;
                self.store_slot(d, exc)?;
            }
            PopExcept => {
                self.need(d, 1)?;
                let prev = self.load_slot(d - 1)?;
                self.call("pyrt_pop_except", &[prev.into()])?;
                self.xdecref(prev)?;
            }
            CheckExcMatch => {
                self.need(d, 2)?;
                let exc = self.load_slot(d - 2)?;
                let ty = self.load_slot(d - 1)?;
                let r = self.call_v("pyrt_check_exc_match", &[exc.into(), ty.into()])?;
                self.decref(ty)?;
                self.check_status(r, pc, d - 1, true)?;
                let c = self.b.build_int_compare(IntPredicate::NE, r, self.i32c(0), "")?;
                let v = self.bool_obj(c)?;
                self.store_slot(d - 1, v)?;
            }
            LoadAssertionError => {
                let v = self.call_v("pyrt_load_assertion_error", &[])?;
                self.check_null(v, pc, d)?;
                self.store_slot(d, v)?;
            }
            WithExceptStart => {
                self.need(d, 4)?;
                let exit = self.load_slot(d - 4)?;
                let exc = self.load_slot(d - 1)?;
                let v = self.call_v("pyrt_with_except_start", &[exit.into(), exc.into()])?;
                self.check_null(v, pc, d)?;
                self.store_slot(d, v)?;
            }
            BeforeWith => {
                self.need(d, 1)?;
                let mgr = self.load_slot(d - 1)?;
                let out = self.scratch_at(0)?;
                self.b.build_store(out, self.i64c(0))?;
                let v = self.call_v("pyrt_before_with", &[mgr.into(), out.into()])?;
                self.decref(mgr)?;
                self.check_null(v, pc, d - 1)?;
                let exit = self.load_scratch(0)?;
                self.store_slot(d - 1, exit)?;
                self.store_slot(d, v)?;
            }
            ImportName(i) => {
                self.need(d, 2)?;
                let level = self.load_slot(d - 2)?;
                let fromlist = self.load_slot(d - 1)?;
                let v = self.call_v(
                    "pyrt_import_name",
                    &[frame.into(), self.i32c(i as u64).into(), fromlist.into(), level.into()],
                )?;
                self.decref(level)?;
                self.decref(fromlist)?;
                self.check_null(v, pc, d - 2)?;
                self.store_slot(d - 2, v)?;
            }
            ImportFrom(i) => {
                self.need(d, 1)?;
                let m = self.load_slot(d - 1)?;
                let v = self.call_v("pyrt_import_from", &[frame.into(), m.into(), self.i32c(i as u64).into()])?;
                self.check_null(v, pc, d)?;
                self.store_slot(d, v)?;
            }
            ImportStar => {
                self.need(d, 1)?;
                let m = self.load_slot(d - 1)?;
                let st = self.call_v("pyrt_import_star", &[frame.into(), m.into()])?;
                self.decref(m)?;
                self.check_status(st, pc, d - 1, true)?;
            }
            LoadLocals => {
                let v = self.call_v("pyrt_load_locals", &[frame.into()])?;
                self.check_null(v, pc, d)?;
                self.store_slot(d, v)?;
            }
            SetupAnnotations => {
                let st = self.call_v("pyrt_setup_annotations", &[frame.into()])?;
                self.check_status(st, pc, d, true)?;
            }
            PrintExpr => {
                self.need(d, 1)?;
                let v = self.load_slot(d - 1)?;
                let st = self.call_v("pyrt_print_expr", &[v.into()])?;
                self.decref(v)?;
                self.check_status(st, pc, d - 1, true)?;
            }
            // the generator object is created by the call (`frame::call_function`)
            ReturnGenerator => {}
            YieldValue => self.lower_yield(pc, d)?,
            Send(t) => self.lower_send(pc, d, t)?,
            GetYieldFromIter => self.lower_replace_tos(pc, d, "pyrt_get_yield_from_iter", None)?,
            // ----- match -----
            MatchMapping | MatchSequence => {
                self.need(d, 1)?;
                let s = self.load_slot(d - 1)?;
                let f = if matches!(ins, MatchMapping) { "pyrt_match_mapping" } else { "pyrt_match_sequence" };
                let r = self.call_v(f, &[s.into()])?;
                let c = self.b.build_int_compare(IntPredicate::NE, r, self.i32c(0), "")?;
                let v = self.bool_obj(c)?;
                self.store_slot(d, v)?;
            }
            MatchKeys => {
                self.need(d, 2)?;
                let s = self.load_slot(d - 2)?;
                let keys = self.load_slot(d - 1)?;
                let v = self.call_v("pyrt_match_keys", &[s.into(), keys.into()])?;
                self.check_null(v, pc, d)?;
                self.store_slot(d, v)?;
            }
            MatchClass(n) => {
                self.need(d, 3)?;
                let s = self.load_slot(d - 3)?;
                let cls = self.load_slot(d - 2)?;
                let names = self.load_slot(d - 1)?;
                let v = self.call_v("pyrt_match_class", &[s.into(), cls.into(), self.i32c(n as u64).into(), names.into()])?;
                self.decref(s)?;
                self.decref(cls)?;
                self.decref(names)?;
                self.check_null(v, pc, d - 3)?;
                self.store_slot(d - 3, v)?;
            }
            GetLen => {
                self.need(d, 1)?;
                let o = self.load_slot(d - 1)?;
                let v = self.call_v("pyrt_get_len", &[o.into()])?;
                self.check_null(v, pc, d)?;
                self.store_slot(d, v)?;
            }
            CopyDictWithoutKeys | PrepReraiseStar => {
                self.need(d, 2)?;
                let a = self.load_slot(d - 2)?;
                let k = self.load_slot(d - 1)?;
                let f = if matches!(ins, CopyDictWithoutKeys) { "pyrt_copy_dict_without_keys" } else { "pyrt_prep_reraise_star" };
                let v = self.call_v(f, &[a.into(), k.into()])?;
                self.decref(a)?;
                self.decref(k)?;
                self.check_null(v, pc, d - 2)?;
                self.store_slot(d - 2, v)?;
            }
            // ----- except* -----
            CheckEgMatch => {
                self.need(d, 2)?;
                let exc = self.load_slot(d - 2)?;
                let ty = self.load_slot(d - 1)?;
                let out = self.scratch_at(0)?;
                let st = self.call_v("pyrt_check_eg_match", &[exc.into(), ty.into(), out.into()])?;
                self.decref(exc)?;
                self.decref(ty)?;
                self.check_status(st, pc, d - 2, true)?;
                let rest = self.load_scratch(0)?;
                let m = self.load_scratch(1)?;
                self.store_slot(d - 2, rest)?;
                self.store_slot(d - 1, m)?;
            }
            // ----- async -----
            GetAwaitable(w) => {
                // a coroutine dropped by a failing `await` warns with this line
                self.call("pyrt_frame_set_lasti", &[frame.into(), self.i32c(pc as u64).into()])?;
                self.lower_replace_tos(pc, d, "pyrt_get_awaitable", Some(w))?
            }
            GetAIter => self.lower_replace_tos(pc, d, "pyrt_get_aiter", None)?,
            AsyncGenWrap => self.lower_replace_tos(pc, d, "pyrt_async_gen_wrap", None)?,
            GetANext => self.lower_get_anext(pc, d)?,
            BeforeAsyncWith => self.lower_before_async_with(pc, d)?,
            EndAsyncFor => self.lower_end_async_for(pc, d)?,
        }
        Ok(0)
    }
}

/// Whether the instruction at `pc` of `code` is a `LoadConst` of None, True or False.
pub fn pushes_immortal_const(code: &crate::fe::CodeObject, pc: usize) -> bool {
    use crate::fe::{Constant, Instr};
    match code.instrs.get(pc) {
        Some(Instr::LoadConst(i)) => matches!(code.consts.get(*i as usize), Some(Constant::None | Constant::Bool(_))),
        _ => false,
    }
}
