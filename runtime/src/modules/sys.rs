//! The `sys` module, and the process's standard streams: `sys.stdin`/`stdout`/`stderr`
//! are `_io.TextIOWrapper`s over buffered `FileIO`s, built as CPython builds them
//! (stdout line-buffered on a tty and block-buffered otherwise, flushed at exit; stderr
//! line-buffered; the locale's error handlers), with entry points for the runtime's own
//! output (`print` to the default stream writes to the wrapper without a Python call).

use std::cell::RefCell;
use std::io::Write;

use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{drop_as, KwArgs, TypeObject};
use crate::types::{self, dict, int, list, module, none, str as pystr, tuple, types, TypeSpec};

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static SYS: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));
static MODULES: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));
static STD_STREAMS: crate::gil::GilCell<RefCell<[Option<Obj>; 3]>> = crate::gil::GilCell::new(RefCell::new([None, None, None]));

// ----- the standard streams -----

/// The stream objects `sys` started with (`sys.__stdin__`...), by descriptor; None
/// where the descriptor was not open at start-up (CPython sets those to None).
fn std_stream(fd: usize) -> Option<Obj> {
    STD_STREAMS.with(|s| s.borrow()[fd].clone())
}

/// `PYTHONUNBUFFERED` set to a non-empty value: stdout and stderr write through to
/// their descriptors, as CPython's `-u` does.
fn unbuffered() -> bool {
    std::env::var_os("PYTHONUNBUFFERED").map_or(false, |v| !v.is_empty())
}

/// The encoding and error handler of stdin/stdout (`stderr`: always backslashreplace):
/// `PYTHONIOENCODING=encoding[:errors]` (an encoding without errors means strict), else
/// UTF-8 with surrogateescape in the C/POSIX locale and its UTF-8 coercion targets,
/// strict in any other locale — CPython's `config_get_stdio_errors`.
fn stdio_encoding() -> (String, String) {
    let mut enc = "utf-8".to_string();
    let mut errors: Option<String> = None;
    if let Some(v) = std::env::var("PYTHONIOENCODING").ok().filter(|v| !v.is_empty()) {
        let (e, err) = match v.split_once(':') {
            Some((e, err)) => (e.to_string(), Some(err.to_string()).filter(|x| !x.is_empty())),
            None => (v.clone(), None),
        };
        if !e.is_empty() {
            enc = codec_name(&e);
            errors = Some(err.unwrap_or_else(|| "strict".to_string()));
        } else {
            errors = err;
        }
    }
    let errors = errors.unwrap_or_else(|| {
        let loc = ["LC_ALL", "LC_CTYPE", "LANG"].iter().find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
        let legacy = !ctype_locale_exists() || matches!(loc.as_deref(), None | Some("C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8"));
        let utf8_mode = std::env::var("PYTHONUTF8").map_or(false, |v| v == "1");
        (if legacy || utf8_mode { "surrogateescape" } else { "strict" }).to_string()
    });
    (enc, errors)
}

/// Does the environment name an LC_CTYPE locale the C library has? (When it does not,
/// CPython's start-up `setlocale` fails and it runs in the C locale.) Checked without
/// changing the process's locale.
fn ctype_locale_exists() -> bool {
    // SAFETY: newlocale with a NUL-terminated name and no base; the result is freed.
    unsafe {
        let l = libc::newlocale(libc::LC_CTYPE_MASK, c"".as_ptr(), std::ptr::null_mut());
        if l.is_null() {
            return false;
        }
        libc::freelocale(l);
        true
    }
}

/// The name a codec reports for itself (CPython shows `codecs.lookup(name).name` as the
/// standard streams' encoding): canonical for the codecs the runtime implements, else
/// the spelling given, lowercased.
fn codec_name(enc: &str) -> String {
    let norm = enc.to_ascii_lowercase().replace(['-', ' '], "_");
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => "utf-8".to_string(),
        "ascii" | "us_ascii" | "646" => "ascii".to_string(),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => "iso8859-1".to_string(),
        _ => norm.replace('_', "-"),
    }
}

