print('init pkg_basic_mods')
NAME = 'basic'
