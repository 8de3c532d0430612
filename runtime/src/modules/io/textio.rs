//! `_io.TextIOWrapper` (text over a buffered binary stream: incremental decoding of
//! UTF-8/Latin-1/ASCII, universal newlines and newline translation, line buffering,
//! `tell`/`seek` as byte positions) and `_io.IncrementalNewlineDecoder`.
//!
//! Decoded text is kept untranslated (`decoded[dpos..]` is what is left of the last
//! chunks), so `tell()` is the buffer position minus the encoded length of that rest
//! minus the undecoded tail — the byte offset CPython's cookie also is whenever the
//! decoder holds no state.
//!
//! Written text is encoded at once but, as in CPython, held in `wpending` (up to
//! `CHUNK` bytes) before it reaches the buffer: bytes written to `.buffer` directly
//! meanwhile come out first. Every operation that uses the buffer pushes it down first.

use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::int::bind_args;
use crate::types::typeobj::{drop_as, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, bytes, dict, int, none, str as pystr, tuple, TypeSpec};

use super::buffered;
use super::{closed_file, size_arg, unsupported};

const CHUNK: i64 = 8192;
const SEEN_CR: u8 = 1;
const SEEN_LF: u8 = 2;
const SEEN_CRLF: u8 = 4;

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    OneByte,
}

#[repr(C)]
pub struct TextObj {
    pub head: ObjHeader,
    buffer: Option<Obj>,
    encoding: String,
    codec: Codec,
    errors: String,
    newline: Option<String>,
    line_buffering: bool,
    write_through: bool,
    decoded: String,
    dpos: usize,
    pending: Vec<u8>,
    /// Encoded text not yet handed to the buffer.
    wpending: Vec<u8>,
    eof: bool,
    seen: u8,
    readable: bool,
    writable: bool,
    seekable: bool,
    detached: bool,
}

impl Drop for TextObj {
    /// A wrapper dropped with written text still pending hands it to its buffer when
    /// that is one of ours (no Python code runs in a deallocator); the buffer flushes it
    /// when it goes in turn.
    fn drop(&mut self) {
        if self.wpending.is_empty() {
            return;
        }
        if let Some(b) = self.buffer.as_ref().filter(|b| ours(b)).and_then(buffered::as_buffered) {
            b.wbuf.extend_from_slice(&self.wpending);
        }
    }
}

impl TextObj {
    fn universal(&self) -> bool {
        matches!(self.newline.as_deref(), None | Some(""))
    }
    fn translate(&self) -> bool {
        self.newline.is_none()
    }
}

fn this(o: &Obj) -> PyResult<&mut TextObj> {
    if !o.is_small_int() && o.isinstance(super::io_types().textiowrapper) {
        Ok(unsafe { o.payload_mut::<TextObj>() })
    } else {
        Err(type_error("descriptor requires a '_io.TextIOWrapper' object"))
    }
}

fn attached(o: &Obj) -> PyResult<&mut TextObj> {
    let t = this(o)?;
    if t.detached {
        return Err(value_error("underlying buffer has been detached"));
    }
    if t.buffer.is_none() {
        return Err(value_error("I/O operation on uninitialized object"));
    }
    Ok(t)
}

fn buf(o: &Obj) -> PyResult<Obj> {
    Ok(attached(o)?.buffer.clone().unwrap())
}

/// Hands the pending written text to the buffer (CPython's `_textiowrapper_writeflush`):
/// the bytes leave `wpending` even when the buffer's write fails.
fn push_pending(o: &Obj) -> PyResult<()> {
    let t = attached(o)?;
    if t.wpending.is_empty() {
        return Ok(());
    }
    let mut data = std::mem::take(&mut t.wpending);
    let r = buf_write(&t.buffer.clone().unwrap(), &data);
    // Keep the allocation for the next writes.
    data.clear();
    if let Ok(t) = attached(o) {
        if t.wpending.is_empty() {
            t.wpending = data;
        }
    }
    r
}

// ----- the buffer below: ours directly, anything else through Python -----

fn ours(b: &Obj) -> bool {
    let t = super::io_types();
    b.is_exact(t.buffered_reader) || b.is_exact(t.buffered_writer) || b.is_exact(t.buffered_random)
}

fn buf_closed(b: &Obj) -> PyResult<bool> {
    if ours(b) {
        return buffered::is_closed(b);
    }
    super::is_closed(b)
}

