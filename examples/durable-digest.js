// durable-digest.js: a durable workflow. On a worker, each step runs in its own fresh sandbox,
// its result is checkpointed, and the run survives the worker stopping or crashing part way.
//   llmspell worker                                                        (one terminal)
//   llmspell workflow start examples/durable-digest.js --input topic=tides --watch
// `llmspell run examples/durable-digest.js` runs the same workflow in this process instead.
// The code before `digest.run` runs again for every step, so keep it to declarations.

const outline = (topic) => ({ topic, questions: [`What are ${topic}?`, `Why do ${topic} matter?`] });

const research = workflow.parallel({
  name: "research",
  merge: "map",
  max_concurrency: 2,
  steps: [
    { name: "what", run: (o) => llm.complete(o.questions[0], { max_tokens: 60 }), retry: { attempts: 3, delay_ms: 500 } },
    { name: "why", run: (o) => llm.complete(o.questions[1], { max_tokens: 60 }), retry: { attempts: 3, delay_ms: 500 } },
    { name: "topic", run: (o) => o.topic },
  ],
});

const assemble = (found) => ({ topic: found.topic, text: `${found.what}\n${found.why}` });

const format = workflow.conditional({
  name: "format",
  condition: (d) => (d.text.length > 200 ? "long" : "short"),
  branches: {
    long: (d) => `# ${d.topic} (long read)\n${d.text}`,
    short: (d) => `# ${d.topic}\n${d.text}`,
  },
});

const digest = workflow.sequential({
  name: "digest",
  steps: [{ name: "outline", run: outline }, research, { name: "assemble", run: assemble }, format],
});

const text = await digest.run(input.topic ?? "tides");
await state.set("last_digest", text);
return text;
