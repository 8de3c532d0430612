//! The native `atexit` module: register/unregister/_run_exitfuncs/_clear/_ncallbacks.
//! `run_exitfuncs` is called by the runtime when the program finishes (normal end, an
//! uncaught exception or `sys.exit`), after non-daemon threads are joined, as CPython
//! does; callbacks run newest first and an exception in one is reported as unraisable.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::errors::type_error;
use crate::object::{Obj, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::KwArgs;
use crate::types::{dict, int, list, module, none, tuple};

/// The registered callbacks: a list of `(func, args, kwargs)` tuples, created on first
/// use and never freed (shared by every thread; the GIL serializes access).
static CALLBACKS: AtomicU64 = AtomicU64::new(0);

fn callbacks() -> Obj {
    let p = CALLBACKS.load(Ordering::Acquire);
    if p != 0 {
        return unsafe { Obj::from_borrowed(p) };
    }
    let l = list::new(Vec::new());
    l.make_immortal();
    CALLBACKS.store(l.clone().into_raw(), Ordering::Release);
    l
}

fn f_register(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let Some(func) = args.first() else {
        return Err(type_error("register() takes at least 1 argument (0 given)"));
    };
    if func.ty().slots().call.is_none() {
        return Err(type_error("the first argument must be callable"));
    }
    let kwargs = dict::new();
    for (k, v) in kw.iter() {
        dict::set_item(&kwargs, k.clone(), v.clone())?;
    }
    let entry = tuple::new(vec![func.clone(), tuple::from_slice(&args[1..]), kwargs]);
    list::append(&callbacks(), entry);
    Ok(func.clone())
}

fn f_unregister(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    super::itertools::exact_args("unregister", args, kw, 1)?;
    let l = callbacks();
    let mut i = 0;
    while i < list::items_mut(&l).len() {
        let entry = list::items_mut(&l)[i].clone();
        let f = tuple::as_slice(&entry).map(|t| t[0].clone()).unwrap_or_else(none::none);
        if protocol::eq(&f, &args[0])? {
            if i < list::items_mut(&l).len() {
                let removed = list::items_mut(&l).remove(i);
                drop(removed);
            }
        } else {
            i += 1;
        }
    }
    Ok(none::none())
}

/// Runs and removes every registered callback, newest first.
pub fn run_exitfuncs() {
    if CALLBACKS.load(Ordering::Acquire) == 0 {
        return;
    }
    let l = callbacks();
    while let Some(entry) = list::items_mut(&l).pop() {
        let Some([f, a, k]) = tuple::as_slice(&entry).map(|t| [t[0].clone(), t[1].clone(), t[2].clone()]) else { continue };
        let (names, values): (Vec<Obj>, Vec<Obj>) = dict::items(&k).into_iter().unzip();
        let r = protocol::call_kw(&f, tuple::as_slice(&a).unwrap_or(&[]), &KwArgs { names: &names, values: &values });
        if let Err(e) = r {
            let what = protocol::repr_string(&f).unwrap_or_default();
            crate::types::traceback::print_unraisable(&format!("Exception ignored in atexit callback: {what}"), &e.0);
        }
    }
}

fn f_run_exitfuncs(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    super::itertools::exact_args("_run_exitfuncs", args, kw, 0)?;
    run_exitfuncs();
    Ok(none::none())
}

fn f_clear(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    super::itertools::exact_args("_clear", args, kw, 0)?;
    let old = std::mem::take(list::items_mut(&callbacks()));
    drop(old);
    Ok(none::none())
}

fn f_ncallbacks(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    super::itertools::exact_args("_ncallbacks", args, kw, 0)?;
    Ok(int::from_usize(list::items_mut(&callbacks()).len()))
}

/// Creates the `atexit` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("atexit");
    let d = module::dict(&m);
    dict::set_item_str(&d, "register", new_builtin_in("atexit", "register", f_register));
    dict::set_item_str(&d, "unregister", new_builtin_in("atexit", "unregister", f_unregister));
    dict::set_item_str(&d, "_run_exitfuncs", new_builtin_in("atexit", "_run_exitfuncs", f_run_exitfuncs));
    dict::set_item_str(&d, "_clear", new_builtin_in("atexit", "_clear", f_clear));
    dict::set_item_str(&d, "_ncallbacks", new_builtin_in("atexit", "_ncallbacks", f_ncallbacks));
    Ok(m)
}
