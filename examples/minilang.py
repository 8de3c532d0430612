# A tiny language: tokenizer (generator), recursive-descent parser (classes), tree-walking
# evaluator with closures, lists, while/if, functions, return, and its own error types.
import sys


class LangError(Exception):
    """Base class for every error of the little language."""

    def __init__(self, msg, line):
        super().__init__(f"line {line}: {msg}")
        self.line = line


class LexError(LangError):
    pass


class ParseError(LangError):
    pass


class RuntimeErr(LangError):
    pass


class Token:
    __slots__ = ("kind", "text", "line")

    def __init__(self, kind, text, line):
        self.kind = kind
        self.text = text
        self.line = line

    def __repr__(self):
        return f"Token({self.kind}, {self.text!r}, {self.line})"


KEYWORDS = {"let", "fn", "if", "else", "while", "return", "print", "true", "false", "nil", "and", "or", "not"}
TWO_CHAR = {"==", "!=", "<=", ">=", "->"}
ONE_CHAR = set("+-*/%<>=(){}[],;")


def tokenize(src):
    """Yield tokens lazily; raises LexError on a bad character."""
    i, line, n = 0, 1, len(src)
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif c == "#":
            while i < n and src[i] != "\n":
                i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            yield Token("num", src[i:j], line)
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            yield Token("kw" if word in KEYWORDS else "name", word, line)
            i = j
        elif c == '"':
            j = i + 1
            buf = []
            while j < n and src[j] != '"':
                if src[j] == "\\" and j + 1 < n:
                    j += 1
                    buf.append({"n": "\n", "t": "\t"}.get(src[j], src[j]))
                else:
                    buf.append(src[j])
                j += 1
            if j >= n:
                raise LexError("unterminated string", line)
            yield Token("str", "".join(buf), line)
            i = j + 1
        elif src[i:i + 2] in TWO_CHAR:
            yield Token("op", src[i:i + 2], line)
            i += 2
        elif c in ONE_CHAR:
            yield Token("op", c, line)
            i += 1
        else:
            raise LexError(f"unexpected character {c!r}", line)
    yield Token("eof", "", line)


# ----- AST nodes -----------------------------------------------------------------------

class Node:
    fields = ()

    def __init__(self, line, *values):
        self.line = line
        for f, v in zip(self.fields, values):
            setattr(self, f, v)

    def __repr__(self):
        inner = ", ".join(repr(getattr(self, f)) for f in self.fields)
        return f"{type(self).__name__}({inner})"


class Num(Node): fields = ("value",)
class Str(Node): fields = ("value",)
class Const(Node): fields = ("value",)
class Var(Node): fields = ("name",)
class ListLit(Node): fields = ("items",)
class Unary(Node): fields = ("op", "operand")
class Binary(Node): fields = ("op", "left", "right")
class Logical(Node): fields = ("op", "left", "right")
class Call(Node): fields = ("callee", "args")
class Index(Node): fields = ("target", "index")
class Lambda(Node): fields = ("params", "body")
class Let(Node): fields = ("name", "value")
class Assign(Node): fields = ("name", "value")
class SetIndex(Node): fields = ("target", "index", "value")
class If(Node): fields = ("cond", "then", "other")
class While(Node): fields = ("cond", "body")
class Return(Node): fields = ("value",)
class Print(Node): fields = ("args",)
class ExprStmt(Node): fields = ("expr",)
class Block(Node): fields = ("stmts",)
class FnDef(Node): fields = ("name", "params", "body")


