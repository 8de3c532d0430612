# Nested dict/list data: traversal, update, pretty printing by hand with sorted keys.
inventory = {
    "fruits": {"apple": 3, "pear": 0, "kiwi": 12},
    "veg": {"carrot": 7, "leek": 1},
    "misc": {},
}
for cat, items in inventory.items():
    total = sum(items.values())
    print(f"{cat}: {len(items)} kinds, {total} units")
    for name in sorted(items, key=lambda n: -items[n]):
        print("   ", name, items[name])
inventory["fruits"]["pear"] += 5
inventory.setdefault("dairy", {})["milk"] = 2
print(inventory)
def walk(obj, depth=0):
    if isinstance(obj, dict):
        for k, v in obj.items():
            print("  " * depth + str(k))
            walk(v, depth + 1)
    else:
        print("  " * depth + repr(obj))
walk(inventory)
