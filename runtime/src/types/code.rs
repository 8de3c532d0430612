//! `code`: the runtime's view of a compiled code object (`pyc_frontend::bytecode::CodeObject`).
//!
//! A `CodeObj` wraps a `&'static CodeObject` (the deserialized `Program` is leaked at
//! start-up, and code compiled at run time is leaked too) with everything the interpreter
//! and the native code need ready-made: constants as objects, names as interned strs,
//! the module source (for traceback lines), the global code index and the native entry.

use pyc_frontend::bytecode::{CodeObject, Constant};

use super::typeobj::{drop_as, MethodDef};
use super::TypeSpec;
use crate::frame::Frame;
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::types::{self, none, str as pystr, types};

/// The native entry of a lowered code object.
pub type NativeFn = unsafe extern "C" fn(*mut Frame) -> u64;

#[repr(C)]
pub struct CodeObj {
    pub head: ObjHeader,
    pub code: &'static CodeObject,
    /// `consts` as objects (nested code constants are `CodeObj`s).
    pub consts: Vec<Obj>,
    /// `names` as interned strs.
    pub names: Vec<Obj>,
    /// `varnames ++ cellvars ++ freevars` as interned strs (index = localsplus index).
    pub localsplus_names: Vec<Obj>,
    pub name: Obj,
    pub qualname: Obj,
    pub filename: Obj,
    /// The module's full source text (for traceback source lines).
    pub source: Option<&'static str>,
    /// Index in `Program::code_objects()` order (u32::MAX for code made at run time).
    pub index: u32,
    pub native: Option<NativeFn>,
    /// Precomputed call facts (`frame::call_function`'s fast path).
    pub info: CallInfo,
    /// Per-name global/builtin look-up cache (`interp::load_global_cached`), one entry per
    /// `names` index.
    pub global_cache: Box<[std::cell::Cell<GlobalCacheEntry>]>,
}

/// What a call needs to know about a code object, computed once at creation.
#[derive(Clone, Copy)]
pub struct CallInfo {
    /// `argcount` when a call with exactly that many positional arguments (and no keyword
    /// arguments) binds them one-to-one into the first locals: no `*args`, no `**kwargs`,
    /// no keyword-only parameters. `u32::MAX` otherwise.
    pub fast_argc: u32,
    /// `varnames + cellvars + freevars`.
    pub nlocalsplus: u32,
    pub is_generator: bool,
    /// Has cell or free variables (`Frame::init_cells` needed).
    pub has_cells: bool,
    /// Unoptimized function code that needs a locals dict.
    pub needs_locals: bool,
}

/// One global look-up cache entry: `value` (borrowed: the dict that held it still holds
/// it while the tags match) was found with globals tag `gtag` and builtins tag `btag`.
#[derive(Clone, Copy, Default)]
pub struct GlobalCacheEntry {
    pub gtag: u64,
    pub btag: u64,
    pub value: u64,
}

impl CodeObj {
    pub fn nvarnames(&self) -> usize {
        self.code.varnames.len()
    }
    pub fn ncells(&self) -> usize {
        self.code.cellvars.len()
    }
    #[inline]
    pub fn is_generator(&self) -> bool {
        self.info.is_generator
    }
    /// Line of instruction `pc`.
    pub fn line_of(&self, pc: u32) -> u32 {
        self.code.lines.get(pc as usize).copied().unwrap_or(self.code.first_line)
    }
    /// Source line `n` (1-based) of the module, if the source is known.
    pub fn source_line(&self, n: u32) -> Option<&'static str> {
        let src = self.source?;
        if n == 0 {
            return None;
        }
        src.split('\n').nth(n as usize - 1).map(|l| l.strip_suffix('\r').unwrap_or(l))
    }
}

/// Views a code object's payload (caller guarantees `o` is a code object).
#[inline]
pub fn as_code(o: &Obj) -> &CodeObj {
    debug_assert!(o.isinstance(types().code));
    unsafe { o.payload::<CodeObj>() }
}

pub fn is_code(o: &Obj) -> bool {
    o.isinstance(types().code)
}

