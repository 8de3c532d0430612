//! Locals of a known built-in type (and str constants), and the method calls on them
//! lowered to direct runtime calls (`parts.append(x)`, `counts.get(w, 0)`,
//! `"".join(parts)`): no attribute cache, no call-site guard, no method dispatch.
//!
//! A local's type is known when every binding of it is a `StoreFast` of the value a
//! `BuildList` / `BuildMap` right before it made (`parts = []`, `counts = {}`), no jump
//! lands between the two, it is never deleted, and it is no parameter. An object's type
//! never changes for `list` and `dict` (`__class__` cannot be assigned on them), and
//! their methods cannot be replaced, so such a local holds an exact list (dict) whenever
//! it is bound: an unbound read raises before any method call.
//!
//! `len(x)` where `len` is a global name: when the callee is the built-in `len` and `x` an
//! exact list, tuple or str, the length is read inline (`Lower::lower_len_call`).
//!
//! `ord(c)` where `ord` is a global name: when the callee is the built-in `ord` and `c`
//! an exact one-character ASCII str, the code point is its byte, read inline
//! (`Lower::lower_ord_call`); anything else (other lengths raise TypeError, non-ASCII
//! and stand-in chars, subclasses) is the ordinary call.
//!
//! `for i in range(a)` / `range(a, b)` where `range` is a global name, outside generators:
//! when the callee is the built-in `range` and the bounds are small ints, the loop's
//! iterator is a `range_iterator` built in the native frame's own stack memory, immortal,
//! instead of a heap object (`Lower::lower_range_loop_call`). It cannot escape: the
//! call's result goes straight to `GetIter` and the `ForIter` right after, which is its
//! only user until the loop pops it; a generator's frame could outlive the native stack.
//!
//! `"sep".join(items)` on a str constant: an exact str, whose methods cannot be replaced,
//! calls `pyrt_str_join` (which counts the recursion level CPython's METH_O call counts).
//!
//! A method call is lowered directly when its receiver is pushed by a `LoadFast` of such a
//! local (or the `LoadConst` of a str constant) right before the `LoadMethod`, and the
//! `Call` consuming the pair is found by the static stack depths: every instruction in between touches only stack slots above the
//! pair (`unboxed::stack_use`) and the `Call` takes exactly the pair and its arguments.

use inkwell::IntPredicate;

use super::function::{jump_target, Lower, R};
use crate::fe::{CodeObject, Constant, Instr};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Known {
    List,
    Dict,
    /// A str constant (`LoadConst`): exact str, whose methods cannot be replaced.
    Str,
}

/// A method call lowered to a runtime function (`Lower::lower_direct_method`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DirectMethod {
    /// `list.append(x)`
    ListAppend,
    /// `dict.get(k)` / `dict.get(k, default)`
    DictGet,
    /// `"sep".join(items)` on a str constant
    StrJoin,
}

impl DirectMethod {
    fn of(known: Known, name: &str, nargs: u32) -> Option<DirectMethod> {
        match (known, name, nargs) {
            (Known::List, "append", 1) => Some(DirectMethod::ListAppend),
            (Known::Dict, "get", 1 | 2) => Some(DirectMethod::DictGet),
            (Known::Str, "join", 1) => Some(DirectMethod::StrJoin),
            _ => None,
        }
    }
}

/// A call of a global name that native code may do inline when the name is the built-in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinCall {
    /// `len(x)`
    Len,
    /// `range(a)` or `range(a, b)` feeding a `for` loop
    RangeLoop,
    /// `ord(c)`
    Ord,
}

/// Per pc: the direct lowering of a `LoadMethod` (receiver stays, no look-up) and of the
/// `Call` that consumes it (empty when the fast paths are off).
#[derive(Default)]
pub struct DirectCalls {
    load_method: Vec<bool>,
    call: Vec<Option<DirectMethod>>,
    /// Per pc: a `Call` whose callee is a global named like a built-in it may call inline.
    builtin_call: Vec<Option<BuiltinCall>>,
}

impl DirectCalls {
    /// Is the `LoadMethod` at `pc` lowered directly?
    pub fn load_method_at(&self, pc: usize) -> bool {
        self.load_method.get(pc).copied().unwrap_or(false)
    }

    /// The built-in the global called by the `Call` at `pc` is named after, if any.
    pub fn builtin_call_at(&self, pc: usize) -> Option<BuiltinCall> {
        self.builtin_call.get(pc).copied().flatten()
    }

