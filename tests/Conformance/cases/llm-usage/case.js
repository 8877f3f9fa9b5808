const before = llm.usage();
await llm.complete("one two three");
await llm.chat([{ role: "user", content: "four five" }]);
await llm.stream("six", null, () => {});
const after = llm.usage();
return { before: before.calls, calls: after.calls, input: after.input_tokens, output: after.output_tokens, total: after.total_tokens };
