# isupper/islower/istitle on mixed-script strings and cased non-letters.
for s in ['ABC', 'abc', 'Abc', 'ǅ', 'ǅa', 'Ǆ', 'ǆ', 'ⓐ', 'Ⓐ', 'ª', 'ʰ', 'ᵃ', 'Ⅰ', 'ⅰ', '1A', '1a', 'A1', 'ΑΒΓ',
          'αβγ', 'Αβγ Δε', 'ÀÉÎ', 'àéî', 'Ǉ Ǌ', 'ǈ', '𝐀', '𝐚', '𐐀', '𐐨', 'ß', 'ﬁ', 'İ']:
    print(s, s.isupper(), s.islower(), s.istitle(), s.upper().isupper(), s.lower().islower())
