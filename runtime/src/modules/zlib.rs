//! The `zlib` module: one-shot and streaming (de)compression in the zlib, gzip and raw
//! deflate formats (`wbits` as CPython reads it), `crc32`, `adler32`, `zlib.error` with
//! zlib's messages. miniz_oxide does the deflate itself; the zlib/gzip wrappers (headers,
//! checksums, trailers) are handled here so errors name the same cause zlib does.
//! Preset dictionaries (`zdict`) are not supported.

use std::cell::RefCell;

use miniz_oxide::deflate::core::{compress_to_output, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus};
use miniz_oxide::inflate::stream::{inflate, InflateState};
use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};

use super::binascii::{buffer_arg, crc32, crc_start, cached_exception_class, raise_class};
use crate::errors::value_error;
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{drop_as, CallFn, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, bytes, dict, int, module, none, str as pystr, TypeSpec};

// Per-interpreter state shared by all threads (read and written under the GIL).
static ERROR: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));
static TYPES: crate::gil::GilCell<RefCell<Option<(&'static TypeObject, &'static TypeObject)>>> = crate::gil::GilCell::new(RefCell::new(None));

fn error(msg: impl Into<String>) -> PyErr {
    match ERROR.with(|e| e.borrow().clone()) {
        Some(c) => raise_class(&c, msg),
        None => value_error(msg),
    }
}

pub fn adler32(data: &[u8], start: u32) -> u32 {
    let (mut a, mut b) = (start & 0xffff, start >> 16);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    (b << 16) | a
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Zlib,
    Gzip,
    Raw,
    /// Decompression only: zlib or gzip, told by the header.
    Auto,
}

/// The container format `wbits` selects (None: invalid).
fn format_of(wbits: i64, decompress: bool) -> Option<Format> {
    match wbits {
        9..=15 => Some(Format::Zlib),
        -15..=-9 => Some(Format::Raw),
        25..=31 => Some(Format::Gzip),
        0 if decompress => Some(Format::Zlib),
        40..=47 if decompress => Some(Format::Auto),
        8 if !decompress => Some(Format::Zlib),
        -8 if !decompress => Some(Format::Raw),
        24 if !decompress => Some(Format::Gzip),
        _ => None,
    }
}

// ----- decompression -----

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Header,
    Body,
    Trailer,
    Done,
}

/// A streaming decompressor: wrapper parsing around miniz_oxide's raw inflate.
struct Inflater {
    format: Format,
    phase: Phase,
    state: Box<InflateState>,
    /// Header or trailer bytes gathered so far.
    pending: Vec<u8>,
    crc: u32,
    adler: u32,
    total: u64,
}

impl Inflater {
    fn new(format: Format) -> Inflater {
        Inflater {
            format,
            phase: if format == Format::Raw { Phase::Body } else { Phase::Header },
            state: InflateState::new_boxed(DataFormat::Raw),
            pending: Vec::new(),
            crc: 0,
            adler: 1,
            total: 0,
        }
    }

