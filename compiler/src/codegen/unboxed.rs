//! Unboxed floats: which values of a function may stay raw `f64`s instead of float
//! objects (the plan, computed over the bytecode), and the IR that reads, writes and
//! boxes such values.
//!
//! A value is *dual*: its i64 word is either an object reference (or tagged small int)
//! or an **unboxed tag** — a word whose low two bits are `10`, which no object pointer
//! (8-aligned) or tagged int (low bit 1) has — and then its number lives in an f64
//! companion: for stack slot `k` the alloca `fslots[k]` (SSA after mem2reg), for a local
//! its *home*, one f64 of the frame-lifetime array `fhomes`. A stack value carries the
//! tag `2`; a local carries `&home | 2`, so the runtime, which sees locals through the
//! frame's mirror (`Frame::native_locals`), can read the number (`frame::raw_locals`
//! boxes it). The refcount helpers skip any word with a low bit set, so the unwinding
//! and exit paths release dual values correctly without knowing about them.
//!
//! Which values: the plan simulates the operand stack of each basic block and records,
//! for each instruction that can produce a float (`+ - * /`, a float constant, a load of
//! a shadowed local, a list item read by `v[i]`, a call of a `.regf` function), whether the one instruction that pops
//! its value takes an f64 (an arithmetic operator or comparison, a store to a local of
//! this function, a pop; for an item, not a pop nor a subscript store). Only
//! those produce unboxed values; every other consumer, and every value still on the
//! stack at the end of a block, gets an object as before. A local is *shadowed* (has a
//! home) when some store to it may receive an unboxed value. Reading a shadowed local
//! for a consumer that needs an object boxes its number once and keeps the box in the
//! local, so repeated reads do not allocate again.
//!
//! Returns: in a register-entry body (function.rs `lower_function`), `ReturnValue` of a
//! surely-float value (`Kind::Float`: `1.0 / x`, `x * 0.5`) takes an f64 too; the body
//! then returns `STACK_TAG` with the number in the module's `RETURNED_F64`
//! (`Lower::return_unboxed`). Its entries box it (`box_returned`), except `.regf`, which
//! only inlined call sites call (calls.rs `known_entry`): there a `Call` of such a
//! function is one more producer, whose consumer gets the number unboxed.
//!
//! Only function code whose locals live in registers with a mirror takes part
//! (not generators, not code that keeps its locals in the frame), and only at -O1+.

use inkwell::values::{FloatValue, IntValue, PointerValue};
use inkwell::IntPredicate;

use super::function::{jump_target, Lower, R};
use crate::fe::{BinOp, CmpOp, CodeObject, Constant, Instr, UnOp};

/// The unboxed tag of a stack value (locals use `&home | 2`).
pub const STACK_TAG: u64 = 2;

/// The module's internal global through which a register-entry body returns an unboxed
/// number (with `STACK_TAG` as its word) to its entry or to an inlined call site. One
/// per module is enough: the body stores it right before returning and its caller
/// loads it right after, with no Python code (so no other thread) in between.
const RETURNED_F64: &str = "pyc.returned_f64";

/// `RETURNED_F64`, declared on first use.
pub fn returned_f64<'ctx>(ctx: &'ctx inkwell::context::Context, module: &inkwell::module::Module<'ctx>) -> PointerValue<'ctx> {
    let g = module.get_global(RETURNED_F64).unwrap_or_else(|| {
        let g = module.add_global(ctx.f64_type(), None, RETURNED_F64);
        g.set_linkage(inkwell::module::Linkage::Internal);
        g.set_initializer(&ctx.f64_type().const_zero());
        g
    });
    g.as_pointer_value()
}

/// In an entry of a body that may return an unboxed number (`Lower::return_unboxed`):
/// the body's result `r` as an object, a new float for `STACK_TAG` (the body returns
/// no other word with those low bits).
pub fn box_returned<'ctx>(
    ctx: &'ctx inkwell::context::Context,
    module: &inkwell::module::Module<'ctx>,
    b: &inkwell::builder::Builder<'ctx>,
    r: IntValue<'ctx>,
) -> R<IntValue<'ctx>> {
    let unboxed = b.build_int_compare(IntPredicate::EQ, r, ctx.i64_type().const_int(STACK_TAG, false), "unboxed_ret")?;
    let num = b.build_load(returned_f64(ctx, module), "retf")?.into_float_value();
    box_if(ctx, module, b, unboxed, r, num, |_| Ok(()))
}

