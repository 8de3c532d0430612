# The standard streams under different environments: the program runs itself again
# (CPython: the interpreter with this script; pyc: the executable) with
# PYTHONIOENCODING, PYTHONUNBUFFERED and the locale changed, and closed descriptors.
import os
import subprocess
import sys


def child():
    print(sys.stdout.encoding, sys.stdout.errors, sys.stdin.errors, sys.stderr.encoding, sys.stderr.errors)
    print(sys.stdout.write_through, sys.stderr.line_buffering, type(sys.stdout.buffer).__name__)
    print("caf\u00e9 \u20ac")
    sys.stdout.flush()
    sys.stderr.write("err caf\u00e9 \u20ac\n")


def child_closed():
    print(sys.stdin, sys.stdout, sys.__stdout__, file=sys.stderr)
    print("lost")
    sys.stderr.write("still here\n")


def run(env_changes, mode="child", **kw):
    cmd = [sys.executable] + ([__file__] if sys.implementation.name == "cpython" else []) + [mode]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "LC_", "LANG"))}
    env.update(env_changes)
    r = subprocess.run(cmd, env=env, capture_output=True, **kw)
    print(sorted(env_changes.items()), "->", r.returncode)
    for line in r.stdout.splitlines():
        print("  out:", line)
    for line in r.stderr.splitlines():
        print("  err:", line)


if sys.argv[1:] == ["child"]:
    child()
elif sys.argv[1:] == ["closed"]:
    child_closed()
else:
    run({"LC_ALL": "C.UTF-8"})
    run({"LC_ALL": "C"})
    run({"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"})
    run({"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "ascii:replace"})
    run({"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "latin-1"})
    run({"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "UTF8:backslashreplace"})
    run({"LC_ALL": "en_US.UTF-8", "LANG": "C"})
    run({"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ":ignore"})
    run({"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:"})
    run({"LC_ALL": "C.UTF-8", "PYTHONUNBUFFERED": "1"})
    run({"LC_ALL": "C.UTF-8", "PYTHONUNBUFFERED": ""})
    r = subprocess.run(
        ["sh", "-c", 'exec "$@" <&- >&-', "sh"] + [sys.executable] + ([__file__] if sys.implementation.name == "cpython" else []) + ["closed"],
        capture_output=False, stderr=subprocess.PIPE)
    print("closed ->", r.returncode, r.stderr.decode().splitlines())
