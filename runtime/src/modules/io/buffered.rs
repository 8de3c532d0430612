//! `BufferedReader`, `BufferedWriter`, `BufferedRandom` and `BufferedRWPair`: one Rust
//! payload (a read-ahead buffer and a pending-write buffer over a raw stream) with the
//! operations each class exposes. The raw stream is driven directly when it is a FileIO
//! and through its Python methods otherwise.

use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::int::bind_args;
use crate::types::typeobj::{drop_as, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, bytes, int, none, str as pystr, TypeSpec};

use super::fileio::{self, as_fileio};
use super::{closed_file, size_arg, unsupported, DEFAULT_BUFFER_SIZE};

#[repr(C)]
pub struct BufferedObj {
    pub head: ObjHeader,
    pub raw: Option<Obj>,
    /// BufferedRWPair's writer (reads go to `raw`).
    pub wraw: Option<Obj>,
    pub readable: bool,
    pub writable: bool,
    pub size: usize,
    /// Read-ahead bytes; `rpos` is the next one to hand out.
    pub rbuf: Vec<u8>,
    pub rpos: usize,
    pub wbuf: Vec<u8>,
    pub detached: bool,
    pub kind: &'static str,
}

impl Drop for BufferedObj {
    /// A buffered file dropped while open flushes its pending writes (raw FileIO only:
    /// no Python code runs in a deallocator); the raw stream then closes itself.
    fn drop(&mut self) {
        if self.wbuf.is_empty() {
            return;
        }
        let raw = self.wraw.as_ref().or(self.raw.as_ref());
        if let Some(f) = raw.and_then(as_fileio) {
            if f.fd >= 0 {
                fileio::write_all_fd(f.fd, &self.wbuf);
            }
        }
    }
}

pub fn as_buffered(o: &Obj) -> Option<&mut BufferedObj> {
    let t = super::io_types();
    if o.is_small_int() {
        return None;
    }
    let ty = o.ty();
    if ty.is_subtype(t.buffered_reader) || ty.is_subtype(t.buffered_writer) || ty.is_subtype(t.buffered_random) || ty.is_subtype(t.buffered_rwpair) {
        Some(unsafe { o.payload_mut::<BufferedObj>() })
    } else {
        None
    }
}

fn this(o: &Obj) -> PyResult<&mut BufferedObj> {
    as_buffered(o).ok_or_else(|| type_error("descriptor requires a buffered object"))
}

/// The payload after the "detached" and "uninitialized" checks.
fn attached(o: &Obj) -> PyResult<&mut BufferedObj> {
    let b = this(o)?;
    if b.detached {
        return Err(value_error("raw stream has been detached"));
    }
    if b.raw.is_none() {
        return Err(value_error("I/O operation on uninitialized object"));
    }
    Ok(b)
}

fn raw_of(b: &BufferedObj) -> Obj {
    b.raw.clone().unwrap()
}
fn wraw_of(b: &BufferedObj) -> Obj {
    b.wraw.clone().or_else(|| b.raw.clone()).unwrap()
}

// ----- raw stream access -----

fn raw_closed(raw: &Obj) -> PyResult<bool> {
    match as_fileio(raw) {
        Some(f) => Ok(f.fd < 0),
        None => super::is_closed(raw),
    }
}

fn raw_read(raw: &Obj, n: usize) -> PyResult<Option<Vec<u8>>> {
    if let Some(f) = as_fileio(raw).filter(|_| raw.is_exact(super::io_types().fileio)) {
        if f.fd < 0 {
            return Err(value_error("I/O operation on closed file"));
        }
        if !f.readable {
            return Err(unsupported("File not open for reading"));
        }
        return fileio::read_fd(f.fd, n);
    }
    let r = protocol::call_method(raw, "read", &[int::from_usize(n)])?;
    if none::is_none(&r) {
        return Ok(None);
    }
    super::bytes_like(&r).map(Some)
}

fn raw_readall(raw: &Obj) -> PyResult<Option<Vec<u8>>> {
    if let Some(f) = as_fileio(raw).filter(|_| raw.is_exact(super::io_types().fileio)) {
        if f.fd < 0 {
            return Err(value_error("I/O operation on closed file"));
        }
        return fileio::readall_fd(f.fd);
    }
    let r = match protocol::getattr_opt(raw, &pystr::intern("readall"))? {
        Some(m) => protocol::call(&m, &[])?,
        None => return raw_read(raw, usize::MAX >> 1),
    };
    if none::is_none(&r) {
        return Ok(None);
    }
    super::bytes_like(&r).map(Some)
}