/// Converts a bytecode constant to an object.
pub fn const_to_obj(c: &'static Constant, ctx: &mut BuildCtx) -> Obj {
    match c {
        Constant::None => none::none(),
        Constant::Ellipsis => none::ellipsis(),
        Constant::Bool(b) => types::bool::from_bool(*b),
        Constant::Int(i) => types::int::from_i64(*i),
        Constant::BigInt(b) => types::int::from_bigint(b.clone()),
        Constant::Float(f) => types::float::new(*f),
        Constant::Complex(re, im) => types::complex::new(*re, *im),
        Constant::Str(s) => pystr::intern(s),
        Constant::Bytes(b) => types::bytes::new(b.clone()),
        Constant::Tuple(items) => types::tuple::new(items.iter().map(|c| const_to_obj(c, ctx)).collect()),
        Constant::Code(inner) => build(inner, ctx),
        Constant::FrozenSet(items) => {
            let objs: Vec<Obj> = items.iter().map(|c| const_to_obj(c, ctx)).collect();
            // Constants are always hashable, so this cannot fail; stay panic-free anyway.
            types::set::new_frozenset_const(objs).unwrap_or_else(|_| types::tuple::new(Vec::new()))
        }
    }
}

/// State while converting a code tree: the module source, the next global code index,
/// and the native table.
pub struct BuildCtx<'a> {
    pub source: Option<&'static str>,
    pub next_index: u32,
    /// `None` entries (or no table) mean "interpret".
    pub natives: &'a [Option<NativeFn>],
    /// Count code objects without assigning global indices (run-time compiled code).
    pub runtime: bool,
}

/// Creates the `CodeObj` for `code` and, recursively, for its nested code constants,
/// assigning global indices in `Program::code_objects()` order (self first, depth-first).
pub fn build(code: &'static CodeObject, ctx: &mut BuildCtx) -> Obj {
    let index = if ctx.runtime { u32::MAX } else { ctx.next_index };
    if !ctx.runtime {
        ctx.next_index += 1;
    }
    let native = if ctx.runtime { None } else { ctx.natives.get(index as usize).copied().flatten() };
    let consts = code.consts.iter().map(|c| const_to_obj(c, ctx)).collect();
    let names = code.names.iter().map(|n| pystr::intern(n)).collect();
    let localsplus_names = code
        .varnames
        .iter()
        .chain(code.cellvars.iter())
        .chain(code.freevars.iter())
        .map(|n| pystr::intern(n))
        .collect();
    let info = call_info(code);
    let global_cache = (0..code.names.len()).map(|_| std::cell::Cell::new(GlobalCacheEntry::default())).collect();
    let obj = CodeObj {
        info,
        global_cache,
        head: header(),
        code,
        consts,
        names,
        localsplus_names,
        name: pystr::intern(&code.name),
        qualname: pystr::new(&code.qualname),
        filename: pystr::new(&code.filename),
        source: ctx.source,
        index,
        native,
    };
    alloc(types().code, obj)
}

fn call_info(code: &CodeObject) -> CallInfo {
    use pyc_frontend::bytecode::code_flags as cf;
    let simple = code.flags & (cf::VARARGS | cf::VARKEYWORDS) == 0 && code.kwonlyargcount == 0;
    CallInfo {
        fast_argc: if simple { code.argcount } else { u32::MAX },
        nlocalsplus: code.nlocalsplus() as u32,
        is_generator: code.is_generator(),
        has_cells: !code.cellvars.is_empty() || !code.freevars.is_empty(),
        needs_locals: code.flags & cf::NEWLOCALS == 0 && code.flags & cf::OPTIMIZED == 0,
    }
}

