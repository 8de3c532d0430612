# a module's functions see that module's globals; attribute assignment patches them
import mglob_mods.state as st
x = 'main x'
print(st.get_x(), st.globals_name())
st.x = 'patched'
print(st.get_x())
st.set_x('set by func')
print(st.x)
def fake():
    return 'fake helper'
st.helper = fake
print(st.use_helper())
print(x)
