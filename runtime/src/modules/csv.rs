//! The native `_csv` module (what `csv.py` builds DictReader/DictWriter/Sniffer on): the
//! `Dialect` type with CPython's validation messages, the dialect registry, `reader`
//! (CPython's parsing state machine: quoting modes, doubled quotes, escape characters,
//! fields spanning lines, `strict`, `skipinitialspace`, `line_num`), `writer`
//! (`writerow`/`writerows` with minimal/all/non-numeric/no quoting), `field_size_limit`
//! and `csv.Error`.

use std::cell::RefCell;

use super::binascii::{cached_exception_class, raise_class};
use super::itertools::{module_type, LazyType};
use crate::errors::type_error;
use crate::object::{alloc, header, Obj, ObjHeader, PyErr, PyResult};
use crate::protocol;
use crate::types::function::new_builtin_in;
use crate::types::typeobj::{as_type, drop_as, CallFn, KwArgs, MethodDef, TypeObject};
use crate::types::{bool as pybool, dict, float, int, list, module, none, str as pystr, TypeSpec};

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

/// Per-interpreter state, touched only under the GIL.
struct State {
    error: Option<Obj>,
    /// name → Dialect.
    dialects: Option<Obj>,
    field_limit: i64,
}

static STATE: crate::gil::GilCell<RefCell<State>> =
    crate::gil::GilCell::new(RefCell::new(State { error: None, dialects: None, field_limit: 128 * 1024 }));

fn error(msg: impl Into<String>) -> PyErr {
    match STATE.with(|s| s.borrow().error.clone()) {
        Some(c) => raise_class(&c, msg),
        None => crate::errors::value_error(msg),
    }
}

fn registry() -> Obj {
    STATE.with(|s| s.borrow_mut().dialects.get_or_insert_with(dict::new).clone())
}

/// Leak check at exit: drops the dialect registry. Its dialects are the program's
/// (csv.py registers excel, excel-tab and unix itself), released like the rest of the
/// program's state; the dict is dropped after the borrow ends.
pub fn clear_at_exit() {
    drop(STATE.with(|s| s.borrow_mut().dialects.take()));
}

// ===================== Dialect =====================

#[derive(Clone)]
struct Params {
    delimiter: char,
    quotechar: Option<char>,
    escapechar: Option<char>,
    doublequote: bool,
    skipinitialspace: bool,
    lineterminator: String,
    quoting: i64,
    strict: bool,
}

#[repr(C)]
struct DialectObj {
    head: ObjHeader,
    p: Params,
}

static DIALECT: LazyType = LazyType::new();
static READER: LazyType = LazyType::new();
static WRITER: LazyType = LazyType::new();

fn dialect_type() -> &'static TypeObject {
    DIALECT.get(|| module_type("_csv", dialect_spec()))
}

fn params(d: &Obj) -> &Params {
    &unsafe { d.payload::<DialectObj>() }.p
}

const ATTRS: &[&str] =
    &["delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];

/// A one-character attribute (`None` allowed when `nullable`).
fn char_attr(name: &str, v: Option<Obj>, default: Option<char>, nullable: bool) -> PyResult<Option<char>> {
    let Some(v) = v else { return Ok(default) };
    if nullable && none::is_none(&v) {
        return Ok(None);
    }
    let Some(s) = pystr::as_str(&v) else {
        let or_none = if nullable { " or None" } else { "" };
        return Err(type_error(format!("\"{name}\" must be string{or_none}, not {}", v.type_name())));
    };
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Ok(Some(c)),
        _ => Err(type_error(format!("\"{name}\" must be a 1-character string"))),
    }
}

fn bool_attr(v: Option<Obj>, default: bool) -> PyResult<bool> {
    v.map_or(Ok(default), |v| protocol::is_true(&v))
}

