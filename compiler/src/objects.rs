//! Per-module object files: each Python module of the program becomes its own object,
//! looked up in the object cache by a key covering everything that changes it, and the
//! misses are compiled in parallel (one LLVM context per thread). The entry object
//! (serialized program, native table, `main`) is cached the same way. The driver links
//! the returned objects in program order.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use inkwell::context::Context;

use crate::codegen::{self, CodegenOptions, ModuleStats};
use crate::fe::{ModuleCode, Program};
use crate::objcache::{self, ObjCache};

/// How to compile the objects.
pub struct ObjectOptions {
    pub cg: CodegenOptions,
    pub opt_level: u8,
    /// Build standard-library modules like the user's (`--optimize-stdlib`) instead of
    /// compactly (see `module_build`).
    pub optimize_stdlib: bool,
    /// Worker threads for cache misses.
    pub jobs: usize,
    /// Show a progress line when compiling takes over a second (stderr is a terminal).
    pub progress: bool,
    pub verbose: bool,
    /// Link the bytecode interpreter even when every code object is native
    /// (`--with-interp`; codegen::interp_enabler).
    pub link_interp: bool,
}

/// The program's objects, entry first, then one per module in program order.
pub struct Objects {
    pub paths: Vec<PathBuf>,
    pub stats: Vec<ModuleStats>,
    /// Modules compiled by this build (the rest came from the cache).
    pub compiled: usize,
}

/// How one module is built: its codegen options and LLVM optimisation level.
#[derive(Clone, Copy)]
struct ModuleBuild {
    cg: CodegenOptions,
    opt_level: u8,
}

/// Standard-library modules are built compactly: no inline fast paths (every operation
/// calls the runtime) and at most `-O1`. Their code is mostly run-once set-up; with the
/// fast paths, the LLVM passes and instruction selection on their big functions took
/// minutes per module (`enum` 100 s, `import traceback` 400 s cold) for code rarely hot.
fn module_build(o: &ObjectOptions, m: &ModuleCode) -> ModuleBuild {
    if m.from_stdlib && !o.optimize_stdlib {
        ModuleBuild { cg: CodegenOptions { fast_paths: false, ..o.cg }, opt_level: o.opt_level.min(1) }
    } else {
        ModuleBuild { cg: o.cg, opt_level: o.opt_level }
    }
}

/// Everything besides the module itself that changes a module's object.
fn codegen_identity(b: ModuleBuild) -> String {
    let cg = b.cg;
    format!(
        "{}|{}|{}|O{}|fast={}|native={}|debug={}",
        crate::modgraph::compiler_identity(),
        codegen::host_triple(),
        codegen::HOST_CPU,
        b.opt_level,
        cg.fast_paths,
        cg.native,
        cg.debug
    )
}

/// The cache key of module `m`'s object: the compiler, the codegen options and the
/// module's bytecode (its source text does not reach the object; its line table and
/// file name do, through the code objects).
fn module_key(identity: &str, m: &ModuleCode) -> String {
    let bare = ModuleCode { name: m.name.clone(), code: m.code.clone(), source: String::new(), is_package: m.is_package, from_stdlib: false };
    let bytes = Program { modules: vec![bare] }.serialize();
    objcache::key(&[b"module", identity.as_bytes(), &bytes])
}

fn instr_count(m: &ModuleCode) -> usize {
    let mut n = 0;
    m.code.walk(&mut |c| n += c.instrs.len());
    n
}

/// Builds, optimizes and stores one module's object.
fn compile_module(m: &ModuleCode, o: &ObjectOptions, cache: &ObjCache, k: &str) -> Result<ModuleStats, String> {
    let ctx = Context::create();
    let b = module_build(o, m);
    let t0 = Instant::now();
    let (module, stats) = codegen::build_python_module(&ctx, m, &b.cg)?;
    let tm = codegen::host_target_machine(b.opt_level)?;
    let t1 = Instant::now();
    codegen::optimize(&module, &tm, b.opt_level)?;
    let t2 = Instant::now();
    let scratch = cache.scratch_path(k).map_err(|e| format!("cannot write to the object cache: {}", crate::diagnostics::io_error_text(&e)))?;
    codegen::write_object(&module, &tm, &scratch)?;
    if o.verbose {
        let secs = |a: Instant, b: Instant| (b - a).as_secs_f64();
        let t3 = Instant::now();
        let how = if b.cg.fast_paths { "" } else { ", compact" };
        eprintln!(
            "pyc: compiled {} in {:.2} s (lower {:.2} s, optimize {:.2} s, machine code {:.2} s{how})",
            m.name,
            secs(t0, t3),
            secs(t0, t1),
            secs(t1, t2),
            secs(t2, t3)
        );
    }
    cache.commit(k, &scratch, &stats).map_err(|e| format!("cannot write to the object cache: {}", crate::diagnostics::io_error_text(&e)))?;
    Ok(stats)
}