    /// Length of a complete header at the start of `h`, None while incomplete.
    fn header_len(&mut self, h: &[u8]) -> Result<Option<usize>, &'static str> {
        if self.format == Format::Auto && !h.is_empty() {
            self.format = if h[0] == 0x1f { Format::Gzip } else { Format::Zlib };
        }
        if self.format == Format::Zlib {
            if h.len() < 2 {
                return Ok(None);
            }
            if (h[0] as u32 * 256 + h[1] as u32) % 31 != 0 {
                return Err("incorrect header check");
            }
            if h[0] & 0x0f != 8 {
                return Err("unknown compression method");
            }
            if h[0] >> 4 > 7 {
                return Err("invalid window size");
            }
            if h[1] & 0x20 != 0 {
                return Err("need dictionary");
            }
            return Ok(Some(2));
        }
        gzip_header_len(h)
    }

    /// Feeds `input`; returns (output, bytes of input consumed). Stops once `max_out`
    /// bytes are produced (0 = no limit) or the stream ends.
    fn feed(&mut self, input: &[u8], max_out: usize) -> Result<(Vec<u8>, usize), &'static str> {
        let mut out = Vec::new();
        let mut used = 0;
        while used < input.len() || self.phase == Phase::Body {
            match self.phase {
                Phase::Header => {
                    let before = self.pending.len();
                    self.pending.extend_from_slice(&input[used..]);
                    let pend = std::mem::take(&mut self.pending);
                    match self.header_len(&pend)? {
                        None => {
                            self.pending = pend;
                            used = input.len();
                        }
                        Some(n) => {
                            used += n - before;
                            self.phase = Phase::Body;
                        }
                    }
                }
                Phase::Body => {
                    let room = if max_out == 0 { 1 << 16 } else { (max_out - out.len()).min(1 << 16) };
                    if room == 0 {
                        break;
                    }
                    let mut buf = vec![0u8; room];
                    let r = inflate(&mut self.state, &input[used..], &mut buf, MZFlush::Sync);
                    used += r.bytes_consumed;
                    let chunk = &buf[..r.bytes_written];
                    self.crc = crc32(chunk, self.crc);
                    self.adler = adler32(chunk, self.adler);
                    self.total += chunk.len() as u64;
                    out.extend_from_slice(chunk);
                    match r.status {
                        Ok(MZStatus::StreamEnd) => {
                            self.phase = if self.format == Format::Raw { Phase::Done } else { Phase::Trailer };
                        }
                        Ok(_) | Err(MZError::Buf) => {
                            if r.bytes_consumed == 0 && r.bytes_written == 0 {
                                break;
                            }
                        }
                        Err(_) => return Err(self.body_error(input)),
                    }
                }
                Phase::Trailer => {
                    let need = if self.format == Format::Gzip { 8 } else { 4 };
                    let take = (need - self.pending.len()).min(input.len() - used);
                    self.pending.extend_from_slice(&input[used..used + take]);
                    used += take;
                    if self.pending.len() == need {
                        self.check_trailer()?;
                        self.phase = Phase::Done;
                    }
                }
                Phase::Done => break,
            }
        }
        Ok((out, used))
    }

    fn check_trailer(&self) -> Result<(), &'static str> {
        let t = &self.pending;
        if self.format == Format::Gzip {
            if u32::from_le_bytes([t[0], t[1], t[2], t[3]]) != self.crc {
                return Err("incorrect data check");
            }
            if u32::from_le_bytes([t[4], t[5], t[6], t[7]]) != self.total as u32 {
                return Err("incorrect length check");
            }
        } else if u32::from_be_bytes([t[0], t[1], t[2], t[3]]) != self.adler {
            return Err("incorrect data check");
        }
        Ok(())
    }

    /// miniz_oxide does not say why a block is bad; name zlib's cause for the common
    /// case of a bad first block header.
    fn body_error(&self, input: &[u8]) -> &'static str {
        let start = input.len().min(if self.format == Format::Zlib && self.total == 0 { 2 } else { 0 });
        match input.get(start).map(|b| (b >> 1) & 3) {
            Some(3) => "invalid block type",
            Some(0) => "invalid stored block lengths",
            _ => "invalid code lengths set",
        }
    }
}

/// Length of a complete gzip header at the start of `h` (None while incomplete).
fn gzip_header_len(h: &[u8]) -> Result<Option<usize>, &'static str> {
    if h.len() >= 2 && (h[0] != 0x1f || h[1] != 0x8b) {
        return Err("incorrect header check");
    }
    if h.len() < 10 {
        return Ok(None);
    }
    if h[2] != 8 {
        return Err("unknown compression method");
    }
    let flags = h[3];
    let mut pos = 10;
    if flags & 4 != 0 {
        if h.len() < pos + 2 {
            return Ok(None);
        }
        pos += 2 + u16::from_le_bytes([h[pos], h[pos + 1]]) as usize;
    }
    for bit in [8u8, 16] {
        if flags & bit != 0 {
            match h.get(pos..).and_then(|r| r.iter().position(|&b| b == 0)) {
                Some(z) => pos += z + 1,
                None => return Ok(None),
            }
        }
    }
    if flags & 2 != 0 {
        pos += 2;
    }
    Ok(if h.len() >= pos { Some(pos) } else { None })
}

fn zlib_err(action: &str, code: i32, msg: &str) -> PyErr {
    error(format!("Error {code} while {action} data: {msg}"))
}

fn wbits_arg(o: Option<&Obj>) -> PyResult<i64> {
    o.map_or(Ok(15), protocol::index_i64)
}

