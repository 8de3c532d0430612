# Inventory report: parse CSV-like text, aggregate by category, format a fixed-width report.
DATA = """sku,name,category,qty,price
A100,Widget,tools,10,2.50
A101,Gadget,tools,3,10.00
B200,Apple,food,120,0.35
B201,Bread,food,8,2.25
C300,Novel,books,5,12.99
C301,Atlas,books,1,45.00
A102,Spanner,tools,0,7.75
bad line without enough fields
D400,Café au lait,food,12,3.10"""
lines = DATA.splitlines()
header = lines[0].split(",")
rows, errors = [], []
for n, line in enumerate(lines[1:], 2):
    parts = line.split(",")
    if len(parts) != len(header):
        errors.append(f"line {n}: expected {len(header)} fields, got {len(parts)}")
        continue
    rec = dict(zip(header, parts))
    rec["qty"] = int(rec["qty"])
    rec["price"] = float(rec["price"])
    rows.append(rec)
by_cat = {}
for r in rows:
    by_cat.setdefault(r["category"], []).append(r)
print(f"{'Category':<10}{'Items':>6}{'Units':>7}{'Value':>10}")
for cat in sorted(by_cat):
    items = by_cat[cat]
    units = sum(i["qty"] for i in items)
    value = sum(i["qty"] * i["price"] for i in items)
    print(f"{cat:<10}{len(items):>6}{units:>7}{value:>10.2f}")
    for i in sorted(items, key=lambda i: -i["qty"] * i["price"]):
        flag = " (out of stock)" if i["qty"] == 0 else ""
        print(f"    {i['sku']} {i['name']:<14}{i['qty']:>4} x {i['price']:>6.2f}{flag}")
print("errors:", errors)
print("most valuable:", max(rows, key=lambda r: r["qty"] * r["price"])["name"])
