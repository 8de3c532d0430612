//! The native `_socket` module, as much of it as CPython's `socket.py` and
//! `multiprocessing` (connection listeners and clients, `Pipe()` over `socketpair`,
//! managers) need: the `socket` type for AF_UNIX and AF_INET stream and datagram sockets
//! (bind/listen/accept/connect/send/sendall/recv/recv_into/shutdown/socket options,
//! blocking, non-blocking and timeout modes, `detach`), `socketpair`, `dup`, `close`,
//! default timeouts, byte-order helpers, `gethostname`, the exception types and the
//! constants. Blocking calls release the GIL; EINTR is retried after running signal
//! handlers (PEP 475).

use std::cell::Cell;
use std::time::{Duration, Instant};

use crate::errors::{new_error, overflow_error, type_error, value_error};
use crate::gil::{self, GilCell};
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::protocol;
use crate::types::exceptions::exc;
use crate::types::function::new_builtin_in;
use crate::types::int::bind_args;
use crate::types::typeobj::{downcast_type, CallFn, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, bytes, dict, float, int, module, none, str as pystr, tuple, TypeSpec};

use super::posix::os_error_code;

#[repr(C)]
struct SockObj {
    head: ObjHeader,
    fd: Cell<i32>,
    family: Cell<i32>,
    /// The socket type without SOCK_NONBLOCK/SOCK_CLOEXEC.
    kind: Cell<i32>,
    proto: Cell<i32>,
    /// Seconds; negative = blocking (`None`), 0 = non-blocking.
    timeout: Cell<f64>,
}

unsafe fn drop_sock(h: *mut ObjHeader) {
    let s = &mut *(h as *mut SockObj);
    if s.fd.get() >= 0 {
        // SAFETY: the socket owns its descriptor until close()/detach().
        libc::close(s.fd.get());
    }
    std::ptr::drop_in_place(s as *mut SockObj);
}

static SOCK_TYPE: GilCell<Cell<Option<&'static TypeObject>>> = GilCell::new(Cell::new(None));
/// `getdefaulttimeout()` (negative = None).
static DEFAULT_TIMEOUT: GilCell<Cell<f64>> = GilCell::new(Cell::new(-1.0));

fn sock_type() -> &'static TypeObject {
    SOCK_TYPE.with(|c| {
        c.get().unwrap_or_else(|| {
            let t = super::make_type(sock_spec());
            *t.module.borrow_mut() = "_socket".to_string();
            c.set(Some(t));
            t
        })
    })
}

fn sock(o: &Obj) -> PyResult<&SockObj> {
    o.downcast::<SockObj>(sock_type())
        .ok_or_else(|| type_error(format!("descriptor requires a '_socket.socket' object but received a '{}'", o.type_name())))
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn timeout_error() -> PyErr {
    new_error(exc().timeout_error, "timed out")
}

fn int_arg(o: &Option<Obj>, default: i64) -> PyResult<i64> {
    match o {
        Some(v) if float::is_float(v) => Err(type_error("'float' object cannot be interpreted as an integer")),
        Some(v) => protocol::index_i64(v),
        None => Ok(default),
    }
}

/// A timeout argument: None → -1 (blocking); negative → ValueError.
fn timeout_arg(o: &Obj) -> PyResult<f64> {
    if none::is_none(o) {
        return Ok(-1.0);
    }
    let t = match float::as_f64(o) {
        Some(f) => f,
        None if crate::types::int::is_int(o) => crate::types::int::int_to_f64(o)?,
        None => return Err(type_error(format!("'{}' object cannot be interpreted as an integer or float", o.type_name()))),
    };
    if t.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(value_error("Timeout value out of range"));
    }
    Ok(t)
}

fn timeout_obj(t: f64) -> Obj {
    if t < 0.0 {
        none::none()
    } else {
        float::new(t)
    }
}

fn set_nonblocking(fd: i32, on: bool) -> PyResult<()> {
    // SAFETY: fcntl on a descriptor we were given; errors are reported.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(os_error_code(errno(), None, None));
    }
    let nf = if on { flags | libc::O_NONBLOCK } else { flags & !libc::O_NONBLOCK };
    if nf != flags && unsafe { libc::fcntl(fd, libc::F_SETFL, nf) } < 0 {
        return Err(os_error_code(errno(), None, None));
    }
    Ok(())
}

