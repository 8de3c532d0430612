# stdout and stderr interleave: stdout written before the error must appear in the .out file; stderr writes too.
import sys
for i in range(5):
    print("line", i)
    sys.stderr.write(f"err {i}\n")
print("partial", end="")
raise SystemError("custom system error") if False else AssertionError("final assertion")
