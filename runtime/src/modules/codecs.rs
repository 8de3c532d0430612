//! The native half of `_codecs` (module `_pyc_codecs`; `runtime/pylib/_codecs.py`
//! re-exports it and makes the build include the standard `encodings.*` codecs): the
//! codec registry (`register`, `lookup` with the `encodings` package's search function
//! imported on first use, as CPython's registry does), `encode`/`decode`, the error
//! handler registry, and the codec primitives `encodings.*` call (UTF-8/16/32, Latin-1,
//! ASCII, the escape codecs, charmap), which share the text codecs below so `str.encode`
//! and `codecs.encode` agree.
//! The built-in text codecs (`encode_text`/`decode_text`, behind `str.encode`,
//! `bytes.decode` and text files) apply every standard error handler, `surrogateescape`
//! and `surrogatepass` included (lone surrogates are stand-in chars, see
//! `pyc_frontend::surrogates`), and call handlers registered with `register_error`.

use std::cell::RefCell;

use crate::errors::{new_error, type_error, value_error};
use crate::object::{Obj, PyErr, PyResult};
use crate::protocol;
use crate::types::exceptions::{exc, new_exception};
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{CallFn, KwArgs};
use crate::types::{bytes, dict, int, module, none, str as pystr, tuple};

// Per-interpreter state shared by all threads (read and written under the GIL).
static SEARCH: crate::gil::GilCell<RefCell<Vec<Obj>>> = crate::gil::GilCell::new(RefCell::new(Vec::new()));
static CACHE: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));
static HANDLERS: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));
static ENCODINGS_IMPORTED: crate::gil::GilCell<std::cell::Cell<bool>> = crate::gil::GilCell::new(std::cell::Cell::new(false));

fn cache() -> Obj {
    CACHE.with(|c| c.borrow_mut().get_or_insert_with(dict::new).clone())
}

/// Leak check at exit: drops the search functions, the lookup cache and the error
/// handlers (the program's state: `encodings` and its codec modules, handlers it
/// registered), each after its borrow ends since freeing them can run Python code.
pub fn clear_at_exit() {
    drop(SEARCH.with(|s| std::mem::take(&mut *s.borrow_mut())));
    drop(CACHE.with(|c| c.borrow_mut().take()));
    drop(HANDLERS.with(|h| h.borrow_mut().take()));
}

fn lookup_error_type(msg: impl Into<String>) -> PyErr {
    new_error(exc().lookup_error, msg)
}

fn str_arg(o: &Obj, fname: &str, n: usize) -> PyResult<String> {
    pystr::as_str(o)
        .map(str::to_string)
        .ok_or_else(|| type_error(format!("{fname}() argument {n} must be str, not {}", o.type_name())))
}

/// `errors` argument: None means strict.
fn errors_arg(o: Option<&Obj>, fname: &str, n: usize) -> PyResult<String> {
    match o {
        None => Ok("strict".into()),
        Some(e) if none::is_none(e) => Ok("strict".into()),
        Some(e) => str_arg(e, fname, n),
    }
}

fn bytes_arg(o: &Obj) -> PyResult<Vec<u8>> {
    bytes::buffer_data(o).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", o.type_name())))
}

/// CPython's registry key: lower case, spaces to underscores.
fn normalize(name: &str) -> String {
    name.chars().map(|c| if c == ' ' { '_' } else { c.to_ascii_lowercase() }).collect()
}

/// Imports the `encodings` package once, which registers its search function.
fn ensure_encodings() -> PyResult<()> {
    if ENCODINGS_IMPORTED.with(|c| c.replace(true)) {
        return Ok(());
    }
    let globals = dict::new();
    crate::builtins::import_module_level(&pystr::new("encodings"), &globals, &none::none(), 0).map(|_| ())
}

fn c_register(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("register", a, kw, &[""], 1, 1, 1)?;
    let f = v[0].clone().unwrap();
    if !f.ty().slots().call.is_some() {
        return Err(type_error("argument must be callable"));
    }
    SEARCH.with(|s| s.borrow_mut().push(f));
    Ok(none::none())
}

fn c_unregister(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("unregister", a, kw, &[""], 1, 1, 1)?;
    let f = v[0].clone().unwrap();
    SEARCH.with(|s| s.borrow_mut().retain(|x| !x.is(&f)));
    dict::clear(&cache());
    Ok(none::none())
}

/// `codecs.lookup`: the cached or freshly searched CodecInfo for `encoding`.
pub fn lookup(encoding: &str) -> PyResult<Obj> {
    ensure_encodings()?;
    let key = pystr::from_string(normalize(encoding));
    if let Some(hit) = dict::get_item(&cache(), &key)? {
        return Ok(hit);
    }
    let funcs = SEARCH.with(|s| s.borrow().clone());
    for f in funcs {
        let r = protocol::call(&f, &[key.clone()])?;
        if none::is_none(&r) {
            continue;
        }
        if !tuple::is_tuple(&r) || tuple::as_slice(&r).map_or(0, |t| t.len()) != 4 {
            return Err(type_error("codec search functions must return 4-tuples"));
        }
        dict::set_item(&cache(), key, r.clone())?;
        return Ok(r);
    }
    Err(lookup_error_type(format!("unknown encoding: {encoding}")))
}

fn c_lookup(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("lookup", a, kw, &[""], 1, 1, 1)?;
    lookup(&str_arg(v[0].as_ref().unwrap(), "lookup", 1)?)
}

fn c_forget_codec(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("_forget_codec", a, kw, &[""], 1, 1, 1)?;
    let key = pystr::from_string(normalize(&str_arg(v[0].as_ref().unwrap(), "_forget_codec", 1)?));
    dict::del_item(&cache(), &key)?;
    Ok(none::none())
}

/// `codecs.encode`/`decode`: looks the codec up and calls its encoder (index 0) or
/// decoder (index 1), checking the `(object, length)` result.
fn transcode(fname: &str, a: &[Obj], kw: &KwArgs, which: usize) -> PyResult<Obj> {
    let v = int::bind_args(fname, a, kw, &["obj", "encoding", "errors"], 0, 3, 1)?;
    let enc = match &v[1] {
        Some(e) => str_arg(e, fname, 2)?,
        None => "utf-8".into(),
    };
    let errors = errors_arg(v[2].as_ref(), fname, 3)?;
    let info = lookup(&enc)?;
    let func = tuple::as_slice(&info).map(|t| t[which].clone()).unwrap();
    let r = protocol::call(&func, &[v[0].clone().unwrap(), pystr::from_string(errors)])?;
    match tuple::as_slice(&r) {
        Some([obj, _]) => Ok(obj.clone()),
        _ => Err(type_error(if which == 0 {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object,integer)"
        })),
    }
}

fn c_encode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    transcode("encode", a, kw, 0)
}
fn c_decode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    transcode("decode", a, kw, 1)
}

// ----- str.encode / bytes.decode beyond the runtime's own codecs -----

/// The registry's CodecInfo for a text encoding (CPython's
/// `_PyCodec_LookupTextEncoding`): LookupError for unknown names and for codecs marked
/// `_is_text_encoding = False` (rot13, hex...).
fn text_codec(encoding: &str, alternative: &str) -> PyResult<Obj> {
    if ensure_encodings().is_err() {
        // `encodings` is not compiled into this program: only the native codecs exist
        return Err(lookup_error_type(format!("unknown encoding: {encoding}")));
    }
    let info = lookup(encoding)?;
    if let Some(t) = protocol::getattr_opt(&info, &pystr::intern("_is_text_encoding"))? {
        if !protocol::is_true(&t)? {
            return Err(lookup_error_type(format!(
                "'{encoding}' is not a text encoding; use {alternative} to handle arbitrary codecs"
            )));
        }
    }
    Ok(info)
}

