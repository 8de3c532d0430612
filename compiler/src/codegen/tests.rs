//! Codegen unit tests on hand-made code objects: every function must be lowered and pass
//! LLVM's verifier, before and after optimisation, with and without the fast paths.

use inkwell::context::Context;

use super::fastpath::Helpers;
use super::function::lower_function;
use super::*;
use crate::fe::{code_flags, CodeObject, Constant, ExceptionEntry, Instr, ModuleCode, Program};

fn code(name: &str, argcount: u32, varnames: &[&str], names: &[&str], consts: Vec<Constant>, instrs: Vec<Instr>) -> CodeObject {
    let n = instrs.len();
    CodeObject {
        name: name.into(),
        qualname: name.into(),
        filename: "test.py".into(),
        first_line: 1,
        flags: code_flags::OPTIMIZED | code_flags::NEWLOCALS,
        argcount,
        varnames: varnames.iter().map(|s| s.to_string()).collect(),
        names: names.iter().map(|s| s.to_string()).collect(),
        consts,
        instrs,
        lines: vec![1; n],
        positions: vec![(1, 0, 0); n],
        max_stack: 8,
        ..Default::default()
    }
}

/// def add(a, b): return a + b
pub fn add_code() -> CodeObject {
    use Instr::*;
    code("add", 2, &["a", "b"], &[], vec![Constant::None], vec![LoadFast(0), LoadFast(1), BinaryOp(0), ReturnValue])
}

/// def count(n):
///     i = 0
///     while i < n: i = i + 1
///     return i
pub fn while_code() -> CodeObject {
    use Instr::*;
    code(
        "count",
        1,
        &["n", "i"],
        &[],
        vec![Constant::Int(0), Constant::Int(1)],
        vec![
            LoadConst(0),
            StoreFast(1),
            LoadFast(1),
            LoadFast(0),
            CompareOp(0),
            PopJumpIfFalse(11),
            LoadFast(1),
            LoadConst(1),
            BinaryOp(0),
            StoreFast(1),
            Jump(2),
            LoadFast(1),
            ReturnValue,
        ],
    )
}

/// def total(n):
///     s = 0
///     for i in range(n): s += i
///     return s
pub fn for_code() -> CodeObject {
    use Instr::*;
    code(
        "total",
        1,
        &["n", "s", "i"],
        &["range"],
        vec![Constant::Int(0)],
        vec![
            LoadConst(0),
            StoreFast(1),
            PushNull,
            LoadGlobal(0),
            LoadFast(0),
            Call(1),
            GetIter,
            ForIter(14),
            StoreFast(2),
            LoadFast(1),
            LoadFast(2),
            InplaceOp(0),
            StoreFast(1),
            Jump(7),
            LoadFast(1),
            ReturnValue,
        ],
    )
}

/// def f():
///     try: x = g()
///     except ValueError: x = 0
///     return x
pub fn try_code() -> CodeObject {
    use Instr::*;
    let mut c = code(
        "f",
        0,
        &["x"],
        &["g", "ValueError"],
        vec![Constant::Int(0)],
        vec![
            PushNull,          // 0
            LoadGlobal(0),     // 1
            Call(0),           // 2
            StoreFast(0),      // 3
            Jump(18),          // 4
            PushExcInfo,       // 5  handler: [exc] -> [prev, exc]
            LoadGlobal(1),     // 6
            CheckExcMatch,     // 7
            PopJumpIfFalse(14),// 8
            Pop,               // 9
            LoadConst(0),      // 10
            StoreFast(0),      // 11
            PopExcept,         // 12
            Jump(18),          // 13
            Reraise(0),        // 14
            Copy(3),           // 15 cleanup: [prev, lasti, exc]
            PopExcept,         // 16
            Reraise(1),        // 17
            LoadFast(0),       // 18
            ReturnValue,       // 19
        ],
    );
    c.exception_table = vec![
        ExceptionEntry { start: 0, end: 4, target: 5, depth: 0, lasti: false },
        ExceptionEntry { start: 6, end: 15, target: 15, depth: 1, lasti: true },
    ];
    c
}

/// A module body defining `add` with a default and calling it with a keyword:
/// def add(a, b=1): ...; print(add(a=2)); raise/assert etc. exercises the module-level ops.
pub fn module_code() -> CodeObject {
    use Instr::*;
    let mut m = code(
        "<module>",
        0,
        &[],
        &["add", "print", "x", "y"],
        vec![
            Constant::Int(1),
            Constant::Code(Box::new(add_code())),
            Constant::None,
            Constant::Str("a".into()),
            Constant::Tuple(vec![Constant::Str("a".into())]),
            Constant::Int(2),
            Constant::Int(1 << 62), // not a small int
        ],
        vec![
            LoadConst(0),
            BuildTuple(1),
            LoadConst(1),
            MakeFunction(1),
            StoreName(0),
            PushNull,
            LoadName(1),
            PushNull,
            LoadName(0),
            LoadConst(5),
            LoadConst(4),
            CallKw(1),
            Call(1),
            Pop,
            LoadConst(6),
            LoadConst(5),
            BuildList(2),
            UnpackSequence(2),
            StoreName(2),
            StoreName(3),
            LoadName(2),
            LoadName(3),
            BinaryOp(2),
            FormatValue(0),
            LoadConst(3),
            BuildString(2),
            Pop,
            LoadConst(2),
            ReturnValue,
        ],
    );
    m.flags = 0;
    m
}

