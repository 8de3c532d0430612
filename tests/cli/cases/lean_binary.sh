# A default (stripped) executable is position-dependent and carries no unwind tables: the
# runtime aborts on a Rust panic instead of unwinding, so they only fed a backtrace that a
# stripped binary cannot symbolize. --no-strip keeps them for debuggers, and --static
# keeps them because static glibc registers them at start-up.
sections() { readelf -SW "$1" | grep -o '\.eh_frame[a-z_]*\|\.gcc_except_table' | sort -u | tr '\n' ' '; echo; }
"$PYC" build hello.py -o "$T/h" || exit
"$T/h"
readelf -hW "$T/h" | grep -o 'EXEC'
echo "stripped: [$(sections "$T/h")]"
"$PYC" build --no-strip hello.py -o "$T/u" || exit
"$T/u"
echo "unstripped: [$(sections "$T/u")]"
"$PYC" build --static hello.py -o "$T/s" || exit
"$T/s"
echo "static: [$(sections "$T/s")]"
