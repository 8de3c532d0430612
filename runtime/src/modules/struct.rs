//! The native `_struct` module (what `struct.py` re-exports): format strings with every
//! format character and byte order (`@` native sizes and alignment, `=`, `<`, `>`, `!`
//! standard sizes), `pack`/`unpack`/`calcsize`/`iter_unpack`/`pack_into`/`unpack_from`,
//! the `Struct` type and `unpack_iterator`, and `struct.error` with CPython's messages.
//! Also the single-item codec memoryview uses for its non-byte formats
//! (`native_item_size`, `unpack_native`, `pack_native`).

use std::cell::RefCell;

use num_bigint::BigInt;

use super::binascii::{cached_exception_class, raise_class};
use super::itertools::{module_type, LazyType};
use crate::errors::{overflow_error, type_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::int::bind_args;
use crate::types::typeobj::{as_type, drop_as, CallFn, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, bytes, dict, float, int, module, none, str as pystr, tuple, TypeSpec};

/// Per-interpreter state: `struct.error`, touched only under the GIL.
static ERROR: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));

fn error(msg: impl Into<String>) -> PyErr {
    match ERROR.with(|e| e.borrow().clone()) {
        Some(c) => raise_class(&c, msg),
        None => crate::errors::value_error(msg),
    }
}

// ===================== format strings =====================

/// Size/alignment/byte-order mode selected by a format's first character.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// `@`: native sizes and alignment, native order.
    Native,
    /// `=`, `<`, `>`, `!`: standard sizes, no alignment; `true` = big-endian.
    Std(bool),
}

/// One format code: `count` repetitions of `ch` starting at byte `offset` (for `s`/`p`
/// the count is the field's length and the code is one item).
#[derive(Clone, Copy)]
struct Code {
    ch: u8,
    count: usize,
    offset: usize,
    size: usize,
}

struct Layout {
    mode: Mode,
    codes: Vec<Code>,
    size: usize,
    /// How many values `pack` takes and `unpack` returns.
    items: usize,
}

/// The size of one `ch` item in `mode`, or None for a bad format character.
fn item_size(ch: u8, mode: Mode) -> Option<usize> {
    Some(match (ch, mode) {
        (b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p', _) => 1,
        (b'h' | b'H' | b'e', _) => 2,
        (b'i' | b'I' | b'f', _) => 4,
        (b'q' | b'Q' | b'd', _) => 8,
        (b'l' | b'L', Mode::Native) => std::mem::size_of::<std::os::raw::c_long>(),
        (b'l' | b'L', Mode::Std(_)) => 4,
        (b'n' | b'N' | b'P', Mode::Native) => std::mem::size_of::<usize>(),
        _ => return None,
    })
}

fn parse_format(fmt: &[u8]) -> PyResult<Layout> {
    let (mode, body) = match fmt.first() {
        Some(b'@') => (Mode::Native, &fmt[1..]),
        Some(b'=' | b'<') => (Mode::Std(false), &fmt[1..]),
        Some(b'>' | b'!') => (Mode::Std(true), &fmt[1..]),
        _ => (Mode::Native, fmt),
    };
    let too_long = || error("total struct size too long");
    let (mut codes, mut size, mut items, mut i) = (Vec::new(), 0usize, 0usize, 0);
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            count = (c - b'0') as usize;
            while i < body.len() && body[i].is_ascii_digit() {
                count = count.checked_mul(10).and_then(|n| n.checked_add((body[i] - b'0') as usize)).ok_or_else(too_long)?;
                i += 1;
            }
            if i == body.len() {
                return Err(error("repeat count given without format specifier"));
            }
            c = body[i];
            i += 1;
        }
        let sz = item_size(c, mode).ok_or_else(|| error("bad char in struct format"))?;
        if mode == Mode::Native {
            size = size.checked_add(sz - 1).ok_or_else(too_long)? / sz * sz;
        }
        let span = count.checked_mul(sz).ok_or_else(too_long)?;
        match c {
            b'x' => {}
            b's' | b'p' => {
                codes.push(Code { ch: c, count, offset: size, size: count });
                items += 1;
            }
            _ => {
                codes.push(Code { ch: c, count, offset: size, size: sz });
                items += count;
            }
        }
        size = size.checked_add(span).filter(|s| *s <= isize::MAX as usize).ok_or_else(too_long)?;
    }
    Ok(Layout { mode, codes, size, items })
}

