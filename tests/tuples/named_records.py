# Tuples as records with a class-free approach; zip/enumerate; tuple repr of mixed contents.
people = [("Alice", 30, "NYC"), ("Bob", 25, "LA"), ("Carol", 35, "NYC")]
by_city = {}
for name, age, city in people:
    by_city.setdefault(city, []).append((name, age))
print(by_city)
for city, members in by_city.items():
    print(city, tuple(m[0] for m in members), sum(m[1] for m in members) / len(members))
print(tuple(zip(*people)))
print(repr((1, "a", 2.5, None, (), [], {})), str(("é",)))
