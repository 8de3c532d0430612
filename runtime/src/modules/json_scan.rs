//! `_json.make_scanner` (CPython's `_json.Scanner`): the whole JSON decoder behind
//! `json.loads`. Built from a JSONDecoder-like context (its `strict`, `object_hook`,
//! `object_pairs_hook`, `parse_float`, `parse_int`, `parse_constant`, read once);
//! `scanner(string, idx)` returns `(value, end)` or raises `StopIteration(idx)` where no
//! value starts (json.decoder turns that into "Expecting value"), and JSONDecodeError with
//! the C scanner's messages and positions inside objects and arrays. Hooks are called in
//! CPython's order (innermost first), object keys are shared through a per-call memo,
//! and each nested object or array counts a recursion level as in CPython.
//!
//! The scan works on the str's UTF-8 bytes (every JSON delimiter is ASCII); positions
//! become code-point indices only where they leave: errors and the returned end.

use super::itertools::{module_type, LazyType};
use super::json::{decode_error, scan_string};
use crate::errors::{stop_iteration, type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::protocol;
use crate::recursion;
use crate::types::none::{false_, is_none, none, true_};
use crate::types::typeobj::{as_type, drop_as, KwArgs, TypeObject};
use crate::types::{dict, float, int, list, str as pystr, tuple, types, TypeSpec};
use std::collections::HashMap;

#[repr(C)]
struct Scanner {
    head: ObjHeader,
    strict: bool,
    object_hook: Obj,
    object_pairs_hook: Obj,
    parse_float: Obj,
    parse_int: Obj,
    parse_constant: Obj,
}

static SCANNER: LazyType = LazyType::new();

/// The `_json.Scanner` type (`_json.make_scanner`).
pub fn scanner_type() -> &'static TypeObject {
    SCANNER.get(|| module_type("_json", scanner_spec()))
}

fn sp(o: &Obj) -> &Scanner {
    // SAFETY: only called on the receiver of Scanner's own slots, whose layout is Scanner.
    unsafe { o.payload::<Scanner>() }
}

fn scanner_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = int::bind_args("make_scanner", args, kw, &["context"], 0, 1, 1)?;
    let ctx = a[0].as_ref().unwrap();
    let strict = protocol::is_true(&protocol::getattr_str(ctx, "strict")?)?;
    let object_hook = protocol::getattr_str(ctx, "object_hook")?;
    let object_pairs_hook = protocol::getattr_str(ctx, "object_pairs_hook")?;
    let parse_float = protocol::getattr_str(ctx, "parse_float")?;
    let parse_int = protocol::getattr_str(ctx, "parse_int")?;
    let parse_constant = protocol::getattr_str(ctx, "parse_constant")?;
    let s = Scanner { head: header(), strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant };
    Ok(alloc(as_type(cls), s))
}

fn scanner_call(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = int::bind_args("scan_once", args, kw, &["string", "idx"], 0, 2, 2)?;
    let doc = a[0].clone().unwrap();
    let Some(text) = pystr::as_str(&doc) else {
        return Err(type_error(format!("first argument must be a string, not {}", doc.type_name())));
    };
    let idx = protocol::index_i64(a[1].as_ref().unwrap())?;
    if idx < 0 {
        return Err(value_error("idx cannot be negative"));
    }
    if idx as u64 >= pystr::char_len(&doc) as u64 {
        return Err(stop_iteration(Some(int::from_i64(idx))));
    }
    let start = pystr::byte_offset(&doc, idx as usize);
    let mut run = Run { s: sp(o), doc: &doc, text, b: text.as_bytes(), memo: HashMap::new() };
    let (value, end) = run.value(start)?;
    Ok(tuple::pair(value, int::from_usize(pystr::char_index(&doc, end))))
}

/// One top-level scan: the document and the memo of object keys (CPython clears its memo
/// after each call, so a per-call map is the same).
struct Run<'a> {
    s: &'a Scanner,
    doc: &'a Obj,
    text: &'a str,
    b: &'a [u8],
    memo: HashMap<String, Obj>,
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