// ===================== single items =====================

/// `get_pylong`: an int, or an object with `__index__`.
fn int_arg(v: &Obj) -> PyResult<BigInt> {
    let i = if int::is_int(v) {
        v.clone()
    } else if v.ty().slots().index.is_some() {
        protocol::index(v)?
    } else {
        return Err(error("required argument is not an integer"));
    };
    Ok(int::to_bigint(&i).unwrap_or_default())
}

/// The value of an integer code as the raw two's-complement bits of its `size` bytes,
/// with CPython's range checks and messages.
fn int_bits(ch: u8, size: usize, v: &Obj) -> PyResult<u64> {
    let b = int_arg(v)?;
    let out_of_range = || error("argument out of range");
    let (lo, hi, name): (i128, i128, Option<&str>) = match ch {
        b'b' => (-128, 127, Some("byte")),
        b'B' => (0, 255, Some("ubyte")),
        b'h' => (-32768, 32767, Some("short")),
        b'H' => (0, 65535, Some("ushort")),
        b'P' => (i64::MIN as i128, u64::MAX as i128, None),
        b'i' | b'l' | b'q' | b'n' => (-(1i128 << (size * 8 - 1)), (1i128 << (size * 8 - 1)) - 1, None),
        _ => (0, (1i128 << (size * 8)) - 1, None),
    };
    let unsigned = matches!(ch, b'I' | b'L' | b'Q' | b'N');
    // The C conversion (to long / unsigned long) fails first for values outside 64 bits.
    let x: i128 = if unsigned {
        u64::try_from(&b).map_err(|_| out_of_range())? as i128
    } else if ch == b'P' {
        i128::try_from(&b).ok().filter(|x| (lo..=hi).contains(x)).ok_or_else(out_of_range)?
    } else {
        i64::try_from(&b).map_err(|_| out_of_range())? as i128
    };
    if !(lo..=hi).contains(&x) {
        return Err(match name {
            Some(n) => error(format!("{n} format requires {lo} <= number <= {hi}")),
            None if size >= 8 => out_of_range(),
            None => error(format!("'{}' format requires {lo} <= number <= {hi}", ch as char)),
        });
    }
    Ok(x as u64)
}

fn float_arg(v: &Obj) -> PyResult<f64> {
    float::to_f64(v).map_err(|_| error("required argument is not a float"))
}

/// Rounds `x` to IEEE 754 binary16 (round half to even); Err on overflow.
fn f64_to_half(x: f64) -> Result<u16, ()> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Ok(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Ok(sign | 0x7c00);
    }
    let bits = x.abs().to_bits();
    let (bexp, frac) = ((bits >> 52) as i64, bits & ((1 << 52) - 1));
    if bexp == 0 {
        return Ok(sign); // zero or a double subnormal: far below half's range
    }
    // |x| = m * 2^e with m a 53-bit integer.
    let (m, e) = (frac | (1 << 52), bexp - 1075);
    let e_top = e + 52; // floor(log2 |x|)
    let k = (e_top - 10).max(-24); // exponent of the result's last bit
    let shift = (k - e) as u32;
    let r = if shift >= 60 {
        0
    } else {
        let (q, rem, half) = (m >> shift, m & ((1u64 << shift) - 1), if shift == 0 { 0 } else { 1u64 << (shift - 1) });
        if shift > 0 && (rem > half || (rem == half && q & 1 == 1)) { q + 1 } else { q }
    };
    if k == -24 {
        return Ok(sign | r as u16); // subnormal, or rounded up to the smallest normal
    }
    let (r, e_top) = if r == 2048 { (1024, e_top + 1) } else { (r, e_top) };
    if e_top > 15 {
        return Err(());
    }
    Ok(sign | (((e_top + 15) as u16) << 10) | (r as u16 - 1024))
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let (e, f) = ((h >> 10) & 0x1f, (h & 0x3ff) as f64);
    sign * match e {
        0 => f * (2f64).powi(-24),
        31 if f == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + f / 1024.0) * (2f64).powi(e as i32 - 15),
    }
}

