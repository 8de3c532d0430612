//! The build pipeline: read → compile (frontend) → per-module objects (cached, compiled in
//! parallel: `objects.rs`) → link. `--emit` forms build the whole program as one LLVM
//! module instead.

use std::path::{Path, PathBuf};
use std::process::Command;

use std::io::IsTerminal;

use inkwell::context::Context;
use inkwell::targets::FileType;

use crate::cli::Emit;
use crate::codegen::{self, CodegenOptions, ModuleStats};
use crate::diagnostics;
use crate::fe::{self, Program};
use crate::objcache::ObjCache;
use crate::objects::{self, ObjectOptions};

/// Everything the driver needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub input: PathBuf,
    pub output: PathBuf,
    pub emit: Option<Emit>,
    pub interp: bool,
    /// `--with-interp`: link the bytecode interpreter (for PYC_INTERP=1).
    pub with_interp: bool,
    pub opt_level: u8,
    /// `--optimize-stdlib`: standard-library modules get the fast paths and `opt_level` too.
    pub optimize_stdlib: bool,
    pub stats: bool,
    pub quiet: bool,
    pub verbose: bool,
    /// `-I/--path` folders searched for modules.
    pub paths: Vec<PathBuf>,
    /// `--python-lib`: the CPython standard library folder.
    pub python_lib: Option<PathBuf>,
    /// `-g`: DWARF line tables.
    pub debug: bool,
    /// Strip the executable's symbols.
    pub strip: bool,
    /// `--static`: a fully static executable.
    pub static_link: bool,
    /// `-j`: parallel codegen jobs (None: the number of CPUs).
    pub jobs: Option<u32>,
}

/// A failed build; already reported on stderr when returned from `build`.
#[derive(Debug)]
pub enum BuildError {
    /// The program has errors (exit status 1).
    Compile,
    /// Anything else: I/O, LLVM, the linker (exit status 3).
    Other,
}

impl BuildError {
    /// The process exit status (documented in docs/cli.md).
    pub fn exit_code(&self) -> i32 {
        match self {
            BuildError::Compile => 1,
            BuildError::Other => 3,
        }
    }
}

/// Default executable path: the script's stem in the current directory.
pub fn default_output(input: &Path, ext: Option<&str>) -> PathBuf {
    let stem = input.file_stem().map(|s| s.to_os_string()).unwrap_or_else(|| "a.out".into());
    let mut p = PathBuf::from(stem);
    if let Some(e) = ext {
        p.set_extension(e);
    }
    p
}

fn fail(msg: impl AsRef<str>) -> BuildError {
    diagnostics::report_error(msg.as_ref());
    BuildError::Other
}

/// Reads and compiles the program: `__main__` and every module reachable from it
/// (see `modgraph`).
pub fn compile_program(opts: &BuildOptions) -> Result<Program, BuildError> {
    let gopts = crate::modgraph::GraphOptions {
        paths: opts.paths.clone(),
        python_lib: opts.python_lib.clone(),
        verbose: opts.verbose,
        quiet: opts.quiet,
    };
    crate::modgraph::build_program(&opts.input, &gopts).map_err(|compile| if compile { BuildError::Compile } else { BuildError::Other })
}

fn print_stats(stats: &[ModuleStats]) {
    for s in stats {
        let total = s.native + s.fallback;
        println!("module {}: {} of {} code objects native, {} interpreted", s.module, s.native, total, s.fallback);
        for (name, why) in &s.reasons {
            println!("  interpreted: {name}: {why}");
        }
    }
}

/// Locates the runtime library relative to this executable (never a source-tree path):
/// `libpyrt_lite.a` (no run-time compiler) when `lite` and it exists, else `libpyrt.a`.
pub fn find_runtime_lib(lite: bool) -> Result<PathBuf, String> {
    let mut tried = Vec::new();
    if let Ok(exe) = std::env::current_exe() {
        let exe = exe.canonicalize().unwrap_or(exe);
        if let Some(dir) = exe.parent() {
            let names: &[&str] = if lite { &["libpyrt_lite.a", "libpyrt.a"] } else { &["libpyrt.a"] };
            let cands = names.iter().flat_map(|n| [dir.join(n), dir.join("../lib/pyc").join(n)]);
            for cand in cands {
                if cand.is_file() {
                    return Ok(cand);
                }
                tried.push(cand.display().to_string());
            }
        }
    }
    if let Some(p) = std::env::var_os("PYC_RUNTIME_LIB") {
        let p = PathBuf::from(p);
        if p.is_file() {
            return Ok(p);
        }
        tried.push(format!("{} (PYC_RUNTIME_LIB)", p.display()));
    }
    Err(format!(
        "cannot find the runtime library libpyrt.a (looked at {}); set PYC_RUNTIME_LIB",
        if tried.is_empty() { "nothing".to_string() } else { tried.join(", ") }
    ))
}

