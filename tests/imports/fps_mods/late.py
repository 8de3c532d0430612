NAME = 'late'