fn raw_write(raw: &Obj, data: &[u8]) -> PyResult<Option<usize>> {
    if let Some(f) = as_fileio(raw).filter(|_| raw.is_exact(super::io_types().fileio)) {
        if f.fd < 0 {
            return Err(value_error("I/O operation on closed file"));
        }
        if !f.writable {
            return Err(unsupported("File not open for writing"));
        }
        return fileio::write_fd(f.fd, data);
    }
    let r = protocol::call_method(raw, "write", &[bytes::new(data.to_vec())])?;
    if none::is_none(&r) {
        return Ok(None);
    }
    Ok(Some(protocol::index_i64(&r)?.max(0) as usize))
}

fn raw_seek(raw: &Obj, pos: i64, whence: i32) -> PyResult<i64> {
    if let Some(f) = as_fileio(raw).filter(|_| raw.is_exact(super::io_types().fileio)) {
        if f.fd < 0 {
            return Err(value_error("I/O operation on closed file"));
        }
        return fileio::lseek_fd(f.fd, pos, whence);
    }
    let r = protocol::call_method(raw, "seek", &[int::from_i64(pos), int::from_i64(whence as i64)])?;
    let p = protocol::index_i64(&r)?;
    if p < 0 {
        return Err(crate::errors::os_error(format!("Raw stream returned invalid position {p}")));
    }
    Ok(p)
}

// ----- core operations (also used by TextIOWrapper) -----

/// The payload of an open stream; `op` names the operation in the "closed" error
/// ("read of closed file"), None for the generic message.
fn check_open<'a>(o: &'a Obj, op: Option<&str>) -> PyResult<&'a mut BufferedObj> {
    let b = attached(o)?;
    if raw_closed(&raw_of(b))? {
        return Err(match op {
            Some(op) => value_error(format!("{op} of closed file")),
            None => closed_file(),
        });
    }
    Ok(attached(o)?)
}

/// Writes the pending bytes to the raw stream.
pub fn flush_writes(o: &Obj) -> PyResult<()> {
    let b = attached(o)?;
    if b.wbuf.is_empty() {
        return Ok(());
    }
    let raw = wraw_of(b);
    let data = std::mem::take(&mut b.wbuf);
    let mut done = 0;
    while done < data.len() {
        match raw_write(&raw, &data[done..]) {
            Ok(Some(k)) => done += k,
            Ok(None) => {
                this(o)?.wbuf = data[done..].to_vec();
                return Err(crate::errors::new_error(crate::types::exceptions::exc().blocking_io_error, "write could not complete without blocking"));
            }
            Err(e) => {
                let b = this(o)?;
                let mut rest = data[done..].to_vec();
                rest.extend_from_slice(&b.wbuf);
                b.wbuf = rest;
                return Err(e);
            }
        }
    }
    Ok(())
}

/// Drops the read-ahead, moving the raw position back to the logical one.
fn drop_readahead(o: &Obj) -> PyResult<()> {
    let b = attached(o)?;
    let ahead = b.rbuf.len() - b.rpos;
    b.rbuf.clear();
    b.rpos = 0;
    if ahead > 0 && b.wraw.is_none() {
        raw_seek(&raw_of(b), -(ahead as i64), 1)?;
    }
    Ok(())
}

/// `read(n)` (`n < 0`: to EOF). `None` when nothing is available without blocking.
pub fn read(o: &Obj, n: i64) -> PyResult<Option<Vec<u8>>> {
    let b = check_open(o, Some("read"))?;
    if !b.readable {
        return Err(unsupported("read"));
    }
    if !b.wbuf.is_empty() {
        flush_writes(o)?;
    }
    let b = attached(o)?;
    let mut out = b.rbuf[b.rpos..].to_vec();
    b.rbuf.clear();
    b.rpos = 0;
    let raw = raw_of(b);
    if n < 0 {
        return match raw_readall(&raw)? {
            Some(rest) => {
                out.extend_from_slice(&rest);
                Ok(Some(out))
            }
            None if out.is_empty() => Ok(None),
            None => Ok(Some(out)),
        };
    }
    let n = n as usize;
    if out.len() >= n {
        let b = attached(o)?;
        b.rbuf = out.split_off(n);
        return Ok(Some(out));
    }
    let size = b.size;
    while out.len() < n {
        let want = n - out.len();
        let chunk = match raw_read(&raw, if want >= size { want } else { size })? {
            None if out.is_empty() => return Ok(None),
            None => break,
            Some(c) => c,
        };
        if chunk.is_empty() {
            break;
        }
        out.extend_from_slice(&chunk);
    }
    if out.len() > n {
        let b = attached(o)?;
        b.rbuf = out.split_off(n);
    }
    Ok(Some(out))
}

