# SyntaxError attributes (msg, lineno, offset, text, end_lineno, end_offset) of source
# compiled at run time: parser, tokenizer and compiler errors each shape `text` and
# `end_offset` their own way in CPython 3.11.
CASES = [
    # assignment targets: "Maybe you meant '=='" only where CPython's named-expression
    # rule fires (first target, value not followed by another '=')
    "x = 1 = 2\n",
    "1 = 2\n",
    "f() = 1\n",
    "x = f() = 1\n",
    "f() = 1 = 2\n",
    "a + 1 = 2\n",
    "x = a + 1 = 2\n",
    "(1) = 2\n",
    "[1] = 2\n",
    "x, 1 = 2\n",
    "x = (1 = 2)\n",
    "x = a if b else c = 2\n",
    "x = a = 1 == 2 = 3\n",
    "not a = 1\n",
    "a not in b = 1\n",
    "(yield) = 1\n",
    "x = yield = 1\n",
    "x = lambda: 1 = 2\n",
    "if x = 1: pass\n",
    "while f() = 1: pass\n",
    "for x in 1 = 2: pass\n",
    "f(1 = 2)\n",
    "print(a.b = 1)\n",
    # augmented assignment
    "(a, b) += 1\n",
    "[a, b] += 1\n",
    "a.b, c += 1\n",
    "f() += 1\n",
    # tokenizer errors: the line without its newline
    "x = 'abc\n",
    "x = 'abc",
    "x = '''abc\n",
    "x = 'a\\\nb\n",
    "x = 1 \u20ac 2\n",
    "x = 1abc\n",
    "x = 1_\n",
    "x = 012\n",
    "x = 1\xa0\n",
    "x = 1)\n",
    "x = (1]\n",
    # errors without an end position
    "x = (1,\n",
    "x = 1 \\ 2\n",
    "x = \\\n",
    "if 1:\n        x = 1\n    y = 2\n",
    "if 1:\n        x = 1\n    y = 2",
    "def f():\n  x = 1\n y = 2\n",
    "x = 1\n  y = 2\n",
    "try:\n  pass\n",
    # parser errors
    "try:\n  pass\nx = 1\n",
    "try:\n  pass\n\n# c\nfoo(1)\n",
    "if 1:\npass\n",
    "x = 1 +\n",
    "x =\n",
    "x = $\n",
    "x = 1 if 2\n",
    "x = [1 2]\n",
    # compiler errors: no text for a string
    "return 1\n",
    "x = *a = 1\n",
    "def f():\n  nonlocal x\n",
]

for src in CASES:
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
    else:
        print(repr(src), "compiled")
