//! The cycle collector: GC headers, generations, tracking, the collection algorithm,
//! finalizers (`__del__`, PEP 442) and the deallocation hooks of containers.
//!
//! Layout: a container (a built-in type with a `traverse` slot, any heap type's instance,
//! or a heap type object itself) is allocated by `object::alloc` as
//! `[GcHead][ObjHeader][payload]`; `Obj` points at the `ObjHeader`, so the header is found
//! at a fixed negative offset. `GcHead` links the object into one of three generation
//! lists (or the permanent list of `gc.freeze`) and holds `gc_refs` plus flag bits.
//!
//! Collection (CPython's algorithm): merge the younger generations into the collected one;
//! copy each refcount into `gc_refs`; subtract the references coming from inside the set
//! (through each type's traverse); everything still referenced from outside, and
//! everything reachable from it, survives; the rest is cyclic garbage. The garbage is held
//! by strong references while weak references to it are cleared (callbacks run for weak
//! references that are not garbage themselves), finalizers run once (PEP 442), objects
//! resurrected by them are detected by a second pass over the set, and the rest are
//! `clear`ed to break the cycles and released.
//!
//! Collections run only at safe points (`safe_point`: interpreter back-edges, native
//! back-edges via `pyrt_check_interrupts`, every Python-level call), never inside an
//! allocation: runtime code that holds a payload borrow across an allocation is never
//! surprised by a finalizer. `__del__` of an object whose refcount drops to zero runs at
//! once from `object::dealloc`, as in CPython.

use std::mem::ManuallyDrop;
use std::ptr;

use crate::object::{Obj, ObjHeader, IMMORTAL};
use crate::types::typeobj::{flags, KwArgs, TypeObject};

/// The header in front of every container object.
#[repr(C)]
pub struct GcHead {
    next: *mut GcHead,
    prev: *mut GcHead,
    /// Low 8 bits: flags; the rest: `gc_refs` during a collection.
    state: u64,
}

pub const GC_HEAD_SIZE: usize = std::mem::size_of::<GcHead>();

const TRACKED: u64 = 1;
const FINALIZED: u64 = 2;
const WEAKREFS: u64 = 4;
const COLLECTING: u64 = 8;
const REACHABLE: u64 = 16;
/// Set by `mark_reachable`'s first pass on an object with a reference into the
/// collected set: only those need a second traversal to propagate reachability.
const INTERNAL: u64 = 32;
const FLAG_MASK: u64 = 0xff;
const REFS_SHIFT: u32 = 8;
const REFS_MAX: isize = 1 << 50;

/// `gc.DEBUG_SAVEALL`
pub const DEBUG_SAVEALL: i64 = 32;

struct GcState {
    gens: [*mut GcHead; 3],
    permanent: *mut GcHead,
    count: [isize; 3],
    threshold: [isize; 3],
    enabled: bool,
    collecting: bool,
    pending: bool,
    debug: i64,
    long_lived_total: isize,
    long_lived_pending: isize,
    /// (collections, collected, uncollectable) per generation.
    stats: [(i64, i64, i64); 3],
}

static mut STATE: GcState = GcState {
    gens: [ptr::null_mut(); 3],
    permanent: ptr::null_mut(),
    count: [0; 3],
    threshold: [700, 10, 10],
    enabled: true,
    collecting: false,
    pending: false,
    debug: 0,
    long_lived_total: 0,
    long_lived_pending: 0,
    stats: [(0, 0, 0); 3],
};

#[inline]
#[allow(static_mut_refs)]
fn st() -> &'static mut GcState {
    // SAFETY: the runtime is single-threaded (GIL); no reference outlives a call.
    unsafe { &mut *ptr::addr_of_mut!(STATE) }
}

unsafe fn new_list() -> *mut GcHead {
    let h = Box::into_raw(Box::new(GcHead { next: ptr::null_mut(), prev: ptr::null_mut(), state: 0 }));
    (*h).next = h;
    (*h).prev = h;
    h
}

#[inline]
unsafe fn lists() -> &'static mut GcState {
    let s = st();
    if s.permanent.is_null() {
        for g in s.gens.iter_mut() {
            *g = new_list();
        }
        s.permanent = new_list();
    }
    s
}

