//! The built-in exception types (Python 3.11's whole hierarchy), the `ExceptionObj`
//! payload they share (args, traceback, cause, context, suppress_context, per-family
//! extra fields such as `StopIteration.value` or `OSError.errno`), their `__new__`,
//! `__init__`, `__str__`, `__repr__` with CPython's rules, and the `exc()` registry.
//!
//! Every exception instance has an instance dict (`__notes__` and user attributes live
//! there); user subclasses share the layout, their dict slot holding compact attribute
//! storage (`instance_attrs`), so code here reaches it only through that module. Extra fields are exposed through member
//! descriptors (`descriptors::new_member` with `MemberKind::ExcField`).

use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::types::typeobj::{drop_as, flags, KwArgs, MethodDef, Slots, TypeObject};
use crate::types::{descriptors, dict, none, str as pystr, tuple, types, TypeSpec};

/// The payload shared by every exception.
#[repr(C)]
pub struct ExceptionObj {
    pub head: ObjHeader,
    /// Always a tuple.
    pub args: Obj,
    pub traceback: Option<Obj>,
    pub cause: Option<Obj>,
    pub context: Option<Obj>,
    pub suppress_context: bool,
    /// Family-specific fields (see `Family`), `None` = unset (reads as None).
    pub extra: Vec<Option<Obj>>,
}

macro_rules! exc_types {
    ($be:ident; $( $field:ident : $name:literal < $base:ident ),* $(,)?) => {
        /// Every built-in exception type.
        pub struct ExcTypes {
            pub $be: &'static TypeObject,
            $(pub $field: &'static TypeObject,)*
        }
        fn create_all() -> ExcTypes {
            let $be = base_exception_type();
            $( let $field = make_exception_type($name, stringify!($field), $base); )*
            ExcTypes { $be, $($field,)* }
        }
    };
}

exc_types!(
    base_exception;
    system_exit: "SystemExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    generator_exit: "GeneratorExit" < base_exception,
    base_exception_group: "BaseExceptionGroup" < base_exception,
    exception: "Exception" < base_exception,
    stop_iteration: "StopIteration" < exception,
    stop_async_iteration: "StopAsyncIteration" < exception,
    arithmetic_error: "ArithmeticError" < exception,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    assertion_error: "AssertionError" < exception,
    attribute_error: "AttributeError" < exception,
    buffer_error: "BufferError" < exception,
    eof_error: "EOFError" < exception,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    memory_error: "MemoryError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    os_error: "OSError" < exception,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    file_exists_error: "FileExistsError" < os_error,
    file_not_found_error: "FileNotFoundError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    permission_error: "PermissionError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    reference_error: "ReferenceError" < exception,
    runtime_error: "RuntimeError" < exception,
    not_implemented_error: "NotImplementedError" < runtime_error,
    recursion_error: "RecursionError" < runtime_error,
    syntax_error: "SyntaxError" < exception,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    system_error: "SystemError" < exception,
    type_error: "TypeError" < exception,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    unicode_decode_error: "UnicodeDecodeError" < unicode_error,
    unicode_encode_error: "UnicodeEncodeError" < unicode_error,
    unicode_translate_error: "UnicodeTranslateError" < unicode_error,
    exception_group: "ExceptionGroup" < base_exception_group,
    warning: "Warning" < exception,
    deprecation_warning: "DeprecationWarning" < warning,
    pending_deprecation_warning: "PendingDeprecationWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
    syntax_warning: "SyntaxWarning" < warning,
    user_warning: "UserWarning" < warning,
    future_warning: "FutureWarning" < warning,
    import_warning: "ImportWarning" < warning,
    unicode_warning: "UnicodeWarning" < warning,
    bytes_warning: "BytesWarning" < warning,
    resource_warning: "ResourceWarning" < warning,
    encoding_warning: "EncodingWarning" < warning,
);

static mut EXC: Option<ExcTypes> = None;

/// The built-in exception types. Valid after `init`.
#[inline]
pub fn exc() -> &'static ExcTypes {
    // SAFETY: written once by `init` (start-up, single thread), never again.
    unsafe {
        match (*std::ptr::addr_of!(EXC)).as_ref() {
            Some(e) => e,
            None => crate::errors::fatal("exception types used before initialization"),
        }
    }
}