fn z_decompress(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("decompress", a, kw, &["", "wbits", "bufsize"], 1, 3, 1)?;
    let data = buffer_arg(v[0].as_ref().unwrap())?;
    let wbits = wbits_arg(v[1].as_ref())?;
    if let Some(b) = &v[2] {
        if protocol::index_i64(b)? < 0 {
            return Err(value_error("bufsize must be non-negative"));
        }
    }
    let Some(format) = format_of(wbits, true) else {
        return Err(zlib_err("preparing to decompress", -2, "inconsistent stream state"));
    };
    let mut inf = Inflater::new(format);
    let (out, _) = inf.feed(&data, 0).map_err(|m| zlib_err("decompressing", -3, m))?;
    if inf.phase != Phase::Done {
        return Err(zlib_err("decompressing", -5, "incomplete or truncated stream"));
    }
    Ok(bytes::new(out))
}

// ----- compression -----

/// A streaming compressor; the gzip wrapper is written here around a raw deflate stream.
struct Deflater {
    format: Format,
    comp: Box<CompressorOxide>,
    started: bool,
    finished: bool,
    crc: u32,
    total: u64,
}

impl Deflater {
    fn new(level: i64, format: Format, strategy: i64) -> Deflater {
        let level = if level < 0 { 6 } else { level as i32 };
        let window = if format == Format::Zlib { 15 } else { -15 };
        let flags = create_comp_flags_from_zip_params(level, window, strategy as i32);
        Deflater { format, comp: Box::new(CompressorOxide::new(flags)), started: false, finished: false, crc: 0, total: 0 }
    }

    fn run(&mut self, data: &[u8], flush: TDEFLFlush) -> Vec<u8> {
        let mut out = Vec::new();
        if self.format == Format::Gzip && !self.started {
            out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
        }
        self.started = true;
        self.crc = crc32(data, self.crc);
        self.total += data.len() as u64;
        let mut rest = data;
        loop {
            let (status, used) = compress_to_output(&mut self.comp, rest, flush, |chunk| {
                out.extend_from_slice(chunk);
                true
            });
            rest = &rest[used..];
            if status != TDEFLStatus::Okay || rest.is_empty() || used == 0 {
                break;
            }
        }
        if matches!(flush, TDEFLFlush::Finish) {
            self.finished = true;
            if self.format == Format::Gzip {
                out.extend_from_slice(&self.crc.to_le_bytes());
                out.extend_from_slice(&(self.total as u32).to_le_bytes());
            }
        }
        out
    }
}

fn level_arg(o: Option<&Obj>) -> PyResult<i64> {
    let level = o.map_or(Ok(-1), protocol::index_i64)?;
    if !(-1..=9).contains(&level) {
        return Err(error("Bad compression level"));
    }
    Ok(level)
}

fn z_compress(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("compress", a, kw, &["", "level", "wbits"], 1, 3, 1)?;
    let data = buffer_arg(v[0].as_ref().unwrap())?;
    let level = level_arg(v[1].as_ref())?;
    let format = format_of(wbits_arg(v[2].as_ref())?, false).ok_or_else(|| error("Bad compression level"))?;
    Ok(bytes::new(Deflater::new(level, format, 0).run(&data, TDEFLFlush::Finish)))
}

// ----- the Compress / Decompress objects -----

#[repr(C)]
struct CompObj {
    head: ObjHeader,
    d: RefCell<Deflater>,
}

#[repr(C)]
struct DecompObj {
    head: ObjHeader,
    inf: RefCell<Inflater>,
    unused_data: RefCell<Obj>,
    unconsumed_tail: RefCell<Obj>,
}

fn obj_types() -> (&'static TypeObject, &'static TypeObject) {
    if let Some(t) = TYPES.with(|t| *t.borrow()) {
        return t;
    }
    let c = super::make_type(comp_spec());
    let d = super::make_type(decomp_spec());
    for t in [c, d] {
        *t.module.borrow_mut() = "zlib".to_string();
    }
    TYPES.with(|t| *t.borrow_mut() = Some((c, d)));
    (c, d)
}

fn comp(o: &Obj) -> PyResult<&CompObj> {
    o.downcast::<CompObj>(obj_types().0).ok_or_else(|| crate::errors::type_error("expected a zlib.Compress object"))
}
fn decomp(o: &Obj) -> PyResult<&DecompObj> {
    o.downcast::<DecompObj>(obj_types().1).ok_or_else(|| crate::errors::type_error("expected a zlib.Decompress object"))
}

