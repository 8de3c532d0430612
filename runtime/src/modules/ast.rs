//! The native `_ast` module: CPython 3.11's AST node classes (the `AST` base, the abstract
//! sum types `mod`/`stmt`/`expr`/..., every constructor class) with their `_fields`,
//! `_attributes`, `__match_args__`, docstrings, optional fields defaulting to None on the
//! class, the `AST` constructor rules and `__reduce__`, plus the `PyCF_*` flags.
//!
//! The node classes are described once, below, in the ASDL notation CPython documents
//! them with (`Name(identifier id, expr_context ctx)`): the signature gives the field
//! names, `?` marks an optional field (class attribute None), `*` a list. The classes are
//! created once per process (`node_class`) and shared by the module and by the converter
//! that turns a parsed tree into these objects (`ast_convert.rs`, `compile(...,
//! PyCF_ONLY_AST)`).

use std::cell::RefCell;

use crate::errors::type_error;
use crate::gil::GilCell;
use crate::object::{header, Obj, ObjHeader, PyResult};
use crate::protocol;
use crate::types::typeobj::{as_type, drop_as, KwArgs, MethodDef, TypeObject};
use crate::types::{dict, int, module, none, str as pystr, tuple, types, TypeSpec};

pub const PYCF_ONLY_AST: i64 = 0x400;
pub const PYCF_TYPE_COMMENTS: i64 = 0x1000;
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

/// Location attributes of statements, expressions, handlers, arguments, keywords, aliases.
const LOC_ATTRS: &str = "int lineno, int col_offset, int? end_lineno, int? end_col_offset";
/// Patterns always carry their end position.
const PATTERN_ATTRS: &str = "int lineno, int col_offset, int end_lineno, int end_col_offset";

