# methods defined on metaclasses are available on classes but not instances
class Meta(type):
    def describe(cls):
        return f"I am {cls.__name__}"
    registry = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Meta.registry.append(name)
class Base(metaclass=Meta): pass
class Child(Base): pass
print(Base.describe(), Child.describe(), Meta.registry)
try:
    Child().describe()
except AttributeError as e:
    print(e)
print(type(Child).__name__, isinstance(Child, Meta), isinstance(Child(), Meta))
