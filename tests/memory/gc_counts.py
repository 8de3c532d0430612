# gc.collect() return values match CPython's counts for common garbage shapes
import gc

gc.collect()
gc.disable()

def count(label, make):
    make()
    print(label, gc.collect())

def lst():
    l = []; l.append(l)
count("self list", lst)
def two_lists():
    a = []; b = [a]; a.append(b)
count("two lists", two_lists)
def dct():
    d = {}; d[1] = d
count("self dict", dct)
def inst():
    class P: pass
    p = P(); p.me = p
count("class+instance", inst)
class C:
    pass
def instance_only():
    c = C(); c.me = c
count("instance", instance_only)
def instance_pair():
    a = C(); b = C(); a.b = b; b.a = a
count("instance pair", instance_pair)
def instance_in_list():
    c = C(); c.l = [c]
count("instance+list", instance_in_list)
def with_tuple():
    l = []; t = (l, 1); l.append(t)
count("list+tuple", with_tuple)
def closure_cycle():
    def f():
        return f
    return None
count("recursive closure", closure_cycle)
def plain_class():
    class B: pass
count("plain class", plain_class)
def super_class():
    class A:
        def f(self):
            return super().__repr__()
count("class using super", super_class)
def slots_class():
    class S:
        __slots__ = ("a",)
    s = S(); s.a = s
count("slots class+instance", slots_class)
def set_cycle():
    class H: pass
    h = H(); h.s = {h}
count("set cycle", set_cycle)
def gen_cycle():
    def g():
        yield 1
    it = g(); l = [it]; it2 = l
count("no garbage", gen_cycle)
def bound_method():
    c = C(); c.m = c.__init__
count("bound method cycle", bound_method)
gc.enable()
