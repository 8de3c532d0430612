//! The native `mmap` module: `mmap.mmap` over anonymous memory (fileno -1) or a file
//! descriptor (dup'ed, as CPython does), with the file-like methods (read, write, seek,
//! find, readline, move, flush, resize, size, close), indexing and slicing, the context
//! manager, the module constants, and memory lent to `memoryview` (views count as exports;
//! an mmap with exports refuses to close or resize, so a view never sees unmapped memory).
//! `multiprocessing.heap` builds shared ctypes and `Barrier` on it.

use std::cell::Cell;

use crate::errors::{index_error, new_error, overflow_error, type_error, value_error};
use crate::gil::GilCell;
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::protocol;
use crate::types::exceptions::exc;
use crate::types::memoryview::{register_external, ExternalBuffer};
use crate::types::typeobj::{downcast_type, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, bytes, dict, int, list, module, none, slice, str as pystr, TypeSpec};

const ACCESS_DEFAULT: i64 = 0;
const ACCESS_READ: i64 = 1;
const ACCESS_WRITE: i64 = 2;
const ACCESS_COPY: i64 = 3;

#[repr(C)]
struct MmapObj {
    head: ObjHeader,
    /// The mapping; null once closed.
    data: Cell<*mut u8>,
    size: Cell<usize>,
    pos: Cell<usize>,
    offset: i64,
    /// Our own dup of the mapped file's descriptor; -1 for anonymous memory.
    fd: Cell<i32>,
    access: i64,
    /// Live memoryviews over the mapping.
    exports: Cell<isize>,
}

unsafe fn drop_mmap(h: *mut ObjHeader) {
    let m = &mut *(h as *mut MmapObj);
    unmap(m);
    std::ptr::drop_in_place(m as *mut MmapObj);
}

/// Unmaps the memory and closes the descriptor (once).
fn unmap(m: &MmapObj) {
    let p = m.data.replace(std::ptr::null_mut());
    if !p.is_null() {
        // SAFETY: `p`/`size` are the live mapping from mmap/mremap; cleared above so it is
        // unmapped once, and only when no view exists (close checks the exports).
        unsafe { libc::munmap(p as *mut libc::c_void, m.size.get()) };
    }
    let fd = m.fd.replace(-1);
    if fd >= 0 {
        // SAFETY: our own dup of the caller's descriptor.
        unsafe { libc::close(fd) };
    }
}

static MMAP_TYPE: GilCell<Cell<Option<&'static TypeObject>>> = GilCell::new(Cell::new(None));

static EXTERNAL: ExternalBuffer = ExternalBuffer { memory: view_memory, export: view_export };

fn mmap_type() -> &'static TypeObject {
    MMAP_TYPE.with(|c| {
        c.get().unwrap_or_else(|| {
            let t = super::make_type(spec());
            *t.module.borrow_mut() = "mmap".to_string();
            // tp_name "mmap.mmap" names errors; the class itself is `mmap.mmap`.
            *t.qualname.borrow_mut() = "mmap".to_string();
            c.set(Some(t));
            register_external(t, &EXTERNAL);
            t
        })
    })
}

fn raw(o: &Obj) -> PyResult<&MmapObj> {
    o.downcast::<MmapObj>(mmap_type())
        .ok_or_else(|| type_error(format!("descriptor requires a 'mmap.mmap' object but received a '{}'", o.type_name())))
}

/// The mmap behind `o`, open (CPython's CHECK_VALID).
fn open(o: &Obj) -> PyResult<&MmapObj> {
    let m = raw(o)?;
    if m.data.get().is_null() {
        return Err(value_error("mmap closed or invalid"));
    }
    Ok(m)
}

fn mem(m: &MmapObj) -> &mut [u8] {
    // SAFETY: called on an open mapping (checked by `open`) of `size` bytes; the GIL
    // serialises access and borrows never span calls back into Python code.
    unsafe { std::slice::from_raw_parts_mut(m.data.get(), m.size.get()) }
}

