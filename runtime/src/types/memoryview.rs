//! `memoryview` over bytes and bytearray (one dimension): len, indexing, slicing (views
//! sharing the underlying object, any step), item and slice assignment on writable views,
//! `cast` to any native single-character format (items read and written with `_struct`'s
//! codec), `tobytes`/`tolist`/`hex`, `release` and the context-manager protocol, `==` with
//! bytes-like objects, hash of read-only byte views, and the buffer attributes (`obj`,
//! `nbytes`, `readonly`, `format`, `itemsize`, `ndim`, `shape`, `strides`, ...).
//! A view over a bytearray counts as an export of it, so the bytearray refuses to resize
//! while the view is alive (`bytes::ba_export`). Native types that own raw memory (mmap)
//! register an `ExternalBuffer`: views reach their memory through it and count as exports,
//! and the exporter refuses to unmap or move the memory while any view is alive.

use std::cell::{Cell, RefCell};

use pyc_frontend::bytecode::CmpOp;

use super::bytes;
use super::none::{none, not_implemented};
use super::typeobj::{KwArgs, MethodDef};
use super::{types, TypeSpec};
use crate::errors::{index_error, type_error, value_error};
use crate::gil::GilCell;
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::protocol;

#[repr(C)]
pub struct MemoryViewObj {
    pub head: ObjHeader,
    /// The bytes or bytearray the view looks at (kept alive until the view dies).
    pub obj: Obj,
    /// Byte offset of item 0.
    pub start: usize,
    /// Number of items.
    pub len: usize,
    /// Byte distance between consecutive items (the stride).
    pub step: isize,
    /// The item format ("B" unless cast) and its size in bytes.
    pub format: &'static str,
    pub itemsize: usize,
    pub readonly: bool,
    pub released: Cell<bool>,
    /// How to reach `obj`'s memory when it is not a bytes or bytearray.
    pub external: Option<&'static ExternalBuffer>,
}

/// How memoryviews reach the memory of a native exporter type (registered by its module).
pub struct ExternalBuffer {
    /// The exporter's memory: pointer, length and whether it is read-only (an error once
    /// it is closed; an exporter with views cannot close).
    pub memory: fn(&Obj) -> PyResult<(*mut u8, usize, bool)>,
    /// Adds a view (+1) or drops one (-1).
    pub export: fn(&Obj, isize),
}

static EXTERNAL: GilCell<RefCell<Vec<(&'static super::typeobj::TypeObject, &'static ExternalBuffer)>>> =
    GilCell::new(RefCell::new(Vec::new()));

/// Lets `memoryview()` wrap instances of `ty` (and its subclasses).
pub fn register_external(ty: &'static super::typeobj::TypeObject, ext: &'static ExternalBuffer) {
    EXTERNAL.with(|v| v.borrow_mut().push((ty, ext)));
}

fn external_of(o: &Obj) -> Option<&'static ExternalBuffer> {
    if o.is_small_int() {
        return None;
    }
    EXTERNAL.with(|v| v.borrow().iter().find(|(t, _)| o.ty().is_subtype(t)).map(|(_, e)| *e))
}

/// The memory of an open external exporter (a snapshot borrow, like `bytes::as_bytes_any`).
pub fn external_bytes(o: &Obj) -> Option<&[u8]> {
    let (p, n, _) = (external_of(o)?.memory)(o).ok()?;
    // SAFETY: the mapping is live now; callers use the slice before running Python code,
    // which is the only way it could be closed or resized.
    Some(unsafe { std::slice::from_raw_parts(p, n) })
}

/// Counts a view in or out of the object it looks at.
fn export(obj: &Obj, external: Option<&ExternalBuffer>, delta: isize) {
    match external {
        Some(e) => (e.export)(obj, delta),
        None => bytes::ba_export(obj, delta),
    }
}

unsafe fn drop_mv(h: *mut ObjHeader) {
    let m = &mut *(h as *mut MemoryViewObj);
    if !m.released.get() {
        export(&m.obj, m.external, -1);
    }
    std::ptr::drop_in_place(m as *mut MemoryViewObj);
}

