//! The build pipeline: read → compile (frontend) → codegen → optimise → object → link.

use std::path::{Path, PathBuf};
use std::process::Command;

use inkwell::context::Context;

use crate::cli::Emit;
use crate::codegen::{self, CodegenOptions, ModuleStats};
use crate::diagnostics;
use crate::fe::{self, Program};

/// Everything the driver needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub input: PathBuf,
    pub output: PathBuf,
    pub emit: Option<Emit>,
    pub interp: bool,
    pub opt_level: u8,
    pub stats: bool,
    pub quiet: bool,
    pub verbose: bool,
    /// `-I/--path` folders searched for modules.
    pub paths: Vec<PathBuf>,
    /// `--python-lib`: the CPython standard library folder.
    pub python_lib: Option<PathBuf>,
}

/// A failed build; already reported on stderr when returned from `build`.
#[derive(Debug)]
pub enum BuildError {
    /// The program has a compile error (exit status 1).
    Compile,
    /// Anything else (exit status 1).
    Other,
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

/// Names whose presence anywhere in a program means it may compile source at run time
/// (`weakref`'s helpers are Python source the runtime executes on import).
const RUNTIME_COMPILER_NAMES: &[&str] = &["eval", "exec", "compile", "weakref", "import_module", "__import__"];

/// Does the program need the runtime with the embedded parser and compiler?
fn needs_runtime_compiler(program: &pyc_frontend::bytecode::Program) -> bool {
    program.code_objects().iter().any(|c| c.names.iter().any(|n| RUNTIME_COMPILER_NAMES.contains(&n.as_str())))
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

/// Links `obj` with the runtime into `out`.
pub fn link(obj: &Path, out: &Path, lite: bool, verbose: bool, quiet: bool) -> Result<(), String> {
    let rt = find_runtime_lib(lite)?;
    let mut cmd = c_compiler();
    cmd.arg(obj)
        .arg(&rt)
        .arg("-o")
        .arg(out)
        .args(["-lm", "-lpthread", "-ldl", "-static-libgcc", "-Wl,--gc-sections", "-s"]);
    if verbose {
        eprintln!("pyc: link: {cmd:?}");
    }
    let output = cmd.output().map_err(|e| format!("cannot run the C compiler {:?}: {}", cmd.get_program(), diagnostics::io_error_text(&e)))?;
    if !output.status.success() {
        let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        let lines: Vec<&str> = text.lines().collect();
        const MAX: usize = 30;
        let mut shown = lines.iter().take(MAX).copied().collect::<Vec<_>>().join("\n");
        if lines.len() > MAX {
            shown.push_str(&format!("\n... ({} more lines)", lines.len() - MAX));
        }
        return Err(format!("linking with {} failed ({}):\n{}", rt.display(), output.status, shown));
    }
    if !quiet && !output.stderr.is_empty() {
        eprint!("{}", String::from_utf8_lossy(&output.stderr));
    }
    Ok(())
}

/// Runs the whole build. Errors are reported on stderr before returning.
pub fn build(opts: &BuildOptions) -> Result<(), BuildError> {
    if opts.emit != Some(Emit::Bytecode) && same_file(&opts.input, &opts.output) {
        return Err(fail(format!(
            "the output '{}' would overwrite the input; choose another path with -o",
            opts.output.display()
        )));
    }
    let program = compile_program(opts)?;
    if opts.emit == Some(Emit::Bytecode) {
        for m in &program.modules {
            print!("{}", fe::disassemble(&m.code));
        }
        return Ok(());
    }
    let cg = CodegenOptions { fast_paths: opts.opt_level > 0, native: !opts.interp };
    let ctx = Context::create();
    let phase = PhaseTimer::new(opts.verbose);
    let (module, stats) = codegen::build_module(&ctx, &program, &cg).map_err(fail)?;
    phase.done("LLVM IR generation");
    if opts.stats {
        print_stats(&stats);
    }
    if std::env::var_os("PYC_EMIT_UNOPTIMIZED").is_some() && opts.emit == Some(Emit::LlvmIr) {
        return module
            .print_to_file(&opts.output)
            .map_err(|e| fail(format!("cannot write '{}': {}", opts.output.display(), e.to_string())));
    }
    let tm = codegen::host_target_machine(opts.opt_level).map_err(fail)?;
    codegen::optimize(&module, &tm, opts.opt_level).map_err(fail)?;
    phase.done("LLVM optimization");
    match opts.emit {
        Some(Emit::LlvmIr) => {
            module
                .print_to_file(&opts.output)
                .map_err(|e| fail(format!("cannot write '{}': {}", opts.output.display(), e.to_string())))?;
        }
        Some(Emit::Obj) => codegen::write_object(&module, &tm, &opts.output).map_err(fail)?,
        _ => {
            let tmp = tempfile::Builder::new()
                .prefix("pyc-build")
                .tempdir()
                .map_err(|e| fail(format!("cannot create a temporary directory: {}", diagnostics::io_error_text(&e))))?;
            let obj = tmp.path().join("app.o");
            codegen::write_object(&module, &tm, &obj).map_err(fail)?;
            phase.done("machine code");
            let lite = !needs_runtime_compiler(&program);
            link(&obj, &opts.output, lite, opts.verbose, opts.quiet).map_err(fail)?;
        }
    }
    if opts.verbose {
        eprintln!("pyc: wrote {}", opts.output.display());
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