/// Calls `info[which]` on `(obj, errors)` and returns the first item of its
/// `(object, length)` result.
fn call_codec(info: &Obj, which: usize, obj: &Obj, errors: &str) -> PyResult<Obj> {
    let func = tuple::as_slice(info).map(|t| t[which].clone()).ok_or_else(|| type_error("codec search functions must return 4-tuples"))?;
    let r = protocol::call(&func, &[obj.clone(), pystr::new(errors)])?;
    match tuple::as_slice(&r) {
        Some([o, _]) => Ok(o.clone()),
        _ => Err(type_error(if which == 0 {
            "encoder must return a tuple (object, integer)"
        } else {
            "decoder must return a tuple (object,integer)"
        })),
    }
}

/// CPython's `wrap_codec_error`: an error of a plain exception type (no state beyond its
/// message) raised by a codec found through the registry becomes the same type with
/// "decoding with 'cp1252' codec failed (LookupError: ...)", caused by the original.
fn wrap_codec_error(e: PyErr, what: &str, encoding: &str) -> PyErr {
    let x = exc();
    let ty = e.0.ty();
    let plain = [x.lookup_error, x.type_error, x.value_error, x.runtime_error, x.exception].iter().any(|t| std::ptr::eq(ty, *t));
    if !plain {
        return e;
    }
    let text = protocol::str_string(&e.0).unwrap_or_default();
    let w = crate::errors::new_error(ty, format!("{what} with '{encoding}' codec failed ({}: {text})", ty.name()));
    crate::types::exceptions::set_cause(&w.0, Some(e.0));
    w
}

/// Whether CPython's `PyUnicode_Decode`/`AsEncodedString` handle `encoding` without the
/// registry (their shortcuts), so codec errors are not wrapped.
fn is_shortcut(encoding: &str) -> bool {
    let n = encoding.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    matches!(n.as_str(), "utf_16" | "utf16" | "utf_32" | "utf32")
}

/// `encode_text` for the encodings found through the codec registry.
fn encode_other(s: &Obj, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let info = text_codec(encoding, "codecs.encode()")?;
    let v = call_codec(&info, 0, s, errors).map_err(|e| wrap_codec_error(e, "encoding", encoding))?;
    bytes::as_bytes_any(&v).map(<[u8]>::to_vec).ok_or_else(|| {
        type_error(format!(
            "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            v.type_name()
        ))
    })
}

/// `decode_text` for the encodings found through the codec registry.
fn decode_other(encoding: &str, errors: &str, obj: &Obj) -> PyResult<String> {
    let info = text_codec(encoding, "codecs.decode()")?;
    let v = call_codec(&info, 1, obj, errors).map_err(|e| wrap_codec_error(e, "decoding", encoding))?;
    pystr::as_str(&v).map(str::to_string).ok_or_else(|| {
        type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            v.type_name()
        ))
    })
}

// ----- the built-in text codecs: UTF-8, ASCII, Latin-1, UTF-16, UTF-32 -----

/// A codec implemented here rather than through the registry.
#[derive(Clone, Copy, PartialEq)]
enum Builtin {
    Utf8,
    /// ASCII (limit 0x80) or Latin-1 (0x100).
    Byte(u32),
    /// UTF-16 (`width` 2) or UTF-32 (4).
    Wide(usize, Order),
}

/// The built-in codec `encoding` names (CPython's aliases) and its name in errors.
fn builtin_codec(encoding: &str) -> Option<(Builtin, &'static str)> {
    let n = encoding.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => (Builtin::Utf8, "utf-8"),
        "ascii" | "us_ascii" | "646" => (Builtin::Byte(0x80), "ascii"),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => {
            (Builtin::Byte(0x100), "latin-1")
        }
        "utf_16" | "utf16" | "u16" => (Builtin::Wide(2, Order::Bom), "utf-16"),
        "utf_16_le" | "utf_16le" => (Builtin::Wide(2, Order::Le), "utf-16-le"),
        "utf_16_be" | "utf_16be" => (Builtin::Wide(2, Order::Be), "utf-16-be"),
        "utf_32" | "utf32" | "u32" => (Builtin::Wide(4, Order::Bom), "utf-32"),
        "utf_32_le" | "utf_32le" => (Builtin::Wide(4, Order::Le), "utf-32-le"),
        "utf_32_be" | "utf_32be" => (Builtin::Wide(4, Order::Be), "utf-32-be"),
        _ => return None,
    })
}

/// `str.encode`, `bytes(s, encoding)` and text files: the built-in codecs, any other
/// through the codec registry.
pub fn encode_text(s: &Obj, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let text = pystr::as_str(s).unwrap_or("");
    let Some((codec, name)) = builtin_codec(encoding) else { return encode_other(s, encoding, errors) };
    let mut out = Vec::with_capacity(text.len());
    let w = match codec {
        Builtin::Utf8 if !pystr::has_standin(text) => return Ok(text.as_bytes().to_vec()),
        Builtin::Byte(_) if text.is_ascii() => return Ok(text.as_bytes().to_vec()),
        Builtin::Utf8 => Writer::Utf8,
        Builtin::Byte(limit) => Writer::Byte(limit),
        Builtin::Wide(width, order) => {
            let w = Writer::Wide(width, order != Order::Be);
            if order == Order::Bom {
                w.unit(&mut out, 0xFEFF);
            }
            w
        }
    };
    encode_chars(s, text, w, name, errors, &mut out)?;
    Ok(out)
}

/// `bytes.decode`, `str(b, encoding)` and text files: the built-in codecs, any other
/// through the codec registry; `obj` is the object decoded (the error's `object`).
pub fn decode_text(data: &[u8], encoding: &str, errors: &str, obj: &Obj) -> PyResult<String> {
    let Some((codec, name)) = builtin_codec(encoding) else { return decode_other(encoding, errors, obj) };
    let mut cx = DecodeCx::new(name, obj, errors);
    match codec {
        Builtin::Utf8 => utf8_decode(data, &mut cx),
        Builtin::Byte(0x100) => Ok(data.iter().map(|&b| b as char).collect()),
        Builtin::Byte(_) => ascii_decode(data, &mut cx),
        Builtin::Wide(width, order) => wide_decode_core(data, obj, width, order, errors, true)
            .map(|r| r.0)
            .map_err(|e| if is_shortcut(encoding) { e } else { wrap_codec_error(e, "decoding", encoding) }),
    }
}

/// How an encoder writes code points: UTF-8, one byte below a limit, or UTF-16/32
/// units (width, little-endian).
#[derive(Clone, Copy)]
enum Writer {
    Utf8,
    Byte(u32),
    Wide(usize, bool),
}

impl Writer {
    fn encodable(self, cp: u32) -> bool {
        match self {
            Writer::Byte(limit) => cp < limit,
            _ => !is_surrogate(cp),
        }
    }