fn get(o: &Obj) -> &MemoryViewObj {
    unsafe { o.payload::<MemoryViewObj>() }
}

pub fn is_memoryview(o: &Obj) -> bool {
    !o.is_small_int() && o.isinstance(types().memoryview)
}

fn released_error() -> PyErr {
    value_error("operation forbidden on released memoryview object")
}

fn make(obj: Obj, start: usize, len: usize, step: isize, readonly: bool) -> Obj {
    let external = external_of(&obj);
    make_fmt(obj, external, start, len, step, readonly, "B", 1)
}

#[allow(clippy::too_many_arguments)]
fn make_fmt(
    obj: Obj,
    external: Option<&'static ExternalBuffer>,
    start: usize,
    len: usize,
    step: isize,
    readonly: bool,
    format: &'static str,
    itemsize: usize,
) -> Obj {
    export(&obj, external, 1);
    let m = MemoryViewObj { head: header(), obj, start, len, step, format, itemsize, readonly, released: Cell::new(false), external };
    alloc(types().memoryview, m)
}

/// A view like `m` (same object, format, writability) over other items.
fn derive(m: &MemoryViewObj, start: usize, len: usize, step: isize, readonly: bool) -> Obj {
    make_fmt(m.obj.clone(), m.external, start, len, step, readonly, m.format, m.itemsize)
}

/// The formats `cast` accepts (native, single character; `_struct` knows their sizes).
const FORMATS: &[&str] = &["c", "b", "B", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "f", "d", "P"];

fn is_byte_format(f: &str) -> bool {
    matches!(f, "B" | "b" | "c")
}

/// The bytes of item `k` of a live view.
fn item_bytes(m: &MemoryViewObj, k: usize) -> &[u8] {
    let p = pos(m, k);
    base(m).get(p..p + m.itemsize).unwrap_or(&[])
}

