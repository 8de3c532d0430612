//! The `sys` module, and the process's standard streams: a small `_io`-like text stream
//! type (`TextStream`: write/flush/readline/read/fileno/isatty) used for `sys.stdout`,
//! `sys.stderr` and `sys.stdin`. stdout is line-buffered on a tty and block-buffered
//! otherwise (flushed at exit), like CPython; stderr is written through at once.

use std::cell::RefCell;
use std::io::{BufRead, Read, Write};

use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{drop_as, KwArgs, MethodDef, TypeObject};
use crate::types::{self, dict, int, list, module, none, str as pystr, tuple, types, TypeSpec};

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static SYS: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));
static MODULES: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));
static STREAM_TYPE: crate::gil::GilCell<RefCell<Option<&'static TypeObject>>> = crate::gil::GilCell::new(RefCell::new(None));
static STDOUT_BUF: crate::gil::GilCell<RefCell<Vec<u8>>> = crate::gil::GilCell::new(RefCell::new(Vec::new()));
static STDOUT_TTY: crate::gil::GilCell<std::cell::Cell<u8>> = crate::gil::GilCell::new(std::cell::Cell::new(2));

// ----- raw stdout/stderr -----

fn stdout_is_tty() -> bool {
    STDOUT_TTY.with(|c| {
        if c.get() == 2 {
            c.set(unsafe { libc::isatty(1) } as u8);
        }
        c.get() == 1
    })
}

/// `PYTHONUNBUFFERED` set to a non-empty value: every write goes straight to fd 1, as
/// CPython's `-u` does.
fn stdout_unbuffered() -> bool {
    static UNBUFFERED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *UNBUFFERED.get_or_init(|| std::env::var_os("PYTHONUNBUFFERED").map_or(false, |v| !v.is_empty()))
}

fn os_error_of(e: std::io::Error) -> PyErr {
    crate::modules::posix::os_error_code(e.raw_os_error().unwrap_or(libc::EIO), None, None)
}

/// Writes to the process's stdout buffer (flushed per line on a tty, per 8 KiB else),
/// ignoring write errors (for runtime messages).
pub fn write_stdout(s: &str) {
    let _ = try_write_stdout(s);
}

/// `sys.stdout.write`/`print`: as CPython, a failed flush raises OSError (BrokenPipeError
/// once the reader of a pipe is gone: SIGPIPE is ignored) and drops the pending bytes.
pub fn try_write_stdout(s: &str) -> PyResult<()> {
    let r = STDOUT_BUF.with(|b| {
        let mut b = b.borrow_mut();
        b.extend_from_slice(s.as_bytes());
        let flush = stdout_unbuffered() || if stdout_is_tty() { s.contains('\n') } else { b.len() >= 8192 };
        if !flush {
            return Ok(());
        }
        write_out_buffer(&mut b)
    });
    r.map_err(os_error_of)
}

/// Writes and empties the pending stdout bytes; they are dropped even when the write
/// fails, as CPython drops a buffer it could not flush.
fn write_out_buffer(b: &mut Vec<u8>) -> std::io::Result<()> {
    let r = if b.is_empty() { Ok(()) } else { std::io::stdout().write_all(b) };
    b.clear();
    r.and_then(|_| std::io::stdout().flush())
}

/// Flushes the stdout buffer, ignoring errors (runtime-internal flushes).
pub fn flush_stdout() {
    let _ = try_flush_stdout();
}

/// Flushes the stdout buffer (`sys.stdout.flush()`): a failed write raises OSError.
pub fn try_flush_stdout() -> PyResult<()> {
    STDOUT_BUF.with(|b| write_out_buffer(&mut b.borrow_mut())).map_err(os_error_of)
}

/// CPython's `flush_io()` before it prints an uncaught exception: `sys.stdout` is flushed
/// with errors ignored, and bytes that could not be written stay buffered, so that the
/// flush at exit fails again and reports it (exit status 120).
pub fn flush_io_before_traceback() {
    match get_attr("stdout") {
        Some(o) if !is_default_stream(&o, 1) && !crate::types::none::is_none(&o) => {
            let _ = protocol::call_method(&o, "flush", &[]);
        }
        _ => STDOUT_BUF.with(|b| {
            let mut b = b.borrow_mut();
            let mut out = std::io::stdout();
            if b.is_empty() || out.write_all(&b).and_then(|_| out.flush()).is_ok() {
                b.clear();
            }
        }),
    }
}

