//! The native `_posixshmem` module (`multiprocessing.shared_memory` and the resource
//! tracker use it): `shm_open(path, flags, mode=0o777)` → file descriptor and
//! `shm_unlink(path)`, POSIX shared-memory objects through the C library.

use std::ffi::CString;

use crate::errors::{type_error, value_error};
use crate::object::{Obj, PyResult};
use crate::types::function::new_builtin_in;
use crate::types::int::bind_args;
use crate::types::typeobj::KwArgs;
use crate::types::{dict, float, int, module, none, str as pystr};

fn path_arg(fname: &str, o: &Option<Obj>) -> PyResult<(Obj, CString)> {
    let o = o.clone().unwrap_or_else(none::none);
    let s = pystr::as_str(&o).ok_or_else(|| type_error(format!("{fname}() argument 'path' must be str, not {}", o.type_name())))?;
    let c = CString::new(s).map_err(|_| value_error("embedded null character"))?;
    Ok((o, c))
}

fn int_arg(o: &Option<Obj>, default: i64) -> PyResult<i64> {
    match o {
        Some(v) if float::is_float(v) => Err(type_error("'float' object cannot be interpreted as an integer")),
        Some(v) => crate::protocol::index_i64(v),
        None => Ok(default),
    }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn m_shm_open(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("shm_open", a, kw, &["path", "flags", "mode"], 0, 3, 2)?;
    let (path, c) = path_arg("shm_open", &b[0])?;
    let flags = int_arg(&b[1], 0)? as libc::c_int;
    let mode = int_arg(&b[2], 0o777)? as libc::mode_t;
    loop {
        // SAFETY: shm_open with a valid C string.
        let fd = unsafe { libc::shm_open(c.as_ptr(), flags, mode) };
        if fd >= 0 {
            return Ok(int::from_i64(fd as i64));
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(super::posix::os_error_code(e, Some(&path), None));
        }
        super::signal::check_signals()?;
    }
}

fn m_shm_unlink(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("shm_unlink", a, kw, &["path"], 0, 1, 1)?;
    let (path, c) = path_arg("shm_unlink", &b[0])?;
    // SAFETY: shm_unlink with a valid C string.
    if unsafe { libc::shm_unlink(c.as_ptr()) } < 0 {
        return Err(super::posix::os_error_code(errno(), Some(&path), None));
    }
    Ok(none::none())
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_posixshmem");
    let d = module::dict(&m);
    dict::set_item_str(&d, "shm_open", new_builtin_in("_posixshmem", "shm_open", m_shm_open));
    dict::set_item_str(&d, "shm_unlink", new_builtin_in("_posixshmem", "shm_unlink", m_shm_unlink));
    Ok(m)
}
