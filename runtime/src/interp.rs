//! The bytecode interpreter: the reference semantics of every `Instr` (stack effects as
//! documented in `pyc_frontend::bytecode`), exception-table unwinding, generator
//! suspension, and the shared operation helpers (`op_*`) that `abi.rs` wraps for native
//! code, so interpreted and native execution run the very same runtime code.

use pyc_frontend::bytecode::{format_flags, make_function_flags as mf, BinOp, CmpOp, Instr, UnOp};

use crate::errors::{self, name_error, type_error, value_error};
use crate::frame::Frame;
use crate::object::{Obj, PyErr, PyResult};
use crate::protocol;
use crate::types::code::{as_code, CodeObj};
use crate::types::exceptions::{self as excs, exc};
use crate::types::function::{cell_get, cell_set, new_function};
use crate::types::typeobj::{downcast_type, KwArgs};
use crate::types::{self, bool as pybool, dict, list, none, str as pystr, tuple, types};

/// How a frame run ended (successfully).
pub enum Exit {
    Return(Obj),
    Yield(Obj),
}

/// An exception leaving an instruction, with how the unwinder must treat it.
pub struct Raise {
    pub err: PyErr,
    /// Append a traceback entry for this frame (false for re-raises).
    pub tb: bool,
    /// Chain the handled exception as `__context__` if the exception is new.
    pub ctx: bool,
}

impl From<PyErr> for Raise {
    #[inline]
    fn from(err: PyErr) -> Raise {
        Raise { err, tb: true, ctx: true }
    }
}

/// Runs a non-generator frame to completion.
pub fn run(f: &mut Frame) -> PyResult<Obj> {
    match eval(f, None)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(errors::new_error(exc().system_error, "yield outside a generator frame")),
    }
}

/// The interpreter's loop (`eval_bytecode`), installed by `pyrt_enable_interp`.
///
/// Executables link the interpreter only when they may run a code object without a
/// native entry or honour `PYC_INTERP=1` (the compiler's `codegen::interp_enabler`
/// decides; `pyc build --with-interp`). Everything else reaches the loop through this
/// cell, and only the enabler names `eval_bytecode`, so `--gc-sections` drops `exec` and
/// the helpers only it uses from the other executables (~90 KB of hello world).
static EVAL: std::sync::OnceLock<fn(&mut Frame, Option<PyErr>) -> PyResult<Exit>> = std::sync::OnceLock::new();

/// Links the bytecode interpreter in: the generated `main` calls it before `pyrt_main`
/// when the program needs it; runtime entries without a generated `main` (tests,
/// examples) call it themselves.
#[no_mangle]
pub extern "C" fn pyrt_enable_interp() {
    let _ = EVAL.set(eval_bytecode);
}

/// Was the interpreter linked in (`pyrt_enable_interp` called)?
pub fn linked() -> bool {
    EVAL.get().is_some()
}

/// Runs `f` from `f.pc` until it returns or yields. `throw` raises an exception at the
/// current instruction first (generator `throw()`). Without the interpreter (a code
/// object that lost its native entry, e.g. `code.replace` changing its kind, in an
/// executable built without it) this raises SystemError instead.
#[inline]
pub fn eval(f: &mut Frame, throw: Option<PyErr>) -> PyResult<Exit> {
    match EVAL.get() {
        Some(eval) => eval(f, throw),
        None => Err(no_interpreter(f)),
    }
}

#[cold]
fn no_interpreter(f: &Frame) -> PyErr {
    let name = pystr::as_str(&as_code(&f.code).qualname).unwrap_or("?").to_string();
    errors::new_error(
        exc().system_error,
        format!("code object '{name}' has no native code and this executable was built without the bytecode interpreter (pyc build --with-interp)"),
    )
}

/// `eval`'s work: the bytecode loop with exception-table unwinding.
fn eval_bytecode(f: &mut Frame, throw: Option<PyErr>) -> PyResult<Exit> {
    let cobj: &'static CodeObj = unsafe { &*(as_code(&f.code) as *const CodeObj) };
    let co = cobj.code;
    let mut pending = throw.map(|err| Raise { err, tb: true, ctx: false });
    loop {
        let r = match pending.take() {
            Some(r) => Err(r),
            None => exec(f, cobj),
        };
        match r {
            Ok(exit) => return Ok(exit),
            Err(Raise { err, tb, ctx }) => {
                if tb {
                    if ctx && excs::traceback(&err.0).is_none() {
                        chain_context(&err.0);
                    }
                    crate::types::traceback::add_traceback_entry_pc(&err.0, &f.code, f.lasti);
                }
                match co.handler_for(f.lasti) {
                    Some(h) => {
                        let depth = h.depth as usize;
                        while f.stack.len() > depth {
                            f.stack.pop();
                        }
                        if h.lasti {
                            f.stack.push(Some(types::int::from_i64(f.lasti as i64)));
                        }
                        f.stack.push(Some(err.0));
                        f.pc = h.target;
                    }
                    None => {
                        if !tb {
                            crate::types::traceback::keep_exit_locals(&err.0, f);
                        }
                        f.stack.clear();
                        return Err(err);
                    }
                }
            }
        }
    }
}

/// Sets `exc.__context__` to the exception being handled (CPython's `_PyErr_SetObject`
/// chaining, with its cycle breaking).
pub fn chain_context(e: &Obj) {
    let Some(handled) = errors::handled() else { return };
    if handled.is(e) || none::is_none(&handled) {
        return;
    }
    // Break a cycle e -> ... -> handled -> ... -> e.
    let mut o = handled.clone();
    let mut steps = 0;
    while let Some(c) = excs::context(&o) {
        if c.is(e) {
            excs::set_context(&o, None);
            break;
        }
        o = c;
        steps += 1;
        if steps > 10000 {
            break;
        }
    }
    excs::set_context(e, Some(handled));
}

/// `&[Option<Obj>]` whose items are all `Some` viewed as `&[Obj]`.
#[inline]
fn as_objs(s: &[Option<Obj>]) -> &[Obj] {
    debug_assert!(s.iter().all(|x| x.is_some()));
    // SAFETY: Option<Obj> has Obj's layout (NonZeroU64 niche) and all items are Some.
    unsafe { std::slice::from_raw_parts(s.as_ptr() as *const Obj, s.len()) }
}

macro_rules! pop {
    ($f:ident) => {
        $f.stack.pop().flatten().expect("interpreter: stack underflow or unexpected NULL")
    };
}
macro_rules! top {
    ($f:ident) => {
        $f.stack.last().and_then(|x| x.as_ref()).expect("interpreter: empty stack")
    };
}
macro_rules! push {
    ($f:ident, $v:expr) => {
        $f.stack.push(Some($v))
    };
}

