//! The `posix` module (what CPython's `os.py` re-exports): files and directories,
//! `stat`, `scandir`/`DirEntry`, processes (`fork`, `exec*`, `waitpid`), file
//! descriptors, the environment (`environ` with bytes keys and values, as CPython's),
//! and the struct sequences `stat_result`, `terminal_size`, `uname_result`,
//! `times_result`. Failing system calls raise `OSError` built from errno, so the errno →
//! subclass mapping (`FileNotFoundError`...) and the message come from `OSError` itself.

use std::cell::RefCell;
use std::ffi::{CStr, CString};

use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::int::bind_args;
use crate::types::typeobj::{drop_as, CallFn, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, bytes, dict, float, int, list, module, none, str as pystr, tuple, types, TypeSpec};

use super::structseq;

// ----- errors -----

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `strerror(code)` as the C library words it.
pub fn strerror_text(code: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated static or thread-local string.
    unsafe { CStr::from_ptr(libc::strerror(code)) }.to_string_lossy().into_owned()
}

/// `OSError(code, strerror[, filename[, None, filename2]])`: `OSError.__new__` picks the
/// subclass for the code.
pub fn os_error_code(code: i32, filename: Option<&Obj>, filename2: Option<&Obj>) -> PyErr {
    let mut args = vec![int::from_i64(code as i64), pystr::from_string(strerror_text(code))];
    if let Some(f) = filename {
        args.push(f.clone());
        if let Some(f2) = filename2 {
            args.push(none::none());
            args.push(f2.clone());
        }
    }
    let t = crate::types::exceptions::exc().os_error.as_obj();
    match protocol::call(&t, &args) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

/// The OSError for the current errno.
pub fn last_error(filename: Option<&Obj>) -> PyErr {
    os_error_code(errno(), filename, None)
}

/// Runs a system call returning -1 on error (retrying on EINTR, as PEP 475 asks).
fn check<T: PartialEq + From<i8> + Copy>(filename: Option<&Obj>, mut f: impl FnMut() -> T) -> PyResult<T> {
    loop {
        let r = f();
        if r != T::from(-1) {
            return Ok(r);
        }
        if errno() != libc::EINTR {
            return Err(last_error(filename));
        }
    }
}

/// `check` for a call that may block (pipe and terminal reads and writes, waiting for a
/// child): runs it without the GIL, keeping its errno, and runs signal handlers before
/// retrying on EINTR (a handler that raises ends the call, as in CPython).
fn check_blocking<T: PartialEq + From<i8> + Copy>(mut f: impl FnMut() -> T) -> PyResult<T> {
    loop {
        let (r, e) = crate::gil::allow_threads(|| {
            let r = f();
            (r, errno())
        });
        if r != T::from(-1) {
            return Ok(r);
        }
        if e != libc::EINTR {
            return Err(os_error_code(e, None, None));
        }
        super::signal::check_signals()?;
    }
}

// ----- paths -----

/// A path argument: its C string, the original object (for error messages) and whether
/// it was bytes (results then are bytes too); or a file descriptor.
pub enum PathArg {
    Path { c: CString, obj: Obj, is_bytes: bool },
    Fd(i32),
}

impl PathArg {
    fn obj(&self) -> Option<&Obj> {
        match self {
            PathArg::Path { obj, .. } => Some(obj),
            PathArg::Fd(_) => None,
        }
    }
}

/// `os.fspath(o)`: str and bytes as they are, else `type(o).__fspath__(o)`.
pub fn fspath(o: &Obj) -> PyResult<Obj> {
    if pystr::is_str(o) || bytes::as_bytes(o).is_some() {
        return Ok(o.clone());
    }
    match protocol::call_special(o, "__fspath__", &[])? {
        Some(r) if pystr::is_str(&r) || bytes::as_bytes(&r).is_some() => Ok(r),
        Some(r) => Err(type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            o.type_name(),
            r.type_name()
        ))),
        None => Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", o.type_name()))),
    }
}

fn path_kinds(allow_fd: bool, allow_none: bool) -> &'static str {
    match (allow_fd, allow_none) {
        (true, true) => "string, bytes, os.PathLike, integer or None",
        (true, false) => "string, bytes, os.PathLike or integer",
        (false, true) => "string, bytes, os.PathLike or None",
        (false, false) => "string, bytes or os.PathLike",
    }
}

/// Converts a path argument of function `fname` (parameter `arg`) like CPython's
/// `path_converter`.
pub fn path_arg(fname: &str, arg: &str, o: &Obj, allow_fd: bool) -> PyResult<PathArg> {
    if allow_fd && int::is_int(o) && !pybool::is_bool(o) {
        let fd = int::to_i64(o).filter(|v| *v >= i32::MIN as i64 && *v <= i32::MAX as i64);
        return fd.map(|v| PathArg::Fd(v as i32)).ok_or_else(|| crate::errors::overflow_error("fd is greater than maximum"));
    }
    let p = if pystr::is_str(o) || bytes::as_bytes(o).is_some() {
        o.clone()
    } else {
        match protocol::call_special(o, "__fspath__", &[])? {
            Some(r) if pystr::is_str(&r) || bytes::as_bytes(&r).is_some() => r,
            Some(r) => {
                return Err(type_error(format!(
                    "expected {}.__fspath__() to return str or bytes, not {}",
                    o.type_name(),
                    r.type_name()
                )))
            }
            None => {
                return Err(type_error(format!(
                    "{fname}: {arg} should be {}, not {}",
                    path_kinds(allow_fd, false),
                    o.type_name()
                )))
            }
        }
    };
    let (raw, is_bytes) = match pystr::as_str(&p) {
        Some(_) => (fs_encode(&p)?, false),
        None => (bytes::as_bytes(&p).unwrap_or(&[]).to_vec(), true),
    };
    let c = CString::new(raw).map_err(|_| value_error("embedded null byte"))?;
    Ok(PathArg::Path { c, obj: o.clone(), is_bytes })
}

fn path_c<'a>(p: &'a PathArg, fname: &str) -> PyResult<&'a CStr> {
    match p {
        PathArg::Path { c, .. } => Ok(c.as_c_str()),
        PathArg::Fd(_) => Err(value_error(format!("{fname}: can't specify a file descriptor here"))),
    }
}

/// A file name result in the caller's flavour (str or bytes).
fn name_obj(raw: &[u8], as_bytes: bool) -> Obj {
    if as_bytes {
        bytes::new(raw.to_vec())
    } else {
        pystr::from_string(fs_decode(raw))
    }
}

/// OS bytes (file names, arguments, environment) as str text: the file system encoding,
/// UTF-8 with `surrogateescape` as CPython uses on Linux, so undecodable bytes become
/// lone surrogates and `fs_encode` gives them back.
/// Creates no object: `pyrt_main` decodes `argv` with it before the runtime starts.
pub fn fs_decode(raw: &[u8]) -> String {
    let mut out = String::with_capacity(raw.len());
    for chunk in raw.utf8_chunks() {
        out.push_str(chunk.valid());
        out.extend(chunk.invalid().iter().filter_map(|&b| pystr::char_of(0xDC00 + b as u32)));
    }
    out
}

/// A str as OS bytes (`os.fsencode`): UTF-8 with `surrogateescape`; other lone
/// surrogates raise UnicodeEncodeError.
pub fn fs_encode(s: &Obj) -> PyResult<Vec<u8>> {
    match pystr::as_str(s) {
        Some(t) if !pystr::has_standin(t) => Ok(t.as_bytes().to_vec()),
        _ => crate::modules::codecs::encode_text(s, "utf-8", "surrogateescape"),
    }
}

