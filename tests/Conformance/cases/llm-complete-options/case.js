return {
  reversed: await llm.complete("one two three", { model: "mock/reverse" }),
  truncated: await llm.complete("one two three", { max_tokens: 2, temperature: 0.2 }),
  with_system: await llm.complete("ping", { provider: "mock", model: "echo", system: "be brief" }),
};
