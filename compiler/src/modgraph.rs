//! The build-time module graph: starting from the script, finds every module reachable
//! through `import` / `from … import` statements (absolute and relative, packages with
//! `__init__.py`, namespace packages, imports inside functions), compiles each one once
//! (with a content-addressed cache of compiled modules), and reports imports that cannot
//! be resolved as diagnostics naming the file and line.
//!
//! Search order (as CPython's): the runtime's native modules (never searched on disk),
//! the script's folder, `-I/--path` folders, `PYTHONPATH`, then the CPython standard
//! library folder (`--python-lib`, `PYC_PYTHON_LIB`, or the `python3` on PATH).
//!
//! Policy for unresolved imports: in the user's modules an unresolved import is an error
//! unless it sits in a `try` whose handlers catch `ImportError` (then a warning, and the
//! run-time `ModuleNotFoundError` CPython raises). In standard-library modules only
//! unconditional top-level imports are errors (the stdlib is full of platform-dependent
//! imports under `if`/`try`/inside functions); the rest fail at run time if ever reached.

use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use ruff_python_ast::statement_visitor::{walk_stmt, StatementVisitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use crate::fe::{self, CompileDiag, ModuleCode, Program};

/// Modules the runtime implements natively: never searched for on disk; their dotted
/// submodules are native too.
pub use pyc_frontend::native_modules::NATIVE_MODULES;

/// CPython 3.11 modules implemented in C (built in or extension modules). Found neither
/// among the native modules nor as a `.py` file, they are "not supported yet".
const CPYTHON_C_MODULES: &[&str] = &[
    "_abc", "_ast", "_codecs", "_collections", "_functools", "_imp", "_io", "_locale",
    "_operator", "_signal", "_sre", "_stat", "_string", "_symtable", "_thread", "_tokenize",
    "_tracemalloc", "_warnings", "_weakref", "atexit", "builtins", "errno", "faulthandler", "gc",
    "itertools", "marshal", "posix", "pwd", "sys", "time", "xxsubtype", "_asyncio", "_bisect",
    "_blake2", "_bz2", "_contextvars", "_crypt", "_csv", "_ctypes", "_curses", "_datetime",
    "_dbm", "_decimal", "_elementtree", "_gdbm", "_hashlib", "_heapq", "_json", "_lsprof",
    "_lzma", "_md5", "_multibytecodec", "_multiprocessing", "_opcode", "_pickle",
    "_posixshmem", "_posixsubprocess", "_queue", "_random", "_sha1", "_sha256", "_sha3",
    "_sha512", "_socket", "_sqlite3", "_ssl", "_statistics", "_struct", "_typing", "_uuid",
    "_zoneinfo", "array", "audioop", "binascii", "cmath", "fcntl", "grp", "math", "mmap",
    "nis", "ossaudiodev", "pyexpat", "readline", "resource", "select", "spwd", "syslog",
    "termios", "unicodedata", "zlib", "_xxsubinterpreters", "_scproxy", "_winapi", "nt",
    "msvcrt", "winreg", "_overlapped", "_testcapi", "_testinternalcapi", "_ctypes_test",
];

/// Small standard-library modules that other stdlib modules import lazily (inside a
/// function) on common paths — `Counter.most_common` imports heapq, `copy` is imported
/// by many `__copy__` helpers — and that pull in little else: such lazy imports are
/// followed (other lazy stdlib imports are not; they fail at run time unless the module
/// is compiled in for another reason). Native and embedded modules cost nothing and are
/// always followed.
fn lazy_import_followed(name: &str) -> bool {
    const SMALL_LEAVES: &[&str] = &["heapq", "copy", "bisect", "keyword", "string", "textwrap", "warnings", "io"];
    SMALL_LEAVES.contains(&name) || NATIVE_MODULES.contains(&name) || crate::pylib::lookup(name).is_some()
}

/// `multiprocessing` and `concurrent.futures` import their own parts lazily on the paths
/// every user takes (the context's `Pool`, `Queue`, `Lock`, `Popen`... are imported
/// inside methods, and spawned children run `multiprocessing.spawn`): inside those
/// packages, lazy imports of the package itself and of the few helpers it needs are
/// followed. Excluded: Windows-only modules. Also `types.coroutine`'s own (`functools`,
/// `_collections_abc`), taken whenever it decorates a function that is not a generator
/// function, and `traceback`'s `ast`, with which every formatted traceback entry places
/// its `~` and `^` marks under a binary operation or subscript (without it the marks
/// silently become all `^`).
fn lazy_import_followed_in(importer: &str, target: &str) -> bool {
    if importer == "types" && matches!(target, "functools" | "_collections_abc") || importer == "traceback" && target == "ast" {
        return true;
    }
    const PACKAGES: &[&str] = &["multiprocessing", "concurrent.futures"];
    const HELPERS: &[&str] = &["selectors", "hmac", "subprocess", "tempfile", "shutil", "traceback", "struct", "runpy"];
    const NEVER: &[&str] = &["multiprocessing.popen_spawn_win32"];
    let inside = |n: &str, p: &str| n == p || n.starts_with(&format!("{p}."));
    PACKAGES.iter().any(|p| inside(importer, p))
        && !NEVER.contains(&target)
        && (PACKAGES.iter().any(|p| inside(target, p)) || HELPERS.contains(&target))
}

/// How the module graph searches for modules.
#[derive(Debug, Clone, Default)]
pub struct GraphOptions {
    /// Folders given with `-I/--path`, in order.
    pub paths: Vec<PathBuf>,
    /// The standard library folder, if any (`--python-lib`).
    pub python_lib: Option<PathBuf>,
    /// Print each module found.
    pub verbose: bool,
    /// Suppress warnings.
    pub quiet: bool,
}

/// One import statement (one alias of `import a, b`).
#[derive(Debug, Clone)]
struct ImportRef {
    /// Dotted module name as written (without the leading dots); `None` for `from . import x`.
    module: Option<String>,
    level: u32,
    /// Names of `from m import n1, n2` (`*` included); empty for `import m`.
    from_names: Vec<String>,
    is_from: bool,
    /// Byte range of the statement's module name (or the statement).
    range: std::ops::Range<usize>,
    /// Inside a `try` that catches ImportError.
    guarded: bool,
    /// Not an unconditional statement of the module body (inside if/try/def/class/loop).
    conditional: bool,
    /// Inside a function body (a lazy import).
    in_def: bool,
    /// Inside `if __name__ == "__main__":`: runs only when the module is the main
    /// program, so imported modules never execute it (doctest/self-test blocks).
    main_only: bool,
}

/// Where a module was found.
#[derive(Debug, Clone)]
enum Found {
    Native,
    Source { file: PathBuf, is_package: bool },
    Namespace { dirs: Vec<PathBuf> },
}

#[derive(Debug, Clone)]
enum Missing {
    NotFound,
    NotAPackage(String),
    Unsupported,
}

/// A diagnostic produced while walking the graph.
struct Problem {
    /// The importing module.
    owner: String,
    file: PathBuf,
    source: String,
    range: std::ops::Range<usize>,
    message: String,
    error: bool,
    /// A module with a similar name (did you mean ...?).
    suggestion: Option<String>,
}

struct Graph<'a> {
    opts: &'a GraphOptions,
    user_paths: Vec<PathBuf>,
    /// The stdlib folder, looked up on first need (asking python3 costs ~20 ms).
    stdlib_cell: std::cell::OnceCell<Option<PathBuf>>,
    cache: Option<PathBuf>,
    /// Resolution results by dotted name.
    resolved: HashMap<String, Result<Found, Missing>>,
    /// Compiled modules in discovery order (index 0 = `__main__`).
    modules: Vec<ModuleCode>,
    seen: HashSet<String>,
    queue: VecDeque<(String, Found)>,
    problems: Vec<Problem>,
    compile_errors: Vec<(String, String, CompileDiag)>,
    io_failed: bool,
    /// Missing stdlib dependencies already reported (each is reported once).
    reported: HashSet<String>,
    /// Import edges: importer → (imported module, hard). A hard edge is one the
    /// importer's body certainly executes (or a user module's unguarded import).
    edges: HashMap<String, Vec<(String, bool)>>,
    /// Modules from the standard library.
    stdlib_modules: HashSet<String>,
}

