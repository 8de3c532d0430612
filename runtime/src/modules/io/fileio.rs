//! `_io.FileIO`: unbuffered bytes I/O on a file descriptor (opening by path with
//! CPython's mode rules, `opener`, the directory check, appending mode's initial seek),
//! plus the raw helpers the buffered layer uses when its raw stream is a FileIO.

use crate::errors::{type_error, value_error};
use crate::modules::posix;
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::int::bind_args;
use crate::types::typeobj::{drop_as, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, bytes, dict, float, int, none, str as pystr, TypeSpec};

use super::{closed_file, io_types, size_arg, unsupported};

#[repr(C)]
pub struct FileIOObj {
    pub head: ObjHeader,
    pub fd: i32,
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    /// -1 unknown, 0 no, 1 yes.
    pub seekable: i8,
    pub closefd: bool,
    pub blksize: i64,
}

impl Drop for FileIOObj {
    fn drop(&mut self) {
        if self.fd >= 0 && self.closefd {
            // SAFETY: we own the descriptor; nothing uses it after the object dies.
            unsafe { libc::close(self.fd) };
        }
    }
}

/// The payload of a FileIO (or subclass) instance.
pub fn as_fileio(o: &Obj) -> Option<&mut FileIOObj> {
    if !o.is_small_int() && o.isinstance(io_types().fileio) {
        Some(unsafe { o.payload_mut::<FileIOObj>() })
    } else {
        None
    }
}

fn this(o: &Obj) -> PyResult<&mut FileIOObj> {
    as_fileio(o).ok_or_else(|| type_error("descriptor requires a '_io.FileIO' object"))
}

/// The open descriptor, or "I/O operation on closed file" (FileIO's wording has no
/// final period).
fn open_fd(o: &Obj) -> PyResult<&mut FileIOObj> {
    let f = this(o)?;
    if f.fd < 0 {
        return Err(value_error("I/O operation on closed file"));
    }
    Ok(f)
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `read(2)` retrying on EINTR; `Ok(None)` when it would block.
pub fn read_fd(fd: i32, n: usize) -> PyResult<Option<Vec<u8>>> {
    read_fd_with(fd, n, false)
}

/// `read_fd`; with `release`, the read runs without the GIL (raw FileIO reads may block
/// on pipes and terminals). Buffered objects do not release it: they keep their payload
/// borrowed across the read, which another thread must not touch meanwhile.
fn read_fd_with(fd: i32, n: usize, release: bool) -> PyResult<Option<Vec<u8>>> {
    let mut buf = vec![0u8; n];
    loop {
        let mut read = || {
            // SAFETY: the buffer holds n writable bytes.
            let k = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, n) };
            (k, errno())
        };
        let (k, e) = if release { crate::gil::allow_threads(read) } else { read() };
        if k >= 0 {
            buf.truncate(k as usize);
            return Ok(Some(buf));
        }
        match e {
            libc::EINTR => crate::modules::signal::check_signals()?,
            libc::EAGAIN => return Ok(None),
            e => return Err(posix::os_error_code(e, None, None)),
        }
    }
}

/// `write(2)` retrying on EINTR; `Ok(None)` when it would block.
pub fn write_fd(fd: i32, data: &[u8]) -> PyResult<Option<usize>> {
    loop {
        // SAFETY: data is a valid slice.
        let k = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if k >= 0 {
            return Ok(Some(k as usize));
        }
        match errno() {
            libc::EINTR => continue,
            libc::EAGAIN => return Ok(None),
            e => return Err(posix::os_error_code(e, None, None)),
        }
    }
}

/// Writes all of `data` (used when flushing at deallocation: errors are dropped).
pub fn write_all_fd(fd: i32, mut data: &[u8]) {
    while !data.is_empty() {
        match write_fd(fd, data) {
            Ok(Some(k)) if k > 0 => data = &data[k..],
            _ => return,
        }
    }
}

pub fn lseek_fd(fd: i32, pos: i64, whence: i32) -> PyResult<i64> {
    // SAFETY: lseek on any descriptor value is safe; errors come back as -1.
    let r = unsafe { libc::lseek(fd, pos, whence) };
    if r < 0 {
        return Err(posix::last_error(None));
    }
    Ok(r)
}

/// Is `raw` a terminal? (FileIO directly, anything else through `isatty()`.)
pub fn isatty_raw(raw: &Obj) -> bool {
    match as_fileio(raw) {
        Some(f) => f.fd >= 0 && unsafe { libc::isatty(f.fd) } == 1,
        None => protocol::call_method(raw, "isatty", &[]).and_then(|v| protocol::is_true(&v)).unwrap_or(false),
    }
}

