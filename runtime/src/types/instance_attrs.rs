//! Instance attribute storage: where `obj.attr = v` lands for objects whose type has an
//! instance dict slot, and the "compact instances" of user classes (CPython 3.11's shared
//! keys + values array, so a plain object costs no dict until someone asks for one).
//!
//! Two layouts, told apart by the type flag `INLINE_VALUES`:
//! * *Plain slot* (built-in types with a `__dict__`, and heap classes whose dict slot comes
//!   from such a built-in base): the word at `dict_offset` is an `Option<Obj>` holding the
//!   dict, created on first use (`object::dict_slot`).
//! * *Compact* (a heap class added the dict slot; its subclasses inherit the flag): the
//!   word at `dict_offset` is a tagged storage word:
//!   - `0`: no attributes and no dict;
//!   - a values block pointer `| 1`: values mode, slot `i` holds the attribute named by
//!     entry `i` of the type's shared key table (`TypeObject::attr_keys`);
//!   - a dict pointer (owned reference): dict mode, the dict is the truth.
//!
//!   The values block is allocated inline, behind the instance (`object::alloc` asks
//!   `inline_bytes`), with room for the names the type knew at allocation time; when an
//!   instance needs more room it moves to a separately allocated block.
//!
//! Rules that keep `vars()` and `__dict__` exact:
//! * Iterating values mode walks slots in key-table order, so a new attribute may use
//!   values mode only when its index is above every attribute the instance holds (the
//!   insertion order is then the index order). Any other insertion materializes the dict.
//! * The dict is materialized (and the instance stays in dict mode for good) when
//!   `__dict__` is read or assigned, when a name is not an exact str, when the type's key
//!   table is full (`MAX_SHARED_KEYS`), on an out-of-order insertion (above), and before
//!   `__class__` assignment to another type (indices belong to the old type's keys).
//! * Deleting an attribute in values mode empties its slot.
//!
//! Values are dropped only after the storage is consistent again: dropping may run
//! `__del__`, which may touch the same instance.

use std::cell::{Cell, RefCell};

use crate::object::{dict_slot, Obj, ObjHeader, PyResult};
use crate::types::typeobj::{flags, TypeObject};
use crate::types::{dict, str as pystr, types};

/// Most attribute names one class's key table learns; an instance that needs another
/// name switches to a dict.
pub const MAX_SHARED_KEYS: usize = 30;

/// Capacity of the first separately allocated values block.
const MIN_EXTERNAL_CAP: usize = 4;

/// A class's shared attribute names (append-only: an index never changes meaning).
/// Names are interned exact strs, so look-ups by code names hit on identity.
pub struct SharedKeys {
    names: RefCell<Vec<Obj>>,
    /// Capacity of the first inline values block made for an instance (0: none yet).
    /// An inline block has room for exactly the names known when its instance was
    /// allocated, and names are never removed, so later inline blocks are never smaller.
    first_inline: Cell<u32>,
    /// `external[c]`: how many separately allocated values blocks of capacity `c` the
    /// class's instances hold. Each is made with room for at least the names known then.
    /// Counted rather than bounded: the first instance of a class typically gets a small
    /// one before its `__init__` taught the class its names, then outgrows it. Grown on
    /// demand (most classes never need one; every type object carries this).
    external: RefCell<Vec<usize>>,
}

impl Default for SharedKeys {
    fn default() -> SharedKeys {
        SharedKeys { names: RefCell::default(), first_inline: Cell::new(0), external: RefCell::default() }
    }
}

