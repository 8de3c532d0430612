# An AttributeError's "Did you mean" lists the type's methods: a program that only
# misspells a method must still link that method's table, or the suggestion would
# disappear (pyc_frontend::method_tables: words close to a method name count).
print("start")
(2.5).is_integr()
