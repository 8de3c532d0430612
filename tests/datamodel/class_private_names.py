# name mangling of __private attributes
class A:
    def __init__(self):
        self.__secret = "a-secret"
        self._prot = "prot"
    def reveal(self):
        return self.__secret
    def __hidden(self):
        return "hidden method"
    def call_hidden(self):
        return self.__hidden()
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = "b-secret"
    def reveal_b(self):
        return self.__secret
b = B()
print(b.reveal(), b.reveal_b(), b._A__secret, b._B__secret, b.call_hidden())
print(sorted(vars(b)))
try:
    b.__secret
except AttributeError as e:
    print(e)
print(b._A__hidden())
class __Dunder__:
    __x__ = "not mangled"
print(__Dunder__.__x__)
