// handoff.js: a triage agent hands each request to the agent that fits it.
//   llmspell run examples/handoff.js --input request="Write a haiku about tides"

agent.create({ name: "poet", description: "writes short poems", instructions: "Write one short poem. Nothing else." });
agent.create({ name: "mathematician", description: "solves arithmetic", instructions: "Solve it with the calculator; give the number.",
  tools: ["calculator"] });

const triage = agent.create({
  name: "triage",
  instructions: "Hand the request to the agent that fits it. Do not answer yourself.",
  handoffs: ["poet", "mathematician"],
  max_turns: 3,
});

const request = input.request ?? "Write a haiku about tides";
const answer = await triage.run(request);
print(answer);
return { request, answer };