/// Creates every exception type (called at the end of `types::init`).
pub fn init() {
    let all = create_all();
    unsafe {
        *std::ptr::addr_of_mut!(EXC) = Some(all);
    }
    let e = exc();
    // The exception group pair: ExceptionGroup also derives from Exception.
    {
        let eg = e.exception_group;
        let egp = eg as *const TypeObject as *mut TypeObject;
        unsafe {
            (*egp).bases.borrow_mut().push(e.exception.as_obj());
            // MRO: ExceptionGroup, BaseExceptionGroup, Exception, BaseException, object
            *(*egp).mro_rest.borrow_mut() = vec![
                e.base_exception_group.as_obj(),
                e.exception.as_obj(),
                e.base_exception.as_obj(),
                types().object.as_obj(),
            ];
        }
    }
    // Member descriptors for the family fields.
    let members: &[(&TypeObject, &[&str])] = &[
        (e.stop_iteration, &["value"]),
        (e.system_exit, &["code"]),
        (e.import_error, &["msg", "name", "path"]),
        (e.os_error, &["errno", "strerror", "filename", "filename2"]),
        (e.syntax_error, &["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"]),
        (e.name_error, &["name"]),
        (e.attribute_error, &["name", "obj"]),
        (e.unicode_error, &["encoding", "object", "start", "end", "reason"]),
        (e.base_exception_group, &["message", "exceptions"]),
    ];
    for (ty, names) in members {
        let d = ty.dict().borrow().clone().expect("exception dict");
        for (i, n) in names.iter().enumerate() {
            let m = descriptors::new_member(n, ty, descriptors::MemberKind::ExcField(i));
            dict::set_item_str(&d, n, m);
        }
    }
}

/// Creates one built-in exception class. Not inlined: `create_all` calls it once per
/// class (~65), and an inlined `TypeSpec` per call made start-up code 10 KB larger.
#[inline(never)]
fn make_exception_type(name: &'static str, field: &str, base: &'static TypeObject) -> &'static TypeObject {
    crate::types::create_type(exc_spec(name, field), base)
}

/// A spec for a subclass: it overrides only what its family needs.
fn exc_spec(name: &'static str, field: &str) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<ExceptionObj>(), drop_as::<ExceptionObj>);
    s.flags = flags::BASE_EXC_SUBCLASS;
    match field {
        "key_error" => s.slots.str = Some(key_error_str),
        "os_error" => {
            s.slots.str = Some(os_error_str);
            s.slots.new = Some(os_error_new);
            s.slots.init = Some(os_error_init);
        }
        "import_error" => {
            s.slots.str = Some(import_error_str);
            s.slots.init = Some(import_error_init);
        }
        "syntax_error" => {
            s.slots.str = Some(syntax_error_str);
            s.slots.init = Some(syntax_error_init);
        }
        "stop_iteration" => s.slots.init = Some(stop_iteration_init),
        "system_exit" => s.slots.init = Some(system_exit_init),
        "name_error" => s.slots.init = Some(name_error_init),
        "attribute_error" => s.slots.init = Some(attribute_error_init),
        "unicode_decode_error" | "unicode_encode_error" | "unicode_translate_error" => {
            s.slots.str = Some(unicode_error_str);
            s.slots.init = Some(unicode_error_init);
        }
        "base_exception_group" => {
            s.slots.str = Some(group_str);
            s.slots.new = Some(group_new);
            s.slots.init = Some(group_init);
            s.methods.push(MethodDef::Method { name: "derive", func: group_derive, min: 2, max: 2 });
            s.methods.push(MethodDef::Method { name: "split", func: group_split_m, min: 2, max: 2 });
            s.methods.push(MethodDef::Method { name: "subgroup", func: group_subgroup_m, min: 2, max: 2 });
        }
        _ => {}
    }
    s
}

fn base_exception_type() -> &'static TypeObject {
    let mut s = TypeSpec::new("BaseException", std::mem::size_of::<ExceptionObj>(), drop_as::<ExceptionObj>);
    s.flags = flags::BASE_EXC_SUBCLASS;
    s.has_dict = true;
    s.slots = Slots {
        traverse: Some(exc_traverse),
        clear: Some(exc_clear),
        repr: Some(base_repr),
        str: Some(base_str),
        new: Some(base_new),
        init: Some(base_init),
        ..Slots::default()
    };
    s.methods = vec![
        MethodDef::Method { name: "with_traceback", func: with_traceback, min: 2, max: 2 },
        MethodDef::Method { name: "add_note", func: add_note, min: 2, max: 2 },
        MethodDef::Method { name: "__reduce__", func: exc_reduce, min: 1, max: 1 },
        MethodDef::Method { name: "__setstate__", func: exc_setstate, min: 2, max: 2 },
        MethodDef::GetSet { name: "args", get: get_args, set: set_args },
        MethodDef::GetSet { name: "__traceback__", get: get_tb, set: set_tb },
        MethodDef::GetSet { name: "__cause__", get: get_cause, set: set_cause_attr },
        MethodDef::GetSet { name: "__context__", get: get_context, set: set_context_attr },
        MethodDef::GetSet { name: "__suppress_context__", get: get_suppress, set: set_suppress },
    ];
    crate::types::create_type(s, types().object)
}

// ----- the Rust API -----