fn too_large(ch: u8) -> PyErr {
    overflow_error(format!("float too large to pack with {} format", ch as char))
}

fn put_bits(out: &mut [u8], bits: u64, big: bool) {
    let n = out.len();
    for (k, byte) in out.iter_mut().enumerate() {
        let shift = if big { n - 1 - k } else { k };
        *byte = (bits >> (8 * shift)) as u8;
    }
}

fn get_bits(data: &[u8], big: bool) -> u64 {
    let n = data.len();
    (0..n).fold(0u64, |acc, k| acc | (data[k] as u64) << (8 * if big { n - 1 - k } else { k }))
}

/// Packs one value of code `ch` (not `x`/`s`/`p`) into `out` (its `size` bytes).
fn pack_item(ch: u8, v: &Obj, out: &mut [u8], mode: Mode) -> PyResult<()> {
    let big = matches!(mode, Mode::Std(true));
    let bits = match ch {
        b'c' => match bytes::as_bytes_any(v) {
            Some([b]) => *b as u64,
            _ => return Err(error("char format requires a bytes object of length 1")),
        },
        b'?' => protocol::is_true(v)? as u64,
        b'e' => f64_to_half(float_arg(v)?).map_err(|_| too_large(ch))? as u64,
        b'f' => {
            let x = float_arg(v)?;
            let y = x as f32;
            if y.is_infinite() && x.is_finite() && mode != Mode::Native {
                return Err(too_large(ch));
            }
            y.to_bits() as u64
        }
        b'd' => float_arg(v)?.to_bits(),
        _ => int_bits(ch, out.len(), v)?,
    };
    put_bits(out, bits, big);
    Ok(())
}

fn unpack_item(ch: u8, data: &[u8], mode: Mode) -> Obj {
    let bits = get_bits(data, matches!(mode, Mode::Std(true)));
    let n = data.len();
    match ch {
        b'c' => bytes::new(data.to_vec()),
        b'?' => pybool::from_bool(bits != 0),
        b'e' => float::new(half_to_f64(bits as u16)),
        b'f' => float::new(f32::from_bits(bits as u32) as f64),
        b'd' => float::new(f64::from_bits(bits)),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let sh = 64 - 8 * n as u32;
            int::from_i64(((bits << sh) as i64) >> sh)
        }
        _ => int::from_u64(bits),
    }
}

/// The item size of a native single-character format (memoryview's formats), if valid.
pub fn native_item_size(fmt: &str) -> Option<usize> {
    let ch = *fmt.strip_prefix('@').unwrap_or(fmt).as_bytes().first()?;
    if fmt.trim_start_matches('@').len() != 1 || matches!(ch, b'x' | b's' | b'p') {
        return None;
    }
    item_size(ch, Mode::Native)
}

/// One item of native format `fmt` (validated by `native_item_size`) read from `data`.
pub fn unpack_native(fmt: &str, data: &[u8]) -> Obj {
    unpack_item(fmt.trim_start_matches('@').as_bytes()[0], data, Mode::Native)
}

/// Writes one item of native format `fmt` into `out`; Err is CPython's struct error text.
pub fn pack_native(fmt: &str, v: &Obj, out: &mut [u8]) -> PyResult<()> {
    pack_item(fmt.trim_start_matches('@').as_bytes()[0], v, out, Mode::Native)
}

// ===================== whole formats =====================

fn pack_layout(l: &Layout, args: &[Obj], out: &mut [u8], what: &str) -> PyResult<()> {
    if args.len() != l.items {
        return Err(error(format!("{what} expected {} items for packing (got {})", l.items, args.len())));
    }
    let mut args = args.iter();
    for c in &l.codes {
        let field = &mut out[c.offset..c.offset + c.count * if matches!(c.ch, b's' | b'p') { 1 } else { c.size }];
        if matches!(c.ch, b's' | b'p') {
            let v = args.next().unwrap();
            let Some(src) = bytes::as_bytes_any(v) else {
                return Err(error(format!("argument for '{}' must be a bytes object", c.ch as char)));
            };
            pack_string(c.ch, src, field);
            continue;
        }
        for chunk in field.chunks_mut(c.size) {
            pack_item(c.ch, args.next().unwrap(), chunk, l.mode)?;
        }
    }
    Ok(())
}

