// A failing API call in tail position still names its line.
async function ask(prompt) {
  return await llm.complete(prompt, 10);
}
return await ask("hello");
