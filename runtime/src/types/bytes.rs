//! `bytes` (immutable, `BytesObj`) and `bytearray` (mutable, `ByteArrayObj`): repr
//! `b'..'`, indexing (ints) and slicing, len, `+`, `*`, comparisons, hash, `in`,
//! iteration, the constructors (`bytes(n)`, `bytes(iterable)`, `bytes(str, encoding)`),
//! every method CPython's bytes and bytearray have (decode, hex, fromhex, join, split,
//! strip, startswith, find, count, replace, center/ljust/rjust/zfill, expandtabs,
//! splitlines, title, translate/maketrans, `%` formatting, ...), bytearray mutation
//! (append, extend, pop, item assignment, `*=`, ...; refused with BufferError while a
//! memoryview exports it), and `encode`/`decode`, the entry points of `str.encode` /
//! `bytes.decode` into the codecs of `modules/codecs.rs`.

use std::cell::Cell;

use pyc_frontend::bytecode::{BinOp, CmpOp};

use super::int::{self, bind_args};
use super::none::{none, not_implemented};
use super::typeobj::{drop_as, KwArgs, MethodDef, TypeObject};
use super::{types, TypeSpec};
use crate::errors::{index_error, new_error, type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;

#[repr(C)]
pub struct BytesObj {
    pub head: ObjHeader,
    pub hash: Cell<i64>,
    pub data: Box<[u8]>,
}

#[repr(C)]
pub struct ByteArrayObj {
    pub head: ObjHeader,
    pub data: Vec<u8>,
    /// Live memoryviews over this bytearray (resizing is refused while non-zero).
    pub exports: Cell<isize>,
}

// ----- construction and access -----

/// A new bytes object.
pub fn new(data: Vec<u8>) -> Obj {
    alloc(types().bytes, BytesObj { head: header(), hash: Cell::new(-1), data: data.into_boxed_slice() })
}

/// A new bytearray object.
pub fn new_bytearray(data: Vec<u8>) -> Obj {
    alloc(types().bytearray, ByteArrayObj { head: header(), data, exports: Cell::new(0) })
}

fn new_of_type(ty: &TypeObject, data: Vec<u8>) -> Obj {
    if ty.is_subtype(types().bytearray) {
        alloc(ty, ByteArrayObj { head: header(), data, exports: Cell::new(0) })
    } else {
        alloc(ty, BytesObj { head: header(), hash: Cell::new(-1), data: data.into_boxed_slice() })
    }
}

/// The data of a bytes object (bytes and subclasses only).
pub fn as_bytes(o: &Obj) -> Option<&[u8]> {
    o.downcast::<BytesObj>(types().bytes).map(|b| &*b.data)
}

/// Is `o` a bytearray?
pub fn is_bytearray(o: &Obj) -> bool {
    !o.is_small_int() && o.isinstance(types().bytearray)
}

/// The data of a bytes or bytearray object (a snapshot borrow: do not hold across calls
/// that may mutate a bytearray).
pub fn as_bytes_any(o: &Obj) -> Option<&[u8]> {
    if let Some(b) = as_bytes(o) {
        return Some(b);
    }
    if let Some(b) = o.downcast::<ByteArrayObj>(types().bytearray) {
        return Some(&b.data[..]);
    }
    if super::memoryview::is_memoryview(o) {
        return super::memoryview::contiguous(o);
    }
    super::memoryview::external_bytes(o)
}

/// Adds `delta` to a bytearray's export count (no-op for other objects).
pub fn ba_export(o: &Obj, delta: isize) {
    if let Some(b) = o.downcast::<ByteArrayObj>(types().bytearray) {
        b.exports.set(b.exports.get() + delta);
    }
}

/// The mutable data of a bytearray (for memoryview writes; never resized there).
pub fn bytearray_data_mut(o: &Obj) -> Option<&mut Vec<u8>> {
    if is_bytearray(o) {
        Some(ba_mut(o))
    } else {
        None
    }
}

/// The bytes of any bytes-like object (bytes, bytearray, live memoryview), copied.
pub fn buffer_data(o: &Obj) -> Option<Vec<u8>> {
    if let Some(b) = as_bytes_any(o) {
        return Some(b.to_vec());
    }
    if super::memoryview::is_memoryview(o) {
        return super::memoryview::view_bytes(o).ok();
    }
    None
}

/// The data of a bytearray about to change size: BufferError while views exist.
fn ba_resize(o: &Obj) -> PyResult<&mut Vec<u8>> {
    if let Some(b) = o.downcast::<ByteArrayObj>(types().bytearray) {
        if b.exports.get() > 0 {
            return Err(new_error(
                super::exceptions::exc().buffer_error,
                "Existing exports of data: object cannot be re-sized",
            ));
        }
    }
    Ok(ba_mut(o))
}

fn ba_mut(o: &Obj) -> &mut Vec<u8> {
    // SAFETY: caller checked `is_bytearray`; borrows are short and never span calls
    // back into Python code.
    unsafe { &mut o.payload_mut::<ByteArrayObj>().data }
}

/// A result of the same kind (bytes/bytearray) as `like`.
fn make_like(like: &Obj, data: Vec<u8>) -> Obj {
    if is_bytearray(like) {
        new_bytearray(data)
    } else {
        new(data)
    }
}

fn data(o: &Obj) -> &[u8] {
    as_bytes_any(o).unwrap_or(&[])
}

fn kind(o: &Obj) -> &'static str {
    if is_bytearray(o) {
        "bytearray"
    } else {
        "bytes"
    }
}

/// A bytes-like argument (bytes/bytearray), TypeError otherwise.
fn buffer_arg(o: &Obj) -> PyResult<Vec<u8>> {
    match as_bytes_any(o) {
        Some(b) => Ok(b.to_vec()),
        None => Err(type_error(format!("a bytes-like object is required, not '{}'", o.type_name()))),
    }
}

/// The bytes of an iterable of ints in range(256) (or a bytes-like object).
pub fn bytes_from_object(o: &Obj) -> PyResult<Vec<u8>> {
    collect_bytes(o, "bytes must be in range(0, 256)")
}

