# "The above exception was the direct cause" chained traceback
class ConfigError(Exception):
    pass
def read(s):
    try:
        return int(s)
    except ValueError as e:
        raise ConfigError("invalid config value") from e
read("abc")
