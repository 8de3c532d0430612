//! Loop versioning: a typed copy of simple inner loops.
//!
//! The generic lowering keeps every value dual (an object, a tagged small int or an
//! unboxed float; unboxed.rs) and tests the representation at each use. An innermost
//! `while`, `for ... in range(...)` or `for ... in <list>` loop whose instructions are all
//! arithmetic and comparisons on locals, constants and globals, list items read and
//! updated by index, calls of small straight-line module functions and of `math`
//! functions (`while i < MAX_ITER and tr + ti <= 4.0: ...`, `for j in range(n): total +=
//! a(i, j) * v[j]`, `for a, b in pairs: ... a[3] -= dx * bm`) also gets a *typed copy*:
//! each local it touches has one static type — `Float` for a local with an f64 home (the
//! float plan's choice) or a number it only reads (`LoopCopy::nums`), `Obj` for a list
//! (one it only reads, or one its head binds each iteration: `LoopCopy::bound_lists`),
//! `Int` (a tagged small int) for every other — and the copy works on raw `f64`s and
//! tagged words with no representation tests, no calls and no stores the runtime could
//! see but in-place list item updates that release nothing, so LLVM keeps the loop's
//! values, the iteration counters and the lists' lengths in registers. Calls are inlined:
//! the callee's bytecode runs on the copy's values.
//!
//! Entry: the generic code at the loop head tests, each time it passes there, that every
//! local the loop touches holds its type (an `Int` local a tagged word, a `Float` local its
//! home's unboxed tag `&home | 2`, an `Obj` local an object) and, for a `for` head, that
//! the iterator is a small-int range iterator or a live list iterator; then it enters the
//! copy. What cannot change while the copy runs is checked once there
//! (`copy_invariants`): each global still cached (a small int, the function an inlined
//! call expects by the call site's cache, the `math` function a module attribute site
//! holds), each read-only list local a list (its items pointer and length kept), each
//! number local's value, each bound list local's old value safe to release on leaving.
//!
//! Leaving: an exit edge of the loop, and any *guard* of the copy that fails (an int
//! operation overflowing, a float division by zero, an index out of range, an item of
//! another type, the iterator running out, the eval breaker set at the back-edge), writes
//! the copy's state back (an `Int` local's word into the frame's mirror, a `Float`
//! local's number into its home — their words are unchanged —, a bound list local's list
//! into the frame, and the iterator's counters) and continues in the generic code. A guard
//! resumes the generic code at the start of its statement (a pc at the loop's base stack
//! depth): the copy stores a local or a list item only as the last instruction of a
//! statement, and nothing else it does has an effect, so re-running the statement
//! generically is exact — the overflow then makes a big int, the division raises
//! ZeroDivisionError with CPython's traceback (inside the real callee, for an inlined
//! call). Those statement starts are made block leaders of the generic code
//! (`restart_pcs`). A guard in the head's item block (the instructions binding a `for`
//! head's item, before the first statement) resumes at the generic item block with the
//! item pushed back (`leave_with_item`), as the `ForIter` cannot run again. A guard
//! failing at the loop head resumes past the entry test (`CopyState::resume_head`), so it
//! cannot re-enter the copy at once. docs/architecture.md, "Typed loop copies", has the
//! reasons. `PYC_DEBUG_COPIES=1` at build time prints each candidate loop and its copy
//! (or None).
//!
//! This file holds the analysis (which loops get a copy, and each local's type in it);
//! `lower.rs` beside it emits the copy.

use std::collections::HashMap;

use super::fastpath::{SMALL_INT_MAX, SMALL_INT_MIN};
use super::function::jump_target;
use super::unboxed::FloatPlan;
use crate::fe::{code_flags, BinOp, CmpOp, CodeObject, Constant, Instr};

mod lower;

/// The analysis names cell `i`'s contents as local `DEREF + i` (they are retyped as
/// locals are).
const DEREF: u32 = 1 << 24;

/// The static type of a value in a loop's typed copy.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    /// A tagged small int word.
    Int,
    Float,
    /// The i1 outcome of a comparison.
    Bool,
    /// A list the loop reads and stores items of, borrowed from its local.
    Obj,
    /// An item of a list or tuple of no static type yet (the head's item, an unpacked
    /// item), borrowed: its consumer (`StoreFast`, `UnpackSequence`) checks its type.
    Any,
    /// The NULL `PushNull` pushes below a callee.
    Null,
    /// A module function the copy inlines (pushed by `LoadGlobal`).
    Func,
    /// `math.<INLINE_MATH_FUNCS[k]>` (a `LoadGlobal` of the module, a `LoadMethod`).
    Math(u8),
    /// The constant None (a slice bound).
    NoneConst,
    /// `seq[k::-1]` of a list local, only stored back as `seq[:k + 1] = seq[k::-1]`:
    /// reversing the list's first k+1 items in place.
    Reversed,
}

