//! The `binascii` module: hex and base64 conversions, `crc32` and `crc_hqx`, with
//! CPython's argument rules (ASCII str accepted where CPython accepts it) and its
//! `binascii.Error` / `binascii.Incomplete` exceptions and messages. Also the small
//! helpers other native modules share: module-level exception classes and CRC-32.

use std::cell::RefCell;

use crate::errors::{type_error, value_error};
use crate::object::{Obj, PyErr, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{CallFn, KwArgs, TypeObject};
use crate::types::{bytes, dict, int, module, str as pystr, tuple, types};

/// Creates exception class `module.name` deriving from `base` (as
/// `PyErr_NewException` does).
pub fn new_exception_class(module: &str, name: &str, base: &TypeObject) -> PyResult<Obj> {
    let ns = dict::new();
    dict::set_item_str(&ns, "__module__", pystr::new(module));
    crate::types::class::new_class(
        &types().type_.as_obj(),
        &pystr::new(name),
        &tuple::new(vec![base.as_obj()]),
        &ns,
        &KwArgs::EMPTY,
    )
}

/// `new_exception_class` for a class a native module also keeps in a Rust static for
/// the life of the process (to raise it from Rust): made immortal, like a built-in
/// type, so the leak checker does not report it and no teardown order can free it
/// while the static still points at it.
pub fn cached_exception_class(module: &str, name: &str, base: &TypeObject) -> PyResult<Obj> {
    let cls = new_exception_class(module, name, base)?;
    crate::gc::immortalize_graph(&cls);
    Ok(cls)
}

/// An instance of exception class `cls` with message `msg`, ready to raise.
pub fn raise_class(cls: &Obj, msg: impl Into<String>) -> PyErr {
    match protocol::call(cls, &[pystr::from_string(msg.into())]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static ERROR: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));

fn error(msg: impl Into<String>) -> PyErr {
    let cls = ERROR.with(|e| e.borrow().clone());
    match cls {
        Some(c) => raise_class(&c, msg),
        None => value_error(msg),
    }
}

/// A bytes-like argument (bytes, bytearray, memoryview).
pub fn buffer_arg(o: &Obj) -> PyResult<Vec<u8>> {
    bytes::buffer_data(o).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", o.type_name())))
}

/// The input of the `a2b_*` functions: a bytes-like object or an ASCII str.
fn ascii_arg(o: &Obj) -> PyResult<Vec<u8>> {
    if let Some(s) = pystr::as_str(o) {
        if !s.is_ascii() {
            return Err(value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    bytes::buffer_data(o)
        .ok_or_else(|| type_error(format!("argument should be bytes, buffer or ASCII string, not '{}'", o.type_name())))
}

/// CRC-32 (the zlib/PNG polynomial) continued from `crc`.
pub fn crc32(data: &[u8], crc: u32) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let t = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            *e = c;
        }
        t
    });
    let mut c = !crc;
    for &b in data {
        c = t[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// The optional unsigned start value of `crc32`/`adler32` (`crc=0`): any int, kept modulo 2**32.
pub fn crc_start(o: Option<&Obj>, default: u32) -> PyResult<u32> {
    let Some(o) = o else { return Ok(default) };
    if !int::is_int(o) {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", o.type_name())));
    }
    let b = int::to_bigint(o).unwrap_or_default();
    let m: num_bigint::BigInt = b & num_bigint::BigInt::from(0xffff_ffffu32);
    Ok(num_traits::ToPrimitive::to_u32(&m).unwrap_or(0))
}

fn b_crc32(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("crc32", a, kw, &["", ""], 2, 2, 1)?;
    let data = buffer_arg(v[0].as_ref().unwrap())?;
    Ok(int::from_u64(crc32(&data, crc_start(v[1].as_ref(), 0)?) as u64))
}

fn b_crc_hqx(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("crc_hqx", a, kw, &["", ""], 2, 2, 2)?;
    let data = buffer_arg(v[0].as_ref().unwrap())?;
    let mut crc = crc_start(v[1].as_ref(), 0)? & 0xffff;
    for &b in &data {
        crc ^= (b as u32) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
        }
        crc &= 0xffff;
    }
    Ok(int::from_u64(crc as u64))
}

// ----- hex -----

/// The hex digits of `data`, with `sep` every `per` bytes (counted from the right when
/// `per` is positive, from the left when negative), as `bytes.hex` does.
fn hex_with_sep(data: &[u8], sep: Option<u8>, per: i64) -> Vec<u8> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = Vec::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, &b) in data.iter().enumerate() {
        if let Some(s) = sep.filter(|_| group > 0 && i > 0) {
            let boundary = if per > 0 { (data.len() - i) % group == 0 } else { i % group == 0 };
            if boundary {
                out.push(s);
            }
        }
        out.push(DIGITS[(b >> 4) as usize]);
        out.push(DIGITS[(b & 15) as usize]);
    }
    out
}

