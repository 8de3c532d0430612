# Non-UTF-8 file names, arguments and environment values round-trip through str with
# the file system encoding (UTF-8, surrogateescape).
import os
import sys
import tempfile

print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(repr(os.fsdecode(b'caf\xe9\xff.txt')), os.fsencode('caf\udce9\udcff.txt'), os.fsencode(os.fsdecode(b'\x80\xfe')))
print(repr(os.fsdecode(b'ok\xc3\xa9')), os.fsencode('ok\xe9'))
try:
    os.fsencode('bad\ud800')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)

home = os.getcwd()
with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    raw = b'name\xff\xfe.txt'
    with open(raw, 'wb') as f:
        f.write(b'payload')
    names = os.listdir('.')
    print([repr(n) for n in names], os.listdir(b'.'), [repr(n) for n in os.listdir()])
    path = names[0]
    with open(path, 'rb') as f:
        print(f.read())
    print(os.stat(path).st_size, os.path.exists(path), os.path.isfile(path))
    print([repr(e.name) for e in os.scandir('.')])
    os.rename(path, path + '\udc80')
    print(sorted(os.listdir(b'.')))
    with open('new\udcc3', 'w') as f:
        f.write('text')
    print(sorted(os.listdir(b'.')))
    try:
        open('x\ud800', 'w')
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError', e)
    try:
        os.stat('y\udbff')
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError', e)
    for n in sorted(os.listdir('.')):
        os.remove(n)
    print(os.listdir('.'))
    os.chdir(home)
