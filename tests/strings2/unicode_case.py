# upper/lower/title/casefold/swapcase/capitalize with special Unicode mappings.
words = ['straße', 'ﬁne ﬂow', 'İstanbul', 'ΣΑΣ ΟΔΟΣ', 'ǅemal ǆ', 'ŉ', 'ΐ', 'Ω', 'K', 'Å', 'ꭰ', 'ᾳ ᾼ',
         'hello world', "they're bill's", 'ǉubljana', 'ɐɑɒ', 'ǰ', 'ﬀ', 'ﬃ', 'µ', 'ÿ', 'σς', 'ΑΣ.', 'ᲀ']
for w in words:
    print(w.upper(), w.lower(), w.title(), w.casefold(), w.swapcase(), w.capitalize())
    print(len(w.upper()), len(w.lower()), w.isupper(), w.islower(), w.istitle())
print('ß'.upper() == 'SS', 'ﬁ'.upper(), 'İ'.lower(), len('İ'.lower()), 'Σ'.lower(), 'ΑΣ'.lower(), 'Α Σ'.lower())
