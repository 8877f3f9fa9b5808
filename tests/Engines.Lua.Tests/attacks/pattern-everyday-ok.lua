-- expect: result "hello   world"
-- A trim over a long subject is everyday code and is never refused.
local s = string.rep(" ", 50000) .. "hello   world" .. string.rep(" ", 50000)
return (s:match("^%s*(.-)%s*$"))