/// A code object for code compiled at run time (`exec`/`eval`/`compile`): the code and the
/// source are leaked (they live as long as the program, like the embedded bytecode).
/// Tracebacks show its source lines only when the file name names a file that exists
/// (CPython's linecache reads them from disk: `<string>` shows none).
///
/// Compiling the same text under the same name and mode again reuses the leaked
/// bytecode, so a program that evaluates the same strings in a loop does not grow.
pub fn from_runtime<E>(
    source: &str,
    filename: &str,
    mode: u8,
    compile: impl FnOnce() -> Result<CodeObject, E>,
) -> Result<Obj, E> {
    type Key = (String, String, u8);
    static COMPILED: std::sync::Mutex<Option<std::collections::HashMap<Key, (&'static CodeObject, Option<&'static str>)>>> =
        std::sync::Mutex::new(None);
    let key: Key = (source.to_string(), filename.to_string(), mode);
    let cached = COMPILED.lock().ok().and_then(|c| c.as_ref().and_then(|m| m.get(&key).copied()));
    let (code, source) = match cached {
        Some(hit) => hit,
        None => {
            let code: &'static CodeObject = Box::leak(Box::new(compile()?));
            let on_disk = std::path::Path::new(&code.filename).is_file();
            let text: Option<&'static str> = on_disk.then(|| &*Box::leak(source.to_string().into_boxed_str()));
            if let Ok(mut c) = COMPILED.lock() {
                c.get_or_insert_with(Default::default).insert(key, (code, text));
            }
            (code, text)
        }
    };
    Ok(build_runtime(code, source))
}

fn build_runtime(code: &'static CodeObject, source: Option<&'static str>) -> Obj {
    let mut ctx = BuildCtx { source, next_index: 0, natives: &[], runtime: true };
    build(code, &mut ctx)
}

// ----- the `code` type -----

fn code_repr(o: &Obj) -> PyResult<Obj> {
    let c = as_code(o);
    Ok(pystr::from_string(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.code.name, o.raw(), c.code.filename, c.code.first_line
    )))
}

fn strs(v: &[String]) -> Obj {
    types::tuple::new(v.iter().map(|s| pystr::intern(s)).collect())
}

fn g_name(o: &Obj) -> PyResult<Obj> { Ok(as_code(o).name.clone()) }
fn g_qualname(o: &Obj) -> PyResult<Obj> { Ok(as_code(o).qualname.clone()) }
fn g_filename(o: &Obj) -> PyResult<Obj> { Ok(as_code(o).filename.clone()) }
fn g_firstlineno(o: &Obj) -> PyResult<Obj> { Ok(types::int::from_i64(as_code(o).code.first_line as i64)) }
fn g_argcount(o: &Obj) -> PyResult<Obj> { Ok(types::int::from_i64(as_code(o).code.argcount as i64)) }
fn g_posonly(o: &Obj) -> PyResult<Obj> { Ok(types::int::from_i64(as_code(o).code.posonlyargcount as i64)) }
fn g_kwonly(o: &Obj) -> PyResult<Obj> { Ok(types::int::from_i64(as_code(o).code.kwonlyargcount as i64)) }
fn g_nlocals(o: &Obj) -> PyResult<Obj> { Ok(types::int::from_i64(as_code(o).code.varnames.len() as i64)) }
fn g_flags(o: &Obj) -> PyResult<Obj> { Ok(types::int::from_i64(as_code(o).code.flags as i64)) }
fn g_stacksize(o: &Obj) -> PyResult<Obj> { Ok(types::int::from_i64(as_code(o).code.max_stack as i64)) }
fn g_varnames(o: &Obj) -> PyResult<Obj> { Ok(strs(&as_code(o).code.varnames)) }
fn g_cellvars(o: &Obj) -> PyResult<Obj> { Ok(strs(&as_code(o).code.cellvars)) }
fn g_freevars(o: &Obj) -> PyResult<Obj> { Ok(strs(&as_code(o).code.freevars)) }
fn g_names(o: &Obj) -> PyResult<Obj> { Ok(strs(&as_code(o).code.names)) }
fn g_consts(o: &Obj) -> PyResult<Obj> { Ok(types::tuple::new(as_code(o).consts.clone())) }

/// `co_positions()`: (line, end_line, col, end_col) per instruction, None where unknown
/// (the `traceback` module reads the `^^^` marks' span from it).
fn m_positions(a: &[Obj]) -> PyResult<Obj> {
    let c = as_code(&a[0]).code;
    let opt = |known: bool, v: u32| if known { types::int::from_i64(v as i64) } else { none::none() };
    let items = c.lines.iter().zip(&c.positions).map(|(&line, &(end_line, col, end_col))| {
        let known = end_line != 0;
        types::tuple::new(vec![opt(line != 0, line), opt(known, end_line), opt(known, col), opt(known, end_col)])
    });
    crate::protocol::iter(&types::list::new(items.collect()))
}

