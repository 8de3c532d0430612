# The object cache's size cap (PYC_CACHE_MAX_MB): a build that adds entries to a cache over
# its cap evicts linked executables first (whatever their age: the 1 MB cap here is smaller
# than one, so every build that links evicts its own), then the least recently used entries
# (and a killed build's stale temp files) last used over an hour ago; the objects this build
# used stay, since a hit refreshes them.
export PYC_CACHE_MAX_MB=1
cp uses_heapq.py "$T/app.py"
# the files this test planted in obj/ff (hash-named entries may land there too)
planted() { ls "$PYC_CACHE_DIR/obj/ff" | grep -E '^ff0[01]\.' || true; }
show() { grep -o "code generation ([^)]*)\|pyc: cache: evicted [0-9]* least recently used"; }
"$PYC" build -v "$T/app.py" -o "$T/app" 2>&1 | show
# everything cached so far was last used two hours ago; add a big older entry and a temp file
find "$PYC_CACHE_DIR" -type f -exec touch -d '2 hours ago' {} +
mkdir -p "$PYC_CACHE_DIR/obj/ff"
head -c 2000000 /dev/zero > "$PYC_CACHE_DIR/obj/ff/ff00.o"
touch "$PYC_CACHE_DIR/obj/ff/ff01.o.tmp1.ThreadId1"
touch -d '3 hours ago' "$PYC_CACHE_DIR/obj/ff/"*
echo 'print("changed")' >> "$T/app.py"
# evicted: the new executable and the big entry (then the cache is under 80% of its cap)
"$PYC" build -v "$T/app.py" -o "$T/app" 2>&1 | show
planted
# heapq was a hit in the second build: an unchanged rebuild compiles nothing (it links
# again, its executable having been evicted)
"$PYC" build -v "$T/app.py" -o "$T/app" 2>&1 | show
"$T/app"
# PYC_CACHE_MAX_MB=0: no cap
head -c 2000000 /dev/zero > "$PYC_CACHE_DIR/obj/ff/ff00.o"
touch -d '3 hours ago' "$PYC_CACHE_DIR/obj/ff/ff00.o"
echo 'print("again")' >> "$T/app.py"
PYC_CACHE_MAX_MB=0 "$PYC" build -v "$T/app.py" -o "$T/app" 2>&1 | show
planted
