# traceback markers for a chained subscript
grid = [[1, 2], [3, 4]]
i, j = 1, 5
print(grid[0][1])
print(grid[i][j])