/// What a copied loop's head is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Head {
    /// A `while` loop's test.
    While,
    /// `ForIter` over a small-int range iterator.
    Range,
    /// `ForIter` over a list iterator.
    List,
}

/// A loop that gets a typed copy: the pcs `head..=back` (`back` holds the `Jump(head)`).
#[derive(Debug)]
pub struct LoopCopy {
    pub head: usize,
    pub back: usize,
    /// The loop's stack depth at statement starts.
    base: u32,
    /// The locals the loop touches, with their types, in local order.
    locals: Vec<(u32, Ty)>,
    /// The `Obj` locals the loop binds (each iteration, from its head's item): lists
    /// held in variables of the copy and bound in the frame on leaving.
    bound_lists: Vec<u32>,
    /// The `Float` locals without an f64 home: numbers the loop only reads (an int or a
    /// float, read once on entering; the analysis's `num`).
    nums: Vec<u32>,
    /// The cells the loop reads (`LoadDeref`), with the type of their contents (`Int` or
    /// `Obj`, a list): invariant while the copy runs, read on entering.
    derefs: Vec<(u32, Ty)>,
    /// The head's kind; a `ForIter` head's iterator is in stack slot `base - 1`.
    kind: Head,
    /// Per pc: the type of the item a `BinarySubscr` reads, of the global a `LoadGlobal`
    /// pushes.
    types: HashMap<usize, Ty>,
    /// The pcs of `Call`s the copy inlines, with their callee's name and the pc of the
    /// `LoadGlobal` that pushes it.
    inlined: HashMap<usize, (String, usize)>,
    /// The pcs of `Call`s of `math` functions, with the function's index.
    math_calls: HashMap<usize, u8>,
    /// The list local each `BinarySubscr` reads and each `StoreSubscr` writes, by pc.
    containers: HashMap<usize, u32>,
}

/// The typed copies of one code object's loops.
#[derive(Default)]
pub struct LoopCopies {
    pub loops: Vec<LoopCopy>,
}

/// The code of the small module function a name is bound to (calls.rs
/// `module_functions`), for the copy to inline.
pub type CalleeCode<'a> = &'a dyn Fn(&str) -> Option<&'a CodeObject>;

impl LoopCopies {
    /// The loops of `code` that get a typed copy, given the float plan (which locals
    /// have f64 homes and which list items are read as floats; without one, none), the
    /// block leaders and the module functions the copy may inline.
    pub fn find<'c>(code: &CodeObject, depths: &[Option<u32>], leaders: &[bool], plan: Option<&FloatPlan>, callee: CalleeCode<'c>) -> LoopCopies {
        let mut loops = Vec::new();
        for (back, ins) in code.instrs.iter().enumerate() {
            if let Instr::Jump(t) = *ins {
                let head = t as usize;
                if head < back {
                    let cx = Analysis { code, depths, leaders, plan, callee, head, back };
                    let got = cx.run();
                    if std::env::var_os("PYC_DEBUG_COPIES").is_some() {
                        eprintln!("loop {}..={} in {}: {:?}", head, back, code.name, got);
                    }
                    if let Some(l) = got {
                        loops.push(l);
                    }
                }
            }
        }
        // (only innermost loops qualify: `simulate` rejects a nested loop's head and
        // back-edge)
        LoopCopies { loops }
    }

    /// The pcs the typed copies may resume the generic code at (each must start a block).
    pub fn restart_pcs(&self, depths: &[Option<u32>]) -> Vec<usize> {
        let mut pcs = Vec::new();
        for l in &self.loops {
            pcs.extend((l.head..=l.back).filter(|&pc| depths[pc] == Some(l.base)));
        }
        pcs
    }

    /// The loop whose head is `pc`, if it has a copy.
    pub fn at_head(&self, pc: usize) -> Option<&LoopCopy> {
        self.loops.iter().find(|l| l.head == pc)
    }
}

