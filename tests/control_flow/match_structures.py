# match statement: sequence, mapping and class patterns, star captures, nested patterns.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def run(cmd):
    match cmd:
        case []:
            return "empty"
        case ["go", direction]:
            return f"going {direction}"
        case ["drop", *items] if items:
            return f"dropping {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case {"action": "move", "to": (x, y)}:
            return f"move to {x},{y}"
        case {"action": str(a), **rest}:
            return f"action {a} with {sorted(rest)}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case (a, b, c):
            return f"triple {a} {b} {c}"
        case _:
            return "unknown"
for c in ([], ["go", "north"], ["drop", "a", "b"], ["drop"], ["exit"], {"action": "move", "to": (1, 2)},
          {"action": "jump", "height": 3, "at": 0}, Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2),
          (1, 2, 3), "xyz", 42):
    print(run(c))
