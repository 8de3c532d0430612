# dataclasses: defaults, field(), order, frozen, asdict/astuple, replace, __post_init__, repr, errors.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, is_dataclass
from typing import List, Optional


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: List[str] = field(default_factory=list)
    secret: str = field(default="x", repr=False, compare=False)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"


@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0

    def dist2(self):
        return self.x ** 2 + self.y ** 2


@dataclass
class Order:
    items: List[Item]
    note: Optional[str] = None
    total: float = field(init=False)

    def __post_init__(self):
        self.total = round(sum(i.price for i in self.items), 2)


a = Item("pen", 1.5, ["office"])
b = Item("pen", 1.5, ["office"], secret="y")
print(a, a == b, a is b, Item("cup"))
print(asdict(a), astuple(a), [f.name for f in fields(Item)], is_dataclass(a), is_dataclass(Item))
print(replace(a, price=2.0))
vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 0)]
print(sorted(vs), max(vs), str(min(vs)), Version(1) < Version(1, 0, 1), Version(2) >= Version(1, 9))
p = Point(3, 4)
print(p, p.dist2(), hash(p) == hash(Point(3, 4)), {p: "here"}[Point(3, 4)])
try:
    p.x = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
o = Order([a, Item("ink", 3.25)], note="rush")
print(o)
print(asdict(o))
try:
    Item()
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Bad2:
        x: list = []
except ValueError as e:
    print("ValueError", e)
try:
    Version(1) < (1, 0, 0)
except TypeError as e:
    print("TypeError", e)


@dataclass
class Node:
    value: int
    children: List["Node"] = field(default_factory=list)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print(asdict(tree))
print(Item.__init__.__annotations__ if False else Item.__match_args__, Version.__eq__(Version(1), 5))
