// helpdesk.js: a queue agent. Send it a message (serve with a storage account, or the Functions app):
//   { "id": "q-1", "thread": "customer-42", "input": { "question": "Where is my order?" }, "reply_to": "helpdesk-out" }
// The answer lands in the results container and, with reply_to, on that queue. The thread's
// history lives in spell state (blobs in Azure), so the conversation goes on from message to message.
const desk = agent.create({
  name: "helpdesk",
  instructions: "You answer customer questions briefly and remember what they told you earlier.",
  max_turns: 4,
});
const thread = input.thread ?? "default";
const answer = await desk.run(input.question, { thread });
const history = (await state.get(`agent-threads/${thread}`)) ?? [];
return { thread, answer, turns: history.length };
