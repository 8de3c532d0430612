//! `pyc`: ahead-of-time compiler from Python 3.11 to standalone native executables.
//!
//! Exit status: 0 success, 1 compile (or build) error, 2 usage error. `pyc run` exits with
//! the program's status.

mod cli;
mod codegen;
mod diagnostics;
mod driver;
mod fe;
mod modgraph;
mod pylib;

use clap::Parser;

use cli::{Cli, Command, Emit};
use driver::{BuildError, BuildOptions};

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
                    Some(Emit::Obj) => Some("o"),
                    _ => None,
                };
                driver::default_output(&a.file, ext)
            });
            let opts = BuildOptions {
                input: a.file,
                output,
                emit: a.emit,
                interp: a.common.interp,
                opt_level: a.common.opt_level,
                stats: a.common.stats,
                quiet: a.common.quiet,
                verbose: a.common.verbose,
                paths: a.common.path.clone(),
                python_lib: a.common.python_lib.clone(),
            };
            match driver::build(&opts) {
                Ok(()) => 0,
                Err(BuildError::Compile) | Err(BuildError::Other) => 1,
            }
        }
        Command::Run(a) => {
            let opts = BuildOptions {
                input: a.file,
                output: Default::default(),
                emit: None,
                interp: a.common.interp,
                opt_level: a.common.opt_level,
                stats: a.common.stats,
                quiet: a.common.quiet,
                verbose: a.common.verbose,
                paths: a.common.path.clone(),
                python_lib: a.common.python_lib.clone(),
            };
            match driver::run(opts, &a.args) {
                Ok(c) => c,
                Err(_) => 1,
            }
        }
    };
    std::process::exit(code);
}
