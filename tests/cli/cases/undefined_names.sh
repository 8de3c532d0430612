"$PYC" check undefined.py
echo "status $?"
echo "quiet:"
"$PYC" check -q undefined.py
echo "status $?"
"$PYC" check --error-format json undefined.py
