//! Locals of a known built-in type, and the method calls on them lowered to direct runtime
//! calls (`parts.append(x)`, `counts.get(w, 0)`): no attribute cache, no call-site guard,
//! no method dispatch.
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
//! A method call is lowered directly when its receiver is pushed by a `LoadFast` of such a
//! local right before the `LoadMethod`, and the `Call` consuming the pair is found by the
//! static stack depths: every instruction in between touches only stack slots above the
//! pair (`unboxed::stack_use`) and the `Call` takes exactly the pair and its arguments.

use inkwell::IntPredicate;

use super::function::{jump_target, Lower, R};
use crate::fe::{CodeObject, Instr};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Known {
    List,
    Dict,
}

/// A method call lowered to a runtime function (`Lower::lower_direct_method`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DirectMethod {
    /// `list.append(x)`
    ListAppend,
    /// `dict.get(k)` / `dict.get(k, default)`
    DictGet,
}

impl DirectMethod {
    fn of(known: Known, name: &str, nargs: u32) -> Option<DirectMethod> {
        match (known, name, nargs) {
            (Known::List, "append", 1) => Some(DirectMethod::ListAppend),
            (Known::Dict, "get", 1 | 2) => Some(DirectMethod::DictGet),
            _ => None,
        }
    }
}

/// Per pc: the direct lowering of a `LoadMethod` (receiver stays, no look-up) and of the
/// `Call` that consumes it (empty when the fast paths are off).
#[derive(Default)]
pub struct DirectCalls {
    load_method: Vec<bool>,
    call: Vec<Option<DirectMethod>>,
    /// Per pc: a `Call(1)` whose callee is the global `len`.
    len_call: Vec<bool>,
}

impl DirectCalls {
    /// Is the `LoadMethod` at `pc` lowered directly?
    pub fn load_method_at(&self, pc: usize) -> bool {
        self.load_method.get(pc).copied().unwrap_or(false)
    }

    /// Does the `Call(1)` at `pc` call what the global `len` names?
    pub fn len_call_at(&self, pc: usize) -> bool {
        self.len_call.get(pc).copied().unwrap_or(false)
    }

    /// The direct method the `Call` at `pc` makes, if any.
    pub fn call_at(&self, pc: usize) -> Option<DirectMethod> {
        self.call.get(pc).copied().flatten()
    }

    pub fn compute(code: &CodeObject, depths: &[Option<u32>], leaders: &[bool], nparams: u32) -> DirectCalls {
        let n = code.instrs.len();
        let mut out = DirectCalls { load_method: vec![false; n], call: vec![None; n], len_call: vec![false; n] };
        for pc in 1..n {
            let (Instr::LoadGlobal(name), Instr::PushNull) = (code.instrs[pc], code.instrs[pc - 1]) else { continue };
            let (false, Some(d)) = (leaders[pc], depths[pc]) else { continue };
            if code.names.get(name as usize).map(String::as_str) != Some("len") {
                continue;
            }
            if let Some((call_pc, 1)) = consuming_call(code, depths, leaders, pc, d) {
                out.len_call[call_pc] = true;
            }
        }
        let known = known_locals(code, leaders, nparams);
        if known.iter().all(Option::is_none) {
            return out;
        }
        for pc in 1..n {
            let (Instr::LoadMethod(name), Instr::LoadFast(i)) = (code.instrs[pc], code.instrs[pc - 1]) else { continue };
            let (Some(Some(kind)), false, Some(d)) = (known.get(i as usize), leaders[pc], depths[pc]) else { continue };
            let Some(name) = code.names.get(name as usize) else { continue };
            let Some((call_pc, nargs)) = consuming_call(code, depths, leaders, pc, d) else { continue };
            if let Some(m) = DirectMethod::of(*kind, name, nargs) {
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
            DirectMethod::DictGet => {
                let dflt = args.get(1).copied().unwrap_or(self.i64c(0));
                let v = self.call_v("pyrt_dict_get_or", &[recv.into(), args[0].into(), dflt.into()])?;
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

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// `Call(1)` at `pc` (stack depth `d`) of the global `len`: when the callee is the
    /// built-in and the argument an exact list, tuple or str, the length is read inline
    /// (the call level CPython's `len` counts is checked first: at the recursion limit
    /// the call raises); anything else is an ordinary call.
    pub fn lower_len_call(&mut self, pc: usize, d: u32) -> R<()> {
        let base = d - 3;
        let m = self.load_slot(base)?;
        let callee = self.load_slot(base + 1)?;
        let arg = self.load_slot(base + 2)?;
        let want = self.startup_global("pyrt_len_builtin")?;
        let fast = self.new_block("len_fast");
        let slow = self.new_block("len_slow");
        let join = self.new_block("len_join");
        let plain = self.b.build_int_compare(IntPredicate::EQ, m, self.i64c(0), "")?;
        let same = self.b.build_int_compare(IntPredicate::EQ, callee, want, "")?;
        let tag = self.b.build_and(arg, self.i64c(1), "")?;
        let heap = self.b.build_int_compare(IntPredicate::EQ, tag, self.i64c(0), "")?;
        let ts = super::function::thread_state(self.ctx, self.module, &self.b)?;
        let depth = self.b.build_load(super::function::tstate_depth(self.ctx, &self.b, ts)?, "depth")?.into_int_value();
        let limit = super::function::load_runtime_flag(self.ctx, self.module, &self.b, "pyrt_recursion_limit")?;
        let below = self.b.build_int_compare(IntPredicate::ULT, depth, limit, "")?;
        let ok = self.b.build_and(self.b.build_and(plain, same, "")?, self.b.build_and(heap, below, "")?, "")?;
        self.b.build_conditional_branch(ok, fast, slow)?;

        self.b.position_at_end(fast);
        let ty = self.load_word_at(arg, self.i64c(TYPE_OFFSET), "ty")?;
        let list_ty = self.list_layout_word(0)?;
        let len_off = self.list_layout_word(2)?;
        let tuple_ty = self.startup_global("pyrt_tuple_type")?;
        let str_ty = self.startup_global("pyrt_str_type")?;
        // the word holding the length: a list's (found at start-up), a tuple's, a str's
        let is_list = self.b.build_int_compare(IntPredicate::EQ, ty, list_ty, "")?;
        let is_tuple = self.b.build_int_compare(IntPredicate::EQ, ty, tuple_ty, "")?;
        let is_str = self.b.build_int_compare(IntPredicate::EQ, ty, str_ty, "")?;
        let off = self.b.build_select(is_tuple, self.i64c(TUPLE_LEN_OFFSET), self.i64c(STR_NCHARS_OFFSET), "")?.into_int_value();
        let off = self.b.build_select(is_list, len_off, off, "lenat")?.into_int_value();
        let known = self.b.build_or(self.b.build_or(is_list, is_tuple, "")?, is_str, "")?;
        // a list whose layout was not found has type word 0: never equal
        let read = self.new_block("len_read");
        self.b.build_conditional_branch(known, read, slow)?;
        self.b.position_at_end(read);
        let n = self.load_word_at(arg, off, "len")?;
        let r = self.b.build_or(self.b.build_left_shift(n, self.i64c(1), "")?, self.i64c(1), "lenv")?;
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
}
