//! Per-site attribute caches of native code (CPython 3.11's specialized `LOAD_ATTR`,
//! `STORE_ATTR` and `LOAD_METHOD`): what a cache entry promises, when one is filled, and
//! the runtime half of each site (`pyrt_load_attr_fill`, `pyrt_store_attr_fill`,
//! `pyrt_load_method_fill`: the generic operation, then a refill of the site's entry).
//! The guards and hit paths are IR, emitted by compiler/src/codegen/attrs.rs.
//!
//! An entry is `[u64; WORDS]` (all zero = empty, never matches):
//! `[type, type version, class epoch, kind, offset, index, value]`. The type word holds
//! the type's address with bit 0 set, except for the site's *fast kind* (`SLOT_FIT` at
//! `LOAD_ATTR`/`STORE_ATTR` sites, `CLASS` at `LOAD_METHOD` sites): native code first
//! compares the untagged object type with the first entry's type word, which matches only
//! a fast-kind entry, and then goes straight to that kind's check, with no kind switch
//! (`type_word`, codegen/attrs.rs `fast_entry`). It is valid for an
//! object whose type is `type` while that type's `version` is unchanged: bumped by any
//! change of its MRO or slots, by any mutation of the namespace of the type or of a
//! class along its MRO, whatever the path (`typeobj::class_dict_changed` marks the
//! namespace's owner and its subclasses modified), and when its shared key table grows
//! (`instance_attrs::set_value`). Native code tests the version alone; the checks here
//! also test that no class namespace anywhere changed since (`pyrt_class_epoch`), which
//! `CLASS_OF` entries need (their validity involves the metatype's namespace, not only
//! the class's MRO). Versions are never reused, so a freed type's address taken by a new
//! type cannot match. Under those guards the type's
//! look-up of the name, and the descriptor found, are exactly what they were at the fill:
//!
//! * `SLOT`: no data descriptor; the value is the instance's own, at key `index` of the
//!   compact storage word at `offset` (hit only in values mode with that slot filled).
//!   `SLOT_FIT`: the same, where `index` is known to lie inside every values block of
//!   the type, so native code reads the slot without comparing it with the block's
//!   capacity.
//! * `MEMBER`: a `__slots__` member descriptor; the value is the cell at `offset` of the
//!   instance (hit when it is set; a store always hits).
//! * `CLASS`: `value` (borrowed: the class dict that holds it is unchanged) is what the
//!   look-up found — a plain class attribute (`LOAD_ATTR`: its type has neither
//!   `__get__` nor `__set__`) or an unbound method (`LOAD_METHOD`: an exact function or
//!   method descriptor, pushed with self). Hit only when the instance cannot shadow it:
//!   `offset` 0 (no instance storage), or compact storage that is empty or in values mode
//!   with key `index` unset (`NO_KEY` when the name is not in the key table: adding it
//!   bumps the version).
//! * `MODULE`: an exact module whose type has no attribute of that name; `value` is the
//!   entry of the module dict at `offset` whose version tag was `index` (tags change on
//!   every mutation and are never shared, so an equal tag means that dict, unchanged).
//!
//! * `CLASS_OF`: the receiver is the class itself (`Base.__init__(self, ...)`,
//!   `Cls.CONSTANT`): `type` is that class (not the receiver's type), its metatype is
//!   exactly `type` with no data descriptor of the name, and `value` (borrowed, as for
//!   `CLASS`) is what the class's MRO holds: a plain value or a function / method or
//!   slot descriptor, which a class look-up returns unchanged. `offset` holds the
//!   metatype's address. Checked only by the fill functions (the inline check compares
//!   the receiver's type, which is the metatype); `pyrt_load_method_fill` tries the first
//!   entry as one before anything else (`class_of_first`).
//!
//! Types whose attribute access is not the generic one (`__getattribute__`,
//! `__getattr__`, `__setattr__`, `__delattr__`) never get an entry, nor do classes
//! with another metatype. Entries live in the module objects' data (plain memory: inherited by
//! `fork`, touched only with the GIL held), so no thread sees a half-written entry.

