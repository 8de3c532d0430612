//! `type`: the layout of type objects, their slot table (the fast protocol entry points)
//! and method tables, subtype checks and MRO look-up.
//!
//! Built-in types are created once at start-up (`types::init`) and are immortal. User
//! classes are heap types created by `type.__new__` (see `types/class.rs`); their slots
//! are inherited from the base or point at trampolines that call the Python dunder.

use std::cell::{Cell, RefCell};

use crate::object::{header, Obj, ObjHeader, PyResult};
use pyc_frontend::bytecode::CmpOp;

/// Keyword arguments of a call: names (str objects) and their values, in call order.
pub struct KwArgs<'a> {
    pub names: &'a [Obj],
    pub values: &'a [Obj],
}

impl<'a> KwArgs<'a> {
    pub const EMPTY: KwArgs<'static> = KwArgs { names: &[], values: &[] };
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
    pub fn len(&self) -> usize {
        self.names.len()
    }
    /// The value passed for keyword `name`, if any.
    pub fn get(&self, name: &str) -> Option<&'a Obj> {
        self.names
            .iter()
            .position(|n| crate::types::str::as_str(n) == Some(name))
            .map(|i| &self.values[i])
    }
    pub fn iter(&self) -> impl Iterator<Item = (&'a Obj, &'a Obj)> {
        self.names.iter().zip(self.values.iter())
    }
}

pub type UnaryFn = fn(&Obj) -> PyResult<Obj>;
pub type BinaryFn = fn(&Obj, &Obj) -> PyResult<Obj>;
/// `(receiver, positional args, keyword args)`. The receiver is the called object for
/// `call`, the class for `new`, self for `init` and `MethodKw`; `args` never include it.
pub type CallFn = fn(&Obj, &[Obj], &KwArgs) -> PyResult<Obj>;
/// A getset descriptor's setter: `(instance, value or None to delete)`.
pub type SetterFn = fn(&Obj, Option<&Obj>) -> PyResult<()>;
/// The cycle collector's traverse slot: calls `visit` once for every reference the object
/// owns (see `gc.rs`). It must never visit a reference the object does not own.
pub type TraverseFn = fn(&Obj, &mut dyn FnMut(&Obj));

/// Fast protocol entry points. `None` means "not supported" (the protocol function
/// raises CPython's TypeError). Binary number slots follow CPython's convention: they are
/// called as `slot(a, b)` for both `a op b` and the reflected attempt, and return
/// `NotImplemented` when they do not handle the pair.
#[derive(Clone, Copy, Default)]
pub struct Slots {
    pub repr: Option<UnaryFn>,
    pub str: Option<UnaryFn>,
    pub hash: Option<fn(&Obj) -> PyResult<i64>>,
    /// Returns a result object, or `NotImplemented`.
    pub richcompare: Option<fn(&Obj, &Obj, CmpOp) -> PyResult<Obj>>,
    pub iter: Option<UnaryFn>,
    /// `Ok(None)` means exhausted (no StopIteration object is created on the fast path).
    pub next: Option<fn(&Obj) -> PyResult<Option<Obj>>>,
    pub len: Option<fn(&Obj) -> PyResult<usize>>,
    pub getitem: Option<BinaryFn>,
    /// `value = None` deletes.
    pub setitem: Option<fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>>,
    pub contains: Option<fn(&Obj, &Obj) -> PyResult<bool>>,
    pub bool: Option<fn(&Obj) -> PyResult<bool>>,
    /// Calling an instance: `call(self, args, kwargs)`.
    pub call: Option<CallFn>,
    /// Attribute look-up; `None` means the generic one (`types::object::generic_getattr`).
    pub getattro: Option<fn(&Obj, &Obj) -> PyResult<Obj>>,
    /// `value = None` deletes; `None` slot means the generic one.
    pub setattro: Option<fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>>,
    /// Descriptor `__get__(self, instance or None, owner)`.
    pub descr_get: Option<fn(&Obj, Option<&Obj>, &Obj) -> PyResult<Obj>>,
    /// Descriptor `__set__` / `__delete__` (value None).
    pub descr_set: Option<fn(&Obj, &Obj, Option<&Obj>) -> PyResult<()>>,
    /// Indexed by `BinOp as usize`.
    pub number: [Option<BinaryFn>; 13],
    /// In-place variants (`__iadd__`...), indexed by `BinOp as usize`.
    pub inplace: [Option<BinaryFn>; 13],
    pub neg: Option<UnaryFn>,
    pub pos: Option<UnaryFn>,
    pub invert: Option<UnaryFn>,
    pub abs: Option<UnaryFn>,
    /// `__int__`, `__float__`, `__index__`
    pub int: Option<UnaryFn>,
    pub float: Option<UnaryFn>,
    pub index: Option<UnaryFn>,
    /// `__new__(cls, *args, **kw)`: called as `new(cls, args, kw)`.
    pub new: Option<CallFn>,
    /// `__init__(self, *args, **kw)`: called as `init(self, args, kw)`; returns None.
    pub init: Option<CallFn>,
    /// GC (`gc.rs`): visits every owned reference. A built-in type with a traverse slot
    /// is a container: its instances carry a GC header and are tracked.
    pub traverse: Option<TraverseFn>,
    /// GC: drops the owned references that can form cycles (called on cyclic garbage).
    pub clear: Option<fn(&Obj)>,
    /// Heap types with a `__del__`: the finalizer the deallocator and the collector call.
    pub finalize: Option<fn(&Obj)>,
}

