# A tiny cooperative scheduler using generators round-robin (deterministic interleaving).
def task(name, n):
    for i in range(n):
        got = yield f"{name} step {i}"
        if got:
            print(f"  {name} received {got}")
    return f"{name} done"
tasks = [task("A", 3), task("B", 2), task("C", 4)]
results = []
queue = list(tasks)
tick = 0
pending = {}
while queue:
    t = queue.pop(0)
    try:
        msg = t.send(pending.pop(id(t), None)) if tick >= len(tasks) else next(t)
        print(msg)
        if tick % 3 == 0:
            pending[id(t)] = f"tick{tick}"
        queue.append(t)
    except StopIteration as e:
        results.append(e.value)
    tick += 1
print(results)