/// The file system's block size for `raw`, if it is a FileIO that knows it.
pub fn blksize(raw: &Obj) -> Option<i64> {
    as_fileio(raw).map(|f| f.blksize).filter(|b| *b > 1)
}

fn fio_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let f = FileIOObj { head: header(), fd: -1, readable: false, writable: false, appending: false, created: false, seekable: -1, closefd: true, blksize: 0 };
    Ok(alloc(super::type_of(cls)?, f))
}

struct RawMode {
    readable: bool,
    writable: bool,
    appending: bool,
    created: bool,
    flags: libc::c_int,
}

fn parse_raw_mode(mode: &str) -> PyResult<RawMode> {
    let bad = || value_error(format!("invalid mode: {mode}"));
    let one = || value_error("Must have exactly one of create/read/write/append mode and at most one plus");
    let mut m = RawMode { readable: false, writable: false, appending: false, created: false, flags: 0 };
    let (mut rwa, mut plus) = (false, false);
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(one());
                }
                rwa = true;
                match c {
                    'x' => {
                        m.created = true;
                        m.writable = true;
                        m.flags |= libc::O_EXCL | libc::O_CREAT;
                    }
                    'r' => m.readable = true,
                    'w' => {
                        m.writable = true;
                        m.flags |= libc::O_CREAT | libc::O_TRUNC;
                    }
                    _ => {
                        m.writable = true;
                        m.appending = true;
                        m.flags |= libc::O_APPEND | libc::O_CREAT;
                    }
                }
            }
            '+' => {
                if plus {
                    return Err(bad());
                }
                m.readable = true;
                m.writable = true;
                plus = true;
            }
            'b' => {}
            _ => return Err(bad()),
        }
    }
    if !rwa {
        return Err(one());
    }
    m.flags |= if m.readable && m.writable {
        libc::O_RDWR
    } else if m.readable {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    m.flags |= libc::O_CLOEXEC;
    Ok(m)
}

fn fio_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("FileIO", a, kw, &["file", "mode", "closefd", "opener"], 0, 4, 1)?;
    let file = b[0].clone().unwrap();
    let mode_obj = b[1].clone().unwrap_or_else(|| pystr::new("r"));
    let mode = pystr::as_str(&mode_obj).ok_or_else(|| type_error(format!("FileIO() argument 'mode' must be str, not {}", mode_obj.type_name())))?.to_string();
    let closefd = b[2].as_ref().map_or(Ok(true), protocol::is_true)?;
    let opener = b[3].clone().filter(|x| !none::is_none(x));
    if float::is_float(&file) {
        return Err(type_error("integer argument expected, got float"));
    }
    {
        let f = this(o)?;
        if f.fd >= 0 {
            if f.closefd {
                unsafe { libc::close(f.fd) };
            }
            f.fd = -1;
        }
    }
    let m = parse_raw_mode(&mode)?;
    let fd = if int::is_int(&file) {
        let fd = int::to_i64(&file).unwrap_or(-1);
        if fd < 0 {
            return Err(value_error("negative file descriptor"));
        }
        fd as i32
    } else {
        if !closefd {
            return Err(value_error("Cannot use closefd=False with file name"));
        }
        let p = posix::fspath(&file)?;
        let raw = match pystr::as_str(&p) {
            Some(_) => posix::fs_encode(&p)?,
            None => bytes::as_bytes(&p).unwrap_or(&[]).to_vec(),
        };
        let c = std::ffi::CString::new(raw).map_err(|_| value_error("embedded null byte"))?;
        match &opener {
            Some(op) => {
                let r = protocol::call(op, &[file.clone(), int::from_i64(m.flags as i64)])?;
                let fd = int::to_i64(&r).ok_or_else(|| type_error("expected integer from opener"))?;
                if fd < 0 {
                    return Err(value_error(format!("opener returned {fd}")));
                }
                fd as i32
            }
            None => loop {
                // SAFETY: c is a valid NUL-terminated path.
                let fd = unsafe { libc::open(c.as_ptr(), m.flags, 0o666 as libc::c_uint) };
                if fd >= 0 {
                    break fd;
                }
                if errno() != libc::EINTR {
                    return Err(posix::last_error(Some(&file)));
                }
            },
        }
    };
    {
        let f = this(o)?;
        f.fd = fd;
        f.readable = m.readable;
        f.writable = m.writable;
        f.appending = m.appending;
        f.created = m.created;
        f.closefd = closefd;
        f.seekable = -1;
    }
    // SAFETY: an all-zero stat is valid; fstat only writes into it.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } == 0 {
        if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
            let f = this(o)?;
            if f.closefd {
                unsafe { libc::close(fd) };
            }
            f.fd = -1;
            return Err(posix::os_error_code(libc::EISDIR, Some(&file), None));
        }
        this(o)?.blksize = st.st_blksize as i64;
    } else if errno() == libc::EBADF {
        this(o)?.fd = -1;
        return Err(posix::last_error(None));
    }
    protocol::setattr(o, &pystr::intern("name"), &file)?;
    if m.appending {
        unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
    }
    Ok(none::none())
}

