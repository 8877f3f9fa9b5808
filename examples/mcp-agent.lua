-- mcp-agent.lua: an agent that uses every tool the configured MCP servers offer.
-- Name servers in llmspell.json, e.g. llmspell itself:
--   { "mcp": { "servers": { "self": { "command": "llmspell", "args": ["mcp", "serve"] } } } }
--   llmspell run examples/mcp-agent.lua --input task="What is 17 * 23?"

local mcp_tools = {}
for _, tool in ipairs(tools.list()) do
  if tool.source ~= "builtin" and tool.source ~= "spell" then
    mcp_tools[#mcp_tools + 1] = tool.name
  end
end

local assistant = agent.create({
  name = "assistant",
  instructions = "Use the tools you have to do the task. Answer briefly.",
  tools = mcp_tools,
  max_turns = 4,
})

local answer = assistant.run(input.task or "What is 17 * 23?")
print(answer)
return { answer = answer, mcp_tools = mcp_tools }
