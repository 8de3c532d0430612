//! `bool`: the final subclass of `int` with the two immortal instances `True` and
//! `False` (created by `none::init_singletons` through `make_bool_object`). Instances use
//! int's layout (`int::IntObj`), so every int operation works on them; `&`, `|`, `^`
//! between two bools give a bool, everything else is int arithmetic.

use pyc_frontend::bytecode::BinOp;

use super::int::{self, IntObj};
use super::none::{false_, not_implemented, true_};
use super::typeobj::{drop_as, KwArgs};
use super::{types, TypeSpec};
use crate::errors::type_error;
use crate::object::{alloc, header, Obj, PyResult};

/// `True` or `False`.
#[inline]
pub fn from_bool(b: bool) -> Obj {
    if b {
        true_()
    } else {
        false_()
    }
}

/// Is `o` a bool (`True` or `False`)?
#[inline]
pub fn is_bool(o: &Obj) -> bool {
    !o.is_small_int() && o.is_exact(types().bool_)
}

/// Allocates a bool object (only `none::init_singletons` calls this, twice).
pub fn make_bool_object(b: bool) -> Obj {
    alloc(types().bool_, IntObj { head: header(), value: num_bigint::BigInt::from(b as u8) })
}

fn bool_repr(o: &Obj) -> PyResult<Obj> {
    Ok(super::str::intern(if o.is(&true_()) { "True" } else { "False" }))
}

fn bool_new(_cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("bool() takes no keyword arguments"));
    }
    match args.len() {
        0 => Ok(false_()),
        1 => Ok(from_bool(crate::protocol::is_true(&args[0])?)),
        n => Err(type_error(format!("bool expected at most 1 argument, got {}", n))),
    }
}

fn bitop(a: &Obj, b: &Obj, op: BinOp) -> PyResult<Obj> {
    if is_bool(a) && is_bool(b) {
        let (x, y) = (a.is(&true_()), b.is(&true_()));
        return Ok(from_bool(match op {
            BinOp::And => x & y,
            BinOp::Or => x | y,
            _ => x ^ y,
        }));
    }
    if !int::is_int(a) || !int::is_int(b) {
        return Ok(not_implemented());
    }
    int::int_binop(a, b, op)
}

fn bool_and(a: &Obj, b: &Obj) -> PyResult<Obj> {
    bitop(a, b, BinOp::And)
}
fn bool_or(a: &Obj, b: &Obj) -> PyResult<Obj> {
    bitop(a, b, BinOp::Or)
}
fn bool_xor(a: &Obj, b: &Obj) -> PyResult<Obj> {
    bitop(a, b, BinOp::Xor)
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("bool", std::mem::size_of::<IntObj>(), drop_as::<IntObj>);
    s.final_ = true;
    s.slots.repr = Some(bool_repr);
    s.slots.new = Some(bool_new);
    s.slots.number[BinOp::And as usize] = Some(bool_and);
    s.slots.number[BinOp::Or as usize] = Some(bool_or);
    s.slots.number[BinOp::Xor as usize] = Some(bool_xor);
    s
}
