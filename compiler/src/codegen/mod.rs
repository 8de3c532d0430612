//! Bytecode → LLVM IR.
//!
//! One LLVM module (and object file) per Python module, holding its lowered code objects
//! (`build_python_module`), plus an entry module with `pyc_program`/`pyc_program_len` (the
//! serialized `Program`), `pyc_native_table` and `main` (`build_entry_module`); see
//! docs/architecture.md, "The executable". A module's object depends only on that module,
//! so the driver caches it by content (`objcache.rs`).

pub mod attrs;
pub mod calls;
pub mod construct;
pub mod debuginfo;
pub mod exceptions;
pub mod fastpath;
pub mod floatpath;
pub mod function;
pub mod globals;
pub mod known;
pub mod generators;
pub mod loops;
pub mod ops;
pub mod runtime_decls;
pub mod selfcall;
pub mod subscr;
pub mod tbaa;
pub mod unboxed;
pub mod versioned;
#[cfg(test)]
mod tests;

use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::GlobalVisibility;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine};
use inkwell::values::{BasicValue, FunctionValue};
use inkwell::{AddressSpace, OptimizationLevel};

use crate::fe::{self, Program};
use fastpath::Helpers;
use function::lower_function;


#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CodegenOptions {
    /// Inline IR fast paths (refcounting, small ints, truth tests).
    pub fast_paths: bool,
    /// Lower code objects natively (false: `--interp`, empty native table).
    pub native: bool,
    /// DWARF line tables (`-g`).
    pub debug: bool,
}

impl Default for CodegenOptions {
    /// Native code with the fast paths, no debug info.
    fn default() -> Self {
        CodegenOptions { fast_paths: true, native: true, debug: false }
    }
}

/// Per-module lowering statistics.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ModuleStats {
    pub module: String,
    pub native: usize,
    pub fallback: usize,
    /// (qualname, reason) of every code object left to the interpreter.
    pub reasons: Vec<(String, String)>,
    /// Per code object of the module (`CodeObject::walk` order): was it lowered?
    pub lowered: Vec<bool>,
}

impl ModuleStats {
    /// Symbols of the module's native entries, `None` where a code object runs in the
    /// interpreter (the module's slice of `pyc_native_table`).
    pub fn symbols(&self) -> impl Iterator<Item = Option<String>> + '_ {
        self.lowered.iter().enumerate().map(|(k, &l)| l.then(|| code_symbol(&self.module, k)))
    }
}

/// The symbol of the `k`-th code object (walk order) of Python module `module`. Names
/// depend only on the module, never on the rest of the program, so a module's object file
/// is the same in every program that imports it (the object cache relies on this).
/// Characters outside `[A-Za-z0-9_.]` are escaped as `$xx` so names stay unique.
pub fn code_symbol(module: &str, k: usize) -> String {
    let mut s = String::from("pyc.");
    for b in module.bytes() {
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' {
            s.push(b as char);
        } else {
            s.push_str(&format!("${b:02x}"));
        }
    }
    s.push_str(&format!(".{k}"));
    s
}

/// Lowers every code object of one Python module into a new LLVM module of its own. The
/// native entries are hidden external functions named by `code_symbol`.
pub fn build_python_module<'ctx>(
    ctx: &'ctx Context,
    m: &fe::ModuleCode,
    opts: &CodegenOptions,
) -> Result<(Module<'ctx>, ModuleStats), String> {
    let module = ctx.create_module(&m.name);
    module.set_triple(&TargetMachine::get_default_triple());
    let mut helpers = Helpers::emit(ctx, &module, opts.fast_paths).map_err(|e| e.0)?;
    if opts.debug {
        helpers.debug = Some(debuginfo::ModuleDebug::new(&module, m));
    }
    let mut st = ModuleStats { module: m.name.clone(), ..Default::default() };
    let mut codes = Vec::new();
    m.code.walk(&mut |c| codes.push(c));
    helpers.module_functions = calls::module_functions(&codes, &m.name);
    helpers.module_methods = calls::module_methods(&codes, &m.name);
    helpers.module_classes = construct::module_classes(&codes);
    helpers.module_globals = globals::module_globals(&codes);
    let mut lowered = Vec::with_capacity(codes.len());
    for (k, code) in codes.iter().enumerate() {
        lowered.push(if !opts.native {
            Err("--interp".to_string())
        } else {
            let depths = fe::stack_depths(code);
            lower_function(ctx, &module, &helpers, code, depths, &code_symbol(&m.name, k), opts.fast_paths).map_err(|e| e.0)
        });
    }
    // debug metadata must be complete before a function can be verified
    if let Some(d) = &helpers.debug {
        d.finalize();
    }
    for (code, f) in codes.iter().zip(lowered) {
        match f.and_then(publish) {
            Ok(()) => {
                st.native += 1;
                st.lowered.push(true);
            }
            Err(why) => {
                st.fallback += 1;
                st.reasons.push((code.qualname.clone(), why));
                st.lowered.push(false);
            }
        }
    }
    module.verify().map_err(|e| format!("LLVM module verification failed for '{}': {}", m.name, e.to_string()))?;
    Ok((module, st))
}

