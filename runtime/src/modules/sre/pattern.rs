//! `re.Pattern`: a compiled code list with its source and group names, and the methods
//! that run it (match, fullmatch, search, findall, finditer, split, sub, subn, scanner).

use std::rc::Rc;

use pyc_frontend::bytecode::CmpOp;

use super::matcher::{Found, Mode};
use super::{clamp_range, match_obj, parse_args, sre_types, ssize_arg, Engine, Subject};
use crate::errors::{overflow_error, type_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::typeobj::{drop_as, KwArgs, MethodDef};
use crate::types::{bool as pybool, bytes as pybytes, int, list, none, str as pystr, tuple, TypeSpec};

#[repr(C)]
pub struct PatternObj {
    head: ObjHeader,
    /// The source (str, bytes, or None for patterns built from parsed pieces).
    pub source: Obj,
    pub flags: i64,
    pub code: Vec<u32>,
    pub groups: usize,
    pub groupindex: Obj,
    pub indexgroup: Obj,
    /// None when the source is None: any subject kind is accepted.
    pub is_bytes: Option<bool>,
}

pub fn pat(o: &Obj) -> PyResult<&PatternObj> {
    o.downcast::<PatternObj>(sre_types()[0]).ok_or_else(|| type_error(format!("descriptor requires a 're.Pattern' object but received '{}'", o.type_name())))
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub fn new_pattern(source: Obj, flags: i64, code: &Obj, groups: i64, groupindex: Obj, indexgroup: Obj) -> PyResult<Obj> {
    let mut words = Vec::new();
    for w in protocol::collect(code)? {
        let v = protocol::index_i64(&w)?;
        words.push(u32::try_from(v).map_err(|_| overflow_error("regular expression code size limit exceeded"))?);
    }
    let is_bytes = if none::is_none(&source) { None } else { Some(!pystr::is_str(&source)) };
    let p = PatternObj { head: header(), source, flags, code: words, groups: groups.max(0) as usize, groupindex, indexgroup, is_bytes };
    Ok(alloc(sre_types()[0], p))
}

/// The subject of a call, checked against the pattern's kind.
fn subject_for(p: &PatternObj, string: &Obj) -> PyResult<Rc<Subject>> {
    let s = Subject::new(string)?;
    match p.is_bytes {
        Some(false) if s.is_bytes => Err(type_error("cannot use a string pattern on a bytes-like object")),
        Some(true) if !s.is_bytes => Err(type_error("cannot use a bytes pattern on a string-like object")),
        _ => Ok(s),
    }
}

/// Arguments `(string, pos=0, endpos=sys.maxsize)`: the subject and the clamped range.
fn subject_range(p: &PatternObj, fname: &str, a: &[Obj], kw: &KwArgs) -> PyResult<(Rc<Subject>, usize, usize)> {
    let v = parse_args(fname, a, kw, &["string", "pos", "endpos"], 1)?;
    let s = subject_for(p, v[0].as_ref().unwrap())?;
    let (pos, end) = clamp_range(s.len, ssize_arg(&v[1], 0)?, ssize_arg(&v[2], i64::MAX)?);
    Ok((s, pos, end))
}

#[derive(Clone, Copy, PartialEq)]
enum How {
    Match,
    FullMatch,
    Search,
}

fn run_once(o: &Obj, fname: &str, how: How, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let p = pat(o)?;
    let (s, pos, end) = subject_range(p, fname, a, kw)?;
    let found = s.with_engine(&p.code, p.groups, end, |e| match how {
        How::Search => e.search(pos, Mode::default()),
        _ => e.match_at(pos, Mode { match_all: how == How::FullMatch, must_advance: false }),
    });
    Ok(match found {
        Some(f) => match_obj::new_match(o, &s, pos, end, f),
        None => none::none(),
    })
}

fn p_match(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    run_once(o, "match", How::Match, a, kw)
}
fn p_fullmatch(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    run_once(o, "fullmatch", How::FullMatch, a, kw)
}
fn p_search(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    run_once(o, "search", How::Search, a, kw)
}

/// Calls `each` for successive non-overlapping matches from `pos` (an empty match is
/// never followed by another empty match at the same place), at most `limit` (0 = all)
/// times; `each` returns false to stop.
fn for_each_match(e: &mut dyn Engine, pos: usize, limit: i64, mut each: impl FnMut(&Found) -> PyResult<bool>) -> PyResult<()> {
    let (mut start, mut must_advance, mut n) = (pos, false, 0i64);
    while limit == 0 || n < limit {
        let Some(f) = e.search(start, Mode { match_all: false, must_advance }) else { break };
        if !each(&f)? {
            break;
        }
        n += 1;
        must_advance = f.end == f.start;
        start = f.end;
    }
    Ok(())
}

/// Group `g` (1-based) of a match: its text, or `default` when it did not take part.
fn group_or(s: &Subject, f: &Found, g: usize, default: &Obj) -> Obj {
    match (f.marks.get(2 * g - 2), f.marks.get(2 * g - 1)) {
        (Some(&a), Some(&b)) if a != usize::MAX && b != usize::MAX => s.slice(a, b),
        _ => default.clone(),
    }
}

fn empty_like(s: &Subject) -> Obj {
    if s.is_bytes { pybytes::new(vec![]) } else { pystr::new("") }
}

fn p_findall(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let p = pat(o)?;
    let (s, pos, end) = subject_range(p, "findall", a, kw)?;
    let empty = empty_like(&s);
    let mut out = Vec::new();
    s.with_engine(&p.code, p.groups, end, |e| {
        for_each_match(e, pos, 0, |f| {
            out.push(match p.groups {
                0 => s.slice(f.start, f.end),
                1 => group_or(&s, f, 1, &empty),
                n => tuple::new((1..=n).map(|g| group_or(&s, f, g, &empty)).collect()),
            });
            Ok(true)
        })
    })?;
    Ok(list::new(out))
}

fn p_scanner(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let p = pat(o)?;
    let (s, pos, end) = subject_range(p, "scanner", a, kw)?;
    Ok(match_obj::new_scanner(o, s, pos, end))
}

fn p_finditer(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let p = pat(o)?;
    let (s, pos, end) = subject_range(p, "finditer", a, kw)?;
    let scanner = match_obj::new_scanner(o, s, pos, end);
    let search = protocol::getattr_str(&scanner, "search")?;
    Ok(crate::types::iterators::new_callable_iter(search, none::none()))
}

fn p_split(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let p = pat(o)?;
    let v = parse_args("split", a, kw, &["string", "maxsplit"], 1)?;
    let s = subject_for(p, v[0].as_ref().unwrap())?;
    let maxsplit = ssize_arg(&v[1], 0)?;
    if maxsplit < 0 {
        return Ok(list::new(vec![s.slice(0, s.len)]));
    }
    let mut out = Vec::new();
    let mut last = 0;
    s.with_engine(&p.code, p.groups, s.len, |e| {
        for_each_match(e, 0, maxsplit, |f| {
            out.push(s.slice(last, f.start));
            out.extend((1..=p.groups).map(|g| group_or(&s, f, g, &none::none())));
            last = f.end;
            Ok(true)
        })
    })?;
    out.push(s.slice(last, s.len));
    Ok(list::new(out))
}

/// What replaces each match in sub/subn.
enum Filter {
    Literal(Obj),
    Call(Obj),
}

fn callable(o: &Obj) -> bool {
    o.ty().slots().call.is_some()
}

/// A replacement without backslashes is used as is; anything else goes through
/// `re._subx`, which parses the template (and reports its errors).
fn make_filter(o: &Obj, repl: &Obj) -> PyResult<Filter> {
    if callable(repl) {
        return Ok(Filter::Call(repl.clone()));
    }
    let literal = match pystr::as_str(repl) {
        Some(t) => !t.contains('\\'),
        None => pybytes::buffer_data(repl).map_or(false, |b| !b.contains(&b'\\')),
    };
    if literal {
        return Ok(Filter::Literal(repl.clone()));
    }
    let re = crate::builtins::import_module_level(&pystr::new("re"), &crate::types::dict::new(), &none::none(), 0)?;
    let f = protocol::call(&protocol::getattr_str(&re, "_subx")?, &[o.clone(), repl.clone()])?;
    Ok(if callable(&f) { Filter::Call(f) } else { Filter::Literal(f) })
}

fn subx(o: &Obj, fname: &str, a: &[Obj], kw: &KwArgs) -> PyResult<(Obj, i64)> {
    let p = pat(o)?;
    let v = parse_args(fname, a, kw, &["repl", "string", "count"], 2)?;
    let s = subject_for(p, v[1].as_ref().unwrap())?;
    let count = ssize_arg(&v[2], 0)?;
    let filter = make_filter(o, v[0].as_ref().unwrap())?;
    let (mut parts, mut last, mut n) = (Vec::new(), 0, 0);
    if count >= 0 {
        s.with_engine(&p.code, p.groups, s.len, |e| {
            for_each_match(e, 0, count, |f| {
                if last < f.start {
                    parts.push(s.slice(last, f.start));
                }
                match &filter {
                    Filter::Literal(l) => parts.push(l.clone()),
                    Filter::Call(func) => {
                        let r = protocol::call(func, &[match_obj::new_match(o, &s, 0, s.len, f.clone())])?;
                        if !none::is_none(&r) {
                            parts.push(r);
                        }
                    }
                }
                last = f.end;
                n += 1;
                Ok(true)
            })
        })?;
    }
    if last < s.len {
        parts.push(s.slice(last, s.len));
    }
    let joiner = empty_like(&s);
    let joined = if parts.is_empty() { joiner } else { protocol::call_method(&joiner, "join", &[list::new(parts)])? };
    Ok((joined, n))
}

fn p_sub(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    Ok(subx(o, "sub", a, kw)?.0)
}
fn p_subn(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (r, n) = subx(o, "subn", a, kw)?;
    Ok(tuple::new(vec![r, int::from_i64(n)]))
}

// ----- attributes, repr, comparison -----

fn g_pattern(o: &Obj) -> PyResult<Obj> {
    Ok(pat(o)?.source.clone())
}
fn g_flags(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(pat(o)?.flags))
}
fn g_groups(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(pat(o)?.groups as i64))
}
fn g_groupindex(o: &Obj) -> PyResult<Obj> {
    Ok(crate::types::descriptors::new_mappingproxy(pat(o)?.groupindex.clone()))
}

