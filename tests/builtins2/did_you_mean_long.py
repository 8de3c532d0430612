# no suggestion for names over 40 characters apart from common affixes, or too far.
x_really_long_variable_name_that_goes_on_and_on_forever = 1
print(x_really_long_variable_name_that_goes_on_and_on_forever)
y = 2
zzz
