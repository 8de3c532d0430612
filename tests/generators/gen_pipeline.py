# A text-processing pipeline made of generators over a fixed multi-line string.
TEXT = """# config file
name = demo
   size=  10
# comment
mode = fast   
empty =
"""
def lines(text):
    for line in text.splitlines():
        yield line
def strip_comments(ls):
    for l in ls:
        if not l.strip().startswith("#"):
            yield l
def parse(ls):
    for l in ls:
        if "=" in l:
            k, v = l.split("=", 1)
            yield k.strip(), v.strip()
cfg = dict(parse(strip_comments(lines(TEXT))))
print(cfg)
print({k: (int(v) if v.isdigit() else v or None) for k, v in cfg.items()})