    /// Writes an encodable code point.
    fn put(self, out: &mut Vec<u8>, cp: u32) {
        match self {
            Writer::Utf8 => {
                let c = char::from_u32(cp).unwrap_or('\u{fffd}');
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
            Writer::Byte(_) => out.push(cp as u8),
            Writer::Wide(2, _) if cp >= 0x10000 => {
                self.unit(out, 0xD800 + ((cp - 0x10000) >> 10));
                self.unit(out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
            }
            Writer::Wide(..) => self.unit(out, cp),
        }
    }

    fn unit(self, out: &mut Vec<u8>, u: u32) {
        let Writer::Wide(width, le) = self else { return };
        let b = u.to_le_bytes();
        if le {
            out.extend_from_slice(&b[..width]);
        } else {
            out.extend(b[..width].iter().rev());
        }
    }

    /// `surrogatepass`: writes surrogate `cp` as if it were a scalar; false for the
    /// one-byte codecs, which cannot.
    fn pass(self, out: &mut Vec<u8>, cp: u32) -> bool {
        match self {
            Writer::Utf8 => out.extend_from_slice(&[0xE0 | (cp >> 12) as u8, 0x80 | (cp >> 6 & 0x3F) as u8, 0x80 | (cp & 0x3F) as u8]),
            Writer::Byte(_) => return false,
            Writer::Wide(..) => self.unit(out, cp),
        }
        true
    }

    fn reason(self) -> String {
        match self {
            Writer::Byte(limit) => format!("ordinal not in range({limit})"),
            _ => "surrogates not allowed".into(),
        }
    }
}

fn is_surrogate(cp: u32) -> bool {
    (0xD800..0xE000).contains(&cp)
}

fn encode_failed(name: &str, s: &Obj, start: usize, end: usize, reason: &str) -> PyErr {
    PyErr(new_exception(
        exc().unicode_encode_error,
        vec![pystr::new(name), s.clone(), int::from_usize(start), int::from_usize(end), pystr::new(reason)],
    ))
}

fn encode_chars(s: &Obj, text: &str, w: Writer, name: &str, errors: &str, out: &mut Vec<u8>) -> PyResult<()> {
    let cps: Vec<u32> = text.chars().map(pystr::code_point).collect();
    let mut i = 0;
    while i < cps.len() {
        if w.encodable(cps[i]) {
            w.put(out, cps[i]);
            i += 1;
            continue;
        }
        // UTF-16/32 report one surrogate at a time, the others the whole run.
        let mut j = i + 1;
        if !matches!(w, Writer::Wide(..)) {
            while j < cps.len() && !w.encodable(cps[j]) {
                j += 1;
            }
        }
        i = encode_error(s, &cps, i, j, w, name, errors, out)?;
    }
    Ok(())
}

/// Applies error handler `errors` to the unencodable `cps[i..j]`; returns where encoding
/// resumes.
#[allow(clippy::too_many_arguments)]
fn encode_error(s: &Obj, cps: &[u32], i: usize, j: usize, w: Writer, name: &str, errors: &str, out: &mut Vec<u8>) -> PyResult<usize> {
    let fail = |from: usize| Err(encode_failed(name, s, from, j, &w.reason()));
    let bad = &cps[i..j];
    let put_ascii = |out: &mut Vec<u8>, t: &str| t.bytes().for_each(|b| w.put(out, b as u32));
    match errors {
        "strict" => return fail(i),
        "ignore" => {}
        "replace" => bad.iter().for_each(|_| w.put(out, '?' as u32)),
        "backslashreplace" => bad.iter().for_each(|&c| put_ascii(out, &escape_cp(c))),
        "namereplace" => bad.iter().for_each(|&c| put_ascii(out, &name_escape(c))),
        "xmlcharrefreplace" => bad.iter().for_each(|&c| put_ascii(out, &format!("&#{c};"))),
        "surrogateescape" => {
            for (k, &c) in bad.iter().enumerate() {
                if !(0xDC80..=0xDCFF).contains(&c) || matches!(w, Writer::Wide(..)) {
                    return fail(i + k);
                }
                out.push((c - 0xDC00) as u8);
            }
        }
        "surrogatepass" => {
            if !bad.iter().all(|&c| is_surrogate(c)) || matches!(w, Writer::Byte(_)) {
                return fail(i);
            }
            bad.iter().for_each(|&c| {
                w.pass(out, c);
            });
        }
        other => return custom_encode_error(s, cps, i, j, w, name, other, out),
    }
    Ok(j)
}

/// An error handler registered with `codecs.register_error`, called as CPython does.
#[allow(clippy::too_many_arguments)]
fn custom_encode_error(s: &Obj, cps: &[u32], i: usize, j: usize, w: Writer, name: &str, errors: &str, out: &mut Vec<u8>) -> PyResult<usize> {
    let handler = dict::get_item(&handlers(), &pystr::new(errors))?
        .ok_or_else(|| lookup_error_type(format!("unknown error handler name '{errors}'")))?;
    let e = encode_failed(name, s, i, j, &w.reason());
    let r = protocol::call(&handler, &[e.0.clone()])?;
    let (rep, pos) = handler_result(&r, cps.len(), "encoding error handler must return (str/bytes, int) tuple")?;
    if let Some(b) = bytes::as_bytes(&rep) {
        out.extend_from_slice(b);
    } else {
        for c in pystr::as_str(&rep).unwrap_or("").chars().map(pystr::code_point) {
            if !w.encodable(c) {
                return Err(e);
            }
            w.put(out, c);
        }
    }
    Ok(pos)
}

/// Checks a custom handler's `(replacement, position)` result; a negative position
/// counts from the end.
fn handler_result(r: &Obj, len: usize, msg: &str) -> PyResult<(Obj, usize)> {
    let Some([rep, pos]) = tuple::as_slice(r) else { return Err(type_error(msg)) };
    if !(pystr::is_str(rep) || bytes::as_bytes(rep).is_some()) || !int::is_int(pos) {
        return Err(type_error(msg));
    }
    let p = int::to_i64(pos).unwrap_or(i64::MAX);
    let p = if p < 0 { p + len as i64 } else { p };
    if !(0..=len as i64).contains(&p) {
        return Err(crate::errors::index_error(format!("position {} from error handler out of bounds", int::to_i64(pos).unwrap_or(0))));
    }
    Ok((rep.clone(), p as usize))
}

/// Unicode character names for `namereplace`, installed by the enabler of the
/// `unicodedata` native module: the name table is over a megabyte, so only programs that
/// may use it link it (codegen enables `unicodedata` for programs that spell
/// "namereplace"; a handler name computed at run time in another program gets the
/// backslash escapes).
static CHAR_NAMES: std::sync::OnceLock<fn(u32) -> Option<String>> = std::sync::OnceLock::new();

pub fn install_char_names(f: fn(u32) -> Option<String>) {
    let _ = CHAR_NAMES.set(f);
}

fn char_name(cp: u32) -> Option<String> {
    CHAR_NAMES.get().and_then(|f| f(cp))
}

/// `\N{NAME}` for `namereplace`, or the backslash escape of a code point without one.
fn name_escape(cp: u32) -> String {
    match char_name(cp) {
        Some(n) => format!("\\N{{{n}}}"),
        None => escape_cp(cp),
    }
}

/// The decoding side of one codec call: the handler name and, once a handler has been
/// called, the arguments of the first error. CPython reuses one exception object per
/// call: a later error updates its `start`/`end`/`reason` but not its `args`.
struct DecodeCx<'a> {
    name: &'a str,
    obj: &'a Obj,
    errors: &'a str,
    first: Option<(usize, usize, String)>,
}

impl<'a> DecodeCx<'a> {
    fn new(name: &'a str, obj: &'a Obj, errors: &'a str) -> Self {
        DecodeCx { name, obj, errors, first: None }
    }

