# comments, blank lines, tabs-free indentation variants and line continuation
def f():   # trailing comment
    # only a comment line

    x = 1  # comment after code
    if x:
            y = 2     # deeper indentation is fine
            return y
print(f())
s = "# not a comment"
print(s)
lst = [1,  # one
       2,  # two
       ]
print(lst)
