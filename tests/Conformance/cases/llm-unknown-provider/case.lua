local ok, err = pcall(llm.complete, "x", { provider = "nope" })
return { ok = ok, code = err.code, message = err.message }
