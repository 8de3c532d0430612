# exit() with a string prints it to stderr and exits with status 1.
print('start')
exit('fatal: stopping')
