//! Frames: the activation record of one code object run, shared by the interpreter and
//! native code (which receives a `*mut Frame` and only touches it through `abi.rs`).
//!
//! `Frame::for_call` binds a call's arguments into `localsplus` exactly like CPython's
//! `initialize_locals` (same checks, same order, same messages), creates the cells of
//! cell variables and copies the closure. `run_frame` runs it natively (when the code
//! object has a native entry and `PYC_INTERP` is not set) or through the interpreter.
//! The running frames form a thread-local linked stack (`current()`), used by
//! `sys._getframe`, `globals()`/`locals()` and the builtins that need the caller.
//! Generator frames live in heap boxes; the boxes of finished generators are kept, with
//! their saved-stack buffers, for the next generators' frames (`recycle_generator_frame`).

use std::ops::{Deref, DerefMut};

use crate::errors::type_error;
use crate::object::{Obj, PyResult};
use crate::types::code::{as_code, CallInfo, CodeObj, NativeFn};
use crate::types::function::{as_function, new_cell};
use crate::types::typeobj::KwArgs;
use crate::types::{self, str as pystr, tuple};
use pyc_frontend::bytecode::{code_flags, CodeObject};

#[repr(C)]
pub struct Frame {
    /// The `CodeObj` being run.
    pub code: Obj,
    /// The function object (None for module/class bodies and exec).
    pub func: Option<Obj>,
    pub globals: Obj,
    pub builtins: Obj,
    /// The locals mapping of module and class bodies (None for function bodies).
    pub locals: Option<Obj>,
    /// `varnames ++ cellvars ++ freevars` (cells for the last two).
    pub localsplus: LocalsPlus,
    /// The interpreter's operand stack (kept here so generators can suspend).
    pub stack: Vec<Option<Obj>>,
    /// Next instruction to run (interpreter).
    pub pc: u32,
    /// Instruction being run / last run (line numbers, tracebacks).
    pub lasti: u32,
    /// The caller's frame while this one runs.
    pub prev: *mut Frame,
    /// The generator object owning this frame, if any (borrowed pointer, 0 if none).
    pub generator: u64,
    /// Native code keeps a function's locals in registers; it mirrors each one (borrowed
    /// words, `nlocalsplus` of them, 0 = unbound) into an array on its stack and points
    /// this at it while the locals are valid, so that `f_locals` of a running caller sees
    /// current values. Null otherwise (the locals are in `localsplus`).
    pub native_locals: *const u64,
}

/// How many locals a frame holds inline (no heap allocation per call up to this).
pub const INLINE_LOCALS: usize = 8;

/// A frame's `localsplus`: a fixed inline buffer for up to `INLINE_LOCALS` slots, a heap
/// vector beyond. Derefs to the slice of its slots.
#[repr(C)] // native frames skip copying `inline` (codegen/function.rs `emit_link_frame`)
pub struct LocalsPlus {
    len: usize,
    /// Slots `..len` when `len <= INLINE_LOCALS` (dropped by `Drop`, only those).
    inline: std::mem::ManuallyDrop<[Option<Obj>; INLINE_LOCALS]>,
    heap: Vec<Option<Obj>>,
}

impl Drop for LocalsPlus {
    #[inline]
    fn drop(&mut self) {
        if self.len <= INLINE_LOCALS {
            for s in &mut self.inline[..self.len] {
                if let Some(v) = s.take() {
                    drop(v);
                }
            }
        }
    }
}

impl LocalsPlus {
    /// `n` unbound slots.
    #[inline]
    pub fn new(n: usize) -> LocalsPlus {
        let heap = if n <= INLINE_LOCALS {
            Vec::new()
        } else {
            let mut v = Vec::with_capacity(n);
            v.resize_with(n, || None);
            v
        };
        LocalsPlus { len: n, inline: std::mem::ManuallyDrop::new([const { None }; INLINE_LOCALS]), heap }
    }
}

impl Deref for LocalsPlus {
    type Target = [Option<Obj>];
    #[inline]
    fn deref(&self) -> &[Option<Obj>] {
        if self.len <= INLINE_LOCALS {
            // SAFETY: len <= INLINE_LOCALS.
            unsafe { self.inline.get_unchecked(..self.len) }
        } else {
            &self.heap
        }
    }
}

impl DerefMut for LocalsPlus {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Option<Obj>] {
        if self.len <= INLINE_LOCALS {
            // SAFETY: len <= INLINE_LOCALS.
            unsafe { self.inline.get_unchecked_mut(..self.len) }
        } else {
            &mut self.heap
        }
    }
}

/// `PYC_INTERP` read once: 2 = not read yet, 1 = set, 0 = not set.
static FORCE_INTERP: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(2);

