"$PYC" build no_such_file.py -o "$T/x"
echo "status $?"
"$PYC" check --error-format json no_such_file.py
