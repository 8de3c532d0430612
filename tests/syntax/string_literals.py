# string literal forms: escapes, raw, concatenation, bytes
print("tab\there", 'quote\'s', "back\\slash")
print(r"raw\n\t", R"RAW\x")
print("con" "cat" 'en' """ation""")
print("\x41\u00e9\U0001F600"[:2], len("\U0001F600"))
print("\101\60", "\N{GREEK SMALL LETTER ALPHA}")
print(b"bytes\x00\xff", rb"\d", len(b"\x00\xff"))
print("""multi
line""")
print('''a'b"c''')
print("a\
b")
print(repr("\n\r\t\x07\x7f"), repr('"'), repr("'"), repr("'\""))
print(ascii("héllo ☃"), repr("héllo ☃"))