    /// The direct method the `Call` at `pc` makes, if any.
    pub fn call_at(&self, pc: usize) -> Option<DirectMethod> {
        self.call.get(pc).copied().flatten()
    }

    pub fn compute(code: &CodeObject, depths: &[Option<u32>], leaders: &[bool], nparams: u32) -> DirectCalls {
        let n = code.instrs.len();
        let mut out = DirectCalls { load_method: vec![false; n], call: vec![None; n], builtin_call: vec![None; n] };
        for pc in 1..n {
            let (Instr::LoadGlobal(name), Instr::PushNull) = (code.instrs[pc], code.instrs[pc - 1]) else { continue };
            let (false, Some(d)) = (leaders[pc], depths[pc]) else { continue };
            let Some((call_pc, nargs)) = consuming_call(code, depths, leaders, pc, d) else { continue };
            let feeds_loop = || {
                !code.is_generator()
                    && matches!(code.instrs.get(call_pc + 1), Some(Instr::GetIter))
                    && matches!(code.instrs.get(call_pc + 2), Some(Instr::ForIter(_)))
                    && !leaders[call_pc + 1]
            };
            out.builtin_call[call_pc] = match (code.names.get(name as usize).map(String::as_str), nargs) {
                (Some("len"), 1) => Some(BuiltinCall::Len),
                (Some("ord"), 1) => Some(BuiltinCall::Ord),
                (Some("range"), 1 | 2) if feeds_loop() => Some(BuiltinCall::RangeLoop),
                _ => None,
            };
        }
        let known = known_locals(code, leaders, nparams);
        for pc in 1..n {
            let (Instr::LoadMethod(name), false, Some(d)) = (code.instrs[pc], leaders[pc], depths[pc]) else { continue };
            let kind = match code.instrs[pc - 1] {
                Instr::LoadFast(i) => known.get(i as usize).copied().flatten(),
                Instr::LoadConst(c) => matches!(code.consts.get(c as usize), Some(Constant::Str(_))).then_some(Known::Str),
                _ => None,
            };
            let (Some(kind), Some(name)) = (kind, code.names.get(name as usize)) else { continue };
            let Some((call_pc, nargs)) = consuming_call(code, depths, leaders, pc, d) else { continue };
            if let Some(m) = DirectMethod::of(kind, name, nargs) {
                out.load_method[pc] = true;
                out.call[call_pc] = Some(m);
            }
        }
        out
    }
}

/// The known type of each local (`varnames` index), as the module doc says.
fn known_locals(code: &CodeObject, leaders: &[bool], nparams: u32) -> Vec<Option<Known>> {
    let nvar = code.varnames.len();
    // None: no binding seen yet; Some(None): not of a known type
    let mut kinds: Vec<Option<Option<Known>>> = vec![None; nvar];
    for i in 0..(nparams as usize).min(nvar) {
        kinds[i] = Some(None);
    }
    for (pc, ins) in code.instrs.iter().enumerate() {
        let (i, made) = match *ins {
            Instr::StoreFast(i) => {
                let made = match (pc.checked_sub(1).map(|p| code.instrs[p]), leaders[pc]) {
                    (Some(Instr::BuildList(_)), false) => Some(Known::List),
                    (Some(Instr::BuildMap(_)), false) => Some(Known::Dict),
                    _ => None,
                };
                (i, made)
            }
            Instr::DeleteFast(i) => (i, None),
            _ => continue,
        };
        if let Some(k) = kinds.get_mut(i as usize) {
            *k = match *k {
                None => Some(made),
                Some(prev) if prev == made => Some(prev),
                Some(_) => Some(None),
            };
        }
    }
    kinds.into_iter().map(Option::flatten).collect()
}

