# isspace and split()/strip() with Unicode whitespace.
ws = ['\t', '\n', '\x0b', '\x0c', '\r', '\x1c', '\x1d', '\x1e', '\x1f', ' ', '\x85', '\xa0', '\u1680',
      '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\u180e', '\ufeff']
print([ascii(c) for c in ws if c.isspace()])
s = '\u3000a\u2003b\xa0c\u200bd\x1ce\x85'
print(ascii(s.split()), ascii(s.strip()), ascii(s.lstrip()), ascii(s.rstrip()))
print(ascii('a\x1cb\x1dc\x1ed\x85e\u2028f\u2029g\x0bh\x0ci'.splitlines()))
print(ascii('x\u2028y'.splitlines(True)), len('a\r\nb'.splitlines()))
