# A traceback mixing native and interpreted frames, with <string> and compile() names.
def native_entry(f):
    return f(3)


ns = {"native_entry": native_entry}
exec(compile('''
def level2(n):
    return 10 // (n - 3)

def level1():
    return native_entry(level2)
''', "plugin_code.py", "exec"), ns)


def outer():
    return ns["level1"]()


try:
    outer()
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append((tb.tb_frame.f_code.co_filename.rsplit("/", 1)[-1], tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)

exec("def bad():\n    return undefined_name\n", ns)
ns["bad"]()
