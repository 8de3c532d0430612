# A stdlib module's code counts as program text when pyc decides which method tables to
# link (pyc_frontend::method_tables): heapq.nlargest, Python code in heapq.py, sorts a
# list with `result.sort(...)`, a method this file never spells.
import heapq

print(heapq.nlargest(2, [5, 1, 4]), heapq.nsmallest(2, [5, 1, 4], key=lambda v: -v))
