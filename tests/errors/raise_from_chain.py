# raise ... from ...: "The above exception was the direct cause of the following exception:".
class ConfigError(Exception):
    pass
def read_port(cfg):
    try:
        return int(cfg["port"])
    except KeyError as e:
        raise ConfigError("port not configured") from e
print(read_port({"port": "80"}))
read_port({})
