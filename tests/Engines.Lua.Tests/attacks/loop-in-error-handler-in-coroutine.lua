-- expect: instruction_limit
local co = coroutine.wrap(function() xpcall(error, function() while true do end end) end)
co()
return "escaped"