impl SharedKeys {
    pub fn len(&self) -> usize {
        self.names.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn name(&self, i: usize) -> Obj {
        self.names.borrow()[i].clone()
    }

    /// Index of `name` (any str), by identity first, then by text.
    fn find(&self, name: &Obj) -> Option<usize> {
        let names = self.names.borrow();
        if let Some(i) = names.iter().position(|k| k.is(name)) {
            return Some(i);
        }
        let text = pystr::as_str(name)?;
        let h = pystr::str_hash_of(name);
        names.iter().position(|k| pystr::str_hash_of(k) == h && pystr::as_str(k) == Some(text))
    }

    /// Notes an inline values block of `cap` slots (`cap` >= 1: only classes that know
    /// a name reserve one).
    #[inline]
    fn note_inline(&self, cap: usize) {
        if self.first_inline.get() == 0 {
            self.first_inline.set(cap as u32);
        }
    }

    /// Counts a new external values block of `cap` slots.
    fn note_external(&self, cap: usize) {
        let mut counts = self.external.borrow_mut();
        if counts.len() <= cap {
            counts.resize(cap + 1, 0);
        }
        counts[cap] += 1;
    }

    /// Uncounts an external values block of `cap` slots (freed with its instance or
    /// replaced by a bigger one).
    fn forget_external(&self, cap: usize) {
        if let Some(n) = self.external.borrow_mut().get_mut(cap) {
            *n = n.saturating_sub(1);
        }
    }

    /// Does index `i` lie inside every values block the class's instances hold, and
    /// every one they will get? (See `fits_every_block`.)
    fn fits_every_block(&self, i: usize) -> bool {
        let first = self.first_inline.get() as usize;
        i < self.len() && (first == 0 || i < first) && self.external.borrow().iter().take(i + 1).all(|&n| n == 0)
    }

    /// Index of the exact str `name`, appending it while there is room.
    fn find_or_add(&self, name: &Obj) -> Option<usize> {
        if let Some(i) = self.find(name) {
            return Some(i);
        }
        let mut names = self.names.borrow_mut();
        if names.len() >= MAX_SHARED_KEYS {
            return None;
        }
        names.push(pystr::intern_obj(name));
        Some(names.len() - 1)
    }
}

/// Header of a values block; `cap` slots (`Option<Obj>`, zero = empty) follow it.
#[repr(C)]
struct Values {
    cap: u32,
    /// 1 when malloc'd separately (freed with the instance), 0 when inline.
    external: u16,
    /// Above the index of every filled slot (one past the highest ever filled): a new
    /// attribute whose index is at least `end` keeps the insertion order, so native code
    /// (codegen/attrs.rs) adds it without looking at the other slots.
    end: u16,
}

/// What the storage word of a compact instance says.
enum State {
    Empty,
    Values(*mut Values),
    /// Borrowed from the word.
    Dict(u64),
}

#[inline]
pub fn is_compact(ty: &TypeObject) -> bool {
    ty.flags.get() & flags::INLINE_VALUES != 0
}

/// Does `o` store attributes (plain dict slot or compact)?
#[inline]
fn has_storage(o: &Obj) -> bool {
    !o.is_small_int() && o.ty().dict_offset != 0
}

// ----- raw storage word and values blocks (the only unsafe code of the file) -----

/// The storage word of a compact instance.
#[inline]
fn word_of(h: *mut ObjHeader, ty: &TypeObject) -> *mut u64 {
    // SAFETY: the type's layout has 8 bytes at `dict_offset` (see `object::alloc`).
    unsafe { (h as *mut u8).add(ty.dict_offset) as *mut u64 }
}

#[inline]
fn word(o: &Obj) -> *mut u64 {
    word_of(o.header_ptr(), o.ty())
}

#[inline]
fn decode(w: u64) -> State {
    if w == 0 {
        State::Empty
    } else if w & 1 == 1 {
        State::Values((w & !1) as *mut Values)
    } else {
        State::Dict(w)
    }
}

#[inline]
fn state(o: &Obj) -> State {
    // SAFETY: `word` points into the live instance.
    decode(unsafe { *word(o) })
}

#[inline]
fn set_word(o: &Obj, w: u64) {
    // SAFETY: as for `state`; the previous content was taken over by the caller.
    unsafe { *word(o) = w }
}

/// The slots of a values block.
#[inline]
#[allow(clippy::mut_from_ref)]
fn slots<'a>(v: *mut Values) -> &'a mut [Option<Obj>] {
    // SAFETY: a values block is a header followed by `cap` initialized slots; the GIL
    // serializes access and callers never keep the slice across Python code.
    unsafe { std::slice::from_raw_parts_mut(v.add(1) as *mut Option<Obj>, (*v).cap as usize) }
}

fn block_bytes(cap: usize) -> usize {
    std::mem::size_of::<Values>() + 8 * cap
}

/// A new empty external values block.
fn new_external(cap: usize) -> *mut Values {
    // SAFETY: calloc'd memory is a valid header (written below) plus empty slots.
    unsafe {
        let p = libc::calloc(1, block_bytes(cap)) as *mut Values;
        if p.is_null() {
            crate::errors::fatal("out of memory");
        }
        (*p).cap = cap as u32;
        (*p).external = 1;
        p
    }
}

/// Frees a values block of an instance of `ty` whose slots are all empty (inline blocks
/// live in the instance; both are uncounted).
fn free_block(ty: &TypeObject, v: *mut Values) {
    // SAFETY: external blocks come from `new_external`.
    unsafe {
        if (*v).external == 1 {
            ty.attr_keys.forget_external((*v).cap as usize);
            libc::free(v as *mut libc::c_void);
        }
    }
}

/// Is key `i` of `ty` (a compact class) within every values block its instances have
/// or will have? Then native code reading slot `i` of a block needs no capacity check
/// (attr_cache.rs `SLOT_FIT`). `ty` must be the instances' exact type: blocks are
/// counted for the type they are made under (`reserve` is given the instance's type;
/// `__class__` assignment turns values into a dict first).
pub fn fits_every_block(ty: &TypeObject, i: usize) -> bool {
    ty.attr_keys.fits_every_block(i)
}

/// Bytes `object::alloc` reserves behind a new instance of `ty` for inline values.
pub fn inline_bytes(ty: &TypeObject) -> usize {
    if !is_compact(ty) || ty.attr_keys.is_empty() {
        return 0;
    }
    block_bytes(ty.attr_keys.len())
}

/// Initializes the inline values block reserved at `block` (zeroed memory, `bytes` =
/// `inline_bytes(ty)`) of the fresh instance `h`.
///
/// # Safety
/// `h` is a new instance of `ty` whose allocation holds `bytes` zeroed bytes at `block`.
pub unsafe fn init_inline(h: *mut ObjHeader, ty: &TypeObject, block: *mut u8, bytes: usize) {
    let v = block as *mut Values;
    let cap = (bytes - std::mem::size_of::<Values>()) / 8;
    ty.attr_keys.note_inline(cap);
    (*v).cap = cap as u32;
    (*v).external = 0;
    *word_of(h, ty) = v as u64 | 1;
}

/// Takes everything the storage word owns, leaving it empty; the caller drops the result
/// once the instance is consistent.
fn take_all(ty: &TypeObject, w: *mut u64) -> Vec<Obj> {
    // SAFETY: `w` is the storage word of a live compact instance.
    let old = unsafe { std::mem::replace(&mut *w, 0) };
    match decode(old) {
        State::Empty => Vec::new(),
        State::Dict(d) => vec![unsafe { Obj::from_raw(d) }],
        State::Values(v) => {
            let taken = slots(v).iter_mut().filter_map(Option::take).collect();
            free_block(ty, v);
            taken
        }
    }
}

/// Drops everything the storage word owns, leaving it empty, without collecting the
/// values first: the word is cleared before any value goes, so a `__del__` they run
/// sees an instance without attributes (and may give it new ones, in new storage).
fn drop_all(ty: &TypeObject, w: *mut u64) {
    // SAFETY: `w` is the storage word of a compact instance that is alive, or being
    // deallocated with its memory still in place.
    let old = unsafe { std::mem::replace(&mut *w, 0) };
    match decode(old) {
        State::Empty => {}
        State::Dict(d) => drop(unsafe { Obj::from_raw(d) }),
        State::Values(v) => {
            for slot in slots(v).iter_mut() {
                drop(slot.take());
            }
            free_block(ty, v);
        }
    }
}

// ----- reading -----

/// The instance attribute `name` of `o`, if stored (never runs Python code).
pub fn get(o: &Obj, name: &Obj) -> Option<Obj> {
    if !has_storage(o) {
        return None;
    }
    let ty = o.ty();
    if !is_compact(ty) {
        return match dict_slot(o) {
            Some(Some(d)) => dict::get_item_str(d, name),
            _ => None,
        };
    }
    match state(o) {
        State::Empty => None,
        State::Values(v) => {
            let i = ty.attr_keys.find(name)?;
            slots(v).get(i)?.clone()
        }
        State::Dict(d) => dict::get_item_str(unsafe { Obj::borrow_raw(&d) }, name),
    }
}

/// Index of `name` in `ty`'s shared key table, if it is there.
pub fn key_index(ty: &TypeObject, name: &Obj) -> Option<usize> {
    ty.attr_keys.find(name)
}

/// Where `o`'s attributes are, as the native attribute caches see it.
pub enum Storage {
    /// No attribute storage, or storage that is not compact.
    Other,
    /// Compact, no attributes yet.
    Empty,
    /// Compact, values mode: is slot `i` (of the queried key) filled?
    Values { filled: bool },
    /// Compact, dict mode.
    Dict,
}

/// `o`'s storage, and for values mode whether key `i` holds a value.
pub fn storage(o: &Obj, i: Option<usize>) -> Storage {
    if !has_storage(o) || !is_compact(o.ty()) {
        return Storage::Other;
    }
    match state(o) {
        State::Empty => Storage::Empty,
        State::Dict(_) => Storage::Dict,
        State::Values(v) => Storage::Values { filled: i.is_some_and(|i| matches!(slots(v).get(i), Some(Some(_)))) },
    }
}

/// The value of key `i` of a compact instance in values mode (the attribute caches'
/// slow path; None in any other state).
pub fn value_at(o: &Obj, i: usize) -> Option<Obj> {
    if !has_storage(o) || !is_compact(o.ty()) {
        return None;
    }
    match state(o) {
        State::Values(v) => slots(v).get(i)?.clone(),
        _ => None,
    }
}

/// Layout facts native code relies on: a values block is an 8-byte header (`cap` as a
/// u32 first) followed by the slots, and the storage word tags it with `| 1`.
pub const VALUES_HEADER_BYTES: usize = 8;
/// Where the `u16` `end` of a values block sits (codegen/attrs.rs).
pub const VALUES_END_OFFSET: usize = 6;
const _: () = assert!(
    std::mem::size_of::<Values>() == VALUES_HEADER_BYTES
        && std::mem::offset_of!(Values, cap) == 0
        && std::mem::offset_of!(Values, end) == VALUES_END_OFFSET
);
const _: () = assert!(MAX_SHARED_KEYS < u16::MAX as usize);

/// The instance's attributes in insertion order, without materializing a dict.
pub fn items(o: &Obj) -> Vec<(Obj, Obj)> {
    if !has_storage(o) {
        return Vec::new();
    }
    let ty = o.ty();
    if !is_compact(ty) {
        return match dict_slot(o) {
            Some(Some(d)) => dict::items(d),
            _ => Vec::new(),
        };
    }
    match state(o) {
        State::Empty => Vec::new(),
        State::Values(v) => slots(v)
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.as_ref().map(|val| (ty.attr_keys.name(i), val.clone())))
            .collect(),
        State::Dict(d) => dict::items(unsafe { Obj::borrow_raw(&d) }),
    }
}

