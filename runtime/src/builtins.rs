//! The `builtins` module: every built-in function with CPython's argument handling and
//! error messages, the built-in types and exception classes, the constants, `__build_class__`,
//! and the import machinery (`__import__`, built-in modules `sys`/`math`, and the modules
//! compiled into the program, run on first import and cached in `sys.modules`).

use std::cell::RefCell;

use num_traits::Signed;
use pyc_frontend::bytecode::{BinOp, CmpOp};

use crate::errors::{self, type_error, value_error};
use crate::frame::Frame;
use crate::object::{Obj, PyErr, PyResult};
use crate::protocol;
use crate::types::exceptions::{self as excs, exc};
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{as_type, downcast_type, is_type, CallFn, KwArgs};
use crate::types::{self, bool as pybool, code, dict, float, int, list, module, none, str as pystr, tuple, types};

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
static BUILTINS: crate::gil::GilCell<RefCell<Option<Obj>>> = crate::gil::GilCell::new(RefCell::new(None));
/// Modules compiled into the program: name → (code object, is_package).
static PROGRAM_MODULES: crate::gil::GilCell<RefCell<Vec<(String, Obj, bool)>>> = crate::gil::GilCell::new(RefCell::new(Vec::new()));

/// The `builtins` module.
pub fn builtins_module() -> Obj {
    BUILTINS.with(|b| b.borrow().clone()).expect("builtins not initialized")
}

/// The `builtins` module's dict.
pub fn builtins_dict() -> Obj {
    module::dict(&builtins_module())
}

/// The builtins a frame with `globals` uses: `globals['__builtins__']` (module or dict),
/// else the `builtins` module's dict.
pub fn builtins_dict_for(globals: &Obj) -> Obj {
    if let Some(b) = dict::get_item_str(globals, &pystr::intern("__builtins__")) {
        if module::is_module(&b) {
            return module::dict(&b);
        }
        if dict::is_dict(&b) {
            return b;
        }
    }
    builtins_dict()
}

/// Registers a module compiled into the program (importable by name).
pub fn register_program_module(name: &str, code: Obj, is_package: bool) {
    PROGRAM_MODULES.with(|p| p.borrow_mut().push((name.to_string(), code, is_package)));
}

// ----- argument helpers -----

fn no_kw(name: &str, kw: &KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{}() takes no keyword arguments", name)))
    }
}

fn exactly_one<'a>(name: &str, a: &'a [Obj], kw: &KwArgs) -> PyResult<&'a Obj> {
    no_kw(name, kw)?;
    if a.len() != 1 {
        return Err(type_error(format!("{}() takes exactly one argument ({} given)", name, a.len())));
    }
    Ok(&a[0])
}

fn nargs_range(name: &str, a: &[Obj], min: usize, max: usize) -> PyResult<()> {
    if a.len() < min {
        return Err(type_error(format!(
            "{} expected at least {} argument{}, got {}",
            name,
            min,
            if min == 1 { "" } else { "s" },
            a.len()
        )));
    }
    if a.len() > max {
        return Err(type_error(format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            if max == 1 { "" } else { "s" },
            a.len()
        )));
    }
    Ok(())
}

fn kw_only(name: &str, kw: &KwArgs, allowed: &[&str]) -> PyResult<()> {
    for k in kw.names {
        let s = pystr::as_str(k).unwrap_or("");
        if !allowed.contains(&s) {
            return Err(type_error(format!("{}() got an unexpected keyword argument '{}'", name, s)));
        }
    }
    Ok(())
}

fn s(o: &Obj) -> &str {
    pystr::as_str(o).unwrap_or("")
}

// ----- output -----

fn write_to(file: Option<&Obj>, text: &str) -> PyResult<()> {
    match file {
        None => crate::modules::sys::try_write_stdout(text),
        Some(f) if crate::modules::sys::is_default_stream(f, 1) => crate::modules::sys::try_write_stdout(text),
        Some(f) => protocol::call_method(f, "write", &[pystr::new(text)]).map(|_| ()),
    }
}

fn b_print(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    kw_only("print", kw, &["sep", "end", "file", "flush"])?;
    let get_str = |k: &str, default: &str| -> PyResult<String> {
        match kw.get(k) {
            None => Ok(default.to_string()),
            Some(v) if none::is_none(v) => Ok(default.to_string()),
            Some(v) => match pystr::as_str(v) {
                Some(x) => Ok(x.to_string()),
                None => Err(type_error(format!("{} must be None or a string, not {}", k, v.type_name()))),
            },
        }
    };
    let sep = get_str("sep", " ")?;
    let end = get_str("end", "\n")?;
    let file = match kw.get("file") {
        Some(f) if !none::is_none(f) => Some(f.clone()),
        _ => match crate::modules::sys::get_attr("stdout") {
            Some(f) if !none::is_none(&f) => Some(f),
            _ => return Ok(none::none()),
        },
    };
    let file = file.as_ref();
    let fast = file.map_or(true, |f| crate::modules::sys::is_default_stream(f, 1));
    if fast {
        let mut out = String::new();
        for (i, x) in a.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            if let Some(t) = pystr::as_str(x).filter(|_| x.is_exact(types().str)) {
                out.push_str(t);
            } else {
                out.push_str(&protocol::str_string(x)?);
            }
        }
        out.push_str(&end);
        crate::modules::sys::try_write_stdout(&out)?;
    } else {
        for (i, x) in a.iter().enumerate() {
            if i > 0 {
                write_to(file, &sep)?;
            }
            let t = protocol::str_string(x)?;
            write_to(file, &t)?;
        }
        write_to(file, &end)?;
    }
    if let Some(fl) = kw.get("flush") {
        if protocol::is_true(fl)? {
            match file {
                Some(f) if !crate::modules::sys::is_default_stream(f, 1) => {
                    protocol::call_method(f, "flush", &[])?;
                }
                _ => crate::modules::sys::flush_stdout(),
            }
        }
    }
    Ok(none::none())
}

fn b_input(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("input", kw)?;
    nargs_range("input", a, 0, 1)?;
    if let Some(p) = a.first() {
        let t = protocol::str_string(p)?;
        crate::modules::sys::write_stdout(&t);
    }
    crate::modules::sys::flush_stdout();
    let stdin = crate::modules::sys::get_attr("stdin");
    let line = match stdin {
        Some(si) if !crate::modules::sys::is_default_stream(&si, 0) => {
            let l = protocol::call_method(&si, "readline", &[])?;
            s(&l).to_string()
        }
        _ => crate::modules::sys::read_stdin_line()?,
    };
    if line.is_empty() {
        return Err(errors::new_error(exc().eof_error, "EOF when reading a line"));
    }
    let l = line.strip_suffix('\n').unwrap_or(&line);
    let l = l.strip_suffix('\r').unwrap_or(l);
    Ok(pystr::new(l))
}

// ----- simple functions -----

fn b_len(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let o = exactly_one("len", a, kw)?;
    Ok(int::from_i64(protocol::len(o)? as i64))
}

fn b_repr(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    protocol::repr(exactly_one("repr", a, kw)?)
}

fn b_ascii(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let r = protocol::repr_string(exactly_one("ascii", a, kw)?)?;
    Ok(pystr::from_string(pystr::ascii_escape(&r)))
}

fn b_abs(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let o = exactly_one("abs", a, kw)?;
    match o.ty().slots().abs {
        Some(f) => f(o),
        None => Err(type_error(format!("bad operand type for abs(): '{}'", o.type_name()))),
    }
}

fn b_hash(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    Ok(int::from_i64(protocol::hash(exactly_one("hash", a, kw)?)?))
}

fn b_id(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let o = exactly_one("id", a, kw)?;
    Ok(int::from_u64(o.raw()))
}

fn b_callable(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let o = exactly_one("callable", a, kw)?;
    Ok(pybool::from_bool(o.ty().slots().call.is_some()))
}

