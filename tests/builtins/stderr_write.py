# sys.stdout.write / sys.stderr.write return values and interleaving (separate streams).
import sys
n = sys.stdout.write("written to stdout\n")
m = sys.stderr.write("written to stderr\n")
print(n, m)
sys.stdout.write("a")
sys.stdout.write("b\n")
sys.stderr.write("line1\nline2\n")
print("done", file=sys.stdout)
sys.stderr.write("é😀\n")
sys.stdout.write("ünïcode ✓\n")
