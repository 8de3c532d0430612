print('counter body')
runs = 1
def bump():
    global runs
    runs += 1
    return runs
