# ast.literal_eval: every literal kind, containers, signed and complex numbers, and its
# error messages for what it refuses.
import ast
import re

for src in ["1", "-2", "+3", "1.5", "-1.5e3", "1j", "1+2j", "-1-2j", "'s'", "b'b'", "True", "None",
            "(1, 2)", "[1, [2, 3]]", "{1: 'a', 'b': [2]}", "{1, 2}", "set()", "()", "'a' 'b'",
            "  42", "\t[1]", "0x1f", "10**2" if False else "1_000", "...", "{'k': (1, -2.5)}"]:
    print(repr(src), "->", repr(ast.literal_eval(src)))
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(7)))

for src in ["x", "1 + x", "f()", "[1, y]", "{**d}", "2 ** 10", "a.b", "{1: x}", "-x", "1 + 2 + 3",
            "'a' + 1", "set([1])", "lambda: 1", "(yield)", "not True", "{'a': 1, 'b'}"]:
    try:
        print(repr(src), "->", repr(ast.literal_eval(src)))
    except (ValueError, SyntaxError, TypeError) as e:
        print(repr(src), "!", type(e).__name__, re.sub(r" at 0x[0-9a-f]+", "", str(e)))