/// A type's slot table. `Slots` is ~60 words: handing out copies cost a 500-byte
/// `memcpy` per protocol call (29% of a float-heavy program), so readers get a reference
/// to an immutable snapshot instead. `borrow_mut` edits a copy that becomes the current
/// snapshot when the guard drops; earlier snapshots live as long as the type, so a
/// reference taken before Python code reassigns a dunder (which recomputes the slots)
/// stays valid and sees the old table, as a copy would have.
pub struct SlotCell {
    cur: Cell<*const Slots>,
    all: RefCell<Vec<Box<Slots>>>,
}

impl SlotCell {
    pub fn new(s: Slots) -> SlotCell {
        let b = Box::new(s);
        SlotCell { cur: Cell::new(&*b as *const Slots), all: RefCell::new(vec![b]) }
    }
    #[inline]
    pub fn borrow(&self) -> &Slots {
        // SAFETY: `cur` points into a box owned by `all`, never mutated nor freed
        // before `self` is dropped.
        unsafe { &*self.cur.get() }
    }
    /// Never fails (kept for callers written against `RefCell`, e.g. the collector).
    pub fn try_borrow(&self) -> Result<&Slots, std::convert::Infallible> {
        Ok(self.borrow())
    }
    pub fn borrow_mut(&self) -> SlotsMut<'_> {
        SlotsMut { cell: self, new: Some(Box::new(*self.borrow())) }
    }
}

/// An edit of a `SlotCell`, published when dropped.
pub struct SlotsMut<'a> {
    cell: &'a SlotCell,
    new: Option<Box<Slots>>,
}

impl std::ops::Deref for SlotsMut<'_> {
    type Target = Slots;
    fn deref(&self) -> &Slots {
        self.new.as_deref().expect("slot edit in progress")
    }
}

impl std::ops::DerefMut for SlotsMut<'_> {
    fn deref_mut(&mut self) -> &mut Slots {
        self.new.as_deref_mut().expect("slot edit in progress")
    }
}

impl Drop for SlotsMut<'_> {
    fn drop(&mut self) {
        if let Some(b) = self.new.take() {
            self.cell.cur.set(&*b as *const Slots);
            self.cell.all.borrow_mut().push(b);
        }
    }
}

