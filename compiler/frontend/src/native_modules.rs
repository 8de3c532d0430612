//! The names of the modules the runtime implements natively (in Rust), shared by the
//! build-time module graph (which never searches for them on disk) and the runtime's
//! module table (`runtime/src/modules/mod.rs`, whose unit test checks both agree).

/// Every native module, by its import name. Dotted submodules of these are native too.
pub const NATIVE_MODULES: &[&str] = &["sys", "builtins", "math", "itertools", "_collections", "_functools", "_heapq", "_bisect", "_string", "atexit", "gc", "_weakref", "weakref", "time", "_sre", "posix", "errno", "_io",
    "_random", "_md5", "_sha1", "_sha256", "_sha512", "_sha3", "_blake2", "binascii", "zlib", "_pyc_codecs",
    "_thread", "_signal", "_struct", "_operator", "_csv", "_json", "select", "_posixsubprocess", "_locale", "marshal", "cmath", "unicodedata", "_multiprocessing", "_socket", "_posixshmem", "_ast", "mmap", "_contextvars"];

/// Whether `name` (a top-level module name) is implemented natively.
pub fn is_native(name: &str) -> bool {
    NATIVE_MODULES.contains(&name)
}
