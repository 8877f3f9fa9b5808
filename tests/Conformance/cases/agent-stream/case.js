const a = agent.create({ name: "streamer" });
const chunks = [];
const answer = await a.stream("a b c", (c) => chunks.push(c));
return { answer, chunks };
