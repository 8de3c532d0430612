//! The `_io` module (CPython's C io layer, which `io.py` re-exports): `open()`, the
//! abstract bases `_IOBase`/`_RawIOBase`/`_BufferedIOBase`/`_TextIOBase` (real base
//! types, subclassable from Python), `UnsupportedOperation`, and the concrete classes in
//! the submodules: `fileio` (raw file descriptors), `buffered` (BufferedReader/Writer/
//! Random/RWPair), `textio` (TextIOWrapper, IncrementalNewlineDecoder), `memio`
//! (BytesIO, StringIO).
//!
//! The concrete classes keep their state in Rust payloads and talk to each other
//! directly when the layer below is one of ours (a TextIOWrapper over a BufferedWriter
//! over a FileIO never calls Python); any other object is used through its Python
//! methods, as CPython does. A file still open when its last reference goes is flushed
//! and closed by the deallocator.

pub mod buffered;
pub mod fileio;
pub mod memio;
pub mod textio;

use std::cell::RefCell;

use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::int::bind_args;
use crate::types::typeobj::{drop_nothing, downcast_type, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, dict, int, list, module, none, str as pystr, tuple, types, TypeSpec};

pub const DEFAULT_BUFFER_SIZE: usize = 8192;

/// The `_io` types, created once.
pub struct IoTypes {
    pub iobase: &'static TypeObject,
    pub rawiobase: &'static TypeObject,
    pub bufferediobase: &'static TypeObject,
    pub textiobase: &'static TypeObject,
    pub fileio: &'static TypeObject,
    pub buffered_reader: &'static TypeObject,
    pub buffered_writer: &'static TypeObject,
    pub buffered_random: &'static TypeObject,
    pub buffered_rwpair: &'static TypeObject,
    pub textiowrapper: &'static TypeObject,
    pub newline_decoder: &'static TypeObject,
    pub bytesio: &'static TypeObject,
    pub stringio: &'static TypeObject,
}

// Per-interpreter state shared by all threads (read and written under the GIL).
static TYPES: crate::gil::GilCell<RefCell<Option<&'static IoTypes>>> = crate::gil::GilCell::new(RefCell::new(None));

/// A base or concrete `_io` type: module `_io`, instances with a `__dict__`.
pub fn io_type(spec: TypeSpec, base: &'static TypeObject) -> &'static TypeObject {
    let mut spec = completed(spec);
    spec.has_dict = true;
    let t = crate::types::create_type(spec, base);
    *t.module.borrow_mut() = "_io".to_string();
    t
}

crate::types::method_extension! {
    /// Enables the `_io` gate (called by the program's `main`). Without it the concrete
    /// types keep only what the runtime itself uses on sys.stdin/stdout/stderr (writing,
    /// flushing, closing, the flags and getters); reading, positioning, iteration and the
    /// StringIO/BytesIO/IncrementalNewlineDecoder methods are added by `complete` when the
    /// program may reach an `_io` object other than through print: when it names `_io`,
    /// `io`, `open`, `input`, a std stream, or one of the added methods
    /// (pyc_frontend::method_tables `IO_TABLE`; docs/performance.md "Binary size").
    pyrt_methods_io: FULL(fn(&mut TypeSpec)) => completers
}

fn completers() -> Vec<fn(&mut TypeSpec)> {
    vec![complete]
}

/// Adds the gated part of the `_io` type `s` describes.
fn complete(s: &mut TypeSpec) {
    match s.name {
        "TextIOWrapper" => textio::complete(s),
        "IncrementalNewlineDecoder" => textio::complete_decoder(s),
        "FileIO" => fileio::complete(s),
        "BytesIO" => memio::complete_bytesio(s),
        "StringIO" => memio::complete_stringio(s),
        "BufferedReader" | "BufferedWriter" | "BufferedRandom" | "BufferedRWPair" => buffered::complete(s),
        _ => {}
    }
}

/// `s` with its gated part when the program enabled the gate.
fn completed(mut s: TypeSpec) -> TypeSpec {
    let mut fill = Vec::new();
    FULL.extend(&mut fill);
    for f in fill {
        f(&mut s);
    }
    s
}

/// Every method the gate adds (the unit test's view of `pyrt_methods_io`).
pub(crate) fn extra_methods() -> Vec<MethodDef> {
    let names = [
        "TextIOWrapper", "IncrementalNewlineDecoder", "FileIO", "BytesIO", "StringIO", "BufferedReader", "BufferedWriter",
        "BufferedRandom", "BufferedRWPair",
    ];
    let mut all = Vec::new();
    for name in names {
        let mut s = TypeSpec::new(name, 0, drop_nothing);
        complete(&mut s);
        all.extend(s.methods);
    }
    all
}

/// The `_io` types (created on first use).
pub fn io_types() -> &'static IoTypes {
    if let Some(t) = TYPES.with(|t| *t.borrow()) {
        return t;
    }
    let iobase = io_type(iobase_spec("_IOBase", iobase_methods()), types().object);
    let rawiobase = io_type(iobase_spec("_RawIOBase", rawiobase_methods()), iobase);
    let bufferediobase = io_type(iobase_spec("_BufferedIOBase", bufferediobase_methods()), iobase);
    let textiobase = io_type(iobase_spec("_TextIOBase", textiobase_methods()), iobase);
    let (reader, writer, random, rwpair) = buffered::types(bufferediobase);
    let t: &'static IoTypes = Box::leak(Box::new(IoTypes {
        iobase,
        rawiobase,
        bufferediobase,
        textiobase,
        fileio: fileio::make_type(rawiobase),
        buffered_reader: reader,
        buffered_writer: writer,
        buffered_random: random,
        buffered_rwpair: rwpair,
        textiowrapper: textio::make_type(textiobase),
        newline_decoder: textio::make_decoder_type(),
        bytesio: memio::make_bytesio_type(bufferediobase),
        stringio: memio::make_stringio_type(textiobase),
    }));
    TYPES.with(|c| *c.borrow_mut() = Some(t));
    t
}

