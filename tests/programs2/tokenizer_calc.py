# a generator-based tokenizer and shunting-yard calculator with error reporting
def tokens(s):
    i = 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] == "."):
                j += 1
            yield ("num", float(s[i:j]) if "." in s[i:j] else int(s[i:j]))
            i = j
        elif c in "+-*/()^%":
            yield ("op", c)
            i += 1
        else:
            raise SyntaxError(f"bad char {c!r} at {i}")
PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}
def to_rpn(s):
    out, stack = [], []
    for kind, v in tokens(s):
        if kind == "num":
            out.append(v)
        elif v == "(":
            stack.append(v)
        elif v == ")":
            while stack and stack[-1] != "(":
                out.append(stack.pop())
            if not stack:
                raise SyntaxError("unbalanced )")
            stack.pop()
        else:
            while stack and stack[-1] != "(" and (PREC[stack[-1]] > PREC[v] or PREC[stack[-1]] == PREC[v] and v != "^"):
                out.append(stack.pop())
            stack.append(v)
    while stack:
        op = stack.pop()
        if op == "(":
            raise SyntaxError("unbalanced (")
        out.append(op)
    return out
def evaluate(rpn):
    st = []
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b, "%": lambda a, b: a % b, "^": lambda a, b: a ** b}
    for t in rpn:
        if isinstance(t, str):
            b, a = st.pop(), st.pop()
            st.append(ops[t](a, b))
        else:
            st.append(t)
    return st[0]
for expr in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "10 / 4", "7 % 3 + 0.5", "2 * (3 + 4) - 5 / (1 + 1)", "1 / 0", "(1 + 2", "1 + 2)", "3 $ 4", "1 +"]:
    try:
        rpn = to_rpn(expr)
        print(f"{expr:<28} {' '.join(map(str, rpn)):<24} = {evaluate(rpn)}")
    except (SyntaxError, ZeroDivisionError, IndexError) as e:
        print(f"{expr:<28} error {type(e).__name__}: {e}")
