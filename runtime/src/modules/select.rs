//! The `select` module: `select.select`, `poll` objects and `epoll` objects (what
//! `selectors.DefaultSelector`, `subprocess` and `multiprocessing` use), the POLL*/EPOLL*
//! constants and `error` (= OSError). Every wait releases the GIL; a wait interrupted by
//! a signal runs the Python handlers (which may raise) and resumes with the time left
//! (PEP 475). Also owns `fileno_of`, CPython's `PyObject_AsFileDescriptor`.

use crate::errors::{key_error, overflow_error, runtime_error, type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::int::bind_args;
use crate::types::typeobj::{as_type, drop_as, CallFn, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, dict, float, int, list, module, none, str as pystr, tuple, TypeSpec};

use super::posix::{last_error, os_error_code};

// ----- argument conversion -----

/// The file descriptor of an int or of an object with a `fileno()` method.
pub fn fileno_of(o: &Obj) -> PyResult<i32> {
    let v = if int::is_int(o) {
        o.clone()
    } else {
        match protocol::getattr_opt(o, &pystr::new("fileno"))? {
            Some(f) => {
                let r = protocol::call(&f, &[])?;
                if !int::is_int(&r) {
                    return Err(type_error("fileno() returned a non-integer"));
                }
                r
            }
            None => return Err(type_error("argument must be an int, or have a fileno() method.")),
        }
    };
    let fd = int::to_i64(&v)
        .and_then(|x| i32::try_from(x).ok())
        .ok_or_else(|| overflow_error("Python int too large to convert to C int"))?;
    if fd < 0 {
        return Err(value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

/// A timeout in seconds or milliseconds (`unit_ns` per unit) as nanoseconds rounded up,
/// `None` for None. `type_msg` is the TypeError's message.
fn timeout_ns(o: &Option<Obj>, unit_ns: f64, type_msg: &str) -> PyResult<Option<i128>> {
    let Some(o) = o.as_ref().filter(|o| !none::is_none(o)) else { return Ok(None) };
    let x = if let Some(f) = float::as_f64(o) {
        if f.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        f
    } else if int::is_int(o) {
        int::int_to_f64(o).unwrap_or(f64::INFINITY)
    } else {
        return Err(type_error(type_msg));
    };
    let ns = (x * unit_ns).ceil();
    if ns.abs() >= 9.2e18 {
        return Err(overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(Some(ns as i128))
}

fn now_ns() -> i128 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes into the timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

/// Milliseconds (rounded up) left until `deadline`, -1 for no deadline.
fn ms_left(deadline: Option<i128>) -> i32 {
    match deadline {
        None => -1,
        Some(d) => ((d - now_ns()).max(0) + 999_999).div_euclid(1_000_000).min(i32::MAX as i128) as i32,
    }
}

/// Runs a blocking wait without the GIL until it returns something else than EINTR;
/// after an EINTR the pending signal handlers run (an exception ends the wait).
fn wait_retrying(mut wait: impl FnMut() -> i32) -> PyResult<i32> {
    loop {
        let r = crate::gil::allow_threads(&mut wait);
        if r >= 0 {
            return Ok(r);
        }
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        if e != libc::EINTR {
            return Err(os_error_code(e, None, None));
        }
        super::signal::check_signals()?;
    }
}

// ----- select.select -----

/// The items of one of `select`'s three sequences with their descriptors.
fn fd_items(o: &Obj) -> PyResult<Vec<(Obj, i32)>> {
    let items = match tuple::as_slice(o).or_else(|| list::as_slice_opt(o)) {
        Some(s) => s.to_vec(),
        None => {
            protocol::iter(o).map_err(|_| type_error("arguments 1-3 must be sequences"))?;
            protocol::collect(o)?
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let fd = fileno_of(&it)?;
        if fd >= libc::FD_SETSIZE as i32 {
            return Err(value_error("filedescriptor out of range in select()"));
        }
        out.push((it, fd));
    }
    Ok(out)
}

fn fill_set(set: &mut libc::fd_set, items: &[(Obj, i32)]) -> i32 {
    // SAFETY: FD_ZERO/FD_SET on a set we own with descriptors below FD_SETSIZE.
    unsafe { libc::FD_ZERO(set) };
    let mut max = -1;
    for (_, fd) in items {
        unsafe { libc::FD_SET(*fd, set) };
        max = max.max(*fd);
    }
    max
}

fn ready(set: &libc::fd_set, items: &[(Obj, i32)]) -> Obj {
    // SAFETY: FD_ISSET reads a set we own with descriptors below FD_SETSIZE.
    list::new(items.iter().filter(|(_, fd)| unsafe { libc::FD_ISSET(*fd, set) }).map(|(o, _)| o.clone()).collect())
}

fn s_select(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("select", a, kw, &["", "", "", ""], 4, 4, 3)?;
    let timeout = timeout_ns(&b[3], 1e9, "timeout must be a float or None")?;
    if timeout.map_or(false, |t| t < 0) {
        return Err(value_error("timeout must be non-negative"));
    }
    let lists = [fd_items(b[0].as_ref().unwrap())?, fd_items(b[1].as_ref().unwrap())?, fd_items(b[2].as_ref().unwrap())?];
    let deadline = timeout.map(|t| now_ns() + t);
    // SAFETY: an all-zero fd_set is a valid empty set.
    let mut sets: [libc::fd_set; 3] = unsafe { std::mem::zeroed() };
    wait_retrying(|| {
        let mut nfds = 0;
        for (set, items) in sets.iter_mut().zip(&lists) {
            nfds = nfds.max(fill_set(set, items) + 1);
        }
        let mut tv = deadline.map(|d| {
            let left = (d - now_ns()).max(0);
            libc::timeval { tv_sec: (left / 1_000_000_000) as libc::time_t, tv_usec: ((left % 1_000_000_000) / 1000) as libc::suseconds_t }
        });
        let tvp = tv.as_mut().map_or(std::ptr::null_mut(), |t| t as *mut libc::timeval);
        let [r, w, x] = &mut sets;
        // SAFETY: the sets and the timeval are ours and outlive the call.
        unsafe { libc::select(nfds, r, w, x, tvp) }
    })?;
    Ok(tuple::new((0..3).map(|i| ready(&sets[i], &lists[i])).collect()))
}

// ----- poll objects -----

#[repr(C)]
pub struct PollObj {
    head: ObjHeader,
    /// Registered descriptors and their event masks, in registration order.
    fds: Vec<(i32, i16)>,
    running: bool,
}

fn poll_of(o: &Obj) -> &mut PollObj {
    // SAFETY: poll methods are only reachable through instances of the poll type.
    unsafe { o.payload_mut::<PollObj>() }
}

/// `unsigned short` conversion with CPython's messages.
fn ushort_mask(o: &Option<Obj>, default: i16) -> PyResult<i16> {
    let Some(o) = o else { return Ok(default) };
    let v = protocol::index_i64(o)?;
    if v < 0 {
        return Err(value_error("value must be positive"));
    }
    if v > u16::MAX as i64 {
        return Err(overflow_error("Python int too large for C unsigned short"));
    }
    Ok(v as u16 as i16)
}

const DEFAULT_POLL: i16 = libc::POLLIN | libc::POLLPRI | libc::POLLOUT;

fn poll_register(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("register", a, kw, &["", ""], 2, 2, 1)?;
    let fd = fileno_of(b[0].as_ref().unwrap())?;
    let mask = ushort_mask(&b[1], DEFAULT_POLL)?;
    let p = poll_of(o);
    match p.fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = mask,
        None => p.fds.push((fd, mask)),
    }
    Ok(none::none())
}

fn poll_modify(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("modify", a, kw, &["", ""], 2, 2, 2)?;
    let fd = fileno_of(b[0].as_ref().unwrap())?;
    let mask = ushort_mask(&b[1], DEFAULT_POLL)?;
    match poll_of(o).fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = mask,
        None => return Err(os_error_code(libc::ENOENT, None, None)),
    }
    Ok(none::none())
}

fn poll_unregister(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("unregister", a, kw, &[""], 1, 1, 1)?;
    let fd = fileno_of(b[0].as_ref().unwrap())?;
    let p = poll_of(o);
    match p.fds.iter().position(|(f, _)| *f == fd) {
        Some(i) => p.fds.remove(i),
        None => return Err(key_error(int::from_i64(fd as i64))),
    };
    Ok(none::none())
}

fn poll_poll(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("poll", a, kw, &[""], 1, 1, 0)?;
    let timeout = timeout_ns(&b[0], 1e6, "timeout must be an integer or None")?;
    let deadline = timeout.filter(|t| *t >= 0).map(|t| now_ns() + t);
    let p = poll_of(o);
    if p.running {
        return Err(runtime_error("concurrent poll() invocation"));
    }
    let mut ufds: Vec<libc::pollfd> = p.fds.iter().map(|(fd, ev)| libc::pollfd { fd: *fd, events: *ev, revents: 0 }).collect();
    p.running = true;
    // SAFETY: poll on the pollfd array we own.
    let r = wait_retrying(|| unsafe { libc::poll(ufds.as_mut_ptr(), ufds.len() as libc::nfds_t, ms_left(deadline)) });
    poll_of(o).running = false;
    r?;
    let out = ufds.iter().filter(|u| u.revents != 0);
    Ok(list::new(out.map(|u| tuple::pair(int::from_i64(u.fd as i64), int::from_i64(u.revents as u16 as i64))).collect()))
}

fn poll_spec() -> TypeSpec {
    let mut s = TypeSpec::new("poll", std::mem::size_of::<PollObj>(), drop_as::<PollObj>);
    s.final_ = true;
    s.methods = vec![
        MethodDef::MethodKw { name: "register", func: poll_register },
        MethodDef::MethodKw { name: "modify", func: poll_modify },
        MethodDef::MethodKw { name: "unregister", func: poll_unregister },
        MethodDef::MethodKw { name: "poll", func: poll_poll },
    ];
    s
}

fn s_poll(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    bind_args("poll", a, kw, &[], 0, 0, 0)?;
    Ok(alloc(tys().poll, PollObj { head: header(), fds: Vec::new(), running: false }))
}

// ----- epoll objects -----

#[repr(C)]
pub struct EpollObj {
    head: ObjHeader,
    /// The epoll descriptor, -1 once closed.
    epfd: i32,
}

impl Drop for EpollObj {
    fn drop(&mut self) {
        if self.epfd >= 0 {
            // SAFETY: we own the descriptor.
            unsafe { libc::close(self.epfd) };
        }
    }
}

fn epoll_of(o: &Obj) -> &mut EpollObj {
    // SAFETY: epoll methods are only reachable through instances of the epoll type.
    unsafe { o.payload_mut::<EpollObj>() }
}

fn open_epfd(o: &Obj) -> PyResult<i32> {
    match epoll_of(o).epfd {
        fd if fd >= 0 => Ok(fd),
        _ => Err(value_error("I/O operation on closed epoll object")),
    }
}

fn epoll_new(cls: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("epoll", a, kw, &["sizehint", "flags"], 0, 2, 0)?;
    let size = b[0].as_ref().map_or(Ok(-1), protocol::index_i64)?;
    let flags = b[1].as_ref().map_or(Ok(0), protocol::index_i64)?;
    if size != -1 && size <= 0 {
        return Err(value_error("negative sizehint"));
    }
    if flags != 0 && flags != libc::EPOLL_CLOEXEC as i64 {
        return Err(crate::errors::os_error("invalid flags"));
    }
    // SAFETY: epoll_create1 returns a new descriptor or -1.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(last_error(None));
    }
    Ok(alloc(as_type(cls), EpollObj { head: header(), epfd: fd }))
}

fn epoll_fromfd(cls: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("fromfd", a, kw, &[""], 1, 1, 1)?;
    let fd = protocol::index_i64(b[0].as_ref().unwrap())? as i32;
    Ok(alloc(as_type(cls), EpollObj { head: header(), epfd: fd }))
}

fn epoll_ctl(o: &Obj, op: i32, fd_obj: &Obj, mask: u32) -> PyResult<Obj> {
    let epfd = open_epfd(o)?;
    let fd = fileno_of(fd_obj)?;
    let mut ev = libc::epoll_event { events: mask, u64: fd as u64 };
    // SAFETY: epoll_ctl reads the event we own.
    if unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) } < 0 {
        return Err(last_error(None));
    }
    Ok(none::none())
}

fn event_mask(o: &Option<Obj>) -> PyResult<u32> {
    match o {
        None => Ok((libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32),
        Some(v) if float::is_float(v) => Err(type_error("'float' object cannot be interpreted as an integer")),
        Some(v) => Ok(protocol::index_i64(v)? as u32),
    }
}

fn epoll_register(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("register", a, kw, &["fd", "eventmask"], 0, 2, 1)?;
    epoll_ctl(o, libc::EPOLL_CTL_ADD, b[0].as_ref().unwrap(), event_mask(&b[1])?)
}

fn epoll_modify(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("modify", a, kw, &["fd", "eventmask"], 0, 2, 2)?;
    epoll_ctl(o, libc::EPOLL_CTL_MOD, b[0].as_ref().unwrap(), event_mask(&b[1])?)
}

fn epoll_unregister(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("unregister", a, kw, &["fd"], 0, 1, 1)?;
    epoll_ctl(o, libc::EPOLL_CTL_DEL, b[0].as_ref().unwrap(), 0)
}

fn epoll_poll(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("poll", a, kw, &["timeout", "maxevents"], 0, 2, 0)?;
    let epfd = open_epfd(o)?;
    let timeout = timeout_ns(&b[0], 1e9, "timeout must be an integer or None")?;
    let deadline = timeout.filter(|t| *t >= 0).map(|t| now_ns() + t);
    let mut maxevents = b[1].as_ref().map_or(Ok(-1), protocol::index_i64)?;
    if maxevents == -1 {
        maxevents = libc::FD_SETSIZE as i64 - 1;
    } else if maxevents < 1 {
        return Err(value_error(format!("maxevents must be greater than 0, got {maxevents}")));
    }
    let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents.min(1 << 20) as usize];
    // SAFETY: epoll_wait fills at most evs.len() events of the buffer we own.
    let n = wait_retrying(|| unsafe { libc::epoll_wait(epfd, evs.as_mut_ptr(), evs.len() as i32, ms_left(deadline)) })?;
    let out = evs[..n as usize].iter().map(|e| {
        let (fd, events) = (e.u64 as i32, e.events);
        tuple::pair(int::from_i64(fd as i64), int::from_i64(events as i64))
    });
    Ok(list::new(out.collect()))
}

fn epoll_close_m(a: &[Obj]) -> PyResult<Obj> {
    let e = epoll_of(&a[0]);
    if e.epfd >= 0 {
        // SAFETY: we own the descriptor and forget it right after.
        unsafe { libc::close(e.epfd) };
        e.epfd = -1;
    }
    Ok(none::none())
}

fn epoll_fileno(a: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_i64(open_epfd(&a[0])? as i64))
}

fn epoll_closed(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(epoll_of(o).epfd < 0))
}

