//! `re.Match` (the spans of one match and accessors for its groups) and
//! `_sre.SRE_Scanner` (successive matches over one subject: `finditer`, `re.Scanner`).

use std::rc::Rc;

use super::matcher::{Found, Mode};
use super::pattern::pat;
use super::{parse_args, sre_types, Subject};
use crate::errors::{index_error, type_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::typeobj::{drop_as, KwArgs, MethodDef};
use crate::types::{dict, int, none, str as pystr, tuple, TypeSpec};

#[repr(C)]
pub struct MatchObj {
    head: ObjHeader,
    pattern: Obj,
    subject: Rc<Subject>,
    pos: usize,
    endpos: usize,
    /// (start, end) of group 0..=groups; (-1, -1) for groups that did not take part.
    spans: Vec<(isize, isize)>,
    lastindex: isize,
}

pub fn new_match(pattern: &Obj, subject: &Rc<Subject>, pos: usize, endpos: usize, f: Found) -> Obj {
    let groups = pat(pattern).map_or(0, |p| p.groups);
    let mut spans = vec![(f.start as isize, f.end as isize)];
    for g in 1..=groups {
        spans.push(match (f.marks.get(2 * g - 2), f.marks.get(2 * g - 1)) {
            (Some(&a), Some(&b)) if a != usize::MAX && b != usize::MAX => (a as isize, b as isize),
            _ => (-1, -1),
        });
    }
    let m = MatchObj { head: header(), pattern: pattern.clone(), subject: subject.clone(), pos, endpos, spans, lastindex: f.lastindex };
    alloc(sre_types()[1], m)
}

fn mat(o: &Obj) -> PyResult<&MatchObj> {
    o.downcast::<MatchObj>(sre_types()[1]).ok_or_else(|| type_error(format!("descriptor requires a 're.Match' object but received '{}'", o.type_name())))
}

/// The group number a `group()` argument names: an int, or a name in groupindex.
fn group_index(m: &MatchObj, g: &Obj) -> PyResult<usize> {
    let no_such = || index_error("no such group");
    let i = if int::is_int(g) {
        int::to_i64(g).unwrap_or(-1)
    } else {
        let gi = &pat(&m.pattern)?.groupindex;
        match (pystr::is_str(g), dict::is_dict(gi)) {
            (true, true) => match dict::get_item(gi, g)? {
                Some(v) if int::is_int(&v) => int::to_i64(&v).unwrap_or(-1),
                _ => -1,
            },
            _ => -1,
        }
    };
    if i < 0 || i as usize >= m.spans.len() {
        return Err(no_such());
    }
    Ok(i as usize)
}

fn group_value(m: &MatchObj, i: usize, default: &Obj) -> Obj {
    match m.spans[i] {
        (a, b) if a >= 0 && b >= 0 => m.subject.slice(a as usize, b as usize),
        _ => default.clone(),
    }
}

fn no_kw(name: &str, kw: &KwArgs) -> PyResult<()> {
    if kw.is_empty() { Ok(()) } else { Err(type_error(format!("{name}() takes no keyword arguments"))) }
}

fn m_group(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("group", kw)?;
    let m = mat(o)?;
    let one = |g: &Obj| -> PyResult<Obj> { Ok(group_value(m, group_index(m, g)?, &none::none())) };
    match a.len() {
        0 => Ok(group_value(m, 0, &none::none())),
        1 => one(&a[0]),
        _ => Ok(tuple::new(a.iter().map(one).collect::<PyResult<Vec<_>>>()?)),
    }
}

fn m_getitem(o: &Obj, g: &Obj) -> PyResult<Obj> {
    let m = mat(o)?;
    Ok(group_value(m, group_index(m, g)?, &none::none()))
}

fn m_groups(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = parse_args("groups", a, kw, &["default"], 0)?;
    let m = mat(o)?;
    let d = v[0].clone().unwrap_or_else(none::none);
    Ok(tuple::new((1..m.spans.len()).map(|i| group_value(m, i, &d)).collect()))
}

fn m_groupdict(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = parse_args("groupdict", a, kw, &["default"], 0)?;
    let m = mat(o)?;
    let d = v[0].clone().unwrap_or_else(none::none);
    let out = dict::new();
    let gi = pat(&m.pattern)?.groupindex.clone();
    for key in protocol::collect(&gi)? {
        let i = group_index(m, &key)?;
        dict::set_item(&out, key, group_value(m, i, &d))?;
    }
    Ok(out)
}

fn span_of(name: &str, o: &Obj, a: &[Obj]) -> PyResult<(isize, isize)> {
    let m = mat(o)?;
    if a.len() > 2 {
        return Err(type_error(format!("{name} expected at most 1 argument, got {}", a.len() - 1)));
    }
    let i = match a.get(1) {
        Some(g) => group_index(m, g)?,
        None => 0,
    };
    Ok(m.spans[i])
}

fn m_start(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_i64(span_of("start", &a[0], a)?.0 as i64))
}
fn m_end(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_i64(span_of("end", &a[0], a)?.1 as i64))
}
fn span_tuple((s, e): (isize, isize)) -> Obj {
    tuple::new(vec![int::from_i64(s as i64), int::from_i64(e as i64)])
}
fn m_span(a: &[Obj]) -> PyResult<Obj> {
    Ok(span_tuple(span_of("span", &a[0], a)?))
}

