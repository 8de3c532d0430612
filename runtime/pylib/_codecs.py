"""pyc's `_codecs`: the codec registry and primitives, implemented natively in
`_pyc_codecs` (runtime/src/modules/codecs.rs) and re-exported here."""

from _pyc_codecs import *
from _pyc_codecs import _forget_codec

if False:
    # Never runs: these imports make the build compile in the codecs that the
    # `encodings` package imports by name at run time (the first `lookup` imports it).
    # Kept short: every one is compiled into each program that imports codecs.
    import encodings
    import encodings.aliases
    import encodings.utf_8
    import encodings.utf_8_sig
    import encodings.ascii
    import encodings.latin_1
    import encodings.utf_16
    import encodings.utf_16_le
    import encodings.utf_16_be
    import encodings.utf_32
    import encodings.utf_32_le
    import encodings.utf_32_be
    import encodings.unicode_escape
    import encodings.raw_unicode_escape
    import encodings.charmap
    import encodings.cp1252
    import encodings.hex_codec
    import encodings.rot_13