/// `v`, or a new float holding `f` when `unboxed` holds; `on_box` runs in the boxing
/// branch with the new float. Both the entries (`box_returned`) and function bodies
/// (`Lower::box_unboxed`) box this way.
fn box_if<'ctx>(
    ctx: &'ctx inkwell::context::Context,
    module: &inkwell::module::Module<'ctx>,
    b: &inkwell::builder::Builder<'ctx>,
    unboxed: IntValue<'ctx>,
    v: IntValue<'ctx>,
    f: FloatValue<'ctx>,
    on_box: impl FnOnce(IntValue<'ctx>) -> R<()>,
) -> R<IntValue<'ctx>> {
    let lower_error = |what: &str| super::function::LowerError(what.into());
    let from = b.get_insert_block().ok_or_else(|| lower_error("unpositioned builder"))?;
    let func = from.get_parent().ok_or_else(|| lower_error("block outside a function"))?;
    let boxbb = ctx.append_basic_block(func, "box");
    let join = ctx.append_basic_block(func, "boxed");
    b.build_conditional_branch(unboxed, boxbb, join)?;
    b.position_at_end(boxbb);
    let new = super::runtime_decls::runtime_fn(ctx, module, "pyrt_float_new").ok_or_else(|| lower_error("pyrt_float_new undeclared"))?;
    let o = b.build_call(new, &[f.into()], "box")?.try_as_basic_value().basic().ok_or_else(|| lower_error("pyrt_float_new returns void"))?.into_int_value();
    on_box(o)?;
    let box_end = b.get_insert_block().ok_or_else(|| lower_error("unpositioned builder"))?;
    b.build_unconditional_branch(join)?;
    b.position_at_end(join);
    let phi = b.build_phi(ctx.i64_type(), "obj")?;
    phi.add_incoming(&[(&v, from), (&o, box_end)]);
    Ok(phi.as_basic_value().into_int_value())
}

/// The unboxing decisions for one code object.
#[derive(Default)]
pub struct FloatPlan {
    /// Per pc: the value this instruction pushes may be left unboxed (its consumer
    /// takes an f64).
    pub unboxed_result: Vec<bool>,
    /// Per pc: which operands may arrive unboxed (bit 0: the top of the stack, bit 1:
    /// the one below).
    pub dual_operands: Vec<u8>,
    /// Per pc: this `LoadFast` pushes a borrowed reference (no incref): its consumer
    /// comes before anything that could raise or rebind the local.
    pub borrowed_push: Vec<bool>,
    /// Per pc: which operands are borrowed (bit j: j-th from the top); the consumer
    /// does not release them.
    pub borrowed_operands: Vec<u8>,
    /// Per pc: this `LoadAttr` pushes the value it finds inline borrowed (no incref):
    /// its object is a borrowed local (it keeps the value alive) and the test or
    /// comparison right after uses it before any code runs (`mark_borrowed_attrs`). A
    /// miss parks its owned result in `Lower::attr_pending`.
    pub borrowed_attr: Vec<bool>,
    /// Per pc: the operand (from the top) that is such a borrowed attribute value.
    pub attr_operand: Vec<Option<u8>>,
    /// Per pc: a `Call(1)` whose callee was loaded under a `MATH_FUNCS` name (index).
    pub math_call: Vec<Option<u8>>,
    /// Per local: index into the homes array when the local is shadowed.
    pub home: Vec<Option<u32>>,
    pub nhomes: u32,
    /// Some `ReturnValue` may return an unboxed number (`Lower::lower_return`): the
    /// body's entries box it, except the `.regf` entry that inlined call sites use.
    pub returns_unboxed: bool,
}

/// What the plan is told about the code's surroundings.
#[derive(Clone, Copy, Default)]
pub struct PlanContext<'p> {
    /// The code is a register-entry body (`function::lower_function`): its
    /// `ReturnValue` takes an f64, which the entries box (`Lower::lower_return`).
    pub float_return: bool,
    /// Per pc: a `Call` of a module function whose `.regf` entry returns unboxed numbers
    /// (`calls::known_entry`).
    pub float_calls: &'p [bool],
}

/// Does `op` have an inline float path that takes dual operands?
pub fn is_float_arith(op: u32) -> bool {
    matches!(BinOp::ALL.get(op as usize), Some(BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv))
}

/// The `math` functions a call site may compute inline (`Lower::lower_math_call`).
use crate::fe::INLINE_MATH_FUNCS as MATH_FUNCS;

/// How an instruction uses the stack, for the plan: `Some((pops, pushes, takes_f64))`
/// for instructions that touch only their own operands, None for anything else (which
/// may read deeper entries or move them: every live value then needs an object).
pub(super) fn stack_use(ins: Instr, eligible: &dyn Fn(u32) -> bool) -> Option<(u32, u32, bool)> {
    use Instr::*;
    Some(match ins {
        Nop => (0, 0, false),
        LoadFast(_) | LoadConst(_) | LoadGlobal(_) | LoadDeref(_) | PushNull | LoadClosure(_) => (0, 1, false),
        StoreFast(i) => (1, 0, eligible(i)),
        Pop => (1, 0, true),
        BinaryOp(op) | InplaceOp(op) => (2, 1, is_float_arith(op)),
        CompareOp(op) => (2, 1, op <= CmpOp::Ge as u32),
        IsOp(_) => (2, 1, false),
        UnaryOp(op) => (1, 1, op == UnOp::Neg as u32),
        LoadAttr(_) => (1, 1, false),
        LoadMethod(_) => (1, 2, false),
        StoreAttr(_) => (2, 0, false),
        BinarySubscr => (2, 1, false),
        StoreSubscr => (3, 0, false),
        BuildSlice(n) => (n, 1, false),
        BinarySlice(n) => (n + 1, 1, false),
        StoreSlice(n) => (n + 2, 0, false),
        Call(n) => (n + 2, 1, false),
        BuildTuple(n) | BuildList(n) => (n, 1, false),
        ReturnValue | PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpIfNone(_) | PopJumpIfNotNone(_) => (1, 0, false),
        _ => return None,
    })
}

