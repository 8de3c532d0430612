//! The `gc` module (collect, enable/disable, counts and thresholds, get_objects,
//! get_referrers/get_referents, is_tracked, freeze, callbacks, garbage, debug flags) over
//! the collector in `runtime/src/gc.rs`, and the leak checker (`PYC_DEBUG_LEAKS=1`): live
//! objects counted per type, compared at exit against the count taken before `__main__`.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::errors::{type_error, value_error};
use crate::gc;
use crate::object::{Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{KwArgs, TypeObject};
use crate::types::{bool as pybool, dict, int, list, module, none, str as pystr, tuple, types};

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static GARBAGE: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));
static CALLBACKS: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));

/// `gc.garbage` (one list for the process).
pub fn garbage_list() -> Obj {
    GARBAGE.with(|g| g.borrow_mut().get_or_insert_with(|| list::new(Vec::new())).clone())
}

fn callbacks_list() -> Obj {
    CALLBACKS.with(|g| g.borrow_mut().get_or_insert_with(|| list::new(Vec::new())).clone())
}

/// Calls every `gc.callbacks` entry with `(phase, info)`; errors are unraisable.
pub fn invoke_callbacks(phase: &str, gen: usize, collected: usize, uncollectable: usize) {
    let cbs = CALLBACKS.with(|g| g.borrow().clone());
    let Some(cbs) = cbs else { return };
    let items = list::as_slice_opt(&cbs).map(|s| s.to_vec()).unwrap_or_default();
    if items.is_empty() {
        return;
    }
    let info = dict::new();
    dict::set_item_str(&info, "generation", Obj::from_small(gen as i64));
    dict::set_item_str(&info, "collected", Obj::from_small(collected as i64));
    dict::set_item_str(&info, "uncollectable", Obj::from_small(uncollectable as i64));
    let ph = pystr::new(phase);
    let saved = crate::errors::take_current();
    for cb in items {
        if let Err(e) = protocol::call(&cb, &[ph.clone(), info.clone()]) {
            gc::report_unraisable(&cb, &e.0);
        }
    }
    if let Some(s) = saved {
        crate::errors::set_current(s);
    }
}

/// `name` is spelled as CPython's messages spell it: "gc.enable" for the functions
/// taking no argument or exactly one, plain "get_referents" for the others.
fn no_kw(name: &str, kw: &KwArgs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!("{}() takes no keyword arguments", name)));
    }
    Ok(())
}

fn nargs(name: &str, a: &[Obj], min: usize, max: usize) -> PyResult<()> {
    if a.len() < min || a.len() > max {
        let msg = if min == max {
            if min == 0 {
                format!("{}() takes no arguments ({} given)", name, a.len())
            } else if min == 1 {
                format!("{}() takes exactly one argument ({} given)", name, a.len())
            } else {
                format!("{}() takes exactly {} argument{} ({} given)", name, min, if min == 1 { "" } else { "s" }, a.len())
            }
        } else if a.len() < min {
            format!("{}() takes at least {} argument{} ({} given)", name, min, if min == 1 { "" } else { "s" }, a.len())
        } else {
            format!("{}() takes at most {} argument{} ({} given)", name, max, if max == 1 { "" } else { "s" }, a.len())
        };
        return Err(type_error(msg));
    }
    Ok(())
}

fn as_index(o: &Obj) -> PyResult<i64> {
    let v = protocol::index(o)?;
    int::to_i64(&v).ok_or_else(|| crate::errors::overflow_error("Python int too large to convert to C int"))
}

fn m_collect(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let mut gen = 2i64;
    if a.len() > 1 {
        return Err(type_error(format!("collect() takes at most 1 argument ({} given)", a.len())));
    }
    if let Some(g) = a.first() {
        gen = as_index(g)?;
    }
    for (k, v) in kw.iter() {
        if pystr::as_str(k) == Some("generation") && a.is_empty() {
            gen = as_index(v)?;
        } else {
            return Err(type_error(format!(
                "'{}' is an invalid keyword argument for collect()",
                pystr::as_str(k).unwrap_or("")
            )));
        }
    }
    if !(0..=2).contains(&gen) {
        return Err(value_error("invalid generation"));
    }
    Ok(int::from_i64(gc::collect_with_callbacks(gen as usize) as i64))
}

fn m_enable(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("gc.enable", kw)?;
    nargs("gc.enable", a, 0, 0)?;
    gc::enable(true);
    Ok(none::none())
}

fn m_disable(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("gc.disable", kw)?;
    nargs("gc.disable", a, 0, 0)?;
    gc::enable(false);
    Ok(none::none())
}

fn m_isenabled(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("gc.isenabled", kw)?;
    nargs("gc.isenabled", a, 0, 0)?;
    Ok(pybool::from_bool(gc::is_enabled()))
}

