# Escape sequences in literals and raw strings.
print("a\tb|", "c\\d", "e\'f", "g\"h", "\x41\x42", "\101\102", "\u0041", "\N{LATIN SMALL LETTER E WITH ACUTE}")
print(r"\n\t\\", r"C:\path\to", len("\n"), len(r"\n"), "line1\nline2")
print("\\" + "n", "a\
b", "\0" == "\x00", ord("\7"), ord("\177"))
print(repr("\r\n"), repr(r"\r\n"), "\x7e", "\u00e9" "\U000000e9")
