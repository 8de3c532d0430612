print('b start')
from . import a
seen_early = hasattr(a, 'A_EARLY')
seen_late = hasattr(a, 'A_LATE')
B = 3
def call_a():
    return a.A_LATE * 100
print('b end')
