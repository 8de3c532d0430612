def run():
    return 'tool.run'
if __name__ == '__main__':
    print('never printed')
else:
    print('imported as', __name__)