/// The payload of an exception instance (`None` if `o` is not one).
#[allow(clippy::mut_from_ref)]
pub fn payload(o: &Obj) -> Option<&mut ExceptionObj> {
    if !o.is_small_int() && o.ty().has_flag(flags::BASE_EXC_SUBCLASS) && !crate::types::typeobj::is_type(o) {
        Some(unsafe { o.payload_mut::<ExceptionObj>() })
    } else {
        None
    }
}

/// Is `o` an exception instance?
pub fn is_exception(o: &Obj) -> bool {
    payload(o).is_some()
}

/// Is `o` an exception class (BaseException or a subclass)?
pub fn is_exception_type(o: &Obj) -> bool {
    crate::types::typeobj::downcast_type(o).map_or(false, |t| t.has_flag(flags::BASE_EXC_SUBCLASS))
}

/// `family_extra_len` of `ty`, remembered by type version for the last four classes
/// seen (versions are never reused, and a changed class only misses; all four are
/// compared, so that two classes raised in turn cannot evict each other).
fn extra_len(ty: &TypeObject) -> usize {
    thread_local! {
        static SEEN: std::cell::Cell<[(u64, u8); 4]> = const { std::cell::Cell::new([(0, 0); 4]) };
    }
    let v = ty.version.get();
    SEEN.with(|c| {
        let mut seen = c.get();
        if let Some(&(_, n)) = seen.iter().find(|e| e.0 == v) {
            return n as usize;
        }
        let n = family_extra_len(ty);
        seen.rotate_right(1);
        seen[0] = (v, n as u8);
        c.set(seen);
        n
    })
}

/// How many family-specific fields (`ExceptionObj::extra`) instances of `ty` carry.
fn family_extra_len(ty: &TypeObject) -> usize {
    let e = exc();
    if ty.is_subtype(e.syntax_error) {
        8
    } else if ty.is_subtype(e.unicode_error) {
        5
    } else if ty.is_subtype(e.os_error) {
        4
    } else if ty.is_subtype(e.import_error) {
        3
    } else if ty.is_subtype(e.attribute_error) || ty.is_subtype(e.base_exception_group) {
        2
    } else if ty.is_subtype(e.stop_iteration) || ty.is_subtype(e.system_exit) || ty.is_subtype(e.name_error) {
        1
    } else {
        0
    }
}

fn alloc_exc(ty: &TypeObject, args: Obj) -> Obj {
    let n = if unsafe { (*std::ptr::addr_of!(EXC)).is_some() } { extra_len(ty) } else { 0 };
    alloc(
        ty,
        ExceptionObj {
            head: header(),
            args,
            traceback: None,
            cause: None,
            context: None,
            suppress_context: false,
            // (most exceptions have no extra fields: no call to build an empty vector)
            extra: if n == 0 { Vec::new() } else { vec![None; n] },
        },
    )
}

/// `ty(*args)` for a built-in exception type, without running Python-level code.
pub fn new_exception(ty: &TypeObject, args: Vec<Obj>) -> Obj {
    let e = alloc_exc(ty, tuple::new(args.clone()));
    // Run the family's Rust initializer (never fails for well-formed internal calls).
    if ty.is_subtype(exc().os_error) {
        os_error_parse(&e, &args);
    } else if let Some(init) = ty.slots().init {
        if init as usize != base_init as *const () as usize {
            let _ = init(&e, &args, &KwArgs::EMPTY);
        }
    }
    e
}

/// `ty(msg)`. Cold: every `type_error(...)` & co. reaches it; inlined into the error
/// paths of hot functions (protocol::len, hash, next, setitem) it cost them registers
/// (dict_str +1.5 % instructions once a runtime change tipped LLVM's inliner).
#[cold]
pub fn new_exception_msg(ty: &TypeObject, msg: &str) -> Obj {
    new_exception(ty, vec![pystr::new(msg)])
}

/// The family field `i` (None when unset).
pub fn field(o: &Obj, i: usize) -> Obj {
    payload(o).and_then(|p| p.extra.get(i).cloned().flatten()).unwrap_or_else(none::none)
}

/// Sets family field `i`.
pub fn set_field(o: &Obj, i: usize, v: Option<Obj>) {
    if let Some(p) = payload(o) {
        if i < p.extra.len() {
            p.extra[i] = v;
        }
    }
}

