"$PYC" build crash.py --stats -o "$T/c"
