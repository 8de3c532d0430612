# An uncaught SyntaxError from exec() prints the source line and carets under the
# "File ..." line, and the message without "(<string>, line N)".
def run(src):
    exec(src)


print("start")
run("a = 1\nb = (1 +* 2)\n")