/// The innermost running frame (null when none).
pub fn current() -> *mut Frame {
    crate::tstate::frame()
}

/// Makes `f` the current frame (linking the previous one).
#[inline]
pub fn push(f: &mut Frame) {
    f.prev = crate::tstate::frame();
    crate::tstate::set_frame(f as *mut Frame);
}

/// Unlinks `f` (which must be current).
#[inline]
pub fn pop(f: &mut Frame) {
    crate::tstate::set_frame(f.prev);
    f.prev = std::ptr::null_mut();
}

/// Is the native table ignored (`PYC_INTERP=1`, honoured when the interpreter is linked)?
#[inline(always)]
pub fn force_interp() -> bool {
    match FORCE_INTERP.load(std::sync::atomic::Ordering::Relaxed) {
        2 => read_force_interp(),
        v => v == 1,
    }
}

/// `force_interp`'s first call: reads `PYC_INTERP`.
#[cold]
#[inline(never)]
fn read_force_interp() -> bool {
    use std::sync::atomic::Ordering::Relaxed;
    let asked = matches!(std::env::var("PYC_INTERP").as_deref(), Ok(s) if !s.is_empty() && s != "0");
    let on = asked && crate::interp::linked();
    if asked && !on {
        // One line, then the program runs natively (docs/cli.md, `--with-interp`).
        eprintln!("pyc: PYC_INTERP ignored: this executable was built without the bytecode interpreter (pyc build --with-interp)");
    }
    FORCE_INTERP.store(on as u8, Relaxed);
    on
}

impl Frame {
    /// A frame for running `code` with explicit globals/locals (module bodies, class
    /// bodies, exec/eval).
    pub fn new(code: Obj, globals: Obj, locals: Option<Obj>, func: Option<Obj>) -> Frame {
        let co = as_code(&code);
        let n = co.code.nlocalsplus();
        let builtins = crate::builtins::builtins_dict_for(&globals);
        let mut f = Frame::from_parts(code.clone(), func, globals, builtins, n);
        f.locals = locals;
        f.stack = Vec::with_capacity(co.code.max_stack as usize + 2);
        f
    }

    /// A frame about to run `code` with all locals unbound, no locals mapping and an
    /// empty value stack: the one place that lists a frame's fields.
    #[inline(always)]
    fn from_parts(code: Obj, func: Option<Obj>, globals: Obj, builtins: Obj, nlocalsplus: usize) -> Frame {
        Frame {
            code,
            func,
            globals,
            builtins,
            locals: None,
            localsplus: LocalsPlus::new(nlocalsplus),
            stack: Vec::new(),
            pc: 0,
            lasti: 0,
            prev: std::ptr::null_mut(),
            generator: 0,
            native_locals: std::ptr::null(),
        }
    }

    /// An unbound frame for calling function `func` (locals all unbound).
    #[inline(always)]
    fn for_function(func: &Obj, nlocalsplus: usize) -> Frame {
        let fo = as_function(func);
        Frame::from_parts(fo.code.clone(), Some(func.clone()), fo.globals.clone(), fo.builtins.clone(), nlocalsplus)
    }

    #[inline]
    pub fn code_obj(&self) -> &CodeObj {
        as_code(&self.code)
    }
    #[inline]
    pub fn co(&self) -> &'static CodeObject {
        as_code(&self.code).code
    }

    /// Creates the cells of cell variables (from arguments per `cell2arg`) and copies the
    /// free-variable cells from `closure`.
    pub fn init_cells(&mut self, closure: Option<&Obj>) {
        let co = self.co();
        let nv = co.varnames.len();
        for (i, _) in co.cellvars.iter().enumerate() {
            let init = match co.cell2arg.get(i) {
                Some(&a) if a >= 0 => self.localsplus[a as usize].clone(),
                _ => None,
            };
            self.localsplus[nv + i] = Some(new_cell(init));
        }
        if !co.freevars.is_empty() {
            let base = nv + co.cellvars.len();
            if let Some(cells) = closure.and_then(tuple::as_slice) {
                for (j, c) in cells.iter().enumerate().take(co.freevars.len()) {
                    self.localsplus[base + j] = Some(c.clone());
                }
            }
        }
    }

    /// A frame for calling Python function `func` with `args` and keyword arguments `kw`.
    pub fn for_call(func: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Frame> {
        let info = as_code(&as_function(func).code).info;
        let mut f = Frame::for_function(func, info.nlocalsplus as usize);
        f.bind(func, info, args, kw)?;
        Ok(f)
    }

    /// Binds a call's arguments into this fresh frame of `func`, creates its cells.
    #[inline(always)]
    fn bind(&mut self, func: &Obj, info: CallInfo, args: &[Obj], kw: &KwArgs) -> PyResult<()> {
        if kw.is_empty() && info.fast_argc as usize == args.len() {
            // Exactly the positional parameters: bind one-to-one.
            for (slot, a) in self.localsplus.iter_mut().zip(args.iter()) {
                *slot = Some(a.clone());
            }
        } else {
            bind_arguments(func, &mut self.localsplus, args, kw)?;
        }
        self.finish_bind(func, info);
        Ok(())
    }

    /// After the arguments are bound: cells, and the locals dict of unoptimized code.
    #[inline(always)]
    fn finish_bind(&mut self, func: &Obj, info: CallInfo) {
        if info.has_cells {
            let closure = as_function(func).closure.clone();
            self.init_cells(closure.as_ref());
        }
        if info.needs_locals {
            // Unoptimized function code (not produced today): give it a locals dict.
            self.locals = Some(types::dict::new());
        }
    }

    /// The frame's line number (of the instruction being run).
    pub fn line(&self) -> u32 {
        self.code_obj().line_of(self.lasti)
    }
}