/// The `Call` consuming the [method, self] pair a `LoadMethod` at `pc` pushes at stack
/// depth `d - 1` (`d`: the depth before it), with its argument count: every instruction
/// in between must keep the pair (touch only slots above it) and not be a jump target
/// or a jump.
fn consuming_call(code: &CodeObject, depths: &[Option<u32>], leaders: &[bool], pc: usize, d: u32) -> Option<(usize, u32)> {
    let floor = d + 1;
    for q in pc + 1..code.instrs.len() {
        let dq = depths[q]?;
        let ins = code.instrs[q];
        if leaders[q] || jump_target(&ins).is_some() {
            return None;
        }
        if let Instr::Call(n) = ins {
            if dq == floor + n {
                return Some((q, n));
            }
        }
        let (pops, _, _) = super::unboxed::stack_use(ins, &|_| false)?;
        if dq < floor + pops {
            return None;
        }
    }
    None
}

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// `LoadMethod` of a direct method at stack depth `d`: [NULL, receiver]; the `Call`
    /// (`lower_direct_method`) knows the method.
    pub fn lower_direct_load_method(&mut self, d: u32) -> R<()> {
        let recv = self.load_slot(d - 1)?;
        self.store_slot(d - 1, self.i64c(0))?;
        self.store_slot(d, recv)
    }

    /// `Call(n)` at `pc` (stack depth `d`) of direct method `m` on the receiver below
    /// its arguments.
    pub fn lower_direct_method(&mut self, pc: usize, d: u32, n: u32, m: DirectMethod) -> R<()> {
        let base = d - n - 2;
        let recv = self.load_slot(base + 1)?;
        let args = (0..n).map(|k| self.load_slot(base + 2 + k)).collect::<R<Vec<_>>>()?;
        let v = match m {
            DirectMethod::ListAppend => {
                // the argument's reference moves into the list
                let v = self.call_v("pyrt_list_append_owned", &[recv.into(), args[0].into()])?;
                self.decref(recv)?;
                v
            }
            DirectMethod::DictGet | DirectMethod::StrJoin => {
                let v = if m == DirectMethod::StrJoin {
                    self.call_v("pyrt_str_join", &[recv.into(), args[0].into()])?
                } else {
                    let dflt = args.get(1).copied().unwrap_or(self.i64c(0));
                    self.call_v("pyrt_dict_get_or", &[recv.into(), args[0].into(), dflt.into()])?
                };
                self.decref(recv)?;
                for a in &args {
                    self.decref(*a)?;
                }
                v
            }
        };
        self.check_null(v, pc, base)?;
        self.store_slot(base, v)
    }
}

