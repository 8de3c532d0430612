"$PYC" check bad_import.py
