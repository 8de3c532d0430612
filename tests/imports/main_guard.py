# __name__ == '__main__' guards in the script and in an imported module
import guard_mods.tool as tool
print('script name', __name__)
if __name__ == '__main__':
    print('main branch', tool.run())
print(tool.__name__)
