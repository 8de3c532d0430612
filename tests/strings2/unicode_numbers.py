# isdecimal/isdigit/isnumeric differences and int() of Unicode digits.
for s in ['123', '١٢٣', '²', '①', '½', 'Ⅻ', '五', '〇', '𝟏𝟐', '₃', '፩', '𑁒', '০১', '߀', '꘠', '٫']:
    print(ascii(s), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalnum(), s.isalpha())
for s in ['١٢٣', '𝟏𝟐', '০১', '߀', '²', '①']:
    try:
        print(ascii(s), int(s), float(s))
    except ValueError as e:
        print(ascii(s), 'ValueError', ascii(str(e)))