/// The instruction loop. Returns on `ReturnValue`/`YieldValue` or the first error.
fn exec(f: &mut Frame, cobj: &'static CodeObj) -> Result<Exit, Raise> {
    let co = cobj.code;
    let instrs = &co.instrs[..];
    loop {
        let pc = f.pc;
        f.lasti = pc;
        f.pc = pc + 1;
        match instrs[pc as usize] {
            Instr::Nop | Instr::ReturnGenerator => {}
            Instr::Pop => {
                f.stack.pop();
            }
            Instr::Copy(n) => {
                let v = f.stack[f.stack.len() - n as usize].clone();
                f.stack.push(v);
            }
            Instr::Swap(n) => {
                let l = f.stack.len();
                f.stack.swap(l - 1, l - n as usize);
            }
            Instr::PushNull => f.stack.push(None),
            Instr::LoadConst(i) => push!(f, cobj.consts[i as usize].clone()),
            Instr::LoadFast(i) => match &f.localsplus[i as usize] {
                Some(v) => {
                    let v = v.clone();
                    push!(f, v)
                }
                None => return Err(unbound_local(cobj, i).into()),
            },
            Instr::StoreFast(i) => {
                let v = pop!(f);
                f.localsplus[i as usize] = Some(v);
            }
            Instr::DeleteFast(i) => {
                if f.localsplus[i as usize].take().is_none() {
                    return Err(unbound_local(cobj, i).into());
                }
            }
            Instr::LoadDeref(i) => {
                let v = op_cell_get(f, i)?;
                push!(f, v);
            }
            Instr::StoreDeref(i) => {
                let v = pop!(f);
                cell_set(cell_of(f, i), Some(v));
            }
            Instr::DeleteDeref(i) => {
                let c = cell_of(f, i);
                if cell_get(c).is_none() {
                    return Err(unbound_deref(f, i).into());
                }
                cell_set(c, None);
            }
            Instr::LoadClosure(i) => {
                let c = cell_of(f, i).clone();
                push!(f, c);
            }
            Instr::LoadClassDeref(op) => {
                let v = op_load_class_deref(f, op >> 16, op & 0xffff)?;
                push!(f, v);
            }
            Instr::LoadGlobal(i) => {
                let v = load_global_cached(f, i)?;
                push!(f, v);
            }
            Instr::StoreGlobal(i) => {
                let v = pop!(f);
                dict::set_item(&f.globals, cobj.names[i as usize].clone(), v)?;
            }
            Instr::DeleteGlobal(i) => op_delete_global(f, &cobj.names[i as usize])?,
            Instr::LoadName(i) => {
                let v = op_load_name(f, &cobj.names[i as usize])?;
                push!(f, v);
            }
            Instr::StoreName(i) => {
                let v = pop!(f);
                op_store_name(f, &cobj.names[i as usize], v)?;
            }
            Instr::DeleteName(i) => op_delete_name(f, &cobj.names[i as usize])?,
            Instr::LoadAttr(i) => {
                let o = pop!(f);
                let v = protocol::getattr(&o, &cobj.names[i as usize])?;
                push!(f, v);
            }
            Instr::StoreAttr(i) => {
                let o = pop!(f);
                let v = pop!(f);
                protocol::setattr(&o, &cobj.names[i as usize], &v)?;
            }
            Instr::DeleteAttr(i) => {
                let o = pop!(f);
                protocol::delattr(&o, &cobj.names[i as usize])?;
            }
            Instr::LoadMethod(i) => {
                let o = pop!(f);
                let (m, s) = op_load_method(&o, &cobj.names[i as usize])?;
                f.stack.push(m);
                push!(f, s);
            }
            Instr::BinarySubscr => {
                let k = pop!(f);
                let o = pop!(f);
                push!(f, protocol::getitem(&o, &k)?);
            }
            Instr::StoreSubscr => {
                let k = pop!(f);
                let o = pop!(f);
                let v = pop!(f);
                protocol::setitem(&o, &k, &v)?;
            }
            Instr::DeleteSubscr => {
                let k = pop!(f);
                let o = pop!(f);
                protocol::delitem(&o, &k)?;
            }
            Instr::BuildSlice(n) => {
                let step = if n == 3 { pop!(f) } else { none::none() };
                let stop = pop!(f);
                let start = pop!(f);
                push!(f, types::slice::new(start, stop, step));
            }
            Instr::BinarySlice(n) => {
                let step = if n == 3 { Some(pop!(f)) } else { None };
                let stop = pop!(f);
                let start = pop!(f);
                let o = pop!(f);
                push!(f, types::slice::get_slice(&o, &start, &stop, step.as_ref())?);
            }
            Instr::StoreSlice(n) => {
                let step = if n == 3 { Some(pop!(f)) } else { None };
                let stop = pop!(f);
                let start = pop!(f);
                let o = pop!(f);
                let v = pop!(f);
                types::slice::set_slice(&o, &start, &stop, step.as_ref(), &v)?;
            }
            Instr::BinaryOp(op) => {
                let b = pop!(f);
                let a = pop!(f);
                push!(f, op_binary(&a, &b, op)?);
            }
            Instr::InplaceOp(op) => {
                let b = pop!(f);
                let a = pop!(f);
                push!(f, protocol::inplace_op(&a, &b, BinOp::from_u32(op))?);
            }
            Instr::UnaryOp(op) => {
                let a = pop!(f);
                push!(f, op_unary(&a, op)?);
            }
            Instr::CompareOp(op) => {
                let b = pop!(f);
                let a = pop!(f);
                push!(f, op_compare(&a, &b, op)?);
            }
            Instr::IsOp(inv) => {
                let b = pop!(f);
                let a = pop!(f);
                push!(f, pybool::from_bool(a.is(&b) != (inv != 0)));
            }
            Instr::ContainsOp(inv) => {
                let b = pop!(f);
                let a = pop!(f);
                push!(f, pybool::from_bool(protocol::contains(&b, &a)? != (inv != 0)));
            }
            Instr::BuildTuple(n) => {
                let items = take_n(f, n);
                push!(f, tuple::new(items));
            }
            Instr::BuildList(n) => {
                let items = take_n(f, n);
                push!(f, list::new(items));
            }
            Instr::BuildSet(n) => {
                let items = take_n(f, n);
                push!(f, types::set::new_set(items)?);
            }
            Instr::BuildMap(n) => {
                let items = take_n(f, 2 * n);
                push!(f, op_build_map(items)?);
            }
            Instr::BuildConstKeyMap(n) => {
                let keys = pop!(f);
                let vals = take_n(f, n);
                push!(f, op_build_const_key_map(vals, &keys)?);
            }
            Instr::BuildString(n) => {
                let items = take_n(f, n);
                push!(f, op_build_string(&items));
            }
            Instr::ListAppend(d) => {
                let v = pop!(f);
                let l = f.stack[f.stack.len() - d as usize].as_ref().unwrap();
                list::append(l, v);
            }
            Instr::SetAdd(d) => {
                let v = pop!(f);
                let s = f.stack[f.stack.len() - d as usize].as_ref().unwrap();
                types::set::add(s, v)?;
            }
            Instr::MapAdd(d) => {
                let v = pop!(f);
                let k = pop!(f);
                let m = f.stack[f.stack.len() - d as usize].as_ref().unwrap();
                dict::set_item(m, k, v)?;
            }
            Instr::ListExtend(d) => {
                let it = pop!(f);
                let l = f.stack[f.stack.len() - d as usize].clone().unwrap();
                op_list_extend(&l, &it)?;
            }
            Instr::SetUpdate(d) => {
                let it = pop!(f);
                let s = f.stack[f.stack.len() - d as usize].clone().unwrap();
                op_set_update(&s, &it)?;
            }
            Instr::DictUpdate(d) => {
                let m = pop!(f);
                let t = f.stack[f.stack.len() - d as usize].clone().unwrap();
                op_dict_update(&t, &m)?;
            }
            Instr::DictMerge(d) => {
                let m = pop!(f);
                let l = f.stack.len();
                let t = f.stack[l - d as usize].clone().unwrap();
                let func = f.stack[l - d as usize - 2].clone().unwrap_or_else(none::none);
                op_dict_merge(&func, &t, &m)?;
            }
            Instr::ListToTuple => {
                let l = pop!(f);
                push!(f, tuple::from_slice(list::as_slice_opt(&l).unwrap_or_default()));
            }
            Instr::FormatValue(flags) => {
                let spec = if flags & format_flags::HAVE_SPEC != 0 { Some(pop!(f)) } else { None };
                let v = pop!(f);
                push!(f, op_format_value(&v, spec.as_ref(), flags & format_flags::CONV_MASK)?);
            }
            Instr::UnpackSequence(n) => {
                let s = pop!(f);
                let items = op_unpack_sequence(&s, n as usize)?;
                for v in items.into_iter().rev() {
                    push!(f, v);
                }
            }
            Instr::UnpackEx(op) => {
                let s = pop!(f);
                let items = op_unpack_ex(&s, (op & 0xff) as usize, (op >> 8) as usize)?;
                for v in items.into_iter().rev() {
                    push!(f, v);
                }
            }
            Instr::Jump(t) => {
                crate::gil::check_point()?;
                f.pc = t
            }
            Instr::PopJumpIfFalse(t) => {
                let v = pop!(f);
                if !truth(&v)? {
                    f.pc = t;
                }
            }
            Instr::PopJumpIfTrue(t) => {
                let v = pop!(f);
                if truth(&v)? {
                    f.pc = t;
                }
            }
            Instr::JumpIfFalseOrPop(t) => {
                if !truth(top!(f))? {
                    f.pc = t;
                } else {
                    f.stack.pop();
                }
            }
            Instr::JumpIfTrueOrPop(t) => {
                if truth(top!(f))? {
                    f.pc = t;
                } else {
                    f.stack.pop();
                }
            }
            Instr::PopJumpIfNone(t) => {
                let v = pop!(f);
                if none::is_none(&v) {
                    f.pc = t;
                }
            }
            Instr::PopJumpIfNotNone(t) => {
                let v = pop!(f);
                if !none::is_none(&v) {
                    f.pc = t;
                }
            }
            Instr::GetIter => {
                let v = pop!(f);
                push!(f, protocol::iter(&v)?);
            }
            Instr::ForIter(t) => {
                let r = match protocol::next(top!(f)) {
                    Ok(r) => r,
                    Err(e) if e.matches(exc().stop_iteration) => None,
                    Err(e) => return Err(e.into()),
                };
                match r {
                    Some(v) => push!(f, v),
                    None => {
                        f.stack.pop();
                        f.pc = t;
                    }
                }
            }
            Instr::Call(n) => {
                let l = f.stack.len();
                let base = l - n as usize - 2;
                let r = {
                    let (callable, args) = match &f.stack[base] {
                        Some(m) => (m, as_objs(&f.stack[base + 1..])),
                        None => (f.stack[base + 1].as_ref().unwrap(), as_objs(&f.stack[base + 2..])),
                    };
                    call_positional(callable, args)
                };
                f.stack.truncate(base);
                push!(f, r?);
            }
            Instr::CallKw(n) => {
                let kwnames = pop!(f);
                let l = f.stack.len();
                let base = l - n as usize - 2;
                let r = {
                    let (callable, args) = match &f.stack[base] {
                        Some(m) => (m, as_objs(&f.stack[base + 1..])),
                        None => (f.stack[base + 1].as_ref().unwrap(), as_objs(&f.stack[base + 2..])),
                    };
                    call_with_kwnames(callable, args, Some(&kwnames))
                };
                f.stack.truncate(base);
                push!(f, r?);
            }
            Instr::CallEx(flag) => {
                let kwargs = if flag & 1 != 0 { Some(pop!(f)) } else { None };
                let args = pop!(f);
                let func = pop!(f);
                let _null = f.stack.pop();
                push!(f, op_call_ex(&func, &args, kwargs.as_ref())?);
            }
            Instr::MakeFunction(flags) => {
                let code = pop!(f);
                let closure = if flags & mf::CLOSURE != 0 { Some(pop!(f)) } else { None };
                let ann = if flags & mf::ANNOTATIONS != 0 { Some(pop!(f)) } else { None };
                let kwd = if flags & mf::KWDEFAULTS != 0 { Some(pop!(f)) } else { None };
                let defs = if flags & mf::DEFAULTS != 0 { Some(pop!(f)) } else { None };
                let ann = ann.filter(|a| dict::is_dict(a));
                push!(f, new_function(code, f.globals.clone(), defs, kwd, closure, ann));
            }
            Instr::ReturnValue => {
                let v = pop!(f);
                return Ok(Exit::Return(v));
            }
            Instr::LoadBuildClass => {
                let v = op_load_build_class(f)?;
                push!(f, v);
            }
            Instr::RaiseVarargs(n) => {
                let cause = if n >= 2 { Some(pop!(f)) } else { None };
                let e = if n >= 1 { Some(pop!(f)) } else { None };
                let bare = e.is_none();
                let err = op_raise(e, cause);
                return Err(Raise { err, tb: !bare, ctx: !bare });
            }
            Instr::Reraise(_) => {
                let e = pop!(f);
                return Err(Raise { err: PyErr(e), tb: false, ctx: false });
            }
            Instr::PushExcInfo => {
                let e = pop!(f);
                let prev = errors::set_handled(Some(e.clone()));
                push!(f, prev.unwrap_or_else(none::none));
                push!(f, e);
            }
            Instr::PopExcept => {
                let prev = pop!(f);
                op_pop_except(prev);
            }
            Instr::CheckExcMatch => {
                let t = pop!(f);
                let m = op_check_exc_match(top!(f), &t)?;
                push!(f, pybool::from_bool(m));
            }
            Instr::LoadAssertionError => push!(f, exc().assertion_error.as_obj()),
            Instr::WithExceptStart => {
                let l = f.stack.len();
                let exit = f.stack[l - 4].clone().unwrap();
                let e = top!(f).clone();
                push!(f, op_with_except_start(&exit, &e)?);
            }
            Instr::BeforeWith => {
                let mgr = pop!(f);
                let (exit, res) = op_before_with(&mgr)?;
                push!(f, exit);
                push!(f, res);
            }
            Instr::YieldValue => {
                let v = pop!(f);
                return Ok(Exit::Yield(v));
            }
            Instr::Send(t) => {
                let sent = pop!(f);
                let r = op_send(top!(f), sent)?;
                match r {
                    SendResult::Yield(v) => push!(f, v),
                    SendResult::Return(v) => {
                        f.stack.pop();
                        push!(f, v);
                        f.pc = t;
                    }
                }
            }
            Instr::GetYieldFromIter => {
                let v = pop!(f);
                push!(f, crate::types::coroutine::yield_from_iter(v, cobj.code.flags)?);
            }
            Instr::ImportName(i) => {
                let fromlist = pop!(f);
                let level = pop!(f);
                let m = op_import_name(f, &cobj.names[i as usize], &fromlist, &level)?;
                push!(f, m);
            }
            Instr::ImportFrom(i) => {
                let v = op_import_from(top!(f), &cobj.names[i as usize])?;
                push!(f, v);
            }
            Instr::ImportStar => {
                let m = pop!(f);
                op_import_star(f, &m)?;
            }
            Instr::LoadLocals => match &f.locals {
                Some(l) => {
                    let l = l.clone();
                    push!(f, l)
                }
                None => return Err(errors::new_error(exc().system_error, "no locals found").into()),
            },
            Instr::SetupAnnotations => op_setup_annotations(f)?,
            Instr::PrintExpr => {
                let v = pop!(f);
                op_print_expr(&v)?;
            }
            Instr::MatchMapping => {
                let b = op_match_mapping(top!(f));
                push!(f, pybool::from_bool(b));
            }
            Instr::MatchSequence => {
                let b = op_match_sequence(top!(f));
                push!(f, pybool::from_bool(b));
            }
            Instr::MatchKeys => {
                let l = f.stack.len();
                let subject = f.stack[l - 2].clone().unwrap();
                let v = op_match_keys(&subject, top!(f))?;
                push!(f, v.unwrap_or_else(none::none));
            }
            Instr::MatchClass(n) => {
                let names = pop!(f);
                let cls = pop!(f);
                let subject = pop!(f);
                let v = op_match_class(&subject, &cls, n, &names)?;
                push!(f, v.unwrap_or_else(none::none));
            }
            Instr::GetLen => {
                let n = op_get_len(top!(f))?;
                push!(f, n);
            }
            Instr::CopyDictWithoutKeys => {
                let keys = pop!(f);
                let subject = pop!(f);
                push!(f, op_copy_dict_without_keys(&subject, &keys)?);
            }
            Instr::GetAwaitable(w) => {
                let o = pop!(f);
                push!(f, types::coroutine::op_get_awaitable(&o, w)?);
            }
            Instr::GetAIter => {
                let o = pop!(f);
                push!(f, types::coroutine::op_get_aiter(&o)?);
            }
            Instr::GetANext => {
                let a = types::coroutine::op_get_anext(top!(f))?;
                push!(f, a);
            }
            Instr::BeforeAsyncWith => {
                let mgr = pop!(f);
                let (exit, aw) = types::coroutine::op_before_async_with(&mgr)?;
                push!(f, exit);
                push!(f, aw);
            }
            Instr::EndAsyncFor => {
                let e = pop!(f);
                if e.isinstance(exc().stop_async_iteration) {
                    f.stack.pop();
                } else {
                    return Err(Raise { err: PyErr(e), tb: false, ctx: false });
                }
            }
            Instr::AsyncGenWrap => {
                let v = pop!(f);
                push!(f, types::coroutine::async_gen_wrap(v));
            }
            Instr::CheckEgMatch => {
                let t = pop!(f);
                let e = pop!(f);
                let (rest, m) = op_check_eg_match(&e, &t)?;
                push!(f, rest);
                push!(f, m);
            }
            Instr::PrepReraiseStar => {
                let l = pop!(f);
                let orig = pop!(f);
                push!(f, op_prep_reraise_star(&orig, &l)?);
            }
        }
    }
}

