-- expect: recursion_limit
local function f(s) return (string.gsub(s, ".", f)) end
return f("ab")