fn collect_bytes(o: &Obj, range_msg: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes_any(o) {
        return Ok(b.to_vec());
    }
    if super::str::is_str(o) {
        return Err(type_error(format!("cannot convert '{}' object to {}", o.type_name(), if range_msg.starts_with("bytes") { "bytes" } else { "bytearray" })));
    }
    let it = match protocol::iter(o) {
        Ok(it) => it,
        Err(e) if e.matches(super::exceptions::exc().type_error) => {
            return Err(type_error(format!("cannot convert '{}' object to {}", o.type_name(), if range_msg.starts_with("bytes") { "bytes" } else { "bytearray" })))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    if o.is_exact(types().range) {
        // Presized from the length, as CPython does: a huge range is a MemoryError.
        crate::errors::reserve(&mut out, protocol::len(o)?)?;
    }
    while let Some(x) = protocol::next(&it)? {
        if !super::list::is_index(&x) {
            return Err(type_error(format!("'{}' object cannot be interpreted as an integer", x.type_name())));
        }
        let v = super::list::index_clamped(&x)?;
        if !(0..256).contains(&v) {
            return Err(value_error(range_msg));
        }
        out.push(v as u8);
    }
    Ok(out)
}

fn byte_value(x: &Obj) -> PyResult<u8> {
    if !super::list::is_index(x) {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", x.type_name())));
    }
    let v = super::list::index_clamped(x)?;
    if !(0..256).contains(&v) {
        return Err(value_error("byte must be in range(0, 256)"));
    }
    Ok(v as u8)
}

// ----- codecs -----

/// Decodes `data` (taken from `obj`, used for the error's `object`); the codecs live in
/// `modules/codecs.rs`.
pub fn decode(data: &[u8], encoding: &str, errors: &str, obj: &Obj) -> PyResult<String> {
    crate::modules::codecs::decode_text(data, encoding, errors, obj)
}

/// Encodes str object `s`.
pub fn encode(s: &Obj, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    crate::modules::codecs::encode_text(s, encoding, errors)
}

// ----- repr -----

/// `repr(bytes)` text: `b'...'` with CPython's quoting and escapes.
pub fn repr_bytes(d: &[u8]) -> String {
    let quote = if d.contains(&b'\'') && !d.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(d.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in d {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if b as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{:02x}", b)),
        }
    }
    out.push(quote);
    out
}

fn bytes_repr(o: &Obj) -> PyResult<Obj> {
    Ok(super::str::from_string(repr_bytes(data(o))))
}
fn bytearray_repr(o: &Obj) -> PyResult<Obj> {
    let name = o.type_name();
    Ok(super::str::from_string(format!("{}({})", name, repr_bytes(data(o)))))
}

// ----- slots -----

fn bytes_hash(o: &Obj) -> PyResult<i64> {
    let b = unsafe { o.payload::<BytesObj>() };
    let h = b.hash.get();
    if h != -1 {
        return Ok(h);
    }
    let h = super::str::hash_bytes(&b.data);
    b.hash.set(h);
    Ok(h)
}

fn richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (as_bytes_any(a), as_bytes_any(b)) else {
        return Ok(not_implemented());
    };
    Ok(super::bool::from_bool(int::cmp_result(x.cmp(y), op)))
}

fn len(o: &Obj) -> PyResult<usize> {
    Ok(data(o).len())
}

fn getitem(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let d = data(o);
    if super::list::is_index(key) {
        let i = protocol::index_i64(key)?;
        return match super::list::norm_index(i, d.len()) {
            Some(j) => Ok(Obj::from_small(d[j] as i64)),
            None => Err(index_error(if is_bytearray(o) { "bytearray index out of range" } else { "index out of range" })),
        };
    }
    if super::slice::is_slice(key) {
        // a bound's __index__ may resize a bytearray: the length is read after it
        let (start, _stop, step, n) = super::slice::indices_after(key, || data(o).len())?;
        return Ok(slice_range(o, start, step, n));
    }
    Err(type_error(format!(
        "{} indices must be integers or slices, not {}",
        if is_bytearray(o) { "bytearray" } else { "byte" },
        key.type_name()
    )))
}

/// The `n` bytes of bytes/bytearray `o` from `start` by `step` (bounds already adjusted
/// by `slice::adjust`), as the same kind; also the BinarySlice fast path.
pub fn slice_range(o: &Obj, start: isize, step: isize, n: usize) -> Obj {
    let d = data(o);
    let out = if step == 1 {
        d[start as usize..start as usize + n].to_vec()
    } else {
        (0..n).map(|k| d[(start + k as isize * step) as usize]).collect()
    };
    make_like(o, out)
}

fn contains(o: &Obj, item: &Obj) -> PyResult<bool> {
    let d = data(o);
    if super::list::is_index(item) {
        let v = super::list::index_clamped(item)?;
        if !(0..256).contains(&v) {
            return Err(value_error("byte must be in range(0, 256)"));
        }
        return Ok(d.contains(&(v as u8)));
    }
    let sub = buffer_arg(item)?;
    Ok(find_sub(d, &sub, 0, false).is_some())
}

fn find_sub(hay: &[u8], sub: &[u8], from: usize, rev: bool) -> Option<usize> {
    if sub.is_empty() {
        return Some(if rev { hay.len() } else { from });
    }
    if sub.len() > hay.len() {
        return None;
    }
    if rev {
        (0..=hay.len() - sub.len()).rev().find(|&i| &hay[i..i + sub.len()] == sub)
    } else {
        (from..=hay.len().saturating_sub(sub.len())).find(|&i| i + sub.len() <= hay.len() && &hay[i..i + sub.len()] == sub)
    }
}

fn add(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let Some(x) = as_bytes_any(a) else { return Ok(not_implemented()) };
    match as_bytes_any(b) {
        Some(y) => {
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend_from_slice(x);
            v.extend_from_slice(y);
            Ok(make_like(a, v))
        }
        None => {
            let own: super::typeobj::BinaryFn = add;
            if let Some(r) = super::list::try_other_slot(a, b, BinOp::Add, own)? {
                return Ok(r);
            }
            Err(type_error(format!("can't concat {} to {}", b.type_name(), kind(a))))
        }
    }
}

fn mul(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let (seq, n) = if as_bytes_any(a).is_some() {
        (a, b)
    } else if as_bytes_any(b).is_some() {
        (b, a)
    } else {
        return Ok(not_implemented());
    };
    if !super::list::is_index(n) {
        if seq.is(a) {
            let own: super::typeobj::BinaryFn = mul;
            if let Some(r) = super::list::try_other_slot(a, b, BinOp::Mul, own)? {
                return Ok(r);
            }
        } else if super::str::is_builtin_sequence(n) {
            return Ok(not_implemented());
        }
        return Err(super::list::cant_multiply(n));
    }
    let c = super::list::repeat_count(n)?;
    Ok(make_like(seq, repeat_bytes(data(seq), c)?))
}

/// `n` copies of `byte` (MemoryError when they cannot be allocated).
fn filled(n: usize, byte: u8) -> PyResult<Vec<u8>> {
    let mut v = crate::errors::alloc_vec(n)?;
    v.resize(n, byte);
    Ok(v)
}

/// `d * c`: OverflowError past the largest object size, MemoryError when the result
/// cannot be allocated (CPython's two outcomes).
pub fn repeat_bytes(d: &[u8], c: usize) -> PyResult<Vec<u8>> {
    if d.is_empty() || c == 0 {
        return Ok(Vec::new());
    }
    let total = d.len().checked_mul(c).filter(|&t| t <= isize::MAX as usize);
    let total = total.ok_or_else(|| crate::errors::overflow_error("repeated bytes are too long"))?;
    let mut v = crate::errors::alloc_vec(total)?;
    for _ in 0..c {
        v.extend_from_slice(d);
    }
    Ok(v)
}

fn iter(o: &Obj) -> PyResult<Obj> {
    Ok(super::iterators::new_seq_iter(o.clone()))
}

fn ba_setitem(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    // the length is read after the key's __index__, which may resize the bytearray
    if super::list::is_index(key) {
        let i = protocol::index_i64(key)?;
        let Some(j) = super::list::norm_index(i, data(o).len()) else {
            return Err(index_error("bytearray index out of range"));
        };
        match value {
            Some(v) => {
                let b = byte_value(v)?;
                ba_mut(o)[j] = b;
            }
            None => {
                ba_resize(o)?.remove(j);
            }
        }
        return Ok(());
    }
    if super::slice::is_slice(key) {
        let (start, stop, step, cnt) = super::slice::indices_after(key, || data(o).len())?;
        let newv = match value {
            Some(v) => {
                if super::list::is_index(v) {
                    return Err(type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
                }
                Some(bytes_from_object(v)?)
            }
            None => None,
        };
        if step == 1 || newv.is_none() {
            let span = if step == 1 { (stop.max(start) - start) as usize } else { cnt };
            if newv.as_ref().map(|v| v.len()) != Some(span) && span + newv.as_ref().map_or(0, |v| v.len()) > 0 {
                ba_resize(o)?;
            }
        }
        let d = ba_mut(o);
        if step == 1 {
            let (s, e) = (start as usize, (stop.max(start)) as usize);
            let repl = newv.unwrap_or_default();
            d.splice(s..e, repl);
            return Ok(());
        }
        match newv {
            Some(nv) => {
                if nv.len() != cnt {
                    return Err(value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {}",
                        nv.len(),
                        cnt
                    )));
                }
                let mut i = start;
                for b in nv {
                    d[i as usize] = b;
                    i += step;
                }
            }
            None => {
                let mut idx: Vec<usize> = (0..cnt).map(|k| (start + k as isize * step) as usize).collect();
                idx.sort_unstable();
                for j in idx.into_iter().rev() {
                    d.remove(j);
                }
            }
        }
        return Ok(());
    }
    Err(type_error(format!("bytearray indices must be integers or slices, not {}", key.type_name())))
}

