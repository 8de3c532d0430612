//! The `_locale` module over the C library: `setlocale`, `localeconv`, `nl_langinfo`,
//! `strcoll`, `strxfrm`, `getencoding`, the gettext stubs, the LC_* and langinfo
//! constants and `Error` — what CPython's `locale`, `calendar` and `_strptime` need.
//! As CPython does at start-up, LC_CTYPE is taken from the environment (done when the
//! module is first imported).

use std::cell::RefCell;
use std::ffi::{CStr, CString};

use crate::errors::{type_error, value_error};
use crate::object::{Obj, PyErr, PyResult};
use crate::types::function::new_builtin_in;
use crate::types::int::bind_args;
use crate::types::typeobj::{CallFn, KwArgs};
use crate::types::{dict, int, list, module, none, str as pystr};

/// C's CHAR_MAX (char is signed on the platforms we build for).
const CHAR_MAX: i64 = 127;

static ERROR: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));

fn locale_error(msg: &str) -> PyErr {
    match ERROR.with(|e| e.borrow().clone()) {
        Some(c) => super::binascii::raise_class(&c, msg),
        None => value_error(msg),
    }
}

fn c_text(p: *const libc::c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    // SAFETY: the C library returns NUL-terminated strings.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

fn str_arg(fname: &str, o: &Obj, pos: usize) -> PyResult<CString> {
    let s = pystr::as_str(o).ok_or_else(|| type_error(format!("{fname}() argument {pos} must be str, not {}", o.type_name())))?;
    CString::new(s).map_err(|_| value_error("embedded null character"))
}

fn l_setlocale(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("setlocale", a, kw, &["category", "locale"], 0, 2, 1)?;
    let cat = crate::protocol::index_i64(b[0].as_ref().unwrap())? as libc::c_int;
    let loc = match &b[1] {
        Some(o) if !none::is_none(o) => Some(str_arg("setlocale", o, 2)?),
        _ => None,
    };
    // SAFETY: setlocale with a NUL-terminated name or NULL (a query).
    let r = unsafe { libc::setlocale(cat, loc.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())) };
    if r.is_null() {
        return Err(locale_error(if loc.is_some() { "unsupported locale setting" } else { "locale query failed" }));
    }
    Ok(pystr::from_string(c_text(r)))
}

/// A `grouping` string as CPython lists it: up to and including the terminating 0,
/// nothing when it starts with CHAR_MAX.
fn grouping(p: *const libc::c_char) -> Obj {
    let mut out = Vec::new();
    if !p.is_null() {
        // SAFETY: grouping is a NUL-terminated byte string.
        let raw = unsafe { CStr::from_ptr(p) }.to_bytes();
        if !raw.is_empty() && raw[0] != CHAR_MAX as u8 {
            out.extend(raw.iter().map(|&g| int::from_i64(g as i64)));
            out.push(int::from_i64(0));
        }
    }
    list::new(out)
}

fn l_localeconv(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bind_args("localeconv", a, kw, &[], 0, 0, 0)?;
    // SAFETY: localeconv returns a pointer to a static struct we only read.
    let lc = unsafe { &*libc::localeconv() };
    let d = dict::new();
    let s = |k: &str, p: *const libc::c_char| dict::set_item_str(&d, k, pystr::from_string(c_text(p)));
    let n = |k: &str, v: libc::c_char| dict::set_item_str(&d, k, int::from_i64(v as u8 as i64));
    s("int_curr_symbol", lc.int_curr_symbol);
    s("currency_symbol", lc.currency_symbol);
    s("mon_decimal_point", lc.mon_decimal_point);
    s("mon_thousands_sep", lc.mon_thousands_sep);
    dict::set_item_str(&d, "mon_grouping", grouping(lc.mon_grouping));
    s("positive_sign", lc.positive_sign);
    s("negative_sign", lc.negative_sign);
    n("int_frac_digits", lc.int_frac_digits);
    n("frac_digits", lc.frac_digits);
    n("p_cs_precedes", lc.p_cs_precedes);
    n("p_sep_by_space", lc.p_sep_by_space);
    n("n_cs_precedes", lc.n_cs_precedes);
    n("n_sep_by_space", lc.n_sep_by_space);
    n("p_sign_posn", lc.p_sign_posn);
    n("n_sign_posn", lc.n_sign_posn);
    s("decimal_point", lc.decimal_point);
    s("thousands_sep", lc.thousands_sep);
    dict::set_item_str(&d, "grouping", grouping(lc.grouping));
    Ok(d)
}

