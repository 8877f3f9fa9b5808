const a = agent.create({ name: "scribe" });
await a.run("first", { thread: "t1" });
await a.run("second", { thread: "t1" });
await a.run("elsewhere", { thread: "t2" });
const t1 = await state.get("agent-threads/t1");
return { t1: t1.map((m) => m.role + ":" + m.content), t2: (await state.get("agent-threads/t2")).length };
