# A scheduler with Future objects: coroutines wait on futures resolved by other tasks.
class Future:
    def __init__(self, name):
        self.name = name
        self.done = False
        self.result = None
        self.waiters = []
    def set_result(self, v):
        self.done = True
        self.result = v
    def __await__(self):
        while not self.done:
            yield self
        return self.result

class Scheduler:
    def __init__(self):
        self.tasks = []
        self.log = []
    def add(self, name, coro):
        self.tasks.append([name, coro, None])
    def run(self):
        rounds = 0
        while self.tasks:
            rounds += 1
            for task in list(self.tasks):
                name, coro, _ = task
                try:
                    waiting_on = coro.send(None)
                    task[2] = waiting_on
                except StopIteration as e:
                    print(f"{name} returned {e.value!r}")
                    self.tasks.remove(task)
        print("rounds:", rounds)

ready = Future("ready")
data = Future("data")

async def producer():
    print("producer: preparing")
    ready.set_result("go")
    print("producer: waiting one round")
    await Future("never") if False else None
    data.set_result([1, 2, 3])
    return "produced"

async def consumer(tag):
    signal = await ready
    print(f"{tag}: got signal {signal}")
    items = await data
    print(f"{tag}: got items {items}")
    return sum(items)

s = Scheduler()
s.add("c1", consumer("c1"))
s.add("c2", consumer("c2"))
s.add("p", producer())
s.run()
