//! Operator dispatch, as CPython's abstract.c / object.c: binary operators (the left
//! type's number slot, then the right's — the right first when its type is a proper
//! subclass with its own slot), in-place operators (in-place slot, then the binary
//! path), unary operators, and rich comparison (reflected first for subclasses, identity
//! fallback for `==`/`!=`), each with CPython's TypeError messages. Small-int fast paths
//! sit at the top of each function.

use pyc_frontend::bytecode::{BinOp, CmpOp, UnOp};

use crate::errors::type_error;
use crate::object::{Obj, PyErr, PyResult};
use crate::types::typeobj::BinaryFn;
use crate::types::{bool as pybool, int, none, types};

/// Dunder names by `BinOp` index: (forward, reflected, in-place).
pub const BINOP_NAMES: [(&str, &str, &str); 13] = [
    ("__add__", "__radd__", "__iadd__"),
    ("__sub__", "__rsub__", "__isub__"),
    ("__mul__", "__rmul__", "__imul__"),
    ("__matmul__", "__rmatmul__", "__imatmul__"),
    ("__truediv__", "__rtruediv__", "__itruediv__"),
    ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    ("__mod__", "__rmod__", "__imod__"),
    ("__pow__", "__rpow__", "__ipow__"),
    ("__lshift__", "__rlshift__", "__ilshift__"),
    ("__rshift__", "__rrshift__", "__irshift__"),
    ("__and__", "__rand__", "__iand__"),
    ("__or__", "__ror__", "__ior__"),
    ("__xor__", "__rxor__", "__ixor__"),
];

#[inline]
fn small_fast(a: &Obj, b: &Obj, op: BinOp) -> Option<Obj> {
    let (x, y) = (a.small_int()?, b.small_int()?);
    let r = match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::FloorDiv if y != 0 => {
            if x == i64::MIN && y == -1 {
                return None;
            }
            let q = x / y;
            if (x % y != 0) && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinOp::Mod if y != 0 => {
            let m = x % y;
            if m != 0 && ((m < 0) != (y < 0)) {
                m + y
            } else {
                m
            }
        }
        _ => return None,
    };
    Some(int::from_i64(r))
}