/// The system C compiler used as the linker driver.
fn c_compiler() -> Command {
    let arch = std::env::consts::ARCH;
    let triple = match std::env::consts::OS {
        "linux" => format!("{arch}-unknown-linux-gnu"),
        "macos" => format!("{arch}-apple-darwin"),
        os => format!("{arch}-unknown-{os}"),
    };
    let mut b = cc::Build::new();
    b.target(&triple).host(&triple).opt_level(0).debug(false).cargo_metadata(false).warnings(false);
    match b.try_get_compiler() {
        Ok(tool) => {
            let mut c = Command::new(tool.path());
            for (k, v) in tool.get_envs() {
                c.env(k, v);
            }
            c
        }
        Err(_) => Command::new("cc"),
    }
}

/// How to link.
pub struct LinkOptions {
    pub lite: bool,
    pub strip: bool,
    pub static_link: bool,
    pub verbose: bool,
    pub quiet: bool,
}

/// Links `objs` (in order) with the runtime into `out`.
pub fn link(objs: &[PathBuf], out: &Path, o: &LinkOptions) -> Result<(), String> {
    let rt = find_runtime_lib(o.lite)?;
    let mut cmd = c_compiler();
    cmd.args(objs);
    if let Some(stub) = no_backtrace_stub(&rt, o) {
        cmd.arg(stub);
    }
    cmd.arg(&rt).arg("-o").arg(out).args(["-lm", "-lpthread", "-ldl", "-static-libgcc", "-Wl,--gc-sections"]);
    let linux = cfg!(target_os = "linux");
    if linux {
        // a position-dependent executable needs no load-time relocations (-86 KB)
        cmd.arg("-no-pie");
    }
    let ld = linker_choice();
    if let Some(ld) = &ld {
        cmd.arg(format!("-fuse-ld={ld}"));
        if ld == "gold" || ld == "lld" {
            // folds identical functions whose address is never taken
            cmd.arg("-Wl,--icf=safe");
        }
    }
    // static glibc registers the unwind tables at start-up: they stay
    let drop_unwind = o.strip && linux && !o.static_link;
    if o.strip {
        cmd.arg("-s");
    }
    if drop_unwind {
        // no PT_GNU_EH_FRAME, so the unwinder finds no tables once
        // `drop_unwind_tables` has removed them
        cmd.arg("-Wl,--no-eh-frame-hdr");
    }
    if o.static_link {
        cmd.arg("-static");
    }
    if o.verbose {
        eprintln!("pyc: link: {cmd:?}");
    }
    let output = cmd.output().map_err(|e| format!("cannot run the C compiler {:?}: {}", cmd.get_program(), diagnostics::io_error_text(&e)))?;
    // glibc warns that getpwnam & co. need its shared libraries at run time even when
    // linked statically; that is expected for --static and not worth a line per build
    let stderr: String = String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|l| !(o.static_link && l.contains("statically linked applications requires at runtime")))
        .filter(|l| !(o.static_link && l.contains("in function")))
        .map(|l| format!("{l}\n"))
        .collect();
    if !output.status.success() {
        let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), stderr);
        let lines: Vec<&str> = text.lines().collect();
        const MAX: usize = 30;
        let mut shown = lines.iter().take(MAX).copied().collect::<Vec<_>>().join("\n");
        if lines.len() > MAX {
            shown.push_str(&format!("\n... ({} more lines)", lines.len() - MAX));
        }
        return Err(format!("linking with {} failed ({}):\n{}", rt.display(), output.status, shown));
    }
    if !o.quiet && !stderr.is_empty() {
        eprint!("{stderr}");
    }
    if drop_unwind {
        drop_unwind_tables(out, o.verbose);
    }
    Ok(())
}

/// `pyrt_no_backtrace.o` beside the runtime library, for a stripped executable: it
/// replaces Rust std's backtrace printer, ~210 KB that a stripped executable cannot use
/// (runtime/no_backtrace.c). `None` (std's printer stays) when it is missing.
fn no_backtrace_stub(rt: &Path, o: &LinkOptions) -> Option<PathBuf> {
    let stub = rt.with_file_name("pyrt_no_backtrace.o");
    (o.strip && stub.is_file()).then_some(stub)
}

/// Removes the unwind tables (.eh_frame and the LSDAs, 8% of hello world) from a stripped
/// executable. The runtime is built with panic=abort, so nothing unwinds: the tables only
/// served the backtrace of a Rust panic, which a stripped binary cannot symbolize anyway
/// (without them the panic message still prints, then the process aborts). Best effort:
/// without objcopy the executable keeps its tables.
fn drop_unwind_tables(exe: &Path, verbose: bool) {
    let mut cmd = Command::new("objcopy");
    cmd.args(["-R", ".eh_frame", "-R", ".gcc_except_table"]).arg(exe);
    if verbose {
        eprintln!("pyc: link: {cmd:?}");
    }
    let _ = cmd.output();
}