/// At most one raw read: `read1(n)`.
pub fn read1(o: &Obj, n: i64) -> PyResult<Vec<u8>> {
    let b = check_open(o, Some("read"))?;
    if !b.readable {
        return Err(unsupported("read1"));
    }
    if !b.wbuf.is_empty() {
        flush_writes(o)?;
    }
    let b = attached(o)?;
    let n = if n < 0 { b.size } else { n as usize };
    if n == 0 {
        return Ok(Vec::new());
    }
    if b.rpos < b.rbuf.len() {
        let k = n.min(b.rbuf.len() - b.rpos);
        let out = b.rbuf[b.rpos..b.rpos + k].to_vec();
        b.rpos += k;
        return Ok(out);
    }
    b.rbuf.clear();
    b.rpos = 0;
    let (raw, size) = (raw_of(b), b.size);
    let mut chunk = raw_read(&raw, n.max(size))?.unwrap_or_default();
    if chunk.len() > n {
        let b = attached(o)?;
        b.rbuf = chunk.split_off(n);
    }
    Ok(chunk)
}

fn peek(o: &Obj) -> PyResult<Vec<u8>> {
    let b = check_open(o, Some("peek"))?;
    if !b.readable {
        return Err(unsupported("peek"));
    }
    if !b.wbuf.is_empty() {
        flush_writes(o)?;
    }
    let b = attached(o)?;
    if b.rpos >= b.rbuf.len() {
        let (raw, size) = (raw_of(b), b.size);
        let chunk = raw_read(&raw, size)?.unwrap_or_default();
        let b = attached(o)?;
        b.rbuf = chunk;
        b.rpos = 0;
    }
    let b = attached(o)?;
    Ok(b.rbuf[b.rpos..].to_vec())
}

/// `readline(limit)` (`limit < 0`: no limit).
pub fn readline(o: &Obj, limit: i64) -> PyResult<Vec<u8>> {
    let b = check_open(o, Some("readline"))?;
    if !b.readable {
        return Err(unsupported("read"));
    }
    if !b.wbuf.is_empty() {
        flush_writes(o)?;
    }
    let mut out = Vec::new();
    loop {
        let b = attached(o)?;
        let avail = &b.rbuf[b.rpos..];
        let room = if limit < 0 { usize::MAX } else { limit as usize - out.len() };
        let scan = &avail[..avail.len().min(room)];
        if let Some(i) = scan.iter().position(|&c| c == b'\n') {
            out.extend_from_slice(&scan[..=i]);
            b.rpos += i + 1;
            return Ok(out);
        }
        out.extend_from_slice(scan);
        b.rpos += scan.len();
        if limit >= 0 && out.len() >= limit as usize {
            return Ok(out);
        }
        let (raw, size) = (raw_of(b), b.size);
        let chunk = raw_read(&raw, size)?.unwrap_or_default();
        if chunk.is_empty() {
            return Ok(out);
        }
        let b = attached(o)?;
        b.rbuf = chunk;
        b.rpos = 0;
    }
}

/// `write(data)`: buffered, flushed when the buffer fills.
pub fn write(o: &Obj, data: &[u8]) -> PyResult<usize> {
    let b = attached(o)?;
    if !b.writable {
        return Err(unsupported("write"));
    }
    if raw_closed(&wraw_of(b))? {
        return Err(value_error("write to closed file"));
    }
    if b.rpos < b.rbuf.len() || !b.rbuf.is_empty() {
        drop_readahead(o)?;
    }
    let b = attached(o)?;
    b.wbuf.extend_from_slice(data);
    if b.wbuf.len() >= b.size {
        flush_writes(o)?;
    }
    Ok(data.len())
}

pub fn tell(o: &Obj) -> PyResult<i64> {
    let b = attached(o)?;
    let raw = raw_of(b);
    let pos = raw_seek(&raw, 0, 1)?;
    let b = attached(o)?;
    Ok(pos - (b.rbuf.len() - b.rpos) as i64 + b.wbuf.len() as i64)
}

