# Sorting user objects by key functions and by __lt__; stability; attrgetter-free.
class Emp:
    def __init__(self, name, dept, salary):
        self.name, self.dept, self.salary = name, dept, salary
    def __lt__(self, other):
        return (self.dept, -self.salary) < (other.dept, -other.salary)
    def __repr__(self):
        return f"{self.name}/{self.dept}/{self.salary}"
staff = [Emp("ann", "eng", 120), Emp("bob", "ops", 90), Emp("cid", "eng", 150), Emp("dee", "ops", 90), Emp("eve", "art", 70)]
print(sorted(staff))
print(sorted(staff, key=lambda e: e.salary))
print(sorted(staff, key=lambda e: e.name, reverse=True))
print(max(staff, key=lambda e: e.salary), min(staff))
staff.sort(key=lambda e: e.dept)
print(staff)
by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e.name)
print(by_dept)