use crate::errors::{set_current, to_abi, to_status};
use crate::frame::Frame;
use crate::interp;
use crate::object::{Obj, PyResult};
use crate::protocol;
use crate::types::descriptors::{MemberKind, MemberObj};
use crate::types::instance_attrs::{self, Storage};
use crate::types::typeobj::{class_epoch, flags, is_type, TypeObject};
use crate::types::{dict, object as pyobject, types};

/// Words of an entry, and their indices.
pub const WORDS: usize = 7;
const TY: usize = 0;
const VERSION: usize = 1;
const EPOCH: usize = 2;
const KIND: usize = 3;
const OFFSET: usize = 4;
const INDEX: usize = 5;
const VALUE: usize = 6;

/// Entry kinds (codegen/attrs.rs has the same numbers).
pub const SLOT: u64 = 1;
pub const MEMBER: u64 = 2;
pub const CLASS: u64 = 3;
pub const MODULE: u64 = 4;
/// The receiver is the class itself (runtime-only: the IR's kind switch treats it as a
/// miss).
pub const CLASS_OF: u64 = 5;
/// A `SLOT` whose index fits every values block of the type
/// (`instance_attrs::fits_every_block`, which stays true for good): native code skips
/// the capacity check.
pub const SLOT_FIT: u64 = 6;
/// `index` of a `CLASS` entry whose name is not in the type's key table.
pub const NO_KEY: u64 = u32::MAX as u64;

/// What an entry says about the type (the guard words are added by `store_entry`).
#[derive(Clone, Copy)]
struct Entry {
    kind: u64,
    offset: u64,
    index: u64,
    value: u64,
}

impl Entry {
    fn new(kind: u64, offset: usize, index: u64, value: u64) -> Entry {
        Entry { kind, offset: offset as u64, index, value }
    }
}

/// The type word of an entry of kind `kind` for `ty` at a site whose fast kind is
/// `fast`: the address, tagged in bit 0 (types are aligned) unless `kind` is `fast`.
fn type_word(ty: u64, kind: u64, fast: u64) -> u64 {
    ty | (kind != fast) as u64
}

/// The version word of an entry of kind `kind` for a type at version `version` (even),
/// tagged in bit 0 as the type word is: native code compares the object's type's
/// version with the first entry's version word alone, which matches only a current
/// entry of the site's fast kind for that very type (versions are never shared by two
/// types nor reused: `types::next_type_version`).
fn version_word(version: u64, kind: u64, fast: u64) -> u64 {
    version | (kind != fast) as u64
}

/// Does version word `w` (of any kind: `version_word`) hold type `ty`'s current version?
fn holds_version(w: u64, ty: &TypeObject) -> bool {
    w | 1 == ty.version.get() | 1
}

/// Is `w` the type word of an entry (of any kind) for the object at address `ty`?
fn is_for(w: u64, ty: u64) -> bool {
    w | 1 == ty | 1
}

/// Writes `e` as the site's entry for objects of type `ty`, as of now.
fn store_entry(cache: &mut [u64; WORDS], ty: &TypeObject, e: Entry, fast: u64) {
    cache[TY] = type_word(ty.ptr() as u64, e.kind, fast);
    cache[VERSION] = version_word(ty.version.get(), e.kind, fast);
    cache[EPOCH] = class_epoch();
    cache[KIND] = e.kind;
    cache[OFFSET] = e.offset;
    cache[INDEX] = e.index;
    cache[VALUE] = e.value;
}

/// Does the site's entry hold for objects of type `ty` right now?
fn entry_valid(cache: &[u64; WORDS], ty: &TypeObject) -> bool {
    is_for(cache[TY], ty.ptr() as u64) && holds_version(cache[VERSION], ty) && cache[EPOCH] == class_epoch()
}

fn generic_getattro(ty: &TypeObject) -> bool {
    ty.slots().getattro.map_or(true, |f| f as usize == pyobject::generic_getattr as *const () as usize)
}

fn generic_setattro(ty: &TypeObject) -> bool {
    ty.slots().setattro.map_or(true, |f| f as usize == pyobject::generic_setattr as *const () as usize)
}

/// Instances of `ty` can hold attributes of their own (as `generic_getattr` sees it).
fn has_attr_storage(ty: &TypeObject) -> bool {
    ty.dict_offset != 0 && !ty.has_flag(flags::SLOTS_ONLY)
}

