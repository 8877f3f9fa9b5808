return {
  reversed = llm.complete("one two three", { model = "mock/reverse" }),
  truncated = llm.complete("one two three", { max_tokens = 2, temperature = 0.2 }),
  with_system = llm.complete("ping", { provider = "mock", model = "echo", system = "be brief" }),
}
