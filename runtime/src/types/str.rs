//! `str`: immutable UTF-8 text (`StrObj`) with its code-point count, an ASCII flag (ASCII
//! strings index in O(1)) and a cached hash; the interning table (`intern`) and the
//! one-character cache; every str slot (repr with CPython's quoting, hash, comparison,
//! len, code-point indexing and slicing, `in`, iteration via `str_iterator`, `+`, `*`,
//! `%`), the `str(x)` / `str(b, encoding)` constructor and all str methods. `str.format`
//! and `%`-formatting live in `format.rs`; codecs live in `modules/codecs.rs`. Lone
//! surrogates are stand-in chars (`char_of`/`code_point`, see `pyc_frontend::surrogates`).

use std::cell::Cell;
use std::collections::HashMap;

use pyc_frontend::bytecode::{BinOp, CmpOp};

use super::int::{self, bind_args};
use super::none::{none, not_implemented};
use super::typeobj::{drop_as, flags, KwArgs, MethodDef};
use super::{types, TypeSpec};
use crate::errors::{index_error, type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;

/// Lone surrogates are stored as stand-in scalars (see `pyc_frontend::surrogates`); these
/// map between the two where code points enter or leave a str.
pub use pyc_frontend::surrogates::{char_of, code_point, has_standin, is_standin};

// Native code reads `nchars` inline (compiler codegen/known.rs `lower_len_call`), and
// the text pointer and the ASCII bit of the length word (`lower_ord_call`).
const _: () = assert!(std::mem::offset_of!(StrObj, nchars) == 24);
const _: () = assert!(std::mem::offset_of!(StrObj, data) == 32 && std::mem::offset_of!(StrData, ptr) == 0);
const _: () = assert!(std::mem::offset_of!(StrData, bits) == 8 && ASCII_BIT == 1);

/// The built-in `ord` function (set once at start-up by `builtins`): native code
/// compares a call's callee with it before reading a one-character str's byte inline
/// (codegen/known.rs `lower_ord_call`).
#[no_mangle]
#[allow(non_upper_case_globals)]
pub static mut pyrt_ord_builtin: u64 = 0;

#[repr(C)]
pub struct StrObj {
    pub head: ObjHeader,
    /// Cached hash; -1 = not computed yet.
    pub hash: Cell<i64>,
    /// Number of code points.
    pub nchars: usize,
    pub data: StrData,
}

impl StrObj {
    /// Every code point is ASCII (code-point and byte offsets coincide).
    #[inline]
    pub fn ascii(&self) -> bool {
        self.data.bits & ASCII_BIT != 0
    }
}

/// The UTF-8 text of a str. Short texts live in the object's own block, right after
/// the payload (one allocation per str, and the bytes sit next to the header a
/// comparison has just read); long ones own a separate heap buffer, adopted from the
/// `String` that built them without a copy. The length shares a word with the two
/// flags, so the whole object header is 48 bytes.
#[repr(C)]
pub struct StrData {
    ptr: std::ptr::NonNull<u8>,
    /// `len << 2 | OWNED_BIT | ASCII_BIT`.
    bits: usize,
}

const ASCII_BIT: usize = 1;
/// The bytes are a `Box<str>` of their own, freed with the object.
const OWNED_BIT: usize = 2;

impl StrData {
    fn new(ptr: std::ptr::NonNull<u8>, len: usize, ascii: bool, owned: bool) -> StrData {
        StrData { ptr, bits: len << 2 | if owned { OWNED_BIT } else { 0 } | if ascii { ASCII_BIT } else { 0 } }
    }
}

impl std::ops::Deref for StrData {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        // SAFETY: `ptr`/`len` always describe valid UTF-8 that lives as long as `self`
        // (the object's own tail or the owned buffer).
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr.as_ptr(), self.bits >> 2)) }
    }
}

impl Drop for StrData {
    fn drop(&mut self) {
        if self.bits & OWNED_BIT != 0 {
            // SAFETY: an owned buffer came from `Box<str>::into_raw` with this length.
            unsafe { drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(self.ptr.as_ptr(), self.bits >> 2))) }
        }
    }
}

/// Texts longer than this keep the buffer of the `String` that built them.
const ADOPT_MIN: usize = 512;

// ----- construction -----

/// A str of type `ty` whose `len` bytes of text are written by `fill` straight into the
/// object's block. `fill` must write exactly `len` bytes of UTF-8 (every caller copies
/// `str` slices whose lengths add up to `len`).
fn alloc_filled(ty: &super::typeobj::TypeObject, len: usize, nchars: usize, ascii: bool, fill: impl FnOnce(&mut [u8])) -> Obj {
    let (o, tail) = if std::ptr::eq(ty, types().str) { alloc_exact(len, nchars, ascii) } else { alloc_of_type(ty, len, nchars, ascii) };
    // SAFETY: `tail` is `len` writable bytes in the new object's block; the object is
    // ours alone until it is returned.
    unsafe {
        let buf = std::slice::from_raw_parts_mut(tail, len);
        fill(buf);
        debug_assert!(std::str::from_utf8(buf).is_ok());
    }
    o
}

/// A new exact str with room for `len` bytes of text at the returned pointer, which the
/// caller fills before the object is used. Most strs a program makes are exact, and for
/// them `alloc_with_tail`'s general bookkeeping reduces to this: the type is static (no
/// reference to take), no container (no GC head), no dict slot, no inline values.
fn alloc_exact(len: usize, nchars: usize, ascii: bool) -> (Obj, *mut u8) {
    let ty = types().str;
    debug_assert!(ty.basicsize == std::mem::size_of::<StrObj>() && ty.dict_offset == 0 && !ty.is_heap_type());
    let head = std::mem::size_of::<StrObj>();
    // SAFETY: the block has room for the payload and `len` bytes after it; the payload
    // is fully written before the object is handed out.
    unsafe {
        let block = crate::object_alloc::alloc_block(head + len);
        let tail = block.add(head);
        let data = StrData::new(std::ptr::NonNull::new_unchecked(tail), len, ascii, false);
        let h = ObjHeader { refcnt: 1, ty: ty as *const super::typeobj::TypeObject };
        std::ptr::write(block as *mut StrObj, StrObj { head: h, hash: Cell::new(-1), nchars, data });
        crate::gc::on_alloc(block as *mut ObjHeader);
        (Obj::from_raw(block as u64), tail)
    }
}

/// `alloc_exact` for a str subclass, through the general allocator.
#[inline(never)]
fn alloc_of_type(ty: &super::typeobj::TypeObject, len: usize, nchars: usize, ascii: bool) -> (Obj, *mut u8) {
    let dangling = std::ptr::NonNull::dangling();
    let init = StrObj { head: header(), hash: Cell::new(-1), nchars, data: StrData::new(dangling, 0, ascii, false) };
    let (o, tail) = crate::object::alloc_with_tail(ty, init, len);
    // SAFETY: the payload is a `StrObj` nobody else sees yet; `tail` is its text block.
    unsafe {
        let p = o.payload_mut::<StrObj>();
        p.data = StrData::new(std::ptr::NonNull::new(tail).unwrap_or(dangling), len, ascii, false);
    }
    (o, tail)
}

/// Copies `src` to `dst` (`src.len()` writable bytes): short texts, the usual words and
/// keys, by a few overlapping word moves instead of a `memcpy` call.
///
/// # Safety
/// `dst` must be valid for `src.len()` bytes and not overlap `src`.
#[inline]
unsafe fn put(dst: *mut u8, src: &[u8]) {
    use std::ptr::{read_unaligned as rd, write_unaligned as wr};
    let (s, n) = (src.as_ptr(), src.len());
    match n {
        0 => {}
        1..=3 => {
            *dst = *s;
            *dst.add(n / 2) = *s.add(n / 2);
            *dst.add(n - 1) = *s.add(n - 1);
        }
        4..=7 => {
            let (a, b) = (rd(s as *const u32), rd(s.add(n - 4) as *const u32));
            wr(dst as *mut u32, a);
            wr(dst.add(n - 4) as *mut u32, b);
        }
        8..=16 => {
            let (a, b) = (rd(s as *const u64), rd(s.add(n - 8) as *const u64));
            wr(dst as *mut u64, a);
            wr(dst.add(n - 8) as *mut u64, b);
        }
        17..=32 => {
            let (a, b) = (rd(s as *const u128), rd(s.add(n - 16) as *const u128));
            wr(dst as *mut u128, a);
            wr(dst.add(n - 16) as *mut u128, b);
        }
        _ => std::ptr::copy_nonoverlapping(s, dst, n),
    }
}

/// Do two texts hold the same bytes? Short ones by a few overlapping word loads instead
/// of a `bcmp` call (dict keys are compared on every look-up hit).
#[inline(always)]
pub fn bytes_eq(x: &[u8], y: &[u8]) -> bool {
    let n = x.len();
    if n != y.len() {
        return false;
    }
    let (p, q) = (x.as_ptr(), y.as_ptr());
    // SAFETY: every load reads inside the two slices, which have `n` bytes each.
    unsafe {
        if n >= 8 && n <= 16 {
            let w = |a: *const u8, i: usize| std::ptr::read_unaligned(a.add(i) as *const u64);
            (w(p, 0) ^ w(q, 0)) | (w(p, n - 8) ^ w(q, n - 8)) == 0
        } else if n >= 4 && n < 8 {
            let w = |a: *const u8, i: usize| std::ptr::read_unaligned(a.add(i) as *const u32);
            (w(p, 0) ^ w(q, 0)) | (w(p, n - 4) ^ w(q, n - 4)) == 0
        } else if n < 4 {
            (0..n).all(|i| *p.add(i) == *q.add(i))
        } else {
            x == y
        }
    }
}

fn alloc_str(ty: &super::typeobj::TypeObject, s: &str) -> Obj {
    let ascii = s.is_ascii();
    let nchars = if ascii { s.len() } else { s.chars().count() };
    alloc_filled(ty, s.len(), nchars, ascii, |b| b.copy_from_slice(s.as_bytes()))
}