#[inline]
unsafe fn list_append(node: *mut GcHead, list: *mut GcHead) {
    let last = (*list).prev;
    (*node).prev = last;
    (*node).next = list;
    (*last).next = node;
    (*list).prev = node;
}

#[inline]
unsafe fn list_remove(node: *mut GcHead) {
    let (p, n) = ((*node).prev, (*node).next);
    (*p).next = n;
    (*n).prev = p;
    (*node).next = ptr::null_mut();
    (*node).prev = ptr::null_mut();
}

/// Moves every node of `from` to the end of `to`.
unsafe fn list_merge(from: *mut GcHead, to: *mut GcHead) {
    if from == to || (*from).next == from {
        return;
    }
    let (first, last) = ((*from).next, (*from).prev);
    let tail = (*to).prev;
    (*tail).next = first;
    (*first).prev = tail;
    (*last).next = to;
    (*to).prev = last;
    (*from).next = from;
    (*from).prev = from;
}

unsafe fn list_len(list: *mut GcHead) -> isize {
    let mut n = 0;
    let mut g = (*list).next;
    while g != list {
        n += 1;
        g = (*g).next;
    }
    n
}

/// The nodes of a list (a snapshot).
unsafe fn list_nodes(list: *mut GcHead) -> Vec<*mut GcHead> {
    let mut v = Vec::new();
    let mut g = (*list).next;
    while g != list {
        v.push(g);
        g = (*g).next;
    }
    v
}

#[inline]
fn head_of(h: *const ObjHeader) -> *mut GcHead {
    (h as *mut u8).wrapping_sub(GC_HEAD_SIZE) as *mut GcHead
}

#[inline]
fn obj_of(g: *mut GcHead) -> *mut ObjHeader {
    (g as *mut u8).wrapping_add(GC_HEAD_SIZE) as *mut ObjHeader
}

#[inline]
unsafe fn refs(g: *mut GcHead) -> isize {
    ((*g).state >> REFS_SHIFT) as isize
}

#[inline]
unsafe fn set_refs(g: *mut GcHead, r: isize) {
    (*g).state = ((*g).state & FLAG_MASK) | ((r.clamp(0, REFS_MAX) as u64) << REFS_SHIFT);
}

// ===================== which objects are containers =====================

/// Does an object of type `ty` (about to be allocated from `init`) get a GC header?
/// Type objects get one only when they are heap types (built-in types are static).
#[inline]
pub fn needs_gc_head(ty: &TypeObject, init: *const u8) -> bool {
    let f = ty.flags.get();
    if f & (flags::HEAPTYPE | flags::HAVE_GC) == 0 {
        return false;
    }
    if f & flags::TYPE_SUBCLASS != 0 {
        // SAFETY: instances of type subclasses start with a `TypeObject`.
        return unsafe { (*(init as *const TypeObject)).flags.get() & flags::HEAPTYPE != 0 };
    }
    true
}

/// Does the live object `h` carry a GC header?
///
/// # Safety
/// `h` must point to a live heap object.
#[inline]
pub unsafe fn is_gc(h: *const ObjHeader) -> bool {
    let ty = &*(*h).ty;
    let f = ty.flags.get();
    if f & (flags::HEAPTYPE | flags::HAVE_GC) == 0 {
        return false;
    }
    if f & flags::TYPE_SUBCLASS != 0 {
        return (*(h as *const TypeObject)).flags.get() & flags::HEAPTYPE != 0;
    }
    true
}

/// Is `o` a container object currently tracked by the collector?
pub fn is_tracked_raw(o: &Obj) -> bool {
    !o.is_small_int() && unsafe { is_gc(o.header_ptr()) && (*head_of(o.header_ptr())).state & TRACKED != 0 }
}

// ===================== hooks called by object.rs =====================

/// Called for every new non-container heap object.
#[inline]
pub fn on_alloc(_h: *mut ObjHeader) {
    crate::modules::gc::count_alloc(_h);
}

/// Called just before a non-container object is destroyed.
#[inline]
pub fn on_dealloc(_h: *mut ObjHeader) {
    crate::modules::gc::count_dealloc(_h);
}

