__all__ = ['alpha', 'beta']
alpha = 'A'
def beta():
    return 'B'
gamma = 'G'
