# identical input gives a bit-identical executable: cold and warm caches, other
# output folders, one or several jobs, with and without -g
mkdir -p "$T/a" "$T/b" "$T/c"
"$PYC" build uses_heapq.py -o "$T/a/app" -j 1
PYC_CACHE_DIR="$T/other-cache" "$PYC" build uses_heapq.py -o "$T/b/app" -j 2
"$PYC" build uses_heapq.py -o "$T/c/app"
cmp "$T/a/app" "$T/b/app" && cmp "$T/a/app" "$T/c/app" && echo "identical"
PYC_CACHE_DIR= "$PYC" build -g uses_heapq.py -o "$T/a/dbg"
PYC_CACHE_DIR= "$PYC" build -g -j 1 uses_heapq.py -o "$T/b/dbg"
cmp "$T/a/dbg" "$T/b/dbg" && echo "identical with -g"
"$T/a/app"