/// Builds dialect parameters from a base dialect (a name or any object with the
/// attributes) overridden by keyword arguments, validated as CPython does.
fn make_params(base: Option<&Obj>, kw: &KwArgs) -> PyResult<Params> {
    for (k, _) in kw.iter() {
        let name = pystr::as_str(k).unwrap_or("");
        if !ATTRS.contains(&name) {
            return Err(type_error(format!("'{name}' is an invalid keyword argument for this function")));
        }
    }
    let base = match base {
        Some(b) if pystr::as_str(b).is_some() => Some(get_dialect(b)?),
        Some(b) if none::is_none(b) => None,
        other => other.cloned(),
    };
    let attr = |name: &str| -> PyResult<Option<Obj>> {
        if let Some(v) = kw.get(name) {
            return Ok(Some(v.clone()));
        }
        match &base {
            Some(b) => protocol::getattr_opt(b, &pystr::intern(name)),
            None => Ok(None),
        }
    };
    let delimiter = char_attr("delimiter", attr("delimiter")?, Some(','), false)?.unwrap_or(',');
    let quotechar_given = attr("quotechar")?;
    let quotechar = char_attr("quotechar", quotechar_given.clone(), Some('"'), true)?;
    let escapechar = char_attr("escapechar", attr("escapechar")?, None, true)?;
    let lineterminator = match attr("lineterminator")? {
        None => "\r\n".to_string(),
        Some(v) => match pystr::as_str(&v) {
            Some(s) => s.to_string(),
            None => return Err(type_error("\"lineterminator\" must be a string")),
        },
    };
    let quoting_given = attr("quoting")?;
    let quoting = match &quoting_given {
        None => QUOTE_MINIMAL,
        Some(q) if int::is_int(q) => match int::to_i64(q) {
            Some(n) if (QUOTE_MINIMAL..=QUOTE_NONE).contains(&n) => n,
            _ => return Err(type_error("bad \"quoting\" value")),
        },
        Some(_) => return Err(type_error("\"quoting\" must be an integer")),
    };
    // An explicit `quotechar=None` without a quoting mode means "no quoting".
    let quoting = if quotechar.is_none() && quoting_given.is_none() { QUOTE_NONE } else { quoting };
    if quotechar.is_none() && quoting != QUOTE_NONE {
        return Err(type_error("quotechar must be set if quoting enabled"));
    }
    Ok(Params {
        delimiter,
        quotechar,
        escapechar,
        doublequote: bool_attr(attr("doublequote")?, true)?,
        skipinitialspace: bool_attr(attr("skipinitialspace")?, false)?,
        lineterminator,
        quoting,
        strict: bool_attr(attr("strict")?, false)?,
    })
}

fn new_dialect(base: Option<&Obj>, kw: &KwArgs) -> PyResult<Obj> {
    if let Some(b) = base {
        if kw.is_empty() && !b.is_small_int() && b.ty() as *const TypeObject == dialect_type() as *const TypeObject {
            return Ok(b.clone());
        }
    }
    Ok(alloc(dialect_type(), DialectObj { head: header(), p: make_params(base, kw)? }))
}

fn dialect_new(cls: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if args.len() > 1 {
        return Err(type_error(format!("Dialect() takes at most 1 argument ({} given)", args.len())));
    }
    let (names, values): (Vec<Obj>, Vec<Obj>) =
        kw.iter().filter(|(k, _)| pystr::as_str(k) != Some("dialect")).map(|(k, v)| (k.clone(), v.clone())).unzip();
    let base = args.first().or(kw.get("dialect"));
    let p = make_params(base, &KwArgs { names: &names, values: &values })?;
    Ok(alloc(as_type(cls), DialectObj { head: header(), p }))
}

fn opt_char(c: Option<char>) -> Obj {
    c.map_or_else(none::none, |c| pystr::from_string(c.to_string()))
}

fn g_delimiter(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::from_string(params(o).delimiter.to_string()))
}
fn g_quotechar(o: &Obj) -> PyResult<Obj> {
    Ok(opt_char(params(o).quotechar))
}
fn g_escapechar(o: &Obj) -> PyResult<Obj> {
    Ok(opt_char(params(o).escapechar))
}
fn g_doublequote(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(params(o).doublequote))
}
fn g_skipinitialspace(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(params(o).skipinitialspace))
}
fn g_lineterminator(o: &Obj) -> PyResult<Obj> {
    Ok(pystr::new(&params(o).lineterminator))
}
fn g_quoting(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(params(o).quoting))
}
fn g_strict(o: &Obj) -> PyResult<Obj> {
    Ok(pybool::from_bool(params(o).strict))
}

