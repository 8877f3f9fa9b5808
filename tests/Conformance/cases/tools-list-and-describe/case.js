tools.register({ name: "noop", description: "does nothing", handler: () => null });
const names = tools.list().map((t) => t.name + ":" + t.source);
const d = tools.describe("calculator");
return { names, calculator_required: d.parameters.required, calculator_source: d.source };
