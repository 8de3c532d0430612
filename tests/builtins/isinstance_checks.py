# isinstance/issubclass with builtin hierarchies and user classes; bool is int; exceptions hierarchy.
checks = [(True, int), (1, bool), (1.0, int), ("s", str), ([], (list, tuple)), ((), list), (None, type(None)),
          (ValueError(), Exception), (KeyError(), LookupError), (3, object), (int, type), (len, object)]
for v, t in checks:
    print(repr(v) if not isinstance(v, type) else v.__name__, isinstance(v, t))
print(issubclass(bool, int), issubclass(int, bool), issubclass(KeyError, (ValueError, LookupError)), issubclass(type, object))
