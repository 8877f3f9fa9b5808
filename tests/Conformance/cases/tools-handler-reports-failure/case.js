// The same failures, the JavaScript way: the handler throws.
tools.register({ name: "lookup", handler: (args) => {
  if (args.city === "Atlantis") throw new Error("no such city: " + args.city);
  if (args.city === "") throw { code: "bad_argument", message: "city is empty" };
  return "found " + args.city;
} });
const fail = async (f) => { try { await f(); return null; } catch (e) { return e; } };
const missing = await fail(() => tools.call("lookup", { city: "Atlantis" }));
const empty = await fail(() => tools.call("lookup", { city: "" }));
return { found: await tools.call("lookup", { city: "Paris" }), ok: missing === null || empty === null,
  missing: missing.code + ": " + missing.message, empty: empty.code + ": " + empty.message };
