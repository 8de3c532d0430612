import sys
try:
    for i in range(200000):
        sys.stdout.write("line %d\n" % i)
except BrokenPipeError as e:
    sys.stderr.write("caught %s errno %d\n" % (type(e).__name__, e.errno))
