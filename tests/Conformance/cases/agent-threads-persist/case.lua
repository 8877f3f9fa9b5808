local a = agent.create({ name = "scribe" })
a.run("first", { thread = "t1" })
a.run("second", { thread = "t1" })
a.run("elsewhere", { thread = "t2" })
local t1 = state.get("agent-threads/t1")
local contents = {}
for i, m in ipairs(t1) do contents[i] = m.role .. ":" .. m.content end
return { t1 = contents, t2 = #state.get("agent-threads/t2") }