/// A method or attribute a built-in type puts in its dict.
pub enum MethodDef {
    /// A method taking positional arguments only; `args[0]` is self. The arity range
    /// (counting self) is checked before the call with CPython's messages.
    Method { name: &'static str, func: fn(&[Obj]) -> PyResult<Obj>, min: usize, max: usize },
    /// A method taking keyword arguments too: `func(self, args, kw)`.
    MethodKw { name: &'static str, func: CallFn },
    /// A classmethod, `func(cls, args, kw)`, e.g. `dict.fromkeys`, `int.from_bytes`.
    ClassMethod { name: &'static str, func: CallFn },
    /// A staticmethod, `func(the_builtin_function_object, args, kw)`, e.g. `str.maketrans`.
    StaticMethod { name: &'static str, func: CallFn },
    /// A read-only computed attribute (`getset` descriptor), e.g. `complex.real`.
    Getter { name: &'static str, get: UnaryFn },
    /// A computed attribute with a setter (`value = None` deletes), e.g. `__class__`.
    GetSet { name: &'static str, get: UnaryFn, set: SetterFn },
    /// A plain class attribute set at start-up.
    Attr { name: &'static str, value: fn() -> Obj },
}

/// Type flags.
pub mod flags {
    /// Created at run time by a class statement (refcounted, mutable).
    pub const HEAPTYPE: u32 = 1 << 0;
    /// Can be subclassed.
    pub const BASETYPE: u32 = 1 << 1;
    /// Fast subclass flags, like CPython's `Py_TPFLAGS_*_SUBCLASS`.
    pub const INT_SUBCLASS: u32 = 1 << 8;
    pub const LIST_SUBCLASS: u32 = 1 << 9;
    pub const TUPLE_SUBCLASS: u32 = 1 << 10;
    pub const STR_SUBCLASS: u32 = 1 << 11;
    pub const DICT_SUBCLASS: u32 = 1 << 12;
    pub const BASE_EXC_SUBCLASS: u32 = 1 << 13;
    pub const TYPE_SUBCLASS: u32 = 1 << 14;
    /// Instances have a dict slot used only as storage for `__slots__` members: no
    /// `__dict__` attribute, arbitrary attributes are rejected.
    pub const SLOTS_ONLY: u32 = 1 << 15;
    /// The class has non-empty `__abstractmethods__` (instantiation fails).
    pub const IS_ABSTRACT: u32 = 1 << 16;
    /// Instances are containers tracked by the cycle collector (a built-in type with a
    /// `traverse` slot, or any subclass of one). Heap types are always collected.
    pub const HAVE_GC: u32 = 1 << 17;
    /// Instances keep their attributes in `types::instance_attrs`' compact storage (a
    /// heap type added the dict slot; inherited by subclasses).
    pub const INLINE_VALUES: u32 = 1 << 18;
    /// Instances have `__slots__` member cells (the type or a base of its base chain
    /// declared some; inherited): `class::for_each_member_cell` has work to do.
    pub const MEMBER_CELLS: u32 = 1 << 19;
}

/// A type object. Its own type is `type` (or a metaclass).
#[repr(C)]
pub struct TypeObject {
    pub head: ObjHeader,
    /// Bumped whenever the type or a base changes (and when its shared attribute keys
    /// grow); keys for inline caches. Right after the header so native code reads it at
    /// a fixed offset (`VERSION_OFFSET`, codegen/attrs.rs).
    pub version: Cell<u64>,
    /// `__name__`
    pub name: RefCell<String>,
    /// `__qualname__`
    pub qualname: RefCell<String>,
    /// `__module__` (`builtins` for built-in types)
    pub module: RefCell<String>,
    /// A built-in type's `tp_name`, made on first use (`tp_name()`).
    tp_name: std::cell::OnceCell<&'static str>,
    pub flags: Cell<u32>,
    /// The base whose layout instances extend (`__base__`), None only for `object`.
    pub base: Option<Obj>,
    /// `__bases__`
    pub bases: RefCell<Vec<Obj>>,
    /// `__mro__`, starting with the type itself (stored without a self-reference: index 0
    /// is implicit, see `mro()`).
    pub mro_rest: RefCell<Vec<Obj>>,
    /// The type's `__dict__` (a dict object); read it through `dict()`, which fills a
    /// built-in type's dict on first use.
    namespace: RefCell<Option<Obj>>,
    /// A built-in type's methods not yet turned into dict entries. Start-up creates about
    /// 250 built-in types and a program touches few of them, so each dict is filled from
    /// its method table when something first reads it (`dict()`).
    pending_methods: Cell<Option<Vec<MethodDef>>>,
    pub slots: SlotCell,
    /// Bytes of instance memory (header + payload [+ dict slot]).
    pub basicsize: usize,
    /// Offset of the `Option<Obj>` instance-dict slot, 0 if instances have no `__dict__`.
    pub dict_offset: usize,
    /// Drops the payload of the built-in base layout (never frees memory).
    pub drop_payload: unsafe fn(*mut ObjHeader),
    /// Names in `__slots__` (user classes), in order; stored in the instance dict for now.
    pub slot_names: RefCell<Vec<String>>,
    /// Direct subclasses (weak: raw pointers, removed when a heap subclass dies), so
    /// slot updates after `Cls.__dunder__ = f` reach them.
    pub subclasses: RefCell<Vec<*const TypeObject>>,
    /// Attribute names shared by the compact instances of this type (`INLINE_VALUES`).
    pub attr_keys: crate::types::instance_attrs::SharedKeys,
}

/// `drop_payload` for types whose payload owns nothing.
pub unsafe fn drop_nothing(_h: *mut ObjHeader) {}

/// `drop_payload` for a `#[repr(C)]` struct `T` that starts with the header.
pub unsafe fn drop_as<T>(h: *mut ObjHeader) {
    std::ptr::drop_in_place(h as *mut T);
}

impl TypeObject {
    /// A new built-in type description; `types::init` allocates and completes it.
    pub fn builtin(name: &str, base: Option<&Obj>, basicsize: usize, drop_payload: unsafe fn(*mut ObjHeader)) -> TypeObject {
        TypeObject {
            head: header(),
            version: Cell::new(crate::types::next_type_version()),
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(name.to_string()),
            module: RefCell::new("builtins".to_string()),
            tp_name: std::cell::OnceCell::new(),
            flags: Cell::new(flags::BASETYPE),
            base: base.cloned(),
            bases: RefCell::new(base.into_iter().cloned().collect()),
            mro_rest: RefCell::new(Vec::new()),
            namespace: RefCell::new(None),
            pending_methods: Cell::new(None),
            slots: SlotCell::new(Slots::default()),
            basicsize,
            dict_offset: 0,
            drop_payload,
            slot_names: RefCell::new(Vec::new()),
            subclasses: RefCell::new(Vec::new()),
            attr_keys: Default::default(),
        }
    }

    /// The cell holding the type's `__dict__`, after filling a built-in type's dict from
    /// its method table if that has not happened yet. Every read of a type's namespace goes
    /// through here, so no reader can see a built-in type's dict before it is filled.
    pub fn dict(&self) -> &RefCell<Option<Obj>> {
        if let Some(methods) = self.pending_methods.take() {
            crate::types::class::fill_builtin_dict(self, methods);
        }
        &self.namespace
    }
    /// The namespace cell as it is, without filling a pending built-in dict: for the cycle
    /// collector, which must not allocate (and a pending dict holds nothing to visit), and
    /// for a heap type being freed.
    pub fn dict_as_is(&self) -> &RefCell<Option<Obj>> {
        &self.namespace
    }
    /// Leaves the built-in type's dict to be filled from `methods` on first use (`dict()`).
    pub fn defer_methods(&self, methods: Vec<MethodDef>) {
        self.pending_methods.set(Some(methods));
    }
    /// Adds one more method to a built-in type's table (to its dict if already filled).
    pub fn add_builtin_method(&self, m: MethodDef) {
        match self.pending_methods.take() {
            Some(mut methods) => {
                methods.push(m);
                self.pending_methods.set(Some(methods));
            }
            None => crate::types::class::add_builtin_methods(self, vec![m]),
        }
    }
    pub fn name(&self) -> &'static str {
        // Names of types only change through `__name__` assignment, which replaces the
        // String; callers use the result immediately (error messages, reprs).
        unsafe { &*(self.name.borrow().as_str() as *const str) }
    }
    /// What CPython's messages call the type (its `tp_name`): a class's `__name__`; for a
    /// built-in type of a module other than builtins, `module.name` (`'_io.FileIO' object
    /// has no attribute 'x'`), as C types spell it. Built-in types never change name or
    /// module once made, and live forever, so the dotted name is made once and kept.
    pub fn tp_name(&self) -> &'static str {
        if self.is_heap_type() {
            return self.name();
        }
        self.tp_name.get_or_init(|| {
            let module = self.module.borrow();
            // a few native types spell their tp_name as their name ("re.Pattern")
            if *module == "builtins" || self.name().contains('.') {
                self.name()
            } else {
                Box::leak(format!("{module}.{}", self.name()).into_boxed_str())
            }
        })
    }
    pub fn is_heap_type(&self) -> bool {
        self.flags.get() & flags::HEAPTYPE != 0
    }
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }
    /// This type as an owned object reference.
    pub fn as_obj(&self) -> Obj {
        unsafe { Obj::from_borrowed(self as *const TypeObject as u64) }
    }
    pub fn ptr(&self) -> *const TypeObject {
        self as *const TypeObject
    }
    /// The slot table (a reference to the current snapshot, see `SlotCell`).
    #[inline]
    pub fn slots(&self) -> &Slots {
        self.slots.borrow()
    }
    /// `__mro__` as a vector starting with the type itself.
    pub fn mro(&self) -> Vec<Obj> {
        let mut v = Vec::with_capacity(1 + self.mro_rest.borrow().len());
        v.push(self.as_obj());
        v.extend(self.mro_rest.borrow().iter().cloned());
        v
    }
    /// `issubclass(self, other)` by MRO (no `__subclasscheck__`).
    pub fn is_subtype(&self, other: &TypeObject) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        self.mro_rest.borrow().iter().any(|t| t.raw() == other as *const TypeObject as u64)
    }
    /// Looks `name` up in the dicts along the MRO (no descriptors applied): `_PyType_Lookup`,
    /// answered from the global look-up cache when it can.
    #[inline]
    pub fn lookup(&self, name: &Obj) -> Option<Obj> {
        lookup_cache::lookup(self, name)
    }
    /// `lookup` without the cache.
    pub fn lookup_uncached(&self, name: &Obj) -> Option<Obj> {
        if let Some(d) = self.dict().borrow().as_ref() {
            if let Some(v) = crate::types::dict::get_item_str(d, name) {
                return Some(v);
            }
        }
        for t in self.mro_rest.borrow().iter() {
            let t = as_type(t);
            if let Some(d) = t.dict().borrow().as_ref() {
                if let Some(v) = crate::types::dict::get_item_str(d, name) {
                    return Some(v);
                }
            }
        }
        None
    }
    /// Like `lookup`, also returning the class (in MRO order) whose dict holds the name.
    pub fn lookup_where(&self, name: &Obj) -> Option<(Obj, Obj)> {
        for t in self.mro() {
            let tt = as_type(&t);
            if let Some(d) = tt.dict().borrow().as_ref() {
                if let Some(v) = crate::types::dict::get_item_str(d, name) {
                    return Some((v, t.clone()));
                }
            }
        }
        None
    }
    /// `lookup` by a Rust string (interns the name).
    pub fn lookup_str(&self, name: &str) -> Option<Obj> {
        self.lookup(&crate::types::str::intern(name))
    }
    /// Marks the type (and, through their MROs, its subclasses' caches) as changed: the
    /// type attribute cache and the codegen's inline caches key on `version`. Changes of a
    /// class namespace also invalidate the attribute cache by themselves (`dict::touch`).
    pub fn modified(&self) {
        self.version.set(crate::types::next_type_version());
        let subs: Vec<*const TypeObject> = self.subclasses.borrow().clone();
        for s in subs {
            unsafe { (*s).modified() }
        }
    }
    /// `module.qualname`, or just the qualname for built-ins (as `repr` shows classes).
    pub fn full_name(&self) -> String {
        let m = self.module_name();
        let q = self.qualname.borrow();
        if m == "builtins" {
            q.clone()
        } else {
            format!("{}.{}", m, q)
        }
    }
    /// `__module__` as a Rust string: a heap type's `__module__` dict entry when it is a
    /// str, else the recorded module name.
    pub fn module_name(&self) -> String {
        if self.is_heap_type() {
            if let Some(d) = self.dict().borrow().as_ref() {
                if let Some(m) = crate::types::dict::get_item_str(d, &crate::types::str::intern("__module__")) {
                    if let Some(s) = crate::types::str::as_str(&m) {
                        return s.to_string();
                    }
                }
            }
        }
        self.module.borrow().clone()
    }
}

/// Views a type object (an object whose type is `type` or a metaclass) as `&TypeObject`.
pub fn as_type(o: &Obj) -> &'static TypeObject {
    debug_assert!(is_type(o));
    unsafe { &*(o.raw() as *const TypeObject) }
}

/// Is `o` a type object?
pub fn is_type(o: &Obj) -> bool {
    !o.is_small_int() && o.ty().has_flag(flags::TYPE_SUBCLASS)
}

/// `Some(&TypeObject)` if `o` is a type.
pub fn downcast_type(o: &Obj) -> Option<&'static TypeObject> {
    if is_type(o) {
        Some(as_type(o))
    } else {
        None
    }
}

/// Byte offset of `TypeObject::version` (native attribute caches read it inline).
pub const VERSION_OFFSET: usize = 16;
const _: () = assert!(std::mem::offset_of!(TypeObject, version) == VERSION_OFFSET);

/// Counts mutations of class namespace dicts (any class, any path: `setattr` on a class,
/// `__set_name__`, a namespace reached through `gc.get_referents`...). The runtime's
/// checks of attribute-cache entries (`attr_cache.rs`) and construction records
/// (`class::construct_at_site`) test it besides the type's version; native code tests
/// the version alone, which every such mutation changes too (`class_dict_changed`).
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static pyrt_class_epoch: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The current `pyrt_class_epoch`.
#[inline]
pub fn class_epoch() -> u64 {
    pyrt_class_epoch.load(std::sync::atomic::Ordering::Relaxed)
}

/// Called on every mutation of the namespace dict of `owner` (`dict::mark_class_dict`),
/// whatever the path: marks `owner` and its subclasses modified (new versions: their
/// look-ups see this namespace through their MROs), so a cache entry keyed on a type's
/// version is stale exactly when a namespace along its MRO changed. Out of line: every
/// dict mutation tests for it, and class namespaces change rarely.
#[cold]
#[inline(never)]
pub fn class_dict_changed(owner: &TypeObject) {
    lookup_cache::invalidate();
    // the GIL serializes writers; a plain load+store is enough
    pyrt_class_epoch.store(class_epoch() + 1, std::sync::atomic::Ordering::Relaxed);
    owner.modified();
}

/// A global cache of `TypeObject::lookup` results, as CPython's type method cache:
/// attribute access looks the name up along the MRO first (mostly to find that an
/// instance attribute is *not* a class attribute), which hashed and probed every class
/// dict on each access. An entry is valid while the type keeps its version (`modified`:
/// MRO and slot changes, inherited by subclasses) and no class namespace anywhere has
/// changed since it was filled (the epoch). The value is borrowed: under those two
/// conditions a dict along the MRO still holds it. Only immortal (interned) names are
/// cached, so a name's address cannot be reused by another string.
mod lookup_cache {
    use std::cell::Cell;

