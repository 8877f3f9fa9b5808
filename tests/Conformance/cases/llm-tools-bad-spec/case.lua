local ok, err = pcall(llm.complete, "x", { tools = { { name = "has space", handler = function() end } } })
return { ok = ok, code = err.code, message = err.message }
