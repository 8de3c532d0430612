# argparse: a bad command line ends the program with usage on stderr and exit status 2.
import locale  # gettext (used by argparse) imports it lazily (not followed by the module graph yet)
import shutil  # argparse.HelpFormatter imports it lazily (not followed by the module graph yet)
import argparse

p = argparse.ArgumentParser(prog="convert", description="Convert numbers.")
p.add_argument("value", type=float)
p.add_argument("--base", type=int, choices=[2, 8, 16], required=True)
args = p.parse_args()
print("never reached", args)