/// Starts tracking a new container (called by `alloc` once the payload is written).
///
/// # Safety
/// `h` must be a freshly allocated container.
#[inline(always)] // every allocation of a container passes here
pub unsafe fn track_new(h: *mut ObjHeader) {
    let s = lists();
    let g = head_of(h);
    (*g).state = TRACKED;
    list_append(g, s.gens[0]);
    s.count[0] += 1;
    if s.count[0] > s.threshold[0] && s.threshold[0] > 0 && s.enabled && !s.collecting {
        s.pending = true;
        crate::gil::request(crate::gil::GC);
    }
    crate::modules::gc::count_alloc(h);
}

/// Stops tracking a container that becomes immortal.
pub unsafe fn untrack_immortal(h: *mut ObjHeader) {
    if is_gc(h) {
        let g = head_of(h);
        if (*g).state & TRACKED != 0 {
            list_remove(g);
            (*g).state &= !TRACKED;
        }
    }
}

/// Makes `root` and everything reachable from it through traverse immortal. Built-in
/// types live as long as the process, and so does what their `__dict__` holds (method
/// descriptors, slot wrappers, `__new__`): like the types themselves these are never
/// freed nor scanned by the collector, and the leak checker does not count the ones of
/// built-in types created lazily after start-up (a native module's, on first import).
/// Types reached on the way are not entered (the root may be one: a heap type a native
/// module creates once and keeps for the life of the process).
pub fn immortalize_graph(root: &Obj) {
    let mut stack = Vec::new();
    owned_refs(root, &mut stack);
    root.make_immortal();
    while let Some(o) = stack.pop() {
        if o.is_small_int() || o.refcount() >= IMMORTAL || crate::types::typeobj::is_type(&o) {
            continue;
        }
        o.make_immortal();
        owned_refs(&o, &mut stack);
    }
}

/// What `o` owns: its traverse, plus a dict's str keys (which dict traverse skips, as
/// CPython's does, since a str cannot be part of a cycle).
fn owned_refs(o: &Obj, out: &mut Vec<Obj>) {
    traverse_object(o, &mut |r| out.push(r.clone()));
    if crate::types::dict::is_dict(o) {
        out.extend(crate::types::dict::keys(o));
    }
}

/// Untracks an object (`gc` never sees it again unless re-tracked).
unsafe fn untrack(h: *mut ObjHeader) {
    let g = head_of(h);
    if (*g).state & TRACKED != 0 {
        list_remove(g);
        (*g).state &= !TRACKED;
        let s = st();
        if s.count[0] > 0 {
            s.count[0] -= 1;
        }
    }
}

/// Marks `h` as having weak references (checked when it dies).
pub unsafe fn set_has_weakrefs(h: *mut ObjHeader, on: bool) {
    if is_gc(h) {
        let g = head_of(h);
        if on {
            (*g).state |= WEAKREFS;
        } else {
            (*g).state &= !WEAKREFS;
        }
    }
}

/// Does `o` carry a GC header (has a traverse; `gc.get_referents` looks inside)?
pub fn is_container(o: &Obj) -> bool {
    !o.is_small_int() && unsafe { is_gc(o.header_ptr()) }
}

/// Can `o` have weak references? (Containers only: user instances, functions, types,
/// sets, generators, methods...)
pub fn weakrefable(o: &Obj) -> bool {
    !o.is_small_int() && unsafe { is_gc(o.header_ptr()) }
}

/// The deallocation of a container whose refcount reached zero: runs the finalizer
/// (`__del__`, once), untracks, clears weak references (running their callbacks).
/// Returns false when the finalizer resurrected the object (do not free it).
///
/// # Safety
/// `h` is a container whose last reference was just dropped (refcnt 1 or 0).
pub unsafe fn before_dealloc(h: *mut ObjHeader) -> bool {
    let g = head_of(h);
    if (*g).state & FINALIZED == 0 {
        let fin = (*(*h).ty).slots.try_borrow().ok().and_then(|s| s.finalize);
        if let Some(fin) = fin {
            (*g).state |= FINALIZED;
            (*h).refcnt = 1;
            {
                let o = ManuallyDrop::new(Obj::from_raw(h as u64));
                fin(&o);
            }
            if (*h).refcnt > 1 {
                (*h).refcnt -= 1;
                return false;
            }
        }
    }
    (*h).refcnt = 0;
    untrack(h);
    crate::modules::gc::count_dealloc(h);
    if (*g).state & WEAKREFS != 0 {
        (*g).state &= !WEAKREFS;
        crate::modules::weakref::clear_on_dealloc(h);
    }
    true
}

