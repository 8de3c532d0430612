# Location details against CPython 3.11: CRLF and CR line ends, tabs, bytes source with
# non-ASCII text, decorators after comments, parenthesized expressions and statements,
# multi-line strings and calls, nested f-strings, and empty class parentheses.
import ast
import gc

def show(src, **kw):
    print(ast.dump(ast.parse(src, **kw), include_attributes=True))

show("x = 1\r\ny = (2 +\r\n     3)\r\n")
show("if a:\r    b\r")
show("if a:\n\tb = 'ü'\n\tc = d\n")
show("s = 'ñ'; t = s".encode("utf-8"))
show("# coding: latin-1\nx = 1\n")
show("class C(): pass\nclass D(object,): pass")
show("x = '''a\nb''' + \"c\"\ny = ('a'\n     'b')")
show("f(a,\n  b=[1,\n     2],\n  *c)")
show("f'{f\"{x}\"}'")
show("f'{x:{\"é\"}}'")
show("@a\n\n\n@b\nasync def g(): return")
show("def f():\n    def g():\n        nonlocal x\n        global y\n    return g\n")
show("x = [i for i in range(3)][0]")
show("print('日本', f'{日本}')")
show("a.b.c.d = e[f][g]")
show("x = yield")
show("try:\n    pass\nexcept E as e:\n    pass")
show("with a:\n    pass")
show("while 1: break")
show("1 if 2 else 3 if 4 else 5")
show("a = b = c = []")
show("x = (1,)\ny = 1,\nz = ()")
show("lambda *, k: k")
show("lambda *a, **k: 0")
show("(a for b in c)\n[*a, *b]\n{**a, 'b': 1}")

# Parent links make cycles: the collector must reclaim the tree without trouble.
tree = ast.parse("def f(x):\n    return [y * 2 for y in x if y]\n" * 20)
for node in ast.walk(tree):
    for child in ast.iter_child_nodes(node):
        child.parent = node
count = sum(1 for _ in ast.walk(tree))
del tree, node, child
gc.collect()
print("nodes:", count)
