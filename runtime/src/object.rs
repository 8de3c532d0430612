//! The object model's core: the one-word value, the object header, owned references
//! (`Obj`), allocation and deallocation, and the error type every runtime function uses.
//!
//! Rules (also in docs/architecture.md):
//! * A value is one machine word (`u64`). Low bit 1: a tagged small int (63-bit, value
//!   `word >> 1`, arithmetic shift). Low bit 0 and non-zero: a pointer to a heap object
//!   starting with `ObjHeader`. Zero: NULL (the error return of the C ABI, or "absent").
//! * An int that fits in 63 bits is *always* tagged (`int::normalize` guarantees it), so
//!   small-int equality is word equality.
//! * `Obj` is an owned, non-null reference: `Clone` increfs, `Drop` decrefs. Rust code
//!   handles objects only through `Obj` (or `&Obj` for borrowed ones), so refcounting is
//!   correct by construction. Raw `u64` appears only at the C ABI (`abi.rs`), where
//!   `Obj::from_raw`/`into_raw`/`borrow_raw` convert with the ownership stated there.
//! * Refcounts are plain (non-atomic) integers protected by the GIL. Immortal objects
//!   (None, True, False, NotImplemented, Ellipsis, built-in types, interned names) have a
//!   refcount at or above `IMMORTAL`; incref/decref skip them.
//! * Object memory comes from `object_alloc` (size-class pools for blocks up to 512
//!   bytes, `malloc` beyond), and freeing needs no layout.
//!   An object's memory is `[GcHead?][ObjHeader][payload of its base built-in type][dict
//!   slot?][__slots__ cells][inline attribute values?][tail?]` (the tail: a str's text,
//!   `alloc_with_tail`; the GC header only for containers,
//!   see `gc.rs`; `Obj` points at the `ObjHeader`); `TypeObject::dict_offset` says where
//!   the instance attribute storage word lives (0 = none; its meaning is in
//!   `types/instance_attrs.rs`).
//! * Errors: a Rust function that can raise returns `PyResult<T>`; `Err(PyErr)` carries
//!   the exception object. At the C ABI the error is moved into the thread state and the
//!   function returns 0 (see `abi.rs`).

use std::mem::ManuallyDrop;
use std::num::NonZeroU64;
use std::ptr;

use crate::types::typeobj::TypeObject;

/// Every heap object starts with this header.
#[repr(C)]
pub struct ObjHeader {
    pub refcnt: isize,
    pub ty: *const TypeObject,
}

/// Refcount at or above which an object is immortal.
pub const IMMORTAL: isize = 1 << 60;

/// An owned reference to a Python value (a tagged small int or a heap object).
#[repr(transparent)]
pub struct Obj(NonZeroU64);

/// The result of anything that can raise.
pub type PyResult<T = Obj> = Result<T, PyErr>;

/// A raised exception: owns the exception instance (a `BaseException` subclass object).
#[derive(Clone)]
pub struct PyErr(pub Obj);

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.0.type_name())
    }
}

pub const SMALL_INT_MIN: i64 = -(1 << 62);
pub const SMALL_INT_MAX: i64 = (1 << 62) - 1;

impl Obj {
    // ----- raw conversions (the C ABI boundary) -----

    /// Takes ownership of a raw non-zero value.
    ///
    /// # Safety
    /// `v` must be a valid value whose reference the caller owns.
    #[inline]
    pub unsafe fn from_raw(v: u64) -> Obj {
        debug_assert!(v != 0);
        Obj(NonZeroU64::new_unchecked(v))
    }
    /// Like `from_raw` but returns `None` for 0 (NULL).
    #[inline]
    pub unsafe fn from_raw_opt(v: u64) -> Option<Obj> {
        NonZeroU64::new(v).map(Obj)
    }
    /// A new owned reference from a borrowed raw value (increfs).
    #[inline]
    pub unsafe fn from_borrowed(v: u64) -> Obj {
        let o = Obj(NonZeroU64::new_unchecked(v));
        o.incref();
        o
    }
    /// Views a borrowed raw value as `&Obj` without touching the refcount.
    #[inline]
    pub unsafe fn borrow_raw(v: &u64) -> &Obj {
        debug_assert!(*v != 0);
        &*(v as *const u64 as *const Obj)
    }
    /// Views a slice of borrowed raw values as `&[Obj]`.
    #[inline]
    pub unsafe fn borrow_slice<'a>(p: *const u64, n: usize) -> &'a [Obj] {
        if n == 0 {
            &[]
        } else {
            std::slice::from_raw_parts(p as *const Obj, n)
        }
    }
    /// Gives up ownership, returning the raw word.
    #[inline]
    pub fn into_raw(self) -> u64 {
        let v = self.0.get();
        std::mem::forget(self);
        v
    }
    #[inline]
    pub fn raw(&self) -> u64 {
        self.0.get()
    }