fn b_ord(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let o = exactly_one("ord", a, kw)?;
    if let Some(t) = pystr::as_str(o) {
        let mut it = t.chars();
        match (it.next(), it.next()) {
            (Some(c), None) => return Ok(int::from_i64(pystr::code_point(c) as i64)),
            _ => {
                return Err(type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    t.chars().count()
                )))
            }
        }
    }
    // bytes and bytearray (and their subclasses), not other buffers
    let bytes = if types::bytes::is_bytearray(o) { types::bytes::as_bytes_any(o) } else { types::bytes::as_bytes(o) };
    if let Some(b) = bytes {
        if b.len() == 1 {
            return Ok(int::from_i64(b[0] as i64));
        }
        return Err(type_error(format!("ord() expected a character, but string of length {} found", b.len())));
    }
    Err(type_error(format!("ord() expected string of length 1, but {} found", o.type_name())))
}

fn b_chr(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let o = exactly_one("chr", a, kw)?;
    if o.isinstance(types().float) {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    let i = protocol::index(o)?;
    let v = int::to_i64(&i);
    match v.and_then(|v| u32::try_from(v).ok()).and_then(pystr::char_of) {
        Some(c) => Ok(pystr::from_char(c)),
        None => match v {
            Some(_) => Err(value_error("chr() arg not in range(0x110000)")),
            None => Err(errors::overflow_error("Python int too large to convert to C int")),
        },
    }
}

fn radix(name: &str, a: &[Obj], kw: &KwArgs, base: u32, prefix: &str) -> PyResult<Obj> {
    let o = exactly_one(name, a, kw)?;
    let i = protocol::index(o)?;
    let b = int::to_bigint(&i).unwrap_or_default();
    let digits = b.abs().to_str_radix(base);
    let sign = if b.is_negative() { "-" } else { "" };
    Ok(pystr::from_string(format!("{}{}{}", sign, prefix, digits)))
}

fn b_hex(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    radix("hex", a, kw, 16, "0x")
}
fn b_oct(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    radix("oct", a, kw, 8, "0o")
}
fn b_bin(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    radix("bin", a, kw, 2, "0b")
}

fn b_format(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("format", kw)?;
    nargs_range("format", a, 1, 2)?;
    let spec = match a.get(1) {
        Some(sp) => match pystr::as_str(sp) {
            Some(t) => t.to_string(),
            None => {
                return Err(type_error(format!("format() argument 2 must be str, not {}", sp.type_name())));
            }
        },
        None => String::new(),
    };
    protocol::format(&a[0], &spec)
}

fn b_divmod(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("divmod", kw)?;
    if a.len() != 2 {
        return Err(type_error(format!("divmod expected 2 arguments, got {}", a.len())));
    }
    let (x, y) = (&a[0], &a[1]);
    let is_i = |o: &Obj| o.is_small_int() || o.is_exact(types().int) || o.is_exact(types().bool_);
    let is_f = |o: &Obj| o.is_exact(types().float);
    if is_i(x) && is_i(y) {
        return int::divmod_pair(x, y);
    }
    if (is_f(x) || is_i(x)) && (is_f(y) || is_i(y)) {
        return float::divmod_pair(x, y);
    }
    if let Some(r) = protocol::call_special(x, "__divmod__", &[y.clone()])? {
        if !none::is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(r) = protocol::call_special(y, "__rdivmod__", &[x.clone()])? {
        if !none::is_not_implemented(&r) {
            return Ok(r);
        }
    }
    Err(type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        x.type_name(),
        y.type_name()
    )))
}

fn b_pow(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    kw_only("pow", kw, &["base", "exp", "mod"])?;
    let mut args: Vec<Obj> = a.to_vec();
    for (k, v) in kw.iter() {
        let idx = match s(k) {
            "base" => 0,
            "exp" => 1,
            _ => 2,
        };
        while args.len() <= idx {
            args.push(none::none());
        }
        args[idx] = v.clone();
    }
    if args.len() < 2 {
        return Err(type_error(format!("pow() missing required argument 'exp' (pos 2)")));
    }
    if args.len() > 3 {
        return Err(type_error(format!("pow() takes at most 3 arguments ({} given)", args.len())));
    }
    match args.get(2) {
        Some(m) if !none::is_none(m) => {
            if int::is_int(&args[0]) && int::is_int(&args[1]) && int::is_int(m) {
                return int::pow_mod(&args[0], &args[1], m);
            }
            if types::complex::is_complex(&args[0]) || types::complex::is_complex(&args[1]) {
                return Err(value_error("complex modulo"));
            }
            if let Some(r) = protocol::call_special(&args[0], "__pow__", &[args[1].clone(), m.clone()])? {
                if !none::is_not_implemented(&r) {
                    return Ok(r);
                }
            }
            Err(type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                args[0].type_name(),
                args[1].type_name(),
                m.type_name()
            )))
        }
        _ => protocol::binary_op(&args[0], &args[1], BinOp::Pow),
    }
}

fn b_round(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    kw_only("round", kw, &["number", "ndigits"])?;
    let number = a.first().or_else(|| kw.get("number")).ok_or_else(|| type_error("round() missing required argument 'number' (pos 1)"))?;
    if a.len() > 2 {
        return Err(type_error(format!("round() takes at most 2 arguments ({} given)", a.len())));
    }
    let nd = a.get(1).or_else(|| kw.get("ndigits")).filter(|n| !none::is_none(n));
    let Some(m) = number.ty().lookup_str("__round__") else {
        return Err(type_error(format!("type {} doesn't define __round__ method", number.type_name())));
    };
    let bound = types::descriptors::bind(&m, Some(number), &number.type_obj())?;
    match nd {
        Some(n) => protocol::call(&bound, &[n.clone()]),
        None => protocol::call(&bound, &[]),
    }
}

fn minmax(name: &str, a: &[Obj], kw: &KwArgs, op: CmpOp) -> PyResult<Obj> {
    kw_only(name, kw, &["key", "default"])?;
    let key = kw.get("key").filter(|k| !none::is_none(k));
    let default = kw.get("default");
    if a.is_empty() {
        return Err(type_error(format!("{} expected at least 1 argument, got 0", name)));
    }
    let items: Vec<Obj> = if a.len() == 1 {
        protocol::collect(&a[0])?
    } else {
        if default.is_some() {
            return Err(type_error(format!(
                "Cannot specify a default for {}() with multiple positional arguments",
                name
            )));
        }
        a.to_vec()
    };
    let mut best: Option<(Obj, Obj)> = None;
    for x in items {
        let k = match key {
            Some(kf) => protocol::call(kf, &[x.clone()])?,
            None => x.clone(),
        };
        match &best {
            None => best = Some((k, x)),
            Some((bk, _)) => {
                if protocol::is_true(&protocol::richcompare(&k, bk, op)?)? {
                    best = Some((k, x));
                }
            }
        }
    }
    match best {
        Some((_, x)) => Ok(x),
        None => match default {
            Some(d) => Ok(d.clone()),
            None => Err(value_error(format!("{}() arg is an empty sequence", name))),
        },
    }
}

fn b_min(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    minmax("min", a, kw, CmpOp::Lt)
}
fn b_max(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    minmax("max", a, kw, CmpOp::Gt)
}

