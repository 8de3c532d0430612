//! The content-addressed cache of object files: `<cache>/obj/<k[..2]>/<k>.o` plus
//! `<k>.meta` (the module's lowering statistics, so `--stats` and the native table need no
//! recompilation). `k` is a SHA-256 over everything that changes the object (see
//! `objects::module_key`). An entry is complete once its `.meta` exists: the object is
//! renamed into place first, the meta second, both from files private to this process,
//! so concurrent builds sharing a cache never see half-written entries.
//!
//! The cache is capped (`PYC_CACHE_MAX_MB`, default 2 GiB) with least-recently-used
//! eviction: every hit refreshes its entry's mtime (`touch`), and a build that added entries
//! then prunes the oldest ones (`prune_if_grown`). Entries used within the last hour are
//! never evicted, so a concurrent build never loses a file it has looked up or just written.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

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
        note_write();
        std::fs::rename(&tmp, self.exe_path(k))
    }

    fn meta_path(&self, k: &str) -> PathBuf {
        self.dir.join(&k[..2]).join(format!("{k}.meta"))
    }

    /// The statistics of a complete entry, if there is one.
    pub fn lookup(&self, k: &str) -> Option<ModuleStats> {
        let obj = self.object_path(k);
        if !obj.is_file() {
            return None;
        }
        let stats = decode_meta(&std::fs::read_to_string(self.meta_path(k)).ok()?)?;
        touch(&obj);
        Some(stats)
    }

    /// A private path to write entry `k`'s object to before `commit`.
    pub fn scratch_path(&self, k: &str) -> std::io::Result<PathBuf> {
        let sub = self.dir.join(&k[..2]);
        std::fs::create_dir_all(&sub)?;
        Ok(sub.join(format!("{k}.o.tmp{}.{:?}", std::process::id(), std::thread::current().id()).replace(['(', ')'], "")))
    }

    /// Publishes the object written at `scratch` with its statistics.
    pub fn commit(&self, k: &str, scratch: &Path, stats: &ModuleStats) -> std::io::Result<()> {
        note_write();
        std::fs::rename(scratch, self.object_path(k))?;
        let tmp = scratch.with_extension("meta.tmp");
        std::fs::write(&tmp, encode_meta(stats))?;
        std::fs::rename(&tmp, self.meta_path(k))
    }
}

// ----- size cap and least-recently-used eviction -----

/// Set once this process adds anything to the cache: only then can it have outgrown its cap,
/// so a fully cached rebuild never walks the cache folder.
static WROTE: AtomicBool = AtomicBool::new(false);

/// Entries used (or written) more recently than this are never evicted: a concurrent build
/// may be about to link them.
const GRACE: Duration = Duration::from_secs(3600);

/// A hit refreshes its entry's mtime only when older than this (fewer metadata writes).
const TOUCH_AFTER: Duration = Duration::from_secs(60);

const DEFAULT_MAX_MB: u64 = 2048;

/// Records that this process wrote a cache entry.
pub fn note_write() {
    WROTE.store(true, Ordering::Relaxed);
}

/// Marks the cache file `path` as just used (its entry's age for eviction is its newest
/// file's mtime). Failures only make the entry look older.
pub fn touch(path: &Path) {
    let stale = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map_or(true, |t| t.elapsed().map_or(false, |age| age > TOUCH_AFTER));
    if stale {
        if let Ok(f) = std::fs::File::open(path) {
            let _ = f.set_modified(SystemTime::now());
        }
    }
}

/// The cap in bytes: `PYC_CACHE_MAX_MB` (0 = unlimited), else 2 GiB.
fn cap_bytes() -> Option<u64> {
    let mb = std::env::var("PYC_CACHE_MAX_MB").ok().and_then(|v| v.trim().parse::<u64>().ok()).unwrap_or(DEFAULT_MAX_MB);
    (mb > 0).then(|| mb.saturating_mul(1 << 20))
}

