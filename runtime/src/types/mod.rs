//! The built-in types: one file per type, and the registry that creates them at
//! start-up (`init`) and hands them out (`types()`).
//!
//! Each type file exposes `pub fn spec() -> TypeSpec` describing its layout, slots and
//! methods, plus the Rust API other runtime code uses for that type (constructors,
//! accessors). `init` allocates every type object in dependency order, then fills their
//! dicts once `str` and `dict` work.

use std::cell::Cell;

use crate::object::ObjHeader;
use typeobj::{MethodDef, Slots, TypeObject};

pub mod typeobj;
pub mod object;
pub mod instance_attrs;
pub mod class;
pub mod none;
pub mod bool;
pub mod int;
pub mod float;
pub mod complex;
pub mod str;
pub mod unicode_db;
pub mod bytes;
pub mod memoryview;
pub mod list;
pub mod tuple;
pub mod dict;
pub mod set;
pub mod range;
pub mod slice;
pub mod iterators;
pub mod function;
pub mod descriptors;
pub mod module;
pub mod code;
pub mod generator;
pub mod coroutine;
pub mod exceptions;
pub mod traceback;
pub mod generic_alias;
pub mod union;

/// How a type file describes its type.
pub struct TypeSpec {
    pub name: &'static str,
    /// Size of the instance layout (header + payload).
    pub basicsize: usize,
    pub drop_payload: unsafe fn(*mut ObjHeader),
    pub slots: Slots,
    pub methods: Vec<MethodDef>,
    /// Extra `typeobj::flags` (BASETYPE is on by default; `final_` turns it off).
    pub flags: u32,
    pub final_: bool,
    /// Instances carry a `__dict__` (offset = basicsize - 8 of the layout).
    pub has_dict: bool,
}

impl TypeSpec {
    pub fn new(name: &'static str, basicsize: usize, drop_payload: unsafe fn(*mut ObjHeader)) -> TypeSpec {
        TypeSpec {
            name,
            basicsize,
            drop_payload,
            slots: Slots::default(),
            methods: Vec::new(),
            flags: 0,
            final_: false,
            has_dict: false,
        }
    }
}

/// A table that executables link only when the program may use it: a built-in type's
/// methods (`MethodExtension`; the names and the rule: pyc_frontend::method_tables), a
/// group of builtins (builtins.rs) or the `_io` types' full specs (modules/io). Whatever
/// reads the table references only this cell; the table function is referenced only by
/// its `pyrt_methods_<type>` / `pyrt_builtins_<group>` enabler (`method_extension!`), which the generated `main` calls
/// before `pyrt_main`, so `--gc-sections` drops the entries of a program that never
/// enables them.
pub struct Extension<T: 'static>(std::sync::OnceLock<fn() -> Vec<T>>);

/// The extension of a built-in type's method table.
pub type MethodExtension = Extension<MethodDef>;

impl<T> Extension<T> {
    pub const fn new() -> Extension<T> {
        Extension(std::sync::OnceLock::new())
    }
    /// Called by the enabler, before `init` reads the table.
    pub fn enable(&self, table: fn() -> Vec<T>) {
        let _ = self.0.set(table);
    }
    /// Appends the extension's entries to a core table when the program enabled it.
    pub fn extend(&self, entries: &mut Vec<T>) {
        if let Some(table) = self.0.get() {
            entries.extend(table());
        }
    }
}