/// `sys.stdin`/`stdout`/`stderr` as CPython builds them: a `TextIOWrapper` (newline
/// "\n", line-buffered on a tty and for stderr) over a `BufferedReader`/`BufferedWriter`
/// (a bare `FileIO` for the output streams under `PYTHONUNBUFFERED`, then writing
/// through) over `FileIO(fd, closefd=False)` named `<stdin>`... None when `fd` is not
/// open.
fn new_std_stream(fd: i32, name: &str, write: bool) -> PyResult<Obj> {
    let t = crate::modules::io::io_types();
    let raw_mode = if write { "wb" } else { "rb" };
    let raw = match protocol::call(&t.fileio.as_obj(), &[int::from_i64(fd as i64), pystr::new(raw_mode), types::bool::from_bool(false)]) {
        Ok(r) => r,
        Err(_) => return Ok(none::none()),
    };
    protocol::setattr(&raw, &pystr::intern("name"), &pystr::new(name))?;
    let buffered_stdio = !unbuffered();
    let buffer = if !buffered_stdio && write {
        raw.clone()
    } else {
        let size = crate::modules::io::fileio::blksize(&raw).unwrap_or(crate::modules::io::DEFAULT_BUFFER_SIZE as i64);
        let cls = if write { t.buffered_writer } else { t.buffered_reader };
        protocol::call(&cls.as_obj(), &[raw.clone(), int::from_i64(size)])?
    };
    let (enc, errors) = if fd == 2 { (stdio_encoding().0, "backslashreplace".to_string()) } else { stdio_encoding() };
    let line_buffering = buffered_stdio && (fd == 2 || crate::modules::io::fileio::isatty_raw(&raw));
    let args = [buffer, pystr::new(&enc), pystr::new(&errors), pystr::new("\n"),
        types::bool::from_bool(line_buffering), types::bool::from_bool(!buffered_stdio)];
    let text = protocol::call(&t.textiowrapper.as_obj(), &args).or_else(|_| {
        // An encoding the runtime does not know: UTF-8, as the locale's would be.
        let mut args = args.to_vec();
        args[1] = pystr::new("utf-8");
        protocol::call(&t.textiowrapper.as_obj(), &args)
    })?;
    protocol::setattr(&text, &pystr::intern("mode"), &pystr::new(if write { "w" } else { "r" }))?;
    Ok(text)
}

/// Writes to the original `sys.stdout` (the runtime's own output: `print` to the
/// default stream, the interactive prompt), ignoring errors.
pub fn write_stdout(s: &str) {
    let _ = try_write_stdout(s);
}

/// `print` to the original `sys.stdout`: its TextIOWrapper's `write`, without a Python
/// call (a closed stream raises "I/O operation on closed file.", a failed flush the
/// OSError, e.g. BrokenPipeError once the reader of a pipe is gone: SIGPIPE is ignored).
pub fn try_write_stdout(s: &str) -> PyResult<()> {
    match std_stream(1) {
        Some(o) if !none::is_none(&o) => crate::modules::io::textio::write_str(&o, s),
        _ => Ok(()),
    }
}

/// Flushes the original stdout, ignoring errors (runtime-internal flushes: before a
/// fork, a thread's traceback, gc debug output).
pub fn flush_stdout() {
    let _ = try_flush_stdout();
}

/// Flushes the original stdout (nothing to do once it is closed).
pub fn try_flush_stdout() -> PyResult<()> {
    match std_stream(1) {
        Some(o) if !none::is_none(&o) && !crate::modules::io::is_closed(&o).unwrap_or(true) => {
            crate::modules::io::textio::flush(&o)
        }
        _ => Ok(()),
    }
}

/// Calls `stream.flush()` unless the stream is None or closed (CPython's
/// `_PyFile_IsClosed` check before flushing the standard streams).
fn flush_stream(o: &Obj) -> PyResult<()> {
    if none::is_none(o) || crate::modules::io::is_closed(o).unwrap_or(false) {
        return Ok(());
    }
    protocol::call_method(o, "flush", &[]).map(|_| ())
}

/// CPython's `flush_io()` before it prints an uncaught exception: `sys.stderr` and
/// `sys.stdout` are flushed with errors ignored; bytes that could not be written stay in
/// the buffer, so that the flush at exit fails again and reports it (exit status 120).
pub fn flush_io_before_traceback() {
    for name in ["stderr", "stdout"] {
        if let Some(o) = get_attr(name) {
            let _ = flush_stream(&o);
        }
    }
}

