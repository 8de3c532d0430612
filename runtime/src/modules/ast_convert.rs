//! `compile(..., PyCF_ONLY_AST)`: parses source with the embedded frontend (ruff's parser)
//! and converts ruff's tree into CPython 3.11's `_ast` node objects (`ast.rs`).
//!
//! Where ruff's tree differs from CPython's the converter reshapes it: `elif` chains
//! become nested `If`s, parameters with defaults split into `args`/`defaults`,
//! f-strings become `JoinedStr`/`FormattedValue` with 3.11's quirk of giving every
//! piece the location of the whole f-string, literals become `Constant`, and a decorated
//! `def`/`class` starts at its keyword rather than at its first decorator. Locations are
//! 1-based lines and UTF-8 byte columns, as CPython reports them.

use std::collections::HashMap;

use pyc_frontend::fstring::{fstring_pieces, spec_pieces, Piece};
use pyc_frontend::parse::{self, LineIndex};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::ast::node_class;
use crate::object::{Obj, PyResult};
use crate::protocol;
use crate::types::{bytes, complex, float, int, list, none, str as pystr, types};

/// The source text's top-level node kind, chosen by compile()'s mode.
#[derive(Clone, Copy)]
pub enum AstMode {
    Exec,
    Eval,
    Single,
}

/// Parses `src` and returns the `_ast` tree (Module, Expression or Interactive).
pub fn parse_to_ast(src: &str, mode: AstMode) -> Result<PyResult<Obj>, pyc_frontend::CompileError> {
    let mut c = Conv::new(src);
    Ok(match mode {
        AstMode::Eval => {
            let e = parse::parse_expression(src)?;
            c.expr(&e.body).and_then(|b| c.node("Expression", vec![("body", b)], None))
        }
        AstMode::Exec | AstMode::Single => {
            let m = parse::parse_module(src)?;
            let kind = if matches!(mode, AstMode::Exec) { "Module" } else { "Interactive" };
            c.module(kind, &m.body)
        }
    })
}

type Fields = Vec<(&'static str, Obj)>;

struct Conv<'s> {
    src: &'s str,
    idx: LineIndex,
    classes: HashMap<&'static str, Obj>,
    /// One shared instance per context/operator class, as CPython's parser produces.
    singletons: HashMap<&'static str, Obj>,
}

fn s(text: &str) -> Obj {
    pystr::new(text)
}

fn opt(o: Option<Obj>) -> Obj {
    o.unwrap_or_else(none::none)
}

impl<'s> Conv<'s> {
    fn new(src: &'s str) -> Self {
        Conv { src, idx: LineIndex::new(src), classes: HashMap::new(), singletons: HashMap::new() }
    }

    fn class(&mut self, name: &'static str) -> PyResult<Obj> {
        if let Some(c) = self.classes.get(name) {
            return Ok(c.clone());
        }
        let c = node_class(name)?;
        self.classes.insert(name, c.clone());
        Ok(c)
    }

    /// An instance of `name` with `fields`, then the location attributes of `range`.
    fn node(&mut self, name: &'static str, fields: Fields, range: Option<TextRange>) -> PyResult<Obj> {
        let inst = protocol::call(&self.class(name)?, &[])?;
        for (k, v) in fields {
            protocol::setattr(&inst, &pystr::intern(k), &v)?;
        }
        if let Some(r) = range {
            self.locate(&inst, r.start().to_usize(), r.end().to_usize())?;
        }
        Ok(inst)
    }

    fn locate(&self, inst: &Obj, start: usize, end: usize) -> PyResult<()> {
        let (l, c) = self.idx.line_col(start.min(self.src.len()));
        let (el, ec) = self.idx.line_col(end.min(self.src.len()));
        for (k, v) in [("lineno", l), ("col_offset", c), ("end_lineno", el), ("end_col_offset", ec)] {
            protocol::setattr(inst, &pystr::intern(k), &int::from_i64(v as i64))?;
        }
        Ok(())
    }

