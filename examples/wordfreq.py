"""Word frequencies of standard input.

Usage: wordfreq [N] < text.txt    -- prints the N (default 10) most frequent words.
"""
import sys


def words(text):
    for raw in text.split():
        word = raw.strip(".,;:!?\"'()[]{}-_*").lower()
        if word:
            yield word


def main():
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    counts = {}
    for w in words(sys.stdin.read()):
        counts[w] = counts.get(w, 0) + 1
    if not counts:
        print("no words on standard input", file=sys.stderr)
        sys.exit(1)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    width = max(len(w) for w, _ in ranked)
    total = sum(counts.values())
    print(f"{total} words, {len(counts)} distinct; top {len(ranked)}:")
    for rank, (word, n) in enumerate(ranked, 1):
        print(f"{rank:3}. {word:<{width}}  {n:4}  {n / total:6.2%}")


main()
