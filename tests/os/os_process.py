# Processes and the environment: fork/waitpid/_exit statuses, pipes, dup2, exec in a
# child, os.environ, getpid, urandom, uname, cpu_count, strerror.
import io  # os.fdopen imports io inside the function
import os

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b"from child")
    os._exit(7)
os.close(w)
got, status = os.waitpid(pid, 0)
print(got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
print(os.read(r, 100))
os.close(r)

pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
    os._exit(0)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.dup2(w, 1)
    os.close(r)
    os.execv("/bin/echo", ["echo", "exec", "works"])
os.close(w)
with os.fdopen(r) as f:
    print(repr(f.read()))
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

print(os.waitpid(-1, os.WNOHANG) if False else "nohang-skip")
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print("ChildProcessError", e.errno)

os.environ["PYC_TEST_VAR"] = "value 1"
print(os.environ["PYC_TEST_VAR"], os.getenv("PYC_TEST_VAR"), "PYC_TEST_VAR" in os.environ)
print(os.environb[b"PYC_TEST_VAR"])
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.dup2(w, 1)
    os.execve("/bin/sh", ["sh", "-c", "echo $PYC_TEST_VAR"], os.environ)
os.close(w)
print(os.read(r, 100))
os.close(r)
os.waitpid(pid, 0)
del os.environ["PYC_TEST_VAR"]
print(os.getenv("PYC_TEST_VAR"), os.environ.get("PYC_TEST_VAR", "gone"))
try:
    os.environ["PYC_MISSING_VAR_X"]
except KeyError as e:
    print("KeyError", e)

print(os.getpid() > 0, os.getppid() > 0, isinstance(os.getuid(), int))
print(len(os.urandom(16)), os.urandom(0))
print(os.uname().sysname, len(os.uname()))
print(os.cpu_count() >= 1)
print(os.strerror(2), os.strerror(13))
print(os.name, os.sep, os.curdir, os.pardir, os.linesep == "\n", os.devnull)
t = os.times()
print(len(t), t.user >= 0)
print(os.isatty(0) in (True, False), os.get_terminal_size.__name__)