// Per-interpreter state shared by all threads (read and written under the GIL).
static UNSUPPORTED: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));

/// `io.UnsupportedOperation`, a class with two bases: created on first use, since building
/// it resolves every slot through both MROs (a tenth of start-up when it was eager).
pub fn unsupported_type() -> Obj {
    if let Some(t) = UNSUPPORTED.with(|u| u.borrow().clone()) {
        return t;
    }
    let t = make_unsupported();
    UNSUPPORTED.with(|u| *u.borrow_mut() = Some(t.clone()));
    t
}

fn make_unsupported() -> Obj {
    let e = crate::types::exceptions::exc();
    let ns = dict::new();
    dict::set_item_str(&ns, "__module__", pystr::new("io"));
    let bases = tuple::new(vec![e.os_error.as_obj(), e.value_error.as_obj()]);
    let t = protocol::call(&types().type_.as_obj(), &[pystr::new("UnsupportedOperation"), bases, ns]).expect("UnsupportedOperation");
    crate::gc::immortalize_graph(&t);
    t
}

// ----- errors shared by the submodules -----

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(msg: &str) -> PyErr {
    match protocol::call(&unsupported_type(), &[pystr::new(msg)]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

pub fn closed_file() -> PyErr {
    value_error("I/O operation on closed file.")
}

/// A `size` argument: None or an int; -1 when absent.
pub fn size_arg(o: Option<&Obj>) -> PyResult<i64> {
    match o {
        None => Ok(-1),
        Some(v) if none::is_none(v) => Ok(-1),
        Some(v) if int::is_int(v) || v.ty().slots().index.is_some() => protocol::index_i64(v),
        Some(v) => Err(type_error(format!("argument should be integer or None, not '{}'", v.type_name()))),
    }
}

/// The bytes of a bytes-like argument (`write(b)`).
pub fn bytes_like(o: &Obj) -> PyResult<Vec<u8>> {
    if crate::types::str::is_str(o) {
        return Err(type_error(format!("a bytes-like object is required, not '{}'", o.type_name())));
    }
    crate::types::bytes::buffer_data(o).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", o.type_name())))
}

/// Copies `data` into the writable buffer `b` (`readinto`), returning the count.
pub fn fill_buffer(b: &Obj, data: &[u8]) -> PyResult<usize> {
    if let Some(v) = crate::types::bytes::bytearray_data_mut(b) {
        let n = data.len().min(v.len());
        v[..n].copy_from_slice(&data[..n]);
        return Ok(n);
    }
    let n = data.len();
    let sl = crate::types::slice::new(int::from_i64(0), int::from_usize(n), none::none());
    protocol::setitem(b, &sl, &crate::types::bytes::new(data.to_vec()))?;
    Ok(n)
}

/// `len(b)` of a writable buffer.
pub fn buffer_len(b: &Obj) -> PyResult<usize> {
    protocol::len(b)
}

pub fn type_of(cls: &Obj) -> PyResult<&'static TypeObject> {
    downcast_type(cls).ok_or_else(|| type_error("expected a type"))
}

// ----- _IOBase and the abstract bases: generic methods through Python calls -----

#[repr(C)]
pub struct IOBaseObj {
    pub head: ObjHeader,
}

fn base_new(cls: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(alloc(type_of(cls)?, IOBaseObj { head: header() }))
}

fn iobase_spec(name: &'static str, methods: Vec<MethodDef>) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<IOBaseObj>(), drop_nothing);
    s.slots.new = Some(base_new);
    s.slots.iter = Some(ib_iter);
    s.slots.next = Some(ib_next);
    s.methods = methods;
    s
}

fn closed_flag(o: &Obj) -> bool {
    crate::object::dict_slot(o)
        .and_then(|d| d.as_ref().and_then(|d| dict::get_item_str(d, &pystr::intern("__IOBase_closed"))))
        .map_or(false, |v| protocol::is_true(&v).unwrap_or(false))
}

/// `self.closed` through Python (a subclass may override it).
pub fn is_closed(o: &Obj) -> PyResult<bool> {
    protocol::is_true(&protocol::getattr_str(o, "closed")?)
}

fn check_closed(o: &Obj) -> PyResult<()> {
    if is_closed(o)? {
        return Err(closed_file());
    }
    Ok(())
}

fn ib_closed(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(closed_flag(o)))
}