/// CPython's flush of the standard streams at exit: `sys.stdout` (the program's
/// replacement if it set one) is flushed; a failure is reported as "Exception ignored
/// in: <stream>" and makes the exit status 120. Returns whether the flush succeeded.
pub fn flush_std_files_at_exit() -> bool {
    let stdout = get_attr("stdout");
    let r = match &stdout {
        Some(o) if !is_default_stream(o, 1) && !crate::types::none::is_none(o) => {
            protocol::call_method(o, "flush", &[]).map(|_| ())
        }
        _ => try_flush_stdout(),
    };
    match r {
        Ok(()) => true,
        Err(e) => {
            let what = stdout.and_then(|o| protocol::repr_string(&o).ok()).unwrap_or_default();
            crate::types::traceback::print_unraisable(&format!("Exception ignored in: {}", what), &e.0);
            false
        }
    }
}

/// Writes to stderr (unbuffered; goes through `sys.stderr` if the program replaced it).
pub fn write_stderr(s: &str) {
    if let Some(e) = get_attr("stderr") {
        if !is_default_stream(&e, 2) {
            if protocol::call_method(&e, "write", &[pystr::new(s)]).is_ok() {
                return;
            }
        }
    }
    let _ = std::io::stderr().write_all(s.as_bytes());
}

// ----- TextStream -----

#[repr(C)]
pub struct StreamObj {
    pub head: ObjHeader,
    pub fd: i32,
    pub name: &'static str,
    pub mode: &'static str,
    pub closed: bool,
}

fn stream_type() -> &'static TypeObject {
    STREAM_TYPE.with(|t| *t.borrow()).expect("sys not initialized")
}

fn as_stream(o: &Obj) -> Option<&mut StreamObj> {
    let t = STREAM_TYPE.with(|t| *t.borrow())?;
    if o.isinstance(t) {
        Some(unsafe { o.payload_mut::<StreamObj>() })
    } else {
        None
    }
}

/// Is `o` the runtime's own stream for `fd`?
pub fn is_default_stream(o: &Obj, fd: i32) -> bool {
    as_stream(o).map_or(false, |s| s.fd == fd)
}

fn s_write(args: &[Obj]) -> PyResult<Obj> {
    let st = as_stream(&args[0]).ok_or_else(|| type_error("expected a stream"))?;
    let Some(s) = pystr::as_str(&args[1]) else {
        return Err(type_error(format!("write() argument must be str, not {}", args[1].type_name())));
    };
    if st.closed {
        return Err(value_error("I/O operation on closed file."));
    }
    match st.fd {
        1 => try_write_stdout(s)?,
        2 => {
            flush_stdout_if_tty();
            let _ = std::io::stderr().write_all(s.as_bytes());
        }
        _ => return Err(crate::errors::new_error(crate::types::exceptions::exc().os_error, "not writable")),
    }
    Ok(int::from_i64(pystr::char_len(&args[1]) as i64))
}

fn flush_stdout_if_tty() {
    if stdout_is_tty() {
        flush_stdout();
    }
}

fn s_flush(args: &[Obj]) -> PyResult<Obj> {
    if let Some(st) = as_stream(&args[0]) {
        if st.fd == 1 {
            try_flush_stdout()?;
        }
    }
    Ok(none::none())
}

/// Reads one line from stdin (with its newline; "" at EOF).
pub fn read_stdin_line() -> String {
    let mut s = String::new();
    // Blocks on a terminal or pipe: other threads run meanwhile.
    crate::gil::allow_threads(|| std::io::stdin().lock().read_line(&mut s).ok());
    s
}

fn s_readline(args: &[Obj]) -> PyResult<Obj> {
    let st = as_stream(&args[0]).ok_or_else(|| type_error("expected a stream"))?;
    if st.fd != 0 {
        return Err(crate::errors::new_error(crate::types::exceptions::exc().os_error, "not readable"));
    }
    flush_stdout();
    Ok(pystr::from_string(read_stdin_line()))
}

