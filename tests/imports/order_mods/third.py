from .log import add
add('third')