    fn failed(&self, start: usize, end: usize, reason: &str) -> PyErr {
        let (s, e, r) = self.first.clone().unwrap_or((start, end, reason.to_string()));
        let bytes_obj = if bytes::as_bytes(self.obj).is_some() { self.obj.clone() } else { bytes::new(bytes::buffer_data(self.obj).unwrap_or_default()) };
        let err = new_exception(
            exc().unicode_decode_error,
            vec![pystr::new(self.name), bytes_obj, int::from_usize(s), int::from_usize(e), pystr::from_string(r.clone())],
        );
        if (s, e, r.as_str()) != (start, end, reason) {
            let set = |k: &str, v: Obj| protocol::setattr(&err, &pystr::intern(k), &v);
            let updated = set("start", int::from_usize(start)).and(set("end", int::from_usize(end))).and(set("reason", pystr::new(reason)));
            if let Err(e) = updated {
                return e;
            }
        }
        PyErr(err)
    }

    /// Handles the undecodable `data[start..end]`; returns where decoding resumes.
    /// `fast`: this codec handles ignore/replace/surrogateescape without an exception
    /// object (CPython's UTF-8 and ASCII decoders). `pass` decodes one encoded
    /// surrogate at the start of its argument (code point, length) for `surrogatepass`.
    fn handle(&mut self, data: &[u8], start: usize, end: usize, reason: &str, out: &mut String, fast: bool, pass: &dyn Fn(&[u8]) -> Option<(u32, usize)>) -> PyResult<usize> {
        let fast = fast && matches!(self.errors, "ignore" | "replace" | "surrogateescape");
        if !fast && self.first.is_none() {
            self.first = Some((start, end, reason.to_string()));
        }
        let bad = &data[start..end];
        match self.errors {
            "strict" => Err(self.failed(start, end, reason)),
            "ignore" => Ok(end),
            "replace" => {
                out.push('\u{fffd}');
                Ok(end)
            }
            "backslashreplace" => {
                bad.iter().for_each(|b| out.push_str(&format!("\\x{b:02x}")));
                Ok(end)
            }
            "surrogateescape" if bad.iter().all(|&b| b >= 0x80) => {
                out.extend(bad.iter().filter_map(|&b| pystr::char_of(0xDC00 + b as u32)));
                Ok(end)
            }
            "surrogatepass" => match pass(&data[start..]).and_then(|(cp, n)| Some((pystr::char_of(cp)?, n))) {
                Some((c, n)) => {
                    out.push(c);
                    Ok(start + n)
                }
                None => Err(self.failed(start, end, reason)),
            },
            "surrogateescape" => Err(self.failed(start, end, reason)),
            "xmlcharrefreplace" | "namereplace" => {
                Err(type_error("don't know how to handle UnicodeDecodeError in error callback"))
            }
            other => {
                let handler = dict::get_item(&handlers(), &pystr::new(other))?
                    .ok_or_else(|| lookup_error_type(format!("unknown error handler name '{other}'")))?;
                let e = self.failed(start, end, reason);
                let r = protocol::call(&handler, &[e.0])?;
                let (rep, pos) = handler_result(&r, data.len(), "decoding error handler must return (str, int) tuple")?;
                match pystr::as_str(&rep) {
                    Some(t) => out.push_str(t),
                    None => return Err(type_error("decoding error handler must return (str, int) tuple")),
                }
                Ok(pos)
            }
        }
    }
}

/// A surrogate encoded in UTF-8 (`ED A0..BF 80..BF`) at the start of `d`.
fn utf8_surrogate(d: &[u8]) -> Option<(u32, usize)> {
    let [a, b, c, ..] = *d else { return None };
    let cp = ((a as u32 & 0x0F) << 12) | ((b as u32 & 0x3F) << 6) | (c as u32 & 0x3F);
    (a & 0xF0 == 0xE0 && b & 0xC0 == 0x80 && c & 0xC0 == 0x80 && is_surrogate(cp)).then_some((cp, 3))
}

fn no_pass(_: &[u8]) -> Option<(u32, usize)> {
    None
}

fn utf8_decode(data: &[u8], cx: &mut DecodeCx) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&data[pos..pos + good]).unwrap_or_default());
                let start = pos + good;
                let (end, reason) = match e.error_len() {
                    None => (data.len(), "unexpected end of data"),
                    Some(n) => {
                        let b = data[start];
                        let bad_start = (0x80..0xC2).contains(&b) || b >= 0xF5;
                        (start + n, if bad_start { "invalid start byte" } else { "invalid continuation byte" })
                    }
                };
                pos = cx.handle(data, start, end, reason, &mut out, true, &utf8_surrogate)?;
            }
        }
    }
    Ok(out)
}

fn ascii_decode(data: &[u8], cx: &mut DecodeCx) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        let b = data[pos];
        if b < 0x80 {
            out.push(b as char);
            pos += 1;
        } else {
            pos = cx.handle(data, pos, pos + 1, "ordinal not in range(128)", &mut out, true, &no_pass)?;
        }
    }
    Ok(out)
}

// ----- error handlers -----

fn handlers() -> Obj {
    HANDLERS.with(|h| {
        h.borrow_mut()
            .get_or_insert_with(|| {
                let d = dict::new();
                let fns: &[(&'static str, &'static str, CallFn)] = &[
                    ("strict", "strict_errors", h_strict),
                    ("ignore", "ignore_errors", h_ignore),
                    ("replace", "replace_errors", h_replace),
                    ("backslashreplace", "backslashreplace_errors", h_backslash),
                    ("xmlcharrefreplace", "xmlcharrefreplace_errors", h_xmlcharref),
                    ("namereplace", "namereplace_errors", h_namereplace),
                    ("surrogateescape", "surrogateescape", h_surrogateescape),
                    ("surrogatepass", "surrogatepass", h_surrogatepass),
                ];
                for (key, fname, f) in fns {
                    dict::set_item_str(&d, key, new_builtin_in("codecs", fname, *f));
                }
                d
            })
            .clone()
    })
}

fn c_lookup_error(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("lookup_error", a, kw, &[""], 1, 1, 1)?;
    let name = str_arg(v[0].as_ref().unwrap(), "lookup_error", 1)?;
    dict::get_item(&handlers(), &pystr::new(&name))?
        .ok_or_else(|| lookup_error_type(format!("unknown error handler name '{name}'")))
}

fn c_register_error(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("register_error", a, kw, &["", ""], 2, 2, 2)?;
    let name = str_arg(v[0].as_ref().unwrap(), "register_error", 1)?;
    let h = v[1].clone().unwrap();
    if !h.ty().slots().call.is_some() {
        return Err(type_error("handler must be callable"));
    }
    dict::set_item(&handlers(), pystr::from_string(name), h)?;
    Ok(none::none())
}

/// The UnicodeError a handler receives, with its `start`/`end` and (for encoding
/// errors) the offending characters.
struct HandlerArg {
    exc: Obj,
    end: Obj,
    encoding_error: bool,
    /// The code points (encoding) or bytes (decoding) `start..end` of the object.
    bad: Vec<u32>,
    bad_bytes: Vec<u8>,
    start: usize,
    encoding: String,
}

