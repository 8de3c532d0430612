# traceback for an unexpected keyword argument
def connect(host, port=80):
    return f"{host}:{port}"
print(connect("h"))
connect("h", prot=1)