/// The instance's dict if one exists already (no materialization).
pub fn existing_dict(o: &Obj) -> Option<Obj> {
    if !has_storage(o) {
        return None;
    }
    if !is_compact(o.ty()) {
        return dict_slot(o).and_then(|s| s.clone());
    }
    match state(o) {
        State::Dict(d) => Some(unsafe { Obj::borrow_raw(&d) }.clone()),
        _ => None,
    }
}

// ----- the dict -----

/// The instance's `__dict__`, created (compact instances: materialized, for good) when
/// missing; None when `o` has no attribute storage.
pub fn materialize(o: &Obj) -> Option<Obj> {
    if !has_storage(o) {
        return None;
    }
    let ty = o.ty();
    if !is_compact(ty) {
        return dict_slot(o).map(|s| s.get_or_insert_with(dict::new).clone());
    }
    let v = match state(o) {
        State::Dict(d) => return Some(unsafe { Obj::borrow_raw(&d) }.clone()),
        State::Empty => std::ptr::null_mut(),
        State::Values(v) => v,
    };
    let d = dict::new();
    if !v.is_null() {
        for (i, s) in slots(v).iter_mut().enumerate() {
            if let Some(val) = s.take() {
                // str keys: cannot fail or run Python code
                let _ = dict::set_item(&d, ty.attr_keys.name(i), val);
            }
        }
        free_block(ty, v);
    }
    set_word(o, d.clone().into_raw());
    Some(d)
}