fn handler_arg(a: &[Obj], fname: &str) -> PyResult<HandlerArg> {
    if a.len() != 1 {
        return Err(type_error(format!("{fname}() takes exactly one argument ({} given)", a.len())));
    }
    let e = a[0].clone();
    let is = |t| !e.is_small_int() && e.isinstance(t);
    if !is(exc().unicode_error) {
        return Err(type_error(format!("don't know how to handle {} in error callback", e.type_name())));
    }
    let start = protocol::index_i64(&protocol::getattr_str(&e, "start")?)?.max(0) as usize;
    let end_obj = protocol::getattr_str(&e, "end")?;
    let end = protocol::index_i64(&end_obj)?.max(0) as usize;
    let object = protocol::getattr_str(&e, "object")?;
    let encoding_error = is(exc().unicode_encode_error);
    let (mut bad, mut bad_bytes) = (Vec::new(), Vec::new());
    if let Some(s) = pystr::as_str(&object) {
        bad = s.chars().skip(start).take(end.saturating_sub(start)).map(pystr::code_point).collect();
    } else if let Some(b) = bytes::as_bytes_any(&object) {
        bad_bytes = b.get(start..end.min(b.len())).unwrap_or(&[]).to_vec();
    }
    let encoding = protocol::getattr_str(&e, "encoding").ok().and_then(|n| pystr::as_str(&n).map(normalize)).unwrap_or_default();
    Ok(HandlerArg { exc: e, end: end_obj, encoding_error, bad, bad_bytes, start, encoding })
}

fn h_strict(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let h = handler_arg(a, "strict_errors")?;
    Err(PyErr(h.exc))
}
fn h_ignore(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let h = handler_arg(a, "ignore_errors")?;
    Ok(tuple::pair(pystr::new(""), h.end))
}
fn h_replace(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let h = handler_arg(a, "replace_errors")?;
    let r = if h.encoding_error { "?".repeat(h.bad.len()) } else { "\u{fffd}".to_string() };
    Ok(tuple::pair(pystr::from_string(r), h.end))
}
fn h_backslash(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let h = handler_arg(a, "backslashreplace_errors")?;
    let mut r = String::new();
    if h.encoding_error {
        h.bad.iter().for_each(|&c| r.push_str(&escape_cp(c)));
    } else {
        h.bad_bytes.iter().for_each(|b| r.push_str(&format!("\\x{b:02x}")));
    }
    Ok(tuple::pair(pystr::from_string(r), h.end))
}
fn h_xmlcharref(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let h = handler_arg(a, "xmlcharrefreplace_errors")?;
    if !h.encoding_error {
        return Err(type_error(format!("don't know how to handle {} in error callback", h.exc.type_name())));
    }
    let r: String = h.bad.iter().map(|&c| format!("&#{c};")).collect();
    Ok(tuple::pair(pystr::from_string(r), h.end))
}
fn h_namereplace(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let h = handler_arg(a, "namereplace_errors")?;
    if !h.encoding_error {
        return Err(type_error(format!("don't know how to handle {} in error callback", h.exc.type_name())));
    }
    let r: String = h.bad.iter().map(|&c| name_escape(c)).collect();
    Ok(tuple::pair(pystr::from_string(r), h.end))
}

/// `surrogateescape`: U+DC80..U+DCFF to bytes 0x80..0xFF and back.
fn h_surrogateescape(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let h = handler_arg(a, "surrogateescape")?;
    if h.encoding_error {
        if !h.bad.iter().all(|c| (0xDC80..=0xDCFF).contains(c)) {
            return Err(PyErr(h.exc));
        }
        return Ok(tuple::pair(bytes::new(h.bad.iter().map(|c| (c - 0xDC00) as u8).collect()), h.end));
    }
    if h.bad_bytes.is_empty() || !h.bad_bytes.iter().all(|&b| b >= 0x80) {
        return Err(PyErr(h.exc));
    }
    let r: String = h.bad_bytes.iter().filter_map(|&b| pystr::char_of(0xDC00 + b as u32)).collect();
    Ok(tuple::pair(pystr::from_string(r), h.end))
}

/// `surrogatepass`: surrogates encoded as if they were scalars, in UTF-8/16/32.
fn h_surrogatepass(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let h = handler_arg(a, "surrogatepass")?;
    let w = match builtin_codec(&h.encoding) {
        Some((Builtin::Utf8, _)) => Writer::Utf8,
        Some((Builtin::Wide(width, order), _)) => Writer::Wide(width, order != Order::Be),
        _ => return Err(PyErr(h.exc)),
    };
    if h.encoding_error {
        let mut out = Vec::new();
        if h.bad.is_empty() || !h.bad.iter().all(|&c| is_surrogate(c) && w.pass(&mut out, c)) {
            return Err(PyErr(h.exc));
        }
        return Ok(tuple::pair(bytes::new(out), h.end));
    }
    let object = protocol::getattr_str(&h.exc, "object")?;
    let data = bytes::buffer_data(&object).unwrap_or_default();
    let found = match w {
        Writer::Wide(width, le) => data.get(h.start..h.start + width).map(|d| read_unit(d, le)).filter(|&u| is_surrogate(u)).map(|u| (u, width)),
        _ => utf8_surrogate(data.get(h.start..).unwrap_or(&[])),
    };
    match found.and_then(|(cp, n)| Some((pystr::char_of(cp)?, n))) {
        Some((c, n)) => Ok(tuple::pair(pystr::from_string(c.to_string()), int::from_usize(h.start + n))),
        None => Err(PyErr(h.exc)),
    }
}

fn escape_cp(cp: u32) -> String {
    match cp {
        n if n < 0x100 => format!("\\x{n:02x}"),
        n if n < 0x10000 => format!("\\u{n:04x}"),
        n => format!("\\U{n:08x}"),
    }
}

// ----- UTF-8, Latin-1, ASCII (the runtime's own codecs) -----

fn result(o: Obj, n: usize) -> Obj {
    tuple::pair(o, int::from_usize(n))
}

/// `X_encode(str, errors=None)` through `bytes::encode`.
fn simple_encode(fname: &str, enc: &str, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args(fname, a, kw, &["", ""], 2, 2, 1)?;
    let s = v[0].clone().unwrap();
    str_arg(&s, fname, 1)?;
    let errors = errors_arg(v[1].as_ref(), fname, 2)?;
    let out = bytes::encode(&s, enc, &errors)?;
    Ok(result(bytes::new(out), pystr::char_len(&s)))
}

/// Length of an incomplete (but so far valid) UTF-8 sequence at the end of `d`.
fn utf8_incomplete_tail(d: &[u8]) -> usize {
    for back in 1..=3.min(d.len()) {
        let b = d[d.len() - back];
        if b & 0xC0 == 0x80 {
            continue;
        }
        let need = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return 0,
        };
        return if back < need && std::str::from_utf8(&d[d.len() - back..]).is_err() { back } else { 0 };
    }
    0
}

fn simple_decode(fname: &str, enc: &str, a: &[Obj], kw: &KwArgs, has_final: bool) -> PyResult<Obj> {
    let names: &[&str] = if has_final { &["", "", ""] } else { &["", ""] };
    let v = int::bind_args(fname, a, kw, names, names.len(), names.len(), 1)?;
    let obj = v[0].clone().unwrap();
    let data = bytes_arg(&obj)?;
    let errors = errors_arg(v[1].as_ref(), fname, 2)?;
    let fin = match v.get(2).and_then(|x| x.as_ref()) {
        Some(f) => protocol::is_true(f)?,
        None => !has_final,
    };
    let cut = if fin || enc != "utf-8" { 0 } else { utf8_incomplete_tail(&data) };
    let body = &data[..data.len() - cut];
    let s = bytes::decode(body, enc, &errors, &obj)?;
    Ok(result(pystr::from_string(s), body.len()))
}

