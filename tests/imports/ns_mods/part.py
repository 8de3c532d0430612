VALUE = 'part'
