"$PYC" build syntax_error.py -o "$T/x"
echo "status $?"
test -e "$T/x" && echo "an executable was written"
exit 0
