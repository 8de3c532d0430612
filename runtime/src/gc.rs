//! The cycle collector (to come: issue "Memory"). Today it only offers the hooks the
//! allocator calls, so tracking can be added without touching every type.

use crate::object::ObjHeader;

/// Called for every new heap object.
#[inline]
pub fn on_alloc(_h: *mut ObjHeader) {}

/// Called just before an object is destroyed.
#[inline]
pub fn on_dealloc(_h: *mut ObjHeader) {}