/// CPython's `binary_op1`: `Ok(NotImplemented)` when neither side handles the pair.
pub fn binary_op1(a: &Obj, b: &Obj, i: usize) -> PyResult<Obj> {
    let ta = a.ty();
    let tb = b.ty();
    let slota: Option<BinaryFn> = ta.slots().number[i];
    let mut slotb: Option<BinaryFn> = None;
    if !std::ptr::eq(ta, tb) {
        slotb = tb.slots().number[i];
        if let (Some(x), Some(y)) = (slota, slotb) {
            if x as usize == y as usize {
                slotb = None;
            }
        }
    }
    if let Some(fa) = slota {
        if let Some(fb) = slotb {
            if tb.is_subtype(ta) {
                let r = fb(a, b)?;
                if !none::is_not_implemented(&r) {
                    return Ok(r);
                }
                slotb = None;
            }
        }
        let r = fa(a, b)?;
        if !none::is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(fb) = slotb {
        let r = fb(a, b)?;
        if !none::is_not_implemented(&r) {
            return Ok(r);
        }
    }
    Ok(none::not_implemented())
}

fn is_sequence_for_concat(o: &Obj) -> bool {
    let t = types();
    !o.is_small_int()
        && (o.isinstance(t.list) || o.isinstance(t.tuple) || o.isinstance(t.str) || o.isinstance(t.bytes) || o.isinstance(t.bytearray))
}

fn is_index_like(o: &Obj) -> bool {
    o.is_small_int() || o.isinstance(types().int) || o.ty().slots().index.is_some()
}

/// The TypeError of an unsupported binary operation (with the sequence-specific
/// messages of CPython's `sq_concat`/`sq_repeat` fallbacks).
fn binop_error(a: &Obj, b: &Obj, op: BinOp, inplace: bool) -> PyErr {
    let t = types();
    match op {
        BinOp::Add if is_sequence_for_concat(a) => {
            if a.isinstance(t.bytes) || a.isinstance(t.bytearray) {
                return type_error(format!("can't concat {} to {}", b.type_name(), a.type_name()));
            }
            let base = if a.isinstance(t.list) {
                "list"
            } else if a.isinstance(t.tuple) {
                "tuple"
            } else {
                "str"
            };
            return type_error(format!("can only concatenate {} (not \"{}\") to {}", base, b.type_name(), base));
        }
        BinOp::Mul => {
            if is_sequence_for_concat(a) && !is_index_like(b) {
                return type_error(format!("can't multiply sequence by non-int of type '{}'", b.type_name()));
            }
            if is_sequence_for_concat(b) && !is_index_like(a) {
                return type_error(format!("can't multiply sequence by non-int of type '{}'", a.type_name()));
            }
        }
        _ => {}
    }
    let sym = match (op, inplace) {
        (BinOp::Pow, false) => "** or pow()".to_string(),
        (_, false) => op.symbol().to_string(),
        (_, true) => format!("{}=", op.symbol()),
    };
    type_error(format!("unsupported operand type(s) for {}: '{}' and '{}'", sym, a.type_name(), b.type_name()))
}

/// `a op b`.
pub fn binary_op(a: &Obj, b: &Obj, op: BinOp) -> PyResult<Obj> {
    // (native code adds small ints inline: what reaches here is mostly objects)
    if op == BinOp::Add {
        if let Some(r) = crate::types::str::add_exact(a, b) {
            return Ok(r);
        }
    }
    if let Some(r) = small_fast(a, b, op) {
        return Ok(r);
    }
    let r = binary_op1(a, b, op as usize)?;
    if none::is_not_implemented(&r) {
        return Err(binop_error(a, b, op, false));
    }
    Ok(r)
}

/// `a op= b`: the in-place slot of `a`'s type, then the binary operator.
pub fn inplace_op(a: &Obj, b: &Obj, op: BinOp) -> PyResult<Obj> {
    if let Some(r) = small_fast(a, b, op) {
        return Ok(r);
    }
    // (exact str has no in-place slot, so `+=` is its `+`)
    if op == BinOp::Add {
        if let Some(r) = crate::types::str::add_exact(a, b) {
            return Ok(r);
        }
    }
    let i = op as usize;
    if let Some(f) = a.ty().slots().inplace[i] {
        let r = f(a, b)?;
        if !none::is_not_implemented(&r) {
            return Ok(r);
        }
    }
    let r = binary_op1(a, b, i)?;
    if none::is_not_implemented(&r) {
        return Err(binop_error(a, b, op, true));
    }
    Ok(r)
}

/// `-a`, `+a`, `~a`, `not a`.
pub fn unary_op(a: &Obj, op: UnOp) -> PyResult<Obj> {
    if let Some(x) = a.small_int() {
        match op {
            UnOp::Neg => return Ok(int::from_i64(-x)),
            UnOp::Pos => return Ok(a.clone()),
            UnOp::Invert => return Ok(int::from_i64(!x)),
            UnOp::Not => return Ok(pybool::from_bool(x == 0)),
        }
    }
    let s = a.ty().slots();
    let (f, sym) = match op {
        UnOp::Not => return Ok(pybool::from_bool(!crate::protocol::is_true(a)?)),
        UnOp::Neg => (s.neg, "-"),
        UnOp::Pos => (s.pos, "+"),
        UnOp::Invert => (s.invert, "~"),
    };
    match f {
        Some(f) => f(a),
        None => Err(type_error(format!("bad operand type for unary {}: '{}'", sym, a.type_name()))),
    }
}

/// `abs(a)`.
pub fn abs(a: &Obj) -> PyResult<Obj> {
    if let Some(x) = a.small_int() {
        return Ok(int::from_i64(x.abs()));
    }
    match a.ty().slots().abs {
        Some(f) => f(a),
        None => Err(type_error(format!("bad operand type for abs(): '{}'", a.type_name()))),
    }
}

fn swapped(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Eq => CmpOp::Eq,
        CmpOp::Ne => CmpOp::Ne,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
    }
}

/// Rich comparison returning the result object (CPython's `do_richcompare`).
pub fn richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if let (Some(x), Some(y)) = (a.small_int(), b.small_int()) {
        let r = match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        };
        return Ok(pybool::from_bool(r));
    }
    crate::recursion::enter_for(" in comparison")?;
    let r = do_richcompare(a, b, op);
    crate::recursion::leave();
    r
}

fn do_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    let ta = a.ty();
    let tb = b.ty();
    let mut checked_reverse = false;
    if !std::ptr::eq(ta, tb) && tb.is_subtype(ta) {
        if let Some(f) = tb.slots().richcompare {
            checked_reverse = true;
            let r = f(b, a, swapped(op))?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    if let Some(f) = ta.slots().richcompare {
        let r = f(a, b, op)?;
        if !none::is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if !checked_reverse {
        if let Some(f) = tb.slots().richcompare {
            let r = f(b, a, swapped(op))?;
            if !none::is_not_implemented(&r) {
                return Ok(r);
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(pybool::from_bool(a.is(b))),
        CmpOp::Ne => Ok(pybool::from_bool(!a.is(b))),
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            a.type_name(),
            b.type_name()
        ))),
    }
}

/// `a < b` etc. as a Rust bool.
pub fn compare_bool(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.small_int(), b.small_int()) {
        return Ok(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        });
    }
    crate::protocol::is_true(&richcompare(a, b, op)?)
}
