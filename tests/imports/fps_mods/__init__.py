early = 'early'