/// After a build: if this process added entries and the shared cache now exceeds its cap,
/// evicts the least recently used entries (best effort: errors are ignored; `-v` reports).
pub fn prune_if_grown(verbose: bool) {
    if !WROTE.swap(false, Ordering::Relaxed) {
        return;
    }
    let (Some(root), Some(cap)) = (crate::modgraph::cache_dir(), cap_bytes()) else { return };
    let r = prune(&root, cap, SystemTime::now(), GRACE);
    if verbose && r.removed_entries > 0 {
        eprintln!("pyc: cache: evicted {} least recently used entries ({} KiB)", r.removed_entries, r.removed_bytes.div_ceil(1024));
    }
}

/// One cache entry: the files sharing a key (`<k>.o` + `<k>.meta`, `<k>.exe`, or the
/// bytecode entry `<k>`), aged by the newest of them.
struct Entry {
    files: Vec<PathBuf>,
    bytes: u64,
    used: SystemTime,
}

impl Entry {
    fn is_executable(&self) -> bool {
        self.files.iter().any(|f| f.extension().is_some_and(|x| x == "exe"))
    }
}

/// What `prune` found and removed (for tests and `-v`).
#[derive(Debug, Default, PartialEq)]
pub struct PruneReport {
    pub total_before: u64,
    pub removed_entries: usize,
    pub removed_bytes: u64,
}

/// Evicts the oldest entries of the cache at `root` until it holds at most 80% of `cap`
/// bytes, if it holds more than `cap`. Linked executables go first, whatever their age:
/// one costs only a link to remake, and a build that finds it gone (even mid-copy) links
/// instead; so they need no grace period. Other entries used within `grace` of `now` stay,
/// and abandoned temporary files (a killed build's) older than `grace` are removed. Only
/// the two-hex-digit key folders (`root/xx/`, `root/obj/xx/`) are looked at.
pub fn prune(root: &Path, cap: u64, now: SystemTime, grace: Duration) -> PruneReport {
    let mut entries = Vec::new();
    let mut report = PruneReport::default();
    for dir in key_folders(root) {
        report.total_before += scan_folder(&dir, now, grace, &mut entries);
    }
    if report.total_before <= cap {
        return report;
    }
    let target = cap / 10 * 8;
    let mut total = report.total_before;
    entries.sort_by_key(|e| (!e.is_executable(), e.used));
    for e in entries {
        if total <= target {
            break;
        }
        let grace = if e.is_executable() { Duration::ZERO } else { grace };
        // a concurrent build may have used it since the scan
        if e.files.iter().any(|f| newest_use(f).is_some_and(|t| !older_than(t, now, grace))) {
            continue;
        }
        // `<k>.meta` sorts before `<k>.o`: removing it first makes a racing lookup miss
        for f in &e.files {
            let _ = std::fs::remove_file(f);
        }
        total = total.saturating_sub(e.bytes);
        report.removed_entries += 1;
        report.removed_bytes += e.bytes;
    }
    report
}

fn older_than(t: SystemTime, now: SystemTime, age: Duration) -> bool {
    now.duration_since(t).is_ok_and(|a| a >= age)
}

fn newest_use(f: &Path) -> Option<SystemTime> {
    std::fs::metadata(f).and_then(|m| m.modified()).ok()
}

