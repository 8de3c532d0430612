# sys.exit with a string prints it to stderr and exits 1
import sys
print("out")
sys.exit("fatal: giving up")
