//! Embeds the Python-implemented modules of `runtime/pylib/` into pyc (see
//! runtime/pylib/README.md): generates `$OUT_DIR/pylib.rs`, a table of
//! (dotted module name, is package, source). Also sets `PYC_SOURCE_HASH`: a hash of
//! every source file that can change what pyc writes into an object file (the compiler
//! and frontend sources, the embedded pylib, Cargo.lock), which keys the object cache so
//! that rebuilding pyc after a change elsewhere (the CLI, the runtime) keeps it warm.
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

/// Adds every file under `dir` (sorted, by relative path and contents) to `h`.
fn hash_tree(dir: &Path, h: &mut impl std::hash::Hasher) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            hash_tree(&p, h);
        } else if let Ok(bytes) = std::fs::read(&p) {
            h.write(p.file_name().unwrap().to_string_lossy().as_bytes());
            h.write(&bytes);
        }
    }
}

fn source_hash(root: &Path) -> String {
    #[allow(deprecated)] // SipHasher with fixed keys: stable for a given toolchain, which is all a cache key needs
    let mut h = std::hash::SipHasher::new();
    for dir in ["compiler/src", "compiler/frontend/src", "runtime/pylib"] {
        hash_tree(&root.join(dir), &mut h);
    }
    for file in ["Cargo.lock", "compiler/build.rs"] {
        println!("cargo:rerun-if-changed={}", root.join(file).display());
        std::hash::Hasher::write(&mut h, &std::fs::read(root.join(file)).unwrap_or_default());
    }
    format!("{:016x}", std::hash::Hasher::finish(&h))
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    println!("cargo:rustc-env=PYC_SOURCE_HASH={}", source_hash(&root));
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
