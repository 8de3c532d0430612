//! The native `itertools` module: every iterator type of CPython 3.11's itertools (count,
//! cycle, repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse,
//! starmap, groupby/_grouper, islice, pairwise, tee/_tee, zip_longest, product,
//! permutations, combinations, combinations_with_replacement) with CPython's laziness,
//! reprs and argument errors. Also `LazyType`, the process-wide cell the native modules
//! use to create their built-in types once.
//!
//! No payload borrow is held across a call into Python (`next`, a key function, `==`):
//! values are cloned out of the payload first and written back afterwards.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use pyc_frontend::bytecode::BinOp;

use crate::errors::{runtime_error, type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::int::bind_args;
use crate::types::typeobj::{as_type, drop_as, KwArgs, MethodDef, TypeObject};
use crate::types::{int, module, none, str as pystr, tuple, types, TypeSpec};

/// A built-in type created on first use and kept for the life of the process (types
/// are immortal, so a plain address is enough and works from any thread).
pub struct LazyType(AtomicUsize);

impl LazyType {
    pub const fn new() -> LazyType {
        LazyType(AtomicUsize::new(0))
    }
    pub fn get(&self, make: fn() -> &'static TypeObject) -> &'static TypeObject {
        let p = self.0.load(Ordering::Acquire);
        if p != 0 {
            return unsafe { &*(p as *const TypeObject) };
        }
        let t = make();
        self.0.store(t as *const TypeObject as usize, Ordering::Release);
        t
    }
}

/// A built-in type of module `module` from a spec (base `object`).
pub fn module_type(module: &str, spec: TypeSpec) -> &'static TypeObject {
    let t = super::make_type(spec);
    *t.module.borrow_mut() = module.to_string();
    t
}

/// The spec of an iterator type: `__iter__` returns self, `next` as given.
fn iter_spec<T>(name: &'static str, next: fn(&Obj) -> PyResult<Option<Obj>>) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<T>(), drop_as::<T>);
    s.slots.iter = Some(|o| Ok(o.clone()));
    s.slots.next = Some(next);
    s
}

/// Payload access for the iterator objects of this file.
#[allow(clippy::mut_from_ref)]
fn pl<T>(o: &Obj) -> &mut T {
    unsafe { o.payload_mut::<T>() }
}

/// Positional-only builtins taking exactly `n` arguments ("X expected n arguments, got m").
pub fn exact_args(name: &str, args: &[Obj], kw: &KwArgs, n: usize) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(type_error(format!("{name} expected {n} argument{s}, got {}", args.len())));
    }
    Ok(())
}

/// `x + 1`-style addition with a small-int fast path.
fn add(a: &Obj, b: &Obj) -> PyResult<Obj> {
    if let (Some(x), Some(y)) = (a.small_int(), b.small_int()) {
        return Ok(int::from_i64(x + y));
    }
    protocol::binary_op(a, b, BinOp::Add)
}

/// `n` converter of CPython's argument parser (an index that fits in an ssize_t).
fn ssize_arg(o: &Obj) -> PyResult<i64> {
    let v = protocol::index(o)?;
    int::to_i64(&v).ok_or_else(|| crate::errors::overflow_error("Python int too large to convert to C ssize_t"))
}

// ===================== count =====================

#[repr(C)]
struct Count {
    head: ObjHeader,
    cnt: Obj,
    step: Obj,
}

fn is_number(o: &Obj) -> bool {
    let s = o.ty().slots();
    int::is_int(o) || s.index.is_some() || s.int.is_some() || s.float.is_some() || o.isinstance(types().complex)
}

fn count_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("count", args, kw, &["start", "step"], 0, 2, 0)?;
    let cnt = a[0].clone().unwrap_or_else(|| int::from_i64(0));
    let step = a[1].clone().unwrap_or_else(|| int::from_i64(1));
    if !is_number(&cnt) || !is_number(&step) {
        return Err(type_error("a number is required"));
    }
    Ok(alloc(as_type(cls), Count { head: header(), cnt, step }))
}

fn count_next(o: &Obj) -> PyResult<Option<Obj>> {
    let c = pl::<Count>(o);
    let (cur, step) = (c.cnt.clone(), c.step.clone());
    let n = add(&cur, &step)?;
    pl::<Count>(o).cnt = n;
    Ok(Some(cur))
}

fn count_repr(o: &Obj) -> PyResult<Obj> {
    let c = pl::<Count>(o);
    let (cnt, step) = (c.cnt.clone(), c.step.clone());
    let name = o.ty().name();
    let start = protocol::repr_string(&cnt)?;
    if step.small_int() == Some(1) {
        return Ok(pystr::from_string(format!("{name}({start})")));
    }
    Ok(pystr::from_string(format!("{name}({start}, {})", protocol::repr_string(&step)?)))
}

