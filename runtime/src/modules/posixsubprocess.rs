//! The `_posixsubprocess` module: `fork_exec`, with CPython 3.11's argument list, which
//! `subprocess.Popen` uses to start a child. Everything the child needs (argument and
//! environment arrays, descriptors to keep) is prepared before the fork, so the child only
//! makes system calls (no allocation) until it execs; a failure before or during the exec
//! is reported to the parent through the error pipe as `OSError:<hex errno>:[noexec]`
//! (or `SubprocessError:0:<message>`), the format `subprocess` parses.

use std::ffi::CString;

use crate::errors::{type_error, value_error};
use crate::object::{Obj, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::KwArgs;
use crate::types::{bytes, dict, int, list, module, none, str as pystr, tuple};

use super::posix::{fspath, last_error};

/// `PyUnicode_FSConverter`: a str, bytes or path-like object as a C string.
fn fs_cstring(o: &Obj) -> PyResult<CString> {
    let p = fspath(o).map_err(|_| type_error(format!("expected str, bytes or os.PathLike object, not {}", o.type_name())))?;
    let raw = match pystr::as_str(&p) {
        Some(_) => super::posix::fs_encode(&p)?,
        None => bytes::as_bytes(&p).unwrap_or(&[]).to_vec(),
    };
    CString::new(raw).map_err(|_| value_error("embedded null byte"))
}

/// A sequence argument (None → None) as C strings.
fn cstring_seq(o: &Obj) -> PyResult<Option<Vec<CString>>> {
    if none::is_none(o) {
        return Ok(None);
    }
    let items = match tuple::as_slice(o).or_else(|| list::as_slice_opt(o)) {
        Some(s) => s.to_vec(),
        None => protocol::collect(o)?,
    };
    items.iter().map(fs_cstring).collect::<PyResult<Vec<_>>>().map(Some)
}

fn int_of(o: &Obj) -> PyResult<i64> {
    protocol::index_i64(o)
}

fn opt_int(o: &Obj) -> PyResult<Option<i64>> {
    if none::is_none(o) { Ok(None) } else { int_of(o).map(Some) }
}

/// `fds_to_keep`: a tuple of non-negative ints in ascending order.
fn fds_to_keep(o: &Obj) -> PyResult<Vec<i32>> {
    let items = tuple::as_slice(o).ok_or_else(|| type_error(format!("fork_exec() argument 4 must be tuple, not {}", o.type_name())))?;
    let mut out: Vec<i32> = Vec::with_capacity(items.len());
    for it in items {
        let fd = int::to_i64(it).filter(|v| *v >= 0 && *v <= i32::MAX as i64).map(|v| v as i32);
        match fd {
            Some(fd) if out.last().map_or(true, |l| *l < fd) => out.push(fd),
            _ => return Err(value_error("bad value(s) in fds_to_keep")),
        }
    }
    Ok(out)
}

/// A NULL-terminated array of pointers into `v` (which must outlive it).
fn c_array(v: &[CString]) -> Vec<*const libc::c_char> {
    v.iter().map(|c| c.as_ptr()).chain(std::iter::once(std::ptr::null())).collect()
}

/// Everything the child does, decided in the parent.
struct ChildPlan {
    argv: Vec<*const libc::c_char>,
    exes: Vec<CString>,
    envp: Option<Vec<*const libc::c_char>>,
    cwd: Option<CString>,
    keep: Vec<i32>,
    close_fds: bool,
    fds: [i32; 8],
    restore_signals: bool,
    setsid: bool,
    pgid: i64,
    gid: Option<i64>,
    groups: Option<Vec<libc::gid_t>>,
    uid: Option<i64>,
    umask: i64,
    preexec_fn: Option<Obj>,
}

/// The error the child reports: an errno, or a SubprocessError message.
enum ChildError {
    Errno(i32, bool),
    Message(&'static str),
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn set_inheritable(fd: i32, inheritable: bool) -> i32 {
    // SAFETY: fcntl on a descriptor; no memory is touched.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFD);
        if flags < 0 {
            return -1;
        }
        let new = if inheritable { flags & !libc::FD_CLOEXEC } else { flags | libc::FD_CLOEXEC };
        if new == flags { 0 } else { libc::fcntl(fd, libc::F_SETFD, new) }
    }
}

fn sys_ok(r: libc::c_int, before_exec: bool) -> Result<(), ChildError> {
    if r < 0 { Err(ChildError::Errno(errno(), before_exec)) } else { Ok(()) }
}

/// Closes every descriptor from 3 up except those in `keep` (sorted).
fn close_open_fds(keep: &[i32]) {
    let mut lo: u32 = 3;
    for &k in keep.iter().filter(|k| **k >= 3) {
        close_range(lo, k as u32 - 1);
        lo = k as u32 + 1;
    }
    close_range(lo, u32::MAX);
}

fn close_range(lo: u32, hi: u32) {
    if lo > hi {
        return;
    }
    // SAFETY: close_range/close only release descriptors.
    unsafe {
        if libc::syscall(libc::SYS_close_range, lo, hi, 0) == 0 {
            return;
        }
        let max = libc::sysconf(libc::_SC_OPEN_MAX).clamp(256, 1 << 16) as u32;
        for fd in lo..=hi.min(max) {
            libc::close(fd as i32);
        }
    }
}

/// The child between fork and exec: returns only on failure.
fn child_exec(p: &ChildPlan) -> ChildError {
    match child_setup(p) {
        Err(e) => e,
        Ok(()) => child_run_exec(p),
    }
}

fn child_setup(p: &ChildPlan) -> Result<(), ChildError> {
    let [p2cread, p2cwrite, c2pread, mut c2pwrite, errread, mut errwrite, _errpipe_read, errpipe_write] = p.fds;
    for &fd in &p.keep {
        if fd != errpipe_write {
            sys_ok(set_inheritable(fd, true), true)?;
        }
    }
    // SAFETY: plain descriptor system calls in the child.
    unsafe {
        for fd in [p2cwrite, c2pread, errread] {
            if fd != -1 {
                libc::close(fd);
            }
        }
        // Keep the child's ends out of the way of the dup2 targets below.
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
            sys_ok(c2pwrite, true)?;
            sys_ok(set_inheritable(c2pwrite, false), true)?;
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
            sys_ok(errwrite, true)?;
            sys_ok(set_inheritable(errwrite, false), true)?;
        }
        for (fd, target) in [(p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if fd == target {
                sys_ok(set_inheritable(fd, true), true)?;
            } else if fd != -1 {
                sys_ok(libc::dup2(fd, target), true)?;
            }
        }
        if let Some(cwd) = &p.cwd {
            sys_ok(libc::chdir(cwd.as_ptr()), true)?;
        }
        if p.umask >= 0 {
            libc::umask(p.umask as libc::mode_t);
        }
        if p.restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if p.setsid {
            sys_ok(libc::setsid(), false)?;
        }
        if p.pgid >= 0 {
            sys_ok(libc::setpgid(0, p.pgid as libc::pid_t), false)?;
        }
        if let Some(g) = &p.groups {
            sys_ok(libc::setgroups(g.len(), g.as_ptr()), false)?;
        }
        if let Some(gid) = p.gid {
            sys_ok(libc::setregid(gid as libc::gid_t, gid as libc::gid_t), false)?;
        }
        if let Some(uid) = p.uid {
            sys_ok(libc::setreuid(uid as libc::uid_t, uid as libc::uid_t), false)?;
        }
    }
    if let Some(f) = &p.preexec_fn {
        if protocol::call(f, &[]).is_err() {
            return Err(ChildError::Message("Exception occurred in preexec_fn."));
        }
    }
    if p.close_fds {
        close_open_fds(&p.keep);
    }
    Ok(())
}

/// Tries each candidate executable; the first errno other than ENOENT/ENOTDIR wins.
fn child_run_exec(p: &ChildPlan) -> ChildError {
    let mut saved = 0;
    let mut last = libc::ENOENT;
    for exe in &p.exes {
        // SAFETY: the arrays are NULL-terminated and point into strings that outlive the call.
        unsafe {
            match &p.envp {
                Some(env) => libc::execve(exe.as_ptr(), p.argv.as_ptr(), env.as_ptr()),
                None => libc::execv(exe.as_ptr(), p.argv.as_ptr()),
            };
        }
        last = errno();
        if last != libc::ENOENT && last != libc::ENOTDIR && saved == 0 {
            saved = last;
        }
    }
    ChildError::Errno(if saved != 0 { saved } else { last }, false)
}

/// Writes the failure report to the error pipe without allocating.
fn report(fd: i32, e: ChildError) {
    let write = |s: &[u8]| {
        // SAFETY: a write of a buffer we own; failures are ignored (we exit next).
        unsafe { libc::write(fd, s.as_ptr() as *const libc::c_void, s.len()) };
    };
    match e {
        ChildError::Errno(code, before_exec) => {
            let mut hex = [0u8; 16];
            let mut i = hex.len();
            let mut n = code as u32;
            while n != 0 && i > 0 {
                i -= 1;
                hex[i] = b"0123456789ABCDEF"[(n % 16) as usize];
                n /= 16;
            }
            write(b"OSError:");
            write(&hex[i..]);
            write(b":");
            if before_exec {
                write(b"noexec");
            }
        }
        ChildError::Message(m) => {
            write(b"SubprocessError:0:");
            write(m.as_bytes());
        }
    }
}

fn fork_exec(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("fork_exec() takes no keyword arguments"));
    }
    if a.len() != 22 && a.len() != 23 {
        return Err(type_error(format!("fork_exec() takes exactly 23 arguments ({} given)", a.len())));
    }
    let args = cstring_seq(&a[0])?;
    let exes = cstring_seq(&a[1])?.unwrap_or_default();
    let close_fds = protocol::is_true(&a[2])?;
    let keep = fds_to_keep(&a[3])?;
    let cwd = if none::is_none(&a[4]) { None } else { Some(fs_cstring(&a[4])?) };
    let env = cstring_seq(&a[5])?;
    let mut fds = [0i32; 8];
    for (i, slot) in fds.iter_mut().enumerate() {
        *slot = int_of(&a[6 + i])? as i32;
    }
    if close_fds && fds[7] < 3 {
        return Err(value_error("errpipe_write must be >= 3"));
    }
    let groups = match &a[18] {
        g if none::is_none(g) => None,
        g => Some(protocol::collect(g)?.iter().map(|x| int_of(x).map(|v| v as libc::gid_t)).collect::<PyResult<Vec<_>>>()?),
    };
    let preexec_fn = Some(a[21].clone()).filter(|f| !none::is_none(f));
    let argv_strings = args.unwrap_or_default();
    let envp_strings = env;
    let plan = ChildPlan {
        argv: c_array(&argv_strings),
        exes,
        envp: envp_strings.as_deref().map(c_array),
        cwd,
        keep,
        close_fds,
        fds,
        restore_signals: protocol::is_true(&a[14])?,
        setsid: protocol::is_true(&a[15])?,
        pgid: int_of(&a[16])?,
        gid: opt_int(&a[17])?,
        groups,
        uid: opt_int(&a[19])?,
        umask: int_of(&a[20])?,
        preexec_fn,
    };
    // SAFETY: fork; the child only runs `child_exec` (system calls, plus preexec_fn when
    // given, as in CPython) and then execs or exits.
    let pid = crate::gil::fork_holding_gil(|| unsafe { libc::fork() });
    if pid == 0 {
        let err = child_exec(&plan);
        report(fds[7], err);
        // SAFETY: leave the child at once, without running the parent's exit handlers.
        unsafe { libc::_exit(255) };
    }
    if pid < 0 {
        return Err(last_error(None));
    }
    Ok(int::from_i64(pid as i64))
}

/// Creates the `_posixsubprocess` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_posixsubprocess");
    let d = module::dict(&m);
    dict::set_item_str(&d, "fork_exec", new_builtin_in("_posixsubprocess", "fork_exec", fork_exec));
    Ok(m)
}