/// A str taking a long `String`'s buffer as it is.
fn adopt_string(s: String) -> Obj {
    let ascii = s.is_ascii();
    let nchars = if ascii { s.len() } else { s.chars().count() };
    adopt_counted(s, nchars, ascii)
}

fn adopt_counted(s: String, nchars: usize, ascii: bool) -> Obj {
    let b: Box<str> = s.into_boxed_str();
    let len = b.len();
    let ptr = std::ptr::NonNull::new(Box::into_raw(b) as *mut u8).expect("non-null box");
    alloc(types().str, StrObj { head: header(), hash: Cell::new(-1), nchars, data: StrData::new(ptr, len, ascii, true) })
}

/// `x + y` as a new exact str: the text is copied once, into the new object.
fn concat(x: &StrObj, y: &StrObj) -> Obj {
    let (a, b) = (x.data.as_bytes(), y.data.as_bytes());
    let (o, tail) = alloc_exact(a.len() + b.len(), x.nchars + y.nchars, x.ascii() && y.ascii());
    // SAFETY: `tail` has room for both texts.
    unsafe {
        put(tail, a);
        put(tail.add(a.len()), b);
    }
    o
}

static mut CHAR_CACHE: [u64; 256] = [0; 256];
static mut EMPTY: u64 = 0;
/// Interned strings by text. Keys borrow the text of the immortal object itself.
type InternTable = HashMap<&'static str, u64, std::hash::BuildHasherDefault<NameHasher>>;
static mut INTERNED: Option<InternTable> = None;

/// A fast multiplicative hasher for the interning table: its keys are short identifiers
/// chosen by the program, not by an attacker, and SipHash was most of `intern`'s cost.
#[derive(Default)]
struct NameHasher(u64);

impl std::hash::Hasher for NameHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            h = (h.rotate_left(5) ^ u64::from_le_bytes(c.try_into().unwrap())).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        self.0 = h;
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The table of interned strings (GIL-protected global).
#[allow(static_mut_refs)]
fn interned_table() -> &'static mut InternTable {
    // SAFETY: single-threaded runtime (the GIL); callers never hold the reference across
    // calls that could re-enter.
    unsafe { INTERNED.get_or_insert_with(InternTable::default) }
}

/// Direct-mapped cache in front of the interning table, keyed by the address and length
/// of the caller's text: runtime code interns the same literal (`"__init__"`) on every
/// call. A hit still compares the text, so a reused address never returns a wrong name.
static mut INTERN_CACHE: [(usize, u64); 256] = [(0, 0); 256];

/// The interned str for a name fixed at compile time, remembered in a static of the call
/// site: hot runtime paths (`__init__` on every instantiation) skip the intern table and
/// its cache's text compare.
#[macro_export]
macro_rules! static_name {
    ($s:literal) => {{
        static CELL: $crate::gil::GilCell<std::cell::Cell<u64>> = $crate::gil::GilCell::new(std::cell::Cell::new(0));
        $crate::types::str::interned_in(&CELL, $s)
    }};
}

/// `intern(s)`, kept in `cell` after the first call (see `static_name!`).
#[inline]
pub fn interned_in(cell: &'static crate::gil::GilCell<std::cell::Cell<u64>>, s: &'static str) -> Obj {
    let raw = cell.with(|c| c.get());
    if raw != 0 {
        // SAFETY: the cell holds an immortal interned str.
        return unsafe { Obj::from_raw(raw) };
    }
    let o = intern(s);
    cell.with(|c| c.set(o.raw()));
    o
}

#[inline]
fn intern_cache_slot(s: &str) -> &'static mut (usize, u64) {
    let i = ((s.as_ptr() as usize >> 3) ^ s.len()) & 255;
    // SAFETY: GIL-protected global; the reference is used before any other intern call.
    unsafe { &mut (*std::ptr::addr_of_mut!(INTERN_CACHE))[i] }
}

fn cached_char(c: u32) -> Obj {
    unsafe {
        let slot = &mut (*std::ptr::addr_of_mut!(CHAR_CACHE))[c as usize];
        if *slot == 0 {
            let s = char::from_u32(c).unwrap().to_string();
            let o = alloc_str(types().str, &s);
            o.make_immortal();
            *slot = o.into_raw();
        }
        Obj::from_raw(*slot)
    }
}

fn empty() -> Obj {
    unsafe {
        let slot = &mut *std::ptr::addr_of_mut!(EMPTY);
        if *slot == 0 {
            let o = alloc_str(types().str, "");
            o.make_immortal();
            *slot = o.into_raw();
        }
        Obj::from_raw(*slot)
    }
}

/// A new str object.
pub fn new(s: &str) -> Obj {
    match s.len() {
        0 => empty(),
        1 => cached_char(s.as_bytes()[0] as u32),
        // Two UTF-8 bytes hold U+0080..U+07FF; only Latin-1 has a cache slot.
        2 => match s.chars().next() {
            Some(c) if (0x80..0x100).contains(&(c as u32)) => cached_char(c as u32),
            _ => alloc_str(types().str, s),
        },
        _ => alloc_str(types().str, s),
    }
}

/// A new str of `s`, a piece of a text that is all ASCII when `ascii` (then its code
/// point count is its length and no scan is needed).
#[inline(never)]
fn piece(s: &str, ascii: bool) -> Obj {
    if !ascii || s.len() <= 1 {
        return new(s);
    }
    let (o, tail) = alloc_exact(s.len(), s.len(), true);
    // SAFETY: `tail` has room for `s`.
    unsafe { put(tail, s.as_bytes()) };
    o
}

/// The decimal text of `v` (`str(i)` of a small int, an f-string's `{i}`), written
/// straight into a new str instead of through `fmt`.
pub fn decimal(v: i64) -> Obj {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut m = v.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if v < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    // SAFETY: ASCII digits and sign.
    piece(unsafe { std::str::from_utf8_unchecked(&buf[at..]) }, true)
}

/// The concatenation of `items`, which are strs (an f-string's formatted pieces).
pub fn concat_all(items: &[Obj]) -> Obj {
    join_slice(&empty(), items).unwrap_or_else(|_| {
        from_string(items.iter().map(|i| as_str(i).unwrap_or("")).collect())
    })
}

/// A new str object taking the String.
pub fn from_string(s: String) -> Obj {
    if s.len() <= 2 {
        let c = s.chars().count();
        if c <= 1 && s.chars().next().map(|ch| (ch as u32) < 256).unwrap_or(true) {
            return new(&s);
        }
    }
    if s.len() >= ADOPT_MIN {
        return adopt_string(s);
    }
    alloc_str(types().str, &s)
}

/// A str of one character.
pub fn from_char(c: char) -> Obj {
    if (c as u32) < 256 {
        cached_char(c as u32)
    } else {
        alloc_str(types().str, c.encode_utf8(&mut [0; 4]))
    }
}

/// An instance of `cls` (str or a subclass) with text `s`.
pub fn new_of_type(cls: &super::typeobj::TypeObject, s: &str) -> Obj {
    if std::ptr::eq(cls, types().str) {
        new(s)
    } else {
        alloc_str(cls, s)
    }
}

/// The interned (immortal, cached) str with text `s`.
pub fn intern(s: &str) -> Obj {
    let slot = intern_cache_slot(s);
    if slot.0 == s.as_ptr() as usize && slot.1 != 0 {
        // SAFETY: cached values are immortal interned strs.
        let o = unsafe { Obj::from_raw(slot.1) };
        if as_str(&o) == Some(s) {
            return o;
        }
    }
    let t = interned_table();
    let raw = match t.get(s) {
        Some(&v) => v,
        None => {
            let o = alloc_str(types().str, s);
            o.make_immortal();
            // SAFETY: the object is immortal, so its text lives for the whole process.
            let text: &'static str = unsafe { &*(as_str(&o).unwrap() as *const str) };
            let raw = o.into_raw();
            t.insert(text, raw);
            raw
        }
    };
    *slot = (s.as_ptr() as usize, raw);
    unsafe { Obj::from_raw(raw) }
}

/// Interns a str object: returns the canonical interned object with the same text.
pub fn intern_obj(o: &Obj) -> Obj {
    match as_str(o) {
        Some(s) if o.is_exact(types().str) => intern(s),
        _ => o.clone(),
    }
}

/// Prepares the interning table (called once by `types::init`).
pub fn init_interning() {
    let t = interned_table();
    t.reserve(1024);
    let _ = empty();
}

// ----- access -----

#[inline]
fn payload(o: &Obj) -> Option<&StrObj> {
    if o.is_small_int() {
        return None;
    }
    let t = o.ty();
    if std::ptr::eq(t, types().str) || t.has_flag(flags::STR_SUBCLASS) || t.is_subtype(types().str) {
        Some(unsafe { o.payload::<StrObj>() })
    } else {
        None
    }
}

/// The text of a str (or str subclass instance).
#[inline]
pub fn as_str(o: &Obj) -> Option<&str> {
    payload(o).map(|p| &*p.data)
}

/// Is `o` a str (or subclass instance)?
#[inline]
pub fn is_str(o: &Obj) -> bool {
    payload(o).is_some()
}

/// Number of code points of a str.
pub fn char_len(o: &Obj) -> usize {
    payload(o).map(|p| p.nchars).unwrap_or(0)
}

#[inline]
fn sp(o: &Obj) -> &StrObj {
    payload(o).expect("str expected")
}

/// The hash of a str's UTF-8 text (and of bytes: equal ASCII text hashes alike, as in
/// CPython), never -1. CPython randomizes str hashes per process, so no program can
/// depend on their values; what matters is speed on the short keys programs use and good
/// low bits for the dict index. A folded 64x64->128 multiply per 8-byte word (the mixing
/// step of wyhash/foldhash) instead of SipHash: about 20 instructions for a short word
/// instead of ~140.
pub fn hash_bytes(b: &[u8]) -> i64 {
    hash_text(b)
}

