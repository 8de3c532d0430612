# sys.stdout/sys.stderr writes, sys.maxsize, sys.version_info major/minor, sys.byteorder-free.
import sys
sys.stdout.write("out1\n")
sys.stderr.write("err1\n")
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.version_info[0], sys.version_info[:2] >= (3, 11))
print(sys.version_info.major, sys.version_info.minor)
print(type(sys.stdout.write).__name__, sys.getrecursionlimit() >= 1000)
print("float max", sys.float_info.max, sys.float_info.epsilon)
sys.stdout.write("no newline at end")