fn z_compressobj(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let names = ["level", "method", "wbits", "memLevel", "strategy", "zdict"];
    let v = int::bind_args("compressobj", a, kw, &names, 0, 6, 0)?;
    let level = level_arg(v[0].as_ref())?;
    let method = v[1].as_ref().map_or(Ok(8), protocol::index_i64)?;
    let mem = v[3].as_ref().map_or(Ok(8), protocol::index_i64)?;
    let strategy = v[4].as_ref().map_or(Ok(0), protocol::index_i64)?;
    let format = format_of(wbits_arg(v[2].as_ref())?, false);
    let (Some(format), 8, 1..=9, 0..=4) = (format, method, mem, strategy) else {
        return Err(value_error("Invalid initialization option"));
    };
    if v[5].as_ref().map_or(false, |z| !none::is_none(z)) {
        return Err(crate::errors::not_implemented_error("zlib: zdict is not supported"));
    }
    let d = Deflater::new(level, format, strategy);
    Ok(alloc(obj_types().0, CompObj { head: header(), d: RefCell::new(d) }))
}

fn c_compress(a: &[Obj]) -> PyResult<Obj> {
    let c = comp(&a[0])?;
    let data = buffer_arg(&a[1])?;
    if c.d.borrow().finished {
        return Err(zlib_err("compressing", -2, "inconsistent stream state"));
    }
    Ok(bytes::new(c.d.borrow_mut().run(&data, TDEFLFlush::None)))
}

fn c_flush(a: &[Obj]) -> PyResult<Obj> {
    let c = comp(&a[0])?;
    let mode = a.get(1).map_or(Ok(4), protocol::index_i64)?;
    let flush = match mode {
        0 => return Ok(bytes::new(Vec::new())),
        1 | 2 => TDEFLFlush::Sync,
        3 => TDEFLFlush::Full,
        _ => TDEFLFlush::Finish,
    };
    if c.d.borrow().finished {
        return Err(zlib_err("flushing", -2, "inconsistent stream state"));
    }
    Ok(bytes::new(c.d.borrow_mut().run(&[], flush)))
}

fn z_decompressobj(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("decompressobj", a, kw, &["wbits", "zdict"], 0, 2, 0)?;
    let Some(format) = format_of(wbits_arg(v[0].as_ref())?, true) else {
        return Err(value_error("Invalid initialization option"));
    };
    if v[1].as_ref().map_or(false, |z| bytes::as_bytes_any(z).map_or(true, |b| !b.is_empty())) {
        return Err(crate::errors::not_implemented_error("zlib: zdict is not supported"));
    }
    let empty = bytes::new(Vec::new());
    Ok(alloc(
        obj_types().1,
        DecompObj {
            head: header(),
            inf: RefCell::new(Inflater::new(format)),
            unused_data: RefCell::new(empty.clone()),
            unconsumed_tail: RefCell::new(empty),
        },
    ))
}

/// Runs `data` through the decompressor, updating `unused_data` / `unconsumed_tail`.
fn decomp_run(d: &DecompObj, data: &[u8], max: usize) -> PyResult<Obj> {
    let (out, used) = d.inf.borrow_mut().feed(data, max).map_err(|m| zlib_err("decompressing", -3, m))?;
    let rest = data[used..].to_vec();
    if d.inf.borrow().phase == Phase::Done {
        let mut unused = bytes::as_bytes(&d.unused_data.borrow()).unwrap_or(&[]).to_vec();
        unused.extend_from_slice(&rest);
        *d.unused_data.borrow_mut() = bytes::new(unused);
    }
    // CPython leaves the leftover input in unconsumed_tail even at the end of the stream.
    *d.unconsumed_tail.borrow_mut() = bytes::new(rest);
    Ok(bytes::new(out))
}

fn d_decompress(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("decompress", a, kw, &["", "max_length"], 1, 2, 1)?;
    let d = decomp(o)?;
    let data = buffer_arg(v[0].as_ref().unwrap())?;
    let max = v[1].as_ref().map_or(Ok(0), protocol::index_i64)?;
    if max < 0 {
        return Err(value_error("max_length must be non-negative"));
    }
    if d.inf.borrow().phase == Phase::Done {
        let mut unused = bytes::as_bytes(&d.unused_data.borrow()).unwrap_or(&[]).to_vec();
        unused.extend_from_slice(&data);
        *d.unused_data.borrow_mut() = bytes::new(unused);
        return Ok(bytes::new(Vec::new()));
    }
    decomp_run(d, &data, max as usize)
}

