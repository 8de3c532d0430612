# sys.exit("msg"): message on stderr, exit status 1.
import sys
print("about to exit")
sys.stdout.flush()
sys.exit("fatal: configuration missing")
