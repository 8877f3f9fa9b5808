state.set("b1", 1)
state.set("a2", 2)
state.set("a1", 3)
return { all = state.keys(), a = state.keys("a"), none = state.keys("zzz") }