// ----- code.replace -----

/// The `co_flags` bits that shape a frame's locals and argument binding: changing them
/// would make the bytecode and the frame layout disagree, so `replace` refuses.
const LAYOUT_FLAGS: u32 = {
    use pyc_frontend::bytecode::code_flags as cf;
    cf::OPTIMIZED | cf::NEWLOCALS | cf::VARARGS | cf::VARKEYWORDS
};
/// The bits that choose what a call of the code makes (function result, generator,
/// coroutine, async generator): the native entry was lowered for one of those kinds.
const KIND_FLAGS: u32 = {
    use pyc_frontend::bytecode::code_flags as cf;
    cf::GENERATOR | cf::COROUTINE | cf::ASYNC_GENERATOR
};

/// What `replace` may change; the rest of a code object stays that of the original.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Replacement {
    flags: u32,
    first_line: u32,
    name: String,
    qualname: String,
    filename: String,
}

/// Replaced code objects by (original bytecode, replacement): `replace` leaks the new
/// bytecode (code objects hold `&'static CodeObject`) and makes the object immortal (a
/// code object with a native entry must outlive every call site that cached it, see
/// `frame::direct_target`), so the same replacement is made once and shared.
type ReplaceCache = std::collections::HashMap<(usize, Replacement), Obj>;
static REPLACED: crate::gil::GilCell<std::cell::RefCell<Option<ReplaceCache>>> =
    crate::gil::GilCell::new(std::cell::RefCell::new(None));

/// A `replace()` keyword argument that must be a str.
fn str_arg(name: &str, v: &Obj) -> PyResult<String> {
    match pystr::as_str(v) {
        Some(s) if v.isinstance(types().str) => Ok(s.to_string()),
        _ => Err(crate::errors::type_error(format!("replace() argument '{}' must be str, not {}", name, v.type_name()))),
    }
}

/// A `replace()` keyword argument that must be a non-negative int fitting 32 bits.
fn u32_arg(name: &str, v: &Obj) -> PyResult<u32> {
    let n = crate::protocol::index_i64(v)?;
    u32::try_from(n).map_err(|_| crate::errors::value_error(format!("{} must be a positive integer", name)))
}

/// `code.replace(**changes)`: a copy with `co_flags`, `co_firstlineno`, `co_name`,
/// `co_qualname` or `co_filename` replaced (what `types.coroutine` and decorators that
/// rename functions use). The copy shares the original's constants and, unless the change
/// alters what a call makes or how a frame is laid out, its native entry. Replacing the
/// bytecode itself or its tables (`co_code`, `co_consts`, ...) is not supported.
fn m_replace(o: &Obj, args: &[Obj], kw: &super::typeobj::KwArgs) -> PyResult<Obj> {
    if !args.is_empty() {
        return Err(crate::errors::type_error("replace() takes no positional arguments"));
    }
    let c = as_code(o);
    let orig = c.code;
    let mut r = Replacement {
        flags: orig.flags,
        first_line: orig.first_line,
        name: orig.name.clone(),
        qualname: orig.qualname.clone(),
        filename: orig.filename.clone(),
    };
    for (k, v) in kw.iter() {
        let key = pystr::as_str(k).unwrap_or("");
        match key {
            "co_flags" => r.flags = u32_arg("co_flags", v)?,
            "co_firstlineno" => r.first_line = u32_arg("co_firstlineno", v)?,
            "co_name" => r.name = str_arg(key, v)?,
            "co_qualname" => r.qualname = str_arg(key, v)?,
            "co_filename" => r.filename = str_arg(key, v)?,
            "co_argcount" | "co_posonlyargcount" | "co_kwonlyargcount" | "co_nlocals" | "co_stacksize"
            | "co_code" | "co_consts" | "co_names" | "co_varnames" | "co_freevars" | "co_cellvars"
            | "co_linetable" | "co_exceptiontable" => {
                return Err(crate::errors::not_implemented_error(format!("code.replace({}=...) is not supported", key)));
            }
            _ => return Err(crate::errors::type_error(format!("'{}' is an invalid keyword argument for replace()", key))),
        }
    }
    if (r.flags ^ orig.flags) & LAYOUT_FLAGS != 0 {
        return Err(crate::errors::value_error("code.replace(): changing the co_flags bits 0xf (locals layout, *args, **kwargs) is not supported"));
    }
    let key = (orig as *const CodeObject as usize, r.clone());
    if let Some(hit) = REPLACED.with(|m| m.borrow().as_ref().and_then(|m| m.get(&key).cloned())) {
        return Ok(hit);
    }
    let new = replaced(c, r);
    REPLACED.with(|m| m.borrow_mut().get_or_insert_with(Default::default).insert(key, new.clone()));
    Ok(new)
}

