//! `dict`: an insertion-ordered compact dict (an entries vector plus, beyond 8 entries,
//! an open-addressing index of entry positions, `Index`), its views (`dict_keys`,
//! `dict_values`, `dict_items`) and iterators, and the Rust API the rest of the runtime
//! uses (`get_item`, `set_item`, `get_item_str`, ...).
//!
//! Keys' `__eq__`/`__hash__` may run Python code that raises or mutates the dict: no
//! borrow of the table is held across such calls; a lookup that saw the dict change
//! restarts. Deleted entries leave holes (`None`) that are compacted when sparse.
//! Iterators detect size changes ("dictionary changed size during iteration").

use pyc_frontend::bytecode::{BinOp, CmpOp};

use super::list::{check_max_args, hash_not_implemented, none_attr, ReprGuard};
use super::typeobj::{drop_as, KwArgs, MethodDef, TypeObject};
use super::{none, types, TypeSpec};
use crate::errors::{key_error, runtime_error, type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::{bool as pybool, int, str as pystr, tuple};

struct Entry {
    hash: i64,
    key: Obj,
    value: Obj,
}

/// Entry positions by hash, for tables of more than `LINEAR_MAX` entries (smaller ones
/// are scanned: no index allocation, and a few adjacent entries beat a probe). Open
/// addressing over a power-of-two array of `u32` slots (`EMPTY`, `DUMMY` for a removed
/// entry, else position + 1), at most 2/3 full, probed with the bits of the hash that
/// linear probing would ignore mixed in (`Probe`). One slot array, no separate control
/// bytes: a look-up in a big dict touches the slot, the entry and the key, nothing else.
#[derive(Default)]
struct Index {
    slots: Vec<u32>,
    /// Slots not `EMPTY` (live + `DUMMY`).
    filled: usize,
}

const EMPTY_SLOT: u32 = 0;
const DUMMY: u32 = u32::MAX;
/// Tables up to this many entries (holes included) have no index.
const LINEAR_MAX: usize = 8;

/// The candidate positions for a hash: the index's probe sequence up to the first empty
/// slot, or every position of an unindexed table. Callers compare the entry's hash.
struct Probe<'a> {
    slots: &'a [u32],
    i: usize,
    perturb: u64,
    /// Unindexed table: the next position and the entry count.
    linear: (usize, usize),
}

impl Iterator for Probe<'_> {
    type Item = usize;
    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.slots.is_empty() {
            let (i, n) = self.linear;
            self.linear.0 += 1;
            return (i < n).then_some(i);
        }
        let mask = self.slots.len() - 1;
        loop {
            let v = self.slots[self.i];
            self.perturb >>= 5;
            self.i = (self.i.wrapping_mul(5).wrapping_add(1).wrapping_add(self.perturb as usize)) & mask;
            match v {
                EMPTY_SLOT => return None,
                DUMMY => continue,
                _ => return Some(v as usize - 1),
            }
        }
    }
}