fn dialect_spec() -> TypeSpec {
    let mut s = TypeSpec::new("Dialect", std::mem::size_of::<DialectObj>(), drop_as::<DialectObj>);
    s.slots.new = Some(dialect_new);
    use MethodDef::Getter as G;
    s.methods = vec![
        G { name: "delimiter", get: g_delimiter },
        G { name: "quotechar", get: g_quotechar },
        G { name: "escapechar", get: g_escapechar },
        G { name: "doublequote", get: g_doublequote },
        G { name: "skipinitialspace", get: g_skipinitialspace },
        G { name: "lineterminator", get: g_lineterminator },
        G { name: "quoting", get: g_quoting },
        G { name: "strict", get: g_strict },
    ];
    s
}

// ===================== registry =====================

fn get_dialect(name: &Obj) -> PyResult<Obj> {
    match dict::get_item(&registry(), name)? {
        Some(d) => Ok(d),
        None => Err(error("unknown dialect")),
    }
}

fn f_register_dialect(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let (name, base) = match args {
        [n] => (n, None),
        [n, d] => (n, Some(d)),
        _ => return Err(type_error(format!("register_dialect() expected at most 2 arguments, got {}", args.len()))),
    };
    if pystr::as_str(name).is_none() {
        return Err(type_error("dialect name must be a string"));
    }
    let d = new_dialect(base, kw)?;
    dict::set_item(&registry(), name.clone(), d)?;
    Ok(none::none())
}

fn f_unregister_dialect(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    super::itertools::exact_args("unregister_dialect", args, kw, 1)?;
    if dict::get_item(&registry(), &args[0])?.is_none() {
        return Err(error("unknown dialect"));
    }
    protocol::delitem(&registry(), &args[0])?;
    Ok(none::none())
}

fn f_get_dialect(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    super::itertools::exact_args("get_dialect", args, kw, 1)?;
    get_dialect(&args[0])
}

fn f_list_dialects(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    super::itertools::exact_args("list_dialects", args, kw, 0)?;
    Ok(list::new(dict::items(&registry()).into_iter().map(|(k, _)| k).collect()))
}

fn f_field_size_limit(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let a = crate::types::int::bind_args("field_size_limit", args, kw, &["new_limit"], 0, 1, 0)?;
    let old = STATE.with(|s| s.borrow().field_limit);
    if let Some(n) = &a[0] {
        if !int::is_int(n) {
            return Err(type_error("limit must be an integer"));
        }
        let v = int::to_i64(n).ok_or_else(|| crate::errors::overflow_error("Python int too large to convert to C long"))?;
        STATE.with(|s| s.borrow_mut().field_limit = v);
    }
    Ok(int::from_i64(old))
}

/// The dialect for `reader`/`writer`: the optional second positional argument
/// (default "excel") with keyword overrides.
fn dialect_arg(args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    if args.len() > 2 {
        return Err(type_error(format!(" expected at most 2 arguments, got {}", args.len())));
    }
    let base = args.get(1).cloned().or_else(|| kw.get("dialect").cloned());
    let (names, values): (Vec<Obj>, Vec<Obj>) =
        kw.iter().filter(|(k, _)| pystr::as_str(k) != Some("dialect")).map(|(k, v)| (k.clone(), v.clone())).unzip();
    let base = match base {
        Some(b) => b,
        None => pystr::new("excel"),
    };
    new_dialect(Some(&base), &KwArgs { names: &names, values: &values })
}

// ===================== reader =====================

#[derive(Clone, Copy, PartialEq)]
enum St {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

#[repr(C)]
struct Reader {
    head: ObjHeader,
    input: Obj,
    dialect: Obj,
    line_num: i64,
}

/// The parse of one record (kept out of the payload: Python code runs between lines).
struct Parse<'a> {
    p: &'a Params,
    state: St,
    field: String,
    field_len: usize,
    numeric: bool,
    fields: Vec<Obj>,
    limit: i64,
}