fn buf_read(b: &Obj, n: i64, one: bool) -> PyResult<Vec<u8>> {
    if ours(b) {
        return Ok(if one { buffered::read1(b, n)? } else { buffered::read(b, n)?.unwrap_or_default() });
    }
    let name = if one && protocol::getattr_opt(b, &pystr::intern("read1"))?.is_some() { "read1" } else { "read" };
    let r = protocol::call_method(b, name, &[int::from_i64(n)])?;
    if none::is_none(&r) {
        return Ok(Vec::new());
    }
    match bytes::buffer_data(&r) {
        Some(d) => Ok(d),
        None => Err(type_error(format!("underlying {name}() should have returned a bytes-like object, not '{}'", r.type_name()))),
    }
}

fn buf_write(b: &Obj, data: &[u8]) -> PyResult<()> {
    if ours(b) {
        buffered::write(b, data)?;
    } else {
        protocol::call_method(b, "write", &[bytes::new(data.to_vec())])?;
    }
    Ok(())
}

fn buf_flush(b: &Obj) -> PyResult<()> {
    if ours(b) {
        buffered::flush(b)
    } else {
        protocol::call_method(b, "flush", &[]).map(|_| ())
    }
}

fn buf_tell(b: &Obj) -> PyResult<i64> {
    if ours(b) {
        buffered::tell(b)
    } else {
        protocol::index_i64(&protocol::call_method(b, "tell", &[])?)
    }
}

fn buf_seek(b: &Obj, pos: i64, whence: i32) -> PyResult<i64> {
    if ours(b) {
        buffered::seek(b, pos, whence)
    } else {
        protocol::index_i64(&protocol::call_method(b, "seek", &[int::from_i64(pos), int::from_i64(whence as i64)])?)
    }
}

// ----- decoding -----

/// The number of bytes at the end of `d` that start an incomplete UTF-8 sequence.
fn utf8_incomplete_tail(d: &[u8]) -> usize {
    for i in 1..=d.len().min(3) {
        let b = d[d.len() - i];
        if b & 0xC0 == 0x80 {
            continue;
        }
        let need = if b >= 0xF0 { 4 } else if b >= 0xE0 { 3 } else if b >= 0xC0 { 2 } else { 1 };
        return if need > i { i } else { 0 };
    }
    0
}

fn decode_more(o: &Obj, data: Vec<u8>, final_: bool) -> PyResult<()> {
    let t = attached(o)?;
    let mut all = std::mem::take(&mut t.pending);
    all.extend_from_slice(&data);
    let keep = if final_ || t.codec != Codec::Utf8 { 0 } else { utf8_incomplete_tail(&all) };
    let tail = all.split_off(all.len() - keep);
    let s = if all.is_empty() { String::new() } else { bytes::decode(&all, &t.encoding, &t.errors, &bytes::new(all.clone()))? };
    let t = attached(o)?;
    t.pending = tail;
    if t.dpos > 0 {
        t.decoded.drain(..t.dpos);
        t.dpos = 0;
    }
    t.decoded.push_str(&s);
    Ok(())
}

/// Decodes one more chunk; false at end of file.
fn fill(o: &Obj) -> PyResult<bool> {
    let t = attached(o)?;
    if t.eof {
        return Ok(false);
    }
    let chunk = buf_read(&buf(o)?, CHUNK, true)?;
    if chunk.is_empty() {
        attached(o)?.eof = true;
        decode_more(o, Vec::new(), true)?;
        return Ok(false);
    }
    decode_more(o, chunk, false)?;
    Ok(true)
}

fn reset_read(t: &mut TextObj) {
    t.decoded.clear();
    t.dpos = 0;
    t.pending.clear();
    t.eof = false;
}

/// Universal newlines: records which newlines were seen and, when translating, turns
/// "\r\n" and "\r" into "\n".
fn translate_text(s: &str, translate: bool, seen: &mut u8) -> String {
    if !s.contains('\r') {
        if s.contains('\n') {
            *seen |= SEEN_LF;
        }
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\r' if it.peek() == Some(&'\n') => {
                it.next();
                *seen |= SEEN_CRLF;
                out.push_str(if translate { "\n" } else { "\r\n" });
            }
            '\r' => {
                *seen |= SEEN_CR;
                out.push(if translate { '\n' } else { '\r' });
            }
            '\n' => {
                *seen |= SEEN_LF;
                out.push('\n');
            }
            c => out.push(c),
        }
    }
    out
}

/// StringIO(newline=None): newlines are translated on the way in.
pub fn translate_for_stringio(s: &str, seen: &mut u8) -> String {
    translate_text(s, true, seen)
}