fn bool_arg(o: &Option<Obj>, default: bool) -> PyResult<bool> {
    o.as_ref().map_or(Ok(default), protocol::is_true)
}

fn int_arg(o: &Option<Obj>, default: i64) -> PyResult<i64> {
    match o {
        Some(v) if !none::is_none(v) => {
            if float::is_float(v) {
                return Err(type_error("'float' object cannot be interpreted as an integer"));
            }
            protocol::index_i64(v)
        }
        _ => Ok(default),
    }
}

fn fd_arg(o: &Obj) -> PyResult<i32> {
    if float::is_float(o) {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    let v = protocol::index_i64(o)?;
    i32::try_from(v).map_err(|_| crate::errors::overflow_error(if v > 0 { "fd is greater than maximum" } else { "fd is less than minimum" }))
}

fn none_obj() -> PyResult<Obj> {
    Ok(none::none())
}

// ----- struct sequences -----

struct Types {
    stat_result: &'static TypeObject,
    terminal_size: &'static TypeObject,
    uname_result: &'static TypeObject,
    times_result: &'static TypeObject,
    statvfs_result: &'static TypeObject,
    dir_entry: &'static TypeObject,
    scandir_iter: &'static TypeObject,
}

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static TYPES: crate::gil::GilCell<RefCell<Option<&'static Types>>> = crate::gil::GilCell::new(RefCell::new(None));

fn tys() -> &'static Types {
    if let Some(t) = TYPES.with(|t| *t.borrow()) {
        return t;
    }
    let t: &'static Types = Box::leak(Box::new(Types {
        stat_result: structseq::new_type("os", "stat_result", &[
            "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
            "\0atime", "\0mtime", "\0ctime",
            "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
            "st_blksize", "st_blocks", "st_rdev",
        ], 10),
        terminal_size: structseq::new_type("os", "terminal_size", &["columns", "lines"], 2),
        uname_result: structseq::new_type("posix", "uname_result", &["sysname", "nodename", "release", "version", "machine"], 5),
        times_result: structseq::new_type("posix", "times_result", &["user", "system", "children_user", "children_system", "elapsed"], 5),
        statvfs_result: structseq::new_type("os", "statvfs_result", &[
            "f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail",
            "f_flag", "f_namemax", "f_fsid",
        ], 10),
        dir_entry: super::make_type(dir_entry_spec()),
        scandir_iter: super::make_type(scandir_iter_spec()),
    }));
    *t.dir_entry.module.borrow_mut() = "posix".to_string();
    *t.scandir_iter.module.borrow_mut() = "posix".to_string();
    TYPES.with(|c| *c.borrow_mut() = Some(t));
    t
}

fn stat_value(st: &libc::stat) -> Obj {
    let i = |v: i64| int::from_i64(v);
    let ns = |s: i64, n: i64| int::from_bigint(num_bigint::BigInt::from(s) * 1_000_000_000 + n);
    let f = |s: i64, n: i64| float::new(s as f64 + n as f64 * 1e-9);
    let (a, an) = (st.st_atime, st.st_atime_nsec);
    let (m, mn) = (st.st_mtime, st.st_mtime_nsec);
    let (c, cn) = (st.st_ctime, st.st_ctime_nsec);
    structseq::new_value(tys().stat_result, vec![
        i(st.st_mode as i64), int::from_u64(st.st_ino), int::from_u64(st.st_dev), i(st.st_nlink as i64),
        i(st.st_uid as i64), i(st.st_gid as i64), i(st.st_size),
        i(a), i(m), i(c),
        f(a, an), f(m, mn), f(c, cn), ns(a, an), ns(m, mn), ns(c, cn),
        i(st.st_blksize), i(st.st_blocks), int::from_u64(st.st_rdev),
    ])
}

/// `stat`/`lstat`/`fstat` of a path argument.
fn do_stat(p: &PathArg, follow: bool) -> PyResult<libc::stat> {
    // SAFETY: an all-zero `stat` is a valid value; the calls only write into it.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    match p {
        PathArg::Fd(fd) => check(None, || unsafe { libc::fstat(*fd, &mut st) })?,
        PathArg::Path { c, obj, .. } => check(Some(obj), || unsafe {
            if follow { libc::stat(c.as_ptr(), &mut st) } else { libc::lstat(c.as_ptr(), &mut st) }
        })?,
    };
    Ok(st)
}

fn p_stat(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("stat", a, kw, &["path", "dir_fd", "follow_symlinks"], 0, 1, 1)?;
    let p = path_arg("stat", "path", b[0].as_ref().unwrap(), true)?;
    Ok(stat_value(&do_stat(&p, bool_arg(&b[2], true)?)?))
}

fn p_lstat(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("lstat", a, kw, &["path", "dir_fd"], 0, 1, 1)?;
    let p = path_arg("lstat", "path", b[0].as_ref().unwrap(), false)?;
    Ok(stat_value(&do_stat(&p, false)?))
}

/// `statvfs(path)` (or an fd): multiprocessing's heap checks the free space of /dev/shm.
fn p_statvfs(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("statvfs", a, kw, &["path"], 0, 1, 1)?;
    // SAFETY: an all-zero `statvfs` is a valid value; the calls only write into it.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    match path_arg("statvfs", "path", b[0].as_ref().unwrap(), true)? {
        PathArg::Fd(fd) => check(None, || unsafe { libc::fstatvfs(fd, &mut st) })?,
        PathArg::Path { c, obj, .. } => check(Some(&obj), || unsafe { libc::statvfs(c.as_ptr(), &mut st) })?,
    };
    let u = |v: u64| int::from_u64(v);
    Ok(structseq::new_value(tys().statvfs_result, vec![
        u(st.f_bsize), u(st.f_frsize), u(st.f_blocks), u(st.f_bfree), u(st.f_bavail), u(st.f_files),
        u(st.f_ffree), u(st.f_favail), u(st.f_flag), u(st.f_namemax), u(st.f_fsid),
    ]))
}

fn p_fstat(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("fstat", a, kw, &["fd"], 0, 1, 1)?;
    Ok(stat_value(&do_stat(&PathArg::Fd(fd_arg(b[0].as_ref().unwrap())?), true)?))
}

// ----- directories -----

fn p_getcwd(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bind_args("getcwd", a, kw, &[], 0, 0, 0)?;
    cwd_bytes().map(|b| name_obj(&b, false))
}

fn p_getcwdb(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bind_args("getcwdb", a, kw, &[], 0, 0, 0)?;
    cwd_bytes().map(|b| name_obj(&b, true))
}

fn cwd_bytes() -> PyResult<Vec<u8>> {
    use std::os::unix::ffi::OsStringExt;
    std::env::current_dir().map(|p| p.into_os_string().into_vec()).map_err(|e| os_error_code(e.raw_os_error().unwrap_or(0), None, None))
}

fn p_chdir(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("chdir", a, kw, &["path"], 0, 1, 1)?;
    let p = path_arg("chdir", "path", b[0].as_ref().unwrap(), true)?;
    match &p {
        PathArg::Fd(fd) => check(None, || unsafe { libc::fchdir(*fd) })?,
        PathArg::Path { c, obj, .. } => check(Some(obj), || unsafe { libc::chdir(c.as_ptr()) })?,
    };
    none_obj()
}

