state.set("greeting", "hello")
state.set("count", 3)
return { greeting = state.get("greeting"), count = state.get("count") }