fn c_utf_8_encode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    simple_encode("utf_8_encode", "utf-8", a, kw)
}
fn c_utf_8_decode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    simple_decode("utf_8_decode", "utf-8", a, kw, true)
}
fn c_latin_1_encode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    simple_encode("latin_1_encode", "latin-1", a, kw)
}
fn c_latin_1_decode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    simple_decode("latin_1_decode", "latin-1", a, kw, false)
}
fn c_ascii_encode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    simple_encode("ascii_encode", "ascii", a, kw)
}
fn c_ascii_decode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    simple_decode("ascii_decode", "ascii", a, kw, false)
}

// ----- UTF-16 / UTF-32 -----

#[derive(Clone, Copy, PartialEq)]
enum Order {
    /// Native order with a BOM written (encode) or honoured (decode).
    Bom,
    Le,
    Be,
}

fn wide_encode(fname: &str, width: usize, order: Order, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let names: &[&str] = if order == Order::Bom { &["", "", ""] } else { &["", ""] };
    let v = int::bind_args(fname, a, kw, names, names.len(), names.len(), 1)?;
    let s = v[0].clone().unwrap();
    let text = str_arg(&s, fname, 1)?;
    let errors = errors_arg(v[1].as_ref(), fname, 2)?;
    let byteorder = v.get(2).and_then(|x| x.as_ref()).map_or(Ok(0), protocol::index_i64)?;
    let le = if order == Order::Bom { byteorder <= 0 } else { order == Order::Le };
    let name = match (width, order, le) {
        (2, Order::Bom, _) if byteorder == 0 => "utf-16",
        (2, _, true) => "utf-16-le",
        (2, _, false) => "utf-16-be",
        (_, Order::Bom, _) if byteorder == 0 => "utf-32",
        (_, _, true) => "utf-32-le",
        _ => "utf-32-be",
    };
    let w = Writer::Wide(width, le);
    let mut out = Vec::with_capacity((text.len() + 1) * width);
    if order == Order::Bom && byteorder == 0 {
        w.unit(&mut out, 0xFEFF);
    }
    encode_chars(&s, &text, w, name, &errors, &mut out)?;
    Ok(result(bytes::new(out), pystr::char_len(&s)))
}

/// Decodes UTF-16/32; returns (text, bytes consumed, byte order detected: -1 LE, 1 BE, 0).
fn wide_decode_core(
    data: &[u8],
    obj: &Obj,
    width: usize,
    order: Order,
    errors: &str,
    fin: bool,
) -> PyResult<(String, usize, i64)> {
    let mut pos = 0;
    let mut le = order != Order::Be;
    let mut detected = 0;
    if order == Order::Bom && data.len() >= width {
        let unit = |le: bool| read_unit(&data[..width], le);
        if unit(true) == 0xFEFF {
            pos = width;
            detected = -1;
        } else if unit(false) == 0xFEFF {
            pos = width;
            le = false;
            detected = 1;
        }
    }
    let enc = match (width, le) {
        (2, true) => "utf-16-le",
        (2, false) => "utf-16-be",
        (_, true) => "utf-32-le",
        _ => "utf-32-be",
    };
    let pass = move |d: &[u8]| -> Option<(u32, usize)> {
        let u = read_unit(d.get(..width)?, le);
        is_surrogate(u).then_some((u, width))
    };
    let mut cx = DecodeCx::new(enc, obj, errors);
    let mut out = String::new();
    while pos + width <= data.len() {
        let u = read_unit(&data[pos..pos + width], le);
        if width == 4 {
            match char::from_u32(u) {
                Some(c) => {
                    out.push(c);
                    pos += 4;
                }
                None => {
                    let reason = if is_surrogate(u) {
                        "code point in surrogate code point range(0xd800, 0xe000)"
                    } else {
                        "code point not in range(0x110000)"
                    };
                    pos = cx.handle(data, pos, pos + 4, reason, &mut out, false, &pass)?;
                }
            }
            continue;
        }
        if !is_surrogate(u) {
            out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
            pos += 2;
        } else if u < 0xDC00 && pos + 4 <= data.len() {
            let lo = read_unit(&data[pos + 2..pos + 4], le);
            if (0xDC00..0xE000).contains(&lo) {
                out.push(char::from_u32(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)).unwrap_or('\u{fffd}'));
                pos += 4;
            } else {
                pos = cx.handle(data, pos, pos + 2, "illegal UTF-16 surrogate", &mut out, false, &pass)?;
            }
        } else if u < 0xDC00 && !fin {
            break;
        } else {
            let (end, reason) = if u < 0xDC00 { (data.len(), "unexpected end of data") } else { (pos + 2, "illegal encoding") };
            pos = cx.handle(data, pos, end, reason, &mut out, false, &pass)?;
        }
    }
    if fin && pos < data.len() {
        pos = cx.handle(data, pos, data.len(), "truncated data", &mut out, false, &pass)?;
    }
    Ok((out, pos, detected))
}

fn read_unit(b: &[u8], le: bool) -> u32 {
    let mut v = 0u32;
    for i in 0..b.len() {
        let byte = if le { b[b.len() - 1 - i] } else { b[i] };
        v = (v << 8) | byte as u32;
    }
    v
}

fn wide_decode(fname: &str, width: usize, order: Order, ex: bool, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let names: &[&str] = if ex { &["", "", "", ""] } else { &["", "", ""] };
    let v = int::bind_args(fname, a, kw, names, names.len(), names.len(), 1)?;
    let obj = v[0].clone().unwrap();
    let data = bytes_arg(&obj)?;
    let errors = errors_arg(v[1].as_ref(), fname, 2)?;
    let (order, fin_idx) = if ex {
        let bo = v[2].as_ref().map_or(Ok(0), protocol::index_i64)?;
        (if bo < 0 { Order::Le } else if bo > 0 { Order::Be } else { Order::Bom }, 3)
    } else {
        (order, 2)
    };
    let fin = v[fin_idx].as_ref().map_or(Ok(false), protocol::is_true)?;
    let (s, used, detected) = wide_decode_core(&data, &obj, width, order, &errors, fin)?;
    if ex {
        return Ok(tuple::new(vec![pystr::from_string(s), int::from_usize(used), int::from_i64(detected)]));
    }
    Ok(result(pystr::from_string(s), used))
}

macro_rules! wide_fns {
    ($($enc:ident, $dec:ident, $name:literal, $w:expr, $order:expr;)*) => {$(
        fn $enc(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
            wide_encode(concat!($name, "_encode"), $w, $order, a, kw)
        }
        fn $dec(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
            wide_decode(concat!($name, "_decode"), $w, $order, false, a, kw)
        }
    )*};
}

wide_fns! {
    c_utf_16_encode, c_utf_16_decode, "utf_16", 2, Order::Bom;
    c_utf_16_le_encode, c_utf_16_le_decode, "utf_16_le", 2, Order::Le;
    c_utf_16_be_encode, c_utf_16_be_decode, "utf_16_be", 2, Order::Be;
    c_utf_32_encode, c_utf_32_decode, "utf_32", 4, Order::Bom;
    c_utf_32_le_encode, c_utf_32_le_decode, "utf_32_le", 4, Order::Le;
    c_utf_32_be_encode, c_utf_32_be_decode, "utf_32_be", 4, Order::Be;
}