/// The `__slots__` cell offset `d` reads for `o`, when `d` is such a member descriptor
/// and applies to `o`. Members of built-in types (a function's read-only `__globals__`)
/// keep the generic path.
fn member_offset(d: &Obj, o: &Obj) -> Option<usize> {
    if !d.is_exact(types().member_descriptor) {
        return None;
    }
    // SAFETY: `d` is a member descriptor.
    let m = unsafe { d.payload::<MemberObj>() };
    let owner = crate::types::typeobj::as_type(&m.owner);
    match m.kind {
        MemberKind::Slot(off) if owner.is_heap_type() && o.isinstance(owner) => Some(off),
        _ => None,
    }
}

/// `SLOT` when `o` holds `name` in values mode.
fn own_slot(o: &Obj, ty: &TypeObject, name: &Obj) -> Option<Entry> {
    let i = instance_attrs::key_index(ty, name)?;
    match instance_attrs::storage(o, Some(i)) {
        Storage::Values { filled: true } => {
            let kind = if instance_attrs::fits_every_block(ty, i) { SLOT_FIT } else { SLOT };
            Some(Entry::new(kind, ty.dict_offset, i as u64, 0))
        }
        _ => None,
    }
}

/// `CLASS` for `value` when instances of `ty` shadow it only through checks the IR can
/// make (no storage, or compact storage).
fn class_entry(o: &Obj, ty: &TypeObject, name: &Obj, value: &Obj) -> Option<Entry> {
    if !has_attr_storage(ty) {
        return Some(Entry::new(CLASS, 0, NO_KEY, value.raw()));
    }
    if matches!(instance_attrs::storage(o, None), Storage::Other) {
        return None;
    }
    let index = instance_attrs::key_index(ty, name).map_or(NO_KEY, |i| i as u64);
    Some(Entry::new(CLASS, ty.dict_offset, index, value.raw()))
}

/// `MODULE` for `o.name` when `o` is an exact module and the name is in its dict.
fn module_entry(o: &Obj, name: &Obj) -> Option<Entry> {
    let ty = o.ty();
    if ty.lookup(name).is_some() {
        return None;
    }
    let d = crate::object::dict_slot(o)?.as_ref()?;
    if !d.is_exact(types().dict) {
        return None;
    }
    let v = dict::get_item_str(d, name)?;
    Some(Entry::new(MODULE, ty.dict_offset, dict::version_tag(d), v.raw()))
}

/// `CLASS_OF` for `cls.name` when the look-up is the plain one described there.
fn class_of_entry(cls: &Obj, name: &Obj) -> Option<Entry> {
    let meta = types().type_;
    if !cls.is_exact(meta) {
        return None;
    }
    if meta.lookup(name).is_some_and(|m| m.ty().slots().descr_set.is_some()) {
        return None;
    }
    let d = crate::types::typeobj::as_type(cls).lookup(name)?;
    let t = types();
    let returned_as_is = d.ty().slots().descr_get.is_none()
        || d.is_exact(t.function)
        || d.is_exact(t.method_descriptor)
        || d.is_exact(t.wrapper_descriptor);
    returned_as_is.then(|| Entry::new(CLASS_OF, meta.ptr() as usize, 0, d.raw()))
}

/// The entry for loading `o.name` (`method`: for `LOAD_METHOD`), if one describes it.
/// Runs no Python code.
fn load_entry(o: &Obj, name: &Obj, method: bool) -> Option<Entry> {
    if o.is_small_int() {
        return None;
    }
    let ty = o.ty();
    if o.is_exact(types().module) {
        return module_entry(o, name);
    }
    if is_type(o) {
        return class_of_entry(o, name);
    }
    if !generic_getattro(ty) || is_type(o) {
        return None;
    }
    let Some(d) = ty.lookup(name) else { return own_slot(o, ty, name) };
    let s = d.ty().slots();
    if s.descr_set.is_some() {
        return member_offset(&d, o).map(|off| Entry::new(MEMBER, off, 0, 0));
    }
    if let Some(e) = own_slot(o, ty, name) {
        return Some(e);
    }
    let unbound_method = d.is_exact(types().function) || d.is_exact(types().method_descriptor);
    let plain = s.descr_get.is_none();
    if (method && unbound_method) || (!method && plain) {
        return class_entry(o, ty, name, &d);
    }
    None
}

