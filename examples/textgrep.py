"""textgrep: search standard input for a regular expression, like a small grep + wc.

Usage: textgrep [-i] [-v] [-w] [-n] [-c] [-o] [--stats] [--top N] PATTERN < input

Prints the matching lines (with -n their numbers, with -o only the matched parts),
or with -c just their count; --stats adds wc-style totals and --top the N most
frequent matched strings. Exit status: 0 if a line matched, 1 if none, 2 on a bad
pattern or bad arguments (as grep).
"""
import argparse
import locale  # gettext (used by argparse) imports it lazily (not followed by the module graph yet)
import shutil  # argparse.HelpFormatter imports it lazily (not followed by the module graph yet)
import re
import sys
from collections import Counter
import heapq  # Counter.most_common(n) imports heapq lazily


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="textgrep", description="Search standard input for PATTERN.")
    p.add_argument("pattern", help="a Python regular expression")
    p.add_argument("-i", "--ignore-case", action="store_true", help="match case-insensitively")
    p.add_argument("-v", "--invert-match", action="store_true", help="select non-matching lines")
    p.add_argument("-w", "--word", action="store_true", help="match whole words only")
    p.add_argument("-n", "--line-number", action="store_true", help="prefix lines with their number")
    p.add_argument("-c", "--count", action="store_true", help="print only the number of selected lines")
    p.add_argument("-o", "--only-matching", action="store_true", help="print only the matched parts")
    p.add_argument("--stats", action="store_true", help="print line/word/char totals")
    p.add_argument("--top", type=int, metavar="N", default=0, help="show the N most frequent matches")
    return p.parse_args(argv)


def compile_pattern(args):
    text = rf"\b(?:{args.pattern})\b" if args.word else args.pattern
    try:
        return re.compile(text, re.IGNORECASE if args.ignore_case else 0)
    except re.error as e:
        print(f"textgrep: bad pattern {args.pattern!r}: {e}", file=sys.stderr)
        sys.exit(2)


def main():
    args = parse_args()
    rx = compile_pattern(args)
    selected = 0
    found = Counter()
    lines = words = chars = 0
    for number, line in enumerate(sys.stdin, 1):
        lines += 1
        words += len(line.split())
        chars += len(line)
        line = line.rstrip("\n")
        hits = [m.group(0) for m in rx.finditer(line)]
        found.update(h.lower() if args.ignore_case else h for h in hits)
        if bool(hits) == args.invert_match:
            continue
        selected += 1
        if args.count:
            continue
        prefix = f"{number}:" if args.line_number else ""
        if args.only_matching and not args.invert_match:
            for h in hits:
                print(prefix + h)
        else:
            print(prefix + line)
    if args.count:
        print(selected)
    if args.stats:
        print(f"{lines:7} lines {words:7} words {chars:7} chars {selected:7} selected")
    if args.top:
        width = max((len(k) for k, _ in found.most_common(args.top)), default=0)
        for text, n in found.most_common(args.top):
            print(f"  {text:<{width}}  {n}")
    return 0 if selected else 1


if __name__ == "__main__":
    sys.exit(main())