/// What a value probably is, for deciding which locals get an f64 home: a store of a
/// `Float`-kind value gives its local a home. Ordered: a local's kind is the largest of
/// the kinds stored into it (so the inference below only ever raises kinds).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Kind {
    /// An int constant, or arithmetic on one and a non-float (`r -= 1`, `n * 2`).
    Int,
    Unknown,
    /// `+ - *` of two unknowns (`a[0] - b[0]`: worth keeping unboxed if it is a float),
    /// or of such a guess and anything: a float unless the local it is stored into is
    /// also used as an int (`int_evidence`), which `s = i + j` then `s + 1` shows.
    Guess,
    /// A float constant, `/`, a math call, or arithmetic with a float.
    Float,
}

/// The kind of `a op b` for an arithmetic `op` with an inline float path.
fn arith_kind(op: u32, a: Kind, b: Kind) -> Kind {
    if matches!(BinOp::ALL.get(op as usize), Some(BinOp::TrueDiv)) || a.max(b) == Kind::Float {
        Kind::Float
    } else if a.max(b) == Kind::Guess || (a, b) == (Kind::Unknown, Kind::Unknown) {
        Kind::Guess
    } else {
        Kind::Int
    }
}

/// Is an operand of `op` whose other operand is `other` used as an int: an integer
/// operator (`//`, `%`, shifts, bit operations) or an int partner (`s + 1`, `s * n` with
/// `n` an int local)?
fn int_use(op: u32, other: Val) -> bool {
    use BinOp::*;
    matches!(BinOp::ALL.get(op as usize), Some(FloorDiv | Mod | LShift | RShift | And | Or | Xor)) || other == Val::IntLike
}

/// What the plan knows about a value on the simulated stack.
#[derive(Clone, Copy, PartialEq)]
enum Val {
    Other,
    /// An int constant (or a local that only ever holds int-kind values).
    IntLike,
    /// Pushed by the instruction at this pc, which can leave it unboxed.
    Float(usize, Kind),
    /// Maybe `math.<MATH_FUNCS[k]>` (loaded by that name).
    MathFn(u8),
    /// A local pushed by the `LoadFast` at this pc, which may skip its incref.
    Borrow(usize),
}

/// Does `ins` accept a borrowed reference as its `j`-th operand from the top (it never
/// keeps the operand, and its lowering releases it only through `Lower::release`)?
fn accepts_borrowed(ins: Instr, j: u32) -> bool {
    match ins {
        Instr::LoadAttr(_) => j == 0,
        // the object: the inline store runs no code, the runtime path keeps it alive
        // through the local (`Lower::lower_store_attr`)
        Instr::StoreAttr(_) => j == 0,
        Instr::BinarySubscr | Instr::BinaryOp(_) | Instr::InplaceOp(_) => j < 2,
        // the object and the bounds, not a stored value (`Lower::lower_slice`)
        Instr::BinarySlice(n) | Instr::StoreSlice(n) => j <= n,
        Instr::CompareOp(op) => op <= CmpOp::Ge as u32 && j < 2,
        // an identity test reads two words and runs no code
        Instr::IsOp(_) => j < 2,
        _ => false,
    }
}

/// Can this instruction leave its result unboxed (when its consumer takes an f64)?
fn produces_float(code: &CodeObject, ins: Instr, eligible: &dyn Fn(u32) -> bool, float_call: bool) -> bool {
    match ins {
        Instr::Call(_) => float_call,
        Instr::BinaryOp(op) | Instr::InplaceOp(op) => is_float_arith(op),
        Instr::UnaryOp(op) => op == UnOp::Neg as u32,
        Instr::LoadFast(i) => eligible(i),
        Instr::LoadConst(i) => matches!(code.consts.get(i as usize), Some(Constant::Float(_))),
        // a list item that is an exact float (`Lower::lower_binary_subscr`)
        Instr::BinarySubscr => true,
        _ => false,
    }
}

/// The `MATH_FUNCS` index of the name an instruction loads, if any.
pub(super) fn math_name(code: &CodeObject, ins: Instr) -> Option<u8> {
    let i = match ins {
        Instr::LoadGlobal(i) | Instr::LoadAttr(i) | Instr::LoadMethod(i) => i,
        _ => return None,
    };
    let name = code.names.get(i as usize)?;
    MATH_FUNCS.iter().position(|m| m == name).map(|k| k as u8)
}

