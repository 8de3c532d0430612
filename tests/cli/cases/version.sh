"$PYC" --version