    use super::TypeObject;
    use crate::gil::GilCell;
    use crate::object::{Obj, IMMORTAL};

    #[derive(Clone, Copy)]
    struct Entry {
        ty: usize,
        version: u64,
        epoch: u64,
        name: u64,
        /// Borrowed; 0 = the name is not found along the MRO.
        value: u64,
    }

    const EMPTY: Entry = Entry { ty: 0, version: 0, epoch: 0, name: 0, value: 0 };
    const BITS: u32 = 12;

    struct Cache {
        epoch: Cell<u64>,
        entries: [Cell<Entry>; 1 << BITS],
    }

    // All zero, so the table lives in .bss, not in every binary's file (an empty entry's
    // `ty` 0 never equals a type's address, whatever the epoch).
    static CACHE: GilCell<Cache> = GilCell::new(Cache { epoch: Cell::new(0), entries: [const { Cell::new(EMPTY) }; 1 << BITS] });

    pub fn invalidate() {
        CACHE.with(|c| c.epoch.set(c.epoch.get() + 1));
    }

    #[inline]
    fn slot(ty: &TypeObject, name: u64) -> usize {
        let h = (ty.version.get() ^ (name >> 4)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> (64 - BITS)) as usize
    }

    #[inline]
    pub fn lookup(ty: &TypeObject, name: &Obj) -> Option<Obj> {
        if name.refcount() < IMMORTAL {
            return ty.lookup_uncached(name);
        }
        CACHE.with(|c| {
            let cell = &c.entries[slot(ty, name.raw())];
            let e = cell.get();
            let epoch = c.epoch.get();
            let tyw = ty as *const TypeObject as usize;
            if e.ty == tyw && e.name == name.raw() && e.version == ty.version.get() && e.epoch == epoch {
                // SAFETY: a valid entry's value is still held by a class dict (see above).
                return unsafe { Obj::from_raw_opt(e.value) }.map(|v| {
                    v.incref();
                    v
                });
            }
            let r = ty.lookup_uncached(name);
            let value = r.as_ref().map_or(0, |v| v.raw());
            cell.set(Entry { ty: tyw, version: ty.version.get(), epoch, name: name.raw(), value });
            r
        })
    }
}