impl FloatPlan {
    /// The plan for `code`; `depths` are the static stack depths per pc (None:
    /// unreachable), `leaders` the pcs that start a basic block.
    pub fn compute(code: &CodeObject, depths: &[Option<u32>], leaders: &[bool], maybe_unbound: &[bool], cx: PlanContext) -> FloatPlan {
        // the kinds of the locals: from all-Int up to a fixed point (kinds only rise);
        // then only locals that got a home take part, so that loads of the others count
        // as objects everywhere (and may be borrowed)
        let nvar = code.varnames.len() as u32;
        let mut kinds = vec![Kind::Int; nvar as usize];
        for _ in 0..8 {
            let (_, next) = Self::simulate(code, depths, leaders, &|i| i < nvar, &kinds, None, cx);
            if next == kinds {
                break;
            }
            kinds = next;
        }
        let (first, _) = Self::simulate(code, depths, leaders, &|i| i < nvar, &kinds, None, cx);
        let homes = first.home;
        let (mut plan, _) =
            Self::simulate(code, depths, leaders, &|i| homes.get(i as usize).copied().flatten().is_some(), &kinds, Some(maybe_unbound), cx);
        plan.mark_borrowed_attrs(code, leaders);
        plan
    }

    /// `local.name` tested at once (`if self.flag:`, `not self.flag`), compared as the
    /// top operand (`self.x > other.x`) or to None, True or False by identity (`while
    /// p.link is not None:`, the constant between the load and the `is`): the
    /// attribute's value needs no reference of its own when the object is a borrowed
    /// local (the local holds the object, the object holds the value, and nothing runs
    /// between the load and the use) and the user is the next instruction, reached only
    /// from the load. The runtime paths of the truth test (`__bool__`, `__len__`) and of
    /// the comparison (`__eq__`, `__lt__`...), which may rebind the attribute, take a
    /// reference first (`Lower::own_attr_operand`). (An attribute below a constant,
    /// `self.count == 0`, measured no gain: mostly small ints, whose counts are not
    /// touched anyway.)
    fn mark_borrowed_attrs(&mut self, code: &CodeObject, leaders: &[bool]) {
        for pc in 0..code.instrs.len().saturating_sub(1) {
            if !matches!(code.instrs[pc], Instr::LoadAttr(_)) || self.borrowed_operands[pc] & 1 == 0 || leaders[pc + 1] {
                continue;
            }
            let user = code.instrs[pc + 1];
            let uses_at_once = matches!(
                user,
                Instr::PopJumpIfFalse(_) | Instr::PopJumpIfTrue(_) | Instr::PopJumpIfNone(_) | Instr::PopJumpIfNotNone(_)
            ) || user == Instr::UnaryOp(UnOp::Not as u32)
                || matches!(user, Instr::CompareOp(op) if op <= CmpOp::Ge as u32);
            if uses_at_once {
                self.borrowed_attr[pc] = true;
                self.attr_operand[pc + 1] = Some(0);
                self.borrowed_operands[pc + 1] |= 1;
            } else if super::ops::pushes_immortal_const(code, pc + 1)
                && matches!(code.instrs.get(pc + 2), Some(Instr::IsOp(_)))
                && !leaders.get(pc + 2).copied().unwrap_or(true)
            {
                // `p.link is None`: the identity test reads the value, runs no code
                self.borrowed_attr[pc] = true;
                self.attr_operand[pc + 2] = Some(1);
                self.borrowed_operands[pc + 2] |= 2;
            }
        }
    }