#[inline]
fn truth(v: &Obj) -> PyResult<bool> {
    protocol::is_true(v)
}

fn take_n(f: &mut Frame, n: u32) -> Vec<Obj> {
    let at = f.stack.len() - n as usize;
    f.stack.drain(at..).map(|x| x.expect("interpreter: NULL item")).collect()
}

// ===================== shared operations (also used by abi.rs) =====================

pub fn unbound_local(cobj: &CodeObj, i: u32) -> PyErr {
    errors::unbound_local_error(format!(
        "cannot access local variable '{}' where it is not associated with a value",
        cobj.code.varnames.get(i as usize).map(|s| s.as_str()).unwrap_or("?")
    ))
}

#[inline]
fn cell_of(f: &Frame, i: u32) -> &Obj {
    let nv = f.co().varnames.len();
    f.localsplus[nv + i as usize].as_ref().expect("interpreter: missing cell")
}

/// The error for reading an empty cell `i` (cell or free variable).
pub fn unbound_deref(f: &Frame, i: u32) -> PyErr {
    let co = f.co();
    let i = i as usize;
    if i < co.cellvars.len() {
        errors::unbound_local_error(format!(
            "cannot access local variable '{}' where it is not associated with a value",
            co.cellvars[i]
        ))
    } else {
        let name = co.freevars.get(i - co.cellvars.len()).map(|s| s.as_str()).unwrap_or("?");
        name_error(format!(
            "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
            name
        ))
    }
}

