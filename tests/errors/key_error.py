# Uncaught KeyError with string key (repr quoting in traceback message).
config = {"host": "x"}
print(config["host"])
print(config["port"])
