# complex(str) parsing: every accepted form and malformed strings.
for s in ['1', '1j', 'j', '-j', '+j', '1+j', '1-j', '1+2j', '-1.5-2.5j', ' (1+2j) ', '( 3j )',
          '1e3j', '1e3+1e-3j', 'inf', '-infj', 'nan+nanj', 'infinity-infinityj', '1_000+2_0j',
          '.5j', '5.j', '1E5J', '\t2J\n', '(1)', '0x1', '1 + 2j', '1+2', 'j1', '', '()', '(1+2j',
          '1+2j)', '1++2j', '1e+j', '--1', '1jj', 'J', 'NaN', '1__0', '_1', '1_', '1.e5', '٣+٤j']:
    try:
        print(repr(s), repr(complex(s)))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
