# traceback for a bad slice operation
s = "hello"
step = 0
print(s[::2])
print(s[1:4:step])
