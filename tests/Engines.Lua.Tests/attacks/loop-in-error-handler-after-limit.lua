-- expect: instruction_limit
local ok = xpcall(function() while true do end end, function(e) while true do end end)
return "escaped"
