// story.js: streams its answer. With Accept: text/event-stream each llm.stream chunk is a
// "chunk" event, printed lines are "output" events, and the report ends the stream.
//   curl -N localhost:7071/api/spells/story -H 'Accept: text/event-stream' -d '{"about":"tides"}'
const about = input.about ?? "a lighthouse";
let chunks = 0;
const text = await llm.stream(`Tell a three-sentence story about ${about}`, { max_tokens: 120 }, () => { chunks += 1; });
console.log(`told a story of ${chunks} chunks`);
return { about, text, chunks };
