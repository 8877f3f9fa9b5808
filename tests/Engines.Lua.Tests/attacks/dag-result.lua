-- expect: memory_limit appears many times
-- A table shared at every level is small in Lua and 2^40 nodes as a tree on the host side.
local t = { 1 }
for i = 1, 40 do t = { t, t } end
return t