/// Reads every entry of a directory except `.` and `..`: (name, d_type, inode).
fn read_dir(p: &PathArg) -> PyResult<Vec<(Vec<u8>, u8, u64)>> {
    // SAFETY: opendir/fdopendir results are checked; readdir entries are copied out before
    // the next call; the stream is closed on every path.
    unsafe {
        let dir = match p {
            PathArg::Fd(fd) => {
                let d = check(None, || libc::dup(*fd))?;
                let dir = libc::fdopendir(d);
                if dir.is_null() {
                    let e = last_error(None);
                    libc::close(d);
                    return Err(e);
                }
                libc::rewinddir(dir);
                dir
            }
            PathArg::Path { c, obj, .. } => {
                let dir = libc::opendir(c.as_ptr());
                if dir.is_null() {
                    return Err(last_error(Some(obj)));
                }
                dir
            }
        };
        let mut out = Vec::new();
        loop {
            *libc::__errno_location() = 0;
            let ent = libc::readdir(dir);
            if ent.is_null() {
                let code = errno();
                libc::closedir(dir);
                if code != 0 {
                    return Err(os_error_code(code, p.obj(), None));
                }
                return Ok(out);
            }
            let name = CStr::from_ptr((*ent).d_name.as_ptr()).to_bytes();
            if name != b"." && name != b".." {
                out.push((name.to_vec(), (*ent).d_type, (*ent).d_ino));
            }
        }
    }
}

fn default_dir() -> PathArg {
    PathArg::Path { c: CString::new(".").unwrap(), obj: pystr::new("."), is_bytes: false }
}

fn dir_arg(fname: &str, o: &Option<Obj>) -> PyResult<PathArg> {
    match o {
        Some(v) if !none::is_none(v) => path_arg(fname, "path", v, true).map_err(|e| {
            if e.matches(crate::types::exceptions::exc().type_error) && protocol::call_special(v, "__fspath__", &[]).ok().flatten().is_none() {
                type_error(format!("{fname}: path should be {}, not {}", path_kinds(true, true), v.type_name()))
            } else {
                e
            }
        }),
        _ => Ok(default_dir()),
    }
}

fn p_listdir(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("listdir", a, kw, &["path"], 0, 1, 0)?;
    let p = dir_arg("listdir", &b[0])?;
    let as_bytes = matches!(p, PathArg::Path { is_bytes: true, .. });
    let names = read_dir(&p)?.into_iter().map(|(n, _, _)| name_obj(&n, as_bytes)).collect();
    Ok(list::new(names))
}

fn p_mkdir(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("mkdir", a, kw, &["path", "mode", "dir_fd"], 0, 2, 1)?;
    let p = path_arg("mkdir", "path", b[0].as_ref().unwrap(), false)?;
    let mode = int_arg(&b[1], 0o777)?;
    let c = path_c(&p, "mkdir")?;
    check(p.obj(), || unsafe { libc::mkdir(c.as_ptr(), mode as libc::mode_t) })?;
    none_obj()
}

/// A function of one path that calls `f` on it (rmdir, unlink...).
fn path_call(fname: &str, a: &[Obj], kw: &KwArgs, f: unsafe extern "C" fn(*const libc::c_char) -> libc::c_int) -> PyResult<Obj> {
    let b = bind_args(fname, a, kw, &["path", "dir_fd"], 0, 1, 1)?;
    let p = path_arg(fname, "path", b[0].as_ref().unwrap(), false)?;
    let c = path_c(&p, fname)?;
    check(p.obj(), || unsafe { f(c.as_ptr()) })?;
    none_obj()
}

fn p_rmdir(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    path_call("rmdir", a, kw, libc::rmdir)
}
fn p_unlink(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    path_call("unlink", a, kw, libc::unlink)
}
fn p_remove(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    path_call("remove", a, kw, libc::unlink)
}

/// A function of two paths (rename, link, symlink).
fn two_paths(fname: &str, a: &[Obj], kw: &KwArgs, names: &[&str], f: unsafe extern "C" fn(*const libc::c_char, *const libc::c_char) -> libc::c_int) -> PyResult<Obj> {
    let b = bind_args(fname, a, kw, names, 0, 2, 2)?;
    let src = path_arg(fname, names[0], b[0].as_ref().unwrap(), false)?;
    let dst = path_arg(fname, names[1], b[1].as_ref().unwrap(), false)?;
    let (s, d) = (path_c(&src, fname)?, path_c(&dst, fname)?);
    // SAFETY: both are valid NUL-terminated paths.
    if unsafe { f(s.as_ptr(), d.as_ptr()) } == -1 {
        return Err(os_error_code(errno(), src.obj(), dst.obj()));
    }
    none_obj()
}

fn p_rename(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    two_paths("rename", a, kw, &["src", "dst", "src_dir_fd", "dst_dir_fd"], libc::rename)
}
fn p_replace(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    two_paths("replace", a, kw, &["src", "dst", "src_dir_fd", "dst_dir_fd"], libc::rename)
}
fn p_link(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    two_paths("link", a, kw, &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"], libc::link)
}
fn p_symlink(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    two_paths("symlink", a, kw, &["src", "dst", "target_is_directory", "dir_fd"], libc::symlink)
}

fn p_readlink(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("readlink", a, kw, &["path", "dir_fd"], 0, 1, 1)?;
    let p = path_arg("readlink", "path", b[0].as_ref().unwrap(), false)?;
    let c = path_c(&p, "readlink")?;
    let mut buf = vec![0u8; libc::PATH_MAX as usize + 1];
    let n = check(p.obj(), || unsafe { libc::readlink(c.as_ptr(), buf.as_mut_ptr() as *mut libc::c_char, buf.len()) })?;
    Ok(name_obj(&buf[..n as usize], matches!(p, PathArg::Path { is_bytes: true, .. })))
}

fn p_access(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("access", a, kw, &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], 0, 2, 2)?;
    let p = path_arg("access", "path", b[0].as_ref().unwrap(), false)?;
    let mode = int_arg(&b[1], 0)?;
    let c = path_c(&p, "access")?;
    Ok(pybool::from_bool(unsafe { libc::access(c.as_ptr(), mode as libc::c_int) } == 0))
}

fn p_chmod(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("chmod", a, kw, &["path", "mode", "dir_fd", "follow_symlinks"], 0, 2, 2)?;
    let p = path_arg("chmod", "path", b[0].as_ref().unwrap(), true)?;
    let mode = int_arg(&b[1], 0)? as libc::mode_t;
    match &p {
        PathArg::Fd(fd) => check(None, || unsafe { libc::fchmod(*fd, mode) })?,
        PathArg::Path { c, obj, .. } => check(Some(obj), || unsafe { libc::chmod(c.as_ptr(), mode) })?,
    };
    none_obj()
}

fn p_umask(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("umask", a, kw, &["mask"], 1, 1, 1)?;
    let m = int_arg(&b[0], 0)?;
    Ok(int::from_i64(unsafe { libc::umask(m as libc::mode_t) } as i64))
}

/// A time argument of `utime`: seconds as int or float, split into (s, ns).
fn time_parts(o: &Obj) -> PyResult<(i64, i64)> {
    if let Some(f) = float::as_f64(o) {
        let s = f.floor();
        return Ok((s as i64, ((f - s) * 1e9).round() as i64));
    }
    Ok((protocol::index_i64(o)?, 0))
}