fn check_readable(o: &Obj) -> PyResult<()> {
    let t = attached(o)?;
    if buf_closed(&t.buffer.clone().unwrap())? {
        return Err(closed_file());
    }
    if !attached(o)?.readable {
        return Err(unsupported("not readable"));
    }
    Ok(())
}

fn finish(o: &Obj, raw: String) -> PyResult<Obj> {
    let t = attached(o)?;
    if !t.universal() {
        return Ok(pystr::from_string(raw));
    }
    let tr = t.translate();
    Ok(pystr::from_string(translate_text(&raw, tr, &mut t.seen)))
}

pub fn read(o: &Obj, n: i64) -> PyResult<Obj> {
    check_readable(o)?;
    push_pending(o)?;
    if n < 0 {
        let rest = buf_read(&buf(o)?, -1, false)?;
        decode_more(o, rest, true)?;
        let t = attached(o)?;
        t.eof = true;
        let raw = t.decoded[t.dpos..].to_string();
        t.dpos = t.decoded.len();
        return finish(o, raw);
    }
    let mut raw = String::new();
    let mut count = 0;
    while count < n {
        let t = attached(o)?;
        let universal = t.translate();
        let rem = &t.decoded[t.dpos..];
        let Some(c) = rem.chars().next() else {
            if !fill(o)? {
                break;
            }
            continue;
        };
        if c == '\r' && universal && rem.len() == 1 && !t.eof && fill(o)? {
            continue;
        }
        let t = attached(o)?;
        let rem = &t.decoded[t.dpos..];
        let len = if c == '\r' && universal && rem.as_bytes().get(1) == Some(&b'\n') { 2 } else { c.len_utf8() };
        raw.push_str(&rem[..len]);
        t.dpos += len;
        count += 1;
    }
    finish(o, raw)
}

/// The length of the first line of `rem` (None: the end is not in sight yet).
fn line_end(rem: &str, newline: Option<&str>, eof: bool) -> Option<usize> {
    match newline {
        None | Some("") => {
            let i = rem.find(['\r', '\n'])?;
            if rem.as_bytes()[i] == b'\n' {
                return Some(i + 1);
            }
            match rem.as_bytes().get(i + 1) {
                Some(b'\n') => Some(i + 2),
                Some(_) => Some(i + 1),
                None if eof => Some(i + 1),
                None => None,
            }
        }
        Some(nl) => rem.find(nl).map(|i| i + nl.len()),
    }
}

pub fn readline(o: &Obj, limit: i64) -> PyResult<Obj> {
    check_readable(o)?;
    push_pending(o)?;
    loop {
        let t = attached(o)?;
        let rem = &t.decoded[t.dpos..];
        let end = line_end(rem, t.newline.as_deref(), t.eof);
        let cut = |end: usize| -> usize {
            if limit < 0 {
                return end;
            }
            rem[..end].char_indices().nth(limit as usize).map_or(end, |(i, _)| i)
        };
        let long_enough = limit >= 0 && rem.chars().count() >= limit as usize;
        if let Some(e) = end.or(if long_enough { Some(rem.len()) } else { None }) {
            let e = cut(e);
            let line = rem[..e].to_string();
            t.dpos += e;
            return finish(o, line);
        }
        if !fill(o)? {
            let t = attached(o)?;
            let rem = &t.decoded[t.dpos..];
            let e = cut(line_end(rem, t.newline.as_deref(), true).unwrap_or(rem.len()));
            let line = rem[..e].to_string();
            t.dpos += e;
            return finish(o, line);
        }
    }
}

/// Moves the buffer back to the logical position and forgets the read-ahead (before a
/// write, seek or truncate).
fn rewind(o: &Obj) -> PyResult<()> {
    let t = attached(o)?;
    if t.decoded.len() == t.dpos && t.pending.is_empty() {
        reset_read(t);
        return Ok(());
    }
    let pos = tell(o)?;
    reset_read(attached(o)?);
    buf_seek(&buf(o)?, pos, 0)?;
    Ok(())
}

pub fn write(o: &Obj, s: &Obj) -> PyResult<Obj> {
    let Some(text) = pystr::as_str(s) else {
        return Err(type_error(format!("write() argument must be str, not {}", s.type_name())));
    };
    write_text(o, text, Some(s))?;
    Ok(int::from_usize(pystr::char_len(s)))
}

