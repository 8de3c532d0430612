//! Native modules (`sys`, `math`, `gc`, `_weakref`/`weakref`) and the helper that creates extra built-in types at
//! run time (types a module defines, such as `sys`'s text stream type).
pub mod sys;
pub mod math;
pub mod gc;
pub mod weakref;
pub mod time;

use crate::types::typeobj::{flags, TypeObject};
use crate::types::{class, types, TypeSpec};

/// Creates an immortal built-in type (base `object`) from a spec, dict filled.
pub fn make_type(spec: TypeSpec) -> &'static TypeObject {
    let object = types().object;
    let base_obj = object.as_obj();
    let mut t = TypeObject::builtin(spec.name, Some(&base_obj), spec.basicsize, spec.drop_payload);
    let mut fl = t.flags.get() | spec.flags;
    if spec.final_ {
        fl &= !flags::BASETYPE;
    }
    *t.mro_rest.borrow_mut() = vec![object.as_obj()];
    *t.slots.borrow_mut() = class::inherit_slots(spec.slots, &object.slots());
    if spec.has_dict {
        t.dict_offset = spec.basicsize;
        t.basicsize = spec.basicsize + 8;
    }
    if t.slots.borrow().traverse.is_some() {
        fl |= flags::HAVE_GC;
    }
    t.flags.set(fl);
    t.head.ty = types().type_ as *const TypeObject;
    let b: &'static mut TypeObject = Box::leak(Box::new(t));
    b.head.refcnt = crate::object::IMMORTAL * 2;
    class::fill_builtin_dict(b, spec.methods);
    b
}
