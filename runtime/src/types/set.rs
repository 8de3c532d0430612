//! `set`, `frozenset` (one implementation) and `set_iterator`.
//!
//! The table mimics CPython 3.11's open-addressing layout exactly (initial 8 slots,
//! 9 linear probes then perturbed probing, dummies for deleted keys, the same growth
//! rule and re-insertion order), so iteration order -- what `print(set)` shows -- is
//! CPython's. `__eq__`/`__hash__` of keys may run Python code: no borrow of the table is
//! held across such calls and a look-up restarts when the table changed meanwhile.

use pyc_frontend::bytecode::{BinOp, CmpOp};

use super::list::{check_max_args, hash_not_implemented, no_kwargs, none_attr, ReprGuard};
use super::typeobj::{drop_as, KwArgs, MethodDef, TypeObject};
use super::{none, types, TypeSpec};
use crate::errors::{key_error, runtime_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::{bool as pybool, int, str as pystr};

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// Unused: key None, hash 0. Dummy: key None, hash -1. Active: key Some.
#[derive(Default)]
struct Slot {
    key: Option<Obj>,
    hash: i64,
}

pub struct SetTable {
    table: Vec<Slot>,
    mask: usize,
    fill: usize,
    used: usize,
    finger: usize,
    version: u64,
}

fn empty_table(size: usize) -> Vec<Slot> {
    let mut v = Vec::with_capacity(size);
    v.resize_with(size, Slot::default);
    v
}

impl SetTable {
    fn new() -> SetTable {
        SetTable { table: empty_table(MINSIZE), mask: MINSIZE - 1, fill: 0, used: 0, finger: 0, version: 0 }
    }
}

#[repr(C)]
pub struct SetObj {
    pub head: ObjHeader,
    pub t: SetTable,
    /// Cached frozenset hash (-1: not computed).
    pub hash: i64,
}

#[inline]
#[allow(clippy::mut_from_ref)]
fn tbl(s: &Obj) -> &mut SetTable {
    unsafe { &mut s.payload_mut::<SetObj>().t }
}

/// set, frozenset or a subclass instance?
#[inline]
pub fn is_anyset(o: &Obj) -> bool {
    !o.is_small_int() && (o.ty().is_subtype(types().set) || o.ty().is_subtype(types().frozenset))
}

#[inline]
fn is_frozen(o: &Obj) -> bool {
    !o.is_small_int() && o.ty().is_subtype(types().frozenset)
}

/// Number of elements.
#[inline]
pub fn len(s: &Obj) -> usize {
    tbl(s).used
}

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
        return Some(pystr::as_str(a) == pystr::as_str(b));
    }
    None
}

/// Probe sequence driver: calls `f(slot_index)` for each probed slot until it returns
/// `Some`. Mirrors CPython's linear-probe-then-perturb walk.
#[inline]
fn next_probe_start(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= PERTURB_SHIFT;
    (i.wrapping_mul(5).wrapping_add(1).wrapping_add(*perturb as usize)) & mask
}

enum Probe {
    Found(usize),
    Unused(usize),
    Restart,
}

/// Finds `key`: `Found(slot)`, or `Unused(first free slot: a dummy seen on the way if
/// `want_free`, else the unused slot)`.
fn probe(s: &Obj, key: &Obj, hash: i64, want_free: bool) -> PyResult<Probe> {
    let t = tbl(s);
    let mut mask = t.mask;
    let mut i = (hash as u64 as usize) & mask;
    let mut perturb = hash as u64;
    let mut freeslot: Option<usize> = None;
    loop {
        let mut probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
        let mut j = i;
        loop {
            let t = tbl(s);
            let e = &t.table[j];
            match &e.key {
                None if e.hash == 0 => return Ok(Probe::Unused(freeslot.unwrap_or(j))),
                None => {
                    if want_free && freeslot.is_none() {
                        freeslot = Some(j);
                    }
                }
                Some(k) if e.hash == hash => match quick_eq(k, key) {
                    Some(true) => return Ok(Probe::Found(j)),
                    Some(false) => {}
                    None => {
                        let k = k.clone();
                        let ver = t.version;
                        let r = protocol::eq(&k, key)?;
                        let t = tbl(s);
                        let same = matches!(&t.table.get(j), Some(Slot { key: Some(k2), .. }) if k2.is(&k));
                        if t.version != ver || !same {
                            return Ok(Probe::Restart);
                        }
                        if r {
                            return Ok(Probe::Found(j));
                        }
                        mask = t.mask;
                    }
                },
                Some(_) => {}
            }
            if probes == 0 {
                break;
            }
            probes -= 1;
            j += 1;
        }
        i = next_probe_start(i, &mut perturb, mask);
    }
}

