#!/usr/bin/env python3
"""`make bench`: build every program of ../shared/bench with pyc, check its output
against CPython's, time both side by side with hyperfine, and print (and record in
docs/performance.md) a table of times, speed-ups and peak RSS. Programs with a C version
in ../shared/bench/c (built with `gcc -O2 x.c -lm`, output checked too) are timed in the
same hyperfine run, and the table gives pyc's time as a multiple of C's.

Each time is the median of at least N runs (default 5) after one warm-up: hyperfine
adds runs up to its 3-second budget per command, so the programs that finish in tens of
milliseconds get dozens, and one run disturbed by the host does not move the figure
(the mean did: nbody's pyc time read 0.067 s and 0.090 s in two runs of the same code).

Usage: bench/bench.py [--runs N] [--quick] [NAME...]
  --runs N  at least N runs per command
  --quick   smaller sizes (the "known results" sizes), for a smoke run
"""
import json
import math
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_DIR = os.environ.get("PYC_BENCH_DIR", os.path.join(ROOT, "..", "shared", "bench"))
PYC = os.environ.get("PYC", os.path.join(ROOT, "target", "release", "pyc"))
OUT_DIR = os.path.join(ROOT, "target", "bench")
PERF_DOC = os.path.join(ROOT, "docs", "performance.md")
QUICK_ARGS = {
    "nbody.py": ["1000"], "spectral_norm.py": ["100"], "fannkuch.py": ["7", "1"],
    "mandelbrot.py": ["200"], "nqueens.py": ["8", "1"], "fib.py": ["25"],
    "richards.py": ["1"], "binary_trees.py": ["10"], "float_objects.py": ["1000", "2"],
    "dict_str.py": ["10000"], "generators.py": ["10000"], "exceptions.py": ["10000"],
}


def real_python():
    """The real CPython binary (pyenv's shim adds ~80 ms per start)."""
    return subprocess.check_output(
        ["python3", "-c", "import sys; print(sys.executable)"], text=True).strip()