/// Applies timeout `t` to the socket (CPython: any timeout but None makes the fd non-blocking).
fn apply_timeout(s: &SockObj, t: f64) -> PyResult<()> {
    s.timeout.set(t);
    if s.fd.get() >= 0 {
        set_nonblocking(s.fd.get(), t >= 0.0)?;
    }
    Ok(())
}

/// Waits (without the GIL) until `fd` is ready for `events` or `deadline` passes.
fn wait_ready(fd: i32, events: libc::c_short, deadline: Instant) -> PyResult<()> {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let ms = left.as_millis().min(i32::MAX as u128) as i32;
        let (r, e) = gil::allow_threads(|| {
            let mut p = libc::pollfd { fd, events, revents: 0 };
            // SAFETY: poll on one pollfd we own.
            let r = unsafe { libc::poll(&mut p, 1, ms) };
            (r, errno())
        });
        match r {
            0 => return Err(timeout_error()),
            r if r > 0 => return Ok(()),
            _ if e == libc::EINTR => crate::modules::signal::check_signals()?,
            _ => return Err(os_error_code(e, None, None)),
        }
    }
}

/// Runs socket operation `op` (returns the syscall's result) as CPython's `sock_call`
/// does: with a timeout, wait for readiness first; release the GIL around the call;
/// retry on EINTR after running signal handlers.
fn sock_call(s: &SockObj, events: libc::c_short, mut op: impl FnMut(i32) -> isize) -> PyResult<isize> {
    let fd = s.fd.get();
    let deadline = (s.timeout.get() > 0.0).then(|| Instant::now() + Duration::from_secs_f64(s.timeout.get().min(1e9)));
    loop {
        if let Some(d) = deadline {
            wait_ready(fd, events, d)?;
        }
        let (r, e) = gil::allow_threads(|| {
            let r = op(fd);
            (r, errno())
        });
        if r >= 0 {
            return Ok(r);
        }
        match e {
            libc::EINTR => crate::modules::signal::check_signals()?,
            libc::EAGAIN if deadline.is_some() => {}
            _ => return Err(os_error_code(e, None, None)),
        }
    }
}

// ----- addresses -----

/// A C socket address and its length.
struct SockAddr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl SockAddr {
    fn empty() -> SockAddr {
        // SAFETY: sockaddr_storage is plain data; all-zero is a valid value.
        SockAddr { storage: unsafe { std::mem::zeroed() }, len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t }
    }
    fn ptr(&self) -> *const libc::sockaddr {
        &self.storage as *const _ as *const libc::sockaddr
    }
    fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.storage as *mut _ as *mut libc::sockaddr
    }
}

fn unix_addr(fname: &str, a: &Obj) -> PyResult<SockAddr> {
    let path: Vec<u8> = if let Some(s) = pystr::as_str(a) {
        s.as_bytes().to_vec()
    } else if let Some(b) = bytes::buffer_data(a) {
        b
    } else {
        return Err(type_error(format!("{fname}(): AF_UNIX address must be str or bytes, not {}", a.type_name())));
    };
    let mut sa = SockAddr::empty();
    // SAFETY: the storage is large enough for a sockaddr_un.
    let un = unsafe { &mut *(sa.mut_ptr() as *mut libc::sockaddr_un) };
    if path.len() >= un.sun_path.len() {
        return Err(crate::errors::os_error("AF_UNIX path too long"));
    }
    un.sun_family = libc::AF_UNIX as libc::sa_family_t;
    for (d, s) in un.sun_path.iter_mut().zip(&path) {
        *d = *s as libc::c_char;
    }
    let base = std::mem::size_of::<libc::sa_family_t>();
    sa.len = (base + path.len() + usize::from(path.first() != Some(&0))) as libc::socklen_t;
    Ok(sa)
}

fn ipv4_of(host: &str) -> PyResult<[u8; 4]> {
    match host {
        "" => return Ok([0, 0, 0, 0]),
        "<broadcast>" => return Ok([255, 255, 255, 255]),
        "localhost" => return Ok([127, 0, 0, 1]),
        _ => {}
    }
    if let Ok(ip) = host.parse::<std::net::Ipv4Addr>() {
        return Ok(ip.octets());
    }
    let name = std::ffi::CString::new(host).map_err(|_| value_error("embedded null character"))?;
    // SAFETY: getaddrinfo with valid C strings and zeroed hints; the result list is freed.
    unsafe {
        let mut hints: libc::addrinfo = std::mem::zeroed();
        hints.ai_family = libc::AF_INET;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        let rc = libc::getaddrinfo(name.as_ptr(), std::ptr::null(), &hints, &mut res);
        if rc != 0 || res.is_null() {
            return Err(gai_error(rc));
        }
        let sin = &*((*res).ai_addr as *const libc::sockaddr_in);
        let octets = sin.sin_addr.s_addr.to_ne_bytes();
        libc::freeaddrinfo(res);
        Ok(octets)
    }
}