/// The standard library folder: `--python-lib`, `PYC_PYTHON_LIB`, else the stdlib of the
/// `python3` on PATH (asked once per build; `None` when there is no python3).
pub fn find_python_lib(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("PYC_PYTHON_LIB") {
        if !p.is_empty() {
            return Some(PathBuf::from(p));
        }
    }
    // Asking python3 costs a process start (much more behind a pyenv shim), so the answer
    // is remembered per PATH and python3 file identity, and re-checked on use.
    let python = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path).map(|d| d.join("python3")).find(|p| p.is_file())
    })?;
    let ident = {
        let md = std::fs::metadata(&python).ok();
        let mtime = md.as_ref().and_then(|m| m.modified().ok()).and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        content_key(&[
            &std::env::var("PATH").unwrap_or_default(),
            &std::env::var("PYENV_VERSION").unwrap_or_default(),
            &python.to_string_lossy(),
            &format!("{:?}", mtime),
        ])
    };
    let memo = cache_dir().map(|d| d.join(format!("stdlib-{ident}")));
    if let Some(m) = &memo {
        if let Ok(s) = std::fs::read_to_string(m) {
            let p = PathBuf::from(s.trim());
            if p.join("os.py").is_file() {
                return Some(p);
            }
        }
    }
    let out = std::process::Command::new(&python)
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let p = PathBuf::from(&s);
    if p.join("os.py").is_file() {
        if let Some(m) = &memo {
            if let Some(d) = m.parent() {
                let _ = std::fs::create_dir_all(d);
            }
            let _ = std::fs::write(m, &s);
        }
        Some(p)
    } else {
        None
    }
}

fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().map(|d| d.join(p)).unwrap_or_else(|_| p.to_path_buf())
    }
}

pub(crate) fn cache_dir() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PYC_CACHE_DIR") {
        if p.is_empty() {
            return None;
        }
        return Some(PathBuf::from(p));
    }
    if let Some(x) = std::env::var_os("XDG_CACHE_HOME") {
        if !x.is_empty() {
            return Some(PathBuf::from(x).join("pyc"));
        }
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("pyc"))
}

/// Identity of this compiler build (a rebuilt compiler never reuses stale cache entries).
pub(crate) fn compiler_identity() -> String {
    // The sources that shape pyc's output (compiler/build.rs), not the binary's mtime:
    // rebuilding pyc after a runtime or CLI change keeps the object cache warm.
    format!("{}:{}", env!("CARGO_PKG_VERSION"), env!("PYC_SOURCE_HASH"))
}

fn content_key(parts: &[&str]) -> String {
    let mut out = String::new();
    for salt in ["pyc-a", "pyc-b"] {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        salt.hash(&mut h);
        for p in parts {
            p.hash(&mut h);
        }
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

// ----- import discovery (AST walk) -----

struct ImportCollector {
    out: Vec<ImportRef>,
    /// Depth of enclosing `try` bodies whose handlers catch ImportError.
    guard: u32,
    /// Depth of enclosing compound statements (0 = module body).
    nest: u32,
    /// Depth of enclosing function definitions.
    defs: u32,
    /// Depth of enclosing `if __name__ == "__main__":` bodies.
    main_blocks: u32,
}

/// Whether `test` is `__name__ == "__main__"` (either operand order).
fn is_main_test(test: &Expr) -> bool {
    let Expr::Compare(c) = test else { return false };
    if c.ops.len() != 1 || !matches!(c.ops[0], ast::CmpOp::Eq) {
        return false;
    }
    let is_name = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == "__name__");
    let is_main = |e: &Expr| matches!(e, Expr::StringLiteral(s) if s.value.to_str() == "__main__");
    let (l, r) = (&*c.left, &c.comparators[0]);
    (is_name(l) && is_main(r)) || (is_main(l) && is_name(r))
}

fn catches_import_error(handlers: &[ast::ExceptHandler]) -> bool {
    fn name_ok(e: &Expr) -> bool {
        match e {
            Expr::Name(n) => matches!(n.id.as_str(), "ImportError" | "ModuleNotFoundError" | "Exception" | "BaseException"),
            Expr::Attribute(a) => matches!(a.attr.as_str(), "ImportError" | "ModuleNotFoundError"),
            Expr::Tuple(t) => t.elts.iter().any(name_ok),
            _ => false,
        }
    }
    handlers.iter().any(|h| {
        let ast::ExceptHandler::ExceptHandler(h) = h;
        match &h.type_ {
            None => true,
            Some(t) => name_ok(t),
        }
    })
}

impl<'a> StatementVisitor<'a> for ImportCollector {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::Import(i) => {
                for a in &i.names {
                    self.out.push(ImportRef {
                        module: Some(a.name.id.to_string()),
                        level: 0,
                        from_names: vec![],
                        is_from: false,
                        range: a.name.range().start().to_usize()..a.name.range().end().to_usize(),
                        guarded: self.guard > 0,
                        conditional: self.nest > 0,
                        in_def: self.defs > 0,
                        main_only: self.main_blocks > 0,
                    });
                }
            }
            Stmt::ImportFrom(i) => {
                let range = match &i.module {
                    Some(m) => m.range().start().to_usize()..m.range().end().to_usize(),
                    None => i.range().start().to_usize()..i.range().end().to_usize(),
                };
                self.out.push(ImportRef {
                    module: i.module.as_ref().map(|m| m.id.to_string()),
                    level: i.level,
                    from_names: i.names.iter().map(|a| a.name.id.to_string()).collect(),
                    is_from: true,
                    range,
                    guarded: self.guard > 0,
                    conditional: self.nest > 0,
                    in_def: self.defs > 0,
                    main_only: self.main_blocks > 0,
                });
            }
            Stmt::Try(t) => {
                self.nest += 1;
                let g = catches_import_error(&t.handlers);
                if g {
                    self.guard += 1;
                }
                self.visit_body(&t.body);
                if g {
                    self.guard -= 1;
                }
                for h in &t.handlers {
                    self.visit_except_handler(h);
                }
                self.visit_body(&t.orelse);
                self.visit_body(&t.finalbody);
                self.nest -= 1;
            }
            Stmt::With(_) => walk_stmt(self, stmt),
            Stmt::If(i) if is_main_test(&i.test) => {
                self.nest += 1;
                self.main_blocks += 1;
                self.visit_body(&i.body);
                self.main_blocks -= 1;
                for clause in &i.elif_else_clauses {
                    self.visit_elif_else_clause(clause);
                }
                self.nest -= 1;
            }
            Stmt::FunctionDef(_) => {
                self.nest += 1;
                self.defs += 1;
                walk_stmt(self, stmt);
                self.defs -= 1;
                self.nest -= 1;
            }
            _ => {
                self.nest += 1;
                walk_stmt(self, stmt);
                self.nest -= 1;
            }
        }
    }
}

