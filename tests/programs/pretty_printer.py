# JSON-like pretty printer and serializer for nested dict/list/str/number/bool/None structures.
def esc(s):
    out = []
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif ord(c) < 32:
            out.append("\\u%04x" % ord(c))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'
def dump(v, indent=0, step=2):
    pad = " " * indent
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return esc(v)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        inner = (",\n").join(" " * (indent + step) + dump(x, indent + step, step) for x in v)
        return "[\n" + inner + "\n" + pad + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [" " * (indent + step) + esc(str(k)) + ": " + dump(x, indent + step, step) for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    raise TypeError(f"cannot serialize {type(v).__name__}")
def compact(v):
    if isinstance(v, dict):
        return "{" + ",".join(esc(str(k)) + ":" + compact(x) for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(compact(x) for x in v) + "]"
    return dump(v)
doc = {"name": "pyc", "version": [0, 1, 0], "stable": False, "deps": None,
       "authors": [{"name": "Zoë", "email": None}, {"name": 'Q "the" Dev', "tags": ["a\nb", "tab\t"]}],
       "ratio": 0.1 + 0.2, "big": 2 ** 70, "empty": {}, "nothing": [], "nested": {"a": {"b": {"c": [1, [2, [3]]]}}}}
print(dump(doc))
print(compact(doc))
try:
    dump({"bad": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
