# suggestion rule details: case-only changes are cheap, ties keep the first candidate in dir() order.
class O:
    pass
o = O()
for name in ['Alpha', 'alphb', 'ALPHA', 'alpha_', 'bet', 'ab']:
    setattr(o, name, 1)
o.alpha
