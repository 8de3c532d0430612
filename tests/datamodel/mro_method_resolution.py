# which method is found along the MRO in diamonds and with mixins
class Root:
    def who(self): return "Root"
    def chain(self): return ["Root"]
class LogMixin:
    def chain(self): return ["Log"] + super().chain()
class A(Root):
    def chain(self): return ["A"] + super().chain()
class B(Root):
    def who(self): return "B"
    def chain(self): return ["B"] + super().chain()
class C(LogMixin, A, B):
    pass
c = C()
print(c.who(), c.chain(), [k.__name__ for k in C.__mro__])
print(C.who is B.who, C.chain is LogMixin.chain)
class D(B, A): pass
print(D().chain(), D().who())
