# Class basics: __init__, instance vs class attributes, methods, attribute shadowing.
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        Dog.count += 1
    def speak(self):
        return f"{self.name} says woof"
    def birthday(self):
        self.age += 1
        return self
a = Dog("Rex")
b = Dog("Fido", 5)
print(a.speak(), b.speak(), a.age, b.birthday().birthday().age, Dog.count, a.count)
a.species = "wolf"
print(a.species, b.species, Dog.species)
Dog.species = "dog"
print(a.species, b.species)
del a.species
print(a.species)
print(type(a).__name__, type(a) is Dog, isinstance(a, Dog), a.__class__.__name__)
print(sorted(vars(a).items()), a.__dict__ == {"name": "Rex", "age": 1})
m = a.speak
print(m(), Dog.speak(b))
class Empty:
    pass
e = Empty()
e.x = 1
print(e.x, hasattr(e, "y"), getattr(e, "y", "default"))
