# Caret anchors when the left operand of a binary operator is parenthesised: 3.11 steps
# over the closing parentheses, and `%(` then gets two carets.
def g(a, b):
    return ((a) )%(b)
g(1, 0)