pub fn args(o: &Obj) -> Obj {
    payload(o).map(|p| p.args.clone()).unwrap_or_else(tuple::empty)
}
pub fn traceback(o: &Obj) -> Option<Obj> {
    payload(o).and_then(|p| p.traceback.clone())
}
/// Does exception `o` have a traceback? (No reference taken.)
pub fn has_traceback(o: &Obj) -> bool {
    payload(o).is_some_and(|p| p.traceback.is_some())
}
/// Takes `o.__traceback__` out, leaving None.
pub fn take_traceback(o: &Obj) -> Option<Obj> {
    payload(o).and_then(|p| p.traceback.take())
}
pub fn set_traceback(o: &Obj, tb: Option<Obj>) {
    if let Some(p) = payload(o) {
        p.traceback = tb;
    }
}
pub fn cause(o: &Obj) -> Option<Obj> {
    payload(o).and_then(|p| p.cause.clone())
}
/// `__cause__ = c` (also sets `__suppress_context__`, as `raise ... from` does).
pub fn set_cause(o: &Obj, c: Option<Obj>) {
    if let Some(p) = payload(o) {
        p.cause = c;
        p.suppress_context = true;
    }
}
pub fn context(o: &Obj) -> Option<Obj> {
    payload(o).and_then(|p| p.context.clone())
}
pub fn set_context(o: &Obj, c: Option<Obj>) {
    if let Some(p) = payload(o) {
        p.context = c;
    }
}
pub fn suppress_context(o: &Obj) -> bool {
    payload(o).map_or(false, |p| p.suppress_context)
}

// ----- BaseException -----

fn check_no_kw(cls: &TypeObject, kw: &KwArgs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!("{}() takes no keyword arguments", cls.name())));
    }
    Ok(())
}

fn base_new(cls: &Obj, args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    let t = crate::types::typeobj::as_type(cls);
    Ok(with_args(t, args))
}

/// What `BaseException.__new__` makes for `t(*args)`: the exception holding `args`.
pub fn with_args(t: &TypeObject, args: &[Obj]) -> Obj {
    alloc_exc(t, tuple::from_slice(args))
}

/// Whether type `t` is created by `BaseException.__new__` (no family-specific
/// `__new__`), and whether its `__init__` slot is `BaseException.__init__`, which has
/// nothing left to do after that `__new__` with the same positional arguments. A call
/// site that caches the construction of such a class (class.rs `construct_at_site`)
/// relies on both.
pub fn base_new_and_init(t: &TypeObject) -> (bool, bool) {
    let s = t.slots();
    let new = s.new.is_some_and(|f| f as usize == base_new as *const () as usize);
    let init = s.init.is_some_and(|f| f as usize == base_init as *const () as usize);
    (new, init)
}

fn base_init(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    check_no_kw(o.ty(), kw)?;
    if let Some(p) = payload(o) {
        // `__new__` stored these very arguments already (the usual `E(x)` call, and
        // `Base.__init__(self, x)` passing on what the subclass's `__init__` got).
        let same = tuple::as_slice(&p.args).is_some_and(|old| old.len() == args.len() && old.iter().zip(args).all(|(a, b)| a.is(b)));
        if same {
            return Ok(none::none());
        }
        p.args = tuple::from_slice(args);
    }
    Ok(none::none())
}

fn base_str(o: &Obj) -> PyResult<Obj> {
    let a = args(o);
    let items = tuple::as_slice(&a).unwrap_or(&[]);
    match items.len() {
        0 => Ok(pystr::new("")),
        1 => crate::protocol::str(&items[0]),
        _ => crate::protocol::str(&a),
    }
}

fn base_repr(o: &Obj) -> PyResult<Obj> {
    let a = args(o);
    let items = tuple::as_slice(&a).unwrap_or(&[]);
    let name = o.ty().name();
    let s = if items.len() == 1 {
        format!("{}({})", name, crate::protocol::repr_string(&items[0])?)
    } else if items.is_empty() {
        format!("{}()", name)
    } else {
        format!("{}{}", name, crate::protocol::repr_string(&a)?)
    };
    Ok(pystr::from_string(s))
}

/// `__reduce__`: (type, args) or (type, args, __dict__), so pickle (and
/// multiprocessing, which sends a worker's exception to the parent) keeps the arguments.
fn exc_reduce(a: &[Obj]) -> PyResult<Obj> {
    let ty = a[0].type_obj();
    let d = crate::types::object::instance_dict_or_create(&a[0]).filter(|d| crate::types::dict::len(d) > 0);
    Ok(match d {
        Some(d) => crate::types::tuple::new(vec![ty, args(&a[0]), d]),
        None => crate::types::tuple::pair(ty, args(&a[0])),
    })
}

/// `__setstate__(state)`: sets each attribute of the state dict.
fn exc_setstate(a: &[Obj]) -> PyResult<Obj> {
    let state = &a[1];
    if crate::types::none::is_none(state) {
        return Ok(crate::types::none::none());
    }
    if !state.isinstance(types().dict) {
        return Err(type_error("state is not a dictionary"));
    }
    for (k, v) in crate::types::dict::items(state) {
        crate::protocol::setattr(&a[0], &k, &v)?;
    }
    Ok(crate::types::none::none())
}

fn with_traceback(a: &[Obj]) -> PyResult<Obj> {
    set_tb(&a[0], Some(&a[1]))?;
    Ok(a[0].clone())
}

