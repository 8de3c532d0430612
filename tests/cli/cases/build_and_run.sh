"$PYC" build hello.py -o "$T/hello" && "$T/hello"
"$PYC" run crash.py
