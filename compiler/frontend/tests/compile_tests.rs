//! Tests of the frontend: snippets compile without panics, stack depths are
//! consistent everywhere, key instruction sequences, compile-time errors, and a sweep
//! over CPython's standard library.

use pyc_frontend::bytecode::{CodeObject, Constant, Instr};
use pyc_frontend::{compile, compile_module, disassemble, stack_depths, verify_stack, Mode};

fn check_code(code: &CodeObject) {
    code.walk(&mut |c| {
        if let Err(e) = verify_stack(c) {
            panic!("stack problems in {}: {:?}\n{}", c.qualname, e, disassemble(c));
        }
        assert_eq!(c.lines.len(), c.instrs.len());
        assert_eq!(c.positions.len(), c.instrs.len());
        let depths = stack_depths(c);
        for (pc, d) in depths.iter().enumerate() {
            if let Some(d) = d {
                assert!(*d <= c.max_stack, "{}: depth {} > max_stack at {}", c.qualname, d, pc);
            }
        }
        for e in &c.exception_table {
            assert!(e.start < e.end && (e.end as usize) <= c.instrs.len());
            assert!((e.target as usize) < c.instrs.len());
        }
        for i in &c.instrs {
            if let Some(t) = i.jump_target() {
                assert!((t as usize) < c.instrs.len(), "{}: jump past end", c.qualname);
            }
        }
        // the last reachable instruction never falls off the end
        if let Some(Some(_)) = depths.last() {
            assert!(c.instrs.last().unwrap().is_terminator(), "{} falls off the end", c.qualname);
        }
    });
}

fn ok(src: &str) -> CodeObject {
    let code = compile(src, "<test>", Mode::Exec).unwrap_or_else(|e| panic!("{src}\n=> {e:?}"));
    check_code(&code);
    code
}

fn err(src: &str) -> pyc_frontend::CompileError {
    match compile(src, "<test>", Mode::Exec) {
        Ok(c) => panic!("expected an error for {src:?}\n{}", disassemble(&c)),
        Err(e) => e,
    }
}

fn find_code<'a>(code: &'a CodeObject, qualname: &str) -> &'a CodeObject {
    let mut found = None;
    code.walk(&mut |c| {
        if c.qualname == qualname && found.is_none() {
            found = Some(c);
        }
    });
    found.unwrap_or_else(|| panic!("no code object {qualname}"))
}

fn has(code: &CodeObject, pred: impl Fn(&Instr) -> bool) -> bool {
    code.instrs.iter().any(pred)
}

