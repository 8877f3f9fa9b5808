local ok = true
local value = json.decode("{")
return value
