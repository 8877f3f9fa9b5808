-- expect: timeout
-- limits: timeout_ms=1 max_instructions=1000000000000
local n = 0
for i = 1, 1e8 do n = n + i end
return n
