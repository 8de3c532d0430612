//! The `unicodedata` module (Unicode 14.0.0, CPython 3.11's version): character names
//! and `lookup`, the properties (category, bidirectional class, combining class, east
//! asian width, mirrored, decomposition, decimal/digit/numeric values) and the four
//! normalization forms. The data is generated into unicodedata_db.rs; Hangul syllables
//! are decomposed and composed algorithmically, as the standard defines them. Name
//! aliases and named sequences are not looked up.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::errors::{key_error, type_error, value_error};
use crate::object::{Obj, PyResult};
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{CallFn, KwArgs};
use crate::types::{bool as pybool, bytes, dict, float, int, module, str as pystr};

use super::unicodedata_db as db;

// ----- lookups -----

fn props(cp: u32) -> u32 {
    let i = db::PROPS.partition_point(|(start, _)| *start <= cp);
    db::PROPS[i.saturating_sub(1)].1
}

fn ccc(c: char) -> u8 {
    (props(c as u32) >> 14) as u8
}

fn numeric_entry(cp: u32) -> Option<&'static (u32, i8, i8, f64)> {
    db::NUMERIC.binary_search_by_key(&cp, |e| e.0).ok().map(|i| &db::NUMERIC[i])
}

fn decomposition_of(cp: u32) -> Option<&'static str> {
    db::DECOMPOSITION.binary_search_by_key(&cp, |e| e.0).ok().map(|i| db::DECOMPOSITION[i].1)
}

fn name_of(cp: u32) -> Option<String> {
    if let Ok(i) = db::NAMES.binary_search_by_key(&cp, |e| e.0) {
        return Some(db::NAMES[i].1.to_string());
    }
    db::NAME_RANGES.iter().find(|(a, b, _)| (*a..=*b).contains(&cp)).map(|(_, _, p)| format!("{p}{cp:04X}"))
}

fn code_of(name: &str) -> Option<u32> {
    static INDEX: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    let upper = name.to_ascii_uppercase();
    let index = INDEX.get_or_init(|| db::NAMES.iter().map(|(cp, n)| (*n, *cp)).collect());
    // Hangul syllables are only found by their exact spelling (`hangul_code`).
    if let Some(cp) = index.get(upper.as_str()).filter(|cp| !(S_BASE..S_BASE + S_COUNT).contains(*cp)) {
        return Some(*cp);
    }
    // As CPython: unified ideographs by their exact (upper-case, 4 or 5 digit) spelling,
    // the other ranges like any stored name.
    const UNIFIED: &str = "CJK UNIFIED IDEOGRAPH-";
    db::NAME_RANGES.iter().find_map(|(a, b, p)| {
        let cp = if *p == UNIFIED {
            let hex = name.strip_prefix(UNIFIED).filter(|h| (4..=5).contains(&h.len()))?;
            if !hex.bytes().all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(&c)) {
                return None;
            }
            u32::from_str_radix(hex, 16).ok()?
        } else {
            let hex = upper.strip_prefix(p)?;
            u32::from_str_radix(hex, 16).ok().filter(|cp| hex == format!("{cp:04X}"))?
        };
        (*a..=*b).contains(&cp).then_some(cp)
    })
}

// ----- arguments -----

fn char_arg(fname: &str, what: &str, o: &Obj) -> PyResult<char> {
    let err = || type_error(format!("{fname}() {what} must be a unicode character, not {}", o.type_name()));
    let s = pystr::as_str(o).ok_or_else(err)?;
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(err()),
    }
}

fn one(fname: &str, a: &[Obj], kw: &KwArgs) -> PyResult<char> {
    if !kw.is_empty() {
        return Err(type_error(format!("{fname}() takes no keyword arguments")));
    }
    match a {
        [x] => char_arg(fname, "argument", x),
        _ => Err(type_error(format!("{fname}() takes exactly one argument ({} given)", a.len()))),
    }
}

/// `(chr, default=<none>)` arguments of name/decimal/digit/numeric.
fn with_default<'a>(fname: &str, a: &'a [Obj], kw: &KwArgs) -> PyResult<(char, Option<&'a Obj>)> {
    if !kw.is_empty() {
        return Err(type_error(format!("{fname}() takes no keyword arguments")));
    }
    if a.is_empty() || a.len() > 2 {
        let (bound, n) = if a.is_empty() { ("least", 1) } else { ("most", 2) };
        return Err(type_error(format!("{fname} expected at {bound} {n} argument{}, got {}", if n == 1 { "" } else { "s" }, a.len())));
    }
    Ok((char_arg(fname, "argument 1", &a[0])?, a.get(1)))
}

