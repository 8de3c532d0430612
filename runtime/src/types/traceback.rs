//! STUB — traceback and frame objects, and printing an uncaught exception.
use super::TypeSpec;
use super::typeobj::drop_nothing;
pub fn traceback_spec() -> TypeSpec { TypeSpec::new("traceback", 16, drop_nothing) }
pub fn frame_spec() -> TypeSpec { TypeSpec::new("frame", 16, drop_nothing) }
