// A workflow whose trace the telemetry test follows: a fan-out of two LLM steps, then a join.
const facts = workflow.parallel({
  name: "facts",
  merge: "map",
  steps: [
    { name: "what", run: (x) => llm.complete(`What are ${x.topic}?`) },
    { name: "why", run: (x) => llm.complete(`Why do ${x.topic} matter?`) },
  ],
});

const brief = workflow.sequential({
  name: "brief",
  steps: [facts, { name: "join", run: (f) => `${f.what} / ${f.why}` }],
});

return await brief.run(input);