/// Is read text (or bytes in the buffer below) waiting, so that a `readline` may not
/// need to read from the descriptor?
pub fn has_buffered_input(o: &Obj) -> bool {
    let Ok(t) = attached(o) else { return true };
    if t.decoded.len() > t.dpos || !t.pending.is_empty() || t.eof {
        return true;
    }
    match t.buffer.as_ref().filter(|b| ours(b)).and_then(buffered::as_buffered) {
        Some(b) => b.rpos < b.rbuf.len(),
        None => true,
    }
}

/// `write` of a Rust string (`print` to the standard streams).
pub fn write_str(o: &Obj, text: &str) -> PyResult<()> {
    write_text(o, text, None)
}

/// Encodes `text` (`obj` is the same text as a str object, if the caller has one) and
/// queues it: the queue goes down to the buffer once it reaches `CHUNK` bytes, at a
/// newline when line-buffered, or at once when writing through.
fn write_text(o: &Obj, text: &str, obj: Option<&Obj>) -> PyResult<()> {
    let t = attached(o)?;
    if buf_closed(&t.buffer.clone().unwrap())? {
        return Err(closed_file());
    }
    let t = attached(o)?;
    if !t.writable {
        return Err(unsupported("not writable"));
    }
    let haslf = text.contains('\n');
    let flush = t.line_buffering && (haslf || text.contains('\r'));
    let translated = match t.newline.as_deref() {
        Some(nl) if !nl.is_empty() && nl != "\n" && haslf => Some(text.replace('\n', nl)),
        _ => None,
    };
    let encoded = if t.codec == Codec::Utf8 && !pystr::has_standin(text) {
        None
    } else {
        let (encoding, errors) = (t.encoding.clone(), t.errors.clone());
        Some(match (&translated, obj) {
            (Some(tx), _) => bytes::encode(&pystr::new(tx), &encoding, &errors)?,
            (None, Some(so)) => bytes::encode(so, &encoding, &errors)?,
            (None, None) => bytes::encode(&pystr::new(text), &encoding, &errors)?,
        })
    };
    let data: &[u8] = match (&encoded, &translated) {
        (Some(e), _) => e,
        (None, Some(tx)) => tx.as_bytes(),
        (None, None) => text.as_bytes(),
    };
    if attached(o)?.readable {
        rewind(o)?;
    }
    let t = attached(o)?;
    if t.wpending.len() + data.len() > CHUNK as usize {
        push_pending(o)?;
    }
    let t = attached(o)?;
    t.wpending.extend_from_slice(data);
    if t.wpending.len() >= CHUNK as usize || flush || t.write_through {
        push_pending(o)?;
    }
    if flush {
        buf_flush(&buf(o)?)?;
    }
    Ok(())
}

/// `flush()`: the pending text, then the buffer.
pub fn flush(o: &Obj) -> PyResult<()> {
    let b = buf(o)?;
    if buf_closed(&b)? {
        return Err(closed_file());
    }
    push_pending(o)?;
    buf_flush(&b)
}

fn encoded_len(t: &TextObj, s: &str) -> usize {
    match t.codec {
        Codec::Utf8 => s.len(),
        Codec::OneByte => s.chars().count(),
    }
}

pub fn tell(o: &Obj) -> PyResult<i64> {
    let t = attached(o)?;
    let b = t.buffer.clone().unwrap();
    if buf_closed(&b)? {
        return Err(closed_file());
    }
    if !attached(o)?.seekable {
        return Err(unsupported("underlying stream is not seekable"));
    }
    push_pending(o)?;
    buf_flush(&b)?;
    let pos = buf_tell(&b)?;
    let t = attached(o)?;
    Ok(pos - t.pending.len() as i64 - encoded_len(t, &t.decoded[t.dpos..]) as i64)
}

fn seek(o: &Obj, cookie: &Obj, whence: i32) -> PyResult<Obj> {
    let b = buf(o)?;
    if buf_closed(&b)? {
        return Err(closed_file());
    }
    if !attached(o)?.seekable {
        return Err(unsupported("underlying stream is not seekable"));
    }
    let pos = super::fileio::pos_arg(cookie)?;
    push_pending(o)?;
    match whence {
        1 => {
            if pos != 0 {
                return Err(unsupported("can't do nonzero cur-relative seeks"));
            }
            return tell(o).map(int::from_i64);
        }
        2 => {
            if pos != 0 {
                return Err(unsupported("can't do nonzero end-relative seeks"));
            }
            buf_flush(&b)?;
            reset_read(attached(o)?);
            return buf_seek(&b, 0, 2).map(int::from_i64);
        }
        0 => {}
        w => return Err(value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
    }
    if pos < 0 {
        return Err(value_error(format!("negative seek position {pos}")));
    }
    buf_flush(&b)?;
    reset_read(attached(o)?);
    buf_seek(&b, pos, 0)?;
    Ok(int::from_i64(pos))
}

fn close(o: &Obj) -> PyResult<()> {
    let b = buf(o)?;
    if buf_closed(&b)? {
        return Ok(());
    }
    let r = push_pending(o).and_then(|_| buf_flush(&b));
    protocol::call_method(&b, "close", &[])?;
    r
}

// ----- construction and Python-visible methods -----

fn t_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let t = TextObj {
        head: header(), buffer: None, encoding: String::new(), codec: Codec::Utf8, errors: String::new(), newline: None,
        line_buffering: false, write_through: false, decoded: String::new(), dpos: 0, pending: Vec::new(),
        wpending: Vec::new(), eof: false,
        seen: 0, readable: false, writable: false, seekable: false, detached: false,
    };
    Ok(alloc(super::type_of(cls)?, t))
}

