-- expect: memory_limit
local parts = {}
for i = 1, 1e5 do parts[i] = string.rep("y", 1000) end
return #table.concat(parts)
