local chunks = {}
local text = llm.stream("stream these words", nil, function(chunk)
  chunks[#chunks + 1] = chunk
end)
return { text = text, chunks = chunks }