/// The `finalize` slot of classes defining `__del__`: calls it, reporting an exception
/// as unraisable ("Exception ignored in: ..."), preserving the pending error.
pub fn call_del(o: &Obj) {
    let saved = crate::errors::take_current();
    if let Some(m) = o.ty().lookup_str("__del__") {
        if let Err(e) = crate::types::descriptors::call_unbound(&m, o, &[], &KwArgs::EMPTY) {
            report_unraisable(&m, &e.0);
        }
    }
    if let Some(s) = saved {
        crate::errors::set_current(s);
    }
}

/// Prints "Exception ignored in: <repr(where)>" and the traceback to stderr.
pub fn report_unraisable(where_: &Obj, exc: &Obj) {
    let r = crate::protocol::repr_string(where_).unwrap_or_else(|_| "<object repr() failed>".to_string());
    crate::types::traceback::print_unraisable(&format!("Exception ignored in: {}", r), exc);
}

// ===================== traversal =====================

/// The nearest built-in (non-heap) type in `t`'s base chain.
fn builtin_base(t: &TypeObject) -> &TypeObject {
    let mut cur = t;
    while cur.is_heap_type() {
        match &cur.base {
            Some(b) => cur = crate::types::typeobj::as_type(b),
            None => break,
        }
    }
    cur
}

/// Does an instance of heap type `ty` own nothing but its type and its attributes? True
/// for a class deriving from `object` alone without `__slots__`, the common case a
/// collection meets thousands of times (no member cells, no built-in base to traverse).
#[inline]
fn owns_only_attributes(ty: &TypeObject) -> bool {
    let object = crate::types::types().object;
    ty.base.as_ref().is_some_and(|b| std::ptr::eq(crate::types::typeobj::as_type(b), object))
        && ty.slot_names.try_borrow().is_ok_and(|v| v.is_empty())
}

/// Calls `visit` for every reference `o` owns: for heap-type instances the type, the
/// instance attributes (dict or compact values) and the built-in base's references; for
/// built-ins their traverse slot.
pub fn traverse_object(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if o.is_small_int() {
        return;
    }
    let ty = o.ty();
    if ty.is_heap_type() {
        let tobj = ManuallyDrop::new(unsafe { Obj::from_raw(ty as *const TypeObject as u64) });
        visit(&tobj);
        crate::types::instance_attrs::traverse(o, visit);
        if owns_only_attributes(ty) {
            return;
        }
        unsafe { crate::types::class::for_each_member_cell(o.raw() as *mut _, &mut |c| if let Some(v) = c { visit(v) }) };
        let base = builtin_base(ty);
        let tr = base.slots.try_borrow().ok().and_then(|s| s.traverse);
        if let Some(t) = tr {
            t(o, visit);
        }
    } else {
        let tr = ty.slots.try_borrow().ok().and_then(|s| s.traverse);
        if let Some(t) = tr {
            t(o, visit);
        }
    }
}

/// What a pass of `mark_reachable` knows about the class of the instances it last
/// traversed: consecutive instances mostly share it, and nothing about it changes during
/// a pass (no Python code runs; the pass changes only `gc_refs` and REACHABLE, which
/// neither `owns_only_attributes` nor `collecting_head` reads).
struct ClassMemo {
    ty: *const TypeObject,
    /// A heap type whose instances own only their type and attributes.
    plain: bool,
    /// `collecting_head` of the type object itself.
    head: Option<*mut GcHead>,
}

impl ClassMemo {
    fn new() -> ClassMemo {
        ClassMemo { ty: ptr::null(), plain: false, head: None }
    }

    #[inline(always)]
    fn update(&mut self, ty: &TypeObject) {
        if !ptr::eq(self.ty, ty) {
            self.ty = ty;
            self.plain = ty.is_heap_type() && owns_only_attributes(ty);
            let tobj = ManuallyDrop::new(unsafe { Obj::from_raw(ty as *const TypeObject as u64) });
            self.head = collecting_head(&tobj);
        }
    }
}