class Parser:
    PRECEDENCE = [("or",), ("and",), ("==", "!="), ("<", "<=", ">", ">="), ("+", "-"), ("*", "/", "%")]

    def __init__(self, tokens):
        self.toks = list(tokens)
        self.pos = 0

    @property
    def cur(self):
        return self.toks[self.pos]

    def advance(self):
        t = self.toks[self.pos]
        self.pos += 1
        return t

    def check(self, text):
        return self.cur.text == text and self.cur.kind in ("op", "kw")

    def expect(self, text):
        if not self.check(text):
            raise ParseError(f"expected {text!r}, found {self.cur.text or 'end of input'!r}", self.cur.line)
        return self.advance()

    def program(self):
        stmts = []
        while self.cur.kind != "eof":
            stmts.append(self.statement())
        return Block(1, stmts)

    def block(self):
        line = self.expect("{").line
        stmts = []
        while not self.check("}"):
            if self.cur.kind == "eof":
                raise ParseError("unclosed block", line)
            stmts.append(self.statement())
        self.advance()
        return Block(line, stmts)

    def statement(self):
        t = self.cur
        if self.check("let"):
            self.advance()
            name = self.name()
            self.expect("=")
            value = self.expression()
            self.expect(";")
            return Let(t.line, name, value)
        if self.check("fn") and self.toks[self.pos + 1].kind == "name":
            self.advance()
            name = self.name()
            params = self.params()
            return FnDef(t.line, name, params, self.block())
        if self.check("if"):
            self.advance()
            cond = self.expression()
            then = self.block()
            other = None
            if self.check("else"):
                self.advance()
                other = self.statement() if self.check("if") else self.block()
            return If(t.line, cond, then, other)
        if self.check("while"):
            self.advance()
            return While(t.line, self.expression(), self.block())
        if self.check("return"):
            self.advance()
            value = None if self.check(";") else self.expression()
            self.expect(";")
            return Return(t.line, value)
        if self.check("print"):
            self.advance()
            self.expect("(")
            args = self.arguments()
            self.expect(";")
            return Print(t.line, args)
        expr = self.expression()
        if self.check("="):
            self.advance()
            value = self.expression()
            self.expect(";")
            if isinstance(expr, Var):
                return Assign(t.line, expr.name, value)
            if isinstance(expr, Index):
                return SetIndex(t.line, expr.target, expr.index, value)
            raise ParseError("invalid assignment target", t.line)
        self.expect(";")
        return ExprStmt(t.line, expr)

    def name(self):
        if self.cur.kind != "name":
            raise ParseError(f"expected a name, found {self.cur.text!r}", self.cur.line)
        return self.advance().text

    def params(self):
        self.expect("(")
        names = []
        while not self.check(")"):
            names.append(self.name())
            if not self.check(")"):
                self.expect(",")
        self.advance()
        return names

    def arguments(self):
        args = []
        while not self.check(")"):
            args.append(self.expression())
            if not self.check(")"):
                self.expect(",")
        self.advance()
        return args

    def expression(self, level=0):
        if level == len(self.PRECEDENCE):
            return self.unary()
        left = self.expression(level + 1)
        ops = self.PRECEDENCE[level]
        while self.cur.kind in ("op", "kw") and self.cur.text in ops:
            t = self.advance()
            right = self.expression(level + 1)
            kind = Logical if t.text in ("and", "or") else Binary
            left = kind(t.line, t.text, left, right)
        return left

    def unary(self):
        if self.check("-") or self.check("not"):
            t = self.advance()
            return Unary(t.line, t.text, self.unary())
        return self.postfix()

    def postfix(self):
        expr = self.primary()
        while True:
            if self.check("("):
                line = self.advance().line
                expr = Call(line, expr, self.arguments())
            elif self.check("["):
                line = self.advance().line
                idx = self.expression()
                self.expect("]")
                expr = Index(line, expr, idx)
            else:
                return expr

    def primary(self):
        t = self.advance()
        if t.kind == "num":
            return Num(t.line, int(t.text))
        if t.kind == "str":
            return Str(t.line, t.text)
        if t.kind == "name":
            return Var(t.line, t.text)
        if t.kind == "kw" and t.text in ("true", "false", "nil"):
            return Const(t.line, {"true": True, "false": False, "nil": None}[t.text])
        if t.kind == "kw" and t.text == "fn":
            self.pos -= 1
            self.advance()
            params = self.params()
            return Lambda(t.line, params, self.block())
        if t.text == "(":
            e = self.expression()
            self.expect(")")
            return e
        if t.text == "[":
            return ListLit(t.line, self.arguments_until("]"))
        raise ParseError(f"unexpected {t.text or 'end of input'!r}", t.line)

    def arguments_until(self, close):
        items = []
        while not self.check(close):
            items.append(self.expression())
            if not self.check(close):
                self.expect(",")
        self.advance()
        return items


# ----- evaluation -------------------------------------------------------------------------

class ReturnSignal(Exception):
    def __init__(self, value):
        self.value = value


class Env:
    def __init__(self, parent=None):
        self.vars = {}
        self.parent = parent

    def lookup(self, name, line):
        env = self
        while env is not None:
            if name in env.vars:
                return env.vars[name]
            env = env.parent
        raise RuntimeErr(f"undefined variable {name!r}", line)

    def assign(self, name, value, line):
        env = self
        while env is not None:
            if name in env.vars:
                env.vars[name] = value
                return
            env = env.parent
        raise RuntimeErr(f"assignment to undeclared {name!r}", line)


class Function:
    def __init__(self, name, params, body, closure):
        self.name, self.params, self.body, self.closure = name, params, body, closure

    def __repr__(self):
        return f"<fn {self.name}/{len(self.params)}>"


class Builtin:
    def __init__(self, name, fn, arity):
        self.name, self.fn, self.arity = name, fn, arity

    def __repr__(self):
        return f"<builtin {self.name}>"