/// The linker: gold when installed (it links twice as fast as ld.bfd), unless `PYC_LD`
/// names another (`bfd`, `gold`, `lld`, ...; empty = the C compiler's default).
fn linker_choice() -> Option<String> {
    if let Some(v) = std::env::var_os("PYC_LD") {
        let v = v.to_string_lossy().into_owned();
        return (!v.is_empty()).then_some(v);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).any(|d| d.join("ld.gold").is_file()).then(|| "gold".to_string())
}

/// Links, or copies the executable a previous build linked from the same objects, runtime
/// library and options (a cached rebuild then costs no link).
fn link_cached(objs: &[PathBuf], out: &Path, o: &LinkOptions, cache: &ObjCache) -> Result<(), String> {
    let rt = find_runtime_lib(o.lite)?;
    let md = std::fs::metadata(&rt).map_err(|e| format!("cannot read '{}': {}", rt.display(), diagnostics::io_error_text(&e)))?;
    let stamp = md.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
    let names: String = objs.iter().map(|p| format!("{}\n", p.file_name().unwrap_or_default().to_string_lossy())).collect();
    let stub = no_backtrace_stub(&rt, o).is_some();
    let what = format!("{}|{}|{stamp}|{}|{}|{:?}|{stub}", rt.display(), md.len(), o.strip, o.static_link, linker_choice());
    let k = crate::objcache::key(&[b"exe", crate::modgraph::compiler_identity().as_bytes(), what.as_bytes(), names.as_bytes()]);
    let cached = cache.exe_path(&k);
    if cached.is_file() && copy_replacing(&cached, out).is_ok() {
        crate::objcache::touch(&cached);
        if o.verbose {
            eprintln!("pyc: link: reused {}", cached.display());
        }
        return Ok(());
    }
    link(objs, out, o)?;
    // a failure to cache is no failure of the build
    let _ = cache.store_exe(&k, out);
    Ok(())
}

/// Copies `from` to `to` through a temporary file beside `to` and a rename, so that a
/// running old executable at `to` is replaced rather than overwritten.
fn copy_replacing(from: &Path, to: &Path) -> std::io::Result<()> {
    let name = to.file_name().unwrap_or_default().to_string_lossy();
    let tmp = to.with_file_name(format!(".{name}.pyc-{}", std::process::id()));
    std::fs::copy(from, &tmp)?;
    std::fs::rename(&tmp, to).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        e
    })
}

fn cache_error(e: std::io::Error) -> BuildError {
    fail(format!("cannot create a temporary directory: {}", diagnostics::io_error_text(&e)))
}

/// The object cache: `PYC_CACHE_DIR` (default: the user's cache folder), or a private
/// folder in `tmp` when caching is off (`PYC_CACHE_DIR=`).
fn object_cache(tmp: &Path) -> ObjCache {
    match crate::modgraph::cache_dir() {
        Some(d) if std::fs::create_dir_all(d.join("obj")).is_ok() => ObjCache::new(d.join("obj")),
        _ => ObjCache::new(tmp.join("obj")),
    }
}

/// `--emit llvm-ir|asm|obj`: the whole program as one module, optimized, written out.
fn emit_single(program: &Program, cg: &CodegenOptions, opts: &BuildOptions, emit: Emit) -> Result<(), BuildError> {
    let ctx = Context::create();
    let phase = PhaseTimer::new(opts.verbose);
    let (module, stats) = codegen::build_module(&ctx, program, cg).map_err(fail)?;
    phase.done("LLVM IR generation");
    if opts.stats {
        print_stats(&stats);
    }
    let write_ir = |m: &inkwell::module::Module| {
        m.print_to_file(&opts.output).map_err(|e| fail(format!("cannot write '{}': {}", opts.output.display(), e.to_string())))
    };
    if std::env::var_os("PYC_EMIT_UNOPTIMIZED").is_some() && emit == Emit::LlvmIr {
        return write_ir(&module);
    }
    let tm = codegen::host_target_machine(opts.opt_level).map_err(fail)?;
    codegen::optimize(&module, &tm, opts.opt_level).map_err(fail)?;
    phase.done("LLVM optimization");
    match emit {
        Emit::LlvmIr => write_ir(&module),
        Emit::Asm => codegen::write_file(&module, &tm, &opts.output, FileType::Assembly).map_err(fail),
        _ => codegen::write_file(&module, &tm, &opts.output, FileType::Object).map_err(fail),
    }
}

fn default_jobs() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