fn add_note(a: &[Obj]) -> PyResult<Obj> {
    if !a[1].isinstance(types().str) {
        return Err(type_error(format!("note must be a str, not '{}'", a[1].type_name())));
    }
    let name = pystr::intern("__notes__");
    let notes = match crate::protocol::getattr_opt(&a[0], &name)? {
        Some(n) => n,
        None => {
            let l = crate::types::list::new(vec![]);
            crate::protocol::setattr(&a[0], &name, &l)?;
            l
        }
    };
    if !notes.isinstance(types().list) {
        return Err(type_error("Cannot add note: __notes__ is not a list"));
    }
    crate::types::list::append(&notes, a[1].clone());
    Ok(none::none())
}

fn get_args(o: &Obj) -> PyResult<Obj> {
    Ok(args(o))
}
fn set_args(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let Some(v) = v else { return Err(type_error("args may not be deleted")) };
    let t = tuple::new(crate::protocol::collect(v)?);
    if let Some(p) = payload(o) {
        p.args = t;
    }
    Ok(())
}
fn get_tb(o: &Obj) -> PyResult<Obj> {
    Ok(traceback(o).unwrap_or_else(none::none))
}
fn set_tb(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let Some(v) = v else { return Err(type_error("__traceback__ may not be deleted")) };
    if none::is_none(v) {
        set_traceback(o, None);
    } else if v.isinstance(types().traceback) {
        set_traceback(o, Some(v.clone()));
    } else {
        return Err(type_error("__traceback__ must be a traceback or None"));
    }
    Ok(())
}
fn get_cause(o: &Obj) -> PyResult<Obj> {
    Ok(cause(o).unwrap_or_else(none::none))
}
fn set_cause_attr(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let Some(v) = v else { return Err(type_error("__cause__ may not be deleted")) };
    if none::is_none(v) {
        set_cause(o, None);
    } else if is_exception(v) {
        set_cause(o, Some(v.clone()));
    } else {
        return Err(type_error("exception cause must be None or derive from BaseException"));
    }
    Ok(())
}
fn get_context(o: &Obj) -> PyResult<Obj> {
    Ok(context(o).unwrap_or_else(none::none))
}
fn set_context_attr(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let Some(v) = v else { return Err(type_error("__context__ may not be deleted")) };
    if none::is_none(v) {
        set_context(o, None);
    } else if is_exception(v) {
        set_context(o, Some(v.clone()));
    } else {
        return Err(type_error("exception context must be None or derive from BaseException"));
    }
    Ok(())
}
fn get_suppress(o: &Obj) -> PyResult<Obj> {
    Ok(crate::types::bool::from_bool(suppress_context(o)))
}
fn set_suppress(o: &Obj, v: Option<&Obj>) -> PyResult<()> {
    let Some(v) = v else { return Err(type_error("__suppress_context__ may not be deleted")) };
    let b = crate::protocol::is_true(v)?;
    if let Some(p) = payload(o) {
        p.suppress_context = b;
    }
    Ok(())
}

// ----- families -----

fn key_error_str(o: &Obj) -> PyResult<Obj> {
    let a = args(o);
    let items = tuple::as_slice(&a).unwrap_or(&[]);
    if items.len() == 1 {
        crate::protocol::repr(&items[0])
    } else {
        base_str(o)
    }
}

fn stop_iteration_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    base_init(o, a, kw)?;
    set_field(o, 0, a.first().cloned());
    Ok(none::none())
}

fn system_exit_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    base_init(o, a, kw)?;
    let code = match a.len() {
        0 => None,
        1 => Some(a[0].clone()),
        _ => Some(tuple::from_slice(a)),
    };
    set_field(o, 0, code);
    Ok(none::none())
}

/// Sets `args` and checks keywords against `allowed`, storing them at the given fields.
fn init_with_kw(o: &Obj, a: &[Obj], kw: &KwArgs, allowed: &[(&str, usize)]) -> PyResult<()> {
    for (n, v) in kw.iter() {
        let ns = pystr::as_str(n).unwrap_or("");
        match allowed.iter().find(|(k, _)| *k == ns) {
            Some((_, i)) => set_field(o, *i, Some(v.clone())),
            None => {
                return Err(type_error(format!("'{}' is an invalid keyword argument for {}()", ns, o.type_name())))
            }
        }
    }
    if let Some(p) = payload(o) {
        p.args = tuple::from_slice(a);
    }
    Ok(())
}

fn import_error_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    init_with_kw(o, a, kw, &[("name", 1), ("path", 2)])?;
    set_field(o, 0, if a.len() == 1 { Some(a[0].clone()) } else { None });
    Ok(none::none())
}

fn import_error_str(o: &Obj) -> PyResult<Obj> {
    let m = field(o, 0);
    if !none::is_none(&m) {
        return crate::protocol::str(&m);
    }
    base_str(o)
}

fn name_error_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    init_with_kw(o, a, kw, &[("name", 0)])?;
    Ok(none::none())
}

