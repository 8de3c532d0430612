//! The native `_sre` module, the engine under CPython's pure-Python `re` package:
//! `compile` (called by re/_compiler.py with the code list it generated), the case
//! helpers the compiler asks for, and the `re.Pattern`, `re.Match` and
//! `_sre.SRE_Scanner` types. Submodules: `chars` (character classes and case mappings),
//! `matcher` (the backtracking engine), `pattern`, `match_obj` (the Python-facing types).

mod chars;
mod match_obj;
mod matcher;
mod pattern;

use std::cell::RefCell;
use std::rc::Rc;

use crate::errors::type_error;
use crate::object::{Obj, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{CallFn, KwArgs, TypeObject};
use crate::types::{bool as pybool, bytes as pybytes, dict, int, module, str as pystr, types};

use matcher::{Found, Matcher, Mode, Unit};

pub const MAGIC: i64 = 20220615;
pub const MAXGROUPS: i64 = 1073741823;

// Per-interpreter state shared by all threads (read and written under the GIL).
static TYPES: crate::gil::GilCell<RefCell<Option<[&'static TypeObject; 3]>>> = crate::gil::GilCell::new(RefCell::new(None));

/// The Pattern, Match and Scanner types (created on first use).
fn sre_types() -> [&'static TypeObject; 3] {
    if let Some(t) = TYPES.with(|t| *t.borrow()) {
        return t;
    }
    let named = |spec, qual: &str, module: &str| {
        let t = super::make_type(spec);
        *t.qualname.borrow_mut() = qual.to_string();
        *t.module.borrow_mut() = module.to_string();
        t
    };
    let ts = [
        named(pattern::spec(), "Pattern", "re"),
        named(match_obj::spec(), "Match", "re"),
        named(match_obj::scanner_spec(), "SRE_Scanner", "_sre"),
    ];
    TYPES.with(|t| *t.borrow_mut() = Some(ts));
    ts
}

// ----- arguments -----

/// Binds positional and keyword arguments to `names` with CPython's (Argument Clinic)
/// messages; the first `required` are mandatory.
fn parse_args(fname: &str, args: &[Obj], kw: &KwArgs, names: &[&str], required: usize) -> PyResult<Vec<Option<Obj>>> {
    if args.len() > names.len() {
        let s = if names.len() == 1 { "" } else { "s" };
        return Err(type_error(format!("{fname}() takes at most {} argument{s} ({} given)", names.len(), args.len() + kw.len())));
    }
    let mut out: Vec<Option<Obj>> = names.iter().enumerate().map(|(i, _)| args.get(i).cloned()).collect();
    for (k, v) in kw.iter() {
        let k = pystr::as_str(k).unwrap_or("");
        match names.iter().position(|n| *n == k) {
            None => return Err(type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))),
            Some(i) if i < args.len() => {
                return Err(type_error(format!("argument for {fname}() given by name ('{k}') and position ({})", i + 1)))
            }
            Some(i) => out[i] = Some(v.clone()),
        }
    }
    if let Some(i) = (0..required).find(|i| out[*i].is_none()) {
        return Err(type_error(format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
    }
    Ok(out)
}

/// An index-sized integer argument (pos, endpos, count, maxsplit), clamped into isize.
fn ssize_arg(o: &Option<Obj>, default: i64) -> PyResult<i64> {
    match o {
        None => Ok(default),
        Some(o) => protocol::index_i64(o),
    }
}

// ----- subjects -----

/// The units a pattern runs over.
enum Units {
    /// An ASCII str or an immutable bytes object: matched on its own bytes.
    Borrowed(Obj),
    /// A copy of a mutable buffer (bytearray, memoryview).
    Bytes(Vec<u8>),
    /// The code points of a non-ASCII str.
    Wide(Vec<u32>),
}

/// A string being matched, shared by the matches found in it.
pub struct Subject {
    pub obj: Obj,
    units: Units,
    pub is_bytes: bool,
    pub len: usize,
}

impl Subject {
    /// Accepts str and bytes-like objects ("expected string or bytes-like object").
    fn new(obj: &Obj) -> PyResult<Rc<Subject>> {
        if let Some(s) = pystr::as_str(obj) {
            let units = if s.is_ascii() { Units::Borrowed(obj.clone()) } else { Units::Wide(s.chars().map(pystr::code_point).collect()) };
            let len = pystr::char_len(obj);
            return Ok(Rc::new(Subject { obj: obj.clone(), units, is_bytes: false, len }));
        }
        let units = if pybytes::as_bytes(obj).is_some() {
            Units::Borrowed(obj.clone())
        } else if let Some(b) = pybytes::buffer_data(obj) {
            Units::Bytes(b)
        } else {
            return Err(type_error(format!("expected string or bytes-like object, got '{}'", obj.type_name())));
        };
        let mut s = Subject { obj: obj.clone(), units, is_bytes: true, len: 0 };
        s.len = s.narrow().map_or(0, |b| b.len());
        Ok(Rc::new(s))
    }

    fn narrow(&self) -> Option<&[u8]> {
        match &self.units {
            Units::Borrowed(o) => pystr::as_str(o).map(|s| s.as_bytes()).or_else(|| pybytes::as_bytes(o)),
            Units::Bytes(b) => Some(b),
            Units::Wide(_) => None,
        }
    }

    /// `string[start:end]` as str or bytes (CPython returns bytes for any buffer).
    pub fn slice(&self, start: usize, end: usize) -> Obj {
        let (start, end) = (start.min(self.len), end.min(self.len));
        let end = end.max(start);
        if start == 0 && end == self.len && (self.obj.is_exact(types().str) || self.obj.is_exact(types().bytes)) {
            return self.obj.clone();
        }
        match (&self.units, self.is_bytes) {
            (Units::Wide(w), _) => pystr::from_string(w[start..end].iter().filter_map(|c| pystr::char_of(*c)).collect()),
            (_, false) => pystr::new(std::str::from_utf8(&self.narrow().unwrap_or(&[])[start..end]).unwrap_or("")),
            (_, true) => pybytes::new(self.narrow().unwrap_or(&[])[start..end].to_vec()),
        }
    }

    /// Runs `f` with a matcher over this subject (endpos `end`).
    fn with_engine<R>(&self, code: &[u32], groups: usize, end: usize, f: impl FnOnce(&mut dyn Engine) -> R) -> R {
        match &self.units {
            Units::Wide(w) => f(&mut Matcher::new(code, &w[..], end, groups)),
            _ => f(&mut Matcher::new(code, self.narrow().unwrap_or(&[]), end, groups)),
        }
    }
}

/// The two searches, over either unit width.
trait Engine {
    fn match_at(&mut self, pos: usize, mode: Mode) -> Option<Found>;
    fn search(&mut self, pos: usize, mode: Mode) -> Option<Found>;
}

impl<T: Unit> Engine for Matcher<'_, T> {
    fn match_at(&mut self, pos: usize, mode: Mode) -> Option<Found> {
        Matcher::match_at(self, pos, mode)
    }
    fn search(&mut self, pos: usize, mode: Mode) -> Option<Found> {
        Matcher::search(self, pos, mode)
    }
}

/// CPython's clamping of `pos`/`endpos` to the subject.
fn clamp_range(len: usize, pos: i64, endpos: i64) -> (usize, usize) {
    let c = |v: i64| v.clamp(0, len as i64) as usize;
    (c(pos), c(endpos))
}

// ----- module functions -----

fn one_int(name: &str, a: &[Obj], kw: &KwArgs) -> PyResult<u32> {
    let v = parse_args(name, a, kw, &["character"], 1)?;
    let i = protocol::index_i64(v[0].as_ref().unwrap())?;
    Ok(u32::try_from(i).unwrap_or(u32::MAX))
}

fn f_getcodesize(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    parse_args("getcodesize", a, kw, &[], 0)?;
    Ok(int::from_i64(4))
}
fn f_ascii_iscased(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    Ok(pybool::from_bool(chars::ascii_iscased(one_int("ascii_iscased", a, kw)?)))
}
fn f_unicode_iscased(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    Ok(pybool::from_bool(chars::unicode_iscased(one_int("unicode_iscased", a, kw)?)))
}
fn f_ascii_tolower(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let c = one_int("ascii_tolower", a, kw)?;
    Ok(int::from_i64(if c < 128 { chars::lower_ascii(c) } else { c } as i64))
}
fn f_unicode_tolower(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    Ok(int::from_i64(chars::lower_uni(one_int("unicode_tolower", a, kw)?) as i64))
}

fn f_compile(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = parse_args("compile", a, kw, &["pattern", "flags", "code", "groups", "groupindex", "indexgroup"], 6)?;
    let arg = |i: usize| v[i].clone().unwrap();
    pattern::new_pattern(arg(0), protocol::index_i64(&arg(1))?, &arg(2), protocol::index_i64(&arg(3))?, arg(4), arg(5))
}

/// Creates the `_sre` module.
pub fn create() -> PyResult<Obj> {
    sre_types();
    let m = module::new("_sre");
    let d = module::dict(&m);
    let fns: &[(&'static str, CallFn)] = &[
        ("compile", f_compile),
        ("getcodesize", f_getcodesize),
        ("ascii_iscased", f_ascii_iscased),
        ("unicode_iscased", f_unicode_iscased),
        ("ascii_tolower", f_ascii_tolower),
        ("unicode_tolower", f_unicode_tolower),
    ];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("_sre", name, *func));
    }
    dict::set_item_str(&d, "MAGIC", int::from_i64(MAGIC));
    dict::set_item_str(&d, "CODESIZE", int::from_i64(4));
    dict::set_item_str(&d, "MAXREPEAT", int::from_i64(matcher::MAXREPEAT as i64));
    dict::set_item_str(&d, "MAXGROUPS", int::from_i64(MAXGROUPS));
    dict::set_item_str(&d, "copyright", pystr::new(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
    Ok(m)
}