const SNIPPETS: &[&str] = &[
    "x = 1",
    "a = b = c = f(1, 2)",
    "a, (b, *c), d = x",
    "*a, b = x",
    "[a, b] = 1, 2",
    "x += 1; o.a -= 2; o[i] *= 3; o[1:2] //= 4",
    "del a, b.c, d[e], f[1:2], (g, h)",
    "print(*a, **k)",
    "f(a, *b, c=1, **d, e=2)",
    "f(x for x in y)",
    "o.m(1, k=2)",
    "o.m(*a)",
    "x = [i*j for i in range(3) if i for j in range(i) if j > 1]",
    "x = {k: v for k, v in d.items()}",
    "x = {a for a in b}",
    "g = (y for y in z)",
    "x = lambda a, b=2, *c, d, e=5, **f: a + b",
    "x = a if b else c",
    "x = a and b or not c",
    "x = a < b < c != d",
    "if a < b < c: pass",
    "x = (y := 10) + y",
    "x = f'{a!r:{w}.{p}} {b=} {c:>10} {{}}' 'lit'",
    "x = b'abc' + b'def'",
    "x = {**a, 'b': 1, **c}",
    "x = {1, 2, *a}",
    "x = (1, 2, (3, 4), -5, 'x')",
    "x = [*a, *b]",
    "x = a[1:2, ::3, ...]",
    "import a.b.c\nimport a.b as c\nfrom . import x\nfrom ..m import y as z\nfrom m import *",
    "assert x, 'msg'\nassert y",
    "raise\n",
    "raise E from c",
    "try:\n  a\nexcept E as e:\n  b\nexcept (F, G):\n  c\nexcept:\n  d\nelse:\n  e\nfinally:\n  f",
    "for i in x:\n  try:\n    break\n  finally:\n    g()\nelse:\n  h()",
    "while x:\n  try:\n    continue\n  except E:\n    break\n  finally:\n    pass",
    "def f():\n  try:\n    return g()\n  finally:\n    h()",
    "def f():\n  for x in y:\n    with a as b, c:\n      return x",
    "def f():\n  try:\n    pass\n  except E as e:\n    return e",
    "def f():\n  try:\n    pass\n  finally:\n    return 1",
    "def f():\n  try:\n    return 1\n  finally:\n    try:\n      return 2\n    except E:\n      pass",
    "def f():\n  for i in x:\n    try:\n      pass\n    finally:\n      continue",
    "def f():\n  while 1:\n    try:\n      try:\n        break\n      finally:\n        a()\n    finally:\n      b()",
    "def f():\n  with a:\n    with b:\n      for i in c:\n        return i",
    "def gen():\n  yield 1\n  x = yield\n  yield from other()\n  return 5",
    "def f(a, /, b, *, c):\n  def g():\n    nonlocal a\n    a = 1\n  return g",
    "def f():\n  global g\n  g = 1",
    "class C:\n  def f(self):\n    return __class__\n  x = [y for y in range(3)]",
    "class C(A, B, metaclass=M, **kw):\n  '''doc'''\n  a: int\n  b: str = 'x'\n  def __m(self): return self.__x",
    "def outer():\n  x = 1\n  class C:\n    y = x\n    def m(self): return x\n  return C",
    "def outer():\n  x = 1\n  class C:\n    x = 2\n    def m(self): return x\n  return C",
    "@d1\n@d2(3)\ndef f(): pass",
    "@dec\nclass C: pass",
    "x: int = 3\ny: 'list[int]'\nz.a: int\nw[0]: int = 1",
    "def f():\n  x: int\n  y: int = 2\n  return y",
    "with a: pass",
    "with a as (b, c): pass",
    "if a:\n  pass\nelif b:\n  pass\nelif c:\n  x = 1\nelse:\n  y = 2",
    "while True:\n  if x: break\nelse:\n  y()",
    "for x in y:\n  pass\nelse:\n  z()",
    "def f(*, a=1, b): return a, b",
    "def f(a, b=1, *args, c, d=2, **kw): return a",
    "x = __debug__",
    "def f():\n  def g():\n    def h():\n      return x\n    return h\n  x = 1\n  return g",
    "class C:\n  def m(self):\n    super().m()\n    def inner():\n      return __class__\n    return inner",
    "print(1, 2, sep='', end='')",
    "x = f(*args)",
    "x = f(a, b, *args)",
    "x = f(**kw)",
    "x = [(yield_) for yield_ in ()]",
    "def f():\n  return [x for x in (yield)]",
    "x = 10**20 + 0x1_0000_0000_0000_0000 - 1e10 + 2j",
    "x = -9223372036854775808",
    "x = not a",
    "x = ~a + -b + +c",
    "x = a @ b",
    "x = a is not b and c not in d",
    "def f():\n  l = lambda: (yield)\n  return l",
    "try:\n  pass\nexcept E as e:\n  try:\n    pass\n  except F as e:\n    pass",
    "def f(x):\n  try:\n    pass\n  except E as x:\n    pass",
    "global x\nx = 1",
    "class A:\n  global q\n  q = 1",
    "def f():\n  [(z := i) for i in range(3)]\n  return z",
    "[(z := i) for i in range(3)]",
    "class C:\n  __slots__ = ('__a',)\n  def __init__(self): self.__a = 1",
    "x = a[*b]\ny = a[1, *b]",
];

#[test]
fn snippets_compile_with_consistent_stacks() {
    for s in SNIPPETS {
        ok(s);
    }
}