fn count_spec() -> TypeSpec {
    let mut s = iter_spec::<Count>("count", count_next);
    s.slots.new = Some(count_new);
    s.slots.repr = Some(count_repr);
    s
}

// ===================== cycle =====================

#[repr(C)]
struct Cycle {
    head: ObjHeader,
    it: Option<Obj>,
    saved: Vec<Obj>,
    index: usize,
}

fn cycle_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    exact_args("cycle", args, kw, 1)?;
    let it = protocol::iter(&args[0])?;
    Ok(alloc(as_type(cls), Cycle { head: header(), it: Some(it), saved: Vec::new(), index: 0 }))
}

fn cycle_next(o: &Obj) -> PyResult<Option<Obj>> {
    if let Some(it) = pl::<Cycle>(o).it.clone() {
        if let Some(v) = protocol::next(&it)? {
            pl::<Cycle>(o).saved.push(v.clone());
            return Ok(Some(v));
        }
        pl::<Cycle>(o).it = None;
    }
    let c = pl::<Cycle>(o);
    if c.saved.is_empty() {
        return Ok(None);
    }
    let v = c.saved[c.index % c.saved.len()].clone();
    c.index = (c.index + 1) % c.saved.len();
    Ok(Some(v))
}

fn cycle_spec() -> TypeSpec {
    let mut s = iter_spec::<Cycle>("cycle", cycle_next);
    s.slots.new = Some(cycle_new);
    s
}

// ===================== repeat =====================

#[repr(C)]
struct Repeat {
    head: ObjHeader,
    element: Obj,
    /// Remaining count; negative means forever (CPython keeps -1 as "no times").
    cnt: i64,
}

fn repeat_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("repeat", args, kw, &["object", "times"], 0, 2, 1)?;
    let mut cnt = match &a[1] {
        Some(t) => ssize_arg(t)?,
        None => -1,
    };
    // As CPython 3.11: only a positional `times` is clamped at 0.
    if args.len() == 2 && cnt < 0 {
        cnt = 0;
    }
    Ok(alloc(as_type(cls), Repeat { head: header(), element: a[0].clone().unwrap(), cnt }))
}

fn repeat_next(o: &Obj) -> PyResult<Option<Obj>> {
    let r = pl::<Repeat>(o);
    if r.cnt == 0 {
        return Ok(None);
    }
    if r.cnt > 0 {
        r.cnt -= 1;
    }
    Ok(Some(r.element.clone()))
}

fn repeat_repr(o: &Obj) -> PyResult<Obj> {
    let r = pl::<Repeat>(o);
    let (e, cnt) = (r.element.clone(), r.cnt);
    let name = o.ty().name();
    let e = protocol::repr_string(&e)?;
    Ok(pystr::from_string(if cnt == -1 { format!("{name}({e})") } else { format!("{name}({e}, {cnt})") }))
}

fn repeat_length_hint(a: &[Obj]) -> PyResult<Obj> {
    let cnt = pl::<Repeat>(&a[0]).cnt;
    if cnt == -1 {
        return Err(type_error("len() of unsized object"));
    }
    Ok(int::from_i64(cnt))
}

fn repeat_spec() -> TypeSpec {
    let mut s = iter_spec::<Repeat>("repeat", repeat_next);
    s.slots.new = Some(repeat_new);
    s.slots.repr = Some(repeat_repr);
    s.methods = vec![MethodDef::Method { name: "__length_hint__", func: repeat_length_hint, min: 1, max: 1 }];
    s
}

// ===================== accumulate =====================

#[repr(C)]
struct Accumulate {
    head: ObjHeader,
    it: Obj,
    func: Option<Obj>,
    total: Option<Obj>,
    initial: Option<Obj>,
}

fn accumulate_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("accumulate", args, kw, &["iterable", "func", "initial"], 0, 2, 1)?;
    let it = protocol::iter(a[0].as_ref().unwrap())?;
    let func = a[1].clone().filter(|f| !none::is_none(f));
    let initial = a[2].clone().filter(|f| !none::is_none(f));
    Ok(alloc(as_type(cls), Accumulate { head: header(), it, func, total: None, initial }))
}

fn accumulate_next(o: &Obj) -> PyResult<Option<Obj>> {
    let a = pl::<Accumulate>(o);
    if let Some(init) = a.initial.take() {
        a.total = Some(init.clone());
        return Ok(Some(init));
    }
    let (it, func, total) = (a.it.clone(), a.func.clone(), a.total.clone());
    let Some(v) = protocol::next(&it)? else { return Ok(None) };
    let new = match (total, func) {
        (None, _) => v,
        (Some(t), None) => add(&t, &v)?,
        (Some(t), Some(f)) => protocol::call(&f, &[t, v])?,
    };
    pl::<Accumulate>(o).total = Some(new.clone());
    Ok(Some(new))
}

fn accumulate_spec() -> TypeSpec {
    let mut s = iter_spec::<Accumulate>("accumulate", accumulate_next);
    s.slots.new = Some(accumulate_new);
    s
}

