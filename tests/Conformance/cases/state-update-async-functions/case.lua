local a = state.update("a", function(old) return (old or 0) + 1 end)
local b = state.update("b", function(old) return (old or 10) + 1 end)
local c = state.update("a", function(old) return old * 5 end)
return { a = a, b = b, c = c }
