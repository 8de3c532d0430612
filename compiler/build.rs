//! Embeds the Python-implemented modules of `runtime/pylib/*.py` into pyc (see
//! runtime/pylib/README.md): generates `$OUT_DIR/pylib.rs`, a table of (name, source).
use std::io::Write;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/pylib");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries: Vec<(String, std::path::PathBuf)> = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().and_then(|x| x.to_str()) == Some("py") {
                let name = p.file_stem().unwrap().to_string_lossy().into_owned();
                println!("cargo:rerun-if-changed={}", p.display());
                entries.push((name, p.canonicalize().unwrap()));
            }
        }
    }
    entries.sort();
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("pylib.rs");
    let mut f = std::fs::File::create(out).unwrap();
    writeln!(f, "pub static PYLIB: &[(&str, &str)] = &[").unwrap();
    for (name, path) in entries {
        writeln!(f, "    ({name:?}, include_str!({:?})),", path.display().to_string()).unwrap();
    }
    writeln!(f, "];").unwrap();
}
