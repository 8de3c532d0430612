# Closing sys.stdout: later writes raise "I/O operation on closed file.", the file
# descriptor stays open, nothing is flushed at exit.
import os
import sys

print("before close")
fd = sys.stdout.fileno()
sys.stdout.close()
print(sys.stdout.closed, sys.__stdout__.closed, file=sys.stderr)
os.write(fd, b"fd 1 still open\n")
for f in [lambda: print("x"), sys.stdout.flush, lambda: sys.stdout.fileno()]:
    try:
        f()
    except ValueError as e:
        print("ValueError:", e, file=sys.stderr)
sys.stdout.close()
sys.stdout.write("y")