fn items(m: &MemoryViewObj) -> Vec<Obj> {
    (0..m.len).map(|k| crate::modules::r#struct::unpack_native(m.format, item_bytes(m, k))).collect()
}

/// `memoryview(obj)`.
pub fn from_object(o: &Obj) -> PyResult<Obj> {
    if is_memoryview(o) {
        let m = live(o)?;
        return Ok(derive(m, m.start, m.len, m.step, m.readonly));
    }
    if let Some(b) = bytes::as_bytes(o) {
        return Ok(make(o.clone(), 0, b.len(), 1, true));
    }
    if bytes::is_bytearray(o) {
        let n = bytes::as_bytes_any(o).map(|b| b.len()).unwrap_or(0);
        return Ok(make(o.clone(), 0, n, 1, false));
    }
    if let Some(e) = external_of(o) {
        let (_, n, readonly) = (e.memory)(o)?;
        return Ok(make(o.clone(), 0, n, 1, readonly));
    }
    Err(type_error(format!("memoryview: a bytes-like object is required, not '{}'", o.type_name())))
}

fn live(o: &Obj) -> PyResult<&MemoryViewObj> {
    let m = get(o);
    if m.released.get() {
        return Err(released_error());
    }
    Ok(m)
}

fn base(m: &MemoryViewObj) -> &[u8] {
    match m.external {
        // SAFETY: the view is an export of `m.obj`, so the exporter keeps this memory
        // mapped, in place and at this length until the view is released.
        Some(e) => match (e.memory)(&m.obj) {
            Ok((p, n, _)) if !p.is_null() => unsafe { std::slice::from_raw_parts(p, n) },
            _ => &[],
        },
        None => bytes::as_bytes_any(&m.obj).unwrap_or(&[]),
    }
}

/// The writable memory under a view (None for read-only objects).
fn base_mut(m: &MemoryViewObj) -> Option<&mut [u8]> {
    match m.external {
        // SAFETY: as in `base`; writes go only through views not marked read-only.
        Some(e) => match (e.memory)(&m.obj) {
            Ok((p, n, false)) if !p.is_null() => Some(unsafe { std::slice::from_raw_parts_mut(p, n) }),
            _ => None,
        },
        None => bytes::bytearray_data_mut(&m.obj).map(|v| &mut v[..]),
    }
}

fn pos(m: &MemoryViewObj, k: usize) -> usize {
    (m.start as isize + k as isize * m.step) as usize
}

/// The bytes the view shows, copied out.
pub fn view_bytes(o: &Obj) -> PyResult<Vec<u8>> {
    let m = live(o)?;
    Ok((0..m.len).flat_map(|k| item_bytes(m, k).iter().copied()).collect())
}

/// The contiguous bytes of a live view with step 1 (for the buffer fast paths).
pub fn contiguous(o: &Obj) -> Option<&[u8]> {
    let m = get(o);
    if m.released.get() || (m.step != m.itemsize as isize && m.len > 1) {
        return None;
    }
    let b = base(m);
    b.get(m.start..m.start + m.len * m.itemsize)
}

fn mv_len(o: &Obj) -> PyResult<usize> {
    Ok(live(o)?.len)
}

fn mv_getitem(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let m = live(o)?;
    if super::list::is_index(key) {
        let i = protocol::index_i64(key)?;
        let Some(j) = super::list::norm_index(i, m.len) else {
            return Err(index_error("index out of bounds on dimension 1"));
        };
        return Ok(crate::modules::r#struct::unpack_native(m.format, item_bytes(m, j)));
    }
    if super::slice::is_slice(key) {
        let (start, _stop, step, n) = super::slice::indices(key, m.len)?;
        let first = if n == 0 { m.start } else { pos(m, start as usize) };
        return Ok(derive(m, first, n, step * m.step, m.readonly));
    }
    if let Some(t) = super::tuple::as_slice(key) {
        return Err(type_error(format!("cannot index 1-dimension view with {}-element tuple", t.len())));
    }
    Err(type_error("memoryview: invalid slice key"))
}

fn mv_setitem(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let m = live(o)?;
    if m.readonly {
        return Err(type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(type_error("cannot delete memory"));
    };
    if super::list::is_index(key) {
        let i = protocol::index_i64(key)?;
        let packed = pack_value(m.format, m.itemsize, value)?;
        let Some(j) = super::list::norm_index(i, m.len) else {
            return Err(index_error("index out of bounds on dimension 1"));
        };
        let p = pos(m, j);
        if let Some(d) = base_mut(m) {
            if let Some(dst) = d.get_mut(p..p + m.itemsize) {
                dst.copy_from_slice(&packed);
            }
        }
        return Ok(());
    }
    if super::slice::is_slice(key) {
        let (start, _stop, step, n) = super::slice::indices(key, m.len)?;
        let same_format = m.format == "B" || (is_memoryview(value) && get(value).format == m.format);
        let src = match bytes::buffer_data(value) {
            Some(_) if !same_format => {
                return Err(value_error("memoryview assignment: lvalue and rvalue have different structures"))
            }
            Some(b) => b,
            None => {
                return Err(type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    value.type_name()
                )))
            }
        };
        if src.len() != n * m.itemsize {
            return Err(value_error("memoryview assignment: lvalue and rvalue have different structures"));
        }
        let positions: Vec<usize> = (0..n).map(|k| pos(m, (start + k as isize * step) as usize)).collect();
        if let Some(d) = base_mut(m) {
            for (p, item) in positions.into_iter().zip(src.chunks(m.itemsize)) {
                if let Some(dst) = d.get_mut(p..p + m.itemsize) {
                    dst.copy_from_slice(item);
                }
            }
        }
        return Ok(());
    }
    Err(type_error("memoryview: invalid slice key"))
}

/// `value` packed as one item of `format`, with memoryview's messages.
fn pack_value(format: &'static str, itemsize: usize, value: &Obj) -> PyResult<Vec<u8>> {
    let right_type = match format {
        "c" => bytes::as_bytes_any(value).is_some(),
        "?" => true,
        "f" | "d" => super::float::is_float(value) || super::int::is_int(value),
        _ => super::int::is_int(value),
    };
    if !right_type {
        return Err(type_error(format!("memoryview: invalid type for format '{format}'")));
    }
    let mut out = vec![0u8; itemsize];
    match crate::modules::r#struct::pack_native(format, value, &mut out) {
        Ok(()) => Ok(out),
        Err(_) => Err(value_error(format!("memoryview: invalid value for format '{format}'"))),
    }
}

