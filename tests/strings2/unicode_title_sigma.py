# final sigma and titlecase rules in lower/title/capitalize/swapcase.
for s in ['ΣΑΣ', 'ΟΔΟΣ.', 'Σ', 'AΣ', 'AΣb', 'AΣ1', "AΣ'", "A'Σ", 'A\u0301Σ', 'AΣ\u0301', 'AΣ\u0301b', 'ΣΣ', 'Α Σ Β',
          'ǆemal', 'Ǆemal', 'ǅ', 'ﬂuff', 'ßtraße', 'ǰx', 'ŉx', 'hello-world', "o'neil", 'ᾀ', 'ᾈ', 'ﬅ']:
    print(s.lower(), s.title(), s.capitalize(), s.swapcase(), s.upper(), s.casefold(), s.istitle(), s.islower(), s.isupper())
