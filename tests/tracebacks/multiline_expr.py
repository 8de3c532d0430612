# traceback markers for an expression spanning several lines
values = {"a": 1}
total = (values["a"] +
         values["b"] +
         3)