fn fio_read(a: &[Obj]) -> PyResult<Obj> {
    let f = open_fd(&a[0])?;
    if !f.readable {
        return Err(unsupported("File not open for reading"));
    }
    let n = size_arg(a.get(1))?;
    if n < 0 {
        return fio_readall(&a[..1]);
    }
    let fd = f.fd;
    Ok(read_fd_with(fd, n as usize, true)?.map_or_else(none::none, bytes::new))
}

/// Reads to EOF (None if nothing could be read without blocking).
pub fn readall_fd(fd: i32) -> PyResult<Option<Vec<u8>>> {
    readall_fd_with(fd, false)
}

fn readall_fd_with(fd: i32, release: bool) -> PyResult<Option<Vec<u8>>> {
    let mut out = Vec::new();
    loop {
        match read_fd_with(fd, if out.len() < 65536 { 65536 } else { out.len() }, release)? {
            None if out.is_empty() => return Ok(None),
            None => return Ok(Some(out)),
            Some(c) if c.is_empty() => return Ok(Some(out)),
            Some(c) => out.extend_from_slice(&c),
        }
    }
}

fn fio_readall(a: &[Obj]) -> PyResult<Obj> {
    let fd = open_fd(&a[0])?.fd;
    Ok(readall_fd_with(fd, true)?.map_or_else(none::none, bytes::new))
}

fn fio_readinto(a: &[Obj]) -> PyResult<Obj> {
    let f = open_fd(&a[0])?;
    if !f.readable {
        return Err(unsupported("File not open for reading"));
    }
    let fd = f.fd;
    let n = super::buffer_len(&a[1])?;
    match read_fd_with(fd, n, true)? {
        None => Ok(none::none()),
        Some(d) => Ok(int::from_usize(super::fill_buffer(&a[1], &d)?)),
    }
}

fn fio_write(a: &[Obj]) -> PyResult<Obj> {
    let f = open_fd(&a[0])?;
    if !f.writable {
        return Err(unsupported("File not open for writing"));
    }
    let fd = f.fd;
    let data = super::bytes_like(&a[1])?;
    Ok(write_fd(fd, &data)?.map_or_else(none::none, int::from_usize))
}

/// A `whence` argument with CPython's check.
pub fn whence_arg(o: Option<&Obj>) -> PyResult<i32> {
    match o {
        None => Ok(0),
        Some(v) => {
            if float::is_float(v) {
                return Err(type_error("'float' object cannot be interpreted as an integer"));
            }
            Ok(protocol::index_i64(v)? as i32)
        }
    }
}

/// A seek position argument (ints and objects with `__index__`).
pub fn pos_arg(o: &Obj) -> PyResult<i64> {
    if float::is_float(o) {
        return Err(type_error("an integer is required"));
    }
    protocol::index_i64(o)
}

fn fio_seek(a: &[Obj]) -> PyResult<Obj> {
    let fd = open_fd(&a[0])?.fd;
    let pos = pos_arg(&a[1])?;
    let whence = whence_arg(a.get(2))?;
    Ok(int::from_i64(lseek_fd(fd, pos, whence)?))
}

fn fio_tell(a: &[Obj]) -> PyResult<Obj> {
    let fd = open_fd(&a[0])?.fd;
    Ok(int::from_i64(lseek_fd(fd, 0, libc::SEEK_CUR)?))
}

fn fio_truncate(a: &[Obj]) -> PyResult<Obj> {
    let f = open_fd(&a[0])?;
    if !f.writable {
        return Err(unsupported("File not open for writing"));
    }
    let fd = f.fd;
    let size = match a.get(1) {
        Some(v) if !none::is_none(v) => pos_arg(v)?,
        _ => lseek_fd(fd, 0, libc::SEEK_CUR)?,
    };
    if unsafe { libc::ftruncate(fd, size) } != 0 {
        return Err(posix::last_error(None));
    }
    Ok(int::from_i64(size))
}

fn fio_close(a: &[Obj]) -> PyResult<Obj> {
    let f = this(&a[0])?;
    let (fd, closefd) = (f.fd, f.closefd);
    f.fd = -1;
    if fd >= 0 && closefd && unsafe { libc::close(fd) } != 0 {
        return Err(posix::last_error(None));
    }
    Ok(none::none())
}