fn ib_close(a: &[Obj]) -> PyResult<Obj> {
    let o = &a[0];
    if closed_flag(o) {
        return Ok(none::none());
    }
    let r = protocol::call_method(o, "flush", &[]);
    protocol::setattr(o, &pystr::intern("__IOBase_closed"), &pybool::from_bool(true))?;
    r.map(|_| none::none())
}

fn ib_flush(a: &[Obj]) -> PyResult<Obj> {
    check_closed(&a[0])?;
    Ok(none::none())
}

fn ib_false(a: &[Obj]) -> PyResult<Obj> {
    let _ = &a[0];
    Ok(pybool::from_bool(false))
}

fn ib_isatty(a: &[Obj]) -> PyResult<Obj> {
    check_closed(&a[0])?;
    Ok(pybool::from_bool(false))
}

fn ib_seek(_a: &[Obj]) -> PyResult<Obj> {
    Err(unsupported("seek"))
}
fn ib_truncate(_a: &[Obj]) -> PyResult<Obj> {
    Err(unsupported("truncate"))
}
fn ib_fileno(_a: &[Obj]) -> PyResult<Obj> {
    Err(unsupported("fileno"))
}
fn ib_tell(a: &[Obj]) -> PyResult<Obj> {
    protocol::call_method(&a[0], "seek", &[int::from_i64(0), int::from_i64(1)])
}

fn ib_enter(a: &[Obj]) -> PyResult<Obj> {
    check_closed(&a[0])?;
    Ok(a[0].clone())
}
fn ib_exit(a: &[Obj]) -> PyResult<Obj> {
    protocol::call_method(&a[0], "close", &[])
}

fn check_flag(a: &[Obj], name: &str, msg: &str) -> PyResult<Obj> {
    if !protocol::is_true(&protocol::call_method(&a[0], name, &[])?)? {
        return Err(unsupported(msg));
    }
    Ok(none::none())
}
fn ib_check_closed(a: &[Obj]) -> PyResult<Obj> {
    check_closed(&a[0])?;
    Ok(none::none())
}
fn ib_check_readable(a: &[Obj]) -> PyResult<Obj> {
    check_flag(a, "readable", "File or stream is not readable.")
}
fn ib_check_writable(a: &[Obj]) -> PyResult<Obj> {
    check_flag(a, "writable", "File or stream is not writable.")
}
fn ib_check_seekable(a: &[Obj]) -> PyResult<Obj> {
    check_flag(a, "seekable", "File or stream is not seekable.")
}