    fn simulate(
        code: &CodeObject,
        depths: &[Option<u32>],
        leaders: &[bool],
        eligible: &dyn Fn(u32) -> bool,
        kinds: &[Kind],
        borrow: Option<&[bool]>,
        cx: PlanContext,
    ) -> (FloatPlan, Vec<Kind>) {
        let n = code.instrs.len();
        let nvar = code.varnames.len() as u32;
        let mut plan = FloatPlan {
            unboxed_result: vec![false; n],
            dual_operands: vec![0u8; n],
            borrowed_push: vec![false; n],
            borrowed_operands: vec![0u8; n],
            borrowed_attr: vec![false; n],
            attr_operand: vec![None; n],
            math_call: vec![None; n],
            home: vec![None; code.nlocalsplus()],
            nhomes: 0,
            returns_unboxed: false,
        };
        // the largest kind stored into each local
        let mut stored = vec![Kind::Int; nvar as usize];
        // locals read as an operand of an int operation (`int_use`)
        let mut int_evidence = vec![false; nvar as usize];
        // stores to local `i` that may receive an unboxed value of float kind
        let mut stores_float = vec![false; nvar as usize];
        let mut stack: Vec<Val> = Vec::new();
        for pc in 0..n {
            let Some(d) = depths[pc] else { continue };
            if leaders[pc] || stack.len() != d as usize {
                stack = vec![Val::Other; d as usize];
            }
            let ins = code.instrs[pc];
            let math = match ins {
                Instr::Call(1) if stack.len() >= 3 => match stack[stack.len() - 2] {
                    Val::MathFn(k) => Some(k),
                    _ => None,
                },
                _ => None,
            };
            plan.math_call[pc] = math;
            if Self::move_values(ins, &mut stack) {
                continue;
            }
            match stack_use(ins, eligible) {
                Some((pops, pushes, takes_f64)) if pops as usize <= stack.len() => {
                    let popped: Vec<Val> = stack.split_off(stack.len() - pops as usize);
                    let kind_of = |v: &Val| match v {
                        Val::IntLike => Kind::Int,
                        Val::Float(_, k) => *k,
                        _ => Kind::Unknown,
                    };
                    if let Instr::StoreFast(i) = ins {
                        if let Some(st) = stored.get_mut(i as usize) {
                            *st = (*st).max(kind_of(&popped[0]));
                        }
                    }
                    if let (Instr::BinaryOp(op) | Instr::InplaceOp(op), [a, b]) = (ins, popped.as_slice()) {
                        for (x, other) in [(*a, *b), (*b, *a)] {
                            let local = match x {
                                Val::Float(p, _) | Val::Borrow(p) => match code.instrs[p] {
                                    Instr::LoadFast(i) => int_evidence.get_mut(i as usize),
                                    _ => None,
                                },
                                _ => None,
                            };
                            if let (Some(e), true) = (local, int_use(op, other)) {
                                *e = true;
                            }
                        }
                    }
                    let result_kind = match ins {
                        Instr::BinaryOp(op) | Instr::InplaceOp(op) => arith_kind(op, kind_of(&popped[0]), kind_of(&popped[1])),
                        Instr::UnaryOp(_) => kind_of(&popped[0]),
                        _ => Kind::Float,
                    };
                    for j in 0..pops {
                        let v = popped.get((pops - 1 - j) as usize).copied();
                        if let Some(Val::Borrow(p)) = v {
                            if accepts_borrowed(ins, j) {
                                plan.borrowed_push[p] = true;
                                plan.borrowed_operands[pc] |= 1 << j;
                            }
                        }
                        if let Some(Val::Float(p, k)) = v {
                            // a math call takes its argument (the top) as an f64, a
                            // subscript store its value (`Lower::store_float_item`)
                            let takes = takes_f64
                                || (math.is_some() && j == 0)
                                || (ins == Instr::StoreSubscr && j == 2)
                                // a return only of what is surely a float: an int
                                // result (`fib`) would pay the entry's test for nothing
                                || (ins == Instr::ReturnValue && cx.float_return && k == Kind::Float);
                            // an item read pays a float test: only worth it for
                            // arithmetic, a comparison, a math call or a float local,
                            // and not with an int partner (`count[r] -= 1`)
                            let int_partner = pops == 2 && popped.get(j as usize) == Some(&Val::IntLike);
                            let takes = takes
                                && !(code.instrs[p] == Instr::BinarySubscr
                                    && (int_partner || matches!(ins, Instr::StoreSubscr | Instr::Pop | Instr::ReturnValue)));
                            plan.unboxed_result[p] = takes;
                            plan.returns_unboxed |= takes && ins == Instr::ReturnValue;
                            if takes && j < 8 {
                                plan.dual_operands[pc] |= 1 << j;
                            }
                            if let (true, Instr::StoreFast(i), Kind::Float | Kind::Guess) = (takes, ins, k) {
                                stores_float[i as usize] = true;
                            }
                        }
                    }
                    // a borrowed value must not be live across anything that may raise
                    // (the unwinding would release it) or store (a rebinding frees it)
                    let quiet = match ins {
                        Instr::LoadConst(_) => true,
                        Instr::LoadFast(_) => borrow.map_or(false, |mu| !mu.get(pc).copied().unwrap_or(true)),
                        _ => false,
                    };
                    if !quiet {
                        for v in stack.iter_mut() {
                            if matches!(v, Val::Borrow(_)) {
                                *v = Val::Other;
                            }
                        }
                    }
                    if pushes > 0 {
                        stack.extend(std::iter::repeat(Val::Other).take(pushes as usize - 1));
                        let borrowable = matches!(ins, Instr::LoadFast(i) if i < nvar && !eligible(i))
                            && borrow.map_or(false, |mu| !mu.get(pc).copied().unwrap_or(true));
                        let local_kind = |i: u32| kinds.get(i as usize).copied().unwrap_or(Kind::Unknown);
                        let float_call = cx.float_calls.get(pc).copied().unwrap_or(false);
                        stack.push(if math.is_some() || produces_float(code, ins, eligible, float_call) {
                            Val::Float(pc, match ins {
                                Instr::LoadFast(i) => local_kind(i),
                                Instr::LoadConst(_) => Kind::Float,
                                // an item is of any kind (`k = perm[0]` needs no home)
                                Instr::BinarySubscr => Kind::Unknown,
                                _ => result_kind,
                            })
                        } else if matches!(ins, Instr::LoadConst(c) if matches!(code.consts.get(c as usize), Some(Constant::Int(_)))) {
                            Val::IntLike
                        } else if matches!(ins, Instr::LoadFast(i) if local_kind(i) == Kind::Int && !borrowable) {
                            Val::IntLike
                        } else if borrowable {
                            Val::Borrow(pc)
                        } else if let Some(k) = math_name(code, ins) {
                            Val::MathFn(k)
                        } else {
                            Val::Other
                        });
                    }
                }
                _ => stack.clear(),
            }
            if jump_target(&ins).is_some() || matches!(ins, Instr::ReturnValue | Instr::RaiseVarargs(_) | Instr::Reraise(_)) {
                stack.clear();
            }
        }
        // a guessed float local used as an int is an int (`s = i + j` ... `s + 1`)
        for (i, st) in stored.iter_mut().enumerate() {
            if int_evidence[i] && *st == Kind::Guess {
                *st = Kind::Unknown;
                stores_float[i] = false;
            }
        }
        for (i, s) in stores_float.iter().enumerate() {
            if *s {
                plan.home[i] = Some(plan.nhomes);
                plan.nhomes += 1;
            }
        }
        // parameters hold values of unknown kind (every other binding is a StoreFast)
        for k in stored.iter_mut().take((code.argcount + code.kwonlyargcount) as usize) {
            *k = (*k).max(Kind::Unknown);
        }
        (plan, stored)
    }

