-- hello.lua: the first spell. Runs with no API key: without a configured provider,
-- llm.complete uses the offline 'mock' model, which echoes the prompt.
--   llmspell run examples/hello.lua --input name=Ada

local name = input.name or "world"
local reply = llm.complete("Say hello to " .. name, { max_tokens = 20 })
print(reply)

-- State outlives the run: count how often this spell has greeted.
local count = state.update("greetings", function(n) return (n or 0) + 1 end)
log.info("greeted", { name = name, count = count })

return { greetings = count, name = name, reply = reply }
