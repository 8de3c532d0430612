//! Fast paths written as IR: refcounting (tagged ints and immortal objects skip it), truth
//! tests of singletons and small ints, small-int arithmetic and comparisons with overflow
//! checks. All of it can be switched off (`-O0`), in which case every operation is a
//! runtime call.

use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::values::{FloatValue, FunctionValue, IntValue};
use inkwell::{AddressSpace, IntPredicate};

use super::floatpath::Opnd;
use super::function::{LowerError, Lower, R};
use super::runtime_decls::runtime_fn;
use crate::fe::{BinOp, CmpOp};

/// Refcount at or above which an object is immortal (`pyrt::object::IMMORTAL`).
pub const IMMORTAL: u64 = 1 << 60;
/// Range of tagged small ints (63-bit).
pub const SMALL_INT_MIN: i64 = -(1 << 62);
pub const SMALL_INT_MAX: i64 = (1 << 62) - 1;

/// The refcount helpers used by generated code.
pub struct Helpers<'ctx> {
    pub incref: FunctionValue<'ctx>,
    pub xincref: FunctionValue<'ctx>,
    pub decref: FunctionValue<'ctx>,
    pub xdecref: FunctionValue<'ctx>,
    /// `-g`: line-table state of the module (set by `codegen::build_python_module`).
    pub debug: Option<super::debuginfo::ModuleDebug<'ctx>>,
    /// Module-level `def`s of the module: global name → symbol of the code object the
    /// module body binds to it (set by `codegen::build_python_module`; calls.rs
    /// `known_register_entry`).
    pub module_functions: std::collections::HashMap<String, super::calls::ModuleFunction>,
    /// Plain `def`s in the bodies of the module's top-level classes, by method name
    /// (`calls::module_methods`; set with `module_functions`).
    pub module_methods: std::collections::HashMap<String, Vec<super::calls::ModuleFunction>>,
    /// Module-level classes of the module (`construct::module_classes`; set with
    /// `module_functions`).
    pub module_classes: std::collections::HashSet<String>,
    /// Names the module binds in its globals (`globals::module_globals`; set with
    /// `module_functions`).
    pub module_globals: std::collections::HashSet<String>,
}

fn decl<'ctx>(ctx: &'ctx Context, module: &Module<'ctx>, name: &str) -> Result<(), LowerError> {
    runtime_fn(ctx, module, name).map(|_| ()).ok_or_else(|| LowerError(format!("no decl {name}")))
}

/// Builds `void name(i64 v)` (internal, always-inline).
fn helper<'ctx>(
    ctx: &'ctx Context,
    module: &Module<'ctx>,
    name: &str,
    null_check: bool,
    body: &dyn Fn(&inkwell::builder::Builder<'ctx>, FunctionValue<'ctx>, IntValue<'ctx>) -> R<()>,
) -> R<FunctionValue<'ctx>> {
    let i64t = ctx.i64_type();
    let f = module.add_function(name, ctx.void_type().fn_type(&[i64t.into()], false), Some(Linkage::Internal));
    for a in ["alwaysinline", "nounwind"] {
        f.add_attribute(AttributeLoc::Function, ctx.create_enum_attribute(Attribute::get_named_enum_kind_id(a), 0));
    }
    let b = ctx.create_builder();
    let entry = ctx.append_basic_block(f, "entry");
    let work = ctx.append_basic_block(f, "work");
    let done = ctx.append_basic_block(f, "done");
    b.position_at_end(entry);
    let v = f.get_first_param().unwrap().into_int_value();
    // skip tagged ints, unboxed float tags (`unboxed.rs`) and NULL for the x-variants
    let tag = b.build_and(v, i64t.const_int(3, false), "tag")?;
    let mut skip = b.build_int_compare(IntPredicate::NE, tag, i64t.const_zero(), "isint")?;
    if null_check {
        let isnull = b.build_int_compare(IntPredicate::EQ, v, i64t.const_zero(), "isnull")?;
        skip = b.build_or(skip, isnull, "skip")?;
    }
    b.build_conditional_branch(skip, done, work)?;
    b.position_at_end(work);
    body(&b, f, v)?;
    if b.get_insert_block().and_then(|bb| bb.get_terminator()).is_none() {
        b.build_unconditional_branch(done)?;
    }
    b.position_at_end(done);
    b.build_return(None)?;
    Ok(f)
}

