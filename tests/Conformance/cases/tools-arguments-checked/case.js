tools.register({ name: "add", parameters: { type: "object", properties: { a: { type: "integer" }, b: { type: "integer" } }, required: ["a", "b"] },
  handler: (args) => args.a + args.b });
const fail = async (args) => { try { await tools.call("add", args); } catch (e) { return e; } };
const missing = await fail({ a: 1 });
const wrong = await fail({ a: 1, b: "two" });
return { missing: missing.code, missing_message: missing.message, wrong: wrong.message };
