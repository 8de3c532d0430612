# __prepare__ returning a custom mapping that records definition order and duplicates
class Recording(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            self.order.append(k)
        super().__setitem__(k, v)
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Recording()
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, dict(ns))
        cls._order = ns.order
        return cls
class Form(metaclass=Meta):
    name = 1
    email = 2
    name = 3
    def validate(self): pass
print(Form._order, Form.name)