/// The entry for storing `o.name`, if one describes it. Runs no Python code.
fn store_entry_for(o: &Obj, name: &Obj) -> Option<Entry> {
    if o.is_small_int() {
        return None;
    }
    let ty = o.ty();
    if !generic_setattro(ty) || is_type(o) {
        return None;
    }
    if let Some(d) = ty.lookup(name) {
        if d.ty().slots().descr_set.is_some() {
            return member_offset(&d, o).map(|off| Entry::new(MEMBER, off, 0, 0));
        }
    }
    own_slot(o, ty, name)
}

/// The site's entries. Native code checks the first inline; the fill functions check
/// them all before the generic operation, so a site that sees a few types (methods of a
/// base class called on several subclasses) stays off the generic path.
pub const ENTRIES: usize = 4;

unsafe fn site<'a>(cache: *mut u64) -> &'a mut [[u64; WORDS]; ENTRIES] {
    // SAFETY: the codegen passes a `[i64 x WORDS * ENTRIES]` site cache.
    &mut *(cache as *mut [[u64; WORDS]; ENTRIES])
}

/// The site's valid entry for `ty`, if any.
fn find(site: &[[u64; WORDS]; ENTRIES], ty: &TypeObject) -> Option<[u64; WORDS]> {
    site.iter().find(|e| entry_valid(e, ty)).copied()
}

/// Records `e` for `o`'s type: over an entry for the same type, else in the first empty
/// one, else it becomes the first (inline-checked) entry and the last one goes. Leaves
/// the site alone when `e` is None (its entries are still exact for their types).
/// `fast`: the site's fast kind (`type_word`).
fn refill(site: &mut [[u64; WORDS]; ENTRIES], o: &Obj, e: Option<Entry>, fast: u64) {
    let Some(e) = e else { return };
    let ty = if e.kind == CLASS_OF { crate::types::typeobj::as_type(o) } else { o.ty() };
    let k = match site.iter().position(|w| is_for(w[TY], ty.ptr() as u64)).or_else(|| site.iter().position(|w| w[TY] == 0)) {
        Some(k) => k,
        None => {
            site.copy_within(0..ENTRIES - 1, 1);
            0
        }
    };
    store_entry(&mut site[k], ty, e, fast);
}

/// The instance cannot shadow a `CLASS` entry's attribute.
fn unshadowed(e: &[u64; WORDS], o: &Obj) -> bool {
    if e[OFFSET] == 0 {
        return true;
    }
    let key = (e[INDEX] != NO_KEY).then_some(e[INDEX] as usize);
    matches!(instance_attrs::storage(o, key), Storage::Empty | Storage::Values { filled: false })
}

/// What a valid entry yields for `o`: (unbound method or None, value or self), or None
/// when the object's own state sends it to the generic path.
fn load_by_entry(e: &[u64; WORDS], o: &Obj) -> Option<(Option<Obj>, Obj)> {
    // SAFETY (CLASS, MODULE): a valid entry's value is held by an unchanged dict.
    let cached = || unsafe { Obj::from_borrowed(e[VALUE]) };
    match e[KIND] {
        SLOT | SLOT_FIT => instance_attrs::value_at(o, e[INDEX] as usize).map(|v| (None, v)),
        MEMBER => {
            // SAFETY: the member's owner is a base of `o`'s type (checked at the fill).
            let cell = unsafe { &*((o.raw() as *const u8).add(e[OFFSET] as usize) as *const Option<Obj>) };
            cell.clone().map(|v| (None, v))
        }
        CLASS if unshadowed(e, o) => Some((Some(cached()), o.clone())),
        MODULE => {
            let d = crate::object::dict_slot(o)?.as_ref()?;
            (dict::version_tag(d) == e[INDEX]).then(|| (None, cached()))
        }
        CLASS_OF => Some((None, cached())),
        _ => None,
    }
}

