"$PYC" build
echo "status $?"
"$PYC" build hello.py -O7
echo "status $?"
"$PYC" frobnicate hello.py