fn or_default(v: Option<Obj>, default: Option<&Obj>, msg: &str) -> PyResult<Obj> {
    v.or_else(|| default.cloned()).ok_or_else(|| value_error(msg.to_string()))
}

// ----- properties -----

fn u_category(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let c = one("category", a, kw)?;
    Ok(pystr::new(db::CATEGORIES[(props(pystr::code_point(c)) & 31) as usize]))
}

fn u_bidirectional(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let c = one("bidirectional", a, kw)?;
    Ok(pystr::new(db::BIDI[((props(pystr::code_point(c)) >> 5) & 31) as usize]))
}

fn u_east_asian_width(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let c = one("east_asian_width", a, kw)?;
    Ok(pystr::new(db::EAW[((props(pystr::code_point(c)) >> 10) & 7) as usize]))
}

fn u_mirrored(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let c = one("mirrored", a, kw)?;
    Ok(int::from_i64(((props(pystr::code_point(c)) >> 13) & 1) as i64))
}

fn u_combining(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    Ok(int::from_i64(ccc(one("combining", a, kw)?) as i64))
}

fn u_decomposition(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let c = one("decomposition", a, kw)?;
    Ok(pystr::new(decomposition_of(pystr::code_point(c)).unwrap_or("")))
}

fn u_decimal(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (c, d) = with_default("decimal", a, kw)?;
    let v = numeric_entry(pystr::code_point(c)).filter(|e| e.1 >= 0).map(|e| int::from_i64(e.1 as i64));
    or_default(v, d, "not a decimal")
}

fn u_digit(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (c, d) = with_default("digit", a, kw)?;
    let v = numeric_entry(pystr::code_point(c)).filter(|e| e.2 >= 0).map(|e| int::from_i64(e.2 as i64));
    or_default(v, d, "not a digit")
}

fn u_numeric(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (c, d) = with_default("numeric", a, kw)?;
    or_default(numeric_entry(pystr::code_point(c)).map(|e| float::new(e.3)), d, "not a numeric character")
}

/// The Unicode name of code point `cp` (`\N{...}` escapes of the `namereplace` handler).
pub fn char_name(cp: u32) -> Option<String> {
    hangul_name(cp).or_else(|| name_of(cp))
}

fn u_name(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (c, d) = with_default("name", a, kw)?;
    let n = char_name(pystr::code_point(c));
    or_default(n.map(pystr::from_string), d, "no such name")
}

fn u_lookup(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() || a.len() != 1 {
        return Err(type_error(format!("lookup() takes exactly one argument ({} given)", a.len())));
    }
    let name = match pystr::as_str(&a[0]) {
        Some(s) => s.to_string(),
        None => {
            let b = bytes::buffer_data(&a[0]).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", a[0].type_name())))?;
            String::from_utf8_lossy(&b).into_owned()
        }
    };
    let cp = hangul_code(&name).or_else(|| code_of(&name));
    match cp.and_then(char::from_u32) {
        Some(c) => Ok(pystr::from_string(c.to_string())),
        None => Err(key_error(pystr::from_string(format!("undefined character name '{name}'")))),
    }
}

// ----- Hangul syllables (Unicode's algorithm) -----

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

const JAMO_L: [&str; 19] = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V: [&str; 21] = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
const JAMO_T: [&str; 28] = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];

fn hangul_name(cp: u32) -> Option<String> {
    let s = cp.checked_sub(S_BASE).filter(|s| *s < S_COUNT)?;
    let (l, v, t) = (s / N_COUNT, (s % N_COUNT) / T_COUNT, s % T_COUNT);
    Some(format!("HANGUL SYLLABLE {}{}{}", JAMO_L[l as usize], JAMO_V[v as usize], JAMO_T[t as usize]))
}

fn hangul_code(name: &str) -> Option<u32> {
    let rest = name.strip_prefix("HANGUL SYLLABLE ")?;
    (0..S_COUNT).map(|s| S_BASE + s).find(|cp| hangul_name(*cp).map_or(false, |n| &n[16..] == rest))
}

// ----- normalization -----

fn decompose_into(c: char, compat: bool, out: &mut Vec<char>) {
    let cp = c as u32;
    if let Some(s) = cp.checked_sub(S_BASE).filter(|s| *s < S_COUNT) {
        out.push(char::from_u32(L_BASE + s / N_COUNT).unwrap_or(c));
        out.push(char::from_u32(V_BASE + (s % N_COUNT) / T_COUNT).unwrap_or(c));
        if s % T_COUNT != 0 {
            out.push(char::from_u32(T_BASE + s % T_COUNT).unwrap_or(c));
        }
        return;
    }
    match decomposition_of(cp) {
        Some(d) if compat || !d.starts_with('<') => {
            let parts = d.split(' ').filter(|p| !p.starts_with('<'));
            for p in parts.filter_map(|p| u32::from_str_radix(p, 16).ok()).filter_map(char::from_u32) {
                decompose_into(p, compat, out);
            }
        }
        _ => out.push(c),
    }
}