#[test]
fn eval_and_single_modes() {
    let c = compile("a + 1", "<eval>", Mode::Eval).unwrap();
    check_code(&c);
    assert!(matches!(c.instrs.last(), Some(Instr::ReturnValue)));
    let c = compile("a + 1", "<single>", Mode::Single).unwrap();
    check_code(&c);
    assert!(has(&c, |i| matches!(i, Instr::PrintExpr)));
    assert!(compile("a = 1\nb = 2", "<single>", Mode::Single).is_err());
}

#[test]
fn module_api() {
    let m = compile_module("x = 1\n", "m.py", "m").unwrap();
    assert_eq!(m.name, "m");
    assert_eq!(m.code.name, "<module>");
    assert_eq!(m.code.instrs[m.code.instrs.len() - 2], Instr::LoadConst(m.code.consts.iter().position(|c| *c == Constant::None).unwrap() as u32));
}

#[test]
fn closures_and_cells() {
    let c = ok("def f(a):\n  def g():\n    return a\n  return g");
    let f = find_code(&c, "f");
    assert_eq!(f.cellvars, vec!["a"]);
    assert_eq!(f.cell2arg, vec![0]);
    assert!(has(f, |i| matches!(i, Instr::LoadClosure(0))));
    let g = find_code(&c, "f.<locals>.g");
    assert_eq!(g.freevars, vec!["a"]);
    assert!(has(g, |i| matches!(i, Instr::LoadDeref(0))));
    assert!(g.flags & pyc_frontend::bytecode::code_flags::NESTED != 0);
}

#[test]
fn class_body() {
    let c = ok("class C:\n  def m(self):\n    return super().m()");
    let body = find_code(&c, "C");
    assert_eq!(body.cellvars, vec!["__class__"]);
    assert!(body.names.contains(&"__classcell__".to_string()));
    assert!(body.names.contains(&"__module__".to_string()));
    assert!(has(&c, |i| matches!(i, Instr::LoadBuildClass)));
    // class-level free variable
    let c = ok("def f():\n  x = 1\n  class C:\n    y = x\n  return C");
    let body = find_code(&c, "f.<locals>.C");
    assert!(has(body, |i| matches!(i, Instr::LoadClassDeref(_))));
    // mangling
    let c = ok("class C:\n  def m(self): return self.__x");
    let m = find_code(&c, "C.m");
    assert!(m.names.contains(&"_C__x".to_string()));
}

#[test]
fn comprehension_is_function_called_with_iterator() {
    let c = ok("def f(y):\n  return [x for x in y]");
    let f = find_code(&c, "f");
    let n = f.instrs.len();
    assert!(matches!(&f.instrs[n - 4..n], [Instr::LoadFast(_), Instr::GetIter, Instr::Call(0), Instr::ReturnValue]));
    let lc = find_code(&c, "f.<locals>.<listcomp>");
    assert_eq!(lc.varnames[0], ".0");
    assert_eq!(lc.argcount, 1);
    let c = ok("g = (x for x in y)");
    let ge = find_code(&c, "<genexpr>");
    assert_eq!(ge.instrs[0], Instr::ReturnGenerator);
    assert!(ge.flags & pyc_frontend::bytecode::code_flags::GENERATOR != 0);
}

#[test]
fn calls() {
    let c = ok("f(1, k=2)");
    assert!(has(&c, |i| matches!(i, Instr::CallKw(2))));
    assert!(has(&c, |i| matches!(i, Instr::PushNull)));
    let c = ok("f(*a, **k)");
    assert!(has(&c, |i| matches!(i, Instr::CallEx(1))));
    assert!(has(&c, |i| matches!(i, Instr::DictMerge(1))));
    let c = ok("o.m(1)");
    assert!(has(&c, |i| matches!(i, Instr::LoadMethod(_))));
}

#[test]
fn generators_and_yield_from() {
    let c = ok("def g():\n  yield from h()");
    let g = find_code(&c, "g");
    assert_eq!(g.instrs[0], Instr::ReturnGenerator);
    assert!(has(g, |i| matches!(i, Instr::GetYieldFromIter)));
    assert!(has(g, |i| matches!(i, Instr::Send(_))));
}