/// Calls `f` with the GC header of every reference of `o` into the collected set:
/// inline for instances of classes that own only their attributes (the bulk of a
/// collection's objects, their class looked at once per run of them: `ClassMemo`),
/// through `traverse_object` for the rest.
#[inline(always)]
fn for_each_collecting<F: FnMut(*mut GcHead)>(o: &Obj, memo: &mut ClassMemo, f: &mut F) {
    if !o.is_small_int() {
        memo.update(o.ty());
        if memo.plain {
            if let Some(g) = memo.head {
                f(g);
            }
            crate::types::instance_attrs::traverse_with(o, &mut |r: &Obj| {
                if let Some(g) = collecting_head(r) {
                    f(g);
                }
            });
            return;
        }
    }
    traverse_object(o, &mut |r: &Obj| {
        if let Some(g) = collecting_head(r) {
            f(g);
        }
    });
}

/// Breaks the references of a garbage object (`tp_clear`).
fn clear_object(o: &Obj) {
    let ty = o.ty();
    let base = if ty.is_heap_type() {
        crate::types::instance_attrs::clear(o);
        let mut cells = Vec::new();
        unsafe { crate::types::class::for_each_member_cell(o.raw() as *mut _, &mut |c| cells.push(c.take())) };
        drop(cells);
        builtin_base(ty)
    } else {
        ty
    };
    let cl = base.slots.try_borrow().ok().and_then(|s| s.clear);
    if let Some(c) = cl {
        c(o);
    }
}

/// If `r` is a container being collected, returns its GC header.
#[inline(always)]
fn collecting_head(r: &Obj) -> Option<*mut GcHead> {
    if r.is_small_int() {
        return None;
    }
    unsafe {
        let h = r.header_ptr();
        if (*h).refcnt >= IMMORTAL || !is_gc(h) {
            return None;
        }
        let g = head_of(h);
        if (*g).state & (TRACKED | COLLECTING) == (TRACKED | COLLECTING) {
            Some(g)
        } else {
            None
        }
    }
}

/// Finds, among `nodes` (all marked COLLECTING with `gc_refs` set to their external
/// reference count estimate), the ones reachable from outside; marks them REACHABLE.
unsafe fn mark_reachable(nodes: &[*mut GcHead]) {
    // Subtract internal references.
    let mut memo = ClassMemo::new();
    for &g in nodes {
        let o = ManuallyDrop::new(Obj::from_raw(obj_of(g) as u64));
        let mut internal = false;
        for_each_collecting(&o, &mut memo, &mut |rg| {
            set_refs(rg, refs(rg) - 1);
            internal = true;
        });
        if internal {
            (*g).state |= INTERNAL;
        } else {
            (*g).state &= !INTERNAL;
        }
    }
    // Propagate from the externally referenced ones. An object without references into
    // the set (an instance holding only floats, a leaf of a tree) marks nothing: it is
    // not traversed again (a young collection of float_objects.py's points or
    // binary_trees.py's nodes skips most or half of them).
    let mut stack: Vec<*mut GcHead> = Vec::new();
    for &g in nodes {
        if refs(g) > 0 {
            (*g).state |= REACHABLE;
            if (*g).state & INTERNAL != 0 {
                stack.push(g);
            }
        }
    }
    let mut memo = ClassMemo::new();
    while let Some(g) = stack.pop() {
        let o = ManuallyDrop::new(Obj::from_raw(obj_of(g) as u64));
        for_each_collecting(&o, &mut memo, &mut |rg| {
            if (*rg).state & REACHABLE == 0 {
                (*rg).state |= REACHABLE;
                if (*rg).state & INTERNAL != 0 {
                    stack.push(rg);
                }
            }
        });
    }
}

/// Does the collector run a finalizer for `o` (not yet finalized)?
fn finalizer_of(o: &Obj) -> Option<fn(&Obj)> {
    let ty = o.ty();
    if let Some(f) = ty.slots.try_borrow().ok().and_then(|s| s.finalize) {
        return Some(f);
    }
    if crate::types::generator::is_generator(o) {
        return Some(finalize_generator);
    }
    None
}

fn finalize_generator(g: &Obj) {
    let gen = unsafe { g.payload::<crate::types::generator::GeneratorObj>() };
    if gen.frame.is_some() && gen.started && !gen.running {
        let saved = crate::errors::take_current();
        if let Err(e) = crate::types::generator::close(g) {
            report_unraisable(g, &e.0);
        }
        if let Some(s) = saved {
            crate::errors::set_current(s);
        }
    }
}