fn is_key_folder(name: &std::ffi::OsStr) -> bool {
    name.len() == 2 && name.to_str().is_some_and(|s| s.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn key_folders(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for base in [root.to_path_buf(), root.join("obj")] {
        let Ok(rd) = std::fs::read_dir(&base) else { continue };
        out.extend(rd.flatten().filter(|d| is_key_folder(&d.file_name())).map(|d| d.path()));
    }
    out
}

/// Adds the entries of one key folder to `out` (removing stale temporaries); returns the
/// bytes it holds. Files that vanish meanwhile (another build's eviction) are skipped.
fn scan_folder(dir: &Path, now: SystemTime, grace: Duration, out: &mut Vec<Entry>) -> u64 {
    let Ok(rd) = std::fs::read_dir(dir) else { return 0 };
    let mut by_key: std::collections::BTreeMap<String, Entry> = Default::default();
    let mut bytes = 0;
    for d in rd.flatten() {
        let Ok(md) = d.metadata() else { continue };
        if !md.is_file() {
            continue;
        }
        let used = md.modified().unwrap_or(SystemTime::UNIX_EPOCH);
        let name = d.file_name().to_string_lossy().into_owned();
        if name.contains(".tmp") {
            if older_than(used, now, grace) {
                let _ = std::fs::remove_file(d.path());
            } else {
                bytes += md.len();
            }
            continue;
        }
        bytes += md.len();
        let key = name.split('.').next().unwrap_or_default().to_string();
        let e = by_key.entry(key).or_insert(Entry { files: Vec::new(), bytes: 0, used: SystemTime::UNIX_EPOCH });
        e.files.push(d.path());
        e.bytes += md.len();
        e.used = e.used.max(used);
    }
    for e in by_key.values_mut() {
        e.files.sort();
    }
    out.extend(by_key.into_values());
    bytes
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

    /// Writes `bytes` bytes at `root/rel` with an mtime `age_s` seconds before `now`.
    fn put(root: &Path, rel: &str, bytes: usize, now: SystemTime, age_s: u64) -> PathBuf {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, vec![0u8; bytes]).unwrap();
        std::fs::File::open(&p).unwrap().set_modified(now - Duration::from_secs(age_s)).unwrap();
        p
    }

    #[test]
    fn prune_evicts_least_recently_used_entries() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let now = SystemTime::now();
        let grace = Duration::from_secs(100);
        // an object entry whose .o was touched recently keeps its older .meta
        let kept_o = put(root, "obj/aa/aa1.o", 400, now, 500);
        let kept_meta = put(root, "obj/aa/aa1.meta", 100, now, 9000);
        let old_o = put(root, "obj/bb/bb2.o", 400, now, 5000);
        let old_meta = put(root, "obj/bb/bb2.meta", 100, now, 5000);
        let old_bc = put(root, "cc/cc3", 300, now, 4000);
        let fresh_exe = put(root, "obj/dd/dd4.exe", 500, now, 10);
        let stale_tmp = put(root, "obj/aa/aa5.o.tmp77.ThreadId1", 50, now, 7000);
        let live_tmp = put(root, "obj/aa/aa6.o.tmp78.ThreadId1", 50, now, 5);
        let foreign = put(root, "notes/old.txt", 999, now, 99999);
        let r = prune(root, 1500, now, grace);
        assert_eq!(r.total_before, 1850, "only key folders count; the stale temp is removed");
        // 1800 > 1500: evict the executable (however fresh), then the oldest (bb2) until
        // <= 1200; cc3 and aa1 (used 500 s ago) stay
        assert_eq!((r.removed_entries, r.removed_bytes), (2, 1000));
        for gone in [&fresh_exe, &old_o, &old_meta, &stale_tmp] {
            assert!(!gone.exists(), "{} should be evicted", gone.display());
        }
        for kept in [&kept_o, &kept_meta, &old_bc, &live_tmp, &foreign] {
            assert!(kept.exists(), "{} should stay", kept.display());
        }
        // under the cap: nothing happens
        assert_eq!(prune(root, 1500, now, grace).removed_entries, 0);
        // entries inside the grace period are never evicted, whatever the cap
        let r = prune(root, 1, now, Duration::from_secs(5000));
        assert_eq!(r.removed_entries, 0);
        assert!(kept_o.exists() && old_bc.exists());
        let r = prune(root, 1, now, grace);
        assert_eq!(r.removed_entries, 2, "cc3 and aa1 are past the grace period");
        assert!(!kept_o.exists() && !kept_meta.exists() && !old_bc.exists());
    }

    #[test]
    fn touch_refreshes_old_entries() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        let p = put(dir.path(), "x", 1, now, 3600);
        touch(&p);
        assert!(newest_use(&p).unwrap().elapsed().unwrap() < Duration::from_secs(60));
        touch(&dir.path().join("missing")); // no error, no file
        assert!(!dir.path().join("missing").exists());
    }

    #[test]
    fn keys_respect_part_boundaries() {
        assert_ne!(key(&[b"ab", b"c"]), key(&[b"a", b"bc"]));
        assert_eq!(key(&[b"x"]).len(), 64);
    }
}
