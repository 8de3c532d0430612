# keyword arguments to builtins and their errors
print(sorted([3, 1, 2], reverse=True), int("ff", base=16), print("x", end="|\n"))
print(max([1, 2], key=lambda x: -x), "a-b".split(sep="-"), "abc".encode(encoding="ascii"))
for call in [lambda: len(obj=[1]), lambda: int(x="5"), lambda: sorted([1], foo=1), lambda: "a".split(maxsplit="x"), lambda: [].append(x=1)]:
    try:
        call()
    except TypeError as e:
        print(e)
print(dict(a=1, b=2), round(number=2.567, ndigits=1), divmod(7, 3))
