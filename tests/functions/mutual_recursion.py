# Mutual recursion and recursion over nested data.
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print([is_even(i) for i in range(7)], is_odd(301), is_even(800))
def flatten(x):
    out = []
    for e in x:
        if isinstance(e, (list, tuple)):
            out.extend(flatten(e))
        else:
            out.append(e)
    return out
print(flatten([1, [2, (3, [4, [5]])], [], 6]))
def count_nodes(tree):
    return 1 + sum(count_nodes(c) for c in tree.get("children", []))
t = {"children": [{"children": [{}, {}]}, {}, {"children": [{"children": [{}]}]}]}
print(count_nodes(t))
def expr(tokens, pos):
    val, pos = term(tokens, pos)
    while pos < len(tokens) and tokens[pos] in "+-":
        op = tokens[pos]
        rhs, pos = term(tokens, pos + 1)
        val = val + rhs if op == "+" else val - rhs
    return val, pos
def term(tokens, pos):
    val, pos = atom(tokens, pos)
    while pos < len(tokens) and tokens[pos] in "*/":
        op = tokens[pos]
        rhs, pos = atom(tokens, pos + 1)
        val = val * rhs if op == "*" else val // rhs
    return val, pos
def atom(tokens, pos):
    if tokens[pos] == "(":
        val, pos = expr(tokens, pos + 1)
        return val, pos + 1
    return int(tokens[pos]), pos + 1
for src in ("1+2*3", "(1+2)*3", "2*(3+4)*5-6/2", "((7))", "8/3-1"):
    print(src, expr(list(src), 0)[0])
