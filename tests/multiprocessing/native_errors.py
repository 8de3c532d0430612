# The native modules under multiprocessing, directly: _multiprocessing.SemLock and
# sem_unlink error paths, and _socket basics (socketpair, AF_UNIX listener/client,
# timeouts, closed sockets, bad addresses).
import _multiprocessing
import os
import socket
import tempfile

try:
    _multiprocessing.SemLock(7, 1, 1, "/pyc-test-bad-kind", True)
except ValueError as e:
    print("ValueError:", e)
try:
    _multiprocessing.sem_unlink("/pyc-test-no-such-semaphore")
except OSError as e:
    print(type(e).__name__, e.errno)
s = _multiprocessing.SemLock(1, 2, 2, "/pyc-test-sem-%d" % os.getpid(), True)
print(s.kind, s.maxvalue, s.name, s._get_value(), s.acquire(), s._count(), s._is_mine())
print(s.acquire(True, 0.01), s.acquire(True, 0.01), s._is_zero())
s.release()
s.release()
try:
    s.release()
except ValueError as e:
    print("ValueError:", e)
print(_multiprocessing.SemLock.SEM_VALUE_MAX, sorted(_multiprocessing.flags))

a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.getsockname() == "")
a.sendall(b"ping" * 1000)
got = b""
while len(got) < 4000:
    got += b.recv(4096)
print(len(got), got[:8])
b.settimeout(0.05)
print(b.gettimeout())
try:
    b.recv(10)
except TimeoutError as e:
    print("TimeoutError:", e)
b.setblocking(False)
try:
    b.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno == 11)
a.close()
print(b.recv(10))
try:
    a.send(b"x")
except OSError as e:
    print("OSError", e.errno)
b.close()

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "sock")
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(1)
    cli = socket.socket(socket.AF_UNIX)
    cli.connect(path)
    conn, addr = srv.accept()
    cli.sendall(b"hello")
    print(conn.recv(5), addr, srv.getsockname() == path)
    for s_ in (conn, cli, srv):
        s_.close()
    try:
        socket.socket(socket.AF_UNIX).connect(os.path.join(d, "missing"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
try:
    socket.socket(socket.AF_INET).bind(("127.0.0.1", 70000))
except OverflowError as e:
    print("OverflowError:", e)
try:
    socket.socket(socket.AF_INET).bind("nope")
except TypeError as e:
    print("TypeError:", e)
print(socket.htons(1), socket.ntohl(1), socket.getdefaulttimeout())
