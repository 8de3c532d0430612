# No function or class: the namespace is freed by reference counting once the module is.
from exit_mods.base import D
u1 = D('user.u1')