/// Collection statistics of one run: (unreachable found, uncollectable).
fn collect_generation(gen: usize) -> (usize, usize) {
    unsafe {
        let s = lists();
        s.collecting = true;
        s.pending = false;
        for i in 0..gen {
            list_merge(s.gens[i], s.gens[gen]);
        }
        if gen + 1 < 3 {
            s.count[gen + 1] += 1;
        }
        for i in 0..=gen {
            s.count[i] = 0;
        }
        let young = s.gens[gen];
        let old = if gen < 2 { s.gens[gen + 1] } else { young };
        if gen == 1 {
            s.long_lived_pending += list_len(young);
        }

        let nodes = list_nodes(young);
        for &g in &nodes {
            let h = obj_of(g);
            (*g).state = ((*g).state & FLAG_MASK & !REACHABLE) | COLLECTING;
            set_refs(g, (*h).refcnt.min(REFS_MAX));
        }
        mark_reachable(&nodes);
        // The garbage, held by strong references from here on. Like CPython, surviving
        // tuples that hold no tracked container stop being tracked.
        let mut garbage: Vec<Obj> = Vec::new();
        let tuple_ty = crate::types::types().tuple;
        for &g in &nodes {
            let h = obj_of(g);
            if (*g).state & REACHABLE == 0 {
                garbage.push(Obj::from_borrowed(h as u64));
            } else if std::ptr::eq((*h).ty, tuple_ty) {
                let o = ManuallyDrop::new(Obj::from_raw(h as u64));
                let mut atomic = true;
                traverse_object(&o, &mut |r| {
                    if atomic && is_tracked_raw(r) {
                        atomic = false;
                    }
                });
                if atomic {
                    list_remove(g);
                    (*g).state &= !TRACKED;
                }
            }
            (*g).state &= !(COLLECTING | REACHABLE | INTERNAL);
        }
        list_merge(young, old);
        if gen == 2 {
            s.long_lived_pending = 0;
            s.long_lived_total = list_len(old);
        }
        if garbage.is_empty() {
            s.collecting = false;
            return (0, 0);
        }

        // Weak references to the garbage: clear them all, then run the callbacks of those
        // that are not garbage themselves.
        let addrs: std::collections::HashSet<u64> = garbage.iter().map(|o| o.raw()).collect();
        let mut callbacks: Vec<Obj> = Vec::new();
        for o in &garbage {
            let g = head_of(o.header_ptr());
            if (*g).state & WEAKREFS != 0 {
                (*g).state &= !WEAKREFS;
                for wr in crate::modules::weakref::clear_for_gc(o.header_ptr()) {
                    if !addrs.contains(&wr.raw()) {
                        callbacks.push(wr);
                    }
                }
            }
        }
        for wr in callbacks {
            crate::modules::weakref::run_callback(&wr);
        }

        // Finalizers, once per object (PEP 442).
        for o in &garbage {
            let g = head_of(o.header_ptr());
            if (*g).state & FINALIZED != 0 {
                continue;
            }
            if let Some(f) = finalizer_of(o) {
                (*g).state |= FINALIZED;
                f(o);
            }
        }

        // Resurrection check: is any of it reachable again (beyond our own references)?
        let mut nodes: Vec<*mut GcHead> = Vec::new();
        for o in &garbage {
            let g = head_of(o.header_ptr());
            if (*g).state & TRACKED != 0 {
                (*g).state = ((*g).state & FLAG_MASK & !REACHABLE) | COLLECTING;
                set_refs(g, ((*o.header_ptr()).refcnt - 1).min(REFS_MAX));
                nodes.push(g);
            }
        }
        mark_reachable(&nodes);
        let mut doomed: Vec<Obj> = Vec::new();
        for o in garbage {
            let g = head_of(o.header_ptr());
            let alive = (*g).state & TRACKED == 0 || (*g).state & REACHABLE != 0;
            (*g).state &= !(COLLECTING | REACHABLE | INTERNAL);
            if !alive {
                doomed.push(o);
            }
        }
        let found = count_like_cpython(&doomed);
        let mut uncollectable = 0;
        if s.debug & DEBUG_SAVEALL != 0 {
            let gl = crate::modules::gc::garbage_list();
            for o in doomed.drain(..) {
                crate::types::list::append(&gl, o);
                uncollectable += 1;
            }
        } else {
            for o in &doomed {
                clear_object(o);
            }
        }
        drop(doomed);
        st().collecting = false;
        (found, uncollectable)
    }
}

