import mth
import heapqq
print("unreachable")
