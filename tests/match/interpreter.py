# A small expression evaluator written with match (a realistic program).
def tokenize(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            out.append(("num", int(s[i:j])))
            i = j
        elif c.isalpha():
            j = i
            while j < len(s) and s[j].isalnum():
                j += 1
            out.append(("name", s[i:j]))
            i = j
        else:
            out.append(("op", c))
            i += 1
    return out

def parse(tokens):
    pos = 0
    def peek():
        return tokens[pos] if pos < len(tokens) else ("end", None)
    def advance():
        nonlocal pos
        t = tokens[pos]
        pos += 1
        return t
    def atom():
        match advance():
            case ("num", n):
                return ("const", n)
            case ("name", name):
                if peek() == ("op", "("):
                    advance()
                    arg = expr()
                    advance()
                    return ("call", name, arg)
                return ("var", name)
            case ("op", "("):
                e = expr()
                advance()
                return e
            case ("op", "-"):
                return ("neg", atom())
            case tok:
                raise SyntaxError(f"unexpected {tok}")
    def term():
        left = atom()
        while True:
            match peek():
                case ("op", ("*" | "/") as op):
                    advance()
                    left = (op, left, atom())
                case _:
                    return left
    def expr():
        left = term()
        while True:
            match peek():
                case ("op", "+" | "-"):
                    op = advance()[1]
                    left = (op, left, term())
                case _:
                    return left
    return expr()

def evaluate(node, env):
    match node:
        case ("const", value):
            return value
        case ("var", name) if name in env:
            return env[name]
        case ("var", name):
            raise NameError(f"undefined {name}")
        case ("neg", inner):
            return -evaluate(inner, env)
        case ("call", "double", arg):
            return 2 * evaluate(arg, env)
        case ("call", fname, _):
            raise NameError(f"unknown function {fname}")
        case (("+" | "-" | "*" | "/") as op, left, right):
            a, b = evaluate(left, env), evaluate(right, env)
            match op:
                case "+": return a + b
                case "-": return a - b
                case "*": return a * b
                case "/": return a // b

def simplify(node):
    match node:
        case ("*", ("const", 0), _) | ("*", _, ("const", 0)):
            return ("const", 0)
        case ("*", ("const", 1), x) | ("*", x, ("const", 1)):
            return simplify(x)
        case ("+", ("const", 0), x) | ("+", x, ("const", 0)):
            return simplify(x)
        case (op, l, r):
            return (op, simplify(l), simplify(r))
        case _:
            return node

env = {"x": 6, "y": 7}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "x * y - 2", "double(x) + -y", "0 * x + y * 1", "z + 1", "foo(1)"]:
    tree = parse(tokenize(src))
    print(src, "=>", tree)
    print("  simplified:", simplify(tree))
    try:
        print("  value:", evaluate(tree, env))
    except NameError as e:
        print("  error:", e)
