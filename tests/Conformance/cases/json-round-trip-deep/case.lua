local original = { name = "x", items = { { id = 1, tags = { "a" } }, { id = 2, tags = json.array() } } }
return json.decode(json.encode(original))
