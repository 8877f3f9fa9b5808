local helper = agent.create({ name = "helper", instructions = "Be helpful.", model = "mock/reverse", max_turns = 3 })
local answer = helper.run("one two")
local again = agent.get("helper").run("three")
return { name = helper.name, answer = answer, again = again, agents = agent.list(), usage = llm.usage().calls }
