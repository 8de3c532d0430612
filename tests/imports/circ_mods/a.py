print('a start')
A_EARLY = 1
from . import b
A_LATE = 2
def call_b():
    return b.B * 10
print('a end')
