//! The native `_heapq` module: heappush/heappop/heapify/heapreplace/heappushpop and the
//! `_max` variants heapq.py's nlargest/merge use, with CPython's comparison order (only
//! `<`) and its errors ("heap argument must be a list", "index out of range", "list
//! changed size during iteration").

use crate::errors::{index_error, runtime_error, type_error};
use crate::object::{Obj, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::list;
use crate::types::typeobj::{CallFn, KwArgs};
use crate::types::{dict, module};

use super::itertools::exact_args;

fn heap_arg<'a>(name: &str, args: &'a [Obj], kw: &KwArgs, n: usize) -> PyResult<&'a Obj> {
    exact_args(name, args, kw, n)?;
    if !list::is_list(&args[0]) {
        return Err(type_error(format!("{name}() argument 1 must be list, not {}", args[0].type_name())));
    }
    Ok(&args[0])
}

fn at(heap: &Obj, i: usize) -> Obj {
    list::items_mut(heap)[i].clone()
}

/// `a < b` for a min-heap, `b < a` for a max-heap.
fn less(a: &Obj, b: &Obj, max: bool) -> PyResult<bool> {
    if max {
        protocol::lt(b, a)
    } else {
        protocol::lt(a, b)
    }
}

fn changed(heap: &Obj, size: usize) -> PyResult<()> {
    if list::items_mut(heap).len() != size {
        return Err(runtime_error("list changed size during iteration"));
    }
    Ok(())
}

/// Moves the item at `pos` up towards `start` while it is smaller than its parent.
fn sift_down(heap: &Obj, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = list::items_mut(heap).len();
    if pos >= size {
        return Err(index_error("index out of range"));
    }
    let item = at(heap, pos);
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let parent = at(heap, parentpos);
        let lt = less(&item, &parent, max)?;
        changed(heap, size)?;
        if !lt {
            break;
        }
        list::items_mut(heap).swap(parentpos, pos);
        pos = parentpos;
    }
    Ok(())
}

/// Moves the smaller child up until `pos` is a leaf, then sifts the item down.
fn sift_up(heap: &Obj, mut pos: usize, max: bool) -> PyResult<()> {
    let end = list::items_mut(heap).len();
    let start = pos;
    while pos < end / 2 {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (a, b) = (at(heap, child), at(heap, child + 1));
            let lt = less(&a, &b, max)?;
            changed(heap, end)?;
            if !lt {
                child += 1;
            }
        }
        list::items_mut(heap).swap(child, pos);
        pos = child;
    }
    sift_down(heap, start, pos, max)
}

fn f_heappush(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let heap = heap_arg("heappush", args, kw, 2)?;
    list::append(heap, args[1].clone());
    let n = list::items_mut(heap).len();
    sift_down(heap, 0, n - 1, false)?;
    Ok(crate::types::none::none())
}

fn pop(name: &str, args: &[Obj], kw: &KwArgs, max: bool) -> PyResult<Obj> {
    let heap = heap_arg(name, args, kw, 1)?;
    let Some(last) = list::items_mut(heap).pop() else { return Err(index_error("index out of range")) };
    if list::items_mut(heap).is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut list::items_mut(heap)[0], last);
    sift_up(heap, 0, max)?;
    Ok(top)
}

fn replace(name: &str, args: &[Obj], kw: &KwArgs, max: bool) -> PyResult<Obj> {
    let heap = heap_arg(name, args, kw, 2)?;
    if list::items_mut(heap).is_empty() {
        return Err(index_error("index out of range"));
    }
    let top = std::mem::replace(&mut list::items_mut(heap)[0], args[1].clone());
    sift_up(heap, 0, max)?;
    Ok(top)
}

fn f_heappushpop(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let heap = heap_arg("heappushpop", args, kw, 2)?;
    let item = &args[1];
    if list::items_mut(heap).is_empty() {
        return Ok(item.clone());
    }
    let top = at(heap, 0);
    if !protocol::lt(&top, item)? {
        return Ok(item.clone());
    }
    if list::items_mut(heap).is_empty() {
        return Err(index_error("index out of range"));
    }
    let top = std::mem::replace(&mut list::items_mut(heap)[0], item.clone());
    sift_up(heap, 0, false)?;
    Ok(top)
}

fn heapify(name: &str, args: &[Obj], kw: &KwArgs, max: bool) -> PyResult<Obj> {
    let heap = heap_arg(name, args, kw, 1)?;
    let n = list::items_mut(heap).len();
    for i in (0..n / 2).rev() {
        sift_up(heap, i, max)?;
    }
    Ok(crate::types::none::none())
}

fn f_heappop(_m: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    pop("heappop", a, kw, false)
}
fn f_heappop_max(_m: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    pop("_heappop_max", a, kw, true)
}
fn f_heapreplace(_m: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    replace("heapreplace", a, kw, false)
}
fn f_heapreplace_max(_m: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    replace("_heapreplace_max", a, kw, true)
}
fn f_heapify(_m: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    heapify("heapify", a, kw, false)
}
fn f_heapify_max(_m: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    heapify("_heapify_max", a, kw, true)
}

/// Creates the `_heapq` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_heapq");
    let d = module::dict(&m);
    let fns: &[(&'static str, CallFn)] = &[
        ("heappush", f_heappush), ("heappop", f_heappop), ("heapify", f_heapify), ("heapreplace", f_heapreplace),
        ("heappushpop", f_heappushpop), ("_heappop_max", f_heappop_max), ("_heapify_max", f_heapify_max),
        ("_heapreplace_max", f_heapreplace_max),
    ];
    for (name, f) in fns {
        dict::set_item_str(&d, name, new_builtin_in("_heapq", name, *f));
    }
    Ok(m)
}