/// `s` copies and zero-pads; `p` is a Pascal string (length byte, at most 255).
fn pack_string(ch: u8, src: &[u8], field: &mut [u8]) {
    if ch == b's' {
        let n = src.len().min(field.len());
        field[..n].copy_from_slice(&src[..n]);
        return;
    }
    if field.is_empty() {
        return;
    }
    let n = src.len().min(field.len() - 1);
    field[1..=n].copy_from_slice(&src[..n]);
    field[0] = n.min(255) as u8;
}

fn unpack_layout(l: &Layout, data: &[u8]) -> Obj {
    let mut out = Vec::with_capacity(l.items);
    for c in &l.codes {
        match c.ch {
            b's' => out.push(bytes::new(data[c.offset..c.offset + c.count].to_vec())),
            b'p' => {
                let field = &data[c.offset..c.offset + c.count];
                let n = field.first().map_or(0, |b| (*b as usize).min(field.len().saturating_sub(1)));
                out.push(bytes::new(field.get(1..1 + n).unwrap_or(&[]).to_vec()));
            }
            _ => out.extend(data[c.offset..c.offset + c.count * c.size].chunks(c.size).map(|d| unpack_item(c.ch, d, l.mode))),
        }
    }
    tuple::new(out)
}

fn buffer_arg(o: &Obj) -> PyResult<Vec<u8>> {
    bytes::buffer_data(o).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", o.type_name())))
}

fn unpack_exact(l: &Layout, data: &[u8]) -> PyResult<Obj> {
    if data.len() != l.size {
        return Err(error(format!("unpack requires a buffer of {} bytes", l.size)));
    }
    Ok(unpack_layout(l, data))
}

/// A Python-level offset into a buffer of `len` bytes where `need` bytes are read or
/// written (negative offsets count from the end), with CPython's messages.
fn checked_offset(offset: i64, len: usize, need: usize, packing: bool) -> PyResult<usize> {
    let (len_i, need_i) = (len as i64, need as i64);
    let mut off = offset;
    if off < 0 {
        if packing && off + need_i > 0 {
            return Err(error(format!("no space to pack {need} bytes at offset {off}")));
        }
        if off + len_i < 0 {
            return Err(error(format!("offset {off} out of range for {len}-byte buffer")));
        }
        off += len_i;
    }
    if len_i - off < need_i {
        let (what, verb) = if packing { ("pack_into", "packing") } else { ("unpack_from", "unpacking") };
        return Err(error(format!(
            "{what} requires a buffer of at least {} bytes for {verb} {need} bytes at offset {off} (actual buffer size is {len})",
            need_i + off
        )));
    }
    Ok(off as usize)
}

fn unpack_from_layout(l: &Layout, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("unpack_from", args, kw, &["buffer", "offset"], 0, 2, 1)?;
    let data = buffer_arg(a[0].as_ref().unwrap())?;
    let off = match &a[1] {
        Some(o) => protocol::index_i64(o)?,
        None => 0,
    };
    let off = checked_offset(off, data.len(), l.size, false)?;
    Ok(unpack_layout(l, &data[off..off + l.size]))
}

fn pack_into_layout(l: &Layout, args: &[Obj]) -> PyResult<Obj> {
    if args.len() != l.items + 2 {
        return Err(match args.len() {
            0 => error("pack_into expected buffer argument"),
            1 => error("pack_into expected offset argument"),
            n => error(format!("pack_into expected {} items for packing (got {})", l.items, n - 2)),
        });
    }
    let buf = &args[0];
    let Some(len) = bytes::bytearray_data_mut(buf).map(|d| d.len()) else {
        return Err(type_error(format!("argument must be read-write bytes-like object, not {}", buf.type_name())));
    };
    let off = checked_offset(protocol::index_i64(&args[1])?, len, l.size, true)?;
    let mut tmp = vec![0u8; l.size];
    pack_layout(l, &args[2..], &mut tmp, "pack_into")?;
    // Re-fetch: packing may have run Python code (`__index__`) that resized the buffer.
    if let Some(d) = bytes::bytearray_data_mut(buf) {
        if off + l.size <= d.len() {
            d[off..off + l.size].copy_from_slice(&tmp);
        }
    }
    Ok(none::none())
}

