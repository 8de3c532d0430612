//! STUB — to be written.
use super::TypeSpec;
use super::typeobj::drop_nothing;
pub fn seq_iter_spec() -> TypeSpec { TypeSpec::new("seq_iter_spec", 16, drop_nothing) }
pub fn callable_iter_spec() -> TypeSpec { TypeSpec::new("callable_iter_spec", 16, drop_nothing) }
pub fn enumerate_spec() -> TypeSpec { TypeSpec::new("enumerate_spec", 16, drop_nothing) }
pub fn zip_spec() -> TypeSpec { TypeSpec::new("zip_spec", 16, drop_nothing) }
pub fn map_spec() -> TypeSpec { TypeSpec::new("map_spec", 16, drop_nothing) }
pub fn filter_spec() -> TypeSpec { TypeSpec::new("filter_spec", 16, drop_nothing) }
pub fn reversed_spec() -> TypeSpec { TypeSpec::new("reversed_spec", 16, drop_nothing) }
use crate::object::Obj;
pub fn new_seq_iter(_o: Obj) -> Obj { todo!() }