impl Parse<'_> {
    fn add_char(&mut self, c: char) -> PyResult<()> {
        if self.field_len as i64 >= self.limit {
            return Err(error(format!("field larger than field limit ({})", self.limit)));
        }
        self.field.push(c);
        self.field_len += 1;
        Ok(())
    }

    fn save_field(&mut self) -> PyResult<()> {
        let text = std::mem::take(&mut self.field);
        self.field_len = 0;
        let s = pystr::from_string(text);
        let v = if std::mem::take(&mut self.numeric) { protocol::call(&float_type(), &[s])? } else { s };
        self.fields.push(v);
        Ok(())
    }

    fn end_of(&mut self, eol: bool) -> PyResult<()> {
        self.save_field()?;
        self.state = if eol { St::StartRecord } else { St::EatCrnl };
        Ok(())
    }

    /// One character of input; `None` is the end of a line.
    fn feed(&mut self, c: Option<char>) -> PyResult<()> {
        let p = self.p;
        let is = |x: Option<char>| c.is_some() && c == x;
        let newline = matches!(c, Some('\n' | '\r'));
        match self.state {
            St::StartRecord => {
                if c.is_none() {
                    return Ok(());
                }
                if newline {
                    self.state = St::EatCrnl;
                    return Ok(());
                }
                self.state = St::StartField;
                self.start_field(c)
            }
            St::StartField => self.start_field(c),
            St::EscapedChar => {
                if newline {
                    self.add_char(c.unwrap())?;
                    self.state = St::AfterEscapedCrnl;
                    return Ok(());
                }
                self.add_char(c.unwrap_or('\n'))?;
                self.state = St::InField;
                Ok(())
            }
            St::AfterEscapedCrnl => {
                if c.is_none() {
                    return Ok(());
                }
                self.state = St::InField;
                self.in_field(c)
            }
            St::InField => self.in_field(c),
            St::InQuotedField => {
                if c.is_none() {
                    Ok(())
                } else if is(p.escapechar) {
                    self.state = St::EscapeInQuotedField;
                    Ok(())
                } else if is(p.quotechar) && p.quoting != QUOTE_NONE {
                    self.state = if p.doublequote { St::QuoteInQuotedField } else { St::InField };
                    Ok(())
                } else {
                    self.add_char(c.unwrap())
                }
            }
            St::EscapeInQuotedField => {
                self.add_char(c.unwrap_or('\n'))?;
                self.state = St::InQuotedField;
                Ok(())
            }
            St::QuoteInQuotedField => {
                if p.quoting != QUOTE_NONE && is(p.quotechar) {
                    self.state = St::InQuotedField;
                    self.add_char(c.unwrap())
                } else if is(Some(p.delimiter)) {
                    self.save_field()?;
                    self.state = St::StartField;
                    Ok(())
                } else if newline || c.is_none() {
                    self.end_of(c.is_none())
                } else if !p.strict {
                    self.state = St::InField;
                    self.add_char(c.unwrap())
                } else {
                    Err(error(format!("'{}' expected after '{}'", p.delimiter, p.quotechar.unwrap_or('"'))))
                }
            }
            St::EatCrnl => {
                if newline {
                    Ok(())
                } else if c.is_none() {
                    self.state = St::StartRecord;
                    Ok(())
                } else {
                    Err(error(
                        "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
                    ))
                }
            }
        }
    }

    fn start_field(&mut self, c: Option<char>) -> PyResult<()> {
        let p = self.p;
        let is = |x: Option<char>| c.is_some() && c == x;
        if c.is_none() || matches!(c, Some('\n' | '\r')) {
            self.end_of(c.is_none())
        } else if is(p.quotechar) && p.quoting != QUOTE_NONE {
            self.state = St::InQuotedField;
            Ok(())
        } else if is(p.escapechar) {
            self.state = St::EscapedChar;
            Ok(())
        } else if c == Some(' ') && p.skipinitialspace {
            Ok(())
        } else if c == Some(p.delimiter) {
            self.save_field()
        } else {
            self.numeric = p.quoting == QUOTE_NONNUMERIC;
            self.state = St::InField;
            self.add_char(c.unwrap())
        }
    }

    fn in_field(&mut self, c: Option<char>) -> PyResult<()> {
        let p = self.p;
        if c.is_none() || matches!(c, Some('\n' | '\r')) {
            self.end_of(c.is_none())
        } else if c.is_some() && c == p.escapechar {
            self.state = St::EscapedChar;
            Ok(())
        } else if c == Some(p.delimiter) {
            self.save_field()?;
            self.state = St::StartField;
            Ok(())
        } else {
            self.add_char(c.unwrap())
        }
    }
}