pub fn op_cell_get(f: &Frame, i: u32) -> PyResult<Obj> {
    cell_get(cell_of(f, i)).ok_or_else(|| unbound_deref(f, i))
}

/// `LoadClassDeref`: the class namespace first, then cell `cell`.
pub fn op_load_class_deref(f: &Frame, cell: u32, name: u32) -> PyResult<Obj> {
    let name = &f.code_obj().names[name as usize];
    if let Some(l) = &f.locals {
        if let Some(v) = mapping_get(l, name)? {
            return Ok(v);
        }
    }
    op_cell_get(f, cell)
}

fn mapping_get(m: &Obj, key: &Obj) -> PyResult<Option<Obj>> {
    if m.is_exact(types().dict) {
        return Ok(dict::get_item_str(m, key));
    }
    if dict::is_dict(m) {
        // dict subclasses: honour __missing__/__getitem__ overrides.
        if m.ty().lookup_str("__getitem__").is_some() && !m.is_exact(types().dict) {
            return match protocol::getitem(m, key) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.matches(exc().key_error) => Ok(None),
                Err(e) => Err(e),
            };
        }
        return dict::get_item(m, key);
    }
    match protocol::getitem(m, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(exc().key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn not_defined(name: &Obj) -> PyErr {
    let n = pystr::as_str(name).unwrap_or("?");
    let e = errors::name_error(format!("name '{}' is not defined", n));
    // NameError.name (used for "Did you mean" suggestions).
    excs::set_field(&e.0, 0, Some(name.clone()));
    e
}

/// `LoadGlobal(i)` through the code object's per-name cache: a hit needs the globals and
/// builtins dicts' version tags to equal those seen when the entry was filled (any
/// mutation of either dict changes its tag, so rebinding a global or a builtin is seen at
/// once). Non-dict builtins go the uncached way.
#[inline]
pub fn load_global_cached(f: &Frame, i: u32) -> PyResult<Obj> {
    let cobj = f.code_obj();
    let dt = types().dict;
    if f.globals.is_exact(dt) && f.builtins.is_exact(dt) {
        if let Some(slot) = cobj.global_cache.get(i as usize) {
            let e = slot.get();
            if e.gtag == dict::version_tag(&f.globals) && e.btag == dict::version_tag(&f.builtins) && e.value != 0 {
                // SAFETY: the dict holding the value is unchanged since the entry was made.
                return Ok(unsafe { Obj::from_borrowed(e.value) });
            }
        }
    }
    load_global_miss(f, i)
}

/// `load_global_cached`'s miss: look the name up and refill the entry.
#[cold]
#[inline(never)]
fn load_global_miss(f: &Frame, i: u32) -> PyResult<Obj> {
    let cobj = f.code_obj();
    let dt = types().dict;
    let name = &cobj.names[i as usize];
    if f.globals.is_exact(dt) && f.builtins.is_exact(dt) {
        if let Some(slot) = cobj.global_cache.get(i as usize) {
            let (gtag, btag) = (dict::version_tag(&f.globals), dict::version_tag(&f.builtins));
            let found = match dict::get_item_str(&f.globals, name) {
                Some(v) => Some(v),
                None => dict::get_item_str(&f.builtins, name),
            };
            if let Some(v) = found {
                slot.set(crate::types::code::GlobalCacheEntry { gtag, btag, value: v.raw() });
                return Ok(v);
            }
            return Err(not_defined(name));
        }
    }
    op_load_global(f, name)
}

pub fn op_load_global(f: &Frame, name: &Obj) -> PyResult<Obj> {
    if let Some(v) = dict::get_item_str(&f.globals, name) {
        return Ok(v);
    }
    if let Some(v) = mapping_get(&f.builtins, name)? {
        return Ok(v);
    }
    Err(not_defined(name))
}

pub fn op_delete_global(f: &Frame, name: &Obj) -> PyResult<()> {
    if !dict::del_item(&f.globals, name)? {
        return Err(not_defined(name));
    }
    Ok(())
}

pub fn op_load_name(f: &Frame, name: &Obj) -> PyResult<Obj> {
    if let Some(l) = &f.locals {
        if let Some(v) = mapping_get(l, name)? {
            return Ok(v);
        }
    }
    op_load_global(f, name)
}

pub fn op_store_name(f: &Frame, name: &Obj, v: Obj) -> PyResult<()> {
    match &f.locals {
        Some(l) if l.is_exact(types().dict) => dict::set_item(l, name.clone(), v),
        Some(l) => protocol::setitem(l, name, &v),
        None => Err(errors::new_error(
            exc().system_error,
            format!("no locals found when storing {}", protocol::repr_string(name)?),
        )),
    }
}

pub fn op_delete_name(f: &Frame, name: &Obj) -> PyResult<()> {
    match &f.locals {
        Some(l) if l.is_exact(types().dict) => {
            if !dict::del_item(l, name)? {
                return Err(not_defined(name));
            }
            Ok(())
        }
        Some(l) => match protocol::delitem(l, name) {
            Err(e) if e.matches(exc().key_error) => Err(not_defined(name)),
            r => r,
        },
        None => Err(errors::new_error(
            exc().system_error,
            format!("no locals when deleting {}", protocol::repr_string(name)?),
        )),
    }
}

/// `LoadMethod`: `(Some(function), obj)` for the unbound-method fast path, else
/// `(None, obj.name)`.
pub fn op_load_method(o: &Obj, name: &Obj) -> PyResult<(Option<Obj>, Obj)> {
    let ty = o.ty();
    // the generic look-up is what heap types without __getattribute__/__getattr__ get
    let generic = ty.slots().getattro.map_or(true, |f| f as usize == crate::types::object::generic_getattr as *const () as usize);
    if generic && !crate::types::typeobj::is_type(o) {
        if let Some(d) = ty.lookup(name) {
            if d.is_exact(types().function) || d.is_exact(types().method_descriptor) {
                // An instance attribute of the same name shadows the method.
                let shadowed = crate::types::instance_attrs::get(o, name).is_some();
                if !shadowed {
                    return Ok((Some(d), o.clone()));
                }
            }
        }
    }
    Ok((None, protocol::getattr(o, name)?))
}

pub fn op_binary(a: &Obj, b: &Obj, op: u32) -> PyResult<Obj> {
    protocol::binary_op(a, b, BinOp::from_u32(op))
}

pub fn op_unary(a: &Obj, op: u32) -> PyResult<Obj> {
    let op = UnOp::from_u32(op);
    if op == UnOp::Not {
        return Ok(pybool::from_bool(!protocol::is_true(a)?));
    }
    protocol::unary_op(a, op)
}

/// The bytecode's comparison: no recursion check between small ints (`protocol::richcompare`).
pub fn op_compare(a: &Obj, b: &Obj, op: u32) -> PyResult<Obj> {
    crate::ops::richcompare(a, b, CmpOp::from_u32(op))
}

pub fn op_build_map(items: Vec<Obj>) -> PyResult<Obj> {
    let d = dict::new();
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        dict::set_item(&d, k, v)?;
    }
    Ok(d)
}

pub fn op_build_const_key_map(vals: Vec<Obj>, keys: &Obj) -> PyResult<Obj> {
    let d = dict::new();
    let ks = tuple::as_slice(keys).unwrap_or(&[]);
    for (k, v) in ks.iter().zip(vals) {
        dict::set_item(&d, k.clone(), v)?;
    }
    Ok(d)
}

pub fn op_build_string(items: &[Obj]) -> Obj {
    pystr::concat_all(items)
}

pub fn op_list_extend(l: &Obj, it: &Obj) -> PyResult<()> {
    let items = match protocol::collect(it) {
        Ok(v) => v,
        Err(e) if e.matches(exc().type_error) && it.ty().slots().iter.is_none() && it.ty().slots().getitem.is_none() => {
            return Err(type_error(format!("Value after * must be an iterable, not {}", it.type_name())))
        }
        Err(e) => return Err(e),
    };
    list::items_mut(l).extend(items);
    Ok(())
}

pub fn op_set_update(s: &Obj, it: &Obj) -> PyResult<()> {
    // `_PySet_Update`: a set/frozenset operand is merged table-wise (`set_merge`),
    // which decides the result's iteration order.
    types::set::update(s, it)
}

/// Items of a mapping (`keys()` then `m[k]`), dicts directly.
pub fn mapping_items(m: &Obj) -> PyResult<Vec<(Obj, Obj)>> {
    if m.is_exact(types().dict) {
        return Ok(dict::items(m));
    }
    let keys = protocol::call_method(m, "keys", &[])?;
    let mut out = Vec::new();
    for k in protocol::collect(&keys)? {
        let v = protocol::getitem(m, &k)?;
        out.push((k, v));
    }
    Ok(out)
}

pub fn op_dict_update(d: &Obj, m: &Obj) -> PyResult<()> {
    if !dict::is_dict(m) && protocol::getattr_opt(m, &pystr::intern("keys"))?.is_none() {
        return Err(type_error(format!("'{}' object is not a mapping", m.type_name())));
    }
    for (k, v) in mapping_items(m)? {
        dict::set_item(d, k, v)?;
    }
    Ok(())
}

/// CPython's `_PyObject_FunctionStr`: `module.qualname()` or `qualname()`.
pub fn function_str(f: &Obj) -> String {
    let q = match protocol::getattr_opt(f, &pystr::intern("__qualname__")) {
        Ok(Some(q)) if q.isinstance(types().str) => pystr::as_str(&q).unwrap_or("").to_string(),
        _ => return protocol::str_string(f).unwrap_or_default(),
    };
    match protocol::getattr_opt(f, &pystr::intern("__module__")) {
        Ok(Some(m)) if m.isinstance(types().str) && pystr::as_str(&m) != Some("builtins") => {
            format!("{}.{}()", pystr::as_str(&m).unwrap_or(""), q)
        }
        _ => format!("{}()", q),
    }
}

/// `DictMerge`: `f(**m)` (duplicate keys are errors naming `func`).
pub fn op_dict_merge(func: &Obj, d: &Obj, m: &Obj) -> PyResult<()> {
    if !dict::is_dict(m) && protocol::getattr_opt(m, &pystr::intern("keys"))?.is_none() {
        return Err(type_error(format!(
            "{} argument after ** must be a mapping, not {}",
            function_str(func),
            m.type_name()
        )));
    }
    for (k, v) in mapping_items(m)? {
        if dict::get_item(d, &k)?.is_some() {
            let ks = match pystr::as_str(&k) {
                Some(s) => s.to_string(),
                None => protocol::str_string(&k)?,
            };
            return Err(type_error(format!(
                "{} got multiple values for keyword argument '{}'",
                function_str(func),
                ks
            )));
        }
        dict::set_item(d, k, v)?;
    }
    Ok(())
}

/// `f"{v!conv:spec}"`.
pub fn op_format_value(v: &Obj, spec: Option<&Obj>, conv: u32) -> PyResult<Obj> {
    let conv_v = match conv {
        format_flags::CONV_STR => protocol::str(v)?,
        format_flags::CONV_REPR => protocol::repr(v)?,
        format_flags::CONV_ASCII => pystr::from_string(ascii_escape(&protocol::repr_string(v)?)),
        _ => v.clone(),
    };
    let spec_s = spec.and_then(pystr::as_str).unwrap_or("");
    if spec_s.is_empty() && conv_v.is_exact(types().str) {
        return Ok(conv_v);
    }
    protocol::format(&conv_v, spec_s)
}

/// `ascii()`'s escaping of non-ASCII characters in a repr.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = pystr::code_point(c);
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{:02x}", n));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{:04x}", n));
        } else {
            out.push_str(&format!("\\U{:08x}", n));
        }
    }
    out
}

