-- expect: memory_limit
return #string.rep("x", 1e9)
