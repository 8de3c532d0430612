# Printing a lone surrogate: stdout is strict (a UnicodeEncodeError), stderr
# backslash-escapes it.
import sys

print('before', flush=True)
print('err: \udc80\udcff', file=sys.stderr)
sys.stderr.flush()
s = 'x' + chr(0xdc80)
print(s)