fn m_get_count(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("gc.get_count", kw)?;
    nargs("gc.get_count", a, 0, 0)?;
    let c = gc::get_count();
    Ok(tuple::new(c.iter().map(|&x| Obj::from_small(x as i64)).collect()))
}

fn m_get_threshold(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("gc.get_threshold", kw)?;
    nargs("gc.get_threshold", a, 0, 0)?;
    let c = gc::get_threshold();
    Ok(tuple::new(c.iter().map(|&x| Obj::from_small(x as i64)).collect()))
}

fn m_set_threshold(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("set_threshold", kw)?;
    nargs("set_threshold", a, 1, 3)?;
    let mut vals = Vec::new();
    for v in a {
        if v.isinstance(types().float) {
            return Err(type_error("'float' object cannot be interpreted as an integer"));
        }
        vals.push(as_index(v)?);
    }
    for (i, v) in vals.into_iter().enumerate() {
        gc::set_threshold(i, v.clamp(i32::MIN as i64, i32::MAX as i64) as isize);
    }
    Ok(none::none())
}

fn m_get_debug(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("gc.get_debug", kw)?;
    nargs("gc.get_debug", a, 0, 0)?;
    Ok(Obj::from_small(gc::get_debug()))
}

fn m_set_debug(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("gc.set_debug", kw)?;
    nargs("gc.set_debug", a, 1, 1)?;
    gc::set_debug(as_index(&a[0])?);
    Ok(none::none())
}

fn m_get_objects(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if a.len() > 1 {
        return Err(type_error(format!("get_objects() takes at most 1 argument ({} given)", a.len())));
    }
    let mut g: Option<Obj> = a.first().cloned();
    for (k, v) in kw.iter() {
        if pystr::as_str(k) == Some("generation") && a.is_empty() {
            g = Some(v.clone());
        } else {
            return Err(type_error(format!(
                "'{}' is an invalid keyword argument for get_objects()",
                pystr::as_str(k).unwrap_or("")
            )));
        }
    }
    let gen = match g {
        Some(g) if !none::is_none(&g) => {
            let n = as_index(&g)?;
            if n == -1 {
                return Ok(list::new(gc::objects(None)));
            }
            if n >= 3 {
                return Err(value_error(format!("generation parameter must be less than the number of available generations (3)")));
            }
            if n < 0 {
                return Err(value_error("generation parameter cannot be negative"));
            }
            Some(n as usize)
        }
        _ => None,
    };
    Ok(list::new(gc::objects(gen)))
}

fn m_get_referents(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("get_referents", kw)?;
    let mut out = Vec::new();
    for o in a {
        if gc::is_container(o) {
            gc::traverse_object(o, &mut |r| out.push(r.clone()));
        }
    }
    Ok(list::new(out))
}

fn m_get_referrers(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("get_referrers", kw)?;
    let mut out = Vec::new();
    for o in gc::all_objects() {
        let mut hit = false;
        gc::traverse_object(&o, &mut |r| {
            if !hit && a.iter().any(|x| x.is(r)) {
                hit = true;
            }
        });
        if hit {
            out.push(o);
        }
    }
    Ok(list::new(out))
}

/// CPython untracks tuples and dicts holding only atomic values; we keep them tracked
/// but answer as it would.
fn maybe_tracked(o: &Obj) -> bool {
    if !gc::is_tracked_raw(o) {
        return false;
    }
    if o.is_exact(types().dict) {
        let mut any = false;
        gc::traverse_object(o, &mut |r| {
            if !any && maybe_tracked(r) {
                any = true;
            }
        });
        return any;
    }
    true
}

fn m_is_tracked(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("gc.is_tracked", kw)?;
    nargs("gc.is_tracked", a, 1, 1)?;
    Ok(pybool::from_bool(maybe_tracked(&a[0])))
}

fn m_is_finalized(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("gc.is_finalized", kw)?;
    nargs("gc.is_finalized", a, 1, 1)?;
    Ok(pybool::from_bool(false))
}

fn m_freeze(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("gc.freeze", kw)?;
    nargs("gc.freeze", a, 0, 0)?;
    gc::freeze();
    Ok(none::none())
}

fn m_unfreeze(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("gc.unfreeze", kw)?;
    nargs("gc.unfreeze", a, 0, 0)?;
    gc::unfreeze();
    Ok(none::none())
}

fn m_get_freeze_count(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("gc.get_freeze_count", kw)?;
    nargs("gc.get_freeze_count", a, 0, 0)?;
    Ok(Obj::from_small(gc::freeze_count() as i64))
}

fn m_get_stats(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("gc.get_stats", kw)?;
    nargs("gc.get_stats", a, 0, 0)?;
    let mut v = Vec::new();
    for (c, n, u) in gc::get_stats() {
        let d = dict::new();
        dict::set_item_str(&d, "collections", Obj::from_small(c));
        dict::set_item_str(&d, "collected", Obj::from_small(n));
        dict::set_item_str(&d, "uncollectable", Obj::from_small(u));
        v.push(d);
    }
    Ok(list::new(v))
}