fn ib_iter(o: &Obj) -> PyResult<Obj> {
    check_closed(o)?;
    Ok(o.clone())
}

fn ib_next(o: &Obj) -> PyResult<Option<Obj>> {
    let line = protocol::call_method(o, "readline", &[])?;
    Ok(if protocol::len(&line)? == 0 { None } else { Some(line) })
}

/// `IOBase.readline(size=-1)`: by `peek` when the object has it, else byte by byte.
fn ib_readline(a: &[Obj]) -> PyResult<Obj> {
    let o = &a[0];
    let limit = size_arg(a.get(1))?;
    let peek = protocol::getattr_opt(o, &pystr::intern("peek"))?;
    let mut out: Vec<u8> = Vec::new();
    while limit < 0 || (out.len() as i64) < limit {
        let mut n = 1usize;
        if let Some(p) = &peek {
            let ahead = protocol::call(p, &[int::from_i64(1)])?;
            let ahead = bytes_like(&ahead)?;
            if ahead.is_empty() {
                break;
            }
            n = match ahead.iter().position(|&c| c == b'\n') {
                Some(i) => i + 1,
                None => ahead.len(),
            };
            if limit >= 0 {
                n = n.min((limit as usize) - out.len());
            }
        }
        let b = protocol::call_method(o, "read", &[int::from_usize(n)])?;
        if none::is_none(&b) {
            break;
        }
        let b = bytes_like(&b).map_err(|_| crate::errors::os_error(format!("read() should have returned a bytes object, not '{}'", b.type_name())))?;
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(&b);
        if out.ends_with(b"\n") {
            break;
        }
    }
    Ok(crate::types::bytes::new(out))
}

