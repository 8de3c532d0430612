"$PYC" check --error-format=json bad_import.py
