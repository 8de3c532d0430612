# Hand-written record class with __eq__/__repr__/__hash__ and ordering via tuples; auto repr from __dict__.
class Record:
    fields = ()
    def __init__(self, *values):
        if len(values) != len(self.fields):
            raise TypeError(f"{type(self).__name__} expects {len(self.fields)} values, got {len(values)}")
        for f, v in zip(self.fields, values):
            setattr(self, f, v)
    def astuple(self):
        return tuple(getattr(self, f) for f in self.fields)
    def __eq__(self, o):
        return type(self) is type(o) and self.astuple() == o.astuple()
    def __hash__(self):
        return hash(self.astuple())
    def __lt__(self, o):
        return self.astuple() < o.astuple()
    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.fields)
        return f"{type(self).__name__}({inner})"
class Person(Record):
    fields = ("name", "age")
class Item(Record):
    fields = ("sku", "qty", "price")
people = [Person("zed", 30), Person("amy", 25), Person("amy", 20)]
print(people, sorted(people), Person("a", 1) == Person("a", 1), len(set(people + people)))
print(Item("x1", 2, 9.99), Item("x1", 2, 9.99).astuple())
try:
    Person("only-name")
except TypeError as e:
    print("TypeError", e)
