# repr/ascii of strings with non-printable and special Unicode characters.
for s in ['\x00\x1f\x7f\x80\x9f', '\xa0\xad', '\u0378\u0590', '\u200b\u200e\u2028\u2029', '\ue000\uf8ff',
          '\U000e0001\U000f0000', '\U0001F600\U0001F1FA', 'ǅ\u0301', '\ufeff\ufffe\uffff', 'é\u0301', '\u3000',
          '\U00010000', '\U0010ffff', 'tab\there', "quote'\"", '\u061c\u180e']:
    print(repr(s), ascii(s), len(s), s.isprintable())
