//! pyc-fuzz: a stable-Rust fuzzer for pyc (no nightly, no libFuzzer).
//!
//! `pyc-fuzz [--seconds N] [--seed S] [--target all|frontend|runtime] [--out DIR]`
//! runs a supervisor that starts a worker process. The worker generates inputs from a
//! deterministic seed and feeds them to the frontend (parse + compile in every mode must
//! return Ok or a CompileError, and the bytecode must pass the stack verifier) and to
//! the runtime's parsers/formatters (checked against references, see runtime.rs). Before
//! each execution the worker writes the input to a state file, so when it dies — a
//! panic, an abort, a stack overflow, an allocation failure under its memory limit, a
//! hang — the supervisor saves the input to DIR/crash-N.txt and starts a new worker
//! with the next seed. `pyc-fuzz --replay FILE` compiles one saved frontend input.
//! Exit status: 0 when nothing failed, 1 when a crash or mismatch was found, 2 on usage.
mod gen;
mod rng;
mod runtime;

use rng::Rng;
use std::io::Read;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The frontend runs on a thread with pyc's main-thread stack (8 MB), the size the
/// compiler has when it builds a program.
const WORKER_STACK: usize = 8 << 20;
/// A worker whose execution counter stops moving this long is hung.
const HANG: Duration = Duration::from_secs(20);
/// Address-space cap of a worker: an allocation beyond it is a crash (it would abort
/// pyc or a compiled program), not a slow success.
const MEMORY_LIMIT: u64 = 6 << 30;
/// State file layout: frontend execs, runtime execs, input length, then the input.
const HEADER: usize = 24;

#[derive(Clone)]
struct Options {
    seconds: u64,
    seed: u64,
    target: String,
    out: PathBuf,
    corpus: PathBuf,
}

fn usage() -> ! {
    eprintln!("usage: pyc-fuzz [--seconds N] [--seed S] [--target all|frontend|runtime] [--out DIR] [--corpus DIR]\n       pyc-fuzz --replay FILE");
    std::process::exit(2)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut o = Options { seconds: 60, seed: 1, target: "all".into(), out: root.join("target/fuzz-crashes"), corpus: root.join("tests") };
    let mut worker: Option<PathBuf> = None;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--seconds" => o.seconds = val().parse().unwrap_or_else(|_| usage()),
            "--seed" => o.seed = val().parse().unwrap_or_else(|_| usage()),
            "--target" => o.target = val(),
            "--out" => o.out = PathBuf::from(val()),
            "--corpus" => o.corpus = PathBuf::from(val()),
            "--worker" => worker = Some(PathBuf::from(val())),
            "--replay" => std::process::exit(replay(Path::new(&val()))),
            _ => usage(),
        }
    }
    if !["all", "frontend", "runtime"].contains(&o.target.as_str()) {
        usage();
    }
    match worker {
        Some(state) => run_on_big_stack(move || worker_main(&o, &state)),
        None => std::process::exit(supervise(&o)),
    }
}

fn run_on_big_stack(f: impl FnOnce() + Send + 'static) {
    let h = std::thread::Builder::new().name("fuzz-worker".into()).stack_size(WORKER_STACK).spawn(f);
    match h.map(|h| h.join()) {
        Ok(Ok(())) => {}
        _ => std::process::exit(101),
    }
}

fn replay(path: &Path) -> i32 {
    let src = match std::fs::read(path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("pyc-fuzz: {}: {}", path.display(), e);
            return 2;
        }
    };
    run_on_big_stack(move || match frontend_check(&src) {
        Ok(()) => println!("ok: no failure"),
        Err(e) => {
            println!("failure: {}", e);
            std::process::exit(1);
        }
    });
    0
}

// ----- supervisor -----

struct Totals {
    frontend: u64,
    runtime: u64,
    crashes: Vec<PathBuf>,
}

fn supervise(o: &Options) -> i32 {
    let deadline = Instant::now() + Duration::from_secs(o.seconds);
    let _ = std::fs::create_dir_all(&o.out);
    let state = o.out.join(format!("state-{}", std::process::id()));
    let mut t = Totals { frontend: 0, runtime: 0, crashes: Vec::new() };
    let mut seed = o.seed;
    println!("pyc-fuzz: target {}, seed {}, {} s", o.target, o.seed, o.seconds);
    while Instant::now() < deadline {
        let left = deadline.saturating_duration_since(Instant::now()).as_secs().max(1);
        let worker = Options { seconds: left, seed, ..o.clone() };
        let (status, hung, stderr) = run_worker(&worker, &state);
        let (fe, rt, input) = read_state(&state);
        t.frontend += fe;
        t.runtime += rt;
        if status.map_or(false, |s| s.success()) && !hung {
            break;
        }
        let what = if hung { "hang".to_string() } else { status.map_or("lost".to_string(), describe_status) };
        let path = o.out.join(format!("crash-{}-{}.txt", o.seed, t.crashes.len()));
        let _ = std::fs::write(&path, &input);
        let _ = std::fs::write(path.with_extension("log"), format!("seed {} ({})\n{}", seed, what, stderr));
        println!("pyc-fuzz: {} (seed {}): input saved to {}", what, seed, path.display());
        for line in stderr.lines().take(6) {
            println!("    {}", line);
        }
        t.crashes.push(path);
        seed = seed.wrapping_add(1_000_003);
    }
    let _ = std::fs::remove_file(&state);
    println!(
        "pyc-fuzz: {} executions ({} frontend, {} runtime), {} crash(es)",
        t.frontend + t.runtime,
        t.frontend,
        t.runtime,
        t.crashes.len()
    );
    i32::from(!t.crashes.is_empty())
}