fn unpack_iter(s: &Obj) -> PyResult<Obj> {
    match protocol::iter(s) {
        Ok(it) => Ok(it),
        Err(e) if e.matches(exc().type_error) && s.ty().slots().iter.is_none() && s.ty().slots().getitem.is_none() => {
            Err(type_error(format!("cannot unpack non-iterable {} object", s.type_name())))
        }
        Err(e) => Err(e),
    }
}

/// `a, b, c = s`: the n items in order.
pub fn op_unpack_sequence(s: &Obj, n: usize) -> PyResult<Vec<Obj>> {
    if let Some(items) = tuple::as_slice(s).filter(|_| s.is_exact(types().tuple)).or_else(|| {
        if s.is_exact(types().list) { list::as_slice_opt(s) } else { None }
    }) {
        if items.len() == n {
            return Ok(items.to_vec());
        }
        if items.len() > n {
            return Err(value_error(format!("too many values to unpack (expected {})", n)));
        }
        return Err(protocol::not_enough_values(n, items.len()));
    }
    let it = unpack_iter(s)?;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        match protocol::next(&it)? {
            Some(v) => out.push(v),
            None => return Err(protocol::not_enough_values(n, i)),
        }
    }
    if protocol::next(&it)?.is_some() {
        return Err(value_error(format!("too many values to unpack (expected {})", n)));
    }
    Ok(out)
}

/// `a, *b, c = s`: `before` items, the list, `after` items, in order.
pub fn op_unpack_ex(s: &Obj, before: usize, after: usize) -> PyResult<Vec<Obj>> {
    let it = unpack_iter(s)?;
    let mut out = Vec::with_capacity(before + after + 1);
    for i in 0..before {
        match protocol::next(&it)? {
            Some(v) => out.push(v),
            None => {
                return Err(value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    i
                )))
            }
        }
    }
    let mut rest = Vec::new();
    while let Some(v) = protocol::next(&it)? {
        rest.push(v);
    }
    if rest.len() < after {
        return Err(value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            before + rest.len()
        )));
    }
    let tail = rest.split_off(rest.len() - after);
    out.push(list::new(rest));
    out.extend(tail);
    Ok(out)
}

