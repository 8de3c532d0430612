# the output folder does not exist: the linker fails (exit status 3)
"$PYC" build hello.py -o "$T/no/such/dir/hello" 2>&1 | sed -n 1p | cut -c1-19
exit "${PIPESTATUS[0]}"