pub fn seek(o: &Obj, pos: i64, whence: i32) -> PyResult<i64> {
    if !(0..=2).contains(&whence) {
        return Err(value_error(format!("whence value {whence} unsupported")));
    }
    check_open(o, Some("seek"))?;
    flush_writes(o)?;
    let b = attached(o)?;
    let ahead = (b.rbuf.len() - b.rpos) as i64;
    let target = if whence == 1 { pos - ahead } else { pos };
    b.rbuf.clear();
    b.rpos = 0;
    raw_seek(&raw_of(b), target, whence)
}

pub fn flush(o: &Obj) -> PyResult<()> {
    let writable = attached(o)?.writable;
    check_open(o, if writable { Some("flush") } else { None })?;
    let b = attached(o)?;
    if b.writable {
        flush_writes(o)?;
    }
    Ok(())
}

pub fn close(o: &Obj) -> PyResult<()> {
    let b = attached(o)?;
    let raw = raw_of(b);
    if raw_closed(&raw)? {
        return Ok(());
    }
    let r = if b.writable { flush_writes(o) } else { Ok(()) };
    let b = attached(o)?;
    b.rbuf.clear();
    b.rpos = 0;
    if let Some(w) = b.wraw.clone() {
        protocol::call_method(&w, "close", &[])?;
    }
    protocol::call_method(&raw, "close", &[])?;
    r
}

pub fn is_closed(o: &Obj) -> PyResult<bool> {
    let b = attached(o)?;
    raw_closed(&raw_of(b))
}

// ----- Python-visible methods -----

fn b_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let t = super::type_of(cls)?;
    let st = super::io_types();
    let kind = if t.is_subtype(st.buffered_random) {
        "BufferedRandom"
    } else if t.is_subtype(st.buffered_writer) {
        "BufferedWriter"
    } else if t.is_subtype(st.buffered_rwpair) {
        "BufferedRWPair"
    } else {
        "BufferedReader"
    };
    let b = BufferedObj { head: header(), raw: None, wraw: None, readable: false, writable: false, size: DEFAULT_BUFFER_SIZE, rbuf: Vec::new(), rpos: 0, wbuf: Vec::new(), detached: false, kind };
    Ok(alloc(t, b))
}

fn size_param(o: &Option<Obj>) -> PyResult<usize> {
    let n = match o {
        Some(v) => protocol::index_i64(v)?,
        None => DEFAULT_BUFFER_SIZE as i64,
    };
    if n <= 0 {
        return Err(value_error("buffer size must be strictly positive"));
    }
    Ok(n as usize)
}

fn check_raw(raw: &Obj, method: &str, what: &str) -> PyResult<()> {
    if !protocol::is_true(&protocol::call_method(raw, method, &[])?)? {
        return Err(unsupported(&format!("File or stream is not {what}.")));
    }
    Ok(())
}

fn b_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let kind = this(o)?.kind;
    let (raw, wraw, size) = if kind == "BufferedRWPair" {
        let b = bind_args("BufferedRWPair", a, kw, &["reader", "writer", "buffer_size"], 3, 3, 2)?;
        let (r, w) = (b[0].clone().unwrap(), b[1].clone().unwrap());
        check_raw(&r, "readable", "readable")?;
        check_raw(&w, "writable", "writable")?;
        (r, Some(w), size_param(&b[2])?)
    } else {
        let b = bind_args(kind, a, kw, &["raw", "buffer_size"], 0, 2, 1)?;
        let raw = b[0].clone().unwrap();
        if kind != "BufferedWriter" {
            check_raw(&raw, "readable", "readable")?;
        }
        if kind != "BufferedReader" {
            check_raw(&raw, "writable", "writable")?;
        }
        if kind == "BufferedRandom" {
            check_raw(&raw, "seekable", "seekable")?;
        }
        (raw, None, size_param(&b[1])?)
    };
    let b = this(o)?;
    b.readable = kind != "BufferedWriter";
    b.writable = kind != "BufferedReader";
    b.raw = Some(raw);
    b.wraw = wraw;
    b.size = size;
    b.rbuf.clear();
    b.rpos = 0;
    b.wbuf.clear();
    b.detached = false;
    Ok(none::none())
}

