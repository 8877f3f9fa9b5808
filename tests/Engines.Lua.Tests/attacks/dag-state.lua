-- expect: memory_limit appears many times
-- Shared parts are counted each time they appear when a value crosses to the host (state.set here).
local t = { a = "x" }
for i = 1, 40 do t = { left = t, right = t } end
state.set("k", t)