fn lookkey(s: &Obj, key: &Obj, hash: i64) -> PyResult<Option<usize>> {
    loop {
        match probe(s, key, hash, false)? {
            Probe::Found(j) => return Ok(Some(j)),
            Probe::Unused(_) => return Ok(None),
            Probe::Restart => continue,
        }
    }
}

fn insert_clean(table: &mut [Slot], mask: usize, key: Obj, hash: i64) {
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if table[i].key.is_none() {
            table[i] = Slot { key: Some(key), hash };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in i + 1..=i + LINEAR_PROBES {
                if table[j].key.is_none() {
                    table[j] = Slot { key: Some(key), hash };
                    return;
                }
            }
        }
        i = next_probe_start(i, &mut perturb, mask);
    }
}

fn resize(t: &mut SetTable, minused: usize) {
    let mut newsize = MINSIZE;
    while newsize <= minused {
        newsize <<= 1;
    }
    let old = std::mem::replace(&mut t.table, empty_table(newsize));
    t.mask = newsize - 1;
    t.fill = t.used;
    for e in old.into_iter() {
        if let Some(k) = e.key {
            insert_clean(&mut t.table, t.mask, k, e.hash);
        }
    }
    t.version += 1;
}

fn add_entry(s: &Obj, key: Obj, hash: i64) -> PyResult<()> {
    loop {
        match probe(s, &key, hash, true)? {
            Probe::Found(_) => return Ok(()),
            Probe::Restart => continue,
            Probe::Unused(j) => {
                let t = tbl(s);
                let was_unused = t.table[j].hash == 0;
                t.table[j] = Slot { key: Some(key), hash };
                t.used += 1;
                t.version += 1;
                if was_unused {
                    t.fill += 1;
                    if t.fill * 5 >= t.mask * 3 {
                        let n = if t.used > 50000 { t.used * 2 } else { t.used * 4 };
                        resize(t, n);
                    }
                }
                return Ok(());
            }
        }
    }
}