fn s_read(args: &[Obj]) -> PyResult<Obj> {
    let st = as_stream(&args[0]).ok_or_else(|| type_error("expected a stream"))?;
    if st.fd != 0 {
        return Err(crate::errors::new_error(crate::types::exceptions::exc().os_error, "not readable"));
    }
    flush_stdout();
    let n = match args.get(1) {
        Some(v) if !none::is_none(v) => protocol::index_i64(v)?,
        _ => -1,
    };
    let mut s = String::new();
    if n < 0 {
        crate::gil::allow_threads(|| std::io::stdin().lock().read_to_string(&mut s).ok());
    } else {
        let mut buf = vec![0u8; n as usize];
        let k = crate::gil::allow_threads(|| std::io::stdin().lock().read(&mut buf).unwrap_or(0));
        s = String::from_utf8_lossy(&buf[..k]).into_owned();
    }
    Ok(pystr::from_string(s))
}

fn s_readlines(args: &[Obj]) -> PyResult<Obj> {
    let mut out = Vec::new();
    loop {
        let l = s_readline(&args[..1])?;
        if pystr::char_len(&l) == 0 {
            break;
        }
        out.push(l);
    }
    Ok(list::new(out))
}

fn s_fileno(args: &[Obj]) -> PyResult<Obj> {
    Ok(int::from_i64(as_stream(&args[0]).map_or(-1, |s| s.fd) as i64))
}
fn s_isatty(args: &[Obj]) -> PyResult<Obj> {
    let fd = as_stream(&args[0]).map_or(-1, |s| s.fd);
    Ok(types::bool::from_bool(unsafe { libc::isatty(fd) } == 1))
}
fn s_true(_args: &[Obj]) -> PyResult<Obj> {
    Ok(types::bool::from_bool(true))
}
fn s_readable(args: &[Obj]) -> PyResult<Obj> {
    Ok(types::bool::from_bool(as_stream(&args[0]).map_or(false, |s| s.fd == 0)))
}
fn s_writable(args: &[Obj]) -> PyResult<Obj> {
    Ok(types::bool::from_bool(as_stream(&args[0]).map_or(false, |s| s.fd != 0)))
}
fn s_name(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(as_stream(o).map_or("?", |s| s.name)))
}
fn s_mode(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(as_stream(o).map_or("?", |s| s.mode)))
}
fn s_encoding(_o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new("utf-8"))
}
/// `close()`: flushes and marks the stream closed; the descriptor stays open (CPython
/// creates the standard streams with closefd=False). `multiprocessing` closes
/// `sys.stdin` in each child.
fn s_close(args: &[Obj]) -> PyResult<Obj> {
    let st = as_stream(&args[0]).ok_or_else(|| type_error("expected a stream"))?;
    if st.fd == 1 {
        flush_stdout();
    }
    st.closed = true;
    Ok(none::none())
}
fn s_closed(o: &Obj) -> PyResult<Obj> {
    Ok(types::bool::from_bool(as_stream(o).map_or(false, |s| s.closed)))
}
fn s_repr(o: &Obj) -> PyResult<Obj> {
    let s = as_stream(o).ok_or_else(|| type_error("expected a stream"))?;
    Ok(pystr::from_string(format!("<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>", s.name, s.mode)))
}
fn s_iter(o: &Obj) -> PyResult<Obj> {
    Ok(o.clone())
}
fn s_next(o: &Obj) -> PyResult<Option<Obj>> {
    let l = s_readline(&[o.clone()])?;
    Ok(if pystr::char_len(&l) == 0 { None } else { Some(l) })
}

fn stream_spec() -> TypeSpec {
    let mut s = TypeSpec::new("TextIOWrapper", std::mem::size_of::<StreamObj>(), drop_as::<StreamObj>);
    s.slots.repr = Some(s_repr);
    s.slots.iter = Some(s_iter);
    s.slots.next = Some(s_next);
    s.methods = vec![
        MethodDef::Method { name: "write", func: s_write, min: 2, max: 2 },
        MethodDef::Method { name: "flush", func: s_flush, min: 1, max: 1 },
        MethodDef::Method { name: "close", func: s_close, min: 1, max: 1 },
        MethodDef::Method { name: "readline", func: s_readline, min: 1, max: 2 },
        MethodDef::Method { name: "read", func: s_read, min: 1, max: 2 },
        MethodDef::Method { name: "readlines", func: s_readlines, min: 1, max: 2 },
        MethodDef::Method { name: "fileno", func: s_fileno, min: 1, max: 1 },
        MethodDef::Method { name: "isatty", func: s_isatty, min: 1, max: 1 },
        MethodDef::Method { name: "readable", func: s_readable, min: 1, max: 1 },
        MethodDef::Method { name: "writable", func: s_writable, min: 1, max: 1 },
        MethodDef::Method { name: "seekable", func: s_true, min: 1, max: 1 },
        MethodDef::Getter { name: "name", get: s_name },
        MethodDef::Getter { name: "mode", get: s_mode },
        MethodDef::Getter { name: "encoding", get: s_encoding },
        MethodDef::Getter { name: "closed", get: s_closed },
    ];
    s
}

