# eval/exec/compile: modes, globals/locals, code objects, flags, errors.
x = 10
print(eval("x * 2 + 1"))
print(eval("y + 1", {"y": 41}))
print(eval("a + b", {"a": 1}, {"b": 2}))
g = {}
exec("def f(n):\n    return n * n\nz = f(7)", g)
print(g["z"], sorted(k for k in g if k != "__builtins__"))
print("__builtins__" in g)

code = compile("1 + 2 * 3", "<calc>", "eval")
print(type(code).__name__, code.co_filename, code.co_name)
print(eval(code))
code2 = compile("for i in range(3):\n    print('loop', i)\n", "<loop>", "exec")
exec(code2)
print(code2.co_filename, code2.co_name)
single = compile("40 + 2", "<single>", "single")
exec(single)  # 'single' mode prints expression values like the REPL
exec(compile("None", "<single>", "single"))  # None prints nothing
print(eval(compile("[i * i for i in range(5)]", "<e>", "eval")))

# exec returns None; eval of statements is a SyntaxError
print(exec("pass"))
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.filename, e.lineno)
try:
    compile("def (", "<bad>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.filename, e.lineno, e.offset)
try:
    compile("1", "<x>", "nope")
except ValueError as e:
    print("ValueError:", e)
try:
    eval(42)
except TypeError as e:
    print("TypeError:", e)
try:
    exec("1", [])
except TypeError as e:
    print("TypeError:", e)

# bytes source, dont_inherit, flags=0
print(eval(b"'bytes' + ' source'"))
print(eval(compile("3 ** 2", "<f>", "eval", 0, True)))

# locals mapping that is not a dict
class Recorder(dict):
    def __missing__(self, key):
        return f"<{key}>"

print(eval("unknown_name", {}, Recorder()))

# exec in a function: locals() snapshot semantics (3.11)
def snapshot():
    a = 1
    loc = locals()
    exec("a = 2; b = 3", globals(), loc)
    return a, loc["a"], loc["b"]

print(snapshot())

# eval sees the enclosing globals by default, not the function's locals dict changes
def uses_globals():
    return eval("x + 1")

print(uses_globals())
