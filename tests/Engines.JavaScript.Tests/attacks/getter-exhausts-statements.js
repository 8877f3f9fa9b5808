// expect: instruction_limit
// limits: max_instructions=1000000
// A getter that runs while the host reads an argument hits the statement budget inside the host call.
const o = { get x() { while (true) {} } };
return await tools.call("calculator", { expression: "1", extra: o });
