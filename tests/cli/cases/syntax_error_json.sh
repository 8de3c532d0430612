"$PYC" check --error-format json syntax_error.py