/// The site's answer for loading from `o`, when one of its entries applies.
fn load_by_site(cache: *mut u64, o: &Obj) -> Option<(Option<Obj>, Obj)> {
    if o.is_small_int() {
        return None;
    }
    // A class finds its CLASS_OF entries under its own address.
    let key = if is_type(o) { crate::types::typeobj::as_type(o) } else { o.ty() };
    // SAFETY: see `site`.
    let e = find(unsafe { site(cache) }, key)?;
    if (e[KIND] == CLASS_OF) != is_type(o) {
        return None; // an entry for instances of `o`, or one for the class `o.ty()` itself
    }
    load_by_entry(&e, o)
}

fn name_of(f: *mut Frame, i: u32) -> &'static Obj {
    // SAFETY: the frame outlives the call; program code objects live for the process.
    unsafe { &*(&(*f).code_obj().names[i as usize] as *const Obj) }
}

/// Words of a `LoadGlobal` + `LoadMethod` site on a module (codegen/globals.rs):
/// [globals tag, builtins tag, address of the module's dict word, that dict's tag,
/// value (borrowed: held by that dict while its tag is unchanged), failed fills].
const MODULE_SITE_WORDS: usize = 6;

/// Refills the two-level cache of `m.f` at a fused `LoadGlobal(i)` + `LoadMethod(j)` site
/// (called after the generic path ran): when the global `names[i]` is an exact module
/// holding `names[j]` in its dict (a `MODULE` entry, so the module type has no
/// attribute of that name), records both dicts' tags, the module's dict word and
/// tag, and the value; otherwise counts a failed fill. Runs no Python code: exact dicts
/// with str keys only.
///
/// # Safety
/// `f` is the running frame; `cache` points to the site's `MODULE_SITE_WORDS` words.
#[no_mangle]
pub unsafe extern "C" fn pyrt_module_attr_fill(f: *mut Frame, i: u32, j: u32, cache: *mut u64) {
    let site = &mut *(cache as *mut [u64; MODULE_SITE_WORDS]);
    let (i, globals_only) = crate::abi::split_global_index(i);
    match module_site(&*f, name_of(f, i), name_of(f, j), globals_only) {
        Some(words) => site[..5].copy_from_slice(&words),
        None => site[5] += 1,
    }
}

/// What `pyrt_module_attr_fill` records, if the site can be cached.
/// `globals_only`: the site checks the globals tag alone (`abi::GLOBALS_ONLY`), so the
/// module must be the globals dict's.
fn module_site(f: &Frame, global: &Obj, attr: &Obj, globals_only: bool) -> Option<[u64; 5]> {
    let dt = types().dict;
    if !f.globals.is_exact(dt) || !f.builtins.is_exact(dt) {
        return None;
    }
    let m = match dict::get_item_str(&f.globals, global) {
        Some(m) => m,
        None if globals_only => return None,
        None => dict::get_item_str(&f.builtins, global)?,
    };
    if !m.is_exact(types().module) {
        return None;
    }
    let e = module_entry(&m, attr)?;
    let word = m.raw() + e.offset;
    Some([dict::version_tag(&f.globals), dict::version_tag(&f.builtins), word, e.index, e.value])
}

/// `LoadAttr(i)` when the inline check missed: the site's other entries, else
/// `pyrt_load_attr` and a refill.
#[no_mangle]
pub unsafe extern "C" fn pyrt_load_attr_fill(f: *mut Frame, o: u64, i: u32, cache: *mut u64) -> u64 {
    let o = Obj::borrow_raw(&o);
    if let Some((m, v)) = load_by_site(cache, o) {
        // a CLASS entry of LOAD_ATTR holds a plain value, not a method
        return m.unwrap_or(v).into_raw();
    }
    let name = name_of(f, i);
    let r = protocol::getattr(o, name);
    if r.is_ok() {
        refill(site(cache), o, load_entry(o, name, false), SLOT_FIT);
    }
    to_abi(r)
}