/// Finds `__import__('literal')` and `importlib.import_module('literal')` calls: they
/// are resolved like guarded imports (a missing module fails at run time). Also the
/// imports native code performs on a program's behalf: `time.strptime` and
/// `datetime.strptime` import `_strptime` when first called, so a module that names
/// `.strptime` brings it in.
struct DynamicImports {
    out: Vec<ImportRef>,
    /// Whether `.strptime` brings in `_strptime`: only in the user's modules (the standard
    /// library's own callers need it only when the program uses them that way).
    strptime: bool,
}

impl DynamicImports {
    /// Records an import that may fail only at run time.
    fn push_guarded(&mut self, module: String, range: ruff_text_size::TextRange) {
        self.out.push(ImportRef {
            module: Some(module),
            level: 0,
            from_names: vec![],
            is_from: false,
            range: range.start().to_usize()..range.end().to_usize(),
            guarded: true,
            conditional: true,
            in_def: false,
            main_only: false,
        });
    }
}

impl<'a> ruff_python_ast::visitor::Visitor<'a> for DynamicImports {
    fn visit_expr(&mut self, e: &'a Expr) {
        if let Expr::Attribute(a) = e {
            if self.strptime && a.attr.as_str() == "strptime" {
                self.push_guarded("_strptime".to_string(), a.range());
            }
        }
        if let Expr::Call(c) = e {
            let is_import = match &*c.func {
                Expr::Name(n) => n.id.as_str() == "__import__",
                Expr::Attribute(a) => a.attr.as_str() == "import_module",
                _ => false,
            };
            if is_import {
                if let Some(Expr::StringLiteral(s)) = c.arguments.args.first() {
                    let name = s.value.to_str().to_string();
                    if !name.is_empty() && !name.starts_with('.') {
                        self.push_guarded(name, s.range());
                    }
                }
            }
        }
        ruff_python_ast::visitor::walk_expr(self, e);
    }
}

/// The imports of `source`; `user` is false for a standard-library module.
fn collect_imports(source: &str, user: bool) -> Vec<ImportRef> {
    let Ok(m) = pyc_frontend::parse::parse_module(source) else { return Vec::new() };
    let mut c = ImportCollector { out: Vec::new(), guard: 0, nest: 0, defs: 0, main_blocks: 0 };
    c.visit_body(&m.body);
    let mut d = DynamicImports { out: Vec::new(), strptime: user };
    ruff_python_ast::visitor::Visitor::visit_body(&mut d, &m.body);
    c.out.extend(d.out);
    c.out
}

// ----- cache of compiled modules -----

fn encode_entry(m: &ModuleCode, imports: &[ImportRef]) -> Vec<u8> {
    let mut head = String::from("PYCMOD3\n");
    head.push_str(&format!("{}\n", imports.len()));
    for i in imports {
        head.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            i.module.as_deref().map(|s| format!("+{s}")).unwrap_or_default(),
            i.level,
            i.from_names.join(","),
            i.is_from as u8,
            i.range.start,
            i.range.end,
            i.guarded as u8,
            i.conditional as u8,
            i.in_def as u8,
            i.main_only as u8
        ));
    }
    let mut out = head.into_bytes();
    out.extend(Program { modules: vec![m.clone()] }.serialize());
    out
}