/// Whether `code`'s pcs `head..=back` form a loop the typed copy can run, and how.
struct Analysis<'a, 'c> {
    code: &'a CodeObject,
    depths: &'a [Option<u32>],
    leaders: &'a [bool],
    plan: Option<&'a FloatPlan>,
    callee: CalleeCode<'c>,
    head: usize,
    back: usize,
}

/// A value on the analysis's stack: its type and the local or global that pushed it.
#[derive(Clone, Copy)]
struct AVal {
    ty: Ty,
    local: Option<u32>,
    global: Option<(usize, u32)>,
}

impl AVal {
    fn of(ty: Ty) -> AVal {
        AVal { ty, local: None, global: None }
    }
}

impl Analysis<'_, '_> {
    fn run(&self) -> Option<LoopCopy> {
        let inside = |pc: usize| (self.head..=self.back).contains(&pc);
        // single entry: nothing outside jumps into the body; no handler covers it
        for (pc, ins) in self.code.instrs.iter().enumerate() {
            if let Some(t) = jump_target(ins) {
                if !inside(pc) && inside(t as usize) && t as usize != self.head {
                    return None;
                }
            }
        }
        if self.code.exception_table.iter().any(|h| (h.start as usize) <= self.back && self.head < h.end as usize) {
            return None;
        }
        // locals only read and used as containers are objects: found by re-running
        let mut retyped = Vec::new();
        for _ in 0..8 {
            match self.simulate(&retyped)? {
                Ok(l) => return Some(l),
                Err(r) => retyped.push(r),
            }
        }
        None
    }

