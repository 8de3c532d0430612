//! Start-up of a process that `multiprocessing` started by re-executing this binary.
//! CPython would run `python -c "from multiprocessing.spawn import spawn_main;
//! spawn_main(tracker_fd=5, pipe_handle=7)" --multiprocessing-fork` (spawn start method),
//! `python -c "from multiprocessing.resource_tracker import main;main(5)"` (the resource
//! tracker) or the forkserver's similar line; `multiprocessing.spawn.get_executable()` is
//! `sys.executable`, this binary. So a pyc executable whose `argv[1]` is `-c` followed by
//! a command that starts with `from multiprocessing.` runs that command instead of the
//! program, with `sys.argv == ['-c', ...]` as CPython sets it.
//!
//! For a spawned child (`--multiprocessing-fork`), the program's main module first runs
//! as `__mp_main__` (guarded `if __name__ == "__main__":` code does not run) and is
//! registered as both `sys.modules['__main__']` and `['__mp_main__']`; its `__file__` is
//! the one the parent sends, so `spawn.prepare` finds the main module already in place
//! instead of re-running its source with `runpy`. The one ordering difference from
//! CPython: the main module body runs before `prepare` applies the parent's `sys.path`,
//! `sys.argv` and working directory.

use crate::object::{Obj, PyResult};
use crate::protocol;
use crate::types::typeobj::KwArgs;
use crate::types::{dict, int, list, module, none, str as pystr, tuple};

/// A recognised child command line.
pub struct Child {
    command: String,
    /// `--multiprocessing-fork` follows the command: a spawned worker.
    spawned: bool,
    /// `sys.argv` for the child: `-c` and the arguments after the command.
    argv: Vec<String>,
}

/// Runs a module's code object in its dict (the start-up code's `run_module_code`).
pub type RunCode = fn(Obj, &Obj) -> PyResult<Obj>;

/// Runs the main module, or the child command when `argv` names one: `start` once
/// enabled, else `None`. Only programs that can import `multiprocessing` enable it
/// (the `_multiprocessing` native module's hook), so others neither link this module
/// nor mistake a `-c "from multiprocessing...."` argument for a child's command line.
static START: std::sync::OnceLock<fn(&[String], &Obj, &Obj, Obj, RunCode) -> PyResult<Obj>> = std::sync::OnceLock::new();

/// Lets the start-up code recognise child command lines (see `START`).
pub fn enable() {
    START.get_or_init(|| start);
}

/// The enabled start-up function, if any.
pub fn start_hook() -> Option<fn(&[String], &Obj, &Obj, Obj, RunCode) -> PyResult<Obj>> {
    START.get().copied()
}

fn start(argv: &[String], m: &Obj, d: &Obj, code: Obj, run_code: RunCode) -> PyResult<Obj> {
    match detect(argv) {
        Some(child) => child.run(m, d, code, run_code),
        None => run_code(code, d),
    }
}

/// The child command in `argv` (the process arguments), if any.
pub fn detect(argv: &[String]) -> Option<Child> {
    // Interpreter options (`util._args_from_interpreter_flags()`) may precede `-c`.
    let mut i = 1;
    while i < argv.len() && argv[i] != "-c" {
        if !argv[i].starts_with('-') {
            return None;
        }
        i += if argv[i] == "-X" || argv[i] == "-W" { 2 } else { 1 };
    }
    let command = argv.get(i + 1)?;
    if !command.starts_with("from multiprocessing.") {
        return None;
    }
    let rest = &argv[i + 2..];
    let mut child_argv = vec!["-c".to_string()];
    child_argv.extend(rest.iter().cloned());
    Some(Child { command: command.clone(), spawned: rest.first().map(String::as_str) == Some("--multiprocessing-fork"), argv: child_argv })
}