fn sep_arg(o: Option<&Obj>) -> PyResult<Option<u8>> {
    let Some(o) = o else { return Ok(None) };
    let s: Vec<u8> = if let Some(s) = pystr::as_str(o) {
        s.as_bytes().to_vec()
    } else if let Some(b) = bytes::as_bytes_any(o) {
        b.to_vec()
    } else {
        return Err(type_error(format!("sep must be str or bytes.")));
    };
    if s.len() != 1 || pystr::as_str(o).map_or(false, |t| t.chars().count() != 1) {
        return Err(value_error("sep must be length 1."));
    }
    if !s[0].is_ascii() {
        return Err(value_error("sep must be ASCII."));
    }
    Ok(Some(s[0]))
}

fn hexlify_impl(name: &str, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args(name, a, kw, &["data", "sep", "bytes_per_sep"], 0, 3, 1)?;
    let data = buffer_arg(v[0].as_ref().unwrap())?;
    let sep = sep_arg(v[1].as_ref())?;
    let per = match &v[2] {
        Some(p) => protocol::index_i64(p)?,
        None => 1,
    };
    Ok(bytes::new(hex_with_sep(&data, sep, per)))
}

fn b_hexlify(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    hexlify_impl("hexlify", a, kw)
}
fn b_b2a_hex(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    hexlify_impl("b2a_hex", a, kw)
}

fn unhexlify_impl(name: &str, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args(name, a, kw, &["hexstr"], 0, 1, 1)?;
    let data = ascii_arg(v[0].as_ref().unwrap())?;
    if data.len() % 2 != 0 {
        return Err(error("Odd-length string"));
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error("Non-hexadecimal digit found")),
        }
    }
    Ok(bytes::new(out))
}

fn b_unhexlify(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    unhexlify_impl("unhexlify", a, kw)
}
fn b_a2b_hex(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    unhexlify_impl("a2b_hex", a, kw)
}

// ----- base64 -----

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u32> {
    B64.iter().position(|&x| x == c).map(|p| p as u32)
}

pub fn b64encode(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 3 * 4 + 5);
    for chunk in data.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, &b)| acc | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * i)) & 63) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    if newline {
        out.push(b'\n');
    }
    out
}

/// Decodes base64 the way CPython does: non-alphabet bytes are skipped (errors in strict
/// mode), decoding stops at the first complete padding.
fn b64decode(data: &[u8], strict: bool) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut quad, mut left, mut pads) = (0u8, 0u32, 0u8);
    let mut padding_started = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if strict && quad == 0 {
                return Err(error(if i == 0 { "Leading padding not allowed" } else { "Excess padding not allowed" }));
            }
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error("Excess data after padding"));
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err(error("Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error("Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => left = v,
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0x0f;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x03;
            }
            _ => out.push(((left << 6) | v) as u8),
        }
        quad = (quad + 1) % 4;
    }
    match quad {
        0 => Ok(out),
        1 => Err(error(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        ))),
        _ => Err(error("Incorrect padding")),
    }
}

fn b_b2a_base64(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("b2a_base64", a, kw, &["", "newline"], 1, 1, 1)?;
    let data = buffer_arg(v[0].as_ref().unwrap())?;
    let newline = match &v[1] {
        Some(n) => protocol::is_true(n)?,
        None => true,
    };
    Ok(bytes::new(b64encode(&data, newline)))
}

fn b_a2b_base64(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("a2b_base64", a, kw, &["", "strict_mode"], 1, 1, 1)?;
    let data = ascii_arg(v[0].as_ref().unwrap())?;
    let strict = match &v[1] {
        Some(n) => protocol::is_true(n)?,
        None => false,
    };
    Ok(bytes::new(b64decode(&data, strict)?))
}

/// Creates the `binascii` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("binascii");
    let d = module::dict(&m);
    let err = cached_exception_class("binascii", "Error", crate::types::exceptions::exc().value_error)?;
    let incomplete = new_exception_class("binascii", "Incomplete", crate::types::exceptions::exc().exception)?;
    ERROR.with(|e| *e.borrow_mut() = Some(err.clone()));
    dict::set_item_str(&d, "Error", err);
    dict::set_item_str(&d, "Incomplete", incomplete);
    let fns: &[(&'static str, CallFn)] = &[
        ("crc32", b_crc32), ("crc_hqx", b_crc_hqx), ("hexlify", b_hexlify), ("b2a_hex", b_b2a_hex),
        ("unhexlify", b_unhexlify), ("a2b_hex", b_a2b_hex), ("b2a_base64", b_b2a_base64), ("a2b_base64", b_a2b_base64),
    ];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("binascii", name, *func));
    }
    Ok(m)
}
