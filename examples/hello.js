// hello.js: the first spell, in JavaScript. Same API, same result as hello.lua.
//   llmspell run examples/hello.js --input name=Ada

const name = input.name ?? "world";
const reply = await llm.complete("Say hello to " + name, { max_tokens: 20 });
print(reply);

// State outlives the run: count how often this spell has greeted.
const count = await state.update("greetings", (n) => (n ?? 0) + 1);
log.info("greeted", { name, count });

return { greetings: count, name, reply };
