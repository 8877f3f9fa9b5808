-- expect: runtime_error only text mode
return load("\27Lua", "x", "b")