fn c_utf_16_ex_decode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    wide_decode("utf_16_ex_decode", 2, Order::Bom, true, a, kw)
}
fn c_utf_32_ex_decode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    wide_decode("utf_32_ex_decode", 4, Order::Bom, true, a, kw)
}

// ----- escape codecs -----

fn c_escape_encode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("escape_encode", a, kw, &["", ""], 2, 2, 1)?;
    let o = v[0].clone().unwrap();
    let Some(data) = bytes::as_bytes(&o) else {
        return Err(type_error(format!("escape_encode() argument 1 must be bytes, not {}", o.type_name())));
    };
    let mut out = Vec::with_capacity(data.len());
    for &b in data {
        match b {
            b'\'' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(b),
            _ => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
        }
    }
    Ok(result(bytes::new(out), data.len()))
}

/// Decodes the escapes shared by bytes literals and `unicode_escape`: calls `emit` with
/// each resulting code point (bytes' escapes stay below 256). `unicode` enables
/// `\u`, `\U` and `\N{...}`.
fn unescape(data: &[u8], unicode: bool, errors: &str, obj: &Obj, enc: &str, out: &mut dyn FnMut(u32)) -> PyResult<()> {
    let mut i = 0;
    let fail = |start: usize, end: usize, reason: &str| -> PyErr {
        if unicode {
            PyErr(new_exception(
                exc().unicode_decode_error,
                vec![pystr::new(enc), obj.clone(), int::from_usize(start), int::from_usize(end), pystr::new(reason)],
            ))
        } else {
            value_error(reason.replace("truncated \\xXX escape", &format!("invalid \\x escape at position {start}")))
        }
    };
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out(b as u32);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&c) = data.get(i) else {
            if unicode {
                return Err(fail(start, data.len(), "\\ at end of string"));
            }
            return Err(value_error("Trailing \\ in string"));
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out(c as u32),
            b'a' => out(7),
            b'b' => out(8),
            b'f' => out(12),
            b'n' => out(10),
            b'r' => out(13),
            b't' => out(9),
            b'v' => out(11),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out(if unicode { v } else { v & 0xff });
            }
            b'x' | b'u' | b'U' if c == b'x' || unicode => {
                let n = match c {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let digits = data.get(i..i + n).filter(|d| d.iter().all(u8::is_ascii_hexdigit));
                match digits {
                    Some(d) => {
                        let v = u32::from_str_radix(std::str::from_utf8(d).unwrap_or("0"), 16).unwrap_or(0);
                        i += n;
                        if v > 0x10FFFF {
                            if errors == "strict" {
                                return Err(fail(start, i, "illegal Unicode character"));
                            }
                            out(0xFFFD);
                        } else {
                            out(v);
                        }
                    }
                    None => {
                        let end = i + data[i..].iter().take(n).take_while(|d| d.is_ascii_hexdigit()).count();
                        let reason = format!("truncated \\{}{} escape", c as char, "X".repeat(n));
                        match errors {
                            "ignore" => {}
                            "replace" => out(0xFFFD),
                            _ => return Err(fail(start, end, &reason)),
                        }
                        i = end;
                    }
                }
            }
            _ => {
                out(b'\\' as u32);
                out(c as u32);
            }
        }
    }
    Ok(())
}

fn c_escape_decode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("escape_decode", a, kw, &["", ""], 2, 2, 1)?;
    let o = v[0].clone().unwrap();
    let data = match pystr::as_str(&o) {
        Some(s) => s.as_bytes().to_vec(),
        None => bytes_arg(&o)?,
    };
    let errors = errors_arg(v[1].as_ref(), "escape_decode", 2)?;
    let mut out = Vec::new();
    unescape(&data, false, &errors, &o, "", &mut |c| out.push(c as u8))?;
    Ok(result(bytes::new(out), data.len()))
}

fn c_unicode_escape_decode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("unicode_escape_decode", a, kw, &["", "", ""], 3, 3, 1)?;
    let o = v[0].clone().unwrap();
    let data = match pystr::as_str(&o) {
        Some(s) => s.as_bytes().to_vec(),
        None => bytes_arg(&o)?,
    };
    let errors = errors_arg(v[1].as_ref(), "unicode_escape_decode", 2)?;
    let mut out = String::new();
    unescape(&data, true, &errors, &o, "unicodeescape", &mut |c| out.push(pystr::char_of(c).unwrap_or('\u{fffd}')))?;
    Ok(result(pystr::from_string(out), data.len()))
}

fn c_unicode_escape_encode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("unicode_escape_encode", a, kw, &["", ""], 2, 2, 1)?;
    let s = v[0].clone().unwrap();
    let text = str_arg(&s, "unicode_escape_encode", 1)?;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            ' '..='~' => out.push(c),
            _ => out.push_str(&escape_cp(pystr::code_point(c))),
        }
    }
    Ok(result(bytes::new(out.into_bytes()), pystr::char_len(&s)))
}

fn c_raw_unicode_escape_encode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("raw_unicode_escape_encode", a, kw, &["", ""], 2, 2, 1)?;
    let s = v[0].clone().unwrap();
    let text = str_arg(&s, "raw_unicode_escape_encode", 1)?;
    let mut out = Vec::new();
    for c in text.chars() {
        if (c as u32) < 0x100 {
            out.push(c as u32 as u8);
        } else {
            out.extend_from_slice(escape_cp(pystr::code_point(c)).as_bytes());
        }
    }
    Ok(result(bytes::new(out), pystr::char_len(&s)))
}

fn c_raw_unicode_escape_decode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("raw_unicode_escape_decode", a, kw, &["", "", ""], 3, 3, 1)?;
    let o = v[0].clone().unwrap();
    let data = match pystr::as_str(&o) {
        Some(s) => s.as_bytes().to_vec(),
        None => bytes_arg(&o)?,
    };
    let mut out = String::new();
    let mut i = 0;
    while i < data.len() {
        // Only \u and \U after an odd run of backslashes are escapes.
        let run = data[i..].iter().take_while(|&&b| b == b'\\').count();
        if run == 0 {
            out.push(data[i] as char);
            i += 1;
            continue;
        }
        let n = match data.get(i + run) {
            Some(b'u') if run % 2 == 1 => 4,
            Some(b'U') if run % 2 == 1 => 8,
            _ => 0,
        };
        if n == 0 {
            out.extend(std::iter::repeat('\\').take(run));
            i += run;
            continue;
        }
        out.extend(std::iter::repeat('\\').take(run - 1));
        let start = i + run - 1;
        let hex = data.get(i + run + 1..i + run + 1 + n).filter(|d| d.iter().all(u8::is_ascii_hexdigit));
        let cp = hex.and_then(|d| u32::from_str_radix(std::str::from_utf8(d).ok()?, 16).ok()).and_then(pystr::char_of);
        match cp {
            Some(c) => {
                out.push(c);
                i += run + 1 + n;
            }
            None => {
                let reason = if hex.is_some() { "\\Uxxxxxxxx out of range".to_string() } else { format!("truncated \\{}XXXX escape", if n == 4 { "u" } else { "U" }).replace("XXXX", &"X".repeat(n)) };
                let end = if hex.is_some() { i + run + 1 + n } else { i + run + 1 + data[i + run + 1..].iter().take(n).take_while(|d| d.is_ascii_hexdigit()).count() };
                return Err(PyErr(new_exception(
                    exc().unicode_decode_error,
                    vec![pystr::new("rawunicodeescape"), o.clone(), int::from_usize(start), int::from_usize(end), pystr::from_string(reason)],
                )));
            }
        }
    }
    Ok(result(pystr::from_string(out), data.len()))
}