const FLAG_NAMES: [(&str, i64); 9] = [
    ("re.TEMPLATE", 1),
    ("re.IGNORECASE", 2),
    ("re.LOCALE", 4),
    ("re.MULTILINE", 8),
    ("re.DOTALL", 16),
    ("re.UNICODE", 32),
    ("re.VERBOSE", 64),
    ("re.DEBUG", 128),
    ("re.ASCII", 256),
];

/// `re.compile('a+', re.IGNORECASE)`: the source's repr cut to 200 characters, then the
/// flags by name (re.UNICODE omitted where it is implied).
fn p_repr(o: &Obj) -> PyResult<Obj> {
    let p = pat(o)?;
    let src = protocol::repr_string(&p.source)?;
    let src: String = src.chars().take(200).collect();
    let mut flags = p.flags;
    if p.is_bytes == Some(false) && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let mut names = Vec::new();
    for (name, bit) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("{:#x}", flags));
    }
    Ok(pystr::from_string(if names.is_empty() { format!("re.compile({src})") } else { format!("re.compile({src}, {})", names.join("|")) }))
}

fn p_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || b.downcast::<PatternObj>(sre_types()[0]).is_none() {
        return Ok(none::not_implemented());
    }
    let (x, y) = (pat(a)?, pat(b)?);
    let same = a.is(b)
        || (x.flags == y.flags && x.is_bytes == y.is_bytes && x.code == y.code && protocol::eq(&x.source, &y.source)?);
    Ok(pybool::from_bool(same == matches!(op, CmpOp::Eq)))
}