fn gai_error(rc: i32) -> PyErr {
    // SAFETY: gai_strerror returns a static string.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::gai_strerror(rc)) }.to_string_lossy().into_owned();
    let Ok((_, gaierror)) = error_types() else { return crate::errors::os_error(msg) };
    match protocol::call(gaierror, &[int::from_i64(rc as i64), pystr::from_string(msg)]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

fn inet_addr(fname: &str, a: &Obj) -> PyResult<SockAddr> {
    let items = tuple::as_slice(a)
        .ok_or_else(|| type_error(format!("{fname}(): AF_INET address must be tuple, not {}", a.type_name())))?;
    let [host, port] = items else {
        return Err(type_error("AF_INET address must be a pair (host, port)"));
    };
    let host = pystr::as_str(host).ok_or_else(|| type_error(format!("str, bytes or bytearray expected, not {}", host.type_name())))?;
    let port = int_arg(&Some(port.clone()), 0)?;
    if !(0..=65535).contains(&port) {
        return Err(overflow_error(format!("{fname}(): port must be 0-65535.")));
    }
    let ip = ipv4_of(host)?;
    let mut sa = SockAddr::empty();
    // SAFETY: the storage is large enough for a sockaddr_in.
    let sin = unsafe { &mut *(sa.mut_ptr() as *mut libc::sockaddr_in) };
    sin.sin_family = libc::AF_INET as libc::sa_family_t;
    sin.sin_port = (port as u16).to_be();
    sin.sin_addr.s_addr = u32::from_ne_bytes(ip);
    sa.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
    Ok(sa)
}

fn parse_addr(s: &SockObj, fname: &str, a: &Obj) -> PyResult<SockAddr> {
    match s.family.get() {
        libc::AF_UNIX => unix_addr(fname, a),
        libc::AF_INET => inet_addr(fname, a),
        _ => Err(crate::errors::os_error(format!("{fname}(): bad family"))),
    }
}

/// The Python form of a C address (CPython's `makesockaddr`).
fn make_addr(sa: &SockAddr) -> Obj {
    if sa.len == 0 {
        return none::none();
    }
    match sa.storage.ss_family as i32 {
        libc::AF_UNIX => {
            // SAFETY: the kernel filled a sockaddr_un.
            let un = unsafe { &*(sa.ptr() as *const libc::sockaddr_un) };
            let base = std::mem::size_of::<libc::sa_family_t>();
            let n = (sa.len as usize).saturating_sub(base).min(un.sun_path.len());
            let raw: Vec<u8> = un.sun_path[..n].iter().map(|c| *c as u8).collect();
            if raw.first() == Some(&0) {
                return bytes::new(raw);
            }
            let end = raw.iter().position(|b| *b == 0).unwrap_or(raw.len());
            pystr::from_string(String::from_utf8_lossy(&raw[..end]).into_owned())
        }
        libc::AF_INET => {
            // SAFETY: the kernel filled a sockaddr_in.
            let sin = unsafe { &*(sa.ptr() as *const libc::sockaddr_in) };
            let ip = std::net::Ipv4Addr::from(sin.sin_addr.s_addr.to_ne_bytes());
            tuple::pair(pystr::from_string(ip.to_string()), int::from_i64(u16::from_be(sin.sin_port) as i64))
        }
        f => tuple::pair(int::from_i64(f as i64), bytes::new(Vec::new())),
    }
}

// ----- the socket type -----

fn sock_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let cls = downcast_type(cls).ok_or_else(|| type_error("expected a type"))?;
    Ok(alloc(
        cls,
        SockObj { head: header(), fd: Cell::new(-1), family: Cell::new(libc::AF_INET), kind: Cell::new(libc::SOCK_STREAM), proto: Cell::new(0), timeout: Cell::new(-1.0) },
    ))
}

fn getsockopt_int(fd: i32, level: i32, opt: i32) -> PyResult<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: getsockopt into an int we own.
    if unsafe { libc::getsockopt(fd, level, opt, &mut v as *mut _ as *mut libc::c_void, &mut len) } < 0 {
        return Err(os_error_code(errno(), None, None));
    }
    Ok(v)
}