/// `hash_bytes`, inlined where it is called.
#[inline(always)]
fn hash_text(b: &[u8]) -> i64 {
    const K0: u64 = 0xa076_1d64_78bd_642f;
    const K1: u64 = 0xe703_7ed1_a0b4_28db;
    const K2: u64 = 0x8ebc_6af0_9c88_c6e3;
    let n = b.len();
    if n == 0 {
        return 0;
    }
    let word = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
    let half = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().expect("4 bytes")) as u64;
    let mut h = fold_mul(n as u64 ^ K0, K1);
    let (x, y) = if n <= 3 {
        ((b[0] as u64) << 16 | (b[n / 2] as u64) << 8 | b[n - 1] as u64, 0)
    } else if n <= 8 {
        (half(0), half(n - 4))
    } else {
        let mut i = 0;
        while i + 16 < n {
            h = fold_mul(word(i) ^ K1, word(i + 8) ^ h);
            i += 16;
        }
        if i + 8 < n {
            h = fold_mul(word(i) ^ K2, h ^ K1);
        }
        (word(n - 8), 0)
    };
    let v = fold_mul(fold_mul(x ^ K1, y ^ h ^ K2), K0) as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

#[inline(always)]
fn fold_mul(a: u64, b: u64) -> u64 {
    let r = (a as u128) * (b as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

/// The hash of exact str `o` if it was computed already (dict look-ups test this inline).
#[inline(always)]
pub fn cached_hash(o: &Obj) -> Option<i64> {
    debug_assert!(o.is_exact(types().str));
    // SAFETY: the caller checked that `o` is an exact str.
    let h = unsafe { o.payload::<StrObj>() }.hash.get();
    (h != -1).then_some(h)
}

/// `str_hash_of` with the hashing inlined, for dict look-ups of fresh keys (a word just
/// split off, a key just built: a third of a look-up's cost went to the two calls).
#[inline(always)]
pub fn fresh_str_hash(o: &Obj) -> i64 {
    let p = sp(o);
    let h = p.hash.get();
    if h != -1 {
        return h;
    }
    let h = hash_text(p.data.as_bytes());
    p.hash.set(h);
    h
}

/// The (cached) hash of a str object (`fresh_str_hash` behind one call).
pub fn str_hash_of(o: &Obj) -> i64 {
    fresh_str_hash(o)
}

// ----- character classes -----

use super::unicode_db as udb;

/// The Unicode property flags of `c` (`unicode_db::ALPHA`...), as CPython 3.11 has them.
#[inline]
pub fn uflags(c: char) -> u16 {
    let cp = c as u32;
    // the first run starts at 0, so some run holds `cp`
    let i = udb::FLAG_RUNS.partition_point(|&run| run >> 8 <= cp);
    udb::FLAG_SETS[(udb::FLAG_RUNS[i - 1] & 0xFF) as usize]
}

#[inline]
fn has(c: char, f: u16) -> bool {
    uflags(c) & f != 0
}

pub fn py_isspace(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f');
    }
    has(c, udb::SPACE)
}

fn is_linebreak(c: char) -> bool {
    has(c, udb::LINEBREAK)
}

/// Python's `str.isprintable` for one character.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    has(c, udb::PRINTABLE)
}

fn is_decimal(c: char) -> bool {
    has(c, udb::DECIMAL)
}
fn is_digit(c: char) -> bool {
    has(c, udb::DIGIT)
}
fn is_numeric(c: char) -> bool {
    has(c, udb::NUMERIC)
}
fn is_alpha(c: char) -> bool {
    has(c, udb::ALPHA)
}
fn is_cased(c: char) -> bool {
    has(c, udb::CASED)
}
fn is_case_ignorable(c: char) -> bool {
    has(c, udb::CASE_IGNORABLE)
}
fn is_upper_c(c: char) -> bool {
    has(c, udb::UPPER)
}
fn is_lower_c(c: char) -> bool {
    has(c, udb::LOWER)
}
fn is_titlecase(c: char) -> bool {
    has(c, udb::TITLE)
}

/// Appends the full mapping of `c` from a (single, multi) table pair, or `c` itself.
fn push_mapped(c: char, single: &[(u32, u32)], multi: &[(u32, &str)], out: &mut String) {
    let cp = c as u32;
    if let Ok(i) = single.binary_search_by_key(&cp, |e| e.0) {
        out.push(char::from_u32(single[i].1).unwrap_or(c));
    } else if let Ok(i) = multi.binary_search_by_key(&cp, |e| e.0) {
        out.push_str(multi[i].1);
    } else {
        out.push(c);
    }
}
fn push_upper(c: char, out: &mut String) {
    push_mapped(c, &udb::UPPER_1, &udb::UPPER_N, out)
}
fn push_title(c: char, out: &mut String) {
    push_mapped(c, &udb::TITLE_1, &udb::TITLE_N, out)
}
fn push_fold(c: char, out: &mut String) {
    push_mapped(c, &udb::FOLD_1, &udb::FOLD_N, out)
}
/// Lower-case mapping of `chars[i]`, with the Final_Sigma rule for U+03A3.
fn push_lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c == '\u{3a3}' {
        let mut j = i;
        let mut prev = None;
        while j > 0 {
            j -= 1;
            if !is_case_ignorable(chars[j]) {
                prev = Some(chars[j]);
                break;
            }
        }
        let mut final_sigma = prev.map_or(false, is_cased);
        if final_sigma {
            let next = chars[i + 1..].iter().find(|c| !is_case_ignorable(**c));
            final_sigma = next.map_or(true, |c| !is_cased(*c));
        }
        out.push(if final_sigma { '\u{3c2}' } else { '\u{3c3}' });
        return;
    }
    push_mapped(c, &udb::LOWER_1, &udb::LOWER_N, out)
}

// ----- repr -----

/// CPython's `repr(str)` of a Rust string.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let cp = code_point(c);
                if cp < 0x100 {
                    out.push_str(&format!("\\x{:02x}", cp));
                } else if cp < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", cp));
                } else {
                    out.push_str(&format!("\\U{:08x}", cp));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `ascii(s)`-style repr: like `repr_str` but escaping every non-ASCII character.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = code_point(c);
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{:02x}", cp));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{:04x}", cp));
        } else {
            out.push_str(&format!("\\U{:08x}", cp));
        }
    }
    out
}

// ----- code-point indexing helpers -----

/// Byte offset of code point `ci` (`ci <= nchars`).
fn byte_off(p: &StrObj, ci: usize) -> usize {
    if p.ascii() {
        return ci;
    }
    if ci >= p.nchars {
        return p.data.len();
    }
    p.data.char_indices().nth(ci).map(|(b, _)| b).unwrap_or(p.data.len())
}

fn chars_before(p: &StrObj, bi: usize) -> usize {
    if p.ascii() {
        bi
    } else {
        p.data[..bi].chars().count()
    }
}

/// Resolves optional `start`/`end` arguments (slice semantics) to a code-point range;
/// `None` when start > len (nothing can match, not even "").
fn adjust_range(start: Option<&Obj>, end: Option<&Obj>, len: usize) -> PyResult<Option<(usize, usize)>> {
    let get = |o: Option<&Obj>, dflt: i64| -> PyResult<i64> {
        match o {
            None => Ok(dflt),
            Some(o) if super::none::is_none(o) => Ok(dflt),
            Some(o) => super::list::slice_index_arg(o),
        }
    };
    let len_i = len as i64;
    let mut s = get(start, 0)?;
    let mut e = get(end, len_i)?;
    if e > len_i {
        e = len_i;
    } else if e < 0 {
        e = (e + len_i).max(0);
    }
    if s < 0 {
        s = (s + len_i).max(0);
    }
    if s > len_i {
        return Ok(None);
    }
    Ok(Some((s as usize, (e.max(s)) as usize)))
}

// ----- slots -----

fn str_repr(o: &Obj) -> PyResult<Obj> {
    Ok(from_string(repr_str(as_str(o).unwrap_or(""))))
}

fn str_str(o: &Obj) -> PyResult<Obj> {
    if o.is_exact(types().str) {
        Ok(o.clone())
    } else {
        Ok(new(as_str(o).unwrap_or("")))
    }
}

fn str_hash(o: &Obj) -> PyResult<i64> {
    Ok(str_hash_of(o))
}

fn str_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (as_str(a), as_str(b)) else { return Ok(not_implemented()) };
    let r = if a.is(b) {
        int::cmp_result(std::cmp::Ordering::Equal, op)
    } else if matches!(op, CmpOp::Eq | CmpOp::Ne) {
        int::cmp_result(x.cmp(y), op)
    } else {
        int::cmp_result(compare(x, y), op)
    };
    Ok(super::bool::from_bool(r))
}

/// Code-point order of two texts: UTF-8 byte order, except that a surrogate's stand-in
/// sorts as the surrogate itself (between U+D7FF and U+E000), so the first differing
/// chars decide when they are not ASCII.
pub fn compare(x: &str, y: &str) -> std::cmp::Ordering {
    let (xb, yb) = (x.as_bytes(), y.as_bytes());
    let n = xb.len().min(yb.len());
    let mut i = 0;
    while i + 16 <= n && xb[i..i + 16] == yb[i..i + 16] {
        i += 16;
    }
    while i < n && xb[i] == yb[i] {
        i += 1;
    }
    if i == n {
        return xb.len().cmp(&yb.len());
    }
    if xb[i] < 0x80 && yb[i] < 0x80 {
        return xb[i].cmp(&yb[i]);
    }
    // The texts agree before `i`, so their chars start at the same boundary.
    let mut s = i;
    while !x.is_char_boundary(s) {
        s -= 1;
    }
    x[s..].chars().next().map(code_point).cmp(&y[s..].chars().next().map(code_point))
}

fn str_len(o: &Obj) -> PyResult<usize> {
    Ok(sp(o).nchars)
}

