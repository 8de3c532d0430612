# splitlines only splits on \n, \r, \r\n for bytes; expandtabs columns.
data = b'one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven'
print(data.splitlines())
print(data.splitlines(keepends=True))
print(b''.splitlines(), b'\n'.splitlines(), b'\n\n'.splitlines(True), b'x\n'.splitlines())
print(b'a\tb\tc'.expandtabs(), b'a\tb\tc'.expandtabs(2), b'ab\tc\nd\te'.expandtabs(4), b'\t'.expandtabs(0))
print(bytearray(b'12\t3').expandtabs(3), b'a\r\tb'.expandtabs(4))
