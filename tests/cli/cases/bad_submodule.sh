"$PYC" build bad_submodule.py -o "$T/x"