fn new_stream(fd: i32, name: &'static str, mode: &'static str) -> Obj {
    alloc(stream_type(), StreamObj { head: header(), fd, name, mode, closed: false })
}

// ----- the module -----

/// The `sys` module (created by `init`).
pub fn module() -> Obj {
    SYS.with(|s| s.borrow().clone()).expect("sys not initialized")
}

/// `sys.modules`.
pub fn modules_dict() -> Obj {
    MODULES.with(|s| s.borrow().clone()).expect("sys not initialized")
}

/// `getattr(sys, name)` without raising.
pub fn get_attr(name: &str) -> Option<Obj> {
    let m = SYS.with(|s| s.borrow().clone())?;
    dict::get_item_str(&module::dict(&m), &pystr::intern(name))
}

fn f_exit(_f: &Obj, args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    if args.len() > 1 {
        return Err(type_error(format!("exit expected at most 1 argument, got {}", args.len())));
    }
    let ex = crate::types::exceptions::exc().system_exit;
    Err(crate::object::PyErr(crate::types::exceptions::new_exception(ex, args.to_vec())))
}

fn f_getrecursionlimit(_f: &Obj, _args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(int::from_i64(crate::recursion::limit() as i64))
}

fn f_setrecursionlimit(_f: &Obj, args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    if args.len() != 1 {
        return Err(type_error(format!("setrecursionlimit() takes exactly one argument ({} given)", args.len())));
    }
    if args[0].isinstance(types().float) {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = protocol::index_i64(&args[0])?;
    if n < 1 {
        return Err(value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = crate::recursion::depth() as i64;
    if n <= depth {
        return Err(crate::errors::recursion_error(format!(
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            n, depth
        )));
    }
    crate::recursion::set_limit(n.min(u32::MAX as i64) as u32);
    Ok(none::none())
}

fn f_exc_info(_f: &Obj, _args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    match crate::errors::handled() {
        Some(e) if !none::is_none(&e) => {
            let tb = crate::types::exceptions::traceback(&e).unwrap_or_else(none::none);
            Ok(tuple::new(vec![e.type_obj(), e, tb]))
        }
        _ => Ok(tuple::new(vec![none::none(), none::none(), none::none()])),
    }
}

fn f_exception(_f: &Obj, _args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(crate::errors::handled().unwrap_or_else(none::none))
}

fn f_intern(_f: &Obj, args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    if args.len() != 1 {
        return Err(type_error(format!("intern() takes exactly one argument ({} given)", args.len())));
    }
    if !args[0].is_exact(types().str) {
        return Err(type_error(format!("intern() argument must be str, not {}", args[0].type_name())));
    }
    Ok(pystr::intern_obj(&args[0]))
}

fn f_getsizeof(_f: &Obj, args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let Some(o) = args.first() else {
        return Err(type_error("getsizeof() missing required argument 'object' (pos 1)"));
    };
    if let Some(m) = o.ty().lookup_str("__sizeof__") {
        if !o.ty().is_heap_type() || true {
            let b = types::descriptors::bind(&m, Some(o), &o.type_obj());
            if let Ok(b) = b {
                if let Ok(r) = protocol::call(&b, &[]) {
                    if let Some(n) = int::to_i64(&r) {
                        let gc = if o.isinstance(types().list) || o.isinstance(types().dict) || o.isinstance(types().tuple) { 16 } else { 0 };
                        return Ok(int::from_i64(n + gc));
                    }
                }
            }
        }
    }
    let n: i64 = if o.is_small_int() {
        28
    } else if let Some(s) = pystr::as_str(o) {
        if s.is_ascii() { 49 + s.len() as i64 } else { 74 + 4 * s.chars().count() as i64 }
    } else if o.isinstance(types().float) {
        24
    } else if let Some(l) = list::as_slice_opt(o) {
        56 + 8 * l.len() as i64
    } else if let Some(t) = tuple::as_slice(o) {
        40 + 8 * t.len() as i64
    } else if dict::is_dict(o) {
        64 + 8 * 24
    } else {
        o.ty().basicsize as i64
    };
    Ok(int::from_i64(n))
}

fn f_getframe(_f: &Obj, args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let depth = match args.first() {
        Some(d) => protocol::index_i64(d)?,
        None => 0,
    };
    let mut fp = crate::frame::current();
    let mut k = depth;
    while k > 0 && !fp.is_null() {
        fp = unsafe { (*fp).prev };
        k -= 1;
    }
    if fp.is_null() {
        return Err(value_error("call stack is not deep enough"));
    }
    let f = unsafe { &*fp };
    Ok(crate::types::traceback::snapshot(f, f.line(), None))
}

fn f_displayhook(_f: &Obj, args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let Some(v) = args.first() else { return Ok(none::none()) };
    if none::is_none(v) {
        return Ok(none::none());
    }
    let b = crate::builtins::builtins_dict();
    dict::set_item_str(&b, "_", none::none());
    let r = protocol::repr_string(v)?;
    write_stdout(&r);
    write_stdout("\n");
    dict::set_item_str(&b, "_", v.clone());
    Ok(none::none())
}

fn f_excepthook(_f: &Obj, args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    if args.len() != 3 {
        return Err(type_error(format!("excepthook expected 3 arguments, got {}", args.len())));
    }
    crate::types::traceback::print_exception(&args[1]);
    Ok(none::none())
}

// ----- struct sequences (sys.version_info, sys.float_info, ...) -----

#[repr(C)]
pub struct StructSeqObj {
    pub head: ObjHeader,
    pub type_name: &'static str,
    pub names: &'static [&'static str],
    pub items: Obj,
}

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static SEQ_TYPE: crate::gil::GilCell<RefCell<Option<&'static TypeObject>>> = crate::gil::GilCell::new(RefCell::new(None));

fn seq(o: &Obj) -> &StructSeqObj {
    unsafe { o.payload::<StructSeqObj>() }
}
fn seq_repr(o: &Obj) -> PyResult<Obj> {
    let q = seq(o);
    let items = tuple::as_slice(&q.items).unwrap_or(&[]);
    let mut parts = Vec::new();
    for (n, v) in q.names.iter().zip(items) {
        parts.push(format!("{}={}", n, protocol::repr_string(v)?));
    }
    Ok(pystr::from_string(format!("{}({})", q.type_name, parts.join(", "))))
}
fn seq_getattro(o: &Obj, name: &Obj) -> PyResult<Obj> {
    let q = seq(o);
    if let Some(n) = pystr::as_str(name) {
        if let Some(i) = q.names.iter().position(|x| *x == n) {
            return Ok(tuple::as_slice(&q.items).unwrap()[i].clone());
        }
    }
    match protocol::getattr(&q.items, name) {
        Ok(v) => Ok(v),
        Err(_) => Err(crate::errors::attribute_error(format!("'{}' object has no attribute '{}'", q.type_name, pystr::as_str(name).unwrap_or("?")))),
    }
}
fn seq_len(o: &Obj) -> PyResult<usize> {
    protocol::len(&seq(o).items)
}
fn seq_getitem(o: &Obj, k: &Obj) -> PyResult<Obj> {
    protocol::getitem(&seq(o).items, k)
}
fn seq_iter(o: &Obj) -> PyResult<Obj> {
    protocol::iter(&seq(o).items)
}
fn seq_hash(o: &Obj) -> PyResult<i64> {
    protocol::hash(&seq(o).items)
}
fn seq_contains(o: &Obj, x: &Obj) -> PyResult<bool> {
    protocol::contains(&seq(o).items, x)
}
fn seq_richcompare(a: &Obj, b: &Obj, op: pyc_frontend::bytecode::CmpOp) -> PyResult<Obj> {
    let other = match SEQ_TYPE.with(|t| *t.borrow()) {
        Some(t) if b.isinstance(t) => seq(b).items.clone(),
        _ => b.clone(),
    };
    protocol::richcompare(&seq(a).items, &other, op)
}

fn seq_spec() -> TypeSpec {
    let mut s = TypeSpec::new("structseq", std::mem::size_of::<StructSeqObj>(), drop_as::<StructSeqObj>);
    s.final_ = true;
    s.slots.repr = Some(seq_repr);
    s.slots.getattro = Some(seq_getattro);
    s.slots.len = Some(seq_len);
    s.slots.getitem = Some(seq_getitem);
    s.slots.iter = Some(seq_iter);
    s.slots.hash = Some(seq_hash);
    s.slots.contains = Some(seq_contains);
    s.slots.richcompare = Some(seq_richcompare);
    s
}

/// A named tuple-like value (`sys.version_info`...).
pub fn struct_seq(type_name: &'static str, names: &'static [&'static str], values: Vec<Obj>) -> Obj {
    let t = SEQ_TYPE.with(|t| *t.borrow()).expect("sys not initialized");
    alloc(t, StructSeqObj { head: header(), type_name, names, items: tuple::new(values) })
}

/// Creates `sys` with `argv`; registers it in `sys.modules`.
pub fn init(argv: Vec<String>, executable: &str) {
    let st = super::make_type(seq_spec());
    SEQ_TYPE.with(|s| *s.borrow_mut() = Some(st));
    let t = super::make_type(stream_spec());
    STREAM_TYPE.with(|s| *s.borrow_mut() = Some(t));
    let m = module::new("sys");
    let d = module::dict(&m);
    let modules = dict::new();
    MODULES.with(|s| *s.borrow_mut() = Some(modules.clone()));
    SYS.with(|s| *s.borrow_mut() = Some(m.clone()));
    let set = |k: &str, v: Obj| dict::set_item_str(&d, k, v);
    set("argv", list::new(argv.iter().map(|a| pystr::new(a)).collect()));
    set("orig_argv", list::new(argv.iter().map(|a| pystr::new(a)).collect()));
    set("modules", modules.clone());
    set("path", list::new(initial_path().iter().map(|p| pystr::new(p)).collect()));
    set("meta_path", list::new(vec![]));
    set("path_hooks", list::new(vec![]));
    set("maxsize", int::from_i64(i64::MAX));
    set("maxunicode", int::from_i64(0x10ffff));
    set("version", pystr::new("3.11.7 (main, pyc) [pyc native compiler]"));
    set("hexversion", int::from_i64(0x030b07f0));
    set("api_version", int::from_i64(1013));
    set("platform", pystr::new("linux"));
    set("byteorder", pystr::new(if cfg!(target_endian = "little") { "little" } else { "big" }));
    set("executable", pystr::new(executable));
    set("prefix", pystr::new("/usr/local"));
    set("exec_prefix", pystr::new("/usr/local"));
    set("base_prefix", pystr::new("/usr/local"));
    set("copyright", pystr::new("Copyright (c) 2001-2023 Python Software Foundation."));
    set("dont_write_bytecode", types::bool::from_bool(true));
    // Every native module counts as built in (os.py looks for "posix" here).
    let mut builtin_names: Vec<&str> = super::NATIVE.iter().map(|(n, _)| *n).chain(["sys"]).collect();
    builtin_names.sort_unstable();
    set("builtin_module_names", tuple::new(builtin_names.into_iter().map(pystr::new).collect()));
    let stdin = new_stream(0, "<stdin>", "r");
    let stdout = new_stream(1, "<stdout>", "w");
    let stderr = new_stream(2, "<stderr>", "w");
    set("stdin", stdin.clone());
    set("stdout", stdout.clone());
    set("stderr", stderr.clone());
    set("__stdin__", stdin);
    set("__stdout__", stdout);
    set("__stderr__", stderr);
    // version_info as a tuple-like module namespace is not a struct sequence yet: a tuple.
    set("version_info", struct_seq("sys.version_info", &["major", "minor", "micro", "releaselevel", "serial"], vec![
        int::from_i64(3), int::from_i64(11), int::from_i64(7), pystr::new("final"), int::from_i64(0),
    ]));
    let imp = module::new("sys.implementation");
    let idict = module::dict(&imp);
    dict::set_item_str(&idict, "name", pystr::new("pyc"));
    dict::set_item_str(&idict, "cache_tag", none::none());
    dict::set_item_str(&idict, "version", tuple::new(vec![int::from_i64(3), int::from_i64(11), int::from_i64(7), pystr::new("final"), int::from_i64(0)]));
    set("implementation", imp);
    set("float_info", struct_seq("sys.float_info", &["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"], vec![
        types::float::new(f64::MAX), int::from_i64(1024), int::from_i64(308), types::float::new(f64::MIN_POSITIVE),
        int::from_i64(-1021), int::from_i64(-307), int::from_i64(15), int::from_i64(53),
        types::float::new(f64::EPSILON), int::from_i64(2), int::from_i64(1),
    ]));
    set("int_info", struct_seq("sys.int_info", &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"], vec![
        int::from_i64(30), int::from_i64(4), int::from_i64(4300), int::from_i64(640),
    ]));
    let fns: [(&'static str, crate::types::typeobj::CallFn); 11] = [
        ("exit", f_exit),
        ("getrecursionlimit", f_getrecursionlimit),
        ("setrecursionlimit", f_setrecursionlimit),
        ("exc_info", f_exc_info),
        ("exception", f_exception),
        ("intern", f_intern),
        ("getsizeof", f_getsizeof),
        ("_getframe", f_getframe),
        ("displayhook", f_displayhook),
        ("excepthook", f_excepthook),
        ("getdefaultencoding", |_, _, _| Ok(pystr::new("utf-8"))),
    ];
    for (name, f) in fns {
        set(name, new_builtin_in("sys", name, f));
    }
    set("getswitchinterval", new_builtin_in("sys", "getswitchinterval", crate::gil::sys_getswitchinterval));
    set("setswitchinterval", new_builtin_in("sys", "setswitchinterval", crate::gil::sys_setswitchinterval));
    set("getfilesystemencoding", new_builtin_in("sys", "getfilesystemencoding", |_, _, _| Ok(pystr::new("utf-8"))));
    set("audit", new_builtin_in("sys", "audit", |_, _, _| Ok(none::none())));
    set("getfilesystemencodeerrors", new_builtin_in("sys", "getfilesystemencodeerrors", |_, _, _| Ok(pystr::new("surrogateescape"))));
    set("__displayhook__", dict::get_item_str(&d, &pystr::intern("displayhook")).unwrap());
    set("__excepthook__", dict::get_item_str(&d, &pystr::intern("excepthook")).unwrap());
    set("warnoptions", list::new(vec![]));
    let flags = module::new("sys.flags");
    // CPython's defaults for a plain `python3 script.py` run (subprocess reads some).
    for (name, v) in [("debug", 0), ("inspect", 0), ("interactive", 0), ("optimize", 0), ("dont_write_bytecode", 0),
        ("no_user_site", 0), ("no_site", 0), ("ignore_environment", 0), ("verbose", 0), ("bytes_warning", 0),
        ("quiet", 0), ("hash_randomization", 1), ("isolated", 0), ("utf8_mode", 0), ("warn_default_encoding", 0),
        ("int_max_str_digits", -1)] {
        dict::set_item_str(&module::dict(&flags), name, crate::types::int::from_i64(v));
    }
    for name in ["dev_mode", "safe_path"] {
        dict::set_item_str(&module::dict(&flags), name, types::bool::from_bool(false));
    }
    set("flags", flags);
    dict::set_item_str(&modules, "sys", m);
}

/// `sys.path` at start-up: the folder of the executable (where CPython puts the script's
/// folder), then `PYTHONPATH`. Only modules that were not compiled in are searched there
/// (plugins named at run time); the program's own modules are inside the binary.
fn initial_path() -> Vec<String> {
    let mut path = Vec::new();
    if let Some(dir) = std::env::current_exe().ok().and_then(|e| e.parent().map(|d| d.to_string_lossy().into_owned())) {
        path.push(dir);
    }
    if let Some(pp) = std::env::var_os("PYTHONPATH") {
        path.extend(std::env::split_paths(&pp).map(|p| p.to_string_lossy().into_owned()).filter(|p| !p.is_empty()));
    }
    path
}