/// Creates the `gc` module.
pub fn create() -> Obj {
    let m = module::new("gc");
    let d = module::dict(&m);
    let fns: &[(&'static str, crate::types::typeobj::CallFn)] = &[
        ("collect", m_collect),
        ("enable", m_enable),
        ("disable", m_disable),
        ("isenabled", m_isenabled),
        ("get_count", m_get_count),
        ("get_threshold", m_get_threshold),
        ("set_threshold", m_set_threshold),
        ("get_debug", m_get_debug),
        ("set_debug", m_set_debug),
        ("get_objects", m_get_objects),
        ("get_referents", m_get_referents),
        ("get_referrers", m_get_referrers),
        ("is_tracked", m_is_tracked),
        ("is_finalized", m_is_finalized),
        ("freeze", m_freeze),
        ("unfreeze", m_unfreeze),
        ("get_freeze_count", m_get_freeze_count),
        ("get_stats", m_get_stats),
    ];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("gc", name, *func));
    }
    dict::set_item_str(&d, "garbage", garbage_list());
    dict::set_item_str(&d, "callbacks", callbacks_list());
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        dict::set_item_str(&d, name, Obj::from_small(v));
    }
    m
}

// ===================== the leak checker =====================

/// Hashes a type address with one multiply: the checker updates the map on every
/// allocation and deallocation, where SipHash cost ~10% of an allocation-bound program.
#[derive(Default)]
struct AddrHasher(u64);

impl std::hash::Hasher for AddrHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

type LiveCounts = HashMap<usize, isize, std::hash::BuildHasherDefault<AddrHasher>>;

struct LeakState {
    on: bool,
    live: Option<LiveCounts>,
    baseline: Option<LiveCounts>,
}

static mut LEAKS: LeakState = LeakState { on: false, live: None, baseline: None };

#[allow(static_mut_refs)]
fn leaks() -> &'static mut LeakState {
    unsafe { &mut *std::ptr::addr_of_mut!(LEAKS) }
}

/// Turns the leak checker on when `PYC_DEBUG_LEAKS=1` (called first thing at start-up).
pub fn init_leak_check() {
    if std::env::var("PYC_DEBUG_LEAKS").map_or(false, |v| !v.is_empty() && v != "0") {
        leaks().on = true;
        leaks().live = Some(LiveCounts::default());
    }
}

/// Counts a new object for the leak checker (`PYC_DEBUG_LEAKS=1`): one load and branch
/// on every allocation, the counting itself out of line.
#[inline(always)]
pub fn count_alloc(h: *mut ObjHeader) {
    if leaks().on {
        count_live(h, 1);
    }
}

#[inline(always)]
pub fn count_dealloc(h: *mut ObjHeader) {
    if leaks().on {
        count_live(h, -1);
    }
}

#[cold]
#[inline(never)]
fn count_live(h: *mut ObjHeader, delta: isize) {
    if let Some(m) = leaks().live.as_mut() {
        *m.entry(unsafe { (*h).ty } as usize).or_insert(0) += delta;
    }
}

/// Interpreter shutdown, CPython 3.11's `finalize_modules`: the standard streams are
/// restored, every entry of `sys.modules` is set to None in order (a module nothing else
/// holds is freed then, with its namespace), `sys.modules` is emptied, a collection
/// finalizes the namespaces kept by reference cycles (functions hold their globals)
/// with their globals intact, then the namespaces of the modules still alive are set to
/// None, newest first (`none_namespace`), and a last collection runs.
pub fn finalize_modules() {
    crate::modules::sys::flush_stdout();
    restore_std_streams();
    let mods = crate::modules::sys::modules_dict();
    let mut alive = Vec::new();
    for k in dict::keys(&mods) {
        let Some(m) = dict::get_item(&mods, &k).ok().flatten() else { continue };
        if crate::types::module::is_module(&m) {
            alive.extend(crate::modules::weakref::new_ref(&m).ok());
        }
        let _ = dict::set_item(&mods, k, none::none());
        drop(m);
    }
    dict::clear(&mods);
    gc::collect_with_callbacks(2);
    let keep = [crate::modules::sys::module(), crate::builtins::builtins_module()];
    for w in alive.iter().rev() {
        let Some(m) = crate::modules::weakref::referent(w) else { continue };
        if keep.iter().any(|k| k.is(&m)) {
            continue;
        }
        if let Some(d) = crate::object::dict_slot(&m).and_then(|d| d.clone()) {
            drop(m);
            none_namespace(&d);
        }
    }
    drop(alive);
    gc::collect_with_callbacks(2);
    crate::modules::sys::flush_stdout();
}