/// How CPython words the RecursionError of a call that counts a level: a class without
/// vectorcall (heap types have none in 3.11: `_PyObject_MakeTpCall` counts the level),
/// a METH_O / METH_NOARGS / METH_VARARGS built-in. METH_FASTCALL built-ins and classes
/// with vectorcall count none (`function::builtin_counts_level`, `class_call_counts`).
const CALLING: &str = " while calling a Python object";

/// Built-in classes that have a vectorcall in CPython 3.11 (`str(x)` is specialized and
/// counts only its str guard): calling one from Python code counts no recursion level.
/// Calling any other class counts one.
fn class_call_counts(cls: &Obj) -> bool {
    let t = types();
    let vectorcall = [
        t.list, t.tuple, t.dict, t.set, t.frozenset, t.float, t.bool_, t.str, t.enumerate, t.filter, t.map,
        t.reversed, t.super_, t.type_, t.range,
    ];
    !vectorcall.iter().any(|v| v.ptr() as u64 == cls.raw())
}

/// `call()`, a METH_O built-in method called from Python code (`"".join(x)` lowered
/// directly by the codegen), counting the level CPython 3.11 counts for it.
pub(crate) fn counted_call(call: impl FnOnce() -> PyResult<Obj>) -> PyResult<Obj> {
    counted(Some(CALLING), call)
}

/// `call()` with the recursion level CPython 3.11 counts for it (`what`), if any.
#[inline(always)]
fn counted(what: Option<&'static str>, call: impl FnOnce() -> PyResult<Obj>) -> PyResult<Obj> {
    let Some(what) = what else { return call() };
    crate::recursion::enter_for(what)?;
    let r = call();
    crate::recursion::leave();
    r
}

/// A call with an optional kwnames tuple: the last `len(kwnames)` args are keyword values.
/// `callable(*args)`: Python functions go straight to the frame fast path.
#[inline]
pub fn call_positional(callable: &Obj, args: &[Obj]) -> PyResult<Obj> {
    if crate::types::function::is_function(callable) {
        return crate::frame::call_function_positional(callable, args);
    }
    if let Some(r) = call_builtin(callable, args) {
        return r;
    }
    if callable.raw() == types().range.ptr() as u64 {
        return range_call(callable, args);
    }
    if callable.is_exact(types().type_) {
        // `Node(left, right)`: a plain class, straight to the instance and its `__init__`
        if let Some(init) = crate::types::class::plain_init(callable) {
            return crate::types::class::call_plain(callable, &init, args);
        }
        if let Some(call) = callable.ty().slots().call {
            let what = class_call_counts(callable).then_some(CALLING);
            return counted(what, || call(callable, args, &KwArgs::EMPTY));
        }
    }
    // a method descriptor `call_builtin` did not take (wrong receiver or arity: the slot
    // raises CPython's error)
    if callable.is_exact(types().method_descriptor) {
        if let Some(call) = callable.ty().slots().call {
            return counted(method_level(callable), || call(callable, args, &KwArgs::EMPTY));
        }
    }
    protocol::call_kw(callable, args, &KwArgs::EMPTY)
}

/// `callable(*args)` when `callable` is a built-in function (`math.sqrt(x)`, `len(s)`) or
/// a method descriptor called with its receiver (`d.get(k, 0)`, `parts.append(x)`), or
/// an `__init__` slot wrapper called with an instance (`Exception.__init__(self, x)`):
/// straight to the Rust function, counting the recursion level CPython counts for it (a
/// `repr` recursing through a builtin must hit the limit at the same depth). `None` for
/// any other callable.
#[inline]
pub fn call_builtin(callable: &Obj, args: &[Obj]) -> Option<PyResult<Obj>> {
    if callable.is_exact(types().builtin_function) {
        let what = crate::types::function::builtin_counts_level(callable).then_some(CALLING);
        return Some(counted(what, || crate::types::function::builtin_call(callable, args, &KwArgs::EMPTY)));
    }
    if let Some(method) = crate::types::descriptors::direct_method(callable, args) {
        return Some(counted(method_level(callable), || method(args)));
    }
    let init = crate::types::descriptors::direct_init(callable, args)?;
    // the level `protocol::call_kw` counts for a slot wrapper
    Some(counted(Some(""), || init(&args[0], &args[1..], &KwArgs::EMPTY)))
}

/// The recursion level a call of method descriptor `d` counts (`MethodDescrObj::counts_level`).
#[inline]
fn method_level(d: &Obj) -> Option<&'static str> {
    // SAFETY: callers pass a `method_descriptor`.
    let d = unsafe { d.payload::<crate::types::descriptors::MethodDescrObj>() };
    d.counts_level.then_some(CALLING)
}

/// `range(...)` called from Python code: CPython 3.11 counts no call level (range has a
/// vectorcall) but compares the bounds with `PyObject_RichCompareBool`, whose recursion
/// check (" in comparison") fires at the limit.
pub fn range_call(range: &Obj, args: &[Obj]) -> PyResult<Obj> {
    crate::recursion::check_for(" in comparison")?;
    crate::types::range::range_new(range, args, &KwArgs::EMPTY)
}

pub fn call_with_kwnames(callable: &Obj, args: &[Obj], kwnames: Option<&Obj>) -> PyResult<Obj> {
    match kwnames.and_then(tuple::as_slice) {
        Some(names) if !names.is_empty() => {
            let npos = args.len() - names.len();
            let kw = KwArgs { names, values: &args[npos..] };
            if callable.is_exact(types().builtin_function) {
                // `sorted(xs, key=f)`: the level CPython counts for the builtin
                let what = crate::types::function::builtin_counts_level(callable).then_some(CALLING);
                return counted(what, || crate::types::function::builtin_call(callable, &args[..npos], &kw));
            }
            protocol::call_kw(callable, &args[..npos], &kw)
        }
        _ => protocol::call_kw(callable, args, &KwArgs::EMPTY),
    }
}

/// `f(*args, **kwargs)`.
pub fn op_call_ex(func: &Obj, args: &Obj, kwargs: Option<&Obj>) -> PyResult<Obj> {
    let pos: Vec<Obj> = match tuple::as_slice(args) {
        Some(s) => s.to_vec(),
        None => match protocol::collect(args) {
            Ok(v) => v,
            Err(e) if e.matches(exc().type_error) && args.ty().slots().iter.is_none() && args.ty().slots().getitem.is_none() => {
                return Err(type_error(format!(
                    "{} argument after * must be an iterable, not {}",
                    function_str(func),
                    args.type_name()
                )))
            }
            Err(e) => return Err(e),
        },
    };
    let Some(kw) = kwargs else {
        return protocol::call_kw(func, &pos, &KwArgs::EMPTY);
    };
    let items = if dict::is_dict(kw) {
        dict::items(kw)
    } else {
        if protocol::getattr_opt(kw, &pystr::intern("keys"))?.is_none() {
            return Err(type_error(format!(
                "{} argument after ** must be a mapping, not {}",
                function_str(func),
                kw.type_name()
            )));
        }
        mapping_items(kw)?
    };
    let mut names = Vec::with_capacity(items.len());
    let mut values = Vec::with_capacity(items.len());
    for (k, v) in items {
        if !k.isinstance(types().str) {
            return Err(type_error("keywords must be strings"));
        }
        names.push(k);
        values.push(v);
    }
    protocol::call_kw(func, &pos, &KwArgs { names: &names, values: &values })
}

pub fn op_load_build_class(f: &Frame) -> PyResult<Obj> {
    match mapping_get(&f.builtins, &pystr::intern("__build_class__"))? {
        Some(v) => Ok(v),
        None => Err(name_error("__build_class__ not found")),
    }
}

/// Makes an exception instance from `raise X` (class or instance).
fn make_exception(e: Obj, what: &str) -> PyResult<Obj> {
    if excs::is_exception_type(&e) {
        let inst = protocol::call(&e, &[])?;
        if !excs::is_exception(&inst) {
            return Err(type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                protocol::repr_string(&e)?,
                inst.type_name()
            )));
        }
        return Ok(inst);
    }
    if excs::is_exception(&e) {
        return Ok(e);
    }
    Err(type_error(what.to_string()))
}