/// The langinfo constants the module exports (CPython's list for glibc).
fn langinfo_names() -> Vec<(&'static str, libc::nl_item)> {
    use libc::*;
    let mut v = vec![
        ("RADIXCHAR", RADIXCHAR), ("THOUSEP", THOUSEP), ("CRNCYSTR", CRNCYSTR), ("D_T_FMT", D_T_FMT),
        ("D_FMT", D_FMT), ("T_FMT", T_FMT), ("AM_STR", AM_STR), ("PM_STR", PM_STR), ("CODESET", CODESET),
        ("T_FMT_AMPM", T_FMT_AMPM), ("ERA", ERA), ("ERA_D_FMT", ERA_D_FMT), ("ALT_DIGITS", ALT_DIGITS),
        ("YESEXPR", YESEXPR), ("NOEXPR", NOEXPR), ("ERA_D_T_FMT", ERA_D_T_FMT), ("ERA_T_FMT", ERA_T_FMT),
        ("_DATE_FMT", 0x2006C),
    ];
    const DAYS: [&str; 7] = ["DAY_1", "DAY_2", "DAY_3", "DAY_4", "DAY_5", "DAY_6", "DAY_7"];
    const ABDAYS: [&str; 7] = ["ABDAY_1", "ABDAY_2", "ABDAY_3", "ABDAY_4", "ABDAY_5", "ABDAY_6", "ABDAY_7"];
    const MONS: [&str; 12] = ["MON_1", "MON_2", "MON_3", "MON_4", "MON_5", "MON_6", "MON_7", "MON_8", "MON_9", "MON_10", "MON_11", "MON_12"];
    const ABMONS: [&str; 12] = ["ABMON_1", "ABMON_2", "ABMON_3", "ABMON_4", "ABMON_5", "ABMON_6", "ABMON_7", "ABMON_8", "ABMON_9", "ABMON_10", "ABMON_11", "ABMON_12"];
    for (i, n) in DAYS.iter().enumerate() {
        v.push((n, DAY_1 + i as nl_item));
        v.push((ABDAYS[i], ABDAY_1 + i as nl_item));
    }
    for (i, n) in MONS.iter().enumerate() {
        v.push((n, MON_1 + i as nl_item));
        v.push((ABMONS[i], ABMON_1 + i as nl_item));
    }
    v
}

fn l_nl_langinfo(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("nl_langinfo", a, kw, &["key"], 1, 1, 1)?;
    let key = crate::protocol::index_i64(b[0].as_ref().unwrap())?;
    if !langinfo_names().iter().any(|(_, v)| *v as i64 == key) {
        return Err(value_error("unsupported langinfo constant"));
    }
    // SAFETY: nl_langinfo with a known item returns a NUL-terminated string.
    Ok(pystr::from_string(c_text(unsafe { libc::nl_langinfo(key as libc::nl_item) })))
}

/// A str argument as a wide C string (collation works on wchar_t).
fn wide(fname: &str, o: &Obj, pos: usize) -> PyResult<Vec<libc::wchar_t>> {
    let s = pystr::as_str(o).ok_or_else(|| type_error(format!("{fname}() argument {pos} must be str, not {}", o.type_name())))?;
    if s.contains('\0') {
        return Err(value_error("embedded null character"));
    }
    Ok(s.chars().map(|c| c as libc::wchar_t).chain(std::iter::once(0)).collect())
}

extern "C" {
    fn wcscoll(a: *const libc::wchar_t, b: *const libc::wchar_t) -> libc::c_int;
    fn wcsxfrm(dst: *mut libc::wchar_t, src: *const libc::wchar_t, n: libc::size_t) -> libc::size_t;
}