// ----- constructors -----

fn construct(cls: &Obj, args: &[Obj], kw: &KwArgs, fname: &str) -> PyResult<Vec<u8>> {
    let a = bind_args(fname, args, kw, &["source", "encoding", "errors"], 0, 3, 0)?;
    let Some(src) = &a[0] else {
        if a[1].is_some() || a[2].is_some() {
            return Err(type_error(if a[1].is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(Vec::new());
    };
    let _ = cls;
    if let Some(_s) = super::str::as_str(src) {
        let Some(enc) = &a[1] else {
            return Err(type_error("string argument without an encoding"));
        };
        let enc = super::str::as_str(enc).ok_or_else(|| {
            type_error(format!("{}() argument 'encoding' must be str, not {}", fname, enc.type_name()))
        })?;
        let errors = match &a[2] {
            Some(e) => super::str::as_str(e).unwrap_or("strict").to_string(),
            None => "strict".to_string(),
        };
        return encode(src, enc, &errors);
    }
    if a[1].is_some() {
        return Err(type_error("encoding without a string argument"));
    }
    if a[2].is_some() {
        return Err(type_error("errors without a string argument"));
    }
    if super::list::is_index(src) {
        let n = protocol::index_i64(src).map_err(|e| {
            if e.matches(super::exceptions::exc().index_error) {
                crate::errors::overflow_error("cannot fit 'int' into an index-sized integer")
            } else {
                e
            }
        })?;
        if n < 0 {
            return Err(value_error("negative count"));
        }
        return filled(n as usize, 0);
    }
    if let Some(r) = protocol::call_special(src, "__bytes__", &[])? {
        return match as_bytes(&r) {
            Some(b) => Ok(b.to_vec()),
            None => Err(type_error(format!("__bytes__ returned non-bytes (type {})", r.type_name()))),
        };
    }
    collect_bytes(src, if fname == "bytes" { "bytes must be in range(0, 256)" } else { "byte must be in range(0, 256)" })
}

fn bytes_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if args.len() == 1 && kw.is_empty() && args[0].is_exact(types().bytes) && cls.is(&types().bytes.as_obj()) {
        return Ok(args[0].clone());
    }
    let d = construct(cls, args, kw, "bytes")?;
    Ok(new_of_type(super::typeobj::as_type(cls), d))
}

fn bytearray_new(cls: &Obj, _args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(new_of_type(super::typeobj::as_type(cls), Vec::new()))
}

fn bytearray_init(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let d = construct(&o.type_obj(), args, kw, "bytearray")?;
    *ba_resize(o)? = d;
    Ok(none())
}

// ----- shared methods -----

fn this(a: &[Obj]) -> Vec<u8> {
    data(&a[0]).to_vec()
}

fn m_decode(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("decode", args, kw, &["encoding", "errors"], 0, 2, 0)?;
    let enc = match &a[0] {
        Some(e) => super::str::as_str(e)
            .ok_or_else(|| type_error(format!("decode() argument 'encoding' must be str, not {}", e.type_name())))?
            .to_string(),
        None => "utf-8".into(),
    };
    let errors = match &a[1] {
        Some(e) => super::str::as_str(e)
            .ok_or_else(|| type_error(format!("decode() argument 'errors' must be str, not {}", e.type_name())))?
            .to_string(),
        None => "strict".into(),
    };
    let d = data(s).to_vec();
    Ok(super::str::from_string(decode(&d, &enc, &errors, s)?))
}

fn m_hex(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("hex", args, kw, &["sep", "bytes_per_sep"], 0, 2, 0)?;
    let d = data(s);
    let hex: Vec<String> = d.iter().map(|b| format!("{:02x}", b)).collect();
    let Some(sep) = &a[0] else { return Ok(super::str::from_string(hex.concat())) };
    let sep = if let Some(t) = super::str::as_str(sep) {
        t.to_string()
    } else if let Some(b) = as_bytes_any(sep) {
        String::from_utf8_lossy(b).into_owned()
    } else {
        return Err(type_error("sep must be str or bytes."));
    };
    if sep.chars().count() != 1 {
        return Err(value_error("sep must be length 1."));
    }
    let per = match &a[1] {
        Some(n) => protocol::index_i64(n)?,
        None => 1,
    };
    if per == 0 {
        return Ok(super::str::from_string(hex.concat()));
    }
    let k = per.unsigned_abs() as usize;
    // Group from the right for positive bytes_per_sep, from the left for negative.
    let n = hex.len();
    let mut out = String::new();
    for (i, h) in hex.iter().enumerate() {
        if i > 0 {
            let boundary = if per > 0 { (n - i) % k == 0 } else { i % k == 0 };
            if boundary {
                out.push_str(&sep);
            }
        }
        out.push_str(h);
    }
    Ok(super::str::from_string(out))
}

fn m_fromhex(cls: &Obj, args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let s = args.first().and_then(super::str::as_str).ok_or_else(|| {
        type_error(format!(
            "fromhex() argument must be str, not {}",
            args.first().map(|a| a.type_name()).unwrap_or("nothing")
        ))
    })?;
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = (b[i] as char).to_digit(16);
        let lo = b.get(i + 1).and_then(|c| (*c as char).to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 2;
            }
            (None, _) => {
                return Err(value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i)))
            }
            (Some(_), None) => {
                return Err(value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )))
            }
        }
    }
    let ty = super::typeobj::as_type(cls);
    if std::ptr::eq(ty, types().bytes) || std::ptr::eq(ty, types().bytearray) {
        Ok(new_of_type(ty, out))
    } else {
        protocol::call(cls, &[new(out)])
    }
}

