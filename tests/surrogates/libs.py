# Library code over strs holding lone surrogates: json, re, pickle, os.fsdecode users.
import json
import pickle
import re

s = 'a\udc80b\ud800'
print(json.dumps(s), json.dumps(s, ensure_ascii=False) == '"' + s + '"')
print(repr(json.loads('"\\udc80x\\ud800"')), json.loads(json.dumps(s)) == s)
print(repr(json.loads('"\\ud83d\\ude00"')))
print(re.findall('[\udc80-\udcff]+', 'x\udc80\udc81y\udcffz'), repr(re.sub('\udc80', '?', s)))
print(bool(re.match(r'\w', '\udc80')), [repr(p) for p in re.split(r'b', s)], re.search('[\ud800-\udfff]', 'ok\ud801').start())
print(pickle.loads(pickle.dumps(s)) == s, pickle.loads(pickle.dumps(s, protocol=0)) == s)
print(sorted({'\ue000': 1, '\udc80': 2, '\ud7ff': 3}.items()))