fn mv_iter(o: &Obj) -> PyResult<Obj> {
    live(o)?;
    Ok(super::iterators::new_seq_iter(o.clone()))
}

fn mv_repr(o: &Obj) -> PyResult<Obj> {
    let m = get(o);
    let what = if m.released.get() { "released memory" } else { "memory" };
    Ok(super::str::from_string(format!("<{} at {:#x}>", what, o.raw())))
}

fn mv_richcompare(a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
    if op != CmpOp::Eq && op != CmpOp::Ne {
        return Ok(not_implemented());
    }
    let eq = if a.is(b) {
        true
    } else {
        let ma = get(a);
        if ma.released.get() || (is_memoryview(b) && get(b).released.get()) {
            false
        } else {
            let Some(y) = bytes::buffer_data(b) else { return Ok(not_implemented()) };
            let fb = if is_memoryview(b) { get(b).format } else { "B" };
            if ma.format == fb {
                view_bytes(a)? == y
            } else {
                items_equal(&items(ma), &if is_memoryview(b) { items(get(b)) } else { y.iter().map(|x| Obj::from_small(*x as i64)).collect() })?
            }
        }
    };
    Ok(super::bool::from_bool(if op == CmpOp::Eq { eq } else { !eq }))
}

fn items_equal(x: &[Obj], y: &[Obj]) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (a, b) in x.iter().zip(y) {
        if !protocol::eq(a, b)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn mv_hash(o: &Obj) -> PyResult<i64> {
    let m = live(o)?;
    if !m.readonly {
        return Err(value_error("cannot hash writable memoryview object"));
    }
    if !is_byte_format(m.format) {
        return Err(value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    protocol::hash(&bytes::new(view_bytes(o)?))
}

fn mv_new(_cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = super::int::bind_args("memoryview", args, kw, &["object"], 0, 1, 1)?;
    from_object(a[0].as_ref().unwrap())
}

// ----- methods -----

fn m_tobytes(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let _ = super::int::bind_args("tobytes", args, kw, &["order"], 0, 1, 0)?;
    Ok(bytes::new(view_bytes(s)?))
}
fn m_tolist(a: &[Obj]) -> PyResult<Obj> {
    Ok(super::list::new(items(live(&a[0])?)))
}
fn m_hex(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bytes::new(view_bytes(s)?);
    let f = protocol::getattr_str(&b, "hex")?;
    protocol::call_kw(&f, args, kw)
}
fn m_release(a: &[Obj]) -> PyResult<Obj> {
    let m = get(&a[0]);
    if !m.released.get() {
        m.released.set(true);
        export(&m.obj, m.external, -1);
    }
    Ok(none())
}
fn m_enter(a: &[Obj]) -> PyResult<Obj> {
    live(&a[0])?;
    Ok(a[0].clone())
}
fn m_exit(a: &[Obj]) -> PyResult<Obj> {
    m_release(&a[..1])
}
fn m_toreadonly(a: &[Obj]) -> PyResult<Obj> {
    let m = live(&a[0])?;
    Ok(derive(m, m.start, m.len, m.step, true))
}
fn m_cast(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = super::int::bind_args("cast", args, kw, &["format", "shape"], 0, 2, 1)?;
    let m = live(s)?;
    let f = a[0].as_ref().unwrap();
    let Some(fs) = super::str::as_str(f) else {
        return Err(type_error(format!("cast() argument 'format' must be str, not {}", f.type_name())));
    };
    if m.step != m.itemsize as isize && m.len > 1 {
        return Err(type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let name = fs.strip_prefix('@').unwrap_or(fs);
    let (Some(format), Some(size)) = (FORMATS.iter().find(|f| **f == name), crate::modules::r#struct::native_item_size(name)) else {
        return Err(value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !is_byte_format(m.format) && !is_byte_format(format) {
        return Err(type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = m.len * m.itemsize;
    if nbytes % size != 0 {
        return Err(type_error("memoryview: length is not a multiple of itemsize"));
    }
    if let Some(shape) = &a[1] {
        let dims = protocol::collect(shape)?;
        let mut product = 1usize;
        for d in &dims {
            product = product.saturating_mul(protocol::index_i64(d)?.max(0) as usize);
        }
        if product.saturating_mul(size) != nbytes {
            return Err(type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
        if dims.len() != 1 {
            return Err(crate::errors::not_implemented_error("memoryview: only one-dimensional casts are supported"));
        }
    }
    Ok(make_fmt(m.obj.clone(), m.external, m.start, nbytes / size, size as isize, m.readonly, format, size))
}

fn g_obj(o: &Obj) -> PyResult<Obj> {
    Ok(live(o)?.obj.clone())
}
fn g_nbytes(o: &Obj) -> PyResult<Obj> {
    let m = live(o)?;
    Ok(super::int::from_usize(m.len * m.itemsize))
}
fn g_readonly(o: &Obj) -> PyResult<Obj> {
    Ok(super::bool::from_bool(live(o)?.readonly))
}
fn g_itemsize(o: &Obj) -> PyResult<Obj> {
    Ok(super::int::from_usize(live(o)?.itemsize))
}
fn g_format(o: &Obj) -> PyResult<Obj> {
    Ok(super::str::new(live(o)?.format))
}
fn g_ndim(o: &Obj) -> PyResult<Obj> {
    live(o)?;
    Ok(Obj::from_small(1))
}
fn g_shape(o: &Obj) -> PyResult<Obj> {
    let m = live(o)?;
    Ok(super::tuple::new(vec![super::int::from_usize(m.len)]))
}
fn g_strides(o: &Obj) -> PyResult<Obj> {
    let m = live(o)?;
    Ok(super::tuple::new(vec![super::int::from_i64(m.step as i64)]))
}
fn g_suboffsets(o: &Obj) -> PyResult<Obj> {
    live(o)?;
    Ok(super::tuple::empty())
}
fn g_contiguous(o: &Obj) -> PyResult<Obj> {
    let m = live(o)?;
    Ok(super::bool::from_bool(m.step == m.itemsize as isize || m.len <= 1))
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("memoryview", std::mem::size_of::<MemoryViewObj>(), drop_mv);
    s.final_ = true;
    let sl = &mut s.slots;
    sl.repr = Some(mv_repr);
    sl.hash = Some(mv_hash);
    sl.richcompare = Some(mv_richcompare);
    sl.len = Some(mv_len);
    sl.getitem = Some(mv_getitem);
    sl.setitem = Some(mv_setitem);
    sl.iter = Some(mv_iter);
    sl.new = Some(mv_new);
    use MethodDef::Method as M;
    s.methods = vec![
        M { name: "__enter__", func: m_enter, min: 1, max: 1 },
        M { name: "__exit__", func: m_exit, min: 1, max: usize::MAX },
    ];
    EXTRA.extend(&mut s.methods);
    s
}

super::method_extension! {
    /// Enables memoryview's extension table (called by the program's `main`; types/mod.rs
    /// `MethodExtension`).
    pyrt_methods_memoryview: EXTRA(MethodDef) => extra_methods
}

pub(super) fn extra_methods() -> Vec<MethodDef> {
    use MethodDef::{Getter as G, Method as M, MethodKw as K};
    vec![
        K { name: "tobytes", func: m_tobytes },
        M { name: "tolist", func: m_tolist, min: 1, max: 1 },
        K { name: "hex", func: m_hex },
        M { name: "release", func: m_release, min: 1, max: 1 },
        M { name: "toreadonly", func: m_toreadonly, min: 1, max: 1 },
        K { name: "cast", func: m_cast },
        G { name: "obj", get: g_obj },
        G { name: "nbytes", get: g_nbytes },
        G { name: "readonly", get: g_readonly },
        G { name: "itemsize", get: g_itemsize },
        G { name: "format", get: g_format },
        G { name: "ndim", get: g_ndim },
        G { name: "shape", get: g_shape },
        G { name: "strides", get: g_strides },
        G { name: "suboffsets", get: g_suboffsets },
        G { name: "c_contiguous", get: g_contiguous },
        G { name: "f_contiguous", get: g_contiguous },
        G { name: "contiguous", get: g_contiguous },
    ]
}
