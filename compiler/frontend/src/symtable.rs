//! Scope analysis, following CPython 3.11's symtable.c: builds one `Scope` per
//! module/class/function/lambda/comprehension, records how each name is used, then
//! resolves every name to local / global (explicit or implicit) / free / cell, and
//! raises the compile-time `global`/`nonlocal`/... errors CPython raises here.

use crate::parse::LineIndex;
use crate::CompileError;
use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::{HashMap, HashSet};

pub type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// CPython's `FunctionBlock` (functions, lambdas, comprehensions).
    pub fn is_function(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

pub mod flags {
    pub const DEF_GLOBAL: u32 = 1;
    pub const DEF_LOCAL: u32 = 2;
    pub const DEF_PARAM: u32 = 4;
    pub const DEF_NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const DEF_FREE_CLASS: u32 = 64;
    pub const DEF_IMPORT: u32 = 128;
    pub const DEF_ANNOT: u32 = 256;
    pub const DEF_COMP_ITER: u32 = 512;
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}
use flags::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymScope {
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: SymScope,
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub symbols: HashMap<String, Symbol>,
    /// Symbol names in first-seen order.
    pub order: Vec<String>,
    /// Parameters in CPython order (pos-only, pos, kw-only, *args, **kwargs).
    pub varnames: Vec<String>,
    pub children: Vec<ScopeId>,
    pub parent: Option<ScopeId>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// An `async def` (as opposed to a comprehension made asynchronous by its contents).
    pub is_async_def: bool,
    pub varargs: bool,
    pub varkeywords: bool,
    pub nested: bool,
    pub needs_class_closure: bool,
    pub has_free: bool,
    pub child_free: bool,
    pub comp_kind: Option<&'static str>,
    comp_iter_target: bool,
    comp_iter_expr: u32,
    directives: HashMap<String, TextRange>,
    pub range: TextRange,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>, nested: bool, range: TextRange) -> Self {
        Scope {
            kind,
            name: name.to_string(),
            symbols: HashMap::new(),
            order: Vec::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            parent,
            is_generator: false,
            is_coroutine: false,
            is_async_def: false,
            varargs: false,
            varkeywords: false,
            nested,
            needs_class_closure: false,
            has_free: false,
            child_free: false,
            comp_kind: None,
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: HashMap::new(),
            range,
        }
    }
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.symbols.get(name)
    }
    pub fn scope_of(&self, name: &str) -> SymScope {
        self.symbols.get(name).map(|s| s.scope).unwrap_or(SymScope::Unknown)
    }
    pub fn flags_of(&self, name: &str) -> u32 {
        self.symbols.get(name).map(|s| s.flags).unwrap_or(0)
    }
}

#[derive(Clone, Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// AST node address → scope (functions, classes, lambdas, comprehensions).
    pub by_node: HashMap<usize, ScopeId>,
    /// `from __future__ import annotations` seen.
    pub future_annotations: bool,
}

impl SymbolTable {
    pub fn scope_for<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }
}

/// CPython's `_Py_Mangle`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(p) = private else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = p.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

struct Builder<'a> {
    source: &'a str,
    idx: &'a LineIndex,
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    private: Option<String>,
    future_annotations: bool,
    /// Nesting of `stmt`/`expr`/`analyze_block` calls (limits.rs).
    depth: u32,
}

type R = Result<(), CompileError>;

impl crate::limits::Nesting for Builder<'_> {
    fn depth(&mut self) -> &mut u32 {
        &mut self.depth
    }
    fn index(&self) -> (&str, &LineIndex) {
        (self.source, self.idx)
    }
}

