# Uncaught UnboundLocalError: local referenced before assignment.
count = 0
def increment():
    count += 1
    return count
increment()