/// What the site's first entry gives when it is a valid `CLASS_OF` entry for the class
/// `o` itself (`Exception.__init__(self, code)` calls its site's fill every time: the
/// inline check never matches a class receiver). The metatype is compared before the
/// version word is read, so an object that took a freed class's address is not read as a
/// class.
#[inline(always)]
fn class_of_first(cache: *mut u64, o: &Obj) -> Option<Obj> {
    // SAFETY: see `site`.
    let e = unsafe { &site(cache)[0] };
    if !is_for(e[TY], o.raw()) || e[KIND] != CLASS_OF || o.ty().ptr() as u64 != e[OFFSET] {
        return None;
    }
    let valid = holds_version(e[VERSION], crate::types::typeobj::as_type(o)) && e[EPOCH] == class_epoch();
    // SAFETY: a valid entry's value is held by the class's unchanged MRO dicts.
    valid.then(|| unsafe { Obj::from_borrowed(e[VALUE]) })
}

/// `LoadMethod(i)` when the inline check missed: the site's other entries, else
/// `pyrt_load_method` and a refill.
#[no_mangle]
pub unsafe extern "C" fn pyrt_load_method_fill(f: *mut Frame, o: u64, i: u32, out: *mut u64, cache: *mut u64) -> i32 {
    let o = Obj::borrow_raw(&o);
    if let Some(v) = class_of_first(cache, o) {
        *out = 0;
        *out.add(1) = v.into_raw();
        return 0;
    }
    let r = match load_by_site(cache, o) {
        Some(pair) => Ok(pair),
        None => {
            let name = name_of(f, i);
            let r = interp::op_load_method(o, name);
            if r.is_ok() {
                refill(site(cache), o, load_entry(o, name, true), CLASS);
            }
            r
        }
    };
    match r {
        Ok((m, s)) => {
            *out = m.map_or(0, |m| m.into_raw());
            *out.add(1) = s.into_raw();
            0
        }
        Err(e) => {
            set_current(e);
            -1
        }
    }
}

/// `StoreAttr(i)` when the inline check missed (v borrowed): through a valid entry when
/// the instance takes the value in place (this also covers the first store into a slot:
/// the stores of `__init__`), else `pyrt_store_attr` and a refill.
#[no_mangle]
pub unsafe extern "C" fn pyrt_store_attr_fill(f: *mut Frame, o: u64, i: u32, v: u64, cache: *mut u64) -> i32 {
    let o = Obj::borrow_raw(&o);
    let v = Obj::borrow_raw(&v);
    if !o.is_small_int() {
        if let Some(e) = find(site(cache), o.ty()) {
            if store_by_entry(&e, o, v) {
                return 0;
            }
        }
    }
    let name = name_of(f, i);
    let r: PyResult<()> = protocol::setattr(o, name, v);
    if r.is_ok() {
        refill(site(cache), o, store_entry_for(o, name), SLOT_FIT);
    }
    to_status(r)
}

/// Stores through a valid entry when the instance takes the value without the generic
/// path (no Python code runs before the store; the old value is dropped after it).
fn store_by_entry(e: &[u64; WORDS], o: &Obj, v: &Obj) -> bool {
    match e[KIND] {
        SLOT | SLOT_FIT => instance_attrs::set_at(o, o.ty(), e[INDEX] as usize, v.clone()).is_ok(),
        MEMBER => {
            // SAFETY: as in `load_by_entry`.
            let cell = unsafe { &mut *((o.raw() as *mut u8).add(e[OFFSET] as usize) as *mut Option<Obj>) };
            let old = cell.replace(v.clone());
            drop(old);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_words_match_the_codegen() {
        // compiler/src/codegen/attrs.rs reads these positions
        assert_eq!((TY, VERSION, EPOCH, KIND, OFFSET, INDEX, VALUE, WORDS), (0, 1, 2, 3, 4, 5, 6, 7));
        assert_eq!((SLOT, MEMBER, CLASS, MODULE, SLOT_FIT, ENTRIES), (1, 2, 3, 4, 6, 4));
    }

    #[test]
    fn only_the_fast_kind_has_an_untagged_type_word() {
        let t = 0x1000u64;
        assert_eq!(type_word(t, SLOT_FIT, SLOT_FIT), t);
        assert_eq!(type_word(t, SLOT, SLOT_FIT), t | 1);
        assert!(is_for(type_word(t, CLASS, SLOT_FIT), t));
        assert!(!is_for(0, t) && !is_for(t | 1, 0x2000));
    }
}
