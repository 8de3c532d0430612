# dir(bytes)/dir(bytearray) contain every CPython 3.11 method.
want = ['capitalize', 'center', 'count', 'decode', 'endswith', 'expandtabs', 'find', 'fromhex', 'hex', 'index',
        'isalnum', 'isalpha', 'isascii', 'isdigit', 'islower', 'isspace', 'istitle', 'isupper', 'join', 'ljust',
        'lower', 'lstrip', 'maketrans', 'partition', 'removeprefix', 'removesuffix', 'replace', 'rfind', 'rindex',
        'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'startswith', 'strip', 'swapcase',
        'title', 'translate', 'upper', 'zfill', '__mod__', '__rmod__', '__getnewargs__', '__bytes__']
print([n for n in want if n not in dir(bytes)])
extra = ['append', 'clear', 'copy', 'extend', 'insert', 'pop', 'remove', 'reverse', '__alloc__', '__imul__', '__iadd__']
print([n for n in want + extra if n not in dir(bytearray) and n not in ('__getnewargs__', '__bytes__')])
print('__bytes__' in dir(bytearray), '__hash__' in dir(bytearray))
