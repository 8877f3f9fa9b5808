#!llmspell js
const x = 1;
throw new Error("third line");
