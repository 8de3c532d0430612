# AttributeError suggestion for a builtin type's method.
s = "hello"
s.uper()
