local ok, err = pcall(llm.complete, "x", { model = "mock/gpt-9" })
return { ok = ok, code = err.code }
