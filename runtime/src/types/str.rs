//! STUB — to be written.
use super::TypeSpec;
use super::typeobj::drop_nothing;
pub fn spec() -> TypeSpec { TypeSpec::new("spec", 16, drop_nothing) }
pub fn iter_spec() -> TypeSpec { TypeSpec::new("iter_spec", 16, drop_nothing) }
use crate::object::Obj;
pub fn as_str(_o: &Obj) -> Option<&str> { todo!() }
pub fn intern(_s: &str) -> Obj { todo!() }
pub fn init_interning() {}