    fn singleton(&mut self, name: &'static str) -> PyResult<Obj> {
        if let Some(o) = self.singletons.get(name) {
            return Ok(o.clone());
        }
        let o = self.node(name, vec![], None)?;
        self.singletons.insert(name, o.clone());
        Ok(o)
    }

    fn module(&mut self, kind: &'static str, body: &[Stmt]) -> PyResult<Obj> {
        let mut fields = vec![("body", self.stmts(body)?)];
        if kind == "Module" {
            fields.push(("type_ignores", list::new(vec![])));
        }
        self.node(kind, fields, None)
    }

    // ------------------------------------------------------------ lists

    fn stmts(&mut self, body: &[Stmt]) -> PyResult<Obj> {
        let v = body.iter().map(|st| self.stmt(st)).collect::<PyResult<Vec<_>>>()?;
        Ok(list::new(v))
    }

    fn exprs<'e>(&mut self, es: impl IntoIterator<Item = &'e Expr>) -> PyResult<Obj> {
        let v = es.into_iter().map(|e| self.expr(e)).collect::<PyResult<Vec<_>>>()?;
        Ok(list::new(v))
    }

    fn opt_expr(&mut self, e: Option<&Expr>) -> PyResult<Obj> {
        Ok(opt(e.map(|e| self.expr(e)).transpose()?))
    }

    fn names<'i>(&self, ids: impl IntoIterator<Item = &'i ast::Identifier>) -> Obj {
        list::new(ids.into_iter().map(|i| s(i.id.as_str())).collect())
    }

    fn opt_name(&self, id: Option<&ast::Identifier>) -> Obj {
        opt(id.map(|i| s(i.id.as_str())))
    }

    // ------------------------------------------------------------ statements

    fn stmt(&mut self, st: &Stmt) -> PyResult<Obj> {
        let r = Some(st.range());
        match st {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(x) => {
                let v = self.opt_expr(x.value.as_deref())?;
                self.node("Return", vec![("value", v)], r)
            }
            Stmt::Delete(x) => {
                let t = self.exprs(&x.targets)?;
                self.node("Delete", vec![("targets", t)], r)
            }
            Stmt::Assign(x) => {
                let t = self.exprs(&x.targets)?;
                let v = self.expr(&x.value)?;
                self.node("Assign", vec![("targets", t), ("value", v), ("type_comment", none::none())], r)
            }
            Stmt::AugAssign(x) => {
                let t = self.expr(&x.target)?;
                let op = self.singleton(operator_name(x.op))?;
                let v = self.expr(&x.value)?;
                self.node("AugAssign", vec![("target", t), ("op", op), ("value", v)], r)
            }
            Stmt::AnnAssign(x) => {
                let t = self.expr(&x.target)?;
                let a = self.expr(&x.annotation)?;
                let v = self.opt_expr(x.value.as_deref())?;
                let simple = int::from_i64(x.simple as i64);
                self.node("AnnAssign", vec![("target", t), ("annotation", a), ("value", v), ("simple", simple)], r)
            }
            Stmt::For(x) => {
                let t = self.expr(&x.target)?;
                let it = self.expr(&x.iter)?;
                let body = self.stmts(&x.body)?;
                let orelse = self.stmts(&x.orelse)?;
                let name = if x.is_async { "AsyncFor" } else { "For" };
                let f = vec![("target", t), ("iter", it), ("body", body), ("orelse", orelse), ("type_comment", none::none())];
                self.node(name, f, r)
            }
            Stmt::While(x) => {
                let t = self.expr(&x.test)?;
                let body = self.stmts(&x.body)?;
                let orelse = self.stmts(&x.orelse)?;
                self.node("While", vec![("test", t), ("body", body), ("orelse", orelse)], r)
            }
            Stmt::If(x) => {
                let orelse = self.elif_chain(&x.elif_else_clauses)?;
                let t = self.expr(&x.test)?;
                let body = self.stmts(&x.body)?;
                self.node("If", vec![("test", t), ("body", body), ("orelse", orelse)], r)
            }
            Stmt::With(x) => {
                let mut items = Vec::new();
                for it in &x.items {
                    let ce = self.expr(&it.context_expr)?;
                    let ov = self.opt_expr(it.optional_vars.as_deref())?;
                    items.push(self.node("withitem", vec![("context_expr", ce), ("optional_vars", ov)], None)?);
                }
                let body = self.stmts(&x.body)?;
                let name = if x.is_async { "AsyncWith" } else { "With" };
                self.node(name, vec![("items", list::new(items)), ("body", body), ("type_comment", none::none())], r)
            }
            Stmt::Match(x) => {
                let subject = self.expr(&x.subject)?;
                let mut cases = Vec::new();
                for c in &x.cases {
                    let p = self.pattern(&c.pattern)?;
                    let g = self.opt_expr(c.guard.as_deref())?;
                    let body = self.stmts(&c.body)?;
                    cases.push(self.node("match_case", vec![("pattern", p), ("guard", g), ("body", body)], None)?);
                }
                self.node("Match", vec![("subject", subject), ("cases", list::new(cases))], r)
            }
            Stmt::Raise(x) => {
                let e = self.opt_expr(x.exc.as_deref())?;
                let c = self.opt_expr(x.cause.as_deref())?;
                self.node("Raise", vec![("exc", e), ("cause", c)], r)
            }
            Stmt::Try(x) => {
                let body = self.stmts(&x.body)?;
                let mut hs = Vec::new();
                for ast::ExceptHandler::ExceptHandler(h) in &x.handlers {
                    let t = self.opt_expr(h.type_.as_deref())?;
                    let n = self.opt_name(h.name.as_ref());
                    let b = self.stmts(&h.body)?;
                    hs.push(self.node("ExceptHandler", vec![("type", t), ("name", n), ("body", b)], Some(h.range))?);
                }
                let orelse = self.stmts(&x.orelse)?;
                let fin = self.stmts(&x.finalbody)?;
                let name = if x.is_star { "TryStar" } else { "Try" };
                self.node(name, vec![("body", body), ("handlers", list::new(hs)), ("orelse", orelse), ("finalbody", fin)], r)
            }
            Stmt::Assert(x) => {
                let t = self.expr(&x.test)?;
                let m = self.opt_expr(x.msg.as_deref())?;
                self.node("Assert", vec![("test", t), ("msg", m)], r)
            }
            Stmt::Import(x) => {
                let names = self.aliases(&x.names)?;
                self.node("Import", vec![("names", names)], r)
            }
            Stmt::ImportFrom(x) => {
                let m = self.opt_name(x.module.as_ref());
                let names = self.aliases(&x.names)?;
                let level = int::from_i64(x.level as i64);
                self.node("ImportFrom", vec![("module", m), ("names", names), ("level", level)], r)
            }
            Stmt::Global(x) => {
                let n = self.names(&x.names);
                self.node("Global", vec![("names", n)], r)
            }
            Stmt::Nonlocal(x) => {
                let n = self.names(&x.names);
                self.node("Nonlocal", vec![("names", n)], r)
            }
            Stmt::Expr(x) => {
                let v = self.expr(&x.value)?;
                self.node("Expr", vec![("value", v)], r)
            }
            Stmt::Pass(_) => self.node("Pass", vec![], r),
            Stmt::Break(_) => self.node("Break", vec![], r),
            Stmt::Continue(_) => self.node("Continue", vec![], r),
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => Err(crate::errors::new_error(
                crate::types::exceptions::exc().syntax_error,
                "invalid syntax",
            )),
        }
    }

    /// `elif`/`else` clauses → the `orelse` list: a nested `If` per `elif`, starting at
    /// its keyword and ending where the rest of the chain ends.
    fn elif_chain(&mut self, clauses: &[ast::ElifElseClause]) -> PyResult<Obj> {
        let Some((first, rest)) = clauses.split_first() else {
            return Ok(list::new(vec![]));
        };
        let Some(test) = &first.test else {
            return self.stmts(&first.body);
        };
        let orelse = self.elif_chain(rest)?;
        let t = self.expr(test)?;
        let body = self.stmts(&first.body)?;
        let end = clauses.last().map_or(first.range.end(), |c| c.range.end());
        let r = TextRange::new(first.range.start(), end);
        let n = self.node("If", vec![("test", t), ("body", body), ("orelse", orelse)], Some(r))?;
        Ok(list::new(vec![n]))
    }

    fn aliases(&mut self, names: &[ast::Alias]) -> PyResult<Obj> {
        let mut v = Vec::new();
        for a in names {
            let f = vec![("name", s(a.name.id.as_str())), ("asname", self.opt_name(a.asname.as_ref()))];
            v.push(self.node("alias", f, Some(a.range))?);
        }
        Ok(list::new(v))
    }

    /// A decorated definition's range starts at its `def`/`async`/`class` keyword.
    fn def_range(&self, range: TextRange, decorators: &[ast::Decorator]) -> TextRange {
        let Some(last) = decorators.last() else { return range };
        let b = self.src.as_bytes();
        let mut i = last.range.end().to_usize();
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\\' => i += 1,
                b'#' => {
                    while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        TextRange::new(ruff_text_size::TextSize::new(i as u32), range.end())
    }

    fn decorators(&mut self, ds: &[ast::Decorator]) -> PyResult<Obj> {
        self.exprs(ds.iter().map(|d| &d.expression))
    }

    fn function_def(&mut self, f: &ast::StmtFunctionDef) -> PyResult<Obj> {
        let args = self.arguments(Some(&f.parameters))?;
        let body = self.stmts(&f.body)?;
        let decos = self.decorators(&f.decorator_list)?;
        let returns = self.opt_expr(f.returns.as_deref())?;
        let name = if f.is_async { "AsyncFunctionDef" } else { "FunctionDef" };
        let fields = vec![
            ("name", s(f.name.id.as_str())),
            ("args", args),
            ("body", body),
            ("decorator_list", decos),
            ("returns", returns),
            ("type_comment", none::none()),
        ];
        let r = self.def_range(f.range, &f.decorator_list);
        self.node(name, fields, Some(r))
    }

    fn class_def(&mut self, c: &ast::StmtClassDef) -> PyResult<Obj> {
        let (bases, keywords) = match &c.arguments {
            Some(a) => (self.exprs(a.args.iter())?, self.keywords(&a.keywords)?),
            None => (list::new(vec![]), list::new(vec![])),
        };
        let body = self.stmts(&c.body)?;
        let decos = self.decorators(&c.decorator_list)?;
        let fields = vec![
            ("name", s(c.name.id.as_str())),
            ("bases", bases),
            ("keywords", keywords),
            ("body", body),
            ("decorator_list", decos),
        ];
        let r = self.def_range(c.range, &c.decorator_list);
        self.node("ClassDef", fields, Some(r))
    }

    /// An `arg` starts at its name (ruff's `*args`/`**kw` parameters include the stars).
    fn arg(&mut self, p: &ast::Parameter) -> PyResult<Obj> {
        let ann = self.opt_expr(p.annotation.as_deref())?;
        let f = vec![("arg", s(p.name.id.as_str())), ("annotation", ann), ("type_comment", none::none())];
        self.node("arg", f, Some(TextRange::new(p.name.range.start(), p.range.end())))
    }

    fn arguments(&mut self, ps: Option<&ast::Parameters>) -> PyResult<Obj> {
        let empty = ast::Parameters::default();
        let ps = ps.unwrap_or(&empty);
        let mut posonly = Vec::new();
        let mut args = Vec::new();
        let mut defaults = Vec::new();
        for (dst, src) in [(&mut posonly, &ps.posonlyargs), (&mut args, &ps.args)] {
            for p in src.iter() {
                dst.push(self.arg(&p.parameter)?);
                if let Some(d) = &p.default {
                    defaults.push(self.expr(d)?);
                }
            }
        }
        let vararg = ps.vararg.as_deref().map(|p| self.arg(p)).transpose()?;
        let mut kwonly = Vec::new();
        let mut kw_defaults = Vec::new();
        for p in ps.kwonlyargs.iter() {
            kwonly.push(self.arg(&p.parameter)?);
            kw_defaults.push(self.opt_expr(p.default.as_deref())?);
        }
        let kwarg = ps.kwarg.as_deref().map(|p| self.arg(p)).transpose()?;
        let fields = vec![
            ("posonlyargs", list::new(posonly)),
            ("args", list::new(args)),
            ("vararg", opt(vararg)),
            ("kwonlyargs", list::new(kwonly)),
            ("kw_defaults", list::new(kw_defaults)),
            ("kwarg", opt(kwarg)),
            ("defaults", list::new(defaults)),
        ];
        self.node("arguments", fields, None)
    }

    fn keywords(&mut self, kws: &[ast::Keyword]) -> PyResult<Obj> {
        let mut v = Vec::new();
        for k in kws {
            let value = self.expr(&k.value)?;
            let f = vec![("arg", self.opt_name(k.arg.as_ref())), ("value", value)];
            v.push(self.node("keyword", f, Some(k.range))?);
        }
        Ok(list::new(v))
    }

    // ------------------------------------------------------------ expressions

    fn ctx(&mut self, c: ast::ExprContext) -> PyResult<Obj> {
        self.singleton(match c {
            ast::ExprContext::Store => "Store",
            ast::ExprContext::Del => "Del",
            ast::ExprContext::Load | ast::ExprContext::Invalid => "Load",
        })
    }

    fn constant(&mut self, value: Obj, kind: Obj, r: TextRange) -> PyResult<Obj> {
        self.node("Constant", vec![("value", value), ("kind", kind)], Some(r))
    }

    fn comprehensions(&mut self, gens: &[ast::Comprehension]) -> PyResult<Obj> {
        let mut v = Vec::new();
        for g in gens {
            let t = self.expr(&g.target)?;
            let it = self.expr(&g.iter)?;
            let ifs = self.exprs(&g.ifs)?;
            let f = vec![("target", t), ("iter", it), ("ifs", ifs), ("is_async", int::from_i64(g.is_async as i64))];
            v.push(self.node("comprehension", f, None)?);
        }
        Ok(list::new(v))
    }

    fn expr(&mut self, e: &Expr) -> PyResult<Obj> {
        let r = Some(e.range());
        match e {
            Expr::BoolOp(x) => {
                let op = self.singleton(if matches!(x.op, ast::BoolOp::And) { "And" } else { "Or" })?;
                let values = self.exprs(&x.values)?;
                self.node("BoolOp", vec![("op", op), ("values", values)], r)
            }
            Expr::Named(x) => {
                let t = self.expr(&x.target)?;
                let v = self.expr(&x.value)?;
                self.node("NamedExpr", vec![("target", t), ("value", v)], r)
            }
            Expr::BinOp(x) => {
                let l = self.expr(&x.left)?;
                let op = self.singleton(operator_name(x.op))?;
                let rt = self.expr(&x.right)?;
                self.node("BinOp", vec![("left", l), ("op", op), ("right", rt)], r)
            }
            Expr::UnaryOp(x) => {
                let op = self.singleton(match x.op {
                    ast::UnaryOp::Invert => "Invert",
                    ast::UnaryOp::Not => "Not",
                    ast::UnaryOp::UAdd => "UAdd",
                    ast::UnaryOp::USub => "USub",
                })?;
                let v = self.expr(&x.operand)?;
                self.node("UnaryOp", vec![("op", op), ("operand", v)], r)
            }
            Expr::Lambda(x) => {
                let a = self.arguments(x.parameters.as_deref())?;
                let b = self.expr(&x.body)?;
                self.node("Lambda", vec![("args", a), ("body", b)], r)
            }
            Expr::If(x) => {
                let t = self.expr(&x.test)?;
                let b = self.expr(&x.body)?;
                let o = self.expr(&x.orelse)?;
                self.node("IfExp", vec![("test", t), ("body", b), ("orelse", o)], r)
            }
            Expr::Dict(x) => {
                let mut keys = Vec::new();
                let mut values = Vec::new();
                for it in &x.items {
                    keys.push(self.opt_expr(it.key.as_ref())?);
                    values.push(self.expr(&it.value)?);
                }
                self.node("Dict", vec![("keys", list::new(keys)), ("values", list::new(values))], r)
            }
            Expr::Set(x) => {
                let elts = self.exprs(&x.elts)?;
                self.node("Set", vec![("elts", elts)], r)
            }
            Expr::ListComp(x) => self.comp("ListComp", &x.elt, &x.generators, r),
            Expr::SetComp(x) => self.comp("SetComp", &x.elt, &x.generators, r),
            Expr::Generator(x) => self.comp("GeneratorExp", &x.elt, &x.generators, r),
            Expr::DictComp(x) => {
                let k = self.opt_expr(x.key.as_deref())?;
                let v = self.expr(&x.value)?;
                let g = self.comprehensions(&x.generators)?;
                self.node("DictComp", vec![("key", k), ("value", v), ("generators", g)], r)
            }
            Expr::Await(x) => {
                let v = self.expr(&x.value)?;
                self.node("Await", vec![("value", v)], r)
            }
            Expr::Yield(x) => {
                let v = self.opt_expr(x.value.as_deref())?;
                self.node("Yield", vec![("value", v)], r)
            }
            Expr::YieldFrom(x) => {
                let v = self.expr(&x.value)?;
                self.node("YieldFrom", vec![("value", v)], r)
            }
            Expr::Compare(x) => {
                let l = self.expr(&x.left)?;
                let ops = x.ops.iter().map(|o| self.singleton(cmpop_name(*o))).collect::<PyResult<Vec<_>>>()?;
                let cs = self.exprs(x.comparators.iter())?;
                self.node("Compare", vec![("left", l), ("ops", list::new(ops)), ("comparators", cs)], r)
            }
            Expr::Call(x) => {
                let f = self.expr(&x.func)?;
                let args = self.call_args(&x.arguments)?;
                let kws = self.keywords(&x.arguments.keywords)?;
                self.node("Call", vec![("func", f), ("args", args), ("keywords", kws)], r)
            }
            Expr::FString(x) => self.fstring(x),
            Expr::StringLiteral(x) => {
                let kind = if x.value.is_unicode() { s("u") } else { none::none() };
                self.constant(s(x.value.to_str()), kind, x.range)
            }
            Expr::BytesLiteral(x) => {
                let b: Vec<u8> = x.value.bytes().collect();
                self.constant(bytes::new(b), none::none(), x.range)
            }
            Expr::NumberLiteral(x) => {
                let v = match &x.value {
                    ast::Number::Int(i) => int_value(i)?,
                    ast::Number::Float(f) => float::new(*f),
                    ast::Number::Complex { real, imag } => complex::new(*real, *imag),
                };
                self.constant(v, none::none(), x.range)
            }
            Expr::BooleanLiteral(x) => self.constant(crate::types::bool::from_bool(x.value), none::none(), x.range),
            Expr::NoneLiteral(x) => self.constant(none::none(), none::none(), x.range),
            Expr::EllipsisLiteral(x) => self.constant(none::ellipsis(), none::none(), x.range),
            Expr::Attribute(x) => {
                let v = self.expr(&x.value)?;
                let c = self.ctx(x.ctx)?;
                self.node("Attribute", vec![("value", v), ("attr", s(x.attr.id.as_str())), ("ctx", c)], r)
            }
            Expr::Subscript(x) => {
                let v = self.expr(&x.value)?;
                let sl = self.expr(&x.slice)?;
                let c = self.ctx(x.ctx)?;
                self.node("Subscript", vec![("value", v), ("slice", sl), ("ctx", c)], r)
            }
            Expr::Starred(x) => {
                let v = self.expr(&x.value)?;
                let c = self.ctx(x.ctx)?;
                self.node("Starred", vec![("value", v), ("ctx", c)], r)
            }
            Expr::Name(x) => {
                let c = self.ctx(x.ctx)?;
                self.node("Name", vec![("id", s(x.id.as_str())), ("ctx", c)], r)
            }
            Expr::List(x) => {
                let elts = self.exprs(&x.elts)?;
                let c = self.ctx(x.ctx)?;
                self.node("List", vec![("elts", elts), ("ctx", c)], r)
            }
            Expr::Tuple(x) => {
                let elts = self.exprs(&x.elts)?;
                let c = self.ctx(x.ctx)?;
                self.node("Tuple", vec![("elts", elts), ("ctx", c)], r)
            }
            Expr::Slice(x) => {
                let lo = self.opt_expr(x.lower.as_deref())?;
                let up = self.opt_expr(x.upper.as_deref())?;
                let st = self.opt_expr(x.step.as_deref())?;
                self.node("Slice", vec![("lower", lo), ("upper", up), ("step", st)], r)
            }
            Expr::TString(_) | Expr::IpyEscapeCommand(_) => Err(crate::errors::new_error(
                crate::types::exceptions::exc().syntax_error,
                "invalid syntax",
            )),
        }
    }

    /// A generator expression that is a call's sole argument spans the call's parentheses.
    fn call_args(&mut self, a: &ast::Arguments) -> PyResult<Obj> {
        if let ([Expr::Generator(g)], true) = (&a.args[..], a.keywords.is_empty()) {
            if !g.parenthesized {
                let e = self.comp("GeneratorExp", &g.elt, &g.generators, Some(a.range))?;
                return Ok(list::new(vec![e]));
            }
        }
        self.exprs(a.args.iter())
    }

    fn comp(&mut self, name: &'static str, elt: &Expr, gens: &[ast::Comprehension], r: Option<TextRange>) -> PyResult<Obj> {
        let e = self.expr(elt)?;
        let g = self.comprehensions(gens)?;
        self.node(name, vec![("elt", e), ("generators", g)], r)
    }

    // ------------------------------------------------------------ f-strings

    /// CPython 3.11 gives the `JoinedStr`'s location to every piece inside it (constants,
    /// `FormattedValue`s, format-spec `JoinedStr`s); only the interpolated expressions
    /// keep their own.
    fn fstring(&mut self, f: &ast::ExprFString) -> PyResult<Obj> {
        self.joined(&fstring_pieces(f), f.range)
    }

    fn joined(&mut self, pieces: &[Piece], r: TextRange) -> PyResult<Obj> {
        let mut values = Vec::new();
        for p in pieces {
            values.push(match p {
                Piece::Lit(text) if text.is_empty() => continue,
                Piece::Lit(text) => self.constant(s(text), none::none(), r)?,
                Piece::Interp(i) => self.formatted_value(i, r)?,
            });
        }
        self.node("JoinedStr", vec![("values", list::new(values))], Some(r))
    }

    fn formatted_value(&mut self, i: &ast::InterpolatedElement, r: TextRange) -> PyResult<Obj> {
        let v = self.expr(&i.expression)?;
        let conv: i64 = match i.conversion {
            ast::ConversionFlag::None if i.debug_text.is_some() && i.format_spec.is_none() => b'r' as i64,
            ast::ConversionFlag::None => -1,
            ast::ConversionFlag::Str => b's' as i64,
            ast::ConversionFlag::Repr => b'r' as i64,
            ast::ConversionFlag::Ascii => b'a' as i64,
        };
        let spec = match &i.format_spec {
            Some(spec) => self.joined(&spec_pieces(spec), r)?,
            None => none::none(),
        };
        self.node("FormattedValue", vec![("value", v), ("conversion", int::from_i64(conv)), ("format_spec", spec)], Some(r))
    }

    // ------------------------------------------------------------ patterns

    fn patterns<'p>(&mut self, ps: impl IntoIterator<Item = &'p ast::Pattern>) -> PyResult<Obj> {
        let v = ps.into_iter().map(|p| self.pattern(p)).collect::<PyResult<Vec<_>>>()?;
        Ok(list::new(v))
    }

    fn pattern(&mut self, p: &ast::Pattern) -> PyResult<Obj> {
        let r = Some(p.range());
        match p {
            ast::Pattern::MatchValue(x) => {
                let v = self.expr(&x.value)?;
                self.node("MatchValue", vec![("value", v)], r)
            }
            ast::Pattern::MatchSingleton(x) => {
                let v = match x.value {
                    ast::Singleton::None => none::none(),
                    ast::Singleton::True => crate::types::bool::from_bool(true),
                    ast::Singleton::False => crate::types::bool::from_bool(false),
                };
                self.node("MatchSingleton", vec![("value", v)], r)
            }
            ast::Pattern::MatchSequence(x) => {
                let ps = self.patterns(&x.patterns)?;
                self.node("MatchSequence", vec![("patterns", ps)], r)
            }
            ast::Pattern::MatchMapping(x) => {
                let keys = self.exprs(x.keys.iter())?;
                let ps = self.patterns(x.patterns.iter())?;
                let rest = self.opt_name(x.rest.as_ref());
                self.node("MatchMapping", vec![("keys", keys), ("patterns", ps), ("rest", rest)], r)
            }
            ast::Pattern::MatchClass(x) => {
                let cls = self.expr(&x.cls)?;
                let ps = self.patterns(x.arguments.patterns.iter())?;
                let attrs = self.names(x.arguments.keywords.iter().map(|k| &k.attr));
                let kps = self.patterns(x.arguments.keywords.iter().map(|k| &k.pattern))?;
                let f = vec![("cls", cls), ("patterns", ps), ("kwd_attrs", attrs), ("kwd_patterns", kps)];
                self.node("MatchClass", f, r)
            }
            ast::Pattern::MatchStar(x) => {
                let n = self.opt_name(x.name.as_ref());
                self.node("MatchStar", vec![("name", n)], r)
            }
            ast::Pattern::MatchAs(x) => {
                let pat = match &x.pattern {
                    Some(p) => self.pattern(p)?,
                    None => none::none(),
                };
                let n = self.opt_name(x.name.as_ref());
                self.node("MatchAs", vec![("pattern", pat), ("name", n)], r)
            }
            ast::Pattern::MatchOr(x) => {
                let ps = self.patterns(&x.patterns)?;
                self.node("MatchOr", vec![("patterns", ps)], r)
            }
        }
    }
}