fn epoll_enter(a: &[Obj]) -> PyResult<Obj> {
    open_epfd(&a[0])?;
    Ok(a[0].clone())
}

fn epoll_spec() -> TypeSpec {
    let mut s = TypeSpec::new("epoll", std::mem::size_of::<EpollObj>(), drop_as::<EpollObj>);
    s.slots.new = Some(epoll_new);
    s.methods = vec![
        MethodDef::MethodKw { name: "register", func: epoll_register },
        MethodDef::MethodKw { name: "modify", func: epoll_modify },
        MethodDef::MethodKw { name: "unregister", func: epoll_unregister },
        MethodDef::MethodKw { name: "poll", func: epoll_poll },
        MethodDef::Method { name: "close", func: epoll_close_m, min: 1, max: 1 },
        MethodDef::Method { name: "fileno", func: epoll_fileno, min: 1, max: 1 },
        MethodDef::Method { name: "__enter__", func: epoll_enter, min: 1, max: 1 },
        MethodDef::Method { name: "__exit__", func: epoll_close_m, min: 1, max: 4 },
        MethodDef::Getter { name: "closed", get: epoll_closed },
        MethodDef::ClassMethod { name: "fromfd", func: epoll_fromfd },
    ];
    s
}

// ----- the module -----

struct Types {
    poll: &'static TypeObject,
    epoll: &'static TypeObject,
}