fn decompose(s: &str, compat: bool) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose_into(c, compat, &mut out);
    }
    // Canonical ordering: each run of non-starters sorted (stably) by combining class.
    let mut i = 0;
    while i < out.len() {
        if ccc(out[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < out.len() && ccc(out[i]) != 0 {
            i += 1;
        }
        out[start..i].sort_by_key(|c| ccc(*c));
    }
    out
}

fn compose_pair(a: char, b: char) -> Option<char> {
    let (a, b) = (a as u32, b as u32);
    if (L_BASE..L_BASE + L_COUNT).contains(&a) && (V_BASE..V_BASE + V_COUNT).contains(&b) {
        return char::from_u32(S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT);
    }
    if (S_BASE..S_BASE + S_COUNT).contains(&a) && (a - S_BASE) % T_COUNT == 0 && (T_BASE + 1..T_BASE + T_COUNT).contains(&b) {
        return char::from_u32(a + (b - T_BASE));
    }
    db::COMPOSE.binary_search_by_key(&(a, b), |e| (e.0, e.1)).ok().and_then(|i| char::from_u32(db::COMPOSE[i].2))
}

fn compose(chars: Vec<char>) -> String {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut starter: Option<usize> = None;
    // Combining class of the last character kept after the starter (None: nothing yet).
    let mut last: Option<u8> = None;
    for c in chars {
        let cc = ccc(c);
        if let Some(si) = starter {
            let blocked = matches!(last, Some(l) if l == 0 || l >= cc);
            if !blocked {
                if let Some(p) = compose_pair(out[si], c) {
                    out[si] = p;
                    continue;
                }
            }
        }
        if cc == 0 {
            starter = Some(out.len());
            last = None;
        } else {
            last = Some(cc);
        }
        out.push(c);
    }
    out.into_iter().collect()
}

fn normalize(form: &str, s: &str) -> PyResult<String> {
    Ok(match form {
        "NFD" => decompose(s, false).into_iter().collect(),
        "NFKD" => decompose(s, true).into_iter().collect(),
        "NFC" => compose(decompose(s, false)),
        "NFKC" => compose(decompose(s, true)),
        _ => return Err(value_error("invalid normalization form")),
    })
}

fn form_args<'a>(fname: &str, a: &'a [Obj], kw: &KwArgs) -> PyResult<(&'a str, &'a Obj)> {
    if !kw.is_empty() {
        return Err(type_error(format!("{fname}() takes no keyword arguments")));
    }
    if a.len() != 2 {
        return Err(type_error(format!("{fname} expected 2 arguments, got {}", a.len())));
    }
    let form = pystr::as_str(&a[0]).ok_or_else(|| type_error(format!("{fname}() argument 1 must be str, not {}", a[0].type_name())))?;
    if !pystr::is_str(&a[1]) {
        return Err(type_error(format!("{fname}() argument 2 must be str, not {}", a[1].type_name())));
    }
    Ok((form, &a[1]))
}

fn u_normalize(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (form, s) = form_args("normalize", a, kw)?;
    let text = pystr::as_str(s).unwrap_or("");
    let r = normalize(form, text)?;
    Ok(if r == text { s.clone() } else { pystr::from_string(r) })
}

fn u_is_normalized(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (form, s) = form_args("is_normalized", a, kw)?;
    let text = pystr::as_str(s).unwrap_or("");
    Ok(pybool::from_bool(normalize(form, text)? == text))
}

/// Creates the `unicodedata` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("unicodedata");
    let d = module::dict(&m);
    let fns: &[(&'static str, CallFn)] = &[
        ("category", u_category), ("bidirectional", u_bidirectional), ("east_asian_width", u_east_asian_width),
        ("mirrored", u_mirrored), ("combining", u_combining), ("decomposition", u_decomposition),
        ("decimal", u_decimal), ("digit", u_digit), ("numeric", u_numeric), ("name", u_name),
        ("lookup", u_lookup), ("normalize", u_normalize), ("is_normalized", u_is_normalized),
    ];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("unicodedata", name, *func));
    }
    dict::set_item_str(&d, "unidata_version", pystr::new("14.0.0"));
    Ok(m)
}