fn opt_str(fname: &str, arg: &str, o: &Option<Obj>) -> PyResult<Option<String>> {
    match o {
        Some(v) if !none::is_none(v) => pystr::as_str(v)
            .map(|s| Some(s.to_string()))
            .ok_or_else(|| type_error(format!("{fname}() argument '{arg}' must be str or None, not {}", v.type_name()))),
        _ => Ok(None),
    }
}

/// Checks an encoding name and returns how text in it is measured.
fn lookup_codec(enc: &str) -> PyResult<Codec> {
    bytes::decode(b"", enc, "strict", &bytes::new(Vec::new()))?;
    let n = enc.to_ascii_lowercase().replace('_', "-");
    Ok(if matches!(n.as_str(), "utf-8" | "utf8" | "u8" | "utf" | "cp65001") { Codec::Utf8 } else { Codec::OneByte })
}

fn check_newline(nl: &Option<String>) -> PyResult<()> {
    match nl.as_deref() {
        None | Some("") | Some("\n") | Some("\r") | Some("\r\n") => Ok(()),
        Some(s) => Err(value_error(format!("illegal newline value: {s}"))),
    }
}

fn call_bool(b: &Obj, name: &str) -> PyResult<bool> {
    protocol::is_true(&protocol::call_method(b, name, &[])?)
}

fn t_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("TextIOWrapper", a, kw, &["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"], 0, 6, 1)?;
    let buffer = b[0].clone().unwrap();
    let encoding = match opt_str("TextIOWrapper", "encoding", &b[1])? {
        None => "UTF-8".to_string(),
        Some(e) if e == "locale" => "UTF-8".to_string(),
        Some(e) => e,
    };
    let errors = opt_str("TextIOWrapper", "errors", &b[2])?.unwrap_or_else(|| "strict".to_string());
    let newline = opt_str("TextIOWrapper", "newline", &b[3])?;
    check_newline(&newline)?;
    let codec = lookup_codec(&encoding)?;
    let line_buffering = b[4].as_ref().map_or(Ok(false), protocol::is_true)?;
    let write_through = b[5].as_ref().map_or(Ok(false), protocol::is_true)?;
    let readable = call_bool(&buffer, "readable")?;
    let writable = call_bool(&buffer, "writable")?;
    let seekable = call_bool(&buffer, "seekable")?;
    let t = this(o)?;
    reset_read(t);
    t.buffer = Some(buffer);
    t.encoding = encoding;
    t.codec = codec;
    t.errors = errors;
    t.newline = newline;
    t.line_buffering = line_buffering;
    t.write_through = write_through;
    t.seen = 0;
    t.readable = readable;
    t.writable = writable;
    t.seekable = seekable;
    t.detached = false;
    Ok(none::none())
}