impl Child {
    /// Runs the child in module `m` (created as `__main__` by the start-up code, `d` its
    /// dict): the main module's `code` first when spawned, then the command.
    pub fn run(&self, m: &Obj, d: &Obj, code: Obj, run_code: RunCode) -> PyResult<Obj> {
        let sys = module::dict(&crate::modules::sys::module());
        dict::set_item_str(&sys, "argv", list::new(self.argv.iter().map(|a| pystr::new(a)).collect()));
        let ns = if self.spawned {
            dict::set_item_str(d, "__name__", pystr::new("__mp_main__"));
            dict::set_item_str(&crate::modules::sys::modules_dict(), "__mp_main__", m.clone());
            run_code(code, d)?;
            let ns = dict::new();
            dict::set_item_str(&ns, "__name__", pystr::new("__main__"));
            dict::set_item_str(&ns, "__builtins__", crate::builtins::builtins_module());
            ns
        } else {
            // `python -c` has no `__file__`.
            dict::del_item_str(d, &pystr::new("__file__"));
            d.clone()
        };
        match parse_call(&self.command) {
            Some(call) => call.run(&ns),
            None => {
                let exec = protocol::getattr(&crate::builtins::builtins_module(), &pystr::new("exec"))?;
                protocol::call(&exec, &[pystr::new(&self.command), ns])
            }
        }
    }
}

/// `from MODULE import NAME; NAME(ARGS)` with int/None arguments, positional or keyword:
/// the shape of the spawn and resource-tracker commands, run without the run-time
/// compiler (programs may link the runtime without it).
struct SimpleCall {
    module: String,
    name: String,
    args: Vec<Option<i64>>,
    kwargs: Vec<(String, Option<i64>)>,
}

fn parse_value(s: &str) -> Option<Option<i64>> {
    match s.trim() {
        "None" => Some(None),
        v => v.parse::<i64>().ok().map(Some),
    }
}

fn is_ident(s: &str) -> bool {
    !s.is_empty() && !s.starts_with(|c: char| c.is_ascii_digit()) && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn parse_call(command: &str) -> Option<SimpleCall> {
    let (import, call) = command.split_once(';')?;
    let rest = import.trim().strip_prefix("from ")?;
    let (module, name) = rest.split_once(" import ")?;
    let (module, name) = (module.trim(), name.trim());
    let inner = call.trim().strip_prefix(name)?.strip_prefix('(')?.strip_suffix(')')?;
    if !is_ident(name) || !module.split('.').all(is_ident) {
        return None;
    }
    let mut c = SimpleCall { module: module.to_string(), name: name.to_string(), args: Vec::new(), kwargs: Vec::new() };
    for part in inner.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some((k, v)) if is_ident(k.trim()) => c.kwargs.push((k.trim().to_string(), parse_value(v)?)),
            Some(_) => return None,
            None if c.kwargs.is_empty() => c.args.push(parse_value(part)?),
            None => return None,
        }
    }
    Some(c)
}

fn value(v: Option<i64>) -> Obj {
    v.map(int::from_i64).unwrap_or_else(none::none)
}

impl SimpleCall {
    fn run(&self, ns: &Obj) -> PyResult<Obj> {
        let fromlist = tuple::new(vec![pystr::new(&self.name)]);
        let m = crate::builtins::import_module_level(&pystr::new(&self.module), ns, &fromlist, 0)?;
        let f = protocol::getattr(&m, &pystr::new(&self.name)).map_err(|_| {
            crate::errors::import_error(format!("cannot import name '{}' from '{}'", self.name, self.module))
        })?;
        let args: Vec<Obj> = self.args.iter().map(|v| value(*v)).collect();
        let names: Vec<Obj> = self.kwargs.iter().map(|(k, _)| pystr::new(k)).collect();
        let values: Vec<Obj> = self.kwargs.iter().map(|(_, v)| value(*v)).collect();
        protocol::call_kw(&f, &args, &KwArgs { names: &names, values: &values })
    }
}