#[test]
fn exception_table_shape() {
    let c = ok("try:\n  f()\nexcept E as e:\n  g(e)");
    assert!(!c.exception_table.is_empty());
    // handlers are entered with [exc] (depth 0) / [prev, lasti, exc] (cleanup)
    assert!(c.exception_table.iter().any(|e| e.depth == 0 && !e.lasti));
    assert!(c.exception_table.iter().any(|e| e.depth == 1 && e.lasti));
    // rows never overlap
    let mut rows = c.exception_table.clone();
    rows.sort_by_key(|e| e.start);
    for w in rows.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}

#[test]
fn docstrings() {
    let c = ok("'''mod doc'''\ndef f():\n  'fdoc'\n  return 1");
    assert_eq!(c.docstring.as_deref(), Some("mod doc"));
    let f = find_code(&c, "f");
    assert_eq!(f.docstring.as_deref(), Some("fdoc"));
    assert_eq!(f.consts[0], Constant::Str("fdoc".into()));
}

#[test]
fn positions() {
    let c = ok("x = a.b + f(1)\n");
    let pc = c.instrs.iter().position(|i| matches!(i, Instr::BinaryOp(_))).unwrap();
    assert_eq!(c.lines[pc], 1);
    assert_eq!(c.positions[pc], (1, 4, 14));
    let pc = c.instrs.iter().position(|i| matches!(i, Instr::Call(_))).unwrap();
    assert_eq!(c.positions[pc], (1, 10, 14));
    let pc = c.instrs.iter().position(|i| matches!(i, Instr::LoadAttr(_))).unwrap();
    assert_eq!(c.positions[pc], (1, 4, 7));
}

#[test]
fn compile_time_errors() {
    let cases: &[(&str, &str)] = &[
        ("return 1", "'return' outside function"),
        ("break", "'break' outside loop"),
        ("continue", "'continue' not properly in loop"),
        ("yield 1", "'yield' outside function"),
        ("def f():\n  x = 1\n  global x", "name 'x' is assigned to before global declaration"),
        ("def f():\n  print(x)\n  global x", "name 'x' is used prior to global declaration"),
        ("def f(x):\n  global x", "name 'x' is parameter and global"),
        ("def f():\n  nonlocal x", "no binding for nonlocal 'x' found"),
        ("nonlocal x", "nonlocal declaration not allowed at module level"),
        ("def f():\n  from m import *", "import * only allowed at module level"),
        ("def f(a, a): pass", "duplicate argument 'a' in function definition"),
        ("f(a=1, a=2)", "keyword argument repeated: a"),
        ("__debug__ = 1", "cannot assign to __debug__"),
        ("a, *b, *c = d", "multiple starred expressions in assignment"),
        ("*a = b", "starred assignment target must be in a list or tuple"),
        ("class C:\n  [(y := 1) for x in z]", "assignment expression within a comprehension cannot be used in a class body"),
        ("[i := 0 for i in range(3)]", "assignment expression cannot rebind comprehension iteration variable 'i'"),
        ("x = [(yield) for y in z]", "'yield' inside list comprehension"),
        ("from __future__ import nope", "future feature nope is not defined"),
        ("x = 1\nfrom __future__ import annotations", "from __future__ imports must occur at the beginning of the file"),
        ("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass", "default 'except:' must be last"),
    ];
    for (src, msg) in cases {
        let e = err(src);
        assert_eq!(&e.msg, msg, "for {src:?}");
        assert_eq!(e.kind, "SyntaxError");
    }
}

