-- expect: bad_argument nests deeper
local t = {}
local cur = t
for i = 1, 1000 do cur.next = {} cur = cur.next end
return t
