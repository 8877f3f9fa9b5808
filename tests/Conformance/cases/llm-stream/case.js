const chunks = [];
const text = await llm.stream("stream these words", null, (chunk) => {
  chunks.push(chunk);
});
return { text, chunks };