/// Calls Python function `func`: binds the arguments, then runs the frame (or returns a
/// generator for generator code).
pub fn call_function(func: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    // The frame is built and bound in place (no moves of the frame on the common path).
    let info = as_code(&as_function(func).code).info;
    if info.is_generator {
        // built and bound where the generator keeps it (no copy into a box afterwards)
        let mut f = boxed_frame(func, info);
        f.bind(func, info, args, kw)?;
        return Ok(types::generator::new_generator(f));
    }
    let mut f = Frame::for_function(func, info.nlocalsplus as usize);
    f.bind(func, info, args, kw)?;
    run_frame(&mut f)
}

/// An unbound frame for calling function `func` (with `info`), written straight into
/// its heap box.
#[inline(always)]
fn boxed_frame(func: &Obj, info: CallInfo) -> Box<Frame> {
    if let Some(shell) = SPARE_FRAMES.with(SpareFrames::take) {
        // SAFETY: a shell is a frame box whose fields were dropped except `stack`, an
        // empty vector (`recycle_generator_frame`): read it out, write the whole frame.
        unsafe {
            let stack = std::ptr::read(std::ptr::addr_of!((*shell).stack));
            shell.write(Frame::for_function(func, info.nlocalsplus as usize));
            // (the vector just written is `Vec::new()`: nothing to free)
            std::ptr::write(std::ptr::addr_of_mut!((*shell).stack), stack);
            return Box::from_raw(shell);
        }
    }
    let mut b = Box::<Frame>::new_uninit();
    b.write(Frame::for_function(func, info.nlocalsplus as usize));
    // SAFETY: written just above.
    unsafe { b.assume_init() }
}

/// How many finished generator frames are kept for reuse.
const SPARE_FRAME_SLOTS: usize = 8;

/// Boxes of finished generator frames, kept with their saved-stack buffers (the
/// recursive `yield from` of a tree walk makes and ends a generator per node: reusing
/// the box and the buffer saves two allocations and two frees per generator). Each
/// shell's fields are dropped except `stack`, an empty vector that keeps its capacity.
struct SpareFrames {
    shells: [std::cell::Cell<*mut Frame>; SPARE_FRAME_SLOTS],
    n: std::cell::Cell<usize>,
}

impl SpareFrames {
    #[inline(always)]
    fn take(&self) -> Option<*mut Frame> {
        let n = self.n.get();
        if n == 0 {
            return None;
        }
        self.n.set(n - 1);
        Some(self.shells[n - 1].get())
    }
}

/// Only touched under the GIL: generators are made and finish while their thread holds it.
static SPARE_FRAMES: crate::gil::GilCell<SpareFrames> =
    crate::gil::GilCell::new(SpareFrames { shells: [const { std::cell::Cell::new(std::ptr::null_mut()) }; SPARE_FRAME_SLOTS], n: std::cell::Cell::new(0) });

/// Drops the frame of a generator that has finished, keeping its box and saved-stack
/// buffer for the next generator's frame (`boxed_frame`) when there is room. The
/// references it holds are released in the order dropping the frame releases them.
pub fn recycle_generator_frame(mut fr: Box<Frame>) {
    if fr.stack.capacity() == 0 || SPARE_FRAMES.with(|s| s.n.get()) == SPARE_FRAME_SLOTS {
        drop(fr);
        return;
    }
    let mut stack = std::mem::take(&mut fr.stack);
    let shell = Box::into_raw(fr);
    // SAFETY: `shell` is a live frame box owned here; its fields are dropped once, in
    // declaration order (`stack`, now empty, among them), then the saved slots, which
    // come after `localsplus` in that order too. The box itself is kept, uninitialised
    // but for `stack`, which `boxed_frame` reads out before writing a new frame.
    unsafe {
        std::ptr::drop_in_place(shell);
        stack.clear();
        std::ptr::write(std::ptr::addr_of_mut!((*shell).stack), stack);
    }
    SPARE_FRAMES.with(|s| {
        // A `__del__` run by the drops above may have finished generators too.
        let n = s.n.get();
        if n == SPARE_FRAME_SLOTS {
            // SAFETY: as above: only `stack` is initialised; free it and the box.
            unsafe {
                drop(std::ptr::read(std::ptr::addr_of!((*shell).stack)));
                drop(Box::from_raw(shell.cast::<std::mem::MaybeUninit<Frame>>()));
            }
            return;
        }
        s.shells[n].set(shell);
        s.n.set(n + 1);
    });
}