    // ----- small ints -----

    #[inline]
    pub fn is_small_int(&self) -> bool {
        self.0.get() & 1 == 1
    }
    /// The value of a tagged small int.
    #[inline]
    pub fn small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some((self.0.get() as i64) >> 1)
        } else {
            None
        }
    }
    /// A tagged small int; the caller guarantees `SMALL_INT_MIN <= i <= SMALL_INT_MAX`.
    #[inline]
    pub fn from_small(i: i64) -> Obj {
        debug_assert!((SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i));
        unsafe { Obj::from_raw(((i << 1) | 1) as u64) }
    }

    // ----- heap objects -----

    #[inline]
    pub fn header_ptr(&self) -> *mut ObjHeader {
        debug_assert!(!self.is_small_int());
        self.0.get() as *mut ObjHeader
    }
    /// The object's type.
    #[inline]
    pub fn ty(&self) -> &'static TypeObject {
        if self.is_small_int() {
            crate::types::types().int_type()
        } else {
            unsafe { &*(*self.header_ptr()).ty }
        }
    }
    /// The object's type as an `Obj` (new reference).
    pub fn type_obj(&self) -> Obj {
        self.ty().as_obj()
    }
    pub fn type_name(&self) -> &'static str {
        self.ty().tp_name()
    }
    /// Identity comparison (`is`).
    #[inline]
    pub fn is(&self, other: &Obj) -> bool {
        self.0 == other.0
    }
    #[inline]
    pub fn incref(&self) {
        if !self.is_small_int() {
            unsafe {
                let h = self.header_ptr();
                if (*h).refcnt < IMMORTAL {
                    (*h).refcnt += 1;
                }
            }
        }
    }
    pub fn refcount(&self) -> isize {
        if self.is_small_int() {
            IMMORTAL
        } else {
            unsafe { (*self.header_ptr()).refcnt }
        }
    }
    /// Makes this object immortal (used for singletons, built-in types, interned names).
    pub fn make_immortal(&self) {
        if !self.is_small_int() {
            unsafe {
                // Immortal objects are never collected: stop tracking a container.
                if (*self.header_ptr()).refcnt < IMMORTAL {
                    crate::gc::untrack_immortal(self.header_ptr());
                    crate::modules::gc::count_dealloc(self.header_ptr());
                }
                (*self.header_ptr()).refcnt = IMMORTAL * 2
            }
        }
    }

    /// Payload access: `&T` where `T` is a `#[repr(C)]` struct starting with `ObjHeader`.
    ///
    /// # Safety
    /// The object's memory layout must start with `T` (its type is `T`'s type or a subclass).
    #[inline]
    pub unsafe fn payload<T>(&self) -> &T {
        &*(self.0.get() as *const T)
    }
    /// Mutable payload access. Sound under the GIL as long as no other `&mut` to the same
    /// object is live (runtime functions keep such borrows short and never call back into
    /// Python while holding one).
    ///
    /// # Safety
    /// As for `payload`, plus the aliasing rule above.
    #[inline]
    #[allow(clippy::mut_from_ref)]
    pub unsafe fn payload_mut<T>(&self) -> &mut T {
        &mut *(self.0.get() as *mut T)
    }
    /// `Some(&T)` when the object's type is `ty` or a subclass of it.
    #[inline]
    pub fn downcast<T>(&self, ty: &TypeObject) -> Option<&T> {
        if !self.is_small_int() && self.ty().is_subtype(ty) {
            Some(unsafe { self.payload::<T>() })
        } else {
            None
        }
    }
    /// Exact type check (no subclasses).
    #[inline]
    pub fn is_exact(&self, ty: &TypeObject) -> bool {
        std::ptr::eq(self.ty(), ty)
    }
    #[inline]
    pub fn isinstance(&self, ty: &TypeObject) -> bool {
        self.ty().is_subtype(ty)
    }
}

