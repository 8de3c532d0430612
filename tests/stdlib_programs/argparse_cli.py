# argparse: a CLI with positionals, options, subcommands, types, choices, help and usage errors.
import locale  # gettext (used by argparse) imports it lazily (not followed by the module graph yet)
import shutil  # argparse.HelpFormatter imports it lazily (not followed by the module graph yet)
import argparse
import sys


def build():
    p = argparse.ArgumentParser(prog="tool", description="Process some records.",
                                epilog="Exit status is 0 on success.")
    p.add_argument("files", nargs="*", help="input files")
    p.add_argument("-n", "--count", type=int, default=3, help="how many (default: %(default)s)")
    p.add_argument("-v", "--verbose", action="count", default=0)
    p.add_argument("--mode", choices=["fast", "slow"], default="fast")
    p.add_argument("--tag", action="append", default=[], metavar="T")
    p.add_argument("--dry-run", action="store_true")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true")
    g.add_argument("--csv", action="store_true")
    return p


def try_parse(parser, argv):
    try:
        ns = parser.parse_args(argv)
        print("ok:", sorted(vars(ns).items()))
    except SystemExit as e:
        print("exit:", e.code)


parser = build()
args = parser.parse_args()
print("argv:", sorted(vars(args).items()))
try_parse(parser, ["a.txt", "-n", "5", "-vv", "--tag", "x", "--tag", "y", "--json"])
try_parse(parser, ["--count", "seven"])
try_parse(parser, ["--mode", "medium"])
try_parse(parser, ["--json", "--csv"])
try_parse(parser, ["--unknown"])
sys.stderr.flush()
try_parse(parser, ["--help"])
print(parser.format_usage(), end="")

sub = argparse.ArgumentParser(prog="git")
sp = sub.add_subparsers(dest="cmd", required=True)
c = sp.add_parser("commit", help="record changes")
c.add_argument("-m", "--message", required=True)
a = sp.add_parser("add")
a.add_argument("paths", nargs="+")
try_parse(sub, ["commit", "-m", "hello"])
try_parse(sub, ["add", "x", "y"])
try_parse(sub, ["add"])
try_parse(sub, [])
try_parse(sub, ["commit"])
try_parse(sub, ["-h"])
ns, rest = sub.parse_known_args(["add", "p", "--extra"])
print(ns, rest)
