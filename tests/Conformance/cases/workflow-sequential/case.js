const fetch = (topic) => ({ topic, pages: 3 });
const summarize = async (doc) => `${doc.topic} has ${doc.pages} pages`;
const research = workflow.sequential({ name: "research", steps: [{ name: "fetch", run: fetch }, summarize, (s) => s.toUpperCase()] });
return { kind: research.kind, name: research.name, result: await research.run("tides") };