fn p_utime(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("utime", a, kw, &["path", "times", "ns", "dir_fd", "follow_symlinks"], 0, 2, 1)?;
    let p = path_arg("utime", "path", b[0].as_ref().unwrap(), true)?;
    let mut ts = [libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW }, libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW }];
    let times = b[1].clone().filter(|t| !none::is_none(t));
    if let (Some(_), Some(_)) = (&times, &b[2]) {
        return Err(value_error("utime: you may specify either 'times' or 'ns' but not both"));
    }
    if let Some(t) = times {
        let items = tuple::as_slice(&t).filter(|s| s.len() == 2).ok_or_else(|| type_error("utime: 'times' must be either a tuple of two ints or None"))?;
        for (k, v) in items.iter().enumerate() {
            let (s, n) = time_parts(v)?;
            ts[k] = libc::timespec { tv_sec: s as libc::time_t, tv_nsec: n as libc::c_long };
        }
    } else if let Some(ns) = &b[2] {
        let items = tuple::as_slice(ns).filter(|s| s.len() == 2).ok_or_else(|| type_error("utime: 'ns' must be a tuple of two ints"))?;
        for (k, v) in items.iter().enumerate() {
            let n = int::to_i64(v).ok_or_else(|| type_error("utime: 'ns' must be a tuple of two ints"))?;
            ts[k] = libc::timespec { tv_sec: n.div_euclid(1_000_000_000) as libc::time_t, tv_nsec: n.rem_euclid(1_000_000_000) as libc::c_long };
        }
    }
    match &p {
        PathArg::Fd(fd) => check(None, || unsafe { libc::futimens(*fd, ts.as_ptr()) })?,
        PathArg::Path { c, obj, .. } => check(Some(obj), || unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ts.as_ptr(), 0) })?,
    };
    none_obj()
}

fn p_truncate(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("truncate", a, kw, &["path", "length"], 0, 2, 2)?;
    let p = path_arg("truncate", "path", b[0].as_ref().unwrap(), true)?;
    let len = int_arg(&b[1], 0)?;
    match &p {
        PathArg::Fd(fd) => check(None, || unsafe { libc::ftruncate(*fd, len) })?,
        PathArg::Path { c, obj, .. } => check(Some(obj), || unsafe { libc::truncate(c.as_ptr(), len) })?,
    };
    none_obj()
}

// ----- scandir and DirEntry -----

#[repr(C)]
pub struct DirEntryObj {
    pub head: ObjHeader,
    name: Obj,
    path: Obj,
    d_type: u8,
    ino: u64,
    stat: Option<Obj>,
    lstat: Option<Obj>,
}

fn entry(o: &Obj) -> PyResult<&mut DirEntryObj> {
    if o.isinstance(tys().dir_entry) {
        Ok(unsafe { o.payload_mut::<DirEntryObj>() })
    } else {
        Err(type_error("descriptor requires a 'posix.DirEntry' object"))
    }
}

fn entry_stat(o: &Obj, follow: bool) -> PyResult<Obj> {
    let e = entry(o)?;
    let is_link = e.d_type == libc::DT_LNK;
    let cached = if follow && is_link { e.stat.clone() } else { e.lstat.clone().or_else(|| e.stat.clone().filter(|_| !is_link)) };
    if let Some(s) = cached {
        return Ok(s);
    }
    let p = path_arg("DirEntry.stat", "path", &e.path.clone(), false)?;
    let v = stat_value(&do_stat(&p, follow)?);
    let e = entry(o)?;
    if follow && is_link { e.stat = Some(v.clone()) } else { e.lstat = Some(v.clone()) }
    Ok(v)
}

/// Whether the entry has file type `kind` (S_IFDIR...), following symlinks if asked;
/// a missing target is simply False.
fn entry_is(o: &Obj, kw: &KwArgs, a: &[Obj], fname: &str, kind: u32, dt: u8) -> PyResult<Obj> {
    let b = bind_args(fname, a, kw, &["follow_symlinks"], 0, 0, 0)?;
    let follow = bool_arg(&b[0], true)?;
    let e = entry(o)?;
    if e.d_type != libc::DT_UNKNOWN && !(follow && e.d_type == libc::DT_LNK) {
        return Ok(pybool::from_bool(e.d_type == dt));
    }
    match entry_stat(o, follow) {
        Ok(st) => {
            let mode = int::to_i64(&structseq::field(&st, 0)).unwrap_or(0) as u32;
            Ok(pybool::from_bool(mode & libc::S_IFMT == kind))
        }
        Err(err) if err.matches(crate::types::exceptions::exc().file_not_found_error) => Ok(pybool::from_bool(false)),
        Err(err) => Err(err),
    }
}

fn de_is_dir(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    entry_is(o, kw, a, "is_dir", libc::S_IFDIR, libc::DT_DIR)
}
fn de_is_file(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    entry_is(o, kw, a, "is_file", libc::S_IFREG, libc::DT_REG)
}
fn de_is_symlink(a: &[Obj]) -> PyResult<Obj> {
    let e = entry(&a[0])?;
    if e.d_type != libc::DT_UNKNOWN {
        return Ok(pybool::from_bool(e.d_type == libc::DT_LNK));
    }
    let st = entry_stat(&a[0], false)?;
    let mode = int::to_i64(&structseq::field(&st, 0)).unwrap_or(0) as u32;
    Ok(pybool::from_bool(mode & libc::S_IFMT == libc::S_IFLNK))
}
fn de_stat(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("stat", a, kw, &["follow_symlinks"], 0, 0, 0)?;
    entry_stat(o, bool_arg(&b[0], true)?)
}
fn de_inode(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_u64(entry(&a[0])?.ino))
}
fn de_name(o: &Obj) -> PyResult<Obj> {
    Ok(entry(o)?.name.clone())
}
fn de_path(o: &Obj) -> PyResult<Obj> {
    Ok(entry(o)?.path.clone())
}
fn de_fspath(a: &[Obj]) -> PyResult<Obj> {
    Ok(entry(&a[0])?.path.clone())
}
fn de_repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::from_string(format!("<DirEntry {}>", protocol::repr_string(&entry(o)?.name)?)))
}
fn de_class_getitem(cls: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(crate::types::generic_alias::new(cls, &a.first().cloned().unwrap_or_else(none::none)))
}

fn dir_entry_spec() -> TypeSpec {
    let mut s = TypeSpec::new("DirEntry", std::mem::size_of::<DirEntryObj>(), drop_as::<DirEntryObj>);
    s.final_ = true;
    s.slots.repr = Some(de_repr);
    s.methods = vec![
        MethodDef::MethodKw { name: "is_dir", func: de_is_dir },
        MethodDef::MethodKw { name: "is_file", func: de_is_file },
        MethodDef::Method { name: "is_symlink", func: de_is_symlink, min: 1, max: 1 },
        MethodDef::MethodKw { name: "stat", func: de_stat },
        MethodDef::Method { name: "inode", func: de_inode, min: 1, max: 1 },
        MethodDef::Method { name: "__fspath__", func: de_fspath, min: 1, max: 1 },
        MethodDef::Getter { name: "name", get: de_name },
        MethodDef::Getter { name: "path", get: de_path },
        MethodDef::ClassMethod { name: "__class_getitem__", func: de_class_getitem },
    ];
    s
}

#[repr(C)]
pub struct ScandirIterObj {
    pub head: ObjHeader,
    entries: Vec<Obj>,
    pos: usize,
}

fn scandir_iter(o: &Obj) -> &mut ScandirIterObj {
    unsafe { o.payload_mut::<ScandirIterObj>() }
}
fn si_next(o: &Obj) -> PyResult<Option<Obj>> {
    let it = scandir_iter(o);
    let r = it.entries.get(it.pos).cloned();
    it.pos += 1;
    Ok(r)
}
fn si_self(o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}
fn si_enter(a: &[Obj]) -> PyResult<Obj> {
    Ok(a[0].clone())
}
fn si_close(a: &[Obj]) -> PyResult<Obj> {
    let it = scandir_iter(&a[0]);
    it.pos = it.entries.len();
    none_obj()
}