fn bytes_or_none(v: Option<Vec<u8>>) -> Obj {
    v.map_or_else(none::none, bytes::new)
}

fn m_read(a: &[Obj]) -> PyResult<Obj> {
    let n = size_arg(a.get(1))?;
    if n < -1 {
        return Err(value_error("read length must be non-negative or -1"));
    }
    read(&a[0], n).map(bytes_or_none)
}
fn m_read1(a: &[Obj]) -> PyResult<Obj> {
    read1(&a[0], size_arg(a.get(1))?).map(bytes::new)
}
fn m_peek(a: &[Obj]) -> PyResult<Obj> {
    peek(&a[0]).map(bytes::new)
}
fn m_readline(a: &[Obj]) -> PyResult<Obj> {
    readline(&a[0], size_arg(a.get(1))?).map(bytes::new)
}
fn m_readinto(a: &[Obj]) -> PyResult<Obj> {
    check_open(&a[0], Some("readinto"))?;
    let n = super::buffer_len(&a[1])?;
    let data = read(&a[0], n as i64)?.unwrap_or_default();
    Ok(int::from_usize(super::fill_buffer(&a[1], &data)?))
}
fn m_readinto1(a: &[Obj]) -> PyResult<Obj> {
    let n = super::buffer_len(&a[1])?;
    let data = read1(&a[0], n as i64)?;
    Ok(int::from_usize(super::fill_buffer(&a[1], &data)?))
}
fn m_write(a: &[Obj]) -> PyResult<Obj> {
    let data = super::bytes_like(&a[1])?;
    write(&a[0], &data).map(int::from_usize)
}
fn m_flush(a: &[Obj]) -> PyResult<Obj> {
    flush(&a[0]).map(|_| none::none())
}
fn m_close(a: &[Obj]) -> PyResult<Obj> {
    close(&a[0]).map(|_| none::none())
}
fn m_seek(a: &[Obj]) -> PyResult<Obj> {
    let pos = fileio::pos_arg(&a[1])?;
    let whence = fileio::whence_arg(a.get(2))?;
    seek(&a[0], pos, whence).map(int::from_i64)
}
fn m_tell(a: &[Obj]) -> PyResult<Obj> {
    tell(&a[0]).map(int::from_i64)
}
fn m_truncate(a: &[Obj]) -> PyResult<Obj> {
    check_open(&a[0], Some("truncate"))?;
    if !this(&a[0])?.writable {
        return Err(unsupported("truncate"));
    }
    flush_writes(&a[0])?;
    let pos = match a.get(1) {
        Some(v) if !none::is_none(v) => v.clone(),
        _ => int::from_i64(tell(&a[0])?),
    };
    drop_readahead(&a[0])?;
    let raw = raw_of(attached(&a[0])?);
    protocol::call_method(&raw, "truncate", &[pos])
}
fn m_detach(a: &[Obj]) -> PyResult<Obj> {
    flush(&a[0])?;
    let b = attached(&a[0])?;
    b.detached = true;
    Ok(b.raw.take().unwrap())
}

/// A method forwarded to the raw stream.
fn forward(a: &[Obj], name: &str) -> PyResult<Obj> {
    let raw = raw_of(attached(&a[0])?);
    protocol::call_method(&raw, name, &[])
}
fn m_fileno(a: &[Obj]) -> PyResult<Obj> {
    forward(a, "fileno")
}
fn m_isatty(a: &[Obj]) -> PyResult<Obj> {
    forward(a, "isatty")
}
fn m_seekable(a: &[Obj]) -> PyResult<Obj> {
    forward(a, "seekable")
}
fn m_readable(a: &[Obj]) -> PyResult<Obj> {
    Ok(pybool::from_bool(this(&a[0])?.readable && protocol::is_true(&forward(a, "readable")?)?))
}
fn m_writable(a: &[Obj]) -> PyResult<Obj> {
    let b = attached(&a[0])?;
    let w = wraw_of(b);
    Ok(pybool::from_bool(b.writable && protocol::is_true(&protocol::call_method(&w, "writable", &[])?)?))
}
fn g_raw(o: &Obj) -> PyResult<Obj> {
    Ok(raw_of(attached(o)?))
}
fn g_closed(o: &Obj) -> PyResult<Obj> {
    is_closed(o).map(pybool::from_bool)
}
fn g_name(o: &Obj) -> PyResult<Obj> {
    protocol::getattr_str(&raw_of(attached(o)?), "name")
}
fn g_mode(o: &Obj) -> PyResult<Obj> {
    protocol::getattr_str(&raw_of(attached(o)?), "mode")
}

