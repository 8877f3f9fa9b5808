// expect: instruction_limit|timeout
try { throw new Error("x"); } finally { while (true) {} }