fn writable(m: &MmapObj) -> PyResult<()> {
    if m.access == ACCESS_READ {
        return Err(type_error("mmap can't modify a readonly memory map."));
    }
    Ok(())
}

fn view_memory(o: &Obj) -> PyResult<(*mut u8, usize, bool)> {
    let m = open(o)?;
    Ok((m.data.get(), m.size.get(), m.access == ACCESS_READ))
}

fn view_export(o: &Obj, delta: isize) {
    if let Ok(m) = raw(o) {
        m.exports.set(m.exports.get() + delta);
    }
}

fn buffer_error(msg: &str) -> PyErr {
    new_error(exc().buffer_error, msg)
}

fn errno_error() -> PyErr {
    super::posix::last_error(None)
}

/// An int argument as `isize` (CPython's `n` format).
fn ssize(o: &Obj) -> PyResult<isize> {
    let v = protocol::index(o)?;
    int::to_i64(&v).map(|x| x as isize).ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))
}

/// An int argument as C `int` (CPython's `i` format).
fn c_int(o: &Obj) -> PyResult<i32> {
    let v = protocol::index(o)?;
    match int::to_i64(&v) {
        Some(x) if x > i32::MAX as i64 => Err(overflow_error("signed integer is greater than maximum")),
        Some(x) if x < i32::MIN as i64 => Err(overflow_error("signed integer is less than minimum")),
        Some(x) => Ok(x as i32),
        None => Err(overflow_error("Python int too large to convert to C long")),
    }
}

/// Binds the arguments of the builtin with CPython's "function" wording.
fn bind(args: &[Obj], kw: &KwArgs, names: &[&str], required: usize) -> PyResult<Vec<Option<Obj>>> {
    if let Some((k, _)) = kw.iter().find(|(k, _)| !names.contains(&pystr::as_str(k).unwrap_or(""))) {
        return Err(type_error(format!("'{}' is an invalid keyword argument for this function", pystr::as_str(k).unwrap_or(""))));
    }
    if args.len() > names.len() {
        return Err(type_error(format!("function takes at most {} arguments ({} given)", names.len(), args.len())));
    }
    let b = int::bind_args("function", args, kw, names, 0, names.len(), 0)?;
    if let Some(i) = (0..required).find(|&i| b[i].is_none()) {
        return Err(type_error(format!("function missing required argument '{}' (pos {})", names[i], i + 1)));
    }
    Ok(b)
}

// ----- construction -----