fn attribute_error_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    init_with_kw(o, a, kw, &[("name", 0), ("obj", 1)])?;
    Ok(none::none())
}

/// errno → OSError subclass, as CPython's `errnomap`.
fn os_error_subclass(errno: i64) -> Option<&'static TypeObject> {
    let e = exc();
    Some(match errno as i32 {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => e.blocking_io_error,
        libc::ECHILD => e.child_process_error,
        libc::EPIPE | libc::ESHUTDOWN => e.broken_pipe_error,
        libc::ECONNABORTED => e.connection_aborted_error,
        libc::ECONNREFUSED => e.connection_refused_error,
        libc::ECONNRESET => e.connection_reset_error,
        libc::EEXIST => e.file_exists_error,
        libc::ENOENT => e.file_not_found_error,
        libc::EISDIR => e.is_a_directory_error,
        libc::ENOTDIR => e.not_a_directory_error,
        libc::EINTR => e.interrupted_error,
        libc::EACCES | libc::EPERM => e.permission_error,
        libc::ESRCH => e.process_lookup_error,
        libc::ETIMEDOUT => e.timeout_error,
        _ => return None,
    })
}

fn os_error_parse(o: &Obj, a: &[Obj]) {
    if (2..=5).contains(&a.len()) {
        set_field(o, 0, Some(a[0].clone()));
        set_field(o, 1, Some(a[1].clone()));
        if a.len() >= 3 {
            set_field(o, 2, Some(a[2].clone()));
            if a.len() == 5 {
                set_field(o, 3, Some(a[4].clone()));
            }
            if let Some(p) = payload(o) {
                p.args = tuple::new(vec![a[0].clone(), a[1].clone()]);
            }
        }
    }
}

fn os_error_new(cls: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let mut t = crate::types::typeobj::as_type(cls);
    if std::ptr::eq(t, exc().os_error) && (2..=5).contains(&a.len()) {
        if let Some(n) = crate::types::int::to_i64(&a[0]) {
            if let Some(sub) = os_error_subclass(n) {
                t = sub;
            }
        }
    }
    // Keywords are rejected unless a subclass overrides __init__ (CPython's rule).
    if !kw.is_empty() && t.slots().init.map_or(true, |f| f as usize == os_error_init as *const () as usize) {
        return Err(type_error(format!("{}() takes no keyword arguments", t.name())));
    }
    let e = alloc_exc(t, tuple::from_slice(a));
    os_error_parse(&e, a);
    Ok(e)
}

fn os_error_init(o: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    // new already parsed the same arguments for plain construction; a subclass calling
    // `super().__init__(...)` with other arguments re-parses them here.
    if let Some(p) = payload(o) {
        let same = tuple::as_slice(&p.args).map_or(false, |s| s.len() == a.len() && s.iter().zip(a).all(|(x, y)| x.is(y)));
        if !same {
            p.args = tuple::from_slice(a);
            os_error_parse(o, a);
        }
    }
    Ok(none::none())
}

fn os_error_str(o: &Obj) -> PyResult<Obj> {
    let errno = field(o, 0);
    let strerror = field(o, 1);
    let filename = field(o, 2);
    let filename2 = field(o, 3);
    let s = |x: &Obj| crate::protocol::str_string(x);
    let r = |x: &Obj| crate::protocol::repr_string(x);
    if !none::is_none(&filename) {
        if !none::is_none(&filename2) {
            return Ok(pystr::from_string(format!("[Errno {}] {}: {} -> {}", s(&errno)?, s(&strerror)?, r(&filename)?, r(&filename2)?)));
        }
        return Ok(pystr::from_string(format!("[Errno {}] {}: {}", s(&errno)?, s(&strerror)?, r(&filename)?)));
    }
    if !none::is_none(&errno) && !none::is_none(&strerror) {
        return Ok(pystr::from_string(format!("[Errno {}] {}", s(&errno)?, s(&strerror)?)));
    }
    base_str(o)
}

fn syntax_error_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    base_init(o, a, kw)?;
    if !a.is_empty() {
        set_field(o, 0, Some(a[0].clone()));
    }
    if a.len() == 2 {
        let info = crate::protocol::collect(&a[1])?;
        if info.len() != 4 && info.len() != 6 {
            return Err(crate::errors::index_error("tuple index out of range"));
        }
        for (i, v) in info.into_iter().enumerate() {
            set_field(o, 1 + i, Some(v));
        }
    }
    Ok(none::none())
}

fn syntax_error_str(o: &Obj) -> PyResult<Obj> {
    let msg = field(o, 0);
    let filename = field(o, 1);
    let lineno = field(o, 2);
    let m = crate::protocol::str_string(&msg)?;
    let fname = pystr::as_str(&filename).map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
    let line = crate::types::int::to_i64(&lineno);
    let s = match (fname, line) {
        (Some(f), Some(l)) => format!("{} ({}, line {})", m, f, l),
        (Some(f), None) => format!("{} ({})", m, f),
        (None, Some(l)) => format!("{} (line {})", m, l),
        (None, None) => m,
    };
    Ok(pystr::from_string(s))
}