// ===================== chain =====================

#[repr(C)]
struct Chain {
    head: ObjHeader,
    /// Iterator over the iterables; None once exhausted.
    source: Option<Obj>,
    active: Option<Obj>,
}

fn chain_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("chain() takes no keyword arguments"));
    }
    let source = protocol::iter(&tuple::from_slice(args))?;
    Ok(alloc(as_type(cls), Chain { head: header(), source: Some(source), active: None }))
}

fn chain_from_iterable(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("chain.from_iterable() takes no keyword arguments"));
    }
    if args.len() != 1 {
        return Err(type_error(format!("chain.from_iterable() takes exactly one argument ({} given)", args.len())));
    }
    let source = protocol::iter(&args[0])?;
    Ok(alloc(as_type(cls), Chain { head: header(), source: Some(source), active: None }))
}

fn chain_next(o: &Obj) -> PyResult<Option<Obj>> {
    loop {
        let c = pl::<Chain>(o);
        let active = match c.active.clone() {
            Some(a) => a,
            None => {
                let Some(src) = c.source.clone() else { return Ok(None) };
                match protocol::next(&src)? {
                    Some(iterable) => {
                        let a = protocol::iter(&iterable)?;
                        pl::<Chain>(o).active = Some(a.clone());
                        a
                    }
                    None => {
                        pl::<Chain>(o).source = None;
                        return Ok(None);
                    }
                }
            }
        };
        if let Some(v) = protocol::next(&active)? {
            return Ok(Some(v));
        }
        pl::<Chain>(o).active = None;
    }
}

static CHAIN: LazyType = LazyType::new();
fn chain_type() -> &'static TypeObject {
    let mut s = iter_spec::<Chain>("chain", chain_next);
    s.slots.new = Some(chain_new);
    s.methods = vec![
        MethodDef::ClassMethod { name: "from_iterable", func: chain_from_iterable },
        MethodDef::ClassMethod { name: "__class_getitem__", func: class_getitem },
    ];
    module_type("itertools", s)
}

/// `__class_getitem__` of the generic built-in classes (`chain[int]`, `deque[int]`...).
pub fn class_getitem(cls: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    exact_args("__class_getitem__", a, kw, 1)?;
    Ok(crate::types::generic_alias::new(cls, &a[0]))
}

// ===================== compress =====================

#[repr(C)]
struct Compress {
    head: ObjHeader,
    data: Obj,
    selectors: Obj,
}

fn compress_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("compress", args, kw, &["data", "selectors"], 0, 2, 2)?;
    let data = protocol::iter(a[0].as_ref().unwrap())?;
    let selectors = protocol::iter(a[1].as_ref().unwrap())?;
    Ok(alloc(as_type(cls), Compress { head: header(), data, selectors }))
}

fn compress_next(o: &Obj) -> PyResult<Option<Obj>> {
    let (data, sel) = (pl::<Compress>(o).data.clone(), pl::<Compress>(o).selectors.clone());
    loop {
        let Some(d) = protocol::next(&data)? else { return Ok(None) };
        let Some(s) = protocol::next(&sel)? else { return Ok(None) };
        if protocol::is_true(&s)? {
            return Ok(Some(d));
        }
    }
}

fn compress_spec() -> TypeSpec {
    let mut s = iter_spec::<Compress>("compress", compress_next);
    s.slots.new = Some(compress_new);
    s
}

// ===================== dropwhile / takewhile / filterfalse / starmap =====================

/// The shared layout of the predicate-driven iterators.
#[repr(C)]
struct FuncIter {
    head: ObjHeader,
    func: Obj,
    it: Obj,
    /// dropwhile: dropping is over; takewhile: stopped.
    done: bool,
}

fn func_iter_new(name: &str, cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    exact_args(name, args, kw, 2)?;
    let it = protocol::iter(&args[1])?;
    Ok(alloc(as_type(cls), FuncIter { head: header(), func: args[0].clone(), it, done: false }))
}

fn func_iter_parts(o: &Obj) -> (Obj, Obj, bool) {
    let f = pl::<FuncIter>(o);
    (f.func.clone(), f.it.clone(), f.done)
}

fn pred(func: &Obj, item: &Obj) -> PyResult<bool> {
    if none::is_none(func) {
        return protocol::is_true(item);
    }
    protocol::is_true(&protocol::call(func, std::slice::from_ref(item))?)
}

fn dropwhile_next(o: &Obj) -> PyResult<Option<Obj>> {
    let (func, it, done) = func_iter_parts(o);
    loop {
        let Some(item) = protocol::next(&it)? else { return Ok(None) };
        if done || !protocol::is_true(&protocol::call(&func, std::slice::from_ref(&item))?)? {
            pl::<FuncIter>(o).done = true;
            return Ok(Some(item));
        }
    }
}