fn scandir_iter_spec() -> TypeSpec {
    let mut s = TypeSpec::new("ScandirIterator", std::mem::size_of::<ScandirIterObj>(), drop_as::<ScandirIterObj>);
    s.final_ = true;
    s.slots.iter = Some(si_self);
    s.slots.next = Some(si_next);
    s.methods = vec![
        MethodDef::Method { name: "__enter__", func: si_enter, min: 1, max: 1 },
        MethodDef::Method { name: "__exit__", func: si_close, min: 1, max: 4 },
        MethodDef::Method { name: "close", func: si_close, min: 1, max: 1 },
    ];
    s
}

fn p_scandir(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("scandir", a, kw, &["path"], 0, 1, 0)?;
    let p = dir_arg("scandir", &b[0])?;
    let (prefix, as_bytes): (Vec<u8>, bool) = match &p {
        PathArg::Path { c, is_bytes, .. } => (c.as_bytes().to_vec(), *is_bytes),
        PathArg::Fd(_) => (Vec::new(), false),
    };
    let explicit = b[0].as_ref().map_or(false, |v| !none::is_none(v));
    let mut entries = Vec::new();
    for (name, d_type, ino) in read_dir(&p)? {
        let path = match &p {
            PathArg::Fd(_) => name.clone(),
            _ if !explicit => [b"./".as_slice(), &name].concat(),
            _ => {
                let mut v = prefix.clone();
                if !v.ends_with(b"/") {
                    v.push(b'/');
                }
                v.extend_from_slice(&name);
                v
            }
        };
        let e = DirEntryObj { head: header(), name: name_obj(&name, as_bytes), path: name_obj(&path, as_bytes), d_type, ino, stat: None, lstat: None };
        entries.push(alloc(tys().dir_entry, e));
    }
    Ok(alloc(tys().scandir_iter, ScandirIterObj { head: header(), entries, pos: 0 }))
}

// ----- file descriptors -----

fn p_open(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("open", a, kw, &["path", "flags", "mode", "dir_fd"], 0, 3, 2)?;
    let p = path_arg("open", "path", b[0].as_ref().unwrap(), false)?;
    let flags = int_arg(&b[1], 0)? as libc::c_int | libc::O_CLOEXEC;
    let mode = int_arg(&b[2], 0o777)? as libc::c_uint;
    let c = path_c(&p, "open")?;
    let fd = check(p.obj(), || unsafe { libc::open(c.as_ptr(), flags, mode) })?;
    Ok(int::from_i64(fd as i64))
}

fn p_close(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    // close() is not retried on EINTR (the descriptor is gone either way).
    let b = bind_args("close", a, kw, &["fd"], 0, 1, 1)?;
    let fd = fd_arg(b[0].as_ref().unwrap())?;
    if unsafe { libc::close(fd) } == -1 && errno() != libc::EINTR {
        return Err(last_error(None));
    }
    none_obj()
}
fn p_closerange(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("closerange", a, kw, &["fd_low", "fd_high"], 2, 2, 2)?;
    let (lo, hi) = (fd_arg(b[0].as_ref().unwrap())?, fd_arg(b[1].as_ref().unwrap())?);
    for fd in lo.max(0)..hi {
        unsafe { libc::close(fd) };
    }
    none_obj()
}
fn p_dup(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("dup", a, kw, &["fd"], 1, 1, 1)?;
    let fd = fd_arg(b[0].as_ref().unwrap())?;
    Ok(int::from_i64(check(None, || unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })? as i64))
}
fn p_dup2(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("dup2", a, kw, &["fd", "fd2", "inheritable"], 0, 3, 2)?;
    let (fd, fd2) = (fd_arg(b[0].as_ref().unwrap())?, fd_arg(b[1].as_ref().unwrap())?);
    let flags = if bool_arg(&b[2], true)? { 0 } else { libc::O_CLOEXEC };
    if fd == fd2 {
        check(None, || unsafe { libc::fcntl(fd, libc::F_GETFD) })?;
    } else {
        check(None, || unsafe { libc::dup3(fd, fd2, flags) })?;
    }
    Ok(int::from_i64(fd2 as i64))
}
fn p_fsync(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("fsync", a, kw, &["fd"], 0, 1, 1)?;
    let fd = match b[0].as_ref() {
        Some(o) if !int::is_int(o) => fd_arg(&protocol::call_method(o, "fileno", &[])?)?,
        Some(o) => fd_arg(o)?,
        None => unreachable!(),
    };
    check(None, || unsafe { libc::fsync(fd) })?;
    none_obj()
}
fn p_ftruncate(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("ftruncate", a, kw, &["fd", "length"], 2, 2, 2)?;
    let fd = fd_arg(b[0].as_ref().unwrap())?;
    let len = int_arg(&b[1], 0)?;
    check(None, || unsafe { libc::ftruncate(fd, len) })?;
    none_obj()
}

fn p_read(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("read", a, kw, &["fd", "length"], 2, 2, 2)?;
    let fd = fd_arg(b[0].as_ref().unwrap())?;
    let n = int_arg(&b[1], 0)?;
    if n < 0 {
        return Err(os_error_code(libc::EINVAL, None, None));
    }
    let mut buf = vec![0u8; n as usize];
    let k = check_blocking(|| unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) })?;
    buf.truncate(k as usize);
    Ok(bytes::new(buf))
}

fn p_write(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("write", a, kw, &["fd", "data"], 2, 2, 2)?;
    let fd = fd_arg(b[0].as_ref().unwrap())?;
    let data = b[1].as_ref().unwrap();
    let buf = bytes::buffer_data(data).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", data.type_name())))?;
    if fd == 1 || fd == 2 {
        super::sys::flush_stdout();
    }
    let k = check_blocking(|| unsafe { libc::write(fd, buf.as_ptr() as *const libc::c_void, buf.len()) })?;
    Ok(int::from_i64(k as i64))
}

fn p_lseek(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("lseek", a, kw, &["fd", "position", "whence"], 3, 3, 3)?;
    let fd = fd_arg(b[0].as_ref().unwrap())?;
    let pos = int_arg(&b[1], 0)?;
    let how = int_arg(&b[2], 0)? as libc::c_int;
    Ok(int::from_i64(check(None, || unsafe { libc::lseek(fd, pos, how) })?))
}

fn p_pipe(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bind_args("pipe", a, kw, &[], 0, 0, 0)?;
    let mut fds = [0 as libc::c_int; 2];
    check(None, || unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) })?;
    Ok(tuple::pair(int::from_i64(fds[0] as i64), int::from_i64(fds[1] as i64)))
}

fn p_isatty(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("isatty", a, kw, &["fd"], 1, 1, 1)?;
    let fd = fd_arg(b[0].as_ref().unwrap())?;
    Ok(pybool::from_bool(unsafe { libc::isatty(fd) } == 1))
}

fn fd_flag(fd: i32, get: libc::c_int, set: libc::c_int, bit: libc::c_int, value: Option<bool>) -> PyResult<bool> {
    let flags = check(None, || unsafe { libc::fcntl(fd, get) })?;
    if let Some(v) = value {
        let nf = if v { flags | bit } else { flags & !bit };
        check(None, || unsafe { libc::fcntl(fd, set, nf) })?;
    }
    Ok(flags & bit != 0)
}

