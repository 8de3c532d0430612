# sys.argv: arguments after the program name (argv[0] differs between CPython and a binary; not printed).
import sys
args = sys.argv[1:]
print(len(args), args)
for i, a in enumerate(args):
    print(i, a, a.isdigit(), a.upper())
nums = [int(a) for a in args if a.lstrip("-").isdigit()]
print("sum of numeric args:", sum(nums))
print(type(sys.argv).__name__, len(sys.argv) == len(args) + 1)