/// A type of the grammar: a sum of constructors (`stmt`, `operator`) or a product
/// (`arguments`, `arg`), with the attributes its instances carry.
enum Def {
    Sum(&'static str, &'static [&'static str], &'static str),
    Product(&'static str, &'static str),
}

const GRAMMAR: &[Def] = &[
    Def::Sum("mod", &[
        "Module(stmt* body, type_ignore* type_ignores)",
        "Interactive(stmt* body)",
        "Expression(expr body)",
        "FunctionType(expr* argtypes, expr returns)",
    ], ""),
    Def::Sum("stmt", &[
        "FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)",
        "AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)",
        "ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)",
        "Return(expr? value)",
        "Delete(expr* targets)",
        "Assign(expr* targets, expr value, string? type_comment)",
        "AugAssign(expr target, operator op, expr value)",
        "AnnAssign(expr target, expr annotation, expr? value, int simple)",
        "For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)",
        "AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)",
        "While(expr test, stmt* body, stmt* orelse)",
        "If(expr test, stmt* body, stmt* orelse)",
        "With(withitem* items, stmt* body, string? type_comment)",
        "AsyncWith(withitem* items, stmt* body, string? type_comment)",
        "Match(expr subject, match_case* cases)",
        "Raise(expr? exc, expr? cause)",
        "Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)",
        "TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)",
        "Assert(expr test, expr? msg)",
        "Import(alias* names)",
        "ImportFrom(identifier? module, alias* names, int? level)",
        "Global(identifier* names)",
        "Nonlocal(identifier* names)",
        "Expr(expr value)",
        "Pass",
        "Break",
        "Continue",
    ], LOC_ATTRS),
    Def::Sum("expr", &[
        "BoolOp(boolop op, expr* values)",
        "NamedExpr(expr target, expr value)",
        "BinOp(expr left, operator op, expr right)",
        "UnaryOp(unaryop op, expr operand)",
        "Lambda(arguments args, expr body)",
        "IfExp(expr test, expr body, expr orelse)",
        "Dict(expr* keys, expr* values)",
        "Set(expr* elts)",
        "ListComp(expr elt, comprehension* generators)",
        "SetComp(expr elt, comprehension* generators)",
        "DictComp(expr key, expr value, comprehension* generators)",
        "GeneratorExp(expr elt, comprehension* generators)",
        "Await(expr value)",
        "Yield(expr? value)",
        "YieldFrom(expr value)",
        "Compare(expr left, cmpop* ops, expr* comparators)",
        "Call(expr func, expr* args, keyword* keywords)",
        "FormattedValue(expr value, int conversion, expr? format_spec)",
        "JoinedStr(expr* values)",
        "Constant(constant value, string? kind)",
        "Attribute(expr value, identifier attr, expr_context ctx)",
        "Subscript(expr value, expr slice, expr_context ctx)",
        "Starred(expr value, expr_context ctx)",
        "Name(identifier id, expr_context ctx)",
        "List(expr* elts, expr_context ctx)",
        "Tuple(expr* elts, expr_context ctx)",
        "Slice(expr? lower, expr? upper, expr? step)",
    ], LOC_ATTRS),
    Def::Sum("expr_context", &["Load", "Store", "Del"], ""),
    Def::Sum("boolop", &["And", "Or"], ""),
    Def::Sum("operator", &[
        "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv",
    ], ""),
    Def::Sum("unaryop", &["Invert", "Not", "UAdd", "USub"], ""),
    Def::Sum("cmpop", &["Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"], ""),
    Def::Product("comprehension(expr target, expr iter, expr* ifs, int is_async)", ""),
    Def::Sum("excepthandler", &["ExceptHandler(expr? type, identifier? name, stmt* body)"], LOC_ATTRS),
    Def::Product(
        "arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)",
        "",
    ),
    Def::Product("arg(identifier arg, expr? annotation, string? type_comment)", LOC_ATTRS),
    Def::Product("keyword(identifier? arg, expr value)", LOC_ATTRS),
    Def::Product("alias(identifier name, identifier? asname)", LOC_ATTRS),
    Def::Product("withitem(expr context_expr, expr? optional_vars)", ""),
    Def::Product("match_case(pattern pattern, expr? guard, stmt* body)", ""),
    Def::Sum("pattern", &[
        "MatchValue(expr value)",
        "MatchSingleton(constant value)",
        "MatchSequence(pattern* patterns)",
        "MatchMapping(expr* keys, pattern* patterns, identifier? rest)",
        "MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)",
        "MatchStar(identifier? name)",
        "MatchAs(pattern? pattern, identifier? name)",
        "MatchOr(pattern* patterns)",
    ], PATTERN_ATTRS),
    Def::Sum("type_ignore", &["TypeIgnore(int lineno, string tag)"], ""),
];

/// A parsed signature: the class name and its fields as (name, optional).
struct Sig<'a> {
    name: &'a str,
    fields: Vec<(&'a str, bool)>,
}

/// Parses `Name(type a, type? b, type* c)` (or a bare `Name`).
fn parse_sig(sig: &str) -> Sig<'_> {
    let Some(open) = sig.find('(') else {
        return Sig { name: sig, fields: Vec::new() };
    };
    Sig { name: &sig[..open], fields: parse_fields(&sig[open + 1..sig.len() - 1]) }
}

/// `"int lineno, int? end_lineno"` → [("lineno", false), ("end_lineno", true)].
fn parse_fields(list: &str) -> Vec<(&str, bool)> {
    list.split(", ")
        .filter(|f| !f.is_empty())
        .map(|f| {
            let (ty, name) = f.split_once(' ').unwrap_or(("", f));
            (name, ty.ends_with('?'))
        })
        .collect()
}

// ===================== the AST base type =====================

#[repr(C)]
struct AstObj {
    head: ObjHeader,
}

static AST_TYPE: GilCell<RefCell<Option<&'static TypeObject>>> = GilCell::new(RefCell::new(None));

fn ast_new(cls: &Obj, _args: &[Obj], _kw: &KwArgs) -> PyResult<Obj> {
    Ok(crate::object::alloc(as_type(cls), AstObj { head: header() }))
}

