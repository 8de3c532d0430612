# a recursive pretty printer and a tiny JSON-like serializer/parser
def dump(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [f'{pad}  "{k}": {dump(val, indent + 1)}' for k, val in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(v, list):
        return "[" + ", ".join(dump(x, indent) for x in v) + "]"
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v)
data = {"name": "pyc", "version": [0, 1], "ok": True, "none": None, "nested": {"a": 1.5, "q": 'say "hi"', "e": {}}}
print(dump(data))
def parse(s):
    pos = 0
    def ws():
        nonlocal pos
        while pos < len(s) and s[pos] in " \n":
            pos += 1
    def value():
        nonlocal pos
        ws()
        c = s[pos]
        if c == "{":
            pos += 1
            out = {}
            ws()
            if s[pos] == "}":
                pos += 1
                return out
            while True:
                ws()
                k = value()
                ws()
                assert s[pos] == ":", pos
                pos += 1
                out[k] = value()
                ws()
                if s[pos] == ",":
                    pos += 1
                    continue
                pos += 1
                return out
        if c == "[":
            pos += 1
            out = []
            ws()
            if s[pos] == "]":
                pos += 1
                return out
            while True:
                out.append(value())
                ws()
                pos += 1
                if s[pos - 1] == "]":
                    return out
        if c == '"':
            j = pos + 1
            buf = ""
            while s[j] != '"':
                if s[j] == "\\":
                    j += 1
                buf += s[j]
                j += 1
            pos = j + 1
            return buf
        for word, val in (("true", True), ("false", False), ("null", None)):
            if s.startswith(word, pos):
                pos += len(word)
                return val
        j = pos
        while j < len(s) and (s[j].isdigit() or s[j] in "-.e"):
            j += 1
        tok = s[pos:j]
        pos = j
        return float(tok) if "." in tok or "e" in tok else int(tok)
    return value()
back = parse(dump(data))
print(back == data, back)
