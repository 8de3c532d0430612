//! STUB — to be written.
use super::TypeSpec;
use super::typeobj::drop_nothing;
pub fn spec() -> TypeSpec { TypeSpec::new("spec", 16, drop_nothing) }
pub fn iter_spec() -> TypeSpec { TypeSpec::new("iter_spec", 16, drop_nothing) }
pub fn reverse_iter_spec() -> TypeSpec { TypeSpec::new("reverse_iter_spec", 16, drop_nothing) }
use crate::object::Obj;
pub fn as_slice_opt(_o: &Obj) -> Option<&[Obj]> { None }