/// `socket(family=-1, type=-1, proto=-1, fileno=None)`.
fn sock_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("socket", a, kw, &["family", "type", "proto", "fileno"], 0, 4, 0)?;
    let s = sock(o)?;
    let mut family = int_arg(&b[0], -1)? as i32;
    let mut kind = int_arg(&b[1], -1)? as i32;
    let mut proto = int_arg(&b[2], -1)? as i32;
    let fileno = b[3].as_ref().filter(|f| !none::is_none(f));
    let fd = if let Some(f) = fileno {
        let fd = int_arg(&Some(f.clone()), -1)?;
        if fd < 0 {
            return Err(value_error("negative file descriptor"));
        }
        let fd = fd as i32;
        if family == -1 {
            family = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_DOMAIN)?;
        }
        if kind == -1 {
            kind = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_TYPE)?;
        }
        if proto == -1 {
            proto = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_PROTOCOL)?;
        }
        fd
    } else {
        family = if family == -1 { libc::AF_INET } else { family };
        kind = if kind == -1 { libc::SOCK_STREAM } else { kind };
        proto = proto.max(0);
        // SAFETY: socket() with caller-chosen constants; errors are reported.
        let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
        if fd < 0 {
            return Err(os_error_code(errno(), None, None));
        }
        fd
    };
    s.fd.set(fd);
    s.family.set(family);
    s.kind.set(kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
    s.proto.set(proto);
    let t = if kind & libc::SOCK_NONBLOCK != 0 { 0.0 } else { DEFAULT_TIMEOUT.with(|d| d.get()) };
    if t >= 0.0 || fileno.is_none() {
        apply_timeout(s, t)?;
    }
    Ok(none::none())
}

fn arg(a: &[Obj], i: usize) -> Option<Obj> {
    a.get(i).cloned()
}

fn sock_close(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    let fd = s.fd.replace(-1);
    // SAFETY: closing the descriptor this socket owned. ECONNRESET is ignored, as in CPython.
    if fd >= 0 && unsafe { libc::close(fd) } < 0 && errno() != libc::ECONNRESET {
        return Err(os_error_code(errno(), None, None));
    }
    Ok(none::none())
}

fn sock_detach(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_i64(sock(&a[0])?.fd.replace(-1) as i64))
}

fn sock_fileno(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_i64(sock(&a[0])?.fd.get() as i64))
}

fn sock_bind(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    let sa = parse_addr(s, "bind", &a[1])?;
    // SAFETY: bind with an address we built.
    if unsafe { libc::bind(s.fd.get(), sa.ptr(), sa.len) } < 0 {
        return Err(os_error_code(errno(), None, None));
    }
    Ok(none::none())
}

fn sock_listen(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    let backlog = int_arg(&arg(a, 1), 128)?.clamp(0, i32::MAX as i64) as i32;
    // SAFETY: listen on our descriptor.
    if unsafe { libc::listen(s.fd.get(), backlog) } < 0 {
        return Err(os_error_code(errno(), None, None));
    }
    Ok(none::none())
}

/// `_accept()` → (fd, address) as CPython's (socket.py wraps the fd).
fn sock_accept(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    let mut sa = SockAddr::empty();
    let sp = &mut sa as *mut SockAddr as usize;
    let fd = sock_call(s, libc::POLLIN, |fd| {
        // SAFETY: accept4 writes the peer address into our storage (sp points at `sa`,
        // alive for the call).
        let sa = unsafe { &mut *(sp as *mut SockAddr) };
        sa.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        unsafe { libc::accept4(fd, sa.mut_ptr(), &mut sa.len, libc::SOCK_CLOEXEC) as isize }
    })?;
    Ok(tuple::pair(int::from_i64(fd as i64), make_addr(&sa)))
}

fn connect(s: &SockObj, addr: &Obj) -> PyResult<i32> {
    let sa = parse_addr(s, "connect", addr)?;
    let fd = s.fd.get();
    let (r, e) = gil::allow_threads(|| {
        // SAFETY: connect with an address we built.
        let r = unsafe { libc::connect(fd, sa.ptr(), sa.len) };
        (r, errno())
    });
    if r == 0 {
        return Ok(0);
    }
    if e == libc::EINPROGRESS && s.timeout.get() > 0.0 {
        wait_ready(fd, libc::POLLOUT, Instant::now() + Duration::from_secs_f64(s.timeout.get().min(1e9)))?;
        return getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_ERROR);
    }
    if e == libc::EINTR {
        crate::modules::signal::check_signals()?;
    }
    Ok(e)
}

