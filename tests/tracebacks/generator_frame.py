# traceback through generator frames
def gen(n):
    for i in range(n):
        yield 10 // (2 - i)
def consume():
    return [v for v in gen(4)]
print(consume())