fn p_hash(o: &Obj) -> PyResult<i64> {
    let p = pat(o)?;
    let mut h = protocol::hash(&p.source)?;
    for w in &p.code {
        h = h.wrapping_mul(1000003) ^ *w as i64;
    }
    h ^= p.flags;
    Ok(if h == -1 { -2 } else { h })
}

fn p_copy(a: &[Obj]) -> PyResult<Obj> {
    Ok(a[0].clone())
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("re.Pattern", std::mem::size_of::<PatternObj>(), drop_as::<PatternObj>);
    s.final_ = true;
    s.slots.repr = Some(p_repr);
    s.slots.richcompare = Some(p_richcompare);
    s.slots.hash = Some(p_hash);
    s.methods = vec![
        MethodDef::MethodKw { name: "match", func: p_match },
        MethodDef::MethodKw { name: "fullmatch", func: p_fullmatch },
        MethodDef::MethodKw { name: "search", func: p_search },
        MethodDef::MethodKw { name: "findall", func: p_findall },
        MethodDef::MethodKw { name: "finditer", func: p_finditer },
        MethodDef::MethodKw { name: "split", func: p_split },
        MethodDef::MethodKw { name: "sub", func: p_sub },
        MethodDef::MethodKw { name: "subn", func: p_subn },
        MethodDef::MethodKw { name: "scanner", func: p_scanner },
        MethodDef::Method { name: "__copy__", func: p_copy, min: 1, max: 1 },
        MethodDef::Method { name: "__deepcopy__", func: p_copy, min: 2, max: 2 },
        MethodDef::ClassMethod { name: "__class_getitem__", func: match_obj::class_getitem },
        MethodDef::Getter { name: "pattern", get: g_pattern },
        MethodDef::Getter { name: "flags", get: g_flags },
        MethodDef::Getter { name: "groups", get: g_groups },
        MethodDef::Getter { name: "groupindex", get: g_groupindex },
    ];
    s
}