/// Code point `i` (0 <= i < nchars) as a one-character str.
fn char_at(p: &StrObj, i: usize) -> Obj {
    if p.ascii() {
        return cached_char(p.data.as_bytes()[i] as u32);
    }
    from_char(p.data.chars().nth(i).unwrap_or('\0'))
}

fn str_getitem(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let p = sp(o);
    if super::list::is_index(key) {
        let i = protocol::index_i64(key)?;
        return match super::list::norm_index(i, p.nchars) {
            Some(j) => Ok(char_at(p, j)),
            None => Err(index_error("string index out of range")),
        };
    }
    if super::slice::is_slice(key) {
        let (start, _stop, step, n) = super::slice::indices(key, p.nchars)?;
        return Ok(slice_range(o, start, step, n));
    }
    Err(type_error(format!("string indices must be integers, not '{}'", key.type_name())))
}

/// The `n` code points of str `o` from `start` by `step` (bounds already adjusted by
/// `slice::adjust`); also the BinarySlice fast path (`slice::get_slice`).
pub fn slice_range(o: &Obj, start: isize, step: isize, n: usize) -> Obj {
    let p = sp(o);
    if n == 0 {
        return empty();
    }
    if step == 1 {
        if n == p.nchars && o.is_exact(types().str) {
            return o.clone();
        }
        let b0 = byte_off(p, start as usize);
        let b1 = if p.ascii() { b0 + n } else { b0 + p.data[b0..].char_indices().nth(n).map(|(b, _)| b).unwrap_or(p.data.len() - b0) };
        return new(&p.data[b0..b1]);
    }
    let mut out = String::with_capacity(n);
    if p.ascii() {
        let b = p.data.as_bytes();
        let mut i = start;
        for _ in 0..n {
            out.push(b[i as usize] as char);
            i += step;
        }
    } else {
        let chars: Vec<char> = p.data.chars().collect();
        let mut i = start;
        for _ in 0..n {
            out.push(chars[i as usize]);
            i += step;
        }
    }
    from_string(out)
}

fn str_contains(o: &Obj, item: &Obj) -> PyResult<bool> {
    match as_str(item) {
        Some(s) => Ok(as_str(o).unwrap_or("").contains(s)),
        None => Err(type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            item.type_name()
        ))),
    }
}

/// `a + b` when both are exact strs (`ops::binary_op`'s fast path: no slot dispatch,
/// no subclass `__radd__` can apply), else `None`.
#[inline]
pub fn add_exact(a: &Obj, b: &Obj) -> Option<Obj> {
    let st = types().str;
    if a.is_small_int() || b.is_small_int() || !a.is_exact(st) || !b.is_exact(st) {
        return None;
    }
    // SAFETY: both are exact strs.
    let (x, y) = unsafe { (a.payload::<StrObj>(), b.payload::<StrObj>()) };
    Some(if y.data.is_empty() {
        a.clone()
    } else if x.data.is_empty() {
        b.clone()
    } else {
        concat(x, y)
    })
}

/// `pyrt_add`'s flag: the caller owns a reference to the left operand that it releases
/// right after the call (a temporary on its stack, codegen/fastpath.rs `binop`).
pub const ADD_LEFT_OWNED: u32 = 2;

/// `a + b` for two exact strs by appending `b`'s text to `a` itself, when nobody else
/// can see `a`: its one reference is the caller's temporary (`ADD_LEFT_OWNED`, reference
/// count 1), so `prev + "_" + w` fills one object instead of making and freeing a
/// second. Only within the slack of `a`'s own pool block (texts are sized to the byte,
/// blocks to 16), which needs no reallocation. The cached hash is reset; the identity
/// of a value nobody else holds is not observable. `false`: not applicable, nothing done.
///
/// # Safety
/// When the flag was passed, the caller's reference to `a` is the one it releases after
/// the call; `a` and `b` are live.
#[inline]
unsafe fn append_in_place(a: &Obj, b: &Obj) -> bool {
    let st = types().str;
    if a.is_small_int() || b.is_small_int() || a.is(b) || a.refcount() != 1 || !a.is_exact(st) || !b.is_exact(st) {
        return false;
    }
    let block = a.raw() as *mut u8;
    let head = std::mem::size_of::<StrObj>();
    let x = a.payload_mut::<StrObj>();
    let y = b.payload::<StrObj>();
    let (xl, yl) = (x.data.len(), y.data.len());
    // the text must be the inline tail of the block (not an owned buffer), and fit
    if x.data.bits & OWNED_BIT != 0 || x.data.ptr.as_ptr() != block.add(head) || yl == 0 {
        return false;
    }
    match crate::object_alloc::block_size(block) {
        Some(size) if head + xl + yl <= size => {}
        _ => return false,
    }
    put(block.add(head + xl), y.data.as_bytes());
    let ascii = x.ascii() && y.ascii();
    x.data.bits = (xl + yl) << 2 | if ascii { ASCII_BIT } else { 0 };
    x.nchars += y.nchars;
    x.hash.set(-1);
    true
}

/// `a + b` (`a += b` when bit 0 of `inplace` is set) for native code, past its inline int
/// and float paths: two exact strs are concatenated without the operator dispatch (an
/// exact str has no `__add__`/`__radd__` a subclass could override, and no in-place
/// slot), in `a`'s own block when the caller's temporary is its only reference
/// (`ADD_LEFT_OWNED`, `append_in_place`); anything else is the operator. Operands
/// borrowed; a new reference, or 0 with the error set.
///
/// # Safety
/// Both words are live objects.
#[no_mangle]
pub unsafe extern "C" fn pyrt_add(a: u64, b: u64, inplace: u32) -> u64 {
    let (a, b) = (Obj::borrow_raw(&a), Obj::borrow_raw(&b));
    if inplace & ADD_LEFT_OWNED != 0 && append_in_place(a, b) {
        return a.clone().into_raw();
    }
    if let Some(r) = add_exact(a, b) {
        return r.into_raw();
    }
    let r = if inplace & 1 != 0 { crate::ops::inplace_op(a, b, BinOp::Add) } else { crate::ops::binary_op(a, b, BinOp::Add) };
    crate::errors::to_abi(r)
}

fn str_add(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let Some(x) = payload(a) else { return Ok(not_implemented()) };
    match payload(b) {
        Some(y) => {
            if y.data.is_empty() && a.is_exact(types().str) {
                return Ok(a.clone());
            }
            if x.data.is_empty() && b.is_exact(types().str) {
                return Ok(b.clone());
            }
            Ok(concat(x, y))
        }
        None => {
            if let Some(r) = super::list::try_other_slot(a, b, BinOp::Add, str_add)? {
                return Ok(r);
            }
            Err(type_error(format!("can only concatenate str (not \"{}\") to str", b.type_name())))
        }
    }
}

fn repeat(s: &Obj, n: &Obj) -> PyResult<Obj> {
    let c = super::list::repeat_count(n)?;
    let x = as_str(s).unwrap_or("");
    if c == 1 && s.is_exact(types().str) {
        return Ok(s.clone());
    }
    if c == 0 || x.is_empty() {
        return Ok(empty());
    }
    // CPython: OverflowError past the largest object size (counted in characters),
    // MemoryError when the text cannot be allocated.
    if char_len(s).checked_mul(c).map_or(true, |t| t > isize::MAX as usize) {
        return Err(crate::errors::overflow_error("repeated string is too long"));
    }
    let mut out = crate::errors::alloc_string(x.len().checked_mul(c).unwrap_or(usize::MAX))?;
    for _ in 0..c {
        out.push_str(x);
    }
    Ok(from_string(out))
}

fn str_mul(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if is_str(a) {
        if super::list::is_index(b) {
            return repeat(a, b);
        }
        if let Some(r) = super::list::try_other_slot(a, b, BinOp::Mul, str_mul)? {
            return Ok(r);
        }
        return Err(super::list::cant_multiply(b));
    }
    if is_str(b) {
        if super::list::is_index(a) {
            return repeat(b, a);
        }
        if is_builtin_sequence(a) {
            // `[1] * 'a'`: the left sequence reports the error itself.
            return Ok(not_implemented());
        }
        return Err(super::list::cant_multiply(a));
    }
    Ok(not_implemented())
}

/// Is `o` an instance of a built-in sequence type that implements repetition itself?
pub fn is_builtin_sequence(o: &Obj) -> bool {
    let t = types();
    !o.is_small_int()
        && (o.isinstance(t.list) || o.isinstance(t.tuple) || o.isinstance(t.bytes) || o.isinstance(t.bytearray) || o.isinstance(t.str))
}

fn str_mod(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let Some(f) = as_str(a) else { return Ok(not_implemented()) };
    Ok(from_string(crate::format::percent_format(f, b)?))
}

fn str_iter(o: &Obj) -> PyResult<Obj> {
    // CPython 3.11 iterates an ASCII-only str with a separate `str_ascii_iterator` type.
    let ty = if as_str(o).is_some_and(|s| s.is_ascii()) { types().str_ascii_iterator } else { types().str_iterator };
    Ok(alloc(ty, StrIterObj { head: header(), s: o.clone(), pos: Cell::new(0) }))
}

fn str_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("str", args, kw, &["object", "encoding", "errors"], 0, 3, 0)?;
    let text: Obj = match &a[0] {
        None => {
            if a[1].is_some() || a[2].is_some() {
                empty()
            } else {
                empty()
            }
        }
        Some(x) if a[1].is_none() && a[2].is_none() => protocol::str(x)?,
        Some(x) => {
            let enc = match &a[1] {
                Some(e) => as_str(e)
                    .ok_or_else(|| type_error(format!("str() argument 'encoding' must be str, not {}", e.type_name())))?
                    .to_string(),
                None => "utf-8".to_string(),
            };
            let errors = match &a[2] {
                Some(e) => as_str(e)
                    .ok_or_else(|| type_error(format!("str() argument 'errors' must be str, not {}", e.type_name())))?
                    .to_string(),
                None => "strict".to_string(),
            };
            if is_str(x) {
                return Err(type_error("decoding str is not supported"));
            }
            let Some(data) = super::bytes::as_bytes_any(x) else {
                return Err(type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    x.type_name()
                )));
            };
            let data = data.to_vec();
            from_string(super::bytes::decode(&data, &enc, &errors, x)?)
        }
    };
    let ty = super::typeobj::as_type(cls);
    if std::ptr::eq(ty, types().str) {
        Ok(text)
    } else {
        Ok(new_of_type(ty, as_str(&text).unwrap_or("")))
    }
}

