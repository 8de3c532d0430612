# f-string basics: expressions, nested quotes, escapes of braces
name = "world"
n = 42
print(f"hello {name}!")
print(f"{n} + 1 = {n + 1}")
print(f"{{literal}} {n}")
print(f"{[1, 2, 3][1]} {dict(a=1)['a']}")
print(f"{name.upper()} {len(name)}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|")
print(f"{3.14159:.2f} {2.5:e} {1234567:,} {0.25:%}")
print(f"a" f"b{n}" "c")
print(F"upper F {n}")
print(f"""triple {n}
line two {name}""")
print(rf"raw \n {n}", fr"\t{name}")
