local before = llm.usage()
llm.complete("one two three")
llm.chat({ { role = "user", content = "four five" } })
llm.stream("six", nil, function() end)
local after = llm.usage()
return { before = before.calls, calls = after.calls, input = after.input_tokens, output = after.output_tokens, total = after.total_tokens }