fn describe_status(s: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (s.code(), s.signal()) {
        (_, Some(sig)) => format!("killed by signal {}", sig),
        (Some(c), _) => format!("exit status {}", c),
        _ => "unknown exit".to_string(),
    }
}

/// Runs one worker until it exits or hangs; returns its status, whether it hung, and
/// its stderr (a panic message or a mismatch report).
fn run_worker(o: &Options, state: &Path) -> (Option<ExitStatus>, bool, String) {
    let _ = std::fs::write(state, [0u8; HEADER]);
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("pyc-fuzz"));
    let child = Command::new(exe)
        .args(["--seconds", &o.seconds.to_string(), "--seed", &o.seed.to_string(), "--target", &o.target])
        .arg("--corpus")
        .arg(&o.corpus)
        .arg("--worker")
        .arg(state)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => return (None, false, format!("cannot start a worker: {}", e)),
    };
    let mut err = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(e) = err.as_mut() {
            let _ = e.read_to_string(&mut s);
        }
        s
    });
    let (mut last, mut since) = (0u64, Instant::now());
    let mut hung = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) => {}
            Err(_) => break None,
        }
        std::thread::sleep(Duration::from_millis(100));
        let (fe, rt, _) = read_state(state);
        if fe + rt != last {
            (last, since) = (fe + rt, Instant::now());
        } else if since.elapsed() > HANG {
            hung = true;
            let _ = child.kill();
            break child.wait().ok();
        }
    };
    (status, hung, reader.join().unwrap_or_default())
}

fn read_state(state: &Path) -> (u64, u64, Vec<u8>) {
    let b = std::fs::read(state).unwrap_or_default();
    if b.len() < HEADER {
        return (0, 0, Vec::new());
    }
    let word = |i: usize| u64::from_le_bytes(b[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
    let len = (word(2) as usize).min(b.len() - HEADER);
    (word(0), word(1), b[HEADER..HEADER + len].to_vec())
}

// ----- worker -----

/// Records the input about to run and the execution counters (one positioned write).
struct StateFile {
    file: std::fs::File,
    counts: [u64; 2],
    buf: Vec<u8>,
}

impl StateFile {
    fn record(&mut self, target: usize, input: &[u8]) {
        self.counts[target] += 1;
        self.buf.clear();
        self.buf.extend_from_slice(&self.counts[0].to_le_bytes());
        self.buf.extend_from_slice(&self.counts[1].to_le_bytes());
        self.buf.extend_from_slice(&(input.len() as u64).to_le_bytes());
        self.buf.extend_from_slice(input);
        let _ = self.file.write_at(&self.buf, 0);
    }
}

fn worker_main(o: &Options, state: &Path) {
    limit_memory();
    let file = match std::fs::OpenOptions::new().write(true).open(state) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("pyc-fuzz worker: {}: {}", state.display(), e);
            std::process::exit(2);
        }
    };
    let mut st = StateFile { file, counts: [0, 0], buf: Vec::new() };
    let corpus = load_corpus(&o.corpus);
    let mut rng = Rng::new(o.seed);
    let deadline = Instant::now() + Duration::from_secs(o.seconds);
    if o.target != "frontend" {
        runtime::init();
    }
    let mut n = 0u64;
    while n % 64 != 0 || Instant::now() < deadline {
        n += 1;
        let frontend = match o.target.as_str() {
            "frontend" => true,
            "runtime" => false,
            _ => rng.below(3) != 0,
        };
        let failure = if frontend {
            let src = gen::source(&mut rng, &corpus);
            st.record(0, src.as_bytes());
            frontend_check(&src).err()
        } else {
            let c = runtime::generate(&mut rng);
            st.record(1, c.describe.as_bytes());
            c.run().err()
        };
        if let Some(msg) = failure {
            eprintln!("mismatch: {}", msg);
            std::process::exit(1);
        }
    }
}

/// Caps the worker's address space so a runaway allocation fails inside the worker.
fn limit_memory() {
    let lim = libc::rlimit { rlim_cur: MEMORY_LIMIT, rlim_max: MEMORY_LIMIT };
    // SAFETY: setrlimit only reads the struct we pass; failure leaves the limit unset.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &lim);
    }
}

fn load_corpus(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().map_or(false, |e| e == "py") {
                if let Ok(s) = std::fs::read_to_string(&p) {
                    out.push(s);
                }
            }
        }
    }
    out
}

/// Parse + compile in every mode; a successful compile must give verifiable bytecode
/// that survives serialization.
fn frontend_check(src: &str) -> Result<(), String> {
    use pyc_frontend::Mode;
    for mode in [Mode::Exec, Mode::Eval, Mode::Single] {
        let Ok(code) = pyc_frontend::compile(src, "<fuzz>", mode) else { continue };
        verify_tree(&code)?;
        if mode == Mode::Exec {
            let m = pyc_frontend::bytecode::ModuleCode { name: "m".into(), code, source: String::new(), is_package: false, from_stdlib: false };
            let p = pyc_frontend::bytecode::Program { modules: vec![m] };
            pyc_frontend::bytecode::Program::deserialize(&p.serialize()).map_err(|e| format!("bytecode round trip: {}", e))?;
        }
    }
    Ok(())
}

fn verify_tree(code: &pyc_frontend::bytecode::CodeObject) -> Result<(), String> {
    use pyc_frontend::bytecode::Constant;
    pyc_frontend::verify_stack(code).map_err(|e| format!("stack verifier, {}: {}", code.qualname, e.join("; ")))?;
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            verify_tree(inner)?;
        }
    }
    Ok(())
}
