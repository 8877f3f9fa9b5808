// expect: bad_argument refers back to itself
// References that loop without moving into the value would recurse until the stack overflows.
tools.register({ name: "probe", description: "x", handler: () => 1,
  parameters: { $defs: { a: { anyOf: [{ $ref: "#/$defs/b" }] }, b: { $ref: "#/$defs/a" } }, $ref: "#/$defs/a" } });