fn b_repr(o: &Obj) -> PyResult<Obj> {
    let tn = o.ty().full_name();
    let b = this(o)?;
    if b.detached || b.raw.is_none() {
        return Ok(pystr::from_string(format!("<{tn}>")));
    }
    match protocol::getattr_opt(&raw_of(b), &pystr::intern("name")) {
        Ok(Some(n)) => Ok(pystr::from_string(format!("<{tn} name={}>", protocol::repr_string(&n)?))),
        Ok(None) => Ok(pystr::from_string(format!("<{tn}>"))),
        Err(e) if e.matches(crate::types::exceptions::exc().value_error) => Ok(pystr::from_string(format!("<{tn}>"))),
        Err(e) => Err(e),
    }
}

fn b_next(o: &Obj) -> PyResult<Option<Obj>> {
    let line = readline(o, -1)?;
    Ok(if line.is_empty() { None } else { Some(bytes::new(line)) })
}

fn b_iter(o: &Obj) -> PyResult<Obj> {
    check_open(o, None)?;
    Ok(o.clone())
}

fn spec(name: &'static str, writes: bool) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<BufferedObj>(), drop_as::<BufferedObj>);
    s.slots.new = Some(b_new);
    s.slots.init = Some(b_init);
    s.slots.repr = Some(b_repr);
    let mut m = vec![
        MethodDef::Method { name: "flush", func: m_flush, min: 1, max: 1 },
        MethodDef::Method { name: "close", func: m_close, min: 1, max: 1 },
        MethodDef::Method { name: "fileno", func: m_fileno, min: 1, max: 1 },
        MethodDef::Method { name: "isatty", func: m_isatty, min: 1, max: 1 },
        MethodDef::Method { name: "seekable", func: m_seekable, min: 1, max: 1 },
        MethodDef::Method { name: "readable", func: m_readable, min: 1, max: 1 },
        MethodDef::Method { name: "writable", func: m_writable, min: 1, max: 1 },
        MethodDef::Getter { name: "closed", get: g_closed },
        MethodDef::Getter { name: "name", get: g_name },
        MethodDef::Getter { name: "mode", get: g_mode },
    ];
    if name != "BufferedRWPair" {
        m.push(MethodDef::Getter { name: "raw", get: g_raw });
    }
    if writes {
        m.push(MethodDef::Method { name: "write", func: m_write, min: 2, max: 2 });
    }
    s.methods = m;
    s
}

/// A buffered type's reading, positioning and iteration (the `_io` gate, io/mod.rs).
pub(super) fn complete(s: &mut TypeSpec) {
    s.slots.iter = Some(b_iter);
    s.slots.next = Some(b_next);
    let m = &mut s.methods;
    m.push(MethodDef::Method { name: "detach", func: m_detach, min: 1, max: 1 });
    if s.name != "BufferedRWPair" {
        m.push(MethodDef::Method { name: "seek", func: m_seek, min: 2, max: 3 });
        m.push(MethodDef::Method { name: "tell", func: m_tell, min: 1, max: 1 });
        m.push(MethodDef::Method { name: "truncate", func: m_truncate, min: 1, max: 2 });
    }
    if s.name != "BufferedWriter" {
        m.push(MethodDef::Method { name: "read", func: m_read, min: 1, max: 2 });
        m.push(MethodDef::Method { name: "read1", func: m_read1, min: 1, max: 2 });
        m.push(MethodDef::Method { name: "peek", func: m_peek, min: 1, max: 2 });
        m.push(MethodDef::Method { name: "readline", func: m_readline, min: 1, max: 2 });
        m.push(MethodDef::Method { name: "readinto", func: m_readinto, min: 2, max: 2 });
        m.push(MethodDef::Method { name: "readinto1", func: m_readinto1, min: 2, max: 2 });
    }
}

/// BufferedReader, BufferedWriter, BufferedRandom, BufferedRWPair.
pub fn types(base: &'static TypeObject) -> (&'static TypeObject, &'static TypeObject, &'static TypeObject, &'static TypeObject) {
    let t = |name, w| super::io_type(spec(name, w), base);
    (t("BufferedReader", false), t("BufferedWriter", true), t("BufferedRandom", true), t("BufferedRWPair", true))
}