pub fn generator_code() -> CodeObject {
    use Instr::*;
    let mut c = code("gen", 0, &[], &[], vec![Constant::None], vec![ReturnGenerator, LoadConst(0), YieldValue, Pop, LoadConst(0), ReturnValue]);
    c.flags |= code_flags::GENERATOR;
    c
}

fn lower_and_verify(c: &CodeObject, fast: bool) {
    let ctx = Context::create();
    let module = ctx.create_module("t");
    let helpers = Helpers::emit(&ctx, &module, fast).unwrap();
    let depths = crate::fe::stack_depths(c);
    let f = match lower_function(&ctx, &module, &helpers, c, depths, "pyc_code_0", fast) {
        Ok(f) => f,
        Err(e) => panic!("{} not lowered: {}", c.name, e.0),
    };
    if !f.verify(true) {
        module.print_to_stderr();
        panic!("{}: function failed verification", c.name);
    }
    module.verify().unwrap_or_else(|e| panic!("{}: {}", c.name, e.to_string()));
}

#[test]
fn add_verifies() {
    lower_and_verify(&add_code(), true);
    lower_and_verify(&add_code(), false);
}

#[test]
fn while_loop_verifies() {
    lower_and_verify(&while_code(), true);
    lower_and_verify(&while_code(), false);
}

#[test]
fn for_loop_verifies() {
    lower_and_verify(&for_code(), true);
    lower_and_verify(&for_code(), false);
}

#[test]
fn try_except_verifies() {
    lower_and_verify(&try_code(), true);
    lower_and_verify(&try_code(), false);
}

#[test]
fn generator_verifies() {
    lower_and_verify(&generator_code(), true);
    lower_and_verify(&generator_code(), false);
}

#[test]
fn module_body_verifies() {
    lower_and_verify(&module_code(), true);
}

pub fn test_program() -> Program {
    let mut m = module_code();
    // nest the other functions so that the table has several entries
    for c in [while_code(), for_code(), try_code(), generator_code()] {
        m.consts.push(Constant::Code(Box::new(c)));
    }
    Program { modules: vec![ModuleCode { name: "__main__".into(), code: m, source: String::new(), is_package: false, from_stdlib: false }] }
}

#[test]
fn whole_program_optimises() {
    for (level, fast) in [(0u8, false), (2, true), (3, true)] {
        let ctx = Context::create();
        let prog = test_program();
        let opts = CodegenOptions { fast_paths: fast, native: true, ..Default::default() };
        let (module, stats) = build_module(&ctx, &prog, &opts).unwrap();
        assert_eq!(stats.len(), 1);
        let s = &stats[0];
        // every code object native, the generator as a resume function
        assert_eq!(s.native, 6, "{:?}", s.reasons);
        assert_eq!(s.fallback, 0);
        assert!(module.get_function(&super::code_symbol("__main__", 5)).is_some(), "generator must be lowered");
        let tm = host_target_machine(level).unwrap();
        optimize(&module, &tm, level).unwrap();
        module.verify().unwrap();
        let dir = tempfile::tempdir().unwrap();
        write_object(&module, &tm, &dir.path().join("t.o")).unwrap();
        if let Some(p) = std::env::var_os("PYC_WRITE_TEST_OBJ") {
            if level == 2 {
                write_object(&module, &tm, std::path::Path::new(&p)).unwrap();
                module.print_to_file(format!("{}.ll", p.to_string_lossy())).unwrap();
            }
        }
    }
}

#[test]
fn interp_mode_has_empty_table() {
    let ctx = Context::create();
    let opts = CodegenOptions { native: false, ..Default::default() };
    let (module, stats) = build_module(&ctx, &test_program(), &opts).unwrap();
    assert_eq!(stats[0].native, 0);
    assert!(module.get_function(&super::code_symbol("__main__", 0)).is_none());
    assert!(module.get_global("pyc_native_table").is_some());
    assert!(module.get_function("main").is_some());
}

#[test]
fn small_int_fast_path_is_inlined() {
    let ctx = Context::create();
    let module = ctx.create_module("t");
    let helpers = Helpers::emit(&ctx, &module, true).unwrap();
    let c = add_code();
    lower_function(&ctx, &module, &helpers, &c, crate::fe::stack_depths(&c), "pyc_code_0", true).unwrap();
    let ir = module.print_to_string().to_string();
    assert!(ir.contains("llvm.sadd.with.overflow.i64"), "{ir}");
}