fn b_sum(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    kw_only("sum", kw, &["start"])?;
    if a.is_empty() {
        return Err(type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if a.len() > 2 {
        return Err(type_error(format!("sum() takes at most 2 arguments ({} given)", a.len())));
    }
    let start = a.get(1).or_else(|| kw.get("start")).cloned();
    let mut acc = start.unwrap_or_else(|| int::from_i64(0));
    if acc.isinstance(types().str) {
        return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if acc.isinstance(types().bytes) {
        return Err(type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if acc.isinstance(types().bytearray) {
        return Err(type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = protocol::iter(&a[0])?;
    // `sum(gen)`: the generator's resumption without the slot call
    let gen = it.is_exact(types().generator);
    // Fast paths for small ints and floats.
    let mut fsum: Option<f64> = None;
    while let Some(x) = if gen { types::generator::gen_next(&it)? } else { protocol::next(&it)? } {
        if let Some(fs) = fsum {
            if let Some(v) = float::as_f64(&x).filter(|_| x.is_exact(types().float)) {
                fsum = Some(fs + v);
                continue;
            }
            if let Some(v) = x.small_int() {
                fsum = Some(fs + v as f64);
                continue;
            }
            acc = float::new(fs);
            fsum = None;
        } else if acc.is_exact(types().float) {
            if let Some(v) = float::as_f64(&x).filter(|_| x.is_exact(types().float)) {
                fsum = Some(float::as_f64(&acc).unwrap() + v);
                continue;
            }
        }
        if let (Some(p), Some(q)) = (acc.small_int(), x.small_int()) {
            acc = int::from_i64(p + q);
            continue;
        }
        acc = protocol::binary_op(&acc, &x, BinOp::Add)?;
    }
    if let Some(fs) = fsum {
        acc = float::new(fs);
    }
    Ok(acc)
}

fn b_sorted(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if a.len() != 1 {
        return Err(type_error(format!("sorted expected 1 argument, got {}", a.len())));
    }
    // CPython builds the list first, then passes the keywords on to list.sort.
    let l = list::new(protocol::collect(&a[0])?);
    list::m_sort(&l, &[], kw)?;
    Ok(l)
}

fn b_any(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let o = exactly_one("any", a, kw)?;
    let it = protocol::iter(o)?;
    while let Some(x) = protocol::next(&it)? {
        if protocol::is_true(&x)? {
            return Ok(pybool::from_bool(true));
        }
    }
    Ok(pybool::from_bool(false))
}

fn b_all(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let o = exactly_one("all", a, kw)?;
    let it = protocol::iter(o)?;
    while let Some(x) = protocol::next(&it)? {
        if !protocol::is_true(&x)? {
            return Ok(pybool::from_bool(false));
        }
    }
    Ok(pybool::from_bool(true))
}

fn b_iter(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("iter", kw)?;
    nargs_range("iter", a, 1, 2)?;
    if a.len() == 1 {
        return protocol::iter(&a[0]);
    }
    if a[0].ty().slots().call.is_none() {
        return Err(type_error("iter(v, w): v must be callable"));
    }
    Ok(types::iterators::new_callable_iter(a[0].clone(), a[1].clone()))
}

fn b_next(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("next", kw)?;
    nargs_range("next", a, 1, 2)?;
    let it = &a[0];
    if it.ty().slots().next.is_none() {
        return Err(type_error(format!("'{}' object is not an iterator", it.type_name())));
    }
    let r = if types::generator::is_generator(it) {
        match types::generator::next_value(it) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(exc().stop_iteration) && a.len() == 2 => Ok(None),
            Err(e) => return Err(e),
        }
    } else {
        protocol::next_keep_stop(it)
    };
    match r {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(errors::stop_iteration(None)),
        },
        Err(e) if e.matches(exc().stop_iteration) && a.len() == 2 => Ok(a[1].clone()),
        Err(e) => Err(e),
    }
}

// ----- isinstance / issubclass -----

fn recursive_isinstance(o: &Obj, cls: &Obj, depth: u32) -> PyResult<bool> {
    if depth > 1000 {
        return Err(errors::recursion_error("maximum recursion depth exceeded in __instancecheck__"));
    }
    if let Some(t) = downcast_type(cls) {
        if o.ty().is_subtype(t) {
            return Ok(true);
        }
        if cls.is_exact(types().type_) {
            // Fast path: no custom metaclass.
            return Ok(false);
        }
    }
    if let Some(items) = tuple::as_slice(cls) {
        for c in items {
            if recursive_isinstance(o, c, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(r) = protocol::call_special(cls, "__instancecheck__", &[o.clone()])? {
        return protocol::is_true(&r);
    }
    if is_type(cls) {
        return Ok(false);
    }
    Err(type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
}

/// `isinstance(o, cls)` with tuples and `__instancecheck__`.
pub fn isinstance(o: &Obj, cls: &Obj) -> PyResult<bool> {
    recursive_isinstance(o, cls, 0)
}

fn recursive_issubclass(c: &Obj, cls: &Obj, depth: u32) -> PyResult<bool> {
    if depth > 1000 {
        return Err(errors::recursion_error("maximum recursion depth exceeded in __subclasscheck__"));
    }
    if let Some(items) = tuple::as_slice(cls) {
        for x in items {
            if recursive_issubclass(c, x, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !cls.is_exact(types().type_) {
        if let Some(r) = protocol::call_special(cls, "__subclasscheck__", &[c.clone()])? {
            return protocol::is_true(&r);
        }
    }
    let Some(ct) = downcast_type(c) else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    let Some(t) = downcast_type(cls) else {
        return Err(type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
    };
    Ok(ct.is_subtype(t))
}

pub fn issubclass(c: &Obj, cls: &Obj) -> PyResult<bool> {
    recursive_issubclass(c, cls, 0)
}

fn b_isinstance(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("isinstance", kw)?;
    if a.len() != 2 {
        return Err(type_error(format!("isinstance expected 2 arguments, got {}", a.len())));
    }
    Ok(pybool::from_bool(isinstance(&a[0], &a[1])?))
}

fn b_issubclass(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("issubclass", kw)?;
    if a.len() != 2 {
        return Err(type_error(format!("issubclass expected 2 arguments, got {}", a.len())));
    }
    Ok(pybool::from_bool(issubclass(&a[0], &a[1])?))
}

// ----- attributes -----

fn attr_name<'a>(_name: &str, o: &'a Obj) -> PyResult<&'a Obj> {
    if !o.isinstance(types().str) {
        return Err(type_error(format!("attribute name must be string, not '{}'", o.type_name())));
    }
    Ok(o)
}

fn b_getattr(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("getattr", kw)?;
    nargs_range("getattr", a, 2, 3)?;
    let n = attr_name("getattr", &a[1])?;
    if a.len() == 3 {
        return Ok(protocol::getattr_opt(&a[0], n)?.unwrap_or_else(|| a[2].clone()));
    }
    protocol::getattr(&a[0], n)
}

fn b_setattr(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("setattr", kw)?;
    if a.len() != 3 {
        return Err(type_error(format!("setattr expected 3 arguments, got {}", a.len())));
    }
    let n = attr_name("setattr", &a[1])?;
    protocol::setattr(&a[0], n, &a[2])?;
    Ok(none::none())
}

fn b_hasattr(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("hasattr", kw)?;
    if a.len() != 2 {
        return Err(type_error(format!("hasattr expected 2 arguments, got {}", a.len())));
    }
    let n = attr_name("hasattr", &a[1])?;
    Ok(pybool::from_bool(protocol::getattr_opt(&a[0], n)?.is_some()))
}

fn b_delattr(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("delattr", kw)?;
    if a.len() != 2 {
        return Err(type_error(format!("delattr expected 2 arguments, got {}", a.len())));
    }
    let n = attr_name("delattr", &a[1])?;
    protocol::delattr(&a[0], n)?;
    Ok(none::none())
}

fn current_frame() -> Option<&'static Frame> {
    let f = crate::frame::current();
    if f.is_null() {
        None
    } else {
        Some(unsafe { &*f })
    }
}

/// `locals()` of the running frame: the locals mapping, or a snapshot of fast locals.
pub fn frame_locals(f: &Frame) -> PyResult<Obj> {
    if let Some(l) = &f.locals {
        return Ok(l.clone());
    }
    let d = dict::new();
    let c = f.code_obj();
    let nv = c.nvarnames();
    for (i, v) in f.localsplus.iter().enumerate() {
        let val = if i < nv {
            v.clone()
        } else {
            v.as_ref().and_then(types::function::cell_get)
        };
        if let Some(val) = val {
            dict::set_item(&d, c.localsplus_names[i].clone(), val)?;
        }
    }
    Ok(d)
}

fn b_globals(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("globals", kw)?;
    if !a.is_empty() {
        return Err(type_error(format!("globals() takes no arguments ({} given)", a.len())));
    }
    Ok(current_frame().map(|f| f.globals.clone()).unwrap_or_else(dict::new))
}

fn b_locals(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("locals", kw)?;
    if !a.is_empty() {
        return Err(type_error(format!("locals() takes no arguments ({} given)", a.len())));
    }
    match current_frame() {
        Some(f) => frame_locals(f),
        None => Ok(dict::new()),
    }
}

fn b_vars(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("vars", kw)?;
    nargs_range("vars", a, 0, 1)?;
    if a.is_empty() {
        return b_locals(_f, a, kw);
    }
    match protocol::getattr_opt(&a[0], &pystr::intern("__dict__"))? {
        Some(d) => Ok(d),
        None => Err(type_error("vars() argument must have __dict__ attribute")),
    }
}

fn b_dir(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("dir", kw)?;
    nargs_range("dir", a, 0, 1)?;
    let names = if a.is_empty() {
        let l = match current_frame() {
            Some(f) => frame_locals(f)?,
            None => dict::new(),
        };
        list::new(dict::keys(&l))
    } else {
        let Some(r) = protocol::call_special(&a[0], "__dir__", &[])? else {
            return Err(type_error("object does not provide __dir__"));
        };
        list::new(protocol::collect(&r)?)
    };
    list::sort(&names, None, false)?;
    Ok(names)
}

// ----- exec / eval / compile -----

fn source_of(o: &Obj, fname: &str) -> PyResult<String> {
    if let Some(t) = pystr::as_str(o) {
        return Ok(t.to_string());
    }
    if let Some(b) = types::bytes::as_bytes(o) {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    Err(type_error(format!("{}() arg 1 must be a string, bytes or code object", fname)))
}

/// Line `line` of the file `filename`, if there is one: CPython reads the `text` of a
/// compiler-stage SyntaxError back from the file the code claims to come from.
#[cfg(feature = "compiler")]
fn file_line(filename: &str, line: u32) -> Option<String> {
    let text = std::fs::read(filename).ok()?;
    let l = String::from_utf8_lossy(&text).lines().nth(line.checked_sub(1)? as usize)?.to_string();
    Some(format!("{l}\n"))
}

#[cfg(feature = "compiler")]
fn compile_error(e: pyc_frontend::CompileError, filename: &str, source: &str) -> PyErr {
    let ty = match e.kind.as_str() {
        "RecursionError" => return crate::errors::recursion_error(&e.msg),
        "IndentationError" => exc().indentation_error,
        "TabError" => exc().tab_error,
        _ => exc().syntax_error,
    };
    let (end_line, end_col) = e.end_position();
    let text = match e.origin {
        pyc_frontend::ErrorOrigin::Compiler => file_line(filename, e.line),
        _ => e.text(source),
    };
    let details = tuple::new(vec![
        pystr::new(filename),
        int::from_i64(e.line as i64),
        int::from_i64(e.col as i64),
        text.map(|l| pystr::new(&l)).unwrap_or_else(none::none),
        int::from_i64(end_line as i64),
        int::from_i64(end_col),
    ]);
    let inst = protocol::call(&ty.as_obj(), &[pystr::new(&e.msg), details]);
    match inst {
        Ok(i) => PyErr(i),
        Err(err) => err,
    }
}

#[cfg(feature = "compiler")]
fn compile_to_code(src: &str, filename: &str, mode: pyc_frontend::Mode) -> PyResult<Obj> {
    code::from_runtime(src, filename, mode as u8, || pyc_frontend::compile(src, filename, mode))
        .map_err(|e| compile_error(e, filename, src))
}

/// The runtime without the `compiler` feature (libpyrt_lite.a): pyc links it only into
/// programs whose code never names eval/exec/compile, so this is reached only through
/// fully dynamic access such as `getattr(builtins, name)`.
#[cfg(not(feature = "compiler"))]
fn compile_to_code(_src: &str, _filename: &str, _mode: pyc_frontend::Mode) -> PyResult<Obj> {
    Err(crate::errors::new_error(
        exc().system_error,
        "run-time compilation is not linked into this program (pyc links it when the program names eval, exec or compile)",
    ))
}

/// The `flags` bits compile() accepts: `__future__` features, PyCF_ONLY_AST and the other
/// PyCF_* flags CPython defines (only PyCF_ONLY_AST changes what pyc does).
const COMPILE_FLAGS_MASK: i64 = 0x1FE_0000 | 0x10 | 0x7E00;

fn b_compile(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    kw_only("compile", kw, &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"])?;
    let get = |i: usize, k: &str| a.get(i).or_else(|| kw.get(k)).cloned();
    let src = get(0, "source").ok_or_else(|| type_error("compile() missing required argument 'source' (pos 1)"))?;
    let filename = get(1, "filename").ok_or_else(|| type_error("compile() missing required argument 'filename' (pos 2)"))?;
    let mode = get(2, "mode").ok_or_else(|| type_error("compile() missing required argument 'mode' (pos 3)"))?;
    let flags = match get(3, "flags") {
        Some(f) => protocol::index_i64(&f)?,
        None => 0,
    };
    if flags & !COMPILE_FLAGS_MASK != 0 {
        return Err(value_error("compile(): unrecognised flags"));
    }
    let only_ast = flags & crate::modules::ast::PYCF_ONLY_AST != 0;
    if code::is_code(&src) {
        return Ok(src);
    }
    let m = match s(&mode) {
        "exec" => pyc_frontend::Mode::Exec,
        "eval" => pyc_frontend::Mode::Eval,
        "single" => pyc_frontend::Mode::Single,
        _ if only_ast => return Err(value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")),
        _ => return Err(value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let fname = protocol::str_string(&filename)?;
    if crate::modules::ast::is_ast(&src) {
        return compile_ast(&src, &fname, m, only_ast);
    }
    let text = source_of(&src, "compile")?;
    if only_ast {
        return parse_to_ast(&text, &fname, m);
    }
    compile_to_code(&text, &fname, m)
}

#[cfg(feature = "compiler")]
fn parse_to_ast(src: &str, filename: &str, mode: pyc_frontend::Mode) -> PyResult<Obj> {
    use crate::modules::ast_convert::{parse_to_ast, AstMode};
    let m = match mode {
        pyc_frontend::Mode::Exec => AstMode::Exec,
        pyc_frontend::Mode::Eval => AstMode::Eval,
        pyc_frontend::Mode::Single => AstMode::Single,
    };
    parse_to_ast(src, m).map_err(|e| compile_error(e, filename, src))?
}

#[cfg(not(feature = "compiler"))]
fn parse_to_ast(src: &str, filename: &str, mode: pyc_frontend::Mode) -> PyResult<Obj> {
    compile_to_code(src, filename, mode)
}

/// compile() of an `ast` tree: the tree itself under PyCF_ONLY_AST, otherwise the code of
/// `ast.unparse(tree)` (so line numbers are those of the unparsed text, not the tree's).
fn compile_ast(tree: &Obj, filename: &str, mode: pyc_frontend::Mode, only_ast: bool) -> PyResult<Obj> {
    let expected = match mode {
        pyc_frontend::Mode::Exec => "Module",
        pyc_frontend::Mode::Eval => "Expression",
        pyc_frontend::Mode::Single => "Interactive",
    };
    if !tree.isinstance(as_type(&crate::modules::ast::node_class(expected)?)) {
        return Err(type_error(format!("expected {} node, got {}", expected, tree.ty().name())));
    }
    if only_ast {
        return Ok(tree.clone());
    }
    let ast_mod = import_module_level(&pystr::new("ast"), &dict::new(), &none::none(), 0)?;
    let text = protocol::call(&protocol::getattr_str(&ast_mod, "unparse")?, &[tree.clone()])?;
    compile_to_code(&protocol::str_string(&text)?, filename, mode)
}

fn exec_env(name: &str, a: &[Obj]) -> PyResult<(Obj, Option<Obj>)> {
    let globals = a.get(1).filter(|g| !none::is_none(g)).cloned();
    let locals = a.get(2).filter(|l| !none::is_none(l)).cloned();
    if let Some(g) = &globals {
        if !dict::is_dict(g) {
            return Err(type_error(format!(
                "{}() globals must be a dict, not {}",
                name,
                g.type_name()
            )));
        }
    }
    let (g, l) = match (globals, locals) {
        (Some(g), Some(l)) => (g, Some(l)),
        (Some(g), None) => (g.clone(), Some(g)),
        (None, l) => match current_frame() {
            Some(f) => {
                let loc = match l {
                    Some(l) => l,
                    None => frame_locals(f)?,
                };
                (f.globals.clone(), Some(loc))
            }
            None => {
                let d = dict::new();
                (d.clone(), Some(d))
            }
        },
    };
    if dict::get_item_str(&g, &pystr::intern("__builtins__")).is_none() {
        dict::set_item_str(&g, "__builtins__", builtins_module());
    }
    Ok((g, l))
}

/// Runs `code` for exec/eval as CPython's `PyEval_EvalCode` does: no arguments and no
/// closure are passed, so code that needs either raises the call's TypeError; generator,
/// coroutine and async generator code is not run but returns its new generator object
/// (which `exec` then discards).
fn run_code(name: &str, code: Obj, globals: Obj, locals: Option<Obj>) -> PyResult<Obj> {
    let co = code::as_code(&code).code;
    if !co.freevars.is_empty() {
        return Err(type_error(if name == "eval" {
            "code object passed to eval() may not contain free variables".to_string()
        } else {
            format!("code object requires a closure of exactly length {}", co.freevars.len())
        }));
    }
    use pyc_frontend::bytecode::code_flags as cf;
    let has_params = co.argcount + co.kwonlyargcount > 0 || co.flags & (cf::VARARGS | cf::VARKEYWORDS) != 0;
    let mut f = Frame::new(code.clone(), globals.clone(), locals, None);
    if has_params {
        // binding nothing gives CPython's "missing argument" errors, or empty *args/**kwargs
        let func = types::function::new_function(code.clone(), globals, None, None, None, None);
        crate::frame::bind_arguments(&func, &mut f.localsplus, &[], &KwArgs::EMPTY)?;
    }
    f.init_cells(None);
    if code::as_code(&code).is_generator() {
        return Ok(types::generator::new_generator(Box::new(f)));
    }
    crate::frame::run_frame(&mut f)
}

fn b_exec(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("exec", kw)?;
    nargs_range("exec", a, 1, 3)?;
    let (g, l) = exec_env("exec", a)?;
    let code = if code::is_code(&a[0]) {
        a[0].clone()
    } else {
        let text = source_of(&a[0], "exec")?;
        compile_to_code(&text, "<string>", pyc_frontend::Mode::Exec)?
    };
    run_code("exec", code, g, l)?;
    Ok(none::none())
}

fn b_eval(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("eval", kw)?;
    nargs_range("eval", a, 1, 3)?;
    let (g, l) = exec_env("eval", a)?;
    let code = if code::is_code(&a[0]) {
        a[0].clone()
    } else {
        let text = source_of(&a[0], "eval")?;
        let text = text.trim_start_matches([' ', '\t']).to_string();
        compile_to_code(&text, "<string>", pyc_frontend::Mode::Eval)?
    };
    run_code("eval", code, g, l)
}

fn b_open(f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    crate::modules::io::io_open(f, a, kw)
}

fn b_breakpoint(_f: &Obj, _a: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    // No debugger in compiled programs: behaves as with PYTHONBREAKPOINT=0.
    Ok(none::none())
}

fn b_aiter(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let o = exactly_one("aiter", a, kw)?;
    let Some(m) = o.ty().lookup_str("__aiter__") else {
        return Err(type_error(format!("'{}' object is not an async iterable", o.type_name())));
    };
    let bound = types::descriptors::bind(&m, Some(o), &o.type_obj())?;
    let it = protocol::call(&bound, &[])?;
    if it.ty().lookup_str("__anext__").is_none() {
        return Err(type_error(format!("aiter() returned not an async iterator of type '{}'", it.type_name())));
    }
    Ok(it)
}

fn b_anext(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    no_kw("anext", kw)?;
    nargs_range("anext", a, 1, 2)?;
    let o = &a[0];
    let Some(m) = o.ty().lookup_str("__anext__") else {
        return Err(type_error(format!("'{}' object is not an async iterator", o.type_name())));
    };
    if a.len() == 2 {
        return Err(errors::not_implemented_error("anext() with a default value is not supported yet"));
    }
    let bound = types::descriptors::bind(&m, Some(o), &o.type_obj())?;
    protocol::call(&bound, &[])
}

// ----- site objects: exit, quit, copyright, credits, license, help -----

#[repr(C)]
struct SiteObj {
    head: crate::object::ObjHeader,
    /// The repr text.
    text: &'static str,
    /// What calling does: 0 raise SystemExit, 1 print the text, 2 help.
    action: u8,
}

fn site_repr(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(unsafe { o.payload::<SiteObj>() }.text))
}

fn site_call(o: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let so = unsafe { o.payload::<SiteObj>() };
    match so.action {
        0 => {
            let b = int::bind_args("__call__", a, kw, &["code"], 0, 1, 0)?;
            let code = b[0].clone().unwrap_or_else(none::none);
            Err(PyErr(excs::new_exception(exc().system_exit, vec![code])))
        }
        1 => {
            if !a.is_empty() || !kw.is_empty() {
                return Err(type_error(format!("__call__() takes 1 positional argument but {} were given", a.len() + 1)));
            }
            let text = if so.text.starts_with("Type license()") { LICENSE_SUMMARY } else { so.text };
            write_to(None, text)?;
            write_to(None, "\n")?;
            Ok(none::none())
        }
        _ => Err(errors::not_implemented_error("help() is not available in compiled programs")),
    }
}

const LICENSE_SUMMARY: &str = "See https://www.python.org/psf/license/";

fn site_type(name: &'static str) -> &'static crate::types::typeobj::TypeObject {
    let mut spec = crate::types::TypeSpec::new(name, std::mem::size_of::<SiteObj>(), crate::types::typeobj::drop_nothing);
    spec.slots.repr = Some(site_repr);
    spec.slots.call = Some(site_call);
    let t = crate::types::create_type(spec, types().object);
    *t.module.borrow_mut() = "_sitebuiltins".to_string();
    t
}

fn add_site_objects(d: &Obj) {
    let quitter = site_type("Quitter");
    let printer = site_type("_Printer");
    let helper = site_type("_Helper");
    let mk = |ty: &'static crate::types::typeobj::TypeObject, text: &'static str, action: u8| {
        let o = crate::object::alloc(ty, SiteObj { head: crate::object::header(), text, action });
        o.make_immortal();
        o
    };
    dict::set_item_str(d, "exit", mk(quitter, "Use exit() or Ctrl-D (i.e. EOF) to exit", 0));
    dict::set_item_str(d, "quit", mk(quitter, "Use quit() or Ctrl-D (i.e. EOF) to exit", 0));
    dict::set_item_str(d, "copyright", mk(printer, COPYRIGHT, 1));
    dict::set_item_str(
        d,
        "credits",
        mk(
            printer,
            "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n    for supporting Python development.  See www.python.org for more information.",
            1,
        ),
    );
    dict::set_item_str(d, "license", mk(printer, "Type license() to see the full license text", 1));
    dict::set_item_str(d, "help", mk(helper, "Type help() for interactive help, or help(object) for help about object.", 2));
}

const COPYRIGHT: &str = "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

// ----- classes -----

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn b_build_class(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if a.len() < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let func = &a[0];
    if !func.is_exact(types().function) {
        return Err(type_error("__build_class__: func must be a function"));
    }
    let name = &a[1];
    if !name.isinstance(types().str) {
        return Err(type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<Obj> = a[2..].to_vec();
    // PEP 560: __mro_entries__.
    let mut bases = Vec::with_capacity(orig_bases.len());
    let mut changed = false;
    for b in &orig_bases {
        if !is_type(b) {
            if let Some(me) = protocol::getattr_opt(b, &pystr::intern("__mro_entries__"))? {
                let r = protocol::call(&me, &[tuple::new(orig_bases.clone())])?;
                let Some(items) = tuple::as_slice(&r) else {
                    return Err(type_error("__mro_entries__ must return a tuple"));
                };
                bases.extend(items.iter().cloned());
                changed = true;
                continue;
            }
        }
        bases.push(b.clone());
    }
    let bases_t = tuple::new(bases.clone());
    let mut meta: Option<Obj> = None;
    let mut names = Vec::new();
    let mut values = Vec::new();
    for (k, v) in kw.iter() {
        if s(k) == "metaclass" {
            meta = Some(v.clone());
        } else {
            names.push(k.clone());
            values.push(v.clone());
        }
    }
    let is_class = meta.as_ref().map_or(true, is_type);
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => b.type_obj(),
            None => types().type_.as_obj(),
        },
    };
    if is_class {
        // The most derived metaclass.
        let mut winner = as_type(&meta);
        for b in &bases {
            let bt = b.ty();
            if winner.is_subtype(bt) {
                continue;
            }
            if bt.is_subtype(winner) {
                winner = bt;
                continue;
            }
            return Err(type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        meta = winner.as_obj();
    }
    let kwa = KwArgs { names: &names, values: &values };
    let ns = match protocol::getattr_opt(&meta, &pystr::intern("__prepare__"))? {
        Some(p) => protocol::call_kw(&p, &[name.clone(), bases_t.clone()], &kwa)?,
        None => dict::new(),
    };
    if !dict::is_dict(&ns) && ns.ty().slots().getitem.is_none() {
        return Err(type_error(format!(
            "{}.__prepare__() must return a mapping, not {}",
            if is_class { as_type(&meta).name() } else { "<metaclass>" },
            ns.type_name()
        )));
    }
    // Run the body with the namespace as locals.
    let fo = types::function::as_function(func);
    let mut fr = Frame::new(fo.code.clone(), fo.globals.clone(), Some(ns.clone()), None);
    fr.builtins = fo.builtins.clone();
    let closure = fo.closure.clone();
    fr.init_cells(closure.as_ref());
    let cell = crate::frame::run_frame(&mut fr)?;
    if changed {
        protocol::setitem(&ns, &pystr::intern("__orig_bases__"), &tuple::new(orig_bases))?;
    }
    let cls = protocol::call_kw(&meta, &[name.clone(), bases_t, ns], &kwa)?;
    if types::function::is_cell(&cell) {
        match types::function::cell_get(&cell) {
            None => types::function::cell_set(&cell, Some(cls.clone())),
            Some(v) if !v.is(&cls) => {
                return Err(type_error(format!(
                    "__class__ set to {} defining {} as {}",
                    protocol::repr_string(&v)?,
                    protocol::repr_string(name)?,
                    protocol::repr_string(&cls)?
                )));
            }
            _ => {}
        }
    }
    Ok(cls)
}

// ----- imports -----

fn resolve_name(name: &str, globals: &Obj, level: i64) -> PyResult<String> {
    if level <= 0 {
        return Ok(name.to_string());
    }
    let pkg = dict::get_item_str(globals, &pystr::intern("__package__")).filter(|p| !none::is_none(p));
    let package = match pkg {
        Some(p) => s(&p).to_string(),
        None => {
            let modname = dict::get_item_str(globals, &pystr::intern("__name__"))
                .map(|n| s(&n).to_string())
                .unwrap_or_default();
            let is_pkg = dict::get_item_str(globals, &pystr::intern("__path__")).is_some();
            if is_pkg {
                modname
            } else {
                modname.rsplit_once('.').map(|(a, _)| a.to_string()).unwrap_or_default()
            }
        }
    };
    if package.is_empty() {
        return Err(errors::import_error("attempted relative import with no known parent package"));
    }
    let parts: Vec<&str> = package.split('.').collect();
    if (level as usize) > parts.len() {
        return Err(errors::import_error("attempted relative import beyond top-level package"));
    }
    let base = parts[..parts.len() - (level as usize - 1)].join(".");
    Ok(if name.is_empty() { base } else { format!("{}.{}", base, name) })
}

fn not_found(name: &str) -> PyErr {
    let e = errors::new_error(exc().module_not_found_error, format!("No module named '{}'", name));
    excs::set_field(&e.0, 1, Some(pystr::new(name)));
    e
}

/// Imports one fully qualified module (its parents must already be imported).
fn load_module(full: &str) -> PyResult<Obj> {
    let modules = crate::modules::sys::modules_dict();
    if let Some(m) = dict::get_item_str(&modules, &pystr::new(full)) {
        if none::is_none(&m) {
            return Err(not_found(full));
        }
        return Ok(m);
    }
    if let Some(create) = crate::modules::constructor(full) {
        let m = create()?;
        dict::set_item_str(&modules, full, m.clone());
        return Ok(m);
    }
    let found = PROGRAM_MODULES.with(|p| p.borrow().iter().find(|(n, _, _)| n == full).map(|(_, c, pk)| (c.clone(), *pk)));
    let found = match found {
        Some(f) => Some(f),
        None => source_module(full)?,
    };
    let Some((code, is_pkg)) = found else {
        return Err(not_found(full));
    };
    let m = module::new(full);
    let d = module::dict(&m);
    let filename = code::as_code(&code).code.filename.clone();
    // A namespace package's code is empty and named after its folder (no `.py`).
    let namespace = is_pkg && !filename.ends_with(".py");
    dict::set_item_str(&d, "__file__", if namespace { none::none() } else { pystr::new(&filename) });
    dict::set_item_str(&d, "__builtins__", builtins_module());
    if is_pkg {
        let dir = if namespace {
            filename.clone()
        } else {
            std::path::Path::new(&filename).parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()
        };
        dict::set_item_str(&d, "__path__", list::new(vec![pystr::new(&dir)]));
        dict::set_item_str(&d, "__package__", pystr::new(full));
    } else {
        let parent = full.rsplit_once('.').map(|(a, _)| a).unwrap_or("");
        dict::set_item_str(&d, "__package__", pystr::new(parent));
    }
    dict::set_item_str(&modules, full, m.clone());
    let mut f = Frame::new(code, d.clone(), Some(d), None);
    INITIALIZING.with(|i| i.borrow_mut().push(full.to_string()));
    let r = crate::frame::run_frame(&mut f);
    INITIALIZING.with(|i| {
        let mut v = i.borrow_mut();
        if let Some(pos) = v.iter().rposition(|n| n == full) {
            v.remove(pos);
        }
    });
    if let Err(e) = r {
        let _ = dict::del_item(&modules, &pystr::new(full));
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    Ok(dict::get_item_str(&modules, &pystr::new(full)).unwrap_or(m))
}

/// Finds a module that was not compiled in as a `.py` file — top-level modules on
/// `sys.path`, submodules in their package's `__path__` — and compiles it with the
/// embedded frontend (plugins named at run time). Returns the code and whether it is a
/// package.
#[cfg(feature = "compiler")]
fn source_module(full: &str) -> PyResult<Option<(Obj, bool)>> {
    let modules = crate::modules::sys::modules_dict();
    let (dirs, last) = match full.rsplit_once('.') {
        None => (crate::modules::sys::get_attr("path"), full),
        Some((parent, last)) => {
            let p = dict::get_item_str(&modules, &pystr::new(parent));
            (p.map(|p| protocol::getattr_opt(&p, &pystr::intern("__path__"))).transpose()?.flatten(), last)
        }
    };
    let Some(dirs) = dirs else { return Ok(None) };
    for dir in protocol::collect(&dirs)? {
        let Some(dir) = pystr::as_str(&dir) else { continue };
        let base = std::path::Path::new(if dir.is_empty() { "." } else { dir });
        let init = base.join(last).join("__init__.py");
        let (file, is_pkg) = if init.is_file() { (init, true) } else { (base.join(format!("{last}.py")), false) };
        if !file.is_file() {
            continue;
        }
        let filename = file.to_string_lossy().into_owned();
        let bytes = std::fs::read(&file).map_err(|e| errors::import_error(&format!("cannot read {filename}: {e}")))?;
        let source = String::from_utf8_lossy(&bytes).into_owned();
        let code = compile_to_code(&source, &filename, pyc_frontend::Mode::Exec)?;
        return Ok(Some((code, is_pkg)));
    }
    Ok(None)
}

/// Without the embedded frontend, modules not compiled in cannot be found.
#[cfg(not(feature = "compiler"))]
fn source_module(_full: &str) -> PyResult<Option<(Obj, bool)>> {
    Ok(None)
}

/// Per-interpreter state: one copy, touched only under the GIL (`gil::GilCell`).
/// Program modules whose body is running (CPython's `__spec__._initializing`).
static INITIALIZING: crate::gil::GilCell<RefCell<Vec<String>>> = crate::gil::GilCell::new(RefCell::new(Vec::new()));

/// Whether module `name`'s body is still running (a partially initialized module).
pub fn module_initializing(name: &str) -> bool {
    INITIALIZING.with(|i| i.borrow().iter().any(|n| n == name))
}

/// Imports `full` and every parent package, binding submodules as parent attributes.
fn import_chain(full: &str) -> PyResult<Obj> {
    let mut prefix = String::new();
    let mut last: Option<Obj> = None;
    for part in full.split('.') {
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(part);
        if let Some(parent) = &last {
            let known = dict::get_item_str(&crate::modules::sys::modules_dict(), &pystr::new(&prefix)).is_some();
            if !known && protocol::getattr_opt(parent, &pystr::intern("__path__"))?.is_none() {
                let parent_name = &prefix[..prefix.len() - part.len() - 1];
                let msg = format!("No module named '{}'; '{}' is not a package", prefix, parent_name);
                let e = errors::new_error(exc().module_not_found_error, msg);
                excs::set_field(&e.0, 1, Some(pystr::new(&prefix)));
                return Err(e);
            }
        }
        let m = load_module(&prefix)?;
        if let Some(parent) = &last {
            if protocol::getattr_opt(parent, &pystr::intern(part))?.is_none() {
                protocol::setattr(parent, &pystr::intern(part), &m)?;
            }
        }
        last = Some(m);
    }
    last.ok_or_else(|| value_error("Empty module name"))
}

/// `import name` / `from name import fromlist` at `level` (the ImportName instruction).
pub fn import_module_level(name: &Obj, globals: &Obj, fromlist: &Obj, level: i64) -> PyResult<Obj> {
    let n = s(name);
    if level == 0 && n.is_empty() {
        return Err(value_error("Empty module name"));
    }
    let full = resolve_name(n, globals, level)?;
    let m = import_chain(&full)?;
    let has_fromlist = !none::is_none(fromlist) && protocol::is_true(fromlist)?;
    if has_fromlist {
        // Submodules named in the fromlist of a package.
        if let Some(items) = tuple::as_slice(fromlist).or_else(|| list::as_slice_opt(fromlist)) {
            let is_pkg = protocol::getattr_opt(&m, &pystr::intern("__path__"))?.is_some();
            if is_pkg {
                for it in items {
                    let sub = s(it);
                    if sub != "*" && protocol::getattr_opt(&m, it)?.is_none() {
                        let subname = format!("{}.{}", full, sub);
                        let exists = PROGRAM_MODULES.with(|p| p.borrow().iter().any(|(nm, _, _)| *nm == subname));
                        if exists {
                            import_chain(&subname)?;
                        }
                    }
                }
            }
        }
        return Ok(m);
    }
    if level == 0 {
        let top = n.split('.').next().unwrap_or(n);
        return load_module(top);
    }
    // `from . import x` style without fromlist is unusual; return the top of the relative name.
    if n.is_empty() {
        return Ok(m);
    }
    let cut = full.len() - n.len() + n.split('.').next().unwrap_or(n).len();
    load_module(&full[..cut])
}

fn b_import(_f: &Obj, a: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    kw_only("__import__", kw, &["name", "globals", "locals", "fromlist", "level"])?;
    let get = |i: usize, k: &str| a.get(i).or_else(|| kw.get(k)).cloned();
    let name = get(0, "name").ok_or_else(|| type_error("__import__() missing required argument 'name' (pos 1)"))?;
    if !name.isinstance(types().str) {
        return Err(type_error(format!("module name must be str, not {}", name.type_name())));
    }
    let globals = get(1, "globals").filter(|g| dict::is_dict(g)).unwrap_or_else(dict::new);
    let fromlist = get(3, "fromlist").unwrap_or_else(none::none);
    let level = match get(4, "level") {
        Some(l) => protocol::index_i64(&l)?,
        None => 0,
    };
    if level < 0 {
        return Err(value_error("level must be >= 0"));
    }
    import_module_level(&name, &globals, &fromlist, level)
}

// ----- module creation -----

fn add(d: &Obj, name: &'static str, f: CallFn) {
    dict::set_item_str(d, name, new_builtin_in("builtins", name, f));
}

/// A built-in function: its name and implementation.
pub type Builtin = (&'static str, CallFn);

/// The built-in functions of this executable: the core ones, then the groups the program
/// enabled (`BUILTIN_EXTENSIONS`). Core: `print`, and the functions the runtime itself
/// looks up by name (`__build_class__` and `__import__` for class and import statements,
/// `isinstance`/`issubclass` for union types, `abs` for `operator.abs`, `exec` for
/// weakref's Python part and multiprocessing's child).
fn functions() -> Vec<Builtin> {
    let mut fns: Vec<Builtin> = vec![
        ("print", b_print), ("abs", b_abs), ("isinstance", b_isinstance), ("issubclass", b_issubclass),
        ("exec", b_exec), ("__build_class__", b_build_class), ("__import__", b_import),
    ];
    for cell in [&SORTING, &POW, &COMPILING, &CONSOLE, &MISC] {
        cell.extend(&mut fns);
    }
    fns
}

/// Every group of gated builtins: its enabler's name (as in
/// pyc_frontend::method_tables::BUILTIN_TABLES), the enabler, and its table. Why gated:
/// the builtins table referenced every built-in function, so every executable linked all
/// of them (`sorted`/`dir` keep list.sort, `pow` keeps modular exponentiation).
pub const BUILTIN_EXTENSIONS: &[(&str, extern "C" fn(), fn() -> Vec<Builtin>)] = &[
    ("pyrt_builtins_sorting", pyrt_builtins_sorting, sorting_functions),
    ("pyrt_builtins_pow", pyrt_builtins_pow, pow_functions),
    ("pyrt_builtins_compile", pyrt_builtins_compile, compile_functions),
    ("pyrt_builtins_console", pyrt_builtins_console, console_functions),
    ("pyrt_builtins_misc", pyrt_builtins_misc, misc_functions),
];

types::method_extension! {
    /// Enables `sorted` and `dir` (both sort a list).
    pyrt_builtins_sorting: SORTING(Builtin) => sorting_functions
}
types::method_extension! {
    /// Enables `pow` (three-argument pow: modular exponentiation).
    pyrt_builtins_pow: POW(Builtin) => pow_functions
}
types::method_extension! {
    /// Enables `compile` and `eval`.
    pyrt_builtins_compile: COMPILING(Builtin) => compile_functions
}
types::method_extension! {
    /// Enables `open` and `input`.
    pyrt_builtins_console: CONSOLE(Builtin) => console_functions
}
types::method_extension! {
    /// Enables the other built-in functions.
    pyrt_builtins_misc: MISC(Builtin) => misc_functions
}

fn sorting_functions() -> Vec<Builtin> {
    vec![("sorted", b_sorted), ("dir", b_dir)]
}

fn pow_functions() -> Vec<Builtin> {
    vec![("pow", b_pow)]
}

fn compile_functions() -> Vec<Builtin> {
    vec![("eval", b_eval), ("compile", b_compile)]
}

fn console_functions() -> Vec<Builtin> {
    vec![("input", b_input), ("open", b_open)]
}

fn misc_functions() -> Vec<Builtin> {
    vec![
        ("len", b_len), ("repr", b_repr), ("ascii", b_ascii), ("hash", b_hash), ("id", b_id),
        ("callable", b_callable), ("ord", b_ord), ("chr", b_chr), ("hex", b_hex), ("oct", b_oct),
        ("bin", b_bin), ("format", b_format), ("divmod", b_divmod), ("round", b_round), ("min", b_min),
        ("max", b_max), ("sum", b_sum), ("any", b_any), ("all", b_all), ("iter", b_iter), ("next", b_next),
        ("getattr", b_getattr), ("setattr", b_setattr), ("hasattr", b_hasattr), ("delattr", b_delattr),
        ("globals", b_globals), ("locals", b_locals), ("vars", b_vars), ("breakpoint", b_breakpoint),
        ("aiter", b_aiter), ("anext", b_anext),
    ]
}

/// Creates the `builtins` module.
pub fn init() {
    let m = module::new("builtins");
    BUILTINS.with(|b| *b.borrow_mut() = Some(m.clone()));
    let d = module::dict(&m);
    for (name, f) in functions() {
        add(&d, name, f);
    }
    let t = types();
    let type_entries: [(&str, &'static crate::types::typeobj::TypeObject); 25] = [
        ("complex", t.complex), ("memoryview", t.memoryview),
        ("object", t.object), ("type", t.type_), ("int", t.int), ("float", t.float), ("str", t.str),
        ("bool", t.bool_), ("bytes", t.bytes), ("bytearray", t.bytearray), ("list", t.list),
        ("tuple", t.tuple), ("dict", t.dict), ("set", t.set), ("frozenset", t.frozenset),
        ("range", t.range), ("slice", t.slice), ("enumerate", t.enumerate), ("zip", t.zip),
        ("map", t.map), ("filter", t.filter), ("reversed", t.reversed), ("property", t.property),
        ("classmethod", t.classmethod), ("staticmethod", t.staticmethod),
    ];
    for (name, ty) in type_entries {
        dict::set_item_str(&d, name, ty.as_obj());
    }
    dict::set_item_str(&d, "super", t.super_.as_obj());
    for (name, ty) in all_exception_types() {
        dict::set_item_str(&d, name, ty.as_obj());
    }
    dict::set_item_str(&d, "None", none::none());
    dict::set_item_str(&d, "True", pybool::from_bool(true));
    dict::set_item_str(&d, "False", pybool::from_bool(false));
    dict::set_item_str(&d, "Ellipsis", none::ellipsis());
    dict::set_item_str(&d, "NotImplemented", none::not_implemented());
    dict::set_item_str(&d, "__debug__", pybool::from_bool(true));
    dict::set_item_str(&d, "__name__", pystr::new("builtins"));
    dict::set_item_str(&d, "EnvironmentError", exc().os_error.as_obj());
    dict::set_item_str(&d, "IOError", exc().os_error.as_obj());
    add_site_objects(&d);
    dict::set_item_str(&d, "__doc__", pystr::new(BUILTINS_DOC));
    if let Some(len) = dict::get_item_str(&d, &pystr::intern("len")) {
        // SAFETY: written once at start-up, before any native code runs; the builtins
        // module keeps the function alive.
        unsafe { *std::ptr::addr_of_mut!(crate::abi::pyrt_len_builtin) = len.raw() };
    }
    if let Some(ord) = dict::get_item_str(&d, &pystr::intern("ord")) {
        // SAFETY: as for `len` above.
        unsafe { *std::ptr::addr_of_mut!(crate::types::str::pyrt_ord_builtin) = ord.raw() };
    }
    // CPython's insertion order (visible in `list(vars(builtins))` and in which name
    // "Did you mean" picks among equally close candidates).
    let items = dict::items(&d);
    dict::clear(&d);
    for name in CPYTHON_ORDER {
        if let Some((k, v)) = items.iter().find(|(k, _)| pystr::as_str(k) == Some(name)) {
            let _ = dict::set_item(&d, k.clone(), v.clone());
        }
    }
    for (k, v) in items {
        if !CPYTHON_ORDER.contains(&pystr::as_str(&k).unwrap_or("")) {
            let _ = dict::set_item(&d, k, v);
        }
    }
}

const BUILTINS_DOC: &str = "Built-in functions, types, exceptions, and other objects.\n\nThis module provides direct access to all 'built-in'\nidentifiers of Python; for example, builtins.len is\nthe full name for the built-in function len().\n\nThis module is not normally accessed explicitly by most\napplications, but can be useful in modules that provide\nobjects with the same name as a built-in value, but in\nwhich the built-in of that name is also needed.";

const CPYTHON_ORDER: &[&str] = &["__name__", "__doc__", "__package__", "__loader__", "__spec__", "__build_class__", "__import__", "abs", "all", "any", "ascii", "bin", "breakpoint", "callable", "chr", "compile", "delattr", "dir", "divmod", "eval", "exec", "format", "getattr", "globals", "hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "iter", "aiter", "len", "locals", "max", "min", "next", "anext", "oct", "ord", "pow", "print", "repr", "round", "setattr", "sorted", "sum", "vars", "None", "Ellipsis", "NotImplemented", "False", "True", "bool", "memoryview", "bytearray", "bytes", "classmethod", "complex", "dict", "enumerate", "filter", "float", "frozenset", "property", "int", "list", "map", "object", "range", "reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip", "__debug__", "BaseException", "BaseExceptionGroup", "Exception", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "ArithmeticError", "AssertionError", "AttributeError", "BufferError", "EOFError", "ImportError", "LookupError", "MemoryError", "NameError", "OSError", "ReferenceError", "RuntimeError", "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemError", "TypeError", "ValueError", "Warning", "FloatingPointError", "OverflowError", "ZeroDivisionError", "BytesWarning", "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning", "PendingDeprecationWarning", "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning", "UserWarning", "BlockingIOError", "ChildProcessError", "ConnectionError", "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError", "PermissionError", "ProcessLookupError", "TimeoutError", "IndentationError", "IndexError", "KeyError", "ModuleNotFoundError", "NotImplementedError", "RecursionError", "UnboundLocalError", "UnicodeError", "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError", "TabError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError", "ExceptionGroup", "EnvironmentError", "IOError", "open", "quit", "exit", "copyright", "credits", "license", "help"];

/// Every built-in exception class with its builtins name.
fn all_exception_types() -> Vec<(&'static str, &'static crate::types::typeobj::TypeObject)> {
    let e = exc();
    vec![
        ("BaseException", e.base_exception),
        ("SystemExit", e.system_exit),
        ("KeyboardInterrupt", e.keyboard_interrupt),
        ("GeneratorExit", e.generator_exit),
        ("BaseExceptionGroup", e.base_exception_group),
        ("Exception", e.exception),
        ("StopIteration", e.stop_iteration),
        ("StopAsyncIteration", e.stop_async_iteration),
        ("ArithmeticError", e.arithmetic_error),
        ("FloatingPointError", e.floating_point_error),
        ("OverflowError", e.overflow_error),
        ("ZeroDivisionError", e.zero_division_error),
        ("AssertionError", e.assertion_error),
        ("AttributeError", e.attribute_error),
        ("BufferError", e.buffer_error),
        ("EOFError", e.eof_error),
        ("ImportError", e.import_error),
        ("ModuleNotFoundError", e.module_not_found_error),
        ("LookupError", e.lookup_error),
        ("IndexError", e.index_error),
        ("KeyError", e.key_error),
        ("MemoryError", e.memory_error),
        ("NameError", e.name_error),
        ("UnboundLocalError", e.unbound_local_error),
        ("OSError", e.os_error),
        ("BlockingIOError", e.blocking_io_error),
        ("ChildProcessError", e.child_process_error),
        ("ConnectionError", e.connection_error),
        ("BrokenPipeError", e.broken_pipe_error),
        ("ConnectionAbortedError", e.connection_aborted_error),
        ("ConnectionRefusedError", e.connection_refused_error),
        ("ConnectionResetError", e.connection_reset_error),
        ("FileExistsError", e.file_exists_error),
        ("FileNotFoundError", e.file_not_found_error),
        ("InterruptedError", e.interrupted_error),
        ("IsADirectoryError", e.is_a_directory_error),
        ("NotADirectoryError", e.not_a_directory_error),
        ("PermissionError", e.permission_error),
        ("ProcessLookupError", e.process_lookup_error),
        ("TimeoutError", e.timeout_error),
        ("ReferenceError", e.reference_error),
        ("RuntimeError", e.runtime_error),
        ("NotImplementedError", e.not_implemented_error),
        ("RecursionError", e.recursion_error),
        ("SyntaxError", e.syntax_error),
        ("IndentationError", e.indentation_error),
        ("TabError", e.tab_error),
        ("SystemError", e.system_error),
        ("TypeError", e.type_error),
        ("ValueError", e.value_error),
        ("UnicodeError", e.unicode_error),
        ("UnicodeDecodeError", e.unicode_decode_error),
        ("UnicodeEncodeError", e.unicode_encode_error),
        ("UnicodeTranslateError", e.unicode_translate_error),
        ("ExceptionGroup", e.exception_group),
        ("Warning", e.warning),
        ("DeprecationWarning", e.deprecation_warning),
        ("PendingDeprecationWarning", e.pending_deprecation_warning),
        ("RuntimeWarning", e.runtime_warning),
        ("SyntaxWarning", e.syntax_warning),
        ("UserWarning", e.user_warning),
        ("FutureWarning", e.future_warning),
        ("ImportWarning", e.import_warning),
        ("UnicodeWarning", e.unicode_warning),
        ("BytesWarning", e.bytes_warning),
        ("ResourceWarning", e.resource_warning),
        ("EncodingWarning", e.encoding_warning),    ]
}