fn p_get_inheritable(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("get_inheritable", a, kw, &["fd"], 1, 1, 1)?;
    let fd = fd_arg(b[0].as_ref().unwrap())?;
    Ok(pybool::from_bool(!fd_flag(fd, libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC, None)?))
}
fn p_set_inheritable(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("set_inheritable", a, kw, &["fd", "inheritable"], 2, 2, 2)?;
    let fd = fd_arg(b[0].as_ref().unwrap())?;
    fd_flag(fd, libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC, Some(!bool_arg(&b[1], true)?))?;
    none_obj()
}
fn p_get_blocking(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("get_blocking", a, kw, &["fd"], 1, 1, 1)?;
    let fd = fd_arg(b[0].as_ref().unwrap())?;
    Ok(pybool::from_bool(!fd_flag(fd, libc::F_GETFL, libc::F_SETFL, libc::O_NONBLOCK, None)?))
}
fn p_set_blocking(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("set_blocking", a, kw, &["fd", "blocking"], 2, 2, 2)?;
    let fd = fd_arg(b[0].as_ref().unwrap())?;
    fd_flag(fd, libc::F_GETFL, libc::F_SETFL, libc::O_NONBLOCK, Some(!bool_arg(&b[1], true)?))?;
    none_obj()
}

fn p_device_encoding(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("device_encoding", a, kw, &["fd"], 0, 1, 1)?;
    let fd = fd_arg(b[0].as_ref().unwrap())?;
    Ok(if unsafe { libc::isatty(fd) } == 1 { pystr::new("UTF-8") } else { none::none() })
}

fn p_get_terminal_size(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("get_terminal_size", a, kw, &["fd"], 1, 1, 0)?;
    let fd = match &b[0] {
        Some(o) => fd_arg(o)?,
        None => 1,
    };
    // SAFETY: TIOCGWINSZ fills the winsize struct we own.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    check(None, || unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) })?;
    Ok(structseq::new_value(tys().terminal_size, vec![int::from_i64(ws.ws_col as i64), int::from_i64(ws.ws_row as i64)]))
}

