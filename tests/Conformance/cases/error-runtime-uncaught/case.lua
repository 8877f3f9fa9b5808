local a = 1
local b = nil
return a + b.field
