import pkg.helpr