// ----- iterator -----

#[repr(C)]
pub struct StrIterObj {
    pub head: ObjHeader,
    pub s: Obj,
    /// Byte offset of the next character.
    pub pos: Cell<usize>,
}

fn iter_self(o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}

fn iter_next(o: &Obj) -> PyResult<Option<Obj>> {
    // SAFETY: `o` is a str iterator (this is its `next` slot), and `str_iter` made it over
    // a str or str subclass instance, which share the `StrObj` payload: no type check
    // per character (`for ch in text`).
    let it = unsafe { o.payload::<StrIterObj>() };
    let s: &str = unsafe { &it.s.payload::<StrObj>().data };
    let pos = it.pos.get();
    if pos >= s.len() {
        return Ok(None);
    }
    let b = s.as_bytes()[pos];
    if b < 0x80 {
        it.pos.set(pos + 1);
        return Ok(Some(cached_char(b as u32)));
    }
    let c = s[pos..].chars().next().unwrap();
    it.pos.set(pos + c.len_utf8());
    Ok(Some(from_char(c)))
}

fn iter_length_hint(args: &[Obj]) -> PyResult<Obj> {
    let it = unsafe { args[0].payload::<StrIterObj>() };
    let s = as_str(&it.s).unwrap_or("");
    let pos = it.pos.get().min(s.len());
    Ok(int::from_usize(s[pos..].chars().count()))
}

pub fn iter_spec() -> TypeSpec {
    iter_spec_named("str_iterator")
}

/// `str_ascii_iterator`: the same iterator, under the name 3.11 gives it for ASCII strings.
pub fn ascii_iter_spec() -> TypeSpec {
    iter_spec_named("str_ascii_iterator")
}

fn iter_spec_named(name: &'static str) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<StrIterObj>(), drop_as::<StrIterObj>);
    s.final_ = true;
    s.slots.iter = Some(iter_self);
    s.slots.next = Some(iter_next);
    s.methods = vec![MethodDef::Method { name: "__length_hint__", func: iter_length_hint, min: 1, max: 1 }];
    s
}

// ----- argument helpers -----

fn this(args: &[Obj]) -> &str {
    as_str(&args[0]).unwrap_or("")
}

/// A required str argument; TypeError "`what` must be str, not X".
fn str_arg<'a>(o: &'a Obj, what: &str) -> PyResult<&'a str> {
    as_str(o).ok_or_else(|| type_error(format!("{} must be str, not {}", what, o.type_name())))
}

fn opt_str_arg<'a>(o: Option<&'a Obj>, fname: &str, msg_none: bool) -> PyResult<Option<&'a str>> {
    match o {
        None => Ok(None),
        Some(x) if super::none::is_none(x) => Ok(None),
        Some(x) => match as_str(x) {
            Some(s) => Ok(Some(s)),
            None => Err(type_error(if msg_none {
                format!("{} arg must be None or str", fname)
            } else {
                format!("must be str or None, not {}", x.type_name())
            })),
        },
    }
}

fn int_arg(o: Option<&Obj>, dflt: i64) -> PyResult<i64> {
    match o {
        None => Ok(dflt),
        Some(o) => {
            if !super::list::is_index(o) {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    o.type_name()
                )));
            }
            super::list::index_clamped(o)
        }
    }
}

fn bool_obj(b: bool) -> PyResult<Obj> {
    Ok(super::bool::from_bool(b))
}

fn is_exact_self(args: &[Obj]) -> bool {
    args[0].is_exact(types().str)
}

/// Returns self unchanged when it is an exact str, else a copy.
fn same(args: &[Obj]) -> PyResult<Obj> {
    if is_exact_self(args) {
        Ok(args[0].clone())
    } else {
        Ok(new(this(args)))
    }
}

// ----- methods: case -----

/// An ASCII text with every byte mapped by `f` (ASCII to ASCII), as a new exact str.
fn map_ascii(s: &str, f: fn(&u8) -> u8) -> Obj {
    match s.as_bytes() {
        [] => return empty(),
        [b] => return cached_char(f(b) as u32),
        _ => {}
    }
    let (o, tail) = alloc_exact(s.len(), s.len(), true);
    // SAFETY: `tail` has room for `s.len()` bytes; ASCII maps to ASCII, so they are UTF-8.
    let out = unsafe { std::slice::from_raw_parts_mut(tail, s.len()) };
    for (d, b) in out.iter_mut().zip(s.as_bytes()) {
        *d = f(b);
    }
    o
}