/// Calls Python function `func` with `self_` prepended to `args` (bound methods), without
/// building the argument vector when the call binds one-to-one.
pub fn call_function_with_self(func: &Obj, self_: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let info = as_code(&as_function(func).code).info;
    if !kw.is_empty() || info.fast_argc as usize != args.len() + 1 {
        let mut v = Vec::with_capacity(args.len() + 1);
        v.push(self_.clone());
        v.extend_from_slice(args);
        return call_function(func, &v, kw);
    }
    let mut f = Frame::for_function(func, info.nlocalsplus as usize);
    f.localsplus[0] = Some(self_.clone());
    for (slot, a) in f.localsplus[1..].iter_mut().zip(args.iter()) {
        *slot = Some(a.clone());
    }
    f.finish_bind(func, info);
    if info.is_generator {
        return Ok(types::generator::new_generator(Box::new(f)));
    }
    run_frame(&mut f)
}

/// A Python-level call of Python function `func` (exact `function` type) with positional
/// arguments only: `protocol::call_kw`'s work (recursion accounting) without the slot
/// dispatch. Used by the call instructions of native code and the interpreter.
#[inline]
pub fn call_function_positional(func: &Obj, args: &[Obj]) -> PyResult<Obj> {
    crate::recursion::enter()?;
    let r = call_function(func, args, &KwArgs::EMPTY);
    crate::recursion::leave();
    r
}

/// Runs a (non-generator) frame to completion: natively when possible, else interpreted.
pub fn run_frame(f: &mut Frame) -> PyResult<Obj> {
    let native = as_code(&f.code).native;
    push(f);
    let r = match native {
        Some(entry) if !force_interp() => {
            let v = unsafe { entry(f as *mut Frame) };
            if v == 0 {
                Err(crate::errors::fetch())
            } else {
                Ok(unsafe { Obj::from_raw(v) })
            }
        }
        _ => {
            // One allocation for the operand stack instead of growing it push by push.
            let need = f.co().max_stack as usize + 2;
            if f.stack.capacity() < need {
                f.stack.reserve(need - f.stack.len());
            }
            crate::interp::run(f)
        }
    };
    pop(f);
    r
}

// ----- argument binding (CPython's initialize_locals) -----