/// `mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ, access=ACCESS_DEFAULT, offset=0)`.
fn mmap_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind(args, kw, &["fileno", "length", "flags", "prot", "access", "offset"], 2)?;
    let fd = c_int(b[0].as_ref().unwrap())?;
    let length = ssize(b[1].as_ref().unwrap())?;
    let opt = |i: usize, dflt: i32| b[i].as_ref().map_or(Ok(dflt), c_int);
    let mut flags = opt(2, libc::MAP_SHARED)?;
    let mut prot = opt(3, libc::PROT_WRITE | libc::PROT_READ)?;
    let mut access = opt(4, ACCESS_DEFAULT as i32)? as i64;
    let offset = match &b[5] {
        Some(o) => int::to_i64(&protocol::index(o)?).ok_or_else(|| overflow_error("Python int too large to convert to C long long"))?,
        None => 0,
    };
    if length < 0 {
        return Err(overflow_error("memory mapped length must be positive"));
    }
    if offset < 0 {
        return Err(overflow_error("memory mapped offset must be positive"));
    }
    if access != ACCESS_DEFAULT && (flags != libc::MAP_SHARED || prot != (libc::PROT_WRITE | libc::PROT_READ)) {
        return Err(value_error("mmap can't specify both access and flags, prot."));
    }
    match access {
        ACCESS_READ => (flags, prot) = (libc::MAP_SHARED, libc::PROT_READ),
        ACCESS_WRITE => (flags, prot) = (libc::MAP_SHARED, libc::PROT_READ | libc::PROT_WRITE),
        ACCESS_COPY => (flags, prot) = (libc::MAP_PRIVATE, libc::PROT_READ | libc::PROT_WRITE),
        ACCESS_DEFAULT => {
            // The access a bare `prot` amounts to (what the item-writing methods check).
            if prot & libc::PROT_READ != 0 && prot & libc::PROT_WRITE != 0 {
            } else if prot & libc::PROT_WRITE != 0 {
                access = ACCESS_WRITE;
            } else {
                access = ACCESS_READ;
            }
        }
        _ => return Err(value_error("mmap invalid access parameter.")),
    }
    let length = if fd != -1 { file_length(fd, length as i64, offset)? } else { length as usize };
    let own_fd = if fd == -1 {
        flags |= libc::MAP_ANONYMOUS;
        -1
    } else {
        // SAFETY: dup of a caller-given descriptor; failure is reported.
        let d = unsafe { libc::dup(fd) };
        if d < 0 {
            return Err(errno_error());
        }
        d
    };
    // SAFETY: a fresh mapping; MAP_FAILED is checked.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), length, prot, flags, own_fd, offset as libc::off_t) };
    if p == libc::MAP_FAILED {
        let e = errno_error();
        if own_fd >= 0 {
            // SAFETY: our own dup, unused.
            unsafe { libc::close(own_fd) };
        }
        return Err(e);
    }
    let cls = downcast_type(cls).ok_or_else(|| type_error("expected a type"))?;
    let m = MmapObj {
        head: header(),
        data: Cell::new(p as *mut u8),
        size: Cell::new(length),
        pos: Cell::new(0),
        offset,
        fd: Cell::new(own_fd),
        access,
        exports: Cell::new(0),
    };
    Ok(alloc(cls, m))
}

/// The mapped length for a regular file: the rest of the file when `length` is 0, with
/// CPython's checks against the file's size. Other descriptors are taken as they are.
fn file_length(fd: i32, length: i64, offset: i64) -> PyResult<usize> {
    // SAFETY: fstat into a zeroed struct; a failure leaves the checks to dup/mmap.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } != 0 || (st.st_mode & libc::S_IFMT) != libc::S_IFREG {
        return Ok(length as usize);
    }
    let file_size = st.st_size;
    if length == 0 {
        if file_size == 0 {
            return Err(value_error("cannot mmap an empty file"));
        }
        if offset >= file_size {
            return Err(value_error("mmap offset is greater than file size"));
        }
        return Ok((file_size - offset) as usize);
    }
    if offset > file_size || file_size - offset < length {
        return Err(value_error("mmap length is greater than file size"));
    }
    Ok(length as usize)
}

// ----- sequence protocol -----

fn mmap_len(o: &Obj) -> PyResult<usize> {
    Ok(open(o)?.size.get())
}

fn mmap_getitem(o: &Obj, key: &Obj) -> PyResult<Obj> {
    let m = open(o)?;
    let data = mem(m);
    if list::is_index(key) {
        let i = protocol::index_i64(key)?;
        let j = list::norm_index(i, data.len()).ok_or_else(|| index_error("mmap index out of range"))?;
        return Ok(Obj::from_small(data[j] as i64));
    }
    if slice::is_slice(key) {
        let (start, _stop, step, n) = slice::indices(key, data.len())?;
        let out: Vec<u8> = (0..n).map(|k| data[(start + k as isize * step) as usize]).collect();
        return Ok(bytes::new(out));
    }
    Err(type_error("mmap indices must be integers"))
}

