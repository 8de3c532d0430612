# Output buffered in stdout when the program ends: by an uncaught exception, SystemExit
# with a message, or normally after time.sleep (which does not flush stdout).
import sys
import time

print("buffered line")
mode = sys.argv[1]
if mode == "raise":
    raise ValueError("boom")
if mode == "exit":
    raise SystemExit("bye")
time.sleep(0.01)
print("stderr after sleep", file=sys.stderr)
print("stdout after sleep")