fn qualname_of(func: &Obj) -> String {
    pystr::as_str(&as_function(func).qualname).unwrap_or("?").to_string()
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` (CPython's format_missing).
fn format_names(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

fn missing_arguments(func: &Obj, co: &CodeObject, positional: bool, defcount: usize, locals: &[Option<Obj>]) -> crate::object::PyErr {
    let (start, end) = if positional {
        (0, (co.argcount as usize).saturating_sub(defcount))
    } else {
        (co.argcount as usize, (co.argcount + co.kwonlyargcount) as usize)
    };
    let names: Vec<String> = (start..end).filter(|&i| locals[i].is_none()).map(|i| co.varnames[i].clone()).collect();
    type_error(format!(
        "{}() missing {} required {} argument{}: {}",
        qualname_of(func),
        names.len(),
        if positional { "positional" } else { "keyword-only" },
        if names.len() == 1 { "" } else { "s" },
        format_names(&names)
    ))
}

fn too_many_positional(func: &Obj, co: &CodeObject, given: usize, defcount: usize, locals: &[Option<Obj>]) -> crate::object::PyErr {
    let argc = co.argcount as usize;
    let kwonly_given = (argc..argc + co.kwonlyargcount as usize).filter(|&i| locals[i].is_some()).count();
    let (sig, plural) = if defcount > 0 {
        (format!("from {} to {}", argc - defcount, argc), true)
    } else {
        (format!("{}", argc), argc != 1)
    };
    let kwonly_sig = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {} keyword-only argument{})",
            if given != 1 { "s" } else { "" },
            kwonly_given,
            if kwonly_given != 1 { "s" } else { "" }
        )
    } else {
        String::new()
    };
    type_error(format!(
        "{}() takes {} positional argument{} but {}{} {} given",
        qualname_of(func),
        sig,
        if plural { "s" } else { "" },
        given,
        kwonly_sig,
        if given == 1 && kwonly_given == 0 { "was" } else { "were" }
    ))
}

/// Binds `args`/`kw` into `locals` (the function's `localsplus`).
pub fn bind_arguments(func: &Obj, locals: &mut [Option<Obj>], args: &[Obj], kw: &KwArgs) -> PyResult<()> {
    let fo = as_function(func);
    let cobj = as_code(&fo.code);
    let co = cobj.code;
    let argc = co.argcount as usize;
    let total = argc + co.kwonlyargcount as usize;
    let nargs = args.len();
    let has_varargs = co.flags & code_flags::VARARGS != 0;
    let has_varkw = co.flags & code_flags::VARKEYWORDS != 0;

    // Fast path: exact positional call, no defaults needed.
    if nargs == argc && kw.is_empty() && !has_varargs && !has_varkw && co.kwonlyargcount == 0 {
        for (slot, a) in locals.iter_mut().zip(args.iter()) {
            *slot = Some(a.clone());
        }
        return Ok(());
    }

    let kwdict = if has_varkw {
        let d = types::dict::new();
        let idx = total + has_varargs as usize;
        locals[idx] = Some(d.clone());
        Some(d)
    } else {
        None
    };
    let n = nargs.min(argc);
    for i in 0..n {
        locals[i] = Some(args[i].clone());
    }
    if has_varargs {
        let rest = if nargs > n { args[n..].to_vec() } else { Vec::new() };
        locals[total] = Some(tuple::new(rest));
    }
    // Keyword arguments.
    for (name, value) in kw.iter() {
        let Some(key) = pystr::as_str(name) else {
            return Err(type_error(format!("{}() keywords must be strings", qualname_of(func))));
        };
        let posonly = co.posonlyargcount as usize;
        let found = (posonly..total).find(|&j| cobj.localsplus_names[j].is(name) || co.varnames[j] == key);
        match found {
            Some(j) => {
                if locals[j].is_some() {
                    return Err(type_error(format!("{}() got multiple values for argument '{}'", qualname_of(func), key)));
                }
                locals[j] = Some(value.clone());
            }
            None => match &kwdict {
                Some(d) => types::dict::set_item(d, name.clone(), value.clone())?,
                None => {
                    if posonly > 0 {
                        let names: Vec<&str> = co.varnames[..posonly]
                            .iter()
                            .filter(|v| kw.names.iter().any(|k| pystr::as_str(k) == Some(v.as_str())))
                            .map(|s| s.as_str())
                            .collect();
                        if !names.is_empty() {
                            return Err(type_error(format!(
                                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                                qualname_of(func),
                                names.join(", ")
                            )));
                        }
                    }
                    return Err(type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qualname_of(func),
                        key
                    )));
                }
            },
        }
    }
    let defaults: &[Obj] = fo.defaults.as_ref().and_then(tuple::as_slice).unwrap_or(&[]);
    let defcount = defaults.len();
    if nargs > argc && !has_varargs {
        return Err(too_many_positional(func, co, nargs, defcount, locals));
    }
    if nargs < argc {
        let m = argc.saturating_sub(defcount);
        if (nargs..m).any(|i| locals[i].is_none()) {
            return Err(missing_arguments(func, co, true, defcount, locals));
        }
        // defaults[k] belongs to parameter argc - defcount + k.
        for i in n.max(m)..argc {
            if locals[i].is_none() {
                locals[i] = Some(defaults[i + defcount - argc].clone());
            }
        }
    }
    if co.kwonlyargcount > 0 {
        let mut missing = 0;
        for i in argc..total {
            if locals[i].is_some() {
                continue;
            }
            let dv = match &fo.kwdefaults {
                Some(d) => types::dict::get_item_str(d, &cobj.localsplus_names[i]),
                None => None,
            };
            match dv {
                Some(v) => locals[i] = Some(v),
                None => missing += 1,
            }
        }
        if missing > 0 {
            return Err(missing_arguments(func, co, false, defcount, locals));
        }
    }
    Ok(())
}

// ----- direct calls from native code (compiler/src/codegen/calls.rs) -----

// Native code reads and writes these fields inline (codegen/calls.rs, codegen/globals.rs
// and codegen/function.rs hold the same numbers): a change of layout must change both.
const _: () = assert!(std::mem::offset_of!(Frame, code) == 0 && std::mem::offset_of!(Frame, func) == 8);
const _: () = assert!(std::mem::offset_of!(Frame, globals) == 16 && std::mem::offset_of!(Frame, builtins) == 24);
const _: () = assert!(std::mem::offset_of!(Frame, prev) == 168 && std::mem::size_of::<Frame>() == NATIVE_FRAME_BYTES);
const _: () = assert!(std::mem::offset_of!(Frame, lasti) == 164 && std::mem::offset_of!(Frame, native_locals) == 184);
// A register-argument entry's frame (codegen/function.rs `emit_link_frame`) gets zero in
// `locals`, `localsplus.len`, `pc`/`lasti`, `generator` and `native_locals` (words 32, 40,
// 160, 176, 184) and nothing else but the borrowed words and `prev`: its `localsplus` is
// empty (`len` 0), so the inline slots and the heap vector are never read, and nothing
// reads the operand `stack` of a frame the interpreter does not run and no generator
// owns. Such a frame is never dropped (`leave_native`).
const _: () = assert!(std::mem::offset_of!(Frame, localsplus) == 40 && std::mem::offset_of!(LocalsPlus, inline) == 8);
const _: () = assert!(std::mem::offset_of!(Frame, locals) == 32 && std::mem::offset_of!(Frame, pc) == 160);
const _: () = assert!(std::mem::offset_of!(Frame, generator) == 176);
const _: () = assert!(std::mem::size_of::<[Option<Obj>; INLINE_LOCALS]>() == 64);
/// Native code reserves this many bytes (8-aligned) for a register-argument call's frame.
pub const NATIVE_FRAME_BYTES: usize = 192;
const _: () = assert!(std::mem::size_of::<Frame>() <= NATIVE_FRAME_BYTES && std::mem::align_of::<Frame>() <= 8);
const _: () = assert!(std::mem::offset_of!(crate::object::ObjHeader, ty) == 8);
const _: () = assert!(std::mem::offset_of!(types::function::FunctionObj, code) == 16);
const _: () = assert!(std::mem::offset_of!(types::function::FunctionObj, globals) == 24 && std::mem::offset_of!(types::function::FunctionObj, builtins) == 32);
const _: () = assert!(std::mem::offset_of!(types::function::CellObj, value) == 16);
// A register-argument entry of code with free variables reads the cells from the closure
// tuple (codegen/function.rs `closure_cells`); `function_setattro` keeps its length equal
// to the code's free-variable count.
const _: () = assert!(std::mem::offset_of!(types::function::FunctionObj, closure) == 80);

/// What a call site caches to call `func` directly: its code object (raw), the native
/// entry, and the positional argument count the call must have. `None` when a call of
/// `func` with `nargs` positional arguments must take the generic path: not an exact
/// function, generator/coroutine code, parameters that are not bound one-to-one,
/// unoptimized code, no native entry, or `PYC_INTERP`.
///
/// Caching the raw code pointer is sound because only code objects of the compiled
/// program have native entries, and those live as long as the process (each one is held
/// by its parent's constants, the module code objects by the program module registry).
pub fn direct_target(func: &Obj, nargs: usize) -> Option<(u64, NativeFn)> {
    if !types::function::is_function(func) || force_interp() {
        return None;
    }
    let code = &as_function(func).code;
    let co = as_code(code);
    let info = co.info;
    if info.is_generator || info.needs_locals || info.fast_argc as usize != nargs {
        return None;
    }
    co.native.map(|entry| (code.raw(), entry))
}

/// `func(self_, *args)` through its native entry with a borrowed frame (`call_direct`)
/// when `direct_target` allows it and the arguments are few; `None` leaves the call to
/// the caller's generic path. Counts one recursion level, as a Python call does.
pub fn try_call_direct_with_self(func: &Obj, self_: &Obj, args: &[Obj]) -> Option<PyResult<Obj>> {
    let (_, entry) = direct_target(func, args.len() + 1)?;
    call_entry(func, entry, Some(self_), args)
}

/// `func(self_, *args)` (`self_` first when given) through `entry`, the native entry
/// `direct_target` found for that many arguments: by its register-argument entry when it
/// has one, else with a borrowed frame. `None` when the arguments are too many for it.
pub fn call_entry(func: &Obj, entry: NativeFn, self_: Option<&Obj>, args: &[Obj]) -> Option<PyResult<Obj>> {
    let (words, n) = owned_words(self_, args)?;
    // SAFETY: `words[..n]` are owned references that move into the callee (its
    // registers or its frame); the caller holds `func` for the whole call.
    let r = unsafe {
        match call_register_entry(register_entry(entry), func.raw(), &words[..n]) {
            Some(r) => r,
            None => call_direct(func.raw(), words.as_ptr(), n, entry),
        }
    };
    Some(result_of(r))
}

/// Most arguments a register-argument entry takes (`call_register_entry`).
pub const MAX_REGISTER_ARGS: usize = 6;

/// New references to `self_` (when given) and `args`, in order, in a fixed array, with
/// their count; `None` when they are more than `MAX_REGISTER_ARGS`.
#[inline(always)]
fn owned_words(self_: Option<&Obj>, args: &[Obj]) -> Option<([u64; MAX_REGISTER_ARGS], usize)> {
    let n = args.len() + self_.is_some() as usize;
    if n > MAX_REGISTER_ARGS {
        return None;
    }
    let mut words = [0u64; MAX_REGISTER_ARGS];
    for (w, a) in words.iter_mut().zip(self_.into_iter().chain(args)) {
        *w = a.clone().into_raw();
    }
    Some((words, n))
}

/// `func(self_, *args)` through `reg`, the non-zero `register_entry` of the native entry
/// `direct_target` gave for `args.len() + 1` arguments: `call_entry` without asking for
/// the register entry again (a class's call site caches it: class.rs `construct_at_site`).
/// `None` when the arguments are too many.
///
/// Up to three arguments after `self_` get an arm each, whose fixed-length slice lets
/// `call_register_entry` pick the callee's signature at compile time: measured, the one
/// general path (`owned_words`, then the length matched at run time) costs binary_trees
/// 3% more instructions (24.5M of 823M, its `Node(left, right)` constructions).
pub fn call_register_with_self(func: &Obj, reg: u64, self_: &Obj, args: &[Obj]) -> Option<PyResult<Obj>> {
    let own = |o: &Obj| o.clone().into_raw();
    // SAFETY: the words are owned references that move into the callee, whose arity is
    // `args.len() + 1` (see above); the caller holds `func` for the whole call.
    let r = unsafe {
        match args {
            [] => call_register_entry(reg, func.raw(), &[own(self_)]),
            [a] => call_register_entry(reg, func.raw(), &[own(self_), own(a)]),
            [a, b] => call_register_entry(reg, func.raw(), &[own(self_), own(a), own(b)]),
            [a, b, c] => call_register_entry(reg, func.raw(), &[own(self_), own(a), own(b), own(c)]),
            _ => {
                let (words, n) = owned_words(Some(self_), args)?;
                call_register_entry(reg, func.raw(), &words[..n])
            }
        }
    };
    r.map(result_of)
}

/// A native call's result word as a `PyResult` (0: the exception in the thread state).
fn result_of(r: u64) -> PyResult<Obj> {
    if r == 0 {
        Err(crate::errors::fetch())
    } else {
        // SAFETY: a non-zero result is a new reference.
        Ok(unsafe { Obj::from_raw(r) })
    }
}

/// Calls `func` through its register-argument entry `reg` (0: none, then `None`) with
/// `args` (at most six): no frame to build in the heap, the entry makes its own on the
/// stack as a compiled call site's would (codegen/calls.rs).
///
/// # Safety
/// `reg` is `register_entry` of `func`'s code, whose arity is `args.len()`; `args` are
/// owned references that move into the callee; the caller holds `func` for the call.
unsafe fn call_register_entry(reg: u64, func: u64, args: &[u64]) -> Option<u64> {
    macro_rules! entry {
        ($($a:ident),*) => {{
            let f: unsafe extern "C" fn(u64 $(, entry!(@t $a))*) -> u64 = std::mem::transmute(reg as usize);
            f(func $(, $a)*)
        }};
        (@t $a:ident) => { u64 };
    }
    if reg == 0 {
        return None;
    }
    Some(match *args {
        [a] => entry!(a),
        [a, b] => entry!(a, b),
        [a, b, c] => entry!(a, b, c),
        [a, b, c, d] => entry!(a, b, c, d),
        [a, b, c, d, e] => entry!(a, b, c, d, e),
        [a, b, c, d, e, g] => entry!(a, b, c, d, e, g),
        _ => return None,
    })
}

/// The register-argument entry of a native entry (0 when it has none): every native entry
/// called with a null frame returns it instead of running (codegen/function.rs).
pub fn register_entry(entry: NativeFn) -> u64 {
    // SAFETY: the null frame is the documented probe; nothing runs.
    unsafe { entry(std::ptr::null_mut()) }
}

/// A frame for a direct call of `func` that borrows `func`, its code, globals and
/// builtins instead of counting references: the caller holds `func` for the whole call,
/// `func` holds its globals and builtins (neither can be rebound), and the code is a
/// program code object (see `direct_target`), alive even if `func.__code__` is reassigned
/// meanwhile. Must never be dropped as a whole (see `call_direct`, `enter_native`).
///
/// # Safety
/// `func` is an exact function object that outlives the frame.
#[inline(always)]
unsafe fn borrowed_frame(func: u64, nlocalsplus: usize) -> Frame {
    let fo = as_function(Obj::borrow_raw(&func));
    Frame::from_parts(
        Obj::from_raw(fo.code.raw()),
        Some(Obj::from_raw(func)),
        Obj::from_raw(fo.globals.raw()),
        Obj::from_raw(fo.builtins.raw()),
        nlocalsplus,
    )
}

/// Runs `func` (a `direct_target` with `entry`) on `args`: the owned references of
/// its `nargs` positional arguments, moved into the frame. Returns a new reference, or 0
/// with the error set.
///
/// # Safety
/// `func` is an exact function object whose code object is the one `direct_target`
/// returned `entry` for with this `nargs`; `args` points to `nargs` owned values.
pub unsafe fn call_direct(func: u64, args: *const u64, nargs: usize, entry: NativeFn) -> u64 {
    if let Err(e) = crate::recursion::enter() {
        for i in 0..nargs {
            drop(Obj::from_raw(*args.add(i)));
        }
        crate::errors::set_current(e);
        return 0;
    }
    let fobj = Obj::borrow_raw(&func);
    let fo = as_function(fobj);
    let info = as_code(&fo.code).info;
    // Borrowed fields: wrapped so that only `localsplus` (and the empty `stack`) drop.
    let mut f = std::mem::ManuallyDrop::new(borrowed_frame(func, info.nlocalsplus as usize));
    for (i, slot) in f.localsplus.iter_mut().take(nargs).enumerate() {
        *slot = Some(Obj::from_raw(*args.add(i)));
    }
    if info.has_cells {
        let closure = fo.closure.clone();
        f.init_cells(closure.as_ref());
    }
    push(&mut f);
    let r = entry(&mut *f as *mut Frame);
    pop(&mut f);
    std::ptr::drop_in_place(&mut f.localsplus);
    std::ptr::drop_in_place(&mut f.stack);
    crate::recursion::leave();
    r
}

/// Prologue of a register-argument entry: enters one recursion level (false with
/// RecursionError set past the limit, nothing else done), writes a borrowed frame of
/// `func` with no `localsplus` (the arguments stay in registers, `native_locals` shows
/// them) into `f` and makes it current.
///
/// # Safety
/// `f` points to `NATIVE_FRAME_BYTES` writable bytes that stay put until `leave_native`;
/// `func` is an exact function held by the caller for the whole call.
pub unsafe fn enter_native(f: *mut Frame, func: u64) -> bool {
    if let Err(e) = crate::recursion::enter() {
        crate::errors::set_current(e);
        return false;
    }
    std::ptr::write(f, borrowed_frame(func, 0));
    push(&mut *f);
    true
}

/// Epilogue of a register-argument entry. The frame owns nothing (no locals, empty
/// stack), so it is unlinked without being dropped.
///
/// # Safety
/// `f` is the current frame, set up by `enter_native`.
pub unsafe fn leave_native(f: *mut Frame) {
    pop(&mut *f);
    crate::recursion::leave();
}

/// Copies of the raw `localsplus` values of a running frame (cells as cells): native
/// code's mirror (`native_locals`) when it has one, else `localsplus`. Inline up to
/// `INLINE_LOCALS` values, so a traceback entry keeping them allocates nothing more.
pub fn raw_locals(f: &Frame) -> LocalsPlus {
    let mut out = LocalsPlus::new(f.code_obj().code.nlocalsplus());
    fill_raw_locals(f, &mut out);
    out
}

/// `raw_locals` written into `out` (`nlocalsplus` unbound slots) where the caller keeps
/// them, without moving the buffer afterwards.
pub fn fill_raw_locals(f: &Frame, out: &mut [Option<Obj>]) {
    if f.native_locals.is_null() {
        for (slot, v) in out.iter_mut().zip(f.localsplus.iter()) {
            *slot = v.clone();
        }
        return;
    }
    for (i, slot) in out.iter_mut().enumerate() {
        // SAFETY: native code keeps `native_locals` pointing at `nlocalsplus` words that
        // are borrowed references (or 0) while it is set.
        *slot = native_local(unsafe { *f.native_locals.add(i) });
    }
}

/// A new reference to the local that mirror word `w` shows: 0 is unbound; a word whose
/// low bits are `10` is an unboxed float of native code (the compiler's `unboxed.rs`):
/// the address of its f64 home plus 2.
fn native_local(w: u64) -> Option<Obj> {
    if w == 0 {
        return None;
    }
    if w & 3 == 2 {
        // SAFETY: native code keeps the home alive and current while the mirror shows it.
        let x = unsafe { *((w & !3) as *const f64) };
        return Some(crate::types::float::new(x));
    }
    // SAFETY: any other nonzero mirror word is a borrowed reference.
    Some(unsafe { Obj::borrow_raw(&w) }.clone())
}