fn unicode_error_init(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    base_init(o, a, kw)?;
    let is_translate = o.isinstance(exc().unicode_translate_error);
    let need = if is_translate { 4 } else { 5 };
    if a.len() != need {
        return Err(type_error(format!("function takes exactly {} arguments ({} given)", need, a.len())));
    }
    if is_translate {
        set_field(o, 1, Some(a[0].clone()));
        set_field(o, 2, Some(a[1].clone()));
        set_field(o, 3, Some(a[2].clone()));
        set_field(o, 4, Some(a[3].clone()));
    } else {
        for (i, v) in a.iter().enumerate() {
            set_field(o, i, Some(v.clone()));
        }
    }
    Ok(none::none())
}

fn unicode_error_str(o: &Obj) -> PyResult<Obj> {
    let e = exc();
    let enc = field(o, 0);
    let obj = field(o, 1);
    let start = crate::types::int::to_i64(&field(o, 2));
    let end = crate::types::int::to_i64(&field(o, 3));
    let reason = crate::protocol::str_string(&field(o, 4))?;
    let (Some(start), Some(end)) = (start, end) else { return Ok(pystr::new("")) };
    let encs = crate::protocol::str_string(&enc).unwrap_or_default();
    let s = if o.isinstance(e.unicode_decode_error) {
        let bytes = crate::types::bytes::as_bytes(&obj).unwrap_or(&[]);
        if end == start + 1 && (start as usize) < bytes.len() {
            format!("'{}' codec can't decode byte 0x{:02x} in position {}: {}", encs, bytes[start as usize], start, reason)
        } else {
            format!("'{}' codec can't decode bytes in position {}-{}: {}", encs, start, end - 1, reason)
        }
    } else {
        let text: Vec<char> = pystr::as_str(&obj).unwrap_or("").chars().collect();
        let verb = if o.isinstance(e.unicode_encode_error) { format!("'{}' codec can't encode", encs) } else { "can't translate".to_string() };
        if end == start + 1 && (start as usize) < text.len() {
            let c = pystr::code_point(text[start as usize]);
            let cs = if c <= 0xff {
                format!("\\x{:02x}", c)
            } else if c <= 0xffff {
                format!("\\u{:04x}", c)
            } else {
                format!("\\U{:08x}", c)
            };
            format!("{} character '{}' in position {}: {}", verb, cs, start, reason)
        } else {
            format!("{} characters in position {}-{}: {}", verb, start, end - 1, reason)
        }
    };
    Ok(pystr::from_string(s))
}

// ----- exception groups -----