    /// `Copy` and `Swap` (augmented subscript assignment: `a[i] -= x`) on the simulated
    /// stack: a swapped value keeps what it is (`Lower` swaps the f64 companions too); a
    /// copied one has two consumers, so it must be an object. Returns false for any
    /// other instruction.
    fn move_values(ins: Instr, stack: &mut Vec<Val>) -> bool {
        let n = stack.len();
        match ins {
            Instr::Swap(k) if k >= 2 && k as usize <= n => {
                stack.swap(n - 1, n - k as usize);
                true
            }
            Instr::Copy(k) if k >= 1 && k as usize <= n => {
                let src = &mut stack[n - k as usize];
                if matches!(src, Val::Float(..) | Val::Borrow(_)) {
                    *src = Val::Other;
                }
                let copy = if *src == Val::IntLike { Val::IntLike } else { Val::Other };
                stack.push(copy);
                true
            }
            _ => false,
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.unboxed_result.iter().any(|b| *b) && !self.math_call.iter().any(|m| m.is_some()) && !self.borrowed_push.iter().any(|b| *b)
    }
}

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// i1: `v` is an unboxed tag (its number is in the f64 companion).
    pub fn is_unboxed(&self, v: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        let low = self.b.build_and(v, self.i64c(3), "")?;
        Ok(self.b.build_int_compare(IntPredicate::EQ, low, self.i64c(STACK_TAG), "unboxed")?)
    }

    /// Will the value pushed at `pc` be left unboxed when it is a float?
    pub fn leaves_unboxed(&self, pc: usize) -> bool {
        self.plan.as_ref().map_or(false, |p| p.unboxed_result.get(pc).copied().unwrap_or(false))
    }