/// Exports a lowered function as a native entry; one the LLVM verifier rejects (a codegen
/// bug) is deleted so that the program stays correct in the interpreter.
fn publish(f: FunctionValue<'_>) -> Result<(), String> {
    if !f.verify(std::env::var_os("PYC_DEBUG_VERIFY").is_some()) {
        unsafe { f.delete() };
        return Err("LLVM verifier rejected the function".into());
    }
    f.set_linkage(Linkage::External);
    f.as_global_value().set_visibility(GlobalVisibility::Hidden);
    Ok(())
}

/// The entry module: `pyc_program` (the serialized program), `pyc_native_table` (the
/// entries of every module, in `Program::code_objects` order, declared here and defined in
/// the modules' objects) and `main`, which calls the runtime's `enablers` (`enablers`:
/// the native modules the program may import, the method tables it may use) before it
/// calls `pyrt_main`.
pub fn build_entry_module<'ctx>(
    ctx: &'ctx Context,
    program_bytes: &[u8],
    symbols: &[Option<String>],
    enablers: &[String],
) -> Result<Module<'ctx>, String> {
    let module = ctx.create_module("pyc_entry");
    module.set_triple(&TargetMachine::get_default_triple());
    let i8p = ctx.i8_type().ptr_type(AddressSpace::default());
    let i64t = ctx.i64_type();

    let data = ctx.const_string(program_bytes, false);
    let g = module.add_global(data.get_type(), Some(AddressSpace::default()), "pyc_program");
    g.set_initializer(&data);
    g.set_constant(true);
    g.set_linkage(Linkage::External);
    let glen = module.add_global(i64t, Some(AddressSpace::default()), "pyc_program_len");
    glen.set_initializer(&i64t.const_int(program_bytes.len() as u64, false));
    glen.set_constant(true);

    let fnty = i64t.fn_type(&[i8p.into()], false);
    let entries: Vec<_> = symbols
        .iter()
        .map(|s| match s {
            Some(name) => {
                let f = module.get_function(name).unwrap_or_else(|| module.add_function(name, fnty, Some(Linkage::External)));
                f.as_global_value().set_visibility(GlobalVisibility::Hidden);
                f.as_global_value().as_pointer_value().const_cast(i8p)
            }
            None => i8p.const_null(),
        })
        .collect();
    let tty = i8p.array_type(entries.len() as u32);
    let gt = module.add_global(tty, Some(AddressSpace::default()), "pyc_native_table");
    gt.set_initializer(&i8p.const_array(&entries));
    gt.set_constant(true);

    let i32t = ctx.i32_type();
    let i8pp = i8p.ptr_type(AddressSpace::default());
    let pyrt_main_ty = i32t.fn_type(&[i32t.into(), i8pp.into(), i8p.into(), i64t.into(), i8pp.into(), i64t.into()], false);
    let pyrt_main = module.add_function("pyrt_main", pyrt_main_ty, Some(Linkage::External));
    let main = module.add_function("main", i32t.fn_type(&[i32t.into(), i8pp.into()], false), None);
    let b = ctx.create_builder();
    b.position_at_end(ctx.append_basic_block(main, "entry"));
    let err = |e: inkwell::builder::BuilderError| format!("LLVM builder error: {e:?}");
    for symbol in enablers {
        let f = module.add_function(symbol, ctx.void_type().fn_type(&[], false), Some(Linkage::External));
        b.build_call(f, &[], "").map_err(err)?;
    }
    let args = [
        main.get_nth_param(0).ok_or("main has no argc")?.into(),
        main.get_nth_param(1).ok_or("main has no argv")?.into(),
        g.as_pointer_value().const_cast(i8p).into(),
        i64t.const_int(program_bytes.len() as u64, false).into(),
        gt.as_pointer_value().const_cast(i8pp).into(),
        i64t.const_int(symbols.len() as u64, false).into(),
    ];
    let rc = b
        .build_call(pyrt_main, &args, "rc")
        .map_err(err)?
        .try_as_basic_value()
        .basic()
        .ok_or("pyrt_main returns void")?;
    b.build_return(Some(&rc.as_basic_value_enum())).map_err(err)?;
    module.verify().map_err(|e| format!("LLVM module verification failed: {}", e.to_string()))?;
    Ok(module)
}

/// Names whose presence anywhere in a program means it may compile source at run time
/// (`weakref`'s helpers are Python source the runtime executes on import) or import a
/// module by a computed name.
const RUNTIME_COMPILER_NAMES: &[&str] = &["eval", "exec", "compile", "weakref", "import_module", "__import__"];