fn decode_entry(bytes: &[u8]) -> Option<(ModuleCode, Vec<ImportRef>)> {
    let mut pos = 0;
    let mut line = || -> Option<&str> {
        let rest = &bytes[pos..];
        let nl = rest.iter().position(|&b| b == b'\n')?;
        let s = std::str::from_utf8(&rest[..nl]).ok()?;
        pos += nl + 1;
        Some(s)
    };
    if line()? != "PYCMOD3" {
        return None;
    }
    let n: usize = line()?.parse().ok()?;
    let mut imports = Vec::with_capacity(n);
    for _ in 0..n {
        let l = line()?;
        let f: Vec<&str> = l.split('\t').collect();
        if f.len() != 10 {
            return None;
        }
        imports.push(ImportRef {
            module: f[0].strip_prefix('+').map(|s| s.to_string()),
            level: f[1].parse().ok()?,
            from_names: if f[2].is_empty() { vec![] } else { f[2].split(',').map(|s| s.to_string()).collect() },
            is_from: f[3] == "1",
            range: f[4].parse().ok()?..f[5].parse().ok()?,
            guarded: f[6] == "1",
            conditional: f[7] == "1",
            in_def: f[8] == "1",
            main_only: f[9] == "1",
        });
    }
    let mut p = Program::deserialize(&bytes[pos..]).ok()?;
    if p.modules.len() != 1 {
        return None;
    }
    Some((p.modules.pop()?, imports))
}

impl<'a> Graph<'a> {
    fn stdlib(&self) -> Option<&PathBuf> {
        self.stdlib_cell
            .get_or_init(|| find_python_lib(self.opts.python_lib.as_deref()).map(|p| absolute(&p)))
            .as_ref()
    }

    fn is_stdlib_file(&self, f: &Path) -> bool {
        f.starts_with(crate::pylib::PREFIX) || self.stdlib().map_or(false, |s| f.starts_with(s))
    }

    fn find_top(&self, name: &str) -> Option<Found> {
        if let Some(f) = Self::find_in(&self.user_paths, name) {
            if !matches!(f, Found::Namespace { .. }) {
                return Some(f);
            }
        }
        let mut dirs = self.user_paths.clone();
        if let Some(s) = self.stdlib() {
            dirs.push(s.clone());
        }
        Self::find_in(&dirs, name)
    }

    fn is_c_module(&self, name: &str) -> bool {
        if CPYTHON_C_MODULES.contains(&name) {
            return true;
        }
        if let Some(s) = self.stdlib() {
            let dy = s.join("lib-dynload");
            if let Ok(rd) = std::fs::read_dir(&dy) {
                for e in rd.flatten() {
                    let n = e.file_name();
                    let n = n.to_string_lossy();
                    if n.starts_with(&format!("{name}.")) && n.ends_with(".so") {
                        return true;
                    }
                }
            }
        }
        false
    }

    fn find_in(dirs: &[PathBuf], last: &str) -> Option<Found> {
        let mut portions = Vec::new();
        for d in dirs {
            let pkg = d.join(last);
            let init = pkg.join("__init__.py");
            if init.is_file() {
                return Some(Found::Source { file: init, is_package: true });
            }
            let file = d.join(format!("{last}.py"));
            if file.is_file() {
                return Some(Found::Source { file, is_package: false });
            }
            if pkg.is_dir() {
                portions.push(pkg);
            }
        }
        if portions.is_empty() {
            None
        } else {
            Some(Found::Namespace { dirs: portions })
        }
    }

    /// Resolves one dotted name (and its parents).
    fn resolve(&mut self, name: &str) -> Result<Found, Missing> {
        if let Some(r) = self.resolved.get(name) {
            return r.clone();
        }
        if name == "os.path" && matches!(self.resolve("os"), Ok(Found::Source { .. })) {
            // os.py installs `sys.modules['os.path']` itself (posixpath on POSIX).
            let r = self.resolve("posixpath").map(|_| Found::Native);
            self.resolved.insert(name.to_string(), r.clone());
            return r;
        }
        let r = match name.rsplit_once('.') {
            None => {
                if NATIVE_MODULES.contains(&name) {
                    Ok(Found::Native)
                } else if let Some((file, is_package)) = crate::pylib::lookup(name) {
                    Ok(Found::Source { file: PathBuf::from(file), is_package })
                } else {
                    match self.find_top(name) {
                        Some(f) => Ok(f),
                        None if self.is_c_module(name) => Err(Missing::Unsupported),
                        None => Err(Missing::NotFound),
                    }
                }
            }
            Some((parent, last)) => match self.resolve(parent) {
                Err(e) => Err(e),
                Ok(Found::Native) => Ok(Found::Native),
                Ok(Found::Source { file, .. }) if file.starts_with(crate::pylib::PREFIX) => crate::pylib::lookup(name)
                    .map(|(file, is_package)| Found::Source { file: PathBuf::from(file), is_package })
                    .ok_or(Missing::NotFound),
                Ok(Found::Source { is_package: false, .. }) => Err(Missing::NotAPackage(parent.to_string())),
                Ok(Found::Source { file, is_package: true }) => {
                    let dir = file.parent().map(|p| p.to_path_buf()).unwrap_or_default();
                    Self::find_in(&[dir], last).ok_or(Missing::NotFound)
                }
                Ok(Found::Namespace { dirs }) => Self::find_in(&dirs, last).ok_or(Missing::NotFound),
            },
        };
        if let Ok(f) = &r {
            if !matches!(f, Found::Native) && self.seen.insert(name.to_string()) {
                self.queue.push_back((name.to_string(), f.clone()));
            }
        }
        self.resolved.insert(name.to_string(), r.clone());
        r
    }