fn takewhile_next(o: &Obj) -> PyResult<Option<Obj>> {
    let (func, it, done) = func_iter_parts(o);
    if done {
        return Ok(None);
    }
    let Some(item) = protocol::next(&it)? else { return Ok(None) };
    if protocol::is_true(&protocol::call(&func, std::slice::from_ref(&item))?)? {
        return Ok(Some(item));
    }
    pl::<FuncIter>(o).done = true;
    Ok(None)
}

fn filterfalse_next(o: &Obj) -> PyResult<Option<Obj>> {
    let (func, it, _) = func_iter_parts(o);
    loop {
        let Some(item) = protocol::next(&it)? else { return Ok(None) };
        if !pred(&func, &item)? {
            return Ok(Some(item));
        }
    }
}

fn starmap_next(o: &Obj) -> PyResult<Option<Obj>> {
    let (func, it, _) = func_iter_parts(o);
    let Some(args) = protocol::next(&it)? else { return Ok(None) };
    let args = protocol::collect(&args)?;
    protocol::call(&func, &args).map(Some)
}

fn func_iter_spec(name: &'static str, next: fn(&Obj) -> PyResult<Option<Obj>>, new: crate::types::typeobj::CallFn) -> TypeSpec {
    let mut s = iter_spec::<FuncIter>(name, next);
    s.slots.new = Some(new);
    s
}

// ===================== groupby / _grouper =====================

#[repr(C)]
struct GroupBy {
    head: ObjHeader,
    it: Obj,
    keyfunc: Option<Obj>,
    tgtkey: Option<Obj>,
    currkey: Option<Obj>,
    currvalue: Option<Obj>,
    /// Address of the current `_grouper` (not owned; only compared).
    currgrouper: u64,
}

#[repr(C)]
struct Grouper {
    head: ObjHeader,
    parent: Obj,
    tgtkey: Obj,
}

fn groupby_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("groupby", args, kw, &["iterable", "key"], 0, 2, 1)?;
    let it = protocol::iter(a[0].as_ref().unwrap())?;
    let keyfunc = a[1].clone().filter(|k| !none::is_none(k));
    let g = GroupBy { head: header(), it, keyfunc, tgtkey: None, currkey: None, currvalue: None, currgrouper: 0 };
    Ok(alloc(as_type(cls), g))
}

/// Advances the parent by one item; false when the input is exhausted.
fn groupby_step(g: &Obj) -> PyResult<bool> {
    let (it, keyfunc) = (pl::<GroupBy>(g).it.clone(), pl::<GroupBy>(g).keyfunc.clone());
    let Some(v) = protocol::next(&it)? else { return Ok(false) };
    let key = match keyfunc {
        Some(f) => protocol::call(&f, std::slice::from_ref(&v))?,
        None => v.clone(),
    };
    let p = pl::<GroupBy>(g);
    p.currvalue = Some(v);
    p.currkey = Some(key);
    Ok(true)
}

fn groupby_next(o: &Obj) -> PyResult<Option<Obj>> {
    pl::<GroupBy>(o).currgrouper = 0;
    loop {
        let (curr, tgt) = (pl::<GroupBy>(o).currkey.clone(), pl::<GroupBy>(o).tgtkey.clone());
        if let Some(curr) = curr {
            match tgt {
                None => break,
                Some(t) if !protocol::eq(&t, &curr)? => break,
                Some(_) => {}
            }
        }
        if !groupby_step(o)? {
            return Ok(None);
        }
    }
    let key = pl::<GroupBy>(o).currkey.clone().unwrap();
    pl::<GroupBy>(o).tgtkey = Some(key.clone());
    let grouper = alloc(GROUPER.get(grouper_type), Grouper { head: header(), parent: o.clone(), tgtkey: key.clone() });
    pl::<GroupBy>(o).currgrouper = grouper.raw();
    Ok(Some(tuple::pair(key, grouper)))
}

fn grouper_next(o: &Obj) -> PyResult<Option<Obj>> {
    let (parent, tgt) = (pl::<Grouper>(o).parent.clone(), pl::<Grouper>(o).tgtkey.clone());
    if pl::<GroupBy>(&parent).currgrouper != o.raw() {
        return Ok(None);
    }
    if pl::<GroupBy>(&parent).currvalue.is_none() && !groupby_step(&parent)? {
        return Ok(None);
    }
    let Some(curr) = pl::<GroupBy>(&parent).currkey.clone() else { return Ok(None) };
    if !protocol::eq(&tgt, &curr)? {
        return Ok(None);
    }
    let p = pl::<GroupBy>(&parent);
    p.currkey = None;
    Ok(p.currvalue.take())
}

static GROUPER: LazyType = LazyType::new();
fn grouper_type() -> &'static TypeObject {
    let mut s = iter_spec::<Grouper>("_grouper", grouper_next);
    s.final_ = true;
    module_type("itertools", s)
}

