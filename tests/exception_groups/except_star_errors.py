# except* errors: invalid types and forbidden return.
for t in ["ExceptionGroup", "(ValueError, ExceptionGroup)", "int"]:
    src = f"""
try:
    raise ValueError(1)
except* {t}:
    pass
"""
    try:
        exec(src)
    except TypeError as e:
        print(t, "->", e)
src = """
def f():
    try:
        pass
    except* ValueError:
        return 1
"""
try:
    compile(src, "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
