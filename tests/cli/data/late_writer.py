# Leaves output in the stdout buffer until exit, after the pipe's reader is gone.
import select
import sys

print("never read")
# POLLERR on a pipe's write end: the reader has closed it.
p = select.poll()
p.register(sys.stdout.fileno(), 0)
p.poll(10000)
sys.exit(3)
