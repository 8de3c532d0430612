# Inheritance: overriding, super(), multi-level, MRO with diamond, isinstance/issubclass.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return f"{type(self).__name__} {self.name}: {self.speak()}"
class Cat(Animal):
    def speak(self):
        return "meow"
class Lion(Cat):
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride
    def speak(self):
        return super().speak().upper() + "!"
for a in (Animal("generic"), Cat("Tom"), Lion("Leo", "east")):
    print(a.describe())
print(issubclass(Lion, Animal), issubclass(Animal, Lion), isinstance(Lion("x", 1), Cat), issubclass(Cat, object))
print([c.__name__ for c in Lion.__mro__], Lion.__bases__[0].__name__)
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B>" + super().who()
class C(A):
    def who(self): return "C>" + super().who()
class D(B, C):
    def who(self): return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
print(isinstance(3, (str, int)), issubclass(bool, int), issubclass(D, (C, str)))
class Base:
    greeting = "hello"
class Child(Base):
    pass
print(Child.greeting, Child().greeting, "greeting" in Child.__dict__)
