//! STUB: operator dispatch (binary/in-place/unary operators, rich comparison).
use pyc_frontend::bytecode::{BinOp, CmpOp, UnOp};
use crate::object::{Obj, PyResult};
pub fn richcompare(_a: &Obj, _b: &Obj, _op: CmpOp) -> PyResult<Obj> { todo!() }
pub fn binary_op(_a: &Obj, _b: &Obj, _op: BinOp) -> PyResult<Obj> { todo!() }
pub fn inplace_op(_a: &Obj, _b: &Obj, _op: BinOp) -> PyResult<Obj> { todo!() }
pub fn unary_op(_a: &Obj, _op: UnOp) -> PyResult<Obj> { todo!() }
