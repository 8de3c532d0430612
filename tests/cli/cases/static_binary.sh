"$PYC" build --static hello.py -o "$T/hello" || exit
ldd "$T/hello" 2>&1 | sed "s/^[[:space:]]*//"
"$T/hello"