fn m_read(a: &[Obj]) -> PyResult<Obj> {
    read(&a[0], size_arg(a.get(1))?)
}
fn m_readline(a: &[Obj]) -> PyResult<Obj> {
    let limit = match a.get(1) {
        Some(v) if !none::is_none(v) => {
            if !int::is_int(v) {
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name())));
            }
            protocol::index_i64(v)?
        }
        _ => -1,
    };
    readline(&a[0], limit)
}
fn m_write(a: &[Obj]) -> PyResult<Obj> {
    write(&a[0], &a[1])
}
fn m_flush(a: &[Obj]) -> PyResult<Obj> {
    flush(&a[0]).map(|_| none::none())
}
fn m_close(a: &[Obj]) -> PyResult<Obj> {
    close(&a[0]).map(|_| none::none())
}
fn m_tell(a: &[Obj]) -> PyResult<Obj> {
    tell(&a[0]).map(int::from_i64)
}
fn m_seek(a: &[Obj]) -> PyResult<Obj> {
    let whence = super::fileio::whence_arg(a.get(2))?;
    seek(&a[0], &a[1], whence)
}
fn m_truncate(a: &[Obj]) -> PyResult<Obj> {
    let b = buf(&a[0])?;
    push_pending(&a[0])?;
    buf_flush(&b)?;
    let pos = match a.get(1) {
        Some(v) if !none::is_none(v) => v.clone(),
        _ => int::from_i64(tell(&a[0])?),
    };
    rewind(&a[0])?;
    protocol::call_method(&b, "truncate", &[pos])
}
fn m_detach(a: &[Obj]) -> PyResult<Obj> {
    let b = buf(&a[0])?;
    push_pending(&a[0])?;
    buf_flush(&b)?;
    let t = attached(&a[0])?;
    t.detached = true;
    Ok(t.buffer.take().unwrap())
}
fn forward(a: &[Obj], name: &str) -> PyResult<Obj> {
    protocol::call_method(&buf(&a[0])?, name, &[])
}
fn m_fileno(a: &[Obj]) -> PyResult<Obj> {
    forward(a, "fileno")
}
fn m_isatty(a: &[Obj]) -> PyResult<Obj> {
    forward(a, "isatty")
}
fn m_readable(a: &[Obj]) -> PyResult<Obj> {
    forward(a, "readable")
}
fn m_writable(a: &[Obj]) -> PyResult<Obj> {
    forward(a, "writable")
}
fn m_seekable(a: &[Obj]) -> PyResult<Obj> {
    forward(a, "seekable")
}

fn m_reconfigure(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("reconfigure", a, kw, &["encoding", "errors", "newline", "line_buffering", "write_through"], 0, 0, 0)?;
    let bf = buf(o)?;
    push_pending(o)?;
    buf_flush(&bf)?;
    let encoding = opt_str("reconfigure", "encoding", &b[0])?;
    let errors = opt_str("reconfigure", "errors", &b[1])?;
    let newline = match &b[2] {
        Some(v) => Some(opt_str("reconfigure", "newline", &Some(v.clone()))?),
        None => None,
    };
    if let Some(nl) = &newline {
        check_newline(nl)?;
    }
    let codec = encoding.as_deref().map(lookup_codec).transpose()?;
    let lb = b[3].as_ref().filter(|v| !none::is_none(v)).map(protocol::is_true).transpose()?;
    let wt = b[4].as_ref().filter(|v| !none::is_none(v)).map(protocol::is_true).transpose()?;
    let t = attached(o)?;
    if let (Some(e), Some(c)) = (encoding, codec) {
        t.encoding = if e == "locale" { "UTF-8".to_string() } else { e };
        t.codec = c;
        if errors.is_none() {
            t.errors = "strict".to_string();
        }
    }
    if let Some(e) = errors {
        t.errors = e;
    }
    if let Some(nl) = newline {
        t.newline = nl;
    }
    if let Some(v) = lb {
        t.line_buffering = v;
    }
    if let Some(v) = wt {
        t.write_through = v;
    }
    Ok(none::none())
}

fn g_encoding(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&attached(o)?.encoding))
}
fn g_errors(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&attached(o)?.errors))
}
fn g_buffer(o: &Obj) -> PyResult<Obj> {
    buf(o)
}
fn g_line_buffering(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(attached(o)?.line_buffering))
}
fn g_write_through(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(attached(o)?.write_through))
}
fn g_closed(o: &Obj) -> PyResult<Obj> {
    protocol::getattr_str(&buf(o)?, "closed")
}
fn g_name(o: &Obj) -> PyResult<Obj> {
    protocol::getattr_str(&buf(o)?, "name")
}

/// `newlines`: None, one newline, or a tuple of those seen (CPython's order).
pub fn newlines_obj(seen: u8) -> Obj {
    let all: Vec<Obj> = [(SEEN_CR, "\r"), (SEEN_LF, "\n"), (SEEN_CRLF, "\r\n")]
        .iter()
        .filter(|(f, _)| seen & f != 0)
        .map(|(_, s)| pystr::new(s))
        .collect();
    match all.len() {
        0 => none::none(),
        1 => all.into_iter().next().unwrap(),
        _ => tuple::new(all),
    }
}

fn g_newlines(o: &Obj) -> PyResult<Obj> {
    Ok(newlines_obj(attached(o)?.seen))
}

