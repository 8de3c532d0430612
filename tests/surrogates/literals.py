# String literals with surrogate escapes: concatenation, f-strings, raw, triple-quoted.
print(repr('\udc80' 'x' '\ud800'), repr(f'a{1}\udc80' '\udfff'), repr(rb'\udc80'), repr('\\udc80'), repr('\ufffd\udc80'))
print(repr(u'\U0000dc80'), repr('''line
\udc80'''), repr(f'{3:\udc80>4}'))
x = 5
print(repr(f'{x!r}\udc80{x:>{x}}\udcff'), repr(f'\x41\udc80\N{BULLET}'))
