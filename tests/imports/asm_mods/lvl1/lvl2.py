X = 'x'
