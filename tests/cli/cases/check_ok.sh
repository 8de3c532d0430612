"$PYC" check hello.py
