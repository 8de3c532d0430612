//! In-memory streams: `_io.BytesIO` (a byte vector and a position; writing past the
//! end pads with zeros) and `_io.StringIO` (code points, so positions are character
//! indexes; newline translation on write as CPython does it).

use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::int::bind_args;
use crate::types::typeobj::{drop_as, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, bytes, int, none, str as pystr, TypeSpec};

use super::{closed_file, size_arg};

// ----- BytesIO -----

#[repr(C)]
pub struct BytesIOObj {
    pub head: ObjHeader,
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
}

fn bio(o: &Obj) -> PyResult<&mut BytesIOObj> {
    if !o.is_small_int() && o.isinstance(super::io_types().bytesio) {
        Ok(unsafe { o.payload_mut::<BytesIOObj>() })
    } else {
        Err(type_error("descriptor requires a '_io.BytesIO' object"))
    }
}

fn bio_open(o: &Obj) -> PyResult<&mut BytesIOObj> {
    let b = bio(o)?;
    if b.closed {
        return Err(closed_file());
    }
    Ok(b)
}

fn bio_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(alloc(super::type_of(cls)?, BytesIOObj { head: header(), buf: Vec::new(), pos: 0, closed: false }))
}

fn bio_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("BytesIO", a, kw, &["initial_bytes"], 0, 1, 0)?;
    let data = match &b[0] {
        Some(v) if !none::is_none(v) => super::bytes_like(v)?,
        _ => Vec::new(),
    };
    let s = bio(o)?;
    s.buf = data;
    s.pos = 0;
    Ok(none::none())
}

fn take_bytes(s: &mut BytesIOObj, n: i64) -> Vec<u8> {
    let start = s.pos.min(s.buf.len());
    let end = if n < 0 { s.buf.len() } else { (start + n as usize).min(s.buf.len()) };
    s.pos = end.max(s.pos);
    s.buf[start..end].to_vec()
}

fn bio_read(a: &[Obj]) -> PyResult<Obj> {
    let n = size_arg(a.get(1))?;
    Ok(bytes::new(take_bytes(bio_open(&a[0])?, n)))
}

fn bytes_readline(s: &mut BytesIOObj, limit: i64) -> Vec<u8> {
    let start = s.pos.min(s.buf.len());
    let rest = &s.buf[start..];
    let mut end = rest.iter().position(|&c| c == b'\n').map_or(rest.len(), |i| i + 1);
    if limit >= 0 {
        end = end.min(limit as usize);
    }
    s.pos = start + end;
    rest[..end].to_vec()
}

fn bio_readline(a: &[Obj]) -> PyResult<Obj> {
    let n = size_arg(a.get(1))?;
    Ok(bytes::new(bytes_readline(bio_open(&a[0])?, n)))
}

fn bio_readinto(a: &[Obj]) -> PyResult<Obj> {
    let n = super::buffer_len(&a[1])?;
    let data = take_bytes(bio_open(&a[0])?, n as i64);
    Ok(int::from_usize(super::fill_buffer(&a[1], &data)?))
}

fn bio_write(a: &[Obj]) -> PyResult<Obj> {
    bio_open(&a[0])?;
    let data = super::bytes_like(&a[1])?;
    let s = bio_open(&a[0])?;
    let end = s.pos + data.len();
    if s.buf.len() < end {
        s.buf.resize(end, 0);
    }
    s.buf[s.pos..end].copy_from_slice(&data);
    s.pos = end;
    Ok(int::from_usize(data.len()))
}

fn bio_getvalue(a: &[Obj]) -> PyResult<Obj> {
    Ok(bytes::new(bio_open(&a[0])?.buf.clone()))
}

fn bio_getbuffer(a: &[Obj]) -> PyResult<Obj> {
    let data = bio_open(&a[0])?.buf.clone();
    protocol::call(&crate::types::types().memoryview.as_obj(), &[bytes::new_bytearray(data)])
}

fn seek_target(pos: i64, whence: i32, cur: usize, len: usize, neg_msg: &str, whence_msg: &str) -> PyResult<usize> {
    let base = match whence {
        0 => {
            if pos < 0 {
                return Err(value_error(format!("{neg_msg} {pos}")));
            }
            0
        }
        1 => cur as i64,
        2 => len as i64,
        w => return Err(value_error(format!("{whence_msg} ({w}, should be 0, 1 or 2)"))),
    };
    Ok((base + pos).max(0) as usize)
}

