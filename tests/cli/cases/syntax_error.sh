"$PYC" check syntax_error.py
