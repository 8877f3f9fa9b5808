local ok1, unknown = pcall(tools.call, "nope", {})
local ok2, duplicate = pcall(tools.register, { name = "calculator", handler = function() end })
tools.register({ name = "boom", handler = function() error("tool broke") end })
local ok3, broke = pcall(tools.call, "boom", {})
return { unknown = unknown.code, duplicate = duplicate.message, broke = broke.code, broke_message = broke.message }
