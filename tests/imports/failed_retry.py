# a module whose body fails is removed from sys.modules; importing again re-runs it
import sys
for i in range(2):
    try:
        import retry_mods.flaky
    except ZeroDivisionError as e:
        print('attempt', i, type(e).__name__, e)
    print('retry_mods.flaky' in sys.modules)
