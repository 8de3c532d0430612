# Popen details: communicate timeouts, preexec_fn, pass_fds, start_new_session, umask,
# files as stdin/stdout, a child started from a worker thread, text-mode lines.
import os
import subprocess
import sys
import tempfile
import threading


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


p = subprocess.Popen(["sh", "-c", "echo started; sleep 5"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.3)
except subprocess.TimeoutExpired as e:
    print("timeout; partial output:", e.output)
p.kill()
out, _ = p.communicate()
print(repr(out), p.returncode)

# preexec_fn runs in the child before exec; its exception is reported
r = subprocess.run(["sh", "-c", "echo $PREEXEC"], preexec_fn=lambda: os.environ.__setitem__("PREEXEC", "set in child"),
                   capture_output=True, text=True)
print(repr(r.stdout), "PREEXEC" in os.environ)


def bad():
    raise RuntimeError("boom")


show(lambda: subprocess.run(["true"], preexec_fn=bad))

# pass_fds keeps a descriptor open in the child; close_fds closes the others
rfd, wfd = os.pipe()
r = subprocess.run(["sh", "-c", f"echo through-fd >&{wfd}"], pass_fds=[wfd])
os.close(wfd)
print(r.returncode, os.read(rfd, 100))
os.close(rfd)
rfd, wfd = os.pipe()
r = subprocess.run(["sh", "-c", f"echo x >&{wfd}"], stderr=subprocess.DEVNULL)
print("closed in child:", r.returncode != 0)
os.close(rfd)
os.close(wfd)

r = subprocess.run(["sh", "-c", "ps -o sid= -p $$ | tr -d ' '; echo $$"], start_new_session=True, capture_output=True, text=True)
sid, pid = r.stdout.split()
print("own session:", sid == pid)
r = subprocess.run(["sh", "-c", "umask"], umask=0o027, capture_output=True, text=True)
print(r.stdout.strip())

# files as stdin and stdout
with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, "in.txt")
    dst = os.path.join(d, "out.txt")
    with open(src, "w") as f:
        f.write("b\na\nc\n")
    with open(src) as fin, open(dst, "w") as fout:
        print(subprocess.call(["sort"], stdin=fin, stdout=fout))
    with open(dst) as f:
        print(f.read().split())
    print(subprocess.run(["ls"], cwd=d, capture_output=True, text=True).stdout.split())

# text mode line reading
p = subprocess.Popen(["sh", "-c", "printf 'one\\ntwo\\nthree\\n'"], stdout=subprocess.PIPE, text=True)
print([line.rstrip() for line in p.stdout])
p.stdout.close()
print(p.wait())
with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    p.stdin.write(b"written directly\n")
    p.stdin.close()
    print(p.stdout.read())
print(p.returncode)

# from a worker thread, while the main thread waits
results = []


def worker(n):
    r = subprocess.run(["sh", "-c", f"echo worker {n}; exit {n}"], capture_output=True, text=True)
    results.append((n, r.stdout.strip(), r.returncode))


threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))

# argument errors
show(lambda: subprocess.Popen(["true"], pass_fds=[-1]))
show(lambda: subprocess.run(["x\0y"]))
show(lambda: subprocess.run([]))
show(lambda: subprocess.run(["true"], env={"A=B": "1"}))
show(lambda: subprocess.Popen(123))
print(subprocess.list2cmdline(["a b", 'c"d', "e"]))
sys.stdout.flush()