/// CPython's flush of the standard streams at exit: `sys.stdout` (the program's
/// replacement if it set one) is flushed; a failure is reported as "Exception ignored
/// in: <stream>" and makes the exit status 120. `sys.stderr` is flushed after it.
/// Returns whether the stdout flush succeeded.
pub fn flush_std_files_at_exit() -> bool {
    let stdout = get_attr("stdout");
    let r = stdout.as_ref().map_or(Ok(()), flush_stream);
    let ok = match r {
        Ok(()) => true,
        Err(e) => {
            let what = stdout.and_then(|o| protocol::repr_string(&o).ok()).unwrap_or_default();
            crate::types::traceback::print_unraisable(&format!("Exception ignored in: {}", what), &e.0);
            false
        }
    };
    if let Some(e) = get_attr("stderr") {
        let _ = flush_stream(&e);
    }
    ok
}

/// Writes to `sys.stderr` (tracebacks, warnings); straight to descriptor 2 when there
/// is no usable `sys.stderr`.
pub fn write_stderr(s: &str) {
    if let Some(e) = get_attr("stderr").filter(|e| !none::is_none(e)) {
        let r = if is_default_stream(&e, 2) {
            crate::modules::io::textio::write_str(&e, s)
        } else {
            protocol::call_method(&e, "write", &[pystr::new(s)]).map(|_| ())
        };
        if r.is_ok() {
            return;
        }
    }
    let _ = std::io::stderr().write_all(s.as_bytes());
}

/// Is `o` the stream `sys` started with for `fd` (so `print` may write to it without
/// a Python call)?
pub fn is_default_stream(o: &Obj, fd: i32) -> bool {
    (0..3).contains(&fd) && std_stream(fd as usize).map_or(false, |s| s.is(o))
}

/// Reads one line from the original stdin (with its newline; "" at EOF or when stdin
/// is closed). Other threads run while it waits for input.
pub fn read_stdin_line() -> PyResult<String> {
    let Some(o) = std_stream(0).filter(|o| !none::is_none(o)) else { return Ok(String::new()) };
    if !crate::modules::io::textio::has_buffered_input(&o) {
        wait_readable(0);
    }
    let line = crate::modules::io::textio::readline(&o, -1)?;
    Ok(pystr::as_str(&line).unwrap_or("").to_string())
}

