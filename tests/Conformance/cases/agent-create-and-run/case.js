const helper = agent.create({ name: "helper", instructions: "Be helpful.", model: "mock/reverse", max_turns: 3 });
const answer = await helper.run("one two");
const again = await agent.get("helper").run("three");
return { name: helper.name, answer, again, agents: agent.list(), usage: llm.usage().calls };