/// Removes `key` if present; returns whether it was.
fn discard_entry(s: &Obj, key: &Obj, hash: i64) -> PyResult<bool> {
    match lookkey(s, key, hash)? {
        Some(j) => {
            let t = tbl(s);
            let old = std::mem::replace(&mut t.table[j], Slot { key: None, hash: -1 });
            t.used -= 1;
            t.version += 1;
            drop(old);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// (key, hash) of the active entries, in table order.
fn entries(s: &Obj) -> Vec<(Obj, i64)> {
    tbl(s).table.iter().filter_map(|e| e.key.as_ref().map(|k| (k.clone(), e.hash))).collect()
}

/// Hash of a key for look-ups: a `set` key is looked up as the equal frozenset.
fn lookup_hash(key: &Obj) -> PyResult<(Obj, i64)> {
    match protocol::hash(key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e) => {
            if e.matches(crate::types::exceptions::exc().type_error) && !key.is_small_int() && key.ty().is_subtype(types().set) {
                let f = make_new(types().frozenset, Some(key))?;
                let h = protocol::hash(&f)?;
                Ok((f, h))
            } else {
                Err(e)
            }
        }
    }
}

/// `key in s`.
pub fn contains(s: &Obj, key: &Obj) -> PyResult<bool> {
    let (k, h) = lookup_hash(key)?;
    Ok(lookkey(s, &k, h)?.is_some())
}

/// `s.add(key)`.
pub fn add(s: &Obj, key: Obj) -> PyResult<()> {
    let h = protocol::hash(&key)?;
    add_entry(s, key, h)
}

fn clear_internal(s: &Obj) {
    let t = tbl(s);
    let old = std::mem::replace(&mut t.table, empty_table(MINSIZE));
    t.mask = MINSIZE - 1;
    t.fill = 0;
    t.used = 0;
    t.version += 1;
    drop(old);
}

/// `set_merge`: adds every element of the set `other`.
fn merge(s: &Obj, other: &Obj) -> PyResult<()> {
    if s.is(other) || len(other) == 0 {
        return Ok(());
    }
    {
        let (so_fill, so_used, so_mask) = {
            let t = tbl(s);
            (t.fill, t.used, t.mask)
        };
        let o_used = tbl(other).used;
        if (so_fill + o_used) * 5 >= so_mask * 3 {
            resize(tbl(s), (so_used + o_used) * 2);
        }
    }
    let (ot_mask, ot_fill, ot_used) = {
        let o = tbl(other);
        (o.mask, o.fill, o.used)
    };
    let t = tbl(s);
    if t.fill == 0 && t.mask == ot_mask && ot_fill == ot_used {
        let o = tbl(other);
        for (dst, src) in t.table.iter_mut().zip(o.table.iter()) {
            *dst = Slot { key: src.key.clone(), hash: src.hash };
        }
        t.fill = ot_fill;
        t.used = ot_used;
        t.version += 1;
        return Ok(());
    }
    if t.fill == 0 {
        let o = tbl(other);
        t.fill = ot_used;
        t.used = ot_used;
        let mask = t.mask;
        for e in o.table.iter() {
            if let Some(k) = &e.key {
                insert_clean(&mut t.table, mask, k.clone(), e.hash);
            }
        }
        t.version += 1;
        return Ok(());
    }
    for (k, h) in entries(other) {
        add_entry(s, k, h)?;
    }
    Ok(())
}

/// `set_update_internal`: adds every element of `other` (any iterable).
pub fn update(s: &Obj, other: &Obj) -> PyResult<()> {
    if is_anyset(other) {
        return merge(s, other);
    }
    if !other.is_small_int() && other.is_exact(types().dict) {
        let dsize = super::dict::len(other);
        {
            let t = tbl(s);
            if (t.fill + dsize) * 5 >= t.mask * 3 {
                let n = (t.used + dsize) * 2;
                resize(t, n);
            }
        }
        for k in super::dict::keys(other) {
            add(s, k)?;
        }
        return Ok(());
    }
    let it = protocol::iter(other)?;
    while let Some(k) = protocol::next(&it)? {
        add(s, k)?;
    }
    Ok(())
}

/// `make_new_set(type, iterable)`: a new set/frozenset (or subclass) instance.
pub fn make_new(ty: &TypeObject, iterable: Option<&Obj>) -> PyResult<Obj> {
    let s = alloc(ty, SetObj { head: header(), t: SetTable::new(), hash: -1 });
    if let Some(it) = iterable {
        update(&s, it)?;
    }
    Ok(s)
}

/// set for set subclasses, frozenset otherwise (`make_new_set_basetype`).
fn basetype(s: &Obj) -> &'static TypeObject {
    if s.ty().is_subtype(types().set) {
        types().set
    } else {
        types().frozenset
    }
}

fn copy_of(s: &Obj) -> PyResult<Obj> {
    make_new(basetype(s), Some(s))
}

/// A new set holding `items` (added in order).
pub fn new_set(items: Vec<Obj>) -> PyResult<Obj> {
    let s = make_new(types().set, None)?;
    for x in items {
        add(&s, x)?;
    }
    Ok(s)
}

/// A new frozenset holding `items`.
pub fn new_frozenset(items: Vec<Obj>) -> PyResult<Obj> {
    let s = make_new(types().frozenset, None)?;
    for x in items {
        add(&s, x)?;
    }
    Ok(s)
}

/// A frozenset *constant* as CPython's compiler makes it: built from the items, then
/// rebuilt from its own iteration order (`merge_consts_recursive`). A constant set display
/// `{1, 2, 3}` (3+ constant items) is `BUILD_SET 0; LOAD_CONST <this>; SET_UPDATE 1` in
/// CPython; building the constant this way reproduces CPython's iteration order exactly.
pub fn new_frozenset_const(items: Vec<Obj>) -> PyResult<Obj> {
    let first = new_frozenset(items)?;
    let order: Vec<Obj> = entries(&first).into_iter().map(|(k, _)| k).collect();
    new_frozenset(order)
}

/// `s & other` (CPython's `set_intersection`).
pub fn intersection(s: &Obj, other: &Obj) -> PyResult<Obj> {
    if s.is(other) {
        return copy_of(s);
    }
    let result = make_new(basetype(s), None)?;
    if is_anyset(other) {
        let (mut a, mut b) = (s.clone(), other.clone());
        if len(&b) > len(&a) {
            std::mem::swap(&mut a, &mut b);
        }
        for (k, h) in entries(&b) {
            if lookkey(&a, &k, h)?.is_some() {
                add_entry(&result, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = protocol::iter(other)?;
    while let Some(k) = protocol::next(&it)? {
        let h = protocol::hash(&k)?;
        if lookkey(s, &k, h)?.is_some() {
            add_entry(&result, k, h)?;
        }
    }
    Ok(result)
}

/// `s.difference_update(other)`.
pub fn difference_update(s: &Obj, other: &Obj) -> PyResult<()> {
    if s.is(other) {
        clear_internal(s);
        return Ok(());
    }
    if is_anyset(other) {
        for (k, h) in entries(other) {
            discard_entry(s, &k, h)?;
        }
    } else {
        let it = protocol::iter(other)?;
        while let Some(k) = protocol::next(&it)? {
            let (k, h) = lookup_hash(&k)?;
            discard_entry(s, &k, h)?;
        }
    }
    let t = tbl(s);
    if t.fill - t.used > t.mask / 4 {
        let n = if t.used > 50000 { t.used * 2 } else { t.used * 4 };
        resize(t, n);
    }
    Ok(())
}

/// `s - other` (CPython's `set_difference`).
pub fn difference(s: &Obj, other: &Obj) -> PyResult<Obj> {
    let other_size = if is_anyset(other) {
        len(other)
    } else if !other.is_small_int() && other.is_exact(types().dict) {
        super::dict::len(other)
    } else {
        let r = copy_of(s)?;
        difference_update(&r, other)?;
        return Ok(r);
    };
    if (len(s) >> 2) > other_size {
        let r = copy_of(s)?;
        difference_update(&r, other)?;
        return Ok(r);
    }
    let result = make_new(basetype(s), None)?;
    let is_dict = !is_anyset(other);
    for (k, h) in entries(s) {
        let found = if is_dict { super::dict::get_item_hashed(other, &k, h)?.is_some() } else { lookkey(other, &k, h)?.is_some() };
        if !found {
            add_entry(&result, k, h)?;
        }
    }
    Ok(result)
}

/// `s.symmetric_difference_update(other)`.
pub fn symmetric_difference_update(s: &Obj, other: &Obj) -> PyResult<()> {
    if s.is(other) {
        clear_internal(s);
        return Ok(());
    }
    let otherset = if is_anyset(other) { other.clone() } else { make_new(basetype(s), Some(other))? };
    for (k, h) in entries(&otherset) {
        if !discard_entry(s, &k, h)? {
            add_entry(s, k, h)?;
        }
    }
    Ok(())
}

/// `s ^ other`.
pub fn symmetric_difference(s: &Obj, other: &Obj) -> PyResult<Obj> {
    let r = make_new(basetype(s), Some(other))?;
    symmetric_difference_update(&r, s)?;
    Ok(r)
}

fn swap_bodies(a: &Obj, b: &Obj) {
    let (ta, tb) = (tbl(a), tbl(b));
    std::mem::swap(&mut ta.table, &mut tb.table);
    std::mem::swap(&mut ta.mask, &mut tb.mask);
    std::mem::swap(&mut ta.fill, &mut tb.fill);
    std::mem::swap(&mut ta.used, &mut tb.used);
    ta.version += 1;
    tb.version += 1;
}

/// `s <= other`.
pub fn issubset(s: &Obj, other: &Obj) -> PyResult<bool> {
    if !is_anyset(other) {
        let tmp = make_new(types().set, Some(other))?;
        return issubset(s, &tmp);
    }
    if len(s) > len(other) {
        return Ok(false);
    }
    for (k, h) in entries(s) {
        if lookkey(other, &k, h)?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `s >= other`.
pub fn issuperset(s: &Obj, other: &Obj) -> PyResult<bool> {
    if is_anyset(other) {
        return issubset(other, s);
    }
    let it = protocol::iter(other)?;
    while let Some(k) = protocol::next(&it)? {
        if !contains(s, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn isdisjoint(s: &Obj, other: &Obj) -> PyResult<bool> {
    if s.is(other) {
        return Ok(len(s) == 0);
    }
    if is_anyset(other) {
        let (mut a, mut b) = (s.clone(), other.clone());
        if len(&b) > len(&a) {
            std::mem::swap(&mut a, &mut b);
        }
        for (k, h) in entries(&b) {
            if lookkey(&a, &k, h)?.is_some() {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = protocol::iter(other)?;
    while let Some(k) = protocol::next(&it)? {
        let h = protocol::hash(&k)?;
        if lookkey(s, &k, h)?.is_some() {
            return Ok(false);
        }
    }
    Ok(true)
}

// ----- slots -----

fn set_len(s: &Obj) -> PyResult<usize> {
    Ok(len(s))
}

fn set_bool(s: &Obj) -> PyResult<bool> {
    Ok(len(s) != 0)
}

fn set_repr(s: &Obj) -> PyResult<Obj> {
    let name = s.type_name();
    if len(s) == 0 {
        return Ok(pystr::from_string(format!("{}()", name)));
    }
    let Some(_g) = ReprGuard::enter(s) else { return Ok(pystr::from_string(format!("{}(...)", name))) };
    let keys: Vec<Obj> = entries(s).into_iter().map(|(k, _)| k).collect();
    // CPython reprs a list of the keys: one level more around the keys' reprs
    crate::recursion::enter_for(" while getting the repr of an object")?;
    let inner = super::list::join_reprs(&keys);
    crate::recursion::leave();
    let inner = inner?;
    Ok(pystr::from_string(if s.is_exact(types().set) {
        format!("{{{}}}", inner)
    } else {
        format!("{}({{{}}})", name, inner)
    }))
}

fn set_contains(s: &Obj, key: &Obj) -> PyResult<bool> {
    contains(s, key)
}

fn set_iter(s: &Obj) -> PyResult<Obj> {
    let t = tbl(s);
    Ok(alloc(types().set_iterator, SetIterObj { head: header(), set: Some(s.clone()), pos: 0, used: t.used, remaining: t.used }))
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

fn frozenset_hash(s: &Obj) -> PyResult<i64> {
    let cached = unsafe { s.payload::<SetObj>().hash };
    if cached != -1 {
        return Ok(cached);
    }
    let t = tbl(s);
    let mut hash: u64 = 0;
    for e in t.table.iter() {
        if e.key.is_some() {
            hash ^= shuffle_bits(e.hash as u64);
        }
    }
    hash ^= ((t.used as u64) + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    unsafe { s.payload_mut::<SetObj>().hash = hash as i64 };
    Ok(hash as i64)
}

fn set_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(none::not_implemented());
    }
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let eq = if len(a) != len(b) {
                false
            } else {
                let (ha, hb) = unsafe { (a.payload::<SetObj>().hash, b.payload::<SetObj>().hash) };
                if is_frozen(a) && is_frozen(b) && ha != -1 && hb != -1 && ha != hb {
                    false
                } else {
                    issubset(a, b)?
                }
            };
            if op == CmpOp::Eq { eq } else { !eq }
        }
        CmpOp::Le => issubset(a, b)?,
        CmpOp::Ge => issuperset(a, b)?,
        CmpOp::Lt => len(a) < len(b) && issubset(a, b)?,
        CmpOp::Gt => len(a) > len(b) && issuperset(a, b)?,
    };
    Ok(pybool::from_bool(r))
}

fn set_or(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(none::not_implemented());
    }
    let r = copy_of(a)?;
    if !a.is(b) {
        update(&r, b)?;
    }
    Ok(r)
}

fn set_and(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(none::not_implemented());
    }
    intersection(a, b)
}

fn set_sub(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(none::not_implemented());
    }
    difference(a, b)
}

fn set_xor(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(none::not_implemented());
    }
    symmetric_difference(a, b)
}

fn set_ior(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_anyset(b) {
        return Ok(none::not_implemented());
    }
    update(a, b)?;
    Ok(a.clone())
}

fn set_iand(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_anyset(b) {
        return Ok(none::not_implemented());
    }
    let tmp = intersection(a, b)?;
    swap_bodies(a, &tmp);
    Ok(a.clone())
}

fn set_isub(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_anyset(b) {
        return Ok(none::not_implemented());
    }
    difference_update(a, b)?;
    Ok(a.clone())
}

fn set_ixor(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_anyset(b) {
        return Ok(none::not_implemented());
    }
    symmetric_difference_update(a, b)?;
    Ok(a.clone())
}

fn set_new(cls: &Obj, _args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let t = super::typeobj::as_type(cls);
    if std::ptr::eq(t, types().set) {
        no_kwargs("set", kw)?;
    }
    make_new(t, None)
}

fn set_init(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kwargs("set", kw)?;
    check_max_args("set", args, 1)?;
    if len(s) > 0 {
        clear_internal(s);
    }
    if let Some(it) = args.first() {
        update(s, it)?;
    }
    Ok(none::none())
}

fn frozenset_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let t = super::typeobj::as_type(cls);
    let exact = std::ptr::eq(t, types().frozenset);
    if exact {
        no_kwargs("frozenset", kw)?;
    }
    check_max_args("frozenset", args, 1)?;
    if let Some(it) = args.first() {
        if exact && !it.is_small_int() && it.is_exact(types().frozenset) {
            return Ok(it.clone());
        }
    }
    make_new(t, args.first())
}

// ----- methods -----

fn m_add(a: &[Obj]) -> PyResult<Obj> {
    add(&a[0], a[1].clone())?;
    Ok(none::none())
}

fn m_remove(a: &[Obj]) -> PyResult<Obj> {
    let (k, h) = lookup_hash(&a[1])?;
    if !discard_entry(&a[0], &k, h)? {
        return Err(key_error(a[1].clone()));
    }
    Ok(none::none())
}

fn m_discard(a: &[Obj]) -> PyResult<Obj> {
    let (k, h) = lookup_hash(&a[1])?;
    discard_entry(&a[0], &k, h)?;
    Ok(none::none())
}

fn m_pop(a: &[Obj]) -> PyResult<Obj> {
    let t = tbl(&a[0]);
    if t.used == 0 {
        return Err(key_error(pystr::new("pop from an empty set")));
    }
    let mut i = t.finger & t.mask;
    while t.table[i].key.is_none() {
        i += 1;
        if i > t.mask {
            i = 0;
        }
    }
    let e = std::mem::replace(&mut t.table[i], Slot { key: None, hash: -1 });
    t.used -= 1;
    t.finger = i + 1;
    t.version += 1;
    Ok(e.key.unwrap())
}

fn m_clear(a: &[Obj]) -> PyResult<Obj> {
    clear_internal(&a[0]);
    Ok(none::none())
}

fn m_copy(a: &[Obj]) -> PyResult<Obj> {
    if a[0].is_exact(types().frozenset) {
        return Ok(a[0].clone());
    }
    copy_of(&a[0])
}

fn m_union(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kwargs("union", kw)?;
    let r = copy_of(s)?;
    for o in args {
        if !o.is(s) {
            update(&r, o)?;
        }
    }
    Ok(r)
}

fn intersection_multi(s: &Obj, args: &[Obj]) -> PyResult<Obj> {
    if args.is_empty() {
        return copy_of(s);
    }
    let mut r = s.clone();
    for o in args {
        r = intersection(&r, o)?;
    }
    Ok(r)
}

fn m_intersection(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kwargs("intersection", kw)?;
    intersection_multi(s, args)
}

fn m_difference(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kwargs("difference", kw)?;
    if args.is_empty() {
        return copy_of(s);
    }
    let r = difference(s, &args[0])?;
    for o in &args[1..] {
        difference_update(&r, o)?;
    }
    Ok(r)
}

fn m_symmetric_difference(a: &[Obj]) -> PyResult<Obj> {
    symmetric_difference(&a[0], &a[1])
}

fn m_update(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kwargs("update", kw)?;
    for o in args {
        update(s, o)?;
    }
    Ok(none::none())
}

fn m_intersection_update(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kwargs("intersection_update", kw)?;
    let tmp = intersection_multi(s, args)?;
    if !tmp.is(s) {
        swap_bodies(s, &tmp);
    }
    Ok(none::none())
}

fn m_difference_update(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kwargs("difference_update", kw)?;
    for o in args {
        difference_update(s, o)?;
    }
    Ok(none::none())
}

fn m_symmetric_difference_update(a: &[Obj]) -> PyResult<Obj> {
    symmetric_difference_update(&a[0], &a[1])?;
    Ok(none::none())
}

fn m_issubset(a: &[Obj]) -> PyResult<Obj> {
    Ok(pybool::from_bool(issubset(&a[0], &a[1])?))
}

fn m_issuperset(a: &[Obj]) -> PyResult<Obj> {
    Ok(pybool::from_bool(issuperset(&a[0], &a[1])?))
}

fn m_isdisjoint(a: &[Obj]) -> PyResult<Obj> {
    Ok(pybool::from_bool(isdisjoint(&a[0], &a[1])?))
}

fn m_contains(a: &[Obj]) -> PyResult<Obj> {
    Ok(pybool::from_bool(contains(&a[0], &a[1])?))
}

/// The methods set and frozenset share: the core ones (`intersection`: dict views call it
/// by name), then the extension table when the program enabled it (`pyrt_methods_set`,
/// types/mod.rs `MethodExtension`).
fn common_methods() -> Vec<MethodDef> {
    let mut m = vec![
        MethodDef::MethodKw { name: "intersection", func: m_intersection },
        MethodDef::Method { name: "__contains__", func: m_contains, min: 2, max: 2 },
    ];
    COMMON_EXTRA.extend(&mut m);
    m
}

super::method_extension! {
    /// Enables set's and frozenset's extension tables (called by the program's `main`).
    pyrt_methods_set: COMMON_EXTRA(MethodDef) => common_extra_methods, SET_EXTRA(MethodDef) => set_extra_methods
}

fn common_extra_methods() -> Vec<MethodDef> {
    vec![
        MethodDef::Method { name: "copy", func: m_copy, min: 1, max: 1 },
        MethodDef::MethodKw { name: "union", func: m_union },
        MethodDef::MethodKw { name: "difference", func: m_difference },
        MethodDef::Method { name: "symmetric_difference", func: m_symmetric_difference, min: 2, max: 2 },
        MethodDef::Method { name: "issubset", func: m_issubset, min: 2, max: 2 },
        MethodDef::Method { name: "issuperset", func: m_issuperset, min: 2, max: 2 },
        MethodDef::Method { name: "isdisjoint", func: m_isdisjoint, min: 2, max: 2 },
    ]
}

fn set_extra_methods() -> Vec<MethodDef> {
    vec![
        MethodDef::Method { name: "add", func: m_add, min: 2, max: 2 },
        MethodDef::Method { name: "remove", func: m_remove, min: 2, max: 2 },
        MethodDef::Method { name: "discard", func: m_discard, min: 2, max: 2 },
        MethodDef::Method { name: "pop", func: m_pop, min: 1, max: 1 },
        MethodDef::Method { name: "clear", func: m_clear, min: 1, max: 1 },
        MethodDef::MethodKw { name: "update", func: m_update },
        MethodDef::MethodKw { name: "intersection_update", func: m_intersection_update },
        MethodDef::MethodKw { name: "difference_update", func: m_difference_update },
        MethodDef::Method { name: "symmetric_difference_update", func: m_symmetric_difference_update, min: 2, max: 2 },
    ]
}

/// Every method of set's extension tables (the unit test's view of `pyrt_methods_set`).
pub(super) fn extra_methods() -> Vec<MethodDef> {
    let mut m = common_extra_methods();
    m.extend(set_extra_methods());
    m
}

fn common_slots(s: &mut TypeSpec) {
    let sl = &mut s.slots;
    sl.repr = Some(set_repr);
    sl.richcompare = Some(set_richcompare);
    sl.iter = Some(set_iter);
    sl.len = Some(set_len);
    sl.bool = Some(set_bool);
    sl.contains = Some(set_contains);
    sl.number[BinOp::Or as usize] = Some(set_or);
    sl.number[BinOp::And as usize] = Some(set_and);
    sl.number[BinOp::Sub as usize] = Some(set_sub);
    sl.number[BinOp::Xor as usize] = Some(set_xor);
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("set", std::mem::size_of::<SetObj>(), drop_as::<SetObj>);
    s.slots.traverse = Some(set_traverse);
    s.slots.clear = Some(set_gc_clear);
    common_slots(&mut s);
    let sl = &mut s.slots;
    sl.hash = Some(hash_not_implemented);
    sl.inplace[BinOp::Or as usize] = Some(set_ior);
    sl.inplace[BinOp::And as usize] = Some(set_iand);
    sl.inplace[BinOp::Sub as usize] = Some(set_isub);
    sl.inplace[BinOp::Xor as usize] = Some(set_ixor);
    sl.new = Some(set_new);
    sl.init = Some(set_init);
    s.methods = common_methods();
    s.methods.push(MethodDef::Attr { name: "__hash__", value: none_attr });
    SET_EXTRA.extend(&mut s.methods);
    s
}

pub fn frozenset_spec() -> TypeSpec {
    let mut s = TypeSpec::new("frozenset", std::mem::size_of::<SetObj>(), drop_as::<SetObj>);
    s.slots.traverse = Some(set_traverse);
    s.slots.clear = Some(set_gc_clear);
    common_slots(&mut s);
    s.slots.hash = Some(frozenset_hash);
    s.slots.new = Some(frozenset_new);
    s.methods = common_methods();
    s
}

// ===================== set_iterator =====================

#[repr(C)]
pub struct SetIterObj {
    pub head: ObjHeader,
    pub set: Option<Obj>,
    pub pos: usize,
    /// Size when iteration started (`usize::MAX` after a size-change error).
    pub used: usize,
    pub remaining: usize,
}

fn self_iter(o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}

fn setiter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let it = unsafe { o.payload_mut::<SetIterObj>() };
    let Some(s) = &it.set else { return Ok(None) };
    let t = tbl(s);
    if t.used != it.used {
        it.used = usize::MAX;
        return Err(runtime_error("Set changed size during iteration"));
    }
    while it.pos <= t.mask && it.pos < t.table.len() {
        let i = it.pos;
        it.pos += 1;
        if let Some(k) = &t.table[i].key {
            it.remaining = it.remaining.saturating_sub(1);
            return Ok(Some(k.clone()));
        }
    }
    let s = it.set.take();
    drop(s);
    Ok(None)
}

fn setiter_length_hint(a: &[Obj]) -> PyResult<Obj> {
    let it = unsafe { a[0].payload::<SetIterObj>() };
    let n = match &it.set {
        Some(s) if tbl(s).used == it.used => it.remaining,
        _ => 0,
    };
    Ok(int::from_i64(n as i64))
}

pub fn iter_spec() -> TypeSpec {
    let mut s = TypeSpec::new("set_iterator", std::mem::size_of::<SetIterObj>(), drop_as::<SetIterObj>);
    s.final_ = true;
    s.slots.iter = Some(self_iter);
    s.slots.next = Some(setiter_next);
    s.methods = vec![MethodDef::Method { name: "__length_hint__", func: setiter_length_hint, min: 1, max: 1 }];
    s
}

// ----- cycle collector (gc.rs): traverse / clear -----

fn set_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    for sl in unsafe { &o.payload::<SetObj>().t }.table.iter() {
        if let Some(k) = &sl.key {
            visit(k);
        }
    }
}

fn set_gc_clear(o: &Obj) {
    let t = unsafe { &mut o.payload_mut::<SetObj>().t };
    let old = std::mem::replace(t, SetTable::new());
    drop(old);
}