/// Every name any code object of `program` uses.
fn program_names(program: &pyc_frontend::bytecode::Program) -> std::collections::HashSet<&str> {
    program.code_objects().into_iter().flat_map(|c| c.names.iter().map(|n| n.as_str())).collect()
}

fn uses_runtime_compiler(names: &std::collections::HashSet<&str>) -> bool {
    RUNTIME_COMPILER_NAMES.iter().any(|n| names.contains(n))
}

/// Does the program need the runtime with the embedded parser and compiler?
pub fn needs_runtime_compiler(program: &pyc_frontend::bytecode::Program) -> bool {
    uses_runtime_compiler(&program_names(program))
}

/// The native modules `program` may import: every native module it names (names of import
/// statements, and anything spelled the same: enabling too many only costs size), plus
/// `builtins`; `None` (all) when it may import by a computed name at run time.
fn native_modules_used(program: &pyc_frontend::bytecode::Program) -> Option<Vec<&'static str>> {
    let named = program_names(program);
    if uses_runtime_compiler(&named) {
        return None;
    }
    // `sys` exists from start-up; dotted names are submodules of native modules.
    let natives = pyc_frontend::native_modules::NATIVE_MODULES.iter().filter(|m| **m != "sys" && !m.contains('.'));
    let implied = implied_native_modules(program);
    Some(natives.copied().filter(|m| *m == "builtins" || named.contains(m) || implied.contains(m)).collect())
}

/// The runtime functions `main` calls before `pyrt_main`: `pyrt_native_<module>` for the
/// native modules the program may import, `pyrt_methods_<type>` and
/// `pyrt_builtins_<group>` for the method tables and builtins it may use (or the
/// enable-all variant of either).
pub fn start_up_enablers(program: &pyc_frontend::bytecode::Program) -> Vec<String> {
    let mut out: Vec<String> = match native_modules_used(program) {
        Some(names) => names.iter().map(|n| format!("pyrt_native_{n}")).collect(),
        None => vec!["pyrt_enable_all_native_modules".to_string()],
    };
    match method_tables_used(program) {
        Some(tables) => out.extend(tables.iter().map(|t| t.to_string())),
        None => out.push(pyc_frontend::method_tables::ENABLE_ALL.to_string()),
    }
    if uses_percent_format(program) {
        out.push("pyrt_enable_percent_format".to_string());
    }
    out
}

/// Names through which a program can apply `%` without the operator: the dunders and
/// `operator.mod`/`imod` (a computed name enables every table, and the percent
/// formatter with them: runtime `pyrt_enable_all_methods`).
const PERCENT_NAMES: &[&str] = &["__mod__", "__rmod__", "__imod__", "mod", "imod"];

/// May the program format with `%` (runtime format.rs `pyrt_enable_percent_format`)? It
/// has a `%` or `%=` operator somewhere (stdlib modules included) or spells a
/// `PERCENT_NAMES` name.
fn uses_percent_format(program: &pyc_frontend::bytecode::Program) -> bool {
    use pyc_frontend::bytecode::{BinOp, Instr};
    let is_mod = |i: &Instr| matches!(*i, Instr::BinaryOp(op) | Instr::InplaceOp(op) if op == BinOp::Mod as u32);
    let names = program_names(program);
    PERCENT_NAMES.iter().any(|n| names.contains(n)) || program.code_objects().into_iter().any(|c| c.instrs.iter().any(is_mod))
}

/// `pyrt_enable_interp`, which links the bytecode interpreter in (runtime interp.rs
/// `EVAL`; `--gc-sections` drops it otherwise), when the program may run a code object
/// without a native entry: one was not lowered (`--interp` lowers none) or it compiles
/// code at run time; or when `asked` (`--with-interp`, so that PYC_INTERP=1 works).
pub fn interp_enabler(program: &pyc_frontend::bytecode::Program, symbols: &[Option<String>], asked: bool) -> Option<String> {
    let needed = asked || symbols.iter().any(Option::is_none) || needs_runtime_compiler(program);
    needed.then(|| "pyrt_enable_interp".to_string())
}

/// The method tables (pyc_frontend::method_tables) the program may use, from its words:
/// every name of every code object (attributes included) and the identifiers inside its
/// string constants; `None` (all) when it may run code compiled at run time or compute
/// attribute names.
fn method_tables_used(program: &pyc_frontend::bytecode::Program) -> Option<Vec<&'static str>> {
    let mut words = program_names(program);
    if uses_runtime_compiler(&words) {
        return None;
    }
    fn strings<'p>(k: &'p pyc_frontend::bytecode::Constant, out: &mut std::collections::HashSet<&'p str>) {
        use pyc_frontend::bytecode::Constant;
        match k {
            Constant::Str(t) => out.extend(pyc_frontend::method_tables::words_of(t)),
            Constant::Tuple(items) | Constant::FrozenSet(items) => items.iter().for_each(|i| strings(i, out)),
            _ => {}
        }
    }
    for c in program.code_objects() {
        c.consts.iter().for_each(|k| strings(k, &mut words));
    }
    pyc_frontend::method_tables::tables_needed(words.iter().copied())
}