fn bio_seek(a: &[Obj]) -> PyResult<Obj> {
    let pos = super::fileio::pos_arg(&a[1])?;
    let whence = super::fileio::whence_arg(a.get(2))?;
    let s = bio_open(&a[0])?;
    s.pos = seek_target(pos, whence, s.pos, s.buf.len(), "negative seek value", "invalid whence")?;
    Ok(int::from_usize(s.pos))
}

fn bio_tell(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_usize(bio_open(&a[0])?.pos))
}

fn bio_truncate(a: &[Obj]) -> PyResult<Obj> {
    let s = bio_open(&a[0])?;
    let size = match a.get(1) {
        Some(v) if !none::is_none(v) => protocol::index_i64(v)?,
        _ => s.pos as i64,
    };
    if size < 0 {
        return Err(value_error(format!("negative size value {size}")));
    }
    let s = bio_open(&a[0])?;
    s.buf.truncate(size as usize);
    Ok(int::from_i64(size))
}

fn bio_close(a: &[Obj]) -> PyResult<Obj> {
    let s = bio(&a[0])?;
    s.closed = true;
    s.buf = Vec::new();
    Ok(none::none())
}

fn bio_true(a: &[Obj]) -> PyResult<Obj> {
    bio_open(&a[0])?;
    Ok(pybool::from_bool(true))
}
fn bio_false(a: &[Obj]) -> PyResult<Obj> {
    bio_open(&a[0])?;
    Ok(pybool::from_bool(false))
}
fn bio_flush(a: &[Obj]) -> PyResult<Obj> {
    bio_open(&a[0])?;
    Ok(none::none())
}
fn bio_closed(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(bio(o)?.closed))
}
fn bio_iter(o: &Obj) -> PyResult<Obj> {
    bio_open(o)?;
    Ok(o.clone())
}
fn bio_next(o: &Obj) -> PyResult<Option<Obj>> {
    let line = bytes_readline(bio_open(o)?, -1);
    Ok(if line.is_empty() { None } else { Some(bytes::new(line)) })
}

pub fn make_bytesio_type(base: &'static TypeObject) -> &'static TypeObject {
    super::io_type(TypeSpec::new("BytesIO", std::mem::size_of::<BytesIOObj>(), drop_as::<BytesIOObj>), base)
}

/// BytesIO's construction, iteration and methods (the `_io` gate, io/mod.rs: a program
/// reaches a BytesIO only through names that enable it).
pub(super) fn complete_bytesio(s: &mut TypeSpec) {
    s.slots.new = Some(bio_new);
    s.slots.init = Some(bio_init);
    s.slots.iter = Some(bio_iter);
    s.slots.next = Some(bio_next);
    s.methods.extend([
        MethodDef::Method { name: "read", func: bio_read, min: 1, max: 2 },
        MethodDef::Method { name: "read1", func: bio_read, min: 1, max: 2 },
        MethodDef::Method { name: "readline", func: bio_readline, min: 1, max: 2 },
        MethodDef::Method { name: "readinto", func: bio_readinto, min: 2, max: 2 },
        MethodDef::Method { name: "write", func: bio_write, min: 2, max: 2 },
        MethodDef::Method { name: "getvalue", func: bio_getvalue, min: 1, max: 1 },
        MethodDef::Method { name: "getbuffer", func: bio_getbuffer, min: 1, max: 1 },
        MethodDef::Method { name: "seek", func: bio_seek, min: 2, max: 3 },
        MethodDef::Method { name: "tell", func: bio_tell, min: 1, max: 1 },
        MethodDef::Method { name: "truncate", func: bio_truncate, min: 1, max: 2 },
        MethodDef::Method { name: "close", func: bio_close, min: 1, max: 1 },
        MethodDef::Method { name: "readable", func: bio_true, min: 1, max: 1 },
        MethodDef::Method { name: "writable", func: bio_true, min: 1, max: 1 },
        MethodDef::Method { name: "seekable", func: bio_true, min: 1, max: 1 },
        MethodDef::Method { name: "isatty", func: bio_false, min: 1, max: 1 },
        MethodDef::Method { name: "flush", func: bio_flush, min: 1, max: 1 },
        MethodDef::Getter { name: "closed", get: bio_closed },
    ]);
}

// ----- StringIO -----

#[repr(C)]
pub struct StringIOObj {
    pub head: ObjHeader,
    buf: Vec<char>,
    pos: usize,
    closed: bool,
    newline: Option<String>,
    seen: u8,
}

fn sio(o: &Obj) -> PyResult<&mut StringIOObj> {
    if !o.is_small_int() && o.isinstance(super::io_types().stringio) {
        Ok(unsafe { o.payload_mut::<StringIOObj>() })
    } else {
        Err(type_error("descriptor requires a '_io.StringIO' object"))
    }
}

fn sio_open(o: &Obj) -> PyResult<&mut StringIOObj> {
    let s = sio(o)?;
    if s.closed {
        return Err(closed_file());
    }
    Ok(s)
}

fn sio_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(alloc(super::type_of(cls)?, StringIOObj { head: header(), buf: Vec::new(), pos: 0, closed: false, newline: Some("\n".into()), seen: 0 }))
}

