-- expect: bad_argument nests deeper
local t = {}
t.self = t
return t
