// expect: instruction_limit|timeout
while (true) {}