/// Writes text at the position with StringIO's newline rules.
fn sio_put(s: &mut StringIOObj, text: &str) -> usize {
    let n = text.chars().count();
    let t: String = match s.newline.as_deref() {
        None => super::textio::translate_for_stringio(text, &mut s.seen),
        Some("\r") | Some("\r\n") => text.replace('\n', s.newline.as_deref().unwrap()),
        _ => text.to_string(),
    };
    let chars: Vec<char> = t.chars().collect();
    if s.pos > s.buf.len() {
        s.buf.resize(s.pos, '\0');
    }
    let end = s.pos + chars.len();
    if s.buf.len() < end {
        s.buf.resize(end, '\0');
    }
    s.buf[s.pos..end].copy_from_slice(&chars);
    s.pos = end;
    n
}

fn sio_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("StringIO", a, kw, &["initial_value", "newline"], 0, 2, 0)?;
    let newline = match &b[1] {
        None => Some("\n".to_string()),
        Some(v) if none::is_none(v) => None,
        Some(v) => Some(
            pystr::as_str(v).ok_or_else(|| type_error(format!("newline must be str or None, not {}", v.type_name())))?.to_string(),
        ),
    };
    if let Some(nl) = &newline {
        if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(value_error(format!("illegal newline value: {}", pystr::repr_str(nl))));
        }
    }
    let init = match &b[0] {
        Some(v) if !none::is_none(v) => Some(
            pystr::as_str(v)
                .ok_or_else(|| type_error(format!("initial_value must be str or None, not {}", v.type_name())))?
                .to_string(),
        ),
        _ => None,
    };
    let s = sio(o)?;
    s.buf.clear();
    s.pos = 0;
    s.newline = newline;
    s.seen = 0;
    if let Some(t) = init {
        sio_put(s, &t);
        s.pos = 0;
    }
    Ok(none::none())
}

fn sio_read(a: &[Obj]) -> PyResult<Obj> {
    let n = size_arg(a.get(1))?;
    let s = sio_open(&a[0])?;
    let start = s.pos.min(s.buf.len());
    let end = if n < 0 { s.buf.len() } else { (start + n as usize).min(s.buf.len()) };
    s.pos = end.max(s.pos);
    Ok(pystr::from_string(s.buf[start..end].iter().collect()))
}

fn line_len(rest: &[char], newline: Option<&str>) -> usize {
    match newline {
        None | Some("\n") => rest.iter().position(|&c| c == '\n').map_or(rest.len(), |i| i + 1),
        Some("") => match rest.iter().position(|&c| c == '\n' || c == '\r') {
            Some(i) if rest[i] == '\r' && rest.get(i + 1) == Some(&'\n') => i + 2,
            Some(i) => i + 1,
            None => rest.len(),
        },
        Some(nl) => {
            let nl: Vec<char> = nl.chars().collect();
            rest.windows(nl.len()).position(|w| w == nl.as_slice()).map_or(rest.len(), |i| i + nl.len())
        }
    }
}

fn string_readline(s: &mut StringIOObj, limit: i64) -> String {
    let start = s.pos.min(s.buf.len());
    let rest = &s.buf[start..];
    let mut end = line_len(rest, s.newline.as_deref());
    if limit >= 0 {
        end = end.min(limit as usize);
    }
    s.pos = start + end;
    rest[..end].iter().collect()
}

fn sio_readline(a: &[Obj]) -> PyResult<Obj> {
    let n = size_arg(a.get(1))?;
    Ok(pystr::from_string(string_readline(sio_open(&a[0])?, n)))
}

fn sio_write(a: &[Obj]) -> PyResult<Obj> {
    sio_open(&a[0])?;
    let Some(t) = pystr::as_str(&a[1]) else {
        return Err(type_error(format!("string argument expected, got '{}'", a[1].type_name())));
    };
    let t = t.to_string();
    Ok(int::from_usize(sio_put(sio_open(&a[0])?, &t)))
}

