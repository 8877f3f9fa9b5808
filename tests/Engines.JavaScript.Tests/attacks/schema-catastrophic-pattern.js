// expect: bad_argument is not a known argument
// A backtracking engine takes exponential time on this pattern and input; schemas match in linear time.
tools.register({ name: "probe", description: "x", handler: () => 1,
  parameters: { type: "object", patternProperties: { "^(a+)+$": { type: "number" } }, additionalProperties: false } });
return await tools.call("probe", { ["a".repeat(20000) + "!"]: 1 });
