//! pyrt: the pyc runtime. Linked into every program pyc builds (`libpyrt.a`).
//!
//! It owns the object model (`object.rs`: value word, tagged ints, `Obj` owned
//! references, allocation), the built-in types (`types/`, one file per type), the
//! abstract protocol every operation goes through (`protocol.rs`, `ops.rs`), errors and
//! tracebacks (`errors.rs`, `types/exceptions.rs`), the builtins and native modules
//! (`builtins.rs`, `modules/`), the bytecode interpreter (`interp.rs`) and the C ABI the
//! native code calls (`abi.rs`).
//!
//! ## Object model rules
//! * Ownership: every `Obj` is one owned reference. Functions take `&Obj` (borrowed) and
//!   return `Obj` (new reference). Containers own their items. At the C ABI, operands are
//!   borrowed unless documented as stolen (docs/architecture.md has the table).
//! * Who decrefs: whoever owns the reference, by dropping the `Obj`; raw words only at
//!   the ABI boundary.
//! * The GIL (`gil.rs`): every thread touching objects holds it, so refcounts are plain
//!   integers; per-interpreter state is `gil::GilCell` statics, per-thread state
//!   (current exception, frame stack, recursion depth) stays `thread_local!`.
//! * Errors: `PyResult<T>`; at the ABI the exception moves to the thread state (`errors`).

#![allow(clippy::missing_safety_doc)]

pub mod object;
pub mod object_alloc;
pub mod errors;
pub mod gil;
pub mod gc;
pub mod recursion;
pub mod tstate;
pub mod types;
pub mod protocol;
pub mod ops;
pub mod format;
pub mod frame;
pub mod interp;
pub mod abi;
pub mod attr_cache;
pub mod builtins;
pub mod modules;
pub mod mp_child;
