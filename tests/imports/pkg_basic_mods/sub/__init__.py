print('init sub')
