// mcp-agent.js: an agent that uses every tool the configured MCP servers offer.
// Name servers in llmspell.json, e.g. llmspell itself:
//   { "mcp": { "servers": { "self": { "command": "llmspell", "args": ["mcp", "serve"] } } } }
//   llmspell run examples/mcp-agent.js --input task="What is 17 * 23?"

const mcpTools = tools.list()
  .filter((tool) => tool.source !== "builtin" && tool.source !== "spell")
  .map((tool) => tool.name);

const assistant = agent.create({
  name: "assistant",
  instructions: "Use the tools you have to do the task. Answer briefly.",
  tools: mcpTools,
  max_turns: 4,
});

const answer = await assistant.run(input.task ?? "What is 17 * 23?");
print(answer);
return { answer, mcp_tools: mcpTools };
