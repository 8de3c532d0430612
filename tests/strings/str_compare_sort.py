# Sorting strings: default lexicographic (code point), key=str.lower, by length, reverse.
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "Éclair", "éclair", "zebra", "Zulu", "10", "9", "1"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, reverse=True))
print(min(words), max(words), min(words, key=len), max(words, key=len))
words.sort(key=lambda w: w[-1])
print(words)
