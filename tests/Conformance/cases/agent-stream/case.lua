local a = agent.create({ name = "streamer" })
local chunks = {}
local answer = a.stream("a b c", function(c) chunks[#chunks + 1] = c end)
return { answer = answer, chunks = chunks }