/// `readlines(hint=-1)` over iteration.
pub fn readlines(o: &Obj, hint: Option<&Obj>) -> PyResult<Obj> {
    let hint = size_arg(hint)?;
    let it = protocol::iter(o)?;
    let mut out = Vec::new();
    let mut total = 0usize;
    while let Some(line) = protocol::next(&it)? {
        total += protocol::len(&line)?;
        out.push(line);
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(list::new(out))
}

fn ib_readlines(a: &[Obj]) -> PyResult<Obj> {
    readlines(&a[0], a.get(1))
}

/// `writelines(lines)`: `self.write(line)` for each.
pub fn writelines(o: &Obj, lines: &Obj) -> PyResult<Obj> {
    check_closed(o)?;
    let it = protocol::iter(lines)?;
    let w = protocol::getattr_str(o, "write")?;
    while let Some(line) = protocol::next(&it)? {
        protocol::call(&w, &[line])?;
    }
    Ok(none::none())
}

fn ib_writelines(a: &[Obj]) -> PyResult<Obj> {
    writelines(&a[0], &a[1])
}

fn ib_dict(o: &Obj) -> PyResult<Obj> {
    let slot = crate::object::dict_slot(o).ok_or_else(|| crate::errors::attribute_error("__dict__"))?;
    Ok(slot.get_or_insert_with(dict::new).clone())
}

fn iobase_methods() -> Vec<MethodDef> {
    vec![
        MethodDef::Method { name: "close", func: ib_close, min: 1, max: 1 },
        MethodDef::Method { name: "flush", func: ib_flush, min: 1, max: 1 },
        MethodDef::Method { name: "seek", func: ib_seek, min: 1, max: 3 },
        MethodDef::Method { name: "tell", func: ib_tell, min: 1, max: 1 },
        MethodDef::Method { name: "truncate", func: ib_truncate, min: 1, max: 2 },
        MethodDef::Method { name: "fileno", func: ib_fileno, min: 1, max: 1 },
        MethodDef::Method { name: "isatty", func: ib_isatty, min: 1, max: 1 },
        MethodDef::Method { name: "readable", func: ib_false, min: 1, max: 1 },
        MethodDef::Method { name: "writable", func: ib_false, min: 1, max: 1 },
        MethodDef::Method { name: "seekable", func: ib_false, min: 1, max: 1 },
        MethodDef::Method { name: "readline", func: ib_readline, min: 1, max: 2 },
        MethodDef::Method { name: "readlines", func: ib_readlines, min: 1, max: 2 },
        MethodDef::Method { name: "writelines", func: ib_writelines, min: 2, max: 2 },
        MethodDef::Method { name: "__enter__", func: ib_enter, min: 1, max: 1 },
        MethodDef::Method { name: "__exit__", func: ib_exit, min: 1, max: 4 },
        MethodDef::Method { name: "_checkClosed", func: ib_check_closed, min: 1, max: 2 },
        MethodDef::Method { name: "_checkReadable", func: ib_check_readable, min: 1, max: 2 },
        MethodDef::Method { name: "_checkWritable", func: ib_check_writable, min: 1, max: 2 },
        MethodDef::Method { name: "_checkSeekable", func: ib_check_seekable, min: 1, max: 2 },
        MethodDef::Getter { name: "closed", get: ib_closed },
        MethodDef::Getter { name: "__dict__", get: ib_dict },
    ]
}

/// `RawIOBase.read(size=-1)`: by `readinto`, or `readall`.
fn raw_read(a: &[Obj]) -> PyResult<Obj> {
    let n = size_arg(a.get(1))?;
    if n < 0 {
        return protocol::call_method(&a[0], "readall", &[]);
    }
    let b = crate::types::bytes::new_bytearray(vec![0; n as usize]);
    let k = protocol::call_method(&a[0], "readinto", &[b.clone()])?;
    if none::is_none(&k) {
        return Ok(k);
    }
    let k = protocol::index_i64(&k)?.clamp(0, n) as usize;
    let data = crate::types::bytes::as_bytes_any(&b).unwrap_or(&[])[..k].to_vec();
    Ok(crate::types::bytes::new(data))
}

fn raw_readall(a: &[Obj]) -> PyResult<Obj> {
    let mut out = Vec::new();
    loop {
        let chunk = protocol::call_method(&a[0], "read", &[int::from_usize(DEFAULT_BUFFER_SIZE)])?;
        if none::is_none(&chunk) {
            if out.is_empty() {
                return Ok(chunk);
            }
            break;
        }
        let c = bytes_like(&chunk)?;
        if c.is_empty() {
            break;
        }
        out.extend_from_slice(&c);
    }
    Ok(crate::types::bytes::new(out))
}

fn not_impl(_a: &[Obj]) -> PyResult<Obj> {
    Err(crate::errors::not_implemented_error(""))
}

fn rawiobase_methods() -> Vec<MethodDef> {
    vec![
        MethodDef::Method { name: "read", func: raw_read, min: 1, max: 2 },
        MethodDef::Method { name: "readall", func: raw_readall, min: 1, max: 1 },
        MethodDef::Method { name: "readinto", func: not_impl, min: 2, max: 2 },
        MethodDef::Method { name: "write", func: not_impl, min: 2, max: 2 },
    ]
}

fn unsupported_fn(name: &'static str) -> fn(&[Obj]) -> PyResult<Obj> {
    match name {
        "read" => |_| Err(unsupported("read")),
        "read1" => |_| Err(unsupported("read1")),
        "write" => |_| Err(unsupported("write")),
        "detach" => |_| Err(unsupported("detach")),
        "readline" => |_| Err(unsupported("readline")),
        _ => |_| Err(unsupported("operation")),
    }
}

/// `BufferedIOBase.readinto(b)`: by `read`.
fn buf_readinto(a: &[Obj]) -> PyResult<Obj> {
    let n = buffer_len(&a[1])?;
    let data = protocol::call_method(&a[0], "read", &[int::from_usize(n)])?;
    let data = bytes_like(&data)?;
    Ok(int::from_usize(fill_buffer(&a[1], &data)?))
}

fn bufferediobase_methods() -> Vec<MethodDef> {
    vec![
        MethodDef::Method { name: "read", func: unsupported_fn("read"), min: 1, max: 2 },
        MethodDef::Method { name: "read1", func: unsupported_fn("read1"), min: 1, max: 2 },
        MethodDef::Method { name: "write", func: unsupported_fn("write"), min: 2, max: 2 },
        MethodDef::Method { name: "detach", func: unsupported_fn("detach"), min: 1, max: 1 },
        MethodDef::Method { name: "readinto", func: buf_readinto, min: 2, max: 2 },
        MethodDef::Method { name: "readinto1", func: buf_readinto, min: 2, max: 2 },
    ]
}

fn textiobase_methods() -> Vec<MethodDef> {
    vec![
        MethodDef::Method { name: "read", func: unsupported_fn("read"), min: 1, max: 2 },
        MethodDef::Method { name: "readline", func: unsupported_fn("readline"), min: 1, max: 2 },
        MethodDef::Method { name: "write", func: unsupported_fn("write"), min: 2, max: 2 },
        MethodDef::Method { name: "detach", func: unsupported_fn("detach"), min: 1, max: 1 },
        MethodDef::Getter { name: "encoding", get: |_| Ok(none::none()) },
        MethodDef::Getter { name: "newlines", get: |_| Ok(none::none()) },
        MethodDef::Getter { name: "errors", get: |_| Ok(none::none()) },
    ]
}

// ----- open() -----

struct Mode {
    creating: bool,
    reading: bool,
    writing: bool,
    appending: bool,
    updating: bool,
    text: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let mut m = Mode { creating: false, reading: false, writing: false, appending: false, updating: false, text: false, binary: false };
    for (i, c) in mode.char_indices() {
        let flag = match c {
            'x' => &mut m.creating,
            'r' => &mut m.reading,
            'w' => &mut m.writing,
            'a' => &mut m.appending,
            '+' => &mut m.updating,
            't' => &mut m.text,
            'b' => &mut m.binary,
            _ => return Err(value_error(format!("invalid mode: '{mode}'"))),
        };
        *flag = true;
        if mode[i + 1..].contains(c) {
            return Err(value_error(format!("invalid mode: '{mode}'")));
        }
    }
    Ok(m)
}

fn opt_str(fname: &str, arg: &str, o: &Option<Obj>) -> PyResult<Option<String>> {
    match o {
        None => Ok(None),
        Some(v) if none::is_none(v) => Ok(None),
        Some(v) => match pystr::as_str(v) {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(type_error(format!("{fname}() argument '{arg}' must be str or None, not {}", v.type_name()))),
        },
    }
}

pub fn io_open(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("open", a, kw, &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], 0, 8, 1)?;
    let file = b[0].clone().unwrap();
    let mode_obj = b[1].clone().unwrap_or_else(|| pystr::new("r"));
    let mode = pystr::as_str(&mode_obj)
        .ok_or_else(|| type_error(format!("open() argument 'mode' must be str, not {}", mode_obj.type_name())))?
        .to_string();
    let buffering = match &b[2] {
        Some(v) if float_like(v) => return Err(type_error("'float' object cannot be interpreted as an integer")),
        Some(v) => protocol::index_i64(v)?,
        None => -1,
    };
    let encoding = opt_str("open", "encoding", &b[3])?;
    let errors = opt_str("open", "errors", &b[4])?;
    let newline = opt_str("open", "newline", &b[5])?;
    let closefd = b[6].as_ref().map_or(Ok(true), protocol::is_true)?;
    if !pystr::is_str(&file) && crate::types::bytes::as_bytes(&file).is_none() && !int::is_int(&file) {
        super::posix::fspath(&file)?;
    }
    let m = parse_mode(&mode)?;
    if m.text && m.binary {
        return Err(value_error("can't have text and binary mode at once"));
    }
    if m.creating as u8 + m.reading as u8 + m.writing as u8 + m.appending as u8 > 1 {
        return Err(value_error("must have exactly one of create/read/write/append mode"));
    }
    if m.binary && encoding.is_some() {
        return Err(value_error("binary mode doesn't take an encoding argument"));
    }
    if m.binary && errors.is_some() {
        return Err(value_error("binary mode doesn't take an errors argument"));
    }
    if m.binary && newline.is_some() {
        return Err(value_error("binary mode doesn't take a newline argument"));
    }
    let mut rawmode = String::new();
    for (on, c) in [(m.creating, 'x'), (m.reading, 'r'), (m.writing, 'w'), (m.appending, 'a'), (m.updating, '+')] {
        if on {
            rawmode.push(c);
        }
    }
    let t = io_types();
    let mut raw_args = vec![file, pystr::new(&rawmode), pybool::from_bool(closefd)];
    if let Some(op) = b[7].clone().filter(|o| !none::is_none(o)) {
        raw_args.push(op);
    }
    let raw = protocol::call(&t.fileio.as_obj(), &raw_args)?;
    let result = open_layers(&raw, &m, &mode, buffering, encoding, errors, newline);
    if result.is_err() {
        let _ = protocol::call_method(&raw, "close", &[]);
    }
    result
}

