# binascii: hex and base64 conversions (strict and lenient), CRCs and the errors.
import binascii
print(binascii.hexlify(b'abc'), binascii.hexlify(b'abc', '-', 2), binascii.hexlify(b'abcde', b':', -2), binascii.b2a_hex(b'\x01\xff'), binascii.crc_hqx(b'abc', 0), binascii.crc32(b'abc', 5))
print(binascii.a2b_base64(b'YQ==YQ=='), binascii.b2a_base64(b'abc', newline=False), binascii.b2a_base64(b''), binascii.b2a_base64(b'ab'), binascii.a2b_base64('YW Jj\n'))
print(binascii.unhexlify('6162'), binascii.a2b_hex(b'ABcd'))
for f,a,kw in [('a2b_base64',(b'abc',),{}),('a2b_base64',(b'ab=c',),{}),('a2b_base64',(b'a',),{}),('a2b_base64',(b'abcde',),{}),('unhexlify',(b'abc',),{}),('unhexlify',(b'zz',),{}),('unhexlify',('éé',),{}),('hexlify',('ab',),{}),('b2a_base64',('ab',),{}),('crc32',('ab',),{}),('a2b_base64',('é',),{}),('a2b_base64',(1,),{}),('a2b_base64',(b'YWJj',),{'strict_mode':True}),('a2b_base64',(b'YW Jj',),{'strict_mode':True}),('a2b_base64',(b'=YWJj',),{'strict_mode':True}),('a2b_base64',(b'YQ==YQ==',),{'strict_mode':True}),('a2b_base64',(b'YQ=',),{'strict_mode':False}),('a2b_base64',(b'YQ=a',),{'strict_mode':True}),('hexlify',(b'ab','--'),{})]:
  try: print(f, a, getattr(binascii,f)(*a, **kw))
  except Exception as e: print(f, a, type(e).__module__, type(e).__name__, e)
print(binascii.Error.__mro__, binascii.Incomplete.__mro__)
