//! Command-line interface.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  pyc build app.py                 compile app.py into ./app
  pyc build app.py -o /tmp/app -O3 choose the output and optimisation level
  pyc build app.py --stats         report natively lowered vs interpreted functions
  pyc build app.py --emit llvm-ir  write app.ll (optimised LLVM IR)
  pyc build app.py --emit bytecode print the bytecode disassembly
  pyc build app.py --interp        build a binary that interprets everything
  pyc build app.py --with-interp   link the interpreter: PYC_INTERP=1 then runs it interpreted
  pyc build app.py -g --no-strip   DWARF line info: gdb and perf show .py lines
  pyc build app.py --static        a fully static executable
  pyc run app.py arg1 arg2         build into a temporary directory and run
  pyc check app.py                 diagnose without generating code

Exit status: 0 success, 1 the program has errors (diagnostics printed), 2 usage error,
3 the build failed for another reason (I/O, LLVM, linker). `pyc run` exits with the
program's status. See docs/cli.md.";

#[derive(Parser, Debug)]
#[command(
    name = "pyc",
    version,
    about = "Ahead-of-time compiler from Python 3.11 to standalone native executables",
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Compile a Python script into a native executable.
    #[command(after_help = EXAMPLES)]
    Build(BuildArgs),
    /// Compile a script into a temporary directory and run it.
    #[command(after_help = "Example:\n  pyc run app.py 10 < input.txt")]
    Run(RunArgs),
    /// Parse the script and every module it imports, resolve the imports and report
    /// problems, without generating code (exit status 1 when there are errors).
    #[command(after_help = "Example:\n  pyc check app.py --error-format json")]
    Check(CheckArgs),
    /// Print a shell completion script (e.g. `pyc completions bash > /etc/bash_completion.d/pyc`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum ErrorFormat {
    /// Source excerpts with labels (colour on a terminal)
    #[default]
    Human,
    /// One JSON object per line and diagnostic (severity, message, file, lines, columns, code)
    Json,
}

/// Options of every command that reads a program.
#[derive(Args, Debug, Clone)]
pub struct DiagArgs {
    /// Print nothing but errors.
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print the steps, their timings and the link command.
    #[arg(short, long)]
    pub verbose: bool,
    /// How diagnostics are printed on stderr.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ErrorFormat::Human)]
    pub error_format: ErrorFormat,
    /// Add a folder to the module search path (after the script's folder; repeatable).
    #[arg(short = 'I', long = "path", value_name = "DIR")]
    pub path: Vec<PathBuf>,
    /// The CPython 3.11 `Lib` folder to compile standard-library modules from
    /// (default: $PYC_PYTHON_LIB, else the stdlib of the python3 on PATH).
    #[arg(long, value_name = "DIR")]
    pub python_lib: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The Python script.
    pub file: PathBuf,
    #[command(flatten)]
    pub diag: DiagArgs,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Emit {
    /// Optimised LLVM IR (.ll)
    #[value(name = "llvm-ir")]
    LlvmIr,
    /// Assembly (.s)
    Asm,
    /// Object file (.o), not linked
    Obj,
    /// Bytecode disassembly on stdout
    Bytecode,
}

#[derive(Args, Debug, Clone)]
pub struct CommonArgs {
    /// Build a binary whose functions all run in the interpreter (empty native table).
    #[arg(long)]
    pub interp: bool,
    /// Link the bytecode interpreter, so that the binary honours PYC_INTERP=1 (without it,
    /// PYC_INTERP=1 prints a warning and the program runs natively; the interpreter is
    /// always linked when some function is not native, and with eval/exec/compile).
    #[arg(long)]
    pub with_interp: bool,
    /// Optimisation level (-O0 also disables the inline fast paths).
    #[arg(short = 'O', value_name = "LEVEL", default_value_t = 2, value_parser = clap::value_parser!(u8).range(0..=3))]
    pub opt_level: u8,
    /// Build standard-library modules with the inline fast paths and the full -O level
    /// too (by default they are built compactly: much faster cold builds, slower stdlib code).
    #[arg(long)]
    pub optimize_stdlib: bool,
    /// Print per-module counts of native and interpreted functions.
    #[arg(long)]
    pub stats: bool,
    /// Emit DWARF line tables (gdb backtraces and perf show .py lines); implies --no-strip.
    #[arg(short = 'g')]
    pub debug: bool,
    /// Strip symbols from the executable (the default without -g).
    #[arg(long, overrides_with = "no_strip")]
    pub strip: bool,
    /// Keep symbols (native functions are named `pyc.<module>.<n>`).
    #[arg(long, overrides_with = "strip")]
    pub no_strip: bool,
    /// Link a fully static executable (`cc -static`; needs the C library's static archives).
    #[arg(long = "static")]
    pub static_link: bool,
    /// Modules compiled in parallel (default: the number of CPUs).
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub jobs: Option<u32>,
    #[command(flatten)]
    pub diag: DiagArgs,
}

impl CommonArgs {
    /// Is the executable stripped? (`--strip`/`--no-strip`, else not with `-g`.)
    pub fn strip(&self) -> bool {
        if self.strip || self.no_strip {
            self.strip
        } else {
            !self.debug
        }
    }
}

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// The Python script.
    pub file: PathBuf,
    /// Output path (default: the script's name without `.py`, in the current directory).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Emit an intermediate form instead of an executable.
    #[arg(long, value_enum)]
    pub emit: Option<Emit>,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Args, Debug)]
pub struct RunArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// The Python script.
    pub file: PathBuf,
    /// Arguments passed to the program.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<std::ffi::OsString>,
}
