//! STUB — to be written.
use super::TypeSpec;
use super::typeobj::drop_nothing;
pub fn function_spec() -> TypeSpec { TypeSpec::new("function_spec", 16, drop_nothing) }
pub fn builtin_function_spec() -> TypeSpec { TypeSpec::new("builtin_function_spec", 16, drop_nothing) }
pub fn method_spec() -> TypeSpec { TypeSpec::new("method_spec", 16, drop_nothing) }
pub fn cell_spec() -> TypeSpec { TypeSpec::new("cell_spec", 16, drop_nothing) }
