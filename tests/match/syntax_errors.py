# Compile-time errors of match statements: messages and locations.
snippets = [
    "match x:\n    case y:\n        pass\n    case 2:\n        pass\n",
    "def f(v):\n    match v:\n        case _:\n            pass\n        case 1:\n            pass\n",
    "match x:\n    case (a, 1) | (1, b):\n        pass\n",
    "match x:\n    case [y] | 2:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case {'k': 1, 'k': 2}:\n        pass\n",
    "match x:\n    case {1: 1, 1.0: 2}:\n        pass\n",
    "match x:\n    case 1 | x | 2:\n        pass\n",
    "match x:\n    case (y as z) | 3:\n        pass\n",
    "match x:\n    case C(a=1, a=2):\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case __debug__:\n        pass\n",
    "match x:\n    case {'a': p, **p}:\n        pass\n",
    "match x:\n    case [a, (b, a)]:\n        pass\n",
    "match x:\n    case y if y:\n        pass\n    case z:\n        pass\n    case 3:\n        pass\n",
]
for src in snippets:
    try:
        compile(src, "<match>", "exec")
        print("compiled OK")
    except SyntaxError as e:
        print(f"{e.msg} | line {e.lineno} col {e.offset}-{e.end_offset}")
# these compile fine
ok = [
    "match x:\n    case y if y:\n        pass\n    case 3:\n        pass\n",
    "match x:\n    case 1:\n        pass\n    case _:\n        pass\n",
    "match x:\n    case [a, b] | (b, a):\n        pass\n",
]
for src in ok:
    compile(src, "<match>", "exec")
    print("compiled OK")
