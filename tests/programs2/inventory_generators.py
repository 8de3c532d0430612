# inventory processing with generator pipelines and aggregation
records = """widget,3,2.50
gadget,10,1.25
widget,2,2.50
doohickey,1,10.00
gadget,-1,1.25
bogus,x,1
thing,4,0.75""".splitlines()
def parse(lines):
    for n, line in enumerate(lines, 1):
        name, qty, price = line.split(",")
        try:
            yield name, int(qty), float(price)
        except ValueError as e:
            print(f"line {n}: skipped ({e})")
def valid(rows):
    for row in rows:
        if row[1] <= 0:
            print("non-positive quantity:", row)
            continue
        yield row
totals = {}
for name, qty, price in valid(parse(records)):
    t = totals.setdefault(name, [0, 0.0])
    t[0] += qty
    t[1] += qty * price
for name, (q, v) in sorted(totals.items()):
    print(f"{name:<10} {q:>3} {v:>8.2f}")
print(f"{'TOTAL':<10} {sum(q for q, _ in totals.values()):>3} {sum(v for _, v in totals.values()):>8.2f}")
