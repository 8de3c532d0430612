# A hand-written tokenizer for a small expression language, plus an evaluator (shunting-yard).
KEYWORDS = {"let", "print", "if", "else"}
def tokenize(src):
    toks, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            toks.append(("NUM", float(text) if "." in text else int(text)))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            toks.append(("KW" if word in KEYWORDS else "ID", word))
            i = j
        elif c == '"':
            j = src.index('"', i + 1)
            toks.append(("STR", src[i + 1:j]))
            i = j + 1
        elif src[i:i + 2] in ("==", "!=", "<=", ">=", "**"):
            toks.append(("OP", src[i:i + 2]))
            i += 2
        elif c in "+-*/()=<>;%":
            toks.append(("OP", c))
            i += 1
        else:
            raise SyntaxError(f"unexpected character {c!r} at {i}")
    return toks
PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "**": 3}
def to_rpn(toks):
    out, stack = [], []
    for kind, val in toks:
        if kind in ("NUM", "ID"):
            out.append(val)
        elif val == "(":
            stack.append(val)
        elif val == ")":
            while stack[-1] != "(":
                out.append(stack.pop())
            stack.pop()
        else:
            while stack and stack[-1] != "(" and (PREC[stack[-1]] > PREC[val] or (PREC[stack[-1]] == PREC[val] and val != "**")):
                out.append(stack.pop())
            stack.append(val)
    while stack:
        out.append(stack.pop())
    return out
def eval_rpn(rpn, env):
    st = []
    for t in rpn:
        if isinstance(t, (int, float)):
            st.append(t)
        elif t in PREC:
            b, a = st.pop(), st.pop()
            st.append({"+": a + b, "-": a - b, "*": a * b, "/": a / b, "%": a % b, "**": a ** b}[t])
        else:
            st.append(env[t])
    return st[0]
print(tokenize('let x = 3.5 * (y + 42); print "hi" if x >= 2'))
env = {"x": 7, "y": 2}
for e in ("1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "x * y - 4 / 2", "x % 4 + y ** 10", "10 / 4", "100 - 3 - 2"):
    rpn = to_rpn(tokenize(e))
    print(f"{e:<20} rpn={' '.join(map(str, rpn)):<24} = {eval_rpn(rpn, env)}")
try:
    tokenize("1 + $")
except SyntaxError as err:
    print("SyntaxError:", err)
