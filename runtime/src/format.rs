//! STUB: format spec mini-language and float repr.
use crate::object::{Obj, PyResult};
pub fn format_obj(_o: &Obj, _spec: &str) -> PyResult<Obj> { todo!() }
