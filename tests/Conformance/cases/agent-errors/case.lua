local ok1, bad = pcall(agent.create, { name = "x", max_turnz = 3 })
local ok2, missing = pcall(agent.get, "ghost")
agent.create({ name = "dup" })
local ok3, dup = pcall(agent.create, { name = "dup" })
local a = agent.create({ name = "uses_ghost", tools = { "ghost_tool" } })
local ok4, tool = pcall(a.run, "hi")
local ok5, input = pcall(a.run, 42)
return { bad = bad.code, missing = missing.code, dup = dup.message, tool = tool.message, input = input.message }