/// Native modules a program needs without naming them, by a string it spells: the
/// `namereplace` error handler writes characters by their Unicode names, which only
/// `unicodedata` links in (runtime modules/codecs.rs `char_name`).
const IMPLIED_BY_STRINGS: &[(&str, &str)] = &[("namereplace", "unicodedata")];

fn implied_native_modules(program: &pyc_frontend::bytecode::Program) -> Vec<&'static str> {
    let spells = |s: &str| {
        program.code_objects().into_iter().any(|c| c.consts.iter().any(|k| matches!(k, pyc_frontend::bytecode::Constant::Str(t) if t == s)))
    };
    IMPLIED_BY_STRINGS.iter().filter(|(s, _)| spells(s)).map(|(_, m)| *m).collect()
}

/// The whole program as one LLVM module (`--emit llvm-ir|asm|obj`, unit tests): every
/// Python module built separately, then linked into the entry module.
pub fn build_module<'ctx>(
    ctx: &'ctx Context,
    program: &Program,
    opts: &CodegenOptions,
) -> Result<(Module<'ctx>, Vec<ModuleStats>), String> {
    let mut parts = Vec::new();
    let mut stats = Vec::new();
    for m in &program.modules {
        let (module, st) = build_python_module(ctx, m, opts)?;
        parts.push(module);
        stats.push(st);
    }
    let symbols: Vec<Option<String>> = stats.iter().flat_map(|s| s.symbols()).collect();
    let mut enablers = start_up_enablers(program);
    enablers.extend(interp_enabler(program, &symbols, false));
    let entry = build_entry_module(ctx, &program.serialize(), &symbols, &enablers)?;
    for part in parts {
        entry.link_in_module(part).map_err(|e| format!("LLVM module linking failed: {}", e.to_string()))?;
    }
    Ok((entry, stats))
}

/// The CPU generated code targets: the generic CPU of the host architecture (portable).
pub const HOST_CPU: &str = if cfg!(target_arch = "x86_64") { "x86-64" } else { "generic" };

/// The host's target triple.
pub fn host_triple() -> String {
    TargetMachine::get_default_triple().as_str().to_string_lossy().into_owned()
}

/// A target machine for the host. Safe to call from several threads (LLVM's target
/// registry is initialised once).
pub fn host_target_machine(opt_level: u8) -> Result<TargetMachine, String> {
    static INIT: std::sync::OnceLock<Result<(), String>> = std::sync::OnceLock::new();
    INIT.get_or_init(|| {
        Target::initialize_native(&InitializationConfig::default()).map_err(|e| format!("cannot initialise the LLVM native target: {e}"))
    })
    .clone()?;
    let triple = TargetMachine::get_default_triple();
    let target = Target::from_triple(&triple).map_err(|e| format!("unknown target {triple}: {e}"))?;
    let level = match opt_level {
        0 => OptimizationLevel::None,
        1 => OptimizationLevel::Less,
        2 => OptimizationLevel::Default,
        _ => OptimizationLevel::Aggressive,
    };
    target
        .create_target_machine(&triple, HOST_CPU, "", level, RelocMode::PIC, CodeModel::Default)
        .ok_or_else(|| format!("cannot create a target machine for {triple}"))
}

/// Runs the LLVM pipeline `default<On>`.
pub fn optimize(module: &Module<'_>, tm: &TargetMachine, opt_level: u8) -> Result<(), String> {
    module.set_triple(&tm.get_triple());
    module.set_data_layout(&tm.get_target_data().get_data_layout());
    let passes = format!("default<O{}>", opt_level.min(3));
    module
        .run_passes(&passes, tm, PassBuilderOptions::create())
        .map_err(|e| format!("LLVM optimisation failed: {}", e.to_string()))
}

/// Writes an object file.
pub fn write_object(module: &Module<'_>, tm: &TargetMachine, path: &std::path::Path) -> Result<(), String> {
    write_file(module, tm, path, FileType::Object)
}

/// Writes machine code (an object file or assembly).
pub fn write_file(module: &Module<'_>, tm: &TargetMachine, path: &std::path::Path, kind: FileType) -> Result<(), String> {
    module.set_data_layout(&tm.get_target_data().get_data_layout());
    tm.write_to_file(module, kind, path)
        .map_err(|e| format!("cannot write '{}': {}", path.display(), e.to_string()))
}
