# str method edge cases: center/ljust/zfill, expandtabs, maketrans/translate, format_map.
print('abc'.center(6, '*'), 'abc'.center(7, '*'), 'ab'.center(5), 'ab'.center(6, '|'), '-5'.zfill(4), '+x'.zfill(3))
print('a\tbc\td'.expandtabs(4), 'x\ty'.expandtabs(0), repr('\t'.expandtabs(-1)))
t = str.maketrans({'a': 'A', 'b': None, ord('c'): 'CC'})
print('abcabc'.translate(t), str.maketrans('ab', 'xy', 'z'), 'abz'.translate(str.maketrans('ab', 'xy', 'z')))
print('{a}-{b}'.format_map({'a': 1, 'b': 2}), 'x'.__sizeof__() > 0, 'Straße'.encode('utf-8'))
for bad in [lambda: 'x'.center(3, 'ab'), lambda: str.maketrans('ab', 'x'), lambda: str.maketrans({'ab': 1}),
            lambda: 'x'.translate(5), lambda: 'x'.zfill('3'), lambda: str.maketrans(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
