tools.register({ name: "greet", description: "Greet someone",
  parameters: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
  handler: (args) => "hi " + args.name });
const found = tools.get("greet");
const good = tools.validate("greet", { name: "Ada" });
const bad = tools.validate("greet", { name: 5 });
const missing = tools.validate("greet");
const removed = tools.remove("greet");
const again = tools.remove("greet");
let builtin;
try { tools.remove("calculator"); } catch (e) { builtin = e; }
return { found: `${found.name} (${found.source})`, unknown: tools.get("nope") === null,
  good: good.valid, good_errors: good.errors.length, bad: bad.valid, bad_error: bad.errors[0], missing: missing.errors[0],
  removed, again, gone: tools.get("greet") === null, builtin: builtin.code };
