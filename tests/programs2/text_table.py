# rendering a text table with alignment computed from data and format specs
rows = [("Name", "Qty", "Price"), ("apple", 3, 1.5), ("banana split", 12, 4.25), ("kiwi", 100, 0.3)]
widths = [max(len(f"{r[i]}") for r in rows) for i in range(3)]
def fmt_row(r, header=False):
    cells = []
    for i, v in enumerate(r):
        if header or isinstance(v, str):
            cells.append(f"{v:<{widths[i]}}")
        elif isinstance(v, int):
            cells.append(f"{v:>{widths[i]}d}")
        else:
            cells.append(f"{v:>{widths[i]}.2f}")
    return "| " + " | ".join(cells) + " |"
sep = "+-" + "-+-".join("-" * w for w in widths) + "-+"
print(sep)
print(fmt_row(rows[0], True))
print(sep)
for r in rows[1:]:
    print(fmt_row(r))
print(sep)
total = sum(q * p for _, q, p in rows[1:])
print(f"{'total':>{sum(widths) + 6}} {total:8.2f}")