/// CPython's rule: positional arguments fill `_fields` in order, keywords set any
/// attribute; a field may not be given both ways. Missing fields stay unset.
fn ast_init(slf: &Obj, args: &[Obj], kw: &KwArgs) -> PyResult<Obj> {
    let fields = match protocol::getattr_str(&slf.ty().as_obj(), "_fields") {
        Ok(f) => protocol::collect(&f)?,
        Err(_) => Vec::new(),
    };
    let name = slf.ty().name().to_string();
    if args.len() > fields.len() {
        let s = if fields.len() == 1 { "" } else { "s" };
        return Err(type_error(format!("{} constructor takes at most {} positional argument{}", name, fields.len(), s)));
    }
    for (f, v) in fields.iter().zip(args) {
        protocol::setattr(slf, f, v)?;
    }
    for (k, v) in kw.iter() {
        for f in &fields[..args.len()] {
            if protocol::eq(f, k)? {
                let key = pystr::as_str(k).unwrap_or("");
                return Err(type_error(format!("{} got multiple values for argument '{}'", name, key)));
            }
        }
        protocol::setattr(slf, k, v)?;
    }
    Ok(none::none())
}

fn ast_reduce(a: &[Obj]) -> PyResult<Obj> {
    let slf = &a[0];
    let d = crate::types::object::instance_dict_or_create(slf);
    let cls = slf.ty().as_obj();
    Ok(match d {
        Some(d) => tuple::new(vec![cls, tuple::new(vec![]), d]),
        None => tuple::new(vec![cls, tuple::new(vec![])]),
    })
}

/// Only for exact `AST` instances: the collector already visits (and clears) the
/// attributes of node-class instances (heap types), so visiting their dict here too
/// would count its reference twice.
fn ast_traverse(o: &Obj, visit: &mut dyn FnMut(&Obj)) {
    if o.ty().is_heap_type() {
        return;
    }
    if let Some(Some(d)) = crate::object::dict_slot(o) {
        visit(d);
    }
}

fn ast_clear(o: &Obj) {
    if o.ty().is_heap_type() {
        return;
    }
    let old = crate::object::dict_slot(o).and_then(|d| d.take());
    drop(old);
}

fn ast_type() -> &'static TypeObject {
    if let Some(t) = AST_TYPE.with(|c| *c.borrow()) {
        return t;
    }
    let mut s = TypeSpec::new("AST", std::mem::size_of::<AstObj>(), drop_as::<AstObj>);
    s.has_dict = true;
    s.slots.new = Some(ast_new);
    s.slots.init = Some(ast_init);
    s.slots.traverse = Some(ast_traverse);
    s.slots.clear = Some(ast_clear);
    s.methods = vec![
        MethodDef::Method { name: "__reduce__", func: ast_reduce, min: 1, max: 1 },
        MethodDef::Attr { name: "_fields", value: || tuple::new(vec![]) },
        MethodDef::Attr { name: "_attributes", value: || tuple::new(vec![]) },
        MethodDef::Attr { name: "__match_args__", value: || tuple::new(vec![]) },
    ];
    let t = super::itertools::module_type("ast", s);
    AST_TYPE.with(|c| *c.borrow_mut() = Some(t));
    t
}

// ===================== the node classes =====================

