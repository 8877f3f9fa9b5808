local ok, err = pcall(llm.structured, "x", { type = 42 })
return { ok = ok, code = err.code }