static TYPES: crate::gil::GilCell<std::cell::Cell<Option<&'static Types>>> = crate::gil::GilCell::new(std::cell::Cell::new(None));

fn tys() -> &'static Types {
    if let Some(t) = TYPES.with(|t| t.get()) {
        return t;
    }
    let t: &'static Types = Box::leak(Box::new(Types { poll: super::make_type(poll_spec()), epoll: super::make_type(epoll_spec()) }));
    *t.poll.module.borrow_mut() = "select".to_string();
    *t.epoll.module.borrow_mut() = "select".to_string();
    TYPES.with(|c| c.set(Some(t)));
    t
}

const CONSTANTS: &[(&str, i64)] = &[
    ("PIPE_BUF", libc::PIPE_BUF as i64),
    ("POLLIN", libc::POLLIN as i64), ("POLLPRI", libc::POLLPRI as i64), ("POLLOUT", libc::POLLOUT as i64),
    ("POLLERR", libc::POLLERR as i64), ("POLLHUP", libc::POLLHUP as i64), ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64), ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64), ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLMSG", 0x400), ("POLLRDHUP", 0x2000),
    ("EPOLLIN", libc::EPOLLIN as i64), ("EPOLLOUT", libc::EPOLLOUT as i64), ("EPOLLPRI", libc::EPOLLPRI as i64),
    ("EPOLLERR", libc::EPOLLERR as i64), ("EPOLLHUP", libc::EPOLLHUP as i64), ("EPOLLET", libc::EPOLLET as u32 as i64),
    ("EPOLLONESHOT", libc::EPOLLONESHOT as i64), ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
    ("EPOLLRDHUP", libc::EPOLLRDHUP as i64), ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
    ("EPOLLRDBAND", libc::EPOLLRDBAND as i64), ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
    ("EPOLLWRBAND", libc::EPOLLWRBAND as i64), ("EPOLLMSG", libc::EPOLLMSG as i64),
    ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
];

/// Creates the `select` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("select");
    let d = module::dict(&m);
    let fns: &[(&'static str, CallFn)] = &[("select", s_select), ("poll", s_poll)];
    for (name, func) in fns {
        dict::set_item_str(&d, name, new_builtin_in("select", name, *func));
    }
    for (name, v) in CONSTANTS {
        dict::set_item_str(&d, name, int::from_i64(*v));
    }
    dict::set_item_str(&d, "epoll", tys().epoll.as_obj());
    dict::set_item_str(&d, "error", crate::types::exceptions::exc().os_error.as_obj());
    Ok(m)
}