fn refcnt_ptr<'ctx>(ctx: &'ctx Context, b: &inkwell::builder::Builder<'ctx>, v: IntValue<'ctx>) -> R<inkwell::values::PointerValue<'ctx>> {
    Ok(b.build_int_to_ptr(v, ctx.i64_type().ptr_type(AddressSpace::default()), "rcp")?)
}

fn incref_body<'ctx>(ctx: &'ctx Context) -> impl Fn(&inkwell::builder::Builder<'ctx>, FunctionValue<'ctx>, IntValue<'ctx>) -> R<()> {
    move |b, f, v| {
        let i64t = ctx.i64_type();
        let p = refcnt_ptr(ctx, b, v)?;
        let rc = b.build_load(p, "rc")?.into_int_value();
        let mortal = b.build_int_compare(IntPredicate::SLT, rc, i64t.const_int(IMMORTAL, false), "mortal")?;
        let inc = ctx.append_basic_block(f, "inc");
        let out = ctx.append_basic_block(f, "out");
        b.build_conditional_branch(mortal, inc, out)?;
        b.position_at_end(inc);
        let rc1 = b.build_int_add(rc, i64t.const_int(1, false), "rc1")?;
        b.build_store(p, rc1)?;
        b.build_unconditional_branch(out)?;
        b.position_at_end(out);
        Ok(())
    }
}

fn decref_body<'ctx>(ctx: &'ctx Context, dealloc: FunctionValue<'ctx>) -> impl Fn(&inkwell::builder::Builder<'ctx>, FunctionValue<'ctx>, IntValue<'ctx>) -> R<()> {
    move |b, f, v| {
        let i64t = ctx.i64_type();
        let p = refcnt_ptr(ctx, b, v)?;
        let rc = b.build_load(p, "rc")?.into_int_value();
        let mortal = b.build_int_compare(IntPredicate::SLT, rc, i64t.const_int(IMMORTAL, false), "mortal")?;
        let dec = ctx.append_basic_block(f, "dec");
        let free = ctx.append_basic_block(f, "free");
        let out = ctx.append_basic_block(f, "out");
        b.build_conditional_branch(mortal, dec, out)?;
        b.position_at_end(dec);
        let rc1 = b.build_int_sub(rc, i64t.const_int(1, false), "rc1")?;
        b.build_store(p, rc1)?;
        let zero = b.build_int_compare(IntPredicate::EQ, rc1, i64t.const_zero(), "dead")?;
        b.build_conditional_branch(zero, free, out)?;
        b.position_at_end(free);
        b.build_call(dealloc, &[v.into()], "")?;
        b.build_unconditional_branch(out)?;
        b.position_at_end(out);
        Ok(())
    }
}

impl<'ctx> Helpers<'ctx> {
    /// Emits the helpers into `module`. With `fast == false` the helpers call the runtime.
    pub fn emit(ctx: &'ctx Context, module: &Module<'ctx>, fast: bool) -> R<Helpers<'ctx>> {
        for n in ["pyrt_incref", "pyrt_decref", "pyrt_xdecref", "pyrt_dealloc"] {
            if fast && n != "pyrt_dealloc" || !fast && n == "pyrt_dealloc" {
                continue;
            }
            decl(ctx, module, n)?;
        }
        if fast {
            let dealloc = module.get_function("pyrt_dealloc").unwrap();
            Ok(Helpers {
                incref: helper(ctx, module, "pyc_incref", false, &incref_body(ctx))?,
                xincref: helper(ctx, module, "pyc_xincref", true, &incref_body(ctx))?,
                decref: helper(ctx, module, "pyc_decref", false, &decref_body(ctx, dealloc))?,
                xdecref: helper(ctx, module, "pyc_xdecref", true, &decref_body(ctx, dealloc))?,
                debug: None,
                module_functions: Default::default(),
                module_methods: Default::default(),
                module_classes: Default::default(),
                module_globals: Default::default(),
            })
        } else {
            let incref = module.get_function("pyrt_incref").unwrap();
            let xincref = {
                // the ABI has no xincref: a tiny wrapper skipping NULL
                let i64t = ctx.i64_type();
                let f = module.add_function("pyc_xincref", ctx.void_type().fn_type(&[i64t.into()], false), Some(Linkage::Internal));
                let b = ctx.create_builder();
                let e = ctx.append_basic_block(f, "entry");
                let w = ctx.append_basic_block(f, "work");
                let d = ctx.append_basic_block(f, "done");
                b.position_at_end(e);
                let v = f.get_first_param().unwrap().into_int_value();
                let z = b.build_int_compare(IntPredicate::EQ, v, i64t.const_zero(), "")?;
                b.build_conditional_branch(z, d, w)?;
                b.position_at_end(w);
                b.build_call(incref, &[v.into()], "")?;
                b.build_unconditional_branch(d)?;
                b.position_at_end(d);
                b.build_return(None)?;
                f
            };
            Ok(Helpers {
                incref,
                xincref,
                decref: module.get_function("pyrt_decref").unwrap(),
                xdecref: module.get_function("pyrt_xdecref").unwrap(),
                debug: None,
                module_functions: Default::default(),
                module_methods: Default::default(),
                module_classes: Default::default(),
                module_globals: Default::default(),
            })
        }
    }
}