fn group_new(cls: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let e = exc();
    let mut t = crate::types::typeobj::as_type(cls);
    check_no_kw(t, kw)?;
    if a.len() != 2 {
        return Err(type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", a.len())));
    }
    if !a[0].isinstance(types().str) {
        return Err(type_error(format!("BaseExceptionGroup.__new__() argument 1 must be str, not {}", a[0].type_name())));
    }
    let is_seq = a[1].ty().slots().getitem.is_some() && !a[1].isinstance(types().dict) && !a[1].isinstance(types().str);
    if !is_seq {
        return Err(type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = crate::protocol::collect(&a[1])?;
    if excs.is_empty() {
        return Err(value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exc = true;
    for (i, x) in excs.iter().enumerate() {
        if !is_exception(x) {
            return Err(value_error(format!("Item {} of second argument (exceptions) is not an exception", i)));
        }
        if !x.isinstance(e.exception) {
            all_exc = false;
        }
    }
    if std::ptr::eq(t, e.base_exception_group) {
        if all_exc {
            t = e.exception_group;
        }
    } else if std::ptr::eq(t, e.exception_group) {
        if !all_exc {
            return Err(type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if !all_exc && !t.is_subtype(e.exception) {
        // a user subclass of BaseExceptionGroup may hold BaseExceptions
    } else if !all_exc {
        return Err(type_error(format!("Cannot nest BaseExceptions in '{}'", t.name())));
    }
    let g = alloc_exc(t, tuple::from_slice(a));
    set_field(&g, 0, Some(a[0].clone()));
    set_field(&g, 1, Some(tuple::new(excs)));
    Ok(g)
}

fn group_init(o: &Obj, a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    if let Some(p) = payload(o) {
        p.args = tuple::from_slice(a);
    }
    Ok(none::none())
}

fn group_str(o: &Obj) -> PyResult<Obj> {
    let m = crate::protocol::str_string(&field(o, 0))?;
    let n = tuple::as_slice(&field(o, 1)).map_or(0, |s| s.len());
    Ok(pystr::from_string(format!("{} ({} sub-exception{})", m, n, if n == 1 { "" } else { "s" })))
}

fn group_derive(a: &[Obj]) -> PyResult<Obj> {
    let msg = field(&a[0], 0);
    let g = crate::protocol::call(&exc().base_exception_group.as_obj(), &[msg, a[1].clone()])?;
    Ok(g)
}

/// `BaseExceptionGroup.exceptions` as a Vec (empty for non-groups).
pub fn group_exceptions(o: &Obj) -> Vec<Obj> {
    tuple::as_slice(&field(o, 1)).map(|s| s.to_vec()).unwrap_or_default()
}

// ----- cycle collector (gc.rs): traverse / clear -----

fn exc_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let e = unsafe { o.payload::<ExceptionObj>() };
    visit(&e.args);
    for x in [&e.traceback, &e.cause, &e.context].into_iter().flatten() {
        visit(x);
    }
    for x in e.extra.iter().flatten() {
        visit(x);
    }
    if let Some(Some(d)) = crate::object::dict_slot(o) {
        visit(d);
    }
}

fn exc_clear(o: &Obj) {
    let e = unsafe { o.payload_mut::<ExceptionObj>() };
    let old = (e.traceback.take(), e.cause.take(), e.context.take(), std::mem::take(&mut e.extra));
    let d = crate::object::dict_slot(o).and_then(|s| s.take());
    drop(old);
    drop(d);
}

/// Is `o` an exception group (instance of BaseExceptionGroup)?
pub fn is_group(o: &Obj) -> bool {
    !o.is_small_int() && o.isinstance(exc().base_exception_group)
}

/// `eg.derive(excs)` plus the metadata copy `split`/`subgroup` do (traceback, cause,
/// context, notes).
fn derive_and_copy(eg: &Obj, excs: Vec<Obj>) -> PyResult<Obj> {
    let n = crate::protocol::call_method(eg, "derive", &[crate::types::list::new(excs)])?;
    if !is_exception(&n) {
        return Err(type_error("derive must return an instance of BaseExceptionGroup"));
    }
    set_traceback(&n, traceback(eg));
    set_cause(&n, cause(eg));
    set_context(&n, context(eg));
    if let Some(notes) = crate::protocol::getattr_opt(eg, &pystr::intern("__notes__"))? {
        crate::protocol::setattr(&n, &pystr::intern("__notes__"), &notes)?;
    }
    Ok(n)
}

/// Splits exception `e` by predicate `pred` (applied to groups too, before recursing):
/// (matching part, rest), each None when empty.
pub fn group_split(e: &Obj, pred: &mut dyn FnMut(&Obj) -> PyResult<bool>, want_rest: bool) -> PyResult<(Option<Obj>, Option<Obj>)> {
    if pred(e)? {
        return Ok((Some(e.clone()), None));
    }
    if !is_group(e) {
        return Ok((None, if want_rest { Some(e.clone()) } else { None }));
    }
    let mut m = Vec::new();
    let mut r = Vec::new();
    for x in group_exceptions(e) {
        let (a, b) = group_split(&x, pred, want_rest)?;
        m.extend(a);
        r.extend(b);
    }
    let m = if m.is_empty() { None } else { Some(derive_and_copy(e, m)?) };
    let r = if r.is_empty() { None } else { Some(derive_and_copy(e, r)?) };
    Ok((m, r))
}

/// The predicate of `split`/`subgroup`: an exception type, a tuple of them, or a callable.
fn matcher(cond: &Obj) -> PyResult<Box<dyn FnMut(&Obj) -> PyResult<bool>>> {
    let is_types = crate::types::typeobj::downcast_type(cond).is_some_and(|t| t.is_subtype(exc().base_exception))
        || tuple::as_slice(cond).is_some_and(|items| {
            items.iter().all(|i| crate::types::typeobj::downcast_type(i).is_some_and(|t| t.is_subtype(exc().base_exception)))
        });
    let c = cond.clone();
    if is_types {
        return Ok(Box::new(move |x: &Obj| crate::builtins::isinstance(x, &c)));
    }
    if cond.ty().slots().call.is_some() && crate::types::typeobj::downcast_type(cond).is_none() {
        return Ok(Box::new(move |x: &Obj| crate::protocol::is_true(&crate::protocol::call(&c, &[x.clone()])?)));
    }
    Err(type_error("expected a function, exception type or tuple of exception types"))
}

fn group_split_m(a: &[Obj]) -> PyResult<Obj> {
    let mut p = matcher(&a[1])?;
    let (m, r) = group_split(&a[0], &mut *p, true)?;
    Ok(tuple::new(vec![m.unwrap_or_else(none::none), r.unwrap_or_else(none::none)]))
}

fn group_subgroup_m(a: &[Obj]) -> PyResult<Obj> {
    let mut p = matcher(&a[1])?;
    let (m, _) = group_split(&a[0], &mut *p, false)?;
    Ok(m.unwrap_or_else(none::none))
}