    fn compile_file(&mut self, name: &str, file: &Path, is_package: bool) -> Option<(ModuleCode, Vec<ImportRef>)> {
        let embedded = file.to_str().and_then(crate::pylib::source_of).map(|s| Ok(s.as_bytes().to_vec()));
        let source = match embedded.unwrap_or_else(|| std::fs::read(file)) {
            Ok(b) => match String::from_utf8(b) {
                Ok(s) => s,
                Err(_) => {
                    crate::diagnostics::report_error(&format!("cannot read '{}': the file is not valid UTF-8", file.display()));
                    self.io_failed = true;
                    return None;
                }
            },
            Err(e) => {
                crate::diagnostics::report_io_error("read", file, &e);
                self.io_failed = true;
                return None;
            }
        };
        let filename = file.to_string_lossy().into_owned();
        let user = !self.is_stdlib_file(file);
        let key = self.cache.as_ref().map(|_| {
            let kind = if is_package { "pkg" } else { "mod" };
            content_key(&[&compiler_identity(), name, &filename, kind, if user { "user" } else { "stdlib" }, &source])
        });
        if let (Some(dir), Some(k)) = (&self.cache, &key) {
            let path = dir.join(&k[..2]).join(k);
            if let Ok(bytes) = std::fs::read(&path) {
                if let Some((mut m, imports)) = decode_entry(&bytes) {
                    crate::objcache::touch(&path);
                    m.source = source;
                    return Some((m, imports));
                }
            }
        }
        match fe::compile_module(&source, &filename, name) {
            Ok(mut m) => {
                m.is_package = is_package;
                let imports = collect_imports(&source, user);
                if let (Some(dir), Some(k)) = (&self.cache, &key) {
                    let mut stored = m.clone();
                    stored.source = String::new();
                    let sub = dir.join(&k[..2]);
                    if std::fs::create_dir_all(&sub).is_ok() {
                        let tmp = sub.join(format!("{k}.tmp{}", std::process::id()));
                        if std::fs::write(&tmp, encode_entry(&stored, &imports)).is_ok() {
                            crate::objcache::note_write();
                            let _ = std::fs::rename(&tmp, sub.join(k));
                        }
                    }
                }
                Some((m, imports))
            }
            Err(d) => {
                self.compile_errors.push((filename, source, d));
                None
            }
        }
    }

    fn package_of(name: &str, is_package: bool) -> Option<String> {
        if is_package {
            Some(name.to_string())
        } else {
            name.rsplit_once('.').map(|(a, _)| a.to_string())
        }
    }

    fn problem(&mut self, m: &ModuleCode, imp: &ImportRef, message: String, error: bool, suggestion: Option<String>) {
        self.problems.push(Problem {
            owner: m.name.clone(),
            file: PathBuf::from(&m.code.filename),
            source: m.source.clone(),
            range: imp.range.clone(),
            message,
            error,
            suggestion,
        });
    }