fn float_type() -> Obj {
    crate::types::types().float.as_obj()
}

#[allow(clippy::mut_from_ref)]
fn rd(o: &Obj) -> &mut Reader {
    unsafe { o.payload_mut::<Reader>() }
}

fn reader_next(o: &Obj) -> PyResult<Option<Obj>> {
    let (input, dialect) = (rd(o).input.clone(), rd(o).dialect.clone());
    let p = params(&dialect).clone();
    let limit = STATE.with(|s| s.borrow().field_limit);
    let mut ps = Parse { p: &p, state: St::StartRecord, field: String::new(), field_len: 0, numeric: false, fields: Vec::new(), limit };
    loop {
        let Some(line) = protocol::next(&input)? else {
            if ps.field_len != 0 || ps.state == St::InQuotedField {
                if p.strict {
                    return Err(error("unexpected end of data"));
                }
                ps.save_field()?;
                break;
            }
            return Ok(None);
        };
        let Some(text) = pystr::as_str(&line) else {
            return Err(error(format!(
                "iterator should return strings, not {} (the file should be opened in text mode)",
                line.type_name()
            )));
        };
        rd(o).line_num += 1;
        for c in text.chars() {
            ps.feed(Some(c))?;
        }
        ps.feed(None)?;
        if ps.state == St::StartRecord {
            break;
        }
    }
    Ok(Some(list::new(ps.fields)))
}

fn f_reader(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let Some(src) = args.first() else {
        return Err(type_error(" expected at least 1 argument, got 0"));
    };
    let input = protocol::iter(src)?;
    let dialect = dialect_arg(args, kw)?;
    let ty = READER.get(|| module_type("_csv", reader_spec()));
    Ok(alloc(ty, Reader { head: header(), input, dialect, line_num: 0 }))
}

fn r_dialect(o: &Obj) -> PyResult<Obj> {
    Ok(rd(o).dialect.clone())
}
fn r_line_num(o: &Obj) -> PyResult<Obj> {
    Ok(int::from_i64(rd(o).line_num))
}

fn reader_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&rd(o).input);
    visit(&rd(o).dialect);
}

fn reader_spec() -> TypeSpec {
    let mut s = TypeSpec::new("reader", std::mem::size_of::<Reader>(), drop_as::<Reader>);
    s.final_ = true;
    s.slots.iter = Some(|o| Ok(o.clone()));
    s.slots.next = Some(reader_next);
    s.slots.traverse = Some(reader_traverse);
    s.methods = vec![MethodDef::Getter { name: "dialect", get: r_dialect }, MethodDef::Getter { name: "line_num", get: r_line_num }];
    s
}

// ===================== writer =====================

#[repr(C)]
struct Writer {
    head: ObjHeader,
    write: Obj,
    dialect: Obj,
}

fn wr(o: &Obj) -> &Writer {
    unsafe { o.payload::<Writer>() }
}

fn f_writer(_m: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let Some(dest) = args.first() else {
        return Err(type_error(" expected at least 1 argument, got 0"));
    };
    let write = match protocol::getattr_opt(dest, &pystr::intern("write"))? {
        Some(w) if w.ty().slots().call.is_some() => w,
        _ => return Err(type_error("argument 1 must have a \"write\" method")),
    };
    let dialect = dialect_arg(args, kw)?;
    let ty = WRITER.get(|| module_type("_csv", writer_spec()));
    Ok(alloc(ty, Writer { head: header(), write, dialect }))
}

/// Appends one field to `out`, quoting/escaping per the dialect.
fn join_field(out: &mut String, p: &Params, field: &str, mut quoted: bool) -> PyResult<()> {
    let mut body = String::with_capacity(field.len());
    for c in field.chars() {
        let special = c == p.delimiter
            || Some(c) == p.escapechar
            || Some(c) == p.quotechar
            || p.lineterminator.contains(c);
        if special {
            let mut want_escape = p.quoting == QUOTE_NONE;
            if !want_escape {
                if Some(c) == p.quotechar {
                    if p.doublequote {
                        body.push(c);
                    } else {
                        want_escape = true;
                    }
                } else if Some(c) == p.escapechar {
                    want_escape = true;
                }
                if !want_escape {
                    quoted = true;
                }
            }
            if want_escape {
                let Some(e) = p.escapechar else { return Err(error("need to escape, but no escapechar set")) };
                body.push(e);
            }
        }
        body.push(c);
    }
    let q = if quoted { p.quotechar } else { None };
    out.extend(q);
    out.push_str(&body);
    out.extend(q);
    Ok(())
}

