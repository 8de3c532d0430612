//! STUB — to be written.
use super::TypeSpec;
use super::typeobj::drop_nothing;
pub fn spec() -> TypeSpec { TypeSpec::new("spec", 16, drop_nothing) }
use crate::object::Obj;
pub fn hash_i64(i: i64) -> i64 { i }
pub fn to_i64(o: &Obj) -> Option<i64> { o.small_int() }
pub fn exact_int(o: &Obj) -> Obj { o.clone() }
