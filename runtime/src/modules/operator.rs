//! The native `_operator` module (what `operator.py` re-exports with `import *`): every
//! operator function of CPython 3.11 (arithmetic, in-place, comparison, sequence and
//! identity helpers, `length_hint`, `call`, `_compare_digest`) with CPython's
//! positional-only argument errors, and the `itemgetter`, `attrgetter` and
//! `methodcaller` types with their reprs and `__reduce__`.

use pyc_frontend::bytecode::{BinOp, CmpOp, UnOp};

use super::itertools::{exact_args, module_type, LazyType};
use crate::errors::{type_error, value_error};
use crate::object::{alloc, header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::list::ReprGuard;
use crate::types::typeobj::{as_type, drop_as, CallFn, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, bytes, dict, int, module, none, str as pystr, tuple, TypeSpec};

// ===================== operator functions =====================

/// Defines `fn $f(module, args, kw)` taking exactly `$n` positional arguments `$a` and
/// evaluating `$body` (the operator functions differ only in the operation).
macro_rules! op_fn {
    ($f:ident, $name:literal, [$($a:ident),+], $body:expr) => {
        fn $f(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
            positional($name, args, kw, [$(stringify!($a)),+].len())?;
            #[allow(unused_variables)]
            let [$($a),+] = args else { unreachable!() };
            $body
        }
    };
}

op_fn!(f_add, "add", [a, b], protocol::binary_op(a, b, BinOp::Add));
op_fn!(f_sub, "sub", [a, b], protocol::binary_op(a, b, BinOp::Sub));
op_fn!(f_mul, "mul", [a, b], protocol::binary_op(a, b, BinOp::Mul));
op_fn!(f_matmul, "matmul", [a, b], protocol::binary_op(a, b, BinOp::MatMul));
op_fn!(f_truediv, "truediv", [a, b], protocol::binary_op(a, b, BinOp::TrueDiv));
op_fn!(f_floordiv, "floordiv", [a, b], protocol::binary_op(a, b, BinOp::FloorDiv));
op_fn!(f_mod, "mod", [a, b], protocol::binary_op(a, b, BinOp::Mod));
op_fn!(f_pow, "pow", [a, b], protocol::binary_op(a, b, BinOp::Pow));
op_fn!(f_lshift, "lshift", [a, b], protocol::binary_op(a, b, BinOp::LShift));
op_fn!(f_rshift, "rshift", [a, b], protocol::binary_op(a, b, BinOp::RShift));
op_fn!(f_and, "and_", [a, b], protocol::binary_op(a, b, BinOp::And));
op_fn!(f_or, "or_", [a, b], protocol::binary_op(a, b, BinOp::Or));
op_fn!(f_xor, "xor", [a, b], protocol::binary_op(a, b, BinOp::Xor));
op_fn!(f_iadd, "iadd", [a, b], protocol::inplace_op(a, b, BinOp::Add));
op_fn!(f_isub, "isub", [a, b], protocol::inplace_op(a, b, BinOp::Sub));
op_fn!(f_imul, "imul", [a, b], protocol::inplace_op(a, b, BinOp::Mul));
op_fn!(f_imatmul, "imatmul", [a, b], protocol::inplace_op(a, b, BinOp::MatMul));
op_fn!(f_itruediv, "itruediv", [a, b], protocol::inplace_op(a, b, BinOp::TrueDiv));
op_fn!(f_ifloordiv, "ifloordiv", [a, b], protocol::inplace_op(a, b, BinOp::FloorDiv));
op_fn!(f_imod, "imod", [a, b], protocol::inplace_op(a, b, BinOp::Mod));
op_fn!(f_ipow, "ipow", [a, b], protocol::inplace_op(a, b, BinOp::Pow));
op_fn!(f_ilshift, "ilshift", [a, b], protocol::inplace_op(a, b, BinOp::LShift));
op_fn!(f_irshift, "irshift", [a, b], protocol::inplace_op(a, b, BinOp::RShift));
op_fn!(f_iand, "iand", [a, b], protocol::inplace_op(a, b, BinOp::And));
op_fn!(f_ior, "ior", [a, b], protocol::inplace_op(a, b, BinOp::Or));
op_fn!(f_ixor, "ixor", [a, b], protocol::inplace_op(a, b, BinOp::Xor));
op_fn!(f_concat, "concat", [a, b], { check_sequence(a)?; protocol::binary_op(a, b, BinOp::Add) });
op_fn!(f_iconcat, "iconcat", [a, b], { check_sequence(a)?; protocol::inplace_op(a, b, BinOp::Add) });
op_fn!(f_lt, "lt", [a, b], protocol::richcompare(a, b, CmpOp::Lt));
op_fn!(f_le, "le", [a, b], protocol::richcompare(a, b, CmpOp::Le));
op_fn!(f_eq, "eq", [a, b], protocol::richcompare(a, b, CmpOp::Eq));
op_fn!(f_ne, "ne", [a, b], protocol::richcompare(a, b, CmpOp::Ne));
op_fn!(f_gt, "gt", [a, b], protocol::richcompare(a, b, CmpOp::Gt));
op_fn!(f_ge, "ge", [a, b], protocol::richcompare(a, b, CmpOp::Ge));
op_fn!(f_neg, "neg", [a], protocol::unary_op(a, UnOp::Neg));
op_fn!(f_pos, "pos", [a], protocol::unary_op(a, UnOp::Pos));
op_fn!(f_invert, "invert", [a], protocol::unary_op(a, UnOp::Invert));
op_fn!(f_inv, "inv", [a], protocol::unary_op(a, UnOp::Invert));
op_fn!(f_not, "not_", [a], Ok(pybool::from_bool(!protocol::is_true(a)?)));
op_fn!(f_truth, "truth", [a], Ok(pybool::from_bool(protocol::is_true(a)?)));
op_fn!(f_abs, "abs", [a], protocol::call(&builtin("abs")?, &[a.clone()]));
op_fn!(f_index, "index", [a], protocol::index(a));
op_fn!(f_is, "is_", [a, b], Ok(pybool::from_bool(a.is(b))));
op_fn!(f_is_not, "is_not", [a, b], Ok(pybool::from_bool(!a.is(b))));
op_fn!(f_contains, "contains", [a, b], Ok(pybool::from_bool(protocol::contains(a, b)?)));
op_fn!(f_getitem, "getitem", [a, b], protocol::getitem(a, b));
op_fn!(f_setitem, "setitem", [a, b, c], protocol::setitem(a, b, c).map(|_| none::none()));
op_fn!(f_delitem, "delitem", [a, b], protocol::delitem(a, b).map(|_| none::none()));
op_fn!(f_count_of, "countOf", [a, b], {
    let n = search(a, b, usize::MAX)?.1;
    Ok(int::from_usize(n))
});
op_fn!(f_index_of, "indexOf", [a, b], match search(a, b, 1)? {
    (Some(i), _) => Ok(int::from_usize(i)),
    (None, _) => Err(value_error("sequence.index(x): x not in sequence")),
});

/// Positional-only arguments, exactly `n` of them (CPython's messages).
fn positional(name: &str, args: &[Obj], kw: &KwArgs, n: usize) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!("_operator.{name}() takes no keyword arguments")));
    }
    exact_args(name, args, kw, n)
}