/// `o.__dict__ = d`; false when `o` has no attribute storage.
pub fn replace_dict(o: &Obj, d: &Obj) -> bool {
    if !has_storage(o) {
        return false;
    }
    if !is_compact(o.ty()) {
        if let Some(slot) = dict_slot(o) {
            let old = slot.replace(d.clone());
            drop(old);
        }
        return true;
    }
    let old = take_all(o.ty(), word(o));
    set_word(o, d.clone().into_raw());
    drop(old);
    true
}

/// Before `o.__class__ = new`: values are indexed by the old type's keys, so move them
/// into a dict when the type really changes.
pub fn before_class_change(o: &Obj, new: &TypeObject) {
    if has_storage(o) && is_compact(o.ty()) && !std::ptr::eq(o.ty(), new) {
        if let State::Values(_) = state(o) {
            materialize(o);
        }
    }
}

// ----- writing -----

/// `o.name = v` into the instance storage (the caller checked `o` has one).
pub fn set(o: &Obj, name: &Obj, v: Obj) -> PyResult<()> {
    let ty = o.ty();
    if is_compact(ty) && name.is_exact(types().str) {
        let v = match set_value(o, ty, name, v) {
            Ok(()) => return Ok(()),
            Err(v) => v,
        };
        return dict_set(o, name, v);
    }
    dict_set(o, name, v)
}