impl Clone for Obj {
    #[inline]
    fn clone(&self) -> Obj {
        self.incref();
        Obj(self.0)
    }
}

impl Drop for Obj {
    #[inline]
    fn drop(&mut self) {
        if !self.is_small_int() {
            unsafe { decref_heap(self.header_ptr()) }
        }
    }
}

impl PartialEq for Obj {
    /// Identity, not Python equality (use `protocol::eq` for `==`).
    fn eq(&self, other: &Obj) -> bool {
        self.is(other)
    }
}

impl std::fmt::Debug for Obj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.small_int() {
            Some(i) => write!(f, "Obj(int {})", i),
            None => write!(f, "Obj({} @ {:#x})", self.type_name(), self.raw()),
        }
    }
}

/// Decrements a heap object's refcount, deallocating it at zero.
///
/// # Safety
/// `h` must point to a live heap object whose reference the caller owns.
#[inline]
pub unsafe fn decref_heap(h: *mut ObjHeader) {
    let rc = (*h).refcnt;
    if rc >= IMMORTAL {
        return;
    }
    if rc <= 1 {
        dealloc(h);
    } else {
        (*h).refcnt = rc - 1;
    }
}

/// Keeps dead object `h` on its type's free list when it has one (exact floats, list
/// iterators): true when done, and the caller must not touch `h` again.
///
/// # Safety
/// `h` must be a non-container heap object whose last reference was just dropped.
#[inline(always)]
pub unsafe fn recycle_kept(h: *mut ObjHeader) -> bool {
    crate::types::float::recycle_dead(h) || crate::types::list::recycle_dead_iter(h)
}

/// Runs the type's destructor and frees the memory. The type object itself is released
/// last (heap types are refcounted like any object). For a GC container, `gc` first runs
/// the finalizer (`__del__`, which may resurrect the object), untracks it and clears the
/// weak references to it; the memory block then starts at the GC header.
#[cold]
unsafe fn dealloc(h: *mut ObjHeader) {
    let gc = crate::gc::is_gc(h);
    if gc {
        if !crate::gc::before_dealloc(h) {
            return; // resurrected by its finalizer
        }
    } else {
        if recycle_kept(h) {
            return;
        }
        (*h).refcnt = 0;
        crate::gc::on_dealloc(h);
    }
    let ty = (*h).ty;
    // CPython's order (subtype_dealloc): `__slots__` members, then the instance dict,
    // then the base type's payload; finalizers of the values run in that order
    if (*ty).is_heap_type() {
        crate::types::class::for_each_member_cell(h, &mut |c| drop(c.take()));
    }
    if (*ty).dict_offset != 0 {
        crate::types::instance_attrs::release(h, &*ty);
    }
    ((*ty).drop_payload)(h);
    let block = if gc { (h as *mut u8).sub(crate::gc::GC_HEAD_SIZE) } else { h as *mut u8 };
    crate::object_alloc::free_block(block);
    // Heap types are kept alive by their instances.
    if (*ty).is_heap_type() {
        let tyo = ManuallyDrop::new(Obj::from_raw(ty as u64));
        ManuallyDrop::into_inner(tyo);
    }
}

/// Allocates a heap object of type `ty` whose memory starts with `init` (a `#[repr(C)]`
/// struct beginning with an `ObjHeader`, whose header fields are overwritten here).
/// Space for the instance dict is added when `ty` needs one beyond `T`, plus the inline
/// attribute values of compact instances (`instance_attrs`). Containers (see
/// `gc::needs_gc_head`) get a GC header in front of the object and are tracked.
#[inline]
pub fn alloc<T>(ty: &TypeObject, init: T) -> Obj {
    alloc_with_tail(ty, init, 0).0
}

/// `alloc` plus `tail` bytes of uninitialized memory at the end of the block (after any
/// dict slot and inline attribute values), returned as a pointer: variable-sized
/// payloads (a str's text) live there, in the object's own block, instead of in a
/// second allocation.
#[inline]
pub fn alloc_with_tail<T>(ty: &TypeObject, init: T, tail: usize) -> (Obj, *mut u8) {
    let gc = crate::gc::needs_gc_head(ty, &init as *const T as *const u8);
    // SAFETY: `new_object` returns a complete object with room for a `T` at its start,
    // whose first field is the header (`ObjHeader` first, `repr(C)` payloads): writing
    // `init` over it replaces the header, which is then restored.
    unsafe {
        let (h, tail_start) = new_object(ty, std::mem::size_of::<T>(), tail, gc);
        ptr::write(h as *mut T, init);
        (*h).refcnt = 1;
        (*h).ty = ty as *const TypeObject;
        (Obj::from_raw(h as u64), tail_start)
    }
}