fn builtin(name: &str) -> PyResult<Obj> {
    protocol::getattr_str(&crate::builtins::builtins_module(), name)
}

/// `PySequence_Concat` accepts only sequences as its left operand.
fn check_sequence(a: &Obj) -> PyResult<()> {
    let s = a.ty().slots();
    if s.getitem.is_none() || dict::is_dict(a) {
        return Err(type_error(format!("'{}' object can't be concatenated", a.type_name())));
    }
    Ok(())
}

/// Iterates `seq` for items equal to `x`, stopping after `limit` hits: (first index, hits).
fn search(seq: &Obj, x: &Obj, limit: usize) -> PyResult<(Option<usize>, usize)> {
    let it = protocol::iter(seq).map_err(|e| {
        if e.matches(crate::types::exceptions::exc().type_error) {
            type_error(format!("argument of type '{}' is not iterable", seq.type_name()))
        } else {
            e
        }
    })?;
    let (mut first, mut hits, mut i) = (None, 0, 0);
    while let Some(v) = protocol::next(&it)? {
        if v.is(x) || protocol::eq(&v, x)? {
            first = first.or(Some(i));
            hits += 1;
            if hits >= limit {
                break;
            }
        }
        i += 1;
    }
    Ok((first, hits))
}

fn f_call(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let Some((f, rest)) = args.split_first() else {
        return Err(type_error("call() missing required argument 'obj' (pos 1)"));
    };
    protocol::call_kw(f, rest, kw)
}