/// The immortal copy of `c` with replacement `r` applied.
fn replaced(c: &CodeObj, r: Replacement) -> Obj {
    let mut code = c.code.clone();
    let same_kind = (r.flags ^ code.flags) & KIND_FLAGS == 0;
    code.flags = r.flags;
    code.first_line = r.first_line;
    code.name = r.name;
    code.qualname = r.qualname;
    code.filename = r.filename;
    let code: &'static CodeObject = Box::leak(Box::new(code));
    let names = [pystr::intern(&code.name), pystr::new(&code.qualname), pystr::new(&code.filename)];
    for n in &names {
        n.make_immortal();
    }
    let [name, qualname, filename] = names;
    let obj = alloc(
        types().code,
        CodeObj {
            head: header(),
            code,
            consts: c.consts.clone(),
            names: c.names.clone(),
            localsplus_names: c.localsplus_names.clone(),
            name,
            qualname,
            filename,
            source: c.source,
            index: u32::MAX,
            // the native body does not depend on the names, lines or the other flags
            native: c.native.filter(|_| same_kind),
            info: call_info(code),
            global_cache: (0..code.names.len()).map(|_| std::cell::Cell::new(GlobalCacheEntry::default())).collect(),
        },
    );
    obj.make_immortal();
    obj
}

pub fn spec() -> TypeSpec {
    let mut s = TypeSpec::new("code", std::mem::size_of::<CodeObj>(), drop_as::<CodeObj>);
    s.final_ = true;
    s.slots.repr = Some(code_repr);
    s.methods = vec![
        MethodDef::Getter { name: "co_name", get: g_name },
        MethodDef::Getter { name: "co_qualname", get: g_qualname },
        MethodDef::Getter { name: "co_filename", get: g_filename },
        MethodDef::Getter { name: "co_firstlineno", get: g_firstlineno },
        MethodDef::Getter { name: "co_argcount", get: g_argcount },
        MethodDef::Getter { name: "co_posonlyargcount", get: g_posonly },
        MethodDef::Getter { name: "co_kwonlyargcount", get: g_kwonly },
        MethodDef::Getter { name: "co_nlocals", get: g_nlocals },
        MethodDef::Getter { name: "co_flags", get: g_flags },
        MethodDef::Getter { name: "co_stacksize", get: g_stacksize },
        MethodDef::Getter { name: "co_varnames", get: g_varnames },
        MethodDef::Getter { name: "co_cellvars", get: g_cellvars },
        MethodDef::Getter { name: "co_freevars", get: g_freevars },
        MethodDef::Getter { name: "co_names", get: g_names },
        MethodDef::Getter { name: "co_consts", get: g_consts },
    ];
    EXTRA.extend(&mut s.methods);
    s
}

super::method_extension! {
    /// Enables code's extension table (called by the program's `main`; types/mod.rs
    /// `MethodExtension`).
    pyrt_methods_code: EXTRA(MethodDef) => extra_methods
}

pub(super) fn extra_methods() -> Vec<MethodDef> {
    vec![
        MethodDef::Method { name: "co_positions", func: m_positions, min: 1, max: 1 },
        MethodDef::MethodKw { name: "replace", func: m_replace },
    ]
}
