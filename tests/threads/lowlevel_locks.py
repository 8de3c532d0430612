# _thread: start_new_thread, lock / RLock semantics and their errors.
import _thread
import time

lock = _thread.allocate_lock()
print(type(lock).__name__, type(lock).__module__, lock.locked())
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(True, 0.01))
lock.release()
print(lock.locked())
for bad in [lambda: lock.release(), lambda: lock.acquire(False, 1), lambda: lock.acquire(True, -5),
            lambda: lock.acquire(1, 2, 3), lambda: lock.acquire(foo=1), lambda: _thread.LockType()]:
    try:
        bad()
    except (RuntimeError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
print(lock.acquire(timeout=0), lock.acquire(blocking=False))
lock.release()

r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned(), r._recursion_count())
r.release()
r.release()
print(r._is_owned(), r._recursion_count())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
with r:
    with r:
        print("nested", r._recursion_count())
print(_thread.error is RuntimeError, _thread.TIMEOUT_MAX)

# Errors of start_new_thread.
for args in [(1, ()), (print, []), (print, (), 1)]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError", e)
for n in [100, -1]:
    try:
        _thread.stack_size(n)
    except ValueError as e:
        print("ValueError", e)
print(_thread.stack_size())

# A lock used as a completion signal between threads; a second thread blocks on an
# RLock the main thread holds.
done = _thread.allocate_lock()
done.acquire()
out = []
def worker(a, b, c=0):
    out.append((a, b, c, _thread.get_ident() != main_ident))
    with r:
        out.append("got rlock")
    done.release()
main_ident = _thread.get_ident()
r.acquire()
ident = _thread.start_new_thread(worker, (1, 2), {"c": 3})
print(type(ident).__name__, ident != main_ident)
time.sleep(0.05)
print(out)
r.release()
done.acquire()
print(out)
while _thread._count():
    time.sleep(0.001)
print("count", _thread._count())