fn is_number(v: &Obj) -> bool {
    int::is_int(v) || float::is_float(v) || v.isinstance(crate::types::types().complex)
}

fn w_writerow(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    super::itertools::exact_args("writerow", args, kw, 1)?;
    let (write, dialect) = (wr(s).write.clone(), wr(s).dialect.clone());
    let p = params(&dialect).clone();
    let it = protocol::iter(&args[0]).map_err(|e| {
        if e.matches(crate::types::exceptions::exc().type_error) {
            error(format!("iterable expected, not {}", args[0].type_name()))
        } else {
            e
        }
    })?;
    let (mut line, mut n) = (String::new(), 0usize);
    while let Some(v) = protocol::next(&it)? {
        if n > 0 {
            line.push(p.delimiter);
        }
        n += 1;
        let quoted = match p.quoting {
            QUOTE_ALL => true,
            QUOTE_NONNUMERIC => !is_number(&v),
            _ => false,
        };
        let text = if none::is_none(&v) { String::new() } else { protocol::str_string(&v)? };
        join_field(&mut line, &p, &text, quoted)?;
    }
    if n == 1 && line.is_empty() {
        if p.quoting == QUOTE_NONE {
            return Err(error("single empty field record must be quoted"));
        }
        line.extend([p.quotechar, p.quotechar].into_iter().flatten());
    }
    line.push_str(&p.lineterminator);
    protocol::call(&write, &[pystr::from_string(line)])
}

fn w_writerows(s: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    super::itertools::exact_args("writerows", args, kw, 1)?;
    let it = protocol::iter(&args[0])?;
    while let Some(row) = protocol::next(&it)? {
        w_writerow(s, &[row], &KwArgs::EMPTY)?;
    }
    Ok(none::none())
}

fn w_dialect(o: &Obj) -> PyResult<Obj> {
    Ok(wr(o).dialect.clone())
}

fn writer_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    visit(&wr(o).write);
    visit(&wr(o).dialect);
}

fn writer_spec() -> TypeSpec {
    let mut s = TypeSpec::new("writer", std::mem::size_of::<Writer>(), drop_as::<Writer>);
    s.final_ = true;
    s.slots.traverse = Some(writer_traverse);
    use MethodDef::{Getter as G, MethodKw as K};
    s.methods = vec![
        K { name: "writerow", func: w_writerow },
        K { name: "writerows", func: w_writerows },
        G { name: "dialect", get: w_dialect },
    ];
    s
}

/// Creates the `_csv` module.
pub fn create() -> PyResult<Obj> {
    let m = module::new("_csv");
    let d = module::dict(&m);
    let err = cached_exception_class("_csv", "Error", crate::types::exceptions::exc().exception)?;
    STATE.with(|s| s.borrow_mut().error = Some(err.clone()));
    dict::set_item_str(&d, "Error", err);
    dict::set_item_str(&d, "Dialect", dialect_type().as_obj());
    dict::set_item_str(&d, "__version__", pystr::new("1.0"));
    dict::set_item_str(&d, "__doc__", pystr::new("CSV parsing and writing."));
    for (name, v) in [("QUOTE_MINIMAL", QUOTE_MINIMAL), ("QUOTE_ALL", QUOTE_ALL), ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC), ("QUOTE_NONE", QUOTE_NONE)] {
        dict::set_item_str(&d, name, int::from_i64(v));
    }
    let fns: &[(&'static str, CallFn)] = &[
        ("reader", f_reader), ("writer", f_writer), ("register_dialect", f_register_dialect),
        ("unregister_dialect", f_unregister_dialect), ("get_dialect", f_get_dialect), ("list_dialects", f_list_dialects),
        ("field_size_limit", f_field_size_limit),
    ];
    for (name, f) in fns {
        dict::set_item_str(&d, name, new_builtin_in("_csv", name, *f));
    }
    Ok(m)
}