fn dict_set(o: &Obj, name: &Obj, v: Obj) -> PyResult<()> {
    match materialize(o) {
        Some(d) => dict::set_item(&d, name.clone(), v),
        None => Err(crate::errors::attribute_error_for(o, name)),
    }
}

/// Stores into values mode; gives `v` back when the instance needs a dict instead.
fn set_value(o: &Obj, ty: &TypeObject, name: &Obj, v: Obj) -> Result<(), Obj> {
    if let State::Dict(_) = state(o) {
        return Err(v);
    }
    let known = ty.attr_keys.len();
    let Some(i) = ty.attr_keys.find_or_add(name) else { return Err(v) };
    if ty.attr_keys.len() != known {
        // native attribute caches assume the names they did not find stay absent
        ty.modified();
    }
    set_at(o, ty, i, v)
}

/// Stores `v` as the value of key `i` of `ty`'s table (`o` is a compact instance of
/// `ty`); gives `v` back when the instance needs a dict instead (dict mode, or an
/// out-of-order insertion).
pub fn set_at(o: &Obj, ty: &TypeObject, i: usize, v: Obj) -> Result<(), Obj> {
    if i >= ty.attr_keys.len() {
        return Err(v);
    }
    let block = match state(o) {
        State::Dict(_) => return Err(v),
        State::Empty => std::ptr::null_mut(),
        State::Values(b) => b,
    };
    if !block.is_null() {
        let s = slots(block);
        if let Some(Some(_)) = s.get(i) {
            let old = s[i].replace(v);
            drop(old);
            return Ok(());
        }
        let end = unsafe { (*block).end as usize };
        if s.iter().take(end).skip(i + 1).any(Option::is_some) {
            return Err(v); // out of insertion order
        }
    }
    let block = reserve(o, ty, block, i);
    slots(block)[i] = Some(v);
    // SAFETY: `block` is the instance's live values block.
    unsafe { (*block).end = (*block).end.max(i as u16 + 1) };
    Ok(())
}

