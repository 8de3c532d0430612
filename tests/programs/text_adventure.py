# Text adventure state machine driven by a fixed command script: rooms, inventory, locked door.
ROOMS = {
    "hall": {"desc": "A dusty hall.", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "Shelves of old books.", "exits": {"south": "hall"}, "items": ["key", "book"]},
    "kitchen": {"desc": "Smells of bread.", "exits": {"west": "hall", "down": "cellar"}, "items": []},
    "cellar": {"desc": "Dark and damp.", "exits": {"up": "kitchen"}, "items": ["treasure"], "locked": True},
}
class Game:
    def __init__(self):
        self.room = "hall"
        self.inv = []
        self.moves = 0
        self.over = False
    def do(self, line):
        words = line.split()
        if not words:
            return "Say something."
        verb, *rest = words
        handler = getattr(self, "cmd_" + verb, None)
        if handler is None:
            return f"I don't know how to {verb!r}."
        self.moves += 1
        return handler(*rest)
    def cmd_look(self):
        r = ROOMS[self.room]
        items = ", ".join(r["items"]) or "nothing"
        return f"{r['desc']} Exits: {', '.join(sorted(r['exits']))}. You see: {items}."
    def cmd_go(self, direction="nowhere"):
        r = ROOMS[self.room]
        if direction not in r["exits"]:
            return "You can't go that way."
        target = r["exits"][direction]
        if ROOMS[target].get("locked"):
            if "key" in self.inv:
                ROOMS[target]["locked"] = False
                self.room = target
                return "You unlock the way with the key. " + self.cmd_look()
            return "It's locked."
        self.room = target
        return self.cmd_look()
    def cmd_take(self, item=None):
        r = ROOMS[self.room]
        if item not in r["items"]:
            return f"There is no {item} here."
        r["items"].remove(item)
        self.inv.append(item)
        if item == "treasure":
            self.over = True
            return "You found the treasure! You win."
        return f"Taken: {item}."
    def cmd_inventory(self):
        return "You carry: " + (", ".join(self.inv) or "nothing")
script = ["look", "take lamp", "go east", "go down", "go west", "go north", "take key", "take sword",
          "dance", "", "inventory", "go south", "go east", "go down", "take treasure", "look"]
g = Game()
for cmd in script:
    print(f"> {cmd}")
    print(g.do(cmd))
    if g.over:
        break
print("moves:", g.moves, "inventory:", g.inv, "room:", g.room)