def show(v):
    if v is None:
        return "nil"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, list):
        return "[" + ", ".join(show(x) for x in v) + "]"
    return str(v)


class Interpreter:
    def __init__(self, out):
        self.out = out
        self.globals = Env()
        self.steps = 0
        for name, fn, arity in [
            ("len", lambda a: len(a), 1),
            ("push", lambda a, v: a.append(v), 2),
            ("str", lambda v: show(v), 1),
            ("range", lambda n: list(range(n)), 1),
        ]:
            self.globals.vars[name] = Builtin(name, fn, arity)

    def run(self, src):
        tree = Parser(tokenize(src)).program()
        self.exec_block(tree.stmts, self.globals)

    def exec_block(self, stmts, env):
        for s in stmts:
            self.exec(s, env)

    def exec(self, s, env):
        self.steps += 1
        kind = type(s).__name__
        if kind == "Let":
            env.vars[s.name] = self.eval(s.value, env)
        elif kind == "Assign":
            env.assign(s.name, self.eval(s.value, env), s.line)
        elif kind == "SetIndex":
            target = self.eval(s.target, env)
            idx = self.eval(s.index, env)
            self.check_index(target, idx, s.line)
            target[idx] = self.eval(s.value, env)
        elif kind == "FnDef":
            env.vars[s.name] = Function(s.name, s.params, s.body, env)
        elif kind == "If":
            if self.truthy(self.eval(s.cond, env)):
                self.exec_block(s.then.stmts, Env(env))
            elif s.other is not None:
                if isinstance(s.other, Block):
                    self.exec_block(s.other.stmts, Env(env))
                else:
                    self.exec(s.other, env)
        elif kind == "While":
            while self.truthy(self.eval(s.cond, env)):
                self.exec_block(s.body.stmts, Env(env))
        elif kind == "Return":
            raise ReturnSignal(None if s.value is None else self.eval(s.value, env))
        elif kind == "Print":
            self.out.append(" ".join(show(self.eval(a, env)) for a in s.args))
        elif kind == "ExprStmt":
            self.eval(s.expr, env)
        else:
            raise RuntimeErr(f"cannot execute {kind}", s.line)

    @staticmethod
    def truthy(v):
        return not (v is None or v is False or v == 0 and not isinstance(v, bool) and v is not True)

    def check_index(self, target, idx, line):
        if not isinstance(target, list):
            raise RuntimeErr(f"cannot index {show(target)}", line)
        if not isinstance(idx, int) or isinstance(idx, bool):
            raise RuntimeErr("index must be a number", line)
        if not -len(target) <= idx < len(target):
            raise RuntimeErr(f"index {idx} out of range for length {len(target)}", line)

    def eval(self, e, env):
        kind = type(e).__name__
        if kind in ("Num", "Str", "Const"):
            return e.value
        if kind == "Var":
            return env.lookup(e.name, e.line)
        if kind == "ListLit":
            return [self.eval(x, env) for x in e.items]
        if kind == "Lambda":
            return Function("lambda", e.params, e.body, env)
        if kind == "Unary":
            v = self.eval(e.operand, env)
            if e.op == "-":
                if not isinstance(v, int) or isinstance(v, bool):
                    raise RuntimeErr(f"cannot negate {show(v)}", e.line)
                return -v
            return not self.truthy(v)
        if kind == "Logical":
            left = self.eval(e.left, env)
            if e.op == "and":
                return self.eval(e.right, env) if self.truthy(left) else left
            return left if self.truthy(left) else self.eval(e.right, env)
        if kind == "Binary":
            return self.binary(e.op, self.eval(e.left, env), self.eval(e.right, env), e.line)
        if kind == "Index":
            target = self.eval(e.target, env)
            idx = self.eval(e.index, env)
            self.check_index(target, idx, e.line)
            return target[idx]
        if kind == "Call":
            fn = self.eval(e.callee, env)
            args = [self.eval(a, env) for a in e.args]
            return self.call(fn, args, e.line)
        raise RuntimeErr(f"cannot evaluate {kind}", e.line)

    def binary(self, op, a, b, line):
        if op == "==":
            return a == b and type(a) is type(b)
        if op == "!=":
            return not (a == b and type(a) is type(b))
        if op == "+" and isinstance(a, str) and isinstance(b, str):
            return a + b
        if op == "+" and isinstance(a, list) and isinstance(b, list):
            return a + b
        if not (type(a) is int and type(b) is int):
            raise RuntimeErr(f"bad operands for {op}: {show(a)} and {show(b)}", line)
        try:
            return {
                "+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b,
                "/": lambda: a // b, "%": lambda: a % b,
                "<": lambda: a < b, "<=": lambda: a <= b, ">": lambda: a > b, ">=": lambda: a >= b,
            }[op]()
        except ZeroDivisionError:
            raise RuntimeErr("division by zero", line) from None

    def call(self, fn, args, line):
        if isinstance(fn, Builtin):
            if len(args) != fn.arity:
                raise RuntimeErr(f"{fn.name} expects {fn.arity} argument(s), got {len(args)}", line)
            try:
                return fn.fn(*args)
            except (TypeError, AttributeError) as exc:
                raise RuntimeErr(f"{fn.name}: {exc}", line) from exc
        if not isinstance(fn, Function):
            raise RuntimeErr(f"{show(fn)} is not callable", line)
        if len(args) != len(fn.params):
            raise RuntimeErr(f"{fn.name} expects {len(fn.params)} argument(s), got {len(args)}", line)
        env = Env(fn.closure)
        env.vars.update(zip(fn.params, args))
        try:
            self.exec_block(fn.body.stmts, env)
        except ReturnSignal as r:
            return r.value
        return None


