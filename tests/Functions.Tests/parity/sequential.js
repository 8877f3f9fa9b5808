const research = workflow.sequential({ name: "research", steps: [
  { name: "fetch", run: (topic) => ({ topic, pages: 3 }) },
  (doc) => `${doc.topic} has ${doc.pages} pages`,
  (text) => text.toUpperCase()] });
return await research.run(input.topic);