/// Counts garbage as CPython 3.11 does: a heap type is three objects there (the type plus
/// its `__bases__` and `__mro__` tuples) where we store both sequences inside the type
/// object. (Instance dicts need no correction: compact instances have one only once it
/// was materialized, as in CPython.)
fn count_like_cpython(garbage: &[Obj]) -> usize {
    garbage.len() + 2 * garbage.iter().filter(|o| crate::types::typeobj::is_type(o)).count()
}

/// Runs a collection of `gen` with the `gc.callbacks` notifications; returns what
/// `gc.collect()` returns (unreachable objects found).
pub fn collect_with_callbacks(gen: usize) -> usize {
    if st().collecting {
        return 0;
    }
    crate::modules::gc::invoke_callbacks("start", gen, 0, 0);
    let (n, u) = collect_generation(gen);
    let s = st();
    s.stats[gen].0 += 1;
    s.stats[gen].1 += n as i64;
    s.stats[gen].2 += u as i64;
    crate::modules::gc::invoke_callbacks("stop", gen, n, u);
    if gen == 2 {
        crate::object_alloc::trim();
    }
    n
}

/// Runs the collection the allocation counts call for (CPython's
/// `gc_collect_generations`).
fn collect_due() {
    let s = st();
    s.pending = false;
    if !s.enabled || s.collecting {
        return;
    }
    for i in (0..3).rev() {
        if s.count[i] > s.threshold[i] && s.threshold[i] > 0 {
            if i == 2 && s.long_lived_pending < s.long_lived_total / 4 {
                continue;
            }
            collect_with_callbacks(i);
            break;
        }
    }
}

/// A point where running arbitrary Python code is safe: runs a pending collection.
#[inline]
pub fn safe_point() {
    if st().pending {
        collect_due();
    }
}

// ===================== the gc module's view =====================

pub fn enable(on: bool) {
    st().enabled = on;
}
pub fn is_enabled() -> bool {
    st().enabled
}
pub fn get_count() -> [isize; 3] {
    st().count
}
pub fn get_threshold() -> [isize; 3] {
    st().threshold
}
pub fn set_threshold(i: usize, v: isize) {
    st().threshold[i] = v;
}
pub fn get_debug() -> i64 {
    st().debug
}
pub fn set_debug(v: i64) {
    st().debug = v;
}
pub fn get_stats() -> [(i64, i64, i64); 3] {
    st().stats
}

/// Tracked objects of generation `gen` (all generations for None), excluding the
/// permanent generation.
pub fn objects(gen: Option<usize>) -> Vec<Obj> {
    unsafe {
        let s = lists();
        let mut out = Vec::new();
        for i in 0..3 {
            if gen.map_or(true, |g| g == i) {
                for g in list_nodes(s.gens[i]) {
                    let h = obj_of(g);
                    if (*h).refcnt > 0 {
                        out.push(Obj::from_borrowed(h as u64));
                    }
                }
            }
        }
        out
    }
}

/// Every tracked object, the permanent generation included (for `get_referrers`).
pub fn all_objects() -> Vec<Obj> {
    let mut v = objects(None);
    unsafe {
        let s = lists();
        for g in list_nodes(s.permanent) {
            let h = obj_of(g);
            if (*h).refcnt > 0 {
                v.push(Obj::from_borrowed(h as u64));
            }
        }
    }
    v
}

pub fn freeze() {
    unsafe {
        let s = lists();
        for i in 0..3 {
            list_merge(s.gens[i], s.permanent);
            s.count[i] = 0;
        }
    }
}

pub fn unfreeze() {
    unsafe {
        let s = lists();
        list_merge(s.permanent, s.gens[2]);
    }
}

pub fn freeze_count() -> isize {
    unsafe { list_len(lists().permanent) }
}

/// Final collection at exit (for the leak report): collect until nothing is found.
pub fn collect_all_at_exit() {
    st().enabled = true;
    for _ in 0..8 {
        if collect_with_callbacks(2) == 0 {
            break;
        }
    }
}

/// Number of tracked objects (all generations, permanent included).
pub fn tracked_count() -> isize {
    unsafe {
        let s = lists();
        list_len(s.gens[0]) + list_len(s.gens[1]) + list_len(s.gens[2]) + list_len(s.permanent)
    }
}

#[allow(dead_code)]
fn _unused(_: Obj) {}