fn t_repr(o: &Obj) -> PyResult<Obj> {
    let tn = o.ty().full_name();
    let t = this(o)?;
    if t.buffer.is_none() {
        return Ok(pystr::from_string(format!("<{tn}>")));
    }
    let encoding = t.encoding.clone();
    let mut s = format!("<{tn}");
    match protocol::getattr_opt(o, &pystr::intern("name")) {
        Ok(Some(n)) => s.push_str(&format!(" name={}", protocol::repr_string(&n)?)),
        Ok(None) => {}
        Err(e) if e.matches(crate::types::exceptions::exc().value_error) => {}
        Err(e) => return Err(e),
    }
    let mode = crate::object::dict_slot(o).and_then(|d| d.as_ref().and_then(|d| dict::get_item_str(d, &pystr::intern("mode"))));
    if let Some(m) = mode {
        s.push_str(&format!(" mode={}", protocol::repr_string(&m)?));
    }
    s.push_str(&format!(" encoding={}>", pystr::repr_str(&encoding)));
    Ok(pystr::from_string(s))
}

fn t_iter(o: &Obj) -> PyResult<Obj> {
    if buf_closed(&buf(o)?)? {
        return Err(closed_file());
    }
    Ok(o.clone())
}

fn t_next(o: &Obj) -> PyResult<Option<Obj>> {
    let line = readline(o, -1)?;
    Ok(if pystr::char_len(&line) == 0 { None } else { Some(line) })
}