fn sock_connect(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    match connect(s, &a[1])? {
        0 => Ok(none::none()),
        e => Err(os_error_code(e, None, None)),
    }
}

fn sock_connect_ex(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    Ok(int::from_i64(connect(s, &a[1])? as i64))
}

fn data_arg(o: &Obj) -> PyResult<Vec<u8>> {
    bytes::buffer_data(o).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", o.type_name())))
}

fn send_some(s: &SockObj, data: &[u8], flags: i32) -> PyResult<usize> {
    let (p, n) = (data.as_ptr() as usize, data.len());
    // SAFETY: send from a buffer that outlives the call.
    let r = sock_call(s, libc::POLLOUT, |fd| unsafe { libc::send(fd, p as *const libc::c_void, n, flags | libc::MSG_NOSIGNAL) })?;
    Ok(r as usize)
}

fn sock_send(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    let data = data_arg(&a[1])?;
    let flags = int_arg(&arg(a, 2), 0)? as i32;
    Ok(int::from_i64(send_some(s, &data, flags)? as i64))
}

fn sock_sendall(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    let data = data_arg(&a[1])?;
    let flags = int_arg(&arg(a, 2), 0)? as i32;
    let mut off = 0;
    while off < data.len() {
        off += send_some(s, &data[off..], flags)?;
        crate::modules::signal::check_signals()?;
    }
    Ok(none::none())
}

fn recv_some(s: &SockObj, n: usize, flags: i32) -> PyResult<Vec<u8>> {
    let mut buf = vec![0u8; n];
    let p = buf.as_mut_ptr() as usize;
    // SAFETY: recv into our buffer of n bytes.
    let k = sock_call(s, libc::POLLIN, |fd| unsafe { libc::recv(fd, p as *mut libc::c_void, n, flags) })?;
    buf.truncate(k as usize);
    Ok(buf)
}

fn sock_recv(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    let n = int_arg(&arg(a, 1), 0)?;
    if n < 0 {
        return Err(value_error("negative buffersize in recv"));
    }
    let flags = int_arg(&arg(a, 2), 0)? as i32;
    Ok(bytes::new(recv_some(s, n as usize, flags)?))
}

/// `recv_into(buffer[, nbytes[, flags]])`: the buffer must be a bytearray.
fn sock_recv_into(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    let target = &a[1];
    if !bytes::is_bytearray(target) {
        return Err(type_error(format!("recv_into() argument 'buffer' must be read-write bytes-like object, not {}", target.type_name())));
    }
    let cap = bytes::as_bytes_any(target).map_or(0, |b| b.len());
    let n = int_arg(&arg(a, 2), 0)?;
    if n < 0 {
        return Err(value_error("negative buffersize in recv_into"));
    }
    if n as usize > cap {
        return Err(value_error("buffer too small for requested bytes"));
    }
    let n = if n == 0 { cap } else { n as usize };
    let flags = int_arg(&arg(a, 3), 0)? as i32;
    let data = recv_some(s, n, flags)?;
    protocol::setitem(target, &crate::types::slice::new(int::from_i64(0), int::from_i64(data.len() as i64), none::none()), &bytes::new(data.clone()))?;
    Ok(int::from_i64(data.len() as i64))
}

fn sock_shutdown(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    let how = int_arg(&Some(a[1].clone()), 0)? as i32;
    // SAFETY: shutdown on our descriptor.
    if unsafe { libc::shutdown(s.fd.get(), how) } < 0 {
        return Err(os_error_code(errno(), None, None));
    }
    Ok(none::none())
}

fn sock_setblocking(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    apply_timeout(s, if protocol::is_true(&a[1])? { -1.0 } else { 0.0 })?;
    Ok(none::none())
}

fn sock_getblocking(a: &[Obj]) -> PyResult<Obj> {
    Ok(pybool::from_bool(sock(&a[0])?.timeout.get() != 0.0))
}

fn sock_settimeout(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    apply_timeout(s, timeout_arg(&a[1])?)?;
    Ok(none::none())
}

fn sock_gettimeout(a: &[Obj]) -> PyResult<Obj> {
    Ok(timeout_obj(sock(&a[0])?.timeout.get()))
}

