-- greet.lua: an HTTP spell. Its manifest (greet.spell.json) checks the input before this runs,
-- so input.name is a non-empty string here.
--   llmspell serve --spells examples/serverless
--   curl -s localhost:7071/api/spells/greet -d '{"name":"Ada"}'
local tone = input.tone or "warm"
local reply = llm.complete("Say a " .. tone .. " hello to " .. input.name, { max_tokens = 30 })
print("greeted " .. input.name)
return { name = input.name, tone = tone, reply = reply }
