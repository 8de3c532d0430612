# format() and f-strings with complex numbers.
z = 3.14159 - 2.5j
w = complex(0, 2)
for spec in ['', '10', '<20', '^20', '>20', '.2f', '.3e', 'g', '.1g', '+', ' ', '+.2f', 'E', 'F', 'n',
             '*^30.4f', '_<12', '.0f', '#.0f', ',.2f', '20.3g']:
    print(repr(spec), repr(format(z, spec)), repr(format(w, spec)), repr(format(-0j, spec)))
print(f"{z}", f"{z!r}", f"{z:.1f}", f"{1e20+1j:g}", f"{complex(1, float('nan')):.2f}")
print('{0.real} {0.imag} {0}'.format(2+3j))
print('%s %r' % (1j, 2-1j))
for bad in ['05', '=10', '%', 'd', 'x', 's', '010.2f']:
    try:
        print(format(z, bad))
    except ValueError as e:
        print(repr(bad), e)
