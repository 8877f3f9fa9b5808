local ok = true
local = 5
