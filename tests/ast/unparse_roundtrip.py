# ast.unparse round trips, walk/NodeVisitor/NodeTransformer, fix_missing_locations,
# get_source_segment, increment_lineno, copy_location, and exec of a transformed tree.
import ast

SOURCES = [
    "x = 1 + 2 * 3",
    "def f(a, b=2, *args, c, d=4, **kw):\n    return a + b",
    "class C(B, metaclass=M):\n    '''doc'''\n    x: int = 3",
    "for i in range(10):\n    if i % 2:\n        continue\n    print(i)\nelse:\n    pass",
    "with open('f') as fh, x:\n    data = fh.read()",
    "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nfinally:\n    cleanup()",
    "lambda x, *, y=1: x if y else -x",
    "[x * y for x in a if x for y in b]",
    "{k: v for k, v in items}",
    "f'{x!r:>{width}} and {y=}'",
    "async def main():\n    async with a as b:\n        await b\n    return [i async for i in g()]",
    "match p:\n    case Point(x=0) | [1, *rest] | {'k': v, **kw}:\n        pass\n    case _:\n        pass",
    "a[1:2, ::3]",
    "del a[0], b.c",
    "global g\nx = (yield)",
    "@decorator(arg)\ndef g():\n    nonlocal q",
    "print(*args, **kwargs)",
    "x = a if b else c",
    "assert x, 'message'",
    "(a := 10)",
    "from .. import mod as m\nimport os.path",
    "x = not a and b or c",
    "s = 'it\\'s' + \"q\\\"\" + '\\n'",
]
for src in SOURCES:
    tree = ast.parse(src)
    text = ast.unparse(tree)
    print(text)
    print("--- same tree:", ast.dump(ast.parse(text)) == ast.dump(tree))

tree = ast.parse("a = 1\nb = a + 2\nprint(a, b)")
print(sorted(type(n).__name__ for n in ast.walk(tree)))

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__, node.lineno, node.col_offset))
        self.generic_visit(node)
c = Counter()
c.visit(tree)
print(c.names)

class Doubler(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 10), node)
        return node
    def visit_Name(self, node):
        if node.id == "print":
            return ast.Name(id="show", ctx=node.ctx)
        return node

def show(*a):
    print("show:", *a)

new = ast.fix_missing_locations(Doubler().visit(tree))
print(ast.unparse(new))
exec(compile(new, "<transformed>", "exec"))
code = compile(ast.parse("6 * 7", mode="eval"), "<e>", "eval")
print(eval(code))
ns = {}
exec(compile(ast.parse("def sq(x):\n    return x * x\n"), "<f>", "exec"), ns)
print(ns["sq"](9))

src = "x = foo(1,\n        2)  # c\ny = 'é' + bar\n"
t = ast.parse(src)
print(repr(ast.get_source_segment(src, t.body[0].value)))
print(repr(ast.get_source_segment(src, t.body[1].value.right)), t.body[1].value.right.col_offset)
print(repr(ast.get_source_segment(src, t.body[0], padded=True)))
t2 = ast.increment_lineno(ast.parse("a\nb"), 10)
print([n.lineno for n in t2.body])
print(ast.get_docstring(ast.parse("'''Doc\n   string.'''\nx = 1"), clean=False))
print(ast.get_docstring(ast.parse("def f():\n    'inner'\n").body[0], clean=False))
print(ast.dump(ast.parse("x = [1, 2]"), indent=4))
print(ast.dump(ast.parse("x"), annotate_fields=False))