fn fio_seekable(a: &[Obj]) -> PyResult<Obj> {
    let f = open_fd(&a[0])?;
    if f.seekable < 0 {
        f.seekable = (unsafe { libc::lseek(f.fd, 0, libc::SEEK_CUR) } >= 0) as i8;
    }
    Ok(pybool::from_bool(f.seekable == 1))
}
fn fio_readable(a: &[Obj]) -> PyResult<Obj> {
    Ok(pybool::from_bool(open_fd(&a[0])?.readable))
}
fn fio_writable(a: &[Obj]) -> PyResult<Obj> {
    Ok(pybool::from_bool(open_fd(&a[0])?.writable))
}
fn fio_fileno(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_i64(open_fd(&a[0])?.fd as i64))
}
fn fio_isatty(a: &[Obj]) -> PyResult<Obj> {
    let fd = open_fd(&a[0])?.fd;
    Ok(pybool::from_bool(unsafe { libc::isatty(fd) } == 1))
}
fn fio_closed(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(this(o)?.fd < 0))
}
fn fio_closefd(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(this(o)?.closefd))
}

/// FileIO's `mode`: how CPython spells the open mode back.
pub fn mode_string(f: &FileIOObj) -> &'static str {
    match (f.created, f.appending, f.readable, f.writable) {
        (true, _, true, _) => "xb+",
        (true, _, false, _) => "xb",
        (_, true, true, _) => "ab+",
        (_, true, false, _) => "ab",
        (_, _, true, true) => "rb+",
        (_, _, true, false) => "rb",
        _ => "wb",
    }
}

fn fio_mode(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(mode_string(this(o)?)))
}

fn fio_repr(o: &Obj) -> PyResult<Obj> {
    let f = this(o)?;
    let tn = o.ty().full_name();
    if f.fd < 0 {
        return Ok(pystr::from_string(format!("<{tn} [closed]>")));
    }
    let (mode, closefd, fd) = (mode_string(f), if f.closefd { "True" } else { "False" }, f.fd);
    let name = crate::object::dict_slot(o).and_then(|d| d.as_ref().and_then(|d| dict::get_item_str(d, &pystr::intern("name"))));
    Ok(pystr::from_string(match name {
        Some(n) => format!("<{tn} name={} mode='{mode}' closefd={closefd}>", protocol::repr_string(&n)?),
        None => format!("<{tn} fd={fd} mode='{mode}' closefd={closefd}>"),
    }))
}

fn fio_getstate(a: &[Obj]) -> PyResult<Obj> {
    Err(type_error(format!("cannot pickle '{}' object", a[0].type_name())))
}

pub fn make_type(base: &'static TypeObject) -> &'static TypeObject {
    let mut s = TypeSpec::new("FileIO", std::mem::size_of::<FileIOObj>(), drop_as::<FileIOObj>);
    s.slots.new = Some(fio_new);
    s.slots.init = Some(fio_init);
    s.slots.repr = Some(fio_repr);
    s.methods = vec![
        MethodDef::Method { name: "write", func: fio_write, min: 2, max: 2 },
        MethodDef::Method { name: "close", func: fio_close, min: 1, max: 1 },
        MethodDef::Method { name: "seekable", func: fio_seekable, min: 1, max: 1 },
        MethodDef::Method { name: "readable", func: fio_readable, min: 1, max: 1 },
        MethodDef::Method { name: "writable", func: fio_writable, min: 1, max: 1 },
        MethodDef::Method { name: "fileno", func: fio_fileno, min: 1, max: 1 },
        MethodDef::Method { name: "isatty", func: fio_isatty, min: 1, max: 1 },
        MethodDef::Method { name: "__getstate__", func: fio_getstate, min: 1, max: 1 },
        MethodDef::Getter { name: "closed", get: fio_closed },
        MethodDef::Getter { name: "closefd", get: fio_closefd },
        MethodDef::Getter { name: "mode", get: fio_mode },
    ];
    let _ = closed_file;
    super::io_type(s, base)
}

/// FileIO's reading and positioning (the `_io` gate, io/mod.rs).
pub(super) fn complete(s: &mut TypeSpec) {
    s.methods.extend([
        MethodDef::Method { name: "read", func: fio_read, min: 1, max: 2 },
        MethodDef::Method { name: "readall", func: fio_readall, min: 1, max: 1 },
        MethodDef::Method { name: "readinto", func: fio_readinto, min: 2, max: 2 },
        MethodDef::Method { name: "seek", func: fio_seek, min: 2, max: 3 },
        MethodDef::Method { name: "tell", func: fio_tell, min: 1, max: 1 },
        MethodDef::Method { name: "truncate", func: fio_truncate, min: 1, max: 2 },
    ]);
}
