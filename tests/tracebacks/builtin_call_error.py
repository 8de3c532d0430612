# traceback with markers for an error inside a builtin call
values = ["3", "4", "five"]
numbers = [int(v) for v in values[:2]]
print(numbers)
total = sum(int(v) for v in values)