/// Compiles the modules at `todo` (indices into `program.modules`) on `jobs` threads.
fn compile_parallel(program: &Program, todo: &[(usize, String)], o: &ObjectOptions, cache: &ObjCache) -> Result<Vec<(usize, ModuleStats)>, String> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results = Mutex::new(Vec::new());
    let first_error = Mutex::new(None::<String>);
    let workers = o.jobs.clamp(1, todo.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some((idx, k)) = todo.get(i) else { break };
                let m = &program.modules[*idx];
                match compile_module(m, o, cache, k) {
                    Ok(st) => results.lock().unwrap_or_else(|e| e.into_inner()).push((*idx, st)),
                    Err(e) => {
                        first_error.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert(e);
                        next.store(todo.len(), Ordering::SeqCst);
                    }
                }
                done.fetch_add(1, Ordering::SeqCst);
            });
        }
        show_progress(o.progress, todo.len(), &done);
    });
    if let Some(e) = first_error.into_inner().unwrap_or_else(|e| e.into_inner()) {
        return Err(e);
    }
    Ok(results.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// A one-line progress report on stderr, shown only once compiling has taken a second.
fn show_progress(enabled: bool, total: usize, done: &AtomicUsize) {
    if !enabled {
        return;
    }
    let start = Instant::now();
    let mut shown = false;
    loop {
        let d = done.load(Ordering::SeqCst);
        if d >= total {
            break;
        }
        if start.elapsed() >= Duration::from_secs(1) {
            let width = 30;
            let filled = width * d / total.max(1);
            eprint!("\r   Compiling [{}{}] {d}/{total} modules", "=".repeat(filled), " ".repeat(width - filled));
            shown = true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    if shown {
        eprint!("\r\x1b[K");
    }
}

/// Returns the program's objects, compiling what the cache lacks.
pub fn build_objects(program: &Program, o: &ObjectOptions, cache: &ObjCache) -> Result<Objects, String> {
    codegen::host_target_machine(o.opt_level)?;
    let identity = codegen_identity(ModuleBuild { cg: o.cg, opt_level: o.opt_level });
    let keys: Vec<String> = program.modules.iter().map(|m| module_key(&codegen_identity(module_build(o, m)), m)).collect();
    let mut stats: Vec<Option<ModuleStats>> = keys.iter().map(|k| cache.lookup(k)).collect();
    let mut todo: Vec<(usize, String)> = (0..keys.len()).filter(|&i| stats[i].is_none()).map(|i| (i, keys[i].clone())).collect();
    // biggest first, so that one large module does not finish last on its own
    todo.sort_by_key(|(i, _)| std::cmp::Reverse(instr_count(&program.modules[*i])));
    let compiled = todo.len();
    for (i, st) in compile_parallel(program, &todo, o, cache)? {
        stats[i] = Some(st);
    }
    let stats: Vec<ModuleStats> = stats.into_iter().collect::<Option<_>>().ok_or("a module's object is missing")?;

    let symbols: Vec<Option<String>> = stats.iter().flat_map(|s| s.symbols()).collect();
    let bytes = program.serialize();
    let table: String = symbols.iter().map(|s| format!("{}\n", s.as_deref().unwrap_or("-"))).collect();
    let mut enablers = codegen::start_up_enablers(program);
    enablers.extend(codegen::interp_enabler(program, &symbols, o.link_interp));
    let entry_key = objcache::key(&[b"entry", identity.as_bytes(), &bytes, table.as_bytes(), enablers.join(",").as_bytes()]);
    if cache.lookup(&entry_key).is_none() {
        let ctx = Context::create();
        let module = codegen::build_entry_module(&ctx, &bytes, &symbols, &enablers)?;
        let tm = codegen::host_target_machine(o.opt_level)?;
        let scratch = cache.scratch_path(&entry_key).map_err(|e| format!("cannot write to the object cache: {}", crate::diagnostics::io_error_text(&e)))?;
        codegen::write_object(&module, &tm, &scratch)?;
        let st = ModuleStats { module: "<entry>".into(), ..Default::default() };
        cache.commit(&entry_key, &scratch, &st).map_err(|e| format!("cannot write to the object cache: {}", crate::diagnostics::io_error_text(&e)))?;
    }
    let mut paths = vec![cache.object_path(&entry_key)];
    paths.extend(keys.iter().map(|k| cache.object_path(k)));
    Ok(Objects { paths, stats, compiled })
}
