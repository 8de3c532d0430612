//! Float fast paths written as IR: `+ - * /` and the six comparisons on exact floats (or
//! a float and a small int) computed inline. An arithmetic result is written into a
//! consumed float operand whose refcount is 1 (the temporaries of `a * b + c`), else boxed
//! by `pyrt_float_new` (the runtime keeps a free list).
//!
//! Why this matches CPython: float `+ - *` never raise (overflow gives inf), `/` raises
//! only for a zero divisor (that case goes to the runtime, which raises); an int operand
//! is converted as `PyLong_AsDouble` does (correctly rounded: `sitofp`). Comparisons and
//! `/` accept only ints of at most 53 bits, which convert exactly (CPython compares
//! floats with ints exactly, and divides two ints with a correctly rounded quotient).
//! Anything else (subclasses, other types, big ints) branches to the runtime's path.
//!
//! Operands may be dual values (`unboxed.rs`): an unboxed operand's number is used as it
//! is, and a result whose consumer takes an f64 is left unboxed instead of boxed. Two
//! dual operands are first tested together (`both_unboxed`): in a float loop both are
//! usually unboxed, and that arm is the bare f64 operation.

use inkwell::basic_block::BasicBlock;
use inkwell::values::{FloatValue, IntValue};
use inkwell::{AddressSpace, FloatPredicate, IntPredicate};

use super::function::{Lower, R};
use crate::fe::{BinOp, CmpOp};

/// Byte offsets in a heap object: `ObjHeader.ty`, `FloatObj.value`.
const TYPE_OFFSET: u64 = 8;
pub(super) const FLOAT_VALUE_OFFSET: u64 = 16;
/// Largest magnitude of an int that converts to f64 exactly.
const EXACT_INT: u64 = 1 << 53;

/// An operand of a float path: its word and, when it may be unboxed, its f64 companion.
#[derive(Clone, Copy)]
pub struct Opnd<'ctx> {
    pub v: IntValue<'ctx>,
    pub f: Option<FloatValue<'ctx>>,
    /// False for a borrowed operand (`unboxed.rs`): never released, never reused.
    pub owned: bool,
}

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// Releases an operand the operation consumed (nothing for a borrowed one).
    pub fn release_opnd(&self, o: Opnd<'ctx>) -> R<()> {
        if o.owned {
            self.decref(o.v)?;
        }
        Ok(())
    }

    /// `release_opnd` of an operand an inline float path has converted: a tagged int, an
    /// unboxed tag or an exact float; a dead float goes to the float free list
    /// (`pyrt_dealloc` sends exact floats there first).
    fn release_float(&self, o: Opnd<'ctx>) -> R<()> {
        if o.owned {
            self.b.build_call(self.helpers.decref, &[o.v.into()], "")?;
        }
        Ok(())
    }
}

/// Which tagged ints a float path accepts as operands.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Ints {
    /// Any small int (converted with rounding).
    Any,
    /// Only ints of at most 53 bits (converted exactly).
    Exact,
}

impl<'a, 'ctx> Lower<'a, 'ctx> {
    /// Pointer to the f64 payload of float object `v`.
    pub(super) fn float_value_ptr(&self, v: IntValue<'ctx>) -> R<inkwell::values::PointerValue<'ctx>> {
        let addr = self.b.build_int_add(v, self.i64c(FLOAT_VALUE_OFFSET), "")?;
        Ok(self.b.build_int_to_ptr(addr, self.ctx.f64_type().ptr_type(AddressSpace::default()), "fvp")?)
    }

    /// Emits, from the current block, the conversion of operand `o` (unboxed, an exact
    /// float, or a tagged int accepted by `ints`) to f64; anything else branches to
    /// `slow`. Leaves the builder in the block where the value is available.
    pub(super) fn operand_f64(&mut self, o: Opnd<'ctx>, ints: Ints, slow: BasicBlock<'ctx>) -> R<FloatValue<'ctx>> {
        let v = o.v;
        let f64t = self.ctx.f64_type();
        let i64p = self.ctx.i64_type().ptr_type(AddressSpace::default());
        let float_ty = self.singleton("pyrt_float_type")?;
        let intbb = self.new_block("fop_int");
        let objbb = self.new_block("fop_obj");
        let isfloat = self.new_block("fop_float");
        let join = self.new_block("fop_join");
        let mut incoming = Vec::new();
        if let Some(f) = o.f {
            let boxed = self.new_block("fop_boxed");
            let c = self.is_unboxed(v)?;
            incoming.push((f, self.b.get_insert_block().unwrap()));
            self.b.build_conditional_branch(c, join, boxed)?;
            self.b.position_at_end(boxed);
        }
        let tag = self.b.build_and(v, self.i64c(1), "")?;
        let is_int = self.b.build_int_compare(IntPredicate::NE, tag, self.i64c(0), "")?;
        self.b.build_conditional_branch(is_int, intbb, objbb)?;

        self.b.position_at_end(intbb);
        let x = self.b.build_right_shift(v, self.i64c(1), true, "")?;
        if ints == Ints::Exact {
            // |x| <= 2^53  <=>  x + 2^53 (unsigned) <= 2^54
            let biased = self.b.build_int_add(x, self.i64c(EXACT_INT), "")?;
            let exact = self.b.build_int_compare(IntPredicate::ULE, biased, self.i64c(2 * EXACT_INT), "")?;
            let conv = self.new_block("fop_conv");
            self.b.build_conditional_branch(exact, conv, slow)?;
            self.b.position_at_end(conv);
        }
        let xi = self.b.build_signed_int_to_float(x, f64t, "")?;
        incoming.push((xi, self.b.get_insert_block().unwrap()));
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(objbb);
        let tyaddr = self.b.build_int_add(v, self.i64c(TYPE_OFFSET), "")?;
        let typtr = self.b.build_int_to_ptr(tyaddr, i64p, "")?;
        let ty = self.b.build_load(typtr, "ty")?.into_int_value();
        let same = self.b.build_int_compare(IntPredicate::EQ, ty, float_ty, "")?;
        self.b.build_conditional_branch(same, isfloat, slow)?;

        self.b.position_at_end(isfloat);
        let fp = self.float_value_ptr(v)?;
        let xf = self.b.build_load(fp, "fv")?.into_float_value();
        incoming.push((xf, isfloat));
        self.b.build_unconditional_branch(join)?;

        self.b.position_at_end(join);
        let phi = self.b.build_phi(f64t, "f")?;
        for (x, bb) in &incoming {
            phi.add_incoming(&[(x, *bb)]);
        }
        Ok(phi.as_basic_value().into_float_value())
    }