pub fn make_type(base: &'static TypeObject) -> &'static TypeObject {
    let mut s = TypeSpec::new("TextIOWrapper", std::mem::size_of::<TextObj>(), drop_as::<TextObj>);
    s.slots.new = Some(t_new);
    s.slots.init = Some(t_init);
    s.slots.repr = Some(t_repr);
    s.methods = vec![
        MethodDef::Method { name: "write", func: m_write, min: 2, max: 2 },
        MethodDef::Method { name: "flush", func: m_flush, min: 1, max: 1 },
        MethodDef::Method { name: "close", func: m_close, min: 1, max: 1 },
        MethodDef::Method { name: "fileno", func: m_fileno, min: 1, max: 1 },
        MethodDef::Method { name: "isatty", func: m_isatty, min: 1, max: 1 },
        MethodDef::Method { name: "readable", func: m_readable, min: 1, max: 1 },
        MethodDef::Method { name: "writable", func: m_writable, min: 1, max: 1 },
        MethodDef::Method { name: "seekable", func: m_seekable, min: 1, max: 1 },
        MethodDef::Getter { name: "encoding", get: g_encoding },
        MethodDef::Getter { name: "errors", get: g_errors },
        MethodDef::Getter { name: "buffer", get: g_buffer },
        MethodDef::Getter { name: "line_buffering", get: g_line_buffering },
        MethodDef::Getter { name: "write_through", get: g_write_through },
        MethodDef::Getter { name: "closed", get: g_closed },
        MethodDef::Getter { name: "name", get: g_name },
        MethodDef::Getter { name: "newlines", get: g_newlines },
    ];
    super::io_type(s, base)
}

/// TextIOWrapper's reading, positioning and iteration (the `_io` gate, io/mod.rs).
pub(super) fn complete(s: &mut TypeSpec) {
    s.slots.iter = Some(t_iter);
    s.slots.next = Some(t_next);
    s.methods.extend([
        MethodDef::Method { name: "read", func: m_read, min: 1, max: 2 },
        MethodDef::Method { name: "readline", func: m_readline, min: 1, max: 2 },
        MethodDef::Method { name: "tell", func: m_tell, min: 1, max: 1 },
        MethodDef::Method { name: "seek", func: m_seek, min: 2, max: 3 },
        MethodDef::Method { name: "truncate", func: m_truncate, min: 1, max: 2 },
        MethodDef::Method { name: "detach", func: m_detach, min: 1, max: 1 },
        MethodDef::MethodKw { name: "reconfigure", func: m_reconfigure },
    ]);
}

// ----- IncrementalNewlineDecoder -----

#[repr(C)]
pub struct NlDecoderObj {
    pub head: ObjHeader,
    decoder: Option<Obj>,
    translate: bool,
    pendingcr: bool,
    seen: u8,
}

fn nd(o: &Obj) -> PyResult<&mut NlDecoderObj> {
    if !o.is_small_int() && o.isinstance(super::io_types().newline_decoder) {
        Ok(unsafe { o.payload_mut::<NlDecoderObj>() })
    } else {
        Err(type_error("descriptor requires an 'IncrementalNewlineDecoder' object"))
    }
}

fn nd_new(cls: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("IncrementalNewlineDecoder", a, kw, &["decoder", "translate", "errors"], 0, 3, 2)?;
    let decoder = b[0].clone().filter(|d| !none::is_none(d));
    let translate = protocol::is_true(b[1].as_ref().unwrap())?;
    Ok(alloc(super::type_of(cls)?, NlDecoderObj { head: header(), decoder, translate, pendingcr: false, seen: 0 }))
}

fn nd_decode(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("decode", a, kw, &["input", "final"], 0, 2, 1)?;
    let input = b[0].clone().unwrap();
    let final_ = b[1].as_ref().map_or(Ok(false), protocol::is_true)?;
    let out = match nd(o)?.decoder.clone() {
        Some(d) => {
            let kwn = [pystr::new("final")];
            let kwv = [pybool::from_bool(final_)];
            protocol::call_kw(&protocol::getattr_str(&d, "decode")?, &[input], &KwArgs { names: &kwn, values: &kwv })?
        }
        None => input,
    };
    let Some(s) = pystr::as_str(&out) else {
        return Err(type_error(format!("decoder should return a string result, not '{}'", out.type_name())));
    };
    let d = nd(o)?;
    let mut text = String::with_capacity(s.len() + 1);
    if d.pendingcr && (!s.is_empty() || final_) {
        text.push('\r');
        d.pendingcr = false;
    }
    text.push_str(s);
    if text.ends_with('\r') && !final_ {
        text.pop();
        d.pendingcr = true;
    }
    let tr = d.translate;
    Ok(pystr::from_string(translate_text(&text, tr, &mut d.seen)))
}

fn nd_getstate(a: &[Obj]) -> PyResult<Obj> {
    let d = nd(&a[0])?;
    let pending = d.pendingcr as i64;
    let (buf, flag) = match d.decoder.clone() {
        Some(dec) => {
            let st = protocol::call_method(&dec, "getstate", &[])?;
            let items = tuple::as_slice(&st).filter(|s| s.len() == 2).ok_or_else(|| type_error("illegal decoder state"))?.to_vec();
            (items[0].clone(), protocol::index_i64(&items[1])?)
        }
        None => (bytes::new(Vec::new()), 0),
    };
    Ok(tuple::pair(buf, int::from_i64((flag << 1) | pending)))
}

fn nd_setstate(a: &[Obj]) -> PyResult<Obj> {
    let items = tuple::as_slice(&a[1]).filter(|s| s.len() == 2).ok_or_else(|| type_error("state argument must be a tuple"))?.to_vec();
    let flag = protocol::index_i64(&items[1])?;
    let d = nd(&a[0])?;
    d.pendingcr = flag & 1 != 0;
    if let Some(dec) = d.decoder.clone() {
        protocol::call_method(&dec, "setstate", &[tuple::pair(items[0].clone(), int::from_i64(flag >> 1))])?;
    }
    Ok(none::none())
}

fn nd_reset(a: &[Obj]) -> PyResult<Obj> {
    let d = nd(&a[0])?;
    d.seen = 0;
    d.pendingcr = false;
    if let Some(dec) = d.decoder.clone() {
        protocol::call_method(&dec, "reset", &[])?;
    }
    Ok(none::none())
}

fn nd_newlines(o: &Obj) -> PyResult<Obj> {
    Ok(newlines_obj(nd(o)?.seen))
}

pub fn make_decoder_type() -> &'static TypeObject {
    let mut s = TypeSpec::new("IncrementalNewlineDecoder", std::mem::size_of::<NlDecoderObj>(), drop_as::<NlDecoderObj>);
    s.slots.new = Some(nd_new);
    s.methods = vec![MethodDef::Getter { name: "newlines", get: nd_newlines }];
    let t = crate::types::create_type(super::completed(s), crate::types::types().object);
    *t.module.borrow_mut() = "_io".to_string();
    t
}

/// IncrementalNewlineDecoder's methods (the `_io` gate, io/mod.rs).
pub(super) fn complete_decoder(s: &mut TypeSpec) {
    s.methods.extend([
        MethodDef::MethodKw { name: "decode", func: nd_decode },
        MethodDef::Method { name: "getstate", func: nd_getstate, min: 1, max: 1 },
        MethodDef::Method { name: "setstate", func: nd_setstate, min: 2, max: 2 },
        MethodDef::Method { name: "reset", func: nd_reset, min: 1, max: 1 },
    ]);
}