/// `raise` / `raise exc` / `raise exc from cause`: the error to propagate.
pub fn op_raise(e: Option<Obj>, cause: Option<Obj>) -> PyErr {
    let Some(e) = e else {
        return match errors::handled() {
            Some(h) if !none::is_none(&h) => PyErr(h),
            _ => errors::runtime_error("No active exception to reraise"),
        };
    };
    let inst = match make_exception(e, "exceptions must derive from BaseException") {
        Ok(i) => i,
        Err(err) => return err,
    };
    if let Some(c) = cause {
        if none::is_none(&c) {
            excs::set_cause(&inst, None);
        } else {
            match make_exception(c, "exception causes must derive from BaseException") {
                Ok(ci) => excs::set_cause(&inst, Some(ci)),
                Err(err) => return err,
            }
        }
    }
    chain_context(&inst);
    PyErr(inst)
}

pub fn op_pop_except(prev: Obj) {
    errors::set_handled(if none::is_none(&prev) { None } else { Some(prev) });
}

fn check_catchable(t: &Obj) -> PyResult<()> {
    if let Some(items) = tuple::as_slice(t) {
        for i in items {
            check_catchable(i)?;
        }
        return Ok(());
    }
    if excs::is_exception_type(t) {
        return Ok(());
    }
    Err(type_error("catching classes that do not inherit from BaseException is not allowed"))
}

/// `except T:` matching (`T` a class or a tuple of classes).
pub fn op_check_exc_match(e: &Obj, t: &Obj) -> PyResult<bool> {
    check_catchable(t)?;
    Ok(exc_matches(e, t))
}

/// Does exception instance `e` match class (or tuple of classes) `t`?
pub fn exc_matches(e: &Obj, t: &Obj) -> bool {
    if let Some(items) = tuple::as_slice(t) {
        return items.iter().any(|i| exc_matches(e, i));
    }
    match downcast_type(t) {
        Some(tt) => e.ty().is_subtype(tt),
        None => false,
    }
}

pub fn op_before_with(mgr: &Obj) -> PyResult<(Obj, Obj)> {
    let ty = mgr.ty();
    let Some(enter) = ty.lookup(&crate::static_name!("__enter__")) else {
        return Err(type_error(format!("'{}' object does not support the context manager protocol", mgr.type_name())));
    };
    let Some(exit) = ty.lookup(&crate::static_name!("__exit__")) else {
        return Err(type_error(format!(
            "'{}' object does not support the context manager protocol (missed __exit__ method)",
            mgr.type_name()
        )));
    };
    let owner = mgr.type_obj();
    let exit_b = types::descriptors::bind(&exit, Some(mgr), &owner)?;
    // `__enter__` is called with its receiver, without a bound method object
    let res = types::descriptors::call_unbound(&enter, mgr, &[], &KwArgs::EMPTY)?;
    Ok((exit_b, res))
}

pub fn op_with_except_start(exit: &Obj, e: &Obj) -> PyResult<Obj> {
    let tb = excs::traceback(e).unwrap_or_else(none::none);
    protocol::call(exit, &[e.type_obj(), e.clone(), tb])
}

pub enum SendResult {
    Yield(Obj),
    Return(Obj),
}

/// `Send`: resume sub-iterator `it` with `sent` (None → `next`).
pub fn op_send(it: &Obj, sent: Obj) -> PyResult<SendResult> {
    types::generator::send_to_sub(it, sent)
}

pub fn op_import_name(f: &Frame, name: &Obj, fromlist: &Obj, level: &Obj) -> PyResult<Obj> {
    let level = types::int::to_i64(level).unwrap_or(0);
    crate::builtins::import_module_level(name, &f.globals, fromlist, level)
}

pub fn op_import_from(m: &Obj, name: &Obj) -> PyResult<Obj> {
    match protocol::getattr_opt(m, name)? {
        Some(v) => Ok(v),
        None => {
            // A submodule imported later: sys.modules["pkg.name"].
            let mname = protocol::getattr_opt(m, &pystr::intern("__name__"))?;
            let mname_s = mname.as_ref().and_then(|n| pystr::as_str(n).map(|s| s.to_string()));
            if let Some(pkg) = &mname_s {
                let full = format!("{}.{}", pkg, pystr::as_str(name).unwrap_or(""));
                if let Some(v) = dict::get_item_str(&crate::modules::sys::modules_dict(), &pystr::new(&full)) {
                    return Ok(v);
                }
            }
            let file = protocol::getattr_opt(m, &pystr::intern("__file__"))?;
            let loc = match file.as_ref().and_then(|f| pystr::as_str(f).map(|s| s.to_string())) {
                Some(s) => s,
                None => "unknown location".to_string(),
            };
            let modname = mname_s.as_deref().unwrap_or("<unknown module name>");
            let msg = if mname_s.as_deref().is_some_and(crate::builtins::module_initializing) {
                format!(
                    "cannot import name '{}' from partially initialized module '{}' (most likely due to a circular import) ({})",
                    pystr::as_str(name).unwrap_or("?"),
                    modname,
                    loc
                )
            } else {
                format!("cannot import name '{}' from '{}' ({})", pystr::as_str(name).unwrap_or("?"), modname, loc)
            };
            let e = errors::import_error(msg);
            crate::types::exceptions::set_field(&e.0, 1, mname.clone());
            crate::types::exceptions::set_field(&e.0, 2, file.clone());
            Err(e)
        }
    }
}

pub fn op_import_star(f: &Frame, m: &Obj) -> PyResult<()> {
    let Some(locals) = &f.locals else {
        return Err(errors::new_error(exc().system_error, "no locals found during 'import *'"));
    };
    let all = protocol::getattr_opt(m, &pystr::intern("__all__"))?;
    let names: Vec<Obj> = match all {
        Some(a) => protocol::collect(&a)?,
        None => {
            let d = protocol::getattr(m, &pystr::intern("__dict__"))?;
            mapping_items(&d)?
                .into_iter()
                .map(|(k, _)| k)
                .filter(|k| !pystr::as_str(k).map_or(true, |s| s.starts_with('_')))
                .collect()
        }
    };
    for n in names {
        let v = protocol::getattr(m, &n)?;
        if locals.is_exact(types().dict) {
            dict::set_item(locals, n, v)?;
        } else {
            protocol::setitem(locals, &n, &v)?;
        }
    }
    Ok(())
}

pub fn op_setup_annotations(f: &Frame) -> PyResult<()> {
    let Some(l) = &f.locals else {
        return Err(errors::new_error(exc().system_error, "no locals found when setting up annotations"));
    };
    let key = pystr::intern("__annotations__");
    if mapping_get(l, &key)?.is_none() {
        if l.is_exact(types().dict) {
            dict::set_item(l, key, dict::new())?;
        } else {
            protocol::setitem(l, &key, &dict::new())?;
        }
    }
    Ok(())
}

pub fn op_print_expr(v: &Obj) -> PyResult<()> {
    let hook = crate::modules::sys::get_attr("displayhook");
    match hook {
        Some(h) => protocol::call(&h, &[v.clone()]).map(|_| ()),
        None => Err(errors::runtime_error("lost sys.displayhook")),
    }
}

// ===================== structural pattern matching =====================

/// `MatchMapping`: dict and its subclasses are the mappings of pattern matching.
pub fn op_match_mapping(s: &Obj) -> bool {
    s.isinstance(types().dict)
}

/// `MatchSequence`: list, tuple, range and their subclasses (never str/bytes/bytearray).
pub fn op_match_sequence(s: &Obj) -> bool {
    let t = types();
    s.isinstance(t.list) || s.isinstance(t.tuple) || s.isinstance(t.range)
}

/// `GetLen`: `len(obj)` as an int object.
pub fn op_get_len(o: &Obj) -> PyResult<Obj> {
    Ok(types::int::from_i64(protocol::len(o)? as i64))
}