    /// The inline float path of `a op b`, emitted in the current block: on success the
    /// builder is left at the end of an unterminated block and the result is returned
    /// (a and b consumed): the word and the number — the word is the unboxed tag when
    /// `unboxed`, else a new float object. Operands it does not handle branch to `slow`.
    /// None (nothing emitted) for operators without a float path.
    pub fn float_binop(&mut self, op: BinOp, a: Opnd<'ctx>, b: Opnd<'ctx>, slow: BasicBlock<'ctx>, unboxed: bool) -> R<Option<(IntValue<'ctx>, FloatValue<'ctx>)>> {
        if !matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv) {
            return Ok(None);
        }
        let ints = if op == BinOp::TrueDiv { Ints::Exact } else { Ints::Any };
        let x = self.operand_f64(a, ints, slow)?;
        let y = self.operand_f64(b, ints, slow)?;
        let r = self.f64_arith(op, x, y, slow)?.ok_or_else(|| super::function::LowerError("float operator".into()))?;
        if unboxed {
            self.release_float(a)?;
            self.release_float(b)?;
            return Ok(Some((self.i64c(super::unboxed::STACK_TAG), r)));
        }
        Ok(Some((self.box_float_result(r, a, b)?, r)))
    }

    /// The both-unboxed shortcut of an operation on two dual operands: when both words
    /// are unboxed tags (checked first, branching to `other` when not), their numbers are
    /// used as they are and nothing is released (tags carry no reference), so the common
    /// case of a float loop (`zr * zr`, `tr + ti <= 4.0`) skips the int test, the
    /// per-operand type tests and the releases of the general path. Returns the two
    /// numbers, the builder left in the block where both are unboxed; None (nothing
    /// emitted) when an operand can never arrive unboxed.
    pub fn both_unboxed(&mut self, a: Opnd<'ctx>, b: Opnd<'ctx>, other: BasicBlock<'ctx>) -> R<Option<(FloatValue<'ctx>, FloatValue<'ctx>)>> {
        let (Some(x), Some(y)) = (a.f, b.f) else { return Ok(None) };
        let both = self.b.build_and(self.is_unboxed(a.v)?, self.is_unboxed(b.v)?, "")?;
        let quick = self.new_block("fquick");
        self.b.build_conditional_branch(both, quick, other)?;
        self.b.position_at_end(quick);
        Ok(Some((x, y)))
    }

    /// `x op y` for `+ - * /` on two numbers in the current block; a zero divisor
    /// branches to `slow` (the runtime raises ZeroDivisionError). None for other operators.
    pub(super) fn f64_arith(&mut self, op: BinOp, x: FloatValue<'ctx>, y: FloatValue<'ctx>, slow: BasicBlock<'ctx>) -> R<Option<FloatValue<'ctx>>> {
        Ok(Some(match op {
            BinOp::Add => self.b.build_float_add(x, y, "fadd")?,
            BinOp::Sub => self.b.build_float_sub(x, y, "fsub")?,
            BinOp::Mul => self.b.build_float_mul(x, y, "fmul")?,
            BinOp::TrueDiv => {
                let nz = self.b.build_float_compare(FloatPredicate::UNE, y, self.ctx.f64_type().const_zero(), "")?;
                let div = self.new_block("fdiv");
                self.b.build_conditional_branch(nz, div, slow)?;
                self.b.position_at_end(div);
                self.b.build_float_div(x, y, "fdiv")?
            }
            _ => return Ok(None),
        }))
    }

    /// The float predicate of comparison `op_u` (< 6): NaN compares unequal to
    /// everything and false otherwise, as in CPython.
    pub(super) fn float_pred(op_u: u32) -> FloatPredicate {
        match CmpOp::from_u32(op_u) {
            CmpOp::Lt => FloatPredicate::OLT,
            CmpOp::Le => FloatPredicate::OLE,
            CmpOp::Eq => FloatPredicate::OEQ,
            CmpOp::Ne => FloatPredicate::UNE,
            CmpOp::Gt => FloatPredicate::OGT,
            CmpOp::Ge => FloatPredicate::OGE,
        }
    }

    /// `-o` on an unboxed or exact float operand (consumed), else a branch to `slow`.
    pub fn float_neg(&mut self, o: Opnd<'ctx>, slow: BasicBlock<'ctx>, unboxed: bool) -> R<(IntValue<'ctx>, FloatValue<'ctx>)> {
        let notint = self.new_block("fneg_notint");
        let tag = self.b.build_and(o.v, self.i64c(1), "")?;
        let is_int = self.b.build_int_compare(IntPredicate::NE, tag, self.i64c(0), "")?;
        self.b.build_conditional_branch(is_int, slow, notint)?;
        self.b.position_at_end(notint);
        let x = self.operand_f64(o, Ints::Any, slow)?;
        let r = self.b.build_float_neg(x, "fneg")?;
        if unboxed {
            self.release_float(o)?;
            return Ok((self.i64c(super::unboxed::STACK_TAG), r));
        }
        let none = Opnd { v: self.i64c(1), f: None, owned: false }; // a tagged int: never reused
        Ok((self.box_float_result(r, o, none)?, r))
    }

    /// Boxes `r`, the result of an operation consuming `a` and `b`: reuses whichever
    /// operand is a heap object with refcount 1 (only this expression holds it, and
    /// floats cannot be weakly referenced, so nothing can observe the change), else
    /// allocates. Both operands are released (or become the result); borrowed ones are
    /// neither.
    fn box_float_result(&mut self, r: FloatValue<'ctx>, a: Opnd<'ctx>, b: Opnd<'ctx>) -> R<IntValue<'ctx>> {
        let join = self.new_block("fbox_join");
        let mut incoming = Vec::new();
        for (mo, other) in [(a, b), (b, a)] {
            if !mo.owned {
                continue;
            }
            let mine = mo.v;
            let heap = self.new_block("fbox_heap");
            let reuse = self.new_block("fbox_reuse");
            let next = self.new_block("fbox_next");
            // tagged ints and unboxed tags have a low bit set
            let tag = self.b.build_and(mine, self.i64c(3), "")?;
            let not_obj = self.b.build_int_compare(IntPredicate::NE, tag, self.i64c(0), "")?;
            self.b.build_conditional_branch(not_obj, next, heap)?;
            self.b.position_at_end(heap);
            let rcp = self.b.build_int_to_ptr(mine, self.ctx.i64_type().ptr_type(AddressSpace::default()), "")?;
            let rc = self.b.build_load(rcp, "rc")?.into_int_value();
            let sole = self.b.build_int_compare(IntPredicate::EQ, rc, self.i64c(1), "")?;
            self.b.build_conditional_branch(sole, reuse, next)?;
            self.b.position_at_end(reuse);
            let fp = self.float_value_ptr(mine)?;
            self.b.build_store(fp, r)?;
            self.release_float(other)?;
            incoming.push((mine, self.b.get_insert_block().unwrap()));
            self.b.build_unconditional_branch(join)?;
            self.b.position_at_end(next);
        }
        let v = self.call_v("pyrt_float_new", &[r.into()])?;
        self.release_float(a)?;
        self.release_float(b)?;
        incoming.push((v, self.b.get_insert_block().unwrap()));
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        let phi = self.b.build_phi(self.ctx.i64_type(), "fres")?;
        for (v, bb) in &incoming {
            phi.add_incoming(&[(v, *bb)]);
        }
        Ok(phi.as_basic_value().into_int_value())
    }

    /// The inline float path of `a cmp b` (`op_u` < 6), emitted in the current block: on
    /// success a and b are consumed, the builder is left at the end of an unterminated
    /// block and the i1 outcome is returned; other operands branch to `slow`.
    pub fn float_compare(&mut self, op_u: u32, a: Opnd<'ctx>, b: Opnd<'ctx>, slow: BasicBlock<'ctx>) -> R<IntValue<'ctx>> {
        let x = self.operand_f64(a, Ints::Exact, slow)?;
        let y = self.operand_f64(b, Ints::Exact, slow)?;
        let c = self.b.build_float_compare(Self::float_pred(op_u), x, y, "fcmp")?;
        self.release_float(a)?;
        self.release_float(b)?;
        Ok(c)
    }
}
