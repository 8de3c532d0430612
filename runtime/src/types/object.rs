//! STUB — to be written.
use super::TypeSpec;
use super::typeobj::drop_nothing;
pub fn spec() -> TypeSpec { TypeSpec::new("spec", 16, drop_nothing) }
use crate::object::{Obj, PyResult};
pub fn object_repr(_o: &Obj) -> PyResult<Obj> { todo!() }
pub fn generic_getattr(_o: &Obj, _name: &Obj) -> PyResult<Obj> { todo!() }
pub fn generic_setattr(_o: &Obj, _name: &Obj, _v: Option<&Obj>) -> PyResult<()> { todo!() }