/// `k` when tagged word `b` is the constant small int `2**k` (k < 62).
fn power_of_two_divisor(b: IntValue<'_>) -> Option<u64> {
    let tagged = b.get_sign_extended_constant()?;
    let y = tagged >> 1;
    (tagged & 1 == 1 && y > 0 && (y & (y - 1)) == 0).then(|| y.trailing_zeros() as u64)
}

impl<'a, 'ctx> Lower<'a, 'ctx> {
    pub fn incref(&self, v: IntValue<'ctx>) -> R<()> {
        self.b.build_call(self.helpers.incref, &[v.into()], "")?;
        Ok(())
    }
    pub fn xincref(&self, v: IntValue<'ctx>) -> R<()> {
        self.b.build_call(self.helpers.xincref, &[v.into()], "")?;
        Ok(())
    }
    pub fn decref(&self, v: IntValue<'ctx>) -> R<()> {
        self.b.build_call(self.helpers.decref, &[v.into()], "")?;
        Ok(())
    }
    pub fn xdecref(&self, v: IntValue<'ctx>) -> R<()> {
        self.b.build_call(self.helpers.xdecref, &[v.into()], "")?;
        Ok(())
    }

    /// i1: both words are tagged small ints.
    fn both_tagged(&self, a: IntValue<'ctx>, b: IntValue<'ctx>) -> R<IntValue<'ctx>> {
        let and = self.b.build_and(a, b, "")?;
        let tag = self.b.build_and(and, self.i64c(1), "")?;
        Ok(self.b.build_int_compare(IntPredicate::NE, tag, self.i64c(0), "bothint")?)
    }

    fn overflow_op(&self, name: &str, a: IntValue<'ctx>, b: IntValue<'ctx>) -> R<(IntValue<'ctx>, IntValue<'ctx>)> {
        let i64t = self.ctx.i64_type();
        let f = match self.module.get_function(name) {
            Some(f) => f,
            None => {
                let st = self.ctx.struct_type(&[i64t.into(), self.ctx.bool_type().into()], false);
                self.module.add_function(name, st.fn_type(&[i64t.into(), i64t.into()], false), None)
            }
        };
        let r = self
            .b
            .build_call(f, &[a.into(), b.into()], "")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| LowerError("overflow intrinsic".into()))?
            .into_struct_value();
        let v = self.b.build_extract_value(r, 0, "")?.into_int_value();
        let o = self.b.build_extract_value(r, 1, "")?.into_int_value();
        Ok((v, o))
    }

    /// Emits the small-int fast path of a binary operator in the current block, given both
    /// operands are tagged. Returns (result, ok) or None when there is no fast path for op.
    pub(super) fn int_binop_fast(&self, op: BinOp, a: IntValue<'ctx>, b: IntValue<'ctx>) -> R<Option<(IntValue<'ctx>, IntValue<'ctx>)>> {
        let bl = &self.b;
        let one = self.i64c(1);
        let t = self.ctx.bool_type().const_int(1, false);
        let pow2 = power_of_two_divisor(b);
        Ok(Some(match op {
            BinOp::Add => {
                let b1 = bl.build_int_sub(b, one, "")?;
                let (v, o) = self.overflow_op("llvm.sadd.with.overflow.i64", a, b1)?;
                (v, bl.build_not(o, "")?)
            }
            BinOp::Sub => {
                let b1 = bl.build_int_sub(b, one, "")?;
                let (v, o) = self.overflow_op("llvm.ssub.with.overflow.i64", a, b1)?;
                (v, bl.build_not(o, "")?)
            }
            BinOp::Mul => {
                let x = bl.build_right_shift(a, one, true, "")?;
                let b1 = bl.build_int_sub(b, one, "")?;
                let (v, o) = self.overflow_op("llvm.smul.with.overflow.i64", x, b1)?;
                (bl.build_or(v, one, "")?, bl.build_not(o, "")?)
            }
            BinOp::And => (bl.build_and(a, b, "")?, t),
            BinOp::Or => (bl.build_or(a, b, "")?, t),
            BinOp::Xor => (bl.build_or(bl.build_xor(a, b, "")?, one, "")?, t),
            BinOp::FloorDiv | BinOp::Mod if pow2.is_some() => {
                // floor division by 2**k is an arithmetic shift and the (non-negative)
                // modulo a mask, in the tagged form too: (2x+1) & (2**(k+1)-1) = 2(x % 2**k)+1
                let k = pow2.unwrap_or(0);
                if op == BinOp::Mod {
                    (bl.build_and(a, self.i64c((2u64 << k) - 1), "")?, t)
                } else {
                    let x = bl.build_right_shift(a, self.i64c(k + 1), true, "")?;
                    let sh = bl.build_left_shift(x, one, "")?;
                    (bl.build_or(sh, one, "")?, t)
                }
            }
            BinOp::FloorDiv | BinOp::Mod => {
                let x = bl.build_right_shift(a, one, true, "x")?;
                let y = bl.build_right_shift(b, one, true, "y")?;
                // y == 0 (ZeroDivisionError) and y == -1 (possible overflow) go slow
                let y1 = bl.build_int_add(y, one, "")?;
                let ok = bl.build_int_compare(IntPredicate::UGT, y1, one, "divok")?;
                // avoid UB in the (discarded) division when not ok
                let ysafe = bl.build_select(ok, y, self.i64c(1), "")?.into_int_value();
                let q = bl.build_int_signed_div(x, ysafe, "q")?;
                let r = bl.build_int_signed_rem(x, ysafe, "r")?;
                // floor adjustment: r != 0 && (r ^ y) < 0
                let rnz = bl.build_int_compare(IntPredicate::NE, r, self.i64c(0), "")?;
                let sgn = bl.build_int_compare(IntPredicate::SLT, bl.build_xor(r, ysafe, "")?, self.i64c(0), "")?;
                let adj = bl.build_and(rnz, sgn, "adj")?;
                let res = if op == BinOp::FloorDiv {
                    let qm = bl.build_int_sub(q, one, "")?;
                    bl.build_select(adj, qm, q, "")?.into_int_value()
                } else {
                    let ry = bl.build_int_add(r, ysafe, "")?;
                    bl.build_select(adj, ry, r, "")?.into_int_value()
                };
                let sh = bl.build_left_shift(res, one, "")?;
                (bl.build_or(sh, one, "")?, ok)
            }
            BinOp::RShift => {
                let x = bl.build_right_shift(a, one, true, "x")?;
                let y = bl.build_right_shift(b, one, true, "y")?;
                let ok = bl.build_int_compare(IntPredicate::ULT, y, self.i64c(64), "")?;
                let ys = bl.build_select(ok, y, self.i64c(0), "")?.into_int_value();
                let ys = bl.build_and(ys, self.i64c(63), "")?;
                let r = bl.build_right_shift(x, ys, true, "")?;
                let sh = bl.build_left_shift(r, one, "")?;
                (bl.build_or(sh, one, "")?, ok)
            }
            BinOp::LShift => {
                let x = bl.build_right_shift(a, one, true, "x")?;
                let y = bl.build_right_shift(b, one, true, "y")?;
                let inrange = bl.build_int_compare(IntPredicate::ULT, y, self.i64c(63), "")?;
                let ys = bl.build_select(inrange, y, self.i64c(0), "")?.into_int_value();
                let r = bl.build_left_shift(x, ys, "")?;
                let back = bl.build_right_shift(r, ys, true, "")?;
                let ok1 = bl.build_int_compare(IntPredicate::EQ, back, x, "")?;
                let tagged = bl.build_left_shift(r, one, "")?;
                let back2 = bl.build_right_shift(tagged, one, true, "")?;
                let ok2 = bl.build_int_compare(IntPredicate::EQ, back2, r, "")?;
                let ok = bl.build_and(bl.build_and(inrange, ok1, "")?, ok2, "")?;
                (bl.build_or(tagged, one, "")?, ok)
            }
            _ => return Ok(None),
        }))
    }

    /// `a op b` (binary or in-place) with the small-int and float fast paths. Consumes a
    /// and b. Returns the result word and, when `unboxed`, the number of an unboxed
    /// result (the word is then the tag). The runtime path's result is tested for an
    /// error here (failing at `err`: the pc and the depth left), before it joins the
    /// inline paths, which cannot fail: the joined word is never 0.
    pub fn binop(&mut self, op_u: u32, inplace: bool, a: Opnd<'ctx>, b: Opnd<'ctx>, unboxed: bool, err: (usize, u32)) -> R<(IntValue<'ctx>, Option<FloatValue<'ctx>>)> {
        let rtname = if inplace { "pyrt_inplace_op" } else { "pyrt_binary_op" };
        let op = crate::fe::BinOp::ALL.get(op_u as usize).copied();
        let slow_call = |l: &mut Self| -> R<IntValue<'ctx>> {
            let (x, y) = (l.materialize(a.v, a.f)?, l.materialize(b.v, b.f)?);
            // `+` past the inline paths: `pyrt_add` concatenates two exact strs without the
            // operator dispatch (runtime types/str.rs); told when the left operand is a
            // temporary released below (flag 2), it may append to it in place
            let r = if op == Some(BinOp::Add) && l.fast {
                let flags = inplace as u64 | if a.owned { 2 } else { 0 };
                l.call_v("pyrt_add", &[x.into(), y.into(), l.i32c(flags).into()])?
            } else {
                l.call_v(rtname, &[x.into(), y.into(), l.i32c(op_u as u64).into()])?
            };
            l.release_opnd(Opnd { v: x, ..a })?;
            l.release_opnd(Opnd { v: y, ..b })?;
            Ok(r)
        };
        let op = match op {
            Some(op @ (BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor
            | BinOp::FloorDiv | BinOp::Mod | BinOp::RShift | BinOp::LShift | BinOp::TrueDiv)) if self.fast => op,
            _ => {
                let r = slow_call(self)?;
                self.check_null(r, err.0, err.1)?;
                return Ok((r, None));
            }
        };
        let slowbb = self.new_block("int_slow");
        let join = self.new_block("int_join");
        let mut incoming = Vec::new();
        let undef = self.ctx.f64_type().get_undef();
        if a.f.is_some() && b.f.is_some() && matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv) {
            let general = self.new_block("binop_general");
            if let Some((x, y)) = self.both_unboxed(a, b, general)? {
                let r = self.f64_arith(op, x, y, general)?.ok_or_else(|| LowerError("float operator".into()))?;
                let v = if unboxed { self.i64c(super::unboxed::STACK_TAG) } else { self.call_v("pyrt_float_new", &[r.into()])? };
                incoming.push((v, r, self.b.get_insert_block().unwrap()));
                self.b.build_unconditional_branch(join)?;
            }
            self.b.position_at_end(general);
        }
        if op != BinOp::TrueDiv {
            let cond = self.both_tagged(a.v, b.v)?;
            let fastbb = self.new_block("int_fast");
            let notint = self.new_block("not_int");
            self.b.build_conditional_branch(cond, fastbb, notint)?;
            self.b.position_at_end(fastbb);
            let (v, ok) = self
                .int_binop_fast(op, a.v, b.v)?
                .ok_or_else(|| LowerError("missing int fast path".into()))?;
            incoming.push((v, undef, self.b.get_insert_block().unwrap()));
            // an overflowing int operation goes to the big-int path, never to floats
            self.b.build_conditional_branch(ok, join, slowbb)?;
            self.b.position_at_end(notint);
        }
        match self.float_binop(op, a, b, slowbb, unboxed)? {
            Some((v, f)) => {
                incoming.push((v, f, self.b.get_insert_block().unwrap()));
                self.b.build_unconditional_branch(join)?;
            }
            None => {
                self.b.build_unconditional_branch(slowbb)?;
            }
        }
        self.b.position_at_end(slowbb);
        let r = slow_call(self)?;
        self.check_null(r, err.0, err.1)?;
        incoming.push((r, undef, self.b.get_insert_block().unwrap()));
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        let phi = self.b.build_phi(self.ctx.i64_type(), "binop")?;
        for (v, _, bb) in &incoming {
            phi.add_incoming(&[(v, *bb)]);
        }
        let num = if unboxed {
            let fphi = self.b.build_phi(self.ctx.f64_type(), "binopf")?;
            for (_, f, bb) in &incoming {
                fphi.add_incoming(&[(f, *bb)]);
            }
            Some(fphi.as_basic_value().into_float_value())
        } else {
            None
        };
        Ok((phi.as_basic_value().into_int_value(), num))
    }

    /// `-a` (a consumed): inline for floats (dual operands), the runtime otherwise.
    pub fn negate(&mut self, a: Opnd<'ctx>, unboxed: bool) -> R<(IntValue<'ctx>, Option<FloatValue<'ctx>>)> {
        let slowbb = self.new_block("neg_slow");
        let join = self.new_block("neg_join");
        let (v, f) = self.float_neg(a, slowbb, unboxed)?;
        let fast_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(slowbb);
        let x = self.materialize(a.v, a.f)?;
        let r = self.call_v("pyrt_unary_op", &[x.into(), self.i32c(crate::fe::UnOp::Neg as u64).into()])?;
        self.release_opnd(Opnd { v: x, ..a })?;
        let slow_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        let phi = self.b.build_phi(self.ctx.i64_type(), "neg")?;
        phi.add_incoming(&[(&v, fast_end), (&r, slow_end)]);
        if !unboxed {
            return Ok((phi.as_basic_value().into_int_value(), None));
        }
        let fphi = self.b.build_phi(self.ctx.f64_type(), "negf")?;
        fphi.add_incoming(&[(&f, fast_end), (&self.ctx.f64_type().get_undef(), slow_end)]);
        Ok((phi.as_basic_value().into_int_value(), Some(fphi.as_basic_value().into_float_value())))
    }

    /// The predicate comparing two tagged words as their ints (the tag is monotonic).
    pub(super) fn cmp_pred(op: CmpOp) -> IntPredicate {
        match op {
            CmpOp::Lt => IntPredicate::SLT,
            CmpOp::Le => IntPredicate::SLE,
            CmpOp::Eq => IntPredicate::EQ,
            CmpOp::Ne => IntPredicate::NE,
            CmpOp::Gt => IntPredicate::SGT,
            CmpOp::Ge => IntPredicate::SGE,
        }
    }

    /// `a cmp b` (at `pc`) producing an object. Consumes a and b; result may be 0
    /// (caller checks).
    pub fn compare(&mut self, pc: usize, op_u: u32, ao: Opnd<'ctx>, bo: Opnd<'ctx>) -> R<IntValue<'ctx>> {
        let (a, b) = (ao.v, bo.v);
        let slow_call = |l: &mut Self| -> R<IntValue<'ctx>> {
            let (x, y) = (l.materialize(a, ao.f)?, l.materialize(b, bo.f)?);
            let (ao, bo) = (l.own_attr_opnd(pc, 1, ao)?, l.own_attr_opnd(pc, 0, bo)?);
            let r = l.call_v("pyrt_compare_op", &[x.into(), y.into(), l.i32c(op_u as u64).into()])?;
            l.release_opnd(Opnd { v: x, ..ao })?;
            l.release_opnd(Opnd { v: y, ..bo })?;
            Ok(r)
        };
        if !self.fast || op_u > 5 {
            return slow_call(self);
        }
        let t = self.singleton("pyrt_true")?;
        let f = self.singleton("pyrt_false")?;
        let join = self.new_block("cmp_join");
        let quick = match self.quick_float_compare(op_u, ao, bo)? {
            Some((qc, general)) => {
                let qv = self.b.build_select(qc, t, f, "")?.into_int_value();
                let qbb = self.b.get_insert_block().unwrap();
                self.b.build_unconditional_branch(join)?;
                self.b.position_at_end(general);
                Some((qv, qbb))
            }
            None => None,
        };
        let cond = self.both_tagged(a, b)?;
        let fastbb = self.new_block("cmp_fast");
        let slowbb = self.new_block("cmp_slow");
        self.b.build_conditional_branch(cond, fastbb, slowbb)?;
        self.b.position_at_end(fastbb);
        let c = self.b.build_int_compare(Self::cmp_pred(CmpOp::from_u32(op_u)), a, b, "")?;
        let v = self.b.build_select(c, t, f, "")?.into_int_value();
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(slowbb);
        let rtbb = self.new_block("cmp_rt");
        let fc = self.float_compare(op_u, ao, bo, rtbb)?;
        let fv = self.b.build_select(fc, t, f, "")?.into_int_value();
        let float_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(rtbb);
        let r = slow_call(self)?;
        let slow_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        let phi = self.b.build_phi(self.ctx.i64_type(), "cmp")?;
        phi.add_incoming(&[(&v, fastbb), (&fv, float_end), (&r, slow_end)]);
        if let Some((qv, qbb)) = quick {
            phi.add_incoming(&[(&qv, qbb)]);
        }
        Ok(phi.as_basic_value().into_int_value())
    }

    /// The both-unboxed shortcut of comparison `op_u` (floatpath.rs `both_unboxed`):
    /// the i1 outcome, the builder left at the end of the unterminated quick block, and
    /// the block where the general comparison must be emitted. None (nothing emitted)
    /// unless both operands are dual.
    fn quick_float_compare(&mut self, op_u: u32, ao: Opnd<'ctx>, bo: Opnd<'ctx>) -> R<Option<(IntValue<'ctx>, inkwell::basic_block::BasicBlock<'ctx>)>> {
        if ao.f.is_none() || bo.f.is_none() {
            return Ok(None);
        }
        let general = self.new_block("cmp_general");
        Ok(match self.both_unboxed(ao, bo, general)? {
            Some((x, y)) => Some((self.b.build_float_compare(Self::float_pred(op_u), x, y, "fqcmp")?, general)),
            None => None,
        })
    }

    /// Compare-and-branch: `a cmp b` feeding `PopJumpIfFalse/True` at `pc + 1`.
    /// Returns an i1 in the current block (true = comparison holds). Consumes a and b.
    /// Errors of the comparison are charged to `pc`, errors of the truth test to `pc + 1`.
    pub fn compare_cond(&mut self, pc: usize, depth_after: u32, op_u: u32, ao: Opnd<'ctx>, bo: Opnd<'ctx>) -> R<IntValue<'ctx>> {
        let (a, b) = (ao.v, bo.v);
        let join = self.new_block("cc_join");
        let quick = match self.quick_float_compare(op_u, ao, bo)? {
            Some((qc, general)) => {
                let qbb = self.b.get_insert_block().unwrap();
                self.b.build_unconditional_branch(join)?;
                self.b.position_at_end(general);
                Some((qc, qbb))
            }
            None => None,
        };
        let cond = self.both_tagged(a, b)?;
        let fastbb = self.new_block("cc_fast");
        let slowbb = self.new_block("cc_slow");
        self.b.build_conditional_branch(cond, fastbb, slowbb)?;
        self.b.position_at_end(fastbb);
        let c = self.b.build_int_compare(Self::cmp_pred(CmpOp::from_u32(op_u)), a, b, "")?;
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(slowbb);
        let rtbb = self.new_block("cc_rt");
        let fc = self.float_compare(op_u, ao, bo, rtbb)?;
        let float_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(rtbb);
        let (x, y) = (self.materialize(a, ao.f)?, self.materialize(b, bo.f)?);
        let (ao, bo) = (self.own_attr_opnd(pc, 1, ao)?, self.own_attr_opnd(pc, 0, bo)?);
        let r = self.call_v("pyrt_compare_op", &[x.into(), y.into(), self.i32c(op_u as u64).into()])?;
        self.release_opnd(Opnd { v: x, ..ao })?;
        self.release_opnd(Opnd { v: y, ..bo })?;
        self.check_null(r, pc, depth_after)?;
        let t = self.truth_consume(r, pc + 1, depth_after)?;
        let slow_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        let phi = self.b.build_phi(self.ctx.bool_type(), "cc")?;
        phi.add_incoming(&[(&c, fastbb), (&fc, float_end), (&t, slow_end)]);
        if let Some((qc, qbb)) = quick {
            phi.add_incoming(&[(&qc, qbb)]);
        }
        Ok(phi.as_basic_value().into_int_value())
    }

    /// Truth value (i1) of `v`; does not release v. Errors are charged to `pc` with
    /// `depth` live slots.
    pub fn truth(&mut self, v: IntValue<'ctx>, pc: usize, depth: u32) -> R<IntValue<'ctx>> {
        self.truth_impl(v, pc, depth, false, false)
    }
    /// `truth_consume` of a borrowed attribute value (attrs.rs `own_attr_operand`): the
    /// inline cases need no reference, the runtime path takes one first.
    pub fn truth_borrowed(&mut self, v: IntValue<'ctx>, pc: usize, depth: u32) -> R<IntValue<'ctx>> {
        self.truth_impl(v, pc, depth, true, true)
    }
    /// Truth value (i1) of `v`, releasing v (before the error check, as the ABI requires).
    pub fn truth_consume(&mut self, v: IntValue<'ctx>, pc: usize, depth: u32) -> R<IntValue<'ctx>> {
        self.truth_impl(v, pc, depth, true, false)
    }

    fn truth_impl(&mut self, v: IntValue<'ctx>, pc: usize, depth: u32, consume: bool, borrowed: bool) -> R<IntValue<'ctx>> {
        let slow = |l: &mut Self| -> R<IntValue<'ctx>> {
            if borrowed {
                l.own_attr_operand(pc, v)?;
            }
            let st = l.call_v("pyrt_is_true", &[v.into()])?;
            if consume {
                l.decref(v)?;
            }
            l.check_status(st, pc, depth, true)?;
            Ok(l.b.build_int_compare(IntPredicate::NE, st, l.i32c(0), "truth")?)
        };
        if !self.fast {
            return slow(self);
        }
        let t = self.singleton("pyrt_true")?;
        let f = self.singleton("pyrt_false")?;
        let none = self.singleton("pyrt_none")?;
        let bool_t = self.ctx.bool_type();
        let join = self.new_block("truth_join");
        let not_t = self.new_block("truth_nt");
        let not_f = self.new_block("truth_nf");
        let not_none = self.new_block("truth_nn");
        let tagged_bb = self.new_block("truth_int");
        let slowbb = self.new_block("truth_slow");
        let start = self.b.get_insert_block().unwrap();
        let is_t = self.b.build_int_compare(IntPredicate::EQ, v, t, "")?;
        self.b.build_conditional_branch(is_t, join, not_t)?;
        self.b.position_at_end(not_t);
        let is_f = self.b.build_int_compare(IntPredicate::EQ, v, f, "")?;
        self.b.build_conditional_branch(is_f, join, not_f)?;
        self.b.position_at_end(not_f);
        let is_none = self.b.build_int_compare(IntPredicate::EQ, v, none, "")?;
        self.b.build_conditional_branch(is_none, join, not_none)?;
        self.b.position_at_end(not_none);
        let tag = self.b.build_and(v, self.i64c(1), "")?;
        let is_int = self.b.build_int_compare(IntPredicate::NE, tag, self.i64c(0), "")?;
        self.b.build_conditional_branch(is_int, tagged_bb, slowbb)?;
        self.b.position_at_end(tagged_bb);
        let nz = self.b.build_int_compare(IntPredicate::NE, v, self.i64c(1), "")?;
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(slowbb);
        let r = slow(self)?;
        let slow_end = self.b.get_insert_block().unwrap();
        self.b.build_unconditional_branch(join)?;
        self.b.position_at_end(join);
        let phi = self.b.build_phi(bool_t, "truth")?;
        phi.add_incoming(&[
            (&bool_t.const_int(1, false), start),
            (&bool_t.const_int(0, false), not_t),
            (&bool_t.const_int(0, false), not_f),
            (&nz, tagged_bb),
            (&r, slow_end),
        ]);
        Ok(phi.as_basic_value().into_int_value())
    }
}
