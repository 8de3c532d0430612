VALUE = 'other'
