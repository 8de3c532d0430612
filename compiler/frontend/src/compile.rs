//! AST → bytecode, following the semantics of CPython 3.11's compile.c: statements,
//! expressions, closures, classes, comprehensions, exception handling (with an
//! exception table built from the lexical handler stack), line/column positions,
//! constant and name tables. Match statements and async constructs are reported as
//! "not supported yet" `CompileError`s.

use crate::analysis::max_stack_depth;
use crate::fstring::{fstring_pieces, spec_pieces, Piece};
use crate::bytecode::{
    code_flags, format_flags, make_function_flags as mff, BinOp, CmpOp, CodeObject, Constant, ExceptionEntry, Instr,
    UnOp,
};
use crate::parse::{self, LineIndex};
use crate::symtable::{self, mangle, ScopeId, ScopeKind, SymScope, SymbolTable};
use crate::{CompileError, Mode};
use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;

type R<T = ()> = Result<T, CompileError>;

/// Arguments/elements beyond this use the list-building call sequence (CPython's
/// STACK_USE_GUIDELINE).
const STACK_USE_GUIDELINE: usize = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
struct Loc {
    line: u32,
    end_line: u32,
    col: u32,
    end_col: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Label(u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Handler {
    label: u32,
    depth: u32,
    lasti: bool,
}

#[derive(Clone, Copy)]
enum FBlock<'a> {
    WhileLoop { start: Label, exit: Label },
    ForLoop { start: Label, exit: Label },
    TryExcept,
    FinallyTry { body: &'a [Stmt] },
    FinallyEnd,
    With { loc: Loc, is_async: bool },
    HandlerCleanup { name: Option<&'a str> },
    PopValue,
    ExceptionHandler,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Del,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

struct Unit<'a> {
    scope: ScopeId,
    kind: ScopeKind,
    name: String,
    qualname: String,
    private: Option<String>,
    instrs: Vec<Instr>,
    locs: Vec<Loc>,
    handler_at: Vec<Option<Handler>>,
    labels: Vec<u32>,
    handlers: Vec<Handler>,
    fblocks: Vec<FBlock<'a>>,
    loc: Loc,
    depth: u32,
    consts: Vec<Constant>,
    names: Vec<String>,
    name_map: HashMap<String, u32>,
    varnames: Vec<String>,
    var_map: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    argcount: u32,
    posonly: u32,
    kwonly: u32,
    first_line: u32,
    flags: u32,
    docstring: Option<String>,
}

pub(crate) struct Compiler<'a> {
    source: &'a str,
    filename: String,
    idx: LineIndex,
    st: SymbolTable,
    units: Vec<Unit<'a>>,
    interactive: bool,
    /// Nesting of `stmt`/`expr` calls (limits.rs).
    depth: u32,
}

impl crate::limits::Nesting for Compiler<'_> {
    fn depth(&mut self) -> &mut u32 {
        &mut self.depth
    }
    fn index(&self) -> (&str, &LineIndex) {
        (self.source, &self.idx)
    }
}

fn const_eq(a: &Constant, b: &Constant) -> bool {
    match (a, b) {
        (Constant::Float(x), Constant::Float(y)) => x.to_bits() == y.to_bits(),
        (Constant::Complex(a1, b1), Constant::Complex(a2, b2)) => a1.to_bits() == a2.to_bits() && b1.to_bits() == b2.to_bits(),
        (Constant::Tuple(x), Constant::Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_eq(p, q)),
        (Constant::FrozenSet(x), Constant::FrozenSet(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_eq(p, q)),
        (Constant::Code(_), _) | (_, Constant::Code(_)) => false,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b) && a == b,
    }
}

fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

fn parse_big_int(text: &str) -> Option<BigInt> {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

fn int_constant(i: &ast::Int) -> Constant {
    if let Some(v) = i.as_i64() {
        return Constant::Int(v);
    }
    match parse_big_int(&i.to_string()) {
        Some(b) => match i64::try_from(&b) {
            Ok(v) => Constant::Int(v),
            Err(_) => Constant::BigInt(b),
        },
        None => Constant::Int(0),
    }
}

/// The constant value of a literal expression, if it is one (CPython's `Constant` node).
fn literal_constant(e: &Expr) -> Option<Constant> {
    Some(match e {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => int_constant(i),
            ast::Number::Float(f) => Constant::Float(*f),
            ast::Number::Complex { real, imag } => Constant::Complex(*real, *imag),
        },
        Expr::StringLiteral(s) => Constant::Str(s.value.to_str().to_string()),
        Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect()),
        Expr::BooleanLiteral(b) => Constant::Bool(b.value),
        Expr::NoneLiteral(_) => Constant::None,
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        _ => return None,
    })
}

/// Folded constant: literals, `-literal`, and tuples of constants.
fn fold_constant(e: &Expr) -> Option<Constant> {
    if let Some(c) = literal_constant(e) {
        return Some(c);
    }
    match e {
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match literal_constant(&u.operand)? {
            Constant::Int(i) => Some(match i.checked_neg() {
                Some(v) => Constant::Int(v),
                None => Constant::BigInt(-BigInt::from(i)),
            }),
            Constant::BigInt(b) => {
                let n = -b;
                Some(match i64::try_from(&n) {
                    Ok(v) => Constant::Int(v),
                    Err(_) => Constant::BigInt(n),
                })
            }
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex(r, i) => Some(Constant::Complex(-r, -i)),
            _ => None,
        },
        Expr::Tuple(t) => {
            let mut items = Vec::new();
            for x in &t.elts {
                items.push(fold_constant(x)?);
            }
            Some(Constant::Tuple(items))
        }
        _ => None,
    }
}

fn is_docstring(s: &Stmt) -> Option<String> {
    if let Stmt::Expr(e) = s {
        if let Expr::StringLiteral(lit) = &*e.value {
            return Some(lit.value.to_str().to_string());
        }
    }
    None
}

/// CPython's `find_ann`: does this body contain an annotated assignment (not in
/// nested functions/classes)?
fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

fn is_const_true(e: &Expr) -> Option<bool> {
    match literal_constant(e)? {
        Constant::Bool(b) => Some(b),
        Constant::Int(i) => Some(i != 0),
        Constant::Str(s) => Some(!s.is_empty()),
        Constant::None => Some(false),
        _ => None,
    }
}

pub(crate) fn compile_source(source: &str, filename: &str, mode: Mode) -> R<CodeObject> {
    crate::limits::with_stack_for(source, || compile_on_stack(source, filename, mode))
}

fn compile_on_stack(source: &str, filename: &str, mode: Mode) -> R<CodeObject> {
    let idx = LineIndex::new(source);
    match mode {
        Mode::Exec | Mode::Single => {
            let m = parse::parse_module(source)?;
            if mode == Mode::Single && m.body.len() > 1 {
                let r = m.body[1].range();
                return Err(CompileError::with_index(
                    "SyntaxError",
                    "multiple statements found while compiling a single statement",
                    source,
                    &idx,
                    r.start().to_usize()..r.end().to_usize(),
                ));
            }
            let st = symtable::build(source, &idx, &m.body, None, m.range)?;
            let mut c = Compiler { source, filename: filename.to_string(), idx, st, units: Vec::new(), interactive: mode == Mode::Single, depth: 0 };
            c.module(&m.body)
        }
        Mode::Eval => {
            let e = parse::parse_expression(source)?;
            let st = symtable::build(source, &idx, &[], Some(&e.body), e.range)?;
            let mut c = Compiler { source, filename: filename.to_string(), idx, st, units: Vec::new(), interactive: false, depth: 0 };
            c.eval(&e.body)
        }
    }
}

impl<'a> Compiler<'a> {
    // ------------------------------------------------------------------ basics

    fn loc_of(&self, r: TextRange) -> Loc {
        let (line, col) = self.idx.line_col(r.start().to_usize());
        let (end_line, end_col) = self.idx.line_col(r.end().to_usize());
        Loc { line, end_line, col, end_col }
    }

    fn err(&self, msg: impl Into<String>, r: TextRange) -> CompileError {
        CompileError::with_index("SyntaxError", msg, self.source, &self.idx, r.start().to_usize()..r.end().to_usize()).from_compiler()
    }

    fn unsupported(&self, what: &str, r: TextRange) -> CompileError {
        self.err(format!("pyc: {what} not supported yet"), r)
    }

    fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("no unit")
    }
    fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("no unit")
    }

    fn emit(&mut self, i: Instr) {
        let u = self.u();
        u.instrs.push(i);
        u.locs.push(u.loc);
        let h = u.handlers.last().copied();
        u.handler_at.push(h);
    }

    fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(u32::MAX);
        Label(u.labels.len() as u32 - 1)
    }

    fn bind(&mut self, l: Label) {
        let u = self.u();
        u.labels[l.0 as usize] = u.instrs.len() as u32;
    }

    fn jump(&mut self, make: fn(u32) -> Instr, l: Label) {
        self.emit(make(l.0));
    }

    fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.u();
        if !matches!(c, Constant::Code(_)) {
            if let Some(i) = u.consts.iter().position(|x| const_eq(x, &c)) {
                return i as u32;
            }
        }
        u.consts.push(c);
        u.consts.len() as u32 - 1
    }

    fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Instr::LoadConst(i));
    }

    fn name_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.name_map.get(name) {
            return *i;
        }
        u.names.push(name.to_string());
        let i = u.names.len() as u32 - 1;
        u.name_map.insert(name.to_string(), i);
        i
    }

    /// Name index with private-name mangling (attributes, globals, imports).
    fn mangled_name_index(&mut self, name: &str) -> u32 {
        let m = mangle(self.ur().private.as_deref(), name);
        self.name_index(&m)
    }

    fn var_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.var_map.get(name) {
            return *i;
        }
        u.varnames.push(name.to_string());
        let i = u.varnames.len() as u32 - 1;
        u.var_map.insert(name.to_string(), i);
        i
    }

    fn set_loc(&mut self, r: TextRange) -> Loc {
        let l = self.loc_of(r);
        std::mem::replace(&mut self.u().loc, l)
    }

    fn restore_loc(&mut self, l: Loc) {
        self.u().loc = l;
    }

    // ------------------------------------------------------------------ units

    fn enter_unit(&mut self, scope: ScopeId, name: &str, first_line: u32) {
        let sc = &self.st.scopes[scope];
        let kind = sc.kind;
        // qualname, as compiler_set_qualname
        let mut qualname = name.to_string();
        if self.units.len() > 1 {
            let parent = self.units.last().unwrap();
            let m = mangle(parent.private.as_deref(), name);
            let force_global = self.st.scopes[parent.scope].scope_of(&m) == SymScope::GlobalExplicit;
            if !force_global {
                if matches!(parent.kind, ScopeKind::Function | ScopeKind::Lambda) {
                    qualname = format!("{}.<locals>.{}", parent.qualname, name);
                } else {
                    qualname = format!("{}.{}", parent.qualname, name);
                }
            }
        }
        let private = self.units.last().and_then(|u| u.private.clone());
        let mut cellvars: Vec<String> = Vec::new();
        let mut freevars: Vec<String> = Vec::new();
        for (n, s) in &sc.symbols {
            if s.scope == SymScope::Cell {
                cellvars.push(n.clone());
            }
            if s.scope == SymScope::Free || s.flags & symtable::flags::DEF_FREE_CLASS != 0 {
                freevars.push(n.clone());
            }
        }
        cellvars.sort();
        freevars.sort();
        if kind == ScopeKind::Class && sc.needs_class_closure {
            cellvars = vec!["__class__".to_string()];
        }
        let mut flags = 0;
        if kind.is_function() {
            flags |= code_flags::OPTIMIZED | code_flags::NEWLOCALS;
            if sc.nested {
                flags |= code_flags::NESTED;
            }
            if sc.is_generator && !sc.is_coroutine {
                flags |= code_flags::GENERATOR;
            }
            if !sc.is_generator && sc.is_coroutine {
                flags |= code_flags::COROUTINE;
            }
            if sc.is_generator && sc.is_coroutine {
                flags |= code_flags::ASYNC_GENERATOR;
            }
            if sc.varargs {
                flags |= code_flags::VARARGS;
            }
            if sc.varkeywords {
                flags |= code_flags::VARKEYWORDS;
            }
        }
        let varnames = sc.varnames.clone();
        let var_map = varnames.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
        let loc = Loc { line: first_line, end_line: first_line, col: 0, end_col: 0 };
        let is_gen = sc.is_generator || sc.is_coroutine;
        self.units.push(Unit {
            scope,
            kind,
            name: name.to_string(),
            qualname,
            private,
            instrs: Vec::new(),
            locs: Vec::new(),
            handler_at: Vec::new(),
            labels: Vec::new(),
            handlers: Vec::new(),
            fblocks: Vec::new(),
            loc,
            depth: 0,
            consts: Vec::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            varnames,
            var_map,
            cellvars,
            freevars,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            first_line,
            flags,
            docstring: None,
        });
        if is_gen && kind.is_function() {
            self.emit(Instr::ReturnGenerator);
        }
    }

    fn exit_unit(&mut self) -> R<CodeObject> {
        // implicit `return None`
        let needs_return = {
            let u = self.ur();
            let n = u.instrs.len() as u32;
            u.instrs.last().is_none_or(|i| !i.is_terminator()) || u.labels.contains(&n)
        };
        if needs_return {
            self.load_const(Constant::None);
            self.emit(Instr::ReturnValue);
        }
        let u = self.units.pop().unwrap();
        let mut instrs = u.instrs;
        for i in instrs.iter_mut() {
            if let Some(t) = i.jump_target_mut() {
                let target = u.labels[*t as usize];
                if target == u32::MAX {
                    return Err(CompileError::new("SyntaxError", "pyc internal error: unbound label", self.source, 0..0));
                }
                *t = target;
            }
        }
        let mut table: Vec<ExceptionEntry> = Vec::new();
        let mut pc = 0;
        while pc < instrs.len() {
            if let Some(h) = u.handler_at[pc] {
                let start = pc;
                while pc < instrs.len() && u.handler_at[pc] == Some(h) {
                    pc += 1;
                }
                table.push(ExceptionEntry {
                    start: start as u32,
                    end: pc as u32,
                    target: u.labels[h.label as usize],
                    depth: h.depth,
                    lasti: h.lasti,
                });
            } else {
                pc += 1;
            }
        }
        let cell2arg = u
            .cellvars
            .iter()
            .map(|c| {
                if self.st.scopes[u.scope].flags_of(c) & symtable::flags::DEF_PARAM != 0 {
                    u.varnames.iter().position(|v| v == c).map(|p| p as i32).unwrap_or(-1)
                } else {
                    -1
                }
            })
            .collect();
        let mut code = CodeObject {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            flags: u.flags,
            argcount: u.argcount,
            posonlyargcount: u.posonly,
            kwonlyargcount: u.kwonly,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell2arg,
            names: u.names,
            consts: u.consts,
            lines: u.locs.iter().map(|l| l.line).collect(),
            positions: u.locs.iter().map(|l| (l.end_line, l.col, l.end_col)).collect(),
            instrs,
            exception_table: table,
            max_stack: 0,
            docstring: u.docstring,
        };
        code.max_stack = max_stack_depth(&code);
        Ok(code)
    }

    fn make_closure(&mut self, code: CodeObject, mut flags: u32, r: TextRange) -> R {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let u = self.ur();
                let sc = &self.st.scopes[u.scope];
                let is_cell = (u.kind == ScopeKind::Class && name == "__class__") || sc.scope_of(name) == SymScope::Cell;
                let idx = if is_cell {
                    u.cellvars.iter().position(|c| c == name)
                } else {
                    u.freevars.iter().position(|c| c == name).map(|p| p + u.cellvars.len())
                };
                let Some(idx) = idx else {
                    return Err(self.err(format!("pyc internal error: no cell for free variable '{name}'"), r));
                };
                self.emit(Instr::LoadClosure(idx as u32));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= mff::CLOSURE;
        }
        self.load_const(Constant::Code(Box::new(code)));
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    // ------------------------------------------------------------------ top level

    fn check_future(&self, body: &[Stmt]) -> R {
        let mut allowed = true;
        for (i, s) in body.iter().enumerate() {
            if let Stmt::ImportFrom(f) = s {
                if f.module.as_ref().is_some_and(|m| m.id.as_str() == "__future__") && f.level == 0 {
                    if !allowed {
                        return Err(self.err("from __future__ imports must occur at the beginning of the file", f.range));
                    }
                    for a in &f.names {
                        let n = a.name.id.as_str();
                        const KNOWN: [&str; 10] = [
                            "nested_scopes",
                            "generators",
                            "division",
                            "absolute_import",
                            "with_statement",
                            "print_function",
                            "unicode_literals",
                            "barry_as_FLUFL",
                            "generator_stop",
                            "annotations",
                        ];
                        if n == "braces" {
                            return Err(self.err("not a chance", a.range));
                        }
                        if !KNOWN.contains(&n) {
                            return Err(self.err(format!("future feature {n} is not defined"), a.range));
                        }
                    }
                    continue;
                }
            }
            if i == 0 && is_docstring(s).is_some() {
                continue;
            }
            allowed = false;
        }
        Ok(())
    }

    fn module(&mut self, body: &'a [Stmt]) -> R<CodeObject> {
        self.check_future(body)?;
        self.enter_unit(0, "<module>", 1);
        if let Some(first) = body.first() {
            let l = self.loc_of(first.range());
            self.u().loc = Loc { end_line: l.line, col: l.col, end_col: l.col, line: l.line };
        }
        if self.interactive {
            if find_ann(body) {
                self.emit(Instr::SetupAnnotations);
            }
            self.stmts(body)?;
        } else {
            self.body(body)?;
        }
        if let Some(last) = body.last() {
            let l = self.loc_of(last.range());
            self.u().loc = Loc { line: l.line, end_line: l.line, col: l.col, end_col: l.col };
        }
        self.exit_unit()
    }

    fn eval(&mut self, e: &'a Expr) -> R<CodeObject> {
        self.enter_unit(0, "<module>", 1);
        self.expr(e)?;
        self.emit(Instr::ReturnValue);
        self.exit_unit()
    }

    /// Module/class body: annotations setup, docstring into `__doc__`, statements.
    fn body(&mut self, body: &'a [Stmt]) -> R {
        if find_ann(body) {
            self.emit(Instr::SetupAnnotations);
        }
        let mut rest = body;
        if let Some(first) = body.first() {
            if let Some(doc) = is_docstring(first) {
                let old = self.set_loc(first.range());
                self.load_const(Constant::Str(doc.clone()));
                self.name_op("__doc__", Ctx::Store, first.range())?;
                self.restore_loc(old);
                self.u().docstring = Some(doc);
                rest = &body[1..];
            }
        }
        self.stmts(rest)
    }

    fn stmts(&mut self, body: &'a [Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    // ------------------------------------------------------------------ names

    fn name_op(&mut self, name: &str, ctx: Ctx, r: TextRange) -> R {
        if name == "__debug__" {
            match ctx {
                Ctx::Load => {
                    self.load_const(Constant::Bool(true));
                    return Ok(());
                }
                Ctx::Store => return Err(self.err("cannot assign to __debug__", r)),
                Ctx::Del => return Err(self.err("cannot delete __debug__", r)),
            }
        }
        let mangled = mangle(self.ur().private.as_deref(), name);
        let (kind, scope) = {
            let u = self.ur();
            (u.kind, self.st.scopes[u.scope].scope_of(&mangled))
        };
        let is_func = kind.is_function();
        enum Op {
            Fast,
            Deref(u32),
            Global,
            Name,
        }
        let op = match scope {
            SymScope::Free => {
                let u = self.ur();
                match u.freevars.iter().position(|f| *f == mangled) {
                    Some(p) => Op::Deref((p + u.cellvars.len()) as u32),
                    None => Op::Name,
                }
            }
            SymScope::Cell => {
                let u = self.ur();
                match u.cellvars.iter().position(|f| *f == mangled) {
                    Some(p) => Op::Deref(p as u32),
                    None => Op::Name,
                }
            }
            SymScope::Local => {
                if is_func {
                    Op::Fast
                } else {
                    Op::Name
                }
            }
            SymScope::GlobalImplicit => {
                if is_func {
                    Op::Global
                } else {
                    Op::Name
                }
            }
            SymScope::GlobalExplicit => Op::Global,
            SymScope::Unknown => {
                if is_func && mangled.starts_with('.') {
                    Op::Fast
                } else {
                    Op::Name
                }
            }
        };
        match op {
            Op::Fast => {
                let i = self.var_index(&mangled);
                self.emit(match ctx {
                    Ctx::Load => Instr::LoadFast(i),
                    Ctx::Store => Instr::StoreFast(i),
                    Ctx::Del => Instr::DeleteFast(i),
                });
            }
            Op::Deref(i) => {
                if ctx == Ctx::Load && kind == ScopeKind::Class {
                    let n = self.name_index(&mangled);
                    self.emit(Instr::LoadClassDeref(i << 16 | n));
                } else {
                    self.emit(match ctx {
                        Ctx::Load => Instr::LoadDeref(i),
                        Ctx::Store => Instr::StoreDeref(i),
                        Ctx::Del => Instr::DeleteDeref(i),
                    });
                }
            }
            Op::Global => {
                let i = self.name_index(&mangled);
                self.emit(match ctx {
                    Ctx::Load => Instr::LoadGlobal(i),
                    Ctx::Store => Instr::StoreGlobal(i),
                    Ctx::Del => Instr::DeleteGlobal(i),
                });
            }
            Op::Name => {
                let i = self.name_index(&mangled);
                self.emit(match ctx {
                    Ctx::Load => Instr::LoadName(i),
                    Ctx::Store => Instr::StoreName(i),
                    Ctx::Del => Instr::DeleteName(i),
                });
            }
        }
        Ok(())
    }

    // ------------------------------------------------------------------ statements

    fn stmt(&mut self, s: &'a Stmt) -> R {
        let old = self.set_loc(s.range());
        let r = crate::limits::nested(self, s.range(), |c| c.stmt_inner(s));
        self.restore_loc(old);
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
                Ok(())
            }
            Stmt::TypeAlias(t) => Err(self.unsupported("'type' statements are", t.range)),
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Instr::Copy(1));
                    }
                    self.store(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => {
                if w.is_async && !self.in_async_function() {
                    return Err(self.err("'async with' outside async function", w.range));
                }
                self.with_stmt(w, 0)
            }
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Instr::RaiseVarargs(n));
                Ok(())
            }
            Stmt::Try(t) => {
                if !t.finalbody.is_empty() {
                    self.try_finally(t)
                } else if t.is_star {
                    self.try_star_except(t)
                } else {
                    self.try_except(t)
                }
            }
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, end, true)?;
                // CPython locates the raise at the condition (so tracebacks
                // underline it), and the message call at the message.
                let saved = self.set_loc(a.test.range());
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    let test_loc = self.set_loc(m.range());
                    self.emit(Instr::Call(0));
                    self.restore_loc(test_loc);
                }
                self.emit(Instr::RaiseVarargs(1));
                self.restore_loc(saved);
                self.bind(end);
                Ok(())
            }
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(&e.value)?;
                    self.emit(Instr::PrintExpr);
                    return Ok(());
                }
                if literal_constant(&e.value).is_some() {
                    return Ok(());
                }
                self.expr(&e.value)?;
                self.emit(Instr::Pop);
                Ok(())
            }
            Stmt::Break(b) => self.break_stmt(b.range),
            Stmt::Continue(c) => self.continue_stmt(c.range),
            Stmt::IpyEscapeCommand(i) => Err(self.err("invalid syntax", i.range)),
        }
    }

    fn decorators(&mut self, decos: &'a [ast::Decorator]) -> R {
        for d in decos {
            self.expr(&d.expression)?;
        }
        Ok(())
    }

    /// Pushes the defaults tuple / kw-defaults dict; returns the MakeFunction flags.
    fn defaults(&mut self, p: &'a ast::Parameters) -> R<u32> {
        let mut flags = 0;
        let defs: Vec<&Expr> = p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !defs.is_empty() {
            for d in &defs {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(defs.len() as u32));
            flags |= mff::DEFAULTS;
        }
        let mut n = 0;
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                let m = mangle(self.ur().private.as_deref(), &a.parameter.name.id);
                self.load_const(Constant::Str(m));
                self.expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Instr::BuildMap(n));
            flags |= mff::KWDEFAULTS;
        }
        Ok(flags)
    }

    /// Pushes the function's `__annotations__` dict (parameter name → annotation value, in
    /// CPython's order, `return` last; source strings under `from __future__ import
    /// annotations`); returns the MakeFunction flag, 0 when nothing is annotated.
    fn annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> R<u32> {
        let mut anns: Vec<(&str, &Expr)> = Vec::new();
        let params = p.args.iter().chain(p.posonlyargs.iter()).map(|a| &a.parameter);
        let params = params.chain(p.vararg.as_deref()).chain(p.kwonlyargs.iter().map(|a| &a.parameter));
        for a in params.chain(p.kwarg.as_deref()) {
            if let Some(an) = a.annotation.as_deref() {
                anns.push((a.name.id.as_str(), an));
            }
        }
        if let Some(r) = returns {
            anns.push(("return", r));
        }
        if anns.is_empty() {
            return Ok(0);
        }
        let n = anns.len() as u32;
        for (name, an) in anns {
            let key = mangle(self.ur().private.as_deref(), name);
            self.load_const(Constant::Str(key));
            match an {
                // `*args: *Ts` evaluates `[*Ts]` (one item)
                Expr::Starred(s) if !self.st.future_annotations => {
                    self.expr(&s.value)?;
                    let old = self.set_loc(an.range());
                    self.emit(Instr::UnpackSequence(1));
                    self.restore_loc(old);
                }
                _ => self.annotation_value(an)?,
            }
        }
        self.emit(Instr::BuildMap(n));
        Ok(mff::ANNOTATIONS)
    }

    fn first_line_of(&self, decos: &[ast::Decorator], r: TextRange) -> u32 {
        let start = decos.first().map(|d| d.range.start()).unwrap_or(r.start());
        self.idx.line_col(start.to_usize()).0
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R {
        if f.type_params.is_some() {
            return Err(self.unsupported("type parameters are", f.range));
        }
        self.decorators(&f.decorator_list)?;
        let first_line = self.first_line_of(&f.decorator_list, f.range);
        let flags = self.defaults(&f.parameters)?;
        let flags = flags | self.annotations(&f.parameters, f.returns.as_deref())?;
        let Some(sid) = self.st.scope_for(f) else {
            return Err(self.err("pyc internal error: no scope for function", f.range));
        };
        self.enter_unit(sid, &f.name.id, first_line);
        let p = &f.parameters;
        {
            let u = self.u();
            u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            u.posonly = p.posonlyargs.len() as u32;
            u.kwonly = p.kwonlyargs.len() as u32;
        }
        let mut body: &'a [Stmt] = &f.body;
        if let Some(doc) = body.first().and_then(is_docstring) {
            self.add_const(Constant::Str(doc.clone()));
            self.u().docstring = Some(doc);
            body = &body[1..];
        } else {
            self.add_const(Constant::None);
        }
        self.stmts(body)?;
        let code = self.exit_unit()?;
        self.make_closure(code, flags, f.range)?;
        for _ in &f.decorator_list {
            self.emit(Instr::Call(0));
        }
        self.name_op(&f.name.id, Ctx::Store, f.name.range)
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> R {
        if c.type_params.is_some() {
            return Err(self.unsupported("type parameters are", c.range));
        }
        self.decorators(&c.decorator_list)?;
        let first_line = self.first_line_of(&c.decorator_list, c.range);
        let Some(sid) = self.st.scope_for(c) else {
            return Err(self.err("pyc internal error: no scope for class", c.range));
        };
        self.enter_unit(sid, &c.name.id, first_line);
        self.u().private = Some(c.name.id.to_string());
        self.u().loc = self.loc_of(c.range);
        self.name_op("__name__", Ctx::Load, c.range)?;
        self.name_op("__module__", Ctx::Store, c.range)?;
        let q = self.ur().qualname.clone();
        self.load_const(Constant::Str(q));
        self.name_op("__qualname__", Ctx::Store, c.range)?;
        self.body(&c.body)?;
        if self.st.scopes[sid].needs_class_closure {
            let i = self.ur().cellvars.iter().position(|x| x == "__class__").unwrap_or(0) as u32;
            self.emit(Instr::LoadClosure(i));
            self.emit(Instr::Copy(1));
            self.name_op("__classcell__", Ctx::Store, c.range)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.exit_unit()?;
        self.emit(Instr::PushNull);
        self.emit(Instr::LoadBuildClass);
        self.make_closure(code, 0, c.range)?;
        self.load_const(Constant::Str(c.name.id.to_string()));
        let (args, kws): (&'a [Expr], &'a [ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_helper(2, args, kws)?;
        for _ in &c.decorator_list {
            self.emit(Instr::Call(0));
        }
        self.name_op(&c.name.id, Ctx::Store, c.name.range)
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> R {
        if !self.ur().kind.is_function() {
            return Err(self.err("'return' outside function", r.range));
        }
        let sc = &self.st.scopes[self.ur().scope];
        if r.value.is_some() && sc.is_coroutine && sc.is_generator {
            return Err(self.err("'return' with value in async generator", r.range));
        }
        let preserve = r.value.as_ref().is_some_and(|v| literal_constant(v).is_none());
        if preserve {
            self.expr(r.value.as_ref().unwrap())?;
        }
        self.unwind_fblock_stack(preserve, false, r.range)?;
        match &r.value {
            None => self.load_const(Constant::None),
            Some(v) if !preserve => {
                let c = literal_constant(v).unwrap_or(Constant::None);
                self.load_const(c)
            }
            _ => {}
        }
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    fn break_stmt(&mut self, r: TextRange) -> R {
        if !self.has_loop() {
            return Err(self.err("'break' outside loop", r));
        }
        self.unwind_fblock_stack(false, true, r)?;
        Ok(())
    }

    fn continue_stmt(&mut self, r: TextRange) -> R {
        if !self.has_loop() {
            return Err(self.err("'continue' not properly in loop", r));
        }
        self.unwind_fblock_stack(false, true, r)?;
        Ok(())
    }

    fn has_loop(&self) -> bool {
        self.ur().fblocks.iter().any(|f| matches!(f, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }))
    }

    /// Unwinds the frame-block stack for `return` (preserve_tos = value on top) or,
    /// when `to_loop`, for `break`/`continue` up to the innermost loop (then emits the
    /// jump itself; `is_break` is decided by the caller's statement kind via the
    /// location's statement). The handler stack, fblocks and static depth are restored
    /// afterwards.
    fn unwind_fblock_stack(&mut self, preserve: bool, to_loop: bool, r: TextRange) -> R {
        let saved_fb = self.ur().fblocks.clone();
        let saved_h = self.ur().handlers.clone();
        let saved_depth = self.ur().depth;
        if preserve {
            self.u().depth += 1;
        }
        let is_break = to_loop && self.source.get(r.start().to_usize()..r.end().to_usize()) == Some("break");
        let result = (|| -> R {
            while let Some(top) = self.u().fblocks.pop() {
                if to_loop {
                    if let FBlock::WhileLoop { start, exit } | FBlock::ForLoop { start, exit } = top {
                        if is_break {
                            if matches!(top, FBlock::ForLoop { .. }) {
                                self.emit(Instr::Pop);
                            }
                            self.jump(Instr::Jump, exit);
                        } else {
                            self.jump(Instr::Jump, start);
                        }
                        return Ok(());
                    }
                }
                self.unwind_fblock(top, preserve)?;
            }
            Ok(())
        })();
        let u = self.u();
        u.fblocks = saved_fb;
        u.handlers = saved_h;
        u.depth = saved_depth;
        result
    }

    fn unwind_fblock(&mut self, fb: FBlock<'a>, preserve: bool) -> R {
        match fb {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler => {}
            FBlock::ForLoop { .. } => {
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::Pop);
                self.u().depth -= 1;
            }
            FBlock::TryExcept => {
                self.u().handlers.pop();
            }
            FBlock::FinallyTry { body } => {
                self.u().handlers.pop();
                if preserve {
                    self.u().fblocks.push(FBlock::PopValue);
                }
                self.stmts(body)?;
                if preserve {
                    self.u().fblocks.pop();
                }
            }
            FBlock::FinallyEnd => {
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::Pop);
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.u().handlers.pop();
                self.emit(Instr::PopExcept);
                self.u().depth -= 2;
            }
            FBlock::With { loc, is_async } => {
                let old = std::mem::replace(&mut self.u().loc, loc);
                self.u().handlers.pop();
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.call_exit_with_nones();
                if is_async {
                    self.await_exit();
                }
                self.emit(Instr::Pop);
                self.u().depth -= 1;
                self.restore_loc(old);
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.u().handlers.pop();
                }
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.u().handlers.pop();
                self.emit(Instr::PopExcept);
                self.u().depth -= 1;
                if let Some(n) = name {
                    let r = TextRange::default();
                    self.load_const(Constant::None);
                    self.name_op(n, Ctx::Store, r)?;
                    self.name_op(n, Ctx::Del, r)?;
                }
            }
            FBlock::PopValue => {
                if preserve {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::Pop);
                self.u().depth -= 1;
            }
        }
        Ok(())
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Instr::Call(2));
    }

    fn push_handler(&mut self, label: Label, depth: u32, lasti: bool) {
        self.u().handlers.push(Handler { label: label.0, depth, lasti });
    }

    fn pop_handler(&mut self) {
        self.u().handlers.pop();
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> R {
        if f.is_async {
            if !self.in_async_function() {
                return Err(self.err("'async for' outside async function", f.range));
            }
            return self.async_for_stmt(f);
        }
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.iter_expr(&f.iter)?;
        self.emit(Instr::GetIter);
        self.bind(start);
        self.u().fblocks.push(FBlock::ForLoop { start, exit: end });
        self.u().depth += 1;
        self.jump(Instr::ForIter, cleanup);
        self.store(&f.target)?;
        self.stmts(&f.body)?;
        self.jump(Instr::Jump, start);
        self.u().depth -= 1;
        self.u().fblocks.pop();
        self.bind(cleanup);
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> R {
        let start = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(start);
        self.u().fblocks.push(FBlock::WhileLoop { start, exit: end });
        if is_const_true(&w.test) != Some(true) {
            self.jump_if(&w.test, anchor, false)?;
        }
        self.stmts(&w.body)?;
        self.jump(Instr::Jump, start);
        self.u().fblocks.pop();
        self.bind(anchor);
        self.stmts(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> R {
        let end = self.new_label();
        let mut next = self.new_label();
        self.jump_if(&i.test, next, false)?;
        self.stmts(&i.body)?;
        let n = i.elif_else_clauses.len();
        if n > 0 {
            self.jump(Instr::Jump, end);
        }
        self.bind(next);
        for (k, c) in i.elif_else_clauses.iter().enumerate() {
            match &c.test {
                Some(t) => {
                    next = self.new_label();
                    let old = self.set_loc(c.range);
                    self.jump_if(t, next, false)?;
                    self.restore_loc(old);
                    self.stmts(&c.body)?;
                    if k + 1 < n {
                        self.jump(Instr::Jump, end);
                    }
                    self.bind(next);
                }
                None => self.stmts(&c.body)?,
            }
        }
        self.bind(end);
        Ok(())
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, pos: usize) -> R {
        let item = &w.items[pos];
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let loc = self.ur().loc;
        self.expr(&item.context_expr)?;
        if w.is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.emit(Instr::GetAwaitable(1));
            self.load_const(Constant::None);
            self.yield_from_loop();
        } else {
            self.emit(Instr::BeforeWith);
        }
        let d = self.ur().depth;
        self.push_handler(final_, d + 1, true);
        self.u().fblocks.push(FBlock::With { loc, is_async: w.is_async });
        self.u().depth += 1;
        match &item.optional_vars {
            Some(v) => self.store(v)?,
            None => self.emit(Instr::Pop),
        }
        if pos + 1 == w.items.len() {
            self.stmts(&w.body)?;
        } else {
            self.with_stmt(w, pos + 1)?;
        }
        self.u().depth -= 1;
        self.u().fblocks.pop();
        self.pop_handler();
        self.u().loc = loc;
        self.call_exit_with_nones();
        if w.is_async {
            self.await_exit();
        }
        self.emit(Instr::Pop);
        self.jump(Instr::Jump, exit);
        // exceptional exit: [exit, lasti, exc]
        self.bind(final_);
        self.push_handler(cleanup, d + 3, true);
        self.emit(Instr::PushExcInfo);
        self.emit(Instr::WithExceptStart);
        if w.is_async {
            self.await_exit();
        }
        let suppress = self.new_label();
        self.jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise(2));
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(suppress);
        self.push_handler(cleanup, d + 3, true);
        self.emit(Instr::Pop);
        self.pop_handler();
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.emit(Instr::Pop);
        self.bind(exit);
        Ok(())
    }

    /// `await` of the value `__aexit__` returned (`[.., v] -> [.., result]`).
    fn await_exit(&mut self) {
        self.emit(Instr::GetAwaitable(2));
        self.load_const(Constant::None);
        self.yield_from_loop();
    }

    fn in_async_function(&self) -> bool {
        let u = self.ur();
        match u.kind {
            ScopeKind::Comprehension => self.st.scopes[u.scope].is_coroutine,
            ScopeKind::Function => self.st.scopes[u.scope].is_async_def,
            _ => false,
        }
    }

    fn async_for_stmt(&mut self, f: &'a ast::StmtFor) -> R {
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Instr::GetAIter);
        self.bind(start);
        self.u().fblocks.push(FBlock::ForLoop { start, exit: end });
        self.u().depth += 1;
        let d = self.ur().depth;
        self.push_handler(except, d, false);
        self.emit(Instr::GetANext);
        self.load_const(Constant::None);
        self.yield_from_loop();
        self.pop_handler();
        self.store(&f.target)?;
        self.stmts(&f.body)?;
        self.jump(Instr::Jump, start);
        self.u().depth -= 1;
        self.u().fblocks.pop();
        // [aiter, exc]
        self.bind(except);
        let old = self.set_loc(f.iter.range());
        self.emit(Instr::EndAsyncFor);
        self.restore_loc(old);
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `try: ... except* T: ...` (CPython 3.11's scheme): the handlers run on
    /// `[prev, orig, raised_list, rest]`; each one splits `rest` with `CheckEgMatch`, and
    /// whatever a handler raises is appended to the list; `PrepReraiseStar` then computes
    /// the group to re-raise.
    fn try_star_except(&mut self, t: &'a ast::StmtTry) -> R {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        let d = self.ur().depth;
        self.push_handler(except, d, false);
        self.u().fblocks.push(FBlock::TryExcept);
        self.stmts(&t.body)?;
        self.u().fblocks.pop();
        self.pop_handler();
        self.stmts(&t.orelse)?;
        self.jump(Instr::Jump, end);
        // [exc]
        self.bind(except);
        self.push_handler(cleanup, d + 1, true);
        self.emit(Instr::PushExcInfo);
        // [prev, orig, list, rest]
        self.emit(Instr::Copy(1));
        self.emit(Instr::BuildList(0));
        self.emit(Instr::Swap(2));
        self.u().fblocks.push(FBlock::ExceptionHandler);
        for h in t.handlers.iter() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let old = self.set_loc(h.range);
            let Some(ty) = &h.type_ else {
                return Err(self.err("expected one or more exception types", h.range));
            };
            for st in &h.body {
                if let Some(r) = find_flow_escape(st, false) {
                    return Err(self.err("'break', 'continue' and 'return' cannot appear in an except* block", r));
                }
            }
            let no_match = self.new_label();
            let next = self.new_label();
            let with_error = self.new_label();
            self.expr(ty)?;
            self.emit(Instr::CheckEgMatch);
            self.emit(Instr::Copy(1));
            self.jump(Instr::PopJumpIfNone, no_match);
            match &h.name {
                Some(n) => self.name_op(&n.id, Ctx::Store, n.range)?,
                None => self.emit(Instr::Pop),
            }
            self.push_handler(with_error, d + 4, true);
            self.u().depth += 4;
            self.stmts(&h.body)?;
            self.u().depth -= 4;
            self.pop_handler();
            if let Some(n) = &h.name {
                self.load_const(Constant::None);
                self.name_op(&n.id, Ctx::Store, n.range)?;
                self.name_op(&n.id, Ctx::Del, n.range)?;
            }
            self.jump(Instr::Jump, next);
            // a handler raised: [prev, orig, list, rest, lasti, exc]
            self.bind(with_error);
            if let Some(n) = &h.name {
                self.load_const(Constant::None);
                self.name_op(&n.id, Ctx::Store, n.range)?;
                self.name_op(&n.id, Ctx::Del, n.range)?;
            }
            self.emit(Instr::ListAppend(3));
            self.emit(Instr::Pop);
            self.jump(Instr::Jump, next);
            self.bind(no_match);
            self.emit(Instr::Pop);
            self.bind(next);
            self.restore_loc(old);
        }
        self.u().fblocks.pop();
        // [prev, orig, list, rest]
        self.emit(Instr::ListAppend(1));
        self.emit(Instr::PrepReraiseStar);
        self.emit(Instr::Copy(1));
        self.jump(Instr::PopJumpIfNotNone, reraise_star);
        self.emit(Instr::Pop);
        self.pop_handler();
        self.emit(Instr::PopExcept);
        self.jump(Instr::Jump, end);
        self.bind(reraise_star);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise(0));
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit(Instr::Copy(3));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise(1));
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> R {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let d = self.ur().depth;
        self.push_handler(end, d, false);
        self.u().fblocks.push(FBlock::FinallyTry { body: &t.finalbody });
        if !t.handlers.is_empty() {
            if t.is_star {
                self.try_star_except(t)?;
            } else {
                self.try_except(t)?;
            }
        } else {
            self.stmts(&t.body)?;
        }
        self.u().fblocks.pop();
        self.pop_handler();
        self.stmts(&t.finalbody)?;
        self.jump(Instr::Jump, exit);
        // exceptional path: [exc]
        self.bind(end);
        self.push_handler(cleanup, d + 1, true);
        self.emit(Instr::PushExcInfo);
        self.u().fblocks.push(FBlock::FinallyEnd);
        self.u().depth += 2;
        self.stmts(&t.finalbody)?;
        self.u().depth -= 2;
        self.u().fblocks.pop();
        self.emit(Instr::Reraise(0));
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> R {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let d = self.ur().depth;
        self.push_handler(except, d, false);
        self.u().fblocks.push(FBlock::TryExcept);
        self.stmts(&t.body)?;
        self.u().fblocks.pop();
        self.pop_handler();
        self.stmts(&t.orelse)?;
        self.jump(Instr::Jump, end);
        // dispatch: [exc]
        self.bind(except);
        self.push_handler(cleanup, d + 1, true);
        self.emit(Instr::PushExcInfo);
        self.u().fblocks.push(FBlock::ExceptionHandler);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let old = self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.err("default 'except:' must be last", h.range));
            }
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Instr::CheckExcMatch);
                self.jump(Instr::PopJumpIfFalse, next);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                self.name_op(&name.id, Ctx::Store, name.range)?;
                self.push_handler(cleanup_end, d + 1, true);
                self.u().fblocks.push(FBlock::HandlerCleanup { name: Some(name.id.as_str()) });
                self.u().depth += 1;
                self.stmts(&h.body)?;
                self.u().depth -= 1;
                self.u().fblocks.pop();
                // normal exit: pop both handlers
                let saved = self.ur().handlers.clone();
                self.pop_handler();
                self.pop_handler();
                self.emit(Instr::PopExcept);
                self.load_const(Constant::None);
                self.name_op(&name.id, Ctx::Store, name.range)?;
                self.name_op(&name.id, Ctx::Del, name.range)?;
                self.jump(Instr::Jump, end);
                self.u().handlers = saved;
                self.pop_handler(); // cleanup_end region ends
                // except: [prev, lasti, exc2]
                self.bind(cleanup_end);
                self.load_const(Constant::None);
                self.name_op(&name.id, Ctx::Store, name.range)?;
                self.name_op(&name.id, Ctx::Del, name.range)?;
                self.emit(Instr::Reraise(1));
            } else {
                self.emit(Instr::Pop);
                self.u().fblocks.push(FBlock::HandlerCleanup { name: None });
                self.u().depth += 1;
                self.stmts(&h.body)?;
                self.u().depth -= 1;
                self.u().fblocks.pop();
                let saved = self.ur().handlers.clone();
                self.pop_handler();
                self.emit(Instr::PopExcept);
                self.jump(Instr::Jump, end);
                self.u().handlers = saved;
            }
            self.restore_loc(old);
            self.bind(next);
        }
        self.u().fblocks.pop();
        self.emit(Instr::Reraise(0));
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    fn import(&mut self, i: &'a ast::StmtImport) -> R {
        for a in &i.names {
            // CPython 3.11 locates IMPORT_NAME at the whole statement, not the alias.
            let old = self.set_loc(i.range);
            self.load_const(Constant::Int(0));
            self.load_const(Constant::None);
            let full = a.name.id.as_str();
            let ni = self.name_index(full);
            self.emit(Instr::ImportName(ni));
            if let Some(asname) = &a.asname {
                let parts: Vec<&str> = full.split('.').collect();
                if parts.len() > 1 {
                    for (k, attr) in parts[1..].iter().enumerate() {
                        let ai = self.name_index(attr);
                        self.emit(Instr::ImportFrom(ai));
                        if k + 2 < parts.len() {
                            self.emit(Instr::Swap(2));
                            self.emit(Instr::Pop);
                        }
                    }
                    self.name_op(&asname.id, Ctx::Store, asname.range)?;
                    self.emit(Instr::Pop);
                } else {
                    self.name_op(&asname.id, Ctx::Store, asname.range)?;
                }
            } else {
                let first = full.split('.').next().unwrap_or(full);
                self.name_op(first, Ctx::Store, a.name.range)?;
            }
            self.restore_loc(old);
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> R {
        self.load_const(Constant::Int(i.level as i64));
        let names: Vec<Constant> = i.names.iter().map(|a| Constant::Str(a.name.id.to_string())).collect();
        self.load_const(Constant::Tuple(names));
        let module = i.module.as_ref().map(|m| m.id.as_str()).unwrap_or("");
        let mi = self.name_index(module);
        self.emit(Instr::ImportName(mi));
        for (k, a) in i.names.iter().enumerate() {
            if k == 0 && a.name.id.as_str() == "*" {
                self.emit(Instr::ImportStar);
                return Ok(());
            }
            let ni = self.mangled_name_index(&a.name.id);
            self.emit(Instr::ImportFrom(ni));
            let store = a.asname.as_ref().unwrap_or(&a.name);
            self.name_op(&store.id, Ctx::Store, store.range)?;
        }
        self.emit(Instr::Pop);
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R {
        let t = &*a.target;
        let old = self.set_loc(t.range());
        match t {
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Instr::Copy(1));
                self.attr_loc(at);
                let ni = self.mangled_name_index(&at.attr.id);
                self.emit(Instr::LoadAttr(ni));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::BinarySubscr);
            }
            Expr::Name(n) => self.name_op(&n.id, Ctx::Load, n.range)?,
            _ => return Err(self.err("'expression' is an illegal expression for augmented assignment", t.range())),
        }
        self.restore_loc(old);
        self.expr(&a.value)?;
        let old = self.set_loc(a.range);
        self.emit(Instr::InplaceOp(binop(a.op) as u32));
        self.restore_loc(old);
        let old = self.set_loc(t.range());
        match t {
            Expr::Attribute(at) => {
                self.emit(Instr::Swap(2));
                let ni = self.mangled_name_index(&at.attr.id);
                self.emit(Instr::StoreAttr(ni));
            }
            Expr::Subscript(_) => {
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
            }
            Expr::Name(n) => self.name_op(&n.id, Ctx::Store, n.range)?,
            _ => {}
        }
        self.restore_loc(old);
        Ok(())
    }

    fn annotation_value(&mut self, e: &'a Expr) -> R {
        if self.st.future_annotations {
            let text = self.source.get(e.range().start().to_usize()..e.range().end().to_usize()).unwrap_or("").to_string();
            self.load_const(Constant::Str(text));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> R {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store(&a.target)?;
        }
        let module_or_class = matches!(self.ur().kind, ScopeKind::Module | ScopeKind::Class);
        match &*a.target {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.err("cannot assign to __debug__", n.range));
                }
                if a.simple && module_or_class {
                    self.annotation_value(&a.annotation)?;
                    let ai = self.name_index("__annotations__");
                    self.emit(Instr::LoadName(ai));
                    let m = mangle(self.ur().private.as_deref(), &n.id);
                    self.load_const(Constant::Str(m));
                    self.emit(Instr::StoreSubscr);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.expr(&at.value)?;
                    self.emit(Instr::Pop);
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.expr(&s.value)?;
                    self.emit(Instr::Pop);
                    self.expr(&s.slice)?;
                    self.emit(Instr::Pop);
                }
            }
            other => return Err(self.err("illegal target for annotation", other.range())),
        }
        if !a.simple && module_or_class && !self.st.future_annotations {
            self.expr(&a.annotation)?;
            self.emit(Instr::Pop);
        }
        Ok(())
    }

    // ------------------------------------------------------------------ targets

    fn store(&mut self, t: &'a Expr) -> R {
        let old = self.set_loc(t.range());
        let r = self.store_inner(t);
        self.restore_loc(old);
        r
    }

    fn store_inner(&mut self, t: &'a Expr) -> R {
        match t {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Store, n.range),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let ni = self.mangled_name_index(&a.attr.id);
                self.emit(Instr::StoreAttr(ni));
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                if let Expr::Slice(sl) = &*s.slice {
                    let n = self.slice_bounds(sl)?;
                    self.emit(Instr::StoreSlice(n));
                } else {
                    self.subscript_index(&s.slice)?;
                    self.emit(Instr::StoreSubscr);
                }
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack(elts, t.range())?;
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.store(&s.value)?,
                        _ => self.store(e)?,
                    }
                }
                Ok(())
            }
            Expr::Starred(s) => Err(self.err("starred assignment target must be in a list or tuple", s.range)),
            other => Err(self.err("cannot assign to expression", other.range())),
        }
    }

    fn unpack(&mut self, elts: &'a [Expr], r: TextRange) -> R {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(_) = e {
                if seen_star {
                    return Err(self.err("multiple starred expressions in assignment", r));
                }
                if i >= 256 || n - i - 1 >= (i32::MAX >> 8) as usize {
                    return Err(self.err("too many expressions in star-unpacking assignment", r));
                }
                self.emit(Instr::UnpackEx((i + ((n - i - 1) << 8)) as u32));
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Instr::UnpackSequence(n as u32));
        }
        Ok(())
    }

    fn delete(&mut self, t: &'a Expr) -> R {
        let old = self.set_loc(t.range());
        let r = (|| -> R {
            match t {
                Expr::Name(n) => self.name_op(&n.id, Ctx::Del, n.range),
                Expr::Attribute(a) => {
                    self.expr(&a.value)?;
                    let ni = self.mangled_name_index(&a.attr.id);
                    self.emit(Instr::DeleteAttr(ni));
                    Ok(())
                }
                Expr::Subscript(s) => {
                    self.expr(&s.value)?;
                    self.subscript_index(&s.slice)?;
                    self.emit(Instr::DeleteSubscr);
                    Ok(())
                }
                Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                    for e in elts {
                        self.delete(e)?;
                    }
                    Ok(())
                }
                other => Err(self.err("cannot delete expression", other.range())),
            }
        })();
        self.restore_loc(old);
        r
    }

    // ------------------------------------------------------------------ conditions

    fn jump_if(&mut self, e: &'a Expr, next: Label, cond: bool) -> R {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => self.jump_if(&u.operand, next, !cond),
            Expr::BoolOp(b) => {
                let cond2 = b.op == ast::BoolOp::Or;
                let next2 = if cond2 != cond { self.new_label() } else { next };
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&b.values[n - 1], next, cond)?;
                if next2 != next {
                    self.bind(next2);
                }
                Ok(())
            }
            Expr::If(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, next, cond)?;
                self.jump(Instr::Jump, end);
                self.bind(next2);
                self.jump_if(&i.orelse, next, cond)?;
                self.bind(end);
                Ok(())
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                let old = self.set_loc(c.range);
                let cleanup = self.new_label();
                self.expr(&c.left)?;
                let n = c.ops.len() - 1;
                for i in 0..n {
                    self.expr(&c.comparators[i])?;
                    self.emit(Instr::Swap(2));
                    self.emit(Instr::Copy(2));
                    self.compare_op(c.ops[i]);
                    self.jump(Instr::PopJumpIfFalse, cleanup);
                }
                self.expr(&c.comparators[n])?;
                self.compare_op(c.ops[n]);
                self.jump(if cond { Instr::PopJumpIfTrue } else { Instr::PopJumpIfFalse }, next);
                let end = self.new_label();
                self.jump(Instr::Jump, end);
                self.bind(cleanup);
                self.emit(Instr::Pop);
                if !cond {
                    self.jump(Instr::Jump, next);
                }
                self.bind(end);
                self.restore_loc(old);
                Ok(())
            }
            _ => {
                self.expr(e)?;
                self.jump(if cond { Instr::PopJumpIfTrue } else { Instr::PopJumpIfFalse }, next);
                Ok(())
            }
        }
    }

    fn compare_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        self.emit(match op {
            C::Eq => Instr::CompareOp(CmpOp::Eq as u32),
            C::NotEq => Instr::CompareOp(CmpOp::Ne as u32),
            C::Lt => Instr::CompareOp(CmpOp::Lt as u32),
            C::LtE => Instr::CompareOp(CmpOp::Le as u32),
            C::Gt => Instr::CompareOp(CmpOp::Gt as u32),
            C::GtE => Instr::CompareOp(CmpOp::Ge as u32),
            C::Is => Instr::IsOp(0),
            C::IsNot => Instr::IsOp(1),
            C::In => Instr::ContainsOp(0),
            C::NotIn => Instr::ContainsOp(1),
        });
    }

    // ------------------------------------------------------------------ expressions

    fn expr(&mut self, e: &'a Expr) -> R {
        let old = self.set_loc(e.range());
        let r = crate::limits::nested(self, e.range(), |c| c.expr_inner(e));
        self.restore_loc(old);
        r
    }

    /// Location of an attribute access: CPython moves the start to the attribute name
    /// when it is on a later line than the current start.
    fn attr_loc(&mut self, a: &ast::ExprAttribute) {
        let end = self.loc_of(a.range);
        let u = self.u();
        if u.loc.line != end.end_line {
            u.loc.line = end.end_line;
            let len = a.attr.id.len() as u32;
            u.loc.col = end.end_col.saturating_sub(len);
            u.loc.end_line = u.loc.end_line.max(u.loc.line);
            if u.loc.line == u.loc.end_line {
                u.loc.end_col = u.loc.end_col.max(u.loc.col);
            }
        }
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R {
        if let Some(c) = fold_constant(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.expr(v)?;
                    self.jump(
                        if b.op == ast::BoolOp::And { Instr::JumpIfFalseOrPop } else { Instr::JumpIfTrueOrPop },
                        end,
                    );
                }
                self.expr(&b.values[n - 1])?;
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Copy(1));
                self.store(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Instr::BinaryOp(binop(b.op) as u32));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::USub => UnOp::Neg,
                };
                self.emit(Instr::UnaryOp(op as u32));
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(&i.test, next, false)?;
                self.expr(&i.body)?;
                self.jump(Instr::Jump, end);
                self.bind(next);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict(d)?,
            Expr::Set(s) => self.starunpack(&s.elts, 0, Seq::Set)?,
            Expr::List(l) => {
                if l.ctx != ast::ExprContext::Load {
                    return Err(self.err("pyc internal error: list in store context", l.range));
                }
                self.starunpack(&l.elts, 0, Seq::List)?
            }
            Expr::Tuple(t) => self.starunpack(&t.elts, 0, Seq::Tuple)?,
            Expr::ListComp(c) => self.comprehension(e, CompKind::List, &c.generators, &c.elt, None)?,
            Expr::SetComp(c) => self.comprehension(e, CompKind::Set, &c.generators, &c.elt, None)?,
            Expr::DictComp(c) => {
                let Some(key) = c.key.as_deref() else {
                    return Err(self.unsupported("dict unpacking in comprehension is", c.range));
                };
                self.comprehension(e, CompKind::Dict, &c.generators, key, Some(&c.value))?
            }
            Expr::Generator(c) => self.comprehension(e, CompKind::Gen, &c.generators, &c.elt, None)?,
            Expr::Await(a) => {
                if !self.ur().kind.is_function() {
                    return Err(self.err("'await' outside function", a.range));
                }
                if !self.in_async_function() {
                    return Err(self.err("'await' outside async function", a.range));
                }
                self.expr(&a.value)?;
                self.emit(Instr::GetAwaitable(0));
                self.load_const(Constant::None);
                self.yield_from_loop();
            }
            Expr::Yield(y) => {
                if !self.ur().kind.is_function() {
                    return Err(self.err("'yield' outside function", y.range));
                }
                let is_async_gen = self.st.scopes[self.ur().scope].is_coroutine;
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                if is_async_gen {
                    self.emit(Instr::AsyncGenWrap);
                }
                self.emit(Instr::YieldValue);
            }
            Expr::YieldFrom(y) => {
                if !self.ur().kind.is_function() {
                    return Err(self.err("'yield' outside function", y.range));
                }
                if self.st.scopes[self.ur().scope].is_coroutine {
                    return Err(self.err("'yield from' inside async function", y.range));
                }
                self.expr(&y.value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Constant::None);
                self.yield_from_loop();
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                let n = c.ops.len() - 1;
                if n == 0 {
                    self.expr(&c.comparators[0])?;
                    self.compare_op(c.ops[0]);
                } else {
                    let cleanup = self.new_label();
                    for i in 0..n {
                        self.expr(&c.comparators[i])?;
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::Copy(2));
                        self.compare_op(c.ops[i]);
                        self.jump(Instr::JumpIfFalseOrPop, cleanup);
                    }
                    self.expr(&c.comparators[n])?;
                    self.compare_op(c.ops[n]);
                    let end = self.new_label();
                    self.jump(Instr::Jump, end);
                    self.bind(cleanup);
                    self.emit(Instr::Swap(2));
                    self.emit(Instr::Pop);
                    self.bind(end);
                }
            }
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(t) => return Err(self.unsupported("t-strings are", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                let c = literal_constant(e).unwrap_or(Constant::None);
                self.load_const(c);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.attr_loc(a);
                let ni = self.mangled_name_index(&a.attr.id);
                self.emit(Instr::LoadAttr(ni));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                if let Expr::Slice(sl) = &*s.slice {
                    let n = self.slice_bounds(sl)?;
                    self.emit(Instr::BinarySlice(n));
                } else {
                    self.subscript_index(&s.slice)?;
                    self.emit(Instr::BinarySubscr);
                }
            }
            Expr::Starred(s) => return Err(self.err("can't use starred expression here", s.range)),
            Expr::Name(n) => self.name_op(&n.id, Ctx::Load, n.range)?,
            Expr::Slice(s) => {
                let n = self.slice_bounds(s)?;
                self.emit(Instr::BuildSlice(n));
            }
            Expr::IpyEscapeCommand(i) => return Err(self.err("invalid syntax", i.range)),
        }
        Ok(())
    }

    /// Pushes the bounds of a slice display (`None` for an absent start or stop) under
    /// the slice's location; returns how many (3 with a step, else 2).
    fn slice_bounds(&mut self, s: &'a ast::ExprSlice) -> R<u32> {
        let old = self.set_loc(s.range);
        let r = (|| {
            for bound in [&s.lower, &s.upper] {
                match bound {
                    Some(x) => self.expr(x)?,
                    None => self.load_const(Constant::None),
                }
            }
            match &s.step {
                Some(x) => self.expr(x).map(|_| 3),
                None => Ok(2),
            }
        })();
        self.restore_loc(old);
        r
    }

    /// The index of a subscript; `a[*b]` (PEP 646) is the tuple `(*b,)`.
    fn subscript_index(&mut self, e: &'a Expr) -> R {
        if let Expr::Starred(_) = e {
            let old = self.set_loc(e.range());
            let r = self.starunpack(std::slice::from_ref(e), 0, Seq::Tuple);
            self.restore_loc(old);
            return r;
        }
        self.expr(e)
    }

    /// `L: Send(exit); YieldValue; Jump(L); exit:` with `[iter, value]` on entry.
    fn yield_from_loop(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.jump(Instr::Send, exit);
        self.emit(Instr::YieldValue);
        self.jump(Instr::Jump, start);
        self.bind(exit);
    }

    /// The iterable of a `for` statement or comprehension. CPython's AST optimizer
    /// (`fold_iter`) turns a set display of constants there into a frozenset constant,
    /// which is then iterated in the frozenset's own order.
    fn iter_expr(&mut self, e: &'a Expr) -> R {
        if let Expr::Set(set) = e {
            let folded: Option<Vec<Constant>> = set.elts.iter().map(fold_constant).collect();
            if let Some(items) = folded {
                let old = self.set_loc(e.range());
                self.load_const(Constant::FrozenSet(items));
                self.restore_loc(old);
                return Ok(());
            }
        }
        self.expr(e)
    }

    fn starunpack(&mut self, elts: &'a [Expr], pushed: usize, kind: Seq) -> R {
        let n = elts.len();
        let big = n + pushed > STACK_USE_GUIDELINE;
        let seen_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        let (build, add, extend): (fn(u32) -> Instr, fn(u32) -> Instr, fn(u32) -> Instr) = match kind {
            Seq::Set => (Instr::BuildSet, Instr::SetAdd, Instr::SetUpdate),
            _ => (Instr::BuildList, Instr::ListAppend, Instr::ListExtend),
        };
        // CPython (starunpack_helper) folds a set display of 3+ constants into a
        // frozenset constant; its iteration order then comes from that frozenset.
        if kind == Seq::Set && n > 2 {
            let folded: Option<Vec<Constant>> = elts.iter().map(fold_constant).collect();
            if let Some(items) = folded {
                self.emit(build(pushed as u32));
                self.load_const(Constant::FrozenSet(items));
                self.emit(extend(1));
                return Ok(());
            }
        }
        if !seen_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(match kind {
                Seq::Tuple => Instr::BuildTuple((n + pushed) as u32),
                _ => build((n + pushed) as u32),
            });
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build(pushed as u32));
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit(build((i + pushed) as u32));
                    built = true;
                }
                self.expr(&s.value)?;
                self.emit(extend(1));
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add(1));
                }
            }
        }
        if kind == Seq::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict) -> R {
        let mut have_dict = false;
        let mut elements = 0usize;
        let items = &d.items;
        for (i, it) in items.iter().enumerate() {
            match &it.key {
                None => {
                    if elements > 0 {
                        self.subdict(&items[i - elements..i])?;
                        if have_dict {
                            self.emit(Instr::DictUpdate(1));
                        }
                        have_dict = true;
                        elements = 0;
                    }
                    if !have_dict {
                        self.emit(Instr::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&it.value)?;
                    self.emit(Instr::DictUpdate(1));
                }
                Some(_) => {
                    if elements * 2 > STACK_USE_GUIDELINE {
                        self.subdict(&items[i - elements..i])?;
                        if have_dict {
                            self.emit(Instr::DictUpdate(1));
                        }
                        have_dict = true;
                        elements = 0;
                    }
                    elements += 1;
                }
            }
        }
        if elements > 0 {
            let n = items.len();
            self.subdict(&items[n - elements..n])?;
            if have_dict {
                self.emit(Instr::DictUpdate(1));
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Instr::BuildMap(0));
        }
        Ok(())
    }

    fn subdict(&mut self, items: &'a [ast::DictItem]) -> R {
        for it in items {
            if let Some(k) = &it.key {
                self.expr(k)?;
            }
            self.expr(&it.value)?;
        }
        self.emit(Instr::BuildMap(items.len() as u32));
        Ok(())
    }

    fn lambda(&mut self, l: &'a ast::ExprLambda) -> R {
        let flags = match &l.parameters {
            Some(p) => self.defaults(p)?,
            None => 0,
        };
        let Some(sid) = self.st.scope_for(l) else {
            return Err(self.err("pyc internal error: no scope for lambda", l.range));
        };
        let line = self.loc_of(l.range).line;
        let loc = self.ur().loc;
        self.enter_unit(sid, "<lambda>", line);
        self.u().loc = loc;
        if let Some(p) = &l.parameters {
            let u = self.u();
            u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            u.posonly = p.posonlyargs.len() as u32;
            u.kwonly = p.kwonlyargs.len() as u32;
        }
        self.add_const(Constant::None);
        self.expr(&l.body)?;
        self.emit(Instr::ReturnValue);
        let code = self.exit_unit()?;
        self.make_closure(code, flags, l.range)
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        gens: &'a [ast::Comprehension],
        elt: &'a Expr,
        val: Option<&'a Expr>,
    ) -> R {
        let Some(sid) = self.st.scope_for(e) else {
            return Err(self.err("pyc internal error: no scope for comprehension", e.range()));
        };
        let is_async = self.st.scopes[sid].is_coroutine || gens.iter().any(|g| g.is_async);
        let enclosing_comp = self.ur().kind == ScopeKind::Comprehension;
        if is_async && !self.in_async_function() && !enclosing_comp && kind != CompKind::Gen {
            return Err(self.err("asynchronous comprehension outside of an asynchronous function", e.range()));
        }
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let line = self.loc_of(e.range()).line;
        let loc = self.ur().loc;
        self.enter_unit(sid, name, line);
        self.u().loc = loc;
        self.u().argcount = 1;
        match kind {
            CompKind::List => self.emit(Instr::BuildList(0)),
            CompKind::Set => self.emit(Instr::BuildSet(0)),
            CompKind::Dict => self.emit(Instr::BuildMap(0)),
            CompKind::Gen => {}
        }
        self.comp_generator(gens, 0, 0, elt, val, kind)?;
        if kind != CompKind::Gen {
            self.emit(Instr::ReturnValue);
        }
        let code = self.exit_unit()?;
        self.make_closure(code, 0, e.range())?;
        self.iter_expr(&gens[0].iter)?;
        if gens[0].is_async {
            self.emit(Instr::GetAIter);
        } else {
            self.emit(Instr::GetIter);
        }
        self.emit(Instr::Call(0));
        if is_async && kind != CompKind::Gen {
            self.emit(Instr::GetAwaitable(0));
            self.load_const(Constant::None);
            self.yield_from_loop();
        }
        Ok(())
    }

    fn comp_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: CompKind,
    ) -> R {
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let g = &gens[index];
        if index == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.iter_expr(&g.iter)?;
            if g.is_async {
                self.emit(Instr::GetAIter);
            } else {
                self.emit(Instr::GetIter);
            }
        }
        let depth = depth + 1;
        self.bind(start);
        if g.is_async {
            let stack = depth + (kind != CompKind::Gen) as u32;
            self.push_handler(anchor, stack, false);
            self.emit(Instr::GetANext);
            self.load_const(Constant::None);
            self.yield_from_loop();
            self.pop_handler();
        } else {
            self.jump(Instr::ForIter, anchor);
        }
        self.store(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < gens.len() {
            self.comp_generator(gens, index + 1, depth, elt, val, kind)?;
        } else {
            match kind {
                CompKind::Gen => {
                    self.expr(elt)?;
                    if self.st.scopes[self.ur().scope].is_coroutine {
                        self.emit(Instr::AsyncGenWrap);
                    }
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::Pop);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(depth + 1));
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(depth + 1));
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = val {
                        self.expr(v)?;
                    }
                    self.emit(Instr::MapAdd(depth + 1));
                }
            }
        }
        self.bind(if_cleanup);
        self.jump(Instr::Jump, start);
        self.bind(anchor);
        if g.is_async {
            // [.., aiter, exc]
            self.emit(Instr::EndAsyncFor);
        }
        Ok(())
    }

    fn validate_keywords(&self, kws: &[ast::Keyword]) -> R {
        for (i, k) in kws.iter().enumerate() {
            if let Some(a) = &k.arg {
                if a.id.as_str() == "__debug__" {
                    return Err(self.err("cannot assign to __debug__", k.range));
                }
                for k2 in &kws[i + 1..] {
                    if k2.arg.as_ref().is_some_and(|b| b.id == a.id) {
                        return Err(self.err(format!("keyword argument repeated: {}", a.id), k2.range));
                    }
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> R {
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        // obj.meth(...) → LoadMethod + Call
        if let Expr::Attribute(a) = &*c.func {
            if a.ctx == ast::ExprContext::Load
                && args.len() + kws.len() + usize::from(!kws.is_empty()) < STACK_USE_GUIDELINE
                && !args.iter().any(|x| matches!(x, Expr::Starred(_)))
                && !kws.iter().any(|k| k.arg.is_none())
            {
                self.validate_keywords(kws)?;
                self.expr(&a.value)?;
                let saved = self.set_loc(a.range);
                self.attr_loc(a);
                let ni = self.mangled_name_index(&a.attr.id);
                self.emit(Instr::LoadMethod(ni));
                self.restore_loc(saved);
                for x in args.iter() {
                    self.expr(x)?;
                }
                for k in kws.iter() {
                    self.expr(&k.value)?;
                }
                self.attr_loc(a);
                self.emit_call(args.len(), kws);
                self.u().loc = saved;
                return Ok(());
            }
        }
        let saved = self.set_loc(c.func.range());
        self.emit(Instr::PushNull);
        self.restore_loc(saved);
        self.expr(&c.func)?;
        self.call_helper(0, args, kws)
    }

    fn emit_call(&mut self, nargs: usize, kws: &[ast::Keyword]) {
        if kws.is_empty() {
            self.emit(Instr::Call(nargs as u32));
        } else {
            let names = kws.iter().map(|k| Constant::Str(k.arg.as_ref().map(|a| a.id.to_string()).unwrap_or_default())).collect();
            self.load_const(Constant::Tuple(names));
            self.emit(Instr::CallKw((nargs + kws.len()) as u32));
        }
    }

    /// Arguments after the callable (and `n` already pushed positional args).
    fn call_helper(&mut self, n: usize, args: &'a [Expr], kws: &'a [ast::Keyword]) -> R {
        self.validate_keywords(kws)?;
        let simple = args.len() + kws.len() * 2 <= STACK_USE_GUIDELINE
            && !args.iter().any(|x| matches!(x, Expr::Starred(_)))
            && !kws.iter().any(|k| k.arg.is_none());
        if simple {
            for x in args {
                self.expr(x)?;
            }
            for k in kws {
                self.expr(&k.value)?;
            }
            self.emit_call(n + args.len(), kws);
            return Ok(());
        }
        // ex_call
        if n == 0 && args.len() == 1 && matches!(args[0], Expr::Starred(_)) {
            if let Expr::Starred(s) = &args[0] {
                self.expr(&s.value)?;
            }
        } else {
            self.starunpack(args, n, Seq::Tuple)?;
        }
        if !kws.is_empty() {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in kws.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&kws[i - nseen..i])?;
                        if have_dict {
                            self.emit(Instr::DictMerge(1));
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Instr::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                let len = kws.len();
                self.subkwargs(&kws[len - nseen..len])?;
                if have_dict {
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        self.emit(Instr::CallEx(!kws.is_empty() as u32));
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [ast::Keyword]) -> R {
        let big = kws.len() * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Instr::BuildMap(0));
        }
        for k in kws {
            let name = k.arg.as_ref().map(|a| a.id.to_string()).unwrap_or_default();
            self.load_const(Constant::Str(name));
            self.expr(&k.value)?;
            if big {
                self.emit(Instr::MapAdd(1));
            }
        }
        if !big {
            self.emit(Instr::BuildMap(kws.len() as u32));
        }
        Ok(())
    }

    // ------------------------------------------------------------------ f-strings

    fn fstring(&mut self, f: &'a ast::ExprFString) -> R {
        self.emit_pieces(&fstring_pieces(f))
    }

    fn emit_pieces(&mut self, pieces: &[Piece<'a>]) -> R {
        let pieces: Vec<&Piece> = pieces.iter().filter(|p| !matches!(p, Piece::Lit(s) if s.is_empty())).collect();
        if pieces.is_empty() {
            self.load_const(Constant::Str(String::new()));
            return Ok(());
        }
        for p in &pieces {
            match p {
                Piece::Lit(s) => self.load_const(Constant::Str(s.clone())),
                Piece::Interp(i) => self.formatted_value(i)?,
            }
        }
        if pieces.len() != 1 {
            self.emit(Instr::BuildString(pieces.len() as u32));
        }
        Ok(())
    }

    fn formatted_value(&mut self, i: &'a ast::InterpolatedElement) -> R {
        let old = self.set_loc(i.range);
        self.expr(&i.expression)?;
        let mut flags = match i.conversion {
            ast::ConversionFlag::None => {
                if i.debug_text.is_some() && i.format_spec.is_none() {
                    format_flags::CONV_REPR
                } else {
                    format_flags::CONV_NONE
                }
            }
            ast::ConversionFlag::Str => format_flags::CONV_STR,
            ast::ConversionFlag::Repr => format_flags::CONV_REPR,
            ast::ConversionFlag::Ascii => format_flags::CONV_ASCII,
        };
        if let Some(spec) = &i.format_spec {
            self.emit_pieces(&spec_pieces(spec))?;
            flags |= format_flags::HAVE_SPEC;
        }
        // CPython 3.11 attributes the formatting itself to the whole f-string.
        self.restore_loc(old);
        self.emit(Instr::FormatValue(flags));
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    List,
    Set,
    Tuple,
}

// ---------------------------------------------------------------------- match

/// State of one pattern compilation (CPython's `pattern_context`, our own layout rules):
/// the captured values live on the stack below `on_top` working items, `stores[i]`'s
/// value at depth `on_top + i + 1` from the top (the newest capture is the deepest).
/// Failing with `k = on_top + stores.len()` items to drop jumps to `fail_pop[k]`, a
/// chain of labels that pop one item each and end at `fail_pop[0]` (next case).
struct PatternCtx {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: u32,
    /// The last pattern node compiled (CPython reports some errors at its location).
    last: TextRange,
}

fn is_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> R {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let last = &m.cases[cases - 1];
        let has_default = is_wildcard(&last.pattern) && cases > 1;
        let n = cases - has_default as usize;
        for (i, case) in m.cases[..n].iter().enumerate() {
            let old = self.set_loc(case.pattern.range());
            if i != n - 1 {
                self.emit(Instr::Copy(1));
            }
            let mut pc = PatternCtx {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i == cases - 1,
                fail_pop: Vec::new(),
                on_top: 0,
                last: case.pattern.range(),
            };
            self.pattern(&case.pattern, &mut pc)?;
            let stores = std::mem::take(&mut pc.stores);
            for name in &stores {
                self.name_op(name, Ctx::Store, case.pattern.range())?;
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if i != n - 1 {
                self.emit(Instr::Pop);
            }
            self.restore_loc(old);
            self.stmts(&case.body)?;
            self.jump(Instr::Jump, end);
            let old = self.set_loc(case.pattern.range());
            self.emit_fail_pop(&mut pc);
            self.restore_loc(old);
        }
        if has_default {
            let old = self.set_loc(last.pattern.range());
            self.emit(Instr::Nop);
            if let Some(g) = &last.guard {
                self.jump_if(g, end, false)?;
            }
            self.restore_loc(old);
            self.stmts(&last.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() <= n {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    /// Jumps (with `make`, e.g. `PopJumpIfFalse`) to the failure label that pops every
    /// working item and capture of the current pattern.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, make: fn(u32) -> Instr) {
        let pops = pc.on_top as usize + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let l = pc.fail_pop[pops];
        self.jump(make, l);
    }

    fn emit_fail_pop(&mut self, pc: &mut PatternCtx) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[k]);
            self.emit(Instr::Pop);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    /// Moves TOS down to depth `count` (1 = stay on top), shifting the items above it up.
    fn rotate(&mut self, count: u32) {
        for k in (2..=count).rev() {
            self.emit(Instr::Swap(k));
        }
    }

    /// Exchanges the stack items at depths `a` and `b` (1-based from the top).
    fn swap_depths(&mut self, a: u32, b: u32) {
        if a == b {
            return;
        }
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        if a == 1 {
            self.emit(Instr::Swap(b));
        } else {
            self.emit(Instr::Swap(a));
            self.emit(Instr::Swap(b));
            self.emit(Instr::Swap(a));
        }
    }

    fn pattern_store(&mut self, name: Option<&ast::Identifier>, pc: &mut PatternCtx) -> R {
        let Some(n) = name else {
            self.emit(Instr::Pop);
            return Ok(());
        };
        if n.id.as_str() == "__debug__" {
            return Err(self.err("cannot assign to __debug__", n.range));
        }
        if pc.stores.iter().any(|s| s == n.id.as_str()) {
            return Err(self.err(format!("multiple assignments to name '{}' in pattern", n.id), pc.last));
        }
        self.rotate(pc.on_top + pc.stores.len() as u32 + 1);
        pc.stores.push(n.id.to_string());
        Ok(())
    }

    fn pattern_subpattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternCtx) -> R {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn pattern(&mut self, p: &'a ast::Pattern, pc: &mut PatternCtx) -> R {
        let old = self.set_loc(p.range());
        pc.last = p.range();
        let r = self.pattern_inner(p, pc);
        self.restore_loc(old);
        r
    }

    fn pattern_inner(&mut self, p: &'a ast::Pattern, pc: &mut PatternCtx) -> R {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(Instr::CompareOp(CmpOp::Eq as u32));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
            P::MatchSingleton(s) => {
                let c = match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                };
                self.load_const(c);
                self.emit(Instr::IsOp(0));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
            P::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return Err(match &a.name {
                            Some(n) => self.err(format!("name capture '{}' makes remaining patterns unreachable", n.id), p.range()),
                            None => self.err("wildcard makes remaining patterns unreachable", p.range()),
                        });
                    }
                    self.pattern_store(a.name.as_ref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Instr::Copy(1));
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store(a.name.as_ref(), pc)?;
                }
            },
            P::MatchStar(s) => self.pattern_store(s.name.as_ref(), pc)?,
            P::MatchSequence(s) => self.pattern_sequence(&s.patterns, s.range, pc)?,
            P::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            P::MatchClass(c) => self.pattern_class(c, pc)?,
            P::MatchOr(o) => self.pattern_or(o, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(&mut self, pats: &'a [ast::Pattern], range: TextRange, pc: &mut PatternCtx) -> R {
        let size = pats.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in pats.iter().enumerate() {
            if matches!(q, ast::Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(self.err("multiple starred names in sequence pattern", range));
                }
                star_wildcard = is_star_wildcard(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(q);
        }
        pc.on_top += 1;
        self.emit(Instr::MatchSequence);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Instr::GetLen);
                self.load_const(Constant::Int(size as i64));
                self.emit(Instr::CompareOp(CmpOp::Eq as u32));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Instr::GetLen);
                self.load_const(Constant::Int(size as i64 - 1));
                self.emit(Instr::CompareOp(CmpOp::Ge as u32));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Instr::Pop);
        } else if star_wildcard {
            let star = star.unwrap();
            pc.on_top += 1;
            for (i, q) in pats.iter().enumerate() {
                if is_wildcard(q) || i == star {
                    continue;
                }
                self.emit(Instr::Copy(1));
                if i < star {
                    self.load_const(Constant::Int(i as i64));
                } else {
                    self.emit(Instr::GetLen);
                    self.load_const(Constant::Int((size - i) as i64));
                    self.emit(Instr::BinaryOp(BinOp::Sub as u32));
                }
                self.emit(Instr::BinarySubscr);
                self.pattern_subpattern(q, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Instr::Pop);
        } else {
            match star {
                None => self.emit(Instr::UnpackSequence(size as u32)),
                Some(s) => self.emit(Instr::UnpackEx(s as u32 | ((size - s - 1) as u32) << 8)),
            }
            pc.on_top += size as u32;
            for q in pats {
                pc.on_top -= 1;
                self.pattern_subpattern(q, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternCtx) -> R {
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(Instr::MatchMapping);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Instr::Pop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Instr::GetLen);
            self.load_const(Constant::Int(size as i64));
            self.emit(Instr::CompareOp(CmpOp::Ge as u32));
            self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for k in m.keys.iter() {
            if let Some(c) = fold_constant(k) {
                if seen.iter().any(|s| const_key_eq(s, &c)) {
                    return Err(self.err(format!("mapping pattern checks duplicate key ({})", const_py_repr(&c)), m.range));
                }
                seen.push(c);
            }
            self.expr(k)?;
        }
        self.emit(Instr::BuildTuple(size as u32));
        self.emit(Instr::MatchKeys);
        pc.on_top += 2;
        self.emit(Instr::Copy(1));
        self.load_const(Constant::None);
        self.emit(Instr::IsOp(1));
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        self.emit(Instr::UnpackSequence(size as u32));
        pc.on_top += size as u32;
        pc.on_top -= 1;
        for q in m.patterns.iter() {
            pc.on_top -= 1;
            self.pattern_subpattern(q, pc)?;
        }
        pc.on_top -= 2;
        match &m.rest {
            Some(r) => {
                self.emit(Instr::CopyDictWithoutKeys);
                self.pattern_store(Some(r), pc)?;
            }
            None => {
                self.emit(Instr::Pop);
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternCtx) -> R {
        let nargs = c.arguments.patterns.len();
        let kws = &c.arguments.keywords;
        let nattrs = kws.len();
        for (i, k) in kws.iter().enumerate() {
            if k.attr.id.as_str() == "__debug__" {
                return Err(self.err("cannot assign to __debug__", k.attr.range));
            }
            if kws[i + 1..].iter().any(|o| o.attr.id == k.attr.id) {
                let dup = kws[i + 1..].iter().find(|o| o.attr.id == k.attr.id).unwrap();
                return Err(self.err(format!("attribute name repeated in class pattern: {}", k.attr.id), dup.pattern.range()));
            }
        }
        self.expr(&c.cls)?;
        let names = kws.iter().map(|k| Constant::Str(k.attr.id.to_string())).collect();
        self.load_const(Constant::Tuple(names));
        self.emit(Instr::MatchClass(nargs as u32));
        self.emit(Instr::Copy(1));
        self.load_const(Constant::None);
        self.emit(Instr::IsOp(1));
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse);
        let total = nargs + nattrs;
        self.emit(Instr::UnpackSequence(total as u32));
        pc.on_top += total as u32;
        pc.on_top -= 1;
        let all = c.arguments.patterns.iter().chain(kws.iter().map(|k| &k.pattern));
        for q in all {
            pc.on_top -= 1;
            if is_wildcard(q) {
                self.emit(Instr::Pop);
                continue;
            }
            self.pattern_subpattern(q, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternCtx) -> R {
        let end = self.new_label();
        let size = o.patterns.len();
        let old_allow = pc.allow_irrefutable;
        let old_stores = std::mem::take(&mut pc.stores);
        let old_fail = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            let old = self.set_loc(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Instr::Copy(1));
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    if ctl.len() != pc.stores.len() || ctl.iter().any(|n| !pc.stores.contains(n)) {
                        return Err(self.err("alternative patterns bind different names", pc.last));
                    }
                    // Reorder this alternative's captures to the control order:
                    // control[t] must end at depth t + 1.
                    let mut cur = pc.stores.clone();
                    for t in 0..ctl.len() {
                        let s = cur.iter().position(|n| n == &ctl[t]).unwrap();
                        if s != t {
                            self.swap_depths(t as u32 + 1, s as u32 + 1);
                            cur.swap(s, t);
                        }
                    }
                }
            }
            self.jump(Instr::Jump, end);
            self.emit_fail_pop(pc);
            self.restore_loc(old);
        }
        pc.stores = old_stores;
        pc.fail_pop = old_fail;
        pc.on_top = old_on_top;
        pc.allow_irrefutable = old_allow;
        // No alternative matched: pop the subject and fail.
        self.emit(Instr::Pop);
        self.jump_to_fail_pop(pc, Instr::Jump);
        self.bind(end);
        let control = control.unwrap_or_default();
        let nstores = control.len() as u32;
        let nrots = nstores + 1 + pc.on_top + pc.stores.len() as u32;
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.err(format!("multiple assignments to name '{}' in pattern", name), pc.last));
            }
            pc.stores.push(name);
        }
        self.emit(Instr::Pop);
        Ok(())
    }
}

/// Equality of constants as dict keys (`1 == 1.0 == True`), for duplicate mapping keys.
fn const_key_eq(a: &Constant, b: &Constant) -> bool {
    fn num(c: &Constant) -> Option<f64> {
        match c {
            Constant::Bool(b) => Some(*b as i64 as f64),
            Constant::Int(i) => Some(*i as f64),
            Constant::Float(f) => Some(*f),
            _ => None,
        }
    }
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// `repr()` of a literal constant as CPython prints it in error messages.
fn const_py_repr(c: &Constant) -> String {
    match c {
        Constant::Str(s) => {
            let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
            let mut out = String::new();
            out.push(q);
            for ch in s.chars() {
                match ch {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    '\r' => out.push_str("\\r"),
                    c if c == q => {
                        out.push('\\');
                        out.push(c);
                    }
                    c => out.push(c),
                }
            }
            out.push(q);
            out
        }
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True".into() } else { "False".into() },
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(i) => i.to_string(),
        Constant::Float(f) => format!("{f:?}"),
        Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        other => crate::disasm::const_repr(other),
    }
}

/// The range of a `break`/`continue` (outside a nested loop) or `return` inside `s`,
/// not looking into nested functions and classes (for the except* restriction).
fn find_flow_escape(s: &Stmt, in_loop: bool) -> Option<TextRange> {
    let body = |b: &[Stmt], lp: bool| b.iter().find_map(|x| find_flow_escape(x, lp));
    match s {
        Stmt::Return(r) => Some(r.range),
        Stmt::Break(b) if !in_loop => Some(b.range),
        Stmt::Continue(c) if !in_loop => Some(c.range),
        Stmt::For(f) => body(&f.body, true).or_else(|| body(&f.orelse, in_loop)),
        Stmt::While(w) => body(&w.body, true).or_else(|| body(&w.orelse, in_loop)),
        Stmt::If(i) => body(&i.body, in_loop).or_else(|| i.elif_else_clauses.iter().find_map(|c| body(&c.body, in_loop))),
        Stmt::With(w) => body(&w.body, in_loop),
        Stmt::Try(t) => body(&t.body, in_loop)
            .or_else(|| body(&t.orelse, in_loop))
            .or_else(|| body(&t.finalbody, in_loop))
            .or_else(|| {
                t.handlers.iter().find_map(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    body(&h.body, in_loop)
                })
            }),
        Stmt::Match(m) => m.cases.iter().find_map(|c| body(&c.body, in_loop)),
        _ => None,
    }
}
