# subprocess.run/Popen/check_output/call: captured output, text mode, input, cwd, env,
# shell, return codes, CalledProcessError, TimeoutExpired, missing executables.
import os
import subprocess
import sys


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
print(r.args)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(repr(r))
show(lambda: r.check_returncode())
print(subprocess.check_output(["tr", "a-z", "A-Z"], input=b"shout\n"))
print(subprocess.check_output("echo $((6 * 7))", shell=True, text=True), end="")
print(subprocess.call(["false"]), subprocess.call(["true"]))
print(subprocess.check_call(["true"]))
show(lambda: subprocess.check_call(["sh", "-c", "exit 5"]))
show(lambda: subprocess.check_output(["sh", "-c", "echo partial; exit 2"]))
try:
    subprocess.check_output(["sh", "-c", "echo partial; exit 2"])
except subprocess.CalledProcessError as e:
    print(e.returncode, e.cmd, e.output, e.stdout, e.stderr)

# input= with text=True, bigger than a pipe buffer
data = "".join(f"line {i}\n" for i in range(20000))
r = subprocess.run(["wc", "-l"], input=data, capture_output=True, text=True)
print(r.stdout.strip())
r = subprocess.run(["cat"], input=data.encode(), stdout=subprocess.PIPE)
print(len(r.stdout), r.stdout[-11:])

# cwd and env
r = subprocess.run(["pwd"], cwd="/", capture_output=True, text=True)
print(r.stdout, end="")
r = subprocess.run(["sh", "-c", "echo $PYC_TEST_VAR"], env={"PYC_TEST_VAR": "from-env", "PATH": os.environ["PATH"]}, capture_output=True, text=True)
print(r.stdout, end="")
r = subprocess.run("echo $0 | wc -c", shell=True, stdout=subprocess.PIPE)
print(r.stdout.strip())

# stderr redirected to stdout, DEVNULL
r = subprocess.run(["sh", "-c", "echo a; echo b >&2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(sorted(r.stdout.split()))
r = subprocess.run(["sh", "-c", "echo hidden; echo hidden2 >&2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(r.stdout, r.stderr, r.returncode)

# signals: negative return code
r = subprocess.run(["sh", "-c", "kill -TERM $$"])
print(r.returncode)

# Popen with communicate, poll, wait
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
out, err = p.communicate("through cat\n")
print(repr(out), err, p.returncode, p.poll(), p.wait())
with subprocess.Popen(["sh", "-c", "exit 7"]) as p:
    pass
print(p.returncode)
p = subprocess.Popen(["sleep", "5"])
print(p.poll())
p.kill()
print(p.wait())

# timeouts
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd, round(e.timeout, 1))
    print(str(e).startswith("Command '['sleep', '5']' timed out after 0."))
p = subprocess.Popen(["sleep", "5"])
show(lambda: p.wait(timeout=0.1))
p.terminate()
print(p.wait())
r = subprocess.run(["sh", "-c", "echo quick"], capture_output=True, timeout=10)
print(r.stdout)

# missing executables and bad directories
show(lambda: subprocess.run(["no-such-program-pyc"]))
show(lambda: subprocess.run(["/no/such/path/prog"]))
show(lambda: subprocess.run(["/etc/passwd"]))
show(lambda: subprocess.run(["true"], cwd="/no/such/dir"))
show(lambda: subprocess.run("exit 4", shell=True).returncode)
show(lambda: subprocess.run(["true"], input=b"x", stdin=subprocess.PIPE))
show(lambda: subprocess.check_output(["echo", "x"], stdout=None))
show(lambda: subprocess.getoutput("echo getoutput; exit 1"))
show(lambda: subprocess.getstatusoutput("echo status; exit 1"))

# the child inherits our stdout
sys.stdout.flush()
subprocess.run(["echo", "inherited"])
print("done")
