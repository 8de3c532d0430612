there = 'here'
