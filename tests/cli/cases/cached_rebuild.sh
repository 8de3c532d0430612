# the second build of an unchanged program compiles no module; changing only the
# script recompiles only __main__
cp uses_heapq.py "$T/app.py"
phase() { grep -o "code generation ([^)]*)"; }
"$PYC" build -v "$T/app.py" -o "$T/app" 2>&1 | phase
"$PYC" build -v "$T/app.py" -o "$T/app" 2>&1 | phase
echo "print(\"changed\")" >> "$T/app.py"
"$PYC" build -v "$T/app.py" -o "$T/app" 2>&1 | phase
"$T/app"
