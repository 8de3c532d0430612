//! STUB — to be written.
use super::TypeSpec;
use super::typeobj::drop_nothing;
pub fn none_spec() -> TypeSpec { TypeSpec::new("none_spec", 16, drop_nothing) }
pub fn not_implemented_spec() -> TypeSpec { TypeSpec::new("not_implemented_spec", 16, drop_nothing) }
pub fn ellipsis_spec() -> TypeSpec { TypeSpec::new("ellipsis_spec", 16, drop_nothing) }
use crate::object::Obj;
pub fn init_singletons() {}
pub fn none() -> Obj { todo!() }
pub fn true_() -> Obj { todo!() }
pub fn false_() -> Obj { todo!() }
pub fn not_implemented() -> Obj { todo!() }
