for sh in bash zsh fish; do
    "$PYC" completions $sh > "$T/c" || echo "$sh failed"
    grep -c -- "error-format" "$T/c" | sed "s/^[1-9][0-9]*$/$sh: mentions --error-format/"
done
"$PYC" completions tcsh