    /// The loop under the assumption that the locals in `retyped` have the types given
    /// there (`Obj`: a list; `Float`: a float the loop only reads) and the others without
    /// an f64 home are ints; `Err((i, t))` when local `i` turns out to be used as a `t`.
    fn simulate(&self, retyped: &[(u32, Ty)]) -> Option<Result<LoopCopy, (u32, Ty)>> {
        let code = self.code;
        let base = self.depths[self.head]?;
        let inside = |pc: usize| (self.head..=self.back).contains(&pc);
        let nvar = code.varnames.len() as u32;
        let stores = |i: u32| (self.head..=self.back).filter(move |&pc| code.instrs[pc] == Instr::StoreFast(i));
        let local_ty = |i: u32| -> Option<Ty> {
            if i >= nvar {
                return None;
            }
            let home = self.plan.and_then(|p| p.home.get(i as usize).copied().flatten());
            // (a local with a home holds its floats unboxed; it may hold a list too)
            Some(if let Some(&(_, t)) = retyped.iter().rfind(|(j, _)| *j == i) {
                t
            } else if home.is_some() {
                Ty::Float
            } else {
                Ty::Int
            })
        };
        // A local taken for a float that may hold an int (converted on entering): sound
        // only as an operand of arithmetic with a float, where Python converts the int.
        // Any other use makes it an int again.
        let num = |v: &AVal| v.local.filter(|&i| retyped.iter().rfind(|(j, _)| *j == i).is_some_and(|(_, t)| *t == Ty::Float));
        let not_num = |vals: &[AVal]| -> Result<(), (u32, Ty)> {
            match vals.iter().find_map(num) {
                Some(i) => Err((i, Ty::Int)),
                None => Ok(()),
            }
        };
        let kind = match code.instrs[self.head] {
            Instr::ForIter(t) if !inside(t as usize) && base > 0 => {
                // `for i in range(...)` calls right before its `GetIter`
                let ranged = self.head >= 2 && matches!(code.instrs[self.head - 2], Instr::Call(_));
                if ranged { Head::Range } else { Head::List }
            }
            _ => Head::While,
        };
        let mut locals: Vec<(u32, Ty)> = Vec::new();
        let mut derefs: Vec<(u32, Ty)> = Vec::new();
        let mut bound_lists = Vec::new();
        let mut types = HashMap::new();
        let mut inlined = HashMap::new();
        let mut math_calls = HashMap::new();
        let mut containers = HashMap::new();
        let mut stack: Vec<AVal> = Vec::new();
        // the head's item block: the pcs binding the item, before the first statement
        let mut item_end = if kind == Head::While { Some(self.head) } else { None };
        for pc in self.head..=self.back {
            let d = self.depths[pc]?;
            // (the pc after a `ForIter` head starts a block, with the item pushed)
            let item_block = kind != Head::While && pc == self.head + 1;
            if (self.leaders[pc] && d != base && !item_block) || d != base + stack.len() as u32 {
                return None;
            }
            if stack.is_empty() && pc > self.head && item_end.is_none() {
                item_end = Some(pc);
            }
            let in_items = item_end.is_none();
            let ins = code.instrs[pc];
            match ins {
                Instr::Nop => {}
                Instr::ForIter(_) if pc == self.head && kind != Head::While => {
                    stack.push(AVal::of(if kind == Head::Range { Ty::Int } else { Ty::Any }));
                }
                Instr::LoadFast(i) => {
                    let t = local_ty(i)?;
                    if in_items {
                        return None;
                    }
                    note_local(&mut locals, i, t);
                    stack.push(AVal { ty: t, local: Some(i), global: None });
                }
                Instr::LoadDeref(i) => {
                    let t = retyped.iter().rfind(|(j, _)| *j == DEREF + i).map_or(Ty::Int, |&(_, t)| t);
                    if in_items || !matches!(t, Ty::Int | Ty::Obj) || i as usize >= code.cellvars.len() + code.freevars.len() {
                        return None;
                    }
                    note_local(&mut derefs, i, t);
                    stack.push(AVal { ty: t, local: Some(DEREF + i), global: None });
                }
                Instr::StoreFast(i) => {
                    let t = local_ty(i)?;
                    let v = stack.pop()?;
                    if let Err(e) = not_num(&[v]) {
                        return Some(Err(e));
                    }
                    let v = v.ty;
                    match (v, t) {
                        // an item binds a list local only in the item block
                        (Ty::Any, Ty::Obj) if in_items => {
                            if !bound_lists.contains(&i) {
                                bound_lists.push(i);
                            }
                        }
                        (Ty::Any, Ty::Int | Ty::Float) if in_items => {}
                        (Ty::Any, _) => return None,
                        _ if v == t && t != Ty::Obj => {}
                        // a local with a home that the loop binds to ints (`d1 = row + col`)
                        (Ty::Int, Ty::Float) if !retyped.iter().any(|(j, _)| *j == i) => return Some(Err((i, Ty::Int))),
                        _ => return None,
                    }
                    if !stack.is_empty() && !in_items {
                        return None;
                    }
                    note_local(&mut locals, i, t);
                }
                Instr::UnpackSequence(n) if in_items && n > 0 => {
                    if stack.pop()?.ty != Ty::Any {
                        return None;
                    }
                    stack.extend((0..n).map(|_| AVal::of(Ty::Any)));
                }
                Instr::Copy(n) => {
                    let v = *stack.get(stack.len().checked_sub(n as usize)?)?;
                    stack.push(v);
                }
                Instr::Swap(n) => {
                    let k = stack.len().checked_sub(n as usize)?;
                    let top = stack.len() - 1;
                    stack.swap(k, top);
                }
                Instr::LoadConst(c) if matches!(code.consts.get(c as usize), Some(Constant::None)) => stack.push(AVal::of(Ty::NoneConst)),
                Instr::LoadConst(c) => stack.push(AVal::of(const_type(code, c)?)),
                Instr::PushNull => stack.push(AVal::of(Ty::Null)),
                Instr::BinarySlice(3) => {
                    // `seq[k::-1]`: the step a constant -1
                    let minus_one = matches!(code.instrs[pc - 1], Instr::LoadConst(c) if matches!(code.consts.get(c as usize), Some(Constant::Int(-1))));
                    let (_, stop, start, seq) = (stack.pop()?, stack.pop()?, stack.pop()?, stack.pop()?);
                    if !minus_one || start.ty != Ty::Int || stop.ty != Ty::NoneConst {
                        return None;
                    }
                    match (seq.ty, seq.local) {
                        (Ty::Obj, Some(i)) => {
                            containers.insert(pc, i);
                            stack.push(AVal { ty: Ty::Reversed, local: Some(i), global: None });
                        }
                        (Ty::Int | Ty::Float, Some(i)) if stores(i).next().is_none() => return Some(Err((i, Ty::Obj))),
                        _ => return None,
                    }
                }
                Instr::StoreSlice(2) => {
                    // `seq[:k + 1] = seq[k::-1]`, a statement of its own
                    let (stop, start, seq, value) = (stack.pop()?, stack.pop()?, stack.pop()?, stack.pop()?);
                    let same = seq.ty == Ty::Obj && seq.local.is_some() && value.ty == Ty::Reversed && value.local == seq.local;
                    if !same || start.ty != Ty::NoneConst || stop.ty != Ty::Int || !stack.is_empty() {
                        return None;
                    }
                    containers.insert(pc, seq.local?);
                }
                Instr::LoadGlobal(i) => {
                    types.insert(pc, Ty::Int);
                    stack.push(AVal { ty: Ty::Int, local: None, global: Some((pc, i)) });
                }
                Instr::LoadMethod(_) => {
                    // `math.sqrt`: the module's attribute, guarded on entering
                    let k = super::unboxed::math_name(code, ins)?;
                    let m = stack.pop()?;
                    let (gpc, name) = m.global?;
                    if gpc + 1 != pc || code.names.get(name as usize)? != "math" {
                        return None;
                    }
                    types.insert(gpc, Ty::Math(k));
                    stack.push(AVal::of(Ty::Null));
                    stack.push(AVal::of(Ty::Math(k)));
                }
                Instr::Call(n) => {
                    let k = stack.len().checked_sub(n as usize + 2)?;
                    let (null, f) = (stack[k], stack[k + 1]);
                    if let Err(e) = not_num(&stack[k + 2..]) {
                        return Some(Err(e));
                    }
                    let args: Vec<Ty> = stack[k + 2..].iter().map(|v| v.ty).collect();
                    if null.ty != Ty::Null {
                        return None;
                    }
                    let r = if let Ty::Math(m) = f.ty {
                        if !matches!(args[..], [Ty::Int | Ty::Float]) {
                            return None;
                        }
                        math_calls.insert(pc, m);
                        Ty::Float
                    } else {
                        let (gpc, name) = f.global?;
                        let name = code.names.get(name as usize)?;
                        let r = callee_type((self.callee)(name)?, &args)?;
                        types.insert(gpc, Ty::Func);
                        inlined.insert(pc, (name.clone(), gpc));
                        r
                    };
                    stack.truncate(k);
                    stack.push(AVal::of(r));
                }
                Instr::BinarySubscr | Instr::StoreSubscr => {
                    let index = stack.pop()?;
                    let seq = stack.pop()?;
                    if index.ty != Ty::Int {
                        return None;
                    }
                    if seq.ty != Ty::Obj {
                        // a local read as a list: an object local when it is not bound
                        // in the loop, or bound only by the item block
                        return match seq.local {
                            Some(i) if matches!(seq.ty, Ty::Int | Ty::Float) && stores(i).all(|s| item_end.is_some_and(|e| s < e)) => Some(Err((i, Ty::Obj))),
                            _ => None,
                        };
                    }
                    containers.insert(pc, seq.local?);
                    if ins == Instr::StoreSubscr {
                        // the statement's only effect, at its end
                        let v = stack.pop()?;
                        if let Err(e) = not_num(&[v]) {
                            return Some(Err(e));
                        }
                        if !matches!(v.ty, Ty::Int | Ty::Float) || !stack.is_empty() {
                            return None;
                        }
                        continue;
                    }
                    let float = self.plan.is_some_and(|p| p.unboxed_result.get(pc).copied().unwrap_or(false));
                    // an item only tested for truth (`if cols[c] or ...`) may be a bool
                    let tested = matches!(code.instrs.get(pc + 1), Some(Instr::PopJumpIfTrue(_) | Instr::PopJumpIfFalse(_)));
                    let t = if float { Ty::Float } else if tested { Ty::Any } else { Ty::Int };
                    types.insert(pc, t);
                    stack.push(AVal::of(t));
                }
                Instr::BinaryOp(_) | Instr::InplaceOp(_) | Instr::CompareOp(_) => {
                    let b = stack.pop()?;
                    let a = stack.pop()?;
                    // an int local the loop only reads, meeting a float in arithmetic:
                    // taken for a number (`num`)
                    let arith = !matches!(ins, Instr::CompareOp(_));
                    for (x, y) in [(a, b), (b, a)] {
                        if let (Ty::Int, Some(i), Ty::Float, true) = (x.ty, x.local, y.ty, arith) {
                            if i < nvar && stores(i).next().is_none() && !retyped.iter().any(|(j, _)| *j == i) {
                                return Some(Err((i, Ty::Float)));
                            }
                        }
                        if let Some(i) = num(&x) {
                            if !arith || y.ty != Ty::Float || num(&y).is_some() {
                                return Some(Err((i, Ty::Int)));
                            }
                        }
                    }
                    let t = match ins {
                        Instr::CompareOp(op) if op <= CmpOp::Ge as u32 && a.ty == b.ty && matches!(a.ty, Ty::Int | Ty::Float) => Ty::Bool,
                        Instr::CompareOp(_) => return None,
                        Instr::BinaryOp(op) | Instr::InplaceOp(op) => arith_type(BinOp::ALL.get(op as usize).copied()?, a.ty, b.ty)?,
                        _ => unreachable!(),
                    };
                    stack.push(AVal::of(t));
                }
                Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                    if !matches!(stack.pop()?.ty, Ty::Int | Ty::Float | Ty::Bool | Ty::Any) || !stack.is_empty() || (inside(t as usize) && (t as usize) <= pc) {
                        return None;
                    }
                }
                Instr::Jump(t) => {
                    let t = t as usize;
                    let ok = if pc == self.back { t == self.head } else { !inside(t) || t > pc };
                    if !ok || !stack.is_empty() {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        locals.sort_by_key(|(i, _)| *i);
        bound_lists.sort();
        derefs.sort_by_key(|(i, _)| *i);
        let nums = locals.iter().filter(|&&(i, t)| t == Ty::Float && self.plan.and_then(|p| p.home.get(i as usize).copied().flatten()).is_none()).map(|&(i, _)| i).collect();
        Some(Ok(LoopCopy { head: self.head, back: self.back, base, locals, bound_lists, nums, derefs, kind, types, inlined, math_calls, containers }))
    }
}

fn note_local(locals: &mut Vec<(u32, Ty)>, i: u32, t: Ty) {
    if !locals.iter().any(|(j, _)| *j == i) {
        locals.push((i, t));
    }
}

/// The type of constant `c` in a copy (a small int or a float), None for others.
fn const_type(code: &CodeObject, c: u32) -> Option<Ty> {
    match code.consts.get(c as usize)? {
        Constant::Int(x) if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(x) => Some(Ty::Int),
        Constant::Float(_) => Some(Ty::Float),
        _ => None,
    }
}

/// The result type of inlining `callee` with arguments of types `args`: a plain function
/// of straight-line arithmetic on its parameters, locals and constants that ends in its
/// only `ReturnValue`.
fn callee_type(callee: &CodeObject, args: &[Ty]) -> Option<Ty> {
    let plain = callee.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS | code_flags::GENERATOR | code_flags::COROUTINE | code_flags::ASYNC_GENERATOR) == 0
        && callee.kwonlyargcount == 0
        && callee.argcount as usize == args.len()
        && callee.cellvars.is_empty()
        && callee.freevars.is_empty()
        && callee.exception_table.is_empty()
        && args.iter().all(|t| matches!(t, Ty::Int | Ty::Float));
    if !plain {
        return None;
    }
    let mut locals: Vec<Option<Ty>> = vec![None; callee.varnames.len()];
    locals[..args.len()].iter_mut().zip(args).for_each(|(l, t)| *l = Some(*t));
    let mut stack: Vec<Ty> = Vec::new();
    for (pc, ins) in callee.instrs.iter().enumerate() {
        match *ins {
            Instr::Nop => {}
            Instr::LoadFast(i) => stack.push((*locals.get(i as usize)?)?),
            Instr::StoreFast(i) => *locals.get_mut(i as usize)? = Some(stack.pop()?),
            Instr::LoadConst(c) => stack.push(const_type(callee, c)?),
            Instr::BinaryOp(op) | Instr::InplaceOp(op) => {
                let b = stack.pop()?;
                let a = stack.pop()?;
                stack.push(arith_type(BinOp::ALL.get(op as usize).copied()?, a, b)?);
            }
            Instr::ReturnValue if pc + 1 == callee.instrs.len() && stack.len() == 1 => return stack.pop(),
            _ => return None,
        }
    }
    None
}

/// The type of `a op b` in a typed copy, None when the copy cannot compute it.
fn arith_type(op: BinOp, a: Ty, b: Ty) -> Option<Ty> {
    use BinOp::*;
    match (op, a, b) {
        (Add | Sub | Mul | And | Or | Xor | FloorDiv | Mod | LShift | RShift, Ty::Int, Ty::Int) => Some(Ty::Int),
        (Add | Sub | Mul | TrueDiv, Ty::Int | Ty::Float, Ty::Int | Ty::Float) if a == Ty::Float || b == Ty::Float => Some(Ty::Float),
        _ => None,
    }
}

