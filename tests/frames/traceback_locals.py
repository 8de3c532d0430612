# A traceback keeps the locals of the frames an exception unwound alive (CPython's
# frame objects): __del__ runs when the traceback goes, f_locals shows them, f_back.
import sys, traceback

class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)

def inner(k):
    d = D('inner')
    x = k * 2
    raise ValueError(k)

def middle(k):
    m = D('middle')
    return inner(k) + 1

def run():
    try:
        middle(5)
    except ValueError as e:
        print('caught', e)
    print('after handler')
run()

saved = None
def keep():
    global saved
    try:
        middle(6)
    except ValueError as e:
        saved = e
    print('returned from keep')
keep()
print('still held')
tb = saved.__traceback__
frames = []
while tb is not None:
    frames.append(tb.tb_frame)
    tb = tb.tb_next
print([f.f_code.co_name for f in frames])
print(sorted(k for k in frames[-1].f_locals), frames[-1].f_locals['x'], frames[-1].f_locals['k'])
print(frames[-1].f_back is frames[-2], frames[-2].f_back is frames[-3], frames[-1].f_back.f_code.co_name)
del frames, tb
saved = None
print('released')

# traceback.clear_frames drops the locals while the exception is still held
try:
    middle(7)
except ValueError as e:
    saved = e
traceback.clear_frames(saved.__traceback__)
print('cleared')
t = saved.__traceback__.tb_next.tb_next
print(t.tb_frame.f_locals)
saved = None

# frame.clear() on an executing frame
def me():
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print('RuntimeError', e)
me()

# a local reassigned inside the handler of the same frame is released at once
def same():
    d = D('same')
    try:
        raise KeyError('k')
    except KeyError:
        d = None
        print('reassigned')
    print('end same')
same()

# the frame that handles the exception shows its running caller as f_back
def outer2():
    try:
        raise TypeError('t')
    except TypeError as e:
        f = e.__traceback__.tb_frame
        print(f.f_code.co_name, f.f_back.f_code.co_name, f.f_locals['e'] is e)
def caller2():
    outer2()
caller2()

# a closure cell captured by the unwound frame
def cells():
    c = D('cell')
    def g(): return c
    raise OSError('cells')
try:
    cells()
except OSError as e:
    fl = e.__traceback__.tb_next.tb_frame.f_locals
    print(sorted(fl), fl['c'].n)
    del fl
print('end')