/// `alloc_with_tail` without the payload: one copy of the allocation code for every
/// payload type (it was ~1.3 KB per type, 15 types in hello world). Allocates and
/// completes an object of type `ty` whose `tsize` payload bytes (header included) the
/// caller writes next: zeroes what lies past them (dict slot = None, empty inline
/// values), sets the header, counts the heap type's reference and tracks the object.
/// Returns the header and the start of the `tail` bytes.
///
/// # Safety
/// The caller must write the payload before the object is used (a collection cannot run
/// in between: tracking only requests one).
#[inline(never)]
unsafe fn new_object(ty: &TypeObject, tsize: usize, tail: usize, gc: bool) -> (*mut ObjHeader, *mut u8) {
    let size = tsize.max(ty.basicsize);
    let size = size.max(ty.dict_offset + if ty.dict_offset != 0 { 8 } else { 0 });
    let inline = crate::types::instance_attrs::inline_bytes(ty);
    let pre = if gc { crate::gc::GC_HEAD_SIZE } else { 0 };
    let block = crate::object_alloc::alloc_block(size + inline + pre + tail);
    let p = block.add(pre);
    if size + inline > tsize {
        zero_words(p.add(tsize), size + inline - tsize);
    }
    let h = p as *mut ObjHeader;
    (*h).refcnt = 1;
    (*h).ty = ty as *const TypeObject;
    if inline != 0 {
        // the storage word lies past the payload, which the caller's write leaves alone
        debug_assert!(ty.dict_offset >= tsize);
        crate::types::instance_attrs::init_inline(h, ty, p.add(size), inline);
    }
    if ty.is_heap_type() {
        ty.as_obj().into_raw(); // the instance owns a reference to its heap type
    }
    if gc {
        crate::gc::track_new(h);
    } else {
        crate::gc::on_alloc(h);
    }
    (h, p.add(size + inline))
}

/// Zeroes the `n` bytes at `p` (8-aligned). The bytes past a small object's
/// payload (its dict slot and inline values, 8 to 64 bytes for most instances) take a
/// few stores: each arm's length is a constant, which LLVM writes inline, where the
/// `memset` call of a variable length cost ~20 instructions per object.
///
/// # Safety
/// `p` is 8-aligned and valid for `n` bytes of writes.
#[inline(always)]
unsafe fn zero_words(p: *mut u8, n: usize) {
    debug_assert!(p as usize % 8 == 0);
    let w = p as *mut u64;
    // lengths are multiples of 8 (payloads of `repr(C)` structs that start with a
    // header, 8-byte slots); any other goes to `memset` whole
    match n {
        8 => ptr::write_bytes(w, 0, 1),
        16 => ptr::write_bytes(w, 0, 2),
        24 => ptr::write_bytes(w, 0, 3),
        32 => ptr::write_bytes(w, 0, 4),
        40 => ptr::write_bytes(w, 0, 5),
        48 => ptr::write_bytes(w, 0, 6),
        56 => ptr::write_bytes(w, 0, 7),
        64 => ptr::write_bytes(w, 0, 8),
        _ => ptr::write_bytes(p, 0, n),
    }
}

/// A header to put in payload initializers (`alloc` overwrites it).
pub const fn header() -> ObjHeader {
    ObjHeader { refcnt: 1, ty: ptr::null() }
}

/// The instance `__dict__` slot of `o`, if its type has a plain one. None for compact
/// instances of user classes, whose word at `dict_offset` is not an `Option<Obj>`: use
/// `types::instance_attrs`, which handles both layouts.
pub fn dict_slot(o: &Obj) -> Option<&mut Option<Obj>> {
    if o.is_small_int() {
        return None;
    }
    let ty = o.ty();
    let off = ty.dict_offset;
    if off == 0 || crate::types::instance_attrs::is_compact(ty) {
        None
    } else {
        unsafe { Some(&mut *((o.raw() as *mut u8).add(off) as *mut Option<Obj>)) }
    }
}
