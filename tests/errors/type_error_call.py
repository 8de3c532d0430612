# Uncaught TypeError: 'NoneType' object is not callable / not subscriptable.
def get_handler(name):
    handlers = {"a": print}
    return handlers.get(name)
get_handler("a")("handler a works")
h = get_handler("b")
h("oops")
