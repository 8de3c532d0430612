# Assignment expressions in if/while, in function args, reading input-like data.
lines = ["first", "second", "", "ignored"]
idx = 0
def next_line():
    global idx
    l = lines[idx]
    idx += 1
    return l
while (line := next_line()):
    print("line:", line)
if (m := max([3, 7, 2])) > 5:
    print("max is", m)
print((w := 5) * 2, w)
data = {"a": 1}
if (val := data.get("a")) is not None:
    print("found", val)
if (val := data.get("z")) is None:
    print("missing", val)
