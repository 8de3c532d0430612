# random.py over _random: CPython's exact sequences for int, str, bytes and big-int seeds.
import random

random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.uniform(1, 2))
l = list(range(10))
random.shuffle(l)
print(l)
print(random.sample(range(100), 5), random.gauss(0, 1), random.choices("abc", weights=[1, 2, 3], k=5))
print(random.randrange(0, 100, 7), random.getrandbits(100), random.normalvariate(0, 1), random.expovariate(2))
random.seed("hello")
print(random.random())
random.seed(b"hello")
print(random.random())
random.seed(2**200 + 17)
print(random.random())
r = random.Random(7)
s = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(s)
print(a == [r.random() for _ in range(3)])
for bad in [lambda: random.randrange(0), lambda: random.choice([]), lambda: random.sample(range(3), 5),
            lambda: random.seed([1])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
