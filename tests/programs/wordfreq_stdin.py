# Word frequency counting from stdin: normalization, punctuation stripping, sorted top list, histogram.
import sys
text = sys.stdin.read()
counts = {}
total = 0
for raw in text.split():
    w = raw.strip(".,;:!?\"'()[]-").lower()
    if not w:
        continue
    counts[w] = counts.get(w, 0) + 1
    total += 1
print("words:", total, "distinct:", len(counts))
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
width = max(len(w) for w, _ in ranked[:10])
for w, c in ranked[:10]:
    print(f"{w:<{width}} {c:>3} {c / total:6.1%} {'*' * c}")
lengths = {}
for w in counts:
    lengths[len(w)] = lengths.get(len(w), 0) + 1
for n in sorted(lengths):
    print(f"len {n:2}: {lengths[n]}")
