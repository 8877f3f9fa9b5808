state.set("k", 1)
local first = state.delete("k")
local second = state.delete("k")
return { first = first, second = second, after = state.get("k") == nil }