fn groupby_spec() -> TypeSpec {
    let mut s = iter_spec::<GroupBy>("groupby", groupby_next);
    s.slots.new = Some(groupby_new);
    s
}

// ===================== islice =====================

#[repr(C)]
struct ISlice {
    head: ObjHeader,
    it: Option<Obj>,
    next: i64,
    /// -1: no stop.
    stop: i64,
    step: i64,
    cnt: i64,
}

const ISLICE_STOP: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const ISLICE_INDICES: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/// An islice bound: None → `none`, else a non-negative ssize_t or ValueError `msg`.
fn islice_bound(o: &Obj, none: i64, msg: &str) -> PyResult<i64> {
    if none::is_none(o) {
        return Ok(none);
    }
    if !crate::types::list::is_index(o) {
        return Err(value_error(msg));
    }
    match protocol::index(o).ok().and_then(|v| int::to_i64(&v)) {
        Some(v) if v >= 0 => Ok(v),
        _ => Err(value_error(msg)),
    }
}

fn islice_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("islice() takes no keyword arguments"));
    }
    crate::types::list::check_min_args("islice", args, 2)?;
    crate::types::list::check_max_args("islice", args, 4)?;
    let (start, stop, step) = if args.len() == 2 {
        (0, islice_bound(&args[1], -1, ISLICE_STOP)?, 1)
    } else {
        let stop = islice_bound(&args[2], -1, ISLICE_STOP)?;
        let start = islice_bound(&args[1], 0, ISLICE_INDICES)?;
        let step = match args.get(3) {
            Some(s) if !none::is_none(s) => protocol::index(s).ok().and_then(|v| int::to_i64(&v)).unwrap_or(-1),
            _ => 1,
        };
        if step < 1 {
            return Err(value_error("Step for islice() must be a positive integer or None."));
        }
        (start, stop, step)
    };
    let it = protocol::iter(&args[0])?;
    Ok(alloc(as_type(cls), ISlice { head: header(), it: Some(it), next: start, stop, step, cnt: 0 }))
}

fn islice_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(it) = pl::<ISlice>(o).it.clone() else { return Ok(None) };
    let end = |o: &Obj| {
        pl::<ISlice>(o).it = None;
        Ok(None)
    };
    while pl::<ISlice>(o).cnt < pl::<ISlice>(o).next {
        if protocol::next(&it)?.is_none() {
            return end(o);
        }
        pl::<ISlice>(o).cnt += 1;
    }
    let s = pl::<ISlice>(o);
    if s.stop != -1 && s.cnt >= s.stop {
        return end(o);
    }
    let Some(item) = protocol::next(&it)? else { return end(o) };
    let s = pl::<ISlice>(o);
    s.cnt += 1;
    let old = s.next;
    s.next = s.next.saturating_add(s.step);
    if s.next < old || (s.stop != -1 && s.next > s.stop) {
        s.next = s.stop;
    }
    Ok(Some(item))
}

fn islice_spec() -> TypeSpec {
    let mut s = iter_spec::<ISlice>("islice", islice_next);
    s.slots.new = Some(islice_new);
    s
}

// ===================== pairwise =====================

#[repr(C)]
struct Pairwise {
    head: ObjHeader,
    it: Option<Obj>,
    old: Option<Obj>,
}

fn pairwise_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    exact_args("pairwise", args, kw, 1)?;
    let it = protocol::iter(&args[0])?;
    Ok(alloc(as_type(cls), Pairwise { head: header(), it: Some(it), old: None }))
}

fn pairwise_next(o: &Obj) -> PyResult<Option<Obj>> {
    let Some(it) = pl::<Pairwise>(o).it.clone() else { return Ok(None) };
    let old = match pl::<Pairwise>(o).old.clone() {
        Some(v) => v,
        None => match protocol::next(&it)? {
            Some(v) => v,
            None => {
                pl::<Pairwise>(o).it = None;
                return Ok(None);
            }
        },
    };
    let Some(new) = protocol::next(&it)? else {
        let p = pl::<Pairwise>(o);
        p.it = None;
        p.old = None;
        return Ok(None);
    };
    pl::<Pairwise>(o).old = Some(new.clone());
    Ok(Some(tuple::pair(old, new)))
}

fn pairwise_spec() -> TypeSpec {
    let mut s = iter_spec::<Pairwise>("pairwise", pairwise_next);
    s.slots.new = Some(pairwise_new);
    s
}

// ===================== tee / _tee =====================

/// Values one chunk of the shared tee buffer holds before linking to the next.
const LINKCELLS: usize = 57;

/// A chunk of the values read from the underlying iterator, shared by every tee
/// positioned in it; chunks every tee has passed are freed.
struct TeeData {
    it: Obj,
    values: Vec<Obj>,
    next: Option<Rc<RefCell<TeeData>>>,
    running: bool,
}