fn m_upper(args: &[Obj]) -> PyResult<Obj> {
    let s = this(args);
    if sp(&args[0]).ascii() {
        return Ok(map_ascii(s, u8::to_ascii_uppercase));
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(c, &mut out);
    }
    Ok(from_string(out))
}
fn m_lower(args: &[Obj]) -> PyResult<Obj> {
    let s = this(args);
    if sp(&args[0]).ascii() {
        return Ok(map_ascii(s, u8::to_ascii_lowercase));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower_at(&chars, i, &mut out);
    }
    Ok(from_string(out))
}
fn m_casefold(args: &[Obj]) -> PyResult<Obj> {
    let s = this(args);
    if sp(&args[0]).ascii() {
        return Ok(from_string(s.to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_fold(c, &mut out);
    }
    Ok(from_string(out))
}
fn m_swapcase(args: &[Obj]) -> PyResult<Obj> {
    let chars: Vec<char> = this(args).chars().collect();
    let mut out = String::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper_c(c) {
            push_lower_at(&chars, i, &mut out);
        } else if is_lower_c(c) {
            push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Ok(from_string(out))
}
fn m_capitalize(args: &[Obj]) -> PyResult<Obj> {
    let chars: Vec<char> = this(args).chars().collect();
    let mut out = String::with_capacity(chars.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(chars[0], &mut out);
        } else {
            push_lower_at(&chars, i, &mut out);
        }
    }
    Ok(from_string(out))
}
fn m_title(args: &[Obj]) -> PyResult<Obj> {
    let chars: Vec<char> = this(args).chars().collect();
    let mut out = String::with_capacity(chars.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower_at(&chars, i, &mut out);
        } else {
            push_title(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    Ok(from_string(out))
}

// ----- methods: predicates -----

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> PyResult<Obj> {
    bool_obj(!s.is_empty() && s.chars().all(f))
}
fn m_isdigit(a: &[Obj]) -> PyResult<Obj> {
    all_nonempty(this(a), is_digit)
}
fn m_isdecimal(a: &[Obj]) -> PyResult<Obj> {
    all_nonempty(this(a), is_decimal)
}
fn m_isnumeric(a: &[Obj]) -> PyResult<Obj> {
    all_nonempty(this(a), is_numeric)
}
fn m_isalpha(a: &[Obj]) -> PyResult<Obj> {
    all_nonempty(this(a), is_alpha)
}
fn m_isalnum(a: &[Obj]) -> PyResult<Obj> {
    all_nonempty(this(a), |c| is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c))
}
fn m_isspace(a: &[Obj]) -> PyResult<Obj> {
    all_nonempty(this(a), py_isspace)
}
fn m_isascii(a: &[Obj]) -> PyResult<Obj> {
    bool_obj(sp(&a[0]).ascii())
}
fn m_isprintable(a: &[Obj]) -> PyResult<Obj> {
    bool_obj(this(a).chars().all(is_printable))
}
fn m_isupper(a: &[Obj]) -> PyResult<Obj> {
    let mut cased = false;
    for c in this(a).chars() {
        if is_lower_c(c) || is_titlecase(c) {
            return bool_obj(false);
        }
        if is_upper_c(c) {
            cased = true;
        }
    }
    bool_obj(cased)
}
fn m_islower(a: &[Obj]) -> PyResult<Obj> {
    let mut cased = false;
    for c in this(a).chars() {
        if is_upper_c(c) || is_titlecase(c) {
            return bool_obj(false);
        }
        if is_lower_c(c) {
            cased = true;
        }
    }
    bool_obj(cased)
}
fn m_istitle(a: &[Obj]) -> PyResult<Obj> {
    let mut cased = false;
    let mut prev_cased = false;
    let s = this(a);
    if s.chars().count() == 1 {
        let c = s.chars().next().unwrap_or(' ');
        return bool_obj(is_titlecase(c) || is_upper_c(c));
    }
    for c in s.chars() {
        if is_upper_c(c) || is_titlecase(c) {
            if prev_cased {
                return bool_obj(false);
            }
            prev_cased = true;
            cased = true;
        } else if is_lower_c(c) {
            if !prev_cased {
                return bool_obj(false);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    bool_obj(cased)
}

/// Python's `str.isidentifier`: XID_Start or '_', then XID_Continue.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || has(c, udb::XID_START) => {}
        _ => return false,
    }
    it.all(|c| has(c, udb::XID_CONTINUE))
}
fn m_isidentifier(a: &[Obj]) -> PyResult<Obj> {
    bool_obj(is_identifier(this(a)))
}

// ----- methods: search -----

/// Code-point index of the first (or last) match of `sub` within [start, end), or None.
fn find_impl(o: &Obj, sub: &str, start: Option<&Obj>, end: Option<&Obj>, rev: bool) -> PyResult<Option<usize>> {
    let p = sp(o);
    let Some((s, e)) = adjust_range(start, end, p.nchars)? else { return Ok(None) };
    if e - s < if sub.is_empty() { 0 } else { 1 } {
        return Ok(if sub.is_empty() && s <= e { Some(if rev { e } else { s }) } else { None });
    }
    let (b0, b1) = (byte_off(p, s), byte_off(p, e));
    let hay = &p.data[b0..b1];
    let r = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(r.map(|bi| s + if p.ascii() { bi } else { hay[..bi].chars().count() }))
}

fn sub_arg<'a>(o: &'a Obj) -> PyResult<&'a str> {
    as_str(o).ok_or_else(|| type_error(format!("must be str, not {}", o.type_name())))
}

fn m_find(a: &[Obj]) -> PyResult<Obj> {
    let r = find_impl(&a[0], sub_arg(&a[1])?, a.get(2), a.get(3), false)?;
    Ok(r.map(|i| int::from_usize(i)).unwrap_or_else(|| Obj::from_small(-1)))
}
fn m_rfind(a: &[Obj]) -> PyResult<Obj> {
    let r = find_impl(&a[0], sub_arg(&a[1])?, a.get(2), a.get(3), true)?;
    Ok(r.map(|i| int::from_usize(i)).unwrap_or_else(|| Obj::from_small(-1)))
}
fn m_index(a: &[Obj]) -> PyResult<Obj> {
    match find_impl(&a[0], sub_arg(&a[1])?, a.get(2), a.get(3), false)? {
        Some(i) => Ok(int::from_usize(i)),
        None => Err(value_error("substring not found")),
    }
}
fn m_rindex(a: &[Obj]) -> PyResult<Obj> {
    match find_impl(&a[0], sub_arg(&a[1])?, a.get(2), a.get(3), true)? {
        Some(i) => Ok(int::from_usize(i)),
        None => Err(value_error("substring not found")),
    }
}
fn m_count(a: &[Obj]) -> PyResult<Obj> {
    let sub = sub_arg(&a[1])?;
    let p = sp(&a[0]);
    let Some((s, e)) = adjust_range(a.get(2), a.get(3), p.nchars)? else { return Ok(Obj::from_small(0)) };
    if sub.is_empty() {
        return Ok(int::from_usize(e - s + 1));
    }
    let hay = &p.data[byte_off(p, s)..byte_off(p, e)];
    Ok(int::from_usize(hay.matches(sub).count()))
}

fn starts_ends(a: &[Obj], ends: bool) -> PyResult<Obj> {
    let name = if ends { "endswith" } else { "startswith" };
    let p = sp(&a[0]);
    let Some((s, e)) = adjust_range(a.get(2), a.get(3), p.nchars)? else { return bool_obj(false) };
    let hay = &p.data[byte_off(p, s)..byte_off(p, e)];
    let test = |x: &str| if ends { hay.ends_with(x) } else { hay.starts_with(x) };
    if let Some(x) = as_str(&a[1]) {
        return bool_obj(test(x));
    }
    if let Some(items) = super::tuple::as_slice(&a[1]) {
        for it in items {
            match as_str(it) {
                Some(x) => {
                    if test(x) {
                        return bool_obj(true);
                    }
                }
                None => {
                    return Err(type_error(format!(
                        "tuple for {} must only contain str, not {}",
                        name,
                        it.type_name()
                    )))
                }
            }
        }
        return bool_obj(false);
    }
    Err(type_error(format!(
        "{} first arg must be str or a tuple of str, not {}",
        name,
        a[1].type_name()
    )))
}
fn m_startswith(a: &[Obj]) -> PyResult<Obj> {
    starts_ends(a, false)
}
fn m_endswith(a: &[Obj]) -> PyResult<Obj> {
    starts_ends(a, true)
}

// ----- methods: split / join / strip -----

/// The position of the first ASCII whitespace byte of `b` at or after `i` (`b.len()`
/// when none), eight bytes at a time: every whitespace byte is at most 0x20, so a word
/// with no byte below 0x21 is skipped whole, and the first such byte (found exactly by
/// the borrow trick, whose later lanes may be wrong) is checked. Words are short, and
/// this was most of `split()`'s per-word scan.
#[inline]
fn next_ascii_space(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let space = |c: u8| matches!(c, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f);
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
        // bit 7 of a lane is set for the lowest lane below 0x21 (ASCII: bit 7 clear)
        let m = w.wrapping_sub(ONES * 0x21) & !w & (ONES * 0x80);
        if m == 0 {
            i += 8;
            continue;
        }
        i += (m.trailing_zeros() / 8) as usize;
        if space(b[i]) {
            return i;
        }
        i += 1;
    }
    while i < b.len() && !space(b[i]) {
        i += 1;
    }
    i
}

/// `s.split()`: runs of whitespace separate the pieces. An ASCII text is scanned by
/// bytes (the whitespace of ASCII is `\t\n\x0b\x0c\r`, `\x1c`..`\x1f` and space).
fn split_whitespace(s: &str, maxsplit: i64, ascii: bool) -> Vec<Obj> {
    if ascii {
        let b = s.as_bytes();
        let space = |c: u8| matches!(c, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f);
        // room for a line's worth of words up front (CPython preallocates 12 too), so
        // the usual short split does not grow the vector word by word
        let mut out = Vec::with_capacity((b.len() / 2 + 1).min(12));
        let mut i = 0;
        loop {
            while i < b.len() && space(b[i]) {
                i += 1;
            }
            if i == b.len() {
                return out;
            }
            if maxsplit >= 0 && out.len() as i64 >= maxsplit {
                out.push(piece(&s[i..], true));
                return out;
            }
            let start = i;
            i = next_ascii_space(b, i + 1);
            out.push(piece(&s[start..i], true));
        }
    }
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(py_isspace);
    let mut n = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && n >= maxsplit {
            out.push(new(rest));
            return out;
        }
        match rest.find(py_isspace) {
            Some(i) => {
                out.push(new(&rest[..i]));
                rest = rest[i..].trim_start_matches(py_isspace);
                n += 1;
            }
            None => {
                out.push(new(rest));
                break;
            }
        }
    }
    out
}

/// `s.split(sep)` for a non-empty `sep`. A one-byte (ASCII) separator, the usual case,
/// is found by a plain byte scan: pieces are short, so a search routine's set-up per
/// piece would cost more than it saves. It cannot match inside a multi-byte char.
fn split_sep(s: &str, sep: &str, maxsplit: i64, ascii: bool) -> Vec<Obj> {
    let limit = if maxsplit < 0 { usize::MAX } else { (maxsplit as usize).saturating_add(1) };
    let &[c] = sep.as_bytes() else { return s.splitn(limit, sep).map(|t| piece(t, ascii)).collect() };
    let b = s.as_bytes();
    let n = if maxsplit < 0 { b.iter().filter(|&&x| x == c).count() + 1 } else { 0 };
    let mut out = Vec::with_capacity(n);
    let mut start = 0;
    while out.len() + 1 < limit {
        let i = next_byte(b, start, c);
        if i == b.len() {
            break;
        }
        // `c` is ASCII (a one-byte separator), so `i` is a character boundary
        out.push(piece(&s[start..i], ascii));
        start = i + 1;
    }
    out.push(piece(&s[start..], ascii));
    out
}

/// The position of the first byte `c` of `b` at or after `i` (`b.len()` when none),
/// eight bytes at a time (the lowest zero lane of `word ^ c...` is found exactly).
#[inline]
fn next_byte(b: &[u8], mut i: usize, c: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    while i + 8 <= b.len() {
        let v = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes")) ^ (ONES * c as u64);
        let m = v.wrapping_sub(ONES) & !v & (ONES * 0x80);
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i] != c {
        i += 1;
    }
    i
}

fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<Obj> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(py_isspace);
    let mut n = 0;
    while !rest.is_empty() {
        if maxsplit >= 0 && n >= maxsplit {
            out.push(new(rest));
            break;
        }
        match rest.rfind(py_isspace) {
            Some(i) => {
                let c = rest[i..].chars().next().unwrap();
                out.push(new(&rest[i + c.len_utf8()..]));
                rest = rest[..i].trim_end_matches(py_isspace);
                n += 1;
            }
            None => {
                out.push(new(rest));
                break;
            }
        }
    }
    out.reverse();
    out
}

/// The separator (None or a non-empty str, kept as an object) and maxsplit of
/// split/rsplit. The usual positional call skips the general argument binding.
fn split_args(fname: &str, args: &[Obj], kw: &KwArgs) -> PyResult<(Option<Obj>, i64)> {
    let (sep, maxsplit) = if kw.names.is_empty() && args.len() <= 1 {
        (args.first().cloned(), -1)
    } else {
        let a = bind_args(fname, args, kw, &["sep", "maxsplit"], 0, 2, 0)?;
        (a[0].clone(), int_arg(a[1].as_ref(), -1)?)
    };
    match opt_str_arg(sep.as_ref(), fname, false)? {
        None => Ok((None, maxsplit)),
        Some("") => Err(value_error("empty separator")),
        Some(_) => Ok((sep, maxsplit)),
    }
}

fn m_split(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (sep, maxsplit) = split_args("split", args, kw)?;
    let p = sp(s);
    let v = match sep.as_ref().and_then(as_str) {
        None => split_whitespace(&p.data, maxsplit, p.ascii()),
        Some(sep) => split_sep(&p.data, sep, maxsplit, p.ascii()),
    };
    Ok(super::list::new(v))
}

fn m_rsplit(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (sep, maxsplit) = split_args("rsplit", args, kw)?;
    let text = as_str(s).unwrap_or("");
    let v = match sep.as_ref().and_then(as_str) {
        None => rsplit_whitespace(text, maxsplit),
        Some(sep) => {
            let mut v: Vec<Obj> = if maxsplit < 0 {
                text.rsplit(sep).map(new).collect()
            } else {
                text.rsplitn(maxsplit as usize + 1, sep).map(new).collect()
            };
            v.reverse();
            v
        }
    };
    Ok(super::list::new(v))
}