impl Index {
    #[inline]
    fn probe(&self, h: u64, nentries: usize) -> Probe<'_> {
        let mask = self.slots.len().wrapping_sub(1);
        Probe { slots: &self.slots, i: h as usize & mask, perturb: h, linear: (0, nentries) }
    }

    /// The first free slot (`EMPTY` or `DUMMY`) of `h`'s probe sequence.
    fn free_slot(&self, h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let (mut i, mut perturb) = (h as usize & mask, h);
        while self.slots[i] != EMPTY_SLOT && self.slots[i] != DUMMY {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
        i
    }

    /// Rebuilds the index for `entries` (dropping `DUMMY`s), sized for `want` more
    /// entries; unindexed when the table is small enough to scan.
    fn rebuild(&mut self, entries: &[Option<Entry>], want: usize) {
        self.slots = Vec::new();
        self.filled = 0;
        if entries.len() + want <= LINEAR_MAX {
            return;
        }
        if entries.len() + want >= DUMMY as usize - 1 {
            crate::errors::fatal("dict too large");
        }
        let live = entries.iter().filter(|e| e.is_some()).count();
        let size = ((live + want) * 3).max(16).next_power_of_two();
        self.slots = vec![EMPTY_SLOT; size];
        for (pos, e) in entries.iter().enumerate() {
            if let Some(e) = e {
                let i = self.free_slot(mix(e.hash));
                self.slots[i] = pos as u32 + 1;
                self.filled += 1;
            }
        }
    }

    /// Records entry `pos` (about to be pushed at `entries.len()`) with hash `hash`.
    fn insert(&mut self, entries: &[Option<Entry>], hash: i64, pos: usize) {
        if self.slots.is_empty() {
            if pos < LINEAR_MAX {
                return;
            }
        } else if (self.filled + 1) * 3 <= self.slots.len() * 2 {
            let i = self.free_slot(mix(hash));
            if self.slots[i] == EMPTY_SLOT {
                self.filled += 1;
            }
            self.slots[i] = pos as u32 + 1;
            return;
        }
        self.rebuild(entries, 1);
        if !self.slots.is_empty() {
            let i = self.free_slot(mix(hash));
            self.slots[i] = pos as u32 + 1;
            self.filled += 1;
        }
    }

    /// Forgets entry `pos` (hash `hash`).
    fn remove(&mut self, hash: i64, pos: usize) {
        if self.slots.is_empty() {
            return;
        }
        let mask = self.slots.len() - 1;
        let h = mix(hash);
        let (mut i, mut perturb) = (h as usize & mask, h);
        loop {
            match self.slots[i] {
                EMPTY_SLOT => return,
                v if v != DUMMY && v as usize - 1 == pos => {
                    self.slots[i] = DUMMY;
                    return;
                }
                _ => {}
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }
}

/// The table of a dict object.
pub struct DictTable {
    entries: Vec<Option<Entry>>,
    index: Index,
    used: usize,
    /// Bumped on every structural change (key added or removed, compaction, clear).
    version: u64,
    /// Version tag (CPython's `ma_version_tag`): a fresh value of one process-wide counter
    /// at creation and at every mutation (values included), so equal tags mean "this very
    /// dict, unchanged". Global look-up caches are validated with it (`version_tag`).
    tag: u64,
    /// The address of the type whose namespace the dict is (`mark_class_dict`; 0 for
    /// any other dict): its mutations mark that type modified and invalidate the type
    /// attribute cache (`typeobj::class_dict_changed`).
    class_owner: usize,
    /// Every key ever inserted since the table was last emptied is an exact str, so a
    /// str key's equality with any entry is decided without Python code (`scan_str`).
    str_keys_only: bool,
}

/// The process-wide source of dict version tags (the GIL serializes the updates).
static NEXT_TAG: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

#[inline]
fn next_tag() -> u64 {
    use std::sync::atomic::Ordering::Relaxed;
    let v = NEXT_TAG.load(Relaxed) + 1;
    NEXT_TAG.store(v, Relaxed);
    v
}

/// Records a mutation of `t`: a fresh version tag; for a class namespace, the type
/// attribute cache is invalidated too.
#[inline]
fn touch(t: &mut DictTable) {
    t.tag = next_tag();
    if t.class_owner != 0 {
        // SAFETY: a type unmarks its namespace when it is freed (`unmark_class_dict`)
        crate::types::typeobj::class_dict_changed(unsafe { &*(t.class_owner as *const crate::types::typeobj::TypeObject) });
    }
}

/// Marks `d` as the namespace of `owner` (see `DictTable::class_owner`).
pub fn mark_class_dict(d: &Obj, owner: &crate::types::typeobj::TypeObject) {
    tbl(d).class_owner = owner as *const _ as usize;
}

/// Unmarks the namespace `d` of a type being freed (the dict may outlive it, held by a
/// mappingproxy).
pub fn unmark_class_dict(d: &Obj) {
    tbl(d).class_owner = 0;
}

impl DictTable {
    fn new() -> DictTable {
        DictTable { entries: Vec::new(), index: Index::default(), used: 0, version: 0, tag: next_tag(), class_owner: 0, str_keys_only: true }
    }
}

/// Byte offset of the version tag in a dict object (native code reads it inline:
/// `abi::pyrt_dict_tag_offset`).
pub const TAG_OFFSET: usize = std::mem::offset_of!(DictObj, table) + std::mem::offset_of!(DictTable, tag);

/// The dict's version tag: changes on every mutation, never shared by two dicts.
#[inline]
pub fn version_tag(d: &Obj) -> u64 {
    tbl(d).tag
}

#[repr(C)]
pub struct DictObj {
    pub head: ObjHeader,
    pub table: DictTable,
}

#[inline]
fn mix(h: i64) -> u64 {
    let x = (h as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 29)
}

#[inline]
#[allow(clippy::mut_from_ref)]
fn tbl(d: &Obj) -> &mut DictTable {
    unsafe { &mut d.payload_mut::<DictObj>().table }
}

/// A new empty dict.
pub fn new() -> Obj {
    alloc(types().dict, DictObj { head: header(), table: DictTable::new() })
}

/// Is `o` a dict (or subclass instance)?
#[inline]
pub fn is_dict(o: &Obj) -> bool {
    !o.is_small_int() && o.ty().is_subtype(types().dict)
}

/// Number of items.
#[inline]
pub fn len(d: &Obj) -> usize {
    tbl(d).used
}

/// Equality that needs no Python code: `Some(answer)` or `None` (ask `__eq__`).
#[inline]
fn quick_eq(a: &Obj, b: &Obj) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    let st = types().str;
    if !a.is_small_int() && !b.is_small_int() && a.is_exact(st) && b.is_exact(st) {
        // SAFETY: both are exact strs.
        let (x, y) = unsafe { (a.payload::<pystr::StrObj>(), b.payload::<pystr::StrObj>()) };
        return Some(pystr::bytes_eq(x.data.as_bytes(), y.data.as_bytes()));
    }
    None
}

/// Tables up to this many entries are searched by a linear scan (`scan_str`).
const SCAN_MAX: usize = 12;

/// Position of the exact str `key` in a small table holding only str keys, by a linear
/// scan of the entries: instance dicts and class namespaces are small, and comparing a
/// few cached hashes beats probing the index. `None` when the scan does not apply.
#[inline]
fn scan_str(t: &DictTable, key: &Obj, hash: i64) -> Option<Option<usize>> {
    if !t.str_keys_only || t.entries.len() > SCAN_MAX || !key.is_exact(types().str) {
        return None;
    }
    for (i, e) in t.entries.iter().enumerate() {
        let Some(e) = e else { continue };
        if e.key.is(key) || (e.hash == hash && pystr::as_str(&e.key) == pystr::as_str(key)) {
            return Some(Some(i));
        }
    }
    Some(None)
}

/// `hash(key)`, the usual keys (small ints, exact strs whose hash is cached) without a
/// call: a dict look-up is mostly these few instructions then.
#[inline(always)]
fn key_hash(key: &Obj) -> PyResult<i64> {
    if let Some(i) = key.small_int() {
        return Ok(int::hash_i64(i));
    }
    if key.is_exact(types().str) {
        if let Some(h) = pystr::cached_hash(key) {
            return Ok(h);
        }
        // a fresh exact str (a word just split off, a key just built): hashed and cached
        // here, not through the type's slot (an exact str's hash is its own)
        return Ok(uncached_str_hash(key));
    }
    protocol::hash(key)
}

/// `key_hash` of an exact str whose hash is not cached yet (out of line: the inlined
/// look-ups stay small).
#[inline(never)]
fn uncached_str_hash(key: &Obj) -> i64 {
    pystr::fresh_str_hash(key)
}

/// Position of `key` in the entries, or `None` (its hash computed here).
#[inline(always)]
fn position(d: &Obj, key: &Obj) -> PyResult<Option<usize>> {
    let hash = key_hash(key)?;
    lookup(d, key, hash)
}

/// Position of `key` (with hash `hash`) in the entries, or `None`.
#[inline(always)]
fn lookup(d: &Obj, key: &Obj, hash: i64) -> PyResult<Option<usize>> {
    let t = tbl(d);
    // (tested here so that bigger tables do not pay a call to find out)
    if t.str_keys_only && t.entries.len() <= SCAN_MAX && !key.is_small_int() {
        if let Some(r) = scan_str(t, key, hash) {
            remember_found(t, r);
            return Ok(r);
        }
    }
    match lookup_quick(t, key, hash) {
        Some(r) => {
            remember_found(t, r);
            Ok(r)
        }
        None => lookup_slow(d, key, hash),
    }
}

/// The last look-up answered without Python code that found its key: the table's version
/// tag then and the key's position (`[0, 0]`: none; tags start at 2).
static LAST_FOUND: crate::gil::GilCell<std::cell::Cell<[u64; 2]>> = crate::gil::GilCell::new(std::cell::Cell::new([0, 0]));

#[inline(always)]
fn remember_found(t: &DictTable, r: Option<usize>) {
    if let Some(i) = r {
        LAST_FOUND.with(|c| c.set([t.tag, i as u64]));
    }
}

/// The position of `key` when the last look-up (`remember_found`) was in this very table,
/// unchanged since (equal version tags: no entry added, removed or reassigned), and found
/// a key that `key` equals without Python code (the same object, or equal small ints or
/// exact strs) with the same hash: the store of `d[k] += 1` or `d[k] = d.get(k, 0) + 1`
/// right after its look-up. That look-up compared every candidate before position `i`
/// without Python code and found it different from such a key, and those comparisons
/// depend only on the key's value, so a new look-up of `key` would answer `i` again.
#[inline(always)]
fn found_again(t: &DictTable, key: &Obj, hash: i64) -> Option<usize> {
    let [tag, i] = LAST_FOUND.with(|c| c.get());
    if tag != t.tag {
        return None;
    }
    let e = t.entries.get(i as usize)?.as_ref()?;
    (e.hash == hash && quick_eq(&e.key, key) == Some(true)).then_some(i as usize)
}

/// `lookup` when every candidate with `key`'s hash compares without Python code (the
/// same object, two exact strs, two small ints): the answer, else `None`. Always
/// inlined: as a call of its own, saving and restoring registers was a third of its cost.
#[inline(always)]
fn lookup_quick(t: &DictTable, key: &Obj, hash: i64) -> Option<Option<usize>> {
    for i in t.index.probe(mix(hash), t.entries.len()) {
        let Some(e) = &t.entries[i] else { continue };
        if e.hash == hash && quick_eq(&e.key, key)? {
            return Some(Some(i));
        }
    }
    Some(None)
}

/// `lookup` calling keys' `__eq__`, restarting when the dict changed meanwhile. The
/// candidates (entries with `key`'s hash) are compared in probe order, as CPython does: a
/// key equal without Python code further on does not win over an earlier candidate whose
/// `__eq__` says equal.
#[inline(never)]
fn lookup_slow(d: &Obj, key: &Obj, hash: i64) -> PyResult<Option<usize>> {
    loop {
        let t = tbl(d);
        let cands: Vec<usize> = t.index.probe(mix(hash), t.entries.len()).filter(|&i| matches!(&t.entries[i], Some(e) if e.hash == hash)).collect();
        let mut restart = false;
        for i in cands {
            let t = tbl(d);
            let Some(Some(e)) = t.entries.get(i) else { continue };
            match quick_eq(&e.key, key) {
                Some(true) => return Ok(Some(i)),
                Some(false) => continue,
                None => {}
            }
            let k = e.key.clone();
            let ver = t.version;
            let r = protocol::eq(&k, key)?;
            let t = tbl(d);
            let same = matches!(t.entries.get(i), Some(Some(e)) if e.key.is(&k));
            if t.version != ver || !same {
                restart = true;
                break;
            }
            if r {
                return Ok(Some(i));
            }
        }
        if !restart {
            return Ok(None);
        }
    }
}

/// Removes holes from the entries vector and rebuilds the index.
fn compact(t: &mut DictTable) {
    let old = std::mem::take(&mut t.entries);
    t.entries = old.into_iter().filter(|e| e.is_some()).collect();
    t.index.rebuild(&t.entries, 1);
    t.version += 1;
}

/// Appends a new entry (the key is known to be absent).
fn insert_new(d: &Obj, key: Obj, value: Obj, hash: i64) {
    let t = tbl(d);
    if t.entries.len() >= 16 && t.entries.len() >= 2 * t.used {
        compact(t);
    }
    let pos = t.entries.len();
    if key.is_small_int() || !key.is_exact(types().str) {
        t.str_keys_only = false;
    }
    t.index.insert(&t.entries, hash, pos);
    t.entries.push(Some(Entry { hash, key, value }));
    t.used += 1;
    t.version += 1;
    touch(t);
}

/// Removes the entry at `pos` (which must be live), returning (key, value).
fn remove_at(d: &Obj, pos: usize) -> (Obj, Obj) {
    let t = tbl(d);
    let e = t.entries[pos].take().expect("live entry");
    t.index.remove(e.hash, pos);
    t.used -= 1;
    t.version += 1;
    touch(t);
    if t.used == 0 {
        t.entries.clear();
        t.index = Index::default();
        t.str_keys_only = true;
    } else {
        while matches!(t.entries.last(), Some(None)) {
            t.entries.pop();
        }
    }
    (e.key, e.value)
}

/// Stores `value` under `key` whose hash is known.
pub fn set_item_hashed(d: &Obj, key: Obj, value: Obj, hash: i64) -> PyResult<()> {
    store(d, key, value, hash)
}

/// `set_item_hashed`, inlined into `set_item` (native code's `d[k] = v`) so that the
/// store is one call.
#[inline(always)]
fn store(d: &Obj, key: Obj, value: Obj, hash: i64) -> PyResult<()> {
    let found = match found_again(tbl(d), &key, hash) {
        Some(i) => Some(i),
        None => lookup(d, &key, hash)?,
    };
    match found {
        Some(i) => {
            let t = tbl(d);
            touch(t);
            let e = t.entries[i].as_mut().unwrap();
            let old = std::mem::replace(&mut e.value, value);
            drop(old);
        }
        None => insert_new(d, key, value, hash),
    }
    Ok(())
}

/// `d[key]` without `__missing__`: `Ok(None)` when absent.
pub fn get_item(d: &Obj, key: &Obj) -> PyResult<Option<Obj>> {
    Ok(position(d, key)?.map(|i| value_at(d, i)))
}

/// A new reference to the value of live entry `i`.
#[inline(always)]
fn value_at(d: &Obj, i: usize) -> Obj {
    match &tbl(d).entries[i] {
        Some(e) => e.value.clone(),
        None => unreachable_entry(),
    }
}

/// A look-up answered a position that holds no entry: the table is corrupt.
#[cold]
fn unreachable_entry() -> ! {
    crate::errors::fatal("dict look-up found a removed entry")
}

pub fn get_item_hashed(d: &Obj, key: &Obj, hash: i64) -> PyResult<Option<Obj>> {
    Ok(lookup(d, key, hash)?.map(|i| tbl(d).entries[i].as_ref().unwrap().value.clone()))
}

/// `d[key] = value`.
pub fn set_item(d: &Obj, key: Obj, value: Obj) -> PyResult<()> {
    let hash = key_hash(&key)?;
    store(d, key, value, hash)
}

/// `del d[key]`: `Ok(false)` when the key is missing.
pub fn del_item(d: &Obj, key: &Obj) -> PyResult<bool> {
    let hash = protocol::hash(key)?;
    match lookup(d, key, hash)? {
        Some(i) => {
            let kv = remove_at(d, i);
            drop(kv);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Removes and returns the value of `key`, if present.
pub fn pop_item(d: &Obj, key: &Obj) -> PyResult<Option<Obj>> {
    let hash = protocol::hash(key)?;
    match lookup(d, key, hash)? {
        Some(i) => Ok(Some(remove_at(d, i).1)),
        None => Ok(None),
    }
}

/// `key in d`.
pub fn contains(d: &Obj, key: &Obj) -> PyResult<bool> {
    Ok(position(d, key)?.is_some())
}

fn str_position(d: &Obj, key: &Obj) -> Option<usize> {
    let hash = protocol::hash(key).ok()?;
    let t = tbl(d);
    if let Some(r) = scan_str(t, key, hash) {
        return r;
    }
    let ks = pystr::as_str(key);
    for i in t.index.probe(mix(hash), t.entries.len()) {
        let Some(e) = &t.entries[i] else { continue };
        if e.hash != hash {
            continue;
        }
        if e.key.is(key) {
            return Some(i);
        }
        if !e.key.is_small_int() && e.key.isinstance(types().str) && pystr::as_str(&e.key) == ks {
            return Some(i);
        }
    }
    None
}

/// Look-up by a str key (attribute names, globals): never runs Python code, never fails.
pub fn get_item_str(d: &Obj, key: &Obj) -> Option<Obj> {
    str_position(d, key).map(|i| tbl(d).entries[i].as_ref().unwrap().value.clone())
}

fn str_key(k: &str) -> Obj {
    if k.len() <= 40 && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        pystr::intern(k)
    } else {
        pystr::new(k)
    }
}

/// `d[k] = v` for a Rust string key.
pub fn set_item_str(d: &Obj, k: &str, v: Obj) {
    let key = str_key(k);
    if let Some(i) = str_position(d, &key) {
        let t = tbl(d);
        touch(t);
        let e = t.entries[i].as_mut().unwrap();
        let old = std::mem::replace(&mut e.value, v);
        drop(old);
        return;
    }
    let hash = protocol::hash(&key).unwrap_or(0);
    insert_new(d, key, v, hash);
}

/// `del d[k]` for a str key object; false when missing.
pub fn del_item_str(d: &Obj, key: &Obj) -> bool {
    match str_position(d, key) {
        Some(i) => {
            let kv = remove_at(d, i);
            drop(kv);
            true
        }
        None => false,
    }
}

/// Snapshot of the items in order.
pub fn items(d: &Obj) -> Vec<(Obj, Obj)> {
    tbl(d).entries.iter().flatten().map(|e| (e.key.clone(), e.value.clone())).collect()
}

/// Snapshot of the keys in order.
pub fn keys(d: &Obj) -> Vec<Obj> {
    tbl(d).entries.iter().flatten().map(|e| e.key.clone()).collect()
}

/// Snapshot of the values in order.
pub fn values(d: &Obj) -> Vec<Obj> {
    tbl(d).entries.iter().flatten().map(|e| e.value.clone()).collect()
}

fn hashed_items(d: &Obj) -> Vec<(i64, Obj, Obj)> {
    tbl(d).entries.iter().flatten().map(|e| (e.hash, e.key.clone(), e.value.clone())).collect()
}

/// Iteration by position: the next live entry at or after `*pos`.
pub fn next_entry(d: &Obj, pos: &mut usize) -> Option<(Obj, Obj)> {
    let t = tbl(d);
    while *pos < t.entries.len() {
        let i = *pos;
        *pos += 1;
        if let Some(e) = &t.entries[i] {
            return Some((e.key.clone(), e.value.clone()));
        }
    }
    None
}

/// Removes every item.
pub fn clear(d: &Obj) {
    let t = tbl(d);
    let old = std::mem::take(&mut t.entries);
    t.index = Index::default();
    t.used = 0;
    t.str_keys_only = true;
    t.version += 1;
    touch(t);
    drop(old);
}

/// A new exact dict with the same items.
pub fn copy(d: &Obj) -> Obj {
    let n = new();
    {
        let src = tbl(d);
        let dst = tbl(&n);
        for e in src.entries.iter().flatten() {
            dst.entries.push(Some(Entry { hash: e.hash, key: e.key.clone(), value: e.value.clone() }));
        }
        dst.used = dst.entries.len();
        dst.str_keys_only = src.str_keys_only;
        dst.index.rebuild(&dst.entries, 0);
    }
    n
}

/// `PyDict_Merge(d, other, override)`: `other` is a mapping (a dict, or anything with
/// `keys()` and `__getitem__`).
pub fn merge(d: &Obj, other: &Obj, override_: bool) -> PyResult<()> {
    if is_dict(other) && other.ty().slots().iter.map(|f| f as *const () as usize) == types().dict.slots().iter.map(|f| f as *const () as usize) {
        if other.is(d) {
            return Ok(());
        }
        for (h, k, v) in hashed_items(other) {
            if !override_ && lookup(d, &k, h)?.is_some() {
                continue;
            }
            set_item_hashed(d, k, v, h)?;
        }
        return Ok(());
    }
    let ks = protocol::call_method(other, "keys", &[])?;
    let it = protocol::iter(&ks)?;
    while let Some(k) = protocol::next(&it)? {
        if !override_ && contains(d, &k)? {
            continue;
        }
        let v = protocol::getitem(other, &k)?;
        set_item(d, k, v)?;
    }
    Ok(())
}

/// `PyDict_MergeFromSeq2`: an iterable of key/value pairs.
pub fn merge_from_seq2(d: &Obj, seq: &Obj) -> PyResult<()> {
    let it = protocol::iter(seq)?;
    let mut n = 0usize;
    while let Some(item) = protocol::next(&it)? {
        let pair = match protocol::collect(&item) {
            Ok(p) => p,
            Err(e) if e.matches(crate::types::exceptions::exc().type_error) => {
                return Err(type_error(format!(
                    "cannot convert dictionary update sequence element #{} to a sequence",
                    n
                )))
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                n,
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        let (k, v) = (p.next().unwrap(), p.next().unwrap());
        set_item(d, k, v)?;
        n += 1;
    }
    Ok(())
}

/// `dict.update(arg)` for one positional argument: a mapping or an iterable of pairs.
pub fn update(d: &Obj, arg: &Obj) -> PyResult<()> {
    if (!arg.is_small_int() && arg.is_exact(types().dict)) || protocol::getattr_opt(arg, &pystr::intern("keys"))?.is_some() {
        merge(d, arg, true)
    } else {
        merge_from_seq2(d, arg)
    }
}

fn update_with(d: &Obj, name: &str, args: &[Obj], kw: &KwArgs) -> PyResult<()> {
    check_max_args(name, args, 1)?;
    if let Some(a) = args.first() {
        update(d, a)?;
    }
    for (k, v) in kw.iter() {
        set_item(d, k.clone(), v.clone())?;
    }
    Ok(())
}

// ----- slots -----

fn dict_len(d: &Obj) -> PyResult<usize> {
    Ok(len(d))
}

fn dict_bool(d: &Obj) -> PyResult<bool> {
    Ok(len(d) != 0)
}

fn dict_repr(d: &Obj) -> PyResult<Obj> {
    if len(d) == 0 {
        return Ok(pystr::new("{}"));
    }
    let Some(_g) = ReprGuard::enter(d) else { return Ok(pystr::new("{...}")) };
    let mut s = String::from("{");
    let mut pos = 0;
    let mut first = true;
    while let Some((k, v)) = next_entry(d, &mut pos) {
        if !first {
            s.push_str(", ");
        }
        first = false;
        s.push_str(&protocol::repr_string(&k)?);
        s.push_str(": ");
        s.push_str(&protocol::repr_string(&v)?);
    }
    s.push('}');
    Ok(pystr::from_string(s))
}

fn dict_getitem(d: &Obj, key: &Obj) -> PyResult<Obj> {
    if let Some(v) = get_item(d, key)? {
        return Ok(v);
    }
    if !d.is_exact(types().dict) {
        if let Some(r) = protocol::call_special(d, "__missing__", std::slice::from_ref(key))? {
            return Ok(r);
        }
    }
    Err(key_error(key.clone()))
}

/// Is the word an exact dict? Then native code's subscript and `in` entries below go
/// straight to the dict: an exact dict has no `__missing__` and its slots cannot be
/// replaced, so that is exactly what the generic protocol would do.
///
/// # Safety
/// `o` is a live object word.
#[inline]
unsafe fn exact_dict(o: &u64) -> Option<&Obj> {
    let o = Obj::borrow_raw(o);
    (!o.is_small_int() && o.is_exact(types().dict)).then_some(o)
}

/// `o[k] = v` for native code (the slow path of its `StoreSubscr`): an exact dict
/// directly, anything else through `pyrt_store_subscr`. Operands borrowed; 0, or -1
/// with the error set.
///
/// # Safety
/// The words are live objects.
#[no_mangle]
pub unsafe extern "C" fn pyrt_store_item(o: u64, k: u64, v: u64) -> i32 {
    match exact_dict(&o) {
        Some(d) => crate::errors::to_status(set_item(d, Obj::borrow_raw(&k).clone(), Obj::borrow_raw(&v).clone())),
        None => crate::abi::pyrt_store_subscr(o, k, v),
    }
}

/// `o[k]` for native code (the slow path of its `BinarySubscr`): an exact dict directly
/// (KeyError when absent), anything else through `pyrt_subscr`. Operands borrowed; a
/// new reference, or 0 with the error set.
///
/// # Safety
/// As `pyrt_store_item`.
#[no_mangle]
pub unsafe extern "C" fn pyrt_get_item(o: u64, k: u64) -> u64 {
    match exact_dict(&o) {
        Some(d) => {
            let k = Obj::borrow_raw(&k);
            crate::errors::to_abi(get_item(d, k).and_then(|v| v.ok_or_else(|| key_error(k.clone()))))
        }
        None => crate::abi::pyrt_subscr(o, k),
    }
}

/// `a in b` (`a not in b` when `invert` is not 0) for native code: an exact dict `b`
/// directly, anything else through `pyrt_contains_op`. Operands borrowed; the bool, or
/// 0 with the error set.
///
/// # Safety
/// As `pyrt_store_item`.
#[no_mangle]
pub unsafe extern "C" fn pyrt_contains_item(a: u64, b: u64, invert: u32) -> u64 {
    match exact_dict(&b) {
        Some(d) => crate::errors::to_abi(contains(d, Obj::borrow_raw(&a)).map(|r| pybool::from_bool(r != (invert != 0)))),
        None => crate::abi::pyrt_contains_op(a, b, invert),
    }
}

fn dict_setitem(d: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    match value {
        Some(v) => set_item(d, key.clone(), v.clone()),
        None => {
            if del_item(d, key)? {
                Ok(())
            } else {
                Err(key_error(key.clone()))
            }
        }
    }
}

fn dict_contains(d: &Obj, key: &Obj) -> PyResult<bool> {
    contains(d, key)
}

fn dict_iter(d: &Obj) -> PyResult<Obj> {
    Ok(new_iter(types().dict_keyiterator, d, false))
}

fn dict_equal(a: &Obj, b: &Obj) -> PyResult<bool> {
    if len(a) != len(b) {
        return Ok(false);
    }
    let mut pos = 0;
    loop {
        let t = tbl(a);
        if pos >= t.entries.len() {
            break;
        }
        let i = pos;
        pos += 1;
        let Some(e) = &t.entries[i] else { continue };
        let (h, k, av) = (e.hash, e.key.clone(), e.value.clone());
        let Some(bv) = get_item_hashed(b, &k, h)? else { return Ok(false) };
        if !protocol::eq(&av, &bv)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn dict_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_dict(a) || !is_dict(b) || !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(none::not_implemented());
    }
    let eq = dict_equal(a, b)?;
    Ok(pybool::from_bool(if op == CmpOp::Eq { eq } else { !eq }))
}

fn dict_or(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_dict(a) || !is_dict(b) {
        return Ok(none::not_implemented());
    }
    let n = copy(a);
    update(&n, b)?;
    Ok(n)
}

fn dict_ior(a: &Obj, b: &Obj) -> PyResult<Obj> {
    update(a, b)?;
    Ok(a.clone())
}

fn dict_new(cls: &Obj, _args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let t = super::typeobj::as_type(cls);
    Ok(alloc(t, DictObj { head: header(), table: DictTable::new() }))
}

fn dict_init(d: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    update_with(d, "dict", args, kw)?;
    Ok(none::none())
}

// ----- methods -----

fn m_get(a: &[Obj]) -> PyResult<Obj> {
    Ok(get_item(&a[0], &a[1])?.unwrap_or_else(|| a.get(2).cloned().unwrap_or_else(none::none)))
}

fn m_setdefault(a: &[Obj]) -> PyResult<Obj> {
    let d = &a[0];
    let hash = protocol::hash(&a[1])?;
    if let Some(v) = get_item_hashed(d, &a[1], hash)? {
        return Ok(v);
    }
    let dv = a.get(2).cloned().unwrap_or_else(none::none);
    set_item_hashed(d, a[1].clone(), dv.clone(), hash)?;
    Ok(dv)
}

fn m_pop(a: &[Obj]) -> PyResult<Obj> {
    match pop_item(&a[0], &a[1])? {
        Some(v) => Ok(v),
        None => match a.get(2) {
            Some(dv) => Ok(dv.clone()),
            None => Err(key_error(a[1].clone())),
        },
    }
}

fn m_popitem(a: &[Obj]) -> PyResult<Obj> {
    let d = &a[0];
    let t = tbl(d);
    let Some(pos) = t.entries.iter().rposition(|e| e.is_some()) else {
        return Err(key_error(pystr::new("popitem(): dictionary is empty")));
    };
    let (k, v) = remove_at(d, pos);
    Ok(tuple::pair(k, v))
}

fn m_update(d: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    update_with(d, "update", args, kw)?;
    Ok(none::none())
}

fn m_keys(a: &[Obj]) -> PyResult<Obj> {
    Ok(new_view(types().dict_keys, &a[0]))
}
fn m_values(a: &[Obj]) -> PyResult<Obj> {
    Ok(new_view(types().dict_values, &a[0]))
}
fn m_items(a: &[Obj]) -> PyResult<Obj> {
    Ok(new_view(types().dict_items, &a[0]))
}

fn m_clear(a: &[Obj]) -> PyResult<Obj> {
    clear(&a[0]);
    Ok(none::none())
}

fn m_copy(a: &[Obj]) -> PyResult<Obj> {
    Ok(copy(&a[0]))
}

fn m_reversed(a: &[Obj]) -> PyResult<Obj> {
    Ok(new_iter(types().dict_reversekeyiterator, &a[0], true))
}

fn m_fromkeys(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    super::list::no_kwargs("fromkeys", kw)?;
    super::list::check_min_args("fromkeys", args, 1)?;
    check_max_args("fromkeys", args, 2)?;
    let value = args.get(1).cloned().unwrap_or_else(none::none);
    let d = protocol::call(cls, &[])?;
    let it = protocol::iter(&args[0])?;
    let exact = !d.is_small_int() && d.is_exact(types().dict);
    while let Some(k) = protocol::next(&it)? {
        if exact {
            set_item(&d, k, value.clone())?;
        } else {
            protocol::setitem(&d, &k, &value)?;
        }
    }
    Ok(d)
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("dict", std::mem::size_of::<DictObj>(), drop_as::<DictObj>);
    s.slots.traverse = Some(dict_traverse);
    s.slots.clear = Some(dict_clear);
    s.flags = super::typeobj::flags::DICT_SUBCLASS;
    let sl = &mut s.slots;
    sl.repr = Some(dict_repr);
    sl.hash = Some(hash_not_implemented);
    sl.richcompare = Some(dict_richcompare);
    sl.iter = Some(dict_iter);
    sl.len = Some(dict_len);
    sl.bool = Some(dict_bool);
    sl.getitem = Some(dict_getitem);
    sl.setitem = Some(dict_setitem);
    sl.contains = Some(dict_contains);
    sl.number[BinOp::Or as usize] = Some(dict_or);
    sl.inplace[BinOp::Or as usize] = Some(dict_ior);
    sl.new = Some(dict_new);
    sl.init = Some(dict_init);
    s.methods = vec![
        MethodDef::Method { name: "get", func: m_get, min: 2, max: 3 },
        MethodDef::Method { name: "keys", func: m_keys, min: 1, max: 1 },
        MethodDef::Method { name: "values", func: m_values, min: 1, max: 1 },
        MethodDef::Method { name: "items", func: m_items, min: 1, max: 1 },
        MethodDef::Method { name: "copy", func: m_copy, min: 1, max: 1 },
        MethodDef::Method { name: "__reversed__", func: m_reversed, min: 1, max: 1 },
        MethodDef::Attr { name: "__hash__", value: none_attr },
    ];
    EXTRA.extend(&mut s.methods);
    s
}

super::method_extension! {
    /// Enables dict's extension table (called by the program's `main`; types/mod.rs
    /// `MethodExtension`).
    pyrt_methods_dict: EXTRA(MethodDef) => extra_methods
}

pub(super) fn extra_methods() -> Vec<MethodDef> {
    vec![
        MethodDef::Method { name: "setdefault", func: m_setdefault, min: 2, max: 3 },
        MethodDef::Method { name: "pop", func: m_pop, min: 2, max: 3 },
        MethodDef::Method { name: "popitem", func: m_popitem, min: 1, max: 1 },
        MethodDef::MethodKw { name: "update", func: m_update },
        MethodDef::Method { name: "clear", func: m_clear, min: 1, max: 1 },
        MethodDef::ClassMethod { name: "fromkeys", func: m_fromkeys },
    ]
}

// ===================== views =====================

#[repr(C)]
pub struct DictViewObj {
    pub head: ObjHeader,
    pub dict: Obj,
}

fn new_view(ty: &TypeObject, d: &Obj) -> Obj {
    alloc(ty, DictViewObj { head: header(), dict: d.clone() })
}

#[inline]
fn view_dict(v: &Obj) -> &Obj {
    unsafe { &v.payload::<DictViewObj>().dict }
}

fn is_keys_view(o: &Obj) -> bool {
    !o.is_small_int() && o.is_exact(types().dict_keys)
}
fn is_items_view(o: &Obj) -> bool {
    !o.is_small_int() && o.is_exact(types().dict_items)
}
/// keys or items view (the set-like ones).
fn is_set_view(o: &Obj) -> bool {
    is_keys_view(o) || is_items_view(o)
}

fn view_len(v: &Obj) -> PyResult<usize> {
    Ok(len(view_dict(v)))
}

fn view_repr(v: &Obj) -> PyResult<Obj> {
    let name = v.type_name();
    let Some(_g) = ReprGuard::enter(v) else { return Ok(pystr::new("...")) };
    let items = protocol::collect(v)?;
    let l = super::list::new(items);
    Ok(pystr::from_string(format!("{}({})", name, protocol::repr_string(&l)?)))
}

fn keys_iter(v: &Obj) -> PyResult<Obj> {
    Ok(new_iter(types().dict_keyiterator, view_dict(v), false))
}
fn values_iter(v: &Obj) -> PyResult<Obj> {
    Ok(new_iter(types().dict_valueiterator, view_dict(v), false))
}
fn items_iter(v: &Obj) -> PyResult<Obj> {
    Ok(new_iter(types().dict_itemiterator, view_dict(v), false))
}

fn keys_contains(v: &Obj, k: &Obj) -> PyResult<bool> {
    contains(view_dict(v), k)
}

fn items_contains(v: &Obj, item: &Obj) -> PyResult<bool> {
    let Some(t) = tuple::as_slice(item) else { return Ok(false) };
    if t.len() != 2 {
        return Ok(false);
    }
    let (k, val) = (t[0].clone(), t[1].clone());
    match get_item(view_dict(v), &k)? {
        Some(found) => protocol::eq(&found, &val),
        None => Ok(false),
    }
}

fn view_contains(v: &Obj, k: &Obj) -> PyResult<bool> {
    if is_keys_view(v) {
        keys_contains(v, k)
    } else {
        items_contains(v, k)
    }
}

fn all_contained_in(a: &Obj, b: &Obj) -> PyResult<bool> {
    let it = protocol::iter(a)?;
    while let Some(x) = protocol::next(&it)? {
        if !protocol::contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !super::set::is_anyset(b) && !is_set_view(b) {
        return Ok(none::not_implemented());
    }
    let la = protocol::len(a)?;
    let lb = protocol::len(b)?;
    let ok = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let r = la == lb && all_contained_in(a, b)?;
            if op == CmpOp::Ne { !r } else { r }
        }
        CmpOp::Lt => la < lb && all_contained_in(a, b)?,
        CmpOp::Le => la <= lb && all_contained_in(a, b)?,
        CmpOp::Gt => la > lb && all_contained_in(b, a)?,
        CmpOp::Ge => la >= lb && all_contained_in(b, a)?,
    };
    Ok(pybool::from_bool(ok))
}

/// `set(view)`, or `set(iterable)` when the view is the right operand.
fn to_set(o: &Obj) -> PyResult<Obj> {
    super::set::make_new(types().set, Some(o))
}

fn view_and(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (mut s, mut o) = (a.clone(), b.clone());
    if !is_set_view(&s) {
        std::mem::swap(&mut s, &mut o);
    }
    let ls = protocol::len(&s)?;
    if !o.is_small_int() && o.is_exact(types().set) && ls <= protocol::len(&o)? {
        return protocol::call_method(&o, "intersection", &[s]);
    }
    if is_set_view(&o) && protocol::len(&o)? > ls {
        std::mem::swap(&mut s, &mut o);
    }
    let result = super::set::make_new(types().set, None)?;
    let it = protocol::iter(&o)?;
    while let Some(x) = protocol::next(&it)? {
        if view_contains(&s, &x)? {
            super::set::add(&result, x)?;
        }
    }
    Ok(result)
}

fn view_or(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let r = to_set(a)?;
    super::set::update(&r, b)?;
    Ok(r)
}

fn view_sub(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let r = to_set(a)?;
    super::set::difference_update(&r, b)?;
    Ok(r)
}

fn view_xor(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let r = to_set(a)?;
    super::set::symmetric_difference_update(&r, b)?;
    Ok(r)
}

fn view_isdisjoint(a: &[Obj]) -> PyResult<Obj> {
    let (mut s, mut o) = (a[0].clone(), a[1].clone());
    if s.is(&o) {
        return Ok(pybool::from_bool(protocol::len(&s)? == 0));
    }
    if super::set::is_anyset(&o) || is_set_view(&o) {
        if protocol::len(&o)? > protocol::len(&s)? {
            std::mem::swap(&mut s, &mut o);
        }
    }
    let it = protocol::iter(&o)?;
    while let Some(x) = protocol::next(&it)? {
        if protocol::contains(&s, &x)? {
            return Ok(none::false_());
        }
    }
    Ok(none::true_())
}

fn view_reversed(a: &[Obj]) -> PyResult<Obj> {
    let d = view_dict(&a[0]);
    let it = new_iter(types().dict_reversekeyiterator, d, true);
    let kind = if is_keys_view(&a[0]) {
        IterKind::Keys
    } else if is_items_view(&a[0]) {
        IterKind::Items
    } else {
        IterKind::Values
    };
    unsafe { it.payload_mut::<DictIterObj>().kind = kind };
    Ok(it)
}

fn g_mapping(v: &Obj) -> PyResult<Obj> {
    Ok(view_dict(v).clone())
}

fn view_spec(name: &'static str, set_like: bool) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<DictViewObj>(), drop_as::<DictViewObj>);
    s.final_ = true;
    s.slots.len = Some(view_len);
    s.slots.repr = Some(view_repr);
    s.methods = vec![
        MethodDef::Method { name: "__reversed__", func: view_reversed, min: 1, max: 1 },
        MethodDef::Getter { name: "mapping", get: g_mapping },
    ];
    if set_like {
        s.slots.hash = Some(hash_not_implemented);
        s.slots.richcompare = Some(view_richcompare);
        s.slots.number[BinOp::And as usize] = Some(view_and);
        s.slots.number[BinOp::Or as usize] = Some(view_or);
        s.slots.number[BinOp::Sub as usize] = Some(view_sub);
        s.slots.number[BinOp::Xor as usize] = Some(view_xor);
        s.methods.push(MethodDef::Method { name: "isdisjoint", func: view_isdisjoint, min: 2, max: 2 });
        s.methods.push(MethodDef::Attr { name: "__hash__", value: none_attr });
    }
    s
}

pub fn keys_spec() -> TypeSpec {
    let mut s = view_spec("dict_keys", true);
    s.slots.iter = Some(keys_iter);
    s.slots.contains = Some(keys_contains);
    s
}

pub fn values_spec() -> TypeSpec {
    let mut s = view_spec("dict_values", false);
    s.slots.iter = Some(values_iter);
    s
}

pub fn items_spec() -> TypeSpec {
    let mut s = view_spec("dict_items", true);
    s.slots.iter = Some(items_iter);
    s.slots.contains = Some(items_contains);
    s
}

// ===================== iterators =====================

#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum IterKind {
    Keys,
    Values,
    Items,
}

#[repr(C)]
pub struct DictIterObj {
    pub head: ObjHeader,
    pub dict: Option<Obj>,
    /// Forward: next entry position. Reverse: one past the next position (0 = done).
    pub pos: usize,
    /// The dict's size when iteration started (`usize::MAX` after a size-change error).
    pub used: usize,
    pub remaining: usize,
    pub kind: IterKind,
    pub reverse: bool,
}

fn new_iter(ty: &TypeObject, d: &Obj, reverse: bool) -> Obj {
    let t = tbl(d);
    let kind = if std::ptr::eq(ty, types().dict_valueiterator) {
        IterKind::Values
    } else if std::ptr::eq(ty, types().dict_itemiterator) {
        IterKind::Items
    } else {
        IterKind::Keys
    };
    let pos = if reverse { t.entries.len() } else { 0 };
    alloc(ty, DictIterObj { head: header(), dict: Some(d.clone()), pos, used: t.used, remaining: t.used, kind, reverse })
}

fn self_iter(o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}

fn dictiter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let it = unsafe { o.payload_mut::<DictIterObj>() };
    let Some(d) = &it.dict else { return Ok(None) };
    let t = tbl(d);
    if t.used != it.used {
        it.used = usize::MAX;
        return Err(runtime_error("dictionary changed size during iteration"));
    }
    let found = if it.reverse {
        let mut r = None;
        while it.pos > 0 {
            it.pos -= 1;
            if let Some(Some(e)) = t.entries.get(it.pos) {
                r = Some(e);
                break;
            }
        }
        r
    } else {
        let mut r = None;
        while it.pos < t.entries.len() {
            let i = it.pos;
            it.pos += 1;
            if let Some(e) = &t.entries[i] {
                r = Some(e);
                break;
            }
        }
        r
    };
    match found {
        Some(e) => {
            if it.remaining == 0 {
                it.used = usize::MAX;
                return Err(runtime_error("dictionary keys changed during iteration"));
            }
            it.remaining -= 1;
            Ok(Some(match it.kind {
                IterKind::Keys => e.key.clone(),
                IterKind::Values => e.value.clone(),
                IterKind::Items => tuple::pair(e.key.clone(), e.value.clone()),
            }))
        }
        None => {
            let d = it.dict.take();
            drop(d);
            Ok(None)
        }
    }
}

fn dictiter_length_hint(a: &[Obj]) -> PyResult<Obj> {
    let it = unsafe { a[0].payload::<DictIterObj>() };
    let n = match &it.dict {
        Some(d) if tbl(d).used == it.used => it.remaining,
        _ => 0,
    };
    Ok(int::from_i64(n as i64))
}

fn iter_spec_named(name: &'static str) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<DictIterObj>(), drop_as::<DictIterObj>);
    s.final_ = true;
    s.slots.iter = Some(self_iter);
    s.slots.next = Some(dictiter_next);
    s.methods = vec![MethodDef::Method { name: "__length_hint__", func: dictiter_length_hint, min: 1, max: 1 }];
    s
}

pub fn keyiter_spec() -> TypeSpec {
    iter_spec_named("dict_keyiterator")
}
pub fn valueiter_spec() -> TypeSpec {
    iter_spec_named("dict_valueiterator")
}
pub fn itemiter_spec() -> TypeSpec {
    iter_spec_named("dict_itemiterator")
}
pub fn reversekeyiter_spec() -> TypeSpec {
    iter_spec_named("dict_reversekeyiterator")
}

// ----- cycle collector (gc.rs): traverse / clear -----

/// Visits like CPython (`gc.get_referents` shows it): value then key, and values only
/// while every key is an exact str (CPython's unicode-keys tables; strs hold nothing).
fn dict_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let t = unsafe { &o.payload::<DictObj>().table };
    for e in t.entries.iter().flatten() {
        visit(&e.value);
        if !t.str_keys_only {
            visit(&e.key);
        }
    }
}

fn dict_clear(o: &Obj) {
    clear(o);
}
