# an uncaught exception raised in another module's function shows both files
from cmt_mods import worker
def main():
    return worker.process([1, 2, 0])
main()
