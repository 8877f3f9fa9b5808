-- expect: instruction_limit
error(setmetatable({}, { __tostring = function() while true do end end }))
