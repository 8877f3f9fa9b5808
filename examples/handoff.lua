-- handoff.lua: a triage agent hands each request to the agent that fits it.
--   llmspell run examples/handoff.lua --input request="Write a haiku about tides"

agent.create({ name = "poet", description = "writes short poems", instructions = "Write one short poem. Nothing else." })
agent.create({ name = "mathematician", description = "solves arithmetic", instructions = "Solve it with the calculator; give the number.",
  tools = { "calculator" } })

local triage = agent.create({
  name = "triage",
  instructions = "Hand the request to the agent that fits it. Do not answer yourself.",
  handoffs = { "poet", "mathematician" },
  max_turns = 3,
})

local request = input.request or "Write a haiku about tides"
local answer = triage.run(request)
print(answer)
return { request = request, answer = answer }