fn sock_setsockopt(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    let level = int_arg(&Some(a[1].clone()), 0)? as i32;
    let opt = int_arg(&Some(a[2].clone()), 0)? as i32;
    let buf: Vec<u8> = if crate::types::int::is_int(&a[3]) {
        (int_arg(&Some(a[3].clone()), 0)? as i32).to_ne_bytes().to_vec()
    } else {
        data_arg(&a[3])?
    };
    // SAFETY: setsockopt from our buffer.
    if unsafe { libc::setsockopt(s.fd.get(), level, opt, buf.as_ptr() as *const libc::c_void, buf.len() as libc::socklen_t) } < 0 {
        return Err(os_error_code(errno(), None, None));
    }
    Ok(none::none())
}

fn sock_getsockopt(a: &[Obj]) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    let level = int_arg(&Some(a[1].clone()), 0)? as i32;
    let opt = int_arg(&Some(a[2].clone()), 0)? as i32;
    match arg(a, 3) {
        None => Ok(int::from_i64(getsockopt_int(s.fd.get(), level, opt)? as i64)),
        Some(n) => {
            let n = int_arg(&Some(n), 0)?;
            if !(0..=1024).contains(&n) {
                return Err(crate::errors::os_error("getsockopt buflen out of range"));
            }
            let mut buf = vec![0u8; n as usize];
            let mut len = n as libc::socklen_t;
            // SAFETY: getsockopt into our buffer of len bytes.
            if unsafe { libc::getsockopt(s.fd.get(), level, opt, buf.as_mut_ptr() as *mut libc::c_void, &mut len) } < 0 {
                return Err(os_error_code(errno(), None, None));
            }
            buf.truncate(len as usize);
            Ok(bytes::new(buf))
        }
    }
}

fn name_call(a: &[Obj], f: unsafe extern "C" fn(i32, *mut libc::sockaddr, *mut libc::socklen_t) -> i32) -> PyResult<Obj> {
    let s = sock(&a[0])?;
    let mut sa = SockAddr::empty();
    // SAFETY: the call writes an address of at most sa.len bytes into our storage.
    if unsafe { f(s.fd.get(), sa.mut_ptr(), &mut sa.len) } < 0 {
        return Err(os_error_code(errno(), None, None));
    }
    Ok(make_addr(&sa))
}

fn sock_getsockname(a: &[Obj]) -> PyResult<Obj> {
    name_call(a, libc::getsockname)
}

fn sock_getpeername(a: &[Obj]) -> PyResult<Obj> {
    name_call(a, libc::getpeername)
}

fn get_family(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(sock(o)?.family.get() as i64))
}
fn get_type(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(sock(o)?.kind.get() as i64))
}
fn get_proto(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(sock(o)?.proto.get() as i64))
}
fn get_timeout(o: &Obj) -> PyResult<Obj> {
    Ok(timeout_obj(sock(o)?.timeout.get()))
}

fn sock_repr(o: &Obj) -> PyResult<Obj> {
    let s = sock(o)?;
    Ok(pystr::from_string(format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        s.fd.get(),
        s.family.get(),
        s.kind.get(),
        s.proto.get()
    )))
}

fn sock_spec() -> TypeSpec {
    let mut s = TypeSpec::new("socket", std::mem::size_of::<SockObj>(), drop_sock);
    s.slots.new = Some(sock_new);
    s.slots.init = Some(sock_init);
    s.slots.repr = Some(sock_repr);
    let m = |name, func, min, max| MethodDef::Method { name, func, min, max };
    s.methods = vec![
        m("close", sock_close, 1, 1),
        m("detach", sock_detach, 1, 1),
        m("fileno", sock_fileno, 1, 1),
        m("bind", sock_bind, 2, 2),
        m("listen", sock_listen, 1, 2),
        m("_accept", sock_accept, 1, 1),
        m("connect", sock_connect, 2, 2),
        m("connect_ex", sock_connect_ex, 2, 2),
        m("send", sock_send, 2, 3),
        m("sendall", sock_sendall, 2, 3),
        m("recv", sock_recv, 2, 3),
        m("recv_into", sock_recv_into, 2, 4),
        m("shutdown", sock_shutdown, 2, 2),
        m("setblocking", sock_setblocking, 2, 2),
        m("getblocking", sock_getblocking, 1, 1),
        m("settimeout", sock_settimeout, 2, 2),
        m("gettimeout", sock_gettimeout, 1, 1),
        m("setsockopt", sock_setsockopt, 4, 4),
        m("getsockopt", sock_getsockopt, 3, 4),
        m("getsockname", sock_getsockname, 1, 1),
        m("getpeername", sock_getpeername, 1, 1),
        MethodDef::Getter { name: "family", get: get_family },
        MethodDef::Getter { name: "type", get: get_type },
        MethodDef::Getter { name: "proto", get: get_proto },
        MethodDef::Getter { name: "timeout", get: get_timeout },
    ];
    s
}