PROGRAMS = [
    ("arithmetic", 'print(1 + 2 * 3, (1 + 2) * 3, 7 / 2, 7 % 3, -4 + 1);'),
    ("strings", 'let s = "hello"; print(s + ", " + "world", len(s)); print("tab\\tand\\nnewline");'),
    ("factorial", '''
        fn fact(n) { if n <= 1 { return 1; } return n * fact(n - 1); }
        print(fact(10), fact(25));
    '''),
    ("closures", '''
        fn counter() { let n = 0; return fn() { n = n + 1; return n; }; }
        let c = counter(); c(); c();
        let d = counter();
        print(c(), d());
    '''),
    ("lists", '''
        let xs = [];
        let i = 0;
        while i < 6 { push(xs, i * i); i = i + 1; }
        print(xs, len(xs), xs[2], xs[-1]);
        xs[0] = 100;
        print(xs + [1, 2]);
    '''),
    ("higher order", '''
        fn map(f, xs) { let out = []; let i = 0; while i < len(xs) { push(out, f(xs[i])); i = i + 1; } return out; }
        fn filter(p, xs) { let out = []; let i = 0; while i < len(xs) { if p(xs[i]) { push(out, xs[i]); } i = i + 1; } return out; }
        let evens = filter(fn(x) { return x % 2 == 0; }, range(10));
        print(map(fn(x) { return x * 10; }, evens));
    '''),
    ("logic", 'print(true and false, true or false, not nil, nil or "default", 0 and 1, 1 == 1, "a" != "b", 1 == true);'),
    ("fizzbuzz", '''
        let i = 1; let out = [];
        while i <= 15 {
            if i % 15 == 0 { push(out, "FizzBuzz"); }
            else if i % 3 == 0 { push(out, "Fizz"); }
            else if i % 5 == 0 { push(out, "Buzz"); }
            else { push(out, i); }
            i = i + 1;
        }
        print(out);
    '''),
    ("fib memo", '''
        let memo = [0, 1];
        fn fib(n) { while len(memo) <= n { push(memo, memo[len(memo) - 1] + memo[len(memo) - 2]); } return memo[n]; }
        print(fib(90));
    '''),
    ("undefined", 'let a = 1; print(a + b);'),
    ("bad operands", 'print(1 + "x");'),
    ("div zero", 'fn f(x) { return 10 / x; } print(f(2)); print(f(0));'),
    ("index range", 'let xs = [1, 2]; print(xs[5]);'),
    ("arity", 'fn f(a, b) { return a; } f(1);'),
    ("not callable", 'let x = 3; x(1);'),
    ("lex error", 'let x = 3 @ 4;'),
    ("unterminated", 'print("oops);'),
    ("parse error", 'let = 5;'),
    ("missing paren", 'print(1, 2;'),
    ("unclosed block", 'fn f() { return 1;'),
    ("bad target", '1 + 2 = 3;'),
    ("builtin misuse", 'push(5, 1);'),
]


def main():
    total_ok = 0
    for title, src in PROGRAMS:
        interp = Interpreter([])
        try:
            interp.run(src)
            status = "ok"
            total_ok += 1
        except LangError as e:
            status = f"{type(e).__name__}: {e}"
            if e.__cause__ is not None:
                status += f" (caused by {type(e.__cause__).__name__})"
        print(f"== {title} [{interp.steps} steps]")
        for line in interp.out:
            print("  " + line)
        print("  ->", status)
    toks = list(tokenize('fn add(a, b) -> a + b; # comment\n"s" >= 10'))
    print(len(toks), toks[:4], toks[-2:])
    print(Parser(tokenize("1 + 2 * -x[0](y)")).expression())
    print(f"{total_ok} of {len(PROGRAMS)} programs ran cleanly")
    if len(sys.argv) > 1:
        Interpreter([]).run(sys.argv[1])


main()
