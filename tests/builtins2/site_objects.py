# exit/quit/copyright/credits/license/help objects.
print(repr(exit))
print(repr(quit))
print(str(license))
print(repr(help))
print(type(exit).__name__, type(copyright).__name__, type(help).__name__, type(exit).__module__)
print(copyright)
print(credits)
print(callable(exit), callable(license), callable(help))
for code in [None, 0, 3, 'bye']:
    try:
        exit(code)
    except SystemExit as e:
        print('SystemExit', repr(e.code), e.args)
try:
    quit()
except SystemExit as e:
    print('quit', repr(e.code), e.args)
print('before')
quit(4)
print('not reached')
