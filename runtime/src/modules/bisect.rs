//! The native `_bisect` module: bisect_left/bisect_right/insort_left/insort_right over any
//! sequence, with `lo`/`hi`/`key` and CPython's comparison order (only `<`).

use crate::errors::value_error;
use crate::object::{Obj, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::int::{self, bind_args};
use crate::types::typeobj::{CallFn, KwArgs};
use crate::types::{dict, module, none};

const NAMES: &[&str] = &["a", "x", "lo", "hi", "key"];

/// The bound arguments: (a, x, lo, hi, key).
fn parse(name: &str, args: &[Obj], kw: &KwArgs) -> PyResult<(Obj, Obj, usize, usize, Option<Obj>)> {
    let v = bind_args(name, args, kw, NAMES, 0, 4, 2)?;
    let (a, x) = (v[0].clone().unwrap(), v[1].clone().unwrap());
    let lo = match &v[2] {
        Some(l) => protocol::index_i64(l)?,
        None => 0,
    };
    if lo < 0 {
        return Err(value_error("lo must be non-negative"));
    }
    let hi = match &v[3] {
        Some(h) if !none::is_none(h) => protocol::index_i64(h)?,
        _ => -1,
    };
    let hi = if hi == -1 { protocol::len(&a)? as i64 } else { hi };
    let key = v[4].clone().filter(|k| !none::is_none(k));
    Ok((a, x, lo as usize, hi.max(0) as usize, key))
}

/// The insertion point of `x`: left of equal items (`left`) or right of them.
fn bisect(a: &Obj, x: &Obj, mut lo: usize, mut hi: usize, key: Option<&Obj>, left: bool) -> PyResult<usize> {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut item = protocol::getitem(a, &int::from_usize(mid))?;
        if let Some(k) = key {
            item = protocol::call(k, &[item])?;
        }
        let go_right = if left { protocol::lt(&item, x)? } else { !protocol::lt(x, &item)? };
        if go_right {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect_fn(name: &str, args: &[Obj], kw: &KwArgs, left: bool) -> PyResult<Obj> {
    let (a, x, lo, hi, key) = parse(name, args, kw)?;
    Ok(int::from_usize(bisect(&a, &x, lo, hi, key.as_ref(), left)?))
}

fn insort_fn(name: &str, args: &[Obj], kw: &KwArgs, left: bool) -> PyResult<Obj> {
    let (a, x, lo, hi, key) = parse(name, args, kw)?;
    let kx = match &key {
        Some(k) => protocol::call(k, std::slice::from_ref(&x))?,
        None => x.clone(),
    };
    let i = int::from_usize(bisect(&a, &kx, lo, hi, key.as_ref(), left)?);
    protocol::call_method(&a, "insert", &[i, x])?;
    Ok(none::none())
}

fn f_bisect_left(_m: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bisect_fn("bisect_left", a, kw, true)
}
fn f_bisect_right(_m: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bisect_fn("bisect_right", a, kw, false)
}
fn f_insort_left(_m: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    insort_fn("insort_left", a, kw, true)
}
fn f_insort_right(_m: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    insort_fn("insort_right", a, kw, false)
}

/// Creates the `_bisect` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_bisect");
    let d = module::dict(&m);
    let fns: &[(&'static str, CallFn)] = &[
        ("bisect_left", f_bisect_left), ("bisect_right", f_bisect_right), ("insort_left", f_insort_left),
        ("insort_right", f_insort_right),
    ];
    for (name, f) in fns {
        dict::set_item_str(&d, name, new_builtin_in("_bisect", name, *f));
    }
    Ok(m)
}