fn m_join(a: &[Obj]) -> PyResult<Obj> {
    let sep = this(a);
    let items = protocol::collect(&a[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = as_bytes_any(it) else {
            return Err(type_error(format!(
                "sequence item {}: expected a bytes-like object, {} found",
                i,
                it.type_name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(b);
    }
    Ok(make_like(&a[0], out))
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn m_split(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    split_impl(s, args, kw, false)
}
fn m_rsplit(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    split_impl(s, args, kw, true)
}

fn split_impl(s: &Obj, args: &[Obj], kw: &KwArgs, rev: bool) -> PyResult<Obj> {
    let a = bind_args(if rev { "rsplit" } else { "split" }, args, kw, &["sep", "maxsplit"], 0, 2, 0)?;
    let d = data(s).to_vec();
    let maxsplit = match &a[1] {
        Some(m) => protocol::index_i64(m)?,
        None => -1,
    };
    let sep = match &a[0] {
        Some(x) if !super::none::is_none(x) => Some(buffer_arg(x)?),
        _ => None,
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        None => {
            let mut toks: Vec<(usize, usize)> = Vec::new();
            let mut i = 0;
            while i < d.len() {
                while i < d.len() && is_ws(d[i]) {
                    i += 1;
                }
                if i >= d.len() {
                    break;
                }
                let st = i;
                while i < d.len() && !is_ws(d[i]) {
                    i += 1;
                }
                toks.push((st, i));
            }
            if maxsplit >= 0 && toks.len() as i64 > maxsplit + 1 {
                let m = maxsplit as usize;
                if rev {
                    let cut = toks.len() - m;
                    let first_end = toks[cut - 1].1;
                    let mut v = vec![d[..first_end].to_vec()];
                    v.extend(toks[cut..].iter().map(|&(a, b)| d[a..b].to_vec()));
                    parts = v;
                } else {
                    let mut v: Vec<Vec<u8>> = toks[..m].iter().map(|&(a, b)| d[a..b].to_vec()).collect();
                    let rest_start = toks[m].0;
                    let mut rest = d[rest_start..].to_vec();
                    while rest.last().map(|b| is_ws(*b)).unwrap_or(false) {
                        rest.pop();
                    }
                    v.push(rest);
                    parts = v;
                }
            } else {
                parts = toks.iter().map(|&(a, b)| d[a..b].to_vec()).collect();
            }
        }
        Some(sep) => {
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            let mut idx = Vec::new();
            let mut i = 0;
            while i + sep.len() <= d.len() {
                if d[i..i + sep.len()] == sep[..] {
                    idx.push(i);
                    i += sep.len();
                } else {
                    i += 1;
                }
            }
            if rev && maxsplit >= 0 && idx.len() as i64 > maxsplit {
                // rsplit: find matches from the right
                let mut ridx = Vec::new();
                let mut j = d.len();
                while j >= sep.len() && (ridx.len() as i64) < maxsplit {
                    if d[j - sep.len()..j] == sep[..] {
                        ridx.push(j - sep.len());
                        j -= sep.len();
                    } else {
                        j -= 1;
                    }
                }
                ridx.reverse();
                idx = ridx;
            } else if maxsplit >= 0 && idx.len() as i64 > maxsplit {
                idx.truncate(maxsplit as usize);
            }
            let mut st = 0;
            for p in idx {
                parts.push(d[st..p].to_vec());
                st = p + sep.len();
            }
            parts.push(d[st..].to_vec());
        }
    }
    Ok(super::list::new(parts.into_iter().map(|p| make_like(s, p)).collect()))
}

fn strip_impl(a: &[Obj], left: bool, right: bool) -> PyResult<Obj> {
    let d = this(a);
    let chars: Option<Vec<u8>> = match a.get(1) {
        Some(x) if !super::none::is_none(x) => Some(buffer_arg(x)?),
        _ => None,
    };
    let test = |b: u8| match &chars {
        Some(c) => c.contains(&b),
        None => is_ws(b),
    };
    let mut s = 0;
    let mut e = d.len();
    if left {
        while s < e && test(d[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && test(d[e - 1]) {
            e -= 1;
        }
    }
    Ok(make_like(&a[0], d[s..e].to_vec()))
}
fn m_strip(a: &[Obj]) -> PyResult<Obj> {
    strip_impl(a, true, true)
}
fn m_lstrip(a: &[Obj]) -> PyResult<Obj> {
    strip_impl(a, true, false)
}
fn m_rstrip(a: &[Obj]) -> PyResult<Obj> {
    strip_impl(a, false, true)
}

fn range_args(a: &[Obj], n: usize) -> PyResult<Option<(usize, usize)>> {
    let get = |o: Option<&Obj>, d: i64| -> PyResult<i64> {
        match o {
            Some(o) if !super::none::is_none(o) => super::list::slice_index_arg(o),
            _ => Ok(d),
        }
    };
    let len = n as i64;
    let mut s = get(a.get(2), 0)?;
    let mut e = get(a.get(3), len)?;
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    if s < 0 {
        s = (s + len).max(0);
    }
    if s > len {
        return Ok(None);
    }
    Ok(Some((s as usize, e.max(s) as usize)))
}

fn sub_arg(o: &Obj) -> PyResult<Vec<u8>> {
    if super::list::is_index(o) {
        return Ok(vec![byte_value(o)?]);
    }
    if let Some(b) = as_bytes_any(o) {
        return Ok(b.to_vec());
    }
    Err(type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        o.type_name()
    )))
}

fn find_impl(a: &[Obj], rev: bool) -> PyResult<Option<usize>> {
    let d = this(a);
    let sub = sub_arg(&a[1])?;
    let Some((s, e)) = range_args(a, d.len())? else { return Ok(None) };
    Ok(find_sub(&d[s..e], &sub, 0, rev).map(|i| i + s))
}
fn m_find(a: &[Obj]) -> PyResult<Obj> {
    Ok(find_impl(a, false)?.map(int::from_usize).unwrap_or_else(|| Obj::from_small(-1)))
}
fn m_rfind(a: &[Obj]) -> PyResult<Obj> {
    Ok(find_impl(a, true)?.map(int::from_usize).unwrap_or_else(|| Obj::from_small(-1)))
}
fn m_index(a: &[Obj]) -> PyResult<Obj> {
    find_impl(a, false)?.map(int::from_usize).ok_or_else(|| value_error("subsection not found"))
}
fn m_rindex(a: &[Obj]) -> PyResult<Obj> {
    find_impl(a, true)?.map(int::from_usize).ok_or_else(|| value_error("subsection not found"))
}
fn m_count(a: &[Obj]) -> PyResult<Obj> {
    let d = this(a);
    let sub = sub_arg(&a[1])?;
    let Some((s, e)) = range_args(a, d.len())? else { return Ok(Obj::from_small(0)) };
    let hay = &d[s..e];
    if sub.is_empty() {
        return Ok(int::from_usize(hay.len() + 1));
    }
    let mut n = 0;
    let mut i = 0;
    while i + sub.len() <= hay.len() {
        if hay[i..i + sub.len()] == sub[..] {
            n += 1;
            i += sub.len();
        } else {
            i += 1;
        }
    }
    Ok(int::from_usize(n))
}

fn starts_ends(a: &[Obj], ends: bool) -> PyResult<Obj> {
    let name = if ends { "endswith" } else { "startswith" };
    let d = this(a);
    let Some((s, e)) = range_args(a, d.len())? else { return Ok(super::bool::from_bool(false)) };
    let hay = &d[s..e];
    let test = |p: &[u8]| if ends { hay.ends_with(p) } else { hay.starts_with(p) };
    if let Some(p) = as_bytes_any(&a[1]) {
        return Ok(super::bool::from_bool(test(p)));
    }
    if let Some(items) = super::tuple::as_slice(&a[1]) {
        for it in items {
            let p = as_bytes_any(it).ok_or_else(|| {
                type_error(format!("a bytes-like object is required, not '{}'", it.type_name()))
            })?;
            if test(p) {
                return Ok(super::bool::from_bool(true));
            }
        }
        return Ok(super::bool::from_bool(false));
    }
    Err(type_error(format!(
        "{} first arg must be bytes or a tuple of bytes, not {}",
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

fn m_replace(a: &[Obj]) -> PyResult<Obj> {
    let d = this(a);
    let old = buffer_arg(&a[1])?;
    let newv = buffer_arg(&a[2])?;
    let count = match a.get(3) {
        Some(c) => protocol::index_i64(c)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(d.len());
    let mut n = 0i64;
    if old.is_empty() {
        for &b in &d {
            if count < 0 || n < count {
                out.extend_from_slice(&newv);
                n += 1;
            }
            out.push(b);
        }
        if count < 0 || n < count {
            out.extend_from_slice(&newv);
        }
        return Ok(make_like(&a[0], out));
    }
    let mut i = 0;
    while i < d.len() {
        if (count < 0 || n < count) && i + old.len() <= d.len() && d[i..i + old.len()] == old[..] {
            out.extend_from_slice(&newv);
            i += old.len();
            n += 1;
        } else {
            out.push(d[i]);
            i += 1;
        }
    }
    Ok(make_like(&a[0], out))
}

fn map_bytes(a: &[Obj], f: impl Fn(u8) -> u8) -> PyResult<Obj> {
    Ok(make_like(&a[0], this(a).into_iter().map(f).collect()))
}
fn m_upper(a: &[Obj]) -> PyResult<Obj> {
    map_bytes(a, |b| b.to_ascii_uppercase())
}
fn m_lower(a: &[Obj]) -> PyResult<Obj> {
    map_bytes(a, |b| b.to_ascii_lowercase())
}
fn m_swapcase(a: &[Obj]) -> PyResult<Obj> {
    map_bytes(a, |b| {
        if b.is_ascii_uppercase() {
            b.to_ascii_lowercase()
        } else {
            b.to_ascii_uppercase()
        }
    })
}
fn pred(a: &[Obj], f: impl Fn(u8) -> bool) -> PyResult<Obj> {
    let d = this(a);
    Ok(super::bool::from_bool(!d.is_empty() && d.into_iter().all(f)))
}
fn m_isdigit(a: &[Obj]) -> PyResult<Obj> {
    pred(a, |b| b.is_ascii_digit())
}
fn m_isalpha(a: &[Obj]) -> PyResult<Obj> {
    pred(a, |b| b.is_ascii_alphabetic())
}
fn m_isalnum(a: &[Obj]) -> PyResult<Obj> {
    pred(a, |b| b.is_ascii_alphanumeric())
}
fn m_isspace(a: &[Obj]) -> PyResult<Obj> {
    pred(a, is_ws)
}
fn m_isascii(a: &[Obj]) -> PyResult<Obj> {
    Ok(super::bool::from_bool(this(a).is_ascii()))
}
fn m_isupper(a: &[Obj]) -> PyResult<Obj> {
    let d = this(a);
    Ok(super::bool::from_bool(
        d.iter().any(|b| b.is_ascii_uppercase()) && !d.iter().any(|b| b.is_ascii_lowercase()),
    ))
}
fn m_islower(a: &[Obj]) -> PyResult<Obj> {
    let d = this(a);
    Ok(super::bool::from_bool(
        d.iter().any(|b| b.is_ascii_lowercase()) && !d.iter().any(|b| b.is_ascii_uppercase()),
    ))
}

fn m_partition(a: &[Obj]) -> PyResult<Obj> {
    let d = this(a);
    let sep = buffer_arg(&a[1])?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let s = &a[0];
    Ok(match find_sub(&d, &sep, 0, false) {
        Some(i) => super::tuple::new(vec![
            make_like(s, d[..i].to_vec()),
            make_like(s, sep.clone()),
            make_like(s, d[i + sep.len()..].to_vec()),
        ]),
        None => super::tuple::new(vec![make_like(s, d), make_like(s, vec![]), make_like(s, vec![])]),
    })
}
fn m_rpartition(a: &[Obj]) -> PyResult<Obj> {
    let d = this(a);
    let sep = buffer_arg(&a[1])?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let s = &a[0];
    Ok(match find_sub(&d, &sep, 0, true) {
        Some(i) => super::tuple::new(vec![
            make_like(s, d[..i].to_vec()),
            make_like(s, sep.clone()),
            make_like(s, d[i + sep.len()..].to_vec()),
        ]),
        None => super::tuple::new(vec![make_like(s, vec![]), make_like(s, vec![]), make_like(s, d)]),
    })
}

fn m_removeprefix(a: &[Obj]) -> PyResult<Obj> {
    let d = this(a);
    let p = buffer_arg(&a[1])?;
    Ok(make_like(&a[0], d.strip_prefix(&p[..]).unwrap_or(&d).to_vec()))
}
fn m_removesuffix(a: &[Obj]) -> PyResult<Obj> {
    let d = this(a);
    let p = buffer_arg(&a[1])?;
    Ok(make_like(&a[0], d.strip_suffix(&p[..]).unwrap_or(&d).to_vec()))
}

fn m_getnewargs(a: &[Obj]) -> PyResult<Obj> {
    Ok(super::tuple::new(vec![new(this(a))]))
}

fn m_dunder_bytes(a: &[Obj]) -> PyResult<Obj> {
    if a[0].is_exact(types().bytes) {
        return Ok(a[0].clone());
    }
    Ok(new(this(a)))
}

// ----- bytearray methods -----

fn m_append(a: &[Obj]) -> PyResult<Obj> {
    let b = byte_value(&a[1])?;
    ba_resize(&a[0])?.push(b);
    Ok(none())
}
fn m_extend(a: &[Obj]) -> PyResult<Obj> {
    if super::str::is_str(&a[1]) {
        return Err(type_error("expected iterable of integers; got: 'str'"));
    }
    let v = bytes_from_object(&a[1]).map_err(|e| {
        if e.matches(super::exceptions::exc().type_error) && protocol::iter(&a[1]).is_err() {
            type_error(format!("can't extend bytearray with {}", a[1].type_name()))
        } else {
            e
        }
    })?;
    ba_resize(&a[0])?.extend_from_slice(&v);
    Ok(none())
}
fn m_pop(a: &[Obj]) -> PyResult<Obj> {
    let n = data(&a[0]).len();
    if n == 0 {
        return Err(index_error("pop from empty bytearray"));
    }
    let i = match a.get(1) {
        Some(i) => protocol::index_i64(i)?,
        None => -1,
    };
    let Some(j) = super::list::norm_index(i, n) else {
        return Err(index_error("pop index out of range"));
    };
    Ok(Obj::from_small(ba_resize(&a[0])?.remove(j) as i64))
}
fn m_insert(a: &[Obj]) -> PyResult<Obj> {
    let n = data(&a[0]).len() as i64;
    let mut i = protocol::index_i64(&a[1])?;
    let b = byte_value(&a[2])?;
    if i < 0 {
        i = (i + n).max(0);
    }
    let i = i.min(n) as usize;
    ba_resize(&a[0])?.insert(i, b);
    Ok(none())
}
fn m_remove(a: &[Obj]) -> PyResult<Obj> {
    let b = byte_value(&a[1])?;
    match data(&a[0]).iter().position(|&x| x == b) {
        Some(j) => {
            ba_resize(&a[0])?.remove(j);
            Ok(none())
        }
        None => Err(value_error("value not found in bytearray")),
    }
}
fn m_clear(a: &[Obj]) -> PyResult<Obj> {
    ba_resize(&a[0])?.clear();
    Ok(none())
}
fn m_copy(a: &[Obj]) -> PyResult<Obj> {
    Ok(new_bytearray(this(a)))
}
fn m_reverse(a: &[Obj]) -> PyResult<Obj> {
    ba_mut(&a[0]).reverse();
    Ok(none())
}
fn ba_iadd(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !is_bytearray(a) {
        return Ok(not_implemented());
    }
    let Some(y) = as_bytes_any(b) else {
        return Err(type_error(format!("can't concat {} to bytearray", b.type_name())));
    };
    let y = y.to_vec();
    ba_resize(a)?.extend_from_slice(&y);
    Ok(a.clone())
}

// ----- padding, tabs, lines, case, translation, % -----

fn fill_arg(name: &str, a: &[Obj]) -> PyResult<u8> {
    match a.get(2) {
        None => Ok(b' '),
        Some(f) => match as_bytes_any(f) {
            Some(b) if b.len() == 1 => Ok(b[0]),
            _ => Err(type_error(format!(
                "{}() argument 2 must be a byte string of length 1, not {}",
                name,
                f.type_name()
            ))),
        },
    }
}

fn pad_impl(a: &[Obj], name: &str, align: char) -> PyResult<Obj> {
    let width = protocol::index_i64(&a[1])?;
    let fill = fill_arg(name, a)?;
    let d = this(a);
    let n = d.len() as i64;
    if width <= n {
        return Ok(if a[0].is_exact(types().bytes) { a[0].clone() } else { make_like(&a[0], d) });
    }
    let total = (width - n) as usize;
    let (l, r) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        // CPython's centering puts the extra pad on the left when the width is odd.
        _ => {
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = crate::errors::alloc_vec(width as usize)?;
    out.resize(l, fill);
    out.extend_from_slice(&d);
    out.resize(l + d.len() + r, fill);
    Ok(make_like(&a[0], out))
}
fn m_center(a: &[Obj]) -> PyResult<Obj> {
    pad_impl(a, "center", '^')
}
fn m_ljust(a: &[Obj]) -> PyResult<Obj> {
    pad_impl(a, "ljust", '<')
}
fn m_rjust(a: &[Obj]) -> PyResult<Obj> {
    pad_impl(a, "rjust", '>')
}
fn m_zfill(a: &[Obj]) -> PyResult<Obj> {
    let width = protocol::index_i64(&a[1])?;
    let d = this(a);
    if width <= d.len() as i64 {
        return Ok(if a[0].is_exact(types().bytes) { a[0].clone() } else { make_like(&a[0], d) });
    }
    let fill = width as usize - d.len();
    let mut out = filled(fill, b'0')?;
    out.extend_from_slice(&d);
    if d.first().map_or(false, |c| *c == b'+' || *c == b'-') {
        out[0] = d[0];
        out[fill] = b'0';
    }
    Ok(make_like(&a[0], out))
}
fn m_expandtabs(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("expandtabs", args, kw, &["tabsize"], 0, 1, 0)?;
    let tab = match &b[0] {
        Some(t) => protocol::index_i64(t)?,
        None => 8,
    };
    let d = data(s).to_vec();
    let mut out = Vec::with_capacity(d.len());
    let mut col: i64 = 0;
    for c in d {
        match c {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat(b' ').take(n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(make_like(s, out))
}
fn m_splitlines(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("splitlines", args, kw, &["keepends"], 0, 1, 0)?;
    let keep = match &b[0] {
        Some(k) => protocol::is_true(k)?,
        None => false,
    };
    let d = data(s).to_vec();
    let mut parts = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < d.len() {
        let c = d[i];
        if c == b'\n' || c == b'\r' {
            let mut eol = i + 1;
            if c == b'\r' && eol < d.len() && d[eol] == b'\n' {
                eol += 1;
            }
            let end = if keep { eol } else { i };
            parts.push(make_like(s, d[start..end].to_vec()));
            start = eol;
            i = eol;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        parts.push(make_like(s, d[start..].to_vec()));
    }
    Ok(super::list::new(parts))
}
fn m_title(a: &[Obj]) -> PyResult<Obj> {
    let mut prev_cased = false;
    let out = this(a)
        .into_iter()
        .map(|c| {
            let r = if c.is_ascii_alphabetic() {
                if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            } else {
                c
            };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect();
    Ok(make_like(&a[0], out))
}
fn m_capitalize(a: &[Obj]) -> PyResult<Obj> {
    let out = this(a)
        .into_iter()
        .enumerate()
        .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
        .collect();
    Ok(make_like(&a[0], out))
}
fn m_istitle(a: &[Obj]) -> PyResult<Obj> {
    let mut cased = false;
    let mut prev_cased = false;
    for c in this(a) {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return Ok(super::bool::from_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(super::bool::from_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(super::bool::from_bool(cased))
}
fn m_translate(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if args.len() > 1 && kw.is_empty() && args.len() > 2 {
        return Err(type_error(format!("translate expected at most 2 arguments, got {}", args.len())));
    }
    let b = bind_args("translate", args, kw, &["", "delete"], 1, 2, 1)?;
    let table = b[0].clone().unwrap();
    let table: Option<Vec<u8>> = if super::none::is_none(&table) {
        None
    } else {
        let t = buffer_data(&table).ok_or_else(|| {
            type_error(format!("a bytes-like object is required, not '{}'", table.type_name()))
        })?;
        if t.len() != 256 {
            return Err(value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let del = match &b[1] {
        Some(d) => buffer_arg(d)?,
        None => Vec::new(),
    };
    let out = data(s)
        .iter()
        .filter(|c| !del.contains(c))
        .map(|c| table.as_ref().map_or(*c, |t| t[*c as usize]))
        .collect();
    if table.is_none() && del.is_empty() && s.is_exact(types().bytes) {
        return Ok(s.clone());
    }
    Ok(make_like(s, out))
}
fn m_maketrans(_f: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("maketrans() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(type_error(format!("maketrans expected 2 arguments, got {}", args.len())));
    }
    let from = buffer_arg(&args[0])?;
    let to = buffer_arg(&args[1])?;
    if from.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (f, x) in from.iter().zip(to.iter()) {
        t[*f as usize] = *x;
    }
    Ok(new(t))
}
fn bytes_mod(a: &Obj, b: &Obj) -> PyResult<Obj> {
    let Some(fmt) = as_bytes_any(a).filter(|_| !super::memoryview::is_memoryview(a)) else {
        return Ok(not_implemented());
    };
    let fmt = fmt.to_vec();
    let out = crate::format::percent_format_bytes(&fmt, b)?;
    Ok(make_like(a, out))
}
fn ba_imul(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if !super::list::is_index(b) {
        return Ok(not_implemented());
    }
    let n = super::list::index_clamped(b)?;
    let d = data(a).to_vec();
    let total = (d.len() as i64).checked_mul(n.max(0)).ok_or_else(crate::errors::memory_error)?;
    if total as usize != d.len() {
        let v = ba_resize(a)?;
        crate::errors::reserve(v, total as usize)?;
        v.clear();
        for _ in 0..n.max(0) {
            v.extend_from_slice(&d);
        }
    }
    Ok(a.clone())
}
fn m_alloc(a: &[Obj]) -> PyResult<Obj> {
    let n = data(&a[0]).len();
    Ok(int::from_usize(if n == 0 { 0 } else { n + 1 }))
}

/// The methods bytes and bytearray share: the core ones (`hex`: memoryview.hex calls it
/// by name; `join`: re.sub calls it on its joiner), then the extension table when the
/// program enabled it (`pyrt_methods_bytes`, types/mod.rs `MethodExtension`).
fn shared_methods() -> Vec<MethodDef> {
    use MethodDef::{Method as M, MethodKw as K};
    let mut m = vec![
        K { name: "hex", func: m_hex },
        M { name: "join", func: m_join, min: 2, max: 2 },
    ];
    EXTRA.extend(&mut m);
    m
}

super::method_extension! {
    /// Enables bytes' and bytearray's extension table (called by the program's `main`).
    pyrt_methods_bytes: EXTRA(MethodDef) => extra_methods
}

pub(super) fn extra_methods() -> Vec<MethodDef> {
    use MethodDef::{Method as M, MethodKw as K};
    vec![
        K { name: "decode", func: m_decode },
        MethodDef::ClassMethod { name: "fromhex", func: m_fromhex },
        K { name: "split", func: m_split },
        K { name: "rsplit", func: m_rsplit },
        M { name: "strip", func: m_strip, min: 1, max: 2 },
        M { name: "lstrip", func: m_lstrip, min: 1, max: 2 },
        M { name: "rstrip", func: m_rstrip, min: 1, max: 2 },
        M { name: "find", func: m_find, min: 2, max: 4 },
        M { name: "rfind", func: m_rfind, min: 2, max: 4 },
        M { name: "index", func: m_index, min: 2, max: 4 },
        M { name: "rindex", func: m_rindex, min: 2, max: 4 },
        M { name: "count", func: m_count, min: 2, max: 4 },
        M { name: "startswith", func: m_startswith, min: 2, max: 4 },
        M { name: "endswith", func: m_endswith, min: 2, max: 4 },
        M { name: "replace", func: m_replace, min: 3, max: 4 },
        M { name: "upper", func: m_upper, min: 1, max: 1 },
        M { name: "lower", func: m_lower, min: 1, max: 1 },
        M { name: "swapcase", func: m_swapcase, min: 1, max: 1 },
        M { name: "isdigit", func: m_isdigit, min: 1, max: 1 },
        M { name: "isalpha", func: m_isalpha, min: 1, max: 1 },
        M { name: "isalnum", func: m_isalnum, min: 1, max: 1 },
        M { name: "isspace", func: m_isspace, min: 1, max: 1 },
        M { name: "isascii", func: m_isascii, min: 1, max: 1 },
        M { name: "isupper", func: m_isupper, min: 1, max: 1 },
        M { name: "islower", func: m_islower, min: 1, max: 1 },
        M { name: "partition", func: m_partition, min: 2, max: 2 },
        M { name: "rpartition", func: m_rpartition, min: 2, max: 2 },
        M { name: "removeprefix", func: m_removeprefix, min: 2, max: 2 },
        M { name: "removesuffix", func: m_removesuffix, min: 2, max: 2 },
        M { name: "center", func: m_center, min: 2, max: 3 },
        M { name: "ljust", func: m_ljust, min: 2, max: 3 },
        M { name: "rjust", func: m_rjust, min: 2, max: 3 },
        M { name: "zfill", func: m_zfill, min: 2, max: 2 },
        K { name: "expandtabs", func: m_expandtabs },
        K { name: "splitlines", func: m_splitlines },
        M { name: "title", func: m_title, min: 1, max: 1 },
        M { name: "capitalize", func: m_capitalize, min: 1, max: 1 },
        M { name: "istitle", func: m_istitle, min: 1, max: 1 },
        K { name: "translate", func: m_translate },
        MethodDef::StaticMethod { name: "maketrans", func: m_maketrans },
    ]
}

fn common_slots(s: &mut TypeSpec) {
    let sl = &mut s.slots;
    sl.richcompare = Some(richcompare);
    sl.len = Some(len);
    sl.getitem = Some(getitem);
    sl.contains = Some(contains);
    sl.iter = Some(iter);
    sl.number[BinOp::Add as usize] = Some(add);
    sl.number[BinOp::Mul as usize] = Some(mul);
    sl.number[BinOp::Mod as usize] = Some(bytes_mod);
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("bytes", std::mem::size_of::<BytesObj>(), drop_as::<BytesObj>);
    common_slots(&mut s);
    s.slots.repr = Some(bytes_repr);
    s.slots.hash = Some(bytes_hash);
    s.slots.new = Some(bytes_new);
    let mut m = shared_methods();
    m.push(MethodDef::Method { name: "__getnewargs__", func: m_getnewargs, min: 1, max: 1 });
    m.push(MethodDef::Method { name: "__bytes__", func: m_dunder_bytes, min: 1, max: 1 });
    s.methods = m;
    s
}

pub fn bytearray_spec() -> TypeSpec {
    let mut s = TypeSpec::new("bytearray", std::mem::size_of::<ByteArrayObj>(), drop_as::<ByteArrayObj>);
    common_slots(&mut s);
    s.slots.repr = Some(bytearray_repr);
    s.slots.hash = Some(super::list::hash_not_implemented);
    s.slots.setitem = Some(ba_setitem);
    s.slots.new = Some(bytearray_new);
    s.slots.init = Some(bytearray_init);
    s.slots.inplace[BinOp::Add as usize] = Some(ba_iadd);
    s.slots.inplace[BinOp::Mul as usize] = Some(ba_imul);
    let mut m = shared_methods();
    use MethodDef::Method as M;
    m.extend([
        M { name: "append", func: m_append, min: 2, max: 2 },
        M { name: "extend", func: m_extend, min: 2, max: 2 },
        M { name: "pop", func: m_pop, min: 1, max: 2 },
        M { name: "insert", func: m_insert, min: 3, max: 3 },
        M { name: "remove", func: m_remove, min: 2, max: 2 },
        M { name: "clear", func: m_clear, min: 1, max: 1 },
        M { name: "copy", func: m_copy, min: 1, max: 1 },
        M { name: "reverse", func: m_reverse, min: 1, max: 1 },
        M { name: "__alloc__", func: m_alloc, min: 1, max: 1 },
    ]);
    s.methods = m;
    s
}
