//! The native `_string` module behind `string.Formatter`: `formatter_parser` (the
//! (literal, field_name, format_spec, conversion) tuples of a format string) and
//! `formatter_field_name_split` (a field name's first part and its `.attr` / `[key]`
//! accessors). Parsing is eager; an error found while parsing is raised by the iterator
//! after the items before it, exactly when CPython's lazy iterator would raise it.

use std::collections::VecDeque;

use super::itertools::{exact_args, module_type, LazyType};
use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{drop_as, KwArgs, TypeObject};
use crate::types::{bool as pybool, dict, int, module, none, str as pystr, tuple, TypeSpec};

#[repr(C)]
struct PendingIter {
    head: ObjHeader,
    items: VecDeque<Obj>,
    err: Option<PyErr>,
}

fn pending_next(o: &Obj) -> PyResult<Option<Obj>> {
    let p = unsafe { o.payload_mut::<PendingIter>() };
    if let Some(v) = p.items.pop_front() {
        return Ok(Some(v));
    }
    match p.err.take() {
        Some(e) => Err(e),
        None => Ok(None),
    }
}

fn pending_type(name: &'static str) -> &'static TypeObject {
    let mut s = TypeSpec::new(name, std::mem::size_of::<PendingIter>(), drop_as::<PendingIter>);
    s.final_ = true;
    s.slots.iter = Some(|o| Ok(o.clone()));
    s.slots.next = Some(pending_next);
    module_type("builtins", s)
}

static FORMATTER_ITER: LazyType = LazyType::new();
static FIELDNAME_ITER: LazyType = LazyType::new();

fn pending(ty: &'static TypeObject, items: Vec<Obj>, err: Option<PyErr>) -> Obj {
    alloc(ty, PendingIter { head: header(), items: items.into(), err })
}

fn str_arg<'a>(name: &str, args: &'a [Obj], kw: &KwArgs) -> PyResult<&'a str> {
    exact_args(name, args, kw, 1)?;
    pystr::as_str(&args[0]).ok_or_else(|| type_error(format!("{name}() argument must be str, not {}", args[0].type_name())))
}

fn opt_str(s: Option<String>) -> Obj {
    s.map_or_else(none::none, |s| pystr::from_string(s))
}

/// Parses `fmt` into formatter_parser tuples, stopping at the first error.
fn parse_markup(fmt: &str, out: &mut Vec<Obj>) -> PyResult<()> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let mut literal = String::new();
        let mut field = None;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            if c != '{' && c != '}' {
                literal.push(c);
                continue;
            }
            if i < chars.len() && chars[i] == c {
                literal.push(c);
                i += 1;
                break;
            }
            if c == '}' {
                return Err(value_error("Single '}' encountered in format string"));
            }
            if i >= chars.len() {
                return Err(value_error("Single '{' encountered in format string"));
            }
            field = Some(crate::format::parse_field(&chars, &mut i)?);
            break;
        }
        let item = match field {
            None => vec![pystr::from_string(literal), none::none(), none::none(), none::none()],
            Some((name, conv, spec)) => vec![
                pystr::from_string(literal),
                pystr::from_string(name),
                pystr::from_string(spec),
                opt_str(conv.map(String::from)),
            ],
        };
        out.push(tuple::new(item));
    }
    Ok(())
}

fn f_formatter_parser(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let fmt = str_arg("formatter_parser", args, kw)?;
    let mut items = Vec::new();
    let err = parse_markup(fmt, &mut items).err();
    Ok(pending(FORMATTER_ITER.get(|| pending_type("formatteriterator")), items, err))
}

/// A field name part as CPython's format parser reads it: digits only → int.
fn name_part(s: &str) -> Obj {
    match s.parse::<i64>() {
        Ok(n) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => int::from_i64(n),
        _ => pystr::new(s),
    }
}

/// The `(is_attr, key)` accessors after the first part, stopping at the first error.
fn parse_accessors(rest: &[char], out: &mut Vec<Obj>) -> PyResult<()> {
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i];
        i += 1;
        let start = i;
        let key: String = match c {
            '.' => {
                while i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    i += 1;
                }
                rest[start..i].iter().collect()
            }
            '[' => {
                while i < rest.len() && rest[i] != ']' {
                    i += 1;
                }
                if i >= rest.len() {
                    return Err(value_error("Missing ']' in format string"));
                }
                let k: String = rest[start..i].iter().collect();
                i += 1;
                if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
                }
                k
            }
            _ => return Err(value_error("Only '.' or '[' may follow ']' in format field specifier")),
        };
        if key.is_empty() {
            return Err(value_error("Empty attribute in format string"));
        }
        let key = if c == '.' { pystr::from_string(key) } else { name_part(&key) };
        out.push(tuple::pair(pybool::from_bool(c == '.'), key));
    }
    Ok(())
}

fn f_field_name_split(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let name = str_arg("formatter_field_name_split", args, kw)?;
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = name_part(&name[..first_end]);
    let rest: Vec<char> = name[first_end..].chars().collect();
    let mut items = Vec::new();
    let err = parse_accessors(&rest, &mut items).err();
    Ok(tuple::pair(first, pending(FIELDNAME_ITER.get(|| pending_type("fieldnameiterator")), items, err)))
}

/// Creates the `_string` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_string");
    let d = module::dict(&m);
    dict::set_item_str(&d, "formatter_parser", new_builtin_in("_string", "formatter_parser", f_formatter_parser));
    dict::set_item_str(&d, "formatter_field_name_split", new_builtin_in("_string", "formatter_field_name_split", f_field_name_split));
    Ok(m)
}
