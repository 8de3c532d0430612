# nested replacement fields inside format specs
width = 10
prec = 3
val = 3.14159265
print(f"{val:{width}.{prec}f}|")
print(f"{val:>{width}}|")
for w in range(3, 7):
    print(f"{'ab':{'^'}{w}}|")
fill = "*"
align = "^"
print(f"{'mid':{fill}{align}{width}}")
print(f"{42:{'#x'}}", f"{255:#0{8}b}")
spec = ".2%"
print(f"{0.1234:{spec}}")
print(f"{'x' * 3:{len('abcde')}}|")