// ----- charmap -----

fn c_charmap_build(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("charmap_build", a, kw, &[""], 1, 1, 1)?;
    let table = str_arg(v[0].as_ref().unwrap(), "charmap_build", 1)?;
    let d = dict::new();
    for (i, c) in table.chars().enumerate() {
        dict::set_item(&d, int::from_u64(c as u64), int::from_usize(i))?;
    }
    Ok(d)
}

fn c_charmap_decode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("charmap_decode", a, kw, &["", "", ""], 3, 3, 1)?;
    let o = v[0].clone().unwrap();
    let data = bytes_arg(&o)?;
    let errors = errors_arg(v[1].as_ref(), "charmap_decode", 2)?;
    let mapping = v[2].clone().filter(|m| !none::is_none(m));
    let mut out = String::new();
    let mut cx = DecodeCx::new("charmap", &o, &errors);
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        let Some(m) = &mapping else {
            out.push(b as char);
            i += 1;
            continue;
        };
        let mapped = if let Some(t) = pystr::as_str(m) {
            t.chars().nth(b as usize).filter(|&c| c != '\u{fffe}').map(|c| c.to_string())
        } else {
            match protocol::getitem(m, &int::from_u64(b as u64)) {
                Ok(x) if none::is_none(&x) => None,
                Ok(x) if int::is_int(&x) => {
                    let cp = int::to_i64(&x).unwrap_or(-1);
                    match u32::try_from(cp).ok().and_then(pystr::char_of) {
                        Some(c) if cp != 0xFFFE => Some(c.to_string()),
                        Some(_) => None,
                        None => return Err(type_error("character mapping must be in range(0x110000)")),
                    }
                }
                Ok(x) => match pystr::as_str(&x) {
                    Some(s) if s != "\u{fffe}" => Some(s.to_string()),
                    Some(_) => None,
                    None => return Err(type_error("character mapping must return integer, None or str")),
                },
                Err(e) if e.matches(exc().lookup_error) => None,
                Err(e) => return Err(e),
            }
        };
        match mapped {
            Some(s) => {
                out.push_str(&s);
                i += 1;
            }
            None => i = cx.handle(&data, i, i + 1, "character maps to <undefined>", &mut out, false, &no_pass)?,
        }
    }
    Ok(result(pystr::from_string(out), data.len()))
}

fn c_charmap_encode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("charmap_encode", a, kw, &["", "", ""], 3, 3, 1)?;
    let s = v[0].clone().unwrap();
    let text = str_arg(&s, "charmap_encode", 1)?;
    let errors = errors_arg(v[1].as_ref(), "charmap_encode", 2)?;
    let Some(m) = v[2].clone().filter(|m| !none::is_none(m)) else {
        return simple_encode("charmap_encode", "latin-1", &[s, pystr::from_string(errors)], &KwArgs::EMPTY);
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, &ch) in chars.iter().enumerate() {
        let c = pystr::code_point(ch);
        let mapped = match protocol::getitem(&m, &int::from_u64(c as u64)) {
            Ok(x) if none::is_none(&x) => None,
            Ok(x) if int::is_int(&x) => match int::to_i64(&x) {
                Some(n @ 0..=255) => Some(vec![n as u8]),
                _ => return Err(type_error("character mapping must be in range(256)")),
            },
            Ok(x) => match bytes::as_bytes(&x) {
                Some(b) => Some(b.to_vec()),
                None => return Err(type_error("character mapping must return integer, bytes or None, not str")),
            },
            Err(e) if e.matches(exc().lookup_error) => None,
            Err(e) => return Err(e),
        };
        match (mapped, errors.as_str()) {
            (Some(b), _) => out.extend(b),
            (None, "ignore") => {}
            (None, "replace") => out.push(b'?'),
            (None, "xmlcharrefreplace") => out.extend(format!("&#{c};").into_bytes()),
            (None, "backslashreplace") => out.extend(escape_cp(c).into_bytes()),
            (None, "namereplace") => out.extend(name_escape(c).into_bytes()),
            (None, "surrogateescape") if (0xDC80..=0xDCFF).contains(&c) => out.push((c - 0xDC00) as u8),
            (None, _) => {
                return Err(PyErr(new_exception(
                    exc().unicode_encode_error,
                    vec![pystr::new("charmap"), s.clone(), int::from_usize(i), int::from_usize(i + 1), pystr::new("character maps to <undefined>")],
                )))
            }
        }
    }
    Ok(result(bytes::new(out), chars.len()))
}

fn c_readbuffer_encode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = int::bind_args("readbuffer_encode", a, kw, &["", ""], 2, 2, 1)?;
    let o = v[0].clone().unwrap();
    let data = match pystr::as_str(&o) {
        Some(s) => s.as_bytes().to_vec(),
        None => bytes_arg(&o)?,
    };
    let n = data.len();
    Ok(result(bytes::new(data), n))
}

/// Creates the `_pyc_codecs` module (re-exported as `_codecs`).
pub fn create() -> PyResult<Obj> {
    let m = module::new("_pyc_codecs");
    let d = module::dict(&m);
    let fns: &[(&'static str, CallFn)] = &[
        ("register", c_register), ("unregister", c_unregister), ("lookup", c_lookup), ("_forget_codec", c_forget_codec),
        ("encode", c_encode), ("decode", c_decode), ("lookup_error", c_lookup_error), ("register_error", c_register_error),
        ("utf_8_encode", c_utf_8_encode), ("utf_8_decode", c_utf_8_decode),
        ("latin_1_encode", c_latin_1_encode), ("latin_1_decode", c_latin_1_decode),
        ("ascii_encode", c_ascii_encode), ("ascii_decode", c_ascii_decode),
        ("utf_16_encode", c_utf_16_encode), ("utf_16_decode", c_utf_16_decode),
        ("utf_16_le_encode", c_utf_16_le_encode), ("utf_16_le_decode", c_utf_16_le_decode),
        ("utf_16_be_encode", c_utf_16_be_encode), ("utf_16_be_decode", c_utf_16_be_decode),
        ("utf_32_encode", c_utf_32_encode), ("utf_32_decode", c_utf_32_decode),
        ("utf_32_le_encode", c_utf_32_le_encode), ("utf_32_le_decode", c_utf_32_le_decode),
        ("utf_32_be_encode", c_utf_32_be_encode), ("utf_32_be_decode", c_utf_32_be_decode),
        ("utf_16_ex_decode", c_utf_16_ex_decode), ("utf_32_ex_decode", c_utf_32_ex_decode),
        ("escape_encode", c_escape_encode), ("escape_decode", c_escape_decode),
        ("unicode_escape_encode", c_unicode_escape_encode), ("unicode_escape_decode", c_unicode_escape_decode),
        ("raw_unicode_escape_encode", c_raw_unicode_escape_encode), ("raw_unicode_escape_decode", c_raw_unicode_escape_decode),
        ("charmap_build", c_charmap_build), ("charmap_decode", c_charmap_decode), ("charmap_encode", c_charmap_encode),
        ("readbuffer_encode", c_readbuffer_encode),
    ];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("_codecs", name, *func));
    }
    Ok(m)
}