fn float_like(v: &Obj) -> bool {
    crate::types::float::is_float(v)
}

fn open_layers(raw: &Obj, m: &Mode, mode: &str, mut buffering: i64, encoding: Option<String>, errors: Option<String>, newline: Option<String>) -> PyResult<Obj> {
    let t = io_types();
    let mut line_buffering = false;
    let tty = fileio::isatty_raw(raw);
    if buffering == 1 || (buffering < 0 && tty) {
        buffering = -1;
        line_buffering = true;
    }
    if buffering < 0 {
        buffering = fileio::blksize(raw).unwrap_or(DEFAULT_BUFFER_SIZE as i64);
    }
    if buffering == 0 {
        if m.binary {
            return Ok(raw.clone());
        }
        return Err(value_error("can't have unbuffered text I/O"));
    }
    let cls = if m.updating {
        t.buffered_random
    } else if m.creating || m.writing || m.appending {
        t.buffered_writer
    } else if m.reading {
        t.buffered_reader
    } else {
        return Err(value_error(format!("unknown mode: '{mode}'")));
    };
    let buffer = protocol::call(&cls.as_obj(), &[raw.clone(), int::from_i64(buffering)])?;
    if m.binary {
        return Ok(buffer);
    }
    let s = |v: Option<String>| v.map_or_else(none::none, |x| pystr::from_string(x));
    let w = protocol::call(&t.textiowrapper.as_obj(), &[buffer, s(encoding), s(errors), s(newline), pybool::from_bool(line_buffering)])?;
    protocol::setattr(&w, &pystr::intern("mode"), &pystr::new(mode))?;
    Ok(w)
}

