//! Native modules: the table of their constructors (`NATIVE`, one row per module; its
//! names must match `pyc_frontend::native_modules::NATIVE_MODULES`, which the build-time
//! module graph reads) and the helper that creates extra built-in types at run time
//! (types a module defines, such as `sys`'s text stream type).
pub mod sys;
pub mod itertools;
pub mod collections;
pub mod functools;
pub mod heapq;
pub mod bisect;
pub mod string;
pub mod atexit;
pub mod math;
pub mod gc;
pub mod weakref;
pub mod time;
pub mod sre;
pub mod thread;
pub mod signal;
pub mod structseq;
pub mod posix;
pub mod errno;
pub mod io;
pub mod random;
pub mod hashlib;
pub mod binascii;
pub mod zlib;
pub mod codecs;
pub mod r#struct;
pub mod operator;
pub mod csv;
pub mod json;

use crate::object::{Obj, PyResult};
use crate::types::typeobj::{flags, TypeObject};
use crate::types::{class, types, TypeSpec};

/// Creates a fresh module object; `import` stores it in `sys.modules`.
pub type ModuleConstructor = fn() -> PyResult<Obj>;

/// Every native module (except `sys`, created at start-up) and its constructor.
pub static NATIVE: &[(&str, ModuleConstructor)] = &[
    ("builtins", || Ok(crate::builtins::builtins_module())),
    ("math", || Ok(math::create())),
    ("_thread", thread::create),
    ("_signal", signal::create),
    ("itertools", itertools::create),
    ("_collections", collections::create),
    ("_functools", functools::create),
    ("_heapq", heapq::create),
    ("_bisect", bisect::create),
    ("_string", string::create),
    ("atexit", atexit::create),
    ("gc", || Ok(gc::create())),
    ("time", || Ok(time::create())),
    ("_sre", sre::create),
    ("posix", posix::create),
    ("errno", errno::create),
    ("_io", io::create),
    ("_weakref", || Ok(weakref::create_underscore())),
    ("weakref", weakref::create),
    ("_random", random::create),
    ("_md5", hashlib::create_md5),
    ("_sha1", hashlib::create_sha1),
    ("_sha256", hashlib::create_sha256),
    ("_sha512", hashlib::create_sha512),
    ("_sha3", hashlib::create_sha3),
    ("_blake2", hashlib::create_blake2),
    ("binascii", binascii::create),
    ("zlib", zlib::create),
    ("_pyc_codecs", codecs::create),
    ("_struct", r#struct::create),
    ("_operator", operator::create),
    ("_csv", csv::create),
    ("_json", json::create),
];

/// The constructor of the native module `name`, if it is one.
pub fn constructor(name: &str) -> Option<ModuleConstructor> {
    NATIVE.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

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

#[cfg(test)]
mod tests {
    #[test]
    fn native_table_matches_frontend_list() {
        let mut ours: Vec<&str> = super::NATIVE.iter().map(|(n, _)| *n).chain(["sys"]).collect();
        let mut theirs: Vec<&str> = pyc_frontend::native_modules::NATIVE_MODULES.to_vec();
        ours.sort();
        theirs.sort();
        assert_eq!(ours, theirs, "runtime/src/modules/mod.rs NATIVE and frontend native_modules.rs disagree");
    }
}