/// `operator.length_hint(obj, default=0)` (PEP 424).
fn f_length_hint(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("_operator.length_hint() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 2 {
        return Err(type_error(format!("length_hint expected at most 2 arguments, got {}", args.len())));
    }
    let default = args.get(1).cloned().unwrap_or_else(|| Obj::from_small(0));
    if !int::is_int(&default) || pybool::is_bool(&default) {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", default.type_name())));
    }
    let o = &args[0];
    if o.ty().slots().len.is_some() {
        match protocol::len(o) {
            Ok(n) => return Ok(int::from_usize(n)),
            Err(e) if e.matches(crate::types::exceptions::exc().type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let hint = match protocol::call_special(o, "__length_hint__", &[]) {
        Ok(Some(h)) => h,
        Ok(None) => return Ok(default),
        Err(e) if e.matches(crate::types::exceptions::exc().type_error) => return Ok(default),
        Err(e) => return Err(e),
    };
    if hint.is(&none::not_implemented()) {
        return Ok(default);
    }
    if !int::is_int(&hint) {
        return Err(type_error(format!("__length_hint__ must be an integer, not {}", hint.type_name())));
    }
    if int::to_i64(&hint).map_or(true, |n| n < 0) {
        return Err(value_error("__length_hint__() should return >= 0"));
    }
    Ok(hint)
}

/// `hmac.compare_digest`: equality of two ASCII strs or two bytes-like objects.
fn f_compare_digest(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    positional("_compare_digest", args, kw, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if let (Some(x), Some(y)) = (pystr::as_str(a), pystr::as_str(b)) {
        if !x.is_ascii() || !y.is_ascii() {
            return Err(type_error("comparing strings with non-ASCII characters is not supported"));
        }
        return Ok(pybool::from_bool(x == y));
    }
    match (bytes::buffer_data(a), bytes::buffer_data(b)) {
        (Some(x), Some(y)) if pystr::as_str(a).is_none() && pystr::as_str(b).is_none() => Ok(pybool::from_bool(x == y)),
        _ => Err(type_error(format!(
            "unsupported operand types(s) or combination of types: '{}' and '{}'",
            a.type_name(),
            b.type_name()
        ))),
    }
}

// ===================== shared by the three callable types =====================

/// `operator.NAME(parts...)`, or `operator.NAME(...)` when the repr recurses.
fn callable_repr(o: &Obj, parts: impl FnOnce() -> PyResult<Vec<String>>) -> PyResult<Obj> {
    let name = o.ty().qualname.borrow().clone();
    let Some(_g) = ReprGuard::enter(o) else { return Ok(pystr::from_string(format!("operator.{name}(...)"))) };
    Ok(pystr::from_string(format!("operator.{name}({})", parts()?.join(", "))))
}

fn reprs(items: &[Obj]) -> PyResult<Vec<String>> {
    items.iter().map(protocol::repr_string).collect()
}

// ===================== itemgetter =====================

#[repr(C)]
struct ItemGetter {
    head: ObjHeader,
    /// A tuple of the keys.
    items: Obj,
}

static ITEMGETTER: LazyType = LazyType::new();
static ATTRGETTER: LazyType = LazyType::new();
static METHODCALLER: LazyType = LazyType::new();

fn keys(o: &Obj) -> &[Obj] {
    tuple::as_slice(&unsafe { o.payload::<ItemGetter>() }.items).unwrap_or(&[])
}

fn itemgetter_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("itemgetter() takes no keyword arguments"));
    }
    if args.is_empty() {
        return Err(type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(alloc(as_type(cls), ItemGetter { head: header(), items: tuple::from_slice(args) }))
}

fn itemgetter_call(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    exact_args("itemgetter", args, kw, 1)?;
    let items = keys(o).to_vec();
    if let [k] = items.as_slice() {
        return protocol::getitem(&args[0], k);
    }
    let vals = items.iter().map(|k| protocol::getitem(&args[0], k)).collect::<PyResult<Vec<_>>>()?;
    Ok(tuple::new(vals))
}

fn itemgetter_repr(o: &Obj) -> PyResult<Obj> {
    callable_repr(o, || reprs(&keys(o).to_vec()))
}

/// `__reduce__` of itemgetter and attrgetter: `(type, stored arguments)`.
fn reduce_stored(a: &[Obj]) -> PyResult<Obj> {
    let o = &a[0];
    Ok(tuple::new(vec![o.type_obj(), unsafe { o.payload::<ItemGetter>() }.items.clone()]))
}

fn items_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&unsafe { o.payload::<ItemGetter>() }.items);
}

fn getter_spec(name: &'static str, new: CallFn, call: CallFn, repr: fn(&Obj) -> PyResult<Obj>) -> TypeSpec {
    let mut s = TypeSpec::new(name, std::mem::size_of::<ItemGetter>(), drop_as::<ItemGetter>);
    s.slots.new = Some(new);
    s.slots.call = Some(call);
    s.slots.repr = Some(repr);
    s.slots.traverse = Some(items_traverse);
    s.methods = vec![MethodDef::Method { name: "__reduce__", func: reduce_stored, min: 1, max: 1 }];
    s
}

// ===================== attrgetter =====================
// Same layout as itemgetter: `items` holds the attribute names as given (dotted strs).

fn attrgetter_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if !kw.is_empty() {
        return Err(type_error("attrgetter() takes no keyword arguments"));
    }
    if args.is_empty() {
        return Err(type_error("attrgetter expected 1 argument, got 0"));
    }
    if args.iter().any(|a| pystr::as_str(a).is_none()) {
        return Err(type_error("attribute name must be a string"));
    }
    Ok(alloc(as_type(cls), ItemGetter { head: header(), items: tuple::from_slice(args) }))
}