/// `MatchKeys`: the values of `keys` in mapping `s` (looked up with `s.get(key, dummy)`),
/// or None when one is missing; ValueError for a key checked twice.
pub fn op_match_keys(s: &Obj, keys: &Obj) -> PyResult<Option<Obj>> {
    let keys = tuple::as_slice(keys).map(|k| k.to_vec()).unwrap_or_default();
    if keys.is_empty() {
        return Ok(Some(tuple::new(vec![])));
    }
    let get = protocol::getattr_str(s, "get")?;
    let seen = types::set::new_set(vec![])?;
    let dummy = protocol::call(&types().object.as_obj(), &[])?;
    let mut values = Vec::with_capacity(keys.len());
    for k in keys {
        if protocol::contains(&seen, &k)? {
            return Err(value_error(format!("mapping pattern checks duplicate key ({})", protocol::repr_string(&k)?)));
        }
        types::set::add(&seen, k.clone())?;
        let v = protocol::call(&get, &[k, dummy.clone()])?;
        if v.is(&dummy) {
            return Ok(None);
        }
        values.push(v);
    }
    Ok(Some(tuple::new(values)))
}

/// `CopyDictWithoutKeys`: `rest = dict(s)` minus `keys`.
pub fn op_copy_dict_without_keys(s: &Obj, keys: &Obj) -> PyResult<Obj> {
    let rest = dict::new();
    dict::update(&rest, s)?;
    for k in tuple::as_slice(keys).unwrap_or(&[]) {
        if !dict::del_item(&rest, k)? {
            return Err(errors::key_error(k.clone()));
        }
    }
    Ok(rest)
}

/// Built-in types that match a single positional sub-pattern against the subject itself.
fn match_self(t: &crate::types::typeobj::TypeObject) -> bool {
    let b = types();
    [b.bool_, b.bytearray, b.bytes, b.dict, b.float, b.frozenset, b.int, b.list, b.set, b.str, b.tuple]
        .iter()
        .any(|x| t.is_subtype(x))
}

fn match_class_attr(subject: &Obj, t: &str, name: &Obj, seen: &mut Vec<String>) -> PyResult<Option<Obj>> {
    let n = pystr::as_str(name).unwrap_or("").to_string();
    if seen.contains(&n) {
        return Err(type_error(format!("{}() got multiple sub-patterns for attribute {}", t, protocol::repr_string(name)?)));
    }
    seen.push(n);
    match protocol::getattr(subject, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(exc().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `MatchClass(nargs)`: the tuple of sub-pattern attributes, or None when `subject` is
/// not an instance of `cls` or lacks one of them.
pub fn op_match_class(subject: &Obj, cls: &Obj, nargs: u32, names: &Obj) -> PyResult<Option<Obj>> {
    let Some(t) = downcast_type(cls) else {
        return Err(type_error("called match pattern must be a type"));
    };
    if !crate::builtins::isinstance(subject, cls)? {
        return Ok(None);
    }
    let tname = t.name();
    let mut seen: Vec<String> = Vec::new();
    let mut attrs: Vec<Obj> = Vec::new();
    if nargs > 0 {
        let mut self_match = false;
        let match_args = match protocol::getattr_str(cls, "__match_args__") {
            Ok(m) => {
                if !m.is_exact(types().tuple) {
                    return Err(type_error(format!("{}.__match_args__ must be a tuple (got {})", tname, m.type_name())));
                }
                tuple::as_slice(&m).unwrap_or(&[]).to_vec()
            }
            Err(e) if e.matches(exc().attribute_error) => {
                self_match = match_self(t);
                Vec::new()
            }
            Err(e) => return Err(e),
        };
        let allowed = if self_match { 1 } else { match_args.len() };
        if allowed < nargs as usize {
            return Err(type_error(format!(
                "{}() accepts {} positional sub-pattern{} ({} given)",
                tname,
                allowed,
                if allowed == 1 { "" } else { "s" },
                nargs
            )));
        }
        if self_match {
            attrs.push(subject.clone());
        } else {
            for name in &match_args[..nargs as usize] {
                if !name.is_exact(types().str) {
                    return Err(type_error(format!("__match_args__ elements must be strings (got {})", name.type_name())));
                }
                match match_class_attr(subject, tname, name, &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(None),
                }
            }
        }
    }
    for name in tuple::as_slice(names).unwrap_or(&[]) {
        match match_class_attr(subject, tname, name, &mut seen)? {
            Some(v) => attrs.push(v),
            None => return Ok(None),
        }
    }
    Ok(Some(tuple::new(attrs)))
}

// ===================== except* =====================

/// `CheckEgMatch`: (rest, match) of exception `e` against the `except*` type `t`; makes the
/// match the handled exception.
pub fn op_check_eg_match(e: &Obj, t: &Obj) -> PyResult<(Obj, Obj)> {
    check_catchable(t)?;
    let is_group_type = |x: &Obj| downcast_type(x).is_some_and(|ty| ty.is_subtype(exc().base_exception_group));
    let bad = is_group_type(t) || tuple::as_slice(t).is_some_and(|items| items.iter().any(is_group_type));
    if bad {
        return Err(type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
    }
    if none::is_none(e) {
        return Ok((none::none(), none::none()));
    }
    if crate::builtins::isinstance(e, t)? {
        // A naked exception is wrapped in an ExceptionGroup.
        let m = if excs::is_group(e) {
            e.clone()
        } else {
            let g = protocol::call(&exc().base_exception_group.as_obj(), &[pystr::new(""), tuple::new(vec![e.clone()])])?;
            excs::set_traceback(&g, excs::traceback(e));
            g
        };
        errors::set_handled(Some(m.clone()));
        return Ok((none::none(), m));
    }
    if excs::is_group(e) {
        let tc = t.clone();
        let mut pred = move |x: &Obj| crate::builtins::isinstance(x, &tc);
        let (m, r) = excs::group_split(e, &mut pred, true)?;
        if let Some(m) = &m {
            errors::set_handled(Some(m.clone()));
        }
        return Ok((r.unwrap_or_else(none::none), m.unwrap_or_else(none::none)));
    }
    Ok((e.clone(), none::none()))
}

fn same_metadata(a: &Obj, b: &Obj) -> bool {
    fn same(x: Option<Obj>, y: Option<Obj>) -> bool {
        match (x, y) {
            (None, None) => true,
            (Some(x), Some(y)) => x.is(&y),
            (Some(x), None) | (None, Some(x)) => none::is_none(&x),
        }
    }
    let notes = |o: &Obj| protocol::getattr_opt(o, &pystr::intern("__notes__")).ok().flatten();
    same(notes(a), notes(b))
        && same(excs::traceback(a), excs::traceback(b))
        && same(excs::cause(a), excs::cause(b))
        && same(excs::context(a), excs::context(b))
}

fn collect_leaf_ids(e: &Obj, out: &mut Vec<u64>) {
    if excs::is_group(e) {
        for x in excs::group_exceptions(e) {
            collect_leaf_ids(&x, out);
        }
    } else {
        out.push(e.raw());
    }
}

/// `PrepReraiseStar`: what a `try`/`except*` re-raises at its end (None: nothing).
pub fn op_prep_reraise_star(orig: &Obj, l: &Obj) -> PyResult<Obj> {
    let items: Vec<Obj> = list::as_slice_opt(l).map(|s| s.to_vec()).unwrap_or_default();
    let items: Vec<Obj> = items.into_iter().filter(|x| !none::is_none(x)).collect();
    if items.is_empty() {
        return Ok(none::none());
    }
    if !excs::is_group(orig) {
        return Ok(items[0].clone());
    }
    let mut raised = Vec::new();
    let mut leaf_ids = Vec::new();
    for e in items {
        if same_metadata(&e, orig) {
            collect_leaf_ids(&e, &mut leaf_ids);
        } else {
            raised.push(e);
        }
    }
    let mut pred = |x: &Obj| Ok(!excs::is_group(x) && leaf_ids.contains(&x.raw()));
    let (keep, _) = excs::group_split(orig, &mut pred, false)?;
    if raised.is_empty() {
        return Ok(keep.unwrap_or_else(none::none));
    }
    if let Some(k) = keep {
        raised.push(k);
    }
    if raised.len() == 1 {
        return Ok(raised.pop().unwrap());
    }
    protocol::call(&exc().base_exception_group.as_obj(), &[pystr::new(""), list::new(raised)])
}