#[test]
fn parse_errors_match_cpython() {
    let cases: &[(&str, &str, &str, u32, u32)] = &[
        ("x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5),
        ("if x\n  pass\n", "SyntaxError", "expected ':'", 1, 5),
        ("x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5),
        ("  x = 1\n", "IndentationError", "unexpected indent", 1, 2),
        ("if x:\npass\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1),
        ("x = )\n", "SyntaxError", "unmatched ')'", 1, 5),
        ("x = [1, 2 3]\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9),
        ("x = '''abc\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5),
        ("print 'hello'\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
        ("if x:\n    a\n  b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4),
        ("def f():\n\treturn 1\n        return 2\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1),
        ("while x:\nbreak\n", "IndentationError", "expected an indented block after 'while' statement on line 1", 2, 1),
        ("def f(x):\n\n", "IndentationError", "expected an indented block after function definition on line 1", 2, 1),
        ("x = {1: 2, 3}\n", "SyntaxError", "':' expected after dictionary key", 1, 12),
        ("if x = 1:\n  pass\n", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4),
        ("None = 1\n", "SyntaxError", "cannot assign to None", 1, 1),
        ("try:\n  pass\n", "SyntaxError", "expected 'except' or 'finally' block", 2, 7),
        ("x = 0777\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5),
        ("def f(:\n", "SyntaxError", "invalid syntax", 1, 7),
        ("f() = 1\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
        ("del f()\n", "SyntaxError", "cannot delete function call", 1, 5),
    ];
    for (src, kind, msg, line, col) in cases {
        let e = err(src);
        assert_eq!((&e.kind[..], &e.msg[..], e.line, e.col), (*kind, *msg, *line, *col), "for {src:?}");
    }
}

#[test]
fn unsupported_constructs_are_errors_not_panics() {
    // (async def, match and except* are supported now; `type` statements are not)
    ok("async def f(): pass");
    ok("match x:\n  case 1: pass");
    for src in ["type X = int"] {
        let e = err(src);
        assert!(e.msg.contains("not supported") || !e.msg.is_empty());
        assert!(e.line >= 1);
    }
}

#[test]
fn disassembler_lists_nested_code() {
    let c = ok("def f():\n  return [x for x in y]");
    let d = disassemble(&c);
    assert!(d.contains("<module>"));
    assert!(d.contains("f.<locals>.<listcomp>"));
    assert!(d.contains("ListAppend"));
}

/// Compiles every .py file of CPython's standard library (when present): no panics,
/// consistent stacks, and no errors except known-unsupported constructs.
#[test]
fn stdlib_sweep() {
    let root = std::path::Path::new("/root/.pyenv/versions/3.11.7/lib/python3.11");
    if !root.exists() {
        eprintln!("stdlib not found, skipping");
        return;
    }
    let mut files = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                if p.file_name().is_some_and(|n| n != "site-packages") {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "py") {
                files.push(p);
            }
        }
    }
    files.sort();
    let (mut ok_n, mut unsupported, mut bad_syntax, mut failures) = (0, 0, 0, Vec::new());
    let mut reasons: std::collections::BTreeMap<String, usize> = Default::default();
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else { continue };
        match compile(&src, &f.to_string_lossy(), Mode::Exec) {
            Ok(code) => {
                code.walk(&mut |c| {
                    if let Err(e) = verify_stack(c) {
                        failures.push(format!("{}: stack: {} {:?}", f.display(), c.qualname, e));
                    }
                });
                ok_n += 1;
            }
            Err(e) if e.msg.starts_with("pyc:") => {
                unsupported += 1;
                *reasons.entry(e.msg.clone()).or_default() += 1;
            }
            Err(e) => {
                // test files with deliberate syntax errors (bad*.py, badsyntax_*)
                let name = f.file_name().unwrap().to_string_lossy().to_string();
                if name.starts_with("bad") || f.to_string_lossy().contains("lib2to3/tests/data") {
                    bad_syntax += 1;
                } else {
                    failures.push(format!("{}:{}:{}: {}: {}", f.display(), e.line, e.col, e.kind, e.msg));
                }
            }
        }
    }
    eprintln!(
        "stdlib sweep: {} files, {} compiled, {} unsupported, {} deliberate syntax errors, {} failures",
        files.len(),
        ok_n,
        unsupported,
        bad_syntax,
        failures.len()
    );
    for (r, n) in &reasons {
        eprintln!("  unsupported: {n:5}  {r}");
    }
    for f in failures.iter().take(40) {
        eprintln!("  FAIL {f}");
    }
    assert!(failures.is_empty(), "{} failures", failures.len());
}