/// Blocks until `fd` has input (or EOF/error), without the GIL: the read that follows
/// holds it. A descriptor in non-blocking mode is not waited for.
fn wait_readable(fd: i32) {
    // SAFETY: fcntl/poll on a descriptor number, with a pollfd that lives on the stack.
    unsafe {
        if libc::fcntl(fd, libc::F_GETFL) & libc::O_NONBLOCK != 0 {
            return;
        }
        let mut p = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
        crate::gil::allow_threads(|| while libc::poll(&mut p, 1, -1) < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {});
    }
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

/// `sys.getrefcount(obj)`: the object's reference count, which (as in CPython) includes
/// the call's own reference to its argument. Immortal objects (small ints, singletons,
/// interned names) report a large constant.
fn f_getrefcount(_f: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("sys.getrefcount() takes no keyword arguments"));
    }
    if args.len() != 1 {
        return Err(type_error(format!("sys.getrefcount() takes exactly one argument ({} given)", args.len())));
    }
    let rc = args[0].refcount();
    Ok(int::from_i64(if rc >= crate::object::IMMORTAL { u32::MAX as i64 } else { rc as i64 + 1 }))
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
    let m = module::new("sys");
    let d = module::dict(&m);
    let modules = dict::new();
    MODULES.with(|s| *s.borrow_mut() = Some(modules.clone()));
    SYS.with(|s| *s.borrow_mut() = Some(m.clone()));
    let set = |k: &str, v: Obj| dict::set_item_str(&d, k, v);
    set("argv", str_list(&argv));
    set("orig_argv", str_list(&argv));
    set("modules", modules.clone());
    set("path", str_list(&initial_path()));
    set("meta_path", list::new(vec![]));
    set("path_hooks", list::new(vec![]));
    set("executable", pystr::new(executable));
    set_constants(&d, &[
        ("maxsize", Const::Int(i64::MAX)),
        ("maxunicode", Const::Int(0x10ffff)),
        ("version", Const::Str("3.11.7 (main, pyc) [pyc native compiler]")),
        ("hexversion", Const::Int(0x030b07f0)),
        ("api_version", Const::Int(1013)),
        ("platform", Const::Str("linux")),
        ("byteorder", Const::Str(if cfg!(target_endian = "little") { "little" } else { "big" })),
        ("prefix", Const::Str("/usr/local")),
        ("exec_prefix", Const::Str("/usr/local")),
        ("base_prefix", Const::Str("/usr/local")),
        ("copyright", Const::Str("Copyright (c) 2001-2023 Python Software Foundation.")),
        ("dont_write_bytecode", Const::Bool(true)),
    ]);
    // Every native module counts as built in (os.py looks for "posix" here).
    let mut builtin_names: Vec<&str> = super::NATIVE.iter().map(|(n, _)| *n).chain(["sys"]).collect();
    builtin_names.sort_unstable();
    set("builtin_module_names", tuple::new(builtin_names.into_iter().map(pystr::new).collect()));
    for (fd, name, write) in [(0, "stdin", false), (1, "stdout", true), (2, "stderr", true)] {
        let st = new_std_stream(fd, &format!("<{name}>"), write).unwrap_or_else(|_| none::none());
        STD_STREAMS.with(|s| s.borrow_mut()[fd as usize] = Some(st.clone()));
        set(name, st.clone());
        set(&format!("__{name}__"), st);
    }
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
    // the parameters of hash() for numbers (types/int.rs, float.rs, complex.rs), which
    // fractions and _pydecimal read to hash like ints
    set("hash_info", struct_seq("sys.hash_info", &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"], vec![
        int::from_i64(64), int::from_u64(int::HASH_MODULUS), int::from_i64(314159), int::from_i64(0), int::from_i64(1000003),
        pystr::new("siphash13"), int::from_i64(64), int::from_i64(128), int::from_i64(0),
    ]));
    let fns: [(&'static str, crate::types::typeobj::CallFn); 17] = [
        ("getrefcount", f_getrefcount),
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
        ("getswitchinterval", crate::gil::sys_getswitchinterval),
        ("setswitchinterval", crate::gil::sys_setswitchinterval),
        ("getfilesystemencoding", |_, _, _| Ok(pystr::new("utf-8"))),
        ("audit", |_, _, _| Ok(none::none())),
        ("getfilesystemencodeerrors", |_, _, _| Ok(pystr::new("surrogateescape"))),
    ];
    for (name, f) in fns {
        set(name, new_builtin_in("sys", name, f));
    }
    set("__displayhook__", dict::get_item_str(&d, &pystr::intern("displayhook")).unwrap());
    set("__excepthook__", dict::get_item_str(&d, &pystr::intern("excepthook")).unwrap());
    set("warnoptions", list::new(vec![]));
    let flags = module::new("sys.flags");
    // CPython's defaults for a plain `python3 script.py` run (subprocess reads some).
    set_constants(&module::dict(&flags), &[
        ("debug", Const::Int(0)), ("inspect", Const::Int(0)), ("interactive", Const::Int(0)),
        ("optimize", Const::Int(0)), ("dont_write_bytecode", Const::Int(0)), ("no_user_site", Const::Int(0)),
        ("no_site", Const::Int(0)), ("ignore_environment", Const::Int(0)), ("verbose", Const::Int(0)),
        ("bytes_warning", Const::Int(0)), ("quiet", Const::Int(0)), ("hash_randomization", Const::Int(1)),
        ("isolated", Const::Int(0)), ("utf8_mode", Const::Int(0)), ("warn_default_encoding", Const::Int(0)),
        ("int_max_str_digits", Const::Int(-1)), ("dev_mode", Const::Bool(false)), ("safe_path", Const::Bool(false)),
    ]);
    set("flags", flags);
    dict::set_item_str(&modules, "sys", m);
}

/// A constant attribute of `sys` or of one of its namespaces, set from a table: one loop
/// instead of an inlined str/int construction and dict store per name (start-up code that
/// runs once is kept small, tests/cli/cases/method_tables.sh bounds hello world's size).
enum Const {
    Int(i64),
    Str(&'static str),
    Bool(bool),
}

#[inline(never)]
fn set_constants(d: &Obj, table: &[(&str, Const)]) {
    for (name, value) in table {
        let v = match value {
            Const::Int(i) => int::from_i64(*i),
            Const::Str(s) => pystr::new(s),
            Const::Bool(b) => types::bool::from_bool(*b),
        };
        dict::set_item_str(d, name, v);
    }
}

#[inline(never)]
fn str_list(items: &[String]) -> Obj {
    list::new(items.iter().map(|a| pystr::new(a)).collect())
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