fn int_value(i: &ast::Int) -> PyResult<Obj> {
    if let Some(v) = i.as_i64() {
        return Ok(int::from_i64(v));
    }
    // `int(text, 0)` reads every literal spelling (prefixes, underscores).
    protocol::call(&types().int.as_obj(), &[s(&i.to_string()), int::from_i64(0)])
}

fn operator_name(op: ast::Operator) -> &'static str {
    use ast::Operator as O;
    match op {
        O::Add => "Add",
        O::Sub => "Sub",
        O::Mult => "Mult",
        O::MatMult => "MatMult",
        O::Div => "Div",
        O::Mod => "Mod",
        O::Pow => "Pow",
        O::LShift => "LShift",
        O::RShift => "RShift",
        O::BitOr => "BitOr",
        O::BitXor => "BitXor",
        O::BitAnd => "BitAnd",
        O::FloorDiv => "FloorDiv",
    }
}

fn cmpop_name(op: ast::CmpOp) -> &'static str {
    use ast::CmpOp as C;
    match op {
        C::Eq => "Eq",
        C::NotEq => "NotEq",
        C::Lt => "Lt",
        C::LtE => "LtE",
        C::Gt => "Gt",
        C::GtE => "GtE",
        C::Is => "Is",
        C::IsNot => "IsNot",
        C::In => "In",
        C::NotIn => "NotIn",
    }
}