/// Byte offsets read by `lower_len_call`: `ObjHeader.ty`, `TupleObj.len`, `StrObj.nchars`
/// (runtime types/tuple.rs and types/str.rs assert them).
const TYPE_OFFSET: u64 = 8;
const TUPLE_LEN_OFFSET: u64 = 16;
const STR_NCHARS_OFFSET: u64 = 24;
/// `StrObj.data`: the text pointer, then the length word whose bit 0 is the ASCII flag
/// (asserted in runtime types/str.rs).
const STR_PTR_OFFSET: u64 = 32;
const STR_BITS_OFFSET: u64 = 40;
/// Words of a `RangeIterObj` (runtime types/range.rs, offsets asserted in abi.rs):
/// refcount, type, next, step, remaining, big (0: the small form).
const RANGE_ITER_WORDS: u32 = 6;

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// `Call(1)` at `pc` (stack depth `d`) of the global `len`: when the callee is the
    /// built-in and the argument an exact list, tuple or str, the length is read inline
    /// (the call level CPython's `len` counts is checked first: at the recursion limit
    /// the call raises); anything else is an ordinary call.
    pub fn lower_len_call(&mut self, pc: usize, d: u32) -> R<()> {
        self.lower_inline_builtin_call(pc, d, "pyrt_len_builtin", |this, arg, slow| {
            let ty = this.load_word_at(arg, this.i64c(TYPE_OFFSET), "ty")?;
            let list_ty = this.list_layout_word(0)?;
            let len_off = this.list_layout_word(2)?;
            let tuple_ty = this.startup_global("pyrt_tuple_type")?;
            let str_ty = this.startup_global("pyrt_str_type")?;
            // the word holding the length: a list's (found at start-up), a tuple's, a str's
            let is_list = this.b.build_int_compare(IntPredicate::EQ, ty, list_ty, "")?;
            let is_tuple = this.b.build_int_compare(IntPredicate::EQ, ty, tuple_ty, "")?;
            let is_str = this.b.build_int_compare(IntPredicate::EQ, ty, str_ty, "")?;
            let off = this.b.build_select(is_tuple, this.i64c(TUPLE_LEN_OFFSET), this.i64c(STR_NCHARS_OFFSET), "")?.into_int_value();
            let off = this.b.build_select(is_list, len_off, off, "lenat")?.into_int_value();
            let known = this.b.build_or(this.b.build_or(is_list, is_tuple, "")?, is_str, "")?;
            // a list whose layout was not found has type word 0: never equal
            let read = this.new_block("len_read");
            this.b.build_conditional_branch(known, read, slow)?;
            this.b.position_at_end(read);
            this.load_word_at(arg, off, "len")
        })
    }

    /// `Call(1)` at `pc` (stack depth `d`) of the global `ord`: when the callee is the
    /// built-in (below the recursion limit, as for `len`) and the argument an exact str of
    /// one ASCII character, the result is that byte as a tagged int; anything else is an
    /// ordinary call.
    pub fn lower_ord_call(&mut self, pc: usize, d: u32) -> R<()> {
        self.lower_inline_builtin_call(pc, d, "pyrt_ord_builtin", |this, arg, slow| {
            let ty = this.load_word_at(arg, this.i64c(TYPE_OFFSET), "ty")?;
            let str_ty = this.startup_global("pyrt_str_type")?;
            let is_str = this.b.build_int_compare(IntPredicate::EQ, ty, str_ty, "")?;
            let str_block = this.new_block("ord_str");
            // the str's own fields are read only once its type is known
            this.b.build_conditional_branch(is_str, str_block, slow)?;
            this.b.position_at_end(str_block);
            let nchars = this.load_word_at(arg, this.i64c(STR_NCHARS_OFFSET), "nchars")?;
            let one = this.b.build_int_compare(IntPredicate::EQ, nchars, this.i64c(1), "")?;
            let bits = this.load_word_at(arg, this.i64c(STR_BITS_OFFSET), "bits")?;
            let ascii = this.b.build_int_compare(IntPredicate::NE, this.b.build_and(bits, this.i64c(1), "")?, this.i64c(0), "")?;
            let read = this.new_block("ord_read");
            this.b.build_conditional_branch(this.b.build_and(one, ascii, "")?, read, slow)?;
            this.b.position_at_end(read);
            let text = this.load_word_at(arg, this.i64c(STR_PTR_OFFSET), "text")?;
            let i8p = this.ctx.i8_type().ptr_type(inkwell::AddressSpace::default());
            let p = this.b.build_int_to_ptr(text, i8p, "")?;
            let byte = this.b.build_load(p, "byte")?.into_int_value();
            Ok(this.b.build_int_z_extend(byte, this.ctx.i64_type(), "")?)
        })
    }

    /// The frame of an inline one-argument built-in call (`Call(1)` at `pc`, depth `d`):
    /// when the callee is the built-in whose start-up word is `builtin` (`calls_builtin`)
    /// and the argument a heap object, `read` (positioned in a fresh block, given the
    /// argument and the slow block to branch to when it does not apply) yields the
    /// result as a machine int, stored tagged; otherwise, an ordinary call.
    fn lower_inline_builtin_call(
        &mut self,
        pc: usize,
        d: u32,
        builtin: &str,
        read: impl FnOnce(&mut Self, inkwell::values::IntValue<'ctx>, inkwell::basic_block::BasicBlock<'ctx>) -> R<inkwell::values::IntValue<'ctx>>,
    ) -> R<()> {
        let base = d - 3;
        let m = self.load_slot(base)?;
        let callee = self.load_slot(base + 1)?;
        let arg = self.load_slot(base + 2)?;
        let want = self.startup_global(builtin)?;
        let fast = self.new_block("inline_call");
        let slow = self.new_block("inline_call_slow");
        let join = self.new_block("inline_call_join");
        let tag = self.b.build_and(arg, self.i64c(1), "")?;
        let heap = self.b.build_int_compare(IntPredicate::EQ, tag, self.i64c(0), "")?;
        let ok = self.b.build_and(self.calls_builtin(m, callee, want)?, heap, "")?;
        self.b.build_conditional_branch(ok, fast, slow)?;

        self.b.position_at_end(fast);
        let n = read(self, arg, slow)?;
        let r = self.b.build_or(self.b.build_left_shift(n, self.i64c(1), "")?, self.i64c(1), "")?;
        self.decref(arg)?;
        self.decref(callee)?;
        self.store_slot(base, r)?;
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(slow);
        self.lower_call_positional(pc, d, 1)?;
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        Ok(())
    }

    /// i1: a plain call (no method word `m`) whose `callee` is the built-in `want`, made
    /// below the recursion limit: the guard of the inline built-in calls.
    fn calls_builtin(&self, m: inkwell::values::IntValue<'ctx>, callee: inkwell::values::IntValue<'ctx>, want: inkwell::values::IntValue<'ctx>) -> R<inkwell::values::IntValue<'ctx>> {
        let plain = self.b.build_int_compare(IntPredicate::EQ, m, self.i64c(0), "")?;
        let same = self.b.build_int_compare(IntPredicate::EQ, callee, want, "")?;
        let below = self.below_recursion_limit()?;
        Ok(self.b.build_and(self.b.build_and(plain, same, "")?, below, "")?)
    }

    /// i1: the thread's call level is below the recursion limit, so a built-in called
    /// here would not raise RecursionError (CPython counts a level for `len`, and for
    /// the comparison `range` makes).
    pub(super) fn below_recursion_limit(&self) -> R<inkwell::values::IntValue<'ctx>> {
        let ts = super::function::thread_state(self.ctx, self.module, &self.b)?;
        let depth = self.b.build_load(super::function::tstate_depth(self.ctx, &self.b, ts)?, "depth")?.into_int_value();
        let limit = super::function::load_runtime_flag(self.ctx, self.module, &self.b, "pyrt_recursion_limit")?;
        Ok(self.b.build_int_compare(IntPredicate::ULT, depth, limit, "")?)
    }

    /// `Call(n)` at `pc` (stack depth `d`, n = 1 or 2) of the global `range`, whose result
    /// a `for` loop iterates (module doc): when the callee is the built-in and the bounds
    /// tagged ints, the iterator is written into this site's stack block; anything else
    /// is an ordinary call.
    pub fn lower_range_loop_call(&mut self, pc: usize, d: u32, n: u32) -> R<()> {
        let base = d - n - 2;
        let m = self.load_slot(base)?;
        let callee = self.load_slot(base + 1)?;
        let bounds = (0..n).map(|k| self.load_slot(base + 2 + k)).collect::<R<Vec<_>>>()?;
        let want = self.startup_global("pyrt_range_type")?;
        let fast = self.new_block("range_fast");
        let slow = self.new_block("range_slow");
        let join = self.new_block("range_join");
        let all_bits = bounds.iter().try_fold(self.i64c(1), |acc, v| self.b.build_and(acc, *v, ""))?;
        let tagged = self.b.build_int_compare(IntPredicate::NE, self.b.build_and(all_bits, self.i64c(1), "")?, self.i64c(0), "")?;
        let ok = self.b.build_and(self.calls_builtin(m, callee, want)?, tagged, "")?;
        self.b.build_conditional_branch(ok, fast, slow)?;

        self.b.position_at_end(fast);
        let untag = |v| self.b.build_right_shift(v, self.i64c(1), true, "");
        let start = if n == 2 { untag(bounds[0])? } else { self.i64c(0) };
        let stop = untag(bounds[n as usize - 1])?;
        // 63-bit bounds: the difference cannot overflow
        let ahead = self.b.build_int_compare(IntPredicate::SGT, stop, start, "")?;
        let len = self.b.build_select(ahead, self.b.build_int_sub(stop, start, "")?, self.i64c(0), "len")?.into_int_value();
        let block = self.range_iter_block()?;
        let ty = self.startup_global("pyrt_range_iter_type")?;
        let words = [self.i64c(2 * super::fastpath::IMMORTAL), ty, start, self.i64c(1), len, self.i64c(0)];
        for (i, w) in words.into_iter().enumerate() {
            self.b.build_store(self.global_word(block, i as u32)?, w)?;
        }
        self.decref(callee)?;
        let it = self.b.build_ptr_to_int(block, self.ctx.i64_type(), "rangeit")?;
        self.store_slot(base, it)?;
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(slow);
        self.lower_call_positional(pc, d, n)?;
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        Ok(())
    }

    /// A `RangeIterObj`-sized block in this native frame's stack memory (an `alloca` in
    /// the entry block, so a loop reuses it). One per site: a site runs again only once
    /// the loop that used its last iterator has ended.
    fn range_iter_block(&self) -> R<inkwell::values::PointerValue<'ctx>> {
        let func = self.b.get_insert_block().and_then(|bb| bb.get_parent()).expect("positioned");
        let entry = func.get_first_basic_block().expect("has an entry block");
        let eb = self.ctx.create_builder();
        match entry.get_first_instruction() {
            Some(first) => eb.position_before(&first),
            None => eb.position_at_end(entry),
        }
        Ok(eb.build_alloca(self.ctx.i64_type().array_type(RANGE_ITER_WORDS), "rangeitmem")?)
    }
}
