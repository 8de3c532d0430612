# sys.exit with a code, output flushed, no traceback
import sys
print("about to exit")
sys.exit(3)