fn p_urandom(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("urandom", a, kw, &["size"], 1, 1, 1)?;
    let n = int_arg(&b[0], 0)?;
    if n < 0 {
        return Err(value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut got = 0;
    while got < buf.len() {
        let k = check(None, || unsafe { libc::getrandom(buf[got..].as_mut_ptr() as *mut libc::c_void, buf.len() - got, 0) })?;
        got += k as usize;
    }
    Ok(bytes::new(buf))
}

fn p_strerror(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("strerror", a, kw, &["code"], 1, 1, 1)?;
    Ok(pystr::from_string(strerror_text(int_arg(&b[0], 0)? as i32)))
}

fn p_fspath(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("fspath", a, kw, &["path"], 0, 1, 1)?;
    fspath(b[0].as_ref().unwrap())
}

// ----- processes -----

macro_rules! id_fns {
    ($($f:ident, $name:literal, $call:expr;)*) => {$(
        fn $f(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
            bind_args($name, a, kw, &[], 0, 0, 0)?;
            // SAFETY: these calls take no arguments and cannot fail.
            Ok(int::from_i64(unsafe { $call } as i64))
        }
    )*};
}

id_fns! {
    p_getpid, "getpid", libc::getpid();
    p_getppid, "getppid", libc::getppid();
    p_getuid, "getuid", libc::getuid();
    p_geteuid, "geteuid", libc::geteuid();
    p_getgid, "getgid", libc::getgid();
    p_getegid, "getegid", libc::getegid();
    p_getpgrp, "getpgrp", libc::getpgrp();
}

fn p_kill(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("kill", a, kw, &["pid", "signal"], 2, 2, 2)?;
    let (pid, sig) = (int_arg(&b[0], 0)?, int_arg(&b[1], 0)?);
    check(None, || unsafe { libc::kill(pid as libc::pid_t, sig as libc::c_int) })?;
    none_obj()
}

/// Callables registered with `register_at_fork`: before, after_in_child, after_in_parent.
static FORK_HOOKS: crate::gil::GilCell<RefCell<[Vec<Obj>; 3]>> = crate::gil::GilCell::new(RefCell::new([Vec::new(), Vec::new(), Vec::new()]));

/// Leak check at exit: drops the `register_at_fork` hooks (the program's callables,
/// e.g. random's `_inst.seed`, which keeps the module's Random instance alive).
pub fn clear_at_exit() {
    drop(FORK_HOOKS.with(|h| std::mem::take(&mut *h.borrow_mut())));
}

/// Runs the `register_at_fork` hooks of kind `k` (before: newest first; after: oldest
/// first); a hook's exception is reported as unraisable, as CPython does.
fn run_fork_hooks(k: usize) {
    let mut hooks = FORK_HOOKS.with(|h| h.borrow()[k].clone());
    if k == 0 {
        hooks.reverse();
    }
    for f in hooks {
        if let Err(e) = protocol::call(&f, &[]) {
            let what = protocol::repr_string(&f).unwrap_or_default();
            crate::types::traceback::print_unraisable(&format!("Exception ignored in: {what}"), &e.0);
        }
    }
}

fn p_register_at_fork(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("register_at_fork", a, kw, &["before", "after_in_child", "after_in_parent"], 0, 0, 0)?;
    if b.iter().all(|x| x.is_none()) {
        return Err(type_error("At least one argument is required."));
    }
    let names = ["before", "after_in_child", "after_in_parent"];
    for (f, name) in b.iter().zip(names) {
        if let Some(f) = f.as_ref().filter(|f| f.ty().slots().call.is_none()) {
            return Err(type_error(format!("'{name}' must be callable, not {}", f.type_name())));
        }
    }
    FORK_HOOKS.with(|h| {
        let mut h = h.borrow_mut();
        for (k, f) in b.into_iter().enumerate() {
            if let Some(f) = f {
                h[k].push(f);
            }
        }
    });
    none_obj()
}

fn p_fork(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bind_args("fork", a, kw, &[], 0, 0, 0)?;
    run_fork_hooks(0);
    let pid = crate::gil::fork_holding_gil(|| unsafe { libc::fork() });
    if pid < 0 {
        let e = last_error(None);
        run_fork_hooks(2);
        return Err(e);
    }
    run_fork_hooks(if pid == 0 { 1 } else { 2 });
    Ok(int::from_i64(pid as i64))
}

fn p_exit(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("_exit", a, kw, &["status"], 0, 1, 1)?;
    let code = int_arg(&b[0], 0)?;
    // SAFETY: _exit ends the process at once (no atexit handlers, no buffer flushing).
    unsafe { libc::_exit(code as libc::c_int) }
}

fn p_waitpid(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("waitpid", a, kw, &["pid", "options"], 2, 2, 2)?;
    let (pid, opts) = (int_arg(&b[0], 0)?, int_arg(&b[1], 0)?);
    let mut status: libc::c_int = 0;
    let r = check_blocking(|| unsafe { libc::waitpid(pid as libc::pid_t, &mut status, opts as libc::c_int) })?;
    Ok(tuple::pair(int::from_i64(r as i64), int::from_i64(status as i64)))
}

fn p_wait(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bind_args("wait", a, kw, &[], 0, 0, 0)?;
    let mut status: libc::c_int = 0;
    let r = check(None, || unsafe { libc::wait(&mut status) })?;
    Ok(tuple::pair(int::from_i64(r as i64), int::from_i64(status as i64)))
}

fn status_arg(fname: &str, a: &[Obj], kw: &KwArgs) -> PyResult<libc::c_int> {
    let b = bind_args(fname, a, kw, &["status"], 0, 1, 1)?;
    Ok(int_arg(&b[0], 0)? as libc::c_int)
}

macro_rules! wait_macros {
    ($($f:ident, $name:literal, $m:path, $wrap:path;)*) => {$(
        fn $f(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
            let st = status_arg($name, a, kw)?;
            Ok($wrap($m(st) as _))
        }
    )*};
}

wait_macros! {
    p_wifexited, "WIFEXITED", libc::WIFEXITED, pybool::from_bool;
    p_wexitstatus, "WEXITSTATUS", libc::WEXITSTATUS, int::from_i64;
    p_wifsignaled, "WIFSIGNALED", libc::WIFSIGNALED, pybool::from_bool;
    p_wtermsig, "WTERMSIG", libc::WTERMSIG, int::from_i64;
    p_wifstopped, "WIFSTOPPED", libc::WIFSTOPPED, pybool::from_bool;
    p_wstopsig, "WSTOPSIG", libc::WSTOPSIG, int::from_i64;
    p_wcoredump, "WCOREDUMP", libc::WCOREDUMP, pybool::from_bool;
    p_wifcontinued, "WIFCONTINUED", libc::WIFCONTINUED, pybool::from_bool;
}

fn p_waitstatus_to_exitcode(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let st = status_arg("waitstatus_to_exitcode", a, kw)?;
    if libc::WIFEXITED(st) {
        return Ok(int::from_i64(libc::WEXITSTATUS(st) as i64));
    }
    if libc::WIFSIGNALED(st) {
        return Ok(int::from_i64(-(libc::WTERMSIG(st) as i64)));
    }
    Err(value_error(format!("invalid wait status: {st}")))
}

/// The items of an exec argument list or environment values as C strings.
fn c_strings(fname: &str, what: &str, items: &[Obj]) -> PyResult<Vec<CString>> {
    items.iter().map(|o| match path_arg(fname, what, o, false)? {
        PathArg::Path { c, .. } => Ok(c),
        PathArg::Fd(_) => unreachable!(),
    }).collect()
}

fn exec_args(fname: &str, args: &Obj) -> PyResult<Vec<CString>> {
    let items = tuple::as_slice(args).or_else(|| list::as_slice_opt(args)).ok_or_else(|| type_error(format!("{fname}() arg 2 must be a tuple or list")))?.to_vec();
    if items.is_empty() {
        return Err(value_error(format!("{fname}() arg 2 must not be empty")));
    }
    let v = c_strings(fname, "path", &items)?;
    if v[0].as_bytes().is_empty() {
        return Err(value_error(format!("{fname}() arg 2 first element cannot be empty")));
    }
    Ok(v)
}

fn exec_env(env: &Obj) -> PyResult<Vec<CString>> {
    let mut out = Vec::new();
    for k in protocol::collect(&protocol::call_method(env, "keys", &[])?)? {
        let v = protocol::getitem(env, &k)?;
        let kv = c_strings("execve", "path", &[k, v])?;
        let mut s = kv[0].as_bytes().to_vec();
        if s.is_empty() || s.contains(&b'=') {
            return Err(value_error("illegal environment variable name"));
        }
        s.push(b'=');
        s.extend_from_slice(kv[1].as_bytes());
        out.push(CString::new(s).unwrap_or_default());
    }
    Ok(out)
}

fn do_exec(path: &PathArg, argv: &[CString], env: Option<&[CString]>) -> PyResult<Obj> {
    let mut pa: Vec<*const libc::c_char> = argv.iter().map(|c| c.as_ptr()).collect();
    pa.push(std::ptr::null());
    let c = path_c(path, "execv")?;
    // SAFETY: the argument and environment arrays are NULL-terminated and outlive the call.
    unsafe {
        match env {
            Some(e) => {
                let mut pe: Vec<*const libc::c_char> = e.iter().map(|c| c.as_ptr()).collect();
                pe.push(std::ptr::null());
                libc::execve(c.as_ptr(), pa.as_ptr(), pe.as_ptr());
            }
            None => {
                libc::execv(c.as_ptr(), pa.as_ptr());
            }
        }
    }
    Err(last_error(None))
}

fn p_execv(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("execv", a, kw, &["path", "argv"], 2, 2, 2)?;
    let p = path_arg("execv", "path", b[0].as_ref().unwrap(), false)?;
    let argv = exec_args("execv", b[1].as_ref().unwrap())?;
    do_exec(&p, &argv, None)
}

fn p_execve(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("execve", a, kw, &["path", "argv", "env"], 0, 3, 3)?;
    let p = path_arg("execve", "path", b[0].as_ref().unwrap(), false)?;
    let argv = exec_args("execve", b[1].as_ref().unwrap())?;
    let env = exec_env(b[2].as_ref().unwrap())?;
    do_exec(&p, &argv, Some(&env))
}

fn p_system(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("system", a, kw, &["command"], 0, 1, 1)?;
    let p = path_arg("system", "command", b[0].as_ref().unwrap(), false)?;
    super::sys::flush_stdout();
    let c = path_c(&p, "system")?;
    Ok(int::from_i64(unsafe { libc::system(c.as_ptr()) } as i64))
}

fn p_cpu_count(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bind_args("cpu_count", a, kw, &[], 0, 0, 0)?;
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 { none::none() } else { int::from_i64(n as i64) })
}

fn p_uname(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bind_args("uname", a, kw, &[], 0, 0, 0)?;
    // SAFETY: uname fills the struct we own with NUL-terminated fields.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    check(None, || unsafe { libc::uname(&mut u) })?;
    let f = |s: &[libc::c_char]| pystr::from_string(unsafe { CStr::from_ptr(s.as_ptr()) }.to_string_lossy().into_owned());
    Ok(structseq::new_value(tys().uname_result, vec![f(&u.sysname), f(&u.nodename), f(&u.release), f(&u.version), f(&u.machine)]))
}

fn p_times(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bind_args("times", a, kw, &[], 0, 0, 0)?;
    // SAFETY: times fills the struct we own.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let c = check(None, || unsafe { libc::times(&mut t) } as i64)?;
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let f = |v: libc::clock_t| float::new(v as f64 / hz);
    Ok(structseq::new_value(tys().times_result, vec![f(t.tms_utime), f(t.tms_stime), f(t.tms_cutime), f(t.tms_cstime), float::new(c as f64 / hz)]))
}

const SYSCONF_NAMES: &[(&str, libc::c_int)] = &[
    ("SC_ARG_MAX", libc::_SC_ARG_MAX), ("SC_CHILD_MAX", libc::_SC_CHILD_MAX), ("SC_CLK_TCK", libc::_SC_CLK_TCK),
    ("SC_NGROUPS_MAX", libc::_SC_NGROUPS_MAX), ("SC_OPEN_MAX", libc::_SC_OPEN_MAX), ("SC_PAGESIZE", libc::_SC_PAGESIZE),
    ("SC_PAGE_SIZE", libc::_SC_PAGESIZE), ("SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF),
    ("SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN), ("SC_PHYS_PAGES", libc::_SC_PHYS_PAGES),
    ("SC_MINSIGSTKSZ", 249),
];

fn p_sysconf(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("sysconf", a, kw, &["name"], 1, 1, 1)?;
    let o = b[0].as_ref().unwrap();
    let name = match pystr::as_str(o) {
        Some(s) => SYSCONF_NAMES.iter().find(|(n, _)| *n == s).map(|(_, v)| *v).ok_or_else(|| value_error("unrecognized configuration name"))?,
        None => int_arg(&b[0], 0)? as libc::c_int,
    };
    unsafe { *libc::__errno_location() = 0 };
    let r = unsafe { libc::sysconf(name) };
    if r == -1 && errno() != 0 {
        return Err(last_error(None));
    }
    Ok(int::from_i64(r as i64))
}

// ----- environment -----

fn env_bytes(fname: &str, o: &Obj) -> PyResult<Vec<u8>> {
    match path_arg(fname, "name", o, false)? {
        PathArg::Path { c, .. } => Ok(c.into_bytes()),
        PathArg::Fd(_) => unreachable!(),
    }
}

fn p_putenv(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("putenv", a, kw, &["name", "value"], 2, 2, 2)?;
    let k = env_bytes("putenv", b[0].as_ref().unwrap())?;
    let v = env_bytes("putenv", b[1].as_ref().unwrap())?;
    if k.is_empty() || k.contains(&b'=') {
        return Err(value_error("illegal environment variable name"));
    }
    let (k, v) = (CString::new(k).unwrap_or_default(), CString::new(v).unwrap_or_default());
    check(None, || unsafe { libc::setenv(k.as_ptr(), v.as_ptr(), 1) })?;
    none_obj()
}

fn p_unsetenv(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("unsetenv", a, kw, &["name"], 1, 1, 1)?;
    let k = env_bytes("unsetenv", b[0].as_ref().unwrap())?;
    if k.is_empty() || k.contains(&b'=') {
        return Err(value_error("illegal environment variable name"));
    }
    let k = CString::new(k).unwrap_or_default();
    check(None, || unsafe { libc::unsetenv(k.as_ptr()) })?;
    none_obj()
}

/// `posix.environ`: the process environment at import time, bytes to bytes.
fn environ() -> Obj {
    use std::os::unix::ffi::OsStrExt;
    let d = dict::new();
    for (k, v) in std::env::vars_os() {
        let _ = dict::set_item(&d, bytes::new(k.as_bytes().to_vec()), bytes::new(v.as_bytes().to_vec()));
    }
    d
}

// ----- the module -----

const INT_CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64), ("R_OK", libc::R_OK as i64), ("W_OK", libc::W_OK as i64), ("X_OK", libc::X_OK as i64),
    ("O_RDONLY", libc::O_RDONLY as i64), ("O_WRONLY", libc::O_WRONLY as i64), ("O_RDWR", libc::O_RDWR as i64),
    ("O_APPEND", libc::O_APPEND as i64), ("O_CREAT", libc::O_CREAT as i64), ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64), ("O_NONBLOCK", libc::O_NONBLOCK as i64), ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_SYNC", libc::O_SYNC as i64), ("O_DSYNC", libc::O_DSYNC as i64), ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64), ("O_DIRECTORY", libc::O_DIRECTORY as i64), ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64), ("O_TMPFILE", libc::O_TMPFILE as i64), ("O_PATH", libc::O_PATH as i64),
    ("O_NOATIME", libc::O_NOATIME as i64), ("O_ASYNC", libc::O_ASYNC as i64), ("O_DIRECT", libc::O_DIRECT as i64),
    ("O_LARGEFILE", 0), ("O_RSYNC", libc::O_RSYNC as i64),
    ("SEEK_SET", 0), ("SEEK_CUR", 1), ("SEEK_END", 2), ("SEEK_DATA", libc::SEEK_DATA as i64), ("SEEK_HOLE", libc::SEEK_HOLE as i64),
    ("WNOHANG", libc::WNOHANG as i64), ("WUNTRACED", libc::WUNTRACED as i64), ("WCONTINUED", libc::WCONTINUED as i64),
    ("WEXITED", libc::WEXITED as i64), ("WSTOPPED", libc::WSTOPPED as i64), ("WNOWAIT", libc::WNOWAIT as i64),
    ("EX_OK", 0), ("EX_USAGE", 64), ("EX_DATAERR", 65), ("EX_NOINPUT", 66), ("EX_NOUSER", 67), ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69), ("EX_SOFTWARE", 70), ("EX_OSERR", 71), ("EX_OSFILE", 72), ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74), ("EX_TEMPFAIL", 75), ("EX_PROTOCOL", 76), ("EX_NOPERM", 77), ("EX_CONFIG", 78),
    ("F_LOCK", 1), ("F_TLOCK", 2), ("F_ULOCK", 0), ("F_TEST", 3),
    ("NGROUPS_MAX", 65536), ("TMP_MAX", 238328),
];

