# Uncaught exception raised in finally while another is propagating (context chain shown).
def work():
    try:
        raise ValueError("primary failure")
    finally:
        cleanup()
def cleanup():
    raise OSError("cleanup failed")
work()