// ===================== Struct =====================

#[repr(C)]
struct StructObj {
    head: ObjHeader,
    /// The format as given, as a str.
    format: Obj,
    layout: Layout,
}

static STRUCT: LazyType = LazyType::new();
static UNPACK_ITER: LazyType = LazyType::new();

fn struct_type() -> &'static TypeObject {
    STRUCT.get(|| module_type("_struct", struct_spec()))
}

fn sp(o: &Obj) -> &StructObj {
    unsafe { o.payload::<StructObj>() }
}

/// The format argument as a str object and its bytes.
fn format_arg(f: &Obj) -> PyResult<(Obj, Vec<u8>)> {
    if let Some(s) = pystr::as_str(f) {
        return Ok((f.clone(), s.as_bytes().to_vec()));
    }
    if let Some(b) = bytes::as_bytes(f) {
        return Ok((pystr::from_string(String::from_utf8_lossy(b).into_owned()), b.to_vec()));
    }
    Err(type_error(format!("Struct() argument 1 must be a str or bytes object, not {}", f.type_name())))
}

fn new_struct(cls: &TypeObject, f: &Obj) -> PyResult<Obj> {
    let (format, raw) = format_arg(f)?;
    let layout = parse_format(&raw)?;
    Ok(alloc(cls, StructObj { head: header(), format, layout }))
}

fn struct_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("Struct", args, kw, &["format"], 0, 1, 1)?;
    new_struct(as_type(cls), a[0].as_ref().unwrap())
}

/// The `Struct` for a module-level function's format argument.
fn struct_for(f: &Obj) -> PyResult<Obj> {
    if !f.is_small_int() && f.isinstance(struct_type()) {
        return Ok(f.clone());
    }
    new_struct(struct_type(), f)
}

fn s_pack(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("Struct.pack", kw)?;
    let l = &sp(s).layout;
    let mut out = vec![0u8; l.size];
    pack_layout(l, args, &mut out, "pack")?;
    Ok(bytes::new(out))
}

fn s_unpack(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("Struct.unpack", kw)?;
    super::itertools::exact_args("unpack", args, kw, 1)?;
    unpack_exact(&sp(s).layout, &buffer_arg(&args[0])?)
}

fn s_unpack_from(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    unpack_from_layout(&sp(s).layout, args, kw)
}

fn s_pack_into(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("Struct.pack_into", kw)?;
    pack_into_layout(&sp(s).layout, args)
}

fn s_iter_unpack(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("Struct.iter_unpack", kw)?;
    super::itertools::exact_args("iter_unpack", args, kw, 1)?;
    let size = sp(s).layout.size;
    if size == 0 {
        return Err(error("cannot iteratively unpack with a struct of length 0"));
    }
    let data = buffer_arg(&args[0])?;
    if data.len() % size != 0 {
        return Err(error(format!("iterative unpacking requires a buffer of a multiple of {size} bytes")));
    }
    let ty = UNPACK_ITER.get(|| module_type("_struct", unpack_iter_spec()));
    Ok(alloc(ty, UnpackIter { head: header(), st: s.clone(), data, pos: 0 }))
}

fn g_format(o: &Obj) -> PyResult<Obj> {
    Ok(sp(o).format.clone())
}
fn g_size(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_usize(sp(o).layout.size))
}

fn struct_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&sp(o).format);
}

fn struct_spec() -> TypeSpec {
    let mut s = TypeSpec::new("Struct", std::mem::size_of::<StructObj>(), drop_as::<StructObj>);
    s.slots.new = Some(struct_new);
    s.slots.traverse = Some(struct_traverse);
    use MethodDef::{Getter as G, MethodKw as K};
    s.methods = vec![
        K { name: "pack", func: s_pack },
        K { name: "pack_into", func: s_pack_into },
        K { name: "unpack", func: s_unpack },
        K { name: "unpack_from", func: s_unpack_from },
        K { name: "iter_unpack", func: s_iter_unpack },
        G { name: "format", get: g_format },
        G { name: "size", get: g_size },
    ];
    s
}

// ===================== unpack_iterator =====================

