//! STUB — to be written.
use super::TypeSpec;
use super::typeobj::drop_nothing;
pub fn type_spec() -> TypeSpec { TypeSpec::new("type_spec", 16, drop_nothing) }
pub fn super_spec() -> TypeSpec { TypeSpec::new("super_spec", 16, drop_nothing) }
use super::typeobj::{Slots, TypeObject, MethodDef};
pub fn inherit_slots(own: Slots, _base: &Slots) -> Slots { own }
pub fn fill_builtin_dict(_ty: &TypeObject, _methods: Vec<MethodDef>) {}
