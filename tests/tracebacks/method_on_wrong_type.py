# traceback for calling an unbound method with the wrong self type
class A:
    def hello(self):
        return "hello"
print(A.hello(A()))
print(str.upper("x"))
str.upper(5)