#[repr(C)]
struct UnpackIter {
    head: ObjHeader,
    st: Obj,
    data: Vec<u8>,
    pos: usize,
}

#[allow(clippy::mut_from_ref)]
fn up(o: &Obj) -> &mut UnpackIter {
    unsafe { o.payload_mut::<UnpackIter>() }
}

fn unpack_iter_next(o: &Obj) -> PyResult<Option<Obj>> {
    let it = up(o);
    let l = &sp(&it.st).layout;
    if it.pos + l.size > it.data.len() {
        return Ok(None);
    }
    let r = unpack_layout(l, &it.data[it.pos..it.pos + l.size]);
    it.pos += l.size;
    Ok(Some(r))
}

fn unpack_iter_length_hint(a: &[Obj]) -> PyResult<Obj> {
    let it = up(&a[0]);
    let size = sp(&it.st).layout.size.max(1);
    Ok(int::from_usize((it.data.len() - it.pos) / size))
}

fn unpack_iter_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&up(o).st);
}

fn unpack_iter_spec() -> TypeSpec {
    let mut s = TypeSpec::new("unpack_iterator", std::mem::size_of::<UnpackIter>(), drop_as::<UnpackIter>);
    s.final_ = true;
    s.slots.iter = Some(|o| Ok(o.clone()));
    s.slots.next = Some(unpack_iter_next);
    s.slots.traverse = Some(unpack_iter_traverse);
    s.methods = vec![MethodDef::Method { name: "__length_hint__", func: unpack_iter_length_hint, min: 1, max: 1 }];
    s
}

// ===================== module functions =====================

fn no_kw(name: &str, kw: &KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// Splits off the leading format argument of a module-level function.
fn with_format<'a>(args: &'a [Obj], kw: &KwArgs, name: &str) -> PyResult<(Obj, &'a [Obj])> {
    no_kw(&format!("_struct.{name}"), kw)?;
    match args.split_first() {
        Some((f, rest)) => Ok((struct_for(f)?, rest)),
        None => Err(type_error("missing format argument")),
    }
}

fn f_pack(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (s, rest) = with_format(args, kw, "pack")?;
    s_pack(&s, rest, &KwArgs::EMPTY)
}
fn f_pack_into(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (s, rest) = with_format(args, kw, "pack_into")?;
    s_pack_into(&s, rest, &KwArgs::EMPTY)
}
fn f_unpack(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("_struct.unpack", kw)?;
    super::itertools::exact_args("unpack", args, kw, 2)?;
    let s = struct_for(&args[0])?;
    s_unpack(&s, &args[1..], kw)
}
fn f_unpack_from(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let Some((f, rest)) = args.split_first() else {
        return Err(type_error("unpack_from() missing required argument 'format' (pos 1)"));
    };
    let s = struct_for(f)?;
    unpack_from_layout(&sp(&s).layout, rest, kw)
}
fn f_iter_unpack(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("_struct.iter_unpack", kw)?;
    super::itertools::exact_args("iter_unpack", args, kw, 2)?;
    let s = struct_for(&args[0])?;
    s_iter_unpack(&s, &args[1..], kw)
}
fn f_calcsize(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("_struct.calcsize", kw)?;
    super::itertools::exact_args("calcsize", args, kw, 1)?;
    let s = struct_for(&args[0])?;
    g_size(&s)
}
fn f_clearcache(_m: &Obj, _args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(none::none())
}

/// Creates the `_struct` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_struct");
    let d = module::dict(&m);
    let err = cached_exception_class("struct", "error", crate::types::exceptions::exc().exception)?;
    ERROR.with(|e| *e.borrow_mut() = Some(err.clone()));
    dict::set_item_str(&d, "error", err);
    dict::set_item_str(&d, "Struct", struct_type().as_obj());
    let fns: &[(&'static str, CallFn)] = &[
        ("pack", f_pack), ("pack_into", f_pack_into), ("unpack", f_unpack), ("unpack_from", f_unpack_from),
        ("iter_unpack", f_iter_unpack), ("calcsize", f_calcsize), ("_clearcache", f_clearcache),
    ];
    for (name, f) in fns {
        dict::set_item_str(&d, name, new_builtin_in("_struct", name, *f));
    }
    Ok(m)
}
