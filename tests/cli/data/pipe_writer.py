# Writes far more than a pipe holds; run as `./w | head -1` the reader leaves early.
for i in range(200000):
    print("line", i)
