# traceback for an error raised while formatting an f-string
price = "ten"
print(f"{3.5:.2f}")
print(f"total: {price:.2f}")
