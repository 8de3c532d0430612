//! The native `_json` module: `scanstring` (JSON string literal decoding with CPython's
//! C-scanner error messages and positions: "Invalid \escape", "Invalid \uXXXX escape",
//! "Invalid control character at", "Unterminated string starting at"), the
//! `encode_basestring` / `encode_basestring_ascii` escapers, and the two types json.py
//! prefers over its pure-Python fallbacks: `make_scanner` (json_scan.rs, the whole
//! decoder) and `make_encoder` (json_encode.rs, the one-shot `dumps` path without indent).
//! With them `json.dumps`/`json.loads` run about as fast as CPython's (performance.md,
//! session 18).

use crate::errors::{type_error, value_error};
use std::fmt::Write;
use crate::object::{Obj, PyErr, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{CallFn, KwArgs};
use crate::types::{dict, int, module, str as pystr, tuple};

/// `json.decoder.JSONDecodeError(msg, doc, pos)` (json.decoder is the caller, so it is
/// in `sys.modules`); a ValueError if it is not.
pub(super) fn decode_error(msg: &str, doc: &Obj, pos: usize) -> PyErr {
    let cls = dict::get_item_str(&super::sys::modules_dict(), &pystr::intern("json.decoder"))
        .and_then(|m| protocol::getattr_str(&m, "JSONDecodeError").ok());
    let Some(cls) = cls else { return value_error(msg) };
    match protocol::call(&cls, &[pystr::new(msg), doc.clone(), int::from_usize(pos)]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

fn hex4(b: &[u8]) -> Option<u32> {
    let s = std::str::from_utf8(b.get(..4)?).ok()?;
    if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

/// Decodes the string literal whose body starts at byte `start` of `text`; returns the
/// value and the byte offset after the closing quote. Errors carry byte offsets.
fn scan(text: &str, start: usize, strict: bool) -> Result<(String, usize), (&'static str, usize)> {
    let b = text.as_bytes();
    let begin = start.saturating_sub(1);
    let mut out = String::new();
    let mut i = start;
    loop {
        let run = i;
        while i < b.len() && b[i] != b'"' && b[i] != b'\\' {
            if strict && b[i] <= 0x1f {
                return Err(("Invalid control character at", i));
            }
            i += 1;
        }
        out.push_str(&text[run..i]);
        if i >= b.len() {
            return Err(("Unterminated string starting at", begin));
        }
        if b[i] == b'"' {
            return Ok((out, i + 1));
        }
        let esc = i + 1;
        let Some(&c) = b.get(esc) else { return Err(("Unterminated string starting at", begin)) };
        if c != b'u' {
            out.push(match c {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                _ => return Err(("Invalid \\escape", i)),
            });
            i = esc + 1;
            continue;
        }
        let digits = esc + 1;
        if digits + 4 >= b.len() {
            return Err(("Invalid \\uXXXX escape", esc));
        }
        let Some(mut cp) = hex4(&b[digits..]) else { return Err(("Invalid \\uXXXX escape", esc)) };
        i = digits + 4;
        if (0xd800..0xdc00).contains(&cp) && i + 6 < b.len() && b[i] == b'\\' && b[i + 1] == b'u' {
            let Some(lo) = hex4(&b[i + 2..]) else { return Err(("Invalid \\uXXXX escape", i + 1)) };
            if (0xdc00..0xe000).contains(&lo) {
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                i += 6;
            }
        }
        match pystr::char_of(cp) {
            Some(ch) => out.push(ch),
            None => return Err(("surrogate", i)),
        }
    }
}

/// Decodes the string literal whose body starts at byte `start` of `doc` (whose text is
/// `text`): the value and the byte offset after the closing quote, or the JSONDecodeError
/// CPython raises, with a code-point position.
pub(super) fn scan_string(doc: &Obj, text: &str, start: usize, strict: bool) -> PyResult<(String, usize)> {
    match scan(text, start, strict) {
        Ok(r) => Ok(r),
        Err(("surrogate", _)) => Err(value_error("surrogate code points are not supported")),
        Err((msg, at)) => Err(decode_error(msg, doc, pystr::char_index(doc, at))),
    }
}

fn f_scanstring(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = crate::types::int::bind_args("scanstring", args, kw, &["string", "end", "strict"], 3, 3, 2)?;
    let doc = a[0].clone().unwrap();
    let Some(text) = pystr::as_str(&doc) else {
        return Err(type_error(format!("first argument must be a string, not {}", doc.type_name())));
    };
    let end = protocol::index_i64(a[1].as_ref().unwrap())?;
    let strict = match &a[2] {
        Some(s) => protocol::is_true(s)?,
        None => true,
    };
    if end < 0 || end as usize > pystr::char_len(&doc) {
        return Err(value_error("end is out of bounds"));
    }
    let start = pystr::byte_offset(&doc, end as usize);
    let (s, after) = scan_string(&doc, text, start, strict)?;
    Ok(tuple::new(vec![pystr::from_string(s), int::from_usize(pystr::char_index(&doc, after))]))
}

/// Appends the JSON text of `s` with quotes to `out`; with `ascii`, everything outside
/// ' '..='~' is escaped as \uXXXX (UTF-16 units), as CPython's `encode_basestring_ascii`.
pub(super) fn encode_into(out: &mut String, s: &str, ascii: bool) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let code = c as u32;
        if code >= 0x20 && c != '"' && c != '\\' && !(ascii && code >= 0x7f) {
            continue;
        }
        out.push_str(&s[run..i]);
        run = i + c.len_utf8();
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            _ => {
                let mut units = [0u16; 2];
                let units: &[u16] = if pystr::is_standin(c) { &[pystr::code_point(c) as u16] } else { c.encode_utf16(&mut units) };
                for u in units {
                    let _ = write!(out, "\\u{:04x}", u);
                }
            }
        }
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// `Some(ascii)` when `f` is this module's `encode_basestring_ascii` (true) or
/// `encode_basestring` (false), which the encoder then runs inline.
pub(super) fn native_escaper(f: &Obj) -> Option<bool> {
    let func = crate::types::function::as_builtin(f)?.func as usize;
    if func == f_encode_basestring_ascii as CallFn as usize {
        Some(true)
    } else if func == f_encode_basestring as CallFn as usize {
        Some(false)
    } else {
        None
    }
}

fn encode_fn(name: &str, args: &[Obj], kw: &KwArgs, ascii: bool) -> PyResult<Obj> {
    super::itertools::exact_args(name, args, kw, 1)?;
    match pystr::as_str(&args[0]) {
        Some(s) => {
            let mut out = String::new();
            encode_into(&mut out, s, ascii);
            Ok(pystr::from_string(out))
        }
        None => Err(type_error(format!("first argument must be a string, not {}", args[0].type_name()))),
    }
}

fn f_encode_basestring_ascii(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    encode_fn("encode_basestring_ascii", args, kw, true)
}
fn f_encode_basestring(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    encode_fn("encode_basestring", args, kw, false)
}

/// Creates the `_json` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_json");
    let d = module::dict(&m);
    let fns: &[(&'static str, CallFn)] = &[
        ("scanstring", f_scanstring), ("encode_basestring_ascii", f_encode_basestring_ascii),
        ("encode_basestring", f_encode_basestring),
    ];
    for (name, f) in fns {
        dict::set_item_str(&d, name, new_builtin_in("_json", name, *f));
    }
    dict::set_item_str(&d, "make_scanner", super::json_scan::scanner_type().as_obj());
    dict::set_item_str(&d, "make_encoder", super::json_encode::encoder_type().as_obj());
    Ok(m)
}