fn l_strcoll(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("strcoll", a, kw, &["", ""], 2, 2, 2)?;
    let (x, y) = (wide("strcoll", b[0].as_ref().unwrap(), 1)?, wide("strcoll", b[1].as_ref().unwrap(), 2)?);
    // SAFETY: both strings are NUL-terminated buffers we own.
    Ok(int::from_i64(unsafe { wcscoll(x.as_ptr(), y.as_ptr()) } as i64))
}

fn l_strxfrm(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("strxfrm", a, kw, &[""], 1, 1, 1)?;
    let src = wide("strxfrm", b[0].as_ref().unwrap(), 1)?;
    // SAFETY: a size query (n = 0), then a transform into a buffer of the reported size.
    let n = unsafe { wcsxfrm(std::ptr::null_mut(), src.as_ptr(), 0) };
    let mut out: Vec<libc::wchar_t> = vec![0; n + 1];
    unsafe { wcsxfrm(out.as_mut_ptr(), src.as_ptr(), n + 1) };
    out.truncate(n);
    Ok(pystr::from_string(out.iter().filter_map(|&c| char::from_u32(c as u32)).collect()))
}

fn l_getencoding(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bind_args("getencoding", a, kw, &[], 0, 0, 0)?;
    // SAFETY: CODESET is a valid item.
    let cs = c_text(unsafe { libc::nl_langinfo(libc::CODESET) });
    Ok(pystr::from_string(match cs.as_str() {
        "" => "utf-8".to_string(),
        _ => cs,
    }))
}

/// gettext without message catalogs: the message itself.
fn l_gettext(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let msg = match a.len() {
        1 | 2 | 3 => &a[if a.len() == 1 { 0 } else { 1 }],
        n => return Err(type_error(format!("gettext() takes 1 to 3 arguments ({n} given)"))),
    };
    Ok(msg.clone())
}

fn l_textdomain(_s: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(a.first().filter(|d| !none::is_none(d)).cloned().unwrap_or_else(|| pystr::new("messages")))
}

fn l_none(_s: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(none::none())
}

const LC: &[(&str, libc::c_int)] = &[
    ("LC_CTYPE", libc::LC_CTYPE), ("LC_NUMERIC", libc::LC_NUMERIC), ("LC_TIME", libc::LC_TIME),
    ("LC_COLLATE", libc::LC_COLLATE), ("LC_MONETARY", libc::LC_MONETARY), ("LC_MESSAGES", libc::LC_MESSAGES),
    ("LC_ALL", libc::LC_ALL),
];

/// Creates the `_locale` module.
pub fn create() -> PyResult<Obj> {
    // SAFETY: CPython's start-up does the same: LC_CTYPE from the environment.
    unsafe { libc::setlocale(libc::LC_CTYPE, c"".as_ptr()) };
    let m = module::new("_locale");
    let d = module::dict(&m);
    let fns: &[(&'static str, CallFn)] = &[
        ("setlocale", l_setlocale), ("localeconv", l_localeconv), ("nl_langinfo", l_nl_langinfo),
        ("strcoll", l_strcoll), ("strxfrm", l_strxfrm), ("getencoding", l_getencoding),
        ("gettext", l_gettext), ("dgettext", l_gettext), ("dcgettext", l_gettext), ("textdomain", l_textdomain),
        ("bindtextdomain", l_none), ("bind_textdomain_codeset", l_none),
    ];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("_locale", name, *func));
    }
    for (name, v) in LC {
        dict::set_item_str(&d, name, int::from_i64(*v as i64));
    }
    for (name, v) in langinfo_names() {
        dict::set_item_str(&d, name, int::from_i64(v as i64));
    }
    dict::set_item_str(&d, "CHAR_MAX", int::from_i64(CHAR_MAX));
    let err = match ERROR.with(|e| e.borrow().clone()) {
        Some(e) => e,
        None => {
            let e = super::binascii::cached_exception_class("locale", "Error", crate::types::exceptions::exc().exception)?;
            ERROR.with(|c| *c.borrow_mut() = Some(e.clone()));
            e
        }
    };
    dict::set_item_str(&d, "Error", err);
    Ok(m)
}
