# Walrus operator inside comprehensions and while loops; binding escapes comprehension.
data = [3, 8, 1, 9, 4]
print([y for x in data if (y := x * 2) > 5], y)
total = 0
print([total := total + x for x in data], total)
def chunks(s):
    i = 0
    out = []
    while (piece := s[i:i + 3]):
        out.append(piece)
        i += 3
    return out
print(chunks("abcdefgh"))
if (n := len(data)) > 3:
    print("long list", n)
print([m for v in ["12", "x", "7"] if (m := v.isdigit())])