/// `expand(template)`: the template is parsed by re's own Python code (`re._expand`).
fn m_expand(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let v = parse_args("expand", a, kw, &["template"], 1)?;
    let m = mat(o)?;
    let re = crate::builtins::import_module_level(&pystr::new("re"), &dict::new(), &none::none(), 0)?;
    protocol::call(&protocol::getattr_str(&re, "_expand")?, &[m.pattern.clone(), o.clone(), v[0].clone().unwrap()])
}

fn g_string(o: &Obj) -> PyResult<Obj> {
    Ok(mat(o)?.subject.obj.clone())
}
fn g_re(o: &Obj) -> PyResult<Obj> {
    Ok(mat(o)?.pattern.clone())
}
fn g_pos(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(mat(o)?.pos as i64))
}
fn g_endpos(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(mat(o)?.endpos as i64))
}
fn g_lastindex(o: &Obj) -> PyResult<Obj> {
    let m = mat(o)?;
    Ok(if m.lastindex >= 0 { int::from_i64(m.lastindex as i64) } else { none::none() })
}
fn g_lastgroup(o: &Obj) -> PyResult<Obj> {
    let m = mat(o)?;
    if m.lastindex < 0 {
        return Ok(none::none());
    }
    let ig = &pat(&m.pattern)?.indexgroup;
    Ok(protocol::getitem(ig, &int::from_i64(m.lastindex as i64)).unwrap_or_else(|_| none::none()))
}
fn g_regs(o: &Obj) -> PyResult<Obj> {
    Ok(tuple::new(mat(o)?.spans.iter().map(|s| span_tuple(*s)).collect()))
}

/// `<re.Match object; span=(0, 3), match='abc'>` (the match's repr cut to 50 characters).
fn m_repr(o: &Obj) -> PyResult<Obj> {
    let m = mat(o)?;
    let text = protocol::repr_string(&group_value(m, 0, &none::none()))?;
    let text: String = text.chars().take(50).collect();
    let (s, e) = m.spans[0];
    Ok(pystr::from_string(format!("<re.Match object; span=({s}, {e}), match={text}>")))
}

fn m_copy(a: &[Obj]) -> PyResult<Obj> {
    Ok(a[0].clone())
}

