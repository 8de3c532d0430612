# ast without parsing: node classes, fields, constructors, dump, unparse, visitors, literal_eval of trees.
import ast
import inspect

tree = ast.Module(
    body=[
        ast.FunctionDef(
            name="area",
            args=ast.arguments(posonlyargs=[], args=[ast.arg(arg="w"), ast.arg(arg="h")], kwonlyargs=[],
                               kw_defaults=[], defaults=[ast.Constant(1)]),
            body=[ast.Return(ast.BinOp(ast.Name("w", ast.Load()), ast.Mult(), ast.Name("h", ast.Load())))],
            decorator_list=[], returns=None, type_comment=None),
        ast.Assign(targets=[ast.Name("x", ast.Store())],
                   value=ast.Call(ast.Name("area", ast.Load()), [ast.Constant(3), ast.Constant(4)], []),
                   lineno=5),
    ],
    type_ignores=[])
ast.fix_missing_locations(tree)
print(ast.dump(tree.body[1]))
print(ast.unparse(tree))
print(ast.BinOp._fields, ast.BinOp.__match_args__, ast.expr._attributes, ast.Constant(1).kind, ast.Yield().value)
print(isinstance(ast.Add(), ast.operator), issubclass(ast.Name, ast.expr), ast.Name.__mro__[1:], ast.AST._fields)
print(ast.BinOp.__doc__, ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
n = ast.BinOp(1, 2)
print(vars(n), hasattr(n, "right"), ast.BinOp(1, foo=3).foo, n.__reduce__()[0].__name__, type(ast.Load()).__name__)
for bad in [lambda: ast.BinOp(1, 2, 3, 4), lambda: ast.BinOp(1, left=2), lambda: ast.Load(1), lambda: ast.arguments().args]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__))


c = Counter()
c.visit(tree)
print(c.names, [type(n).__name__ for n in ast.walk(tree)][:6])


class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.Constant(node.value * 2) if isinstance(node.value, int) else node


print(ast.unparse(Double().visit(tree)))
print(ast.literal_eval(ast.List([ast.Constant(1), ast.Tuple([ast.Constant("a"), ast.Constant(None)], ast.Load())], ast.Load())))
match tree.body[1].value:
    case ast.Call(ast.Name(id=fname), args):
        print("call of", fname, "with", len(args), "args")
print(inspect.isfunction(ast.dump), inspect.signature(ast.dump) if False else "", inspect.getmro(ast.Name)[0])
