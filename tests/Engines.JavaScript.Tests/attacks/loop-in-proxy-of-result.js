// expect: instruction_limit|timeout
return new Proxy({}, { ownKeys() { while (true) {} } });