fn d_flush(a: &[Obj]) -> PyResult<Obj> {
    let d = decomp(&a[0])?;
    if let Some(n) = a.get(1) {
        if protocol::index_i64(n)? <= 0 {
            return Err(value_error("length must be greater than zero"));
        }
    }
    let tail = bytes::as_bytes(&d.unconsumed_tail.borrow()).unwrap_or(&[]).to_vec();
    if d.inf.borrow().phase == Phase::Done {
        return Ok(bytes::new(Vec::new()));
    }
    decomp_run(d, &tail, 0)
}

fn d_unused_data(o: &Obj) -> PyResult<Obj> {
    Ok(decomp(o)?.unused_data.borrow().clone())
}
fn d_unconsumed_tail(o: &Obj) -> PyResult<Obj> {
    Ok(decomp(o)?.unconsumed_tail.borrow().clone())
}
fn d_eof(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(decomp(o)?.inf.borrow().phase == Phase::Done))
}

fn comp_spec() -> TypeSpec {
    let mut s = TypeSpec::new("Compress", std::mem::size_of::<CompObj>(), drop_as::<CompObj>);
    s.final_ = true;
    s.methods = vec![
        MethodDef::Method { name: "compress", func: c_compress, min: 2, max: 2 },
        MethodDef::Method { name: "flush", func: c_flush, min: 1, max: 2 },
    ];
    s
}

fn decomp_spec() -> TypeSpec {
    let mut s = TypeSpec::new("Decompress", std::mem::size_of::<DecompObj>(), drop_as::<DecompObj>);
    s.final_ = true;
    s.methods = vec![
        MethodDef::MethodKw { name: "decompress", func: d_decompress },
        MethodDef::Method { name: "flush", func: d_flush, min: 1, max: 2 },
        MethodDef::Getter { name: "unused_data", get: d_unused_data },
        MethodDef::Getter { name: "unconsumed_tail", get: d_unconsumed_tail },
        MethodDef::Getter { name: "eof", get: d_eof },
    ];
    s
}

// ----- checksums and the module -----

fn z_crc32(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("crc32", a, kw, &["", ""], 2, 2, 1)?;
    let data = buffer_arg(v[0].as_ref().unwrap())?;
    Ok(int::from_u64(crc32(&data, crc_start(v[1].as_ref(), 0)?) as u64))
}

fn z_adler32(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("adler32", a, kw, &["", ""], 2, 2, 1)?;
    let data = buffer_arg(v[0].as_ref().unwrap())?;
    Ok(int::from_u64(adler32(&data, crc_start(v[1].as_ref(), 1)?) as u64))
}

/// Creates the `zlib` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("zlib");
    let d = module::dict(&m);
    let err = cached_exception_class("zlib", "error", crate::types::exceptions::exc().exception)?;
    ERROR.with(|e| *e.borrow_mut() = Some(err.clone()));
    dict::set_item_str(&d, "error", err);
    let fns: &[(&'static str, CallFn)] = &[
        ("compress", z_compress), ("decompress", z_decompress), ("compressobj", z_compressobj),
        ("decompressobj", z_decompressobj), ("crc32", z_crc32), ("adler32", z_adler32),
    ];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("zlib", name, *func));
    }
    let consts: &[(&str, i64)] = &[
        ("DEFLATED", 8), ("DEF_BUF_SIZE", 16384), ("DEF_MEM_LEVEL", 8), ("MAX_WBITS", 15),
        ("Z_BEST_COMPRESSION", 9), ("Z_BEST_SPEED", 1), ("Z_BLOCK", 5), ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_DEFAULT_STRATEGY", 0), ("Z_FILTERED", 1), ("Z_FINISH", 4), ("Z_FIXED", 4), ("Z_FULL_FLUSH", 3),
        ("Z_HUFFMAN_ONLY", 2), ("Z_NO_COMPRESSION", 0), ("Z_NO_FLUSH", 0), ("Z_PARTIAL_FLUSH", 1), ("Z_RLE", 3),
        ("Z_SYNC_FLUSH", 2), ("Z_TREES", 6),
    ];
    for (name, v) in consts {
        dict::set_item_str(&d, name, int::from_i64(*v));
    }
    dict::set_item_str(&d, "ZLIB_VERSION", pystr::new("1.2.13"));
    dict::set_item_str(&d, "ZLIB_RUNTIME_VERSION", pystr::new("1.2.13"));
    Ok(m)
}
