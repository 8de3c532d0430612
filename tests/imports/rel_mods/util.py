def helper(x):
    return f'helper({x})'