/// `_io.open` is the builtin `open` object itself.
fn open_builtin() -> Obj {
    let b = crate::builtins::builtins_dict();
    dict::get_item_str(&b, &pystr::intern("open")).unwrap_or_else(|| new_builtin_in("_io", "open", io_open))
}

fn io_open_code(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("open_code", a, kw, &["path"], 0, 1, 1)?;
    let p = b[0].clone().unwrap();
    if !pystr::is_str(&p) {
        return Err(type_error(format!("open_code() argument 'path' must be str, not {}", p.type_name())));
    }
    io_open(&none::none(), &[p, pystr::new("rb")], &KwArgs::EMPTY)
}

fn io_text_encoding(_s: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let b = bind_args("text_encoding", a, kw, &["encoding", "stacklevel"], 0, 2, 1)?;
    let e = b[0].clone().unwrap();
    Ok(if none::is_none(&e) { pystr::new("locale") } else { e })
}

/// Creates the `_io` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_io");
    let d = module::dict(&m);
    let t = io_types();
    dict::set_item_str(&d, "open", open_builtin());
    dict::set_item_str(&d, "open_code", new_builtin_in("_io", "open_code", io_open_code));
    dict::set_item_str(&d, "text_encoding", new_builtin_in("_io", "text_encoding", io_text_encoding));
    dict::set_item_str(&d, "DEFAULT_BUFFER_SIZE", int::from_usize(DEFAULT_BUFFER_SIZE));
    dict::set_item_str(&d, "UnsupportedOperation", unsupported_type());
    dict::set_item_str(&d, "BlockingIOError", crate::types::exceptions::exc().blocking_io_error.as_obj());
    let named: [(&str, &'static TypeObject); 13] = [
        ("_IOBase", t.iobase), ("_RawIOBase", t.rawiobase), ("_BufferedIOBase", t.bufferediobase),
        ("_TextIOBase", t.textiobase), ("FileIO", t.fileio), ("BufferedReader", t.buffered_reader),
        ("BufferedWriter", t.buffered_writer), ("BufferedRandom", t.buffered_random),
        ("BufferedRWPair", t.buffered_rwpair), ("TextIOWrapper", t.textiowrapper),
        ("IncrementalNewlineDecoder", t.newline_decoder), ("BytesIO", t.bytesio), ("StringIO", t.stringio),
    ];
    for (n, ty) in named {
        dict::set_item_str(&d, n, ty.as_obj());
    }
    Ok(m)
}
