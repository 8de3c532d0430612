//! Embeds the Python-implemented modules of `runtime/pylib/` into pyc (see
//! runtime/pylib/README.md): generates `$OUT_DIR/pylib.rs`, a table of
//! (dotted module name, is package, source).
use std::io::Write;
use std::path::{Path, PathBuf};

fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, bool, PathBuf)>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        if p.is_dir() {
            walk(&p, &format!("{prefix}{stem}."), out);
        } else if p.extension().and_then(|x| x.to_str()) == Some("py") {
            println!("cargo:rerun-if-changed={}", p.display());
            let path = p.canonicalize().unwrap();
            if stem == "__init__" {
                out.push((prefix.trim_end_matches('.').to_string(), true, path));
            } else {
                out.push((format!("{prefix}{stem}"), false, path));
            }
        }
    }
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/pylib");
    let mut entries = Vec::new();
    walk(&dir, "", &mut entries);
    entries.sort();
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("pylib.rs");
    let mut f = std::fs::File::create(out).unwrap();
    writeln!(f, "pub static PYLIB: &[(&str, bool, &str)] = &[").unwrap();
    for (name, is_pkg, path) in entries {
        writeln!(f, "    ({name:?}, {is_pkg}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    writeln!(f, "];").unwrap();
}
