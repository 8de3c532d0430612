Y = 'y'
