//! `pyc`: ahead-of-time compiler from Python 3.11 to standalone native executables.
//!
//! Exit status: 0 success, 1 the program has errors (diagnostics printed), 2 usage error,
//! 3 the build failed for another reason (I/O, LLVM, linker). `pyc run` exits with the
//! program's status. See docs/cli.md.

mod check;
mod cli;
mod codegen;
mod diagnostics;
mod driver;
mod fe;
mod modgraph;
mod objcache;
mod objects;
mod pylib;
mod suggest;

use clap::{CommandFactory, Parser};

use cli::{Cli, Command, CommonArgs, DiagArgs, Emit, ErrorFormat};
use driver::BuildOptions;

fn options(file: std::path::PathBuf, output: std::path::PathBuf, emit: Option<Emit>, c: &CommonArgs) -> BuildOptions {
    let mut o = check_options(file, &c.diag);
    o.output = output;
    o.emit = emit;
    o.interp = c.interp;
    o.with_interp = c.with_interp;
    o.opt_level = c.opt_level;
    o.optimize_stdlib = c.optimize_stdlib;
    o.stats = c.stats;
    o.debug = c.debug;
    o.strip = c.strip();
    o.static_link = c.static_link;
    o.jobs = c.jobs;
    o
}

fn check_options(file: std::path::PathBuf, d: &DiagArgs) -> BuildOptions {
    diagnostics::set_json(d.error_format == ErrorFormat::Json);
    BuildOptions {
        input: file,
        output: Default::default(),
        emit: None,
        interp: false,
        with_interp: false,
        opt_level: 2,
        optimize_stdlib: false,
        stats: false,
        quiet: d.quiet,
        verbose: d.verbose,
        paths: d.path.clone(),
        python_lib: d.python_lib.clone(),
        debug: false,
        strip: true,
        static_link: false,
        jobs: None,
    }
}

fn main() {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => e.exit(), // help/version → 0, usage errors → 2
    };
    let code = match cli.command {
        Command::Build(a) => {
            let output = a.output.clone().unwrap_or_else(|| {
                let ext = match a.emit {
                    Some(Emit::LlvmIr) => Some("ll"),
                    Some(Emit::Asm) => Some("s"),
                    Some(Emit::Obj) => Some("o"),
                    _ => None,
                };
                driver::default_output(&a.file, ext)
            });
            let opts = options(a.file, output, a.emit, &a.common);
            driver::build(&opts).map_or_else(|e| e.exit_code(), |()| 0)
        }
        Command::Run(a) => {
            let opts = options(a.file, Default::default(), None, &a.common);
            driver::run(opts, &a.args).unwrap_or_else(|e| e.exit_code())
        }
        Command::Check(a) => {
            let opts = check_options(a.file, &a.diag);
            driver::check(&opts).map_or_else(|e| e.exit_code(), |()| 0)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "pyc", &mut std::io::stdout());
            0
        }
    };
    std::process::exit(code);
}
