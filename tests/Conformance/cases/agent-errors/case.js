const fail = async (f) => { try { await f(); } catch (e) { return e; } };
const bad = await fail(() => agent.create({ name: "x", max_turnz: 3 }));
const missing = await fail(() => agent.get("ghost"));
agent.create({ name: "dup" });
const dup = await fail(() => agent.create({ name: "dup" }));
const a = agent.create({ name: "uses_ghost", tools: ["ghost_tool"] });
const tool = await fail(() => a.run("hi"));
const input = await fail(() => a.run(42));
return { bad: bad.code, missing: missing.code, dup: dup.message, tool: tool.message, input: input.message };