/// Declares the cells of one enabler and the enabler itself:
/// `method_extension! { /// doc
///     pyrt_methods_x: CELL(Entry) => table_fn, CELL2(Entry2) => table_fn2 }`
/// makes `static CELL: Extension<Entry>` per cell and `#[no_mangle] extern "C" fn
/// pyrt_methods_x()` filling each cell with its table. The enabler's name must be the one
/// pyc_frontend::method_tables lists.
macro_rules! method_extension {
    ($(#[$doc:meta])* $enabler:ident: $($cell:ident($entry:ty) => $table:path),+ $(,)?) => {
        $(static $cell: $crate::types::Extension<$entry> = $crate::types::Extension::new();)+
        $(#[$doc])*
        #[no_mangle]
        pub extern "C" fn $enabler() {
            $($cell.enable($table);)+
        }
    };
}
pub(crate) use method_extension;

/// Enables every extension table, methods and builtins (programs that may compute
/// attribute names, and runtime entries without a generated `main`).
#[no_mangle]
pub extern "C" fn pyrt_enable_all_methods() {
    for (_, enable, _) in METHOD_EXTENSIONS {
        enable();
    }
    crate::format::pyrt_enable_percent_format();
    for (_, enable, _) in crate::builtins::BUILTIN_EXTENSIONS {
        enable();
    }
}

/// Every extension: its enabler's name (as in pyc_frontend::method_tables), the enabler,
/// and its table.
const METHOD_EXTENSIONS: &[(&str, extern "C" fn(), fn() -> Vec<MethodDef>)] = &[
    ("pyrt_methods_str", str::pyrt_methods_str, str::extra_methods),
    ("pyrt_methods_bytes", bytes::pyrt_methods_bytes, bytes::extra_methods),
    ("pyrt_methods_memoryview", memoryview::pyrt_methods_memoryview, memoryview::extra_methods),
    ("pyrt_methods_float", float::pyrt_methods_float, float::extra_methods),
    ("pyrt_methods_int", int::pyrt_methods_int, int::extra_methods),
    ("pyrt_methods_list", list::pyrt_methods_list, list::extra_methods),
    ("pyrt_methods_dict", dict::pyrt_methods_dict, dict::extra_methods),
    ("pyrt_methods_set", set::pyrt_methods_set, set::extra_methods),
    ("pyrt_methods_tuple", tuple::pyrt_methods_tuple, tuple::extra_methods),
    ("pyrt_methods_range", range::pyrt_methods_range, range::extra_methods),
    ("pyrt_methods_code", code::pyrt_methods_code, code::extra_methods),
    ("pyrt_methods_io", crate::modules::io::pyrt_methods_io, crate::modules::io::extra_methods),
];

macro_rules! builtin_types {
    ($($field:ident),* $(,)?) => {
        /// Every built-in type object, created once by `init`.
        pub struct BuiltinTypes {
            $(pub $field: &'static TypeObject,)*
        }
    };
}

builtin_types!(
    object, type_, none, not_implemented, ellipsis, bool_, int, float, complex, str, bytes, bytearray,
    memoryview,
    list, tuple, dict, set, frozenset, range, slice,
    list_iterator, list_reverseiterator, tuple_iterator, range_iterator, str_iterator,
    str_ascii_iterator,
    dict_keys, dict_values, dict_items, dict_keyiterator, dict_valueiterator, dict_itemiterator,
    dict_reversekeyiterator,
    set_iterator, seq_iterator, callable_iterator, enumerate, zip, map, filter, reversed,
    function, builtin_function, method, cell, code, module, property, classmethod, staticmethod,
    super_, method_descriptor, getset_descriptor, generator, coroutine, coroutine_wrapper, async_generator, async_generator_asend,
    async_generator_athrow, async_generator_wrapped_value, traceback, frame,
    wrapper_descriptor, classmethod_descriptor, builtin_method, method_wrapper, member_descriptor,
    mappingproxy, generic_alias,
);

static mut TYPES: Option<BuiltinTypes> = None;

/// The built-in types. Valid after `init`.
#[inline]
pub fn types() -> &'static BuiltinTypes {
    // SAFETY: written once by `init` before any other runtime code runs, never again.
    unsafe { (*std::ptr::addr_of!(TYPES)).as_ref().unwrap_unchecked() }
}

impl BuiltinTypes {
    #[inline]
    pub fn int_type(&self) -> &'static TypeObject {
        self.int
    }
}

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static TYPE_VERSION: crate::gil::GilCell<Cell<u64>> = crate::gil::GilCell::new(Cell::new(0));

/// A fresh type version tag (for inline caches): never 0, never reused, always even (an
/// attribute-cache entry tags bit 0 of its copy: attr_cache.rs `version_word`).
pub fn next_type_version() -> u64 {
    TYPE_VERSION.with(|c| {
        let v = c.get() + 2;
        c.set(v);
        v
    })
}

/// Allocates an immortal built-in type object from a spec.
fn create(spec: TypeSpec, base: Option<&'static TypeObject>, meta: *const TypeObject) -> &'static TypeObject {
    let base_obj = base.map(|b| b.as_obj());
    let mut t = TypeObject::builtin(spec.name, base_obj.as_ref(), spec.basicsize, spec.drop_payload);
    let mut flags = t.flags.get() | spec.flags;
    if spec.final_ {
        flags &= !typeobj::flags::BASETYPE;
    }
    if let Some(b) = base {
        // Inherit fast-subclass flags and the dict slot.
        flags |= b.flags.get() & !(typeobj::flags::BASETYPE | typeobj::flags::HEAPTYPE);
        t.dict_offset = b.dict_offset;
        if b.dict_offset != 0 {
            // The inherited dict slot is part of the layout: a heap subclass's
            // `__slots__` cells start past it (`class E(Exception): __slots__ = ...`).
            t.basicsize = t.basicsize.max(b.dict_offset + 8);
        }
        let mut rest = vec![b.as_obj()];
        rest.extend(b.mro_rest.borrow().iter().cloned());
        *t.mro_rest.borrow_mut() = rest;
        // Inherit every slot the spec leaves empty.
        *t.slots.borrow_mut() = class::inherit_slots(spec.slots, &b.slots());
    } else {
        *t.slots.borrow_mut() = spec.slots;
    }
    if spec.has_dict {
        t.dict_offset = spec.basicsize;
        t.basicsize = spec.basicsize + 8;
    }
    if t.slots.borrow().traverse.is_some() {
        flags |= typeobj::flags::HAVE_GC;
    }
    t.flags.set(flags);
    t.head.ty = meta;
    let b = Box::leak(Box::new(t));
    b.head.refcnt = crate::object::IMMORTAL * 2;
    b.defer_methods(spec.methods);
    b
}

/// Creates a built-in type after start-up (exception types, native modules' types); its
/// dict is filled on first use. The result is immortal.
pub fn create_type(spec: TypeSpec, base: &'static TypeObject) -> &'static TypeObject {
    create(spec, Some(base), types().type_ as *const TypeObject)
}

/// Creates every built-in type and fills their dicts. Called once from `pyrt_main`.
pub fn init() {
    // `type` must exist before everything (it is every type's type); we patch the
    // metaclass pointer of `object` and `type` right after creating `type`.
    let object = create(object::spec(), None, std::ptr::null());
    let type_ = create(class::type_spec(), Some(object), std::ptr::null());
    let meta = type_ as *const TypeObject;
    unsafe {
        (*(object as *const TypeObject as *mut TypeObject)).head.ty = meta;
        (*(type_ as *const TypeObject as *mut TypeObject)).head.ty = meta;
    }
    let t = |spec: TypeSpec, base: &'static TypeObject| create(spec, Some(base), meta);
    let int = t(int::spec(), object);
    let (list_iterator, list_reverseiterator) = (t(list::iter_spec(), object), t(list::reverse_iter_spec(), object));
    let (dict_keys, dict_values, dict_items) = (t(dict::keys_spec(), object), t(dict::values_spec(), object), t(dict::items_spec(), object));
    let reg = BuiltinTypes {
        object,
        type_,
        none: t(none::none_spec(), object),
        not_implemented: t(none::not_implemented_spec(), object),
        ellipsis: t(none::ellipsis_spec(), object),
        bool_: t(bool::spec(), int),
        int,
        float: t(float::spec(), object),
        complex: t(complex::spec(), object),
        str: t(str::spec(), object),
        bytes: t(bytes::spec(), object),
        bytearray: t(bytes::bytearray_spec(), object),
        memoryview: t(memoryview::spec(), object),
        list: t(list::spec(), object),
        tuple: t(tuple::spec(), object),
        dict: t(dict::spec(), object),
        set: t(set::spec(), object),
        frozenset: t(set::frozenset_spec(), object),
        range: t(range::spec(), object),
        slice: t(slice::spec(), object),
        list_iterator,
        list_reverseiterator,
        tuple_iterator: t(tuple::iter_spec(), object),
        range_iterator: t(range::iter_spec(), object),
        str_iterator: t(str::iter_spec(), object),
        str_ascii_iterator: t(str::ascii_iter_spec(), object),
        dict_keys,
        dict_values,
        dict_items,
        dict_keyiterator: t(dict::keyiter_spec(), object),
        dict_valueiterator: t(dict::valueiter_spec(), object),
        dict_itemiterator: t(dict::itemiter_spec(), object),
        dict_reversekeyiterator: t(dict::reversekeyiter_spec(), object),
        set_iterator: t(set::iter_spec(), object),
        seq_iterator: t(iterators::seq_iter_spec(), object),
        callable_iterator: t(iterators::callable_iter_spec(), object),
        enumerate: t(iterators::enumerate_spec(), object),
        zip: t(iterators::zip_spec(), object),
        map: t(iterators::map_spec(), object),
        filter: t(iterators::filter_spec(), object),
        reversed: t(iterators::reversed_spec(), object),
        function: t(function::function_spec(), object),
        builtin_function: t(function::builtin_function_spec(), object),
        method: t(function::method_spec(), object),
        cell: t(function::cell_spec(), object),
        code: t(code::spec(), object),
        module: t(module::spec(), object),
        property: t(descriptors::property_spec(), object),
        classmethod: t(descriptors::classmethod_spec(), object),
        staticmethod: t(descriptors::staticmethod_spec(), object),
        super_: t(class::super_spec(), object),
        method_descriptor: t(descriptors::method_descriptor_spec(), object),
        getset_descriptor: t(descriptors::getset_descriptor_spec(), object),
        generator: t(generator::spec(), object),
        coroutine: t(coroutine::spec(), object),
        coroutine_wrapper: t(coroutine::wrapper_spec(), object),
        async_generator: t(coroutine::async_gen_spec(), object),
        async_generator_asend: t(coroutine::asend_spec(), object),
        async_generator_athrow: t(coroutine::athrow_spec(), object),
        async_generator_wrapped_value: t(coroutine::wrapped_spec(), object),
        traceback: t(traceback::traceback_spec(), object),
        frame: t(traceback::frame_spec(), object),
        wrapper_descriptor: t(descriptors::wrapper_descriptor_spec(), object),
        classmethod_descriptor: t(descriptors::classmethod_descriptor_spec(), object),
        builtin_method: t(descriptors::builtin_method_spec(), object),
        method_wrapper: t(descriptors::method_wrapper_spec(), object),
        member_descriptor: t(descriptors::member_descriptor_spec(), object),
        mappingproxy: t(descriptors::mappingproxy_spec(), object),
        generic_alias: t(generic_alias::spec(), object),
    };
    unsafe {
        *std::ptr::addr_of_mut!(TYPES) = Some(reg);
    }
    // Singletons and interned strings need the types; dicts need str and dict.
    none::init_singletons();
    str::init_interning();
    exceptions::init();
    generic_alias::install();
}

#[cfg(test)]
mod method_extension_tests {
    use super::typeobj::MethodDef;

    fn name(m: &MethodDef) -> &'static str {
        match *m {
            MethodDef::Method { name, .. }
            | MethodDef::MethodKw { name, .. }
            | MethodDef::ClassMethod { name, .. }
            | MethodDef::StaticMethod { name, .. }
            | MethodDef::Getter { name, .. }
            | MethodDef::GetSet { name, .. }
            | MethodDef::Attr { name, .. } => name,
        }
    }

    /// Codegen enables tables by the frontend's lists: each must name exactly the methods
    /// the runtime's table holds, and no core table may hold them too.
    #[test]
    fn extension_tables_match_frontend_lists() {
        use pyc_frontend::method_tables::{IO_TABLE, METHOD_TABLES};
        let listed_tables: Vec<_> = METHOD_TABLES.iter().chain([&IO_TABLE]).collect();
        assert_eq!(super::METHOD_EXTENSIONS.len(), listed_tables.len());
        for (enabler, _, table) in super::METHOD_EXTENSIONS {
            let listed = listed_tables.iter().find(|t| t.enabler == *enabler).expect("enabler missing from the frontend list");
            let mut ours: Vec<&str> = table().iter().map(name).collect();
            let mut theirs = listed.names.to_vec();
            ours.sort();
            ours.dedup(); // the `_io` gate adds `read` & co. to several types
            theirs.sort();
            assert_eq!(ours, theirs, "{enabler}: runtime table and frontend list disagree");
        }
        let cores = [
            ("pyrt_methods_str", super::str::spec().methods),
            ("pyrt_methods_bytes", super::bytes::spec().methods),
            ("pyrt_methods_bytes", super::bytes::bytearray_spec().methods),
            ("pyrt_methods_memoryview", super::memoryview::spec().methods),
            ("pyrt_methods_float", super::float::spec().methods),
            ("pyrt_methods_int", super::int::spec().methods),
            ("pyrt_methods_list", super::list::spec().methods),
            ("pyrt_methods_dict", super::dict::spec().methods),
            ("pyrt_methods_set", super::set::spec().methods),
            ("pyrt_methods_set", super::set::frozenset_spec().methods),
            ("pyrt_methods_tuple", super::tuple::spec().methods),
            ("pyrt_methods_range", super::range::spec().methods),
            ("pyrt_methods_code", super::code::spec().methods),
        ];
        for (enabler, core) in cores {
            let listed = METHOD_TABLES.iter().find(|t| t.enabler == enabler).unwrap();
            for m in &core {
                assert!(!listed.names.contains(&name(m)), "{enabler}: {} is in both tables", name(m));
            }
        }
    }

    /// The same for the gated builtins (builtins.rs `BUILTIN_EXTENSIONS`).
    #[test]
    fn builtin_tables_match_frontend_lists() {
        use pyc_frontend::method_tables::BUILTIN_TABLES;
        assert_eq!(crate::builtins::BUILTIN_EXTENSIONS.len(), BUILTIN_TABLES.len());
        for (enabler, _, table) in crate::builtins::BUILTIN_EXTENSIONS {
            let listed = BUILTIN_TABLES.iter().find(|t| t.enabler == *enabler).expect("enabler missing from the frontend list");
            let mut ours: Vec<&str> = table().iter().map(|(n, _)| *n).collect();
            let mut theirs = listed.names.to_vec();
            ours.sort();
            theirs.sort();
            assert_eq!(ours, theirs, "{enabler}: runtime table and frontend list disagree");
        }
    }
}
