# exception classes from another module: catching, str, traceback
from mexc_mods.errs import AppError, fail
try:
    fail('boom')
except AppError as e:
    print(type(e).__name__, e, type(e).__module__)
fail('uncaught')
