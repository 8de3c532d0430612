def register(api)
    pass