#[test]
fn only_known_runtime_symbols_are_referenced() {
    let ctx = Context::create();
    let (module, _) = build_module(&ctx, &test_program(), &CodegenOptions::default()).unwrap();
    let known: Vec<&str> = super::runtime_decls::all_runtime_symbols().collect();
    let mut f = module.get_first_function();
    while let Some(func) = f {
        let name = func.get_name().to_str().unwrap().to_string();
        // the entry's native-module and method-table enablers are declared per program (codegen/mod.rs)
        let enabler = name.starts_with("pyrt_native_")
            || name == "pyrt_enable_all_native_modules"
            || name.starts_with("pyrt_methods_")
            || name.starts_with("pyrt_builtins_")
            || name == pyc_frontend::method_tables::ENABLE_ALL
            || name == "pyrt_enable_interp";
        if func.count_basic_blocks() == 0 && !name.starts_with("llvm.") && !enabler {
            assert!(known.contains(&name.as_str()), "undeclared runtime symbol {name}");
        }
        f = func.get_next_function();
    }
}

const PY_SNIPPETS: &[&str] = &[
    r#"
import sys
def f(a, b=2, *args, c, d=4, **kw):
    x, *y, z = args or (1, 2, 3)
    s = f"{a!r:>{b}} {c}"
    del x
    return [i * i for i in y if i], {k: v for k, v in kw.items()}, {q for q in y}
class A(Exception):
    def __init__(self, v):
        super().__init__(v)
        self.v = v
    @property
    def p(self): return self.v
def g(n):
    total = 0
    i = 0
    while i < n:
        try:
            if i % 3 == 0:
                raise A(i)
            total += i
        except A as e:
            total -= e.p
        except (KeyError, ValueError):
            pass
        finally:
            i += 1
    else:
        total += 1
    assert total != 12345, "bad"
    return total
def h():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
with open("/dev/null") as fh:
    pass
lam = lambda q, *r: q if q else r
a = [1, 2, 3]
a[1:2] = [4]
a[0] += 1
print(g(10), h()(), f(1, c=3), sys.argv[0:1], lam(0, 1), 1 < a[0] <= 3, not a, -a[0], ~a[0])
global_var = 0
def m():
    global global_var
    global_var = 1
    for i in range(3):
        for j in range(3):
            if j == 1:
                continue
            if i == 2:
                break
    return global_var
"#,
    r#"
def outer():
    try:
        return 1
    finally:
        print("x")
def brk():
    for i in range(10):
        try:
            if i: break
        finally:
            pass
    while True:
        with open("/dev/null") as f:
            return f
def u():
    if False:
        y = 1
    return y
"#,
];

#[test]
fn frontend_programs_lower_natively() {
    let mut sources: Vec<(String, String)> =
        PY_SNIPPETS.iter().enumerate().map(|(i, s)| (format!("snippet{i}.py"), s.to_string())).collect();
    // also every test program of the repository, when present
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().map(|x| x == "py").unwrap_or(false) {
                if let Ok(s) = std::fs::read_to_string(&p) {
                    sources.push((p.display().to_string(), s));
                }
            }
        }
    }
    let mut failures = Vec::new();
    for (name, src) in &sources {
        let m = match crate::fe::compile_module(src, name, "__main__") {
            Ok(m) => m,
            Err(e) if name.starts_with("snippet") => panic!("{name} does not compile: {e:?}"),
            Err(_) => continue, // constructs the frontend does not support yet
        };
        let prog = Program { modules: vec![m] };
        for fast in [true, false] {
            let ctx = Context::create();
            let (_, stats) = build_module(&ctx, &prog, &CodegenOptions { fast_paths: fast, native: true, ..Default::default() }).unwrap();
            for (q, why) in &stats[0].reasons {
                // every function of every snippet/test must be lowered natively
                failures.push(format!("{name}: {q}: {why}"));
            }
        }
    }
    assert!(failures.is_empty(), "not lowered:\n{}", failures.join("\n"));
}

#[test]
fn definite_assignment_removes_checks() {
    use Instr::*;
    let c = while_code();
    let d = crate::fe::stack_depths(&c);
    let m = super::function::maybe_unbound_loads(&c, &d);
    // every LoadFast of `count` reads a parameter or an assigned local
    for (pc, ins) in c.instrs.iter().enumerate() {
        if let LoadFast(_) = ins {
            assert!(!m[pc], "pc {pc} needs an unbound check");
        }
    }
    // `u` in the snippet: y may be unbound
    let c = code("u", 0, &["y"], &[], vec![Constant::Int(1)], vec![LoadConst(0), PopJumpIfFalse(4), LoadConst(0), StoreFast(0), LoadFast(0), ReturnValue]);
    let d = crate::fe::stack_depths(&c);
    assert!(super::function::maybe_unbound_loads(&c, &d)[4]);
}
