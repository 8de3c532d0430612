# str.isidentifier against XID_Start/XID_Continue, and compile-time identifiers.
for s in ['abc', '_', '__x__', '1a', 'a1', 'é', 'ñandú', 'ℕ', '℘x', 'x℘', '·a', 'a·', 'a\u0301', '\u0301a',
          'Ⅷ', 'x٣', '٣x', 'a b', 'a-b', '', 'ゝ', 'x゛', 'ᢅ', 'a\u200c', 'a\u200d', 'ǅ', 'ﬁ', 'x\u2118', 'ªº', 'x\U000e0100']:
    print(ascii(s), s.isidentifier())
ñ = 5
Ω = 2
print(ñ * Ω)