/// Runs the whole build. Errors are reported on stderr before returning.
pub fn build(opts: &BuildOptions) -> Result<(), BuildError> {
    if opts.emit != Some(Emit::Bytecode) && same_file(&opts.input, &opts.output) {
        return Err(fail(format!(
            "the output '{}' would overwrite the input; choose another path with -o",
            opts.output.display()
        )));
    }
    let phase = PhaseTimer::new(opts.verbose);
    let program = compile_program(opts)?;
    phase.done("front end");
    if !opts.quiet {
        crate::check::warn_undefined_names(&program, &user_dirs(opts));
    }
    let cg = CodegenOptions { fast_paths: opts.opt_level > 0, native: !opts.interp, debug: opts.debug };
    match opts.emit {
        Some(Emit::Bytecode) => {
            for m in &program.modules {
                print!("{}", fe::disassemble(&m.code));
            }
            return Ok(());
        }
        Some(e) => return emit_single(&program, &cg, opts, e),
        None => {}
    }
    let tmp = tempfile::Builder::new().prefix("pyc-build").tempdir().map_err(cache_error)?;
    let cache = object_cache(tmp.path());
    let oo = ObjectOptions {
        cg,
        opt_level: opts.opt_level,
        optimize_stdlib: opts.optimize_stdlib,
        jobs: opts.jobs.map_or_else(default_jobs, |j| j as usize),
        progress: !opts.quiet && !opts.verbose && std::io::stderr().is_terminal(),
        verbose: opts.verbose,
        link_interp: opts.with_interp,
    };
    let objs = objects::build_objects(&program, &oo, &cache).map_err(fail)?;
    phase.done(&format!("code generation ({} of {} modules compiled, the rest cached)", objs.compiled, program.modules.len()));
    if opts.stats {
        print_stats(&objs.stats);
    }
    let lo = LinkOptions {
        lite: !codegen::needs_runtime_compiler(&program),
        strip: opts.strip,
        static_link: opts.static_link,
        verbose: opts.verbose,
        quiet: opts.quiet,
    };
    link_cached(&objs.paths, &opts.output, &lo, &cache).map_err(fail)?;
    phase.done("link");
    crate::objcache::prune_if_grown(opts.verbose);
    if opts.verbose {
        eprintln!("pyc: wrote {}", opts.output.display());
    }
    Ok(())
}

/// Folders holding the user's own modules (the script's folder and `-I` folders): only
/// their modules get lint warnings.
fn user_dirs(opts: &BuildOptions) -> Vec<PathBuf> {
    let script = opts.input.canonicalize().unwrap_or_else(|_| opts.input.clone());
    let mut dirs: Vec<PathBuf> = script.parent().map(Path::to_path_buf).into_iter().collect();
    dirs.extend(opts.paths.iter().map(|p| p.canonicalize().unwrap_or_else(|_| p.clone())));
    dirs
}

/// `pyc check`: the front end and the diagnostics, no code generation.
pub fn check(opts: &BuildOptions) -> Result<(), BuildError> {
    let program = compile_program(opts)?;
    crate::objcache::prune_if_grown(opts.verbose);
    if !opts.quiet {
        crate::check::warn_undefined_names(&program, &user_dirs(opts));
    }
    if opts.verbose {
        eprintln!("pyc: {}: {} modules, no errors", opts.input.display(), program.modules.len());
    }
    Ok(())
}

/// Builds into a temporary directory and runs the program; returns its exit status
/// (128 + n when killed by signal n).
pub fn run(mut opts: BuildOptions, args: &[std::ffi::OsString]) -> Result<i32, BuildError> {
    let tmp = tempfile::Builder::new()
        .prefix("pyc-run")
        .tempdir()
        .map_err(|e| fail(format!("cannot create a temporary directory: {}", diagnostics::io_error_text(&e))))?;
    let exe = tmp.path().join(default_output(&opts.input, None));
    opts.output = exe.clone();
    opts.emit = None;
    build(&opts)?;
    let status = Command::new(&exe)
        .args(args)
        .status()
        .map_err(|e| fail(format!("cannot run '{}': {}", exe.display(), diagnostics::io_error_text(&e))))?;
    if let Some(c) = status.code() {
        return Ok(c);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return Ok(128 + sig);
        }
    }
    Ok(1)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Prints how long each build phase took (with `-v`).
struct PhaseTimer {
    enabled: bool,
    last: std::cell::Cell<std::time::Instant>,
}

impl PhaseTimer {
    fn new(enabled: bool) -> Self {
        PhaseTimer { enabled, last: std::cell::Cell::new(std::time::Instant::now()) }
    }

    fn done(&self, phase: &str) {
        let now = std::time::Instant::now();
        if self.enabled {
            eprintln!("pyc: {phase}: {:.2} s", (now - self.last.get()).as_secs_f64());
        }
        self.last.set(now);
    }
}