fn mmap_setitem(o: &Obj, key: &Obj, value: Option<&Obj>) -> PyResult<()> {
    let m = open(o)?;
    writable(m)?;
    let data = mem(m);
    if list::is_index(key) {
        let i = protocol::index_i64(key)?;
        let j = list::norm_index(i, data.len()).ok_or_else(|| index_error("mmap index out of range"))?;
        let Some(value) = value else { return Err(type_error("mmap doesn't support item deletion")) };
        if !list::is_index(value) {
            return Err(type_error("mmap item value must be an int"));
        }
        let v = protocol::index_i64(value).unwrap_or(-1);
        if !(0..=255).contains(&v) {
            return Err(value_error("mmap item value must be in range(0, 256)"));
        }
        data[j] = v as u8;
        return Ok(());
    }
    if slice::is_slice(key) {
        let (start, _stop, step, n) = slice::indices(key, data.len())?;
        let Some(value) = value else { return Err(type_error("mmap doesn't support slice deletion")) };
        let src = bytes_like(value)?;
        if src.len() != n {
            return Err(index_error("mmap slice assignment is wrong size"));
        }
        // The source may be a view of this very map: `src` is a copy, so overlap is safe.
        for (k, b) in src.into_iter().enumerate() {
            data[(start + k as isize * step) as usize] = b;
        }
        return Ok(());
    }
    Err(type_error("mmap indices must be integer"))
}

fn bytes_like(o: &Obj) -> PyResult<Vec<u8>> {
    bytes::buffer_data(o).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", o.type_name())))
}

/// Iteration yields one-byte bytes objects (CPython's sequence item), over a snapshot.
fn mmap_iter(o: &Obj) -> PyResult<Obj> {
    let items: Vec<Obj> = mem(open(o)?).iter().map(|b| bytes::new(vec![*b])).collect();
    protocol::iter(&list::new(items))
}

fn mmap_repr(o: &Obj) -> PyResult<Obj> {
    let m = raw(o)?;
    let name = o.type_name();
    if m.data.get().is_null() {
        return Ok(pystr::from_string(format!("<{name} closed=True>")));
    }
    let access = ["ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"][m.access as usize];
    Ok(pystr::from_string(format!(
        "<{name} closed=False, access={access}, length={}, pos={}, offset={}>",
        m.size.get(),
        m.pos.get(),
        m.offset
    )))
}

// ----- methods -----

fn m_close(a: &[Obj]) -> PyResult<Obj> {
    let m = raw(&a[0])?;
    if m.exports.get() > 0 {
        return Err(buffer_error("cannot close exported pointers exist"));
    }
    unmap(m);
    Ok(none::none())
}

fn g_closed(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(raw(o)?.data.get().is_null()))
}

fn m_enter(a: &[Obj]) -> PyResult<Obj> {
    open(&a[0])?;
    Ok(a[0].clone())
}

fn m_exit(a: &[Obj]) -> PyResult<Obj> {
    m_close(&a[..1])
}

/// Bytes from the position: `n` of them (all for None or negative), clamped to the end.
fn m_read(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = int::bind_args("read", args, kw, &["n"], 1, 1, 0)?;
    let m = open(s)?;
    let n = match &b[0] {
        None => None,
        Some(o) if o.is(&none::none()) => None,
        Some(o) if list::is_index(o) => Some(ssize(o)?),
        Some(o) => return Err(type_error(format!("argument should be integer or None, not '{}'", o.type_name()))),
    };
    let (pos, size) = (m.pos.get(), m.size.get());
    let left = size.saturating_sub(pos);
    let n = match n {
        Some(n) if n >= 0 => (n as usize).min(left),
        _ => left,
    };
    if n == 0 {
        // The position may lie past the end after a shrinking resize.
        return Ok(bytes::new(Vec::new()));
    }
    let out = mem(m)[pos..pos + n].to_vec();
    m.pos.set(pos + n);
    Ok(bytes::new(out))
}

fn m_read_byte(a: &[Obj]) -> PyResult<Obj> {
    let m = open(&a[0])?;
    let pos = m.pos.get();
    if pos >= m.size.get() {
        return Err(value_error("read byte out of range"));
    }
    m.pos.set(pos + 1);
    Ok(Obj::from_small(mem(m)[pos] as i64))
}

fn m_readline(a: &[Obj]) -> PyResult<Obj> {
    let m = open(&a[0])?;
    let pos = m.pos.get();
    if pos >= m.size.get() {
        return Ok(bytes::new(Vec::new()));
    }
    let rest = &mem(m)[pos..];
    let n = rest.iter().position(|b| *b == b'\n').map_or(rest.len(), |i| i + 1);
    let out = rest[..n].to_vec();
    m.pos.set(pos + n);
    Ok(bytes::new(out))
}

