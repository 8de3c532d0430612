# Conway's game of life on a small torus for several generations (glider + blinker), rendered as text.
W, H = 10, 8
def step(cells):
    new = set()
    counts = {}
    for (x, y) in cells:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % W, (y + dy) % H)
                    counts[k] = counts.get(k, 0) + 1
    for k, c in counts.items():
        if c == 3 or (c == 2 and k in cells):
            new.add(k)
    return new
def render(cells):
    return "\n".join("".join("#" if (x, y) in cells else "." for x in range(W)) for y in range(H))
cells = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2), (6, 5), (7, 5), (8, 5)}
for gen in range(5):
    print(f"gen {gen}: {len(cells)} alive")
    print(render(cells))
    cells = step(cells)
for _ in range(35):
    cells = step(cells)
print("after 40:", sorted(cells))
