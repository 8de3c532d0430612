# isprintable/isidentifier/isnumeric/isdecimal/isdigit/isalpha/isalnum/isspace on Unicode.
samples = ['abc', 'a b', '\t', '\x7f', '\xa0', '\u200b', '\u2028', 'é', '中文', '٣', '²', '½', 'Ⅷ', '〇', '𝟘',
           '\U0001F600', '\ufeff', '\u00ad', '\u0378', '\ue000', 'x\u0301', '_a1', '1a', 'a-b', '℘', '℮', 'ⅰ',
           'ᢅ', '゛', '〮', 'ǅ', '', ' ', '\x1c', '\u3000', '\u180e', '\u2060', 'Ⅸ', '①', '⑴', '𐩀', '一', '০']
for s in samples:
    print(ascii(s), s.isprintable(), s.isidentifier(), s.isnumeric(), s.isdecimal(), s.isdigit(),
          s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle())
print(repr('\u00ad\u200b\U0001F600\u0378\ue000\xa0\u2028'))