fn m_splitlines(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("splitlines", args, kw, &["keepends"], 0, 1, 0)?;
    let keep = match &a[0] {
        Some(k) => protocol::is_true(k)?,
        None => false,
    };
    let text = as_str(s).unwrap_or("");
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(new(&text[start..if keep { end } else { i }]));
            start = end;
        }
    }
    if start < text.len() {
        out.push(new(&text[start..]));
    }
    Ok(super::list::new(out))
}

fn m_join(a: &[Obj]) -> PyResult<Obj> {
    join(&a[0], &a[1])
}

/// `sep.join(iterable)` (`sep` a str: `m_join`, and `abi::pyrt_str_join` for a str
/// constant's).
pub(crate) fn join(sep: &Obj, iterable: &Obj) -> PyResult<Obj> {
    // A list or tuple is read in place: nothing below runs Python code, so it cannot
    // change under us.
    if let Some(items) = super::tuple::as_slice(iterable).or_else(|| super::list::as_slice_opt(iterable)) {
        return join_slice(sep, items);
    }
    // PySequence_Fast: a TypeError from getting the iterator becomes this message.
    let it = match protocol::iter(iterable) {
        Ok(it) => it,
        Err(e) if e.matches(super::exceptions::exc().type_error) => {
            return Err(type_error("can only join an iterable"));
        }
        Err(e) => return Err(e),
    };
    join_slice(sep, &protocol::collect(&it)?)
}

/// `sep.join(items)`: one pass to check the items and size the result, one to copy.
fn join_slice(sep_obj: &Obj, items: &[Obj]) -> PyResult<Obj> {
    if items.len() == 1 && items[0].is_exact(types().str) {
        return Ok(items[0].clone());
    }
    let sep = as_str(sep_obj).unwrap_or("");
    let (mut len, mut nchars, mut ascii) = (0usize, 0usize, true);
    for (i, it) in items.iter().enumerate() {
        let Some(p) = payload(it) else {
            return Err(type_error(format!(
                "sequence item {}: expected str instance, {} found",
                i,
                it.type_name()
            )));
        };
        len = len.saturating_add(p.data.len());
        nchars += p.nchars;
        ascii &= p.ascii();
    }
    if let (Some(k), Some(ps)) = (items.len().checked_sub(1), payload(sep_obj)) {
        len = len.saturating_add(sep.len().saturating_mul(k));
        nchars = nchars.saturating_add(ps.nchars.saturating_mul(k));
        ascii &= ps.ascii();
    }
    if len >= ADOPT_MIN {
        let mut out = crate::errors::alloc_string(len)?;
        // SAFETY: the string has room for `len` bytes, all written (UTF-8 texts) before
        // the length is set.
        unsafe {
            let v = out.as_mut_vec();
            write_joined(v.as_mut_ptr(), sep.as_bytes(), items);
            v.set_len(len);
        }
        return Ok(adopt_counted(out, nchars, ascii));
    }
    let (o, tail) = alloc_exact(len, nchars, ascii);
    // SAFETY: `tail` has room for `len` bytes.
    unsafe { write_joined(tail, sep.as_bytes(), items) };
    Ok(o)
}

/// Writes the texts of `items` separated by `sep` at `at`.
///
/// # Safety
/// Every item is a str (checked by `join_slice`, and nothing ran since) and `at` has
/// room for the total length of the texts and separators.
unsafe fn write_joined(mut at: *mut u8, sep: &[u8], items: &[Obj]) {
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            put(at, sep);
            at = at.add(sep.len());
        }
        let t = it.payload::<StrObj>().data.as_bytes();
        put(at, t);
        at = at.add(t.len());
    }
}

fn strip_impl(a: &[Obj], left: bool, right: bool, name: &str) -> PyResult<Obj> {
    let s = this(a);
    let chars = opt_str_arg(a.get(1), name, true)?;
    let r = match chars {
        None => {
            let mut t = s;
            if left {
                t = t.trim_start_matches(py_isspace);
            }
            if right {
                t = t.trim_end_matches(py_isspace);
            }
            t
        }
        Some(cs) => {
            let set: Vec<char> = cs.chars().collect();
            let mut t = s;
            if left {
                t = t.trim_start_matches(|c| set.contains(&c));
            }
            if right {
                t = t.trim_end_matches(|c| set.contains(&c));
            }
            t
        }
    };
    if r.len() == s.len() {
        return same(a);
    }
    Ok(new(r))
}
fn m_strip(a: &[Obj]) -> PyResult<Obj> {
    strip_impl(a, true, true, "strip")
}
fn m_lstrip(a: &[Obj]) -> PyResult<Obj> {
    strip_impl(a, true, false, "lstrip")
}
fn m_rstrip(a: &[Obj]) -> PyResult<Obj> {
    strip_impl(a, false, true, "rstrip")
}

fn m_partition(a: &[Obj]) -> PyResult<Obj> {
    let s = this(a);
    let sep = str_arg(&a[1], "partition() argument")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(match s.find(sep) {
        Some(i) => super::tuple::new(vec![new(&s[..i]), a[1].clone(), new(&s[i + sep.len()..])]),
        None => super::tuple::new(vec![same(a)?, empty(), empty()]),
    })
}
fn m_rpartition(a: &[Obj]) -> PyResult<Obj> {
    let s = this(a);
    let sep = str_arg(&a[1], "rpartition() argument")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(match s.rfind(sep) {
        Some(i) => super::tuple::new(vec![new(&s[..i]), a[1].clone(), new(&s[i + sep.len()..])]),
        None => super::tuple::new(vec![empty(), empty(), same(a)?]),
    })
}

fn m_replace(a: &[Obj]) -> PyResult<Obj> {
    let s = this(a);
    let old = as_str(&a[1]).ok_or_else(|| {
        type_error(format!("replace() argument 1 must be str, not {}", a[1].type_name()))
    })?;
    let newv = as_str(&a[2]).ok_or_else(|| {
        type_error(format!("replace() argument 2 must be str, not {}", a[2].type_name()))
    })?;
    let count = int_arg(a.get(3), -1)?;
    if count == 0 || (!old.is_empty() && !s.contains(old)) {
        return same(a);
    }
    if old.is_empty() {
        // Insert `new` before every character and at the end, up to count times.
        let mut out = String::new();
        let mut n = 0i64;
        for c in s.chars() {
            if count < 0 || n < count {
                out.push_str(newv);
                n += 1;
            }
            out.push(c);
        }
        if count < 0 || n < count {
            out.push_str(newv);
        }
        return Ok(from_string(out));
    }
    if count < 0 {
        Ok(from_string(s.replace(old, newv)))
    } else {
        Ok(from_string(s.replacen(old, newv, count as usize)))
    }
}

fn m_removeprefix(a: &[Obj]) -> PyResult<Obj> {
    let s = this(a);
    let p = as_str(&a[1]).ok_or_else(|| {
        type_error(format!("removeprefix() argument must be str, not {}", a[1].type_name()))
    })?;
    match s.strip_prefix(p) {
        Some(r) if !p.is_empty() => Ok(new(r)),
        _ => same(a),
    }
}
fn m_removesuffix(a: &[Obj]) -> PyResult<Obj> {
    let s = this(a);
    let p = as_str(&a[1]).ok_or_else(|| {
        type_error(format!("removesuffix() argument must be str, not {}", a[1].type_name()))
    })?;
    match s.strip_suffix(p) {
        Some(r) if !p.is_empty() => Ok(new(r)),
        _ => same(a),
    }
}

// ----- methods: padding -----

fn fill_arg(o: Option<&Obj>, name: &str) -> PyResult<char> {
    match o {
        None => Ok(' '),
        Some(f) => {
            let s = as_str(f).ok_or_else(|| {
                type_error(format!("{}() argument 2 must be str, not {}", name, f.type_name()))
            })?;
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(type_error("The fill character must be exactly one character long")),
            }
        }
    }
}

/// A width argument (a C `Py_ssize_t` in CPython: no clamping).
fn width_arg(o: &Obj) -> PyResult<i64> {
    int_arg(Some(o), 0)?;
    crate::protocol::index_i64(o).map_err(|_| crate::errors::overflow_error("Python int too large to convert to C ssize_t"))
}

