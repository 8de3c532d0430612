# casefold-based caseless comparison and special foldings.
pairs = [('Straße', 'STRASSE'), ('ﬁle', 'FILE'), ('Ǳ', 'dz'), ('ΣΊΣΥΦΟΣ', 'σίσυφος'), ('ὒ', 'ὒ'),
         ('İ', 'i̇'), ('ẞ', 'ss'), ('µ', 'Μ'), ('ſ', 'S'), ('Ꭰ', 'ꭰ'), ('ᲀ', 'в')]
for a, b in pairs:
    print(a, b, a.casefold(), b.casefold(), a.casefold() == b.casefold(), a.lower() == b.lower())
