-- research-agent.lua: an agent that fetches a page and does arithmetic with built-in tools.
-- Needs a real provider (set OPENAI_API_KEY or another key) and the host in llmspell.json:
--   { "tools": { "http": { "allowedHosts": ["en.wikipedia.org"] } } }
--   llmspell run examples/research-agent.lua --input question="How many years ago was the Eiffel Tower finished?"

local researcher = agent.create({
  name = "researcher",
  instructions = "Answer with facts you fetched. Use http_request to read pages and calculator for arithmetic. Be brief.",
  tools = { "http_request", "calculator", "datetime" },
  max_turns = 6,
  token_budget = 20000,
})

local question = input.question or "How many years ago was the Eiffel Tower finished?"
local answer = researcher.run(question)
print(answer)
return { question = question, answer = answer, tokens = llm.usage().total_tokens }
