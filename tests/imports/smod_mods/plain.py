print('plain body')
loads = 1
