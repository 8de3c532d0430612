# sys.argv and os.environ with non-UTF-8 bytes, in a child process (itself).
import os
import subprocess
import sys

if len(sys.argv) > 1:
    arg = sys.argv[1]
    print('child argv', repr(arg), os.fsencode(arg))
    val = os.environ.get('H1_SURR')
    print('child env', repr(val), os.environb.get(b'H1_SURR'), os.fsencode(val))
    print('child getenv', repr(os.getenv('H1_SURR')), sys.stdout.errors, sys.stderr.errors)
    try:
        print(arg)
    except UnicodeEncodeError as e:
        print('print failed:', e)
    sys.stdout.flush()
    print(arg, file=sys.stderr)
    sys.exit(0)

cmd = [sys.executable] + sys.orig_argv[1:2] + [b'arg\xff\xc3\xa9']
env = dict(os.environ)
env['H1_SURR'] = os.fsdecode(b'val\xfe')
r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
print(r.returncode)
print(r.stdout.decode('utf-8', 'backslashreplace'), end='')
print('stderr:', r.stderr)
os.environ['H1_OTHER'] = 'x\udcff'
print(os.environb[b'H1_OTHER'], repr(os.environ['H1_OTHER']))
