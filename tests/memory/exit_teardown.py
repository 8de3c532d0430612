# Interpreter shutdown: objects held in module globals are finalized at exit in
# CPython's order (sys.modules entries set to None in order, then a collection, then the
# namespaces of modules still alive), globals intact when a collection finalizes them.
import sys
import exit_mods.base
import exit_mods.user

sys.modules['exit_fake'] = exit_mods.base.D('in sys.modules')
m1 = exit_mods.base.D('main.m1')
_m2 = exit_mods.base.D('main._m2')


def f():
    pass


print('end of main')
