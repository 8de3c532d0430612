# Interpreter for a tiny stack language (Forth-like) with words, conditionals and loops.
class StackError(Exception):
    pass
class VM:
    def __init__(self):
        self.stack = []
        self.words = {}
        self.out = []
    def pop(self):
        if not self.stack:
            raise StackError("stack underflow")
        return self.stack.pop()
    def run(self, src):
        self.execute(src.split())
    def execute(self, toks):
        i = 0
        while i < len(toks):
            t = toks[i]
            if t == ":":
                end = toks.index(";", i)
                self.words[toks[i + 1]] = toks[i + 2:end]
                i = end
            elif t == "if":
                depth, j, els = 1, i + 1, None
                while depth:
                    if toks[j] == "if":
                        depth += 1
                    elif toks[j] == "then":
                        depth -= 1
                    elif toks[j] == "else" and depth == 1:
                        els = j
                    j += 1
                cond = self.pop()
                then_part = toks[i + 1:els if els is not None else j - 1]
                else_part = toks[els + 1:j - 1] if els is not None else []
                self.execute(then_part if cond else else_part)
                i = j - 1
            elif t == "times":
                n, body_word = self.pop(), toks[i + 1]
                for _ in range(n):
                    self.execute(self.words[body_word])
                i += 1
            elif t in self.words:
                self.execute(self.words[t])
            elif t.lstrip("-").isdigit():
                self.stack.append(int(t))
            elif t in ("+", "-", "*", "/", "mod", "<", ">", "="):
                b, a = self.pop(), self.pop()
                if t == "/" and b == 0:
                    raise StackError("division by zero")
                self.stack.append({"+": a + b, "-": a - b, "*": a * b, "/": a // b if b else 0, "mod": a % b if b else 0,
                                   "<": int(a < b), ">": int(a > b), "=": int(a == b)}[t])
            elif t == "dup":
                v = self.pop(); self.stack += [v, v]
            elif t == "swap":
                b, a = self.pop(), self.pop(); self.stack += [b, a]
            elif t == "drop":
                self.pop()
            elif t == "over":
                b, a = self.pop(), self.pop(); self.stack += [a, b, a]
            elif t == ".":
                self.out.append(str(self.pop()))
            else:
                raise StackError(f"unknown word {t!r}")
            i += 1
programs = [
    "2 3 + 4 * .",
    ": sq dup * ; 7 sq . 12 sq .",
    ": fact dup 1 > if dup 1 - fact * then ; 10 fact . 20 fact .",
    "5 3 < if 111 . else 222 . then 3 5 < if 333 . else 444 . then",
    ": star 42 . ; 3 times star",
    "1 2 3 swap . . . 4 5 over . . .",
    "1 0 /",
    "+",
    "1 2 frob",
    ": fib dup 2 < if else dup 1 - fib swap 2 - fib + then ; 15 fib .",
]
for p in programs:
    vm = VM()
    try:
        vm.run(p)
        print(f"{p!r:60} -> {' '.join(vm.out)} stack={vm.stack}")
    except StackError as e:
        print(f"{p!r:60} -> error: {e} (output so far: {vm.out})")