/// Follows a dotted attribute path from `o`.
fn dotted_getattr(o: &Obj, path: &Obj) -> PyResult<Obj> {
    let p = pystr::as_str(path).unwrap_or("");
    if !p.contains('.') {
        return protocol::getattr(o, &pystr::intern_obj(path));
    }
    p.split('.').try_fold(o.clone(), |cur, part| protocol::getattr(&cur, &pystr::intern(part)))
}

fn attrgetter_call(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    exact_args("attrgetter", args, kw, 1)?;
    let names = keys(o).to_vec();
    if let [n] = names.as_slice() {
        return dotted_getattr(&args[0], n);
    }
    let vals = names.iter().map(|n| dotted_getattr(&args[0], n)).collect::<PyResult<Vec<_>>>()?;
    Ok(tuple::new(vals))
}

fn attrgetter_repr(o: &Obj) -> PyResult<Obj> {
    callable_repr(o, || reprs(&keys(o).to_vec()))
}

// ===================== methodcaller =====================

#[repr(C)]
struct MethodCaller {
    head: ObjHeader,
    name: Obj,
    /// A tuple.
    args: Obj,
    /// A dict.
    kwargs: Obj,
}

fn mc(o: &Obj) -> &MethodCaller {
    unsafe { o.payload::<MethodCaller>() }
}

fn methodcaller_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let Some((name, rest)) = args.split_first() else {
        return Err(type_error("methodcaller needs at least one argument, the method name"));
    };
    if pystr::as_str(name).is_none() {
        return Err(type_error("method name must be a string"));
    }
    let kwargs = dict::new();
    for (k, v) in kw.iter() {
        dict::set_item(&kwargs, k.clone(), v.clone())?;
    }
    let m = MethodCaller { head: header(), name: pystr::intern_obj(name), args: tuple::from_slice(rest), kwargs };
    Ok(alloc(as_type(cls), m))
}

fn methodcaller_call(o: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    exact_args("methodcaller", args, kw, 1)?;
    let m = mc(o);
    let (name, margs, mkw) = (m.name.clone(), m.args.clone(), m.kwargs.clone());
    let method = protocol::getattr(&args[0], &name)?;
    let (names, values): (Vec<Obj>, Vec<Obj>) = dict::items(&mkw).into_iter().unzip();
    protocol::call_kw(&method, tuple::as_slice(&margs).unwrap_or(&[]), &KwArgs { names: &names, values: &values })
}

fn methodcaller_repr(o: &Obj) -> PyResult<Obj> {
    let m = mc(o);
    let (name, margs, mkw) = (m.name.clone(), m.args.clone(), m.kwargs.clone());
    callable_repr(o, || {
        let mut parts = vec![protocol::repr_string(&name)?];
        parts.extend(reprs(tuple::as_slice(&margs).unwrap_or(&[]))?);
        for (k, v) in dict::items(&mkw) {
            parts.push(format!("{}={}", protocol::str_string(&k)?, protocol::repr_string(&v)?));
        }
        Ok(parts)
    })
}

