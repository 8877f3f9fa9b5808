-- expect: instruction_limit
xpcall(error, function() while true do end end)
return "escaped"