fn m_write(a: &[Obj]) -> PyResult<Obj> {
    let src = bytes_like(&a[1])?;
    let m = open(&a[0])?;
    writable(m)?;
    let (pos, size) = (m.pos.get(), m.size.get());
    if pos > size || size - pos < src.len() {
        return Err(value_error("data out of range"));
    }
    mem(m)[pos..pos + src.len()].copy_from_slice(&src);
    m.pos.set(pos + src.len());
    Ok(int::from_usize(src.len()))
}

fn m_write_byte(a: &[Obj]) -> PyResult<Obj> {
    let v = protocol::index(&a[1])?;
    let v = match int::to_i64(&v) {
        Some(x) if x < 0 => return Err(overflow_error("unsigned byte integer is less than minimum")),
        Some(x) if x <= 255 => x as u8,
        _ => return Err(overflow_error("unsigned byte integer is greater than maximum")),
    };
    let m = open(&a[0])?;
    writable(m)?;
    let pos = m.pos.get();
    if pos >= m.size.get() {
        return Err(value_error("write byte out of range"));
    }
    mem(m)[pos] = v;
    m.pos.set(pos + 1);
    Ok(none::none())
}

fn m_seek(a: &[Obj]) -> PyResult<Obj> {
    let dist = ssize(&a[1])?;
    let how = if a.len() > 2 { c_int(&a[2])? } else { 0 };
    let m = open(&a[0])?;
    let base = match how {
        0 => 0,
        1 => m.pos.get() as isize,
        2 => m.size.get() as isize,
        _ => return Err(value_error("unknown seek type")),
    };
    let to = base.checked_add(dist).filter(|t| *t >= 0 && *t as usize <= m.size.get());
    let Some(to) = to else { return Err(value_error("seek out of range")) };
    m.pos.set(to as usize);
    Ok(none::none())
}

fn m_tell(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_usize(open(&a[0])?.pos.get()))
}

fn m_size(a: &[Obj]) -> PyResult<Obj> {
    let m = open(&a[0])?;
    // SAFETY: fstat into a zeroed struct (fd -1 fails with EBADF, as in CPython).
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(m.fd.get(), &mut st) } != 0 {
        return Err(errno_error());
    }
    Ok(int::from_i64(st.st_size))
}

/// `find`/`rfind(sub[, start[, end]])`: start defaults to the position.
fn find(a: &[Obj], reverse: bool) -> PyResult<Obj> {
    let sub = bytes_like(&a[1])?;
    let m = open(&a[0])?;
    let size = m.size.get() as isize;
    let clamp = |o: Option<&Obj>, dflt: isize| -> PyResult<isize> {
        let v = match o {
            Some(x) if !x.is(&none::none()) => ssize(x)?,
            _ => dflt,
        };
        let v = if v < 0 { v + size } else { v };
        Ok(v.clamp(0, size))
    };
    let start = clamp(a.get(2), m.pos.get() as isize)? as usize;
    let end = clamp(a.get(3), size)? as usize;
    let hay = if start <= end { &mem(m)[start..end] } else { &[][..] };
    let hit = if sub.len() > hay.len() {
        None
    } else if reverse {
        (0..=hay.len() - sub.len()).rev().find(|&i| hay[i..].starts_with(&sub))
    } else {
        (0..=hay.len() - sub.len()).find(|&i| hay[i..].starts_with(&sub))
    };
    Ok(int::from_i64(hit.map_or(-1, |i| (i + start) as i64)))
}

fn m_find(a: &[Obj]) -> PyResult<Obj> {
    find(a, false)
}

fn m_rfind(a: &[Obj]) -> PyResult<Obj> {
    find(a, true)
}