/// Every class by name, in definition order (the module's namespace), created once.
static CLASSES: GilCell<RefCell<Vec<(&'static str, Obj)>>> = GilCell::new(RefCell::new(Vec::new()));

/// Leak check at exit (`modules/gc.rs`): drops the classes, which the program's `ast`
/// module extends (properties on `Constant`, ...); a later `node_class` rebuilds them.
pub fn clear_at_exit() {
    drop(CLASSES.with(|c| std::mem::take(&mut *c.borrow_mut())));
}

fn names_tuple(fields: &[(&str, bool)]) -> Obj {
    tuple::new(fields.iter().map(|(n, _)| pystr::intern(n)).collect())
}

/// Creates one class with `type(name, (base,), namespace)`.
fn make_class(name: &str, base: &Obj, fields: &[(&str, bool)], attrs: Option<&[(&str, bool)]>, doc: &str) -> PyResult<Obj> {
    let ns = dict::new();
    dict::set_item_str(&ns, "_fields", names_tuple(fields));
    dict::set_item_str(&ns, "__match_args__", names_tuple(fields));
    dict::set_item_str(&ns, "__module__", pystr::intern("ast"));
    dict::set_item_str(&ns, "__doc__", pystr::new(doc));
    let optional = fields.iter().chain(attrs.unwrap_or(&[]).iter());
    if let Some(a) = attrs {
        dict::set_item_str(&ns, "_attributes", names_tuple(a));
    }
    for (n, opt) in optional {
        if *opt {
            dict::set_item_str(&ns, n, none::none());
        }
    }
    let bases = tuple::new(vec![base.clone()]);
    protocol::call(&types().type_.as_obj(), &[pystr::new(name), bases, ns])
}

/// The doc of a sum type: `expr = BoolOp(...)\n     | ...`, or one line when every
/// constructor is a bare name (`expr_context = Load | Store | Del`).
fn sum_doc(name: &str, ctors: &[&str]) -> String {
    let sep = if ctors.iter().any(|c| c.contains('(')) { format!("\n{}| ", " ".repeat(name.len() + 1)) } else { " | ".to_string() };
    format!("{} = {}", name, ctors.join(&sep))
}

fn build_classes() -> PyResult<Vec<(&'static str, Obj)>> {
    let ast = ast_type().as_obj();
    let mut out: Vec<(&'static str, Obj)> = vec![("AST", ast.clone())];
    for def in GRAMMAR {
        match def {
            Def::Sum(name, ctors, attrs) => {
                let attrs = parse_fields(attrs);
                let base = make_class(name, &ast, &[], Some(&attrs), &sum_doc(name, ctors))?;
                out.push((name, base.clone()));
                for c in ctors.iter() {
                    let sig = parse_sig(c);
                    out.push((sig.name, make_class(sig.name, &base, &sig.fields, None, c)?));
                }
            }
            Def::Product(sig_text, attrs) => {
                let sig = parse_sig(sig_text);
                let attrs = parse_fields(attrs);
                out.push((sig.name, make_class(sig.name, &ast, &sig.fields, Some(&attrs), sig_text)?));
            }
        }
    }
    Ok(out)
}

fn ensure_classes() -> PyResult<()> {
    if CLASSES.with(|c| !c.borrow().is_empty()) {
        return Ok(());
    }
    let built = build_classes()?;
    CLASSES.with(|c| *c.borrow_mut() = built);
    Ok(())
}

/// The node class `name` (e.g. "Name", "expr", "AST").
pub fn node_class(name: &str) -> PyResult<Obj> {
    ensure_classes()?;
    CLASSES
        .with(|c| c.borrow().iter().find(|(n, _)| *n == name).map(|(_, o)| o.clone()))
        .ok_or_else(|| crate::errors::new_error(crate::types::exceptions::exc().system_error, format!("_ast has no node class {}", name)))
}

/// Whether `o` is an instance of `ast.AST` (compile() accepts such a tree as source).
pub fn is_ast(o: &Obj) -> bool {
    !o.is_small_int() && o.isinstance(ast_type())
}

/// Creates the `_ast` module.
pub fn create() -> PyResult<Obj> {
    ensure_classes()?;
    let m = module::new("_ast");
    let d = module::dict(&m);
    CLASSES.with(|c| {
        for (n, cls) in c.borrow().iter() {
            dict::set_item_str(&d, n, cls.clone());
        }
    });
    for (n, v) in [
        ("PyCF_ONLY_AST", PYCF_ONLY_AST),
        ("PyCF_TYPE_COMMENTS", PYCF_TYPE_COMMENTS),
        ("PyCF_ALLOW_TOP_LEVEL_AWAIT", PYCF_ALLOW_TOP_LEVEL_AWAIT),
    ] {
        dict::set_item_str(&d, n, int::from_i64(v));
    }
    Ok(m)
}
