//! The native half of `_codecs` (module `_pyc_codecs`; `runtime/pylib/_codecs.py`
//! re-exports it and makes the build include the standard `encodings.*` codecs): the
//! codec registry (`register`, `lookup` with the `encodings` package's search function
//! imported on first use, as CPython's registry does), `encode`/`decode`, the error
//! handler registry, and the codec primitives `encodings.*` call (UTF-8/16/32, Latin-1,
//! ASCII, the escape codecs, charmap). UTF-8, Latin-1 and ASCII reuse the runtime's own
//! encoders (`types/bytes.rs`) so `str.encode` and `codecs.encode` agree.
//! Limits: strings cannot hold lone surrogates, so `surrogateescape`/`surrogatepass`
//! behave like `replace` on decoding; error handlers registered from Python are not
//! called by these primitives (only the built-in handler names are understood).

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

/// The UTF-16/32 codec a normalized name denotes (width, byte order), as the
/// `encodings` aliases spell them.
fn wide_codec(name: &str) -> Option<(usize, Order)> {
    let n = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    Some(match n.as_str() {
        "utf_16" | "utf16" | "u16" => (2, Order::Bom),
        "utf_16_le" | "utf_16le" => (2, Order::Le),
        "utf_16_be" | "utf_16be" => (2, Order::Be),
        "utf_32" | "utf32" | "u32" => (4, Order::Bom),
        "utf_32_le" | "utf_32le" => (4, Order::Le),
        "utf_32_be" | "utf_32be" => (4, Order::Be),
        _ => return None,
    })
}

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

/// `str.encode` (and text files) for encodings `types/bytes.rs` does not implement:
/// UTF-16/32 natively (no registry needed), any other through the codec registry.
pub fn encode_other(s: &Obj, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    if let Some((width, order)) = wide_codec(encoding) {
        let text = pystr::as_str(s).unwrap_or("");
        return Ok(wide_encode_core(text, width, order != Order::Be, order == Order::Bom));
    }
    let info = text_codec(encoding, "codecs.encode()")?;
    let v = call_codec(&info, 0, s, errors).map_err(|e| wrap_codec_error(e, "encoding", encoding))?;
    bytes::as_bytes_any(&v).map(<[u8]>::to_vec).ok_or_else(|| {
        type_error(format!(
            "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            v.type_name()
        ))
    })
}

/// `bytes.decode`, `str(b, encoding)` (and text files) for encodings `types/bytes.rs`
/// does not implement; `obj` is the object decoded (the error's `object`).
pub fn decode_other(data: &[u8], encoding: &str, errors: &str, obj: &Obj) -> PyResult<String> {
    if let Some((width, order)) = wide_codec(encoding) {
        let r = wide_decode_core(data, obj, width, order, errors, true);
        return r.map(|r| r.0).map_err(|e| if is_shortcut(encoding) { e } else { wrap_codec_error(e, "decoding", encoding) });
    }
    let info = text_codec(encoding, "codecs.decode()")?;
    let v = call_codec(&info, 1, obj, errors).map_err(|e| wrap_codec_error(e, "decoding", encoding))?;
    pystr::as_str(&v).map(str::to_string).ok_or_else(|| {
        type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            v.type_name()
        ))
    })
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
                    ("namereplace", "namereplace_errors", h_backslash),
                    ("surrogateescape", "surrogateescape", h_strict),
                    ("surrogatepass", "surrogatepass", h_strict),
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
    bad: Vec<char>,
    bad_bytes: Vec<u8>,
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
        bad = s.chars().skip(start).take(end.saturating_sub(start)).collect();
    } else if let Some(b) = bytes::as_bytes_any(&object) {
        bad_bytes = b.get(start..end.min(b.len())).unwrap_or(&[]).to_vec();
    }
    Ok(HandlerArg { exc: e, end: end_obj, encoding_error, bad, bad_bytes })
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
        h.bad.iter().for_each(|&c| r.push_str(&escape_char(c)));
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
    let r: String = h.bad.iter().map(|&c| format!("&#{};", c as u32)).collect();
    Ok(tuple::pair(pystr::from_string(r), h.end))
}