def peak_rss_kb(cmd):
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True)
    try:
        return int(r.stderr.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return 0


def build(src, out):
    t0 = time.perf_counter()
    r = subprocess.run([PYC, "build", src, "-o", out], capture_output=True, text=True)
    return r.returncode == 0, time.perf_counter() - t0, r.stderr


def build_c(prog):
    """The C version of `prog` built with gcc -O2, or None when there is none (or it fails)."""
    src = os.path.join(BENCH_DIR, "c", prog[:-3] + ".c")
    exe = os.path.join(OUT_DIR, prog[:-3] + "_c")
    if not os.path.exists(src):
        return None
    r = subprocess.run(["gcc", "-O2", src, "-o", exe, "-lm"], capture_output=True, text=True)
    return exe if r.returncode == 0 else None


def hyperfine(cmds, runs):
    """The median wall time of each command (see the module doc)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        subprocess.run(["hyperfine", "-N", "--warmup", "1", "--min-runs", str(runs),
                        "--export-json", f.name, "--style", "none"] + cmds,
                       check=True, stdout=subprocess.DEVNULL)
        data = json.load(open(f.name))
    return [r["median"] for r in data["results"]]


def main():
    args = sys.argv[1:]
    runs, quick, names = 5, False, []
    while args:
        a = args.pop(0)
        if a == "--runs":
            runs = int(args.pop(0))
        elif a == "--quick":
            quick = True
        else:
            names.append(a)
    os.makedirs(OUT_DIR, exist_ok=True)
    py = real_python()
    programs = sorted(p for p in os.listdir(BENCH_DIR) if p.endswith(".py"))
    if names:
        programs = [p for p in programs if p[:-3] in names or p in names]
    rows, ratios = [], []
    for prog in programs:
        src = os.path.join(BENCH_DIR, prog)
        exe = os.path.join(OUT_DIR, prog[:-3])
        pargs = QUICK_ARGS.get(prog, []) if quick else []
        ok, build_s, err = build(src, exe)
        if not ok:
            rows.append((prog, None, None, None, None, None, None, "build failed: " + err.strip().splitlines()[-1] if err.strip() else "build failed"))
            continue
        expected = subprocess.run([py, src] + pargs, capture_output=True, text=True).stdout
        got = subprocess.run([exe] + pargs, capture_output=True, text=True)
        if got.stdout != expected:
            rows.append((prog, None, None, None, None, None, None, "OUTPUT DIFFERS"))
            continue
        cmds = [" ".join([py, src] + pargs), " ".join([exe] + pargs)]
        c_exe = build_c(prog)
        if c_exe and subprocess.run([c_exe] + pargs, capture_output=True, text=True).stdout == expected:
            cmds.append(" ".join([c_exe] + pargs))
        times = hyperfine(cmds, runs)
        t_py, t_pyc, t_c = times[0], times[1], (times[2] if len(times) > 2 else None)
        rss_py, rss_pyc = peak_rss_kb([py, src] + pargs), peak_rss_kb([exe] + pargs)
        ratios.append(t_py / t_pyc)
        rows.append((prog, t_py, t_pyc, t_py / t_pyc, rss_py, rss_pyc, t_c, "ok"))
        vs_c = f" C {t_c:.3f}s pyc/C {t_pyc / t_c:.2f}" if t_c else ""
        print(f"{prog:20} {t_py:8.3f}s {t_pyc:8.3f}s {t_py / t_pyc:7.2f}x{vs_c}", file=sys.stderr)
    geo = math.exp(sum(map(math.log, ratios)) / len(ratios)) if ratios else 0.0

    # Start-up, size and build time of hello world.
    hello = os.path.join(OUT_DIR, "hello.py")
    with open(hello, "w") as f:
        f.write('print("hello, world")\n')
    _, hello_build, _ = build(hello, hello[:-3])
    _, hello_build_again, _ = build(hello, hello[:-3])
    t_hello_py, t_hello = hyperfine([f"{py} {hello}", hello[:-3]], 20)
    size = os.path.getsize(hello[:-3])

    lines = ["| program | CPython 3.11 | pyc | speed-up | peak RSS CPython | peak RSS pyc | C -O2 | pyc / C | status |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for prog, a, b, r, ra, rb, c, status in rows:
        if a is None:
            lines.append(f"| {prog} | | | | | | | | {status} |")
        else:
            vs_c = f"{c:.3f} s | {b / c:.1f}×" if c else " | "
            lines.append(f"| {prog} | {a:.3f} s | {b:.3f} s | {r:.2f}× | {ra / 1024:.1f} MB | {rb / 1024:.1f} MB | {vs_c} | {status} |")
    lines.append(f"| **geometric mean** | | | **{geo:.2f}×** | | | | | {len(ratios)}/{len(rows)} ran |")
    lines.append("")
    lines.append(f"hello world: start-up {t_hello * 1000:.1f} ms (CPython {t_hello_py * 1000:.1f} ms), "
                 f"binary {size / 1e6:.2f} MB, build {hello_build:.2f} s (again: {hello_build_again:.2f} s)")
    lines.append("")
    lines.append(cycles_rss(py, quick))
    lines.append("")
    lines.append(pool_speedup(py, quick))
    lines.append("")
    lines.append(thread_stress(py))
    table = "\n".join(lines)
    print(table)
    record(table, quick)


def cycles_rss(py, quick):
    """Peak RSS of bench/cycles_rss.py (N reference cycles created and dropped) at two
    sizes: flat means the cycle collector keeps up."""
    src = os.path.join(ROOT, "bench", "cycles_rss.py")
    exe = os.path.join(OUT_DIR, "cycles_rss")
    if not build(src, exe)[0]:
        return "reference cycles: build failed"
    sizes = (100_000, 1_000_000) if quick else (1_000_000, 10_000_000)
    cells = []
    for n in sizes:
        kb_py, kb_pyc = peak_rss_kb([py, src, str(n)]), peak_rss_kb([exe, str(n)])
        cells.append(f"{n // 1_000_000 or n / 1e6}M cycles: CPython {kb_py / 1024:.1f} MB, pyc {kb_pyc / 1024:.1f} MB")
    return "reference cycles created and dropped (peak RSS): " + "; ".join(cells)


def pool_speedup(py, quick):
    """bench/pool_speedup.py: a CPU-bound map run serially then on Pool(2), with pyc
    (both start methods) and CPython: the ratio shows the two cores being used. pyc's
    tasks loop ten times longer, so that a task lasts about as long as CPython's (~0.3 s):
    at CPython's size a pyc task takes ~27 ms and the pool's ~50 ms of start and stop
    would be most of what is measured."""
    src = os.path.join(ROOT, "bench", "pool_speedup.py")
    exe = os.path.join(OUT_DIR, "pool_speedup")
    if not build(src, exe)[0]:
        return "multiprocessing Pool(2): build failed"
    items = "4" if quick else "16"
    cells = []
    py_size, pyc_size = "4000000", "40000000"
    for label, cmd in (("CPython fork, 4M loops per task", [py, src, items, "fork", py_size]),
                       ("pyc fork, 40M loops per task", [exe, items, "fork", pyc_size]),
                       ("pyc spawn, 40M", [exe, items, "spawn", pyc_size])):
        out = subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
        cells.append(f"{label}: {out.split(': ', 1)[-1] or 'failed'}")
    return "multiprocessing Pool(2) vs serial (wall): " + "; ".join(cells)


def thread_stress(py):
    """bench/stress_threads.py (issue 8's stress figures): 8 threads x 100 000 locked
    increments, a 1 000 000-item queue pipeline through two threads, two CPU-bound
    threads both progressing; pyc's lines, then CPython's times for comparison."""
    src = os.path.join(ROOT, "bench", "stress_threads.py")
    exe = os.path.join(OUT_DIR, "stress_threads")
    if not build(src, exe)[0]:
        return "thread stress: build failed"
    outs = [subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines() for cmd in ([exe], [py, src])]
    mine, theirs = outs
    lines = ["thread stress (bench/stress_threads.py), pyc:"] + [f"* {l}" for l in mine]
    times = [l.rsplit(" ", 2)[-2] + " s" for l in theirs if l.endswith(" s")]
    lines.append("CPython: " + ", ".join(times))
    return "\n".join(lines)


def record(table, quick):
    """Replace the generated section of docs/performance.md."""
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    try:
        doc = open(PERF_DOC).read()
    except FileNotFoundError:
        doc = f"# Performance\n\n{begin}\n{end}\n"
    if begin not in doc:
        doc += f"\n{begin}\n{end}\n"
    head, rest = doc.split(begin, 1)
    _, tail = rest.split(end, 1)
    stamp = time.strftime("%Y-%m-%d") + (" (--quick sizes)" if quick else " (default sizes)")
    doc = f"{head}{begin}\nLast `make bench`: {stamp}\n\n{table}\n{end}{tail}"
    with open(PERF_DOC, "w") as f:
        f.write(doc)


if __name__ == "__main__":
    main()
