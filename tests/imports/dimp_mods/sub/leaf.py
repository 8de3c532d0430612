X = 'leafx'
