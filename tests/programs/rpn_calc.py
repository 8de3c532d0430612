# RPN calculator reading expressions from stdin, one per line, with error reporting per line.
import sys
import math
OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
       "/": lambda a, b: a / b, "^": lambda a, b: a ** b}
FUNCS = {"sqrt": math.sqrt, "neg": lambda a: -a, "abs": abs}
def calc(line):
    st = []
    for tok in line.split():
        if tok in OPS:
            if len(st) < 2:
                raise ValueError(f"not enough operands for {tok}")
            b, a = st.pop(), st.pop()
            st.append(OPS[tok](a, b))
        elif tok in FUNCS:
            st.append(FUNCS[tok](st.pop()))
        else:
            st.append(float(tok) if "." in tok else int(tok))
    if len(st) != 1:
        raise ValueError(f"stack has {len(st)} items at end")
    return st[0]
for n, line in enumerate(sys.stdin, 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    try:
        print(f"{n}: {line} = {calc(line)}")
    except ZeroDivisionError as e:
        print(f"{n}: {line} -> division error: {e}")
    except (ValueError, IndexError) as e:
        print(f"{n}: {line} -> error: {type(e).__name__}: {e}")
