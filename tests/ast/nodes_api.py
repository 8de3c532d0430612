# The _ast node classes: hierarchy, _fields/_attributes/__match_args__, docs, the
# constructor rules (positional/keyword fields, errors), optional fields, pickling shape.
import ast
import _ast

names = sorted(n for n in dir(_ast) if not n.startswith("__"))
print(len(names), names[:8], names[-8:])
for cls in [ast.AST, ast.mod, ast.Module, ast.stmt, ast.FunctionDef, ast.expr, ast.Name,
            ast.Load, ast.expr_context, ast.arguments, ast.arg, ast.keyword, ast.alias,
            ast.withitem, ast.match_case, ast.pattern, ast.MatchAs, ast.comprehension,
            ast.excepthandler, ast.ExceptHandler, ast.type_ignore, ast.TypeIgnore, ast.Constant]:
    print(cls.__name__, cls.__module__, cls.__mro__[1].__name__, cls._fields, cls._attributes,
          getattr(cls, "__match_args__", None))
print(ast.expr_context.__doc__)
print(ast.Name.__doc__)
print(ast.pattern.__doc__)
print(ast.arguments.__doc__)
print(ast.Pass.__doc__)

n = ast.Name("x", ast.Load(), lineno=3)
print(n.id, type(n.ctx).__name__, n.lineno, n.end_lineno, sorted(vars(n)))
n2 = ast.Name(id="y")
print(n2.id, hasattr(n2, "ctx"))
try:
    n2.ctx
except AttributeError as e:
    print("AttributeError:", e)
print(ast.Return().value, ast.FunctionDef("f").returns, ast.arguments().vararg, ast.Constant(1).kind)
print(isinstance(ast.Load(), ast.AST), ast.Load() is ast.Load(), isinstance(n, ast.expr))
for bad in [lambda: ast.Name("a", "b", "c"), lambda: ast.Name("a", id="b"), lambda: ast.AST(1),
            lambda: ast.Return(1, 2), lambda: ast.Pass(1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(ast.Name("x").__reduce__()[1:], ast.AST().__reduce__()[1:])
c = ast.Constant(value=5, foo="bar")
print(c.value, c.foo)
del c.foo
print(hasattr(c, "foo"))

class MyNode(ast.AST):
    _fields = ("a", "b")
m = MyNode(1, b=2)
print(m.a, m.b, ast.dump(m))

match ast.parse("x + 1").body[0]:
    case ast.Expr(ast.BinOp(left=ast.Name(id=name), op=ast.Add())):
        print("matched", name)

tree = ast.parse("a = 1\nb = a * 2\n")
print(type(tree.body[1].value.op) is ast.Mult, tree.body[0].targets[0].ctx is tree.body[1].targets[0].ctx)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
t = compile("1 + 2", "<s>", "eval", ast.PyCF_ONLY_AST)
print(type(t).__name__, ast.dump(t))
print(compile(t, "<s>", "eval", ast.PyCF_ONLY_AST) is t)
for args in [("x", "f", "exec", 0x99999), ("x", "f", "bad", ast.PyCF_ONLY_AST), ("x", "f", "bad")]:
    try:
        compile(*args)
    except ValueError as e:
        print("ValueError:", e)
for tree, mode in [(ast.Expression(body=ast.Constant(1)), "exec"), (ast.parse("x"), "eval")]:
    try:
        compile(tree, "f", mode)
    except TypeError as e:
        print("TypeError:", e)
