print('heavy loaded')
answer = 42