#[repr(C)]
struct Tee {
    head: ObjHeader,
    data: Rc<RefCell<TeeData>>,
    index: usize,
}

fn tee_from_iter(it: Obj) -> Obj {
    let data = Rc::new(RefCell::new(TeeData { it, values: Vec::new(), next: None, running: false }));
    alloc(TEE.get(tee_type), Tee { head: header(), data, index: 0 })
}

fn tee_copy_of(o: &Obj) -> Obj {
    let t = pl::<Tee>(o);
    alloc(TEE.get(tee_type), Tee { head: header(), data: t.data.clone(), index: t.index })
}

fn is_tee(o: &Obj) -> bool {
    o.isinstance(TEE.get(tee_type))
}

fn tee_next(o: &Obj) -> PyResult<Option<Obj>> {
    let t = pl::<Tee>(o);
    if t.index >= LINKCELLS {
        let it = t.data.borrow().it.clone();
        let next = t.data.borrow_mut().next.get_or_insert_with(|| {
            Rc::new(RefCell::new(TeeData { it, values: Vec::new(), next: None, running: false }))
        }).clone();
        t.data = next;
        t.index = 0;
    }
    let (data, index) = (t.data.clone(), t.index);
    if let Some(v) = data.borrow().values.get(index) {
        pl::<Tee>(o).index += 1;
        return Ok(Some(v.clone()));
    }
    if data.borrow().running {
        return Err(runtime_error("cannot re-enter the tee iterator"));
    }
    let it = data.borrow().it.clone();
    data.borrow_mut().running = true;
    let r = protocol::next(&it);
    data.borrow_mut().running = false;
    let Some(v) = r? else { return Ok(None) };
    data.borrow_mut().values.push(v.clone());
    pl::<Tee>(o).index += 1;
    Ok(Some(v))
}

fn tee_new(_cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    exact_args("_tee", args, kw, 1)?;
    let it = protocol::iter(&args[0])?;
    Ok(if is_tee(&it) { tee_copy_of(&it) } else { tee_from_iter(it) })
}

fn tee_copy(a: &[Obj]) -> PyResult<Obj> {
    Ok(tee_copy_of(&a[0]))
}

static TEE: LazyType = LazyType::new();
fn tee_type() -> &'static TypeObject {
    let mut s = iter_spec::<Tee>("_tee", tee_next);
    s.final_ = true;
    s.slots.new = Some(tee_new);
    s.methods = vec![MethodDef::Method { name: "__copy__", func: tee_copy, min: 1, max: 1 }];
    module_type("itertools", s)
}

fn f_tee(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("tee() takes no keyword arguments"));
    }
    crate::types::list::check_min_args("tee", args, 1)?;
    crate::types::list::check_max_args("tee", args, 2)?;
    let n = match args.get(1) {
        Some(n) => ssize_arg(n)?,
        None => 2,
    };
    if n < 0 {
        return Err(value_error("n must be >= 0"));
    }
    let it = protocol::iter(&args[0])?;
    if n == 0 {
        return Ok(tuple::empty());
    }
    let copyable = if protocol::getattr_opt(&it, &pystr::intern("__copy__"))?.is_some() {
        it
    } else {
        tee_from_iter(it)
    };
    let mut out = vec![copyable.clone()];
    for _ in 1..n {
        out.push(protocol::call_method(&copyable, "__copy__", &[])?);
    }
    Ok(tuple::new(out))
}

// ===================== zip_longest =====================

#[repr(C)]
struct ZipLongest {
    head: ObjHeader,
    iters: Vec<Option<Obj>>,
    active: usize,
    fill: Obj,
}

fn zip_longest_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let mut fill = none::none();
    for (k, v) in kw.iter() {
        if pystr::as_str(k) != Some("fillvalue") {
            return Err(type_error("zip_longest() got an unexpected keyword argument"));
        }
        fill = v.clone();
    }
    let iters: Vec<Option<Obj>> = args.iter().map(|a| protocol::iter(a).map(Some)).collect::<PyResult<_>>()?;
    let active = iters.len();
    Ok(alloc(as_type(cls), ZipLongest { head: header(), iters, active, fill }))
}

fn zip_longest_next(o: &Obj) -> PyResult<Option<Obj>> {
    let n = pl::<ZipLongest>(o).iters.len();
    if n == 0 || pl::<ZipLongest>(o).active == 0 {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let z = pl::<ZipLongest>(o);
        let Some(it) = z.iters[i].clone() else {
            out.push(z.fill.clone());
            continue;
        };
        match protocol::next(&it)? {
            Some(v) => out.push(v),
            None => {
                let z = pl::<ZipLongest>(o);
                z.iters[i] = None;
                z.active -= 1;
                if z.active == 0 {
                    return Ok(None);
                }
                out.push(z.fill.clone());
            }
        }
    }
    Ok(Some(tuple::new(out)))
}

