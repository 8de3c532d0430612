//! STUB — to be written.
use super::TypeSpec;
use super::typeobj::drop_nothing;
pub fn property_spec() -> TypeSpec { TypeSpec::new("property_spec", 16, drop_nothing) }
pub fn classmethod_spec() -> TypeSpec { TypeSpec::new("classmethod_spec", 16, drop_nothing) }
pub fn staticmethod_spec() -> TypeSpec { TypeSpec::new("staticmethod_spec", 16, drop_nothing) }
pub fn method_descriptor_spec() -> TypeSpec { TypeSpec::new("method_descriptor_spec", 16, drop_nothing) }
pub fn getset_descriptor_spec() -> TypeSpec { TypeSpec::new("getset_descriptor_spec", 16, drop_nothing) }
use crate::object::{Obj, PyResult};
pub fn bind(_d: &Obj, _inst: Option<&Obj>, _owner: &Obj) -> PyResult<Obj> { todo!() }