/// `__class_getitem__` of Pattern and Match (`re.Match[str]`).
pub fn class_getitem(cls: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("__class_getitem__", kw)?;
    if a.len() != 1 {
        return Err(type_error(format!("__class_getitem__() takes exactly one argument ({} given)", a.len())));
    }
    Ok(crate::types::generic_alias::new(cls, &a[0]))
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("re.Match", std::mem::size_of::<MatchObj>(), drop_as::<MatchObj>);
    s.final_ = true;
    s.slots.repr = Some(m_repr);
    s.slots.getitem = Some(m_getitem);
    s.methods = vec![
        MethodDef::MethodKw { name: "group", func: m_group },
        MethodDef::MethodKw { name: "groups", func: m_groups },
        MethodDef::MethodKw { name: "groupdict", func: m_groupdict },
        MethodDef::Method { name: "start", func: m_start, min: 1, max: 2 },
        MethodDef::Method { name: "end", func: m_end, min: 1, max: 2 },
        MethodDef::Method { name: "span", func: m_span, min: 1, max: 2 },
        MethodDef::MethodKw { name: "expand", func: m_expand },
        MethodDef::Method { name: "__copy__", func: m_copy, min: 1, max: 1 },
        MethodDef::Method { name: "__deepcopy__", func: m_copy, min: 2, max: 2 },
        MethodDef::ClassMethod { name: "__class_getitem__", func: class_getitem },
        MethodDef::Getter { name: "string", get: g_string },
        MethodDef::Getter { name: "re", get: g_re },
        MethodDef::Getter { name: "pos", get: g_pos },
        MethodDef::Getter { name: "endpos", get: g_endpos },
        MethodDef::Getter { name: "lastindex", get: g_lastindex },
        MethodDef::Getter { name: "lastgroup", get: g_lastgroup },
        MethodDef::Getter { name: "regs", get: g_regs },
    ];
    s
}

// ----- scanner -----

#[repr(C)]
pub struct ScannerObj {
    head: ObjHeader,
    pattern: Obj,
    subject: Rc<Subject>,
    pos: usize,
    endpos: usize,
    /// Where the next attempt starts; None once an attempt failed.
    next: Option<usize>,
    must_advance: bool,
}

pub fn new_scanner(pattern: &Obj, subject: Rc<Subject>, pos: usize, endpos: usize) -> Obj {
    let s = ScannerObj { head: header(), pattern: pattern.clone(), subject, pos, endpos, next: Some(pos), must_advance: false };
    alloc(sre_types()[2], s)
}

fn scanner_step(o: &Obj, search: bool) -> PyResult<Obj> {
    let sc = o.downcast::<ScannerObj>(sre_types()[2]).ok_or_else(|| type_error("expected a scanner"))?;
    let Some(start) = sc.next else { return Ok(none::none()) };
    let p = pat(&sc.pattern)?;
    let mode = Mode { match_all: false, must_advance: sc.must_advance };
    let found = sc.subject.with_engine(&p.code, p.groups, sc.endpos, |e| if search { e.search(start, mode) } else { e.match_at(start, mode) });
    // SAFETY: the scanner's own fields; no Python code runs while the borrow lives.
    let st = unsafe { o.payload_mut::<ScannerObj>() };
    match found {
        None => {
            st.next = None;
            Ok(none::none())
        }
        Some(f) => {
            st.must_advance = f.end == f.start;
            st.next = Some(f.end);
            let (pattern, subject, pos, endpos) = (st.pattern.clone(), st.subject.clone(), st.pos, st.endpos);
            Ok(new_match(&pattern, &subject, pos, endpos, f))
        }
    }
}

fn sc_match(a: &[Obj]) -> PyResult<Obj> {
    scanner_step(&a[0], false)
}
fn sc_search(a: &[Obj]) -> PyResult<Obj> {
    scanner_step(&a[0], true)
}
fn sc_pattern(o: &Obj) -> PyResult<Obj> {
    o.downcast::<ScannerObj>(sre_types()[2]).map(|s| s.pattern.clone()).ok_or_else(|| type_error("expected a scanner"))
}

pub fn scanner_spec() -> TypeSpec {
    let mut s = TypeSpec::new("_sre.SRE_Scanner", std::mem::size_of::<ScannerObj>(), drop_as::<ScannerObj>);
    s.final_ = true;
    s.methods = vec![
        MethodDef::Method { name: "match", func: sc_match, min: 1, max: 1 },
        MethodDef::Method { name: "search", func: sc_search, min: 1, max: 1 },
        MethodDef::Getter { name: "pattern", get: sc_pattern },
    ];
    s
}
