# Runtime errors raised by class and mapping patterns, and an uncaught one.
class A:
    __match_args__ = ["x"]

class B:
    __match_args__ = ("x", 1)
    x = 1

class P:
    __match_args__ = ("x", "y")
    x = 1
    y = 2

def attempt(label, fn):
    try:
        fn()
    except Exception as e:
        print(label, type(e).__name__, e)

def t1():
    match A():
        case A(1):
            pass
def t2():
    match B():
        case B(1, 2):
            pass
def t3():
    match P():
        case P(1, 2, 3):
            pass
def t4():
    match P():
        case P(1, x=1):
            pass
def t5():
    match 5:
        case int(1, 2):
            pass
def t6():
    k = "a"
    class K:
        a = "a"
        b = "a"
    match {"a": 1}:
        case {K.a: 1, K.b: 2}:
            pass
def t7():
    match object():
        case object(1):
            pass
def t8():
    class Bad(dict):
        def get(self, *a):
            raise KeyError("boom")
    match Bad(a=1):
        case {"a": 1}:
            pass
def t9():
    match [1, 2]:
        case [x, y] if 1 / 0:
            pass

for i, t in enumerate([t1, t2, t3, t4, t5, t6, t7, t8, t9], 1):
    attempt(f"t{i}", t)

not_a_class = len
match 3:
    case not_a_class():
        pass
