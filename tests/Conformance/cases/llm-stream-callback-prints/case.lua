llm.stream("a b", { model = "reverse" }, function(chunk) print("chunk[" .. chunk .. "]") end)
