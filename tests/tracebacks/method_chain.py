# traceback markers for a failing call in a method chain
text = "a,b,c"
parts = text.split(",")
print(parts)
print(text.upper().split(",").index("z"))