fn pad(a: &[Obj], name: &str, align: char) -> PyResult<Obj> {
    let width = width_arg(&a[1])?;
    let fill = fill_arg(a.get(2), name)?;
    let n = sp(&a[0]).nchars as i64;
    if width <= n {
        return same(a);
    }
    let total = (width - n) as usize;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            // CPython: left = total/2 + (total & width & 1)
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let bytes = total.checked_mul(fill.len_utf8()).and_then(|t| t.checked_add(this(a).len()));
    let mut out = crate::errors::alloc_string(bytes.unwrap_or(usize::MAX))?;
    out.extend(std::iter::repeat(fill).take(left));
    out.push_str(this(a));
    out.extend(std::iter::repeat(fill).take(right));
    Ok(from_string(out))
}
fn m_center(a: &[Obj]) -> PyResult<Obj> {
    pad(a, "center", '^')
}
fn m_ljust(a: &[Obj]) -> PyResult<Obj> {
    pad(a, "ljust", '<')
}
fn m_rjust(a: &[Obj]) -> PyResult<Obj> {
    pad(a, "rjust", '>')
}
fn m_zfill(a: &[Obj]) -> PyResult<Obj> {
    let width = width_arg(&a[1])?;
    let s = this(a);
    let n = sp(&a[0]).nchars as i64;
    if width <= n {
        return same(a);
    }
    let fill = (width - n) as usize;
    let mut out = crate::errors::alloc_string(width as usize)?;
    let (sign, rest) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &s[1..]),
        _ => (None, s),
    };
    if let Some(c) = sign {
        out.push(c);
    }
    out.extend(std::iter::repeat('0').take(fill));
    out.push_str(rest);
    Ok(from_string(out))
}
fn m_expandtabs(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("expandtabs", args, kw, &["tabsize"], 0, 1, 0)?;
    let ts = int_arg(a[0].as_ref(), 8)?;
    let mut out = String::new();
    let mut col: i64 = 0;
    for c in as_str(s).unwrap_or("").chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat(' ').take(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(from_string(out))
}

// ----- methods: format / encode / translate -----

fn m_format(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let f = as_str(s).unwrap_or("");
    let lookup = |name: &str| -> PyResult<Obj> {
        match kw.get(name) {
            Some(v) => Ok(v.clone()),
            None => Err(crate::errors::key_error(new(name))),
        }
    };
    Ok(from_string(crate::format::str_format(f, args, &lookup)?))
}

fn m_format_map(a: &[Obj]) -> PyResult<Obj> {
    let f = this(a);
    let mapping = a[1].clone();
    let lookup = |name: &str| -> PyResult<Obj> { protocol::getitem(&mapping, &new(name)) };
    Ok(from_string(crate::format::str_format(f, &[], &lookup)?))
}

fn m_dunder_format(a: &[Obj]) -> PyResult<Obj> {
    let spec = as_str(&a[1]).ok_or_else(|| {
        type_error(format!("format() argument 2 must be str, not {}", a[1].type_name()))
    })?;
    crate::format::format_str_obj(&a[0], spec)
}

fn m_encode(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("encode", args, kw, &["encoding", "errors"], 0, 2, 0)?;
    let enc = match &a[0] {
        Some(e) => str_arg(e, "encode() argument 'encoding'")?.to_string(),
        None => "utf-8".into(),
    };
    let errors = match &a[1] {
        Some(e) => str_arg(e, "encode() argument 'errors'")?.to_string(),
        None => "strict".into(),
    };
    let data = super::bytes::encode(s, &enc, &errors)?;
    Ok(super::bytes::new(data))
}

fn m_maketrans(_f: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("maketrans() takes no keyword arguments"));
    }
    let d = super::dict::new();
    match args.len() {
        1 => {
            let x = &args[0];
            if !super::dict::is_dict(x) {
                return Err(type_error("if you give only one argument to maketrans it must be a dict"));
            }
            for (k, v) in super::dict::items(x) {
                let key = if let Some(ks) = as_str(&k) {
                    let mut it = ks.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => int::from_i64(code_point(c) as i64),
                        _ => return Err(value_error("string keys in translate table must be of length 1")),
                    }
                } else if int::is_int(&k) {
                    k.clone()
                } else {
                    return Err(type_error("keys in translate table must be strings or integers"));
                };
                super::dict::set_item(&d, key, v)?;
            }
        }
        2 | 3 => {
            let x = str_arg(&args[0], "maketrans() argument 1")?;
            let y = str_arg(&args[1], "maketrans() argument 2")?;
            if x.chars().count() != y.chars().count() {
                return Err(value_error("the first two maketrans arguments must have equal length"));
            }
            for (c1, c2) in x.chars().zip(y.chars()) {
                super::dict::set_item(&d, int::from_i64(code_point(c1) as i64), int::from_i64(code_point(c2) as i64))?;
            }
            if let Some(z) = args.get(2) {
                let z = str_arg(z, "maketrans() argument 3")?;
                for c in z.chars() {
                    super::dict::set_item(&d, int::from_i64(code_point(c) as i64), none())?;
                }
            }
        }
        0 => return Err(type_error("maketrans() takes at least 1 argument (0 given)")),
        n => return Err(type_error(format!("maketrans() takes at most 3 arguments ({} given)", n))),
    }
    Ok(d)
}

fn m_translate(a: &[Obj]) -> PyResult<Obj> {
    let table = &a[1];
    let mut out = String::new();
    let lookup_err = super::exceptions::exc().lookup_error;
    for c in this(a).chars() {
        match protocol::getitem(table, &int::from_i64(code_point(c) as i64)) {
            Ok(v) => {
                if super::none::is_none(&v) {
                    continue;
                }
                if let Some(s) = as_str(&v) {
                    out.push_str(s);
                } else if int::is_int(&v) {
                    let cp = int::to_i64(&v).unwrap_or(-1);
                    match u32::try_from(cp).ok().and_then(char_of) {
                        Some(ch) => out.push(ch),
                        None => return Err(value_error("character mapping must be in range(0x110000)")),
                    }
                } else {
                    return Err(type_error("character mapping must return integer, None or str"));
                }
            }
            Err(e) if e.matches(lookup_err) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(from_string(out))
}

fn m_getnewargs(a: &[Obj]) -> PyResult<Obj> {
    Ok(super::tuple::new(vec![new(this(a))]))
}

fn m_sizeof(a: &[Obj]) -> PyResult<Obj> {
    let p = sp(&a[0]);
    Ok(int::from_usize(if p.ascii() { 49 + p.nchars } else { 74 + 4 * p.nchars }))
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("str", std::mem::size_of::<StrObj>(), drop_as::<StrObj>);
    s.flags = flags::STR_SUBCLASS;
    let sl = &mut s.slots;
    sl.repr = Some(str_repr);
    sl.str = Some(str_str);
    sl.hash = Some(str_hash);
    sl.richcompare = Some(str_richcompare);
    sl.len = Some(str_len);
    sl.getitem = Some(str_getitem);
    sl.contains = Some(str_contains);
    sl.iter = Some(str_iter);
    sl.number[BinOp::Add as usize] = Some(str_add);
    sl.number[BinOp::Mul as usize] = Some(str_mul);
    sl.number[BinOp::Mod as usize] = Some(str_mod);
    sl.new = Some(str_new);
    use MethodDef::Method as M;
    s.methods = vec![
        M { name: "join", func: m_join, min: 2, max: 2 },
        M { name: "__format__", func: m_dunder_format, min: 2, max: 2 },
        M { name: "__getnewargs__", func: m_getnewargs, min: 1, max: 1 },
        M { name: "__sizeof__", func: m_sizeof, min: 1, max: 1 },
    ];
    EXTRA.extend(&mut s.methods);
    s
}

super::method_extension! {
    /// Enables str's extension table (called by the program's `main`; types/mod.rs
    /// `MethodExtension`).
    pyrt_methods_str: EXTRA(MethodDef) => extra_methods
}

pub(super) fn extra_methods() -> Vec<MethodDef> {
    use MethodDef::{Method as M, MethodKw as K};
    vec![
        M { name: "upper", func: m_upper, min: 1, max: 1 },
        M { name: "lower", func: m_lower, min: 1, max: 1 },
        M { name: "casefold", func: m_casefold, min: 1, max: 1 },
        M { name: "swapcase", func: m_swapcase, min: 1, max: 1 },
        M { name: "capitalize", func: m_capitalize, min: 1, max: 1 },
        M { name: "title", func: m_title, min: 1, max: 1 },
        M { name: "isdigit", func: m_isdigit, min: 1, max: 1 },
        M { name: "isdecimal", func: m_isdecimal, min: 1, max: 1 },
        M { name: "isnumeric", func: m_isnumeric, min: 1, max: 1 },
        M { name: "isalpha", func: m_isalpha, min: 1, max: 1 },
        M { name: "isalnum", func: m_isalnum, min: 1, max: 1 },
        M { name: "isspace", func: m_isspace, min: 1, max: 1 },
        M { name: "isascii", func: m_isascii, min: 1, max: 1 },
        M { name: "isprintable", func: m_isprintable, min: 1, max: 1 },
        M { name: "isupper", func: m_isupper, min: 1, max: 1 },
        M { name: "islower", func: m_islower, min: 1, max: 1 },
        M { name: "istitle", func: m_istitle, min: 1, max: 1 },
        M { name: "isidentifier", func: m_isidentifier, min: 1, max: 1 },
        M { name: "find", func: m_find, min: 2, max: 4 },
        M { name: "rfind", func: m_rfind, min: 2, max: 4 },
        M { name: "index", func: m_index, min: 2, max: 4 },
        M { name: "rindex", func: m_rindex, min: 2, max: 4 },
        M { name: "count", func: m_count, min: 2, max: 4 },
        M { name: "startswith", func: m_startswith, min: 2, max: 4 },
        M { name: "endswith", func: m_endswith, min: 2, max: 4 },
        K { name: "split", func: m_split },
        K { name: "rsplit", func: m_rsplit },
        K { name: "splitlines", func: m_splitlines },
        M { name: "strip", func: m_strip, min: 1, max: 2 },
        M { name: "lstrip", func: m_lstrip, min: 1, max: 2 },
        M { name: "rstrip", func: m_rstrip, min: 1, max: 2 },
        M { name: "partition", func: m_partition, min: 2, max: 2 },
        M { name: "rpartition", func: m_rpartition, min: 2, max: 2 },
        M { name: "replace", func: m_replace, min: 3, max: 4 },
        M { name: "removeprefix", func: m_removeprefix, min: 2, max: 2 },
        M { name: "removesuffix", func: m_removesuffix, min: 2, max: 2 },
        M { name: "center", func: m_center, min: 2, max: 3 },
        M { name: "ljust", func: m_ljust, min: 2, max: 3 },
        M { name: "rjust", func: m_rjust, min: 2, max: 3 },
        M { name: "zfill", func: m_zfill, min: 2, max: 2 },
        K { name: "expandtabs", func: m_expandtabs },
        K { name: "format", func: m_format },
        M { name: "format_map", func: m_format_map, min: 2, max: 2 },
        K { name: "encode", func: m_encode },
        MethodDef::StaticMethod { name: "maketrans", func: m_maketrans },
        M { name: "translate", func: m_translate, min: 2, max: 2 },
    ]
}

/// Byte offset helper for other modules: the byte index of code point `ci` in `o`.
pub fn byte_offset(o: &Obj, ci: usize) -> usize {
    payload(o).map(|p| byte_off(p, ci)).unwrap_or(0)
}

/// Code-point index of byte offset `bi` in `o`.
pub fn char_index(o: &Obj, bi: usize) -> usize {
    payload(o).map(|p| chars_before(p, bi)).unwrap_or(0)
}
