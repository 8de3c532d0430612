# int()/float() with Unicode digits, and str.isdecimal agreement.
for s in ['٣٤', '१२३', '𝟙𝟚', '１２', '³', '½', 'Ⅷ', '੧.੫', '٣e٢', ' \u2003 42 \u3000']:
    for conv in (int, float):
        try:
            print(ascii(s), conv.__name__, conv(s))
        except ValueError as e:
            print(ascii(s), conv.__name__, 'ValueError', ascii(str(e)))