// ----- module functions -----

/// A `_socket.socket` around an open descriptor.
fn wrap_fd(fd: i32, family: i32, kind: i32, proto: i32) -> PyResult<Obj> {
    let o = sock_new(&sock_type().as_obj(), &[], &KwArgs::EMPTY)?;
    let s = sock(&o)?;
    s.fd.set(fd);
    s.family.set(family);
    s.kind.set(kind);
    s.proto.set(proto);
    apply_timeout(s, DEFAULT_TIMEOUT.with(|d| d.get()))?;
    Ok(o)
}

fn m_socketpair(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("socketpair", a, kw, &["family", "type", "proto"], 3, 3, 0)?;
    let family = int_arg(&b[0], libc::AF_UNIX as i64)? as i32;
    let kind = int_arg(&b[1], libc::SOCK_STREAM as i64)? as i32;
    let proto = int_arg(&b[2], 0)? as i32;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: socketpair writes two descriptors into our array.
    if unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } < 0 {
        return Err(os_error_code(errno(), None, None));
    }
    Ok(tuple::pair(wrap_fd(fds[0], family, kind, proto)?, wrap_fd(fds[1], family, kind, proto)?))
}

fn one_int(fname: &str, a: &[Obj], kw: &KwArgs) -> PyResult<i64> {
    let b = bind_args(fname, a, kw, &[""], 1, 1, 1)?;
    int_arg(&b[0], 0)
}

fn m_dup(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let fd = one_int("dup", a, kw)? as i32;
    // SAFETY: F_DUPFD_CLOEXEC on a caller's descriptor; errors are reported.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(os_error_code(errno(), None, None));
    }
    Ok(int::from_i64(r as i64))
}

fn m_close(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let fd = one_int("close", a, kw)? as i32;
    // SAFETY: closing a caller's descriptor.
    if unsafe { libc::close(fd) } < 0 && errno() != libc::ECONNRESET {
        return Err(os_error_code(errno(), None, None));
    }
    Ok(none::none())
}

fn m_getdefaulttimeout(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bind_args("getdefaulttimeout", a, kw, &[], 0, 0, 0)?;
    Ok(timeout_obj(DEFAULT_TIMEOUT.with(|d| d.get())))
}

fn m_setdefaulttimeout(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("setdefaulttimeout", a, kw, &[""], 1, 1, 1)?;
    let t = timeout_arg(b[0].as_ref().unwrap())?;
    DEFAULT_TIMEOUT.with(|d| d.set(t));
    Ok(none::none())
}

fn m_gethostname(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bind_args("gethostname", a, kw, &[], 0, 0, 0)?;
    let mut buf = [0u8; 256];
    // SAFETY: gethostname into our buffer.
    if unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) } < 0 {
        return Err(os_error_code(errno(), None, None));
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    Ok(pystr::from_string(String::from_utf8_lossy(&buf[..end]).into_owned()))
}

fn byte_order(fname: &str, a: &[Obj], kw: &KwArgs, bits: u32) -> PyResult<Obj> {
    let v = one_int(fname, a, kw)?;
    if v < 0 {
        return Err(overflow_error(format!("{fname}: can't convert negative Python int to C {}", if bits == 16 { "16-bit unsigned integer" } else { "unsigned long" })));
    }
    if bits == 16 {
        if v > 0xffff {
            return Err(overflow_error(format!("{fname}: Python int too large to convert to C 16-bit unsigned integer")));
        }
        return Ok(int::from_i64((v as u16).swap_bytes() as i64));
    }
    if v > u32::MAX as i64 {
        return Err(overflow_error("int larger than 32 bits"));
    }
    Ok(int::from_i64((v as u32).swap_bytes() as i64))
}

fn m_htons(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    byte_order("htons", a, kw, 16)
}
fn m_ntohs(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    byte_order("ntohs", a, kw, 16)
}
fn m_htonl(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    byte_order("htonl", a, kw, 32)
}
fn m_ntohl(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    byte_order("ntohl", a, kw, 32)
}

/// `herror` and `gaierror` (OSError subclasses), created once.
static ERRORS: GilCell<Cell<Option<(&'static Obj, &'static Obj)>>> = GilCell::new(Cell::new(None));