/// A values block of `o` with room for slot `i` (moving `block`'s values if it is full).
fn reserve(o: &Obj, ty: &TypeObject, block: *mut Values, i: usize) -> *mut Values {
    let cap = if block.is_null() { 0 } else { slots(block).len() };
    if i < cap {
        return block;
    }
    let want = (i + 1).max(ty.attr_keys.len()).max(2 * cap).max(MIN_EXTERNAL_CAP).min(MAX_SHARED_KEYS);
    let want = want.max(i + 1);
    ty.attr_keys.note_external(want);
    let new = new_external(want);
    if !block.is_null() {
        for (dst, src) in slots(new).iter_mut().zip(slots(block).iter_mut()) {
            *dst = src.take();
        }
        // SAFETY: both blocks are live; `block` is not used after it is freed.
        unsafe { (*new).end = (*block).end };
        free_block(ty, block);
    }
    set_word(o, new as u64 | 1);
    new
}

/// `del o.name` from the instance storage; false when it is not there.
pub fn delete(o: &Obj, name: &Obj) -> PyResult<bool> {
    if !has_storage(o) {
        return Ok(false);
    }
    let ty = o.ty();
    if !is_compact(ty) {
        return match dict_slot(o) {
            Some(Some(d)) => {
                let d = d.clone();
                dict::del_item(&d, name)
            }
            _ => Ok(false),
        };
    }
    match state(o) {
        State::Empty => Ok(false),
        State::Values(v) => {
            let old = ty.attr_keys.find(name).and_then(|i| slots(v).get_mut(i).and_then(Option::take));
            let found = old.is_some();
            drop(old);
            Ok(found)
        }
        State::Dict(d) => {
            let d = unsafe { Obj::borrow_raw(&d) }.clone();
            dict::del_item(&d, name)
        }
    }
}

// ----- the cycle collector and deallocation -----

/// Visits what the storage owns (the dict, or every value).
pub fn traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if !has_storage(o) {
        return;
    }
    if !is_compact(o.ty()) {
        if let Some(Some(d)) = dict_slot(o) {
            visit(d);
        }
        return;
    }
    match state(o) {
        State::Empty => {}
        State::Dict(d) => visit(unsafe { Obj::borrow_raw(&d) }),
        State::Values(v) => slots(v).iter().flatten().for_each(|x| visit(x)),
    }
}

/// Visits what the storage owns with a statically known visitor (the collector's hot
/// loop, where `traverse`'s `dyn` call per value dominated): the values block of a
/// compact instance inline, anything else through `traverse`.
#[inline(always)]
pub fn traverse_with<F: FnMut(&Obj)>(o: &Obj, visit: &mut F) {
    if has_storage(o) && is_compact(o.ty()) {
        if let State::Values(v) = state(o) {
            slots(v).iter().flatten().for_each(|x| visit(x));
            return;
        }
    }
    traverse(o, visit);
}

/// Drops everything the storage owns (`tp_clear` of a garbage instance).
pub fn clear(o: &Obj) {
    if !has_storage(o) {
        return;
    }
    if !is_compact(o.ty()) {
        let old = dict_slot(o).and_then(|s| s.take());
        drop(old);
        return;
    }
    drop_all(o.ty(), word(o));
}

/// Releases the storage of an instance being deallocated.
///
/// # Safety
/// `h` is an instance of `ty` (which has a dict slot) whose memory is about to be freed.
pub unsafe fn release(h: *mut ObjHeader, ty: &TypeObject) {
    let w = word_of(h, ty);
    if is_compact(ty) {
        drop_all(ty, w);
    } else {
        std::ptr::drop_in_place(w as *mut Option<Obj>);
    }
}