fn zip_longest_spec() -> TypeSpec {
    let mut s = iter_spec::<ZipLongest>("zip_longest", zip_longest_next);
    s.slots.new = Some(zip_longest_new);
    s
}

// ===================== combinatorics =====================

/// product, permutations, combinations and combinations_with_replacement share this
/// state: the pools, the index vector and (permutations) the cycles.
#[repr(C)]
struct Combinatoric {
    head: ObjHeader,
    pools: Vec<Vec<Obj>>,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    r: usize,
    started: bool,
    stopped: bool,
}

fn combinatoric(cls: &Obj, pools: Vec<Vec<Obj>>, r: usize, stopped: bool) -> Obj {
    let c = Combinatoric { head: header(), pools, indices: Vec::new(), cycles: Vec::new(), r, started: false, stopped };
    alloc(as_type(cls), c)
}

fn combinatoric_emit(c: &Combinatoric, pick: impl Fn(usize) -> (usize, usize)) -> Obj {
    tuple::new((0..c.indices.len()).map(|i| {
        let (p, j) = pick(i);
        c.pools[p][j].clone()
    }).collect())
}

fn product_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let mut repeat = 1i64;
    for (k, v) in kw.iter() {
        let name = pystr::as_str(k).unwrap_or("");
        if name != "repeat" {
            return Err(type_error(format!("'{name}' is an invalid keyword argument for product()")));
        }
        repeat = ssize_arg(v)?;
    }
    if repeat < 0 {
        return Err(value_error("repeat argument cannot be negative"));
    }
    let base: Vec<Vec<Obj>> = args.iter().map(protocol::collect).collect::<PyResult<_>>()?;
    let mut pools = Vec::new();
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    Ok(combinatoric(cls, pools, n, false))
}

fn product_next(o: &Obj) -> PyResult<Option<Obj>> {
    let c = pl::<Combinatoric>(o);
    if c.stopped {
        return Ok(None);
    }
    if !c.started {
        c.started = true;
        if c.pools.iter().any(|p| p.is_empty()) {
            c.stopped = true;
            return Ok(None);
        }
        c.indices = vec![0; c.pools.len()];
    } else {
        let mut i = c.indices.len();
        loop {
            if i == 0 {
                c.stopped = true;
                return Ok(None);
            }
            i -= 1;
            c.indices[i] += 1;
            if c.indices[i] < c.pools[i].len() {
                break;
            }
            c.indices[i] = 0;
        }
    }
    Ok(Some(combinatoric_emit(c, |i| (i, c.indices[i]))))
}

/// The `r` argument of permutations (None → len(pool)).
fn permutations_r(r: Option<&Obj>, n: usize) -> PyResult<i64> {
    match r {
        None => Ok(n as i64),
        Some(r) if none::is_none(r) => Ok(n as i64),
        Some(r) if !int::is_int(r) => Err(type_error("Expected int as r")),
        Some(r) => ssize_arg(r),
    }
}

fn permutations_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = bind_args("permutations", args, kw, &["iterable", "r"], 0, 2, 1)?;
    let pool = protocol::collect(a[0].as_ref().unwrap())?;
    let r = permutations_r(a[1].as_ref(), pool.len())?;
    if r < 0 {
        return Err(value_error("r must be non-negative"));
    }
    let stopped = r as usize > pool.len();
    Ok(combinatoric(cls, vec![pool], r as usize, stopped))
}

fn permutations_next(o: &Obj) -> PyResult<Option<Obj>> {
    let c = pl::<Combinatoric>(o);
    if c.stopped {
        return Ok(None);
    }
    let n = c.pools[0].len();
    let r = c.r;
    if !c.started {
        c.started = true;
        c.indices = (0..n).collect();
        c.cycles = (0..r).map(|i| n - i).collect();
    } else {
        if n == 0 {
            c.stopped = true;
            return Ok(None);
        }
        let mut i = r;
        loop {
            if i == 0 {
                c.stopped = true;
                return Ok(None);
            }
            i -= 1;
            c.cycles[i] -= 1;
            if c.cycles[i] == 0 {
                let x = c.indices.remove(i);
                c.indices.push(x);
                c.cycles[i] = n - i;
            } else {
                let j = c.cycles[i];
                c.indices.swap(i, n - j);
                break;
            }
        }
    }
    Ok(Some(tuple::new((0..r).map(|i| c.pools[0][c.indices[i]].clone()).collect())))
}

fn combinations_args(name: &str, args: &[Obj], kw: &KwArgs) -> PyResult<(Vec<Obj>, usize)> {
    let a = bind_args(name, args, kw, &["iterable", "r"], 0, 2, 2)?;
    let pool = protocol::collect(a[0].as_ref().unwrap())?;
    let r = ssize_arg(a[1].as_ref().unwrap())?;
    if r < 0 {
        return Err(value_error("r must be non-negative"));
    }
    Ok((pool, r as usize))
}