fn escape_char(c: char) -> String {
    match c as u32 {
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
    errors_arg(v[1].as_ref(), fname, 2)?;
    let mut le = order != Order::Be;
    if order == Order::Bom {
        let byteorder = v.get(2).and_then(|x| x.as_ref()).map_or(Ok(0), protocol::index_i64)?;
        le = byteorder <= 0;
    }
    let bom = order == Order::Bom && v.get(2).and_then(|x| x.as_ref()).map_or(Ok(0), protocol::index_i64)? == 0;
    Ok(result(bytes::new(wide_encode_core(&text, width, le, bom)), pystr::char_len(&s)))
}

/// UTF-16 (`width` 2) or UTF-32 (4) units of `text` in the given byte order, after a
/// byte order mark when `bom`.
fn wide_encode_core(text: &str, width: usize, le: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity((text.len() + 1) * width);
    let mut push = |u: u32| {
        let b = u.to_le_bytes();
        let unit = &b[..width];
        if le {
            out.extend_from_slice(unit);
        } else {
            out.extend(unit.iter().rev());
        }
    };
    if bom {
        push(0xFEFF);
    }
    if width == 2 {
        text.encode_utf16().for_each(|u| push(u as u32));
    } else {
        text.chars().for_each(|c| push(c as u32));
    }
    out
}

fn wide_error(enc: &str, obj: &Obj, start: usize, end: usize, reason: &str, errors: &str, out: &mut String) -> PyResult<()> {
    match errors {
        "ignore" => Ok(()),
        "backslashreplace" => {
            let data = bytes::buffer_data(obj).unwrap_or_default();
            data.get(start..end).unwrap_or(&[]).iter().for_each(|b| out.push_str(&format!("\\x{b:02x}")));
            Ok(())
        }
        "replace" | "surrogateescape" | "surrogatepass" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "strict" => Err(PyErr(new_exception(
            exc().unicode_decode_error,
            vec![pystr::new(enc), obj.clone(), int::from_usize(start), int::from_usize(end), pystr::new(reason)],
        ))),
        other => Err(lookup_error_type(format!("unknown error handler name '{other}'"))),
    }
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
    let mut out = String::new();
    while pos + width <= data.len() {
        let u = read_unit(&data[pos..pos + width], le);
        if width == 4 {
            match char::from_u32(u) {
                Some(c) => out.push(c),
                None => wide_error(enc, obj, pos, pos + 4, "code point not in range(0x110000)", errors, &mut out)?,
            }
            pos += 4;
            continue;
        }
        if !(0xD800..0xE000).contains(&u) {
            out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
            pos += 2;
        } else if u < 0xDC00 && pos + 4 <= data.len() {
            let lo = read_unit(&data[pos + 2..pos + 4], le);
            if (0xDC00..0xE000).contains(&lo) {
                out.push(char::from_u32(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)).unwrap_or('\u{fffd}'));
                pos += 4;
            } else {
                wide_error(enc, obj, pos, pos + 2, "illegal UTF-16 surrogate", errors, &mut out)?;
                pos += 2;
            }
        } else if u < 0xDC00 && !fin {
            break;
        } else {
            let reason = if u < 0xDC00 { "unexpected end of data" } else { "illegal encoding" };
            let end = if u < 0xDC00 { data.len() } else { pos + 2 };
            wide_error(enc, obj, pos, end, reason, errors, &mut out)?;
            pos = end;
        }
    }
    if fin && pos < data.len() {
        wide_error(enc, obj, pos, data.len(), "truncated data", errors, &mut out)?;
        pos = data.len();
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
    unescape(&data, true, &errors, &o, "unicodeescape", &mut |c| out.push(char::from_u32(c).unwrap_or('\u{fffd}')))?;
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
            _ => out.push_str(&escape_char(c)),
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
            out.extend_from_slice(escape_char(c).as_bytes());
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
        let cp = hex.and_then(|d| u32::from_str_radix(std::str::from_utf8(d).ok()?, 16).ok()).and_then(char::from_u32);
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
    for (i, &b) in data.iter().enumerate() {
        let Some(m) = &mapping else {
            out.push(b as char);
            continue;
        };
        let mapped = if let Some(t) = pystr::as_str(m) {
            t.chars().nth(b as usize).filter(|&c| c != '\u{fffe}').map(|c| c.to_string())
        } else {
            match protocol::getitem(m, &int::from_u64(b as u64)) {
                Ok(x) if none::is_none(&x) => None,
                Ok(x) if int::is_int(&x) => {
                    let cp = int::to_i64(&x).unwrap_or(-1);
                    match u32::try_from(cp).ok().and_then(char::from_u32) {
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
            Some(s) => out.push_str(&s),
            None => wide_error("charmap", &o, i, i + 1, "character maps to <undefined>", &errors, &mut out)?,
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
    for (i, &c) in chars.iter().enumerate() {
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
            (None, "xmlcharrefreplace") => out.extend(format!("&#{};", c as u32).into_bytes()),
            (None, "backslashreplace") => out.extend(escape_char(c).into_bytes()),
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
