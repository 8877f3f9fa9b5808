local value = { name = "doc", parts = { 1, 2.5, "three", { four = true } }, empty = json.array() }
state.set("doc", value)
return state.get("doc")
