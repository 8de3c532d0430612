# Deeply nested patterns mixing sequences, mappings, classes and captures.
class Node:
    __match_args__ = ("kind", "children")
    def __init__(self, kind, children=()):
        self.kind = kind
        self.children = list(children)

def describe(x):
    match x:
        case [1, [2, *rest], {"k": [*_, last]}]:
            return f"A rest={rest} last={last}"
        case {"user": {"name": str(name), "roles": [*roles]}} if "admin" in roles:
            return f"admin {name} ({len(roles)} roles)"
        case {"user": {"name": name}}:
            return f"user {name}"
        case Node("leaf"):
            return "leaf"
        case Node("pair", [Node(k1), Node(k2)]):
            return f"pair of {k1} and {k2}"
        case Node(kind, [Node() as first, *others]):
            return f"{kind} starting with {first.kind} and {len(others)} more"
        case ((a, b), (c, d)) if a + d == b + c:
            return f"balanced {a}{b}{c}{d}"
        case [(x, y), *_] if x == y:
            return f"starts with double {x}"
        case _:
            return "unknown"

values = [
    [1, [2, 3, 4], {"k": [7, 8, 9]}],
    [1, [2], {"k": [5]}],
    {"user": {"name": "ann", "roles": ["dev", "admin"]}},
    {"user": {"name": "bob", "roles": ["dev"]}},
    {"user": {"name": 5, "roles": ["admin"]}},
    Node("leaf"),
    Node("pair", [Node("x"), Node("y")]),
    Node("tree", [Node("a"), Node("b"), Node("c")]),
    Node("tree", []),
    ((1, 2), (3, 4)),
    ((1, 2), (3, 5)),
    [(4, 4), 1, 2],
    [],
]
for v in values:
    print(describe(v))
