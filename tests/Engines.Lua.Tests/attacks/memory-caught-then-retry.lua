-- expect: memory_limit
for i = 1, 10 do pcall(string.rep, "x", 1e9) end
return "escaped"
