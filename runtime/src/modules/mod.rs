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
pub mod json_encode;
pub mod json_scan;
pub mod select;
pub mod posixsubprocess;
pub mod locale;
pub mod marshal;
pub mod cmath;
mod cmath_tables;
pub mod unicodedata;
mod unicodedata_db;
pub mod multiprocessing;
pub mod socket;
pub mod posixshmem;
pub mod mmap;
pub mod ast;
pub mod contextvars;
#[cfg(feature = "compiler")]
pub mod ast_convert;

use crate::object::{Obj, PyResult};
use crate::types::typeobj::{flags, TypeObject};
use crate::types::{class, types, TypeSpec};

/// Creates a fresh module object; `import` stores it in `sys.modules`.
pub type ModuleConstructor = fn() -> PyResult<Obj>;

/// Declares every native module (except `sys`, created at start-up): its name, the C
/// symbol that makes it importable, and its constructor. Programs link only the modules
/// they enable: the entry object that pyc generates calls `pyrt_native_<name>` for each
/// native module the program names (or `pyrt_enable_all_native_modules` when it may import
/// by a computed name), so the linker's `--gc-sections` drops the others' code.
macro_rules! native_modules {
    ($($name:literal => $symbol:ident: $ctor:expr $(; also $hook:expr)?,)*) => {
        /// Every native module's name and enabling symbol (`sys.builtin_module_names`; a unit
        /// test checks each symbol is `pyrt_native_<name>`, the spelling codegen emits).
        pub static NATIVE: &[(&str, &str)] = &[$(($name, stringify!($symbol))),*];
        $(
            #[no_mangle]
            pub extern "C" fn $symbol() {
                $($hook();)?
                enable($name, $ctor)
            }
        )*
        /// Enables every native module (interpreter-only runs, programs that import by name).
        #[no_mangle]
        pub extern "C" fn pyrt_enable_all_native_modules() {
            $($symbol();)*
        }
    };
}

native_modules! {
    "builtins" => pyrt_native_builtins: || Ok(crate::builtins::builtins_module()),
    "math" => pyrt_native_math: || Ok(math::create()),
    "_thread" => pyrt_native__thread: thread::create,
    "_signal" => pyrt_native__signal: signal::create,
    "itertools" => pyrt_native_itertools: itertools::create,
    "_collections" => pyrt_native__collections: collections::create,
    "_functools" => pyrt_native__functools: functools::create,
    "_heapq" => pyrt_native__heapq: heapq::create,
    "_bisect" => pyrt_native__bisect: bisect::create,
    "_string" => pyrt_native__string: string::create,
    "atexit" => pyrt_native_atexit: atexit::create,
    "gc" => pyrt_native_gc: || Ok(gc::create()),
    "time" => pyrt_native_time: || Ok(time::create()),
    "_sre" => pyrt_native__sre: sre::create,
    "posix" => pyrt_native_posix: posix::create,
    "errno" => pyrt_native_errno: errno::create,
    "_io" => pyrt_native__io: io::create,
    "_weakref" => pyrt_native__weakref: || Ok(weakref::create_underscore()),
    "weakref" => pyrt_native_weakref: weakref::create,
    "_random" => pyrt_native__random: random::create,
    "_md5" => pyrt_native__md5: hashlib::create_md5,
    "_sha1" => pyrt_native__sha1: hashlib::create_sha1,
    "_sha256" => pyrt_native__sha256: hashlib::create_sha256,
    "_sha512" => pyrt_native__sha512: hashlib::create_sha512,
    "_sha3" => pyrt_native__sha3: hashlib::create_sha3,
    "_blake2" => pyrt_native__blake2: hashlib::create_blake2,
    "binascii" => pyrt_native_binascii: binascii::create,
    "zlib" => pyrt_native_zlib: zlib::create,
    "_pyc_codecs" => pyrt_native__pyc_codecs: codecs::create,
    "_struct" => pyrt_native__struct: r#struct::create,
    "_operator" => pyrt_native__operator: operator::create,
    "_csv" => pyrt_native__csv: csv::create,
    "_json" => pyrt_native__json: json::create,
    "select" => pyrt_native_select: select::create,
    "_posixsubprocess" => pyrt_native__posixsubprocess: posixsubprocess::create,
    "_locale" => pyrt_native__locale: locale::create,
    "marshal" => pyrt_native_marshal: marshal::create,
    "cmath" => pyrt_native_cmath: cmath::create,
    // its name table also serves the `namereplace` error handler (codecs::char_name)
    "unicodedata" => pyrt_native_unicodedata: unicodedata::create; also || codecs::install_char_names(unicodedata::char_name),
    // a program that can import multiprocessing may be re-executed as its child
    "_multiprocessing" => pyrt_native__multiprocessing: multiprocessing::create; also crate::mp_child::enable,
    "_socket" => pyrt_native__socket: socket::create,
    "_posixshmem" => pyrt_native__posixshmem: posixshmem::create,
    "_ast" => pyrt_native__ast: ast::create,
    "mmap" => pyrt_native_mmap: mmap::create,
    "_contextvars" => pyrt_native__contextvars: contextvars::create,
}

/// The native modules a program enabled (few: a linear scan is fine, imports are cached
/// in `sys.modules`). A `Mutex` because enabling happens before the GIL exists.
static ENABLED: std::sync::Mutex<Vec<(&'static str, ModuleConstructor)>> = std::sync::Mutex::new(Vec::new());

fn enable(name: &'static str, create: ModuleConstructor) {
    let mut enabled = ENABLED.lock().unwrap_or_else(|e| e.into_inner());
    if !enabled.iter().any(|(n, _)| *n == name) {
        enabled.push((name, create));
    }
}

/// The constructor of the native module `name`, if it is one the program enabled.
pub fn constructor(name: &str) -> Option<ModuleConstructor> {
    let enabled = ENABLED.lock().unwrap_or_else(|e| e.into_inner());
    enabled.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// Creates an immortal built-in type (base `object`) from a spec; its dict is filled on
/// first use.
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
    b.defer_methods(spec.methods);
    b
}

#[cfg(test)]
mod tests {
    #[test]
    fn native_table_matches_frontend_list() {
        for (name, symbol) in super::NATIVE {
            assert_eq!(*symbol, format!("pyrt_native_{name}"), "codegen spells the symbol pyrt_native_<name>");
        }
        let mut ours: Vec<&str> = super::NATIVE.iter().map(|(n, _)| *n).chain(["sys"]).collect();
        let mut theirs: Vec<&str> = pyc_frontend::native_modules::NATIVE_MODULES.to_vec();
        ours.sort();
        theirs.sort();
        assert_eq!(ours, theirs, "runtime/src/modules/mod.rs NATIVE and frontend native_modules.rs disagree");
    }
}
