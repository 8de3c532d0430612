//! Modules pyc implements in Python (runtime/pylib/, packages included), embedded into
//! pyc at its build time; the module graph resolves them like native modules (before
//! any search path).

include!(concat!(env!("OUT_DIR"), "/pylib.rs"));

/// File-name prefix of embedded modules; tracebacks hide frames of these files.
pub const PREFIX: &str = "<pyc>/pylib/";

/// The virtual file name of embedded module `name` and whether it is a package.
pub fn lookup(name: &str) -> Option<(String, bool)> {
    let (_, is_pkg, _) = PYLIB.iter().find(|(n, _, _)| *n == name)?;
    let path = name.replace('.', "/");
    Some((if *is_pkg { format!("{PREFIX}{path}/__init__.py") } else { format!("{PREFIX}{path}.py") }, *is_pkg))
}

/// The source of a virtual file name made by `lookup`.
pub fn source_of(file: &str) -> Option<&'static str> {
    let rel = file.strip_prefix(PREFIX)?.strip_suffix(".py")?;
    let name = rel.strip_suffix("/__init__").unwrap_or(rel).replace('/', ".");
    PYLIB.iter().find(|(n, _, _)| *n == name).map(|(_, _, s)| *s)
}
