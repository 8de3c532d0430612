//! STUB — to be written.
use super::TypeSpec;
use super::typeobj::drop_nothing;
pub fn spec() -> TypeSpec { TypeSpec::new("spec", 16, drop_nothing) }
