//! STUB — to be written.
use super::TypeSpec;
use super::typeobj::drop_nothing;
use crate::object::Obj;
use super::typeobj::TypeObject;
pub struct ExcTypes { pub type_error: &'static TypeObject, pub value_error: &'static TypeObject, pub index_error: &'static TypeObject, pub attribute_error: &'static TypeObject, pub name_error: &'static TypeObject, pub zero_division_error: &'static TypeObject, pub overflow_error: &'static TypeObject, pub runtime_error: &'static TypeObject, pub recursion_error: &'static TypeObject, pub not_implemented_error: &'static TypeObject, pub unbound_local_error: &'static TypeObject, pub import_error: &'static TypeObject, pub memory_error: &'static TypeObject, pub os_error: &'static TypeObject, pub key_error: &'static TypeObject, pub stop_iteration: &'static TypeObject, pub system_error: &'static TypeObject }
pub fn exc() -> &'static ExcTypes { todo!() }
pub fn new_exception_msg(_t: &TypeObject, _m: &str) -> Obj { todo!() }
pub fn new_exception(_t: &TypeObject, _a: Vec<Obj>) -> Obj { todo!() }
pub fn init() {}
