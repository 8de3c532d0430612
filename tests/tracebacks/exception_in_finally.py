# exception raised in finally while another propagates
def f():
    try:
        raise ValueError("first")
    finally:
        print("cleanup")
        undefined_name
f()
