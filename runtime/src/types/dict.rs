//! STUB — to be written.
use super::TypeSpec;
use super::typeobj::drop_nothing;
pub fn spec() -> TypeSpec { TypeSpec::new("spec", 16, drop_nothing) }
pub fn keys_spec() -> TypeSpec { TypeSpec::new("keys_spec", 16, drop_nothing) }
pub fn values_spec() -> TypeSpec { TypeSpec::new("values_spec", 16, drop_nothing) }
pub fn items_spec() -> TypeSpec { TypeSpec::new("items_spec", 16, drop_nothing) }
pub fn keyiter_spec() -> TypeSpec { TypeSpec::new("keyiter_spec", 16, drop_nothing) }
pub fn valueiter_spec() -> TypeSpec { TypeSpec::new("valueiter_spec", 16, drop_nothing) }
pub fn itemiter_spec() -> TypeSpec { TypeSpec::new("itemiter_spec", 16, drop_nothing) }
pub fn reversekeyiter_spec() -> TypeSpec { TypeSpec::new("reversekeyiter_spec", 16, drop_nothing) }
use crate::object::Obj;
pub fn get_item_str(_d: &Obj, _k: &Obj) -> Option<Obj> { None }
