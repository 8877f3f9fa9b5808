tools.register({
  name: "greet", description: "Greet someone",
  parameters: { type: "object", properties: { name: { type: "string" }, times: { type: "integer" } }, required: ["name"] },
  handler: (args) => ("hi " + args.name + "! ").repeat(args.times ?? 1),
});
return { once: await tools.call("greet", { name: "Ada" }), twice: await tools.call("greet", { name: "Bo", times: 2 }) };
