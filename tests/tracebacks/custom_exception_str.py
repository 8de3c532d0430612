# uncaught custom exception with __str__ and multiple args
class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code
    def __str__(self):
        return f"E{self.code}: {self.args[1]}"
def run():
    raise AppError(42, "something broke")
run()
