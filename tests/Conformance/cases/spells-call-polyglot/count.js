// A helper spell in JavaScript: counts the words of its input's text.
if (typeof input.text !== "string") throw { code: "bad_argument", message: "count.js needs input.text" };
return { words: input.text.split(" ").length, summary: await llm.complete("count " + input.text) };