fn error_types() -> PyResult<(&'static Obj, &'static Obj)> {
    if let Some(e) = ERRORS.with(|e| e.get()) {
        return Ok(e);
    }
    let herror: &'static Obj = Box::leak(Box::new(super::binascii::new_exception_class("socket", "herror", exc().os_error)?));
    let gaierror: &'static Obj = Box::leak(Box::new(super::binascii::new_exception_class("socket", "gaierror", exc().os_error)?));
    crate::gc::immortalize_graph(herror);
    crate::gc::immortalize_graph(gaierror);
    ERRORS.with(|e| e.set(Some((herror, gaierror))));
    Ok((herror, gaierror))
}

const CONSTANTS: &[(&str, i64)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC as i64),
    ("AF_UNIX", libc::AF_UNIX as i64),
    ("AF_INET", libc::AF_INET as i64),
    ("AF_INET6", libc::AF_INET6 as i64),
    ("SOCK_STREAM", libc::SOCK_STREAM as i64),
    ("SOCK_DGRAM", libc::SOCK_DGRAM as i64),
    ("SOCK_RAW", libc::SOCK_RAW as i64),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET as i64),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK as i64),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC as i64),
    ("SOL_SOCKET", libc::SOL_SOCKET as i64),
    ("SO_REUSEADDR", libc::SO_REUSEADDR as i64),
    ("SO_REUSEPORT", libc::SO_REUSEPORT as i64),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64),
    ("SO_BROADCAST", libc::SO_BROADCAST as i64),
    ("SO_ERROR", libc::SO_ERROR as i64),
    ("SO_TYPE", libc::SO_TYPE as i64),
    ("SO_RCVBUF", libc::SO_RCVBUF as i64),
    ("SO_SNDBUF", libc::SO_SNDBUF as i64),
    ("SO_LINGER", libc::SO_LINGER as i64),
    ("SO_DOMAIN", libc::SO_DOMAIN as i64),
    ("SO_PROTOCOL", libc::SO_PROTOCOL as i64),
    ("SOMAXCONN", libc::SOMAXCONN as i64),
    ("SHUT_RD", libc::SHUT_RD as i64),
    ("SHUT_WR", libc::SHUT_WR as i64),
    ("SHUT_RDWR", libc::SHUT_RDWR as i64),
    ("MSG_PEEK", libc::MSG_PEEK as i64),
    ("MSG_WAITALL", libc::MSG_WAITALL as i64),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT as i64),
    ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL as i64),
    ("MSG_OOB", libc::MSG_OOB as i64),
    ("IPPROTO_IP", libc::IPPROTO_IP as i64),
    ("IPPROTO_TCP", libc::IPPROTO_TCP as i64),
    ("IPPROTO_UDP", libc::IPPROTO_UDP as i64),
    ("TCP_NODELAY", libc::TCP_NODELAY as i64),
    ("AI_PASSIVE", libc::AI_PASSIVE as i64),
    ("AI_CANONNAME", libc::AI_CANONNAME as i64),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST as i64),
    ("INADDR_ANY", 0),
    ("INADDR_LOOPBACK", 0x7f00_0001),
];

pub fn create() -> PyResult<Obj> {
    let m = module::new("_socket");
    let d = module::dict(&m);
    let t = sock_type().as_obj();
    dict::set_item_str(&d, "socket", t.clone());
    dict::set_item_str(&d, "SocketType", t);
    let fns: &[(&'static str, CallFn)] = &[
        ("socketpair", m_socketpair), ("dup", m_dup), ("close", m_close),
        ("getdefaulttimeout", m_getdefaulttimeout), ("setdefaulttimeout", m_setdefaulttimeout),
        ("gethostname", m_gethostname), ("htons", m_htons), ("ntohs", m_ntohs), ("htonl", m_htonl),
        ("ntohl", m_ntohl),
    ];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("_socket", name, *func));
    }
    for (name, v) in CONSTANTS {
        dict::set_item_str(&d, name, int::from_i64(*v));
    }
    let (herror, gaierror) = error_types()?;
    dict::set_item_str(&d, "error", exc().os_error.as_obj());
    dict::set_item_str(&d, "timeout", exc().timeout_error.as_obj());
    dict::set_item_str(&d, "herror", herror.clone());
    dict::set_item_str(&d, "gaierror", gaierror.clone());
    dict::set_item_str(&d, "has_ipv6", pybool::from_bool(false));
    Ok(m)
}