impl<'a> Builder<'a> {
    fn err(&self, msg: impl Into<String>, r: TextRange) -> CompileError {
        CompileError::with_index("SyntaxError", msg, self.source, self.idx, r.start().to_usize()..r.end().to_usize()).from_compiler()
    }
    fn cur(&self) -> ScopeId {
        *self.stack.last().unwrap()
    }
    fn cs(&mut self) -> &mut Scope {
        let c = self.cur();
        &mut self.scopes[c]
    }
    fn enter<T>(&mut self, node: &T, kind: ScopeKind, name: &str, range: TextRange) {
        let parent = self.cur();
        let p = &self.scopes[parent];
        let nested = p.nested || p.kind.is_function();
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, Some(parent), nested, range));
        self.scopes[parent].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        self.stack.push(id);
    }
    fn exit(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u32, r: TextRange) -> R {
        let cur = self.cur();
        self.add_def_in(cur, name, flag, r)
    }

    fn add_def_in(&mut self, sid: ScopeId, name: &str, flag: u32, r: TextRange) -> R {
        let mangled = mangle(self.private.as_deref(), name);
        let comp_iter_target = self.scopes[sid].comp_iter_target && sid == self.cur();
        let scope = &mut self.scopes[sid];
        let mut val = flag;
        if let Some(old) = scope.symbols.get(&mangled) {
            let o = old.flags;
            if (flag & DEF_PARAM) != 0 && (o & DEF_PARAM) != 0 {
                return Err(self.err(format!("duplicate argument '{name}' in function definition"), r));
            }
            val |= o;
        } else {
            scope.order.push(mangled.clone());
        }
        if comp_iter_target && (flag & DEF_LOCAL) != 0 {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(self.err(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    r,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        let scope = &mut self.scopes[sid];
        scope.symbols.insert(mangled.clone(), Symbol { flags: val, scope: SymScope::Unknown });
        if flag & DEF_PARAM != 0 {
            scope.varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            let g = &mut self.scopes[0];
            match g.symbols.get_mut(&mangled) {
                Some(s) => s.flags |= flag,
                None => {
                    g.order.push(mangled.clone());
                    g.symbols.insert(mangled, Symbol { flags: flag, scope: SymScope::Unknown });
                }
            }
        }
        Ok(())
    }

    fn lookup_cur(&self, name: &str) -> u32 {
        let m = mangle(self.private.as_deref(), name);
        self.scopes[self.cur()].flags_of(&m)
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        crate::limits::nested(self, s.range(), |b| b.stmt_inner(s))
    }

    fn stmt_inner(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(&f.name.id, DEF_LOCAL, f.name.range)?;
                self.param_defaults(&f.parameters)?;
                self.annotations(&f.parameters, f.returns.as_deref())?;
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(f, ScopeKind::Function, &f.name.id, f.range);
                if f.is_async {
                    self.cs().is_coroutine = true;
                    self.cs().is_async_def = true;
                }
                self.params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.exit();
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name.id, DEF_LOCAL, c.name.range)?;
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(c, ScopeKind::Class, &c.name.id, c.range);
                let saved = self.private.replace(c.name.id.to_string());
                self.stmts(&c.body)?;
                self.private = saved;
                self.exit();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                    let sc = &self.scopes[self.cur()];
                    if sc.is_coroutine && sc.is_generator {
                        return Err(self.err("'return' with value in async generator", r.range));
                    }
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => return Err(self.err("pyc: 'type' statements are not supported", t.range)),
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.expr(t)?;
                }
                self.expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let cur = self.lookup_cur(&n.id);
                    let is_module = self.cur() == 0;
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !is_module && a.simple {
                        let kw = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(self.err(format!("annotated name '{}' can't be {kw}", n.id), a.range));
                    }
                    if a.simple {
                        self.add_def(&n.id, DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.expr(&a.target)?;
                }
                self.annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            Stmt::For(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                self.stmts(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.alias(a, false)?;
                }
            }
            Stmt::ImportFrom(i) => {
                if i.module.as_ref().is_some_and(|m| m.id.as_str() == "__future__") {
                    for a in &i.names {
                        if a.name.id.as_str() == "annotations" {
                            self.future_annotations = true;
                        }
                    }
                }
                for a in &i.names {
                    self.alias(a, true)?;
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let cur = self.lookup_cur(&n.id);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and global", n.id)
                        } else if cur & USE != 0 {
                            format!("name '{}' is used prior to global declaration", n.id)
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be global", n.id)
                        } else {
                            format!("name '{}' is assigned to before global declaration", n.id)
                        };
                        return Err(self.err(msg, g.range));
                    }
                    self.add_def(&n.id, DEF_GLOBAL, n.range)?;
                    let m = mangle(self.private.as_deref(), &n.id);
                    self.cs().directives.entry(m).or_insert(g.range);
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    let cur = self.lookup_cur(&n.id);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and nonlocal", n.id)
                        } else if cur & USE != 0 {
                            format!("name '{}' is used prior to nonlocal declaration", n.id)
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be nonlocal", n.id)
                        } else {
                            format!("name '{}' is assigned to before nonlocal declaration", n.id)
                        };
                        return Err(self.err(msg, g.range));
                    }
                    self.add_def(&n.id, DEF_NONLOCAL, n.range)?;
                    let m = mangle(self.private.as_deref(), &n.id);
                    self.cs().directives.entry(m).or_insert(g.range);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(i) => return Err(self.err("invalid syntax", i.range)),
        }
        Ok(())
    }

    fn alias(&mut self, a: &ast::Alias, from: bool) -> R {
        let name = a.asname.as_ref().unwrap_or(&a.name);
        let store = if from || a.asname.is_some() {
            name.id.to_string()
        } else {
            name.id.split('.').next().unwrap_or("").to_string()
        };
        if store == "*" {
            if self.cur() != 0 {
                return Err(self.err("import * only allowed at module level", a.range));
            }
            return Ok(());
        }
        self.add_def(&store, DEF_IMPORT, a.range)
    }

    fn param_defaults(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Expr) -> R {
        if self.future_annotations {
            return Ok(());
        }
        self.expr(e)
    }

    fn annotations(&mut self, p: &ast::Parameters, returns: Option<&Expr>) -> R {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            if let Some(an) = &a.parameter.annotation {
                self.annotation(an)?;
            }
        }
        for v in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if let Some(an) = &v.annotation {
                self.annotation(an)?;
            }
        }
        if let Some(r) = returns {
            self.annotation(r)?;
        }
        Ok(())
    }

    fn params(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.add_def(&a.parameter.name.id, DEF_PARAM, a.parameter.name.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(&v.name.id, DEF_PARAM, v.name.range)?;
            self.cs().varargs = true;
        }
        if let Some(v) = &p.kwarg {
            self.add_def(&v.name.id, DEF_PARAM, v.name.range)?;
            self.cs().varkeywords = true;
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> R {
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => {
                for q in &s.patterns {
                    self.pattern(q)?;
                }
            }
            Pattern::MatchMapping(m) => {
                for k in m.keys.iter() {
                    self.expr(k)?;
                }
                for q in m.patterns.iter() {
                    self.pattern(q)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(&r.id, DEF_LOCAL, r.range)?;
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                for q in c.arguments.patterns.iter() {
                    self.pattern(q)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.pattern(&k.pattern)?;
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(&n.id, DEF_LOCAL, n.range)?;
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(&n.id, DEF_LOCAL, n.range)?;
                }
            }
            Pattern::MatchOr(o) => {
                for q in &o.patterns {
                    self.pattern(q)?;
                }
            }
        }
        Ok(())
    }

    fn comp_error_name(&self) -> Option<&'static str> {
        self.scopes[self.cur()].comp_kind
    }

    fn expr(&mut self, e: &Expr) -> R {
        crate::limits::nested(self, e.range(), |b| b.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &Expr) -> R {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v)?;
                }
            }
            Expr::Named(n) => {
                if self.scopes[self.cur()].comp_iter_expr > 0 {
                    return Err(self.err(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        n.range,
                    ));
                }
                if self.scopes[self.cur()].comp_kind.is_some() {
                    self.extend_namedexpr_scope(&n.target)?;
                }
                self.expr(&n.value)?;
                self.expr(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults(p)?;
                }
                self.enter(l, ScopeKind::Lambda, "lambda", l.range);
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.exit();
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for it in &d.items {
                    if let Some(k) = &it.key {
                        self.expr(k)?;
                    }
                    self.expr(&it.value)?;
                }
            }
            Expr::Set(s) => {
                for x in &s.elts {
                    self.expr(x)?;
                }
            }
            Expr::ListComp(c) => self.comprehension(e, "listcomp", "list comprehension", &c.generators, &c.elt, None, false)?,
            Expr::SetComp(c) => self.comprehension(e, "setcomp", "set comprehension", &c.generators, &c.elt, None, false)?,
            Expr::DictComp(c) => {
                let key = c.key.as_deref().unwrap_or(&c.value);
                self.comprehension(e, "dictcomp", "dict comprehension", &c.generators, key, Some(&c.value), false)?
            }
            Expr::Generator(c) => self.comprehension(e, "genexpr", "generator expression", &c.generators, &c.elt, None, true)?,
            Expr::Await(a) => {
                self.expr(&a.value)?;
                if self.cs().kind == ScopeKind::Comprehension {
                    self.cs().is_coroutine = true;
                }
            }
            Expr::Yield(y) => {
                if let Some(k) = self.comp_error_name() {
                    return Err(self.err(format!("'yield' inside {k}"), y.range));
                }
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
                self.cs().is_generator = true;
            }
            Expr::YieldFrom(y) => {
                if let Some(k) = self.comp_error_name() {
                    return Err(self.err(format!("'yield' inside {k}"), y.range));
                }
                self.expr(&y.value)?;
                self.cs().is_generator = true;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                for x in c.comparators.iter() {
                    self.expr(x)?;
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.expr(a)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(t) => return Err(self.err("pyc: t-strings are not supported", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Name(n) => {
                let is_load = matches!(n.ctx, ast::ExprContext::Load);
                self.add_def(&n.id, if is_load { USE } else { DEF_LOCAL }, n.range)?;
                if is_load && self.scopes[self.cur()].kind.is_function() && n.id.as_str() == "super" {
                    self.add_def("__class__", USE, n.range)?;
                }
            }
            Expr::List(l) => {
                for x in &l.elts {
                    self.expr(x)?;
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.expr(x)?;
                }
            }
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            Expr::IpyEscapeCommand(i) => return Err(self.err("invalid syntax", i.range)),
        }
        Ok(())
    }

    fn fstring_elements(&mut self, els: &ast::InterpolatedStringElements) -> R {
        for el in els.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn extend_namedexpr_scope(&mut self, target: &Expr) -> R {
        let Expr::Name(n) = target else { return Ok(()) };
        let name = n.id.as_str();
        for i in (0..self.stack.len()).rev() {
            let sid = self.stack[i];
            let sc = &self.scopes[sid];
            if sc.comp_kind.is_some() {
                let m = mangle(self.private.as_deref(), name);
                if sc.flags_of(&m) & DEF_COMP_ITER != 0 {
                    return Err(self.err(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        n.range,
                    ));
                }
                continue;
            }
            match sc.kind {
                ScopeKind::Function | ScopeKind::Lambda => {
                    let m = mangle(self.private.as_deref(), name);
                    let tflags = sc.flags_of(&m);
                    if tflags & DEF_GLOBAL != 0 {
                        self.add_def(name, DEF_GLOBAL, n.range)?;
                    } else {
                        self.add_def(name, DEF_NONLOCAL, n.range)?;
                    }
                    let cur = self.cur();
                    self.scopes[cur].directives.entry(m).or_insert(n.range);
                    return self.add_def_in(sid, name, DEF_LOCAL, n.range);
                }
                ScopeKind::Module => {
                    self.add_def(name, DEF_GLOBAL, n.range)?;
                    let m = mangle(self.private.as_deref(), name);
                    let cur = self.cur();
                    self.scopes[cur].directives.entry(m).or_insert(n.range);
                    return self.add_def_in(sid, name, DEF_GLOBAL, n.range);
                }
                ScopeKind::Class => {
                    return Err(self.err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        n.range,
                    ));
                }
                ScopeKind::Comprehension => {}
            }
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn comprehension(
        &mut self,
        node: &Expr,
        name: &str,
        kind_name: &'static str,
        gens: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        is_gen: bool,
    ) -> R {
        let Some(outer) = gens.first() else { return Ok(()) };
        self.cs().comp_iter_expr += 1;
        let r = self.expr(&outer.iter);
        self.cs().comp_iter_expr -= 1;
        r?;
        self.enter(node, ScopeKind::Comprehension, &format!("<{name}>"), node.range());
        {
            let sc = self.cs();
            sc.comp_kind = Some(kind_name);
            if outer.is_async {
                sc.is_coroutine = true;
            }
            if is_gen {
                sc.is_generator = true;
            }
        }
        self.add_def(".0", DEF_PARAM, outer.range)?;
        self.cs().comp_iter_target = true;
        self.expr(&outer.target)?;
        self.cs().comp_iter_target = false;
        for i in &outer.ifs {
            self.expr(i)?;
        }
        for g in &gens[1..] {
            self.cs().comp_iter_target = true;
            self.expr(&g.target)?;
            self.cs().comp_iter_target = false;
            self.cs().comp_iter_expr += 1;
            let r = self.expr(&g.iter);
            self.cs().comp_iter_expr -= 1;
            r?;
            for i in &g.ifs {
                self.expr(i)?;
            }
            if g.is_async {
                self.cs().is_coroutine = true;
            }
        }
        if let Some(v) = value {
            // dict comprehension: key first, then value
            self.expr(elt)?;
            self.expr(v)?;
        } else {
            self.expr(elt)?;
        }
        // An asynchronous list/set/dict comprehension is awaited by its enclosing scope:
        // an enclosing comprehension becomes asynchronous too.
        let is_async = self.cs().is_coroutine && !is_gen;
        self.exit();
        if is_async && self.cs().kind == ScopeKind::Comprehension {
            self.cs().is_coroutine = true;
        }
        Ok(())
    }

    // ----- analysis (CPython's analyze_block) -----

    fn analyze(&mut self) -> R {
        let mut free = HashSet::new();
        let mut global = HashSet::new();
        self.analyze_block(0, None, &mut free, &mut global)
    }

    fn analyze_block(
        &mut self,
        sid: ScopeId,
        bound: Option<&HashSet<String>>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> R {
        crate::limits::nested(self, TextRange::default(), |b| b.analyze_block_inner(sid, bound, free, global))
    }

    fn analyze_block_inner(
        &mut self,
        sid: ScopeId,
        bound: Option<&HashSet<String>>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> R {
        let mut local: HashSet<String> = HashSet::new();
        let mut scopes: HashMap<String, SymScope> = HashMap::new();
        let mut newglobal: HashSet<String> = HashSet::new();
        let mut newfree: HashSet<String> = HashSet::new();
        let mut newbound: HashSet<String> = HashSet::new();
        let kind = self.scopes[sid].kind;
        let mut bound_local: Option<HashSet<String>> = bound.cloned();
        if kind == ScopeKind::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let order = self.scopes[sid].order.clone();
        for name in &order {
            let fl = self.scopes[sid].symbols[name].flags;
            self.analyze_name(sid, &mut scopes, name, fl, bound_local.as_mut(), &mut local, free, global)?;
        }
        if kind != ScopeKind::Class {
            if kind.is_function() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound_local {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }
        let mut allfree: HashSet<String> = HashSet::new();
        let children = self.scopes[sid].children.clone();
        for c in children {
            let mut temp_bound = newbound.clone();
            let mut temp_free = newfree.clone();
            let mut temp_global = newglobal.clone();
            let _ = &mut temp_bound;
            self.analyze_block(c, Some(&temp_bound), &mut temp_free, &mut temp_global)?;
            allfree.extend(temp_free);
            if self.scopes[c].has_free || self.scopes[c].child_free {
                self.scopes[sid].child_free = true;
            }
        }
        newfree.extend(allfree);
        if kind.is_function() {
            // analyze_cells
            for (name, sc) in scopes.iter_mut() {
                if *sc == SymScope::Local && newfree.contains(name) {
                    *sc = SymScope::Cell;
                    newfree.remove(name);
                }
            }
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            self.scopes[sid].needs_class_closure = true;
        }
        // update_symbols
        let is_class = kind == ScopeKind::Class;
        {
            let sc = &mut self.scopes[sid];
            for (name, s) in scopes.iter() {
                if let Some(sym) = sc.symbols.get_mut(name) {
                    sym.scope = *s;
                }
            }
        }
        let mut fv: Vec<String> = newfree.iter().cloned().collect();
        fv.sort();
        for name in fv {
            let sc = &mut self.scopes[sid];
            if let Some(sym) = sc.symbols.get_mut(&name) {
                if is_class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if let Some(b) = &bound_local {
                if !b.contains(&name) {
                    continue;
                }
            } else {
                continue;
            }
            sc.order.push(name.clone());
            sc.symbols.insert(name, Symbol { flags: 0, scope: SymScope::Free });
        }
        free.extend(newfree);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        sid: ScopeId,
        scopes: &mut HashMap<String, SymScope>,
        name: &str,
        fl: u32,
        bound: Option<&mut HashSet<String>>,
        local: &mut HashSet<String>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> R {
        let directive = |s: &Self| s.scopes[sid].directives.get(name).copied().unwrap_or(s.scopes[sid].range);
        if fl & DEF_GLOBAL != 0 {
            if fl & DEF_NONLOCAL != 0 {
                return Err(self.err(format!("name '{name}' is nonlocal and global"), directive(self)));
            }
            scopes.insert(name.to_string(), SymScope::GlobalExplicit);
            global.insert(name.to_string());
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(());
        }
        if fl & DEF_NONLOCAL != 0 {
            let Some(b) = bound else {
                return Err(self.err("nonlocal declaration not allowed at module level", directive(self)));
            };
            if !b.contains(name) {
                return Err(self.err(format!("no binding for nonlocal '{name}' found"), directive(self)));
            }
            scopes.insert(name.to_string(), SymScope::Free);
            self.scopes[sid].has_free = true;
            free.insert(name.to_string());
            return Ok(());
        }
        if fl & DEF_BOUND != 0 {
            scopes.insert(name.to_string(), SymScope::Local);
            local.insert(name.to_string());
            global.remove(name);
            return Ok(());
        }
        if let Some(b) = &bound {
            if b.contains(name) {
                scopes.insert(name.to_string(), SymScope::Free);
                self.scopes[sid].has_free = true;
                free.insert(name.to_string());
                return Ok(());
            }
        }
        scopes.insert(name.to_string(), SymScope::GlobalImplicit);
        Ok(())
    }
}

/// Builds and analyzes the symbol table of a module (or an eval expression when
/// `expr` is given instead of statements).
pub fn build(
    source: &str,
    idx: &LineIndex,
    body: &[Stmt],
    expr: Option<&Expr>,
    range: TextRange,
) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        source,
        idx,
        scopes: vec![Scope::new(ScopeKind::Module, "top", None, false, range)],
        by_node: HashMap::new(),
        stack: vec![0],
        private: None,
        future_annotations: false,
        depth: 0,
    };
    b.stmts(body)?;
    if let Some(e) = expr {
        b.expr(e)?;
    }
    b.analyze()?;
    Ok(SymbolTable { scopes: b.scopes, by_node: b.by_node, future_annotations: b.future_annotations })
}