/// CPython's `_PyModule_ClearDict`: names with one leading underscore are set to None
/// first, then every other name but `__builtins__`. Values become None rather than
/// vanish because code still running (`__del__`, weakref callbacks such as logging's
/// `_removeHandlerRef`) checks its module's globals for None.
fn none_namespace(d: &Obj) {
    let keys = dict::keys(d);
    for private_pass in [true, false] {
        for k in &keys {
            let Some(name) = pystr::as_str(k) else { continue };
            let private = name.starts_with('_') && !name.starts_with("__");
            if name == "__builtins__" || (private_pass && !private) {
                continue;
            }
            if dict::contains(d, k).unwrap_or(false) {
                let _ = dict::set_item(d, k.clone(), none::none());
            }
        }
    }
}

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static BASE_MODULES: crate::gil::GilCell<RefCell<Vec<Obj>>> = crate::gil::GilCell::new(RefCell::new(Vec::new()));

/// Snapshot of the live counts (and of `sys.modules`) before `__main__` runs.
pub fn leak_baseline() {
    let l = leaks();
    if l.on {
        let mods = crate::modules::sys::modules_dict();
        BASE_MODULES.with(|b| *b.borrow_mut() = dict::keys(&mods));
        l.baseline = l.live.clone();
    }
}

/// At exit in leak-check mode: tears down what the program made reachable (the
/// `__main__` namespace, modules imported since start-up), collects, reports.
pub fn leak_check_at_exit() {
    if !leaks().on {
        return;
    }
    crate::modules::sys::flush_stdout();
    let mods = crate::modules::sys::modules_dict();
    let base = BASE_MODULES.with(|b| std::mem::take(&mut *b.borrow_mut()));
    restore_std_streams();
    // Modules imported since start-up, newest first (as CPython clears them).
    let mut added: Vec<(Obj, Option<Obj>)> = Vec::new();
    for k in dict::keys(&mods).into_iter().rev() {
        if base.iter().any(|b| b.is(&k) || protocol::eq(b, &k).unwrap_or(false)) {
            continue;
        }
        let md = dict::get_item_str(&mods, &k).and_then(|m| crate::object::dict_slot(&m).and_then(|d| d.clone()));
        added.push((k, md));
    }
    for (_, md) in &added {
        if let Some(md) = md {
            none_namespace(md);
        }
    }
    for (k, md) in added {
        if let Some(md) = md {
            dict::clear(&md);
        }
        let _ = dict::del_item(&mods, &k);
    }
    GARBAGE.with(|g| g.borrow_mut().take());
    CALLBACKS.with(|g| g.borrow_mut().take());
    // Process-wide state native modules fill with the program's objects, which CPython
    // frees at finalization (registries, fork hooks, signal handlers, the main thread's
    // sentinel lock). Exception classes a module caches are immortal instead
    // (binascii::cached_exception_class).
    crate::modules::csv::clear_at_exit();
    crate::modules::codecs::clear_at_exit();
    crate::modules::posix::clear_at_exit();
    crate::modules::signal::clear_at_exit();
    crate::modules::thread::release_sentinels();
    crate::modules::contextvars::clear_thread();
    crate::modules::ast::clear_at_exit();
    leak_report();
}

/// `sys.stdin`/`stdout`/`stderr` back to `sys.__stdin__`/... (CPython's finalization
/// does it too), so a stream the program installed is released.
fn restore_std_streams() {
    let sd = crate::types::module::dict(&crate::modules::sys::module());
    for (name, orig) in [("stdin", "__stdin__"), ("stdout", "__stdout__"), ("stderr", "__stderr__")] {
        if let Some(o) = dict::get_item_str(&sd, &pystr::new(orig)) {
            dict::set_item_str(&sd, name, o);
        }
    }
}

/// At exit: final collection, then every type with more live objects than at start-up
/// is reported on stderr. Returns true when leaks were found.
pub fn leak_report() -> bool {
    if !leaks().on {
        return false;
    }
    gc::collect_all_at_exit();
    let l = leaks();
    let mut rows: Vec<(String, isize)> = Vec::new();
    let empty = LiveCounts::default();
    let baseline = l.baseline.as_ref().unwrap_or(&empty);
    for (ty, n) in l.live.iter().flatten() {
        let base = baseline.get(ty).copied().unwrap_or(0);
        if *n > base {
            let t = unsafe { &*(*ty as *const TypeObject) };
            rows.push((t.name().to_string(), n - base));
        }
    }
    if rows.is_empty() {
        return false;
    }
    rows.sort();
    let mut s = String::from("pyc: leak check: live objects at exit beyond start-up:\n");
    for (name, n) in rows {
        s.push_str(&format!("  {:>8} {}\n", n, name));
    }
    eprint!("{}", s);
    true
}
