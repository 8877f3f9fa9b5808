// expect: instruction_limit|timeout
return { get x() { while (true) {} } };
