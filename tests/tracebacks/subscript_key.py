# traceback markers for a failing dict subscript
config = {"host": "localhost", "port": 80}
def get(key):
    return config["settings"][key]
print(get("port"))
