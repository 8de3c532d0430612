# Uncaught IndexError from string indexing ("string index out of range").
word = "abc"
print(word[2])
print(word[5])