fn combinations_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (pool, r) = combinations_args("combinations", args, kw)?;
    let stopped = r > pool.len();
    Ok(combinatoric(cls, vec![pool], r, stopped))
}

fn combinations_next(o: &Obj) -> PyResult<Option<Obj>> {
    let c = pl::<Combinatoric>(o);
    if c.stopped {
        return Ok(None);
    }
    let (n, r) = (c.pools[0].len(), c.r);
    if !c.started {
        c.started = true;
        c.indices = (0..r).collect();
    } else {
        let Some(i) = (0..r).rev().find(|&i| c.indices[i] != i + n - r) else {
            c.stopped = true;
            return Ok(None);
        };
        c.indices[i] += 1;
        for j in i + 1..r {
            c.indices[j] = c.indices[j - 1] + 1;
        }
    }
    Ok(Some(combinatoric_emit(c, |i| (0, c.indices[i]))))
}

fn cwr_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (pool, r) = combinations_args("combinations_with_replacement", args, kw)?;
    let stopped = pool.is_empty() && r > 0;
    Ok(combinatoric(cls, vec![pool], r, stopped))
}

fn cwr_next(o: &Obj) -> PyResult<Option<Obj>> {
    let c = pl::<Combinatoric>(o);
    if c.stopped {
        return Ok(None);
    }
    let (n, r) = (c.pools[0].len(), c.r);
    if !c.started {
        c.started = true;
        c.indices = vec![0; r];
    } else {
        let Some(i) = (0..r).rev().find(|&i| c.indices[i] != n - 1) else {
            c.stopped = true;
            return Ok(None);
        };
        let v = c.indices[i] + 1;
        for j in i..r {
            c.indices[j] = v;
        }
    }
    Ok(Some(combinatoric_emit(c, |i| (0, c.indices[i]))))
}

fn combinatoric_spec(name: &'static str, next: fn(&Obj) -> PyResult<Option<Obj>>, new: crate::types::typeobj::CallFn) -> TypeSpec {
    let mut s = iter_spec::<Combinatoric>(name, next);
    s.slots.new = Some(new);
    s
}

// ===================== the module =====================

fn dropwhile_new(c: &Obj, a: &[Obj], k: &KwArgs) -> PyResult<Obj> {
    func_iter_new("dropwhile", c, a, k)
}
fn takewhile_new(c: &Obj, a: &[Obj], k: &KwArgs) -> PyResult<Obj> {
    func_iter_new("takewhile", c, a, k)
}
fn filterfalse_new(c: &Obj, a: &[Obj], k: &KwArgs) -> PyResult<Obj> {
    func_iter_new("filterfalse", c, a, k)
}
fn starmap_new(c: &Obj, a: &[Obj], k: &KwArgs) -> PyResult<Obj> {
    func_iter_new("starmap", c, a, k)
}

/// Every type of the module, created once.
static ALL: std::sync::OnceLock<Vec<(&'static str, usize)>> = std::sync::OnceLock::new();

fn all_types() -> Vec<(&'static str, &'static TypeObject)> {
    let list = ALL.get_or_init(|| {
        let specs = vec![
            count_spec(), cycle_spec(), repeat_spec(), accumulate_spec(), compress_spec(),
            func_iter_spec("dropwhile", dropwhile_next, dropwhile_new),
            func_iter_spec("takewhile", takewhile_next, takewhile_new),
            func_iter_spec("filterfalse", filterfalse_next, filterfalse_new),
            func_iter_spec("starmap", starmap_next, starmap_new),
            groupby_spec(), islice_spec(), pairwise_spec(), zip_longest_spec(),
            combinatoric_spec("product", product_next, product_new),
            combinatoric_spec("permutations", permutations_next, permutations_new),
            combinatoric_spec("combinations", combinations_next, combinations_new),
            combinatoric_spec("combinations_with_replacement", cwr_next, cwr_new),
        ];
        let mut v: Vec<(&'static str, usize)> =
            specs.into_iter().map(|s| (s.name, module_type("itertools", s) as *const TypeObject as usize)).collect();
        v.push(("chain", CHAIN.get(chain_type) as *const TypeObject as usize));
        v.push(("_grouper", GROUPER.get(grouper_type) as *const TypeObject as usize));
        v.push(("_tee", TEE.get(tee_type) as *const TypeObject as usize));
        v
    });
    list.iter().map(|&(n, p)| (n, unsafe { &*(p as *const TypeObject) })).collect()
}

/// Creates the `itertools` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("itertools");
    let d = module::dict(&m);
    for (name, t) in all_types() {
        crate::types::dict::set_item_str(&d, name, t.as_obj());
    }
    crate::types::dict::set_item_str(&d, "tee", new_builtin_in("itertools", "tee", f_tee));
    crate::types::dict::set_item_str(&d, "__doc__", pystr::new("Functional tools for creating and using iterators."));
    Ok(m)
}
