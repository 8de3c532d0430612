# Interpreter shutdown when __main__ defines no function or class: its namespace is
# freed by reference counting as soon as sys.modules lets go of it (dict order), before
# the imported modules' namespaces.
import exit_mods.user
x = exit_mods.user.D('main.x')
y = [exit_mods.user.D('y1'), exit_mods.user.D('y2')]
_z = exit_mods.user.D('_z')
print('end')