    /// Operand in stack slot `k` of the instruction at `pc`, `j`-th from the top (0 =
    /// TOS): with its f64 companion when the plan says it may arrive unboxed.
    pub fn operand(&self, pc: usize, k: u32, j: u32) -> R<super::floatpath::Opnd<'ctx>> {
        let v = self.load_slot(k)?;
        let dual = self.plan.as_ref().map_or(false, |p| p.dual_operands.get(pc).map_or(false, |b| b & (1 << j) != 0));
        let f = if dual { self.load_fslot(k)? } else { None };
        Ok(super::floatpath::Opnd { v, f, owned: !self.borrowed(pc, j) })
    }

    /// Is the `j`-th operand (from the top) of the instruction at `pc` borrowed?
    pub fn borrowed(&self, pc: usize, j: u32) -> bool {
        self.plan.as_ref().map_or(false, |p| p.borrowed_operands.get(pc).map_or(false, |b| b & (1 << j) != 0))
    }

    /// Releases operand `v`, the `j`-th from the top of the instruction at `pc`, unless
    /// it is borrowed.
    pub fn release(&self, pc: usize, j: u32, v: IntValue<'ctx>) -> R<()> {
        if self.borrowed(pc, j) {
            return Ok(());
        }
        self.decref(v)
    }

    /// Does the `LoadAttr` at `pc` push its inline value borrowed (`mark_borrowed_attrs`)?
    pub fn attr_borrowed(&self, pc: usize) -> bool {
        self.plan.as_ref().map_or(false, |p| p.borrowed_attr.get(pc).copied().unwrap_or(false))
    }

    /// Which operand (from the top) of the instruction at `pc` is a borrowed attribute
    /// value, if any.
    pub fn attr_operand(&self, pc: usize) -> Option<u32> {
        self.plan.as_ref().and_then(|p| p.attr_operand.get(pc).copied().flatten()).map(u32::from)
    }

    /// Does the `LoadFast` at `pc` push a borrowed reference?
    pub fn pushes_borrowed(&self, pc: usize) -> bool {
        self.plan.as_ref().map_or(false, |p| p.borrowed_push.get(pc).copied().unwrap_or(false))
    }

    /// The f64 companion of stack slot `k` (only when the function has a plan).
    pub fn fslot(&self, k: u32) -> Option<PointerValue<'ctx>> {
        self.fslots.get(k as usize).copied()
    }

    /// The number of stack slot `k` when it holds an unboxed value (undefined otherwise).
    pub fn load_fslot(&self, k: u32) -> R<Option<FloatValue<'ctx>>> {
        match self.fslot(k) {
            Some(p) => Ok(Some(self.b.build_load(p, "")?.into_float_value())),
            None => Ok(None),
        }
    }

    /// Stores an unboxed result into stack slot `k`.
    pub fn store_unboxed_slot(&self, k: u32, f: FloatValue<'ctx>) -> R<()> {
        let p = self.fslot(k).ok_or_else(|| super::function::LowerError("no f64 companion".into()))?;
        self.b.build_store(p, f)?;
        self.store_slot(k, self.i64c(STACK_TAG))
    }

    /// An object for dual value `v` (companion `f`): a new float when `v` is unboxed,
    /// else `v` itself. The result is owned exactly as `v` was (a boxed `v` keeps its
    /// reference; the new float is a new reference).
    pub fn materialize(&mut self, v: IntValue<'ctx>, f: Option<FloatValue<'ctx>>) -> R<IntValue<'ctx>> {
        match f {
            Some(f) => self.box_unboxed(v, f, None),
            None => Ok(v),
        }
    }

    /// `v` itself, or a new float holding `f` when `v` is an unboxed tag; that box is
    /// also stored into local `keep_in` when given (the local then owns it).
    fn box_unboxed(&mut self, v: IntValue<'ctx>, f: FloatValue<'ctx>, keep_in: Option<u32>) -> R<IntValue<'ctx>> {
        let c = self.is_unboxed(v)?;
        box_if(self.ctx, self.module, &self.b, c, v, f, |o| match keep_in {
            Some(i) => self.store_local(i, o),
            None => Ok(()),
        })
    }

    /// Pointer to the home of local `i` and its tag word, when the local is shadowed.
    pub fn home(&self, i: u32) -> R<Option<(PointerValue<'ctx>, IntValue<'ctx>)>> {
        let Some(j) = self.plan.as_ref().and_then(|p| p.home.get(i as usize).copied().flatten()) else {
            return Ok(None);
        };
        let homes = self.fhomes.ok_or_else(|| super::function::LowerError("no homes".into()))?;
        let p = unsafe { self.b.build_gep(homes, &[self.i64c(j as u64)], "home")? };
        let addr = self.b.build_ptr_to_int(p, self.ctx.i64_type(), "")?;
        let tag = self.b.build_or(addr, self.i64c(STACK_TAG), "ltag")?;
        Ok(Some((p, tag)))
    }

    /// `LoadFast i` of a shadowed local whose value `v` is bound: pushes the dual value
    /// when the consumer takes an f64, else an object (boxing an unboxed number once and
    /// keeping the box in the local).
    pub fn load_shadowed(&mut self, pc: usize, d: u32, i: u32, v: IntValue<'ctx>, home: PointerValue<'ctx>) -> R<()> {
        let f = self.b.build_load(home, "hv")?.into_float_value();
        if self.leaves_unboxed(pc) {
            self.incref(v)?; // skips an unboxed tag
            if let Some(p) = self.fslot(d) {
                self.b.build_store(p, f)?;
            }
            return self.store_slot(d, v);
        }
        let o = self.box_unboxed(v, f, Some(i))?;
        self.incref(o)?;
        self.store_slot(d, o)
    }

    /// `StoreFast i` of a shadowed local from stack slot `d - 1`: an unboxed value goes
    /// to the home (the local holds the home's tag), an object to the local.
    pub fn store_shadowed(&mut self, d: u32, i: u32, home: PointerValue<'ctx>, tag: IntValue<'ctx>) -> R<()> {
        let v = self.load_slot(d - 1)?;
        let old = self.load_local(i)?;
        if let Some(f) = self.load_fslot(d - 1)? {
            let unb = self.new_block("sunb");
            let join = self.new_block("sjoin");
            let from = self.b.get_insert_block().unwrap();
            let c = self.is_unboxed(v)?;
            self.b.build_conditional_branch(c, unb, join)?;
            self.b.position_at_end(unb);
            self.b.build_store(home, f)?;
            self.b.build_unconditional_branch(join)?;
            self.b.position_at_end(join);
            let phi = self.b.build_phi(self.ctx.i64_type(), "lval")?;
            phi.add_incoming(&[(&v, from), (&tag, unb)]);
            self.store_local(i, phi.as_basic_value().into_int_value())?;
        } else {
            self.store_local(i, v)?;
        }
        self.xdecref(old)
    }

    /// The word a register-entry body returns for dual value `v` (companion `f`): an
    /// unboxed number leaves its f64 in `RETURNED_F64` and returns `STACK_TAG`, which
    /// the body's entries box (`box_returned`) but for `.regf`, whose inlined call sites
    /// take the number (`Lower::lower_call_positional`). Emitted after the locals are
    /// released: no code runs between this store and the entry's load.
    pub fn return_unboxed(&mut self, v: IntValue<'ctx>, f: FloatValue<'ctx>) -> R<IntValue<'ctx>> {
        self.b.build_store(returned_f64(self.ctx, self.module), f)?;
        let c = self.is_unboxed(v)?;
        Ok(self.b.build_select(c, self.i64c(STACK_TAG), v, "ret")?.into_int_value())
    }

    /// The address of the `math` module's function `MATH_FUNCS[k]` (the runtime publishes
    /// them in `pyrt_math_funcs`).
    pub(super) fn math_func(&self, k: u8) -> R<IntValue<'ctx>> {
        let table = match self.module.get_global("pyrt_math_funcs") {
            Some(g) => g,
            None => self.module.add_global(self.ctx.i64_type().array_type(MATH_FUNCS.len() as u32), None, "pyrt_math_funcs"),
        };
        Ok(self.b.build_load(self.global_word(table.as_pointer_value(), k as u32)?, "mathfn")?.into_int_value())
    }

    /// `MATH_FUNCS[k](x)` by its LLVM intrinsic, and an i1 saying whether the result is
    /// finite (`math_1` raises or returns differently otherwise: the caller leaves it to
    /// the real function).
    pub(super) fn math_inline(&self, k: u8, x: FloatValue<'ctx>) -> R<(FloatValue<'ctx>, IntValue<'ctx>)> {
        let f64t = self.ctx.f64_type();
        let intrinsic = |name: &str| self.module.get_function(name).unwrap_or_else(|| self.module.add_function(name, f64t.fn_type(&[f64t.into()], false), None));
        let r = self.b.build_call(intrinsic(&format!("llvm.{}.f64", MATH_FUNCS[k as usize])), &[x.into()], "math")?.try_as_basic_value().basic().unwrap().into_float_value();
        let mag = self.b.build_call(intrinsic("llvm.fabs.f64"), &[r.into()], "")?.try_as_basic_value().basic().unwrap().into_float_value();
        let finite = self.b.build_float_compare(inkwell::FloatPredicate::OLT, mag, f64t.const_float(f64::INFINITY), "finite")?;
        Ok((r, finite))
    }

    /// `Call(1)` at `pc` (depth `d`) whose callee was loaded as one of `MATH_FUNCS[k]`:
    /// when it is that function of the `math` module (the runtime publishes their
    /// addresses in `pyrt_math_funcs`) and the argument a float or small int, the
    /// result is computed inline — `math_1`'s error cases (a NaN or infinite result)
    /// and everything else take the ordinary call.
    pub fn lower_math_call(&mut self, pc: usize, d: u32, k: u8) -> R<()> {
        let base = d - 3;
        let m = self.load_slot(base)?;
        let callee = self.load_slot(base + 1)?;
        let arg = self.operand(pc, base + 2, 0)?;
        let want = self.math_func(k)?;
        let plain = self.b.build_int_compare(IntPredicate::EQ, m, self.i64c(0), "")?;
        let same = self.b.build_int_compare(IntPredicate::EQ, callee, want, "")?;
        let fast = self.new_block("math_fast");
        let slow = self.new_block("math_slow");
        let join = self.new_block("math_join");
        self.b.build_conditional_branch(self.b.build_and(plain, same, "")?, fast, slow)?;

        self.b.position_at_end(fast);
        let x = self.operand_f64(arg, super::floatpath::Ints::Any, slow)?;
        let (r, finite) = self.math_inline(k, x)?;
        let done = self.new_block("math_done");
        self.b.build_conditional_branch(finite, done, slow)?;
        self.b.position_at_end(done);
        self.decref(arg.v)?;
        self.decref(callee)?;
        if self.leaves_unboxed(pc) {
            self.store_unboxed_slot(base, r)?;
        } else {
            let o = self.call_v("pyrt_float_new", &[r.into()])?;
            self.store_slot(base, o)?;
        }
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(slow);
        let a = self.materialize(arg.v, arg.f)?;
        self.store_slot(base + 2, a)?;
        self.lower_call_positional(pc, d, 1)?;
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        Ok(())
    }
}