impl Run<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.b.len() && is_ws(self.b[i]) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize, c: u8) -> bool {
        self.b.get(i) == Some(&c)
    }

    fn error(&self, msg: &str, i: usize) -> PyErr {
        decode_error(msg, self.doc, pystr::char_index(self.doc, i))
    }

    fn stop(&self, i: usize) -> PyErr {
        stop_iteration(Some(int::from_usize(pystr::char_index(self.doc, i))))
    }

    /// The value starting at byte `i` and the byte offset after it.
    fn value(&mut self, i: usize) -> PyResult<(Obj, usize)> {
        let Some(&c) = self.b.get(i) else { return Err(self.stop(i)) };
        let rest = &self.b[i..];
        match c {
            b'"' => {
                let (s, end) = scan_string(self.doc, self.text, i + 1, self.s.strict)?;
                Ok((pystr::from_string(s), end))
            }
            b'{' => self.nested(" while decoding a JSON object from a unicode string", |r| r.object(i + 1)),
            b'[' => self.nested(" while decoding a JSON array from a unicode string", |r| r.array(i + 1)),
            b'n' if rest.starts_with(b"null") => Ok((none(), i + 4)),
            b't' if rest.starts_with(b"true") => Ok((true_(), i + 4)),
            b'f' if rest.starts_with(b"false") => Ok((false_(), i + 5)),
            b'N' if rest.starts_with(b"NaN") => self.constant("NaN", i),
            b'I' if rest.starts_with(b"Infinity") => self.constant("Infinity", i),
            b'-' if rest.starts_with(b"-Infinity") => self.constant("-Infinity", i),
            _ => self.number(i),
        }
    }

    fn nested(&mut self, what: &'static str, f: impl FnOnce(&mut Self) -> PyResult<(Obj, usize)>) -> PyResult<(Obj, usize)> {
        recursion::enter_for(what)?;
        let r = f(self);
        recursion::leave();
        r
    }

    fn constant(&self, name: &str, i: usize) -> PyResult<(Obj, usize)> {
        let v = protocol::call(&self.s.parse_constant, &[pystr::new(name)])?;
        Ok((v, i + name.len()))
    }

    /// A number (the grammar of json.scanner's NUMBER_RE); StopIteration where none starts.
    fn number(&self, start: usize) -> PyResult<(Obj, usize)> {
        let b = self.b;
        let digit = |i: usize| b.get(i).map_or(false, u8::is_ascii_digit);
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
        }
        match b.get(i) {
            Some(b'1'..=b'9') => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            Some(b'0') => i += 1,
            _ => return Err(self.stop(start)),
        }
        let mut is_float = false;
        if self.at(i, b'.') && digit(i + 1) {
            is_float = true;
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        if (self.at(i, b'e') || self.at(i, b'E')) && i + 1 < b.len() {
            let e = i;
            i += 1;
            if (self.at(i, b'-') || self.at(i, b'+')) && i + 1 < b.len() {
                i += 1;
            }
            while digit(i) {
                i += 1;
            }
            if b[i - 1].is_ascii_digit() {
                is_float = true;
            } else {
                i = e;
            }
        }
        let text = &self.text[start..i];
        let (hook, default) = if is_float { (&self.s.parse_float, types().float) } else { (&self.s.parse_int, types().int) };
        if !hook.is(&default.as_obj()) {
            return Ok((protocol::call(hook, &[pystr::new(text)])?, i));
        }
        let v = if is_float {
            float::new(text.parse::<f64>().unwrap_or(f64::NAN))
        } else if text.len() <= 18 {
            int::from_i64(text.parse::<i64>().unwrap_or(0))
        } else {
            int::from_bigint(int::parse_int_str(text, 10)?.unwrap_or_default())
        };
        Ok((v, i))
    }

    /// The key at byte `i` (an opening quote), shared with equal keys seen before.
    fn key(&mut self, i: usize) -> PyResult<(Obj, usize)> {
        if !self.at(i, b'"') {
            return Err(self.error("Expecting property name enclosed in double quotes", i));
        }
        let (s, end) = scan_string(self.doc, self.text, i + 1, self.s.strict)?;
        if let Some(k) = self.memo.get(&s) {
            return Ok((k.clone(), end));
        }
        let k = pystr::new(&s);
        self.memo.insert(s, k.clone());
        Ok((k, end))
    }

    /// The object whose body starts at byte `i` (after the brace).
    fn object(&mut self, mut i: usize) -> PyResult<(Obj, usize)> {
        let pairs_hook = !is_none(&self.s.object_pairs_hook);
        let (mut pairs, d) = (Vec::new(), if pairs_hook { None } else { Some(dict::new()) });
        i = self.skip_ws(i);
        if !self.at(i, b'}') {
            loop {
                let (key, end) = self.key(i)?;
                i = self.skip_ws(end);
                if !self.at(i, b':') {
                    return Err(self.error("Expecting ':' delimiter", i));
                }
                i = self.skip_ws(i + 1);
                let (value, end) = self.value(i)?;
                match &d {
                    Some(d) => dict::set_item(d, key, value)?,
                    None => pairs.push(tuple::pair(key, value)),
                }
                i = self.skip_ws(end);
                if self.at(i, b'}') {
                    break;
                }
                if !self.at(i, b',') {
                    return Err(self.error("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        let result = match d {
            None => protocol::call(&self.s.object_pairs_hook, &[list::new(pairs)])?,
            Some(d) if !is_none(&self.s.object_hook) => protocol::call(&self.s.object_hook, &[d])?,
            Some(d) => d,
        };
        Ok((result, i + 1))
    }

    /// The array whose body starts at byte `i` (after the bracket).
    fn array(&mut self, mut i: usize) -> PyResult<(Obj, usize)> {
        let mut items = Vec::new();
        i = self.skip_ws(i);
        if !self.at(i, b']') {
            loop {
                let (value, end) = self.value(i)?;
                items.push(value);
                i = self.skip_ws(end);
                if self.at(i, b']') {
                    break;
                }
                if !self.at(i, b',') {
                    return Err(self.error("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((list::new(items), i + 1))
    }
}

fn scanner_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let s = sp(o);
    for x in [&s.object_hook, &s.object_pairs_hook, &s.parse_float, &s.parse_int, &s.parse_constant] {
        visit(x);
    }
}

fn scanner_spec() -> TypeSpec {
    let mut s = TypeSpec::new("Scanner", std::mem::size_of::<Scanner>(), drop_as::<Scanner>);
    s.slots.new = Some(scanner_new);
    s.slots.call = Some(scanner_call);
    s.slots.traverse = Some(scanner_traverse);
    s
}
