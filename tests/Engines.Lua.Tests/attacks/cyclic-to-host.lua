-- expect: bad_argument nests deeper
local t = {}
t[1] = t
return json.encode(t)
