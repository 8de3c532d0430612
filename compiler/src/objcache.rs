//! The content-addressed cache of object files: `<cache>/obj/<k[..2]>/<k>.o` plus
//! `<k>.meta` (the module's lowering statistics, so `--stats` and the native table need no
//! recompilation). `k` is a SHA-256 over everything that changes the object (see
//! `objects::module_key`). An entry is complete once its `.meta` exists: the object is
//! renamed into place first, the meta second, both from files private to this process,
//! so concurrent builds sharing a cache never see half-written entries.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::codegen::ModuleStats;

const META_MAGIC: &str = "PYCOBJ1";

/// SHA-256 (hex) of `parts`, each length-prefixed so that part boundaries count.
pub fn key(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A folder of cached objects (the shared cache, or a build's private temp folder when
/// caching is off).
pub struct ObjCache {
    dir: PathBuf,
}

impl ObjCache {
    pub fn new(dir: PathBuf) -> Self {
        ObjCache { dir }
    }

    /// The object file of entry `k` (it may not exist yet).
    pub fn object_path(&self, k: &str) -> PathBuf {
        self.dir.join(&k[..2]).join(format!("{k}.o"))
    }

    /// The cached executable of link key `k` (it may not exist yet).
    pub fn exe_path(&self, k: &str) -> PathBuf {
        self.dir.join(&k[..2]).join(format!("{k}.exe"))
    }

    /// Stores a copy of the executable `exe` under link key `k`.
    pub fn store_exe(&self, k: &str, exe: &Path) -> std::io::Result<()> {
        let tmp = self.scratch_path(k)?.with_extension("exe.tmp");
        std::fs::copy(exe, &tmp)?;
        std::fs::rename(&tmp, self.exe_path(k))
    }

    fn meta_path(&self, k: &str) -> PathBuf {
        self.dir.join(&k[..2]).join(format!("{k}.meta"))
    }

    /// The statistics of a complete entry, if there is one.
    pub fn lookup(&self, k: &str) -> Option<ModuleStats> {
        if !self.object_path(k).is_file() {
            return None;
        }
        decode_meta(&std::fs::read_to_string(self.meta_path(k)).ok()?)
    }

    /// A private path to write entry `k`'s object to before `commit`.
    pub fn scratch_path(&self, k: &str) -> std::io::Result<PathBuf> {
        let sub = self.dir.join(&k[..2]);
        std::fs::create_dir_all(&sub)?;
        Ok(sub.join(format!("{k}.o.tmp{}.{:?}", std::process::id(), std::thread::current().id()).replace(['(', ')'], "")))
    }

    /// Publishes the object written at `scratch` with its statistics.
    pub fn commit(&self, k: &str, scratch: &Path, stats: &ModuleStats) -> std::io::Result<()> {
        std::fs::rename(scratch, self.object_path(k))?;
        let tmp = scratch.with_extension("meta.tmp");
        std::fs::write(&tmp, encode_meta(stats))?;
        std::fs::rename(&tmp, self.meta_path(k))
    }
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn encode_meta(s: &ModuleStats) -> String {
    let mut out = format!("{META_MAGIC}\n{}\n{}\n", clean(&s.module), s.lowered.len());
    let mut reasons = s.reasons.iter();
    for &l in &s.lowered {
        if l {
            out.push_str("1\n");
        } else {
            let (q, why) = reasons.next().map_or(("?", "?"), |(q, w)| (q.as_str(), w.as_str()));
            out.push_str(&format!("0\t{}\t{}\n", clean(q), clean(why)));
        }
    }
    out
}

fn decode_meta(text: &str) -> Option<ModuleStats> {
    let mut lines = text.lines();
    if lines.next()? != META_MAGIC {
        return None;
    }
    let mut s = ModuleStats { module: lines.next()?.to_string(), ..Default::default() };
    let n: usize = lines.next()?.parse().ok()?;
    for _ in 0..n {
        let line = lines.next()?;
        if line == "1" {
            s.native += 1;
            s.lowered.push(true);
            continue;
        }
        let mut f = line.splitn(3, '\t');
        (f.next()? == "0").then_some(())?;
        s.reasons.push((f.next()?.to_string(), f.next()?.to_string()));
        s.fallback += 1;
        s.lowered.push(false);
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_round_trip() {
        let s = ModuleStats {
            module: "pkg.mod".into(),
            native: 2,
            fallback: 1,
            reasons: vec![("f.<locals>.g".into(), "stack\ttoo deep".into())],
            lowered: vec![true, false, true],
        };
        let mut back = decode_meta(&encode_meta(&s)).unwrap();
        assert_eq!(back.reasons[0].1, "stack too deep");
        back.reasons[0].1 = "stack\ttoo deep".into();
        assert_eq!(back, s);
        assert!(decode_meta("PYCOBJ1\nm\n2\n1\n").is_none(), "truncated entries are misses");
    }

    #[test]
    fn keys_respect_part_boundaries() {
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_eq!(key(&[b"x"]).len(), 64);
    }
}