/// Creates the `posix` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("posix");
    let d = module::dict(&m);
    let fns: &[(&'static str, CallFn)] = &[
        ("stat", p_stat), ("lstat", p_lstat), ("fstat", p_fstat), ("getcwd", p_getcwd), ("getcwdb", p_getcwdb),
        ("chdir", p_chdir), ("listdir", p_listdir), ("scandir", p_scandir), ("mkdir", p_mkdir), ("rmdir", p_rmdir),
        ("unlink", p_unlink), ("remove", p_remove), ("rename", p_rename), ("replace", p_replace), ("link", p_link),
        ("symlink", p_symlink), ("readlink", p_readlink), ("access", p_access), ("chmod", p_chmod), ("umask", p_umask),
        ("utime", p_utime), ("truncate", p_truncate), ("open", p_open), ("close", p_close), ("closerange", p_closerange),
        ("dup", p_dup), ("dup2", p_dup2), ("fsync", p_fsync), ("ftruncate", p_ftruncate), ("read", p_read),
        ("write", p_write), ("lseek", p_lseek), ("pipe", p_pipe), ("isatty", p_isatty),
        ("get_inheritable", p_get_inheritable), ("set_inheritable", p_set_inheritable),
        ("get_blocking", p_get_blocking), ("set_blocking", p_set_blocking), ("device_encoding", p_device_encoding),
        ("get_terminal_size", p_get_terminal_size), ("urandom", p_urandom), ("strerror", p_strerror),
        ("fspath", p_fspath), ("getpid", p_getpid), ("getppid", p_getppid), ("getuid", p_getuid),
        ("geteuid", p_geteuid), ("getgid", p_getgid), ("getegid", p_getegid), ("getpgrp", p_getpgrp),
        ("kill", p_kill), ("fork", p_fork), ("register_at_fork", p_register_at_fork), ("_exit", p_exit), ("waitpid", p_waitpid), ("wait", p_wait),
        ("WIFEXITED", p_wifexited), ("WEXITSTATUS", p_wexitstatus), ("WIFSIGNALED", p_wifsignaled),
        ("WTERMSIG", p_wtermsig), ("WIFSTOPPED", p_wifstopped), ("WSTOPSIG", p_wstopsig),
        ("WCOREDUMP", p_wcoredump), ("WIFCONTINUED", p_wifcontinued),
        ("waitstatus_to_exitcode", p_waitstatus_to_exitcode), ("execv", p_execv), ("execve", p_execve),
        ("system", p_system), ("cpu_count", p_cpu_count), ("uname", p_uname), ("times", p_times), ("statvfs", p_statvfs),
        ("sysconf", p_sysconf), ("putenv", p_putenv), ("unsetenv", p_unsetenv),
    ];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("posix", name, *func));
    }
    for (name, v) in INT_CONSTANTS {
        dict::set_item_str(&d, name, int::from_i64(*v));
    }
    let t = tys();
    dict::set_item_str(&d, "stat_result", t.stat_result.as_obj());
    dict::set_item_str(&d, "terminal_size", t.terminal_size.as_obj());
    dict::set_item_str(&d, "uname_result", t.uname_result.as_obj());
    dict::set_item_str(&d, "times_result", t.times_result.as_obj());
    dict::set_item_str(&d, "statvfs_result", t.statvfs_result.as_obj());
    dict::set_item_str(&d, "DirEntry", t.dir_entry.as_obj());
    dict::set_item_str(&d, "error", crate::types::exceptions::exc().os_error.as_obj());
    dict::set_item_str(&d, "environ", environ());
    let names = dict::new();
    for (n, v) in SYSCONF_NAMES {
        dict::set_item_str(&names, n, int::from_i64(*v as i64));
    }
    dict::set_item_str(&d, "sysconf_names", names);
    // Functions accepting dir_fd/fd/follow_symlinks beyond the basics are not advertised,
    // so os.py and shutil take their portable paths.
    dict::set_item_str(&d, "_have_functions", list::new(vec![]));
    let _ = types();
    Ok(m)
}
