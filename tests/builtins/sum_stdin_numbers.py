# Read all of stdin via sys.stdin, parse numbers per line, skip bad lines.
import sys
total = 0
bad = []
for lineno, line in enumerate(sys.stdin, 1):
    line = line.strip()
    if not line:
        continue
    try:
        total += float(line) if "." in line else int(line)
    except ValueError:
        bad.append((lineno, line))
print("total:", total)
print("bad lines:", bad)
