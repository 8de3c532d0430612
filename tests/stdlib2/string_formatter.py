# _string behind string.Formatter (parse, get_field), plus copy and reprlib.
import _string, copy, reprlib

for s in ["a{{b", "x}}y", "a{0}b{x!r:>5}", "{}", "tail", "", "{a.b[0]:{w}}", "{!r}"]:
    print(repr(s), list(_string.formatter_parser(s)))
for s in ["a", "a.b[0].c", "0[x]", "", "1.y"]:
    first, rest = _string.formatter_field_name_split(s)
    print(repr(s), repr(first), list(rest))
for s in ["}", "{", "a{0", "x{0!rr}"]:
    try:
        print(list(_string.formatter_parser(s)))
    except ValueError as e:
        print(repr(s), e)
it = _string.formatter_parser("ok{0}bad}")
print(next(it))
try:
    next(it)
except ValueError as e:
    print("lazy:", e)

class Node:
    def __init__(self, v, children=()):
        self.v, self.children = v, list(children)
tree = Node(1, [Node(2), Node(3)])
deep = copy.deepcopy(tree)
shallow = copy.copy(tree)
print(deep is tree, deep.children[0] is tree.children[0], shallow.children is tree.children, deep.children[1].v)
nested = {"a": [1, 2, {"b": (3, [4])}]}
clone = copy.deepcopy(nested); clone["a"][2]["b"][1].append(5)
print(nested, clone)
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 50))
