ROOT = 'root'