    /// Names of the modules importable as `parent.<name>` (`parent` empty: top-level
    /// modules: native, embedded, and those on the search path).
    fn importable_names(&mut self, parent: &str) -> Vec<String> {
        let mut dirs: Vec<PathBuf> = Vec::new();
        let mut out: Vec<String> = Vec::new();
        if parent.is_empty() {
            out.extend(NATIVE_MODULES.iter().filter(|n| !n.contains('.')).map(|n| n.to_string()));
            out.extend(crate::pylib::PYLIB.iter().filter(|(n, _, _)| !n.contains('.')).map(|(n, _, _)| n.to_string()));
            dirs.extend(self.user_paths.iter().cloned());
            dirs.extend(self.stdlib().cloned());
        } else {
            match self.resolve(parent) {
                Ok(Found::Source { file, is_package: true }) => dirs.extend(file.parent().map(Path::to_path_buf)),
                Ok(Found::Namespace { dirs: d }) => dirs.extend(d),
                _ => {}
            }
        }
        for dir in dirs {
            let Ok(rd) = std::fs::read_dir(&dir) else { continue };
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if let Some(stem) = name.strip_suffix(".py") {
                    out.push(stem.to_string());
                } else if e.path().join("__init__.py").is_file() {
                    out.push(name);
                }
            }
        }
        out
    }

    /// A module name close to the unresolvable `name` (did you mean ...?).
    fn suggest_module(&mut self, name: &str) -> Option<String> {
        let (parent, last) = name.rsplit_once('.').unwrap_or(("", name));
        let cands = self.importable_names(parent);
        let best = crate::suggest::closest(last, cands.iter().map(String::as_str))?;
        Some(if parent.is_empty() { best } else { format!("{parent}.{best}") })
    }

    fn missing_message(name: &str, why: &Missing) -> String {
        match why {
            Missing::NotFound => format!("No module named '{name}'"),
            Missing::NotAPackage(p) => format!("No module named '{name}'; '{p}' is not a package"),
            Missing::Unsupported => format!("pyc: module '{}' is not supported yet", name.split('.').next().unwrap_or(name)),
        }
    }

    /// Resolves the imports of one compiled module, queueing the modules they reach.
    fn process_imports(&mut self, m: &ModuleCode, imports: &[ImportRef], from_stdlib: bool) {
        let package = if m.name == "__main__" { None } else { Self::package_of(&m.name, m.is_package) };
        for imp in imports {
            if imp.main_only && m.name != "__main__" {
                continue;
            }
            let base = if imp.level == 0 {
                match &imp.module {
                    Some(n) => n.clone(),
                    None => continue,
                }
            } else {
                // Relative: resolved against the importing module's package; from
                // `__main__` or beyond the top level it fails at run time as in CPython.
                let Some(pkg) = &package else { continue };
                let parts: Vec<&str> = pkg.split('.').collect();
                if imp.level as usize > parts.len() {
                    continue;
                }
                let b = parts[..parts.len() - (imp.level as usize - 1)].join(".");
                match &imp.module {
                    Some(n) => format!("{b}.{n}"),
                    None => b,
                }
            };
            if from_stdlib && imp.in_def && !imp.module.as_deref().map_or(false, lazy_import_followed) && !lazy_import_followed_in(&m.name, &base) {
                // Lazy imports of the standard library are not followed (they would pull
                // in most of it); they work at run time when compiled in for another reason.
                continue;
            }
            // Required: the module and all its parents.
            let r = self.resolve(&base);
            let hard = !(imp.guarded || (from_stdlib && imp.conditional));
            self.edges.entry(m.name.clone()).or_default().push((base.clone(), hard));
            match r {
                Err(why) => {
                    let soft = imp.guarded || (from_stdlib && imp.conditional);
                    // The name CPython reports: the first missing prefix.
                    let mut shown = base.clone();
                    let mut prefix = String::new();
                    for part in base.split('.') {
                        if !prefix.is_empty() {
                            prefix.push('.');
                        }
                        prefix.push_str(part);
                        if self.resolved.get(&prefix).map_or(false, |x| x.is_err()) {
                            shown = prefix.clone();
                            break;
                        }
                    }
                    let why = self.resolved.get(&shown).cloned().and_then(|x| x.err()).unwrap_or(why);
                    let msg = Self::missing_message(&shown, &why);
                    let suggestion = if from_stdlib || !matches!(why, Missing::NotFound) { None } else { self.suggest_module(&shown) };
                    if soft {
                        if !from_stdlib {
                            self.problem(m, imp, format!("{msg} (guarded: ModuleNotFoundError at run time)"), false, suggestion);
                        }
                    } else {
                        self.problem(m, imp, msg, true, suggestion);
                    }
                }
                Ok(found) => {
                    if imp.is_from {
                        // `from pkg import name`: name may be a submodule.
                        let is_pkg = matches!(found, Found::Source { is_package: true, .. } | Found::Namespace { .. });
                        if is_pkg {
                            for n in &imp.from_names {
                                if n != "*" {
                                    let _ = self.resolve(&format!("{base}.{n}"));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    fn run(&mut self, input: &Path) -> bool {
        let main_file = absolute(input);
        let Some((main, imports)) = self.compile_file("__main__", &main_file, false) else { return false };
        let mut main = main;
        // Keep the script's path as given on the command line for `__main__`'s code is not
        // needed: CPython shows the absolute path in tracebacks.
        main.is_package = false;
        self.modules.push(main.clone());
        self.process_imports(&main, &imports, false);
        while let Some((name, found)) = self.queue.pop_front() {
            match found {
                Found::Native => {}
                Found::Source { file, is_package } => {
                    let from_stdlib = self.is_stdlib_file(&file);
                    if from_stdlib {
                        self.stdlib_modules.insert(name.clone());
                    }
                    if self.opts.verbose {
                        eprintln!("pyc: module {name}: {}", file.display());
                    }
                    if let Some((mut m, imports)) = self.compile_file(&name, &file, is_package) {
                        m.from_stdlib = from_stdlib;
                        self.process_imports(&m, &imports, from_stdlib);
                        self.modules.push(m);
                    }
                }
                Found::Namespace { dirs } => {
                    if self.opts.verbose {
                        eprintln!("pyc: namespace package {name}: {}", dirs[0].display());
                    }
                    // A namespace package: no code; its filename is the (first) folder,
                    // which tells the runtime to give it `__file__ = None` and that `__path__`.
                    let dir = dirs[0].to_string_lossy().into_owned();
                    if let Ok(mut m) = fe::compile_module("", &dir, &name) {
                        m.is_package = true;
                        self.modules.push(m);
                    }
                }
            }
        }
        true
    }
}

/// Builds the program: `__main__` from `input` plus every module reachable from it.
/// Diagnostics are reported on stderr; `Err(true)` = compile error, `Err(false)` = other.
pub fn build_program(input: &Path, opts: &GraphOptions) -> Result<Program, bool> {
    let script_dir = absolute(input).parent().map(|p| p.to_path_buf()).unwrap_or_else(|| PathBuf::from("."));
    let mut user_paths = vec![script_dir];
    for p in &opts.paths {
        user_paths.push(absolute(p));
    }
    if let Some(pp) = std::env::var_os("PYTHONPATH") {
        for p in std::env::split_paths(&pp) {
            if !p.as_os_str().is_empty() {
                user_paths.push(absolute(&p));
            }
        }
    }
    let mut g = Graph {
        opts,
        user_paths,
        stdlib_cell: std::cell::OnceCell::new(),
        cache: cache_dir(),
        resolved: HashMap::new(),
        modules: Vec::new(),
        seen: HashSet::new(),
        queue: VecDeque::new(),
        problems: Vec::new(),
        compile_errors: Vec::new(),
        io_failed: false,
        reported: HashSet::new(),
        edges: HashMap::new(),
        stdlib_modules: HashSet::new(),
    };
    let ok = g.run(input);
    let mut failed = !ok || g.io_failed;
    for (filename, source, d) in &g.compile_errors {
        crate::diagnostics::report_compile_error(filename, source, d);
        failed = true;
    }
    // A module with an unresolvable hard import (directly or through a hard edge) is
    // broken; broken stdlib modules that the user's code does not need unconditionally
    // are left out (importing them fails at run time, as a lazy import would).
    let mut broken: HashSet<String> = g.problems.iter().filter(|p| p.error).map(|p| p.owner.clone()).collect();
    loop {
        let mut changed = false;
        for (m, es) in &g.edges {
            if !broken.contains(m) && es.iter().any(|(t, hard)| *hard && parents_and_self(t).any(|x| broken.contains(x))) {
                broken.insert(m.clone());
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // Modules the user's code needs unconditionally (through hard edges).
    let mut required: HashSet<String> = HashSet::new();
    let mut stack: Vec<String> = g.modules.iter().filter(|m| !g.stdlib_modules.contains(&m.name)).map(|m| m.name.clone()).collect();
    while let Some(m) = stack.pop() {
        if !required.insert(m.clone()) {
            continue;
        }
        if let Some(es) = g.edges.get(&m) {
            for (t, hard) in es {
                if *hard {
                    for x in parents_and_self(t) {
                        stack.push(x.to_string());
                    }
                }
            }
        }
    }
    let mut any_error = false;
    for p in &g.problems {
        if p.error && !required.contains(&p.owner) {
            continue;
        }
        if p.error && g.stdlib_modules.contains(&p.owner) && !g.reported.insert(p.message.clone()) {
            continue;
        }
        if p.error {
            any_error = true;
        }
        if p.error || !opts.quiet {
            report_problem(p);
        }
    }
    if failed || any_error {
        return Err(true);
    }
    let stdlib_modules = std::mem::take(&mut g.stdlib_modules);
    let modules = std::mem::take(&mut g.modules)
        .into_iter()
        .filter(|m| !(stdlib_modules.contains(&m.name) && broken.contains(&m.name)))
        .collect();
    Ok(Program { modules })
}

/// `a.b.c` → `a`, `a.b`, `a.b.c`.
fn parents_and_self(name: &str) -> impl Iterator<Item = &str> {
    name.match_indices('.').map(move |(i, _)| &name[..i]).chain(std::iter::once(name))
}

/// Reports an import problem (file, line, the import's span, a did-you-mean note).
fn report_problem(p: &Problem) {
    use crate::diagnostics::{emit, Diag, Severity};
    let (code, message) = match p.message.strip_prefix("pyc: ") {
        Some(short) => ("unsupported-module", short.to_string()),
        None => ("unresolved-import", format!("ModuleNotFoundError: {}", p.message)),
    };
    let severity = if p.error { Severity::Error } else { Severity::Warning };
    let file = p.file.display().to_string();
    let mut d = Diag::new(severity, code, message);
    d.at = Some((&file, &p.source, p.range.clone()));
    d.label = Some("imported here".into());
    if let Some(s) = &p.suggestion {
        d.notes.push(format!("help: did you mean '{s}'?"));
    }
    emit(&d);
}