fn m_flush(a: &[Obj]) -> PyResult<Obj> {
    let m = open(&a[0])?;
    let offset = if a.len() > 1 { ssize(&a[1])? } else { 0 };
    let size = m.size.get() as isize;
    let n = if a.len() > 2 { ssize(&a[2])? } else { size };
    if n < 0 || offset < 0 || size - offset < n {
        return Err(value_error("flush values out of range"));
    }
    if m.access == ACCESS_READ || m.access == ACCESS_COPY {
        return Ok(none::none());
    }
    // SAFETY: a sub-range of the live mapping (checked above).
    if unsafe { libc::msync(m.data.get().add(offset as usize) as *mut libc::c_void, n as usize, libc::MS_SYNC) } != 0 {
        return Err(errno_error());
    }
    Ok(none::none())
}

fn m_move(a: &[Obj]) -> PyResult<Obj> {
    let (dest, src, cnt) = (ssize(&a[1])?, ssize(&a[2])?, ssize(&a[3])?);
    let m = open(&a[0])?;
    writable(m)?;
    let size = m.size.get() as isize;
    if dest < 0 || src < 0 || cnt < 0 || size - dest < cnt || size - src < cnt {
        return Err(value_error("source, destination, or count out of range"));
    }
    let (dest, src, cnt) = (dest as usize, src as usize, cnt as usize);
    mem(m).copy_within(src..src + cnt, dest);
    Ok(none::none())
}

fn m_resize(a: &[Obj]) -> PyResult<Obj> {
    let new_size = ssize(&a[1])?;
    let m = open(&a[0])?;
    if m.access == ACCESS_READ || m.access == ACCESS_COPY {
        return Err(type_error("mmap can't resize a readonly or copy-on-write memory map."));
    }
    if m.exports.get() > 0 {
        return Err(buffer_error("mmap can't resize with extant buffers exported."));
    }
    if new_size < 0 || new_size as i64 > isize::MAX as i64 - m.offset {
        return Err(value_error("new size out of range"));
    }
    let fd = m.fd.get();
    // SAFETY: ftruncate of our own descriptor.
    if fd >= 0 && unsafe { libc::ftruncate(fd, m.offset + new_size as i64) } != 0 {
        return Err(errno_error());
    }
    // SAFETY: remaps the live mapping; no view exists (checked above), so moving it is safe.
    let p = unsafe { libc::mremap(m.data.get() as *mut libc::c_void, m.size.get(), new_size as usize, libc::MREMAP_MAYMOVE) };
    if p == libc::MAP_FAILED {
        return Err(errno_error());
    }
    m.data.set(p as *mut u8);
    m.size.set(new_size as usize);
    Ok(none::none())
}

fn m_madvise(a: &[Obj]) -> PyResult<Obj> {
    let option = c_int(&a[1])?;
    let m = open(&a[0])?;
    let size = m.size.get() as isize;
    let start = if a.len() > 2 { ssize(&a[2])? } else { 0 };
    let mut length = if a.len() > 3 { ssize(&a[3])? } else { size };
    if start < 0 || start >= size {
        return Err(value_error("madvise start out of bounds"));
    }
    if length < 0 {
        return Err(value_error("madvise length invalid"));
    }
    length = length.min(size - start);
    // SAFETY: a sub-range of the live mapping (clamped above).
    if unsafe { libc::madvise(m.data.get().add(start as usize) as *mut libc::c_void, length as usize, option) } != 0 {
        return Err(errno_error());
    }
    Ok(none::none())
}

fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("mmap.mmap", std::mem::size_of::<MmapObj>(), drop_mmap);
    let sl = &mut s.slots;
    sl.new = Some(mmap_new);
    sl.len = Some(mmap_len);
    sl.getitem = Some(mmap_getitem);
    sl.setitem = Some(mmap_setitem);
    sl.iter = Some(mmap_iter);
    sl.repr = Some(mmap_repr);
    use MethodDef::{Getter as G, Method as M, MethodKw as K};
    s.methods = vec![
        M { name: "close", func: m_close, min: 1, max: 1 },
        G { name: "closed", get: g_closed },
        M { name: "__enter__", func: m_enter, min: 1, max: 1 },
        M { name: "__exit__", func: m_exit, min: 1, max: usize::MAX },
        K { name: "read", func: m_read },
        M { name: "read_byte", func: m_read_byte, min: 1, max: 1 },
        M { name: "readline", func: m_readline, min: 1, max: 1 },
        M { name: "write", func: m_write, min: 2, max: 2 },
        M { name: "write_byte", func: m_write_byte, min: 2, max: 2 },
        M { name: "seek", func: m_seek, min: 2, max: 3 },
        M { name: "tell", func: m_tell, min: 1, max: 1 },
        M { name: "size", func: m_size, min: 1, max: 1 },
        M { name: "find", func: m_find, min: 2, max: 4 },
        M { name: "rfind", func: m_rfind, min: 2, max: 4 },
        M { name: "flush", func: m_flush, min: 1, max: 3 },
        M { name: "move", func: m_move, min: 4, max: 4 },
        M { name: "resize", func: m_resize, min: 2, max: 2 },
        M { name: "madvise", func: m_madvise, min: 2, max: 4 },
    ];
    s
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("mmap");
    let d = module::dict(&m);
    dict::set_item_str(&d, "mmap", mmap_type().as_obj());
    dict::set_item_str(&d, "error", exc().os_error.as_obj());
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64;
    let consts: &[(&str, i64)] = &[
        ("PAGESIZE", page),
        ("ALLOCATIONGRANULARITY", page),
        ("ACCESS_DEFAULT", ACCESS_DEFAULT),
        ("ACCESS_READ", ACCESS_READ),
        ("ACCESS_WRITE", ACCESS_WRITE),
        ("ACCESS_COPY", ACCESS_COPY),
        ("MAP_SHARED", libc::MAP_SHARED as i64),
        ("MAP_PRIVATE", libc::MAP_PRIVATE as i64),
        ("MAP_ANON", libc::MAP_ANONYMOUS as i64),
        ("MAP_ANONYMOUS", libc::MAP_ANONYMOUS as i64),
        ("MAP_DENYWRITE", libc::MAP_DENYWRITE as i64),
        ("MAP_EXECUTABLE", libc::MAP_EXECUTABLE as i64),
        ("MAP_POPULATE", libc::MAP_POPULATE as i64),
        ("MAP_STACK", libc::MAP_STACK as i64),
        ("PROT_READ", libc::PROT_READ as i64),
        ("PROT_WRITE", libc::PROT_WRITE as i64),
        ("PROT_EXEC", libc::PROT_EXEC as i64),
        ("MADV_NORMAL", libc::MADV_NORMAL as i64),
        ("MADV_RANDOM", libc::MADV_RANDOM as i64),
        ("MADV_SEQUENTIAL", libc::MADV_SEQUENTIAL as i64),
        ("MADV_WILLNEED", libc::MADV_WILLNEED as i64),
        ("MADV_DONTNEED", libc::MADV_DONTNEED as i64),
        ("MADV_REMOVE", libc::MADV_REMOVE as i64),
        ("MADV_DONTFORK", libc::MADV_DONTFORK as i64),
        ("MADV_DOFORK", libc::MADV_DOFORK as i64),
        ("MADV_HWPOISON", libc::MADV_HWPOISON as i64),
        ("MADV_MERGEABLE", libc::MADV_MERGEABLE as i64),
        ("MADV_UNMERGEABLE", libc::MADV_UNMERGEABLE as i64),
        ("MADV_HUGEPAGE", libc::MADV_HUGEPAGE as i64),
        ("MADV_NOHUGEPAGE", libc::MADV_NOHUGEPAGE as i64),
        ("MADV_DONTDUMP", libc::MADV_DONTDUMP as i64),
        ("MADV_DODUMP", libc::MADV_DODUMP as i64),
        ("MADV_FREE", libc::MADV_FREE as i64),
    ];
    for (name, v) in consts {
        dict::set_item_str(&d, name, int::from_i64(*v));
    }
    Ok(m)
}