/// `(type, (name, *args))`, or with keyword arguments
/// `(functools.partial(type, name, **kwargs), args)`.
fn methodcaller_reduce(a: &[Obj]) -> PyResult<Obj> {
    let m = mc(&a[0]);
    let (name, margs, mkw) = (m.name.clone(), m.args.clone(), m.kwargs.clone());
    let ty = a[0].type_obj();
    if dict::len(&mkw) == 0 {
        let mut all = vec![name];
        all.extend_from_slice(tuple::as_slice(&margs).unwrap_or(&[]));
        return Ok(tuple::new(vec![ty, tuple::new(all)]));
    }
    let functools = super::functools::create()?;
    let partial = protocol::getattr_str(&functools, "partial")?;
    let (names, values): (Vec<Obj>, Vec<Obj>) = dict::items(&mkw).into_iter().unzip();
    let p = protocol::call_kw(&partial, &[ty, name], &KwArgs { names: &names, values: &values })?;
    Ok(tuple::new(vec![p, margs]))
}

fn methodcaller_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    let m = mc(o);
    visit(&m.name);
    visit(&m.args);
    visit(&m.kwargs);
}

fn methodcaller_spec() -> TypeSpec {
    let mut s = TypeSpec::new("methodcaller", std::mem::size_of::<MethodCaller>(), drop_as::<MethodCaller>);
    s.slots.new = Some(methodcaller_new);
    s.slots.call = Some(methodcaller_call);
    s.slots.repr = Some(methodcaller_repr);
    s.slots.traverse = Some(methodcaller_traverse);
    s.methods = vec![MethodDef::Method { name: "__reduce__", func: methodcaller_reduce, min: 1, max: 1 }];
    s
}

fn types_() -> [(&'static str, &'static TypeObject); 3] {
    [
        ("itemgetter", ITEMGETTER.get(|| module_type("operator", getter_spec("itemgetter", itemgetter_new, itemgetter_call, itemgetter_repr)))),
        ("attrgetter", ATTRGETTER.get(|| module_type("operator", getter_spec("attrgetter", attrgetter_new, attrgetter_call, attrgetter_repr)))),
        ("methodcaller", METHODCALLER.get(|| module_type("operator", methodcaller_spec()))),
    ]
}

/// Creates the `_operator` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_operator");
    let d = module::dict(&m);
    dict::set_item_str(&d, "__doc__", pystr::new("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience."));
    let fns: &[(&'static str, CallFn)] = &[
        ("abs", f_abs), ("add", f_add), ("and_", f_and), ("call", f_call), ("concat", f_concat),
        ("contains", f_contains), ("countOf", f_count_of), ("delitem", f_delitem), ("eq", f_eq),
        ("floordiv", f_floordiv), ("ge", f_ge), ("getitem", f_getitem), ("gt", f_gt), ("iadd", f_iadd),
        ("iand", f_iand), ("iconcat", f_iconcat), ("ifloordiv", f_ifloordiv), ("ilshift", f_ilshift),
        ("imatmul", f_imatmul), ("imod", f_imod), ("imul", f_imul), ("index", f_index), ("indexOf", f_index_of),
        ("inv", f_inv), ("invert", f_invert), ("ior", f_ior), ("ipow", f_ipow), ("irshift", f_irshift),
        ("is_", f_is), ("is_not", f_is_not), ("isub", f_isub), ("itruediv", f_itruediv), ("ixor", f_ixor),
        ("le", f_le), ("length_hint", f_length_hint), ("lshift", f_lshift), ("lt", f_lt), ("matmul", f_matmul),
        ("mod", f_mod), ("mul", f_mul), ("ne", f_ne), ("neg", f_neg), ("not_", f_not), ("or_", f_or),
        ("pos", f_pos), ("pow", f_pow), ("rshift", f_rshift), ("setitem", f_setitem), ("sub", f_sub),
        ("truediv", f_truediv), ("truth", f_truth), ("xor", f_xor), ("_compare_digest", f_compare_digest),
    ];
    for (name, f) in fns {
        dict::set_item_str(&d, name, new_builtin_in("_operator", name, *f));
    }
    for (name, t) in types_() {
        dict::set_item_str(&d, name, t.as_obj());
    }
    Ok(m)
}
