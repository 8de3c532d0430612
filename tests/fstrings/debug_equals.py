# f-string = specifier (self-documenting expressions)
x = 10
y = "text"
print(f"{x=}")
print(f"{x = }")
print(f"{x+1=}")
print(f"{y=}")
print(f"{y=!s}")
print(f"{x=:5}|")
print(f"{x * 2 = :>6}|")
print(f"{y=!r}")
lst = [1, 2]
print(f"{lst[0]=} {len(lst)=}")
print(f"{3.5=:.3f}")
