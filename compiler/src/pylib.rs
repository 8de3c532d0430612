//! Modules pyc implements in Python (runtime/pylib/*.py), embedded into pyc at its build
//! time; the module graph resolves them like native modules (before any search path).

include!(concat!(env!("OUT_DIR"), "/pylib.rs"));

/// File-name prefix of embedded modules; tracebacks hide frames of these files.
pub const PREFIX: &str = "<pyc>/pylib/";

/// The virtual file name of embedded module `name`, if there is one.
pub fn file_of(name: &str) -> Option<String> {
    PYLIB.iter().any(|(n, _)| *n == name).then(|| format!("{PREFIX}{name}.py"))
}

/// The source of a virtual file name made by `file_of`.
pub fn source_of(file: &str) -> Option<&'static str> {
    let name = file.strip_prefix(PREFIX)?.strip_suffix(".py")?;
    PYLIB.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}