fn sio_getvalue(a: &[Obj]) -> PyResult<Obj> {
    Ok(pystr::from_string(sio_open(&a[0])?.buf.iter().collect()))
}

fn sio_seek(a: &[Obj]) -> PyResult<Obj> {
    let pos = super::fileio::pos_arg(&a[1])?;
    let whence = super::fileio::whence_arg(a.get(2))?;
    let s = sio_open(&a[0])?;
    if !(0..=2).contains(&whence) {
        return Err(value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if whence != 0 && pos != 0 {
        return Err(crate::errors::os_error("Can't do nonzero cur-relative seeks"));
    }
    s.pos = seek_target(pos, whence, s.pos, s.buf.len(), "Negative seek position", "Invalid whence")?;
    Ok(int::from_usize(s.pos))
}

fn sio_tell(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_usize(sio_open(&a[0])?.pos))
}

fn sio_truncate(a: &[Obj]) -> PyResult<Obj> {
    let s = sio_open(&a[0])?;
    let size = match a.get(1) {
        Some(v) if !none::is_none(v) => protocol::index_i64(v)?,
        _ => s.pos as i64,
    };
    if size < 0 {
        return Err(value_error(format!("Negative size value {size}")));
    }
    let s = sio_open(&a[0])?;
    s.buf.truncate(size as usize);
    Ok(int::from_i64(size))
}

fn sio_close(a: &[Obj]) -> PyResult<Obj> {
    let s = sio(&a[0])?;
    s.closed = true;
    s.buf = Vec::new();
    Ok(none::none())
}
fn sio_true(a: &[Obj]) -> PyResult<Obj> {
    sio_open(&a[0])?;
    Ok(pybool::from_bool(true))
}
fn sio_closed(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(sio(o)?.closed))
}
fn sio_line_buffering(o: &Obj) -> PyResult<Obj> {
    sio_open(o)?;
    Ok(pybool::from_bool(false))
}
fn sio_newlines(o: &Obj) -> PyResult<Obj> {
    let s = sio_open(o)?;
    if s.newline.is_some() {
        return Ok(none::none());
    }
    Ok(super::textio::newlines_obj(s.seen))
}
fn sio_iter(o: &Obj) -> PyResult<Obj> {
    sio_open(o)?;
    Ok(o.clone())
}
fn sio_next(o: &Obj) -> PyResult<Option<Obj>> {
    let line = string_readline(sio_open(o)?, -1);
    Ok(if line.is_empty() { None } else { Some(pystr::from_string(line)) })
}

pub fn make_stringio_type(base: &'static TypeObject) -> &'static TypeObject {
    super::io_type(TypeSpec::new("StringIO", std::mem::size_of::<StringIOObj>(), drop_as::<StringIOObj>), base)
}

/// StringIO's construction, iteration and methods (the `_io` gate, io/mod.rs).
pub(super) fn complete_stringio(s: &mut TypeSpec) {
    s.slots.new = Some(sio_new);
    s.slots.init = Some(sio_init);
    s.slots.iter = Some(sio_iter);
    s.slots.next = Some(sio_next);
    s.methods.extend([
        MethodDef::Method { name: "read", func: sio_read, min: 1, max: 2 },
        MethodDef::Method { name: "readline", func: sio_readline, min: 1, max: 2 },
        MethodDef::Method { name: "write", func: sio_write, min: 2, max: 2 },
        MethodDef::Method { name: "getvalue", func: sio_getvalue, min: 1, max: 1 },
        MethodDef::Method { name: "seek", func: sio_seek, min: 2, max: 3 },
        MethodDef::Method { name: "tell", func: sio_tell, min: 1, max: 1 },
        MethodDef::Method { name: "truncate", func: sio_truncate, min: 1, max: 2 },
        MethodDef::Method { name: "close", func: sio_close, min: 1, max: 1 },
        MethodDef::Method { name: "readable", func: sio_true, min: 1, max: 1 },
        MethodDef::Method { name: "writable", func: sio_true, min: 1, max: 1 },
        MethodDef::Method { name: "seekable", func: sio_true, min: 1, max: 1 },
        MethodDef::Getter { name: "closed", get: sio_closed },
        MethodDef::Getter { name: "line_buffering", get: sio_line_buffering },
        MethodDef::Getter { name: "newlines", get: sio_newlines },
    ]);
}
